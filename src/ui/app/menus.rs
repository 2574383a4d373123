//! The menu bar, the status bar and the banners above the map. Menu items
//! come from the command table; what they ask for is applied after the
//! frame.

use egui::{Color32, RichText, Ui};

use super::ArgmapApp;
use super::files::Pending;
use super::prefs::{MAX_AUTOSAVE_SECONDS, MIN_AUTOSAVE_SECONDS};
use crate::bundled;
use crate::export::ExportFormat;
use crate::ui::action::Action;
use crate::ui::action::{command_button, labelled_command_button};
use crate::ui::commands::{Scope, UiCommand};
use crate::ui::weighing;

impl ArgmapApp {
    pub(super) fn menu_bar_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| self.file_menu_ui(ui, actions));
            ui.menu_button("Edit", |ui| self.edit_menu_ui(ui, actions));
            ui.menu_button("View", |ui| self.view_menu_ui(ui, actions));
            ui.menu_button("Present", |ui| self.present_menu_ui(ui, actions));
            ui.menu_button("Help", |ui| {
                command_button(ui, UiCommand::Palette, actions);
                command_button(ui, UiCommand::Shortcuts, actions);
            });
            // The toolbar's one button: presenting is what a seminar does.
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let present = UiCommand::Present;
                if ui
                    .button(present.label())
                    .on_hover_text(format!(
                        "{} ({})",
                        present.tooltip(ui.ctx()),
                        present.shortcut_text(ui.ctx())
                    ))
                    .clicked()
                {
                    actions.push(Action::Command(present));
                }
            });
        });
    }

    fn file_menu_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        command_button(ui, UiCommand::New, actions);
        ui.menu_button("New from template", |ui| {
            for starter in bundled::STARTERS {
                if ui.button(starter.label).clicked() {
                    self.request(Pending::New(Some(starter)));
                    ui.close();
                }
            }
        });
        command_button(ui, UiCommand::NewRound, actions);
        command_button(ui, UiCommand::Open, actions);
        ui.menu_button("Open recent", |ui| {
            if self.prefs.recent.is_empty() {
                ui.weak("No recent maps");
            }
            for path in self.prefs.recent.clone() {
                if ui.button(path.display().to_string()).clicked() {
                    self.request(Pending::Open(Some(path)));
                    ui.close();
                }
            }
        });
        ui.separator();
        command_button(ui, UiCommand::Save, actions);
        command_button(ui, UiCommand::SaveAs, actions);
        self.safety_settings_ui(ui);
        ui.separator();
        command_button(ui, UiCommand::Import, actions);
        command_button(ui, UiCommand::OpenSource, actions);
        command_button(ui, UiCommand::Sources, actions);
        // The export settings are ticked and chosen several at a time:
        // clicks inside this menu keep it open (its items close it).
        egui::containers::menu::SubMenuButton::new("Export")
            .config(
                egui::containers::menu::MenuConfig::new()
                    .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside),
            )
            .ui(ui, |ui| self.export_menu_ui(ui));
        ui.separator();
        command_button(ui, UiCommand::Quit, actions);
    }

    fn edit_menu_ui(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let history = &self.doc.history;
        let undo = history
            .undo_label()
            .map(|l| format!("Undo {}", l.to_lowercase()));
        let redo = history
            .redo_label()
            .map(|l| format!("Redo {}", l.to_lowercase()));
        labelled_command_button(ui, UiCommand::Undo, undo, true, actions);
        labelled_command_button(ui, UiCommand::Redo, redo, true, actions);
        ui.separator();
        for command in [
            UiCommand::AddPremise,
            UiCommand::AddObjection,
            UiCommand::AddSibling,
            UiCommand::EditText,
            UiCommand::EditTitle,
            UiCommand::SetThesis,
            UiCommand::TogglePin,
            UiCommand::Delete,
        ] {
            command_button(ui, command, actions);
        }
        ui.separator();
        for command in [
            UiCommand::Accept,
            UiCommand::Reject,
            UiCommand::ClearAssessment,
        ] {
            command_button(ui, command, actions);
        }
        let map = &self.doc.map;
        let selection = &self.view.selection;
        let weighed = match selection.link {
            Some(link) => map.links.get(&link).map(|l| l.weight),
            None => (selection.claims.first())
                .and_then(|&c| map.links_from(c).next())
                .map(|(_, l)| l.weight),
        };
        weighing::weigh_menu(ui, weighed, actions);
        let claims: Vec<_> = selection.claims.iter().copied().collect();
        weighing::standard_menu(ui, map, &claims, actions);
        ui.separator();
        for command in [
            UiCommand::Cut,
            UiCommand::Copy,
            UiCommand::Paste,
            UiCommand::Duplicate,
        ] {
            command_button(ui, command, actions);
        }
        ui.separator();
        command_button(ui, UiCommand::SelectAll, actions);
        command_button(ui, UiCommand::Deselect, actions);
        command_button(ui, UiCommand::Find, actions);
        ui.menu_button("Go", |ui| {
            for command in [
                UiCommand::GoUp,
                UiCommand::GoDown,
                UiCommand::GoLeft,
                UiCommand::GoRight,
                UiCommand::MoveEarlier,
                UiCommand::MoveLater,
            ] {
                command_button(ui, command, actions);
            }
        });
    }

    fn view_menu_ui(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        command_button(ui, UiCommand::Arrange, actions);
        command_button(ui, UiCommand::ArrangeDown, actions);
        command_button(ui, UiCommand::ArrangeRight, actions);
        command_button(ui, UiCommand::ArrangeCompact, actions);
        command_button(ui, UiCommand::ArrangeWide, actions);
        command_button(ui, UiCommand::ArrangeSelection, actions);
        ui.separator();
        command_button(ui, UiCommand::FitView, actions);
        command_button(ui, UiCommand::ZoomIn, actions);
        command_button(ui, UiCommand::ZoomOut, actions);
        ui.separator();
        command_button(ui, UiCommand::ToggleFold, actions);
        command_button(ui, UiCommand::UnfoldAll, actions);
        command_button(ui, UiCommand::Focus, actions);
        ui.separator();
        toggle(
            ui,
            UiCommand::ShowEvaluation,
            self.prefs.show_evaluation,
            actions,
        );
        command_button(ui, UiCommand::ChecksPanel, actions);
        ui.separator();
        toggle(
            ui,
            UiCommand::ToggleInspector,
            !self.prefs.hide_inspector,
            actions,
        );
        toggle(
            ui,
            UiCommand::ToggleOutline,
            self.prefs.show_outline,
            actions,
        );
        toggle(ui, UiCommand::ToggleSource, self.prefs.show_source, actions);
        if self.doc.map.round.is_some() {
            toggle(
                ui,
                UiCommand::ToggleFlow,
                self.round.flowing.is_some(),
                actions,
            );
        }
        toggle(
            ui,
            UiCommand::ToggleMinimap,
            self.prefs.look.minimap,
            actions,
        );
        toggle(
            ui,
            UiCommand::ToggleContrast,
            self.prefs.look.high_contrast,
            actions,
        );
        command_button(ui, UiCommand::TextLarger, actions);
        command_button(ui, UiCommand::TextSmaller, actions);
        command_button(ui, UiCommand::TextReset, actions);
        ui.separator();
        ui.label("Theme");
        let mut theme = ui.ctx().options(|o| o.theme_preference);
        let before = theme;
        ui.radio_value(
            &mut theme,
            egui::ThemePreference::System,
            "Follow the system",
        );
        ui.radio_value(&mut theme, egui::ThemePreference::Light, "Light");
        ui.radio_value(&mut theme, egui::ThemePreference::Dark, "Dark");
        if theme != before {
            ui.ctx().set_theme(theme);
        }
    }

    fn present_menu_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        command_button(ui, UiCommand::Present, actions);
        command_button(ui, UiCommand::StepsPanel, actions);
        ui.checkbox(
            &mut self.prefs.present_fade,
            "Fade claims not yet presented (instead of hiding them)",
        );
        ui.separator();
        ui.weak("While presenting:");
        egui::Grid::new("argmap-present-keys")
            .num_columns(2)
            .show(ui, |ui| {
                for command in UiCommand::ALL
                    .iter()
                    .filter(|c| c.scope() == Scope::Presenting)
                {
                    ui.weak(command.keys_text(ui.ctx()));
                    ui.weak(command.label());
                    ui.end_row();
                }
            });
    }

    fn export_menu_ui(&mut self, ui: &mut Ui) {
        for format in ExportFormat::ALL {
            let button = ui
                .button(format!("{}…", format.label()))
                .on_hover_text(format!("Save a copy as .{}", format.extension()));
            if button.clicked() {
                ui.close();
                self.export(format);
            }
        }
        ui.separator();
        let selected = self.view.selection.claims.len();
        // With nothing selected the whole map is exported: the box shows
        // it unticked, and remembers the choice for the next selection.
        let mut only_selected = selected > 0 && self.files.export_selection;
        let response = ui.add_enabled(
            selected > 0,
            egui::Checkbox::new(
                &mut only_selected,
                format!("Only the selected claims ({selected})"),
            ),
        );
        if response.changed() {
            self.files.export_selection = only_selected;
        }
        let mut scale = self.prefs.png_scale();
        ui.horizontal(|ui| {
            ui.label("PNG scale");
            for s in [1.0_f32, 2.0, 3.0, 4.0] {
                ui.selectable_value(&mut scale, s, format!("{s}×"));
            }
        });
        self.prefs.png_scale = Some(scale);
        ui.checkbox(&mut self.prefs.transparent, "Transparent background");
        ui.checkbox(&mut self.prefs.outline_text, "SVG: letters as outlines")
            .on_hover_text(
                "Draw the text of an SVG as shapes: it looks the same in every viewer, \
                 with no font installed, but can no longer be selected or searched",
            );
        ui.checkbox(&mut self.prefs.overview_export, "Overview: titles only")
            .on_hover_text(
                "SVG, PNG and PDF: each card shows only its title, set large, so a whole \
                 large case reads on one page (a PDF stays on one page)",
            );
        ui.checkbox(&mut self.prefs.slide_quotes, "Slides: quotes at the foot")
            .on_hover_text(
                "PDF slides: the words each step quotes from its source, with their \
                 citation, at the foot of its slide",
            );
    }

    /// The File menu's switches for backups and the recovery copy.
    fn safety_settings_ui(&mut self, ui: &mut Ui) {
        let mut backups = !self.prefs.no_backups;
        if ui
            .checkbox(&mut backups, "Keep a backup when saving")
            .on_hover_text("Saving over a map keeps its previous version beside it as NAME.ron.bak")
            .changed()
        {
            self.prefs.no_backups = !backups;
        }
        ui.horizontal(|ui| {
            ui.label("Recovery copy every");
            let mut seconds = self.prefs.recovery_seconds();
            if ui
                .add(
                    egui::DragValue::new(&mut seconds)
                        .range(MIN_AUTOSAVE_SECONDS..=MAX_AUTOSAVE_SECONDS)
                        .suffix(" s"),
                )
                .on_hover_text(
                    "While there are unsaved changes, a copy is kept in Argmap's data \
                     folder (never over your file), also whenever the window loses focus",
                )
                .changed()
            {
                self.prefs.recovery_seconds = Some(seconds);
            }
        });
    }

    pub(super) fn status_bar_ui(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        ui.horizontal(|ui| {
            ui.label(&self.messages.status);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if let Some(summary) = self.evaluation_summary() {
                    if ui
                        .link(summary)
                        .on_hover_text(UiCommand::ChecksPanel.tooltip(ui.ctx()))
                        .clicked()
                    {
                        actions.push(Action::Command(UiCommand::ChecksPanel));
                    }
                    ui.separator();
                }
                ui.label(format!("Zoom {}", self.view.camera.zoom_percent()));
                ui.separator();
                let map = &self.doc.map;
                ui.label(format!(
                    "{} · {}",
                    crate::words::count(map.claims.len(), "claim"),
                    crate::words::count(map.links.len(), "link")
                ));
                if !self.view.selection.claims.is_empty() {
                    ui.separator();
                    ui.label(format!("{} selected", self.view.selection.claims.len()));
                }
            });
        });
    }

    /// The errors and notes above the map, each with its Dismiss button.
    pub(super) fn banners_ui(&mut self, ui: &mut Ui) {
        let error = crate::draw::style::ERROR_BANNER;
        let note = crate::draw::style::NOTE_BANNER;
        banners_ui(ui, &mut self.messages.errors, error);
        banners_ui(ui, &mut self.messages.notes, note);
    }
}

