//! The library without a window: formats, layout, evaluation, merging,
//! files on disk, the shipped maps and the shape of the code itself. One
//! test binary, so the crate and its dependencies are linked once.

#[path = "../common/mod.rs"]
pub mod common;

mod architecture;
mod argdown_official;
mod handout_page;
mod handout_rules;
mod hostile;
mod hostile_pdf;
mod interop;
mod kialo;
mod layout;
mod maps;
mod merge;
mod references;
mod round;
mod round_trips;
mod slides;
mod store;
mod undercut_ends;
