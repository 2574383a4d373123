//! Building and changing a map in the editor as a user does: `egui_kittest`
//! finds widgets by their labels, clicks, drags and types, and the tests
//! check the map and its undo history.

use crate::harness::*;
use argmap::edit::Document;
use argmap::model::{ClaimId, LinkKind, Role, Target};
use argmap::ui::ArgmapApp;
use egui::{Event, Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

#[test]
fn build_a_map_with_the_keyboard_and_undo_every_step() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = Editor::new().dialogs(&dialogs).blank().build();
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
    // The first claim of a map is its thesis, however it was made.
    assert_eq!(map(&harness).thesis, Some(thesis));

    // Another thesis, from the Edit menu.
    click_card(&mut harness, "Children need time to rest", Modifiers::NONE);
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label_contains("Set as thesis").click();
    harness.run();
    assert_eq!(map(&harness).thesis, Some(reason));

    // Undo each step: the new thesis, objection (added and typed: one
    // step), reason, the first claim itself (and with it its thesis mark).
    let full = map(&harness).clone();
    let counts = [(3, 2), (2, 1), (1, 0), (0, 0)];
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(map(&harness).thesis, Some(thesis));
    for (claims, links) in counts.iter().skip(1) {
        key(&mut harness, Modifiers::COMMAND, Key::Z);
        assert_eq!(
            (map(&harness).claims.len(), map(&harness).links.len()),
            (*claims, *links)
        );
    }
    assert_eq!(map(&harness).thesis, None);
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
    let mut harness = Editor::new().dialogs(&dialogs).blank().build();
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
    let mut harness = Editor::new().dialogs(&dialogs).blank().build();
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
    let mut harness = Editor::new().dialogs(&dialogs).blank().build();
    build_small_map(&mut harness);
    let before = map(&harness).clone();
    key(&mut harness, Modifiers::COMMAND, Key::A);
    assert_eq!(harness.state().view.selection.claims.len(), 3);
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
    let mut harness = Editor::new().dialogs(&dialogs).blank().build();
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
fn shift_click_toggles_shift_drag_boxes_and_escape_clears() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = Editor::new().dialogs(&dialogs).blank().build();
    build_small_map(&mut harness);
    let thesis = claim_id(&harness, "Homework should be optional");
    let reason = claim_id(&harness, "Children need time to rest");
    click_card(&mut harness, "Homework should be optional", Modifiers::NONE);
    click_card(&mut harness, "Children need time to rest", Modifiers::SHIFT);
    assert_eq!(
        harness.state().view.selection.claims,
        [thesis, reason].into()
    );
    click_card(
        &mut harness,
        "Homework should be optional",
        Modifiers::SHIFT,
    );
    assert_eq!(harness.state().view.selection.claims, [reason].into());
    key(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.state().view.selection.claims.is_empty());

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
    assert_eq!(harness.state().view.selection.claims.len(), 3);
    assert_eq!(
        map(&harness).claims.len(),
        3,
        "a selection box creates nothing"
    );
}

#[test]
fn drop_on_a_link_undercuts_it_and_ctrl_drop_joins_a_link() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = Editor::new().dialogs(&dialogs).blank().build();
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
    let mut harness = Editor::new().dialogs(&dialogs).blank().build();
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
    harness.state_mut().view.selection.link = Some(argmap::model::LinkId(2));
    harness.run();
    harness.get_by_label("Split linked premises").click();
    harness.run();
    assert!(map(&harness).links.values().all(|l| l.premises.len() == 1));
}

#[test]
fn claim_context_menu_and_inspector_change_kind_and_text() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = Editor::new().dialogs(&dialogs).blank().build();
    build_small_map(&mut harness);
    let reason = claim_id(&harness, "Children need time to rest");
    let at = card(&harness, "Children need time to rest").center();
    right_click_at(&mut harness, at);
    harness.get_by_label_contains("Set as thesis").click();
    harness.run();
    assert_eq!(map(&harness).thesis, Some(reason));
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    let first = claim_id(&harness, "Homework should be optional");
    assert_eq!(map(&harness).thesis, Some(first));

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
    let mut harness = Editor::new().dialogs(&dialogs).blank().build();
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

/// The claim being typed into, and whether its title is.
fn typing(harness: &Harness<'_, ArgmapApp>) -> Option<(ClaimId, bool)> {
    harness
        .state()
        .view
        .editing
        .as_ref()
        .map(|e| (e.claim, e.title))
}

