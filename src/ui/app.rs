//! The application shell: menus, panels, files, and applying what the user
//! asked for after each frame is drawn.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use egui::{Color32, Id, RichText, Ui, ViewportCommand};
use serde::{Deserialize, Serialize};

use super::canvas::{self, Action, Editing, View, canvas_ui, command_button};
use super::commands::UiCommand;
use super::dialogs::FileDialogs;
use super::inspector::inspector_ui;
use crate::bundled::{self, Bundled};
use crate::draw::svg::Background;
use crate::edit::clipboard::{self, Fragment};
use crate::edit::{self, Document, Edit};
use crate::export::{ExportFormat, ExportOptions};
use crate::format::ron::Parsed;
use crate::import::ImportFormat;
use crate::model::nav::Direction;
use crate::model::outline_view;
use crate::model::{Claim, ClaimId, LinkKind, Map, Pos};

/// The key the app's preferences are stored under by eframe.
const PREFS_KEY: &str = "argmap-prefs";
/// How many recent files the File menu remembers.
const MAX_RECENT: usize = 10;

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

/// What persists between runs (in eframe's storage), apart from any map.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
struct Prefs {
    /// The map open when the app last closed.
    last_file: Option<PathBuf>,
    /// Recently opened or saved maps, newest first.
    recent: Vec<PathBuf>,
    /// PNG exports: pixels per map unit.
    png_scale: Option<f32>,
    /// PNG and SVG exports: transparent instead of white.
    transparent: bool,
    /// Folded claims of each map file, so a map reopens as it was shown.
    folds: BTreeMap<PathBuf, Vec<u32>>,
    /// The text scale (egui's zoom factor), when changed from 1.
    text_scale: Option<f32>,
    /// Minimap and high contrast.
    look: canvas::Look,
    /// Saving over a file does not keep its previous version as
    /// `NAME.ron.bak` (kept by default).
    no_backups: bool,
    /// While presenting, claims not yet reached are faded instead of
    /// hidden.
    present_fade: bool,
    /// Seconds between recovery copies while there are unsaved changes;
    /// `None` for the default, [`AUTOSAVE_SECONDS`].
    recovery_seconds: Option<u32>,
}

/// An action waiting for the answer to "Save changes?".
#[derive(Debug, Clone, PartialEq)]
enum Pending {
    /// Start a new map: blank, or from a bundled one.
    New(Option<Bundled>),
    /// Open a file, or ask which.
    Open(Option<PathBuf>),
    /// Import an Argdown or AIF file, or ask which.
    Import(Option<PathBuf>),
    /// Close the window.
    Quit,
}

impl PartialEq for Bundled {
    fn eq(&self, other: &Self) -> bool {
        self.file_name == other.file_name
    }
}

/// The range of the text scale.
const MIN_TEXT_SCALE: f32 = 0.6;
const MAX_TEXT_SCALE: f32 = 2.5;

/// A large map being read on a worker thread, so the window stays alive.
struct Loading {
    path: PathBuf,
    progress: Arc<crate::store::Progress>,
    result: std::sync::mpsc::Receiver<Result<Parsed, crate::store::FileError>>,
}

/// Files from this size on are read on a worker thread with a progress
/// dialog; smaller ones open at once.
const BACKGROUND_FROM: u64 = 4 * 1024 * 1024;

/// A map that parsed but failed validation, shown read-only.
struct NeedsRepair {
    /// The file it came from.
    path: PathBuf,
    /// Every problem, as the file has it.
    problems: Vec<String>,
    /// What repairing does, one sentence each.
    fixes: Vec<String>,
}

/// The part of the map on the canvas while claims are folded or focused,
/// or while presenting.
struct Shown {
    /// The map revision this was made for.
    of_revision: u64,
    /// The view it shows.
    filter: Filter,
    /// The claims shown and the links among them.
    map: Map,
    /// A revision number for the canvas, new whenever `map` is.
    revision: u64,
}

/// Which claims the canvas shows, when not simply all of them.
#[derive(Clone, Debug, PartialEq)]
enum Filter {
    /// Without folded subtrees, or only the focused claim and its answers.
    Outline {
        folds: BTreeSet<ClaimId>,
        focus: Option<ClaimId>,
    },
    /// Presenting: the steps up to `step`, the others hidden, or faded in
    /// the overview or when `fade` is set; the step itself glows but in
    /// the overview.
    Presented {
        step: usize,
        overview: bool,
        fade: bool,
    },
}

/// The Argmap editor.
#[allow(clippy::struct_excessive_bools)] // Independent switches of the window.
pub struct ArgmapApp {
    /// The open map.
    pub doc: Document,
    /// Camera, selection and gestures.
    pub view: View,
    dialogs: Box<dyn FileDialogs>,
    prefs: Prefs,
    /// Problems to show until dismissed (failed loads and saves).
    errors: Vec<String>,
    /// Things to know, shown until dismissed (what an import left out).
    notes: Vec<String>,
    /// Whether an export with claims selected covers only them.
    export_selection: bool,
    /// The command palette, while open.
    palette: Option<super::palette::Palette>,
    /// The file changed on disk while there were unsaved edits: saving
    /// asks what to do first.
    conflict: bool,
    /// The open map failed validation: it is shown read-only, without its
    /// broken parts, until the user repairs it.
    needs_repair: Option<NeedsRepair>,
    /// A large map being read on a worker thread.
    loading: Option<Loading>,
    /// The presentation under way.
    presenting: Option<super::present::Presenting>,
    /// Whether the panel of presentation steps is open.
    steps_open: bool,
    /// The step selected in that panel.
    steps_selected: Option<usize>,
    /// The presentation steps of the map, and the revision they are of.
    steps_cache: Option<(u64, Vec<crate::model::present::Step>)>,
    /// Where the recovery copy goes.
    recovery_dir: Option<PathBuf>,
    /// A copy left by a run that did not end cleanly, offered at start.
    recovered: Option<crate::recovery::Recovered>,
    /// When the recovery copy was last written, and for which revision.
    autosaved: (f64, Option<u64>),
    /// Whether the window had the focus last frame.
    was_focused: bool,
    /// When the file on disk was last compared with the document.
    last_disk_check: f64,
    /// The map as the canvas shows it when folds or focus hide claims,
    /// kept until the map or the view filter changes.
    shown: Option<Shown>,
    /// What was copied last, and the outline text sent to the system
    /// clipboard with it: pasting that text pastes these claims and links.
    clipboard: Option<(Fragment, String)>,
    /// Whether the list of shortcuts is open.
    shortcuts_open: bool,
    /// A short message for the status bar.
    status: String,
    pending: Option<Pending>,
    /// Set once the user agreed to close, so the next close goes through.
    allow_close: bool,
    /// The window title last sent, to send it only when it changes.
    title: String,
    /// The egui context, for measuring text outside of drawing.
    ctx: Option<egui::Context>,
}

