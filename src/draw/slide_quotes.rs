//! The words each step quotes, with their citation, at the foot of its PDF
//! slide, when the speaker asks for them (`argmap export --to slides
//! --quotes`, or the editor's Export menu): set in a white box over the
//! map at a size read from the back row.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use egui::Vec2;

use super::svg::{escape, num};
use crate::card::TEXT_SIZE;
use crate::measure::{Face, TextMeasure};
use crate::model::{ClaimId, Map, present};

/// The quotes' text size on a slide, in points: 3.3 % of its height.
const SIZE: f32 = 18.0;
/// The most rows of quotes a slide gives up to them.
const MOST_ROWS: usize = 4;
/// Room around the box and inside it, in points.
const MARGIN: f32 = 24.0;
const PAD: f32 = 10.0;

/// Adds to each step's slide in `pages` (in the order of the map's steps)
/// the words its claims quote (`quotes`), each with its citation: at the
/// foot of the slide, or at its head when the cards on show (`cards`, in
/// map units) would be covered less there.
pub fn add(
    map: &Map,
    quotes: &BTreeMap<ClaimId, String>,
    cards: &BTreeMap<ClaimId, egui::Rect>,
    measure: &mut TextMeasure,
    pages: &mut [(String, Vec2)],
) {
    let steps = present::steps(map);
    for (i, (step, (svg, size))) in steps.iter().zip(pages.iter_mut()).enumerate() {
        let said: Vec<(String, String)> = step
            .iter()
            .filter_map(|id| {
                let words = quotes.get(id)?;
                let citation = map.claims.get(id)?.source.as_ref()?;
                Some((format!("“{words}”"), crate::cite::cited(map, citation)))
            })
            .collect();
        if said.is_empty() {
            continue;
        }
        // The slide's drawing is in map units (its view box frames the
        // step): the box is set in the page's points, mapped onto it.
        let Some(view) = view_box(svg) else {
            continue;
        };
        let to_page = |r: &egui::Rect| {
            let (sx, sy) = (size.x / view[2], size.y / view[3]);
            egui::Rect::from_min_max(
                egui::pos2((r.min.x - view[0]) * sx, (r.min.y - view[1]) * sy),
                egui::pos2((r.max.x - view[0]) * sx, (r.max.y - view[1]) * sy),
            )
        };
        let shown: Vec<egui::Rect> = steps
            .iter()
            .take(i + 1)
            .flatten()
            .filter_map(|id| cards.get(id))
            .map(to_page)
            .collect();
        let (footer, height) = footer(&said, *size, measure);
        let covered = |top: f32| -> f32 {
            let band =
                egui::Rect::from_min_max(egui::pos2(0.0, top), egui::pos2(size.x, top + height));
            shown
                .iter()
                .map(|r| r.intersect(band).area().max(0.0))
                .sum()
        };
        let (foot, head) = (size.y - MARGIN - height, MARGIN);
        let (at_head, at_foot) = (covered(head), covered(foot));
        let top = if at_head < at_foot { head } else { foot };
        // Cards under the box either way: the map drawn a little smaller,
        // its top where it was, leaving the foot free.
        let view = if at_head.min(at_foot) > 0.0 {
            // Only as much smaller as the lowest card needs to clear the
            // box, so the cards' text stays as large as it can.
            let lowest = shown.iter().map(|r| r.max.y).fold(0.0_f32, f32::max);
            let grow = (lowest / (foot - PAD).max(size.y * 0.5)).max(1.0);
            let wider = [
                view[0] - view[2] * (grow - 1.0) / 2.0,
                view[1],
                view[2] * grow,
                view[3] * grow,
            ];
            set_view_box(svg, wider);
            wider
        } else {
            view
        };
        let top = if at_head.min(at_foot) > 0.0 {
            foot
        } else {
            top
        };
        let placed = format!(
            "<g transform=\"translate({} {}) scale({} {})\">\n<g transform=\"translate(0 {})\">\n{footer}</g>\n</g>\n",
            num(view[0]),
            num(view[1]),
            view[2] / size.x,
            view[3] / size.y,
            num(top),
        );
        if let Some(end) = svg.rfind("</svg>") {
            svg.insert_str(end, &placed);
        }
    }
}

