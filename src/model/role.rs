use std::collections::{BTreeMap, BTreeSet};

use super::{ClaimId, Link, LinkKind, Map, Target};

/// What a claim does in the argument, as its links tell it. Derived, never
/// stored: change the links and the role follows.
///
/// A claim's role comes from the thesis mark and from its oldest link (the
/// lowest link id it is a premise of), so a claim reused elsewhere keeps the
/// role it was first given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// The claim the map argues for.
    Thesis,
    /// A reason: the claim supports a claim or a link.
    Premise,
    /// An objection: the claim attacks a claim that is not itself an objection.
    Counterpoint,
    /// The claim attacks a counterpoint or an undercutter.
    Rebuttal,
    /// The claim attacks a link: it denies that the link's premises support
    /// its conclusion.
    Undercutter,
    /// The claim is no premise of any link: a conclusion, or not yet connected.
    Free,
}

impl Role {
    /// Every role, the thesis first.
    pub const ALL: [Self; 6] = [
        Self::Thesis,
        Self::Premise,
        Self::Counterpoint,
        Self::Rebuttal,
        Self::Undercutter,
        Self::Free,
    ];

    /// The role's name for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Thesis => "thesis",
            Self::Premise => "reason",
            Self::Counterpoint => "objection",
            Self::Rebuttal => "rebuttal",
            Self::Undercutter => "undercutter",
            Self::Free => "claim",
        }
    }

    /// True for the roles that argue against what they point at.
    pub fn is_objection(self) -> bool {
        matches!(self, Self::Counterpoint | Self::Undercutter)
    }

    /// The role of one claim; `None` when the map has no such claim.
    pub fn of(map: &Map, claim: ClaimId) -> Option<Self> {
        map.claims
            .contains_key(&claim)
            .then(|| Roles::new(map).get(claim))
    }

    /// The roles of every claim, in id order.
    pub fn all(map: &Map) -> BTreeMap<ClaimId, Self> {
        let mut roles = Roles::new(map);
        map.claims.keys().map(|&id| (id, roles.get(id))).collect()
    }
}

/// Works out roles with a memo, so a whole map costs one pass.
struct Roles<'a> {
    map: &'a Map,
    /// Each claim's oldest link.
    first_link: BTreeMap<ClaimId, &'a Link>,
    known: BTreeMap<ClaimId, Role>,
}

impl<'a> Roles<'a> {
    fn new(map: &'a Map) -> Self {
        let mut first_link = BTreeMap::new();
        for link in map.links.values() {
            for &premise in &link.premises {
                first_link.entry(premise).or_insert(link);
            }
        }
        Self {
            map,
            first_link,
            known: BTreeMap::new(),
        }
    }

    /// The role of `claim`, decided without recursion: a chain of attacks
    /// can be as long as the map (or a cycle) in a hostile file.
    fn get(&mut self, claim: ClaimId) -> Role {
        // Walk down the chain of attacks on claims until a claim whose role
        // does not depend on the next one.
        let mut chain = Vec::new();
        let mut seen = BTreeSet::new();
        let mut current = claim;
        let mut base = loop {
            if let Some(&role) = self.known.get(&current) {
                break role;
            }
            if !seen.insert(current) {
                // A cycle of attacks: call the claim where it closes an objection.
                break Role::Free;
            }
            match self.local_role(current) {
                Ok(role) => {
                    self.known.insert(current, role);
                    break role;
                }
                Err(attacked) => {
                    chain.push(current);
                    current = attacked;
                }
            }
        };
        // Walk back up: attacking an objection is a rebuttal; attacking
        // anything else is an objection.
        while let Some(attacker) = chain.pop() {
            base = if base.is_objection() {
                Role::Rebuttal
            } else {
                Role::Counterpoint
            };
            self.known.insert(attacker, base);
        }
        base
    }

