//! PDFs as a reviewer reads them, through poppler. Slides read from the
//! back row: every slide of every shipped map, made by the real binary and
//! measured with `pdftotext -bbox`, has a median word height of at least
//! 3 % of the slide's height. The PDF handout carries the outline after
//! the map.
//!
//! Needs `pdftotext` (Debian: `apt install poppler-utils`); `bash .ci/test`
//! installs it.

use std::path::Path;
use std::process::Command;

use super::argmap;
use super::common::{attribute_number, shipped_maps};

/// The median word height on each page of `pdf`, as a share of the page's
/// height, from `pdftotext -bbox`'s XHTML.
fn median_word_heights(pdf: &Path) -> Vec<f32> {
    let out = Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (Debian: apt install poppler-utils)");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    let xhtml = String::from_utf8_lossy(&out.stdout);
    xhtml
        .split("<page")
        .skip(1)
        .map(|page| {
            let height = attribute_number(page, "height");
            let mut words: Vec<f32> = page
                .split("<word")
                .skip(1)
                .map(|word| attribute_number(word, "yMax") - attribute_number(word, "yMin"))
                .collect();
            words.sort_by(f32::total_cmp);
            words.get(words.len() / 2).map_or(0.0, |h| h / height)
        })
        .collect()
}

/// `argmap export MAP ARGS -o PDF` through the real binary, which must
/// succeed.
fn export(map: &Path, args: &[&str], pdf: &Path) {
    let (map, out) = (map.to_string_lossy(), pdf.to_string_lossy());
    let mut all = vec!["export", &*map];
    all.extend_from_slice(args);
    all.extend(["-o", &*out]);
    let dir = pdf.parent().expect("the PDF's folder");
    let run = argmap(&all, dir);
    assert!(
        run.status.success(),
        "{}: {}",
        map,
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs pdftotext (poppler-utils): `bash .ci/test` sets it up and runs it"
)]
fn every_slide_of_every_shipped_map_reads_from_the_back_row() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut measured = 0;
    for map in shipped_maps() {
        let name = map
            .file_stem()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        let pdf = dir.path().join(format!("{name}.pdf"));
        export(&map, &["--to", "slides"], &pdf);
        let pages = median_word_heights(&pdf);
        assert!(pages.len() > 3, "{name}: {} slides", pages.len());
        for (i, share) in pages.iter().enumerate() {
            assert!(
                *share >= 0.03,
                "{name}, slide {}: median text {:.1} % of the slide's height",
                i + 1,
                share * 100.0
            );
        }
        measured += pages.len();
    }
    assert!(measured > 50, "{measured} slides measured");
}

