//! Edits that take some working out: what a delete must take along, where a
//! new reply goes, which connections make sense.

use std::collections::BTreeSet;

use super::Edit;
use crate::model::{Claim, ClaimId, Link, LinkId, LinkKind, Map, Pos, Target};

/// Vertical distance from a claim to its replies, in map units.
const ROW_GAP: f32 = 230.0;
/// Horizontal distance between sibling replies, in map units.
const COLUMN_GAP: f32 = 280.0;

/// The edit that deletes `claims` and whatever can no longer stand without
/// them: links left with no premise or no target, and links aimed at those
/// links. A link that keeps some premises loses only the deleted ones.
pub fn delete_claims(map: &Map, claims: &BTreeSet<ClaimId>) -> Edit {
    let mut doomed_links = BTreeSet::new();
    let mut trimmed = Vec::new();
    for (&id, link) in &map.links {
        let target_gone = matches!(link.target, Target::Claim(c) if claims.contains(&c));
        let kept: Vec<ClaimId> = link
            .premises
            .iter()
            .copied()
            .filter(|p| !claims.contains(p))
            .collect();
        if target_gone || kept.is_empty() {
            doomed_links.insert(id);
        } else if kept.len() < link.premises.len() {
            trimmed.push((id, kept));
        }
    }
    let doomed_links = with_dependent_links(map, doomed_links);
    let mut edits: Vec<Edit> = trimmed
        .into_iter()
        .filter(|(id, _)| !doomed_links.contains(id))
        .filter_map(|(id, premises)| {
            let link = map.links.get(&id)?;
            Some(Edit::SetLink {
                id,
                link: Link {
                    premises,
                    ..link.clone()
                },
            })
        })
        .collect();
    edits.extend(doomed_links.into_iter().map(Edit::RemoveLink));
    if map.thesis.is_some_and(|thesis| claims.contains(&thesis)) {
        edits.push(Edit::SetThesis(None));
    }
    edits.extend(
        claims
            .iter()
            .filter(|id| map.claims.contains_key(id))
            .map(|&id| Edit::RemoveClaim(id)),
    );
    Edit::Batch(edits)
}

/// The edit that deletes `links` and the links aimed at them.
pub fn delete_links(map: &Map, links: &BTreeSet<LinkId>) -> Edit {
    let doomed = with_dependent_links(map, links.clone());
    Edit::Batch(doomed.into_iter().map(Edit::RemoveLink).collect())
}

/// `links` plus every link that targets one of them, transitively.
fn with_dependent_links(map: &Map, mut links: BTreeSet<LinkId>) -> BTreeSet<LinkId> {
    loop {
        let before = links.len();
        for (&id, link) in &map.links {
            if let Target::Link(target) = link.target
                && links.contains(&target)
            {
                links.insert(id);
            }
        }
        if links.len() == before {
            return links;
        }
    }
}

/// A new claim with `text` that supports or attacks `parent`, placed in the
/// row below it, right of the replies it already has. Returns the edit and
/// the new claim's id.
pub fn new_reply(
    map: &Map,
    parent: ClaimId,
    kind: LinkKind,
    text: &str,
) -> Option<(Edit, ClaimId)> {
    let parent_pos = map.claims.get(&parent)?.pos;
    let siblings: Vec<Pos> = map
        .links_into(Target::Claim(parent))
        .flat_map(|(_, link)| link.premises.iter())
        .filter_map(|id| map.claims.get(id).map(|c| c.pos))
        .collect();
    let pos = match siblings.iter().map(|p| p.x).reduce(f32::max) {
        Some(rightmost) => {
            let row = siblings.iter().map(|p| p.y).fold(f32::MIN, f32::max);
            Pos::new(rightmost + COLUMN_GAP, row)
        }
        None => Pos::new(parent_pos.x, parent_pos.y + ROW_GAP),
    };
    Some(answering_claim(map, pos, text, kind, Target::Claim(parent)))
}

/// The first spot from `pos` rightwards where no card stands (an
/// undercutter, a claim the user placed by hand), so a new card never
/// hides another.
fn free_spot(map: &Map, mut pos: Pos) -> Pos {
    // The cards in the row, left to right: a spot is crowded when one of
    // them is less than 0.9 of a column from it. Sorted once, each spot is
    // a binary search, so a row of thousands stays instant.
    let reach = COLUMN_GAP * 0.9;
    let mut row: Vec<f32> = map
        .claims
        .values()
        .filter(|c| (c.pos.y - pos.y).abs() < ROW_GAP * 0.6)
        .map(|c| c.pos.x)
        .collect();
    row.sort_by(f32::total_cmp);
    // A card crowds at most two spots, a column apart.
    for _ in 0..=2 * row.len() {
        let next = row.partition_point(|&x| x <= pos.x - reach);
        if row.get(next).is_none_or(|&x| x >= pos.x + reach) {
            break;
        }
        pos.x += COLUMN_GAP;
    }
    pos
}

