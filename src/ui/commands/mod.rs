//! Commands, read from one table (`table.rs`): menus, buttons, shortcut
//! handling, the palette, the list of shortcuts, tooltips and hints all
//! take a command's label and keys from it, so they cannot disagree.
//!
//! Which command a key press gives is decided by a rule, not by the
//! table's order: only the commands of the scope being asked (the
//! presentation, the steps list, the editor) are tried, and among them a
//! shortcut with more modifiers first, since egui lets extra Shift and
//! Alt through (Ctrl+Shift+Z is also Ctrl+Z to it).

use egui::{KeyboardShortcut, Modifiers};

#[macro_use]
mod macros;
mod table;
mod text;

pub use table::UiCommand;
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
    /// In the flow view of a round, before the editor's keys.
    Flowing,
}

/// The groups of the list of shortcuts and of the palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// Maps and sources: open, save, import.
    File,
    /// Making and changing claims and links.
    Edit,
    /// Moving the selection and finding claims.
    MoveAround,
    /// The view: zoom, arranging, panels, text size.
    View,
    /// Assessing claims and seeing what stands.
    Evaluate,
    /// Starting a presentation.
    Present,
    /// Keys while presenting.
    WhilePresenting,
    /// Keys in the list of presentation steps.
    PresentationSteps,
    /// Keys in the flow view of a round.
    WhileFlowing,
    /// Help.
    Help,
}

impl Group {
    /// Every group, in the order the list of shortcuts shows them.
    pub const ALL: [Self; 10] = [
        Self::File,
        Self::Edit,
        Self::MoveAround,
        Self::View,
        Self::Evaluate,
        Self::Present,
        Self::WhilePresenting,
        Self::PresentationSteps,
        Self::WhileFlowing,
        Self::Help,
    ];

    /// The heading.
    pub fn name(self) -> &'static str {
        match self {
            Self::File => "File",
            Self::Edit => "Edit",
            Self::MoveAround => "Move around",
            Self::View => "View",
            Self::Evaluate => "Evaluate",
            Self::Present => "Present",
            Self::WhilePresenting => "While presenting",
            Self::PresentationSteps => "Presentation steps",
            Self::WhileFlowing => "While flowing a round",
            Self::Help => "Help",
        }
    }

    /// Where the keys of the group's commands work.
    pub fn scope(self) -> Scope {
        match self {
            Self::WhilePresenting => Scope::Presenting,
            Self::PresentationSteps => Scope::StepsList,
            Self::WhileFlowing => Scope::Flowing,
            Self::File
            | Self::Edit
            | Self::MoveAround
            | Self::View
            | Self::Evaluate
            | Self::Present
            | Self::Help => Scope::Editor,
        }
    }
}

/// A command's entry in the table.
#[derive(Debug)]
pub struct Spec {
    /// The variant's name, as tooltips refer to it (`{PresentEnd}`).
    pub name: &'static str,
    /// Where the list of shortcuts puts it (and so where its keys work).
    pub group: Group,
    /// The menu label (`…` where a dialog follows).
    pub label: &'static str,
    /// What the command does, for tooltips.
    pub tooltip: &'static str,
    /// The keyboard shortcuts, the first of which menus show.
    pub keys: &'static [KeyboardShortcut],
    /// Keys that are not a chord, in words ("a number, then Enter").
    pub key_words: Option<&'static str>,
    /// Other words people look for it by in the palette.
    pub also: &'static str,
    /// Its keys (Tab, Enter, Delete…) mean something else in a text
    /// field, so they act only while the canvas has the focus.
    pub canvas_key: bool,
    /// It still runs while the user types in a field (the edit is
    /// finished first).
    pub while_typing: bool,
}

impl Spec {
    /// What an entry leaves out: no keys, no other words, keys that work
    /// anywhere but in a text field.
    const DEFAULT: Self = Self {
        name: "",
        group: Group::Edit,
        label: "",
        tooltip: "",
        keys: &[],
        key_words: None,
        also: "",
        canvas_key: false,
        while_typing: false,
    };
}

