//! Which claims the canvas shows: all of them, less the subtrees of folded
//! claims, or in focus mode only one claim and what answers it. View state
//! only: the map itself never changes.

use std::collections::{BTreeMap, BTreeSet};

use super::{ClaimId, Map, nav};

/// Every claim below `claim` (its answers, their answers…), not itself.
pub fn descendants(map: &Map, claim: ClaimId) -> BTreeSet<ClaimId> {
    let children = children_index(map);
    below(&children, claim)
}

/// Each claim's children, in one pass over the map.
fn children_index(map: &Map) -> BTreeMap<ClaimId, Vec<ClaimId>> {
    let mut children: BTreeMap<ClaimId, Vec<ClaimId>> = BTreeMap::new();
    for (id, parent) in nav::parents(map) {
        children.entry(parent).or_default().push(id);
    }
    children
}

fn below(children: &BTreeMap<ClaimId, Vec<ClaimId>>, claim: ClaimId) -> BTreeSet<ClaimId> {
    let mut found = BTreeSet::new();
    let mut stack = vec![claim];
    while let Some(c) = stack.pop() {
        for &child in children.get(&c).into_iter().flatten() {
            if child != claim && found.insert(child) {
                stack.push(child);
            }
        }
    }
    found
}

/// The claims folding hides, and for each folded claim how many of them
/// it hides.
pub fn folded(
    map: &Map,
    folds: &BTreeSet<ClaimId>,
) -> (BTreeSet<ClaimId>, BTreeMap<ClaimId, usize>) {
    if folds.is_empty() {
        return (BTreeSet::new(), BTreeMap::new());
    }
    let children = children_index(map);
    let mut hidden = BTreeSet::new();
    let mut counts = BTreeMap::new();
    for &fold in folds.iter().filter(|f| map.claims.contains_key(f)) {
        let under = below(&children, fold);
        counts.insert(fold, under.len());
        hidden.extend(under);
    }
    // A folded claim inside another fold is hidden with it.
    counts.retain(|c, _| !hidden.contains(c));
    (hidden, counts)
}

/// The claims focus mode shows for `claim`: it, the claims that answer it
/// directly (reasons, objections) and the undercutters of those answers.
pub fn focused(map: &Map, claim: ClaimId) -> BTreeSet<ClaimId> {
    let mut shown = BTreeSet::from([claim]);
    shown.extend(nav::children(map, claim));
    shown
}

/// The path from the top of the tree down to `claim`, for the breadcrumb
/// bar (cycles stop it).
pub fn ancestors(map: &Map, claim: ClaimId) -> Vec<ClaimId> {
    let mut path = vec![claim];
    let mut current = claim;
    while let Some(up) = nav::parent(map, current) {
        if path.contains(&up) {
            break;
        }
        path.push(up);
        current = up;
    }
    path.reverse();
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Link, LinkKind, Pos, Target};

    #[test]
    #[expect(
        clippy::many_single_char_names,
        reason = "Claims named by their initials."
    )]
    fn folding_hides_the_subtree_and_counts_it() {
        let mut map = Map::new("t");
        let t = map.add_claim(Claim::new("T", Pos::new(0.0, 0.0)));
        let r = map.add_claim(Claim::new("R", Pos::new(-100.0, 100.0)));
        let o = map.add_claim(Claim::new("O", Pos::new(100.0, 100.0)));
        let b = map.add_claim(Claim::new("B", Pos::new(100.0, 200.0)));
        let u = map.add_claim(Claim::new("U", Pos::new(200.0, 200.0)));
        let support = map.add_link(Link::new(LinkKind::Support, vec![r], Target::Claim(t)));
        map.add_link(Link::new(LinkKind::Attack, vec![o], Target::Claim(t)));
        map.add_link(Link::new(LinkKind::Attack, vec![b], Target::Claim(o)));
        map.add_link(Link::new(LinkKind::Attack, vec![u], Target::Link(support)));

        let (hidden, counts) = folded(&map, &BTreeSet::from([o]));
        assert_eq!(hidden, BTreeSet::from([b]));
        assert_eq!(counts, BTreeMap::from([(o, 1)]));
        let (hidden, counts) = folded(&map, &BTreeSet::from([t, o]));
        assert_eq!(hidden, BTreeSet::from([r, o, b, u]));
        assert_eq!(counts, BTreeMap::from([(t, 4)]), "the inner fold is hidden");
        assert_eq!(focused(&map, t), BTreeSet::from([t, r, o, u]));
        assert_eq!(ancestors(&map, b), vec![t, o, b]);
        assert_eq!(descendants(&map, o), BTreeSet::from([b]));
    }
}
