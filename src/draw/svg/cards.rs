//! Cards in the SVG drawing: each claim's frame, stripe, role label,
//! citation badge and rows of text (or its title, set large, in an
//! overview), and its evaluation status.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::sync::Arc;

use egui::{Galley, Pos2, Rect, pos2, vec2};
use rayon::prelude::*;

use super::text::{Look, hex, num, push_escaped, push_hex, push_num, text_element, text_rows};
use super::{Scene, SvgOptions};
use crate::draw::geometry::{self, HEADER_HEIGHT, PADDING};
use crate::draw::style;
use crate::eval::Label;
use crate::measure::{CardText, Face, FittedTitle, Row, TextMeasure};
use crate::model::{Citation, ClaimId, Map, Role};

/// The one-line texts the cards show, measured before the cards are
/// written (role labels, citation badges, statuses, and in an overview
/// each card's fitted title), so the cards can be written on every core
/// with no measure of their own.
pub(super) struct Measured {
    lines: HashMap<(String, u32), Arc<Galley>>,
    titles: BTreeMap<ClaimId, FittedTitle>,
}

impl Measured {
    /// What the `cards` of `map` in their `roles` need, as `options` draw
    /// them.
    pub(super) fn of(
        map: &Map,
        cards: &BTreeMap<ClaimId, Rect>,
        roles: &BTreeMap<ClaimId, Role>,
        options: &SvgOptions,
        measure: &mut TextMeasure,
    ) -> Self {
        let mut measured = Self {
            lines: HashMap::new(),
            titles: BTreeMap::new(),
        };
        let mut add = |text: String, size: f32, measure: &mut TextMeasure| {
            measured
                .lines
                .entry((text, size.to_bits()))
                .or_insert_with_key(|(text, _)| measure.line(text, size));
        };
        for (id, claim) in &map.claims {
            let role = roles.get(id).copied().unwrap_or(Role::Free);
            add(
                style::card_style(role, claim.kind, false).label,
                geometry::LABEL_SIZE,
                measure,
            );
            if let Some(badge) = claim.source.as_ref().and_then(Citation::label) {
                add(badge, geometry::LABEL_SIZE, measure);
            }
        }
        if options.evaluation.is_some() {
            for label in [Label::In, Label::Out, Label::Undecided] {
                add(status_text(label), geometry::STATUS_SIZE, measure);
            }
        }
        if options.overview {
            for (id, rect) in cards {
                if let Some(claim) = map.claims.get(id) {
                    let fitted = measure.fit_title(&claim.shown_title(), rect.size());
                    measured.titles.insert(*id, fitted);
                }
            }
        }
        measured
    }

    fn line(&self, text: &str, size: f32) -> Option<&Arc<Galley>> {
        self.lines.get(&(text.to_owned(), size.to_bits()))
    }
}

/// The layer of cards: a group per claim (`data-claim`) with its card and
/// status, in claim order, written in parts on every core.
pub(super) fn layer(
    map: &Map,
    texts: &BTreeMap<ClaimId, CardText>,
    cards: &BTreeMap<ClaimId, Rect>,
    roles: &BTreeMap<ClaimId, Role>,
    measured: &Measured,
    options: &SvgOptions,
) -> String {
    let cards: Vec<(&ClaimId, &Rect)> = cards.iter().collect();
    let parts: Vec<String> = cards
        .par_chunks(256)
        .map(|chunk| {
            let mut out = String::with_capacity(1200 * chunk.len());
            for &(id, rect) in chunk {
                let Some(claim) = map.claims.get(id) else {
                    continue;
                };
                let role = roles.get(id).copied().unwrap_or(Role::Free);
                // The card and its status in one group, by claim: what a
                // page's script shows, hides and points at.
                let _ = write!(out, r#"<g data-claim="{}">"#, id.0);
                match measured.titles.get(id) {
                    Some(fitted) if options.overview => {
                        title_card(&mut out, *rect, claim, fitted, role);
                    }
                    _ => {
                        let rows = texts.get(id).map_or(&[][..], |t| &t.rows[..]);
                        card(&mut out, measured, *rect, claim, rows, role);
                    }
                }
                // A note takes no part in the evaluation: no status.
                if let Some(evaluation) = &options.evaluation
                    && claim.kind != crate::model::ClaimKind::Note
                {
                    status(&mut out, measured, *rect, evaluation.claim(*id));
                }
                out.push_str("</g>\n");
            }
            out
        })
        .collect();
    let mut out = String::with_capacity(parts.iter().map(String::len).sum::<usize>() + 40);
    out.push_str("<g class=\"cards\">\n");
    for part in parts {
        out.push_str(&part);
    }
    out.push_str("</g>\n");
    out
}

/// A card's evaluation status: "✓ holds", "✗ fails" or "? open" on a pill
/// of its colour, as the canvas shows it.
fn status(out: &mut String, measured: &Measured, card: Rect, label: crate::eval::Label) {
    let Some(galley) = measured.line(&status_text(label), geometry::STATUS_SIZE) else {
        return;
    };
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
        galley,
        origin,
        Look::Own(geometry::STATUS_SIZE, "#ffffff"),
        "",
    );
    out.push_str("</g>\n");
}

