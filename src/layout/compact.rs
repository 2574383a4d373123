//! The compact tidy tree: the answers of a claim that have no answers of
//! their own are stacked in a column under it, as org charts do, instead of
//! side by side; the others stand in a row as in the wide tree.
//!
//! A stacked column hangs to the right of lanes that run down from its
//! claim's bottom edge, one lane per card after the first, so each arrow
//! can run up its own lane (the routing in `draw::geometry` finds them).
//! Rows are not aligned across the map: each claim's answers start a row
//! gap below it. So the outline of a subtree is a list of bands — a span of
//! height with the leftmost and rightmost edge anything in the subtree
//! reaches there — and subtrees are packed by comparing bands that share
//! heights, the Reingold–Tilford way.

use std::collections::BTreeMap;

use crate::id_hash::{IdMap, id_map};

use super::forest::Forest;
use super::{COLUMN_GAP, ROW_GAP, TREE_GAP};
use crate::model::{ClaimId, Pos};

/// Vertical space between stacked cards.
pub const STACK_GAP: f32 = 18.0;
/// Space between a column of stacked cards and the lane nearest it.
pub const LANE_GAP: f32 = 14.0;
/// Space between neighbouring lanes.
pub const LANE_STEP: f32 = 9.0;
/// Room between the outermost lane and the edge of the claim it ends on.
const LANE_MARGIN: f32 = 10.0;
/// The most cards one column holds: a longer run of answers is split into
/// columns side by side, which keeps a claim with many answers from
/// drawing a long thin strip.
const MAX_STACK: usize = 5;

/// A span of height and how far left and right a subtree reaches there.
#[derive(Clone, Copy, Debug)]
struct Band {
    top: f32,
    bottom: f32,
    left: f32,
    right: f32,
}

/// A packed subtree's outline: its bands bottom first (so a parent adds
/// its own at the end), stored relative to `offset` so that moving a whole
/// outline costs nothing; `root` is where the subtree's root stands.
struct Contour {
    bands: Vec<Band>,
    offset: f32,
    root: f32,
}

/// How a claim's answers are grouped under it, left to right.
enum Unit {
    /// One answer (with its own answers below it).
    Single(ClaimId),
    /// Answers without answers of their own, stacked top down.
    Column(Vec<ClaimId>),
}

/// A packing tried: its width over its height, and the centres.
type Shape = (f32, BTreeMap<ClaimId, Pos>);

