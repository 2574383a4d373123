//! What the canvas knows about every card between frames: its size (text
//! is measured only when it changes), its rectangle, each link's shape,
//! each claim's role, and a grid that finds the cards in any region
//! without looking at all of them. Rebuilt when the map changes, so a
//! frame only touches what is on screen.

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};

use egui::{Pos2, Rect};

use super::Drawn;
use crate::draw::geometry::{self, LinkShape};
use crate::measure::DrawnCard;
use crate::model::{ClaimId, LinkId, Pos, Role};

/// Side of a grid cell, in map units: a few cards wide.
const CELL: f32 = 512.0;

/// Cards, links and roles of one state of the map.
#[derive(Debug, Default)]
pub struct SceneIndex {
    /// The map revision this was built for; `None` while cards are moving.
    revision: Option<u64>,
    /// The generation of the quoted words the cards were measured with.
    quotes: u64,
    /// Each claim's title-and-text hash, and its title and text as drawn.
    heights: HashMap<ClaimId, (u64, DrawnCard)>,
    /// Each card's rectangle, in map units.
    pub cards: BTreeMap<ClaimId, Rect>,
    /// Each link's shape.
    pub links: BTreeMap<LinkId, LinkShape>,
    /// Each claim's role.
    pub roles: BTreeMap<ClaimId, Role>,
    /// Each claim's place in reading order (the thesis, then what answers
    /// it, depth first): the order screen readers meet the cards in.
    pub reading_order: HashMap<ClaimId, usize>,
    /// What each claim answers, and how ("supports", "attacks"…), for
    /// screen readers.
    pub answers: HashMap<ClaimId, (ClaimId, &'static str)>,
    /// Claims by grid cell.
    grid: HashMap<(i32, i32), Vec<ClaimId>>,
}

fn text_hash(title: Option<&str>, text: &str) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    title.hash(&mut hasher);
    text.hash(&mut hasher);
    hasher.finish()
}

fn cell_of(p: Pos2) -> (i32, i32) {
    #[expect(
        clippy::cast_possible_truncation,
        reason = "Far-off coordinates saturate, which only makes their cell coarse."
    )]
    let cell = ((p.x / CELL).floor() as i32, (p.y / CELL).floor() as i32);
    cell
}

/// The words evidence quotes from its sources' texts, and a number that
/// changes whenever they do (the cards are measured again then).
#[derive(Clone, Copy, Debug)]
pub struct Quoting<'a> {
    /// Each claim's quoted words.
    pub words: &'a crate::model::QuotedWords,
    /// Counts up with each new set of `words`.
    pub generation: u64,
}

/// No quoted words, as with no source text at hand.
static NO_QUOTES: crate::model::QuotedWords = crate::model::QuotedWords::new();

impl Quoting<'_> {
    /// No quoted words at hand.
    pub const NONE: Quoting<'static> = Quoting {
        words: &NO_QUOTES,
        generation: 0,
    };
}

impl SceneIndex {
    /// Brings the index up to date with what is `shown`: its map at its
    /// revision, with the roles of the whole map when it is only part of
    /// it. `center_of` gives where each card is drawn (it differs from the
    /// map while cards are dragged or glide); `moving` says that is the
    /// case, so the result is not kept for the next frame. `measure` lays
    /// out the title a card shows ([`crate::model::Map::card_title`]) over its words (its
    /// claim's, with what evidence quotes, see [`crate::model::card_text`]).
    pub fn update(
        &mut self,
        shown: &Drawn<'_>,
        moving: bool,
        center_of: impl Fn(ClaimId, Pos) -> Pos2,
        mut measure: impl FnMut(Option<&str>, &str) -> DrawnCard,
    ) {
        let (map, revision, roles, quotes) = (shown.map, shown.revision, shown.roles, shown.quotes);
        if !moving && self.revision == Some(revision) && self.quotes == quotes.generation {
            return;
        }
        self.quotes = quotes.generation;
        self.heights.retain(|id, _| map.claims.contains_key(id));
        for (&id, claim) in &map.claims {
            let title = map.card_title(claim);
            let text = crate::model::card_text(claim, quotes.words.get(&id).map(String::as_str));
            let hash = text_hash(title.as_deref(), &text);
            if self
                .heights
                .get(&id)
                .is_none_or(|(known, _)| *known != hash)
            {
                self.heights
                    .insert(id, (hash, measure(title.as_deref(), &text)));
            }
        }
        self.cards = map
            .claims
            .iter()
            .map(|(&id, claim)| {
                let height = self.heights.get(&id).map_or(0.0, |h| h.1.height);
                (id, geometry::card_rect(center_of(id, claim.pos), height))
            })
            .collect();
        self.links = geometry::link_shapes(map, &self.cards);
        if self.revision != Some(revision) {
            self.roles = roles.cloned().unwrap_or_else(|| Role::all(map));
            self.answers = crate::model::nav::parent_links(map)
                .into_iter()
                .map(|(claim, (parent, link))| {
                    let verb = match map.links.get(&link).map(|l| (l.target, l.kind)) {
                        Some((crate::model::Target::Link(_), _)) => "undercuts the step to",
                        Some((_, crate::model::LinkKind::Attack)) => "attacks",
                        _ => "supports",
                    };
                    (claim, (parent, verb))
                })
                .collect();
            self.reading_order = crate::model::reading::order(map)
                .into_iter()
                .enumerate()
                .map(|(i, id)| (id, i))
                .collect();
        }
        self.grid.clear();
        for (&id, rect) in &self.cards {
            let (min, max) = (cell_of(rect.min), cell_of(rect.max));
            for x in min.0..=max.0 {
                for y in min.1..=max.1 {
                    self.grid.entry((x, y)).or_default().push(id);
                }
            }
        }
        self.revision = if moving { None } else { Some(revision) };
    }

