//! File → Sources…: each source's reference details, edited as a
//! reference manager shows them (kind of work, names in parts, where and
//! when it appeared, identifiers), the reference in the map's style below
//! as it is typed; references imported from BibTeX or CSL-JSON.

use egui::{ComboBox, Grid, RichText, TextEdit, Ui};

use super::references::{cached_reference, styled_job};
use crate::model::{Map, Name, Source, Work};

/// The Sources window, while open.
#[derive(Clone, Debug, Default)]
pub struct SourcesDialog {
    /// The source shown, by key.
    pub selected: Option<String>,
    /// What the last import said, shown under the list.
    pub said: Option<String>,
}

/// What the user did in the window.
#[derive(Clone, Debug, PartialEq)]
pub enum SourcesAction {
    /// The source `key` now reads `source` (a keystroke in a field).
    Change(String, Box<Source>),
    /// A typing session ended: the next change is a step of its own.
    Seal,
    /// A new, empty source.
    Add,
    /// Take away the source `key` (no claim cites it).
    Remove(String),
    /// Import references from a BibTeX or CSL-JSON file.
    Import,
    /// Close the window.
    Close,
}

/// The window. `open` turns false when it is closed.
pub fn sources_ui(
    ctx: &egui::Context,
    map: &Map,
    dialog: &mut SourcesDialog,
) -> Vec<SourcesAction> {
    let mut actions = Vec::new();
    if dialog
        .selected
        .as_ref()
        .is_none_or(|k| !map.sources.contains_key(k))
    {
        dialog.selected = map.sources.keys().next().cloned();
    }
    let screen = ctx.content_rect().size();
    let size = egui::vec2(
        780.0_f32.min(screen.x - 40.0),
        540.0_f32.min(screen.y - 80.0),
    );
    let mut open = true;
    egui::Window::new("Sources")
        .open(&mut open)
        .collapsible(false)
        .fixed_size(size)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| {
                    ui.set_width(190.0);
                    list_ui(ui, map, dialog, &mut actions);
                });
                ui.separator();
                ui.vertical(|ui| {
                    egui::ScrollArea::vertical()
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            let selected = dialog.selected.clone();
                            match selected.and_then(|k| map.sources.get(&k).map(|s| (k, s))) {
                                Some((key, source)) => {
                                    source_ui(ui, map, &key, source, &mut actions);
                                }
                                None => {
                                    ui.label(
                                        "This map lists no sources yet. Add one, or import \
                                         references from a reference manager's BibTeX or \
                                         CSL-JSON export.",
                                    );
                                }
                            }
                        });
                });
            });
        });
    if !open {
        actions.push(SourcesAction::Close);
    }
    actions
}

/// The sources by key, and the buttons that add, import and remove.
fn list_ui(ui: &mut Ui, map: &Map, dialog: &mut SourcesDialog, actions: &mut Vec<SourcesAction>) {
    egui::ScrollArea::vertical()
        .id_salt("sources-list")
        .max_height(300.0)
        .show(ui, |ui| {
            for (key, source) in &map.sources {
                let chosen = dialog.selected.as_deref() == Some(key.as_str());
                let label = if source.title.trim().is_empty() {
                    key.clone()
                } else {
                    crate::words::one_line(&source.title, 26)
                };
                if ui
                    .selectable_label(chosen, label)
                    .on_hover_text(format!("Key: {key}"))
                    .clicked()
                {
                    dialog.selected = Some(key.clone());
                }
            }
        });
    ui.add_space(6.0);
    if ui.button("Add a source").clicked() {
        actions.push(SourcesAction::Add);
    }
    if ui
        .button("Import references…")
        .on_hover_text(
            "Read a BibTeX, BibLaTeX (.bib) or CSL-JSON (.json) file, as Zotero, Mendeley and \
             JabRef export them: each entry becomes a source, or updates the source with its key",
        )
        .clicked()
    {
        actions.push(SourcesAction::Import);
    }
    if let Some(key) = &dialog.selected {
        let cited = map
            .claims
            .values()
            .any(|c| c.source.as_ref().is_some_and(|s| &s.doc == key));
        let remove = ui
            .add_enabled(!cited, egui::Button::new("Remove"))
            .on_disabled_hover_text("Claims cite this source: change their citations first");
        if remove.clicked() {
            actions.push(SourcesAction::Remove(key.clone()));
        }
    }
    if let Some(said) = &dialog.said {
        ui.add_space(6.0);
        ui.label(RichText::new(said).small());
    }
}

/// A single-line field; a change becomes a [`SourcesAction::Change`].
fn text_row(ui: &mut Ui, label: &str, value: &mut String, hint: &str) -> (bool, bool) {
    let name = ui.label(label);
    let response = ui.add(
        TextEdit::singleline(value)
            .hint_text(hint)
            .desired_width(f32::INFINITY),
    );
    let response = response.labelled_by(name.id);
    ui.end_row();
    (response.changed(), response.lost_focus())
}

/// An optional field as text: empty for none.
fn optional_row(ui: &mut Ui, label: &str, value: &mut Option<String>, hint: &str) -> (bool, bool) {
    let mut text = value.clone().unwrap_or_default();
    let (changed, done) = text_row(ui, label, &mut text, hint);
    if changed {
        *value = (!text.trim().is_empty()).then_some(text);
    }
    (changed, done)
}

