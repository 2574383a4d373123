//! Links that do not run under cards they do not connect.
//!
//! A link is drawn straight when it can be. Where its straight line would
//! pass under another card (a card stacked above it in a column, another
//! undercutter), it leaves its premise from the side instead, runs along a
//! lane clear of the cards in the way, and enters its target from the
//! edge that faces the premise: an orthogonal detour, as org charts draw.
//! Lanes are taken nearest first and never share a stretch, so arrows from
//! a stacked column run side by side. The same routes serve the canvas and
//! every export, and a map that grows to the right is routed as the mirror
//! image of one that grows down.

use std::collections::BTreeMap;

use egui::{Pos2, Rect, pos2};

pub use super::grid::CardGrid;
use super::shape::LinkShape;
use crate::id_hash::IdMap;
use crate::layout::{LANE_GAP, LANE_STEP};
use crate::model::{ClaimId, Growth, LinkId, Map, Target};

/// How many lanes out from the cards in the way a detour may look.
const MAX_LANES: usize = 24;
/// How far inside a target's corner a detour may end.
const CORNER: f32 = 8.0;

/// A vertical stretch of a detour already drawn.
#[derive(Clone, Copy)]
struct Lane {
    x: f32,
    top: f32,
    bottom: f32,
}

/// How close two lanes may run side by side.
const LANE_CLEARANCE: f32 = LANE_STEP * 0.6;

/// The lanes taken so far, filed by column (a strip [`LANE_CLEARANCE`]
/// wide), so checking a new lane looks only at its own column and the two
/// beside it instead of every lane of the map.
#[derive(Default)]
struct Lanes {
    columns: IdMap<i64, Vec<Lane>>,
}

impl Lanes {
    fn column(x: f32) -> i64 {
        super::grid::floor_to_i64(x / LANE_CLEARANCE)
    }

    /// Whether `new` would run along a lane already taken.
    fn taken(&self, new: Lane) -> bool {
        let column = Self::column(new.x);
        (column - 1..=column + 1)
            .filter_map(|c| self.columns.get(&c))
            .flatten()
            .any(|old| {
                (old.x - new.x).abs() < LANE_CLEARANCE
                    && old.top < new.bottom
                    && new.top < old.bottom
            })
    }

    fn add(&mut self, lane: Lane) {
        self.columns
            .entry(Self::column(lane.x))
            .or_default()
            .push(lane);
    }
}

/// Gives every link of one premise whose straight line passes under a
/// card a detour around it (in `shapes`, in place). Links are taken by how
/// far they rise, shortest first, so the arrows of a stacked column take
/// lanes from the inside out and never cross.
pub fn route_links(
    map: &Map,
    cards: &BTreeMap<ClaimId, Rect>,
    shapes: &mut BTreeMap<LinkId, LinkShape>,
    only: &dyn Fn(LinkId) -> bool,
) {
    let flip = map.direction == Growth::Right;
    let turn = |p: Pos2| if flip { pos2(p.y, p.x) } else { p };
    let turn_rect = |r: Rect| Rect::from_min_max(turn(r.min), turn(r.max));
    let grid = CardGrid::new(cards.values().map(|&r| turn_rect(r)));
    let mut blocked: Vec<(f32, LinkId, Rect, Option<Rect>, Pos2)> = Vec::new();
    for (&id, shape) in shapes.iter().filter(|&(&id, _)| only(id)) {
        let Some(link) = map.links.get(&id) else {
            continue;
        };
        let [premise] = link.premises[..] else {
            continue;
        };
        let Some(&from_card) = cards.get(&premise) else {
            continue;
        };
        let target_card = match link.target {
            Target::Claim(claim) => match cards.get(&claim) {
                Some(&card) => Some(card),
                None => continue,
            },
            Target::Link(_) => None,
        };
        let (from, to) = (turn(shape.from), turn(shape.to));
        let from_card = turn_rect(from_card);
        let target_card = target_card.map(turn_rect);
        let ends: Vec<Rect> = std::iter::once(from_card).chain(target_card).collect();
        if !grid.is_crossed(from, to, &ends) {
            continue;
        }
        blocked.push(((from.y - to.y).abs(), id, from_card, target_card, to));
    }
    blocked.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut lanes = Lanes::default();
    for (_, id, from_card, target_card, to) in blocked {
        let Some(path) = detour(&grid, &lanes, from_card, target_card, to) else {
            continue;
        };
        for pair in path.windows(2) {
            if (pair[0].x - pair[1].x).abs() < 0.5 {
                lanes.add(Lane {
                    x: pair[0].x,
                    top: pair[0].y.min(pair[1].y),
                    bottom: pair[0].y.max(pair[1].y),
                });
            }
        }
        if let Some(shape) = shapes.get_mut(&id) {
            let points: Vec<Pos2> = path.into_iter().map(turn).collect();
            shape.from = points[0];
            shape.to = points[points.len() - 1];
            shape.bends = points[1..points.len() - 1].to_vec();
            shape.anchor = longest_segment(shape).map_or(shape.anchor, |(a, b)| a.lerp(b, 0.5));
        }
    }
}

