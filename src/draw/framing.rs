//! How a presentation frames its steps on a screen or a slide, so that
//! every step reads from the back of a room, and where the pointers toward
//! what does not fit go. Pure functions of rectangles: the editor's camera,
//! the PDF slides and (through its rules) the HTML handout all frame with
//! them, so the audience sees the same thing everywhere.

use egui::{Pos2, Rect, Vec2, pos2, vec2};

use crate::card::TEXT_SIZE;
use crate::model::present::{self, Context, StepOrder};
use crate::model::{ClaimId, Map};

/// The closest a presentation frames a step: cards at this zoom read well
/// from the back of a room without one card filling the screen.
pub const PRESENT_MAX_ZOOM: f32 = 1.6;

/// The margin around what a presentation frames, in map units.
pub const PRESENT_MARGIN: f32 = 60.0;

/// The smallest card text on a screen while presenting, in points: what
/// the back row reads on a 1280×800 projector image.
pub const SCREEN_TEXT_POINTS: f32 = 16.0;

/// On a taller screen, card text keeps at least this share of its height
/// (16 points of 800), so a larger projector image is not filled with
/// more, smaller cards.
pub const SCREEN_TEXT_SHARE: f32 = 0.02;

/// Card text on a PDF slide, as a share of the slide's height. The words'
/// boxes that `pdftotext -bbox` measures are about 0.96 of the type size,
/// so this keeps the measured median above 3 % of the slide (about 16 pt
/// type on a 16:9 slide).
pub const SLIDE_TEXT_SHARE: f32 = 0.032;

/// The farthest a presentation may frame a step on a screen of `view`
/// size: card text at least [`SCREEN_TEXT_POINTS`] tall, and at least
/// [`SCREEN_TEXT_SHARE`] of the screen's height.
pub fn screen_min_zoom(view: Vec2) -> f32 {
    SCREEN_TEXT_POINTS.max(view.y * SCREEN_TEXT_SHARE) / TEXT_SIZE
}

/// The farthest a slide of `page` size may frame a step: card text
/// [`SLIDE_TEXT_SHARE`] of the page's height.
pub fn slide_min_zoom(page: Vec2) -> f32 {
    page.y * SLIDE_TEXT_SHARE / TEXT_SIZE
}

/// What a presentation shows of the map on a screen or page of `view`
/// size: the `cards` (a step and the claim it answers, or the whole map)
/// with a margin, never closer than [`PRESENT_MAX_ZOOM`], widened to the
/// view's shape.
pub fn presentation_frame(cards: impl IntoIterator<Item = Rect>, view: Vec2) -> Option<Rect> {
    let bounds = cards
        .into_iter()
        .reduce(Rect::union)?
        .expand(PRESENT_MARGIN);
    let size = bounds.size().max(view / PRESENT_MAX_ZOOM);
    let size = if size.x / size.y > view.x / view.y {
        vec2(size.x, size.x * view.y / view.x)
    } else {
        vec2(size.y * view.x / view.y, size.y)
    };
    Some(Rect::from_center_size(bounds.center(), size))
}

/// How a step is framed: the scene rectangle to show, and the cards left
/// outside it, to point at.
#[derive(Clone, Debug, PartialEq)]
pub struct StepFrame {
    /// The part of the map to show.
    pub view: Rect,
    /// The context cards outside `view`, by their place in the list given.
    pub beyond: Vec<usize>,
    /// The step's own cards outside `view` (a step of several claims too
    /// large to read at once), by their place in the list given.
    pub beyond_step: Vec<usize>,
}

