//! The real `argmap` binary: its commands, their output and exit codes,
//! git's drivers in a real repository, and the HTML handout in a real
//! browser. One test binary, so the crate and its dependencies are linked
//! once.

#[path = "../common/mod.rs"]
pub mod common;

use std::path::Path;
use std::process::{Command, Output};

/// Runs the real binary with `args` in `dir`, with no colour settings
/// inherited from the terminal the tests were started in.
///
/// # Panics
/// When the binary cannot be started.
pub fn argmap(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_argmap"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("GIT_PAGER_IN_USE")
        .output()
        .expect("the binary runs")
}

/// What a run wrote on standard output.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

mod commands;
mod diff;
mod flow;
mod git;
mod hostile_pdf;
mod html;
mod kialo;
mod messages;
mod references;
mod slides;
mod special_files;
mod terminal;
mod weighing;