/// The PDF handout prints the argument in sentences after the map: the
/// Markdown outline set on the pages that follow, every claim's words in
/// it, read back by `pdftotext`.
#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs pdftotext (poppler-utils): `bash .ci/test` sets it up and runs it"
)]
fn the_pdf_handout_carries_the_outline_on_the_pages_after_the_map() {
    let dir = tempfile::tempdir().expect("temp dir");
    let map = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/essay-thesis.ron");
    let pdf = dir.path().join("essay.pdf");
    export(&map, &["--to", "pdf", "--evaluate"], &pdf);
    let text = |first: usize, last: usize| -> String {
        let out = Command::new("pdftotext")
            .args(["-f", &first.to_string(), "-l", &last.to_string()])
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext runs");
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let pages = median_word_heights(&pdf).len();
    assert!(pages >= 2, "{pages} pages");
    let first = text(1, 1);
    assert!(
        !first.contains("Outline 1 of"),
        "the map comes first: {first}"
    );
    let outline = text(2, pages);
    assert!(outline.contains("Outline 1 of"), "{outline}");
    let read = argmap::store::read_map(&map).expect("the map");
    for claim in read.claims.values() {
        let words: Vec<&str> = claim.text.split_whitespace().take(4).collect();
        assert!(
            outline.contains(&words.join(" ")),
            "{:?} is in the outline: {outline}",
            claim.text
        );
    }
    assert!(outline.contains("because") && outline.contains("but"));
    assert!(outline.contains("holds"), "the evaluation in words");
}

/// The slides end with the reference list in the map's citation style,
/// set to read from the back row, when its sources have reference
/// details; without them, no such slide.
#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs poppler's pdftotext: `bash .ci/test` sets it up and runs it"
)]
fn the_slides_end_with_the_reference_list() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("homework.ron");
    let mut map = argmap::store::read_map(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/homework-ban.ron"),
    )
    .expect("the map");
    let steps = argmap::model::present::steps(&map).len();
    map.sources.insert(
        "grady".into(),
        argmap::model::Source {
            title: "Emotions in storybooks".into(),
            work: argmap::model::Work::Article,
            authors: vec![argmap::model::Name {
                family: "Grady".into(),
                given: Some("Jessica".into()),
                ..argmap::model::Name::default()
            }],
            container: Some("Psychology of Popular Media Culture".into()),
            date: Some("2019".into()),
            ..argmap::model::Source::default()
        },
    );
    map.citation_style = argmap::model::CitationStyle::Mla;
    argmap::store::write_map(&path, &map).expect("saved");
    let pdf = dir.path().join("talk.pdf");
    export(&path, &["--to", "slides"], &pdf);
    let heights = median_word_heights(&pdf);
    assert_eq!(
        heights.len(),
        steps + 1,
        "a slide per step and the references"
    );
    let last = Command::new("pdftotext")
        .args([
            "-f",
            &heights.len().to_string(),
            "-l",
            &heights.len().to_string(),
        ])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let last = String::from_utf8_lossy(&last.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(last.starts_with("References"), "{last}");
    assert!(
        last.contains(
            "Grady, Jessica. “Emotions in Storybooks.” Psychology of Popular Media Culture, 2019."
        ),
        "in MLA: {last}"
    );
    let share = heights[heights.len() - 1];
    assert!(
        share >= 0.03,
        "the references read from the back row ({:.2} %)",
        share * 100.0
    );

    // Sources without reference details: no reference slide.
    map.sources.clear();
    argmap::store::write_map(&path, &map).expect("saved");
    export(&path, &["--to", "slides"], &pdf);
    assert_eq!(median_word_heights(&pdf).len(), steps);
}

/// `--quotes`: each step's quoted words, with their citation in the map's
/// style, at the foot of its slide, still read from the back row.
#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs poppler's pdftotext: `bash .ci/test` sets it up and runs it"
)]
fn quotes_go_at_the_foot_of_their_slides_when_asked() {
    use argmap::model::{Citation, Claim, Name, Pos, Quote, Source};
    let dir = tempfile::tempdir().expect("temp dir");
    argmap::store::write_atomic(
        &dir.path().join("study.txt"),
        b"Homework gives young pupils little gain.\n",
    )
    .expect("the source");
    let mut map = argmap::model::Map::new("Homework");
    map.sources.insert(
        "study".into(),
        Source {
            title: "Homework and achievement".into(),
            authors: vec![Name {
                family: "Doe".into(),
                given: Some("Jane".into()),
                ..Name::default()
            }],
            date: Some("2021".into()),
            path: Some("study.txt".into()),
            ..Source::default()
        },
    );
    let thesis = map.add_claim(Claim::new(
        "Homework should be optional.",
        Pos::new(0.0, 0.0),
    ));
    map.thesis = Some(thesis);
    let mut reason = Claim::new("Young pupils gain little from it.", Pos::new(0.0, 200.0));
    reason.source = Some(Citation {
        doc: "study".into(),
        para: Some(1),
        quote: Quote::of("Homework gives young pupils little gain.", 15, 39),
        ..Citation::default()
    });
    let reason = map.add_claim(reason);
    map.add_link(argmap::model::Link::new(
        argmap::model::LinkKind::Support,
        vec![reason],
        argmap::model::Target::Claim(thesis),
    ));
    let path = dir.path().join("homework.ron");
    argmap::store::write_map(&path, &map).expect("saved");
    let pdf = dir.path().join("talk.pdf");
    export(&path, &["--to", "slides", "--quotes"], &pdf);
    let second = Command::new("pdftotext")
        .args(["-f", "2", "-l", "2"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let second = String::from_utf8_lossy(&second.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(second.contains("“young pupils little gain”"), "{second}");
    assert!(second.contains("(Doe, 2021, para. 1)"), "{second}");
    let heights = median_word_heights(&pdf);
    assert!(heights.iter().all(|h| *h >= 0.03), "{heights:?}");
    // Without --quotes the slide has the map alone.
    export(&path, &["--to", "slides"], &pdf);
    let plain = Command::new("pdftotext")
        .args(["-f", "2", "-l", "2"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(!String::from_utf8_lossy(&plain.stdout).contains("para. 1)"));
}
