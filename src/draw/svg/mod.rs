//! The map as an SVG drawing: the canvas's cards, arrows, brackets and
//! labels, with text as real text, one `<text>` element per line of a card.
//!
//! Positions come from [`super::geometry`] and line breaks from
//! [`TextMeasure`], so the drawing matches the canvas line for line.

mod backdrop;
mod cards;
mod links;
mod text;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use egui::{Pos2, Rect, pos2, vec2};

pub use backdrop::Backdrop;
pub use cards::overview_titles;
pub use text::escape;
pub(crate) use text::{hex, num};

use super::framing;
use super::geometry::{self, LinkShape};
use super::style;
use crate::measure::{CardText, TextMeasure, card_texts};
use crate::model::{ClaimId, Map, Role};

/// Space around the map, in map units.
pub const MARGIN: f32 = 40.0;

/// The fonts a viewer should use, in order: the canvas's own font first,
/// then common fonts with wide coverage, then CJK fonts, so every glyph
/// finds a face on any system.
pub const FONT_FAMILY: &str = "Ubuntu, 'Ubuntu Light', 'Noto Sans', 'DejaVu Sans', \
'Droid Sans Fallback', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', \
'Microsoft YaHei', sans-serif";

/// What to draw behind the map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Background {
    /// Opaque white, for documents and slides.
    #[default]
    White,
    /// Nothing: the map over whatever it is placed on.
    Transparent,
}

/// How to draw the map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SvgOptions {
    /// What is behind the map.
    pub background: Background,
    /// Fit the map into a page of this size (in points), centred, instead
    /// of drawing it at its natural size; the page turns to portrait when
    /// the map is taller than wide.
    pub page: Option<(f32, f32)>,
    /// Show this part of the map (in map units) on the page, as a camera
    /// would, instead of all of it; the page keeps its orientation.
    pub view: Option<Rect>,
    /// Claims drawn with a glow behind them: the step being presented.
    pub highlight: std::collections::BTreeSet<ClaimId>,
    /// Statuses to show: each card's as a word and a symbol, failing links
    /// faded.
    pub evaluation: Option<crate::eval::Evaluation>,
    /// Claims outside the view to point at from its edge, with a label:
    /// what a presented step answers, when it is too far to show readably.
    pub pointers: Vec<EdgePointer>,
    /// Each card shows only its title, set as large as the card holds (as
    /// the canvas shows a map zoomed out): a whole large case that reads
    /// on one page.
    pub overview: bool,
    /// A flow's columns, titles and marks around the cards.
    pub backdrop: Backdrop,
}

/// The label of a pointer toward what a presented step answers:
/// "answers #3: Homework should…".
pub fn pointer_text(map: &Map, context: &crate::model::present::Context) -> String {
    let text = map
        .claims
        .get(&context.claim)
        .map(|c| crate::words::one_line(&c.text, 40))
        .unwrap_or_default();
    format!("{} #{}: {text}", context.relation, context.claim.0)
}

/// A labelled marker at the edge of the view, pointing toward a card
/// outside it.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgePointer {
    /// The middle of the card pointed at, in map units.
    pub toward: egui::Pos2,
    /// The label ("answers: …").
    pub text: String,
}

/// Where everything goes, worked out once for all drawings of a map.
#[derive(Debug)]
pub struct Scene {
    /// Each claim's card, in map units.
    pub cards: BTreeMap<ClaimId, Rect>,
    /// Each link's arrow, brackets and anchor.
    pub links: BTreeMap<crate::model::LinkId, LinkShape>,
    /// The area the drawing covers, margin included.
    pub bounds: Rect,
}

impl Scene {
    /// Lays out `map` as the canvas does, with its claims' `texts`.
    pub fn of(map: &Map, texts: &BTreeMap<ClaimId, CardText>) -> Self {
        let cards = Self::cards_of(map, texts);
        let links = geometry::link_shapes(map, &cards);
        Self::of_parts(cards, links)
    }

    /// Each claim's card, with its claims' `texts`.
    fn cards_of(map: &Map, texts: &BTreeMap<ClaimId, CardText>) -> BTreeMap<ClaimId, Rect> {
        map.claims
            .iter()
            .map(|(&id, claim)| {
                let height = texts.get(&id).map_or(0.0, |t| t.height);
                (
                    id,
                    geometry::card_rect(pos2(claim.pos.x, claim.pos.y), height),
                )
            })
            .collect()
    }

