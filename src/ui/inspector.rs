//! The side panel: every property of the selected claim or link, and of the
//! map when nothing is selected.

use egui::{ComboBox, DragValue, RichText, TextEdit, Ui};

use super::action::Action;
use super::action::command_button;
use super::canvas::View;
use super::commands::UiCommand;
use super::references::{cached_in_text, cached_reference, styled_job};
use super::weighing;
use crate::edit::ClaimField;
use crate::eval::{Evaluation, Label, Part};
use crate::model::{
    Assessment, Citation, CitationStyle, ClaimId, ClaimKind, LinkId, LinkKind, Map, Mode, Role,
    Stats, Target,
};

/// What the inspector shows: the map, the selection, the statuses.
#[derive(Clone, Copy)]
pub struct Inspected<'a> {
    /// The open map.
    pub map: &'a Map,
    /// The selection (and the claim being typed into).
    pub view: &'a View,
    /// Every claim's and link's status.
    pub evaluation: &'a Evaluation,
    /// The words the selected claim quotes, read from its source (`Err`
    /// when the file changed under them); `None` when it quotes nothing
    /// or the source is not open.
    pub quote: Option<&'a Result<String, ()>>,
}

/// Draws the inspector for what `view` has selected.
pub fn inspector_ui(ui: &mut Ui, inspected: Inspected<'_>, actions: &mut Vec<Action>) {
    let Inspected { map, view, .. } = inspected;
    ui.add_space(4.0);
    if let Some(link) = view.selection.link.filter(|id| map.links.contains_key(id)) {
        link_ui(ui, map, link, actions);
        weighing::weight_row(ui, map, link, actions);
        status_ui(
            ui,
            inspected,
            inspected.evaluation.link(link),
            |e| e.why_link(map, link),
            actions,
        );
    } else {
        match view.selection.claims.len() {
            0 => map_ui(ui, map, actions),
            1 => {
                if let Some(&id) = view.selection.claims.first() {
                    claim_ui(ui, map, id, view, actions);
                    quote_ui(ui, inspected.quote);
                    ui.add_space(6.0);
                    assessment_ui(ui, map, id, actions);
                    weighing::standard_row(ui, map, id, actions);
                    if let Some((link, _)) = map.links_from(id).next() {
                        weighing::weight_row(ui, map, link, actions);
                    }
                    weighing::clash_ui(ui, map, inspected.evaluation, id, actions);
                    status_ui(
                        ui,
                        inspected,
                        inspected.evaluation.claim(id),
                        |e| e.why_claim(map, id),
                        actions,
                    );
                    super::round_inspector::ballot_ui(ui, map, inspected.evaluation, id);
                }
            }
            n => {
                ui.heading(format!("{n} claims selected"));
                ui.label("Drag any of them to move them together.");
                command_button(ui, UiCommand::Delete, actions);
                ui.horizontal_wrapped(|ui| {
                    command_button(ui, UiCommand::Accept, actions);
                    command_button(ui, UiCommand::Reject, actions);
                    command_button(ui, UiCommand::ClearAssessment, actions);
                });
            }
        }
    }
}

/// Accepted, rejected or unassessed: the user's judgement of the claim.
fn assessment_ui(ui: &mut Ui, map: &Map, id: ClaimId, actions: &mut Vec<Action>) {
    let Some(claim) = map.claims.get(&id) else {
        return;
    };
    let mut assessment = claim.assessment;
    // Wrapped, so the inspector keeps its width whatever is selected.
    ui.horizontal_wrapped(|ui| {
        ui.label("Assessment");
        for (value, text, tip) in [
            (
                None,
                "unassessed",
                UiCommand::ClearAssessment.tooltip(ui.ctx()),
            ),
            (
                Some(Assessment::Accepted),
                "accepted",
                UiCommand::Accept.tooltip(ui.ctx()),
            ),
            (
                Some(Assessment::Rejected),
                "rejected",
                UiCommand::Reject.tooltip(ui.ctx()),
            ),
        ] {
            ui.radio_value(&mut assessment, value, text)
                .on_hover_text(tip);
        }
    });
    if assessment != claim.assessment {
        actions.push(Action::SetAssessment(vec![id], assessment));
    }
}

/// The status and why, each claim it names a link to that claim.
fn status_ui(
    ui: &mut Ui,
    inspected: Inspected<'_>,
    label: Label,
    why: impl FnOnce(&Evaluation) -> Vec<Part>,
    actions: &mut Vec<Action>,
) {
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.label("Status");
        let dark = ui.visuals().dark_mode;
        ui.label(
            RichText::new(format!("{} {}", label.symbol(), label.word()))
                .strong()
                .color(crate::draw::style::status_color(label, dark)),
        );
    });
    weighing::why_ui(ui, inspected.map, &why(inspected.evaluation), actions);
}

