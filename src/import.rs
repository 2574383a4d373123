//! Maps from other tools' files: Argdown, AIF JSON and Kialo exports,
//! detected by name or content, and arranged when the file gives no
//! positions.

use std::path::Path;

use crate::format::{Imported, ParseError, aif, argdown, kialo};
use crate::layout;
use crate::measure::{TextMeasure, card_sizes};

/// A format Argmap reads maps from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFormat {
    /// Argdown text.
    Argdown,
    /// AIF JSON, as `AIFdb` or OVA writes it.
    Aif,
    /// A Kialo discussion export (`Discussion Title: …`).
    Kialo,
}

impl ImportFormat {
    /// The file name extensions of each format, for file dialogs.
    pub const EXTENSIONS: [(&'static str, &'static [&'static str]); 3] = [
        ("Argdown", &["argdown", "ad"]),
        ("AIF JSON", &["json"]),
        ("Kialo export", &["txt"]),
    ];

    /// The format of a file: a Kialo export by its first line, whatever
    /// the file is called; else by its extension, or by its first
    /// character (JSON starts with `{`).
    pub fn detect(path: &Path, bytes: &[u8]) -> Self {
        if kialo::is_kialo(bytes) {
            return Self::Kialo;
        }
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
            Self::Kialo => "Kialo",
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
        ImportFormat::Kialo => kialo::from_kialo(bytes)?,
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
