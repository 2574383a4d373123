//! Argmap: argument maps (a thesis, its premises, objections and rebuttals)
//! as a pure model, file formats, and the tools built on them.
//!
//! Layers, with dependencies pointing down only (see `DESIGN.md` in the
//! shared folder): [`model`] at the bottom, [`format`] for pure conversions
//! between maps and bytes, and [`store`] for the file-system work.
//!
//! A map from RON text, its summary, and the same text back:
//!
//! ```
//! use argmap::format::ron;
//! use argmap::model::{Role, Stats};
//!
//! let text = r#"(
//!     format: 1,
//!     title: "Homework",
//!     thesis: 1,
//!     claims: {
//!         1: (text: "Homework should be optional.", pos: (0.0, 0.0)),
//!         2: (text: "Children need rest.", pos: (-150.0, 230.0)),
//!         3: (text: "Practice builds habits.", pos: (150.0, 230.0)),
//!     },
//!     links: {
//!         1: (kind: Support, premises: [2], target: Claim(1)),
//!         2: (kind: Attack, premises: [3], target: Claim(1)),
//!     },
//! )"#;
//! let map = ron::load(text.as_bytes()).expect("a sound map");
//! assert_eq!(
//!     Stats::of(&map).to_string(),
//!     "3 claims, 2 links (1 support, 1 attack; 0 linked, 0 undercut), thesis #1, depth 2"
//! );
//! assert_eq!(Role::of(&map, argmap::model::ClaimId(3)), Some(Role::Counterpoint));
//! assert_eq!(ron::load(ron::to_string(&map).as_bytes()), Ok(map));
//! ```

pub mod bundled;
pub mod card;
pub mod draw;
pub mod edit;
pub mod eval;
pub mod export;
pub mod format;
pub mod fuzzing;
pub mod generate;
pub mod import;
pub mod layout;
pub mod measure;
pub mod model;
pub mod recovery;
pub mod source;
pub mod store;
pub mod ui;
pub mod versions;
pub mod web;
pub mod words;
