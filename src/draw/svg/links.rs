//! Arrows in the SVG drawing: each link's line or detour, its head, and
//! its label, drawn once per kind in the document's definitions.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use egui::{Color32, Pos2, Rect, vec2};
use rayon::prelude::*;

use super::text::{Look, hex, num, push_hex, push_num, text_rows};
use crate::draw::geometry::{self, LinkShape};
use crate::draw::style;
use crate::measure::TextMeasure;
use crate::model::{LinkId, LinkKind, Map, Target};

/// The layer of links: a group per link (`data-link`), faded when the
/// evaluation says it fails, written in parts on every core.
pub(super) fn layer(
    map: &Map,
    links: &BTreeMap<LinkId, LinkShape>,
    evaluation: Option<&crate::eval::Evaluation>,
) -> String {
    let links: Vec<(&LinkId, &LinkShape)> = links.iter().collect();
    let parts: Vec<String> = links
        .par_chunks(512)
        .map(|chunk| {
            let mut out = String::with_capacity(400 * chunk.len());
            for &(id, shape) in chunk {
                let undercut = matches!(map.links.get(id).map(|l| l.target), Some(Target::Link(_)));
                let fails = evaluation.is_some_and(|e| e.link(*id) == crate::eval::Label::Out);
                if fails {
                    out.push_str("<g class=\"fails\" opacity=\"");
                    push_num(&mut out, style::FAILED_LINK_OPACITY);
                    out.push_str("\">");
                }
                link(&mut out, *id, shape, undercut);
                if fails {
                    out.push_str("</g>");
                }
            }
            out
        })
        .collect();
    let mut out = String::with_capacity(parts.iter().map(String::len).sum::<usize>() + 40);
    out.push_str("<g class=\"links\">\n");
    for part in parts {
        out.push_str(&part);
    }
    out.push_str("</g>\n");
    out
}

/// One link's group: its arrow (with the legs and bar of linked
/// premises), its head, and its label.
fn link(out: &mut String, id: LinkId, shape: &LinkShape, undercut: bool) {
    let color = style::link_color(shape.kind, false);
    let _ = write!(out, r#"<g data-link="{}">"#, id.0);
    for &(a, b) in &shape.legs {
        line(out, a, b, color, 2.0, None);
    }
    if let Some((a, b)) = shape.bar {
        line(out, a, b, color, 4.0, None);
    }
    let dash = match shape.kind {
        LinkKind::Support => None,
        LinkKind::Attack => Some((geometry::DASH, geometry::DASH_PERIOD - geometry::DASH)),
    };
    if shape.bends.is_empty() {
        line(out, shape.from, shape.to, color, 2.0, dash);
    } else {
        polyline(out, shape, color, dash);
    }
    let direction = (shape.to - shape.head_from()).normalized();
    if direction.is_finite() {
        let normal = direction.rot90();
        let base = shape.to - direction * 12.0;
        let (p, q) = (base + normal * 6.0, base - normal * 6.0);
        out.push_str("<polygon points=\"");
        points(out, [shape.to, p, q]);
        out.push_str("\" fill=\"");
        push_hex(out, color);
        out.push_str("\"/>");
    }
    // The label: its pill, drawn once in the document's definitions.
    out.push_str("<use href=\"#");
    out.push_str(label_id(shape.kind, undercut));
    out.push_str("\" x=\"");
    push_num(out, shape.label.x);
    out.push_str("\" y=\"");
    push_num(out, shape.label.y);
    out.push_str("\"/></g>\n");
}

/// Points as `x,y x,y …`.
fn points(out: &mut String, points: impl IntoIterator<Item = Pos2>) {
    for (i, p) in points.into_iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        push_num(out, p.x);
        out.push(',');
        push_num(out, p.y);
    }
}

/// The id of the definition of a link label's pill.
fn label_id(kind: LinkKind, undercut: bool) -> &'static str {
    match (kind, undercut) {
        (LinkKind::Support, false) => "label-because",
        (LinkKind::Attack, false) => "label-but",
        (LinkKind::Support, true) => "label-undercut-support",
        (LinkKind::Attack, true) => "label-undercut",
    }
}

/// The pills of the link labels `map` uses, centred on the origin, each
/// once: every link shows its own with a `<use>` where its label sits.
pub(super) fn label_defs(out: &mut String, map: &Map, measure: &mut TextMeasure) {
    let mut used: Vec<(LinkKind, bool)> = map
        .links
        .values()
        .map(|l| (l.kind, matches!(l.target, Target::Link(_))))
        .collect();
    used.sort_by_key(|&(kind, undercut)| label_id(kind, undercut));
    used.dedup();
    if used.is_empty() {
        return;
    }
    out.push_str("<defs>");
    for (kind, undercut) in used {
        let color = hex(style::link_color(kind, false));
        let text = geometry::label_text(kind, undercut);
        let galley = measure.line(text, geometry::LINK_LABEL_SIZE);
        let rect = Rect::from_center_size(Pos2::ZERO, galley.size() + vec2(8.0, 2.0));
        let _ = write!(
            out,
            r##"<g id="{}"><rect x="{}" y="{}" width="{}" height="{}" rx="7" fill="#ffffff" stroke="{color}" stroke-width="1"/>"##,
            label_id(kind, undercut),
            num(rect.min.x + 0.5),
            num(rect.min.y + 0.5),
            num(rect.width() - 1.0),
            num(rect.height() - 1.0),
        );
        text_rows(
            out,
            &galley,
            rect.center() - galley.size() / 2.0,
            Look::Own(geometry::LINK_LABEL_SIZE, &color),
            "",
        );
        out.push_str("</g>");
    }
    out.push_str("</defs>\n");
}

fn line(out: &mut String, a: Pos2, b: Pos2, color: Color32, width: f32, dash: Option<(f32, f32)>) {
    out.push_str("<line x1=\"");
    push_num(out, a.x);
    out.push_str("\" y1=\"");
    push_num(out, a.y);
    out.push_str("\" x2=\"");
    push_num(out, b.x);
    out.push_str("\" y2=\"");
    push_num(out, b.y);
    out.push('"');
    stroke(out, color, width, dash);
    out.push_str("/>");
}

/// A detour's arrow as one line through its bends, with rounded corners.
fn polyline(out: &mut String, shape: &LinkShape, color: Color32, dash: Option<(f32, f32)>) {
    out.push_str("<polyline points=\"");
    points(
        out,
        std::iter::once(shape.from)
            .chain(shape.bends.iter().copied())
            .chain(std::iter::once(shape.to)),
    );
    out.push_str("\" fill=\"none\"");
    stroke(out, color, 2.0, None);
    out.push_str(" stroke-linejoin=\"round\"");
    dashes(out, dash);
    out.push_str("/>");
}

/// A line's stroke: colour, width and dashes.
fn stroke(out: &mut String, color: Color32, width: f32, dash: Option<(f32, f32)>) {
    out.push_str(" stroke=\"");
    push_hex(out, color);
    out.push_str("\" stroke-width=\"");
    push_num(out, width);
    out.push('"');
    dashes(out, dash);
}

/// An attack's dashes: `on` drawn, `off` left out.
fn dashes(out: &mut String, dash: Option<(f32, f32)>) {
    if let Some((on, off)) = dash {
        out.push_str(" stroke-dasharray=\"");
        push_num(out, on);
        out.push(' ');
        push_num(out, off);
        out.push('"');
    }
}
