//! A map read as an outline: the thesis, then what answers it, depth
//! first, as people read an argument aloud. The Markdown and Argdown
//! writers, the clipboard, search and screen readers all take this one
//! order, so every one of them tells the argument the same way.

use std::collections::{BTreeSet, HashMap};

use super::{ClaimId, LinkId, LinkKind, Map, Target};

/// One step of the walk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// A claim that starts a tree: the thesis, then claims that answer
    /// nothing, then whatever a cycle left out.
    Root(ClaimId),
    /// A link, under what it answers.
    Link {
        /// The link.
        id: LinkId,
        /// How deep it sits: 0 answers a root.
        depth: usize,
        /// For each premise, whether this is its first appearance (its own
        /// answers follow it) or a repeat (it was told above).
        fresh: Vec<bool>,
    },
}

/// The links answering each claim or link, supports before attacks, each
/// group left to right as on the canvas.
pub fn answers(map: &Map) -> HashMap<Target, Vec<LinkId>> {
    let mut answers: HashMap<Target, Vec<LinkId>> = HashMap::new();
    for (&id, link) in &map.links {
        answers.entry(link.target).or_default().push(id);
    }
    let x = |id: &LinkId| -> f32 {
        let link = &map.links[id];
        let xs: Vec<f32> = link
            .premises
            .iter()
            .filter_map(|p| map.claims.get(p).map(|c| c.pos.x))
            .collect();
        #[expect(clippy::cast_precision_loss, reason = "A handful of premises.")]
        let mean = xs.iter().sum::<f32>() / xs.len().max(1) as f32;
        mean
    };
    for links in answers.values_mut() {
        links.sort_by(|a, b| {
            let kind = |id: &LinkId| u8::from(map.links[id].kind == LinkKind::Attack);
            kind(a)
                .cmp(&kind(b))
                .then(x(a).total_cmp(&x(b)))
                .then(a.cmp(b))
        });
    }
    answers
}

/// Every claim and link of `map` once, in reading order. Iterative, so a
/// chain of 100,000 claims is no deeper for the stack than one.
pub fn walk(map: &Map) -> Vec<Step> {
    let answers = answers(map);
    let premises: BTreeSet<ClaimId> = map
        .links
        .values()
        .flat_map(|l| l.premises.iter().copied())
        .collect();
    let roots = map
        .thesis
        .into_iter()
        .chain(map.claims.keys().copied().filter(|c| !premises.contains(c)))
        .chain(map.claims.keys().copied());
    let mut seen: BTreeSet<ClaimId> = BTreeSet::new();
    let mut told: BTreeSet<LinkId> = BTreeSet::new();
    let mut steps = Vec::with_capacity(map.claims.len() + map.links.len());
    let mut stack: Vec<(LinkId, usize)> = Vec::new();
    let push = |stack: &mut Vec<(LinkId, usize)>, target: Target, depth: usize| {
        if let Some(links) = answers.get(&target) {
            stack.extend(links.iter().rev().map(|&l| (l, depth)));
        }
    };
    for root in roots {
        if !map.claims.contains_key(&root) || !seen.insert(root) {
            continue;
        }
        steps.push(Step::Root(root));
        push(&mut stack, Target::Claim(root), 0);
        while let Some((id, depth)) = stack.pop() {
            let Some(link) = map.links.get(&id) else {
                continue;
            };
            if !told.insert(id) {
                continue;
            }
            let fresh: Vec<bool> = link.premises.iter().map(|&p| seen.insert(p)).collect();
            // Pushed in reverse: what is popped first is told first, so
            // the answers to each fresh premise follow, last premise
            // deepest in the stack, and undercuts of this link come first.
            for (&premise, &new) in link.premises.iter().zip(&fresh).rev() {
                if new {
                    push(&mut stack, Target::Claim(premise), depth + 1);
                }
            }
            push(&mut stack, Target::Link(id), depth + 1);
            steps.push(Step::Link { id, depth, fresh });
        }
    }
    steps
}