/// A new claim with `text` near `pos` and its link of `kind` to `target`,
/// as one edit, and the claim's id.
fn answering_claim(
    map: &Map,
    pos: Pos,
    text: &str,
    kind: LinkKind,
    target: Target,
) -> (Edit, ClaimId) {
    let id = map.next_claim_id();
    let edit = Edit::Batch(vec![
        Edit::AddClaim {
            id,
            claim: Claim::new(text, free_spot(map, pos)),
        },
        Edit::AddLink {
            id: map.next_link_id(),
            link: Link {
                kind,
                premises: vec![id],
                target,
                weight: crate::model::Weight::FULL,
            },
        },
    ]);
    (edit, id)
}

/// A new claim beside `claim` that answers what it answers in the same way
/// (a reason beside a reason, an undercut beside an undercut), and its id.
pub fn new_sibling(map: &Map, claim: ClaimId, text: &str) -> Option<(Edit, ClaimId)> {
    let (_, link) = map.links_from(claim).next()?;
    let at = map.claims.get(&claim)?.pos;
    let pos = Pos::new(at.x + COLUMN_GAP, at.y);
    Some(answering_claim(map, pos, text, link.kind, link.target))
}

/// A new claim with `text` joined to `link` as one more premise (linked
/// premises: they hold only together), beside its last premise; the edit
/// and the new claim's id.
pub fn new_co_premise(map: &Map, link_id: LinkId, text: &str) -> Option<(Edit, ClaimId)> {
    let link = map.links.get(&link_id)?;
    let last = link
        .premises
        .iter()
        .filter_map(|p| map.claims.get(p).map(|c| c.pos))
        .max_by(|a, b| a.x.total_cmp(&b.x))?;
    let id = map.next_claim_id();
    let mut joined = link.clone();
    joined.premises.push(id);
    let edit = Edit::Batch(vec![
        Edit::AddClaim {
            id,
            claim: Claim::new(text, free_spot(map, Pos::new(last.x + COLUMN_GAP, last.y))),
        },
        Edit::SetLink {
            id: link_id,
            link: joined,
        },
    ]);
    Some((edit, id))
}

/// A new claim with `text` that denies that `link`'s premises support its
/// conclusion (an undercut), beside the link; the edit and its id.
pub fn new_undercut(map: &Map, link_id: LinkId, text: &str) -> Option<(Edit, ClaimId)> {
    let link = map.links.get(&link_id)?;
    let premises: Vec<Pos> = link
        .premises
        .iter()
        .filter_map(|p| map.claims.get(p).map(|c| c.pos))
        .collect();
    let right = premises.iter().map(|p| p.x).reduce(f32::max)?;
    let top = premises.iter().map(|p| p.y).reduce(f32::min)?;
    // Level with the premises, right of them: where the layout puts
    // undercutters, beside the link they attack.
    let pos = Pos::new(right + COLUMN_GAP, top);
    Some(answering_claim(
        map,
        pos,
        text,
        LinkKind::Attack,
        Target::Link(link_id),
    ))
}

/// Moves `claim` one place earlier (left) or later (right) among its
/// siblings: the two swap places and what they answer is laid out again,
/// keeping the new order. `None` when there is no sibling that way.
pub fn reorder(
    map: &Map,
    claim: ClaimId,
    later: bool,
    sizes: &crate::layout::Sizes,
) -> Option<Edit> {
    use crate::model::nav::{Arrow, step};
    let direction = if later { Arrow::Right } else { Arrow::Left };
    let other = step(map, claim, direction)?;
    let (a, b) = (map.claims.get(&claim)?.pos, map.claims.get(&other)?.pos);
    let mut swapped = map.clone();
    if let Some(c) = swapped.claims.get_mut(&claim) {
        c.pos.x = b.x;
    }
    if let Some(c) = swapped.claims.get_mut(&other) {
        c.pos.x = a.x;
    }
    let mut moves: std::collections::BTreeMap<ClaimId, Pos> = std::collections::BTreeMap::new();
    moves.insert(claim, Pos::new(b.x, a.y));
    moves.insert(other, Pos::new(a.x, b.y));
    if let Some(parent) = crate::model::nav::parent(map, claim) {
        for (id, pos) in
            crate::layout::arrange(&swapped, sizes, crate::layout::Region::Subtree(parent))
        {
            moves.insert(id, pos);
        }
    }
    Some(Edit::Move(moves.into_iter().collect()))
}

/// Why a connection was refused, in words for the status bar.
pub type Refusal = &'static str;

