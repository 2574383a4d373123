//! No chord types into a claim. Every Alt, Ctrl and Alt+Shift chord on the
//! printable keys, and every shortcut of the command table, is sent as a
//! real window sends it on Linux — the key press with its modifiers *and*
//! the text the key types, then the modifiers let go, all in one frame —
//! with a claim selected and with none. A chord bound to a command may do
//! what that command does; no chord may put its letter into a claim, open
//! one for editing with it, or, unbound, change the map at all.

use crate::harness::*;
use argmap::edit::Document;
use argmap::model::Map;
use argmap::ui::commands::{Scope, UiCommand};
use egui::{Event, Key, Modifiers};

/// The printable keys of a US keyboard: the key, its letter, and its
/// letter with Shift.
const PRINTABLE: &[(Key, char, char)] = &[
    (Key::A, 'a', 'A'),
    (Key::B, 'b', 'B'),
    (Key::C, 'c', 'C'),
    (Key::D, 'd', 'D'),
    (Key::E, 'e', 'E'),
    (Key::F, 'f', 'F'),
    (Key::G, 'g', 'G'),
    (Key::H, 'h', 'H'),
    (Key::I, 'i', 'I'),
    (Key::J, 'j', 'J'),
    (Key::K, 'k', 'K'),
    (Key::L, 'l', 'L'),
    (Key::M, 'm', 'M'),
    (Key::N, 'n', 'N'),
    (Key::O, 'o', 'O'),
    (Key::P, 'p', 'P'),
    (Key::Q, 'q', 'Q'),
    (Key::R, 'r', 'R'),
    (Key::S, 's', 'S'),
    (Key::T, 't', 'T'),
    (Key::U, 'u', 'U'),
    (Key::V, 'v', 'V'),
    (Key::W, 'w', 'W'),
    (Key::X, 'x', 'X'),
    (Key::Y, 'y', 'Y'),
    (Key::Z, 'z', 'Z'),
    (Key::Num0, '0', ')'),
    (Key::Num1, '1', '!'),
    (Key::Num2, '2', '@'),
    (Key::Num3, '3', '#'),
    (Key::Num4, '4', '$'),
    (Key::Num5, '5', '%'),
    (Key::Num6, '6', '^'),
    (Key::Num7, '7', '&'),
    (Key::Num8, '8', '*'),
    (Key::Num9, '9', '('),
    (Key::Minus, '-', '_'),
    (Key::Equals, '=', '+'),
    (Key::Plus, '+', '+'),
    (Key::Comma, ',', '<'),
    (Key::Period, '.', '>'),
    (Key::Slash, '/', '?'),
    (Key::Semicolon, ';', ':'),
    (Key::Quote, '\'', '"'),
    (Key::Backtick, '`', '~'),
    (Key::OpenBracket, '[', '{'),
    (Key::CloseBracket, ']', '}'),
    (Key::Backslash, '\\', '|'),
    (Key::Space, ' ', ' '),
];

/// The letter `key` types with `modifiers`, if it types one.
fn letter_of(key: Key, modifiers: Modifiers) -> Option<char> {
    PRINTABLE
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|&(_, plain, shifted)| if modifiers.shift { shifted } else { plain })
}

/// The command of the editor's table bound to `modifiers` + `key`, if any.
fn bound(modifiers: Modifiers, key: Key) -> Option<UiCommand> {
    UiCommand::ALL.iter().copied().find(|command| {
        command.scope() == Scope::Editor
            && command.shortcuts().iter().any(|shortcut| {
                shortcut.logical_key == key && modifiers.matches_logically(shortcut.modifiers)
            })
    })
}

/// The small map, built once by keyboard; each case starts from a copy.
fn small_map() -> Map {
    let mut harness = Editor::new().blank().build();
    build_small_map(&mut harness);
    map(&harness).clone()
}

fn editor_on(
    map: &Map,
    select_thesis: bool,
) -> egui_kittest::Harness<'static, argmap::ui::ArgmapApp> {
    let mut harness = Editor::new()
        .document(Document::untitled(map.clone(), false))
        .build();
    if select_thesis {
        let thesis = map.thesis.expect("the small map has a thesis");
        harness.state_mut().view.selection.claims.insert(thesis);
    }
    harness.run();
    harness
}

