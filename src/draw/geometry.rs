//! Where cards and links go on the canvas, in map units, and what the
//! pointer is over. Pure functions of rectangles, tested without a screen.

use std::collections::BTreeMap;

use egui::{Pos2, Rect, Vec2, pos2, vec2};

use crate::model::{ClaimId, LinkId, Map, Target};

pub use super::shape::{LinkShape, clip_segment, distance_to_segment};
pub use crate::card::{CARD_WIDTH, HEADER_HEIGHT, PADDING, TEXT_SIZE};
/// How far the bar joining linked premises sits from them.
const BAR_GAP: f32 = 22.0;
/// Size of the role label and citation badge at the top of a card.
pub const LABEL_SIZE: f32 = 10.5;
/// Size of the "because" / "but" label on a link.
pub const LINK_LABEL_SIZE: f32 = 11.0;
/// Radius of the connector handle on a card's edge.
pub const HANDLE_RADIUS: f32 = 7.0;

/// How much one zoom step (a key, a button) zooms in; zooming out divides
/// by it.
pub const ZOOM_STEP: f32 = 1.25;

/// The rectangle of a card centred on `center` whose wrapped text is
/// `text_height` tall.
pub fn card_rect(center: Pos2, text_height: f32) -> Rect {
    Rect::from_center_size(center, crate::card::card_size(text_height))
}

/// Size of the evaluation status ("✓ holds") on a card.
pub const STATUS_SIZE: f32 = 10.5;

/// The pill that shows a card's evaluation status, `text_size` big: on
/// the card's bottom edge at the right, half outside, so it reads as a
/// mark on the card without covering its text.
pub fn status_pill(card: Rect, text_size: Vec2) -> Rect {
    let size = text_size + vec2(10.0, 3.0);
    Rect::from_min_size(
        pos2(card.right() - 10.0 - size.x, card.bottom() - size.y / 2.0),
        size,
    )
}

/// Where the connector handle of a card sits: the middle of its top edge,
/// the side arrows to what a claim answers leave from.
pub fn handle_center(card: Rect) -> Pos2 {
    card.center_top()
}

/// The point where a ray from the centre of `rect` towards `toward` leaves
/// the rectangle (or `toward` itself, when that is inside).
pub fn border_toward(rect: Rect, toward: Pos2) -> Pos2 {
    let center = rect.center();
    let d = toward - center;
    let half = rect.size() / 2.0;
    let tx = if d.x == 0.0 {
        f32::INFINITY
    } else {
        half.x / d.x.abs()
    };
    let ty = if d.y == 0.0 {
        f32::INFINITY
    } else {
        half.y / d.y.abs()
    };
    let t = tx.min(ty);
    if t >= 1.0 || !t.is_finite() {
        toward
    } else {
        center + d * t
    }
}

/// The shape of every link whose claims have cards in `cards`, by id.
pub fn link_shapes(map: &Map, cards: &BTreeMap<ClaimId, Rect>) -> BTreeMap<LinkId, LinkShape> {
    let mut shapes = BTreeMap::new();
    for &id in map.links.keys() {
        shape_of(map, cards, id, &mut shapes, 0);
    }
    // Links between claims are routed around cards first; then each
    // undercutter is aimed again at the path of the link it attacks as
    // routed (its anchor lies on that path), and routed itself — level by
    // level, for undercutters of undercutters.
    let levels = undercut_levels(map);
    super::route::route_links(map, cards, &mut shapes, &|id| !levels.contains_key(&id));
    let deepest = levels.values().copied().max().unwrap_or(0);
    for level in 1..=deepest {
        let at_level = |id: LinkId| levels.get(&id) == Some(&level);
        for (&id, _) in levels.iter().filter(|&(_, &l)| l == level) {
            shapes.remove(&id);
            shape_of(map, cards, id, &mut shapes, 0);
        }
        super::route::route_links(map, cards, &mut shapes, &at_level);
    }
    place_labels(map, cards, &mut shapes);
    shapes
}

/// How many links down each undercutter's target is: 1 for an undercut
/// of a link between claims, 2 for an undercut of that, and so on (a
/// cycle of undercuts, which a sound map never has, is left out).
fn undercut_levels(map: &Map) -> BTreeMap<LinkId, usize> {
    let mut levels = BTreeMap::new();
    for (&id, link) in &map.links {
        let mut target = link.target;
        let mut level = 0;
        while let Target::Link(next) = target {
            level += 1;
            match map.links.get(&next) {
                Some(next) if level <= 64 => target = next.target,
                _ => break,
            }
        }
        if level > 0 && level <= 64 {
            levels.insert(id, level);
        }
    }
    levels
}

