//! Evaluation in the editor: the statuses and map checks of the open map,
//! worked out again on every change (and undo), the claims whose status
//! the last change flipped, assessments, the mode, and the checks panel.

use std::collections::BTreeSet;

use egui::{RichText, Ui};

use super::ArgmapApp;
use crate::edit;
use crate::eval::checks::{self, Finding, Rule};
use crate::eval::{self, Evaluation};
use crate::model::{Assessment, ClaimId, LinkId, Mode, Standard};
use crate::ui::action::Action;

/// How long a claim whose status flipped pulses, in seconds.
pub const PULSE_SECS: f64 = 1.6;

/// The statuses and findings of the open map, for one revision.
#[derive(Debug, Default)]
pub(super) struct Judged {
    /// The document and revision they are of; `None` before the first.
    revision: Option<(u64, u64)>,
    /// Every claim's and link's status.
    pub(super) evaluation: Evaluation,
    /// What the map checks found.
    pub(super) findings: Vec<Finding>,
    /// Claims whose status the last change flipped.
    pub(super) flipped: BTreeSet<ClaimId>,
    /// When they flipped, on egui's clock.
    pub(super) flipped_at: f64,
    /// Whether the checks panel is open.
    pub(super) checks_open: bool,
}

impl Judged {
    /// Forgets the map that was open: the next one does not pulse.
    pub(super) fn forget(&mut self) {
        self.revision = None;
        self.flipped.clear();
    }
}

impl ArgmapApp {
    /// Evaluates and checks the map again when it changed, noting which
    /// claims flipped. Linear in the map: a few milliseconds at 20,000
    /// claims.
    pub(super) fn refresh_evaluation(&mut self) {
        let revision = self.doc.state();
        if self.judged.revision == Some(revision) {
            return;
        }
        let evaluation = eval::evaluate(&self.doc.map);
        // Only a change to the same document flips anything.
        if self
            .judged
            .revision
            .is_some_and(|(doc, _)| doc == revision.0)
        {
            self.judged.flipped = evaluation
                .flipped(&self.judged.evaluation)
                .into_iter()
                .collect();
            self.judged.flipped_at = self.ctx.input(|i| i.time);
        }
        self.judged.findings = checks::check(&self.doc.map, &evaluation);
        self.judged.evaluation = evaluation;
        self.judged.revision = Some(revision);
    }

