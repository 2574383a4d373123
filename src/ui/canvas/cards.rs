//! The cards as widgets: what clicks, drags and right-clicks on a card
//! do, its context menu, and the text field a claim is typed in.

use std::collections::BTreeSet;

use egui::{
    Color32, FontId, Id, Key, KeyboardShortcut, Modifiers, Rect, Response, Sense, Stroke, TextEdit,
    Ui, Vec2, WidgetInfo,
};

use super::lod::Level;
use super::scene_index::SceneIndex;
use super::view::{Editing, Gesture};
use super::{Drawn, Frame, View, a11y, paint};
use crate::card::{PADDING, TEXT_SIZE};
use crate::draw::geometry::{self, HANDLE_RADIUS};
use crate::draw::style;
use crate::model::{Claim, ClaimId, ClaimKind, LinkKind, Map, Role};
use crate::ui::action::Action;
use crate::ui::action::{command_button, labelled_command_button};
use crate::ui::commands::UiCommand;

/// The id of the in-place text field.
pub fn text_editor_id() -> Id {
    Id::unique("argmap-claim-editor")
}

fn card_id(claim: ClaimId) -> Id {
    Id::unique(("argmap-card", claim.0))
}

fn handle_id(claim: ClaimId) -> Id {
    Id::unique(("argmap-handle", claim.0))
}

/// The cards on screen (and, for screen readers, the rest of a small map):
/// painted, and widgets for the pointer and the keyboard. True when a card
/// took the keyboard focus by a click.
pub(super) fn cards_ui(
    ui: &mut Ui,
    shown: Drawn<'_>,
    frame: &Frame<'_>,
    view: &mut View,
    dark: bool,
    actions: &mut Vec<Action>,
) -> bool {
    let map = shown.map;
    if frame.level != Level::Text && frame.titles.is_empty() && !frame.widgets {
        return false;
    }
    // Whether a card (or its handle) took the keyboard focus by a click:
    // the canvas then takes it back, for its own keys.
    let mut card_focused = false;
    let selection_color = style::selection_color(dark);
    let on_screen = a11y::on_screen_when_exposing_all(frame);
    for id in a11y::reading_order(frame) {
        let (Some(&rect), Some(claim)) = (frame.index.cards.get(&id), map.claims.get(&id)) else {
            continue;
        };
        let role = frame.index.roles.get(&id).copied().unwrap_or(Role::Free);
        // Worked out only when assistive technology is listening.
        let quoted = shown.quotes.words.get(&id).map(String::as_str);
        let description = || a11y::description(map, frame.index, id, role, claim, quoted);
        if on_screen.as_ref().is_some_and(|s| !s.contains(&id)) {
            // Off screen: only the widget, for assistive technology.
            card_widgets(ui, id, claim, rect, description, false);
            continue;
        }
        let mut card_style = style::card_style(role, claim.kind, dark);
        if view.look.high_contrast {
            card_style = style::high_contrast(card_style, dark);
        }
        let selected = view.selection.claims.contains(&id);
        // With many cards on screen they are painted only; the canvas
        // hit-tests them through the grid (see `background_ui`).
        let widgets = frame
            .widgets
            .then(|| card_widgets(ui, id, claim, rect, description, selected));
        let hovered = !shown.presenting && widgets.as_ref().is_some_and(|(card, _)| card.hovered());
        // Zoomed far out, the blocks are already drawn; cards stay widgets
        // (for the pointer and screen readers) while there are not too many.
        // Zoomed out to titles, a card whose title reads shows it alone.
        let painted = paint_card(
            ui,
            shown,
            frame,
            &CardPaint {
                id,
                claim,
                rect,
                role,
                style: &card_style,
                selected,
                hovered,
                selection_color,
                typed: match &view.editing {
                    Some(e) if e.claim == id && e.title => paint::Typed::Title,
                    Some(e) if e.claim == id => paint::Typed::Text,
                    _ => paint::Typed::Neither,
                },
            },
        );
        let Some((response, handle)) = widgets else {
            continue;
        };
        card_focused |= response.has_focus() || handle.has_focus();
        let handle_shown = selected || response.hovered() || handle.hovered() || handle.dragged();
        if painted && !shown.presenting && handle_shown {
            let color = if handle.hovered() || handle.dragged() {
                selection_color
            } else {
                card_style.accent
            };
            ui.painter().circle(
                handle.rect.center(),
                HANDLE_RADIUS,
                color,
                Stroke::new(2.0, crate::draw::style::ON_COLOR),
            );
            handle.clone().on_hover_text(
                "Drag to a claim to support it (hold Shift or Alt to attack), onto a link to undercut it, or with Ctrl onto a premise to join its link",
            );
        }
        card_pointer(ui, frame.index, &response, id, view, actions);
        card_context_menu(&response, map, id, view, actions);
        if handle.drag_started() {
            view.gesture = Gesture::Connecting(id);
        }
    }
    if let Some(editing) = &mut view.editing
        && let Some(&rect) = frame.index.cards.get(&editing.claim)
    {
        if editing.title {
            title_editor_ui(ui, rect, editing, actions);
        } else {
            let below_title = frame
                .index
                .drawn(editing.claim)
                .map_or(0.0, |d| d.title_height);
            text_editor_ui(ui, rect, below_title, editing, actions);
        }
    }
    card_focused
}