impl ArgmapApp {
    /// Sets up fonts and style, and opens the first map: the file named on
    /// the command line, else the last one open, else the bundled article map.
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        startup: Startup,
        dialogs: Box<dyn FileDialogs>,
    ) -> Self {
        cc.egui_ctx.set_fonts(crate::measure::fonts());
        // Ctrl+Plus and Ctrl+Minus zoom the map, not the whole interface.
        cc.egui_ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let prefs: Prefs = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, PREFS_KEY))
            .unwrap_or_default();
        if let Some(scale) = prefs.text_scale {
            cc.egui_ctx
                .set_zoom_factor(scale.clamp(MIN_TEXT_SCALE, MAX_TEXT_SCALE));
        }
        let mut app = Self {
            doc: Document::untitled(bundled::ARTICLE.map(), true),
            view: View::default(),
            dialogs,
            prefs,
            errors: Vec::new(),
            notes: Vec::new(),
            export_selection: true,
            palette: None,
            conflict: false,
            needs_repair: None,
            loading: None,
            presenting: None,
            steps_open: false,
            steps_selected: None,
            steps_cache: None,
            recovery_dir: startup.recovery_dir.clone(),
            recovered: startup
                .recovery_dir
                .as_deref()
                .and_then(crate::recovery::find),
            autosaved: (0.0, None),
            was_focused: true,
            last_disk_check: 0.0,
            shown: None,
            clipboard: None,
            shortcuts_open: false,
            status: String::new(),
            pending: None,
            allow_close: false,
            title: String::new(),
            ctx: Some(cc.egui_ctx.clone()),
        };
        app.view.look.minimap = app.prefs.look.minimap;
        apply_contrast(&cc.egui_ctx, app.prefs.look.high_contrast);
        app.view.look.high_contrast = app.prefs.look.high_contrast;
        // A map named on the command line must open or say why; the last
        // map is reopened only if it is still there.
        let first = startup.file.or_else(|| {
            startup
                .restore_last
                .then(|| app.prefs.last_file.clone())
                .flatten()
                .filter(|path| path.is_file())
        });
        if let Some(path) = first {
            app.open_path(&path);
        }
        app
    }

    /// Problems waiting to be read, one per failed operation.
    pub fn errors(&self) -> &[String] {
        &self.errors
    }

    /// Notes waiting to be read, such as what an import left out.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// Whether the command palette is open.
    pub fn palette_open(&self) -> bool {
        self.palette.is_some()
    }

    /// While presenting: the step on screen (from 0), the number of steps
    /// and the claims of the step.
    pub fn presentation(&self) -> Option<(usize, usize, &[ClaimId])> {
        self.presenting
            .as_ref()
            .map(|p| (p.current, p.steps.len(), p.current_claims()))
    }

    /// The status bar's message.
    pub fn status(&self) -> &str {
        &self.status
    }

    /// The window title: the map's name, marked while changes are unsaved.
    pub fn window_title(&self) -> String {
        let mark = if self.doc.is_modified() { "• " } else { "" };
        format!("{mark}{} — Argmap", self.doc.display_name())
    }

    fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.needs_repair = None;
        self.steps_cache = None;
        let look = self.view.look;
        self.view = View::default();
        self.view.look = look;
        self.shown = None;
        // Folds are remembered per map file.
        if let Some(path) = &self.doc.path {
            let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            if let Some(folds) = self.prefs.folds.get(&key) {
                self.view.folds = folds
                    .iter()
                    .map(|&id| ClaimId(id))
                    .filter(|id| self.doc.map.claims.contains_key(id))
                    .collect();
            }
        }
    }

    /// Remembers the folds of the map's file for the next time it opens.
    fn remember_folds(&mut self) {
        let Some(path) = &self.doc.path else {
            return;
        };
        let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        if self.view.folds.is_empty() {
            self.prefs.folds.remove(&key);
        } else {
            self.prefs
                .folds
                .insert(key, self.view.folds.iter().map(|c| c.0).collect());
        }
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
        (!self.view.folds.is_empty() || self.view.focus.is_some()).then(|| Filter::Outline {
            folds: self.view.folds.clone(),
            focus: self.view.focus,
        })
    }

    /// Brings `shown` up to date: `None` when the canvas shows the whole
    /// map, else the map without folded subtrees, only the focused claim
    /// and its answers, or the claims presented so far (the rest faded
    /// when so set).
    fn refresh_shown(&mut self) {
        let revision = self.doc.history.revision();
        let Some(filter) = self.filter() else {
            self.shown = None;
            self.view.fold_counts.clear();
            self.view.faded.clear();
            self.view.spotlight.clear();
            return;
        };
        if self
            .shown
            .as_ref()
            .is_some_and(|s| s.of_revision == revision && s.filter == filter)
        {
            return;
        }
        let map = &self.doc.map;
        self.view.fold_counts.clear();
        self.view.faded.clear();
        self.view.spotlight.clear();
        let keep = match (&filter, &self.presenting) {
            (&Filter::Presented { overview, fade, .. }, Some(presenting)) => {
                let revealed = presenting.revealed();
                if !overview {
                    self.view.spotlight = presenting.current_claims().iter().copied().collect();
                }
                if overview || fade {
                    self.view.faded = map
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
            (Filter::Outline { folds, focus }, _) => {
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
                self.view.fold_counts = counts
                    .into_iter()
                    .filter(|(c, _)| keep.contains(c))
                    .collect();
                keep
            }
            (Filter::Presented { .. }, None) => map.claims.keys().copied().collect(),
        };
        let mut shown = map.subset(&keep);
        shown.thesis = map.thesis;
        self.view.known_roles = Some(crate::model::Role::all(map));
        // Counted up from the top half of the range, where no plain revision
        // goes: the canvas sees a new revision for every new filter.
        let revision_shown = self.shown.as_ref().map_or(1 << 63, |s| s.revision + 1);
        self.shown = Some(Shown {
            of_revision: revision,
            filter,
            map: shown,
            revision: revision_shown,
        });
    }

    /// The canvas, drawing the map as shown (see [`Self::refresh_shown`]).
    fn shown_canvas_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        self.refresh_shown();
        let (map, revision) = match &self.shown {
            Some(shown) => (&shown.map, shown.revision),
            None => (&self.doc.map, self.doc.history.revision()),
        };
        canvas_ui(ui, map, revision, &mut self.view, actions);
    }

    /// Makes `claim` answer `onto` instead of what it answered, and lays
    /// `onto`'s answers out again: one undo step.
    fn reparent(&mut self, claim: ClaimId, onto: ClaimId, kind: LinkKind) {
        let map = &self.doc.map;
        if outline_view::descendants(map, claim).contains(&onto) {
            "Not moved: a claim cannot answer one of its own answers".clone_into(&mut self.status);
            return;
        }
        let mut edits: Vec<Edit> = map
            .links
            .iter()
            .filter(|(_, l)| {
                l.premises == [claim] && matches!(l.target, crate::model::Target::Claim(_))
            })
            .take(1)
            .map(|(&id, _)| Edit::RemoveLink(id))
            .collect();
        // Undercuts of the removed link cannot stand without it.
        if let Some(Edit::RemoveLink(old)) = edits.first().cloned() {
            let undercuts: BTreeSet<crate::model::LinkId> = map
                .links
                .iter()
                .filter(|(_, l)| l.target == crate::model::Target::Link(old))
                .map(|(&id, _)| id)
                .collect();
            if !undercuts.is_empty() {
                edits.insert(0, edit::delete_links(map, &undercuts));
            }
        }
        edits.push(Edit::AddLink {
            id: map.next_link_id(),
            link: crate::model::Link::new(kind, vec![claim], crate::model::Target::Claim(onto)),
        });
        let edit = self.then_arranged(Edit::Batch(edits), &[onto]);
        let verb = match kind {
            LinkKind::Support => "a reason for",
            LinkKind::Attack => "an objection to",
        };
        self.doc.apply(edit, "Re-parent");
        let target = self
            .doc
            .map
            .claims
            .get(&onto)
            .map(|c| short(&c.text, 40))
            .unwrap_or_default();
        self.status = format!("Now {verb} “{target}”");
    }

    /// `edit`, followed in the same step by laying out what answers each of
    /// `roots` as the map will stand after it.
    fn then_arranged(&mut self, edit: Edit, roots: &[ClaimId]) -> Edit {
        if roots.is_empty() {
            return edit;
        }
        let mut preview = self.doc.map.clone();
        let _ = edit.clone().apply(&mut preview);
        let sizes = crate::measure::card_sizes(&preview, self.view.measure());
        let mut moves = Vec::new();
        for &root in roots {
            let scope = crate::layout::Scope::Subtree(root);
            for (id, pos) in crate::layout::arrange(&preview, &sizes, scope) {
                if let Some(claim) = preview.claims.get_mut(&id) {
                    claim.pos = pos;
                }
                moves.push((id, pos));
            }
        }
        if moves.is_empty() {
            edit
        } else {
            Edit::Batch(vec![edit, Edit::Move(moves)])
        }
    }

    /// Larger, smaller or normal text everywhere, remembered.
    fn scale_text(&mut self, command: UiCommand) {
        let Some(ctx) = self.ctx.clone() else {
            return;
        };
        let now = ctx.zoom_factor();
        let scale = match command {
            UiCommand::TextLarger => now * 1.1,
            UiCommand::TextSmaller => now / 1.1,
            _ => 1.0,
        }
        .clamp(MIN_TEXT_SCALE, MAX_TEXT_SCALE);
        ctx.set_zoom_factor(scale);
        self.prefs.text_scale = ((scale - 1.0).abs() > 0.01).then_some(scale);
        self.status = format!("Text at {:.0} %", scale * 100.0);
    }

    fn toggle_fold(&mut self) {
        let selected: Vec<ClaimId> = self.view.selection.iter().copied().collect();
        if selected.iter().any(|c| self.view.folds.contains(c)) {
            for c in &selected {
                self.view.folds.remove(c);
            }
            "Unfolded".clone_into(&mut self.status);
        } else {
            let foldable: Vec<ClaimId> = selected
                .into_iter()
                .filter(|&c| !crate::model::nav::children(&self.doc.map, c).is_empty())
                .collect();
            if foldable.is_empty() {
                let why = if self.view.selection.is_empty() {
                    "Select a claim to fold what answers it"
                } else {
                    "Nothing to fold: the selected claims have no answers"
                };
                why.clone_into(&mut self.status);
                return;
            }
            self.view.folds.extend(foldable);
            "Folded".clone_into(&mut self.status);
        }
        self.remember_folds();
    }

    fn focus_on(&mut self, claim: Option<ClaimId>) {
        self.view.focus = claim.filter(|c| self.doc.map.claims.contains_key(c));
        if let Some(claim) = self.view.focus {
            self.view.selection = BTreeSet::from([claim]);
        }
        self.view.fit_requested = true;
    }

    /// The breadcrumb bar of focus mode: the path to the focused claim,
    /// each step clickable, and the way out.
    fn breadcrumb_ui(&mut self, ui: &mut Ui) {
        let Some(focus) = self.view.focus else {
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
                            .map(|c| short(&c.text, 40))
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

    fn open_path(&mut self, path: &Path) {
        let large = std::fs::metadata(path).is_ok_and(|m| m.len() >= BACKGROUND_FROM);
        if !large {
            let result = crate::store::parse_map(path);
            self.opened(path, result);
            return;
        }
        let progress = Arc::new(crate::store::Progress::default());
        let (send, result) = std::sync::mpsc::channel();
        let worker = {
            let path = path.to_path_buf();
            let progress = Arc::clone(&progress);
            let ctx = self.ctx.clone();
            move || {
                let parsed = crate::store::parse_map_with(&path, &progress);
                let _ = send.send(parsed);
                if let Some(ctx) = ctx {
                    ctx.request_repaint();
                }
            }
        };
        match std::thread::Builder::new()
            .name("argmap-open".to_owned())
            .spawn(worker)
        {
            Ok(_) => {
                self.loading = Some(Loading {
                    path: path.to_path_buf(),
                    progress,
                    result,
                });
            }
            Err(err) => self.errors.push(format!(
                "{}: cannot open: no thread to read it on ({err})",
                path.display()
            )),
        }
    }

    /// Takes what reading `path` gave: the map, the map needing repair, or
    /// the error.
    fn opened(&mut self, path: &Path, result: Result<Parsed, crate::store::FileError>) {
        match result {
            Ok(parsed) if parsed.problems.is_empty() => {
                self.replace_document(Document::from_file(parsed.map, path.to_path_buf()));
                self.remember(path);
                self.status = format!("Opened {}", path.display());
            }
            Ok(parsed) => self.open_for_repair(path, parsed),
            Err(err) if matches!(err.kind, crate::store::FileErrorKind::Cancelled) => {
                self.status = format!("Did not open {}: cancelled", path.display());
            }
            Err(err) => self.errors.push(err.to_string()),
        }
    }

    /// The progress of a map being read, with Cancel; takes the map when
    /// it is ready.
    fn loading_ui(&mut self, ctx: &egui::Context) {
        use std::sync::atomic::Ordering;
        let Some(loading) = &self.loading else {
            return;
        };
        match loading.result.try_recv() {
            Ok(result) => {
                let path = loading.path.clone();
                self.loading = None;
                self.opened(&path, result);
                return;
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.errors.push(format!(
                    "{}: cannot open: reading it stopped unexpectedly",
                    loading.path.display()
                ));
                self.loading = None;
                return;
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
        }
        let progress = &loading.progress;
        let read = progress.read.load(Ordering::Relaxed);
        let total = progress.total.load(Ordering::Relaxed).max(1);
        let parsing = progress.parsing.load(Ordering::Relaxed);
        let name = loading
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let mut cancel = false;
        egui::Modal::new(Id::unique("argmap-loading")).show(ctx, |ui| {
            ui.set_width(360.0);
            ui.heading(format!("Opening {name}"));
            if parsing {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Reading the claims and links…");
                });
            } else {
                #[allow(clippy::cast_precision_loss)] // A fraction for a bar.
                let fraction = read as f32 / total as f32;
                ui.add(egui::ProgressBar::new(fraction).text(format!(
                    "{:.1} of {:.1} MB",
                    mb(read),
                    mb(total)
                )));
            }
            ui.add_space(6.0);
            if ui.button("Cancel").clicked() {
                cancel = true;
            }
        });
        if cancel {
            progress.cancel.store(true, Ordering::Relaxed);
            self.status = format!("Did not open {}: cancelled", loading.path.display());
            self.loading = None;
        } else {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
    }

    /// Shows a map with problems read-only, without its broken parts, and
    /// offers to repair it. The file stays as it is until the user saves.
    fn open_for_repair(&mut self, path: &Path, parsed: crate::format::ron::Parsed) {
        let mut map = parsed.map;
        // What the reader found beyond the map's own problems: repeated ids,
        // of which the map already holds the last definition.
        let own = map.validate();
        let mut fixes: Vec<String> = parsed
            .problems
            .iter()
            .filter(|p| !own.contains(p))
            .map(|p| {
                format!(
                    "{} was defined more than once: the last definition is kept.",
                    p.subject
                )
            })
            .map(|fix| capitalised(&fix))
            .collect();
        fixes.extend(map.repair());
        let problems = parsed.problems.iter().map(ToString::to_string).collect();
        let mut doc = Document::from_file(map, path.to_path_buf());
        doc.history.lock(true);
        self.replace_document(doc);
        self.remember(path);
        self.needs_repair = Some(NeedsRepair {
            path: path.to_path_buf(),
            problems,
            fixes,
        });
        self.status = format!("{} needs repair before it can be edited", path.display());
    }

    /// Applies the repair: the map becomes editable and unsaved, and a note
    /// says what was dropped.
    fn repair(&mut self) {
        let Some(repair) = self.needs_repair.take() else {
            return;
        };
        self.doc.history.lock(false);
        self.doc.history.mark_unsaved();
        self.notes.push(format!(
            "Repaired {}; {} on disk is unchanged until you save:\n• {}",
            repair.path.display(),
            repair
                .path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            repair.fixes.join("\n• ")
        ));
        "Repaired: save to keep the repair".clone_into(&mut self.status);
    }

    /// The banner of a map that needs repair: its problems and the repair.
    fn needs_repair_ui(&mut self, ui: &mut Ui) {
        let Some(repair) = &self.needs_repair else {
            return;
        };
        let mut repair_now = false;
        banner_frame(
            Color32::from_rgb(0xff, 0xf4, 0xd6),
            Color32::from_rgb(0xb2, 0x6a, 0x00),
        )
        .show(ui, |ui| {
            let ink = Color32::from_rgb(0x4a, 0x2c, 0x00);
            ui.label(
                RichText::new(format!(
                    "{} needs repair: {} {}. It is shown read-only, without the broken parts.",
                    repair.path.display(),
                    repair.problems.len(),
                    if repair.problems.len() == 1 {
                        "problem"
                    } else {
                        "problems"
                    }
                ))
                .color(ink)
                .strong(),
            );
            egui::ScrollArea::vertical()
                .id_salt("repair-problems")
                .max_height(120.0)
                .show(ui, |ui| {
                    for problem in &repair.problems {
                        ui.label(RichText::new(format!("• {problem}")).color(ink));
                    }
                });
            ui.horizontal(|ui| {
                if ui
                    .button("Repair")
                    .on_hover_text(format!(
                        "Drops only what is broken:\n• {}",
                        repair.fixes.join("\n• ")
                    ))
                    .clicked()
                {
                    repair_now = true;
                }
                ui.label(RichText::new("The file is not changed until you save.").color(ink));
            });
        });
        if repair_now {
            self.repair();
        }
    }

    /// Reads an Argdown or AIF file into a new, unsaved map.
    fn import_path(&mut self, path: &Path) {
        let bytes = match crate::store::read_bytes(path) {
            Ok(bytes) => bytes,
            Err(err) => {
                self.errors.push(err.to_string());
                return;
            }
        };
        let format = ImportFormat::detect(path, &bytes);
        match crate::import::import(format, &bytes, self.view.measure()) {
            Ok(imported) => {
                let mut map = imported.map;
                if map.title.trim().is_empty() {
                    map.title = path
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default();
                }
                let stats = crate::model::Stats::of(&map);
                self.replace_document(Document::untitled(map, true));
                self.status = format!(
                    "Imported {} from {}: {stats}",
                    format.label(),
                    path.display()
                );
                if !imported.report.is_empty() {
                    self.notes.push(format!(
                        "Imported {}:\n• {}",
                        path.display(),
                        imported.report.join("\n• ")
                    ));
                }
            }
            Err(err) => {
                let error =
                    crate::store::FileError::new(path, crate::store::FileErrorKind::Parse(err));
                self.errors.push(format!("{error}\nNothing was imported."));
            }
        }
    }

    /// Exports the map, or the selected claims, after asking where.
    fn export(&mut self, format: ExportFormat) {
        self.finish_editing();
        let selected = !self.view.selection.is_empty() && self.export_selection;
        let map = if selected {
            self.doc.map.subset(&self.view.selection)
        } else {
            self.doc.map.clone()
        };
        let stem = suggested_file_name(&self.doc.map.title);
        let name = format.file_name(stem.strip_suffix(".ron").unwrap_or(&stem));
        let Some(path) = self.dialogs.pick_export(&name, format) else {
            return;
        };
        let options = ExportOptions {
            scale: self.prefs.png_scale.unwrap_or(2.0),
            background: if self.prefs.transparent {
                Background::Transparent
            } else {
                Background::White
            },
        };
        let exported = match crate::export::export(&map, format, &options, self.view.measure()) {
            Ok(exported) => exported,
            Err(err) => {
                self.errors.push(format!("{}: {err}", path.display()));
                return;
            }
        };
        match crate::store::write_atomic(&path, &exported.bytes) {
            Ok(()) => {
                let what = if selected {
                    format!("{} (the selection)", claims(map.claims.len()))
                } else {
                    "the map".to_owned()
                };
                self.status = format!("Exported {what} to {}", path.display());
                for note in exported.notes {
                    self.notes.push(format!("{}: {note}", path.display()));
                }
            }
            Err(err) => {
                let error =
                    crate::store::FileError::new(&path, crate::store::FileErrorKind::Write(err));
                self.errors.push(error.to_string());
            }
        }
    }

    fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.prefs.recent.retain(|p| *p != path);
        self.prefs.recent.insert(0, path.clone());
        self.prefs.recent.truncate(MAX_RECENT);
        self.prefs.last_file = Some(path);
    }

    /// Saves to the document's file, or asks where; true when saved.
    fn save(&mut self) -> bool {
        match self.doc.path.clone() {
            Some(path) => self.save_to(&path),
            None => self.save_as(),
        }
    }

    fn save_as(&mut self) -> bool {
        let name = suggested_file_name(&self.doc.map.title);
        match self.dialogs.pick_save(&name) {
            Some(path) => self.save_to(&path),
            None => false,
        }
    }

    fn save_to(&mut self, path: &Path) -> bool {
        self.finish_editing();
        if let Some(repair) = &self.needs_repair {
            self.errors.push(format!(
                "{} needs repair before it can be saved: press Repair above, or open another map.",
                repair.path.display()
            ));
            return false;
        }
        // Saving over a file another program changed asks first.
        if self.doc.path.as_deref() == Some(path) && self.doc.changed_on_disk() {
            self.conflict = true;
            return false;
        }
        self.write_to(path)
    }

    /// Writes the document to `path`, keeping a backup unless turned off.
    fn write_to(&mut self, path: &Path) -> bool {
        match self.doc.save_with_backup(path, !self.prefs.no_backups) {
            Ok(()) => {
                self.remember(path);
                self.status = format!("Saved {}", path.display());
                true
            }
            Err(err) => {
                self.errors.push(format!(
                    "{err}\nYour changes are still open here: save them somewhere else."
                ));
                false
            }
        }
    }

    /// Keeps the recovery copy up to date: every 30 s and when the window
    /// loses the focus while there are unsaved changes; none without them.
    fn autosave(&mut self, ctx: &egui::Context) {
        let Some(dir) = self.recovery_dir.clone() else {
            return;
        };
        // The copy of a crashed run stays until the user has answered.
        if self.recovered.is_some() {
            return;
        }
        let (focused, lost_event) = ctx.input(|i| {
            (
                i.viewport().focused.unwrap_or(true),
                i.events
                    .iter()
                    .any(|e| matches!(e, egui::Event::WindowFocused(false))),
            )
        });
        let focus_lost = lost_event || (self.was_focused && !focused);
        self.was_focused = focused;
        let revision = self.doc.history.revision();
        // Unsaved work is what the user changed: an untouched copy of a
        // bundled map needs no recovery.
        if !self.doc.is_modified() || self.doc.history.undo_label().is_none() {
            if self.autosaved.1.is_some() {
                crate::recovery::clear(&dir);
                self.autosaved.1 = None;
            }
            return;
        }
        let now = ctx.input(|i| i.time);
        // Wake up for the next copy even if nothing else happens.
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(
            (self.recovery_interval() - (now - self.autosaved.0)).max(1.0),
        ));
        let due = focus_lost || now - self.autosaved.0 >= self.recovery_interval();
        if due && self.autosaved.1 != Some(revision) {
            self.autosaved.0 = now;
            match crate::recovery::write(&dir, &self.doc.map, self.doc.path.as_deref()) {
                Ok(()) => self.autosaved.1 = Some(revision),
                Err(err) => {
                    self.status =
                        format!("Could not keep a recovery copy in {}: {err}", dir.display());
                }
            }
        }
    }

    /// The File menu's switches for backups and the recovery copy.
    fn safety_settings_ui(&mut self, ui: &mut Ui) {
        let mut backups = !self.prefs.no_backups;
        if ui
            .checkbox(&mut backups, "Keep a backup when saving")
            .on_hover_text("Saving over a map keeps its previous version beside it as NAME.ron.bak")
            .changed()
        {
            self.prefs.no_backups = !backups;
        }
        ui.horizontal(|ui| {
            ui.label("Recovery copy every");
            let mut seconds = self
                .prefs
                .recovery_seconds
                .unwrap_or(AUTOSAVE_SECONDS)
                .clamp(MIN_AUTOSAVE_SECONDS, MAX_AUTOSAVE_SECONDS);
            if ui
                .add(
                    egui::DragValue::new(&mut seconds)
                        .range(MIN_AUTOSAVE_SECONDS..=MAX_AUTOSAVE_SECONDS)
                        .suffix(" s"),
                )
                .on_hover_text(
                    "While there are unsaved changes, a copy is kept in Argmap's data \
                     folder (never over your file), also whenever the window loses focus",
                )
                .changed()
            {
                self.prefs.recovery_seconds = Some(seconds);
            }
        });
    }

    /// Starts presenting from the first step, full screen.
    fn start_presenting(&mut self) {
        self.finish_editing();
        let Some(ctx) = self.ctx.clone() else {
            return;
        };
        let saved = super::present::Saved {
            scene_rect: self.view.scene_rect,
            selection: self.view.selection.clone(),
            selected_link: self.view.selected_link,
            minimap: self.view.look.minimap,
            fullscreen: ctx.input(|i| i.viewport().fullscreen.unwrap_or(false)),
        };
        let now = ctx.input(|i| i.time);
        let presenting = super::present::Presenting::new(&self.doc.map, saved, now);
        if presenting.steps.is_empty() {
            "Nothing to present: the map has no claims".clone_into(&mut self.status);
            return;
        }
        self.presenting = Some(presenting);
        self.view.selection.clear();
        self.view.selected_link = None;
        self.view.look.minimap = false;
        self.palette = None;
        self.view.search = None;
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
        self.glide_to_step(now);
    }

    /// Does what the steps panel asked.
    fn steps_request(&mut self, request: super::steps::Request) {
        use super::steps::Request;
        match request {
            Request::Change(change) => {
                if let Some(presentation) = crate::model::present::changed(&self.doc.map, change) {
                    self.doc.apply(
                        Edit::SetPresentation(presentation),
                        "Change presentation order",
                    );
                }
            }
            Request::Reset => self.doc.apply(
                Edit::SetPresentation(crate::model::Presentation::default()),
                "Default presentation order",
            ),
            Request::PresentFrom(step) => {
                self.start_presenting();
                let now = self.ctx.as_ref().map_or(0.0, |c| c.input(|i| i.time));
                if let Some(presenting) = self.presenting.as_mut() {
                    presenting.go_to(step);
                    self.glide_to_step(now);
                }
            }
        }
    }

    /// Ends the presentation and puts the editor back as it was.
    fn stop_presenting(&mut self) {
        let Some(presenting) = self.presenting.take() else {
            return;
        };
        let saved = presenting.saved;
        self.view.scene_rect = saved.scene_rect;
        self.view.selection = saved.selection;
        self.view.selected_link = saved.selected_link;
        self.view.look.minimap = saved.minimap;
        self.view.glide = None;
        if let Some(ctx) = &self.ctx
            && !saved.fullscreen
        {
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
        }
    }

    /// Starts the camera's glide to frame the current step (or the whole
    /// map in the overview).
    fn glide_to_step(&mut self, now: f64) {
        let Some(presenting) = &self.presenting else {
            return;
        };
        let map = &self.doc.map;
        let canvas = self.view.canvas_rect.size().max(egui::vec2(640.0, 480.0));
        let measure = self.view.measure();
        let mut card = |id: ClaimId| {
            map.claims.get(&id).map(|claim| {
                let size = measure.card_size(&claim.text);
                egui::Rect::from_center_size(egui::pos2(claim.pos.x, claim.pos.y), size)
            })
        };
        if let Some(to) = presenting.frame(map, &mut card, canvas) {
            self.view.glide = Some((self.view.scene_rect, to, now));
        }
    }

    /// One frame of the presentation: keys, the map as far as presented,
    /// the progress marker and the speaker notes.
    fn present_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let now = ctx.input(|i| i.time);
        let Some(presenting) = self.presenting.as_mut() else {
            return;
        };
        // The presenter window, on a second display: it never takes the
        // focus from the audience's window, and keys typed in it steer too.
        let mut from_presenter = (super::present::Outcome::Stay, false);
        if !presenting.notes_here && presenting.show_presenter {
            let map = &self.doc.map;
            ctx.show_viewport_immediate(
                egui::ViewportId::from_hash_of("argmap-presenter"),
                egui::ViewportBuilder::default()
                    .with_title("Argmap — presenter")
                    .with_inner_size([520.0, 380.0])
                    .with_active(false),
                |ui, class| {
                    if class != egui::ViewportClass::EmbeddedWindow {
                        from_presenter = presenting.keys(ui.ctx());
                    }
                    egui::CentralPanel::default().show(ui, |ui| {
                        super::present::presenter_ui(ui, map, presenting, now);
                    });
                },
            );
        }
        let (outcome, moved) = presenting.keys(&ctx);
        let outcome = if from_presenter.0 == super::present::Outcome::Exit {
            from_presenter.0
        } else {
            outcome
        };
        let moved = moved || from_presenter.1;
        if outcome == super::present::Outcome::Exit {
            self.stop_presenting();
            return;
        }
        if moved {
            self.glide_to_step(now);
        }
        let Some(presenting) = &self.presenting else {
            return;
        };
        if presenting.notes_here {
            egui::Panel::bottom("argmap-present-notes")
                .resizable(true)
                .default_size(160.0)
                .show(ui, |ui| {
                    super::present::presenter_ui(ui, &self.doc.map, presenting, now);
                });
        }
        let mut ignored = Vec::new();
        egui::CentralPanel::default()
            .frame(egui::Frame::central_panel(ui.style()).inner_margin(0.0))
            .show(ui, |ui| {
                self.shown_canvas_ui(ui, &mut ignored);
            });
        if let Some(presenting) = &self.presenting {
            super::present::progress_ui(&ctx, presenting, self.view.canvas_rect);
        }
        // Seconds tick on the presenter's timer.
        ctx.request_repaint_after(std::time::Duration::from_millis(500));
    }

    /// Seconds between recovery copies, as set.
    fn recovery_interval(&self) -> f64 {
        f64::from(
            self.prefs
                .recovery_seconds
                .unwrap_or(AUTOSAVE_SECONDS)
                .clamp(MIN_AUTOSAVE_SECONDS, MAX_AUTOSAVE_SECONDS),
        )
    }

    /// "Recover unsaved work?" after a run that did not end cleanly.
    fn recovery_ui(&mut self, ctx: &egui::Context) {
        let Some(found) = &self.recovered else {
            return;
        };
        let name = if found.map.title.trim().is_empty() {
            "Untitled".to_owned()
        } else {
            found.map.title.clone()
        };
        let from = found.original.as_deref().map_or_else(
            || "a map that was never saved".to_owned(),
            |p| p.display().to_string(),
        );
        let on_disk = found
            .original
            .as_deref()
            .and_then(|p| crate::store::read_map(p).ok())
            .map(|m| format!("; the file on disk has {}", claims(m.claims.len())))
            .unwrap_or_default();
        let age = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
            .saturating_sub(found.saved_at);
        let mut choice = None;
        egui::Modal::new(Id::unique("argmap-recovery")).show(ctx, |ui| {
            ui.heading("Recover unsaved work?");
            ui.label(format!(
                "Argmap did not close normally. It kept a copy of “{name}” ({from}), \
                 written {} ago: {}{on_disk}.",
                ago(age),
                claims(found.map.claims.len())
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Restore").clicked() {
                    choice = Some(true);
                }
                if ui.button("Discard").clicked() {
                    choice = Some(false);
                }
            });
        });
        let Some(restore) = choice else {
            return;
        };
        let Some(found) = self.recovered.take() else {
            return;
        };
        if let Some(dir) = &self.recovery_dir {
            crate::recovery::clear(dir);
        }
        if restore {
            let mut doc = match found.original {
                Some(path) => Document::from_file(found.map, path),
                None => Document::untitled(found.map, true),
            };
            doc.history.mark_unsaved();
            self.replace_document(doc);
            "Restored the unsaved work: save it to keep it".clone_into(&mut self.status);
            if !found.repaired.is_empty() {
                self.notes.push(format!(
                    "The recovery copy had problems, mended on restoring:\n• {}",
                    found.repaired.join("\n• ")
                ));
            }
        }
    }

    /// Every two seconds: if the file changed on disk and there are no
    /// unsaved edits here, reload it and say so.
    fn watch_file(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        if self.doc.path.is_some() {
            // Look again in two seconds even while the window is idle.
            ctx.request_repaint_after(std::time::Duration::from_secs(2));
        }
        if now - self.last_disk_check < 2.0 {
            return;
        }
        self.last_disk_check = now;
        if self.doc.is_modified() || !self.doc.changed_on_disk() {
            return;
        }
        let Some(path) = self.doc.path.clone() else {
            return;
        };
        // Gone or broken for now (a save in progress, a checkout): keep
        // what is open and look again later.
        let Ok(doc) = Document::open(&path) else {
            return;
        };
        let selection = self.view.selection.clone();
        let scene = self.view.scene_rect;
        self.replace_document(doc);
        // Keep the camera and what is still there of the selection.
        self.view.scene_rect = scene;
        self.view.fit_requested = false;
        self.view.opening = false;
        self.view.selection = selection
            .into_iter()
            .filter(|c| self.doc.map.claims.contains_key(c))
            .collect();
        self.status = format!("Reloaded {}: it changed on disk", path.display());
    }

    /// "The file changed on disk": overwrite it, save elsewhere, or take
    /// the version on disk.
    fn conflict_ui(&mut self, ctx: &egui::Context) {
        if !self.conflict {
            return;
        }
        let name = self
            .doc
            .path
            .as_deref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let mut choice = None;
        egui::Modal::new(Id::unique("argmap-conflict")).show(ctx, |ui| {
            ui.heading("The file changed on disk");
            ui.label(format!(
                "Another program changed “{name}” since Argmap opened or saved it, and you have \
                 unsaved changes here."
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui
                    .button("Overwrite")
                    .on_hover_text("Save your version over theirs")
                    .clicked()
                {
                    choice = Some(0);
                }
                if ui
                    .button("Save as…")
                    .on_hover_text("Keep both: save yours elsewhere")
                    .clicked()
                {
                    choice = Some(1);
                }
                if ui
                    .button("Reload theirs")
                    .on_hover_text("Open the version on disk; your unsaved changes are dropped")
                    .clicked()
                {
                    choice = Some(2);
                }
                if ui.button("Cancel").clicked() {
                    choice = Some(3);
                }
            });
        });
        let Some(choice) = choice else {
            return;
        };
        self.conflict = false;
        let path = self.doc.path.clone();
        match (choice, path) {
            (0, Some(path)) => {
                self.write_to(&path);
            }
            (1, _) => {
                self.save_as();
            }
            (2, Some(path)) => self.open_path(&path),
            _ => {}
        }
    }

    /// Runs `pending` now, or asks first when there are unsaved changes.
    fn request(&mut self, pending: Pending) {
        if self.doc.is_modified() && !self.allow_close {
            self.pending = Some(pending);
        } else {
            self.run_pending(pending);
        }
    }

    fn run_pending(&mut self, pending: Pending) {
        match pending {
            Pending::New(None) => {
                self.replace_document(Document::untitled(Map::new("Untitled map"), false));
            }
            Pending::New(Some(bundled)) => {
                self.replace_document(Document::untitled(bundled.map(), true));
            }
            Pending::Open(Some(path)) => self.open_path(&path),
            Pending::Open(None) => {
                if let Some(path) = self.dialogs.pick_open() {
                    self.open_path(&path);
                }
            }
            Pending::Import(Some(path)) => self.import_path(&path),
            Pending::Import(None) => {
                if let Some(path) = self.dialogs.pick_import() {
                    self.import_path(&path);
                }
            }
            Pending::Quit => {
                self.allow_close = true;
                self.pending = Some(Pending::Quit);
            }
        }
    }

    fn run_command(&mut self, command: UiCommand) {
        match command {
            UiCommand::New => self.request(Pending::New(None)),
            UiCommand::Open => self.request(Pending::Open(None)),
            UiCommand::Save => {
                self.save();
            }
            UiCommand::SaveAs => {
                self.save_as();
            }
            UiCommand::Import => self.request(Pending::Import(None)),
            UiCommand::Quit => self.request(Pending::Quit),
            UiCommand::Undo => {
                self.finish_editing();
                if let Some(label) = self.doc.history.undo(&mut self.doc.map) {
                    self.status = format!("Undid {}", label.to_lowercase());
                }
                self.prune_selection();
            }
            UiCommand::Redo => {
                self.finish_editing();
                if let Some(label) = self.doc.history.redo(&mut self.doc.map) {
                    self.status = format!("Redid {}", label.to_lowercase());
                }
                self.prune_selection();
            }
            UiCommand::SelectAll => {
                self.view.selection = self.doc.map.claims.keys().copied().collect();
                self.view.selected_link = None;
            }
            UiCommand::Deselect => {
                self.finish_editing();
                self.view.selection.clear();
                self.view.selected_link = None;
            }
            UiCommand::Delete => self.delete_selection(),
            UiCommand::Copy | UiCommand::Cut | UiCommand::Paste | UiCommand::Duplicate => {
                self.run_clipboard_command(command);
            }
            UiCommand::AddPremise => self.add_reply(LinkKind::Support),
            UiCommand::AddObjection => self.add_reply(LinkKind::Attack),
            UiCommand::EditText => {
                if let Some(id) = self.single_selected() {
                    self.start_editing(id, false);
                }
            }
            UiCommand::SetThesis => {
                if let Some(id) = self.single_selected() {
                    self.doc.apply(Edit::SetThesis(Some(id)), "Set thesis");
                }
            }
            UiCommand::FitView => self.view.fit_requested = true,
            UiCommand::ZoomIn => self.zoom_by(1.25),
            UiCommand::ZoomOut => self.zoom_by(0.8),
            UiCommand::Arrange => self.arrange(crate::layout::Scope::All),
            UiCommand::ArrangeSelection => {
                if let Some(root) = self.single_selected() {
                    self.arrange(crate::layout::Scope::Subtree(root));
                }
            }
            UiCommand::Palette => {
                self.finish_editing();
                self.palette = Some(super::palette::Palette::default());
            }
            UiCommand::Shortcuts => self.shortcuts_open = !self.shortcuts_open,
            UiCommand::Present => self.start_presenting(),
            UiCommand::StepsPanel => self.steps_open = !self.steps_open,
            UiCommand::ToggleFold
            | UiCommand::UnfoldAll
            | UiCommand::Focus
            | UiCommand::FocusOut
            | UiCommand::TextLarger
            | UiCommand::TextSmaller
            | UiCommand::TextReset
            | UiCommand::ToggleMinimap
            | UiCommand::ToggleContrast => self.run_view_command(command),
            UiCommand::Find => {
                self.finish_editing();
                if self.view.search.is_none() {
                    self.view.search = Some(super::search::Search::default());
                }
            }
            UiCommand::GoUp
            | UiCommand::GoDown
            | UiCommand::GoLeft
            | UiCommand::GoRight
            | UiCommand::AddSibling
            | UiCommand::MoveEarlier
            | UiCommand::MoveLater => self.run_structure_command(command),
            UiCommand::TogglePin => {
                let selected: Vec<ClaimId> = self.view.selection.iter().copied().collect();
                let pin = selected
                    .iter()
                    .any(|id| self.doc.map.claims.get(id).is_some_and(|c| !c.pinned));
                self.set_pinned(&selected, pin);
            }
        }
    }

    fn set_pinned(&mut self, claims: &[ClaimId], pinned: bool) {
        let edits: Vec<Edit> = claims
            .iter()
            .filter_map(|&id| {
                let claim = self.doc.map.claims.get(&id)?;
                (claim.pinned != pinned).then(|| Edit::SetClaim {
                    id,
                    claim: Claim {
                        pinned,
                        ..claim.clone()
                    },
                })
            })
            .collect();
        self.doc
            .apply(Edit::Batch(edits), if pinned { "Pin" } else { "Unpin" });
    }

    /// Lays the map (or a subtree) out as a tidy tree, as one undo step,
    /// and lets the cards glide to their new places.
    fn arrange(&mut self, scope: crate::layout::Scope) {
        self.finish_editing();
        let Some(ctx) = self.ctx.clone() else {
            return;
        };
        let sizes = crate::measure::card_sizes(&self.doc.map, self.view.measure());
        let moves = crate::layout::arrange(&self.doc.map, &sizes, scope);
        if moves.is_empty() {
            "Already arranged".clone_into(&mut self.status);
            return;
        }
        let from = moves
            .iter()
            .filter_map(|(id, _)| Some((*id, self.doc.map.claims.get(id)?.pos)))
            .collect();
        let label = match scope {
            crate::layout::Scope::All => "Arrange",
            crate::layout::Scope::Subtree(_) => "Arrange selection",
        };
        self.doc.apply(Edit::Move(moves), label);
        self.view.animation = Some(canvas::Animation {
            from,
            start: ctx.input(|i| i.time),
        });
        self.view.fit_requested = scope == crate::layout::Scope::All;
    }

    /// Folding, focus mode, text size, minimap and contrast.
    fn run_view_command(&mut self, command: UiCommand) {
        match command {
            UiCommand::TextLarger | UiCommand::TextSmaller | UiCommand::TextReset => {
                self.scale_text(command);
            }
            UiCommand::ToggleMinimap => {
                self.prefs.look.minimap = !self.prefs.look.minimap;
                self.view.look.minimap = self.prefs.look.minimap;
            }
            UiCommand::ToggleContrast => {
                self.prefs.look.high_contrast = !self.prefs.look.high_contrast;
                self.view.look.high_contrast = self.prefs.look.high_contrast;
                if let Some(ctx) = &self.ctx {
                    apply_contrast(ctx, self.prefs.look.high_contrast);
                }
            }
            UiCommand::ToggleFold => self.toggle_fold(),
            UiCommand::UnfoldAll => {
                self.view.folds.clear();
                self.remember_folds();
            }
            UiCommand::Focus => {
                if let Some(claim) = self.single_selected() {
                    self.focus_on(Some(claim));
                }
            }
            UiCommand::FocusOut => {
                let up = self
                    .view
                    .focus
                    .and_then(|c| crate::model::nav::parent(&self.doc.map, c));
                self.focus_on(up);
            }
            _ => {}
        }
    }

    /// Copy, cut, paste and duplicate.
    fn run_clipboard_command(&mut self, command: UiCommand) {
        match command {
            UiCommand::Copy => {
                self.copy_selection();
            }
            UiCommand::Cut if self.copy_selection() => {
                self.delete_selection();
                "Cut".clone_into(&mut self.status);
            }
            UiCommand::Paste => match self.clipboard.clone() {
                Some((_, text)) => self.paste_text(&text),
                None => {
                    "Nothing copied in Argmap yet: press Ctrl+V to paste text from another program"
                        .clone_into(&mut self.status);
                }
            },
            UiCommand::Duplicate => self.duplicate_selection(),
            _ => {}
        }
    }

    /// Moving along the structure and adding or reordering siblings.
    fn run_structure_command(&mut self, command: UiCommand) {
        match command {
            UiCommand::GoUp => self.go(Direction::Up),
            UiCommand::GoDown => self.go(Direction::Down),
            UiCommand::GoLeft => self.go(Direction::Left),
            UiCommand::GoRight => self.go(Direction::Right),
            UiCommand::AddSibling => {
                self.finish_editing();
                match self.single_selected() {
                    Some(id) => {
                        if let Some((edit, new)) = edit::new_sibling(&self.doc.map, id, "") {
                            self.doc.apply(edit, "Add sibling");
                            self.start_editing(new, true);
                        }
                    }
                    // Nothing selected: a free claim in the middle of the
                    // view (the thesis, on an empty map).
                    None => self.add_claim_in_view(),
                }
            }
            UiCommand::MoveEarlier | UiCommand::MoveLater => {
                self.finish_editing();
                if let Some(id) = self.single_selected() {
                    let sizes = crate::measure::card_sizes(&self.doc.map, self.view.measure());
                    let later = command == UiCommand::MoveLater;
                    if let Some(edit) = edit::reorder(&self.doc.map, id, later, &sizes) {
                        self.doc.apply(edit, "Reorder");
                    }
                }
            }
            _ => {}
        }
    }

    /// The outline text last put on the system clipboard.
    pub fn copied_text(&self) -> Option<&str> {
        self.clipboard.as_ref().map(|(_, text)| text.as_str())
    }

    /// Copies the selection; true when something was copied.
    fn copy_selection(&mut self) -> bool {
        self.finish_editing();
        let Some(fragment) = clipboard::copy(&self.doc.map, &self.view.selection) else {
            return false;
        };
        let text = clipboard::outline_text(&fragment);
        if let Some(ctx) = &self.ctx {
            ctx.copy_text(text.clone());
        }
        self.status = format!("Copied {}", claims(fragment.map.claims.len()));
        self.clipboard = Some((fragment, text));
        true
    }

    /// Where pasted claims go: under the pointer when it is over the
    /// canvas, else the middle of the view.
    fn paste_point(&self) -> Pos {
        let pointer = self
            .ctx
            .as_ref()
            .and_then(|ctx| ctx.input(|i| i.pointer.latest_pos()))
            .filter(|p| self.view.canvas_rect.contains(*p));
        let at = match pointer {
            Some(p) => self.view.screen_from_map().inverse() * p,
            None => self.view.scene_rect.center(),
        };
        if at.is_finite() {
            Pos::new(at.x, at.y)
        } else {
            Pos::default()
        }
    }

    /// Pastes `text`: the claims copied here if it is their outline, else
    /// one claim per line of it. Onto a single selected claim, the top
    /// claims answer it.
    fn paste_text(&mut self, text: &str) {
        self.finish_editing();
        let ours = self
            .clipboard
            .as_ref()
            .filter(|(_, copied)| copied.trim() == text.trim())
            .map(|(fragment, _)| fragment.clone());
        let outline = ours.is_none();
        let Some(fragment) = ours.or_else(|| clipboard::parse_outline(text)) else {
            return;
        };
        let attach = if self.view.selection.len() == 1 {
            self.view.selection.first().copied()
        } else {
            None
        };
        let at = match attach.and_then(|p| self.doc.map.claims.get(&p)) {
            // Below the claim it answers, where arranging will put it anyway.
            Some(parent) => Pos::new(parent.pos.x, parent.pos.y + 400.0),
            None => self.paste_point(),
        };
        let (edit, ids, tops) = clipboard::paste(&self.doc.map, &fragment, at, attach);
        // A pasted outline (or anything pasted onto a claim) is laid out
        // under its top claims in the same step.
        let roots: Vec<ClaimId> = match attach {
            Some(parent) => vec![parent],
            None if outline => tops,
            None => Vec::new(),
        };
        let edit = self.then_arranged(edit, &roots);
        let count = ids.len();
        self.doc.apply(edit, "Paste");
        self.view.reveal = ids.first().copied();
        self.view.selection = ids.into_iter().collect();
        self.view.selected_link = None;
        self.status = format!("Pasted {}", claims(count));
    }

    /// Copies the selection beside itself; the copies answer what the
    /// originals answer when they all answer the same claim.
    fn duplicate_selection(&mut self) {
        self.finish_editing();
        let Some(fragment) = clipboard::copy(&self.doc.map, &self.view.selection) else {
            return;
        };
        let all_parents = crate::model::nav::parents(&self.doc.map);
        let parents: BTreeSet<Option<ClaimId>> = fragment
            .root_kinds
            .keys()
            .map(|c| all_parents.get(c).copied())
            .collect();
        let attach = match parents.into_iter().collect::<Vec<_>>()[..] {
            [Some(parent)] => Some(parent),
            _ => None,
        };
        let Some((min, max)) = fragment.bounds() else {
            return;
        };
        // Beside the originals, to the right of all of them.
        let at = Pos::new(
            max.x + (max.x - min.x) / 2.0 + crate::measure::CARD_WIDTH + 40.0,
            f32::midpoint(min.y, max.y),
        );
        let (edit, ids, _) = clipboard::paste(&self.doc.map, &fragment, at, attach);
        let count = ids.len();
        self.doc.apply(edit, "Duplicate");
        self.view.selection = ids.into_iter().collect();
        self.status = format!("Duplicated {}", claims(count));
    }

    /// Copy, cut and paste as the system sends them, while the canvas has
    /// the keyboard (a text field handles its own).
    fn clipboard_events(&mut self, ctx: &egui::Context) {
        if !self.view.has_focus || self.view.editing.is_some() {
            return;
        }
        let events: Vec<egui::Event> = ctx.input(|i| {
            i.events
                .iter()
                .filter(|e| {
                    matches!(
                        e,
                        egui::Event::Copy | egui::Event::Cut | egui::Event::Paste(_)
                    )
                })
                .cloned()
                .collect()
        });
        for event in events {
            match event {
                egui::Event::Copy => self.run_command(UiCommand::Copy),
                egui::Event::Cut => self.run_command(UiCommand::Cut),
                egui::Event::Paste(text) => self.paste_text(&text),
                _ => {}
            }
        }
    }

    fn add_claim_in_view(&mut self) {
        let center = self.view.scene_rect.center();
        let pos = if center.is_finite() && self.view.scene_rect.is_positive() {
            Pos::new(center.x, center.y)
        } else {
            Pos::default()
        };
        let id = self.doc.map.next_claim_id();
        let mut edits = vec![Edit::AddClaim {
            id,
            claim: Claim::new("", pos),
        }];
        if self.doc.map.thesis.is_none() {
            edits.push(Edit::SetThesis(Some(id)));
        }
        self.doc.apply(Edit::Batch(edits), "Add claim");
        self.view.selection = BTreeSet::from([id]);
        self.start_editing(id, true);
    }

    /// Selects the claim one step along the structure from the selected
    /// one (the thesis when nothing is selected), and brings it into view.
    fn go(&mut self, direction: Direction) {
        let next = match self.single_selected() {
            Some(id) => crate::model::nav::step(&self.doc.map, id, direction),
            None => self
                .doc
                .map
                .thesis
                .or_else(|| self.doc.map.claims.keys().next().copied()),
        };
        if let Some(next) = next {
            self.view.selection = BTreeSet::from([next]);
            self.view.selected_link = None;
            self.view.reveal = Some(next);
        }
    }

    fn zoom_by(&mut self, factor: f32) {
        let rect = self.view.scene_rect;
        if rect.is_positive() {
            self.view.scene_rect =
                egui::Rect::from_center_size(rect.center(), rect.size() / factor);
        }
    }

    fn single_selected(&mut self) -> Option<ClaimId> {
        if self.view.selection.len() == 1 {
            self.view.selection.first().copied()
        } else {
            "Select one claim first".clone_into(&mut self.status);
            None
        }
    }

    fn add_reply(&mut self, kind: LinkKind) {
        self.finish_editing();
        let Some(parent) = self.single_selected() else {
            return;
        };
        let Some((edit, id)) = edit::new_reply(&self.doc.map, parent, kind, "") else {
            return;
        };
        let label = match kind {
            LinkKind::Support => "Add reason",
            LinkKind::Attack => "Add objection",
        };
        self.doc.apply(edit, label);
        self.start_editing(id, true);
    }

    fn start_editing(&mut self, id: ClaimId, is_new: bool) {
        self.finish_editing();
        let Some(claim) = self.doc.map.claims.get(&id) else {
            return;
        };
        if self.doc.history.is_locked() {
            self.view.selection = BTreeSet::from([id]);
            return;
        }
        if claim.text.len() > super::inspector::MAX_EDITABLE_BYTES {
            self.view.selection = BTreeSet::from([id]);
            "This claim's text is too long to edit on its card: the inspector shows it"
                .clone_into(&mut self.status);
            return;
        }
        if is_new {
            // Typing into a new claim joins the step that made it.
            self.doc.history.open_last(text_key(id));
        }
        self.view.editing = Some(Editing {
            claim: id,
            buffer: claim.text.clone(),
            is_new,
            focus_pending: true,
        });
        self.view.selection = BTreeSet::from([id]);
        self.view.selected_link = None;
    }

    fn finish_editing(&mut self) {
        let Some(editing) = self.view.editing.take() else {
            return;
        };
        self.doc.history.seal();
        let empty = self
            .doc
            .map
            .claims
            .get(&editing.claim)
            .is_none_or(|c| c.text.trim().is_empty());
        if editing.is_new && empty {
            // A new claim left empty was never wanted: forget it entirely.
            self.doc.history.discard_last(&mut self.doc.map);
            self.prune_selection();
        }
    }

    fn prune_selection(&mut self) {
        let map = &self.doc.map;
        self.view.selection.retain(|id| map.claims.contains_key(id));
        if self
            .view
            .selected_link
            .is_some_and(|id| !map.links.contains_key(&id))
        {
            self.view.selected_link = None;
        }
        if self
            .view
            .editing
            .as_ref()
            .is_some_and(|e| !map.claims.contains_key(&e.claim))
        {
            self.view.editing = None;
        }
    }

    fn delete_selection(&mut self) {
        self.finish_editing();
        if let Some(link) = self.view.selected_link {
            let edit = edit::delete_links(&self.doc.map, &BTreeSet::from([link]));
            self.doc.apply(edit, "Delete link");
        } else if !self.view.selection.is_empty() {
            let edit = edit::delete_claims(&self.doc.map, &self.view.selection);
            let label = if self.view.selection.len() == 1 {
                "Delete claim"
            } else {
                "Delete claims"
            };
            self.doc.apply(edit, label);
        }
        self.prune_selection();
    }

    /// Applies what the user asked for during the frame.
    fn perform(&mut self, action: Action) {
        match action {
            Action::Command(command) => self.run_command(command),
            Action::Select(claims) => {
                self.view.selection = claims;
                self.view.selected_link = None;
            }
            Action::SelectLink(link) => {
                self.view.selection.clear();
                self.view.selected_link = Some(link);
            }
            Action::ToggleSelected(id) => {
                if !self.view.selection.remove(&id) {
                    self.view.selection.insert(id);
                }
                self.view.selected_link = None;
            }
            Action::AddToSelection(claims) => {
                self.view.selection.extend(claims);
                self.view.selected_link = None;
            }
            Action::Reparent { claim, onto, kind } => self.reparent(claim, onto, kind),
            Action::MoveSelection(delta) => {
                let moves = self
                    .view
                    .selection
                    .iter()
                    .filter_map(|&id| {
                        let pos = self.doc.map.claims.get(&id)?.pos;
                        Some((id, Pos::new(pos.x + delta.x, pos.y + delta.y)))
                    })
                    .collect();
                self.doc.apply(Edit::Move(moves), "Move");
            }
            Action::NewClaimAt(pos) => {
                self.finish_editing();
                let id = self.doc.map.next_claim_id();
                let edit = Edit::AddClaim {
                    id,
                    claim: Claim::new("", pos),
                };
                self.doc.apply(edit, "Add claim");
                self.start_editing(id, true);
            }
            Action::StartEditing(id) => self.start_editing(id, false),
            Action::Typed(text) => {
                if let Some(editing) = &self.view.editing
                    && let Some(claim) = self.doc.map.claims.get(&editing.claim)
                {
                    let id = editing.claim;
                    let claim = Claim {
                        text,
                        ..claim.clone()
                    };
                    self.doc.history.apply_coalescing(
                        &mut self.doc.map,
                        Edit::SetClaim { id, claim },
                        "Edit text",
                        text_key(id),
                    );
                }
            }
            Action::FinishEditing => self.finish_editing(),
            other => self.perform_edit(other),
        }
    }

    /// Applies an action that changes the map.
    fn perform_edit(&mut self, action: Action) {
        match action {
            Action::Connect {
                premise,
                target,
                kind,
            } => match edit::connect(&self.doc.map, premise, target, kind) {
                Ok(edit) => self.doc.apply(edit, "Connect"),
                Err(why) => self.status = format!("Not connected: {why}"),
            },
            Action::Join { link, claim } => match edit::join_link(&self.doc.map, link, claim) {
                Ok(edit) => self.doc.apply(edit, "Join as co-premise"),
                Err(why) => self.status = format!("Not joined: {why}"),
            },
            Action::SetThesis(thesis) => self.doc.apply(Edit::SetThesis(thesis), "Set thesis"),
            Action::SetPinned(id, pinned) => self.set_pinned(&[id], pinned),
            Action::SetKind(id, kind) => {
                if let Some(claim) = self.doc.map.claims.get(&id) {
                    let claim = Claim {
                        kind,
                        ..claim.clone()
                    };
                    self.doc.apply(Edit::SetClaim { id, claim }, "Change kind");
                }
            }
            Action::FlipLink(id) => {
                if let Some(link) = self.doc.map.links.get(&id) {
                    let mut link = link.clone();
                    link.kind = link.kind.flipped();
                    self.doc.apply(Edit::SetLink { id, link }, "Flip link");
                }
            }
            Action::SplitLink(id) => {
                if let Some(edit) = edit::split_link(&self.doc.map, id) {
                    self.doc.apply(edit, "Split linked premises");
                }
            }
            Action::DeleteLink(id) => {
                let edit = edit::delete_links(&self.doc.map, &BTreeSet::from([id]));
                self.doc.apply(edit, "Delete link");
                self.prune_selection();
            }
            Action::Status(message) => self.status = message,
            Action::UpdateClaim { id, claim, field } => {
                let label = format!("Edit {field}");
                let key = field_key(field, id);
                self.doc.history.apply_coalescing(
                    &mut self.doc.map,
                    Edit::SetClaim { id, claim },
                    label,
                    key,
                );
            }
            Action::UpdateLink { id, link } => {
                self.doc.apply(Edit::SetLink { id, link }, "Change link");
            }
            Action::SetTitle(title) => {
                let key = field_key("title", ClaimId(0));
                self.doc.history.apply_coalescing(
                    &mut self.doc.map,
                    Edit::SetTitle(title),
                    "Rename map",
                    key,
                );
            }
            Action::Seal => self.doc.history.seal(),
            // Selection and editing are handled by `perform`.
            _ => {}
        }
    }

    /// Commands given with the keyboard this frame.
    fn shortcut_actions(&self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        // Typing is a text field with the focus; a focused button or list
        // row (or the canvas) leaves the shortcuts working.
        let focused = ctx.memory(egui::Memory::focused);
        let typing = focused.is_some_and(|id| {
            id != canvas::canvas_focus_id() && egui::TextEdit::load_state(ctx, id).is_some()
        });
        for command in UiCommand::ALL {
            if command.is_clipboard() || (typing && !command.works_while_typing()) {
                continue;
            }
            // Backspace leaves focus mode only while there is one; else it
            // deletes.
            if command == UiCommand::FocusOut && self.view.focus.is_none() {
                continue;
            }
            if command.is_canvas_key() && !self.view.has_focus {
                continue;
            }
            let pressed = command
                .shortcuts()
                .iter()
                .any(|shortcut| ctx.input_mut(|i| i.consume_shortcut(shortcut)));
            if pressed {
                if typing {
                    actions.push(Action::FinishEditing);
                }
                actions.push(Action::Command(command));
            }
        }
    }

    fn view_menu_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        command_button(ui, UiCommand::Arrange, actions);
        command_button(ui, UiCommand::ArrangeSelection, actions);
        ui.separator();
        command_button(ui, UiCommand::FitView, actions);
        command_button(ui, UiCommand::ZoomIn, actions);
        command_button(ui, UiCommand::ZoomOut, actions);
        ui.separator();
        command_button(ui, UiCommand::ToggleFold, actions);
        command_button(ui, UiCommand::UnfoldAll, actions);
        command_button(ui, UiCommand::Focus, actions);
        ui.separator();
        let mut minimap = self.prefs.look.minimap;
        if ui.checkbox(&mut minimap, "Minimap  (M)").changed() {
            actions.push(Action::Command(UiCommand::ToggleMinimap));
        }
        let mut contrast = self.prefs.look.high_contrast;
        if ui
            .checkbox(&mut contrast, "High contrast")
            .on_hover_text(UiCommand::ToggleContrast.tooltip())
            .changed()
        {
            actions.push(Action::Command(UiCommand::ToggleContrast));
        }
        command_button(ui, UiCommand::TextLarger, actions);
        command_button(ui, UiCommand::TextSmaller, actions);
        command_button(ui, UiCommand::TextReset, actions);
        ui.separator();
        ui.label("Theme");
        let mut theme = ui.ctx().options(|o| o.theme_preference);
        let before = theme;
        ui.radio_value(
            &mut theme,
            egui::ThemePreference::System,
            "Follow the system",
        );
        ui.radio_value(&mut theme, egui::ThemePreference::Light, "Light");
        ui.radio_value(&mut theme, egui::ThemePreference::Dark, "Dark");
        if theme != before {
            ui.ctx().set_theme(theme);
        }
    }

    fn menu_bar_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                command_button(ui, UiCommand::New, actions);
                ui.menu_button("New from template", |ui| {
                    for starter in bundled::STARTERS {
                        if ui.button(starter.label).clicked() {
                            self.pending_from_menu(Pending::New(Some(starter)));
                            ui.close();
                        }
                    }
                });
                command_button(ui, UiCommand::Open, actions);
                ui.menu_button("Open recent", |ui| {
                    if self.prefs.recent.is_empty() {
                        ui.weak("No recent maps");
                    }
                    for path in self.prefs.recent.clone() {
                        if ui.button(path.display().to_string()).clicked() {
                            self.pending_from_menu(Pending::Open(Some(path)));
                            ui.close();
                        }
                    }
                });
                ui.separator();
                command_button(ui, UiCommand::Save, actions);
                command_button(ui, UiCommand::SaveAs, actions);
                self.safety_settings_ui(ui);
                ui.separator();
                command_button(ui, UiCommand::Import, actions);
                ui.menu_button("Export", |ui| self.export_menu_ui(ui));
                ui.separator();
                command_button(ui, UiCommand::Quit, actions);
            });
            ui.menu_button("Edit", |ui| {
                let undo = self
                    .doc
                    .history
                    .undo_label()
                    .map(|l| format!("Undo {}", l.to_lowercase()));
                let redo = self
                    .doc
                    .history
                    .redo_label()
                    .map(|l| format!("Redo {}", l.to_lowercase()));
                labelled_command(ui, UiCommand::Undo, undo, actions);
                labelled_command(ui, UiCommand::Redo, redo, actions);
                ui.separator();
                command_button(ui, UiCommand::AddPremise, actions);
                command_button(ui, UiCommand::AddObjection, actions);
                command_button(ui, UiCommand::AddSibling, actions);
                command_button(ui, UiCommand::EditText, actions);
                command_button(ui, UiCommand::SetThesis, actions);
                command_button(ui, UiCommand::TogglePin, actions);
                command_button(ui, UiCommand::Delete, actions);
                ui.separator();
                command_button(ui, UiCommand::Cut, actions);
                command_button(ui, UiCommand::Copy, actions);
                command_button(ui, UiCommand::Paste, actions);
                command_button(ui, UiCommand::Duplicate, actions);
                ui.separator();
                command_button(ui, UiCommand::SelectAll, actions);
                command_button(ui, UiCommand::Deselect, actions);
                command_button(ui, UiCommand::Find, actions);
                ui.menu_button("Go", |ui| {
                    for command in [
                        UiCommand::GoUp,
                        UiCommand::GoDown,
                        UiCommand::GoLeft,
                        UiCommand::GoRight,
                        UiCommand::MoveEarlier,
                        UiCommand::MoveLater,
                    ] {
                        command_button(ui, command, actions);
                    }
                });
            });
            ui.menu_button("View", |ui| self.view_menu_ui(ui, actions));
            ui.menu_button("Present", |ui| self.present_menu_ui(ui, actions));
            ui.menu_button("Help", |ui| {
                command_button(ui, UiCommand::Palette, actions);
                command_button(ui, UiCommand::Shortcuts, actions);
            });
            // The toolbar's one button: presenting is what a seminar does.
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("Start presenting")
                    .on_hover_text(format!("{} (F5)", UiCommand::Present.tooltip()))
                    .clicked()
                {
                    actions.push(Action::Command(UiCommand::Present));
                }
            });
        });
    }

    fn present_menu_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        command_button(ui, UiCommand::Present, actions);
        command_button(ui, UiCommand::StepsPanel, actions);
        ui.checkbox(
            &mut self.prefs.present_fade,
            "Fade claims not yet presented (instead of hiding them)",
        );
        ui.separator();
        ui.weak("While presenting: → Space PageDown Enter next, ← PageUp Backspace back,");
        ui.weak("Home / End, a number and Enter jumps, O overview, N notes here,");
        ui.weak("P progress marker, W presenter window, Esc ends.");
    }

    fn pending_from_menu(&mut self, pending: Pending) {
        self.request(pending);
    }

    fn status_bar_ui(&self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.label(&self.status);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let zoom = zoom_percent(&self.view);
                ui.label(format!("Zoom {zoom}"));
                ui.separator();
                let map = &self.doc.map;
                ui.label(format!(
                    "{} claims · {} links",
                    map.claims.len(),
                    map.links.len()
                ));
                if !self.view.selection.is_empty() {
                    ui.separator();
                    ui.label(format!("{} selected", self.view.selection.len()));
                }
            });
        });
    }

    fn export_menu_ui(&mut self, ui: &mut Ui) {
        for format in ExportFormat::ALL {
            let button = ui
                .button(format!("{}…", format.label()))
                .on_hover_text(format!("Save a copy as .{}", format.extension()));
            if button.clicked() {
                ui.close();
                self.export(format);
            }
        }
        ui.separator();
        let selected = self.view.selection.len();
        ui.add_enabled(
            selected > 0,
            egui::Checkbox::new(
                &mut self.export_selection,
                format!("Only the selected claims ({selected})"),
            ),
        );
        let mut scale = self.prefs.png_scale.unwrap_or(2.0);
        ui.horizontal(|ui| {
            ui.label("PNG scale");
            for s in [1.0_f32, 2.0, 3.0, 4.0] {
                ui.selectable_value(&mut scale, s, format!("{s}×"));
            }
        });
        self.prefs.png_scale = Some(scale);
        ui.checkbox(&mut self.prefs.transparent, "Transparent background");
    }

    fn errors_ui(&mut self, ui: &mut Ui) {
        let error = (
            Color32::from_rgb(0xfd, 0xec, 0xea),
            Color32::from_rgb(0xc6, 0x28, 0x28),
            Color32::from_rgb(0x7f, 0x10, 0x10),
        );
        let note = (
            Color32::from_rgb(0xe8, 0xf1, 0xfb),
            Color32::from_rgb(0x1f, 0x4e, 0x9c),
            Color32::from_rgb(0x10, 0x2a, 0x55),
        );
        Self::banners_ui(ui, &mut self.errors, error);
        Self::banners_ui(ui, &mut self.notes, note);
    }

    /// One dismissable banner per message, in `(fill, border, text)` colours;
    /// Dismiss removes its message.
    fn banners_ui(ui: &mut Ui, messages: &mut Vec<String>, colours: (Color32, Color32, Color32)) {
        let (fill, border, text) = colours;
        let mut dismissed = None;
        for (i, message) in messages.iter().enumerate() {
            banner_frame(fill, border).show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(message).color(text));
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::TOP), |ui| {
                        if ui.button("Dismiss").clicked() {
                            dismissed = Some(i);
                        }
                    });
                });
            });
        }
        if let Some(i) = dismissed {
            messages.remove(i);
        }
    }

    /// The "Save changes?" question, while an action waits for it.
    fn confirm_ui(&mut self, ctx: &egui::Context) {
        let Some(pending) = self.pending.clone() else {
            return;
        };
        if pending == Pending::Quit && self.allow_close {
            self.pending = None;
            ctx.send_viewport_cmd(ViewportCommand::Close);
            return;
        }
        let name = self.doc.display_name();
        let mut choice = None;
        egui::Modal::new(Id::unique("argmap-save-changes")).show(ctx, |ui| {
            ui.heading(format!("Save changes to “{name}”?"));
            ui.label("If you don't save, your changes will be lost.");
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    choice = Some(true);
                }
                if ui.button("Don't save").clicked() {
                    choice = Some(false);
                }
                if ui.button("Cancel").clicked() {
                    self.pending = None;
                }
            });
        });
        match choice {
            Some(save) => {
                self.pending = None;
                if save && !self.save() {
                    return;
                }
                self.allow_close = pending == Pending::Quit;
                if pending == Pending::Quit {
                    ctx.send_viewport_cmd(ViewportCommand::Close);
                } else {
                    // The changes are saved or given up: go ahead.
                    self.doc.history.mark_saved();
                    self.run_pending(pending);
                }
            }
            None => {
                if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
                    self.pending = None;
                }
            }
        }
    }

    fn handle_window_events(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && self.doc.is_modified()
            && !self.allow_close
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.pending = Some(Pending::Quit);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            // Argmap's own maps open; anything else is imported.
            let own = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
            self.request(if own {
                Pending::Open(Some(path))
            } else {
                Pending::Import(Some(path))
            });
        }
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

