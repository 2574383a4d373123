//! Presenting: full screen, step by step, the camera gliding to each step,
//! speaker notes in a window of their own; and the panel where the order
//! of the steps is chosen. Keys come from the command table's presenting
//! and steps-list scopes.

use egui::{Ui, ViewportCommand};

use super::ArgmapApp;
use crate::edit::Edit;
use crate::model::present;
use crate::model::{ClaimId, Presentation};
use crate::ui::canvas::Glide;
use crate::ui::commands::{self, Scope, UiCommand};
use crate::ui::present::steps::{self, Request, StepAction};
use crate::ui::present::{self as presenter, Outcome, PresentAction, Presenting, Saved};

impl ArgmapApp {
    /// Starts presenting from the first step, full screen.
    pub(super) fn start_presenting(&mut self) {
        self.finish_editing();
        let ctx = self.ctx.clone();
        let saved = Saved {
            camera: self.view.camera.clone(),
            selection: self.view.selection.clone(),
            minimap: self.view.look.minimap,
            fullscreen: ctx.input(|i| i.viewport().fullscreen.unwrap_or(false)),
        };
        let now = ctx.input(|i| i.time);
        let mut presenting = Presenting::new(&self.doc.map, saved, now);
        // The quoted words, read once: a PDF not read yet is left out.
        presenting.set_quotes(&self.doc.map, self.exported_quotes().0);
        if presenting.steps.is_empty() {
            self.messages
                .status("Nothing to present: the map has no claims");
            return;
        }
        self.presenting = Some(presenting);
        self.view.selection.clear();
        self.view.look.minimap = false;
        self.overlays.palette = None;
        self.overlays.search = None;
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
        self.glide_to_step(now);
    }

    /// Ends the presentation and puts the editor back as it was.
    fn stop_presenting(&mut self) {
        let Some(presenting) = self.presenting.take() else {
            return;
        };
        let saved = presenting.saved;
        self.view.camera = saved.camera;
        self.view.camera.glide = None;
        self.view.selection = saved.selection;
        self.view.look.minimap = saved.minimap;
        if !saved.fullscreen {
            self.ctx
                .send_viewport_cmd(ViewportCommand::Fullscreen(false));
        }
    }

    /// Starts the camera's glide to frame the current step (or the whole
    /// map in the overview).
    fn glide_to_step(&mut self, now: f64) {
        let Some(presenting) = &self.presenting else {
            return;
        };
        let map = &self.doc.map;
        let canvas = self
            .view
            .camera
            .canvas_rect
            .size()
            .max(egui::vec2(640.0, 480.0));
        let measure = &mut self.measure;
        let quotes = self.card_quotes.words();
        let mut card = |id: ClaimId| {
            map.claims.get(&id).map(|claim| {
                let words = quotes.get(&id).map(String::as_str);
                let size = measure.claim_card_size(map, claim, words);
                egui::Rect::from_center_size(egui::pos2(claim.pos.x, claim.pos.y), size)
            })
        };
        let Some((to, pointers)) = presenting.frame(map, &mut card, canvas) else {
            return;
        };
        let shown_cards: Vec<egui::Rect> = if presenting.overview {
            Vec::new()
        } else {
            presenting
                .steps
                .iter()
                .take(presenting.current + 1)
                .flatten()
                .filter_map(|&c| card(c))
                .collect()
        };
        self.view.camera.glide = Some(Glide {
            from: self.view.camera.scene_rect,
            to,
            start: now,
        });
        if let Some(presenting) = &mut self.presenting {
            presenting.pointers = pointers;
            presenting.shown_cards = shown_cards;
        }
    }

    /// Does what a key of the presentation asks (nothing when no
    /// presentation is under way).
    pub(super) fn present(&mut self, action: PresentAction) {
        let now = self.ctx.input(|i| i.time);
        let Some(presenting) = self.presenting.as_mut() else {
            return;
        };
        match presenting.run(action) {
            (Outcome::Exit, _) => self.stop_presenting(),
            (Outcome::Stay, true) => self.glide_to_step(now),
            (Outcome::Stay, false) => {}
        }
    }

    /// The keys of presenting typed into the window whose input `ctx`
    /// holds now: digits of a step number, and the commands.
    fn present_keys(&mut self, ctx: &egui::Context) -> Vec<UiCommand> {
        if let Some(presenting) = self.presenting.as_mut() {
            presenting.type_digits(ctx);
        }
        commands::pressed(ctx, Scope::Presenting, |_, _| true)
    }

