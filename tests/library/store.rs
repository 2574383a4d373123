//! Reading and saving real files: bad input gets a clear error naming the
//! file, and a failed save leaves what was on disk untouched.

#![expect(
    clippy::disallowed_methods,
    reason = "Tests make, change and read real files themselves."
)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use argmap::format::ron;
use argmap::model::{Claim, Map, Pos};
use argmap::store::{self, FileErrorKind};

fn sample_map() -> Map {
    let mut map = Map::new("Saved map");
    map.thesis = Some(map.add_claim(Claim::new(
        "Homework should be optional",
        Pos::new(0.0, 0.0),
    )));
    map
}

/// A folder of its own for one test, readable by anyone (see `as_nobody`).
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    set_mode(dir.path(), 0o755);
    dir
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt as _;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("listable")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn save_writes_the_canonical_text_and_replaces_the_old_file() {
    let dir = folder();
    let path = dir.path().join("map.ron");
    fs::write(&path, "old contents").expect("write");
    store::write_map(&path, &sample_map()).expect("saves");
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        ron::to_string(&sample_map())
    );
    assert_eq!(store::read_map(&path).expect("loads"), sample_map());
    assert_eq!(
        listing(dir.path()),
        ["map.ron"],
        "no temporary file is left"
    );
}

#[test]
fn save_keeps_a_symlink_and_writes_through_it() {
    let dir = folder();
    let real = dir.path().join("real.ron");
    let link = dir.path().join("link.ron");
    fs::write(&real, "old").expect("write");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    store::write_map(&link, &sample_map()).expect("saves");
    assert!(
        fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert_eq!(store::read_map(&real).expect("loads"), sample_map());
}

#[test]
fn save_into_a_missing_folder_fails_clearly() {
    let dir = folder();
    let path = dir.path().join("no such folder").join("map.ron");
    let err = store::write_map(&path, &sample_map()).expect_err("must fail");
    assert!(matches!(err.kind, FileErrorKind::Write(_)));
    let message = err.to_string();
    assert!(
        message.starts_with(&path.display().to_string()),
        "{message}"
    );
    assert!(message.contains("does not exist"), "{message}");
    assert!(message.contains("nothing on disk was changed"), "{message}");
    assert!(listing(dir.path()).is_empty());
}

/// Runs `work` with the file permissions of an ordinary user. Root ignores
/// permission bits, and CI runs as root: there, the work runs on a thread
/// whose file-system user id is `nobody`, which drops root's override for
/// that thread alone.
fn as_nobody<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    // SAFETY: geteuid has no preconditions.
    #[expect(unsafe_code, reason = "libc's user ids have no safe wrapper")]
    let root = unsafe { libc::geteuid() } == 0;
    if !root {
        return work();
    }
    std::thread::scope(|scope| {
        scope
            .spawn(|| {
                // SAFETY: setfsuid changes only this thread's file-system
                // user id; the thread ends when the work is done.
                #[expect(unsafe_code, reason = "libc's user ids have no safe wrapper")]
                unsafe {
                    libc::setfsuid(65534);
                }
                work()
            })
            .join()
            .expect("the work thread did not panic")
    })
}

#[test]
fn save_into_a_read_only_folder_fails_and_keeps_the_old_file() {
    let dir = folder();
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).expect("mkdir");
    let path = locked.join("map.ron");
    fs::write(&path, "the user's old map").expect("write");
    set_mode(&path, 0o644);
    set_mode(&locked, 0o555);

    let (readable, result) = as_nobody(|| {
        // The folder can be read, so what fails below is the write itself.
        let readable = fs::read_to_string(&path).is_ok();
        (readable, store::write_map(&path, &sample_map()))
    });
    set_mode(&locked, 0o755);

    assert!(
        readable,
        "the test folder must be readable by the test user"
    );
    let err = result.expect_err("a read-only folder must refuse the save");
    let message = err.to_string();
    assert!(message.contains("permission denied"), "{message}");
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        "the user's old map"
    );
    assert_eq!(listing(&locked), ["map.ron"]);
}

