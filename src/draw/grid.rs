//! Cards (and link labels) found by place: which ones a rectangle overlaps
//! and which ones a segment passes under, so a large map costs little more
//! than a small one. The cards a grid starts with sit in one dense array of
//! cells over their extent; rectangles added later (labels, one at a
//! time) in a map of cells beside it.

use egui::{Pos2, Rect};

use super::shape::clip_segment;
use crate::id_hash::{IdMap, id_map};

/// The side of a grid cell, in map units.
const CELL: f32 = 400.0;

/// The most cells the dense array takes: beyond, cards sit in the map of
/// cells (a map whose cards are very far apart).
const MAX_DENSE_CELLS: i64 = 1 << 22;

fn cell_of(p: f32) -> i64 {
    floor_to_i64(p / CELL)
}

/// `x` rounded down to a whole number, saturating, without a call into
/// libm (`f32::floor` is one on baseline x86-64, and cells are looked up
/// millions of times).
pub(crate) fn floor_to_i64(x: f32) -> i64 {
    #[expect(
        clippy::cast_possible_truncation,
        reason = "map coordinates are bounded; far ones saturate, which only makes their cell coarse"
    )]
    let whole = x as i64;
    #[expect(
        clippy::cast_precision_loss,
        reason = "compared with the float it came from"
    )]
    let above = whole as f32 > x;
    if above {
        whole.saturating_sub(1)
    } else {
        whole
    }
}

/// Rectangles found through a grid of cells.
pub struct CardGrid {
    /// The first cell of the dense array, and its size in cells.
    origin: (i64, i64),
    columns: i64,
    rows: i64,
    /// Where each dense cell's rectangles start in `rects` (one more entry
    /// than cells: the last is the end).
    starts: Vec<u32>,
    rects: Vec<Rect>,
    /// Rectangles added later, or outside the dense array, by cell.
    more: IdMap<(i64, i64), Vec<Rect>>,
}

/// Whether a rectangle can be filed: finite, and not absurdly large.
fn fileable(rect: &Rect) -> bool {
    rect.is_finite() && rect.width() < 10_000.0 && rect.height() < 10_000.0
}

