//! The engine of the evaluation: the map in dense indexes, with the
//! dependencies the rules follow, and a worklist that sets each label once.
//! While it runs, a label and its reason take eight bytes; the reasons in
//! full (with their lists of links) are written once, at the end.

use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;

use super::index::{IndexTable, Lists, ix};
use super::{Label, Side, Status, Weighing, Why};
use crate::model::{
    Assessment, ClaimId, ClaimKind, LinkId, LinkKind, Map, Mode, Standard, Target, Weight,
};

/// What the engine found: each claim's and link's status by index, with
/// the ids and tables to find them.
pub(super) struct Outcome {
    pub claim_ids: Vec<ClaimId>,
    pub claim_table: IndexTable,
    pub claim_status: Vec<Status>,
    pub link_ids: Vec<LinkId>,
    pub link_table: IndexTable,
    pub link_status: Vec<Status>,
    /// Claims that attack a claim, in order.
    pub attackers: Vec<ClaimId>,
    /// Each premise of an undercut link, with the link, sorted.
    pub cut_off: Vec<(ClaimId, LinkId)>,
}

/// Labels every claim and link of `map` in `mode`. Linear in the size of
/// the map: each label is set once, and setting it updates counts on what
/// depends on it.
pub(super) fn run(map: &Map, mode: Mode) -> Outcome {
    let graph = Graph::new(map, mode);
    let mut run = Run {
        claim_labels: vec![None; graph.claim_ids.len()],
        link_labels: vec![None; graph.link_ids.len()],
        queue: VecDeque::with_capacity(graph.claim_ids.len() + graph.link_ids.len()),
        graph,
    };
    run.seed();
    while let Some(node) = run.queue.pop_front() {
        run.propagate(node);
    }
    run.finish()
}

/// What the weighing of a claim nothing answers depends on: its standard
/// and its presumption.
type LeafKey = (Standard, Weight, bool);

/// A node of the evaluation: a claim or a link, by index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Node {
    Claim(usize),
    Link(usize),
}

/// A label decided, and by what: [`Why`] without its lists, which the
/// graph holds (the attacks on a claim, its supports, a link's undercuts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Decided {
    Accepted,
    /// The other side dropped it in a round, so it stands conceded.
    Conceded,
    Rejected,
    Note,
    /// Its reasons (or its presumption) outweigh its objections by its
    /// standard.
    Holds,
    /// They do not, even counting every reason not yet failed against
    /// only the objections that hold.
    Fails,
    /// Every premise holds and every undercut fails.
    Follows,
    /// This premise fails.
    PremiseFails(u32),
    /// This undercut holds.
    Undercut(u32),
    OnlyNotes,
}

impl Decided {
    fn label(self) -> Label {
        match self {
            Self::Accepted | Self::Conceded | Self::Holds | Self::Follows => Label::In,
            Self::Rejected | Self::Fails | Self::PremiseFails(_) | Self::Undercut(_) => Label::Out,
            Self::Note | Self::OnlyNotes => Label::Undecided,
        }
    }
}

/// What a claim's label is weighed from, as links settle: its presumption,
/// and the heaviest of its supports and of its attacks that hold.
#[derive(Clone, Copy, Debug)]
struct ClaimState {
    /// The weight it is presumed with: the map's presumption in a debate,
    /// the full weight for evidence, none otherwise.
    presumption: Weight,
    evidence: bool,
    standard: Standard,
    support_in: Weight,
    attack_in: Weight,
}

/// Counts a link's label is decided by.
#[derive(Clone, Copy, Debug, Default)]
struct LinkState {
    premises_in: u32,
    undercuts_out: u32,
    premise_out: Option<u32>,
    undercut_in: Option<u32>,
    /// Whether the link takes part (has a premise that is not a note).
    active: bool,
}

/// What a link's label decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Decides {
    /// Nothing: it takes no part, or it supports a link (no effect).
    Nothing,
    /// It supports this claim.
    Supports(usize),
    /// It attacks this claim.
    Attacks(usize),
    /// It undercuts this link.
    Undercuts(usize),
}

