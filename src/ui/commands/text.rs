//! What the commands are called and what they do, in words: labels for
//! menus, tooltips, the other words people search the palette with, and
//! the order the list of shortcuts tells them in.

use super::UiCommand;

impl UiCommand {
    /// The menu label (`…` where a dialog follows).
    pub fn label(self) -> &'static str {
        match self {
            Self::New => "New map",
            Self::Open => "Open…",
            Self::Save => "Save",
            Self::SaveAs => "Save as…",
            Self::Import => "Import…",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::SelectAll => "Select all",
            Self::Deselect => "Clear selection",
            Self::Delete => "Delete",
            Self::AddPremise => "Add reason",
            Self::AddObjection => "Add objection",
            Self::EditText => "Edit text",
            Self::EditTitle => "Edit title",
            Self::SetThesis => "Set as thesis",
            Self::FitView => "Fit map to window",
            Self::ZoomIn => "Zoom in",
            Self::ZoomOut => "Zoom out",
            Self::Arrange => "Arrange map",
            Self::ArrangeSelection => "Arrange selection",
            Self::TogglePin => "Pin in place",
            Self::GoUp => "Go to what it answers",
            Self::GoDown => "Go to its first answer",
            Self::GoLeft => "Go to previous sibling",
            Self::GoRight => "Go to next sibling",
            Self::AddSibling => "Add sibling",
            Self::AddCoPremise => "Add co-premise",
            Self::ObjectToInference => "Object to the inference",
            Self::SelectLink => "Select its link",
            Self::MoveEarlier => "Move left among siblings",
            Self::MoveLater => "Move right among siblings",
            Self::Copy => "Copy",
            Self::Cut => "Cut",
            Self::Paste => "Paste",
            Self::Duplicate => "Duplicate",
            Self::Find => "Find…",
            Self::TextLarger => "Larger text",
            Self::TextSmaller => "Smaller text",
            Self::TextReset => "Normal text size",
            Self::ToggleMinimap => "Minimap",
            Self::ToggleInspector => "Inspector",
            Self::ToggleOutline => "Outline",
            Self::ToggleSource => "Source",
            Self::ArrangeDown => "Arrange top-down",
            Self::ArrangeRight => "Arrange left to right",
            Self::ArrangeCompact => "Arrange compact",
            Self::ArrangeWide => "Arrange wide",
            Self::OpenSource => "Open source…",
            Self::QuoteAsClaim => "New claim from selection",
            Self::QuoteAsReason => "Selection as a reason of the selected claim",
            Self::QuoteAsObjection => "Selection as an objection to the selected claim",
            Self::ToggleContrast => "High contrast",
            Self::ToggleFold => "Fold or unfold",
            Self::UnfoldAll => "Unfold all",
            Self::Focus => "Focus on claim",
            Self::FocusOut => "Leave focus",
            Self::Palette => "Command palette…",
            Self::Shortcuts => "Keyboard shortcuts",
            Self::Present => "Present",
            Self::StepsPanel => "Presentation steps",
            Self::Accept => "Accept",
            Self::Reject => "Reject",
            Self::ClearAssessment => "Clear assessment",
            Self::ShowEvaluation => "Show evaluation",
            Self::ChecksPanel => "Map checks",
            Self::PresentNext => "Next step",
            Self::PresentPrevious => "Previous step",
            Self::PresentFirst => "First step",
            Self::PresentLast => "Last step",
            Self::PresentGoTo => "Go to step…",
            Self::PresentOverview => "Whole map",
            Self::PresentNotesHere => "Notes on this screen",
            Self::PresentProgress => "Progress marker",
            Self::PresentWindow => "Presenter window",
            Self::PresentEnd => "End the presentation",
            Self::StepEarlier => "Earlier",
            Self::StepLater => "Later",
            Self::StepSelectPrevious => "Select the step above",
            Self::StepSelectNext => "Select the step below",
            Self::StepJoinNext => "Join with next",
            Self::StepSplit => "Split",
            Self::StepSkip => "Skip",
        }
    }

    /// What the command does, for tooltips.
    #[expect(
        clippy::too_many_lines,
        reason = "One arm per command: a table, which reads best whole."
    )]
    pub fn tooltip(self) -> &'static str {
        match self {
            Self::New => "Start a blank map",
            Self::Open => "Open a map file (.ron)",
            Self::Save => "Save the map to its file",
            Self::SaveAs => "Save the map to a new file",
            Self::Import => "Open an Argdown (.argdown) or AIF (.json) file as a new map",
            Self::Quit => "Close Argmap",
            Self::Undo => "Undo the last change to the map",
            Self::Redo => "Redo the last undone change",
            Self::SelectAll => "Select every claim",
            Self::Deselect => "Clear the selection",
            Self::Delete => "Delete the selection, and the links that cannot stand without it",
            Self::AddPremise => "Add a reason that supports the selected claim",
            Self::AddObjection => "Add an objection that attacks the selected claim",
            Self::EditText => "Edit the selected claim's text (Shift+Enter for a new line)",
            Self::EditTitle => {
                "Edit the selected claim's title on its card: a few words in bold over its text, \
                 and all the card shows when the map is zoomed out (empty: its first words)"
            }
            Self::SetThesis => "Make the selected claim the thesis of the map",
            Self::FitView => "Show the whole map",
            Self::ZoomIn => "Zoom in",
            Self::ZoomOut => "Zoom out",
            Self::Arrange => "Lay the map out as a tidy tree, thesis on top; pinned claims stay",
            Self::ArrangeSelection => {
                "Lay out the claims below the selected claim; everything else stays"
            }
            Self::TogglePin => "Keep the selected claims where they are when the map is arranged",
            Self::GoUp => "Select the claim the selected claim supports or attacks",
            Self::GoDown => "Select the selected claim's first reason, objection or undercutter",
            Self::GoLeft => "Select the sibling to the left",
            Self::GoRight => "Select the sibling to the right",
            Self::AddSibling => {
                "Add a claim beside the selected one that answers the same claim the same way"
            }
            Self::AddCoPremise => {
                "Add a premise that holds only together with the selected one (linked premises, \
                 \"and\"); with a link selected, add it to that link"
            }
            Self::ObjectToInference => {
                "Add an undercut: a claim that the selected premise, even if true, does not \
                 support what it answers; with a link selected, object to that link"
            }
            Self::SelectLink => {
                "Select the link from the selected claim to what it answers; then ↑ ↓ ← → walk \
                 links, Tab adds a co-premise and Shift+Tab objects to it"
            }
            Self::MoveEarlier => "Swap the selected claim with its left sibling",
            Self::MoveLater => "Swap the selected claim with its right sibling",
            Self::Copy => {
                "Copy the selected claims with the links among them, and an outline of them as text"
            }
            Self::Cut => "Copy the selected claims, then remove them",
            Self::Paste => {
                "Paste copied claims near the pointer (onto the selected claim, they answer it); \
                 text with several lines becomes one claim per line"
            }
            Self::Duplicate => "Copy the selected claims beside themselves",
            Self::Find => {
                "Highlight every claim whose text or note holds the words; Enter and Shift+Enter step through them"
            }
            Self::ToggleFold => {
                "Hide the claims below the selected ones behind a badge, or show them again"
            }
            Self::UnfoldAll => "Show every folded subtree again",
            Self::TextLarger => "Scale menus, panels and card text up",
            Self::TextSmaller => "Scale menus, panels and card text down",
            Self::TextReset => "Back to the normal text size",
            Self::ToggleMinimap => "Show the whole map in a corner; click it to move there",
            Self::ToggleInspector => "Show or hide the panel on the right that edits the selection",
            Self::ToggleOutline => {
                "Show the map as an indented because / but outline beside the canvas; click a \
                 line to go to its claim"
            }
            Self::ToggleSource => {
                "Show the text the map cites beside the canvas, its paragraphs numbered, with \
                 what is mapped and what is not"
            }
            Self::OpenSource => "Choose the text file (.txt, .md) or PDF the map cites",
            Self::ArrangeDown => {
                "Lay the map out as a tree with the thesis on top, and keep it that way"
            }
            Self::ArrangeRight => {
                "Lay the map out as a tree with the thesis on the left and its answers to \
                 the right, and keep it that way"
            }
            Self::ArrangeCompact => {
                "Lay the map out with answers that have no answers of their own stacked in a \
                 column under their claim, so the whole map fits a screen (the default)"
            }
            Self::ArrangeWide => {
                "Lay the map out with every answer side by side in the row below its claim"
            }
            Self::QuoteAsClaim => {
                "A new claim starting with the words selected in the source, citing them"
            }
            Self::QuoteAsReason => {
                "A new claim from the words selected in the source, as a reason of the selected \
                 claim"
            }
            Self::QuoteAsObjection => {
                "A new claim from the words selected in the source, as an objection to the \
                 selected claim"
            }
            Self::ToggleContrast => {
                "Stronger borders and plain backgrounds, for low vision and projectors"
            }
            Self::Focus => "Show only the selected claim, what it rests on and what attacks it",
            Self::FocusOut => "Step back out of focus mode, to what the focused claim answers",
            Self::Palette => "Find any command by name and run it",
            Self::Shortcuts => "List every command with its keys",
            Self::Present => {
                "Walk an audience through the map step by step, full screen (Esc ends)"
            }
            Self::StepsPanel => {
                "Choose the order of the presentation: reorder, group and skip claims"
            }
            Self::Accept => "Take the selected claims as true: they hold whatever answers them",
            Self::Reject => "Take the selected claims as false: they fail whatever supports them",
            Self::ClearAssessment => {
                "Leave the selected claims unassessed: the map's arguments decide them"
            }
            Self::ShowEvaluation => {
                "Show on every card whether it holds, fails or is open, and fade links that fail"
            }
            Self::ChecksPanel => {
                "List what a coach would mark on the map: orphans, unanswered objections, \
                 two claims in one card…"
            }
            Self::PresentNext => "Reveal the next step",
            Self::PresentPrevious => "Go back one step",
            Self::PresentFirst => "Back to the first step",
            Self::PresentLast => "Jump to the last step",
            Self::PresentGoTo => "Type the number of a step, then press Enter to go there",
            Self::PresentOverview => "Show the whole map, and back to the step",
            Self::PresentNotesHere => {
                "Show the speaker notes on this screen (one display) instead of in their window"
            }
            Self::PresentProgress => "Show or hide the quiet \"7 / 31\" marker",
            Self::PresentWindow => {
                "Show or hide the presenter window: step, notes, next step and a timer"
            }
            Self::PresentEnd => "End the presentation: camera, selection and panels as they were",
            Self::StepEarlier => "Move the step one place up",
            Self::StepLater => "Move the step one place down",
            Self::StepSelectPrevious => "Select the step above",
            Self::StepSelectNext => "Select the step below",
            Self::StepJoinNext => "Reveal this step and the next together",
            Self::StepSplit => "One step for each claim of this step",
            Self::StepSkip => "Leave this step's claims out of the presentation",
        }
    }

    /// Keys that are not a chord, in words ("a number, then Enter").
    pub fn key_words(self) -> Option<&'static str> {
        match self {
            Self::PresentGoTo => Some("a number, then Enter"),
            _ => None,
        }
    }
}

