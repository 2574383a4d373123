//! The source panel: the text a map cites, beside the canvas, its
//! paragraphs numbered the way citations count them (¶N in the margin).
//!
//! Words selected in a paragraph become a claim (alone, or as a reason or
//! an objection of the selected claim) that cites the paragraph and keeps
//! the quoted span. Selecting a claim brings its paragraph into view with
//! the quote highlighted; clicking a paragraph's number makes the claims
//! citing it glow on the canvas. Paragraphs no claim cites carry a mark,
//! and the header counts them ("29 of 42 paragraphs mapped"). Only the
//! paragraphs in view are laid out, so a long text scrolls smoothly.

use std::path::PathBuf;

mod text;

pub use text::QuoteDrag;
use text::paragraphs_ui;

use egui::{Id, RichText, Ui};

use super::action::{Action, command_button, labelled_command_button};
use super::commands::UiCommand;
use crate::model::{ClaimId, LinkKind, Map};
use crate::source::{self, Coverage, SourceText};

/// A source's text as read, and from where.
#[derive(Debug)]
pub struct Loaded {
    /// The source's key in the map.
    pub key: String,
    /// The file read, if the source names one.
    pub path: Option<PathBuf>,
    /// The paragraphs, or why they could not be read.
    pub text: Result<SourceText, String>,
}

/// A PDF being read in the background, for the source shown or for a file
/// the user chose as a source (attached once its text is had).
#[derive(Debug)]
pub struct Pending {
    /// The source's key (for a file being attached, the source shown).
    pub key: Option<String>,
    /// The file.
    pub path: PathBuf,
    /// The reading.
    pub reading: source::Reading,
    /// Whether the file is to become a source when read.
    pub attach: bool,
}

/// Words selected in the text: in one paragraph, or from one paragraph
/// into a later one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt {
    /// The paragraph it starts in, from 1.
    pub para: u32,
    /// The first character, from 0 within that paragraph.
    pub start: usize,
    /// The paragraph it ends in (`para` for one paragraph).
    pub last: u32,
    /// One past the last character, within the last paragraph.
    pub end: usize,
    /// The words (a space at each paragraph break).
    pub words: String,
}

impl Excerpt {
    /// The characters of paragraph `para` (`len` long) it covers.
    pub fn within(&self, para: u32, len: usize) -> Option<(usize, usize)> {
        if para < self.para || para > self.last {
            return None;
        }
        let start = if para == self.para { self.start } else { 0 };
        let end = if para == self.last { self.end } else { len };
        (end > start).then_some((start, end))
    }
}

/// The panel's state.
#[derive(Debug, Default)]
pub struct SourcePanel {
    /// Which of the map's sources is shown.
    pub key: Option<String>,
    /// Its text.
    pub loaded: Option<Loaded>,
    /// A PDF being read (dropping it stops the reading).
    pub pending: Option<Pending>,
    /// Words selected in the text, if any.
    pub selection: Option<Excerpt>,
    /// The quoted span shown highlighted: paragraph, start, end.
    pub highlight: Option<(u32, usize, usize)>,
    /// The paragraph whose citing claims glow on the canvas.
    pub glow: Option<u32>,
    /// Bring this paragraph into view on the next frame.
    pub scroll_to: Option<u32>,
    /// The claim selected last frame (a new one brings its paragraph).
    pub last_claim: Option<ClaimId>,
    find: String,
    hits: Vec<u32>,
    hit: usize,
    /// Each paragraph's height as last laid out (or estimated), and the
    /// width it was laid out at.
    heights: Vec<f32>,
    width: f32,
    /// The text fields of the paragraphs laid out last frame.
    text_ids: Vec<Id>,
    /// Each paragraph laid out this frame: its number, field, words as
    /// laid out and where they are (for a selection dragged across).
    laid: Vec<text::Laid>,
    /// A drag is selecting across paragraphs (the fields' own selection
    /// stops at their end).
    crossing: bool,
    /// The selection the focused field reported last: a new one from it
    /// (keys, a click) replaces a selection dragged across.
    field_range: Option<(u32, usize, usize)>,
    /// What the map cites of the text shown, worked out once per change
    /// of the map (the panel is drawn every frame).
    mapped: Option<Mapped>,
}

