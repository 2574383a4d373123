//! The canvas's state between frames, apart from the map: the camera, the
//! selection, the text being typed and the one gesture under way. Not
//! saved with the map.

use std::collections::{BTreeMap, BTreeSet};

use egui::{Pos2, Vec2};

use super::camera::Camera;
use super::scene_index::SceneIndex;
use crate::model::{ClaimId, LinkId, Map, Pos};

/// What the canvas shows and how, apart from the map itself.
#[derive(Debug, Default)]
pub struct View {
    /// What part of the map is in view.
    pub camera: Camera,
    /// The selected claims, or link.
    pub selection: Selection,
    /// The claim whose text is being edited in place.
    pub editing: Option<Editing>,
    /// Cards gliding from where they were to where an arrange put them.
    pub animation: Option<Animation>,
    /// Minimap and palette choices.
    pub look: Look,
    /// Whether the canvas had the keyboard focus last frame.
    pub has_focus: bool,
    /// What the pointer is doing with the map right now.
    pub(super) gesture: Gesture,
    /// What the open context menu is about.
    pub(super) context: Option<ContextTarget>,
    /// Card rectangles, link shapes, roles and the spatial grid, kept
    /// between frames and rebuilt when the map changes.
    pub(super) index: SceneIndex,
    /// How much of each card the last frame drew (semantic zoom).
    pub(super) lod: super::lod::Lod,
}

/// What is selected: claims, or one link.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    /// Selected claims.
    pub claims: BTreeSet<ClaimId>,
    /// The selected link, when a link rather than claims is selected.
    pub link: Option<LinkId>,
}

impl Selection {
    /// Exactly these claims.
    pub fn set(&mut self, claims: BTreeSet<ClaimId>) {
        self.claims = claims;
        self.link = None;
    }

    /// Exactly one claim.
    pub fn only(&mut self, claim: ClaimId) {
        self.set(BTreeSet::from([claim]));
    }

    /// Exactly one link.
    pub fn link_only(&mut self, link: LinkId) {
        self.claims.clear();
        self.link = Some(link);
    }

    /// Nothing.
    pub fn clear(&mut self) {
        self.set(BTreeSet::new());
    }

    /// The one selected claim, when exactly one is.
    pub fn single(&self) -> Option<ClaimId> {
        (self.claims.len() == 1)
            .then(|| self.claims.first().copied())
            .flatten()
    }

    /// Drops what `map` no longer has.
    pub fn prune(&mut self, map: &Map) {
        self.claims.retain(|id| map.claims.contains_key(id));
        if self.link.is_some_and(|id| !map.links.contains_key(&id)) {
            self.link = None;
        }
    }
}

/// A gesture of the pointer on the map: at most one at a time.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) enum Gesture {
    /// Nothing under way.
    #[default]
    None,
    /// The selected cards dragged this far so far.
    Moving(Vec2),
    /// A connection dragged from this claim's handle.
    Connecting(ClaimId),
    /// A selection box from this point, in map units.
    Boxing(Pos2),
}

impl Gesture {
    /// How far the selected cards are dragged, while they are.
    pub(super) fn drag_offset(self) -> Option<Vec2> {
        match self {
            Self::Moving(offset) => Some(offset),
            _ => None,
        }
    }
}

/// How the canvas is dressed: preferences, kept between runs by the app.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Look {
    /// Whether the minimap is shown.
    pub minimap: bool,
    /// Whether cards use the high-contrast palette.
    pub high_contrast: bool,
}

/// Cards moving smoothly to new positions (the map already holds the new
/// ones; this only changes what is drawn for a moment).
#[derive(Debug, Clone)]
pub struct Animation {
    /// Where each moving card started.
    pub from: BTreeMap<ClaimId, Pos>,
    /// When the move started, in egui's clock (seconds).
    pub start: f64,
}

/// A claim whose text is being typed.
#[derive(Debug, Clone, PartialEq)]
pub struct Editing {
    /// Which claim.
    pub claim: ClaimId,
    /// The text as typed so far.
    pub buffer: String,
    /// True for a claim made for this edit: left empty, it disappears.
    pub is_new: bool,
    /// Give the text field the focus on the next frame.
    pub focus_pending: bool,
    /// Whether the claim's title is typed (its bold first line) rather
    /// than its text.
    pub title: bool,
}

/// What a context menu opened on the background is about.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum ContextTarget {
    /// A link.
    Link(LinkId),
    /// The empty canvas at this point.
    Background(Pos),
}

impl View {
    /// Those of `claims` whose cards, as last drawn, overlap another card;
    /// `None` before the cards of the map as it stands are laid out.
    pub fn overlapping(&self, claims: impl IntoIterator<Item = ClaimId>) -> Option<Vec<ClaimId>> {
        self.index.revision()?;
        Some(
            claims
                .into_iter()
                .filter(|&id| {
                    self.index.cards.get(&id).is_some_and(|&rect| {
                        // Cards that only touch do not count.
                        let rect = rect.shrink(1.0);
                        self.index.cards_in(rect).into_iter().any(|other| {
                            other != id
                                && self
                                    .index
                                    .cards
                                    .get(&other)
                                    .is_some_and(|o| o.intersects(rect))
                        })
                    })
                })
                .collect(),
        )
    }

    /// The transform from map units to screen points for the camera as it
    /// is now.
    pub fn screen_from_map(&self) -> egui::emath::TSTransform {
        self.camera.screen_from_map()
    }

    /// How much of each card the last frame drew: text, titles or blocks.
    pub fn detail(&self) -> super::Level {
        self.lod.level
    }

    /// How many cards showed their title alone in the last frame.
    pub fn titled_cards(&self) -> usize {
        self.lod.titled()
    }
}
