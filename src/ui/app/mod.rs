//! The application shell: the open document, the panels around the
//! canvas, and applying what the user asked for after each frame is drawn.
//!
//! - `prefs`: what is remembered between runs;
//! - `menus`: the menu bar, the status bar and the banners;
//! - `command_handling`: shortcuts, commands and actions applied after the
//!   frame, through the edit layer;
//! - `files`: opening, importing, exporting, saving, changes on disk;
//! - `repair`, `recovery`: maps that need repair, the recovery copy;
//! - `clipboard`: copy, cut, paste and duplicate;
//! - `shown`: folds, focus and presenting filter what the canvas shows;
//! - `presenting`: the presentation and the panel of its steps.

mod building;
mod clipboard;
mod command_handling;
mod dispatch;
mod evaluation;
mod files;
mod flowing;
mod menus;
mod new_round;
mod path_prompt;
mod prefs;
mod presenting;
mod quotes;
mod recovery;
mod repair;
mod shown;
mod source;
mod sources;

use std::path::PathBuf;

use egui::Ui;

use super::action::Action;
use super::canvas::{Marks, View};
use super::dialogs::FileDialogs;
use super::palette::Palette;
use super::present::Presenting;
use super::search::Search;
use crate::bundled;
use crate::edit::Document;
use crate::edit::clipboard::Fragment;
use crate::measure::TextMeasure;
use crate::model::ClaimId;
use prefs::Prefs;

pub use shown::Folding;

/// What to open when the app starts.
#[derive(Debug, Clone, Default)]
pub struct Startup {
    /// A file named on the command line.
    pub file: Option<PathBuf>,
    /// Reopen the map that was open last time (when no file is named).
    pub restore_last: bool,
    /// Where the recovery copy of unsaved work lives (the user's data
    /// folder); `None` keeps none.
    pub recovery_dir: Option<PathBuf>,
}

/// Messages for the user: problems and notes shown until dismissed, and
/// the status bar's line.
#[derive(Debug, Default)]
struct Messages {
    /// Problems to show until dismissed (failed loads and saves).
    errors: Vec<String>,
    /// Things to know, shown until dismissed (what an import left out).
    notes: Vec<String>,
    /// A short message for the status bar.
    status: String,
    /// When the status was said and what the document was then: it is
    /// about that moment, and goes once the map changes or after a while.
    /// `None` until the end of the frame that said it.
    said: Option<(f64, (u64, u64))>,
}

/// How long a status message stays when nothing else happens.
const STATUS_SECS: f64 = 12.0;

impl Messages {
    /// Says `message` in the status bar.
    fn status(&mut self, message: impl Into<String>) {
        self.status = message.into();
        self.said = None;
    }

    /// Once per frame, after its actions: notes when a new status was said,
    /// and clears one that the map has moved on from, or that is old.
    fn age(&mut self, now: f64, document: (u64, u64)) {
        match self.said {
            None => self.said = Some((now, document)),
            Some((at, then)) if then != document || now - at > STATUS_SECS => {
                self.status.clear();
            }
            Some(_) => {}
        }
    }
}

/// The windows over the editor that take the keys while open.
#[derive(Debug, Default)]
struct Overlays {
    /// The command palette, while open.
    palette: Option<Palette>,
    /// Whether the list of shortcuts is open.
    shortcuts: bool,
    /// The search bar, while open.
    search: Option<Search>,
    /// The window asking for a typed path, while open.
    path_prompt: Option<path_prompt::PathPrompt>,
    /// The Sources window, while open.
    sources: Option<crate::ui::sources::SourcesDialog>,
    /// The New round window, while open.
    new_round: Option<new_round::NewRound>,
}

