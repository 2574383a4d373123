//! Three versions of a map merged by id, as git merges text: what one side
//! changed and the other did not is taken; changes to different claims,
//! links or fields combine; both sides' additions are kept (theirs
//! renumbered where both used an id). A real conflict, the same field set
//! to two values, never breaks the file: ours is kept, theirs is written
//! into a clearly marked note on the claim, and the claim is tagged
//! [`CONFLICT_TAG`] so the editor can list it. Nothing either side added
//! is lost, and the result always validates.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Claim, ClaimId, Link, LinkId, Map, Target};

pub use crate::model::CONFLICT_TAG;
/// How a conflict note starts, so it stands out in the note and can be
/// found.
pub const CONFLICT_MARK: &str = "⚠ Merge conflict:";

/// The result of a merge.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The merged map; it always validates.
    pub map: Map,
    /// What could not be combined, each in words, naming the claim.
    pub conflicts: Vec<String>,
    /// Claims and links of theirs given new ids, because ours used the
    /// same id for something else: (old, new), claims first.
    pub renumbered: Vec<String>,
}

impl Merged {
    /// Whether the merge went through without a conflict.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }
}

/// Why two versions could not be merged at all (nothing is written).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    /// Theirs added claims or links under ids ours used for something
    /// else, and no id is left above the largest to move them to.
    #[error(
        "theirs added {what} under ids ours used for something else, and no id is left to give them: \
         the maps already use ids up to {max}, the largest there is"
    )]
    OutOfIds {
        /// "claims" or "links".
        what: &'static str,
        /// The largest id there is.
        max: u32,
    },
}

/// Merges `ours` and `theirs`, both changed from `base`.
///
/// # Errors
/// When theirs must be renumbered past the largest id there is: nothing
/// is merged rather than a claim lost.
pub fn merge(base: &Map, ours: &Map, theirs: &Map) -> Result<Merged, MergeError> {
    let mut out = Merged {
        map: ours.clone(),
        conflicts: Vec::new(),
        renumbered: Vec::new(),
    };
    let theirs = renumbered(base, ours, theirs, &mut out.renumbered)?;
    let theirs = &theirs;
    // No id either side ever handed out is given to a new claim later.
    out.map.issued = base.issued.max(ours.issued).max(theirs.issued);
    let mut marks = Marks::default();
    out.map.title = pick(&base.title, &ours.title, &theirs.title, || {
        marks.map(format!("the title: theirs was “{}”", theirs.title));
    });
    out.map.direction = pick(&base.direction, &ours.direction, &theirs.direction, || {
        marks.map("the direction: theirs was another".to_owned());
    });
    out.map.arrangement = pick(
        &base.arrangement,
        &ours.arrangement,
        &theirs.arrangement,
        || marks.map("the arrangement: theirs was another".to_owned()),
    );
    out.map.round = pick(&base.round, &ours.round, &theirs.round, || {
        marks.map("the round (format, motion, teams or speakers): theirs was another".to_owned());
    });
    out.map.citation_style = pick(
        &base.citation_style,
        &ours.citation_style,
        &theirs.citation_style,
        || marks.map("the citation style: theirs was another".to_owned()),
    );
    out.map.evaluation = pick(
        &base.evaluation,
        &ours.evaluation,
        &theirs.evaluation,
        || {
            marks.map("the evaluation settings: theirs were others".to_owned());
        },
    );
    out.map.presentation = pick(
        &base.presentation,
        &ours.presentation,
        &theirs.presentation,
        || marks.map("the presentation order: theirs was another".to_owned()),
    );
    out.map.sources = merge_keyed(
        &base.sources,
        &ours.sources,
        &theirs.sources,
        PartialEq::eq,
        |key, clash| match clash {
            Clash::Both => marks.map(format!("source {key}: theirs was another")),
            Clash::Deleted => marks.map(format!(
                "source {key}: deleted on one side, changed on the other, so kept"
            )),
        },
    );
    out.map.claims = merge_claims(base, ours, theirs, &mut marks);
    out.map.links = merge_links(base, ours, theirs, &mut marks);
    out.map.thesis = pick(&base.thesis, &ours.thesis, &theirs.thesis, || {
        let shown = theirs.thesis.map_or("none".to_owned(), |t| t.to_string());
        marks.map(format!("the thesis: theirs was {shown}"));
    });
    keep_what_is_used(base, ours, theirs, &mut out.map, &mut marks);
    undo_link_cycles(ours, &mut out.map, &mut marks);
    marks.write(&mut out.map, &mut out.conflicts);
    tidy(&mut out.map, &mut out.conflicts);
    Ok(out)
}

