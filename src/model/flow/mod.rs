//! A round as debaters flow it: which speech made each argument, which
//! side answered what, the arguments *dropped* (the other side let them
//! pass) and *extended* (their own side carried them on), and the flow
//! sheet — a column per speech, each argument level with what it answers.
//!
//! The drop rule: an argument made by one side in speech *s* is dropped
//! when no argument of another side answers it (attacks it, or attacks
//! the link it makes) in any speech up to and including the first speech
//! of another side after *s*. An argument no other side speaks after
//! cannot be dropped; nor can one whose last chance has not come yet — a
//! round is flowed as it is given, so it has reached the latest speech
//! that made anything. A claim made in support of another of the same
//! speech (its evidence, its warrant) is part of that argument, as on a
//! paper flow, and is not dropped on its own. An answer from its own side
//! in a later speech extends it.

use std::collections::{BTreeMap, BTreeSet};

use super::{ClaimId, LinkKind, Map, Round, Speech, Target};

/// What the round says of the map's claims.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Flow {
    /// The speeches, in order.
    pub speeches: Vec<Speech>,
    /// The speech (its index) that made each claim that names one the
    /// round has.
    pub speech_of: BTreeMap<ClaimId, usize>,
    /// Each dropped argument, with the speech (index) it was dropped in:
    /// the other side's last chance to answer it.
    pub dropped: BTreeMap<ClaimId, usize>,
    /// Each extended argument, with the first later speech of its own side
    /// that carried it on.
    pub extended: BTreeMap<ClaimId, usize>,
}

impl Flow {
    /// The flow of `map`'s round, or `None` when the map is not a round.
    pub fn of(map: &Map) -> Option<Self> {
        map.round.as_ref().map(|round| Self::of_round(map, round))
    }

    /// The flow of `map` as a round of `round`.
    pub fn of_round(map: &Map, round: &Round) -> Self {
        let speeches = round.speeches();
        let index: BTreeMap<&str, usize> = speeches
            .iter()
            .enumerate()
            .map(|(i, s)| (s.name.as_str(), i))
            .collect();
        let speech_of: BTreeMap<ClaimId, usize> = map
            .claims
            .iter()
            .filter_map(|(&id, c)| Some((id, *index.get(c.speech.as_deref()?)?)))
            .collect();
        // Who answers each claim: premises of links into it, and of
        // attacks on the links it is a premise of.
        let mut answers: BTreeMap<ClaimId, Vec<(ClaimId, LinkKind)>> = BTreeMap::new();
        // Claims that support another claim of their own speech.
        let mut parts = std::collections::BTreeSet::new();
        for link in map.links.values() {
            let answered: Vec<ClaimId> = match link.target {
                Target::Claim(claim) => vec![claim],
                Target::Link(under) if link.kind == LinkKind::Attack => map
                    .links
                    .get(&under)
                    .map(|l| l.premises.clone())
                    .unwrap_or_default(),
                Target::Link(_) => Vec::new(),
            };
            for claim in answered {
                for &premise in &link.premises {
                    if premise != claim {
                        answers.entry(claim).or_default().push((premise, link.kind));
                    }
                }
            }
            if let (LinkKind::Support, Target::Claim(target)) = (link.kind, link.target) {
                for premise in &link.premises {
                    if speech_of
                        .get(premise)
                        .is_some_and(|s| speech_of.get(&target) == Some(s))
                    {
                        parts.insert(*premise);
                    }
                }
            }
        }
        // How far the round has come: the latest speech that said anything.
        let reached = speech_of.values().copied().max().unwrap_or(0);
        let mut flow = Self {
            speeches,
            speech_of,
            ..Self::default()
        };
        for (&id, &made) in &flow.speech_of {
            let side = &flow.speeches[made].side;
            let replies = answers.get(&id).map_or(&[][..], Vec::as_slice);
            let said_by = |claim: ClaimId| flow.speech_of.get(&claim).copied();
            if let Some(last_chance) = (made + 1..flow.speeches.len())
                .find(|&i| flow.speeches[i].side != *side)
                .filter(|&i| i <= reached && !parts.contains(&id))
            {
                let answered = replies.iter().any(|&(by, kind)| {
                    kind == LinkKind::Attack
                        && said_by(by)
                            .is_some_and(|s| s <= last_chance && flow.speeches[s].side != *side)
                });
                if !answered {
                    flow.dropped.insert(id, last_chance);
                }
            }
            let carried = replies
                .iter()
                .filter(|&&(_, kind)| kind == LinkKind::Support)
                .filter_map(|&(by, _)| said_by(by))
                .filter(|&s| s > made && flow.speeches[s].side == *side)
                .min();
            if let Some(carried) = carried {
                flow.extended.insert(id, carried);
            }
        }
        flow
    }