    /// One frame of the presentation: keys, the map as far as presented,
    /// the progress marker and the speaker notes.
    pub(super) fn present_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let now = ctx.input(|i| i.time);
        // The presenter window, on a second display: it never takes the
        // focus from the audience's window, and keys typed in it steer too.
        let mut from_presenter = Vec::new();
        let window = self
            .presenting
            .as_ref()
            .is_some_and(|p| !p.notes_here && p.show_presenter);
        if window {
            // Beside the audience's screen: on a second display to its
            // right where there is one.
            let beside = ctx
                .input(|i| i.viewport().monitor_size)
                .map_or(egui::pos2(0.0, 0.0), |screen| {
                    egui::pos2(screen.x + 40.0, 40.0)
                });
            ctx.show_viewport_immediate(
                egui::ViewportId::from_hash_of("argmap-presenter"),
                egui::ViewportBuilder::default()
                    .with_title("Argmap — presenter")
                    .with_inner_size([520.0, 380.0])
                    .with_position(beside)
                    .with_active(false),
                |ui, class| {
                    if class != egui::ViewportClass::EmbeddedWindow {
                        from_presenter = self.present_keys(ui.ctx());
                    }
                    if let Some(presenting) = &self.presenting {
                        egui::CentralPanel::default().show(ui, |ui| {
                            presenter::presenter_ui(ui, &self.doc.map, presenting, now);
                        });
                    }
                },
            );
        }
        let mut pressed = self.present_keys(&ctx);
        pressed.extend(from_presenter);
        for command in pressed {
            self.run_command(command);
        }
        let Some(presenting) = &self.presenting else {
            return;
        };
        if presenting.notes_here {
            egui::Panel::bottom("argmap-present-notes")
                .resizable(true)
                .default_size(160.0)
                .show(ui, |ui| {
                    presenter::presenter_ui(ui, &self.doc.map, presenting, now);
                });
        }
        let mut ignored = Vec::new();
        egui::CentralPanel::default()
            .frame(egui::Frame::central_panel(ui.style()).inner_margin(0.0))
            .show(ui, |ui| {
                self.shown_canvas_ui(ui, &mut ignored);
            });
        if let Some(presenting) = &self.presenting {
            let canvas = self.view.camera.canvas_rect;
            presenter::progress_ui(&ctx, presenting, canvas);
            presenter::quotes_ui(&ctx, presenting, canvas);
            let screen_from_map = self.view.screen_from_map();
            let boxes =
                presenter::pointers_ui(&ctx, presenting, &self.doc.map, canvas, screen_from_map);
            if let Some(presenting) = &mut self.presenting {
                presenting.pointer_boxes = boxes;
            }
        }
        // Seconds tick on the presenter's timer.
        ctx.request_repaint_after(std::time::Duration::from_millis(500));
    }

    /// The panel of presentation steps, when open, and what it asks for.
    pub(super) fn steps_panel_ui(&mut self, ui: &mut Ui) {
        if !self.steps.open {
            return;
        }
        let revision = self.doc.history.revision();
        if self
            .steps
            .cache
            .as_ref()
            .is_none_or(|(r, _)| *r != revision)
        {
            self.steps.cache = Some((revision, present::steps(&self.doc.map)));
        }
        // Its keys while one of its rows has the keyboard, before the
        // canvas sees them.
        let pressed = if steps::has_keyboard(ui.ctx()) {
            commands::pressed(ui.ctx(), Scope::StepsList, |_, _| true)
        } else {
            Vec::new()
        };
        let keyed = !pressed.is_empty();
        for command in pressed {
            self.run_command(command);
        }
        let steps = self.steps.cache.as_ref().map_or(&[][..], |(_, s)| s);
        let map = &self.doc.map;
        let selected = &mut self.steps.selected;
        let request = egui::Panel::left("argmap-steps")
            .default_size(320.0)
            .resizable(true)
            .show(ui, |ui| steps::steps_ui(ui, map, steps, selected, keyed))
            .inner;
        if let Some(request) = request {
            self.steps_request(request);
        }
    }

    /// Runs a command of the steps list from the palette or a menu, as if
    /// its key were pressed in the list.
    pub(super) fn act_on_step(&mut self, action: StepAction) {
        let steps = self.steps.cache.as_ref().map_or(&[][..], |(_, s)| s);
        if let Some(request) = steps::step_request(action, steps, &mut self.steps.selected) {
            self.steps_request(request);
        }
    }

    /// Does what the steps panel asked.
    fn steps_request(&mut self, request: Request) {
        match request {
            Request::Change(change) => {
                if let Some(presentation) = present::changed(&self.doc.map, change) {
                    self.doc.apply(
                        Edit::SetPresentation(presentation),
                        "Change presentation order",
                    );
                }
            }
            Request::Reset => self.doc.apply(
                Edit::SetPresentation(Presentation::default()),
                "Default presentation order",
            ),
            Request::PresentFrom(step) => {
                self.start_presenting();
                let now = self.ctx.input(|i| i.time);
                if let Some(presenting) = self.presenting.as_mut() {
                    presenting.go_to(step);
                    self.glide_to_step(now);
                }
            }
        }
    }
}