/// The Argmap editor.
pub struct ArgmapApp {
    /// The open map.
    pub doc: Document,
    /// Camera, selection and gestures.
    pub view: View,
    /// The egui context, for measuring, the clipboard and the clock.
    ctx: egui::Context,
    dialogs: Box<dyn FileDialogs>,
    prefs: Prefs,
    /// Card text measurement: the canvas, arranging, import and export all
    /// size cards with it.
    measure: TextMeasure,
    messages: Messages,
    files: files::Files,
    /// The open map failed validation: it is shown read-only, without its
    /// broken parts, until the user repairs it.
    needs_repair: Option<repair::NeedsRepair>,
    recovery: recovery::Recovery,
    /// Folds and focus, and the part of the map the canvas shows.
    shown: shown::Shown,
    /// The presentation under way.
    presenting: Option<Presenting>,
    /// The panel of presentation steps.
    steps: crate::ui::present::steps::StepsPanel,
    /// The map's statuses and checks, and the checks panel.
    judged: evaluation::Judged,
    /// The outline panel's lines.
    outline: super::outline::OutlinePanel,
    /// The source panel: the text the map cites.
    source: super::source::SourcePanel,
    /// The words evidence quotes, for its cards.
    card_quotes: quotes::CardQuotes,
    /// A round's drops, and the flow view.
    round: flowing::RoundView,
    /// What was copied last, and the outline text sent to the system
    /// clipboard with it: pasting that text pastes these claims and links.
    clipboard: Option<(Fragment, String)>,
    overlays: Overlays,
    /// The window title last sent, to send it only when it changes.
    title: String,
}

