//! A claim's text laid out on its card, row by row: what layout, the
//! canvas and every export take card sizes and rows from.

use rayon::prelude::*;

use egui::Vec2;

use super::{Face, TextMeasure, right_to_left_runs};
use crate::card::{Sizes, card_size};

/// One row of a card's text.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The text, trailing spaces dropped.
    pub text: String,
    /// The baseline, below the top of the card's text.
    pub baseline: f32,
    /// The width the row takes with the canvas's font.
    pub width: f32,
    /// For a row with right-to-left text: its pieces in reading order,
    /// each all left-to-right or all right-to-left (see
    /// [`right_to_left_runs`]); empty for other rows.
    pub pieces: Vec<Piece>,
    /// The face it is set in: a title's rows are bold.
    pub face: Face,
}

/// A piece of a row written in one direction.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    /// Where it is in the row's text, in bytes.
    pub range: std::ops::Range<usize>,
    /// The width it takes with the canvas's fonts.
    pub width: f32,
    /// Whether it is a right-to-left run.
    pub right_to_left: bool,
}

impl Row {
    /// The non-empty rows of `wrapped` in `face`, the first `top` below the
    /// top of the card's text.
    fn all(measure: &mut TextMeasure, face: Face, wrapped: Vec<String>, top: f32) -> Vec<Self> {
        let (row_height, ascent) = measure.row_metrics(face);
        wrapped
            .into_iter()
            .enumerate()
            .filter(|(_, row)| !row.trim().is_empty())
            .map(|(i, row)| {
                #[expect(clippy::cast_precision_loss, reason = "A few thousand rows at most.")]
                let row_top = top + row_height * i as f32;
                let text = row.trim_end().to_owned();
                Self {
                    width: measure.row_width_in(face, &text),
                    pieces: Piece::of(measure, face, &text),
                    text,
                    baseline: row_top + ascent,
                    face,
                }
            })
            .collect()
    }
}

impl Piece {
    /// The pieces of `row`, measured, or none when it has no right-to-left
    /// text.
    fn of(measure: &mut TextMeasure, face: Face, row: &str) -> Vec<Self> {
        let runs = right_to_left_runs(row);
        if runs.is_empty() {
            return Vec::new();
        }
        let mut pieces = Vec::new();
        let mut done = 0;
        for run in runs {
            for (range, right_to_left) in [(done..run.start, false), (run.clone(), true)] {
                if !range.is_empty() {
                    let width = measure.row_width_in(face, &row[range.clone()]);
                    pieces.push(Self {
                        range,
                        width,
                        right_to_left,
                    });
                }
            }
            done = run.end;
        }
        if done < row.len() {
            pieces.push(Self {
                width: measure.row_width_in(face, &row[done..]),
                range: done..row.len(),
                right_to_left: false,
            });
        }
        pieces
    }
}

/// Space between a title's last row and the claim text under it.
pub const TITLE_GAP: f32 = 3.0;

/// A claim's title (when it has one) and text as they are laid out on its
/// card: their rows (empty rows left out) and their height.
#[derive(Clone, Debug, PartialEq)]
pub struct CardText {
    /// The rows that hold text, top to bottom: the title's (in bold) first.
    pub rows: Vec<Row>,
    /// How far the claim text starts below the title's top: the title's
    /// rows and the gap under them, or nothing for an untitled claim.
    pub title_height: f32,
    /// The height of the title and the wrapped text.
    pub height: f32,
}

/// A non-empty title, trimmed.
pub fn given_title(title: Option<&str>) -> Option<&str> {
    title.map(str::trim).filter(|t| !t.is_empty())
}

impl CardText {
    /// `title` (when given and not blank) in bold over `text`.
    pub fn of(measure: &mut TextMeasure, title: Option<&str>, text: &str) -> Self {
        let mut rows = Vec::new();
        let title_height = match given_title(title) {
            Some(title) => {
                let wrapped = measure.wrap_in(Face::Title, title);
                let height = measure.rows_height_in(Face::Title, wrapped.len());
                rows.extend(Row::all(measure, Face::Title, wrapped, 0.0));
                height + TITLE_GAP
            }
            None => 0.0,
        };
        let wrapped = measure.wrap(text);
        let height = title_height + measure.rows_height(wrapped.len());
        rows.extend(Row::all(measure, Face::Text, wrapped, title_height));
        Self {
            rows,
            title_height,
            height,
        }
    }

    /// The size of the card holding this text.
    pub fn card_size(&self) -> Vec2 {
        card_size(self.height)
    }
}