    /// The scene of `cards` and the `links` laid out between them.
    fn of_parts(
        cards: BTreeMap<ClaimId, Rect>,
        links: BTreeMap<crate::model::LinkId, LinkShape>,
    ) -> Self {
        let mut bounds = geometry::bounds(&cards).unwrap_or(Rect::from_min_size(
            Pos2::ZERO,
            vec2(geometry::CARD_WIDTH, 60.0),
        ));
        for shape in links.values() {
            bounds = bounds.union(shape.bounds());
        }
        Self {
            cards,
            links,
            bounds: bounds.expand(MARGIN),
        }
    }
}

/// `map` drawn as an SVG document.
pub fn svg(map: &Map, measure: &mut TextMeasure, options: &SvgOptions) -> String {
    let texts = card_texts(map, measure);
    svg_of(map, &texts, measure, options)
}

/// `map` drawn as an SVG document, its claims' text already laid out.
/// The links are laid out while the cards are written, on two cores.
pub fn svg_of(
    map: &Map,
    texts: &BTreeMap<ClaimId, CardText>,
    measure: &mut TextMeasure,
    options: &SvgOptions,
) -> String {
    let cards = Scene::cards_of(map, texts);
    let roles = Role::all(map);
    let measured = cards::Measured::of(map, &cards, &roles, options, measure);
    let (links, card_layer) = rayon::join(
        || geometry::link_shapes(map, &cards),
        || cards::layer(map, texts, &cards, &roles, &measured, options),
    );
    let scene = Scene::of_parts(cards, links);
    document(map, &scene, &card_layer, measure, options)
}

/// `map` drawn as an SVG document, laid out already as `scene` (from the
/// same `texts`): for a caller that needs the scene for more than the
/// drawing.
pub fn svg_of_scene(
    map: &Map,
    texts: &BTreeMap<ClaimId, CardText>,
    scene: &Scene,
    measure: &mut TextMeasure,
    options: &SvgOptions,
) -> String {
    let roles = Role::all(map);
    let measured = cards::Measured::of(map, &scene.cards, &roles, options, measure);
    let card_layer = cards::layer(map, texts, &scene.cards, &roles, &measured, options);
    document(map, scene, &card_layer, measure, options)
}

/// The whole document around the layer of cards: its frame, the links
/// and the pointers.
fn document(
    map: &Map,
    scene: &Scene,
    card_layer: &str,
    measure: &mut TextMeasure,
    options: &SvgOptions,
) -> String {
    // With a page, the map is shrunk to fit it (never enlarged: text stays
    // at its size on small maps) and centred.
    let (view, width, height) = match (options.page, options.view) {
        (Some((w, h)), Some(view)) => (view, w, h),
        (None, Some(view)) => (view, view.width(), view.height()),
        (Some((long, short)), None) => {
            let b = scene.bounds;
            let (w, h) = if b.height() > b.width() {
                (long.min(short), long.max(short))
            } else {
                (long.max(short), long.min(short))
            };
            let scale = (b.width() / w).max(b.height() / h).max(1.0);
            (Rect::from_center_size(b.center(), vec2(w, h) * scale), w, h)
        }
        (None, None) => (scene.bounds, scene.bounds.width(), scene.bounds.height()),
    };
    let mut out = String::with_capacity(card_layer.len() + 600 + 500 * map.links.len());
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{}" height="{}" viewBox="{} {} {} {}" font-family="{}" xml:space="preserve">"#,
        num(width),
        num(height),
        num(view.min.x),
        num(view.min.y),
        num(view.width()),
        num(view.height()),
        FONT_FAMILY,
    );
    let title = if map.title.is_empty() {
        "Argument map"
    } else {
        &map.title
    };
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    if options.background == Background::White {
        let _ = writeln!(
            out,
            r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#ffffff"/>"##,
            num(view.min.x),
            num(view.min.y),
            num(view.width()),
            num(view.height()),
        );
    }
    backdrop::under(&mut out, &options.backdrop);
    highlights(&mut out, scene, &options.highlight);
    let looks = links::Looks::of(map, &scene.links, options.evaluation.as_ref());
    links::label_defs(&mut out, &looks, measure);
    out.push_str(&links::layer(&looks, &scene.links));
    out.push_str(card_layer);
    backdrop::marks(&mut out, &options.backdrop, &scene.cards);
    // Each label clear of the cards on show and of the labels before it.
    let mut avoid: Vec<Rect> = scene
        .cards
        .values()
        .filter(|card| card.intersects(view))
        .copied()
        .collect();
    for pointer in &options.pointers {
        if let Some(label) = edge_pointer(&mut out, view, pointer, &avoid) {
            avoid.push(label);
        }
    }
    out.push_str("</svg>\n");
    out
}

