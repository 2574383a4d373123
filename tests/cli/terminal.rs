//! Text from a map never steers the terminal: every command that prints
//! claim text shows its control characters escaped; only Argmap's own
//! colours reach the terminal.

use crate::argmap;
use argmap::model::{Claim, ClaimKind, Link, LinkKind, Map, Pos, Target};
use argmap::store;

/// Clears the screen, sets the window title, goes back over the line,
/// and a C1 CSI: what a hostile map would try.
const HOSTILE: &str = "Phones \u{1b}[2J\u{1b}]0;pwned\u{7} distract\rOK \u{9b}31m";

/// Whether `bytes` hold a raw control character other than a line break
/// or tab, and other than the colour codes in `allowed`.
fn raw_controls(bytes: &[u8], allowed: &[&str]) -> Vec<String> {
    let mut text = String::from_utf8_lossy(bytes).into_owned();
    for code in allowed {
        text = text.replace(code, "");
    }
    text.chars()
        .filter(|&c| c.is_control() && c != '\n' && c != '\t')
        .map(|c| format!("{:x}", u32::from(c)))
        .collect()
}

#[test]
fn claim_text_with_escapes_is_printed_escaped_by_every_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut old = Map::new("Phones \u{1b}[31mred");
    let thesis = old.add_claim(Claim::new("Ban phones in class.", Pos::default()));
    old.thesis = Some(thesis);
    store::write_map(&dir.path().join("old.ron"), &old).expect("writes");
    let mut new = old.clone();
    let reason = new.add_claim(Claim {
        kind: ClaimKind::Claim,
        title: Some(format!("T{HOSTILE}")),
        tags: vec![format!("tag{HOSTILE}")],
        ..Claim::new(HOSTILE, Pos::default())
    });
    new.add_link(Link::new(
        LinkKind::Attack,
        vec![reason],
        Target::Claim(thesis),
    ));
    if let Some(c) = new.claims.get_mut(&thesis) {
        c.text = format!("Ban {HOSTILE}");
    }
    store::write_map(&dir.path().join("new.ron"), &new).expect("writes");
    let colours = [
        "\u{1b}[31m",
        "\u{1b}[32m",
        "\u{1b}[33m",
        "\u{1b}[1m",
        "\u{1b}[0m",
    ];
    for args in [
        vec!["diff", "old.ron", "new.ron", "--color", "never"],
        vec!["diff", "old.ron", "new.ron", "--stat"],
        vec!["textconv", "new.ron"],
        vec!["eval", "new.ron"],
        vec!["eval", "new.ron", "--why", "1"],
        vec!["lint", "new.ron"],
        vec!["check", "new.ron"],
    ] {
        let output = argmap(&args, dir.path());
        for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
            let raw = raw_controls(bytes, &[]);
            assert!(raw.is_empty(), "{args:?} {stream}: raw {raw:?}");
        }
        let all = String::from_utf8_lossy(&output.stdout);
        if !matches!(args[0], "check" | "lint") && !args.contains(&"--stat") {
            assert!(all.contains("\\u{1b}"), "{args:?}: {all}");
        }
    }
    // In colour, only Argmap's own codes: the claim's own are escaped.
    let output = argmap(
        &["diff", "old.ron", "new.ron", "--color", "always"],
        dir.path(),
    );
    let raw = raw_controls(&output.stdout, &colours);
    assert!(raw.is_empty(), "raw {raw:?}");
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(shown.contains("\u{1b}[32m"), "our colours stay: {shown}");
    assert!(shown.contains("\\u{1b}[2J"), "theirs are shown: {shown}");
}
