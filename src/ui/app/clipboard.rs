//! Copy, cut, paste and duplicate: claims with the links among them, and
//! an indented outline of them on the system clipboard for documents.

use super::ArgmapApp;
use crate::edit::{self, clipboard};
use crate::model::{ClaimId, Pos};
use crate::ui::commands;
use crate::words;

impl ArgmapApp {
    /// Copies the selection, then deletes it.
    pub(super) fn cut_selection(&mut self) {
        if self.copy_selection() {
            self.delete_selection();
            self.messages.status("Cut");
        }
    }

    /// Pastes what Argmap copied last (from the menu or the palette; the
    /// system's paste brings its own text, see `clipboard_events`).
    pub(super) fn paste(&mut self) {
        if let Some((_, text)) = self.clipboard.clone() {
            self.paste_text(&text);
        } else {
            let hint = commands::hint(
                &self.ctx,
                "Nothing copied in Argmap yet: press {Paste} to paste text from another program",
            );
            self.messages.status(hint);
        }
    }

    /// Copies the selection; true when something was copied.
    pub(super) fn copy_selection(&mut self) -> bool {
        self.finish_editing();
        let Some(fragment) = clipboard::copy(&self.doc.map, &self.view.selection.claims) else {
            return false;
        };
        let text = clipboard::outline_text(&fragment);
        self.ctx.copy_text(text.clone());
        self.messages.status(format!(
            "Copied {}",
            words::count(fragment.map.claims.len(), "claim")
        ));
        self.clipboard = Some((fragment, text));
        true
    }

    /// Where pasted claims go: under the pointer when it is over the
    /// canvas, else the middle of the view.
    fn paste_point(&self) -> Pos {
        let camera = &self.view.camera;
        let pointer = self
            .ctx
            .input(|i| i.pointer.latest_pos())
            .filter(|p| camera.canvas_rect.contains(*p));
        let at = match pointer {
            Some(p) => camera.screen_from_map().inverse() * p,
            None => camera.scene_rect.center(),
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
        let attach = self.view.selection.single();
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
        let edit = edit::then_arranged(&self.doc.map, edit, &roots, &mut self.measure);
        let count = ids.len();
        self.doc.apply(edit, "Paste");
        self.view.camera.reveal = ids.first().copied();
        self.view.selection.set(ids.into_iter().collect());
        self.messages
            .status(format!("Pasted {}", words::count(count, "claim")));
    }

    /// Copies the selection beside itself.
    pub(super) fn duplicate_selection(&mut self) {
        self.finish_editing();
        let Some((edit, ids)) = clipboard::duplicate(&self.doc.map, &self.view.selection.claims)
        else {
            return;
        };
        let count = ids.len();
        self.doc.apply(edit, "Duplicate");
        self.view.selection.set(ids.into_iter().collect());
        self.messages
            .status(format!("Duplicated {}", words::count(count, "claim")));
    }

    /// Copy, cut and paste as the system sends them, while the canvas has
    /// the keyboard (a text field handles its own).
    pub(super) fn clipboard_events(&mut self, ctx: &egui::Context) {
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
                egui::Event::Copy => {
                    self.copy_selection();
                }
                egui::Event::Cut => self.cut_selection(),
                egui::Event::Paste(text) => self.paste_text(&text),
                _ => {}
            }
        }
    }
}
