//! What the checks need to know of a claim's wording, read in one pass over
//! its text: how many words it has, the first reason word inside it, how
//! many sentence marks, and a key that is equal for claims that say the
//! same thing (case, spacing and punctuation aside).

use crate::model::ClaimId;

/// One claim's wording, as the checks see it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Wording {
    /// Its words, split at white space.
    pub words: usize,
    /// The first reason word inside it ("because", "therefore", "so",
    /// "since"), not counting its first word.
    pub reason_word: Option<&'static str>,
    /// How many sentence marks ('.', '!', '?') it has.
    pub marks: usize,
}

/// A word being read.
#[derive(Clone, Copy)]
struct Word {
    /// Where its letters start in the key.
    key_start: usize,
    /// Whether a space was put in the key before it.
    spaced: bool,
    /// Where its first letter or digit starts and its last ends, in the
    /// text.
    letters: Option<(usize, usize)>,
}

/// Reads every claim's wording, and finds the claims that repeat an
/// earlier one.
pub(super) struct Reader {
    /// The comparison keys of all claims read so far, end to end.
    keys: Vec<u8>,
    /// Where each claim's key lies in `keys`.
    spans: Vec<std::ops::Range<usize>>,
}

impl Reader {
    pub fn with_capacity(claims: usize) -> Self {
        Self {
            keys: Vec::with_capacity(claims * 64),
            spans: Vec::with_capacity(claims),
        }
    }

    /// Reads one claim's text; claims are read in id order. One pass over
    /// the characters, with no copy of a word: claims are read for every
    /// edit, and maps have thousands.
    pub fn read(&mut self, text: &str) -> Wording {
        let start = self.keys.len();
        let mut wording = Wording::default();
        // The word before the current one, without its punctuation.
        let mut previous: Option<&str> = None;
        let mut word: Option<Word> = None;
        for (at, c) in text.char_indices() {
            if c.is_whitespace() {
                if let Some(done) = word.take() {
                    self.finish(text, done, start, &mut previous, &mut wording);
                }
                continue;
            }
            let current = word.get_or_insert_with(|| {
                let spaced = self.keys.len() > start;
                if spaced {
                    self.keys.push(b' ');
                }
                Word {
                    key_start: self.keys.len(),
                    spaced,
                    letters: None,
                }
            });
            if c.is_ascii_alphanumeric() {
                self.keys.push(c.to_ascii_lowercase() as u8);
            } else if !c.is_ascii() && c.is_alphanumeric() {
                for lower in c.to_lowercase() {
                    let mut buffer = [0; 4];
                    self.keys
                        .extend_from_slice(lower.encode_utf8(&mut buffer).as_bytes());
                }
            } else {
                wording.marks += usize::from(matches!(c, '.' | '!' | '?'));
                continue;
            }
            let end = at + c.len_utf8();
            match &mut current.letters {
                Some((_, last)) => *last = end,
                None => current.letters = Some((at, end)),
            }
        }
        if let Some(done) = word {
            self.finish(text, done, start, &mut previous, &mut wording);
        }
        if wording.reason_word.is_none()
            && let Some(last) = previous
        {
            wording.reason_word = reason_word(last, "");
        }
        self.spans.push(start..self.keys.len());
        wording
    }

    /// Ends a word of the claim whose key starts at `start`.
    fn finish<'t>(
        &mut self,
        text: &'t str,
        word: Word,
        start: usize,
        previous: &mut Option<&'t str>,
        wording: &mut Wording,
    ) {
        if word.spaced && self.keys.len() == word.key_start {
            // Only punctuation: no word in the key.
            self.keys.pop();
        }
        debug_assert!(self.keys.len() >= start);
        let trimmed = word.letters.map_or("", |(from, to)| &text[from..to]);
        if wording.reason_word.is_none()
            && let Some(before) = *previous
        {
            wording.reason_word = reason_word(before, trimmed);
        }
        // The first word is never a reason inside the claim ("Because…").
        *previous = Some(if wording.words == 0 { "" } else { trimmed });
        wording.words += 1;
    }

    /// For each claim read (in id order), the earlier claim it repeats;
    /// claims with no letters or digits repeat nothing.
    pub fn duplicates(&self, ids: &[ClaimId]) -> Vec<Option<ClaimId>> {
        let mut first: std::collections::HashMap<&[u8], ClaimId> =
            std::collections::HashMap::with_capacity(self.spans.len());
        self.spans
            .iter()
            .zip(ids)
            .map(|(span, &id)| {
                let key = &self.keys[span.clone()];
                if key.is_empty() {
                    return None;
                }
                let earlier = *first.entry(key).or_insert(id);
                (earlier != id).then_some(earlier)
            })
            .collect()
    }
}