/// Frames a step's `cards` with its `context` (what it answers) on a view
/// of `view` size, keeping text readable: never farther than `min_zoom`
/// (see [`screen_min_zoom`], [`slide_min_zoom`]). The step's cards come
/// first — all of them when they fit, else the first and then the nearest
/// to it while they fit — then the context, nearest first, while it fits.
/// What is left out is listed, to be pointed at. Only a single card too
/// large to read at `min_zoom` is shown whole, farther.
pub fn step_frame(
    cards: &[Rect],
    context: &[Rect],
    view: Vec2,
    min_zoom: f32,
) -> Option<StepFrame> {
    let zoom = |frame: Rect| view.x / frame.width().max(f32::EPSILON);
    let frame_of = |own: &[usize], extra: &[usize]| {
        presentation_frame(
            own.iter()
                .map(|&i| cards[i])
                .chain(extra.iter().map(|&i| context[i])),
            view,
        )
    };
    let fits = |own: &[usize], extra: &[usize]| {
        frame_of(own, extra).is_some_and(|frame| zoom(frame) >= min_zoom)
    };
    let all_own: Vec<usize> = (0..cards.len()).collect();
    let all_context: Vec<usize> = (0..context.len()).collect();
    let own = if fits(&all_own, &[]) {
        all_own
    } else {
        let first = cards.first()?.center();
        greedy(&[0], (1..cards.len()).collect(), cards, first, |taken| {
            fits(taken, &[])
        })
    };
    let middle = own.iter().map(|&i| cards[i]).reduce(Rect::union)?.center();
    let taken = if fits(&own, &all_context) {
        all_context
    } else {
        greedy(
            &[],
            (0..context.len()).collect(),
            context,
            middle,
            |taken| fits(&own, taken),
        )
    };
    let frame = frame_of(&own, &taken)?;
    Some(StepFrame {
        view: frame,
        beyond: (0..context.len())
            .filter(|&i| !frame.contains_rect(context[i]))
            .collect(),
        beyond_step: (0..cards.len())
            .filter(|&i| !frame.contains_rect(cards[i]))
            .collect(),
    })
}

/// A step of `map`'s presentation framed on a view of `view` size, as
/// [`step_frame`] frames it, with what it answers (`order`, from
/// [`present::step_index`]); `card` gives each claim's card in map units.
/// The view, and what lies beyond it to point at: each claim left out with
/// its relation to the step ("and" for the step's own, then "answers",
/// "from", "to") and its card.
pub fn frame_step(
    map: &Map,
    step: &[ClaimId],
    order: &StepOrder,
    mut card: impl FnMut(ClaimId) -> Option<Rect>,
    view: Vec2,
    min_zoom: f32,
) -> Option<(Rect, Vec<(Context, Rect)>)> {
    let own: Vec<(Context, Rect)> = step
        .iter()
        .filter_map(|&c| Some((Context::same_step(c), card(c)?)))
        .collect();
    let around: Vec<(Context, Rect)> = present::context(map, step, order)
        .into_iter()
        .filter_map(|c| Some((c, card(c.claim)?)))
        .collect();
    let rects = |list: &[(Context, Rect)]| list.iter().map(|(_, r)| *r).collect::<Vec<_>>();
    let frame = step_frame(&rects(&own), &rects(&around), view, min_zoom)?;
    let beyond = frame
        .beyond_step
        .iter()
        .map(|&i| own[i])
        .chain(frame.beyond.iter().map(|&i| around[i]))
        .collect();
    Some((frame.view, beyond))
}

/// `start`, then each of `rest` nearest to `from` first (by the centre of
/// its rectangle in `rects`) that still `fits` with those taken.
fn greedy(
    start: &[usize],
    mut rest: Vec<usize>,
    rects: &[Rect],
    from: Pos2,
    fits: impl Fn(&[usize]) -> bool,
) -> Vec<usize> {
    rest.sort_by(|&a, &b| {
        let d = |i: usize| rects[i].center().distance_sq(from);
        d(a).total_cmp(&d(b))
    });
    let mut taken = start.to_vec();
    for i in rest {
        taken.push(i);
        if !fits(&taken) {
            taken.pop();
        }
    }
    taken
}

/// Where an edge marker for a card at `target` goes on a screen `area`:
/// on the line from the middle of the screen toward it, `inset` inside the
/// edge.
pub fn edge_point(area: Rect, target: Pos2, inset: f32) -> Pos2 {
    let inner = area.shrink(inset);
    let center = inner.center();
    let toward = target - center;
    if toward.length_sq() <= f32::EPSILON {
        return center;
    }
    let half = inner.size() / 2.0;
    let scale_x = if toward.x.abs() > f32::EPSILON {
        half.x / toward.x.abs()
    } else {
        f32::INFINITY
    };
    let scale_y = if toward.y.abs() > f32::EPSILON {
        half.y / toward.y.abs()
    } else {
        f32::INFINITY
    };
    center + toward * scale_x.min(scale_y).min(1.0)
}