/// The word that joins linked premises, written on their bar.
pub const AND: &str = "and";

/// Where "and" is written on a linked premises' bar: between each two
/// neighbouring legs, so "A and B" reads off the drawing. Under a level
/// bar (a map that grows down) it sits on the premises' side, where the
/// arrow does not go; on an upright bar (a map that grows right) there is
/// no room beside it, so it sits on the bar, below the arrow's start and
/// its label.
pub fn and_marks(shape: &LinkShape) -> Vec<Pos2> {
    let Some((a, b)) = shape.bar else {
        return Vec::new();
    };
    let along = (b - a).normalized();
    if !along.is_finite() {
        return Vec::new();
    }
    let normal = along.rot90();
    let mid = a.lerp(b, 0.5);
    let next = shape.bends.first().copied().unwrap_or(shape.to);
    let side = if (next - mid).dot(normal) > 0.0 {
        -normal
    } else {
        normal
    };
    let mut ends: Vec<f32> = shape
        .legs
        .iter()
        .map(|&(_, end)| (end - a).dot(along))
        .collect();
    ends.sort_by(f32::total_cmp);
    let upright = along.y.abs() > along.x.abs();
    let off = if upright {
        along * (LINK_LABEL_SIZE * 2.0)
    } else {
        side * (BAR_GAP / 2.0)
    };
    ends.windows(2)
        .map(|pair| a + along * f32::midpoint(pair[0], pair[1]) + off)
        .collect()
}

/// How far along its arrow a label sits when nothing is in the way.
const LABEL_AT: f32 = 0.35;

/// The size of a link's label pill: its words at the label size, with a
/// margin (close to what the canvas and exports lay out).
pub fn label_size(words: &str) -> Vec2 {
    #[expect(clippy::cast_precision_loss, reason = "A few words.")]
    let width = words.chars().count() as f32 * LINK_LABEL_SIZE * 0.56;
    vec2(width + 10.0, LINK_LABEL_SIZE * 1.3 + 3.0)
}

/// The size of a label set in two rows: its words split at " · ".
pub fn stacked_label_size(words: &str) -> Vec2 {
    let widest = words
        .split(" · ")
        .map(|part| label_size(part).x)
        .fold(0.0, f32::max);
    vec2(widest, LINK_LABEL_SIZE * 2.6 + 3.0)
}

/// Where link `id`'s label sits on `shape` and how large it is (without
/// the evaluation's words).
pub fn label_rect(map: &Map, id: LinkId, shape: &LinkShape) -> Rect {
    let words = label_words(map, id);
    let size = if shape.stacked {
        stacked_label_size(&words)
    } else {
        label_size(&words)
    };
    Rect::from_center_size(shape.label, size)
}

/// The words of link `id`'s label, as drawn without the evaluation
/// ("because · strong"): what labels are placed by.
pub fn label_words(map: &Map, id: LinkId) -> String {
    map.links.get(&id).map_or_else(String::new, |link| {
        super::link_look::label_text(
            link.kind,
            matches!(link.target, Target::Link(_)),
            link.weight,
        )
    })
}

/// Moves each label along its arrow's longest stretch, in link order, to
/// the first place where it covers no card and no label placed before it;
/// a label with no free place sits a third of the way along.
fn place_labels(
    map: &Map,
    cards: &BTreeMap<ClaimId, Rect>,
    shapes: &mut BTreeMap<LinkId, LinkShape>,
) {
    let mut grid = super::route::CardGrid::new(cards.values().copied());
    for (&id, shape) in shapes.iter_mut() {
        let words = label_words(map, id);
        let size = label_size(&words);
        // On the arrow's longest stretch (the lane of a detour) first, then
        // its other stretches, longest first; in two rows where one does
        // not fit.
        let mut stretches: Vec<(Pos2, Pos2)> = shape
            .segments()
            .filter(|(a, b)| a.is_finite() && b.is_finite())
            .collect();
        stretches.sort_by(|a, b| b.0.distance(b.1).total_cmp(&a.0.distance(a.1)));
        let Some(&(from, to)) = stretches.first() else {
            continue;
        };
        let find = |size: Vec2| {
            stretches
                .iter()
                .find_map(|&(from, to)| free_place(&grid, from, to, size))
        };
        let in_two_rows = || {
            let stacked = stacked_label_size(&words);
            words
                .contains(" · ")
                .then(|| find(stacked))
                .flatten()
                .map(|p| (p, stacked, true))
        };
        let (place, size, stacked) = find(size)
            .map(|p| (p, size, false))
            .or_else(in_two_rows)
            .unwrap_or((from.lerp(to, LABEL_AT), size, false));
        shape.label = place;
        shape.stacked = stacked;
        grid.add(Rect::from_center_size(place, size));
    }
}

