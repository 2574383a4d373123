use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fmt;

use super::{ClaimId, Link, LinkId, LinkKind, Map, Target};

/// Counts that summarise a map, as `argmap check` prints them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Number of claims.
    pub claims: usize,
    /// Number of links.
    pub links: usize,
    /// Links that support their target.
    pub supports: usize,
    /// Links that attack their target.
    pub attacks: usize,
    /// Links with more than one premise (linked premises).
    pub linked: usize,
    /// Links that target another link.
    pub undercuts: usize,
    /// The thesis, if the map has one.
    pub thesis: Option<ClaimId>,
    /// Levels of claims below and including the top: from the thesis, or
    /// from every claim that is no premise when there is no thesis.
    pub depth: usize,
}

impl Stats {
    /// The summary of `map`.
    pub fn of(map: &Map) -> Self {
        let mut stats = Self {
            claims: map.claims.len(),
            links: map.links.len(),
            thesis: map.thesis.filter(|id| map.claims.contains_key(id)),
            ..Self::default()
        };
        for link in map.links.values() {
            match link.kind {
                LinkKind::Support => stats.supports += 1,
                LinkKind::Attack => stats.attacks += 1,
            }
            if link.premises.len() > 1 {
                stats.linked += 1;
            }
            if matches!(link.target, Target::Link(_)) {
                stats.undercuts += 1;
            }
        }
        stats.depth = depth(map, stats.thesis);
        stats
    }
}

/// The number of levels in the map read top down, breadth first so that
/// cycles and shared premises are counted once.
fn depth(map: &Map, thesis: Option<ClaimId>) -> usize {
    let mut links_into: BTreeMap<Target, Vec<(LinkId, &Link)>> = BTreeMap::new();
    let mut is_premise = BTreeSet::new();
    for (&id, link) in &map.links {
        links_into.entry(link.target).or_default().push((id, link));
        is_premise.extend(link.premises.iter().copied());
    }
    let roots: Vec<ClaimId> = match thesis {
        Some(thesis) => vec![thesis],
        None => map
            .claims
            .keys()
            .filter(|id| !is_premise.contains(*id))
            .copied()
            .collect(),
    };
    let mut level: BTreeMap<ClaimId, usize> = roots.iter().map(|&id| (id, 1)).collect();
    let mut queue: VecDeque<ClaimId> = roots.into();
    let mut deepest = usize::from(!level.is_empty());
    let mut children = Vec::new();
    while let Some(claim) = queue.pop_front() {
        let here = level.get(&claim).copied().unwrap_or(1);
        children.clear();
        for (id, link) in links_into.get(&Target::Claim(claim)).into_iter().flatten() {
            children.extend(&link.premises);
            // An undercutter sits at the level of the premises it answers.
            for (_, undercut) in links_into.get(&Target::Link(*id)).into_iter().flatten() {
                children.extend(&undercut.premises);
            }
        }
        for &child in &children {
            if map.claims.contains_key(&child) && !level.contains_key(&child) {
                level.insert(child, here + 1);
                deepest = deepest.max(here + 1);
                queue.push_back(child);
            }
        }
    }
    deepest
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: usize, word: &str| {
            if n == 1 {
                format!("{n} {word}")
            } else {
                format!("{n} {word}s")
            }
        };
        write!(
            f,
            "{}, {} ({} support, {} attack; {} linked, {} undercut), ",
            plural(self.claims, "claim"),
            plural(self.links, "link"),
            self.supports,
            self.attacks,
            self.linked,
            self.undercuts,
        )?;
        match self.thesis {
            Some(id) => write!(f, "thesis {id}")?,
            None => f.write_str("no thesis")?,
        }
        write!(f, ", depth {}", self.depth)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Pos};

    #[test]
    fn counts_and_depth() {
        let mut map = Map::new("test");
        for i in 0..6 {
            map.add_claim(Claim::new(format!("{i}"), Pos::default()));
        }
        map.thesis = Some(ClaimId(1));
        let link = |kind, premises: &[u32], target| Link {
            kind,
            premises: premises.iter().map(|&id| ClaimId(id)).collect(),
            target,
            weight: crate::model::Weight::FULL,
        };
        map.add_link(link(LinkKind::Support, &[2, 3], Target::Claim(ClaimId(1))));
        map.add_link(link(LinkKind::Attack, &[4], Target::Link(LinkId(1))));
        map.add_link(link(LinkKind::Attack, &[5], Target::Claim(ClaimId(4))));
        // A cycle back to the thesis must not loop or deepen the count.
        map.add_link(link(LinkKind::Support, &[1], Target::Claim(ClaimId(5))));

        let stats = Stats::of(&map);
        assert_eq!(
            stats.to_string(),
            "6 claims, 4 links (2 support, 2 attack; 1 linked, 1 undercut), thesis #1, depth 3"
        );
    }

    #[test]
    fn without_thesis_depth_counts_from_every_top_claim() {
        let mut map = Map::new("test");
        for i in 0..3 {
            map.add_claim(Claim::new(format!("{i}"), Pos::default()));
        }
        map.add_link(Link {
            kind: LinkKind::Support,
            premises: vec![ClaimId(2)],
            target: Target::Claim(ClaimId(1)),
            weight: crate::model::Weight::FULL,
        });
        let stats = Stats::of(&map);
        assert_eq!(stats.depth, 2);
        assert!(stats.to_string().ends_with("no thesis, depth 2"));
        assert_eq!(Stats::of(&Map::default()).depth, 0);
    }
}
