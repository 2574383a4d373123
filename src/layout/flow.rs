//! Where a round's flow puts each card: a column per speech under its
//! heading, each card in its sheet's row (the rows of
//! [`crate::model::flow::sheets`], each as tall as its tallest card), the
//! sheets one under another. The canvas's flow view, the flow drawings
//! and the handout's flow take their places from here.

use std::collections::BTreeMap;

use crate::card::{CARD_WIDTH, Sizes, UNMEASURED};
use crate::model::flow::{Flow, Sheets, sheets};
use crate::model::{ClaimId, Map, Pos};

/// Space between two columns.
pub const COLUMN_GAP: f32 = 56.0;
/// Space between two rows.
pub const ROW_GAP: f32 = 22.0;
/// Height of a column's heading band.
pub const HEADING_HEIGHT: f32 = 64.0;
/// Space between two sheets.
pub const SHEET_GAP: f32 = 110.0;
/// Height of a sheet's title above its headings (with several sheets).
pub const TITLE_HEIGHT: f32 = 40.0;

/// A rectangle in map units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Area {
    /// Its left edge.
    pub x: f32,
    /// Its top edge.
    pub y: f32,
    /// Its width.
    pub width: f32,
    /// Its height.
    pub height: f32,
}

/// A column of a sheet: where it stands, its heading's lines, and its
/// side (its place in the format's sides; `None` for claims no speech
/// made).
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The whole column, heading band included.
    pub area: Area,
    /// "1AC", then "Affirmative · Ana" (or "No speech").
    pub heading: [String; 2],
    /// Its side's place among the format's sides.
    pub side: Option<usize>,
    /// Whether it is the speech being flowed now.
    pub current: bool,
}

/// The flow laid out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FlowLayout {
    /// Each card's centre.
    pub positions: BTreeMap<ClaimId, Pos>,
    /// Every sheet's columns.
    pub columns: Vec<Column>,
    /// Each sheet's title and where it is written (with several sheets).
    pub titles: Vec<(Pos, String)>,
    /// Everything: columns and cards.
    pub bounds: Option<Area>,
}

/// The flow of `map` laid out `how` with the cards' `sizes`, `current`
/// the speech (index) being flowed, if any.
pub fn flow_layout(
    map: &Map,
    flow: &Flow,
    how: Sheets,
    sizes: &Sizes,
    current: Option<usize>,
) -> FlowLayout {
    let round = map.round.as_ref();
    let side_names = round.map(|r| r.format.sides()).unwrap_or_default();
    let pitch = CARD_WIDTH + COLUMN_GAP;
    let mut layout = FlowLayout::default();
    let all = sheets(map, flow, how);
    let titled = all.len() > 1;
    let mut top = 0.0;
    for sheet in &all {
        if titled {
            layout
                .titles
                .push((Pos { x: 0.0, y: top }, sheet.title.clone()));
            top += TITLE_HEIGHT;
        }
        // Each row as tall as its tallest card.
        let mut heights = vec![0.0_f32; sheet.rows];
        for (id, &(_, row)) in &sheet.cells {
            let (_, h) = sizes.get(id).copied().unwrap_or(UNMEASURED);
            if let Some(height) = heights.get_mut(row) {
                *height = height.max(h);
            }
        }
        let mut row_tops = Vec::with_capacity(sheet.rows);
        let mut y = top + HEADING_HEIGHT + ROW_GAP;
        for height in &heights {
            row_tops.push(y);
            y += height + ROW_GAP;
        }
        let bottom = y.max(top + HEADING_HEIGHT + 2.0 * ROW_GAP + UNMEASURED.1);
        for (id, &(column, row)) in &sheet.cells {
            let (_, h) = sizes.get(id).copied().unwrap_or(UNMEASURED);
            #[expect(clippy::cast_precision_loss, reason = "a few dozen columns")]
            let x = column as f32 * pitch + CARD_WIDTH / 2.0;
            let y = row_tops.get(row).copied().unwrap_or(top) + h / 2.0;
            layout.positions.insert(*id, Pos { x, y });
        }
        for column in 0..sheet.columns(flow) {
            let speech = column
                .checked_sub(usize::from(sheet.outside_column))
                .and_then(|s| flow.speeches.get(s).map(|speech| (s, speech)));
            let heading = match speech {
                Some((_, speech)) => {
                    let mut second = speech.side.clone();
                    if let Some(speaker) = round
                        .and_then(|r| r.speakers.get(&speech.name))
                        .filter(|s| !s.trim().is_empty())
                    {
                        second = format!("{second} · {}", speaker.trim());
                    }
                    [speech.name.clone(), second]
                }
                None => ["Motion".to_owned(), "no speech".to_owned()],
            };
            #[expect(clippy::cast_precision_loss, reason = "a few dozen columns")]
            let x = column as f32 * pitch - COLUMN_GAP / 2.0;
            layout.columns.push(Column {
                area: Area {
                    x,
                    y: top,
                    width: pitch,
                    height: bottom - top,
                },
                heading,
                side: speech.and_then(|(_, s)| side_names.iter().position(|side| *side == s.side)),
                current: speech.is_some_and(|(s, _)| Some(s) == current),
            });
        }
        top = bottom + SHEET_GAP;
    }
    layout.bounds = layout.columns.iter().map(|c| c.area).reduce(|a, b| {
        let (x, y) = (a.x.min(b.x), a.y.min(b.y));
        Area {
            x,
            y,
            width: (a.x + a.width).max(b.x + b.width) - x,
            height: (a.y + a.height).max(b.y + b.height) - y,
        }
    });
    layout
}

