//! Moving through a map by its structure, as the arrow keys do: up to what
//! a claim answers, down to its first answer, sideways to its siblings.
//! Siblings are ordered left to right, as they stand on the canvas.

use super::{ClaimId, LinkId, Map, Target};

/// A direction along the structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrow {
    /// To the claim this one supports or attacks.
    Up,
    /// To this claim's first reason, objection or undercutter.
    Down,
    /// To the previous sibling.
    Left,
    /// To the next sibling.
    Right,
}

/// The claim that `link` finally answers: its target, or for an undercut
/// the claim that the undercut link answers (through any chain).
pub fn answered_claim(map: &Map, link: LinkId) -> Option<ClaimId> {
    let mut current = link;
    for _ in 0..=map.links.len() {
        match map.links.get(&current)?.target {
            Target::Claim(claim) => return Some(claim),
            Target::Link(up) => current = up,
        }
    }
    None
}

/// What `claim` answers: the target of the first link (by id) it is a
/// premise of; an undercutter answers the claim of the link it attacks.
pub fn parent(map: &Map, claim: ClaimId) -> Option<ClaimId> {
    map.links
        .iter()
        .filter(|(_, l)| l.premises.contains(&claim))
        .find_map(|(&id, _)| answered_claim(map, id).filter(|&c| c != claim))
}

/// Every claim's parent (as [`parent`] gives it) and the link that makes
/// it the parent's answer, in one pass over the links: for whole-map work
/// where asking claim by claim would be slow.
pub fn parent_links(map: &Map) -> std::collections::BTreeMap<ClaimId, (ClaimId, LinkId)> {
    let mut parents = std::collections::BTreeMap::new();
    for (&id, link) in &map.links {
        let Some(answered) = answered_claim(map, id) else {
            continue;
        };
        for &premise in &link.premises {
            if premise != answered {
                parents.entry(premise).or_insert((answered, id));
            }
        }
    }
    parents
}

/// Every claim's parent, in one pass (see [`parent_links`]).
pub fn parents(map: &Map) -> std::collections::BTreeMap<ClaimId, ClaimId> {
    parent_links(map)
        .into_iter()
        .map(|(claim, (parent, _))| (claim, parent))
        .collect()
}

/// The claims answering `claim` (premises of links into it, and of
/// undercuts of those links) whose parent it is, left to right.
pub fn children(map: &Map, claim: ClaimId) -> Vec<ClaimId> {
    let mut children: Vec<ClaimId> = parents(map)
        .into_iter()
        .filter(|&(_, parent)| parent == claim)
        .map(|(child, _)| child)
        .collect();
    by_position(map, &mut children);
    children
}

/// `claim` and its siblings, left to right: the children of its parent, or
/// for a claim that answers nothing, every such claim.
pub fn siblings(map: &Map, claim: ClaimId) -> Vec<ClaimId> {
    let parents = parents(map);
    let up = parents.get(&claim).copied();
    let mut row: Vec<ClaimId> = map
        .claims
        .keys()
        .copied()
        .filter(|c| parents.get(c).copied() == up)
        .collect();
    by_position(map, &mut row);
    row
}

/// The whole structure at once, for whole-map work: each claim's children
/// left to right (as [`children`] gives them), and the claims that answer
/// nothing, left to right (the row [`siblings`] gives for them).
pub fn tree(
    map: &Map,
) -> (
    std::collections::BTreeMap<ClaimId, Vec<ClaimId>>,
    Vec<ClaimId>,
) {
    let parents = parents(map);
    let mut children: std::collections::BTreeMap<ClaimId, Vec<ClaimId>> =
        std::collections::BTreeMap::new();
    let mut roots = Vec::new();
    for &claim in map.claims.keys() {
        match parents.get(&claim) {
            Some(&parent) => children.entry(parent).or_default().push(claim),
            None => roots.push(claim),
        }
    }
    for row in children.values_mut() {
        by_position(map, row);
    }
    by_position(map, &mut roots);
    (children, roots)
}

fn by_position(map: &Map, claims: &mut [ClaimId]) {
    let x = |c: &ClaimId| map.claims.get(c).map_or(0.0, |c| c.pos.x);
    claims.sort_by(|a, b| x(a).total_cmp(&x(b)).then(a.cmp(b)));
}

/// The claim one step from `claim` in `direction`, if there is one.
pub fn step(map: &Map, claim: ClaimId, direction: Arrow) -> Option<ClaimId> {
    match direction {
        Arrow::Up => parent(map, claim),
        Arrow::Down => children(map, claim).first().copied(),
        Arrow::Left | Arrow::Right => {
            let row = siblings(map, claim);
            let i = row.iter().position(|&c| c == claim)?;
            let j = if direction == Arrow::Left {
                i.checked_sub(1)?
            } else {
                i + 1
            };
            row.get(j).copied()
        }
    }
}

/// What a step along the structure lands on: a claim, or a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// A claim.
    Claim(ClaimId),
    /// A link.
    Link(LinkId),
}

