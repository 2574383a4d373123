//! Kialo exports read and written: a fixture of our own with every
//! construct the format has (a discussion title with escapes, two theses,
//! Pro and Con, a claim over several lines and a blank one, `-> See`
//! backwards and forwards, under a `-> See`, and to a claim that does not
//! exist, escapes, Markdown links, a number inside a claim's text), and
//! round trips over random maps: what Kialo carries comes back the same,
//! and what it cannot carry is counted.

use std::collections::BTreeSet;

use argmap::format::kialo::{from_kialo, is_kialo, to_kialo};
use argmap::model::{Claim, ClaimId, ClaimKind, Link, LinkKind, Map, Pos, Target, Weight};
use proptest::prelude::*;

use crate::common::fixture;

/// Each link as (premise's text, target's text, whether it supports).
fn links(map: &Map) -> BTreeSet<(String, String, bool)> {
    let text = |id: &ClaimId| map.claims[id].text.clone();
    map.links
        .values()
        .filter_map(|l| match l.target {
            Target::Claim(t) => Some((text(&l.premises[0]), text(&t), l.kind == LinkKind::Support)),
            Target::Link(_) => None,
        })
        .collect()
}

fn texts(map: &Map) -> BTreeSet<String> {
    map.claims.values().map(|c| c.text.clone()).collect()
}

#[test]
fn every_construct_of_the_fixture_is_read() {
    #[expect(clippy::disallowed_methods, reason = "the test reads its fixture")]
    let bytes = std::fs::read(fixture("kialo/every-construct.txt")).expect("fixture");
    assert!(is_kialo(&bytes));
    let imported = from_kialo(&bytes).expect("a Kialo export");
    let map = &imported.map;
    assert_eq!(map.title, "Should primary schools set homework (at all)?");
    assert_eq!(map.claims.len(), 9, "a `-> See` is a link, never a copy");
    let thesis = map.thesis.expect("the first thesis");
    assert_eq!(
        map.claims[&thesis].text,
        "Primary schools should stop setting homework."
    );
    let all = texts(map);
    for text in [
        "Homework builds habits of independent study\nthat secondary school expects.\n\nTeachers in year seven say so.",
        "Habits can be built in class time (see the pilot schools).",
        "The WHO guidance (https://www.who.int/news-room/fact-sheets) asks for an hour of active play a day.",
        "1. Reading *every* day, 2. spelling lists: both need practice at home.",
        "Homework should be set, but kept short.",
    ] {
        assert!(all.contains(text), "{text:?} in {all:?}");
    }
    let l = links(map);
    let has = |from: &str, to: &str, kind| {
        l.iter().any(|(p, t, k)| {
            p.starts_with(from) && t.starts_with(to) && *k == (kind == LinkKind::Support)
        })
    };
    assert_eq!(l.len(), 10);
    assert!(has("Young children", "Primary schools", LinkKind::Support));
    assert!(has("Homework builds", "Primary schools", LinkKind::Attack));
    // `-> See` backwards, and under a claim's answers.
    assert!(has(
        "Habits can be built",
        "Clubs and sport",
        LinkKind::Support
    ));
    assert!(has(
        "Young children",
        "Habits can be built",
        LinkKind::Support
    ));
    // From the second thesis's tree into the first's.
    assert!(has(
        "Young children",
        "Homework should be set",
        LinkKind::Attack
    ));
    assert_eq!(
        imported.report,
        [
            "1 reference to claims the discussion does not have, left out: 1.3 (line 15) → 3.1",
            "2 theses: the first is the map's thesis, the others stand beside it",
        ]
    );
}

#[test]
fn the_fixture_goes_out_and_back_the_same() {
    #[expect(clippy::disallowed_methods, reason = "the test reads its fixture")]
    let bytes = std::fs::read(fixture("kialo/every-construct.txt")).expect("fixture");
    let map = from_kialo(&bytes).expect("read").map;
    let (text, losses) = to_kialo(&map);
    assert!(losses.is_empty(), "{losses:?}");
    let back = from_kialo(text.as_bytes()).expect("read back").map;
    assert_eq!(back.title, map.title);
    assert_eq!(texts(&back), texts(&map));
    assert_eq!(links(&back), links(&map));
    assert_eq!(
        back.thesis.map(|t| back.claims[&t].text.clone()),
        map.thesis.map(|t| map.claims[&t].text.clone())
    );
}