/// Lays the forest out, stacking ever larger branches until the whole is
/// no wider than `widest` times its height: first only answers without
/// answers of their own, then branches of up to 2, 4, 8, … claims. Of the
/// shapes tried, the one nearest the middle of the accepted range wins, so
/// a map that jumps from too wide to too tall gets the better of the two.
///
/// Stacking larger branches only makes the map narrower, so the first
/// branch size that fits is found by narrowing an interval of sizes, two
/// sizes tried at once (one per core), instead of trying each in turn: a
/// 20,000-claim map takes three or four packings instead of ten.
pub(super) fn place(
    forest: &Forest,
    size: impl Fn(ClaimId) -> (f32, f32) + Sync,
    widest: f32,
) -> BTreeMap<ClaimId, Pos> {
    let mut claims: IdMap<ClaimId, usize> = id_map(forest.order.len());
    for &claim in forest.order.iter().rev() {
        let below: usize = forest
            .kids(claim)
            .iter()
            .filter_map(|kid| claims.get(kid))
            .sum();
        claims.insert(claim, below + 1);
    }
    let largest = claims.values().copied().max().unwrap_or(1);
    // Each card's size looked up once, not in every packing.
    let sizes: IdMap<ClaimId, (f32, f32)> = forest.order.iter().map(|&id| (id, size(id))).collect();
    let size = |id: ClaimId| sizes.get(&id).copied().unwrap_or(crate::card::UNMEASURED);
    // Branch sizes 1, 2, 4, … up to the first that holds the largest.
    let last = usize::BITS - (largest.max(1) - 1).leading_zeros();
    let aim = widest.sqrt().ln();
    let shape = |step: u32| {
        let placed = place_stacking(forest, &size, &claims, 1_usize << step);
        let (width, height) = extent(&placed, &size);
        (width / height.max(1.0), placed)
    };
    let fits = |step: u32, ratio: f32| ratio <= widest || step >= last;
    let mut tried: BTreeMap<u32, Shape> = BTreeMap::new();
    // Steps below `low` are too wide; `high` fits (the last always does).
    let (mut low, mut high) = (0_u32, last);
    while low < high {
        let gap = high - low;
        let probes = if gap >= 3 {
            vec![low + gap / 3, low + 2 * gap / 3]
        } else {
            vec![low]
        };
        let shapes: Vec<(u32, Shape)> = match probes.as_slice() {
            &[a, b] => {
                let (first, second) = rayon::join(|| shape(a), || shape(b));
                vec![(a, first), (b, second)]
            }
            _ => probes.iter().map(|&p| (p, shape(p))).collect(),
        };
        for (step, result) in shapes {
            if fits(step, result.0) {
                high = high.min(step);
            } else {
                low = low.max(step + 1);
            }
            tried.insert(step, result);
        }
    }
    tried.entry(high).or_insert_with(|| shape(high));
    // The first that fits, or the one before it if that is nearer the aim.
    let miss = |ratio: f32| (ratio.max(f32::MIN_POSITIVE).ln() - aim).abs();
    let before = high.checked_sub(1).filter(|b| tried.contains_key(b));
    let choice = match (before, tried.get(&high)) {
        (Some(b), Some((ratio, _)))
            if tried.get(&b).is_some_and(|(r, _)| miss(*r) < miss(*ratio)) =>
        {
            b
        }
        _ => high,
    };
    tried
        .remove(&choice)
        .map(|(_, placed)| placed)
        .unwrap_or_default()
}

/// The width and height of the box around the placed cards.
fn extent(placed: &BTreeMap<ClaimId, Pos>, size: &impl Fn(ClaimId) -> (f32, f32)) -> (f32, f32) {
    let mut bounds = (
        f32::INFINITY,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NEG_INFINITY,
    );
    for (&id, pos) in placed {
        let (w, h) = size(id);
        bounds.0 = bounds.0.min(pos.x - w / 2.0);
        bounds.1 = bounds.1.min(pos.y - h / 2.0);
        bounds.2 = bounds.2.max(pos.x + w / 2.0);
        bounds.3 = bounds.3.max(pos.y + h / 2.0);
    }
    (
        (bounds.2 - bounds.0).max(0.0),
        (bounds.3 - bounds.1).max(0.0),
    )
}

/// Packs each tree, stacking answers that stand alone and head a branch of
/// at most `branch` claims, and places the trees side by side; returns
/// centres.
fn place_stacking(
    forest: &Forest,
    size: &impl Fn(ClaimId) -> (f32, f32),
    claims: &IdMap<ClaimId, usize>,
    branch: usize,
) -> BTreeMap<ClaimId, Pos> {
    let stacks = |kid: ClaimId| {
        forest.alone.contains(&kid) && claims.get(&kid).is_some_and(|&n| n <= branch)
    };
    let units: IdMap<ClaimId, Vec<Unit>> = forest
        .order
        .iter()
        .map(|&claim| (claim, units_of(forest, claim, size(claim).0, &stacks)))
        .collect();
    let top = tops(forest, &units, size);
    let top_of = |id: ClaimId| top.get(&id).copied().unwrap_or(0.0);
    let (outlines, offset_from_parent) = pack(forest, &units, size, &top_of);

    // Trees side by side, then each claim from its parent, top down.
    let mut x: IdMap<ClaimId, f32> = id_map(forest.order.len());
    let mut right_edge: Option<f32> = None;
    for &root in &forest.roots {
        let Some(outline) = outlines.get(&root) else {
            continue;
        };
        let left = outline
            .bands
            .iter()
            .map(|b| b.left + outline.offset)
            .fold(f32::INFINITY, f32::min);
        let right = outline
            .bands
            .iter()
            .map(|b| b.right + outline.offset)
            .fold(f32::NEG_INFINITY, f32::max);
        let root_x = match right_edge {
            None => outline.root,
            Some(edge) => edge + TREE_GAP + (outline.root - left),
        };
        right_edge = Some(root_x + (right - outline.root));
        x.insert(root, root_x);
    }
    let mut placed = BTreeMap::new();
    for &claim in &forest.order {
        let Some(&claim_x) = x.get(&claim) else {
            continue;
        };
        placed.insert(
            claim,
            Pos::new(claim_x, top_of(claim) + size(claim).1 / 2.0),
        );
        for kid in forest.kids(claim) {
            if let Some(offset) = offset_from_parent.get(kid) {
                x.insert(*kid, claim_x + offset);
            }
        }
    }
    placed
}

