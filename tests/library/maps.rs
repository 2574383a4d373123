//! Every map shipped in `maps/` loads, is sound, and is saved byte for byte
//! as it is stored; the bundled article map has the structure it promises.

#![expect(
    clippy::disallowed_methods,
    reason = "Tests make, change and read real files themselves."
)]

use std::collections::BTreeSet;
use std::path::Path;

use argmap::eval::Label;
use argmap::format::ron;
use argmap::model::{Citation, ClaimId, ClaimKind, LinkKind, Map, Role, Target, Weight};
use argmap::store;

use crate::common::shipped_maps;

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
        "China seems to take the tensions of algorithmic rule seriously",
        "less an all-seeing AI surveillance machine than",
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

/// The claim whose title is `title`.
fn titled(map: &Map, title: &str) -> ClaimId {
    map.claims
        .iter()
        .find(|(_, c)| c.title.as_deref() == Some(title))
        .map_or_else(|| panic!("no claim is titled {title:?}"), |(&id, _)| id)
}

/// The bundled map, evaluated, says what the article says: its thesis
/// holds, and so does every finding the article states as fact; the
/// relations read as the article argues them.
#[test]
fn the_article_map_evaluated_says_what_the_article_says() {
    let map = article_map();
    let evaluation = argmap::eval::evaluate(&map);
    let thesis = map.thesis.expect("a thesis");
    assert_eq!(evaluation.claim(thesis), Label::In);
    for (id, claim) in &map.claims {
        let Some((first, last)) = claim.source.as_ref().and_then(Citation::paragraphs) else {
            continue;
        };
        if (first..=last).any(|p| [1, 2, 8, 12, 13, 24].contains(&p)) {
            assert_eq!(
                evaluation.claim(*id),
                Label::In,
                "#{id} {:?} cites a finding and must hold: {}",
                claim.shown_title(),
                argmap::eval::why_text(&map, &evaluation.why_claim(&map, *id))
            );
        }
    }
    let link = |premise: ClaimId, target: Target| {
        map.links
            .iter()
            .find(|(_, l)| l.premises == [premise] && l.target == target)
            .map(|(&id, l)| (id, l.kind, l.weight))
    };
    let not_a_machine = titled(&map, "Not an AI surveillance machine");
    // It bears on the thesis directly.
    assert!(matches!(
        link(not_a_machine, Target::Claim(thesis)),
        Some((_, LinkKind::Support, _))
    ));
    // The call for vigilance is a caution that weighs little against a
    // finding about the present.
    let vigilance = titled(&map, "Vigilance still warranted");
    let (_, kind, weight) = link(vigilance, Target::Claim(not_a_machine)).expect("vigilance");
    assert_eq!(kind, LinkKind::Attack);
    assert!(weight < Weight::HALF, "{weight:?}");
    // ¶7 grants that big tech was kept out, and undercuts only its bearing.
    let kept_out = titled(&map, "Big tech kept out");
    let (bearing, _, _) = link(kept_out, Target::Claim(not_a_machine)).expect("its bearing");
    let unicorns = titled(&map, "Unicorns grew up in surveillance work");
    assert!(link(unicorns, Target::Claim(kept_out)).is_none());
    assert!(link(unicorns, Target::Link(bearing)).is_some());
    assert_eq!(evaluation.claim(kept_out), Label::In);
    assert_eq!(evaluation.link(bearing), Label::Out);
    // The domestic cameras do not support the export claim; Face++
    // answers their claimed omniscience.
    let cameras = titled(&map, "Camera networks keep spreading");
    let exports = titled(&map, "Platforms exported to 80 countries");
    assert!(link(cameras, Target::Claim(exports)).is_none());
    let (cameras_link, _, _) = link(cameras, Target::Claim(not_a_machine)).expect("cameras");
    let face = titled(&map, "Face recognition overhyped");
    assert!(link(face, Target::Link(cameras_link)).is_some());
    assert!(map.claims[&cameras].text.contains("total surveillance"));
    assert!(map.claims[&cameras].text.contains("civilian-owned cameras"));
    assert!(map.claims[&face].text.contains("claimed"));
    assert!(!map.claims[&face].text.contains("admitted"));
    // The UK report also supports the West's missing coordination, and
    // does not say "mainly".
    let uk = titled(&map, "UK report: data for growth");
    let coordination = titled(&map, "The West lacks coordination");
    assert!(link(uk, Target::Claim(coordination)).is_some());
    assert!(!map.claims[&uk].text.contains("mainly"));
    // Rule by law cites ¶22–23 and credits the institute.
    let by_law = titled(&map, "Rule by law (法治)");
    let citation = map.claims[&by_law]
        .source
        .as_ref()
        .and_then(Citation::paragraphs);
    assert_eq!(citation, Some((22, 23)));
    assert!(
        map.claims[&by_law]
            .text
            .contains("Institute for International and Security Affairs")
    );
    // Police Cloud, not the credit system, is tied to Xinjiang.
    for title in ["Tribunal: genocide in Xinjiang", "Police Cloud is separate"] {
        let text = &map.claims[&titled(&map, title)].text;
        assert!(
            text.contains("Police Cloud") && text.contains("Xinjiang"),
            "{text}"
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

/// The presentation order chosen in the steps panel is kept in the file
/// (`presentation: (order: Source)`), and a file without it reads as
/// depth first.
#[test]
fn the_presentation_order_is_saved_and_read_back() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/social-credit-system.ron");
    let mut map = argmap::store::read_map(&path).expect("loads");
    assert_eq!(map.presentation.order, argmap::model::StepsBy::DepthFirst);
    for order in argmap::model::StepsBy::ALL {
        map.presentation.order = order;
        let text = argmap::format::ron::to_string(&map);
        assert_eq!(
            text.contains(&format!("order: {order:?}")),
            !order.is_default(),
            "{text}"
        );
        assert_eq!(argmap::format::ron::load(text.as_bytes()), Ok(map.clone()));
    }
}
