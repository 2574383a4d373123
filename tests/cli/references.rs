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