    /// The role of `claim` when its own links decide it, or else the claim
    /// it attacks, whose role decides.
    fn local_role(&self, claim: ClaimId) -> Result<Role, ClaimId> {
        if self.map.thesis == Some(claim) {
            return Ok(Role::Thesis);
        }
        let Some(link) = self.first_link.get(&claim) else {
            return Ok(Role::Free);
        };
        match (link.kind, link.target) {
            (LinkKind::Support, _) => Ok(Role::Premise),
            (LinkKind::Attack, Target::Link(_)) => Ok(Role::Undercutter),
            (LinkKind::Attack, Target::Claim(attacked)) => Err(attacked),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, LinkId, Pos};

    fn map_with(claims: u32) -> Map {
        let mut map = Map::new("test");
        for i in 0..claims {
            map.add_claim(Claim::new(format!("claim {i}"), Pos::default()));
        }
        map
    }

    fn link(map: &mut Map, kind: LinkKind, premises: &[u32], target: Target) -> LinkId {
        map.add_link(Link {
            kind,
            premises: premises.iter().map(|&id| ClaimId(id)).collect(),
            target,
            weight: crate::model::Weight::FULL,
        })
    }

    #[test]
    fn structure_decides_roles() {
        let mut map = map_with(7);
        map.thesis = Some(ClaimId(1));
        let because = link(&mut map, LinkKind::Support, &[2], Target::Claim(ClaimId(1)));
        link(&mut map, LinkKind::Attack, &[3], Target::Claim(ClaimId(1)));
        link(&mut map, LinkKind::Attack, &[4], Target::Claim(ClaimId(3)));
        link(&mut map, LinkKind::Attack, &[5], Target::Link(because));
        link(&mut map, LinkKind::Attack, &[6], Target::Claim(ClaimId(5)));

        let roles = Role::all(&map);
        assert_eq!(roles[&ClaimId(1)], Role::Thesis);
        assert_eq!(roles[&ClaimId(2)], Role::Premise);
        assert_eq!(roles[&ClaimId(3)], Role::Counterpoint);
        assert_eq!(roles[&ClaimId(4)], Role::Rebuttal);
        assert_eq!(roles[&ClaimId(5)], Role::Undercutter);
        assert_eq!(roles[&ClaimId(6)], Role::Rebuttal);
        assert_eq!(roles[&ClaimId(7)], Role::Free);
        assert_eq!(Role::of(&map, ClaimId(4)), Some(Role::Rebuttal));
        assert_eq!(Role::of(&map, ClaimId(99)), None);
    }

    #[test]
    fn attacking_a_rebuttal_is_an_objection_again() {
        let mut map = map_with(4);
        map.thesis = Some(ClaimId(1));
        link(&mut map, LinkKind::Attack, &[2], Target::Claim(ClaimId(1)));
        link(&mut map, LinkKind::Attack, &[3], Target::Claim(ClaimId(2)));
        link(&mut map, LinkKind::Attack, &[4], Target::Claim(ClaimId(3)));
        assert_eq!(Role::of(&map, ClaimId(4)), Some(Role::Counterpoint));
    }

    #[test]
    fn oldest_link_decides_for_reused_claims() {
        let mut map = map_with(3);
        link(&mut map, LinkKind::Support, &[3], Target::Claim(ClaimId(1)));
        link(&mut map, LinkKind::Attack, &[3], Target::Claim(ClaimId(2)));
        assert_eq!(Role::of(&map, ClaimId(3)), Some(Role::Premise));
    }

    #[test]
    fn attack_cycles_and_long_chains_terminate() {
        let mut map = map_with(2);
        link(&mut map, LinkKind::Attack, &[1], Target::Claim(ClaimId(2)));
        link(&mut map, LinkKind::Attack, &[2], Target::Claim(ClaimId(1)));
        let roles = Role::all(&map);
        assert_eq!(roles.len(), 2);

        // A chain far deeper than any stack would take by recursion.
        let n = 200_000;
        let mut map = map_with(n);
        for i in 2..=n {
            link(
                &mut map,
                LinkKind::Attack,
                &[i],
                Target::Claim(ClaimId(i - 1)),
            );
        }
        assert_eq!(Role::of(&map, ClaimId(n)), Some(Role::Counterpoint));
        assert_eq!(Role::of(&map, ClaimId(n - 1)), Some(Role::Rebuttal));
    }
}
