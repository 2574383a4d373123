//! Zooming with the mouse wheel and the trackpad: at most [`NOTCH_ZOOM`]
//! per wheel notch (with or without Ctrl), eased in over a few frames
//! around the point under the pointer, so the map never jumps. egui's own
//! wheel zoom is turned off (`scroll_zoom_speed` 0) because its step
//! depends on how many lines the system gives a notch: on some X servers
//! two, which made a notch 1.5×. A pinch stays with `egui::Scene`, which
//! follows the fingers as they move.

use egui::{Event, MouseWheelUnit, Pos2};

use super::camera::{Camera, WheelZoom, ZOOM_RANGE};

/// The most one wheel notch zooms.
pub const NOTCH_ZOOM: f32 = 1.2;

/// Points of a pixel-precise wheel or trackpad that count as one notch.
const POINTS_PER_NOTCH: f32 = 60.0;

/// How quickly the zoom asked for is made: the part of what remains that
/// is made in this many seconds is 1 − 1/e.
const EASE_SECS: f32 = 0.05;

/// The zoom (natural logarithm of the factor) that this frame's wheel
/// events ask for: each at most one notch.
pub fn asked(events: &[Event]) -> f32 {
    let notch = NOTCH_ZOOM.ln();
    events
        .iter()
        .filter_map(|event| match event {
            Event::MouseWheel { unit, delta, .. } => {
                let notches = match unit {
                    MouseWheelUnit::Point => delta.y / POINTS_PER_NOTCH,
                    MouseWheelUnit::Line | MouseWheelUnit::Page => delta.y,
                };
                Some(notches.clamp(-1.0, 1.0) * notch)
            }
            _ => None,
        })
        .sum()
}

impl Camera {
    /// Adds `zoom` (a natural logarithm) to the zoom still to make, around
    /// `around` in map units.
    pub fn wheel_zoom(&mut self, zoom: f32, around: Pos2) {
        if zoom == 0.0 || !zoom.is_finite() {
            return;
        }
        let remaining = self.wheel.map_or(0.0, |w| w.remaining) + zoom;
        self.wheel = Some(WheelZoom { remaining, around });
    }

    /// Makes part of the zoom still to make, `dt` seconds after the last
    /// frame; returns whether some is left.
    pub fn step_wheel(&mut self, dt: f32) -> bool {
        let Some(wheel) = self.wheel else {
            return false;
        };
        let part = if wheel.remaining.abs() < 0.002 {
            wheel.remaining
        } else {
            wheel.remaining * (1.0 - (-dt.max(0.0) / EASE_SECS).exp())
        };
        let factor = part.exp();
        let zoom = self.zoom() * factor;
        let in_range = ZOOM_RANGE.contains(&zoom) || !zoom.is_finite();
        if in_range && self.scene_rect.is_positive() {
            self.scene_rect = zoomed(self.scene_rect, wheel.around, factor);
        }
        let remaining = wheel.remaining - part;
        self.wheel = (in_range && remaining != 0.0).then_some(WheelZoom { remaining, ..wheel });
        self.wheel.is_some()
    }
}

/// `rect` zoomed in by `factor` around `around`, which stays where it is.
fn zoomed(rect: egui::Rect, around: Pos2, factor: f32) -> egui::Rect {
    let scale = |p: Pos2| around + (p - around) / factor;
    egui::Rect::from_min_max(scale(rect.min), scale(rect.max))
}

/// Shorthand for tests: a vertical wheel event.
#[cfg(test)]
fn wheel(unit: MouseWheelUnit, y: f32) -> Event {
    Event::MouseWheel {
        unit,
        delta: egui::Vec2::new(0.0, y),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Rect, Vec2};

    #[test]
    fn a_notch_is_at_most_1_2_whatever_the_system_counts_as_a_notch() {
        for y in [1.0, 2.0, 3.0, 120.0] {
            let zoom = asked(&[wheel(MouseWheelUnit::Line, y)]).exp();
            assert!((zoom - NOTCH_ZOOM).abs() < 1e-4, "{y} lines: {zoom}");
        }
        let half = asked(&[wheel(MouseWheelUnit::Line, 0.5)]).exp();
        assert!(half > 1.0 && half < NOTCH_ZOOM);
        let out = asked(&[wheel(MouseWheelUnit::Point, -500.0)]).exp();
        assert!((out - 1.0 / NOTCH_ZOOM).abs() < 1e-4);
    }

    #[test]
    fn the_zoom_eases_in_around_the_point_under_the_pointer() {
        let mut camera = Camera {
            scene_rect: Rect::from_min_size(Pos2::ZERO, Vec2::new(1000.0, 800.0)),
            canvas_rect: Rect::from_min_size(Pos2::ZERO, Vec2::new(1000.0, 800.0)),
            ..Camera::default()
        };
        let before = camera.zoom();
        let around = Pos2::new(250.0, 200.0);
        camera.wheel_zoom(NOTCH_ZOOM.ln(), around);
        // The first frame makes part of it: smooth, not a jump.
        assert!(camera.step_wheel(1.0 / 60.0));
        let first = camera.zoom() / before;
        assert!(first > 1.0 && first < 1.15, "{first}");
        let mut frames = 1;
        while camera.step_wheel(1.0 / 60.0) {
            frames += 1;
            assert!(frames < 120, "the zoom settles");
        }
        let total = camera.zoom() / before;
        assert!((total - NOTCH_ZOOM).abs() < 1e-3, "{total}");
        // The point under the pointer stayed where it was on the map's
        // rectangle: its share of the width and height is unchanged.
        let rect = camera.scene_rect;
        let share = (around - rect.min) / rect.size();
        assert!((share - Vec2::new(0.25, 0.25)).length() < 1e-4, "{share:?}");
    }
}
