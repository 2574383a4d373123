//! The map on a zoomable canvas: cards, links, and what the pointer does
//! to them. Drawing and hit-testing happen here; every change to the map
//! leaves as an [`Action`] that the app applies after the frame is drawn.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use egui::{
    Align2, Color32, CornerRadius, FontId, Galley, Id, Key, KeyboardShortcut, Modifiers, Painter,
    Pos2, Rect, Response, Scene, Sense, Shape, Stroke, StrokeKind, TextEdit, Ui, Vec2, WidgetInfo,
    pos2, vec2,
};

use super::commands::UiCommand;
use super::scene_index::SceneIndex;
use crate::draw::geometry::{
    self, CARD_WIDTH, HANDLE_RADIUS, HEADER_HEIGHT, LinkShape, PADDING, TEXT_SIZE,
};
use crate::draw::style;
use crate::model::{ClaimId, ClaimKind, LinkId, LinkKind, Map, Pos, Role, Target};

/// Zoom limits: from a bird's-eye view of a large map to close reading.
pub const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.0002..=4.0;
/// How near (in screen points) the pointer must be to a link to hit it.
const LINK_TOLERANCE_PTS: f32 = 6.0;

/// What the canvas shows and how, apart from the map itself: camera,
/// selection, and gestures under way. Not saved with the map.
#[derive(Debug)]
pub struct View {
    /// The part of the map in view, in map units; an invalid rect (such as
    /// `Rect::ZERO`) fits the whole map on the next frame.
    pub scene_rect: Rect,
    /// Where the canvas was on screen last frame.
    pub canvas_rect: Rect,
    /// Selected claims.
    pub selection: BTreeSet<ClaimId>,
    /// The selected link, when a link rather than claims is selected.
    pub selected_link: Option<LinkId>,
    /// The claim whose text is being edited in place.
    pub editing: Option<Editing>,
    /// How far the selected cards have been dragged so far.
    drag_offset: Option<Vec2>,
    /// The claim a connection is being dragged from.
    connecting: Option<ClaimId>,
    /// Where a selection box started, in map units.
    boxing: Option<Pos2>,
    /// What the open context menu is about.
    context: Option<ContextTarget>,
    /// Fit the map to the window on the next frame.
    pub fit_requested: bool,
    /// The map was just opened: show all of it if that is readable, or the
    /// top of the tree around the thesis if the map is too large for that.
    pub opening: bool,
    /// Whether the canvas had the keyboard focus last frame.
    pub has_focus: bool,
    /// Cards gliding from where they were to where an arrange put them.
    pub animation: Option<Animation>,
    /// A claim to bring into view on the next frame (keyboard navigation,
    /// search), readable.
    pub reveal: Option<ClaimId>,
    /// The camera gliding to a new place (presenting): from, to, and when
    /// it started.
    pub glide: Option<(Rect, Rect, f64)>,
    /// Claims drawn with a glow: the step being presented.
    pub spotlight: BTreeSet<ClaimId>,
    /// Claims drawn faint: steps not yet presented.
    pub faded: BTreeSet<ClaimId>,
    /// The open search, whose matches are highlighted.
    pub search: Option<super::search::Search>,
    /// Folded claims: their subtrees are hidden.
    pub folds: BTreeSet<ClaimId>,
    /// For each visible folded claim, how many claims it hides (its badge).
    pub fold_counts: BTreeMap<ClaimId, usize>,
    /// Focus mode: only this claim and what answers it are shown.
    pub focus: Option<ClaimId>,
    /// Minimap and palette choices.
    pub look: Look,
    /// Roles worked out on the whole map, for when the canvas is given only
    /// part of it (folds, focus): taken once, on the next frame.
    pub known_roles: Option<BTreeMap<ClaimId, Role>>,
    /// Card rectangles, link shapes, roles and the spatial grid, kept
    /// between frames and rebuilt when the map changes.
    index: SceneIndex,
    /// The text measurement shared with layout and exports, made on first use.
    measure: Option<crate::measure::TextMeasure>,
}

/// How the canvas is dressed: preferences, kept between runs by the app.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Look {
    /// Whether the minimap is shown.
    pub minimap: bool,
    /// Whether cards use the high-contrast palette.
    pub high_contrast: bool,
}

/// Cards moving smoothly to new positions (the map already holds the new
/// ones; this only changes what is drawn for a moment).
#[derive(Debug, Clone)]
pub struct Animation {
    /// Where each moving card started.
    pub from: BTreeMap<ClaimId, Pos>,
    /// When the move started, in egui's clock (seconds).
    pub start: f64,
}

/// How long an arrange takes to glide into place.
const ANIMATION_SECS: f64 = 0.35;

impl Default for View {
    fn default() -> Self {
        Self {
            scene_rect: Rect::ZERO,
            canvas_rect: Rect::ZERO,
            selection: BTreeSet::new(),
            selected_link: None,
            editing: None,
            drag_offset: None,
            connecting: None,
            boxing: None,
            context: None,
            fit_requested: true,
            opening: true,
            has_focus: false,
            animation: None,
            reveal: None,
            glide: None,
            spotlight: BTreeSet::new(),
            faded: BTreeSet::new(),
            search: None,
            folds: BTreeSet::new(),
            fold_counts: BTreeMap::new(),
            focus: None,
            look: Look::default(),
            known_roles: None,
            index: SceneIndex::default(),
            measure: None,
        }
    }
}

impl View {
    /// The transform from map units to screen points for the camera as it
    /// is now: the same fit of the scene rectangle into the canvas that
    /// `egui::Scene` makes.
    pub fn screen_from_map(&self) -> egui::emath::TSTransform {
        let scale = (self.canvas_rect.size() / self.scene_rect.size()).min_elem();
        let scale = if scale.is_finite() && scale > 0.0 {
            scale.clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end())
        } else {
            1.0
        };
        egui::emath::TSTransform::from_translation(
            self.canvas_rect.center().to_vec2() - scale * self.scene_rect.center().to_vec2(),
        ) * egui::emath::TSTransform::from_scaling(scale)
    }
}

