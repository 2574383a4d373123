//! The reasons for the labels in words a student reads: claims named by
//! their titles, every weight by its name, one verdict sentence that names
//! the standard ("holds: *Phones distract* (strong) outweighs *Learning
//! tools* (modest) — preponderance"), and lists that read right for one,
//! two or many.

use super::{Evaluation, Label, Side, Status, Weighing, Why};
use crate::model::{ClaimId, LinkId, Map, Standard, Weight};

/// A piece of an explanation: words, or a claim to point at (its title;
/// a link to it in the editor).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// Plain words.
    Text(String),
    /// A claim.
    Claim(ClaimId),
}

impl Part {
    fn text(words: impl Into<String>) -> Self {
        Self::Text(words.into())
    }
}

/// The explanation as one line of text, each claim by its title in
/// asterisks (`*Phones distract*`, italic in Markdown).
pub fn to_text(map: &Map, parts: &[Part]) -> String {
    joined(map, parts, "*", "*")
}

/// The explanation as one line of plain text, each claim by its title in
/// quotation marks (“Phones distract”): for places where asterisks
/// would be markup or noise.
pub fn to_quoted(map: &Map, parts: &[Part]) -> String {
    joined(map, parts, "“", "”")
}

/// The parts as one line, each claim's title between `open` and `close`.
fn joined(map: &Map, parts: &[Part], open: &str, close: &str) -> String {
    parts
        .iter()
        .map(|p| match p {
            Part::Text(t) => t.clone(),
            Part::Claim(id) => format!("{open}{}{close}", title(map, *id)),
        })
        .collect()
}

/// A claim's title as explanations show it: its own, or its first words;
/// `#N` for a claim the map does not have.
pub fn title(map: &Map, id: ClaimId) -> String {
    map.claims
        .get(&id)
        .map(crate::model::Claim::shown_title)
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| format!("#{}", id.0))
}

/// An explanation under way.
struct Words<'a> {
    map: &'a Map,
    evaluation: &'a Evaluation,
    parts: Vec<Part>,
}

