//! Whole changes as the editor asks for them: a claim at a point, a claim
//! given a new parent, pins, arranging, moving, a claim's text or kind.
//! The canvas, the menus, the inspector and the keyboard all come here, so
//! each change is made one way only (the same thesis rule for every new
//! claim, the same cascade for every removed link).

use std::collections::{BTreeMap, BTreeSet};

use super::{Edit, Refusal, delete_links};
use crate::card::Sizes;
use crate::layout::{self, Region};
use crate::measure::{TextMeasure, card_sizes};
use crate::model::{
    Assessment, Citation, Claim, ClaimId, ClaimKind, EvaluationSettings, Link, LinkId, LinkKind,
    Map, Mode, Pos, Source, Standard, Target, Weight,
};

/// A new, empty-or-not claim at `pos`, and its id. The first claim of a
/// map becomes its thesis, however it is made.
pub fn add_claim(map: &Map, pos: Pos, text: &str) -> (Edit, ClaimId) {
    let id = map.next_claim_id();
    let mut edits = vec![Edit::AddClaim {
        id,
        claim: Claim::new(text, pos),
    }];
    if map.claims.is_empty() && map.thesis.is_none() {
        edits.push(Edit::SetThesis(Some(id)));
    }
    (Edit::Batch(edits), id)
}

/// A new claim made from quoted words: `text` for the user to restate,
/// citing `citation`; answering `answer` (a claim, as a reason or an
/// objection) or standing alone at `pos`.
pub fn quoted_claim(
    map: &Map,
    text: &str,
    citation: Citation,
    answer: Option<(ClaimId, LinkKind)>,
    pos: Pos,
) -> Option<(Edit, ClaimId)> {
    let (mut made, id) = match answer {
        Some((parent, kind)) => super::new_reply(map, parent, kind, text)?,
        None => add_claim(map, pos, text),
    };
    // The claim the edit adds takes the citation.
    let claim = added_claim(&mut made, id)?;
    claim.source = Some(citation);
    Some((made, id))
}

/// A new, empty argument made in `speech` of the map's round: answering
/// `answer` (attacking it when the speech is the other side's, extending
/// it when the same side's), or else a new line of argument on the motion
/// (for it from the side that opens, against it from the other) — or
/// alone at `pos` when the map has no thesis.
pub fn flowed_claim(
    map: &Map,
    speech: &crate::model::Speech,
    answer: Option<ClaimId>,
    pos: Pos,
) -> Option<(Edit, ClaimId)> {
    let round = map.round.as_ref()?;
    let speeches = round.speeches();
    let sides = round.format.sides();
    let opening = sides.first().map(String::as_str);
    // A claim's side is its speech's; claims no speech made (the motion)
    // stand on the opening side.
    let side_of = |id: ClaimId| {
        let said = map.claims.get(&id).and_then(|c| c.speech.as_deref());
        speeches
            .iter()
            .find(|s| said == Some(s.name.as_str()))
            .map(|s| s.side.as_str())
            .or(opening)
    };
    let (mut made, id) = match answer.or(map.thesis) {
        Some(parent) => {
            let kind = if side_of(parent) == Some(speech.side.as_str()) {
                LinkKind::Support
            } else {
                LinkKind::Attack
            };
            super::new_reply(map, parent, kind, "")?
        }
        None => add_claim(map, pos, ""),
    };
    added_claim(&mut made, id)?.speech = Some(speech.name.clone());
    Some((made, id))
}

/// The claim `edit` adds under `id`, to finish before it is applied.
fn added_claim(edit: &mut Edit, id: ClaimId) -> Option<&mut Claim> {
    match edit {
        Edit::AddClaim { id: added, claim } if *added == id => Some(claim),
        Edit::Batch(edits) => edits.iter_mut().find_map(|e| added_claim(e, id)),
        _ => None,
    }
}

/// The map's sources replaced by `sources`; `None` when nothing changes.
pub fn set_sources(map: &Map, sources: BTreeMap<String, Source>) -> Option<Edit> {
    (map.sources != sources).then_some(Edit::SetSources(sources))
}

