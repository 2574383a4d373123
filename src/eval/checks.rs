//! Map checks: what a coach would mark on a student's map. Each finding
//! names the claim, says what is wrong and how to fix it; each rule has a
//! paragraph for students, and can be switched off per map.

use std::collections::{BTreeMap, BTreeSet};

use super::{Evaluation, Label};
use wording::{Reader, Wording, two_claims};

mod wording;
use crate::model::{
    Assessment, CONFLICT_TAG, ClaimId, ClaimKind, LinkId, LinkKind, Map, Mode, Target,
};

/// A rule of the map checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// The map has claims but no thesis.
    ThesisMissing,
    /// A claim not connected to the thesis.
    Orphan,
    /// In proof mode, a claim with no reason that is neither evidence nor
    /// accepted.
    UnsupportedClaim,
    /// An objection that stands and that nothing answers.
    UnansweredObjection,
    /// Claims that support each other in a circle.
    Circular,
    /// A reason, or a second sentence, inside one claim.
    TwoClaimsInOne,
    /// The same claim twice.
    Duplicate,
    /// A claim with no text.
    EmptyClaim,
    /// A note used as a premise.
    NoteAsPremise,
    /// A claim of more than 40 words.
    TooLong,
    /// Evidence without a citation in a map that has sources.
    UncitedEvidence,
    /// An assessment the map's own arguments contradict.
    AssessmentConflict,
    /// A claim a merge left a conflict on.
    MergeConflict,
    /// In a round, an argument the other side never answered in time.
    Dropped,
    /// A claim naming a speech the map's round does not have.
    UnknownSpeech,
}

/// Claims longer than this many words are marked `too-long`.
const MAX_WORDS: usize = 40;

impl Rule {
    /// Every rule, in the order the panel lists them.
    pub const ALL: [Self; 15] = [
        Self::MergeConflict,
        Self::Dropped,
        Self::UnknownSpeech,
        Self::ThesisMissing,
        Self::Orphan,
        Self::UnsupportedClaim,
        Self::UnansweredObjection,
        Self::Circular,
        Self::TwoClaimsInOne,
        Self::Duplicate,
        Self::EmptyClaim,
        Self::NoteAsPremise,
        Self::TooLong,
        Self::UncitedEvidence,
        Self::AssessmentConflict,
    ];