/// The map in dense indexes, with the dependencies the rules follow.
struct Graph {
    claim_ids: Vec<ClaimId>,
    link_ids: Vec<LinkId>,
    claim_table: IndexTable,
    link_table: IndexTable,
    /// Each claim's kind and assessment.
    kinds: Vec<ClaimKind>,
    assessments: Vec<Option<Assessment>>,
    claims: Vec<ClaimState>,
    links: Vec<LinkState>,
    /// Each claim's supports and attacks that take part.
    supports: Lists,
    attacks: Lists,
    /// Each link's premises that take part (not notes), and undercuts.
    premises: Lists,
    undercuts: Lists,
    /// For each claim, the links it is a premise of.
    premise_of: Lists,
    /// For each link, what its label decides, and its weight.
    decides: Vec<Decides>,
    weights: Vec<Weight>,
    /// Claims that attack a claim, in order.
    attackers: Vec<ClaimId>,
    /// Claims (by index) the other side dropped in a round, counted as
    /// conceded, each with the speech it was dropped in.
    conceded: BTreeMap<usize, String>,
}

/// Each claim's starting state: its presumption (evidence is presumed
/// in full, any claim in a debate by the map's presumption, nothing in
/// proof mode) and the standard it is judged by.
fn claim_states(
    map: &Map,
    mode: Mode,
    kinds: &[ClaimKind],
    standards: &[Option<Standard>],
) -> Vec<ClaimState> {
    kinds
        .iter()
        .zip(standards)
        .map(|(&kind, standard)| ClaimState {
            presumption: super::presumption(map, kind, mode),
            evidence: kind == ClaimKind::Evidence,
            standard: standard.unwrap_or(map.evaluation.standard),
            support_in: Weight::NOTHING,
            attack_in: Weight::NOTHING,
        })
        .collect()
}

impl Graph {
    fn new(map: &Map, mode: Mode) -> Self {
        // Ids in order, looked up in a table: a map's claims are large
        // values, and walking the map for each lookup would touch far more
        // memory than these small lists.
        let (claim_ids, kinds, assessments, standards) = walk_claims(map);
        let claim_table = IndexTable::of(claim_ids.iter().map(|c| c.0));
        let claim_index = |id: ClaimId| {
            claim_table
                .get(id.0)
                .filter(|&c| kinds[c] != ClaimKind::Note)
        };
        // One walk over the links (a tree map, slow to walk): links aimed
        // at links are resolved after it, when every link's index is known.
        let mut link_ids = Vec::with_capacity(map.links.len());
        let mut links = Vec::with_capacity(map.links.len());
        let mut decides = Vec::with_capacity(map.links.len());
        let mut weights = Vec::with_capacity(map.links.len());
        let mut undercut_targets = Vec::new();
        let mut attackers = Vec::with_capacity(map.links.len());
        let mut premise_pairs = Vec::with_capacity(map.links.len() + map.links.len() / 8);
        for (l, (&id, link)) in map.links.iter().enumerate() {
            link_ids.push(id);
            weights.push(link.weight);
            if link.kind == LinkKind::Attack && matches!(link.target, Target::Claim(_)) {
                attackers.extend_from_slice(&link.premises);
            }
            let before = premise_pairs.len();
            for &p in &link.premises {
                if let Some(p) = claim_index(p) {
                    premise_pairs.push((ix(l), ix(p)));
                }
            }
            let active = premise_pairs.len() > before;
            links.push(LinkState {
                active,
                ..LinkState::default()
            });
            decides.push(match (link.kind, link.target) {
                _ if !active => Decides::Nothing,
                (LinkKind::Support, Target::Claim(t)) => {
                    claim_index(t).map_or(Decides::Nothing, Decides::Supports)
                }
                (LinkKind::Attack, Target::Claim(t)) => {
                    claim_index(t).map_or(Decides::Nothing, Decides::Attacks)
                }
                (LinkKind::Attack, Target::Link(t)) => {
                    undercut_targets.push((l, t));
                    Decides::Nothing
                }
                // A support aimed at a link has no effect.
                (LinkKind::Support, Target::Link(_)) => Decides::Nothing,
            });
        }
        let link_table = IndexTable::of(link_ids.iter().map(|l| l.0));
        for (l, target) in undercut_targets {
            if let Some(t) = link_table.get(target.0) {
                decides[l] = Decides::Undercuts(t);
            }
        }
        attackers.sort_unstable();
        attackers.dedup();
        // Sized for the usual share of each, so the large lists are not
        // copied as they grow.
        let mut support_pairs = Vec::with_capacity(decides.len());
        let mut attack_pairs = Vec::with_capacity(decides.len() / 2);
        let mut undercut_pairs = Vec::new();
        for (l, decided) in decides.iter().enumerate() {
            match *decided {
                Decides::Supports(t) => support_pairs.push((ix(t), ix(l))),
                Decides::Attacks(t) => attack_pairs.push((ix(t), ix(l))),
                Decides::Undercuts(t) => undercut_pairs.push((ix(t), ix(l))),
                Decides::Nothing => {}
            }
        }
        let premise_of_pairs: Vec<(u32, u32)> =
            premise_pairs.iter().map(|&(l, p)| (p, l)).collect();
        let n = claim_ids.len();
        let supports = Lists::of(n, &support_pairs);
        let conceded = conceded(map, &claim_table);
        Self {
            claims: claim_states(map, mode, &kinds, &standards),
            links,
            supports,
            attacks: Lists::of(n, &attack_pairs),
            premises: Lists::of(link_ids.len(), &premise_pairs),
            undercuts: Lists::of(link_ids.len(), &undercut_pairs),
            premise_of: Lists::of(n, &premise_of_pairs),
            decides,
            weights,
            claim_ids,
            link_ids,
            claim_table,
            link_table,
            kinds,
            assessments,
            attackers,
            conceded,
        }
    }

