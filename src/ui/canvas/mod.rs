//! The map on a zoomable canvas: cards, links, and what the pointer does
//! to them. Drawing and hit-testing happen here; every change to the map
//! leaves as an [`Action`] that the app applies after the frame is drawn.
//!
//! - [`view`]: the canvas's state (camera, selection, the gesture under way);
//! - [`camera`]: fitting, revealing, gliding, zooming (pure);
//! - `paint`: how cards, links and blocks look;
//! - `cards`: card widgets, their clicks, drags, menus and the text field;
//! - `interaction`: the background, links, selection boxes, connections;
//! - `minimap`, `a11y`: the minimap and what screen readers are told;
//! - `scene_index`: what is kept between frames (rectangles, shapes, grid).

mod a11y;
pub mod camera;
mod cards;
mod flow_paint;
mod interaction;
mod lod;
mod minimap;
mod paint;
mod scene_index;
mod view;
pub mod wheel;

use std::collections::{BTreeMap, BTreeSet};

use egui::{Id, Rect, Scene, Sense, Ui, Vec2, pos2};

pub use camera::{Camera, Glide};
pub use lod::{BLOCKS_ZOOM, Level, TEXT_ZOOM};
pub use view::{Animation, Editing, Look, Selection, View};

use super::action::Action;
use crate::measure::{DrawnCard, TextMeasure};
use crate::model::{ClaimId, Map, Pos, Role};
use camera::ZOOM_RANGE;
pub use scene_index::Quoting;
use scene_index::SceneIndex;
use view::Gesture;

/// Above this many cards on screen, cards are not widgets of their own:
/// the canvas hit-tests them through the grid instead.
const MAX_CARD_WIDGETS: usize = 1500;
/// How long an arrange takes to glide into place.
const ANIMATION_SECS: f64 = 0.35;

/// What the canvas draws this frame: the map (or the part of it that is
/// shown), and the marks on it.
#[derive(Clone, Copy, Debug)]
pub struct Drawn<'a> {
    /// The map, or the part of it shown (folds, focus, presenting).
    pub map: &'a Map,
    /// Names this state of `map`: it changes whenever the map does, so
    /// work for an unchanged map is not repeated every frame.
    pub revision: u64,
    /// Roles worked out on the whole map, when `map` is only part of it.
    pub roles: Option<&'a BTreeMap<ClaimId, Role>>,
    /// Highlights and badges.
    pub marks: &'a Marks,
    /// Statuses to show on the cards (and links that fail faded), when the
    /// evaluation is shown.
    pub evaluation: Option<&'a crate::eval::Evaluation>,
    /// Presenting: the cards are for an audience, so no edit handle and no
    /// hover mark is drawn.
    pub presenting: bool,
    /// The words evidence quotes, shown on its cards.
    pub quotes: Quoting<'a>,
    /// The flow view: the columns and headings behind the cards.
    pub flow: Option<&'a crate::layout::flow::FlowLayout>,
    /// Words in red under a card, in any view: "dropped in 2AC".
    pub drops: &'a BTreeMap<ClaimId, String>,
}

/// Marks on cards that come from outside the canvas: search matches, the
/// step being presented, claims not presented yet, folded subtrees.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marks {
    /// Claims with a glow (search matches).
    pub found: BTreeSet<ClaimId>,
    /// Claims with a strong glow: the current match, the step presented.
    pub spotlight: BTreeSet<ClaimId>,
    /// Claims drawn faint: steps not yet presented.
    pub faded: BTreeSet<ClaimId>,
    /// For each visible folded claim, how many claims it hides (its badge).
    pub fold_counts: BTreeMap<ClaimId, usize>,
    /// Claims whose status the last change flipped: they pulse.
    pub pulse: BTreeSet<ClaimId>,
    /// How far the pulse has come, 0 to 1.
    pub pulse_progress: f32,
}

/// The id the canvas holds keyboard focus under.
pub fn canvas_focus_id() -> Id {
    Id::unique("argmap-canvas")
}

/// What this frame draws, in map units.
struct Frame<'a> {
    /// Every card, link and role.
    index: &'a SceneIndex,
    /// The cards on screen.
    visible: Vec<ClaimId>,
    /// The part of the map on screen.
    visible_rect: Rect,
    /// How much of each card is drawn: text, titles, or blocks.
    level: Level,
    /// At [`Level::Titles`], the cards whose titles read, with their title
    /// fitted; the other visible cards are blocks.
    titles: std::collections::HashMap<ClaimId, std::sync::Arc<crate::measure::FittedTitle>>,
    /// Whether the visible cards are widgets (hover, click, drag, menus).
    widgets: bool,
    /// Screen points per map unit.
    zoom: f32,
}

