//! A round's flow as a spreadsheet opens it: a column per speech, each
//! argument in the row of what it answers ([`crate::model::flow::sheets`]),
//! as CSV and XLSX (through `csv` and `rust_xlsxwriter`), and the flow's
//! summary as JSON for tools.

use std::collections::BTreeMap;

use rust_xlsxwriter::{Color, Format as CellFormat, FormatAlign, FormatBorder, Workbook};
use serde::Serialize;

use crate::model::flow::{Flow, Sheet, Sheets, sheets};
use crate::model::{ClaimId, Map};

/// One sheet as a grid of text: its title, a heading per column, and the
/// rows, each cell the argument in it (if any).
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    /// "Flow", or "Affirmative case".
    pub title: String,
    /// Each column's heading: "1AC · Affirmative · Ana".
    pub headings: Vec<String>,
    /// Each column's side ("" for the column of claims no speech made).
    pub sides: Vec<String>,
    /// The cells, row by row.
    pub rows: Vec<Vec<Option<Cell>>>,
}

/// An argument in a cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// The claim.
    pub claim: ClaimId,
    /// What the cell says: "Title: text", its marks after it.
    pub text: String,
    /// Whether it was dropped.
    pub dropped: bool,
}

/// The grids of `map`'s flow laid out `how`; none when it is not a round.
pub fn grids(map: &Map, how: Sheets) -> Vec<Grid> {
    let Some(flow) = Flow::of(map) else {
        return Vec::new();
    };
    let round = map.round.as_ref();
    sheets(map, &flow, how)
        .iter()
        .map(|sheet| grid(map, &flow, round, sheet))
        .collect()
}

fn grid(map: &Map, flow: &Flow, round: Option<&crate::model::Round>, sheet: &Sheet) -> Grid {
    let mut headings = Vec::new();
    let mut sides = Vec::new();
    if sheet.outside_column {
        headings.push("No speech".to_owned());
        sides.push(String::new());
    }
    for speech in &flow.speeches {
        headings.push(round.map_or_else(|| speech.name.clone(), |r| r.heading(speech)));
        sides.push(speech.side.clone());
    }
    let mut rows = vec![vec![None; headings.len()]; sheet.rows];
    for (&id, &(column, row)) in &sheet.cells {
        let Some(claim) = map.claims.get(&id) else {
            continue;
        };
        let mut text = match claim.title.as_deref().map(str::trim) {
            Some(title) if !title.is_empty() => format!("{title}: {}", claim.text.trim()),
            _ => claim.text.trim().to_owned(),
        };
        for mark in [flow.dropped_words(id), flow.extended_words(id)]
            .into_iter()
            .flatten()
        {
            text.push_str(" — ");
            text.push_str(&mark);
        }
        if let Some(cell) = rows.get_mut(row).and_then(|r| r.get_mut(column)) {
            *cell = Some(Cell {
                claim: id,
                text,
                dropped: flow.dropped.contains_key(&id),
            });
        }
    }
    Grid {
        title: sheet.title.clone(),
        headings,
        sides,
        rows,
    }
}