/// The view box of the drawing's outermost `<svg>`: x, y, width, height.
fn view_box(svg: &str) -> Option<[f32; 4]> {
    let open = &svg[svg.find("<svg")?..];
    let open = &open[..open.find('>')?];
    let start = open.find("viewBox=\"")? + "viewBox=\"".len();
    let numbers: Vec<f32> = open[start..]
        .split('"')
        .next()?
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    match numbers.as_slice() {
        &[x, y, w, h] if w > 0.0 && h > 0.0 => Some([x, y, w, h]),
        _ => None,
    }
}

/// Sets the outermost `<svg>`'s view box to `to`.
fn set_view_box(svg: &mut String, to: [f32; 4]) {
    let Some(open) = svg.find("<svg") else {
        return;
    };
    let Some(close) = svg[open..].find('>').map(|c| open + c) else {
        return;
    };
    let Some(start) = svg[open..close]
        .find("viewBox=\"")
        .map(|s| open + s + "viewBox=\"".len())
    else {
        return;
    };
    let Some(end) = svg[start..close].find('"').map(|e| start + e) else {
        return;
    };
    let text = format!(
        "{} {} {} {}",
        num(to[0]),
        num(to[1]),
        num(to[2]),
        num(to[3])
    );
    svg.replace_range(start..end, &text);
}

/// The box, its top at 0: each quote's rows in a softer ink, its
/// citation after it; and its height.
fn footer(quoted: &[(String, String)], page: Vec2, measure: &mut TextMeasure) -> (String, f32) {
    let width = page.x - 2.0 * MARGIN - 2.0 * PAD;
    let mut rows: Vec<(String, bool)> = Vec::new();
    for (words, cite) in quoted {
        for row in wrap(words, width, measure) {
            rows.push((row, true));
        }
        rows.push((cite.clone(), false));
    }
    if rows.len() > MOST_ROWS {
        rows.truncate(MOST_ROWS);
        if let Some(last) = rows.last_mut() {
            last.0.push('…');
        }
    }
    let line = SIZE * 1.3;
    #[expect(clippy::cast_precision_loss, reason = "A few rows.")]
    let height = rows.len() as f32 * line + 2.0 * PAD;
    let top = 0.0;
    let mut out = String::new();
    let _ = writeln!(
        out,
        r##"<rect x="{}" y="{}" width="{}" height="{}" rx="8" fill="#ffffff" fill-opacity="0.96" stroke="#8c959f"/>"##,
        num(MARGIN),
        num(top),
        num(page.x - 2.0 * MARGIN),
        num(height),
    );
    for (i, (row, quote)) in rows.iter().enumerate() {
        #[expect(clippy::cast_precision_loss, reason = "A few rows.")]
        let baseline = top + PAD + (i as f32 + 1.0) * line - SIZE * 0.3;
        let ink = if *quote { "#4a5663" } else { "#1d2430" };
        let _ = writeln!(
            out,
            r#"<text x="{}" y="{}" font-size="{}" fill="{ink}">{}</text>"#,
            num(MARGIN + PAD),
            num(baseline),
            num(SIZE),
            escape(row),
        );
    }
    (out, height)
}

/// `text` broken into rows no wider than `width` at the quotes' size.
fn wrap(text: &str, width: f32, measure: &mut TextMeasure) -> Vec<String> {
    let mut rows = Vec::new();
    let mut row = String::new();
    for word in text.split_whitespace() {
        let tried = if row.is_empty() {
            word.to_owned()
        } else {
            format!("{row} {word}")
        };
        let wide = measure.row_width_in(Face::Text, &tried) * SIZE / TEXT_SIZE;
        if wide > width && !row.is_empty() {
            rows.push(std::mem::take(&mut row));
            word.clone_into(&mut row);
        } else {
            row = tried;
        }
    }
    if !row.is_empty() {
        rows.push(row);
    }
    rows
}
