//! Three-way merges of maps by id: random edit scripts on two sides of a
//! random map (property tests), and the cases a team meets: both sides
//! adding claim #43, a claim deleted on one side and changed on the other,
//! the same text changed twice, cards dragged on both sides.

use std::collections::BTreeSet;

use crate::common::homework;
use argmap::edit::delete_claims;
use argmap::generate::generate;
use argmap::model::{
    CONFLICT_TAG, Claim, ClaimId, ClaimKind, Link, LinkId, LinkKind, Map, Pos, Standard, Target,
    Weight,
};
use argmap::versions::{diff, merge};
use proptest::prelude::*;

/// One edit a student might make.
#[derive(Clone, Debug)]
enum Step {
    /// A reason (or objection) for the claim at this index.
    Answer(usize, bool, u8),
    /// The text of the claim at this index rewritten.
    Rewrite(usize, u8),
    /// Its card dragged.
    Drag(usize, i16),
    /// It becomes evidence or a claim.
    Kind(usize),
    /// A tag added.
    Tag(usize, u8),
    /// It and what rests on it deleted.
    Delete(usize),
    /// The link at this index turned from support to attack or back.
    Flip(usize),
    /// The link at this index weighed (in thousandths, 1 to 1000).
    Weigh(usize, u16),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (any::<usize>(), any::<bool>(), any::<u8>()).prop_map(|(i, a, w)| Step::Answer(i, a, w)),
        2 => (any::<usize>(), any::<u8>()).prop_map(|(i, w)| Step::Rewrite(i, w)),
        2 => (any::<usize>(), any::<i16>()).prop_map(|(i, d)| Step::Drag(i, d)),
        1 => any::<usize>().prop_map(Step::Kind),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(i, t)| Step::Tag(i, t)),
        1 => any::<usize>().prop_map(Step::Delete),
        1 => any::<usize>().prop_map(Step::Flip),
        1 => (any::<usize>(), 1_u16..=1000).prop_map(|(i, w)| Step::Weigh(i, w)),
    ]
}

const WORDS: [&str; 8] = [
    "law", "trust", "data", "法治", "credit", "risk", "state", "firms",
];

/// The edits applied one after the other; each leaves the map sound.
fn edited(map: &Map, steps: &[Step], side: &str) -> Map {
    let mut map = map.clone();
    for step in steps {
        let ids: Vec<ClaimId> = map.claims.keys().copied().collect();
        if ids.is_empty() {
            break;
        }
        let pick = |i: usize| ids[i % ids.len()];
        match *step {
            Step::Answer(i, attack, w) => {
                let target = pick(i);
                let claim = map.add_claim(Claim::new(
                    format!("{side} {} {}", WORDS[usize::from(w) % WORDS.len()], w),
                    Pos::new(0.0, 100.0),
                ));
                let kind = if attack {
                    LinkKind::Attack
                } else {
                    LinkKind::Support
                };
                map.add_link(Link::new(kind, vec![claim], Target::Claim(target)));
            }
            Step::Rewrite(i, w) => {
                if let Some(c) = map.claims.get_mut(&pick(i)) {
                    c.text = format!("{} {side} {}", c.text, WORDS[usize::from(w) % WORDS.len()]);
                }
            }
            Step::Drag(i, d) => {
                if let Some(c) = map.claims.get_mut(&pick(i)) {
                    c.pos.x += f32::from(d);
                }
            }
            Step::Kind(i) => {
                if let Some(c) = map.claims.get_mut(&pick(i)) {
                    c.kind = match c.kind {
                        ClaimKind::Evidence => ClaimKind::Claim,
                        _ => ClaimKind::Evidence,
                    };
                }
            }
            Step::Tag(i, t) => {
                if let Some(c) = map.claims.get_mut(&pick(i)) {
                    c.tags.push(format!("tag{}", t % 4));
                    c.tags.dedup();
                }
            }
            Step::Delete(i) => {
                let doomed = BTreeSet::from([pick(i)]);
                let _ = delete_claims(&map, &doomed).apply(&mut map);
            }
            Step::Flip(i) => {
                let links: Vec<_> = map.links.keys().copied().collect();
                if let Some(link) = links
                    .get(i % links.len().max(1))
                    .and_then(|l| map.links.get_mut(l))
                {
                    link.kind = match link.kind {
                        LinkKind::Support => LinkKind::Attack,
                        LinkKind::Attack => LinkKind::Support,
                    };
                }
            }
            Step::Weigh(i, thousandths) => {
                let links: Vec<_> = map.links.keys().copied().collect();
                if let Some(link) = links
                    .get(i % links.len().max(1))
                    .and_then(|l| map.links.get_mut(l))
                    && let Some(weight) = Weight::new(f64::from(thousandths) / 1000.0)
                {
                    link.weight = weight;
                }
            }
        }
        assert!(map.validate().is_empty(), "{step:?} broke the map");
    }
    map
}

