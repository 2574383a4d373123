//! The command palette (Ctrl+K) and the list of shortcuts (F1), both read
//! from the command table, like the menus and tooltips.

use egui::{Key, Modifiers, RichText, Ui};

use super::commands::{GESTURES, Group, Scope, UiCommand};

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
        .iter()
        .copied()
        .filter(|&c| c != UiCommand::Palette)
        .filter(|c| {
            let haystack =
                format!("{} {} {}", c.label(), c.spec().tooltip, c.also_known_as()).to_lowercase();
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
        (false, Scope::Flowing) => format!("{} (in the flow of a round, F8)", command.label()),
    };
    let button = egui::Button::selectable(highlighted, label)
        .shortcut_text(command.shortcut_text(ui.ctx()))
        .min_size(egui::vec2(ui.available_width(), 0.0));
    let response = ui
        .add_enabled(runs, button)
        .on_hover_text(command.tooltip(ui.ctx()))
        .on_disabled_hover_text(command.tooltip(ui.ctx()));
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
    // A fixed size, so the first frame is the size of every other (a
    // window sized by its contents grows as its rows are measured).
    let screen = ctx.content_rect().size();
    let size = egui::vec2(
        SHORTCUTS_WIDTH.min(screen.x - 40.0),
        SHORTCUTS_HEIGHT.min(screen.y - 80.0),
    );
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .fixed_size(size)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for group in Group::ALL {
                        group_heading(ui, group.name());
                        for &command in UiCommand::ALL.iter().filter(|c| c.group() == group) {
                            let keys = command.keys_text(ui.ctx());
                            row(ui, command.label(), &keys, &command.tooltip(ui.ctx()));
                        }
                        if group == Group::MoveAround {
                            group_heading(ui, "Mouse");
                            for (gesture, what) in GESTURES {
                                row(ui, gesture, "", what);
                            }
                        }
                    }
                });
        });
}

/// The list of shortcuts' size, where the screen allows.
const SHORTCUTS_WIDTH: f32 = 780.0;
const SHORTCUTS_HEIGHT: f32 = 560.0;

fn group_heading(ui: &mut Ui, group: &str) {
    ui.add_space(8.0);
    ui.label(RichText::new(group).heading());
    ui.separator();
}

/// One row of the list: a name, its keys and what it does, in columns that
/// wrap rather than widen the window.
fn row(ui: &mut Ui, name: &str, keys: &str, what: &str) {
    ui.horizontal_top(|ui| {
        let column = |ui: &mut Ui, width: f32, text: RichText| {
            ui.allocate_ui_with_layout(
                egui::vec2(width, 0.0),
                egui::Layout::top_down(egui::Align::Min),
                |ui| {
                    ui.set_width(width);
                    ui.add(egui::Label::new(text).wrap());
                },
            );
        };
        column(ui, 210.0, RichText::new(name).strong());
        column(ui, 150.0, RichText::new(keys));
        ui.add(egui::Label::new(what).wrap());
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_is_found_by_its_own_label_and_not_the_palette() {
        for &command in UiCommand::ALL {
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
        // Words from the descriptions and other names find commands too.
        assert!(matches("co-premise").contains(&UiCommand::AddCoPremise));
        assert!(matches("undercut").contains(&UiCommand::ObjectToInference));
        assert!(matches("under").contains(&UiCommand::GoDown));
        for command in [
            UiCommand::AddCoPremise,
            UiCommand::ObjectToInference,
            UiCommand::SelectLink,
        ] {
            assert!(matches("link").contains(&command), "{command:?}");
        }
        assert!(matches("slides").contains(&UiCommand::Present));
    }
}