impl UiCommand {
    /// The menu label (`…` where a dialog follows).
    pub fn label(self) -> &'static str {
        self.spec().label
    }

    /// What the command does, for tooltips, with the keys of the commands
    /// it names (`{Command}` in the table) filled in.
    pub fn tooltip(self, ctx: &egui::Context) -> String {
        hint(ctx, self.spec().tooltip)
    }

    /// Other words people look for the command by in the palette.
    pub fn also_known_as(self) -> &'static str {
        self.spec().also
    }

    /// Where the list of shortcuts puts the command.
    pub fn group(self) -> Group {
        self.spec().group
    }

    /// Where the command's keys work.
    pub fn scope(self) -> Scope {
        self.group().scope()
    }

    /// The keyboard shortcuts, the first of which menus show.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        self.spec().keys
    }

    /// Whether its keys act only while the canvas has the focus.
    pub fn is_canvas_key(self) -> bool {
        self.spec().canvas_key
    }

    /// Whether it runs while the user types in a field.
    pub fn works_while_typing(self) -> bool {
        self.spec().while_typing
    }

    /// True for Copy, Cut and Paste: the system sends them as their own
    /// events (with the clipboard's text for Paste), not as keys.
    pub fn is_clipboard(self) -> bool {
        matches!(self, Self::Copy | Self::Cut | Self::Paste)
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
        if let Some(words) = self.spec().key_words {
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

    /// The command whose variant is called `name`.
    pub fn named(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.spec().name == name)
    }
}

/// `text` with each `{Command}` replaced by that command's first key as
/// the platform writes it (or its keys in words): hints and tooltips name
/// keys through the table, never by hand.
pub fn hint(ctx: &egui::Context, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        match UiCommand::named(&after[..close]) {
            Some(command) => out.push_str(&match command.spec().key_words {
                Some(words) => words.to_owned(),
                None => command.shortcut_text(ctx),
            }),
            None => out.push_str(&rest[open..=open + close + 1]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// How many modifiers a shortcut holds: the more, the more specific.
fn modifier_count(modifiers: Modifiers) -> usize {
    [
        modifiers.alt,
        modifiers.shift,
        modifiers.ctrl || modifiers.command || modifiers.mac_cmd,
    ]
    .into_iter()
    .filter(|&held| held)
    .count()
}

/// The commands of `scope` whose shortcut was pressed this frame, their
/// key presses consumed; `allowed` leaves out a command's key that does
/// not apply now. Shortcuts with more modifiers are tried first (see the
/// module's notes), so the order of the table does not matter.
pub fn pressed(
    ctx: &egui::Context,
    scope: Scope,
    mut allowed: impl FnMut(UiCommand, &KeyboardShortcut) -> bool,
) -> Vec<UiCommand> {
    let mut candidates: Vec<(UiCommand, &KeyboardShortcut)> = UiCommand::ALL
        .iter()
        .copied()
        .filter(|c| c.scope() == scope && !c.is_clipboard())
        .flat_map(|c| c.shortcuts().iter().map(move |s| (c, s)))
        .filter(|&(c, s)| allowed(c, s))
        .collect();
    candidates.sort_by_key(|(_, shortcut)| std::cmp::Reverse(modifier_count(shortcut.modifiers)));
    let mut found = Vec::new();
    for (command, shortcut) in candidates {
        if ctx.input_mut(|i| i.consume_shortcut(shortcut)) && !found.contains(&command) {
            found.push(command);
        }
    }
    found
}

/// Drops the text a chord types as a side effect before any widget sees
/// it: on Linux, Alt+− sends the key and the text "-", and the text would
/// go into the selected claim or the text being edited. A chord is a key
/// pressed with Ctrl, ⌘ or Alt (Option on a Mac types letters, so it is
/// not one there). The modifiers are those of the key press just before
/// the text in this frame's events, not the frame's last state: a quick
/// chord has let go of Alt by the end of the frame.
pub fn drop_chord_text(ctx: &egui::Context) {
    let chord = |m: egui::Modifiers| m.ctrl || m.command || (m.alt && !cfg!(target_os = "macos"));
    ctx.input_mut(|i| {
        let mut after_chord = false;
        i.events.retain(|event| match event {
            egui::Event::Key {
                pressed: true,
                modifiers,
                ..
            } => {
                after_chord = chord(*modifiers);
                true
            }
            egui::Event::Text(_) => !after_chord,
            _ => true,
        });
    });
}

#[cfg(test)]
mod tests;
