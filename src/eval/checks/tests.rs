use super::*;
use crate::eval::evaluate;
use crate::model::{Assessment, Citation, Claim, Link, Pos, Source};

fn claim(map: &mut Map, text: &str) -> ClaimId {
    map.add_claim(Claim::new(text, Pos::default()))
}

fn link(map: &mut Map, kind: LinkKind, premise: ClaimId, target: ClaimId) -> crate::model::LinkId {
    map.add_link(Link::new(kind, vec![premise], Target::Claim(target)))
}

/// The findings of `map` as (rule, claim) pairs.
fn found(map: &Map) -> Vec<(Rule, Option<ClaimId>)> {
    check(map, &evaluate(map))
        .into_iter()
        .map(|f| (f.rule, f.claim))
        .collect()
}

/// A sound little map: a thesis with a reason and an answered objection.
fn sound() -> (Map, ClaimId) {
    let mut map = Map::new("m");
    let thesis = claim(&mut map, "Homework should be optional.");
    map.thesis = Some(thesis);
    let reason = claim(&mut map, "Children need time to rest.");
    link(&mut map, LinkKind::Support, reason, thesis);
    let objection = claim(&mut map, "Practice builds habits.");
    link(&mut map, LinkKind::Attack, objection, thesis);
    let rebuttal = claim(&mut map, "Habits form at school too.");
    link(&mut map, LinkKind::Attack, rebuttal, objection);
    (map, thesis)
}

#[test]
fn a_sound_map_has_no_findings() {
    let (map, _) = sound();
    assert_eq!(found(&map), []);
}

#[test]
fn a_missing_thesis_and_an_orphan_are_found() {
    let (mut map, _) = sound();
    let loose = claim(&mut map, "Schools differ.");
    assert_eq!(found(&map), [(Rule::Orphan, Some(loose))]);
    map.thesis = None;
    assert_eq!(found(&map), [(Rule::ThesisMissing, None)]);
}

#[test]
fn proof_mode_wants_a_reason_for_every_claim_but_evidence_and_accepted_ones() {
    let (mut map, thesis) = sound();
    map.evaluation.mode = Mode::Proof;
    let findings = found(&map);
    let unsupported: Vec<Option<ClaimId>> = findings
        .iter()
        .filter(|(r, _)| *r == Rule::UnsupportedClaim)
        .map(|(_, c)| *c)
        .collect();
    // Reason, objection and rebuttal have no reason of their own.
    assert_eq!(
        unsupported,
        [Some(ClaimId(2)), Some(ClaimId(3)), Some(ClaimId(4))]
    );
    map.claims.get_mut(&ClaimId(2)).expect("reason").kind = ClaimKind::Evidence;
    map.claims
        .get_mut(&ClaimId(3))
        .expect("objection")
        .assessment = Some(Assessment::Accepted);
    let unsupported = found(&map)
        .into_iter()
        .filter(|(r, _)| *r == Rule::UnsupportedClaim)
        .count();
    assert_eq!(unsupported, 1);
    assert!(map.claims.contains_key(&thesis));
}

#[test]
fn an_objection_that_stands_unanswered_is_found() {
    let mut map = Map::new("m");
    let thesis = claim(&mut map, "Homework should be optional.");
    map.thesis = Some(thesis);
    let objection = claim(&mut map, "Practice builds habits.");
    link(&mut map, LinkKind::Attack, objection, thesis);
    assert_eq!(found(&map), [(Rule::UnansweredObjection, Some(objection))]);
}

#[test]
fn claims_supporting_each_other_in_a_circle_are_found() {
    let mut map = Map::new("m");
    let a = claim(&mut map, "A is true.");
    let b = claim(&mut map, "B is true.");
    let c = claim(&mut map, "C is true.");
    map.thesis = Some(a);
    link(&mut map, LinkKind::Support, b, a);
    link(&mut map, LinkKind::Support, c, b);
    link(&mut map, LinkKind::Support, a, c);
    let findings = check(&map, &evaluate(&map));
    let circular: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.rule == Rule::Circular)
        .collect();
    assert_eq!(circular.len(), 1, "{findings:?}");
    assert!(
        circular[0]
            .message
            .starts_with("#1, #3, #2 support each other"),
        "{}",
        circular[0].message
    );
}

