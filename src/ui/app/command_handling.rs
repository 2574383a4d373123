//! Doing what the user asked: commands from the table (menus, keys, the
//! palette) and the actions the canvas and panels collected during the
//! frame, applied after it is drawn. Every change to the map is made by a
//! function of the edit layer and applied as one undoable step.

use std::collections::{BTreeMap, BTreeSet};

use super::ArgmapApp;
use super::prefs::{MAX_TEXT_SCALE, MIN_TEXT_SCALE};
use crate::edit::{self, ClaimField, Edit, Typing};
use crate::layout::Region;
use crate::measure::card_sizes_quoting;
use crate::model::{Arrangement, ClaimId, Growth, LinkKind};
use crate::ui::action::Action;
use crate::ui::canvas::{Animation, Editing, canvas_focus_id};
use crate::ui::commands::{self, Scope, UiCommand};
use crate::ui::inspector::MAX_EDITABLE_BYTES;

impl ArgmapApp {
    /// Whether `command` can run now (from the palette): the editor's
    /// commands always, the steps list's while a step is selected in its
    /// open panel, presenting's only while presenting.
    pub(super) fn runs_now(&self, command: UiCommand) -> bool {
        match command.scope() {
            Scope::Editor => true,
            Scope::StepsList => self.steps.takes_commands(),
            Scope::Presenting => self.presenting.is_some(),
            Scope::Flowing => self.round.flowing.is_some(),
        }
    }

    /// Commands given with the keyboard this frame.
    pub(super) fn shortcut_actions(&self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        // Typing is a text field with the focus; a focused button or list
        // row (or the canvas) leaves the shortcuts working.
        let focused = ctx.memory(egui::Memory::focused);
        let typing = focused.is_some_and(|id| {
            id != canvas_focus_id() && egui::TextEdit::load_state(ctx, id).is_some()
        });
        // The source panel's text is read, not typed into: its own keys
        // (Alt+Q) work while its words are selected.
        let reading = focused.is_some_and(|id| self.source.is_text(id));
        let focused_claim = self.shown.folding.focus.is_some();
        // The flow view's keys first: Enter and Tab flow arguments there.
        let flowing = if self.round.flowing.is_some() && self.presenting.is_none() {
            commands::pressed(ctx, Scope::Flowing, |command, _| {
                (!typing || command.works_while_typing())
                    && (!command.is_canvas_key() || self.view.has_focus)
            })
        } else {
            Vec::new()
        };
        let mut pressed = commands::pressed(ctx, Scope::Editor, |command, shortcut| {
            let reading_key =
                reading && matches!(command, UiCommand::QuoteAsClaim | UiCommand::ToggleSource);
            if typing && !command.works_while_typing() && !reading_key {
                return false;
            }
            // Backspace leaves focus mode while there is one; else it
            // deletes.
            let backspace = shortcut.logical_key == egui::Key::Backspace;
            match command {
                UiCommand::FocusOut if !focused_claim => return false,
                UiCommand::Delete if backspace && focused_claim => return false,
                _ => {}
            }
            !command.is_canvas_key() || self.view.has_focus
        });
        pressed.splice(0..0, flowing);
        for command in pressed {
            if typing && !reading {
                actions.push(Action::FinishEditing);
            }
            actions.push(Action::Command(command));
        }
        // Letters never act on the map or the view: with no text field to
        // take them, they go into the selected claim (see `type_on_canvas`).
        let on_canvas = focused.is_none_or(|id| id == canvas_focus_id());
        if !typing && on_canvas && self.presenting.is_none() {
            let text = ctx.input_mut(|i| {
                let modifiers = i.modifiers;
                let mut text = String::new();
                if !(modifiers.command || modifiers.ctrl || modifiers.alt) {
                    i.events.retain(|event| match event {
                        egui::Event::Text(t) => {
                            text.push_str(t);
                            false
                        }
                        _ => true,
                    });
                }
                text
            });
            if !text.is_empty() {
                actions.push(Action::TypedOnCanvas(text));
            }
        }
    }

