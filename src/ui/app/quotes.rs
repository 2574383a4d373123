//! The words the map's evidence quotes, kept for its cards: read from the
//! sources' files only when the map's sources or citations change (or the
//! source panel reads a text), never every frame.

use std::hash::{Hash, Hasher};

use super::ArgmapApp;
use crate::model::{ClaimKind, QuotedWords};
use crate::ui::canvas::Quoting;

/// The quoted words, and what they were read for.
#[derive(Default)]
pub(super) struct CardQuotes {
    /// The document state and source panel they were checked against.
    checked: Option<u64>,
    /// The map's folder, sources and evidence citations they were read for.
    read_for: Option<u64>,
    /// Each claim's quoted words.
    words: QuotedWords,
    /// Counts up whenever `words` change.
    generation: u64,
    /// The generation whose cards were checked for overlaps.
    checked_room: u64,
}

impl CardQuotes {
    /// The words, for the canvas.
    pub(super) fn quoting(&self) -> Quoting<'_> {
        Quoting {
            words: &self.words,
            generation: self.generation,
        }
    }

    /// The words, for laying out cards.
    pub(super) fn words(&self) -> &QuotedWords {
        &self.words
    }
}

impl ArgmapApp {
    /// Brings the cards' quoted words up to date: cheap when nothing that
    /// could change them did.
    pub(super) fn refresh_card_quotes(&mut self) {
        // A PDF read, or a file located, in the source panel.
        let panel = self
            .source
            .loaded
            .as_ref()
            .map(|loaded| (&loaded.key, &loaded.path, loaded.text.is_ok()));
        let checked = {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            self.doc.state().hash(&mut hasher);
            self.doc.path.hash(&mut hasher);
            panel.hash(&mut hasher);
            hasher.finish()
        };
        if self.card_quotes.checked == Some(checked) {
            return;
        }
        self.card_quotes.checked = Some(checked);
        let read_for = {
            let map = &self.doc.map;
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            panel.hash(&mut hasher);
            self.doc.path.hash(&mut hasher);
            map.sources.hash(&mut hasher);
            for (id, claim) in &map.claims {
                if claim.kind == ClaimKind::Evidence
                    && let Some(citation) = &claim.source
                    && citation.quote.is_some()
                {
                    (id, citation).hash(&mut hasher);
                }
            }
            hasher.finish()
        };
        if self.card_quotes.read_for == Some(read_for) {
            return;
        }
        self.card_quotes.read_for = Some(read_for);
        let mut words = self.exported_quotes().0;
        words.retain(|id, _| {
            self.doc
                .map
                .claims
                .get(id)
                .is_some_and(|c| c.kind == ClaimKind::Evidence)
        });
        if words != self.card_quotes.words {
            self.card_quotes.words = words;
            self.card_quotes.generation += 1;
        }
    }

    /// Once the cards are drawn with new quoted words: when evidence that
    /// now shows them overlaps other cards (the map was arranged without
    /// its sources' texts at hand), says so and how to make room — the
    /// cards are the user's to move, so they are not moved unasked.
    pub(super) fn say_crowded_quotes(&mut self) {
        let quotes = &self.card_quotes;
        if quotes.checked_room == quotes.generation {
            return;
        }
        let Some(crowded) = self.view.overlapping(quotes.words.keys().copied()) else {
            return;
        };
        self.card_quotes.checked_room = self.card_quotes.generation;
        if crowded.is_empty() {
            return;
        }
        let arrange = crate::ui::commands::UiCommand::Arrange;
        self.messages.status(format!(
            "{} now {} the words {} quote{} and overlap{} other cards: {} ({}) makes room",
            crate::words::count(crowded.len(), "evidence card"),
            if crowded.len() == 1 { "shows" } else { "show" },
            if crowded.len() == 1 { "it" } else { "they" },
            if crowded.len() == 1 { "s" } else { "" },
            if crowded.len() == 1 { "s" } else { "" },
            arrange.label(),
            arrange.shortcut_text(&self.ctx),
        ));
    }
}
