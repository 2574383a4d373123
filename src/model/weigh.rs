//! What weighing a clash needs from the map: how much a link weighs (its
//! weight, in (0, 1]) and by how much a claim's reasons must outweigh its
//! objections (its proof standard). The weighing itself is in
//! `crate::eval`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How much a link counts when reasons are weighed against objections: a
/// number above 0 and at most 1, kept in thousandths so maps compare,
/// hash and diff exactly. Files write it as a number (`weight: 0.4`), and
/// only when it is not 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Weight(u16);

impl Weight {
    /// The most a link weighs (and what it weighs unless weighed): 1.
    pub const FULL: Self = Self(1000);

    /// Half the scale: the presumption of a claim in a debate, unless the
    /// map sets another.
    pub const HALF: Self = Self(500);

    /// No weight at all: what a side of a clash with nothing on it weighs
    /// (never a link's weight).
    pub const NOTHING: Self = Self(0);

    /// The named steps, from weak to decisive, each with its name.
    pub const STEPS: [(Self, &'static str); 5] = [
        (Self(200), "weak"),
        (Self(400), "modest"),
        (Self(600), "moderate"),
        (Self(800), "strong"),
        (Self(1000), "decisive"),
    ];

    /// The weight `value` (0.4), to the thousandth; `None` unless it is
    /// above 0 and at most 1.
    pub fn new(value: f64) -> Option<Self> {
        if !(value.is_finite() && value > 0.0 && value <= 1.0) {
            return None;
        }
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "between 0 and 1000 after the check"
        )]
        let thousandths = (value * 1000.0).round() as u16;
        Some(Self(thousandths.max(1)))
    }

    /// The weight as a number in (0, 1].
    pub fn value(self) -> f64 {
        f64::from(self.0) / 1000.0
    }

    /// In thousandths, for exact comparisons.
    pub fn thousandths(self) -> u16 {
        self.0
    }

    /// True for the full weight, 1, which files leave out.
    pub fn is_full(&self) -> bool {
        *self == Self::FULL
    }

    /// The name of the step this weight is ("strong"), or of the nearest
    /// step, with the number when it is not one of them ("0.7").
    pub fn name(self) -> String {
        match Self::STEPS.iter().find(|(w, _)| *w == self) {
            Some((_, name)) => (*name).to_owned(),
            None => format!("{}", self.value()),
        }
    }

    /// The named step `n` (1 weak … 5 decisive).
    pub fn step(n: usize) -> Option<Self> {
        Self::STEPS.get(n.checked_sub(1)?).map(|(w, _)| *w)
    }
}

impl Default for Weight {
    fn default() -> Self {
        Self::FULL
    }
}

impl Serialize for Weight {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.value())
    }
}

impl<'de> Deserialize<'de> for Weight {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(deserializer)?;
        Self::new(value).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "a weight is a number above 0 and at most 1, not {value}"
            ))
        })
    }
}

/// How clearly a claim's reasons must outweigh its objections for it to
/// hold: the standards of proof a court or a judge names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Standard {
    /// More than the objections, by any margin (the default).
    #[default]
    Preponderance,
    /// More than the objections by over half the scale.
    ClearAndConvincing,
    /// More by over half the scale, and the objections weak (below 0.3).
    BeyondReasonableDoubt,
}

impl Standard {
    /// Every standard, from the lightest.
    pub const ALL: [Self; 3] = [
        Self::Preponderance,
        Self::ClearAndConvincing,
        Self::BeyondReasonableDoubt,
    ];

    /// True for the default, which files leave out.
    pub fn is_preponderance(&self) -> bool {
        *self == Self::Preponderance
    }

    /// The standard in words: "preponderance", "clear and convincing",
    /// "beyond reasonable doubt".
    pub fn label(self) -> &'static str {
        match self {
            Self::Preponderance => "preponderance",
            Self::ClearAndConvincing => "clear and convincing",
            Self::BeyondReasonableDoubt => "beyond reasonable doubt",
        }
    }

    /// The standard as Argdown's data and the command line write it:
    /// `clear-and-convincing`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Preponderance => "preponderance",
            Self::ClearAndConvincing => "clear-and-convincing",
            Self::BeyondReasonableDoubt => "beyond-reasonable-doubt",
        }
    }

    /// The standard called `name` (as [`Self::name`] writes it, or with
    /// spaces or underscores).
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.trim().to_lowercase().replace([' ', '_'], "-");
        Self::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Whether reasons of weight `reasons` outweigh objections of weight
    /// `objections` by this standard. A tie is never met: the burden lies
    /// on the claim.
    pub fn met(self, reasons: Weight, objections: Weight) -> bool {
        let (x, y) = (i32::from(reasons.0), i32::from(objections.0));
        match self {
            Self::Preponderance => x > y,
            Self::ClearAndConvincing => x > y && x - y > 500,
            Self::BeyondReasonableDoubt => x > y && x - y > 500 && y < 300,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_are_numbers_above_zero_up_to_one_kept_to_the_thousandth() {
        assert_eq!(Weight::new(0.4).map(Weight::value), Some(0.4));
        assert_eq!(Weight::new(1.0), Some(Weight::FULL));
        assert_eq!(Weight::new(0.0004).map(Weight::thousandths), Some(1));
        for bad in [0.0, -0.1, 1.01, f64::NAN, f64::INFINITY] {
            assert_eq!(Weight::new(bad), None, "{bad}");
        }
        assert_eq!(Weight::step(4).map(Weight::name), Some("strong".to_owned()));
        assert_eq!(Weight::new(0.7).map(Weight::name), Some("0.7".to_owned()));
        assert_eq!(Weight::step(0), None);
        assert_eq!(Weight::step(6), None);
    }

    #[test]
    fn standards_weigh_as_the_issue_defines_them() {
        let w = |x: f64| Weight::new(x).unwrap_or(Weight::FULL);
        let none = Weight::NOTHING;
        // Preponderance: any margin; a tie fails.
        assert!(Standard::Preponderance.met(w(0.6), w(0.4)));
        assert!(!Standard::Preponderance.met(w(0.6), w(0.6)));
        assert!(Standard::Preponderance.met(w(0.2), none));
        // Clear and convincing: by over half the scale.
        assert!(!Standard::ClearAndConvincing.met(w(0.8), w(0.4)));
        assert!(Standard::ClearAndConvincing.met(w(0.8), w(0.2)));
        assert!(!Standard::ClearAndConvincing.met(w(0.5), none));
        // Beyond reasonable doubt: and the objections below 0.3.
        assert!(Standard::BeyondReasonableDoubt.met(w(1.0), w(0.2)));
        assert!(!Standard::BeyondReasonableDoubt.met(w(1.0), w(0.4)));
        for standard in Standard::ALL {
            assert_eq!(Standard::from_name(standard.name()), Some(standard));
            assert_eq!(Standard::from_name(standard.label()), Some(standard));
        }
    }
}
