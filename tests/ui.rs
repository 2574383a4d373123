//! The editor driven as a user drives it: `egui_kittest` finds widgets by
//! their labels, clicks, drags and types, and the tests check the map.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::rc::Rc;

use argmap::edit::Document;
use argmap::model::{ClaimId, LinkKind, Map, Role, Target};
use argmap::store;
use argmap::ui::{ArgmapApp, FileDialogs, Startup};
use egui::{Event, Key, Modifiers, PointerButton, Pos2, vec2};
use egui_kittest::Harness;

mod common;
use common::drag;
use egui_kittest::kittest::Queryable as _;

/// File dialogs answered by the test: each call takes the next answer.
#[derive(Clone, Default)]
struct ScriptedDialogs {
    answers: Rc<RefCell<VecDeque<Option<PathBuf>>>>,
}

impl ScriptedDialogs {
    fn answer(&self, path: Option<PathBuf>) {
        self.answers.borrow_mut().push_back(path);
    }
}

impl FileDialogs for ScriptedDialogs {
    fn pick_open(&mut self) -> Option<PathBuf> {
        self.answers.borrow_mut().pop_front().flatten()
    }

    fn pick_save(&mut self, _file_name: &str) -> Option<PathBuf> {
        self.answers.borrow_mut().pop_front().flatten()
    }

    fn pick_import(&mut self) -> Option<PathBuf> {
        self.answers.borrow_mut().pop_front().flatten()
    }

    fn pick_export(
        &mut self,
        _file_name: &str,
        _format: argmap::export::ExportFormat,
    ) -> Option<PathBuf> {
        self.answers.borrow_mut().pop_front().flatten()
    }
}

/// The app in a 1280×800 window, with scripted dialogs.
fn harness(startup: Startup, dialogs: &ScriptedDialogs) -> Harness<'static, ArgmapApp> {
    let dialogs = dialogs.clone();
    let mut harness = Harness::builder()
        .with_size(vec2(1280.0, 800.0))
        // Frames as fast as a real screen's, so two clicks make a double click.
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(240)
        .build_eframe(move |cc| ArgmapApp::new(cc, startup, Box::new(dialogs)));
    harness.run();
    harness
}

/// The app on a blank map.
fn blank(dialogs: &ScriptedDialogs) -> Harness<'static, ArgmapApp> {
    let mut harness = harness(Startup::default(), dialogs);
    harness.state_mut().doc = Document::untitled(Map::new("Homework"), false);
    harness.state_mut().view = argmap::ui::View::default();
    harness.run();
    harness
}

fn map<'h>(harness: &'h Harness<'_, ArgmapApp>) -> &'h Map {
    &harness.state().doc.map
}

fn claim_id(harness: &Harness<'_, ArgmapApp>, text: &str) -> ClaimId {
    map(harness)
        .claims
        .iter()
        .find(|(_, c)| c.text == text)
        .map_or_else(|| panic!("no claim says {text:?}"), |(&id, _)| id)
}

fn click_at(harness: &mut Harness<'_, ArgmapApp>, pos: Pos2, modifiers: Modifiers, times: usize) {
    // Let time pass, so this click does not join an earlier one.
    harness.run_steps(30);
    // Modifier keys are held through the whole click, as by a hand.
    harness.event(Event::ModifiersChanged(modifiers));
    harness.event(Event::PointerMoved(pos));
    harness.run();
    for _ in 0..times {
        for pressed in [true, false] {
            harness.event(Event::PointerButton {
                pos,
                button: PointerButton::Primary,
                pressed,
                modifiers,
            });
        }
    }
    harness.run();
    harness.event(Event::ModifiersChanged(Modifiers::NONE));
    harness.run();
}

/// Where the card that says `text` is on screen. (egui reports the bounds
/// of widgets inside a scene in scene units, so they are mapped here.)
fn card(harness: &Harness<'_, ArgmapApp>, text: &str) -> egui::Rect {
    let in_map = harness.get_by_label(text).rect();
    let screen_from_map = harness.state().view.screen_from_map();
    egui::Rect::from_two_pos(screen_from_map * in_map.min, screen_from_map * in_map.max)
}

fn click_card(harness: &mut Harness<'_, ArgmapApp>, text: &str, modifiers: Modifiers) {
    let center = card(harness, text).center();
    click_at(harness, center, modifiers, 1);
}

fn type_text(harness: &mut Harness<'_, ArgmapApp>, text: &str) {
    harness.event(Event::Text(text.to_owned()));
    harness.run();
}

fn key(harness: &mut Harness<'_, ArgmapApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

fn canvas_center(harness: &Harness<'_, ArgmapApp>) -> Pos2 {
    harness.state().view.canvas_rect.center()
}

/// Builds "Homework should be optional" with a reason and an objection, by
/// double-click, Tab, Shift+Tab and typing.
fn build_small_map(harness: &mut Harness<'_, ArgmapApp>) {
    let center = canvas_center(harness);
    click_at(harness, center - vec2(0.0, 150.0), Modifiers::NONE, 2);
    type_text(harness, "Homework should be optional");
    key(harness, Modifiers::NONE, Key::Enter);
    key(harness, Modifiers::NONE, Key::Tab);
    type_text(harness, "Children need time to rest");
    key(harness, Modifiers::NONE, Key::Enter);
    click_card(harness, "Homework should be optional", Modifiers::NONE);
    key(harness, Modifiers::SHIFT, Key::Tab);
    type_text(harness, "Practice at home builds habits");
    key(harness, Modifiers::NONE, Key::Enter);
}

/// Gives the objection of the small map a rebuttal, "Habits also form at
/// school", from the keyboard.
fn add_rebuttal(harness: &mut Harness<'_, ArgmapApp>) {
    click_card(harness, "Practice at home builds habits", Modifiers::NONE);
    key(harness, Modifiers::SHIFT, Key::Tab);
    type_text(harness, "Habits also form at school");
    key(harness, Modifiers::NONE, Key::Enter);
}

#[test]
fn build_a_map_with_the_keyboard_and_undo_every_step() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    build_small_map(&mut harness);

    let thesis = claim_id(&harness, "Homework should be optional");
    let reason = claim_id(&harness, "Children need time to rest");
    let objection = claim_id(&harness, "Practice at home builds habits");
    let links: Vec<_> = map(&harness).links.values().cloned().collect();
    assert_eq!(links.len(), 2);
    assert!(links.iter().any(|l| l.kind == LinkKind::Support
        && l.premises == [reason]
        && l.target == Target::Claim(thesis)));
    assert!(links.iter().any(|l| l.kind == LinkKind::Attack
        && l.premises == [objection]
        && l.target == Target::Claim(thesis)));
    assert_eq!(Role::of(map(&harness), objection), Some(Role::Counterpoint));

    // The thesis, from the Edit menu.
    click_card(&mut harness, "Homework should be optional", Modifiers::NONE);
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label_contains("Set as thesis").click();
    harness.run();
    assert_eq!(map(&harness).thesis, Some(thesis));

    // Undo each step: thesis, objection (added and typed: one step),
    // reason, the thesis claim itself.
    let full = map(&harness).clone();
    let counts = [(3, 2), (2, 1), (1, 0), (0, 0)];
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(map(&harness).thesis, None);
    for (claims, links) in counts.iter().skip(1) {
        key(&mut harness, Modifiers::COMMAND, Key::Z);
        assert_eq!(
            (map(&harness).claims.len(), map(&harness).links.len()),
            (*claims, *links)
        );
    }
    // And redo them all, with both redo shortcuts.
    key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    key(&mut harness, Modifiers::COMMAND, Key::Y);
    key(&mut harness, Modifiers::COMMAND, Key::Y);
    key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(map(&harness), &full);
}