/// The wheel zoom of this frame (see [`wheel`]).
fn wheel_zoom(ui: &Ui, view: &mut View, canvas_rect: Rect) {
    let over = ui.rect_contains_pointer(canvas_rect);
    let pointer = ui.input(|i| i.pointer.latest_pos());
    let (asked, dt) = ui.input(|i| (wheel::asked(&i.raw.events), i.stable_dt));
    if asked != 0.0
        && over
        && let Some(pointer) = pointer
    {
        let around = view.camera.screen_from_map().inverse() * pointer;
        view.camera.wheel_zoom(asked, around);
    }
    if view.camera.step_wheel(dt) {
        ui.ctx().request_repaint();
    }
}

/// Draws the canvas and collects what the user did into `actions`. Card
/// sizes come from `measure`, the measurement layout and exports use.
pub fn canvas_ui(
    ui: &mut Ui,
    shown: Drawn<'_>,
    view: &mut View,
    measure: &mut TextMeasure,
    actions: &mut Vec<Action>,
) {
    let dark = ui.visuals().dark_mode;
    let modifiers = ui.input(|i| i.modifiers);
    let canvas_rect = ui.available_rect_before_wrap();
    view.camera.canvas_rect = canvas_rect;
    update_index(ui, shown, view, measure);
    // Fit before drawing, so no frame is ever drawn with the whole map
    // at an unknown zoom.
    if view.camera.fit_requested {
        let top = shown
            .map
            .thesis
            .or_else(|| view.index.cards.keys().next().copied());
        let top = top.and_then(|id| view.index.cards.get(&id)).copied();
        view.camera.fit(view.index.bounds(), top);
    }
    reveal_pending(view, canvas_rect.size());
    if view.camera.step_glide(ui.input(|i| i.time)) {
        ui.ctx().request_repaint();
    }
    wheel_zoom(ui, view, canvas_rect);
    let index = std::mem::take(&mut view.index);

    // A held Shift turns a background drag into a selection box, so the
    // primary button must not pan then.
    let boxing = matches!(view.gesture, Gesture::Boxing(_))
        || (modifiers.shift && !matches!(view.gesture, Gesture::Connecting(_)));
    let pan_buttons = if boxing {
        egui::containers::DragPanButtons::MIDDLE
    } else {
        egui::containers::DragPanButtons::PRIMARY | egui::containers::DragPanButtons::MIDDLE
    };

    let mut scene_rect = view.camera.scene_rect;
    let scene = Scene::new()
        .zoom_range(ZOOM_RANGE)
        .drag_pan_buttons(pan_buttons);
    let mut frame_out = None;
    let response = scene
        .show(ui, &mut scene_rect, |ui| {
            let frame = frame(ui, shown.map, &index, view, measure);
            if let Some(flow) = shown.flow {
                flow_paint::backdrop(ui.painter(), flow, dark, frame.zoom);
            }
            paint::links(ui.painter(), shown, &frame, view, dark);
            if frame.level != Level::Text {
                paint::blocks(ui.painter(), shown, &frame, view, dark);
            }
            let card_focused = cards::cards_ui(ui, shown, &frame, view, dark, actions);
            flow_paint::under_cards(ui.painter(), shown.drops, &frame, dark);
            frame_out = Some((frame.visible_rect, frame.widgets, card_focused));
        })
        .response;
    view.camera.scene_rect = scene_rect;
    let Some((visible_rect, widgets, card_focused)) = frame_out else {
        view.index = index;
        return;
    };
    let frame = Frame {
        index: &index,
        visible: Vec::new(),
        visible_rect,
        level: Level::Text,
        titles: std::collections::HashMap::new(),
        widgets,
        zoom: 1.0,
    };

    let to_map = ui
        .ctx()
        .layer_transform_from_global(response.layer_id)
        .unwrap_or_default();
    let pointer = interaction::Pointer {
        pos_in_map: ui.input(|i| i.pointer.latest_pos()).map(|p| to_map * p),
        map_units_per_point: to_map.scaling.max(f32::EPSILON),
        modifiers,
    };
    interaction::background_ui(&response, shown.map, &frame, view, &pointer, actions);
    interaction::gestures_ui(ui, &response, shown.map, &frame, view, &pointer, actions);

    // Hold the keyboard while the canvas is in use, so that Tab, arrows and
    // Escape reach the canvas's commands instead of moving focus around.
    let focus = ui.interact(
        canvas_rect,
        canvas_focus_id(),
        Sense::focusable_noninteractive(),
    );
    let clicked_canvas =
        response.clicked() || response.drag_started() || response.secondary_clicked();
    let focused = ui.memory(egui::Memory::focused);
    if view.editing.is_none() && (clicked_canvas || card_focused || focused.is_none()) {
        focus.request_focus();
    }
    view.has_focus = focus.has_focus();
    if view.has_focus {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                canvas_focus_id(),
                egui::EventFilter {
                    tab: true,
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    escape: true,
                },
            );
        });
    }
    if view.look.minimap {
        minimap::minimap_ui(ui, canvas_rect, &index, view, dark);
    }
    view.index = index;
}

