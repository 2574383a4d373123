//! `argmap flow` through the real binary on a Public Forum round
//! (`tests/fixtures/rounds/public-forum.ron`): the flow in words, its JSON,
//! the draft ballot, and the flow sheets read back — the CSV by the `csv`
//! crate, the XLSX by `calamine` — with every argument in its speech's
//! column, level with what it answers.
#![expect(
    clippy::disallowed_methods,
    reason = "the tests copy a fixture and read back what the binary wrote"
)]

use std::fs;

use calamine::Reader as _;

use crate::common::fixture;
use crate::{argmap, stdout};

fn round_in_a_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::copy(
        fixture("rounds/public-forum.ron"),
        dir.path().join("round.ron"),
    )
    .expect("the fixture");
    dir
}

#[test]
fn the_flow_in_words_json_and_a_draft_ballot() {
    let dir = round_in_a_folder();
    let run = argmap(&["flow", "round.ron"], dir.path());
    assert!(run.status.success());
    let text = stdout(&run);
    assert!(
        text.starts_with("Public Forum round: 8 speeches, 7 arguments\n"),
        "{text}"
    );
    assert!(
        text.contains("AC · Pro · Ana: #2 Play time; #3 Equity (dropped in NC)\n"),
        "{text}"
    );
    assert!(
        text.contains("NC · Con · Ben: #4 Grades fall; #5 Clubs (extended in NR)\n"),
        "{text}"
    );
    assert!(text.contains("AS · Pro: —\n"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&stdout(&argmap(
        &["flow", "round.ron", "--json"],
        dir.path(),
    )))
    .expect("JSON");
    assert_eq!(json["format"], "PublicForum");
    assert_eq!(json["speeches"][1]["name"], "NC");
    assert_eq!(json["speeches"][1]["side"], "Con");
    assert_eq!(json["speeches"][1]["claims"], serde_json::json!([4, 5]));
    assert_eq!(json["dropped"], serde_json::json!([3, 6, 7]));
    let ballot = stdout(&argmap(&["flow", "round.ron", "--rfd"], dir.path()));
    assert!(
        ballot.starts_with(
            "Decision: Pro. The motion “Resolved: primary schools should ban homework” holds.\n"
        ),
        "{ballot}"
    );
    assert!(
        ballot.contains("- “Grades fall” against the motion (decisive, Con in the NC) falls: it fails: “No fall”"),
        "{ballot}"
    );
    assert!(
        ballot.contains(
            "Dropped (counted as conceded):\n- “Equity” (made in the AC), dropped in NC.\n"
        )
    );
    // Not a round: said, and nothing printed to read as a result.
    fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/maps/homework-ban.ron"),
        dir.path().join("case.ron"),
    )
    .expect("a map");
    let run = argmap(&["flow", "case.ron"], dir.path());
    assert_eq!(run.status.code(), Some(1));
    assert!(stdout(&run).is_empty());
    assert!(String::from_utf8_lossy(&run.stderr).contains("case.ron: the map is no round"));
}

#[test]
fn the_csv_and_xlsx_sheets_read_back_with_answers_level_with_what_they_answer() {
    let dir = round_in_a_folder();
    let run = argmap(&["flow", "round.ron", "--to", "csv"], dir.path());
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(dir.path().join("round.flow.csv"))
        .expect("the CSV");
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("a record").iter().map(str::to_owned).collect())
        .collect();
    check_grid(&rows);
    let run = argmap(
        &["flow", "round.ron", "--to", "xlsx", "-o", "flow.xlsx"],
        dir.path(),
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook(dir.path().join("flow.xlsx")).expect("the workbook");
    assert_eq!(book.sheet_names(), ["Flow", "Pro case", "Con case"]);
    let range = book.worksheet_range("Flow").expect("the flow sheet");
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(ToString::to_string).collect())
        .collect();
    check_grid(&rows);
    let con = book.worksheet_range("Con case").expect("the Con case");
    let con: Vec<Vec<String>> = con
        .rows()
        .map(|r| r.iter().map(ToString::to_string).collect())
        .collect();
    assert!(con[1][2].starts_with("Grades fall:"), "{con:?}");
    assert!(con[1][3].starts_with("No fall:"), "{con:?}");
}