/// A claim whose text is being typed.
#[derive(Debug, Clone, PartialEq)]
pub struct Editing {
    /// Which claim.
    pub claim: ClaimId,
    /// The text as typed so far.
    pub buffer: String,
    /// True for a claim made for this edit: left empty, it disappears.
    pub is_new: bool,
    /// Give the text field the focus on the next frame.
    pub focus_pending: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum ContextTarget {
    Link(LinkId),
    Background(Pos),
}

/// Something the user asked for on the canvas.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A command from the table, as from a menu.
    Command(UiCommand),
    /// Select exactly these claims.
    Select(BTreeSet<ClaimId>),
    /// Select one link.
    SelectLink(LinkId),
    /// Add or remove one claim from the selection.
    ToggleSelected(ClaimId),
    /// Add claims to the selection.
    AddToSelection(BTreeSet<ClaimId>),
    /// Move the selected claims by this much, as one step.
    MoveSelection(Vec2),
    /// Make `claim` answer `onto` (a card dropped on another).
    Reparent {
        /// The claim dropped.
        claim: ClaimId,
        /// The claim it was dropped on.
        onto: ClaimId,
        /// Support, or attack when Alt was held.
        kind: LinkKind,
    },
    /// A new claim at this point, opened for typing.
    NewClaimAt(Pos),
    /// Start editing a claim's text.
    StartEditing(ClaimId),
    /// The text field's content changed.
    Typed(String),
    /// Stop editing text.
    FinishEditing,
    /// Connect a claim to a target (support or attack).
    Connect {
        /// The claim the connection starts at.
        premise: ClaimId,
        /// What it points to.
        target: Target,
        /// Support or attack.
        kind: LinkKind,
    },
    /// Add a claim to an existing link as a co-premise.
    Join {
        /// The link joined.
        link: LinkId,
        /// The new co-premise.
        claim: ClaimId,
    },
    /// Make a claim the thesis, or (`None`) leave the map without one.
    SetThesis(Option<ClaimId>),
    /// Pin a claim in place for arranging, or unpin it.
    SetPinned(ClaimId, bool),
    /// Change what kind of statement the claim is.
    SetKind(ClaimId, ClaimKind),
    /// Turn a support into an attack or back.
    FlipLink(LinkId),
    /// Split linked premises into separate links.
    SplitLink(LinkId),
    /// Delete one link (and what undercuts it).
    DeleteLink(LinkId),
    /// Show a short message in the status bar.
    Status(String),
    /// Replace a claim's content from the inspector; edits to the same
    /// `field` of the same claim join one undo step until [`Action::Seal`].
    UpdateClaim {
        /// Which claim.
        id: ClaimId,
        /// Its new content.
        claim: crate::model::Claim,
        /// Which field changed ("text", "note", "tags"…).
        field: &'static str,
    },
    /// Replace a link's content from the inspector.
    UpdateLink {
        /// Which link.
        id: LinkId,
        /// Its new content.
        link: crate::model::Link,
    },
    /// Rename the map.
    SetTitle(String),
    /// Close the typing step in progress.
    Seal,
}

/// The id the canvas holds keyboard focus under.
pub fn canvas_focus_id() -> Id {
    Id::unique("argmap-canvas")
}

/// The id of the in-place text field.
pub fn text_editor_id() -> Id {
    Id::unique("argmap-claim-editor")
}

/// The pointer this frame, as the canvas needs it.
struct Pointer {
    /// Where it is, in map units.
    pos_in_map: Option<Pos2>,
    /// How many map units one screen point covers at the current zoom.
    map_units_per_point: f32,
    /// Modifier keys held.
    modifiers: Modifiers,
}

/// Above this many cards on screen, cards are not widgets of their own:
/// the canvas hit-tests them through the grid instead.
const MAX_CARD_WIDGETS: usize = 1500;
/// Below this zoom (screen points per map unit), text would be too small
/// to read: cards are drawn as plain blocks and links as plain lines.
const DETAIL_ZOOM: f32 = 0.3;

/// A map that fits the window only too small to read opens on its thesis
/// instead, at a readable zoom (F shows all of it).
const OPENING_MIN_ZOOM: f32 = DETAIL_ZOOM;
/// The zoom a large map opens at.
const OPENING_ZOOM: f32 = 0.6;
/// The smallest size, in screen points, of a block or a line when zoomed
/// far out, so a huge map is still visible as a whole.
const MIN_BLOCK_PTS: f32 = 2.0;

/// What this frame draws, in map units.
struct Frame<'a> {
    /// Every card, link and role.
    index: &'a SceneIndex,
    /// The cards on screen.
    visible: Vec<ClaimId>,
    /// The part of the map on screen.
    visible_rect: Rect,
    /// Whether text and labels are drawn (false when zoomed far out).
    detail: bool,
    /// Whether the visible cards are widgets (hover, click, drag, menus).
    widgets: bool,
    /// Screen points per map unit.
    zoom: f32,
}

/// Draws the canvas and collects what the user did into `actions`.
/// `revision` names the state of `map` (it changes whenever the map does),
/// so work for unchanged maps is not repeated every frame.
pub fn canvas_ui(
    ui: &mut Ui,
    map: &Map,
    revision: u64,
    view: &mut View,
    actions: &mut Vec<Action>,
) {
    let dark = ui.visuals().dark_mode;
    let modifiers = ui.input(|i| i.modifiers);
    let canvas_rect = ui.available_rect_before_wrap();
    view.canvas_rect = canvas_rect;
    update_index(ui, map, revision, view);
    // Fit before drawing, so no frame is ever drawn with the whole map
    // at an unknown zoom.
    if view.fit_requested {
        view.fit_requested = false;
        view.scene_rect = fit_rect(view.index.bounds(), canvas_rect.size());
        let zoom = (canvas_rect.size() / view.scene_rect.size()).min_elem();
        if view.opening && zoom < OPENING_MIN_ZOOM {
            let top = map
                .thesis
                .or_else(|| view.index.cards.keys().next().copied());
            if let Some(rect) = top.and_then(|id| view.index.cards.get(&id)) {
                let size = canvas_rect.size() / OPENING_ZOOM;
                view.scene_rect =
                    Rect::from_min_size(rect.center_top() - vec2(size.x / 2.0, 60.0), size);
            }
        }
        view.opening = false;
    }
    reveal_pending(view, canvas_rect.size());
    glide_camera(ui, view);
    let index = std::mem::take(&mut view.index);

    // A held Shift turns a background drag into a selection box, so the
    // primary button must not pan then.
    let boxing = view.boxing.is_some() || (modifiers.shift && view.connecting.is_none());
    let pan_buttons = if boxing {
        egui::containers::DragPanButtons::MIDDLE
    } else {
        egui::containers::DragPanButtons::PRIMARY | egui::containers::DragPanButtons::MIDDLE
    };

    let mut scene_rect = view.scene_rect;
    let scene = Scene::new()
        .zoom_range(ZOOM_RANGE)
        .drag_pan_buttons(pan_buttons);
    let mut frame_out = None;
    let response = scene
        .show(ui, &mut scene_rect, |ui| {
            let frame = frame(ui, &index, view);
            draw_links(ui.painter(), map, &frame, view, dark);
            if !frame.detail {
                draw_blocks(ui.painter(), map, &frame, view, dark);
            }
            let card_focused = cards_ui(ui, map, &frame, view, dark, actions);
            frame_out = Some((frame.visible_rect, frame.widgets, card_focused));
        })
        .response;
    view.scene_rect = scene_rect;
    let Some((visible_rect, widgets, card_focused)) = frame_out else {
        view.index = index;
        return;
    };
    let frame = Frame {
        index: &index,
        visible: Vec::new(),
        visible_rect,
        detail: true,
        widgets,
        zoom: 1.0,
    };

    let to_map = ui
        .ctx()
        .layer_transform_from_global(response.layer_id)
        .unwrap_or_default();
    let pointer = Pointer {
        pos_in_map: ui.input(|i| i.pointer.latest_pos()).map(|p| to_map * p),
        map_units_per_point: to_map.scaling.max(f32::EPSILON),
        modifiers,
    };
    background_ui(&response, map, &frame, view, &pointer, actions);
    gestures_ui(ui, &response, map, &frame, view, &pointer, actions);

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
        minimap_ui(ui, canvas_rect, &index, view, dark);
    }
    view.index = index;
}