/// The longest segment of a shape's arrow.
pub fn longest_segment(shape: &LinkShape) -> Option<(Pos2, Pos2)> {
    shape
        .segments()
        .max_by(|a, b| a.0.distance(a.1).total_cmp(&b.0.distance(b.1)))
}

/// A clear orthogonal path from the side of `from_card` to `target_card`
/// (or to the point `to` when the link undercuts another link), through
/// the nearest free lane on either side of the cards in the way.
fn detour(
    grid: &CardGrid,
    lanes: &Lanes,
    from_card: Rect,
    target_card: Option<Rect>,
    to: Pos2,
) -> Option<Vec<Pos2>> {
    let ends: Vec<Rect> = std::iter::once(from_card).chain(target_card).collect();
    let straight_from = from_card.center();
    let (left_edge, right_edge) = grid
        .crossed_extent(straight_from, to, &ends)
        .map_or((from_card.left(), from_card.right()), |(left, right)| {
            (left.min(from_card.left()), right.max(from_card.right()))
        });
    // The side towards the target first.
    let aim = target_card.map_or(to.x, |t| t.center().x);
    let left_first = aim <= from_card.center().x;
    let sides = if left_first {
        [true, false]
    } else {
        [false, true]
    };
    let mid_y = from_card.center().y;
    for left in sides {
        #[expect(clippy::cast_precision_loss, reason = "A few dozen lanes.")]
        for step in (0..MAX_LANES).map(|s| s as f32) {
            let x = if left {
                left_edge - LANE_GAP - step * LANE_STEP
            } else {
                right_edge + LANE_GAP + step * LANE_STEP
            };
            let start = pos2(
                if left {
                    from_card.left()
                } else {
                    from_card.right()
                },
                mid_y,
            );
            let path = path_through(start, x, target_card, to);
            let lane = path
                .windows(2)
                .find(|pair| (pair[0].x - pair[1].x).abs() < 0.5)
                .map(|pair| Lane {
                    x,
                    top: pair[0].y.min(pair[1].y),
                    bottom: pair[0].y.max(pair[1].y),
                });
            if lane.is_some_and(|new| lanes.taken(new)) {
                continue;
            }
            // The first stretch runs out from the premise's side to the
            // lane: a card in its way is in the way of every lane farther
            // out on this side too.
            let (first, rest) = (&path[..2], &path[1..]);
            if grid.is_crossed(first[0], first[1], &ends) {
                break;
            }
            let clear = rest
                .windows(2)
                .all(|pair| !grid.is_crossed(pair[0], pair[1], &ends));
            if clear {
                return Some(path);
            }
        }
    }
    None
}

/// The points of a detour from `start` (on the premise's side) along the
/// lane at `x`: into the target's facing edge straight up the lane when
/// the lane meets it, else across under it to its nearest corner; to a
/// point (an undercut) by a last stretch across.
fn path_through(start: Pos2, x: f32, target_card: Option<Rect>, to: Pos2) -> Vec<Pos2> {
    let Some(target) = target_card else {
        return vec![start, pos2(x, start.y), pos2(x, to.y), to];
    };
    let above = target.center().y < start.y;
    let edge = if above { target.bottom() } else { target.top() };
    if x >= target.left() + CORNER && x <= target.right() - CORNER {
        return vec![start, pos2(x, start.y), pos2(x, edge)];
    }
    // Across just outside the target's edge, then in.
    let beside = if above {
        edge + LANE_GAP
    } else {
        edge - LANE_GAP
    };
    let end_x = x.clamp(target.left() + CORNER * 2.0, target.right() - CORNER * 2.0);
    vec![
        start,
        pos2(x, start.y),
        pos2(x, beside),
        pos2(end_x, beside),
        pos2(end_x, edge),
    ]
}
