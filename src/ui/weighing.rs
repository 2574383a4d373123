//! Weighing in the editor: a link's weight and a claim's standard in the
//! inspector and menus, the map's presumption and default standard, the
//! clash of a claim's reasons and objections in two columns, and the
//! reasons for a status with every claim named a link to it.

use egui::{ComboBox, DragValue, RichText, Ui};

use super::action::{Action, labelled_command_button};
use super::commands::UiCommand;
use crate::eval::{Evaluation, Label, Part};
use crate::model::{ClaimId, ClaimKind, LinkId, LinkKind, Map, Mode, Standard, Target, Weight};

/// The command that weighs at each named step, lightest first.
pub const WEIGH: [UiCommand; 5] = [
    UiCommand::WeighWeak,
    UiCommand::WeighModest,
    UiCommand::WeighModerate,
    UiCommand::WeighStrong,
    UiCommand::WeighDecisive,
];

/// The command that sets each standard, in [`Standard::ALL`] order.
pub const STANDARD: [UiCommand; 3] = [
    UiCommand::StandardPreponderance,
    UiCommand::StandardClearAndConvincing,
    UiCommand::StandardBeyondReasonableDoubt,
];

/// "Weigh" as a submenu of the selection's menus: the five steps, the
/// current one marked.
pub fn weigh_menu(ui: &mut Ui, current: Option<Weight>, actions: &mut Vec<Action>) {
    ui.menu_button("Weigh", |ui| {
        for (command, (weight, _)) in WEIGH.into_iter().zip(Weight::STEPS) {
            let label = marked(command.label(), current == Some(weight));
            labelled_command_button(ui, command, Some(label), true, actions);
        }
    });
}

/// "Proof standard" as a submenu: the map's default, then the three
/// standards, the first claim's choice marked. With no claim the menu
/// still shows, its commands say what to select.
pub fn standard_menu(ui: &mut Ui, map: &Map, claims: &[ClaimId], actions: &mut Vec<Action>) {
    let current = (claims.first())
        .and_then(|c| map.claims.get(c))
        .map(|c| c.standard);
    ui.menu_button("Proof standard", |ui| {
        let default = format!(
            "Standard: the map's default ({})",
            map.evaluation.standard.label()
        );
        if ui
            .add_enabled(
                !claims.is_empty(),
                egui::Button::new(marked(&default, current == Some(None))),
            )
            .on_hover_text("Judge the selected claims by the standard the map sets")
            .clicked()
        {
            actions.push(Action::SetStandard(claims.to_vec(), None));
            ui.close();
        }
        for (command, standard) in STANDARD.into_iter().zip(Standard::ALL) {
            let label = marked(command.label(), current == Some(Some(standard)));
            labelled_command_button(ui, command, Some(label), true, actions);
        }
    });
}

/// A menu label with a mark when it is the current choice.
fn marked(label: &str, current: bool) -> String {
    if current {
        format!("{label}  ✔")
    } else {
        label.to_owned()
    }
}

/// The link's weight in the inspector: any value to the thousandth, and
/// the five named steps as buttons with their keys.
pub fn weight_row(ui: &mut Ui, map: &Map, id: LinkId, actions: &mut Vec<Action>) {
    let Some(link) = map.links.get(&id) else {
        return;
    };
    ui.horizontal(|ui| {
        let hint = "How much this link counts when reasons are weighed against objections: above \
                    0, at most 1";
        if let Some(weight) = weight_drag(ui, "Weight", link.weight, hint)
            && weight != link.weight
        {
            actions.push(Action::SetWeight(vec![id], weight));
        }
        ui.label(RichText::new(link.weight.name()).weak());
    });
    ui.horizontal_wrapped(|ui| {
        for (command, (weight, name)) in WEIGH.into_iter().zip(Weight::STEPS) {
            let hint = format!(
                "{} ({})",
                command.tooltip(ui.ctx()),
                command.shortcut_text(ui.ctx())
            );
            if ui
                .selectable_label(link.weight == weight, name)
                .on_hover_text(hint)
                .clicked()
                && link.weight != weight
            {
                actions.push(Action::SetWeight(vec![id], weight));
            }
        }
    });
}

