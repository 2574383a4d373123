//! Argmap: argument maps — a thesis, its reasons, objections and rebuttals
//! — as a pure model, the formats and pictures built on it, and the editor.
//! The layers and the rules between them: `ARCHITECTURE.md`.

pub mod bundled; // the maps compiled into the binary
pub mod card; // a card's shape in map units, one source for every size
pub mod cite; // citations and reference lists (APA, Chicago, MLA); BibTeX and CSL-JSON in
pub mod draw; // pictures of a map (geometry, colours, SVG, PNG, PDF)
pub mod edit; // every change as an undoable edit; the open document
pub mod eval; // which arguments stand and why; the map checks
pub mod export; // every export format behind one entry point
pub mod format; // pure conversions map ⇄ bytes (RON, Argdown, AIF, Markdown)
#[cfg(any(test, feature = "fuzzing"))]
pub mod fuzzing; // what the fuzz targets check (feature `fuzzing`)
pub mod generate; // synthetic maps of any size for tests and benchmarks
pub(crate) mod id_hash; // cheap seeded hashing for ids, grid cells and words
pub mod import; // other tools' files into maps, detected by name or content
pub mod layout; // automatic layout: tidy tree, compact, pins
pub mod measure; // card text measured once for canvas, layout and exports
pub mod model; // the map itself: claims, links, what follows from them
pub mod recovery; // the recovery copy of unsaved work
pub mod source; // the texts a map cites: paragraphs, quotes, coverage
pub mod store; // the file system: bounded reads, atomic saves, watching
pub mod ui; // the editor window (egui); nothing depends on it
pub mod versions; // diff and three-way merge of maps by id
pub mod web; // the self-contained HTML handout
pub mod words; // numbers and texts put into words for people