#[test]
fn a_new_claim_left_empty_disappears() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    let center = canvas_center(&harness);
    click_at(&mut harness, center, Modifiers::NONE, 2);
    assert_eq!(map(&harness).claims.len(), 1);
    key(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(map(&harness).claims.is_empty());
    assert!(!harness.state().doc.is_modified());
    assert_eq!(harness.state().doc.history.undo_label(), None);
}

#[test]
fn connect_two_claims_by_dragging_the_handle() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    let center = canvas_center(&harness);
    click_at(&mut harness, center + vec2(-200.0, 0.0), Modifiers::NONE, 2);
    type_text(&mut harness, "Schools set too much");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    click_at(
        &mut harness,
        center + vec2(200.0, 150.0),
        Modifiers::NONE,
        2,
    );
    type_text(&mut harness, "Pupils report stress");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    let target = claim_id(&harness, "Schools set too much");
    let premise = claim_id(&harness, "Pupils report stress");

    // Select the premise so its handle shows, then drag the handle.
    let premise_rect = card(&harness, "Pupils report stress");
    let target_rect = card(&harness, "Schools set too much");
    click_card(&mut harness, "Pupils report stress", Modifiers::NONE);
    drag(
        &mut harness,
        premise_rect.center_top(),
        target_rect.center(),
        Modifiers::NONE,
    );
    let links: Vec<_> = map(&harness).links.values().cloned().collect();
    assert_eq!(links.len(), 1, "status: {}", harness.state().status());
    assert_eq!(links[0].premises, [premise]);
    assert_eq!(links[0].target, Target::Claim(target));
    assert_eq!(links[0].kind, LinkKind::Support);

    // Undo and redo the connection.
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(map(&harness).links.is_empty());
    key(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(map(&harness).links.len(), 1);

    // With Alt held, the same drag attacks: from the target back to the premise.
    click_card(&mut harness, "Schools set too much", Modifiers::NONE);
    drag(
        &mut harness,
        target_rect.center_top(),
        premise_rect.center(),
        Modifiers::ALT,
    );
    assert!(
        map(&harness)
            .links
            .values()
            .any(|l| l.kind == LinkKind::Attack && l.premises == [target])
    );
}

#[test]
fn dragging_cards_moves_the_selection_in_one_step() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    build_small_map(&mut harness);
    let before = map(&harness).clone();
    key(&mut harness, Modifiers::COMMAND, Key::A);
    assert_eq!(harness.state().view.selection.len(), 3);
    let rect = card(&harness, "Children need time to rest");
    drag(
        &mut harness,
        rect.center(),
        rect.center() + vec2(60.0, 40.0),
        Modifiers::NONE,
    );
    let after = map(&harness).clone();
    for (id, claim) in &after.claims {
        let old = before.claims[id].pos;
        assert!(
            claim.pos.x > old.x + 1.0 && claim.pos.y > old.y + 1.0,
            "{id} moved"
        );
    }
    assert_eq!(harness.state().doc.history.undo_label(), Some("Move"));
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(map(&harness), &before);
}

#[test]
fn delete_removes_claims_and_their_links_and_undo_restores_them() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    build_small_map(&mut harness);
    let before = map(&harness).clone();
    click_card(&mut harness, "Homework should be optional", Modifiers::NONE);
    key(&mut harness, Modifiers::NONE, Key::Delete);
    assert_eq!(map(&harness).claims.len(), 2);
    assert!(map(&harness).links.is_empty());
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(map(&harness), &before);
}

#[test]
fn save_then_load_gives_the_same_map() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    build_small_map(&mut harness);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("homework.ron");
    dialogs.answer(Some(path.clone()));
    key(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(
        !harness.state().doc.is_modified(),
        "{:?}",
        harness.state().errors()
    );
    assert_eq!(harness.state().doc.path.as_deref(), Some(path.as_path()));
    let loaded = store::read_map(&path).expect("saved file loads");
    assert_eq!(&loaded, map(&harness));
}

#[test]
fn a_failed_save_says_why_and_keeps_the_edits() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    build_small_map(&mut harness);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("missing folder").join("homework.ron");
    dialogs.answer(Some(path.clone()));
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Save as… Ctrl+Shift+S").click();
    harness.run();
    let errors = harness.state().errors().join("\n");
    assert!(
        errors.contains("cannot save") && errors.contains("homework.ron"),
        "{errors}"
    );
    assert!(harness.state().doc.is_modified());
    assert_eq!(map(&harness).claims.len(), 3);
    assert!(
        harness.query_by_label_contains("cannot save").is_some(),
        "the error is on screen"
    );
}

#[test]
fn a_full_disk_on_save_shows_the_error_and_keeps_file_and_edits() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    build_small_map(&mut harness);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("homework.ron");
    dialogs.answer(Some(path.clone()));
    key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    let saved = std::fs::read(&path).expect("saved once");
    add_rebuttal(&mut harness);
    let edited = map(&harness).clone();
    harness.state_mut().doc.disk =
        std::sync::Arc::new(common::faulty::Faulty(common::faulty::Fault::FullAfter(100)));
    key(&mut harness, Modifiers::COMMAND, Key::S);

    assert!(
        harness
            .query_by_label_contains("the disk is full")
            .is_some(),
        "the error is on screen: {:?}",
        harness.state().errors()
    );
    assert_eq!(std::fs::read(&path).expect("read"), saved, "file untouched");
    assert_eq!(map(&harness), &edited, "the edits stay");
    assert!(harness.state().doc.is_modified());
}

#[test]
fn new_with_unsaved_changes_asks_first() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    build_small_map(&mut harness);
    key(&mut harness, Modifiers::COMMAND, Key::N);
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(map(&harness).claims.len(), 3, "cancel keeps the map");
    key(&mut harness, Modifiers::COMMAND, Key::N);
    harness.get_by_label("Don't save").click();
    harness.run();
    assert!(map(&harness).claims.is_empty(), "a new blank map");
    assert!(!harness.state().doc.is_modified());
}

