//! Presenting a map, driven through the real editor with `egui_kittest`:
//! F5, the keys a presenter (or a clicker) uses, the steps panel, the
//! presenter window, and the editor put back as it was afterwards.

use std::path::PathBuf;

use argmap::bundled;
use argmap::edit::Document;
use argmap::model::{ClaimId, Map};
use argmap::store;
use argmap::ui::{ArgmapApp, Startup};
use egui::{Key, Modifiers, Rect, pos2, vec2};
use egui_kittest::Harness;

use crate::harness::{Editor, ScriptedDialogs};
use egui_kittest::kittest::Queryable as _;

/// The editor on `doc` (or its first map), its dialogs answering `save_to`.
fn harness_with(doc: Option<Document>, save_to: Option<PathBuf>) -> Harness<'static, ArgmapApp> {
    let editor = Editor::new().dialogs(&ScriptedDialogs::always(save_to));
    match doc {
        Some(doc) => editor.document(doc),
        None => editor,
    }
    .build()
}

fn key(harness: &mut Harness<'_, ArgmapApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

fn step_claims(harness: &Harness<'_, ArgmapApp>) -> (usize, Vec<u32>) {
    let (current, _, claims) = harness.state().presentation().expect("presenting");
    (current, claims.iter().map(|c| c.0).collect())
}

/// The first ten steps of the bundled article map, checked by hand
/// against its links: the thesis (#1); its leftmost reason #3 (the first
/// half of the thesis) and what answers #3 left to right: #4 (with its
/// evidence #5), #6 (and the undercut of its inference, #7), #8, #19,
/// then the objection #10 and the linked premises that support it.
#[test]
fn the_bundled_map_is_presented_in_the_default_order() {
    let mut harness = harness_with(None, None);
    key(&mut harness, Key::F5);
    let mut seen = Vec::new();
    for _ in 0..10 {
        seen.push(step_claims(&harness).1);
        key(&mut harness, Key::ArrowRight);
    }
    assert_eq!(
        seen,
        [
            vec![1],
            vec![3],
            vec![4],
            vec![5],
            vec![6],
            vec![7],
            vec![8],
            vec![19],
            vec![10],
            vec![11, 12, 13]
        ]
    );
    let (_, total, _) = harness.state().presentation().expect("presenting");
    assert_eq!(
        total, 43,
        "every claim is one step, each group of linked premises one together"
    );
}

#[test]
fn next_previous_first_last_and_jump() {
    let mut harness = harness_with(None, None);
    key(&mut harness, Key::F5);
    assert!(
        harness.query_by_label("1 / 43").is_some(),
        "the progress marker"
    );
    // Only what has been presented is on the canvas.
    let third = "Recent reports by MERICS";
    assert!(harness.query_by_label_contains(third).is_none());
    for next in [Key::ArrowRight, Key::Space, Key::PageDown, Key::Enter] {
        key(&mut harness, next);
    }
    assert_eq!(step_claims(&harness).0, 4);
    assert!(harness.query_all_by_label_contains(third).next().is_some());
    for back in [Key::ArrowLeft, Key::PageUp, Key::Backspace] {
        key(&mut harness, back);
    }
    assert_eq!(step_claims(&harness).0, 1);
    key(&mut harness, Key::End);
    assert_eq!(step_claims(&harness).0, 42);
    key(&mut harness, Key::Home);
    assert_eq!(step_claims(&harness).0, 0);
    // Typing 12 and Enter jumps to step 12.
    key(&mut harness, Key::Num1);
    key(&mut harness, Key::Num2);
    assert!(harness.query_by_label_contains("Go to step 12").is_some());
    key(&mut harness, Key::Enter);
    assert_eq!(step_claims(&harness), (11, vec![15]));
    // P hides the marker; O shows the whole map and back.
    assert!(harness.query_by_label("12 / 43").is_some());
    key(&mut harness, Key::P);
    assert!(harness.query_by_label("12 / 43").is_none());
    key(&mut harness, Key::O);
    assert!(
        harness
            .query_by_label_contains("Beijing limits how far")
            .is_some()
    );
    key(&mut harness, Key::O);
}

#[test]
fn ending_the_presentation_restores_the_editor() {
    let mut harness = harness_with(None, None);
    let scene = Rect::from_min_size(pos2(-500.0, -200.0), vec2(1000.0, 700.0));
    harness.state_mut().view.camera.scene_rect = scene;
    harness.state_mut().view.selection.claims = [ClaimId(7)].into();
    harness.run();
    let before = harness.state().view.camera.scene_rect;
    key(&mut harness, Key::F5);
    for _ in 0..5 {
        key(&mut harness, Key::ArrowRight);
    }
    assert_ne!(
        harness.state().view.camera.scene_rect,
        before,
        "the camera moved"
    );
    assert!(
        harness.query_by_label("File").is_none(),
        "the menus are hidden"
    );
    key(&mut harness, Key::Escape);
    assert!(harness.state().presentation().is_none());
    assert_eq!(harness.state().view.camera.scene_rect, before);
    assert_eq!(harness.state().view.selection.claims, [ClaimId(7)].into());
    assert!(
        harness.query_by_label("File").is_some(),
        "the menus are back"
    );
    assert_eq!(map(&harness).claims.len(), 46, "nothing changed in the map");
    assert!(harness.state().doc.history.undo_label().is_none());
}

fn map<'h>(harness: &'h Harness<'_, ArgmapApp>) -> &'h Map {
    &harness.state().doc.map
}

#[test]
fn the_presenter_window_shows_the_note_the_next_step_and_a_timer() {
    let mut doc = Document::untitled(bundled::ARTICLE.map(), true);
    if let Some(thesis) = doc.map.claims.get_mut(&ClaimId(1)) {
        thesis.note = Some("Open with the Western headlines, then the twist.".to_owned());
    }
    let mut harness = harness_with(Some(doc), None);
    key(&mut harness, Key::F5);
    assert!(
        harness.query_by_label("00:00").is_none(),
        "closed until asked for"
    );
    key(&mut harness, Key::W);
    assert!(
        harness
            .query_by_label_contains("Open with the Western headlines")
            .is_some(),
        "the note"
    );
    assert!(harness.query_by_label_contains("Step 1 / 43").is_some());
    assert!(harness.query_by_label("00:00").is_some(), "the timer");
    assert!(
        harness
            .query_by_label_contains("So far the Social Credit System")
            .is_some(),
        "the next step"
    );
    // N shows the notes on the main screen instead (one display).
    key(&mut harness, Key::N);
    assert!(
        harness
            .query_by_label_contains("Open with the Western headlines")
            .is_some()
    );
}

#[test]
fn the_order_is_changed_in_the_steps_panel_saved_and_read_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("article.ron");
    let mut harness = harness_with(None, Some(path.clone()));
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.run();
    // Step 2 one place later; then steps 1 and 2 joined; step 5 skipped.
    harness
        .get_by_label_contains("2. Not an AI surveillance machine")
        .click();
    harness.run();
    harness.get_by_label("Later").click();
    harness.run();
    harness
        .get_by_label_contains("1. Control by law, not an AI panopticon")
        .click();
    harness.run();
    harness.get_by_label("Join with next").click();
    harness.run();
    harness
        .get_by_label_contains("3. MERICS and Trivium agree")
        .click();
    harness.run();
    harness.get_by_label("Skip").click();
    harness.run();
    let expected: Vec<Vec<u32>> = vec![vec![1, 4], vec![3], vec![6], vec![7]];
    let steps = argmap::model::present::steps(map(&harness));
    let ids: Vec<Vec<u32>> = steps
        .iter()
        .take(4)
        .map(|s| s.iter().map(|c| c.0).collect())
        .collect();
    assert_eq!(ids, expected);
    // Undo takes a change back; redo brings it again.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(map(&harness).presentation.skip.is_empty());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(map(&harness).presentation.skip, [ClaimId(5)]);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = store::read_map(&path).expect("saved");
    assert_eq!(saved.presentation, map(&harness).presentation);
    let reopened = harness_with(Some(Document::open(&path).expect("opens")), None);
    let steps = argmap::model::present::steps(&reopened.state().doc.map);
    let ids: Vec<Vec<u32>> = steps
        .iter()
        .take(4)
        .map(|s| s.iter().map(|c| c.0).collect())
        .collect();
    assert_eq!(ids, expected);
    // Presenting follows it.
    let mut reopened = reopened;
    key(&mut reopened, Key::F5);
    assert_eq!(step_claims(&reopened).1, [1, 4]);
}