/// A command button whose label says what it will do ("Undo move").
fn labelled_command(
    ui: &mut Ui,
    command: UiCommand,
    label: Option<String>,
    actions: &mut Vec<Action>,
) {
    let shortcut = command
        .shortcuts()
        .first()
        .map(|s| ui.ctx().format_shortcut(s))
        .unwrap_or_default();
    let text = label.unwrap_or_else(|| command.label().to_owned());
    let button = egui::Button::new(text).shortcut_text(shortcut);
    let enabled = ui
        .add_enabled(true, button)
        .on_hover_text(command.tooltip());
    if enabled.clicked() {
        actions.push(Action::Command(command));
        ui.close();
    }
}

/// The zoom level for the status bar, as a percentage with as many
/// decimals as a far-out view of a huge map needs ("0.03%", "4.2%", "62%").
fn zoom_percent(view: &View) -> String {
    let scale = (view.canvas_rect.size() / view.scene_rect.size()).min_elem();
    let percent = if scale.is_finite() {
        scale * 100.0
    } else {
        100.0
    };
    if percent >= 10.0 {
        format!("{percent:.0}%")
    } else if percent >= 1.0 {
        format!("{percent:.1}%")
    } else {
        format!("{percent:.2}%")
    }
}

/// A file name for a map called `title`: letters, digits and dashes.
fn suggested_file_name(title: &str) -> String {
    let mut name = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            name.extend(c.to_lowercase());
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
        if name.chars().count() >= 48 {
            break;
        }
    }
    let name = name.trim_end_matches('-');
    if name.is_empty() {
        "map.ron".to_owned()
    } else {
        format!("{name}.ron")
    }
}