/// What to mark once the merge is done: per claim, the conflicts to note.
#[derive(Default)]
struct Marks {
    claims: BTreeMap<ClaimId, Vec<String>>,
    map: Vec<String>,
}

impl Marks {
    fn claim(&mut self, id: ClaimId, what: String) {
        self.claims.entry(id).or_default().push(what);
    }

    fn map(&mut self, what: String) {
        self.map.push(what);
    }

    /// Notes each conflict on its claim (once: a merge repeated does not
    /// note it again) and tags the claim; conflicts of the map as a whole
    /// go on its thesis, or on a note card when it has none.
    fn write(self, map: &mut Map, said: &mut Vec<String>) {
        let mut claims = self.claims;
        if !self.map.is_empty() {
            let host = map.thesis.filter(|t| map.claims.contains_key(t));
            let host = host.unwrap_or_else(|| {
                let card = Claim {
                    kind: crate::model::ClaimKind::Note,
                    ..Claim::new(
                        "Merge conflicts in the map's settings",
                        crate::model::Pos::default(),
                    )
                };
                let earlier = map
                    .claims
                    .iter()
                    .find(|(_, c)| c.text == card.text && c.kind == card.kind)
                    .map(|(&id, _)| id);
                earlier.unwrap_or_else(|| map.add_claim(card))
            });
            claims
                .entry(host)
                .or_default()
                .extend(self.map.iter().map(|m| format!("in the map, {m}")));
        }
        for (id, whats) in claims {
            said.extend(whats.iter().map(|what| format!("claim {id}: {what}")));
            let Some(claim) = map.claims.get_mut(&id) else {
                continue;
            };
            let mut note = claim.note.clone().unwrap_or_default();
            for what in whats {
                let line = format!("{CONFLICT_MARK} {what}");
                if !note.lines().any(|l| l == line) {
                    if !note.is_empty() {
                        note.push('\n');
                    }
                    note.push_str(&line);
                }
            }
            claim.note = Some(note);
            if !claim.tags.iter().any(|t| t == CONFLICT_TAG) {
                claim.tags.push(CONFLICT_TAG.to_owned());
            }
        }
    }
}

/// The merged value of one field: whichever side changed it, or ours
/// (and `conflict` is called) when both changed it differently.
fn pick<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T, conflict: impl FnOnce()) -> T {
    if ours == theirs || theirs == base {
        ours.clone()
    } else if ours == base {
        theirs.clone()
    } else {
        conflict();
        ours.clone()
    }
}

/// What [`merge_keyed`] could not simply combine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Clash {
    /// Both sides set it to different values: ours is kept.
    Both,
    /// One side deleted it, the other changed it: the change is kept.
    Deleted,
}

/// Entries by key merged whole, `same` telling what counts as a change:
/// added by either side, removed by either (unless the other changed
/// them: kept, and `clash` told), changed by one; changed by both
/// differently: ours, and `clash` told.
fn merge_keyed<K: Ord + Clone, V: Clone>(
    base: &BTreeMap<K, V>,
    ours: &BTreeMap<K, V>,
    theirs: &BTreeMap<K, V>,
    same: impl Fn(&V, &V) -> bool,
    mut clash: impl FnMut(&K, Clash),
) -> BTreeMap<K, V> {
    let keys: BTreeSet<&K> = base
        .keys()
        .chain(ours.keys())
        .chain(theirs.keys())
        .collect();
    let mut out = BTreeMap::new();
    for key in keys {
        let kept = match (base.get(key), ours.get(key), theirs.get(key)) {
            (None, Some(o), None) => Some(o),
            (None, None, Some(t)) => Some(t),
            (b, Some(o), Some(t)) => {
                if same(o, t) || b.is_some_and(|b| same(b, t)) {
                    Some(o)
                } else if b.is_some_and(|b| same(b, o)) {
                    Some(t)
                } else {
                    clash(key, Clash::Both);
                    Some(o)
                }
            }
            (Some(b), Some(kept), None) | (Some(b), None, Some(kept)) => {
                (!same(kept, b)).then(|| {
                    clash(key, Clash::Deleted);
                    kept
                })
            }
            (Some(_) | None, None, None) => None,
        };
        if let Some(value) = kept {
            out.insert(key.clone(), value.clone());
        }
    }
    out
}

