//! Files: opening (large maps on a worker thread), importing, exporting,
//! saving with backups, the question before unsaved changes are dropped,
//! and the map's file changed on disk by another program.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use egui::{Id, ViewportCommand};

use super::ArgmapApp;
use super::path_prompt::PathPurpose;
use crate::bundled::Bundled;
use crate::draw::svg::Background;
use crate::edit::Document;
use crate::export::{ExportFormat, ExportOptions};
use crate::format::ron::Parsed;
use crate::import::ImportFormat;
use crate::model::Map;
use crate::store::{self, FileError, FileErrorKind, Loading, Watch};
use crate::ui::commands::{self, UiCommand};

/// Files from this size on are read on a worker thread with a progress
/// dialog; smaller ones open at once.
const BACKGROUND_FROM: u64 = 4 * 1024 * 1024;

/// What the editor is doing with files.
#[derive(Debug)]
pub(super) struct Files {
    /// An action waiting for the answer to "Save changes?".
    pub(super) pending: Option<Pending>,
    /// Set once the user agreed to close, so the next close goes through.
    allow_close: bool,
    /// The file changed on disk while there were unsaved edits: saving
    /// asks what to do first.
    conflict: bool,
    /// A large map being read on a worker thread.
    pub(super) loading: Option<Loading>,
    /// The watch on the open map's file.
    watch: Option<Watch>,
    /// Whether an export with claims selected covers only them.
    pub(super) export_selection: bool,
}

impl Default for Files {
    fn default() -> Self {
        Self {
            pending: None,
            allow_close: false,
            conflict: false,
            loading: None,
            watch: None,
            export_selection: true,
        }
    }
}

/// An action waiting for the answer to "Save changes?".
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Pending {
    /// Start a new map: blank, or from a bundled one.
    New(Option<Bundled>),
    /// Start a new round (File → New round…).
    NewRound(Box<Map>),
    /// Open a file, or ask which.
    Open(Option<PathBuf>),
    /// Import an Argdown or AIF file, or ask which.
    Import(Option<PathBuf>),
    /// Close the window.
    Quit,
}

impl PartialEq for Bundled {
    fn eq(&self, other: &Self) -> bool {
        self.file_name == other.file_name
    }
}

impl ArgmapApp {
    pub(super) fn open_path(&mut self, path: &Path) {
        let large = store::file_len(path).is_some_and(|len| len >= BACKGROUND_FROM);
        if !large {
            let result = store::parse_map(path);
            self.opened(path, result);
            return;
        }
        let ctx = self.ctx.clone();
        match store::load_in_background(path, move || ctx.request_repaint()) {
            Ok(loading) => self.files.loading = Some(loading),
            Err(err) => self.messages.errors.push(format!(
                "{}: cannot open: no thread to read it on ({err})",
                path.display()
            )),
        }
    }

    /// Takes what reading `path` gave: the map, the map needing repair, or
    /// the error.
    fn opened(&mut self, path: &Path, result: Result<Parsed, FileError>) {
        match result {
            Ok(parsed) if parsed.problems.is_empty() => {
                // A merge's conflicts are said as the map opens.
                let conflicts = parsed
                    .map
                    .claims
                    .values()
                    .filter(|c| c.tags.iter().any(|t| t == crate::model::CONFLICT_TAG))
                    .count();
                self.replace_document(Document::from_file(parsed.map, path.to_path_buf()));
                self.remember(path);
                let checks = UiCommand::ChecksPanel.shortcut_text(&self.ctx);
                let said = match conflicts {
                    0 => format!("Opened {}", path.display()),
                    1 => format!(
                        "Opened {}: 1 claim has a merge conflict to resolve ({checks} lists it)",
                        path.display()
                    ),
                    n => format!(
                        "Opened {}: {n} claims have merge conflicts to resolve ({checks} lists them)",
                        path.display()
                    ),
                };
                self.messages.status(said);
                self.say_outside_sources();
            }
            Ok(parsed) => self.open_for_repair(path, parsed),
            Err(err) if matches!(err.kind, FileErrorKind::Cancelled) => {
                self.messages
                    .status(format!("Did not open {}: cancelled", path.display()));
            }
            Err(err) => self.messages.errors.push(err.to_string()),
        }
    }