/// Sends the chord as winit does on Linux when it is pressed quickly: in
/// one frame, the modifiers, the key press with them, the letter it
/// types, the release and the modifiers let go — so by the end of the
/// frame no modifier is held.
fn chord(
    harness: &mut egui_kittest::Harness<'static, argmap::ui::ArgmapApp>,
    modifiers: Modifiers,
    key: Key,
) {
    let press = |pressed| Event::Key {
        key,
        pressed,
        modifiers,
        repeat: false,
        physical_key: Some(key),
    };
    let mut events = vec![Event::ModifiersChanged(modifiers), press(true)];
    if let Some(letter) = letter_of(key, modifiers) {
        events.push(Event::Text(letter.to_string()));
    }
    events.extend([press(false), Event::ModifiersChanged(Modifiers::NONE)]);
    let input = harness.input_mut();
    input.events.extend(events);
    harness.step();
    harness.run();
}

/// What is wrong after `modifiers` + `key` on a copy of `before`, if
/// anything.
fn wrong_after(
    harness: &egui_kittest::Harness<'static, argmap::ui::ArgmapApp>,
    before: &Map,
    modifiers: Modifiers,
    key: Key,
) -> Option<String> {
    let after = map(harness);
    let name = format!("{modifiers:?}+{key:?}");
    if let Some(editing) = &harness.state().view.editing {
        let letter = letter_of(key, modifiers)
            .map(String::from)
            .unwrap_or_default();
        if !letter.trim().is_empty() && editing.buffer.contains(&letter) {
            return Some(format!("{name} typed “{letter}” into a claim being edited"));
        }
    }
    for (id, claim) in &after.claims {
        if let Some(was) = before.claims.get(id)
            && was.text != claim.text
        {
            return Some(format!(
                "{name} changed the text of {id:?} to “{}”",
                claim.text
            ));
        }
    }
    if bound(modifiers, key).is_none() && after != before {
        return Some(format!("{name} is bound to nothing, yet the map changed"));
    }
    None
}

fn every_chord(select_thesis: bool) {
    let start = small_map();
    let mut chords: Vec<(Modifiers, Key)> = Vec::new();
    for modifiers in [
        Modifiers::ALT,
        Modifiers::CTRL,
        Modifiers::COMMAND,
        Modifiers::ALT | Modifiers::SHIFT,
    ] {
        chords.extend(PRINTABLE.iter().map(|&(key, _, _)| (modifiers, key)));
    }
    for command in UiCommand::ALL {
        if command.scope() == Scope::Editor {
            chords.extend(
                command
                    .shortcuts()
                    .iter()
                    .map(|s| (s.modifiers, s.logical_key)),
            );
        }
    }
    let mut harness = editor_on(&start, select_thesis);
    let mut wrong = Vec::new();
    for (modifiers, key) in chords {
        chord(&mut harness, modifiers, key);
        if let Some(what) = wrong_after(&harness, &start, modifiers, key) {
            wrong.push(what);
        }
        // A command may have changed the map, opened a dialog or started
        // presenting: the next chord starts afresh.
        if bound(modifiers, key).is_some() {
            harness = editor_on(&start, select_thesis);
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_chord_types_into_the_selected_claim() {
    every_chord(true);
}

#[test]
fn no_chord_types_with_nothing_selected() {
    every_chord(false);
}

#[test]
fn alt_minus_zooms_out_and_types_nothing_while_editing() {
    let start = small_map();
    let mut harness = editor_on(&start, true);
    let zoom = harness.state().view.camera.zoom();
    chord(&mut harness, Modifiers::ALT, Key::Minus);
    assert!(harness.state().view.camera.zoom() < zoom, "Alt+− zooms out");
    assert!(*map(&harness) == start);
    assert!(harness.state().view.editing.is_none());
    // While a claim is being edited, too.
    key(&mut harness, Modifiers::NONE, Key::F2);
    assert!(harness.state().view.editing.is_some());
    chord(&mut harness, Modifiers::ALT, Key::Minus);
    key(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(*map(&harness) == start, "the claim's text is as it was");
}