    /// The label the rules give claim `c` now, if they give one yet:
    /// holds when its heaviest reason that holds (or its presumption)
    /// outweighs, by its standard, the heaviest objection that has not
    /// failed; fails when even its heaviest reason that has not failed (or
    /// its presumption) does not outweigh the heaviest objection that
    /// holds. Both only firm up as links settle, so a decision is final.
    fn decide_claim(&self, c: usize, link_labels: &[Option<Decided>]) -> Option<Decided> {
        let state = &self.claims[c];
        let standing = |list: &Lists| {
            list.get(c)
                .filter(|&l| link_labels[l].map(Decided::label) != Some(Label::Out))
                .map(|l| self.weights[l])
                .max()
                .unwrap_or(Weight::NOTHING)
        };
        let attacks_standing = standing(&self.attacks);
        if state
            .standard
            .met(state.support_in.max(state.presumption), attacks_standing)
        {
            return Some(Decided::Holds);
        }
        let supports_standing = standing(&self.supports);
        if !state
            .standard
            .met(supports_standing.max(state.presumption), state.attack_in)
        {
            return Some(Decided::Fails);
        }
        None
    }

    /// The label the rules give link `l` with its counts, if they give one
    /// yet.
    fn decide_link(&self, l: usize) -> Option<Decided> {
        let state = &self.links[l];
        if let Some(by) = state.undercut_in {
            return Some(Decided::Undercut(by));
        }
        if let Some(premise) = state.premise_out {
            return Some(Decided::PremiseFails(premise));
        }
        if (state.premises_in as usize) < self.premises.len(l)
            || (state.undercuts_out as usize) < self.undercuts.len(l)
        {
            return None;
        }
        Some(Decided::Follows)
    }