impl UiCommand {
    /// Every command in the order the list of shortcuts (F1) tells them:
    /// group by group, each group in the order a user meets its commands.
    /// (The order of [`UiCommand::ALL`] is the order keys are tried in.)
    pub const SHOWN: [Self; 83] = [
        // File
        Self::New,
        Self::Open,
        Self::Import,
        Self::OpenSource,
        Self::Save,
        Self::SaveAs,
        Self::Quit,
        // Edit: make claims, answer them, change them, undo.
        Self::AddPremise,
        Self::AddObjection,
        Self::AddSibling,
        Self::AddCoPremise,
        Self::ObjectToInference,
        Self::QuoteAsClaim,
        Self::QuoteAsReason,
        Self::QuoteAsObjection,
        Self::EditText,
        Self::EditTitle,
        Self::SetThesis,
        Self::Delete,
        Self::Undo,
        Self::Redo,
        Self::Copy,
        Self::Cut,
        Self::Paste,
        Self::Duplicate,
        Self::SelectAll,
        Self::Deselect,
        Self::TogglePin,
        // Move around
        Self::GoUp,
        Self::GoDown,
        Self::GoLeft,
        Self::GoRight,
        Self::SelectLink,
        Self::MoveEarlier,
        Self::MoveLater,
        Self::Find,
        Self::Focus,
        Self::FocusOut,
        // View
        Self::FitView,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::Arrange,
        Self::ArrangeSelection,
        Self::ArrangeDown,
        Self::ArrangeRight,
        Self::ArrangeCompact,
        Self::ArrangeWide,
        Self::ToggleFold,
        Self::UnfoldAll,
        Self::ToggleInspector,
        Self::ToggleOutline,
        Self::ToggleSource,
        Self::ToggleMinimap,
        Self::ToggleContrast,
        Self::TextLarger,
        Self::TextSmaller,
        Self::TextReset,
        // Evaluate
        Self::ShowEvaluation,
        Self::Accept,
        Self::Reject,
        Self::ClearAssessment,
        Self::ChecksPanel,
        // Present
        Self::Present,
        Self::StepsPanel,
        // While presenting
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
        // Presentation steps
        Self::StepSelectPrevious,
        Self::StepSelectNext,
        Self::StepEarlier,
        Self::StepLater,
        Self::StepJoinNext,
        Self::StepSplit,
        Self::StepSkip,
        // Help
        Self::Palette,
        Self::Shortcuts,
    ];

