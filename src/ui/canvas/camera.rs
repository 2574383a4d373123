//! Where the canvas looks: the part of the map in view, fitting, bringing
//! a claim into view, gliding to a new place, zooming. Pure functions of
//! rectangles, tested without a screen.

use egui::emath::TSTransform;
use egui::{Pos2, Rect, Vec2, vec2};

use crate::model::ClaimId;

/// Zoom limits: from a bird's-eye view of a large map to close reading.
pub const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.0002..=4.0;
/// The least zoom (screen points per map unit) at which a map is read:
/// the cards' titles read from here up (see [`super::lod`]), so a map that
/// fits the window at this zoom opens whole, and a claim brought into
/// view from further out is zoomed in to.
pub const READABLE_ZOOM: f32 = 0.3;
/// A map that fits the window only too small to read opens on its thesis
/// instead, at a readable zoom (F shows all of it).
const OPENING_MIN_ZOOM: f32 = READABLE_ZOOM;
/// The zoom a large map opens at.
const OPENING_ZOOM: f32 = 0.6;
/// How long the camera takes to glide to a new place (presenting).
pub const GLIDE_SECS: f64 = 0.3;

/// The camera: what part of the map is in view, and where it is going.
#[derive(Clone, Debug)]
pub struct Camera {
    /// The part of the map in view, in map units; an invalid rect (such as
    /// `Rect::ZERO`) fits the whole map on the next frame.
    pub scene_rect: Rect,
    /// Where the canvas was on screen last frame.
    pub canvas_rect: Rect,
    /// Fit the map to the window on the next frame.
    pub fit_requested: bool,
    /// The map was just opened: show all of it if that is readable, or the
    /// top of the tree around the thesis if the map is too large for that.
    pub opening: bool,
    /// A claim to bring into view on the next frame (keyboard navigation,
    /// search), readable.
    pub reveal: Option<ClaimId>,
    /// The camera gliding to a new place (presenting).
    pub glide: Option<Glide>,
    /// Zoom from the wheel still to make (see `super::wheel`).
    pub wheel: Option<WheelZoom>,
}

impl Default for Camera {
    fn default() -> Self {
        Self {
            scene_rect: Rect::ZERO,
            canvas_rect: Rect::ZERO,
            fit_requested: true,
            opening: true,
            reveal: None,
            glide: None,
            wheel: None,
        }
    }
}

/// Zoom still to make, around a point of the map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WheelZoom {
    /// The natural logarithm of the factor still to zoom by.
    pub remaining: f32,
    /// The point of the map that stays under the pointer, in map units.
    pub around: Pos2,
}

/// A glide of the camera from one scene rectangle to another.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Glide {
    /// Where it started.
    pub from: Rect,
    /// Where it ends.
    pub to: Rect,
    /// When it started, in seconds on egui's clock.
    pub start: f64,
}

impl Glide {
    /// The scene rectangle at `now`, and whether the glide is over.
    pub fn at(&self, now: f64) -> (Rect, bool) {
        let t = glide_progress(now, self.start);
        (
            Rect::from_min_max(
                self.from.min.lerp(self.to.min, t),
                self.from.max.lerp(self.to.max, t),
            ),
            t >= 1.0,
        )
    }
}

/// Eased progress of a glide started at `start`, 0 to 1.
pub fn glide_progress(now: f64, start: f64) -> f32 {
    let t = ((now - start) / GLIDE_SECS).clamp(0.0, 1.0);
    #[expect(clippy::cast_possible_truncation, reason = "In 0..=1 after the clamp.")]
    let t = t as f32;
    // Ease in and out (smoothstep).
    t * t * (3.0 - 2.0 * t)
}

impl Camera {
    /// Screen points per map unit, as `egui::Scene` shows the scene
    /// rectangle in the canvas.
    pub fn zoom(&self) -> f32 {
        (self.canvas_rect.size() / self.scene_rect.size()).min_elem()
    }