#[test]
fn what_kialo_cannot_carry_is_counted_by_kind() {
    let mut map = Map::new("Homework");
    let thesis = map.add_claim(Claim {
        title: Some("Ban it".into()),
        ..Claim::new("Ban homework", Pos::default())
    });
    map.thesis = Some(thesis);
    let a = map.add_claim(Claim {
        note: Some("From the pilot".into()),
        kind: ClaimKind::Evidence,
        tags: vec!["pilot".into()],
        ..Claim::new("Pupils rest more", Pos::default())
    });
    let b = map.add_claim(Claim::new("Sleep improves", Pos::default()));
    let c = map.add_claim(Claim::new("Rest is not learning", Pos::default()));
    map.add_claim(Claim {
        kind: ClaimKind::Note,
        ..Claim::new("Ask the teachers", Pos::default())
    });
    let link = map.add_link(Link {
        weight: Weight::step(2).expect("modest"),
        ..Link::new(LinkKind::Support, vec![a, b], Target::Claim(thesis))
    });
    map.add_link(Link::new(LinkKind::Attack, vec![c], Target::Link(link)));
    let (text, losses) = to_kialo(&map);
    assert_eq!(
        losses,
        [
            "Kialo has no undercuts: 1 undercut written as attacks on the premise",
            "Kialo has no linked premises: 1 link of several premises written as separate reasons",
            "Kialo has no weights: 1 weight not carried",
            "Kialo has no titles: 1 title not carried",
            "Kialo has no notes on claims: 1 note not carried",
            "Kialo has no tags: 1 tagged claim not carried",
            "Kialo has no evidence: 1 evidence claim written as plain claims",
            "Kialo has no note cards: 1 note card left out",
        ]
    );
    let back = from_kialo(text.as_bytes()).expect("read back").map;
    let l = links(&back);
    assert!(l.contains(&("Pupils rest more".into(), "Ban homework".into(), true)));
    assert!(l.contains(&("Sleep improves".into(), "Ban homework".into(), true)));
    // The undercut as an attack on each premise: one written, the other a
    // `-> See` of it.
    assert!(l.contains(&(
        "Rest is not learning".into(),
        "Pupils rest more".into(),
        false
    )));
    assert!(l.contains(&(
        "Rest is not learning".into(),
        "Sleep improves".into(),
        false
    )));
    assert_eq!(
        back.claims.len(),
        4,
        "the note card left out, nothing copied"
    );
}

/// Words a claim may hold, Markdown's marks and numbers among them.
fn word() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "homework", "play", "(see", "below)", "[1]", "*every*", "_day_", "#3", "a\\b", "1.",
        "2.3.", "Pro:", "Con:", "->", "See", "—", "社会", "`code`", "50%", "x.y",
    ])
    .prop_map(str::to_owned)
}

/// A claim's text: words on one line, or two lines (a line may start
/// with a number and a dot, as a list inside a claim would).
fn claim_text(n: usize) -> impl Strategy<Value = String> {
    (
        prop::collection::vec(word(), 1..6),
        prop::collection::vec(word(), 0..4),
    )
        .prop_map(move |(first, second)| {
            let mut text = format!("c{n} {}", first.join(" "));
            if !second.is_empty() {
                text.push('\n');
                text.push_str(&second.join(" "));
            }
            text
        })
}

/// A random tree of `n` claims under a thesis, each answering an earlier
/// claim for or against, some used twice; titles, notes and weights here
/// and there.
fn random_map() -> impl Strategy<Value = Map> {
    (2usize..14).prop_flat_map(|n| {
        let texts: Vec<_> = (0..n).map(claim_text).collect();
        (
            texts,
            prop::collection::vec(
                (any::<prop::sample::Index>(), any::<bool>(), any::<u8>()),
                n,
            ),
        )
            .prop_map(|(texts, shape)| {
                let mut map = Map::new("Random [discussion] (test)");
                let ids: Vec<ClaimId> = texts
                    .into_iter()
                    .enumerate()
                    .map(|(i, text)| {
                        map.add_claim(Claim {
                            title: (i % 3 == 1).then(|| format!("T{i}")),
                            note: (i % 4 == 2).then(|| "a note".to_owned()),
                            ..Claim::new(text, Pos::default())
                        })
                    })
                    .collect();
                map.thesis = ids.first().copied();
                for (i, &(parent, support, extra)) in shape.iter().enumerate().skip(1) {
                    let parent = ids[parent.index(i)];
                    let kind = if support {
                        LinkKind::Support
                    } else {
                        LinkKind::Attack
                    };
                    map.add_link(Link {
                        weight: if extra % 5 == 0 {
                            Weight::step(3).expect("moderate")
                        } else {
                            Weight::FULL
                        },
                        ..Link::new(kind, vec![ids[i]], Target::Claim(parent))
                    });
                    // Now and then the claim also answers a second, earlier one.
                    if extra % 7 == 0 && i > 1 {
                        let other = ids[usize::from(extra) % i];
                        if other != parent {
                            map.add_link(Link::new(kind, vec![ids[i]], Target::Claim(other)));
                        }
                    }
                }
                map
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// RON → Kialo → RON: every claim's words and every link come back;
    /// the titles, notes and weights Kialo lacks are counted.
    #[test]
    fn random_maps_go_out_to_kialo_and_back(map in random_map()) {
        let (text, losses) = to_kialo(&map);
        let back = from_kialo(text.as_bytes()).expect("read back").map;
        prop_assert_eq!(texts(&back), texts(&map));
        prop_assert_eq!(links(&back), links(&map));
        prop_assert_eq!(&back.title, &map.title);
        let titles = map.claims.values().filter(|c| c.title.is_some()).count();
        if titles > 0 {
            let expected = format!(
                "Kialo has no titles: {} not carried",
                argmap::words::count(titles, "title")
            );
            prop_assert!(losses.contains(&expected), "{:?}", losses);
        }
    }
}

#[test]
fn words_that_look_like_the_formats_marks_stay_words() {
    let mut map = Map::new("Marks");
    let thesis = map.add_claim(Claim::new("Pro: a thesis that starts so", Pos::default()));
    map.thesis = Some(thesis);
    let see = map.add_claim(Claim::new("-> See 1. is how Kialo points", Pos::default()));
    map.add_link(Link::new(
        LinkKind::Attack,
        vec![see],
        Target::Claim(thesis),
    ));
    let (text, _) = to_kialo(&map);
    let back = from_kialo(text.as_bytes()).expect("read back").map;
    assert_eq!(texts(&back), texts(&map), "{text}");
    assert_eq!(links(&back), links(&map));
}
