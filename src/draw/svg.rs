//! The map as an SVG drawing: the canvas's cards, arrows, brackets and
//! labels, with text as real text, one `<text>` element per line of a card.
//!
//! Positions come from [`super::geometry`] and line breaks from
//! [`TextMeasure`], so the drawing matches the canvas line for line.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use egui::{Color32, Pos2, Rect, pos2, vec2};

use super::geometry::{self, HEADER_HEIGHT, LinkShape, PADDING};
use super::style;
use crate::measure::{CardText, Face, FittedTitle, Row, TextMeasure, card_texts};
use crate::model::{ClaimId, LinkKind, Map, Role, Target};

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
        let cards: BTreeMap<ClaimId, Rect> = map
            .claims
            .iter()
            .map(|(&id, claim)| {
                let height = texts.get(&id).map_or(0.0, |t| t.height);
                (
                    id,
                    geometry::card_rect(pos2(claim.pos.x, claim.pos.y), height),
                )
            })
            .collect();
        let links = geometry::link_shapes(map, &cards);
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
pub fn svg_of(
    map: &Map,
    texts: &BTreeMap<ClaimId, CardText>,
    measure: &mut TextMeasure,
    options: &SvgOptions,
) -> String {
    svg_of_scene(map, texts, &Scene::of(map, texts), measure, options)
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
    let mut out = String::with_capacity(600 + 900 * map.claims.len());
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
    highlights(&mut out, scene, &options.highlight);
    label_defs(&mut out, map, measure);
    out.push_str("<g class=\"links\">\n");
    let evaluation = options.evaluation.as_ref();
    for (id, shape) in &scene.links {
        let undercut = matches!(map.links.get(id).map(|l| l.target), Some(Target::Link(_)));
        let fails = evaluation.is_some_and(|e| e.link(*id) == crate::eval::Label::Out);
        if fails {
            let _ = write!(
                out,
                r#"<g class="fails" opacity="{}">"#,
                style::FAILED_LINK_OPACITY
            );
        }
        link(&mut out, *id, shape, undercut);
        if fails {
            out.push_str("</g>");
        }
    }
    out.push_str("</g>\n<g class=\"cards\">\n");
    for (id, rect) in &scene.cards {
        let Some(claim) = map.claims.get(id) else {
            continue;
        };
        let role = roles.get(id).copied().unwrap_or(Role::Free);
        // The card and its status in one group, by claim: what a page's
        // script shows, hides and points at.
        let _ = write!(out, r#"<g data-claim="{}">"#, id.0);
        if options.overview {
            let fitted = measure.fit_title(&claim.shown_title(), rect.size());
            title_card(&mut out, *rect, claim, &fitted, role);
        } else {
            let rows = texts.get(id).map_or(&[][..], |t| &t.rows[..]);
            card(&mut out, measure, *rect, claim, rows, role);
        }
        if let Some(evaluation) = evaluation {
            status(&mut out, measure, *rect, evaluation.claim(*id));
        }
        out.push_str("</g>\n");
    }
    out.push_str("</g>\n");
    for pointer in &options.pointers {
        edge_pointer(&mut out, view, pointer);
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
/// on the edge and the label beside it, sized to the view so it reads at
/// the size of the cards' text on the page.
fn edge_pointer(out: &mut String, view: Rect, pointer: &EdgePointer) {
    let size = view.width() / 60.0;
    let at = geometry::edge_point(view, pointer.toward, size * 1.5);
    let direction = (pointer.toward - at).normalized();
    let normal = direction.rot90();
    let tip = at + direction * size;
    let base = at - direction * size * 0.2;
    let _ = write!(
        out,
        r#"<g class="pointer"><polygon points="{},{} {},{} {},{}" fill="{}"/>"#,
        num(tip.x),
        num(tip.y),
        num(base.x + normal.x * size * 0.6),
        num(base.y + normal.y * size * 0.6),
        num(base.x - normal.x * size * 0.6),
        num(base.y - normal.y * size * 0.6),
        hex(style::POINTER_COLOR),
    );
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
    let label = geometry::pointer_label(
        view.shrink(size * 0.5),
        at,
        direction,
        vec2(width, height),
        size,
    );
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

fn link(out: &mut String, id: crate::model::LinkId, shape: &LinkShape, undercut: bool) {
    let color = hex(style::link_color(shape.kind, false));
    let _ = write!(out, r#"<g data-link="{}">"#, id.0);
    for &(a, b) in &shape.legs {
        line(out, a, b, &color, 2.0, None);
    }
    if let Some((a, b)) = shape.bar {
        line(out, a, b, &color, 4.0, None);
    }
    let dash = match shape.kind {
        LinkKind::Support => None,
        LinkKind::Attack => Some((geometry::DASH, geometry::DASH_PERIOD - geometry::DASH)),
    };
    if shape.bends.is_empty() {
        line(out, shape.from, shape.to, &color, 2.0, dash);
    } else {
        polyline(out, shape, &color, dash);
    }
    let direction = (shape.to - shape.head_from()).normalized();
    if direction.is_finite() {
        let normal = direction.rot90();
        let base = shape.to - direction * 12.0;
        let (p, q) = (base + normal * 6.0, base - normal * 6.0);
        let _ = write!(
            out,
            r#"<polygon points="{},{} {},{} {},{}" fill="{color}"/>"#,
            num(shape.to.x),
            num(shape.to.y),
            num(p.x),
            num(p.y),
            num(q.x),
            num(q.y),
        );
    }
    // The label: its pill, drawn once in the document's definitions.
    let _ = write!(
        out,
        r##"<use href="#{}" x="{}" y="{}"/>"##,
        label_id(shape.kind, undercut),
        num(shape.label.x),
        num(shape.label.y),
    );
    out.push_str("</g>\n");
}

/// The id of the definition of a link label's pill.
fn label_id(kind: LinkKind, undercut: bool) -> &'static str {
    match (kind, undercut) {
        (LinkKind::Support, false) => "label-because",
        (LinkKind::Attack, false) => "label-but",
        (LinkKind::Support, true) => "label-undercut-support",
        (LinkKind::Attack, true) => "label-undercut",
    }
}

/// The pills of the link labels `map` uses, centred on the origin, each
/// once: every link shows its own with a `<use>` where its label sits.
fn label_defs(out: &mut String, map: &Map, measure: &mut TextMeasure) {
    let mut used: Vec<(LinkKind, bool)> = map
        .links
        .values()
        .map(|l| (l.kind, matches!(l.target, Target::Link(_))))
        .collect();
    used.sort_by_key(|&(kind, undercut)| label_id(kind, undercut));
    used.dedup();
    if used.is_empty() {
        return;
    }
    out.push_str("<defs>");
    for (kind, undercut) in used {
        let color = hex(style::link_color(kind, false));
        let text = geometry::label_text(kind, undercut);
        let galley = measure.line(text, geometry::LINK_LABEL_SIZE);
        let rect = Rect::from_center_size(Pos2::ZERO, galley.size() + vec2(8.0, 2.0));
        let _ = write!(
            out,
            r##"<g id="{}"><rect x="{}" y="{}" width="{}" height="{}" rx="7" fill="#ffffff" stroke="{color}" stroke-width="1"/>"##,
            label_id(kind, undercut),
            num(rect.min.x + 0.5),
            num(rect.min.y + 0.5),
            num(rect.width() - 1.0),
            num(rect.height() - 1.0),
        );
        text_rows(
            out,
            &galley,
            rect.center() - galley.size() / 2.0,
            Look::Own(geometry::LINK_LABEL_SIZE, &color),
            "",
        );
        out.push_str("</g>");
    }
    out.push_str("</defs>\n");
}

/// A card's evaluation status: "✓ holds", "✗ fails" or "? open" on a pill
/// of its colour, as the canvas shows it.
fn status(out: &mut String, measure: &mut TextMeasure, card: Rect, label: crate::eval::Label) {
    let text = format!("{} {}", label.symbol(), label.word());
    let galley = measure.line(&text, geometry::STATUS_SIZE);
    let pill = geometry::status_pill(card, galley.size());
    let _ = write!(
        out,
        r#"<g class="status {}"><rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="{}"/>"#,
        label.word(),
        num(pill.min.x),
        num(pill.min.y),
        num(pill.width()),
        num(pill.height()),
        num(pill.height() / 2.0),
        hex(style::status_color(label, false)),
    );
    let origin = pill.center() - galley.size() / 2.0;
    text_rows(
        out,
        &galley,
        origin,
        Look::Own(geometry::STATUS_SIZE, "#ffffff"),
        "",
    );
    out.push_str("</g>\n");
}

fn line(out: &mut String, a: Pos2, b: Pos2, color: &str, width: f32, dash: Option<(f32, f32)>) {
    let _ = write!(
        out,
        r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{color}" stroke-width="{}""#,
        num(a.x),
        num(a.y),
        num(b.x),
        num(b.y),
        num(width),
    );
    if let Some((on, off)) = dash {
        let _ = write!(out, r#" stroke-dasharray="{} {}""#, num(on), num(off));
    }
    out.push_str("/>");
}

/// A detour's arrow as one line through its bends, with rounded corners.
fn polyline(out: &mut String, shape: &LinkShape, color: &str, dash: Option<(f32, f32)>) {
    out.push_str(r#"<polyline points=""#);
    let points = std::iter::once(shape.from)
        .chain(shape.bends.iter().copied())
        .chain(std::iter::once(shape.to));
    for (i, p) in points.enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let _ = write!(out, "{},{}", num(p.x), num(p.y));
    }
    let _ = write!(
        out,
        r#"" fill="none" stroke="{color}" stroke-width="2" stroke-linejoin="round""#
    );
    if let Some((on, off)) = dash {
        let _ = write!(out, r#" stroke-dasharray="{} {}""#, num(on), num(off));
    }
    out.push_str("/>");
}

/// The radius of a card's corners.
const CORNER: f32 = 8.0;
/// The width of the role stripe down a card's left edge.
const STRIPE: f32 = 5.0;

fn card(
    out: &mut String,
    measure: &mut TextMeasure,
    rect: Rect,
    claim: &crate::model::Claim,
    rows: &[Row],
    role: Role,
) {
    let card_style = card_frame(out, rect, claim, role);
    let local = Rect::from_min_size(Pos2::ZERO, rect.size());
    card_contents(out, measure, local, claim, rows, &card_style);
    out.push_str("</g>\n");
}

/// A card of an overview: its frame and its title, as large as it holds.
fn title_card(
    out: &mut String,
    rect: Rect,
    claim: &crate::model::Claim,
    fitted: &FittedTitle,
    role: Role,
) {
    let card_style = card_frame(out, rect, claim, role);
    let local = Rect::from_min_size(Pos2::ZERO, rect.size());
    fitted_rows(out, local, fitted, &hex(card_style.text));
    out.push_str("</g>\n");
}

/// The rows of a title fitted to the card at `rect`.
fn fitted_rows(out: &mut String, rect: Rect, fitted: &FittedTitle, color: &str) {
    for row in &fitted.rows {
        text_element(
            out,
            rect.min + row.baseline,
            Look::Own(fitted.size, color),
            row.width,
            TITLE_ATTRIBUTES,
            &row.text,
        );
    }
}

/// Each card's title set as large as the card holds, as the canvas shows
/// cards zoomed out: a layer of its own (`class="overview-titles"`), one
/// group per claim (`data-title`), for a page that shows it only when its
/// reader zooms out.
pub fn overview_titles(map: &Map, scene: &Scene, measure: &mut TextMeasure) -> String {
    let roles = Role::all(map);
    let mut out = String::from("<g class=\"overview-titles\">\n");
    for (id, rect) in &scene.cards {
        let Some(claim) = map.claims.get(id) else {
            continue;
        };
        let role = roles.get(id).copied().unwrap_or(Role::Free);
        let color = hex(style::card_style(role, claim.kind, false).text);
        let fitted = measure.fit_title(&claim.shown_title(), rect.size());
        let _ = write!(out, r#"<g data-title="{}">"#, id.0);
        fitted_rows(&mut out, *rect, &fitted, &color);
        out.push_str("</g>\n");
    }
    out.push_str("</g>\n");
    out
}

/// Opens a card's group and draws its body: fill, border and the role
/// stripe. Gives the card's colours.
fn card_frame(
    out: &mut String,
    rect: Rect,
    claim: &crate::model::Claim,
    role: Role,
) -> style::CardStyle {
    let card_style = style::card_style(role, claim.kind, false);
    let accent = hex(card_style.accent);
    let border = if role == Role::Thesis { 3.0 } else { 1.2 };
    // Everything in the card is drawn from its top left corner, and its
    // rows take the card's text size and colour from the group: a map's
    // file says each of them once per card, not once per row.
    let _ = write!(
        out,
        r#"<g class="card {}" transform="translate({} {})" font-size="{}" fill="{}">"#,
        role.label().to_lowercase().replace(' ', "-"),
        num(rect.min.x),
        num(rect.min.y),
        num(geometry::TEXT_SIZE),
        hex(card_style.text),
    );
    let size = rect.size();
    // SVG strokes straddle the outline; the canvas draws them inside.
    let _ = write!(
        out,
        r#"<rect x="{b}" y="{b}" width="{}" height="{}" rx="8" fill="{}" stroke="{accent}" stroke-width="{}"/>"#,
        num(size.x - border),
        num(size.y - border),
        hex(card_style.fill),
        num(border),
        b = num(border / 2.0),
    );
    // The stripe down the left edge, inside the card's rounded corners:
    // from where the top corner's arc meets the stripe's edge, down to
    // where the bottom one does.
    let dip = CORNER - (CORNER * CORNER - (CORNER - STRIPE) * (CORNER - STRIPE)).sqrt();
    let _ = write!(
        out,
        r#"<path d="M0 {r}A{r} {r} 0 0 1 {s} {}V{}A{r} {r} 0 0 1 0 {}Z" fill="{accent}"/>"#,
        num(dip),
        num(size.y - dip),
        num(size.y - CORNER),
        r = num(CORNER),
        s = num(STRIPE),
    );
    card_style
}

/// The role label, citation badge and text rows of a card whose group
/// [`card_frame`] opened.
fn card_contents(
    out: &mut String,
    measure: &mut TextMeasure,
    rect: Rect,
    claim: &crate::model::Claim,
    rows: &[Row],
    card_style: &style::CardStyle,
) {
    let accent = hex(card_style.accent);
    let label = measure.line(&card_style.label, geometry::LABEL_SIZE);
    text_rows(
        out,
        &label,
        rect.min + vec2(PADDING.x, PADDING.y - 1.0),
        Look::Own(geometry::LABEL_SIZE, &accent),
        "",
    );
    if let Some(badge) = claim
        .source
        .as_ref()
        .and_then(crate::model::Citation::label)
    {
        let badge = measure.line(&badge, geometry::LABEL_SIZE);
        let badge_rect = Rect::from_min_size(
            pos2(
                rect.right() - PADDING.x - badge.size().x - 6.0,
                rect.top() + PADDING.y - 2.0,
            ),
            badge.size() + vec2(6.0, 1.0),
        );
        let _ = write!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="4" fill="none" stroke="{accent}" stroke-width="1"/>"#,
            num(badge_rect.min.x + 0.5),
            num(badge_rect.min.y + 0.5),
            num(badge_rect.width() - 1.0),
            num(badge_rect.height() - 1.0),
        );
        text_rows(
            out,
            &badge,
            badge_rect.min + vec2(3.0, 0.5),
            Look::Own(geometry::LABEL_SIZE, &accent),
            "",
        );
    }
    let origin = rect.min + vec2(PADDING.x, PADDING.y + HEADER_HEIGHT);
    for row in rows {
        row_element(out, pos2(origin.x, origin.y + row.baseline), row);
    }
}

/// One `<text>` per row of `galley`, placed as egui places it from
/// `origin`; empty rows are left out.
fn text_rows(out: &mut String, galley: &egui::Galley, origin: Pos2, look: Look<'_>, extra: &str) {
    for placed in &galley.rows {
        let Some(first) = placed.row.glyphs.first() else {
            continue;
        };
        let text = placed.row.text();
        let text = text.trim_end();
        if text.is_empty() {
            continue;
        }
        let at = origin + placed.pos.to_vec2() + first.pos.to_vec2();
        text_element(out, at, look, placed.rect().width(), extra, text);
    }
}

/// A `<text>` at baseline `at`, held to the `width` it has on the canvas:
/// a viewer without the canvas's font draws it in another, which may run
/// wider, and `textLength` keeps every line inside its card.
fn text_element(out: &mut String, at: Pos2, look: Look<'_>, width: f32, extra: &str, text: &str) {
    let _ = write!(out, r#"<text x="{}" y="{}"{look}"#, num(at.x), num(at.y));
    let _ = write!(
        out,
        r#" textLength="{}" lengthAdjust="spacingAndGlyphs"{extra}>"#,
        num(width),
    );
    push_escaped(out, text);
    out.push_str("</text>");
}

/// The size and colour of a text: its own, or those of the group it is in
/// (a card's group gives its rows the card's text size and colour).
#[derive(Clone, Copy)]
enum Look<'a> {
    /// Its own size and colour.
    Own(f32, &'a str),
    /// The group's.
    Inherited,
}

impl std::fmt::Display for Look<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Own(size, color) => write!(f, r#" font-size="{}" fill="{color}""#, num(*size)),
            Self::Inherited => Ok(()),
        }
    }
}

/// How a title's row is set: in the bundled bold face (`DejaVu Sans Bold`),
/// or any bold sans-serif a viewer has.
const TITLE_ATTRIBUTES: &str = " class=\"claim title\" font-weight=\"bold\" font-family=\"'DejaVu Sans', 'Noto Sans', sans-serif\"";

/// The family of the bundled Hebrew–Arabic font.
const RIGHT_TO_LEFT_FAMILY: &str = "DejaVu Sans";

/// A row of claim text as a `<text>` at baseline `at`, still in reading
/// order (the viewer's shaper orders and joins it). A row with
/// right-to-left text is written as its pieces, each a `<tspan>` held to
/// its own width, the right-to-left ones set in the Hebrew–Arabic font:
/// so each is shaped by one font that has all of it (resvg mixes fonts
/// glyph by glyph otherwise, which breaks joined Arabic and Persian), and
/// a length set on the whole row cannot stretch one piece over the rest.
fn row_element(out: &mut String, at: Pos2, row: &Row) {
    let class = match row.face {
        Face::Text => " class=\"claim\"",
        Face::Title => TITLE_ATTRIBUTES,
    };
    if row.pieces.is_empty() {
        text_element(out, at, Look::Inherited, row.width, class, &row.text);
        return;
    }
    let _ = write!(out, r#"<text x="{}" y="{}"{class}>"#, num(at.x), num(at.y));
    for piece in &row.pieces {
        let Some(text) = row.text.get(piece.range.clone()) else {
            continue;
        };
        let family = if piece.right_to_left {
            format!(r#" font-family="{RIGHT_TO_LEFT_FAMILY}""#)
        } else {
            String::new()
        };
        let _ = write!(
            out,
            r#"<tspan textLength="{}" lengthAdjust="spacingAndGlyphs"{family}>"#,
            num(piece.width),
        );
        push_escaped(out, text);
        out.push_str("</tspan>");
    }
    out.push_str("</text>");
}

/// A number as SVG wants it: short (two decimals at most), and never
/// `NaN` or `inf`; written straight into the document, with no string of
/// its own.
pub(super) fn num(x: f32) -> Num {
    Num(x)
}

/// See [`num`].
#[derive(Clone, Copy)]
pub(super) struct Num(f32);

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if !self.0.is_finite() {
            return f.write_str("0");
        }
        // In hundredths, as a whole number: exact for any map coordinate,
        // and far quicker to write than a float.
        #[expect(
            clippy::cast_possible_truncation,
            reason = "a finite f32 times 100 fits an i64, saturating at worst"
        )]
        let hundredths = (f64::from(self.0) * 100.0).round() as i64;
        let sign = if hundredths < 0 { "-" } else { "" };
        let (whole, part) = (
            hundredths.unsigned_abs() / 100,
            hundredths.unsigned_abs() % 100,
        );
        match part {
            0 => write!(f, "{sign}{whole}"),
            _ if part % 10 == 0 => write!(f, "{sign}{whole}.{}", part / 10),
            _ => write!(f, "{sign}{whole}.{part:02}"),
        }
    }
}

pub(super) fn hex(color: Color32) -> String {
    format!("#{:02x}{:02x}{:02x}", color.r(), color.g(), color.b())
}

/// `text` safe inside XML: markup characters escaped, and characters XML
/// cannot hold (most control characters) shown as U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// [`escape`], written at the end of `out`.
fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::num;

    #[test]
    fn numbers_are_short_and_exact_to_the_hundredth() {
        let written: Vec<String> = [
            1.5,
            -0.001,
            73_699.25,
            12.345,
            0.1,
            f32::NAN,
            f32::INFINITY,
            100.0,
            -19_097.625,
            -0.5,
            3.07,
        ]
        .iter()
        .map(|&x| num(x).to_string())
        .collect();
        assert_eq!(
            written,
            [
                "1.5",
                "0",
                "73699.25",
                "12.35",
                "0.1",
                "0",
                "0",
                "100",
                "-19097.63",
                "-0.5",
                "3.07"
            ]
        );
    }
}
