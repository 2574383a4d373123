//! The pointer on the map outside the cards' own widgets: clicks and menus
//! on the background and on links, selection boxes, and connections
//! dragged from a card's handle.

use std::collections::BTreeSet;

use egui::{CornerRadius, Id, Modifiers, Painter, Pos2, Rect, Response, Stroke, StrokeKind, Ui};

use super::view::{ContextTarget, Gesture};
use super::{Frame, View};
use crate::draw::geometry;
use crate::draw::style;
use crate::model::{ClaimId, LinkId, LinkKind, Map, Pos, Target};
use crate::ui::action::Action;
use crate::ui::action::{command_button, flip_button};
use crate::ui::commands::UiCommand;
use crate::ui::source::QuoteDrag;

/// How near (in screen points) the pointer must be to a link to hit it.
const LINK_TOLERANCE_PTS: f32 = 6.0;

/// The pointer this frame, as the canvas needs it.
pub(super) struct Pointer {
    /// Where it is, in map units.
    pub(super) pos_in_map: Option<Pos2>,
    /// How many map units one screen point covers at the current zoom.
    pub(super) map_units_per_point: f32,
    /// Modifier keys held.
    pub(super) modifiers: Modifiers,
}

/// Clicks on the background and on links (and on cards that are not
/// widgets this frame): select, new claims, context menus.
pub(super) fn background_ui(
    response: &Response,
    map: &Map,
    frame: &Frame,
    view: &mut View,
    pointer: &Pointer,
    actions: &mut Vec<Action>,
) {
    let modifiers = pointer.modifiers;
    let scale = pointer.map_units_per_point;
    let pointer = pointer.pos_in_map;
    // Cards that are not widgets this frame are hit-tested here.
    if !frame.widgets
        && let Some(card) = pointer.and_then(|p| frame.index.card_at(p))
    {
        if response.double_clicked() {
            actions.push(Action::StartEditing(card));
        } else if response.clicked() || response.secondary_clicked() {
            actions.push(if modifiers.shift {
                Action::ToggleSelected(card)
            } else {
                Action::Select(BTreeSet::from([card]))
            });
        }
        return;
    }
    let link_under = |p: Pos2| geometry::link_at(&frame.index.links, p, LINK_TOLERANCE_PTS * scale);
    if response.double_clicked()
        && let Some(p) = pointer
        && link_under(p).is_none()
    {
        actions.push(Action::NewClaimAt(Pos::new(p.x, p.y)));
    } else if response.clicked() {
        if view.editing.is_some() {
            actions.push(Action::FinishEditing);
        }
        match pointer.and_then(link_under) {
            Some(link) => actions.push(Action::SelectLink(link)),
            None if modifiers.shift => {}
            None => actions.push(Action::Select(BTreeSet::new())),
        }
    }
    if response.secondary_clicked()
        && let Some(p) = pointer
    {
        view.context = Some(match link_under(p) {
            Some(link) => {
                actions.push(Action::SelectLink(link));
                ContextTarget::Link(link)
            }
            None => ContextTarget::Background(Pos::new(p.x, p.y)),
        });
    }
    response.context_menu(|ui| match view.context {
        Some(ContextTarget::Link(link)) => link_menu(ui, map, link, actions),
        Some(ContextTarget::Background(at)) => {
            if ui.button("New claim here").clicked() {
                actions.push(Action::NewClaimAt(at));
                ui.close();
            }
            command_button(ui, UiCommand::SelectAll, actions);
            command_button(ui, UiCommand::FitView, actions);
        }
        None => {
            ui.close();
        }
    });
}

fn link_menu(ui: &mut Ui, map: &Map, id: LinkId, actions: &mut Vec<Action>) {
    let Some(link) = map.links.get(&id) else {
        ui.close();
        return;
    };
    // The link is selected when its menu opens: these act on it.
    command_button(ui, UiCommand::AddCoPremise, actions);
    command_button(ui, UiCommand::ObjectToInference, actions);
    ui.separator();
    flip_button(ui, link.kind, actions);
    if link.premises.len() > 1 {
        command_button(ui, UiCommand::SplitLink, actions);
    }
    crate::ui::weighing::weigh_menu(ui, Some(link.weight), actions);
    ui.separator();
    command_button(ui, UiCommand::Delete, actions);
}

/// A painter in screen space above the canvas, for gestures under way.
fn overlay_painter(ui: &Ui) -> Painter {
    let layer = egui::LayerId::new(egui::Order::Foreground, Id::unique("argmap-gestures"));
    ui.ctx().layer_painter(layer).with_clip_rect(ui.clip_rect())
}

