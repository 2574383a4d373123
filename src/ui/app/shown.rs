//! What the canvas shows of the map: all of it, or the map without folded
//! subtrees, only the focused claim and its answers, or the claims
//! presented so far; and the marks on it. The filtered map is a cache, made
//! again only when the map or the filter changes.

use std::collections::{BTreeMap, BTreeSet};

use egui::{RichText, Ui};

use super::ArgmapApp;
use crate::model::{ClaimId, Map, Role, nav, outline_view};
use crate::ui::action::Action;
use crate::ui::canvas::{self, Marks};

/// Folded claims and the claim in focus: how the user asked to see the
/// map. View state, not saved in the map (folds are remembered per file).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Folding {
    /// Folded claims: their subtrees are hidden.
    pub folds: BTreeSet<ClaimId>,
    /// Focus mode: only this claim and what answers it are shown.
    pub focus: Option<ClaimId>,
}

/// Folds and focus, and the part of the map the canvas shows.
#[derive(Debug, Default)]
pub(super) struct Shown {
    /// Folds and focus.
    pub(super) folding: Folding,
    /// The filtered map, when the canvas shows only part of the map.
    cache: Option<Cache>,
    /// The marks on the canvas.
    pub(super) marks: Marks,
}

/// The part of the map on the canvas, kept until the map or the filter
/// changes.
#[derive(Debug)]
struct Cache {
    /// The map revision this was made for.
    of_revision: u64,
    /// The view it shows.
    filter: Filter,
    /// The claims shown and the links among them.
    map: Map,
    /// A revision number for the canvas, new whenever `map` is.
    revision: u64,
    /// The roles of the claims in the whole map.
    roles: BTreeMap<ClaimId, Role>,
}

/// Which claims the canvas shows, when not simply all of them.
#[derive(Clone, Debug, PartialEq)]
enum Filter {
    /// Without folded subtrees, or only the focused claim and its answers.
    Folding(Folding),
    /// Presenting: the steps up to `step`, the others hidden, or faded in
    /// the overview or when `fade` is set; the step itself glows but in
    /// the overview.
    Presented {
        step: usize,
        overview: bool,
        fade: bool,
    },
}

impl Shown {
    /// Forgets the filtered map (another map is open).
    pub(super) fn reset(&mut self) {
        self.folding = Folding::default();
        self.cache = None;
        self.marks = Marks::default();
    }
}

impl ArgmapApp {
    /// Makes claim `id` visible — the folds that hide it opened, focus mode
    /// left when it lies outside — then selects it and brings it into view.
    /// Says which folds were opened.
    pub(super) fn show_claim(&mut self, id: ClaimId) {
        let map = &self.doc.map;
        let folding = &mut self.shown.folding;
        let hiding: Vec<ClaimId> = folding
            .folds
            .iter()
            .copied()
            .filter(|&fold| {
                outline_view::folded(map, &BTreeSet::from([fold]))
                    .0
                    .contains(&id)
            })
            .collect();
        for fold in &hiding {
            folding.folds.remove(fold);
        }
        if folding
            .focus
            .is_some_and(|focus| !outline_view::focused(map, focus).contains(&id))
        {
            folding.focus = None;
            self.messages
                .status("Left focus mode to show the claim found".to_owned());
        }
        if !hiding.is_empty() {
            let titles: Vec<String> = hiding
                .iter()
                .filter_map(|fold| map.claims.get(fold))
                .map(|claim| format!("“{}”", crate::words::one_line(&claim.shown_title(), 40)))
                .collect();
            self.messages.status(format!(
                "Unfolded {} to show the claim found",
                titles.join(", ")
            ));
        }
        self.view.selection.only(id);
        self.view.camera.reveal = Some(id);
    }

    /// Which claims the canvas shows now, or `None` for all of them.
    fn filter(&self) -> Option<Filter> {
        if let Some(presenting) = &self.presenting {
            return Some(Filter::Presented {
                step: presenting.current,
                overview: presenting.overview,
                fade: self.prefs.present_fade,
            });
        }
        let folding = &self.shown.folding;
        (!folding.folds.is_empty() || folding.focus.is_some())
            .then(|| Filter::Folding(folding.clone()))
    }

