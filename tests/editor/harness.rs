//! One way to start the editor, one double for its file dialogs, and the
//! hand movements tests make (clicks, drags, keys, typing).
#![expect(
    clippy::disallowed_methods,
    reason = "a dropped file is read the way a file manager hands it over"
)]
#![expect(
    clippy::missing_panics_doc,
    clippy::new_without_default,
    clippy::return_self_not_must_use,
    reason = "helpers of the tests, public only so each test module can use them"
)]

pub use crate::common::{fixture, homework};

use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::rc::Rc;
use std::time::{Duration, Instant};

use argmap::edit::Document;
use argmap::export::ExportFormat;
use argmap::model::{ClaimId, Map};
use argmap::ui::{ArgmapApp, FileDialogs, Picked, Startup};
use egui::{Event, Key, Modifiers, PointerButton, Pos2, Vec2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// File dialogs answered by the test: each call takes the next answer; when
/// none is left, the standing answer (if any), else "cancelled". Dialogs
/// made with [`ScriptedDialogs::unavailable`] never appear, as on a
/// machine with no desktop portal and no zenity.
#[derive(Clone, Default)]
pub struct ScriptedDialogs {
    answers: Rc<RefCell<VecDeque<Option<PathBuf>>>>,
    standing: Option<PathBuf>,
    unavailable: bool,
}

impl ScriptedDialogs {
    /// Dialogs that answer every question with `path` (but imports, which
    /// are cancelled) unless an answer is queued.
    pub fn always(path: Option<PathBuf>) -> Self {
        Self {
            standing: path,
            ..Self::default()
        }
    }

    /// Dialogs that cannot be shown at all.
    pub fn unavailable() -> Self {
        Self {
            unavailable: true,
            ..Self::default()
        }
    }

    /// Queues the answer to the next dialog.
    pub fn answer(&self, path: Option<PathBuf>) {
        self.answers.borrow_mut().push_back(path);
    }

    fn next(&self) -> Picked {
        let answer = self
            .answers
            .borrow_mut()
            .pop_front()
            .unwrap_or_else(|| self.standing.clone());
        self.picked(answer)
    }

    fn picked(&self, answer: Option<PathBuf>) -> Picked {
        match answer {
            _ if self.unavailable => Picked::Unavailable,
            Some(path) => Picked::Path(path),
            None => Picked::Cancelled,
        }
    }
}

impl FileDialogs for ScriptedDialogs {
    fn pick_open(&mut self) -> Picked {
        self.next()
    }

    fn pick_save(&mut self, _file_name: &str) -> Picked {
        self.next()
    }

    fn pick_import(&mut self) -> Picked {
        let answer = self.answers.borrow_mut().pop_front().flatten();
        self.picked(answer)
    }

    fn pick_export(&mut self, _file_name: &str, _format: ExportFormat) -> Picked {
        self.next()
    }

    fn pick_source(&mut self) -> Picked {
        self.next()
    }

    fn pick_bibliography(&mut self) -> Picked {
        self.next()
    }
}

/// How a test starts the editor: the one harness builder.
pub struct Editor {
    startup: Startup,
    dialogs: ScriptedDialogs,
    document: Option<Document>,
    size: Vec2,
    theme: Option<egui::Theme>,
    step_dt: Option<f32>,
}

impl Editor {
    /// The editor in a 1280×800 window, its first map (the bundled one),
    /// dialogs that cancel, frames as fast as a real screen's (so two
    /// clicks make a double click).
    pub fn new() -> Self {
        Self {
            startup: Startup::default(),
            dialogs: ScriptedDialogs::default(),
            document: None,
            size: vec2(1280.0, 800.0),
            theme: None,
            step_dt: Some(1.0 / 60.0),
        }
    }

    /// Started as `startup` says (a file, a recovery folder).
    pub fn startup(mut self, startup: Startup) -> Self {
        self.startup = startup;
        self
    }

    /// File dialogs answered by `dialogs` (a clone shares its answers).
    pub fn dialogs(mut self, dialogs: &ScriptedDialogs) -> Self {
        self.dialogs = dialogs.clone();
        self
    }

    /// Showing `document` instead of the first map.
    pub fn document(mut self, document: Document) -> Self {
        self.document = Some(document);
        self
    }

    /// Started on the map file at `path`, as `argmap FILE` starts.
    pub fn opening(self, path: PathBuf) -> Self {
        self.startup(Startup {
            file: Some(path),
            restore_last: false,
            recovery_dir: None,
        })
    }

    /// On a blank map, "Homework".
    pub fn blank(self) -> Self {
        self.document(Document::untitled(Map::new("Homework"), false))
    }

    /// In a window of `size` points.
    pub fn size(mut self, size: Vec2) -> Self {
        self.size = size;
        self
    }

    /// In `theme`, frames still as fast as a real screen's (so a test can
    /// build its map by double clicks before taking a snapshot).
    pub fn theme(mut self, theme: egui::Theme) -> Self {
        self.theme = Some(theme);
        self
    }

    /// In `theme`, at kittest's own slow frame rate: how the image
    /// snapshots are taken.
    pub fn snapshot(mut self, theme: egui::Theme) -> Self {
        self.theme = Some(theme);
        self.step_dt = None;
        self
    }

    /// The harness, after its first frames.
    pub fn build(self) -> Harness<'static, ArgmapApp> {
        let Self {
            startup,
            dialogs,
            document,
            size,
            theme,
            step_dt,
        } = self;
        let mut builder = Harness::builder().with_size(size).with_max_steps(240);
        if let Some(theme) = theme {
            builder = builder.with_theme(theme);
        }
        if let Some(step_dt) = step_dt {
            builder = builder.with_step_dt(step_dt);
        }
        let mut harness =
            builder.build_eframe(move |cc| ArgmapApp::new(cc, startup, Box::new(dialogs)));
        if let Some(document) = document {
            harness.state_mut().doc = document;
            harness.state_mut().view = argmap::ui::View::default();
        }
        harness.run();
        harness
    }
}