    /// The speech that made `claim`.
    pub fn speech(&self, claim: ClaimId) -> Option<&Speech> {
        self.speeches.get(*self.speech_of.get(&claim)?)
    }

    /// The side that made `claim`, if a speech did.
    pub fn side(&self, claim: ClaimId) -> Option<&str> {
        self.speech(claim).map(|s| s.side.as_str())
    }

    /// "dropped in O1", when `claim` was dropped.
    pub fn dropped_words(&self, claim: ClaimId) -> Option<String> {
        let speech = self.speeches.get(*self.dropped.get(&claim)?)?;
        Some(format!("dropped in {}", speech.name))
    }

    /// "extended in 2AC", when `claim` was extended.
    pub fn extended_words(&self, claim: ClaimId) -> Option<String> {
        let speech = self.speeches.get(*self.extended.get(&claim)?)?;
        Some(format!("extended in {}", speech.name))
    }
}

/// How a flow is laid out on sheets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sheets {
    /// Everything on one sheet.
    #[default]
    One,
    /// A sheet for each side's case, as on paper: an argument goes on the
    /// sheet of the side that began the line of argument it is part of.
    BySide,
}

/// One flow sheet: a column per speech (after a first column of claims no
/// speech made, when there are any), each claim in a cell.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    /// "Affirmative case", or "Flow" for the one sheet.
    pub title: String,
    /// Whether column 0 holds claims no speech made (the motion).
    pub outside_column: bool,
    /// Each claim's column and row.
    pub cells: BTreeMap<ClaimId, (usize, usize)>,
    /// How many rows it has.
    pub rows: usize,
}

impl Sheet {
    /// The column of speech `index`.
    pub fn column_of_speech(&self, index: usize) -> usize {
        index + usize::from(self.outside_column)
    }

    /// How many columns it has.
    pub fn columns(&self, flow: &Flow) -> usize {
        flow.speeches.len() + usize::from(self.outside_column)
    }
}

