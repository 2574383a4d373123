//! The size of a claim's card: one text measurement for the canvas, the
//! layout and exports, so a card is the same size everywhere.

use std::borrow::Cow;
use std::sync::Arc;

use unicode_normalization::UnicodeNormalization as _;

use egui::epaint::text::{FontData, FontDefinitions, FontFamily, Fonts, TextOptions, ViewportKey};
use egui::{Color32, FontId, Galley, Vec2};

use crate::card::{TEXT_SIZE, text_wrap_width};
use crate::id_hash::IdMap;

mod bidi;
mod card_text;
mod title_fit;

pub use bidi::{display_order, is_right_to_left, right_to_left_runs};
use bidi::{is_invisible_format, is_kept_format};
pub use card_text::{
    CardText, DrawnCard, Piece, Row, TITLE_GAP, card_sizes, card_sizes_quoting, card_texts,
    card_texts_quoting, given_title, sizes_of,
};
pub use title_fit::{FittedTitle, MAX_TITLE_SIZE, MIN_TITLE_SIZE, READABLE_POINTS, TitleRow};

/// The font of claim text.
pub fn text_font() -> FontId {
    FontId::proportional(TEXT_SIZE)
}

/// The font family of claim titles: a bold face, then claim text's
/// fonts for what it lacks (Chinese, emoji).
pub fn title_family() -> FontFamily {
    FontFamily::Name(TITLE_FAMILY.into())
}

/// The font of a claim's title on its card: bold, as large as its text.
pub fn title_font() -> FontId {
    FontId::new(TEXT_SIZE, title_family())
}

/// The name of the title font family in egui's font definitions.
const TITLE_FAMILY: &str = "argmap-title";

/// The bold face of claim titles (`DejaVu Sans Bold`, which also has Greek,
/// Cyrillic, Hebrew and Arabic).
const TITLE_FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// The two faces a card's text is set in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Face {
    /// Claim text.
    Text,
    /// A claim's title, in bold.
    Title,
}

impl Face {
    /// The face's font at card size.
    pub fn font(self) -> FontId {
        match self {
            Self::Text => text_font(),
            Self::Title => title_font(),
        }
    }

    fn index(self) -> usize {
        match self {
            Self::Text => 0,
            Self::Title => 1,
        }
    }
}

/// The bundled CJK font, compiled in so Chinese, Japanese and Korean text
/// renders the same on every machine, with or without system fonts.
const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf");

/// Hebrew, Arabic and arrows, which no other bundled font covers, and the
/// � that stands for characters no font has.
const RTL_FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Hebrew-Arabic.ttf");

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
    fonts.font_data.insert(
        "dejavu-sans-bold".to_owned(),
        Arc::new(FontData::from_static(TITLE_FONT)),
    );
    let mut title = vec!["dejavu-sans-bold".to_owned()];
    title.extend(
        fonts
            .families
            .get(&FontFamily::Proportional)
            .cloned()
            .unwrap_or_default(),
    );
    fonts.families.insert(title_family(), title);
    fonts
}