/// Makes `claim` answer `onto` (with `kind`) instead of what it answered:
/// its link to its old parent goes, with whatever undercut that link.
///
/// # Errors
/// When `onto` is `claim` or one of its own answers, or either is gone.
pub fn reparent(map: &Map, claim: ClaimId, onto: ClaimId, kind: LinkKind) -> Result<Edit, Refusal> {
    if !map.claims.contains_key(&claim) || !map.claims.contains_key(&onto) {
        return Err("that claim no longer exists");
    }
    if claim == onto || crate::model::outline_view::descendants(map, claim).contains(&onto) {
        return Err("a claim cannot answer one of its own answers");
    }
    let old: BTreeSet<LinkId> = map
        .links
        .iter()
        .filter(|(_, l)| l.premises == [claim] && matches!(l.target, Target::Claim(_)))
        .take(1)
        .map(|(&id, _)| id)
        .collect();
    Ok(Edit::Batch(vec![
        delete_links(map, &old),
        Edit::AddLink {
            id: map.next_link_id(),
            link: Link::new(kind, vec![claim], Target::Claim(onto)),
        },
    ]))
}

/// Pins `claims` in place for arranging, or unpins them; claims already so
/// are left out.
pub fn set_pinned(map: &Map, claims: &[ClaimId], pinned: bool) -> Edit {
    Edit::Batch(
        claims
            .iter()
            .filter_map(|&id| {
                let claim = map.claims.get(&id)?;
                (claim.pinned != pinned).then(|| Edit::SetClaim {
                    id,
                    claim: Claim {
                        pinned,
                        ..claim.clone()
                    },
                })
            })
            .collect(),
    )
}

/// The map (or a subtree) laid out as a tidy tree, or `None` when every
/// claim is already where arranging would put it.
pub fn arrange(map: &Map, sizes: &Sizes, scope: Region) -> Option<Edit> {
    let moves = layout::arrange(map, sizes, scope);
    (!moves.is_empty()).then_some(Edit::Move(moves))
}

/// `edit`, followed in the same step by laying out what answers each of
/// `roots` as the map will stand after it (pasted claims, a new parent's
/// answers).
pub fn then_arranged(map: &Map, edit: Edit, roots: &[ClaimId], measure: &mut TextMeasure) -> Edit {
    if roots.is_empty() {
        return edit;
    }
    let mut preview = map.clone();
    let _ = edit.clone().apply(&mut preview);
    let sizes = card_sizes(&preview, measure);
    let mut moves = Vec::new();
    for &root in roots {
        for (id, pos) in layout::arrange(&preview, &sizes, Region::Subtree(root)) {
            if let Some(claim) = preview.claims.get_mut(&id) {
                claim.pos = pos;
            }
            moves.push((id, pos));
        }
    }
    if moves.is_empty() {
        edit
    } else {
        Edit::Batch(vec![edit, Edit::Move(moves)])
    }
}

/// `claims` moved by `(dx, dy)` map units.
pub fn move_by(map: &Map, claims: &BTreeSet<ClaimId>, dx: f32, dy: f32) -> Edit {
    Edit::Move(
        claims
            .iter()
            .filter_map(|&id| {
                let pos = map.claims.get(&id)?.pos;
                Some((id, Pos::new(pos.x + dx, pos.y + dy)))
            })
            .collect(),
    )
}

/// A claim with new `text`, or `None` when it is gone or already says that.
pub fn set_text(map: &Map, id: ClaimId, text: String) -> Option<Edit> {
    let claim = map.claims.get(&id)?;
    (claim.text != text).then(|| Edit::SetClaim {
        id,
        claim: Claim {
            text,
            ..claim.clone()
        },
    })
}

/// A claim of another kind (claim, evidence, note), or `None` when it is
/// gone or already of that kind.
pub fn set_kind(map: &Map, id: ClaimId, kind: ClaimKind) -> Option<Edit> {
    let claim = map.claims.get(&id)?;
    (claim.kind != kind).then(|| Edit::SetClaim {
        id,
        claim: Claim {
            kind,
            ..claim.clone()
        },
    })
}

/// A support turned into an attack, or back.
pub fn flip_link(map: &Map, id: LinkId) -> Option<Edit> {
    let mut link = map.links.get(&id)?.clone();
    link.kind = link.kind.flipped();
    Some(Edit::SetLink { id, link })
}