/// The top of every card: each claim's answers start a row gap below it,
/// and each branch in a column a stack gap below the branch above.
fn tops(
    forest: &Forest,
    units: &IdMap<ClaimId, Vec<Unit>>,
    size: &impl Fn(ClaimId) -> (f32, f32),
) -> IdMap<ClaimId, f32> {
    // How tall each branch stands, children before parents.
    let mut span: IdMap<ClaimId, f32> = id_map(forest.order.len());
    for &claim in forest.order.iter().rev() {
        let span_of = |id: &ClaimId| span.get(id).copied().unwrap_or(0.0);
        let below = units
            .get(&claim)
            .into_iter()
            .flatten()
            .map(|unit| match unit {
                Unit::Single(kid) => span_of(kid),
                Unit::Column(kids) => {
                    kids.iter().map(|kid| span_of(kid) + STACK_GAP).sum::<f32>() - STACK_GAP
                }
            })
            .fold(None, |tallest: Option<f32>, h| {
                Some(tallest.map_or(h, |t| t.max(h)))
            });
        let own = size(claim).1;
        span.insert(claim, below.map_or(own, |below| own + ROW_GAP + below));
    }

    // Heights, parents before children (the order is breadth first).
    let mut top: IdMap<ClaimId, f32> = id_map(forest.order.len());
    for &root in &forest.roots {
        top.insert(root, 0.0);
    }
    for &claim in &forest.order {
        let below = top.get(&claim).copied().unwrap_or(0.0) + size(claim).1 + ROW_GAP;
        for unit in units.get(&claim).into_iter().flatten() {
            match unit {
                Unit::Single(kid) => {
                    top.insert(*kid, below);
                }
                Unit::Column(kids) => {
                    let mut y = below;
                    for &kid in kids {
                        top.insert(kid, y);
                        y += span.get(&kid).copied().unwrap_or(0.0) + STACK_GAP;
                    }
                }
            }
        }
    }
    top
}