    /// Letters typed with no text field focused: the one selected claim
    /// opens for editing with them added at the end; otherwise nothing
    /// changes, and the status bar says what would take them.
    fn type_on_canvas(&mut self, text: &str) {
        // The card's text field takes the focus a frame after it opens:
        // letters typed in between join what it holds.
        if let Some(editing) = &mut self.view.editing {
            editing.buffer.push_str(text);
            let buffer = editing.buffer.clone();
            self.perform(Action::Typed(buffer));
            return;
        }
        let claims = &self.view.selection.claims;
        let single = (claims.len() == 1)
            .then(|| claims.iter().next().copied())
            .flatten();
        match single {
            Some(id) if !self.doc.history.is_locked() => {
                self.start_editing(id, false);
                if let Some(editing) = &mut self.view.editing {
                    editing.buffer.push_str(text);
                    let buffer = editing.buffer.clone();
                    self.perform(Action::Typed(buffer));
                }
            }
            // A read-only map: the usual message says why.
            Some(_) => {
                self.doc.history.refuse();
            }
            None if claims.len() > 1 => self
                .messages
                .status("Typing goes into one claim: select just the one to type into"),
            None if self.view.selection.link.is_some() => self
                .messages
                .status("Links have no text: select a claim to type into it"),
            None => self.messages.status(
                "Nothing is selected, so the typing went nowhere: select a claim to type into \
                 it, or double-click the canvas for a new one",
            ),
        }
    }

    pub(super) fn undo_redo(&mut self, redo: bool) {
        self.finish_editing();
        let (done, label) = if redo {
            ("Redid", self.doc.history.redo(&mut self.doc.map))
        } else {
            ("Undid", self.doc.history.undo(&mut self.doc.map))
        };
        if let Some(label) = label {
            self.messages
                .status(format!("{done} {}", label.to_lowercase()));
        }
        self.prune_selection();
    }

    /// Text everywhere at `scale` (1 is normal), remembered.
    pub(super) fn scale_text(&mut self, scale: f32) {
        let scale = scale.clamp(MIN_TEXT_SCALE, MAX_TEXT_SCALE);
        self.ctx.set_zoom_factor(scale);
        self.prefs.text_scale = ((scale - 1.0).abs() > 0.01).then_some(scale);
        self.messages
            .status(format!("Text at {:.0} %", scale * 100.0));
    }

    pub(super) fn set_thesis(&mut self, thesis: Option<ClaimId>) {
        if let Some(edit) = edit::set_thesis(&self.doc.map, thesis) {
            self.doc.apply(edit, "Set thesis");
        }
    }

    /// Makes the selected link an attack if it supports, and back.
    pub(super) fn flip_selected_link(&mut self) {
        let Some(link) = self.view.selection.link else {
            self.messages.status("Select a link to flip it");
            return;
        };
        if let Some(edit) = edit::flip_link(&self.doc.map, link) {
            self.doc.apply(edit, "Flip link");
        }
    }

    /// Gives each premise of the selected link a link of its own.
    pub(super) fn split_selected_link(&mut self) {
        let Some(link) = self.view.selection.link else {
            self.messages
                .status("Select a link with linked premises to split it");
            return;
        };
        match edit::split_link(&self.doc.map, link) {
            Some(edit) => self.doc.apply(edit, "Split linked premises"),
            None => self
                .messages
                .status("That link has one premise: nothing to split"),
        }
    }

    pub(super) fn set_pinned(&mut self, claims: &[ClaimId], pinned: bool) {
        let edit = edit::set_pinned(&self.doc.map, claims, pinned);
        self.doc.apply(edit, if pinned { "Pin" } else { "Unpin" });
    }

    /// Lays the map (or a subtree) out as a tidy tree, as one undo step,
    /// and lets the cards glide to their new places.
    pub(super) fn arrange(&mut self, scope: Region) {
        self.arrange_with(scope, Vec::new());
    }

    /// Arranges the whole map growing `direction` from now on.
    pub(super) fn arrange_turned(&mut self, direction: Growth) {
        let changes = if direction == self.doc.map.direction {
            Vec::new()
        } else {
            vec![Edit::SetDirection(direction)]
        };
        self.arrange_with(Region::All, changes);
    }

    /// Arranges the whole map packed `arrangement` from now on.
    pub(super) fn arrange_packed(&mut self, arrangement: Arrangement) {
        let changes = if arrangement == self.doc.map.arrangement {
            Vec::new()
        } else {
            vec![Edit::SetArrangement(arrangement)]
        };
        self.arrange_with(Region::All, changes);
    }

