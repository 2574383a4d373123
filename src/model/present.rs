//! The order in which presenting a map reveals its claims, as steps of
//! one or more claims. Pure: the editor's presentation mode and the slides
//! export both follow [`steps`].

use std::collections::{BTreeMap, BTreeSet};

use super::{ClaimId, LinkId, LinkKind, Map, Target};

/// The claims one step reveals together.
pub type Step = Vec<ClaimId>;

/// The default order: the thesis; then, depth first, its reasons before
/// its objections, each answer followed by whatever answers it (so each
/// objection is followed by its rebuttals), and the undercutters of a link
/// right after the link's premises. The premises of one linked argument
/// form one step. Claims that answer nothing and are not the thesis follow
/// with their own answers, left to right.
pub fn default_steps(map: &Map) -> Vec<Step> {
    match map.presentation.order {
        super::StepsBy::DepthFirst => walked(map, false),
        super::StepsBy::MainReasonsFirst => walked(map, true),
        super::StepsBy::Source => by_source(map),
    }
}

/// The steps each root's answers give, walked depth first or `by_level`:
/// the thesis first, then claims that answer nothing left to right, then
/// claims only reachable through a cycle.
fn walked(map: &Map, by_level: bool) -> Vec<Step> {
    let answers = Answers::of(map);
    let walk = |root, seen: &mut BTreeSet<ClaimId>, steps: &mut Vec<Step>| {
        if by_level {
            answers.walk_by_level(root, seen, steps);
        } else {
            answers.walk(root, seen, steps);
        }
    };
    let mut steps = Vec::new();
    let mut seen = BTreeSet::new();
    let roots = map.thesis.into_iter().chain(
        roots_left_to_right(map)
            .into_iter()
            .filter(|&c| Some(c) != map.thesis),
    );
    for root in roots {
        if seen.insert(root) {
            steps.push(vec![root]);
            walk(root, &mut seen, &mut steps);
        }
    }
    // Claims only reachable through a cycle (every claim answers another).
    for &id in map.claims.keys() {
        if seen.insert(id) {
            steps.push(vec![id]);
            walk(id, &mut seen, &mut steps);
        }
    }
    steps
}

/// The depth-first steps in the order of the source: the thesis first,
/// then each step by the first paragraph its claims cite (a step citing
/// nothing keeps its place after the one before it), ties in depth-first
/// order.
fn by_source(map: &Map) -> Vec<Step> {
    let steps = walked(map, false);
    let cited = |step: &Step| {
        step.iter()
            .filter_map(|c| map.claims.get(c)?.source.as_ref()?.paragraphs())
            .map(|(first, _)| first)
            .min()
    };
    // A step that cites nothing goes with the cited step before it.
    let mut keyed: Vec<(u32, usize, Step)> = Vec::with_capacity(steps.len());
    let mut last = 0;
    for (i, step) in steps.into_iter().enumerate() {
        if let Some(para) = cited(&step) {
            last = para;
        }
        let thesis = map.thesis.is_some_and(|t| step.contains(&t));
        keyed.push((if thesis { 0 } else { last }, i, step));
    }
    keyed.sort_by_key(|&(para, i, _)| (para, i));
    keyed.into_iter().map(|(_, _, step)| step).collect()
}

/// The steps to present: the author's order where there is one (claims
/// that no longer exist or are skipped left out, empty steps dropped),
/// then every claim in no step and not skipped, in the default order.
pub fn steps(map: &Map) -> Vec<Step> {
    let skip: BTreeSet<ClaimId> = map.presentation.skip.iter().copied().collect();
    let mut placed = BTreeSet::new();
    let mut steps: Vec<Step> = Vec::new();
    for step in &map.presentation.steps {
        let step: Step = step
            .iter()
            .copied()
            .filter(|c| map.claims.contains_key(c) && !skip.contains(c) && placed.insert(*c))
            .collect();
        if !step.is_empty() {
            steps.push(step);
        }
    }
    for step in default_steps(map) {
        let rest: Step = step
            .into_iter()
            .filter(|c| !skip.contains(c) && !placed.contains(c))
            .collect();
        if !rest.is_empty() {
            steps.push(rest);
        }
    }
    steps
}

