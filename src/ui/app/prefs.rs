//! What the editor remembers between runs (in eframe's storage), apart
//! from any map: recent files, folds, export choices, text size, the look.
//! Kept apart from the editor's runtime state, which is never saved.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::ui::canvas::Look;

/// The key the preferences are stored under by eframe.
pub const PREFS_KEY: &str = "argmap-prefs";
/// How many recent files the File menu remembers.
const MAX_RECENT: usize = 10;
/// The range of the text scale.
pub const MIN_TEXT_SCALE: f32 = 0.6;
/// The range of the text scale.
pub const MAX_TEXT_SCALE: f32 = 2.5;
/// How often the recovery copy is refreshed while there are unsaved changes.
pub const AUTOSAVE_SECONDS: u32 = 30;
/// The range of that setting.
pub const MIN_AUTOSAVE_SECONDS: u32 = 5;
/// The range of that setting.
pub const MAX_AUTOSAVE_SECONDS: u32 = 600;

/// What persists between runs, apart from any map.
#[expect(
    clippy::struct_excessive_bools,
    reason = "Independent switches of the editor."
)]
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The map open when the app last closed.
    pub last_file: Option<PathBuf>,
    /// Recently opened or saved maps, newest first.
    pub recent: Vec<PathBuf>,
    /// PNG exports: pixels per map unit.
    pub png_scale: Option<f32>,
    /// PNG and SVG exports: transparent instead of white.
    pub transparent: bool,
    /// SVG exports: letters drawn as shapes.
    pub outline_text: bool,
    /// SVG, PNG and PDF exports: an overview, titles only.
    pub overview_export: bool,
    /// PDF slides: each step's quoted words at the foot of its slide.
    pub slide_quotes: bool,
    /// The source panel is shown beside the canvas.
    pub show_source: bool,
    /// Folded claims of each map file, so a map reopens as it was shown.
    pub folds: BTreeMap<PathBuf, Vec<u32>>,
    /// The text scale (egui's zoom factor), when changed from 1.
    pub text_scale: Option<f32>,
    /// Minimap and high contrast.
    pub look: Look,
    /// Saving over a file does not keep its previous version as
    /// `NAME.ron.bak` (kept by default).
    pub no_backups: bool,
    /// While presenting, claims not yet reached are faded instead of
    /// hidden.
    pub present_fade: bool,
    /// Seconds between recovery copies while there are unsaved changes;
    /// `None` for the default, [`AUTOSAVE_SECONDS`].
    pub recovery_seconds: Option<u32>,
    /// Each card shows whether it holds, and exports show it too.
    pub show_evaluation: bool,
    /// The inspector panel is hidden (shown by default).
    pub hide_inspector: bool,
    /// The outline panel is shown.
    pub show_outline: bool,
    /// Source files outside their map's folder that the user chose or
    /// allowed (canonical paths): the user's own say, never a map's.
    pub allowed_sources: std::collections::BTreeSet<PathBuf>,
}

impl Prefs {
    /// Puts `path` (as the file system names it) first among the recent
    /// files, and remembers it as the one to reopen.
    pub fn remember(&mut self, path: PathBuf) {
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path.clone());
        self.recent.truncate(MAX_RECENT);
        self.last_file = Some(path);
    }

    /// Seconds between recovery copies, as set.
    pub fn recovery_seconds(&self) -> u32 {
        self.recovery_seconds
            .unwrap_or(AUTOSAVE_SECONDS)
            .clamp(MIN_AUTOSAVE_SECONDS, MAX_AUTOSAVE_SECONDS)
    }

    /// The scale of PNG exports.
    pub fn png_scale(&self) -> f32 {
        self.png_scale.unwrap_or(2.0)
    }
}

/// Menus and panels in the high-contrast palette (pure black or white text,
/// stronger outlines), or egui's own.
pub fn apply_contrast(ctx: &egui::Context, high: bool) {
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        let mut visuals = theme.default_visuals();
        if high {
            let (ink, panel) = crate::draw::style::contrast_colors(theme == egui::Theme::Dark);
            visuals.override_text_color = Some(ink);
            for widget in [
                &mut visuals.widgets.noninteractive,
                &mut visuals.widgets.inactive,
                &mut visuals.widgets.hovered,
                &mut visuals.widgets.active,
            ] {
                widget.bg_stroke = egui::Stroke::new(widget.bg_stroke.width.max(1.5), ink);
            }
            visuals.panel_fill = panel;
        }
        ctx.set_visuals_of(theme, visuals);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_newest_first_without_repeats() {
        let mut prefs = Prefs::default();
        for name in ["a", "b", "a"] {
            prefs.remember(PathBuf::from(name));
        }
        assert_eq!(prefs.recent, [PathBuf::from("a"), PathBuf::from("b")]);
        assert_eq!(prefs.last_file, Some(PathBuf::from("a")));
        for i in 0..20 {
            prefs.remember(PathBuf::from(format!("{i}")));
        }
        assert_eq!(prefs.recent.len(), MAX_RECENT);
        prefs.recovery_seconds = Some(1);
        assert_eq!(prefs.recovery_seconds(), MIN_AUTOSAVE_SECONDS);
    }
}
