//! `argmap coverage` on PDFs made to crash, hang or exhaust a reader
//! (`tests/fixtures/hostile-pdf/`): the real binary answers within 15
//! seconds with one line naming the file and the reason, exits with 1,
//! and prints nothing of the reader's own (no panic, no backtrace).

#![expect(
    clippy::disallowed_methods,
    reason = "Tests write the map beside copies of the fixtures themselves."
)]

use std::path::Path;
use std::time::{Duration, Instant};

use crate::argmap;

const MAP: &str = r#"(
    format: 1,
    title: "Citing a PDF",
    sources: {"doc": (title: "The PDF", path: Some("doc.pdf"))},
    claims: {1: (text: "A claim", source: Some((doc: "doc", para: Some(1))))},
)
"#;

#[test]
fn every_hostile_pdf_ends_within_15_seconds_with_its_reason_and_no_panic() {
    let cases = [
        ("xobject-draws-itself.pdf", "it is damaged"),
        ("xobject-loop-through-another.pdf", "it is damaged"),
        ("page-tree-loop.pdf", "it is damaged"),
        ("reference-loop.pdf", "it is damaged"),
        ("parent-loop.pdf", "it is damaged"),
        ("deep-nesting.pdf", "it is damaged"),
        (
            "decompression-bomb.pdf",
            "it is damaged or too large: reading it needed more than 1 GiB of memory",
        ),
        (
            "fake-encryption.pdf",
            "it is encrypted, and Argmap reads only PDFs that open without a password",
        ),
    ];
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile-pdf");
    for (name, reason) in cases {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("map.ron"), MAP).expect("map");
        std::fs::copy(fixtures.join(name), dir.path().join("doc.pdf")).expect("copy");
        let started = Instant::now();
        let output = argmap(&["coverage", "map.ron"], dir.path());
        let took = started.elapsed();
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(took < Duration::from_secs(15), "{name}: {took:?}");
        assert_eq!(output.status.code(), Some(1), "{name}: {said}");
        assert_eq!(
            said.trim_end(),
            format!("doc (The PDF): doc.pdf: this PDF could not be read: {reason}"),
            "{name}"
        );
        assert!(!said.contains("panicked"), "{name}: {said}");
    }
    // The same map with an ordinary PDF reads it.
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("map.ron"), MAP).expect("map");
    std::fs::copy(fixtures.join("plain.pdf"), dir.path().join("doc.pdf")).expect("copy");
    let output = argmap(&["coverage", "map.ron"], dir.path());
    assert_eq!(output.status.code(), Some(0));
    assert!(
        crate::stdout(&output).contains("1 of 1 paragraphs mapped"),
        "{}",
        crate::stdout(&output)
    );
}
