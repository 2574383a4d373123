//! How the map looks on the canvas: cards with their role, citation and
//! badges, links with arrows and labels, and the plain blocks and lines of
//! a map seen from far away.

use egui::emath::TSTransform;
use egui::epaint::TextShape;
use egui::{
    Align2, Color32, CornerRadius, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Ui,
    Vec2, pos2, vec2,
};

use super::lod::{BLOCKS_ZOOM, Level};
use super::{Drawn, Frame, View};
use crate::card::PADDING;
use crate::draw::geometry::{self, LinkShape};
use crate::draw::link_look::{LinkLook, Standing};
use crate::draw::style;
use crate::measure::{DrawnCard, FittedTitle, display_order};
use crate::model::{Claim, Role};

/// The smallest size, in screen points, of a block or a line when zoomed
/// far out, so a huge map is still visible as a whole.
const MIN_BLOCK_PTS: f32 = 2.0;

/// What of a card's text to paint: a field being typed in draws its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Typed {
    /// Nothing is typed: title and text.
    Neither,
    /// The text is typed: the title only.
    Text,
    /// The title is typed: the text only, a title's row down (where the
    /// title will be) when the claim has none yet.
    Title,
}

/// A card's title (bold) and its text, from `drawn`, but for the part
/// being `typed`: the rows of the measurement that layout and exports
/// share, so nothing is wrapped again.
pub(super) fn card_text(ui: &Ui, card: Rect, drawn: &DrawnCard, typed: Typed, color: Color32) {
    let origin = text_origin(card);
    let painter = ui.painter();
    if !drawn.title.is_empty() && typed != Typed::Title {
        let title = painter.layout_no_wrap(
            drawn.title.clone(),
            crate::measure::title_font(),
            Color32::PLACEHOLDER,
        );
        painter.galley(origin, title, color);
    }
    if typed == Typed::Text {
        return;
    }
    let text = painter.layout_no_wrap(
        drawn.text.clone(),
        crate::measure::text_font(),
        Color32::PLACEHOLDER,
    );
    let below = if typed == Typed::Title && drawn.title_height == 0.0 {
        title_row_height(painter)
    } else {
        drawn.title_height
    };
    painter.galley(origin + vec2(0.0, below), text, color);
}

/// The height of a title's row on a card, with the gap below it.
pub(super) fn title_row_height(painter: &Painter) -> f32 {
    let row = painter.layout_no_wrap(
        "Ag".to_owned(),
        crate::measure::title_font(),
        Color32::PLACEHOLDER,
    );
    row.size().y + crate::measure::TITLE_GAP
}

/// The links on screen: arrows with their "because" / "but" labels, or
/// plain lines in one mesh when zoomed far out.
pub(super) fn links(
    painter: &Painter,
    shown: Drawn<'_>,
    frame: &Frame<'_>,
    view: &View,
    dark: bool,
) {
    let map = shown.map;
    // Zoomed far out, every link is a thin line in one mesh.
    let mut lines = egui::Mesh::default();
    for (&id, shape) in &frame.index.links {
        if !shape.bounds().expand(20.0).intersects(frame.visible_rect) {
            continue;
        }
        if frame.level == Level::Blocks {
            let color = Standing::of(shown.evaluation, id).color(shape.kind, dark);
            let width = (1.0 / frame.zoom.max(f32::EPSILON)).max(1.0 / frame_zoom_floor());
            for (a, b) in shape.segments() {
                line_quad(&mut lines, a, b, width, color);
            }
            for &(a, b) in &shape.legs {
                line_quad(&mut lines, a, b, width, color);
            }
            if let Some((a, b)) = shape.bar {
                line_quad(&mut lines, a, b, width, color);
            }
            continue;
        }
        let Some(look) = LinkLook::of(map, id, shown.evaluation) else {
            continue;
        };
        let color = look.color(dark);
        let selected = view.selection.link == Some(id);
        // As thick as the link weighs; thicker when selected.
        let width = if selected {
            look.width + 1.5
        } else {
            look.width
        };
        let stroke = Stroke::new(width, color);
        if selected {
            let halo = Stroke::new(
                width + 4.0,
                style::selection_color(dark).gamma_multiply(0.45),
            );
            for (a, b) in shape.segments() {
                painter.line_segment([a, b], halo);
            }
        }
        for &(a, b) in &shape.legs {
            painter.line_segment([a, b], Stroke::new(2.0, color));
        }
        if let Some((a, b)) = shape.bar {
            painter.line_segment([a, b], Stroke::new(4.0, color));
        }
        for (from, to) in shape.segments() {
            match look.dash() {
                None => {
                    painter.line_segment([from, to], stroke);
                }
                // Attacks are dashed (the cue besides colour), failing
                // links dotted, and only the part on screen: a long link
                // would be thousands of dashes.
                Some((on, off)) => dashed(painter, from, to, stroke, (on, off), frame),
            }
        }
        arrow_head(painter, shape.head_from(), shape.to, color);
        // Zoomed out to titles, the labels would not read: the colour and
        // the dashes say support or attack.
        if frame.level == Level::Text {
            link_label(painter, shape, &look, dark);
            for at in geometry::and_marks(shape) {
                pill(painter, at, geometry::AND.to_owned(), color, 1.0, dark);
            }
        }
    }
    if !lines.is_empty() {
        painter.add(lines);
    }
}