/// `claims` accepted, rejected, or (`None`) left unassessed; claims already
/// so are left out.
pub fn set_assessment(map: &Map, claims: &[ClaimId], assessment: Option<Assessment>) -> Edit {
    Edit::Batch(changed_claims(map, claims, |claim| {
        (claim.assessment != assessment).then(|| Claim {
            assessment,
            ..claim.clone()
        })
    }))
}

/// An edit for each of `claims` that `change` changes (it gives the claim
/// as it becomes, or `None` to leave it).
fn changed_claims(
    map: &Map,
    claims: &[ClaimId],
    change: impl Fn(&Claim) -> Option<Claim>,
) -> Vec<Edit> {
    claims
        .iter()
        .filter_map(|&id| {
            let claim = change(map.claims.get(&id)?)?;
            Some(Edit::SetClaim { id, claim })
        })
        .collect()
}

/// `links` weighed `weight`, or `None` when they all already are.
pub fn set_weights(map: &Map, links: &[LinkId], weight: Weight) -> Option<Edit> {
    let edits: Vec<Edit> = links
        .iter()
        .filter_map(|&id| {
            let link = map.links.get(&id)?;
            (link.weight != weight).then(|| Edit::SetLink {
                id,
                link: Link {
                    weight,
                    ..link.clone()
                },
            })
        })
        .collect();
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// `claims` judged by `standard` (`None`: the map's default), or `None`
/// when they all already are.
pub fn set_standard(map: &Map, claims: &[ClaimId], standard: Option<Standard>) -> Option<Edit> {
    let edits = changed_claims(map, claims, |claim| {
        (claim.standard != standard).then(|| Claim {
            standard,
            ..claim.clone()
        })
    });
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// The map's presumption weight (for claims in a debate) and default
/// standard set, or `None` when they already are.
pub fn set_weighing(map: &Map, presumption: Weight, standard: Standard) -> Option<Edit> {
    let settings = &map.evaluation;
    (settings.presumption != presumption || settings.standard != standard).then(|| {
        Edit::SetEvaluation(EvaluationSettings {
            presumption,
            standard,
            ..settings.clone()
        })
    })
}

/// The map's citations written in `style`, or `None` when they already
/// are.
pub fn set_citation_style(map: &Map, style: crate::model::CitationStyle) -> Option<Edit> {
    (map.citation_style != style).then_some(Edit::SetCitationStyle(style))
}

/// The map evaluated in `mode`, or `None` when it already is.
pub fn set_mode(map: &Map, mode: Mode) -> Option<Edit> {
    (map.evaluation.mode != mode).then(|| {
        Edit::SetEvaluation(EvaluationSettings {
            mode,
            ..map.evaluation.clone()
        })
    })
}

/// The map check called `rule` switched on or off for this map, or `None`
/// when it already is.
pub fn set_check(map: &Map, rule: &str, on: bool) -> Option<Edit> {
    let mut settings = map.evaluation.clone();
    let changed = if on {
        settings.checks_off.remove(rule)
    } else {
        settings.checks_off.insert(rule.to_owned())
    };
    changed.then_some(Edit::SetEvaluation(settings))
}

/// `thesis` as the map's thesis (or none), or `None` when it already is.
pub fn set_thesis(map: &Map, thesis: Option<ClaimId>) -> Option<Edit> {
    let exists = thesis.is_none_or(|id| map.claims.contains_key(&id));
    (exists && map.thesis != thesis).then_some(Edit::SetThesis(thesis))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> (Map, ClaimId, ClaimId, ClaimId) {
        let mut map = Map::new("m");
        let thesis = map.add_claim(Claim::new("T", Pos::new(0.0, 0.0)));
        let a = map.add_claim(Claim::new("A", Pos::new(-150.0, 200.0)));
        let b = map.add_claim(Claim::new("B", Pos::new(150.0, 200.0)));
        map.thesis = Some(thesis);
        map.add_link(Link::new(LinkKind::Support, vec![a], Target::Claim(thesis)));
        map.add_link(Link::new(LinkKind::Attack, vec![b], Target::Claim(thesis)));
        (map, thesis, a, b)
    }

    #[test]
    fn the_first_claim_of_a_map_becomes_its_thesis_and_later_ones_do_not() {
        let mut map = Map::new("m");
        let (edit, first) = add_claim(&map, Pos::default(), "");
        let _ = edit.apply(&mut map);
        assert_eq!(map.thesis, Some(first));
        let (edit, second) = add_claim(&map, Pos::new(300.0, 0.0), "Another");
        let _ = edit.apply(&mut map);
        assert_eq!(map.thesis, Some(first));
        assert_eq!(map.claims[&second].text, "Another");
    }

    #[test]
    fn reparenting_takes_the_old_link_and_its_undercuts_along() {
        let (mut map, _, a, b) = tree();
        let old = map.links_from(a).next().map(|(id, _)| id).expect("link");
        let undercutter = map.add_claim(Claim::new("U", Pos::default()));
        map.add_link(Link::new(
            LinkKind::Attack,
            vec![undercutter],
            Target::Link(old),
        ));
        let edit = reparent(&map, a, b, LinkKind::Attack).expect("allowed");
        let _ = edit.apply(&mut map);
        let links: Vec<&Link> = map.links.values().collect();
        assert_eq!(links.len(), 2, "{links:?}");
        assert!(map.links.values().any(|l| l.premises == [a]
            && l.target == Target::Claim(b)
            && l.kind == LinkKind::Attack));
        assert!(map.links.values().all(|l| l.premises != [undercutter]));
        assert!(map.validate().is_empty());
        // Onto its own answer, or onto itself: refused.
        assert!(reparent(&map, b, a, LinkKind::Support).is_err());
        assert!(reparent(&map, a, a, LinkKind::Support).is_err());
    }

    #[test]
    fn pins_thesis_text_and_kind_change_only_what_differs() {
        let (map, thesis, a, b) = tree();
        let Edit::Batch(pins) = set_pinned(&map, &[a, b], true) else {
            panic!("a batch");
        };
        assert_eq!(pins.len(), 2);
        assert!(set_thesis(&map, Some(thesis)).is_none());
        assert!(set_thesis(&map, Some(a)).is_some());
        assert!(set_thesis(&map, Some(ClaimId(99))).is_none());
        assert!(set_text(&map, a, "A".to_owned()).is_none());
        assert!(set_text(&map, a, "A, said again".to_owned()).is_some());
        assert!(set_kind(&map, a, ClaimKind::Claim).is_none());
        assert!(set_kind(&map, a, ClaimKind::Evidence).is_some());
    }

    #[test]
    fn assessments_mode_and_checks_change_only_what_differs() {
        let (mut map, thesis, a, _) = tree();
        let edit = set_assessment(&map, &[thesis, a], Some(Assessment::Accepted));
        let undo = edit.apply(&mut map);
        assert_eq!(map.claims[&a].assessment, Some(Assessment::Accepted));
        assert!(set_assessment(&map, &[thesis, a], Some(Assessment::Accepted)).is_nothing());
        let _ = undo.apply(&mut map);
        assert_eq!(map.claims[&a].assessment, None);
        assert!(set_mode(&map, Mode::Debate).is_none());
        let _ = set_mode(&map, Mode::Proof)
            .expect("a change")
            .apply(&mut map);
        assert_eq!(map.evaluation.mode, Mode::Proof);
        let _ = set_check(&map, "orphan", false)
            .expect("a change")
            .apply(&mut map);
        assert!(set_check(&map, "orphan", false).is_none());
        assert!(map.evaluation.checks_off.contains("orphan"));
        let _ = set_check(&map, "orphan", true)
            .expect("a change")
            .apply(&mut map);
        assert_eq!(map.evaluation.mode, Mode::Proof);
        assert!(map.evaluation.checks_off.is_empty());
    }

    #[test]
    fn arranging_an_arranged_map_changes_nothing() {
        let (mut map, ..) = tree();
        let mut measure = TextMeasure::new();
        let sizes = card_sizes(&map, &mut measure);
        let edit = arrange(&map, &sizes, Region::All).expect("moves");
        let _ = edit.apply(&mut map);
        assert!(arrange(&map, &sizes, Region::All).is_none());
    }
}
