#![expect(clippy::disallowed_methods, reason = "tests read real files")]
//! A coach's first hour, point by point: what got in the way of a new user
//! building, reading, presenting and printing a case, each driven as that
//! user drove it.

use crate::harness::*;
use egui::{Event, Key, Modifiers};

/// Presses the key of each character of `text` and types it, as a
/// keyboard does: a key event and a text event for each.
fn type_keys(harness: &mut egui_kittest::Harness<'_, argmap::ui::ArgmapApp>, text: &str) {
    for c in text.chars() {
        let key = match c {
            '+' => Some(Key::Plus),
            '-' => Some(Key::Minus),
            '=' => Some(Key::Equals),
            ' ' => Some(Key::Space),
            _ => Key::from_name(&c.to_ascii_uppercase().to_string()),
        };
        if let Some(key) = key {
            harness.key_press(key);
        }
        harness.event(Event::Text(c.to_string()));
        harness.run();
    }
}

/// Point 4: letters typed while nothing is being edited never act on the
/// map or the view; on a selected claim they start editing it.
#[test]
fn stray_letters_change_nothing_and_typing_on_a_claim_edits_it() {
    let mut harness = Editor::new().build();
    // Click the empty canvas: the canvas has the keyboard, nothing selected.
    let empty = harness.state().view.camera.canvas_rect.left_top() + egui::vec2(30.0, 30.0);
    click_at(&mut harness, empty, Modifiers::NONE, 1);
    harness.run_steps(40);
    assert!(selected(&harness).is_empty());
    let map_before = argmap::format::ron::to_string(map(&harness));
    let revision = harness.state().doc.state();
    let view_before = harness.state().view.camera.scene_rect;
    let look_before = harness.state().view.look.minimap;

    type_keys(
        &mut harness,
        "Please fit my map, pin it + zoom - M P F = done",
    );
    harness.run_steps(40);

    assert_eq!(argmap::format::ron::to_string(map(&harness)), map_before);
    assert_eq!(harness.state().doc.state(), revision);
    assert_eq!(harness.state().view.camera.scene_rect, view_before);
    assert_eq!(harness.state().view.look.minimap, look_before);
    assert!(harness.state().view.editing.is_none());
    assert!(
        harness.state().status().contains("Nothing is selected"),
        "{}",
        harness.state().status()
    );

    // On a selected claim, typing starts editing it, the letters added at
    // the end; Enter ends it, and one undo takes the typing back.
    let thesis = map(&harness).thesis.expect("a thesis");
    let text = map(&harness).claims[&thesis].text.clone();
    click_card(&mut harness, &text, Modifiers::NONE);
    type_keys(&mut harness, " Indeed");
    assert_eq!(
        harness.state().view.editing.as_ref().map(|e| e.claim),
        Some(thesis)
    );
    key(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(map(&harness).claims[&thesis].text, format!("{text} Indeed"));
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(map(&harness).claims[&thesis].text, text);
}

/// Point 5: after Arrange the camera ends on the arranged claims: none is
/// cut off at the sides, without pressing anything else.
#[test]
fn arranging_ends_with_every_claim_in_view() {
    use argmap::edit::Document;
    use argmap::model::{Claim, Link, LinkKind, Map, Pos, Target};
    // Claims piled up in one spot, as after pasting or importing: arranged,
    // they spread far wider than the pile.
    let mut map = Map::new("Homework");
    let thesis = map.add_claim(Claim::new(
        "Homework should be optional",
        Pos::new(0.0, 0.0),
    ));
    map.thesis = Some(thesis);
    let mut texts = vec!["Homework should be optional".to_owned()];
    for i in 0_u8..8 {
        let text = format!("Reason {i} for making homework optional");
        let reason = map.add_claim(Claim::new(&text, Pos::new(f32::from(i) * 4.0, 10.0)));
        let kind = if i % 3 == 2 {
            LinkKind::Attack
        } else {
            LinkKind::Support
        };
        map.add_link(Link::new(kind, vec![reason], Target::Claim(thesis)));
        texts.push(text);
    }
    let mut harness = Editor::new()
        .document(Document::untitled(map, false))
        .build();
    harness.run_steps(10);
    key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    harness.run_steps(90);
    let canvas = harness.state().view.camera.canvas_rect;
    for text in &texts {
        let rect = card(&harness, text);
        assert!(
            canvas.contains_rect(rect),
            "{text:?} at {rect:?} is cut off by the canvas {canvas:?}"
        );
    }
}

/// Point 8: the status bar says what the last action did, and nothing
/// stale: no "select one claim" after Ctrl+Enter made the thesis, no
/// "Opened …" on a new map, a message that goes once the map changes, and
/// a clear word (with a way on) when no file dialog can be shown.
#[test]
fn status_messages_fit_the_action_and_do_not_linger() {
    let dialogs = ScriptedDialogs::always(Some(argmap_root().join("maps/debate-motion.ron")));
    let mut harness = Editor::new().dialogs(&dialogs).blank().build();
    key(&mut harness, Modifiers::COMMAND, Key::O);
    harness.run_steps(20);
    assert!(
        harness.state().status().contains("debate-motion.ron"),
        "{}",
        harness.state().status()
    );
    key(&mut harness, Modifiers::COMMAND, Key::N);
    harness.run_steps(20);
    assert!(map(&harness).claims.is_empty());
    let status = harness.state().status().to_owned();
    assert!(!status.contains("debate-motion"), "{status}");

    // The first claim, by Ctrl+Enter: it becomes the thesis, and nothing
    // tells the user to select a claim.
    let empty = harness.state().view.camera.canvas_rect.center();
    click_at(&mut harness, empty, Modifiers::NONE, 1);
    // Tab on an empty map has no claim to answer, and says so…
    key(&mut harness, Modifiers::NONE, Key::Tab);
    assert!(
        harness.state().status().contains("Select one claim"),
        "{}",
        harness.state().status()
    );
    // …but that is old news once Ctrl+Enter has made the thesis.
    key(&mut harness, Modifiers::COMMAND, Key::Enter);
    type_text(&mut harness, "Homework should be banned in primary schools");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    harness.run_steps(10);
    assert_eq!(map(&harness).claims.len(), 1);
    let status = harness.state().status().to_owned();
    assert!(!status.contains("Select one claim"), "{status}");

    // "Already arranged" is about the moment it was said: the next change
    // to the map clears it.
    key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    assert!(
        harness.state().status().contains("Already arranged"),
        "{}",
        harness.state().status()
    );
    key(&mut harness, Modifiers::NONE, Key::Tab);
    type_text(&mut harness, "Children need play");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    harness.run_steps(5);
    assert!(
        !harness.state().status().contains("Already arranged"),
        "{}",
        harness.state().status()
    );
}

/// Point 8: with no file dialog to be had, saving says so and asks for a
/// typed path, and saving there works.
#[test]
fn with_no_file_dialog_a_typed_path_saves_the_map() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let dialogs = ScriptedDialogs::unavailable();
    let mut harness = Editor::new().dialogs(&dialogs).blank().build();
    build_small_map(&mut harness);
    key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run_steps(5);
    assert!(
        harness
            .state()
            .status()
            .contains("file dialog could not open"),
        "{}",
        harness.state().status()
    );
    // The field suggests a file name; the user types a whole path over it.
    let path = folder.path().join("homework");
    key(&mut harness, Modifiers::COMMAND, Key::A);
    type_text(&mut harness, &path.display().to_string());
    key(&mut harness, Modifiers::NONE, Key::Enter);
    harness.run_steps(5);
    let saved = folder.path().join("homework.ron");
    let text = std::fs::read_to_string(&saved).expect("the map was saved");
    assert!(text.contains("Homework should be optional"));
    assert_eq!(harness.state().doc.path.as_deref(), Some(saved.as_path()));
}

