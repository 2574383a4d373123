//! The size of a claim's card: one text measurement for the canvas, the
//! layout and exports, so a card is the same size everywhere.

use std::borrow::Cow;
use std::sync::Arc;

use rayon::prelude::*;
use unicode_normalization::UnicodeNormalization as _;

use egui::epaint::text::{FontData, FontDefinitions, FontFamily, Fonts, TextOptions, ViewportKey};
use egui::{Color32, FontId, Galley, Vec2};

use crate::card::{Sizes, TEXT_SIZE, card_size, text_wrap_width};

/// The font of claim text.
pub fn text_font() -> FontId {
    FontId::proportional(TEXT_SIZE)
}

/// The bundled CJK font, compiled in so Chinese, Japanese and Korean text
/// renders the same on every machine, with or without system fonts.
const CJK_FONT: &[u8] = include_bytes!("../assets/fonts/DroidSansFallbackFull.ttf");

/// Hebrew, Arabic and arrows, which no other bundled font covers, and the
/// � that stands for characters no font has.
const RTL_FONT: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Hebrew-Arabic.ttf");

/// egui's fonts (with its monochrome emoji), then the bundled CJK and
/// Hebrew–Arabic fonts as the last fallbacks.
pub fn fonts() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    for (name, data) in [
        ("droid-sans-fallback", CJK_FONT),
        ("dejavu-sans-hebrew-arabic", RTL_FONT),
    ] {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(data)));
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            fonts
                .families
                .entry(family)
                .or_default()
                .push(name.to_owned());
        }
    }
    fonts
}

/// Measures card text without a window, with the fonts the canvas uses.
pub struct TextMeasure {
    fonts: Fonts,
    /// Advance width of each character met so far, in points.
    widths: std::collections::HashMap<char, f32>,
    /// Width of each word met so far, shaped as a whole (kerning, joined
    /// scripts), in points.
    words: std::collections::HashMap<String, f32>,
    /// Whether the fonts have a glyph for each character met so far.
    glyphs: std::collections::HashMap<char, bool>,
    /// Height of a row of claim text, in points.
    row_height: f32,
    /// Distance from a row's top to its baseline.
    ascent: f32,
    /// Layouts since the cache was last emptied.
    since_flush: usize,
    /// Physical pixels per point: text is laid out (and wraps) as it will be
    /// drawn on a screen of this density.
    pixels_per_point: f32,
}

/// Cards show at most this many characters of a claim's text; the rest
/// stays in the map and in the inspector.
pub const MAX_SHOWN_CHARS: usize = 1_000;

/// What a card shows for a character it cannot draw.
const REPLACEMENT: char = '\u{FFFD}';

/// Characters with no look of their own that only steer other characters
/// and that cards leave out: the zero-width space and word joiners,
/// direction embeddings, overrides and isolates (which could make a card
/// read differently from its text), variation selectors, the byte order
/// mark. The joiners (ZWJ, ZWNJ) and the direction marks (LRM, RLM) stay:
/// the shaper and the bidirectional algorithm need them.
fn is_invisible_format(c: char) -> bool {
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
fn is_kept_format(c: char) -> bool {
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

/// How many layouts the cache may hold: measuring a 20,000-claim map must
/// not keep 20,000 laid-out texts in memory.
const FLUSH_EVERY: usize = 256;

impl std::fmt::Debug for TextMeasure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TextMeasure")
    }
}

impl Default for TextMeasure {
    fn default() -> Self {
        Self::new()
    }
}

impl TextMeasure {
    /// Loads the fonts (tens of milliseconds: make one and reuse it).
    pub fn new() -> Self {
        Self::for_screen(1.0)
    }

    /// A measurement for a screen with `pixels_per_point` physical pixels
    /// per point, where glyph positions round differently than at 1.
    pub fn for_screen(pixels_per_point: f32) -> Self {
        let mut fonts = Fonts::new(TextOptions::default(), fonts());
        // Row spacing as egui lays rows out (snapped to pixels), read off
        // a two-row layout rather than the font's nominal height.
        let (row_height, ascent) = {
            let mut view = fonts.with_pixels_per_point(pixels_per_point);
            let galley =
                view.layout_no_wrap("Ag\nAg".to_owned(), text_font(), Color32::PLACEHOLDER);
            let row_height = galley.size().y / 2.0;
            let ascent = galley
                .rows
                .first()
                .and_then(|r| r.row.glyphs.first().map(|g| r.pos.y + g.pos.y))
                .unwrap_or(row_height * 0.8);
            (row_height, ascent)
        };
        Self {
            fonts,
            widths: std::collections::HashMap::new(),
            glyphs: std::collections::HashMap::new(),
            words: std::collections::HashMap::new(),
            row_height,
            ascent,
            since_flush: 0,
            pixels_per_point,
        }
    }