    /// How claim `c` was weighed, from the links' final labels. Only the
    /// lists that have links are allocated, each once: most claims have
    /// few answers, and many none.
    fn weighing(&self, c: usize, link_labels: &[Option<Decided>], holds: bool) -> Weighing {
        let state = &self.claims[c];
        let label = |l: usize| link_labels[l].map_or(Label::Undecided, Decided::label);
        // Heaviest first, then in link order; the heaviest that holds, and
        // the heaviest of those that have not failed.
        let split = |list: &Lists| {
            let mut held: Vec<(std::cmp::Reverse<Weight>, LinkId)> =
                Vec::with_capacity(list.len(c));
            let mut failed: Vec<(std::cmp::Reverse<Weight>, LinkId)> = Vec::new();
            let mut not_failed: Option<Side> = None;
            for l in list.get(c) {
                let (id, weight) = (self.link_ids[l], self.weights[l]);
                match label(l) {
                    Label::In => held.push((std::cmp::Reverse(weight), id)),
                    Label::Out => {
                        failed.push((std::cmp::Reverse(weight), id));
                        continue;
                    }
                    Label::Undecided => {}
                }
                // The first of the heaviest, as the sorted lists order them.
                if not_failed.is_none_or(|side| weight > side.weight()) {
                    not_failed = Some(Side::Link(id, weight));
                }
            }
            held.sort_unstable();
            failed.sort_unstable();
            let heaviest_held = held.first().map(|&(w, id)| Side::Link(id, w.0));
            let ids = |list: Vec<(std::cmp::Reverse<Weight>, LinkId)>| -> Vec<LinkId> {
                list.into_iter().map(|(_, id)| id).collect()
            };
            (ids(held), ids(failed), heaviest_held, not_failed)
        };
        let (holding, failing, reason_held, reason_not_failed) = split(&self.supports);
        let (standing, answered, objection_held, objection_not_failed) = split(&self.attacks);
        let presumption = (state.presumption > Weight::NOTHING).then_some(Side::Presumption {
            evidence: state.evidence,
            weight: state.presumption,
        });
        // What was weighed: for a claim that holds, its heaviest reason that
        // holds against the heaviest objection not failed; for one that
        // fails, its heaviest reason not failed against the heaviest
        // objection that holds.
        let (reason, objection) = if holds {
            (reason_held, objection_not_failed)
        } else {
            (reason_not_failed, objection_held)
        };
        let reason = match (reason, presumption) {
            (Some(r), Some(p)) if r.weight() < p.weight() => Some(p),
            (Some(r), _) => Some(r),
            (None, p) => p,
        };
        Weighing {
            standard: state.standard,
            reason,
            objection,
            holding,
            failing,
            standing,
            answered,
        }
    }

    /// How claim `c`, which nothing answers, was weighed: its presumption
    /// alone (what [`Self::weighing`] gives it, without the lists).
    fn leaf_weighing(&self, c: usize) -> Weighing {
        let state = &self.claims[c];
        Weighing {
            standard: state.standard,
            reason: (state.presumption > Weight::NOTHING).then_some(Side::Presumption {
                evidence: state.evidence,
                weight: state.presumption,
            }),
            objection: None,
            holding: Vec::new(),
            failing: Vec::new(),
            standing: Vec::new(),
            answered: Vec::new(),
        }
    }

