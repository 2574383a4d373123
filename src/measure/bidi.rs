//! Right-to-left text on cards: which characters cards leave out or keep
//! for the shaper, where right-to-left runs are, and the order egui must
//! be given a row in so it reads correctly.

use std::borrow::Cow;

/// Characters with no look of their own that only steer other characters
/// and that cards leave out: the zero-width space and word joiners,
/// direction embeddings, overrides and isolates (which could make a card
/// read differently from its text), variation selectors, the byte order
/// mark. The joiners (ZWJ, ZWNJ) and the direction marks (LRM, RLM) stay:
/// the shaper and the bidirectional algorithm need them.
pub(super) fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{200B}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}')
}

/// Characters that steer joining or direction and that reach the shaper
/// as they are: ZWNJ, ZWJ, LRM, RLM.
pub(super) fn is_kept_format(c: char) -> bool {
    matches!(c, '\u{200C}'..='\u{200F}')
}

/// Whether `c` is written right to left (Hebrew, Arabic, Syriac, Thaana,
/// N'Ko and their presentation forms).
pub fn is_right_to_left(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}'
        | '\u{FB1D}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}'
        | '\u{10800}'..='\u{10FFF}'
        | '\u{1E800}'..='\u{1EFFF}')
}

/// One row of claim text as egui must be given it to show it in reading
/// order. egui shapes each run of one font with harfrust, which orders and
/// joins Hebrew and Arabic inside the run, but it places the runs left to
/// right in the order they come. So the characters stay in logical order
/// and only the runs move: the row's bidirectional levels (Unicode's
/// algorithm) put its level runs in visual order, and inside a
/// right-to-left run each word of right-to-left letters (one font run for
/// the shaper) and each other character (a space, a comma, drawn by
/// another font) take the reversed order. Brackets in a right-to-left run
/// are mirrored, as the shaper would mirror them.
pub fn display_order(row: &str) -> Cow<'_, str> {
    if row.is_ascii() || !row.chars().any(is_right_to_left) {
        return Cow::Borrowed(row);
    }
    let info = unicode_bidi::BidiInfo::new(row, None);
    let mut shown = String::with_capacity(row.len());
    for paragraph in &info.paragraphs {
        let (levels, runs) = info.visual_runs(paragraph, paragraph.range.clone());
        for run in runs {
            let text = &row[run.clone()];
            if levels
                .get(run.start)
                .is_some_and(unicode_bidi::Level::is_rtl)
            {
                for unit in units(text).into_iter().rev() {
                    match unit.as_slice() {
                        [c] => shown.push(mirrored(*c)),
                        unit => shown.extend(unit.iter()),
                    }
                }
            } else {
                shown.push_str(text);
            }
        }
    }
    Cow::Owned(shown)
}

/// The byte ranges of `row` written in a right-to-left script: from the
/// first such letter to the last one before anything written left to right
/// (Latin, digits, Chinese), spaces and punctuation between them included.
/// Exports set these in the bundled Hebrew–Arabic font, so each is shaped
/// by one font that has all of it.
pub fn right_to_left_runs(row: &str) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    if row.is_ascii() {
        return runs;
    }
    let mut open: Option<std::ops::Range<usize>> = None;
    for (i, c) in row.char_indices() {
        let end = i + c.len_utf8();
        if is_right_to_left(c) {
            match &mut open {
                Some(run) => run.end = end,
                None => open = Some(i..end),
            }
        } else if unicode_normalization::char::is_combining_mark(c) || is_kept_format(c) {
            if let Some(run) = &mut open
                && run.end == i
            {
                run.end = end;
            }
        } else if !(c.is_whitespace() || c.is_ascii_punctuation()) {
            runs.extend(open.take());
        }
    }
    runs.extend(open);
    runs
}

/// The pieces of a right-to-left run that keep their order: each word of
/// right-to-left letters (with its marks and joiners), and every other
/// character on its own.
fn units(run: &str) -> Vec<Vec<char>> {
    let mut units: Vec<Vec<char>> = Vec::new();
    let mut in_word = false;
    for c in run.chars() {
        let attaches = unicode_normalization::char::is_combining_mark(c) || is_kept_format(c);
        if let Some(last) = units.last_mut()
            && (attaches || (in_word && is_right_to_left(c)))
        {
            last.push(c);
            continue;
        }
        in_word = is_right_to_left(c);
        units.push(vec![c]);
    }
    units
}

/// The bracket facing the other way, for brackets drawn right to left.
fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_to_left_runs_take_their_spaces_but_not_their_neighbours() {
        fn runs(row: &str) -> Vec<&str> {
            right_to_left_runs(row)
                .into_iter()
                .map(|r| &row[r])
                .collect()
        }
        assert_eq!(runs("Café 法治"), Vec::<&str>::new());
        assert_eq!(runs("سيادة القانون"), ["سيادة القانون"]);
        assert_eq!(runs("Hebrew: שלום עליכם, peace"), ["שלום עליכם"]);
        assert_eq!(
            runs("Arabic: سيادة القانون (rule) 2024 שלום"),
            ["سيادة القانون", "שלום"]
        );
        assert_eq!(runs("شلوار پارچه\u{200C}ای."), ["شلوار پارچه\u{200C}ای"]);
    }
}