/// The map open in the editor.
pub fn map<'h>(harness: &'h Harness<'_, ArgmapApp>) -> &'h Map {
    &harness.state().doc.map
}

/// The claim that says `text`.
pub fn claim_id(harness: &Harness<'_, ArgmapApp>, text: &str) -> ClaimId {
    map(harness)
        .claims
        .iter()
        .find(|(_, c)| c.text == text)
        .map_or_else(|| panic!("no claim says {text:?}"), |(&id, _)| id)
}

/// The selected claims.
pub fn selected(harness: &Harness<'_, ArgmapApp>) -> Vec<ClaimId> {
    harness
        .state()
        .view
        .selection
        .claims
        .iter()
        .copied()
        .collect()
}

/// Clicks `times` times at `pos` holding `modifiers`, after a pause so the
/// click does not join an earlier one.
pub fn click_at(
    harness: &mut Harness<'_, ArgmapApp>,
    pos: Pos2,
    modifiers: Modifiers,
    times: usize,
) {
    harness.run_steps(30);
    // Modifier keys are held through the whole click, as by a hand.
    harness.event(Event::ModifiersChanged(modifiers));
    harness.event(Event::PointerMoved(pos));
    harness.run();
    for _ in 0..times {
        for pressed in [true, false] {
            harness.event(Event::PointerButton {
                pos,
                button: PointerButton::Primary,
                pressed,
                modifiers,
            });
        }
    }
    harness.run();
    harness.event(Event::ModifiersChanged(Modifiers::NONE));
    harness.run();
}

/// A right click at `pos`.
pub fn right_click_at(harness: &mut Harness<'_, ArgmapApp>, pos: Pos2) {
    harness.run_steps(30);
    harness.event(Event::PointerMoved(pos));
    harness.run();
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
}

/// Where the card that says `text` is on screen. (egui reports the bounds
/// of widgets inside a scene in scene units, so they are mapped here.)
pub fn card(harness: &Harness<'_, ArgmapApp>, text: &str) -> egui::Rect {
    let in_map = harness.get_by_label(text).rect();
    let screen_from_map = harness.state().view.screen_from_map();
    egui::Rect::from_two_pos(screen_from_map * in_map.min, screen_from_map * in_map.max)
}

/// Clicks the card that says `text`.
pub fn click_card(harness: &mut Harness<'_, ArgmapApp>, text: &str, modifiers: Modifiers) {
    let center = card(harness, text).center();
    click_at(harness, center, modifiers, 1);
}

