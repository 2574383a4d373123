//! How much of each card the canvas draws at a zoom (semantic zoom): its
//! text where the text reads, its title set large where only a title
//! reads, a plain block where not even that does. Each step is taken with
//! a margin (hysteresis), so a zoom that hovers at a threshold never
//! makes the cards flicker between two looks.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use egui::Vec2;

use crate::card::TEXT_SIZE;
use crate::measure::{FittedTitle, MAX_TITLE_SIZE, READABLE_POINTS, TextMeasure};
use crate::model::ClaimId;

/// The zoom at which claim text is drawn at [`READABLE_POINTS`]: the
/// cards show their whole text from here up.
pub const TEXT_ZOOM: f32 = READABLE_POINTS / TEXT_SIZE;
/// Below this zoom not even the largest title reads: every card is a
/// block.
pub const BLOCKS_ZOOM: f32 = READABLE_POINTS / MAX_TITLE_SIZE;
/// How far past a threshold the zoom must go back before a step is
/// undone, as a share of the threshold.
const MARGIN: f32 = 0.08;
/// Fitted titles kept for cards seen at a titles' zoom; past this many
/// the cache starts again (a huge map panned at length).
const MAX_KEPT: usize = 20_000;

/// What the cards show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Level {
    /// Text, title, role, citation: the whole card.
    #[default]
    Text,
    /// The title, as large as the card holds, with role colour and status;
    /// cards whose title would still not read are blocks.
    Titles,
    /// Coloured blocks and plain lines: the shape of the argument.
    Blocks,
}

impl Level {
    /// The level for `zoom`, without regard to the last one.
    fn fresh(zoom: f32) -> Self {
        if zoom >= TEXT_ZOOM {
            Self::Text
        } else if zoom >= BLOCKS_ZOOM {
            Self::Titles
        } else {
            Self::Blocks
        }
    }

    /// The level for `zoom` after `self`: the same one while the zoom is
    /// within [`MARGIN`] of its band.
    #[must_use]
    pub fn next(self, zoom: f32) -> Self {
        let stays = match self {
            Self::Text => zoom >= TEXT_ZOOM * (1.0 - MARGIN),
            Self::Titles => {
                (BLOCKS_ZOOM * (1.0 - MARGIN)..TEXT_ZOOM * (1.0 + MARGIN)).contains(&zoom)
            }
            Self::Blocks => zoom < BLOCKS_ZOOM * (1.0 + MARGIN),
        };
        if stays { self } else { Self::fresh(zoom) }
    }
}

/// The canvas's level of detail between frames: the level, which cards
/// showed their title last frame, and the titles fitted so far.
#[derive(Debug, Default)]
pub struct Lod {
    /// The level of the last frame.
    pub level: Level,
    /// Cards that showed their title last frame, and this one.
    titled_before: HashSet<ClaimId>,
    titled_now: HashSet<ClaimId>,
    /// Each card's fitted title, with the card size it was fitted to, for
    /// the map's revision `fitted_for`.
    fitted: HashMap<ClaimId, (Vec2, Arc<FittedTitle>)>,
    fitted_for: Option<u64>,
}

impl Lod {
    /// Takes this frame's zoom: the level to draw at (the whole text while
    /// a card is being typed into).
    pub fn frame(&mut self, zoom: f32, editing: bool) -> Level {
        self.level = if editing {
            Level::Text
        } else {
            self.level.next(zoom)
        };
        self.titled_before = std::mem::take(&mut self.titled_now);
        self.level
    }

    /// Takes the revision of the map drawn (`None` while cards move, which
    /// changes no title): titles fitted for another are fitted again.
    pub fn map_at(&mut self, revision: Option<u64>) {
        if revision.is_some() && revision != self.fitted_for {
            self.fitted.clear();
            self.fitted_for = revision;
        }
    }

    /// How many cards showed their title this frame.
    pub fn titled(&self) -> usize {
        self.titled_now.len()
    }

