//! The whole map, small, in the canvas's corner, with the part in view
//! outlined; clicking or dragging in it moves the view there.

use egui::{CornerRadius, Id, Painter, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, Vec2, vec2};

use super::View;
use super::scene_index::SceneIndex;
use crate::draw::style;
use crate::model::{ClaimKind, Role};

/// Size of the minimap, in screen points.
const MINIMAP: Vec2 = vec2(220.0, 150.0);

/// The whole map, small, in the canvas's bottom-right corner, with the
/// part in view outlined; clicking or dragging in it moves the view there.
pub(super) fn minimap_ui(
    ui: &mut Ui,
    canvas: Rect,
    index: &SceneIndex,
    view: &mut View,
    dark: bool,
) {
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
                view.camera.scene_rect =
                    Rect::from_center_size(target, view.camera.scene_rect.size());
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
    let (background, border) = crate::draw::style::minimap_colors(dark);
    painter.rect(
        frame,
        CornerRadius::same(6),
        background,
        Stroke::new(1.0, border),
        StrokeKind::Inside,
    );
    let mut mesh = egui::Mesh::default();
    for (id, rect) in &index.cards {
        let role = index.roles.get(id).copied().unwrap_or(Role::Free);
        let color = style::card_style(role, ClaimKind::Claim, dark).accent;
        let small = Rect::from_min_max(to_mini(rect.min), to_mini(rect.max));
        let small = Rect::from_center_size(small.center(), small.size().max(Vec2::splat(1.5)));
        mesh.add_colored_rect(small, color);
    }
    painter.add(mesh);
    // The part of the map in view, as egui's Scene shows it.
    let canvas = view.camera.canvas_rect.size();
    let zoom = view.camera.zoom();
    if zoom.is_finite() && zoom > 0.0 {
        let shown = Rect::from_center_size(view.camera.scene_rect.center(), canvas / zoom);
        painter.rect_stroke(
            Rect::from_min_max(to_mini(shown.min), to_mini(shown.max)),
            CornerRadius::same(2),
            Stroke::new(1.5, style::selection_color(dark)),
            StrokeKind::Middle,
        );
    }
}
