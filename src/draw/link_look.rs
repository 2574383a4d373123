//! How a link looks, the same on the canvas and in every drawing: its
//! label's words ("because · strong"), its thickness (by its weight), and
//! — with the evaluation shown — whether it fails, and why: a link whose
//! inference is undercut says "✗ does not follow" on the arrow itself.
//!
//! A failing link is grey and dotted with a ✗ on its pill rather than
//! faded: a faint ghost of a line vanishes on a projector and on a
//! black-and-white photocopy, and the ✗ says it in a word where colour
//! cannot.

use egui::Color32;

use super::style;
use crate::eval::{Evaluation, Label, Why};
use crate::model::{LinkId, LinkKind, Map, Target, Weight};

/// An attack's dashes, drawn and left out, in map units: the cue besides
/// colour that it attacks.
pub const ATTACK_DASH: (f32, f32) = (9.0, 5.0);

/// A link's dashes when it fails: short and close, unlike an attack's.
pub const FAILED_DASH: (f32, f32) = (3.0, 4.0);

/// Whether a link stands, as drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// It holds, is open, or the evaluation is not shown.
    Drawn,
    /// It fails because one of its premises fails.
    Fails,
    /// It fails because an undercut of it holds: it does not follow.
    DoesNotFollow,
}

impl Standing {
    /// How link `id` stands by `evaluation` (`Drawn` when it is not shown).
    pub fn of(evaluation: Option<&Evaluation>, id: LinkId) -> Self {
        match evaluation.and_then(|e| e.link_status(id)) {
            Some(status) if status.label == Label::Out => match status.why {
                Why::Undercut { .. } => Self::DoesNotFollow,
                _ => Self::Fails,
            },
            _ => Self::Drawn,
        }
    }

    /// The colour of a link of `kind` that stands so: its kind's, or grey
    /// when it fails.
    pub fn color(self, kind: LinkKind, dark: bool) -> Color32 {
        if self == Self::Drawn {
            style::link_color(kind, dark)
        } else {
            style::failed_link_color(dark)
        }
    }

    /// The dashes of a link of `kind` that stands so, as (drawn, left
    /// out): an attack's long dashes, a failing link's short ones, none
    /// for a support that stands.
    pub fn dash(self, kind: LinkKind) -> Option<(f32, f32)> {
        match (self, kind) {
            (Self::Fails | Self::DoesNotFollow, _) => Some(FAILED_DASH),
            (Self::Drawn, LinkKind::Support) => None,
            (Self::Drawn, LinkKind::Attack) => Some(ATTACK_DASH),
        }
    }
}

/// How one link is drawn. Cheap to make: the label's words are spelled
/// out only when asked for ([`LinkLook::words`]), as the canvas draws
/// labels only close up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinkLook {
    /// Support or attack.
    pub kind: LinkKind,
    /// The arrow's width, in map units, by its weight.
    pub width: f32,
    /// Whether it stands, as far as the drawing says.
    pub standing: Standing,
    /// Whether it undercuts another link.
    undercut: bool,
    weight: Weight,
}

impl LinkLook {
    /// How link `id` of `map` is drawn, with `evaluation` when statuses are
    /// shown; `None` for a link the map does not have.
    pub fn of(map: &Map, id: LinkId, evaluation: Option<&Evaluation>) -> Option<Self> {
        let link = map.links.get(&id)?;
        let undercut = matches!(link.target, Target::Link(_));
        Some(Self {
            kind: link.kind,
            width: width(link.weight),
            standing: Standing::of(evaluation, id),
            undercut,
            weight: link.weight,
        })
    }

    /// The words on its label: "because · strong", "✗ because",
    /// "✗ does not follow".
    pub fn words(&self) -> String {
        let plain = || label_text(self.kind, self.undercut, self.weight);
        match self.standing {
            Standing::Drawn => plain(),
            Standing::Fails => format!("✗ {}", plain()),
            Standing::DoesNotFollow => "✗ does not follow".to_owned(),
        }
    }

