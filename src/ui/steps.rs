//! The panel of presentation steps: the order in which presenting reveals
//! the map, changed by dragging a step, or with the buttons (which the
//! keyboard reaches with Tab, Space and Enter): earlier, later, join with
//! the next, split, skip; and skipped claims taken back.

use egui::{RichText, Ui};

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
        .map(|c| shorten(&c.text, 70))
        .collect::<Vec<_>>()
        .join(" + ")
}

fn shorten(text: &str, chars: usize) -> String {
    let line = text.lines().next().unwrap_or_default();
    if line.chars().count() > chars || line.len() < text.len() {
        let cut: String = line.chars().take(chars).collect();
        format!("{}…", cut.trim_end())
    } else {
        line.to_owned()
    }
}

/// The panel's contents: `steps` are the map's presentation steps (see
/// [`crate::model::present::steps`]); `selected` is the step the buttons act on.
pub fn steps_ui(
    ui: &mut Ui,
    map: &Map,
    steps: &[Step],
    selected: &mut Option<usize>,
) -> Option<Request> {
    let mut request = None;
    ui.heading("Presentation steps");
    ui.label(
        RichText::new(
            "Drag a step to move it. Or click one: Alt+↑/↓ moves it, ↑/↓ selects, \
             Delete skips; or use the buttons.",
        )
        .weak(),
    );
    if selected.is_some_and(|i| i >= steps.len()) {
        *selected = steps.len().checked_sub(1);
    }
    if let Some(keyed) = keys(ui, steps.len(), selected) {
        return Some(keyed);
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

/// The keyboard, while a step is selected and the canvas does not have
/// the keys: ↑/↓ select, Alt+↑/↓ move the step, Delete skips it.
fn keys(ui: &Ui, count: usize, selected: &mut Option<usize>) -> Option<Request> {
    use egui::{Key, Modifiers};
    let i = (*selected)?;
    // Only while the selected row has the keyboard focus (it takes it
    // when clicked), so the canvas and text fields keep their keys.
    if !ui.data(|d| d.get_temp::<bool>(focus_key()).unwrap_or(false)) {
        return None;
    }
    let pressed = |modifiers, key| ui.input_mut(|input| input.consume_key(modifiers, key));
    if pressed(Modifiers::ALT, Key::ArrowUp) && i > 0 {
        *selected = Some(i - 1);
        return Some(Request::Change(Change::Move { from: i, to: i - 1 }));
    }
    if pressed(Modifiers::ALT, Key::ArrowDown) && i + 1 < count {
        *selected = Some(i + 1);
        return Some(Request::Change(Change::Move { from: i, to: i + 1 }));
    }
    if pressed(Modifiers::NONE, Key::ArrowUp) {
        *selected = Some(i.saturating_sub(1));
    }
    if pressed(Modifiers::NONE, Key::ArrowDown) {
        *selected = Some((i + 1).min(count.saturating_sub(1)));
    }
    if pressed(Modifiers::NONE, Key::Delete) {
        return Some(Request::Change(Change::Skip(i)));
    }
    None
}

/// Where the panel remembers whether the selected row has the focus.
fn focus_key() -> egui::Id {
    egui::Id::unique("presentation-steps-focus")
}

/// The buttons that act on the selected step.
fn buttons_ui(ui: &mut Ui, steps: &[Step], selected: &mut Option<usize>) -> Option<Request> {
    let mut request = None;
    ui.horizontal_wrapped(|ui| {
        let chosen = *selected;
        let enabled = |ok: bool| ok && chosen.is_some();
        let i = chosen.unwrap_or(0);
        let mut button = |ui: &mut Ui, label: &str, tip: &str, ok: bool, change: Change| {
            if ui
                .add_enabled(enabled(ok), egui::Button::new(label))
                .on_hover_text(tip)
                .clicked()
            {
                request = Some(Request::Change(change));
                true
            } else {
                false
            }
        };
        if button(
            ui,
            "Earlier",
            "Move the step one place up",
            i > 0,
            Change::Move {
                from: i,
                to: i.saturating_sub(1),
            },
        ) {
            *selected = Some(i.saturating_sub(1));
        }
        if button(
            ui,
            "Later",
            "Move the step one place down",
            i + 1 < steps.len(),
            Change::Move { from: i, to: i + 1 },
        ) {
            *selected = Some(i + 1);
        }
        button(
            ui,
            "Join with next",
            "Reveal this step and the next together",
            i + 1 < steps.len(),
            Change::JoinNext(i),
        );
        button(
            ui,
            "Split",
            "One step for each claim of this step",
            steps.get(i).is_some_and(|s| s.len() > 1),
            Change::Split(i),
        );
        button(
            ui,
            "Skip",
            "Leave this step's claims out of the presentation",
            i < steps.len(),
            Change::Skip(i),
        );
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
