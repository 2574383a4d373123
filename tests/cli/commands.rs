//! The real `argmap` binary: messages, and exit codes 0 (all good), 1 (a
//! file has problems) and 2 (usage).

#![expect(
    clippy::disallowed_methods,
    reason = "Tests make, change and read real files themselves."
)]

use std::fs;
use std::path::Path;
use std::process::Output;

use crate::{argmap, stdout};
use argmap::store;

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

#[test]
fn check_summarises_sound_maps() {
    let output = argmap(
        &[
            "check",
            "maps/social-credit-system.ron",
            "maps/essay-thesis.ron",
        ],
        Path::new(ROOT),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "maps/social-credit-system.ron: 46 claims, 43 links (35 support, 8 attack; 2 linked, 4 undercut), thesis #1, depth 5\n\
         maps/essay-thesis.ron: 9 claims, 6 links (3 support, 3 attack; 1 linked, 1 undercut), thesis #1, depth 3\n"
    );
}

#[test]
fn check_lists_every_problem_and_fails() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join("broken.ron"),
        "(\n    format: 1,\n    claims: {\n        1: (text: \"a\",\n    },\n)\n",
    )
    .expect("write");
    fs::write(
        dir.path().join("unsound.ron"),
        "(format: 1, thesis: 9, claims: {1: (text: \"a\"), 2: (text: \"b\", pos: (NaN, 0.0))}, \
         links: {1: (kind: Support, premises: [], target: Claim(1)), 2: (kind: Attack, premises: [2], target: Link(7))})",
    )
    .expect("write");
    let good = Path::new(ROOT).join("maps/debate-motion.ron");
    fs::copy(good, dir.path().join("good.ron")).expect("copy");

    let output = argmap(
        &[
            "check",
            "broken.ron",
            "unsound.ron",
            "good.ron",
            "missing.ron",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    // The summary of the sound map is the result; every problem is an
    // error, on standard error, in the order of the files.
    let summary = stdout(&output);
    assert!(summary.starts_with("good.ron: 14 claims"), "{summary}");
    assert_eq!(summary.lines().count(), 1, "{summary}");
    let text = stderr(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.first().copied(),
        Some("broken.ron:5:5: expected a field name, or a closing bracket"),
        "{text}"
    );
    assert_eq!(
        lines.get(1..5),
        Some(
            &[
                "unsound.ron: map: the thesis is claim #9, which does not exist",
                "unsound.ron: claim #2: its position (NaN, 0) is not a finite number",
                "unsound.ron: link #1: it has no premises",
                "unsound.ron: link #2: its target, link #7, does not exist",
            ][..]
        ),
        "{text}"
    );
    assert!(
        lines.get(5).is_some_and(|l| l.starts_with(
            "missing.ron: cannot read the file: the file or its folder does not exist"
        )),
        "{text}"
    );
    assert_eq!(lines.len(), 6, "{text}");
}

#[test]
fn usage_errors_exit_with_2() {
    let output = argmap(&["check"], Path::new(ROOT));
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("FILES"), "{}", stderr(&output));
    let output = argmap(&["frobnicate", "x"], Path::new(ROOT));
    assert_eq!(output.status.code(), Some(2));
    let output = argmap(
        &["check", "--bogus", "maps/essay-thesis.ron"],
        Path::new(ROOT),
    );
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn help_and_version() {
    let output = argmap(&["--help"], Path::new(ROOT));
    assert_eq!(output.status.code(), Some(0));
    let help = stdout(&output);
    assert!(help.contains("check") && help.contains("fmt"), "{help}");
    let output = argmap(&["--version"], Path::new(ROOT));
    assert_eq!(
        stdout(&output),
        format!("argmap {}\n", env!("CARGO_PKG_VERSION"))
    );
    let output = argmap(&["check", "--help"], Path::new(ROOT));
    assert!(stdout(&output).contains("Validate map files"));
}

#[test]
fn fmt_rewrites_hand_edited_maps_and_check_mode_reports_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hand.ron");
    fs::write(
        &path,
        "(claims: {2: (text: \"b\"), 1: (text: \"it's\", pos: (3, 4))}) // mine",
    )
    .expect("write");

    let output = argmap(&["fmt", "--check", "hand.ron"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "hand.ron: not in the canonical layout\n");

    let output = argmap(&["fmt", "hand.ron"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), "hand.ron: rewritten\n");
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        "(\n    format: 1,\n    title: \"\",\n    claims: {\n        1: (\n            text: \"it's\",\n            pos: (3.0, 4.0),\n        ),\n        2: (\n            text: \"b\",\n            pos: (0.0, 0.0),\n        ),\n    },\n    links: {\n    },\n)\n"
    );

    let output = argmap(&["fmt", "--check", "hand.ron"], dir.path());
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "");
}