fn argmap_root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Point 9: View → Inspector hides and shows the inspector; the outline
/// panel shows the map as because / but lines, a click selects the claim,
/// and it follows edits.
#[test]
fn the_inspector_can_be_hidden_and_the_outline_follows_the_map() {
    use egui_kittest::kittest::Queryable as _;
    let mut harness = Editor::new().blank().build();
    build_small_map(&mut harness);
    let hint = "Double-click the canvas for a new claim";
    key(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.query_by_label_contains(hint).is_some());
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label_contains("Inspector").click();
    harness.run_steps(3);
    assert!(
        harness.query_by_label_contains(hint).is_none(),
        "the inspector is hidden"
    );
    let canvas_before = harness.state().view.camera.canvas_rect;
    key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::I);
    harness.run_steps(3);
    assert!(
        harness.query_by_label_contains(hint).is_some(),
        "the inspector is back"
    );
    assert!(harness.state().view.camera.canvas_rect.width() < canvas_before.width());

    // The outline, from its key: the thesis, then "because" and "but".
    key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label("Thesis: Homework should be optional")
            .is_some()
    );
    assert!(harness.query_by_label("because").is_some());
    assert!(harness.query_by_label("but").is_some());
    // A click on a line selects its claim (the line, not the card: the
    // outline is the panel on the left).
    let panel = harness
        .get_by_label("Thesis: Homework should be optional")
        .rect();
    let line = harness
        .query_all_by_label("Practice at home builds habits")
        .find(|node| {
            (node.rect().left() - panel.left()).abs() < 100.0 && node.rect().top() > panel.top()
        })
        .expect("the objection's line");
    line.click();
    harness.run_steps(3);
    let objection = claim_id(&harness, "Practice at home builds habits");
    assert_eq!(selected(&harness), [objection]);
    // An edit on the canvas shows in the outline at once.
    key(&mut harness, Modifiers::NONE, Key::Enter);
    type_text(&mut harness, " every day");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    harness.run_steps(3);
    assert_eq!(
        harness
            .query_all_by_label("Practice at home builds habits every day")
            .count(),
        2,
        "the card and the outline's line both say the new text"
    );
}

