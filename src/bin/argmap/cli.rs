//! Command-line parsing and the headless commands.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use argmap::format::ron;
use argmap::layout;
use argmap::measure::{TextMeasure, card_sizes_quoting};
use argmap::model::Stats;
use argmap::store::{self, FileError, FileErrorKind};
use clap::{Parser, Subcommand};

/// Argument maps: a thesis, its reasons, objections and rebuttals, on a
/// zoomable canvas, saved as readable RON files.
#[derive(Debug, Parser)]
#[command(
    name = "argmap",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Args {
    /// A map file to open in the editor. Without one, the editor reopens
    /// the last map, or the bundled example map on a first run.
    pub file: Option<PathBuf>,

    /// A command to run without a window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate map files: print a summary of each sound map and every
    /// problem of the others. Exits with 1 when any file has a problem.
    Check {
        /// The map files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Lay a map out as a tidy tree (thesis on top, pinned claims kept) and
    /// save it, to OUT or over FILE.
    Arrange {
        /// The map to arrange.
        file: PathBuf,
        /// Which way the map grows from its thesis (stored in the map):
        /// down, or right (thesis on the left).
        #[arg(long, value_enum)]
        direction: Option<DirectionArg>,
        /// Stack answers that have no answers of their own in a column
        /// under their claim (the default; stored in the map).
        #[arg(long, conflicts_with = "wide")]
        compact: bool,
        /// Put every answer side by side in the row below its claim
        /// (stored in the map).
        #[arg(long)]
        wide: bool,
        /// Where to write the arranged map (default: over FILE).
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Write a synthetic map for tests and benchmarks: a thesis, branching
    /// 2–5, depth up to 8, about 45 % attacks, 5 % cross-links.
    Generate {
        /// How many claims.
        #[arg(long, value_name = "N")]
        claims: usize,
        /// The seed: the same seed gives the same map.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write it.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Measure load, save, arrange and drawing times on generated maps
    /// (use a release build: `cargo run --release -- bench`).
    Bench {
        /// Map sizes, in claims.
        #[arg(long, value_delimiter = ',', default_values_t = [1000, 5000, 20000])]
        sizes: Vec<usize>,
        /// Instead, time each phase of `export MAP --arrange --to svg` once
        /// on MAP (what the instruction-count guard, `.ci/bench-guard`,
        /// counts).
        #[arg(long, value_name = "MAP")]
        pipeline: Option<PathBuf>,
        /// With --pipeline: also time the whole `argmap export MAP
        /// --arrange --to svg` against Graphviz `dot -Tsvg` on the same
        /// map (dot must be installed).
        #[arg(long, requires = "pipeline")]
        against_dot: bool,
    },
    /// Read a map from Argdown or AIF JSON (detected by extension or
    /// content) and save it as an Argmap file; says what did not carry over.
    Import {
        /// The Argdown or AIF file.
        file: PathBuf,
        /// Where to write the map.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
    },
    /// Export a map as an HTML handout, SVG, PNG, PDF, Markdown, Argdown,
    /// AIF JSON or PDF slides of its presentation, written next to it (or
    /// to OUT).
    Export {
        /// The map to export.
        file: PathBuf,
        /// The format to write.
        #[arg(long, value_parser = export_format())]
        to: argmap::export::ExportFormat,
        /// Where to write it (default: FILE with the format's extension).
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Pixels per map unit, for PNG.
        #[arg(long, default_value_t = 2.0)]
        scale: f32,
        /// SVG: draw every letter as a shape, so the file looks the same in
        /// any viewer with no font installed (librsvg, Inkscape, print
        /// shops); the text can no longer be selected.
        #[arg(long)]
        outline_text: bool,
        /// A transparent background instead of white (SVG, PNG).
        #[arg(long)]
        transparent: bool,
        /// An overview (SVG, PNG, PDF): each card shows only its title, set
        /// as large as the card holds; a PDF stays on one page.
        #[arg(long)]
        overview: bool,
        /// Arrange the map as a tidy tree first (the file is not changed).
        #[arg(long)]
        arrange: bool,
        /// Show whether each claim holds, fails or is open, and why (SVG,
        /// PNG, PDF, slides, Markdown, HTML).
        #[arg(long)]
        evaluate: bool,
        /// Slides: the words each step quotes from its source, with their
        /// citation, at the foot of its slide.
        #[arg(long)]
        quotes: bool,
    },
    /// Which claims of a map stand, and why: one line per claim (IN, OUT
    /// or UNDECIDED, and the reason), or JSON, or the reasons of one claim
    /// down to the facts they rest on.
    Eval {
        /// The map to evaluate.
        file: PathBuf,
        /// Judge unassessed claims as in a debate (presumed until
        /// answered) or a proof (established only by a reason); default:
        /// the map's own mode.
        #[arg(long, value_enum)]
        mode: Option<ModeArg>,
        /// Print JSON for tools.
        #[arg(long)]
        json: bool,
        /// Explain one claim, by id, down to its facts.
        #[arg(long, value_name = "ID")]
        why: Option<u32>,
    },
    /// How much of each source the map covers: paragraphs mapped and not,
    /// citations past the end, quotes that no longer match the file.
    /// Exits with 1 on a broken citation or a source that cannot be read.
    Coverage {
        /// The map file.
        file: PathBuf,
        /// The source's file, for the one source the map cites, or
        /// KEY=FILE; by default each source's `path`, relative to the map.
        #[arg(long = "source", value_name = "[KEY=]FILE")]
        sources: Vec<String>,
    },
    /// Add a source file to a map, or update the source that has it, with
    /// its reference details from a reference manager's BibTeX or CSL-JSON
    /// export. The path is stored relative to the map.
    Source {
        #[command(subcommand)]
        action: SourceAction,
    },
    /// Print a map's reference list, one reference a line, in its citation
    /// style or the one given.
    Cite {
        /// The map file.
        file: PathBuf,
        /// The citation style (the map's own by default).
        #[arg(long, value_enum)]
        style: Option<StyleArg>,
        /// Italics as Markdown (`*…*`), for pasting into a document.
        #[arg(long)]
        markdown: bool,
    },
    /// A round's flow: each speech and the arguments it made, and what was
    /// dropped; or as JSON, a draft reason for decision, or a flow sheet
    /// (CSV, XLSX) or drawing (SVG, landscape PDF).
    Flow(crate::flow::FlowArgs),
    /// What a coach would mark on each map (an orphan claim, an unanswered
    /// objection, two claims in one card…): `FILE: claim #N: RULE: message`.
    /// Exits with 1 when anything is found.
    Lint {
        /// The map files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print JSON for tools.
        #[arg(long)]
        json: bool,
    },
    /// What changed between two versions of a map, by claim and link id:
    /// added, removed, text changed word by word, other fields, moved
    /// cards (counted), links, thesis, title, presentation order. Also
    /// git's external diff (`git config diff.argmap.command "argmap
    /// diff --"`): it takes the seven arguments git passes.
    Diff {
        /// OLD NEW, or PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX
        /// NEW-MODE as git passes them.
        #[arg(required = true, num_args = 1..=9, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// One summary line.
        #[arg(long)]
        stat: bool,
        /// JSON for tools.
        #[arg(long, conflicts_with = "stat")]
        json: bool,
        /// List every moved card and where it went.
        #[arg(long)]
        moves: bool,
        /// Colour the changes.
        #[arg(long, value_enum, default_value_t = crate::git::ColorArg::Auto)]
        color: crate::git::ColorArg,
    },
    /// Merge two versions of a map changed from a common BASE, by id: git's
    /// merge driver (`argmap merge --name=%P -- %O %A %B`). Writes over OURS (or OUT);
    /// exits with 0 when clean, 1 when conflicts are left marked in the
    /// map (tag merge-conflict) or a file cannot be read or written (then
    /// nothing is written), 2 when the merge cannot be made at all (the ids
    /// run out) — the rule of every command: 0 all well, 1 a file has a
    /// problem, 2 the command cannot be carried out as asked.
    Merge {
        /// The common ancestor.
        base: PathBuf,
        /// Our version: the merge is written over it unless -o.
        ours: PathBuf,
        /// Their version.
        theirs: PathBuf,
        /// Where to write the merged map (default: over OURS).
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// The file's name in the repository (git's %P), for messages.
        #[arg(long, value_name = "PATH")]
        name: Option<String>,
    },
    /// Print a map as a line per claim and per link, by id, without
    /// positions: what git's line diff compares (`diff.argmap.textconv`),
    /// so `git log -p` shows maps a claim at a time.
    Textconv {
        /// The map file.
        file: PathBuf,
    },
    /// In a git repository: make `*.ron` maps use `argmap diff` and `argmap
    /// merge` (.gitattributes and the repository's git config), saying
    /// what changed.
    GitSetup,
    /// Write the manual page argmap(1) to standard output, or with --dir
    /// every page (argmap(1), argmap-diff(1), …) into a folder.
    Man {
        /// The folder to write every page into.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Rewrite map files in the canonical layout (what Argmap itself saves),
    /// so hand edits diff cleanly. Files with problems are left untouched.
    Fmt {
        /// Only report files that are not in the canonical layout; change nothing.
        #[arg(long)]
        check: bool,
        /// The map files to rewrite.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// What `argmap source` does.
#[derive(Debug, Subcommand)]
pub enum SourceAction {
    /// Add FILE to MAP as a source (or update the source that has it),
    /// with reference details from a BibTeX or CSL-JSON file.
    Add {
        /// The map file.
        map: PathBuf,
        /// The source's text (.txt, .md, .pdf).
        file: PathBuf,
        /// The source's key in the map (by default from the file's name,
        /// or the key of the source that already has this file).
        #[arg(long)]
        key: Option<String>,
        /// A BibTeX or BibLaTeX file with the reference details.
        #[arg(
            long,
            value_name = "FILE.bib",
            requires = "entry",
            conflicts_with = "csl"
        )]
        bib: Option<PathBuf>,
        /// A CSL-JSON file with the reference details.
        #[arg(long, value_name = "FILE.json", requires = "entry")]
        csl: Option<PathBuf>,
        /// The entry's key in the BibTeX or CSL-JSON file.
        #[arg(long, value_name = "KEY")]
        entry: Option<String>,
    },
}

/// A citation style, as the command line names it.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum StyleArg {
    /// APA, 7th edition.
    Apa,
    /// Chicago author-date.
    Chicago,
    /// MLA, 9th edition.
    Mla,
}

impl From<StyleArg> for argmap::model::CitationStyle {
    fn from(style: StyleArg) -> Self {
        match style {
            StyleArg::Apa => Self::Apa,
            StyleArg::Chicago => Self::Chicago,
            StyleArg::Mla => Self::Mla,
        }
    }
}

/// An evaluation mode, as the command line names it.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ModeArg {
    /// Presumed until answered.
    Debate,
    /// Established only by a reason.
    Proof,
}

impl From<ModeArg> for argmap::model::Mode {
    fn from(mode: ModeArg) -> Self {
        match mode {
            ModeArg::Debate => Self::Debate,
            ModeArg::Proof => Self::Proof,
        }
    }
}

/// Runs the command line.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        Some(Command::Check { files }) => check(&files),
        Some(Command::Fmt { check, files }) => fmt(&files, check),
        Some(Command::Man { dir }) => Ok(crate::man::man(dir.as_deref())),
        Some(Command::Bench {
            pipeline: Some(map),
            against_dot,
            ..
        }) => pipeline(&map, against_dot),
        Some(Command::Bench { sizes, .. }) => bench(&sizes),
        Some(Command::Arrange {
            file,
            direction,
            compact,
            wide,
            output,
        }) => {
            let arrangement = match (compact, wide) {
                (true, _) => Some(argmap::model::Arrangement::Compact),
                (_, true) => Some(argmap::model::Arrangement::Wide),
                _ => None,
            };
            Ok(arrange(
                &file,
                direction.map(Into::into),
                arrangement,
                output.as_deref(),
            ))
        }
        Some(Command::Export {
            file,
            to,
            output,
            scale,
            transparent,
            arrange,
            evaluate,
            outline_text,
            overview,
            quotes,
        }) => {
            let options = argmap::export::ExportOptions {
                scale,
                background: if transparent {
                    argmap::draw::svg::Background::Transparent
                } else {
                    argmap::draw::svg::Background::White
                },
                evaluate,
                outline_text,
                overview,
                quotes: std::collections::BTreeMap::new(),
                quotes_on_slides: quotes,
            };
            Ok(export(&file, to, output.as_deref(), options, arrange))
        }
        Some(Command::Import { file, output }) => Ok(import(&file, &output)),
        Some(
            command @ (Command::Diff { .. }
            | Command::Merge { .. }
            | Command::GitSetup
            | Command::Textconv { .. }),
        ) => Ok(versions_command(command)),
        Some(Command::Eval {
            file,
            mode,
            json,
            why,
        }) => Ok(crate::judge::eval(&file, mode.map(Into::into), json, why)),
        Some(Command::Source { action }) => Ok(crate::references::source(action)),
        Some(Command::Cite {
            file,
            style,
            markdown,
        }) => Ok(crate::references::cite(
            &file,
            style.map(Into::into),
            markdown,
        )),
        Some(Command::Lint { files, json }) => Ok(crate::judge::lint(&files, json)),
        Some(Command::Flow(args)) => Ok(crate::flow::flow(&args)),
        Some(Command::Coverage { file, sources }) => Ok(crate::coverage::coverage(&file, &sources)),
        Some(Command::Generate {
            claims,
            seed,
            output,
        }) => generate(claims, seed, &output),
        None => {
            let startup = argmap::ui::Startup {
                recovery_dir: eframe::storage_dir("argmap").map(|d| d.join("recovery")),
                restore_last: args.file.is_none(),
                file: args.file,
            };
            argmap::ui::run(startup)
                .map_err(|err| anyhow::anyhow!("cannot open the editor window: {err}"))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `diff`, `merge` and `git-setup`: maps in git.
fn versions_command(command: Command) -> ExitCode {
    match command {
        Command::Diff {
            files,
            stat,
            json,
            moves,
            color,
        } => crate::git::diff(
            &files,
            crate::git::DiffOptions {
                stat,
                json,
                moves,
                color,
            },
        ),
        Command::Merge {
            base,
            ours,
            theirs,
            output,
            name,
        } => crate::git::merge(&base, &ours, &theirs, output.as_deref(), name.as_deref()),
        Command::GitSetup => crate::git::setup(),
        Command::Textconv { file } => crate::git::textconv(&file),
        _ => ExitCode::from(2),
    }
}

fn check(files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let mut all_sound = true;
    for path in files {
        match store::parse_map(path) {
            Ok(parsed) if parsed.problems.is_empty() => {
                let line = format!("{}: {}", path.display(), Stats::of(&parsed.map));
                writeln!(out, "{}", argmap::words::visible(&line))?;
            }
            Ok(parsed) => {
                all_sound = false;
                fail!(
                    "{}",
                    FileError::new(path, FileErrorKind::Invalid(parsed.problems))
                );
            }
            Err(error) => {
                all_sound = false;
                fail!("{error}");
            }
        }
    }
    Ok(exit_code(all_sound))
}

fn fmt(files: &[PathBuf], check_only: bool) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let mut all_done = true;
    for path in files {
        match canonical(path) {
            Ok((before, after)) if before == after.as_bytes() => {}
            Ok(_) if check_only => {
                all_done = false;
                let line = format!("{}: not in the canonical layout", path.display());
                writeln!(out, "{}", argmap::words::visible(&line))?;
            }
            Ok((_, after)) => match store::write_atomic(path, after.as_bytes()) {
                Ok(()) => {
                    let line = format!("{}: rewritten", path.display());
                    writeln!(out, "{}", argmap::words::visible(&line))?;
                }
                Err(err) => {
                    all_done = false;
                    fail!("{}", FileError::new(path, FileErrorKind::Write(err)));
                }
            },
            Err(error) => {
                all_done = false;
                fail!("{error}");
            }
        }
    }
    out.flush().context("cannot write to standard output")?;
    Ok(exit_code(all_done))
}

/// The export formats by their command-line names, each with its label as
/// help.
fn export_format() -> impl clap::builder::TypedValueParser<Value = argmap::export::ExportFormat> {
    use argmap::export::ExportFormat;
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser as _};
    PossibleValuesParser::new(
        ExportFormat::ALL.map(|format| PossibleValue::new(format.name()).help(format.label())),
    )
    .try_map(|name: String| ExportFormat::from_name(&name).ok_or("an unknown format"))
}

/// A map's direction, as the command line names it.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum DirectionArg {
    /// Thesis on top, answers below.
    Down,
    /// Thesis on the left, answers to the right.
    Right,
}