/// One dismissable banner per message, in `colors`; Dismiss removes its
/// message.
fn banners_ui(ui: &mut Ui, messages: &mut Vec<String>, colors: crate::draw::style::BannerColors) {
    let mut dismissed = None;
    for (i, message) in messages.iter().enumerate() {
        banner_frame(colors.fill, colors.stroke).show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(message).color(colors.ink));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::TOP), |ui| {
                    if ui.button("Dismiss").clicked() {
                        dismissed = Some(i);
                    }
                });
            });
        });
    }
    if let Some(i) = dismissed {
        messages.remove(i);
    }
}

/// The frame of a banner above the map (errors, notes, repair).
pub(super) fn banner_frame(fill: Color32, border: Color32) -> egui::Frame {
    egui::Frame::new()
        .fill(fill)
        .stroke(egui::Stroke::new(1.0, border))
        .inner_margin(8.0)
        .corner_radius(4.0)
}

/// A menu checkbox for a command that switches something on or off, with
/// its keys beside the label.
fn toggle(ui: &mut Ui, command: UiCommand, on: bool, actions: &mut Vec<Action>) {
    let keys = command.shortcut_text(ui.ctx());
    let label = if keys.is_empty() {
        command.label().to_owned()
    } else {
        format!("{}  ({keys})", command.label())
    };
    let mut checked = on;
    if ui
        .checkbox(&mut checked, label)
        .on_hover_text(command.tooltip(ui.ctx()))
        .changed()
    {
        actions.push(Action::Command(command));
    }
}
