//! Kialo through the real binary: an export is recognised by its first
//! line whatever the file is called, and what could not be carried is
//! said, by count and kind, both ways.
#![expect(
    clippy::disallowed_methods,
    reason = "the tests copy a fixture and read back what the binary wrote"
)]

use std::fs;

use crate::common::fixture;
use crate::{argmap, stdout};

#[test]
fn a_kialo_export_imports_whatever_its_name_and_exports_say_what_they_lose() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Saved by a browser under a name that says nothing of Kialo.
    fs::copy(
        fixture("kialo/every-construct.txt"),
        dir.path().join("download.md"),
    )
    .expect("the fixture");
    let run = argmap(&["import", "download.md", "-o", "homework.ron"], dir.path());
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        stdout(&run).contains("Kialo from download.md: 9 claims, 10 links"),
        "{}",
        stdout(&run)
    );
    let said = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(
        said.contains(
            "1 reference to claims the discussion does not have, left out: 1.3 (line 15) → 3.1"
        ),
        "{said}"
    );
    fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/maps/social-credit-system.ron"),
        dir.path().join("scs.ron"),
    )
    .expect("the bundled map");
    let run = argmap(&["export", "scs.ron", "--to", "kialo"], dir.path());
    assert!(run.status.success());
    let said = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(
        said.contains(
            "scs.txt: note: Kialo has no undercuts: 4 undercuts written as attacks on the premise"
        ),
        "{said}"
    );
    assert!(
        said.contains("Kialo has no titles: 46 titles not carried"),
        "{said}"
    );
    let text = fs::read_to_string(dir.path().join("scs.txt")).expect("the export");
    assert!(text.starts_with("Discussion Title: China's Social Credit System"));
    // And back: the same 45 claims (the note card is left out).
    let run = argmap(&["import", "scs.txt", "-o", "back.ron"], dir.path());
    assert!(run.status.success());
    assert!(stdout(&run).contains(": 45 claims"), "{}", stdout(&run));
}

/// Argdown and AIF say what they leave out, by count and kind; what they
/// carry comes back.
#[test]
fn argdown_and_aif_exports_say_what_they_could_not_carry() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/maps/social-credit-system.ron"),
        dir.path().join("scs.ron"),
    )
    .expect("the bundled map");
    // Argdown now carries every claim's note and citation, and the
    // sources: nothing of the bundled map is left out.
    let run = argmap(&["export", "scs.ron", "--to", "argdown"], dir.path());
    assert!(run.status.success());
    let said = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(!said.contains("not carried"), "{said}");
    let back = argmap(&["import", "scs.argdown", "-o", "back.ron"], dir.path());
    assert!(back.status.success());
    let map = argmap::store::read_map(&dir.path().join("back.ron")).expect("the map");
    assert_eq!(map.claims.values().filter(|c| c.note.is_some()).count(), 4);
    assert_eq!(
        map.claims.values().filter(|c| c.source.is_some()).count(),
        46
    );
    assert_eq!(map.sources.len(), 1);
    fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/maps/practice-round.ron"),
        dir.path().join("round.ron"),
    )
    .expect("the practice round");
    for (to, file, name) in [
        ("aif", "round.json", "AIF"),
        ("argdown", "round.argdown", "Argdown"),
    ] {
        let run = argmap(&["export", "round.ron", "--to", to], dir.path());
        assert!(run.status.success());
        let said = String::from_utf8_lossy(&run.stderr).into_owned();
        assert!(
            said.contains(&format!(
                "{file}: note: {name} has no rounds: the Public Forum round and the speeches of 10 claims not carried"
            )),
            "{said}"
        );
    }
}