    /// The width of `c` in claim text, in points.
    fn width(&mut self, c: char) -> f32 {
        if let Some(&w) = self.widths.get(&c) {
            return w;
        }
        let w = self
            .fonts
            .with_pixels_per_point(self.pixels_per_point)
            .glyph_width(&text_font(), c);
        self.widths.insert(c, w);
        w
    }

    /// The width of `word` as egui shapes it, remembered: most words of a
    /// map recur, so a large map shapes each only once.
    fn word_width(&mut self, word: &str) -> f32 {
        if let Some(&w) = self.words.get(word) {
            return w;
        }
        if self.words.len() > 100_000 {
            self.words.clear();
        }
        let w = self
            .fonts
            .with_pixels_per_point(self.pixels_per_point)
            .layout_no_wrap(word.to_owned(), text_font(), Color32::PLACEHOLDER)
            .size()
            .x;
        self.since_flush += 1;
        if self.since_flush > FLUSH_EVERY {
            // Two passes evict every cached layout: what was not used since
            // the last one, then the rest.
            for _ in 0..2 {
                self.fonts
                    .begin_pass(TextOptions::default(), ViewportKey::default());
            }
            self.since_flush = 0;
        }
        self.words.insert(word.to_owned(), w);
        w
    }

    /// The claim text broken into the rows of its card, in reading
    /// (logical) order: at spaces where a row would grow wider than the
    /// card, inside a word only when the word alone is wider (long URLs,
    /// Chinese), and at every line break. The canvas draws exactly these
    /// rows (see [`Self::drawn`]), so its cards and every export and layout
    /// agree line for line.
    pub fn wrap(&mut self, text: &str) -> Vec<String> {
        let shown = self.shown(text);
        self.wrap_shown(&shown)
    }

    /// `rows` as the canvas gives them to egui: each in display order (see
    /// [`display_order`]), a line break after each but the last.
    pub fn drawn(&self, rows: &[String]) -> String {
        let mut drawn = String::new();
        for (i, row) in rows.iter().enumerate() {
            if i > 0 {
                drawn.push('\n');
            }
            drawn.push_str(&display_order(row));
        }
        drawn
    }