/// A status in words, as its pill shows it: "✓ holds".
fn status_text(label: crate::eval::Label) -> String {
    format!("{} {}", label.symbol(), label.word())
}

/// The radius of a card's corners.
const CORNER: f32 = 8.0;

/// The width of the role stripe down a card's left edge.
const STRIPE: f32 = 5.0;

fn card(
    out: &mut String,
    measured: &Measured,
    rect: Rect,
    claim: &crate::model::Claim,
    rows: &[Row],
    role: Role,
) {
    let card_style = card_frame(out, rect, claim, role);
    let local = Rect::from_min_size(Pos2::ZERO, rect.size());
    card_contents(out, measured, local, claim, rows, &card_style);
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
    let border = if role == Role::Thesis { 3.0 } else { 1.2 };
    // Everything in the card is drawn from its top left corner, and its
    // rows take the card's text size and colour from the group: a map's
    // file says each of them once per card, not once per row. (Written
    // piece by piece: there is one of these per card.)
    out.push_str("<g class=\"card ");
    out.push_str(role.label());
    out.push_str("\" transform=\"translate(");
    push_num(out, rect.min.x);
    out.push(' ');
    push_num(out, rect.min.y);
    out.push_str(")\" font-size=\"");
    push_num(out, geometry::TEXT_SIZE);
    out.push_str("\" fill=\"");
    push_hex(out, card_style.text);
    out.push_str("\">");
    let size = rect.size();
    // SVG strokes straddle the outline; the canvas draws them inside.
    out.push_str("<rect x=\"");
    push_num(out, border / 2.0);
    out.push_str("\" y=\"");
    push_num(out, border / 2.0);
    out.push_str("\" width=\"");
    push_num(out, size.x - border);
    out.push_str("\" height=\"");
    push_num(out, size.y - border);
    out.push_str("\" rx=\"8\" fill=\"");
    push_hex(out, card_style.fill);
    out.push_str("\" stroke=\"");
    push_hex(out, card_style.accent);
    out.push_str("\" stroke-width=\"");
    push_num(out, border);
    // The stripe down the left edge, inside the card's rounded corners:
    // from where the top corner's arc meets the stripe's edge, down to
    // where the bottom one does.
    let dip = CORNER - (CORNER * CORNER - (CORNER - STRIPE) * (CORNER - STRIPE)).sqrt();
    let arc = |out: &mut String| {
        out.push('A');
        push_num(out, CORNER);
        out.push(' ');
        push_num(out, CORNER);
        out.push_str(" 0 0 1 ");
    };
    out.push_str("\"/><path d=\"M0 ");
    push_num(out, CORNER);
    arc(out);
    push_num(out, STRIPE);
    out.push(' ');
    push_num(out, dip);
    out.push('V');
    push_num(out, size.y - dip);
    arc(out);
    out.push_str("0 ");
    push_num(out, size.y - CORNER);
    out.push_str("Z\" fill=\"");
    push_hex(out, card_style.accent);
    out.push_str("\"/>");
    card_style
}

/// The role label, citation badge and text rows of a card whose group
/// [`card_frame`] opened.
fn card_contents(
    out: &mut String,
    measured: &Measured,
    rect: Rect,
    claim: &crate::model::Claim,
    rows: &[Row],
    card_style: &style::CardStyle,
) {
    let accent = hex(card_style.accent);
    if let Some(label) = measured.line(&card_style.label, geometry::LABEL_SIZE) {
        text_rows(
            out,
            label,
            rect.min + vec2(PADDING.x, PADDING.y - 1.0),
            Look::Own(geometry::LABEL_SIZE, &accent),
            "",
        );
    }
    if let Some(badge) = claim
        .source
        .as_ref()
        .and_then(crate::model::Citation::label)
        .and_then(|badge| measured.line(&badge, geometry::LABEL_SIZE))
    {
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
            badge,
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