/// A mode as the map panel names it.
fn mode_text(mode: Mode) -> &'static str {
    match mode {
        Mode::Debate => "debate: stands until answered",
        Mode::Proof => "proof: must be established",
    }
}

/// Texts longer than this (in bytes) are not edited in a text field, which
/// would lay out all of it every time it changes; nobody types them, they
/// come from pasted or imported files.
pub const MAX_EDITABLE_BYTES: usize = 100_000;

/// A claim text too long to edit: its start, its length, and a way to keep
/// only the start.
fn too_long_ui(ui: &mut Ui, text: &mut String, changed: &mut Option<ClaimField>) {
    ui.label("Text");
    let chars = text.chars().count();
    ui.weak(format!(
        "{} characters, too long to edit here. The map keeps all of it; \
         the card shows the first {}.",
        crate::words::thousands(chars),
        crate::words::thousands(crate::measure::MAX_SHOWN_CHARS)
    ));
    let start: String = text.chars().take(crate::measure::MAX_SHOWN_CHARS).collect();
    egui::ScrollArea::vertical()
        .id_salt("long-text")
        .max_height(160.0)
        .show(ui, |ui| ui.label(format!("{start}…")));
    if ui
        .button(format!(
            "Keep only the first {} characters",
            crate::words::thousands(crate::measure::MAX_SHOWN_CHARS)
        ))
        .on_hover_text("Cuts the rest off; Undo brings it back")
        .clicked()
    {
        *text = start;
        *changed = Some(ClaimField::Text);
    }
}

/// A labelled text field whose every change becomes an edit; focus leaving
/// it closes the undo step.
fn field(ui: &mut Ui, label: &str, text: &mut String, multiline: bool) -> egui::Response {
    let label = ui.label(label);
    let edit = if multiline {
        TextEdit::multiline(text).desired_rows(3)
    } else {
        TextEdit::singleline(text)
    };
    ui.add(edit.desired_width(f32::INFINITY))
        .labelled_by(label.id)
}

fn claim_ui(ui: &mut Ui, map: &Map, id: ClaimId, view: &View, actions: &mut Vec<Action>) {
    let Some(claim) = map.claims.get(&id) else {
        return;
    };
    let role = Role::of(map, id).unwrap_or(Role::Free);
    ui.heading(format!("Claim {id}"));
    ui.label(describe_role(map, id, role));
    ui.add_space(6.0);

    let mut edited = claim.clone();
    let mut changed = None;
    let mut sealed = false;

    // While the claim is edited on the canvas, the canvas owns the text.
    if view
        .editing
        .as_ref()
        .is_some_and(|e| e.claim == id && !e.title)
    {
        ui.label("Text");
        ui.weak("(being edited on the canvas)");
    } else if edited.text.len() > MAX_EDITABLE_BYTES {
        too_long_ui(ui, &mut edited.text, &mut changed);
    } else {
        let response = field(ui, "Text", &mut edited.text, true);
        if response.changed() {
            changed = Some(ClaimField::Text);
        }
        sealed |= response.lost_focus();
    }

    if title_ui(ui, &mut edited) {
        changed = Some(ClaimField::Title);
    }
    if kind_ui(ui, &mut edited.kind) {
        changed = Some(ClaimField::Kind);
    }
    if super::round_inspector::speech_ui(ui, map, &mut edited) {
        changed = Some(ClaimField::Speech);
    }

    let mut is_thesis = map.thesis == Some(id);
    if ui.checkbox(&mut is_thesis, "Thesis of the map").changed() {
        actions.push(Action::SetThesis(is_thesis.then_some(id)));
    }
    let mut pinned = claim.pinned;
    if ui
        .checkbox(&mut pinned, "Pinned in place")
        .on_hover_text(UiCommand::TogglePin.tooltip(ui.ctx()))
        .changed()
    {
        actions.push(Action::SetPinned(id, pinned));
    }

    let response = field(
        ui,
        "Note",
        edited.note.get_or_insert_with(String::new),
        true,
    );
    if response.changed() {
        changed = Some(ClaimField::Note);
    }
    sealed |= response.lost_focus();
    if edited.note.as_deref() == Some("") {
        edited.note = None;
    }

    citation_ui(ui, map, &mut edited.source, &mut changed);

    let mut tags = edited.tags.join(", ");
    let response = field(ui, "Tags (separated by commas)", &mut tags, false);
    if response.changed() {
        edited.tags = tags
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect();
        changed = Some(ClaimField::Tags);
    }
    sealed |= response.lost_focus();

    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        command_button(ui, UiCommand::AddPremise, actions);
        command_button(ui, UiCommand::AddObjection, actions);
        if map.links_from(id).next().is_some() {
            command_button(ui, UiCommand::AddCoPremise, actions);
            command_button(ui, UiCommand::ObjectToInference, actions);
        }
        command_button(ui, UiCommand::Delete, actions);
    });

    if let Some(field) = changed {
        actions.push(Action::UpdateClaim {
            id,
            claim: edited,
            field,
        });
    }
    if sealed {
        actions.push(Action::Seal);
    }
}

