use egui::{Event, Key, KeyboardShortcut, RawInput};

use super::*;

/// What `pressed` gives for one press of `shortcut` in `scope`, with
/// Backspace leaving focus mode (as while a claim is focused).
fn press(shortcut: KeyboardShortcut, scope: Scope) -> Vec<UiCommand> {
    press_with(shortcut, scope, true)
}

/// [`press`], in focus mode or not: the app's rule for Backspace.
fn press_with(shortcut: KeyboardShortcut, scope: Scope, focused: bool) -> Vec<UiCommand> {
    let ctx = egui::Context::default();
    let mut raw = RawInput::default();
    raw.events.push(Event::ModifiersChanged(shortcut.modifiers));
    raw.events.push(Event::Key {
        key: shortcut.logical_key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: shortcut.modifiers,
    });
    let mut found = Vec::new();
    let mut output = ctx.run_ui(raw, |ui| {
        found = pressed(ui.ctx(), scope, |command, key| match command {
            UiCommand::FocusOut => focused,
            UiCommand::Delete if key.logical_key == Key::Backspace => !focused,
            _ => true,
        });
    });
    // No renderer here to take the font atlas.
    output.textures_delta.clear();
    found
}

#[test]
fn every_shortcut_gives_its_own_command_and_no_other() {
    let mut checked = 0;
    for &command in UiCommand::ALL {
        if command.is_clipboard() {
            continue;
        }
        for &shortcut in command.shortcuts() {
            // Backspace deletes only outside focus mode (checked below).
            if command == UiCommand::Delete && shortcut.logical_key == Key::Backspace {
                continue;
            }
            assert_eq!(
                press(shortcut, command.scope()),
                [command],
                "{shortcut:?} in {:?}",
                command.scope()
            );
            checked += 1;
        }
    }
    assert!(checked >= 78, "{checked} shortcuts");
    let backspace = KeyboardShortcut::new(Modifiers::NONE, Key::Backspace);
    assert_eq!(
        press_with(backspace, Scope::Editor, false),
        [UiCommand::Delete]
    );
    assert_eq!(
        press_with(backspace, Scope::Editor, true),
        [UiCommand::FocusOut]
    );
}

#[test]
fn more_modifiers_win_whatever_the_order_of_the_table() {
    let ctrl_shift = Modifiers::COMMAND | Modifiers::SHIFT;
    let chord = |modifiers, key| KeyboardShortcut::new(modifiers, key);
    assert_eq!(
        press(chord(ctrl_shift, Key::Z), Scope::Editor),
        [UiCommand::Redo]
    );
    assert_eq!(
        press(chord(Modifiers::COMMAND, Key::Z), Scope::Editor),
        [UiCommand::Undo]
    );
    assert_eq!(
        press(chord(ctrl_shift, Key::Tab), Scope::Editor),
        [UiCommand::ObjectToInference]
    );
    assert_eq!(
        press(chord(Modifiers::ALT, Key::ArrowUp), Scope::StepsList),
        [UiCommand::StepEarlier]
    );
    // In the table Save comes before Save as, Undo before Redo.
    let position = |c| UiCommand::ALL.iter().position(|&x| x == c);
    assert!(position(UiCommand::Save) < position(UiCommand::SaveAs));
    assert!(position(UiCommand::Undo) < position(UiCommand::Redo));
    assert_eq!(modifier_count(ctrl_shift), 2);
}

#[test]
fn every_command_has_words_and_no_key_is_bound_twice_in_a_scope() {
    let mut names = Vec::new();
    for &command in UiCommand::ALL {
        let spec = command.spec();
        assert!(
            !spec.label.is_empty() && !spec.tooltip.is_empty(),
            "{command:?}"
        );
        assert_eq!(spec.name, format!("{command:?}"));
        assert!(!names.contains(&spec.name), "{command:?} twice");
        names.push(spec.name);
        assert_eq!(UiCommand::named(spec.name), Some(command));
    }
    // Backspace deletes, and leaves focus mode while there is one: the
    // app tells the two apart (see `shortcut_actions`).
    for scope in [Scope::Editor, Scope::Presenting, Scope::StepsList] {
        let shortcuts: Vec<KeyboardShortcut> = UiCommand::ALL
            .iter()
            .filter(|&&c| c.scope() == scope)
            .flat_map(|&c| {
                c.shortcuts()
                    .iter()
                    .copied()
                    .filter(move |s| !(c == UiCommand::Delete && s.logical_key == Key::Backspace))
            })
            .collect();
        for (i, a) in shortcuts.iter().enumerate() {
            assert!(!shortcuts[i + 1..].contains(a), "{a:?} is bound twice");
        }
    }
}

#[test]
fn the_table_lists_each_group_in_one_run_in_the_order_shown() {
    let groups: Vec<usize> = UiCommand::ALL
        .iter()
        .map(|c| {
            Group::ALL
                .iter()
                .position(|&g| g == c.group())
                .unwrap_or(usize::MAX)
        })
        .collect();
    assert!(groups.is_sorted(), "groups in order, each in one run");
    for group in Group::ALL {
        assert!(
            UiCommand::ALL.iter().any(|c| c.group() == group),
            "{group:?}"
        );
    }
}

#[test]
fn hints_name_keys_through_the_table() {
    let ctx = egui::Context::default();
    assert_eq!(
        UiCommand::Present.tooltip(&ctx),
        "Walk an audience through the map step by step, full screen (Escape ends)"
    );
    assert_eq!(
        hint(&ctx, "press {Paste}, or {NoSuchCommand}"),
        "press Ctrl+V, or {NoSuchCommand}"
    );
    assert_eq!(hint(&ctx, "{PresentGoTo}"), "a number, then Enter");
    // Every name a tooltip uses is a command.
    for &command in UiCommand::ALL {
        let mut rest = command.spec().tooltip;
        while let Some(open) = rest.find('{') {
            let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
            let name = &rest[open + 1..close];
            assert!(
                UiCommand::named(name).is_some(),
                "{command:?} names {{{name}}}"
            );
            rest = &rest[close..];
        }
    }
}