    /// The claims pulsing now (their status just flipped), and how far
    /// the pulse has come (0 to 1); none once it is over.
    pub(super) fn pulsing(&self) -> (BTreeSet<ClaimId>, f32) {
        let elapsed = self.ctx.input(|i| i.time) - self.judged.flipped_at;
        if self.judged.flipped.is_empty() || !(0.0..PULSE_SECS).contains(&elapsed) {
            return (BTreeSet::new(), 1.0);
        }
        self.ctx.request_repaint();
        #[expect(
            clippy::cast_possible_truncation,
            reason = "Within 0..1 after the check above."
        )]
        let t = (elapsed / PULSE_SECS) as f32;
        (self.judged.flipped.clone(), t)
    }

    /// Accepts, rejects or clears the selected claims, as one step.
    pub(super) fn assess_selection(&mut self, assessment: Option<Assessment>) {
        let claims: Vec<ClaimId> = self.view.selection.claims.iter().copied().collect();
        if claims.is_empty() {
            self.messages.status("Select the claims to assess first");
            return;
        }
        self.set_assessment(&claims, assessment);
    }

    /// Assesses `claims` as one undoable step, and says what it did.
    pub(super) fn set_assessment(&mut self, claims: &[ClaimId], assessment: Option<Assessment>) {
        self.finish_editing();
        let edit = edit::set_assessment(&self.doc.map, claims, assessment);
        let label = match assessment {
            Some(Assessment::Accepted) => "Accept",
            Some(Assessment::Rejected) => "Reject",
            None => "Clear assessment",
        };
        self.doc.apply(edit, label);
        self.messages.status(match assessment {
            Some(a) => format!(
                "{}: {}",
                crate::words::count(claims.len(), "claim"),
                a.label()
            ),
            None => format!("{}: unassessed", crate::words::count(claims.len(), "claim")),
        });
    }

    /// Weighs the selected link, or each selected claim's own links, at
    /// the named step `step` (1 weak … 5 decisive), as one step.
    pub(super) fn weigh_selection(&mut self, step: usize) {
        let Some(weight) = crate::model::Weight::step(step) else {
            return;
        };
        let links: Vec<LinkId> = match self.view.selection.link {
            Some(link) => vec![link],
            None => (self.view.selection.claims.iter())
                .flat_map(|&c| self.doc.map.links_from(c).map(|(id, _)| id))
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect(),
        };
        if links.is_empty() {
            self.messages
                .status("Select a link, or a claim that answers another, to weigh its link");
            return;
        }
        self.set_weights(&links, weight);
    }

    /// Weighs `links` `weight`, as one undoable step, and says what it did.
    pub(super) fn set_weights(&mut self, links: &[LinkId], weight: crate::model::Weight) {
        self.finish_editing();
        if let Some(edit) = edit::set_weights(&self.doc.map, links, weight) {
            self.doc.apply(edit, format!("Weigh {}", weight.name()));
        }
        self.messages.status(format!(
            "{} weighed {} ({})",
            crate::words::count(links.len(), "link"),
            weight.name(),
            weight.value()
        ));
    }

    /// Judges the selected claims by `standard`, as one step.
    pub(super) fn standard_of_selection(&mut self, standard: Standard) {
        let claims: Vec<ClaimId> = self.view.selection.claims.iter().copied().collect();
        if claims.is_empty() {
            self.messages.status(
                "Select the claims to judge by a standard first (the map's default is in the \
                 inspector when nothing is selected)",
            );
            return;
        }
        self.set_standard(&claims, Some(standard));
    }

    /// Judges `claims` by `standard` (`None`: the map's default), as one
    /// undoable step.
    pub(super) fn set_standard(&mut self, claims: &[ClaimId], standard: Option<Standard>) {
        self.finish_editing();
        if let Some(edit) = edit::set_standard(&self.doc.map, claims, standard) {
            self.doc.apply(edit, "Change standard");
        }
        let standard = standard.map_or_else(
            || {
                format!(
                    "the map's default ({})",
                    self.doc.map.evaluation.standard.label()
                )
            },
            |s| s.label().to_owned(),
        );
        self.messages.status(format!(
            "{}: {standard}",
            crate::words::count(claims.len(), "claim"),
        ));
    }

    /// Sets the map's presumption weight and default standard, as one
    /// undoable step.
    pub(super) fn set_weighing(&mut self, presumption: crate::model::Weight, standard: Standard) {
        if let Some(edit) = edit::set_weighing(&self.doc.map, presumption, standard) {
            self.doc.apply(edit, "Change weighing");
        }
    }

    /// Evaluates the map in `mode`, as one undoable step.
    pub(super) fn set_mode(&mut self, mode: Mode) {
        if let Some(edit) = edit::set_mode(&self.doc.map, mode) {
            self.doc.apply(edit, "Change evaluation mode");
        }
    }

    /// Switches the map check `rule` on or off for this map.
    pub(super) fn set_check(&mut self, rule: &str, on: bool) {
        if let Some(edit) = edit::set_check(&self.doc.map, rule, on) {
            let label = if on {
                "Switch a check on"
            } else {
                "Switch a check off"
            };
            self.doc.apply(edit, label);
        }
    }

    /// How the thesis fares and how many findings there are, for the
    /// status bar.
    pub(super) fn evaluation_summary(&self) -> Option<String> {
        let mut parts = Vec::new();
        if self.prefs.show_evaluation
            && let Some(thesis) = self.doc.map.thesis
        {
            let label = self.judged.evaluation.claim(thesis);
            parts.push(format!("Thesis {} {}", label.symbol(), label.word()));
        }
        match self.judged.findings.len() {
            0 => {}
            n => parts.push(format!(
                "{} to check ({})",
                crate::words::count(n, "finding"),
                crate::ui::commands::UiCommand::ChecksPanel.shortcut_text(&self.ctx)
            )),
        }
        (!parts.is_empty()).then(|| parts.join(" · "))
    }

    /// The panel of map checks: each finding, click to go to its claim;
    /// each rule with its explanation and a switch.
    pub(super) fn checks_panel_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        if !self.judged.checks_open {
            return;
        }
        let map = &self.doc.map;
        let findings = &self.judged.findings;
        egui::Panel::left("argmap-checks")
            .default_size(super::side_panel_width(ui, 0.22, 220.0, 340.0))
            .resizable(true)
            .show(ui, |ui| {
                ui.heading("Map checks");
                ui.label(
                    RichText::new(if findings.is_empty() {
                        "Nothing to mark: every check passes.".to_owned()
                    } else {
                        format!(
                            "{}. Click one to go to its claim.",
                            crate::words::count(findings.len(), "finding")
                        )
                    })
                    .weak(),
                );
                egui::ScrollArea::vertical()
                    .id_salt("argmap-checks-list")
                    .show(ui, |ui| {
                        for finding in findings {
                            finding_ui(ui, map, finding, actions);
                        }
                        ui.separator();
                        ui.label(RichText::new("Rules").strong());
                        for rule in Rule::ALL {
                            rule_ui(ui, map, rule, actions);
                        }
                    });
            });
    }
}

/// One finding: its rule, its claim, what to do; a click goes to the claim.
fn finding_ui(ui: &mut Ui, map: &crate::model::Map, finding: &Finding, actions: &mut Vec<Action>) {
    let claim = finding
        .claim
        .and_then(|c| map.claims.get(&c).map(|claim| (c, claim)));
    let title = match claim {
        Some((id, claim)) => format!(
            "{} · #{} {}",
            finding.rule.name(),
            id.0,
            crate::words::one_line(&claim.text, 40)
        ),
        None => finding.rule.name().to_owned(),
    };
    let response = ui
        .add(egui::Button::selectable(false, RichText::new(title).strong()).wrap())
        .on_hover_text(finding.rule.explanation());
    ui.label(&finding.message);
    ui.add_space(4.0);
    if response.clicked()
        && let Some((id, _)) = claim
    {
        actions.push(Action::Reveal(id));
    }
}

/// A rule: its switch, and its explanation for students.
fn rule_ui(ui: &mut Ui, map: &crate::model::Map, rule: Rule, actions: &mut Vec<Action>) {
    let mut on = !map.evaluation.checks_off.contains(rule.name());
    ui.horizontal(|ui| {
        if ui
            .checkbox(&mut on, rule.name())
            .on_hover_text("Switch this check off for this map (saved with the map)")
            .changed()
        {
            actions.push(Action::SetCheck(rule.name(), on));
        }
    });
    egui::CollapsingHeader::new("Why it matters")
        .id_salt(("argmap-rule", rule.name()))
        .show(ui, |ui| {
            ui.label(rule.explanation());
        });
}