/// The claim's kind, chosen from a list. Whether it changed.
fn kind_ui(ui: &mut Ui, kind: &mut ClaimKind) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        let label = ui.label("Kind");
        ComboBox::from_id_salt("claim-kind")
            .selected_text(kind.label())
            .show_ui(ui, |ui| {
                for choice in ClaimKind::ALL {
                    changed |= ui.selectable_value(kind, choice, choice.label()).changed();
                }
            })
            .response
            .labelled_by(label.id);
    });
    changed
}

/// The claim's short title: shown bold on its card, and alone on the card
/// when the map is zoomed out too far to read its text. Whether it
/// changed.
fn title_ui(ui: &mut Ui, edited: &mut crate::model::Claim) -> bool {
    let mut title = edited.title.clone().unwrap_or_default();
    let response = ui
        .horizontal(|ui| {
            let label = ui.label("Title");
            ui.add(
                egui::TextEdit::singleline(&mut title)
                    .hint_text(crate::model::derived_title(&edited.text))
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id)
            .on_hover_text("A few words that name the claim; empty: its first words are used")
        })
        .inner;
    if response.changed() {
        edited.title = crate::model::typed_title(&title);
    }
    response.changed()
}

/// The words a claim quotes, beside its own restatement of them.
fn quote_ui(ui: &mut Ui, quote: Option<&Result<String, ()>>) {
    match quote {
        Some(Ok(words)) => {
            ui.label(RichText::new("Quote from the source").small().weak());
            ui.label(RichText::new(format!("“{words}”")).italics());
        }
        Some(Err(())) => {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "The quoted words are no longer where they were: the source file changed",
            );
        }
        None => {}
    }
}

fn citation_ui(
    ui: &mut Ui,
    map: &Map,
    source: &mut Option<Citation>,
    changed: &mut Option<ClaimField>,
) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Cites");
        let current = source.as_ref().map(|c| c.doc.clone());
        let shown = current
            .as_deref()
            .map_or("none", |doc| map.source_title(doc));
        ComboBox::from_id_salt("claim-source")
            .selected_text(crate::words::one_line(shown, 28))
            .show_ui(ui, |ui| {
                if ui.selectable_label(current.is_none(), "none").clicked() && current.is_some() {
                    *source = None;
                    *changed = Some(ClaimField::Citation);
                }
                for (key, doc) in &map.sources {
                    let chosen = current.as_deref() == Some(key.as_str());
                    if ui.selectable_label(chosen, &doc.title).clicked() && !chosen {
                        *source = Some(Citation {
                            doc: key.clone(),
                            ..source.clone().unwrap_or_default()
                        });
                        *changed = Some(ClaimField::Citation);
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if let Some(citation) = source {
            let mut para = citation.para.unwrap_or(0);
            let label = ui.label("¶");
            if ui
                .add(DragValue::new(&mut para).range(0..=100_000))
                .labelled_by(label.id)
                .on_hover_text("Paragraph (0 for none)")
                .changed()
            {
                citation.para = (para > 0).then_some(para);
                *changed = Some(ClaimField::Citation);
            }
            if let Some(first) = citation.para {
                // The end of a range: ¶10–11. Equal to the first for one.
                let mut last = citation.to.unwrap_or(first).max(first);
                let label = ui.label("to ¶");
                if ui
                    .add(DragValue::new(&mut last).range(first..=100_000))
                    .labelled_by(label.id)
                    .on_hover_text("Last paragraph of a range (the same for one paragraph)")
                    .changed()
                {
                    citation.to = (last > first).then_some(last);
                    *changed = Some(ClaimField::Citation);
                }
            }
        }
    });
    if let Some(citation) = source.as_ref()
        && map
            .sources
            .get(&citation.doc)
            .is_some_and(crate::model::Source::has_reference_details)
        && let Some(cited) = cached_in_text(ui, map, &citation.doc, citation.paragraphs())
    {
        ui.label(RichText::new(cited).weak())
            .on_hover_text(format!("Cited in {}", map.citation_style.label()));
    }
    if map.sources.is_empty() {
        ui.weak("This map lists no sources.");
    }
}

/// "Objection: attacks claim #1 (“text…”)".
fn describe_role(map: &Map, id: ClaimId, role: Role) -> String {
    let name = role.label();
    let mut title = name[..1].to_uppercase();
    title.push_str(&name[1..]);
    let Some((_, link)) = map.links_from(id).next() else {
        return title;
    };
    let verb = match link.kind {
        LinkKind::Support => "supports",
        LinkKind::Attack => "attacks",
    };
    let what = match link.target {
        Target::Claim(target) => {
            let text = map.claims.get(&target).map_or("", |c| c.text.as_str());
            format!("claim {target} (“{}”)", crate::words::one_line(text, 40))
        }
        Target::Link(target) => format!("link {target}, as an undercutter"),
    };
    format!("{title}: {verb} {what}")
}

fn link_ui(ui: &mut Ui, map: &Map, id: LinkId, actions: &mut Vec<Action>) {
    let Some(link) = map.links.get(&id) else {
        return;
    };
    ui.heading(format!("Link {id}"));
    let mut edited = link.clone();
    ui.horizontal_wrapped(|ui| {
        ui.label("Kind");
        ui.radio_value(&mut edited.kind, LinkKind::Support, "support (because)");
        ui.radio_value(&mut edited.kind, LinkKind::Attack, "attack (but)");
    });
    if edited.kind != link.kind {
        actions.push(Action::UpdateLink { id, link: edited });
    }
    ui.add_space(6.0);
    let premises = if link.premises.len() > 1 {
        "Linked premises (they count only together)"
    } else {
        "Premise"
    };
    ui.label(premises);
    for premise in &link.premises {
        let text = map
            .claims
            .get(premise)
            .map_or("(missing)", |c| c.text.as_str());
        ui.label(format!("• {premise}: {}", crate::words::one_line(text, 60)));
    }
    ui.add_space(6.0);
    ui.label("Target");
    match link.target {
        Target::Claim(target) => {
            let text = map
                .claims
                .get(&target)
                .map_or("(missing)", |c| c.text.as_str());
            ui.label(format!(
                "claim {target}: {}",
                crate::words::one_line(text, 60)
            ));
        }
        Target::Link(target) => {
            ui.label(format!("link {target} (this link undercuts it)"));
        }
    }
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        command_button(ui, UiCommand::AddCoPremise, actions);
        command_button(ui, UiCommand::ObjectToInference, actions);
    });
    ui.horizontal_wrapped(|ui| {
        if link.premises.len() > 1 {
            command_button(ui, UiCommand::SplitLink, actions);
        }
        command_button(ui, UiCommand::Delete, actions);
    });
}

