//! Presenting a map: full screen, step by step, the camera gliding from
//! each claim to the next, with speaker notes in a window of their own.
//! The order comes from [`crate::model::present::steps`].

pub mod steps;

use std::collections::BTreeSet;

use egui::{Align2, Key, Rect, RichText, Vec2, vec2};

use super::canvas::{Camera, Selection};
use crate::draw::framing;
use crate::model::present::{self, Step};
use crate::model::{ClaimId, Map};

/// What the editor showed before presenting, put back afterwards.
#[derive(Clone, Debug)]
pub struct Saved {
    /// The camera.
    pub camera: Camera,
    /// The selection.
    pub selection: Selection,
    /// The minimap switch.
    pub minimap: bool,
    /// Whether the window was full screen already.
    pub fullscreen: bool,
}

/// What a key of the presentation asks for (the commands of the
/// presenting scope of the table).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresentAction {
    /// The next step (or the step whose number was typed).
    Next,
    /// The step before (or take back a typed digit).
    Previous,
    /// The first step.
    First,
    /// The last step.
    Last,
    /// The step whose number was typed.
    GoTo,
    /// The whole map, and back.
    Overview,
    /// Speaker notes on this screen instead of their window.
    NotesHere,
    /// The quoted words the step rests on, with their citation, on the
    /// slide too.
    Quotes,
    /// The progress marker on or off.
    Progress,
    /// The presenter window on or off.
    Window,
    /// End the presentation.
    End,
}

/// A presentation in progress.
#[derive(Debug)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "Independent switches, one key each."
)]
pub struct Presenting {
    /// The steps, in order.
    pub steps: Vec<Step>,
    /// The step on screen, from 0.
    pub current: usize,
    /// Showing the whole map instead of the current step.
    pub overview: bool,
    /// Speaker notes on the main screen (one display) instead of in the
    /// presenter window.
    pub notes_here: bool,
    /// The "7 / 31" marker.
    pub show_progress: bool,
    /// The step's quoted words and their citations on the slide (they are
    /// always in the speaker notes).
    pub show_quotes: bool,
    /// The words each claim quotes from its source, read when the
    /// presentation started, and their citation (see [`Self::set_quotes`]).
    quotes: std::collections::BTreeMap<ClaimId, (String, String)>,
    /// The presenter window (speaker notes, next step, timer), opened
    /// with W; it goes to the right of the audience's screen, onto a
    /// second display where there is one.
    pub show_presenter: bool,
    /// Digits typed to jump to a step.
    pub typed: String,
    /// When the presentation started, for the presenter's timer.
    pub started: f64,
    /// What the current step answers (or the rest of a step too large to
    /// show at once) that does not fit readably: each claim and its label,
    /// pointed at from the screen's edge.
    pub pointers: Vec<(ClaimId, String)>,
    /// The cards on show at the current step, in map units: pointer labels
    /// never cover them.
    pub shown_cards: Vec<Rect>,
    /// Where the pointers' labels went on screen at the last frame.
    pub pointer_boxes: Vec<Rect>,
    /// The editor as it was.
    pub saved: Saved,
    /// Where each claim is presented (see [`present::step_index`]).
    order: present::StepOrder,
}

/// What a key press asks of the presentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Keep presenting.
    Stay,
    /// End the presentation.
    Exit,
}

impl Presenting {
    /// Starts presenting `map` at its first step.
    pub fn new(map: &Map, saved: Saved, now: f64) -> Self {
        let steps = present::steps(map);
        Self {
            order: present::step_index(&steps),
            steps,
            current: 0,
            overview: false,
            notes_here: false,
            show_progress: true,
            show_quotes: false,
            quotes: std::collections::BTreeMap::new(),
            // On one screen it would cover the slide: W opens it.
            show_presenter: false,
            typed: String::new(),
            started: now,
            pointers: Vec::new(),
            shown_cards: Vec::new(),
            pointer_boxes: Vec::new(),
            saved,
        }
    }

    /// Keeps the words each claim quotes (`words`), each with its
    /// citation in the map's style ("(Doe, 2021, para. 4)", or "Title,
    /// ¶4" for a source known by its title), worked out once here rather
    /// than every frame.
    pub fn set_quotes(&mut self, map: &Map, words: std::collections::BTreeMap<ClaimId, String>) {
        self.quotes = words
            .into_iter()
            .filter_map(|(id, words)| {
                let citation = map.claims.get(&id)?.source.as_ref()?;
                Some((id, (words, crate::cite::cited(map, citation))))
            })
            .collect();
    }

    /// The words the current step's claims quote, each with its citation.
    pub fn quoted(&self) -> Vec<(String, String)> {
        self.current_claims()
            .iter()
            .filter_map(|id| self.quotes.get(id).cloned())
            .collect()
    }

    /// The claims revealed so far: every step up to the current one.
    pub fn revealed(&self) -> BTreeSet<ClaimId> {
        self.steps
            .iter()
            .take(self.current + 1)
            .flatten()
            .copied()
            .collect()
    }

