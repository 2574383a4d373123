//! File → New round…: a round's format, motion, teams and speakers, asked
//! in one window; the new map has the motion as its thesis and opens in
//! the flow view, ready to flow the first speech.

use egui::RichText;

use super::ArgmapApp;
use super::files::Pending;
use crate::model::{Claim, Format, Map, Pos, Round};

/// What the New round window holds while open.
#[derive(Clone, Debug, Default)]
pub(super) struct NewRound {
    /// The format chosen, by its place in [`Format::BUILT_IN`].
    format: usize,
    /// The motion debated.
    motion: String,
    /// Each side's team.
    teams: Vec<String>,
    /// Each speech's speaker.
    speakers: Vec<String>,
}

impl NewRound {
    fn format(&self) -> Format {
        Format::BUILT_IN
            .get(self.format)
            .cloned()
            .unwrap_or_default()
    }

    /// The new round's map.
    fn map(&self) -> Map {
        let format = self.format();
        let motion = self.motion.trim();
        let mut map = Map::new(if motion.is_empty() {
            format!("{} round", format.label())
        } else {
            motion.to_owned()
        });
        let speeches = format.speeches();
        let sides = format.sides();
        let mut round = Round::of(format);
        round.motion = (!motion.is_empty()).then(|| motion.to_owned());
        round.teams = sides
            .iter()
            .zip(&self.teams)
            .filter(|(_, team)| !team.trim().is_empty())
            .map(|(side, team)| (side.clone(), team.trim().to_owned()))
            .collect();
        round.speakers = speeches
            .iter()
            .zip(&self.speakers)
            .filter(|(_, name)| !name.trim().is_empty())
            .map(|(speech, name)| (speech.name.clone(), name.trim().to_owned()))
            .collect();
        map.round = Some(round);
        let text = if motion.is_empty() {
            "The motion (write it here)"
        } else {
            motion
        };
        let thesis = map.add_claim(Claim::new(text, Pos::default()));
        map.thesis = Some(thesis);
        map
    }
}

impl ArgmapApp {
    /// Opens the New round window.
    pub(super) fn open_new_round(&mut self) {
        self.overlays.new_round = Some(NewRound::default());
    }

    /// The New round window, while open.
    pub(super) fn new_round_ui(&mut self, ctx: &egui::Context) {
        let Some(mut dialog) = self.overlays.new_round.take() else {
            return;
        };
        let mut open = true;
        let mut create = false;
        egui::Window::new("New round")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                egui::Grid::new("new-round").num_columns(2).show(ui, |ui| {
                    let label = ui.label("Format");
                    egui::ComboBox::from_id_salt("round-format")
                        .selected_text(dialog.format().label())
                        .show_ui(ui, |ui| {
                            for (i, format) in Format::BUILT_IN.iter().enumerate() {
                                ui.selectable_value(&mut dialog.format, i, format.label());
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                    ui.label("Motion");
                    ui.add(
                        egui::TextEdit::singleline(&mut dialog.motion)
                            .hint_text("This house would…")
                            .desired_width(320.0),
                    );
                    ui.end_row();
                    let format = dialog.format();
                    let sides = format.sides();
                    dialog.teams.resize(sides.len(), String::new());
                    for (side, team) in sides.iter().zip(&mut dialog.teams) {
                        ui.label(side);
                        ui.add(egui::TextEdit::singleline(team).hint_text("team"));
                        ui.end_row();
                    }
                    let speeches = format.speeches();
                    dialog.speakers.resize(speeches.len(), String::new());
                    for (speech, speaker) in speeches.iter().zip(&mut dialog.speakers) {
                        ui.label(format!(
                            "{} ({}, {} min)",
                            speech.name, speech.side, speech.minutes
                        ));
                        ui.add(egui::TextEdit::singleline(speaker).hint_text("speaker"));
                        ui.end_row();
                    }
                });
                ui.separator();
                ui.label(
                    RichText::new(
                        "The motion becomes the thesis; the flow opens on the first speech.",
                    )
                    .weak(),
                );
                if ui.button("Create round").clicked() {
                    create = true;
                }
            });
        if create {
            let map = dialog.map();
            self.request(Pending::NewRound(Box::new(map)));
            return;
        }
        if open {
            self.overlays.new_round = Some(dialog);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_round_names_its_teams_and_speakers_and_debates_its_motion() {
        let dialog = NewRound {
            format: 3,
            motion: " This house would ban homework ".into(),
            teams: vec!["Lincoln".into(), String::new()],
            speakers: vec!["Ana".into(), " Ben ".into()],
        };
        let map = dialog.map();
        let round = map.round.as_ref().expect("a round");
        assert_eq!(round.format, Format::WorldSchools);
        assert_eq!(
            round.motion.as_deref(),
            Some("This house would ban homework")
        );
        assert_eq!(round.teams.len(), 1);
        assert_eq!(round.teams["Proposition"], "Lincoln");
        assert_eq!(round.speakers["O1"], "Ben");
        let thesis = map.thesis.expect("the motion");
        assert_eq!(map.claims[&thesis].text, "This house would ban homework");
        assert_eq!(map.title, "This house would ban homework");
    }
}