/// The glow behind each card of `highlight` (the step being presented).
fn highlights(out: &mut String, scene: &Scene, highlight: &std::collections::BTreeSet<ClaimId>) {
    if !highlight.is_empty() {
        out.push_str("<g class=\"highlight\">");
        for rect in highlight.iter().filter_map(|id| scene.cards.get(id)) {
            let glow = rect.expand(7.0);
            let _ = write!(
                out,
                r#"<rect x="{}" y="{}" width="{}" height="{}" rx="12" fill="{}"/>"#,
                num(glow.min.x),
                num(glow.min.y),
                num(glow.width()),
                num(glow.height()),
                hex(style::search_color(false)),
            );
        }
        out.push_str("</g>\n");
    }
}

/// A pointer at the edge of `view` toward a card outside it: an arrow head
/// on the edge and the label beside it, set as large as the cards' text on
/// a slide and clear of every rectangle of `avoid`; the label's box, when
/// there was room for one.
fn edge_pointer(
    out: &mut String,
    view: Rect,
    pointer: &EdgePointer,
    avoid: &[Rect],
) -> Option<Rect> {
    let size = view.height() * framing::SLIDE_TEXT_SHARE;
    let edge = framing::edge_point(view, pointer.toward, size * 1.5);
    // The label by the edge, beside the arrow, in a few short lines so it
    // stays clear of the step in the middle.
    let lines = short_lines(&pointer.text, POINTER_LINE_CHARS);
    let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    #[expect(
        clippy::cast_precision_loss,
        reason = "A few dozen letters, a few lines."
    )]
    let (width, height) = (
        longest as f32 * size * 0.56 + size,
        lines.len() as f32 * size * 1.3 + size * 0.6,
    );
    let place = framing::pointer_place(
        view.shrink(size * 0.5),
        edge,
        vec2(width, height),
        size,
        size * 2.0,
        avoid,
    );
    let [tip, left, right] =
        framing::arrow_head(place.map_or(edge, |p| p.at), pointer.toward, size);
    let _ = write!(
        out,
        r#"<g class="pointer"><polygon points="{},{} {},{} {},{}" fill="{}"/>"#,
        num(tip.x),
        num(tip.y),
        num(left.x),
        num(left.y),
        num(right.x),
        num(right.y),
        hex(style::POINTER_COLOR),
    );
    let Some(framing::PointerPlace { label, .. }) = place else {
        out.push_str("</g>\n");
        return None;
    };
    let _ = write!(
        out,
        r##"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="#ffffff" stroke="{}"/><text font-size="{}" fill="{}">"##,
        num(label.min.x),
        num(label.min.y),
        num(label.width()),
        num(label.height()),
        num(size * 0.4),
        hex(style::POINTER_COLOR),
        num(size),
        hex(style::POINTER_COLOR),
    );
    for (i, line) in lines.iter().enumerate() {
        #[expect(clippy::cast_precision_loss, reason = "A few lines.")]
        let y = label.min.y + size * 0.3 + size * 1.3 * (i as f32 + 0.8);
        let _ = write!(
            out,
            r#"<tspan x="{}" y="{}">{}</tspan>"#,
            num(label.min.x + size * 0.5),
            num(y),
            escape(line)
        );
    }
    out.push_str("</text></g>\n");
    Some(label)
}

/// The longest line of a pointer's label, in letters.
const POINTER_LINE_CHARS: usize = 26;

/// `text` in lines of at most about `width` letters, broken between words.
fn short_lines(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}