/// Size of the minimap, in screen points.
const MINIMAP: Vec2 = vec2(220.0, 150.0);

/// The whole map, small, in the canvas's bottom-right corner, with the
/// part in view outlined; clicking or dragging in it moves the view there.
fn minimap_ui(ui: &mut Ui, canvas: Rect, index: &SceneIndex, view: &mut View, dark: bool) {
    let frame_rect = Rect::from_min_size(canvas.max - MINIMAP - vec2(12.0, 12.0), MINIMAP);
    // Its own layer above the canvas, so it gets the pointer before the map.
    egui::Area::new(Id::unique("argmap-minimap-area"))
        .order(egui::Order::Foreground)
        .fixed_pos(frame_rect.min)
        .show(ui.ctx(), |ui| {
            let (response, painter) = ui.allocate_painter(MINIMAP, Sense::click_and_drag());
            draw_minimap(&painter, response.rect, index, view, dark);
            if (response.clicked() || response.dragged())
                && let Some(p) = response.interact_pointer_pos()
                && let Some(target) = minimap_point(response.rect, index, p)
            {
                view.scene_rect = Rect::from_center_size(target, view.scene_rect.size());
            }
            response.on_hover_text("Click or drag to move the view");
        });
}

/// How the minimap maps the map's bounds into `frame`: scale and offset.
fn minimap_transform(frame: Rect, index: &SceneIndex) -> Option<(f32, Vec2)> {
    let bounds = index.bounds()?.expand(40.0);
    let scale = (frame.size() / bounds.size()).min_elem();
    (scale.is_finite() && scale > 0.0).then(|| (scale, frame.center() - bounds.center() * scale))
}

/// The map point under `p` in the minimap.
fn minimap_point(frame: Rect, index: &SceneIndex, p: Pos2) -> Option<Pos2> {
    let (scale, offset) = minimap_transform(frame, index)?;
    Some(((p - offset).to_vec2() / scale).to_pos2())
}

fn draw_minimap(painter: &Painter, frame: Rect, index: &SceneIndex, view: &View, dark: bool) {
    let Some((scale, offset)) = minimap_transform(frame, index) else {
        return;
    };
    let to_mini = |p: Pos2| (p.to_vec2() * scale + offset).to_pos2();
    let painter = painter.with_clip_rect(frame);
    let background = if dark {
        Color32::from_rgba_unmultiplied(20, 22, 26, 230)
    } else {
        Color32::from_rgba_unmultiplied(255, 255, 255, 235)
    };
    painter.rect(
        frame,
        CornerRadius::same(6),
        background,
        Stroke::new(1.0, Color32::from_gray(if dark { 90 } else { 170 })),
        StrokeKind::Inside,
    );
    let mut mesh = egui::Mesh::default();
    for (id, rect) in &index.cards {
        let role = index.roles.get(id).copied().unwrap_or(Role::Free);
        let color = style::card_style(role, crate::model::ClaimKind::Claim, dark).accent;
        let small = Rect::from_min_max(to_mini(rect.min), to_mini(rect.max));
        let small = Rect::from_center_size(small.center(), small.size().max(Vec2::splat(1.5)));
        mesh.add_colored_rect(small, color);
    }
    painter.add(mesh);
    // The part of the map in view, as egui's Scene shows it.
    let canvas = view.canvas_rect.size();
    let zoom = (canvas / view.scene_rect.size()).min_elem();
    if zoom.is_finite() && zoom > 0.0 {
        let shown = Rect::from_center_size(view.scene_rect.center(), canvas / zoom);
        painter.rect_stroke(
            Rect::from_min_max(to_mini(shown.min), to_mini(shown.max)),
            CornerRadius::same(2),
            Stroke::new(1.5, style::selection_color(dark)),
            StrokeKind::Middle,
        );
    }
}

/// Moves the camera along its glide, if it is gliding.
fn glide_camera(ui: &Ui, view: &mut View) {
    if let Some((from, to, start)) = view.glide {
        let t = super::present::glide_progress(ui.input(|i| i.time), start);
        view.scene_rect = Rect::from_min_max(from.min.lerp(to.min, t), from.max.lerp(to.max, t));
        if t >= 1.0 {
            view.glide = None;
        } else {
            ui.ctx().request_repaint();
        }
    }
}

/// Brings the claim waiting to be revealed into view.
fn reveal_pending(view: &mut View, canvas_size: Vec2) {
    if let Some(id) = view.reveal.take()
        && let Some(&card) = view.index.cards.get(&id)
    {
        view.scene_rect = revealing(view.scene_rect, card, canvas_size);
    }
}

/// The scene rectangle moved (and zoomed in, if text would be unreadable)
/// just enough to show `card` whole; unchanged when it is already in view.
fn revealing(scene_rect: Rect, card: Rect, canvas_size: Vec2) -> Rect {
    let zoom = if scene_rect.is_positive() {
        (canvas_size / scene_rect.size()).min_elem()
    } else {
        0.0
    };
    if zoom < DETAIL_ZOOM {
        return Rect::from_center_size(card.center(), canvas_size / OPENING_ZOOM);
    }
    // What egui's Scene shows: the scene rectangle grown to the canvas's
    // aspect.
    let shown = Rect::from_center_size(scene_rect.center(), canvas_size / zoom);
    if shown.shrink(20.0 / zoom).contains_rect(card) {
        return scene_rect;
    }
    scene_rect.translate(card.center() - shown.center())
}

/// The scene rectangle that shows every card, never closer than 1:1, so a
/// small map is not blown up.
pub fn fit_rect(bounds: Option<Rect>, canvas_size: Vec2) -> Rect {
    let Some(bounds) = bounds else {
        return Rect::from_center_size(Pos2::ZERO, canvas_size.max(vec2(400.0, 300.0)));
    };
    let bounds = bounds.expand(40.0);
    let size = bounds.size().max(canvas_size);
    Rect::from_center_size(bounds.center(), size)
}

