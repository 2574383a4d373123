//! File dialogs behind a small trait, so tests answer them instead of a
//! person and never block on a native window.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::export::ExportFormat;
use crate::import::ImportFormat;

/// What a file dialog gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// The file the user chose.
    Path(PathBuf),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog could be shown (no desktop portal and no zenity): the
    /// editor asks for a typed path instead.
    Unavailable,
}

impl Picked {
    /// The path chosen, given the extension when the user typed a bare name.
    fn with_extension(self, extension: &str) -> Self {
        match self {
            Self::Path(path) => Self::Path(with_extension(path, extension)),
            other => other,
        }
    }
}

/// Asks the user for files.
pub trait FileDialogs {
    /// A map file to open.
    fn pick_open(&mut self) -> Picked;
    /// Where to save a map, suggesting `file_name`.
    fn pick_save(&mut self, file_name: &str) -> Picked;
    /// An Argdown or AIF file to import.
    fn pick_import(&mut self) -> Picked;
    /// Where to export in `format`, suggesting `file_name`.
    fn pick_export(&mut self, file_name: &str, format: ExportFormat) -> Picked;
    /// The text a map cites: a text, Markdown or PDF file.
    fn pick_source(&mut self) -> Picked;
    /// References to import: a BibTeX, BibLaTeX or CSL-JSON file.
    fn pick_bibliography(&mut self) -> Picked;
}

/// The system's own dialogs, through `rfd` (the desktop portal, or zenity).
#[derive(Debug, Default)]
pub struct NativeDialogs;

/// No person closes a dialog this fast: an answer sooner means no dialog
/// was shown (rfd answers at once when there is no portal and no zenity).
const FASTEST_CANCEL: Duration = Duration::from_millis(150);

/// Runs a dialog, telling a dialog the user cancelled from one that never
/// appeared.
fn shown(ask: impl FnOnce() -> Option<PathBuf>) -> Picked {
    let asked = Instant::now();
    match ask() {
        Some(path) => Picked::Path(path),
        None if asked.elapsed() < FASTEST_CANCEL => Picked::Unavailable,
        None => Picked::Cancelled,
    }
}

impl FileDialogs for NativeDialogs {
    fn pick_open(&mut self) -> Picked {
        shown(|| {
            rfd::FileDialog::new()
                .set_title("Open map")
                .add_filter("Argmap map", &["ron"])
                .add_filter("All files", &["*"])
                .pick_file()
        })
    }

    fn pick_save(&mut self, file_name: &str) -> Picked {
        shown(|| {
            rfd::FileDialog::new()
                .set_title("Save map")
                .add_filter("Argmap map", &["ron"])
                .set_file_name(file_name)
                .save_file()
        })
        .with_extension("ron")
    }

    fn pick_import(&mut self) -> Picked {
        let mut dialog = rfd::FileDialog::new().set_title("Import a map");
        let all: Vec<&str> = ImportFormat::EXTENSIONS
            .iter()
            .flat_map(|(_, e)| e.iter().copied())
            .collect();
        dialog = dialog.add_filter("Argdown or AIF JSON", &all);
        for (name, extensions) in ImportFormat::EXTENSIONS {
            dialog = dialog.add_filter(name, extensions);
        }
        shown(|| dialog.add_filter("All files", &["*"]).pick_file())
    }

    fn pick_export(&mut self, file_name: &str, format: ExportFormat) -> Picked {
        shown(|| {
            rfd::FileDialog::new()
                .set_title(format!("Export as {}", format.label()))
                .add_filter(format.label(), &[format.extension()])
                .set_file_name(file_name)
                .save_file()
        })
        .with_extension(format.extension())
    }

    fn pick_source(&mut self) -> Picked {
        shown(|| Self::source_dialog().pick_file())
    }

    fn pick_bibliography(&mut self) -> Picked {
        shown(|| {
            rfd::FileDialog::new()
                .set_title("Import references")
                .add_filter("BibTeX, BibLaTeX or CSL-JSON", &["bib", "json"])
                .add_filter("All files", &["*"])
                .pick_file()
        })
    }
}

impl NativeDialogs {
    fn source_dialog() -> rfd::FileDialog {
        rfd::FileDialog::new()
            .set_title("Open the source the map cites")
            .add_filter("Text, Markdown or PDF", &["txt", "md", "markdown", "pdf"])
            .add_filter("All files", &["*"])
    }
}

/// The path with `extension` when the user typed a bare name.
pub fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension(extension)
    } else {
        path
    }
}