#[test]
fn a_map_that_fails_validation_opens_read_only_until_repaired() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tangled.ron");
    let text = "(\n    format: 1,\n    thesis: 1,\n    claims: {\n        \
        1: (text: \"Homework should be optional\", pos: (0.0, 0.0)),\n        \
        2: (text: \"Children need rest\", pos: (-150.0, 230.0)),\n        \
        3: (text: \"Practice builds habits\", pos: (150.0, 230.0)),\n    },\n    \
        links: {\n        \
        1: (kind: Support, premises: [2], target: Claim(1)),\n        \
        2: (kind: Attack, premises: [3], target: Claim(9)),\n        \
        3: (kind: Attack, premises: [3], target: Link(3)),\n        \
        4: (kind: Attack, premises: [3, 7], target: Claim(1)),\n    },\n)\n";
    std::fs::write(&path, text).expect("write");
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(
        Startup {
            file: Some(path.clone()),
            restore_last: false,
            recovery_dir: None,
        },
        &dialogs,
    );
    // Every problem is listed, and the map is shown without them.
    assert!(
        harness
            .query_by_label_contains("tangled.ron needs repair: 3 problems")
            .is_some()
    );
    for problem in [
        "link #2: its target, claim #9, does not exist",
        "link #3: it targets itself",
        "link #4: its premise, claim #7, does not exist",
    ] {
        assert!(
            harness.query_by_label_contains(problem).is_some(),
            "{problem} is listed"
        );
    }
    assert_eq!(map(&harness).claims.len(), 3);
    assert_eq!(map(&harness).links.len(), 2);

    // Read-only: an edit is refused and says why; saving is refused.
    click_card(&mut harness, "Children need rest", Modifiers::NONE);
    key(&mut harness, Modifiers::NONE, Key::Tab);
    type_text(&mut harness, "Not allowed");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(map(&harness).claims.len(), 3);
    assert!(
        harness
            .state()
            .status()
            .contains("read-only until it is repaired"),
        "{}",
        harness.state().status()
    );
    key(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(
        harness
            .state()
            .errors()
            .join("\n")
            .contains("needs repair before it can be saved")
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);

    // One click repairs: only the broken parts go, and a note says which.
    harness.get_by_label("Repair").click();
    harness.run();
    let notes = harness.state().notes().join("\n");
    for dropped in [
        "Link #4 had claim #7 as a premise, which does not exist: that premise was dropped.",
        "Link #2 was dropped: its target, claim #9, does not exist.",
        "Link #3 was dropped: it targeted itself.",
    ] {
        assert!(notes.contains(dropped), "{notes}");
    }
    assert!(map(&harness).validate().is_empty());
    assert_eq!(map(&harness).links.len(), 2, "links 1 and 4 stay");
    assert!(harness.state().doc.is_modified());
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        text,
        "untouched until saved"
    );
    assert!(
        harness
            .query_by_label_contains("needs repair: 3 problems")
            .is_none()
    );

    // Editable now; saving writes the repaired map.
    click_card(&mut harness, "Children need rest", Modifiers::NONE);
    key(&mut harness, Modifiers::NONE, Key::Tab);
    type_text(&mut harness, "Sleep matters");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(map(&harness).claims.len(), 4);
    key(&mut harness, Modifiers::COMMAND, Key::S);
    let saved = store::read_map(&path).expect("a sound map now");
    assert_eq!(saved.claims.len(), 4);
    assert!(
        path.with_file_name("tangled.ron.bak").exists(),
        "the broken original is kept as the backup"
    );
}

#[test]
fn a_broken_file_shows_its_error_and_the_editor_stays_usable() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("broken.ron");
    std::fs::write(
        &path,
        "(\n    format: 1,\n    claims: {\n        1: (text: 5),\n    },\n)\n",
    )
    .expect("write");
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(
        Startup {
            file: Some(path.clone()),
            restore_last: false,
            recovery_dir: None,
        },
        &dialogs,
    );
    let errors = harness.state().errors().join("\n");
    assert!(
        errors.contains("broken.ron:4:19: expected string"),
        "{errors}"
    );
    assert!(harness.query_by_label_contains("expected string").is_some());
    // Still usable: add a claim.
    let before = map(&harness).claims.len();
    let center = canvas_center(&harness);
    click_at(&mut harness, center + vec2(0.0, 300.0), Modifiers::NONE, 2);
    type_text(&mut harness, "Still works");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(map(&harness).claims.len(), before + 1);
}

#[test]
fn the_first_map_is_the_bundled_article_as_an_untitled_copy() {
    let dialogs = ScriptedDialogs::default();
    let harness = harness(Startup::default(), &dialogs);
    let app = harness.state();
    assert!(app.doc.path.is_none());
    assert!(map(&harness).claims.len() >= 30);
    assert!(app.window_title().contains("China's Social Credit System"));
    // It opens on the thesis, readable, Chinese text included.
    assert!(
        harness.query_by_label_contains("社会信用体系").is_some(),
        "the thesis is on screen"
    );
    assert_eq!(harness.state().status(), "");
    assert!(
        harness.query_by_label_contains("Zoom 60%").is_some(),
        "opens at a readable zoom"
    );
}

/// The middle of the line between two cards, where the link between them runs.
fn between(harness: &Harness<'_, ArgmapApp>, premise: &str, target: &str) -> Pos2 {
    card(harness, premise)
        .center()
        .lerp(card(harness, target).center(), 0.5)
}

fn right_click_at(harness: &mut Harness<'_, ArgmapApp>, pos: Pos2) {
    harness.run_steps(30);
    harness.event(Event::PointerMoved(pos));
    harness.run();
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
}

#[test]
fn shift_click_toggles_shift_drag_boxes_and_escape_clears() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    build_small_map(&mut harness);
    let thesis = claim_id(&harness, "Homework should be optional");
    let reason = claim_id(&harness, "Children need time to rest");
    click_card(&mut harness, "Homework should be optional", Modifiers::NONE);
    click_card(&mut harness, "Children need time to rest", Modifiers::SHIFT);
    assert_eq!(harness.state().view.selection, [thesis, reason].into());
    click_card(
        &mut harness,
        "Homework should be optional",
        Modifiers::SHIFT,
    );
    assert_eq!(harness.state().view.selection, [reason].into());
    key(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.state().view.selection.is_empty());

    // A box around every card, drawn from an empty corner with Shift held.
    let rects: Vec<egui::Rect> = [
        "Homework should be optional",
        "Children need time to rest",
        "Practice at home builds habits",
    ]
    .iter()
    .map(|t| card(&harness, t))
    .collect();
    let all = rects
        .iter()
        .copied()
        .reduce(egui::Rect::union)
        .expect("cards");
    drag(
        &mut harness,
        all.left_top() - vec2(30.0, 30.0),
        all.right_bottom() + vec2(30.0, 30.0),
        Modifiers::SHIFT,
    );
    assert_eq!(harness.state().view.selection.len(), 3);
    assert_eq!(
        map(&harness).claims.len(),
        3,
        "a selection box creates nothing"
    );
}

