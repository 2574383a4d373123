use std::path::{Path, PathBuf};

use super::{Edit, History};
use crate::model::Map;
use crate::store::{self, FileError};

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
}

impl Document {
    /// A map that lives at `path` and is as saved there.
    pub fn from_file(map: Map, path: PathBuf) -> Self {
        Self {
            map,
            path: Some(path),
            history: History::new(),
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
        store::write_map(path, &self.map)?;
        self.path = Some(path.to_path_buf());
        self.history.mark_saved();
        Ok(())
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