/// `map` with each of its claims on the flow moved to its place on it:
/// what the canvas and the drawings show for the flow. Claims the flow
/// does not show (notes) stay out of it.
pub fn flowed_map(map: &Map, layout: &FlowLayout) -> Map {
    let mut shown = map.clone();
    shown
        .claims
        .retain(|id, _| layout.positions.contains_key(id));
    for (id, claim) in &mut shown.claims {
        if let Some(&pos) = layout.positions.get(id) {
            claim.pos = pos;
        }
    }
    shown.links.retain(|_, link| {
        link.premises
            .iter()
            .all(|p| layout.positions.contains_key(p))
    });
    let links: std::collections::BTreeSet<_> = shown.links.keys().copied().collect();
    shown.links.retain(|_, link| match link.target {
        crate::model::Target::Claim(c) => layout.positions.contains_key(&c),
        crate::model::Target::Link(l) => links.contains(&l),
    });
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Format, Link, LinkKind, Round, Target};

    #[test]
    fn answers_sit_level_in_their_speeches_columns_under_headings() {
        let mut map = Map::new("Round");
        map.round = Some(Round {
            speakers: [("1NC".to_owned(), "Sam".to_owned())].into(),
            ..Round::of(Format::Policy)
        });
        let said = |map: &mut Map, text: &str, speech: &str| {
            map.add_claim(Claim {
                speech: Some(speech.to_owned()),
                ..Claim::new(text, Pos::default())
            })
        };
        let harms = said(&mut map, "Harms", "1AC");
        let answer = said(&mut map, "No harms", "1NC");
        let other = said(&mut map, "Solvency", "1AC");
        map.add_link(Link::new(
            LinkKind::Attack,
            vec![answer],
            Target::Claim(harms),
        ));
        let flow = Flow::of(&map).expect("round");
        let sizes: Sizes = [
            (harms, (240.0, 80.0)),
            (answer, (240.0, 120.0)),
            (other, (240.0, 60.0)),
        ]
        .into();
        let layout = flow_layout(&map, &flow, Sheets::One, &sizes, Some(1));
        let (h, a, o) = (
            layout.positions[&harms],
            layout.positions[&answer],
            layout.positions[&other],
        );
        assert!(
            (a.x - h.x - (CARD_WIDTH + COLUMN_GAP)).abs() < 0.01,
            "the next column"
        );
        assert!((a.y - 60.0 - (h.y - 40.0)).abs() < 0.01, "tops level");
        // The next row starts below the taller card of the first.
        assert!(o.y - 30.0 >= h.y - 40.0 + 120.0 + ROW_GAP - 0.01);
        assert_eq!(layout.columns.len(), 8);
        assert_eq!(
            layout.columns[1].heading,
            ["1NC".to_owned(), "Negative · Sam".to_owned()]
        );
        assert!(layout.columns[1].current && !layout.columns[0].current);
        assert_eq!(layout.columns[1].side, Some(1));
        let bounds = layout.bounds.expect("columns");
        assert!(bounds.y <= 0.0 && bounds.y + bounds.height >= o.y + 30.0);
        let shown = flowed_map(&map, &layout);
        assert_eq!(shown.claims[&answer].pos, a);
        assert_eq!(shown.links.len(), 1);
    }
}
