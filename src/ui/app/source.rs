//! The reading side of the editor: the source panel beside the canvas, the
//! text read from the file the map names, and claims made from quoted
//! words.

use std::path::Path;

use egui::Ui;

use super::ArgmapApp;
use super::path_prompt::PathPurpose;
use crate::edit;
use crate::model::{Citation, ClaimId, LinkKind, Quote, Source};
use crate::source::{self, SourceError, SourceText};
use crate::ui::action::Action;
use crate::ui::source::{self as panel, Loaded, Pending};

impl ArgmapApp {
    /// The source panel, when shown.
    pub(super) fn source_panel_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        self.take_read_source();
        if !self.prefs.show_source {
            // Read again when shown again: the file may have changed or
            // moved meanwhile.
            if self.source.loaded.is_some() {
                self.source.forget();
            }
            return;
        }
        self.refresh_source();
        self.follow_selected_claim();
        egui::Panel::left("argmap-source")
            .default_size(super::side_panel_width(ui, 0.2, 240.0, 400.0))
            .size_range(240.0..=900.0)
            .resizable(true)
            .show(ui, |ui| {
                panel::source_panel_ui(
                    ui,
                    &mut self.source,
                    &self.doc.map,
                    self.doc.state(),
                    self.view.selection.single(),
                    actions,
                );
            });
    }

    /// Reads the text of the source shown when it is not read yet (or the
    /// map now names another file for it).
    fn refresh_source(&mut self) {
        let map = &self.doc.map;
        let key = self
            .source
            .key
            .clone()
            .filter(|k| map.sources.contains_key(k))
            .or_else(|| {
                map.sources
                    .iter()
                    .find(|(_, s)| s.path.is_some())
                    .map(|(k, _)| k.clone())
            })
            .or_else(|| map.sources.keys().next().cloned());
        self.source.key.clone_from(&key);
        let Some(key) = key else {
            self.source.forget();
            return;
        };
        let path = source::file_of(map, &key, self.doc.path.as_deref());
        if self
            .source
            .loaded
            .as_ref()
            .is_some_and(|l| l.key == key && l.path == path)
        {
            return;
        }
        let reading = |p: &Pending| !p.attach && p.key.as_ref() == Some(&key);
        if path.is_some()
            && self
                .source
                .pending
                .as_ref()
                .is_some_and(|p| reading(p) && Some(&p.path) == path.as_ref())
        {
            return;
        }
        self.source.forget();
        let text = match &path {
            None => Err(source::NOT_INCLUDED.to_owned()),
            Some(file) if !self.may_read_source(file) => Err(format!(
                "{} {}. Nothing from it is shown or exported until you allow it.",
                source::OUTSIDE_NOTICE,
                file.display()
            )),
            Some(file) => match self.read_source(file) {
                Read::Now(text) => text.map_err(|error| shown_error(file, error)),
                Read::Later(reading) => {
                    self.source.pending = Some(Pending {
                        key: Some(key),
                        path: file.clone(),
                        reading,
                        attach: false,
                    });
                    return;
                }
            },
        };
        self.source.loaded = Some(Loaded { key, path, text });
        // A claim selected before the text was read is shown now.
        self.source.last_claim = None;
    }

    /// Selecting another claim brings its paragraph into view, with its
    /// quote highlighted.
    fn follow_selected_claim(&mut self) {
        let selected = self.view.selection.single();
        if selected == self.source.last_claim {
            return;
        }
        self.source.last_claim = selected;
        self.source.highlight = None;
        let Some(citation) = selected
            .and_then(|id| self.doc.map.claims.get(&id))
            .and_then(|c| c.source.clone())
        else {
            return;
        };
        if self.source.key.as_deref() != Some(citation.doc.as_str()) {
            self.source.key = Some(citation.doc.clone());
            self.refresh_source();
            self.source.last_claim = selected;
        }
        let Some(para) = citation.para else {
            return;
        };
        self.source.scroll_to = Some(para);
        self.source.highlight = citation
            .quote
            .as_ref()
            .map(|q| (para, q.start as usize, q.end as usize));
    }

    /// A claim from the words selected in the source: alone, or answering
    /// the selected claim (`answer`) or `onto`.
    pub(super) fn quote_as_claim(&mut self, answer: Option<LinkKind>, onto: Option<ClaimId>) {
        self.finish_editing();
        let (Some(selection), Some(key)) = (self.source.selection.clone(), self.source.key.clone())
        else {
            self.messages
                .status("Select words in the source panel first (View → Source)");
            return;
        };
        let quote = self.source.text().and_then(|t| {
            let paragraphs: Option<Vec<&str>> = (selection.para..=selection.last)
                .map(|n| t.paragraph(n))
                .collect();
            Quote::across(selection.para, &paragraphs?, selection.start, selection.end)
        });
        let citation = Citation {
            quote,
            to: (selection.last > selection.para).then_some(selection.last),
            ..Citation::paragraph(key, selection.para)
        };
        let parent = match answer {
            Some(kind) => {
                let Some(parent) = onto.or_else(|| self.single_selected()) else {
                    self.messages
                        .status("Select the claim the words answer, then try again");
                    return;
                };
                Some((parent, kind))
            }
            None => None,
        };
        let pos = self.view_center();
        let words = selection
            .words
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let Some((made, id)) = edit::quoted_claim(&self.doc.map, &words, citation, parent, pos)
        else {
            return;
        };
        let label = match parent.map(|(_, kind)| kind) {
            None => "New claim from the source",
            Some(LinkKind::Support) => "Reason from the source",
            Some(LinkKind::Attack) => "Objection from the source",
        };
        self.doc.apply(made, label);
        self.source.last_claim = Some(id);
        self.source.highlight = Some((selection.para, selection.start, selection.end));
        self.view.camera.reveal = Some(id);
        // The quoted words are a start: the user restates them.
        self.start_editing(id, true);
        let paragraphs = if selection.last > selection.para {
            format!("¶{}–{}", selection.para, selection.last)
        } else {
            format!("¶{}", selection.para)
        };
        self.messages.status(format!(
            "Claim #{} quotes {paragraphs}: restate it in your own words; the quote stays beside it",
            id.0
        ));
    }

    /// Marks paragraph `para` of source `key` as not argument, or not.
    pub(super) fn set_not_argument(&mut self, key: &str, para: u32, marked: bool) {
        let mut sources = self.doc.map.sources.clone();
        let Some(source) = sources.get_mut(key) else {
            return;
        };
        source.not_argument.retain(|&p| p != para);
        if marked {
            source.not_argument.push(para);
            source.not_argument.sort_unstable();
        }
        if let Some(change) = edit::set_sources(&self.doc.map, sources) {
            let label = if marked {
                "Mark paragraph not argument"
            } else {
                "Count paragraph as argument"
            };
            self.doc.apply(change, label);
        }
    }

    /// Whether the source file `file` may be read: it is in the map's
    /// folder, or the user chose or allowed it.
    pub(super) fn may_read_source(&self, file: &Path) -> bool {
        source::inside_map_folder(file, self.doc.path.as_deref())
            || self
                .prefs
                .allowed_sources
                .contains(&crate::store::canonical(file))
    }

    /// As a map opens: a note for each file it cites outside its folder
    /// that the user has not allowed, which nothing will read until they
    /// do.
    pub(super) fn say_outside_sources(&mut self) {
        let map_path = self.doc.path.clone();
        let outside: Vec<std::path::PathBuf> = (self.doc.map.sources.keys())
            .filter_map(|key| source::file_of(&self.doc.map, key, map_path.as_deref()))
            .filter(|file| !self.may_read_source(file))
            .collect();
        let source_key = crate::ui::UiCommand::ToggleSource.shortcut_text(&self.ctx);
        for file in outside {
            self.messages.notes.push(format!(
                "{} {}. Nothing from it is shown or exported until you allow it: Source \
                 ({source_key}) → Allow, or Locate… another.",
                source::OUTSIDE_NOTICE,
                file.display()
            ));
        }
    }

    /// The user allows the source file `file`, outside the map's folder,
    /// to be read (remembered in their own settings, not in the map).
    pub(super) fn allow_source(&mut self, file: &Path) {
        self.remember_allowed(file);
        self.source.forget();
        self.messages
            .status(format!("{}: allowed as a source", file.display()));
    }

    /// Remembers `file` among the sources the user allows, in their own
    /// settings.
    fn remember_allowed(&mut self, file: &Path) {
        self.prefs
            .allowed_sources
            .insert(crate::store::canonical(file));
    }

    /// Asks for the file of the source shown (or of a new source).
    pub(super) fn open_source(&mut self) {
        let picked = self.dialogs.pick_source();
        if let Some(path) = self.picked(picked, PathPurpose::Source, "") {
            self.use_source_file(&path);
        }
    }

    /// `file` becomes the file of the source shown, or of a new source
    /// when the map has none to give it to; a file that cannot be read is
    /// said and changes nothing.
    pub(super) fn use_source_file(&mut self, file: &Path) {
        // The user chose it: it may be read wherever it is.
        if !source::inside_map_folder(file, self.doc.path.as_deref()) {
            self.remember_allowed(file);
        }
        match self.read_source(file) {
            Read::Now(Ok(text)) => self.attach_source_file(file, &text),
            Read::Now(Err(error)) => self.messages.errors.push(error.to_string()),
            Read::Later(reading) => {
                // Attached once its text is had; the panel shows the reading.
                self.source.pending = Some(Pending {
                    key: self.source.key.clone(),
                    path: file.to_path_buf(),
                    reading,
                    attach: true,
                });
                self.prefs.show_source = true;
            }
        }
    }

    /// Reads the text of the source file `file`: at once, or, for a PDF, on
    /// a thread of its own.
    fn read_source(&self, file: &Path) -> Read {
        let bytes = match crate::store::read_bytes(file) {
            Ok(bytes) => bytes,
            Err(error) => return Read::Now(Err(error.into())),
        };
        if !source::is_pdf(file, &bytes) {
            return Read::Now(
                SourceText::from_text_bytes(&bytes).map_err(|unread| SourceError::of(file, unread)),
            );
        }
        let ctx = self.ctx.clone();
        match source::Reading::start(bytes, move || ctx.request_repaint()) {
            Ok(reading) => Read::Later(reading),
            Err(error) => Read::Now(Err(SourceError::Pdf {
                path: file.to_path_buf(),
                problem: source::PdfProblem::NotStarted(error.to_string()),
            })),
        }
    }

    /// Takes the text of a PDF read in the background, once it is had.
    fn take_read_source(&mut self) {
        let Some(read) = self
            .source
            .pending
            .as_ref()
            .and_then(|p| p.reading.finished())
        else {
            return;
        };
        let Some(pending) = self.source.pending.take() else {
            return;
        };
        let read = read.map_err(|unread| SourceError::of(&pending.path, unread));
        if pending.attach {
            match read {
                Ok(text) => self.attach_source_file(&pending.path, &text),
                Err(error) => self.messages.errors.push(error.to_string()),
            }
            return;
        }
        let Some(key) = pending.key else {
            return;
        };
        let text = read.map_err(|error| shown_error(&pending.path, error));
        self.source.loaded = Some(Loaded {
            key,
            path: Some(pending.path),
            text,
        });
        // A claim selected before the text was read is shown now.
        self.source.last_claim = None;
    }

    /// `file`, read as `text`, becomes the file of the source shown, or of
    /// a new source (see [`Self::use_source_file`]).
    fn attach_source_file(&mut self, file: &Path, text: &SourceText) {
        let map_path = self.doc.path.clone();
        let stored = match map_path.as_deref() {
            Some(map_path) => source::relative_path(file, Some(map_path)),
            None => crate::store::canonical(file).to_string_lossy().into_owned(),
        };
        let mut sources = self.doc.map.sources.clone();
        let shown = self.source.key.clone().filter(|k| sources.contains_key(k));
        // The source shown takes the file when it has none or it is gone
        // (Locate…); otherwise a new source, named after the file.
        let missing = self.source.loaded.as_ref().is_some_and(|l| l.text.is_err());
        let key = match shown {
            Some(key) if missing || sources[&key].path.is_none() => key,
            _ => {
                let key = source::key_for_file(file, |k| sources.contains_key(k));
                sources.insert(
                    key.clone(),
                    Source {
                        title: file
                            .file_stem()
                            .map_or_else(String::new, |s| s.to_string_lossy().into_owned()),
                        ..Source::default()
                    },
                );
                key
            }
        };
        if let Some(source) = sources.get_mut(&key) {
            source.path = Some(stored);
        }
        if let Some(change) = edit::set_sources(&self.doc.map, sources) {
            self.doc.apply(change, "Open source");
        }
        self.source.key = Some(key);
        self.source.forget();
        self.prefs.show_source = true;
        self.messages.status(format!(
            "{}: {} paragraphs, numbered as citations count them",
            file.display(),
            text.len()
        ));
    }
}

/// A source file's text, now or later.
enum Read {
    /// Read at once (plain text, or a file that could not be read).
    Now(Result<SourceText, SourceError>),
    /// A PDF, being read.
    Later(source::Reading),
}

/// Why the source panel has no text for `file`, as it says it.
fn shown_error(file: &Path, error: SourceError) -> String {
    match error {
        SourceError::File(crate::store::FileError {
            kind: crate::store::FileErrorKind::Read(e),
            ..
        }) if e.kind() == std::io::ErrorKind::NotFound => format!(
            "{}: the file is not there (moved or renamed?). Locate… finds it; \
             the citations are kept as they are",
            file.display()
        ),
        other => other.to_string(),
    }
}
