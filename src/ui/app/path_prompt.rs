//! Typing a file's path, when the system's file dialog cannot be shown (no
//! desktop portal and no zenity, as on a bare window manager or over SSH):
//! the same open, import, save or export goes on with the path typed.

use std::path::PathBuf;

use super::ArgmapApp;
use crate::export::ExportFormat;
use crate::ui::Picked;
use crate::ui::dialogs::with_extension;

/// What a file is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum PathPurpose {
    Open,
    Import,
    Save,
    Export(ExportFormat),
    Source,
    Bibliography,
}

impl PathPurpose {
    fn question(self) -> String {
        match self {
            Self::Open => "The map to open:".to_owned(),
            Self::Import => "The Argdown or AIF file to import:".to_owned(),
            Self::Save => "Save the map as:".to_owned(),
            Self::Export(format) => format!("Export as {} to:", format.label()),
            Self::Source => "The text the map cites (.txt, .md or .pdf):".to_owned(),
            Self::Bibliography => {
                "The BibTeX or CSL-JSON file to import references from:".to_owned()
            }
        }
    }

    fn button(self) -> &'static str {
        match self {
            Self::Open | Self::Source => "Open",
            Self::Import | Self::Bibliography => "Import",
            Self::Save => "Save",
            Self::Export(_) => "Export",
        }
    }
}

/// The window asking for a path, while open.
#[derive(Clone, Debug)]
pub(super) struct PathPrompt {
    purpose: PathPurpose,
    text: String,
    /// Give the field the focus on the next frame.
    focus: bool,
}

/// What the user typed as a path: `~` is their home folder, and a relative
/// path is taken from the folder Argmap was started in.
fn typed_path(text: &str) -> Option<PathBuf> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(rest) = text.strip_prefix("~/")
        && let Some(home) = std::env::var_os("HOME")
    {
        return Some(PathBuf::from(home).join(rest));
    }
    Some(PathBuf::from(text))
}

impl ArgmapApp {
    /// The path a dialog gave, or `None`: when no dialog could be shown,
    /// the window asking for a typed path opens (suggesting `suggestion`),
    /// and the status bar says why.
    pub(super) fn picked(
        &mut self,
        picked: Picked,
        purpose: PathPurpose,
        suggestion: &str,
    ) -> Option<PathBuf> {
        match picked {
            Picked::Path(path) => Some(path),
            Picked::Cancelled => None,
            Picked::Unavailable => {
                self.messages.status(
                    "The system's file dialog could not open (no desktop portal and no zenity \
                     here): type the file's path instead",
                );
                self.overlays.path_prompt = Some(PathPrompt {
                    purpose,
                    text: suggestion.to_owned(),
                    focus: true,
                });
                None
            }
        }
    }

    /// Whether the path window is open (it takes the keys).
    pub(super) fn asking_for_path(&self) -> bool {
        self.overlays.path_prompt.is_some()
    }

    /// The path window: a field, the action and Cancel; Enter does the
    /// action, Esc cancels.
    pub(super) fn path_prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(mut prompt) = self.overlays.path_prompt.take() else {
            return;
        };
        let mut chosen = None;
        let mut open = true;
        egui::Window::new("Type a path")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                ui.label(prompt.purpose.question());
                let mut shown = egui::TextEdit::singleline(&mut prompt.text)
                    .desired_width(420.0)
                    .hint_text("/home/you/maps/homework.ron")
                    .show(ui);
                let field = shown.response;
                if std::mem::take(&mut prompt.focus) {
                    field.request_focus();
                    // The cursor after the suggested name, ready to type on.
                    let end = egui::text::CCursor::new(prompt.text.chars().count());
                    shown
                        .state
                        .cursor
                        .set_char_range(Some(egui::text::CCursorRange::one(end)));
                    shown.state.store(ui.ctx(), field.id);
                }
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.label(
                    egui::RichText::new(
                        "~ is your home folder; other paths start where Argmap did.",
                    )
                    .weak(),
                );
                ui.horizontal(|ui| {
                    let path = typed_path(&prompt.text);
                    let go =
                        ui.add_enabled(path.is_some(), egui::Button::new(prompt.purpose.button()));
                    if go.clicked() || (entered && path.is_some()) {
                        chosen = path;
                    }
                    if ui.button("Cancel").clicked()
                        || ui.input(|i| i.key_pressed(egui::Key::Escape))
                    {
                        open = false;
                    }
                });
            });
        if let Some(path) = chosen {
            self.use_typed_path(prompt.purpose, path);
        } else if open {
            self.overlays.path_prompt = Some(prompt);
        }
    }

    fn use_typed_path(&mut self, purpose: PathPurpose, path: PathBuf) {
        match purpose {
            PathPurpose::Open => self.open_path(&path),
            PathPurpose::Import => self.import_path(&path),
            PathPurpose::Save => {
                self.save_to(&with_extension(path, "ron"));
            }
            PathPurpose::Export(format) => {
                self.export_to(format, &with_extension(path, format.extension()));
            }
            PathPurpose::Source => self.use_source_file(&path),
            PathPurpose::Bibliography => {
                self.import_references(&path);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_paths_take_the_home_folder_and_ignore_spaces_around() {
        assert_eq!(typed_path("   "), None);
        assert_eq!(
            typed_path(" maps/a.ron "),
            Some(PathBuf::from("maps/a.ron"))
        );
        if let Some(home) = std::env::var_os("HOME") {
            assert_eq!(
                typed_path("~/a.ron"),
                Some(PathBuf::from(home).join("a.ron"))
            );
        }
    }
}
