//! `argmap source add` and `argmap cite` through the real binary: details
//! from Zotero-style BibLaTeX and CSL-JSON, the path stored relative to
//! the map whatever was typed, each style's reference list, and failures
//! that name the file and leave the map as it was.
#![expect(
    clippy::disallowed_methods,
    reason = "the tests set up and read back real files"
)]

use std::fs;

use crate::common::fixture;
use crate::{argmap, stdout};

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A folder with `maps/case.ron` (the homework map) and `texts/grady.txt`.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::create_dir_all(dir.path().join("maps")).expect("maps/");
    fs::create_dir_all(dir.path().join("texts")).expect("texts/");
    fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/maps/homework-ban.ron"),
        dir.path().join("maps/case.ron"),
    )
    .expect("the map copied");
    fs::write(
        dir.path().join("texts/grady.txt"),
        "Stories teach feelings.\n\nThey do.\n",
    )
    .expect("a text");
    dir
}

#[test]
fn a_source_is_added_with_its_details_and_its_path_relative_to_the_map() {
    let dir = workspace();
    let bib = fixture("references/zotero.bib");
    // Typed from the folder above the map, the text by an absolute path.
    let text = dir.path().join("texts/grady.txt");
    let run = argmap(
        &[
            "source",
            "add",
            "maps/case.ron",
            text.to_str().expect("a UTF-8 path"),
            "--bib",
            bib.to_str().expect("a UTF-8 path"),
            "--entry",
            "grady_emotions_2019",
        ],
        dir.path(),
    );
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(
        stdout(&run).starts_with(
            "maps/case.ron: source \"grady\" added (../texts/grady.txt): Grady, J. S., Her, M."
        ),
        "{}",
        stdout(&run)
    );
    let map = argmap::store::read_map(&dir.path().join("maps/case.ron")).expect("the map reads");
    let source = &map.sources["grady"];
    assert_eq!(source.path.as_deref(), Some("../texts/grady.txt"));
    assert_eq!(source.authors.len(), 5);
    assert_eq!(
        source.container.as_deref(),
        Some("Psychology of Popular Media Culture")
    );
    // Again, from the map's own folder with a relative path and CSL-JSON:
    // the same source is updated, not doubled.
    let csl = fixture("references/zotero.json");
    let run = argmap(
        &[
            "source",
            "add",
            "case.ron",
            "../texts/grady.txt",
            "--csl",
            csl.to_str().expect("a UTF-8 path"),
            "--entry",
            "sapolsky_behave_2017",
        ],
        &dir.path().join("maps"),
    );
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(
        stdout(&run)
            .contains("source \"grady\" updated (../texts/grady.txt): Sapolsky, R. M. (2017)."),
        "{}",
        stdout(&run)
    );
    let map = argmap::store::read_map(&dir.path().join("maps/case.ron")).expect("the map reads");
    assert_eq!(map.sources.len(), 1);
    assert_eq!(
        map.sources["grady"].title,
        "Behave: The biology of humans at our best and worst"
    );
    // The map stays sound.
    let check = argmap(&["check", "maps/case.ron"], dir.path());
    assert!(check.status.success(), "{}", stderr(&check));
}

