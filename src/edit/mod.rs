//! Every change to a map, as data: an [`Edit`] applied in one place returns
//! its inverse, which is what undo replays. The editor, the command line and
//! the tests all change maps through here, so they all behave the same.

mod changes;
pub mod clipboard;
mod document;
mod history;
mod ops;

pub use changes::{
    add_claim, arrange, flip_link, flowed_claim, move_by, quoted_claim, reparent, set_assessment,
    set_check, set_citation_style, set_kind, set_mode, set_pinned, set_sources, set_standard,
    set_text, set_thesis, set_weighing, set_weights, then_arranged,
};
pub use document::Document;
pub use history::{ClaimField, History, Typing};
pub use ops::{
    Refusal, connect, delete_claims, delete_links, join_link, new_co_premise, new_reply,
    new_sibling, new_undercut, reorder, split_link,
};

use crate::model::{Claim, ClaimId, Link, LinkId, Map, Pos};

/// One change to a map. Applying it returns the edit that undoes it.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Put `claim` under `id` (which must be free).
    AddClaim {
        /// The id the claim takes.
        id: ClaimId,
        /// The claim.
        claim: Claim,
    },
    /// Remove the claim `id` (links that use it are removed separately).
    RemoveClaim(ClaimId),
    /// Put `link` under `id` (which must be free).
    AddLink {
        /// The id the link takes.
        id: LinkId,
        /// The link.
        link: Link,
    },
    /// Remove the link `id`.
    RemoveLink(LinkId),
    /// Replace the claim `id` with `claim` (text, kind, note, tags…).
    SetClaim {
        /// Which claim.
        id: ClaimId,
        /// Its new content.
        claim: Claim,
    },
    /// Replace the link `id` with `link` (kind, premises, target).
    SetLink {
        /// Which link.
        id: LinkId,
        /// Its new content.
        link: Link,
    },
    /// Move claims to new positions.
    Move(Vec<(ClaimId, Pos)>),
    /// Mark a claim as the thesis, or none.
    SetThesis(Option<ClaimId>),
    /// Rename the map.
    SetTitle(String),
    /// Change the order of steps for presenting.
    SetPresentation(crate::model::Presentation),
    /// Change how the map is evaluated (mode, checks switched off).
    SetEvaluation(crate::model::EvaluationSettings),
    /// Replace the map's list of sources (a file found, a paragraph
    /// marked not argument).
    SetSources(std::collections::BTreeMap<String, crate::model::Source>),
    /// Change which way arranging lays the map out.
    SetDirection(crate::model::Growth),
    /// Change how closely arranging packs the map.
    SetArrangement(crate::model::Arrangement),
    /// Change how citations and the reference list are written.
    SetCitationStyle(crate::model::CitationStyle),
    /// Make the map a round, change its round, or make it no round.
    SetRound(Option<Box<crate::model::Round>>),
    /// Several edits as one step, applied in order.
    Batch(Vec<Edit>),
}

