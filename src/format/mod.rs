//! Pure conversions between maps and bytes. Nothing here touches the file
//! system: see [`crate::store`] for reading and writing files.

pub mod aif;
pub mod argdown;
pub mod flow_sheets;
pub mod kialo;
pub mod markdown;
pub mod ron;

pub use ron::ParseError;

/// What every format but Argmap's own leaves out of a map: its round (and
/// the speeches its claims were made in), its presentation order, its
/// evaluation settings and its citation style, each in a sentence naming
/// the format.
pub fn map_losses(map: &Map, format: &str) -> Vec<String> {
    let mut losses = Vec::new();
    if let Some(round) = &map.round {
        let speeches = map.claims.values().filter(|c| c.speech.is_some()).count();
        losses.push(format!(
            "{format} has no rounds: the {} round and the speeches of {} not carried",
            round.format.label(),
            crate::words::count(speeches, "claim")
        ));
    }
    if !map.presentation.is_default() {
        losses.push(format!("{format} has no presentation order: not carried"));
    }
    if !map.evaluation.is_default() {
        losses.push(format!(
            "{format} has no evaluation settings (mode, presumption, standard, checks): not carried"
        ));
    }
    if !map.citation_style.is_apa() {
        losses.push(format!("{format} has no citation style: not carried"));
    }
    losses
}

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