/// The edit that makes `premise` support or attack `target`.
///
/// # Errors
/// When the connection would make no sense: a claim aimed at itself or at a
/// link it is already part of, a link that already exists, or ids that are gone.
pub fn connect(
    map: &Map,
    premise: ClaimId,
    target: Target,
    kind: LinkKind,
) -> Result<Edit, Refusal> {
    if !map.claims.contains_key(&premise) {
        return Err("that claim no longer exists");
    }
    match target {
        Target::Claim(claim) if claim == premise => return Err("a claim cannot answer itself"),
        Target::Claim(claim) if !map.claims.contains_key(&claim) => {
            return Err("that claim no longer exists");
        }
        Target::Link(link) => match map.links.get(&link) {
            None => return Err("that link no longer exists"),
            Some(link)
                if link.premises.contains(&premise) || link.target == Target::Claim(premise) =>
            {
                return Err("a claim cannot undercut a link it is part of");
            }
            Some(_) => {}
        },
        Target::Claim(_) => {}
    }
    if map
        .links
        .values()
        .any(|link| link.target == target && link.premises == [premise])
    {
        return Err("those two are already connected");
    }
    Ok(Edit::AddLink {
        id: map.next_link_id(),
        link: Link {
            kind,
            premises: vec![premise],
            target,
            weight: crate::model::Weight::FULL,
        },
    })
}

/// The edit that adds `claim` to `link` as a co-premise (linked premises).
///
/// # Errors
/// When `claim` is already in the link, is its target, or either is gone.
pub fn join_link(map: &Map, link_id: LinkId, claim: ClaimId) -> Result<Edit, Refusal> {
    let Some(link) = map.links.get(&link_id) else {
        return Err("that link no longer exists");
    };
    if !map.claims.contains_key(&claim) {
        return Err("that claim no longer exists");
    }
    if link.premises.contains(&claim) || link.target == Target::Claim(claim) {
        return Err("that claim is already part of the link");
    }
    let mut joined = link.clone();
    joined.premises.push(claim);
    Ok(Edit::SetLink {
        id: link_id,
        link: joined,
    })
}