    /// The transform from map units to screen points for the camera as it
    /// is now: the same fit of the scene rectangle into the canvas that
    /// `egui::Scene` makes.
    pub fn screen_from_map(&self) -> TSTransform {
        let scale = self.zoom();
        let scale = if scale.is_finite() && scale > 0.0 {
            scale.clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end())
        } else {
            1.0
        };
        TSTransform::from_translation(
            self.canvas_rect.center().to_vec2() - scale * self.scene_rect.center().to_vec2(),
        ) * TSTransform::from_scaling(scale)
    }

    /// Zooms by `factor` around the middle of the view.
    pub fn zoom_by(&mut self, factor: f32) {
        let rect = self.scene_rect;
        if rect.is_positive() {
            self.scene_rect = Rect::from_center_size(rect.center(), rect.size() / factor);
        }
    }

    /// The zoom level for the status bar, as a percentage with as many
    /// decimals as a far-out view of a huge map needs ("0.03%", "4.2%",
    /// "62%").
    pub fn zoom_percent(&self) -> String {
        let scale = self.zoom();
        let percent = if scale.is_finite() {
            scale * 100.0
        } else {
            100.0
        };
        if percent >= 10.0 {
            format!("{percent:.0}%")
        } else if percent >= 1.0 {
            format!("{percent:.1}%")
        } else {
            format!("{percent:.2}%")
        }
    }

    /// Fits the map (its cards' `bounds`) to the canvas, as asked; when the
    /// map was just opened and would be unreadable whole, shows the top of
    /// it around `top` (the thesis) instead.
    pub fn fit(&mut self, bounds: Option<Rect>, top: Option<Rect>) {
        let canvas = self.canvas_rect.size();
        self.scene_rect = fit_rect(bounds, canvas);
        let zoom = (canvas / self.scene_rect.size()).min_elem();
        if self.opening
            && zoom < OPENING_MIN_ZOOM
            && let Some(top) = top
        {
            let size = canvas / OPENING_ZOOM;
            self.scene_rect =
                Rect::from_min_size(top.center_top() - vec2(size.x / 2.0, 60.0), size);
        }
        self.opening = false;
        self.fit_requested = false;
    }

    /// Moves along the glide, if gliding; true while it goes on.
    pub fn step_glide(&mut self, now: f64) -> bool {
        let Some(glide) = self.glide else {
            return false;
        };
        let (rect, done) = glide.at(now);
        self.scene_rect = rect;
        if done {
            self.glide = None;
        }
        !done
    }
}

/// The scene rectangle moved (and zoomed in, if text would be unreadable)
/// just enough to show `card` whole; unchanged when it is already in view.
pub fn revealing(scene_rect: Rect, card: Rect, canvas_size: Vec2) -> Rect {
    let zoom = if scene_rect.is_positive() {
        (canvas_size / scene_rect.size()).min_elem()
    } else {
        0.0
    };
    if zoom < READABLE_ZOOM {
        return Rect::from_center_size(card.center(), canvas_size / OPENING_ZOOM);
    }
    // What egui's Scene shows: the scene rectangle grown to the canvas's
    // aspect.
    let shown = Rect::from_center_size(scene_rect.center(), canvas_size / zoom);
    if shown.shrink(20.0 / zoom).contains_rect(card) {
        return scene_rect;
    }
    scene_rect.translate(card.center() - shown.center())
}

