//! Helpers shared by the test files. Each test file uses only some of
//! them.
#![allow(dead_code)]

pub mod faulty;

use argmap::ui::ArgmapApp;
use egui::{Event, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;

/// Presses, moves in steps, and releases, as a hand would drag: from
/// `from` to `to` in eight moves,
/// holding `modifiers`.
pub fn drag(harness: &mut Harness<'_, ArgmapApp>, from: Pos2, to: Pos2, modifiers: Modifiers) {
    harness.run_steps(30);
    harness.event(Event::ModifiersChanged(modifiers));
    harness.event(Event::PointerMoved(from));
    harness.run();
    harness.event(Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers,
    });
    harness.run();
    for step in 1..=8 {
        #[allow(clippy::cast_precision_loss)]
        let t = step as f32 / 8.0;
        harness.event(Event::PointerMoved(from.lerp(to, t)));
        harness.run();
    }
    harness.event(Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers,
    });
    harness.run();
    harness.event(Event::ModifiersChanged(Modifiers::NONE));
    harness.run();
}