/// A card's title and text as the canvas gives them to egui: each row in
/// display order, a line break after each but the last.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DrawnCard {
    /// The title's rows, in bold (empty for an untitled claim).
    pub title: String,
    /// How far the text starts below the title's top.
    pub title_height: f32,
    /// The claim text's rows.
    pub text: String,
    /// The height of title and text, as [`CardText::height`].
    pub height: f32,
}

impl DrawnCard {
    /// `title` (when given and not blank) over `text`, laid out as
    /// [`CardText::of`] lays them out.
    pub fn of(measure: &mut TextMeasure, title: Option<&str>, text: &str) -> Self {
        let (title, title_height) = match given_title(title) {
            Some(title) => {
                let rows = measure.wrap_in(Face::Title, title);
                let height = measure.rows_height_in(Face::Title, rows.len());
                (measure.drawn(&rows), height + TITLE_GAP)
            }
            None => (String::new(), 0.0),
        };
        let rows = measure.wrap(text);
        let height = title_height + measure.rows_height(rows.len());
        Self {
            title,
            title_height,
            text: measure.drawn(&rows),
            height,
        }
    }
}

/// Below this many claims, measuring on one thread is quicker than
/// loading fonts for a second.
const PARALLEL_FROM: usize = 1500;

/// Every claim's text laid out as on its card, with no source text at
/// hand: [`card_texts_quoting`] with no quotes.
pub fn card_texts(
    map: &crate::model::Map,
    measure: &mut TextMeasure,
) -> std::collections::BTreeMap<crate::model::ClaimId, CardText> {
    card_texts_quoting(map, &crate::model::QuotedWords::new(), measure)
}

/// Every claim's text laid out as on its card, evidence with the words
/// it quotes (`quotes`, see [`crate::model::card_text`]). Large maps are
/// measured on every core, each thread with its own fonts, with the same
/// result as on one.
pub fn card_texts_quoting(
    map: &crate::model::Map,
    quotes: &crate::model::QuotedWords,
    measure: &mut TextMeasure,
) -> std::collections::BTreeMap<crate::model::ClaimId, CardText> {
    let claims: Vec<(crate::model::ClaimId, &crate::model::Claim)> =
        map.claims.iter().map(|(&id, claim)| (id, claim)).collect();
    let of = |measure: &mut TextMeasure, id: crate::model::ClaimId, claim: &crate::model::Claim| {
        let text = crate::model::card_text(claim, quotes.get(&id).map(String::as_str));
        CardText::of(measure, map.card_title(claim).as_deref(), &text)
    };
    let threads = rayon::current_num_threads();
    if claims.len() < PARALLEL_FROM || threads < 2 {
        return claims
            .into_iter()
            .map(|(id, claim)| (id, of(measure, id, claim)))
            .collect();
    }
    // One chunk a core: the first measured with `measure`, here, the rest
    // each with fonts of its own (loading fonts costs tens of
    // milliseconds, so no more chunks than cores).
    let ppp = measure.pixels_per_point();
    let chunk = claims.len().div_ceil(threads);
    let (first, rest) = claims.split_at(chunk.min(claims.len()));
    let (mut texts, rest) = rayon::join(
        || {
            first
                .iter()
                .map(|&(id, claim)| (id, of(measure, id, claim)))
                .collect::<std::collections::BTreeMap<_, _>>()
        },
        || {
            rest.par_chunks(chunk)
                .flat_map_iter(|part| {
                    let mut measure = TextMeasure::for_screen(ppp);
                    part.iter()
                        .map(|&(id, claim)| (id, of(&mut measure, id, claim)))
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        },
    );
    texts.extend(rest);
    texts
}

/// The card size of every claim in `map`, for arranging it, with no
/// source text at hand.
pub fn card_sizes(map: &crate::model::Map, measure: &mut TextMeasure) -> Sizes {
    card_sizes_quoting(map, &crate::model::QuotedWords::new(), measure)
}

/// The card size of every claim in `map`, for arranging it, evidence with
/// the words it quotes (`quotes`).
pub fn card_sizes_quoting(
    map: &crate::model::Map,
    quotes: &crate::model::QuotedWords,
    measure: &mut TextMeasure,
) -> Sizes {
    sizes_of(&card_texts_quoting(map, quotes, measure))
}

/// The card size of each claim whose text is laid out as in `texts`.
pub fn sizes_of(texts: &std::collections::BTreeMap<crate::model::ClaimId, CardText>) -> Sizes {
    texts
        .iter()
        .map(|(&id, text)| {
            let size = text.card_size();
            (id, (size.x, size.y))
        })
        .collect()
}
