use std::collections::BTreeSet;
use std::fmt;

use super::{ClaimId, LinkId, Map, Target};

/// Something wrong with a map, named by what it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The part of the map the problem is about.
    pub subject: Subject,
    /// What is wrong, in a sentence without a capital or a full stop.
    pub message: String,
}

/// The part of a map a [`Problem`] is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Subject {
    /// The map as a whole (its thesis, its format).
    Map,
    /// One claim.
    Claim(ClaimId),
    /// One link.
    Link(LinkId),
}

impl Problem {
    /// A problem about `subject`.
    pub fn new(subject: Subject, message: impl Into<String>) -> Self {
        Self {
            subject,
            message: message.into(),
        }
    }
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Map => f.write_str("map"),
            Self::Claim(id) => write!(f, "claim {id}"),
            Self::Link(id) => write!(f, "link {id}"),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.subject, self.message)
    }
}

impl Map {
    /// Every problem with the map, in the order of the file (thesis, claims,
    /// links), or nothing when the map is sound.
    pub fn validate(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        if let Some(thesis) = self.thesis
            && !self.claims.contains_key(&thesis)
        {
            problems.push(Problem::new(
                Subject::Map,
                format!("the thesis is claim {thesis}, which does not exist"),
            ));
        }
        for (&id, claim) in &self.claims {
            let subject = || Subject::Claim(id);
            if !claim.pos.is_finite() {
                problems.push(Problem::new(
                    subject(),
                    format!(
                        "its position ({}, {}) is not a finite number",
                        claim.pos.x, claim.pos.y
                    ),
                ));
            }
            if let Some(citation) = &claim.source
                && !self.sources.contains_key(&citation.doc)
            {
                problems.push(Problem::new(
                    subject(),
                    format!(
                        "it cites source \"{}\", which the map does not list",
                        citation.doc
                    ),
                ));
            }
        }
        for &id in self.links.keys() {
            self.validate_link(id, &mut problems);
        }
        problems
    }

    fn validate_link(&self, id: LinkId, problems: &mut Vec<Problem>) {
        let Some(link) = self.links.get(&id) else {
            return;
        };
        let mut report = |message: String| problems.push(Problem::new(Subject::Link(id), message));
        if link.premises.is_empty() {
            report("it has no premises".to_owned());
        }
        let mut seen = BTreeSet::new();
        for premise in &link.premises {
            if !self.claims.contains_key(premise) {
                report(format!("its premise, claim {premise}, does not exist"));
            }
            if !seen.insert(premise) {
                report(format!("it lists claim {premise} as a premise twice"));
            }
        }
        match link.target {
            Target::Claim(target) => {
                if !self.claims.contains_key(&target) {
                    report(format!("its target, claim {target}, does not exist"));
                } else if link.premises.contains(&target) {
                    report(format!(
                        "claim {target} is both its target and one of its premises"
                    ));
                }
            }
            Target::Link(target) if target == id => report("it targets itself".to_owned()),
            Target::Link(target) => {
                if self.links.contains_key(&target) {
                    if self.link_chain_returns_to(id) {
                        report("it is part of a cycle of links that target links".to_owned());
                    }
                } else {
                    report(format!("its target, link {target}, does not exist"));
                }
            }
        }
    }