/// A file system with a few kilobytes of room: a real tmpfs when this
/// machine lets us mount one, unmounted on drop.
struct SmallDisk {
    path: PathBuf,
    _dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount() -> Option<Self> {
        let dir = folder();
        let path = dir.path().join("disk");
        fs::create_dir(&path).ok()?;
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=12k", "tmpfs"])
            .arg(&path)
            .output()
            .ok()?
            .status
            .success();
        mounted.then_some(Self { path, _dir: dir })
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.path).status();
    }
}

/// A map whose file is far larger than the small disk.
fn big_map() -> Map {
    let mut map = Map::new("Big");
    for i in 0..400 {
        map.add_claim(Claim::new(
            format!("claim number {i} with some words"),
            Pos::new(0.0, 0.0),
        ));
    }
    map
}

#[test]
fn save_on_a_full_disk_fails_and_keeps_the_old_file() {
    let Some(disk) = SmallDisk::mount() else {
        // Mounting is not allowed here: fill the disk's place with a limit
        // on file size instead, in the real binary (see the CLI tests).
        return full_disk_by_file_size_limit();
    };
    let path = disk.path.join("map.ron");
    fs::write(&path, "the user's old map").expect("write");
    let err = store::write_map(&path, &big_map()).expect_err("the disk is too small");
    let message = err.to_string();
    assert!(message.contains("the disk is full"), "{message}");
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        "the user's old map"
    );
    assert_eq!(
        listing(&disk.path),
        ["map.ron"],
        "the temporary file is removed"
    );
}

/// The same promise under a file-size limit, which fails a write the way a
/// full disk does (part-way through), through the real `argmap fmt`.
#[test]
fn save_past_a_file_size_limit_fails_and_keeps_the_old_file() {
    full_disk_by_file_size_limit();
}

fn full_disk_by_file_size_limit() {
    let dir = folder();
    let path = dir.path().join("map.ron");
    // Not in the canonical layout, so `fmt` must rewrite it.
    let original = format!("// edited by hand\n{}", ron::to_string(&big_map()));
    fs::write(&path, &original).expect("write");
    let output = Command::new("sh")
        .arg("-c")
        // Ignore SIGXFSZ so the write fails with an error instead of a kill.
        .arg("trap '' XFSZ; ulimit -f 8; exec \"$0\" fmt \"$1\"")
        .arg(env!("CARGO_BIN_EXE_argmap"))
        .arg(&path)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("cannot save"), "{stderr}");
    assert!(stderr.contains("nothing on disk was changed"), "{stderr}");
    assert_eq!(fs::read_to_string(&path).expect("read"), original);
    assert_eq!(listing(dir.path()), ["map.ron"]);
}

