//! Round trips through Argdown and AIF: random maps (property tests) keep
//! their structure (weights and standards included), assessments,
//! positions and titles (through AIF also notes, tags, citations with
//! ranges and quote spans, and the sources); titles the writer made up
//! are never read back as the user's.

use argmap::format::{aif, argdown};
use argmap::model::{
    Assessment, Claim, ClaimId, ClaimKind, Link, LinkId, LinkKind, Map, Pos, Standard, Target,
    Weight,
};
use proptest::prelude::*;

/// A map's structure without ids or positions: each claim by its text,
/// kind and standard, each link by its kind, premises, target and weight,
/// undercuts spelled out through the link they attack.
#[expect(clippy::type_complexity, reason = "A test's description of a map.")]
fn structure(map: &Map) -> (Vec<(String, ClaimKind, Option<Standard>)>, Vec<String>) {
    fn link(map: &Map, id: LinkId, depth: usize) -> String {
        let Some(l) = map.links.get(&id) else {
            return "?".to_owned();
        };
        let mut premises: Vec<&str> = l
            .premises
            .iter()
            .map(|p| map.claims[p].text.as_str())
            .collect();
        premises.sort_unstable();
        let target = match l.target {
            Target::Claim(c) => map.claims[&c].text.clone(),
            Target::Link(t) if depth < 16 => format!("[{}]", link(map, t, depth + 1)),
            Target::Link(_) => "…".to_owned(),
        };
        format!(
            "{:?} {premises:?} -> {target} ({})",
            l.kind,
            l.weight.name()
        )
    }
    let mut claims: Vec<(String, ClaimKind, Option<Standard>)> = map
        .claims
        .values()
        .map(|c| (c.text.clone(), c.kind, c.standard))
        .collect();
    claims.sort_by(|a, b| a.0.cmp(&b.0));
    let mut links: Vec<String> = map.links.keys().map(|&id| link(map, id, 0)).collect();
    links.sort();
    (claims, links)
}

const WORDS: [&str; 12] = [
    "rule",
    "law",
    "法治",
    "Überwachung",
    "ação",
    "data",
    "credit",
    "#tag",
    "AI",
    "trust",
    "don't",
    "50%",
];

const TITLE_WORDS: [&str; 10] = [
    "Rule",
    "by",
    "law",
    "法治",
    "Trust",
    "AI",
    "Überwachung",
    "ação",
    "50%",
    "don't",
];

prop_compose! {
    fn title_text()(words in prop::collection::vec(0..TITLE_WORDS.len(), 1..4)) -> String {
        words.iter().map(|&w| TITLE_WORDS[w]).collect::<Vec<_>>().join(" ")
    }
}

prop_compose! {
    fn claim_text()(words in prop::collection::vec(0..WORDS.len(), 1..6)) -> String {
        words.iter().map(|&w| WORDS[w]).collect::<Vec<_>>().join(" ")
    }
}