    /// Takes the map read in the background, once it is ready.
    pub(super) fn take_loaded(&mut self) {
        let Some(result) = self.files.loading.as_ref().and_then(Loading::finished) else {
            return;
        };
        if let Some(loading) = self.files.loading.take() {
            self.opened(&loading.path, result);
        }
    }

    /// The progress of a map being read, with Cancel.
    pub(super) fn loading_ui(&mut self, ctx: &egui::Context) {
        let Some(loading) = &self.files.loading else {
            return;
        };
        let progress = &loading.progress;
        let read = progress.read.load(Ordering::Relaxed);
        let total = progress.total.load(Ordering::Relaxed).max(1);
        let parsing = progress.parsing.load(Ordering::Relaxed);
        let name = loading
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let mut cancel = false;
        egui::Modal::new(Id::unique("argmap-loading")).show(ctx, |ui| {
            ui.set_width(360.0);
            ui.heading(format!("Opening {name}"));
            if parsing {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Reading the claims and links…");
                });
            } else {
                #[expect(clippy::cast_precision_loss, reason = "A fraction for a bar.")]
                let fraction = read as f32 / total as f32;
                ui.add(egui::ProgressBar::new(fraction).text(format!(
                    "{:.1} of {:.1} MB",
                    mb(read),
                    mb(total)
                )));
            }
            ui.add_space(6.0);
            if ui.button("Cancel").clicked() {
                cancel = true;
            }
        });
        if cancel {
            progress.cancel.store(true, Ordering::Relaxed);
            self.messages.status(format!(
                "Did not open {}: cancelled",
                loading.path.display()
            ));
            self.files.loading = None;
        } else {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
    }

    /// Reads an Argdown or AIF file into a new, unsaved map.
    pub(super) fn import_path(&mut self, path: &Path) {
        let bytes = match store::read_bytes(path) {
            Ok(bytes) => bytes,
            Err(err) => {
                self.messages.errors.push(err.to_string());
                return;
            }
        };
        let format = ImportFormat::detect(path, &bytes);
        match crate::import::import(format, &bytes, &mut self.measure) {
            Ok(imported) => {
                let mut map = imported.map;
                if map.title.trim().is_empty() {
                    map.title = path
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default();
                }
                let stats = crate::model::Stats::of(&map);
                self.replace_document(Document::untitled(map, true));
                self.messages.status(format!(
                    "Imported {} from {}: {stats}",
                    format.label(),
                    path.display()
                ));
                if !imported.report.is_empty() {
                    self.messages.notes.push(format!(
                        "Imported {}:\n• {}",
                        path.display(),
                        imported.report.join("\n• ")
                    ));
                }
            }
            Err(err) => {
                let error = FileError::new(path, FileErrorKind::Parse(err));
                self.messages
                    .errors
                    .push(format!("{error}\nNothing was imported."));
            }
        }
    }

    /// Exports the map, or the selected claims, after asking where.
    pub(super) fn export(&mut self, format: ExportFormat) {
        self.finish_editing();
        // Named after the map's file, as the command line names it; a map
        // never saved, after its title.
        let stem = if let Some(stem) = self.doc.path.as_deref().and_then(Path::file_stem) {
            stem.to_string_lossy().into_owned()
        } else {
            let name = suggested_file_name(&self.doc.map.title);
            name.strip_suffix(".ron").unwrap_or(&name).to_owned()
        };
        let name = format.file_name(&stem);
        let picked = self.dialogs.pick_export(&name, format);
        if let Some(path) = self.picked(picked, PathPurpose::Export(format), &name) {
            self.export_to(format, &path);
        }
    }

    /// The words the map's claims quote, for an export: from files the
    /// map may read, a PDF only when it has been read already (in the
    /// source panel, on its own thread) — an export never waits on a PDF's
    /// reading; and the PDFs left out for that.
    pub(super) fn exported_quotes(
        &self,
    ) -> (
        std::collections::BTreeMap<crate::model::ClaimId, String>,
        Vec<std::path::PathBuf>,
    ) {
        let unread = std::cell::RefCell::new(Vec::new());
        let quotes = crate::source::quotes(&self.doc.map, self.doc.path.as_deref(), &|f| {
            if !self.may_read_source(f) {
                return None;
            }
            match crate::source::SourceText::at_once(f) {
                crate::source::AtOnce::Text(text) => Some(text),
                crate::source::AtOnce::PdfNotReadYet => {
                    unread.borrow_mut().push(f.to_path_buf());
                    None
                }
                crate::source::AtOnce::Unreadable => None,
            }
        });
        (quotes, unread.into_inner())
    }

    /// Exports the map, or the selected claims, to `path`.
    pub(super) fn export_to(&mut self, format: ExportFormat, path: &Path) {
        let selection = &self.view.selection.claims;
        let selected = !selection.is_empty() && self.files.export_selection;
        let map = if selected {
            self.doc.map.subset(selection)
        } else {
            self.doc.map.clone()
        };
        let (quotes, unread_pdfs) = self.exported_quotes();
        let options = ExportOptions {
            scale: self.prefs.png_scale(),
            background: if self.prefs.transparent {
                Background::Transparent
            } else {
                Background::White
            },
            evaluate: self.prefs.show_evaluation,
            outline_text: self.prefs.outline_text,
            overview: self.prefs.overview_export,
            quotes_on_slides: self.prefs.slide_quotes,
            quotes,
        };
        let exported = match crate::export::export(&map, format, &options, &mut self.measure) {
            Ok(exported) => exported,
            Err(err) => {
                self.messages
                    .errors
                    .push(format!("{}: {err}", path.display()));
                return;
            }
        };
        match store::write_atomic(path, &exported.bytes) {
            Ok(()) => {
                let what = if selected {
                    format!(
                        "{} (the selection)",
                        crate::words::count(map.claims.len(), "claim")
                    )
                } else {
                    "the map".to_owned()
                };
                self.messages
                    .status(format!("Exported {what} to {}", path.display()));
                for file in &unread_pdfs {
                    self.messages.notes.push(format!(
                        "{}: the quotes from {} are left out: that PDF has not been read yet \
                         (show it in the source panel, F6, then export again)",
                        path.display(),
                        file.display()
                    ));
                }
                for note in exported.notes {
                    self.messages
                        .notes
                        .push(format!("{}: {note}", path.display()));
                }
            }
            Err(err) => {
                let error = FileError::new(path, FileErrorKind::Write(err));
                self.messages.errors.push(error.to_string());
            }
        }
    }

    /// Remembers `path` among the recent files.
    pub(super) fn remember(&mut self, path: &Path) {
        self.prefs.remember(store::canonical(path));
    }

    /// Saves to the document's file, or asks where; true when saved.
    pub(super) fn save(&mut self) -> bool {
        match self.doc.path.clone() {
            Some(path) => self.save_to(&path),
            None => self.save_as(),
        }
    }

    pub(super) fn save_as(&mut self) -> bool {
        let name = suggested_file_name(&self.doc.map.title);
        let picked = self.dialogs.pick_save(&name);
        match self.picked(picked, PathPurpose::Save, &name) {
            Some(path) => self.save_to(&path),
            None => false,
        }
    }

    pub(super) fn save_to(&mut self, path: &Path) -> bool {
        self.finish_editing();
        if let Some(repair) = &self.needs_repair {
            self.messages.errors.push(format!(
                "{} needs repair before it can be saved: press Repair above, or open another map.",
                repair.path.display()
            ));
            return false;
        }
        // Saving over a file another program changed asks first.
        if self.doc.path.as_deref() == Some(path) && self.doc.changed_on_disk() {
            self.files.conflict = true;
            return false;
        }
        self.write_to(path)
    }

    /// Writes the document to `path`, keeping a backup unless turned off.
    fn write_to(&mut self, path: &Path) -> bool {
        match self.doc.save_with_backup(path, !self.prefs.no_backups) {
            Ok(()) => {
                self.remember(path);
                self.messages.status(format!("Saved {}", path.display()));
                true
            }
            Err(err) => {
                self.messages.errors.push(format!(
                    "{err}\nYour changes are still open here: save them somewhere else."
                ));
                false
            }
        }
    }

    /// Follows the open map's file: watches it (again, when the map has a
    /// new file) and, when another program changed it while there are no
    /// unsaved edits here, reloads it and says so.
    pub(super) fn watch_file(&mut self) {
        let watched = self.files.watch.as_ref().map(Watch::path);
        if watched != self.doc.path.as_deref() {
            self.files.watch = self.doc.path.as_deref().and_then(|path| {
                let ctx = self.ctx.clone();
                // Without a watch (no more inotify watches), changes on
                // disk are still caught when saving.
                Watch::new(path, move || ctx.request_repaint()).ok()
            });
        }
        let Some(change) = self.files.watch.as_ref().and_then(Watch::latest) else {
            return;
        };
        if self.doc.is_modified() || !self.doc.differs_from(change.as_ref()) {
            return;
        }
        let Some(path) = self.doc.path.clone() else {
            return;
        };
        // Gone or broken for now (a save in progress, a checkout): keep
        // what is open and look again at the next change.
        let Ok(doc) = Document::open(&path) else {
            return;
        };
        let selection = self.view.selection.clone();
        let camera = self.view.camera.clone();
        self.replace_document(doc);
        // Keep the camera and what is still there of the selection.
        self.view.camera = camera;
        self.view.selection = selection;
        self.view.selection.prune(&self.doc.map);
        self.messages
            .status(format!("Reloaded {}: it changed on disk", path.display()));
    }

    /// "The file changed on disk": overwrite it, save elsewhere, or take
    /// the version on disk.
    pub(super) fn conflict_ui(&mut self, ctx: &egui::Context) {
        if !self.files.conflict {
            return;
        }
        let name = self
            .doc
            .path
            .as_deref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let mut choice = None;
        egui::Modal::new(Id::unique("argmap-conflict")).show(ctx, |ui| {
            ui.heading("The file changed on disk");
            ui.label(format!(
                "Another program changed “{name}” since Argmap opened or saved it, and you have \
                 unsaved changes here."
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let buttons = [
                    ("Overwrite", "Save your version over theirs"),
                    ("Save as…", "Keep both: save yours elsewhere"),
                    (
                        "Reload theirs",
                        "Open the version on disk; your unsaved changes are dropped",
                    ),
                    ("Cancel", "Keep editing; nothing is saved"),
                ];
                for (i, (label, tip)) in buttons.into_iter().enumerate() {
                    if ui.button(label).on_hover_text(tip).clicked() {
                        choice = Some(i);
                    }
                }
            });
        });
        let Some(choice) = choice else {
            return;
        };
        self.files.conflict = false;
        let path = self.doc.path.clone();
        match (choice, path) {
            (0, Some(path)) => {
                self.write_to(&path);
            }
            (1, _) => {
                self.save_as();
            }
            (2, Some(path)) => self.open_path(&path),
            _ => {}
        }
    }

    /// Runs `pending` now, or asks first when there are unsaved changes.
    pub(super) fn request(&mut self, pending: Pending) {
        if self.doc.is_modified() && !self.files.allow_close {
            self.files.pending = Some(pending);
        } else {
            self.run_pending(pending);
        }
    }

    fn run_pending(&mut self, pending: Pending) {
        match pending {
            Pending::New(None) => {
                self.replace_document(Document::untitled(Map::new("Untitled map"), false));
                self.messages.status(
                    commands::hint(
                        &self.ctx,
                        "A new map: double-click the canvas, or press {AddSibling}, to write its thesis",
                    ),
                );
            }
            Pending::New(Some(bundled)) => {
                self.replace_document(Document::untitled(bundled.map(), true));
                self.messages
                    .status("A new map from the template: replace its claims with yours");
            }
            Pending::NewRound(map) => {
                self.replace_document(Document::untitled(*map, true));
                self.round.flowing = None;
                self.toggle_flow();
            }
            Pending::Open(Some(path)) => self.open_path(&path),
            Pending::Open(None) => {
                let picked = self.dialogs.pick_open();
                if let Some(path) = self.picked(picked, PathPurpose::Open, "") {
                    self.open_path(&path);
                }
            }
            Pending::Import(Some(path)) => self.import_path(&path),
            Pending::Import(None) => {
                let picked = self.dialogs.pick_import();
                if let Some(path) = self.picked(picked, PathPurpose::Import, "") {
                    self.import_path(&path);
                }
            }
            Pending::Quit => {
                self.files.allow_close = true;
                self.files.pending = Some(Pending::Quit);
            }
        }
    }

    /// The "Save changes?" question, while an action waits for it.
    pub(super) fn confirm_ui(&mut self, ctx: &egui::Context) {
        let Some(pending) = self.files.pending.clone() else {
            return;
        };
        if pending == Pending::Quit && self.files.allow_close {
            self.files.pending = None;
            ctx.send_viewport_cmd(ViewportCommand::Close);
            return;
        }
        let name = self.doc.display_name();
        let mut choice = None;
        egui::Modal::new(Id::unique("argmap-save-changes")).show(ctx, |ui| {
            ui.heading(format!("Save changes to “{name}”?"));
            ui.label("If you don't save, your changes will be lost.");
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    choice = Some(true);
                }
                if ui.button("Don't save").clicked() {
                    choice = Some(false);
                }
                if ui.button("Cancel").clicked() {
                    self.files.pending = None;
                }
            });
        });
        match choice {
            Some(save) => {
                self.files.pending = None;
                if save && !self.save() {
                    return;
                }
                self.files.allow_close = pending == Pending::Quit;
                if pending == Pending::Quit {
                    ctx.send_viewport_cmd(ViewportCommand::Close);
                } else {
                    // The changes are saved or given up: go ahead.
                    self.doc.history.mark_saved();
                    self.run_pending(pending);
                }
            }
            None => {
                if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
                    self.files.pending = None;
                }
            }
        }
    }

    /// Closing the window, files dropped on it, and its title.
    pub(super) fn handle_window_events(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && self.doc.is_modified()
            && !self.files.allow_close
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.files.pending = Some(Pending::Quit);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            // Argmap's own maps open; texts are sources to read; anything
            // else is imported.
            let extension = path
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            if matches!(extension.as_str(), "txt" | "md" | "markdown" | "pdf") {
                self.use_source_file(&path);
                return;
            }
            let own = extension == "ron";
            self.request(if own {
                Pending::Open(Some(path))
            } else {
                Pending::Import(Some(path))
            });
        }
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

/// A file name for a map called `title`: letters, digits and dashes.
fn suggested_file_name(title: &str) -> String {
    let mut name = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            name.extend(c.to_lowercase());
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
        if name.chars().count() >= 48 {
            break;
        }
    }
    let name = name.trim_end_matches('-');
    if name.is_empty() {
        "map.ron".to_owned()
    } else {
        format!("{name}.ron")
    }
}

/// Bytes as megabytes, for progress.
fn mb(bytes: u64) -> f64 {
    #[expect(clippy::cast_precision_loss, reason = "Sizes below 64 MB.")]
    let bytes = bytes as f64;
    bytes / 1_000_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_come_from_titles() {
        assert_eq!(
            suggested_file_name("China's Social Credit System: rule by law?"),
            "china-s-social-credit-system-rule-by-law.ron"
        );
        assert_eq!(suggested_file_name("  "), "map.ron");
        assert_eq!(
            suggested_file_name("法治 und Gründe"),
            "法治-und-gründe.ron"
        );
    }
}