fn map_ui(ui: &mut Ui, map: &Map, actions: &mut Vec<Action>) {
    ui.heading("Map");
    let mut title = map.title.clone();
    let response = field(ui, "Title", &mut title, false);
    if response.changed() {
        actions.push(Action::SetTitle(title));
    }
    if response.lost_focus() {
        actions.push(Action::Seal);
    }
    ui.add_space(6.0);
    ui.label(Stats::of(map).to_string());
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let label = ui.label("Evaluation");
        let mut mode = map.evaluation.mode;
        ComboBox::from_id_salt("map-mode")
            .selected_text(mode_text(mode))
            .show_ui(ui, |ui| {
                for m in Mode::ALL {
                    ui.selectable_value(&mut mode, m, mode_text(m));
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text(
                "Debate: a claim stands until it is answered. Proof: a claim must be \
                 established by a reason (evidence and accepted claims need none).",
            );
        if mode != map.evaluation.mode {
            actions.push(Action::SetMode(mode));
        }
    });
    weighing::map_weighing_ui(ui, map, actions);
    super::round_inspector::round_settings_ui(ui, map, actions);
    if !map.sources.is_empty() {
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let label = ui.label("Sources, cited in");
            let mut style = map.citation_style;
            ComboBox::from_id_salt("map-citation-style")
                .selected_text(style.label())
                .show_ui(ui, |ui| {
                    for s in CitationStyle::ALL {
                        ui.selectable_value(&mut style, s, s.label());
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text(
                    "How citations and the reference list are written: in the inspector, the \
                     Markdown outline and the handouts",
                );
            if style != map.citation_style {
                actions.push(Action::SetCitationStyle(style));
            }
        });
        for (key, source) in &map.sources {
            match cached_reference(ui, map, key).filter(|_| source.has_reference_details()) {
                Some(reference) => {
                    ui.label(styled_job(ui, &reference));
                }
                None => {
                    ui.label(format!("• {key}: {}", source.title));
                }
            }
        }
    }
    ui.add_space(10.0);
    ui.weak(crate::ui::commands::hint(
        ui.ctx(),
        "Double-click the canvas for a new claim. Select a claim and press {AddPremise} for a \
         reason, {AddObjection} for an objection, {EditText} to edit. Drag a card's top handle \
         onto another claim to connect them.",
    ));
}
