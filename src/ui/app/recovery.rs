//! The recovery copy of unsaved work: kept up to date in the background
//! (every so many seconds of real time, and when the window loses the
//! focus, even while it is hidden), written at once when a frame panics,
//! and offered back after a run that did not end cleanly.

use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use egui::Id;

use super::ArgmapApp;
use crate::edit::Document;
use crate::recovery::{self, Recovered};
use crate::words;

/// The recovery copy's state.
#[derive(Debug)]
pub(super) struct Recovery {
    /// Where the recovery copy goes; `None` keeps none.
    dir: Option<PathBuf>,
    /// A copy left by a run that did not end cleanly, offered at start,
    /// with the claims of the file on disk it belongs to.
    found: Option<(Recovered, Option<usize>)>,
    /// When the copy was last written (or the app started).
    written_at: Instant,
    /// The map revision last written; `None` while there is no copy.
    written: Option<u64>,
    /// Whether the window had the focus when last looked at.
    was_focused: bool,
}

impl Recovery {
    /// Looks for a copy left in `dir` by a run that did not end cleanly.
    pub(super) fn new(dir: Option<PathBuf>) -> Self {
        let found = dir.as_deref().and_then(recovery::find).map(|found| {
            let on_disk = found
                .original
                .as_deref()
                .and_then(|p| crate::store::read_map(p).ok())
                .map(|m| m.claims.len());
            (found, on_disk)
        });
        Self {
            dir,
            found,
            written_at: Instant::now(),
            written: None,
            was_focused: true,
        }
    }

    /// On a clean exit: no copy is left behind (unless one found at start
    /// is still unanswered).
    pub(super) fn clear_on_exit(&self) {
        if let Some(dir) = &self.dir
            && self.found.is_none()
        {
            recovery::clear(dir);
        }
    }
}

impl ArgmapApp {
    /// Whether there is work a crash would lose: edits not saved. An
    /// untouched copy of a bundled map needs no recovery.
    fn unsaved_work(&self) -> bool {
        self.doc.is_modified() && self.doc.history.undo_label().is_some()
    }

    /// Keeps the recovery copy up to date: every so often and when the
    /// window loses the focus while there are unsaved changes; none
    /// without them. Runs whether or not the window is drawn, on the real
    /// clock (egui's stands still while the window is hidden).
    pub(super) fn autosave(&mut self) {
        let Some(dir) = self.recovery.dir.clone() else {
            return;
        };
        // The copy of a crashed run stays until the user has answered.
        if self.recovery.found.is_some() {
            return;
        }
        let (focused, lost_event) = self.ctx.input(|i| {
            (
                i.viewport().focused.unwrap_or(true),
                i.events
                    .iter()
                    .any(|e| matches!(e, egui::Event::WindowFocused(false))),
            )
        });
        let focus_lost = lost_event || (self.recovery.was_focused && !focused);
        self.recovery.was_focused = focused;
        if !self.unsaved_work() {
            if self.recovery.written.take().is_some() {
                recovery::clear(&dir);
            }
            return;
        }
        let interval = Duration::from_secs(u64::from(self.prefs.recovery_seconds()));
        let elapsed = self.recovery.written_at.elapsed();
        // Wake up for the next copy even if nothing else happens.
        self.ctx
            .request_repaint_after(interval.saturating_sub(elapsed).max(Duration::from_secs(1)));
        let revision = self.doc.history.revision();
        let due = focus_lost || elapsed >= interval;
        if due && self.recovery.written != Some(revision) {
            self.recovery.written_at = Instant::now();
            match recovery::write(&dir, &self.doc.map, self.doc.path.as_deref()) {
                Ok(()) => self.recovery.written = Some(revision),
                Err(err) => self.messages.status(format!(
                    "Could not keep a recovery copy in {}: {err}",
                    dir.display()
                )),
            }
        }
    }

    /// Writes the recovery copy now, if there is unsaved work, and says
    /// where on standard error (the window may be gone).
    pub(super) fn rescue(&self) {
        let Some(dir) = &self.recovery.dir else {
            return;
        };
        if self.recovery.found.is_some() || !self.unsaved_work() {
            return;
        }
        match recovery::write(dir, &self.doc.map, self.doc.path.as_deref()) {
            Ok(()) => eprintln!(
                "argmap: your unsaved work was kept in {}; Argmap offers it the next time it starts",
                dir.display()
            ),
            Err(err) => eprintln!(
                "argmap: could not keep your unsaved work in {}: {err}",
                dir.display()
            ),
        }
    }

    /// "Recover unsaved work?" after a run that did not end cleanly.
    pub(super) fn recovery_ui(&mut self, ctx: &egui::Context) {
        let Some((found, on_disk)) = &self.recovery.found else {
            return;
        };
        let name = if found.map.title.trim().is_empty() {
            "Untitled".to_owned()
        } else {
            found.map.title.clone()
        };
        let from = found.original.as_deref().map_or_else(
            || "a map that was never saved".to_owned(),
            |p| p.display().to_string(),
        );
        let on_disk = on_disk
            .map(|n| format!("; the file on disk has {}", words::count(n, "claim")))
            .unwrap_or_default();
        let age = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
            .saturating_sub(found.saved_at);
        let mut choice = None;
        egui::Modal::new(Id::unique("argmap-recovery")).show(ctx, |ui| {
            ui.heading("Recover unsaved work?");
            ui.label(format!(
                "Argmap did not close normally. It kept a copy of “{name}” ({from}), \
                 written {} ago: {}{on_disk}.",
                words::duration(age),
                words::count(found.map.claims.len(), "claim")
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Restore").clicked() {
                    choice = Some(true);
                }
                if ui.button("Discard").clicked() {
                    choice = Some(false);
                }
            });
        });
        let Some(restore) = choice else {
            return;
        };
        let Some((found, _)) = self.recovery.found.take() else {
            return;
        };
        if let Some(dir) = &self.recovery.dir {
            recovery::clear(dir);
        }
        if restore {
            let mut doc = match found.original {
                Some(path) => Document::from_file(found.map, path),
                None => Document::untitled(found.map, true),
            };
            doc.history.mark_unsaved();
            self.replace_document(doc);
            self.messages
                .status("Restored the unsaved work: save it to keep it");
            if !found.repaired.is_empty() {
                self.messages.notes.push(format!(
                    "The recovery copy had problems, mended on restoring:\n• {}",
                    found.repaired.join("\n• ")
                ));
            }
        }
    }
}