    /// The title of card `id` as it shows at `zoom`, or `None` when it
    /// would not read (the card is then a block). A card whose title read
    /// last frame keeps it until the zoom falls [`MARGIN`] below.
    pub fn title(
        &mut self,
        measure: &mut TextMeasure,
        id: ClaimId,
        title: impl FnOnce() -> String,
        card: Vec2,
        zoom: f32,
    ) -> Option<Arc<FittedTitle>> {
        let fitted = match self.fitted.get(&id) {
            Some((size, fitted)) if *size == card => Arc::clone(fitted),
            _ => {
                if self.fitted.len() >= MAX_KEPT {
                    self.fitted.clear();
                }
                let fitted = Arc::new(measure.fit_title(&title(), card));
                self.fitted.insert(id, (card, Arc::clone(&fitted)));
                fitted
            }
        };
        let least = if self.titled_before.contains(&id) {
            READABLE_POINTS * (1.0 - MARGIN)
        } else {
            READABLE_POINTS
        };
        if fitted.rows.is_empty() || fitted.shown_size(zoom) < least {
            return None;
        }
        self.titled_now.insert(id);
        Some(fitted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_band_has_its_level() {
        assert!((TEXT_ZOOM - 0.5).abs() < 1e-6);
        assert_eq!(Level::fresh(1.0), Level::Text);
        assert_eq!(Level::fresh(0.5), Level::Text);
        assert_eq!(Level::fresh(0.32), Level::Titles);
        assert_eq!(Level::fresh(0.05), Level::Blocks);
    }

    #[test]
    fn a_zoom_hovering_at_a_threshold_never_flips_the_level_back_and_forth() {
        for threshold in [TEXT_ZOOM, BLOCKS_ZOOM] {
            // Zooming out past the threshold, then jittering around it by
            // less than the margin, then back in by more.
            let mut level = Level::fresh(threshold * 1.5);
            let mut changes = 0;
            let mut zooms: Vec<f32> = (0..40_u8)
                .map(|i| threshold * (1.5 - 0.02 * f32::from(i)))
                .collect();
            zooms.extend(
                (0..50_u8).map(|i| threshold * (1.0 + 0.05 * (f32::from(i % 4) - 1.5) / 1.5)),
            );
            for zoom in zooms {
                let next = level.next(zoom);
                changes += usize::from(next != level);
                level = next;
            }
            assert_eq!(changes, 1, "jitter by ±5% flipped the level at {threshold}");
            let back = level.next(threshold * 1.2);
            assert_ne!(back, level, "zooming well past it takes the step back");
        }
    }

    #[test]
    fn a_card_keeps_its_title_within_the_margin() {
        let mut measure = TextMeasure::new();
        let mut lod = Lod::default();
        let card = Vec2::new(240.0, 100.0);
        let id = ClaimId(1);
        lod.frame(0.3, false);
        let size = lod
            .title(&mut measure, id, || "Rule by law".into(), card, 0.3)
            .map(|t| t.size)
            .unwrap_or_default();
        assert!(size > 0.0);
        let edge = READABLE_POINTS / size;
        // Just below the edge: kept, since it read the frame before.
        lod.frame(edge * 0.97, false);
        assert!(
            lod.title(&mut measure, id, || "Rule by law".into(), card, edge * 0.97)
                .is_some()
        );
        // Far below: a block; and coming back to just below: still a block.
        lod.frame(edge * 0.8, false);
        assert!(
            lod.title(&mut measure, id, || "Rule by law".into(), card, edge * 0.8)
                .is_none()
        );
        lod.frame(edge * 0.97, false);
        assert!(
            lod.title(&mut measure, id, || "Rule by law".into(), card, edge * 0.97)
                .is_none()
        );
        // Editing shows the whole text at any zoom.
        assert_eq!(lod.frame(0.2, true), Level::Text);
    }
}