#[test]
fn each_circle_is_named_once_and_a_long_chain_is_no_circle() {
    let mut map = Map::new("m");
    let thesis = claim(&mut map, "The thesis holds.");
    map.thesis = Some(thesis);
    // A chain of reasons thousands deep, which must not be mistaken for a
    // circle (nor take long to tell apart from one).
    let mut below = thesis;
    for i in 0..3000 {
        let reason = claim(&mut map, &format!("Reason number {i} holds."));
        link(&mut map, LinkKind::Support, reason, below);
        below = reason;
    }
    // Two circles: a claim supporting itself, and three claims going round
    // with a shortcut (one circle for the three, named by its shortest way).
    let alone = claim(&mut map, "It is so because it is.");
    link(&mut map, LinkKind::Support, alone, alone);
    link(&mut map, LinkKind::Support, alone, thesis);
    let a = claim(&mut map, "First of the ring.");
    let b = claim(&mut map, "Second of the ring.");
    let c = claim(&mut map, "Third of the ring.");
    link(&mut map, LinkKind::Support, a, b);
    link(&mut map, LinkKind::Support, b, c);
    link(&mut map, LinkKind::Support, c, a);
    link(&mut map, LinkKind::Support, b, a);
    link(&mut map, LinkKind::Support, a, thesis);
    let circles: Vec<(Option<ClaimId>, String)> = check(&map, &evaluate(&map))
        .into_iter()
        .filter(|f| f.rule == Rule::Circular)
        .map(|f| (f.claim, f.message))
        .collect();
    assert_eq!(circles.len(), 2, "{circles:?}");
    assert_eq!(circles[0].0, Some(alone));
    assert!(
        circles[0]
            .1
            .starts_with(&format!("#{} supports itself", alone.0))
    );
    assert_eq!(circles[1].0, Some(a));
    assert!(
        circles[1]
            .1
            .starts_with(&format!("#{}, #{} support", a.0, b.0)),
        "{}",
        circles[1].1
    );
}

#[test]
fn two_claims_in_one_card_are_found() {
    let mut map = Map::new("m");
    let thesis = claim(
        &mut map,
        "Homework should be optional because children need rest.",
    );
    map.thesis = Some(thesis);
    let two = claim(
        &mut map,
        "Pupils are tired. They learn less in the evening.",
    );
    link(&mut map, LinkKind::Support, two, thesis);
    let fine = claim(&mut map, "Since 2010, workloads grew.");
    link(&mut map, LinkKind::Support, fine, thesis);
    let abbreviation = claim(&mut map, "The U.S. study found it.");
    link(&mut map, LinkKind::Support, abbreviation, thesis);
    // A purpose and a time are not reasons.
    let purpose = claim(&mut map, "Schools plan breaks so that pupils rest.");
    link(&mut map, LinkKind::Support, purpose, thesis);
    let time = claim(&mut map, "Workloads have grown since 2008.");
    link(&mut map, LinkKind::Support, time, thesis);
    let so = claim(&mut map, "Pupils are tired so they learn less.");
    link(&mut map, LinkKind::Support, so, thesis);
    let unfinished = claim(&mut map, "Pupils are bored. They skip the reading");
    link(&mut map, LinkKind::Support, unfinished, thesis);
    assert_eq!(
        found(&map),
        [
            (Rule::TwoClaimsInOne, Some(thesis)),
            (Rule::TwoClaimsInOne, Some(two)),
            (Rule::TwoClaimsInOne, Some(so)),
            (Rule::TwoClaimsInOne, Some(unfinished))
        ]
    );
}

