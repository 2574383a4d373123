//! Copy and paste of claims: a fragment of a map (claims with the links
//! among them), its plain-text outline for other programs, and outlines
//! typed elsewhere turned into claims.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::Edit;
use crate::model::reading::{Step, walk};
use crate::model::{Claim, ClaimId, Link, LinkId, LinkKind, Map, Pos, Target, nav};

/// Space between pasted outline rows and columns, before arranging.
const ROW: f32 = 230.0;
const COLUMN: f32 = 280.0;

/// Copied claims and the links among them, with their original ids.
#[derive(Clone, Debug, PartialEq)]
pub struct Fragment {
    /// The claims and links, as a small map.
    pub map: Map,
    /// For each claim whose parent was left out, how it answered that
    /// parent: pasting onto a claim answers it the same way.
    pub root_kinds: BTreeMap<ClaimId, LinkKind>,
}

impl Fragment {
    /// The smallest and largest card centres, or `None` for no claims.
    pub fn bounds(&self) -> Option<(Pos, Pos)> {
        let mut claims = self.map.claims.values();
        let first = claims.next()?.pos;
        Some(claims.fold((first, first), |(lo, hi), c| {
            (
                Pos::new(lo.x.min(c.pos.x), lo.y.min(c.pos.y)),
                Pos::new(hi.x.max(c.pos.x), hi.y.max(c.pos.y)),
            )
        }))
    }
}

/// The selected claims with the links among them, or `None` when nothing
/// is selected.
pub fn copy(map: &Map, selection: &BTreeSet<ClaimId>) -> Option<Fragment> {
    if selection.is_empty() {
        return None;
    }
    let mut part = map.subset(selection);
    part.thesis = None;
    let parents = nav::parent_links(map);
    let root_kinds = part
        .claims
        .keys()
        .filter_map(|id| {
            let &(parent, link) = parents.get(id)?;
            (!selection.contains(&parent)).then(|| (*id, map.links[&link].kind))
        })
        .collect();
    Some(Fragment {
        map: part,
        root_kinds,
    })
}

