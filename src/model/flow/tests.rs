use super::*;
use crate::model::{Claim, Format, Link, Pos};

/// A round in `format` built from lines "ID SPEECH [attacks|supports|undercuts TARGET]":
/// each ID a claim made in SPEECH, answering TARGET (an undercut attacks
/// the link TARGET's first answer made).
fn round(format: Format, lines: &[&str]) -> (Map, BTreeMap<String, ClaimId>) {
    let mut map = Map::new("Round");
    map.round = Some(Round::of(format));
    let mut ids: BTreeMap<String, ClaimId> = BTreeMap::new();
    for line in lines {
        let words: Vec<&str> = line.split_whitespace().collect();
        let id = map.add_claim(Claim {
            speech: Some(words[1].to_owned()),
            ..Claim::new(words[0], Pos::default())
        });
        ids.insert(words[0].to_owned(), id);
        if let [_, _, how, target] = words[..] {
            let target = ids[target];
            let (kind, target) = match how {
                "attacks" => (LinkKind::Attack, Target::Claim(target)),
                "supports" => (LinkKind::Support, Target::Claim(target)),
                _ => {
                    let link = map
                        .links
                        .iter()
                        .find(|(_, l)| l.premises.contains(&target))
                        .map(|(&l, _)| l)
                        .expect("the link to undercut");
                    (LinkKind::Attack, Target::Link(link))
                }
            };
            map.add_link(Link::new(kind, vec![id], target));
        }
    }
    (map, ids)
}

/// The names of the dropped claims, each "NAME@SPEECH" where it was dropped.
fn dropped(map: &Map, ids: &BTreeMap<String, ClaimId>) -> Vec<String> {
    let flow = Flow::of(map).expect("a round");
    ids.iter()
        .filter_map(|(name, id)| {
            let speech = &flow.speeches[*flow.dropped.get(id)?].name;
            Some(format!("{name}@{speech}"))
        })
        .collect()
}

#[test]
fn policy_the_negative_block_must_be_answered_in_the_first_affirmative_rebuttal() {
    let (map, ids) = round(
        Format::Policy,
        &[
            "harms 1AC",
            "solvency 1AC",
            "noharms 1NC attacks harms",
            "da 1NC",
            "da2 2NC",
            "nr 1NR",
            "ans 1AR attacks da2",
            "late 2AR",
        ],
    );
    // harms is answered in the 1NC; solvency never (dropped in the 1NC);
    // noharms and da must be answered by the 2AC; da2 (2NC) and nr (1NR)
    // by the 1AR — only da2 is; ans (1AR) by the 2NR; nothing speaks
    // after the 2AR.
    assert_eq!(
        dropped(&map, &ids),
        ["ans@2NR", "da@2AC", "noharms@2AC", "nr@1AR", "solvency@1NC"]
    );
}

#[test]
fn lincoln_douglas_public_forum_and_reply_speeches() {
    let (map, ids) = round(
        Format::LincolnDouglas,
        &[
            "value AC",
            "crit NC attacks value",
            "turn 1AR attacks crit",
            "x NR",
            "y 2AR",
        ],
    );
    // x (NR) must be answered in the 2AR; y is the last word.
    assert_eq!(dropped(&map, &ids), ["turn@NR", "x@2AR"]);
    let (map, ids) = round(
        Format::PublicForum,
        &[
            "c1 AC",
            "r1 NC attacks c1",
            "back AR attacks r1",
            "sum AS",
            "ff NFF",
        ],
    );
    // back (AR) must be answered by the Con's next speech, the NR.
    assert_eq!(dropped(&map, &ids), ["back@NR", "sum@NS"]);
    // World Schools: after O3 the opposition replies first, so the
    // proposition's last chance to answer O3 (and OR) is its reply, PR.
    let (map, ids) = round(
        Format::WorldSchools,
        &["p P1", "o3 O3", "or OR", "pr PR attacks o3"],
    );
    assert_eq!(dropped(&map, &ids), ["or@PR", "p@O1"]);
    // Asian Parliamentary: the leader of the opposition's reply must be
    // answered in the prime minister's reply.
    let (map, ids) = round(
        Format::AsianParliamentary,
        &[
            "pm PM",
            "lo LO attacks pm",
            "lor LOR",
            "pmr PMR attacks lor",
        ],
    );
    assert_eq!(dropped(&map, &ids), ["lo@DPM"]);
}

