use super::Edit;
use crate::model::{ClaimId, Map};

/// What a run of typing changes: edits to the same thing join one undo
/// step until the step is sealed (the field loses the focus).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Typing {
    /// A field of one claim.
    Claim(ClaimId, ClaimField),
    /// The map's title.
    Title,
    /// A source's reference details, in the Sources window.
    Sources,
}

/// A field of a claim that is typed or chosen in the inspector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimField {
    /// What the claim says.
    Text,
    /// Its short title.
    Title,
    /// Claim, evidence or note.
    Kind,
    /// The speaker's note.
    Note,
    /// Which source and paragraph it cites.
    Citation,
    /// Its tags.
    Tags,
    /// The speech of the round that made it.
    Speech,
}

impl ClaimField {
    /// The field as the Edit menu names it: "Undo edit note".
    pub fn label(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Title => "title",
            Self::Kind => "kind",
            Self::Note => "note",
            Self::Citation => "citation",
            Self::Tags => "tags",
            Self::Speech => "speech",
        }
    }
}

/// Undo and redo, as data: each step keeps the edit that undoes it and the
/// edit that redoes it. Never saved.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Counts steps ever made, so each state of the map has a number.
    next_step: u64,
    /// The number of the state that was last saved (0: the opened state).
    saved_state: Option<u64>,
    /// While set, edits are refused: the map is shown read-only (it needs
    /// repair first).
    locked: bool,
    /// An edit was refused since this was last asked.
    refused: bool,
}

#[derive(Debug)]
struct Step {
    /// What people call the step, for "Undo move" in the Edit menu.
    label: String,
    /// Applied to the map after the step, gives the map before it.
    undo: Edit,
    /// The number of the state the step leads to.
    state: u64,
    /// While set, later edits with the same key join this step (typing).
    open_key: Option<Typing>,
}

/// Takes the last step of `from`, applies it, and puts its inverse on `to`:
/// undo and redo are the same move in opposite directions.
fn replay(from: &mut Vec<Step>, to: &mut Vec<Step>, map: &mut Map) -> Option<String> {
    let step = from.pop()?;
    let inverse = step.undo.apply(map);
    to.push(Step {
        label: step.label.clone(),
        undo: inverse,
        state: step.state,
        open_key: None,
    });
    Some(step.label)
}

/// How many steps are kept; older ones are dropped.
const MAX_STEPS: usize = 1000;

impl History {
    /// A history whose opened state counts as saved.
    pub fn new() -> Self {
        Self {
            saved_state: Some(0),
            ..Self::default()
        }
    }

    /// Applies `edit` to `map` as one undoable step called `label`. An edit
    /// that changes nothing makes no step.
    pub fn apply(&mut self, map: &mut Map, edit: Edit, label: impl Into<String>) {
        if self.refuse() {
            return;
        }
        let undo = edit.apply(map);
        if undo.is_nothing() {
            return;
        }
        self.push(label.into(), undo, None);
    }

    /// Applies `edit` and joins it to the last step when that step is still
    /// open under the same `key` (one step for a whole typing session);
    /// otherwise starts a new step, open under `key`, called `label`.
    pub fn apply_coalescing(
        &mut self,
        map: &mut Map,
        edit: Edit,
        label: impl Into<String>,
        key: Typing,
    ) {
        if self.refuse() {
            return;
        }
        let undo = edit.apply(map);
        if undo.is_nothing() {
            return;
        }
        match self.undo.last_mut() {
            Some(last) if last.open_key == Some(key) && self.redo.is_empty() => {
                let earlier = std::mem::replace(&mut last.undo, Edit::nothing());
                last.undo = Edit::Batch(vec![undo, earlier]);
                // A new state: what was saved is no longer what is shown.
                self.next_step += 1;
                last.state = self.next_step;
            }
            _ => self.push(label.into(), undo, Some(key)),
        }
    }

    /// Refuses every edit from now on (`true`), or accepts them again.
    pub fn lock(&mut self, locked: bool) {
        self.locked = locked;
    }

    /// Whether edits are refused.
    pub fn is_locked(&self) -> bool {
        self.locked
    }

    /// Whether an edit was refused since the last call.
    pub fn take_refused(&mut self) -> bool {
        std::mem::take(&mut self.refused)
    }

    /// Notes that an edit was asked for: true, and remembered for
    /// [`Self::take_refused`], when edits are refused.
    pub fn refuse(&mut self) -> bool {
        self.refused |= self.locked;
        self.locked
    }

    /// Opens the last step under `key`, so that edits made with
    /// [`Self::apply_coalescing`] join it (typing into a claim just added).
    pub fn open_last(&mut self, key: Typing) {
        if let Some(last) = self.undo.last_mut() {
            last.open_key = Some(key);
        }
    }

    /// Closes the last step: later edits make steps of their own.
    pub fn seal(&mut self) {
        if let Some(last) = self.undo.last_mut() {
            last.open_key = None;
        }
    }