impl Words<'_> {
    fn say(&mut self, words: impl Into<String>) {
        self.parts.push(Part::text(words));
    }

    /// The premises of `link`: "*A*", or "*A* + *B*" for linked premises
    /// (one reason, that holds only when each does).
    fn premises(&mut self, link: LinkId) {
        let premises = self
            .map
            .links
            .get(&link)
            .map(|l| l.premises.clone())
            .unwrap_or_default();
        if premises.is_empty() {
            self.say(format!("link {}", link.0));
            return;
        }
        // Linked premises are one reason: "*A* + *B*".
        for (i, &p) in premises.iter().enumerate() {
            if i > 0 {
                self.say(" + ");
            }
            self.parts.push(Part::Claim(p));
        }
    }

    /// `link` by its premises, and its weight in brackets unless it is
    /// full and `always` is false: "*A* (strong)".
    fn link(&mut self, link: LinkId, always: bool) {
        self.premises(link);
        let weight = self.map.links.get(&link).map_or(Weight::FULL, |l| l.weight);
        if always || !weight.is_full() {
            self.say(format!(" ({})", weight.name()));
        }
    }

    /// One side of a clash, with its weight.
    fn side(&mut self, side: Side) {
        match side {
            Side::Link(link, _) => self.link(link, true),
            Side::Presumption {
                evidence: true,
                weight,
            } => self.say(format!("the evidence itself ({})", weight.name())),
            Side::Presumption {
                evidence: false,
                weight,
            } => self.say(format!("its presumption in a debate ({})", weight.name())),
        }
    }

    /// Items joined as people write them: "a", "a and b", "a, b and c".
    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.say(if i + 1 == items.len() { " and " } else { ", " });
            }
            each(self, item);
        }
    }

    /// Links with their weights and a verb that agrees: "*A* (strong)
    /// holds", "*A* and *B* both hold", "*A*, *B* and *C* all hold"
    /// (`one` and `many` are the verb's forms).
    fn links_then(&mut self, links: &[LinkId], one: &str, many: &str) {
        self.list(links, |words, &l| words.link(l, true));
        let verb = match links {
            [_] => one.to_owned(),
            [_, _] => format!("both {many}"),
            _ => format!("all {many}"),
        };
        self.say(format!(" {verb}"));
    }

    /// Why link `link` fails, briefly: "*B* fails", "*B* does not follow
    /// (undercut by *U*)", "*B* fails (its premise *P* fails)".
    fn failure(&mut self, link: LinkId) {
        self.link(link, false);
        let fail = " fails";
        match self.evaluation.link_status(link).map(|s| &s.why) {
            Some(Why::Undercut { by }) => {
                self.say(" does not follow (undercut by ");
                self.premises(*by);
                self.say(")");
            }
            Some(Why::PremiseFails { premise }) => {
                let own = self
                    .map
                    .links
                    .get(&link)
                    .is_some_and(|l| l.premises.as_slice() == [*premise]);
                if own {
                    self.say(fail);
                } else {
                    self.say(fail);
                    self.say(" (its premise ");
                    self.parts.push(Part::Claim(*premise));
                    self.say(" fails)");
                }
            }
            _ => self.say(fail),
        }
    }

    /// A claim weighed: the verdict sentence, then the other reasons that
    /// hold, the objections answered and the reasons that fail.
    fn weighed(&mut self, label: Label, w: &Weighing) {
        let named = |side: Option<Side>| match side {
            Some(Side::Link(l, _)) => Some(l),
            _ => None,
        };
        let all_named = label == Label::In && w.objection.is_none();
        if label == Label::In {
            self.holds(w);
        } else {
            self.fails(w);
        }
        let others: Vec<LinkId> = (w.holding.iter().copied())
            .filter(|&l| Some(l) != named(w.reason) && !all_named)
            .collect();
        if !others.is_empty() {
            self.say("; ");
            self.list(&others, |words, &l| words.link(l, true));
            self.say(if others.len() == 1 {
                " also holds"
            } else {
                " also hold"
            });
        }
        // Objections that stand but weigh less than the one named.
        let outweighed: Vec<LinkId> = (w.standing.iter().copied())
            .filter(|&l| Some(l) != named(w.objection))
            .collect();
        if !outweighed.is_empty() {
            self.say("; ");
            self.list(&outweighed, |words, &l| words.link(l, true));
            self.say(match (label == Label::In, outweighed.len() == 1) {
                (true, true) => " stands too, but is outweighed",
                (true, false) => " stand too, but are outweighed",
                (false, true) => " also stands",
                (false, false) => " also stand",
            });
        }
        self.answered(&w.answered, named(w.objection));
        // The reasons that fail, unless the verdict listed them already.
        if !w.failing.is_empty() && w.reason.is_some() {
            self.say("; ");
            self.failures(&w.failing);
        }
    }

    /// The verdict for a claim that holds.
    fn holds(&mut self, w: &Weighing) {
        match (w.reason, w.objection) {
            (Some(reason), Some(objection)) => {
                self.say("holds: ");
                self.side(reason);
                self.say(" outweighs ");
                self.side(objection);
                self.say(format!(" — {}", w.standard.label()));
            }
            (Some(Side::Presumption { evidence, weight }), None) => {
                self.say(if evidence {
                    "holds: evidence, and nothing answers it".to_owned()
                } else if w.answered.is_empty() {
                    format!(
                        "holds: presumed in a debate ({}), and nothing answers it yet",
                        weight.name()
                    )
                } else {
                    format!("holds: presumed in a debate ({})", weight.name())
                });
            }
            (Some(Side::Link(..)), None) => {
                self.say("holds: ");
                self.links_then(&w.holding, "holds", "hold");
                if w.answered.is_empty() {
                    self.say(if w.standard.is_preponderance() {
                        ", and nothing answers it".to_owned()
                    } else {
                        format!(" — {}", w.standard.label())
                    });
                }
            }
            (None, _) => self.say("holds"),
        }
    }

    /// The verdict for a claim that fails.
    fn fails(&mut self, w: &Weighing) {
        match (w.reason, w.objection) {
            (Some(reason), Some(objection)) if reason.weight() == objection.weight() => {
                self.say(format!(
                    "tied at {}: the burden is on the claim, so it fails — weigh them (Alt+1…5); ",
                    reason.weight().name()
                ));
                self.side(reason);
                self.say(" against ");
                self.side(objection);
            }
            (Some(reason), Some(objection)) if reason.weight() < objection.weight() => {
                self.say("fails: ");
                self.side(objection);
                self.say(" outweighs ");
                self.side(reason);
                self.say(format!(" — {}", w.standard.label()));
            }
            (Some(reason), objection) => {
                self.say("fails: ");
                self.side(reason);
                if let Some(objection) = objection {
                    self.say(" outweighs ");
                    self.side(objection);
                    self.say(", but not by enough for ");
                } else {
                    self.say(" is not enough for ");
                }
                self.say(format!(
                    "{} ({})",
                    w.standard.label(),
                    shortfall(w.standard)
                ));
            }
            (None, Some(objection)) => {
                self.say("fails: ");
                self.side(objection);
                self.say(" stands");
                self.no_reason(w);
            }
            (None, None) => {
                self.say("fails:");
                self.no_reason(w);
            }
        }
    }

    /// ", and it has no reason (proof mode)" / " and no reason holds (…)".
    fn no_reason(&mut self, w: &Weighing) {
        if w.failing.is_empty() {
            self.say(if w.objection.is_some() {
                ", and it has no reason"
            } else {
                " it has no reason (proof mode)"
            });
            return;
        }
        self.say(if w.objection.is_some() {
            ", and no reason holds ("
        } else {
            " no reason holds ("
        });
        self.failures(&w.failing);
        self.say(")");
    }

    /// The failing reasons with why each fails, the first three.
    fn failures(&mut self, failing: &[LinkId]) {
        let shown = &failing[..failing.len().min(3)];
        for (i, &link) in shown.iter().enumerate() {
            if i > 0 {
                self.say("; ");
            }
            self.failure(link);
        }
        if failing.len() > shown.len() {
            self.say(format!("; {} more fail", failing.len() - shown.len()));
        }
    }

    /// "; *O* fails" / "; *O* and *P* both fail", leaving out the one the
    /// verdict named.
    /// An objection whose inference is undercut is said so: "; *O* does
    /// not follow (undercut by *U*)" — its claim may well hold.
    fn answered(&mut self, answered: &[LinkId], named: Option<LinkId>) {
        let (undercut, answered): (Vec<LinkId>, Vec<LinkId>) = (answered.iter().copied())
            .filter(|&l| Some(l) != named)
            .partition(|&l| {
                matches!(
                    self.evaluation.link_status(l).map(|s| &s.why),
                    Some(Why::Undercut { .. })
                )
            });
        if !answered.is_empty() {
            self.say("; ");
            self.links_then(&answered, "fails", "fail");
        }
        for link in undercut {
            self.say("; ");
            self.failure(link);
        }
    }

    /// "; but does not support *X* (undercut by *Y*)", for each link the
    /// claim is a premise of that is undercut.
    fn cut_off(&mut self, claim: ClaimId) {
        for link in self.evaluation.cut_off(claim) {
            let Some(l) = self.map.links.get(&link) else {
                continue;
            };
            self.say("; but does not ");
            self.say(match l.kind {
                crate::model::LinkKind::Support => "support ",
                crate::model::LinkKind::Attack => "answer ",
            });
            match l.target {
                crate::model::Target::Claim(t) => self.parts.push(Part::Claim(t)),
                crate::model::Target::Link(t) => {
                    self.say("the link from ");
                    self.premises(t);
                }
            }
            if let Some(Why::Undercut { by }) = self.evaluation.link_status(link).map(|s| &s.why) {
                self.say(" (undercut by ");
                self.premises(*by);
                self.say(")");
            }
        }
    }

    fn explain(&mut self, status: &Status) {
        match &status.why {
            Why::Accepted => self.say("holds: you accepted it"),
            Why::Conceded { dropped_in } => self.say(format!(
                "holds: dropped in {dropped_in} — the other side never answered it, so it \
                 stands conceded"
            )),
            Why::Rejected => self.say("fails: you rejected it"),
            Why::Note => self.say("a note: it takes no part"),
            Why::Weighed(weighing) => self.weighed(status.label, weighing),
            Why::Follows { answered } => {
                self.say("holds: its premises hold");
                self.answered(answered, None);
            }
            Why::PremiseFails { premise } => {
                self.say("fails: its premise ");
                self.parts.push(Part::Claim(*premise));
                self.say(" fails");
            }
            Why::Undercut { by } => {
                self.say("does not follow: ");
                self.premises(*by);
                self.say(" undercuts it");
            }
            Why::OnlyNotes => self.say("takes no part: its premises are notes"),
            Why::Open { cycle } if cycle.is_empty() => self.say("open: nothing decides it"),
            Why::Open { cycle } => {
                self.say("open: it depends on a cycle ");
                for (i, &claim) in cycle.iter().enumerate() {
                    if i > 0 {
                        self.say(" → ");
                    }
                    self.parts.push(Part::Claim(claim));
                }
            }
        }
    }
}