/// Each kind of bad file: the error names the file and the problem, and
/// neither reading nor `argmap fmt` changes the file.
#[test]
fn bad_files_get_clear_errors_and_stay_untouched() {
    let canonical = ron::to_string(&sample_map());
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.ron", Vec::new(), "empty.ron: the file is empty"),
        (
            "garbage.ron",
            vec![0x89, b'P', b'N', b'G', 0, 0xff, 0xfe, 7],
            "garbage.ron: this is not a text file (invalid UTF-8 at byte 0)",
        ),
        (
            "truncated.ron",
            canonical.as_bytes()[..canonical.len() / 2].to_vec(),
            "truncated.ron:",
        ),
        (
            "types.ron",
            b"(\n    format: 1,\n    claims: {\n        1: (text: \"x\", pos: (\"left\", 0.0)),\n    },\n)\n".to_vec(),
            "types.ron:4:30: expected float",
        ),
        (
            "newer.ron",
            b"(format: 2, title: \"From the future\", claims: {}, links: {})".to_vec(),
            "newer.ron: the map is in format 2, from a newer Argmap",
        ),
        (
            "dangling.ron",
            b"(format: 1, thesis: 3, claims: {1: (text: \"a\")}, links: {1: (kind: Attack, premises: [1], target: Claim(2))})".to_vec(),
            "dangling.ron: map: the thesis is claim #3, which does not exist\n",
        ),
        (
            "nan.ron",
            b"(format: 1, claims: {1: (text: \"a\", pos: (NaN, inf))})".to_vec(),
            "nan.ron: claim #1: its position (NaN, inf) is not a finite number",
        ),
    ];
    let dir = folder();
    for (name, bytes, expected) in cases {
        let path = dir.path().join(name);
        fs::write(&path, &bytes).expect("write");
        let err = store::read_map(&path).expect_err(name).to_string();
        let shown = err.replace(&format!("{}/", dir.path().display()), "");
        assert!(shown.starts_with(expected), "{name}: {shown:?}");

        let output = Command::new(env!("CARGO_BIN_EXE_argmap"))
            .arg("fmt")
            .arg(&path)
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(1), "{name}");
        assert_eq!(fs::read(&path).expect("read"), bytes, "{name} was changed");
    }
    let mut expected: Vec<String> = [
        "dangling.ron",
        "empty.ron",
        "garbage.ron",
        "nan.ron",
        "newer.ron",
        "truncated.ron",
        "types.ron",
    ]
    .map(String::from)
    .to_vec();
    expected.sort();
    assert_eq!(listing(dir.path()), expected, "no stray files");
}

#[test]
fn a_folder_or_a_missing_file_cannot_be_read() {
    let dir = folder();
    let err = store::read_map(dir.path())
        .expect_err("a folder")
        .to_string();
    assert!(
        err.contains("it is a folder, not a file; Argmap reads only regular files"),
        "{err}"
    );
    let missing = dir.path().join("gone.ron");
    let err = store::read_map(&missing).expect_err("missing").to_string();
    assert!(err.contains("does not exist"), "{err}");
}

#[test]
fn a_five_thousand_claim_map_saves_and_loads_back_equal() {
    let dir = folder();
    let path = dir.path().join("big.ron");
    let map = argmap::generate::generate(5_000, 11);
    store::write_map(&path, &map).expect("saves");
    let loaded = store::read_map(&path).expect("loads");
    assert_eq!(loaded.claims.len(), 5_000);
    assert_eq!(loaded, map);
}

/// Every way a save can fail, injected through the file-system seam: the
/// old file stays byte for byte, no temporary file is left, the message
/// names the file and says what happened, and the document keeps its edits.
#[test]
fn every_injected_fault_leaves_the_old_file_and_the_edits() {
    use crate::common::faulty::{Fault, Faulty};
    use argmap::edit::Document;
    use std::sync::Arc;

    let faults = [
        (Fault::ReadOnlyFolder, "permission denied"),
        (Fault::MissingFolder, "does not exist"),
        (Fault::FullAfter(0), "the disk is full"),
        (Fault::FullAfter(40), "the disk is full"),
        (Fault::DevFull, "the disk is full"),
        (Fault::SyncFails, "input/output error"),
        (Fault::RenameFails, "cross-device"),
    ];
    for (fault, says) in faults {
        for backup in [false, true] {
            let dir = folder();
            let path = dir.path().join("debate.ron");
            let before = ron::to_string(&sample_map());
            fs::write(&path, &before).expect("write");
            let mut doc = Document::open(&path).expect("opens");
            doc.map
                .add_claim(Claim::new("An unsaved reason", Pos::new(0.0, 200.0)));
            doc.history.mark_unsaved();
            let edited = doc.map.clone();
            doc.disk = Arc::new(Faulty(fault));

            let Err(err) = doc.save_with_backup(&path, backup) else {
                panic!("{fault:?}: the save went through");
            };
            let message = err.to_string();
            assert!(
                message.contains("debate.ron") && message.contains(says),
                "{fault:?}: {message}"
            );
            assert!(message.contains("nothing on disk was changed"), "{message}");
            assert_eq!(
                fs::read_to_string(&path).expect("read"),
                before,
                "{fault:?}"
            );
            let left = listing(dir.path());
            assert!(
                left == ["debate.ron"] || (backup && left == ["debate.ron", "debate.ron.bak"]),
                "{fault:?}: {left:?}"
            );
            assert_eq!(doc.map, edited, "{fault:?}: the edits stay");
            assert!(doc.is_modified(), "{fault:?}: still marked unsaved");
            assert_eq!(doc.path.as_deref(), Some(path.as_path()));
        }
    }
}

