//! Finding and looking at a map in the editor: the command palette and the
//! list of shortcuts, search, folds, focus, what screen readers meet, text
//! size, minimap and contrast.

use crate::harness::*;
use argmap::model::ClaimId;
use argmap::ui::ArgmapApp;
use egui::{Event, Key, Modifiers, PointerButton, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

#[test]
fn the_palette_finds_and_runs_commands_and_f1_lists_them() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = Editor::new().dialogs(&dialogs).blank().build();
    build_small_map(&mut harness);
    click_card(&mut harness, "Homework should be optional", Modifiers::NONE);
    key(&mut harness, Modifiers::COMMAND, Key::K);
    assert!(harness.state().palette_open());
    let rows =
        |h: &Harness<'_, ArgmapApp>| h.query_all_by_label_contains("Go to next sibling").count();
    assert_eq!(rows(&harness), 1, "the palette lists commands");
    type_text(&mut harness, "objection");
    // Typing narrows the list; Enter runs the highlighted command.
    assert_eq!(rows(&harness), 0);
    key(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(!harness.state().palette_open());
    assert_eq!(map(&harness).claims.len(), 4, "a new objection");
    let editing = harness.state().view.editing.as_ref().map(|e| e.claim);
    assert!(editing.is_some(), "and it is open for typing");
    type_text(&mut harness, "Habits form at school");
    key(&mut harness, Modifiers::NONE, Key::Enter);

    // Arrows move the highlight; Escape closes without running anything.
    key(&mut harness, Modifiers::COMMAND, Key::K);
    type_text(&mut harness, "arrange");
    key(&mut harness, Modifiers::NONE, Key::ArrowDown);
    key(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!harness.state().palette_open());
    assert_eq!(map(&harness).claims.len(), 4);

    // F1: every command with its keys, from the same table as the menus.
    key(&mut harness, Modifiers::NONE, Key::F1);
    assert!(harness.query_by_label("Go to what it answers").is_some());
    assert!(
        harness
            .query_by_label("Select the sibling to the right")
            .is_some()
    );
    assert!(harness.query_by_label_contains("Ctrl+K").is_some());
    key(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.query_by_label("Go to what it answers").is_none());
}

#[test]
fn search_highlights_matches_and_steps_through_them() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = Editor::new().dialogs(&dialogs).build();
    key(&mut harness, Modifiers::COMMAND, Key::F);
    type_text(&mut harness, "law");
    let found: Vec<ClaimId> = harness.state().found().to_vec();
    let m = map(&harness).clone();
    assert!(found.len() >= 4, "{found:?}");
    assert!(found.iter().all(|id| {
        m.claims[id].text.to_lowercase().contains("law")
            || m.claims[id]
                .note
                .as_deref()
                .unwrap_or("")
                .to_lowercase()
                .contains("law")
    }));
    assert!(
        harness
            .query_by_label_contains(&format!("1 of {}", found.len()))
            .is_some()
    );
    // Enter goes to the next match and brings it on screen; Shift+Enter back.
    key(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(selected(&harness), vec![found[1]]);
    assert!(
        harness
            .query_by_label_contains(&format!("2 of {}", found.len()))
            .is_some()
    );
    let text = m.claims[&found[1]].text.clone();
    assert!(
        harness.query_by_label(&text).is_some(),
        "the match is on screen"
    );
    key(&mut harness, Modifiers::SHIFT, Key::Enter);
    assert_eq!(selected(&harness), vec![found[0]]);
    key(&mut harness, Modifiers::SHIFT, Key::Enter);
    assert_eq!(
        selected(&harness),
        vec![*found.last().expect("a match")],
        "wraps around"
    );
    // Esc closes the bar and leaves the map as it was.
    key(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!harness.state().search_open());
    assert_eq!(map(&harness), &m);
}

#[test]
fn folding_hides_a_subtree_behind_a_badge_and_is_remembered() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = Editor::new().dialogs(&dialogs).blank().build();
    build_small_map(&mut harness);
    add_rebuttal(&mut harness);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("homework.ron");
    dialogs.answer(Some(path.clone()));
    key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    assert_eq!(harness.state().doc.path.as_deref(), Some(path.as_path()));

    click_card(
        &mut harness,
        "Practice at home builds habits",
        Modifiers::NONE,
    );
    key(&mut harness, Modifiers::COMMAND, Key::Period);
    assert!(
        harness
            .query_by_label("Habits also form at school")
            .is_none(),
        "hidden"
    );
    assert_eq!(map(&harness).claims.len(), 4, "folding is view state only");
    assert!(!harness.state().doc.is_modified());
    let objection = claim_id(&harness, "Practice at home builds habits");
    assert_eq!(
        harness.state().marks().fold_counts.get(&objection),
        Some(&1)
    );

    // Reopening the file shows it folded again.
    dialogs.answer(Some(path.clone()));
    key(&mut harness, Modifiers::COMMAND, Key::O);
    assert!(harness.state().folding().folds.contains(&objection));
    assert!(
        harness
            .query_by_label("Habits also form at school")
            .is_none()
    );

    // Unfold: the rebuttal is back.
    harness.state_mut().view.selection.claims = [objection].into_iter().collect();
    harness.run();
    key(&mut harness, Modifiers::COMMAND, Key::Period);
    assert!(
        harness
            .query_by_label("Habits also form at school")
            .is_some()
    );
    assert!(harness.state().marks().fold_counts.is_empty());
}