/// The coverage of the text shown and the claims citing each paragraph,
/// for one state of the map.
#[derive(Debug)]
struct Mapped {
    revision: (u64, u64),
    coverage: Coverage,
    citing: std::collections::BTreeMap<u32, Vec<ClaimId>>,
    /// The role of each claim citing the text, for its quote's colour.
    roles: std::collections::BTreeMap<ClaimId, crate::model::Role>,
}

impl SourcePanel {
    /// The text shown, when it could be read.
    pub fn text(&self) -> Option<&SourceText> {
        self.loaded.as_ref().and_then(|l| l.text.as_ref().ok())
    }

    /// Whether `id` is the text field of one of the panel's paragraphs.
    pub fn is_text(&self, id: Id) -> bool {
        self.text_ids.contains(&id)
    }

    /// Forgets the text read (it is read again when next shown).
    pub fn forget(&mut self) {
        self.loaded = None;
        // A file being read to become a source is still wanted.
        if self.pending.as_ref().is_some_and(|p| !p.attach) {
            self.pending = None;
        }
        self.mapped = None;
        self.heights.clear();
        self.hits.clear();
        self.selection = None;
        self.highlight = None;
    }

    /// Works out the coverage and the citing claims again when the map
    /// changed since (`revision` is the document's state).
    fn refresh_mapped(&mut self, map: &Map, revision: (u64, u64)) {
        if self.mapped.as_ref().is_some_and(|m| m.revision == revision) {
            return;
        }
        let (Some(key), Some(text)) = (self.key.as_deref(), self.text()) else {
            self.mapped = None;
            return;
        };
        let citing = source::citing(map, key);
        let all = crate::model::Role::all(map);
        let roles = citing
            .values()
            .flatten()
            .filter_map(|id| Some((*id, *all.get(id)?)))
            .collect();
        self.mapped = Some(Mapped {
            revision,
            coverage: source::coverage(map, key, text),
            citing,
            roles,
        });
    }

    /// The role of `claim`, a claim citing the text shown.
    pub fn role_of(&self, claim: ClaimId) -> crate::model::Role {
        self.mapped
            .as_ref()
            .and_then(|m| m.roles.get(&claim).copied())
            .unwrap_or(crate::model::Role::Free)
    }

    /// The claims citing paragraph `para` of the text shown.
    pub fn citing(&self, para: u32) -> &[ClaimId] {
        self.mapped
            .as_ref()
            .and_then(|m| m.citing.get(&para))
            .map_or(&[], Vec::as_slice)
    }

    /// The quoted words of `claim`, when it quotes the text shown and the
    /// words are still there; `Err` when the file changed under them.
    pub fn quote_of(&self, map: &Map, claim: ClaimId) -> Option<Result<String, ()>> {
        let citation = map.claims.get(&claim)?.source.as_ref()?;
        citation.quote.as_ref()?;
        let loaded = self.loaded.as_ref().filter(|l| l.key == citation.doc)?;
        let text = loaded.text.as_ref().ok()?;
        Some(citation.quoted_words(|n| text.paragraph(n)).ok_or(()))
    }

    fn find_changed(&mut self) {
        let needle = self.find.to_lowercase();
        self.hits = match self.text() {
            Some(text) if !needle.trim().is_empty() => (1..)
                .zip(&text.paragraphs)
                .filter(|(_, p)| p.to_lowercase().contains(&needle))
                .map(|(n, _)| n)
                .collect(),
            _ => Vec::new(),
        };
        self.hit = 0;
        self.scroll_to = self.hits.first().copied();
    }
}