/// One card as this frame draws it.
struct CardPaint<'a> {
    id: ClaimId,
    claim: &'a Claim,
    rect: Rect,
    role: Role,
    style: &'a style::CardStyle,
    selected: bool,
    hovered: bool,
    selection_color: Color32,
    /// Which of its title and text a field is typing (and draws).
    typed: paint::Typed,
}

/// Paints a card with its marks: the whole card at [`Level::Text`], its
/// title alone at [`Level::Titles`] when the title reads. False when the
/// card is left to the blocks.
fn paint_card(ui: &Ui, shown: Drawn<'_>, frame: &Frame<'_>, card: &CardPaint<'_>) -> bool {
    let &CardPaint { id, rect, role, .. } = card;
    let dark = ui.visuals().dark_mode;
    let marks = shown.marks;
    let title = match frame.level {
        Level::Titles => frame.titles.get(&id),
        Level::Text | Level::Blocks => None,
    };
    if frame.level != Level::Text && title.is_none() {
        return false;
    }
    let painter = ui.painter();
    let spotlit = marks.spotlight.contains(&id);
    if marks.found.contains(&id) || spotlit {
        paint::glow(painter, rect, frame.zoom, spotlit, dark);
    }
    if let Some(title) = title {
        paint::card_frame(
            painter,
            rect,
            card.style,
            role,
            card.selected,
            card.hovered,
            card.selection_color,
        );
        paint::title(painter, rect, title, frame.zoom, card.style.text);
    } else {
        paint::card(
            painter,
            rect,
            card.claim,
            card.style,
            role,
            card.selected,
            card.hovered,
            card.selection_color,
        );
    }
    if let Some(&hidden) = marks.fold_counts.get(&id) {
        paint::fold_badge(painter, rect, hidden, card.style, frame.zoom);
    }
    if title.is_none()
        && let Some(drawn) = frame.index.drawn(id)
    {
        paint::card_text(ui, rect, drawn, card.typed, card.style.text);
    }
    // A note takes no part in the evaluation: it shows no status.
    if let Some(evaluation) = shown
        .evaluation
        .filter(|_| card.claim.kind != ClaimKind::Note)
    {
        let label = evaluation.claim(id);
        if title.is_some() {
            paint::status_mark(painter, rect, label, frame.zoom, dark);
        } else {
            paint::status(painter, rect, label, dark);
        }
    }
    if marks.pulse.contains(&id) {
        paint::pulse(painter, rect, marks.pulse_progress, frame.zoom, dark);
    }
    if marks.faded.contains(&id) {
        paint::veil(ui, rect);
    }
    true
}

/// A card's widget (for the pointer, the keyboard and screen readers,
/// which read its text) and its connector handle's.
fn card_widgets(
    ui: &mut Ui,
    id: ClaimId,
    claim: &Claim,
    rect: Rect,
    description: impl FnOnce() -> String,
    selected: bool,
) -> (Response, Response) {
    let response = ui.interact(rect, card_id(id), Sense::click_and_drag());
    response.widget_info(|| {
        let name = if claim.text.is_empty() {
            "(empty claim)"
        } else {
            claim.text.as_str()
        };
        WidgetInfo::labeled(egui::Role::Button, true, name)
    });
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_description(description());
        if selected {
            node.set_selected(true);
        }
    });
    let handle_rect = Rect::from_center_size(
        geometry::handle_center(rect),
        Vec2::splat(HANDLE_RADIUS * 2.5),
    );
    (
        response,
        ui.interact(handle_rect, handle_id(id), Sense::drag()),
    )
}