/// The fragment as an indented plain-text outline, "because" for reasons
/// and "but" for objections, for pasting into a document.
pub fn outline_text(fragment: &Fragment) -> String {
    let map = &fragment.map;
    let mut out = String::new();
    for step in walk(map) {
        match step {
            Step::Root(id) => {
                if let Some(claim) = map.claims.get(&id) {
                    let _ = writeln!(out, "{}", one_line(&claim.text));
                }
            }
            Step::Link { id, depth, .. } => {
                let Some(link) = map.links.get(&id) else {
                    continue;
                };
                let connective = link.connective();
                let premises: Vec<String> = link
                    .premises
                    .iter()
                    .filter_map(|p| map.claims.get(p).map(|c| one_line(&c.text)))
                    .collect();
                let _ = writeln!(
                    out,
                    "{}{connective} {}",
                    "    ".repeat(depth + 1),
                    premises.join(" and ")
                );
            }
        }
    }
    out
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Plain text read as an outline: one claim per non-empty line; a line
/// indented deeper than the one above answers it; `+`, `because` or a
/// bullet make a reason, `-` or `but` an objection. `None` for text with
/// no line worth a claim.
pub fn parse_outline(text: &str) -> Option<Fragment> {
    let mut map = Map::new("");
    let mut root_kinds = BTreeMap::new();
    // The open claims, from the outermost: (indent, id).
    let mut stack: Vec<(usize, ClaimId)> = Vec::new();
    let mut row = 0_u16;
    for line in text.lines() {
        let expanded = line.replace('\t', "    ");
        let indent = expanded.len() - expanded.trim_start().len();
        let (kind, text) = marker(expanded.trim());
        if text.is_empty() {
            continue;
        }
        while stack.last().is_some_and(|&(i, _)| i >= indent) {
            stack.pop();
        }
        let depth = u16::try_from(stack.len()).unwrap_or(u16::MAX);
        let pos = Pos::new(f32::from(row) * COLUMN, f32::from(depth) * ROW);
        row = row.saturating_add(1);
        let id = map.add_claim(Claim::new(text, pos));
        match stack.last() {
            Some(&(_, parent)) => {
                map.add_link(Link::new(
                    kind.unwrap_or(LinkKind::Support),
                    vec![id],
                    Target::Claim(parent),
                ));
            }
            None => {
                if let Some(kind) = kind {
                    root_kinds.insert(id, kind);
                }
            }
        }
        stack.push((indent, id));
    }
    (!map.claims.is_empty()).then_some(Fragment { map, root_kinds })
}

/// A line's reason/objection marker, and the text after it.
fn marker(line: &str) -> (Option<LinkKind>, &str) {
    let prefixes: [(&str, LinkKind); 9] = [
        ("but that does not follow:", LinkKind::Attack),
        ("because ", LinkKind::Support),
        ("but ", LinkKind::Attack),
        ("+ ", LinkKind::Support),
        ("- ", LinkKind::Attack),
        ("– ", LinkKind::Attack),
        ("* ", LinkKind::Support),
        ("• ", LinkKind::Support),
        ("· ", LinkKind::Support),
    ];
    for (prefix, kind) in prefixes {
        if let Some(rest) = line.strip_prefix(prefix) {
            return (Some(kind), rest.trim());
        }
    }
    (None, line.trim())
}

/// The edit that adds `fragment` to `map` with new ids, its middle at
/// `at`; its top claims answer `attach_to` (as they answered their old
/// parent, else as reasons) when given. Returns the edit and the new ids
/// of the claims, in the fragment's order, and of its top claims.
pub fn paste(
    map: &Map,
    fragment: &Fragment,
    at: Pos,
    attach_to: Option<ClaimId>,
) -> (Edit, Vec<ClaimId>, Vec<ClaimId>) {
    let part = &fragment.map;
    let (dx, dy) = fragment.bounds().map_or((0.0, 0.0), |(min, max)| {
        (
            at.x - f32::midpoint(min.x, max.x),
            at.y - f32::midpoint(min.y, max.y),
        )
    });
    let mut next_claim = map.next_claim_id().0;
    let mut claim_ids: BTreeMap<ClaimId, ClaimId> = BTreeMap::new();
    let mut edits = Vec::new();
    for (&old, claim) in &part.claims {
        let id = ClaimId(next_claim);
        next_claim = next_claim.saturating_add(1);
        claim_ids.insert(old, id);
        let mut claim = claim.clone();
        claim.pos = Pos::new(claim.pos.x + dx, claim.pos.y + dy);
        claim.pinned = false;
        edits.push(Edit::AddClaim { id, claim });
    }
    let mut next_link = map.next_link_id().0;
    let mut link_ids: BTreeMap<LinkId, LinkId> = BTreeMap::new();
    for &old in part.links.keys() {
        link_ids.insert(old, LinkId(next_link));
        next_link = next_link.saturating_add(1);
    }
    for (old, link) in &part.links {
        let target = match link.target {
            Target::Claim(c) => claim_ids.get(&c).map(|&c| Target::Claim(c)),
            Target::Link(l) => link_ids.get(&l).map(|&l| Target::Link(l)),
        };
        let premises: Vec<ClaimId> = link
            .premises
            .iter()
            .filter_map(|p| claim_ids.get(p).copied())
            .collect();
        if let (Some(target), Some(&id), false) = (target, link_ids.get(old), premises.is_empty()) {
            edits.push(Edit::AddLink {
                id,
                link: Link::new(link.kind, premises, target),
            });
        }
    }
    // Top claims: those that answer nothing inside the fragment.
    let answering: BTreeSet<ClaimId> = part
        .links
        .values()
        .flat_map(|l| l.premises.iter().copied())
        .collect();
    let tops: Vec<ClaimId> = part
        .claims
        .keys()
        .filter(|c| !answering.contains(c))
        .filter_map(|c| claim_ids.get(c).copied())
        .collect();
    if let Some(parent) = attach_to.filter(|p| map.claims.contains_key(p)) {
        for (&old, &new) in &claim_ids {
            if answering.contains(&old) {
                continue;
            }
            let kind = fragment
                .root_kinds
                .get(&old)
                .copied()
                .unwrap_or(LinkKind::Support);
            edits.push(Edit::AddLink {
                id: LinkId(next_link),
                link: Link::new(kind, vec![new], Target::Claim(parent)),
            });
            next_link = next_link.saturating_add(1);
        }
    }
    (Edit::Batch(edits), claim_ids.into_values().collect(), tops)
}

/// The selected claims copied beside themselves (to the right of all of
/// them), with the links among them; the copies answer what the originals
/// answer when they all answer the same claim. The edit and the copies'
/// ids, or `None` when nothing is selected.
pub fn duplicate(map: &Map, selection: &BTreeSet<ClaimId>) -> Option<(Edit, Vec<ClaimId>)> {
    let fragment = copy(map, selection)?;
    let all_parents = nav::parents(map);
    let parents: BTreeSet<Option<ClaimId>> = fragment
        .root_kinds
        .keys()
        .map(|c| all_parents.get(c).copied())
        .collect();
    let attach = match parents.into_iter().collect::<Vec<_>>()[..] {
        [Some(parent)] => Some(parent),
        _ => None,
    };
    let (min, max) = fragment.bounds()?;
    let at = Pos::new(
        max.x + (max.x - min.x) / 2.0 + crate::card::CARD_WIDTH + 40.0,
        f32::midpoint(min.y, max.y),
    );
    let (edit, ids, _) = paste(map, &fragment, at, attach);
    Some((edit, ids))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Map {
        let mut map = Map::new("t");
        let thesis = map.add_claim(Claim::new(
            "Homework should be optional",
            Pos::new(0.0, 0.0),
        ));
        let rest = map.add_claim(Claim::new("Children need rest", Pos::new(-150.0, 230.0)));
        let habits = map.add_claim(Claim::new("Practice builds habits", Pos::new(150.0, 230.0)));
        let school = map.add_claim(Claim::new(
            "Habits form at school too",
            Pos::new(150.0, 460.0),
        ));
        map.thesis = Some(thesis);
        map.add_link(Link::new(
            LinkKind::Support,
            vec![rest],
            Target::Claim(thesis),
        ));
        map.add_link(Link::new(
            LinkKind::Attack,
            vec![habits],
            Target::Claim(thesis),
        ));
        map.add_link(Link::new(
            LinkKind::Attack,
            vec![school],
            Target::Claim(habits),
        ));
        map
    }

    #[test]
    fn copying_a_subtree_keeps_its_links_and_how_it_answered() {
        let map = small();
        let fragment = copy(&map, &BTreeSet::from([ClaimId(3), ClaimId(4)])).expect("copied");
        assert_eq!(fragment.map.claims.len(), 2);
        assert_eq!(fragment.map.links.len(), 1);
        assert_eq!(
            fragment.root_kinds,
            BTreeMap::from([(ClaimId(3), LinkKind::Attack)])
        );
        assert_eq!(
            outline_text(&fragment),
            "Practice builds habits\n    but Habits form at school too\n"
        );
        // Pasted onto the other reason: new ids, the objection objects to it.
        let (edit, ids, tops) = paste(&map, &fragment, Pos::new(500.0, 500.0), Some(ClaimId(2)));
        let mut after = map.clone();
        let _ = edit.apply(&mut after);
        assert_eq!(ids, vec![ClaimId(5), ClaimId(6)]);
        assert_eq!(tops, vec![ClaimId(5)]);
        assert_eq!(after.claims.len(), 6);
        assert!(after.links.values().any(|l| l.kind == LinkKind::Attack
            && l.premises == [ClaimId(6)]
            && l.target == Target::Claim(ClaimId(5))));
        assert!(after.links.values().any(|l| l.kind == LinkKind::Attack
            && l.premises == [ClaimId(5)]
            && l.target == Target::Claim(ClaimId(2))));
        assert!(after.validate().is_empty());
        let middle = f32::midpoint(
            after.claims[&ClaimId(5)].pos.y,
            after.claims[&ClaimId(6)].pos.y,
        );
        assert!((middle - 500.0).abs() < 0.01);
    }

    #[test]
    fn an_indented_outline_becomes_nested_claims() {
        let text = "Homework should be optional\n\
                    \x20   + Children need rest\n\
                    \x20       because Sleep matters for learning\n\
                    \x20   - Practice builds habits\n\
                    \t    but Habits form at school too\n\
                    \n\
                    A second, unrelated thought\n";
        let fragment = parse_outline(text).expect("an outline");
        let map = &fragment.map;
        assert_eq!(map.claims.len(), 6);
        let id = |text: &str| {
            map.claims
                .iter()
                .find(|(_, c)| c.text == text)
                .map_or_else(|| panic!("{text}"), |(&id, _)| id)
        };
        let has = |kind, premise: &str, target: &str| {
            map.links.values().any(|l| {
                l.kind == kind
                    && l.premises == [id(premise)]
                    && l.target == Target::Claim(id(target))
            })
        };
        assert!(has(
            LinkKind::Support,
            "Children need rest",
            "Homework should be optional"
        ));
        assert!(has(
            LinkKind::Support,
            "Sleep matters for learning",
            "Children need rest"
        ));
        assert!(has(
            LinkKind::Attack,
            "Practice builds habits",
            "Homework should be optional"
        ));
        assert!(has(
            LinkKind::Attack,
            "Habits form at school too",
            "Practice builds habits"
        ));
        assert_eq!(map.links.len(), 4);
        assert!(parse_outline("\n   \n").is_none());
        // What Argmap copies reads back the same way.
        let copied = outline_text(&fragment);
        let again = parse_outline(&copied).expect("outline");
        assert_eq!(again.map.claims.len(), 6);
        assert_eq!(again.map.links.len(), 4);
    }
}