/// The outline of each tree, packed children before parents, and each
/// claim's offset from its parent.
fn pack(
    forest: &Forest,
    units: &IdMap<ClaimId, Vec<Unit>>,
    size: &impl Fn(ClaimId) -> (f32, f32),
    top_of: &impl Fn(ClaimId) -> f32,
) -> (IdMap<ClaimId, Contour>, IdMap<ClaimId, f32>) {
    // The branches stacked in a column: each hangs from its root's left
    // edge, its answers below and to the right, so the column's roots stand
    // by the lanes of their one parent (a branch centred over a wide
    // subtree pushed the parent and its lanes far to the left).
    let stacked: crate::id_hash::IdSet<ClaimId> = units
        .values()
        .flatten()
        .filter_map(|unit| match unit {
            Unit::Column(kids) => Some(kids.iter().copied()),
            Unit::Single(_) => None,
        })
        .flatten()
        .collect();
    // Then across, children before parents.
    let mut outlines: IdMap<ClaimId, Contour> = id_map(forest.order.len());
    let mut offset_from_parent: IdMap<ClaimId, f32> = id_map(forest.order.len());
    for &claim in forest.order.iter().rev() {
        let (width, height) = size(claim);
        let half = width / 2.0;
        let claim_top = top_of(claim);
        let mut merged: Option<Contour> = None;
        // Each answer's centre in the merged outline's frame, and where
        // each unit would have its parent stand.
        let mut members: Vec<(ClaimId, f32)> = Vec::new();
        let mut unit_roots: Vec<f32> = Vec::new();
        for unit in units.get(&claim).into_iter().flatten() {
            let (outline, mut unit_members) = match unit {
                Unit::Single(kid) => {
                    let Some(outline) = outlines.remove(kid) else {
                        continue;
                    };
                    let root = outline.root;
                    (outline, vec![(*kid, root)])
                }
                Unit::Column(kids) => {
                    let stacked: Vec<(ClaimId, Contour)> = kids
                        .iter()
                        .filter_map(|kid| outlines.remove(kid).map(|o| (*kid, o)))
                        .collect();
                    let lane_end = kids.last().map_or(0.0, |&kid| top_of(kid) + size(kid).1);
                    column(stacked, half, lane_end, size)
                }
            };
            let shift = match &merged {
                None => 0.0,
                Some(left) => separation(left, &outline),
            };
            for member in &mut unit_members {
                member.1 += shift;
            }
            members.extend(unit_members);
            unit_roots.push(outline.root + shift);
            match &mut merged {
                None => merged = Some(outline),
                Some(left) => merge(left, outline, shift),
            }
        }
        let outline = match merged {
            None => Contour {
                bands: vec![Band {
                    top: claim_top,
                    bottom: claim_top + height,
                    left: -half,
                    right: half,
                }],
                offset: 0.0,
                root: 0.0,
            },
            Some(mut below) => {
                let first = unit_roots.first().copied().unwrap_or(0.0);
                let last = unit_roots.last().copied().unwrap_or(0.0);
                let centred = f32::midpoint(first, last);
                let root = if stacked.contains(&claim) {
                    let leftmost = below
                        .bands
                        .iter()
                        .map(|b| b.left + below.offset)
                        .fold(f32::INFINITY, f32::min);
                    centred.min(leftmost + half)
                } else {
                    centred
                };
                for (kid, x) in members {
                    offset_from_parent.insert(kid, x - root);
                }
                // The claim and the gap under it, where its arrows run.
                below.bands.push(Band {
                    top: claim_top,
                    bottom: claim_top + height + ROW_GAP,
                    left: root - half - below.offset,
                    right: root + half - below.offset,
                });
                below.root = root;
                below
            }
        };
        outlines.insert(claim, outline);
    }
    (outlines, offset_from_parent)
}

/// A claim's answers as units: when every answer may be stacked
/// (`stacks`), columns under the claim (split when longer than fits under
/// a claim `width` wide, or than [`MAX_STACK`]; a run of one stays
/// single); otherwise all in a row. A column beside a sibling's subtree
/// would sit in that subtree's rows and read as its answers (both
/// objections to a thesis stacked under one of its reasons), so a claim
/// with answers of its own among its answers keeps them all in the row,
/// and a column always hangs under its one parent.
fn units_of(
    forest: &Forest,
    claim: ClaimId,
    width: f32,
    stacks: &impl Fn(ClaimId) -> bool,
) -> Vec<Unit> {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "Small and clamped."
    )]
    let lanes = ((width - 2.0 * LANE_MARGIN) / LANE_STEP).floor().max(0.0) as usize;
    let longest = (lanes + 2).min(MAX_STACK);
    let mut units = Vec::new();
    let mut run: Vec<ClaimId> = Vec::new();
    let flush = |run: &mut Vec<ClaimId>, units: &mut Vec<Unit>| {
        for chunk in run.chunks(longest.max(1)) {
            units.push(match chunk {
                [only] => Unit::Single(*only),
                _ => Unit::Column(chunk.to_vec()),
            });
        }
        run.clear();
    };
    let kids = forest.kids(claim);
    if !kids.iter().all(|&kid| stacks(kid)) {
        return kids.iter().map(|&kid| Unit::Single(kid)).collect();
    }
    run.extend(kids.iter().copied());
    flush(&mut run, &mut units);
    units
}