fn card_id(claim: ClaimId) -> Id {
    Id::unique(("argmap-card", claim.0))
}

fn handle_id(claim: ClaimId) -> Id {
    Id::unique(("argmap-handle", claim.0))
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
    // Within 0..1 after the check above.
    #[allow(clippy::cast_possible_truncation)]
    let t = (elapsed / ANIMATION_SECS) as f32;
    Some(1.0 - (1.0 - t).powi(3))
}

/// Brings the index up to date: card positions (dragged and gliding cards
/// where they are drawn), sizes, link shapes, roles and the grid.
fn update_index(ui: &Ui, map: &Map, revision: u64, view: &mut View) {
    let offset = view.drag_offset.unwrap_or(Vec2::ZERO);
    let progress = animation_progress(ui, view);
    let moving = view.drag_offset.is_some() || progress.is_some();
    let animation = view.animation.as_ref();
    let selection = &view.selection;
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
    // Sizes come from the measurement layout and exports use, which keeps
    // only a few hundred laid-out texts at a time: measuring a 20,000-claim
    // map through egui's frame cache would hold all of them at once.
    // Measured at the screen's density, so the heights fit the text as
    // painted; a new density (the window moved screens) measures anew.
    let pixels_per_point = ui.ctx().pixels_per_point();
    if view
        .measure
        .as_ref()
        .is_some_and(|m| (m.pixels_per_point() - pixels_per_point).abs() > f32::EPSILON)
    {
        view.measure = None;
        view.index = SceneIndex::default();
    }
    let measure = view
        .measure
        .get_or_insert_with(|| crate::measure::TextMeasure::for_screen(pixels_per_point));
    view.index.update(map, revision, moving, center_of, |text| {
        let rows = measure.wrap(text);
        (measure.rows_height(rows.len()), rows.join("\n"))
    });
    // Part of a map keeps the roles its claims have in the whole map.
    if let Some(roles) = view.known_roles.take() {
        view.index.roles = roles;
    }
}

/// What is on screen this frame, and how much detail to draw.
fn frame<'a>(ui: &Ui, index: &'a SceneIndex, view: &View) -> Frame<'a> {
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
    let detail = visible_rect.is_finite() && (zoom >= DETAIL_ZOOM || view.editing.is_some());
    let widgets = visible.len() <= MAX_CARD_WIDGETS;
    Frame {
        index,
        visible,
        visible_rect,
        detail,
        widgets,
        zoom,
    }
}

impl View {
    /// The text measurement the canvas sizes cards with, for arranging.
    pub fn measure(&mut self) -> &mut crate::measure::TextMeasure {
        self.measure
            .get_or_insert_with(crate::measure::TextMeasure::new)
    }
}

/// The claim text laid out as on its card, from `wrapped`: the text with
/// the row breaks of the measurement that layout and exports share, so it
/// is not wrapped again. Laid out in the placeholder colour, which painting
/// replaces with the card's text colour.
fn text_galley(ui: &Ui, wrapped: &str) -> Arc<Galley> {
    ui.painter().layout_no_wrap(
        wrapped.to_owned(),
        crate::measure::text_font(),
        Color32::PLACEHOLDER,
    )
}

fn draw_links(painter: &Painter, map: &Map, frame: &Frame<'_>, view: &View, dark: bool) {
    // Zoomed far out, every link is a thin line in one mesh.
    let mut lines = egui::Mesh::default();
    for (&id, shape) in &frame.index.links {
        let mut bounds = Rect::from_two_pos(shape.from, shape.to);
        if let Some((a, b)) = shape.bar {
            bounds.extend_with(a);
            bounds.extend_with(b);
        }
        for &(a, _) in &shape.legs {
            bounds.extend_with(a);
        }
        if !bounds.expand(20.0).intersects(frame.visible_rect) {
            continue;
        }
        if !frame.detail {
            let color = style::link_color(shape.kind, dark);
            let width = (1.0 / frame.zoom.max(f32::EPSILON)).max(1.0 / frame_zoom_floor());
            line_quad(&mut lines, shape.from, shape.to, width, color);
            for &(a, b) in &shape.legs {
                line_quad(&mut lines, a, b, width, color);
            }
            if let Some((a, b)) = shape.bar {
                line_quad(&mut lines, a, b, width, color);
            }
            continue;
        }
        let selected = view.selected_link == Some(id);
        let color = style::link_color(shape.kind, dark);
        let width = if selected { 3.5 } else { 2.0 };
        let stroke = Stroke::new(width, color);
        if selected {
            let halo = Stroke::new(
                width + 4.0,
                style::selection_color(dark).gamma_multiply(0.45),
            );
            painter.line_segment([shape.from, shape.to], halo);
        }
        for &(a, b) in &shape.legs {
            painter.line_segment([a, b], stroke);
        }
        if let Some((a, b)) = shape.bar {
            painter.line_segment([a, b], Stroke::new(width + 2.0, color));
        }
        match shape.kind {
            LinkKind::Support => {
                painter.line_segment([shape.from, shape.to], stroke);
            }
            // Attacks are dashed: the second cue besides colour.
            // Attacks are dashed (the cue besides colour), and only the part
            // on screen is dashed: a long link would be thousands of dashes.
            LinkKind::Attack => {
                if let Some((a, b)) =
                    geometry::clip_segment(shape.from, shape.to, frame.visible_rect.expand(50.0))
                {
                    // Start on the link's own dash pattern, so the dashes
                    // stay put while the view pans.
                    let direction = (shape.to - shape.from).normalized();
                    let skipped = ((a - shape.from).length() / geometry::DASH_PERIOD).floor()
                        * geometry::DASH_PERIOD;
                    let start = if direction.is_finite() {
                        shape.from + direction * skipped
                    } else {
                        a
                    };
                    painter.extend(Shape::dashed_line(
                        &[start, b],
                        stroke,
                        geometry::DASH,
                        geometry::DASH_PERIOD - geometry::DASH,
                    ));
                }
            }
        }
        arrow_head(painter, shape.from, shape.to, color);
        let undercut = matches!(map.links.get(&id).map(|l| l.target), Some(Target::Link(_)));
        link_label(painter, shape, undercut, color, dark);
    }
    if !lines.is_empty() {
        painter.add(lines);
    }
}

/// Line width, in map units, of links drawn as plain lines: wide enough to
/// stay visible at the lowest zoom.
fn frame_zoom_floor() -> f32 {
    DETAIL_ZOOM / 2.0
}