/// The panel, for `map` in state `revision`, with `selected` the single
/// selected claim.
pub fn source_panel_ui(
    ui: &mut Ui,
    panel: &mut SourcePanel,
    map: &Map,
    revision: (u64, u64),
    selected: Option<ClaimId>,
    actions: &mut Vec<Action>,
) {
    panel.refresh_mapped(map, revision);
    header_ui(ui, panel, map, selected, actions);
    ui.separator();
    let Some(loaded) = &panel.loaded else {
        return;
    };
    if loaded.text.is_err() {
        return;
    }
    paragraphs_ui(ui, panel, map, actions);
}

fn header_ui(
    ui: &mut Ui,
    panel: &mut SourcePanel,
    map: &Map,
    selected: Option<ClaimId>,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        ui.heading("Source");
        if map.sources.len() > 1
            && let Some(key) = panel.key.clone()
        {
            let shown = map.source_title(&key);
            egui::ComboBox::from_id_salt("source-choice")
                .selected_text(crate::words::one_line(shown, 30))
                .show_ui(ui, |ui| {
                    for (other, source) in &map.sources {
                        if ui.selectable_label(*other == key, &source.title).clicked()
                            && *other != key
                        {
                            actions.push(Action::ShowSource(other.clone()));
                        }
                    }
                });
        }
        command_button(ui, UiCommand::OpenSource, actions);
    });
    if panel.pending.is_some() {
        reading_ui(ui, panel);
        if panel.loaded.is_none() {
            return;
        }
    }
    let Some(key) = panel.key.clone() else {
        ui.label("This map cites no source yet. Open the text you are mapping, or drop it here.");
        return;
    };
    let title = map.source_title(&key);
    ui.label(RichText::new(title).strong());
    let Some(loaded) = &panel.loaded else {
        return;
    };
    if let Err(message) = &loaded.text {
        // No file set is no fault: said plainly, with the way to add one.
        if loaded.path.is_none() {
            ui.label(message);
        } else {
            ui.colored_label(ui.visuals().error_fg_color, message);
        }
        // A file outside the map's folder: the user may allow it.
        if message.starts_with(crate::source::OUTSIDE_NOTICE)
            && let Some(file) = &loaded.path
            && ui
                .button("Allow")
                .on_hover_text(
                    "Read this file for this map and any other, from now on (kept in your own \
                     settings, not in the map)",
                )
                .clicked()
        {
            actions.push(Action::AllowSource(file.clone()));
        }
        labelled_command_button(
            ui,
            UiCommand::OpenSource,
            Some("Locate…".to_owned()),
            true,
            actions,
        );
        return;
    }
    if let Some(mapped) = &panel.mapped {
        coverage_ui(ui, &mapped.coverage, actions);
    }
    selection_ui(ui, panel, map, selected, actions);
    find_ui(ui, panel);
}

