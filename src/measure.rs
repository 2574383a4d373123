//! The size of a claim's card: one text measurement for the canvas, the
//! layout and exports, so a card is the same size everywhere.

mod arabic;

use std::borrow::Cow;
use std::sync::Arc;

use unicode_normalization::UnicodeNormalization as _;

use egui::epaint::text::{FontData, FontDefinitions, FontFamily, Fonts, TextOptions, ViewportKey};
use egui::{Color32, FontId, Galley, Vec2, vec2};

/// Width of every card, in map units; text wraps inside it.
pub const CARD_WIDTH: f32 = 240.0;
/// Space between a card's border and its content.
pub const PADDING: Vec2 = vec2(12.0, 8.0);
/// Height of the role label row at the top of a card.
pub const HEADER_HEIGHT: f32 = 16.0;
/// Size of the claim text.
pub const TEXT_SIZE: f32 = 14.0;
/// Height of an empty card's text line.
pub const MIN_TEXT_HEIGHT: f32 = 18.0;

/// The width text wraps at inside a card.
pub fn text_wrap_width() -> f32 {
    CARD_WIDTH - 2.0 * PADDING.x
}

/// The size of a card whose wrapped text is `text_height` tall.
pub fn card_size(text_height: f32) -> Vec2 {
    vec2(
        CARD_WIDTH,
        2.0 * PADDING.y + HEADER_HEIGHT + text_height.max(MIN_TEXT_HEIGHT),
    )
}

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
/// (joiners, direction marks and overrides, variation selectors, the byte
/// order mark). Text layout here has no use for them, and direction
/// overrides could make a card read differently from its text.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}')
}

/// Whether `c` is written right to left (Hebrew, Arabic, Syriac, Thaana,
/// N'Ko and their presentation forms).
fn is_right_to_left(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}'
        | '\u{FB1D}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}'
        | '\u{10800}'..='\u{10FFF}'
        | '\u{1E800}'..='\u{1EFFF}')
}

/// One row in the order its characters are drawn left to right: runs of
/// right-to-left script reversed as the Unicode bidirectional algorithm
/// says, so Hebrew and Arabic read correctly on a card.
fn visual_order(row: &str) -> String {
    let info = unicode_bidi::BidiInfo::new(row, None);
    let mut visual = String::with_capacity(row.len());
    for paragraph in &info.paragraphs {
        visual.push_str(&info.reorder_line(paragraph, paragraph.range.clone()));
    }
    visual
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

    /// The claim text broken into the rows of its card: at spaces where a
    /// row would grow wider than the card, inside a word only when the word
    /// alone is wider (long URLs, Chinese), and at every line break. The
    /// canvas draws exactly these rows, so its cards and every export and
    /// layout agree line for line.
    pub fn wrap(&mut self, text: &str) -> Vec<String> {
        let shown = self.shown(text);
        let mut rows = self.wrap_shown(&shown);
        if shown.chars().any(is_right_to_left) {
            for row in &mut rows {
                *row = visual_order(row);
            }
        }
        rows
    }

    /// Claim text as cards show it: composed (a letter and its accent as
    /// one character), Arabic letters joined (see [`arabic`]), invisible format characters dropped, control
    /// characters and characters no font has replaced by a visible �, and
    /// a text of more than [`MAX_SHOWN_CHARS`] characters cut short with a
    /// note of how much more there is (the map keeps all of it).
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
                crate::format::thousands(more + 1)
            );
        }
        if arabic::has_arabic(&shown) {
            shown = arabic::shape(&shown);
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

    /// The claim text with a line break at the end of every row of its
    /// card: what the canvas lays out, without wrapping.
    pub fn wrapped(&mut self, text: &str) -> String {
        self.wrap(text).join("\n")
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
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if claims.len() < PARALLEL_FROM || threads < 2 {
        return claims
            .into_iter()
            .map(|(id, text)| (id, CardText::of(measure, text)))
            .collect();
    }
    let ppp = measure.pixels_per_point();
    let chunk = claims.len().div_ceil(threads);
    let mut texts = std::collections::BTreeMap::new();
    std::thread::scope(|scope| {
        let (first, rest) = claims.split_at(chunk.min(claims.len()));
        let workers: Vec<_> = rest
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    let mut measure = TextMeasure::for_screen(ppp);
                    part.iter()
                        .map(|&(id, text)| (id, CardText::of(&mut measure, text)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        texts.extend(
            first
                .iter()
                .map(|&(id, text)| (id, CardText::of(measure, text))),
        );
        for worker in workers {
            // A worker only panics if text layout does: measure those
            // claims here instead, where the same panic would surface.
            if let Ok(part) = worker.join() {
                texts.extend(part);
            }
        }
    });
    // Anything a failed worker left out.
    for (id, text) in claims {
        texts
            .entry(id)
            .or_insert_with(|| CardText::of(measure, text));
    }
    texts
}

/// The card size of every claim in `map`, for [`crate::layout::arrange`].
pub fn card_sizes(map: &crate::model::Map, measure: &mut TextMeasure) -> crate::layout::Sizes {
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

    #[test]
    fn text_from_anywhere_is_drawn_or_replaced_visibly() {
        let mut measure = TextMeasure::new();
        // Ordinary text is shown as it is, without a copy.
        assert!(matches!(measure.shown("Rule by law."), Cow::Borrowed(_)));
        assert!(matches!(
            measure.shown("法治 Überwachung"),
            Cow::Borrowed(_)
        ));
        // Emoji have glyphs (egui's monochrome emoji font); the joiner and
        // the variation selector of a sequence are dropped.
        assert_eq!(measure.shown("Vote ☑\u{FE0F} now 😀"), "Vote ☑ now 😀");
        // An emoji newer than the font is replaced visibly.
        assert_eq!(measure.shown("love 🥰"), "love \u{FFFD}");
        assert_eq!(measure.shown("👩\u{200D}🏫"), "👩🏫");
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
    fn right_to_left_rows_are_drawn_in_reading_order() {
        let mut measure = TextMeasure::new();
        // Hebrew "shalom" typed (logical order) ש ל ו ם is drawn with its
        // first letter at the right.
        assert_eq!(measure.wrap("שלום"), ["םולש"]);
        // In a left-to-right sentence only the Hebrew run turns.
        assert_eq!(measure.wrap("He said שלום today"), ["He said םולש today"]);
        // A run of several words turns as a whole: the first word is at
        // the right end of the run; the comma stays after it.
        assert_eq!(
            measure.wrap("Hebrew: שלום עליכם, peace"),
            ["Hebrew: םכילע םולש, peace"]
        );
        // Arabic too, its letters joined; digits inside keep their order.
        assert_eq!(measure.wrap("سلام 2024"), ["2024 \u{FEE1}\u{FEFC}\u{FEB3}"]);
        // Every row of a long right-to-left text turns on its own, after
        // breaking, so the first words are on the first row.
        let long = "שלום עולם ".repeat(12);
        let rows = measure.wrap(&long);
        assert!(rows.len() > 1);
        assert!(rows[0].trim_start().ends_with("םולש"), "{:?}", rows[0]);
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
            let wrapped = rows.join("\n");
            let galley = measure.fonts.with_pixels_per_point(1.0).layout_no_wrap(
                wrapped.clone(),
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
            // (right-to-left runs turned to drawing order).
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