    /// `decided` for `node` in full, with the lists its reason names.
    /// Claims nothing answers share their weighing with every other claim
    /// weighed the same way (`shared`): most claims of a large map are
    /// such leaves, and one allocation each would be most of the cost.
    fn status(
        &self,
        node: Node,
        decided: Option<Decided>,
        link_labels: &[Option<Decided>],
        shared: &mut Vec<(LeafKey, Arc<Weighing>)>,
    ) -> Status {
        let link = |l: u32| self.link_ids[l as usize];
        let links = |list: &Lists, at: usize| -> Vec<LinkId> {
            list.get(at).map(|l| self.link_ids[l]).collect()
        };
        let Some(decided) = decided else {
            return Status {
                label: Label::Undecided,
                why: Why::Open { cycle: Vec::new() },
            };
        };
        let why = match (decided, node) {
            (Decided::Accepted, _) | (Decided::Conceded, Node::Link(_)) => Why::Accepted,
            (Decided::Conceded, Node::Claim(c)) => Why::Conceded {
                dropped_in: self.conceded.get(&c).cloned().unwrap_or_default(),
            },
            (Decided::Rejected, _) => Why::Rejected,
            (Decided::Note, _) => Why::Note,
            (Decided::Holds | Decided::Fails, Node::Claim(c)) => {
                let leaf = self.supports.len(c) == 0 && self.attacks.len(c) == 0;
                let weighing = if leaf {
                    let weighing = self.leaf_weighing(c);
                    debug_assert_eq!(
                        weighing,
                        self.weighing(c, link_labels, decided == Decided::Holds)
                    );
                    weighing
                } else {
                    self.weighing(c, link_labels, decided == Decided::Holds)
                };
                Why::Weighed(if leaf {
                    let state = &self.claims[c];
                    let key = (state.standard, state.presumption, state.evidence);
                    if let Some((_, same)) = shared.iter().find(|(k, _)| *k == key) {
                        Arc::clone(same)
                    } else {
                        let new = Arc::new(weighing);
                        shared.push((key, Arc::clone(&new)));
                        new
                    }
                } else {
                    Arc::new(weighing)
                })
            }
            (Decided::Follows, Node::Link(l)) => Why::Follows {
                answered: links(&self.undercuts, l),
            },
            (Decided::PremiseFails(premise), _) => Why::PremiseFails {
                premise: self.claim_ids[premise as usize],
            },
            (Decided::Undercut(by), _) => Why::Undercut { by: link(by) },
            (Decided::OnlyNotes, _) => Why::OnlyNotes,
            // A claim's reason decided for a link, or a link's for a claim:
            // the engine never does this.
            (Decided::Holds | Decided::Fails, Node::Link(_))
            | (Decided::Follows, Node::Claim(_)) => Why::Open { cycle: Vec::new() },
        };
        Status {
            label: decided.label(),
            why,
        }
    }
}

/// In a round that counts drops as conceded, each dropped argument (by
/// its index in `claim_table`), with the speech it was dropped in: unless
/// someone assessed it, it stands as the other side left it.
fn conceded(map: &Map, claim_table: &IndexTable) -> BTreeMap<usize, String> {
    let Some(round) = map.round.as_ref().filter(|round| round.concede_drops) else {
        return BTreeMap::new();
    };
    let flow = crate::model::flow::Flow::of_round(map, round);
    flow.dropped
        .iter()
        .filter_map(|(&id, &speech)| {
            let c = claim_table.get(id.0)?;
            Some((c, flow.speeches.get(speech)?.name.clone()))
        })
        .collect()
}

/// Each claim's id, kind, assessment and standard, in id order.
type Walked = (
    Vec<ClaimId>,
    Vec<ClaimKind>,
    Vec<Option<Assessment>>,
    Vec<Option<Standard>>,
);

fn walk_claims(map: &Map) -> Walked {
    let mut ids = Vec::with_capacity(map.claims.len());
    let mut kinds = Vec::with_capacity(map.claims.len());
    let mut assessments = Vec::with_capacity(map.claims.len());
    let mut standards = Vec::with_capacity(map.claims.len());
    for (&id, claim) in &map.claims {
        ids.push(id);
        kinds.push(claim.kind);
        assessments.push(claim.assessment);
        standards.push(claim.standard);
    }
    (ids, kinds, assessments, standards)
}

/// The evaluation under way: labels set so far, and the nodes whose new
/// label has yet to reach what depends on them.
struct Run {
    graph: Graph,
    claim_labels: Vec<Option<Decided>>,
    link_labels: Vec<Option<Decided>>,
    queue: VecDeque<Node>,
}

