//! What changed from one version of a map to another, by id: claims and
//! links added, removed and changed field by field, claims moved, and the
//! map's own settings. Ids are stable, so a renumbered file or a dragged
//! card is never mistaken for a rewrite.

use serde::Serialize;

use super::words::{self, Piece};
use crate::model::{
    Arrangement, Assessment, Citation, Claim, ClaimId, ClaimKind, Growth, Link, LinkId, Map, Pos,
    Standard,
};

/// An old and a new value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change<T> {
    /// Before.
    pub old: T,
    /// After.
    pub new: T,
}

impl<T: PartialEq + Clone> Change<T> {
    /// The change from `old` to `new`, if they differ.
    fn of(old: &T, new: &T) -> Option<Self> {
        (old != new).then(|| Self {
            old: old.clone(),
            new: new.clone(),
        })
    }
}

/// Every difference between two versions of a map.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MapDiff {
    /// The map's title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Change<String>>,
    /// Which claim is the thesis.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thesis: Option<Change<Option<ClaimId>>>,
    /// Claims added, removed or changed, by id.
    pub claims: Vec<ClaimDiff>,
    /// Claims whose card moved, and nothing else about them.
    pub moved: Vec<Moved>,
    /// Links added, removed or changed, by id.
    pub links: Vec<LinkDiff>,
    /// The order of presentation steps (or the claims skipped) changed.
    pub presentation: bool,
    /// Other settings of the map, in words: its direction, packing,
    /// evaluation, sources.
    pub settings: Vec<String>,
}

/// What happened to one claim.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum ClaimDiff {
    /// A new claim.
    Added {
        /// Its id.
        id: ClaimId,
        /// The claim.
        claim: Claim,
    },
    /// A claim no longer there.
    Removed {
        /// Its id.
        id: ClaimId,
        /// The claim as it was.
        claim: Claim,
    },
    /// A claim with some fields changed (its card may have moved too).
    Changed {
        /// Its id.
        id: ClaimId,
        /// What changed, in the order of the inspector.
        fields: Vec<Field>,
        /// Where its card moved, if it did.
        #[serde(skip_serializing_if = "Option::is_none")]
        moved: Option<Change<Pos>>,
    },
}

/// One changed field of a claim.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "field", rename_all = "snake_case")]
pub enum Field {
    /// Its text, with the words that went and came.
    Text {
        /// Before.
        old: String,
        /// After.
        new: String,
        /// Word by word.
        words: Vec<Piece>,
    },
    /// Its title.
    Title(Change<Option<String>>),
    /// Claim, evidence or note.
    Kind(Change<ClaimKind>),
    /// Its note.
    Note(Change<Option<String>>),
    /// Where in a source it comes from.
    Citation(Change<Option<Citation>>),
    /// Accepted, rejected or neither.
    Assessment(Change<Option<Assessment>>),
    /// Its tags.
    Tags(Change<Vec<String>>),
    /// Whether arranging leaves it in place.
    Pinned(Change<bool>),
    /// The proof standard it names (`None`: the map's default).
    Standard(Change<Option<Standard>>),
    /// The speech of the round that made it.
    Speech(Change<Option<String>>),
}

/// A claim whose card moved and nothing else.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Moved {
    /// The claim.
    pub id: ClaimId,
    /// Where from, where to.
    #[serde(flatten)]
    pub pos: Change<Pos>,
}

/// What happened to one link.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum LinkDiff {
    /// A new link.
    Added {
        /// Its id.
        id: LinkId,
        /// The link.
        link: Link,
    },
    /// A link no longer there.
    Removed {
        /// Its id.
        id: LinkId,
        /// The link as it was.
        link: Link,
    },
    /// A link whose kind, premises or target changed.
    Changed {
        /// Its id.
        id: LinkId,
        /// Before.
        old: Link,
        /// After.
        new: Link,
    },
}

impl MapDiff {
    /// Whether the two versions are the same map (positions included).
    pub fn is_empty(&self) -> bool {
        self.title.is_none()
            && self.thesis.is_none()
            && self.claims.is_empty()
            && self.moved.is_empty()
            && self.links.is_empty()
            && !self.presentation
            && self.settings.is_empty()
    }