/// Every claim text `side` added (not in `base`).
fn added_texts(base: &Map, side: &Map) -> Vec<String> {
    side.claims
        .iter()
        .filter(|(id, _)| !base.claims.contains_key(id))
        .map(|(_, c)| c.text.clone())
        .collect()
}

/// `map` with its ids moved up so the largest claim and link ids are
/// `room` below the largest id there is.
fn near_the_top(map: &Map, room: u32) -> Map {
    let top = |largest: u32| u32::MAX - room - largest;
    let claim_shift = top(map.claims.keys().next_back().map_or(0, |c| c.0));
    let link_shift = top(map.links.keys().next_back().map_or(0, |l| l.0));
    let claim = |id: ClaimId| ClaimId(id.0 + claim_shift);
    let link = |id: LinkId| LinkId(id.0 + link_shift);
    let mut out = map.clone();
    out.claims = map
        .claims
        .iter()
        .map(|(&id, c)| (claim(id), c.clone()))
        .collect();
    out.links = map
        .links
        .iter()
        .map(|(&id, l)| {
            let mut l = l.clone();
            for p in &mut l.premises {
                *p = claim(*p);
            }
            l.target = match l.target {
                Target::Claim(c) => Target::Claim(claim(c)),
                Target::Link(t) => Target::Link(link(t)),
            };
            (link(id), l)
        })
        .collect();
    out.thesis = map.thesis.map(claim);
    out.presentation = argmap::model::Presentation::default();
    out.issued.claims = out.claims.keys().next_back().map_or(0, |c| c.0);
    out.issued.links = out.links.keys().next_back().map_or(0, |l| l.0);
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn merges_of_random_edits_validate_and_lose_nothing(
        seed in 0..1000_u64,
        size in 3..40_usize,
        ours_steps in prop::collection::vec(step(), 0..12),
        theirs_steps in prop::collection::vec(step(), 0..12),
    ) {
        let base = generate(size, seed);
        let ours = edited(&base, &ours_steps, "ours");
        let theirs = edited(&base, &theirs_steps, "theirs");
        let merged = merge(&base, &ours, &theirs).expect("merges");
        prop_assert!(merged.map.validate().is_empty(), "{:?}", merged.map.validate());
        // Every claim either side added is there, with its text (ids of
        // deleted claims are never handed out again, so an added claim is
        // never taken for an old one rewritten).
        let holds = |c: &Claim, text: &str| c.text == text;
        for text in added_texts(&base, &ours).iter().chain(&added_texts(&base, &theirs)) {
            prop_assert!(merged.map.claims.values().any(|c| holds(c, text)), "lost {text:?}");
        }
        // So is every link either side added: the one from the claim it
        // added, of the same kind (its target may have been rewritten by
        // the other side).
        for side in [&ours, &theirs] {
            for (id, link) in &side.links {
                if base.links.contains_key(id) {
                    continue;
                }
                let premise = &side.claims[&link.premises[0]].text;
                let found = merged.map.links.values().any(|l| {
                    l.kind == link.kind
                        && merged.map.claims.get(&l.premises[0]).is_some_and(|c| holds(c, premise))
                });
                prop_assert!(found, "lost the link from {premise:?}");
            }
        }
        // Merging again changes nothing.
        let again = merge(&base, &merged.map, &theirs).expect("merges");
        prop_assert_eq!(&again.map, &merged.map, "{:?}", diff(&merged.map, &again.map));
    }

    /// With ids at the very top of the range, a merge either keeps every
    /// claim and link both sides added, or refuses as a whole; it never
    /// gives two claims one id.
    #[test]
    fn merges_near_the_largest_id_lose_nothing_or_refuse(
        seed in 0..1000_u64,
        size in 3..20_usize,
        room in 0..4_u32,
        ours_steps in prop::collection::vec(step(), 0..8),
        theirs_steps in prop::collection::vec(step(), 0..8),
    ) {
        let base = near_the_top(&generate(size, seed), room);
        prop_assert!(base.validate().is_empty(), "{:?}", base.validate());
        let ours = edited(&base, &ours_steps, "ours");
        let theirs = edited(&base, &theirs_steps, "theirs");
        match merge(&base, &ours, &theirs) {
            Ok(merged) => {
                prop_assert!(merged.map.validate().is_empty(), "{:?}", merged.map.validate());
                for text in added_texts(&base, &ours).iter().chain(&added_texts(&base, &theirs)) {
                    prop_assert!(
                        merged.map.claims.values().any(|c| &c.text == text),
                        "lost {text:?}"
                    );
                }
            }
            Err(argmap::versions::MergeError::OutOfIds { .. }) => {}
        }
    }

    #[test]
    fn a_side_that_changed_nothing_takes_the_other_whole(
        seed in 0..1000_u64,
        size in 3..40_usize,
        steps in prop::collection::vec(step(), 0..16),
    ) {
        let base = generate(size, seed);
        let changed = edited(&base, &steps, "one side");
        let theirs_only = merge(&base, &base, &changed).expect("merges");
        prop_assert_eq!(&theirs_only.map, &changed);
        prop_assert!(theirs_only.is_clean());
        let ours_only = merge(&base, &changed, &base).expect("merges");
        prop_assert_eq!(&ours_only.map, &changed);
        prop_assert!(ours_only.is_clean());
    }
}