#[test]
fn generate_then_arrange_through_the_binary() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = argmap(
        &[
            "generate", "--claims", "500", "--seed", "9", "-o", "big.ron",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).starts_with("big.ron: 500 claims"),
        "{}",
        stdout(&output)
    );
    let generated = fs::read(dir.path().join("big.ron")).expect("written");
    let again = argmap(
        &[
            "generate",
            "--claims",
            "500",
            "--seed",
            "9",
            "-o",
            "again.ron",
        ],
        dir.path(),
    );
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(
        fs::read(dir.path().join("again.ron")).expect("written"),
        generated,
        "same seed, same bytes"
    );

    // Scramble the positions by hand, then arrange into a new file.
    let text: String = String::from_utf8(generated)
        .expect("utf-8")
        .lines()
        .map(|line| match line.find("pos: (") {
            Some(at) => format!("{}pos: (1.0, 1.0),\n", &line[..at]),
            None => format!("{line}\n"),
        })
        .collect();
    fs::write(dir.path().join("messy.ron"), text).expect("write");
    let output = argmap(&["arrange", "messy.ron", "-o", "tidy.ron"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let output = argmap(&["check", "tidy.ron"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let tidy = fs::read_to_string(dir.path().join("tidy.ron")).expect("read");
    // Only the thesis stays where it was: arranging never moves it.
    assert_eq!(
        tidy.matches("pos: (1.0, 1.0)").count(),
        1,
        "every other claim moved off the pile"
    );

    let output = argmap(&["arrange", "missing.ron"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("missing.ron: cannot read the file"));
    assert_eq!(stdout(&output), "", "errors go to standard error");
    let output = argmap(&["generate", "--claims", "0", "-o", "x.ron"], dir.path());
    assert_ne!(output.status.code(), Some(0));
}

#[test]
fn export_writes_every_format_next_to_the_map_or_to_out() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::copy(
        Path::new(ROOT).join("maps/social-credit-system.ron"),
        dir.path().join("scs.ron"),
    )
    .expect("copy");
    let formats = [
        ("svg", "scs.svg", &b"<svg"[..]),
        ("png", "scs.png", &b"\x89PNG"[..]),
        ("pdf", "scs.pdf", &b"%PDF-"[..]),
        ("markdown", "scs.md", &b"# China"[..]),
        ("argdown", "scs.argdown", &b"===\ntitle:"[..]),
        ("aif", "scs.json", &b"{"[..]),
    ];
    for (format, file, start) in formats {
        let output = argmap(&["export", "scs.ron", "--to", format], dir.path());
        assert_eq!(
            output.status.code(),
            Some(0),
            "{format}: {}",
            stdout(&output)
        );
        assert!(stdout(&output).starts_with(file), "{}", stdout(&output));
        let bytes = fs::read(dir.path().join(file)).expect("written");
        assert!(bytes.starts_with(start), "{format}");
    }
    // What was exported imports back with the same structure.
    for file in ["scs.argdown", "scs.json"] {
        let output = argmap(&["import", file, "-o", "back.ron"], dir.path());
        assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
        let output = argmap(&["check", "back.ron"], dir.path());
        assert!(
            stdout(&output).contains(
                "46 claims, 43 links (35 support, 8 attack; 2 linked, 4 undercut), thesis #1"
            ),
            "{file}: {}",
            stdout(&output)
        );
    }
    // An SVG with its letters as outlines: no text left for a viewer to
    // lay out with fonts it may not have.
    let output = argmap(
        &[
            "export",
            "scs.ron",
            "--to",
            "svg",
            "--outline-text",
            "-o",
            "outlined.svg",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let outlined = fs::read_to_string(dir.path().join("outlined.svg")).expect("written");
    assert!(outlined.starts_with("<svg") && !outlined.contains("<text"));
    // Options: a transparent PNG at 1×, to a chosen name; a map arranged first.
    let output = argmap(
        &[
            "export",
            "scs.ron",
            "--to",
            "png",
            "--scale",
            "1",
            "--transparent",
            "-o",
            "small.png",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let big = fs::metadata(dir.path().join("scs.png")).expect("png").len();
    let small = fs::metadata(dir.path().join("small.png"))
        .expect("png")
        .len();
    assert!(small < big);
    let output = argmap(
        &[
            "export",
            "scs.ron",
            "--arrange",
            "--to",
            "svg",
            "-o",
            "tidy.svg",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(
        fs::read(dir.path().join("scs.ron")).expect("map"),
        fs::read(Path::new(ROOT).join("maps/social-credit-system.ron")).expect("map"),
        "exporting never changes the map file"
    );
}

#[test]
fn import_and_export_failures_name_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join("broken.json"),
        "{\"nodes\": [\n  {\"nodeID\": 1,, }\n]}",
    )
    .expect("write");
    let output = argmap(&["import", "broken.json", "-o", "out.ron"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("broken.json:2:"),
        "{}",
        stderr(&output)
    );
    assert!(!dir.path().join("out.ron").exists(), "nothing written");
    let output = argmap(&["export", "missing.ron", "--to", "svg"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("missing.ron: cannot read the file"));
    assert_eq!(stdout(&output), "", "errors go to standard error");
    fs::copy(
        Path::new(ROOT).join("maps/essay-thesis.ron"),
        dir.path().join("essay.ron"),
    )
    .expect("copy");
    let output = argmap(
        &[
            "export",
            "essay.ron",
            "--to",
            "svg",
            "-o",
            "no/such/folder/essay.svg",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("no/such/folder/essay.svg"),
        "{}",
        stderr(&output)
    );
    let output = argmap(&["export", "essay.ron", "--to", "bmp"], dir.path());
    assert_eq!(
        output.status.code(),
        Some(2),
        "unknown formats are usage errors"
    );
    let usage = stderr(&output);
    assert!(
        usage.contains(
            "[possible values: html, svg, png, pdf, slides, markdown, argdown, aif, kialo]"
        ),
        "the formats are listed: {usage}"
    );
    // An imported Argdown file without positions comes out arranged.
    fs::copy(
        Path::new(ROOT).join("tests/fixtures/argdown/intro.argdown"),
        dir.path().join("intro.argdown"),
    )
    .expect("copy");
    let output = argmap(&["import", "intro.argdown", "-o", "intro.ron"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stderr(&output)
            .contains("note: 7 untitled paragraphs outside any relation kept as note cards"),
        "notes are diagnostics, on standard error: {}",
        stderr(&output)
    );
    let output = argmap(&["check", "intro.ron"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

/// `argmap export MAP --to slides`: one PDF page per presentation step,
/// in the map's own order when it has one, then the reference list (the
/// bundled map's source has reference details: one slide).
#[test]
fn slides_have_one_page_per_step() {
    let dir = tempfile::tempdir().expect("temp dir");
    let map = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/social-credit-system.ron");
    std::fs::copy(&map, dir.path().join("article.ron")).expect("copy");
    let out = argmap(&["export", "article.ron", "--to", "slides"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = std::fs::read(dir.path().join("article-slides.pdf")).expect("next to the map");
    assert!(pdf.starts_with(b"%PDF-"));
    let pages = |pdf: &[u8]| {
        pdf.windows(b"/Type /Page\n".len())
            .filter(|w| *w == b"/Type /Page\n")
            .count()
    };
    let steps = argmap::model::present::steps(&store::read_map(&map).expect("map")).len();
    assert_eq!(steps, 43);
    assert_eq!(pages(&pdf), steps + 1);

    // With the first three steps joined in the file, three pages fewer.
    let mut joined = store::read_map(&map).expect("map");
    for _ in 0..2 {
        joined.presentation =
            argmap::model::present::changed(&joined, argmap::model::present::Change::JoinNext(0))
                .expect("joins");
    }
    store::write_map(&dir.path().join("joined.ron"), &joined).expect("saved");
    let out = argmap(
        &["export", "joined.ron", "--to", "slides", "-o", "talk.pdf"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = std::fs::read(dir.path().join("talk.pdf")).expect("written");
    assert_eq!(pages(&pdf), steps - 2 + 1);
}

/// The claims' rows, as the text of the `<text class="claim">` elements of
/// an SVG (what is inside `<tspan>`s included).
fn claim_rows(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter(|element| element.contains("class=\"claim\""))
        .filter_map(|element| {
            let inner = element.split_once('>')?.1.split_once("</text>")?.0;
            let mut text = String::new();
            let mut in_tag = false;
            for c in inner.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            Some(
                text.replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'")
                    .replace("&amp;", "&"),
            )
        })
        .collect()
}

#[test]
fn right_to_left_text_is_exported_in_reading_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let map = Path::new(ROOT).join("tests/fixtures/right-to-left.ron");
    let svg = dir.path().join("rtl.svg");
    let output = argmap(
        &[
            "export",
            &map.display().to_string(),
            "--to",
            "svg",
            "-o",
            &svg.display().to_string(),
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut rows = claim_rows(&fs::read_to_string(&svg).expect("svg"));
    rows.sort();
    // Exactly the text as typed: letters in logical order, no
    // presentation forms, the non-joiner kept, for the viewer's shaper.
    let mut expected = vec![
        "Café 法治",
        "سيادة القانون",
        "شلوار پارچه\u{200C}ای",
        "שלום עליכם",
    ];
    expected.sort_unstable();
    assert_eq!(rows, expected);
}

#[test]
fn eval_says_which_claims_stand_and_why_as_text_json_and_a_tree() {
    let essay = "maps/essay-thesis.ron";
    let output = argmap(&["eval", essay], Path::new(ROOT));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert_eq!(text.lines().count(), 9, "{text}");
    // Each line: the id, the label, the claim's title, and why, naming
    // claims by their titles and every reason that holds.
    assert!(
        text.lines().next().is_some_and(|l| l
            .starts_with("#1 IN        Thesis: the one claim your  — holds: ")
            && l.contains("*Reason 1: a claim that* (decisive) and")
            && l.contains("*Reason 2, which works only* + *Co-premise: the assumption that* (decisive) both hold")
            && l.ends_with("; *Objection: the strongest point a* (decisive) fails")),
        "{text}"
    );
    assert!(
        text.contains(
            "#6 OUT       Objection: the strongest point a  — fails: *Rebuttal: why the \
             objection* (decisive) outweighs its presumption in a debate (0.5) — preponderance"
        ),
        "{text}"
    );
    assert!(text.contains("#9 UNDECIDED"), "a note: {text}");
    assert!(
        text.lines().all(|l| l
            .split_once(" — ")
            .is_some_and(|(_, why)| !why.contains('#'))),
        "no ids inside the reasons: {text}"
    );

    let output = argmap(&["eval", essay, "--json"], Path::new(ROOT));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["mode"], "debate");
    assert_eq!(json["claims"].as_array().map(Vec::len), Some(9));
    assert_eq!(json["claims"][0]["id"], 1);
    assert_eq!(json["claims"][0]["title"], "Thesis: the one claim your");
    assert_eq!(json["claims"][0]["standard"], "preponderance");
    assert_eq!(json["claims"][0]["label"], "in");
    assert_eq!(json["claims"][0]["assessment"], serde_json::Value::Null);
    assert!(
        json["claims"][5]["why"]
            .as_str()
            .is_some_and(|w| w.starts_with("fails: *Rebuttal: why the objection* (decisive)"))
    );
    assert_eq!(json["links"].as_array().map(Vec::len), Some(6));
    assert!(["in", "out", "undecided"].contains(&json["links"][0]["label"].as_str().unwrap_or("")));
    assert_eq!(json["links"][0]["weight"], 1.0);

    // Proof mode from the command line: reasons without reasons fail.
    let output = argmap(&["eval", essay, "--mode", "proof"], Path::new(ROOT));
    assert!(stdout(&output).contains(
        "#3 OUT       Reason 2, which works only  — fails: it has no reason (proof mode)"
    ));

    // The tree of reasons of one claim, down to its facts.
    let output = argmap(&["eval", essay, "--why", "1"], Path::new(ROOT));
    let tree = stdout(&output);
    let lines: Vec<&str> = tree.lines().collect();
    assert!(lines[0].starts_with("#1 IN "), "{tree}");
    assert!(lines.iter().any(|l| l.starts_with("    #7 IN ")), "{tree}");
    let output = argmap(&["eval", essay, "--why", "99"], Path::new(ROOT));
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("there is no claim #99"));

    // A broken map: exit 1 and the file's problem.
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("broken.ron"), "(format: 1, claims: {").expect("write");
    let output = argmap(&["eval", "broken.ron"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("broken.ron:"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn lint_marks_what_a_coach_would_and_exits_by_what_it_found() {
    let output = argmap(&["lint", "maps/essay-thesis.ron"], Path::new(ROOT));
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), "");

    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join("student.ron"),
        "(format: 1, title: \"Homework\", thesis: 1, claims: {\
         1: (text: \"Homework should be optional because pupils are tired.\"),\
         2: (text: \"Practice builds habits.\"),\
         3: (text: \"Schools differ.\")},\
         links: {1: (kind: Attack, premises: [2], target: Claim(1))})",
    )
    .expect("write");
    let output = argmap(&["lint", "student.ron"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let rules: Vec<&str> = text
        .lines()
        .map(|l| l.split(": ").nth(2).unwrap_or(""))
        .collect();
    assert_eq!(
        rules,
        ["orphan", "unanswered-objection", "two-claims-in-one"],
        "{text}"
    );
    assert!(
        text.starts_with("student.ron: claim #3: orphan: "),
        "{text}"
    );

    let output = argmap(&["lint", "student.ron", "--json"], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json.as_array().map(Vec::len), Some(3));
    assert_eq!(json[0]["file"], "student.ron");
    assert_eq!(json[0]["rule"], "orphan");
    assert_eq!(json[0]["claim"], 3);
}

#[test]
fn exports_show_statuses_when_asked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let map = Path::new(ROOT).join("maps/essay-thesis.ron");
    let map = map.display().to_string();
    let out = |name: &str| dir.path().join(name).display().to_string();
    let output = argmap(
        &[
            "export",
            &map,
            "--to",
            "svg",
            "--evaluate",
            "-o",
            &out("e.svg"),
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let svg = fs::read_to_string(dir.path().join("e.svg")).expect("svg");
    // Every claim but the note, which takes no part, shows its status.
    assert_eq!(svg.matches("<g class=\"status ").count(), 8);
    assert!(svg.contains("✓ holds") && svg.contains("✗ fails"));
    // The map's only open card was its note, which shows no status now.
    assert!(!svg.contains("? open"), "{svg}");
    // Links that fail are marked, grey and dotted, with a ✗ on their
    // label: not faded to a ghost.
    assert!(svg.contains("\" class=\"fails\">"), "{svg}");
    assert!(svg.contains("stroke-dasharray=\"3 4\""));
    assert!(svg.contains(">✗ because<") || svg.contains(">✗ but<"));
    assert!(!svg.contains("opacity=\"0.35\""));
    let output = argmap(
        &[
            "export",
            &map,
            "--to",
            "markdown",
            "--evaluate",
            "-o",
            &out("e.md"),
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0));
    let markdown = fs::read_to_string(dir.path().join("e.md")).expect("md");
    // A weighed claim gets the verdict sentence, a bare one its status.
    assert!(
        markdown.contains("defends. *(✓ holds: “Reason 1: a claim that” (decisive) and "),
        "{markdown}"
    );
    assert!(markdown.contains(" *(✓ holds)*"), "{markdown}");
    assert!(
        markdown.contains("**because** *(✗ does not follow)* Evidence"),
        "{markdown}"
    );
    // Without --evaluate, no statuses.
    argmap(
        &["export", &map, "--to", "svg", "-o", &out("plain.svg")],
        dir.path(),
    );
    let plain = fs::read_to_string(dir.path().join("plain.svg")).expect("svg");
    assert!(!plain.contains("class=\"status"));
}

/// A map of `tests/fixtures/reading/homework-essay.txt` (8 paragraphs)
/// citing ¶1, ¶2, ¶4–5 (a range) and ¶7, with a quote from ¶2, its
/// anecdote (¶6) marked not argument; saved beside a copy of the text.
fn essay_map(dir: &Path) -> argmap::model::Map {
    use argmap::model::{Citation, Claim, Map, Pos, Quote, Source};
    let text =
        fs::read_to_string(Path::new(ROOT).join("tests/fixtures/reading/homework-essay.txt"))
            .expect("fixture");
    fs::write(dir.join("essay.txt"), &text).expect("copy");
    let paragraphs = argmap::source::SourceText::from_text(&text);
    let mut map = Map::new("Homework essay");
    map.sources.insert(
        "essay".to_owned(),
        Source {
            title: "Should primary schools set homework?".to_owned(),
            path: Some("essay.txt".to_owned()),
            not_argument: vec![6],
            ..Source::default()
        },
    );
    let second = paragraphs.paragraph(2).expect("¶2");
    let start = second.find("build habits").expect("words");
    let quote = Quote::of(second, start, start + "build habits".len());
    for (text, para, to, quote) in [
        (
            "Whether to set homework is an open question.",
            1,
            None,
            None,
        ),
        ("Daily tasks build self-discipline.", 2, None, quote),
        (
            "Homework does little for young pupils and costs them.",
            4,
            Some(5),
            None,
        ),
        ("Ten minutes of reading is enough.", 7, None, None),
    ] {
        map.add_claim(Claim {
            source: Some(Citation {
                to,
                quote,
                ..Citation::paragraph("essay", para)
            }),
            ..Claim::new(text, Pos::default())
        });
    }
    argmap::store::write_map(&dir.join("essay.ron"), &map).expect("save");
    map
}

#[test]
fn coverage_counts_the_paragraphs_mapped_and_fails_on_broken_citations() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut map = essay_map(dir.path());
    let output = argmap(&["coverage", "essay.ron"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    // 8 paragraphs, ¶6 marked not argument: 7 count; ¶1, 2, 4, 5, 7 cited.
    assert!(
        stdout(&output).contains("essay (Should primary schools set homework?): 5 of 7 paragraphs mapped, 1 marked not argument"),
        "{}",
        stdout(&output)
    );
    assert!(
        stdout(&output).contains("not mapped: ¶3, ¶8"),
        "{}",
        stdout(&output)
    );
    // The text changes under the quote: reported for that claim, exit 1.
    let text = fs::read_to_string(dir.path().join("essay.txt")).expect("copy");
    fs::write(
        dir.path().join("essay.txt"),
        text.replace(
            "short daily tasks build habits",
            "short daily tasks form habits",
        ),
    )
    .expect("edit");
    let output = argmap(&["coverage", "essay.ron"], dir.path());
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("claim #2: its quoted words are no longer where they were"),
        "{}",
        stdout(&output)
    );
    // A citation past the end, with the file given on the command line.
    fs::write(dir.path().join("essay.txt"), &text).expect("restore");
    map.claims
        .values_mut()
        .next()
        .and_then(|c| c.source.as_mut())
        .expect("a citation")
        .para = Some(12);
    argmap::store::write_map(&dir.path().join("essay.ron"), &map).expect("save");
    fs::rename(dir.path().join("essay.txt"), dir.path().join("moved.txt")).expect("move");
    let output = argmap(&["coverage", "essay.ron"], dir.path());
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(
        stderr(&output).contains("essay.txt"),
        "the missing file is named: {}",
        stderr(&output)
    );
    let output = argmap(
        &["coverage", "essay.ron", "--source", "moved.txt"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("claim #1: cites ¶12, past the end of moved.txt (8 paragraphs)"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn exports_carry_the_quotes_and_paragraph_ranges() {
    let dir = tempfile::tempdir().expect("temp dir");
    essay_map(dir.path());
    let read = |name: &str| fs::read_to_string(dir.path().join(name)).expect("exported");
    for format in ["markdown", "argdown", "svg", "aif"] {
        let output = argmap(&["export", "essay.ron", "--to", format], dir.path());
        assert_eq!(
            output.status.code(),
            Some(0),
            "{format}: {}",
            stdout(&output)
        );
    }
    // Markdown footnotes: the range, and the quoted words.
    let markdown = read("essay.md");
    assert!(
        markdown.contains("paragraph 2: “build habits”"),
        "{markdown}"
    );
    assert!(markdown.contains("paragraphs 4–5"), "{markdown}");
    // Argdown: a note line (a comment Argdown's tools skip).
    let argdown = read("essay.argdown");
    assert!(argdown.contains("quotes ¶2: “build habits”"), "{argdown}");
    // The badge on the card shows the range.
    assert!(read("essay.svg").contains("¶4–5"));
    // AIF keeps each claim's own words (the paraphrase) as its text.
    let aif = read("essay.json");
    assert!(aif.contains("Daily tasks build self-discipline."));
    assert!(!aif.contains("build habits"));
}

#[test]
fn arrange_turns_a_map_to_grow_left_to_right_and_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::copy(
        Path::new(ROOT).join("maps/essay-thesis.ron"),
        dir.path().join("essay.ron"),
    )
    .expect("copy");
    let output = argmap(
        &[
            "arrange",
            "essay.ron",
            "--direction",
            "right",
            "-o",
            "side.ron",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let side = store::read_map(&dir.path().join("side.ron")).expect("written");
    assert_eq!(side.direction, argmap::model::Growth::Right);
    // The thesis is left of everything that answers it.
    let thesis = side.claims[&side.thesis.expect("thesis")].pos;
    for link in side.links.values() {
        if link.target == argmap::model::Target::Claim(side.thesis.expect("thesis")) {
            for premise in &link.premises {
                assert!(side.claims[premise].pos.x > thesis.x);
            }
        }
    }
    let output = argmap(&["arrange", "side.ron", "--direction", "down"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let down = store::read_map(&dir.path().join("side.ron")).expect("written");
    assert_eq!(down.direction, argmap::model::Growth::Down);
    assert!(
        !fs::read_to_string(dir.path().join("side.ron"))
            .expect("text")
            .contains("direction")
    );
}

/// The manual pages the package installs are the ones the command line's
/// definitions make: `argmap man --dir assets/man` writes them again.
#[test]
fn the_shipped_manual_pages_are_the_ones_the_definitions_make() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = argmap(&["man", "--dir", "."], dir.path());
    assert_eq!(output.status.code(), Some(0));
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/man");
    let mut made: Vec<_> = fs::read_dir(dir.path())
        .expect("pages")
        .map(|e| e.expect("entry").file_name())
        .collect();
    made.sort();
    let mut kept: Vec<_> = fs::read_dir(&shipped)
        .expect("assets/man")
        .map(|e| e.expect("entry").file_name())
        .collect();
    kept.sort();
    assert_eq!(made, kept, "run `cargo run -- man --dir assets/man`");
    for name in made {
        assert_eq!(
            fs::read(dir.path().join(&name)).expect("made"),
            fs::read(shipped.join(&name)).expect("shipped"),
            "{}: run `cargo run -- man --dir assets/man`",
            name.to_string_lossy()
        );
    }
    // argmap(1) says the exit status rule and names each command's page.
    let page = fs::read_to_string(shipped.join("argmap.1")).expect("argmap.1");
    assert!(
        page.contains(".SH \"EXIT STATUS\"") || page.contains(".SH EXIT STATUS"),
        "{page}"
    );
    assert!(page.contains("argmap\\-merge"), "{page}");
}