    /// How many claims were added, removed, changed and only moved; links
    /// added, removed and changed.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts {
            moved: self.moved.len(),
            ..Counts::default()
        };
        for claim in &self.claims {
            match claim {
                ClaimDiff::Added { .. } => counts.claims_added += 1,
                ClaimDiff::Removed { .. } => counts.claims_removed += 1,
                ClaimDiff::Changed { .. } => counts.claims_changed += 1,
            }
        }
        for link in &self.links {
            match link {
                LinkDiff::Added { .. } => counts.links_added += 1,
                LinkDiff::Removed { .. } => counts.links_removed += 1,
                LinkDiff::Changed { .. } => counts.links_changed += 1,
            }
        }
        counts
    }
}

/// The size of a diff.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[expect(missing_docs, reason = "Each is what its name says.")]
pub struct Counts {
    pub claims_added: usize,
    pub claims_removed: usize,
    pub claims_changed: usize,
    pub moved: usize,
    pub links_added: usize,
    pub links_removed: usize,
    pub links_changed: usize,
}

/// What changed from `old` to `new`.
pub fn diff(old: &Map, new: &Map) -> MapDiff {
    let mut out = MapDiff {
        title: Change::of(&old.title, &new.title),
        thesis: Change::of(&old.thesis, &new.thesis),
        presentation: old.presentation != new.presentation,
        settings: settings(old, new),
        ..MapDiff::default()
    };
    for (&id, before, after) in paired(&old.claims, &new.claims) {
        match (before, after) {
            (None, Some(claim)) => out.claims.push(ClaimDiff::Added {
                id,
                claim: claim.clone(),
            }),
            (Some(claim), None) => out.claims.push(ClaimDiff::Removed {
                id,
                claim: claim.clone(),
            }),
            (Some(before), Some(after)) => {
                let fields = fields(before, after);
                let moved = Change::of(&before.pos, &after.pos);
                if !fields.is_empty() {
                    out.claims.push(ClaimDiff::Changed { id, fields, moved });
                } else if let Some(pos) = moved {
                    out.moved.push(Moved { id, pos });
                }
            }
            (None, None) => {}
        }
    }
    for (&id, before, after) in paired(&old.links, &new.links) {
        match (before, after) {
            (None, Some(link)) => out.links.push(LinkDiff::Added {
                id,
                link: link.clone(),
            }),
            (Some(link), None) => out.links.push(LinkDiff::Removed {
                id,
                link: link.clone(),
            }),
            (Some(before), Some(after)) if before != after => out.links.push(LinkDiff::Changed {
                id,
                old: before.clone(),
                new: after.clone(),
            }),
            _ => {}
        }
    }
    out
}

/// Every key of two sorted maps, in order, with the value each holds.
pub(super) fn paired<'a, K: Ord, V>(
    old: &'a std::collections::BTreeMap<K, V>,
    new: &'a std::collections::BTreeMap<K, V>,
) -> impl Iterator<Item = (&'a K, Option<&'a V>, Option<&'a V>)> {
    let mut a = old.iter().peekable();
    let mut b = new.iter().peekable();
    std::iter::from_fn(move || {
        let order = match (a.peek(), b.peek()) {
            (Some((ka, _)), Some((kb, _))) => ka.cmp(kb),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => return None,
        };
        Some(match order {
            std::cmp::Ordering::Less => {
                let (k, v) = a.next()?;
                (k, Some(v), None)
            }
            std::cmp::Ordering::Greater => {
                let (k, v) = b.next()?;
                (k, None, Some(v))
            }
            std::cmp::Ordering::Equal => {
                let (k, va) = a.next()?;
                let (_, vb) = b.next()?;
                (k, Some(va), Some(vb))
            }
        })
    })
}

/// The fields of a claim that changed, position aside.
fn fields(old: &Claim, new: &Claim) -> Vec<Field> {
    let mut fields = Vec::new();
    if old.text != new.text {
        fields.push(Field::Text {
            old: old.text.clone(),
            new: new.text.clone(),
            words: words::diff(&old.text, &new.text),
        });
    }
    fields.extend(Change::of(&old.title, &new.title).map(Field::Title));
    fields.extend(Change::of(&old.kind, &new.kind).map(Field::Kind));
    fields.extend(Change::of(&old.note, &new.note).map(Field::Note));
    fields.extend(Change::of(&old.source, &new.source).map(Field::Citation));
    fields.extend(Change::of(&old.assessment, &new.assessment).map(Field::Assessment));
    fields.extend(Change::of(&old.tags, &new.tags).map(Field::Tags));
    fields.extend(Change::of(&old.pinned, &new.pinned).map(Field::Pinned));
    fields.extend(Change::of(&old.standard, &new.standard).map(Field::Standard));
    fields.extend(Change::of(&old.speech, &new.speech).map(Field::Speech));
    fields
}