    /// The words as set on `shape`: in two rows ("because" over
    /// "strong") when the shape's label is stacked.
    pub fn words_on(&self, shape: &super::shape::LinkShape) -> String {
        let words = self.words();
        if shape.stacked {
            words.replacen(" · ", "\n", 1)
        } else {
            words
        }
    }

    /// Whether the link fails, for whatever reason.
    pub fn fails(&self) -> bool {
        self.standing != Standing::Drawn
    }

    /// The colour of its line, head and label.
    pub fn color(&self, dark: bool) -> Color32 {
        self.standing.color(self.kind, dark)
    }

    /// Its dashes (see [`Standing::dash`]).
    pub fn dash(&self) -> Option<(f32, f32)> {
        self.standing.dash(self.kind)
    }
}

/// The width of an arrow of `weight`: 1 for weak up to 3 for decisive, so
/// a map's heavy reasons stand out at a glance.
pub fn width(weight: Weight) -> f32 {
    #[expect(
        clippy::cast_possible_truncation,
        reason = "A weight is at most 1: a small number."
    )]
    let value = weight.value() as f32;
    0.5 + 2.5 * value
}

/// The words on a link's label: its connective ("because", "but", or "but
/// not so" for an undercut), then its weight when it has one below full
/// ("because · strong").
pub fn label_text(kind: LinkKind, undercut: bool, weight: Weight) -> String {
    let connective = if undercut {
        "but not so"
    } else {
        kind.connective()
    };
    if weight == Weight::FULL {
        connective.to_owned()
    } else {
        format!("{connective} · {}", weight.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, ClaimKind, Link, Pos};

    #[test]
    fn the_label_says_the_weight_and_the_width_grows_with_it() {
        let strong = Weight::STEPS[3].0;
        assert_eq!(
            label_text(LinkKind::Support, false, strong),
            "because · strong"
        );
        assert_eq!(label_text(LinkKind::Attack, false, Weight::FULL), "but");
        let odd = Weight::new(0.45).unwrap_or(Weight::FULL);
        assert_eq!(label_text(LinkKind::Attack, true, odd), "but not so · 0.45");
        let widths: Vec<f32> = Weight::STEPS.iter().map(|&(w, _)| width(w)).collect();
        assert!(widths.windows(2).all(|w| w[1] - w[0] >= 0.5), "{widths:?}");
        assert!((width(Weight::FULL) - 3.0).abs() < 1e-6);
    }

    #[test]
    fn an_undercut_link_says_it_does_not_follow_and_a_failing_one_is_marked() {
        let mut map = Map::new("T");
        let thesis = map.add_claim(Claim::new("T", Pos::new(0.0, 0.0)));
        let reason = map.add_claim(Claim::new("R", Pos::new(0.0, 100.0)));
        let fact = map.add_claim(Claim {
            kind: ClaimKind::Evidence,
            ..Claim::new("U", Pos::new(0.0, 200.0))
        });
        let because = map.add_link(Link::new(
            LinkKind::Support,
            vec![reason],
            Target::Claim(thesis),
        ));
        let undercut = map.add_link(Link::new(
            LinkKind::Attack,
            vec![fact],
            Target::Link(because),
        ));
        let shown = crate::eval::evaluate(&map);
        let look = LinkLook::of(&map, because, Some(&shown));
        assert_eq!(
            look.as_ref().map(|l| (l.words(), l.standing)),
            Some(("✗ does not follow".to_owned(), Standing::DoesNotFollow))
        );
        assert_eq!(look.map(|l| l.dash()), Some(Some(FAILED_DASH)));
        // Unevaluated, it is a plain "because".
        let plain = LinkLook::of(&map, because, None);
        assert_eq!(plain.map(|l| l.words()), Some("because".to_owned()));
        // The undercut itself stands.
        let look = LinkLook::of(&map, undercut, Some(&shown));
        assert_eq!(look.map(|l| l.standing), Some(Standing::Drawn));
    }
}