/// Where an edge pointer's arrow and label go: the arrow at `at` by the
/// edge of `area`, its label against the same edge beside the arrow head
/// rather than in front of it; both moved together around the edge,
/// nearest first, to clear every rectangle of `avoid` (the cards on show
/// and the labels placed before). The arrow is `arrow` across. `None` when
/// no place is clear: the arrow then points alone from `at` rather than
/// have a label cover a card.
pub fn pointer_place(
    area: Rect,
    at: Pos2,
    size: Vec2,
    gap: f32,
    arrow: f32,
    avoid: &[Rect],
) -> Option<PointerPlace> {
    let inner = area.shrink(arrow / 2.0);
    let clear = |rect: Rect| !avoid.iter().any(|a| a.expand(gap * 0.25).intersects(rect));
    let fits = |at: Pos2| {
        let place = PointerPlace {
            at,
            label: label_beside(area, inner, at, size, gap),
        };
        (clear(place.label) && clear(Rect::from_center_size(at, Vec2::splat(arrow))))
            .then_some(place)
    };
    // Where it points from, most often clear: the walk round the edge is
    // made only when it is not.
    if inner.expand(0.5).contains(at)
        && let Some(place) = fits(at)
    {
        return Some(place);
    }
    // Points around the edge a quarter of the label's height apart, the
    // nearest to `at` first.
    let stride = (size.y / 4.0).max(1.0);
    let mut around: Vec<Pos2> = Vec::new();
    for (from, to) in [
        (inner.left_top(), inner.right_top()),
        (inner.right_top(), inner.right_bottom()),
        (inner.right_bottom(), inner.left_bottom()),
        (inner.left_bottom(), inner.left_top()),
    ] {
        let steps = ((to - from).length() / stride).ceil().clamp(1.0, 2000.0);
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "At most two thousand points a side."
        )]
        for k in 0..steps as u32 {
            #[expect(clippy::cast_precision_loss, reason = "At most two thousand.")]
            around.push(from.lerp(to, k as f32 / steps));
        }
    }
    around.sort_by(|a, b| a.distance_sq(at).total_cmp(&b.distance_sq(at)));
    around.into_iter().find_map(fits)
}

/// The label of a pointer whose arrow is at `at` on the edge of `inner`:
/// on a side edge under the arrow, flush with the edge; on the top or
/// bottom beside the arrow, toward the middle; inside `area`.
fn label_beside(area: Rect, inner: Rect, at: Pos2, size: Vec2, gap: f32) -> Rect {
    let to_side = (at.x - inner.left()).min(inner.right() - at.x);
    let to_end = (at.y - inner.top()).min(inner.bottom() - at.y);
    let rect = if to_side <= to_end {
        let x = if at.x > inner.center().x {
            at.x + gap - size.x
        } else {
            at.x - gap
        };
        let y = if at.y + gap + size.y <= area.bottom() {
            at.y + gap
        } else {
            at.y - gap - size.y
        };
        Rect::from_min_size(pos2(x, y), size)
    } else {
        let y = if at.y > inner.center().y {
            at.y + gap - size.y
        } else {
            at.y - gap
        };
        let x = if at.x > inner.center().x {
            at.x - gap - size.x
        } else {
            at.x + gap
        };
        Rect::from_min_size(pos2(x, y), size)
    };
    rect.translate(vec2(
        (area.min.x - rect.min.x).max(0.0) + (area.max.x - rect.max.x).min(0.0),
        (area.min.y - rect.min.y).max(0.0) + (area.max.y - rect.max.y).min(0.0),
    ))
}

/// The arrow head of a pointer at `at` toward `toward`, `size` long: its
/// tip, then the two corners of its base.
pub fn arrow_head(at: Pos2, toward: Pos2, size: f32) -> [Pos2; 3] {
    let direction = (toward - at).normalized();
    let normal = direction.rot90() * size * 0.6;
    let base = at - direction * size * 0.2;
    [at + direction * size, base + normal, base - normal]
}

