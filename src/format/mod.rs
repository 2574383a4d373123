//! Pure conversions between maps and bytes. Nothing here touches the file
//! system: see [`crate::store`] for reading and writing files.

pub mod aif;
pub mod argdown;
pub mod markdown;
pub mod outline;
pub mod ron;

pub use ron::ParseError;

use crate::model::Map;

/// A map read from another tool's format, with what did not carry over.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The map.
    pub map: Map,
    /// What could not be represented, or was read in a particular way:
    /// one sentence each, for the user.
    pub report: Vec<String>,
    /// Whether every claim came with a position; if not, arrange the map.
    pub positioned: bool,
}

/// The bytes as text: UTF-8 (a byte-order mark is skipped), not empty.
///
/// # Errors
/// [`ParseError::NotText`] with the offset of the first invalid byte, or
/// [`ParseError::Empty`].
pub fn text_of(bytes: &[u8]) -> Result<&str, ParseError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|err| ParseError::NotText {
        offset: err.valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    Ok(text)
}