/// Selection boxes and connections being dragged.
/// Words dragged from the source panel and dropped on a card: a reason
/// of it, or with Shift or Alt an objection.
fn quote_drop(
    ui: &Ui,
    frame: &Frame,
    pointer: Option<Pos2>,
    modifiers: Modifiers,
    actions: &mut Vec<Action>,
) {
    if egui::DragAndDrop::has_payload_of_type::<QuoteDrag>(ui.ctx())
        && let Some(card) = pointer.and_then(|p| frame.index.card_at(p))
        && ui.input(|i| i.pointer.any_released())
        && egui::DragAndDrop::take_payload::<QuoteDrag>(ui.ctx()).is_some()
    {
        let kind = if modifiers.shift || modifiers.alt {
            LinkKind::Attack
        } else {
            LinkKind::Support
        };
        actions.push(Action::QuoteDropped { on: card, kind });
    }
}

pub(super) fn gestures_ui(
    ui: &Ui,
    response: &Response,
    map: &Map,
    frame: &Frame,
    view: &mut View,
    pointer: &Pointer,
    actions: &mut Vec<Action>,
) {
    let dark = ui.visuals().dark_mode;
    let modifiers = pointer.modifiers;
    let scale = pointer.map_units_per_point;
    let pointer = pointer.pos_in_map;
    let overlay = overlay_painter(ui);
    quote_drop(ui, frame, pointer, modifiers, actions);
    let to_screen = ui
        .ctx()
        .layer_transform_to_global(response.layer_id)
        .unwrap_or_default();
    let accent = style::selection_color(dark);

    // Shift-drag on the background: a selection box.
    if response.drag_started_by(egui::PointerButton::Primary)
        && modifiers.shift
        && let Some(p) = pointer
    {
        view.gesture = Gesture::Boxing(p);
    }
    if let (Gesture::Boxing(start), Some(p)) = (view.gesture, pointer) {
        let area = Rect::from_two_pos(start, p);
        let on_screen = Rect::from_two_pos(to_screen * area.min, to_screen * area.max);
        overlay.rect(
            on_screen,
            0.0,
            accent.gamma_multiply(0.12),
            Stroke::new(1.0, accent),
            StrokeKind::Inside,
        );
        if !ui.input(|i| i.pointer.primary_down()) {
            view.gesture = Gesture::None;
            let inside: BTreeSet<ClaimId> = frame.index.cards_in(area).into_iter().collect();
            actions.push(Action::AddToSelection(inside));
        }
    }

    // A connection dragged from a card's handle.
    if let Gesture::Connecting(from) = view.gesture {
        let Some(&source) = frame.index.cards.get(&from) else {
            view.gesture = Gesture::None;
            return;
        };
        let Some(p) = pointer else {
            return;
        };
        let card_under = frame.index.card_at(p).filter(|&c| c != from);
        let link_under = if card_under.is_none() {
            geometry::link_at(&frame.index.links, p, LINK_TOLERANCE_PTS * 2.0 * scale)
        } else {
            None
        };
        // Alt is taken by some window managers for dragging windows: Shift
        // works everywhere.
        let kind = if modifiers.alt || modifiers.shift || link_under.is_some() {
            LinkKind::Attack
        } else {
            LinkKind::Support
        };
        let color = style::link_color(kind, dark);
        let start = to_screen * geometry::handle_center(source);
        overlay.line_segment([start, to_screen * p], Stroke::new(2.5, color));
        if let Some(card) = card_under.and_then(|c| frame.index.cards.get(&c)) {
            let r = Rect::from_two_pos(to_screen * card.min, to_screen * card.max);
            overlay.rect_stroke(
                r.expand(3.0),
                CornerRadius::same(10),
                Stroke::new(2.5, color),
                StrokeKind::Outside,
            );
        }
        if let Some(anchor) = link_under
            .and_then(|l| frame.index.links.get(&l))
            .map(|s| s.anchor)
        {
            overlay.circle_stroke(to_screen * anchor, 10.0, Stroke::new(2.5, color));
        }
        if !ui.input(|i| i.pointer.primary_down()) {
            view.gesture = Gesture::None;
            let join =
                modifiers.command && card_under.is_some_and(|c| map.links_from(c).next().is_some());
            match (card_under, link_under) {
                (Some(card), _) if join => {
                    if let Some((link, _)) = map.links_from(card).next() {
                        actions.push(Action::Join { link, claim: from });
                    }
                }
                (Some(card), _) => actions.push(Action::Connect {
                    premise: from,
                    target: Target::Claim(card),
                    kind,
                }),
                (None, Some(link)) => actions.push(Action::Connect {
                    premise: from,
                    target: Target::Link(link),
                    kind: LinkKind::Attack,
                }),
                (None, None) => actions.push(Action::Status(
                    "Drop the connection on a claim, or on a link to undercut it".to_owned(),
                )),
            }
        }
    }
}
