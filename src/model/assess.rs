//! What the user judged and how the map is judged: a claim accepted or
//! rejected, the map's evaluation mode, and which map checks are off. The
//! statuses that follow from them are worked out in `crate::eval`, never
//! stored.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{Standard, Weight};

/// How the user judged a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Assessment {
    /// Taken as true: it holds whatever answers it.
    Accepted,
    /// Taken as false: it fails whatever supports it.
    Rejected,
}

impl Assessment {
    /// The word for people: "accepted", "rejected".
    pub fn label(self) -> &'static str {
        match self {
            Self::Accepted => "accepted",
            Self::Rejected => "rejected",
        }
    }
}

/// How claims that nobody assessed are judged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mode {
    /// A claim stands until it is answered: one with no reasons counts as
    /// presumed, as a judge scores an unanswered point as conceded.
    #[default]
    Debate,
    /// A claim must be established: one with no reasons is not.
    Proof,
}

impl Mode {
    /// Both modes, in menu order.
    pub const ALL: [Self; 2] = [Self::Debate, Self::Proof];

    /// True for the default mode, which files leave out.
    pub fn is_debate(&self) -> bool {
        *self == Self::Debate
    }

    /// The mode's name, as files and the command line write it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Debate => "debate",
            Self::Proof => "proof",
        }
    }
}

/// A map's evaluation settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EvaluationSettings {
    /// How unassessed claims are judged.
    #[serde(skip_serializing_if = "Mode::is_debate")]
    pub mode: Mode,
    /// Map checks switched off for this map, by rule name.
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub checks_off: BTreeSet<String>,
    /// In a debate, the weight every unassessed claim is presumed with
    /// (evidence is presumed with the full weight): an unanswered point
    /// stands until something outweighs it.
    #[serde(skip_serializing_if = "is_default_presumption")]
    pub presumption: Weight,
    /// The standard of proof of claims that name none.
    #[serde(skip_serializing_if = "Standard::is_preponderance")]
    pub standard: Standard,
}

/// The presumption weight unless a map sets another: 0.5.
pub const DEFAULT_PRESUMPTION: Weight = Weight::HALF;

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_default_presumption(weight: &Weight) -> bool {
    *weight == DEFAULT_PRESUMPTION
}

impl Default for EvaluationSettings {
    fn default() -> Self {
        Self {
            mode: Mode::default(),
            checks_off: BTreeSet::new(),
            presumption: DEFAULT_PRESUMPTION,
            standard: Standard::default(),
        }
    }
}

impl EvaluationSettings {
    /// True when nothing was changed from the defaults.
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}