/// `claim` without what an earlier merge marked on it (its conflict
/// notes and tag): marks alone do not count as a change.
fn unmarked(claim: &Claim) -> Claim {
    let note = claim.note.as_deref().map(|note| {
        note.lines()
            .filter(|l| !l.starts_with(CONFLICT_MARK))
            .collect::<Vec<_>>()
            .join("\n")
    });
    Claim {
        note: note.filter(|n| !n.is_empty()),
        tags: claim
            .tags
            .iter()
            .filter(|t| *t != CONFLICT_TAG)
            .cloned()
            .collect(),
        ..claim.clone()
    }
}

/// Two claims say the same thing (wherever their cards are).
fn same_claim(a: &Claim, b: &Claim) -> bool {
    Claim {
        pos: b.pos,
        ..a.clone()
    } == *b
}

/// `theirs` with the claims and links it added under ids that ours added
/// too (for something else) moved to ids free in all three versions.
/// One that ours already has under another new id (a merge done before)
/// takes that id instead, so merging again changes nothing.
fn renumbered(
    base: &Map,
    ours: &Map,
    theirs: &Map,
    said: &mut Vec<String>,
) -> Result<Map, MergeError> {
    let issued = base.issued.max(ours.issued).max(theirs.issued);
    let claim_ids = new_ids(
        [&base.claims, &ours.claims, &theirs.claims],
        issued.claims,
        same_claim,
        |id| id.0,
        ClaimId,
    )
    .ok_or(MergeError::OutOfIds {
        what: "claims",
        max: u32::MAX,
    })?;
    let claim = |id: ClaimId| claim_ids.get(&id).copied().unwrap_or(id);
    let mut out = theirs.clone();
    out.claims = theirs
        .claims
        .iter()
        .map(|(&id, c)| (claim(id), c.clone()))
        .collect();
    out.thesis = theirs.thesis.map(claim);
    for id in out
        .presentation
        .steps
        .iter_mut()
        .flatten()
        .chain(out.presentation.skip.iter_mut())
    {
        *id = claim(*id);
    }
    for link in out.links.values_mut() {
        for premise in &mut link.premises {
            *premise = claim(*premise);
        }
        if let Target::Claim(t) = &mut link.target {
            *t = claim(*t);
        }
    }
    // Links, once their claims are renumbered.
    let link_ids = new_ids(
        [&base.links, &ours.links, &out.links],
        issued.links,
        |a, b| a == b,
        |id| id.0,
        LinkId,
    )
    .ok_or(MergeError::OutOfIds {
        what: "links",
        max: u32::MAX,
    })?;
    out.issued = issued;
    if let Some(highest) = claim_ids.values().max() {
        out.mark_claim_issued(*highest);
    }
    if let Some(highest) = link_ids.values().max() {
        out.mark_link_issued(*highest);
    }
    let link = |id: LinkId| link_ids.get(&id).copied().unwrap_or(id);
    out.links = std::mem::take(&mut out.links)
        .into_iter()
        .map(|(id, mut l)| {
            if let Target::Link(t) = &mut l.target {
                *t = link(*t);
            }
            (link(id), l)
        })
        .collect();
    for (from, to) in &claim_ids {
        said.push(format!("their claim {from} is now {to}"));
    }
    for (from, to) in &link_ids {
        said.push(format!("their link {from} is now link {to}"));
    }
    Ok(out)
}

