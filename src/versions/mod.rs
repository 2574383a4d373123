//! Versions of a map, as a team's git holds them: what changed from one
//! to another, by id ([`diff`]), written for people or tools
//! ([`report`]), and three versions merged into one ([`merge`]). Pure
//! functions of maps, like layout and evaluation.

pub mod diff;
pub mod merge;
pub mod report;
pub mod words;

pub use diff::{MapDiff, diff};
pub use merge::{CONFLICT_TAG, MergeError, Merged, merge};