fn text_key(id: ClaimId) -> u64 {
    field_key("text", id)
}

fn field_key(field: &str, id: ClaimId) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (field, id).hash(&mut hasher);
    hasher.finish()
}

impl ArgmapApp {
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

    /// Writes the recovery copy now, if there is unsaved work, and says
    /// where on standard error (the window may be gone).
    fn rescue(&self) {
        let Some(dir) = &self.recovery_dir else {
            return;
        };
        if self.recovered.is_some()
            || !self.doc.is_modified()
            || self.doc.history.undo_label().is_none()
        {
            return;
        }
        match crate::recovery::write(dir, &self.doc.map, self.doc.path.as_deref()) {
            Ok(()) => eprintln!(
                "argmap: your unsaved work was kept in {}; Argmap offers it the next time it starts",
                dir.display()
            ),
            Err(err) => eprintln!(
                "argmap: could not keep your unsaved work in {}: {err}",
                dir.display()
            ),
        }
    }
}

impl eframe::App for ArgmapApp {
    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        self.guarded(|app| app.frame_ui(ui, frame));
    }

    fn on_exit(&mut self) {
        // A clean exit leaves no recovery copy: the user saved or chose not
        // to.
        if let Some(dir) = &self.recovery_dir
            && self.recovered.is_none()
        {
            crate::recovery::clear(dir);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        // Next time, reopen the map on screen now if it has a file; an
        // untitled map cannot be reopened, so the bundled map shows instead.
        self.prefs.last_file.clone_from(&self.doc.path);
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }
}