/// A straight line from `a` to `b` as two triangles in `mesh`.
fn line_quad(mesh: &mut egui::Mesh, a: Pos2, b: Pos2, width: f32, color: Color32) {
    let direction = (b - a).normalized();
    if !direction.is_finite() {
        return;
    }
    let side = direction.rot90() * (width / 2.0);
    let base = u32::try_from(mesh.vertices.len()).unwrap_or(u32::MAX);
    for p in [a + side, a - side, b + side, b - side] {
        mesh.colored_vertex(p, color);
    }
    mesh.add_triangle(base, base + 1, base + 2);
    mesh.add_triangle(base + 1, base + 3, base + 2);
}

/// Cards as plain coloured blocks, in one mesh, when text would be too
/// small to read: the shape of the argument stays visible at any size.
fn draw_blocks(painter: &Painter, map: &Map, frame: &Frame<'_>, view: &View, dark: bool) {
    let mut mesh = egui::Mesh::default();
    let selection = style::selection_color(dark);
    for id in &frame.visible {
        let (Some(&rect), Some(claim)) = (frame.index.cards.get(id), map.claims.get(id)) else {
            continue;
        };
        let role = frame.index.roles.get(id).copied().unwrap_or(Role::Free);
        let card_style = style::card_style(role, claim.kind, dark);
        // Never thinner than a couple of screen points.
        let least = MIN_BLOCK_PTS / frame.zoom.max(f32::EPSILON);
        let rect = Rect::from_center_size(rect.center(), rect.size().max(Vec2::splat(least)));
        if view.selection.contains(id) {
            mesh.add_colored_rect(rect.expand(12.0), selection);
        }
        mesh.add_colored_rect(rect, card_style.accent);
        mesh.add_colored_rect(rect.shrink(10.0), card_style.fill);
    }
    painter.add(mesh);
}

fn arrow_head(painter: &Painter, from: Pos2, to: Pos2, color: Color32) {
    let direction = (to - from).normalized();
    if !direction.is_finite() {
        return;
    }
    let normal = direction.rot90();
    let base = to - direction * 12.0;
    painter.add(Shape::convex_polygon(
        vec![to, base + normal * 6.0, base - normal * 6.0],
        color,
        Stroke::NONE,
    ));
}

/// "because" or "but" on the link, as people read it aloud.
fn link_label(painter: &Painter, shape: &LinkShape, undercut: bool, color: Color32, dark: bool) {
    let text = if undercut {
        "but not so"
    } else {
        shape.kind.connective()
    };
    let at = shape.from.lerp(shape.to, 0.35);
    let galley = painter.layout_no_wrap(
        text.to_owned(),
        FontId::proportional(geometry::LINK_LABEL_SIZE),
        color,
    );
    let rect = Rect::from_center_size(at, galley.size() + vec2(8.0, 2.0));
    let background = if dark {
        Color32::from_rgb(0x1b, 0x1d, 0x21)
    } else {
        Color32::WHITE
    };
    painter.rect(
        rect,
        CornerRadius::same(7),
        background,
        Stroke::new(1.0, color),
        StrokeKind::Inside,
    );
    painter.galley(rect.center() - galley.size() / 2.0, galley, color);
}

fn cards_ui(
    ui: &mut Ui,
    map: &Map,
    frame: &Frame<'_>,
    view: &mut View,
    dark: bool,
    actions: &mut Vec<Action>,
) -> bool {
    if !frame.detail && !frame.widgets {
        return false;
    }
    // Whether a card (or its handle) took the keyboard focus by a click:
    // the canvas then takes it back, for its own keys.
    let mut card_focused = false;
    let selection_color = style::selection_color(dark);
    let editing_claim = view.editing.as_ref().map(|e| e.claim);
    let found = view
        .search
        .as_ref()
        .map(super::search::Search::matching)
        .unwrap_or_default();
    let current_match = view
        .search
        .as_ref()
        .and_then(super::search::Search::current_claim);
    let on_screen = on_screen_when_exposing_all(frame);
    for id in reading_order(frame) {
        let (Some(&rect), Some(claim)) = (frame.index.cards.get(&id), map.claims.get(&id)) else {
            continue;
        };
        let role = frame.index.roles.get(&id).copied().unwrap_or(Role::Free);
        // Worked out only when assistive technology is listening.
        let description = || access_description(map, frame.index, id, role, claim);
        if on_screen.as_ref().is_some_and(|s| !s.contains(&id)) {
            // Off screen: only the widget, for assistive technology.
            card_widgets(ui, id, claim, rect, description, false);
            continue;
        }
        let mut card_style = style::card_style(role, claim.kind, dark);
        if view.look.high_contrast {
            card_style = style::high_contrast(card_style, dark);
        }
        let selected = view.selection.contains(&id);
        // With many cards on screen they are painted only; the canvas
        // hit-tests them through the grid (see `background_ui`).
        let widgets = frame
            .widgets
            .then(|| card_widgets(ui, id, claim, rect, description, selected));
        let hovered = widgets.as_ref().is_some_and(|(card, _)| card.hovered());
        // Zoomed far out, the blocks are already drawn; cards stay widgets
        // (for the pointer and screen readers) while there are not too many.
        let spotlit = view.spotlight.contains(&id);
        if frame.detail && (found.contains(&id) || spotlit) {
            let current = current_match == Some(id) || spotlit;
            paint_search_glow(ui.painter(), rect, frame.zoom, current, dark);
        }
        if frame.detail {
            paint_card(
                ui.painter(),
                rect,
                claim,
                &card_style,
                role,
                selected,
                hovered,
                selection_color,
            );
            if let Some(&hidden) = view.fold_counts.get(&id) {
                paint_fold_badge(ui.painter(), rect, hidden, &card_style, frame.zoom);
            }
            if editing_claim != Some(id) {
                let wrapped = frame.index.wrapped(id).unwrap_or(&claim.text);
                let text = text_galley(ui, wrapped);
                ui.painter()
                    .galley(text_origin(rect), text, card_style.text);
            }
            if view.faded.contains(&id) {
                paint_veil(ui, rect);
            }
        }
        let Some((response, handle)) = widgets else {
            continue;
        };
        card_focused |= response.has_focus() || handle.has_focus();
        if frame.detail && (selected || response.hovered() || handle.hovered() || handle.dragged())
        {
            let color = if handle.hovered() || handle.dragged() {
                selection_color
            } else {
                card_style.accent
            };
            ui.painter().circle(
                handle.rect.center(),
                HANDLE_RADIUS,
                color,
                Stroke::new(2.0, Color32::WHITE),
            );
            handle.clone().on_hover_text(
                "Drag to a claim to support it (hold Alt to attack), or onto a link to undercut it",
            );
        }
        card_pointer(ui, frame.index, &response, id, view, actions);
        card_context_menu(&response, map, id, view, actions);
        if handle.drag_started() {
            view.connecting = Some(id);
        }
    }
    if let Some(editing) = &mut view.editing
        && let Some(&rect) = frame.index.cards.get(&editing.claim)
    {
        text_editor_ui(ui, rect, editing, actions);
    }
    card_focused
}

