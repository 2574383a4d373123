//! Arrows in the SVG drawing: each link's line or detour, its head, and
//! its label, each distinct label drawn once in the document's
//! definitions. How a link looks is `draw::link_look`'s, as on the canvas.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use egui::{Color32, Pos2, Rect, vec2};
use rayon::prelude::*;

use super::text::{Look, hex, num, push_hex, push_num, text_rows};
use crate::draw::geometry::{self, LinkShape};
use crate::draw::link_look::LinkLook;
use crate::measure::TextMeasure;
use crate::model::{LinkId, Map};

/// Each drawn link's look with the pill of its label, and the pills they
/// share: one for each distinct label (its words and colour), numbered in
/// order of first use.
pub(super) struct Looks {
    /// Each link, its look, its label's pill and, for linked premises,
    /// the pill of "and" on their bar.
    looks: Vec<(LinkId, LinkLook, usize, Option<usize>)>,
    pills: BTreeMap<(String, String), usize>,
}

impl Looks {
    /// The looks of the links in `links`, with `evaluation` when statuses
    /// are shown.
    pub(super) fn of(
        map: &Map,
        links: &BTreeMap<LinkId, LinkShape>,
        evaluation: Option<&crate::eval::Evaluation>,
    ) -> Self {
        let mut pills = BTreeMap::new();
        let looks = links
            .iter()
            .filter_map(|(&id, shape)| {
                let look = LinkLook::of(map, id, evaluation)?;
                let color = hex(look.color(false));
                let next = pills.len();
                let pill = *pills
                    .entry((look.words_on(shape), color.clone()))
                    .or_insert(next);
                let and = shape.bar.map(|_| {
                    let next = pills.len();
                    *pills
                        .entry((geometry::AND.to_owned(), color))
                        .or_insert(next)
                });
                Some((id, look, pill, and))
            })
            .collect();
        Self { looks, pills }
    }
}

/// The id of the `n`-th label pill.
fn pill_id(n: usize) -> String {
    format!("label-{n}")
}

/// The layer of links: a group per link (`data-link`, and the class
/// `fails` when the evaluation says it fails), written in parts on every
/// core.
pub(super) fn layer(looks: &Looks, links: &BTreeMap<LinkId, LinkShape>) -> String {
    let parts: Vec<String> = looks
        .looks
        .par_chunks(512)
        .map(|chunk| {
            let mut out = String::with_capacity(400 * chunk.len());
            for (id, look, pill, and) in chunk {
                if let Some(shape) = links.get(id) {
                    link(&mut out, *id, shape, look, *pill, *and);
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
fn link(
    out: &mut String,
    id: LinkId,
    shape: &LinkShape,
    look: &LinkLook,
    pill: usize,
    and: Option<usize>,
) {
    let color = look.color(false);
    let _ = write!(out, r#"<g data-link="{}""#, id.0);
    if look.fails() {
        out.push_str(r#" class="fails""#);
    }
    out.push('>');
    for &(a, b) in &shape.legs {
        line(out, a, b, color, 2.0, None);
    }
    if let Some((a, b)) = shape.bar {
        line(out, a, b, color, 4.0, None);
    }
    let dash = look.dash();
    if shape.bends.is_empty() {
        line(out, shape.from, shape.to, color, look.width, dash);
    } else {
        polyline(out, shape, color, look.width, dash);
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
    // "and" on the bar of linked premises.
    if let Some(and) = and {
        for at in geometry::and_marks(shape) {
            use_pill(out, and, at);
        }
    }
    // The label: its pill, drawn once in the document's definitions.
    use_pill(out, pill, shape.label);
    out.push_str("</g>\n");
}

/// The `n`-th pill of the definitions, centred on `at`.
fn use_pill(out: &mut String, n: usize, at: Pos2) {
    out.push_str("<use href=\"#");
    out.push_str(&pill_id(n));
    out.push_str("\" x=\"");
    push_num(out, at.x);
    out.push_str("\" y=\"");
    push_num(out, at.y);
    out.push_str("\"/>");
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

/// The label pills the links use, centred on the origin, each once:
/// every link shows its own with a `<use>` where its label sits.
pub(super) fn label_defs(out: &mut String, looks: &Looks, measure: &mut TextMeasure) {
    if looks.pills.is_empty() {
        return;
    }
    let mut pills: Vec<(&(String, String), &usize)> = looks.pills.iter().collect();
    pills.sort_by_key(|&(_, &n)| n);
    out.push_str("<defs>");
    for ((words, color), &n) in pills {
        // A failing link's pill has the heavier border, as on the canvas.
        let border = if words.starts_with('✗') { "1.6" } else { "1" };
        let galley = measure.line(words, geometry::LINK_LABEL_SIZE);
        let rect = Rect::from_center_size(Pos2::ZERO, galley.size() + vec2(8.0, 2.0));
        let _ = write!(
            out,
            r##"<g id="{}"><rect x="{}" y="{}" width="{}" height="{}" rx="7" fill="#ffffff" stroke="{color}" stroke-width="{border}"/>"##,
            pill_id(n),
            num(rect.min.x + 0.5),
            num(rect.min.y + 0.5),
            num(rect.width() - 1.0),
            num(rect.height() - 1.0),
        );
        text_rows(
            out,
            &galley,
            rect.center() - galley.size() / 2.0,
            Look::Own(geometry::LINK_LABEL_SIZE, color),
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
fn polyline(
    out: &mut String,
    shape: &LinkShape,
    color: Color32,
    width: f32,
    dash: Option<(f32, f32)>,
) {
    out.push_str("<polyline points=\"");
    points(
        out,
        std::iter::once(shape.from)
            .chain(shape.bends.iter().copied())
            .chain(std::iter::once(shape.to)),
    );
    out.push_str("\" fill=\"none\"");
    stroke(out, color, width, None);
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

/// A line's dashes: `on` drawn, `off` left out.
fn dashes(out: &mut String, dash: Option<(f32, f32)>) {
    if let Some((on, off)) = dash {
        out.push_str(" stroke-dasharray=\"");
        push_num(out, on);
        out.push(' ');
        push_num(out, off);
        out.push('"');
    }
}