    /// True when following link targets from `start` comes back to it.
    pub(super) fn link_chain_returns_to(&self, start: LinkId) -> bool {
        let mut seen = BTreeSet::new();
        let mut current = start;
        while let Some(link) = self.links.get(&current) {
            let Target::Link(next) = link.target else {
                return false;
            };
            if next == start {
                return true;
            }
            if !seen.insert(next) {
                // A cycle further down that does not include `start`.
                return false;
            }
            current = next;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Citation, Claim, Link, LinkKind, Pos};

    fn two_claims() -> Map {
        let mut map = Map::new("test");
        map.add_claim(Claim::new("one", Pos::new(0.0, 0.0)));
        map.add_claim(Claim::new("two", Pos::new(0.0, 100.0)));
        map
    }

    fn messages(map: &Map) -> Vec<String> {
        map.validate().iter().map(ToString::to_string).collect()
    }

    fn support(premises: &[u32], target: Target) -> Link {
        Link {
            kind: LinkKind::Support,
            premises: premises.iter().map(|&id| ClaimId(id)).collect(),
            target,
            weight: crate::model::Weight::FULL,
        }
    }

    #[test]
    fn a_sound_map_has_no_problems() {
        let mut map = two_claims();
        map.thesis = Some(ClaimId(1));
        map.add_link(support(&[2], Target::Claim(ClaimId(1))));
        assert!(map.validate().is_empty());
    }

    #[test]
    fn missing_thesis() {
        let mut map = two_claims();
        map.thesis = Some(ClaimId(9));
        assert_eq!(
            messages(&map),
            ["map: the thesis is claim #9, which does not exist"]
        );
    }

    #[test]
    fn dangling_ids() {
        let mut map = two_claims();
        map.add_link(support(&[7], Target::Claim(ClaimId(8))));
        map.add_link(support(&[1], Target::Link(LinkId(5))));
        assert_eq!(
            messages(&map),
            [
                "link #1: its premise, claim #7, does not exist",
                "link #1: its target, claim #8, does not exist",
                "link #2: its target, link #5, does not exist",
            ]
        );
    }

    #[test]
    fn link_without_premises() {
        let mut map = two_claims();
        map.add_link(support(&[], Target::Claim(ClaimId(1))));
        assert_eq!(messages(&map), ["link #1: it has no premises"]);
    }

    #[test]
    fn self_targets_and_circular_premises() {
        let mut map = two_claims();
        map.add_link(support(&[1, 2], Target::Claim(ClaimId(2))));
        map.links
            .insert(LinkId(2), support(&[1], Target::Link(LinkId(2))));
        assert_eq!(
            messages(&map),
            [
                "link #1: claim #2 is both its target and one of its premises",
                "link #2: it targets itself",
            ]
        );
    }

    #[test]
    fn cycles_of_undercuts() {
        let mut map = two_claims();
        map.links
            .insert(LinkId(1), support(&[1], Target::Link(LinkId(2))));
        map.links
            .insert(LinkId(2), support(&[2], Target::Link(LinkId(1))));
        assert_eq!(
            messages(&map),
            [
                "link #1: it is part of a cycle of links that target links",
                "link #2: it is part of a cycle of links that target links",
            ]
        );
    }

    #[test]
    fn repeated_premise() {
        let mut map = two_claims();
        map.add_link(support(&[2, 2], Target::Claim(ClaimId(1))));
        assert_eq!(
            messages(&map),
            ["link #1: it lists claim #2 as a premise twice"]
        );
    }

    #[test]
    fn non_finite_positions_and_unknown_sources() {
        let mut map = two_claims();
        if let Some(claim) = map.claims.get_mut(&ClaimId(1)) {
            claim.pos = Pos::new(f32::NAN, 0.0);
        }
        if let Some(claim) = map.claims.get_mut(&ClaimId(2)) {
            claim.pos = Pos::new(0.0, f32::INFINITY);
            claim.source = Some(Citation {
                doc: "book".to_owned(),
                para: Some(3),
                ..Citation::default()
            });
        }
        assert_eq!(
            messages(&map),
            [
                "claim #1: its position (NaN, 0) is not a finite number",
                "claim #2: its position (0, inf) is not a finite number",
                "claim #2: it cites source \"book\", which the map does not list",
            ]
        );
    }

    #[test]
    fn every_problem_is_reported_not_just_the_first() {
        let mut map = two_claims();
        map.thesis = Some(ClaimId(5));
        map.add_link(support(&[], Target::Claim(ClaimId(6))));
        map.add_link(support(&[9], Target::Link(LinkId(2))));
        // Missing thesis; no premises; missing target; missing premise; self-target.
        assert_eq!(map.validate().len(), 5);
    }
}
