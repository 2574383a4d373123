//! Which arguments stand, and why: every claim and link of a map labelled
//! IN (it holds), OUT (it fails) or UNDECIDED (open), with the reason for
//! each label, worked out from the structure and the user's assessments.
//! A pure function of the map, recomputed on every change; it never edits
//! the map.
//!
//! The labels are the least fixed point of these rules, starting from the
//! assessed claims:
//! - a link is IN when every premise is IN and every undercut is OUT, and
//!   OUT when some premise is OUT or some undercut is IN;
//! - a claim is IN when it is presumed or some support of it is IN, and
//!   every attack on it is OUT; it is OUT when some attack on it is IN, or
//!   it is not presumed and every support of it is OUT (also when it has
//!   none);
//! - everything else is UNDECIDED (cycles that nothing outside decides).
//!
//! A claim is presumed when it is evidence (unless rejected), or, in debate
//! mode, when it has no reasons. Notes take no part. Supports aimed at
//! links have no effect.
//!
//! - `why`: the reasons in words, and the tree of reasons down to facts;
//! - `checks`: what a coach would mark on a map.

pub mod checks;
mod why;

use std::collections::{BTreeMap, VecDeque};

use crate::model::{Assessment, ClaimId, ClaimKind, LinkId, LinkKind, Map, Mode, Target};

pub use why::{Part, TreeLine, explain_tree, to_text as why_text};

/// Whether a claim or link stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    /// It holds.
    In,
    /// It fails.
    Out,
    /// Open: nothing decides it (a cycle), or it takes no part (a note).
    Undecided,
}

impl Label {
    /// The label as files and the command line write it: "in", "out",
    /// "undecided".
    pub fn name(self) -> &'static str {
        match self {
            Self::In => "in",
            Self::Out => "out",
            Self::Undecided => "undecided",
        }
    }

    /// The word a card shows: "holds", "fails", "open".
    pub fn word(self) -> &'static str {
        match self {
            Self::In => "holds",
            Self::Out => "fails",
            Self::Undecided => "open",
        }
    }

    /// The symbol beside the word: ✓, ✗, ?.
    pub fn symbol(self) -> &'static str {
        match self {
            Self::In => "✓",
            Self::Out => "✗",
            Self::Undecided => "?",
        }
    }
}

/// Why a claim or link has its label, pointing at what decides it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// The user accepted the claim.
    Accepted,
    /// The user rejected the claim.
    Rejected,
    /// A note: it takes no part in the evaluation.
    Note,
    /// Presumed (evidence, or in debate mode a claim with no reasons), and
    /// every attack on it (listed) fails.
    Presumed {
        /// Whether it is presumed as evidence.
        evidence: bool,
        /// The attacks on it, all failing.
        answered: Vec<LinkId>,
    },
    /// A support of it holds, and every attack on it (listed) fails.
    Supported {
        /// The support that holds.
        by: LinkId,
        /// The attacks on it, all failing.
        answered: Vec<LinkId>,
    },
    /// An attack on it holds.
    Defeated {
        /// The attack that holds.
        by: LinkId,
    },
    /// Not presumed, and it has no support (proof mode).
    NoReason,
    /// Not presumed, and every support of it fails.
    NoReasonHolds {
        /// Its supports, all failing.
        supports: Vec<LinkId>,
    },
    /// A link whose premises all hold and whose undercuts (listed) fail.
    Follows {
        /// Its undercuts, all failing.
        answered: Vec<LinkId>,
    },
    /// A link one of whose premises fails.
    PremiseFails {
        /// The premise that fails.
        premise: ClaimId,
    },
    /// A link an undercut of which holds.
    Undercut {
        /// The undercut that holds.
        by: LinkId,
    },
    /// A link whose premises are all notes: it takes no part.
    OnlyNotes,
    /// Nothing outside decides it: it depends on this cycle of claims (the
    /// first repeated at the end), or on claims that depend on one.
    Open {
        /// The cycle, when one was found through it.
        cycle: Vec<ClaimId>,
    },
}

