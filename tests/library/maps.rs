//! Every map shipped in `maps/` loads, is sound, and is saved byte for byte
//! as it is stored; the bundled article map has the structure it promises.

#![expect(
    clippy::disallowed_methods,
    reason = "Tests make, change and read real files themselves."
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use argmap::format::ron;
use argmap::model::{ClaimKind, LinkKind, Map, Role, Target};
use argmap::store;

fn shipped_maps() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps");
    let mut maps: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("maps/ is readable")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    maps.sort();
    maps
}

#[test]
fn every_shipped_map_loads_and_is_sound() {
    let maps = shipped_maps();
    assert!(
        maps.len() >= 3,
        "the article map and two starters: {maps:?}"
    );
    for path in maps {
        let parsed = store::parse_map(&path).unwrap_or_else(|err| panic!("{err}"));
        assert!(
            parsed.problems.is_empty(),
            "{}: {:?}",
            path.display(),
            parsed.problems
        );
        assert!(
            !parsed.map.title.is_empty(),
            "{} has a title",
            path.display()
        );
        assert!(
            parsed.map.thesis.is_some(),
            "{} has a thesis",
            path.display()
        );
    }
}

#[test]
fn every_shipped_map_round_trips_byte_for_byte() {
    for path in shipped_maps() {
        let bytes = std::fs::read(&path).expect("readable");
        let map = ron::load(&bytes).expect("loads");
        let saved = ron::to_string(&map);
        assert_eq!(
            saved,
            String::from_utf8_lossy(&bytes),
            "{} is not in the canonical layout: run `argmap fmt` on it",
            path.display()
        );
        let again = ron::load(saved.as_bytes()).expect("reloads");
        assert_eq!(
            again,
            map,
            "{}: load → save → load changed the map",
            path.display()
        );
        assert_eq!(
            ron::to_string(&again),
            saved,
            "{}: re-save is not stable",
            path.display()
        );
    }
}

fn article_map() -> Map {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/social-credit-system.ron");
    store::read_map(&path).expect("the bundled map loads")
}

#[test]
fn the_article_map_covers_the_article() {
    let map = article_map();
    assert!(map.claims.len() >= 30, "{} claims", map.claims.len());
    let all_text: String = map
        .claims
        .values()
        .map(|c| c.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for must in [
        "rule by law",
        "法治",
        "Fǎzhì",
        "Trustworthy AI",
        "automated",
        "Operation Cyber Sword (网剑行动)",
        "face recognition",
        "security apparatus",
        "Police Cloud (警务云)",
        "adopted by at least 80 countries",
        "China appears to take the tensions of algorithmic government seriously",
    ] {
        assert!(all_text.contains(must), "no claim mentions {must:?}");
    }
    // Every claim cites its paragraph of the article (41 paragraphs of
    // text; the 42nd, the credits, is marked not argument).
    assert!(map.sources.contains_key("article"));
    for (id, claim) in &map.claims {
        let citation = claim
            .source
            .as_ref()
            .unwrap_or_else(|| panic!("claim {id} cites nothing"));
        assert_eq!(citation.doc, "article", "claim {id}");
        assert!(
            citation.para.is_some_and(|p| (1..=41).contains(&p)),
            "claim {id} cites paragraph {:?}",
            citation.para
        );
    }
}

#[test]
fn the_article_map_uses_every_structure() {
    let map = article_map();
    let roles = Role::all(&map);
    assert_eq!(roles[&map.thesis.expect("thesis")], Role::Thesis);
    assert!(
        map.links.values().any(|l| l.premises.len() > 1),
        "a linked-premise link"
    );
    assert!(
        map.links
            .values()
            .any(|l| l.kind == LinkKind::Attack && matches!(l.target, Target::Link(_))),
        "an undercutter"
    );
    // Objections are answered: the article concedes what its objections
    // say and denies only that it bears on the credit system, so its
    // answers are undercuts of their inferences (into an objection, or of
    // the attack itself), not rebuttals of the claims.
    let answers_to_objections = map
        .links
        .values()
        .filter_map(|l| match l.target {
            Target::Link(undercut) => map.links.get(&undercut),
            Target::Claim(_) => None,
        })
        .filter(|undercut| match undercut.target {
            Target::Claim(target) => {
                roles[&target] == Role::Counterpoint || undercut.kind == LinkKind::Attack
            }
            Target::Link(_) => false,
        })
        .count();
    assert!(
        answers_to_objections >= 3,
        "answers to objections: {answers_to_objections}"
    );
    let used: Vec<Role> = roles.values().copied().collect();
    for role in [
        Role::Thesis,
        Role::Premise,
        Role::Counterpoint,
        Role::Undercutter,
    ] {
        assert!(used.contains(&role), "no claim is a {}", role.label());
    }
    let kinds: BTreeSet<&str> = map.claims.values().map(|c| c.kind.label()).collect();
    for kind in ClaimKind::ALL {
        assert!(
            kinds.contains(kind.label()),
            "no claim of kind {}",
            kind.label()
        );
    }
}

/// With the article beside the project (`../shared/seed/article.txt`),
/// every citation of the bundled map falls inside its 42 paragraphs and
/// every quoted span still holds the words it was made from; all the
/// article's paragraphs of argument are mapped.
#[test]
fn the_article_map_quotes_the_article_where_it_is_present() {
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/article.txt");
    if !article.exists() {
        eprintln!(
            "{} is not here: nothing to check against",
            article.display()
        );
        return;
    }
    let text = argmap::source::SourceText::from_file(&article).expect("the article reads");
    assert_eq!(text.len(), 42);
    let map = article_map();
    let coverage = argmap::source::coverage(&map, "article", &text);
    assert!(coverage.beyond_end.is_empty(), "{:?}", coverage.beyond_end);
    assert!(
        coverage.stale_quotes.is_empty(),
        "{:?}",
        coverage.stale_quotes
    );
    assert_eq!(coverage.unmapped, Vec::<u32>::new());
    assert_eq!(coverage.summary(), "41 of 41 paragraphs mapped");
    // Every claim from the article (all but the note) keeps a quote.
    for (id, claim) in &map.claims {
        if claim.kind != ClaimKind::Note {
            let citation = claim.source.as_ref().expect("cites");
            assert!(citation.quote.is_some(), "claim {id} keeps no quote");
        }
    }
}