/// What standard `standard` asks beyond outweighing.
fn shortfall(standard: Standard) -> &'static str {
    match standard {
        Standard::Preponderance => "it must weigh more",
        Standard::ClearAndConvincing => "it must weigh more by over 0.5",
        Standard::BeyondReasonableDoubt => {
            "it must weigh more by over 0.5, against objections below 0.3"
        }
    }
}

impl Evaluation {
    /// Why claim `id` has its label, in words pointing at claims.
    pub fn why_claim(&self, map: &Map, id: ClaimId) -> Vec<Part> {
        self.explained(map, self.claim_status(id), Some(id))
    }

    /// Why link `id` has its label, in words pointing at claims.
    pub fn why_link(&self, map: &Map, id: LinkId) -> Vec<Part> {
        self.explained(map, self.link_status(id), None)
    }

    /// `status` in words; for a claim, with where it does not support.
    fn explained(&self, map: &Map, status: Option<&Status>, claim: Option<ClaimId>) -> Vec<Part> {
        let Some(status) = status else {
            return vec![Part::text("not on the map")];
        };
        let mut words = Words {
            map,
            evaluation: self,
            parts: Vec::new(),
        };
        words.explain(status);
        if let Some(id) = claim {
            words.cut_off(id);
        }
        words.parts
    }
}