/// Brings the claim waiting to be revealed into view.
fn reveal_pending(view: &mut View, canvas_size: Vec2) {
    if let Some(id) = view.camera.reveal.take()
        && let Some(&card) = view.index.cards.get(&id)
    {
        view.camera.scene_rect = camera::revealing(view.camera.scene_rect, card, canvas_size);
    }
}

/// How far an animation has come, eased (0 at the start, 1 when done).
fn animation_progress(ui: &Ui, view: &mut View) -> Option<f32> {
    let start = view.animation.as_ref()?.start;
    let elapsed = ui.input(|i| i.time) - start;
    if !(0.0..ANIMATION_SECS).contains(&elapsed) {
        view.animation = None;
        return None;
    }
    ui.ctx().request_repaint();
    #[expect(
        clippy::cast_possible_truncation,
        reason = "Within 0..1 after the check above."
    )]
    let t = (elapsed / ANIMATION_SECS) as f32;
    Some(1.0 - (1.0 - t).powi(3))
}

/// Brings the index up to date: card positions (dragged and gliding cards
/// where they are drawn), sizes, link shapes, roles and the grid.
fn update_index(ui: &Ui, shown: Drawn<'_>, view: &mut View, measure: &mut TextMeasure) {
    let offset = view.gesture.drag_offset();
    let progress = animation_progress(ui, view);
    let moving = offset.is_some() || progress.is_some();
    let offset = offset.unwrap_or(Vec2::ZERO);
    let animation = view.animation.as_ref();
    let selection = &view.selection.claims;
    let center_of = |id: ClaimId, pos: Pos| {
        let mut center = pos2(pos.x, pos.y);
        if let (Some(t), Some(from)) = (progress, animation.and_then(|a| a.from.get(&id))) {
            center = pos2(from.x, from.y).lerp(center, t);
        }
        if selection.contains(&id) {
            center += offset;
        }
        center
    };
    // Measured at the screen's density, so the heights fit the text as
    // painted; a new density (the window moved screens) measures anew.
    let pixels_per_point = ui.ctx().pixels_per_point();
    if (measure.pixels_per_point() - pixels_per_point).abs() > f32::EPSILON {
        *measure = TextMeasure::for_screen(pixels_per_point);
        view.index = SceneIndex::default();
    }
    // Sizes come from the measurement layout and exports use, which keeps
    // only a few hundred laid-out texts at a time: measuring a 20,000-claim
    // map through egui's frame cache would hold all of them at once.
    view.index.update(&shown, moving, center_of, |title, text| {
        DrawnCard::of(measure, title, text)
    });
}

/// What is on screen this frame, and how much of each card to draw: at a
/// zoom where only titles read, each visible card's title is fitted (once
/// per title and card size) and kept if it reads.
fn frame<'a>(
    ui: &Ui,
    map: &Map,
    index: &'a SceneIndex,
    view: &mut View,
    measure: &mut TextMeasure,
) -> Frame<'a> {
    let visible_rect = ui.clip_rect();
    let zoom = ui
        .ctx()
        .layer_transform_to_global(ui.layer_id())
        .map_or(1.0, |t| t.scaling);
    let mut visible = index.cards_in(visible_rect.expand(40.0));
    // The card being typed into is always drawn, wherever it is.
    if let Some(editing) = &view.editing
        && !visible.contains(&editing.claim)
        && index.cards.contains_key(&editing.claim)
    {
        visible.push(editing.claim);
    }
    let level = if visible_rect.is_finite() {
        view.lod.frame(zoom, view.editing.is_some())
    } else {
        Level::Blocks
    };
    let mut titles = std::collections::HashMap::new();
    if level == Level::Titles {
        // Titles are fitted once per revision of the map, not every frame.
        view.lod.map_at(index.revision());
        for &id in &visible {
            let (Some(claim), Some(rect)) = (map.claims.get(&id), index.cards.get(&id)) else {
                continue;
            };
            let title = || claim.shown_title();
            if let Some(fitted) = view.lod.title(measure, id, title, rect.size(), zoom) {
                titles.insert(id, fitted);
            }
        }
    }
    let widgets = visible.len() <= MAX_CARD_WIDGETS;
    Frame {
        index,
        visible,
        visible_rect,
        level,
        titles,
        widgets,
        zoom,
    }
}