fn text_origin(card: Rect) -> Pos2 {
    card.min + vec2(PADDING.x, PADDING.y + HEADER_HEIGHT)
}

/// The cards on screen, when off-screen cards are made too (small maps,
/// see [`reading_order`]); `None` when only on-screen cards are.
fn on_screen_when_exposing_all(frame: &Frame<'_>) -> Option<BTreeSet<ClaimId>> {
    (frame.index.cards.len() <= EXPOSE_ALL_UP_TO).then(|| frame.visible.iter().copied().collect())
}

/// Maps up to this size expose every card to assistive technology.
const EXPOSE_ALL_UP_TO: usize = 500;

/// The cards to make widgets for, in reading order: cards are made in this
/// order, so assistive technology reads the map as an outline (the thesis,
/// then each answer with its own answers).
fn reading_order(frame: &Frame<'_>) -> Vec<ClaimId> {
    // Small maps expose every card, on screen or not, so a screen reader
    // can read all of it; larger ones only what is on screen, which keeps
    // a zoomed-in frame of a big map cheap.
    let mut visible = if frame.index.cards.len() <= EXPOSE_ALL_UP_TO {
        frame.index.cards.keys().copied().collect()
    } else {
        frame.visible.clone()
    };
    visible.sort_by_key(|id| {
        frame
            .index
            .reading_order
            .get(id)
            .copied()
            .unwrap_or(usize::MAX)
    });
    visible
}

/// What a screen reader says about a card besides its text: its role and
/// kind, and what it answers.
fn access_description(
    map: &Map,
    index: &SceneIndex,
    id: ClaimId,
    role: Role,
    claim: &crate::model::Claim,
) -> String {
    let mut words = role.label().to_owned();
    if claim.kind != crate::model::ClaimKind::Claim {
        words = format!("{}, {words}", claim.kind.label());
    }
    if let Some(&(parent, verb)) = index.answers.get(&id)
        && let Some(parent) = map.claims.get(&parent)
    {
        let text: String = parent.text.chars().take(80).collect();
        words = format!("{words}; {verb}: {text}");
    }
    words
}

/// A card's widget (for the pointer, the keyboard and screen readers,
/// which read its text) and its connector handle's.
fn card_widgets(
    ui: &mut Ui,
    id: ClaimId,
    claim: &crate::model::Claim,
    rect: Rect,
    description: impl FnOnce() -> String,
    selected: bool,
) -> (Response, Response) {
    let response = ui.interact(rect, card_id(id), Sense::click_and_drag());
    response.widget_info(|| {
        let name = if claim.text.is_empty() {
            "(empty claim)"
        } else {
            claim.text.as_str()
        };
        WidgetInfo::labeled(egui::Role::Button, true, name)
    });
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_description(description());
        if selected {
            node.set_selected(true);
        }
    });
    let handle_rect = Rect::from_center_size(
        geometry::handle_center(rect),
        Vec2::splat(HANDLE_RADIUS * 2.5),
    );
    (
        response,
        ui.interact(handle_rect, handle_id(id), Sense::drag()),
    )
}

/// The pill under a folded card: how many claims its fold hides.
fn paint_fold_badge(
    painter: &Painter,
    card: Rect,
    hidden: usize,
    card_style: &style::CardStyle,
    zoom: f32,
) {
    let text = format!("+{hidden} folded");
    // Readable when zoomed out: it grows in map units as the map shrinks.
    let size = geometry::LABEL_SIZE / zoom.clamp(0.4, 1.0);
    let galley = painter.layout_no_wrap(text, FontId::proportional(size), Color32::WHITE);
    let pill = Rect::from_center_size(
        card.center_bottom() + vec2(0.0, galley.size().y / 2.0 + 4.0),
        galley.size() + vec2(12.0, 4.0),
    );
    painter.rect_filled(pill, CornerRadius::same(8), card_style.accent);
    painter.galley(pill.center() - galley.size() / 2.0, galley, Color32::WHITE);
}

/// A card not presented yet: a veil of the canvas's own colour over it.
fn paint_veil(ui: &Ui, rect: Rect) {
    ui.painter().rect_filled(
        rect.expand(2.0),
        CornerRadius::same(6),
        ui.visuals().extreme_bg_color.gamma_multiply(0.8),
    );
}

/// The glow behind a card that matches the search, a few screen points
/// wide at any zoom; stronger on the current match.
fn paint_search_glow(painter: &Painter, rect: Rect, zoom: f32, current: bool, dark: bool) {
    let (grow, alpha) = if current { (7.0, 1.0) } else { (5.0, 0.6) };
    painter.rect_filled(
        rect.expand(grow / zoom.max(0.05)),
        CornerRadius::same(12),
        style::search_color(dark).gamma_multiply(alpha),
    );
}

#[allow(clippy::too_many_arguments)] // All of it is what a card looks like.
fn paint_card(
    painter: &Painter,
    rect: Rect,
    claim: &crate::model::Claim,
    card_style: &style::CardStyle,
    role: Role,
    selected: bool,
    hovered: bool,
    selection_color: Color32,
) {
    let radius = CornerRadius::same(8);
    if selected {
        painter.rect_stroke(
            rect.expand(3.0),
            CornerRadius::same(11),
            Stroke::new(3.0, selection_color),
            StrokeKind::Outside,
        );
    }
    let border_width = card_style.border_boost
        + match (role, hovered) {
            (Role::Thesis, _) => 3.0,
            (_, true) => 2.0,
            _ => 1.2,
        };
    painter.rect(
        rect,
        radius,
        card_style.fill,
        Stroke::new(border_width, card_style.accent),
        StrokeKind::Inside,
    );
    // A stripe down the left edge in the role's colour.
    let stripe = Rect::from_min_size(rect.min, vec2(5.0, rect.height()));
    painter.rect_filled(
        stripe,
        CornerRadius {
            nw: 8,
            sw: 8,
            ne: 0,
            se: 0,
        },
        card_style.accent,
    );
    painter.text(
        rect.min + vec2(PADDING.x, PADDING.y - 1.0),
        Align2::LEFT_TOP,
        &card_style.label,
        FontId::proportional(geometry::LABEL_SIZE),
        card_style.accent,
    );
    if let Some(para) = claim.source.as_ref().and_then(|c| c.para) {
        let badge = format!("¶{para}");
        let galley = painter.layout_no_wrap(
            badge,
            FontId::proportional(geometry::LABEL_SIZE),
            card_style.accent,
        );
        let badge_rect = Rect::from_min_size(
            pos2(
                rect.right() - PADDING.x - galley.size().x - 6.0,
                rect.top() + PADDING.y - 2.0,
            ),
            galley.size() + vec2(6.0, 1.0),
        );
        painter.rect_stroke(
            badge_rect,
            CornerRadius::same(4),
            Stroke::new(1.0, card_style.accent),
            StrokeKind::Inside,
        );
        painter.galley(badge_rect.min + vec2(3.0, 0.5), galley, card_style.accent);
    }
}

