//! The words each step quotes, with their citation, at the foot of its PDF
//! slide, when the speaker asks for them (`argmap export --to slides
//! --quotes`, or the editor's Export menu): set in a white box over the
//! map at a size read from the back row. The slide maker asks where the
//! box goes before it draws the step (see [`place`]).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use egui::{Rect, Vec2};

use super::svg::{escape, num};
use crate::card::TEXT_SIZE;
use crate::measure::{Face, TextMeasure};
use crate::model::{ClaimId, Map};

/// The quotes' text size on a slide, in points: 3.3 % of its height.
const SIZE: f32 = 18.0;
/// The most rows of quotes a slide gives up to them.
const MOST_ROWS: usize = 4;
/// Room around the box and inside it, in points.
const MARGIN: f32 = 24.0;
const PAD: f32 = 10.0;

/// The words `step` quotes (`quotes`, read from the sources), each with
/// its citation in the map's style.
pub fn said(
    map: &Map,
    step: &[ClaimId],
    quotes: &BTreeMap<ClaimId, String>,
) -> Vec<(String, String)> {
    step.iter()
        .filter_map(|id| {
            let words = quotes.get(id)?;
            let citation = map.claims.get(id)?.source.as_ref()?;
            Some((format!("“{words}”"), crate::cite::cited(map, citation)))
        })
        .collect()
}

/// Where the box of `said` goes on a slide of `page` points showing `view`
/// (map units) with the cards `shown` (map units): at its foot, or at its
/// head when that covers fewer cards; when both would cover some, the
/// map is drawn only as much smaller as the lowest card needs to clear
/// the foot. Returns the view to draw and the box, in map units, to lay
/// over the drawing.
pub fn place(
    said: &[(String, String)],
    view: Rect,
    page: Vec2,
    shown: &[Rect],
    measure: &mut TextMeasure,
) -> (Rect, String) {
    let (footer, height) = footer(said, page, measure);
    let scale = page.x / view.width();
    let on_page = |r: &Rect| {
        Rect::from_min_max(
            ((r.min - view.min) * scale).to_pos2(),
            ((r.max - view.min) * scale).to_pos2(),
        )
    };
    let shown: Vec<Rect> = shown.iter().map(on_page).collect();
    let covered = |top: f32| -> f32 {
        let band = Rect::from_min_max(egui::pos2(0.0, top), egui::pos2(page.x, top + height));
        shown
            .iter()
            .map(|r| r.intersect(band).area().max(0.0))
            .sum()
    };
    let (foot, head) = (page.y - MARGIN - height, MARGIN);
    let (at_head, at_foot) = (covered(head), covered(foot));
    let (view, top) = if at_head.min(at_foot) > 0.0 {
        let lowest = shown.iter().map(|r| r.max.y).fold(0.0_f32, f32::max);
        let grow = (lowest / (foot - PAD).max(page.y * 0.5)).max(1.0);
        let wider = Rect::from_min_size(
            egui::pos2(view.min.x - view.width() * (grow - 1.0) / 2.0, view.min.y),
            view.size() * grow,
        );
        (wider, foot)
    } else if at_head < at_foot {
        (view, head)
    } else {
        (view, foot)
    };
    let placed = format!(
        "<g transform=\"translate({} {}) scale({})\">\n<g transform=\"translate(0 {})\">\n{footer}</g>\n</g>\n",
        num(view.min.x),
        num(view.min.y),
        view.width() / page.x,
        num(top),
    );
    (view, placed)
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
