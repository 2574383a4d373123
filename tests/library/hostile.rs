//! Broken and hostile files, one class at a time, through every reader:
//! Argmap's own RON (from a real file on disk) and the Argdown and AIF
//! importers. Each gives a clear error naming what is wrong (and where),
//! or a sound map; none panics.

#![expect(
    clippy::disallowed_methods,
    reason = "Tests make, change and read real files themselves."
)]

use std::fs;
use std::path::Path;

use crate::common::fixture;
use argmap::format::ParseError;
use argmap::import::{ImportFormat, import};
use argmap::measure::TextMeasure;
use argmap::store;

fn ron_error(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    fs::write(&path, bytes).expect("write");
    let err = store::read_map(&path).expect_err("refused");
    let message = err.to_string();
    assert!(
        message.starts_with(&path.display().to_string()),
        "{message}"
    );
    message
}

fn import_error(format: ImportFormat, bytes: &[u8]) -> ParseError {
    match import(format, bytes, &mut TextMeasure::new()) {
        Ok(imported) => panic!("accepted: {:?}", imported.map),
        Err(err) => err,
    }
}

fn all_formats() -> [ImportFormat; 2] {
    [ImportFormat::Argdown, ImportFormat::Aif]
}

#[test]
fn empty_and_blank_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    for bytes in [&b""[..], b"  \n\t\n", b"\xef\xbb\xbf"] {
        assert!(ron_error(dir.path(), "empty.ron", bytes).ends_with("the file is empty"));
        for format in all_formats() {
            assert_eq!(import_error(format, bytes).to_string(), "the file is empty");
        }
    }
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The offset counts from the start of the file, a byte-order mark too.
    let cases: [(&[u8], usize); 4] = [
        (b"(format: 1,\n title: \"caf\xe9\")", 24),
        (b"\xef\xbb\xbf(title: \"\xff\")", 12),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 0),
        (b"[Thesis]: ok\n  + truncated \xe2\x82", 27),
    ];
    for (bytes, offset) in cases {
        let expected = format!("this is not a text file (invalid UTF-8 at byte {offset})");
        assert!(
            ron_error(dir.path(), "binary.ron", bytes).ends_with(&expected),
            "{expected}"
        );
        for format in all_formats() {
            assert_eq!(import_error(format, bytes).to_string(), expected);
        }
    }
}

#[test]
fn truncated_files_give_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let map =
        fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/essay-thesis.ron")).expect("map");
    let message = ron_error(dir.path(), "cut.ron", &map[..map.len() / 2]);
    assert!(
        message.contains("cut.ron:")
            && message
                .split(':')
                .nth(1)
                .is_some_and(|l| l.parse::<u32>().is_ok()),
        "{message}"
    );
    let aif = fs::read(fixture("aif/nodeset66.json")).expect("fixture");
    let err = import_error(ImportFormat::Aif, &aif[..aif.len() / 2]);
    assert!(
        matches!(&err, ParseError::Syntax { col, message, .. } if *col > 1 && message.contains("EOF")),
        "{err}"
    );
}

#[test]
fn absurd_nesting_is_an_error_not_a_stack_overflow() {
    let dir = tempfile::tempdir().expect("temp dir");
    let deep = format!("(title: {}1{})", "[".repeat(100_000), "]".repeat(100_000));
    assert!(ron_error(dir.path(), "deep.ron", deep.as_bytes()).contains("deep.ron:1:"));
    let deep = format!(
        "{{\"nodes\": {}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let err = import_error(ImportFormat::Aif, deep.as_bytes());
    assert!(
        err.to_string().contains("recursion limit exceeded"),
        "{err}"
    );
}

#[test]
fn argdown_nested_two_thousand_levels_deep_imports_as_a_chain() {
    use std::fmt::Write as _;
    let mut text = String::from("[T]: The thesis.\n");
    for level in 1..2_000 {
        text.push_str(&"  ".repeat(level));
        let _ = writeln!(text, "+ [c{level}]: Claim {level}.");
    }
    let imported = import(
        ImportFormat::Argdown,
        text.as_bytes(),
        &mut TextMeasure::new(),
    )
    .expect("imports");
    assert_eq!(imported.map.claims.len(), 2_000);
    assert_eq!(imported.map.links.len(), 1_999);
    assert!(imported.map.validate().is_empty());
    let depth = argmap::model::Stats::of(&imported.map).to_string();
    assert!(depth.ends_with("depth 2000"), "{depth}");
}

#[test]
fn a_megabyte_claim_text_loads_in_every_format() {
    let long = "surveillance ".repeat(80_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("long.ron");
    fs::write(
        &path,
        format!("(format: 1, thesis: 1, claims: {{1: (text: \"{long}\")}})"),
    )
    .expect("write");
    let map = store::read_map(&path).expect("loads");
    assert_eq!(
        map.claims.values().next().map(|c| c.text.len()),
        Some(long.len())
    );

    let argdown = format!("[Long]: {long}\n");
    let aif = format!(
        "{{\"nodes\": [{{\"nodeID\": 1, \"type\": \"I\", \"text\": \"{long}\"}}], \"edges\": []}}"
    );
    for (format, bytes) in [
        (ImportFormat::Argdown, argdown.as_bytes()),
        (ImportFormat::Aif, aif.as_bytes()),
    ] {
        let imported = import(format, bytes, &mut TextMeasure::new()).expect("imports");
        let text = &imported.map.claims.values().next().expect("a claim").text;
        assert_eq!(text.trim(), long.trim(), "{format:?}");
    }
}

#[test]
fn control_characters_right_to_left_and_emoji_survive_a_round_trip() {
    let text = "bell\u{7} nul\u{0} שלום سلام 😀 e\u{301} \u{202E}reversed";
    let mut map = argmap::model::Map::new("Odd text");
    map.thesis = Some(map.add_claim(argmap::model::Claim::new(
        text,
        argmap::model::Pos::new(0.0, 0.0),
    )));
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("odd.ron");
    store::write_map(&path, &map).expect("saves");
    assert_eq!(store::read_map(&path).expect("loads"), map);
    for (format, bytes) in [
        (
            ImportFormat::Argdown,
            argmap::format::argdown::to_argdown(&map),
        ),
        (ImportFormat::Aif, argmap::format::aif::to_aif(&map)),
    ] {
        let imported = import(format, bytes.as_bytes(), &mut TextMeasure::new()).expect("imports");
        let back = &imported.map.claims.values().next().expect("a claim").text;
        assert_eq!(back, text, "{format:?}");
    }
}

#[test]
fn a_newer_format_is_refused_as_newer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let message = ron_error(
        dir.path(),
        "future.ron",
        b"(format: 9, title: \"x\", claims: {1: (text: \"t\", shape: Hexagon(3))})",
    );
    assert!(message.contains("newer"), "{message}");
}

#[test]
fn json_that_is_not_aif_says_so() {
    for bytes in [&b"[1, 2, 3]"[..], b"{\"nodes\": 5}", b"\"just a string\""] {
        let err = import_error(ImportFormat::Aif, bytes);
        assert!(matches!(err, ParseError::Syntax { .. }), "{err}");
    }
}