/// The map's other settings that changed, each in words.
fn settings(old: &Map, new: &Map) -> Vec<String> {
    let mut said = Vec::new();
    if old.direction != new.direction {
        let name = |d: Growth| match d {
            Growth::Down => "top-down",
            Growth::Right => "left to right",
        };
        said.push(format!(
            "direction: {} → {}",
            name(old.direction),
            name(new.direction)
        ));
    }
    if old.arrangement != new.arrangement {
        let name = |a: Arrangement| match a {
            Arrangement::Compact => "compact",
            Arrangement::Wide => "wide",
        };
        said.push(format!(
            "arrangement: {} → {}",
            name(old.arrangement),
            name(new.arrangement)
        ));
    }
    if old.round != new.round {
        let name = |r: Option<&crate::model::Round>| {
            r.map_or_else(
                || "none".to_owned(),
                |r| format!("{} round", r.format.label()),
            )
        };
        said.push(format!(
            "round: {} → {}",
            name(old.round.as_ref()),
            name(new.round.as_ref())
        ));
    }
    if old.citation_style != new.citation_style {
        said.push(format!(
            "citation style: {} → {}",
            old.citation_style.label(),
            new.citation_style.label()
        ));
    }
    let (a, b) = (&old.evaluation, &new.evaluation);
    if a.mode != b.mode {
        said.push(format!("evaluation: {:?} → {:?}", a.mode, b.mode));
    }
    if a.presumption != b.presumption {
        said.push(format!(
            "presumption: {} → {}",
            a.presumption.value(),
            b.presumption.value()
        ));
    }
    if a.standard != b.standard {
        said.push(format!(
            "default standard: {} → {}",
            a.standard.label(),
            b.standard.label()
        ));
    }
    if a.checks_off != b.checks_off {
        said.push("map checks switched on or off".to_owned());
    }
    for (key, before, after) in paired(&old.sources, &new.sources) {
        match (before, after) {
            (None, Some(source)) => said.push(format!("source {key} added: {}", source.title)),
            (Some(source), None) => said.push(format!("source {key} removed: {}", source.title)),
            (Some(a), Some(b)) if a != b => said.push(format!("source {key} changed")),
            _ => {}
        }
    }
    said
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LinkKind, Target};

    fn base() -> Map {
        let mut map = Map::new("Homework");
        let thesis = map.add_claim(Claim::new(
            "Homework should be optional.",
            Pos::new(0.0, 0.0),
        ));
        let reason = map.add_claim(Claim::new("Children need rest.", Pos::new(0.0, 200.0)));
        map.thesis = Some(thesis);
        map.add_link(Link::new(
            LinkKind::Support,
            vec![reason],
            Target::Claim(thesis),
        ));
        map
    }

    #[test]
    fn the_same_map_has_no_diff() {
        assert!(diff(&base(), &base()).is_empty());
    }

    #[test]
    fn each_kind_of_change_is_named_by_id() {
        let old = base();
        let mut new = base();
        new.title = "Homework, revised".into();
        if let Some(c) = new.claims.get_mut(&ClaimId(1)) {
            c.text = "Homework should be voluntary.".into();
            c.kind = ClaimKind::Evidence;
        }
        if let Some(c) = new.claims.get_mut(&ClaimId(2)) {
            c.pos = Pos::new(50.0, 200.0);
        }
        let objection = new.add_claim(Claim::new("Practice builds habits.", Pos::default()));
        new.add_link(Link::new(
            LinkKind::Attack,
            vec![objection],
            Target::Claim(ClaimId(1)),
        ));
        new.links.remove(&LinkId(1));
        let d = diff(&old, &new);
        assert_eq!(
            d.title.as_ref().map(|c| c.new.as_str()),
            Some("Homework, revised")
        );
        let counts = d.counts();
        assert_eq!(
            (counts.claims_added, counts.claims_changed, counts.moved),
            (1, 1, 1)
        );
        assert_eq!((counts.links_added, counts.links_removed), (1, 1));
        let ClaimDiff::Changed { fields, .. } = &d.claims[0] else {
            panic!("{:?}", d.claims[0]);
        };
        assert!(matches!(&fields[0], Field::Text { words, .. }
            if words.contains(&Piece::Came("voluntary.".into()))));
        assert!(matches!(&fields[1], Field::Kind(_)));
    }
}