/// Point 2: a new claim is put where the user sees it: when the place the
/// structure gives it is off screen (or under a panel), the view moves to
/// it, and it follows the card while it is typed into.
#[test]
fn a_new_claim_is_never_off_screen() {
    let mut harness = Editor::new().blank().build();
    build_small_map(&mut harness);
    // Close in on the thesis, at the right edge of the canvas: its next
    // reason goes right of the others, outside the view.
    click_card(&mut harness, "Homework should be optional", Modifiers::NONE);
    for _ in 0..6 {
        key(&mut harness, Modifiers::ALT, Key::Equals);
    }
    let thesis = card(&harness, "Homework should be optional");
    let canvas = harness.state().view.camera.canvas_rect;
    let shift = egui::vec2(canvas.right() - thesis.right() - 10.0, 0.0);
    harness.state_mut().view.camera.scene_rect = harness
        .state()
        .view
        .camera
        .scene_rect
        .translate(-shift / harness.state().view.camera.zoom());
    harness.run_steps(3);
    for (keys, text) in [
        (Modifiers::NONE, "Evenings belong to families"),
        (Modifiers::SHIFT, "Some pupils want to practise"),
    ] {
        click_card(&mut harness, "Homework should be optional", Modifiers::NONE);
        key(&mut harness, keys, Key::Tab);
        type_text(&mut harness, text);
        harness.run_steps(5);
        let canvas = harness.state().view.camera.canvas_rect;
        let new = card(&harness, text);
        assert!(
            canvas.contains_rect(new),
            "{text:?} at {new:?} is outside {canvas:?}"
        );
        key(&mut harness, Modifiers::NONE, Key::Enter);
    }
}