#[test]
fn drop_on_a_link_undercuts_it_and_ctrl_drop_joins_a_link() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    build_small_map(&mut harness);
    let center = canvas_center(&harness);
    click_at(
        &mut harness,
        center + vec2(-350.0, 250.0),
        Modifiers::NONE,
        2,
    );
    type_text(&mut harness, "Rest is not what homework takes away");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    let undercutter = claim_id(&harness, "Rest is not what homework takes away");
    let support = map(&harness)
        .links
        .iter()
        .find(|(_, l)| l.kind == LinkKind::Support)
        .map(|(&id, _)| id)
        .expect("the reason's link");

    let on_link = between(
        &harness,
        "Children need time to rest",
        "Homework should be optional",
    );
    let handle = card(&harness, "Rest is not what homework takes away").center_top();
    click_card(
        &mut harness,
        "Rest is not what homework takes away",
        Modifiers::NONE,
    );
    drag(&mut harness, handle, on_link, Modifiers::NONE);
    let undercut = map(&harness)
        .links
        .values()
        .find(|l| l.premises == [undercutter])
        .cloned();
    assert_eq!(
        undercut.as_ref().map(|l| (l.kind, l.target)),
        Some((LinkKind::Attack, Target::Link(support)))
    );
    assert_eq!(
        Role::of(map(&harness), undercutter),
        Some(Role::Undercutter)
    );

    // A co-premise: Ctrl-drop a new claim onto the reason.
    click_at(
        &mut harness,
        center + vec2(350.0, 250.0),
        Modifiers::NONE,
        2,
    );
    type_text(&mut harness, "Rest helps memory");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    let co_premise = claim_id(&harness, "Rest helps memory");
    let reason = claim_id(&harness, "Children need time to rest");
    let handle = card(&harness, "Rest helps memory").center_top();
    let onto = card(&harness, "Children need time to rest").center();
    click_card(&mut harness, "Rest helps memory", Modifiers::NONE);
    drag(&mut harness, handle, onto, Modifiers::COMMAND);
    assert_eq!(map(&harness).links[&support].premises, [reason, co_premise]);
}

#[test]
fn link_context_menu_flips_and_splits() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    build_small_map(&mut harness);
    let at = between(
        &harness,
        "Children need time to rest",
        "Homework should be optional",
    );
    right_click_at(&mut harness, at);
    harness.get_by_label("Make it an attack").click();
    harness.run();
    assert!(
        map(&harness)
            .links
            .values()
            .all(|l| l.kind == LinkKind::Attack)
    );
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        map(&harness)
            .links
            .values()
            .filter(|l| l.kind == LinkKind::Support)
            .count(),
        1
    );

    // Split linked premises from the inspector of a selected link.
    let mut doc = Document::untitled(argmap::bundled::STARTERS[1].map(), true);
    doc.map.title = "Essay".to_owned();
    harness.state_mut().doc = doc;
    harness.state_mut().view = argmap::ui::View::default();
    harness.run();
    harness.state_mut().view.selected_link = Some(argmap::model::LinkId(2));
    harness.run();
    harness.get_by_label("Split linked premises").click();
    harness.run();
    assert!(map(&harness).links.values().all(|l| l.premises.len() == 1));
}

#[test]
fn claim_context_menu_and_inspector_change_kind_and_text() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    build_small_map(&mut harness);
    let reason = claim_id(&harness, "Children need time to rest");
    let at = card(&harness, "Children need time to rest").center();
    right_click_at(&mut harness, at);
    harness.get_by_label_contains("Set as thesis").click();
    harness.run();
    assert_eq!(map(&harness).thesis, Some(reason));
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(map(&harness).thesis, None);

    // The inspector edits the selected claim; typing is one undo step.
    click_card(&mut harness, "Children need time to rest", Modifiers::NONE);
    harness.get_by_label("Note").click();
    harness.run();
    type_text(&mut harness, "Sleep studies");
    type_text(&mut harness, " agree");
    let empty = canvas_center(&harness) + vec2(0.0, 300.0);
    click_at(&mut harness, empty, Modifiers::NONE, 1);
    assert_eq!(
        map(&harness).claims[&reason].note.as_deref(),
        Some("Sleep studies agree")
    );
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(map(&harness).claims[&reason].note, None);

    click_card(&mut harness, "Children need time to rest", Modifiers::NONE);
    harness.get_by_label("Kind").click();
    harness.run();
    harness.get_by_label("evidence").click();
    harness.run();
    assert_eq!(
        map(&harness).claims[&reason].kind,
        argmap::model::ClaimKind::Evidence
    );
}

#[test]
fn shift_enter_makes_a_new_line_and_double_click_edits() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    let center = canvas_center(&harness);
    click_at(&mut harness, center, Modifiers::NONE, 2);
    type_text(&mut harness, "First line");
    key(&mut harness, Modifiers::SHIFT, Key::Enter);
    type_text(&mut harness, "second line");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    let id = claim_id(&harness, "First line\nsecond line");

    let at = card(&harness, "First line\nsecond line").center();
    click_at(&mut harness, at, Modifiers::NONE, 2);
    assert_eq!(
        harness.state().view.editing.as_ref().map(|e| e.claim),
        Some(id)
    );
    type_text(&mut harness, "!");
    key(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.state().view.editing.is_none());
    assert_eq!(map(&harness).claims[&id].text, "First line\nsecond line!");
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(map(&harness).claims[&id].text, "First line\nsecond line");
}

#[test]
fn the_title_marks_unsaved_changes() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    assert_eq!(harness.state().window_title(), "Homework — Argmap");
    build_small_map(&mut harness);
    assert_eq!(harness.state().window_title(), "• Homework — Argmap");
    let dir = tempfile::tempdir().expect("temp dir");
    dialogs.answer(Some(dir.path().join("h.ron")));
    key(&mut harness, Modifiers::COMMAND, Key::S);
    assert_eq!(harness.state().window_title(), "Homework — Argmap");
}

#[test]
fn open_asks_for_a_file_and_shows_it() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/debate-motion.ron");
    dialogs.answer(Some(path.clone()));
    key(&mut harness, Modifiers::COMMAND, Key::O);
    assert_eq!(harness.state().doc.path.as_deref(), Some(path.as_path()));
    assert_eq!(map(&harness).claims.len(), 14);
    assert!(!harness.state().doc.is_modified());
}

#[test]
fn a_large_map_is_read_on_a_worker_while_the_window_shows_progress() {
    use argmap::model::{Claim, Pos};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("long-texts.ron");
    let mut big = Map::new("Long texts");
    for i in 0..5 {
        #[allow(clippy::cast_precision_loss)]
        let x = i as f32 * 300.0;
        big.add_claim(Claim::new(
            format!("{i} {}", "evidence ".repeat(120_000)),
            Pos::new(x, 0.0),
        ));
    }
    store::write_map(&path, &big).expect("saved");
    assert!(std::fs::metadata(&path).expect("size").len() > 5_000_000);

    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    dialogs.answer(Some(path.clone()));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.step();
    harness.step();
    assert!(
        harness
            .query_by_label_contains("Opening long-texts.ron")
            .is_some(),
        "the progress dialog shows while the worker reads"
    );
    let mut frames = 0;
    while harness
        .query_by_label_contains("Opening long-texts.ron")
        .is_some()
    {
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
        frames += 1;
        assert!(frames < 1000, "the worker finished");
    }
    assert!(
        frames >= 1,
        "the window kept drawing frames while the map was read"
    );
    harness.run();
    assert_eq!(map(&harness), &big);
    assert_eq!(harness.state().doc.path.as_deref(), Some(path.as_path()));
    // Nothing went wrong on the way.
    assert!(
        harness.state().errors().is_empty(),
        "{:?}",
        harness.state().errors()
    );
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_map_file_on_the_window_opens_it() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/essay-thesis.ron");
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.clone())));
    harness.run();
    assert_eq!(harness.state().doc.path.as_deref(), Some(path.as_path()));
    assert_eq!(map(&harness).claims.len(), 9);
}