#[test]
fn both_sides_adding_the_same_id_keep_both_and_theirs_links_follow() {
    let base = homework();
    let mut ours = base.clone();
    let mine = ours.add_claim(Claim::new(
        "Practice builds habits.",
        Pos::new(150.0, 200.0),
    ));
    ours.add_link(Link::new(
        LinkKind::Attack,
        vec![mine],
        Target::Claim(ClaimId(1)),
    ));
    let mut theirs = base.clone();
    let yours = theirs.add_claim(Claim::new("Rest helps memory.", Pos::new(-150.0, 400.0)));
    theirs.add_link(Link::new(
        LinkKind::Support,
        vec![yours],
        Target::Claim(ClaimId(2)),
    ));
    assert_eq!(mine, yours, "both took the next id");
    let merged = merge(&base, &ours, &theirs).expect("merges");
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    assert_eq!(merged.map.claims.len(), 4);
    assert_eq!(merged.map.claims[&mine].text, "Practice builds habits.");
    let (&moved, _) = merged
        .map
        .claims
        .iter()
        .find(|(_, c)| c.text == "Rest helps memory.")
        .expect("theirs kept");
    assert_ne!(moved, mine);
    // Their link now starts at the renumbered claim and supports #2.
    assert!(merged.map.links.values().any(|l| l.premises == [moved]
        && l.target == Target::Claim(ClaimId(2))
        && l.kind == LinkKind::Support));
    assert_eq!(merged.map.links.len(), 3);
    assert!(
        merged.renumbered.iter().any(|r| r.contains("is now")),
        "{:?}",
        merged.renumbered
    );
}

#[test]
fn a_claim_deleted_on_one_side_and_changed_on_the_other_is_kept_and_flagged() {
    let base = homework();
    let mut ours = base.clone();
    let _ = delete_claims(&ours, &BTreeSet::from([ClaimId(2)])).apply(&mut ours);
    let mut theirs = base.clone();
    if let Some(c) = theirs.claims.get_mut(&ClaimId(2)) {
        c.text = "Children need rest after school.".into();
    }
    let merged = merge(&base, &ours, &theirs).expect("merges");
    assert!(!merged.is_clean());
    let kept = &merged.map.claims[&ClaimId(2)];
    assert_eq!(kept.text, "Children need rest after school.");
    assert!(kept.tags.contains(&CONFLICT_TAG.to_owned()));
    assert!(
        kept.note
            .as_deref()
            .is_some_and(|n| n.contains("ours deleted this claim"))
    );
    assert!(merged.map.validate().is_empty());
    // Deleted and untouched: simply gone.
    let merged = merge(&base, &ours, &base).expect("merges");
    assert!(!merged.map.claims.contains_key(&ClaimId(2)));
    assert!(merged.is_clean());
}

