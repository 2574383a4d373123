//! PDFs made to crash, hang or exhaust a reader (`tests/fixtures/hostile-pdf/`,
//! written by its `make.py`), and reader programs that hang, crash and
//! flood: each ends within its limits, with the right reason in words.

#![expect(
    clippy::disallowed_methods,
    reason = "the tests write the stand-in reader programs themselves"
)]

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use argmap::source::pdf::{self, PdfProblem};
use argmap::source::{SourceError, SourceText};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile-pdf")
        .join(name)
}

/// Reads `name` through the real child process, timed.
fn read(name: &str) -> (Result<SourceText, SourceError>, Duration) {
    pdf::use_reader(env!("CARGO_BIN_EXE_argmap"));
    let started = Instant::now();
    let read = SourceText::from_file(&fixture(name));
    (read, started.elapsed())
}

fn problem_of(name: &str) -> PdfProblem {
    let (read, took) = read(name);
    assert!(
        took < Duration::from_secs(15),
        "{name}: took {took:?}, more than 15 s"
    );
    match read {
        Err(SourceError::Pdf { problem, path }) => {
            assert_eq!(path, fixture(name));
            problem
        }
        Err(SourceError::NoText(_)) => PdfProblem::NoText,
        other => panic!("{name}: read as {other:?}"),
    }
}

#[test]
fn an_ordinary_pdf_is_read_through_the_child() {
    let (read, _) = read("plain.pdf");
    let text = read.expect("plain.pdf reads");
    assert_eq!(text.paragraphs, ["A page of text."]);
}

#[test]
fn a_form_xobject_that_draws_itself_is_damaged() {
    assert_eq!(problem_of("xobject-draws-itself.pdf"), PdfProblem::Damaged);
    assert_eq!(
        problem_of("xobject-loop-through-another.pdf"),
        PdfProblem::Damaged
    );
}

#[test]
fn loops_in_the_page_tree_and_in_references_are_damage_not_a_missing_text_layer() {
    assert_eq!(problem_of("page-tree-loop.pdf"), PdfProblem::Damaged);
    assert_eq!(problem_of("reference-loop.pdf"), PdfProblem::Damaged);
    // Found by the fuzzer: a page that is its own parent, so looking up an
    // inherited attribute never ended (10 s, then killed); now damage at
    // once.
    let (read, took) = read("parent-loop.pdf");
    assert!(took < std::time::Duration::from_secs(2), "{took:?}");
    assert!(
        matches!(
            read,
            Err(SourceError::Pdf {
                problem: PdfProblem::Damaged,
                ..
            })
        ),
        "{read:?}"
    );
}

#[test]
fn deep_nesting_is_damaged() {
    assert_eq!(problem_of("deep-nesting.pdf"), PdfProblem::Damaged);
}

#[test]
fn a_decompression_bomb_meets_the_memory_limit() {
    assert_eq!(problem_of("decompression-bomb.pdf"), PdfProblem::TooLarge);
}

#[test]
fn fake_encryption_is_said_to_need_a_password() {
    assert_eq!(problem_of("fake-encryption.pdf"), PdfProblem::Encrypted);
}

#[test]
fn the_reasons_read_as_one_line_naming_the_file() {
    let (read, _) = read("page-tree-loop.pdf");
    let message = read.expect_err("damaged").to_string();
    assert!(
        message.ends_with("page-tree-loop.pdf: this PDF could not be read: it is damaged"),
        "{message}"
    );
    assert!(!message.contains('\n'), "{message}");
}

/// A stand-in reader: a shell script doing `body`.
fn program(dir: &Path, body: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt as _;
    let path = dir.join("reader");
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write the script");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    path
}

fn extract_by(body: &str, stop: &AtomicBool) -> (Result<String, PdfProblem>, Duration) {
    let dir = tempfile::tempdir().expect("temp dir");
    let reader = program(dir.path(), body);
    let started = Instant::now();
    let read = pdf::extract_by(&reader, b"%PDF-1.7\n", &mut |_, _| {}, stop);
    (read, started.elapsed())
}

#[test]
fn a_reader_that_hangs_is_killed_at_the_time_limit() {
    let (read, took) = extract_by("exec sleep 60", &AtomicBool::new(false));
    assert_eq!(read, Err(PdfProblem::TooSlow));
    assert!(
        took >= pdf::TIME_LIMIT && took < Duration::from_secs(15),
        "{took:?}"
    );
}

#[test]
fn a_reading_stops_when_asked() {
    let stop = AtomicBool::new(true);
    let (read, took) = extract_by("exec sleep 60", &stop);
    assert_eq!(read, Err(PdfProblem::Stopped));
    assert!(took < Duration::from_secs(2), "{took:?}");
}

#[test]
fn a_reader_that_crashes_or_panics_means_a_damaged_file_and_nothing_it_says_is_shown() {
    let never = AtomicBool::new(false);
    let (read, _) = extract_by("kill -SEGV $$", &never);
    assert_eq!(read, Err(PdfProblem::Damaged));
    let (read, _) = extract_by(
        "echo \"thread 'main' panicked at src/lib.rs:1:1\" >&2; exit 101",
        &never,
    );
    assert_eq!(read, Err(PdfProblem::Damaged));
    let (read, _) = extract_by(
        "echo 'memory allocation of 1073741824 bytes failed' >&2; kill -ABRT $$",
        &never,
    );
    assert_eq!(read, Err(PdfProblem::TooLarge));
}

#[test]
fn a_reader_that_floods_its_output_is_stopped_at_the_text_limit() {
    let (read, took) = extract_by("exec cat /dev/zero", &AtomicBool::new(false));
    assert_eq!(read, Err(PdfProblem::TooMuchText));
    assert!(took < Duration::from_secs(10), "{took:?}");
}

#[test]
fn progress_is_passed_on_page_by_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let reader = program(
        dir.path(),
        "cat >/dev/null; echo 'page 0 of 2' >&2; echo 'page 1 of 2' >&2; printf 'Text.'",
    );
    let mut seen = Vec::new();
    let read = pdf::extract_by(
        &reader,
        b"%PDF-1.7\n",
        &mut |done, of| seen.push((done, of)),
        &AtomicBool::new(false),
    );
    assert_eq!(read.as_deref(), Ok("Text."));
    assert_eq!(seen, [(0, 2), (1, 2)]);
}