impl Run {
    /// The facts (assessments, notes, links with only notes) and whatever
    /// the rules decide before any other label is known.
    fn seed(&mut self) {
        let facts = self.graph.kinds.iter().zip(&self.graph.assessments);
        for ((c, (&kind, &assessment)), slot) in facts.enumerate().zip(&mut self.claim_labels) {
            let fixed = match (kind, assessment) {
                (ClaimKind::Note, _) => Some(Decided::Note),
                (_, Some(Assessment::Accepted)) => Some(Decided::Accepted),
                (_, Some(Assessment::Rejected)) => Some(Decided::Rejected),
                (_, None) if self.graph.conceded.contains_key(&c) => Some(Decided::Conceded),
                (_, None) => None,
            };
            if let Some(fixed) = fixed {
                *slot = Some(fixed);
                if fixed.label() != Label::Undecided {
                    self.queue.push_back(Node::Claim(c));
                }
            }
        }
        for c in 0..self.claim_labels.len() {
            if self.claim_labels[c].is_none()
                && let Some(decided) = self.graph.decide_claim(c, &self.link_labels)
            {
                self.claim_labels[c] = Some(decided);
                self.queue.push_back(Node::Claim(c));
            }
        }
        for (l, slot) in self.link_labels.iter_mut().enumerate() {
            if !self.graph.links[l].active {
                *slot = Some(Decided::OnlyNotes);
            } else if let Some(decided) = self.graph.decide_link(l) {
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
                let label = self.claim_labels[c].map_or(Label::Undecided, Decided::label);
                if label == Label::Undecided {
                    return;
                }
                let graph = &mut self.graph;
                for l in graph.premise_of.get(c) {
                    let state = &mut graph.links[l];
                    if label == Label::In {
                        state.premises_in += 1;
                    } else {
                        state.premise_out.get_or_insert(ix(c));
                    }
                    if self.link_labels[l].is_none()
                        && let Some(decided) = graph.decide_link(l)
                    {
                        self.link_labels[l] = Some(decided);
                        self.queue.push_back(Node::Link(l));
                    }
                }
            }
            Node::Link(l) => {
                let label = self.link_labels[l].map_or(Label::Undecided, Decided::label);
                if label == Label::Undecided {
                    return;
                }
                let held = label == Label::In;
                let graph = &mut self.graph;
                match graph.decides[l] {
                    Decides::Supports(t) | Decides::Attacks(t) => {
                        let weight = graph.weights[l];
                        let state = &mut graph.claims[t];
                        match (graph.decides[l], held) {
                            (Decides::Supports(_), true) => {
                                state.support_in = state.support_in.max(weight);
                            }
                            (_, true) => state.attack_in = state.attack_in.max(weight),
                            // A link that fails weighs nothing on either
                            // side: the claim is weighed again below.
                            (_, false) => {}
                        }
                        if self.claim_labels[t].is_none()
                            && let Some(decided) = graph.decide_claim(t, &self.link_labels)
                        {
                            self.claim_labels[t] = Some(decided);
                            self.queue.push_back(Node::Claim(t));
                        }
                    }
                    Decides::Undercuts(t) => {
                        let state = &mut graph.links[t];
                        if held {
                            state.undercut_in.get_or_insert(ix(l));
                        } else {
                            state.undercuts_out += 1;
                        }
                        if self.link_labels[t].is_none()
                            && let Some(decided) = graph.decide_link(t)
                        {
                            self.link_labels[t] = Some(decided);
                            self.queue.push_back(Node::Link(t));
                        }
                    }
                    Decides::Nothing => {}
                }
            }
        }
    }

    /// The statuses: what no rule decided is open.
    fn finish(self) -> Outcome {
        let graph = self.graph;
        let mut shared = Vec::new();
        let claim_status = (self.claim_labels.iter().enumerate())
            .map(|(c, &decided)| {
                graph.status(Node::Claim(c), decided, &self.link_labels, &mut shared)
            })
            .collect();
        let link_status = (self.link_labels.iter().enumerate())
            .map(|(l, &decided)| {
                graph.status(Node::Link(l), decided, &self.link_labels, &mut shared)
            })
            .collect();
        let mut cut_off = Vec::new();
        for (l, decided) in self.link_labels.iter().enumerate() {
            if let Some(Decided::Undercut(_)) = decided {
                cut_off.extend(
                    (graph.premises.get(l)).map(|p| (graph.claim_ids[p], graph.link_ids[l])),
                );
            }
        }
        cut_off.sort_unstable();
        Outcome {
            claim_status,
            link_status,
            claim_ids: graph.claim_ids,
            claim_table: graph.claim_table,
            link_ids: graph.link_ids,
            link_table: graph.link_table,
            attackers: graph.attackers,
            cut_off,
        }
    }
}