/// An edit of the order of steps, as the steps panel offers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Move step `from` to position `to` (both from 0).
    Move {
        /// The step moved.
        from: usize,
        /// Where it goes.
        to: usize,
    },
    /// Join step `i` and the step after it into one.
    JoinNext(usize),
    /// Split step `i` into one step per claim.
    Split(usize),
    /// Leave the claims of step `i` out of the presentation.
    Skip(usize),
    /// Present a skipped claim again (at the end).
    Include(ClaimId),
    /// Follow another order (the steps moved by hand go back to it; the
    /// skipped claims stay skipped).
    Order(super::StepsBy),
}

/// The presentation of `map` after `change`: every step written out, so
/// the order stays as the author made it when claims are added later.
/// `None` when the change does not apply (a step out of range).
pub fn changed(map: &Map, change: Change) -> Option<super::Presentation> {
    let mut steps = steps(map);
    let mut skip = map.presentation.skip.clone();
    let order = map.presentation.order;
    match change {
        Change::Move { from, to } => {
            if from >= steps.len() || to >= steps.len() || from == to {
                return None;
            }
            let step = steps.remove(from);
            steps.insert(to, step);
        }
        Change::JoinNext(i) => {
            if i + 1 >= steps.len() {
                return None;
            }
            let next = steps.remove(i + 1);
            steps[i].extend(next);
        }
        Change::Split(i) => {
            if steps.get(i).is_none_or(|s| s.len() < 2) {
                return None;
            }
            let step = steps.remove(i);
            for (k, claim) in step.into_iter().enumerate() {
                steps.insert(i + k, vec![claim]);
            }
        }
        Change::Skip(i) => {
            if i >= steps.len() {
                return None;
            }
            skip.extend(steps.remove(i));
        }
        Change::Include(claim) => {
            let before = skip.len();
            skip.retain(|&c| c != claim);
            if skip.len() == before {
                return None;
            }
            steps.push(vec![claim]);
        }
        Change::Order(order) => {
            if order == map.presentation.order && map.presentation.steps.is_empty() {
                return None;
            }
            return Some(super::Presentation {
                steps: Vec::new(),
                skip,
                order,
            });
        }
    }
    Some(super::Presentation { steps, skip, order })
}

/// Of the claims `claim` answers, the one presented last before it.
fn answered_before(map: &Map, claim: ClaimId, order: &StepOrder) -> Option<ClaimId> {
    let own = order.of(claim)?;
    map.links_from(claim)
        .filter_map(|(id, _)| super::nav::answered_claim(map, id))
        .filter(|&answered| answered != claim)
        .filter_map(|answered| Some((order.of(answered)?, answered)))
        .filter(|&(at, _)| at < own)
        .max()
        .map(|(_, answered)| answered)
}

/// A claim shown with a step for its context, and how it relates to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Context {
    /// The claim.
    pub claim: ClaimId,
    /// How the step relates to it, in words for a label: "answers", or for
    /// an objection to an inference "from" (its premises) and "to" (what
    /// they support).
    pub relation: &'static str,
}

impl Context {
    /// Another claim of the step itself (a linked premise beside the one
    /// shown), when the step is too large to show at once: "and".
    pub fn same_step(claim: ClaimId) -> Self {
        Self {
            claim,
            relation: "and",
        }
    }
}

/// Where each claim is presented: the index of its step.
#[derive(Clone, Debug, Default)]
pub struct StepOrder(std::collections::HashMap<ClaimId, usize>);

impl StepOrder {
    /// The step of `claim`, from 0.
    pub fn of(&self, claim: ClaimId) -> Option<usize> {
        self.0.get(&claim).copied()
    }
}

/// Where each claim of `steps` is presented (its first step).
pub fn step_index(steps: &[Step]) -> StepOrder {
    let mut order = std::collections::HashMap::with_capacity(steps.len());
    for (i, step) in steps.iter().enumerate() {
        for &claim in step {
            order.entry(claim).or_insert(i);
        }
    }
    StepOrder(order)
}

