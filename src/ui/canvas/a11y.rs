//! What assistive technology meets on the canvas: cards made in reading
//! order (the thesis, then each answer with its own answers), each with its
//! role and what it answers.

use std::collections::BTreeSet;

use super::Frame;
use super::scene_index::SceneIndex;
use crate::model::{Claim, ClaimId, ClaimKind, Map, Role};

/// The cards on screen, when off-screen cards are made too (small maps,
/// see [`reading_order`]); `None` when only on-screen cards are.
pub(super) fn on_screen_when_exposing_all(frame: &Frame<'_>) -> Option<BTreeSet<ClaimId>> {
    (frame.index.cards.len() <= EXPOSE_ALL_UP_TO).then(|| frame.visible.iter().copied().collect())
}

/// Maps up to this size expose every card to assistive technology.
const EXPOSE_ALL_UP_TO: usize = 500;

/// The cards to make widgets for, in reading order: cards are made in this
/// order, so assistive technology reads the map as an outline (the thesis,
/// then each answer with its own answers).
pub(super) fn reading_order(frame: &Frame<'_>) -> Vec<ClaimId> {
    // Small maps expose every card, on screen or not, so a screen reader
    // can read all of it; larger ones only what is on screen, which keeps
    // a zoomed-in frame of a big map cheap.
    let mut visible = if frame.index.cards.len() <= EXPOSE_ALL_UP_TO {
        frame.index.cards.keys().copied().collect()
    } else {
        frame.visible.clone()
    };
    visible.sort_by_key(|id| {
        frame
            .index
            .reading_order
            .get(id)
            .copied()
            .unwrap_or(usize::MAX)
    });
    visible
}

/// What a screen reader says about a card besides its text: its role and
/// kind, what it answers, and the words it quotes (`quoted`, for evidence).
pub(super) fn description(
    map: &Map,
    index: &SceneIndex,
    id: ClaimId,
    role: Role,
    claim: &Claim,
    quoted: Option<&str>,
) -> String {
    let mut words = role.label().to_owned();
    if claim.kind != ClaimKind::Claim {
        words = format!("{}, {words}", claim.kind.label());
    }
    if let Some(&(parent, verb)) = index.answers.get(&id)
        && let Some(parent) = map.claims.get(&parent)
    {
        let text: String = parent.text.chars().take(80).collect();
        words = format!("{words}; {verb}: {text}");
    }
    if claim.kind == ClaimKind::Evidence
        && let Some(quoted) = quoted
    {
        words = format!("{words}; quotes: “{quoted}”");
    }
    words
}
