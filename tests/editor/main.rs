//! The editor as a user drives it, through `egui_kittest`: building,
//! reading, evaluating, presenting, files, views and how it looks. One test
//! binary, so the crate and its dependencies are linked once.

#[path = "../common/mod.rs"]
pub mod common;
pub mod harness;

mod chords;
mod editing;
pub mod evaluation;
mod evidence;
mod files;
mod first_hour;
mod flowing;
mod interchange;
mod overview;
mod present;
mod reading;
mod snapshots;
mod sources;
mod views;
mod weighing;