/// One step from the link `id` in `direction`: up to what it answers (a
/// claim, or the link an undercut attacks), down to its first premise,
/// sideways to the links beside it that answer the same.
pub fn step_from_link(map: &Map, id: LinkId, direction: Arrow) -> Option<Place> {
    let link = map.links.get(&id)?;
    match direction {
        Arrow::Up => Some(match link.target {
            Target::Claim(claim) => Place::Claim(claim),
            Target::Link(up) => Place::Link(up),
        }),
        Arrow::Down => link.premises.first().map(|&claim| Place::Claim(claim)),
        Arrow::Left | Arrow::Right => {
            let answers = super::reading::answers(map);
            let beside = answers.get(&link.target)?;
            let at = beside.iter().position(|&l| l == id)?;
            let to = if direction == Arrow::Left {
                at.checked_sub(1)?
            } else {
                at + 1
            };
            beside.get(to).map(|&link| Place::Link(link))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Link, LinkKind, Pos};

    fn at(x: f32, y: f32) -> Pos {
        Pos { x, y }
    }

    #[test]
    fn arrows_follow_the_structure() {
        let mut map = Map::new("t");
        let thesis = map.add_claim(Claim::new("T", at(0.0, 0.0)));
        let right = map.add_claim(Claim::new("R", at(300.0, 200.0)));
        let left = map.add_claim(Claim::new("L", at(-300.0, 200.0)));
        let deep = map.add_claim(Claim::new("D", at(-300.0, 400.0)));
        let under = map.add_claim(Claim::new("U", at(0.0, 400.0)));
        map.thesis = Some(thesis);
        let support = map.add_link(Link::new(
            LinkKind::Support,
            vec![right],
            Target::Claim(thesis),
        ));
        map.add_link(Link::new(
            LinkKind::Attack,
            vec![left],
            Target::Claim(thesis),
        ));
        map.add_link(Link::new(LinkKind::Attack, vec![deep], Target::Claim(left)));
        map.add_link(Link::new(
            LinkKind::Attack,
            vec![under],
            Target::Link(support),
        ));

        // Left to right as on the canvas, whatever the link order.
        assert_eq!(children(&map, thesis), vec![left, under, right]);
        assert_eq!(step(&map, thesis, Arrow::Down), Some(left));
        assert_eq!(step(&map, left, Arrow::Right), Some(under));
        assert_eq!(step(&map, under, Arrow::Right), Some(right));
        assert_eq!(step(&map, right, Arrow::Right), None);
        assert_eq!(step(&map, left, Arrow::Left), None);
        assert_eq!(step(&map, deep, Arrow::Up), Some(left));
        // An undercutter answers the claim of the link it attacks.
        assert_eq!(step(&map, under, Arrow::Up), Some(thesis));
        assert_eq!(step(&map, thesis, Arrow::Up), None);
        assert_eq!(step(&map, deep, Arrow::Down), None);
        // The whole tree at once gives the same rows.
        let (rows, roots) = tree(&map);
        for claim in map.claims.keys() {
            let row = rows.get(claim).cloned().unwrap_or_default();
            assert_eq!(row, children(&map, *claim));
        }
        assert_eq!(roots, siblings(&map, thesis));
        // From a link: up to what it answers, down to its premise, and
        // beside it to the other answers of the same claim (supports
        // first, as the outline reads them).
        let attack = LinkId(2);
        assert_eq!(
            step_from_link(&map, support, Arrow::Up),
            Some(Place::Claim(thesis))
        );
        assert_eq!(
            step_from_link(&map, support, Arrow::Down),
            Some(Place::Claim(right))
        );
        assert_eq!(
            step_from_link(&map, support, Arrow::Right),
            Some(Place::Link(attack))
        );
        assert_eq!(
            step_from_link(&map, attack, Arrow::Left),
            Some(Place::Link(support))
        );
        assert_eq!(step_from_link(&map, support, Arrow::Left), None);
        assert_eq!(
            step_from_link(&map, LinkId(4), Arrow::Up),
            Some(Place::Link(support))
        );
    }

    #[test]
    fn cycles_and_free_claims_do_not_trap_the_arrows() {
        let mut map = Map::new("t");
        let a = map.add_claim(Claim::new("A", at(0.0, 0.0)));
        let b = map.add_claim(Claim::new("B", at(100.0, 0.0)));
        let free = map.add_claim(Claim::new("F", at(500.0, 0.0)));
        map.add_link(Link::new(LinkKind::Support, vec![a], Target::Claim(b)));
        map.add_link(Link::new(LinkKind::Support, vec![b], Target::Claim(a)));
        assert_eq!(step(&map, a, Arrow::Up), Some(b));
        assert_eq!(step(&map, b, Arrow::Up), Some(a));
        assert_eq!(siblings(&map, free), vec![free]);
        assert_eq!(step(&map, free, Arrow::Left), None);
    }
}