#[test]
fn the_same_field_changed_twice_keeps_ours_and_notes_theirs() {
    let base = homework();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    if let Some(c) = ours.claims.get_mut(&ClaimId(1)) {
        c.text = "Homework should be voluntary.".into();
        c.pos = Pos::new(10.0, 0.0);
    }
    if let Some(c) = theirs.claims.get_mut(&ClaimId(1)) {
        c.text = "Homework should be banned.".into();
        c.pos = Pos::new(-10.0, 0.0);
        c.kind = ClaimKind::Claim;
        c.tags = vec!["motion".into()];
    }
    let merged = merge(&base, &ours, &theirs).expect("merges");
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    let claim = &merged.map.claims[&ClaimId(1)];
    assert_eq!(claim.text, "Homework should be voluntary.");
    // Theirs is in a marked note; their other change (a tag) combines; the
    // card is where we put it.
    let note = claim.note.as_deref().unwrap_or("");
    assert!(
        note.contains("⚠ Merge conflict: the text: theirs was “Homework should be banned.”"),
        "{note}"
    );
    assert_eq!(claim.tags, ["motion", CONFLICT_TAG]);
    assert_eq!(claim.pos, Pos::new(10.0, 0.0));
    // The map checks list it.
    let evaluation = argmap::eval::evaluate(&merged.map);
    let findings = argmap::eval::checks::check(&merged.map, &evaluation);
    assert!(
        findings
            .iter()
            .any(|f| f.rule == argmap::eval::checks::Rule::MergeConflict
                && f.claim == Some(ClaimId(1))
                && f.message.contains("theirs was"))
    );
    // Merging again notes it once.
    let again = merge(&base, &merged.map, &theirs).expect("merges");
    assert_eq!(again.map, merged.map);
}

#[test]
fn cards_moved_on_both_sides_never_conflict() {
    let base = homework();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    if let Some(c) = ours.claims.get_mut(&ClaimId(2)) {
        c.pos = Pos::new(1.0, 1.0);
    }
    if let Some(c) = theirs.claims.get_mut(&ClaimId(2)) {
        c.pos = Pos::new(2.0, 2.0);
    }
    if let Some(c) = theirs.claims.get_mut(&ClaimId(1)) {
        c.pos = Pos::new(3.0, 3.0);
    }
    let merged = merge(&base, &ours, &theirs).expect("merges");
    assert!(merged.is_clean());
    assert_eq!(
        merged.map.claims[&ClaimId(2)].pos,
        Pos::new(1.0, 1.0),
        "ours wins"
    );
    assert_eq!(
        merged.map.claims[&ClaimId(1)].pos,
        Pos::new(3.0, 3.0),
        "theirs taken"
    );
    assert!(diff(&ours, &merged.map).claims.is_empty());
}

#[test]
fn a_link_to_a_claim_the_other_side_deleted_brings_it_back() {
    let base = homework();
    let mut ours = base.clone();
    let _ = delete_claims(&ours, &BTreeSet::from([ClaimId(2)])).apply(&mut ours);
    let mut theirs = base.clone();
    let rebuttal = theirs.add_claim(Claim::new("Rest is not the point.", Pos::default()));
    theirs.add_link(Link::new(
        LinkKind::Attack,
        vec![rebuttal],
        Target::Claim(ClaimId(2)),
    ));
    let merged = merge(&base, &ours, &theirs).expect("merges");
    assert!(
        merged.map.validate().is_empty(),
        "{:?}",
        merged.map.validate()
    );
    assert!(
        merged.map.claims.contains_key(&ClaimId(2)),
        "kept for their rebuttal"
    );
    assert!(
        merged
            .map
            .claims
            .values()
            .any(|c| c.text == "Rest is not the point.")
    );
    assert!(!merged.is_clean());
}

#[test]
fn a_deleted_claims_id_is_never_handed_out_again_even_after_saving() {
    let mut map = homework();
    let _ = delete_claims(&map, &BTreeSet::from([ClaimId(2)])).apply(&mut map);
    let text = argmap::format::ron::to_string(&map);
    assert!(text.contains("issued: (claims: 2, links: 1)"), "{text}");
    let mut back = argmap::format::ron::load(text.as_bytes()).expect("reads");
    assert_eq!(
        back.add_claim(Claim::new("New.", Pos::default())),
        ClaimId(3)
    );
    assert_eq!(
        back.add_link(Link::new(
            LinkKind::Support,
            vec![ClaimId(3)],
            Target::Claim(ClaimId(1))
        )),
        argmap::model::LinkId(2)
    );
    // A map that deleted nothing at the top writes no such line.
    assert!(!argmap::format::ron::to_string(&homework()).contains("issued"));
}