    /// Other words people look for the command by in the palette.
    pub fn also_known_as(self) -> &'static str {
        match self {
            Self::AddPremise => "premise support because child below new claim",
            Self::AddObjection => "attack counter but rebut rebuttal counterpoint new claim",
            Self::AddSibling => "beside next another reason same parent",
            Self::AddCoPremise => "co-premise copremise linked premises and together join link",
            Self::ObjectToInference => {
                "undercut undercutter inference link arrow does not follow attack the link"
            }
            Self::SelectLink => "link arrow edge connection inference",
            Self::GoUp => "parent above up conclusion",
            Self::GoDown => "under child below first answer",
            Self::GoLeft | Self::GoRight => "sibling next previous",
            Self::EditText => "rename type write change text",
            Self::EditTitle => "name heading short label bold title",
            Self::SetThesis => "main claim conclusion motion",
            Self::Delete => "remove erase",
            Self::FitView => "whole map everything overview zoom to fit home",
            Self::ZoomIn => "magnify closer bigger",
            Self::ZoomOut => "farther smaller",
            Self::Arrange | Self::ArrangeSelection => "layout tidy auto-layout tree",
            Self::ArrangeDown | Self::ArrangeRight => {
                "layout direction horizontal vertical sideways rotate tree"
            }
            Self::ArrangeCompact | Self::ArrangeWide => {
                "layout org chart stack column dense spread tidy tree overview fit screen"
            }
            Self::TogglePin => "pin lock fix position keep",
            Self::ToggleFold | Self::UnfoldAll => "collapse expand hide show subtree",
            Self::Focus => "isolate subtree zoom into",
            Self::ToggleOutline => "tree list indent text outline",
            Self::ToggleSource => "reading article text document paragraphs coverage",
            Self::OpenSource => "reading article text document pdf locate",
            Self::QuoteAsClaim | Self::QuoteAsReason | Self::QuoteAsObjection => {
                "quote excerpt citation reading source"
            }
            Self::ToggleInspector => "properties details sidebar panel",
            Self::ToggleMinimap => "overview map corner",
            Self::Find => "search look for",
            Self::ShowEvaluation => "status holds fails judge evaluate",
            Self::ChecksPanel => "lint problems findings mistakes",
            Self::Present => "slides slideshow presentation show",
            Self::Shortcuts => "keys keyboard help mouse gestures",
            _ => "",
        }
    }
}