/// The scene rectangle that shows every card, never closer than 1:1, so a
/// small map is not blown up.
pub fn fit_rect(bounds: Option<Rect>, canvas_size: Vec2) -> Rect {
    let Some(bounds) = bounds else {
        return Rect::from_center_size(Pos2::ZERO, canvas_size.max(vec2(400.0, 300.0)));
    };
    let bounds = bounds.expand(40.0);
    let size = bounds.size().max(canvas_size);
    Rect::from_center_size(bounds.center(), size)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn camera(scene: Rect) -> Camera {
        Camera {
            scene_rect: scene,
            canvas_rect: Rect::from_min_size(Pos2::ZERO, vec2(1000.0, 800.0)),
            ..Camera::default()
        }
    }

    #[test]
    fn zoom_shows_decimals_only_when_needed() {
        for (width, shown) in [
            (1000.0, "100%"),
            (1613.0, "62%"),
            (23_810.0, "4.2%"),
            (3.0e6, "0.03%"),
        ] {
            let camera = camera(Rect::from_min_size(Pos2::ZERO, vec2(width, width * 0.8)));
            assert_eq!(camera.zoom_percent(), shown);
        }
    }

    #[test]
    fn a_small_map_is_never_blown_up_and_a_huge_one_opens_on_its_top() {
        let mut small = camera(Rect::ZERO);
        let bounds = Rect::from_min_size(Pos2::ZERO, vec2(300.0, 200.0));
        small.fit(Some(bounds), None);
        assert!((small.zoom() - 1.0).abs() < 1e-4, "{}", small.zoom());
        assert!(small.scene_rect.contains_rect(bounds));

        let mut huge = camera(Rect::ZERO);
        let thesis = Rect::from_center_size(Pos2::new(5000.0, 0.0), vec2(240.0, 80.0));
        huge.fit(
            Some(Rect::from_min_size(Pos2::ZERO, vec2(100_000.0, 2000.0))),
            Some(thesis),
        );
        assert!((huge.zoom() - OPENING_ZOOM).abs() < 1e-4);
        assert!(huge.scene_rect.contains_rect(thesis));
        assert!(!huge.opening && !huge.fit_requested);
        // Asked again (F), the whole map shows, however small.
        huge.fit(
            Some(Rect::from_min_size(Pos2::ZERO, vec2(100_000.0, 2000.0))),
            Some(thesis),
        );
        assert!(huge.zoom() < 0.02);
    }

    #[test]
    fn revealing_moves_only_when_needed_and_zooms_in_to_read() {
        let canvas = vec2(1000.0, 800.0);
        let scene = Rect::from_min_size(Pos2::ZERO, canvas);
        let inside = Rect::from_center_size(Pos2::new(500.0, 400.0), vec2(240.0, 80.0));
        assert_eq!(revealing(scene, inside, canvas), scene);
        let outside = inside.translate(vec2(2000.0, 0.0));
        let moved = revealing(scene, outside, canvas);
        assert_eq!(moved.size(), scene.size());
        assert!(moved.contains_rect(outside));
        let far = Rect::from_min_size(Pos2::ZERO, canvas * 20.0);
        let zoomed = revealing(far, outside, canvas);
        assert!((canvas / zoomed.size()).min_elem() >= READABLE_ZOOM);
    }

    #[test]
    fn a_glide_eases_from_start_to_end_and_stops() {
        let from = Rect::from_min_size(Pos2::ZERO, vec2(100.0, 100.0));
        let to = from.translate(vec2(1000.0, 0.0));
        let mut camera = camera(from);
        camera.glide = Some(Glide {
            from,
            to,
            start: 10.0,
        });
        assert!(camera.step_glide(10.0));
        assert_eq!(camera.scene_rect, from);
        assert!(camera.step_glide(10.0 + GLIDE_SECS / 2.0));
        assert!((camera.scene_rect.min.x - 500.0).abs() < 1.0);
        assert!(!camera.step_glide(10.0 + GLIDE_SECS));
        assert_eq!(camera.scene_rect, to);
        assert!(camera.glide.is_none());
        assert!(glide_progress(0.0, 0.0) < 0.01 && glide_progress(1.0, 0.0) > 0.99);
    }

    #[test]
    fn zooming_keeps_the_middle() {
        let mut camera = camera(Rect::from_center_size(
            Pos2::new(10.0, 20.0),
            vec2(1000.0, 800.0),
        ));
        camera.zoom_by(2.0);
        assert_eq!(camera.scene_rect.center(), Pos2::new(10.0, 20.0));
        assert!((camera.zoom() - 2.0).abs() < 1e-4);
    }
}
