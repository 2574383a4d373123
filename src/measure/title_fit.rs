//! A claim's title set as large as its card holds: what a card shows when
//! the map is seen whole and its text would be too small to read (the
//! canvas zoomed out, an overview export). One fitting for every drawing,
//! so the canvas and the exports break a title into the same rows.
//!
//! The fitting depends only on the title and the card's size, never on
//! the zoom: a card's rows do not move while the map is zoomed, and the
//! zoom only decides whether the title reads at that size.

use egui::{Vec2, vec2};

use super::{Face, TextMeasure};
use crate::card::TEXT_SIZE;

/// The smallest size a title is set in: the claim text's own.
pub const MIN_TITLE_SIZE: f32 = TEXT_SIZE;
/// The largest: a short title on a tall card stays a heading.
pub const MAX_TITLE_SIZE: f32 = 32.0;
/// Screen points at which a title still reads (the "about 7 px").
pub const READABLE_POINTS: f32 = 7.0;
/// Space kept free inside the card's border: the role stripe on the left,
/// a little on every other side.
const INSET_LEFT: f32 = 12.0;
const INSET: Vec2 = vec2(8.0, 6.0);
/// The rows are measured at text size and scaled: glyphs rounded to the
/// screen's pixels can come out a little wider, so rows keep this share
/// of the width free.
const WIDTH_SLACK: f32 = 0.04;
/// Words of a title considered; the rest of a very long one is cut.
const MAX_WORDS: usize = 16;

/// A title fitted to its card.
#[derive(Clone, Debug, PartialEq)]
pub struct FittedTitle {
    /// The font size, in map units.
    pub size: f32,
    /// The rows, in reading order, each placed relative to the card's
    /// top-left corner.
    pub rows: Vec<TitleRow>,
}

/// One row of a fitted title.
#[derive(Clone, Debug, PartialEq)]
pub struct TitleRow {
    /// The row's words (logical order), or the row cut short with "…".
    pub text: String,
    /// The left end of its baseline, from the card's top-left corner: the
    /// row is centred across the card.
    pub baseline: Vec2,
    /// Its top, from the card's top.
    pub top: f32,
    /// Its width at [`FittedTitle::size`].
    pub width: f32,
}

impl FittedTitle {
    /// The size the title shows on screen at `zoom` (screen points per map
    /// unit).
    pub fn shown_size(&self, zoom: f32) -> f32 {
        self.size * zoom
    }

    /// Whether the title reads at `zoom`.
    pub fn reads_at(&self, zoom: f32) -> bool {
        !self.rows.is_empty() && self.shown_size(zoom) >= READABLE_POINTS
    }
}