    /// Claim text as cards show it: composed (a letter and its accent as
    /// one character), invisible format characters dropped (but joiners and
    /// direction marks, which the shaper needs), control characters and
    /// characters no font has replaced by a visible �, and a text of more
    /// than [`MAX_SHOWN_CHARS`] characters cut short with a note of how
    /// much more there is (the map keeps all of it). Still in logical
    /// order: Arabic letters are joined by the shaper when drawn.
    pub fn shown<'t>(&mut self, text: &'t str) -> Cow<'t, str> {
        let plain = text.len() <= MAX_SHOWN_CHARS
            && text
                .bytes()
                .all(|b| (b' '..=b'~').contains(&b) || b == b'\n');
        if plain {
            return Cow::Borrowed(text);
        }
        let mut shown = String::with_capacity(text.len().min(4 * MAX_SHOWN_CHARS));
        let mut count = 0;
        let mut composed = text.nfc();
        for c in composed.by_ref() {
            if count == MAX_SHOWN_CHARS {
                break;
            }
            let c = match c {
                '\n' => '\n',
                '\t' => ' ',
                c if is_kept_format(c) => c,
                c if is_invisible_format(c) => continue,
                c if c.is_control() || !self.has_glyph(c) => REPLACEMENT,
                c => c,
            };
            shown.push(c);
            count += 1;
        }
        let more = composed.count();
        if more > 0 {
            use std::fmt::Write as _;
            let _ = write!(
                shown,
                "… [{} more characters: the whole text is in the inspector]",
                crate::words::thousands(more + 1)
            );
        }
        if shown == text {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(shown)
        }
    }

    /// Whether the fonts can draw `c`.
    fn has_glyph(&mut self, c: char) -> bool {
        if let Some(&known) = self.glyphs.get(&c) {
            return known;
        }
        let known = self
            .fonts
            .with_pixels_per_point(self.pixels_per_point)
            .has_glyph(&text_font(), c);
        self.glyphs.insert(c, known);
        known
    }

    /// [`Self::wrap`] on text already as shown.
    fn wrap_shown(&mut self, text: &str) -> Vec<String> {
        let max = text_wrap_width();
        let space = self.width(' ');
        let mut rows = Vec::new();
        for paragraph in text.split('\n') {
            let paragraph = paragraph.strip_suffix('\r').unwrap_or(paragraph);
            let mut row = String::new();
            let mut row_width = 0.0_f32;
            // Leading spaces of a paragraph are kept; between words, one
            // run of spaces is kept as written unless the row breaks there.
            let mut gap = String::new();
            let mut gap_width = 0.0_f32;
            let mut chars = paragraph.chars().peekable();
            while let Some(&c) = chars.peek() {
                if c == ' ' {
                    chars.next();
                    gap.push(c);
                    gap_width += space;
                    continue;
                }
                let mut word = String::new();
                while let Some(&c) = chars.peek() {
                    if c == ' ' {
                        break;
                    }
                    chars.next();
                    word.push(c);
                }
                let word_width = self.word_width(&word);
                if row_width + gap_width + word_width <= max
                    || (row.is_empty() && gap.is_empty() && word_width <= max)
                {
                    row.push_str(&gap);
                    row.push_str(&word);
                    row_width += gap_width + word_width;
                } else if word_width <= max {
                    if !row.is_empty() {
                        rows.push(std::mem::take(&mut row));
                    }
                    row.push_str(&word);
                    row_width = word_width;
                } else {
                    // A word wider than a row: break it between characters,
                    // after whatever fits on the current row.
                    row.push_str(&gap);
                    row_width += gap_width;
                    for c in word.chars() {
                        let w = self.width(c);
                        if row_width + w > max && !row.trim().is_empty() {
                            rows.push(std::mem::take(&mut row));
                            row_width = 0.0;
                        }
                        row.push(c);
                        row_width += w;
                    }
                }
                gap.clear();
                gap_width = 0.0;
            }
            row.push_str(&gap);
            rows.push(row);
        }
        rows
    }

    /// The width of one row of claim text: its words as shaped, and the
    /// spaces between them.
    pub fn row_width(&mut self, row: &str) -> f32 {
        let space = self.width(' ');
        let mut width = 0.0;
        for (i, word) in row.split(' ').enumerate() {
            if i > 0 {
                width += space;
            }
            if !word.is_empty() {
                width += self.word_width(word);
            }
        }
        width
    }

    /// The height of `rows` rows of claim text.
    pub fn rows_height(&self, rows: usize) -> f32 {
        #[allow(clippy::cast_precision_loss)] // A few thousand rows at most.
        let height = self.row_height * rows.max(1) as f32;
        height
    }

    /// The screen density this measures for.
    pub fn pixels_per_point(&self) -> f32 {
        self.pixels_per_point
    }

    /// One line of `text` at `size` points, not wrapped: card labels,
    /// citation badges and link labels.
    pub fn line(&mut self, text: &str, size: f32) -> Arc<Galley> {
        self.since_flush += 1;
        self.fonts
            .with_pixels_per_point(self.pixels_per_point)
            .layout_no_wrap(
                text.to_owned(),
                FontId::proportional(size),
                Color32::PLACEHOLDER,
            )
    }

    /// The height of `text` wrapped as on its card.
    pub fn text_height(&mut self, text: &str) -> f32 {
        let rows = self.wrap(text).len();
        self.rows_height(rows)
    }

    /// The size of the card for `text`.
    pub fn card_size(&mut self, text: &str) -> Vec2 {
        card_size(self.text_height(text))
    }
}

/// One row of a card's text.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The text, trailing spaces dropped.
    pub text: String,
    /// The baseline, below the top of the card's text.
    pub baseline: f32,
    /// The width the row takes with the canvas's font.
    pub width: f32,
    /// For a row with right-to-left text: its pieces in reading order,
    /// each all left-to-right or all right-to-left (see
    /// [`right_to_left_runs`]); empty for other rows.
    pub pieces: Vec<Piece>,
}

