//! Automatic layout: the map as a tidy layered tree, thesis on top, each
//! claim's reasons and objections in the row below it.
//!
//! A pure function of the map and the card sizes. Claims used by several
//! links hang under one parent (the first reached from the top); claims
//! outside the thesis's tree form trees of their own beside it; pinned
//! claims stay where they are and the rest moves around them.
//!
//! The tree is packed the Reingold–Tilford way: each subtree keeps the left
//! and right edge of every level below its root (its contour), and a
//! subtree is pushed right only as far as the contours of its left
//! neighbours require. Everything is iterative, so a chain as long as the
//! map cannot overflow the stack.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use crate::model::{ClaimId, Direction, LinkId, Map, Pos, Target};

/// Horizontal space between neighbouring cards.
pub const COLUMN_GAP: f32 = 30.0;
/// Vertical space between rows.
pub const ROW_GAP: f32 = 80.0;
/// Horizontal space between separate trees.
pub const TREE_GAP: f32 = 120.0;

/// What to arrange.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The whole map.
    All,
    /// The claims below this one (and it); everything else stays put.
    Subtree(ClaimId),
}

pub use crate::card::Sizes;

/// The new centre of every claim that moves, in id order. Pinned claims
/// (and, for a subtree, every claim outside it) never move. The map's
/// direction says which way it grows: a left-to-right map is laid out as
/// the top-down tree of its mirror image (every position and card size
/// with width and height swapped), then mirrored back, so every rule of
/// the tree holds across as it does down.
pub fn arrange(map: &Map, sizes: &Sizes, scope: Scope) -> Vec<(ClaimId, Pos)> {
    match map.direction {
        Direction::Down => arrange_down(map, sizes, scope),
        Direction::Right => {
            let mut mirrored = map.clone();
            for claim in mirrored.claims.values_mut() {
                claim.pos = Pos::new(claim.pos.y, claim.pos.x);
            }
            let sizes: Sizes = sizes.iter().map(|(&id, &(w, h))| (id, (h, w))).collect();
            arrange_down(&mirrored, &sizes, scope)
                .into_iter()
                .map(|(id, pos)| (id, Pos::new(pos.y, pos.x)))
                .collect()
        }
    }
}

