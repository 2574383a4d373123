//! `argmap diff` and `argmap merge` as the real binary: what they print,
//! in each form, and their exit codes.

#![expect(
    clippy::disallowed_methods,
    reason = "Tests make, change and read real files themselves."
)]

use std::path::Path;
use std::process::{Command, Output};

use crate::argmap;
use crate::common::homework;
use argmap::model::{Claim, ClaimId, ClaimKind, Link, LinkKind, Pos, Target};
use argmap::store;

fn text(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Two versions in `dir`: old.ron and new.ron (the thesis reworded and
/// made evidence, the reason dragged, an objection added).
fn versions(dir: &Path) {
    let old = homework();
    let mut new = old.clone();
    if let Some(c) = new.claims.get_mut(&ClaimId(1)) {
        c.text = "Homework should be voluntary.".into();
        c.kind = ClaimKind::Evidence;
    }
    if let Some(c) = new.claims.get_mut(&ClaimId(2)) {
        c.pos.x += 80.0;
    }
    let objection = new.add_claim(Claim::new("Practice builds habits.", Pos::default()));
    new.add_link(Link::new(
        LinkKind::Attack,
        vec![objection],
        Target::Claim(ClaimId(1)),
    ));
    store::write_map(&dir.join("old.ron"), &old).expect("writes");
    store::write_map(&dir.join("new.ron"), &new).expect("writes");
}

#[test]
fn the_diff_names_each_change_by_id_in_words_one_line_or_json() {
    let dir = tempfile::tempdir().expect("temp dir");
    versions(dir.path());
    let human = argmap(
        &["diff", "old.ron", "new.ron", "--color", "never"],
        dir.path(),
    );
    assert_eq!(human.status.code(), Some(0));
    assert_eq!(
        text(&human),
        "map new.ron\n\
         ~ #1 text: Homework should be [-optional.-]{+voluntary.+}\n\
         ~ #1 kind: claim → evidence\n\
         + #3 (objection to #1): “Practice builds habits.”\n  \
         1 card moved (--moves lists them)\n\
         + link #2: #3 attacks #1\n"
    );
    let moves = argmap(
        &["diff", "old.ron", "new.ron", "--moves", "--color", "never"],
        dir.path(),
    );
    assert!(
        text(&moves).contains("~ #2 moved (-150, 200) → (-70, 200)"),
        "{}",
        text(&moves)
    );
    let stat = argmap(&["diff", "--stat", "old.ron", "new.ron"], dir.path());
    assert_eq!(
        text(&stat),
        "new.ron: claims: 1 added, 1 changed, 1 moved; links: 1 added\n"
    );
    let json = argmap(&["diff", "--json", "old.ron", "new.ron"], dir.path());
    let value: serde_json::Value = serde_json::from_str(&text(&json)).expect("JSON");
    assert_eq!(value["counts"]["claims_added"], 1);
    assert_eq!(value["changes"]["claims"][0]["fields"][0]["field"], "text");
    assert_eq!(value["changes"]["links"][0]["change"], "added");
    // In colour: the gone word red, the new one green, no brackets.
    let colour = argmap(
        &["diff", "old.ron", "new.ron", "--color", "always"],
        dir.path(),
    );
    let colour = text(&colour);
    assert!(
        colour.contains("\x1b[31moptional.\x1b[0m") && colour.contains("\x1b[32mvoluntary.\x1b[0m"),
        "{colour}"
    );
    assert!(!colour.contains("[-"));
    // Not a terminal, not asked: no colour.
    assert!(!text(&argmap(&["diff", "old.ron", "new.ron"], dir.path())).contains('\x1b'));
}

#[test]
fn the_diff_takes_what_git_passes_an_external_diff() {
    let dir = tempfile::tempdir().expect("temp dir");
    versions(dir.path());
    let hex = "0123456789abcdef0123456789abcdef01234567";
    let output = argmap(
        &[
            "diff",
            "maps/case.ron",
            "old.ron",
            hex,
            "100644",
            "new.ron",
            hex,
            "100644",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(
        text(&output).starts_with("map maps/case.ron\n"),
        "{}",
        text(&output)
    );
    // A new file: the old side is /dev/null.
    let added = argmap(
        &[
            "diff",
            "case.ron",
            "/dev/null",
            hex,
            "100644",
            "new.ron",
            hex,
            "100644",
        ],
        dir.path(),
    );
    assert!(text(&added).contains("+ #1"), "{}", text(&added));
    // An unreadable side: a message naming the file, exit 1.
    std::fs::write(dir.path().join("broken.ron"), "(claims: {1: (text: ").expect("writes");
    let broken = argmap(&["diff", "old.ron", "broken.ron"], dir.path());
    assert_eq!(broken.status.code(), Some(1));
    let said = String::from_utf8_lossy(&broken.stderr);
    assert!(said.contains("broken.ron:1:"), "{said}");
}

#[test]
fn merge_writes_over_ours_or_to_out_and_says_how_it_went() {
    let dir = tempfile::tempdir().expect("temp dir");
    let base = homework();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    if let Some(c) = ours.claims.get_mut(&ClaimId(2)) {
        c.text = "Children need rest in the evening.".into();
    }
    theirs.add_claim(Claim::new(
        "A study of 2,000 pupils agrees.",
        Pos::default(),
    ));
    for (name, map) in [
        ("base.ron", &base),
        ("ours.ron", &ours),
        ("theirs.ron", &theirs),
    ] {
        store::write_map(&dir.path().join(name), map).expect("writes");
    }
    let clean = argmap(
        &[
            "merge",
            "base.ron",
            "ours.ron",
            "theirs.ron",
            "-o",
            "out.ron",
        ],
        dir.path(),
    );
    assert_eq!(
        clean.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&clean.stderr)
    );
    let out = store::read_map(&dir.path().join("out.ron")).expect("reads");
    assert_eq!(out.claims.len(), 3);
    assert_eq!(
        store::read_map(&dir.path().join("ours.ron")).expect("reads"),
        ours,
        "-o leaves ours"
    );
    // A conflict: exit 1, a summary, ours overwritten with the marked map.
    if let Some(c) = theirs.claims.get_mut(&ClaimId(2)) {
        c.text = "Children need sleep.".into();
    }
    store::write_map(&dir.path().join("theirs.ron"), &theirs).expect("writes");
    let conflicted = argmap(
        &[
            "merge",
            "base.ron",
            "ours.ron",
            "theirs.ron",
            "--name",
            "case.ron",
        ],
        dir.path(),
    );
    assert_eq!(conflicted.status.code(), Some(1));
    let said = String::from_utf8_lossy(&conflicted.stderr);
    assert!(said.contains("case.ron: merged with 1 conflict"), "{said}");
    assert!(
        said.contains("claim #2: the text: theirs was “Children need sleep.”"),
        "{said}"
    );
    let written = store::read_map(&dir.path().join("ours.ron")).expect("a sound map");
    assert!(
        written.claims[&ClaimId(2)]
            .tags
            .contains(&"merge-conflict".to_owned())
    );
    // An unreadable version: a file with a problem, exit 1 (the rule of
    // every command), ours untouched.
    let before = std::fs::read(dir.path().join("ours.ron")).expect("reads");
    std::fs::write(dir.path().join("theirs.ron"), "not a map").expect("writes");
    let refused = argmap(&["merge", "base.ron", "ours.ron", "theirs.ron"], dir.path());
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("theirs.ron"));
    assert_eq!(
        std::fs::read(dir.path().join("ours.ron")).expect("reads"),
        before
    );
}

#[test]
fn a_merge_that_would_run_out_of_ids_writes_nothing_and_exits_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let [base, ours, theirs] = crate::common::out_of_ids();
    for (name, map) in [
        ("base.ron", &base),
        ("ours.ron", &ours),
        ("theirs.ron", &theirs),
    ] {
        store::write_map(&dir.path().join(name), map).expect("writes");
    }
    let before = std::fs::read(dir.path().join("ours.ron")).expect("ours");
    let output = argmap(&["merge", "base.ron", "ours.ron", "theirs.ron"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("no id is left to give them"), "{said}");
    assert!(said.contains("nothing was written"), "{said}");
    assert_eq!(
        std::fs::read(dir.path().join("ours.ron")).expect("ours"),
        before,
        "ours is left as it was"
    );
}

#[test]
fn diff_with_one_file_is_a_usage_error_unless_git_asks() {
    let dir = tempfile::tempdir().expect("temp dir");
    store::write_map(&dir.path().join("a.ron"), &homework()).expect("writes");
    let alone = argmap(&["diff", "a.ron"], dir.path());
    assert_eq!(alone.status.code(), Some(2));
    let said = String::from_utf8_lossy(&alone.stderr);
    assert!(said.contains("takes OLD NEW"), "{said}");
    // Git's external diff for a path not merged yet: one argument, with
    // git's own variables set.
    let from_git = Command::new(env!("CARGO_BIN_EXE_argmap"))
        .args(["diff", "a.ron"])
        .env("GIT_DIFF_PATH_COUNTER", "1")
        .env("GIT_DIFF_PATH_TOTAL", "1")
        .current_dir(dir.path())
        .output()
        .expect("argmap runs");
    assert_eq!(from_git.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&from_git.stdout).contains("not merged yet"));
}