#[test]
fn british_parliamentary_each_bench_answers_in_the_next_speech_of_the_other_side() {
    let (map, ids) = round(
        Format::BritishParliamentary,
        &[
            "pm PM",
            "lo LO attacks pm",
            "ext MG supports pm",
            "mo MO attacks ext",
            "gw GW",
            "ow OW",
        ],
    );
    // lo needs an answer by the DPM; ext (MG) is answered by MO; gw by OW;
    // OW is the last speech.
    assert_eq!(dropped(&map, &ids), ["gw@OW", "lo@DPM", "mo@GW"]);
    let flow = Flow::of(&map).expect("round");
    assert_eq!(
        flow.extended_words(ids["pm"]).as_deref(),
        Some("extended in MG")
    );
    assert_eq!(
        flow.dropped_words(ids["lo"]).as_deref(),
        Some("dropped in DPM")
    );
}

#[test]
fn an_attack_on_the_link_answers_and_a_same_side_support_does_not() {
    let (map, ids) = round(
        Format::Policy,
        &[
            "harms 1AC",
            "plan 1AC supports harms",
            "nolink 1NC undercuts plan",
            "more 2AC supports nolink",
            "end 2AR",
        ],
    );
    // The undercut of plan's link answers plan; harms is never answered;
    // nolink's own side's support in the 2AC is no answer; more, made in
    // the 2AC, must be answered by the 2NC.
    assert_eq!(dropped(&map, &ids), ["harms@1NC", "more@2NC", "nolink@2AC"]);
}

#[test]
fn evidence_for_an_argument_of_its_own_speech_stands_or_falls_with_it() {
    let (map, ids) = round(
        Format::WorldSchools,
        &[
            "arg P1",
            "card P1 supports arg",
            "other P1",
            "card2 P1 supports other",
            "answer O1 attacks arg",
            "rebuild P2 supports other",
        ],
    );
    // card is part of arg, answered; card2 of other, which is dropped
    // once (and marked once); rebuild, made later, is an argument of its
    // own, with its own last chance (O2, not flowed yet).
    assert_eq!(dropped(&map, &ids), ["answer@P2", "other@O1"]);
}

#[test]
fn an_answer_after_the_last_chance_comes_too_late() {
    let (map, ids) = round(
        Format::Policy,
        &["adv 1AC", "late 2NC attacks adv", "end 1AR"],
    );
    assert_eq!(dropped(&map, &ids), ["adv@1NC", "late@1AR"]);
}

#[test]
fn an_argument_is_not_dropped_before_its_last_chance_is_flowed() {
    // Flowing live: the 1NC has been given, the 2AC not yet.
    let (map, ids) = round(Format::Policy, &["adv 1AC", "da 1NC"]);
    assert_eq!(dropped(&map, &ids), ["adv@1NC"], "da may yet be answered");
    let (map, ids) = round(Format::Policy, &["adv 1AC", "da 1NC", "turn 2AC"]);
    assert_eq!(dropped(&map, &ids), ["adv@1NC", "da@2AC"]);
}

#[test]
fn claims_no_speech_made_are_neither_dropped_nor_answers() {
    let (mut map, ids) = round(Format::Policy, &["adv 1AC", "da 1NC"]);
    let outside = map.add_claim(Claim::new("A judge's aside", Pos::default()));
    map.add_link(Link::new(
        LinkKind::Attack,
        vec![outside],
        Target::Claim(ids["adv"]),
    ));
    assert_eq!(dropped(&map, &ids), ["adv@1NC"]);
    assert!(
        !Flow::of(&map)
            .expect("round")
            .dropped
            .contains_key(&outside)
    );
}