/// New ids for what `theirs` added under an id `ours` added something
/// else under: the id of an equal addition of ours if there is one, else
/// the next id free in all three and above every id `issued`. `None` when
/// that would pass the largest id there is.
fn new_ids<Id: Ord + Copy, V>(
    [base, ours, theirs]: [&BTreeMap<Id, V>; 3],
    issued: u32,
    same: fn(&V, &V) -> bool,
    number: fn(Id) -> u32,
    make: fn(u32) -> Id,
) -> Option<BTreeMap<Id, Id>> {
    let mut next = [base, ours, theirs]
        .iter()
        .filter_map(|m| m.keys().next_back())
        .map(|&id| number(id))
        .max()
        .unwrap_or(0)
        .max(issued);
    let ours_added: Vec<(Id, &V)> = ours
        .iter()
        .filter(|(id, _)| !base.contains_key(id))
        .map(|(&id, v)| (id, v))
        .collect();
    let mut ids = BTreeMap::new();
    for (&id, value) in theirs {
        let collides = !base.contains_key(&id) && ours.get(&id).is_some_and(|o| !same(o, value));
        if !collides {
            continue;
        }
        // Not an id theirs uses itself, nor one already given.
        let earlier = ours_added
            .iter()
            .find(|(other, v)| {
                !theirs.contains_key(other)
                    && !ids.values().any(|given| given == other)
                    && same(v, value)
            })
            .map(|(other, _)| *other);
        let to = if let Some(to) = earlier {
            to
        } else {
            next = next.checked_add(1)?;
            make(next)
        };
        ids.insert(id, to);
    }
    Some(ids)
}

/// Every claim of the three versions, merged field by field.
fn merge_claims(
    base: &Map,
    ours: &Map,
    theirs: &Map,
    marks: &mut Marks,
) -> BTreeMap<ClaimId, Claim> {
    let ids: BTreeSet<ClaimId> = base
        .claims
        .keys()
        .chain(ours.claims.keys())
        .chain(theirs.claims.keys())
        .copied()
        .collect();
    let mut out = BTreeMap::new();
    for id in ids {
        let (b, o, t) = (
            base.claims.get(&id),
            ours.claims.get(&id),
            theirs.claims.get(&id),
        );
        let merged = match (b, o, t) {
            (None, Some(o), _) => Some(o.clone()),
            (None, None, Some(t)) => Some(t.clone()),
            (Some(b), Some(o), Some(t)) => Some(merge_claim(id, b, o, t, marks)),
            // Deleted on one side: gone, unless the other side changed it.
            (Some(b), Some(o), None) => (!same_claim(b, &unmarked(o))).then(|| {
                marks.claim(
                    id,
                    "theirs deleted this claim; ours changed it, so it is kept".into(),
                );
                o.clone()
            }),
            (Some(b), None, Some(t)) => (!same_claim(b, &unmarked(t))).then(|| {
                marks.claim(
                    id,
                    "ours deleted this claim; theirs changed it, so it is kept".into(),
                );
                t.clone()
            }),
            (Some(_) | None, None, None) => None,
        };
        if let Some(claim) = merged {
            out.insert(id, claim);
        }
    }
    out
}

/// One claim both sides kept, merged field by field. Tags are merged as
/// sets; the card's position is ours if we moved it, else theirs (moves
/// never conflict).
fn merge_claim(
    id: ClaimId,
    base: &Claim,
    ours: &Claim,
    theirs: &Claim,
    marks: &mut Marks,
) -> Claim {
    let mut said = Vec::new();
    let mut field = |name: &str, theirs_was: String| {
        said.push(format!("{name}: theirs was {theirs_was}"));
    };
    let text = pick(&base.text, &ours.text, &theirs.text, || {
        field("the text", format!("“{}”", theirs.text));
    });
    let title = pick(&base.title, &ours.title, &theirs.title, || {
        field("the title", shown(theirs.title.as_deref()));
    });
    let kind = pick(&base.kind, &ours.kind, &theirs.kind, || {
        field("the kind", theirs.kind.label().to_lowercase());
    });
    let note = pick(&base.note, &ours.note, &theirs.note, || {
        field("the note", shown(theirs.note.as_deref()));
    });
    let source = pick(&base.source, &ours.source, &theirs.source, || {
        field(
            "the citation",
            theirs
                .source
                .as_ref()
                .map_or("none".into(), |c| c.doc.clone()),
        );
    });
    let assessment = pick(
        &base.assessment,
        &ours.assessment,
        &theirs.assessment,
        || {
            field(
                "the assessment",
                format!("{:?}", theirs.assessment).to_lowercase(),
            );
        },
    );
    let standard = pick(&base.standard, &ours.standard, &theirs.standard, || {
        field(
            "the standard of proof",
            theirs
                .standard
                .map_or("the map's", |s| s.label())
                .to_owned(),
        );
    });
    let pinned = pick(&base.pinned, &ours.pinned, &theirs.pinned, || {});
    let speech = pick(&base.speech, &ours.speech, &theirs.speech, || {
        field("the speech", shown(theirs.speech.as_deref()));
    });
    for what in said {
        marks.claim(id, what);
    }
    let pos = if ours.pos == base.pos {
        theirs.pos
    } else {
        ours.pos
    };
    Claim {
        text,
        title,
        kind,
        speech,
        note,
        source,
        pos,
        tags: merge_tags(&base.tags, &ours.tags, &theirs.tags),
        pinned,
        assessment,
        standard,
    }
}

