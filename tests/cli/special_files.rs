//! Writing to what is not a regular file: a pipe, a terminal or
//! `/dev/null` is written through, never renamed over; a folder is
//! refused with a message, and what was there stays.

#![cfg(unix)]
#![expect(
    clippy::disallowed_methods,
    reason = "Tests make, change and read real files themselves."
)]

use crate::argmap;
use std::io::Read as _;
use std::os::unix::fs::FileTypeExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn map() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/essay-thesis.ron")
}

#[test]
fn exports_to_dev_null_and_stdout_are_written_through() {
    let dir = tempfile::tempdir().expect("temp dir");
    let map = map().display().to_string();
    let null = argmap(
        &["export", &map, "--to", "markdown", "-o", "/dev/null"],
        dir.path(),
    );
    assert_eq!(
        null.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&null.stderr)
    );
    let meta = std::fs::metadata("/dev/null").expect("/dev/null");
    assert!(
        meta.file_type().is_char_device(),
        "/dev/null is still a device"
    );
    let stdout = argmap(
        &["export", &map, "--to", "markdown", "-o", "/dev/stdout"],
        dir.path(),
    );
    assert_eq!(stdout.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&stdout.stdout).starts_with("# Seminar essay"));
}

#[test]
fn a_fifo_is_written_through_and_stays_a_fifo() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("out.md");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            std::fs::File::open(&fifo)
                .and_then(|mut f| f.read_to_string(&mut text))
                .expect("reads the fifo");
            text
        })
    };
    let map = map().display().to_string();
    let output = argmap(
        &["export", &map, "--to", "markdown", "-o", "out.md"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0));
    let text = reader.join().expect("the reader");
    assert!(text.starts_with("# Seminar essay"), "{text}");
    let meta = std::fs::symlink_metadata(&fifo).expect("the fifo");
    assert!(meta.file_type().is_fifo(), "it is still a fifo");
}

#[test]
fn a_folder_is_refused_and_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("out.md")).expect("a folder");
    let map = map().display().to_string();
    let output = argmap(
        &["export", &map, "--to", "markdown", "-o", "out.md"],
        dir.path(),
    );
    assert_ne!(output.status.code(), Some(0));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("out.md") && said.contains("a folder"),
        "{said}"
    );
    assert!(dir.path().join("out.md").is_dir());
}

/// Runs argmap, failing the test if it has not ended within ten seconds
/// (a reader waiting on a pipe would never end).
fn argmap_within_10_s(args: &[&str], dir: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_argmap"))
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("argmap runs");
    let started = std::time::Instant::now();
    loop {
        if child.try_wait().expect("waits").is_some() {
            return child.wait_with_output().expect("output");
        }
        if started.elapsed() > std::time::Duration::from_secs(10) {
            let _ = child.kill();
            panic!("argmap {args:?} did not end within 10 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn a_source_that_is_a_pipe_a_device_or_a_system_file_is_refused_not_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("article.txt");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs")
            .success()
    );
    let map = "(\n    format: 1,\n    sources: {\n        \"article\": (title: \"A\", path: \"article.txt\"),\n    },\n    claims: {\n        1: (text: \"A claim\", source: (doc: \"article\", para: 1)),\n    },\n)\n";
    std::fs::write(dir.path().join("map.ron"), map).expect("writes");
    let output = argmap_within_10_s(&["coverage", "map.ron"], dir.path());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("article.txt: it is a pipe, not a file"),
        "{said}"
    );
    for (given, what) in [
        ("/dev/stdin", "not a file"),
        ("/proc/self/environ", "one of the system's own files"),
    ] {
        let output = argmap_within_10_s(&["coverage", "map.ron", "--source", given], dir.path());
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(said.contains(what), "{given}: {said}");
        assert!(
            !String::from_utf8_lossy(&output.stdout).contains("PATH="),
            "{given}"
        );
    }
}

/// A map in `maps/` citing `../secret.txt`, one claim quoting its first
/// word, the secret beside the folder.
fn map_citing_outside(dir: &Path) -> PathBuf {
    std::fs::write(dir.join("secret.txt"), "Hunter2 is the password.\n").expect("secret");
    std::fs::create_dir(dir.join("maps")).expect("maps/");
    let check = argmap::model::Quote::check_of("Hunter2");
    let map = format!(
        "(\n    format: 1,\n    sources: {{\n        \"doc\": (title: \"D\", path: \"../secret.txt\"),\n    }},\n    claims: {{\n        1: (text: \"A claim\", source: (doc: \"doc\", para: 1, quote: (start: 0, end: 7, check: \"{check}\"))),\n    }},\n)\n"
    );
    let path = dir.join("maps/map.ron");
    std::fs::write(&path, map).expect("map");
    path
}

#[test]
fn a_file_outside_the_maps_folder_never_reaches_an_export_unless_given() {
    let dir = tempfile::tempdir().expect("temp dir");
    map_citing_outside(dir.path());
    let maps = dir.path().join("maps");
    let output = argmap(
        &["export", "map.ron", "--to", "markdown", "-o", "out.md"],
        &maps,
    );
    assert_eq!(output.status.code(), Some(0));
    let markdown = std::fs::read_to_string(maps.join("out.md")).expect("out.md");
    assert!(!markdown.contains("Hunter2"), "{markdown}");
    let coverage = argmap(&["coverage", "map.ron"], &maps);
    assert_eq!(coverage.status.code(), Some(1));
    let said = String::from_utf8_lossy(&coverage.stderr);
    assert!(
        said.contains("outside its folder") && said.contains("not read"),
        "{said}"
    );
    assert!(!String::from_utf8_lossy(&coverage.stdout).contains("Hunter2"));
    // Given on the command line, it is the user's choice: read.
    let given = argmap(&["coverage", "map.ron", "--source", "../secret.txt"], &maps);
    assert_eq!(
        given.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&given.stderr)
    );
}