impl TextMeasure {
    /// `title` set in bold as large as fits a card of `card` size (up to
    /// [`MAX_TITLE_SIZE`]), in rows broken between words and centred. A
    /// title that does not fit even at [`MIN_TITLE_SIZE`] keeps the rows
    /// that fit, the last ending in "…".
    pub fn fit_title(&mut self, title: &str, card: Vec2) -> FittedTitle {
        let shown = self.shown(title).into_owned();
        let words: Vec<&str> = shown.split_whitespace().take(MAX_WORDS).collect();
        let inner = vec2(
            (card.x - INSET_LEFT - INSET.x).max(1.0),
            (card.y - 2.0 * INSET.y).max(1.0),
        );
        if words.is_empty() {
            return FittedTitle {
                size: MIN_TITLE_SIZE,
                rows: Vec::new(),
            };
        }
        // Widths at text size of every run of words i..j (a title has a
        // handful), so each trial size only scales them.
        let n = words.len();
        let mut widths = vec![0.0_f32; n * (n + 1)];
        for i in 0..n {
            for j in i + 1..=n {
                widths[i * (n + 1) + j] = self.row_width_in(Face::Title, &words[i..j].join(" "));
            }
        }
        let width_of = |i: usize, j: usize| widths[i * (n + 1) + j];
        let (row_height, _) = self.row_metrics(Face::Title);
        let usable = inner.x * (1.0 - WIDTH_SLACK);
        // The rows at `size`, if every word fits across and the rows fit
        // down; `None` otherwise.
        let rows_at = |size: f32| -> Option<Vec<(usize, usize)>> {
            let scale = size / TEXT_SIZE;
            let mut rows = Vec::new();
            let mut start = 0;
            for end in 1..=n {
                if width_of(end - 1, end) * scale > usable {
                    return None;
                }
                if width_of(start, end) * scale > usable {
                    rows.push((start, end - 1));
                    start = end - 1;
                }
            }
            rows.push((start, n));
            #[expect(clippy::cast_precision_loss, reason = "A handful of rows.")]
            let height = rows.len() as f32 * row_height * scale;
            (height <= inner.y).then_some(rows)
        };
        // Fitting is monotone in the size: halve the interval to the
        // largest size that fits, on a half-unit grid.
        let (mut low, mut high) = (MIN_TITLE_SIZE, MAX_TITLE_SIZE);
        let fitted = if rows_at(high).is_some() {
            Some(high)
        } else if rows_at(low).is_some() {
            while high - low > 0.25 {
                let mid = f32::midpoint(low, high);
                if rows_at(mid).is_some() {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            Some((low * 2.0).floor() / 2.0)
        } else {
            None
        };
        if let Some((size, rows)) = fitted.and_then(|size| Some((size, rows_at(size)?))) {
            let texts = rows
                .into_iter()
                .map(|(i, j)| (words[i..j].join(" "), width_of(i, j) * size / TEXT_SIZE))
                .collect();
            self.placed(size, texts, card, inner)
        } else {
            let texts = self.cut_to_fit(&words, inner, usable);
            self.placed(MIN_TITLE_SIZE, texts, card, inner)
        }
    }

    /// The rows of a title too long for its card at the smallest size:
    /// broken between words (inside a word only when it alone is too
    /// wide), as many as fit, the last one ending in "…".
    fn cut_to_fit(&mut self, words: &[&str], inner: Vec2, usable: f32) -> Vec<(String, f32)> {
        let (row_height, _) = self.row_metrics(Face::Title);
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "Whole rows only, and always at least one."
        )]
        let most = ((inner.y / row_height).floor() as usize).max(1);
        let mut rows: Vec<String> = Vec::new();
        let mut row = String::new();
        for word in words {
            let joined = if row.is_empty() {
                (*word).to_owned()
            } else {
                format!("{row} {word}")
            };
            if self.row_width_in(Face::Title, &joined) <= usable {
                row = joined;
                continue;
            }
            if !row.is_empty() {
                rows.push(std::mem::take(&mut row));
            }
            // A word wider than the card: as many of its letters as fit.
            for c in word.chars() {
                row.push(c);
                if self.row_width_in(Face::Title, &row) > usable && row.chars().count() > 1 {
                    row.pop();
                    rows.push(std::mem::take(&mut row));
                    row.push(c);
                }
            }
        }
        if !row.is_empty() {
            rows.push(row);
        }
        let cut = rows.len() > most;
        rows.truncate(most);
        if cut && let Some(last) = rows.last_mut() {
            last.push('…');
            while self.row_width_in(Face::Title, last) > usable && last.chars().count() > 1 {
                last.pop();
                last.pop();
                last.push('…');
            }
        }
        rows.into_iter()
            .map(|row| {
                let width = self.row_width_in(Face::Title, &row);
                (row, width)
            })
            .collect()
    }