#[test]
fn quit_with_unsaved_changes_asks_and_can_cancel() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    build_small_map(&mut harness);
    key(&mut harness, Modifiers::COMMAND, Key::Q);
    assert!(harness.query_by_label_contains("Save changes to").is_some());
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label_contains("Save changes to").is_none());
    assert_eq!(map(&harness).claims.len(), 3);

    key(&mut harness, Modifiers::COMMAND, Key::Q);
    harness.get_by_label("Don't save").click();
    harness.step();
    let closing = harness
        .output()
        .viewport_output
        .values()
        .any(|v| v.commands.contains(&egui::ViewportCommand::Close));
    assert!(closing, "the window is asked to close");
}

#[test]
fn new_from_a_template_opens_an_untitled_copy() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("New from template").hover();
    harness.run();
    harness
        .get_by_label("Debate motion: proposition and opposition")
        .click();
    harness.run();
    assert_eq!(map(&harness).claims.len(), 14);
    assert!(harness.state().doc.path.is_none(), "saving asks where");
    assert!(harness.state().doc.is_modified());
}

#[test]
fn arrange_is_one_undo_step_and_keeps_pinned_claims() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    build_small_map(&mut harness);
    // Pin the objection from the inspector, somewhere odd.
    let objection = claim_id(&harness, "Practice at home builds habits");
    click_card(
        &mut harness,
        "Practice at home builds habits",
        Modifiers::NONE,
    );
    harness.get_by_label("Pinned in place").click();
    harness.run();
    assert!(map(&harness).claims[&objection].pinned);
    let pinned_at = map(&harness).claims[&objection].pos;

    let before = map(&harness).clone();
    key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    harness.run_steps(40);
    assert_eq!(harness.state().doc.history.undo_label(), Some("Arrange"));
    assert_eq!(map(&harness).claims[&objection].pos, pinned_at);
    let thesis = claim_id(&harness, "Homework should be optional");
    let reason = claim_id(&harness, "Children need time to rest");
    assert!(map(&harness).claims[&thesis].pos.y < map(&harness).claims[&reason].pos.y);
    assert_ne!(map(&harness), &before);
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(map(&harness), &before);
}

#[test]
fn a_twenty_thousand_claim_map_opens_and_draws() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(Startup::default(), &dialogs);
    let mut big = argmap::generate::generate(20_000, 5);
    let mut measure = argmap::measure::TextMeasure::new();
    let sizes = argmap::measure::card_sizes(&big, &mut measure);
    for (id, pos) in argmap::layout::arrange(&big, &sizes, argmap::layout::Scope::All) {
        if let Some(claim) = big.claims.get_mut(&id) {
            claim.pos = pos;
        }
    }
    harness.state_mut().doc = Document::untitled(big, false);
    harness.state_mut().view = argmap::ui::View::default();
    harness.run();
    // Opened on the thesis, readable, with its card a widget.
    let thesis_text = map(&harness).claims[&map(&harness).thesis.expect("thesis")]
        .text
        .clone();
    assert!(harness.query_by_label(&thesis_text).is_some());
    // The whole map in view, then zoomed back in: frames keep coming.
    key(&mut harness, Modifiers::NONE, Key::F);
    harness.run();
    key(&mut harness, Modifiers::NONE, Key::Plus);
    harness.run();
    assert_eq!(map(&harness).claims.len(), 20_000);
}

/// The shared fixtures written by other tools.
fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

#[test]
fn import_from_the_file_menu_reads_argdown_and_reports_what_it_left_out() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    dialogs.answer(Some(fixture("argdown/legalisation-softdrugs.argdown")));
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Import… Ctrl+I").click();
    harness.run();
    let map = map(&harness);
    assert_eq!(map.claims.len(), 18);
    assert_eq!(map.title, "Pros and Cons Legalisation of Soft Drugs");
    let undercuts = map
        .links
        .values()
        .filter(|l| matches!(l.target, Target::Link(_)))
        .count();
    assert_eq!(undercuts, 2);
    // Imported maps are unsaved copies, arranged without overlaps.
    assert!(harness.state().doc.path.is_none());
    assert!(harness.state().doc.is_modified());
    let notes = harness.state().notes().join("\n");
    assert!(notes.contains("titles of statements"), "{notes}");
    assert!(
        harness
            .query_all_by_label_contains("titles of statements")
            .next()
            .is_some(),
        "the report is on screen"
    );
}

#[test]
fn a_broken_import_names_the_file_and_the_place() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    build_small_map(&mut harness);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("broken.json");
    std::fs::write(&path, "{\"nodes\": [\n  {\"nodeID\": 1,, }\n]}").expect("write");
    dialogs.answer(Some(path));
    key(&mut harness, Modifiers::COMMAND, Key::I);
    harness.get_by_label("Don't save").click();
    harness.run();
    let errors = harness.state().errors().join("\n");
    assert!(errors.contains("broken.json:2:"), "{errors}");
    assert!(errors.contains("Nothing was imported"), "{errors}");
}

#[test]
fn export_writes_the_selected_claims_only() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    build_small_map(&mut harness);
    harness.state_mut().view.selection.clear();
    harness.run();
    let dir = tempfile::tempdir().expect("temp dir");
    // The whole map as Markdown.
    let whole = dir.path().join("whole.md");
    dialogs.answer(Some(whole.clone()));
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").hover();
    harness.run();
    harness.get_by_label("Markdown outline…").click();
    harness.run();
    let text = std::fs::read_to_string(&whole).expect("exported");
    assert!(text.contains("Homework should be optional"), "{text}");
    assert!(text.contains("Practice at home builds habits"), "{text}");
    // Only the objection, selected, as AIF.
    click_card(
        &mut harness,
        "Practice at home builds habits",
        Modifiers::NONE,
    );
    let part = dir.path().join("part.json");
    dialogs.answer(Some(part.clone()));
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").hover();
    harness.run();
    harness.get_by_label("AIF JSON…").click();
    harness.run();
    let text = std::fs::read_to_string(&part).expect("exported");
    assert!(text.contains("Practice at home builds habits"), "{text}");
    assert!(!text.contains("Homework should be optional"), "{text}");
    assert!(harness.state().status().contains("1 claim (the selection)"));
}