/// The label of a claim or link and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    /// Holds, fails or open.
    pub label: Label,
    /// Why.
    pub why: Why,
}

/// The statuses of a whole map.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evaluation {
    /// How unassessed claims were judged.
    pub mode: Mode,
    /// Every claim's status.
    pub claims: BTreeMap<ClaimId, Status>,
    /// Every link's status.
    pub links: BTreeMap<LinkId, Status>,
    /// Claims that attack a claim: an attack on one of them is a rebuttal
    /// (for naming links in reasons).
    pub(crate) attackers: std::collections::BTreeSet<ClaimId>,
}

impl Evaluation {
    /// A claim's label; `Undecided` for an unknown id.
    pub fn claim(&self, id: ClaimId) -> Label {
        self.claims.get(&id).map_or(Label::Undecided, |s| s.label)
    }

    /// A link's label; `Undecided` for an unknown id.
    pub fn link(&self, id: LinkId) -> Label {
        self.links.get(&id).map_or(Label::Undecided, |s| s.label)
    }

    /// The claims whose label differs between `self` and `other` (claims in
    /// only one of them included).
    pub fn flipped(&self, other: &Self) -> Vec<ClaimId> {
        let mut flipped: Vec<ClaimId> = self
            .claims
            .iter()
            .filter(|(id, status)| other.claims.get(id).is_none_or(|o| o.label != status.label))
            .map(|(&id, _)| id)
            .collect();
        flipped.extend(
            other
                .claims
                .keys()
                .copied()
                .filter(|id| !self.claims.contains_key(id)),
        );
        flipped.sort_unstable();
        flipped
    }
}

/// A node of the evaluation: a claim or a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Node {
    Claim(usize),
    Link(usize),
}

/// Counts a claim's label is decided by.
#[derive(Clone, Debug, Default)]
struct ClaimState {
    presumed: bool,
    evidence: bool,
    supports: Vec<usize>,
    attacks: Vec<usize>,
    supports_out: usize,
    attacks_out: usize,
    support_in: Option<usize>,
    attack_in: Option<usize>,
}

/// Counts a link's label is decided by.
#[derive(Clone, Debug, Default)]
struct LinkState {
    /// Premises that take part (not notes).
    premises: Vec<usize>,
    undercuts: Vec<usize>,
    premises_in: usize,
    undercuts_out: usize,
    premise_out: Option<usize>,
    undercut_in: Option<usize>,
    /// Whether the link takes part (has a premise that is not a note).
    active: bool,
}

/// The map in dense indexes, with the dependencies the rules follow.
struct Graph {
    claim_ids: Vec<ClaimId>,
    link_ids: Vec<LinkId>,
    claims: Vec<ClaimState>,
    links: Vec<LinkState>,
    /// For each claim, the links it is a premise of.
    premise_of: Vec<Vec<usize>>,
    /// For each link, what it decides: a claim (support or attack on it),
    /// a link (an undercut), or nothing (a support aimed at a link).
    decides: Vec<Option<Node>>,
}

