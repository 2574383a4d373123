//! The inspector's part for a round: the speech a claim was made in, the
//! round's settings on the map, and on the motion the draft reason for
//! decision, to read and copy.

use egui::{ComboBox, RichText, Ui};

use super::action::Action;
use crate::eval::Evaluation;
use crate::model::{Claim, Map};

/// The speech `claim` was made in, chosen from the round's; whether it
/// changed. Nothing for a map that is no round.
pub fn speech_ui(ui: &mut Ui, map: &Map, claim: &mut Claim) -> bool {
    let Some(round) = &map.round else {
        return false;
    };
    let mut changed = false;
    ui.horizontal(|ui| {
        let label = ui.label("Speech");
        let shown = claim.speech.as_deref().map_or_else(
            || "none (not said in a speech)".to_owned(),
            |name| {
                round
                    .speeches()
                    .iter()
                    .find(|s| s.name == name)
                    .map_or_else(
                        || format!("{name} (not in this format)"),
                        |s| round.heading(s),
                    )
            },
        );
        ComboBox::from_id_salt("claim-speech")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                changed |= ui
                    .selectable_value(&mut claim.speech, None, "none (not said in a speech)")
                    .changed();
                for speech in round.speeches() {
                    let heading = round.heading(&speech);
                    changed |= ui
                        .selectable_value(&mut claim.speech, Some(speech.name), heading)
                        .changed();
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("The speech of the round that made it; its side follows");
    });
    changed
}

/// The round's format and whether drops count as conceded, on the map.
pub fn round_settings_ui(ui: &mut Ui, map: &Map, actions: &mut Vec<Action>) {
    let Some(round) = &map.round else {
        return;
    };
    ui.add_space(6.0);
    ui.label(
        RichText::new(format!(
            "{} round: {}",
            round.format.label(),
            round
                .speeches()
                .iter()
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        ))
        .strong(),
    );
    let mut concede = round.concede_drops;
    if ui
        .checkbox(&mut concede, "Dropped arguments count as conceded")
        .on_hover_text(
            "An argument the other side never answered by its next speech stands as accepted \
             in the evaluation, and its why says so",
        )
        .changed()
    {
        let mut changed = round.clone();
        changed.concede_drops = concede;
        actions.push(Action::SetRound(Box::new(changed)));
    }
}

/// On the motion of a round: the draft reason for decision, with a button
/// to copy it.
pub fn ballot_ui(ui: &mut Ui, map: &Map, evaluation: &Evaluation, id: crate::model::ClaimId) {
    if map.thesis != Some(id) {
        return;
    }
    let Some(ballot) = crate::eval::ballot::ballot(map, evaluation) else {
        return;
    };
    ui.add_space(8.0);
    egui::CollapsingHeader::new("Reason for decision (draft)")
        .default_open(true)
        .show(ui, |ui| {
            for line in &ballot.lines {
                ui.label(line);
            }
            if ui
                .button("Copy ballot")
                .on_hover_text("Copy the draft to paste into a ballot and edit")
                .clicked()
            {
                ui.ctx().copy_text(ballot.text());
            }
        });
}