/// Clicks and drags on a card; a single card dropped onto another answers
/// it instead of moving (a reason, or an objection with Alt).
fn card_pointer(
    ui: &Ui,
    index: &SceneIndex,
    response: &Response,
    id: ClaimId,
    view: &mut View,
    actions: &mut Vec<Action>,
) {
    let dropped_on = (response.drag_stopped() && view.selection.len() == 1)
        .then(|| drop_target(ui, index, id))
        .flatten();
    let Some(onto) = dropped_on else {
        card_interactions(response, id, view, actions);
        return;
    };
    view.drag_offset = None;
    let kind = if ui.input(|i| i.modifiers.alt) {
        LinkKind::Attack
    } else {
        LinkKind::Support
    };
    actions.push(Action::Reparent {
        claim: id,
        onto,
        kind,
    });
}

/// The card under the pointer, other than `dragged`, where a drag ends.
fn drop_target(ui: &Ui, index: &SceneIndex, dragged: ClaimId) -> Option<ClaimId> {
    let pointer = ui.ctx().pointer_interact_pos()?;
    let to_map = ui.ctx().layer_transform_to_global(ui.layer_id())?.inverse();
    index.card_at_except(to_map * pointer, dragged)
}

fn card_interactions(response: &Response, id: ClaimId, view: &mut View, actions: &mut Vec<Action>) {
    let shift = response.ctx.input(|i| i.modifiers.shift);
    if response.double_clicked() {
        actions.push(Action::StartEditing(id));
    } else if response.clicked() {
        if view.editing.as_ref().is_some_and(|e| e.claim != id) {
            actions.push(Action::FinishEditing);
        }
        if shift {
            actions.push(Action::ToggleSelected(id));
        } else {
            actions.push(Action::Select(BTreeSet::from([id])));
        }
    }
    if response.secondary_clicked() && !view.selection.contains(&id) {
        actions.push(Action::Select(BTreeSet::from([id])));
    }
    if response.drag_started_by(egui::PointerButton::Primary) {
        if !view.selection.contains(&id) {
            if shift {
                actions.push(Action::AddToSelection(BTreeSet::from([id])));
            } else {
                actions.push(Action::Select(BTreeSet::from([id])));
            }
        }
        view.drag_offset = Some(Vec2::ZERO);
    }
    if response.dragged_by(egui::PointerButton::Primary)
        && let Some(offset) = &mut view.drag_offset
    {
        *offset += response.drag_delta();
    }
    if response.drag_stopped()
        && let Some(offset) = view.drag_offset.take()
        && offset != Vec2::ZERO
    {
        actions.push(Action::MoveSelection(offset));
    }
}

fn card_context_menu(
    response: &Response,
    map: &Map,
    id: ClaimId,
    view: &View,
    actions: &mut Vec<Action>,
) {
    response.context_menu(|ui| {
        let many = view.selection.len() > 1;
        if !many {
            command_button(ui, UiCommand::EditText, actions);
            command_button(ui, UiCommand::AddPremise, actions);
            command_button(ui, UiCommand::AddObjection, actions);
            ui.separator();
            if map.thesis == Some(id) {
                if ui.button("Unset thesis").clicked() {
                    actions.push(Action::SetThesis(None));
                }
            } else if ui.button(UiCommand::SetThesis.label()).clicked() {
                actions.push(Action::SetThesis(Some(id)));
            }
            if let Some(claim) = map.claims.get(&id) {
                let pin = if claim.pinned {
                    "Unpin"
                } else {
                    "Pin in place"
                };
                if ui
                    .button(pin)
                    .on_hover_text(UiCommand::TogglePin.tooltip())
                    .clicked()
                {
                    actions.push(Action::Command(UiCommand::TogglePin));
                    ui.close();
                }
                command_button(ui, UiCommand::ArrangeSelection, actions);
                ui.menu_button("Kind", |ui| {
                    for kind in ClaimKind::ALL {
                        if ui.radio(claim.kind == kind, kind.label()).clicked() {
                            actions.push(Action::SetKind(id, kind));
                            ui.close();
                        }
                    }
                });
            }
            ui.separator();
        }
        command_button(ui, UiCommand::Delete, actions);
    });
}

/// A menu button for a command from the table, with its shortcut.
pub fn command_button(ui: &mut Ui, command: UiCommand, actions: &mut Vec<Action>) {
    let shortcut = command
        .shortcuts()
        .first()
        .map(|s| ui.ctx().format_shortcut(s))
        .unwrap_or_default();
    let button = egui::Button::new(command.label()).shortcut_text(shortcut);
    if ui.add(button).on_hover_text(command.tooltip()).clicked() {
        actions.push(Action::Command(command));
        ui.close();
    }
}

fn text_editor_ui(ui: &mut Ui, card: Rect, editing: &mut Editing, actions: &mut Vec<Action>) {
    let text_rect = Rect::from_min_max(text_origin(card), card.max - PADDING);
    let editor = TextEdit::multiline(&mut editing.buffer)
        .id(text_editor_id())
        .font(FontId::proportional(TEXT_SIZE))
        .frame(egui::Frame::NONE)
        .margin(Vec2::ZERO)
        .desired_width(CARD_WIDTH - 2.0 * PADDING.x)
        .desired_rows(1)
        .hint_text("Type the claim…")
        .return_key(Some(KeyboardShortcut::new(Modifiers::SHIFT, Key::Enter)));
    let response = ui.put(text_rect, editor);
    if editing.focus_pending {
        response.request_focus();
        editing.focus_pending = false;
        return;
    }
    if response.changed() {
        actions.push(Action::Typed(editing.buffer.clone()));
    }
    let enter =
        response.has_focus() && ui.input(|i| i.key_pressed(Key::Enter) && !i.modifiers.shift);
    if enter || response.lost_focus() {
        actions.push(Action::FinishEditing);
    }
}