/// What a step answers, to show with it: the claim its first claim
/// supports or attacks — of several, the one presented last before it
/// (`order`, from [`step_index`]), so a reason of both the thesis and a
/// later claim is shown with the thesis; for an objection to an inference
/// (an undercut), the whole inference — the premises of the link it
/// attacks and what they support — since the objection is about the step
/// between them.
pub fn context(map: &Map, step: &[ClaimId], order: &StepOrder) -> Vec<Context> {
    let Some(&first) = step.first() else {
        return Vec::new();
    };
    let undercut = map
        .links_from(first)
        .find_map(|(_, link)| match link.target {
            Target::Link(attacked) => map.links.get(&attacked),
            Target::Claim(_) => None,
        });
    let context: Vec<Context> = match undercut {
        Some(attacked) => attacked
            .premises
            .iter()
            .map(|&claim| Context {
                claim,
                relation: "from",
            })
            .chain(match attacked.target {
                Target::Claim(claim) => Some(Context {
                    claim,
                    relation: "to",
                }),
                Target::Link(_) => None,
            })
            .collect(),
        None => answered_before(map, first, order)
            .or_else(|| super::nav::parent(map, first))
            .map(|claim| Context {
                claim,
                relation: "answers",
            })
            .into_iter()
            .collect(),
    };
    let mut seen = BTreeSet::new();
    context
        .into_iter()
        .filter(|c| !step.contains(&c.claim) && map.claims.contains_key(&c.claim))
        .filter(|c| seen.insert(c.claim))
        .collect()
}

/// The links into each claim and each link, sorted for presenting.
struct Answers<'m> {
    map: &'m Map,
    into: BTreeMap<Target, Vec<LinkId>>,
}

impl<'m> Answers<'m> {
    fn of(map: &'m Map) -> Self {
        let mut into: BTreeMap<Target, Vec<LinkId>> = BTreeMap::new();
        for (&id, link) in &map.links {
            into.entry(link.target).or_default().push(id);
        }
        let x = |link: &LinkId| {
            map.links
                .get(link)
                .and_then(|l| l.premises.first())
                .and_then(|c| map.claims.get(c))
                .map_or(0.0, |c| c.pos.x)
        };
        let kind_rank = |link: &LinkId| match map.links.get(link).map(|l| l.kind) {
            Some(LinkKind::Support) | None => 0,
            Some(LinkKind::Attack) => 1,
        };
        for links in into.values_mut() {
            links.sort_by(|a, b| {
                kind_rank(a)
                    .cmp(&kind_rank(b))
                    .then(x(a).total_cmp(&x(b)))
                    .then(a.cmp(b))
            });
        }
        Self { map, into }
    }

    /// Adds the steps below `claim`: each link into it in turn, its
    /// premises as one step, then everything that answers those premises
    /// and the undercutters of the link, all the way down, before the next
    /// link. An explicit stack: a map may be a chain thousands deep.
    fn walk(&self, claim: ClaimId, seen: &mut BTreeSet<ClaimId>, steps: &mut Vec<Step>) {
        let mut frames: Vec<std::vec::IntoIter<LinkId>> =
            vec![self.links_into(&[Target::Claim(claim)])];
        while let Some(frame) = frames.last_mut() {
            let Some(link) = frame.next() else {
                frames.pop();
                continue;
            };
            let Some(step) = self.step_of(link, seen) else {
                continue;
            };
            let mut below: Vec<Target> = step.iter().map(|&c| Target::Claim(c)).collect();
            below.push(Target::Link(link));
            frames.push(self.links_into(&below));
            steps.push(step);
        }
    }

    /// The step that `link`'s premises not yet `seen` make (marking them
    /// seen), if any are left.
    fn step_of(&self, link: LinkId, seen: &mut BTreeSet<ClaimId>) -> Option<Step> {
        let premises = &self.map.links.get(&link)?.premises;
        let step: Step = premises
            .iter()
            .copied()
            .filter(|c| seen.insert(*c))
            .collect();
        (!step.is_empty()).then_some(step)
    }

    /// Like [`Self::walk`], level by level: every answer of `claim` first
    /// (reasons before objections, a linked argument's premises as one
    /// step), then every answer of those, and so on.
    fn walk_by_level(&self, claim: ClaimId, seen: &mut BTreeSet<ClaimId>, steps: &mut Vec<Step>) {
        let mut level = vec![Target::Claim(claim)];
        while !level.is_empty() {
            let mut next = Vec::new();
            for link in self.links_into(&level) {
                let Some(step) = self.step_of(link, seen) else {
                    continue;
                };
                next.extend(step.iter().map(|&c| Target::Claim(c)));
                next.push(Target::Link(link));
                steps.push(step);
            }
            level = next;
        }
    }

    /// The links into any of `targets`, in presenting order per target.
    fn links_into(&self, targets: &[Target]) -> std::vec::IntoIter<LinkId> {
        targets
            .iter()
            .flat_map(|t| self.into.get(t).into_iter().flatten().copied())
            .collect::<Vec<_>>()
            .into_iter()
    }
}

