//! The PDF handout's pages: the map's title and sources at the top of each,
//! the map filling the page in the orientation that suits it; a map too
//! large to read on one A4 page is printed in overlapping tiles, after an
//! overview page that shows where each tile lies.
//!
//! Why tiles rather than a poster size: every printer takes A4, the tiles
//! tape together along their overlap marks into a poster, and a coach can
//! hand out just the page a group works on.

use std::fmt::Write as _;

use egui::{Pos2, Rect, Vec2, pos2, vec2};

use super::style;
use super::svg::{FONT_FAMILY, escape, hex, num};
use crate::card::TEXT_SIZE;
use crate::model::Map;

/// A4 portrait, in points.
pub const A4: Vec2 = vec2(595.0, 842.0);
/// The white edge of every page.
const MARGIN: f32 = 32.0;
/// Room for the title and the sources.
const HEADER: f32 = 58.0;
/// Room for the page number.
const FOOTER: f32 = 22.0;
/// Card text must print at least this big (points) to be read in a hand.
const MIN_TEXT_PT: f32 = 5.0;
/// Tiles print card text this big.
const TILE_TEXT_PT: f32 = 8.0;
/// A small map is enlarged no more than this, so its cards stay in
/// proportion to the page.
const MAX_SCALE: f32 = 1.6;
/// How much of a tile its neighbour prints again, to tape them together.
const OVERLAP: f32 = 0.08;

/// One page of the handout.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// The page's size: A4, portrait or landscape.
    pub page: Vec2,
    /// Where the map goes on the page.
    pub body: Rect,
    /// The part of the map on the page, in map units.
    pub view: Rect,
    /// What the page is: "", "Overview: 6 pages", "Page 2: row 1, column 2".
    pub caption: String,
    /// On the overview, each tile's part of the map and its page number.
    pub tiles: Vec<(Rect, usize)>,
    /// On a tile, the parts of the map its neighbours print as well.
    pub overlaps: Vec<Rect>,
}

/// The pages of the handout of a map whose drawing covers `bounds`.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The pages, in order.
    pub sheets: Vec<Sheet>,
}

impl Sheet {
    /// Points per map unit on the page.
    pub fn scale(&self) -> f32 {
        self.body.width() / self.view.width().max(f32::EPSILON)
    }
}

/// The body of a page of `page` size.
fn body(page: Vec2) -> Rect {
    Rect::from_min_max(
        pos2(MARGIN, MARGIN + HEADER),
        pos2(page.x - MARGIN, page.y - MARGIN - FOOTER),
    )
}

/// `view` widened to the shape of `body`, about the same centre.
fn shaped(view: Rect, body: Rect) -> Rect {
    let scale = (body.width() / view.width()).min(body.height() / view.height());
    Rect::from_center_size(view.center(), body.size() / scale)
}

/// Plans the handout: one page when the map reads at that size in the
/// better orientation, else an overview and overlapping tiles in the
/// orientation that needs fewer pages.
pub fn plan(bounds: Rect) -> Plan {
    let (page, best) = best_orientation(bounds);
    let least = MIN_TEXT_PT / TEXT_SIZE;
    if best >= least {
        return one_page(bounds, page, best);
    }
    tiled(bounds)
}

/// Plans an overview handout: the whole map on one page, in the
/// orientation that shows it biggest, however small that makes it (its
/// cards show their titles, set large).
pub fn plan_one_page(bounds: Rect) -> Plan {
    let (page, scale) = best_orientation(bounds);
    one_page(bounds, page, scale)
}

/// The page, portrait or landscape, that shows `bounds` biggest, and the
/// scale it shows it at.
fn best_orientation(bounds: Rect) -> (Vec2, f32) {
    let fit = |page: Vec2| {
        let b = body(page);
        (b.width() / bounds.width()).min(b.height() / bounds.height())
    };
    [A4, vec2(A4.y, A4.x)]
        .iter()
        .map(|&p| (p, fit(p)))
        .fold((A4, f32::MIN), |a, b| if b.1 > a.1 { b } else { a })
}

/// The map on one `page` at `scale` (never above [`MAX_SCALE`]).
fn one_page(bounds: Rect, page: Vec2, scale: f32) -> Plan {
    let body = body(page);
    let scale = scale.min(MAX_SCALE);
    let view = Rect::from_center_size(bounds.center(), body.size() / scale);
    Plan {
        sheets: vec![Sheet {
            page,
            body,
            view,
            caption: String::new(),
            tiles: Vec::new(),
            overlaps: Vec::new(),
        }],
    }
}

