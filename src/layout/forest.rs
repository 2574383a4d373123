//! The trees arranging lays out: each claim once, under one parent.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use crate::id_hash::{IdMap, IdSet};

use super::{Region, Sizes};
use crate::model::{ClaimId, LinkId, Map, Target};

/// Who answers whom: the links into each claim and into each link.
pub(super) struct Index {
    into_claim: BTreeMap<ClaimId, Vec<LinkId>>,
    into_link: BTreeMap<LinkId, Vec<LinkId>>,
    is_premise: BTreeSet<ClaimId>,
}

impl Index {
    pub(super) fn new(map: &Map) -> Self {
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
    /// go left to right in the order they stand now: by left edge, then
    /// (for a column of stacked answers) top down. Where a group stands is
    /// read from its claims that are still `free` (not yet under another
    /// parent), so a premise shared with another branch does not drag its
    /// group there.
    fn child_groups(
        &self,
        map: &Map,
        claim: ClaimId,
        sizes: &Sizes,
        free: impl Fn(ClaimId) -> bool,
    ) -> Vec<Vec<ClaimId>> {
        let x = |id: &ClaimId| reading_place(map, sizes, *id);
        // Each group with where it stands: its leftmost free premise.
        let mut groups: Vec<((f32, f32), Vec<ClaimId>)> = Vec::new();
        for &link_id in self.into_claim.get(&claim).into_iter().flatten() {
            let Some(link) = map.links.get(&link_id) else {
                continue;
            };
            let mut group = link.premises.clone();
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
            group[..premises].sort_by(|a, b| compare(x(a), x(b)));
            group[premises..].sort_by(|a, b| compare(x(a), x(b)));
            // Its premises lead; undercutters only when no premise is free.
            let leftmost = |ids: &[ClaimId]| {
                ids.iter()
                    .filter(|id| free(**id))
                    .map(x)
                    .min_by(|a, b| compare(*a, *b))
            };
            let at = leftmost(&group[..premises])
                .or_else(|| leftmost(&group[premises..]))
                .unwrap_or((f32::INFINITY, f32::INFINITY));
            groups.push((at, group));
        }
        groups.sort_by(|a, b| compare(a.0, b.0));
        groups.into_iter().map(|(_, group)| group).collect()
    }
}

/// The claims to arrange as trees: each claim once, under one parent.
pub(super) struct Forest {
    /// Tree roots, left to right.
    pub roots: Vec<ClaimId>,
    /// Each claim's children, left to right.
    pub children: IdMap<ClaimId, Vec<ClaimId>>,
    /// Each claim's depth in its tree (0 for roots).
    pub depth: IdMap<ClaimId, usize>,
    /// Every claim in the forest, breadth first.
    pub order: Vec<ClaimId>,
    /// The children that answer their parent alone: the one premise of a
    /// link no undercutter attacks. Only these may be stacked.
    pub alone: IdSet<ClaimId>,
}

impl Forest {
    /// The children of `claim`, left to right.
    pub fn kids(&self, claim: ClaimId) -> &[ClaimId] {
        self.children.get(&claim).map_or(&[][..], Vec::as_slice)
    }
}

pub(super) fn spanning_forest(map: &Map, index: &Index, scope: Region, sizes: &Sizes) -> Forest {
    let x = |id: &ClaimId| reading_place(map, sizes, *id);
    let candidates: Vec<ClaimId> = match scope {
        Region::Subtree(root) if map.claims.contains_key(&root) => vec![root],
        Region::Subtree(_) => Vec::new(),
        Region::All => {
            let mut tops: Vec<ClaimId> = map
                .claims
                .keys()
                .filter(|id| !index.is_premise.contains(id) && map.thesis != Some(**id))
                .copied()
                .collect();
            tops.sort_by(|a, b| compare(x(a), x(b)));
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
        children: IdMap::default(),
        depth: IdMap::default(),
        order: Vec::new(),
        alone: IdSet::default(),
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
            let free = |id: ClaimId| !forest.depth.contains_key(&id);
            for group in index.child_groups(map, claim, sizes, free) {
                if let [only] = group[..] {
                    forest.alone.insert(only);
                }
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
        if scope != Region::All {
            break;
        }
    }
    forest
}

/// Where a claim stands in reading order: its left edge (to the nearest
/// unit, so a column of left-aligned cards ties), then its top.
fn reading_place(map: &Map, sizes: &Sizes, id: ClaimId) -> (f32, f32) {
    let Some(claim) = map.claims.get(&id) else {
        return (0.0, 0.0);
    };
    let (width, height) = sizes.get(&id).copied().unwrap_or(crate::card::UNMEASURED);
    (
        (claim.pos.x - width / 2.0).round(),
        claim.pos.y - height / 2.0,
    )
}

fn compare(a: (f32, f32), b: (f32, f32)) -> std::cmp::Ordering {
    a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1))
}