    /// Brings the cache up to date: `None` when the canvas shows the whole
    /// map, else the part shown, with its marks (fold badges, the step
    /// presented, claims not presented yet).
    fn refresh_shown(&mut self) {
        let revision = canvas_revision(self.doc.state());
        let Some(filter) = self.filter() else {
            self.shown.cache = None;
            self.shown.marks = Marks::default();
            return;
        };
        if self
            .shown
            .cache
            .as_ref()
            .is_some_and(|c| c.of_revision == revision && c.filter == filter)
        {
            return;
        }
        let map = &self.doc.map;
        let mut marks = Marks::default();
        let keep = match (&filter, &self.presenting) {
            (&Filter::Presented { overview, fade, .. }, Some(presenting)) => {
                let revealed = presenting.revealed();
                if !overview {
                    marks.spotlight = presenting.current_claims().iter().copied().collect();
                }
                if overview || fade {
                    marks.faded = map
                        .claims
                        .keys()
                        .copied()
                        .filter(|c| !revealed.contains(c))
                        .collect();
                    map.claims.keys().copied().collect()
                } else {
                    revealed
                }
            }
            (Filter::Folding(Folding { folds, focus }), _) => {
                // Focusing on a folded claim shows what answers it.
                let mut folds = folds.clone();
                if let Some(focus) = focus {
                    folds.remove(focus);
                }
                let (hidden, counts) = outline_view::folded(map, &folds);
                let mut keep: BTreeSet<ClaimId> = match focus {
                    Some(focus) if map.claims.contains_key(focus) => {
                        outline_view::focused(map, *focus)
                    }
                    _ => map.claims.keys().copied().collect(),
                };
                keep.retain(|c| !hidden.contains(c));
                marks.fold_counts = counts
                    .into_iter()
                    .filter(|(c, _)| keep.contains(c))
                    .collect();
                keep
            }
            (Filter::Presented { .. }, None) => map.claims.keys().copied().collect(),
        };
        let mut shown = map.subset(&keep);
        shown.thesis = map.thesis;
        // Counted up from the top half of the range, where no plain revision
        // goes: the canvas sees a new revision for every new filter.
        let revision_shown = self
            .shown
            .cache
            .as_ref()
            .map_or(1 << 63, |c| c.revision + 1);
        self.shown.cache = Some(Cache {
            of_revision: revision,
            filter,
            map: shown,
            revision: revision_shown,
            roles: Role::all(map),
        });
        self.shown.marks = marks;
    }