/// Where on the stretch from `from` to `to` a label of `size` covers no
/// card or label in `grid`: along the arrow first, then beside it, on
/// either side.
fn free_place(grid: &super::route::CardGrid, from: Pos2, to: Pos2, size: Vec2) -> Option<Pos2> {
    let along = (to - from).normalized();
    let beside = vec2(-along.y, along.x) * (size.y + 2.0);
    [0.0, 1.0, -1.0, 2.0, -2.0, 3.0, -3.0, 4.0, -4.0]
        .into_iter()
        .flat_map(|side| {
            [LABEL_AT, 0.5, 0.25, 0.65, 0.2, 0.75, 0.15, 0.8]
                .into_iter()
                .map(move |t| (t, side))
        })
        .map(|(t, side)| Rect::from_center_size(from.lerp(to, t) + beside * side, size))
        .find(|&rect| !grid.covers(rect))
        .map(|rect| rect.center())
}

/// Works out one link's shape, and first that of the link it undercuts.
/// `depth` bounds the chain, in case a map holds a cycle of undercuts.
fn shape_of(
    map: &Map,
    cards: &BTreeMap<ClaimId, Rect>,
    id: LinkId,
    shapes: &mut BTreeMap<LinkId, LinkShape>,
    depth: usize,
) -> Option<Pos2> {
    if let Some(shape) = shapes.get(&id) {
        return Some(shape.anchor);
    }
    if depth > 64 {
        return None;
    }
    let link = map.links.get(&id)?;
    let premises: Vec<Rect> = link
        .premises
        .iter()
        .filter_map(|p| cards.get(p).copied())
        .collect();
    if premises.is_empty() {
        return None;
    }
    let (target_rect, target_point) = match link.target {
        Target::Claim(claim) => {
            let rect = *cards.get(&claim)?;
            (Some(rect), rect.center())
        }
        Target::Link(target) => (None, shape_of(map, cards, target, shapes, depth + 1)?),
    };

    let shape = if let [premise] = premises[..] {
        let from = border_toward(premise, target_point);
        let to = match target_rect {
            Some(rect) => border_toward(rect, premise.center()),
            None => target_point,
        };
        LinkShape {
            kind: link.kind,
            legs: Vec::new(),
            bar: None,
            from,
            bends: Vec::new(),
            to,
            anchor: from.lerp(to, 0.5),
            label: from.lerp(to, LABEL_AT),
            stacked: false,
        }
    } else if map.direction == crate::model::Growth::Right {
        // A map that grows to the right joins its linked premises with an
        // upright bar: the top-down shape of the mirror image, mirrored.
        let flip = |p: Pos2| pos2(p.y, p.x);
        let flip_rect = |r: Rect| Rect::from_min_max(flip(r.min), flip(r.max));
        let mirrored: Vec<Rect> = premises.iter().copied().map(flip_rect).collect();
        let shape = linked_shape(
            link.kind,
            &mirrored,
            flip(target_point),
            target_rect.map(flip_rect),
        );
        LinkShape {
            kind: shape.kind,
            legs: shape
                .legs
                .into_iter()
                .map(|(a, b)| (flip(a), flip(b)))
                .collect(),
            bar: shape.bar.map(|(a, b)| (flip(a), flip(b))),
            from: flip(shape.from),
            bends: Vec::new(),
            to: flip(shape.to),
            anchor: flip(shape.anchor),
            label: flip(shape.label),
            stacked: false,
        }
    } else {
        linked_shape(link.kind, &premises, target_point, target_rect)
    };
    let anchor = shape.anchor;
    shapes.insert(id, shape);
    Some(anchor)
}

