//! Reference details imported as Zotero exports them (BibLaTeX and
//! CSL-JSON) over every kind of work and every kind of name, then cited:
//! both files give the same sources and the same APA references.
#![expect(
    clippy::disallowed_methods,
    reason = "the tests read their fixture files directly"
)]

use argmap::cite::{self, import};
use argmap::model::{CitationStyle, Map, Name, Source, Work};

use crate::common::fixture;

fn bib() -> Vec<(String, Source)> {
    let text =
        std::fs::read_to_string(fixture("references/zotero.bib")).expect("the BibLaTeX fixture");
    import::from_bibtex(&text).expect("Zotero's BibLaTeX reads")
}

fn csl() -> Vec<(String, Source)> {
    let text =
        std::fs::read_to_string(fixture("references/zotero.json")).expect("the CSL-JSON fixture");
    import::from_csl_json(&text).expect("Zotero's CSL-JSON reads")
}

fn find<'a>(entries: &'a [(String, Source)], key: &str) -> &'a Source {
    &entries
        .iter()
        .find(|(k, _)| k == key)
        .unwrap_or_else(|| panic!("no {key}"))
        .1
}

fn apa(source: &Source) -> String {
    let mut map = Map::new("t");
    map.citation_style = CitationStyle::Apa;
    map.sources.insert("k".into(), source.clone());
    cite::reference(&map, "k")
        .map(|r| r.plain())
        .unwrap_or_default()
}

#[test]
fn every_kind_of_work_reads_from_bibtex_and_csl_json_alike() {
    let (bib, csl) = (bib(), csl());
    let works = [
        ("grady_emotions_2019", Work::Article),
        ("sapolsky_behave_2017", Work::Book),
        ("aron_culinary_2019", Work::Chapter),
        ("who_top10_2018", Work::WebPage),
        ("merics_china_2021", Work::Report),
    ];
    for (key, work) in works {
        for (from, entries) in [("BibLaTeX", &bib), ("CSL-JSON", &csl)] {
            let source = find(entries, key);
            assert_eq!(source.work, work, "{key} from {from}");
            assert!(!source.title.is_empty(), "{key} from {from}");
            assert!(!source.authors.is_empty(), "{key} from {from}");
        }
    }
    let article = find(&bib, "grady_emotions_2019");
    assert_eq!(
        article.container.as_deref(),
        Some("Psychology of Popular Media Culture")
    );
    assert_eq!(
        (
            article.volume.as_deref(),
            article.issue.as_deref(),
            article.date.as_deref()
        ),
        (Some("8"), Some("3"), Some("2019"))
    );
    assert_eq!(article.doi.as_deref(), Some("10.1037/ppm0000185"));
    let chapter = find(&csl, "aron_culinary_2019");
    assert_eq!(chapter.editors.len(), 3);
    assert_eq!(
        chapter.publisher.as_deref(),
        Some("American Psychological Association")
    );
    let page = find(&csl, "who_top10_2018");
    assert_eq!(page.authors, [Name::whole("World Health Organization")]);
    assert_eq!(
        (page.date.as_deref(), page.accessed.as_deref()),
        (Some("2018-05-24"), Some("2021-01-02"))
    );
    assert_eq!(
        find(&bib, "who_top10_2018").accessed.as_deref(),
        Some("2021-01-02")
    );
    assert_eq!(
        find(&bib, "merics_china_2021").publisher.as_deref(),
        Some("Mercator Institute for China Studies")
    );
    assert_eq!(find(&csl, "guardian_news_2020").work, Work::News);
    // The same reference, whichever file it came from.
    for (key, _) in works {
        assert_eq!(apa(find(&bib, key)), apa(find(&csl, key)), "{key}");
    }
    assert_eq!(
        apa(find(&bib, "grady_emotions_2019")),
        "Grady, J. S., Her, M., Moreno, G., Perez, C., & Yelinek, J. (2019). Emotions in storybooks: A comparison of storybooks that represent ethnic and racial groups in the United States. Psychology of Popular Media Culture, 8(3), 207–217. https://doi.org/10.1037/ppm0000185"
    );
}