#[test]
fn dropping_an_aif_file_imports_it_and_a_ron_file_opens_it() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(fixture(
            "aif/ova3-rebut-undercut.json",
        ))));
    harness.run();
    let imported = map(&harness);
    assert_eq!(imported.claims.len(), 4);
    assert!(imported.claims.values().any(|c| c.text == "not B"));
    assert!(harness.state().doc.path.is_none(), "an import is a new map");
    let notes = harness.state().notes().join("\n");
    assert!(notes.contains("8 locutions (L) skipped"), "{notes}");

    let own = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("maps/essay-thesis.ron");
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(own.clone())));
    harness.run();
    // The import is unsaved: the app asks first.
    harness.get_by_label("Don't save").click();
    harness.run();
    assert_eq!(harness.state().doc.path.as_deref(), Some(own.as_path()));
    assert_eq!(map(&harness).claims.len(), 9);
}

fn selected(harness: &Harness<'_, ArgmapApp>) -> Vec<ClaimId> {
    harness.state().view.selection.iter().copied().collect()
}

#[test]
fn the_article_s_first_five_claims_from_the_keyboard_alone() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    // Ctrl+Enter on an empty map: the thesis.
    key(&mut harness, Modifiers::COMMAND, Key::Enter);
    type_text(&mut harness, "The credit system is a tool of rule by law");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    // Tab: a reason; Ctrl+Enter: another reason beside it.
    key(&mut harness, Modifiers::NONE, Key::Tab);
    type_text(&mut harness, "Ratings are not linked to face recognition");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    key(&mut harness, Modifiers::COMMAND, Key::Enter);
    type_text(&mut harness, "Beijing wants trustworthy AI");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    // Up to the thesis, Shift+Tab: an objection; Shift+Tab on it: a rebuttal.
    key(&mut harness, Modifiers::NONE, Key::ArrowUp);
    key(&mut harness, Modifiers::SHIFT, Key::Tab);
    type_text(
        &mut harness,
        "The system sits close to the security apparatus",
    );
    key(&mut harness, Modifiers::NONE, Key::Enter);
    key(&mut harness, Modifiers::SHIFT, Key::Tab);
    type_text(
        &mut harness,
        "Xinjiang shows the security state, not social credit",
    );
    key(&mut harness, Modifiers::NONE, Key::Enter);

    let thesis = claim_id(&harness, "The credit system is a tool of rule by law");
    let face = claim_id(&harness, "Ratings are not linked to face recognition");
    let ai = claim_id(&harness, "Beijing wants trustworthy AI");
    let security = claim_id(&harness, "The system sits close to the security apparatus");
    let xinjiang = claim_id(
        &harness,
        "Xinjiang shows the security state, not social credit",
    );
    let m = map(&harness);
    assert_eq!(m.claims.len(), 5);
    assert_eq!(m.thesis, Some(thesis));
    let has = |kind: LinkKind, premise: ClaimId, target: ClaimId| {
        m.links
            .values()
            .any(|l| l.kind == kind && l.premises == [premise] && l.target == Target::Claim(target))
    };
    assert!(has(LinkKind::Support, face, thesis));
    assert!(has(LinkKind::Support, ai, thesis));
    assert!(has(LinkKind::Attack, security, thesis));
    assert!(has(LinkKind::Attack, xinjiang, security));

    // The arrows walk the structure.
    assert_eq!(selected(&harness), vec![xinjiang]);
    key(&mut harness, Modifiers::NONE, Key::ArrowUp);
    assert_eq!(selected(&harness), vec![security]);
    key(&mut harness, Modifiers::NONE, Key::ArrowUp);
    assert_eq!(selected(&harness), vec![thesis]);
    key(&mut harness, Modifiers::NONE, Key::ArrowDown);
    assert_eq!(selected(&harness), vec![face], "the leftmost answer");
    key(&mut harness, Modifiers::NONE, Key::ArrowRight);
    assert_eq!(selected(&harness), vec![ai]);
    key(&mut harness, Modifiers::NONE, Key::ArrowRight);
    assert_eq!(selected(&harness), vec![security]);
    key(&mut harness, Modifiers::NONE, Key::ArrowRight);
    assert_eq!(selected(&harness), vec![security], "nothing further right");
    key(&mut harness, Modifiers::NONE, Key::ArrowDown);
    assert_eq!(selected(&harness), vec![xinjiang]);

    // Alt+Up moves the objection left of the second reason, in one step.
    key(&mut harness, Modifiers::NONE, Key::ArrowUp);
    key(&mut harness, Modifiers::ALT, Key::ArrowUp);
    let x = |h: &Harness<'_, ArgmapApp>, id: ClaimId| map(h).claims[&id].pos.x;
    assert!(x(&harness, security) < x(&harness, ai));
    assert!(x(&harness, face) < x(&harness, security));
    key(&mut harness, Modifiers::NONE, Key::ArrowLeft);
    assert_eq!(selected(&harness), vec![face]);
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(x(&harness, security) > x(&harness, ai), "undo puts it back");
}

#[test]
fn the_palette_finds_and_runs_commands_and_f1_lists_them() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
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
fn copy_and_paste_a_subtree_onto_another_claim() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    build_small_map(&mut harness);
    let objection = claim_id(&harness, "Practice at home builds habits");
    // Give the objection a rebuttal, then copy both.
    add_rebuttal(&mut harness);
    let rebuttal = claim_id(&harness, "Habits also form at school");
    harness.state_mut().view.selection = [objection, rebuttal].into_iter().collect();
    harness.run();
    harness.event(Event::Copy);
    harness.run();
    let copied = harness.state().copied_text().expect("copied").to_owned();
    assert_eq!(
        copied,
        "Practice at home builds habits\n    but Habits also form at school\n"
    );
    // Paste onto the reason: the copy objects to it, with its rebuttal.
    click_card(&mut harness, "Children need time to rest", Modifiers::NONE);
    let reason = claim_id(&harness, "Children need time to rest");
    harness.event(Event::Paste(copied));
    harness.run();
    let m = map(&harness);
    assert_eq!(m.claims.len(), 6);
    let pasted: Vec<ClaimId> = selected(&harness);
    assert_eq!(pasted.len(), 2);
    assert!(!pasted.contains(&objection), "new ids");
    let top = pasted
        .iter()
        .copied()
        .find(|id| m.claims[id].text == "Practice at home builds habits")
        .expect("copy of the objection");
    let under = pasted
        .iter()
        .copied()
        .find(|&id| id != top)
        .expect("rebuttal copy");
    assert!(m.links.values().any(|l| l.kind == LinkKind::Attack
        && l.premises == [top]
        && l.target == Target::Claim(reason)));
    assert!(m.links.values().any(|l| l.kind == LinkKind::Attack
        && l.premises == [under]
        && l.target == Target::Claim(top)));
    assert!(m.validate().is_empty());
    // One undo step takes it all back.
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(map(&harness).claims.len(), 4);

    // Cut and paste re-parents: the rebuttal moves under the reason.
    harness.state_mut().view.selection = [rebuttal].into_iter().collect();
    harness.run();
    harness.event(Event::Cut);
    harness.run();
    assert_eq!(map(&harness).claims.len(), 3);
    click_card(&mut harness, "Children need time to rest", Modifiers::NONE);
    let text = harness.state().copied_text().expect("cut").to_owned();
    harness.event(Event::Paste(text));
    harness.run();
    let m = map(&harness);
    let moved = claim_id(&harness, "Habits also form at school");
    assert!(m.links.values().any(|l| l.kind == LinkKind::Attack
        && l.premises == [moved]
        && l.target == Target::Claim(reason)));

    // Ctrl+D duplicates beside the original, answering the same claim.
    key(&mut harness, Modifiers::COMMAND, Key::D);
    let m = map(&harness);
    assert_eq!(m.claims.len(), 5);
    let duplicates = m
        .claims
        .values()
        .filter(|c| c.text == "Habits also form at school")
        .count();
    assert_eq!(duplicates, 2);
    assert_eq!(
        m.links
            .values()
            .filter(|l| l.target == Target::Claim(reason) && l.kind == LinkKind::Attack)
            .count(),
        2
    );
}

