//! A draft reason for decision: from the evaluation and the round's drops,
//! which side the flow gives the round to, the clashes on the motion that
//! decided it (by title, with their weights and who made them), and the
//! arguments dropped — for a judge to edit, not to sign unread.

use super::{Evaluation, Label, why_quoted};
use crate::model::flow::Flow;
use crate::model::{LinkKind, Map, Target};

/// A draft ballot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ballot {
    /// The side the flow gives the round to, if it decides.
    pub winner: Option<String>,
    /// The ballot, a paragraph or list item a line.
    pub lines: Vec<String>,
}

impl Ballot {
    /// The ballot as text, a line each.
    pub fn text(&self) -> String {
        let mut text = self.lines.join("\n");
        text.push('\n');
        text
    }
}

/// A claim of a round as a ballot or a flow names it: by its title, or by
/// its words on one line when it has none (a flow's claims are typed fast
/// and rarely titled); `#N` for a claim the map does not have.
pub fn named(map: &Map, id: crate::model::ClaimId) -> String {
    map.claims.get(&id).map_or_else(
        || super::title(map, id),
        |c| match c.title.as_deref().map(str::trim) {
            Some(title) if !title.is_empty() => title.to_owned(),
            _ => crate::words::one_line(&c.text, 70),
        },
    )
}

/// The draft ballot of `map`'s round, evaluated as `evaluation`; `None`
/// when the map is not a round or has no thesis (the motion).
pub fn ballot(map: &Map, evaluation: &Evaluation) -> Option<Ballot> {
    let round = map.round.as_ref()?;
    let motion = map.thesis?;
    let flow = Flow::of_round(map, round);
    let sides = round.format.sides();
    let title = |id| format!("“{}”", named(map, id));
    let motion_words = map.claims.get(&motion).map_or_else(
        || title(motion),
        |c| format!("“{}”", crate::words::one_line(&c.text, 120)),
    );
    let label = evaluation.claim(motion);
    let winner = match label {
        Label::In => sides.first().cloned(),
        Label::Out => sides.get(1).cloned(),
        Label::Undecided => None,
    };
    let mut lines = vec![match (&winner, label) {
        (Some(side), Label::In) => format!("Decision: {side}. The motion {motion_words} holds."),
        (Some(side), _) => format!("Decision: {side}. The motion {motion_words} fails."),
        _ => format!(
            "No decision: the motion {motion_words} is open (arguments answer each other in a \
             circle)."
        ),
    }];
    let why = why_quoted(map, &evaluation.why_claim(map, motion));
    lines.push(format!("Why: the motion {why}."));
    // The clashes on the motion, those that decided first, heaviest first.
    let mut clashes: Vec<(bool, u16, String)> = map
        .links
        .iter()
        .filter(|(_, l)| l.target == Target::Claim(motion))
        .map(|(&id, link)| {
            let premises: Vec<String> = link.premises.iter().map(|&p| title(p)).collect();
            let who = link
                .premises
                .first()
                .and_then(|&p| flow.speech(p))
                .map(|s| format!(", {} in the {}", s.side, s.name))
                .unwrap_or_default();
            let verb = match link.kind {
                LinkKind::Support => "for",
                LinkKind::Attack => "against",
            };
            let stands = evaluation.link(id) == Label::In;
            let fate = if stands { "stands" } else { "falls" };
            let answered = link
                .premises
                .iter()
                .filter(|&&p| evaluation.claim(p) != Label::In)
                .map(|&p| why_quoted(map, &evaluation.why_claim(map, p)))
                .next()
                .map(|why| format!(": it {why}"))
                .unwrap_or_default();
            let decided = (link.kind == LinkKind::Support) == (label == Label::In) && stands;
            (
                decided,
                link.weight.thousandths(),
                format!(
                    "- {} {verb} the motion ({}{who}) {fate}{answered}.",
                    premises.join(" and "),
                    link.weight.name()
                ),
            )
        })
        .collect();
    clashes.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    if !clashes.is_empty() {
        lines.push("The clashes on the motion:".to_owned());
        lines.extend(clashes.into_iter().map(|(_, _, line)| line));
    }
    if !flow.dropped.is_empty() {
        let counted = if round.concede_drops {
            "counted as conceded"
        } else {
            "not counted as conceded"
        };
        lines.push(format!("Dropped ({counted}):"));
        for &id in flow.dropped.keys() {
            let made = flow.speech(id).map(|s| s.name.clone()).unwrap_or_default();
            let words = flow.dropped_words(id).unwrap_or_default();
            lines.push(format!("- {} (made in the {made}), {words}.", title(id)));
        }
    }
    Some(Ballot { winner, lines })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Format, Link, Pos, Round, Weight};

    #[test]
    fn the_ballot_names_the_winner_the_deciding_clashes_and_the_drops() {
        let mut map = Map::new("Round");
        map.round = Some(Round::of(Format::PublicForum));
        let said = |map: &mut Map, text: &str, speech: Option<&str>| {
            map.add_claim(Claim {
                speech: speech.map(str::to_owned),
                ..Claim::new(text, Pos::default())
            })
        };
        let motion = said(&mut map, "Ban homework", None);
        map.thesis = Some(motion);
        let rest = said(&mut map, "Children need rest", Some("AC"));
        let grades = said(&mut map, "Grades fall", Some("NC"));
        let answer = said(&mut map, "Studies show no fall", Some("AR"));
        map.add_link(Link::new(
            LinkKind::Support,
            vec![rest],
            Target::Claim(motion),
        ));
        map.add_link(Link {
            weight: Weight::step(4).expect("strong"),
            ..Link::new(LinkKind::Attack, vec![grades], Target::Claim(motion))
        });
        map.add_link(Link::new(
            LinkKind::Attack,
            vec![answer],
            Target::Claim(grades),
        ));
        let evaluation = super::super::evaluate(&map);
        let ballot = ballot(&map, &evaluation).expect("a round with a motion");
        assert_eq!(ballot.winner.as_deref(), Some("Pro"));
        let text = ballot.text();
        assert!(
            text.starts_with(
                "Decision: Pro. The motion “Ban homework” holds.\nWhy: the motion holds:"
            ),
            "{text}"
        );
        let clash = text
            .lines()
            .position(|l| {
                l.starts_with(
                    "- “Children need rest” for the motion (decisive, Pro in the AC) stands",
                )
            })
            .expect("the reason that decided");
        let against = text
            .lines()
            .position(|l| {
                l.starts_with(
                    "- “Grades fall” against the motion (strong, Con in the NC) falls: it fails:",
                )
            })
            .expect("the objection answered");
        assert!(clash < against, "{text}");
        // Nobody answered the AC's reason in the NC; the AR's answer has
        // its last chance in the NR, not flowed yet.
        assert!(
            text.ends_with(
                "Dropped (counted as conceded):\n- “Children need rest” (made in the AC), \
                 dropped in NC.\n"
            ),
            "{text}"
        );
        map.round = None;
        assert!(super::ballot(&map, &evaluation).is_none());
    }
}