    /// The map revision the index was built for; `None` while cards move.
    pub fn revision(&self) -> Option<u64> {
        self.revision
    }

    /// A claim's title and text as its card draws them.
    pub fn drawn(&self, id: ClaimId) -> Option<&DrawnCard> {
        self.heights.get(&id).map(|h| &h.1)
    }

    /// The claims whose cards meet `area`, in id order.
    pub fn cards_in(&self, area: Rect) -> Vec<ClaimId> {
        if !area.is_finite() {
            return self.cards.keys().copied().collect();
        }
        let (min, max) = (cell_of(area.min), cell_of(area.max));
        let cells = i64::from(max.0 - min.0 + 1) * i64::from(max.1 - min.1 + 1);
        let mut found: Vec<ClaimId> = if cells > i64::try_from(self.grid.len()).unwrap_or(i64::MAX)
        {
            // Zoomed far out: walking the occupied cells is cheaper.
            self.grid.values().flatten().copied().collect()
        } else {
            (min.0..=max.0)
                .flat_map(|x| (min.1..=max.1).map(move |y| (x, y)))
                .filter_map(|cell| self.grid.get(&cell))
                .flatten()
                .copied()
                .collect()
        };
        found.sort_unstable();
        found.dedup();
        found.retain(|id| self.cards.get(id).is_some_and(|r| r.intersects(area)));
        found
    }

    /// The claim whose card contains `p`; the topmost (highest id) wins.
    pub fn card_at(&self, p: Pos2) -> Option<ClaimId> {
        self.cards_at(p).max()
    }

    /// The topmost card at `p` other than `except`.
    pub fn card_at_except(&self, p: Pos2, except: ClaimId) -> Option<ClaimId> {
        self.cards_at(p).filter(|&id| id != except).max()
    }

    /// Every card containing `p`, through the grid.
    fn cards_at(&self, p: Pos2) -> impl Iterator<Item = ClaimId> + '_ {
        self.grid
            .get(&cell_of(p))
            .into_iter()
            .flatten()
            .copied()
            .filter(move |id| self.cards.get(id).is_some_and(|r| r.contains(p)))
    }

    /// Every card, for fitting the view.
    pub fn bounds(&self) -> Option<Rect> {
        geometry::bounds(&self.cards)
    }
}

/// A small, fixed area around `p`, for tests and hit tests.
#[cfg(test)]
fn around(p: Pos2) -> Rect {
    Rect::from_center_size(p, egui::vec2(1.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::generate;
    use crate::model::Map;
    use crate::ui::canvas::Marks;
    use egui::pos2;

    fn drawn(height: f32, text: &str) -> DrawnCard {
        DrawnCard {
            text: text.to_owned(),
            height,
            ..DrawnCard::default()
        }
    }

    static NO_DROPS: BTreeMap<ClaimId, String> = BTreeMap::new();

    /// `map` at `revision`, whole.
    fn shown<'a>(map: &'a Map, revision: u64, marks: &'a Marks) -> Drawn<'a> {
        Drawn {
            map,
            revision,
            roles: None,
            marks,
            evaluation: None,
            presenting: false,
            quotes: Quoting::NONE,
            flow: None,
            drops: &NO_DROPS,
        }
    }

    #[expect(clippy::cast_precision_loss, reason = "Small ids.")]
    fn spread_index(map: &Map) -> SceneIndex {
        let mut index = SceneIndex::default();
        index.update(
            &shown(map, 1, &Marks::default()),
            false,
            |id, _| pos2((id.0 % 30) as f32 * 300.0, (id.0 / 30) as f32 * 200.0),
            |_, text| drawn(40.0, text),
        );
        index
    }

    #[test]
    fn the_grid_finds_what_a_scan_finds() {
        let map = generate(600, 3);
        let index = spread_index(&map);
        for area in [
            Rect::from_min_max(pos2(-100.0, -100.0), pos2(1000.0, 700.0)),
            Rect::from_min_max(pos2(5000.0, 1000.0), pos2(9000.0, 3000.0)),
            Rect::from_min_max(pos2(-1e9, -1e9), pos2(1e9, 1e9)),
        ] {
            let scanned: Vec<ClaimId> = index
                .cards
                .iter()
                .filter(|(_, r)| r.intersects(area))
                .map(|(&id, _)| id)
                .collect();
            assert_eq!(index.cards_in(area), scanned);
        }
        let inside = index.cards[&ClaimId(250)].center();
        assert_eq!(index.card_at(inside), Some(ClaimId(250)));
        assert!(index.cards_in(around(pos2(-5000.0, -5000.0))).is_empty());
    }

    #[test]
    fn text_is_measured_again_only_when_it_changes() {
        let mut map = generate(50, 1);
        let mut index = SceneIndex::default();
        let mut measured = 0;
        index.update(
            &shown(&map, 1, &Marks::default()),
            false,
            |_, p| pos2(p.x, p.y),
            |_, text| {
                measured += 1;
                drawn(20.0, text)
            },
        );
        assert_eq!(measured, 50);
        if let Some(claim) = map.claims.get_mut(&ClaimId(3)) {
            claim.text.push_str(" More.");
        }
        let mut again = 0;
        index.update(
            &shown(&map, 2, &Marks::default()),
            false,
            |_, p| pos2(p.x, p.y),
            |_, text| {
                again += 1;
                drawn(20.0, text)
            },
        );
        assert_eq!(again, 1);
    }
}