/// Claims that are premises of no link, left to right.
fn roots_left_to_right(map: &Map) -> Vec<ClaimId> {
    let premises: BTreeSet<ClaimId> = map
        .links
        .values()
        .flat_map(|l| l.premises.iter().copied())
        .collect();
    let mut roots: Vec<ClaimId> = map
        .claims
        .keys()
        .copied()
        .filter(|c| !premises.contains(c))
        .collect();
    let x = |c: &ClaimId| map.claims.get(c).map_or(0.0, |c| c.pos.x);
    roots.sort_by(|a, b| x(a).total_cmp(&x(b)).then(a.cmp(b)));
    roots
}

#[cfg(test)]
#[expect(clippy::many_single_char_names, reason = "T, O, R… as in the sketch.")]
mod tests {
    use super::*;
    use crate::model::{Claim, Link, Pos};

    fn claim(map: &mut Map, text: &str, x: f32) -> ClaimId {
        map.add_claim(Claim::new(text, Pos::new(x, 0.0)))
    }

    fn link(map: &mut Map, kind: LinkKind, premises: &[ClaimId], target: Target) -> LinkId {
        map.add_link(Link::new(kind, premises.to_vec(), target))
    }

    /// Thesis T; objection O (left) and reason R (right); R has evidence E;
    /// O has a rebuttal B; linked premises P1+P2 support T; U undercuts the
    /// link from E to R; F answers nothing.
    fn sample() -> (Map, [ClaimId; 9]) {
        let mut map = Map::new("sample");
        let t = claim(&mut map, "T", 0.0);
        let o = claim(&mut map, "O", -300.0);
        let r = claim(&mut map, "R", 300.0);
        let e = claim(&mut map, "E", 300.0);
        let b = claim(&mut map, "B", -300.0);
        let p1 = claim(&mut map, "P1", 600.0);
        let p2 = claim(&mut map, "P2", 700.0);
        let u = claim(&mut map, "U", 500.0);
        let f = claim(&mut map, "F", 900.0);
        map.thesis = Some(t);
        link(&mut map, LinkKind::Attack, &[o], Target::Claim(t));
        link(&mut map, LinkKind::Support, &[r], Target::Claim(t));
        let er = link(&mut map, LinkKind::Support, &[e], Target::Claim(r));
        link(&mut map, LinkKind::Attack, &[b], Target::Claim(o));
        link(&mut map, LinkKind::Support, &[p1, p2], Target::Claim(t));
        link(&mut map, LinkKind::Attack, &[u], Target::Link(er));
        (map, [t, o, r, e, b, p1, p2, u, f])
    }

    #[test]
    fn main_reasons_first_and_as_the_source_goes() {
        let (mut map, [t, o, r, e, b, p1, p2, u, f]) = sample();
        map.presentation.order = crate::model::StepsBy::MainReasonsFirst;
        assert_eq!(
            default_steps(&map),
            [
                vec![t],
                vec![r],
                vec![p1, p2],
                vec![o],
                vec![e],
                vec![b],
                vec![u],
                vec![f],
            ]
        );
        // By cited paragraph: O cites ¶1, B ¶2, E ¶3, R ¶4; F, U and the
        // linked premises cite nothing and stay after the step before them
        // in depth-first order (F after B; U and P1+P2 after E).
        for (claim, para) in [(o, 1), (b, 2), (e, 3), (r, 4)] {
            if let Some(claim) = map.claims.get_mut(&claim) {
                claim.source = Some(crate::model::Citation {
                    doc: "s".into(),
                    para: Some(para),
                    ..crate::model::Citation::default()
                });
            }
        }
        map.sources
            .insert("s".into(), crate::model::Source::default());
        map.presentation.order = crate::model::StepsBy::Source;
        assert_eq!(
            default_steps(&map),
            [
                vec![t],
                vec![o],
                vec![b],
                vec![f],
                vec![e],
                vec![u],
                vec![p1, p2],
                vec![r],
            ]
        );
        // Choosing an order takes back the steps moved by hand and keeps
        // the skipped ones skipped.
        map.presentation.order = crate::model::StepsBy::DepthFirst;
        changed(&map, Change::Move { from: 3, to: 0 }).expect("moved");
        map.presentation = changed(&map, Change::Skip(7)).expect("skipped");
        assert!(!map.presentation.steps.is_empty());
        let chosen = changed(&map, Change::Order(crate::model::StepsBy::MainReasonsFirst))
            .expect("another order");
        assert!(chosen.steps.is_empty());
        assert_eq!(chosen.skip, [f]);
        assert_eq!(chosen.order, crate::model::StepsBy::MainReasonsFirst);
    }