/// Linked premises joined by a bar on the side that faces the target,
/// each with a leg to it, and one arrow from the bar's middle.
fn linked_shape(
    kind: crate::model::LinkKind,
    premises: &[Rect],
    target_point: Pos2,
    target_rect: Option<Rect>,
) -> LinkShape {
    #[expect(clippy::cast_precision_loss, reason = "A handful of premises.")]
    let mean_y = premises.iter().map(|r| r.center().y).sum::<f32>() / premises.len() as f32;
    let above = target_point.y <= mean_y;
    let bar_y = if above {
        premises.iter().map(Rect::top).fold(f32::INFINITY, f32::min) - BAR_GAP
    } else {
        premises
            .iter()
            .map(Rect::bottom)
            .fold(f32::NEG_INFINITY, f32::max)
            + BAR_GAP
    };
    let left = premises
        .iter()
        .map(|r| r.center().x)
        .fold(f32::INFINITY, f32::min);
    let right = premises
        .iter()
        .map(|r| r.center().x)
        .fold(f32::NEG_INFINITY, f32::max);
    let legs = premises
        .iter()
        .map(|r| {
            let edge = if above {
                r.center_top()
            } else {
                r.center_bottom()
            };
            (edge, pos2(edge.x, bar_y))
        })
        .collect();
    let from = pos2(f32::midpoint(left, right), bar_y);
    let to = match target_rect {
        Some(rect) => border_toward(rect, from),
        None => target_point,
    };
    LinkShape {
        kind,
        legs,
        bar: Some((pos2(left, bar_y), pos2(right, bar_y))),
        from,
        bends: Vec::new(),
        to,
        anchor: from.lerp(to, 0.5),
        label: from.lerp(to, LABEL_AT),
        stacked: false,
    }
}

