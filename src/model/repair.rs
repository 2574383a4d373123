//! Mending a map that fails validation: only what is broken goes, and
//! every change is said in a sentence for the user.

use std::collections::BTreeSet;

use super::{Map, Pos, Target};

impl Map {
    /// Makes the map sound by dropping only what is broken, and says what
    /// it did, one sentence each:
    ///
    /// - a thesis that does not exist is unset;
    /// - a position that is not a number becomes the origin;
    /// - a citation of a source the map does not list is dropped;
    /// - a link loses premises that do not exist, are listed twice or are
    ///   its own target; a link left without premises, or whose target
    ///   does not exist, is dropped, and so are the undercuts of a dropped
    ///   link;
    /// - a cycle of links that target links is dropped: no link of it ends
    ///   at a claim, so none can be drawn or evaluated.
    ///
    /// Claims are never dropped. A sound map is left as it is.
    pub fn repair(&mut self) -> Vec<String> {
        let mut done = Vec::new();
        if let Some(thesis) = self.thesis
            && !self.claims.contains_key(&thesis)
        {
            self.thesis = None;
            done.push(format!(
                "The thesis was claim {thesis}, which does not exist: the map has no thesis now."
            ));
        }
        let sources = &self.sources;
        for (id, claim) in &mut self.claims {
            if !claim.pos.is_finite() {
                done.push(format!(
                    "Claim {id} was at ({}, {}), which is not a place: it is at (0, 0) now.",
                    claim.pos.x, claim.pos.y
                ));
                claim.pos = Pos::new(0.0, 0.0);
            }
            if let Some(citation) = &claim.source
                && !sources.contains_key(&citation.doc)
            {
                done.push(format!(
                    "Claim {id} cited source \"{}\", which the map does not list: the citation was dropped.",
                    citation.doc
                ));
                claim.source = None;
            }
        }
        self.repair_premises(&mut done);
        self.drop_broken_links(&mut done);
        done
    }

    /// Premises that do not exist, repeat, or are the link's own target.
    fn repair_premises(&mut self, done: &mut Vec<String>) {
        let claims = &self.claims;
        for (id, link) in &mut self.links {
            let mut seen = BTreeSet::new();
            let target = match link.target {
                Target::Claim(target) => Some(target),
                Target::Link(_) => None,
            };
            link.premises.retain(|premise| {
                if !claims.contains_key(premise) {
                    done.push(format!(
                        "Link {id} had claim {premise} as a premise, which does not exist: that premise was dropped."
                    ));
                    false
                } else if Some(*premise) == target {
                    done.push(format!(
                        "Link {id} had its own target, claim {premise}, as a premise: that premise was dropped."
                    ));
                    false
                } else if !seen.insert(*premise) {
                    done.push(format!(
                        "Link {id} listed claim {premise} as a premise twice: the second was dropped."
                    ));
                    false
                } else {
                    true
                }
            });
        }
    }