    /// The claims of the current step.
    pub fn current_claims(&self) -> &[ClaimId] {
        self.steps.get(self.current).map_or(&[], Vec::as_slice)
    }

    /// "7 / 31".
    pub fn progress(&self) -> String {
        format!("{} / {}", self.current + 1, self.steps.len())
    }

    /// Goes to step `index` (from 0), kept in range; true if it moved.
    pub fn go_to(&mut self, index: usize) -> bool {
        let index = index.min(self.steps.len().saturating_sub(1));
        let moved = index != self.current;
        self.current = index;
        moved
    }

    /// Reads the digits typed this frame: the number of a step to go to,
    /// in the making.
    pub fn type_digits(&mut self, ctx: &egui::Context) {
        for (key, digit) in [
            (Key::Num0, '0'),
            (Key::Num1, '1'),
            (Key::Num2, '2'),
            (Key::Num3, '3'),
            (Key::Num4, '4'),
            (Key::Num5, '5'),
            (Key::Num6, '6'),
            (Key::Num7, '7'),
            (Key::Num8, '8'),
            (Key::Num9, '9'),
        ] {
            if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key)) && self.typed.len() < 6
            {
                self.typed.push(digit);
            }
        }
    }

    /// Does what a key of the presentation asks. True in the second value
    /// when the step or the overview changed, so the camera should move.
    pub fn run(&mut self, action: PresentAction) -> (Outcome, bool) {
        let moved = match action {
            PresentAction::End => return (Outcome::Exit, false),
            // A number typed first: Enter (or any "next" key) goes there.
            PresentAction::Next | PresentAction::GoTo if !self.typed.is_empty() => {
                let number: usize = self.typed.parse().unwrap_or(1);
                self.typed.clear();
                self.go_to(number.saturating_sub(1));
                self.overview = false;
                true
            }
            PresentAction::Next => self.go_to(self.current + 1),
            // Without a number typed, "go to" waits for one.
            PresentAction::GoTo => false,
            // Backspace (or any "back" key) first takes back a typed digit.
            PresentAction::Previous if self.typed.pop().is_some() => false,
            PresentAction::Previous => self.go_to(self.current.saturating_sub(1)),
            PresentAction::First => self.go_to(0),
            PresentAction::Last => self.go_to(usize::MAX),
            PresentAction::Overview => {
                self.overview = !self.overview;
                true
            }
            PresentAction::NotesHere => {
                self.notes_here = !self.notes_here;
                false
            }
            PresentAction::Progress => {
                self.show_progress = !self.show_progress;
                false
            }
            PresentAction::Quotes => {
                self.show_quotes = !self.show_quotes;
                false
            }
            PresentAction::Window => {
                self.show_presenter = !self.show_presenter;
                false
            }
        };
        if moved && !self.overview {
            self.typed.clear();
        }
        (Outcome::Stay, moved)
    }

    /// The scene rectangle to show now, and what to point at beyond it:
    /// the current step with what it answers as far as that stays readable
    /// (see [`framing::step_frame`]), or every card in the
    /// overview, framed for a canvas of `canvas` size.
    pub fn frame(
        &self,
        map: &Map,
        mut card: impl FnMut(ClaimId) -> Option<Rect>,
        canvas: Vec2,
    ) -> Option<(Rect, Vec<(ClaimId, String)>)> {
        if self.overview {
            let all = map.claims.keys().filter_map(|&c| card(c));
            return framing::presentation_frame(all, canvas).map(|r| (r, Vec::new()));
        }
        let (view, beyond) = framing::frame_step(
            map,
            self.current_claims(),
            &self.order,
            card,
            canvas,
            framing::screen_min_zoom(canvas),
        )?;
        let pointers = beyond
            .iter()
            .map(|(around, _)| (around.claim, crate::draw::svg::pointer_text(map, around)))
            .collect();
        Some((view, pointers))
    }
}

