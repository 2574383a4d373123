//! Argdown, the Markdown-like syntax for arguments (argdown.org): reading
//! documents written for Argdown's own tools, and writing maps they open.
//!
//! Reading takes statements `[Title]: text`, arguments `<Title>: text`,
//! relation trees (`+ - _` and the directed `<+ +> <- -> <_ _>`, and `><`),
//! list items, premise–conclusion blocks (flush or indented, in several
//! steps), references by title, tags, headings (kept as tags), comments
//! and front matter; text is read the way Argdown reads it (`inline`).
//! What has no place in a map is named in the report.
//!
//! - `write`: a map as an Argdown document;
//! - `read`: an Argdown document read into its statements, arguments,
//!   relations and premise–conclusion blocks;
//! - `inline`: the text of one element, escapes, emphasis and shortcodes
//!   read as Argdown reads them;
//! - `front_matter`: the title in the YAML front matter;
//! - `build`: those turned into a map, with a report of what did not fit.

mod build;
mod front_matter;
mod inline;
mod read;
mod write;

pub use write::{losses, to_argdown, to_argdown_quoted};

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

/// What an Argdown document holds, counted the way Argdown's own parser
/// counts it: statements (by title, untitled ones each on their own),
/// arguments with a premise–conclusion structure, and relations by type
/// (`support`, `attack`, `undercut`, `contradiction`), each pair of
/// elements and type once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counts {
    /// Statements, by title.
    pub statements: usize,
    /// Arguments with a premise–conclusion structure.
    pub reconstructed: usize,
    /// Relations by Argdown's name for their type.
    pub relations: std::collections::BTreeMap<String, usize>,
}

/// Counts what an Argdown document holds (see [`Counts`]).
///
/// # Errors
/// When the bytes are not UTF-8 text, or are empty.
pub fn counts(bytes: &[u8]) -> Result<Counts, ParseError> {
    let document = read::document(bytes)?;
    let mut relations = std::collections::BTreeMap::new();
    let mut seen = std::collections::BTreeSet::new();
    for &(from, to, relation) in &document.relations {
        let (from, to) = if relation == read::Relation::Contradiction && to < from {
            (to, from)
        } else {
            (from, to)
        };
        if !seen.insert((from, to, relation as u8)) {
            continue;
        }
        let name = match relation {
            read::Relation::Support => "support",
            read::Relation::Attack => "attack",
            read::Relation::Undercut => "undercut",
            read::Relation::Contradiction => "contradiction",
        };
        *relations.entry(name.to_owned()).or_insert(0) += 1;
    }
    Ok(Counts {
        statements: document.statements.len(),
        reconstructed: document
            .arguments
            .iter()
            .filter(|a| a.pcs.iter().any(Option::is_some))
            .count(),
        relations,
    })
}
