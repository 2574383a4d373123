//! Evaluation in the editor, driven as a coach drives it: assess a claim in
//! the inspector or by keys, see what flips, read why, follow the reasons,
//! and work through the map checks.

use crate::harness::*;
use argmap::edit::Document;
use argmap::eval::Label;
use argmap::model::{Assessment, Claim, ClaimKind, Link, LinkKind, Map, Pos, Target};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

/// "Homework should be optional" with a reason resting on a fact, and an
/// objection answered by a rebuttal: everything holds in a debate.
pub fn homework() -> Document {
    let mut map = Map::new("Homework");
    let claim =
        |map: &mut Map, text: &str, x: f32, y: f32| map.add_claim(Claim::new(text, Pos::new(x, y)));
    let thesis = claim(&mut map, "Homework should be optional", 0.0, 0.0);
    map.thesis = Some(thesis);
    let reason = claim(&mut map, "Children need time to rest", -300.0, 200.0);
    let fact = map.add_claim(Claim {
        kind: ClaimKind::Evidence,
        ..Claim::new(
            "Sleep studies show tired pupils learn less",
            Pos::new(-300.0, 400.0),
        )
    });
    let objection = claim(&mut map, "Practice at home builds habits", 300.0, 200.0);
    let rebuttal = claim(&mut map, "Habits form at school too", 300.0, 400.0);
    map.add_link(Link::new(
        LinkKind::Support,
        vec![reason],
        Target::Claim(thesis),
    ));
    map.add_link(Link::new(
        LinkKind::Support,
        vec![fact],
        Target::Claim(reason),
    ));
    map.add_link(Link::new(
        LinkKind::Attack,
        vec![objection],
        Target::Claim(thesis),
    ));
    map.add_link(Link::new(
        LinkKind::Attack,
        vec![rebuttal],
        Target::Claim(objection),
    ));
    Document::untitled(map, false)
}

#[test]
fn rejecting_a_premise_in_the_inspector_flips_the_thesis_and_marks_what_flipped() {
    let mut harness = Editor::new().document(homework()).build();
    let thesis = claim_id(&harness, "Homework should be optional");
    let rebuttal = claim_id(&harness, "Habits form at school too");
    let objection = claim_id(&harness, "Practice at home builds habits");
    assert_eq!(harness.state().evaluation().claim(thesis), Label::In);
    // Show the evaluation: the status bar says how the thesis fares.
    key(&mut harness, Modifiers::COMMAND, Key::E);
    assert!(harness.query_by_label_contains("Thesis ✓ holds").is_some());

    // Reject the rebuttal in the inspector: the objection stands again and
    // the thesis fails.
    click_card(&mut harness, "Habits form at school too", Modifiers::NONE);
    harness.get_by_label("rejected").click();
    harness.run();
    let state = harness.state();
    assert_eq!(
        map(&harness).claims[&rebuttal].assessment,
        Some(Assessment::Rejected)
    );
    assert_eq!(state.evaluation().claim(objection), Label::In);
    assert_eq!(state.evaluation().claim(thesis), Label::Out);
    let flipped: Vec<_> = state.flipped().iter().copied().collect();
    assert_eq!(flipped, [thesis, objection, rebuttal]);
    assert!(harness.query_by_label_contains("Thesis ✗ fails").is_some());

    // The inspector says why the thesis fails (a decisive reason against a
    // decisive objection: a tie, and the burden is on the claim), and the
    // claims it names by title are links that go there.
    click_card(&mut harness, "Homework should be optional", Modifiers::NONE);
    assert!(
        harness
            .query_by_label(
                "tied at decisive: the burden is on the claim, so it fails — weigh them \
                 (Alt+1…5); "
            )
            .is_some()
    );
    let named = format!("Practice at home builds habits [#{}]", objection.0);
    assert_eq!(
        harness.query_all_by_label(&named).count(),
        2,
        "the clash and the sentence"
    );
    harness
        .query_all_by_label(&named)
        .next()
        .expect("the link")
        .click();
    harness.run();
    assert_eq!(selected(&harness), [objection]);

    // One undo step takes it all back.
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(map(&harness).claims[&rebuttal].assessment, None);
    assert_eq!(harness.state().evaluation().claim(thesis), Label::In);
}

#[test]
fn accept_reject_and_clear_by_keys_and_the_mode_in_the_map_panel() {
    let mut harness = Editor::new().document(homework()).build();
    let thesis = claim_id(&harness, "Homework should be optional");
    let fact = claim_id(&harness, "Sleep studies show tired pupils learn less");
    click_card(
        &mut harness,
        "Sleep studies show tired pupils learn less",
        Modifiers::NONE,
    );
    key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    assert_eq!(
        map(&harness).claims[&fact].assessment,
        Some(Assessment::Rejected)
    );
    // In a debate a reason that loses its only fact is still presumed, and
    // a failing reason never leaves a claim worse off: the thesis holds.
    let reason = claim_id(&harness, "Children need time to rest");
    assert_eq!(harness.state().evaluation().claim(reason), Label::In);
    assert_eq!(harness.state().evaluation().claim(thesis), Label::In);
    key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    assert_eq!(
        map(&harness).claims[&fact].assessment,
        Some(Assessment::Accepted)
    );
    assert_eq!(harness.state().evaluation().claim(thesis), Label::In);
    key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::U);
    assert_eq!(map(&harness).claims[&fact].assessment, None);

    // Proof mode, from the map panel: claims with no reason (the objection,
    // the rebuttal) are not established; the thesis rests on its fact.
    key(&mut harness, Modifiers::NONE, Key::Escape);
    harness.get_by_label("Evaluation").click();
    harness.run();
    harness.get_by_label("proof: must be established").click();
    harness.run();
    assert_eq!(map(&harness).evaluation.mode, argmap::model::Mode::Proof);
    let objection = claim_id(&harness, "Practice at home builds habits");
    let rebuttal = claim_id(&harness, "Habits form at school too");
    let evaluation = harness.state().evaluation();
    assert_eq!(evaluation.claim(objection), Label::Out);
    assert_eq!(evaluation.claim(rebuttal), Label::Out);
    assert_eq!(evaluation.claim(thesis), Label::In);
    // In proof mode the thesis rests on its fact: rejected, it falls.
    click_card(
        &mut harness,
        "Sleep studies show tired pupils learn less",
        Modifiers::NONE,
    );
    key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    assert_eq!(harness.state().evaluation().claim(thesis), Label::Out);
}

#[test]
fn the_checks_panel_lists_findings_goes_to_their_claims_and_switches_rules_off() {
    let mut doc = homework();
    let loose = doc
        .map
        .add_claim(Claim::new("Schools differ", Pos::new(900.0, 0.0)));
    let mut harness = Editor::new().document(doc).build();
    assert!(
        harness
            .query_by_label_contains("1 finding to check")
            .is_some()
    );
    key(&mut harness, Modifiers::NONE, Key::F7);
    assert!(harness.query_by_label("Map checks").is_some());
    harness.get_by_label_contains("orphan · #").click();
    harness.run();
    assert_eq!(selected(&harness), [loose]);
    // Switched off for this map: saved in it, one undo step.
    harness.get_by_label("orphan").click();
    harness.run();
    assert!(map(&harness).evaluation.checks_off.contains("orphan"));
    assert!(harness.state().findings().is_empty());
    assert!(harness.query_by_label_contains("to check").is_none());
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().findings().len(), 1);
}