    /// Links that cannot stand, until none is left: without premises, with
    /// a target that does not exist (or was just dropped), targeting
    /// themselves, or closing a cycle of links that target links.
    fn drop_broken_links(&mut self, done: &mut Vec<String>) {
        loop {
            let broken = self.links.iter().find_map(|(&id, link)| {
                let why = if link.premises.is_empty() {
                    "it had no premises".to_owned()
                } else {
                    match link.target {
                        Target::Claim(target) if !self.claims.contains_key(&target) => {
                            format!("its target, claim {target}, does not exist")
                        }
                        Target::Link(target) if target == id => "it targeted itself".to_owned(),
                        Target::Link(target) if !self.links.contains_key(&target) => {
                            format!("its target, link {target}, does not exist")
                        }
                        _ => return None,
                    }
                };
                Some((id, why))
            });
            let broken = broken.or_else(|| {
                // The last link of the first cycle of undercuts.
                let start = self
                    .links
                    .keys()
                    .copied()
                    .find(|&id| self.link_chain_returns_to(id))?;
                let mut cycle = vec![start];
                let mut current = start;
                while let Some(Target::Link(next)) = self.links.get(&current).map(|l| l.target) {
                    if next == start {
                        break;
                    }
                    cycle.push(next);
                    current = next;
                }
                let last = cycle.into_iter().max()?;
                Some((
                    last,
                    "it closed a cycle of links that target links".to_owned(),
                ))
            });
            let Some((id, why)) = broken else {
                return;
            };
            self.links.remove(&id);
            done.push(format!("Link {id} was dropped: {why}."));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Claim;
    use crate::model::{Citation, ClaimId, Link, LinkId, LinkKind};

    fn support(premises: &[u32], target: Target) -> Link {
        Link {
            kind: LinkKind::Support,
            premises: premises.iter().map(|&id| ClaimId(id)).collect(),
            target,
            weight: crate::model::Weight::FULL,
        }
    }

    fn three_claims() -> Map {
        let mut map = Map::new("test");
        for text in ["one", "two", "three"] {
            map.add_claim(Claim::new(text, Pos::new(0.0, 0.0)));
        }
        map.thesis = Some(ClaimId(1));
        map
    }

    #[test]
    fn a_sound_map_is_left_alone() {
        let mut map = three_claims();
        map.add_link(support(&[2], Target::Claim(ClaimId(1))));
        let before = map.clone();
        assert!(map.repair().is_empty());
        assert_eq!(map, before);
    }

    #[test]
    fn only_the_broken_parts_go_and_each_is_said() {
        let mut map = three_claims();
        map.thesis = Some(ClaimId(9));
        // Sound: stays.
        map.add_link(support(&[2], Target::Claim(ClaimId(1))));
        // Loses a missing premise and a repeated one, keeps claim 3.
        map.add_link(support(&[3, 8, 3], Target::Claim(ClaimId(1))));
        // Dangling target: dropped, and its undercut with it.
        map.add_link(support(&[2], Target::Claim(ClaimId(7))));
        map.add_link(support(&[3], Target::Link(LinkId(3))));
        // Targets itself.
        map.links
            .insert(LinkId(5), support(&[1], Target::Link(LinkId(5))));
        // Its target is one of its premises, the only one.
        map.add_link(support(&[2], Target::Claim(ClaimId(2))));
        // A cycle of undercuts: it goes, its last link first.
        map.links
            .insert(LinkId(7), support(&[2], Target::Link(LinkId(8))));
        map.links
            .insert(LinkId(8), support(&[3], Target::Link(LinkId(7))));
        if let Some(claim) = map.claims.get_mut(&ClaimId(2)) {
            claim.pos = Pos::new(f32::NAN, 4.0);
            claim.source = Some(Citation {
                doc: "lost".to_owned(),
                para: None,
                ..Citation::default()
            });
        }
        let done = map.repair();
        assert!(map.validate().is_empty(), "{:?}", map.validate());
        assert_eq!(map.claims.len(), 3, "no claim is dropped");
        assert_eq!(
            map.links.keys().map(|l| l.0).collect::<Vec<_>>(),
            [1, 2],
            "{done:#?}"
        );
        assert_eq!(
            map.links.get(&LinkId(2)).map(|l| l.premises.clone()),
            Some(vec![ClaimId(3)])
        );
        assert_eq!(map.thesis, None);
        assert_eq!(
            done,
            [
                "The thesis was claim #9, which does not exist: the map has no thesis now.",
                "Claim #2 was at (NaN, 4), which is not a place: it is at (0, 0) now.",
                "Claim #2 cited source \"lost\", which the map does not list: the citation was dropped.",
                "Link #2 had claim #8 as a premise, which does not exist: that premise was dropped.",
                "Link #2 listed claim #3 as a premise twice: the second was dropped.",
                "Link #6 had its own target, claim #2, as a premise: that premise was dropped.",
                "Link #3 was dropped: its target, claim #7, does not exist.",
                "Link #4 was dropped: its target, link #3, does not exist.",
                "Link #5 was dropped: it targeted itself.",
                "Link #6 was dropped: it had no premises.",
                "Link #8 was dropped: it closed a cycle of links that target links.",
                "Link #7 was dropped: its target, link #8, does not exist.",
            ]
        );
    }

    proptest::proptest! {
        /// Any tangle of ids: after repair the map is sound, has every claim
        /// it had, and every link that was sound is still there unchanged.
        #[test]
        fn any_broken_map_is_sound_after_repair(
            claims in 1_u32..8,
            thesis in proptest::option::of(0_u32..10),
            links in proptest::collection::vec(
                (proptest::collection::vec(0_u32..10, 0..4), proptest::bool::ANY, 0_u32..10),
                0..12,
            ),
        ) {
            let mut map = Map::new("random");
            for i in 0..claims {
                map.add_claim(Claim::new(format!("claim {i}"), Pos::new(0.0, 0.0)));
            }
            map.thesis = thesis.map(ClaimId);
            for (i, (premises, to_link, target)) in links.into_iter().enumerate() {
                let target = if to_link { Target::Link(LinkId(target)) } else { Target::Claim(ClaimId(target)) };
                let id = LinkId(u32::try_from(i).unwrap_or(0) + 1);
                map.links.insert(id, support(&premises, target));
            }
            let sound_before: Vec<(LinkId, Link)> = {
                let problems = map.validate();
                map.links
                    .iter()
                    .filter(|(id, _)| !problems.iter().any(|p| p.subject == crate::model::Subject::Link(**id)))
                    .filter(|(_, link)| matches!(link.target, Target::Claim(_)))
                    .map(|(id, link)| (*id, link.clone()))
                    .collect()
            };
            let done = map.repair();
            proptest::prop_assert!(map.validate().is_empty(), "{:?} after {:?}", map.validate(), done);
            proptest::prop_assert_eq!(map.claims.len(), claims as usize);
            for (id, link) in sound_before {
                proptest::prop_assert_eq!(map.links.get(&id), Some(&link));
            }
        }
    }
}
