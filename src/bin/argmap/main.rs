//! The `argmap` command: the editor, and headless tools for map files.

mod bench;
mod cli;
mod coverage;
mod git;
mod judge;

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("argmap: {err:#}");
            ExitCode::FAILURE
        }
    }
}
