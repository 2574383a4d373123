//! The outline panel: the map as the indented "because / but" outline the
//! Markdown export writes, beside the canvas. A click on a line selects its
//! claim and brings it into view; the line of the selected claim is marked
//! and scrolled to when the selection changes elsewhere.

use egui::{RichText, Ui};

use super::action::Action;
use crate::model::reading::{self, Step};
use crate::model::{ClaimId, Map};

/// One line of the outline: a claim, how deep it sits and the word that
/// ties it to the line it answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The claim.
    pub claim: ClaimId,
    /// 0 for a root (the thesis, or a claim that answers nothing).
    pub depth: usize,
    /// "because", "but", "but that does not follow:", "and" for a linked
    /// premise after the first, or nothing for a root.
    pub lead: &'static str,
    /// The claim was told above (a premise used twice): its answers are not
    /// repeated here.
    pub again: bool,
}

/// The outline of `map`, in reading order: each claim under what it
/// answers, linked premises on lines of their own joined by "and".
pub fn lines(map: &Map) -> Vec<Line> {
    let mut lines = Vec::with_capacity(map.claims.len());
    for step in reading::walk(map) {
        match step {
            Step::Root(claim) => lines.push(Line {
                claim,
                depth: 0,
                lead: "",
                again: false,
            }),
            Step::Link { id, depth, fresh } => {
                let Some(link) = map.links.get(&id) else {
                    continue;
                };
                let lead = link.connective();
                for (i, (&claim, &new)) in link.premises.iter().zip(&fresh).enumerate() {
                    lines.push(Line {
                        claim,
                        depth: depth + 1,
                        lead: if i == 0 { lead } else { "and" },
                        again: !new,
                    });
                }
            }
        }
    }
    lines
}

/// The outline's lines, worked out again only when the map changes.
#[derive(Debug, Default)]
pub struct OutlinePanel {
    /// The document state the lines were made for.
    made_for: Option<(u64, u64)>,
    lines: Vec<Line>,
    /// The selected claim last frame, to scroll to a new one.
    last_selected: Option<ClaimId>,
    /// Where the list was scrolled to, and how tall its view was.
    scrolled: (f32, f32),
}

impl OutlinePanel {
    /// The lines of `map` in document state `state`.
    pub fn lines_for(&mut self, map: &Map, state: (u64, u64)) -> &[Line] {
        if self.made_for != Some(state) {
            self.lines = lines(map);
            self.made_for = Some(state);
        }
        &self.lines
    }
}

/// Space for each level of the outline, in points.
const INDENT: f32 = 14.0;

/// The panel's contents: a line per claim, click to go to it.
pub fn outline_ui(
    ui: &mut Ui,
    map: &Map,
    state: (u64, u64),
    selected: Option<ClaimId>,
    outline: &mut OutlinePanel,
    actions: &mut Vec<Action>,
) {
    ui.heading("Outline");
    outline.lines_for(map, state);
    if outline.lines.is_empty() {
        ui.weak("The map is empty: its thesis will be the first line.");
        return;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    let mut area = egui::ScrollArea::vertical().auto_shrink([false, false]);
    // A claim selected on the canvas (or by search) is scrolled to.
    if selected != outline.last_selected
        && let Some(claim) = selected
        && let Some(row) = outline.lines.iter().position(|l| l.claim == claim)
    {
        #[expect(clippy::cast_precision_loss, reason = "Row counts are far below 2^24.")]
        let top = row as f32 * row_height;
        let (offset, height) = outline.scrolled;
        if top < offset || top + row_height > offset + height {
            area = area.vertical_scroll_offset((top - height / 3.0).max(0.0));
        }
    }
    outline.last_selected = selected;
    let lines = &outline.lines;
    let shown = area.show_rows(ui, row_height, lines.len(), |ui, rows| {
        for line in &lines[rows] {
            let Some(claim) = map.claims.get(&line.claim) else {
                continue;
            };
            ui.horizontal(|ui| {
                #[expect(clippy::cast_precision_loss, reason = "Depths are small.")]
                ui.add_space(line.depth as f32 * INDENT);
                if !line.lead.is_empty() {
                    ui.label(RichText::new(line.lead).strong());
                }
                let mut text = crate::words::one_line(&claim.text, 80);
                if text.is_empty() {
                    "(empty claim)".clone_into(&mut text);
                }
                if map.thesis == Some(line.claim) {
                    text = format!("Thesis: {text}");
                }
                let mut rich = RichText::new(text);
                if line.again {
                    rich = rich.weak().italics();
                }
                // Truncated to the panel's width: the panel sets the width,
                // not its longest line.
                let response = ui
                    .add(egui::Button::selectable(selected == Some(line.claim), rich).truncate())
                    .on_hover_text(&claim.text);
                if response.clicked() {
                    actions.push(Action::Reveal(line.claim));
                }
            });
        }
    });
    outline.scrolled = (shown.state.clamped_offset().y, shown.inner_rect.height());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Link, LinkKind, Pos, Target};

    #[test]
    fn the_outline_reads_because_but_and_and() {
        let mut map = Map::new("m");
        let claim = |map: &mut Map, text: &str| map.add_claim(Claim::new(text, Pos::default()));
        let thesis = claim(&mut map, "Homework should be optional");
        map.thesis = Some(thesis);
        let rest = claim(&mut map, "Children need rest");
        let evenings = claim(&mut map, "Evenings are short");
        let habits = claim(&mut map, "Practice builds habits");
        let school = claim(&mut map, "Habits form at school too");
        let reason = map.add_link(Link::new(
            LinkKind::Support,
            vec![rest, evenings],
            Target::Claim(thesis),
        ));
        map.add_link(Link::new(
            LinkKind::Attack,
            vec![habits],
            Target::Claim(thesis),
        ));
        map.add_link(Link::new(
            LinkKind::Attack,
            vec![school],
            Target::Link(reason),
        ));
        let got: Vec<(ClaimId, usize, &str)> = lines(&map)
            .iter()
            .map(|l| (l.claim, l.depth, l.lead))
            .collect();
        assert_eq!(
            got,
            [
                (thesis, 0, ""),
                (rest, 1, "because"),
                (evenings, 1, "and"),
                (school, 2, "but that does not follow:"),
                (habits, 1, "but"),
            ]
        );
    }
}