/// An overview and overlapping tiles, at a size that reads, in the
/// orientation that needs fewer pages.
fn tiled(bounds: Rect) -> Plan {
    let orientations = [A4, vec2(A4.y, A4.x)];
    let grid = |page: Vec2| {
        let tile = body(page).size() / (TILE_TEXT_PT / TEXT_SIZE);
        let step = tile * (1.0 - OVERLAP);
        let count = |extent: f32, tile: f32, step: f32| {
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "Whole numbers of pages, from a ratio of finite sizes."
            )]
            let more = ((extent - tile).max(0.0) / step).ceil() as usize;
            more + 1
        };
        let cols = count(bounds.width(), tile.x, step.x);
        let rows = count(bounds.height(), tile.y, step.y);
        (page, tile, step, cols, rows)
    };
    let (page, tile, step, cols, rows) = orientations
        .iter()
        .map(|&p| grid(p))
        .min_by_key(|g| g.3 * g.4)
        .unwrap_or_else(|| grid(A4));
    #[expect(clippy::cast_precision_loss, reason = "A handful of rows and columns.")]
    let covered = vec2(
        tile.x + step.x * (cols - 1) as f32,
        tile.y + step.y * (rows - 1) as f32,
    );
    let origin = bounds.center() - covered / 2.0;
    let mut tiles = Vec::with_capacity(cols * rows);
    for row in 0..rows {
        for col in 0..cols {
            #[expect(clippy::cast_precision_loss, reason = "small counts, exact in f32")]
            let min = origin + vec2(step.x * col as f32, step.y * row as f32);
            tiles.push((row, col, Rect::from_min_size(min, tile)));
        }
    }
    let body_rect = body(page);
    // The overview in the orientation that shows the whole map biggest.
    let whole = bounds.expand(20.0);
    let overview_page = orientations
        .iter()
        .copied()
        .max_by(|a, b| {
            let s = |p: Vec2| {
                let b = body(p);
                (b.width() / whole.width()).min(b.height() / whole.height())
            };
            s(*a).total_cmp(&s(*b))
        })
        .unwrap_or(A4);
    let overview = Sheet {
        page: overview_page,
        body: body(overview_page),
        view: shaped(whole, body(overview_page)),
        caption: format!(
            "Overview: the map on {} pages, taped along their marks",
            tiles.len()
        ),
        tiles: tiles
            .iter()
            .enumerate()
            .map(|(i, &(_, _, r))| (r, i + 2))
            .collect(),
        overlaps: Vec::new(),
    };
    let mut sheets = vec![overview];
    for &(row, col, view) in &tiles {
        let overlaps = tiles
            .iter()
            .filter(|&&(r, c, _)| (r, c) != (row, col))
            .map(|&(_, _, other)| view.intersect(other))
            .filter(Rect::is_positive)
            .collect();
        sheets.push(Sheet {
            page,
            body: body_rect,
            view,
            caption: format!(
                "Page {}: row {} of {rows}, column {} of {cols}",
                sheets.len() + 1,
                row + 1,
                col + 1
            ),
            tiles: Vec::new(),
            overlaps,
        });
    }
    Plan { sheets }
}

/// Starts the SVG document of a handout page of `page` size, in points:
/// white, in the cards' fonts.
pub(super) fn open_page(out: &mut String, page: Vec2) {
    let _ = writeln!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}" xml:space="preserve"><rect width="{w}" height="{h}" fill="#ffffff"/>"##,
        w = num(page.x),
        h = num(page.y),
    );
}