/// Clicks and drags on a card; a single card dropped onto another answers
/// it instead of moving (a reason, or an objection with Alt).
fn card_pointer(
    ui: &Ui,
    index: &SceneIndex,
    response: &Response,
    id: ClaimId,
    view: &mut View,
    actions: &mut Vec<Action>,
) {
    let dropped_on = (response.drag_stopped() && view.selection.claims.len() == 1)
        .then(|| drop_target(ui, index, id))
        .flatten();
    let Some(onto) = dropped_on else {
        card_interactions(response, index, id, view, actions);
        return;
    };
    view.gesture = Gesture::None;
    let kind = if ui.input(|i| i.modifiers.alt || i.modifiers.shift) {
        LinkKind::Attack
    } else {
        LinkKind::Support
    };
    actions.push(Action::Reparent {
        claim: id,
        onto,
        kind,
    });
}

/// The card under the pointer, other than `dragged`, where a drag ends.
fn drop_target(ui: &Ui, index: &SceneIndex, dragged: ClaimId) -> Option<ClaimId> {
    let pointer = ui.ctx().pointer_interact_pos()?;
    let to_map = ui.ctx().layer_transform_to_global(ui.layer_id())?.inverse();
    index.card_at_except(to_map * pointer, dragged)
}

fn card_interactions(
    response: &Response,
    index: &SceneIndex,
    id: ClaimId,
    view: &mut View,
    actions: &mut Vec<Action>,
) {
    let shift = response.ctx.input(|i| i.modifiers.shift);
    if response.double_clicked() {
        // The top line of a card (its role label and its title) is its
        // title; the rest is its text.
        let on_title = response.interact_pointer_pos().is_some_and(|p| {
            let title = index.drawn(id).map_or(0.0, |d| d.title_height);
            p.y < response.rect.min.y + crate::card::text_offset().y + title
        });
        actions.push(if on_title {
            Action::StartEditingTitle(id)
        } else {
            Action::StartEditing(id)
        });
    } else if response.clicked() {
        if view.editing.as_ref().is_some_and(|e| e.claim != id) {
            actions.push(Action::FinishEditing);
        }
        if shift {
            actions.push(Action::ToggleSelected(id));
        } else {
            actions.push(Action::Select(BTreeSet::from([id])));
        }
    }
    if response.secondary_clicked() && !view.selection.claims.contains(&id) {
        actions.push(Action::Select(BTreeSet::from([id])));
    }
    if response.drag_started_by(egui::PointerButton::Primary) {
        if !view.selection.claims.contains(&id) {
            if shift {
                actions.push(Action::AddToSelection(BTreeSet::from([id])));
            } else {
                actions.push(Action::Select(BTreeSet::from([id])));
            }
        }
        view.gesture = Gesture::Moving(Vec2::ZERO);
    }
    if response.dragged_by(egui::PointerButton::Primary)
        && let Gesture::Moving(offset) = &mut view.gesture
    {
        *offset += response.drag_delta();
    }
    if response.drag_stopped()
        && let Gesture::Moving(offset) = std::mem::take(&mut view.gesture)
        && offset != Vec2::ZERO
    {
        actions.push(Action::MoveSelection(offset));
    }
}