/// A weight as a labelled number to drag or type, to the thousandth; the
/// weight set, when the user changed it to one that is valid.
fn weight_drag(ui: &mut Ui, name: &str, weight: Weight, hint: &str) -> Option<Weight> {
    let label = ui.label(name);
    let mut value = weight.value();
    let response = ui
        .add(
            DragValue::new(&mut value)
                .range(0.001..=1.0)
                .speed(0.01)
                .max_decimals(3),
        )
        .labelled_by(label.id)
        .on_hover_text(hint);
    if response.changed() {
        Weight::new(value)
    } else {
        None
    }
}

/// The claim's proof standard in the inspector.
pub fn standard_row(ui: &mut Ui, map: &Map, id: ClaimId, actions: &mut Vec<Action>) {
    let Some(claim) = map.claims.get(&id) else {
        return;
    };
    let default = format!("map's default ({})", map.evaluation.standard.label());
    ui.horizontal(|ui| {
        let label = ui.label("Standard");
        let mut chosen = claim.standard;
        ComboBox::from_id_salt("claim-standard")
            .selected_text(match chosen {
                Some(standard) => standard.label().to_owned(),
                None => default.clone(),
            })
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut chosen, None, default.as_str());
                for (standard, command) in Standard::ALL.into_iter().zip(STANDARD) {
                    ui.selectable_value(&mut chosen, Some(standard), standard.label())
                        .on_hover_text(command.tooltip(ui.ctx()));
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("How clearly its reasons must outweigh its objections for it to hold");
        if chosen != claim.standard {
            actions.push(Action::SetStandard(vec![id], chosen));
        }
    });
}