/// Page `index` of the handout as an SVG document: the header, `map_svg`
/// (the map drawn for this page's view at the body's size) in the body,
/// the overview's tiles or the tile's overlap marks, and the page number.
pub fn page_svg(map: &Map, plan: &Plan, index: usize, map_svg: &str) -> String {
    let Some(sheet) = plan.sheets.get(index) else {
        return String::new();
    };
    let (page, body) = (sheet.page, sheet.body);
    let mut out = String::with_capacity(map_svg.len() + 4000);
    open_page(&mut out, page);
    let ink = hex(style::POINTER_COLOR);
    let title = map.heading();
    let _ = writeln!(
        out,
        r##"<text x="{}" y="{}" font-size="17" font-weight="bold" fill="#1d2430">{}</text>"##,
        num(MARGIN),
        num(MARGIN + 17.0),
        escape(title),
    );
    let sources: Vec<String> = map
        .sources
        .values()
        .map(|s| match &s.author {
            Some(author) => format!("{author}, {}", s.title),
            None => s.title.clone(),
        })
        .collect();
    let source = if sources.is_empty() {
        String::new()
    } else {
        format!("Source: {}", sources.join("; "))
    };
    // The source, then what this page is, each on a line of its own.
    for (line, text) in [source.as_str(), sheet.caption.as_str()]
        .into_iter()
        .filter(|t| !t.is_empty())
        .enumerate()
    {
        #[expect(clippy::cast_precision_loss, reason = "Two lines.")]
        let y = MARGIN + 33.0 + 12.0 * line as f32;
        let _ = writeln!(
            out,
            r#"<text x="{}" y="{}" font-size="9.5" fill="{ink}">{}</text>"#,
            num(MARGIN),
            num(y),
            escape(&crate::words::one_line(text, 120)),
        );
    }
    // The map, in the body.
    let nested = map_svg.replacen(
        "<svg ",
        &format!(r#"<svg x="{}" y="{}" "#, num(body.min.x), num(body.min.y)),
        1,
    );
    out.push_str(&nested);
    let scale = sheet.scale();
    let to_page = |p: Pos2| body.min + (p - sheet.view.min) * scale;
    for &(tile, number) in &sheet.tiles {
        let r = Rect::from_two_pos(to_page(tile.min), to_page(tile.max)).intersect(body);
        let _ = writeln!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="{ink}" stroke-width="0.8" stroke-dasharray="4 3"/><text x="{}" y="{}" font-size="11" fill="{ink}">{number}</text>"#,
            num(r.min.x),
            num(r.min.y),
            num(r.width()),
            num(r.height()),
            num(r.min.x + 4.0),
            num(r.min.y + 13.0),
        );
    }
    for overlap in &sheet.overlaps {
        // The edge of the part a neighbour prints too: cut or fold here and
        // lay the next page over it.
        let r = Rect::from_two_pos(to_page(overlap.min), to_page(overlap.max)).intersect(body);
        let _ = writeln!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{ink}" fill-opacity="0.05" stroke="{ink}" stroke-width="0.6" stroke-dasharray="2 2"/>"#,
            num(r.min.x),
            num(r.min.y),
            num(r.width()),
            num(r.height()),
        );
    }
    let _ = writeln!(
        out,
        r#"<text x="{}" y="{}" font-size="8.5" fill="{ink}" text-anchor="end">{} of {} · Argmap</text></svg>"#,
        num(page.x - MARGIN),
        num(page.y - MARGIN),
        index + 1,
        plan.sheets.len(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_map_fills_one_page_in_the_orientation_that_suits_it() {
        let wide = plan(Rect::from_min_size(Pos2::ZERO, vec2(900.0, 300.0)));
        assert_eq!(wide.sheets.len(), 1);
        let sheet = &wide.sheets[0];
        assert!(sheet.page.x > sheet.page.y, "landscape for a wide map");
        // Filled: the map reaches the body's sides.
        assert!((900.0 * sheet.scale() - sheet.body.width()).abs() < 1.0);
        let tall = plan(Rect::from_min_size(Pos2::ZERO, vec2(300.0, 900.0)));
        assert!(
            tall.sheets[0].page.y > tall.sheets[0].page.x,
            "portrait for a tall map"
        );
        // A tiny map is enlarged, but not absurdly.
        let tiny = plan(Rect::from_min_size(Pos2::ZERO, vec2(100.0, 60.0)));
        assert!((tiny.sheets[0].scale() - MAX_SCALE).abs() < 1e-3);
    }

    #[test]
    fn every_page_carries_the_title_the_source_and_its_number() {
        let mut map = Map::new("Homework & rest");
        map.sources.insert(
            "a".to_owned(),
            crate::model::Source {
                title: "Sleep and school".to_owned(),
                author: Some("R. Okafor".to_owned()),
                ..crate::model::Source::default()
            },
        );
        let handout = plan(Rect::from_min_size(Pos2::ZERO, vec2(6000.0, 900.0)));
        let page = page_svg(&map, &handout, 1, "<svg width=\"1\" height=\"1\"></svg>");
        assert!(page.contains("Homework &amp; rest"));
        assert!(page.contains("Source: R. Okafor, Sleep and school"));
        assert!(page.contains("Page 2: row 1 of 1"));
        assert!(page.contains(&format!("2 of {} · Argmap", handout.sheets.len())));
        assert!(page.contains(r#"<svg x="32" y="90" width="1""#), "{page}");
    }

    #[test]
    fn a_large_map_is_tiled_with_overlaps_after_an_overview() {
        let bounds = Rect::from_min_size(Pos2::ZERO, vec2(6000.0, 2500.0));
        let handout = plan(bounds);
        assert!(handout.sheets.len() > 2);
        let overview = &handout.sheets[0];
        assert_eq!(overview.tiles.len(), handout.sheets.len() - 1);
        // The tiles cover the map, each readable, each overlapping a
        // neighbour.
        let covered = overview
            .tiles
            .iter()
            .map(|t| t.0)
            .reduce(Rect::union)
            .expect("tiles");
        assert!(covered.contains_rect(bounds));
        for (i, sheet) in handout.sheets.iter().enumerate().skip(1) {
            assert!(sheet.scale() * TEXT_SIZE >= MIN_TEXT_PT);
            assert!(!sheet.overlaps.is_empty());
            assert!(sheet.caption.starts_with(&format!("Page {}", i + 1)));
        }
    }
}
