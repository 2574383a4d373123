//! The editor window, in egui. Nothing else in the crate depends on it.
//!
//! - [`app`]: the shell (menus, files, presenting) that owns the document;
//! - [`canvas`]: the zoomable map, its camera, cards and gestures;
//! - [`commands`]: the one table of commands, keys and labels;
//! - `action`: what the user asked for during a frame;
//! - panels and overlays: `inspector`, `steps`, `palette`, `search`,
//!   `present` (the presenter's view), `dialogs` (file dialogs),
//!   `weighing` (weights, standards and the clash view).

mod action;
pub mod app;
pub mod canvas;
pub mod commands;
mod dialogs;
mod flow_clock;
mod inspector;
mod outline;
mod palette;
mod present;
mod references;
mod round_inspector;
mod search;
mod source;
mod sources;
mod weighing;

use std::sync::Arc;

pub use action::Action;
pub use app::{ArgmapApp, Folding, Startup};
pub use canvas::{Editing, Look, Marks, View, canvas_ui};
pub use commands::UiCommand;
pub use dialogs::{FileDialogs, NativeDialogs, Picked};

/// The app icon, shown by the window manager and the task bar.
const ICON_PNG: &[u8] = include_bytes!("../../assets/icon.png");

/// Decodes the app icon; `None` only if the bundled PNG were damaged.
fn icon() -> Option<egui::IconData> {
    let image = image::load_from_memory_with_format(ICON_PNG, image::ImageFormat::Png).ok()?;
    let rgba = image.to_rgba8();
    Some(egui::IconData {
        width: rgba.width(),
        height: rgba.height(),
        rgba: rgba.into_raw(),
    })
}

/// Opens the editor window and runs until it closes.
///
/// # Errors
/// When no window can be opened (no display, no graphics driver).
pub fn run(startup: Startup) -> eframe::Result {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Argmap")
        .with_app_id("argmap")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([640.0, 400.0]);
    if let Some(icon) = icon() {
        viewport = viewport.with_icon(Arc::new(icon));
    }
    let options = eframe::NativeOptions {
        viewport,
        // Every glyph comes from the bundled fonts, so text looks the same
        // on every machine.
        system_font_fallback: false,
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        "Argmap",
        options,
        Box::new(move |cc| {
            Ok(Box::new(ArgmapApp::new(
                cc,
                startup,
                Box::new(NativeDialogs),
            )))
        }),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_icon_decodes() {
        let icon = super::icon().expect("icon");
        assert_eq!((icon.width, icon.height), (256, 256));
    }
}