/// A piece of a row written in one direction.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    /// Where it is in the row's text, in bytes.
    pub range: std::ops::Range<usize>,
    /// The width it takes with the canvas's fonts.
    pub width: f32,
    /// Whether it is a right-to-left run.
    pub right_to_left: bool,
}

impl Piece {
    /// The pieces of `row`, measured, or none when it has no right-to-left
    /// text.
    fn of(measure: &mut TextMeasure, row: &str) -> Vec<Self> {
        let runs = right_to_left_runs(row);
        if runs.is_empty() {
            return Vec::new();
        }
        let mut pieces = Vec::new();
        let mut done = 0;
        for run in runs {
            for (range, right_to_left) in [(done..run.start, false), (run.clone(), true)] {
                if !range.is_empty() {
                    let width = measure.row_width(&row[range.clone()]);
                    pieces.push(Self {
                        range,
                        width,
                        right_to_left,
                    });
                }
            }
            done = run.end;
        }
        if done < row.len() {
            pieces.push(Self {
                width: measure.row_width(&row[done..]),
                range: done..row.len(),
                right_to_left: false,
            });
        }
        pieces
    }
}

/// A claim's text as it is laid out on its card: its rows (empty rows left
/// out) and its height.
#[derive(Clone, Debug, PartialEq)]
pub struct CardText {
    /// The rows that hold text, top to bottom.
    pub rows: Vec<Row>,
    /// The height of the wrapped text.
    pub height: f32,
}

impl CardText {
    fn of(measure: &mut TextMeasure, text: &str) -> Self {
        let rows = measure.wrap(text);
        let height = measure.rows_height(rows.len());
        let ascent = measure.ascent;
        let row_height = measure.row_height;
        let rows = rows
            .into_iter()
            .enumerate()
            .filter(|(_, row)| !row.trim().is_empty())
            .map(|(i, row)| {
                #[allow(clippy::cast_precision_loss)] // A few thousand rows at most.
                let top = row_height * i as f32;
                let text = row.trim_end().to_owned();
                Row {
                    width: measure.row_width(&text),
                    pieces: Piece::of(measure, &text),
                    text,
                    baseline: top + ascent,
                }
            })
            .collect();
        Self { rows, height }
    }

    /// The size of the card holding this text.
    pub fn card_size(&self) -> Vec2 {
        card_size(self.height)
    }
}

/// Below this many claims, measuring on one thread is quicker than
/// loading fonts for a second.
const PARALLEL_FROM: usize = 1500;