/// A column of stacked branches, the left edges of their root cards at 0
/// (so the column reads top down), with room for the lanes left of
/// everything in it down to `lane_end`; returns its outline and each
/// branch root's centre. The root is where the parent (`half` wide on each
/// side) stands so that every lane ends on the parent's bottom edge.
fn column(
    stacked: Vec<(ClaimId, Contour)>,
    half: f32,
    lane_end: f32,
    size: &impl Fn(ClaimId) -> (f32, f32),
) -> (Contour, Vec<(ClaimId, f32)>) {
    #[expect(clippy::cast_precision_loss, reason = "A handful of branches.")]
    let lanes = stacked.len().saturating_sub(2) as f32;
    let room = LANE_GAP + lanes * LANE_STEP + LANE_MARGIN;
    let mut bands: Vec<Band> = Vec::new();
    let mut members = Vec::with_capacity(stacked.len());
    let mut leftmost = 0.0_f32;
    for (kid, outline) in stacked {
        let root_left = outline.root - size(kid).0 / 2.0;
        let shift = outline.offset - root_left;
        members.push((kid, outline.root - root_left));
        // Top down: each branch's bands, which run bottom first.
        bands.extend(outline.bands.iter().rev().map(|b| {
            leftmost = leftmost.min(b.left + shift);
            Band {
                left: b.left + shift,
                right: b.right + shift,
                ..*b
            }
        }));
    }
    let lane_start = bands.first().map_or(lane_end, |b| b.top);
    let lanes = [Band {
        top: lane_start,
        bottom: lane_end.max(lane_start),
        left: leftmost - room,
        right: leftmost,
    }];
    let mut bands = union(&bands, &lanes);
    bands.reverse();
    let outline = Contour {
        bands,
        offset: 0.0,
        root: leftmost + half - room,
    };
    (outline, members)
}

