//! The rules checked on random maps: weights, standards, assessments,
//! notes, linked premises, undercuts and cycles. The engine's labels are
//! compared with a plain reading of the rules (applied again and again
//! until nothing changes), and with how labels must move when a map grows.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::super::{Label, evaluate};
use crate::model::{
    Assessment, Claim, ClaimId, ClaimKind, Link, LinkId, LinkKind, Map, Mode, Pos, Standard,
    Target, Weight,
};

/// A random map, described so it can be built with any numbering.
#[derive(Clone, Debug)]
struct Shape {
    /// Per claim: 0 or 5 plain, 1 evidence, 2 accepted, 3 rejected, 4 note.
    kinds: Vec<u8>,
    /// Per claim: 0 the map's default, else a standard.
    standards: Vec<u8>,
    /// Links: premise, second premise (linked) or none, target, kind (0
    /// support, 1 attack, 2 undercut of an earlier link), weight.
    links: Vec<(usize, Option<usize>, usize, u8, Weight)>,
    proof: bool,
    presumption: Weight,
    default_standard: u8,
}

fn standard(n: u8) -> Option<Standard> {
    match n {
        1 => Some(Standard::Preponderance),
        2 => Some(Standard::ClearAndConvincing),
        3 => Some(Standard::BeyondReasonableDoubt),
        _ => None,
    }
}

/// Weights: the named steps half the time, else any thousandth.
fn weight() -> impl Strategy<Value = Weight> {
    prop_oneof![
        (1_usize..=5).prop_map(|n| Weight::step(n).unwrap_or(Weight::FULL)),
        (1_u16..=1000).prop_map(|t| Weight::new(f64::from(t) / 1000.0).unwrap_or(Weight::FULL)),
    ]
}

fn shape() -> impl Strategy<Value = Shape> {
    (1_usize..12).prop_flat_map(|n| {
        (
            proptest::collection::vec(0_u8..6, n),
            proptest::collection::vec(0_u8..4, n),
            proptest::collection::vec(
                (
                    0..n,
                    proptest::option::weighted(0.2, 0..n),
                    0..n,
                    0_u8..3,
                    weight(),
                ),
                0..24,
            ),
            any::<bool>(),
            weight(),
            0_u8..4,
        )
            .prop_map(
                |(kinds, standards, links, proof, presumption, default_standard)| Shape {
                    kinds,
                    standards,
                    links,
                    proof,
                    presumption,
                    default_standard,
                },
            )
    })
}

/// The map of `shape`: claim ids from `offset` (spaced, so tables and
/// searches are both tried), claims inserted in reverse when `reverse`.
/// With each claim's and link's id by position.
fn build(shape: &Shape, offset: u32, reverse: bool) -> (Map, Vec<ClaimId>, Vec<LinkId>) {
    let mut map = Map::new("p");
    map.evaluation.mode = if shape.proof {
        Mode::Proof
    } else {
        Mode::Debate
    };
    map.evaluation.presumption = shape.presumption;
    map.evaluation.standard = standard(shape.default_standard).unwrap_or_default();
    let n = shape.kinds.len();
    let order: Vec<usize> = if reverse {
        (0..n).rev().collect()
    } else {
        (0..n).collect()
    };
    let mut ids = vec![ClaimId(0); n];
    for (k, &i) in order.iter().enumerate() {
        let mut claim = Claim::new(format!("c{i}"), Pos::default());
        match shape.kinds[i] {
            1 => claim.kind = ClaimKind::Evidence,
            2 => claim.assessment = Some(Assessment::Accepted),
            3 => claim.assessment = Some(Assessment::Rejected),
            4 => claim.kind = ClaimKind::Note,
            _ => {}
        }
        claim.standard = standard(shape.standards[i]);
        let step = if offset.is_multiple_of(2) { 1 } else { 7 };
        let id = ClaimId(offset + u32::try_from(k).unwrap_or(0) * step + 1);
        map.claims.insert(id, claim);
        ids[i] = id;
    }
    let mut links: Vec<LinkId> = Vec::new();
    let mut next = offset + 1;
    for &(a, second, b, kind, weight) in &shape.links {
        let target = match kind {
            2 if !links.is_empty() => Target::Link(links[b % links.len()]),
            2 => continue,
            _ => Target::Claim(ids[b]),
        };
        let mut premises = vec![ids[a]];
        if let Some(s) = second.filter(|&s| s != a) {
            premises.push(ids[s]);
        }
        let kind = if kind == 0 {
            LinkKind::Support
        } else {
            LinkKind::Attack
        };
        let id = LinkId(next);
        next += 3;
        let mut link = Link::new(kind, premises, target);
        link.weight = weight;
        map.links.insert(id, link);
        links.push(id);
    }
    (map, ids, links)
}

/// The answers into a claim of one kind (supports or attacks) that take
/// part, each its weight and its label so far.
type Answers = Vec<(Weight, Option<Label>)>;

