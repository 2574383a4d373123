//! The shape of a claim's card, in map units: the one place that text
//! measurement, layout, drawing and the canvas take card sizes from, so a
//! card is the same size everywhere and no two of them import each other.

use std::collections::BTreeMap;

use egui::{Vec2, vec2};

use crate::model::ClaimId;

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

/// The width and height of each claim's card, in map units.
pub type Sizes = BTreeMap<ClaimId, (f32, f32)>;

/// The size assumed for a card nobody measured (a claim missing from
/// [`Sizes`]).
pub const UNMEASURED: (f32, f32) = (CARD_WIDTH, 60.0);

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

/// Where a card's text starts, relative to the card's top-left corner.
pub fn text_offset() -> Vec2 {
    vec2(PADDING.x, PADDING.y + HEADER_HEIGHT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_grow_with_their_text_and_never_below_one_line() {
        assert_eq!(card_size(0.0), card_size(MIN_TEXT_HEIGHT));
        assert!(card_size(100.0).y > card_size(20.0).y);
        assert!((card_size(100.0).x - CARD_WIDTH).abs() < f32::EPSILON);
        assert!(text_wrap_width() < CARD_WIDTH);
    }
}