#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs Mesa's software renderer for images: `bash .ci/test` sets it up and runs it"
)]
fn three_steps_as_the_audience_sees_them() {
    let mut harness = harness_with(None, None);
    // The presenter window stays closed until W opens it: on one screen
    // it would cover the slide.
    key(&mut harness, Key::F5);
    assert!(harness.query_by_label_contains("00:00").is_none());
    // The pointer rests on the card shown: no edit handle, no hover mark
    // for the audience.
    let center = harness.state().view.camera.canvas_rect.center();
    harness.hover_at(center);
    harness.run();
    harness.snapshot("present_step_1");
    for _ in 0..3 {
        key(&mut harness, Key::ArrowRight);
    }
    harness.snapshot("present_step_4");
    for _ in 0..9 {
        key(&mut harness, Key::ArrowRight);
    }
    harness.snapshot("present_step_13");
}

fn first_steps(harness: &Harness<'_, ArgmapApp>, n: usize) -> Vec<Vec<u32>> {
    argmap::model::present::steps(map(harness))
        .iter()
        .take(n)
        .map(|s| s.iter().map(|c| c.0).collect())
        .collect()
}

#[test]
fn steps_move_by_drag_and_by_keyboard() {
    let mut harness = harness_with(None, None);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.run();
    // Drag step 4 onto step 2.
    let from = harness
        .get_by_label_contains("4. MERICS and Trivium agree")
        .rect()
        .center();
    let to = harness
        .get_by_label_contains("2. Not an AI surveillance machine")
        .rect()
        .center();
    crate::harness::drag(&mut harness, from, to, Modifiers::NONE);
    assert_eq!(
        first_steps(&harness, 4),
        [vec![1], vec![5], vec![3], vec![4]]
    );
    // The keyboard: select step 1, ↓ to step 2, Alt+↓ moves it down, Delete
    // skips the step then selected.
    harness
        .get_by_label_contains("1. Control by law, not an AI panopticon")
        .click();
    harness.run();
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    harness.run();
    assert_eq!(
        first_steps(&harness, 4),
        [vec![1], vec![3], vec![5], vec![4]]
    );
    harness.key_press(Key::Delete);
    harness.run();
    assert_eq!(map(&harness).presentation.skip, [ClaimId(5)]);
    assert_eq!(first_steps(&harness, 3), [vec![1], vec![3], vec![4]]);
    assert_eq!(map(&harness).claims.len(), 46, "skipping deletes nothing");
}

