//! Noticing another program changing a map file: what a file looked like
//! at one moment ([`Stamp`]), and a watch on its folder that reports each
//! change with the file's new stamp, worked out on the watcher's thread so
//! the window never reads or hashes a file while drawing.

use std::hash::{Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, SystemTime};

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

use super::{Disk, Os};

/// A file's size, modification time and content hash at one moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    hash: u64,
}

impl Stamp {
    /// The stamp of `bytes`, just written to or read from `path`.
    pub fn of_bytes(disk: &dyn Disk, bytes: &[u8], path: &Path) -> Self {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut hasher);
        Self {
            len: bytes.len() as u64,
            modified: disk.stat(path).ok().and_then(|(_, modified)| modified),
            hash: hasher.finish(),
        }
    }

    /// The stamp of the file at `path` now, or `None` when it cannot be read.
    pub fn read(disk: &dyn Disk, path: &Path) -> Option<Self> {
        let bytes = disk.read(path).ok()?;
        Some(Self::of_bytes(disk, &bytes, path))
    }

    /// Whether the file at `path` still looks like this: size and time
    /// first, and the content only when they differ (a `touch`, a copy).
    pub fn still_matches(&self, disk: &dyn Disk, path: &Path) -> bool {
        match disk.stat(path) {
            Ok((len, modified)) if len == self.len && modified == self.modified => true,
            Ok(_) => Stamp::read(disk, path).is_some_and(|now| now.hash == self.hash),
            Err(_) => false,
        }
    }

    /// Whether two stamps are of the same content.
    pub fn same_content(&self, other: &Self) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

/// How long the watch waits for a burst of changes (an editor writing a
/// temporary file and renaming it) to settle before reporting.
const SETTLE: Duration = Duration::from_millis(150);

/// A watch on one file. Its folder is watched, not the file itself, so a
/// save that replaces the file (as editors, git and Argmap itself do)
/// is seen too.
pub struct Watch {
    path: PathBuf,
    changes: Receiver<Option<Stamp>>,
    _debouncer: Debouncer<RecommendedWatcher>,
}

impl std::fmt::Debug for Watch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watch")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Watch {
    /// Starts watching `path`; `wake` is called (on another thread) after
    /// each change, so the window can look at it even while idle.
    ///
    /// # Errors
    /// When the system cannot watch the file's folder (no such folder, or
    /// no more watches allowed).
    pub fn new(path: &Path, wake: impl Fn() + Send + 'static) -> io::Result<Self> {
        let file = path.to_path_buf();
        let name = file.file_name().map(std::ffi::OsString::from);
        let folder = match file.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let (send, changes) = channel();
        let watched = file.clone();
        let mut debouncer = new_debouncer(SETTLE, move |events: DebounceEventResult| {
            let ours = events.is_ok_and(|events| {
                events
                    .iter()
                    .any(|e| e.path.file_name().map(std::ffi::OsString::from) == name)
            });
            if ours {
                // Read and hashed here, on the watcher's thread.
                let _ = send.send(Stamp::read(&Os, &watched));
                wake();
            }
        })
        .map_err(io::Error::other)?;
        debouncer
            .watcher()
            .watch(&folder, RecursiveMode::NonRecursive)
            .map_err(io::Error::other)?;
        Ok(Self {
            path: file,
            changes,
            _debouncer: debouncer,
        })
    }

    /// The file watched.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The latest change since the last call: `Some(None)` when the file
    /// is gone or unreadable, `Some(Some(stamp))` when it changed, `None`
    /// when nothing happened.
    pub fn latest(&self) -> Option<Option<Stamp>> {
        self.changes.try_iter().last()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn a_change_by_another_program_is_reported_with_its_stamp() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("map.ron");
        std::fs::write(&path, "one").expect("write");
        let first = Stamp::read(&Os, &path).expect("stamp");
        assert!(first.still_matches(&Os, &path));
        let watch = Watch::new(&path, || {}).expect("watch");
        // Another file in the folder is not ours.
        std::fs::write(dir.path().join("other.txt"), "x").expect("write");
        // An editor's save: a temporary file renamed over ours.
        let temp = dir.path().join(".map.ron.swp");
        std::fs::write(&temp, "two, longer").expect("write");
        std::fs::rename(&temp, &path).expect("rename");
        let start = Instant::now();
        let change = loop {
            if let Some(change) = watch.latest() {
                break change;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "no change seen");
            std::thread::sleep(Duration::from_millis(20));
        };
        let now = change.expect("readable");
        assert!(!now.same_content(&first));
        assert!(!first.still_matches(&Os, &path));
        assert_eq!(watch.path(), path);
    }
}
