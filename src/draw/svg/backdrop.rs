//! What a flow draws around its cards: a tinted column per speech with
//! its heading, each sheet's title, and marks under cards ("dropped in
//! 2AC").

use std::fmt::Write as _;

use super::text::{escape, hex, num};
use crate::draw::style;
use crate::layout::flow::Column;
use crate::model::{ClaimId, Pos};

/// The columns, titles and marks around a flow's cards.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Backdrop {
    /// The columns, drawn under everything.
    pub columns: Vec<Column>,
    /// Each sheet's title, at its place.
    pub titles: Vec<(Pos, String)>,
    /// A mark in red under a card.
    pub marks: Vec<(ClaimId, String)>,
}

/// The columns and titles, under the links and cards.
pub(super) fn under(out: &mut String, backdrop: &Backdrop) {
    if backdrop.columns.is_empty() && backdrop.titles.is_empty() {
        return;
    }
    out.push_str("<g class=\"flow\">");
    for column in &backdrop.columns {
        let (fill, ink) = style::flow_column(column.side, false);
        let a = column.area;
        let _ = write!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"{}/>"#,
            num(a.x + 4.0),
            num(a.y),
            num(a.width - 8.0),
            num(a.height),
            hex(fill),
            if column.current {
                format!(r#" stroke="{}" stroke-width="3""#, hex(ink))
            } else {
                String::new()
            },
        );
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="20" font-weight="bold" fill="{}" text-anchor="middle">{}</text>"#,
            num(a.x + a.width / 2.0),
            num(a.y + 28.0),
            hex(ink),
            escape(&column.heading[0]),
        );
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="13" fill="{}" text-anchor="middle">{}</text>"#,
            num(a.x + a.width / 2.0),
            num(a.y + 48.0),
            hex(ink),
            escape(&column.heading[1]),
        );
    }
    for (at, title) in &backdrop.titles {
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="22" font-weight="bold" fill="{}">{}</text>"#,
            num(at.x),
            num(at.y + 28.0),
            hex(style::flow_column(None, false).1),
            escape(title),
        );
    }
    out.push_str("</g>\n");
}

/// The marks under their cards, over everything.
pub(super) fn marks(
    out: &mut String,
    backdrop: &Backdrop,
    cards: &std::collections::BTreeMap<ClaimId, egui::Rect>,
) {
    for (id, mark) in &backdrop.marks {
        let Some(card) = cards.get(id) else {
            continue;
        };
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="12" font-weight="bold" fill="{}">{}</text>"#,
            num(card.min.x + 4.0),
            num(card.max.y + 15.0),
            hex(style::dropped_color(false)),
            escape(mark),
        );
    }
}