#[test]
fn focus_mode_shows_one_claim_and_its_answers_and_backspace_steps_out() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = Editor::new().dialogs(&dialogs).blank().build();
    build_small_map(&mut harness);
    add_rebuttal(&mut harness);
    click_card(
        &mut harness,
        "Practice at home builds habits",
        Modifiers::NONE,
    );
    key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    let objection = claim_id(&harness, "Practice at home builds habits");
    assert_eq!(harness.state().folding().focus, Some(objection));
    assert!(
        harness
            .query_by_label("Habits also form at school")
            .is_some()
    );
    // It keeps the role it has in the whole map.
    {
        use egui_kittest::kittest::NodeT as _;
        let described = harness
            .get_by_role_and_label(
                egui::accesskit::Role::Button,
                "Practice at home builds habits",
            )
            .accesskit_node()
            .description()
            .unwrap_or_default();
        assert!(described.starts_with("objection"), "{described}");
    }
    assert!(
        harness
            .query_by_label("Children need time to rest")
            .is_none()
    );
    // The breadcrumb names the way up; the thesis is a link in it.
    assert!(
        harness
            .query_by_label("Homework should be optional")
            .is_some()
    );
    assert!(harness.query_by_label("Show the whole map").is_some());
    // Backspace: up to the thesis, then out to the whole map.
    key(&mut harness, Modifiers::NONE, Key::Backspace);
    let thesis = claim_id(&harness, "Homework should be optional");
    assert_eq!(harness.state().folding().focus, Some(thesis));
    assert!(
        harness
            .query_by_label("Children need time to rest")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Habits also form at school")
            .is_none()
    );
    key(&mut harness, Modifiers::NONE, Key::Backspace);
    assert_eq!(harness.state().folding().focus, None);
    assert!(
        harness
            .query_by_label("Habits also form at school")
            .is_some()
    );
    assert_eq!(
        map(&harness).claims.len(),
        4,
        "Backspace in focus mode deletes nothing"
    );
    // Out of focus mode, Backspace deletes the selection as before.
    click_card(&mut harness, "Habits also form at school", Modifiers::NONE);
    key(&mut harness, Modifiers::NONE, Key::Backspace);
    assert_eq!(map(&harness).claims.len(), 3);
}

#[test]
fn screen_readers_meet_every_card_with_its_role_in_reading_order() {
    use egui_kittest::kittest::NodeT as _;
    let dialogs = ScriptedDialogs::default();
    let mut harness = Editor::new().dialogs(&dialogs).blank().build();
    build_small_map(&mut harness);
    harness.state_mut().view.camera.fit_requested = true;
    harness.run();
    let texts: Vec<String> = map(&harness)
        .claims
        .values()
        .map(|c| c.text.clone())
        .collect();
    let cards: Vec<(String, String)> = harness
        .query_all_by_role(egui::accesskit::Role::Button)
        .filter_map(|node| {
            let node = node.accesskit_node();
            let label = node.label()?;
            texts
                .contains(&label)
                .then(|| (label, node.description().unwrap_or_default()))
        })
        .collect();
    assert_eq!(
        cards,
        vec![
            // The first claim of a map is its thesis, made by double-click
            // as by any other way.
            (
                "Homework should be optional".to_owned(),
                "thesis".to_owned()
            ),
            (
                "Children need time to rest".to_owned(),
                "reason; supports: Homework should be optional".to_owned()
            ),
            (
                "Practice at home builds habits".to_owned(),
                "objection; attacks: Homework should be optional".to_owned()
            ),
        ]
    );
}

