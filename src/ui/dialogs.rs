//! File dialogs behind a small trait, so tests answer them instead of a
//! person and never block on a native window.

use std::path::PathBuf;

/// Asks the user for files.
pub trait FileDialogs {
    /// A map file to open, or `None` when the user cancels.
    fn pick_open(&mut self) -> Option<PathBuf>;
    /// Where to save a map, suggesting `file_name`; `None` when cancelled.
    fn pick_save(&mut self, file_name: &str) -> Option<PathBuf>;
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
        // Give the file its extension when the user typed a bare name.
        Some(if path.extension().is_none() {
            path.with_extension("ron")
        } else {
            path
        })
    }
}