/// Every field of one source, and its reference as the style writes it.
fn source_ui(ui: &mut Ui, map: &Map, key: &str, source: &Source, actions: &mut Vec<SourcesAction>) {
    let mut edited = source.clone();
    // Whether a field changed, and whether a typing session ended.
    let mut touched = (false, false);
    let take = |touched: &mut (bool, bool), (c, d): (bool, bool)| {
        touched.0 |= c;
        touched.1 |= d;
    };
    Grid::new("source-fields")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            ui.label("Key");
            ui.label(RichText::new(key).monospace())
                .on_hover_text("How the map's citations name this source");
            ui.end_row();
            take(
                &mut touched,
                text_row(ui, "Title", &mut edited.title, "Title: Subtitle"),
            );
            let name = ui.label("Kind");
            let mut work = edited.work;
            ComboBox::from_id_salt("source-work")
                .selected_text(work.label())
                .show_ui(ui, |ui| {
                    for w in Work::ALL {
                        ui.selectable_value(&mut work, w, w.label());
                    }
                })
                .response
                .labelled_by(name.id);
            if work != edited.work {
                edited.work = work;
                touched = (true, true);
            }
            ui.end_row();
        });
    ui.add_space(6.0);
    ui.label(RichText::new("Authors").strong());
    take(&mut touched, names_ui(ui, "authors", &mut edited.authors));
    if matches!(edited.work, Work::Chapter | Work::Book) {
        ui.label(RichText::new("Editors").strong());
        take(&mut touched, names_ui(ui, "editors", &mut edited.editors));
    }
    ui.add_space(6.0);
    Grid::new("source-details")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            let container = edited.work.container_label();
            take(
                &mut touched,
                optional_row(ui, container, &mut edited.container, ""),
            );
            take(
                &mut touched,
                optional_row(ui, "Publisher", &mut edited.publisher, ""),
            );
            take(
                &mut touched,
                optional_row(ui, "Date", &mut edited.date, "2021, 2021-05 or 2021-05-04"),
            );
            take(
                &mut touched,
                optional_row(ui, "Volume", &mut edited.volume, ""),
            );
            take(
                &mut touched,
                optional_row(ui, "Issue", &mut edited.issue, ""),
            );
            take(
                &mut touched,
                optional_row(ui, "Pages", &mut edited.pages, "45–67"),
            );
            take(
                &mut touched,
                optional_row(ui, "DOI", &mut edited.doi, "10.1000/xyz123"),
            );
            take(&mut touched, optional_row(ui, "ISBN", &mut edited.isbn, ""));
            take(
                &mut touched,
                optional_row(ui, "URL", &mut edited.url, "https://…"),
            );
            take(
                &mut touched,
                optional_row(ui, "Accessed", &mut edited.accessed, "2021-05-04"),
            );
        });
    reference_ui(ui, map, key, source);
    if touched.0 {
        actions.push(SourcesAction::Change(key.to_owned(), Box::new(edited)));
    }
    if touched.1 {
        actions.push(SourcesAction::Seal);
    }
}

/// The source's reference as the map's style writes it, and its file.
fn reference_ui(ui: &mut Ui, map: &Map, key: &str, source: &Source) {
    if let Some(date) = source.date.as_deref()
        && crate::model::Day::parse(date).is_none()
    {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "The date is not one a reference list can read: write 2021, 2021-05 or 2021-05-04",
        );
    }
    ui.add_space(8.0);
    ui.label(RichText::new(format!("As {} writes it", map.citation_style.label())).weak());
    match cached_reference(ui, map, key).filter(|_| source.has_reference_details()) {
        Some(reference) => {
            ui.label(styled_job(ui, &reference));
        }
        None => {
            ui.label(
                RichText::new("Add an author, a date or where it appeared for a reference.")
                    .italics(),
            );
        }
    }
    if let Some(path) = &source.path {
        ui.add_space(6.0);
        ui.label(RichText::new(format!("Text: {path}")).weak());
    }
}

/// A list of names, a row each: family name, given names, particle,
/// suffix; a row can be taken away and one added.
fn names_ui(ui: &mut Ui, id: &str, names: &mut Vec<Name>) -> (bool, bool) {
    let mut changed = false;
    let mut done = false;
    let mut remove = None;
    Grid::new(("source-names", id))
        .num_columns(5)
        .spacing([6.0, 4.0])
        .show(ui, |ui| {
            if !names.is_empty() {
                for head in [
                    "Family name or organisation",
                    "Given names",
                    "Particle",
                    "Suffix",
                    "",
                ] {
                    ui.label(RichText::new(head).small().weak());
                }
                ui.end_row();
            }
            for (i, name) in names.iter_mut().enumerate() {
                let mut field = |ui: &mut Ui, value: &mut String, width: f32, hint: &str| {
                    let r = ui.add(
                        TextEdit::singleline(value)
                            .desired_width(width)
                            .hint_text(hint),
                    );
                    changed |= r.changed();
                    done |= r.lost_focus();
                };
                field(ui, &mut name.family, 150.0, "Doe");
                let mut given = name.given.clone().unwrap_or_default();
                field(ui, &mut given, 120.0, "Jane");
                name.given = (!given.trim().is_empty()).then_some(given);
                let mut particle = name.particle.clone().unwrap_or_default();
                field(ui, &mut particle, 50.0, "van");
                name.particle = (!particle.trim().is_empty()).then_some(particle);
                let mut suffix = name.suffix.clone().unwrap_or_default();
                field(ui, &mut suffix, 40.0, "Jr.");
                name.suffix = (!suffix.trim().is_empty()).then_some(suffix);
                if ui
                    .small_button("✕")
                    .on_hover_text("Take this name away")
                    .clicked()
                {
                    remove = Some(i);
                }
                ui.end_row();
            }
        });
    if let Some(i) = remove {
        names.remove(i);
        changed = true;
        done = true;
    }
    let add = if id == "authors" {
        "Add an author"
    } else {
        "Add an editor"
    };
    if ui.small_button(add).clicked() {
        names.push(Name::default());
        changed = true;
        done = true;
    }
    (changed, done)
}
