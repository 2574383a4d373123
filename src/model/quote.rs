//! Words a claim quotes from its source, kept as where they are and a
//! check of them (not the words themselves), within one paragraph or
//! across several.

use serde::{Deserialize, Serialize};

/// Quoted words: characters `start..end` of the cited paragraph (the
/// first of a range), or from `start` there to `end` of paragraph
/// `ends_in` for words that run over a paragraph break; and a check of
/// those words, so a changed file is noticed rather than quoted wrongly.
/// The words themselves stay in the source: a map can quote a text it may
/// not copy.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Quote {
    /// The first character, counting from 0 within the paragraph.
    pub start: u32,
    /// One past the last character (within `ends_in` when it is set).
    pub end: u32,
    /// [`Quote::check_of`] the quoted words.
    pub check: String,
    /// The paragraph the words end in, when it is not the one they start
    /// in (they run over the break).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ends_in: Option<u32>,
}

impl Quote {
    /// A short check of `words` (64-bit FNV-1a, in hex): the same words
    /// give the same check on every machine.
    pub fn check_of(words: &str) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in words.as_bytes() {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        format!("{hash:016x}")
    }

    /// The quote of characters `start..end` of `paragraph`, or `None`
    /// when the span is empty or outside it.
    pub fn of(paragraph: &str, start: usize, end: usize) -> Option<Self> {
        let words: String = paragraph
            .chars()
            .skip(start)
            .take(end.checked_sub(start)?)
            .collect();
        if words.is_empty() || words.chars().count() != end - start {
            return None;
        }
        Some(Self {
            start: u32::try_from(start).ok()?,
            end: u32::try_from(end).ok()?,
            check: Self::check_of(&words),
            ends_in: None,
        })
    }

    /// The quote of a span that runs from character `start` of the first
    /// of `paragraphs` (paragraph number `first_para`) to character `end`
    /// of the last (the paragraphs in between whole), or `None` when it is
    /// empty or outside them. One paragraph is [`Quote::of`].
    pub fn across(first_para: u32, paragraphs: &[&str], start: usize, end: usize) -> Option<Self> {
        match paragraphs {
            [] => None,
            [one] => Self::of(one, start, end),
            [first, .., last] => {
                if start >= first.chars().count() || end == 0 || end > last.chars().count() {
                    return None;
                }
                let words = Self::joined(paragraphs, start, end);
                let more = u32::try_from(paragraphs.len() - 1).ok()?;
                Some(Self {
                    start: u32::try_from(start).ok()?,
                    end: u32::try_from(end).ok()?,
                    check: Self::check_of(&words),
                    ends_in: Some(first_para.checked_add(more)?),
                })
            }
        }
    }

    /// The paragraphs the words run over, first and last, when they start
    /// in paragraph `first`.
    pub fn span(&self, first: u32) -> (u32, u32) {
        (first, self.ends_in.filter(|&e| e > first).unwrap_or(first))
    }

    /// The words from character `start` of the first paragraph to `end` of
    /// the last, a space at each paragraph break.
    pub fn joined(paragraphs: &[&str], start: usize, end: usize) -> String {
        let last = paragraphs.len().saturating_sub(1);
        paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let from = if i == 0 { start } else { 0 };
                let to = if i == last { end } else { p.chars().count() };
                p.chars()
                    .skip(from)
                    .take(to.saturating_sub(from))
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The quoted words in `paragraphs` (the citation's first to last), if
    /// they are still the ones quoted: `end` counts in the last.
    pub fn words_across(&self, paragraphs: &[&str]) -> Option<String> {
        match paragraphs {
            [] => None,
            [one] => self.words(one),
            [_, .., last] => {
                let (start, end) = (self.start as usize, self.end as usize);
                if end > last.chars().count() || start >= paragraphs[0].chars().count() {
                    return None;
                }
                let words = Self::joined(paragraphs, start, end);
                (Self::check_of(&words) == self.check).then_some(words)
            }
        }
    }

    /// The quoted words in `paragraph`, if they are still the ones quoted.
    pub fn words(&self, paragraph: &str) -> Option<String> {
        let (start, end) = (self.start as usize, self.end as usize);
        let words: String = paragraph
            .chars()
            .skip(start)
            .take(end.checked_sub(start)?)
            .collect();
        (words.chars().count() == end - start && Self::check_of(&words) == self.check)
            .then_some(words)
    }
}