#[test]
fn pasting_an_indented_outline_builds_the_structure() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    let outline = "China's credit system serves rule by law\n\
                   \x20   + Ratings are not tied to face recognition\n\
                   \x20   + Beijing limits automated decisions\n\
                   \x20       + A white paper asks for trustworthy AI\n\
                   \x20   - It sits close to the security apparatus\n";
    harness.event(Event::Paste(outline.to_owned()));
    harness.run();
    let m = map(&harness);
    assert_eq!(m.claims.len(), 5);
    let id = |text: &str| claim_id(&harness, text);
    let thesis = id("China's credit system serves rule by law");
    let has = |kind: LinkKind, premise: ClaimId, target: ClaimId| {
        m.links
            .values()
            .any(|l| l.kind == kind && l.premises == [premise] && l.target == Target::Claim(target))
    };
    assert!(has(
        LinkKind::Support,
        id("Ratings are not tied to face recognition"),
        thesis
    ));
    assert!(has(
        LinkKind::Support,
        id("Beijing limits automated decisions"),
        thesis
    ));
    assert!(has(
        LinkKind::Support,
        id("A white paper asks for trustworthy AI"),
        id("Beijing limits automated decisions")
    ));
    assert!(has(
        LinkKind::Attack,
        id("It sits close to the security apparatus"),
        thesis
    ));
    assert_eq!(m.links.len(), 4);
    // Laid out as a tree: every answer below what it answers.
    for link in m.links.values() {
        let Target::Claim(target) = link.target else {
            continue;
        };
        assert!(m.claims[&link.premises[0]].pos.y > m.claims[&target].pos.y);
    }
    // One line pasted into a card being edited is just text.
    click_card(
        &mut harness,
        "Ratings are not tied to face recognition",
        Modifiers::NONE,
    );
    key(&mut harness, Modifiers::NONE, Key::F2);
    harness.event(Event::Paste(" at all".to_owned()));
    harness.run();
    key(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(map(&harness).claims.len(), 5);
    assert!(
        harness
            .state()
            .doc
            .map
            .claims
            .values()
            .any(|c| c.text == "Ratings are not tied to face recognition at all")
    );
}

#[test]
fn search_highlights_matches_and_steps_through_them() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(Startup::default(), &dialogs);
    key(&mut harness, Modifiers::COMMAND, Key::F);
    type_text(&mut harness, "law");
    let found: Vec<ClaimId> = harness
        .state()
        .view
        .search
        .as_ref()
        .map(|s| s.matches.clone())
        .unwrap_or_default();
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
    assert!(harness.state().view.search.is_none());
    assert_eq!(map(&harness), &m);
}

#[test]
fn folding_hides_a_subtree_behind_a_badge_and_is_remembered() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
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
    assert_eq!(harness.state().view.fold_counts.get(&objection), Some(&1));

    // Reopening the file shows it folded again.
    dialogs.answer(Some(path.clone()));
    key(&mut harness, Modifiers::COMMAND, Key::O);
    assert!(harness.state().view.folds.contains(&objection));
    assert!(
        harness
            .query_by_label("Habits also form at school")
            .is_none()
    );

    // Unfold: the rebuttal is back.
    harness.state_mut().view.selection = [objection].into_iter().collect();
    harness.run();
    key(&mut harness, Modifiers::COMMAND, Key::Period);
    assert!(
        harness
            .query_by_label("Habits also form at school")
            .is_some()
    );
    assert!(harness.state().view.fold_counts.is_empty());
}

#[test]
fn focus_mode_shows_one_claim_and_its_answers_and_backspace_steps_out() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    build_small_map(&mut harness);
    add_rebuttal(&mut harness);
    click_card(
        &mut harness,
        "Practice at home builds habits",
        Modifiers::NONE,
    );
    key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    let objection = claim_id(&harness, "Practice at home builds habits");
    assert_eq!(harness.state().view.focus, Some(objection));
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
    assert_eq!(harness.state().view.focus, Some(thesis));
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
    assert_eq!(harness.state().view.focus, None);
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
    let mut harness = blank(&dialogs);
    build_small_map(&mut harness);
    harness.state_mut().view.fit_requested = true;
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
            // Made by double-click, it is not yet marked as the thesis.
            ("Homework should be optional".to_owned(), "claim".to_owned()),
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
    let mut harness = blank(&dialogs);
    build_small_map(&mut harness);
    // Ctrl+= scales all text; Ctrl+0 puts it back.
    key(&mut harness, Modifiers::COMMAND, Key::Equals);
    assert!((harness.ctx.zoom_factor() - 1.1).abs() < 0.01);
    key(&mut harness, Modifiers::COMMAND, Key::Num0);
    assert!((harness.ctx.zoom_factor() - 1.0).abs() < 0.01);
    // The plain keys zoom the map only.
    let before = harness.state().view.scene_rect.size();
    key(&mut harness, Modifiers::NONE, Key::Plus);
    assert!(harness.state().view.scene_rect.width() < before.x);
    assert!((harness.ctx.zoom_factor() - 1.0).abs() < 0.01);

    // M shows the minimap; a click in it moves the view there.
    key(&mut harness, Modifiers::NONE, Key::M);
    assert!(harness.state().view.look.minimap);
    let canvas = harness.state().view.canvas_rect;
    let center_before = harness.state().view.scene_rect.center();
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
    let center_after = harness.state().view.scene_rect.center();
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
fn dropping_a_card_on_another_makes_it_answer_that_one() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    build_small_map(&mut harness);
    let reason = claim_id(&harness, "Children need time to rest");
    let objection = claim_id(&harness, "Practice at home builds habits");
    // Drag the objection onto the reason: it now supports the reason.
    let from = card(&harness, "Practice at home builds habits").center();
    let to = card(&harness, "Children need time to rest").center();
    drag(&mut harness, from, to, Modifiers::NONE);
    let m = map(&harness);
    assert!(m.links.values().any(|l| l.kind == LinkKind::Support
        && l.premises == [objection]
        && l.target == Target::Claim(reason)));
    assert_eq!(m.links.len(), 2, "the old link is gone");
    assert!(
        m.claims[&objection].pos.y > m.claims[&reason].pos.y,
        "laid out below"
    );
    assert!(harness.state().status().contains("a reason for"));
    // One undo step puts it back as an objection to the thesis.
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    let m = map(&harness);
    assert!(
        m.links
            .values()
            .any(|l| l.kind == LinkKind::Attack && l.premises == [objection])
    );
    // A claim cannot be dropped onto one of its own answers.
    harness.state_mut().view.selection = [reason].into_iter().collect();
    harness.run();
    let thesis = claim_id(&harness, "Homework should be optional");
    let from = card(&harness, "Homework should be optional").center();
    let to = card(&harness, "Children need time to rest").center();
    drag(&mut harness, from, to, Modifiers::NONE);
    assert!(
        harness.state().status().contains("cannot answer"),
        "{}",
        harness.state().status()
    );
    assert!(map(&harness).links.values().all(|l| l.premises != [thesis]));
    // Alt: an objection.
    let from = card(&harness, "Practice at home builds habits").center();
    let to = card(&harness, "Children need time to rest").center();
    drag(&mut harness, from, to, Modifiers::ALT);
    let m = map(&harness);
    assert!(m.links.values().any(|l| l.kind == LinkKind::Attack
        && l.premises == [objection]
        && l.target == Target::Claim(reason)));
}