#[test]
fn a_weight_merges_as_a_field_of_its_own() {
    let base = homework();
    let link = LinkId(1);
    let modest = Weight::STEPS[1].0;
    let strong = Weight::STEPS[3].0;
    // Ours reweighs the link, theirs turns it into an objection: both hold.
    let mut ours = base.clone();
    let mut theirs = base.clone();
    if let Some(l) = ours.links.get_mut(&link) {
        l.weight = modest;
    }
    if let Some(l) = theirs.links.get_mut(&link) {
        l.kind = LinkKind::Attack;
    }
    let merged = merge(&base, &ours, &theirs).expect("merges");
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    let l = &merged.map.links[&link];
    assert_eq!((l.kind, l.weight), (LinkKind::Attack, modest));
    // The other way round.
    let merged = merge(&base, &theirs, &ours).expect("merges");
    let l = &merged.map.links[&link];
    assert_eq!((l.kind, l.weight), (LinkKind::Attack, modest));

    // Both reweigh it differently: ours, and theirs noted on its premise.
    if let Some(l) = theirs.links.get_mut(&link) {
        l.weight = strong;
    }
    let merged = merge(&base, &ours, &theirs).expect("merges");
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    assert_eq!(merged.map.links[&link].weight, modest);
    let premise = merged.map.links[&link].premises[0];
    let note = merged.map.claims[&premise].note.as_deref().unwrap_or("");
    assert!(
        note.contains("link #1 from here: theirs weighed it strong"),
        "{note}"
    );

    // A claim's standard is a field too, and the diff says both.
    let mut standard = ours.clone();
    if let Some(c) = standard.claims.get_mut(&ClaimId(1)) {
        c.standard = Some(Standard::ClearAndConvincing);
    }
    let changes = diff(&base, &standard);
    let report = argmap::versions::report::human(
        "map",
        &changes,
        &base,
        &standard,
        argmap::versions::report::Style::default(),
    );
    assert!(
        report.contains("~ link #1 (#2 supports #1) weight: decisive → modest"),
        "{report}"
    );
    assert!(
        report.contains("standard: the map's default → clear and convincing"),
        "{report}"
    );
}

#[test]
fn renumbering_past_the_largest_id_refuses_the_merge() {
    // Both sides add a different claim under the last id there is.
    let [base, ours, theirs] = crate::common::out_of_ids();
    let refused = merge(&base, &ours, &theirs);
    assert_eq!(
        refused,
        Err(argmap::versions::MergeError::OutOfIds {
            what: "claims",
            max: u32::MAX
        })
    );
    assert!(
        refused
            .err()
            .is_some_and(|e| e.to_string().contains("no id is left to give them"))
    );
}

#[test]
fn links_the_two_sides_aim_at_each_other_are_kept_and_the_conflict_marked() {
    let mut base = Map::new("Undercuts");
    let at = Pos::default();
    let thesis = base.add_claim(Claim::new("Thesis", at));
    let reason_a = base.add_claim(Claim::new("A", at));
    let reason_b = base.add_claim(Claim::new("B", at));
    let undercut_c = base.add_claim(Claim::new("C", at));
    let undercut_d = base.add_claim(Claim::new("D", at));
    base.thesis = Some(thesis);
    let one = base.add_link(Link::new(
        LinkKind::Support,
        vec![reason_a],
        Target::Claim(thesis),
    ));
    let two = base.add_link(Link::new(
        LinkKind::Support,
        vec![reason_b],
        Target::Claim(thesis),
    ));
    let three = base.add_link(Link::new(
        LinkKind::Attack,
        vec![undercut_c],
        Target::Link(one),
    ));
    let four = base.add_link(Link::new(
        LinkKind::Attack,
        vec![undercut_d],
        Target::Link(two),
    ));
    // Ours aims C at D's undercut; theirs aims D at C's: each is sound,
    // together they attack each other in a circle.
    let mut ours = base.clone();
    if let Some(l) = ours.links.get_mut(&three) {
        l.target = Target::Link(four);
    }
    let mut theirs = base.clone();
    if let Some(l) = theirs.links.get_mut(&four) {
        l.target = Target::Link(three);
    }
    assert!(ours.validate().is_empty() && theirs.validate().is_empty());
    let merged = merge(&base, &ours, &theirs).expect("merges");
    assert!(
        merged.map.validate().is_empty(),
        "{:?}",
        merged.map.validate()
    );
    // Both links are kept, as ours has them, and the conflict is marked.
    assert_eq!(merged.map.links[&three].target, Target::Link(four));
    assert_eq!(merged.map.links[&four].target, Target::Link(two));
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    let marked = &merged.map.claims[&undercut_d];
    assert!(marked.tags.iter().any(|t| t == CONFLICT_TAG));
    let note = marked.note.as_deref().unwrap_or("");
    assert!(
        note.contains("link #4 from here: theirs was #5 attacks link #3"),
        "{note}"
    );
}