/// Labels by rules read plainly: start with nothing known (but notes and
/// assessed claims) and apply the link rule and `claim_rule` (given the
/// claim, its supports and its attacks) to every claim and link until
/// nothing changes — the least fixed point, as the rules only ever decide
/// more.
fn fixed_point(
    map: &Map,
    claim_rule: &dyn Fn(&Claim, &Answers, &Answers) -> Option<Label>,
) -> (BTreeMap<ClaimId, Label>, BTreeMap<LinkId, Label>) {
    let note = |c: &ClaimId| map.claims.get(c).is_some_and(|c| c.kind == ClaimKind::Note);
    let active = |l: &Link| l.premises.iter().any(|p| !note(p));
    let mut claims: BTreeMap<ClaimId, Option<Label>> = (map.claims.iter())
        .map(|(&id, c)| {
            let fixed = match (c.kind, c.assessment) {
                (ClaimKind::Note, _) => Some(Label::Undecided),
                (_, Some(Assessment::Accepted)) => Some(Label::In),
                (_, Some(Assessment::Rejected)) => Some(Label::Out),
                _ => None,
            };
            (id, fixed)
        })
        .collect();
    let mut links: BTreeMap<LinkId, Option<Label>> = (map.links.iter())
        .map(|(&id, l)| (id, (!active(l)).then_some(Label::Undecided)))
        .collect();
    loop {
        let mut changed = false;
        for (&id, link) in &map.links {
            if links[&id].is_some() {
                continue;
            }
            let premises: Vec<Option<Label>> = (link.premises.iter())
                .filter(|p| !note(p))
                .map(|p| claims[p])
                .collect();
            let undercuts: Vec<Option<Label>> = (map.links.iter())
                .filter(|(_, u)| u.kind == LinkKind::Attack && u.target == Target::Link(id))
                .filter(|(_, u)| active(u))
                .map(|(u, _)| links[u])
                .collect();
            let out = premises.contains(&Some(Label::Out)) || undercuts.contains(&Some(Label::In));
            let is_in = premises.iter().all(|l| *l == Some(Label::In))
                && undercuts.iter().all(|l| *l == Some(Label::Out));
            if out || is_in {
                links.insert(id, Some(if out { Label::Out } else { Label::In }));
                changed = true;
            }
        }
        for (&id, claim) in &map.claims {
            if claims[&id].is_some() {
                continue;
            }
            let into = |kind: LinkKind| -> Answers {
                (map.links.iter())
                    .filter(|(_, l)| l.kind == kind && l.target == Target::Claim(id) && active(l))
                    .map(|(l, link)| (link.weight, links[l]))
                    .collect()
            };
            let decided = claim_rule(claim, &into(LinkKind::Support), &into(LinkKind::Attack));
            if decided.is_some() {
                claims.insert(id, decided);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let done = |l: Option<Label>| l.unwrap_or(Label::Undecided);
    (
        claims.into_iter().map(|(k, v)| (k, done(v))).collect(),
        links.into_iter().map(|(k, v)| (k, done(v))).collect(),
    )
}

/// Labels by the weighed rules, as the issue states them.
fn reference(map: &Map) -> (BTreeMap<ClaimId, Label>, BTreeMap<LinkId, Label>) {
    fixed_point(map, &|claim, supports, attacks| {
        let heaviest = |answers: &Answers, wanted: &dyn Fn(Option<Label>) -> bool| {
            (answers.iter())
                .filter(|(_, l)| wanted(*l))
                .map(|(w, _)| *w)
                .max()
                .unwrap_or(Weight::NOTHING)
        };
        let is_in = |l: Option<Label>| l == Some(Label::In);
        let not_out = |l: Option<Label>| l != Some(Label::Out);
        let (s_in, s_pos) = (heaviest(supports, &is_in), heaviest(supports, &not_out));
        let (a_in, a_pos) = (heaviest(attacks, &is_in), heaviest(attacks, &not_out));
        let p = match (claim.kind, map.evaluation.mode) {
            (ClaimKind::Evidence, _) => Weight::FULL,
            (_, Mode::Debate) => map.evaluation.presumption,
            (_, Mode::Proof) => Weight::NOTHING,
        };
        let standard = claim.standard.unwrap_or(map.evaluation.standard);
        if standard.met(s_in.max(p), a_pos) {
            Some(Label::In)
        } else if !standard.met(s_pos.max(p), a_in) {
            Some(Label::Out)
        } else {
            None
        }
    })
}

/// The rules before weighing (proof mode): a claim IN when it is evidence
/// or a support holds, and every attack fails; OUT when an attack holds,
/// or it is not evidence and every support fails.
fn unweighed(map: &Map) -> BTreeMap<ClaimId, Label> {
    let (claims, _) = fixed_point(map, &|claim, supports, attacks| {
        let presumed = claim.kind == ClaimKind::Evidence;
        let out = attacks.iter().any(|(_, l)| *l == Some(Label::In))
            || (!presumed && supports.iter().all(|(_, l)| *l == Some(Label::Out)));
        let is_in = (presumed || supports.iter().any(|(_, l)| *l == Some(Label::In)))
            && attacks.iter().all(|(_, l)| *l == Some(Label::Out));
        match (out, is_in) {
            (true, _) => Some(Label::Out),
            (false, true) => Some(Label::In),
            (false, false) => None,
        }
    });
    claims
}

/// OUT below UNDECIDED below IN: how well a claim stands.
fn rank(label: Label) -> u8 {
    match label {
        Label::Out => 0,
        Label::Undecided => 1,
        Label::In => 2,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The engine's labels are exactly the rules' least fixed point, and
    /// do not depend on how claims and links are numbered or ordered.
    #[test]
    fn labels_are_the_least_fixed_point_and_do_not_depend_on_ids(
        shape in shape(),
        shift in 0_u32..1000,
    ) {
        let (map, ids, links) = build(&shape, 0, false);
        let e = evaluate(&map);
        let (claims, link_labels) = reference(&map);
        for (id, label) in &claims {
            prop_assert_eq!(e.claim(*id), *label, "claim {:?}", id);
        }
        for (id, label) in &link_labels {
            prop_assert_eq!(e.link(*id), *label, "link {:?}", id);
        }
        let (other, other_ids, other_links) = build(&shape, shift, true);
        let f = evaluate(&other);
        for (i, id) in ids.iter().enumerate() {
            prop_assert_eq!(e.claim(*id), f.claim(other_ids[i]));
        }
        for (i, id) in links.iter().enumerate() {
            prop_assert_eq!(e.link(*id), f.link(other_links[i]));
        }
    }

    /// With every weight 1, proof mode gives the labels the rules gave
    /// before weighing, whatever the standards.
    #[test]
    fn with_every_weight_one_proof_mode_keeps_the_unweighed_labels(shape in shape()) {
        let mut shape = shape;
        shape.proof = true;
        for link in &mut shape.links {
            link.4 = Weight::FULL;
        }
        let (map, _, _) = build(&shape, 0, false);
        let e = evaluate(&map);
        for (id, label) in unweighed(&map) {
            prop_assert_eq!(e.claim(id), label, "claim {:?}", id);
        }
    }

    /// Adding a support never lowers its claim; adding an attack never
    /// raises it.
    #[test]
    fn a_new_support_never_lowers_its_claim_and_a_new_attack_never_raises_it(
        shape in shape(),
        premise in 0_usize..12,
        target in 0_usize..12,
        weight in weight(),
    ) {
        let (map, ids, _) = build(&shape, 0, false);
        let (premise, target) = (ids[premise % ids.len()], ids[target % ids.len()]);
        let before = rank(evaluate(&map).claim(target));
        for kind in [LinkKind::Support, LinkKind::Attack] {
            let mut grown = map.clone();
            let mut link = Link::new(kind, vec![premise], Target::Claim(target));
            link.weight = weight;
            grown.add_link(link);
            let after = rank(evaluate(&grown).claim(target));
            if kind == LinkKind::Support {
                prop_assert!(after >= before, "support lowered {:?}: {} → {}", target, before, after);
            } else {
                prop_assert!(after <= before, "attack raised {:?}: {} → {}", target, before, after);
            }
        }
    }

    /// A heavier support never lowers its claim; a lighter attack never
    /// lowers it either.
    #[test]
    fn weighing_a_support_up_or_an_attack_down_never_lowers_its_claim(
        shape in shape(),
        which in 0_usize..24,
        weight in weight(),
    ) {
        let (map, _, links) = build(&shape, 0, false);
        prop_assume!(!links.is_empty());
        let id = links[which % links.len()];
        let link = &map.links[&id];
        let Target::Claim(target) = link.target else {
            return Ok(());
        };
        let raise = match link.kind {
            LinkKind::Support => weight > link.weight,
            LinkKind::Attack => weight < link.weight,
        };
        prop_assume!(raise);
        let before = rank(evaluate(&map).claim(target));
        let mut weighed = map.clone();
        if let Some(l) = weighed.links.get_mut(&id) {
            l.weight = weight;
        }
        let after = rank(evaluate(&weighed).claim(target));
        prop_assert!(after >= before, "{:?} lowered {:?}: {} → {}", link.kind, target, before, after);
    }

    /// A reason that fails leaves its claim no worse off than no reason:
    /// taking it away never raises the claim.
    #[test]
    fn a_failing_reason_is_never_worse_than_none(shape in shape()) {
        let (map, _, _) = build(&shape, 0, false);
        let e = evaluate(&map);
        for (&id, link) in &map.links {
            let Target::Claim(target) = link.target else { continue };
            if link.kind != LinkKind::Support || e.link(id) != Label::Out {
                continue;
            }
            let mut without = map.clone();
            without.links.remove(&id);
            let bare = rank(evaluate(&without).claim(target));
            prop_assert!(rank(e.claim(target)) >= bare, "{:?} worse for failing {:?}", target, id);
        }
    }
}