/// Line width, in map units, of links drawn as plain lines: wide enough to
/// stay visible at the lowest zoom.
fn frame_zoom_floor() -> f32 {
    BLOCKS_ZOOM
}

/// A straight line from `a` to `b` as two triangles in `mesh`.
fn line_quad(mesh: &mut egui::Mesh, a: Pos2, b: Pos2, width: f32, color: Color32) {
    let direction = (b - a).normalized();
    if !direction.is_finite() {
        return;
    }
    let side = direction.rot90() * (width / 2.0);
    let base = u32::try_from(mesh.vertices.len()).unwrap_or(u32::MAX);
    for p in [a + side, a - side, b + side, b - side] {
        mesh.colored_vertex(p, color);
    }
    mesh.add_triangle(base, base + 1, base + 2);
    mesh.add_triangle(base + 1, base + 3, base + 2);
}

/// Cards as plain coloured blocks, in one mesh, when text would be too
/// small to read: the shape of the argument stays visible at any size.
/// With the evaluation shown, the lower half of each block takes the colour
/// of its status, so what stands can be seen across a whole map.
pub(super) fn blocks(
    painter: &Painter,
    shown: Drawn<'_>,
    frame: &Frame<'_>,
    view: &View,
    dark: bool,
) {
    let map = shown.map;
    let mut mesh = egui::Mesh::default();
    let selection = style::selection_color(dark);
    for id in &frame.visible {
        // Cards whose title reads are drawn as cards.
        if frame.titles.contains_key(id) {
            continue;
        }
        let (Some(&rect), Some(claim)) = (frame.index.cards.get(id), map.claims.get(id)) else {
            continue;
        };
        let role = frame.index.roles.get(id).copied().unwrap_or(Role::Free);
        let card_style = style::card_style(role, claim.kind, dark);
        // Never thinner than a couple of screen points.
        let least = MIN_BLOCK_PTS / frame.zoom.max(f32::EPSILON);
        let rect = Rect::from_center_size(rect.center(), rect.size().max(Vec2::splat(least)));
        // Search matches and the claims citing a clicked paragraph glow
        // at every zoom, blocks included.
        let spotlit = shown.marks.spotlight.contains(id);
        if shown.marks.found.contains(id) || spotlit {
            let (grow, alpha) = if spotlit { (9.0, 1.0) } else { (7.0, 0.7) };
            mesh.add_colored_rect(
                rect.expand(grow / frame.zoom.max(f32::EPSILON)),
                style::search_color(dark).gamma_multiply(alpha),
            );
        }
        if view.selection.claims.contains(id) {
            mesh.add_colored_rect(rect.expand(12.0), selection);
        }
        mesh.add_colored_rect(rect, card_style.accent);
        let inside = rect.shrink(10.0);
        mesh.add_colored_rect(inside, card_style.fill);
        if let Some(evaluation) = shown.evaluation {
            let band = Rect::from_min_max(pos2(inside.min.x, inside.center().y), inside.max);
            mesh.add_colored_rect(band, style::status_color(evaluation.claim(*id), dark));
        }
    }
    painter.add(mesh);
}

