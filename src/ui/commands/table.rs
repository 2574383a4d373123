//! The one list of commands: for each, in the order the list of
//! shortcuts (F1) tells them, its group, its words (menu label, tooltip,
//! the other words the palette finds it by) and its keys, with where those
//! keys work. The enum [`UiCommand`] and its [`Spec`]s are made from this
//! list alone, so a command cannot exist without its entry.
//!
//! A tooltip may name another command's keys as `{Command}` (`{PresentEnd}`
//! is "Esc"): [`super::UiCommand::tooltip`] fills them in from the
//! table.

use egui::{Key, KeyboardShortcut};

use super::macros::{ALT, CMD_SHIFT, COMMAND, NONE, SHIFT};
use super::{Group, Spec};

command_table! {
    /// Start a blank map.
    New {
        group: File,
        label: "New map",
        tooltip: "Start a blank map",
        keys: &[key!(COMMAND, N)],
        while_typing: true,
    },
    /// Open a map file.
    Open {
        group: File,
        label: "Open…",
        tooltip: "Open a map file (.ron)",
        keys: &[key!(COMMAND, O)],
        while_typing: true,
    },
    /// Open an Argdown or AIF file as a new map.
    Import {
        group: File,
        label: "Import…",
        tooltip: "Open an Argdown (.argdown), AIF (.json) or Kialo export (.txt) as a new map",
        keys: &[key!(COMMAND, I)],
        while_typing: true,
    },
    /// Choose the file of the source shown (or a new source).
    OpenSource {
        group: File,
        label: "Open source…",
        tooltip: "Choose the text file (.txt, .md) or PDF the map cites",
        also: "reading article text document pdf locate",
    },
    /// The sources' reference details, and references imported.
    Sources {
        group: File,
        label: "Sources…",
        tooltip: "Each source's reference details (authors, date, where it appeared, DOI…), and references imported from BibTeX or CSL-JSON",
        also: "references bibliography citation zotero bibtex csl authors",
    },
    /// Start a new round: format, motion, teams, speakers.
    NewRound {
        group: File,
        label: "New round…",
        tooltip: "Start a debate round to flow: its format, motion, teams and speakers",
        also: "debate flow policy lincoln douglas public forum world schools parliamentary",
    },
    /// Save to the map's file, or ask where.
    Save {
        group: File,
        label: "Save",
        tooltip: "Save the map to its file",
        keys: &[key!(COMMAND, S)],
        while_typing: true,
    },
    /// Save to a new file.
    SaveAs {
        group: File,
        label: "Save as…",
        tooltip: "Save the map to a new file",
        keys: &[key!(CMD_SHIFT, S)],
        while_typing: true,
    },
    /// Close the window.
    Quit {
        group: File,
        label: "Quit",
        tooltip: "Close Argmap",
        keys: &[key!(COMMAND, Q)],
        while_typing: true,
    },
    /// Add a reason supporting the selected claim.
    AddPremise {
        group: Edit,
        label: "Add reason",
        tooltip: "Add a reason that supports the selected claim",
        keys: &[key!(NONE, Tab)],
        also: "premise support because child below new claim",
        canvas_key: true,
    },
    /// Add an objection attacking the selected claim.
    AddObjection {
        group: Edit,
        label: "Add objection",
        tooltip: "Add an objection that attacks the selected claim",
        keys: &[key!(SHIFT, Tab)],
        also: "attack counter but rebut rebuttal counterpoint new claim",
        canvas_key: true,
    },
    /// Add a claim beside the selected one, answering the same claim the
    /// same way.
    AddSibling {
        group: Edit,
        label: "Add sibling",
        tooltip: "Add a claim beside the selected one that answers the same claim the same way",
        keys: &[key!(COMMAND, Enter)],
        also: "beside next another reason same parent",
        canvas_key: true,
    },
    /// Add a premise linked with the selected one (or to the selected link).
    AddCoPremise {
        group: Edit,
        label: "Add co-premise",
        tooltip: "Add a premise that holds only together with the selected one (linked premises, \
             \"and\"); with a link selected, add it to that link",
        keys: &[key!(CMD_SHIFT, Enter)],
        also: "co-premise copremise linked premises and together join link",
        canvas_key: true,
    },
    /// Add an objection to the step from the selected premise (or to the
    /// selected link): an undercut.
    ObjectToInference {
        group: Edit,
        label: "Object to the inference",
        tooltip: "Add an undercut: a claim that the selected premise, even if true, does not \
             support what it answers; with a link selected, object to that link",
        keys: &[key!(CMD_SHIFT, Tab)],
        also: "undercut undercutter inference link arrow does not follow attack the link",
        canvas_key: true,
    },
    /// Turn the selected link from a support into an attack, or back.
    FlipLink {
        group: Edit,
        label: "Flip support and attack",
        tooltip: "Make the selected link an attack if it supports, a support if it attacks",
        also: "reverse invert change kind support attack link arrow",
    },
    /// Give each premise of the selected linked link a link of its own.
    SplitLink {
        group: Edit,
        label: "Split linked premises",
        tooltip: "Give each premise of the selected link its own link: reasons that stand \
             alone instead of only together",
        also: "unlink separate convergent co-premise link",
    },
    /// A new claim from the words selected in the source.
    QuoteAsClaim {
        group: Edit,
        label: "New claim from selection",
        tooltip: "A new claim starting with the words selected in the source, citing them",
        keys: &[key!(ALT, Q)],
        also: "quote excerpt citation reading source",
    },
    /// A new claim from the selected words, as a reason of the selected
    /// claim.
    QuoteAsReason {
        group: Edit,
        label: "Selection as a reason of the selected claim",
        tooltip: "A new claim from the words selected in the source, as a reason of the selected \
             claim",
        also: "quote excerpt citation reading source",
    },
    /// A new claim from the selected words, as an objection to the
    /// selected claim.
    QuoteAsObjection {
        group: Edit,
        label: "Selection as an objection to the selected claim",
        tooltip: "A new claim from the words selected in the source, as an objection to the \
             selected claim",
        also: "quote excerpt citation reading source",
    },
    /// Edit the selected claim's text in place.
    EditText {
        group: Edit,
        label: "Edit text",
        tooltip: "Edit the selected claim's text (Shift+Enter for a new line)",
        keys: &[key!(NONE, Enter), key!(NONE, F2)],
        also: "rename type write change text",
        canvas_key: true,
    },
    /// Edit the selected claim's title on its card.
    EditTitle {
        group: Edit,
        label: "Edit title",
        tooltip: "Edit the selected claim's title on its card: a few words in bold over its \
             text, and all the card shows when the map is zoomed out (empty: its first \
             words)",
        keys: &[key!(SHIFT, F2)],
        also: "name heading short label bold title",
        canvas_key: true,
    },
    /// Mark the selected claim as the thesis.
    SetThesis {
        group: Edit,
        label: "Set as thesis",
        tooltip: "Make the selected claim the thesis of the map",
        also: "main claim conclusion motion",
    },
    /// Make the map have no thesis.
    ClearThesis {
        group: Edit,
        label: "Unset thesis",
        tooltip: "The map has no thesis until another claim is made one",
        also: "remove thesis main claim",
    },
    /// Delete the selected claims or link.
    Delete {
        group: Edit,
        label: "Delete",
        tooltip: "Delete the selection, and the links that cannot stand without it",
        keys: &[key!(NONE, Delete), key!(NONE, Backspace)],
        also: "remove erase",
        canvas_key: true,
    },
    /// Undo the last change.
    Undo {
        group: Edit,
        label: "Undo",
        tooltip: "Undo the last change to the map",
        keys: &[key!(COMMAND, Z)],
    },
    /// Redo the last undone change.
    Redo {
        group: Edit,
        label: "Redo",
        tooltip: "Redo the last undone change",
        keys: &[key!(CMD_SHIFT, Z), key!(COMMAND, Y)],
    },
    /// Copy the selected claims (and an outline of them as text).
    Copy {
        group: Edit,
        label: "Copy",
        tooltip: "Copy the selected claims with the links among them, and an outline of them as \
             text",
        keys: &[key!(COMMAND, C)],
    },
    /// Copy the selected claims, then delete them.
    Cut {
        group: Edit,
        label: "Cut",
        tooltip: "Copy the selected claims, then remove them",
        keys: &[key!(COMMAND, X)],
    },
    /// Paste copied claims, or an outline copied from elsewhere.
    Paste {
        group: Edit,
        label: "Paste",
        tooltip: "Paste copied claims near the pointer (onto the selected claim, they answer \
             it); text with several lines becomes one claim per line",
        keys: &[key!(COMMAND, V)],
    },
    /// Copy the selected claims beside themselves.
    Duplicate {
        group: Edit,
        label: "Duplicate",
        tooltip: "Copy the selected claims beside themselves",
        keys: &[key!(COMMAND, D)],
        canvas_key: true,
    },
    /// Select every claim.
    SelectAll {
        group: Edit,
        label: "Select all",
        tooltip: "Select every claim",
        keys: &[key!(COMMAND, A)],
        canvas_key: true,
    },
    /// Clear the selection, or stop editing.
    Deselect {
        group: Edit,
        label: "Clear selection",
        tooltip: "Clear the selection",
        keys: &[key!(NONE, Escape)],
        canvas_key: true,
    },
    /// Pin the selected claims in place, or unpin them.
    TogglePin {
        group: Edit,
        label: "Pin in place",
        tooltip: "Keep the selected claims where they are when the map is arranged",
        keys: &[key!(ALT, P)],
        also: "pin lock fix position keep",
        canvas_key: true,
    },
    /// Select what the selected claim answers.
    GoUp {
        group: MoveAround,
        label: "Go to what it answers",
        tooltip: "Select the claim the selected claim supports or attacks",
        keys: &[key!(NONE, ArrowUp)],
        also: "parent above up conclusion",
        canvas_key: true,
    },
    /// Select the selected claim's first answer.
    GoDown {
        group: MoveAround,
        label: "Go to its first answer",
        tooltip: "Select the selected claim's first reason, objection or undercutter",
        keys: &[key!(NONE, ArrowDown)],
        also: "under child below first answer",
        canvas_key: true,
    },
    /// Select the previous sibling.
    GoLeft {
        group: MoveAround,
        label: "Go to previous sibling",
        tooltip: "Select the sibling to the left",
        keys: &[key!(NONE, ArrowLeft)],
        also: "sibling next previous",
        canvas_key: true,
    },
    /// Select the next sibling.
    GoRight {
        group: MoveAround,
        label: "Go to next sibling",
        tooltip: "Select the sibling to the right",
        keys: &[key!(NONE, ArrowRight)],
        also: "sibling next previous",
        canvas_key: true,
    },
    /// Select the link the selected claim is a premise of.
    SelectLink {
        group: MoveAround,
        label: "Select its link",
        tooltip: "Select the link from the selected claim to what it answers; then {GoUp} \
             {GoDown} {GoLeft} {GoRight} walk links, {AddPremise} adds a co-premise and \
             {AddObjection} objects to it",
        keys: &[key!(COMMAND, L)],
        also: "link arrow edge connection inference",
        canvas_key: true,
    },
    /// Move the selected claim one place left among its siblings.
    MoveEarlier {
        group: MoveAround,
        label: "Move left among siblings",
        tooltip: "Swap the selected claim with its left sibling",
        keys: &[key!(ALT, ArrowUp)],
        canvas_key: true,
    },
    /// Move the selected claim one place right among its siblings.
    MoveLater {
        group: MoveAround,
        label: "Move right among siblings",
        tooltip: "Swap the selected claim with its right sibling",
        keys: &[key!(ALT, ArrowDown)],
        canvas_key: true,
    },
    /// Find claims by their text.
    Find {
        group: MoveAround,
        label: "Find…",
        tooltip: "Highlight every claim whose text or note holds the words; Enter and \
             Shift+Enter step through them",
        keys: &[key!(COMMAND, F)],
        also: "search look for",
        while_typing: true,
    },
    /// Show only the selected claim and what answers it.
    Focus {
        group: MoveAround,
        label: "Focus on claim",
        tooltip: "Show only the selected claim, what it rests on and what attacks it",
        keys: &[key!(CMD_SHIFT, F)],
        also: "isolate subtree zoom into",
    },
    /// Leave focus mode, one level at a time.
    FocusOut {
        group: MoveAround,
        label: "Leave focus",
        tooltip: "Step back out of focus mode, to what the focused claim answers",
        keys: &[key!(NONE, Backspace)],
        canvas_key: true,
    },
    /// Fit the whole map in the window.
    FitView {
        group: View,
        label: "Fit map to window",
        tooltip: "Show the whole map",
        keys: &[key!(NONE, Home)],
        also: "whole map everything overview zoom to fit home",
        canvas_key: true,
    },
    /// Zoom in, around the middle of the canvas.
    ZoomIn {
        group: View,
        label: "Zoom in",
        tooltip: "Zoom in",
        keys: &[key!(ALT, Equals), key!(ALT, Plus)],
        also: "magnify closer bigger",
        canvas_key: true,
    },
    /// Zoom out.
    ZoomOut {
        group: View,
        label: "Zoom out",
        tooltip: "Zoom out",
        keys: &[key!(ALT, Minus)],
        also: "farther smaller",
        canvas_key: true,
    },
    /// Lay the whole map out as a tidy tree.
    Arrange {
        group: View,
        label: "Arrange map",
        tooltip: "Lay the map out as a tidy tree, thesis on top; pinned claims stay",
        keys: &[key!(CMD_SHIFT, L)],
        also: "layout tidy auto-layout tree",
    },
    /// Lay out the subtree below the selected claim.
    ArrangeSelection {
        group: View,
        label: "Arrange selection",
        tooltip: "Lay out the claims below the selected claim; everything else stays",
        also: "layout tidy auto-layout tree",
    },
    /// Arrange the map top-down, thesis on top (and keep it so).
    ArrangeDown {
        group: View,
        label: "Arrange top-down",
        tooltip: "Lay the map out as a tree with the thesis on top, and keep it that way",
        also: "layout direction horizontal vertical sideways rotate tree",
    },
    /// Arrange the map left to right, thesis on the left (and keep it so).
    ArrangeRight {
        group: View,
        label: "Arrange left to right",
        tooltip: "Lay the map out as a tree with the thesis on the left and its answers to the \
             right, and keep it that way",
        also: "layout direction horizontal vertical sideways rotate tree",
    },
    /// Arrange the map compact: answers without answers stacked (and keep it so).
    ArrangeCompact {
        group: View,
        label: "Arrange compact",
        tooltip: "Lay the map out with answers that have no answers of their own stacked in a \
             column under their claim, so the whole map fits a screen (the default)",
        also: "layout org chart stack column dense spread tidy tree overview fit screen",
    },
    /// Arrange the map wide: every answer side by side (and keep it so).
    ArrangeWide {
        group: View,
        label: "Arrange wide",
        tooltip: "Lay the map out with every answer side by side in the row below its claim",
        also: "layout org chart stack column dense spread tidy tree overview fit screen",
    },
    /// Fold the selected claims' subtrees, or unfold them.
    ToggleFold {
        group: View,
        label: "Fold or unfold",
        tooltip: "Hide the claims below the selected ones behind a badge, or show them again",
        keys: &[key!(COMMAND, Period)],
        also: "collapse expand hide show subtree",
        canvas_key: true,
    },
    /// Unfold every folded claim.
    UnfoldAll {
        group: View,
        label: "Unfold all",
        tooltip: "Show every folded subtree again",
        keys: &[key!(CMD_SHIFT, Period)],
        also: "collapse expand hide show subtree",
    },
    /// Show or hide the inspector panel.
    ToggleInspector {
        group: View,
        label: "Inspector",
        tooltip: "Show or hide the panel on the right that edits the selection",
        keys: &[key!(CMD_SHIFT, I)],
        also: "properties details sidebar panel",
    },
    /// Show or hide the outline panel.
    ToggleOutline {
        group: View,
        label: "Outline",
        tooltip: "Show the map as an indented because / but outline beside the canvas; click a \
             line to go to its claim",
        keys: &[key!(CMD_SHIFT, O)],
        also: "tree list indent text outline",
    },
    /// Show or hide the source panel (the text the map cites).
    ToggleSource {
        group: View,
        label: "Source",
        tooltip: "Show the text the map cites beside the canvas, its paragraphs numbered, with \
             what is mapped and what is not",
        keys: &[key!(NONE, F6)],
        also: "reading article text document paragraphs coverage",
    },
    /// Show a round as debaters flow it.
    ToggleFlow {
        group: View,
        label: "Flow",
        tooltip: "Show the round as debaters flow it: a column per speech, each argument \
             beside what it answers ({FlowAdd} adds an argument in the current speech, \
             {FlowAnswer} answers the selected one)",
        keys: &[key!(NONE, F8)],
        also: "round debate speeches columns sheet drops dropped",
    },
    /// One flow sheet per side's case, or one sheet.
    FlowSheets {
        group: View,
        label: "Flow sheets by side",
        tooltip: "A flow sheet for each side's case, as on paper, or the whole round on one",
        also: "paper case off-case",
    },
    /// Show or hide the minimap.
    ToggleMinimap {
        group: View,
        label: "Minimap",
        tooltip: "Show the whole map in a corner; click it to move there",
        keys: &[key!(ALT, M)],
        also: "overview map corner",
        canvas_key: true,
    },
    /// Switch the high-contrast palette on or off.
    ToggleContrast {
        group: View,
        label: "High contrast",
        tooltip: "Stronger borders and plain backgrounds, for low vision and projectors",
    },
    /// Make all text (menus, panels and the map's cards) larger.
    TextLarger {
        group: View,
        label: "Larger text",
        tooltip: "Scale menus, panels and card text up",
        keys: &[key!(COMMAND, Plus), key!(COMMAND, Equals)],
    },
    /// Make all text smaller.
    TextSmaller {
        group: View,
        label: "Smaller text",
        tooltip: "Scale menus, panels and card text down",
        keys: &[key!(COMMAND, Minus)],
    },
    /// Text at its normal size.
    TextReset {
        group: View,
        label: "Normal text size",
        tooltip: "Back to the normal text size",
        keys: &[key!(COMMAND, Num0)],
    },
    /// Show on every card whether it holds, fails or is open.
    ShowEvaluation {
        group: Evaluate,
        label: "Show evaluation",
        tooltip: "Show on every card whether it holds, fails or is open, and fade links that \
             fail",
        keys: &[key!(COMMAND, E)],
        also: "status holds fails judge evaluate",
    },
    /// Accept the selected claims: they hold whatever answers them.
    Accept {
        group: Evaluate,
        label: "Accept",
        tooltip: "Take the selected claims as true: they hold whatever answers them",
        keys: &[key!(CMD_SHIFT, A)],
        canvas_key: true,
    },
    /// Reject the selected claims: they fail whatever supports them.
    Reject {
        group: Evaluate,
        label: "Reject",
        tooltip: "Take the selected claims as false: they fail whatever supports them",
        keys: &[key!(CMD_SHIFT, R)],
        canvas_key: true,
    },
    /// Leave the selected claims unassessed again.
    ClearAssessment {
        group: Evaluate,
        label: "Clear assessment",
        tooltip: "Leave the selected claims unassessed: the map's arguments decide them",
        keys: &[key!(CMD_SHIFT, U)],
        canvas_key: true,
    },
    /// Weigh the selected link (or the selected claims' own links)
    /// weak.
    WeighWeak {
        group: Evaluate,
        label: "Weigh weak (0.2)",
        tooltip: "Weigh the selected link, or the link of each selected claim, weak \
             (0.2): a slight reason or objection: it decides a clash only against weaker ones",
        keys: &[key!(ALT, Num1)],
        also: "weight weigh strength how much counts clash weak",
        canvas_key: true,
    },
    /// Weigh the selected link (or the selected claims' own links)
    /// modest.
    WeighModest {
        group: Evaluate,
        label: "Weigh modest (0.4)",
        tooltip: "Weigh the selected link, or the link of each selected claim, modest \
             (0.4): it counts, but a moderate one outweighs it",
        keys: &[key!(ALT, Num2)],
        also: "weight weigh strength how much counts clash modest",
        canvas_key: true,
    },
    /// Weigh the selected link (or the selected claims' own links)
    /// moderate.
    WeighModerate {
        group: Evaluate,
        label: "Weigh moderate (0.6)",
        tooltip: "Weigh the selected link, or the link of each selected claim, moderate \
             (0.6): a fair reason or objection, halfway up the scale",
        keys: &[key!(ALT, Num3)],
        also: "weight weigh strength how much counts clash moderate",
        canvas_key: true,
    },
    /// Weigh the selected link (or the selected claims' own links)
    /// strong.
    WeighStrong {
        group: Evaluate,
        label: "Weigh strong (0.8)",
        tooltip: "Weigh the selected link, or the link of each selected claim, strong \
             (0.8): it outweighs most of what answers it",
        keys: &[key!(ALT, Num4)],
        also: "weight weigh strength how much counts clash strong",
        canvas_key: true,
    },
    /// Weigh the selected link (or the selected claims' own links)
    /// decisive.
    WeighDecisive {
        group: Evaluate,
        label: "Weigh decisive (1.0)",
        tooltip: "Weigh the selected link, or the link of each selected claim, decisive \
             (1.0): full weight, as every link has until weighed; only another decisive one ties it",
        keys: &[key!(ALT, Num5)],
        also: "weight weigh strength how much counts clash decisive",
        canvas_key: true,
    },
    /// Judge the selected claims by the standard preponderance.
    StandardPreponderance {
        group: Evaluate,
        label: "Standard: preponderance",
        tooltip: "Judge the selected claims by the preponderance of reasons: a claim holds when its \
             reasons outweigh its objections, by any margin (the usual standard)",
        also: "proof standard burden preponderance threshold",
    },
    /// Judge the selected claims by the standard clear and convincing.
    StandardClearAndConvincing {
        group: Evaluate,
        label: "Standard: clear and convincing",
        tooltip: "Ask clear and convincing reasons of the selected claims: a claim holds only when its \
             reasons outweigh its objections by more than 0.5",
        also: "proof standard burden clear and convincing threshold",
    },
    /// Judge the selected claims by the standard beyond reasonable doubt.
    StandardBeyondReasonableDoubt {
        group: Evaluate,
        label: "Standard: beyond reasonable doubt",
        tooltip: "Ask proof beyond reasonable doubt of the selected claims: a claim holds only when its \
             reasons outweigh its objections by more than 0.5 and no objection weighs 0.3 or more",
        also: "proof standard burden beyond reasonable doubt threshold",
    },
    /// Show or hide the panel of map checks.
    ChecksPanel {
        group: Evaluate,
        label: "Map checks",
        tooltip: "List what a coach would mark on the map: orphans, unanswered objections, two \
             claims in one card…",
        keys: &[key!(NONE, F7)],
        also: "lint problems findings mistakes",
    },
    /// Present the map step by step, full screen.
    Present {
        group: Present,
        label: "Start presenting",
        tooltip: "Walk an audience through the map step by step, full screen ({PresentEnd} ends)",
        keys: &[key!(NONE, F5)],
        also: "slides slideshow presentation show",
    },
    /// Show or hide the panel of presentation steps.
    StepsPanel {
        group: Present,
        label: "Presentation steps",
        tooltip: "Choose the order of the presentation: reorder, group and skip claims",
        keys: &[key!(CMD_SHIFT, P)],
    },
    /// Presenting: the next step.
    PresentNext {
        group: WhilePresenting,
        label: "Next step",
        tooltip: "Reveal the next step",
        keys: &[
            key!(NONE, ArrowRight),
            key!(NONE, Space),
            key!(NONE, PageDown),
            key!(NONE, Enter),
            key!(NONE, ArrowDown),
        ],
    },
    /// Presenting: the step before.
    PresentPrevious {
        group: WhilePresenting,
        label: "Previous step",
        tooltip: "Go back one step",
        keys: &[
            key!(NONE, ArrowLeft),
            key!(NONE, PageUp),
            key!(NONE, Backspace),
            key!(NONE, ArrowUp),
        ],
    },
    /// Presenting: the first step.
    PresentFirst {
        group: WhilePresenting,
        label: "First step",
        tooltip: "Back to the first step",
        keys: &[key!(NONE, Home)],
    },
    /// Presenting: the last step.
    PresentLast {
        group: WhilePresenting,
        label: "Last step",
        tooltip: "Jump to the last step",
        keys: &[key!(NONE, End)],
    },
    /// Presenting: a step by its number (typed, then Enter).
    PresentGoTo {
        group: WhilePresenting,
        label: "Go to step…",
        tooltip: "Type the number of a step, then press Enter to go there",
        key_words: Some("a number, then Enter"),
    },
    /// Presenting: the whole map, and back.
    PresentOverview {
        group: WhilePresenting,
        label: "Whole map",
        tooltip: "Show the whole map, and back to the step",
        keys: &[key!(NONE, O)],
    },
    /// Presenting: speaker notes on this screen instead of their window.
    PresentNotesHere {
        group: WhilePresenting,
        label: "Notes on this screen",
        tooltip: "Show the speaker notes on this screen (one display) instead of in their window",
        keys: &[key!(NONE, N)],
    },
    /// Presenting: the step's quoted words on the slide.
    PresentQuotes {
        group: WhilePresenting,
        label: "Quotes on the slide",
        tooltip: "Show or hide the words the step quotes from its source, with their citation, at the foot of the slide (the speaker notes always have them)",
        keys: &[key!(NONE, Q)],
    },
    /// Presenting: the "7 / 31" marker on or off.
    PresentProgress {
        group: WhilePresenting,
        label: "Progress marker",
        tooltip: "Show or hide the quiet \"7 / 31\" marker",
        keys: &[key!(NONE, P)],
    },
    /// Presenting: the presenter window on or off.
    PresentWindow {
        group: WhilePresenting,
        label: "Presenter window",
        tooltip: "Show or hide the presenter window: step, notes, next step and a timer",
        keys: &[key!(NONE, W)],
    },
    /// Presenting: end, and put the editor back as it was.
    PresentEnd {
        group: WhilePresenting,
        label: "End the presentation",
        tooltip: "End the presentation: camera, selection and panels as they were",
        keys: &[key!(NONE, Escape)],
    },
    /// Steps list: select the step above.
    StepSelectPrevious {
        group: PresentationSteps,
        label: "Select the step above",
        tooltip: "Select the step above",
        keys: &[key!(NONE, ArrowUp)],
    },
    /// Steps list: select the step below.
    StepSelectNext {
        group: PresentationSteps,
        label: "Select the step below",
        tooltip: "Select the step below",
        keys: &[key!(NONE, ArrowDown)],
    },
    /// Steps list: move the selected step one place earlier.
    StepEarlier {
        group: PresentationSteps,
        label: "Earlier",
        tooltip: "Move the step one place up",
        keys: &[key!(ALT, ArrowUp)],
    },
    /// Steps list: move the selected step to the start (an orientation
    /// note before the thesis, say).
    StepFirst {
        group: PresentationSteps,
        label: "First",
        tooltip: "Move the step to the start: a note that orients the audience can open",
        keys: &[key!(ALT, Home)],
    },
    /// Steps list: move the selected step one place later.
    StepLater {
        group: PresentationSteps,
        label: "Later",
        tooltip: "Move the step one place down",
        keys: &[key!(ALT, ArrowDown)],
    },
    /// Steps list: reveal the selected step and the next together.
    StepJoinNext {
        group: PresentationSteps,
        label: "Join with next",
        tooltip: "Reveal this step and the next together",
    },
    /// Steps list: one step for each claim of the selected step.
    StepSplit {
        group: PresentationSteps,
        label: "Split",
        tooltip: "One step for each claim of this step",
    },
    /// Steps list: leave the selected step out of the presentation.
    StepSkip {
        group: PresentationSteps,
        label: "Skip",
        tooltip: "Leave this step's claims out of the presentation",
        keys: &[key!(NONE, Delete)],
    },
    /// Flowing: an argument in the current speech.
    FlowAdd {
        group: WhileFlowing,
        label: "Add argument",
        tooltip: "Add an argument in the current speech; type it at once",
        keys: &[key!(NONE, Enter)],
        canvas_key: true,
    },
    /// Flowing: answer the selected argument in the current speech.
    FlowAnswer {
        group: WhileFlowing,
        label: "Answer",
        tooltip: "Answer the selected argument in the current speech: from the other side it \
             attacks, from the same side it extends",
        keys: &[key!(NONE, Tab)],
        canvas_key: true,
    },
    /// Flowing: the next speech becomes the current one.
    NextSpeech {
        group: WhileFlowing,
        label: "Next speech",
        tooltip: "Flow the next speech",
        keys: &[key!(COMMAND, ArrowRight)],
    },
    /// Flowing: the speech before becomes the current one.
    PreviousSpeech {
        group: WhileFlowing,
        label: "Previous speech",
        tooltip: "Flow the speech before",
        keys: &[key!(COMMAND, ArrowLeft)],
    },
    /// Flowing: start or stop the speech timer.
    SpeechTimer {
        group: WhileFlowing,
        label: "Speech timer",
        tooltip: "Start or stop the current speech's clock (it counts down from the \
             format's time)",
        keys: &[key!(COMMAND, T)],
        while_typing: true,
    },
    /// Flowing: start or stop the first side's prep clock.
    PrepFirst {
        group: WhileFlowing,
        label: "First side's prep",
        tooltip: "Start or stop the prep clock of the side that opens",
        keys: &[key!(COMMAND, Num1)],
        while_typing: true,
    },
    /// Flowing: start or stop the second side's prep clock.
    PrepSecond {
        group: WhileFlowing,
        label: "Second side's prep",
        tooltip: "Start or stop the other side's prep clock",
        keys: &[key!(COMMAND, Num2)],
        while_typing: true,
    },
    /// Find and run any command by name.
    Palette {
        group: Help,
        label: "Command palette…",
        tooltip: "Find any command by name and run it",
        keys: &[key!(COMMAND, K)],
        while_typing: true,
    },
    /// Show every command and its keys.
    Shortcuts {
        group: Help,
        label: "Keyboard shortcuts",
        tooltip: "List every command with its keys",
        keys: &[key!(NONE, F1)],
        also: "keys keyboard help mouse gestures",
        while_typing: true,
    },
}