/// How far `right` must move so that, wherever the two share heights, it
/// stays a column gap clear of `left`. Walks both from the top down only as
/// far as the shallower one reaches.
fn separation(left: &Contour, right: &Contour) -> f32 {
    let (mut i, mut j) = (left.bands.len(), right.bands.len());
    let mut shift = f32::NEG_INFINITY;
    while i > 0 && j > 0 {
        let (a, b) = (left.bands[i - 1], right.bands[j - 1]);
        if a.top < b.bottom && b.top < a.bottom {
            shift = shift.max(a.right + left.offset + COLUMN_GAP - (b.left + right.offset));
        }
        if a.bottom < b.bottom {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    if shift.is_finite() { shift } else { 0.0 }
}

/// Adds `right`, moved by `shift`, to `left`: where they share heights the
/// bands are joined; below the shallower one the deeper one's bands are
/// kept as they are (only its offset changes).
fn merge(left: &mut Contour, mut right: Contour, shift: f32) {
    right.offset += shift;
    right.root += shift;
    let bottom = |o: &Contour| o.bands.first().map_or(f32::NEG_INFINITY, |b| b.bottom);
    let left_outline = std::mem::replace(
        left,
        Contour {
            bands: Vec::new(),
            offset: 0.0,
            root: 0.0,
        },
    );
    let (mut deep, shallow) = if bottom(&right) > bottom(&left_outline) {
        (right, left_outline)
    } else {
        (left_outline, right)
    };
    let shallow_bottom = bottom(&shallow);
    let keep = deep
        .bands
        .iter()
        .take_while(|b| b.top >= shallow_bottom)
        .count();
    let real = |b: &Band, offset: f32| Band {
        left: b.left + offset,
        right: b.right + offset,
        ..*b
    };
    let shared: Vec<Band> = deep.bands[keep..]
        .iter()
        .rev()
        .map(|b| real(b, deep.offset))
        .collect();
    let other: Vec<Band> = shallow
        .bands
        .iter()
        .rev()
        .map(|b| real(b, shallow.offset))
        .collect();
    deep.bands.truncate(keep);
    let offset = deep.offset;
    deep.bands.extend(
        union(&shared, &other)
            .into_iter()
            .rev()
            .map(|b| real(&b, -offset)),
    );
    *left = deep;
}

/// The union of two lists of bands, each top down and not overlapping:
/// top down, neighbours with the same reach joined into one.
fn union(first: &[Band], second: &[Band]) -> Vec<Band> {
    let mut heights: Vec<f32> = first
        .iter()
        .chain(second)
        .flat_map(|band| [band.top, band.bottom])
        .collect();
    heights.sort_by(f32::total_cmp);
    heights.dedup();
    let (mut at_first, mut at_second) = (0, 0);
    let mut out: Vec<Band> = Vec::with_capacity(first.len() + second.len());
    for pair in heights.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        while first.get(at_first).is_some_and(|band| band.bottom <= from) {
            at_first += 1;
        }
        while second
            .get(at_second)
            .is_some_and(|band| band.bottom <= from)
        {
            at_second += 1;
        }
        let reach = |list: &[Band], k: usize| {
            list.get(k)
                .filter(|band| band.top <= from)
                .map(|band| (band.left, band.right))
        };
        let (left, right) = match (reach(first, at_first), reach(second, at_second)) {
            (None, None) => continue,
            (Some(one), None) | (None, Some(one)) => one,
            (Some(one), Some(other)) => (one.0.min(other.0), one.1.max(other.1)),
        };
        if let Some(last) = out.last_mut()
            && last.bottom.total_cmp(&from).is_eq()
            && last.left.total_cmp(&left).is_eq()
            && last.right.total_cmp(&right).is_eq()
        {
            last.bottom = to;
            continue;
        }
        out.push(Band {
            top: from,
            bottom: to,
            left,
            right,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn band(top: f32, bottom: f32, left: f32, right: f32) -> Band {
        Band {
            top,
            bottom,
            left,
            right,
        }
    }

    #[test]
    fn union_joins_where_both_reach_and_keeps_the_rest() {
        let a = [band(0.0, 10.0, 0.0, 5.0), band(20.0, 30.0, 0.0, 5.0)];
        let b = [band(5.0, 25.0, 3.0, 9.0)];
        let u = union(&a, &b);
        let spans: Vec<(f32, f32, f32, f32)> = u
            .iter()
            .map(|b| (b.top, b.bottom, b.left, b.right))
            .collect();
        assert_eq!(
            spans,
            [
                (0.0, 5.0, 0.0, 5.0),
                (5.0, 10.0, 0.0, 9.0),
                (10.0, 20.0, 3.0, 9.0),
                (20.0, 25.0, 0.0, 9.0),
                (25.0, 30.0, 0.0, 5.0),
            ]
        );
    }

    #[test]
    fn separation_looks_only_where_heights_are_shared() {
        let left = Contour {
            bands: vec![band(50.0, 60.0, 0.0, 500.0), band(0.0, 10.0, 0.0, 10.0)],
            offset: 0.0,
            root: 0.0,
        };
        let right = Contour {
            bands: vec![band(0.0, 10.0, 0.0, 10.0)],
            offset: 0.0,
            root: 0.0,
        };
        assert!((separation(&left, &right) - (10.0 + COLUMN_GAP)).abs() < 1e-3);
    }
}