fn arrow_head(painter: &Painter, from: Pos2, to: Pos2, color: Color32) {
    let direction = (to - from).normalized();
    if !direction.is_finite() {
        return;
    }
    let normal = direction.rot90();
    let base = to - direction * 12.0;
    painter.add(Shape::convex_polygon(
        vec![to, base + normal * 6.0, base - normal * 6.0],
        color,
        Stroke::NONE,
    ));
}

/// The part of the segment from `from` to `to` on screen, dashed `on`,
/// `off`. The dashes start on the segment's own pattern, so they stay put
/// while the view pans.
fn dashed(
    painter: &Painter,
    from: Pos2,
    to: Pos2,
    stroke: Stroke,
    (on, off): (f32, f32),
    frame: &Frame<'_>,
) {
    let Some((a, b)) = geometry::clip_segment(from, to, frame.visible_rect.expand(50.0)) else {
        return;
    };
    let period = on + off;
    let direction = (to - from).normalized();
    let skipped = ((a - from).length() / period).floor() * period;
    let start = if direction.is_finite() {
        from + direction * skipped
    } else {
        a
    };
    painter.extend(Shape::dashed_line(&[start, b], stroke, on, off));
}

/// The link's label, as people read it aloud ("because · strong"), or
/// what stops it ("✗ does not follow").
fn link_label(painter: &Painter, shape: &LinkShape, look: &LinkLook, dark: bool) {
    // A failing link's pill has a heavier border: it is the mark, where
    // the line's colour cannot be.
    let border = if look.fails() { 1.6 } else { 1.0 };
    pill(
        painter,
        shape.label,
        look.words_on(shape),
        look.color(dark),
        border,
        dark,
    );
}

/// Words on a pill of a link's colour, centred on `at`: a link's label, or
/// "and" on the bar of linked premises.
fn pill(painter: &Painter, at: Pos2, words: String, color: Color32, border: f32, dark: bool) {
    let galley = painter.layout_no_wrap(
        words,
        FontId::proportional(geometry::LINK_LABEL_SIZE),
        color,
    );
    let rect = Rect::from_center_size(at, galley.size() + vec2(8.0, 2.0));
    painter.rect(
        rect,
        CornerRadius::same(7),
        style::link_label_fill(dark),
        Stroke::new(border, color),
        StrokeKind::Inside,
    );
    painter.galley(rect.center() - galley.size() / 2.0, galley, color);
}

/// Where a card's text starts.
pub(super) fn text_origin(card: Rect) -> Pos2 {
    card.min + crate::card::text_offset()
}

/// The pill under a folded card: how many claims its fold hides.
pub(super) fn fold_badge(
    painter: &Painter,
    card: Rect,
    hidden: usize,
    card_style: &style::CardStyle,
    zoom: f32,
) {
    let text = format!("+{hidden} folded");
    // Readable when zoomed out: it grows in map units as the map shrinks.
    let size = geometry::LABEL_SIZE / zoom.clamp(0.4, 1.0);
    let galley = painter.layout_no_wrap(text, FontId::proportional(size), style::ON_COLOR);
    let pill = Rect::from_center_size(
        card.center_bottom() + vec2(0.0, galley.size().y / 2.0 + 4.0),
        galley.size() + vec2(12.0, 4.0),
    );
    painter.rect_filled(pill, CornerRadius::same(8), card_style.accent);
    painter.galley(pill.center() - galley.size() / 2.0, galley, style::ON_COLOR);
}

/// A card not presented yet: a veil of the canvas's own colour over it.
pub(super) fn veil(ui: &Ui, rect: Rect) {
    ui.painter().rect_filled(
        rect.expand(2.0),
        CornerRadius::same(6),
        ui.visuals().extreme_bg_color.gamma_multiply(0.8),
    );
}