#[test]
fn unsaved_edits_keep_their_recovery_copy_while_presenting() {
    let data = tempfile::tempdir().expect("temp dir");
    let recovery = data.path().join("recovery");
    let startup = Startup {
        recovery_dir: Some(recovery.clone()),
        ..Startup::default()
    };
    let mut harness = Editor::new().startup(startup).build();
    // An unsaved edit, then straight into the presentation.
    harness.state_mut().doc.apply(
        argmap::edit::Edit::SetTitle("Renamed".to_owned()),
        "Rename map",
    );
    harness.run();
    assert!(harness.state().doc.is_modified());
    key(&mut harness, Key::F5);
    assert!(harness.state().presentation().is_some());
    harness.event(egui::Event::WindowFocused(false));
    harness.run();
    assert!(
        recovery.join("recovery.ron").exists(),
        "the copy is written while presenting"
    );
}

#[test]
fn the_order_of_steps_is_chosen_in_the_steps_panel_and_undone() {
    let mut harness = harness_with(None, None);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.run();
    harness.get_by_value("depth first").click();
    harness.run();
    harness.get_by_label("main reasons first").click();
    harness.run();
    assert_eq!(
        map(&harness).presentation.order,
        argmap::model::StepsBy::MainReasonsFirst
    );
    // The thesis, then its main reasons and objections before anything
    // that answers them: step 2 answers the thesis, so does step 3.
    let steps = argmap::model::present::steps(map(&harness));
    let thesis = map(&harness).thesis.expect("thesis");
    for step in &steps[1..4] {
        let answers_thesis = step.iter().any(|&c| {
            map(&harness).links.values().any(|l| {
                l.premises.contains(&c) && l.target == argmap::model::Target::Claim(thesis)
            })
        });
        assert!(answers_thesis, "{step:?} answers the thesis");
    }
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        map(&harness).presentation.order,
        argmap::model::StepsBy::DepthFirst,
        "undone"
    );
}