/// What the mouse does, for the list of shortcuts: the gesture, and what it
/// does. The modifiers are ones no desktop takes for itself (Alt, which
/// some window managers take for moving windows, works too where free).
pub const GESTURES: [(&str, &str); 13] = [
    (
        "Double-click the canvas",
        "A new claim there (on an empty map, its thesis)",
    ),
    ("Double-click a card", "Edit its text"),
    (
        "Click, Shift+click",
        "Select a claim or a link; add to or take from the selection",
    ),
    (
        "Shift+drag the background",
        "Select the claims inside a box",
    ),
    ("Drag a card", "Move it, with the rest of the selection"),
    (
        "Drag a card onto another",
        "It becomes a reason of that claim; with Shift, an objection",
    ),
    (
        "Drag a card's round handle onto a card",
        "Connect: a support; with Shift, an attack",
    ),
    (
        "Drag the handle onto a link",
        "Object to that inference (an undercut)",
    ),
    (
        "Ctrl+drag the handle onto a premise",
        "Join that premise's link as a co-premise",
    ),
    ("Drag the background, or the middle button", "Pan"),
    ("Ctrl+wheel, or pinch", "Zoom at the pointer"),
    ("Right-click a card, a link or the canvas", "Its menu"),
    ("Click a line of the outline", "Go to its claim"),
];