/// Point 1: linked premises and undercuts from the keyboard, on a claim or
/// on a selected link, and links walked with the arrows.
#[test]
fn co_premises_and_undercuts_by_keyboard_and_links_walked() {
    use argmap::model::{LinkKind, Target};
    let mut harness = Editor::new().blank().build();
    let center = harness.state().view.camera.canvas_rect.center();
    click_at(&mut harness, center, Modifiers::NONE, 1);
    key(&mut harness, Modifiers::COMMAND, Key::Enter);
    type_text(&mut harness, "Ban homework in primary schools");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    key(&mut harness, Modifiers::NONE, Key::Tab);
    type_text(&mut harness, "Children need time to play");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    // Ctrl+Shift+Enter on the reason: a premise linked with it.
    key(
        &mut harness,
        Modifiers::COMMAND | Modifiers::SHIFT,
        Key::Enter,
    );
    type_text(&mut harness, "Homework takes that time");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    let thesis = claim_id(&harness, "Ban homework in primary schools");
    let play = claim_id(&harness, "Children need time to play");
    let takes = claim_id(&harness, "Homework takes that time");
    let (reason, link) = map(&harness)
        .links_from(play)
        .next()
        .map(|(id, l)| (id, l.clone()))
        .expect("the reason's link");
    assert_eq!(link.premises, [play, takes]);
    assert_eq!(link.target, Target::Claim(thesis));

    // Ctrl+Shift+Tab on a premise: an objection to the inference.
    key(
        &mut harness,
        Modifiers::COMMAND | Modifiers::SHIFT,
        Key::Tab,
    );
    type_text(&mut harness, "Play happens at school too");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    let undercut = claim_id(&harness, "Play happens at school too");
    let (undercut_link, l) = map(&harness).links_from(undercut).next().expect("its link");
    assert_eq!((l.kind, l.target), (LinkKind::Attack, Target::Link(reason)));

    // Ctrl+L selects the link from a claim; the arrows walk from it.
    click_card(&mut harness, "Play happens at school too", Modifiers::NONE);
    key(&mut harness, Modifiers::COMMAND, Key::L);
    assert_eq!(harness.state().view.selection.link, Some(undercut_link));
    key(&mut harness, Modifiers::NONE, Key::ArrowUp);
    assert_eq!(
        harness.state().view.selection.link,
        Some(reason),
        "↑ to the link it undercuts"
    );
    key(&mut harness, Modifiers::NONE, Key::ArrowDown);
    assert_eq!(selected(&harness), [play], "↓ to the link's first premise");
    // With the link selected, Tab adds a co-premise and Shift+Tab objects
    // to it (no "select one claim first").
    key(&mut harness, Modifiers::COMMAND, Key::L);
    key(&mut harness, Modifiers::NONE, Key::Tab);
    type_text(&mut harness, "Evenings are short");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    let evenings = claim_id(&harness, "Evenings are short");
    assert_eq!(
        map(&harness).links[&reason].premises,
        [play, takes, evenings]
    );
    click_card(&mut harness, "Children need time to play", Modifiers::NONE);
    key(&mut harness, Modifiers::COMMAND, Key::L);
    key(&mut harness, Modifiers::SHIFT, Key::Tab);
    type_text(&mut harness, "Tired children do not play anyway");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    let second = claim_id(&harness, "Tired children do not play anyway");
    let (_, l) = map(&harness).links_from(second).next().expect("its link");
    assert_eq!(l.target, Target::Link(reason));
    assert!(!harness.state().status().contains("Select one claim"));
}