    /// `rows` of `size` placed in the card: the block centred down the
    /// card's free space, each row centred across it.
    fn placed(&self, size: f32, rows: Vec<(String, f32)>, card: Vec2, inner: Vec2) -> FittedTitle {
        let (row_height, ascent) = self.row_metrics(Face::Title);
        let scale = size / TEXT_SIZE;
        let (row_height, ascent) = (row_height * scale, ascent * scale);
        #[expect(clippy::cast_precision_loss, reason = "A handful of rows.")]
        let block = rows.len() as f32 * row_height;
        let top = INSET.y + ((card.y - 2.0 * INSET.y) - block).max(0.0) / 2.0;
        let rows = rows
            .into_iter()
            .enumerate()
            .map(|(i, (text, width))| {
                #[expect(clippy::cast_precision_loss, reason = "A handful of rows.")]
                let row_top = top + row_height * i as f32;
                let left = INSET_LEFT + (inner.x - width).max(0.0) / 2.0;
                TitleRow {
                    text,
                    baseline: vec2(left, row_top + ascent),
                    top: row_top,
                    width,
                }
            })
            .collect();
        FittedTitle { size, rows }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::CARD_WIDTH;

    fn inside(fitted: &FittedTitle, card: Vec2) {
        for row in &fitted.rows {
            assert!(row.baseline.x >= INSET_LEFT - 0.01, "{row:?}");
            assert!(
                row.baseline.x + row.width <= card.x - INSET.x + 0.01,
                "{row:?}"
            );
            assert!(row.top >= INSET.y - 0.01, "{row:?}");
        }
        let (row_height, _) = TextMeasure::new().row_metrics(Face::Title);
        if let Some(last) = fitted.rows.last() {
            let bottom = last.top + row_height * fitted.size / TEXT_SIZE;
            assert!(bottom <= card.y - INSET.y + 0.01, "{fitted:?}");
        }
    }

    #[test]
    fn a_short_title_on_a_tall_card_is_set_large_in_whole_words() {
        let mut measure = TextMeasure::new();
        let card = vec2(CARD_WIDTH, 120.0);
        let fitted = measure.fit_title("Crackdown builds institutions", card);
        assert!(fitted.size >= 24.0, "{}", fitted.size);
        let words: Vec<&str> = fitted.rows.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(words.join(" "), "Crackdown builds institutions");
        inside(&fitted, card);
        assert!(fitted.reads_at(0.3));
        assert!(!fitted.reads_at(0.1));
    }

    #[test]
    fn a_larger_card_never_gets_a_smaller_title() {
        let mut measure = TextMeasure::new();
        let mut last = 0.0;
        for height in [50.0, 60.0, 80.0, 100.0, 140.0, 200.0] {
            let card = vec2(CARD_WIDTH, height);
            let fitted = measure.fit_title("Western fear mirrors the West", card);
            assert!(fitted.size >= last, "{height}: {} < {last}", fitted.size);
            inside(&fitted, card);
            last = fitted.size;
        }
        assert!(last <= MAX_TITLE_SIZE);
    }

    #[test]
    fn a_title_too_long_for_its_card_is_cut_with_an_ellipsis() {
        let mut measure = TextMeasure::new();
        let card = vec2(CARD_WIDTH, 50.0);
        let long = "an extraordinarily long title that could never fit on one small card at all";
        let fitted = measure.fit_title(long, card);
        assert!((fitted.size - MIN_TITLE_SIZE).abs() < f32::EPSILON);
        assert!(fitted.rows.last().is_some_and(|r| r.text.ends_with('…')));
        inside(&fitted, card);
        // One word wider than the card is broken between its letters.
        let fitted = measure.fit_title(&"x".repeat(80), card);
        assert!(!fitted.rows.is_empty());
        inside(&fitted, card);
    }

    #[test]
    fn chinese_and_empty_titles_are_handled() {
        let mut measure = TextMeasure::new();
        let card = vec2(CARD_WIDTH, 90.0);
        let fitted = measure.fit_title("Rule by law (法治)", card);
        assert!(fitted.reads_at(0.3), "{}", fitted.size);
        let empty = measure.fit_title("   ", card);
        assert!(empty.rows.is_empty());
        assert!(!empty.reads_at(1.0));
    }
}