    /// Arranges the map after `changes` to how it is arranged (its
    /// direction or packing): one undo step for all.
    fn arrange_with(&mut self, scope: Region, changes: Vec<Edit>) {
        self.finish_editing();
        let label = match (scope, changes.first()) {
            (_, Some(Edit::SetDirection(Growth::Right))) => "Arrange left to right",
            (_, Some(Edit::SetDirection(Growth::Down))) => "Arrange top-down",
            (_, Some(Edit::SetArrangement(Arrangement::Compact))) => "Arrange compact",
            (_, Some(Edit::SetArrangement(Arrangement::Wide))) => "Arrange wide",
            (Region::All, _) => "Arrange",
            (Region::Subtree(_), _) => "Arrange selection",
        };
        let mut laid = std::borrow::Cow::Borrowed(&self.doc.map);
        for change in &changes {
            let _ = change.clone().apply(laid.to_mut());
        }
        let sizes = card_sizes_quoting(&laid, self.card_quotes.words(), &mut self.measure);
        let arranged = edit::arrange(&laid, &sizes, scope);
        drop(laid);
        let mut edits = changes;
        edits.extend(arranged);
        let edit = match edits.len() {
            0 => {
                self.messages.status("Already arranged");
                return;
            }
            1 => edits.remove(0),
            _ => Edit::Batch(edits),
        };
        let mut from = BTreeMap::new();
        let steps = match &edit {
            Edit::Move(steps) => Some(steps),
            Edit::Batch(edits) => edits.iter().find_map(|e| match e {
                Edit::Move(steps) => Some(steps),
                _ => None,
            }),
            _ => None,
        };
        for (id, _) in steps.into_iter().flatten() {
            if let Some(claim) = self.doc.map.claims.get(id) {
                from.insert(*id, claim.pos);
            }
        }
        let moved: BTreeSet<ClaimId> = from.keys().copied().collect();
        self.doc.apply(edit, label);
        let now = self.ctx.input(|i| i.time);
        self.view.animation = Some(Animation { from, start: now });
        // The camera glides with the cards and ends on them where they
        // land: the whole map, or the arranged subtree when it is not in
        // view already.
        let arranged = match scope {
            Region::All => self.doc.map.claims.keys().copied().collect(),
            Region::Subtree(_) => moved,
        };
        let landing = self
            .doc
            .map
            .claims
            .iter()
            .filter(|(id, _)| arranged.contains(id));
        let bounds = landing
            .map(|(id, claim)| {
                let (w, h) = sizes.get(id).copied().unwrap_or(crate::card::UNMEASURED);
                egui::Rect::from_center_size(egui::pos2(claim.pos.x, claim.pos.y), egui::vec2(w, h))
            })
            .reduce(egui::Rect::union);
        let camera = &mut self.view.camera;
        let in_view = bounds.is_some_and(|b| camera.scene_rect.contains_rect(b));
        if let Some(bounds) = bounds
            && (scope == Region::All || !in_view)
        {
            camera.glide = Some(crate::ui::canvas::Glide {
                from: camera.scene_rect,
                to: crate::ui::canvas::camera::fit_rect(Some(bounds), camera.canvas_rect.size()),
                start: now,
            });
        }
    }

    /// Makes `claim` answer `onto` instead of what it answered, and lays
    /// `onto`'s answers out again: one undo step.
    fn reparent(&mut self, claim: ClaimId, onto: ClaimId, kind: LinkKind) {
        let edit = match edit::reparent(&self.doc.map, claim, onto, kind) {
            Ok(edit) => edit,
            Err(why) => {
                self.messages.status(format!("Not moved: {why}"));
                return;
            }
        };
        let edit = edit::then_arranged(&self.doc.map, edit, &[onto], &mut self.measure);
        self.doc.apply(edit, "Re-parent");
        let verb = match kind {
            LinkKind::Support => "a reason for",
            LinkKind::Attack => "an objection to",
        };
        let target = self
            .doc
            .map
            .claims
            .get(&onto)
            .map(|c| crate::words::one_line(&c.text, 40))
            .unwrap_or_default();
        self.messages.status(format!("Now {verb} “{target}”"));
    }

    /// The one selected claim; or `None`, saying so in the status bar.
    pub(super) fn single_selected(&mut self) -> Option<ClaimId> {
        let single = self.view.selection.single();
        if single.is_none() {
            self.messages.status("Select one claim first");
        }
        single
    }