/// A writer that fails half-way through a big map: only what fit reached
/// the temporary file, which is removed; the old file is intact.
#[test]
fn a_disk_filling_up_half_way_through_a_big_map_changes_nothing() {
    use crate::common::faulty::{Fault, Faulty};

    let dir = folder();
    let path = dir.path().join("big.ron");
    let before = ron::to_string(&sample_map());
    fs::write(&path, &before).expect("write");
    let text = ron::to_string(&big_map());
    let half = text.len() / 2;
    let err = store::write_atomic_on(&Faulty(Fault::FullAfter(half)), &path, text.as_bytes())
        .expect_err("fails");
    assert_eq!(err.kind(), std::io::ErrorKind::StorageFull);
    assert_eq!(fs::read_to_string(&path).expect("read"), before);
    assert_eq!(listing(dir.path()), ["big.ron"]);
}

#[test]
fn files_over_the_size_limit_are_refused_before_reading() {
    let dir = folder();
    let path = dir.path().join("huge.ron");
    let file = fs::File::create(&path).expect("create");
    // Sparse: no disk space is used.
    file.set_len(store::MAX_MAP_BYTES + 1).expect("grow");
    let err = store::read_map(&path).expect_err("refused");
    assert!(matches!(err.kind, FileErrorKind::TooLarge { .. }));
    assert_eq!(
        err.to_string(),
        format!(
            "{}: the file is 65 MiB; Argmap reads maps, sources and imports of up to 64 MiB",
            path.display()
        )
    );
}

#[test]
fn a_map_with_too_many_claims_is_refused_with_its_count() {
    use std::fmt::Write as _;
    let dir = folder();
    let path = dir.path().join("million.ron");
    let claims = store::MAX_CLAIMS + 1;
    let mut text = String::from("(format: 1, claims: {");
    for id in 1..=claims {
        let _ = write!(text, "{id}: (text: \"c\"),");
    }
    text.push_str("})");
    fs::write(&path, text).expect("write");
    let err = store::read_map(&path).expect_err("refused");
    assert_eq!(
        err.to_string(),
        format!(
            "{}: the map has 100,001 claims; Argmap opens maps of up to 100,000",
            path.display()
        )
    );
}

#[test]
fn reading_reports_progress_and_can_be_cancelled() {
    use std::sync::atomic::Ordering;
    let dir = folder();
    let path = dir.path().join("map.ron");
    let text = ron::to_string(&big_map());
    fs::write(&path, &text).expect("write");
    let progress = store::Progress::default();
    let parsed = store::parse_map_with(&path, &progress).expect("reads");
    assert_eq!(parsed.map, big_map());
    assert_eq!(progress.read.load(Ordering::Relaxed), text.len() as u64);
    assert_eq!(progress.total.load(Ordering::Relaxed), text.len() as u64);
    assert!(progress.parsing.load(Ordering::Relaxed));

    let cancelled = store::Progress::default();
    cancelled.cancel.store(true, Ordering::Relaxed);
    let err = store::parse_map_with(&path, &cancelled).expect_err("cancelled");
    assert!(matches!(err.kind, FileErrorKind::Cancelled));
}
