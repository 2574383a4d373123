//! Argmap: argument maps (a thesis, its premises, objections and rebuttals)
//! as a pure model, file formats, and the tools built on them.
//!
//! Layers, with dependencies pointing down only (see `DESIGN.md` in the
//! shared folder): [`model`] at the bottom, [`format`] for pure conversions
//! between maps and bytes, and [`store`] for the file-system work.

pub mod bundled;
pub mod edit;
pub mod format;
pub mod generate;
pub mod layout;
pub mod measure;
pub mod model;
pub mod store;
pub mod ui;
