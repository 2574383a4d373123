//! Flowing a round in the editor: the flow view (View → Flow), the
//! current speech, adding and answering arguments by keyboard in it, the
//! speech timer and prep clocks, and the drops marked on the cards.

use std::collections::BTreeMap;

use egui::{RichText, Ui};

use super::ArgmapApp;
use crate::layout::flow::{FlowLayout, flow_layout, flowed_map};
use crate::model::flow::{Flow, Sheets};
use crate::model::{ClaimId, Map};
use crate::ui::flow_clock::{Clock, Urgency, clock_text};

/// The flow view's state while it is open.
#[derive(Debug)]
pub(super) struct Flowing {
    /// The speech being flowed (its index).
    pub(super) current: usize,
    /// One sheet per side's case.
    pub(super) by_side: bool,
    /// The current speech's clock.
    speech_clock: Clock,
    /// Each side's prep clock, when the format has prep time.
    prep: Vec<Clock>,
    /// Whether the speech's 30-second warning was given.
    warned: bool,
    /// The flow laid out, for the canvas.
    cache: Option<FlowCache>,
}

/// The map as the flow places it, kept until something it depends on
/// changes.
#[derive(Debug)]
struct FlowCache {
    /// Document state, quotes generation, sheets by side, current speech.
    key: (u64, u64, bool, usize),
    map: Map,
    layout: FlowLayout,
    /// A revision number for the canvas, new for every new layout.
    revision: u64,
}

/// What a round shows in any view: its drops, marked under their cards.
#[derive(Debug, Default)]
pub(super) struct RoundView {
    /// The flow view, while open.
    pub(super) flowing: Option<Flowing>,
    /// The document state the flow and marks were made for.
    made_for: Option<u64>,
    /// The map's round as flowed: speeches, drops, extensions.
    flow: Option<Flow>,
    /// "dropped in 2AC" under each dropped argument.
    pub(super) marks: BTreeMap<ClaimId, String>,
}

impl Flowing {
    fn new(map: &Map) -> Self {
        let round = map.round.as_ref();
        let speeches = round.map(crate::model::Round::speeches).unwrap_or_default();
        let prep = round
            .and_then(|r| r.format.prep_minutes())
            .map(|minutes| {
                round
                    .map(|r| r.format.sides())
                    .unwrap_or_default()
                    .iter()
                    .map(|_| Clock::of_minutes(minutes))
                    .collect()
            })
            .unwrap_or_default();
        Self {
            current: 0,
            by_side: false,
            speech_clock: Clock::of_minutes(speeches.first().map_or(0.0, |s| s.minutes)),
            prep,
            warned: false,
            cache: None,
        }
    }
}

impl RoundView {
    /// The map as the flow view shows it, its revision for the canvas, and
    /// the columns behind it; `None` when the flow view is closed.
    pub(super) fn shown(&self) -> Option<(&Map, u64, &FlowLayout)> {
        let cache = self.flowing.as_ref()?.cache.as_ref()?;
        Some((&cache.map, cache.revision, &cache.layout))
    }
}

impl ArgmapApp {
    /// Opens or closes the flow view; a map that is no round says how to
    /// start one.
    pub(super) fn toggle_flow(&mut self) {
        if self.round.flowing.take().is_some() {
            self.view.camera.fit_requested = true;
            return;
        }
        if self.doc.map.round.is_none() {
            self.messages.status(
                "This map is no round: File → New round… starts one, with its format and \
                 speeches",
            );
            return;
        }
        self.round.flowing = Some(Flowing::new(&self.doc.map));
        self.view.camera.fit_requested = true;
        self.messages.status(
            "Flowing: Enter adds an argument in the current speech, Tab answers the selected \
             one, Ctrl+→ moves to the next speech",
        );
    }