impl ArgmapApp {
    /// Sets up fonts and style, and opens the first map: the file named on
    /// the command line, else the last one open, else the bundled article map.
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        startup: Startup,
        dialogs: Box<dyn FileDialogs>,
    ) -> Self {
        let ctx = cc.egui_ctx.clone();
        ctx.set_fonts(crate::measure::fonts());
        // Ctrl+Plus and Ctrl+Minus zoom the map, not the whole interface.
        ctx.options_mut(|o| {
            o.zoom_with_keyboard = false;
            // The canvas zooms with the wheel itself, a notch at most 1.2×
            // (ui::canvas::wheel), whatever the system counts as a notch.
            o.input_options.scroll_zoom_speed = 0.0;
        });
        let prefs: Prefs = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, prefs::PREFS_KEY))
            .unwrap_or_default();
        if let Some(scale) = prefs.text_scale {
            ctx.set_zoom_factor(scale.clamp(prefs::MIN_TEXT_SCALE, prefs::MAX_TEXT_SCALE));
        }
        prefs::apply_contrast(&ctx, prefs.look.high_contrast);
        let mut view = View::default();
        view.look = prefs.look;
        let mut app = Self {
            doc: Document::untitled(bundled::ARTICLE.map(), false),
            view,
            measure: TextMeasure::for_screen(ctx.pixels_per_point()),
            ctx,
            dialogs,
            prefs,
            messages: Messages::default(),
            files: files::Files::default(),
            needs_repair: None,
            recovery: recovery::Recovery::new(startup.recovery_dir.clone()),
            shown: shown::Shown::default(),
            presenting: None,
            steps: crate::ui::present::steps::StepsPanel::default(),
            judged: evaluation::Judged::default(),
            outline: super::outline::OutlinePanel::default(),
            source: super::source::SourcePanel::default(),
            card_quotes: quotes::CardQuotes::default(),
            round: flowing::RoundView::default(),
            clipboard: None,
            overlays: Overlays::default(),
            title: String::new(),
        };
        // A map named on the command line that is not there yet is a new
        // map that saves there, as editors do.
        if let Some(path) = &startup.file
            && crate::store::is_missing(path)
        {
            app.new_map_at(path);
            return app;
        }
        // A map named on the command line must open or say why; the last
        // map is reopened only if it is still there.
        let first = startup.file.or_else(|| {
            startup
                .restore_last
                .then(|| app.prefs.last_file.clone())
                .flatten()
                .filter(|path| crate::store::file_len(path).is_some())
        });
        if let Some(path) = first {
            app.open_path(&path);
        }
        app
    }

    /// A new, empty map that saves at `path`, where no file is yet.
    fn new_map_at(&mut self, path: &std::path::Path) {
        let title = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().replace(['-', '_'], " "))
            .unwrap_or_default();
        self.replace_document(Document::from_file(
            crate::model::Map::new(title.trim()),
            path.to_path_buf(),
        ));
        let save = crate::ui::UiCommand::Save.shortcut_text(&self.ctx);
        self.messages.status(format!(
            "New map: {} is made when you save ({save}). Double-click the canvas to write its thesis",
            path.display()
        ));
    }

    /// Problems waiting to be read, one per failed operation.
    pub fn errors(&self) -> &[String] {
        &self.messages.errors
    }

    /// Notes waiting to be read, such as what an import left out.
    pub fn notes(&self) -> &[String] {
        &self.messages.notes
    }

    /// The status bar's message.
    pub fn status(&self) -> &str {
        &self.messages.status
    }

    /// Whether the command palette is open.
    pub fn palette_open(&self) -> bool {
        self.overlays.palette.is_some()
    }

    /// Whether the search bar is open.
    pub fn search_open(&self) -> bool {
        self.overlays.search.is_some()
    }

    /// The claims the open search found, in reading order.
    pub fn found(&self) -> &[ClaimId] {
        self.overlays
            .search
            .as_ref()
            .map_or(&[], |s| s.matches.as_slice())
    }

    /// Folded claims and the claim in focus.
    pub fn folding(&self) -> &Folding {
        &self.shown.folding
    }

    /// Folded claims and the claim in focus, to change (as the fold and
    /// focus commands do, without their status messages).
    pub fn folding_mut(&mut self) -> &mut Folding {
        &mut self.shown.folding
    }

    /// The marks on the canvas: folded claims' badges, search matches,
    /// the step presented.
    pub fn marks(&self) -> &Marks {
        &self.shown.marks
    }

    /// The statuses of the open map's claims and links.
    pub fn evaluation(&self) -> &crate::eval::Evaluation {
        &self.judged.evaluation
    }

    /// The claims whose status the last change flipped.
    pub fn flipped(&self) -> &std::collections::BTreeSet<ClaimId> {
        &self.judged.flipped
    }

    /// What the map checks found on the open map.
    pub fn findings(&self) -> &[crate::eval::checks::Finding] {
        &self.judged.findings
    }

    /// While presenting: the step on screen (from 0), the number of steps
    /// and the claims of the step.
    pub fn presentation(&self) -> Option<(usize, usize, &[ClaimId])> {
        self.presenting
            .as_ref()
            .map(|p| (p.current, p.steps.len(), p.current_claims()))
    }

    /// While presenting: the labels of the pointers at the screen's edge
    /// toward what the step answers, when that is too far to show.
    pub fn presentation_pointers(&self) -> Vec<&str> {
        self.presenting
            .iter()
            .flat_map(|p| p.pointers.iter().map(|(_, label)| label.as_str()))
            .collect()
    }

    /// Where the presentation's pointer labels are on screen.
    pub fn presentation_pointer_boxes(&self) -> &[egui::Rect] {
        self.presenting
            .as_ref()
            .map_or(&[], |p| p.pointer_boxes.as_slice())
    }

    /// Source files outside their map's folder the user chose or allowed.
    pub fn allowed_sources(&self) -> &std::collections::BTreeSet<std::path::PathBuf> {
        &self.prefs.allowed_sources
    }

    /// The quote the source panel shows highlighted: paragraph and
    /// character span.
    pub fn source_highlight(&self) -> Option<(u32, usize, usize)> {
        self.source.highlight
    }

    /// The words selected in the source panel: paragraph and character
    /// span.
    pub fn source_selection(&self) -> Option<(u32, usize, usize)> {
        self.source
            .selection
            .as_ref()
            .map(|s| (s.para, s.start, s.end))
    }

    /// The words selected in the source panel, over one paragraph or more:
    /// first paragraph and character, last paragraph and character, words.
    pub fn source_selection_span(&self) -> Option<(u32, usize, u32, usize, String)> {
        self.source
            .selection
            .as_ref()
            .map(|s| (s.para, s.start, s.last, s.end, s.words.clone()))
    }

    /// The outline text last put on the system clipboard.
    pub fn copied_text(&self) -> Option<&str> {
        self.clipboard.as_ref().map(|(_, text)| text.as_str())
    }

    /// The window title: the map's name, marked while changes are unsaved.
    pub fn window_title(&self) -> String {
        let mark = if self.doc.is_modified() { "• " } else { "" };
        format!("{mark}{} — Argmap", self.doc.display_name())
    }

    /// Puts `doc` on the canvas in place of the open map: a fresh view
    /// (the look kept) with the folds remembered for its file.
    fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        // What was said was about the map before: its banners go with it.
        self.messages.status(String::new());
        self.messages.errors.clear();
        self.messages.notes.clear();
        self.needs_repair = None;
        self.steps.forget();
        self.judged.forget();
        // The source panel's find, marked paragraph and selection were
        // about the map before.
        self.source = super::source::SourcePanel::default();
        let look = self.view.look;
        self.view = View::default();
        self.view.look = look;
        self.shown.reset();
        self.round = flowing::RoundView::default();
        if let Some(path) = &self.doc.path
            && let Some(folds) = self.prefs.folds.get(&crate::store::canonical(path))
        {
            self.shown.folding.folds = folds
                .iter()
                .map(|&id| ClaimId(id))
                .filter(|id| self.doc.map.claims.contains_key(id))
                .collect();
        }
    }

    /// Runs `work` on the app; if it panics, the unsaved work is first
    /// written as the recovery copy (offered at the next start), then the
    /// panic goes on. Every frame runs through this.
    pub fn guarded<R>(&mut self, work: impl FnOnce(&mut Self) -> R) -> R {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(self))) {
            Ok(result) => result,
            Err(panic) => {
                self.rescue();
                std::panic::resume_unwind(panic)
            }
        }
    }

    /// Work that goes on whether or not the window is drawn: the recovery
    /// copy, changes to the file on disk, a map read in the background.
    fn background_work(&mut self) {
        self.take_loaded();
        self.watch_file();
        self.autosave();
    }

    /// One frame: input, panels, the canvas, then the actions they asked for.
    fn frame_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        crate::ui::commands::drop_chord_text(&ctx);
        self.handle_window_events(&ctx);
        self.refresh_evaluation();
        if self.presenting.is_some() {
            self.present_ui(ui);
            return;
        }
        let mut actions = Vec::new();
        self.overlays_ui(&ctx, &mut actions);
        egui::Panel::top("argmap-menu").show(ui, |ui| self.menu_bar_ui(ui, &mut actions));
        egui::Panel::bottom("argmap-status").show(ui, |ui| self.status_bar_ui(ui, &mut actions));
        self.steps_panel_ui(ui);
        self.checks_panel_ui(ui, &mut actions);
        self.source_panel_ui(ui, &mut actions);
        if self.prefs.show_outline {
            egui::Panel::left("argmap-outline")
                .default_size(side_panel_width(ui, 0.24, 200.0, 320.0))
                .size_range(200.0..=640.0)
                .resizable(true)
                .show(ui, |ui| {
                    super::outline::outline_ui(
                        ui,
                        &self.doc.map,
                        self.doc.state(),
                        self.view.selection.single(),
                        &mut self.outline,
                        &mut actions,
                    );
                });
        }
        if !self.prefs.hide_inspector {
            egui::Panel::right("argmap-inspector")
                .default_size(side_panel_width(ui, 0.18, 220.0, 300.0))
                .resizable(true)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        let quote = self
                            .view
                            .selection
                            .single()
                            .and_then(|id| self.source.quote_of(&self.doc.map, id));
                        let inspected = super::inspector::Inspected {
                            map: &self.doc.map,
                            view: &self.view,
                            evaluation: &self.judged.evaluation,
                            quote: quote.as_ref(),
                        };
                        super::inspector::inspector_ui(ui, inspected, &mut actions);
                    });
                });
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::central_panel(ui.style()).inner_margin(0.0))
            .show(ui, |ui| {
                self.banners_ui(ui);
                self.needs_repair_ui(ui);
                self.breadcrumb_ui(ui);
                if self.round.flowing.is_some() && self.presenting.is_none() {
                    self.flow_bar_ui(ui);
                }
                self.shown_canvas_ui(ui, &mut actions);
            });
        self.confirm_ui(&ctx);
        self.sources_window_ui(&ctx);
        self.new_round_ui(&ctx);
        self.path_prompt_ui(&ctx);
        self.loading_ui(&ctx);
        self.conflict_ui(&ctx);
        self.recovery_ui(&ctx);

        for action in actions {
            self.perform(action);
        }
        let now = ctx.input(|i| i.time);
        self.messages.age(now, self.doc.state());
        if !self.messages.status.is_empty() && self.messages.said.is_some() {
            // Wake up to clear it when it gets old.
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(STATUS_SECS));
        }
        if self.doc.history.take_refused()
            && let Some(repair) = &self.needs_repair
        {
            self.messages.status(format!(
                "{} is read-only until it is repaired: press Repair above the map",
                repair.path.display()
            ));
        }
    }

    /// The shortcut list, the search bar and the palette, which take their
    /// keys before the canvas; the editor's shortcuts when none of them
    /// holds the keyboard.
    fn overlays_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        // The shortcut list closes on Esc before Esc means anything else.
        if self.overlays.shortcuts {
            super::palette::shortcuts_ui(ctx, &mut self.overlays.shortcuts);
        }
        // The search bar takes Enter and Esc while its field has the focus.
        if let Some(mut search) = self.overlays.search.take() {
            let before = search.current_claim();
            search.refresh(&self.doc.map, self.doc.history.revision());
            // Typing goes to the first match at once, as a browser's find does.
            let typed_to = search.current_claim().filter(|&now| Some(now) != before);
            let canvas = self.view.camera.canvas_rect;
            match super::search::search_ui(ctx, canvas, &mut search) {
                super::search::Outcome::Stay => {
                    if let Some(id) = typed_to {
                        self.show_claim(id);
                    }
                    self.overlays.search = Some(search);
                }
                super::search::Outcome::Show(id) => {
                    self.show_claim(id);
                    self.overlays.search = Some(search);
                }
                super::search::Outcome::Close => {}
            }
        }
        // The palette takes the keys while it is open.
        if let Some(mut palette) = self.overlays.palette.take() {
            let runs = |command| self.runs_now(command);
            match super::palette::palette_ui(ctx, &mut palette, runs) {
                super::palette::Outcome::Open => self.overlays.palette = Some(palette),
                super::palette::Outcome::Close => {}
                super::palette::Outcome::Run(command) => actions.push(Action::Command(command)),
            }
        } else if self.files.pending.is_none()
            && self.files.loading.is_none()
            && !self.asking_for_path()
        {
            self.shortcut_actions(ctx, actions);
            self.clipboard_events(ctx);
        }
    }
}

impl eframe::App for ArgmapApp {
    fn logic(&mut self, _ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.guarded(Self::background_work);
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.guarded(|app| app.frame_ui(ui));
    }

    fn on_exit(&mut self) {
        // A clean exit leaves no recovery copy: the user saved or chose not
        // to.
        self.recovery.clear_on_exit();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        // Next time, reopen the map on screen now if it has a file; an
        // untitled map cannot be reopened, so the bundled map shows instead.
        self.prefs.last_file.clone_from(&self.doc.path);
        eframe::set_value(storage, prefs::PREFS_KEY, &self.prefs);
    }
}

/// How wide a side panel opens on a window as wide as `ui`'s: `share` of
/// it, between `min` and `max` points, so that on a 1280-point laptop
/// screen the source panel and the inspector together leave the canvas
/// room to show the bundled map whole at title zoom.
pub(super) fn side_panel_width(ui: &Ui, share: f32, min: f32, max: f32) -> f32 {
    (ui.ctx().content_rect().width() * share).clamp(min, max)
}
