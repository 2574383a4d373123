use super::*;
use crate::model::{Assessment, Claim, ClaimKind, Link, LinkKind, Pos, Target};

/// A small map builder: claims by text, links by ids.
struct Build(Map);

impl Build {
    fn new() -> Self {
        Self(Map::new("t"))
    }
    fn claim(&mut self, text: &str) -> ClaimId {
        self.0.add_claim(Claim::new(text, Pos::default()))
    }
    fn evidence(&mut self, text: &str) -> ClaimId {
        self.0.add_claim(Claim {
            kind: ClaimKind::Evidence,
            ..Claim::new(text, Pos::default())
        })
    }
    fn support(&mut self, premises: &[ClaimId], target: ClaimId) -> LinkId {
        self.0.add_link(Link::new(
            LinkKind::Support,
            premises.to_vec(),
            Target::Claim(target),
        ))
    }
    fn attack(&mut self, premise: ClaimId, target: ClaimId) -> LinkId {
        self.0.add_link(Link::new(
            LinkKind::Attack,
            vec![premise],
            Target::Claim(target),
        ))
    }
    fn undercut(&mut self, premise: ClaimId, link: LinkId) -> LinkId {
        self.0.add_link(Link::new(
            LinkKind::Attack,
            vec![premise],
            Target::Link(link),
        ))
    }
    fn assess(&mut self, id: ClaimId, assessment: Assessment) {
        if let Some(c) = self.0.claims.get_mut(&id) {
            c.assessment = Some(assessment);
        }
    }
    fn eval(&self) -> Evaluation {
        evaluate(&self.0)
    }
    fn why(&self, id: ClaimId) -> String {
        why::to_text(&self.eval().why_claim(&self.0, id))
    }
}

#[test]
fn an_unanswered_claim_is_presumed_in_a_debate_and_unproven_in_proof() {
    let mut b = Build::new();
    let thesis = b.claim("T");
    assert_eq!(b.eval().claim(thesis), Label::In);
    assert_eq!(b.why(thesis), "presumed: nothing answers it yet");
    b.0.evaluation.mode = Mode::Proof;
    assert_eq!(b.eval().claim(thesis), Label::Out);
    assert_eq!(
        b.why(thesis),
        "not established: it has no reason (proof mode)"
    );
    // Evidence is presumed in both modes.
    let fact = b.evidence("E");
    let link = b.support(&[fact], thesis);
    let e = b.eval();
    assert_eq!(
        (e.claim(fact), e.link(link), e.claim(thesis)),
        (Label::In, Label::In, Label::In)
    );
    assert_eq!(b.why(thesis), format!("holds: reason #{} holds", fact.0));
}

#[test]
fn a_tie_does_not_establish_a_claim_and_a_rebuttal_reinstates_it() {
    let mut b = Build::new();
    let thesis = b.claim("T");
    let reason = b.evidence("R");
    let objection = b.claim("O");
    b.support(&[reason], thesis);
    b.attack(objection, thesis);
    // An IN reason against an IN objection: the claim fails.
    let e = b.eval();
    assert_eq!(e.claim(objection), Label::In);
    assert_eq!(e.claim(thesis), Label::Out);
    assert_eq!(
        b.why(thesis),
        format!("fails: objection #{} stands", objection.0)
    );
    // A rebuttal that stands takes the objection down, and the claim is
    // back.
    let rebuttal = b.claim("B");
    b.attack(rebuttal, objection);
    let e = b.eval();
    assert_eq!(e.claim(rebuttal), Label::In);
    assert_eq!(e.claim(objection), Label::Out);
    assert_eq!(e.claim(thesis), Label::In);
    assert_eq!(
        b.why(thesis),
        format!(
            "holds: reason #{} holds and objection #{} fails",
            reason.0, objection.0
        )
    );
}

