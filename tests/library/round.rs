//! A round in the evaluation and the map checks: a dropped argument stands
//! conceded (a late answer does not reach it), the why says so in words a
//! student reads, the checks list it; with the setting off, the late
//! answer counts again.

use argmap::eval::checks::{Rule, check};
use argmap::eval::{Label, Why, evaluate, why_text};
use argmap::model::{Claim, ClaimId, Format, Link, LinkKind, Map, Pos, Round, Target};

/// A Policy round: the motion (said in no speech); an advantage (1AC) for
/// it; a disadvantage (1NC) against it; a turn (2AC) on the disadvantage
/// that the 2NC never answers; and an answer to the turn only in the 2NR,
/// too late.
pub fn late_answer_round() -> (Map, [ClaimId; 5]) {
    let mut map = Map::new("Round");
    map.round = Some(Round::of(Format::Policy));
    let said = |map: &mut Map, text: &str, speech: Option<&str>| {
        map.add_claim(Claim {
            speech: speech.map(str::to_owned),
            ..Claim::new(text, Pos::default())
        })
    };
    let motion = said(&mut map, "Resolved: schools should ban homework", None);
    map.thesis = Some(motion);
    let adv = said(&mut map, "Play time grows", Some("1AC"));
    let da = said(&mut map, "Grades fall", Some("1NC"));
    let turn = said(&mut map, "Grades rise with rest", Some("2AC"));
    let late = said(&mut map, "Rest does not raise grades", Some("2NR"));
    for (kind, from, to) in [
        (LinkKind::Support, adv, motion),
        (LinkKind::Attack, da, motion),
        (LinkKind::Attack, turn, da),
        (LinkKind::Attack, late, turn),
    ] {
        map.add_link(Link::new(kind, vec![from], Target::Claim(to)));
    }
    (map, [motion, adv, da, turn, late])
}

#[test]
fn a_dropped_argument_stands_conceded_and_a_late_answer_does_not_reach_it() {
    let (mut map, [motion, _, da, turn, _]) = late_answer_round();
    let evaluation = evaluate(&map);
    let status = evaluation.claim_status(turn).expect("the turn");
    assert_eq!(status.label, Label::In);
    assert_eq!(
        status.why,
        Why::Conceded {
            dropped_in: "2NC".into()
        }
    );
    let words = why_text(&map, &evaluation.why_claim(&map, turn));
    assert_eq!(
        words,
        "holds: dropped in 2NC — the other side never answered it, so it stands conceded"
    );
    assert_eq!(
        evaluation.claim(da),
        Label::Out,
        "the conceded turn defeats it"
    );
    assert_eq!(evaluation.claim(motion), Label::In);
    // Listed among the checks, with where and by whom.
    let findings = check(&map, &evaluation);
    let dropped: Vec<&str> = findings
        .iter()
        .filter(|f| f.rule == Rule::Dropped && f.claim == Some(turn))
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(
        dropped,
        [
            "Dropped in 2NC: made in the 2AC and never answered by the Negative; it counts as \
          conceded."
        ]
    );
    // With the setting off, the late answer counts as any answer does.
    if let Some(round) = &mut map.round {
        round.concede_drops = false;
    }
    let evaluation = evaluate(&map);
    assert_eq!(evaluation.claim(turn), Label::Out);
    assert!(check(&map, &evaluation).iter().any(|f| {
        f.rule == Rule::Dropped
            && f.message
                .ends_with("the round does not count drops as conceded.")
    }));
}

#[test]
fn an_assessment_outranks_a_drop_and_unknown_speeches_are_marked() {
    let (mut map, [_, _, _, turn, _]) = late_answer_round();
    if let Some(claim) = map.claims.get_mut(&turn) {
        claim.assessment = Some(argmap::model::Assessment::Rejected);
    }
    let evaluation = evaluate(&map);
    assert_eq!(
        evaluation.claim(turn),
        Label::Out,
        "the judge's call stands"
    );
    let stray = map.add_claim(Claim {
        speech: Some("3NC".into()),
        ..Claim::new("A speech no round has", Pos::default())
    });
    let findings = check(&map, &evaluate(&map));
    let unknown: Vec<&str> = findings
        .iter()
        .filter(|f| f.rule == Rule::UnknownSpeech && f.claim == Some(stray))
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(
        unknown,
        [
            "Made in “3NC”, which a Policy round does not have: choose one of its speeches (1AC, \
          1NC, 2AC, 2NC, 1NR, 1AR, 2NR, 2AR)."
        ]
    );
    map.round = None;
    assert!(
        check(&map, &evaluate(&map))
            .iter()
            .any(|f| f.rule == Rule::UnknownSpeech
                && f.message == "Made in “3NC”, but the map is no round: set its round format.")
    );
}
