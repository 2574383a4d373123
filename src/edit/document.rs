use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Edit, History};
use crate::model::Map;
use crate::store::{self, Disk, FileError, Os, Stamp};

/// An open map: its content, where it lives, and its undo history.
#[derive(Debug)]
pub struct Document {
    /// The map as it is now.
    pub map: Map,
    /// The file it was opened from or last saved to; `None` for a new map or
    /// a copy of a bundled one, which "Save" asks a place for.
    pub path: Option<PathBuf>,
    /// Undo and redo.
    pub history: History,
    /// What the file looked like when this document last read or wrote it,
    /// to notice another program changing it.
    stamp: Option<Stamp>,
    /// Where saves go through: the real file system, or in tests one that
    /// fails on purpose.
    pub disk: Arc<dyn Disk>,
    /// A number no other document of this run has, so work kept for a
    /// revision of one document is never taken for another's.
    generation: u64,
}

/// The next document's generation.
fn next_generation() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// The backup kept beside `path` when saving over it: `NAME.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(std::ffi::OsString::from)
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

impl Document {
    /// A map that lives at `path` and is as saved there.
    pub fn from_file(map: Map, path: PathBuf) -> Self {
        let stamp = Stamp::read(&Os, &path);
        Self {
            map,
            path: Some(path),
            history: History::new(),
            stamp,
            disk: Arc::new(Os),
            generation: next_generation(),
        }
    }

    /// A map with no file yet. A `copy` (of a bundled or starter map) counts
    /// as unsaved work from the start; a blank map does not.
    pub fn untitled(map: Map, copy: bool) -> Self {
        let mut history = History::new();
        if copy {
            history.mark_unsaved();
        }
        Self {
            map,
            path: None,
            history,
            stamp: None,
            disk: Arc::new(Os),
            generation: next_generation(),
        }
    }

    /// Opens the map file at `path`.
    ///
    /// # Errors
    /// When the file cannot be read or is not a sound map.
    pub fn open(path: &Path) -> Result<Self, FileError> {
        let map = store::read_map(path)?;
        Ok(Self::from_file(map, path.to_path_buf()))
    }

    /// Applies `edit` as one undoable step.
    pub fn apply(&mut self, edit: Edit, label: impl Into<String>) {
        self.history.apply(&mut self.map, edit, label);
    }

    /// Saves to `path` and makes it the document's file. On failure the
    /// document keeps its edits, its old path and its unsaved mark.
    ///
    /// # Errors
    /// When the file cannot be written.
    pub fn save_as(&mut self, path: &Path) -> Result<(), FileError> {
        self.save_with_backup(path, false)
    }

    /// Saves to `path`; with `backup`, what the file held before is first
    /// kept beside it as `NAME.ron.bak` (written atomically too). A failed
    /// backup stops the save: the file is then untouched.
    ///
    /// # Errors
    /// When the backup or the file cannot be written.
    pub fn save_with_backup(&mut self, path: &Path, backup: bool) -> Result<(), FileError> {
        if backup && let Ok(old) = self.disk.read(path) {
            let bak = backup_path(path);
            store::write_atomic_on(self.disk.as_ref(), &bak, &old)
                .map_err(|err| FileError::new(&bak, store::FileErrorKind::Write(err)))?;
        }
        // The sources' files stay found from the map's new place: their
        // paths are made relative to it (the same files, so no undo step),
        // and kept only once the map is saved.
        let rebased = crate::source::rebased(&self.map, self.path.as_deref(), path);
        let text = match &rebased {
            Some(sources) => crate::format::ron::to_string(&Map {
                sources: sources.clone(),
                ..self.map.clone()
            }),
            None => crate::format::ron::to_string(&self.map),
        };
        store::write_atomic_on(self.disk.as_ref(), path, text.as_bytes())
            .map_err(|err| FileError::new(path, store::FileErrorKind::Write(err)))?;
        if let Some(sources) = rebased {
            self.map.sources = sources;
        }
        self.stamp = Some(Stamp::of_bytes(self.disk.as_ref(), text.as_bytes(), path));
        self.path = Some(path.to_path_buf());
        self.history.mark_saved();
        Ok(())
    }

    /// True when the document's file is no longer what this document last
    /// read or wrote: another program (an editor, a `git pull`) changed or
    /// removed it.
    pub fn changed_on_disk(&self) -> bool {
        let Some(path) = &self.path else {
            return false;
        };
        let Some(known) = &self.stamp else {
            return false;
        };
        // Size and time first: reading the file is needed only when they
        // say it may have changed.
        !known.still_matches(self.disk.as_ref(), path)
    }

    /// Whether `stamp` (the file as another thread just saw it) differs
    /// from what this document last read or wrote.
    pub fn differs_from(&self, stamp: Option<&Stamp>) -> bool {
        match (&self.stamp, stamp) {
            (Some(known), Some(now)) => !known.same_content(now),
            (Some(_), None) => true,
            (None, _) => false,
        }
    }

    /// Names this state of this document: a different document, or any
    /// edit, undo or redo, gives another value.
    pub fn state(&self) -> (u64, u64) {
        (self.generation, self.history.revision())
    }

    /// True when there are changes that are not on disk.
    pub fn is_modified(&self) -> bool {
        self.history.is_modified()
    }

    /// The name to show for the document: the map's title, or the file's
    /// name, or "Untitled".
    pub fn display_name(&self) -> String {
        if !self.map.title.trim().is_empty() {
            return self.map.title.clone();
        }
        self.path.as_deref().and_then(Path::file_stem).map_or_else(
            || "Untitled".to_owned(),
            |stem| stem.to_string_lossy().into_owned(),
        )
    }
}

#[cfg(test)]
#[expect(
    clippy::disallowed_methods,
    reason = "Another program changing the file."
)]
mod tests {
    use super::*;

    #[test]
    fn the_backup_sits_beside_the_file() {
        assert_eq!(
            backup_path(Path::new("maps/homework.ron")),
            PathBuf::from("maps/homework.ron.bak")
        );
    }

    #[test]
    fn a_changed_or_removed_file_is_noticed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("m.ron");
        let mut doc = Document::untitled(Map::new("t"), false);
        doc.save_as(&path).expect("saved");
        assert!(!doc.changed_on_disk());
        std::fs::write(&path, "(format: 1, title: \"other\")").expect("write");
        assert!(doc.changed_on_disk());
        doc.save_as(&path).expect("saved again");
        assert!(!doc.changed_on_disk());
        std::fs::remove_file(&path).expect("remove");
        assert!(doc.changed_on_disk());
    }
}
