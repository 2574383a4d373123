//! Automatic layout: the map as a tidy tree, thesis on top, each claim's
//! reasons and objections below it.
//!
//! A pure function of the map and the card sizes. Claims used by several
//! links hang under one parent (the first reached from the top); claims
//! outside the thesis's tree form trees of their own beside it; pinned
//! claims stay where they are and the rest moves around them.
//!
//! Two packings ([`Arrangement`]): wide puts every answer side by side in
//! the row below its claim ([`wide`]); compact stacks the answers that have
//! no answers of their own in a column under their claim, as org charts do
//! ([`compact`]). Both pack the Reingold–Tilford way: each subtree keeps
//! its outline, and a subtree is pushed right only as far as the outlines
//! of its left neighbours require. Everything is iterative, so a chain as
//! long as the map cannot overflow the stack.

mod compact;
pub mod flow;
mod forest;
mod wide;

use std::collections::BTreeMap;

use crate::model::{Arrangement, ClaimId, Growth, Map, Pos};
use forest::{Forest, Index, spanning_forest};

pub use compact::{LANE_GAP, LANE_STEP, STACK_GAP};

/// Horizontal space between neighbouring cards.
pub const COLUMN_GAP: f32 = 30.0;
/// Vertical space between rows.
pub const ROW_GAP: f32 = 80.0;
/// Horizontal space between separate trees.
pub const TREE_GAP: f32 = 120.0;
/// The widest shape compact arranging accepts before it stacks larger
/// branches: twice as wide as high, as a screen or a projector shows well.
/// A left-to-right map aims at about square (it is laid out sideways, in
/// its mirror image, where that is the reciprocal).
pub const WIDEST: f32 = 2.0;

/// What to arrange.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Region {
    /// The whole map.
    All,
    /// The claims below this one (and it); everything else stays put.
    Subtree(ClaimId),
}

pub use crate::card::Sizes;

/// The new centre of every claim that moves, in id order. Pinned claims
/// (and, for a subtree, every claim outside it) never move. The map says
/// how: its [`Arrangement`] (compact or wide) and its direction. A
/// left-to-right map is laid out as the top-down tree of its mirror image
/// (every position and card size with width and height swapped), then
/// mirrored back, so every rule of the tree holds across as it does down.
pub fn arrange(map: &Map, sizes: &Sizes, scope: Region) -> Vec<(ClaimId, Pos)> {
    match map.direction {
        Growth::Down => arrange_down(map, sizes, scope, WIDEST),
        Growth::Right => {
            let (mirrored, sizes) = mirror(map, sizes);
            arrange_down(&mirrored, &sizes, scope, 1.0 / WIDEST.sqrt())
                .into_iter()
                .map(|(id, pos)| (id, Pos::new(pos.y, pos.x)))
                .collect()
        }
    }
}

/// A map's mirror image across the diagonal, and its card sizes turned:
/// its links, and of each claim what layout reads (where it is, whether it
/// is pinned; not its text).
fn mirror(map: &Map, sizes: &Sizes) -> (Map, Sizes) {
    let mirrored = Map {
        thesis: map.thesis,
        arrangement: map.arrangement,
        links: map.links.clone(),
        claims: map
            .claims
            .iter()
            .map(|(&id, claim)| {
                let turned = crate::model::Claim {
                    pos: Pos::new(claim.pos.y, claim.pos.x),
                    pinned: claim.pinned,
                    kind: claim.kind,
                    ..crate::model::Claim::default()
                };
                (id, turned)
            })
            .collect(),
        ..Map::default()
    };
    let sizes = sizes.iter().map(|(&id, &(w, h))| (id, (h, w))).collect();
    (mirrored, sizes)
}

fn arrange_down(map: &Map, sizes: &Sizes, scope: Region, widest: f32) -> Vec<(ClaimId, Pos)> {
    let index = Index::new(map);
    let forest = spanning_forest(map, &index, scope, sizes);
    if forest.order.is_empty() {
        return Vec::new();
    }
    let size = |id: ClaimId| sizes.get(&id).copied().unwrap_or(crate::card::UNMEASURED);
    let mut placed = match map.arrangement {
        Arrangement::Wide => wide::place(&forest, size),
        Arrangement::Compact => compact::place(&forest, size, widest),
    };
    anchor(map, &forest, &mut placed);
    avoid_fixed(map, &forest, size, &mut placed);
    let mut moves: Vec<(ClaimId, Pos)> = placed
        .into_iter()
        .filter(|(id, pos)| {
            map.claims
                .get(id)
                .is_some_and(|claim| !claim.pinned && claim.pos != *pos)
        })
        .collect();
    moves.sort_by_key(|(id, _)| *id);
    moves
}

