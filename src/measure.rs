//! The size of a claim's card: one text measurement for the canvas, the
//! layout and exports, so a card is the same size everywhere.

use std::sync::Arc;

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

/// egui's fonts, with the bundled CJK font as the last fallback.
pub fn fonts() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "droid-sans-fallback".to_owned(),
        Arc::new(FontData::from_static(CJK_FONT)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("droid-sans-fallback".to_owned());
    }
    fonts
}

/// Measures card text without a window, with the fonts the canvas uses.
pub struct TextMeasure {
    fonts: Fonts,
    /// Layouts since the cache was last emptied.
    since_flush: usize,
    /// Physical pixels per point: text is laid out (and wraps) as it will be
    /// drawn on a screen of this density.
    pixels_per_point: f32,
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
        Self {
            fonts: Fonts::new(TextOptions::default(), fonts()),
            since_flush: 0,
            pixels_per_point,
        }
    }

    /// The screen density this measures for.
    pub fn pixels_per_point(&self) -> f32 {
        self.pixels_per_point
    }

    /// The claim text laid out as on its card.
    pub fn galley(&mut self, text: &str) -> Arc<Galley> {
        self.since_flush += 1;
        if self.since_flush > FLUSH_EVERY {
            // Two passes evict everything: what was not used since the last
            // one, then the rest.
            for _ in 0..2 {
                self.fonts
                    .begin_pass(TextOptions::default(), ViewportKey::default());
            }
            self.since_flush = 0;
        }
        self.fonts
            .with_pixels_per_point(self.pixels_per_point)
            .layout(
                text.to_owned(),
                text_font(),
                Color32::PLACEHOLDER,
                text_wrap_width(),
            )
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
        self.galley(text).size().y
    }

    /// The size of the card for `text`.
    pub fn card_size(&mut self, text: &str) -> Vec2 {
        card_size(self.text_height(text))
    }
}

/// A claim's text as it is laid out on its card: each row's text and
/// where it starts, relative to the text's top-left corner.
#[derive(Clone, Debug, PartialEq)]
pub struct CardText {
    /// Each row: its text (trailing spaces dropped), its left edge, and
    /// its baseline.
    pub rows: Vec<(String, f32, f32)>,
    /// The height of the wrapped text.
    pub height: f32,
}

impl CardText {
    fn of(galley: &Galley) -> Self {
        let rows = galley
            .rows
            .iter()
            .filter_map(|placed| {
                let first = placed.row.glyphs.first()?;
                let text = placed.row.text();
                let text = text.trim_end();
                (!text.is_empty()).then(|| {
                    (
                        text.to_owned(),
                        placed.pos.x + first.pos.x,
                        placed.pos.y + first.pos.y,
                    )
                })
            })
            .collect();
        Self {
            rows,
            height: galley.size().y,
        }
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
            .map(|(id, text)| (id, CardText::of(&measure.galley(text))))
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
                        .map(|&(id, text)| (id, CardText::of(&measure.galley(text))))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        texts.extend(
            first
                .iter()
                .map(|&(id, text)| (id, CardText::of(&measure.galley(text)))),
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
            .or_insert_with(|| CardText::of(&measure.galley(text)));
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
    fn the_cjk_font_is_installed_as_a_fallback() {
        let fonts = fonts();
        let last = fonts
            .families
            .get(&FontFamily::Proportional)
            .and_then(|f| f.last());
        assert_eq!(last.map(String::as_str), Some("droid-sans-fallback"));
    }
}