/// Point 1: the link's context menu offers the same two, and dragging a
/// handle with Shift (which no desktop takes) attacks.
#[test]
fn the_link_menu_offers_co_premise_and_undercut() {
    use egui_kittest::kittest::Queryable as _;
    let mut harness = Editor::new().blank().build();
    build_small_map(&mut harness);
    let on_link = between(
        &harness,
        "Children need time to rest",
        "Homework should be optional",
    );
    right_click_at(&mut harness, on_link);
    harness.run_steps(3);
    // In the menu, and in the inspector of the link (selected by the
    // right-click).
    assert_eq!(
        harness
            .query_all_by_label_contains("Add co-premise")
            .count(),
        2
    );
    harness
        .query_all_by_label_contains("Object to the inference")
        .last()
        .expect("the menu's entry")
        .click();
    harness.run_steps(3);
    type_text(&mut harness, "Rest does not need empty evenings");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    let undercut = claim_id(&harness, "Rest does not need empty evenings");
    let rest = claim_id(&harness, "Children need time to rest");
    let (reason, _) = map(&harness).links_from(rest).next().expect("the reason");
    let (_, l) = map(&harness)
        .links_from(undercut)
        .next()
        .expect("the undercut");
    assert_eq!(l.target, argmap::model::Target::Link(reason));
}

/// Point 7: F1 lists every command, presenting included, and the mouse
/// gestures, group by group in a sensible order, at its final size from
/// the first frame; the palette finds commands by the words people use.
#[test]
fn the_shortcut_list_is_whole_and_ordered_and_the_palette_knows_synonyms() {
    use egui_kittest::kittest::Queryable as _;
    let mut harness = Editor::new().build();
    harness.key_press(Key::F1);
    // The frame that takes the key, then the first frame of the list.
    harness.step();
    harness.step();
    let window = |h: &egui_kittest::Harness<'_, argmap::ui::ArgmapApp>| {
        h.query_all_by_label("Keyboard shortcuts")
            .map(|n| n.rect())
            .min_by(|a, b| a.top().total_cmp(&b.top()))
    };
    let first = window(&harness).expect("the list opens");
    harness.run_steps(5);
    assert_eq!(
        window(&harness),
        Some(first),
        "no jump after the first frame"
    );

    for label in [
        "Present",
        "While presenting",
        "Presentation steps",
        "Mouse",
        "Add co-premise",
        "Object to the inference",
        "Select its link",
        "Drag the handle onto a link",
        "Ctrl+drag the handle onto a premise",
        "Next step",
    ] {
        assert!(
            harness.query_all_by_label(label).next().is_some(),
            "{label:?} is in the list"
        );
    }
    let top = |label: &str| {
        harness
            .query_all_by_label(label)
            .map(|n| n.rect().top())
            .fold(f32::MAX, f32::min)
    };
    // Edit reads as a user meets it: make, answer, change, undo.
    assert!(top("Add reason") < top("Add objection"));
    assert!(top("Add objection") < top("Add co-premise"));
    assert!(top("Add co-premise") < top("Delete"));
    assert!(top("Delete") < top("Undo"));
    key(&mut harness, Modifiers::NONE, Key::Escape);

    key(&mut harness, Modifiers::COMMAND, Key::K);
    type_text(&mut harness, "link");
    for label in [
        "Add co-premise",
        "Object to the inference",
        "Select its link",
    ] {
        assert!(
            harness.query_by_label_contains(label).is_some(),
            "{label:?} for \"link\""
        );
    }
    key(&mut harness, Modifiers::NONE, Key::Escape);
    key(&mut harness, Modifiers::COMMAND, Key::K);
    type_text(&mut harness, "undercut");
    assert!(
        harness
            .query_by_label_contains("Object to the inference")
            .is_some()
    );
}

/// Walks the presentation forward until the step on screen holds `claim`.
fn present_until(
    harness: &mut egui_kittest::Harness<'_, argmap::ui::ArgmapApp>,
    claim: argmap::model::ClaimId,
) {
    for _ in 0..60 {
        let (_, _, step) = harness.state().presentation().expect("presenting");
        if step.contains(&claim) {
            harness.run_steps(40);
            return;
        }
        key(harness, Modifiers::NONE, Key::ArrowRight);
    }
    panic!("no step shows {claim:?}");
}