#[test]
fn duplicates_empty_cards_notes_as_premises_and_long_claims_are_found() {
    let (mut map, thesis) = sound();
    let again = claim(&mut map, "children need time, to rest!");
    link(&mut map, LinkKind::Support, again, thesis);
    let empty = claim(&mut map, "  ");
    link(&mut map, LinkKind::Support, empty, thesis);
    let note = map.add_claim(Claim {
        kind: ClaimKind::Note,
        ..Claim::new("Remember the survey.", Pos::default())
    });
    link(&mut map, LinkKind::Support, note, thesis);
    let long = claim(&mut map, &"word ".repeat(41));
    link(&mut map, LinkKind::Support, long, thesis);
    assert_eq!(
        found(&map),
        [
            (Rule::Duplicate, Some(again)),
            (Rule::EmptyClaim, Some(empty)),
            (Rule::NoteAsPremise, Some(note)),
            (Rule::TooLong, Some(long)),
        ]
    );
    let findings = check(&map, &evaluate(&map));
    assert!(
        findings[0].message.contains("#2"),
        "{}",
        findings[0].message
    );
}

#[test]
fn evidence_needs_a_citation_once_the_map_has_sources() {
    let (mut map, thesis) = sound();
    let fact = map.add_claim(Claim {
        kind: ClaimKind::Evidence,
        ..Claim::new("A survey of 2,000 pupils.", Pos::default())
    });
    link(&mut map, LinkKind::Support, fact, thesis);
    assert_eq!(found(&map), []);
    map.sources.insert("survey".into(), Source::default());
    assert_eq!(found(&map), [(Rule::UncitedEvidence, Some(fact))]);
    map.claims.get_mut(&fact).expect("fact").source = Some(Citation {
        doc: "survey".into(),
        para: Some(2),
        ..Citation::default()
    });
    assert_eq!(found(&map), []);
}

#[test]
fn assessments_the_map_contradicts_are_found() {
    let (mut map, thesis) = sound();
    // Rejected, though its reason holds, and its only objection is
    // rebutted: still attacked, so no conflict.
    map.claims.get_mut(&thesis).expect("thesis").assessment = Some(Assessment::Rejected);
    assert_eq!(found(&map), []);
    // Without the objection, nothing attacks it: a conflict.
    let objection_link = map
        .links
        .iter()
        .find(|(_, l)| l.kind == LinkKind::Attack && l.target == Target::Claim(thesis))
        .map(|(&id, _)| id)
        .expect("objection");
    map.links.remove(&objection_link);
    map.claims.remove(&ClaimId(3));
    map.claims.remove(&ClaimId(4));
    map.links.retain(|_, l| l.premises != [ClaimId(4)]);
    assert_eq!(found(&map), [(Rule::AssessmentConflict, Some(thesis))]);
    // Accepted while an objection stands.
    let mut map = Map::new("m");
    let thesis = claim(&mut map, "Homework should be optional.");
    map.thesis = Some(thesis);
    map.claims.get_mut(&thesis).expect("thesis").assessment = Some(Assessment::Accepted);
    let objection = claim(&mut map, "Practice builds habits.");
    link(&mut map, LinkKind::Attack, objection, thesis);
    let rules: Vec<Rule> = found(&map).into_iter().map(|(r, _)| r).collect();
    assert_eq!(rules, [Rule::UnansweredObjection, Rule::AssessmentConflict]);
    let said = |map: &Map| {
        check(map, &evaluate(map))
            .into_iter()
            .filter(|f| f.rule == Rule::AssessmentConflict)
            .map(|f| f.message)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        said(&map),
        ["You accepted it, but the objection from #2 stands: answer it, or clear the assessment."]
    );
    // An accepted objection that a rebuttal answers: the rebuttal is named
    // as its card names it.
    let (mut map, _) = sound();
    map.claims
        .get_mut(&ClaimId(3))
        .expect("objection")
        .assessment = Some(Assessment::Accepted);
    assert_eq!(
        said(&map),
        ["You accepted it, but the rebuttal from #4 stands: answer it, or clear the assessment."]
    );
}

#[test]
fn rules_switched_off_for_a_map_find_nothing() {
    let (mut map, _) = sound();
    claim(&mut map, "Schools differ.");
    map.evaluation.checks_off.insert("orphan".to_owned());
    assert_eq!(found(&map), []);
    for rule in Rule::ALL {
        assert_eq!(Rule::from_name(rule.name()), Some(rule));
        assert!(rule.explanation().len() > 100, "{rule:?}");
    }
}
