use super::*;
use crate::model::{Assessment, Claim, ClaimKind, Link, LinkKind, Pos, Standard, Target, Weight};

mod properties;

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
        words::to_text(&self.0, &self.eval().why_claim(&self.0, id))
    }
    fn why_link(&self, id: LinkId) -> String {
        words::to_text(&self.0, &self.eval().why_link(&self.0, id))
    }
    fn weigh(&mut self, link: LinkId, weight: f64) {
        if let Some(l) = self.0.links.get_mut(&link) {
            l.weight = Weight::new(weight).unwrap_or(Weight::FULL);
        }
    }
    fn standard(&mut self, id: ClaimId, standard: Standard) {
        if let Some(c) = self.0.claims.get_mut(&id) {
            c.standard = Some(standard);
        }
    }
}

#[test]
fn a_bare_claim_holds_in_a_debate_until_answered_and_is_unproven_in_proof() {
    let mut b = Build::new();
    let thesis = b.claim("T");
    assert_eq!(b.eval().claim(thesis), Label::In);
    assert_eq!(
        b.why(thesis),
        "holds: presumed in a debate (0.5), and nothing answers it yet"
    );
    b.0.evaluation.mode = Mode::Proof;
    assert_eq!(b.eval().claim(thesis), Label::Out);
    assert_eq!(b.why(thesis), "fails: it has no reason (proof mode)");
    // Evidence is presumed in both modes.
    let fact = b.evidence("E");
    let link = b.support(&[fact], thesis);
    let e = b.eval();
    assert_eq!(
        (e.claim(fact), e.link(link), e.claim(thesis)),
        (Label::In, Label::In, Label::In)
    );
    assert_eq!(
        b.why(thesis),
        "holds: *E* (decisive) holds, and nothing answers it"
    );
    assert_eq!(b.why(fact), "holds: evidence, and nothing answers it");
}

#[test]
fn a_tie_fails_on_the_burden_and_says_so_and_a_rebuttal_reinstates_it() {
    let mut b = Build::new();
    let thesis = b.claim("T");
    let reason = b.evidence("R");
    let objection = b.claim("O");
    b.support(&[reason], thesis);
    b.attack(objection, thesis);
    // An IN reason against an IN objection of the same weight: the claim
    // fails, and the sentence says why.
    let e = b.eval();
    assert_eq!(e.claim(objection), Label::In);
    assert_eq!(e.claim(thesis), Label::Out);
    assert_eq!(
        b.why(thesis),
        "tied at decisive: the burden is on the claim, so it fails — weigh them (Alt+1…5); \
         *R* (decisive) against *O* (decisive)"
    );
    // A rebuttal that stands takes the objection down, and the claim is
    // back.
    let rebuttal = b.evidence("B");
    b.attack(rebuttal, objection);
    let e = b.eval();
    assert_eq!(e.claim(rebuttal), Label::In);
    assert_eq!(e.claim(objection), Label::Out);
    assert_eq!(e.claim(thesis), Label::In);
    assert_eq!(
        b.why(thesis),
        "holds: *R* (decisive) holds; *O* (decisive) fails"
    );
}

#[test]
fn the_heavier_side_wins_and_the_sentence_names_both_and_the_standard() {
    let mut b = Build::new();
    let thesis = b.claim("Phones should be banned");
    let reason = b.evidence("Phones distract");
    let objection = b.evidence("Learning tools");
    let r = b.support(&[reason], thesis);
    let o = b.attack(objection, thesis);
    b.weigh(r, 0.8);
    b.weigh(o, 0.4);
    b.0.evaluation.mode = Mode::Proof;
    assert_eq!(b.eval().claim(thesis), Label::In);
    assert_eq!(
        b.why(thesis),
        "holds: *Phones distract* (strong) outweighs *Learning tools* (modest) — preponderance"
    );
    // Swapped, the objection wins.
    b.weigh(r, 0.4);
    b.weigh(o, 0.8);
    assert_eq!(b.eval().claim(thesis), Label::Out);
    assert_eq!(
        b.why(thesis),
        "fails: *Learning tools* (strong) outweighs *Phones distract* (modest) — preponderance"
    );
    // Any weight is shown as its number when it is not a step.
    b.weigh(o, 0.55);
    assert_eq!(
        b.why(thesis),
        "fails: *Learning tools* (0.55) outweighs *Phones distract* (modest) — preponderance"
    );
    // In a debate the claim is presumed at 0.5, more than its modest
    // reason: the presumption is weighed, and the reason still named.
    b.0.evaluation.mode = Mode::Debate;
    assert_eq!(
        b.why(thesis),
        "fails: *Learning tools* (0.55) outweighs its presumption in a debate (0.5) — \
         preponderance; *Phones distract* (modest) also holds"
    );
    b.weigh(o, 0.4);
    assert_eq!(
        b.why(thesis),
        "holds: its presumption in a debate (0.5) outweighs *Learning tools* (modest) — \
         preponderance; *Phones distract* (modest) also holds"
    );
}

