//! Citation styles against their published examples, and the kinds of
//! work and names they must handle.

use super::*;

fn person(family: &str, given: &str) -> Name {
    Name {
        family: family.into(),
        given: Some(given.into()),
        ..Name::default()
    }
}

#[expect(clippy::unnecessary_wraps, reason = "Fills optional fields.")]
fn text(value: &str) -> Option<String> {
    Some(value.to_owned())
}

/// The reference and a paragraph citation of `source` in `style`, as
/// Markdown (italics between `*`).
fn styled(source: &Source, style: CitationStyle) -> (String, String) {
    let mut map = Map::new("References");
    map.citation_style = style;
    map.sources.insert("k".into(), source.clone());
    (
        reference(&map, "k")
            .map(|s| s.markdown())
            .unwrap_or_default(),
        in_text(&map, "k", Some((4, 4))).unwrap_or_default(),
    )
}

fn grady() -> Source {
    Source {
        title: "Emotions in storybooks: A comparison of storybooks that represent ethnic and racial groups in the United States".into(),
        work: Work::Article,
        authors: vec![
            person("Grady", "Jessica Stoltzfus"),
            person("Her", "Malina"),
            person("Moreno", "Geena"),
            person("Perez", "Catherine"),
            person("Yelinek", "Jillian"),
        ],
        container: text("Psychology of Popular Media Culture"),
        date: text("2019"),
        volume: text("8"),
        issue: text("3"),
        pages: text("207-217"),
        doi: text("https://doi.org/10.1037/ppm0000185"),
        ..Source::default()
    }
}

fn aron() -> Source {
    Source {
        title: "Culinary arts: Talent and their development".into(),
        work: Work::Chapter,
        authors: vec![
            person("Aron", "Lucie"),
            person("Botella", "Marion"),
            person("Lubart", "Todd"),
        ],
        editors: vec![
            person("Subotnik", "Rena F."),
            person("Olszewski-Kubilius", "Paula"),
            person("Worrell", "Frank C."),
        ],
        container: text(
            "The psychology of high performance: Developing human potential into domain-specific talent",
        ),
        publisher: text("American Psychological Association"),
        date: text("2019"),
        pages: text("345-359"),
        doi: text("10.1037/0000120-016"),
        ..Source::default()
    }
}

#[test]
fn apa_matches_its_published_examples() {
    let apa = CitationStyle::Apa;
    assert_eq!(
        styled(&grady(), apa),
        (
            "Grady, J. S., Her, M., Moreno, G., Perez, C., & Yelinek, J. (2019). Emotions in storybooks: A comparison of storybooks that represent ethnic and racial groups in the United States. *Psychology of Popular Media Culture*, *8*(3), 207–217. https://doi.org/10.1037/ppm0000185".to_owned(),
            "(Grady et al., 2019, para. 4)".to_owned()
        )
    );
    let behave = Source {
        title: "Behave: The biology of humans at our best and worst".into(),
        work: Work::Book,
        authors: vec![person("Sapolsky", "Robert M.")],
        publisher: text("Penguin Books"),
        date: text("2017"),
        ..Source::default()
    };
    assert_eq!(
        styled(&behave, apa).0,
        "Sapolsky, R. M. (2017). *Behave: The biology of humans at our best and worst*. Penguin Books."
    );
    assert_eq!(
        styled(&aron(), apa).0,
        "Aron, L., Botella, M., & Lubart, T. (2019). Culinary arts: Talent and their development. In R. F. Subotnik, P. Olszewski-Kubilius, & F. C. Worrell (Eds.), *The psychology of high performance: Developing human potential into domain-specific talent* (pp. 345–359). American Psychological Association. https://doi.org/10.1037/0000120-016"
    );
    let who = Source {
        title: "The top 10 causes of death".into(),
        work: Work::WebPage,
        authors: vec![Name::whole("World Health Organization")],
        date: text("2018-05-24"),
        url: text("https://www.who.int/news-room/fact-sheets/detail/the-top-10-causes-of-death"),
        ..Source::default()
    };
    assert_eq!(
        styled(&who, apa),
        (
            "World Health Organization. (2018, May 24). *The top 10 causes of death*. https://www.who.int/news-room/fact-sheets/detail/the-top-10-causes-of-death".to_owned(),
            "(World Health Organization, 2018, para. 4)".to_owned()
        )
    );
}

#[test]
fn chicago_author_date_matches_its_published_examples() {
    let chicago = CitationStyle::Chicago;
    let curious = Source {
        title: "A Curious Mind: The Secret to a Bigger Life".into(),
        work: Work::Book,
        authors: vec![person("Grazer", "Brian"), person("Fishman", "Charles")],
        publisher: text("Simon & Schuster"),
        date: text("2015"),
        ..Source::default()
    };
    assert_eq!(
        styled(&curious, chicago),
        (
            "Grazer, Brian, and Charles Fishman. 2015. *A Curious Mind: The Secret to a Bigger Life*. Simon & Schuster.".to_owned(),
            "(Grazer and Fishman 2015, para. 4)".to_owned()
        )
    );
    let keng = Source {
        title: "Expanding College Access in Taiwan, 1978–2014: Effects on Graduate Quality and Income Inequality".into(),
        work: Work::Article,
        authors: vec![person("Keng", "Shao-Hsun"), person("Lin", "Chun-Hung"), person("Orazem", "Peter F.")],
        container: text("Journal of Human Capital"),
        date: text("2017"),
        volume: text("11"),
        issue: text("1"),
        pages: text("1-34"),
        doi: text("10.1086/690235"),
        ..Source::default()
    };
    assert_eq!(
        styled(&keng, chicago).0,
        "Keng, Shao-Hsun, Chun-Hung Lin, and Peter F. Orazem. 2017. “Expanding College Access in Taiwan, 1978–2014: Effects on Graduate Quality and Income Inequality.” *Journal of Human Capital* 11 (1): 1–34. https://doi.org/10.1086/690235."
    );
}

