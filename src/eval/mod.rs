//! Which arguments stand, and why: every claim and link of a map labelled
//! IN (it holds), OUT (it fails) or UNDECIDED (open), with the reason for
//! each label, worked out from the structure and the user's assessments.
//! A pure function of the map, recomputed on every change; it never edits
//! the map.
//!
//! The labels are the least fixed point of these rules, starting from the
//! assessed claims (accepted: IN, rejected: OUT, whatever answers them):
//! - a link is IN when every premise is IN and every undercut is OUT, and
//!   OUT when some premise is OUT or some undercut is IN;
//! - a claim is weighed. With `s_in` the heaviest weight among its IN
//!   supports, `s_pos` among those not OUT, `a_in` among its IN attacks,
//!   `a_pos` among those not OUT (0 for none), and `p` its presumption (in
//!   proof mode 1 for evidence, else 0; in a debate the map's presumption,
//!   0.5 unless set, and 1 for evidence), it is IN when its standard is met
//!   by `max(s_in, p)` against `a_pos`, OUT when it is not met by
//!   `max(s_pos, p)` against `a_in`, and UNDECIDED otherwise;
//! - a standard is met by reasons `x` against objections `y` when `x > y`
//!   (preponderance), and also `x − y > 0.5` (clear and convincing), and
//!   also `y < 0.3` (beyond reasonable doubt): a tie is never met, so the
//!   burden lies on the claim;
//! - everything else is UNDECIDED (cycles that nothing outside decides).
//!
//! So a reason that fails never leaves its claim worse off than no reason
//! (the presumption still counts), adding a support never lowers a claim
//! and adding an attack never raises it (property tests in `tests`).
//! Notes take no part. Supports aimed at links have no effect.
//!
//! - `words`: the reasons in words, claims by title, one verdict sentence
//!   naming the standard;
//! - `why`: open cycles, and the tree of reasons down to facts;
//! - `checks`: what a coach would mark on a map.

pub mod ballot;
pub mod checks;
mod engine;
mod index;
mod why;
mod words;

use crate::model::{ClaimId, LinkId, Map, Mode, Standard, Weight};
use index::IndexTable;

pub use why::{TreeLine, explain_tree};
pub use words::{Part, title, to_quoted as why_quoted, to_text as why_text};

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
    /// In a round, the other side dropped it (never answered it by the
    /// speech named), so it stands conceded.
    Conceded {
        /// The speech it was dropped in.
        dropped_in: String,
    },
    /// The user rejected the claim.
    Rejected,
    /// A note: it takes no part in the evaluation.
    Note,
    /// A claim weighed: its reasons (or its presumption) against its
    /// objections, by its standard.
    /// Claims weighed alike share one (an `Arc`: a map's many leaves).
    Weighed(std::sync::Arc<Weighing>),
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

/// One side of a clash as it was weighed: a link with its weight, or the
/// claim's presumption.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// A support or attack, and its weight.
    Link(LinkId, Weight),
    /// What the claim is presumed with: as evidence, or (in a debate) the
    /// map's presumption weight.
    Presumption {
        /// Whether it is presumed as evidence.
        evidence: bool,
        /// How much the presumption weighs.
        weight: Weight,
    },
}

impl Side {
    /// How much this side weighs.
    pub fn weight(self) -> Weight {
        match self {
            Self::Link(_, weight) | Self::Presumption { weight, .. } => weight,
        }
    }
}

/// How a claim was weighed: the heaviest reason and objection that
/// decided it, by which standard, and every reason and objection by how it
/// fared (each list heaviest first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Weighing {
    /// The standard its reasons had to meet.
    pub standard: Standard,
    /// The heaviest reason weighed: for a claim that holds, the heaviest
    /// that holds; for one that fails, the heaviest not failed. The
    /// presumption when it weighs more; `None` when there is neither.
    pub reason: Option<Side>,
    /// The heaviest objection weighed: for a claim that holds, the
    /// heaviest not failed; for one that fails, the heaviest that holds.
    pub objection: Option<Side>,
    /// Its supports that hold.
    pub holding: Vec<LinkId>,
    /// Its supports that fail.
    pub failing: Vec<LinkId>,
    /// Its attacks that hold.
    pub standing: Vec<LinkId>,
    /// Its attacks that fail.
    pub answered: Vec<LinkId>,
}

impl Weighing {
    /// True when the claim fails on a tie: its heaviest reason weighs
    /// exactly what its heaviest objection does.
    pub fn tied(&self) -> bool {
        matches!((self.reason, self.objection), (Some(r), Some(o)) if r.weight() == o.weight())
    }
}

/// The label of a claim or link and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    /// Holds, fails or open.
    pub label: Label,
    /// Why.
    pub why: Why,
}