    /// The rule's name, as files, the command line and the panel write it.
    pub fn name(self) -> &'static str {
        match self {
            Self::ThesisMissing => "thesis-missing",
            Self::Orphan => "orphan",
            Self::UnsupportedClaim => "unsupported-claim",
            Self::UnansweredObjection => "unanswered-objection",
            Self::Circular => "circular",
            Self::TwoClaimsInOne => "two-claims-in-one",
            Self::Duplicate => "duplicate",
            Self::EmptyClaim => "empty-claim",
            Self::NoteAsPremise => "note-as-premise",
            Self::TooLong => "too-long",
            Self::UncitedEvidence => "uncited-evidence",
            Self::AssessmentConflict => "assessment-conflict",
            Self::MergeConflict => CONFLICT_TAG,
            Self::Dropped => "dropped",
            Self::UnknownSpeech => "unknown-speech",
        }
    }

    /// The rule of a name, if there is one.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.name() == name)
    }

    /// What the rule is about, for students: why it matters and how to
    /// mend it.
    pub fn explanation(self) -> &'static str {
        match self {
            Self::ThesisMissing => {
                "A map argues for one claim: its thesis. Without one, nobody can tell what the \
                 reasons are reasons for, or whether the argument succeeds. Mark the claim the \
                 whole map defends as the thesis (right-click it, Set as thesis)."
            }
            Self::Orphan => {
                "Every claim on a map should take part in the argument about the thesis: as a \
                 reason for it, an objection to it, or an answer to one of those. A claim \
                 connected to none of them is a loose thought. Connect it (drag its handle onto \
                 the claim it speaks to), or make it a note, or delete it."
            }
            Self::UnsupportedClaim => {
                "In proof mode a claim must be established: it needs a reason of its own, unless \
                 it is evidence (a fact, figure or source) or a claim you accept as common \
                 ground. Give it a reason (Tab), mark it as evidence, or accept it."
            }
            Self::UnansweredObjection => {
                "An objection that nobody answers stands, and it defeats what it attacks unless \
                 heavier reasons outweigh it. In a debate, an unanswered point is a conceded \
                 point. Answer it with a rebuttal (select it, Shift+Tab), weigh the clash \
                 (Alt+1…5), or reject it if you can show it is false."
            }
            Self::Circular => {
                "Claims that support each other in a circle prove nothing: each rests on the \
                 next, and the last on the first. Find a reason for one of them that does not \
                 come back round, and remove a link of the circle."
            }
            Self::TwoClaimsInOne => {
                "One card, one claim. A card that gives a reason inside itself (\"because\", \
                 \"since\", \"therefore\", \"so\") or holds two sentences hides the step between \
                 them, so it cannot be answered or assessed on its own. Split it into two claims \
                 and link them."
            }
            Self::Duplicate => {
                "The same claim twice splits what supports and attacks it between two cards, \
                 and the map reads as if it had more reasons than it has. Keep one card, move \
                 the links of the other onto it, and delete the other."
            }
            Self::EmptyClaim => {
                "A card with no text says nothing: it cannot be a reason or an objection. Write \
                 the claim, or delete the card."
            }
            Self::NoteAsPremise => {
                "Notes are comments on the map and take no part in the argument, so a note used \
                 as a premise gives no support. If it is a claim, change its kind to claim or \
                 evidence; if it is a comment, remove it from the link."
            }
            Self::TooLong => {
                "A claim longer than forty words usually holds several claims, and a long card \
                 is hard to read aloud or answer. Say it in one sentence, and put the rest in \
                 claims of their own or in the note."
            }
            Self::UncitedEvidence => {
                "Evidence is only as good as where it comes from. In a map of a text, each piece \
                 of evidence should cite the paragraph it comes from, so a reader can check it. \
                 Choose its source and paragraph in the inspector."
            }
            Self::MergeConflict => {
                "Two versions of this map changed the same thing in different ways, and the \
                 merge kept ours. The other version's value is in the claim's note, after \
                 “⚠ Merge conflict:”. Decide which is right, edit the claim, then delete that \
                 line of the note and the merge-conflict tag."
            }
            Self::Dropped => {
                "In a round, an argument the other side does not answer by its next speech is \
                 dropped: the judge takes it as conceded, and the side that made it may extend \
                 it as true. Answer it in that speech (select it, Tab in a speech of the other \
                 side), or, flowing afterwards, weigh what it is worth. Whether drops count as \
                 conceded is a setting of the round."
            }
            Self::UnknownSpeech => {
                "A claim says it was made in a speech the round does not have (or the map is no \
                 round), so the flow cannot place it or tell who answered it. Choose its speech \
                 in the inspector, or set the map's round format."
            }
            Self::AssessmentConflict => {
                "Your assessment and your map disagree: you rejected a claim whose reasons hold \
                 and that nothing attacks, or you accepted a claim that an objection still \
                 defeats. Either answer the argument on the map, or change the assessment."
            }
        }
    }
}

/// Something a check found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The rule.
    pub rule: Rule,
    /// The claim concerned, if any (not for a missing thesis).
    pub claim: Option<ClaimId>,
    /// What is wrong, and how to fix it, in a sentence or two.
    pub message: String,
}

/// Findings as they are made, leaving out rules switched off.
struct Findings {
    off: BTreeSet<Rule>,
    list: Vec<Finding>,
}

impl Findings {
    fn add(&mut self, rule: Rule, claim: Option<ClaimId>, message: impl Into<String>) {
        if !self.off.contains(&rule) {
            self.list.push(Finding {
                rule,
                claim,
                message: message.into(),
            });
        }
    }
}

/// What the checks look up about every claim, worked out once, by the
/// claim's place in id order.
struct Facts {
    /// The claims' ids, in order.
    ids: Vec<ClaimId>,
    /// How many supports each claim has.
    supports: Vec<u32>,
    /// The attacks on each claim.
    attacks: Vec<Vec<LinkId>>,
    /// Whether each claim is a premise of some link.
    premise: Vec<bool>,
    /// Whether each claim is connected to the thesis (`None` without a
    /// thesis).
    connected: Option<Vec<bool>>,
    /// Each claim's wording.
    wordings: Vec<Wording>,
    /// For each claim that repeats an earlier one, that one.
    duplicates: Vec<Option<ClaimId>>,
}