#[test]
fn mla_matches_its_published_examples() {
    let mla = CitationStyle::Mla;
    let goldman = Source {
        title: "Questions of Transport: Reading Primo Levi Reading Dante".into(),
        work: Work::Article,
        authors: vec![person("Goldman", "Anne")],
        container: text("The Georgia Review"),
        date: text("2010"),
        volume: text("64"),
        issue: text("1"),
        pages: text("69-88"),
        ..Source::default()
    };
    assert_eq!(
        styled(&goldman, mla),
        (
            "Goldman, Anne. “Questions of Transport: Reading Primo Levi Reading Dante.” *The Georgia Review*, vol. 64, no. 1, 2010, pp. 69–88.".to_owned(),
            "(Goldman, par. 4)".to_owned()
        )
    );
    let beloved = Source {
        title: "Beloved".into(),
        work: Work::Book,
        authors: vec![person("Morrison", "Toni")],
        publisher: text("Vintage Books"),
        date: text("2004"),
        ..Source::default()
    };
    assert_eq!(
        styled(&beloved, mla).0,
        "Morrison, Toni. *Beloved*. Vintage Books, 2004."
    );
}

#[test]
fn names_with_particles_suffixes_and_other_scripts() {
    let source = |authors: Vec<Name>| Source {
        title: "On names".into(),
        work: Work::Book,
        authors,
        publisher: text("Press"),
        date: text("2020"),
        ..Source::default()
    };
    let apa = |authors: Vec<Name>| styled(&source(authors), CitationStyle::Apa).0;
    let with = |family: &str, given: &str, particle: Option<&str>, suffix: Option<&str>| Name {
        family: family.into(),
        given: Some(given.into()),
        particle: particle.map(Into::into),
        suffix: suffix.map(Into::into),
    };
    assert!(
        apa(vec![with("Beethoven", "Ludwig", Some("van"), None)])
            .starts_with("Beethoven, L. van. (2020).")
    );
    assert!(
        apa(vec![with("King", "Martin Luther", None, Some("Jr."))])
            .starts_with("King, M. L., Jr. (2020).")
    );
    assert!(
        apa(vec![with(
            "Khwarizmi",
            "Muhammad ibn Musa",
            Some("al-"),
            None
        )])
        .contains("Khwarizmi")
    );
    // Romanised Chinese: family name first in the source, inverted as any.
    assert!(apa(vec![person("Xi", "Jinping")]).starts_with("Xi, J. (2020)."));
    // In Chinese characters: family then given, no comma, no initials.
    let hanzi = apa(vec![person("习", "近平")]);
    assert!(hanzi.starts_with("习近平"), "{hanzi}");
    assert!(
        apa(vec![Name::whole("Ministry of Education")])
            .starts_with("Ministry of Education. (2020).")
    );
}

fn short(source: &Source) -> String {
    source.short_cite().unwrap_or_default()
}

#[test]
fn a_source_without_a_title_is_left_out_and_short_cites_read_as_debaters_write_them() {
    let mut map = Map::new("t");
    map.sources.insert("untitled".into(), Source::default());
    map.sources.insert("g".into(), grady());
    let list = reference_list(&map);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].key, "g");
    assert_eq!(short(&grady()), "Grady et al. 2019");
    assert_eq!(short(&aron()), "Aron et al. 2019");
    let two = Source {
        authors: vec![person("Doe", "Jane"), person("Roe", "Richard")],
        date: text("2021-03"),
        ..Source::default()
    };
    assert_eq!(short(&two), "Doe and Roe 2021");
    let old = Source {
        title: "A handout".into(),
        author: text("R. Okafor"),
        ..Source::default()
    };
    assert_eq!(short(&old), "R. Okafor n.d.");
    // No one named and no year: nothing to cite by.
    let bare = Source {
        title: "Pandemic Politics".into(),
        container: text("A series"),
        ..Source::default()
    };
    assert_eq!(bare.short_cite(), None);
    let dated = Source {
        date: text("2020"),
        ..bare
    };
    assert_eq!(
        dated.short_cite().as_deref(),
        Some("Pandemic Politics 2020")
    );
}

#[test]
fn the_reference_list_follows_the_style_order() {
    let mut map = Map::new("t");
    map.sources.insert("z".into(), grady());
    map.sources.insert("a".into(), aron());
    let keys: Vec<String> = reference_list(&map).into_iter().map(|r| r.key).collect();
    assert_eq!(keys, ["a", "z"], "alphabetical by author");
}