impl ArgmapApp {
    /// One frame: input, panels, the canvas, then the actions they asked for.
    fn frame_ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.handle_window_events(&ctx);
        if self.presenting.is_some() {
            self.present_ui(ui);
            // Unsaved edits made before presenting stay protected.
            self.autosave(&ctx);
            return;
        }
        let mut actions = Vec::new();
        // The shortcut list closes on Esc before Esc means anything else.
        if self.shortcuts_open {
            super::palette::shortcuts_ui(&ctx, &mut self.shortcuts_open);
        }
        // The search bar takes Enter and Esc while its field has the focus.
        if let Some(mut search) = self.view.search.take() {
            search.refresh(&self.doc.map, self.doc.history.revision());
            match super::search::search_ui(&ctx, self.view.canvas_rect, &mut search) {
                super::search::Outcome::Stay => self.view.search = Some(search),
                super::search::Outcome::Show(id) => {
                    self.view.reveal = Some(id);
                    self.view.selection = BTreeSet::from([id]);
                    self.view.selected_link = None;
                    self.view.search = Some(search);
                }
                super::search::Outcome::Close => {}
            }
        }
        // The palette takes the keys while it is open.
        if let Some(mut palette) = self.palette.take() {
            match super::palette::palette_ui(&ctx, &mut palette) {
                super::palette::Outcome::Open => self.palette = Some(palette),
                super::palette::Outcome::Close => {}
                super::palette::Outcome::Run(command) => actions.push(Action::Command(command)),
            }
        } else if self.pending.is_none() && self.loading.is_none() {
            self.shortcut_actions(&ctx, &mut actions);
            self.clipboard_events(&ctx);
        }