/// The flow as CSV: a heading row, then a row per flow row; with several
/// sheets, each after a row holding its title alone and a blank row
/// between them. Empty when the map is not a round.
///
/// # Errors
/// Never in practice: writing into memory cannot fail.
pub fn csv(map: &Map, how: Sheets) -> Result<String, csv::Error> {
    let grids = grids(map, how);
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for (n, grid) in grids.iter().enumerate() {
        if grids.len() > 1 {
            if n > 0 {
                writer.write_record([""])?;
            }
            writer.write_record([grid.title.as_str()])?;
        }
        writer.write_record(&grid.headings)?;
        for row in &grid.rows {
            writer.write_record(
                row.iter()
                    .map(|c| c.as_ref().map_or("", |c| c.text.as_str())),
            )?;
        }
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The flow as an XLSX workbook: the whole flow on a first worksheet,
/// then one per side's case; headings bold and frozen, each side's cells
/// in its colour, dropped arguments in red. Empty of sheets when the map
/// is not a round.
///
/// # Errors
/// When the workbook cannot be written.
pub fn xlsx(map: &Map) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut workbook = Workbook::new();
    let sides = map
        .round
        .as_ref()
        .map(|r| r.format.sides())
        .unwrap_or_default();
    let side_colour = |side: &str| match sides.iter().position(|s| s == side) {
        Some(0) => Color::RGB(0x00E8_F0FB),
        Some(_) => Color::RGB(0x00FB_EDE8),
        None => Color::RGB(0x00F2_F2F2),
    };
    let heading = CellFormat::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border_bottom(FormatBorder::Medium);
    let cell = CellFormat::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::RGB(0x00BF_BFBF));
    for grid in grids(map, Sheets::One)
        .into_iter()
        .chain(grids(map, Sheets::BySide))
    {
        let sheet = workbook.add_worksheet();
        // Worksheet names are at most 31 characters, without []:*?/\.
        let name: String = grid
            .title
            .chars()
            .filter(|c| !"[]:*?/\\".contains(*c))
            .take(31)
            .collect();
        sheet.set_name(name)?;
        for (c, (title, side)) in grid.headings.iter().zip(&grid.sides).enumerate() {
            let column = u16::try_from(c).unwrap_or(u16::MAX);
            sheet.set_column_width(column, 32)?;
            sheet.write_string_with_format(
                0,
                column,
                title,
                &heading.clone().set_background_color(side_colour(side)),
            )?;
        }
        sheet.set_freeze_panes(1, 0)?;
        for (r, row) in grid.rows.iter().enumerate() {
            let at = u32::try_from(r + 1).unwrap_or(u32::MAX);
            for (c, text) in row.iter().enumerate() {
                let Some(text) = text else {
                    continue;
                };
                let mut format = cell
                    .clone()
                    .set_background_color(side_colour(&grid.sides[c]));
                if text.dropped {
                    format = format.set_font_color(Color::RGB(0x00B0_1C1C)).set_bold();
                }
                let column = u16::try_from(c).unwrap_or(u16::MAX);
                sheet.write_string_with_format(at, column, &text.text, &format)?;
            }
        }
    }
    workbook.save_to_buffer()
}

/// The flow's summary for tools: `{format, speeches: [{name, side,
/// claims}], dropped, extended}`, claims by id in the order made.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    /// The format's name as the map's file writes it ("Policy").
    pub format: String,
    /// Each speech with the claims it made.
    pub speeches: Vec<SpeechSummary>,
    /// The dropped arguments.
    pub dropped: Vec<u32>,
    /// The extended arguments.
    pub extended: Vec<u32>,
}

/// A speech and the claims it made.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpeechSummary {
    /// "1AC".
    pub name: String,
    /// "Affirmative".
    pub side: String,
    /// Its claims, by id.
    pub claims: Vec<u32>,
}

/// The summary of `map`'s flow, or `None` when it is not a round.
pub fn summary(map: &Map) -> Option<Summary> {
    let flow = Flow::of(map)?;
    let round = map.round.as_ref()?;
    let mut by_speech: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
    for (&id, &speech) in &flow.speech_of {
        by_speech.entry(speech).or_default().push(id.0);
    }
    let format = match &round.format {
        crate::model::Format::Custom { .. } => "Custom".to_owned(),
        other => format!("{other:?}"),
    };
    Some(Summary {
        format,
        speeches: flow
            .speeches
            .iter()
            .enumerate()
            .map(|(i, s)| SpeechSummary {
                name: s.name.clone(),
                side: s.side.clone(),
                claims: by_speech.remove(&i).unwrap_or_default(),
            })
            .collect(),
        dropped: flow.dropped.keys().map(|id| id.0).collect(),
        extended: flow.extended.keys().map(|id| id.0).collect(),
    })
}