#[test]
fn a_step_moves_to_the_start_so_a_note_can_open_the_presentation() {
    let mut doc = Document::untitled(bundled::ARTICLE.map(), true);
    // The bundled map's note, moved by hand to second place.
    let note = doc
        .map
        .claims
        .iter()
        .find(|(_, c)| c.kind == argmap::model::ClaimKind::Note)
        .map(|(&id, _)| id)
        .expect("the bundled map has a note");
    let mut steps = argmap::model::present::steps(&doc.map);
    let at = steps
        .iter()
        .position(|s| s.contains(&note))
        .expect("presented");
    let step = steps.remove(at);
    steps.insert(1, step);
    doc.map.presentation.steps = steps;
    let mut harness = harness_with(Some(doc), None);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.run();
    harness
        .get_by_label_contains("2. Where the article turns")
        .click();
    harness.run();
    harness.get_by_label("First").click();
    harness.run();
    assert_eq!(argmap::model::present::steps(map(&harness))[0], [note]);
    // F5 opens on it.
    key(&mut harness, Key::F5);
    assert_eq!(step_claims(&harness).1, [note.0]);
}

/// The words a step quotes, with their citation in the map's style: in
/// the speaker notes always, on the slide when the speaker presses Q.
#[test]
#[expect(clippy::disallowed_methods, reason = "a real map and source on disk")]
fn the_speaker_notes_give_the_quoted_words_and_q_puts_them_on_the_slide() {
    let dir = tempfile::tempdir().expect("a folder");
    std::fs::write(
        dir.path().join("study.txt"),
        "Homework gives young pupils little gain.\n",
    )
    .expect("the source");
    let mut map = Map::new("Homework");
    map.sources.insert(
        "study".into(),
        argmap::model::Source {
            title: "Homework and achievement".into(),
            authors: vec![argmap::model::Name {
                family: "Doe".into(),
                given: Some("Jane".into()),
                ..argmap::model::Name::default()
            }],
            date: Some("2021".into()),
            path: Some("study.txt".into()),
            ..argmap::model::Source::default()
        },
    );
    let words = "young pupils little gain";
    let mut thesis = argmap::model::Claim::new(
        "Homework should be optional.",
        argmap::model::Pos::new(0.0, 0.0),
    );
    thesis.source = Some(argmap::model::Citation {
        doc: "study".into(),
        para: Some(1),
        quote: Some(argmap::model::Quote {
            start: 15,
            end: 39,
            check: argmap::model::Quote::check_of(words),
            ends_in: None,
        }),
        ..argmap::model::Citation::default()
    });
    let thesis = map.add_claim(thesis);
    map.thesis = Some(thesis);
    let path = dir.path().join("homework.ron");
    store::write_map(&path, &map).expect("saved");
    let mut harness = Editor::new().opening(path).build();
    key(&mut harness, Key::F5);
    let quoted = format!("“{words}”");
    assert!(
        harness.query_by_label(&quoted).is_none(),
        "not on the slide until asked"
    );
    key(&mut harness, Key::N);
    assert!(
        harness.query_by_label(&quoted).is_some(),
        "in the speaker notes"
    );
    assert!(
        harness.query_by_label("(Doe, 2021, para. 1)").is_some(),
        "with its citation"
    );
    key(&mut harness, Key::Q);
    assert_eq!(
        harness.query_all_by_label(&quoted).count(),
        2,
        "on the slide too"
    );
    key(&mut harness, Key::Q);
    assert_eq!(harness.query_all_by_label(&quoted).count(), 1);
}
