//! Building the argument from the keyboard: a claim where the user looks,
//! reasons, objections, siblings, co-premises and objections to an
//! inference, each opened for typing; and moving along the structure,
//! claims and links alike.

use super::ArgmapApp;
use crate::edit;
use crate::measure::card_sizes_quoting;
use crate::model::nav::{self, Arrow, Place};
use crate::model::{LinkId, LinkKind, Pos};

impl ArgmapApp {
    /// A claim at `pos`, opened for typing (the thesis, on an empty map).
    pub(super) fn add_claim_at(&mut self, pos: Pos) {
        self.finish_editing();
        let (edit, id) = edit::add_claim(&self.doc.map, pos, "");
        self.doc.apply(edit, "Add claim");
        self.start_editing(id, true);
    }

    /// A claim in the middle of the view.
    pub(super) fn add_claim_in_view(&mut self) {
        self.add_claim_at(self.view_center());
    }

    /// The middle of the view, in map units (the origin before the first
    /// frame has placed the camera).
    pub(super) fn view_center(&self) -> Pos {
        let scene = self.view.camera.scene_rect;
        let center = scene.center();
        if center.is_finite() && scene.is_positive() {
            Pos::new(center.x, center.y)
        } else {
            Pos::default()
        }
    }

    /// A claim beside the selected one, answering the same claim the same
    /// way; with nothing selected, a free claim in the middle of the view.
    pub(super) fn add_sibling(&mut self) {
        self.finish_editing();
        if self.view.selection.claims.is_empty() {
            self.add_claim_in_view();
            return;
        }
        let Some(id) = self.single_selected() else {
            return;
        };
        match edit::new_sibling(&self.doc.map, id, "") {
            Some((edit, new)) => {
                self.doc.apply(edit, "Add sibling");
                self.start_editing(new, true);
            }
            None => self.messages.status(
                "This claim answers nothing: select a reason or objection to add a sibling",
            ),
        }
    }

    pub(super) fn reorder(&mut self, later: bool) {
        self.finish_editing();
        if let Some(id) = self.single_selected() {
            let sizes =
                card_sizes_quoting(&self.doc.map, self.card_quotes.words(), &mut self.measure);
            if let Some(edit) = edit::reorder(&self.doc.map, id, later, &sizes) {
                self.doc.apply(edit, "Reorder");
            }
        }
    }

    /// Selects the claim one step along the structure from the selected
    /// one (the thesis when nothing is selected), and brings it into view.
    /// From a selected link: ↑ what it answers, ↓ its first premise, ← / →
    /// the links beside it that answer the same.
    pub(super) fn go(&mut self, direction: Arrow) {
        if let Some(link) = self.view.selection.link {
            self.go_from_link(link, direction);
            return;
        }
        let map = &self.doc.map;
        let next = if self.view.selection.claims.is_empty() {
            map.thesis.or_else(|| map.claims.keys().next().copied())
        } else if let Some(id) = self.single_selected() {
            nav::step(&self.doc.map, id, direction)
        } else {
            None
        };
        if let Some(next) = next {
            self.view.selection.only(next);
            self.view.camera.reveal = Some(next);
        }
    }

    fn go_from_link(&mut self, id: LinkId, direction: Arrow) {
        match nav::step_from_link(&self.doc.map, id, direction) {
            Some(Place::Claim(claim)) => {
                self.view.selection.only(claim);
                self.view.camera.reveal = Some(claim);
            }
            Some(Place::Link(link)) => self.view.selection.link = Some(link),
            None => {}
        }
    }

    /// Selects the link the selected claim is a premise of (its first), so
    /// the keys work on the step from it to what it answers.
    pub(super) fn select_link(&mut self) {
        let Some(claim) = self.single_selected() else {
            return;
        };
        match self.doc.map.links_from(claim).next() {
            Some((id, _)) => self.view.selection.link_only(id),
            None => self
                .messages
                .status("This claim is a premise of no link: select a reason or an objection"),
        }
    }

    /// The link the keys act on: the selected link, or the link the one
    /// selected claim is a premise of.
    fn acted_on_link(&self) -> Option<LinkId> {
        self.view.selection.link.or_else(|| {
            let claim = self.view.selection.single()?;
            self.doc.map.links_from(claim).next().map(|(id, _)| id)
        })
    }

    /// A new premise joined to the selected link (or to the link the
    /// selected claim is a premise of), opened for typing. A claim that is
    /// a premise of nothing gets a new reason instead.
    pub(super) fn add_co_premise(&mut self) {
        self.finish_editing();
        let Some(link) = self.acted_on_link() else {
            if self.view.selection.single().is_some() {
                self.add_reply(LinkKind::Support);
                self.messages.status(
                    "It answers nothing, so there is no link to share: the new claim is a reason \
                     for it",
                );
            } else {
                self.single_selected();
            }
            return;
        };
        if let Some((edit, id)) = edit::new_co_premise(&self.doc.map, link, "") {
            self.doc.apply(edit, "Add co-premise");
            self.start_editing(id, true);
        }
    }

    /// A new claim attacking the selected link (or the link the selected
    /// claim is a premise of): "that does not follow", opened for typing.
    pub(super) fn object_to_inference(&mut self) {
        self.finish_editing();
        let Some(link) = self.acted_on_link() else {
            self.messages.status(
                "Select a reason or an objection (or its link): an objection to the inference \
                 attacks the step from it to what it answers",
            );
            return;
        };
        if let Some((edit, id)) = edit::new_undercut(&self.doc.map, link, "") {
            self.doc.apply(edit, "Object to the inference");
            self.start_editing(id, true);
        }
    }

    pub(super) fn add_reply(&mut self, kind: LinkKind) {
        self.finish_editing();
        // On a selected link, Tab and Shift+Tab answer the link itself.
        if self.view.selection.link.is_some() {
            match kind {
                LinkKind::Support => self.add_co_premise(),
                LinkKind::Attack => self.object_to_inference(),
            }
            return;
        }
        let Some(parent) = self.single_selected() else {
            return;
        };
        let Some((edit, id)) = edit::new_reply(&self.doc.map, parent, kind, "") else {
            return;
        };
        let label = match kind {
            LinkKind::Support => "Add reason",
            LinkKind::Attack => "Add objection",
        };
        self.doc.apply(edit, label);
        self.start_editing(id, true);
    }
}