/// The statuses of a whole map: each claim's and link's, by id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evaluation {
    /// How unassessed claims were judged.
    pub mode: Mode,
    /// The claims' ids, in order, and where each is in `claim_status`.
    claim_ids: Vec<ClaimId>,
    claim_index: IndexTable,
    claim_status: Vec<Status>,
    /// The links' ids, in order, and where each is in `link_status`.
    link_ids: Vec<LinkId>,
    link_index: IndexTable,
    link_status: Vec<Status>,
    /// Claims that attack a claim, in order: an attack on one of them is a
    /// rebuttal (for naming links in reasons).
    pub(crate) attackers: Vec<ClaimId>,
    /// Each claim that is a premise of an undercut link, with the link,
    /// sorted: the claim may hold, but it does not support through it.
    cut_off: Vec<(ClaimId, LinkId)>,
}

impl Evaluation {
    /// A claim's status, if the map has the claim.
    pub fn claim_status(&self, id: ClaimId) -> Option<&Status> {
        self.claim_index
            .get(id.0)
            .and_then(|i| self.claim_status.get(i))
    }

    /// A link's status, if the map has the link.
    pub fn link_status(&self, id: LinkId) -> Option<&Status> {
        self.link_index
            .get(id.0)
            .and_then(|i| self.link_status.get(i))
    }

    /// A claim's label; `Undecided` for an unknown id.
    pub fn claim(&self, id: ClaimId) -> Label {
        self.claim_status(id).map_or(Label::Undecided, |s| s.label)
    }

    /// A link's label; `Undecided` for an unknown id.
    pub fn link(&self, id: LinkId) -> Label {
        self.link_status(id).map_or(Label::Undecided, |s| s.label)
    }

    /// Every claim's status, in id order.
    pub fn claims(&self) -> impl Iterator<Item = (ClaimId, &Status)> {
        self.claim_ids.iter().copied().zip(&self.claim_status)
    }

    /// Every link's status, in id order.
    pub fn links(&self) -> impl Iterator<Item = (LinkId, &Status)> {
        self.link_ids.iter().copied().zip(&self.link_status)
    }

    /// The links claim `id` is a premise of that fail because they are
    /// undercut: it may hold, but it does not support through them.
    pub fn cut_off(&self, id: ClaimId) -> impl Iterator<Item = LinkId> + '_ {
        let start = self.cut_off.partition_point(|&(c, _)| c < id);
        self.cut_off[start..]
            .iter()
            .take_while(move |&&(c, _)| c == id)
            .map(|&(_, l)| l)
    }

    /// How many claims were evaluated.
    pub fn claim_count(&self) -> usize {
        self.claim_ids.len()
    }

    /// The claims in both evaluations whose label differs.
    pub fn flipped(&self, other: &Self) -> Vec<ClaimId> {
        self.claims()
            .filter(|(id, status)| {
                other
                    .claim_status(*id)
                    .is_some_and(|o| o.label != status.label)
            })
            .map(|(id, _)| id)
            .collect()
    }

    /// The statuses of claims and links, to change their reasons.
    fn status_mut(&mut self, node: why::Open) -> Option<&mut Status> {
        match node {
            why::Open::Claim(c) => {
                let i = self.claim_index.get(c.0)?;
                self.claim_status.get_mut(i)
            }
            why::Open::Link(l) => {
                let i = self.link_index.get(l.0)?;
                self.link_status.get_mut(i)
            }
        }
    }
}

/// What a claim of `kind` is presumed with in `mode`: evidence in full,
/// any other claim in a debate with the map's presumption weight, nothing
/// in proof mode — as one more reason that holds.
pub fn presumption(map: &Map, kind: crate::model::ClaimKind, mode: Mode) -> Weight {
    match (kind, mode) {
        (crate::model::ClaimKind::Evidence, _) => Weight::FULL,
        (_, Mode::Debate) => map.evaluation.presumption,
        (_, Mode::Proof) => Weight::NOTHING,
    }
}

/// Evaluates `map` in its own mode.
pub fn evaluate(map: &Map) -> Evaluation {
    evaluate_as(map, map.evaluation.mode)
}

/// Evaluates `map` in `mode`: every claim and link labelled, with why.
/// Linear in the size of the map.
pub fn evaluate_as(map: &Map, mode: Mode) -> Evaluation {
    let outcome = engine::run(map, mode);
    let mut evaluation = Evaluation {
        mode,
        claim_ids: outcome.claim_ids,
        claim_index: outcome.claim_table,
        claim_status: outcome.claim_status,
        link_ids: outcome.link_ids,
        link_index: outcome.link_table,
        link_status: outcome.link_status,
        attackers: outcome.attackers,
        cut_off: outcome.cut_off,
    };
    why::find_cycles(map, &mut evaluation);
    evaluation
}

#[cfg(test)]
mod tests;