/// Point 3 (and issue 30, point 6): every step of the bundled map reads
/// from the back row at 1280×800: card text at least 16 px tall, each of
/// the step's cards whole on screen or pointed at ("and #N"), what it
/// answers in view or pointed at, and no pointer label over a card.
#[test]
fn presenting_the_bundled_map_keeps_every_step_readable() {
    let mut harness = Editor::new().size(egui::vec2(1280.0, 800.0)).build();
    // F5 presents without the presenter window (W opens it).
    key(&mut harness, Modifiers::NONE, Key::F5);
    harness.run_steps(40);
    let (_, total, _) = harness.state().presentation().expect("presenting");
    let mut pointed = 0;
    let mut shown: Vec<String> = Vec::new();
    for step in 0..total {
        if step > 0 {
            key(&mut harness, Modifiers::NONE, Key::ArrowRight);
        }
        harness.run_steps(40);
        let zoom = harness.state().view.camera.zoom();
        assert!(
            zoom * argmap::card::TEXT_SIZE >= 16.0 * 0.99,
            "step {}: card text {} px tall",
            step + 1,
            zoom * argmap::card::TEXT_SIZE
        );
        let canvas = harness.state().view.camera.canvas_rect;
        let (_, _, claims) = harness.state().presentation().expect("presenting");
        let claims = claims.to_vec();
        let pointers: Vec<String> = harness
            .state()
            .presentation_pointers()
            .into_iter()
            .map(str::to_owned)
            .collect();
        for claim in &claims {
            let text = map(&harness).claims[claim].text.clone();
            let rect = card(&harness, &text);
            assert!(
                canvas.expand(1.0).contains_rect(rect)
                    || pointers
                        .iter()
                        .any(|p| p.starts_with(&format!("and #{}:", claim.0))),
                "step {}: {text:?} is cut off and not pointed at ({pointers:?})",
                step + 1
            );
            shown.push(text);
        }
        let boxes = harness.state().presentation_pointer_boxes().to_vec();
        for text in &shown {
            let rect = card(&harness, text).intersect(canvas);
            if !rect.is_positive() {
                continue;
            }
            for b in &boxes {
                assert!(
                    !b.intersects(rect),
                    "step {}: a pointer label {b:?} covers {text:?} at {rect:?}",
                    step + 1
                );
            }
        }
        pointed += usize::from(!pointers.is_empty());
    }
    // Step 2 answers the thesis from far away: pointed at, labelled.
    key(&mut harness, Modifiers::NONE, Key::Home);
    key(&mut harness, Modifiers::NONE, Key::ArrowRight);
    harness.run_steps(40);
    let thesis = map(&harness).thesis.expect("a thesis");
    let thesis_text = map(&harness).claims[&thesis].text.clone();
    let thesis_in_view = harness
        .state()
        .view
        .camera
        .canvas_rect
        .contains_rect(card(&harness, &thesis_text));
    let pointers = harness.state().presentation_pointers();
    assert!(
        thesis_in_view
            || pointers
                .iter()
                .any(|p| p.starts_with(&format!("answers #{}", thesis.0))),
        "{pointers:?}"
    );
    assert!(pointed > 0, "far answers are pointed at");
}