    #[test]
    fn reasons_before_objections_each_followed_by_its_answers() {
        let (map, [t, o, r, e, b, p1, p2, u, f]) = sample();
        assert_eq!(
            default_steps(&map),
            [
                vec![t],
                vec![r],
                vec![e],
                vec![u],
                vec![p1, p2],
                vec![o],
                vec![b],
                vec![f],
            ]
        );
        let order = step_index(&default_steps(&map));
        let claims = |map: &Map, step: &[ClaimId]| -> Vec<(ClaimId, &str)> {
            context(map, step, &order)
                .into_iter()
                .map(|c| (c.claim, c.relation))
                .collect()
        };
        assert_eq!(claims(&map, &[e]), [(r, "answers")]);
        // An objection to the inference from e to r is shown with both.
        assert_eq!(claims(&map, &[u]), [(e, "from"), (r, "to")]);
        assert_eq!(claims(&map, &[t]), []);
        // A reason of two claims is shown with the one presented last
        // before it: e also supports the thesis, but comes after r.
        let mut map = map;
        link(&mut map, LinkKind::Support, &[e], Target::Claim(t));
        assert_eq!(claims(&map, &[e]), [(r, "answers")]);
        // …and with the thesis when the thesis is the one presented
        // before it (its link to the other claim comes first by id).
        let mut map = Map::new("two parents");
        let t = claim(&mut map, "T", 0.0);
        let a = claim(&mut map, "A", 300.0);
        let b = claim(&mut map, "B", -300.0);
        map.thesis = Some(t);
        link(&mut map, LinkKind::Support, &[b], Target::Claim(a));
        link(&mut map, LinkKind::Support, &[a], Target::Claim(t));
        link(&mut map, LinkKind::Support, &[b], Target::Claim(t));
        let steps = default_steps(&map);
        assert_eq!(steps, [vec![t], vec![b], vec![a]]);
        let order = step_index(&steps);
        let shown = context(&map, &[b], &order);
        assert_eq!(shown.iter().map(|c| c.claim).collect::<Vec<_>>(), [t]);
    }

    #[test]
    fn the_authors_order_comes_first_then_anything_new() {
        let (mut map, [t, o, r, e, b, p1, p2, u, f]) = sample();
        map.presentation.steps = vec![vec![t], vec![o, b], vec![ClaimId(99)], vec![r]];
        map.presentation.skip = vec![u, f];
        assert_eq!(
            steps(&map),
            [vec![t], vec![o, b], vec![r], vec![e], vec![p1, p2]]
        );
    }

    #[test]
    fn reorder_join_split_skip_and_include() {
        let (mut map, [t, o, r, e, b, p1, p2, u, f]) = sample();
        let apply = |map: &mut Map, change| {
            map.presentation = changed(map, change).expect("applies");
        };
        apply(&mut map, Change::Move { from: 5, to: 1 });
        assert_eq!(steps(&map)[..3], [vec![t], vec![o], vec![r]]);
        apply(&mut map, Change::JoinNext(1));
        assert_eq!(steps(&map)[1], vec![o, r]);
        apply(&mut map, Change::Split(1));
        assert_eq!(steps(&map)[1..3], [vec![o], vec![r]]);
        apply(&mut map, Change::Skip(3));
        assert_eq!(map.presentation.skip, [e]);
        assert!(!steps(&map).concat().contains(&e));
        apply(&mut map, Change::Include(e));
        assert_eq!(steps(&map).last(), Some(&vec![e]));
        assert_eq!(
            steps(&map),
            [
                vec![t],
                vec![o],
                vec![r],
                vec![u],
                vec![p1, p2],
                vec![b],
                vec![f],
                vec![e]
            ]
        );
        // Out of range changes nothing.
        assert_eq!(changed(&map, Change::JoinNext(7)), None);
        assert_eq!(changed(&map, Change::Split(0)), None);
        assert_eq!(changed(&map, Change::Include(t)), None);
    }

    #[test]
    fn a_chain_thousands_deep_is_walked_without_recursion() {
        let mut map = Map::new("chain");
        let mut previous = claim(&mut map, "0", 0.0);
        map.thesis = Some(previous);
        for i in 1..50_000 {
            let next = claim(&mut map, &i.to_string(), 0.0);
            link(
                &mut map,
                LinkKind::Support,
                &[next],
                Target::Claim(previous),
            );
            previous = next;
        }
        assert_eq!(default_steps(&map).len(), 50_000);
    }
}