    fn push(&mut self, label: String, undo: Edit, open_key: Option<Typing>) {
        self.next_step += 1;
        self.undo.push(Step {
            label,
            undo,
            state: self.next_step,
            open_key,
        });
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Undoes the last step and returns its label; `None` when there is none.
    pub fn undo(&mut self, map: &mut Map) -> Option<String> {
        replay(&mut self.undo, &mut self.redo, map)
    }

    /// Redoes the last undone step and returns its label; `None` when there
    /// is none.
    pub fn redo(&mut self, map: &mut Map) -> Option<String> {
        replay(&mut self.redo, &mut self.undo, map)
    }

    /// Undoes the last step and forgets it, as if it never happened (a new
    /// claim left empty).
    pub fn discard_last(&mut self, map: &mut Map) {
        if let Some(step) = self.undo.pop() {
            let _ = step.undo.apply(map);
        }
    }

    /// The label of the step that undo would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|step| step.label.as_str())
    }

    /// The label of the step that redo would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|step| step.label.as_str())
    }

    /// A number for the current state of the map: it changes with every
    /// edit, undo and redo, and comes back when the map does, so views can
    /// keep work done for a state until the map changes.
    pub fn revision(&self) -> u64 {
        self.current_state()
    }

    fn current_state(&self) -> u64 {
        self.undo.last().map_or(0, |step| step.state)
    }

    /// Remembers the current state as the one on disk.
    pub fn mark_saved(&mut self) {
        self.saved_state = Some(self.current_state());
    }

    /// Marks the map as never saved (a copy of a bundled map), so it counts
    /// as modified even before any edit.
    pub fn mark_unsaved(&mut self) {
        self.saved_state = None;
    }

    /// True when the map differs from what was last saved or opened;
    /// derived from the history, so undoing back to the saved state clears it.
    pub fn is_modified(&self) -> bool {
        self.saved_state != Some(self.current_state())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Pos};

    fn add(text: &str, id: u32) -> Edit {
        Edit::AddClaim {
            id: ClaimId(id),
            claim: Claim::new(text, Pos::default()),
        }
    }

    #[test]
    fn undo_redo_and_modified() {
        let mut map = Map::new("m");
        let mut history = History::new();
        assert!(!history.is_modified());
        history.apply(&mut map, add("a", 1), "add a");
        history.apply(&mut map, add("b", 2), "add b");
        assert!(history.is_modified());
        history.mark_saved();
        assert!(!history.is_modified());
        assert_eq!(history.undo_label(), Some("add b"));

        assert_eq!(history.undo(&mut map).as_deref(), Some("add b"));
        assert_eq!(map.claims.len(), 1);
        assert!(history.is_modified());
        assert_eq!(history.redo_label(), Some("add b"));
        assert!(history.redo(&mut map).is_some());
        assert_eq!(map.claims.len(), 2);
        assert!(!history.is_modified(), "back at the saved state");

        assert!(history.undo(&mut map).is_some());
        history.apply(&mut map, add("c", 3), "add c");
        assert!(history.redo(&mut map).is_none(), "a new step clears redo");
        assert!(history.undo(&mut map).is_some() && history.undo(&mut map).is_some());
        assert!(history.undo(&mut map).is_none());
        assert!(map.claims.is_empty());
    }

    #[test]
    fn typing_coalesces_into_one_step_until_sealed() {
        let mut map = Map::new("m");
        let mut history = History::new();
        let key = Typing::Claim(ClaimId(1), ClaimField::Text);
        history.apply(&mut map, add("", 1), "add");
        history.open_last(key);
        for text in ["a", "ab", "abc"] {
            let claim = Claim::new(text, Pos::default());
            history.apply_coalescing(
                &mut map,
                Edit::SetClaim {
                    id: ClaimId(1),
                    claim,
                },
                "edit",
                key,
            );
        }
        // Typing elsewhere (the title) makes a step of its own.
        history.apply_coalescing(
            &mut map,
            Edit::SetTitle("renamed".to_owned()),
            "rename",
            Typing::Title,
        );
        assert_eq!(history.undo_label(), Some("rename"));
        assert!(history.undo(&mut map).is_some());
        history.seal();
        let claim = Claim::new("abcd", Pos::default());
        history.apply_coalescing(
            &mut map,
            Edit::SetClaim {
                id: ClaimId(1),
                claim,
            },
            "edit",
            key,
        );
        assert_eq!(history.undo_label(), Some("edit"));
        assert!(history.undo(&mut map).is_some());
        assert_eq!(map.claims[&ClaimId(1)].text, "abc");
        assert_eq!(history.undo_label(), Some("add"));
        assert!(history.undo(&mut map).is_some());
        assert!(map.claims.is_empty(), "adding and typing were one step");
    }

    #[test]
    fn no_op_edits_make_no_step_and_discard_forgets() {
        let mut map = Map::new("m");
        let mut history = History::new();
        history.apply(&mut map, Edit::Move(Vec::new()), "move nothing");
        assert_eq!(history.undo_label(), None);
        history.apply(&mut map, add("a", 1), "add a");
        history.discard_last(&mut map);
        assert!(map.claims.is_empty());
        assert!(history.redo(&mut map).is_none());
        assert!(!history.is_modified());
    }
}
