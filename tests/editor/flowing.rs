//! Flowing a round by keyboard in the real editor: File → New round… makes
//! a Policy round on its motion and opens the flow; Enter adds an argument
//! in the current speech and typing starts at once; Ctrl+→ moves on; Tab
//! answers the selected argument — an attack from the other side, an
//! extension from the same; the drops show under their cards; the speech
//! timer starts and stops by key; nothing typed is lost.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

use crate::harness::{Editor, click_card, key, map, type_text};
use argmap::model::{ClaimId, LinkKind, Map, Target};

/// The claim that says `text`.
fn said(map: &Map, text: &str) -> ClaimId {
    map.claims
        .iter()
        .find(|(_, c)| c.text == text)
        .map_or_else(|| panic!("no claim says {text:?}"), |(&id, _)| id)
}

/// How `from` answers `to`, if it does.
fn answers(map: &Map, from: ClaimId, to: ClaimId) -> Option<LinkKind> {
    map.links
        .values()
        .find(|l| l.premises == [from] && l.target == Target::Claim(to))
        .map(|l| l.kind)
}

/// A blank editor, then File → New round… and Create round: a Policy
/// round on a motion to be written, in the flow view.
fn new_round() -> egui_kittest::Harness<'static, argmap::ui::ArgmapApp> {
    let mut harness = Editor::new()
        .size(egui::vec2(1280.0, 800.0))
        .blank()
        .build();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("New round…").click();
    harness.run();
    harness.get_by_label("Create round").click();
    harness.run();
    harness
}

#[test]
fn a_round_flowed_by_keyboard_becomes_a_map_with_its_speeches_and_drops() {
    let mut harness = new_round();
    assert!(harness.state().doc.map.round.is_some());
    assert!(
        harness.query_by_label("Policy round").is_some(),
        "the flow bar"
    );
    // The 1AC: two arguments for the motion, typed at once.
    key(&mut harness, Modifiers::NONE, Key::Enter);
    type_text(&mut harness, "Homework crowds out play");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    key(&mut harness, Modifiers::NONE, Key::Enter);
    type_text(&mut harness, "Homework widens the gap");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    // The 1NC answers the first and runs an argument of its own.
    key(&mut harness, Modifiers::COMMAND, Key::ArrowRight);
    click_card(&mut harness, "Homework crowds out play", Modifiers::NONE);
    key(&mut harness, Modifiers::NONE, Key::Tab);
    type_text(&mut harness, "Clubs fill the time anyway");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    key(&mut harness, Modifiers::NONE, Key::Enter);
    type_text(&mut harness, "Grades fall without practice");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    // The 2AC answers the 1NC's answer and extends its own argument.
    key(&mut harness, Modifiers::COMMAND, Key::ArrowRight);
    click_card(&mut harness, "Clubs fill the time anyway", Modifiers::NONE);
    key(&mut harness, Modifiers::NONE, Key::Tab);
    type_text(&mut harness, "Clubs are play too");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    click_card(&mut harness, "Homework crowds out play", Modifiers::NONE);
    key(&mut harness, Modifiers::NONE, Key::Tab);
    type_text(&mut harness, "Play builds focus");
    key(&mut harness, Modifiers::NONE, Key::Enter);

    let map = map(&harness);
    let motion = map.thesis.expect("the motion");
    let speech = |text: &str| map.claims[&said(map, text)].speech.clone();
    assert_eq!(speech("Homework crowds out play").as_deref(), Some("1AC"));
    assert_eq!(speech("Homework widens the gap").as_deref(), Some("1AC"));
    assert_eq!(speech("Clubs fill the time anyway").as_deref(), Some("1NC"));
    assert_eq!(
        speech("Grades fall without practice").as_deref(),
        Some("1NC")
    );
    assert_eq!(speech("Clubs are play too").as_deref(), Some("2AC"));
    assert_eq!(speech("Play builds focus").as_deref(), Some("2AC"));
    let play = said(map, "Homework crowds out play");
    assert_eq!(answers(map, play, motion), Some(LinkKind::Support));
    assert_eq!(
        answers(map, said(map, "Grades fall without practice"), motion),
        Some(LinkKind::Attack),
        "the Negative's own argument attacks the motion"
    );
    assert_eq!(
        answers(map, said(map, "Clubs fill the time anyway"), play),
        Some(LinkKind::Attack)
    );
    assert_eq!(
        answers(
            map,
            said(map, "Clubs are play too"),
            said(map, "Clubs fill the time anyway")
        ),
        Some(LinkKind::Attack)
    );
    assert_eq!(
        answers(map, said(map, "Play builds focus"), play),
        Some(LinkKind::Support),
        "the same side extends"
    );
    // Nothing typed was lost: the motion and six arguments, each with its
    // words.
    assert_eq!(map.claims.len(), 7);
    // The 1NC never answered the gap: dropped; the 2AC never answered the
    // 1NC's grades.
    let flow = argmap::model::flow::Flow::of(map).expect("a round");
    assert_eq!(
        flow.dropped_words(said(map, "Homework widens the gap"))
            .as_deref(),
        Some("dropped in 1NC")
    );
    assert_eq!(
        flow.dropped_words(said(map, "Grades fall without practice"))
            .as_deref(),
        Some("dropped in 2AC")
    );
    assert_eq!(
        flow.extended_words(play).as_deref(),
        Some("extended in 2AC")
    );
}

#[test]
fn the_speech_timer_starts_and_stops_by_key_and_speeches_change_with_ctrl_arrows() {
    let mut harness = new_round();
    assert!(harness.query_by_label("1AC · Affirmative").is_some());
    assert!(harness.query_by_label("Start").is_some());
    key(&mut harness, Modifiers::COMMAND, Key::T);
    assert!(harness.query_by_label("Stop").is_some(), "running");
    key(&mut harness, Modifiers::COMMAND, Key::T);
    assert!(harness.query_by_label("Start").is_some(), "stopped");
    key(&mut harness, Modifiers::COMMAND, Key::ArrowRight);
    assert!(harness.query_by_label("1NC · Negative").is_some());
    assert!(
        harness.query_by_label("⏱ 8:00").is_some(),
        "the 1NC's eight minutes"
    );
    key(&mut harness, Modifiers::COMMAND, Key::ArrowLeft);
    assert!(harness.query_by_label("1AC · Affirmative").is_some());
    // Each side's prep clock.
    assert!(harness.query_by_label("Affirmative prep 8:00").is_some());
    assert!(harness.query_by_label("Negative prep 8:00").is_some());
    // A card dragged in the flow stays in its column, and the map's own
    // places are left alone.
    key(&mut harness, Modifiers::NONE, Key::Enter);
    type_text(&mut harness, "Homework crowds out play");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    let id = said(map(&harness), "Homework crowds out play");
    let before = map(&harness).claims[&id].pos;
    let from = crate::harness::card(&harness, "Homework crowds out play").center();
    crate::harness::drag(
        &mut harness,
        from,
        from + egui::vec2(150.0, 90.0),
        Modifiers::NONE,
    );
    assert_eq!(map(&harness).claims[&id].pos, before);
    assert!(
        harness
            .state()
            .status()
            .contains("stands in its speech's column")
    );
    // F8 closes the flow; the map stays a round.
    key(&mut harness, Modifiers::NONE, Key::F8);
    assert!(harness.query_by_label("Policy round").is_none());
}