/// The glow behind a card that matches the search, a few screen points
/// wide at any zoom; stronger on the current match.
pub(super) fn glow(painter: &Painter, rect: Rect, zoom: f32, current: bool, dark: bool) {
    let (grow, alpha) = if current { (7.0, 1.0) } else { (5.0, 0.6) };
    painter.rect_filled(
        rect.expand(grow / zoom.max(0.05)),
        CornerRadius::same(12),
        style::search_color(dark).gamma_multiply(alpha),
    );
}

/// A card's frame (see [`card_frame`]) with its role label and citation
/// badge along the top.
#[expect(
    clippy::too_many_arguments,
    reason = "All of it is what a card looks like."
)]
pub(super) fn card(
    painter: &Painter,
    rect: Rect,
    claim: &Claim,
    card_style: &style::CardStyle,
    role: Role,
    selected: bool,
    hovered: bool,
    selection_color: Color32,
) {
    card_frame(
        painter,
        rect,
        card_style,
        role,
        selected,
        hovered,
        selection_color,
    );
    card_header(painter, rect, claim, card_style);
}

/// A card's body: its fill, its border in the role's colour (thicker for
/// the thesis, and when hovered), the role stripe down its left edge and
/// the selection outline.
pub(super) fn card_frame(
    painter: &Painter,
    rect: Rect,
    card_style: &style::CardStyle,
    role: Role,
    selected: bool,
    hovered: bool,
    selection_color: Color32,
) {
    let radius = CornerRadius::same(8);
    if selected {
        painter.rect_stroke(
            rect.expand(3.0),
            CornerRadius::same(11),
            Stroke::new(3.0, selection_color),
            StrokeKind::Outside,
        );
    }
    let border_width = card_style.border_boost
        + match (role, hovered) {
            (Role::Thesis, _) => 3.0,
            (_, true) => 2.0,
            _ => 1.2,
        };
    painter.rect(
        rect,
        radius,
        card_style.fill,
        Stroke::new(border_width, card_style.accent),
        StrokeKind::Inside,
    );
    // A stripe down the left edge in the role's colour.
    let stripe = Rect::from_min_size(rect.min, vec2(5.0, rect.height()));
    painter.rect_filled(
        stripe,
        CornerRadius {
            nw: 8,
            sw: 8,
            ne: 0,
            se: 0,
        },
        card_style.accent,
    );
}

/// The role label and the citation badge along a card's top.
fn card_header(painter: &Painter, rect: Rect, claim: &Claim, card_style: &style::CardStyle) {
    painter.text(
        rect.min + vec2(PADDING.x, PADDING.y - 1.0),
        Align2::LEFT_TOP,
        &card_style.label,
        FontId::proportional(geometry::LABEL_SIZE),
        card_style.accent,
    );
    if let Some(badge) = claim
        .source
        .as_ref()
        .and_then(crate::model::Citation::label)
    {
        let galley = painter.layout_no_wrap(
            badge,
            FontId::proportional(geometry::LABEL_SIZE),
            card_style.accent,
        );
        let badge_rect = Rect::from_min_size(
            pos2(
                rect.right() - PADDING.x - galley.size().x - 6.0,
                rect.top() + PADDING.y - 2.0,
            ),
            galley.size() + vec2(6.0, 1.0),
        );
        painter.rect_stroke(
            badge_rect,
            CornerRadius::same(4),
            Stroke::new(1.0, card_style.accent),
            StrokeKind::Inside,
        );
        painter.galley(badge_rect.min + vec2(3.0, 0.5), galley, card_style.accent);
    }
}

/// A card's evaluation status: "✓ holds", "✗ fails" or "? open" on a pill
/// of its colour at the card's lower right (as exports draw it).
pub(super) fn status(painter: &Painter, card: Rect, label: crate::eval::Label, dark: bool) {
    let text = format!("{} {}", label.symbol(), label.word());
    let galley = painter.layout_no_wrap(
        text,
        FontId::proportional(geometry::STATUS_SIZE),
        style::ON_COLOR,
    );
    let pill = geometry::status_pill(card, galley.size());
    painter.rect_filled(
        pill,
        CornerRadius::same(8),
        style::status_color(label, dark),
    );
    painter.galley(pill.center() - galley.size() / 2.0, galley, style::ON_COLOR);
}