/// `word` as a reason word, given the word after it: "because" and
/// "therefore" always; "so" but in "so that", "so far"…; "since" but
/// before a number or a time ("since 2008", "since then").
fn reason_word(word: &str, next: &str) -> Option<&'static str> {
    let is = |w: &str, s: &str| w.eq_ignore_ascii_case(s);
    let next_is = |list: &[&str]| list.iter().any(|s| is(next, s));
    if is(word, "because") {
        Some("because")
    } else if is(word, "therefore") {
        Some("therefore")
    } else if is(word, "so") && !next_is(&["that", "far", "much", "many", "long", "called", "as"]) {
        Some("so")
    } else if is(word, "since")
        && !next.starts_with(|c: char| c.is_ascii_digit())
        && !next_is(&["then", "when", "ever", "last", "early", "late"])
    {
        Some("since")
    } else {
        None
    }
}

/// Why `text` looks like two claims in one, if it does: a reason word
/// inside it, or two full sentences.
pub(super) fn two_claims(text: &str, wording: &Wording) -> Option<String> {
    if let Some(word) = wording.reason_word {
        return Some(format!("It gives a reason inside itself (\"{word}\")"));
    }
    // Two sentences: an end mark, then a capital, each side three words
    // or more. Most claims have one end mark at most, at the end: one
    // sentence, with nothing more to look at.
    if wording.marks == 0 || wording.marks == 1 && text.trim_end().ends_with(['.', '!', '?']) {
        return None;
    }
    let sentences: Vec<&str> = text
        .split_inclusive(['.', '!', '?'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let full = |s: &&str| {
        s.split_whitespace().count() >= 3 && s.chars().next().is_some_and(char::is_uppercase)
    };
    (sentences.iter().filter(|s| full(s)).count() >= 2).then(|| "It holds two sentences".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Wording {
        Reader::with_capacity(1).read(text)
    }

    #[test]
    fn words_reason_words_and_marks_are_counted() {
        assert_eq!(
            read("Scores are public, because shame deters."),
            Wording {
                words: 6,
                reason_word: Some("because"),
                marks: 1
            }
        );
        assert_eq!(read("Because it rains, we stay.").reason_word, None);
        assert_eq!(read("It has grown since 2014.").reason_word, None);
        assert_eq!(read("It is so far untested.").reason_word, None);
        assert_eq!(
            read("Rules bind, so courts can check them!").reason_word,
            Some("so")
        );
        assert_eq!(read("  ").words, 0);
        assert_eq!(read("Is it? Yes. No!").marks, 3);
    }

    #[test]
    fn keys_ignore_case_spacing_and_punctuation() {
        let mut reader = Reader::with_capacity(4);
        reader.read("Courts must check the scores.");
        reader.read("courts   MUST check — the scores");
        reader.read("Çourts must check the scores");
        reader.read("…");
        let ids = [ClaimId(1), ClaimId(2), ClaimId(3), ClaimId(4)];
        assert_eq!(
            reader.duplicates(&ids),
            vec![None, Some(ClaimId(1)), None, None]
        );
        let mut accents = Reader::with_capacity(2);
        accents.read("ÇA VA");
        accents.read("ça va.");
        assert_eq!(accents.duplicates(&ids[..2]), vec![None, Some(ClaimId(1))]);
    }
}