impl Edit {
    /// Applies the edit to `map` and returns its inverse. An edit that does
    /// not fit the map (an id already taken or gone) changes nothing and
    /// returns an empty batch, so a stale edit can never corrupt a map.
    #[must_use]
    pub fn apply(self, map: &mut Map) -> Self {
        match self {
            Self::AddClaim { id, claim } => {
                if map.claims.contains_key(&id) {
                    return Self::nothing();
                }
                map.claims.insert(id, claim);
                map.mark_claim_issued(id);
                Self::RemoveClaim(id)
            }
            Self::RemoveClaim(id) => match map.claims.remove(&id) {
                Some(claim) => {
                    map.mark_claim_issued(id);
                    Self::AddClaim { id, claim }
                }
                None => Self::nothing(),
            },
            Self::AddLink { id, link } => {
                if map.links.contains_key(&id) {
                    return Self::nothing();
                }
                map.links.insert(id, link);
                map.mark_link_issued(id);
                Self::RemoveLink(id)
            }
            Self::RemoveLink(id) => match map.links.remove(&id) {
                Some(link) => {
                    map.mark_link_issued(id);
                    Self::AddLink { id, link }
                }
                None => Self::nothing(),
            },
            Self::SetClaim { id, claim } => match map.claims.get_mut(&id) {
                Some(slot) => Self::SetClaim {
                    id,
                    claim: std::mem::replace(slot, claim),
                },
                None => Self::nothing(),
            },
            Self::SetLink { id, link } => match map.links.get_mut(&id) {
                Some(slot) => Self::SetLink {
                    id,
                    link: std::mem::replace(slot, link),
                },
                None => Self::nothing(),
            },
            Self::Move(moves) => {
                let mut back = Vec::with_capacity(moves.len());
                for (id, pos) in moves {
                    if let Some(claim) = map.claims.get_mut(&id) {
                        back.push((id, claim.pos));
                        claim.pos = pos;
                    }
                }
                Self::Move(back)
            }
            Self::SetThesis(thesis) => Self::SetThesis(std::mem::replace(&mut map.thesis, thesis)),
            Self::SetTitle(title) => Self::SetTitle(std::mem::replace(&mut map.title, title)),
            Self::SetPresentation(presentation) => {
                Self::SetPresentation(std::mem::replace(&mut map.presentation, presentation))
            }
            Self::SetEvaluation(settings) => {
                Self::SetEvaluation(std::mem::replace(&mut map.evaluation, settings))
            }
            Self::SetSources(sources) => {
                Self::SetSources(std::mem::replace(&mut map.sources, sources))
            }
            Self::SetDirection(direction) => {
                Self::SetDirection(std::mem::replace(&mut map.direction, direction))
            }
            Self::SetArrangement(arrangement) => {
                Self::SetArrangement(std::mem::replace(&mut map.arrangement, arrangement))
            }
            Self::SetCitationStyle(style) => {
                Self::SetCitationStyle(std::mem::replace(&mut map.citation_style, style))
            }
            Self::SetRound(round) => {
                Self::SetRound(std::mem::replace(&mut map.round, round.map(|r| *r)).map(Box::new))
            }
            Self::Batch(edits) => {
                let mut inverses: Vec<Self> =
                    edits.into_iter().map(|edit| edit.apply(map)).collect();
                inverses.reverse();
                Self::Batch(inverses)
            }
        }
    }

    /// The edit that changes nothing.
    pub fn nothing() -> Self {
        Self::Batch(Vec::new())
    }

    /// True when applying the edit would change nothing.
    pub fn is_nothing(&self) -> bool {
        match self {
            Self::Batch(edits) => edits.iter().all(Self::is_nothing),
            Self::Move(moves) => moves.is_empty(),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LinkKind, Target};

    #[test]
    fn every_edit_is_undone_by_its_inverse() {
        let mut map = Map::new("before");
        let one = map.add_claim(Claim::new("one", Pos::new(0.0, 0.0)));
        let original = map.clone();
        let two = ClaimId(2);
        let edits = vec![
            Edit::AddClaim {
                id: two,
                claim: Claim::new("two", Pos::new(5.0, 5.0)),
            },
            Edit::AddLink {
                id: LinkId(1),
                link: Link {
                    kind: LinkKind::Attack,
                    premises: vec![two],
                    target: Target::Claim(one),
                    weight: crate::model::Weight::FULL,
                },
            },
            Edit::SetClaim {
                id: one,
                claim: Claim::new("changed", Pos::new(1.0, 1.0)),
            },
            Edit::Move(vec![(one, Pos::new(9.0, 9.0)), (two, Pos::new(-9.0, 3.0))]),
            Edit::SetThesis(Some(one)),
            Edit::SetTitle("after".to_owned()),
            Edit::RemoveLink(LinkId(1)),
            Edit::RemoveClaim(two),
        ];
        let inverse = Edit::Batch(edits.clone()).apply(&mut map);
        assert_ne!(map, original);
        let redo = inverse.apply(&mut map);
        assert_eq!(map, original);
        let _ = redo.apply(&mut map);
        assert_eq!(map.title, "after");
        assert_eq!(map.claims[&one].pos, Pos::new(9.0, 9.0));
    }

    #[test]
    fn stale_edits_change_nothing() {
        let mut map = Map::new("m");
        let one = map.add_claim(Claim::new("one", Pos::default()));
        let before = map.clone();
        let inverse = Edit::AddClaim {
            id: one,
            claim: Claim::new("clash", Pos::default()),
        }
        .apply(&mut map);
        assert!(inverse.is_nothing());
        assert!(Edit::RemoveClaim(ClaimId(7)).apply(&mut map).is_nothing());
        assert!(Edit::RemoveLink(LinkId(7)).apply(&mut map).is_nothing());
        assert_eq!(map, before);
    }
}
