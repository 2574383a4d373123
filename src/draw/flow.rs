//! A round's flow drawn: the cards in their speeches' columns (see
//! [`crate::layout::flow`]), headings on tinted columns, the links
//! between them, dropped arguments marked in red; as SVG, or as a
//! landscape PDF with a page for each sheet.

use egui::{Rect, pos2, vec2};

use super::raster::DrawError;
use super::svg::{Backdrop, SvgOptions, svg_of};
use crate::layout::flow::{FlowLayout, flow_layout, flowed_map};
use crate::measure::{TextMeasure, card_texts_quoting};
use crate::model::flow::{Flow, Sheets};
use crate::model::{Map, QuotedWords};

/// The width of a flow's PDF page, in points: A3 landscape's; each page
/// is as tall as its sheet at that width.
pub const PAGE_WIDTH: f32 = 1191.0;

/// What is drawn: the map as the flow places it, the places, and how.
struct Drawn {
    shown: Map,
    layout: FlowLayout,
    options: SvgOptions,
}

/// The flow of `map` laid out `how`, ready to draw; `None` when it is
/// not a round.
fn drawn(map: &Map, how: Sheets, texts: &super::raster::Texts, evaluate: bool) -> Option<Drawn> {
    let flow = Flow::of(map)?;
    let sizes = crate::measure::sizes_of(texts);
    let layout = flow_layout(map, &flow, how, &sizes, None);
    let shown = flowed_map(map, &layout);
    let marks = flow
        .dropped
        .keys()
        .filter_map(|&id| Some((id, flow.dropped_words(id)?)))
        .collect();
    let options = SvgOptions {
        evaluation: evaluate.then(|| crate::eval::evaluate(map)),
        backdrop: Backdrop {
            columns: layout.columns.clone(),
            titles: layout.titles.clone(),
            marks,
        },
        ..SvgOptions::default()
    };
    Some(Drawn {
        shown,
        layout,
        options,
    })
}

fn rect(area: crate::layout::flow::Area) -> Rect {
    Rect::from_min_size(pos2(area.x, area.y), vec2(area.width, area.height))
}

/// The flow of `map` as one SVG drawing (evaluated when `evaluate`,
/// evidence with the words it `quotes`); `None` when it is not a round.
pub fn flow_svg(
    map: &Map,
    how: Sheets,
    evaluate: bool,
    quotes: &QuotedWords,
    measure: &mut TextMeasure,
) -> Option<String> {
    let texts = card_texts_quoting(map, quotes, measure);
    let mut drawn = drawn(map, how, &texts, evaluate)?;
    drawn.options.view = drawn
        .layout
        .bounds
        .map(|b| rect(b).expand(super::svg::MARGIN));
    Some(svg_of(&drawn.shown, &texts, measure, &drawn.options))
}

/// The flow of `map` as a PDF, a page for each sheet (`how`), each
/// fitted to the page's width and as tall as it needs; `None` when it is
/// not a round.
///
/// # Errors
/// When a page cannot be drawn.
pub fn flow_pdf(
    map: &Map,
    how: Sheets,
    evaluate: bool,
    quotes: &QuotedWords,
    measure: &mut TextMeasure,
) -> Result<Option<Vec<u8>>, DrawError> {
    let texts = card_texts_quoting(map, quotes, measure);
    let Some(drawn) = drawn(map, how, &texts, evaluate) else {
        return Ok(None);
    };
    // A sheet's columns share its top; each sheet is a page.
    let mut sheets: Vec<Rect> = Vec::new();
    for column in &drawn.layout.columns {
        let area = rect(column.area);
        match sheets.last_mut() {
            Some(sheet) if (sheet.min.y - area.min.y).abs() < 0.5 => *sheet = sheet.union(area),
            _ => sheets.push(area),
        }
    }
    let pages: Vec<(String, egui::Vec2)> = sheets
        .iter()
        .map(|sheet| {
            let mut view = sheet.expand(super::svg::MARGIN);
            // A sheet's title stands above its columns.
            if drawn.layout.titles.len() > 1 {
                view.min.y -= crate::layout::flow::TITLE_HEIGHT;
            }
            let scale = PAGE_WIDTH / view.width();
            let height = view.height() * scale;
            let options = SvgOptions {
                page: Some((PAGE_WIDTH, height)),
                view: Some(view),
                ..drawn.options.clone()
            };
            (
                svg_of(&drawn.shown, &texts, measure, &options),
                vec2(PAGE_WIDTH, height),
            )
        })
        .collect();
    super::raster::pages_pdf(&pages).map(Some)
}
