//! Command-line parsing and the headless commands.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use argmap::format::ron;
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

/// Runs the command line.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        Some(Command::Check { files }) => check(&files),
        Some(Command::Fmt { check, files }) => fmt(&files, check),
        None => {
            let startup = argmap::ui::Startup {
                restore_last: args.file.is_none(),
                file: args.file,
            };
            argmap::ui::run(startup)
                .map_err(|err| anyhow::anyhow!("cannot open the editor window: {err}"))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn check(files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let mut all_sound = true;
    for path in files {
        match store::parse_map(path) {
            Ok(parsed) if parsed.problems.is_empty() => {
                writeln!(out, "{}: {}", path.display(), Stats::of(&parsed.map))?;
            }
            Ok(parsed) => {
                all_sound = false;
                let error = FileError::new(path, FileErrorKind::Invalid(parsed.problems));
                writeln!(out, "{error}")?;
            }
            Err(error) => {
                all_sound = false;
                writeln!(out, "{error}")?;
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
                writeln!(out, "{}: not in the canonical layout", path.display())?;
            }
            Ok((_, after)) => match store::write_atomic(path, after.as_bytes()) {
                Ok(()) => writeln!(out, "{}: rewritten", path.display())?,
                Err(err) => {
                    all_done = false;
                    writeln!(out, "{}", FileError::new(path, FileErrorKind::Write(err)))?;
                }
            },
            Err(error) => {
                all_done = false;
                writeln!(out, "{error}")?;
            }
        }
    }
    out.flush().context("cannot write to standard output")?;
    Ok(exit_code(all_done))
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