impl Facts {
    fn of(map: &Map) -> Self {
        let ids: Vec<ClaimId> = map.claims.keys().copied().collect();
        let n = ids.len();
        let index = |id: ClaimId| ids.binary_search(&id).ok();
        let mut supports = vec![0; n];
        let mut attacks = vec![Vec::new(); n];
        let mut premise = vec![false; n];
        // Claims joined by a link (its premises and what it answers), for
        // what is connected to the thesis: a union–find over claims.
        let mut joined = Joined::new(n);
        for (&id, link) in &map.links {
            let premises: Vec<usize> = link.premises.iter().filter_map(|&p| index(p)).collect();
            for &p in &premises {
                premise[p] = true;
            }
            let answered: Vec<usize> = match link.target {
                Target::Claim(t) => index(t).into_iter().collect(),
                Target::Link(l) => map
                    .links
                    .get(&l)
                    .map(|l| {
                        let mut all: Vec<usize> =
                            l.premises.iter().filter_map(|&p| index(p)).collect();
                        if let Target::Claim(c) = l.target {
                            all.extend(index(c));
                        }
                        all
                    })
                    .unwrap_or_default(),
            };
            if let Some(&first) = premises.first() {
                for &other in premises.iter().chain(&answered) {
                    joined.union(first, other);
                }
            }
            if let Target::Claim(t) = link.target
                && let Some(t) = index(t)
            {
                match link.kind {
                    LinkKind::Support => supports[t] += 1,
                    LinkKind::Attack => attacks[t].push(id),
                }
            }
        }
        let connected = map.thesis.and_then(index).map(|thesis| {
            let root = joined.find(thesis);
            (0..n).map(|c| joined.find(c) == root).collect()
        });
        let mut reader = Reader::with_capacity(n);
        let wordings = map.claims.values().map(|c| reader.read(&c.text)).collect();
        Self {
            duplicates: reader.duplicates(&ids),
            wordings,
            ids,
            supports,
            attacks,
            premise,
            connected,
        }
    }
}

/// Sets of claims joined by links (union–find with path halving).
struct Joined(Vec<usize>);

impl Joined {
    fn new(n: usize) -> Self {
        Self((0..n).collect())
    }

