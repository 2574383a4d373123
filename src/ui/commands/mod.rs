//! One table of commands: each has its label, its shortcuts, its tooltip
//! and where it applies here, and menus, buttons, shortcut handling, the
//! palette, the list of shortcuts and tooltips all read it, so they cannot
//! disagree.

use egui::{Key, KeyboardShortcut, Modifiers};

mod text;

pub use text::GESTURES;

/// Where a command's keys work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// In the editor: menus, the canvas, panels.
    Editor,
    /// While presenting, full screen.
    Presenting,
    /// In the list of presentation steps, while a step row has the focus.
    StepsList,
}

/// A command the user can give from a menu or the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UiCommand {
    /// Start a blank map.
    New,
    /// Open a map file.
    Open,
    /// Save to the map's file, or ask where.
    Save,
    /// Save to a new file.
    SaveAs,
    /// Open an Argdown or AIF file as a new map.
    Import,
    /// Close the window.
    Quit,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Select every claim.
    SelectAll,
    /// Clear the selection, or stop editing.
    Deselect,
    /// Delete the selected claims or link.
    Delete,
    /// Add a reason supporting the selected claim.
    AddPremise,
    /// Add an objection attacking the selected claim.
    AddObjection,
    /// Edit the selected claim's text in place.
    EditText,
    /// Edit the selected claim's title on its card.
    EditTitle,
    /// Mark the selected claim as the thesis.
    SetThesis,
    /// Fit the whole map in the window.
    FitView,
    /// Zoom in, around the middle of the canvas.
    ZoomIn,
    /// Zoom out.
    ZoomOut,
    /// Lay the whole map out as a tidy tree.
    Arrange,
    /// Lay out the subtree below the selected claim.
    ArrangeSelection,
    /// Pin the selected claims in place, or unpin them.
    TogglePin,
    /// Select what the selected claim answers.
    GoUp,
    /// Select the selected claim's first answer.
    GoDown,
    /// Select the previous sibling.
    GoLeft,
    /// Select the next sibling.
    GoRight,
    /// Add a claim beside the selected one, answering the same claim the
    /// same way.
    AddSibling,
    /// Add a premise linked with the selected one (or to the selected link).
    AddCoPremise,
    /// Add an objection to the step from the selected premise (or to the
    /// selected link): an undercut.
    ObjectToInference,
    /// Select the link the selected claim is a premise of.
    SelectLink,
    /// Move the selected claim one place left among its siblings.
    MoveEarlier,
    /// Move the selected claim one place right among its siblings.
    MoveLater,
    /// Copy the selected claims (and an outline of them as text).
    Copy,
    /// Copy the selected claims, then delete them.
    Cut,
    /// Paste copied claims, or an outline copied from elsewhere.
    Paste,
    /// Copy the selected claims beside themselves.
    Duplicate,
    /// Find claims by their text.
    Find,
    /// Make all text (menus, panels and the map's cards) larger.
    TextLarger,
    /// Make all text smaller.
    TextSmaller,
    /// Text at its normal size.
    TextReset,
    /// Show or hide the minimap.
    ToggleMinimap,
    /// Show or hide the inspector panel.
    ToggleInspector,
    /// Show or hide the outline panel.
    ToggleOutline,
    /// Show or hide the source panel (the text the map cites).
    ToggleSource,
    /// Arrange the map top-down, thesis on top (and keep it so).
    ArrangeDown,
    /// Arrange the map left to right, thesis on the left (and keep it so).
    ArrangeRight,
    /// Arrange the map compact: answers without answers stacked (and keep it so).
    ArrangeCompact,
    /// Arrange the map wide: every answer side by side (and keep it so).
    ArrangeWide,
    /// Choose the file of the source shown (or a new source).
    OpenSource,
    /// A new claim from the words selected in the source.
    QuoteAsClaim,
    /// A new claim from the selected words, as a reason of the selected
    /// claim.
    QuoteAsReason,
    /// A new claim from the selected words, as an objection to the
    /// selected claim.
    QuoteAsObjection,
    /// Switch the high-contrast palette on or off.
    ToggleContrast,
    /// Fold the selected claims' subtrees, or unfold them.
    ToggleFold,
    /// Unfold every folded claim.
    UnfoldAll,
    /// Show only the selected claim and what answers it.
    Focus,
    /// Leave focus mode, one level at a time.
    FocusOut,
    /// Find and run any command by name.
    Palette,
    /// Show every command and its keys.
    Shortcuts,
    /// Present the map step by step, full screen.
    Present,
    /// Show or hide the panel of presentation steps.
    StepsPanel,
    /// Accept the selected claims: they hold whatever answers them.
    Accept,
    /// Reject the selected claims: they fail whatever supports them.
    Reject,
    /// Leave the selected claims unassessed again.
    ClearAssessment,
    /// Show on every card whether it holds, fails or is open.
    ShowEvaluation,
    /// Show or hide the panel of map checks.
    ChecksPanel,
    /// Presenting: the next step.
    PresentNext,
    /// Presenting: the step before.
    PresentPrevious,
    /// Presenting: the first step.
    PresentFirst,
    /// Presenting: the last step.
    PresentLast,
    /// Presenting: a step by its number (typed, then Enter).
    PresentGoTo,
    /// Presenting: the whole map, and back.
    PresentOverview,
    /// Presenting: speaker notes on this screen instead of their window.
    PresentNotesHere,
    /// Presenting: the "7 / 31" marker on or off.
    PresentProgress,
    /// Presenting: the presenter window on or off.
    PresentWindow,
    /// Presenting: end, and put the editor back as it was.
    PresentEnd,
    /// Steps list: move the selected step one place earlier.
    StepEarlier,
    /// Steps list: move the selected step one place later.
    StepLater,
    /// Steps list: select the step above.
    StepSelectPrevious,
    /// Steps list: select the step below.
    StepSelectNext,
    /// Steps list: reveal the selected step and the next together.
    StepJoinNext,
    /// Steps list: one step for each claim of the selected step.
    StepSplit,
    /// Steps list: leave the selected step out of the presentation.
    StepSkip,
}

