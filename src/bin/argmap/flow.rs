//! `argmap flow`: a round's flow in words (each speech and what it made,
//! what was dropped), as JSON, as a draft reason for decision, or written
//! out as a flow sheet (CSV, XLSX) or drawing (SVG, landscape PDF).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use argmap::format::flow_sheets;
use argmap::measure::TextMeasure;
use argmap::model::Map;
use argmap::model::flow::{Flow, Sheets};
use argmap::store::{self, FileError, FileErrorKind};

/// What `argmap flow` writes a flow to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FlowTo {
    /// A CSV sheet: a column per speech.
    Csv,
    /// An XLSX workbook: the whole flow, then a sheet per side's case.
    Xlsx,
    /// A landscape PDF, a page per sheet.
    Pdf,
    /// An SVG drawing.
    Svg,
}

impl FlowTo {
    fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
            Self::Pdf => "pdf",
            Self::Svg => "svg",
        }
    }
}

/// How many sheets: one, or one per side's case.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum SheetsArg {
    /// The whole flow on one sheet.
    #[default]
    One,
    /// A sheet for each side's case, as on paper.
    Side,
}

impl From<SheetsArg> for Sheets {
    fn from(sheets: SheetsArg) -> Self {
        match sheets {
            SheetsArg::One => Self::One,
            SheetsArg::Side => Self::BySide,
        }
    }
}

/// `argmap flow`'s arguments.
#[derive(Debug, clap::Args)]
pub struct FlowArgs {
    /// The map file (a round).
    pub file: PathBuf,
    /// Print `{format, speeches: [{name, side, claims}], dropped,
    /// extended}` as JSON.
    #[arg(long)]
    pub json: bool,
    /// Write the flow as this kind of file.
    #[arg(long, value_enum)]
    pub to: Option<FlowTo>,
    /// Where to write it (default: beside the map, `NAME.flow.EXT`).
    #[arg(short, long, requires = "to")]
    pub output: Option<PathBuf>,
    /// Print a draft reason for decision: who the flow gives the round
    /// to, the clashes that decided it, the drops.
    #[arg(long, conflicts_with_all = ["json", "to"])]
    pub rfd: bool,
    /// One sheet, or one per side's case.
    #[arg(long, value_enum, default_value = "one")]
    pub sheets: SheetsArg,
    /// SVG and PDF: each card's status from the evaluation.
    #[arg(long)]
    pub evaluate: bool,
}

/// Runs `argmap flow FILE`.
pub fn flow(asked: &FlowArgs) -> ExitCode {
    let file = asked.file.as_path();
    let map = match store::read_map(file) {
        Ok(map) => map,
        Err(error) => {
            fail!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let Some(flow) = Flow::of(&map) else {
        fail!(
            "{}: the map is no round: give it one (File → New round…, or a `round: (format: \
             Policy)` line in the file)",
            file.display()
        );
        return ExitCode::FAILURE;
    };
    if let Some(to) = asked.to {
        return write(file, &map, to, asked);
    }
    if asked.rfd {
        let evaluation = argmap::eval::evaluate(&map);
        let Some(ballot) = argmap::eval::ballot::ballot(&map, &evaluation) else {
            fail!(
                "{}: the round has no motion: mark the claim debated as the thesis",
                file.display()
            );
            return ExitCode::FAILURE;
        };
        for line in &ballot.lines {
            say!("{line}");
        }
        return ExitCode::SUCCESS;
    }
    if asked.json {
        let Some(summary) = flow_sheets::summary(&map) else {
            return ExitCode::FAILURE;
        };
        match serde_json::to_string_pretty(&summary) {
            Ok(json) => say!("{json}"),
            Err(error) => {
                fail!("{error}");
                return ExitCode::FAILURE;
            }
        }
        return ExitCode::SUCCESS;
    }
    words(&map, &flow);
    ExitCode::SUCCESS
}

/// The flow in words: each speech with what it made, then the drops.
fn words(map: &Map, flow: &Flow) {
    let Some(round) = &map.round else {
        return;
    };
    let made = flow.speech_of.len();
    say!(
        "{} round: {} speeches, {}",
        round.format.label(),
        flow.speeches.len(),
        argmap::words::count(made, "argument")
    );
    for (i, speech) in flow.speeches.iter().enumerate() {
        let claims: Vec<String> = flow
            .speech_of
            .iter()
            .filter(|&(_, &s)| s == i)
            .map(|(id, _)| {
                let mut line = format!("#{} {}", id.0, argmap::eval::ballot::named(map, *id));
                for mark in [flow.dropped_words(*id), flow.extended_words(*id)]
                    .into_iter()
                    .flatten()
                {
                    line = format!("{line} ({mark})");
                }
                line
            })
            .collect();
        say!(
            "{}: {}",
            round.heading(speech),
            if claims.is_empty() {
                "—".to_owned()
            } else {
                claims.join("; ")
            }
        );
    }
    say!("dropped: {}", flow.dropped.len());
}

/// Writes the flow of `map` (read from `file`) as `to`.
fn write(file: &Path, map: &Map, to: FlowTo, asked: &FlowArgs) -> ExitCode {
    let target = asked.output.clone().unwrap_or_else(|| {
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        file.with_file_name(format!("{stem}.flow.{}", to.extension()))
    });
    let quotes = crate::cli::folder_quotes(map, file);
    let how = asked.sheets.into();
    let mut measure = TextMeasure::new();
    let bytes: Result<Vec<u8>, String> = match to {
        FlowTo::Csv => flow_sheets::csv(map, how)
            .map(String::into_bytes)
            .map_err(|e| e.to_string()),
        FlowTo::Xlsx => flow_sheets::xlsx(map).map_err(|e| e.to_string()),
        FlowTo::Svg => {
            argmap::draw::flow::flow_svg(map, how, asked.evaluate, &quotes, &mut measure)
                .map(String::into_bytes)
                .ok_or_else(String::new)
        }
        FlowTo::Pdf => {
            argmap::draw::flow::flow_pdf(map, how, asked.evaluate, &quotes, &mut measure)
                .map_err(|e| e.to_string())
                .and_then(|pdf| pdf.ok_or_else(String::new))
        }
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(error) => {
            fail!("{}: {error}", target.display());
            return ExitCode::FAILURE;
        }
    };
    if let Err(err) = store::write_atomic(&target, &bytes) {
        fail!("{}", FileError::new(&target, FileErrorKind::Write(err)));
        return ExitCode::FAILURE;
    }
    say!(
        "{}: flow of {} ({})",
        target.display(),
        argmap::words::count(map.claims.len(), "claim"),
        to.extension().to_uppercase()
    );
    ExitCode::SUCCESS
}