/// A PDF being read: how far, for how long, and a way to stop.
fn reading_ui(ui: &mut Ui, panel: &mut SourcePanel) {
    let Some(pending) = &panel.pending else {
        return;
    };
    let (done, pages) = pending.reading.progress();
    let name = pending.path.file_name().map_or_else(
        || pending.path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let how_far = if pages > 0 {
        format!("page {} of {pages}", (done + 1).min(pages))
    } else {
        "opening it".to_owned()
    };
    let mut stop = false;
    ui.horizontal_wrapped(|ui| {
        ui.spinner();
        ui.label(format!(
            "Reading {name}: {how_far} · {} s",
            pending.reading.elapsed().as_secs()
        ));
        stop = ui
            .button("Stop")
            .on_hover_text("Stop reading this PDF")
            .clicked();
    });
    if pages > 0 {
        #[expect(clippy::cast_precision_loss, reason = "page counts, a bar's fraction")]
        let fraction = done as f32 / pages as f32;
        ui.add(egui::ProgressBar::new(fraction).desired_height(6.0));
    }
    // The seconds go on while the child works.
    ui.ctx()
        .request_repaint_after(std::time::Duration::from_millis(250));
    if !stop {
        return;
    }
    let Some(pending) = panel.pending.take() else {
        return;
    };
    if let (false, Some(key)) = (pending.attach, pending.key) {
        panel.loaded = Some(Loaded {
            key,
            text: Err(format!(
                "{}: reading it was stopped. Locate… reads it again, or another file",
                pending.path.display()
            )),
            path: Some(pending.path),
        });
    }
}

fn coverage_ui(ui: &mut Ui, coverage: &Coverage, actions: &mut Vec<Action>) {
    let marked = if coverage.not_argument > 0 {
        format!(" ({} marked not argument)", coverage.not_argument)
    } else {
        String::new()
    };
    ui.label(format!("{}{marked}", coverage.summary()));
    if !coverage.stale_quotes.is_empty() || !coverage.beyond_end.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "The file changed: quotes no longer match for",
            );
            let broken = coverage
                .stale_quotes
                .iter()
                .copied()
                .chain(coverage.beyond_end.iter().map(|&(id, _)| id));
            for id in broken {
                if ui
                    .link(format!("#{}", id.0))
                    .on_hover_text("Select this claim to check its citation")
                    .clicked()
                {
                    actions.push(Action::Select([id].into()));
                    actions.push(Action::Reveal(id));
                }
            }
        });
    }
}

fn selection_ui(
    ui: &mut Ui,
    panel: &SourcePanel,
    map: &Map,
    selected: Option<ClaimId>,
    actions: &mut Vec<Action>,
) {
    let words = panel.selection.as_ref().map(|s| s.words.as_str());
    ui.horizontal_wrapped(|ui| {
        let has = words.is_some();
        let quote = UiCommand::QuoteAsClaim;
        let new = ui
            .add_enabled(
                has,
                egui::Button::new(quote.label()).shortcut_text(quote.shortcut_text(ui.ctx())),
            )
            .on_hover_text(quote.tooltip(ui.ctx()))
            .on_disabled_hover_text("Select words in the text first");
        if new.clicked() {
            actions.push(Action::Command(UiCommand::QuoteAsClaim));
        }
        let target = selected.filter(|id| map.claims.contains_key(id));
        for (kind, label) in [
            (LinkKind::Support, "as a reason of"),
            (LinkKind::Attack, "as an objection to"),
        ] {
            let text = match target {
                Some(id) => format!("{label} #{}", id.0),
                None => label.to_owned(),
            };
            let command = match kind {
                LinkKind::Support => UiCommand::QuoteAsReason,
                LinkKind::Attack => UiCommand::QuoteAsObjection,
            };
            let button = ui
                .add_enabled(has && target.is_some(), egui::Button::new(text))
                .on_hover_text(command.tooltip(ui.ctx()))
                .on_disabled_hover_text("Select words in the text, and a claim on the map");
            if button.clicked() {
                actions.push(Action::Command(command));
            }
        }
    });
}

fn find_ui(ui: &mut Ui, panel: &mut SourcePanel) {
    ui.horizontal(|ui| {
        let field = ui.add(
            egui::TextEdit::singleline(&mut panel.find)
                .hint_text("Find in the source")
                .desired_width(160.0),
        );
        if field.changed() {
            panel.find_changed();
        }
        let next = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if !panel.find.trim().is_empty() {
            if panel.hits.is_empty() {
                ui.weak("no paragraph");
            } else {
                ui.label(format!(
                    "¶{} · {} of {}",
                    panel.hits[panel.hit],
                    panel.hit + 1,
                    panel.hits.len()
                ));
                if ui.small_button("Next").clicked() || next {
                    panel.hit = (panel.hit + 1) % panel.hits.len();
                    panel.scroll_to = Some(panel.hits[panel.hit]);
                    if next {
                        field.request_focus();
                    }
                }
            }
        }
    });
}