/// A shortcut as a constant expression, so tables of them can be `'static`.
macro_rules! key {
    ($modifiers:expr, $key:expr) => {
        KeyboardShortcut {
            modifiers: $modifiers,
            logical_key: $key,
        }
    };
}

const CMD_SHIFT: Modifiers = Modifiers {
    alt: false,
    ctrl: false,
    shift: true,
    mac_cmd: false,
    command: true,
};

impl UiCommand {
    /// Every command, in the order shortcuts are tried: more specific
    /// shortcuts first (egui matches Ctrl+Shift+Z as Ctrl+Z too).
    pub const ALL: [Self; 83] = [
        Self::PresentNext,
        Self::PresentPrevious,
        Self::PresentFirst,
        Self::PresentLast,
        Self::PresentGoTo,
        Self::PresentOverview,
        Self::PresentNotesHere,
        Self::PresentProgress,
        Self::PresentWindow,
        Self::PresentEnd,
        Self::StepEarlier,
        Self::StepLater,
        Self::StepSelectPrevious,
        Self::StepSelectNext,
        Self::StepJoinNext,
        Self::StepSplit,
        Self::StepSkip,
        Self::Present,
        Self::StepsPanel,
        Self::Accept,
        Self::Reject,
        Self::ClearAssessment,
        Self::ShowEvaluation,
        Self::ChecksPanel,
        Self::TextLarger,
        Self::TextSmaller,
        Self::TextReset,
        Self::ToggleMinimap,
        Self::ToggleInspector,
        Self::ToggleOutline,
        Self::ToggleSource,
        Self::ArrangeDown,
        Self::ArrangeRight,
        Self::ArrangeCompact,
        Self::ArrangeWide,
        Self::OpenSource,
        Self::QuoteAsClaim,
        Self::QuoteAsReason,
        Self::QuoteAsObjection,
        Self::ToggleContrast,
        Self::Focus,
        Self::Find,
        Self::UnfoldAll,
        Self::ToggleFold,
        Self::FocusOut,
        Self::Copy,
        Self::Cut,
        Self::Paste,
        Self::Duplicate,
        Self::Palette,
        Self::Shortcuts,
        Self::Arrange,
        Self::SaveAs,
        Self::Import,
        Self::AddCoPremise,
        Self::AddSibling,
        Self::MoveEarlier,
        Self::MoveLater,
        Self::Redo,
        Self::ObjectToInference,
        Self::AddObjection,
        Self::New,
        Self::Open,
        Self::Save,
        Self::Quit,
        Self::Undo,
        Self::SelectAll,
        Self::Deselect,
        Self::Delete,
        Self::AddPremise,
        Self::EditTitle,
        Self::EditText,
        Self::SetThesis,
        Self::FitView,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ArrangeSelection,
        Self::TogglePin,
        Self::GoUp,
        Self::GoDown,
        Self::GoLeft,
        Self::GoRight,
        // After Arrange (Ctrl+Shift+L), whose keys it is part of.
        Self::SelectLink,
    ];