/// A ring that grows and fades around a card whose status just flipped.
pub(super) fn pulse(painter: &Painter, card: Rect, progress: f32, zoom: f32, dark: bool) {
    let grow = (4.0 + 14.0 * progress) / zoom.max(0.05);
    let alpha = (1.0 - progress).clamp(0.0, 1.0);
    painter.rect_stroke(
        card.expand(grow),
        CornerRadius::same(12),
        Stroke::new(
            3.0 / zoom.max(0.05),
            style::search_color(dark).gamma_multiply(alpha),
        ),
        StrokeKind::Outside,
    );
}

/// A card's fitted title, each row drawn crisply at the size it shows on
/// screen (see [`crisp_galley`]).
pub(super) fn title(
    painter: &Painter,
    card: Rect,
    fitted: &FittedTitle,
    zoom: f32,
    color: Color32,
) {
    let family = crate::measure::title_family();
    for row in &fitted.rows {
        let top_left = card.min + vec2(row.baseline.x, row.top);
        let galley = crisp_galley(
            painter,
            &display_order(&row.text),
            family.clone(),
            fitted.size,
            zoom,
            color,
        );
        add_crisp(painter, top_left, galley, zoom, color);
    }
}

/// `text` laid out `size` map units tall for the canvas, a scaled layer,
/// at the size it shows on screen: laid out at map size, its glyphs would
/// be rasterised at that size and shrunk by the layer, blurred at a far
/// zoom. The size is rounded to a quarter point, so zooming reuses the
/// layouts. Placed with [`add_crisp`].
fn crisp_galley(
    painter: &Painter,
    text: &str,
    family: egui::FontFamily,
    size: f32,
    zoom: f32,
    color: Color32,
) -> std::sync::Arc<egui::Galley> {
    let on_screen = ((size * zoom.max(f32::EPSILON)) * 4.0).round().max(4.0) / 4.0;
    painter.layout_no_wrap(text.to_owned(), FontId::new(on_screen, family), color)
}

/// A galley from [`crisp_galley`] at `top_left` (map units), shrunk by as
/// much as the layer will enlarge it.
fn add_crisp(
    painter: &Painter,
    top_left: Pos2,
    galley: std::sync::Arc<egui::Galley>,
    zoom: f32,
    color: Color32,
) {
    let mut shape = TextShape::new(top_left, galley, color);
    let shrink = 1.0 / zoom.max(f32::EPSILON);
    shape.transform(TSTransform::new(
        top_left.to_vec2() * (1.0 - shrink),
        shrink,
    ));
    painter.add(shape);
}

/// A card's status when only its title reads: a round mark at its upper
/// right, a few screen points across, with the status's symbol (so it
/// reads without colour too).
pub(super) fn status_mark(
    painter: &Painter,
    card: Rect,
    label: crate::eval::Label,
    zoom: f32,
    dark: bool,
) {
    let zoom = zoom.max(f32::EPSILON);
    let radius = (STATUS_MARK_POINTS / 2.0) / zoom;
    // Mostly outside the card's corner, clear of its title.
    let center = card.right_top() + vec2(radius * 0.45, -radius * 0.45);
    painter.circle(
        center,
        radius,
        style::status_color(label, dark),
        Stroke::new(1.5 / zoom, style::ON_COLOR),
    );
    let galley = crisp_galley(
        painter,
        label.symbol(),
        egui::FontFamily::Proportional,
        radius * 1.3,
        zoom,
        style::ON_COLOR,
    );
    let top_left = center - galley.size() / zoom / 2.0;
    add_crisp(painter, top_left, galley, zoom, style::ON_COLOR);
}

/// How wide the status mark of a card showing its title is on screen.
const STATUS_MARK_POINTS: f32 = 14.0;