#[test]
fn an_undercut_link_fails_even_when_its_premises_are_open() {
    let mut b = Build::new();
    let thesis = b.claim("T");
    let a = b.claim("A");
    let c = b.claim("C");
    // A and C attack each other: both open.
    b.attack(a, c);
    b.attack(c, a);
    let link = b.support(&[a], thesis);
    let undercutter = b.evidence("U");
    b.undercut(undercutter, link);
    let e = b.eval();
    assert_eq!(e.claim(a), Label::Undecided);
    assert_eq!(e.link(link), Label::Out);
    assert_eq!(
        why::to_text(&e.why_link(&b.0, link)),
        format!("fails: undercutter #{} stands", undercutter.0)
    );
    assert_eq!(e.claim(thesis), Label::Out);
}

#[test]
fn linked_premises_hold_only_together() {
    let mut b = Build::new();
    let thesis = b.claim("T");
    let one = b.evidence("P1");
    let two = b.claim("P2");
    let link = b.support(&[one, two], thesis);
    b.0.evaluation.mode = Mode::Proof;
    // P2 has no reason in proof mode: the pair fails, and so the thesis.
    let e = b.eval();
    assert_eq!((e.claim(one), e.claim(two)), (Label::In, Label::Out));
    assert_eq!(e.link(link), Label::Out);
    assert_eq!(e.claim(thesis), Label::Out);
    assert_eq!(
        b.why(thesis),
        format!("fails: no reason holds (premise #{} fails)", two.0)
    );
    // Accept P2: both hold, the link holds.
    b.assess(two, Assessment::Accepted);
    let e = b.eval();
    assert_eq!(e.link(link), Label::In);
    assert_eq!(
        b.why(thesis),
        format!("holds: reasons #{} and #{} together hold", one.0, two.0)
    );
}

#[test]
fn odd_and_even_attack_cycles_stay_open_and_name_their_cycle() {
    for length in [1_usize, 2, 3, 4] {
        let mut b = Build::new();
        let claims: Vec<ClaimId> = (0..length).map(|i| b.claim(&format!("C{i}"))).collect();
        for i in 0..length {
            b.attack(claims[i], claims[(i + 1) % length]);
        }
        let e = b.eval();
        for &c in &claims {
            assert_eq!(e.claim(c), Label::Undecided, "cycle of {length}");
            assert!(
                b.why(c).starts_with("open: it depends on a cycle #"),
                "{}",
                b.why(c)
            );
        }
    }
    let mut b = Build::new();
    let x = b.claim("X");
    let y = b.claim("Y");
    b.attack(x, y);
    b.attack(y, x);
    assert_eq!(
        b.why(x),
        format!("open: it depends on a cycle #{} → #{} → #{}", x.0, y.0, x.0)
    );
    // A claim outside the cycle that waits on it names the cycle too.
    let z = b.claim("Z");
    b.support(&[x], z);
    assert_eq!(b.eval().claim(z), Label::Undecided);
    assert!(
        b.why(z).contains(&format!("#{} → #{}", x.0, y.0)),
        "{}",
        b.why(z)
    );
}

#[test]
fn assessments_are_fixed_whatever_answers_them() {
    let mut b = Build::new();
    let thesis = b.claim("T");
    let objection = b.evidence("O");
    b.attack(objection, thesis);
    assert_eq!(b.eval().claim(thesis), Label::Out);
    b.assess(thesis, Assessment::Accepted);
    assert_eq!(b.eval().claim(thesis), Label::In);
    assert_eq!(b.why(thesis), "holds: you accepted it");
    let reason = b.evidence("R");
    b.support(&[reason], thesis);
    b.assess(thesis, Assessment::Rejected);
    assert_eq!(b.eval().claim(thesis), Label::Out);
    assert_eq!(b.why(thesis), "fails: you rejected it");
    // Rejected evidence is out too.
    b.assess(objection, Assessment::Rejected);
    assert_eq!(b.eval().claim(objection), Label::Out);
}

