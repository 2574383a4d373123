//! What the command line says of maps it cannot take as they are: broken
//! files described in words (never Rust's type names), fields this
//! version does not know reported rather than dropped.

#![expect(
    clippy::disallowed_methods,
    reason = "Tests make, change and read real files themselves."
)]

use crate::argmap;
use std::fs;

#[test]
fn broken_maps_are_described_without_internal_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let deep = format!(
        "(claims: {{1: (text: \"a\", source: {}{})}})",
        "(".repeat(400),
        ")".repeat(400)
    );
    for (text, says) in [
        ("[1]", "expected opening `(` for the map"),
        ("(claims: {1: [1]})", "for a claim"),
        (
            "(links: {1: (kind: Foo, premises: [1], target: Claim(1))})",
            "in a link's kind",
        ),
        (deep.as_str(), ":1:"),
    ] {
        fs::write(dir.path().join("b.ron"), text).expect("writes");
        let output = argmap(&["check", "b.ron"], dir.path());
        assert_eq!(output.status.code(), Some(1));
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(said.contains(says), "{text}: {said}");
        for internal in ["FileIn", "struct `", "enum `", "recursion_limit", "ron::"] {
            assert!(!said.contains(internal), "{text}: {said}");
        }
    }
}

#[test]
fn fields_this_version_does_not_know_are_reported_never_dropped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "(\n    format: 1,\n    claims: {\n        1: (text: \"a\", colour: \"red\"),\n    },\n    links: {},\n    future: [1, 2],\n)\n";
    fs::write(dir.path().join("newer.ron"), text).expect("writes");
    let check = argmap(&["check", "newer.ron"], dir.path());
    assert_eq!(check.status.code(), Some(1));
    let said = String::from_utf8_lossy(&check.stderr);
    assert!(
        said.contains(
            "newer.ron: claim #1: has a field this version of Argmap does not know, `colour`"
        ) && said.contains("`future`")
            && said.contains("saving would lose it"),
        "{said}"
    );
    // fmt leaves the file as it is rather than drop them.
    let fmt = argmap(&["fmt", "newer.ron"], dir.path());
    assert_eq!(fmt.status.code(), Some(1));
    assert_eq!(
        fs::read_to_string(dir.path().join("newer.ron")).expect("reads"),
        text
    );
}