impl From<DirectionArg> for argmap::model::Growth {
    fn from(direction: DirectionArg) -> Self {
        match direction {
            DirectionArg::Down => Self::Down,
            DirectionArg::Right => Self::Right,
        }
    }
}

fn arrange(
    file: &Path,
    direction: Option<argmap::model::Growth>,
    arrangement: Option<argmap::model::Arrangement>,
    output: Option<&Path>,
) -> ExitCode {
    let mut map = match store::read_map(file) {
        Ok(map) => map,
        Err(error) => {
            fail!("{error}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(direction) = direction {
        map.direction = direction;
    }
    if let Some(arrangement) = arrangement {
        map.arrangement = arrangement;
    }
    let quotes = folder_quotes(&map, file);
    let sizes = arrange_all(&mut map, &quotes);
    let target = output.unwrap_or(file);
    if let Err(error) = store::write_map(target, &map) {
        fail!("{error}");
        return ExitCode::FAILURE;
    }
    let how = match (map.arrangement, map.direction) {
        (argmap::model::Arrangement::Compact, argmap::model::Growth::Down) => "compact, top-down",
        (argmap::model::Arrangement::Compact, argmap::model::Growth::Right) => {
            "compact, left to right"
        }
        (argmap::model::Arrangement::Wide, argmap::model::Growth::Down) => "wide, top-down",
        (argmap::model::Arrangement::Wide, argmap::model::Growth::Right) => "wide, left to right",
    };
    let shape = layout::extent(&map, &sizes).map_or_else(String::new, |(width, height)| {
        format!(
            ": {width:.0} × {height:.0} ({:.2}:1)",
            width / height.max(1.0)
        )
    });
    say!(
        "{}: arranged {}, {how}{shape}",
        target.display(),
        argmap::words::count(map.claims.len(), "claim")
    );
    ExitCode::SUCCESS
}

/// The words the claims of `map` (saved as `file`) quote. They come from
/// the sources' files in the map's folder only: a map someone sent never
/// copies a file from elsewhere into an export.
pub fn folder_quotes(map: &argmap::model::Map, file: &Path) -> argmap::model::QuotedWords {
    argmap::source::quotes(map, Some(file), &|source| {
        argmap::source::inside_map_folder(source, Some(file))
            .then(|| argmap::source::SourceText::from_file(source).ok())
            .flatten()
    })
}

/// Arranges the whole map with the text measurement the editor uses,
/// evidence cards with the words they `quote`; returns the card sizes it
/// used.
fn arrange_all(map: &mut argmap::model::Map, quotes: &argmap::model::QuotedWords) -> layout::Sizes {
    let mut measure = TextMeasure::new();
    let sizes = card_sizes_quoting(map, quotes, &mut measure);
    for (id, pos) in layout::arrange(map, &sizes, layout::Region::All) {
        if let Some(claim) = map.claims.get_mut(&id) {
            claim.pos = pos;
        }
    }
    sizes
}

fn export(
    file: &Path,
    format: argmap::export::ExportFormat,
    output: Option<&Path>,
    mut options: argmap::export::ExportOptions,
    arrange: bool,
) -> ExitCode {
    if !(options.scale.is_finite() && options.scale > 0.0) {
        fail!("--scale must be a positive number");
        return ExitCode::from(2);
    }
    if options.quotes_on_slides && format != argmap::export::ExportFormat::Slides {
        fail!(
            "--quotes puts each step's quoted words on its slide: it applies to slides, not {}",
            format.label()
        );
        return ExitCode::from(2);
    }
    if options.overview && !format.draws_cards() {
        fail!(
            "--overview draws the map's cards with their titles: it applies to SVG, PNG and PDF, not {}",
            format.label()
        );
        return ExitCode::from(2);
    }
    let mut map = match store::read_map(file) {
        Ok(map) => map,
        Err(error) => {
            fail!("{error}");
            return ExitCode::FAILURE;
        }
    };
    options.quotes = folder_quotes(&map, file);
    let target = output.map_or_else(
        || {
            let stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            file.with_file_name(format.file_name(&stem))
        },
        Path::to_path_buf,
    );
    let mut measure = TextMeasure::new();
    let result = if arrange {
        argmap::export::arrange_and_export(&mut map, format, &options, &mut measure)
    } else {
        argmap::export::export(&map, format, &options, &mut measure)
    };
    let exported = match result {
        Ok(exported) => exported,
        Err(error) => {
            fail!("{}: {error}", target.display());
            return ExitCode::FAILURE;
        }
    };
    if let Err(err) = store::write_atomic(&target, &exported.bytes) {
        fail!("{}", FileError::new(&target, FileErrorKind::Write(err)));
        return ExitCode::FAILURE;
    }
    for note in &exported.notes {
        fail!("{}: note: {note}", target.display());
    }
    say!(
        "{}: {} of {}",
        target.display(),
        format.label(),
        argmap::words::count(map.claims.len(), "claim")
    );
    ExitCode::SUCCESS
}

fn import(file: &Path, output: &Path) -> ExitCode {
    let bytes = match store::read_bytes(file) {
        Ok(bytes) => bytes,
        Err(error) => {
            fail!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let format = argmap::import::ImportFormat::detect(file, &bytes);
    let mut measure = TextMeasure::new();
    let imported = match argmap::import::import(format, &bytes, &mut measure) {
        Ok(imported) => imported,
        Err(error) => {
            fail!("{}", FileError::new(file, FileErrorKind::Parse(error)));
            return ExitCode::FAILURE;
        }
    };
    for line in &imported.report {
        fail!("{}: note: {line}", file.display());
    }
    if let Err(error) = store::write_map(output, &imported.map) {
        fail!("{error}");
        return ExitCode::FAILURE;
    }
    say!(
        "{}: {} from {}: {}",
        output.display(),
        format.label(),
        file.display(),
        Stats::of(&imported.map)
    );
    ExitCode::SUCCESS
}

#[expect(
    clippy::disallowed_methods,
    reason = "A scratch folder of the benchmark's own, removed afterwards."
)]
fn bench(sizes: &[usize]) -> anyhow::Result<ExitCode> {
    let dir = std::env::temp_dir().join(format!("argmap-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let rows = crate::bench::run(sizes, &dir);
    let _ = std::fs::remove_dir_all(&dir);
    let rows = rows?;
    say!("{}", crate::bench::table(sizes, &rows));
    if let Some(mb) = crate::bench::resident_mb() {
        say!("\nresident memory after the largest map: {mb} MB");
    }
    Ok(ExitCode::SUCCESS)
}

fn pipeline(map: &Path, against_dot: bool) -> anyhow::Result<ExitCode> {
    let (times, svg_bytes) = match crate::pipeline::run(map) {
        Ok(measured) => measured,
        Err(error) => {
            fail!("{error}");
            return Ok(ExitCode::FAILURE);
        }
    };
    for (phase, time) in crate::pipeline::PHASES.iter().zip(&times) {
        say!("{phase:<16} {:>8.1} ms", time.as_secs_f64() * 1000.0);
    }
    let total: std::time::Duration = times.iter().sum();
    say!("{:<16} {:>8.1} ms", "total", total.as_secs_f64() * 1000.0);
    say!("{:<16} {:>8} bytes", "svg", svg_bytes);
    if against_dot {
        let c = crate::pipeline::against_dot(map)?;
        say!(
            "argmap export --arrange --to svg: {:.3} s, {} bytes",
            c.ours.as_secs_f64(),
            c.ours_bytes
        );
        for (what, (time, bytes)) in [("labelled", c.labelled), ("bare", c.bare)] {
            say!(
                "dot -Tsvg, arrows {what}: {:.3} s, {bytes} bytes: Argmap {:.0}× faster, its SVG {:.2}× dot's",
                time.as_secs_f64(),
                time.as_secs_f64() / c.ours.as_secs_f64(),
                size_ratio(c.ours_bytes, bytes),
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `ours` over `theirs`, for a report.
fn size_ratio(ours: u64, theirs: u64) -> f64 {
    #[expect(
        clippy::cast_precision_loss,
        reason = "file sizes, for a ratio in words"
    )]
    let ratio = ours as f64 / theirs.max(1) as f64;
    ratio
}

fn generate(claims: usize, seed: u64, output: &Path) -> anyhow::Result<ExitCode> {
    if claims == 0 {
        anyhow::bail!("--claims must be at least 1");
    }
    let mut map = argmap::generate::generate(claims, seed);
    let _ = arrange_all(&mut map, &argmap::model::QuotedWords::new());
    if let Err(error) = store::write_map(output, &map) {
        fail!("{error}");
        return Ok(ExitCode::FAILURE);
    }
    say!("{}: {}", output.display(), Stats::of(&map));
    Ok(ExitCode::SUCCESS)
}

/// The file's bytes, and the text Argmap would save for the same map.
fn canonical(path: &Path) -> Result<(Vec<u8>, String), FileError> {
    let bytes = store::read_bytes(path)?;
    let map = ron::load(&bytes).map_err(|err| FileError::new(path, err.into()))?;
    Ok((bytes, ron::to_string(&map)))
}

fn exit_code(success: bool) -> ExitCode {
    if success {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