#[test]
fn supports_aimed_at_links_and_notes_take_no_part() {
    let mut b = Build::new();
    let thesis = b.claim("T");
    let reason = b.claim("R");
    let link = b.support(&[reason], thesis);
    let before = b.eval();
    let backer = b.claim("B");
    b.0.add_link(Link::new(
        LinkKind::Support,
        vec![backer],
        Target::Link(link),
    ));
    let after = b.eval();
    for (id, status) in before.claims() {
        assert_eq!(after.claim(id), status.label);
    }
    assert_eq!(after.link(link), before.link(link));
    // A note attacking the thesis changes nothing either.
    let note = b.0.add_claim(Claim {
        kind: ClaimKind::Note,
        ..Claim::new("N", Pos::default())
    });
    b.attack(note, thesis);
    let e = b.eval();
    assert_eq!(e.claim(thesis), Label::In);
    assert_eq!(e.claim(note), Label::Undecided);
    assert_eq!(b.why(note), "a note: it takes no part");
}

#[test]
fn a_failing_reason_is_explained_down_to_its_facts() {
    let mut b = Build::new();
    let thesis = b.claim("T");
    let reason = b.claim("R");
    let fact = b.claim("F");
    b.support(&[reason], thesis);
    b.support(&[fact], reason);
    b.assess(fact, Assessment::Rejected);
    b.0.evaluation.mode = Mode::Proof;
    let e = b.eval();
    assert_eq!(e.claim(thesis), Label::Out);
    assert_eq!(
        b.why(thesis),
        format!("fails: no reason holds (#{} fails)", reason.0)
    );
    let tree = explain_tree(&b.0, &e, thesis);
    let lines: Vec<(usize, ClaimId, Label)> =
        tree.iter().map(|l| (l.depth, l.claim, l.label)).collect();
    assert_eq!(
        lines,
        [
            (0, thesis, Label::Out),
            (1, reason, Label::Out),
            (2, fact, Label::Out)
        ]
    );
    assert_eq!(tree[2].why, "fails: you rejected it");
}