impl Graph {
    fn new(map: &Map, mode: Mode) -> Self {
        let claim_ids: Vec<ClaimId> = map.claims.keys().copied().collect();
        let link_ids: Vec<LinkId> = map.links.keys().copied().collect();
        let claim_index: BTreeMap<ClaimId, usize> = claim_ids
            .iter()
            .enumerate()
            .map(|(i, &id)| (id, i))
            .collect();
        let link_index: BTreeMap<LinkId, usize> = link_ids
            .iter()
            .enumerate()
            .map(|(i, &id)| (id, i))
            .collect();
        let mut claims = vec![ClaimState::default(); claim_ids.len()];
        let mut links = vec![LinkState::default(); link_ids.len()];
        let mut premise_of = vec![Vec::new(); claim_ids.len()];
        let mut decides = vec![None; link_ids.len()];
        let is_note = |id: &ClaimId| {
            map.claims
                .get(id)
                .is_some_and(|c| c.kind == ClaimKind::Note)
        };
        for (l, (_, link)) in map.links.iter().enumerate() {
            let premises: Vec<usize> = link
                .premises
                .iter()
                .filter(|p| !is_note(p))
                .filter_map(|p| claim_index.get(p).copied())
                .collect();
            links[l].active = !premises.is_empty();
            for &p in &premises {
                premise_of[p].push(l);
            }
            links[l].premises = premises;
        }
        for (l, (_, link)) in map.links.iter().enumerate() {
            if !links[l].active {
                continue;
            }
            match (link.kind, link.target) {
                (kind, Target::Claim(target)) => {
                    let Some(&t) = claim_index.get(&target) else {
                        continue;
                    };
                    if is_note(&target) {
                        continue;
                    }
                    match kind {
                        LinkKind::Support => claims[t].supports.push(l),
                        LinkKind::Attack => claims[t].attacks.push(l),
                    }
                    decides[l] = Some(Node::Claim(t));
                }
                (LinkKind::Attack, Target::Link(target)) => {
                    if let Some(&t) = link_index.get(&target) {
                        links[t].undercuts.push(l);
                        decides[l] = Some(Node::Link(t));
                    }
                }
                // A support aimed at a link has no effect.
                (LinkKind::Support, Target::Link(_)) => {}
            }
        }
        for (c, claim) in map.claims.values().enumerate() {
            let evidence = claim.kind == ClaimKind::Evidence;
            claims[c].evidence = evidence;
            claims[c].presumed =
                evidence || (mode == Mode::Debate && claims[c].supports.is_empty());
        }
        Self {
            claim_ids,
            link_ids,
            claims,
            links,
            premise_of,
            decides,
        }
    }
}

/// Evaluates `map` in its own mode.
pub fn evaluate(map: &Map) -> Evaluation {
    evaluate_as(map, map.evaluation.mode)
}

/// Evaluates `map` in `mode`: every claim and link labelled, with why.
/// Linear in the size of the map: each label is set once, and setting it
/// updates counts on what depends on it.
pub fn evaluate_as(map: &Map, mode: Mode) -> Evaluation {
    let mut run = Run {
        claim_labels: vec![None; map.claims.len()],
        link_labels: vec![None; map.links.len()],
        queue: VecDeque::new(),
        graph: Graph::new(map, mode),
    };
    run.seed(map);
    while let Some(node) = run.queue.pop_front() {
        run.propagate(node);
    }
    let mut evaluation = run.finish(mode);
    evaluation.attackers = map
        .links
        .values()
        .filter(|l| l.kind == LinkKind::Attack && matches!(l.target, Target::Claim(_)))
        .flat_map(|l| l.premises.iter().copied())
        .collect();
    why::find_cycles(map, &mut evaluation);
    evaluation
}

/// The evaluation under way: labels set so far, and the nodes whose new
/// label has yet to reach what depends on them.
struct Run {
    graph: Graph,
    claim_labels: Vec<Option<(Label, Why)>>,
    link_labels: Vec<Option<(Label, Why)>>,
    queue: VecDeque<Node>,
}