#[test]
fn a_standard_asks_for_a_margin_and_the_sentence_says_how_much() {
    let mut b = Build::new();
    let thesis = b.claim("T");
    let reason = b.evidence("R");
    let objection = b.evidence("O");
    let r = b.support(&[reason], thesis);
    let o = b.attack(objection, thesis);
    b.weigh(r, 0.8);
    b.weigh(o, 0.4);
    b.0.evaluation.mode = Mode::Proof;
    b.standard(thesis, Standard::ClearAndConvincing);
    assert_eq!(b.eval().claim(thesis), Label::Out);
    assert_eq!(
        b.why(thesis),
        "fails: *R* (strong) outweighs *O* (modest), but not by enough for clear and \
         convincing (it must weigh more by over 0.5)"
    );
    b.weigh(o, 0.2);
    assert_eq!(b.eval().claim(thesis), Label::In);
    assert_eq!(
        b.why(thesis),
        "holds: *R* (strong) outweighs *O* (weak) — clear and convincing"
    );
    // Beyond reasonable doubt: the margin, and no objection of 0.3 or more.
    b.standard(thesis, Standard::BeyondReasonableDoubt);
    b.weigh(r, 1.0);
    b.weigh(o, 0.35);
    assert_eq!(b.eval().claim(thesis), Label::Out);
    b.weigh(o, 0.25);
    assert_eq!(b.eval().claim(thesis), Label::In);
    // The map's default applies where a claim names none.
    let mut b = Build::new();
    let thesis = b.claim("T");
    let reason = b.evidence("R");
    let r = b.support(&[reason], thesis);
    b.weigh(r, 0.4);
    b.0.evaluation.mode = Mode::Proof;
    assert_eq!(b.eval().claim(thesis), Label::In);
    b.0.evaluation.standard = Standard::ClearAndConvincing;
    assert_eq!(b.eval().claim(thesis), Label::Out);
    assert_eq!(
        b.why(thesis),
        "fails: *R* (modest) is not enough for clear and convincing (it must weigh more by \
         over 0.5)"
    );
}

#[test]
fn a_failing_reason_never_leaves_its_claim_worse_off_than_none() {
    // The case that taught the wrong lesson: in a debate, a bare claim
    // held, and giving it a reason that was then answered made it fail.
    let mut b = Build::new();
    let thesis = b.claim("T");
    let reason = b.claim("R");
    let answer = b.evidence("A");
    b.support(&[reason], thesis);
    b.attack(answer, reason);
    let e = b.eval();
    assert_eq!(e.claim(reason), Label::Out);
    assert_eq!(e.claim(thesis), Label::In);
    assert_eq!(
        b.why(thesis),
        "holds: presumed in a debate (0.5), and nothing answers it yet; *R* fails"
    );
}

#[test]
fn every_reason_that_holds_is_listed_and_lists_read_right() {
    let mut b = Build::new();
    let thesis = b.claim("T");
    let one = b.evidence("One");
    let two = b.evidence("Two");
    let three = b.evidence("Three");
    let objection_x = b.claim("X");
    let objection_y = b.claim("Y");
    let r1 = b.support(&[one], thesis);
    let r2 = b.support(&[two], thesis);
    b.support(&[three], thesis);
    b.weigh(r1, 0.6);
    b.weigh(r2, 0.8);
    b.attack(objection_x, thesis);
    b.attack(objection_y, thesis);
    let answer = b.evidence("Answer");
    b.attack(answer, objection_x);
    b.attack(answer, objection_y);
    b.0.evaluation.mode = Mode::Proof;
    assert_eq!(b.eval().claim(thesis), Label::In);
    assert_eq!(
        b.why(thesis),
        "holds: *Three* (decisive), *Two* (strong) and *One* (moderate) all hold; *X* \
         (decisive) and *Y* (decisive) both fail"
    );
    // A heavier objection standing: the others that hold are still named.
    let heavier = b.evidence("Z");
    let objection = b.attack(heavier, thesis);
    b.weigh(objection, 0.2);
    assert_eq!(
        b.why(thesis),
        "holds: *Three* (decisive) outweighs *Z* (weak) — preponderance; *Two* (strong) and \
         *One* (moderate) also hold; *X* (decisive) and *Y* (decisive) both fail"
    );
}