/// Point 3: the step that objects to an inference is shown with the whole
/// inference: the premises it is about and what they support.
#[test]
fn an_objection_to_an_inference_is_presented_with_the_inference() {
    use argmap::edit::Document;
    use argmap::model::{Claim, Link, LinkKind, Map, Pos, Target};
    let mut m = Map::new("Homework");
    let claim =
        |m: &mut Map, text: &str, x: f32, y: f32| m.add_claim(Claim::new(text, Pos::new(x, y)));
    let thesis = claim(&mut m, "Ban homework in primary schools", 0.0, 0.0);
    m.thesis = Some(thesis);
    let play = claim(&mut m, "Children need time to play", -420.0, 260.0);
    let takes = claim(&mut m, "Homework takes that time", -140.0, 260.0);
    let reason = m.add_link(Link::new(
        LinkKind::Support,
        vec![play, takes],
        Target::Claim(thesis),
    ));
    let habits = claim(&mut m, "Homework builds study habits", 420.0, 260.0);
    m.add_link(Link::new(
        LinkKind::Attack,
        vec![habits],
        Target::Claim(thesis),
    ));
    let school = claim(&mut m, "Habits form in class as well", 420.0, 520.0);
    m.add_link(Link::new(
        LinkKind::Attack,
        vec![school],
        Target::Claim(habits),
    ));
    let undercut = claim(&mut m, "Play happens at school too", 140.0, 260.0);
    m.add_link(Link::new(
        LinkKind::Attack,
        vec![undercut],
        Target::Link(reason),
    ));
    let mut harness = Editor::new().document(Document::untitled(m, false)).build();
    key(&mut harness, Modifiers::NONE, Key::F5);
    harness.run_steps(40);
    present_until(&mut harness, undercut);
    let canvas = harness.state().view.camera.canvas_rect;
    for text in [
        "Play happens at school too",
        "Children need time to play",
        "Homework takes that time",
        "Ban homework in primary schools",
    ] {
        let rect = card(&harness, text);
        assert!(
            canvas.contains_rect(rect),
            "{text:?} at {rect:?} is cut off"
        );
    }
}

/// The pages of a PDF and their sizes, read from the file: each page
/// object's media box.
fn pdf_pages(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    text.match_indices("/MediaBox [")
        .map(|(at, _)| {
            let rest = &text[at + "/MediaBox [".len()..];
            rest[..rest.find(']').unwrap_or(0)].to_owned()
        })
        .collect()
}

/// Point 6: the PDF handout fills its page in the orientation that suits
/// the map, with the title and source on it; a map too large to read on
/// one page comes as an overview and overlapping tiles.
#[test]
fn the_pdf_handout_fills_its_pages_and_tiles_a_large_map() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let dialogs = ScriptedDialogs::default();
    let mut harness = Editor::new().dialogs(&dialogs).build();
    let export = |harness: &mut egui_kittest::Harness<'_, argmap::ui::ArgmapApp>| {
        use egui_kittest::kittest::Queryable as _;
        harness.get_by_label("File").click();
        harness.run();
        harness.get_by_label("Export").hover();
        harness.run();
        harness.get_by_label_contains("PDF handout").click();
        harness.run();
    };
    // The bundled map is far too wide for one readable page: an overview
    // (landscape, to show it biggest) and A4 tiles.
    let bundled = folder.path().join("bundled.pdf");
    dialogs.answer(Some(bundled.clone()));
    export(&mut harness);
    let pages = pdf_pages(&std::fs::read(&bundled).expect("the handout"));
    assert!(pages.len() >= 3, "{pages:?}");
    assert_eq!(pages[0], "0 0 842 595", "the overview is landscape");
    assert!(
        pages
            .iter()
            .all(|p| p == "0 0 842 595" || p == "0 0 595 842"),
        "{pages:?}"
    );
    // The debate template fits one page, arranged for it (its stored
    // layout would print smaller), and the export says so; its outline
    // follows on one portrait page.
    dialogs.answer(Some(argmap_root().join("maps/debate-motion.ron")));
    key(&mut harness, Modifiers::COMMAND, Key::O);
    let debate = folder.path().join("debate.pdf");
    dialogs.answer(Some(debate.clone()));
    export(&mut harness);
    let pages = pdf_pages(&std::fs::read(&debate).expect("the handout"));
    assert_eq!(pages.len(), 2, "{pages:?}");
    assert_eq!(pages[1], "0 0 595 842", "the outline, portrait");
    let notes = harness.state().notes().join("\n");
    assert!(notes.contains("arranged for the page"), "{notes}");
}