/// The one sheet: headings, then the motion with the Pro's first line of
/// argument and its answers level with it, and so on.
fn check_grid(rows: &[Vec<String>]) {
    assert_eq!(
        rows[0][..4],
        ["No speech", "AC · Pro · Ana", "NC · Con · Ben", "AR · Pro"]
    );
    let at = |r: usize, c: usize| {
        rows.get(r)
            .and_then(|row| row.get(c))
            .map_or("", String::as_str)
    };
    assert_eq!(at(1, 0), "Resolved: primary schools should ban homework");
    assert_eq!(at(1, 1), "Play time: Children need unstructured play time");
    assert_eq!(
        at(1, 2),
        "Clubs: Clubs fill the time, not play — extended in NR"
    );
    assert_eq!(
        at(1, 4),
        "Clubs cost: Clubs cost families money",
        "level with what it extends"
    );
    assert_eq!(
        at(1, 3),
        "Clubs are play: Play is what clubs give too — dropped in NR"
    );
    assert_eq!(
        at(2, 1),
        "Equity: Homework widens the gap between rich and poor pupils — dropped in NC"
    );
    assert_eq!(
        at(3, 2),
        "Grades fall: Grades fall without practice at home"
    );
    assert_eq!(
        at(3, 3),
        "No fall: Studies find no fall before age eleven — dropped in NR"
    );
    assert_eq!(rows.len(), 4);
}

#[test]
fn the_flow_drawn_as_svg_and_a_landscape_pdf_a_page_a_sheet() {
    let dir = round_in_a_folder();
    let run = argmap(&["flow", "round.ron", "--to", "svg"], dir.path());
    assert!(run.status.success());
    let svg = fs::read_to_string(dir.path().join("round.flow.svg")).expect("the SVG");
    for heading in ["AC", "NC", "AFF", "NFF", "Pro · Ana", "dropped in NC"] {
        assert!(svg.contains(&format!(">{heading}<")), "{heading}");
    }
    let run = argmap(
        &["flow", "round.ron", "--to", "pdf", "--sheets", "side"],
        dir.path(),
    );
    assert!(run.status.success());
    let pdf = fs::read(dir.path().join("round.flow.pdf")).expect("the PDF");
    let pages = pdf
        .windows(b"/Type /Page\n".len())
        .filter(|w| w.starts_with(b"/Type /Page") && !w.starts_with(b"/Type /Pages"))
        .count();
    assert!(pages >= 2, "a page a side's case: {pages}");
    // Each page wider than tall.
    let text = String::from_utf8_lossy(&pdf);
    for media in text.split("/MediaBox [").skip(1) {
        let numbers: Vec<f32> = media
            .split(']')
            .next()
            .unwrap_or_default()
            .split_whitespace()
            .filter_map(|n| n.parse().ok())
            .collect();
        assert!(numbers.len() == 4 && numbers[2] > numbers[3], "{numbers:?}");
    }
}

#[test]
fn the_html_handout_of_a_round_carries_its_flow_and_a_map_that_is_no_round_does_not() {
    let dir = round_in_a_folder();
    let run = argmap(
        &["export", "round.ron", "--to", "html", "-o", "round.html"],
        dir.path(),
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let page = fs::read_to_string(dir.path().join("round.html")).expect("the page");
    let flow = page
        .split("<section id=\"flow\"")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .expect("the flow's section");
    for words in [">AC<", ">NFF<", ">Pro · Ana<", ">dropped in NC<"] {
        assert!(flow.contains(words), "{words}");
    }
    assert!(page.contains("id=\"flow-toggle\""));
    fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/maps/homework-ban.ron"),
        dir.path().join("case.ron"),
    )
    .expect("a map");
    let run = argmap(
        &["export", "case.ron", "--to", "html", "-o", "case.html"],
        dir.path(),
    );
    assert!(run.status.success());
    let page = fs::read_to_string(dir.path().join("case.html")).expect("the page");
    assert!(page.contains("aria-label=\"The round as a flow: a column per speech, each argument beside what it answers\"></section>"));
}
