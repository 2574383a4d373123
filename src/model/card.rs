//! What a claim's card shows: its title, with the cite for evidence, and
//! its words, with the quoted words for evidence whose source text is at
//! hand — evidence as debaters cut it: tag, cite, card.

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::{Claim, ClaimId, ClaimKind, Map};

/// The words each claim quotes, read from its source's text (see
/// `source::quotes`): what evidence cards show.
pub type QuotedWords = BTreeMap<ClaimId, String>;

/// A quote longer than this many words is shortened on a card to its
/// first [`QUOTE_HEAD`] and last [`QUOTE_TAIL`] words ("from … to", as a
/// card is read out); the whole quote is in the inspector and exports.
pub const CARD_QUOTE_WORDS: usize = 40;
/// The words a shortened quote keeps from its start.
pub const QUOTE_HEAD: usize = 24;
/// The words a shortened quote keeps from its end.
pub const QUOTE_TAIL: usize = 10;

impl Map {
    /// The title on `claim`'s card: its own, and for evidence from a
    /// source that can be cited, the cite after it, as debaters cut cards:
    /// "No gain for young pupils — Doe 2021".
    /// Borrowed when it is the claim's own title: the canvas asks for every
    /// card's while cards are dragged.
    pub fn card_title<'a>(&self, claim: &'a Claim) -> Option<Cow<'a, str>> {
        let tag = claim
            .title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty());
        let cite = (claim.kind == ClaimKind::Evidence)
            .then(|| self.sources.get(&claim.source.as_ref()?.doc)?.short_cite())
            .flatten();
        match (tag, cite) {
            (Some(tag), Some(cite)) => Some(format!("{tag} — {cite}").into()),
            (None, Some(cite)) => Some(cite.into()),
            (tag, None) => tag.map(Cow::Borrowed),
        }
    }
}

/// The words on `claim`'s card, given the words it quotes from its source
/// (`quoted`, when the source's text is at hand). Evidence shows the
/// quoted words in quotation marks, shortened past
/// [`CARD_QUOTE_WORDS`]: under its tag alone when it has one (the tag says
/// what the card proves), under its own words when it has none and they
/// say more than the quote. Anything else shows its own words.
pub fn card_text<'a>(claim: &'a Claim, quoted: Option<&str>) -> Cow<'a, str> {
    let Some(quoted) = quoted.filter(|_| claim.kind == ClaimKind::Evidence) else {
        return Cow::Borrowed(&claim.text);
    };
    let words: Vec<&str> = quoted.split_whitespace().collect();
    if words.is_empty() {
        return Cow::Borrowed(&claim.text);
    }
    let card = if words.len() > CARD_QUOTE_WORDS {
        format!(
            "“{} … {}”",
            words[..QUOTE_HEAD].join(" "),
            words[words.len() - QUOTE_TAIL..].join(" ")
        )
    } else {
        format!("“{}”", words.join(" "))
    };
    let tagged = claim.title.as_deref().is_some_and(|t| !t.trim().is_empty());
    let own: Vec<&str> = claim.text.split_whitespace().collect();
    if tagged || own.is_empty() || own == words {
        Cow::Owned(card)
    } else {
        Cow::Owned(format!("{}\n{card}", claim.text.trim()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Citation, Pos};

    fn evidence(title: Option<&str>, text: &str) -> Claim {
        Claim {
            title: title.map(str::to_owned),
            kind: ClaimKind::Evidence,
            source: Some(Citation::paragraph("a", 1)),
            ..Claim::new(text, Pos::default())
        }
    }

    #[test]
    fn a_tagged_card_shows_the_quoted_words() {
        let claim = evidence(Some("No gain"), "Homework does not help.");
        assert_eq!(
            card_text(&claim, Some("Homework  had no\neffect.")),
            "“Homework had no effect.”"
        );
        assert_eq!(card_text(&claim, None), "Homework does not help.");
    }

    #[test]
    fn an_untagged_card_keeps_its_own_words_over_the_quote_unless_they_are_the_quote() {
        let claim = evidence(None, "Homework does not help.");
        assert_eq!(
            card_text(&claim, Some("It had no effect.")),
            "Homework does not help.\n“It had no effect.”"
        );
        let same = evidence(None, "It had  no effect.");
        assert_eq!(
            card_text(&same, Some("It had no effect.")),
            "“It had no effect.”"
        );
    }

    #[test]
    fn only_evidence_shows_quotes_and_long_ones_are_shortened_from_to() {
        let mut claim = evidence(Some("Tag"), "Own words.");
        let long: Vec<String> = (1..=60).map(|n| format!("w{n}")).collect();
        let shown = card_text(&claim, Some(&long.join(" ")));
        assert!(shown.starts_with("“w1 w2 "), "{shown}");
        assert!(shown.contains(" w24 … w51 "), "{shown}");
        assert!(shown.ends_with(" w60”"), "{shown}");
        assert_eq!(
            shown.split_whitespace().count(),
            QUOTE_HEAD + QUOTE_TAIL + 1
        );
        claim.kind = ClaimKind::Claim;
        assert_eq!(card_text(&claim, Some("Quoted.")), "Own words.");
    }
}