    /// The canvas, drawing the map as shown (see [`Self::refresh_shown`]).
    pub(super) fn shown_canvas_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        self.refresh_shown();
        self.refresh_card_quotes();
        self.refresh_round();
        // Search matches glow; the current one glows most.
        if self.presenting.is_none() {
            let search = self.overlays.search.as_ref();
            self.shown.marks.found = search
                .map(crate::ui::search::Search::matching)
                .unwrap_or_default();
            self.shown.marks.spotlight = search
                .and_then(crate::ui::search::Search::current_claim)
                .into_iter()
                .collect();
            // Claims citing the paragraph whose number was clicked.
            if let Some(para) = self.source.glow {
                let citing = self.source.citing(para).iter().copied();
                self.shown.marks.found.extend(citing);
            }
        }
        let (pulse, progress) = self.pulsing();
        self.shown.marks.pulse = pulse;
        self.shown.marks.pulse_progress = progress;
        let evaluation = self
            .prefs
            .show_evaluation
            .then_some(&self.judged.evaluation);
        let quotes = self.card_quotes.quoting();
        let flow = self.round.shown();
        let shown = match (&self.shown.cache, flow) {
            (_, Some((map, revision, layout))) if self.presenting.is_none() => canvas::Drawn {
                map,
                revision,
                roles: None,
                marks: &self.shown.marks,
                evaluation,
                presenting: false,
                quotes,
                flow: Some(layout),
                drops: &self.round.marks,
            },
            (Some(cache), _) => canvas::Drawn {
                map: &cache.map,
                revision: cache.revision,
                roles: Some(&cache.roles),
                marks: &self.shown.marks,
                evaluation,
                presenting: self.presenting.is_some(),
                quotes,
                flow: None,
                drops: &self.round.marks,
            },
            (None, _) => canvas::Drawn {
                map: &self.doc.map,
                revision: canvas_revision(self.doc.state()),
                roles: None,
                marks: &self.shown.marks,
                evaluation,
                presenting: self.presenting.is_some(),
                quotes,
                flow: None,
                drops: &self.round.marks,
            },
        };
        canvas::canvas_ui(ui, shown, &mut self.view, &mut self.measure, actions);
        self.say_crowded_quotes();
    }

    /// Folds what answers the selected claims, or unfolds them.
    pub(super) fn toggle_fold(&mut self) {
        let selected: Vec<ClaimId> = self.view.selection.claims.iter().copied().collect();
        let folds = &mut self.shown.folding.folds;
        if selected.iter().any(|c| folds.contains(c)) {
            for c in &selected {
                folds.remove(c);
            }
            self.messages.status("Unfolded");
        } else {
            let foldable: Vec<ClaimId> = selected
                .into_iter()
                .filter(|&c| !nav::children(&self.doc.map, c).is_empty())
                .collect();
            if foldable.is_empty() {
                self.messages
                    .status(if self.view.selection.claims.is_empty() {
                        "Select a claim to fold what answers it"
                    } else {
                        "Nothing to fold: the selected claims have no answers"
                    });
                return;
            }
            folds.extend(foldable);
            self.messages.status("Folded");
        }
        self.remember_folds();
    }

    /// Unfolds every folded claim.
    pub(super) fn unfold_all(&mut self) {
        self.shown.folding.folds.clear();
        self.remember_folds();
    }

    /// Remembers the folds of the map's file for the next time it opens.
    fn remember_folds(&mut self) {
        let Some(path) = &self.doc.path else {
            return;
        };
        let key = crate::store::canonical(path);
        let folds = &self.shown.folding.folds;
        if folds.is_empty() {
            self.prefs.folds.remove(&key);
        } else {
            self.prefs
                .folds
                .insert(key, folds.iter().map(|c| c.0).collect());
        }
    }

    /// Shows only `claim` and what answers it, or (`None`) the whole map.
    pub(super) fn focus_on(&mut self, claim: Option<ClaimId>) {
        let focus = claim.filter(|c| self.doc.map.claims.contains_key(c));
        self.shown.folding.focus = focus;
        if let Some(claim) = focus {
            self.view.selection.only(claim);
        }
        self.view.camera.fit_requested = true;
    }

    /// The breadcrumb bar of focus mode: the path to the focused claim,
    /// each step clickable, and the way out.
    pub(super) fn breadcrumb_ui(&mut self, ui: &mut Ui) {
        let Some(focus) = self.shown.folding.focus else {
            return;
        };
        let path = outline_view::ancestors(&self.doc.map, focus);
        let mut go = None;
        let mut leave = false;
        egui::Frame::new()
            .inner_margin(egui::Margin::symmetric(8, 4))
            .fill(ui.visuals().faint_bg_color)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new("Focus:").strong());
                    for (i, &claim) in path.iter().enumerate() {
                        if i > 0 {
                            ui.label("›");
                        }
                        let text = self
                            .doc
                            .map
                            .claims
                            .get(&claim)
                            .map(|c| crate::words::one_line(&c.text, 40))
                            .unwrap_or_default();
                        if claim == focus {
                            ui.label(RichText::new(text).strong());
                        } else if ui.link(text).clicked() {
                            go = Some(claim);
                        }
                    }
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui
                            .button("Show the whole map")
                            .on_hover_text("Leave focus mode")
                            .clicked()
                        {
                            leave = true;
                        }
                    });
                });
            });
        if leave {
            self.focus_on(None);
        } else if let Some(claim) = go {
            self.focus_on(Some(claim));
        }
    }
}

/// One number for a state of a document (its generation and revision, see
/// [`crate::edit::Document::state`]) in the lower half of the range, so
/// work the canvas keeps for one document is never taken for another's
/// that happens to have the same revision (a test swapping documents, a
/// map opened over another).
pub(super) fn canvas_revision((generation, revision): (u64, u64)) -> u64 {
    ((generation & 0x7FFF_FFFF) << 32) | (revision & 0xFFFF_FFFF)
}