impl Run {
    /// The facts (assessments, notes, links with only notes) and whatever
    /// the rules decide before any other label is known.
    fn seed(&mut self, map: &Map) {
        for ((c, claim), slot) in map.claims.values().enumerate().zip(&mut self.claim_labels) {
            let fixed = match (claim.kind, claim.assessment) {
                (ClaimKind::Note, _) => Some((Label::Undecided, Why::Note)),
                (_, Some(Assessment::Accepted)) => Some((Label::In, Why::Accepted)),
                (_, Some(Assessment::Rejected)) => Some((Label::Out, Why::Rejected)),
                (_, None) => None,
            };
            if let Some((label, why)) = fixed {
                *slot = Some((label, why));
                if label != Label::Undecided {
                    self.queue.push_back(Node::Claim(c));
                }
            }
        }
        for (state, slot) in self.graph.links.iter().zip(&mut self.link_labels) {
            if !state.active {
                *slot = Some((Label::Undecided, Why::OnlyNotes));
            }
        }
        for (c, (state, slot)) in self
            .graph
            .claims
            .iter()
            .zip(&mut self.claim_labels)
            .enumerate()
        {
            if slot.is_none()
                && let Some(decided) = decide_claim(state)
            {
                *slot = Some(decided);
                self.queue.push_back(Node::Claim(c));
            }
        }
        let claim_ids = &self.graph.claim_ids;
        for (l, (state, slot)) in self
            .graph
            .links
            .iter()
            .zip(&mut self.link_labels)
            .enumerate()
        {
            if slot.is_none()
                && let Some(decided) = decide_link(state, claim_ids)
            {
                *slot = Some(decided);
                self.queue.push_back(Node::Link(l));
            }
        }
    }

    /// Passes the label of `node` on to what depends on it, labelling
    /// those the rules now decide.
    fn propagate(&mut self, node: Node) {
        match node {
            Node::Claim(c) => {
                let Some((label, _)) = self.claim_labels[c] else {
                    return;
                };
                for &l in &self.graph.premise_of[c] {
                    let state = &mut self.graph.links[l];
                    match label {
                        Label::In => state.premises_in += 1,
                        Label::Out => {
                            state.premise_out.get_or_insert(c);
                        }
                        Label::Undecided => continue,
                    }
                    if self.link_labels[l].is_none()
                        && let Some(decided) = decide_link(state, &self.graph.claim_ids)
                    {
                        self.link_labels[l] = Some(decided);
                        self.queue.push_back(Node::Link(l));
                    }
                }
            }
            Node::Link(l) => {
                let Some((label, _)) = self.link_labels[l] else {
                    return;
                };
                match self.graph.decides[l] {
                    Some(Node::Claim(t)) => self.reach_claim(t, l, label),
                    Some(Node::Link(t)) => self.reach_link(t, l, label),
                    None => {}
                }
            }
        }
    }

    /// Link `l`, now labelled, supports or attacks claim `t`.
    fn reach_claim(&mut self, t: usize, l: usize, label: Label) {
        let state = &mut self.graph.claims[t];
        let support = state.supports.contains(&l);
        match (label, support) {
            (Label::In, true) => {
                state.support_in.get_or_insert(l);
            }
            (Label::Out, true) => state.supports_out += 1,
            (Label::In, false) => {
                state.attack_in.get_or_insert(l);
            }
            (Label::Out, false) => state.attacks_out += 1,
            (Label::Undecided, _) => return,
        }
        if self.claim_labels[t].is_none()
            && let Some(decided) = decide_claim(state)
        {
            self.claim_labels[t] = Some(decided);
            self.queue.push_back(Node::Claim(t));
        }
    }

    /// Link `l`, now labelled, undercuts link `t`.
    fn reach_link(&mut self, t: usize, l: usize, label: Label) {
        let state = &mut self.graph.links[t];
        match label {
            Label::In => {
                state.undercut_in.get_or_insert(l);
            }
            Label::Out => state.undercuts_out += 1,
            Label::Undecided => return,
        }
        if self.link_labels[t].is_none()
            && let Some(decided) = decide_link(state, &self.graph.claim_ids)
        {
            self.link_labels[t] = Some(decided);
            self.queue.push_back(Node::Link(t));
        }
    }