/// Measures card text without a window, with the fonts the canvas uses.
pub struct TextMeasure {
    fonts: Fonts,
    /// Advance width of each character met so far, in points, per face.
    widths: [IdMap<char, f32>; 2],
    /// Width of each word met so far, shaped as a whole (kerning, joined
    /// scripts), in points, per face.
    words: [IdMap<String, f32>; 2],
    /// Whether the fonts have a glyph for each character met so far.
    glyphs: IdMap<char, bool>,
    /// Height of a row of claim text, and of a title, in points.
    row_height: [f32; 2],
    /// Distance from a row's top to its baseline, per face.
    ascent: [f32; 2],
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
        let mut metrics = |face: Face| {
            let mut view = fonts.with_pixels_per_point(pixels_per_point);
            let galley =
                view.layout_no_wrap("Ag\nAg".to_owned(), face.font(), Color32::PLACEHOLDER);
            let row_height = galley.size().y / 2.0;
            let ascent = galley
                .rows
                .first()
                .and_then(|r| r.row.glyphs.first().map(|g| r.pos.y + g.pos.y))
                .unwrap_or(row_height * 0.8);
            (row_height, ascent)
        };
        let text = metrics(Face::Text);
        let title = metrics(Face::Title);
        Self {
            fonts,
            widths: Default::default(),
            glyphs: IdMap::default(),
            words: Default::default(),
            row_height: [text.0, title.0],
            ascent: [text.1, title.1],
            since_flush: 0,
            pixels_per_point,
        }
    }

    /// The width of `c` in `face`, in points.
    fn width(&mut self, face: Face, c: char) -> f32 {
        if let Some(&w) = self.widths[face.index()].get(&c) {
            return w;
        }
        let w = self
            .fonts
            .with_pixels_per_point(self.pixels_per_point)
            .glyph_width(&face.font(), c);
        self.widths[face.index()].insert(c, w);
        w
    }

    /// The width of `word` as egui shapes it, remembered: most words of a
    /// map recur, so a large map shapes each only once.
    fn word_width(&mut self, face: Face, word: &str) -> f32 {
        let words = &mut self.words[face.index()];
        if let Some(&w) = words.get(word) {
            return w;
        }
        if words.len() > 100_000 {
            words.clear();
        }
        let w = self
            .fonts
            .with_pixels_per_point(self.pixels_per_point)
            .layout_no_wrap(word.to_owned(), face.font(), Color32::PLACEHOLDER)
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
        self.words[face.index()].insert(word.to_owned(), w);
        w
    }

    /// The claim text broken into the rows of its card, in reading
    /// (logical) order: at spaces where a row would grow wider than the
    /// card, inside a word only when the word alone is wider (long URLs,
    /// Chinese), and at every line break. The canvas draws exactly these
    /// rows (see [`Self::drawn`]), so its cards and every export and layout
    /// agree line for line.
    pub fn wrap(&mut self, text: &str) -> Vec<String> {
        self.wrap_in(Face::Text, text)
    }

    /// [`Self::wrap`] in `face`: a title wraps as claim text does, in bold.
    pub fn wrap_in(&mut self, face: Face, text: &str) -> Vec<String> {
        let shown = self.shown(text);
        self.wrap_shown(face, &shown)
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

    /// [`Self::wrap`] on text already as shown. A row may break only where
    /// the Unicode line breaking rules (UAX #14) allow: after spaces,
    /// after a hyphen or a slash between words, between Chinese or
    /// Japanese characters but never before their closing punctuation nor
    /// after opening punctuation; and must at every line separator.
    fn wrap_shown(&mut self, face: Face, text: &str) -> Vec<String> {
        let max = text_wrap_width();
        let space = self.width(face, ' ');
        let mut rows = Vec::new();
        for paragraph in text.split('\n') {
            let paragraph = paragraph.strip_suffix('\r').unwrap_or(paragraph);
            let mut row = String::new();
            let mut row_width = 0.0_f32;
            // Leading spaces of a paragraph are kept; between words, one
            // run of spaces is kept as written unless the row breaks there.
            let mut gap = "";
            let mut start = 0;
            for (end, opportunity) in unicode_linebreak::linebreaks(paragraph) {
                let segment = &paragraph[start..end];
                start = end;
                // What may not be split (a word, "well-", "系。"), and the
                // spaces after it.
                let word = segment.trim_end_matches(' ');
                let spaces = &segment[word.len()..];
                if word.is_empty() {
                    gap = spaces;
                    continue;
                }
                #[expect(clippy::cast_precision_loss, reason = "a few spaces")]
                let gap_width = gap.len() as f32 * space;
                let word_width = self.word_width(face, word);
                if row_width + gap_width + word_width <= max
                    || (row.is_empty() && gap.is_empty() && word_width <= max)
                {
                    row.push_str(gap);
                    row.push_str(word);
                    row_width += gap_width + word_width;
                } else if word_width <= max {
                    if !row.is_empty() {
                        rows.push(std::mem::take(&mut row));
                    }
                    row.push_str(word);
                    row_width = word_width;
                } else {
                    // A word wider than a row: break it between characters,
                    // after whatever fits on the current row.
                    row.push_str(gap);
                    row_width += gap_width;
                    for c in word.chars() {
                        let w = self.width(face, c);
                        if row_width + w > max && !row.trim().is_empty() {
                            rows.push(std::mem::take(&mut row));
                            row_width = 0.0;
                        }
                        row.push(c);
                        row_width += w;
                    }
                }
                gap = spaces;
                // A line or paragraph separator inside the text ends the row.
                if opportunity == unicode_linebreak::BreakOpportunity::Mandatory
                    && end < paragraph.len()
                {
                    row.push_str(gap);
                    rows.push(std::mem::take(&mut row));
                    row_width = 0.0;
                    gap = "";
                }
            }
            row.push_str(gap);
            rows.push(row);
        }
        rows
    }

    /// The width of one row of claim text: its words as shaped, and the
    /// spaces between them.
    pub fn row_width(&mut self, row: &str) -> f32 {
        self.row_width_in(Face::Text, row)
    }

    /// [`Self::row_width`] in `face`.
    pub fn row_width_in(&mut self, face: Face, row: &str) -> f32 {
        let space = self.width(face, ' ');
        let mut width = 0.0;
        for (i, word) in row.split(' ').enumerate() {
            if i > 0 {
                width += space;
            }
            if !word.is_empty() {
                width += self.word_width(face, word);
            }
        }
        width
    }

    /// The height of `rows` rows of claim text.
    pub fn rows_height(&self, rows: usize) -> f32 {
        self.rows_height_in(Face::Text, rows)
            .max(self.row_height[0])
    }

    /// The height of `rows` rows in `face` (nothing for none).
    pub fn rows_height_in(&self, face: Face, rows: usize) -> f32 {
        #[expect(clippy::cast_precision_loss, reason = "A few thousand rows at most.")]
        let height = self.row_height[face.index()] * rows as f32;
        height
    }

    /// The height of a row in `face`, and the distance from its top to its
    /// baseline.
    pub fn row_metrics(&self, face: Face) -> (f32, f32) {
        (self.row_height[face.index()], self.ascent[face.index()])
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

    /// The size of the card for `text`, untitled.
    pub fn card_size(&mut self, text: &str) -> Vec2 {
        CardText::of(self, None, text).card_size()
    }

    /// The size of `claim`'s card in `map`: the title it shows, if any
    /// ([`crate::model::Map::card_title`]), and its words, with the words
    /// it `quoted` for evidence ([`crate::model::card_text`]).
    pub fn claim_card_size(
        &mut self,
        map: &crate::model::Map,
        claim: &crate::model::Claim,
        quoted: Option<&str>,
    ) -> Vec2 {
        let text = crate::model::card_text(claim, quoted);
        CardText::of(self, map.card_title(claim).as_deref(), &text).card_size()
    }
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
        // Growth overrides cannot make a card read differently.
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
        assert_eq!(
            measure.card_size(""),
            crate::card::card_size(MIN_TEXT_HEIGHT)
        );
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
    fn rows_break_where_the_unicode_rules_allow() {
        let mut measure = TextMeasure::new();
        // Chinese breaks between characters, never before its closing
        // punctuation nor after its opening punctuation.
        let chinese = "中国的社会信用体系，是一个「以法治国」的工具。它把企业、个人和政府部门的信用记录连在一起，然后奖励守信者，惩戒失信者。";
        let rows = measure.wrap(chinese);
        assert!(rows.len() > 1, "{rows:?}");
        assert_eq!(rows.concat(), chinese, "nothing lost or added");
        for row in &rows {
            let first = row.chars().next().unwrap_or(' ');
            let last = row.chars().last().unwrap_or(' ');
            assert!(
                !"，。、」）".contains(first),
                "a row starts with {first}: {rows:?}"
            );
            assert!(!"「（".contains(last), "a row ends with {last}: {rows:?}");
        }
        // A long hyphenated or slashed phrase breaks after the hyphen or
        // slash rather than inside a word; a row never starts with one.
        let english = "state-of-the-art credit-scoring pipelines and/or rule-by-law governance";
        let rows = measure.wrap(english);
        assert!(rows.len() > 1, "{rows:?}");
        for row in &rows {
            assert!(!row.starts_with('-') && !row.starts_with('/'), "{rows:?}");
            let words: Vec<&str> = english.split(['-', '/', ' ']).collect();
            let last = row.trim_end().rsplit(['-', '/', ' ']).next().unwrap_or("");
            assert!(
                last.is_empty() || words.contains(&last),
                "a word cut: {rows:?}"
            );
        }
        // Spaces keep their old rule: a break drops the run of spaces.
        assert_eq!(measure.wrap("two  words"), ["two  words"]);
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
