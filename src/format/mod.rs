//! Pure conversions between maps and bytes. Nothing here touches the file
//! system: see [`crate::store`] for reading and writing files.

pub mod aif;
pub mod argdown;
pub mod flow_sheets;
pub mod kialo;
pub mod markdown;
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

impl Imported {
    /// The import with whatever the source file got wrong (a link to a
    /// node that is not there, a link to itself) left out and reported:
    /// an importer never hands over a map that fails validation.
    #[must_use]
    pub fn mended(mut self) -> Self {
        let fixes = self.map.repair();
        if !fixes.is_empty() {
            self.report.push(format!(
                "{} broken parts of the file were left out: {}",
                fixes.len(),
                fixes.join(" ")
            ));
        }
        self
    }
}

/// The bytes as text: UTF-8 (a byte-order mark is skipped), not empty.
///
/// # Errors
/// [`ParseError::NotText`] with the offset of the first invalid byte, or
/// [`ParseError::Empty`].
pub fn text_of(bytes: &[u8]) -> Result<&str, ParseError> {
    let (bom, bytes) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (3, rest),
        None => (0, bytes),
    };
    // The offset counts from the start of the file, mark included.
    let text = std::str::from_utf8(bytes).map_err(|err| ParseError::NotText {
        offset: bom + err.valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    Ok(text)
}