#[test]
fn an_undercut_link_does_not_follow_and_its_premise_keeps_its_own_status() {
    let mut b = Build::new();
    let thesis = b.claim("T");
    let a = b.claim("A");
    let rival = b.claim("C");
    // A and C attack each other: both open.
    b.attack(a, rival);
    b.attack(rival, a);
    let link = b.support(&[a], thesis);
    let undercutter = b.evidence("U");
    b.undercut(undercutter, link);
    let e = b.eval();
    assert_eq!(e.claim(a), Label::Undecided);
    assert_eq!(e.link(link), Label::Out);
    assert_eq!(b.why_link(link), "does not follow: *U* undercuts it");
    // The thesis is not worse off for the failed reason: presumed.
    assert_eq!(e.claim(thesis), Label::In);
    // A premise that holds keeps holding, and says where it does not
    // support.
    let mut b = Build::new();
    let thesis = b.claim("T");
    let fact = b.evidence("F");
    let link = b.support(&[fact], thesis);
    let u = b.evidence("U");
    b.undercut(u, link);
    b.0.evaluation.mode = Mode::Proof;
    let e = b.eval();
    assert_eq!((e.claim(fact), e.link(link)), (Label::In, Label::Out));
    assert_eq!(
        b.why(fact),
        "holds: evidence, and nothing answers it; but does not support *T* (undercut by *U*)"
    );
    assert_eq!(
        b.why(thesis),
        "fails: no reason holds (*F* does not follow (undercut by *U*))"
    );
    assert_eq!(e.cut_off(fact).collect::<Vec<_>>(), [link]);
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
        "fails: no reason holds (*P1* + *P2* fails (its premise *P2* fails))"
    );
    // Accept P2: both hold, the link holds.
    b.assess(two, Assessment::Accepted);
    let e = b.eval();
    assert_eq!(e.link(link), Label::In);
    assert_eq!(
        b.why(thesis),
        "holds: *P1* + *P2* (decisive) holds, and nothing answers it"
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
                b.why(c).starts_with("open: it depends on a cycle *C"),
                "{}",
                b.why(c)
            );
        }
    }
    let mut b = Build::new();
    let x = b.evidence("X");
    let y = b.evidence("Y");
    b.attack(x, y);
    b.attack(y, x);
    // Each is evidence against a decisive attack: open.
    assert_eq!(b.why(x), "open: it depends on a cycle *X* → *Y* → *X*");
    // A claim outside the cycle that waits on it names the cycle too.
    b.0.evaluation.mode = Mode::Proof;
    let z = b.claim("Z");
    b.support(&[x], z);
    assert_eq!(b.eval().claim(z), Label::Undecided);
    assert!(b.why(z).contains("*X* → *Y*"), "{}", b.why(z));
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
    assert_eq!(b.why(thesis), "fails: no reason holds (*R* fails)");
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
fn untitled_claims_are_named_by_their_first_words_and_titled_ones_by_title() {
    let mut b = Build::new();
    let thesis = b.claim("T");
    let reason = b.evidence("Schools that ban phones see better results in tests");
    let titled = b.evidence("A long text nobody wants to read in a sentence");
    if let Some(c) = b.0.claims.get_mut(&titled) {
        c.title = Some("Short".into());
    }
    b.support(&[reason], thesis);
    b.attack(titled, thesis);
    let why = b.why(thesis);
    assert!(why.contains("*Schools that ban phones see*"), "{why}");
    assert!(why.contains("*Short*"), "{why}");
    assert!(!why.contains('#'), "{why}");
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