/// Every claim's text laid out as on its card. Large maps are measured on
/// every core, each thread with its own fonts, with the same result as on
/// one.
pub fn card_texts(
    map: &crate::model::Map,
    measure: &mut TextMeasure,
) -> std::collections::BTreeMap<crate::model::ClaimId, CardText> {
    let claims: Vec<(crate::model::ClaimId, &str)> = map
        .claims
        .iter()
        .map(|(&id, claim)| (id, claim.text.as_str()))
        .collect();
    let threads = rayon::current_num_threads();
    if claims.len() < PARALLEL_FROM || threads < 2 {
        return claims
            .into_iter()
            .map(|(id, text)| (id, CardText::of(measure, text)))
            .collect();
    }
    // One chunk a core: the first measured with `measure`, here, the rest
    // each with fonts of its own (loading fonts costs tens of
    // milliseconds, so no more chunks than cores).
    let ppp = measure.pixels_per_point();
    let chunk = claims.len().div_ceil(threads);
    let (first, rest) = claims.split_at(chunk.min(claims.len()));
    let (mut texts, rest) = rayon::join(
        || {
            first
                .iter()
                .map(|&(id, text)| (id, CardText::of(measure, text)))
                .collect::<std::collections::BTreeMap<_, _>>()
        },
        || {
            rest.par_chunks(chunk)
                .flat_map_iter(|part| {
                    let mut measure = TextMeasure::for_screen(ppp);
                    part.iter()
                        .map(|&(id, text)| (id, CardText::of(&mut measure, text)))
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        },
    );
    texts.extend(rest);
    texts
}

/// The card size of every claim in `map`, for arranging it.
pub fn card_sizes(map: &crate::model::Map, measure: &mut TextMeasure) -> Sizes {
    card_texts(map, measure)
        .into_iter()
        .map(|(id, text)| {
            let size = text.card_size();
            (id, (size.x, size.y))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::MIN_TEXT_HEIGHT;

    #[test]
    fn text_from_anywhere_is_drawn_or_replaced_visibly() {
        let mut measure = TextMeasure::new();
        // Ordinary text is shown as it is, without a copy.
        assert!(matches!(measure.shown("Rule by law."), Cow::Borrowed(_)));
        assert!(matches!(
            measure.shown("法治 Überwachung"),
            Cow::Borrowed(_)
        ));
        // Emoji have glyphs (egui's monochrome emoji font); the variation
        // selector of a sequence is dropped, the joiner reaches the shaper.
        assert_eq!(measure.shown("Vote ☑\u{FE0F} now 😀"), "Vote ☑ now 😀");
        // An emoji newer than the font is replaced visibly.
        assert_eq!(measure.shown("love 🥰"), "love \u{FFFD}");
        assert_eq!(measure.shown("👩\u{200D}🏫"), "👩\u{200D}🏫");
        // Persian: the non-joiner inside a word stays, as do direction marks.
        assert_eq!(
            measure.shown("پارچه\u{200C}ای \u{200F}"),
            "پارچه\u{200C}ای \u{200F}"
        );
        // A letter and a combining accent become one character.
        assert_eq!(measure.shown("Cafe\u{301} de\u{301}bat"), "Café débat");
        // Control characters and characters no font has become a visible �.
        assert_eq!(
            measure.shown("bell\u{7} nul\u{0}"),
            "bell\u{FFFD} nul\u{FFFD}"
        );
        assert_eq!(measure.shown("tab\there"), "tab here");
        assert_eq!(measure.shown("private \u{E000}x"), "private \u{FFFD}x");
        // Direction overrides cannot make a card read differently.
        assert_eq!(measure.shown("a\u{202E}bc"), "abc");
        // A megabyte of text shows its start and says how much is left.
        let huge = "word ".repeat(200_000);
        let shown = measure.shown(&huge);
        assert_eq!(shown.chars().take(MAX_SHOWN_CHARS).count(), MAX_SHOWN_CHARS);
        assert!(
            shown.ends_with("… [999,000 more characters: the whole text is in the inspector]"),
            "{}",
            &shown[shown.len() - 80..]
        );
        let rows = measure.wrap(&huge);
        assert!(rows.len() < 100, "{} rows", rows.len());
    }

    #[test]
    fn rows_stay_in_reading_order_and_only_runs_move_for_display() {
        let mut measure = TextMeasure::new();
        // Rows keep the text as typed: exports and files use them.
        assert_eq!(measure.wrap("שלום עליכם"), ["שלום עליכם"]);
        assert_eq!(measure.wrap("سيادة القانون"), ["سيادة القانون"]);
        // A word of one script is one run for the shaper, which orders and
        // joins its letters itself: it is given as typed.
        assert_eq!(display_order("שלום"), "שלום");
        assert_eq!(display_order("He said שלום today"), "He said שלום today");
        assert!(matches!(display_order("Café 法治"), Cow::Borrowed(_)));
        // Several right-to-left words: the words (and the spaces between
        // them, which another font draws) take the reversed order; the
        // comma stays after the run.
        assert_eq!(
            display_order("Hebrew: שלום עליכם, peace"),
            "Hebrew: עליכם שלום, peace"
        );
        assert_eq!(display_order("سيادة القانون"), "القانون سيادة");
        // A Persian word with a non-joiner is one run; digits keep their
        // order, on the left of an Arabic sentence.
        assert_eq!(
            display_order("شلوار پارچه\u{200C}ای"),
            "پارچه\u{200C}ای شلوار"
        );
        assert_eq!(display_order("سلام 2024"), "2024 سلام");
        // Brackets inside right-to-left text are mirrored: the closing one,
        // now on the left, is drawn opening.
        assert_eq!(display_order("שלום (עולם)"), "(עולם) שלום");
        // Every row of a long right-to-left text is ordered on its own,
        // after breaking, so the first words are on the first row.
        let long = "שלום עולם ".repeat(12);
        let rows = measure.wrap(&long);
        assert!(rows.len() > 1);
        assert!(rows[0].starts_with("שלום"), "{:?}", rows[0]);
        let drawn = measure.drawn(&rows);
        assert_eq!(drawn.lines().count(), rows.len());
        assert!(
            drawn
                .lines()
                .next()
                .is_some_and(|r| r.trim_end().ends_with("שלום"))
        );
    }

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

    #[test]
    fn arabic_persian_and_urdu_letters_are_joined_by_the_shaper() {
        // A word is narrower than the same letters kept apart by non-joiners
        // (each then in its isolated form): the shaper joined them, and
        // the non-joiner reached it.
        let mut measure = TextMeasure::new();
        for word in ["سلام", "پارچه", "گچ", "ٹیک"] {
            let apart: String = word
                .chars()
                .map(String::from)
                .collect::<Vec<_>>()
                .join("\u{200C}");
            let joined = measure.row_width(word);
            let separate = measure.row_width(&apart);
            assert!(joined < separate, "{word}: {joined} vs {separate}");
        }
    }

    #[test]
    fn longer_text_makes_taller_cards_of_the_same_width() {
        let mut measure = TextMeasure::new();
        let short = measure.card_size("Short.");
        let long = measure.card_size(&"A claim that goes on and on. ".repeat(8));
        assert!((short.x - long.x).abs() < f32::EPSILON);
        assert!(long.y > short.y * 2.0, "{short:?} {long:?}");
        assert_eq!(measure.card_size(""), card_size(MIN_TEXT_HEIGHT));
        let cjk = measure.card_size("法治 社会信用体系");
        assert!(cjk.y >= short.y);
    }

    #[test]
    fn dense_screens_measure_about_the_same() {
        let text =
            "Operation Cyber Sword (网剑行动) turned the credit system on the tech industry.";
        let plain = TextMeasure::new().card_size(text);
        let dense = TextMeasure::for_screen(2.0).card_size(text);
        assert!(
            (plain.y - dense.y).abs() <= TEXT_SIZE * 1.5,
            "{plain:?} {dense:?}"
        );
    }

    #[test]
    fn rows_fit_the_card_and_egui_lays_them_out_at_the_measured_height() {
        let mut measure = TextMeasure::new();
        let texts = [
            "Short.",
            "",
            "A claim that goes on and on, with words of every length: antidisestablishmentarianism, a, I.",
            "法治 (Fǎzhì) 社会信用体系的核心是规则和标准，而不是人工智能驱动的监控机器，这一点常被误解。",
            "Lines\nbreak\n\nwhere the author broke them, even twice.",
            "https://example.org/a/very/long/address/that/has/no/spaces/at/all/and/keeps/going/on",
            "Emoji 😀 and marks: é, ü, ñ, Ω, and right-to-left שלום עליכם in one claim.",
            "  Leading spaces and    runs of spaces   inside.",
        ];
        for text in texts {
            let rows = measure.wrap(text);
            let drawn = measure.drawn(&rows);
            let galley = measure.fonts.with_pixels_per_point(1.0).layout_no_wrap(
                drawn.clone(),
                text_font(),
                Color32::PLACEHOLDER,
            );
            assert!(
                (galley.size().y - measure.rows_height(rows.len())).abs() < 0.01,
                "{text:?}: egui {} vs measured {}",
                galley.size().y,
                measure.rows_height(rows.len())
            );
            for row in &galley.rows {
                assert!(
                    row.rect().width() <= text_wrap_width() + 1.0,
                    "{text:?}: a row of {} points: {:?}",
                    row.rect().width(),
                    row.row.text()
                );
            }
            // Nothing is lost but the spaces where rows break.
            let mut kept: Vec<char> = rows.concat().chars().filter(|c| *c != ' ').collect();
            let mut original: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
            kept.sort_unstable();
            original.sort_unstable();
            assert_eq!(kept, original, "{text:?}");
        }
    }

    #[test]
    fn the_bundled_fonts_are_the_last_fallbacks() {
        let fonts = fonts();
        let family = fonts
            .families
            .get(&FontFamily::Proportional)
            .expect("proportional fonts");
        assert!(
            family.ends_with(&[
                "droid-sans-fallback".to_owned(),
                "dejavu-sans-hebrew-arabic".to_owned()
            ]),
            "{family:?}"
        );
        assert!(family.contains(&"NotoEmoji-Regular".to_owned()));
    }
}