/// A value as a conflict note quotes it.
fn shown(value: Option<&str>) -> String {
    value.map_or("none".to_owned(), |v| format!("“{v}”"))
}

/// Tags as sets: ours in our order, then those theirs added; those either
/// side removed are gone.
fn merge_tags(base: &[String], ours: &[String], theirs: &[String]) -> Vec<String> {
    if ours == base {
        return theirs.to_vec();
    }
    if theirs == base {
        return ours.to_vec();
    }
    let removed = |side: &[String], tag: &String| base.contains(tag) && !side.contains(tag);
    let mut out: Vec<String> = ours
        .iter()
        .filter(|t| !removed(theirs, t))
        .cloned()
        .collect();
    for tag in theirs {
        if !base.contains(tag) && !out.contains(tag) {
            out.push(tag.clone());
        }
    }
    out
}

/// Every link of the three versions: what it joins (kind, premises,
/// target) merged whole, its weight as a field of its own — one side may
/// reweigh a link the other re-aims. What joins it changed on both sides
/// differently keeps ours, and so does a weight both changed; each is
/// noted on its first premise.
fn merge_links(base: &Map, ours: &Map, theirs: &Map, marks: &mut Marks) -> BTreeMap<LinkId, Link> {
    let mut merged = merge_keyed(
        &base.links,
        &ours.links,
        &theirs.links,
        Link::joins_as,
        |&id, clash| {
            let (o, t) = (ours.links.get(&id), theirs.links.get(&id));
            let Some(&premise) = o.or(t).and_then(|l| l.premises.first()) else {
                return;
            };
            let what = match (clash, t) {
                (Clash::Both, Some(t)) => format!(
                    "link {id} from here: theirs was {}",
                    super::report::describe(t)
                ),
                (Clash::Deleted, _) if o.is_some() => {
                    format!(
                        "link {id} from here: theirs deleted it; ours changed it, so it is kept"
                    )
                }
                _ => format!(
                    "link {id} from here: ours deleted it; theirs changed it, so it is kept"
                ),
            };
            marks.claim(premise, what);
        },
    );
    for (id, link) in &mut merged {
        let weight = |map: &Map| map.links.get(id).map(|l| l.weight);
        let (w_base, w_ours, w_theirs) = (weight(base), weight(ours), weight(theirs));
        // A side without the link (added or deleted there) leaves its
        // weight to the side that has it.
        let picked = match (w_ours, w_theirs) {
            (Some(o), Some(t)) => pick(&w_base.unwrap_or(o), &o, &t, || {
                if let Some(&premise) = link.premises.first() {
                    marks.claim(
                        premise,
                        format!("link {id} from here: theirs weighed it {}", t.name()),
                    );
                }
            }),
            (Some(one), None) | (None, Some(one)) => one,
            (None, None) => w_base.unwrap_or_default(),
        };
        link.weight = picked;
    }
    merged
}