/// The map's weighing settings: what a claim is presumed with in a debate,
/// and the standard claims are judged by unless they name one.
pub fn map_weighing_ui(ui: &mut Ui, map: &Map, actions: &mut Vec<Action>) {
    let settings = &map.evaluation;
    let mut presumption = settings.presumption;
    let mut standard = settings.standard;
    if settings.mode == Mode::Debate {
        ui.horizontal(|ui| {
            let hint = "In a debate every claim stands until answered, as if it had one more \
                        reason of this weight (evidence: 1). An objection must outweigh it.";
            if let Some(weight) = weight_drag(ui, "Presumption", presumption, hint) {
                presumption = weight;
            }
        });
    }
    ui.horizontal(|ui| {
        let label = ui.label("Standard");
        ComboBox::from_id_salt("map-standard")
            .selected_text(standard.label())
            .show_ui(ui, |ui| {
                for (s, command) in Standard::ALL.into_iter().zip(STANDARD) {
                    ui.selectable_value(&mut standard, s, s.label())
                        .on_hover_text(command.tooltip(ui.ctx()));
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("The standard of every claim that does not name its own");
    });
    if presumption != settings.presumption || standard != settings.standard {
        actions.push(Action::SetWeighing(presumption, standard));
    }
}

/// The clash over claim `id`: its reasons and its objections side by
/// side, each with its weight (a menu to change it) and its status.
/// Nothing when it has neither.
pub fn clash_ui(
    ui: &mut Ui,
    map: &Map,
    evaluation: &Evaluation,
    id: ClaimId,
    actions: &mut Vec<Action>,
) {
    let answers: Vec<(LinkId, LinkKind)> = map
        .links_into(Target::Claim(id))
        .filter(|(_, l)| {
            l.premises
                .iter()
                .any(|p| map.claims.get(p).is_some_and(|c| c.kind != ClaimKind::Note))
        })
        .map(|(l, link)| (l, link.kind))
        .collect();
    if answers.is_empty() {
        return;
    }
    let presumption = presumed_with(map, evaluation, id);
    ui.add_space(6.0);
    ui.label(RichText::new("The clash").strong());
    ui.columns(2, |columns| {
        for (column, kind, heading) in [
            (0, LinkKind::Support, "Reasons"),
            (1, LinkKind::Attack, "Objections"),
        ] {
            let ui = &mut columns[column];
            ui.label(RichText::new(heading).underline());
            let mut side: Vec<LinkId> = (answers.iter())
                .filter(|(_, k)| *k == kind)
                .map(|(l, _)| *l)
                .collect();
            // Heaviest first, as they are weighed.
            side.sort_by_key(|l| std::cmp::Reverse(map.links.get(l).map(|l| l.weight)));
            if kind == LinkKind::Support
                && let Some(presumed) = &presumption
            {
                ui.label(RichText::new(presumed).italics());
            }
            if side.is_empty() {
                ui.weak("none");
            }
            for link in side {
                answer_row(ui, map, evaluation, link, actions);
            }
        }
    });
}

/// What claim `id` is presumed with, in words, when it is: "presumed in a
/// debate · 0.5", "evidence · decisive".
fn presumed_with(map: &Map, evaluation: &Evaluation, id: ClaimId) -> Option<String> {
    let claim = map.claims.get(&id)?;
    let weight = crate::eval::presumption(map, claim.kind, evaluation.mode);
    if claim.assessment.is_some() || claim.kind == ClaimKind::Note || weight == Weight::NOTHING {
        return None;
    }
    Some(if claim.kind == ClaimKind::Evidence {
        format!("evidence itself · {}", weight.name())
    } else {
        format!("presumed in a debate · {}", weight.name())
    })
}

/// One reason or objection in the clash: its status, its premises (links
/// to them) and its weight, which a menu changes.
fn answer_row(
    ui: &mut Ui,
    map: &Map,
    evaluation: &Evaluation,
    link: LinkId,
    actions: &mut Vec<Action>,
) {
    let Some(l) = map.links.get(&link) else {
        return;
    };
    let label = evaluation.link(link);
    let dark = ui.visuals().dark_mode;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        ui.label(
            RichText::new(label.symbol())
                .strong()
                .color(crate::draw::style::status_color(label, dark)),
        )
        .on_hover_text(label.word());
        for (i, &premise) in l.premises.iter().enumerate() {
            if i > 0 {
                ui.label("+");
            }
            claim_link(ui, map, premise, actions);
        }
        ui.menu_button(
            RichText::new(format!("({})", l.weight.name())).weak(),
            |ui| {
                for (weight, name) in Weight::STEPS {
                    if ui
                        .selectable_label(
                            l.weight == weight,
                            format!("{name} ({})", weight.value()),
                        )
                        .clicked()
                    {
                        actions.push(Action::SetWeight(vec![link], weight));
                        ui.close();
                    }
                }
            },
        )
        .response
        .on_hover_text("Weigh it");
        if label == Label::Out
            && let Some(crate::eval::Why::Undercut { .. }) =
                evaluation.link_status(link).map(|s| &s.why)
        {
            ui.label(RichText::new("does not follow").italics().weak());
        }
    });
}

/// A claim named by its title, as a link that selects it.
fn claim_link(ui: &mut Ui, map: &Map, id: ClaimId, actions: &mut Vec<Action>) {
    let title = crate::eval::title(map, id);
    let text = map
        .claims
        .get(&id)
        .map(|c| crate::words::one_line(&c.text, 80))
        .unwrap_or_default();
    let response = ui.link(RichText::new(&title).italics());
    // Named with its id in brackets for assistive technology: the card
    // itself is the widget named by the claim's words.
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Link, true, format!("{title} [#{}]", id.0))
    });
    if response
        .on_hover_text(format!("Go to claim #{}: {text}", id.0))
        .clicked()
    {
        actions.push(Action::Reveal(id));
    }
}

/// Why a claim or link has its status, each claim named a link to it.
pub fn why_ui(ui: &mut Ui, map: &Map, parts: &[Part], actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        for part in parts {
            match part {
                Part::Text(text) => {
                    ui.label(text);
                }
                Part::Claim(id) => claim_link(ui, map, *id, actions),
            }
        }
    });
}