fn arrange_down(map: &Map, sizes: &Sizes, scope: Scope) -> Vec<(ClaimId, Pos)> {
    let index = Index::new(map);
    let forest = spanning_forest(map, &index, scope);
    if forest.order.is_empty() {
        return Vec::new();
    }
    let size = |id: ClaimId| sizes.get(&id).copied().unwrap_or(crate::card::UNMEASURED);
    let mut placed = place(&forest, size);
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
/// none), so callers can check or draw the tree the layout used.
pub fn tree_parents(map: &Map, scope: Scope) -> BTreeMap<ClaimId, ClaimId> {
    let forest = spanning_forest(map, &Index::new(map), scope);
    let mut parents = BTreeMap::new();
    for (&parent, kids) in &forest.children {
        for &kid in kids {
            parents.insert(kid, parent);
        }
    }
    parents
}

/// Who answers whom: the links into each claim and into each link.
struct Index {
    into_claim: BTreeMap<ClaimId, Vec<LinkId>>,
    into_link: BTreeMap<LinkId, Vec<LinkId>>,
    is_premise: BTreeSet<ClaimId>,
}

impl Index {
    fn new(map: &Map) -> Self {
        let mut index = Self {
            into_claim: BTreeMap::new(),
            into_link: BTreeMap::new(),
            is_premise: BTreeSet::new(),
        };
        for (&id, link) in &map.links {
            match link.target {
                Target::Claim(claim) => index.into_claim.entry(claim).or_default().push(id),
                Target::Link(target) => index.into_link.entry(target).or_default().push(id),
            }
            index.is_premise.extend(link.premises.iter().copied());
        }
        index
    }

    /// The claims that answer `claim`, grouped by link: a link's premises
    /// side by side, then whatever undercuts that link, beside it. Groups
    /// go left to right in the order they stand now.
    fn child_groups(&self, map: &Map, claim: ClaimId) -> Vec<Vec<ClaimId>> {
        let x = |id: &ClaimId| map.claims.get(id).map_or(0.0, |c| c.pos.x);
        // Each group with where it stands: its link's leftmost premise (an
        // undercutter follows the link it attacks, it does not lead it).
        let mut groups: Vec<(f32, Vec<ClaimId>)> = Vec::new();
        for &link_id in self.into_claim.get(&claim).into_iter().flatten() {
            let Some(link) = map.links.get(&link_id) else {
                continue;
            };
            let mut group = link.premises.clone();
            let at = group.iter().map(x).fold(f32::INFINITY, f32::min);
            // Undercutters, and undercutters of those, transitively.
            let mut pending = vec![link_id];
            let mut seen = BTreeSet::from([link_id]);
            while let Some(target) = pending.pop() {
                for &undercut in self.into_link.get(&target).into_iter().flatten() {
                    if seen.insert(undercut)
                        && let Some(u) = map.links.get(&undercut)
                    {
                        group.extend(u.premises.iter().copied());
                        pending.push(undercut);
                    }
                }
            }
            let premises = link.premises.len();
            group[..premises].sort_by(|a, b| x(a).total_cmp(&x(b)));
            group[premises..].sort_by(|a, b| x(a).total_cmp(&x(b)));
            groups.push((at, group));
        }
        groups.sort_by(|a, b| a.0.total_cmp(&b.0));
        groups.into_iter().map(|(_, group)| group).collect()
    }
}

/// The claims to arrange as trees: each claim once, under one parent.
struct Forest {
    /// Tree roots, left to right.
    roots: Vec<ClaimId>,
    /// Each claim's children, left to right.
    children: HashMap<ClaimId, Vec<ClaimId>>,
    /// Each claim's depth in its tree (0 for roots).
    depth: HashMap<ClaimId, usize>,
    /// Every claim in the forest, breadth first.
    order: Vec<ClaimId>,
}

fn spanning_forest(map: &Map, index: &Index, scope: Scope) -> Forest {
    let x = |id: &ClaimId| map.claims.get(id).map_or(0.0, |c| c.pos.x);
    let candidates: Vec<ClaimId> = match scope {
        Scope::Subtree(root) if map.claims.contains_key(&root) => vec![root],
        Scope::Subtree(_) => Vec::new(),
        Scope::All => {
            let mut tops: Vec<ClaimId> = map
                .claims
                .keys()
                .filter(|id| !index.is_premise.contains(id) && map.thesis != Some(**id))
                .copied()
                .collect();
            tops.sort_by(|a, b| x(a).total_cmp(&x(b)));
            // The thesis first, then other tops, then claims only reachable
            // through cycles, by id.
            map.thesis
                .filter(|t| map.claims.contains_key(t))
                .into_iter()
                .chain(tops)
                .chain(map.claims.keys().copied())
                .collect()
        }
    };
    let mut forest = Forest {
        roots: Vec::new(),
        children: HashMap::new(),
        depth: HashMap::new(),
        order: Vec::new(),
    };
    for root in candidates {
        if forest.depth.contains_key(&root) {
            continue;
        }
        forest.roots.push(root);
        forest.depth.insert(root, 0);
        let mut queue = VecDeque::from([root]);
        while let Some(claim) = queue.pop_front() {
            forest.order.push(claim);
            let depth = forest.depth.get(&claim).copied().unwrap_or(0);
            let mut kids = Vec::new();
            for group in index.child_groups(map, claim) {
                for child in group {
                    if map.claims.contains_key(&child) && !forest.depth.contains_key(&child) {
                        forest.depth.insert(child, depth + 1);
                        kids.push(child);
                        queue.push_back(child);
                    }
                }
            }
            forest.children.insert(claim, kids);
        }
        if scope != Scope::All {
            break;
        }
    }
    forest
}

/// A packed subtree: the left and right edge of each level, deepest level
/// first (so a parent adds its own level at the end), in a frame where the
/// subtree's root sits at `root`.
struct Contour {
    levels: Vec<(f32, f32)>,
    root: f32,
}

/// Packs each tree and places the trees side by side; returns centres.
fn place(forest: &Forest, size: impl Fn(ClaimId) -> (f32, f32)) -> BTreeMap<ClaimId, Pos> {
    // Children are packed before parents: walk the breadth-first order back.
    let mut contours: HashMap<ClaimId, Contour> = HashMap::new();
    let mut offset_from_parent: HashMap<ClaimId, f32> = HashMap::new();
    for &claim in forest.order.iter().rev() {
        let half = size(claim).0 / 2.0;
        let kids = forest.children.get(&claim).map_or(&[][..], Vec::as_slice);
        let mut merged: Option<Contour> = None;
        let mut kid_roots = Vec::with_capacity(kids.len());
        for &kid in kids {
            let Some(mut contour) = contours.remove(&kid) else {
                continue;
            };
            match &mut merged {
                None => {
                    kid_roots.push((kid, contour.root));
                    merged = Some(contour);
                }
                Some(left) => {
                    let shift = separation(left, &contour);
                    kid_roots.push((kid, contour.root + shift));
                    merge(left, &mut contour, shift);
                }
            }
        }
        let contour = match merged {
            None => Contour {
                levels: vec![(-half, half)],
                root: 0.0,
            },
            Some(mut below) => {
                let first = kid_roots.first().map_or(0.0, |k| k.1);
                let last = kid_roots.last().map_or(0.0, |k| k.1);
                let root = f32::midpoint(first, last);
                for (kid, kid_root) in kid_roots {
                    offset_from_parent.insert(kid, kid_root - root);
                }
                below.levels.push((root - half, root + half));
                below.root = root;
                below
            }
        };
        contours.insert(claim, contour);
    }

    // Rows: every card in a row starts at the same top, below the tallest
    // card of the row above.
    let max_depth = forest.depth.values().copied().max().unwrap_or(0);
    let mut row_height = vec![0.0_f32; max_depth + 1];
    for (&claim, &depth) in &forest.depth {
        if let Some(height) = row_height.get_mut(depth) {
            *height = height.max(size(claim).1);
        }
    }
    let mut row_top = Vec::with_capacity(row_height.len());
    let mut top = 0.0;
    for height in &row_height {
        row_top.push(top);
        top += height + ROW_GAP;
    }

    // Trees side by side, then each claim from its parent, top down.
    let mut x: HashMap<ClaimId, f32> = HashMap::new();
    let mut right_edge: Option<f32> = None;
    for &root in &forest.roots {
        let Some(contour) = contours.get(&root) else {
            continue;
        };
        let left = contour
            .levels
            .iter()
            .map(|l| l.0)
            .fold(f32::INFINITY, f32::min);
        let right = contour
            .levels
            .iter()
            .map(|l| l.1)
            .fold(f32::NEG_INFINITY, f32::max);
        let root_x = match right_edge {
            None => contour.root,
            Some(edge) => edge + TREE_GAP + (contour.root - left),
        };
        right_edge = Some(root_x + (right - contour.root));
        x.insert(root, root_x);
    }
    let mut placed = BTreeMap::new();
    for &claim in &forest.order {
        let Some(&claim_x) = x.get(&claim) else {
            continue;
        };
        let depth = forest.depth.get(&claim).copied().unwrap_or(0);
        let top = row_top.get(depth).copied().unwrap_or(0.0);
        placed.insert(claim, Pos::new(claim_x, top + size(claim).1 / 2.0));
        for kid in forest.children.get(&claim).into_iter().flatten() {
            if let Some(offset) = offset_from_parent.get(kid) {
                x.insert(*kid, claim_x + offset);
            }
        }
    }
    placed
}

/// How far right `right` must move (in `left`'s frame) so that on every
/// level they share it stays a column gap clear of `left`.
fn separation(left: &Contour, right: &Contour) -> f32 {
    let shared = left.levels.len().min(right.levels.len());
    let mut shift = f32::NEG_INFINITY;
    for depth in 0..shared {
        let l = left.levels[left.levels.len() - 1 - depth];
        let r = right.levels[right.levels.len() - 1 - depth];
        shift = shift.max(l.1 + COLUMN_GAP - r.0);
    }
    shift
}

/// Adds `right`, moved by `shift`, to `left`.
fn merge(left: &mut Contour, right: &mut Contour, shift: f32) {
    let (left_len, right_len) = (left.levels.len(), right.levels.len());
    if right_len <= left_len {
        for depth in 0..right_len {
            left.levels[left_len - 1 - depth].1 = right.levels[right_len - 1 - depth].1 + shift;
        }
    } else {
        // The right subtree is deeper: its levels become the base.
        let mut levels = std::mem::take(&mut right.levels);
        for level in &mut levels {
            level.0 += shift;
            level.1 += shift;
        }
        for depth in 0..left_len {
            levels[right_len - 1 - depth].0 = left.levels[left_len - 1 - depth].0;
        }
        left.levels = levels;
    }
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

/// Pushes cards right, row by row, until none overlaps a claim that must
/// stay: a pinned claim, or a claim outside the arranged subtree. A card
/// moves with everything below it in its tree.
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
    let max_depth = forest.depth.values().copied().max().unwrap_or(0);
    let mut rows: Vec<Vec<ClaimId>> = vec![Vec::new(); max_depth + 1];
    for (&id, &depth) in &forest.depth {
        if !is_fixed(&id)
            && let Some(row) = rows.get_mut(depth)
        {
            row.push(id);
        }
    }
    for row in &mut rows {
        let x_of =
            |id: &ClaimId, placed: &BTreeMap<ClaimId, Pos>| placed.get(id).map_or(0.0, |p| p.x);
        row.sort_by(|a, b| x_of(a, placed).total_cmp(&x_of(b, placed)).then(a.cmp(b)));
        let mut previous_right = f32::NEG_INFINITY;
        for &id in row.iter() {
            let Some(&pos) = placed.get(&id) else {
                continue;
            };
            let (left, top, right, bottom) = rect(pos, size(id));
            let mut shift = (previous_right + COLUMN_GAP - left).max(0.0);
            // Keep stepping past fixed cards until this one lands clear.
            loop {
                let blocking = fixed.iter().filter(|f| {
                    f.1 < bottom + ROW_GAP / 2.0
                        && f.3 > top - ROW_GAP / 2.0
                        && f.0 < right + shift + COLUMN_GAP
                        && f.2 + COLUMN_GAP > left + shift
                });
                let needed = blocking
                    .map(|f| f.2 + COLUMN_GAP - (left + shift))
                    .fold(0.0, f32::max);
                if needed <= 0.0 {
                    break;
                }
                shift += needed;
            }
            if shift > 0.0 {
                shift_subtree(forest, id, shift, placed);
            }
            previous_right = right + shift;
        }
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

fn shift_subtree(forest: &Forest, root: ClaimId, dx: f32, placed: &mut BTreeMap<ClaimId, Pos>) {
    let mut stack = vec![root];
    while let Some(claim) = stack.pop() {
        if let Some(pos) = placed.get_mut(&claim) {
            pos.x += dx;
        }
        stack.extend(forest.children.get(&claim).into_iter().flatten().copied());
    }
}