        egui::Panel::top("argmap-menu").show(ui, |ui| self.menu_bar_ui(ui, &mut actions));
        egui::Panel::bottom("argmap-status").show(ui, |ui| self.status_bar_ui(ui));
        if self.steps_open {
            let revision = self.doc.history.revision();
            if self
                .steps_cache
                .as_ref()
                .is_none_or(|(r, _)| *r != revision)
            {
                let steps = crate::model::present::steps(&self.doc.map);
                self.steps_cache = Some((revision, steps));
            }
            let steps = self.steps_cache.as_ref().map_or(&[][..], |(_, s)| s);
            let request = egui::Panel::left("argmap-steps")
                .default_size(320.0)
                .resizable(true)
                .show(ui, |ui| {
                    super::steps::steps_ui(ui, &self.doc.map, steps, &mut self.steps_selected)
                })
                .inner;
            if let Some(request) = request {
                self.steps_request(request);
            }
        }
        egui::Panel::right("argmap-inspector")
            .default_size(300.0)
            .resizable(true)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    inspector_ui(ui, &self.doc.map, &self.view, &mut actions);
                });
            });
        egui::CentralPanel::default()
            .frame(egui::Frame::central_panel(ui.style()).inner_margin(0.0))
            .show(ui, |ui| {
                self.errors_ui(ui);
                self.needs_repair_ui(ui);
                self.breadcrumb_ui(ui);
                self.shown_canvas_ui(ui, &mut actions);
            });
        self.confirm_ui(&ctx);
        self.loading_ui(&ctx);
        self.conflict_ui(&ctx);
        self.recovery_ui(&ctx);
        self.watch_file(&ctx);
        self.autosave(&ctx);

        for action in actions {
            self.perform(action);
        }
        if self.doc.history.take_refused()
            && let Some(repair) = &self.needs_repair
        {
            self.status = format!(
                "{} is read-only until it is repaired: press Repair above the map",
                repair.path.display()
            );
        }
    }
}