    /// The statuses, by id: what no rule decided is open.
    fn finish(self, mode: Mode) -> Evaluation {
        let link_ids = &self.graph.link_ids;
        let link_id = |l: usize| link_ids.get(l).copied().unwrap_or(LinkId(0));
        let to_status = |decided: Option<(Label, Why)>| {
            let (label, why) =
                decided.unwrap_or((Label::Undecided, Why::Open { cycle: Vec::new() }));
            Status {
                label,
                why: with_ids(why, &link_id),
            }
        };
        Evaluation {
            mode,
            attackers: std::collections::BTreeSet::new(),
            claims: self
                .graph
                .claim_ids
                .iter()
                .zip(self.claim_labels)
                .map(|(&id, decided)| (id, to_status(decided)))
                .collect(),
            links: link_ids
                .iter()
                .zip(self.link_labels)
                .map(|(&id, decided)| (id, to_status(decided)))
                .collect(),
        }
    }
}

/// The label the rules give a claim with these counts, if they give one
/// yet. Links are named by their dense index here; [`with_ids`] turns them
/// into ids.
fn decide_claim(state: &ClaimState) -> Option<(Label, Why)> {
    let all_attacks_out = state.attacks_out == state.attacks.len();
    if let Some(by) = state.attack_in {
        return Some((Label::Out, Why::Defeated { by: dense(by) }));
    }
    if !state.presumed && state.supports_out == state.supports.len() {
        return Some(if state.supports.is_empty() {
            (Label::Out, Why::NoReason)
        } else {
            (
                Label::Out,
                Why::NoReasonHolds {
                    supports: state.supports.iter().map(|&l| dense(l)).collect(),
                },
            )
        });
    }
    if !all_attacks_out {
        return None;
    }
    let answered: Vec<LinkId> = state.attacks.iter().map(|&l| dense(l)).collect();
    if let Some(by) = state.support_in {
        return Some((
            Label::In,
            Why::Supported {
                by: dense(by),
                answered,
            },
        ));
    }
    state.presumed.then_some((
        Label::In,
        Why::Presumed {
            evidence: state.evidence,
            answered,
        },
    ))
}

/// The label the rules give a link with these counts, if they give one yet.
fn decide_link(state: &LinkState, claim_ids: &[ClaimId]) -> Option<(Label, Why)> {
    if let Some(by) = state.undercut_in {
        return Some((Label::Out, Why::Undercut { by: dense(by) }));
    }
    if let Some(premise) = state.premise_out {
        return Some((
            Label::Out,
            Why::PremiseFails {
                premise: claim_ids[premise],
            },
        ));
    }
    if state.premises_in < state.premises.len() || state.undercuts_out < state.undercuts.len() {
        return None;
    }
    Some((
        Label::In,
        Why::Follows {
            answered: state.undercuts.iter().map(|&l| dense(l)).collect(),
        },
    ))
}

/// A dense link index carried in a `LinkId` until [`with_ids`] maps it.
fn dense(index: usize) -> LinkId {
    LinkId(u32::try_from(index).unwrap_or(u32::MAX))
}

/// `why` with its dense link indexes turned into the links' ids.
fn with_ids(why: Why, link_id: &impl Fn(usize) -> LinkId) -> Why {
    let id = |l: LinkId| link_id(l.0 as usize);
    let ids = |ls: Vec<LinkId>| ls.into_iter().map(id).collect();
    match why {
        Why::Presumed { evidence, answered } => Why::Presumed {
            evidence,
            answered: ids(answered),
        },
        Why::Supported { by, answered } => Why::Supported {
            by: id(by),
            answered: ids(answered),
        },
        Why::Defeated { by } => Why::Defeated { by: id(by) },
        Why::NoReasonHolds { supports } => Why::NoReasonHolds {
            supports: ids(supports),
        },
        Why::Follows { answered } => Why::Follows {
            answered: ids(answered),
        },
        Why::Undercut { by } => Why::Undercut { by: id(by) },
        other => other,
    }
}

#[cfg(test)]
mod tests;