/// Pointers at the edge of the screen toward what the current step answers
/// when it is too far to show: an arrow head and the claim's label, clear
/// of every card on show. The labels' boxes, on screen.
pub fn pointers_ui(
    ctx: &egui::Context,
    presenting: &Presenting,
    map: &Map,
    canvas: Rect,
    screen_from_map: egui::emath::TSTransform,
) -> Vec<Rect> {
    if presenting.overview || presenting.pointers.is_empty() {
        return Vec::new();
    }
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("argmap-present-pointers"),
    ));
    let ink = if ctx.global_style().visuals.dark_mode {
        crate::draw::style::POINTER_COLOR_DARK
    } else {
        crate::draw::style::POINTER_COLOR
    };
    let paper = ctx.global_style().visuals.panel_fill;
    // Labels clear of every card on show and of each other.
    let mut avoid: Vec<Rect> = presenting
        .shown_cards
        .iter()
        .map(|&card| screen_from_map * card)
        .filter(|card| card.intersects(canvas))
        .collect();
    let cards = avoid.len();
    let text = framing::screen_min_zoom(canvas.size()) * crate::card::TEXT_SIZE;
    for (claim, label) in &presenting.pointers {
        let Some(pos) = map.claims.get(claim).map(|c| egui::pos2(c.pos.x, c.pos.y)) else {
            continue;
        };
        let target = screen_from_map * pos;
        if canvas.contains(target) {
            continue;
        }
        let edge = framing::edge_point(canvas, target, 22.0);
        // Wrapped narrow, so it stays by the edge, clear of the step.
        let galley = painter.layout(
            label.clone(),
            egui::FontId::proportional(text.max(17.0)),
            ink,
            280.0,
        );
        let size = galley.size() + vec2(16.0, 10.0);
        let place = framing::pointer_place(canvas.shrink(8.0), edge, size, 14.0, 28.0, &avoid);
        let head = framing::arrow_head(place.map_or(edge, |p| p.at), target, 14.0);
        painter.add(egui::Shape::convex_polygon(
            head.to_vec(),
            ink,
            egui::Stroke::NONE,
        ));
        let Some(framing::PointerPlace { label: rect, .. }) = place else {
            continue;
        };
        avoid.push(rect);
        painter.rect(
            rect,
            8.0,
            paper,
            egui::Stroke::new(1.5, ink),
            egui::StrokeKind::Inside,
        );
        painter.galley(rect.min + vec2(8.0, 5.0), galley, ink);
    }
    avoid.split_off(cards)
}

/// The words the step quotes, with their citations, at the foot of the
/// slide, when the speaker asks for them (Q).
pub fn quotes_ui(ctx: &egui::Context, presenting: &Presenting, canvas: Rect) {
    if !presenting.show_quotes || presenting.overview {
        return;
    }
    let quoted = presenting.quoted();
    if quoted.is_empty() {
        return;
    }
    let width = (canvas.width() * 0.7).max(200.0);
    egui::Area::new(egui::Id::unique("argmap-present-quotes"))
        .order(egui::Order::Foreground)
        .pivot(Align2::CENTER_BOTTOM)
        .fixed_pos(canvas.center_bottom() - vec2(0.0, 48.0))
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(width);
                for (words, cite) in quoted {
                    ui.label(RichText::new(format!("“{words}”")).italics().size(20.0));
                    ui.label(RichText::new(cite).size(16.0));
                }
            });
        });
}

/// The quiet "7 / 31" marker in a corner, and typed digits while a jump is
/// being typed.
pub fn progress_ui(ctx: &egui::Context, presenting: &Presenting, canvas: Rect) {
    let text = if presenting.typed.is_empty() {
        presenting.progress()
    } else {
        format!("Go to step {}…", presenting.typed)
    };
    if !presenting.show_progress && presenting.typed.is_empty() {
        return;
    }
    let colour = crate::draw::style::progress_color(ctx.global_style().visuals.dark_mode);
    egui::Area::new(egui::Id::unique("argmap-present-progress"))
        .order(egui::Order::Foreground)
        .pivot(Align2::RIGHT_BOTTOM)
        .fixed_pos(canvas.right_bottom() - vec2(24.0, 18.0))
        .interactable(false)
        .show(ctx, |ui| {
            ui.add(egui::Label::new(RichText::new(text).size(18.0).color(colour)).extend());
        });
}

/// What the presenter needs: the step, its note, the next step, the time.
pub fn presenter_ui(ui: &mut egui::Ui, map: &Map, presenting: &Presenting, now: f64) {
    let elapsed = (now - presenting.started).max(0.0);
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "Whole seconds of a talk."
    )]
    let seconds = elapsed as u64;
    ui.horizontal(|ui| {
        ui.heading(format!("Step {}", presenting.progress()));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.heading(format!("{:02}:{:02}", seconds / 60, seconds % 60));
        });
    });
    ui.separator();
    let texts = |step: &[ClaimId]| -> Vec<String> {
        step.iter()
            .filter_map(|c| map.claims.get(c))
            .map(|c| c.text.clone())
            .collect()
    };
    for text in texts(presenting.current_claims()) {
        ui.label(RichText::new(text).strong());
    }
    ui.add_space(6.0);
    let notes: Vec<String> = presenting
        .current_claims()
        .iter()
        .filter_map(|c| map.claims.get(c))
        .filter_map(|c| c.note.clone())
        .collect();
    ui.label(RichText::new("Notes").weak());
    if notes.is_empty() {
        ui.label(RichText::new("No notes for this step.").italics());
    } else {
        for note in notes {
            ui.label(note);
        }
    }
    let quoted = presenting.quoted();
    if !quoted.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new("From the source").weak());
        for (words, cite) in quoted {
            ui.label(RichText::new(format!("“{words}”")).italics());
            ui.label(RichText::new(cite).small());
        }
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Next").weak());
    match presenting.steps.get(presenting.current + 1) {
        Some(next) => {
            for text in texts(next) {
                ui.label(text);
            }
        }
        None => {
            ui.label(RichText::new("The end.").italics());
        }
    }
}