    fn find(&mut self, mut c: usize) -> usize {
        while self.0[c] != c {
            self.0[c] = self.0[self.0[c]];
            c = self.0[c];
        }
        c
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

/// Every finding on `map`, rule by rule, claims in id order; rules
/// switched off for the map are left out.
pub fn check(map: &Map, evaluation: &Evaluation) -> Vec<Finding> {
    let mut findings = Findings {
        off: map
            .evaluation
            .checks_off
            .iter()
            .filter_map(|name| Rule::from_name(name))
            .collect(),
        list: Vec::new(),
    };
    if map.thesis.is_none() && !map.claims.is_empty() {
        findings.add(
            Rule::ThesisMissing,
            None,
            "The map has no thesis: mark the claim it argues for as the thesis.",
        );
    }
    let facts = Facts::of(map);
    for (c, claim) in map.claims.values().enumerate() {
        claim_findings(map, evaluation, &facts, c, claim, &mut findings);
    }
    objection_findings(map, evaluation, &facts, &mut findings);
    round_findings(map, &mut findings);
    for cycle in support_cycles(map, &facts) {
        let names: Vec<String> = cycle.iter().map(|c| format!("#{}", c.0)).collect();
        let message = if let [only] = names.as_slice() {
            format!("{only} supports itself: give it a reason other than itself.")
        } else {
            format!(
                "{} support each other in a circle: give one of them a reason that does not come \
                 back round.",
                names.join(", ")
            )
        };
        findings.add(Rule::Circular, cycle.first().copied(), message);
    }
    let mut list = findings.list;
    list.sort_by_key(|f| (Rule::ALL.iter().position(|r| *r == f.rule), f.claim));
    list
}

/// The arguments dropped in the map's round, and claims whose speech the
/// round does not have.
fn round_findings(map: &Map, findings: &mut Findings) {
    let flow = crate::model::flow::Flow::of(map);
    for (&id, claim) in &map.claims {
        let Some(speech) = claim.speech.as_deref() else {
            continue;
        };
        match &flow {
            Some(flow) if flow.speech_of.contains_key(&id) => {}
            Some(flow) => findings.add(
                Rule::UnknownSpeech,
                Some(id),
                format!(
                    "Made in “{speech}”, which a {} round does not have: choose one of its \
                     speeches ({}).",
                    map.round.as_ref().map_or("", |r| r.format.label()),
                    flow.speeches
                        .iter()
                        .map(|s| s.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
            None => findings.add(
                Rule::UnknownSpeech,
                Some(id),
                format!("Made in “{speech}”, but the map is no round: set its round format."),
            ),
        }
    }
    let Some(flow) = flow else {
        return;
    };
    let conceded = map.round.as_ref().is_some_and(|r| r.concede_drops);
    for (&id, &at) in &flow.dropped {
        let (Some(made), Some(last)) = (flow.speech(id), flow.speeches.get(at)) else {
            continue;
        };
        let others = flow
            .speeches
            .iter()
            .map(|s| s.side.as_str())
            .filter(|&s| s != made.side)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>()
            .join(" or ");
        let counted = if conceded {
            "it counts as conceded"
        } else {
            "the round does not count drops as conceded"
        };
        findings.add(
            Rule::Dropped,
            Some(id),
            format!(
                "Dropped in {}: made in the {} and never answered by the {others}; {counted}.",
                last.name, made.name
            ),
        );
    }
}

/// The findings about one claim on its own.
fn claim_findings(
    map: &Map,
    evaluation: &Evaluation,
    facts: &Facts,
    c: usize,
    claim: &crate::model::Claim,
    findings: &mut Findings,
) {
    let id = facts.ids[c];
    let note = claim.kind == ClaimKind::Note;
    let wording = &facts.wordings[c];
    if let Some(connected) = &facts.connected
        && !note
        && !connected[c]
    {
        findings.add(
            Rule::Orphan,
            Some(id),
            "Not connected to the thesis: link it to the claim it speaks to, or make it a note.",
        );
    }
    if map.evaluation.mode == Mode::Proof
        && !note
        && claim.kind != ClaimKind::Evidence
        && claim.assessment != Some(Assessment::Accepted)
        && facts.supports[c] == 0
    {
        findings.add(
            Rule::UnsupportedClaim,
            Some(id),
            "No reason supports it: give it a reason, mark it as evidence, or accept it.",
        );
    }
    if claim.text.trim().is_empty() {
        findings.add(
            Rule::EmptyClaim,
            Some(id),
            "The card is empty: write the claim, or delete the card.",
        );
    } else if !note && let Some(why) = two_claims(&claim.text, wording) {
        findings.add(
            Rule::TwoClaimsInOne,
            Some(id),
            format!("{why}: split it into two claims and link them."),
        );
    }
    if let Some(first) = facts.duplicates[c] {
        findings.add(
            Rule::Duplicate,
            Some(id),
            format!(
                "Says the same as #{}: keep one card and move the other's links onto it.",
                first.0
            ),
        );
    }
    if note && facts.premise[c] {
        findings.add(
            Rule::NoteAsPremise,
            Some(id),
            "A note used as a premise gives no support: make it a claim or evidence, or remove \
             it from the link.",
        );
    }
    if wording.words > MAX_WORDS {
        findings.add(
            Rule::TooLong,
            Some(id),
            format!(
                "{} words: say it in one sentence of at most {MAX_WORDS} words.",
                wording.words
            ),
        );
    }
    if claim.kind == ClaimKind::Evidence && claim.source.is_none() && !map.sources.is_empty() {
        findings.add(
            Rule::UncitedEvidence,
            Some(id),
            "Evidence without a citation: choose its source and paragraph in the inspector.",
        );
    }
    if claim.tags.iter().any(|t| t == CONFLICT_TAG) {
        let first = claim
            .note
            .as_deref()
            .and_then(|n| n.lines().find(|l| l.starts_with("⚠ Merge conflict:")))
            .map_or("resolve it, then remove the tag", |l| {
                l.trim_start_matches("⚠ Merge conflict:").trim()
            });
        findings.add(
            Rule::MergeConflict,
            Some(id),
            format!("A merge left a conflict here: {first}."),
        );
    }
    if let Some(message) = assessment_conflict(map, evaluation, id, &facts.attacks[c]) {
        findings.add(Rule::AssessmentConflict, Some(id), message);
    }
}

/// Objections (attacks on claims) that hold with nothing attacking their
/// premises or undercutting them, and defeat what they attack: unanswered.
/// One outweighed by heavier reasons is answered by the weighing.
/// Rebuttals are left out: one that stands unanswered is the thesis's
/// side winning its point.
fn objection_findings(map: &Map, evaluation: &Evaluation, facts: &Facts, findings: &mut Findings) {
    let attacked = |p: &ClaimId| {
        facts
            .ids
            .binary_search(p)
            .is_ok_and(|i| !facts.attacks[i].is_empty())
    };
    let undercut: BTreeSet<LinkId> = map
        .links
        .values()
        .filter_map(|l| match l.target {
            Target::Link(t) => Some(t),
            Target::Claim(_) => None,
        })
        .collect();
    for (&id, link) in &map.links {
        let Target::Claim(target) = link.target else {
            continue;
        };
        // An objection answers a claim that is not itself an attacker; an
        // attack on an attacker is a rebuttal, which the rule leaves alone.
        if link.kind != LinkKind::Attack
            || evaluation.attackers.binary_search(&target).is_ok()
            || evaluation.link(id) != Label::In
            // Outweighed: what it attacks holds anyway, on heavier reasons
            // (not by an assessment, which the objection contradicts).
            || (evaluation.claim(target) == Label::In
                && map.claims.get(&target).is_some_and(|c| c.assessment.is_none()))
            || undercut.contains(&id)
            || link.premises.iter().any(attacked)
        {
            continue;
        }
        for &premise in &link.premises {
            if map
                .claims
                .get(&premise)
                .is_some_and(|c| c.assessment.is_none())
            {
                findings.add(
                    Rule::UnansweredObjection,
                    Some(premise),
                    "This objection stands and nothing answers it: add a rebuttal, or reject it \
                     if it is false.",
                );
            }
        }
    }
}

/// An assessment the arguments on the map contradict.
fn assessment_conflict(
    map: &Map,
    evaluation: &Evaluation,
    id: ClaimId,
    attacks: &[LinkId],
) -> Option<String> {
    let claim = map.claims.get(&id)?;
    match claim.assessment? {
        Assessment::Rejected => {
            let holding = map.links.iter().find(|(l, link)| {
                link.kind == LinkKind::Support
                    && link.target == Target::Claim(id)
                    && evaluation.link(**l) == Label::In
            })?;
            attacks.is_empty().then(|| {
                format!(
                    "You rejected it, but its reason from #{} holds and nothing attacks it: \
                     answer that reason, or clear the assessment.",
                    holding.1.premises.first().map_or(0, |p| p.0)
                )
            })
        }
        Assessment::Accepted => {
            let standing = attacks.iter().find(|&&l| evaluation.link(l) == Label::In)?;
            let premise = map.links.get(standing).and_then(|l| l.premises.first())?;
            // Named as its card names it: an objection, a rebuttal, …
            let role = crate::model::Role::of(map, *premise).map_or("claim", |r| r.label());
            Some(format!(
                "You accepted it, but the {role} from #{} stands: answer it, or clear the \
                 assessment.",
                premise.0
            ))
        }
    }
}

/// Circles of claims supporting each other: each a list of claims in
/// order, from the smallest id; one circle for each set of claims that
/// support each other round (a strongly connected set), so the work stays
/// linear in the size of the map.
fn support_cycles(map: &Map, facts: &Facts) -> Vec<Vec<ClaimId>> {
    let index = |id: &ClaimId| facts.ids.binary_search(id).ok();
    let mut next: Vec<Vec<usize>> = vec![Vec::new(); facts.ids.len()];
    for link in map.links.values() {
        if link.kind == LinkKind::Support
            && let Target::Claim(t) = link.target
            && let Some(t) = index(&t)
        {
            for p in link.premises.iter().filter_map(index) {
                next[p].push(t);
            }
        }
    }
    let (component, components) = super::why::strongly_connected(&next);
    let mut cycles: Vec<Vec<ClaimId>> = components
        .iter()
        .enumerate()
        .filter_map(|(k, members)| {
            let &start = members.first()?;
            let looped = members.len() > 1 || next[start].contains(&start);
            looped.then(|| shortest_cycle(&next, start, |c| component[c] == k))
        })
        .map(|cycle| cycle.into_iter().map(|c| facts.ids[c]).collect())
        .collect();
    cycles.sort();
    cycles
}

/// The shortest way round from `start` back to it, through claims `inside`
/// (breadth first).
fn shortest_cycle(next: &[Vec<usize>], start: usize, inside: impl Fn(usize) -> bool) -> Vec<usize> {
    let mut parent: BTreeMap<usize, usize> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    let mut closing = None;
    'search: while let Some(c) = queue.pop_front() {
        for &n in &next[c] {
            if n == start {
                closing = Some(c);
                break 'search;
            }
            if inside(n) && !parent.contains_key(&n) {
                parent.insert(n, c);
                queue.push_back(n);
            }
        }
    }
    let mut cycle = Vec::new();
    let mut at = closing;
    while let Some(c) = at {
        cycle.push(c);
        at = (c != start).then(|| parent.get(&c).copied()).flatten();
    }
    cycle.reverse();
    cycle
}

#[cfg(test)]
mod tests;
