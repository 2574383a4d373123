//! Find (Ctrl+F): every claim that matches the query (the rule of
//! [`crate::model::find`], which the HTML handout follows too) is
//! highlighted as you type; Enter and Shift+Enter step through them and
//! the camera follows.

use std::collections::BTreeSet;

use egui::{Key, Modifiers};

use crate::model::{ClaimId, Map};

/// An open search.
#[derive(Debug, Default, Clone)]
pub struct Search {
    /// What is searched for.
    pub query: String,
    /// The claims that match, in reading order.
    pub matches: Vec<ClaimId>,
    /// Which match the camera is on.
    pub current: Option<usize>,
    /// The query and map revision `matches` were found for.
    found_for: Option<(String, u64)>,
}

impl Search {
    /// The matching claims, for highlighting.
    pub fn matching(&self) -> BTreeSet<ClaimId> {
        self.matches.iter().copied().collect()
    }

    /// The claim the camera is on.
    pub fn current_claim(&self) -> Option<ClaimId> {
        self.current.and_then(|i| self.matches.get(i).copied())
    }

    /// Finds the matches again when the query or the map changed.
    pub fn refresh(&mut self, map: &Map, revision: u64) {
        // Compared in place: this runs every frame while the bar is open.
        if self
            .found_for
            .as_ref()
            .is_some_and(|(query, r)| *r == revision && *query == self.query)
        {
            return;
        }
        self.found_for = Some((self.query.clone(), revision));
        let previous = self.current_claim();
        self.matches = crate::model::find::find(map, &self.query);
        self.current = previous
            .and_then(|c| self.matches.iter().position(|&m| m == c))
            .or_else(|| (!self.matches.is_empty()).then_some(0));
    }

    /// Moves to the next (or previous) match, wrapping around.
    pub fn step(&mut self, forward: bool) -> Option<ClaimId> {
        let n = self.matches.len();
        if n == 0 {
            return None;
        }
        let i = match (self.current, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.current = Some(i);
        self.matches.get(i).copied()
    }
}

/// What the search bar asks for this frame.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing new.
    Stay,
    /// Show this match.
    Show(ClaimId),
    /// Close the bar.
    Close,
}

/// The search bar, over the top right of the canvas.
pub fn search_ui(ctx: &egui::Context, canvas: egui::Rect, search: &mut Search) -> Outcome {
    let mut outcome = Outcome::Stay;
    let field_id = egui::Id::unique("argmap-search-field");
    let focused = ctx.memory(|m| m.has_focus(field_id));
    // Esc closes the bar wherever the focus is.
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
        return Outcome::Close;
    }
    if focused {
        // Shift+Enter first: a plain Enter pattern matches it too.
        let (previous, next) = ctx.input_mut(|i| {
            (
                i.consume_key(Modifiers::SHIFT, Key::Enter),
                i.consume_key(Modifiers::NONE, Key::Enter),
            )
        });
        if let Some(id) = (next || previous).then(|| search.step(next)).flatten() {
            outcome = Outcome::Show(id);
        }
    }
    egui::Area::new(egui::Id::unique("argmap-search"))
        .order(egui::Order::Foreground)
        .pivot(egui::Align2::RIGHT_TOP)
        .fixed_pos(canvas.right_top() + egui::vec2(-12.0, 8.0))
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    let field = ui.add(
                        egui::TextEdit::singleline(&mut search.query)
                            .id(field_id)
                            .hint_text("Find in claims, notes and #tags")
                            .desired_width(200.0),
                    );
                    if !focused && outcome == Outcome::Stay {
                        field.request_focus();
                    }
                    let status = match (search.current, search.matches.len()) {
                        (_, 0) if search.query.trim().is_empty() => String::new(),
                        (_, 0) => "no match".to_owned(),
                        (Some(i), n) => format!("{} of {n}", i + 1),
                        (None, n) => format!("{n} found"),
                    };
                    ui.label(status);
                    if ui
                        .small_button("Previous")
                        .on_hover_text("Previous (Shift+Enter)")
                        .clicked()
                        && let Some(id) = search.step(false)
                    {
                        outcome = Outcome::Show(id);
                    }
                    if ui
                        .small_button("Next")
                        .on_hover_text("Next (Enter)")
                        .clicked()
                        && let Some(id) = search.step(true)
                    {
                        outcome = Outcome::Show(id);
                    }
                    if ui
                        .small_button("Close")
                        .on_hover_text("Close (Esc)")
                        .clicked()
                    {
                        outcome = Outcome::Close;
                    }
                });
            });
        });
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::find::find;
    use crate::model::{Claim, Pos};

    #[test]
    fn every_word_matches_in_any_case_and_steps_wrap() {
        let mut map = Map::new("t");
        let a = map.add_claim(Claim::new("Rule by law (法治)", Pos::default()));
        let b = map.add_claim(Claim {
            note: Some("About the LAW of data".into()),
            ..Claim::new("Data rules", Pos::default())
        });
        map.add_claim(Claim::new("Nothing here", Pos::default()));
        assert_eq!(find(&map, "law"), vec![a, b]);
        assert_eq!(find(&map, "法治"), vec![a]);
        assert_eq!(find(&map, "law data"), vec![b]);
        assert!(find(&map, "  ").is_empty());
        // Tags are found as #tag: a merge's conflicts are one search away.
        let c = map.add_claim(Claim {
            tags: vec!["merge-conflict".into()],
            ..Claim::new("Kept from a merge", Pos::default())
        });
        assert_eq!(find(&map, "#merge-conflict"), vec![c]);
        assert_eq!(find(&map, "merge-conflict"), vec![c]);
        let mut search = Search {
            query: "law".into(),
            ..Search::default()
        };
        search.refresh(&map, 1);
        assert_eq!(search.current_claim(), Some(a));
        assert_eq!(search.step(true), Some(b));
        assert_eq!(search.step(true), Some(a));
        assert_eq!(search.step(false), Some(b));
    }
}
