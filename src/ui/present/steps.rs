//! The panel of presentation steps: the order in which presenting reveals
//! the map, changed by dragging a step, or with the commands of the steps
//! list (buttons, and keys while a step row has the focus): earlier,
//! later, join with the next, split, skip; and skipped claims taken back.

use egui::{RichText, Ui};

use crate::model::present::{Change, Step};
use crate::model::{ClaimId, Map, StepsBy};
use crate::ui::commands::UiCommand;

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

/// A step's claims by their titles (first words where a claim has none),
/// as the cards show them, each on one line.
fn step_text(map: &Map, step: &[ClaimId]) -> String {
    step.iter()
        .filter_map(|c| map.claims.get(c))
        .map(|c| crate::words::one_line(&c.shown_title(), 70))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The panel's contents: `steps` are the map's presentation steps (see
/// [`crate::model::present::steps`]); `selected` is the step the commands
/// act on (their keys reach it through the app, see [`step_request`]);
/// `keyed` when they did this frame, so the keyboard follows the selection.
pub fn steps_ui(
    ui: &mut Ui,
    map: &Map,
    steps: &[Step],
    selected: &mut Option<usize>,
    keyed: bool,
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
    ui.horizontal(|ui| {
        ui.label("Order:");
        let now = map.presentation.order;
        egui::ComboBox::from_id_salt("argmap-step-order")
            .selected_text(now.label())
            .show_ui(ui, |ui| {
                for order in StepsBy::ALL {
                    if ui.selectable_label(order == now, order.label()).clicked() && order != now {
                        request = Some(Request::Change(Change::Order(order)));
                    }
                }
            })
            .response
            .on_hover_text(
                "Depth first: each reason followed at once by what answers it. Main reasons \
                 first: the thesis's reasons and objections, then what answers them. As the \
                 source goes: by the paragraph each step cites. Kept in the map; steps moved \
                 by hand go back to the order chosen.",
            );
    });
    if selected.is_some_and(|i| i >= steps.len()) {
        *selected = steps.len().checked_sub(1);
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
    request = request.or(list_ui(ui, map, steps, selected, keyed));
    request
}

/// Whether a row of the steps list has the keyboard, so the commands of
/// the steps list get their keys (arrows, Delete) before the canvas.
pub fn has_keyboard(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<bool>(focus_key()).unwrap_or(false))
}

/// The panel of presentation steps.
#[derive(Debug, Default)]
pub struct StepsPanel {
    /// Whether it is open.
    pub open: bool,
    /// The step selected in it.
    pub selected: Option<usize>,
    /// The presentation steps of the map, and the revision they are of.
    pub cache: Option<(u64, Vec<Step>)>,
}

impl StepsPanel {
    /// Forgets the steps of the map that was open.
    pub fn forget(&mut self) {
        self.cache = None;
    }

    /// Whether a command of the steps list can run: the panel is open and
    /// a step is selected.
    pub fn takes_commands(&self) -> bool {
        self.open && self.selected.is_some()
    }
}

/// What the steps list can do to its selected step (the commands of its
/// scope in the table).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepAction {
    /// Select the step above.
    SelectPrevious,
    /// Select the step below.
    SelectNext,
    /// Move the step one place earlier.
    Earlier,
    /// Move the step to the start.
    First,
    /// Move the step one place later.
    Later,
    /// Reveal the step and the next together.
    JoinNext,
    /// One step for each claim of the step.
    Split,
    /// Leave the step out of the presentation.
    Skip,
}

impl StepAction {
    /// The command of the table that asks for it: its label and keys.
    pub fn command(self) -> UiCommand {
        match self {
            Self::SelectPrevious => UiCommand::StepSelectPrevious,
            Self::SelectNext => UiCommand::StepSelectNext,
            Self::Earlier => UiCommand::StepEarlier,
            Self::First => UiCommand::StepFirst,
            Self::Later => UiCommand::StepLater,
            Self::JoinNext => UiCommand::StepJoinNext,
            Self::Split => UiCommand::StepSplit,
            Self::Skip => UiCommand::StepSkip,
        }
    }
}

/// Whether `action` can act on the step `selected` now.
fn applies(action: StepAction, steps: &[Step], selected: Option<usize>) -> bool {
    let Some(i) = selected else {
        return false;
    };
    let count = steps.len();
    match action {
        StepAction::Earlier | StepAction::First => i > 0,
        StepAction::Later | StepAction::JoinNext => i + 1 < count,
        StepAction::SelectPrevious | StepAction::SelectNext | StepAction::Skip => i < count,
        StepAction::Split => steps.get(i).is_some_and(|s| s.len() > 1),
    }
}

/// Does what `action` asks of the selected step: moves the selection, or
/// asks for a change of the order.
pub fn step_request(
    action: StepAction,
    steps: &[Step],
    selected: &mut Option<usize>,
) -> Option<Request> {
    if !applies(action, steps, *selected) {
        return None;
    }
    let i = (*selected)?;
    let change = match action {
        StepAction::Earlier => {
            *selected = Some(i - 1);
            Change::Move { from: i, to: i - 1 }
        }
        StepAction::First => {
            *selected = Some(0);
            Change::Move { from: i, to: 0 }
        }
        StepAction::Later => {
            *selected = Some(i + 1);
            Change::Move { from: i, to: i + 1 }
        }
        StepAction::SelectPrevious => {
            *selected = Some(i.saturating_sub(1));
            return None;
        }
        StepAction::SelectNext => {
            *selected = Some((i + 1).min(steps.len().saturating_sub(1)));
            return None;
        }
        StepAction::JoinNext => Change::JoinNext(i),
        StepAction::Split => Change::Split(i),
        StepAction::Skip => Change::Skip(i),
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
        for action in [
            StepAction::First,
            StepAction::Earlier,
            StepAction::Later,
            StepAction::JoinNext,
            StepAction::Split,
            StepAction::Skip,
        ] {
            let command = action.command();
            let shortcut = command.shortcut_text(ui.ctx());
            let tip = if shortcut.is_empty() {
                command.tooltip(ui.ctx())
            } else {
                format!("{} ({shortcut})", command.tooltip(ui.ctx()))
            };
            let enabled = applies(action, steps, *selected);
            if ui
                .add_enabled(enabled, egui::Button::new(command.label()))
                .on_hover_text(tip)
                .clicked()
            {
                request = step_request(action, steps, selected);
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
    keyed: bool,
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
            let had_keyboard = has_keyboard(ui.ctx());
            let focused = ui.memory(egui::Memory::focused);
            let mut rows = Vec::new();
            let mut selected_row = None;
            for (i, step) in steps.iter().enumerate().skip(range.start).take(range.len()) {
                let label = format!("{}. {}", i + 1, step_text(map, step));
                let row = ui
                    .selectable_label(*selected == Some(i), label)
                    .interact(egui::Sense::click_and_drag());
                rows.push(row.id);
                if row.clicked() {
                    *selected = Some(i);
                    row.request_focus();
                }
                if *selected == Some(i) {
                    selected_row = Some(row.clone());
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
            // The list keeps the keyboard while the focus is on one of its
            // rows (egui's arrow keys move it from row to row too): the
            // focus then follows the selected step.
            let in_list = focused.is_some_and(|id| rows.contains(&id));
            let keeps = in_list || (had_keyboard && focused.is_none()) || keyed;
            if let Some(row) = selected_row.filter(|row| keeps && !row.has_focus()) {
                row.request_focus();
                row.scroll_to_me(None);
            }
            ui.data_mut(|d| d.insert_temp(focus_key(), keeps));
        });
    if let Some((from, to)) = dropped
        && from != to
    {
        request = Some(Request::Change(Change::Move { from, to }));
        *selected = Some(to);
    }
    request
}