#[test]
fn names_keep_their_parts_from_both_formats() {
    let (bib, csl) = (bib(), csl());
    for (from, entries) in [("BibLaTeX", &bib), ("CSL-JSON", &csl)] {
        let first = |key: &str| find(entries, key).authors[0].clone();
        let beethoven = first("beethoven_letters_1972");
        assert_eq!(
            (beethoven.family.as_str(), beethoven.particle.as_deref()),
            ("Beethoven", Some("van")),
            "{from}"
        );
        let king = first("king_letter_1963");
        assert_eq!(
            (king.family.as_str(), king.suffix.as_deref()),
            ("King", Some("Jr.")),
            "{from}"
        );
        let xi = first("xi_governance_2014");
        assert_eq!(
            (xi.family.as_str(), xi.given.as_deref()),
            ("Xi", Some("Jinping")),
            "{from}"
        );
        let zhang = first("zhang_hanzi_2019");
        assert_eq!(
            (zhang.family.as_str(), zhang.given.as_deref()),
            ("张", Some("三")),
            "{from}"
        );
        let khwarizmi = first("khwarizmi_algebra_1831");
        assert_eq!(khwarizmi.surname(), "al-Khwarizmi", "{from}");
        assert_eq!(
            find(entries, "who_top10_2018").authors[0].family,
            "World Health Organization",
            "{from}"
        );
    }
    assert!(apa(find(&bib, "zhang_hanzi_2019")).starts_with("张三"));
    let king = apa(find(&csl, "king_letter_1963"));
    assert!(king.starts_with("King, M. L., Jr. (1963)."), "{king}");
}

#[test]
fn broken_bibliographies_say_where() {
    let broken = "@book{a,\n  title = {Fine},\n}\n\n@article{b,\n  title = {Unclosed\n";
    let error = import::from_bibtex(broken).expect_err("an unclosed brace");
    assert!(error.to_string().starts_with("line "), "{error}");
    let error = import::from_csl_json("[{\"id\": \"a\", \"title\": }]").expect_err("not JSON");
    assert!(error.to_string().starts_with("line 1, column "), "{error}");
    let error = import::pick(csl(), "missing").expect_err("no such entry");
    assert!(
        error.to_string().contains("\"grady_emotions_2019\""),
        "{error}"
    );
    // A date with no parts, or parts out of range, is no date, not a crash.
    let odd = r#"[{"id": "x", "type": "book", "title": "T", "issued": {"date-parts": [[]]}}, {"id": "y", "title": "U", "issued": {"date-parts": [[2020, 13, 40]]}}]"#;
    let entries = import::from_csl_json(odd).expect("reads");
    assert_eq!(entries[0].1.date, None);
    assert_eq!(entries[1].1.date.as_deref(), Some("2020"));
}

/// Evidence from a source that can be cited shows its cite after its tag
/// on the card, in every drawing; a source that names no one and gives
/// no year adds nothing.
#[test]
fn evidence_cards_carry_their_cite_after_the_tag() {
    use argmap::model::{Citation, Claim, ClaimKind, Pos};
    let mut map = Map::new("Homework");
    map.sources
        .insert("grady".into(), find(&bib(), "grady_emotions_2019").clone());
    map.sources.insert(
        "series".into(),
        Source {
            title: "Pandemic Politics".into(),
            container: Some("A series".into()),
            ..Source::default()
        },
    );
    let evidence = |doc: &str, title: &str| Claim {
        title: Some(title.into()),
        kind: ClaimKind::Evidence,
        source: Some(Citation {
            doc: doc.into(),
            para: Some(2),
            ..Citation::default()
        }),
        ..Claim::new("Storybooks show few feelings.", Pos::new(0.0, 0.0))
    };
    let cited = map.add_claim(evidence("grady", "Few feelings shown"));
    let uncited = map.add_claim(evidence("series", "A series says so"));
    assert_eq!(
        map.card_title(&map.claims[&cited]).as_deref(),
        Some("Few feelings shown — Grady et al. 2019")
    );
    assert_eq!(
        map.card_title(&map.claims[&uncited]).as_deref(),
        Some("A series says so")
    );
    let mut measure = argmap::measure::TextMeasure::new();
    let svg = argmap::draw::svg::svg(
        &map,
        &mut measure,
        &argmap::draw::svg::SvgOptions::default(),
    );
    assert!(
        svg.contains("Grady et al. 2019"),
        "the drawn card carries the cite"
    );
}
