//! Maps from other tools' files: Argdown and AIF JSON, detected by name
//! or content, and arranged when the file gives no positions.

use std::path::Path;

use crate::format::{Imported, ParseError, aif, argdown};
use crate::layout;
use crate::measure::{TextMeasure, card_sizes};

/// A format Argmap reads maps from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFormat {
    /// Argdown text.
    Argdown,
    /// AIF JSON, as `AIFdb` or OVA writes it.
    Aif,
}

impl ImportFormat {
    /// The file name extensions of each format, for file dialogs.
    pub const EXTENSIONS: [(&'static str, &'static [&'static str]); 2] =
        [("Argdown", &["argdown", "ad"]), ("AIF JSON", &["json"])];

    /// The format of a file: by its extension, or else by its first
    /// character (JSON starts with `{`).
    pub fn detect(path: &Path, bytes: &[u8]) -> Self {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("json") => Self::Aif,
            Some("argdown" | "ad") => Self::Argdown,
            _ => {
                let first = bytes
                    .strip_prefix(b"\xef\xbb\xbf")
                    .unwrap_or(bytes)
                    .iter()
                    .find(|b| !b.is_ascii_whitespace());
                if first == Some(&b'{') {
                    Self::Aif
                } else {
                    Self::Argdown
                }
            }
        }
    }

    /// The name shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            Self::Argdown => "Argdown",
            Self::Aif => "AIF JSON",
        }
    }
}

/// Reads `bytes` as `format`; a map that came without positions is
/// arranged as a tidy tree, with the canvas's text measurement.
///
/// # Errors
/// When the bytes are not text, or not a document of that format.
pub fn import(
    format: ImportFormat,
    bytes: &[u8],
    measure: &mut TextMeasure,
) -> Result<Imported, ParseError> {
    let mut imported = match format {
        ImportFormat::Argdown => argdown::from_argdown(bytes)?,
        ImportFormat::Aif => aif::from_aif(bytes)?,
    };
    if !imported.positioned {
        let sizes = card_sizes(&imported.map, measure);
        for (id, pos) in layout::arrange(&imported.map, &sizes, layout::Region::All) {
            if let Some(claim) = imported.map.claims.get_mut(&id) {
                claim.pos = pos;
            }
        }
        imported.positioned = true;
    }
    Ok(imported)
}