/// Brings back what one side deleted but the merged map still uses: the
/// premises and targets of links kept, the links that undercuts target,
/// the thesis, and the sources claims cite. Each is noted.
fn keep_what_is_used(base: &Map, ours: &Map, theirs: &Map, map: &mut Map, marks: &mut Marks) {
    let versions = [ours, theirs, base];
    loop {
        let mut wanted_claims = BTreeSet::new();
        let mut wanted_links = BTreeSet::new();
        for (&id, link) in &map.links {
            for premise in &link.premises {
                if !map.claims.contains_key(premise) {
                    wanted_claims.insert((*premise, id));
                }
            }
            match link.target {
                Target::Claim(t) if !map.claims.contains_key(&t) => {
                    wanted_claims.insert((t, id));
                }
                Target::Link(t) if !map.links.contains_key(&t) => {
                    wanted_links.insert((t, id));
                }
                _ => {}
            }
        }
        if wanted_claims.is_empty() && wanted_links.is_empty() {
            break;
        }
        let mut brought = false;
        for (claim, by) in wanted_claims {
            if let Some(c) = versions.iter().find_map(|v| v.claims.get(&claim)) {
                map.claims.insert(claim, c.clone());
                marks.claim(
                    claim,
                    format!("deleted on one side, kept because link {by} uses it"),
                );
                brought = true;
            }
        }
        for (link, by) in wanted_links {
            if let Some(l) = versions.iter().find_map(|v| v.links.get(&link)) {
                map.links.insert(link, l.clone());
                if let Some(&premise) = l.premises.first() {
                    marks.claim(
                        premise,
                        format!("link {link} from here was deleted on one side, kept because link {by} undercuts it"),
                    );
                }
                brought = true;
            }
        }
        if !brought {
            break;
        }
    }
    if let Some(thesis) = map.thesis
        && !map.claims.contains_key(&thesis)
        && let Some(c) = versions.iter().find_map(|v| v.claims.get(&thesis))
    {
        map.claims.insert(thesis, c.clone());
        marks.claim(
            thesis,
            "deleted on one side, kept because it is the thesis".into(),
        );
    }
    let cited: BTreeSet<String> = map
        .claims
        .values()
        .filter_map(|c| c.source.as_ref().map(|s| s.doc.clone()))
        .collect();
    for key in cited {
        if !map.sources.contains_key(&key)
            && let Some(source) = versions.iter().find_map(|v| v.sources.get(&key))
        {
            map.sources.insert(key, source.clone());
        }
    }
}

/// Leaves out of the presentation claims no longer there; anything still
/// unsound (links both sides turned into a cycle) is repaired and said.
/// Links that the two sides aimed so that, together, they attack each
/// other in a circle (each side sound alone): each link of the circle that
/// theirs changed goes back to ours, and theirs is noted on its first
/// premise as a conflict. No link is dropped.
fn undo_link_cycles(ours: &Map, map: &mut Map, marks: &mut Marks) {
    for id in links_on_cycles(map) {
        let (Some(own), Some(merged)) = (ours.links.get(&id), map.links.get(&id)) else {
            continue;
        };
        if own == merged {
            continue;
        }
        if let Some(&premise) = merged.premises.first() {
            marks.claim(
                premise,
                format!(
                    "link {id} from here: theirs was {}, which with ours made links attack each \
                     other in a circle; ours is kept",
                    super::report::describe(merged)
                ),
            );
        }
        map.links.insert(id, own.clone());
    }
}

/// The links of `map` on a circle of links that target links.
fn links_on_cycles(map: &Map) -> BTreeSet<LinkId> {
    let mut on = BTreeSet::new();
    for &start in map.links.keys() {
        let mut path = vec![start];
        let mut current = start;
        while let Some(Target::Link(next)) = map.links.get(&current).map(|l| l.target) {
            if let Some(at) = path.iter().position(|&p| p == next) {
                on.extend(&path[at..]);
                break;
            }
            if path.len() > map.links.len() {
                break;
            }
            path.push(next);
            current = next;
        }
    }
    on
}

fn tidy(map: &mut Map, said: &mut Vec<String>) {
    let claims = &map.claims;
    for step in &mut map.presentation.steps {
        step.retain(|id| claims.contains_key(id));
    }
    map.presentation.steps.retain(|s| !s.is_empty());
    map.presentation.skip.retain(|id| claims.contains_key(id));
    if !map.validate().is_empty() {
        for repaired in map.repair() {
            said.push(format!("repaired: {repaired}"));
        }
    }
}