    /// Finishes any edit under way and selects claim `id` for a new one;
    /// false when there is no such claim or the map cannot be changed.
    fn ready_to_edit(&mut self, id: ClaimId) -> bool {
        self.finish_editing();
        if !self.doc.map.claims.contains_key(&id) {
            return false;
        }
        self.view.selection.only(id);
        !self.doc.history.is_locked()
    }

    pub(super) fn start_editing(&mut self, id: ClaimId, is_new: bool) {
        if !self.ready_to_edit(id) {
            return;
        }
        let Some(claim) = self.doc.map.claims.get(&id) else {
            return;
        };
        if claim.text.len() > MAX_EDITABLE_BYTES {
            self.messages.status(
                "This claim's text is too long to edit on its card: the inspector shows it",
            );
            return;
        }
        if is_new {
            // Typing into a new claim joins the step that made it.
            self.doc
                .history
                .open_last(Typing::Claim(id, ClaimField::Text));
        }
        // The view follows the card being typed into, wherever it was put.
        self.view.camera.reveal = Some(id);
        self.view.editing = Some(Editing {
            claim: id,
            buffer: claim.text.clone(),
            is_new,
            focus_pending: true,
            title: false,
        });
    }

    /// Opens the title of claim `id` for typing on its card.
    pub(super) fn start_editing_title(&mut self, id: ClaimId) {
        if !self.ready_to_edit(id) {
            return;
        }
        let Some(claim) = self.doc.map.claims.get(&id) else {
            return;
        };
        self.view.camera.reveal = Some(id);
        self.view.editing = Some(Editing {
            claim: id,
            buffer: claim.title.clone().unwrap_or_default(),
            is_new: false,
            focus_pending: true,
            title: true,
        });
    }

    pub(super) fn finish_editing(&mut self) {
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
        self.view.selection.prune(map);
        if self
            .view
            .editing
            .as_ref()
            .is_some_and(|e| !map.claims.contains_key(&e.claim))
        {
            self.view.editing = None;
        }
    }

    pub(super) fn delete_selection(&mut self) {
        self.finish_editing();
        let selection = &self.view.selection;
        if let Some(link) = selection.link {
            let edit = edit::delete_links(&self.doc.map, &BTreeSet::from([link]));
            self.doc.apply(edit, "Delete link");
        } else if !selection.claims.is_empty() {
            let edit = edit::delete_claims(&self.doc.map, &selection.claims);
            let label = if selection.claims.len() == 1 {
                "Delete claim"
            } else {
                "Delete claims"
            };
            self.doc.apply(edit, label);
        }
        self.prune_selection();
    }

    /// Applies what the user asked for during the frame.
    pub(super) fn perform(&mut self, action: Action) {
        let selection = &mut self.view.selection;
        match action {
            Action::Command(command) => self.run_command(command),
            Action::Select(claims) => selection.set(claims),
            Action::SelectLink(link) => {
                selection.claims.clear();
                selection.link = Some(link);
            }
            Action::ToggleSelected(id) => {
                if !selection.claims.remove(&id) {
                    selection.claims.insert(id);
                }
                selection.link = None;
            }
            Action::AddToSelection(claims) => {
                selection.claims.extend(claims);
                selection.link = None;
            }
            Action::Reparent { claim, onto, kind } => self.reparent(claim, onto, kind),
            // In the flow a card's place is its speech's column and the row
            // of what it answers: dragging it moves nothing.
            Action::MoveSelection(_) if self.round.flowing.is_some() => self.messages.status(
                "In the flow a card stands in its speech's column, level with what it answers: \
                 choose its speech in the inspector, or drop it on the claim it answers",
            ),
            Action::MoveSelection(delta) => {
                let edit = edit::move_by(&self.doc.map, &selection.claims, delta.x, delta.y);
                self.doc.apply(edit, "Move");
            }
            Action::NewClaimAt(_) if self.round.flowing.is_some() => self.flow_argument(None),
            Action::NewClaimAt(pos) => self.add_claim_at(pos),
            Action::StartEditing(id) => self.start_editing(id, false),
            Action::StartEditingTitle(id) => self.start_editing_title(id),
            Action::Typed(text) if self.view.editing.as_ref().is_some_and(|e| e.title) => {
                let Some(editing) = &self.view.editing else {
                    return;
                };
                let id = editing.claim;
                let Some(claim) = self.doc.map.claims.get(&id) else {
                    return;
                };
                let title = crate::model::typed_title(&text);
                if claim.title != title {
                    let claim = crate::model::Claim {
                        title,
                        ..claim.clone()
                    };
                    self.doc.history.apply_coalescing(
                        &mut self.doc.map,
                        Edit::SetClaim { id, claim },
                        "Edit title",
                        Typing::Claim(id, ClaimField::Title),
                    );
                }
            }
            Action::Typed(text) => {
                if let Some(editing) = &self.view.editing
                    && let Some(edit) = edit::set_text(&self.doc.map, editing.claim, text)
                {
                    // A card grows as it is typed into: keep all of it in view.
                    self.view.camera.reveal = Some(editing.claim);
                    let key = Typing::Claim(editing.claim, ClaimField::Text);
                    self.doc
                        .history
                        .apply_coalescing(&mut self.doc.map, edit, "Edit text", key);
                }
            }
            Action::FinishEditing => self.finish_editing(),
            Action::TypedOnCanvas(text) => self.type_on_canvas(&text),
            other => self.perform_edit(other),
        }
    }

