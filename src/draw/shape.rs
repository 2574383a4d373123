//! The shape of a drawn link and the segment arithmetic the drawing and
//! the routing share.

use egui::{Pos2, Rect};

use crate::model::LinkKind;

/// How a link is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkShape {
    /// Support or attack.
    pub kind: LinkKind,
    /// For linked premises: a line from each premise to the bar.
    pub legs: Vec<(Pos2, Pos2)>,
    /// For linked premises: the bar that joins them.
    pub bar: Option<(Pos2, Pos2)>,
    /// Where the arrow starts: the premise's border, or the bar's middle.
    pub from: Pos2,
    /// Where the arrow turns on its way, when it goes around cards it does
    /// not connect (see `draw::route`); empty for a straight arrow.
    pub bends: Vec<Pos2>,
    /// Where the arrow's head is: the target's border, or the anchor of
    /// the link it undercuts.
    pub to: Pos2,
    /// The middle of the arrow: undercutters aim here.
    pub anchor: Pos2,
    /// Where the "because" / "but" label sits on the arrow: a third of the
    /// way from its start, or further along where that would cover a card
    /// or another label.
    pub label: Pos2,
    /// Whether the label is set in two rows ("because" over "strong"):
    /// where one row does not fit between the cards, as in the short
    /// gaps of a map that grows to the right.
    pub stacked: bool,
}

impl LinkShape {
    /// The arrow's segments, from its start through its bends to its head.
    pub fn segments(&self) -> impl Iterator<Item = (Pos2, Pos2)> + '_ {
        let points = std::iter::once(self.from)
            .chain(self.bends.iter().copied())
            .chain(std::iter::once(self.to));
        points.clone().zip(points.skip(1))
    }

    /// Where the arrow's last segment starts: the head points away from it.
    pub fn head_from(&self) -> Pos2 {
        self.bends.last().copied().unwrap_or(self.from)
    }

    /// The box around the arrow, its legs and its bar.
    pub fn bounds(&self) -> Rect {
        let mut bounds = Rect::from_two_pos(self.from, self.to);
        for &p in &self.bends {
            bounds.extend_with(p);
        }
        for &(a, b) in self.legs.iter().chain(&self.bar) {
            bounds.extend_with(a);
            bounds.extend_with(b);
        }
        bounds
    }
}

/// The part of the segment from `a` to `b` inside `rect` (Liang–Barsky), or
/// `None` when it misses: a link a million units long is drawn only where
/// it can be seen.
pub fn clip_segment(a: Pos2, b: Pos2, rect: Rect) -> Option<(Pos2, Pos2)> {
    let d = b - a;
    let (mut t0, mut t1) = (0.0_f32, 1.0_f32);
    for (p, q) in [
        (-d.x, a.x - rect.min.x),
        (d.x, rect.max.x - a.x),
        (-d.y, a.y - rect.min.y),
        (d.y, rect.max.y - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    (t0 <= t1).then(|| (a + d * t0, a + d * t1))
}

/// Distance from `p` to the segment from `a` to `b`.
pub fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let length_sq = ab.length_sq();
    if length_sq == 0.0 {
        return p.distance(a);
    }
    let t = ((p - a).dot(ab) / length_sq).clamp(0.0, 1.0);
    p.distance(a + ab * t)
}
