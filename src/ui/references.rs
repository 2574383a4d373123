//! Citations as the inspector shows them: the map's style, rendered once
//! per source and style (hayagriva's processor is too slow to run every
//! frame) and kept in egui's memory, set with their italics.

use egui::text::LayoutJob;
use egui::{Id, TextFormat, Ui};

use crate::cite::Styled;
use crate::model::Map;

/// An id for what a rendering depends on: the source as it is, the style,
/// what is asked (hashed as it stands: nothing is formatted each frame).
fn id_of(map: &Map, key: &str, what: &str) -> Id {
    Id::unique((
        "citation",
        what,
        key,
        map.sources.get(key),
        map.citation_style,
    ))
}

/// The reference of source `key` in the map's style.
pub fn cached_reference(ui: &Ui, map: &Map, key: &str) -> Option<Styled> {
    let id = id_of(map, key, "reference");
    if let Some(found) = ui
        .ctx()
        .memory_mut(|m| m.data.get_temp::<Option<Styled>>(id))
    {
        return found;
    }
    let made = crate::cite::reference(map, key);
    ui.ctx()
        .memory_mut(|m| m.data.insert_temp(id, made.clone()));
    made
}

/// The in-text citation of source `key` with `paragraphs`, in the map's
/// style: "(Doe, 2021, para. 4)".
pub fn cached_in_text(
    ui: &Ui,
    map: &Map,
    key: &str,
    paragraphs: Option<(u32, u32)>,
) -> Option<String> {
    let id = id_of(map, key, "in text").with(paragraphs);
    if let Some(found) = ui
        .ctx()
        .memory_mut(|m| m.data.get_temp::<Option<String>>(id))
    {
        return found;
    }
    let made = crate::cite::in_text(map, key, paragraphs);
    ui.ctx()
        .memory_mut(|m| m.data.insert_temp(id, made.clone()));
    made
}

/// `styled` as a wrapped label's text, titles in italics.
pub fn styled_job(ui: &Ui, styled: &Styled) -> LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let mut job = LayoutJob::default();
    for run in &styled.0 {
        job.append(
            &run.text,
            0.0,
            TextFormat {
                font_id: font.clone(),
                color,
                italics: run.italic,
                ..TextFormat::default()
            },
        );
    }
    job.wrap.max_width = ui.available_width();
    job
}