    /// The speech `by` speeches on from the current one becomes current,
    /// its clock set to its time.
    pub(super) fn flow_speech(&mut self, by: isize) {
        let Some(round) = &self.doc.map.round else {
            return;
        };
        let speeches = round.speeches();
        let Some(flowing) = &mut self.round.flowing else {
            return;
        };
        let next = flowing
            .current
            .saturating_add_signed(by)
            .min(speeches.len().saturating_sub(1));
        flowing.current = next;
        if let Some(speech) = speeches.get(next) {
            flowing.speech_clock = Clock::of_minutes(speech.minutes);
            flowing.warned = false;
            self.messages
                .status(format!("Flowing the {}", round.heading(speech)));
        }
    }

    /// A new argument in the current speech (answering `answer`, or a new
    /// line of argument on the motion), typed into at once.
    pub(super) fn flow_argument(&mut self, answer: Option<ClaimId>) {
        self.finish_editing();
        let (Some(round), Some(flowing)) = (&self.doc.map.round, &self.round.flowing) else {
            return;
        };
        let Some(speech) = round.speeches().get(flowing.current).cloned() else {
            return;
        };
        let pos = self.view_center();
        let Some((made, id)) = crate::edit::flowed_claim(&self.doc.map, &speech, answer, pos)
        else {
            return;
        };
        let label = if answer.is_some() {
            format!("Answer in the {}", speech.name)
        } else {
            format!("Argument in the {}", speech.name)
        };
        self.doc.apply(made, &label);
        self.view.selection.only(id);
        self.view.camera.reveal = Some(id);
        self.start_editing(id, true);
    }

    /// Tab in the flow: answers the one selected argument.
    pub(super) fn flow_answer(&mut self) {
        match self.single_selected() {
            Some(id) => self.flow_argument(Some(id)),
            None => self
                .messages
                .status("Select the argument to answer, then press Tab"),
        }
    }

    /// Starts or stops the speech clock (`None`) or a side's prep clock.
    pub(super) fn toggle_clock(&mut self, prep: Option<usize>) {
        let now = self.ctx.input(|i| i.time);
        let Some(flowing) = &mut self.round.flowing else {
            return;
        };
        match prep {
            None => flowing.speech_clock.toggle(now),
            Some(side) => match flowing.prep.get_mut(side) {
                Some(clock) => clock.toggle(now),
                None => self
                    .messages
                    .status("This format has no prep time during the round"),
            },
        }
        self.ctx.request_repaint();
    }

    /// Brings the drops' marks, and the flow view's layout, up to date.
    pub(super) fn refresh_round(&mut self) {
        let state = super::shown::canvas_revision(self.doc.state());
        if self.round.made_for != Some(state) {
            self.round.made_for = Some(state);
            self.round.flow = Flow::of(&self.doc.map);
            self.round.marks = self
                .round
                .flow
                .as_ref()
                .map(|flow| {
                    flow.dropped
                        .keys()
                        .filter_map(|&id| Some((id, flow.dropped_words(id)?)))
                        .collect()
                })
                .unwrap_or_default();
        }
        if self.doc.map.round.is_none() {
            self.round.flowing = None;
        }
        let generation = self.card_quotes.quoting().generation;
        let (Some(flowing), Some(flow)) = (&mut self.round.flowing, &self.round.flow) else {
            return;
        };
        let key = (state, generation, flowing.by_side, flowing.current);
        if flowing.cache.as_ref().is_some_and(|c| c.key == key) {
            return;
        }
        let sizes = crate::measure::card_sizes_quoting(
            &self.doc.map,
            self.card_quotes.words(),
            &mut self.measure,
        );
        let how = if flowing.by_side {
            Sheets::BySide
        } else {
            Sheets::One
        };
        let layout = flow_layout(&self.doc.map, flow, how, &sizes, Some(flowing.current));
        let map = flowed_map(&self.doc.map, &layout);
        // Counted down from the top of the range, where neither plain nor
        // filtered revisions go.
        let revision = flowing.cache.as_ref().map_or(u64::MAX, |c| c.revision - 1);
        flowing.cache = Some(FlowCache {
            key,
            map,
            layout,
            revision,
        });
    }

