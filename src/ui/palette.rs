//! The command palette (Ctrl+K) and the list of shortcuts (F1), both read
//! from the command table, like the menus and tooltips.

use egui::{Key, Modifiers, RichText, Ui};

use super::commands::{Scope, UiCommand};

/// The open palette: what has been typed and which match is highlighted.
#[derive(Debug, Default, Clone)]
pub struct Palette {
    /// The search text.
    pub query: String,
    /// The highlighted row among the matches.
    pub selected: usize,
}

/// The commands whose label or description holds every word of `query`
/// (in any case), labels that start with the query first.
pub fn matches(query: &str) -> Vec<UiCommand> {
    let query = query.to_lowercase();
    let words: Vec<&str> = query.split_whitespace().collect();
    let mut found: Vec<UiCommand> = UiCommand::ALL
        .into_iter()
        .filter(|&c| c != UiCommand::Palette)
        .filter(|c| {
            let haystack = format!("{} {}", c.label(), c.tooltip()).to_lowercase();
            words.iter().all(|w| haystack.contains(w))
        })
        .collect();
    found.sort_by_key(|c| {
        let label = c.label().to_lowercase();
        (
            !label.starts_with(query.trim()),
            !label.contains(query.trim()),
            label,
        )
    });
    found
}

/// What the palette asks for this frame.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Stay open.
    Open,
    /// Close without running anything.
    Close,
    /// Close and run this.
    Run(UiCommand),
}

/// Draws the palette; arrows move the highlight, Enter runs it, Esc
/// closes. Commands for which `runs` is false now (those of presenting,
/// say) are listed, with where they work, but do not run.
pub fn palette_ui(
    ctx: &egui::Context,
    palette: &mut Palette,
    runs: impl Fn(UiCommand) -> bool,
) -> Outcome {
    let found = matches(&palette.query);
    let (down, up, enter, escape) = ctx.input_mut(|i| {
        (
            i.consume_key(Modifiers::NONE, Key::ArrowDown),
            i.consume_key(Modifiers::NONE, Key::ArrowUp),
            i.consume_key(Modifiers::NONE, Key::Enter),
            i.consume_key(Modifiers::NONE, Key::Escape),
        )
    });
    if escape {
        return Outcome::Close;
    }
    if down {
        palette.selected = (palette.selected + 1).min(found.len().saturating_sub(1));
    }
    if up {
        palette.selected = palette.selected.saturating_sub(1);
    }
    palette.selected = palette.selected.min(found.len().saturating_sub(1));
    if enter
        && let Some(&command) = found.get(palette.selected)
        && runs(command)
    {
        return Outcome::Run(command);
    }
    let mut outcome = Outcome::Open;
    let modal = egui::Modal::new(egui::Id::unique("argmap-palette")).show(ctx, |ui| {
        ui.set_width(460.0);
        let field = ui.add(
            egui::TextEdit::singleline(&mut palette.query)
                .hint_text("Type a command…")
                .desired_width(f32::INFINITY)
                .id(egui::Id::unique("argmap-palette-query")),
        );
        field.request_focus();
        if field.changed() {
            palette.selected = 0;
        }
        ui.add_space(6.0);
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .show(ui, |ui| {
                if found.is_empty() {
                    ui.weak("No command matches");
                }
                for (i, &command) in found.iter().enumerate() {
                    let row = command_row(ui, command, i == palette.selected, runs(command));
                    if row.clicked() {
                        outcome = Outcome::Run(command);
                    }
                }
            });
    });
    if modal.should_close() && outcome == Outcome::Open {
        return Outcome::Close;
    }
    outcome
}

fn command_row(ui: &mut Ui, command: UiCommand, highlighted: bool, runs: bool) -> egui::Response {
    let label = match (runs, command.scope()) {
        (true, _) | (false, Scope::Editor) => command.label().to_owned(),
        (false, Scope::Presenting) => format!("{} (while presenting)", command.label()),
        (false, Scope::StepsList) => format!("{} (select a presentation step)", command.label()),
    };
    let button = egui::Button::selectable(highlighted, label)
        .shortcut_text(command.shortcut_text(ui.ctx()))
        .min_size(egui::vec2(ui.available_width(), 0.0));
    let response = ui
        .add_enabled(runs, button)
        .on_hover_text(command.tooltip())
        .on_disabled_hover_text(command.tooltip());
    if highlighted {
        response.scroll_to_me(None);
    }
    response
}

/// Every command with all its keys and what it does; F1 or Esc closes it.
pub fn shortcuts_ui(ctx: &egui::Context, open: &mut bool) {
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
        *open = false;
        return;
    }
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .resizable(true)
        .default_width(560.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(520.0)
                .show(ui, |ui| {
                    egui::Grid::new("argmap-shortcuts")
                        .striped(true)
                        .num_columns(3)
                        .show(ui, |ui| {
                            for group in UiCommand::GROUPS {
                                ui.label(RichText::new(group).heading());
                                ui.end_row();
                                for command in
                                    UiCommand::ALL.into_iter().filter(|c| c.group() == group)
                                {
                                    shortcut_row(ui, command);
                                }
                            }
                        });
                });
        });
}

/// One row of the shortcut list: name, keys, what it does.
fn shortcut_row(ui: &mut Ui, command: UiCommand) {
    ui.label(RichText::new(command.label()).strong());
    ui.label(command.keys_text(ui.ctx()));
    ui.label(command.tooltip());
    ui.end_row();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_is_found_by_its_own_label_and_not_the_palette() {
        for command in UiCommand::ALL {
            let found = matches(command.label());
            if command == UiCommand::Palette {
                assert!(!found.contains(&command));
            } else {
                assert_eq!(found.first(), Some(&command), "{command:?}");
            }
        }
        assert_eq!(matches("").len(), UiCommand::ALL.len() - 1);
        assert!(matches("zzz nothing").is_empty());
        assert!(matches("OBJECTION").contains(&UiCommand::AddObjection));
    }
}