#[test]
fn text_scale_minimap_and_contrast() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = Editor::new().dialogs(&dialogs).blank().build();
    build_small_map(&mut harness);
    // Ctrl+= scales all text; Ctrl+0 puts it back.
    key(&mut harness, Modifiers::COMMAND, Key::Equals);
    assert!((harness.ctx.zoom_factor() - 1.1).abs() < 0.01);
    key(&mut harness, Modifiers::COMMAND, Key::Num0);
    assert!((harness.ctx.zoom_factor() - 1.0).abs() < 0.01);
    // Alt with the same keys zooms the map only.
    let before = harness.state().view.camera.scene_rect.size();
    key(&mut harness, Modifiers::ALT, Key::Equals);
    assert!(harness.state().view.camera.scene_rect.width() < before.x);
    assert!((harness.ctx.zoom_factor() - 1.0).abs() < 0.01);

    // Alt+M shows the minimap; a click in it moves the view there.
    key(&mut harness, Modifiers::ALT, Key::M);
    assert!(harness.state().view.look.minimap);
    let canvas = harness.state().view.camera.canvas_rect;
    let center_before = harness.state().view.camera.scene_rect.center();
    let corner = canvas.max - vec2(20.0, 20.0);
    harness.event(Event::PointerMoved(corner));
    harness.event(Event::PointerButton {
        pos: corner,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.event(Event::PointerButton {
        pos: corner,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    let center_after = harness.state().view.camera.scene_rect.center();
    assert!(
        center_after.x > center_before.x && center_after.y > center_before.y,
        "{center_before:?} -> {center_after:?}"
    );
    // High contrast is a View menu switch.
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("High contrast").click();
    harness.run();
    assert!(harness.state().view.look.high_contrast);
}

#[test]
fn every_claim_of_the_bundled_map_is_exposed_even_off_screen() {
    use egui_kittest::kittest::NodeT as _;
    let dialogs = ScriptedDialogs::default();
    let harness = Editor::new().dialogs(&dialogs).build();
    let m = map(&harness);
    let texts: std::collections::BTreeSet<String> =
        m.claims.values().map(|c| c.text.clone()).collect();
    let exposed: Vec<String> = harness
        .query_all_by_role(egui::accesskit::Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|label| texts.contains(label))
        .collect();
    assert_eq!(
        exposed.len(),
        m.claims.len(),
        "all 42, though the view shows fewer"
    );
    let thesis = &m.claims[&m.thesis.expect("thesis")].text;
    assert_eq!(&exposed[0], thesis, "the thesis is read first");
}

#[test]
fn find_opens_the_fold_that_hides_a_match_and_frames_it() {
    let mut harness = Editor::new().blank().build();
    build_small_map(&mut harness);
    add_rebuttal(&mut harness);
    let objection = claim_id(&harness, "Practice at home builds habits");
    let rebuttal = claim_id(&harness, "Habits also form at school");
    harness.state_mut().folding_mut().folds.insert(objection);
    harness.run();
    assert!(
        harness
            .query_by_label("Habits also form at school")
            .is_none(),
        "folded away"
    );
    key(&mut harness, Modifiers::COMMAND, Key::F);
    type_text(&mut harness, "school");
    assert!(harness.query_by_label_contains("1 of 1").is_some());
    assert_eq!(selected(&harness), vec![rebuttal]);
    assert!(
        !harness.state().folding().folds.contains(&objection),
        "the fold that hid it is open"
    );
    assert!(
        harness
            .query_by_label("Habits also form at school")
            .is_some(),
        "the match is on screen"
    );
    assert!(
        harness
            .state()
            .status()
            .contains("Unfolded “Practice at home builds habits”")
    );
    // In focus mode on the reason, a match outside it leaves focus mode.
    let reason = claim_id(&harness, "Children need time to rest");
    harness.state_mut().folding_mut().focus = Some(reason);
    harness.run();
    key(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(harness.state().folding().focus, None);
    assert!(
        harness
            .query_by_label("Habits also form at school")
            .is_some()
    );
}

/// A wheel notch as winit gives it: `lines` lines (some systems give a
/// notch two or three), with `modifiers`.
fn notch(
    harness: &mut egui_kittest::Harness<'static, argmap::ui::ArgmapApp>,
    lines: f32,
    modifiers: Modifiers,
) {
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: egui::vec2(0.0, lines),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers,
    });
}

#[test]
fn a_wheel_notch_zooms_at_most_1_2_smoothly_around_the_pointer() {
    let mut harness = Editor::new().build();
    let center = canvas_center(&harness);
    harness.hover_at(center);
    harness.run();
    let zoom =
        |h: &egui_kittest::Harness<'static, argmap::ui::ArgmapApp>| h.state().view.camera.zoom();
    let before = zoom(&harness);
    // One notch of two lines: eased in, not a jump.
    notch(&mut harness, 2.0, Modifiers::NONE);
    harness.step();
    let first = zoom(&harness) / before;
    assert!(first > 1.0 && first < 1.15, "the first frame made {first}×");
    harness.run();
    let one = zoom(&harness) / before;
    assert!((one - 1.2).abs() < 0.005, "one notch made {one}×");
    // Five notches (the tester's 29 % → 214 %): 1.2⁵ at most.
    let before = zoom(&harness);
    for _ in 0..5 {
        notch(&mut harness, -2.0, Modifiers::NONE);
    }
    harness.run();
    let five = before / zoom(&harness);
    assert!(
        (five - 1.2_f32.powi(5)).abs() < 0.02,
        "five notches made {five}×"
    );
    // Ctrl+wheel zooms the same way.
    let before = zoom(&harness);
    notch(&mut harness, 3.0, Modifiers::CTRL);
    harness.run();
    let ctrl = zoom(&harness) / before;
    assert!((ctrl - 1.2).abs() < 0.005, "Ctrl+wheel made {ctrl}×");
}