/// Random sound maps: unique texts, linked premises, attacks and
/// undercuts (of earlier links, so never a cycle), no repeated link.
fn random_map() -> impl Strategy<Value = Map> {
    (
        prop::collection::vec(
            (
                claim_text(),
                0..5_u8,
                prop::option::of(title_text()),
                prop::option::of(prop::sample::select(Standard::ALL.to_vec())),
            ),
            1..10,
        ),
        prop::collection::vec(
            (
                any::<bool>(),
                prop::collection::vec(any::<prop::sample::Index>(), 1..4),
                any::<prop::sample::Index>(),
                0..4_u8,
                prop_oneof![Just(1000_u16), 1..=1000_u16],
            ),
            0..14,
        ),
    )
        .prop_map(|(claims, links)| {
            let mut map = Map::new("Random");
            let ids: Vec<ClaimId> = claims
                .into_iter()
                .enumerate()
                .map(|(i, (text, kind, title, standard))| {
                    let (kind, assessment) = match kind {
                        0 => (ClaimKind::Claim, None),
                        1 => (ClaimKind::Evidence, None),
                        2 => (ClaimKind::Note, None),
                        3 => (ClaimKind::Claim, Some(Assessment::Accepted)),
                        _ => (ClaimKind::Evidence, Some(Assessment::Rejected)),
                    };
                    map.add_claim(Claim {
                        kind,
                        assessment,
                        // Titles name one claim each, as Argdown's do.
                        title: title.map(|t| format!("{t} t{i}")),
                        standard,
                        ..Claim::new(format!("{text} {i}"), Pos::default())
                    })
                })
                .collect();
            map.thesis = ids.first().copied();
            let mut seen = std::collections::BTreeSet::new();
            for (attack, premises, target, undercut, thousandths) in links {
                let mut premises: Vec<ClaimId> = premises.iter().map(|i| *i.get(&ids)).collect();
                premises.sort();
                premises.dedup();
                let existing: Vec<LinkId> = map.links.keys().copied().collect();
                let target = if undercut == 0 && !existing.is_empty() {
                    Target::Link(*target.get(&existing))
                } else {
                    let t = *target.get(&ids);
                    if premises.contains(&t) {
                        continue;
                    }
                    Target::Claim(t)
                };
                let kind = if attack || matches!(target, Target::Link(_)) {
                    LinkKind::Attack
                } else {
                    LinkKind::Support
                };
                if !seen.insert((kind == LinkKind::Attack, premises.clone(), target)) {
                    continue;
                }
                let weight = Weight::new(f64::from(thousandths) / 1000.0).unwrap_or(Weight::FULL);
                map.add_link(Link {
                    weight,
                    ..Link::new(kind, premises, target)
                });
            }
            map
        })
        .prop_filter("sound maps only", |m| m.validate().is_empty())
}

/// Gives some claims of `map` everything else a claim has: notes (with
/// quotes and line breaks), tags (one with brackets and parentheses),
/// titles with the characters Argdown gives meaning, words over two
/// lines, citations with ranges and quote spans, and the source they
/// cite.
fn decorate(map: &mut Map) {
    map.sources.insert(
        "report".into(),
        argmap::model::Source {
            title: "A review {2021} = \"good\"".into(),
            ..argmap::model::Source::default()
        },
    );
    for (i, claim) in map.claims.values_mut().enumerate() {
        if i % 2 == 0 {
            claim.note = Some(format!(
                "note {i}: \"quoted\" {{braces}} ===\nand a second line"
            ));
        }
        if i % 3 == 0 {
            claim.tags = vec!["hot".into(), format!("t {i} (x) [y]")];
        }
        if i % 4 == 1 {
            claim.title = Some(format!("Title {i} [x] <y>"));
        }
        if i % 6 == 5 {
            claim.text = format!("{}\nsecond line", claim.text);
        }
        if i % 5 == 2 {
            claim.source = Some(argmap::model::Citation {
                to: Some(7),
                quote: argmap::model::Quote::of("Alpha beta gamma.", 6, 10),
                ..argmap::model::Citation::paragraph("report", 5)
            });
        }
    }
}