    /// The groups of the list of shortcuts, in the order it shows them.
    pub const GROUPS: [&'static str; 9] = [
        "File",
        "Edit",
        "Move around",
        "View",
        "Evaluate",
        "Present",
        "While presenting",
        "Presentation steps",
        "Help",
    ];

    /// Where the command's keys work.
    pub fn scope(self) -> Scope {
        match self {
            Self::PresentNext
            | Self::PresentPrevious
            | Self::PresentFirst
            | Self::PresentLast
            | Self::PresentGoTo
            | Self::PresentOverview
            | Self::PresentNotesHere
            | Self::PresentProgress
            | Self::PresentWindow
            | Self::PresentEnd => Scope::Presenting,
            Self::StepEarlier
            | Self::StepLater
            | Self::StepSelectPrevious
            | Self::StepSelectNext
            | Self::StepJoinNext
            | Self::StepSplit
            | Self::StepSkip => Scope::StepsList,
            _ => Scope::Editor,
        }
    }

    /// Where the command belongs, for the list of shortcuts: one of
    /// [`Self::GROUPS`].
    pub fn group(self) -> &'static str {
        match self.scope() {
            Scope::Presenting => return "While presenting",
            Scope::StepsList => return "Presentation steps",
            Scope::Editor => {}
        }
        match self {
            Self::New
            | Self::Open
            | Self::Save
            | Self::SaveAs
            | Self::Import
            | Self::OpenSource
            | Self::Quit => "File",
            Self::GoUp
            | Self::GoDown
            | Self::GoLeft
            | Self::GoRight
            | Self::MoveEarlier
            | Self::MoveLater
            | Self::Find
            | Self::Focus
            | Self::FocusOut
            | Self::SelectLink => "Move around",
            Self::FitView
            | Self::ZoomIn
            | Self::ZoomOut
            | Self::Arrange
            | Self::ArrangeSelection
            | Self::ArrangeDown
            | Self::ArrangeRight
            | Self::ArrangeCompact
            | Self::ArrangeWide
            | Self::ToggleFold
            | Self::UnfoldAll
            | Self::ToggleMinimap
            | Self::ToggleInspector
            | Self::ToggleOutline
            | Self::ToggleSource
            | Self::ToggleContrast
            | Self::TextLarger
            | Self::TextSmaller
            | Self::TextReset => "View",
            Self::Palette | Self::Shortcuts => "Help",
            Self::Present | Self::StepsPanel => "Present",
            Self::Accept
            | Self::Reject
            | Self::ClearAssessment
            | Self::ShowEvaluation
            | Self::ChecksPanel => "Evaluate",
            _ => "Edit",
        }
    }

    /// The keyboard shortcuts, the first of which menus show.
    #[expect(
        clippy::match_same_arms,
        clippy::too_many_lines,
        reason = "Each scope's keys stay beside its commands: the same key in another scope (↑ in the editor and in the steps list) is not a repeat. One table of every command's keys, read at a glance."
    )]
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            Self::New => &[key!(Modifiers::COMMAND, Key::N)],
            Self::Open => &[key!(Modifiers::COMMAND, Key::O)],
            Self::Save => &[key!(Modifiers::COMMAND, Key::S)],
            Self::SaveAs => &[key!(CMD_SHIFT, Key::S)],
            Self::Import => &[key!(Modifiers::COMMAND, Key::I)],
            Self::Quit => &[key!(Modifiers::COMMAND, Key::Q)],
            Self::Undo => &[key!(Modifiers::COMMAND, Key::Z)],
            Self::Redo => &[key!(CMD_SHIFT, Key::Z), key!(Modifiers::COMMAND, Key::Y)],
            Self::SelectAll => &[key!(Modifiers::COMMAND, Key::A)],
            Self::Deselect => &[key!(Modifiers::NONE, Key::Escape)],
            Self::Delete => &[
                key!(Modifiers::NONE, Key::Delete),
                key!(Modifiers::NONE, Key::Backspace),
            ],
            Self::AddPremise => &[key!(Modifiers::NONE, Key::Tab)],
            Self::AddObjection => &[key!(Modifiers::SHIFT, Key::Tab)],
            Self::EditText => &[
                key!(Modifiers::NONE, Key::Enter),
                key!(Modifiers::NONE, Key::F2),
            ],
            Self::EditTitle => &[key!(Modifiers::SHIFT, Key::F2)],
            Self::FitView => &[key!(Modifiers::NONE, Key::Home)],
            Self::ZoomIn => &[
                key!(Modifiers::ALT, Key::Equals),
                key!(Modifiers::ALT, Key::Plus),
            ],
            Self::ZoomOut => &[key!(Modifiers::ALT, Key::Minus)],
            Self::Arrange => &[key!(CMD_SHIFT, Key::L)],
            Self::SetThesis | Self::ArrangeSelection | Self::ToggleContrast => &[],
            Self::TogglePin => &[key!(Modifiers::ALT, Key::P)],
            Self::GoUp => &[key!(Modifiers::NONE, Key::ArrowUp)],
            Self::GoDown => &[key!(Modifiers::NONE, Key::ArrowDown)],
            Self::GoLeft => &[key!(Modifiers::NONE, Key::ArrowLeft)],
            Self::GoRight => &[key!(Modifiers::NONE, Key::ArrowRight)],
            Self::AddSibling => &[key!(Modifiers::COMMAND, Key::Enter)],
            Self::AddCoPremise => &[key!(CMD_SHIFT, Key::Enter)],
            Self::ObjectToInference => &[key!(CMD_SHIFT, Key::Tab)],
            Self::SelectLink => &[key!(Modifiers::COMMAND, Key::L)],
            Self::MoveEarlier => &[key!(Modifiers::ALT, Key::ArrowUp)],
            Self::MoveLater => &[key!(Modifiers::ALT, Key::ArrowDown)],
            Self::Copy => &[key!(Modifiers::COMMAND, Key::C)],
            Self::Cut => &[key!(Modifiers::COMMAND, Key::X)],
            Self::Paste => &[key!(Modifiers::COMMAND, Key::V)],
            Self::Duplicate => &[key!(Modifiers::COMMAND, Key::D)],
            Self::Find => &[key!(Modifiers::COMMAND, Key::F)],
            Self::TextLarger => &[
                key!(Modifiers::COMMAND, Key::Plus),
                key!(Modifiers::COMMAND, Key::Equals),
            ],
            Self::TextSmaller => &[key!(Modifiers::COMMAND, Key::Minus)],
            Self::TextReset => &[key!(Modifiers::COMMAND, Key::Num0)],
            Self::ToggleMinimap => &[key!(Modifiers::ALT, Key::M)],
            Self::ToggleInspector => &[key!(CMD_SHIFT, Key::I)],
            Self::ToggleOutline => &[key!(CMD_SHIFT, Key::O)],
            Self::ToggleSource => &[key!(Modifiers::NONE, Key::F6)],
            Self::QuoteAsClaim => &[key!(Modifiers::ALT, Key::Q)],
            Self::OpenSource | Self::QuoteAsReason | Self::QuoteAsObjection => &[],
            Self::ArrangeDown | Self::ArrangeRight | Self::ArrangeCompact | Self::ArrangeWide => {
                &[]
            }
            Self::ToggleFold => &[key!(Modifiers::COMMAND, Key::Period)],
            Self::UnfoldAll => &[key!(CMD_SHIFT, Key::Period)],
            Self::Focus => &[key!(CMD_SHIFT, Key::F)],
            Self::FocusOut => &[key!(Modifiers::NONE, Key::Backspace)],
            Self::Palette => &[key!(Modifiers::COMMAND, Key::K)],
            Self::Shortcuts => &[key!(Modifiers::NONE, Key::F1)],
            Self::Present => &[key!(Modifiers::NONE, Key::F5)],
            Self::StepsPanel => &[key!(CMD_SHIFT, Key::P)],
            Self::Accept => &[key!(CMD_SHIFT, Key::A)],
            Self::Reject => &[key!(CMD_SHIFT, Key::R)],
            Self::ClearAssessment => &[key!(CMD_SHIFT, Key::U)],
            Self::ShowEvaluation => &[key!(Modifiers::COMMAND, Key::E)],
            Self::ChecksPanel => &[key!(Modifiers::NONE, Key::F7)],
            Self::PresentNext => &[
                key!(Modifiers::NONE, Key::ArrowRight),
                key!(Modifiers::NONE, Key::Space),
                key!(Modifiers::NONE, Key::PageDown),
                key!(Modifiers::NONE, Key::Enter),
                key!(Modifiers::NONE, Key::ArrowDown),
            ],
            Self::PresentPrevious => &[
                key!(Modifiers::NONE, Key::ArrowLeft),
                key!(Modifiers::NONE, Key::PageUp),
                key!(Modifiers::NONE, Key::Backspace),
                key!(Modifiers::NONE, Key::ArrowUp),
            ],
            Self::PresentFirst => &[key!(Modifiers::NONE, Key::Home)],
            Self::PresentLast => &[key!(Modifiers::NONE, Key::End)],
            Self::PresentGoTo | Self::StepJoinNext | Self::StepSplit => &[],
            Self::PresentOverview => &[key!(Modifiers::NONE, Key::O)],
            Self::PresentNotesHere => &[key!(Modifiers::NONE, Key::N)],
            Self::PresentProgress => &[key!(Modifiers::NONE, Key::P)],
            Self::PresentWindow => &[key!(Modifiers::NONE, Key::W)],
            Self::PresentEnd => &[key!(Modifiers::NONE, Key::Escape)],
            Self::StepEarlier => &[key!(Modifiers::ALT, Key::ArrowUp)],
            Self::StepLater => &[key!(Modifiers::ALT, Key::ArrowDown)],
            Self::StepSelectPrevious => &[key!(Modifiers::NONE, Key::ArrowUp)],
            Self::StepSelectNext => &[key!(Modifiers::NONE, Key::ArrowDown)],
            Self::StepSkip => &[key!(Modifiers::NONE, Key::Delete)],
        }
    }

    /// The first shortcut as the platform writes it ("Ctrl+S"), or nothing:
    /// what menus and buttons show beside the label.
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .first()
            .map(|s| ctx.format_shortcut(s))
            .unwrap_or_default()
    }

    /// Every key of the command, as the list of shortcuts shows them.
    pub fn keys_text(self, ctx: &egui::Context) -> String {
        if let Some(words) = self.key_words() {
            return words.to_owned();
        }
        let keys: Vec<String> = self
            .shortcuts()
            .iter()
            .map(|s| ctx.format_shortcut(s))
            .collect();
        if keys.is_empty() {
            "menu only".to_owned()
        } else {
            keys.join("  or  ")
        }
    }

    /// True for commands that act on the map on the canvas and whose keys
    /// (Tab, Enter, F, Delete…) mean something else in a text field, so they
    /// run from the keyboard only while the canvas has the focus.
    pub fn is_canvas_key(self) -> bool {
        matches!(
            self,
            Self::SelectAll
                | Self::Deselect
                | Self::Delete
                | Self::AddPremise
                | Self::AddObjection
                | Self::EditText
                | Self::EditTitle
                | Self::FitView
                | Self::TogglePin
                | Self::GoUp
                | Self::GoDown
                | Self::GoLeft
                | Self::GoRight
                | Self::AddSibling
                | Self::AddCoPremise
                | Self::ObjectToInference
                | Self::SelectLink
                | Self::MoveEarlier
                | Self::MoveLater
                | Self::Duplicate
                | Self::ToggleFold
                | Self::FocusOut
                | Self::ZoomIn
                | Self::ZoomOut
                | Self::ToggleMinimap
                | Self::Accept
                | Self::Reject
                | Self::ClearAssessment
        )
    }

    /// True for Copy, Cut and Paste: the system sends them as their own
    /// events (with the clipboard's text for Paste), not as keys.
    pub fn is_clipboard(self) -> bool {
        matches!(self, Self::Copy | Self::Cut | Self::Paste)
    }

    /// True for commands that still run while the user types in a field
    /// (the edit is finished first).
    pub fn works_while_typing(self) -> bool {
        matches!(
            self,
            Self::New
                | Self::Open
                | Self::Save
                | Self::SaveAs
                | Self::Import
                | Self::Quit
                | Self::Palette
                | Self::Shortcuts
                | Self::Find
        )
    }
}

