//! Argdown, the Markdown-like syntax for arguments (argdown.org): reading
//! documents written for Argdown's own tools, and writing maps they open.
//!
//! Reading takes statements `[Title]: text`, arguments `<Title>: text`,
//! relation trees (`+ - _` and the directed `<+ +> <- -> <_ _>`, and `><`),
//! premise–conclusion blocks, references by title, tags, headings (kept
//! as tags), comments and front matter. What has no place in a map is
//! named in the report.
//!
//! - `write`: a map as an Argdown document;
//! - `read`: an Argdown document read into its statements, arguments,
//!   relations and premise–conclusion blocks;
//! - `build`: those turned into a map, with a report of what did not fit.

mod build;
mod read;
mod write;

pub use write::to_argdown;

use super::{Imported, ParseError};

/// The tag that marks the thesis, read back by [`from_argdown`].
const THESIS_TAG: &str = "thesis";
/// The tags of claims the user accepted or rejected.
const ACCEPTED_TAG: &str = "accepted";
/// The tags of claims the user accepted or rejected.
const REJECTED_TAG: &str = "rejected";
/// Titles of the stand-in conclusions of attacking arguments start with
/// this: Argdown's reconstructions end in a conclusion, an attack on a
/// claim concludes its denial.
const DENIAL: &str = "¬ ";

/// Reads an Argdown document into a map; what has no place in a map is
/// named in the report, and anything broken is left out (see
/// [`Imported::mended`]).
///
/// # Errors
/// When the bytes are not UTF-8 text, or are empty.
pub fn from_argdown(bytes: &[u8]) -> Result<Imported, ParseError> {
    let document = read::document(bytes)?;
    Ok(build::build(&document).mended())
}
