//! The Sources window in the editor: its edits as undoable steps (typing
//! in a field is one step until the field is left), and references
//! imported from a reference manager's BibTeX or CSL-JSON export.

use std::fmt::Write as _;
use std::path::Path;

use super::ArgmapApp;
use super::path_prompt::PathPurpose;
use crate::cite::import;
use crate::edit::{self, Typing};
use crate::model::Source;
use crate::ui::sources::{SourcesAction, SourcesDialog, sources_ui};

impl ArgmapApp {
    /// Opens the Sources window.
    pub(super) fn open_sources(&mut self) {
        if self.overlays.sources.is_none() {
            self.overlays.sources = Some(SourcesDialog::default());
        }
    }

    /// The Sources window, while open, and what was done in it.
    pub(super) fn sources_window_ui(&mut self, ctx: &egui::Context) {
        let Some(mut dialog) = self.overlays.sources.take() else {
            return;
        };
        let mut open = true;
        for action in sources_ui(ctx, &self.doc.map, &mut dialog) {
            match action {
                SourcesAction::Change(key, source) => {
                    let mut sources = self.doc.map.sources.clone();
                    sources.insert(key, *source);
                    if let Some(change) = edit::set_sources(&self.doc.map, sources) {
                        self.doc.history.apply_coalescing(
                            &mut self.doc.map,
                            change,
                            "Edit a source",
                            Typing::Sources,
                        );
                    }
                }
                SourcesAction::Seal => self.doc.history.seal(),
                SourcesAction::Add => {
                    let mut sources = self.doc.map.sources.clone();
                    let key = crate::source::key_for_file(Path::new("source"), |k| {
                        sources.contains_key(k)
                    });
                    sources.insert(key.clone(), Source::default());
                    if let Some(change) = edit::set_sources(&self.doc.map, sources) {
                        self.doc.apply(change, "Add a source");
                    }
                    dialog.selected = Some(key);
                }
                SourcesAction::Remove(key) => {
                    let mut sources = self.doc.map.sources.clone();
                    sources.remove(&key);
                    if let Some(change) = edit::set_sources(&self.doc.map, sources) {
                        self.doc.apply(change, "Remove a source");
                    }
                }
                SourcesAction::Import => {
                    let picked = self.dialogs.pick_bibliography();
                    if let Some(path) = self.picked(picked, PathPurpose::Bibliography, "") {
                        dialog.said = Some(self.import_references(&path));
                    }
                }
                SourcesAction::Close => open = false,
            }
        }
        if open {
            self.overlays.sources = Some(dialog);
        }
    }

    /// Reads the references in `file` (BibTeX or BibLaTeX, or CSL-JSON by
    /// its extension or its first character): each becomes a source, or
    /// updates the source of the same key (its file, note and unmapped
    /// paragraphs kept). What happened is said in the status bar and the
    /// Sources window (opened if need be); a file that cannot be read
    /// changes nothing. Returns what it says.
    pub(super) fn import_references(&mut self, file: &Path) -> String {
        let name = file.display().to_string();
        let read = crate::store::read_bytes(file)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                String::from_utf8(bytes).map_err(|_| format!("{name}: this file is not UTF-8 text"))
            })
            .and_then(|text| {
                let json = file
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("json"))
                    || text.trim_start().starts_with(['[', '{']);
                if json {
                    import::from_csl_json(&text)
                } else {
                    import::from_bibtex(&text)
                }
                .map_err(|e| format!("{name}: {e}"))
            });
        let said = match read {
            Err(message) => message,
            Ok(entries) if entries.is_empty() => format!("{name}: it holds no references"),
            Ok(entries) => {
                let mut sources = self.doc.map.sources.clone();
                let (mut added, mut updated) = (0, 0);
                for (key, details) in entries {
                    if let Some(source) = sources.get_mut(&key) {
                        source.take_details(details);
                        updated += 1;
                    } else {
                        sources.insert(key, details);
                        added += 1;
                    }
                }
                if let Some(change) = edit::set_sources(&self.doc.map, sources) {
                    self.doc.apply(change, "Import references");
                }
                let mut said = format!(
                    "{}: {} added",
                    file.file_name()
                        .map_or(name.clone(), |n| n.to_string_lossy().into_owned()),
                    crate::words::count(added, "reference")
                );
                if updated > 0 {
                    let _ = write!(said, ", {updated} updated");
                }
                said
            }
        };
        self.messages.status(said.clone());
        self.open_sources();
        if let Some(dialog) = self.overlays.sources.as_mut() {
            dialog.said = Some(said.clone());
        }
        said
    }
}