    /// Applies an action that changes the map.
    fn perform_edit(&mut self, action: Action) {
        let map = &self.doc.map;
        match action {
            Action::Connect {
                premise,
                target,
                kind,
            } => match edit::connect(map, premise, target, kind) {
                Ok(edit) => self.doc.apply(edit, "Connect"),
                Err(why) => self.messages.status(format!("Not connected: {why}")),
            },
            Action::Join { link, claim } => match edit::join_link(map, link, claim) {
                Ok(edit) => self.doc.apply(edit, "Join as co-premise"),
                Err(why) => self.messages.status(format!("Not joined: {why}")),
            },
            Action::SetThesis(thesis) => self.set_thesis(thesis),
            Action::SetPinned(id, pinned) => self.set_pinned(&[id], pinned),
            Action::SetKind(id, kind) => {
                if let Some(edit) = edit::set_kind(map, id, kind) {
                    self.doc.apply(edit, "Change kind");
                }
            }
            Action::Status(message) => self.messages.status(message),
            Action::UpdateClaim { id, claim, field } => {
                let label = format!("Edit {}", field.label());
                self.doc.history.apply_coalescing(
                    &mut self.doc.map,
                    Edit::SetClaim { id, claim },
                    label,
                    Typing::Claim(id, field),
                );
            }
            Action::UpdateLink { id, link } => {
                self.doc.apply(Edit::SetLink { id, link }, "Change link");
            }
            Action::SetTitle(title) => {
                self.doc.history.apply_coalescing(
                    &mut self.doc.map,
                    Edit::SetTitle(title),
                    "Rename map",
                    Typing::Title,
                );
            }
            Action::Seal => self.doc.history.seal(),
            Action::SetAssessment(claims, assessment) => self.set_assessment(&claims, assessment),
            Action::SetMode(mode) => self.set_mode(mode),
            Action::SetCitationStyle(style) => {
                if let Some(edit) = edit::set_citation_style(&self.doc.map, style) {
                    self.doc.apply(edit, "Change citation style");
                }
            }
            Action::SetRound(round) if self.doc.map.round.as_ref() != Some(&*round) => {
                self.doc
                    .apply(edit::Edit::SetRound(Some(round)), "Change the round");
            }
            Action::SetWeight(links, weight) => self.set_weights(&links, weight),
            Action::SetStandard(claims, standard) => self.set_standard(&claims, standard),
            Action::SetWeighing(presumption, standard) => self.set_weighing(presumption, standard),
            Action::SetCheck(rule, on) => self.set_check(rule, on),
            Action::ShowSource(key) => {
                self.source.key = Some(key);
                self.source.forget();
            }
            Action::AllowSource(file) => self.allow_source(&file),
            Action::GlowParagraph(para) => self.source.glow = para,
            Action::SetNotArgument(key, para, marked) => self.set_not_argument(&key, para, marked),
            Action::QuoteDropped { on, kind } => self.quote_as_claim(Some(kind), Some(on)),
            Action::Reveal(claim) if self.doc.map.claims.contains_key(&claim) => {
                self.view.selection.only(claim);
                self.view.camera.reveal = Some(claim);
            }
            // Selection and editing are handled by `perform`.
            _ => {}
        }
    }
}