    /// The bar over the flow: the format, the current speech (with
    /// buttons to move), its clock, each side's prep, and the sheets.
    pub(super) fn flow_bar_ui(&mut self, ui: &mut Ui) {
        let Some(round) = self.doc.map.round.clone() else {
            return;
        };
        let now = ui.input(|i| i.time);
        let speeches = round.speeches();
        let sides = round.format.sides();
        let mut asked = None;
        let Some(flowing) = &mut self.round.flowing else {
            return;
        };
        let speech = speeches.get(flowing.current);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{} round", round.format.label())).strong());
            ui.separator();
            if ui
                .small_button("◀")
                .on_hover_text("Previous speech (Ctrl+←)")
                .clicked()
            {
                asked = Some(FlowAsk::Speech(-1));
            }
            if let Some(speech) = speech {
                ui.label(RichText::new(round.heading(speech)).strong().size(15.0));
            }
            if ui
                .small_button("▶")
                .on_hover_text("Next speech (Ctrl+→)")
                .clicked()
            {
                asked = Some(FlowAsk::Speech(1));
            }
            ui.separator();
            let clock = &flowing.speech_clock;
            let colour = clock_colour(ui, clock, now);
            ui.label(
                RichText::new(format!("⏱ {}", clock_text(clock.left(now))))
                    .monospace()
                    .size(16.0)
                    .color(colour),
            );
            let word = if clock.running() { "Stop" } else { "Start" };
            if ui
                .button(word)
                .on_hover_text("Speech timer (Ctrl+T)")
                .clicked()
            {
                asked = Some(FlowAsk::Clock(None));
            }
            for (n, prep) in flowing.prep.iter().enumerate() {
                ui.separator();
                let side = sides.get(n).map_or("", String::as_str);
                let text = format!("{side} prep {}", clock_text(prep.left(now)));
                let colour = clock_colour(ui, prep, now);
                let button = egui::Button::selectable(
                    prep.running(),
                    RichText::new(text).monospace().color(colour),
                );
                if ui
                    .add(button)
                    .on_hover_text(format!("Start or stop {side}'s prep (Ctrl+{})", n + 1))
                    .clicked()
                {
                    asked = Some(FlowAsk::Clock(Some(n)));
                }
            }
            ui.separator();
            if ui
                .checkbox(&mut flowing.by_side, "Sheets by side")
                .on_hover_text("A sheet for each side's case, as on paper")
                .changed()
            {
                self.view.camera.fit_requested = true;
            }
        });
        let running = flowing.speech_clock.running() || flowing.prep.iter().any(Clock::running);
        if running {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(250));
        }
        if flowing.speech_clock.running()
            && flowing.speech_clock.urgency(now) == Urgency::Warning
            && !flowing.warned
        {
            flowing.warned = true;
            if let Some(speech) = speech {
                self.messages
                    .status(format!("30 seconds left in the {}", speech.name));
            }
        }
        match asked {
            Some(FlowAsk::Speech(by)) => self.flow_speech(by),
            Some(FlowAsk::Clock(which)) => self.toggle_clock(which),
            None => {}
        }
    }
}

/// The colour a clock's time is shown in: as text, then the warning
/// colour in its last 30 seconds, then red over time.
fn clock_colour(ui: &Ui, clock: &Clock, now: f64) -> egui::Color32 {
    match clock.urgency(now) {
        Urgency::Plenty => ui.visuals().text_color(),
        Urgency::Warning => ui.visuals().warn_fg_color,
        Urgency::Over => crate::draw::style::dropped_color(ui.visuals().dark_mode),
    }
}

/// What the flow bar was asked for.
enum FlowAsk {
    Speech(isize),
    Clock(Option<usize>),
}