/// Where a pointer goes: its arrow and its label's box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PointerPlace {
    /// The middle of the arrow head, by the edge.
    pub at: Pos2,
    /// The label's box.
    pub label: Rect,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(x: f32, y: f32) -> Rect {
        Rect::from_center_size(pos2(x, y), vec2(240.0, 80.0))
    }

    #[test]
    fn a_step_far_from_what_it_answers_is_framed_readable_with_the_rest_beyond() {
        let view = vec2(1280.0, 800.0);
        let min = screen_min_zoom(view);
        // Near: the context comes in.
        let near = step_frame(&[card(0.0, 300.0)], &[card(0.0, 0.0)], view, min).expect("a frame");
        assert!(near.beyond.is_empty());
        assert!(near.view.contains_rect(card(0.0, 0.0)));
        // Thousands of units away: the step alone, readable, the context
        // pointed at.
        let far =
            step_frame(&[card(0.0, 300.0)], &[card(-6000.0, -2000.0)], view, min).expect("a frame");
        assert_eq!(far.beyond, [0]);
        assert!(view.x / far.view.width() >= min);
        assert!(far.view.contains_rect(card(0.0, 300.0)));
        // Of two, the near one comes in and the far one is beyond.
        let two = step_frame(
            &[card(0.0, 300.0)],
            &[card(-9000.0, 0.0), card(300.0, 0.0)],
            view,
            min,
        )
        .expect("a frame");
        assert_eq!(two.beyond, [0]);
    }

    #[test]
    fn a_step_too_tall_to_read_shows_its_first_cards_and_points_at_the_rest() {
        let view = vec2(960.0, 540.0);
        let min = slide_min_zoom(view);
        // Three linked premises stacked in a column.
        let column = [card(0.0, 0.0), card(0.0, 200.0), card(0.0, 400.0)];
        let frame = step_frame(&column, &[card(0.0, -300.0)], view, min).expect("a frame");
        assert!(view.x / frame.view.width() >= min * 0.999);
        assert!(frame.view.contains_rect(column[0]));
        assert_eq!(frame.beyond_step, [2]);
        assert_eq!(frame.beyond, [0]);
        // A single card too large to read is still shown whole.
        let huge = Rect::from_center_size(Pos2::ZERO, vec2(240.0, 2000.0));
        let whole = step_frame(&[huge], &[], view, min).expect("a frame");
        assert!(whole.view.contains_rect(huge));
        assert!(whole.beyond_step.is_empty());
    }

    #[test]
    fn the_readable_zoom_follows_the_screen_and_the_slide() {
        // 16 points of text at 1280×800, 2 % of a taller screen.
        assert!((screen_min_zoom(vec2(1280.0, 800.0)) * TEXT_SIZE - 16.0).abs() < 1e-3);
        assert!((screen_min_zoom(vec2(1920.0, 1080.0)) * TEXT_SIZE - 21.6).abs() < 1e-3);
        // On a 540-point slide, text is 3.2 % of its height.
        assert!((slide_min_zoom(vec2(960.0, 540.0)) * TEXT_SIZE - 17.28).abs() < 1e-3);
    }

    #[test]
    fn edge_points_sit_inside_the_edge_toward_the_target() {
        let area = Rect::from_min_size(Pos2::ZERO, vec2(1000.0, 600.0));
        assert_eq!(
            edge_point(area, pos2(5000.0, 300.0), 20.0),
            pos2(980.0, 300.0)
        );
        assert_eq!(
            edge_point(area, pos2(500.0, -900.0), 20.0),
            pos2(500.0, 20.0)
        );
        assert_eq!(
            edge_point(area, pos2(600.0, 300.0), 20.0),
            pos2(600.0, 300.0)
        );
    }

    #[test]
    fn a_pointer_label_slides_along_its_edge_clear_of_the_cards() {
        let area = Rect::from_min_size(Pos2::ZERO, vec2(1000.0, 600.0));
        let size = vec2(200.0, 60.0);
        let at = pos2(980.0, 300.0);
        let place = |avoid: &[Rect]| pointer_place(area, at, size, 14.0, 20.0, avoid);
        let free = place(&[]).expect("a place");
        assert_eq!(free.at, at);
        // A card where the label would go: label and arrow move together
        // along the edge, clear of it.
        let card = free.label.expand(10.0);
        let moved = place(&[card]).expect("a place");
        assert!(!moved.label.intersects(card));
        assert!(area.contains_rect(moved.label));
        assert!(moved.at.distance(at) > 1.0);
        // A card along the whole edge: the pointer goes round the corner.
        let wall = Rect::from_min_max(pos2(700.0, 0.0), pos2(1000.0, 600.0));
        let round = place(&[wall]).expect("a place");
        assert!(!round.label.intersects(wall));
        // Cards everywhere: no label rather than one over a card.
        assert_eq!(place(&[area]), None);
    }
}