/// The edit that splits linked premises into one link per premise, each
/// with the same kind and target. The first premise keeps the link (and
/// whatever undercuts it).
pub fn split_link(map: &Map, link_id: LinkId) -> Option<Edit> {
    let link = map.links.get(&link_id)?;
    let (first, rest) = link.premises.split_first()?;
    if rest.is_empty() {
        return None;
    }
    let mut edits = vec![Edit::SetLink {
        id: link_id,
        link: Link {
            premises: vec![*first],
            ..link.clone()
        },
    }];
    let mut next = map.next_link_id().0;
    for &premise in rest {
        edits.push(Edit::AddLink {
            id: LinkId(next),
            link: Link {
                premises: vec![premise],
                ..link.clone()
            },
        });
        next = next.saturating_add(1);
    }
    Some(Edit::Batch(edits))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Thesis 1; 2 and 3 linked for it; 4 attacks 1; 5 undercuts link 1.
    fn sample() -> Map {
        let mut map = Map::new("m");
        for i in 1..=5 {
            map.add_claim(Claim::new(format!("{i}"), Pos::new(0.0, 0.0)));
        }
        map.thesis = Some(ClaimId(1));
        let link = |kind, premises: &[u32], target| Link {
            kind,
            premises: premises.iter().map(|&i| ClaimId(i)).collect(),
            target,
            weight: crate::model::Weight::FULL,
        };
        map.add_link(link(LinkKind::Support, &[2, 3], Target::Claim(ClaimId(1))));
        map.add_link(link(LinkKind::Attack, &[4], Target::Claim(ClaimId(1))));
        map.add_link(link(LinkKind::Attack, &[5], Target::Link(LinkId(1))));
        map
    }

    fn apply(map: &mut Map, edit: Edit) -> Edit {
        edit.apply(map)
    }

    #[test]
    fn a_co_premise_joins_the_link_and_an_undercut_attacks_it_and_both_undo() {
        let mut map = sample();
        let before = map.clone();
        let (edit, new) = new_co_premise(&map, LinkId(1), "and more").expect("a link");
        let undo = apply(&mut map, edit);
        assert_eq!(
            map.links[&LinkId(1)].premises,
            [ClaimId(2), ClaimId(3), new]
        );
        assert_eq!(map.claims[&new].text, "and more");
        apply(&mut map, undo);
        assert_eq!(map, before);

        let (edit, new) = new_undercut(&map, LinkId(1), "it does not follow").expect("a link");
        apply(&mut map, edit);
        let (_, undercut) = map.links_from(new).next().expect("the undercut's link");
        assert_eq!(undercut.kind, LinkKind::Attack);
        assert_eq!(undercut.target, Target::Link(LinkId(1)));
        assert!(new_co_premise(&map, LinkId(99), "").is_none());
        assert!(new_undercut(&map, LinkId(99), "").is_none());
    }

    #[test]
    fn deleting_the_target_takes_its_links_and_undercuts() {
        let mut map = sample();
        let before = map.clone();
        let undo = apply(
            &mut map,
            delete_claims(&before, &BTreeSet::from([ClaimId(1)])),
        );
        assert!(map.links.is_empty());
        assert_eq!(map.thesis, None);
        assert!(map.validate().is_empty());
        let _ = apply(&mut map, undo);
        assert_eq!(map, before);
    }

    #[test]
    fn deleting_one_co_premise_keeps_the_link() {
        let mut map = sample();
        let before = map.clone();
        let _ = apply(
            &mut map,
            delete_claims(&before, &BTreeSet::from([ClaimId(2)])),
        );
        assert_eq!(map.links[&LinkId(1)].premises, [ClaimId(3)]);
        assert_eq!(map.links.len(), 3);
        assert!(map.validate().is_empty());
    }

    #[test]
    fn deleting_a_link_takes_its_undercutters() {
        let mut map = sample();
        let before = map.clone();
        let _ = apply(
            &mut map,
            delete_links(&before, &BTreeSet::from([LinkId(1)])),
        );
        assert_eq!(map.links.keys().copied().collect::<Vec<_>>(), [LinkId(2)]);
    }

    #[test]
    fn replies_go_below_and_right_of_their_siblings() {
        let mut map = Map::new("m");
        let parent = map.add_claim(Claim::new("p", Pos::new(100.0, 0.0)));
        let (edit, first) = new_reply(&map, parent, LinkKind::Support, "").expect("parent exists");
        let _ = apply(&mut map, edit);
        assert_eq!(map.claims[&first].pos, Pos::new(100.0, ROW_GAP));
        let (edit, second) = new_reply(&map, parent, LinkKind::Attack, "").expect("parent exists");
        let _ = apply(&mut map, edit);
        assert_eq!(
            map.claims[&second].pos,
            Pos::new(100.0 + COLUMN_GAP, ROW_GAP)
        );
        assert_eq!(Role::of(&map, second), Some(Role::Counterpoint));
        assert!(new_reply(&map, ClaimId(99), LinkKind::Support, "").is_none());

        // A card already in the way is stepped past.
        let blocker = map.add_claim(Claim::new(
            "in the way",
            Pos::new(100.0 + 2.0 * COLUMN_GAP, ROW_GAP),
        ));
        let (edit, third) = new_reply(&map, parent, LinkKind::Support, "").expect("parent exists");
        let _ = apply(&mut map, edit);
        assert_ne!(map.claims[&third].pos, map.claims[&blocker].pos);
        assert_eq!(
            map.claims[&third].pos,
            Pos::new(100.0 + 3.0 * COLUMN_GAP, ROW_GAP)
        );
    }

    use crate::model::Role;

    #[test]
    fn connections_that_make_no_sense_are_refused() {
        let map = sample();
        assert!(
            connect(
                &map,
                ClaimId(1),
                Target::Claim(ClaimId(1)),
                LinkKind::Support
            )
            .is_err()
        );
        assert!(
            connect(
                &map,
                ClaimId(4),
                Target::Claim(ClaimId(1)),
                LinkKind::Attack
            )
            .is_err()
        );
        assert!(connect(&map, ClaimId(2), Target::Link(LinkId(1)), LinkKind::Attack).is_err());
        assert!(
            connect(
                &map,
                ClaimId(9),
                Target::Claim(ClaimId(1)),
                LinkKind::Attack
            )
            .is_err()
        );
        let mut map = map;
        let edit =
            connect(&map, ClaimId(4), Target::Link(LinkId(1)), LinkKind::Attack).expect("undercut");
        let _ = apply(&mut map, edit);
        assert_eq!(map.links[&LinkId(4)].target, Target::Link(LinkId(1)));
    }

    #[test]
    fn join_and_split_linked_premises() {
        let mut map = sample();
        assert!(join_link(&map, LinkId(1), ClaimId(2)).is_err());
        assert!(join_link(&map, LinkId(1), ClaimId(1)).is_err());
        let edit = join_link(&map, LinkId(1), ClaimId(4)).expect("joins");
        let _ = apply(&mut map, edit);
        assert_eq!(
            map.links[&LinkId(1)].premises,
            [ClaimId(2), ClaimId(3), ClaimId(4)]
        );

        let edit = split_link(&map, LinkId(1)).expect("splits");
        let _ = apply(&mut map, edit);
        assert_eq!(map.links[&LinkId(1)].premises, [ClaimId(2)]);
        assert_eq!(map.links[&LinkId(4)].premises, [ClaimId(3)]);
        assert_eq!(map.links[&LinkId(5)].premises, [ClaimId(4)]);
        assert!(split_link(&map, LinkId(2)).is_none());
        assert!(map.validate().is_empty());
    }
}