#[test]
fn a_title_is_typed_on_its_card_from_the_keyboard_or_its_top_line() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = Editor::new().dialogs(&dialogs).blank().build();
    build_small_map(&mut harness);
    let id = claim_id(&harness, "Children need time to rest");
    click_card(&mut harness, "Children need time to rest", Modifiers::NONE);
    // Shift+F2 opens the title on the card: one bold line over the text.
    key(&mut harness, Modifiers::SHIFT, Key::F2);
    assert_eq!(typing(&harness), Some((id, true)));
    type_text(&mut harness, "Rest matters");
    key(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(harness.state().view.editing.is_none());
    assert_eq!(
        map(&harness).claims[&id].title.as_deref(),
        Some("Rest matters")
    );
    // The text is as it was; one undo step takes the title away.
    assert_eq!(map(&harness).claims[&id].text, "Children need time to rest");
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(map(&harness).claims[&id].title, None);
    key(&mut harness, Modifiers::COMMAND, Key::Y);
    // A double click on the card's top line opens its title, elsewhere
    // its text.
    let top = card(&harness, "Children need time to rest");
    click_at(
        &mut harness,
        top.left_top() + vec2(60.0, 12.0),
        Modifiers::NONE,
        2,
    );
    assert_eq!(typing(&harness), Some((id, true)));
    // Emptied, the claim has no title again.
    for _ in 0.."Rest matters".len() {
        key(&mut harness, Modifiers::NONE, Key::Backspace);
    }
    key(&mut harness, Modifiers::NONE, Key::Escape);
    assert_eq!(map(&harness).claims[&id].title, None);
    let untitled = card(&harness, "Children need time to rest");
    click_at(
        &mut harness,
        untitled.center_bottom() - vec2(0.0, 8.0),
        Modifiers::NONE,
        2,
    );
    assert_eq!(typing(&harness), Some((id, false)));
}

#[test]
fn arrange_is_one_undo_step_and_keeps_pinned_claims() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = Editor::new().dialogs(&dialogs).blank().build();
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
fn the_article_s_first_five_claims_from_the_keyboard_alone() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = Editor::new().dialogs(&dialogs).blank().build();
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
fn dropping_a_card_on_another_makes_it_answer_that_one() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = Editor::new().dialogs(&dialogs).blank().build();
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
    harness.state_mut().view.selection.claims = [reason].into_iter().collect();
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
fn copy_and_paste_a_subtree_onto_another_claim() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = Editor::new().dialogs(&dialogs).blank().build();
    build_small_map(&mut harness);
    let objection = claim_id(&harness, "Practice at home builds habits");
    // Give the objection a rebuttal, then copy both.
    add_rebuttal(&mut harness);
    let rebuttal = claim_id(&harness, "Habits also form at school");
    harness.state_mut().view.selection.claims = [objection, rebuttal].into_iter().collect();
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
    harness.state_mut().view.selection.claims = [rebuttal].into_iter().collect();
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
    let mut harness = Editor::new().dialogs(&dialogs).blank().build();
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
fn arranging_left_to_right_from_the_view_menu_is_one_undo_step() {
    let mut harness = Editor::new().build();
    let before = map(&harness).clone();
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Arrange left to right").click();
    harness.run_steps(60);
    let turned = map(&harness).clone();
    assert_eq!(turned.direction, argmap::model::Growth::Right);
    let thesis = turned.thesis.expect("thesis");
    let leftmost = turned
        .claims
        .iter()
        .filter(|(_, c)| c.kind != argmap::model::ClaimKind::Note)
        .min_by(|a, b| a.1.pos.x.total_cmp(&b.1.pos.x))
        .map(|(&id, _)| id);
    assert_eq!(leftmost, Some(thesis), "the thesis is on the left");
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(map(&harness), &before, "one undo step takes both back");
}

#[test]
fn arranging_wide_then_compact_from_the_view_menu_packs_the_map_and_remembers() {
    use argmap::model::Arrangement;
    let mut harness = Editor::new().build();
    let before = map(&harness).clone();
    assert_eq!(
        before.arrangement,
        Arrangement::Compact,
        "compact by default"
    );
    let extent = |map: &argmap::model::Map| {
        let xs = map.claims.values().map(|c| c.pos.x);
        let ys = map.claims.values().map(|c| c.pos.y);
        let width = xs.clone().fold(f32::NEG_INFINITY, f32::max) - xs.fold(f32::INFINITY, f32::min);
        let height =
            ys.clone().fold(f32::NEG_INFINITY, f32::max) - ys.fold(f32::INFINITY, f32::min);
        width / height
    };
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Arrange wide").click();
    harness.run_steps(60);
    let wide = map(&harness).clone();
    assert_eq!(wide.arrangement, Arrangement::Wide);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Arrange compact").click();
    harness.run_steps(60);
    let compact = map(&harness).clone();
    assert_eq!(compact.arrangement, Arrangement::Compact);
    assert!(
        extent(&compact) < extent(&wide) / 1.5,
        "compact {} against wide {}",
        extent(&compact),
        extent(&wide)
    );
    // Each is one undo step: twice back is where the map started.
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(map(&harness), &wide);
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(map(&harness), &before);
}
