//! The wide tidy tree: every claim's answers side by side in the row
//! below it, packed the Reingold–Tilford way by the contour of each level.

use std::collections::BTreeMap;

use crate::id_hash::IdMap;

use super::forest::Forest;
use super::{COLUMN_GAP, ROW_GAP, TREE_GAP};
use crate::model::{ClaimId, Pos};

/// A packed subtree: the left and right edge of each level, deepest level
/// first (so a parent adds its own level at the end), in a frame where the
/// subtree's root sits at `root`.
struct Contour {
    levels: Vec<(f32, f32)>,
    root: f32,
}

/// Packs each tree and places the trees side by side; returns centres.
pub(super) fn place(
    forest: &Forest,
    size: impl Fn(ClaimId) -> (f32, f32),
) -> BTreeMap<ClaimId, Pos> {
    // Children are packed before parents: walk the breadth-first order back.
    let mut contours: IdMap<ClaimId, Contour> = IdMap::default();
    let mut offset_from_parent: IdMap<ClaimId, f32> = IdMap::default();
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
    let mut x: IdMap<ClaimId, f32> = IdMap::default();
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
