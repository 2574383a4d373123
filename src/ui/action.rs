//! What the user asked for during a frame. The canvas, menus and panels
//! only describe it; the app applies every action after the frame is
//! drawn, through the edit layer.

use std::collections::BTreeSet;

use egui::{Ui, Vec2};

use super::commands::UiCommand;
use crate::edit::ClaimField;
use crate::model::{
    Assessment, Claim, ClaimId, ClaimKind, Link, LinkId, LinkKind, Mode, Pos, Standard, Target,
    Weight,
};

/// Something the user asked for: on the canvas, in a menu or a panel.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A command from the table, as from a menu.
    Command(UiCommand),
    /// Select exactly these claims.
    Select(BTreeSet<ClaimId>),
    /// Select one link.
    SelectLink(LinkId),
    /// Add or remove one claim from the selection.
    ToggleSelected(ClaimId),
    /// Add claims to the selection.
    AddToSelection(BTreeSet<ClaimId>),
    /// Move the selected claims by this much, as one step.
    MoveSelection(Vec2),
    /// Make `claim` answer `onto` (a card dropped on another).
    Reparent {
        /// The claim dropped.
        claim: ClaimId,
        /// The claim it was dropped on.
        onto: ClaimId,
        /// Support, or attack when Alt was held.
        kind: LinkKind,
    },
    /// A new claim at this point, opened for typing.
    NewClaimAt(Pos),
    /// Start editing a claim's text.
    StartEditing(ClaimId),
    /// Start editing a claim's title on its card.
    StartEditingTitle(ClaimId),
    /// The text field's content changed.
    Typed(String),
    /// Letters typed with no text field to take them: they go into the
    /// selected claim, which opens for editing; with no claim to take
    /// them, they change nothing and the status bar says why.
    TypedOnCanvas(String),
    /// Stop editing text.
    FinishEditing,
    /// Connect a claim to a target (support or attack).
    Connect {
        /// The claim the connection starts at.
        premise: ClaimId,
        /// What it points to.
        target: Target,
        /// Support or attack.
        kind: LinkKind,
    },
    /// Add a claim to an existing link as a co-premise.
    Join {
        /// The link joined.
        link: LinkId,
        /// The new co-premise.
        claim: ClaimId,
    },
    /// Make a claim the thesis, or (`None`) leave the map without one.
    SetThesis(Option<ClaimId>),
    /// Pin a claim in place for arranging, or unpin it.
    SetPinned(ClaimId, bool),
    /// Change what kind of statement the claim is.
    SetKind(ClaimId, ClaimKind),
    /// Show a short message in the status bar.
    Status(String),
    /// Replace a claim's content from the inspector; edits to the same
    /// `field` of the same claim join one undo step until [`Action::Seal`].
    UpdateClaim {
        /// Which claim.
        id: ClaimId,
        /// Its new content.
        claim: Claim,
        /// Which field changed.
        field: ClaimField,
    },
    /// Replace a link's content from the inspector.
    UpdateLink {
        /// Which link.
        id: LinkId,
        /// Its new content.
        link: Link,
    },
    /// Rename the map.
    SetTitle(String),
    /// Close the typing step in progress.
    Seal,
    /// Accept or reject claims, or (`None`) leave them unassessed.
    SetAssessment(Vec<ClaimId>, Option<Assessment>),
    /// Evaluate the map in this mode.
    SetMode(Mode),
    /// Write the map's citations in this style.
    SetCitationStyle(crate::model::CitationStyle),
    /// The map's round as it is to be.
    SetRound(Box<crate::model::Round>),
    /// Weigh these links.
    SetWeight(Vec<LinkId>, Weight),
    /// Judge these claims by a standard, or (`None`) the map's default.
    SetStandard(Vec<ClaimId>, Option<Standard>),
    /// The map's presumption weight (in a debate) and default standard.
    SetWeighing(Weight, Standard),
    /// Switch a map check (by rule name) on or off for this map.
    SetCheck(&'static str, bool),
    /// Select a claim and bring it into view (a claim named in a reason or
    /// a finding).
    Reveal(ClaimId),
    /// Show this source in the source panel.
    ShowSource(String),
    /// Allow this source file, outside the map's folder, to be read.
    AllowSource(std::path::PathBuf),
    /// Make the claims citing this paragraph glow (or none).
    GlowParagraph(Option<u32>),
    /// Mark a paragraph of a source as not argument, or as argument again.
    SetNotArgument(String, u32, bool),
    /// The selected words of the source, dropped onto a card: a new claim
    /// answering it.
    QuoteDropped {
        /// The card dropped on.
        on: ClaimId,
        /// A reason or an objection.
        kind: LinkKind,
    },
}

/// A button for a command from the table, with its shortcut, as menus
/// show it.
pub fn command_button(ui: &mut Ui, command: UiCommand, actions: &mut Vec<Action>) {
    labelled_command_button(ui, command, None, true, actions);
}

/// [`command_button`] with a label that says what it will do ("Undo
/// move"), enabled or not.
pub fn labelled_command_button(
    ui: &mut Ui,
    command: UiCommand,
    label: Option<String>,
    enabled: bool,
    actions: &mut Vec<Action>,
) {
    let text = label.unwrap_or_else(|| command.label().to_owned());
    let shortcut = command.shortcut_text(ui.ctx());
    let mut button = egui::Button::new(text);
    // A command without keys has no shortcut text (not even a space in
    // what screen readers say).
    if !shortcut.is_empty() {
        button = button.shortcut_text(shortcut);
    }
    if ui
        .add_enabled(enabled, button)
        .on_hover_text(command.tooltip(ui.ctx()))
        .clicked()
    {
        actions.push(Action::Command(command));
        ui.close();
    }
}

/// The button of [`UiCommand::FlipLink`], saying what it makes of a link
/// of `kind`.
pub fn flip_button(ui: &mut Ui, kind: crate::model::LinkKind, actions: &mut Vec<Action>) {
    let label = match kind {
        crate::model::LinkKind::Support => "Make it an attack",
        crate::model::LinkKind::Attack => "Make it a support",
    };
    labelled_command_button(
        ui,
        UiCommand::FlipLink,
        Some(label.to_owned()),
        true,
        actions,
    );
}