/// Every claim once, in the order the outline tells them: the order a
/// reader, a screen reader and search meet the claims in.
pub fn order(map: &Map) -> Vec<ClaimId> {
    let mut order = Vec::new();
    for step in walk(map) {
        match step {
            Step::Root(id) => order.push(id),
            Step::Link { id, fresh, .. } => {
                if let Some(link) = map.links.get(&id) {
                    order.extend(
                        link.premises
                            .iter()
                            .zip(&fresh)
                            .filter(|(_, new)| **new)
                            .map(|(p, _)| *p),
                    );
                }
            }
        }
    }
    order
}

/// The claim that answers nothing and that the most links lead to,
/// directly or not: the main conclusion of an analysed argument.
pub fn main_conclusion(map: &Map) -> Option<ClaimId> {
    let answers_something: BTreeSet<ClaimId> = map
        .links
        .values()
        .flat_map(|l| l.premises.iter().copied())
        .collect();
    let mut into: HashMap<ClaimId, usize> = HashMap::new();
    for link in map.links.values() {
        if let Target::Claim(c) = link.target {
            *into.entry(c).or_default() += 1;
        }
    }
    let best = |candidates: &mut dyn Iterator<Item = ClaimId>| {
        candidates
            .filter(|c| into.contains_key(c))
            .max_by_key(|c| (into[c], std::cmp::Reverse(*c)))
    };
    // When every claim answers something (a cycle), the most answered.
    best(
        &mut map
            .claims
            .keys()
            .copied()
            .filter(|c| !answers_something.contains(c)),
    )
    .or_else(|| best(&mut map.claims.keys().copied()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Link, Pos};

    #[test]
    fn every_claim_and_link_is_told_once_in_reading_order() {
        let mut map = Map::new("t");
        let at = |x: f32| Pos { x, y: 0.0 };
        let thesis = map.add_claim(Claim::new("T", at(0.0)));
        let objection = map.add_claim(Claim::new("O", at(-100.0)));
        let reason = map.add_claim(Claim::new("R", at(100.0)));
        let rebuttal = map.add_claim(Claim::new("B", at(0.0)));
        map.thesis = Some(thesis);
        let attack = map.add_link(Link::new(
            LinkKind::Attack,
            vec![objection],
            Target::Claim(thesis),
        ));
        let support = map.add_link(Link::new(
            LinkKind::Support,
            vec![reason],
            Target::Claim(thesis),
        ));
        let rebut = map.add_link(Link::new(
            LinkKind::Attack,
            vec![rebuttal],
            Target::Claim(objection),
        ));
        // The reason is used twice: a cross-link.
        let cross = map.add_link(Link::new(
            LinkKind::Support,
            vec![reason],
            Target::Claim(rebuttal),
        ));
        let steps = walk(&map);
        assert_eq!(
            steps,
            vec![
                Step::Root(thesis),
                Step::Link {
                    id: support,
                    depth: 0,
                    fresh: vec![true]
                },
                Step::Link {
                    id: attack,
                    depth: 0,
                    fresh: vec![true]
                },
                Step::Link {
                    id: rebut,
                    depth: 1,
                    fresh: vec![true]
                },
                Step::Link {
                    id: cross,
                    depth: 2,
                    fresh: vec![false]
                },
            ]
        );
    }

    #[test]
    fn a_cycle_without_a_thesis_is_still_told() {
        let mut map = Map::new("t");
        let a = map.add_claim(Claim::new("A", Pos::default()));
        let b = map.add_claim(Claim::new("B", Pos::default()));
        map.add_link(Link::new(LinkKind::Support, vec![a], Target::Claim(b)));
        map.add_link(Link::new(LinkKind::Attack, vec![b], Target::Claim(a)));
        let steps = walk(&map);
        assert_eq!(steps.len(), 3);
        assert_eq!(steps[0], Step::Root(a));
    }
}
