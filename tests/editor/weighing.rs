//! Weighing in the editor, as a coach weighs a clash: by keys on a claim
//! or a link, from the card's menu, in the inspector's clash view and its
//! standard, from the palette, and each one step to undo.

use crate::evaluation::homework;
use crate::harness::*;
use argmap::eval::Label;
use argmap::model::{ClaimId, LinkId, Standard, Weight};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

const WEAK: Weight = Weight::STEPS[0].0;
const MODEST: Weight = Weight::STEPS[1].0;
const MODERATE: Weight = Weight::STEPS[2].0;
const STRONG: Weight = Weight::STEPS[3].0;

/// The link from `premise` (its own outgoing link).
fn link_from(harness: &Harness<'_, argmap::ui::ArgmapApp>, premise: ClaimId) -> LinkId {
    map(harness)
        .links_from(premise)
        .next()
        .map(|(id, _)| id)
        .expect("the claim's own link")
}

fn weight(harness: &Harness<'_, argmap::ui::ArgmapApp>, link: LinkId) -> Weight {
    map(harness).links[&link].weight
}

/// Right-clicks the card that says `text` and opens its `submenu`.
fn card_menu(harness: &mut Harness<'_, argmap::ui::ArgmapApp>, text: &str, submenu: &str) {
    let at = card(harness, text).center();
    right_click_at(harness, at);
    harness.get_by_label(submenu).click();
    harness.run();
}

/// The homework map with its rebuttal rejected: the reason and the
/// objection clash at the thesis, both decisive — a tie, so it fails.
fn tied() -> Harness<'static, argmap::ui::ArgmapApp> {
    let mut harness = Editor::new().document(homework()).build();
    click_card(&mut harness, "Habits form at school too", Modifiers::NONE);
    key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    let thesis = claim_id(&harness, "Homework should be optional");
    assert_eq!(harness.state().evaluation().claim(thesis), Label::Out);
    harness
}

#[test]
fn alt_and_a_digit_weighs_the_selected_claims_link_or_the_selected_link() {
    let mut harness = tied();
    let thesis = claim_id(&harness, "Homework should be optional");
    let objection = claim_id(&harness, "Practice at home builds habits");
    let reason = claim_id(&harness, "Children need time to rest");
    let against = link_from(&harness, objection);
    let because = link_from(&harness, reason);

    // The objection selected, Alt+2: its own link is modest, the reason
    // (decisive) outweighs it and the thesis holds.
    click_card(
        &mut harness,
        "Practice at home builds habits",
        Modifiers::NONE,
    );
    key(&mut harness, Modifiers::ALT, Key::Num2);
    assert_eq!(weight(&harness, against), MODEST);
    assert_eq!(harness.state().evaluation().claim(thesis), Label::In);
    assert!(
        harness
            .query_by_label_contains("1 link weighed modest (0.4)")
            .is_some()
    );
    // The claim's text is not touched: the digit was not typed into it.
    assert_eq!(
        map(&harness).claims[&objection].text,
        "Practice at home builds habits"
    );

    // The reason's link selected (Ctrl+L from the reason), Alt+1: weak
    // against modest — but in a debate the thesis is presumed (0.5), which
    // still outweighs the objection.
    click_card(&mut harness, "Children need time to rest", Modifiers::NONE);
    key(&mut harness, Modifiers::COMMAND, Key::L);
    assert_eq!(harness.state().view.selection.link, Some(because));
    key(&mut harness, Modifiers::ALT, Key::Num1);
    assert_eq!(weight(&harness, because), WEAK);
    assert_eq!(weight(&harness, against), MODEST);
    assert_eq!(harness.state().evaluation().claim(thesis), Label::In);
    let verdict = argmap::eval::why_text(
        map(&harness),
        &harness
            .state()
            .evaluation()
            .why_claim(map(&harness), thesis),
    );
    assert!(
        verdict.starts_with(
            "holds: its presumption in a debate (0.5) outweighs *Practice at home builds habits* \
             (modest) — preponderance"
        ),
        "{verdict}"
    );
    // Alt+4 and Alt+5 are strong and decisive.
    key(&mut harness, Modifiers::ALT, Key::Num4);
    assert_eq!(weight(&harness, because), STRONG);
    key(&mut harness, Modifiers::ALT, Key::Num5);
    assert_eq!(weight(&harness, because), Weight::FULL);
    key(&mut harness, Modifiers::ALT, Key::Num3);
    assert_eq!(weight(&harness, because), MODERATE);

    // Each weighing is one undo step.
    for expected in [Weight::FULL, STRONG, WEAK, Weight::FULL] {
        key(&mut harness, Modifiers::COMMAND, Key::Z);
        assert_eq!(weight(&harness, because), expected);
    }
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(weight(&harness, against), Weight::FULL);
    assert_eq!(harness.state().evaluation().claim(thesis), Label::Out);
}

#[test]
fn the_cards_menu_weighs_and_sets_the_standard() {
    let mut harness = tied();
    let thesis = claim_id(&harness, "Homework should be optional");
    let objection = claim_id(&harness, "Practice at home builds habits");
    let against = link_from(&harness, objection);

    card_menu(&mut harness, "Practice at home builds habits", "Weigh");
    harness.get_by_label_contains("Weigh weak (0.2)").click();
    harness.run();
    assert_eq!(weight(&harness, against), WEAK);
    assert_eq!(harness.state().evaluation().claim(thesis), Label::In);

    // The thesis judged beyond reasonable doubt: decisive against weak is
    // a margin of 0.8 with a weak objection, and still holds; against a
    // modest one it would not.
    card_menu(
        &mut harness,
        "Homework should be optional",
        "Proof standard",
    );
    harness
        .get_by_label_contains("Standard: beyond reasonable doubt")
        .click();
    harness.run();
    assert_eq!(
        map(&harness).claims[&thesis].standard,
        Some(Standard::BeyondReasonableDoubt)
    );
    assert_eq!(harness.state().evaluation().claim(thesis), Label::In);
    click_card(
        &mut harness,
        "Practice at home builds habits",
        Modifiers::NONE,
    );
    key(&mut harness, Modifiers::ALT, Key::Num2);
    assert_eq!(harness.state().evaluation().claim(thesis), Label::Out);
    // The menu marks the standard in force.
    card_menu(
        &mut harness,
        "Homework should be optional",
        "Proof standard",
    );
    assert!(
        harness
            .query_by_label_contains("Standard: beyond reasonable doubt  ✔")
            .is_some()
    );
}