impl CardGrid {
    /// A grid of `rects` (absurdly large or broken ones left out).
    pub fn new(rects: impl IntoIterator<Item = Rect>) -> Self {
        let rects: Vec<Rect> = rects.into_iter().filter(fileable).collect();
        let mut grid = Self {
            origin: (0, 0),
            columns: 0,
            rows: 0,
            starts: vec![0],
            rects: Vec::new(),
            more: id_map(0),
        };
        let Some(bounds) = rects.iter().copied().reduce(Rect::union) else {
            return grid;
        };
        let (x0, y0) = (cell_of(bounds.min.x), cell_of(bounds.min.y));
        let columns = cell_of(bounds.max.x) - x0 + 1;
        let rows = cell_of(bounds.max.y) - y0 + 1;
        if columns.saturating_mul(rows) > MAX_DENSE_CELLS {
            for rect in rects {
                grid.add(rect);
            }
            return grid;
        }
        grid.origin = (x0, y0);
        grid.columns = columns;
        grid.rows = rows;
        // Counted, then placed: each cell's rectangles side by side.
        let cells = usize::try_from(columns * rows).unwrap_or(0);
        let mut counts = vec![0_u32; cells + 1];
        let index = |x: i64, y: i64| usize::try_from((y - y0) * columns + (x - x0)).unwrap_or(0);
        let spans = |r: &Rect| {
            let (ys, ye) = (cell_of(r.min.y), cell_of(r.max.y));
            (cell_of(r.min.x)..=cell_of(r.max.x)).flat_map(move |x| (ys..=ye).map(move |y| (x, y)))
        };
        for rect in &rects {
            for (x, y) in spans(rect) {
                counts[index(x, y) + 1] += 1;
            }
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let mut filled = counts.clone();
        grid.rects = vec![Rect::NOTHING; counts[cells] as usize];
        for rect in &rects {
            for (x, y) in spans(rect) {
                let at = &mut filled[index(x, y)];
                grid.rects[*at as usize] = *rect;
                *at += 1;
            }
        }
        grid.starts = counts;
        grid
    }

    /// Adds a rectangle.
    pub fn add(&mut self, rect: Rect) {
        if !fileable(&rect) {
            return;
        }
        for x in cell_of(rect.min.x)..=cell_of(rect.max.x) {
            for y in cell_of(rect.min.y)..=cell_of(rect.max.y) {
                self.more.entry((x, y)).or_default().push(rect);
            }
        }
    }

    /// Whether any rectangle overlaps `rect`.
    pub fn covers(&self, rect: Rect) -> bool {
        self.visit(rect, |r| r.intersects(rect))
    }

    /// The rectangles of one cell.
    fn cell(&self, x: i64, y: i64) -> (&[Rect], &[Rect]) {
        let (x0, y0) = self.origin;
        let dense = (x >= x0 && x < x0 + self.columns && y >= y0 && y < y0 + self.rows)
            .then(|| usize::try_from((y - y0) * self.columns + (x - x0)).ok())
            .flatten()
            .and_then(|i| {
                let (start, end) = (*self.starts.get(i)?, *self.starts.get(i + 1)?);
                self.rects.get(start as usize..end as usize)
            })
            .unwrap_or(&[]);
        let more = if self.more.is_empty() {
            &[][..]
        } else {
            self.more.get(&(x, y)).map_or(&[][..], Vec::as_slice)
        };
        (dense, more)
    }

    /// Calls `found` for the rectangles in the cells `rect` touches (some
    /// more than once) until it returns true; true when it did.
    fn visit(&self, rect: Rect, mut found: impl FnMut(&Rect) -> bool) -> bool {
        let (x0, x1) = (cell_of(rect.min.x), cell_of(rect.max.x));
        let (y0, y1) = (cell_of(rect.min.y), cell_of(rect.max.y));
        // A segment across the whole map would visit millions of cells:
        // such a line is looked at only in the cells at its ends.
        let spread = (x1 - x0).saturating_add(y1 - y0) > 64;
        for x in x0..=x1 {
            for y in y0..=y1 {
                if spread && !(x == x0 || x == x1 || y == y0 || y == y1) {
                    continue;
                }
                let (dense, more) = self.cell(x, y);
                if dense.iter().chain(more).any(&mut found) {
                    return true;
                }
            }
        }
        false
    }

    /// The cards the segment from `a` to `b` passes under, other than
    /// `ends` (the cards it connects).
    pub fn crossed(&self, a: Pos2, b: Pos2, ends: &[Rect]) -> Vec<Rect> {
        let mut hit: Vec<Rect> = Vec::new();
        self.under(a, b, ends, |card| {
            if !hit.contains(&card) {
                hit.push(card);
            }
            false
        });
        hit
    }

    /// How far left and right the cards the segment from `a` to `b` passes
    /// under reach (other than `ends`): [`Self::crossed`]'s extent, with
    /// no list to gather.
    pub fn crossed_extent(&self, a: Pos2, b: Pos2, ends: &[Rect]) -> Option<(f32, f32)> {
        let mut extent: Option<(f32, f32)> = None;
        self.under(a, b, ends, |card| {
            let (left, right) = extent.unwrap_or((card.left(), card.right()));
            extent = Some((left.min(card.left()), right.max(card.right())));
            false
        });
        extent
    }

    /// Whether the segment from `a` to `b` passes under any card but
    /// `ends`: [`Self::crossed`] without the list, stopping at the first.
    pub fn is_crossed(&self, a: Pos2, b: Pos2, ends: &[Rect]) -> bool {
        self.under(a, b, ends, |_| true)
    }

    /// Calls `found` for the cards the segment passes under (some more
    /// than once) until it returns true; true when it did.
    fn under(&self, a: Pos2, b: Pos2, ends: &[Rect], mut found: impl FnMut(Rect) -> bool) -> bool {
        let span = Rect::from_two_pos(a, b).expand(1.0);
        self.visit(span, |&card| {
            // Grazing an edge is not passing under.
            card.intersects(span)
                && !ends.contains(&card)
                && clip_segment(a, b, card.shrink(2.0)).is_some()
                && found(card)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{pos2, vec2};

    #[test]
    fn the_grid_finds_what_a_scan_finds() {
        let cards: Vec<Rect> = (0..300)
            .map(|i| {
                #[expect(clippy::cast_precision_loss, reason = "a few hundred cards")]
                let i = i as f32;
                Rect::from_min_size(
                    pos2((i * 137.0) % 5000.0, (i * 71.0) % 3000.0),
                    vec2(240.0, 90.0),
                )
            })
            .collect();
        let mut grid = CardGrid::new(cards.iter().copied());
        let far = Rect::from_min_size(pos2(90_000.0, -40_000.0), vec2(200.0, 80.0));
        grid.add(far);
        let scan = |a: Pos2, b: Pos2| {
            cards
                .iter()
                .chain([&far])
                .filter(|c| clip_segment(a, b, c.shrink(2.0)).is_some())
                .count()
        };
        for (a, b) in [
            (pos2(-100.0, 50.0), pos2(5200.0, 2900.0)),
            (pos2(2500.0, -500.0), pos2(2500.0, 3500.0)),
            (pos2(0.0, 1000.0), pos2(1500.0, 1000.0)),
            (pos2(90_050.0, -40_100.0), pos2(90_050.0, -39_000.0)),
        ] {
            let found = grid.crossed(a, b, &[]);
            // Long segments are looked at in their end cells only.
            if (b - a).length() < 4000.0 {
                assert_eq!(found.len(), scan(a, b), "{a:?} → {b:?}");
            }
            assert_eq!(grid.is_crossed(a, b, &[]), !found.is_empty());
            let extent = found
                .iter()
                .map(|c| (c.left(), c.right()))
                .reduce(|x, y| (x.0.min(y.0), x.1.max(y.1)));
            assert_eq!(grid.crossed_extent(a, b, &[]), extent);
        }
        assert!(grid.covers(Rect::from_center_size(far.center(), vec2(10.0, 10.0))));
        assert!(!grid.covers(Rect::from_min_size(pos2(-900.0, -900.0), vec2(10.0, 10.0))));
        let empty = CardGrid::new([]);
        assert!(!empty.covers(Rect::from_min_size(pos2(0.0, 0.0), vec2(10.0, 10.0))));
        for x in [
            0.0,
            0.5,
            -0.5,
            -1.0,
            1.0,
            399.99,
            -400.0,
            12_345.6,
            -1e30,
            1e30,
            f32::NAN,
        ] {
            #[expect(clippy::cast_possible_truncation, reason = "the reference")]
            let floor = x.floor() as i64;
            assert_eq!(floor_to_i64(x), floor, "{x}");
        }
    }
}