/// The middle of the line between two cards, where the link between them runs.
pub fn between(harness: &Harness<'_, ArgmapApp>, premise: &str, target: &str) -> Pos2 {
    card(harness, premise)
        .center()
        .lerp(card(harness, target).center(), 0.5)
}

/// File → Export ▸ `item` (the menu entry's label), through the menus as
/// a user goes.
pub fn export_via_menu(harness: &mut Harness<'_, ArgmapApp>, item: &str) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").hover();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
}

/// Types `text` into whatever has the keyboard.
pub fn type_text(harness: &mut Harness<'_, ArgmapApp>, text: &str) {
    harness.event(Event::Text(text.to_owned()));
    harness.run();
}

/// Presses `key` holding `modifiers`.
pub fn key(harness: &mut Harness<'_, ArgmapApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// The middle of the canvas on screen.
pub fn canvas_center(harness: &Harness<'_, ArgmapApp>) -> Pos2 {
    harness.state().view.camera.canvas_rect.center()
}

/// Builds "Homework should be optional" with a reason and an objection, by
/// double-click, Tab, Shift+Tab and typing.
pub fn build_small_map(harness: &mut Harness<'_, ArgmapApp>) {
    let center = canvas_center(harness);
    click_at(harness, center - vec2(0.0, 150.0), Modifiers::NONE, 2);
    type_text(harness, "Homework should be optional");
    key(harness, Modifiers::NONE, Key::Enter);
    key(harness, Modifiers::NONE, Key::Tab);
    type_text(harness, "Children need time to rest");
    key(harness, Modifiers::NONE, Key::Enter);
    click_card(harness, "Homework should be optional", Modifiers::NONE);
    key(harness, Modifiers::SHIFT, Key::Tab);
    type_text(harness, "Practice at home builds habits");
    key(harness, Modifiers::NONE, Key::Enter);
}

/// Gives the objection of the small map a rebuttal, "Habits also form at
/// school", from the keyboard.
pub fn add_rebuttal(harness: &mut Harness<'_, ArgmapApp>) {
    click_card(harness, "Practice at home builds habits", Modifiers::NONE);
    key(harness, Modifiers::SHIFT, Key::Tab);
    type_text(harness, "Habits also form at school");
    key(harness, Modifiers::NONE, Key::Enter);
}

/// Runs frames until `done` holds, for things that take real time (a file
/// watch, a worker thread); fails after ten seconds.
pub fn run_until(
    harness: &mut Harness<'_, ArgmapApp>,
    what: &str,
    done: impl Fn(&Harness<'_, ArgmapApp>) -> bool,
) {
    let start = Instant::now();
    while !done(harness) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{what}: not within 10 s"
        );
        std::thread::sleep(Duration::from_millis(20));
        harness.run();
    }
}

/// Presses, moves in steps, and releases, as a hand would drag: from
/// `from` to `to` in eight moves, holding `modifiers`.
pub fn drag(harness: &mut Harness<'_, ArgmapApp>, from: Pos2, to: Pos2, modifiers: Modifiers) {
    harness.run_steps(30);
    harness.event(Event::ModifiersChanged(modifiers));
    harness.event(Event::PointerMoved(from));
    harness.run();
    harness.event(Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers,
    });
    harness.run();
    for step in 1..=8 {
        #[expect(clippy::cast_precision_loss, reason = "small counts, exact in f32")]
        let t = step as f32 / 8.0;
        harness.event(Event::PointerMoved(from.lerp(to, t)));
        harness.run();
    }
    harness.event(Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers,
    });
    harness.run();
    harness.event(Event::ModifiersChanged(Modifiers::NONE));
    harness.run();
}

/// A file dropped on the window from a file manager.
#[derive(Debug)]
pub struct Dropped(pub PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// How many pages the PDF handout's outline of `map` takes after the map
/// (see `argmap::draw::handout_outline`), without the evaluation's words.
pub fn outline_pages(map: &argmap::model::Map) -> usize {
    let markdown = argmap::format::markdown::to_markdown(map);
    let mut measure = argmap::measure::TextMeasure::new();
    argmap::draw::handout_outline::pages(&markdown, &map.title, &mut measure).len()
}