fn card_context_menu(
    response: &Response,
    map: &Map,
    id: ClaimId,
    view: &View,
    actions: &mut Vec<Action>,
) {
    response.context_menu(|ui| {
        let many = view.selection.claims.len() > 1;
        if !many {
            command_button(ui, UiCommand::EditText, actions);
            command_button(ui, UiCommand::EditTitle, actions);
            command_button(ui, UiCommand::AddPremise, actions);
            command_button(ui, UiCommand::AddObjection, actions);
            if map.links_from(id).next().is_some() {
                command_button(ui, UiCommand::AddCoPremise, actions);
                command_button(ui, UiCommand::ObjectToInference, actions);
                command_button(ui, UiCommand::SelectLink, actions);
            }
            ui.separator();
            // The card is selected when its menu opens: these act on it.
            if map.thesis == Some(id) {
                command_button(ui, UiCommand::ClearThesis, actions);
            } else {
                command_button(ui, UiCommand::SetThesis, actions);
            }
            if let Some(claim) = map.claims.get(&id) {
                let pin = claim.pinned.then(|| "Unpin".to_owned());
                labelled_command_button(ui, UiCommand::TogglePin, pin, true, actions);
                command_button(ui, UiCommand::ArrangeSelection, actions);
                ui.menu_button("Kind", |ui| {
                    for kind in ClaimKind::ALL {
                        if ui.radio(claim.kind == kind, kind.label()).clicked() {
                            actions.push(Action::SetKind(id, kind));
                            ui.close();
                        }
                    }
                });
            }
            ui.separator();
        }
        // Assessments act on every selected claim.
        command_button(ui, UiCommand::Accept, actions);
        command_button(ui, UiCommand::Reject, actions);
        command_button(ui, UiCommand::ClearAssessment, actions);
        // Weighing acts on the claim's own link (each selected claim's).
        if let Some((_, link)) = map.links_from(id).next() {
            crate::ui::weighing::weigh_menu(ui, Some(link.weight), actions);
        }
        let claims: Vec<ClaimId> = if view.selection.claims.contains(&id) {
            view.selection.claims.iter().copied().collect()
        } else {
            vec![id]
        };
        crate::ui::weighing::standard_menu(ui, map, &claims, actions);
        ui.separator();
        command_button(ui, UiCommand::Delete, actions);
    });
}

/// The card's title editor: one bold line where the title stands, over
/// the text; Enter, Esc or a click elsewhere finishes.
fn title_editor_ui(ui: &mut Ui, card: Rect, editing: &mut Editing, actions: &mut Vec<Action>) {
    let origin = paint::text_origin(card);
    let row = Rect::from_min_max(
        origin,
        egui::pos2(
            card.max.x - PADDING.x,
            origin.y + paint::title_row_height(ui.painter()),
        ),
    );
    let editor = TextEdit::singleline(&mut editing.buffer)
        .id(text_editor_id())
        .font(crate::measure::title_font())
        .frame(egui::Frame::NONE)
        .margin(Vec2::ZERO)
        .desired_width(crate::card::text_wrap_width())
        .hint_text("Title: a few words…");
    let response = ui.put(row, editor);
    edited(ui, &response, editing, actions);
}

/// What typing in a card's field did: the text typed, and the edit done
/// at Enter (a plain one: Shift+Enter is a new line of a claim's text) or
/// when the field loses the focus. The field takes the focus first.
fn edited(ui: &Ui, response: &Response, editing: &mut Editing, actions: &mut Vec<Action>) {
    if editing.focus_pending {
        response.request_focus();
        editing.focus_pending = false;
        return;
    }
    if response.changed() {
        actions.push(Action::Typed(editing.buffer.clone()));
    }
    let enter =
        response.has_focus() && ui.input(|i| i.key_pressed(Key::Enter) && !i.modifiers.shift);
    if enter || response.lost_focus() {
        actions.push(Action::FinishEditing);
    }
}

/// The card's text editor, `below_title` under the top of its text.
fn text_editor_ui(
    ui: &mut Ui,
    card: Rect,
    below_title: f32,
    editing: &mut Editing,
    actions: &mut Vec<Action>,
) {
    let text_rect = Rect::from_min_max(
        paint::text_origin(card) + Vec2::new(0.0, below_title),
        card.max - PADDING,
    );
    let editor = TextEdit::multiline(&mut editing.buffer)
        .id(text_editor_id())
        .font(FontId::proportional(TEXT_SIZE))
        .frame(egui::Frame::NONE)
        .margin(Vec2::ZERO)
        .desired_width(crate::card::text_wrap_width())
        .desired_rows(1)
        .hint_text("Type the claim…")
        .return_key(Some(KeyboardShortcut::new(Modifiers::SHIFT, Key::Enter)));
    let response = ui.put(text_rect, editor);
    edited(ui, &response, editing, actions);
}