#[test]
fn each_answer_sits_level_with_what_it_answers_and_lines_stack() {
    let (map, ids) = round(
        Format::Policy,
        &[
            "harms 1AC",
            "solvency 1AC",
            "a1 1NC attacks harms",
            "a2 1NC attacks harms",
            "b1 2AC attacks a1",
            "c1 1NC attacks solvency",
        ],
    );
    let flow = Flow::of(&map).expect("round");
    let sheet = &sheets(&map, &flow, Sheets::One)[0];
    let at = |name: &str| sheet.cells[&ids[name]];
    assert!(!sheet.outside_column);
    assert_eq!(at("harms"), (0, 0));
    assert_eq!(at("a1"), (1, 0), "level with harms");
    assert_eq!(at("b1"), (2, 0), "level with a1");
    assert_eq!(at("a2"), (1, 1), "below the first answer");
    assert_eq!(at("solvency"), (0, 2), "below harms's line");
    assert_eq!(at("c1"), (1, 2), "level with solvency");
    assert_eq!(sheet.rows, 3);
}

#[test]
fn an_extension_right_of_the_answers_before_it_sits_level_with_what_it_extends() {
    let (map, ids) = round(
        Format::Policy,
        &[
            "harms 1AC",
            "x 1NC attacks harms",
            "ext 2AC supports harms",
            "y 1NC attacks harms",
        ],
    );
    let flow = Flow::of(&map).expect("round");
    let sheet = &sheets(&map, &flow, Sheets::One)[0];
    assert_eq!(sheet.cells[&ids["x"]], (1, 0));
    assert_eq!(sheet.cells[&ids["y"]], (1, 1), "below the first answer");
    assert_eq!(sheet.cells[&ids["ext"]], (2, 0), "level with harms");
}

#[test]
fn sheets_by_side_put_each_line_on_the_case_of_the_side_that_began_it() {
    let (mut map, ids) = round(
        Format::Policy,
        &[
            "harms 1AC",
            "a1 1NC attacks harms",
            "da 1NC",
            "perm 2AC attacks da",
        ],
    );
    let motion = map.add_claim(Claim::new("Resolved: …", Pos::default()));
    map.thesis = Some(motion);
    map.add_link(Link::new(
        LinkKind::Support,
        vec![ids["harms"]],
        Target::Claim(motion),
    ));
    let flow = Flow::of(&map).expect("round");
    let sheets = sheets(&map, &flow, Sheets::BySide);
    assert_eq!(sheets.len(), 2);
    assert_eq!(sheets[0].title, "Affirmative case");
    let on = |n: usize| {
        let mut names: Vec<&str> = ids
            .iter()
            .filter(|(_, id)| sheets[n].cells.contains_key(id))
            .map(|(name, _)| name.as_str())
            .collect();
        names.sort_unstable();
        names
    };
    assert_eq!(on(0), ["a1", "harms"]);
    assert_eq!(on(1), ["da", "perm"]);
    // The motion no speech made heads the first sheet, in a column of its
    // own; harms is level with it.
    assert!(sheets[0].outside_column);
    assert_eq!(sheets[0].cells[&motion], (0, 0));
    assert_eq!(sheets[0].cells[&ids["harms"]], (1, 0));
    assert_eq!(sheets[1].cells[&ids["perm"]], (3, 0));
    // An attack on the motion begins the other side's case.
    let offcase = map.add_claim(Claim {
        speech: Some("1NC".into()),
        ..Claim::new("Counterplan", Pos::default())
    });
    map.add_link(Link::new(
        LinkKind::Attack,
        vec![offcase],
        Target::Claim(motion),
    ));
    let flow = Flow::of(&map).expect("round");
    let sheets = super::sheets(&map, &flow, Sheets::BySide);
    assert_eq!(sheets[1].cells[&ids["da"]], (2, 0));
    assert_eq!(sheets[1].cells[&offcase], (2, 1), "made after da");
    assert!(!sheets[0].cells.contains_key(&offcase));
}

#[test]
fn a_custom_format_drops_by_its_own_speeches_and_sides() {
    let speech = |name: &str, side: &str| crate::model::Speech::new(name, side, 5.0);
    let format = Format::Custom {
        speeches: vec![
            speech("R1", "Red"),
            speech("B1", "Blue"),
            speech("R2", "Red"),
            speech("BR", "Blue"),
        ],
        prep: None,
    };
    let (map, ids) = round(
        format,
        &[
            "red R1",
            "blue B1 attacks red",
            "again R2 attacks blue",
            "last BR",
        ],
    );
    // again (R2) must be answered by BR, which says something else.
    assert_eq!(dropped(&map, &ids), ["again@BR"]);
}