/// Each claim's words, title, note, tags, citation and assessment.
fn rest(m: &Map) -> Vec<String> {
    let mut all: Vec<String> = m
        .claims
        .values()
        .map(|c| {
            format!(
                "{:?}",
                (&c.text, &c.title, &c.note, &c.tags, &c.source, c.assessment)
            )
        })
        .collect();
    all.sort();
    all
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn argdown_round_trip_keeps_the_structure(map in random_map()) {
        let mut map = map;
        decorate(&mut map);
        let text = argdown::to_argdown(&map);
        let back = argdown::from_argdown(text.as_bytes()).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert!(back.map.validate().is_empty(), "{:?}\n{}", back.map.validate(), text);
        prop_assert_eq!(structure(&back.map), structure(&map), "{}", text);
        prop_assert_eq!(back.map.thesis.map(|t| back.map.claims[&t].text.clone()),
            map.thesis.map(|t| map.claims[&t].text.clone()));
        // Assessments travel as #accepted and #rejected tags.
        let assessments = |m: &Map| {
            let mut all: Vec<(String, Option<Assessment>)> =
                m.claims.values().map(|c| (c.text.clone(), c.assessment)).collect();
            all.sort_by(|a, b| a.0.cmp(&b.0));
            all
        };
        prop_assert_eq!(assessments(&back.map), assessments(&map), "{}", text);
        // Titles the user gave come back as given; claims without one get
        // none (the writer's made-up reference names are not titles).
        let titles = |m: &Map| {
            let mut all: Vec<(String, Option<String>)> =
                m.claims.values().map(|c| (c.text.clone(), c.title.clone())).collect();
            all.sort();
            all
        };
        prop_assert_eq!(titles(&back.map), titles(&map), "{}", text);
        // Notes, tags, citations and words over several lines come back
        // whole from the statements' data, the sources from the front
        // matter.
        prop_assert_eq!(rest(&back.map), rest(&map), "{}", text);
        prop_assert_eq!(&back.map.sources, &map.sources);
    }

    #[test]
    fn aif_round_trip_keeps_the_structure_and_positions(map in random_map()) {
        let mut map = map;
        for (i, claim) in map.claims.values_mut().enumerate() {
            #[expect(clippy::cast_precision_loss, reason = "small counts, exact in f32")]
            let x = i as f32 * 300.0;
            claim.pos = Pos { x, y: -x / 2.0 };
        }
        decorate(&mut map);
        let text = aif::to_aif(&map);
        let back = aif::from_aif(text.as_bytes()).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert!(back.map.validate().is_empty());
        prop_assert_eq!(structure(&back.map), structure(&map), "{}", text);
        // Notes, tags, titles, citations and assessments come back whole,
        // from Argmap's own record, and so do the sources they cite.
        prop_assert_eq!(rest(&back.map), rest(&map));
        prop_assert_eq!(&back.map.sources, &map.sources);
        prop_assert!(back.positioned);
        let positions = |m: &Map| m.claims.values().map(|c| (c.text.clone(), c.pos.x, c.pos.y)).collect::<Vec<_>>();
        let mut a = positions(&back.map);
        let mut b = positions(&map);
        a.sort_by(|x, y| x.0.cmp(&y.0));
        b.sort_by(|x, y| x.0.cmp(&y.0));
        prop_assert_eq!(a, b);
    }
}

#[test]
fn claim_titles_travel_through_argdown_and_are_never_made_up() {
    let mut map = Map::new("Titles");
    let titled = map.add_claim(Claim {
        title: Some("Homework ban".to_owned()),
        ..Claim::new(
            "Schools should not set homework before the age of eleven.",
            Pos::default(),
        )
    });
    let plain = map.add_claim(Claim::new(
        "Pupils need their evenings to rest.",
        Pos::default(),
    ));
    map.thesis = Some(titled);
    map.add_link(Link::new(
        LinkKind::Support,
        vec![plain],
        Target::Claim(titled),
    ));
    let text = argdown::to_argdown(&map);
    assert!(
        text.contains("[Homework ban]: Schools should not set homework"),
        "{text}"
    );
    let back = argdown::from_argdown(text.as_bytes()).expect("reads").map;
    let title_of = |t: &str| {
        back.claims
            .values()
            .find(|c| c.text.starts_with(t))
            .map(|c| c.title.clone())
            .expect("the claim")
    };
    assert_eq!(
        title_of("Schools should not"),
        Some("Homework ban".to_owned())
    );
    // The title Argmap's writer derived for the other is not read back as
    // one the user gave.
    assert_eq!(title_of("Pupils need"), None);
    // Shown titles: the user's, else the first words.
    assert_eq!(
        back.claims[&back.thesis.expect("thesis")].shown_title(),
        "Homework ban"
    );
    assert_eq!(
        argmap::model::derived_title("Pupils need their evenings to rest, and more."),
        "Pupils need their evenings to"
    );
    assert_eq!(
        argmap::model::derived_title("Supercalifragilistic."),
        "Supercalifragilistic"
    );
}
