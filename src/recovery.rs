//! The recovery copy: while a map has unsaved changes, the editor keeps a
//! copy of it in the user's data folder (never over the user's file), so
//! a crash or a kill loses nothing. A clean exit removes it.

#![expect(
    clippy::disallowed_methods,
    reason = "Its own folder of files, beside store (see clippy.toml)."
)]

use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::model::Map;
use crate::store;

/// The map copy, in Argmap's own format.
const MAP_FILE: &str = "recovery.ron";
/// Which file the copy belongs to and when it was written.
const INFO_FILE: &str = "recovery.info";

/// A recovery copy found at start.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovered {
    /// The unsaved map.
    pub map: Map,
    /// What was wrong with the copy and was mended, one sentence each
    /// (empty for a sound copy, which is the rule).
    pub repaired: Vec<String>,
    /// The file it was open from, if it had one.
    pub original: Option<PathBuf>,
    /// When the copy was written, in seconds since 1970.
    pub saved_at: u64,
}

/// Writes the recovery copy of `map` (open from `original`) into `dir`.
///
/// # Errors
/// When the folder or the files cannot be written.
pub fn write(dir: &Path, map: &Map, original: Option<&Path>) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    store::write_atomic(
        &dir.join(MAP_FILE),
        crate::format::ron::to_string(map).as_bytes(),
    )?;
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let info = format!(
        "{now}\n{}\n",
        original
            .map(|p| p.display().to_string())
            .unwrap_or_default()
    );
    store::write_atomic(&dir.join(INFO_FILE), info.as_bytes())
}

/// Removes the recovery copy, if any.
pub fn clear(dir: &Path) {
    let _ = std::fs::remove_file(dir.join(MAP_FILE));
    let _ = std::fs::remove_file(dir.join(INFO_FILE));
}

/// The recovery copy left in `dir` by a run that did not end cleanly.
pub fn find(dir: &Path) -> Option<Recovered> {
    // A copy with problems (a bug wrote it mid-edit) is still the user's
    // work: mend it rather than lose it.
    let mut map = store::parse_map(&dir.join(MAP_FILE)).ok()?.map;
    let repaired = map.repair();
    let info = std::fs::read_to_string(dir.join(INFO_FILE)).unwrap_or_default();
    let mut lines = info.lines();
    let saved_at = lines
        .next()
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or(0);
    let original = lines
        .next()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(PathBuf::from);
    Some(Recovered {
        map,
        repaired,
        original,
        saved_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Pos};

    #[test]
    fn a_copy_is_found_until_cleared() {
        let dir = tempfile::tempdir().expect("temp dir");
        let folder = dir.path().join("data");
        assert!(find(&folder).is_none());
        let mut map = Map::new("Unsaved");
        map.add_claim(Claim::new("Keep me", Pos::default()));
        write(&folder, &map, Some(Path::new("/maps/homework.ron"))).expect("written");
        let found = find(&folder).expect("found");
        assert_eq!(found.map, map);
        assert_eq!(
            found.original.as_deref(),
            Some(Path::new("/maps/homework.ron"))
        );
        assert!(found.saved_at > 0);
        clear(&folder);
        assert!(find(&folder).is_none());
    }
}