fn background_ui(
    response: &Response,
    map: &Map,
    frame: &Frame,
    view: &mut View,
    pointer: &Pointer,
    actions: &mut Vec<Action>,
) {
    let modifiers = pointer.modifiers;
    let scale = pointer.map_units_per_point;
    let pointer = pointer.pos_in_map;
    // Cards that are not widgets this frame are hit-tested here.
    if !frame.widgets
        && let Some(card) = pointer.and_then(|p| frame.index.card_at(p))
    {
        if response.double_clicked() {
            actions.push(Action::StartEditing(card));
        } else if response.clicked() || response.secondary_clicked() {
            actions.push(if modifiers.shift {
                Action::ToggleSelected(card)
            } else {
                Action::Select(BTreeSet::from([card]))
            });
        }
        return;
    }
    let link_under = |p: Pos2| geometry::link_at(&frame.index.links, p, LINK_TOLERANCE_PTS * scale);
    if response.double_clicked()
        && let Some(p) = pointer
        && link_under(p).is_none()
    {
        actions.push(Action::NewClaimAt(Pos::new(p.x, p.y)));
    } else if response.clicked() {
        if view.editing.is_some() {
            actions.push(Action::FinishEditing);
        }
        match pointer.and_then(link_under) {
            Some(link) => actions.push(Action::SelectLink(link)),
            None if modifiers.shift => {}
            None => actions.push(Action::Select(BTreeSet::new())),
        }
    }
    if response.secondary_clicked()
        && let Some(p) = pointer
    {
        view.context = Some(match link_under(p) {
            Some(link) => {
                actions.push(Action::SelectLink(link));
                ContextTarget::Link(link)
            }
            None => ContextTarget::Background(Pos::new(p.x, p.y)),
        });
    }
    response.context_menu(|ui| match view.context {
        Some(ContextTarget::Link(link)) => link_menu(ui, map, link, actions),
        Some(ContextTarget::Background(at)) => {
            if ui.button("New claim here").clicked() {
                actions.push(Action::NewClaimAt(at));
                ui.close();
            }
            command_button(ui, UiCommand::SelectAll, actions);
            command_button(ui, UiCommand::FitView, actions);
        }
        None => {
            ui.close();
        }
    });
}

fn link_menu(ui: &mut Ui, map: &Map, id: LinkId, actions: &mut Vec<Action>) {
    let Some(link) = map.links.get(&id) else {
        ui.close();
        return;
    };
    let flip = match link.kind {
        LinkKind::Support => "Make it an attack",
        LinkKind::Attack => "Make it a support",
    };
    if ui.button(flip).clicked() {
        actions.push(Action::FlipLink(id));
        ui.close();
    }
    if link.premises.len() > 1 && ui.button("Split linked premises").clicked() {
        actions.push(Action::SplitLink(id));
        ui.close();
    }
    ui.separator();
    if ui.button("Delete link").clicked() {
        actions.push(Action::DeleteLink(id));
        ui.close();
    }
}

/// A painter in screen space above the canvas, for gestures under way.
fn overlay_painter(ui: &Ui) -> Painter {
    let layer = egui::LayerId::new(egui::Order::Foreground, Id::unique("argmap-gestures"));
    ui.ctx().layer_painter(layer).with_clip_rect(ui.clip_rect())
}

/// Selection boxes and connections being dragged.
fn gestures_ui(
    ui: &Ui,
    response: &Response,
    map: &Map,
    frame: &Frame,
    view: &mut View,
    pointer: &Pointer,
    actions: &mut Vec<Action>,
) {
    let dark = ui.visuals().dark_mode;
    let modifiers = pointer.modifiers;
    let scale = pointer.map_units_per_point;
    let pointer = pointer.pos_in_map;
    let overlay = overlay_painter(ui);
    let to_screen = ui
        .ctx()
        .layer_transform_to_global(response.layer_id)
        .unwrap_or_default();
    let accent = style::selection_color(dark);

    // Shift-drag on the background: a selection box.
    if response.drag_started_by(egui::PointerButton::Primary) && modifiers.shift {
        view.boxing = pointer;
    }
    if let (Some(start), Some(p)) = (view.boxing, pointer) {
        let area = Rect::from_two_pos(start, p);
        let on_screen = Rect::from_two_pos(to_screen * area.min, to_screen * area.max);
        overlay.rect(
            on_screen,
            0.0,
            accent.gamma_multiply(0.12),
            Stroke::new(1.0, accent),
            StrokeKind::Inside,
        );
        if !ui.input(|i| i.pointer.primary_down()) {
            view.boxing = None;
            let inside: BTreeSet<ClaimId> = frame.index.cards_in(area).into_iter().collect();
            actions.push(Action::AddToSelection(inside));
        }
    }

    // A connection dragged from a card's handle.
    if let Some(from) = view.connecting {
        let Some(&source) = frame.index.cards.get(&from) else {
            view.connecting = None;
            return;
        };
        let Some(p) = pointer else {
            return;
        };
        let card_under = frame.index.card_at(p).filter(|&c| c != from);
        let link_under = if card_under.is_none() {
            geometry::link_at(&frame.index.links, p, LINK_TOLERANCE_PTS * 2.0 * scale)
        } else {
            None
        };
        let kind = if modifiers.alt || link_under.is_some() {
            LinkKind::Attack
        } else {
            LinkKind::Support
        };
        let color = style::link_color(kind, dark);
        let start = to_screen * geometry::handle_center(source);
        overlay.line_segment([start, to_screen * p], Stroke::new(2.5, color));
        if let Some(card) = card_under.and_then(|c| frame.index.cards.get(&c)) {
            let r = Rect::from_two_pos(to_screen * card.min, to_screen * card.max);
            overlay.rect_stroke(
                r.expand(3.0),
                CornerRadius::same(10),
                Stroke::new(2.5, color),
                StrokeKind::Outside,
            );
        }
        if let Some(anchor) = link_under
            .and_then(|l| frame.index.links.get(&l))
            .map(|s| s.anchor)
        {
            overlay.circle_stroke(to_screen * anchor, 10.0, Stroke::new(2.5, color));
        }
        if !ui.input(|i| i.pointer.primary_down()) {
            view.connecting = None;
            let join =
                modifiers.command && card_under.is_some_and(|c| map.links_from(c).next().is_some());
            match (card_under, link_under) {
                (Some(card), _) if join => {
                    if let Some((link, _)) = map.links_from(card).next() {
                        actions.push(Action::Join { link, claim: from });
                    }
                }
                (Some(card), _) => actions.push(Action::Connect {
                    premise: from,
                    target: Target::Claim(card),
                    kind,
                }),
                (None, Some(link)) => actions.push(Action::Connect {
                    premise: from,
                    target: Target::Link(link),
                    kind: LinkKind::Attack,
                }),
                (None, None) => actions.push(Action::Status(
                    "Drop the connection on a claim, or on a link to undercut it".to_owned(),
                )),
            }
        }
    }
}