#[test]
fn the_inspector_shows_the_clash_and_weighs_in_it() {
    let mut harness = tied();
    let thesis = claim_id(&harness, "Homework should be optional");
    let objection = claim_id(&harness, "Practice at home builds habits");
    let against = link_from(&harness, objection);
    click_card(&mut harness, "Homework should be optional", Modifiers::NONE);
    for label in [
        "The clash",
        "Reasons",
        "Objections",
        "presumed in a debate · 0.5",
    ] {
        assert!(harness.query_by_label(label).is_some(), "{label:?}");
    }
    // Both sides name their claims as links, with their weights.
    let named = format!("Practice at home builds habits [#{}]", objection.0);
    assert!(harness.query_all_by_label(&named).next().is_some());
    assert_eq!(harness.query_all_by_label("(decisive)").count(), 2);

    // The objection's weight menu in the clash: weak.
    harness
        .query_all_by_label("(decisive)")
        .nth(1)
        .expect("the objection's weight")
        .click();
    harness.run();
    harness.get_by_label("weak (0.2)").click();
    harness.run();
    assert_eq!(weight(&harness, against), WEAK);
    assert_eq!(harness.state().evaluation().claim(thesis), Label::In);
    let verdict = argmap::eval::why_text(
        map(&harness),
        &harness
            .state()
            .evaluation()
            .why_claim(map(&harness), thesis),
    );
    assert_eq!(
        verdict,
        "holds: *Children need time to rest* (decisive) outweighs *Practice at home builds \
         habits* (weak) — preponderance"
    );
    assert!(harness.query_by_label_contains(" outweighs ").is_some());

    // The standard from the inspector's combo.
    harness.get_by_label("Standard").click();
    harness.run();
    harness.get_by_label("clear and convincing").click();
    harness.run();
    assert_eq!(
        map(&harness).claims[&thesis].standard,
        Some(Standard::ClearAndConvincing)
    );
    // Decisive against weak clears 0.5: still holds.
    assert_eq!(harness.state().evaluation().claim(thesis), Label::In);

    // The link's own weight row: any value.
    click_card(
        &mut harness,
        "Practice at home builds habits",
        Modifiers::NONE,
    );
    key(&mut harness, Modifiers::COMMAND, Key::L);
    assert!(harness.query_by_label("Weight").is_some());
    harness.get_by_label("moderate").click();
    harness.run();
    assert_eq!(weight(&harness, against), MODERATE);
    // 1.0 − 0.6 is not over 0.5: not clear and convincing.
    assert_eq!(harness.state().evaluation().claim(thesis), Label::Out);
}

#[test]
fn the_palette_weighs_and_the_map_panel_sets_the_presumption() {
    let mut harness = Editor::new().document(homework()).build();
    let objection = claim_id(&harness, "Practice at home builds habits");
    let against = link_from(&harness, objection);
    click_card(
        &mut harness,
        "Practice at home builds habits",
        Modifiers::NONE,
    );
    key(&mut harness, Modifiers::COMMAND, Key::K);
    type_text(&mut harness, "weigh strong");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(weight(&harness, against), STRONG);

    key(&mut harness, Modifiers::COMMAND, Key::K);
    type_text(&mut harness, "clear and convincing");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(
        map(&harness).claims[&objection].standard,
        Some(Standard::ClearAndConvincing)
    );

    // Nothing selected: the map panel holds the map's weighing settings.
    key(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.query_by_label("Presumption").is_some());
    harness.get_by_label("Standard").click();
    harness.run();
    harness.get_by_label("beyond reasonable doubt").click();
    harness.run();
    assert_eq!(
        map(&harness).evaluation.standard,
        Standard::BeyondReasonableDoubt
    );
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(map(&harness).evaluation.standard, Standard::Preponderance);
}

#[test]
fn the_links_menu_weighs_the_link_it_was_opened_on() {
    let mut harness = tied();
    let thesis = claim_id(&harness, "Homework should be optional");
    let objection = claim_id(&harness, "Practice at home builds habits");
    let against = link_from(&harness, objection);
    let on_link = between(
        &harness,
        "Practice at home builds habits",
        "Homework should be optional",
    );
    right_click_at(&mut harness, on_link);
    assert_eq!(harness.state().view.selection.link, Some(against));
    harness.get_by_label("Weigh").click();
    harness.run();
    harness.get_by_label_contains("Weigh modest (0.4)").click();
    harness.run();
    assert_eq!(weight(&harness, against), MODEST);
    assert_eq!(harness.state().evaluation().claim(thesis), Label::In);
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(weight(&harness, against), Weight::FULL);
}

#[test]
fn counts_read_right_for_one() {
    let mut map = argmap::model::Map::new("One");
    map.add_claim(argmap::model::Claim::new(
        "Homework should be optional",
        argmap::model::Pos::new(0.0, 0.0),
    ));
    let harness = Editor::new()
        .document(argmap::edit::Document::untitled(map, false))
        .build();
    assert!(harness.query_by_label("1 claim · 0 links").is_some());
}