/// The commands of `scope` whose shortcut was pressed this frame, in
/// table order, their key presses consumed; `allowed` leaves out commands
/// that do not apply now.
pub fn pressed(
    ctx: &egui::Context,
    scope: Scope,
    mut allowed: impl FnMut(UiCommand) -> bool,
) -> Vec<UiCommand> {
    UiCommand::ALL
        .into_iter()
        .filter(|c| c.scope() == scope && !c.is_clipboard() && allowed(*c))
        .filter(|c| {
            c.shortcuts()
                .iter()
                .any(|shortcut| ctx.input_mut(|i| i.consume_shortcut(shortcut)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_is_in_the_table_once_and_no_shortcut_is_shared() {
        let mut seen = Vec::new();
        for command in UiCommand::ALL {
            assert!(!seen.contains(&command), "{command:?} twice");
            seen.push(command);
            assert!(!command.label().is_empty() && !command.tooltip().is_empty());
        }
        // Backspace leaves focus mode while there is one, and deletes
        // otherwise: the one key with two commands, told apart by the app.
        // Keys are unique within each scope; presenting and the steps list
        // give the arrows their own meaning.
        for scope in [Scope::Editor, Scope::Presenting, Scope::StepsList] {
            let shortcuts: Vec<KeyboardShortcut> = UiCommand::ALL
                .iter()
                .filter(|&&c| c != UiCommand::FocusOut && c.scope() == scope)
                .flat_map(|c| c.shortcuts())
                .copied()
                .collect();
            for (i, a) in shortcuts.iter().enumerate() {
                assert!(!shortcuts[i + 1..].contains(a), "{a:?} is bound twice");
            }
        }
        for command in UiCommand::ALL {
            assert!(
                UiCommand::GROUPS.contains(&command.group()),
                "{command:?} is in no group of the list"
            );
        }
    }

    #[test]
    fn the_list_of_shortcuts_tells_every_command_once_group_by_group() {
        for command in UiCommand::ALL {
            assert_eq!(
                UiCommand::SHOWN.iter().filter(|&&c| c == command).count(),
                1,
                "{command:?}"
            );
        }
        let groups: Vec<usize> = UiCommand::SHOWN
            .iter()
            .map(|c| {
                UiCommand::GROUPS
                    .iter()
                    .position(|&g| g == c.group())
                    .unwrap_or(usize::MAX)
            })
            .collect();
        assert!(groups.is_sorted(), "groups in order, each in one run");
    }

    #[test]
    fn specific_shortcuts_are_tried_before_their_plain_forms() {
        let position = |c| UiCommand::ALL.iter().position(|&x| x == c);
        assert!(position(UiCommand::SaveAs) < position(UiCommand::Save));
        assert!(position(UiCommand::Redo) < position(UiCommand::Undo));
        assert!(position(UiCommand::AddObjection) < position(UiCommand::AddPremise));
        assert!(position(UiCommand::Focus) < position(UiCommand::Find));
        assert!(position(UiCommand::UnfoldAll) < position(UiCommand::ToggleFold));
        assert!(position(UiCommand::AddSibling) < position(UiCommand::EditText));
        assert!(position(UiCommand::EditTitle) < position(UiCommand::EditText));
        assert!(position(UiCommand::AddCoPremise) < position(UiCommand::AddSibling));
        assert!(position(UiCommand::ObjectToInference) < position(UiCommand::AddObjection));
        assert!(position(UiCommand::Arrange) < position(UiCommand::SelectLink));
        assert!(position(UiCommand::MoveEarlier) < position(UiCommand::GoUp));
        assert!(position(UiCommand::MoveLater) < position(UiCommand::GoDown));
        assert!(position(UiCommand::FocusOut) < position(UiCommand::Delete));
        assert!(position(UiCommand::StepEarlier) < position(UiCommand::StepSelectPrevious));
        assert!(position(UiCommand::Accept) < position(UiCommand::SelectAll));
        assert!(position(UiCommand::StepLater) < position(UiCommand::StepSelectNext));
    }
}