#[test]
fn every_claim_of_the_bundled_map_is_exposed_even_off_screen() {
    use egui_kittest::kittest::NodeT as _;
    let dialogs = ScriptedDialogs::default();
    let harness = harness(Startup::default(), &dialogs);
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
fn saving_keeps_a_backup_and_changes_on_disk_are_noticed() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = blank(&dialogs);
    build_small_map(&mut harness);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("homework.ron");
    let bak = dir.path().join("homework.ron.bak");
    dialogs.answer(Some(path.clone()));
    key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    assert!(!bak.exists(), "nothing to back up the first time");
    let first = std::fs::read(&path).expect("saved");
    // Edit and save again: the first version is kept beside the file.
    add_rebuttal(&mut harness);
    key(&mut harness, Modifiers::COMMAND, Key::S);
    assert_eq!(std::fs::read(&bak).expect("backup"), first);
    assert!(!harness.state().doc.is_modified());

    // Another program rewrites the file: with no unsaved edits, it reloads.
    let theirs = std::fs::read_to_string(&path)
        .expect("read")
        .replace("Homework should be optional", "Homework should be banned");
    std::fs::write(&path, theirs).expect("their edit");
    harness.run_steps(150);
    assert!(
        map(&harness)
            .claims
            .values()
            .any(|c| c.text == "Homework should be banned"),
        "reloaded"
    );
    assert!(harness.state().status().contains("changed on disk"));

    // With unsaved edits, saving asks first; "Reload theirs" takes theirs.
    click_card(&mut harness, "Children need time to rest", Modifiers::NONE);
    key(&mut harness, Modifiers::SHIFT, Key::Tab);
    type_text(&mut harness, "Mine");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    let again = std::fs::read_to_string(&path)
        .expect("read")
        .replace("Homework should be banned", "Homework should be shorter");
    std::fs::write(&path, &again).expect("their second edit");
    harness.run_steps(150);
    assert!(
        harness.state().doc.is_modified(),
        "not reloaded over unsaved edits"
    );
    key(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(harness.query_by_label("The file changed on disk").is_some());
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        again,
        "theirs untouched"
    );
    harness.get_by_label("Overwrite").click();
    harness.run();
    let saved = std::fs::read_to_string(&path).expect("read");
    assert!(saved.contains("Mine"), "ours written on request");
    assert!(!harness.state().doc.is_modified());
}

#[test]
fn unsaved_work_survives_a_crash_through_the_recovery_copy() {
    let data = tempfile::tempdir().expect("temp dir");
    let recovery = data.path().join("recovery");
    let dialogs = ScriptedDialogs::default();
    // A first run: edits, then the window loses the focus.
    let startup = Startup {
        recovery_dir: Some(recovery.clone()),
        ..Startup::default()
    };
    let mut first = harness(startup.clone(), &dialogs);
    first.state_mut().doc = Document::untitled(Map::new("Homework"), false);
    first.state_mut().view = argmap::ui::View::default();
    first.run();
    build_small_map(&mut first);
    first.event(Event::WindowFocused(false));
    first.run();
    assert!(
        recovery.join("recovery.ron").exists(),
        "a recovery copy is written"
    );
    // The process dies here: nothing else runs.
    drop(first);

    // The next start offers it; Restore brings the work back, unsaved.
    let mut second = harness(startup.clone(), &dialogs);
    assert!(second.query_by_label("Recover unsaved work?").is_some());
    second.get_by_label("Restore").click();
    second.run();
    assert_eq!(map(&second).claims.len(), 3);
    assert!(second.state().doc.is_modified());
    assert!(
        !recovery.join("recovery.ron").exists(),
        "answered: the copy is gone"
    );

    // Saving leaves nothing to recover.
    let path = data.path().join("homework.ron");
    dialogs.answer(Some(path));
    key(&mut second, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    second.event(Event::WindowFocused(false));
    second.run();
    assert!(!recovery.join("recovery.ron").exists());
    drop(second);
    let third = harness_again(startup);
    assert!(third.query_by_label("Recover unsaved work?").is_none());
}

#[test]
fn a_panic_writes_the_recovery_copy_before_the_process_ends() {
    let data = tempfile::tempdir().expect("temp dir");
    let recovery = data.path().join("recovery");
    let startup = Startup {
        recovery_dir: Some(recovery.clone()),
        ..Startup::default()
    };
    let dialogs = ScriptedDialogs::default();
    let mut first = harness(startup.clone(), &dialogs);
    first.state_mut().doc = Document::untitled(Map::new("Homework"), false);
    first.run();
    build_small_map(&mut first);
    add_rebuttal(&mut first);
    assert!(
        !recovery.join("recovery.ron").exists(),
        "no copy yet: the 30 s have not passed and the window kept the focus"
    );
    let edited = map(&first).clone();
    // A bug deep inside a frame: the same guard every frame runs through.
    let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        first
            .state_mut()
            .guarded(|_| -> () { panic!("a bug in the middle of a frame") });
    }));
    assert!(
        panicked.is_err(),
        "the panic goes on after the copy is written"
    );
    drop(first);

    let mut second = harness(startup, &dialogs);
    assert!(second.query_by_label("Recover unsaved work?").is_some());
    second.get_by_label("Restore").click();
    second.run();
    assert_eq!(map(&second), &edited, "every edit is back");
}

fn harness_again(startup: Startup) -> Harness<'static, ArgmapApp> {
    harness(startup, &ScriptedDialogs::default())
}