#[test]
fn flipped_claims_are_those_whose_label_changed() {
    let mut b = Build::new();
    let thesis = b.claim("T");
    let reason = b.evidence("R");
    b.support(&[reason], thesis);
    let before = b.eval();
    let objection = b.claim("O");
    b.attack(objection, thesis);
    let after = b.eval();
    // The new objection was not there before: only the thesis flipped.
    assert_eq!(after.flipped(&before), [thesis]);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

    /// Any tangle of supports, attacks, undercuts and assessments: the
    /// labels satisfy every rule (a fixed point), and do not depend on how
    /// the claims and links are numbered.
    #[test]
    fn labels_are_a_fixed_point_and_do_not_depend_on_ids(
        kinds in proptest::collection::vec(0_u8..6, 1..14),
        edges in proptest::collection::vec((0_usize..14, 0_usize..14, 0_u8..4), 0..30),
        proof: bool,
        shift in 0_u32..1000,
    ) {
        let build = |offset: u32, reverse: bool| {
            let mut map = Map::new("p");
            if proof {
                map.evaluation.mode = Mode::Proof;
            }
            let n = kinds.len();
            let order: Vec<usize> = if reverse { (0..n).rev().collect() } else { (0..n).collect() };
            let mut ids = vec![ClaimId(0); n];
            for (k, &i) in order.iter().enumerate() {
                let mut claim = Claim::new(format!("c{i}"), Pos::default());
                match kinds[i] {
                    1 => claim.kind = ClaimKind::Evidence,
                    2 => claim.assessment = Some(Assessment::Accepted),
                    3 => claim.assessment = Some(Assessment::Rejected),
                    4 => claim.kind = ClaimKind::Note,
                    _ => {}
                }
                let id = ClaimId(offset + u32::try_from(k).unwrap_or(0) * 7 + 1);
                map.claims.insert(id, claim);
                ids[i] = id;
            }
            let mut links: Vec<(LinkId, Link)> = Vec::new();
            let mut next = offset + 1;
            for &(a, b, kind) in &edges {
                let (a, b) = (a % n, b % n);
                let kind_of = if kind % 2 == 0 { LinkKind::Support } else { LinkKind::Attack };
                let target = if kind >= 2 && !links.is_empty() {
                    Target::Link(links[b % links.len()].0)
                } else if a == b {
                    continue;
                } else {
                    Target::Claim(ids[b])
                };
                let id = LinkId(next);
                next += 3;
                links.push((id, Link::new(kind_of, vec![ids[a]], target)));
            }
            let link_index: Vec<LinkId> = links.iter().map(|(id, _)| *id).collect();
            map.links.extend(links);
            (map, ids, link_index)
        };
        let (map, ids, link_ids) = build(0, false);
        let e = evaluate(&map);
        // Every rule holds at the fixed point.
        for (&id, link) in &map.links {
            let premises: Vec<Label> = link.premises.iter()
                .filter(|p| map.claims[p].kind != ClaimKind::Note)
                .map(|p| e.claim(*p)).collect();
            if premises.is_empty() {
                proptest::prop_assert_eq!(e.link(id), Label::Undecided);
                continue;
            }
            let undercuts: Vec<Label> = map.links.iter()
                .filter(|(u, l)| l.kind == LinkKind::Attack && l.target == Target::Link(id)
                    && l.premises.iter().any(|p| map.claims[p].kind != ClaimKind::Note) && **u != id)
                .map(|(u, _)| e.link(*u)).collect();
            let should_in = premises.iter().all(|l| *l == Label::In) && undercuts.iter().all(|l| *l == Label::Out);
            let should_out = premises.contains(&Label::Out) || undercuts.contains(&Label::In);
            let expected = if should_out { Label::Out } else if should_in { Label::In } else { Label::Undecided };
            proptest::prop_assert_eq!(e.link(id), expected, "link {:?}", id);
        }
        for (&id, claim) in &map.claims {
            let expected = match (claim.kind, claim.assessment) {
                (ClaimKind::Note, _) => Label::Undecided,
                (_, Some(Assessment::Accepted)) => Label::In,
                (_, Some(Assessment::Rejected)) => Label::Out,
                _ => {
                    let active = |l: &Link| l.premises.iter().any(|p| map.claims[p].kind != ClaimKind::Note);
                    let into = |kind: LinkKind| -> Vec<Label> {
                        map.links.iter()
                            .filter(|(_, l)| l.kind == kind && l.target == Target::Claim(id) && active(l))
                            .map(|(l, _)| e.link(*l)).collect()
                    };
                    let supports = into(LinkKind::Support);
                    let attacks = into(LinkKind::Attack);
                    let presumed = claim.kind == ClaimKind::Evidence || (!proof && supports.is_empty());
                    if attacks.contains(&Label::In) || (!presumed && supports.iter().all(|l| *l == Label::Out)) {
                        Label::Out
                    } else if (presumed || supports.contains(&Label::In)) && attacks.iter().all(|l| *l == Label::Out) {
                        Label::In
                    } else {
                        Label::Undecided
                    }
                }
            };
            proptest::prop_assert_eq!(e.claim(id), expected, "claim {:?}", id);
        }
        // Numbered otherwise (other ids, claims added in the other order):
        // the same labels, claim for claim.
        let (other, other_ids, other_links) = build(shift, true);
        let f = evaluate(&other);
        for (i, id) in ids.iter().enumerate() {
            proptest::prop_assert_eq!(e.claim(*id), f.claim(other_ids[i]));
        }
        for (i, id) in link_ids.iter().enumerate() {
            proptest::prop_assert_eq!(e.link(*id), f.link(other_links[i]));
        }
    }
}
