//! Map checks: what a coach would mark on a student's map. Each finding
//! names the claim, says what is wrong and how to fix it; each rule has a
//! paragraph for students, and can be switched off per map.

use std::collections::{BTreeMap, BTreeSet};

use super::{Evaluation, Label};
use crate::model::{Assessment, ClaimId, ClaimKind, LinkId, LinkKind, Map, Mode, Target};

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
}

/// Claims longer than this many words are marked `too-long`.
const MAX_WORDS: usize = 40;

impl Rule {
    /// Every rule, in the order the panel lists them.
    pub const ALL: [Self; 12] = [
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
                "An objection that nobody answers stands, and it defeats what it attacks. In a \
                 debate, an unanswered point is a conceded point. Answer it with a rebuttal \
                 (select it, Shift+Tab), or reject it if you can show it is false."
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

/// What the checks look up about every claim, worked out once.
struct Facts {
    /// How many supports each claim has.
    supports: BTreeMap<ClaimId, usize>,
    /// The attacks on each claim.
    attacks: BTreeMap<ClaimId, Vec<LinkId>>,
    /// Claims that are premises of some link.
    premises: BTreeSet<ClaimId>,
    /// Claims connected to the thesis (`None` without a thesis).
    connected: Option<BTreeSet<ClaimId>>,
    /// Claims that repeat an earlier one, and which.
    duplicates: BTreeMap<ClaimId, ClaimId>,
}

impl Facts {
    fn of(map: &Map) -> Self {
        let mut supports: BTreeMap<ClaimId, usize> = BTreeMap::new();
        let mut attacks: BTreeMap<ClaimId, Vec<LinkId>> = BTreeMap::new();
        let mut premises: BTreeSet<ClaimId> = BTreeSet::new();
        for (&id, link) in &map.links {
            premises.extend(link.premises.iter().copied());
            if let Target::Claim(t) = link.target {
                match link.kind {
                    LinkKind::Support => *supports.entry(t).or_default() += 1,
                    LinkKind::Attack => attacks.entry(t).or_default().push(id),
                }
            }
        }
        Self {
            supports,
            attacks,
            premises,
            connected: connected_to_thesis(map),
            duplicates: duplicates(map),
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
    for &id in map.claims.keys() {
        claim_findings(map, evaluation, &facts, id, &mut findings);
    }
    objection_findings(map, evaluation, &facts, &mut findings);
    for cycle in support_cycles(map) {
        let names: Vec<String> = cycle.iter().map(|c| format!("#{}", c.0)).collect();
        findings.add(
            Rule::Circular,
            cycle.first().copied(),
            format!(
                "{} support each other in a circle: give one of them a reason that does not come \
                 back round.",
                names.join(", ")
            ),
        );
    }
    let mut list = findings.list;
    list.sort_by_key(|f| (Rule::ALL.iter().position(|r| *r == f.rule), f.claim));
    list
}

/// The findings about one claim on its own.
fn claim_findings(
    map: &Map,
    evaluation: &Evaluation,
    facts: &Facts,
    id: ClaimId,
    findings: &mut Findings,
) {
    let Some(claim) = map.claims.get(&id) else {
        return;
    };
    let note = claim.kind == ClaimKind::Note;
    let words = claim.text.split_whitespace().count();
    if let Some(connected) = &facts.connected
        && !note
        && !connected.contains(&id)
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
        && !facts.supports.contains_key(&id)
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
    } else if !note && let Some(why) = two_claims(&claim.text) {
        findings.add(
            Rule::TwoClaimsInOne,
            Some(id),
            format!("{why}: split it into two claims and link them."),
        );
    }
    if let Some(&first) = facts.duplicates.get(&id) {
        findings.add(
            Rule::Duplicate,
            Some(id),
            format!(
                "Says the same as #{}: keep one card and move the other's links onto it.",
                first.0
            ),
        );
    }
    if note && facts.premises.contains(&id) {
        findings.add(
            Rule::NoteAsPremise,
            Some(id),
            "A note used as a premise gives no support: make it a claim or evidence, or remove \
             it from the link.",
        );
    }
    if words > MAX_WORDS {
        findings.add(
            Rule::TooLong,
            Some(id),
            format!("{words} words: say it in one sentence of at most {MAX_WORDS} words."),
        );
    }
    if claim.kind == ClaimKind::Evidence && claim.source.is_none() && !map.sources.is_empty() {
        findings.add(
            Rule::UncitedEvidence,
            Some(id),
            "Evidence without a citation: choose its source and paragraph in the inspector.",
        );
    }
    if let Some(message) = assessment_conflict(map, evaluation, id, &facts.attacks) {
        findings.add(Rule::AssessmentConflict, Some(id), message);
    }
}

/// Objections (attacks on claims) that hold with nothing attacking their
/// premises or undercutting them: unanswered. Rebuttals are left out: one
/// that stands unanswered is the thesis's side winning its point.
fn objection_findings(map: &Map, evaluation: &Evaluation, facts: &Facts, findings: &mut Findings) {
    let roles = crate::model::Role::all(map);
    let undercut: BTreeSet<LinkId> = map
        .links
        .values()
        .filter_map(|l| match l.target {
            Target::Link(t) => Some(t),
            Target::Claim(_) => None,
        })
        .collect();
    for (&id, link) in &map.links {
        if link.kind != LinkKind::Attack
            || !matches!(link.target, Target::Claim(_))
            || evaluation.link(id) != Label::In
            || undercut.contains(&id)
            || link.premises.iter().any(|p| facts.attacks.contains_key(p))
        {
            continue;
        }
        for &premise in &link.premises {
            let objection = roles.get(&premise) == Some(&crate::model::Role::Counterpoint);
            if objection
                && map
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

/// The claims connected to the thesis through links, either way; `None`
/// without a thesis.
fn connected_to_thesis(map: &Map) -> Option<BTreeSet<ClaimId>> {
    let thesis = map.thesis.filter(|t| map.claims.contains_key(t))?;
    // Claims joined by a link: its premises, and the claim it targets (or
    // the claims of the link it undercuts).
    let mut neighbours: BTreeMap<ClaimId, Vec<ClaimId>> = BTreeMap::new();
    let claims_of = |target: Target| -> Vec<ClaimId> {
        match target {
            Target::Claim(c) => vec![c],
            Target::Link(l) => map
                .links
                .get(&l)
                .map(|l| {
                    let mut all = l.premises.clone();
                    if let Target::Claim(c) = l.target {
                        all.push(c);
                    }
                    all
                })
                .unwrap_or_default(),
        }
    };
    for link in map.links.values() {
        let mut joined = link.premises.clone();
        joined.extend(claims_of(link.target));
        for &a in &joined {
            for &b in &joined {
                if a != b {
                    neighbours.entry(a).or_default().push(b);
                }
            }
        }
    }
    let mut seen = BTreeSet::from([thesis]);
    let mut stack = vec![thesis];
    while let Some(c) = stack.pop() {
        for &n in neighbours.get(&c).into_iter().flatten() {
            if seen.insert(n) {
                stack.push(n);
            }
        }
    }
    Some(seen)
}

/// For each claim that says what an earlier claim says (case, spacing and
/// punctuation aside), that earlier claim.
fn duplicates(map: &Map) -> BTreeMap<ClaimId, ClaimId> {
    let mut first: BTreeMap<String, ClaimId> = BTreeMap::new();
    let mut repeats = BTreeMap::new();
    for (&id, claim) in &map.claims {
        let key: String = claim
            .text
            .chars()
            .filter(|c| c.is_alphanumeric() || c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if key.is_empty() {
            continue;
        }
        match first.get(&key) {
            Some(&earlier) => {
                repeats.insert(id, earlier);
            }
            None => {
                first.insert(key, id);
            }
        }
    }
    repeats
}

/// Why `text` looks like two claims in one, if it does: a reason word
/// inside it, or two full sentences.
fn two_claims(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    // A reason word after the first word: "X because Y", not "Because…";
    // but not "so that" (a purpose) or "since 2008" (a time).
    for (i, word) in words.iter().enumerate().skip(1) {
        let next = words.get(i + 1).map_or("", String::as_str);
        let reason = match word.as_str() {
            "because" | "therefore" => true,
            "so" => !matches!(
                next,
                "that" | "far" | "much" | "many" | "long" | "called" | "as"
            ),
            "since" => {
                !(next.starts_with(|c: char| c.is_ascii_digit())
                    || matches!(next, "then" | "when" | "ever" | "last" | "early" | "late"))
            }
            _ => false,
        };
        if reason {
            return Some(format!("It gives a reason inside itself (\"{word}\")"));
        }
    }
    // Two sentences: an end mark, then a capital, each side three words
    // or more.
    let sentences: Vec<&str> = text
        .split_inclusive(['.', '!', '?'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let full = |s: &str| {
        s.split_whitespace().count() >= 3 && s.chars().next().is_some_and(char::is_uppercase)
    };
    (sentences.len() >= 2 && sentences.iter().filter(|s| full(s)).count() >= 2)
        .then(|| "It holds two sentences".to_owned())
}

/// An assessment the arguments on the map contradict.
fn assessment_conflict(
    map: &Map,
    evaluation: &Evaluation,
    id: ClaimId,
    attacks: &BTreeMap<ClaimId, Vec<LinkId>>,
) -> Option<String> {
    let claim = map.claims.get(&id)?;
    let attacks = attacks.get(&id).map_or(&[][..], Vec::as_slice);
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
            Some(format!(
                "You accepted it, but the objection from #{} stands: answer it, or clear the \
                 assessment.",
                map.links
                    .get(standing)
                    .and_then(|l| l.premises.first())
                    .map_or(0, |p| p.0)
            ))
        }
    }
}

/// Circles of claims supporting each other: each a list of claims in
/// order, from the smallest id.
fn support_cycles(map: &Map) -> Vec<Vec<ClaimId>> {
    let mut next: BTreeMap<ClaimId, Vec<ClaimId>> = BTreeMap::new();
    for link in map.links.values() {
        if link.kind == LinkKind::Support
            && let Target::Claim(t) = link.target
        {
            for &p in &link.premises {
                next.entry(p).or_default().push(t);
            }
        }
    }
    let mut cycles = Vec::new();
    let mut in_cycle: BTreeSet<ClaimId> = BTreeSet::new();
    for &start in next.keys() {
        if in_cycle.contains(&start) {
            continue;
        }
        // Breadth first from `start` back to it.
        let mut parent: BTreeMap<ClaimId, ClaimId> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([start]);
        let mut closing = None;
        'search: while let Some(c) = queue.pop_front() {
            for &n in next.get(&c).into_iter().flatten() {
                if n == start {
                    closing = Some(c);
                    break 'search;
                }
                if n > start && !parent.contains_key(&n) {
                    parent.insert(n, c);
                    queue.push_back(n);
                }
            }
        }
        let Some(mut at) = closing else {
            continue;
        };
        let mut cycle = vec![at];
        while at != start {
            let Some(&p) = parent.get(&at) else {
                break;
            };
            cycle.push(p);
            at = p;
        }
        cycle.reverse();
        if cycle.first() != Some(&start) {
            cycle.insert(0, start);
        }
        cycle.dedup();
        in_cycle.extend(cycle.iter().copied());
        cycles.push(cycle);
    }
    cycles
}

#[cfg(test)]
mod tests;