/// The link whose lines pass nearest `p`, within `tolerance`.
pub fn link_at(shapes: &BTreeMap<LinkId, LinkShape>, p: Pos2, tolerance: f32) -> Option<LinkId> {
    shapes
        .iter()
        .filter_map(|(&id, shape)| {
            // Cheap rejection by bounding box before measuring each segment.
            if !shape.bounds().expand(tolerance).contains(p) {
                return None;
            }
            let main = shape
                .segments()
                .map(|(a, b)| distance_to_segment(p, a, b))
                .fold(f32::INFINITY, f32::min);
            let legs = shape
                .legs
                .iter()
                .map(|&(a, b)| distance_to_segment(p, a, b));
            let bar = shape.bar.iter().map(|&(a, b)| distance_to_segment(p, a, b));
            let distance = legs.chain(bar).fold(main, f32::min);
            (distance <= tolerance).then_some((id, distance))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(id, _)| id)
}

/// The smallest rectangle holding every card, or `None` for an empty map.
pub fn bounds(cards: &BTreeMap<ClaimId, Rect>) -> Option<Rect> {
    cards.values().copied().reduce(Rect::union)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Link, LinkKind, Pos};
    use egui::vec2;

    fn cards(map: &Map) -> BTreeMap<ClaimId, Rect> {
        map.claims
            .iter()
            .map(|(&id, c)| (id, card_rect(pos2(c.pos.x, c.pos.y), 40.0)))
            .collect()
    }

    /// Thesis at the top; 2 and 3 linked below it; 4 undercuts that link.
    fn sample() -> Map {
        let mut map = Map::new("m");
        map.add_claim(Claim::new("t", Pos::new(0.0, 0.0)));
        map.add_claim(Claim::new("a", Pos::new(-150.0, 300.0)));
        map.add_claim(Claim::new("b", Pos::new(150.0, 300.0)));
        map.add_claim(Claim::new("u", Pos::new(400.0, 150.0)));
        map.add_link(Link {
            kind: LinkKind::Support,
            premises: vec![ClaimId(2), ClaimId(3)],
            target: Target::Claim(ClaimId(1)),
            weight: crate::model::Weight::FULL,
        });
        map.add_link(Link {
            kind: LinkKind::Attack,
            premises: vec![ClaimId(4)],
            target: Target::Link(LinkId(1)),
            weight: crate::model::Weight::FULL,
        });
        map
    }

    #[test]
    fn border_points_lie_on_the_border() {
        let rect = Rect::from_center_size(Pos2::ZERO, vec2(100.0, 50.0));
        assert_eq!(border_toward(rect, pos2(0.0, -100.0)), pos2(0.0, -25.0));
        assert_eq!(border_toward(rect, pos2(200.0, 0.0)), pos2(50.0, 0.0));
        assert_eq!(border_toward(rect, pos2(10.0, 5.0)), pos2(10.0, 5.0));
        assert_eq!(border_toward(rect, Pos2::ZERO), Pos2::ZERO);
    }

    #[test]
    fn and_is_written_between_linked_premises_on_their_side_of_the_bar() {
        let map = sample();
        let shapes = link_shapes(&map, &cards(&map));
        let linked = &shapes[&LinkId(1)];
        let (left, right) = linked.bar.expect("a bar");
        let marks = and_marks(linked);
        assert_eq!(marks.len(), 1, "one “and” between two premises");
        let at = marks[0];
        assert!(at.x > left.x && at.x < right.x, "between the legs");
        // The thesis is above: the arrow leaves upwards, "and" sits below
        // the bar, above the premises' cards.
        assert!(at.y > left.y, "on the premises' side");
        let premise_top = cards(&map)[&ClaimId(2)].top();
        assert!(at.y < premise_top, "above the cards");
        // A plain link has no bar and no "and".
        assert!(and_marks(&shapes[&LinkId(2)]).is_empty());
    }

    #[test]
    fn linked_premises_join_at_a_bar_with_one_arrow() {
        let map = sample();
        let cards = cards(&map);
        let shapes = link_shapes(&map, &cards);
        let linked = &shapes[&LinkId(1)];
        assert_eq!(linked.legs.len(), 2);
        let (left, right) = linked.bar.expect("a bar");
        assert_eq!((left.x, right.x), (-150.0, 150.0));
        assert!(
            left.y < cards[&ClaimId(2)].top(),
            "the bar is between premises and target"
        );
        assert_eq!(linked.from, pos2(0.0, left.y));
        assert_eq!(linked.to, cards[&ClaimId(1)].center_bottom());

        let undercut = &shapes[&LinkId(2)];
        assert_eq!(
            undercut.to, linked.anchor,
            "an undercutter ends on the link"
        );
    }

    #[test]
    fn hit_tests_find_links_and_cards() {
        let map = sample();
        let cards = cards(&map);
        let shapes = link_shapes(&map, &cards);
        let linked = &shapes[&LinkId(1)];
        let on_arrow = linked.from.lerp(linked.to, 0.2) + vec2(3.0, 0.0);
        assert_eq!(link_at(&shapes, on_arrow, 6.0), Some(LinkId(1)));
        let undercut = &shapes[&LinkId(2)];
        let on_undercut = undercut.from.lerp(undercut.to, 0.5);
        assert_eq!(link_at(&shapes, on_undercut, 6.0), Some(LinkId(2)));
        assert_eq!(link_at(&shapes, pos2(-1000.0, -1000.0), 6.0), None);
        let all = bounds(&cards).expect("cards");
        assert!(all.contains(pos2(400.0, 150.0)) && all.contains(pos2(-150.0, 300.0)));
    }

    #[test]
    fn segments_are_clipped_to_the_view() {
        let view = Rect::from_min_max(pos2(0.0, 0.0), pos2(100.0, 100.0));
        assert_eq!(
            clip_segment(pos2(-1e6, 50.0), pos2(1e6, 50.0), view),
            Some((pos2(0.0, 50.0), pos2(100.0, 50.0)))
        );
        assert_eq!(
            clip_segment(pos2(10.0, 10.0), pos2(20.0, 20.0), view),
            Some((pos2(10.0, 10.0), pos2(20.0, 20.0)))
        );
        assert_eq!(
            clip_segment(pos2(-10.0, -10.0), pos2(-20.0, 50.0), view),
            None
        );
    }

    #[test]
    fn undercut_cycles_do_not_hang() {
        let mut map = sample();
        map.links.insert(
            LinkId(1),
            Link {
                kind: LinkKind::Attack,
                premises: vec![ClaimId(2)],
                target: Target::Link(LinkId(2)),
                weight: crate::model::Weight::FULL,
            },
        );
        let shapes = link_shapes(&map, &cards(&map));
        assert!(shapes.len() <= 2);
    }
}