#[test]
fn cite_prints_the_reference_list_in_each_style() {
    let dir = workspace();
    let bib = fixture("references/zotero.bib");
    let bib = bib.to_str().expect("a UTF-8 path");
    for (key, entry) in [
        ("grady", "grady_emotions_2019"),
        ("behave", "sapolsky_behave_2017"),
    ] {
        let run = argmap(
            &[
                "source",
                "add",
                "maps/case.ron",
                "texts/grady.txt",
                "--key",
                key,
                "--bib",
                bib,
                "--entry",
                entry,
            ],
            dir.path(),
        );
        assert!(run.status.success(), "{}", stderr(&run));
    }
    let apa = stdout(&argmap(&["cite", "maps/case.ron"], dir.path()));
    assert_eq!(
        apa.lines().collect::<Vec<_>>(),
        [
            "Grady, J. S., Her, M., Moreno, G., Perez, C., & Yelinek, J. (2019). Emotions in storybooks: A comparison of storybooks that represent ethnic and racial groups in the United States. Psychology of Popular Media Culture, 8(3), 207–217. https://doi.org/10.1037/ppm0000185",
            "Sapolsky, R. M. (2017). Behave: The biology of humans at our best and worst. Penguin Books.",
        ]
    );
    let chicago = stdout(&argmap(
        &["cite", "maps/case.ron", "--style", "chicago"],
        dir.path(),
    ));
    assert!(chicago.contains("Sapolsky, Robert M. 2017. Behave: The Biology of Humans at Our Best and Worst. Penguin Books."), "{chicago}");
    let mla = stdout(&argmap(
        &["cite", "maps/case.ron", "--style", "mla", "--markdown"],
        dir.path(),
    ));
    assert!(mla.contains("Sapolsky, Robert M. *Behave: The Biology of Humans at Our Best and Worst*. Penguin Books, 2017."), "{mla}");
    let unknown = argmap(&["cite", "maps/case.ron", "--style", "harvard"], dir.path());
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn failures_name_the_file_and_change_nothing() {
    let dir = workspace();
    let map_path = dir.path().join("maps/case.ron");
    let before = fs::read(&map_path).expect("the map");
    let broken = dir.path().join("broken.bib");
    fs::write(
        &broken,
        "@book{a,\n  title = {Fine},\n}\n@article{b,\n  title = {Never closed\n",
    )
    .expect("a broken file");
    let cases: [(&[&str], i32, &str); 4] = [
        (
            &["source", "add", "maps/case.ron", "texts/missing.txt"],
            1,
            "texts/missing.txt: there is no such file",
        ),
        (
            &[
                "source",
                "add",
                "maps/case.ron",
                "texts/grady.txt",
                "--bib",
                "broken.bib",
                "--entry",
                "a",
            ],
            1,
            "broken.bib: line ",
        ),
        (
            &[
                "source",
                "add",
                "maps/case.ron",
                "texts/grady.txt",
                "--entry",
                "a",
            ],
            2,
            "--entry names an entry",
        ),
        (
            &[
                "source",
                "add",
                "maps/case.ron",
                "texts/grady.txt",
                "--csl",
                "broken.bib",
                "--entry",
                "a",
            ],
            1,
            "broken.bib: line 1, column 1: it is not CSL-JSON",
        ),
    ];
    for (args, code, message) in cases {
        let run = argmap(args, dir.path());
        assert_eq!(run.status.code(), Some(code), "{args:?}: {}", stderr(&run));
        assert!(stderr(&run).contains(message), "{args:?}: {}", stderr(&run));
        assert!(stdout(&run).is_empty(), "{args:?}");
        assert_eq!(
            fs::read(&map_path).expect("the map"),
            before,
            "{args:?} changed the map"
        );
    }
    let none = argmap(&["cite", "maps/case.ron"], dir.path());
    assert!(none.status.success());
    assert!(stderr(&none).contains("the map lists no source with a title"));
}

/// A map with a thesis and, close under it, an evidence card tagged
/// "Little gain" quoting 50 words from Doe 2021's text
/// at `source` (relative to the map), saved as `dir/maps/study.ron`.
fn evidence_map(dir: &std::path::Path, source: &str) -> std::path::PathBuf {
    use argmap::model::{
        Citation, Claim, ClaimKind, Link, LinkKind, Map, Name, Pos, Quote, Source,
    };
    let mut map = Map::new("Homework");
    map.sources.insert(
        "study".into(),
        Source {
            title: "Homework and achievement".into(),
            authors: vec![Name {
                family: "Doe".into(),
                ..Name::default()
            }],
            date: Some("2021".into()),
            path: Some(source.into()),
            ..Source::default()
        },
    );
    let thesis = map.add_claim(Claim::new(
        "Homework should be optional.",
        Pos::new(0.0, 0.0),
    ));
    map.thesis = Some(thesis);
    let evidence = map.add_claim(Claim {
        title: Some("Little gain".into()),
        kind: ClaimKind::Evidence,
        source: Some(Citation {
            quote: Quote::of(STUDY, 15, STUDY.len() - 1),
            ..Citation::paragraph("study", 1)
        }),
        ..Claim::new("It does not help.", Pos::new(0.0, 70.0))
    });
    map.add_link(Link::new(
        LinkKind::Support,
        vec![evidence],
        argmap::model::Target::Claim(thesis),
    ));
    fs::create_dir_all(dir.join("maps")).expect("maps/");
    let path = dir.join("maps/study.ron");
    argmap::store::write_map(&path, &map).expect("saved");
    path
}

/// The words an SVG draws, its rows joined by spaces.
fn words_drawn(svg: &str) -> String {
    let mut words = String::new();
    let mut in_tag = false;
    for c in svg.chars() {
        match c {
            '<' => {
                in_tag = true;
                words.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => words.push(c),
            _ => {}
        }
    }
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}

const STUDY: &str = "Homework gives young pupils little gain, as the ten studies of the \
    review agree once the time spent at home, the tasks set and the ages of the pupils are \
    taken into account, and the gain is smaller still for the youngest of them.";

/// The drawn card reads tag, cite and quote, from a text in the map's
/// folder; `argmap arrange` makes room for the quote.
#[test]
fn an_exported_evidence_card_reads_tag_cite_and_quote() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir_all(dir.path().join("maps")).expect("maps/");
    fs::write(dir.path().join("maps/study.txt"), format!("{STUDY}\n")).expect("text");
    evidence_map(dir.path(), "study.txt");
    let run = argmap(&["export", "maps/study.ron", "--to", "svg"], dir.path());
    assert!(run.status.success(), "{}", stderr(&run));
    let svg = words_drawn(&fs::read_to_string(dir.path().join("maps/study.svg")).expect("SVG"));
    assert!(
        svg.contains("Little gain — Doe 2021"),
        "the tag and cite: {svg}"
    );
    assert!(
        svg.contains("“young pupils little gain, as"),
        "the quote: {svg}"
    );
    assert!(
        svg.contains(" … the gain is smaller still for the youngest of them”"),
        "42 words cut to the first 24 and the last 10: {svg}"
    );
    assert!(
        !svg.contains("It does not help."),
        "the tag says it instead"
    );
    // Arranged as the library arranges with the quote measured: the card
    // grows by rows, and the gap under the thesis stays whole.
    let mut expected = argmap::store::read_map(&dir.path().join("maps/study.ron")).expect("map");
    let quotes = [(
        argmap::model::ClaimId(2),
        STUDY[15..STUDY.len() - 1].to_owned(),
    )]
    .into();
    let mut measure = argmap::measure::TextMeasure::new();
    let texts = argmap::measure::card_texts_quoting(&expected, &quotes, &mut measure);
    argmap::export::arrange_measured(&mut expected, &texts);
    let run = argmap(&["arrange", "maps/study.ron"], dir.path());
    assert!(run.status.success(), "{}", stderr(&run));
    let map = argmap::store::read_map(&dir.path().join("maps/study.ron")).expect("the map");
    let at = |map: &argmap::model::Map| {
        map.claims
            .values()
            .map(|c| (c.pos.x, c.pos.y))
            .collect::<Vec<_>>()
    };
    assert_eq!(at(&map), at(&expected));
    let plain = argmap::measure::card_texts(&expected, &mut measure);
    assert!(
        texts[&argmap::model::ClaimId(2)].height > plain[&argmap::model::ClaimId(2)].height + 40.0,
        "the quote makes the card taller"
    );
}

/// A map someone sent cannot make an export read a file outside its
/// folder: the card keeps its own words.
#[test]
fn a_quote_from_outside_the_maps_folder_is_not_read_into_an_export() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("private.txt"), format!("{STUDY}\n")).expect("text");
    evidence_map(dir.path(), "../private.txt");
    let run = argmap(&["export", "maps/study.ron", "--to", "svg"], dir.path());
    assert!(run.status.success(), "{}", stderr(&run));
    let svg = words_drawn(&fs::read_to_string(dir.path().join("maps/study.svg")).expect("SVG"));
    assert!(
        !svg.contains("young pupils"),
        "nothing read from outside: {svg}"
    );
    assert!(svg.contains("It does not help."), "{svg}");
}
