//! The panel of presentation steps: the order in which presenting reveals
//! the map, changed by dragging a step, or with the commands of the steps
//! list (buttons, and keys while a step row has the focus): earlier,
//! later, join with the next, split, skip; and skipped claims taken back.

use egui::{RichText, Ui};

use super::commands::UiCommand;
use crate::model::present::{Change, Step};
use crate::model::{ClaimId, Map};

/// What the user asked of the panel this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Request {
    /// Change the order.
    Change(Change),
    /// Go back to the default order.
    Reset,
    /// Present from this step (from 0).
    PresentFrom(usize),
}

/// A step's claims, shortened to one line each.
fn step_text(map: &Map, step: &[ClaimId]) -> String {
    step.iter()
        .filter_map(|c| map.claims.get(c))
        .map(|c| crate::words::one_line(&c.text, 70))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The panel's contents: `steps` are the map's presentation steps (see
/// [`crate::model::present::steps`]); `selected` is the step the commands
/// act on; `pressed` are the commands of the steps list whose keys were
/// pressed this frame.
pub fn steps_ui(
    ui: &mut Ui,
    map: &Map,
    steps: &[Step],
    selected: &mut Option<usize>,
    pressed: &[UiCommand],
) -> Option<Request> {
    let mut request = None;
    ui.heading("Presentation steps");
    let key = |command: UiCommand| command.shortcut_text(ui.ctx());
    ui.label(
        RichText::new(format!(
            "Drag a step to move it. Or click one: {} / {} moves it, {} / {} selects, \
             {} skips; or use the buttons.",
            key(UiCommand::StepEarlier),
            key(UiCommand::StepLater),
            key(UiCommand::StepSelectPrevious),
            key(UiCommand::StepSelectNext),
            key(UiCommand::StepSkip),
        ))
        .weak(),
    );
    if selected.is_some_and(|i| i >= steps.len()) {
        *selected = steps.len().checked_sub(1);
    }
    for &command in pressed {
        if let Some(keyed) = command_request(command, steps, selected) {
            return Some(keyed);
        }
    }
    request = request.or(buttons_ui(ui, steps, selected));
    ui.horizontal(|ui| {
        if ui
            .add_enabled(selected.is_some(), egui::Button::new("Present from here"))
            .clicked()
        {
            request = Some(Request::PresentFrom(selected.unwrap_or(0)));
        }
        if ui
            .add_enabled(
                !map.presentation.is_default(),
                egui::Button::new("Default order"),
            )
            .on_hover_text("The thesis, then reasons before objections, depth first")
            .clicked()
        {
            request = Some(Request::Reset);
            *selected = None;
        }
    });
    request = request.or(list_ui(ui, map, steps, selected));
    request
}

/// Whether a row of the steps list has the keyboard, so the commands of
/// the steps list get their keys (arrows, Delete) before the canvas.
pub fn has_keyboard(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<bool>(focus_key()).unwrap_or(false))
}

/// Whether `command` can act on the step `selected` now.
fn applies(command: UiCommand, steps: &[Step], selected: Option<usize>) -> bool {
    let Some(i) = selected else {
        return false;
    };
    let count = steps.len();
    match command {
        UiCommand::StepEarlier => i > 0,
        UiCommand::StepLater | UiCommand::StepJoinNext => i + 1 < count,
        UiCommand::StepSelectPrevious | UiCommand::StepSelectNext | UiCommand::StepSkip => {
            i < count
        }
        UiCommand::StepSplit => steps.get(i).is_some_and(|s| s.len() > 1),
        _ => false,
    }
}

/// Does what a command of the steps list asks of the selected step: moves
/// the selection, or asks for a change of the order.
pub fn command_request(
    command: UiCommand,
    steps: &[Step],
    selected: &mut Option<usize>,
) -> Option<Request> {
    if !applies(command, steps, *selected) {
        return None;
    }
    let i = (*selected)?;
    let change = match command {
        UiCommand::StepEarlier => {
            *selected = Some(i - 1);
            Change::Move { from: i, to: i - 1 }
        }
        UiCommand::StepLater => {
            *selected = Some(i + 1);
            Change::Move { from: i, to: i + 1 }
        }
        UiCommand::StepSelectPrevious => {
            *selected = Some(i.saturating_sub(1));
            return None;
        }
        UiCommand::StepSelectNext => {
            *selected = Some((i + 1).min(steps.len().saturating_sub(1)));
            return None;
        }
        UiCommand::StepJoinNext => Change::JoinNext(i),
        UiCommand::StepSplit => Change::Split(i),
        UiCommand::StepSkip => Change::Skip(i),
        _ => return None,
    };
    Some(Request::Change(change))
}

/// Where the panel remembers whether the selected row has the focus.
fn focus_key() -> egui::Id {
    egui::Id::unique("presentation-steps-focus")
}

/// The buttons that act on the selected step, from the command table.
fn buttons_ui(ui: &mut Ui, steps: &[Step], selected: &mut Option<usize>) -> Option<Request> {
    let mut request = None;
    ui.horizontal_wrapped(|ui| {
        for command in [
            UiCommand::StepEarlier,
            UiCommand::StepLater,
            UiCommand::StepJoinNext,
            UiCommand::StepSplit,
            UiCommand::StepSkip,
        ] {
            let shortcut = command.shortcut_text(ui.ctx());
            let tip = if shortcut.is_empty() {
                command.tooltip().to_owned()
            } else {
                format!("{} ({shortcut})", command.tooltip())
            };
            let enabled = applies(command, steps, *selected);
            if ui
                .add_enabled(enabled, egui::Button::new(command.label()))
                .on_hover_text(tip)
                .clicked()
            {
                request = command_request(command, steps, selected);
            }
        }
    });
    request
}

/// The steps, one row each (click to select, drag to move), and the
/// skipped claims.
fn list_ui(
    ui: &mut Ui,
    map: &Map,
    steps: &[Step],
    selected: &mut Option<usize>,
) -> Option<Request> {
    let mut request = None;
    ui.separator();
    let mut dropped: Option<(usize, usize)> = None;
    let skipped: Vec<ClaimId> = map
        .presentation
        .skip
        .iter()
        .copied()
        .filter(|c| map.claims.contains_key(c))
        .collect();
    if !skipped.is_empty() {
        ui.label(RichText::new("Skipped").weak());
        egui::ScrollArea::vertical()
            .id_salt("presentation-skipped")
            .max_height(100.0)
            .show(ui, |ui| {
                for &claim in &skipped {
                    ui.horizontal(|ui| {
                        if ui.button("Include").clicked() {
                            request = Some(Request::Change(Change::Include(claim)));
                        }
                        ui.label(step_text(map, &[claim]));
                    });
                }
            });
        ui.separator();
    }
    // One line a step, and only the lines in view are laid out: a map of
    // thousands of claims has thousands of steps.
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .id_salt("presentation-steps")
        .show_rows(ui, row_height, steps.len(), |ui, range| {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            for (i, step) in steps.iter().enumerate().skip(range.start).take(range.len()) {
                let label = format!("{}. {}", i + 1, step_text(map, step));
                let row = ui
                    .selectable_label(*selected == Some(i), label)
                    .interact(egui::Sense::click_and_drag());
                if row.clicked() {
                    *selected = Some(i);
                    row.request_focus();
                }
                if *selected == Some(i) {
                    let had_focus = ui.data(|d| d.get_temp::<bool>(focus_key()).unwrap_or(false));
                    if had_focus && !row.has_focus() && !ui.ctx().egui_wants_keyboard_input() {
                        // The keys moved the selection here: the focus and
                        // the view follow.
                        row.request_focus();
                        row.scroll_to_me(None);
                    }
                    let focused =
                        row.has_focus() || (had_focus && ui.memory(|m| m.focused().is_none()));
                    ui.data_mut(|d| d.insert_temp(focus_key(), focused || row.clicked()));
                }
                if row.drag_started() {
                    row.dnd_set_drag_payload(i);
                }
                if row
                    .dnd_hover_payload::<usize>()
                    .is_some_and(|from| *from != i)
                {
                    // Where the dragged step will land.
                    let y = if row.rect.center().y
                        < ui.input(|inp| inp.pointer.hover_pos().map_or(0.0, |p| p.y))
                    {
                        row.rect.bottom()
                    } else {
                        row.rect.top()
                    };
                    ui.painter().hline(
                        row.rect.x_range(),
                        y,
                        egui::Stroke::new(2.0, ui.visuals().selection.bg_fill),
                    );
                }
                if let Some(from) = row.dnd_release_payload::<usize>() {
                    dropped = Some((*from, i));
                }
            }
        });
    if let Some((from, to)) = dropped
        && from != to
    {
        request = Some(Request::Change(Change::Move { from, to }));
        *selected = Some(to);
    }
    request
}