/// The flow sheets of `map`: its claims (notes aside) in their speeches'
/// columns, each level with what it answers — on the same row when it is
/// the first answer, below the answers before it otherwise — and each line
/// of argument below the one before.
pub fn sheets(map: &Map, flow: &Flow, how: Sheets) -> Vec<Sheet> {
    let parents = super::nav::parent_links(map);
    let shown: Vec<ClaimId> = map
        .claims
        .iter()
        .filter(|(_, c)| c.kind != super::ClaimKind::Note)
        .map(|(&id, _)| id)
        .collect();
    let mut children: BTreeMap<ClaimId, Vec<ClaimId>> = BTreeMap::new();
    let mut roots = Vec::new();
    for &id in &shown {
        match parents.get(&id) {
            Some(&(parent, _)) if map.claims.contains_key(&parent) => {
                children.entry(parent).or_default().push(id);
            }
            _ => roots.push(id),
        }
    }
    // In the order they were said: by speech, then as made.
    let said = |id: &ClaimId| (flow.speech_of.get(id).map_or(0, |&s| s + 1), *id);
    roots.sort_by_key(said);
    for list in children.values_mut() {
        list.sort_by_key(said);
    }
    // The side whose case a claim belongs to: that of the first claim a
    // speech made on the way up from it.
    let case_of = |mut id: ClaimId| {
        let mut side = None;
        for _ in 0..=map.claims.len() {
            if let Some(s) = flow.side(id) {
                side = Some(s.to_owned());
            }
            match parents.get(&id) {
                Some(&(parent, _)) => id = parent,
                None => break,
            }
        }
        side
    };
    let sides: Vec<String> = match map.round.as_ref() {
        Some(round) => round.format.sides(),
        None => Vec::new(),
    };
    let groups: Vec<(String, Option<String>)> = match how {
        Sheets::One => vec![("Flow".to_owned(), None)],
        Sheets::BySide => sides
            .iter()
            .map(|s| (format!("{s} case"), Some(s.clone())))
            .collect(),
    };
    let outside_column = shown.iter().any(|id| !flow.speech_of.contains_key(id));
    groups
        .into_iter()
        .enumerate()
        .map(|(n, (title, side))| {
            let mut sheet = Sheet {
                title,
                outside_column,
                ..Sheet::default()
            };
            // A claim on no side's case (none of its line was said in a
            // speech) goes on the first sheet.
            let belongs = |id: ClaimId| match (&side, case_of(id)) {
                (None, _) => true,
                (Some(side), Some(case)) => *side == case,
                (Some(_), None) => n == 0,
            };
            let mut placer = Placer {
                flow,
                children: &children,
                sheet: &mut sheet,
                next_free: Vec::new(),
                placed: BTreeSet::new(),
            };
            // A line of argument begins where its claim's parent is not on
            // this sheet (the motion, on the other side's case).
            let mut starts: Vec<ClaimId> = shown
                .iter()
                .copied()
                .filter(|&id| {
                    belongs(id)
                        && parents.get(&id).is_none_or(|&(parent, _)| {
                            !map.claims.contains_key(&parent) || !belongs(parent)
                        })
                })
                .collect();
            starts.sort_by_key(said);
            let mut top = 0;
            for root in starts {
                top = placer.place(root, top, &belongs).0;
            }
            sheet.rows = top;
            sheet
        })
        .collect()
}

/// Places claims and what answers them, depth first.
struct Placer<'a> {
    flow: &'a Flow,
    children: &'a BTreeMap<ClaimId, Vec<ClaimId>>,
    sheet: &'a mut Sheet,
    /// The first free row of each column.
    next_free: Vec<usize>,
    placed: BTreeSet<ClaimId>,
}

impl Placer<'_> {
    /// Places `id` at `row` or below (its column's first free row) and
    /// what answers it beside it; returns the first row below all of it,
    /// and the rightmost column it took.
    fn place(
        &mut self,
        id: ClaimId,
        row: usize,
        belongs: &dyn Fn(ClaimId) -> bool,
    ) -> (usize, usize) {
        if !self.placed.insert(id) {
            return (row, 0);
        }
        let column = self
            .flow
            .speech_of
            .get(&id)
            .map_or(0, |&s| self.sheet.column_of_speech(s));
        if self.next_free.len() <= column {
            self.next_free.resize(column + 1, 0);
        }
        let row = row.max(self.next_free[column]);
        self.next_free[column] = row + 1;
        self.sheet.cells.insert(id, (column, row));
        let mut below = row + 1;
        let mut next = row;
        let mut rightmost = column;
        // An answer in a column right of everything answered before it
        // sits level with what it answers; otherwise below those answers.
        let mut taken: Option<usize> = None;
        for &child in self.children.get(&id).map_or(&[][..], Vec::as_slice) {
            if !belongs(child) {
                continue;
            }
            let child_column = self
                .flow
                .speech_of
                .get(&child)
                .map_or(0, |&s| self.sheet.column_of_speech(s));
            let start = match taken {
                Some(taken) if child_column > taken => row,
                _ => next,
            };
            let (end, right) = self.place(child, start, belongs);
            below = below.max(end);
            next = below;
            taken = Some(taken.map_or(right, |t| t.max(right)));
            rightmost = rightmost.max(right);
        }
        (below, rightmost)
    }
}

#[cfg(test)]
mod tests;