/// Menus and panels in the high-contrast palette (pure black or white text,
/// stronger outlines), or egui's own.
fn apply_contrast(ctx: &egui::Context, high: bool) {
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        let mut visuals = theme.default_visuals();
        if high {
            let ink = if theme == egui::Theme::Dark {
                Color32::WHITE
            } else {
                Color32::BLACK
            };
            visuals.override_text_color = Some(ink);
            for widget in [
                &mut visuals.widgets.noninteractive,
                &mut visuals.widgets.inactive,
                &mut visuals.widgets.hovered,
                &mut visuals.widgets.active,
            ] {
                widget.bg_stroke = egui::Stroke::new(widget.bg_stroke.width.max(1.5), ink);
            }
            visuals.panel_fill = if theme == egui::Theme::Dark {
                Color32::BLACK
            } else {
                Color32::WHITE
            };
        }
        ctx.set_visuals_of(theme, visuals);
    }
}

/// How often the recovery copy is refreshed while there are unsaved changes.
const AUTOSAVE_SECONDS: u32 = 30;
/// The range of that setting.
const MIN_AUTOSAVE_SECONDS: u32 = 5;
const MAX_AUTOSAVE_SECONDS: u32 = 600;

/// The frame of a banner above the map (errors, notes, repair).
fn banner_frame(fill: Color32, border: Color32) -> egui::Frame {
    egui::Frame::new()
        .fill(fill)
        .stroke(egui::Stroke::new(1.0, border))
        .inner_margin(8.0)
        .corner_radius(4.0)
}

