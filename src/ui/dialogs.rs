//! File dialogs behind a small trait, so tests answer them instead of a
//! person and never block on a native window.

use std::path::PathBuf;

use crate::export::ExportFormat;
use crate::import::ImportFormat;

/// Asks the user for files.
pub trait FileDialogs {
    /// A map file to open, or `None` when the user cancels.
    fn pick_open(&mut self) -> Option<PathBuf>;
    /// Where to save a map, suggesting `file_name`; `None` when cancelled.
    fn pick_save(&mut self, file_name: &str) -> Option<PathBuf>;
    /// An Argdown or AIF file to import, or `None` when cancelled.
    fn pick_import(&mut self) -> Option<PathBuf>;
    /// Where to export in `format`, suggesting `file_name`; `None` when
    /// cancelled.
    fn pick_export(&mut self, file_name: &str, format: ExportFormat) -> Option<PathBuf>;
}

/// The system's own dialogs, through `rfd` (the desktop portal, or zenity).
#[derive(Debug, Default)]
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick_open(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open map")
            .add_filter("Argmap map", &["ron"])
            .add_filter("All files", &["*"])
            .pick_file()
    }

    fn pick_save(&mut self, file_name: &str) -> Option<PathBuf> {
        let path = rfd::FileDialog::new()
            .set_title("Save map")
            .add_filter("Argmap map", &["ron"])
            .set_file_name(file_name)
            .save_file()?;
        Some(with_extension(path, "ron"))
    }

    fn pick_import(&mut self) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new().set_title("Import a map");
        let all: Vec<&str> = ImportFormat::EXTENSIONS
            .iter()
            .flat_map(|(_, e)| e.iter().copied())
            .collect();
        dialog = dialog.add_filter("Argdown or AIF JSON", &all);
        for (name, extensions) in ImportFormat::EXTENSIONS {
            dialog = dialog.add_filter(name, extensions);
        }
        dialog.add_filter("All files", &["*"]).pick_file()
    }

    fn pick_export(&mut self, file_name: &str, format: ExportFormat) -> Option<PathBuf> {
        let path = rfd::FileDialog::new()
            .set_title(format!("Export as {}", format.label()))
            .add_filter(format.label(), &[format.extension()])
            .set_file_name(file_name)
            .save_file()?;
        Some(with_extension(path, format.extension()))
    }
}

/// The path with `extension` when the user typed a bare name.
fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension(extension)
    } else {
        path
    }
}