/// The parent each claim hangs under when the map is arranged (roots have
/// none), so callers can check or draw the tree the layout used. The card
/// sizes matter: siblings are taken in reading order, by their edges.
pub fn tree_parents(map: &Map, sizes: &Sizes, scope: Region) -> BTreeMap<ClaimId, ClaimId> {
    let forest = match map.direction {
        Growth::Down => spanning_forest(map, &Index::new(map), scope, sizes),
        Growth::Right => {
            let (mirrored, sizes) = mirror(map, sizes);
            spanning_forest(&mirrored, &Index::new(&mirrored), scope, &sizes)
        }
    };
    let mut parents = BTreeMap::new();
    for (&parent, kids) in &forest.children {
        for &kid in kids {
            parents.insert(kid, parent);
        }
    }
    parents
}

/// The width and height of the box around every card of `map`, or `None`
/// for an empty map.
pub fn extent(map: &Map, sizes: &Sizes) -> Option<(f32, f32)> {
    let mut bounds: Option<(f32, f32, f32, f32)> = None;
    for (id, claim) in &map.claims {
        let size = sizes.get(id).copied().unwrap_or(crate::card::UNMEASURED);
        let (l, t, r, b) = rect(claim.pos, size);
        bounds = Some(bounds.map_or((l, t, r, b), |(bl, bt, br, bb)| {
            (bl.min(l), bt.min(t), br.max(r), bb.max(b))
        }));
    }
    bounds.map(|(l, t, r, b)| (r - l, b - t))
}

/// Moves the result so the first root stays where it was: the thesis (or
/// the arranged subtree's root) does not jump.
fn anchor(map: &Map, forest: &Forest, placed: &mut BTreeMap<ClaimId, Pos>) {
    let Some(&root) = forest.roots.first() else {
        return;
    };
    let (Some(before), Some(after)) = (map.claims.get(&root).map(|c| c.pos), placed.get(&root))
    else {
        return;
    };
    let (dx, dy) = (before.x - after.x, before.y - after.y);
    if !(dx.is_finite() && dy.is_finite()) {
        return;
    }
    for pos in placed.values_mut() {
        pos.x += dx;
        pos.y += dy;
    }
}

/// Makes room for the claims that must stay: a pinned claim, or a claim
/// outside the arranged subtree. Cards are taken left to right (a column of
/// left-aligned cards together); where one would overlap a fixed card, a
/// gap opens at its left edge: it and every moving card whose left edge is
/// not left of it move right, just far enough. Opening a gap keeps every
/// moving card clear of the others and keeps their order, so the only
/// thing to look for is fixed cards.
fn avoid_fixed(
    map: &Map,
    forest: &Forest,
    size: impl Fn(ClaimId) -> (f32, f32),
    placed: &mut BTreeMap<ClaimId, Pos>,
) {
    let is_fixed = |id: &ClaimId| {
        map.claims.get(id).is_some_and(|c| c.pinned) || !forest.depth.contains_key(id)
    };
    let fixed: Vec<(f32, f32, f32, f32)> = map
        .claims
        .iter()
        .filter(|(id, _)| is_fixed(id))
        .map(|(&id, c)| rect(c.pos, size(id)))
        .collect();
    // Pinned claims in the tree keep their own place.
    for (id, claim) in &map.claims {
        if claim.pinned && placed.contains_key(id) {
            placed.insert(*id, claim.pos);
        }
    }
    if fixed.is_empty() {
        return;
    }
    let mut moving: Vec<(f32, ClaimId)> = placed
        .iter()
        .filter(|(id, _)| !is_fixed(id))
        .map(|(&id, &pos)| (rect(pos, size(id)).0, id))
        .collect();
    moving.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    // Gaps opened so far: everything from here on has moved this far.
    let mut opened = 0.0_f32;
    let mut start = 0;
    while start < moving.len() {
        let left = moving[start].0;
        let end = start
            + moving[start..]
                .iter()
                .take_while(|(l, _)| (l - left).abs() < 0.5)
                .count();
        let group = &moving[start..end];
        let mut shift = opened;
        // Keep stepping past fixed cards until the whole group lands clear.
        for _ in 0..=fixed.len() {
            let needed = group
                .iter()
                .filter_map(|(_, id)| placed.get(id).map(|&pos| rect(pos, size(*id))))
                .flat_map(|(l, t, r, b)| {
                    fixed.iter().filter_map(move |f| {
                        let blocks = f.1 < b + ROW_GAP / 2.0
                            && f.3 > t - ROW_GAP / 2.0
                            && f.0 < r + shift + COLUMN_GAP
                            && f.2 + COLUMN_GAP > l + shift;
                        blocks.then_some(f.2 + COLUMN_GAP - (l + shift))
                    })
                })
                .fold(0.0, f32::max);
            if needed <= 0.0 {
                break;
            }
            shift += needed;
        }
        opened = shift;
        for (_, id) in group {
            if let Some(pos) = placed.get_mut(id) {
                pos.x += shift;
            }
        }
        start = end;
    }
}

fn rect(center: Pos, (width, height): (f32, f32)) -> (f32, f32, f32, f32) {
    (
        center.x - width / 2.0,
        center.y - height / 2.0,
        center.x + width / 2.0,
        center.y + height / 2.0,
    )
}
