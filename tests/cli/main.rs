//! The real `argmap` binary: its commands, their output and exit codes,
//! git's drivers in a real repository, and the HTML handout in a real
//! browser. One test binary, so the crate and its dependencies are linked
//! once.

#[path = "../common/mod.rs"]
pub mod common;

mod commands;
mod diff;
mod git;
mod html;
mod messages;
mod special_files;
mod terminal;
mod weighing;
