//! The flow view's backdrop on the canvas: a tinted column per speech with
//! its heading (the current speech outlined), each sheet's title; and the
//! marks under cards in any view ("dropped in 2AC").

use std::collections::BTreeMap;

use egui::{Align2, FontId, Painter, Rect, Stroke, pos2, vec2};

use super::Frame;
use crate::draw::style;
use crate::layout::flow::FlowLayout;
use crate::model::ClaimId;

/// How much larger than its size in map units a flow's words are drawn
/// at `zoom` (screen points per map unit): zoomed out to see a whole
/// round, the speeches' names and the drops stay legible, within the room
/// the layout leaves them.
fn enlarged(zoom: f32) -> f32 {
    (0.8 / zoom.max(0.01)).clamp(1.0, 1.7)
}

/// The columns and titles, under the links and cards.
pub(super) fn backdrop(painter: &Painter, flow: &FlowLayout, dark: bool, zoom: f32) {
    let k = enlarged(zoom);
    for column in &flow.columns {
        let (fill, ink) = style::flow_column(column.side, dark);
        let a = column.area;
        let rect = Rect::from_min_size(pos2(a.x + 4.0, a.y), vec2(a.width - 8.0, a.height));
        painter.rect_filled(rect, 6.0, fill);
        if column.current {
            painter.rect_stroke(rect, 6.0, Stroke::new(3.0, ink), egui::StrokeKind::Inside);
        }
        let middle = rect.center().x;
        painter.text(
            pos2(middle, a.y + 8.0),
            Align2::CENTER_TOP,
            &column.heading[0],
            FontId::proportional(22.0 * k),
            ink,
        );
        painter.text(
            pos2(middle, a.y + 10.0 + 26.0 * k),
            Align2::CENTER_TOP,
            &column.heading[1],
            FontId::proportional(14.0 * k),
            ink,
        );
    }
    let (_, ink) = style::flow_column(None, dark);
    for (at, title) in &flow.titles {
        painter.text(
            pos2(at.x, at.y + 6.0),
            Align2::LEFT_TOP,
            title,
            FontId::proportional(24.0),
            ink,
        );
    }
}

/// Each mark in red under its card, for the cards on screen.
pub(super) fn under_cards(
    painter: &Painter,
    marks: &BTreeMap<ClaimId, String>,
    frame: &Frame<'_>,
    dark: bool,
) {
    if marks.is_empty() {
        return;
    }
    let colour = style::dropped_color(dark);
    let size = 12.0 * enlarged(frame.zoom);
    for id in &frame.visible {
        let (Some(mark), Some(card)) = (marks.get(id), frame.index.cards.get(id)) else {
            continue;
        };
        painter.text(
            card.left_bottom() + vec2(6.0, 3.0),
            Align2::LEFT_TOP,
            mark,
            FontId::proportional(size),
            colour,
        );
    }
}