/// Bytes as megabytes, for progress.
fn mb(bytes: u64) -> f64 {
    #[allow(clippy::cast_precision_loss)] // Sizes below 64 MB.
    let bytes = bytes as f64;
    bytes / 1_000_000.0
}

/// `text` with its first letter in capitals: "Claim #3 …".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// "40 seconds", "5 minutes", "3 hours".
fn ago(seconds: u64) -> String {
    match seconds {
        0..120 => format!("{seconds} seconds"),
        120..7200 => format!("{} minutes", seconds / 60),
        _ => format!("{} hours", seconds / 3600),
    }
}

/// "1 claim", "2 claims".
fn claims(n: usize) -> String {
    if n == 1 {
        "1 claim".to_owned()
    } else {
        format!("{n} claims")
    }
}

/// The first `max` characters of `text` on one line, with an ellipsis when
/// cut.
fn short(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        line
    } else {
        let cut: String = line.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_shows_decimals_only_when_needed() {
        let mut view = View::default();
        view.canvas_rect = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1000.0, 800.0));
        for (width, shown) in [
            (1000.0, "100%"),
            (1613.0, "62%"),
            (23_810.0, "4.2%"),
            (3.0e6, "0.03%"),
        ] {
            view.scene_rect =
                egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(width, width * 0.8));
            assert_eq!(zoom_percent(&view), shown);
        }
    }

    #[test]
    fn file_names_come_from_titles() {
        assert_eq!(
            suggested_file_name("China's Social Credit System: rule by law?"),
            "china-s-social-credit-system-rule-by-law.ron"
        );
        assert_eq!(suggested_file_name("  "), "map.ron");
        assert_eq!(
            suggested_file_name("法治 und Gründe"),
            "法治-und-gründe.ron"
        );
    }
}
