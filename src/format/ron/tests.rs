//! Tests of the native format: round trips, errors with line and column,
//! unknown fields, repeated ids.

use super::*;
use crate::model::{Citation, ClaimKind, LinkId, LinkKind, Pos, Target};

/// Weights and standards are written only where they differ from the
/// defaults, read back the same, and a weight out of range is refused
/// with where it is.
#[test]
fn weights_and_standards_round_trip_and_bad_weights_say_where() {
    use crate::model::{Standard, Weight};
    let text = r#"(
            format: 1,
            title: "Weighed",
            thesis: 1,
            claims: {
                1: (text: "Homework should be optional.", pos: (0.0, 0.0), standard: ClearAndConvincing),
                2: (text: "Children need rest.", pos: (-150.0, 230.0)),
                3: (text: "Practice builds habits.", pos: (150.0, 230.0)),
            },
            links: {
                1: (kind: Support, premises: [2], target: Claim(1), weight: 0.8),
                2: (kind: Attack, premises: [3], target: Claim(1)),
            },
            evaluation: (presumption: 0.3, standard: BeyondReasonableDoubt),
        )"#;
    let map = load(text.as_bytes()).expect("a sound map");
    assert_eq!(
        map.links[&LinkId(1)].weight,
        Weight::step(4).expect("strong")
    );
    assert_eq!(map.links[&LinkId(2)].weight, Weight::FULL);
    assert_eq!(
        map.claims[&ClaimId(1)].standard,
        Some(Standard::ClearAndConvincing)
    );
    assert_eq!(map.evaluation.presumption, Weight::new(0.3).expect("0.3"));
    assert_eq!(map.evaluation.standard, Standard::BeyondReasonableDoubt);
    let written = to_string(&map);
    assert!(written.contains("weight: 0.8"), "{written}");
    assert_eq!(
        written.matches("weight:").count(),
        1,
        "full weights are left out"
    );
    assert!(
        written.contains("standard: ClearAndConvincing"),
        "{written}"
    );
    assert_eq!(load(written.as_bytes()), Ok(map));
    // The defaults leave no trace in the file.
    let plain = to_string(&load(text.replace(", weight: 0.8", "").as_bytes()).expect("sound"));
    assert_eq!(plain.matches("weight").count(), 0, "{plain}");
    let bad = text.replace("weight: 0.8", "weight: 1.5");
    let err = load(bad.as_bytes()).expect_err("out of range");
    let message = err.to_string();
    assert!(
        message.contains("a weight is a number above 0 and at most 1"),
        "{message}"
    );
    assert!(
        matches!(err, LoadError::Parse(ParseError::Syntax { line: 11, .. })),
        "{err:?}"
    );
}

/// A map written by hand reads, summarises and writes back as itself.
#[test]
fn a_hand_written_map_reads_and_writes_back() {
    use crate::model::{Role, Stats};
    let text = r#"(
            format: 1,
            title: "Homework",
            thesis: 1,
            claims: {
                1: (text: "Homework should be optional.", pos: (0.0, 0.0)),
                2: (text: "Children need rest.", pos: (-150.0, 230.0)),
                3: (text: "Practice builds habits.", pos: (150.0, 230.0)),
            },
            links: {
                1: (kind: Support, premises: [2], target: Claim(1)),
                2: (kind: Attack, premises: [3], target: Claim(1)),
            },
        )"#;
    let map = load(text.as_bytes()).expect("a sound map");
    assert_eq!(
        Stats::of(&map).to_string(),
        "3 claims, 2 links (1 support, 1 attack; 0 linked, 0 undercut), thesis #1, depth 2"
    );
    assert_eq!(Role::of(&map, ClaimId(3)), Some(Role::Counterpoint));
    assert_eq!(load(to_string(&map).as_bytes()), Ok(map));
}

fn sample() -> Map {
    let mut map = Map::new("Sample");
    map.sources.insert(
        "article".to_owned(),
        Source {
            title: "An article".to_owned(),
            ..Source::default()
        },
    );
    let thesis = map.add_claim(Claim::new(
        "Rule by law (法治) is not rule of law",
        Pos::new(0.0, 0.0),
    ));
    let mut reason = Claim::new("Zwei Gründe,\nzwei Zeilen", Pos::new(-220.5, 180.0));
    reason.kind = ClaimKind::Evidence;
    reason.source = Some(Citation {
        doc: "article".to_owned(),
        para: Some(21),
        ..Citation::default()
    });
    reason.tags = vec!["law".to_owned()];
    let reason = map.add_claim(reason);
    map.thesis = Some(thesis);
    map.add_link(Link {
        kind: LinkKind::Support,
        premises: vec![reason],
        target: Target::Claim(thesis),
        weight: crate::model::Weight::FULL,
    });
    map
}

#[test]
fn a_presentation_order_is_saved_and_read_back() {
    let mut map = sample();
    let ids: Vec<ClaimId> = map.claims.keys().copied().collect();
    map.presentation = Presentation {
        steps: vec![vec![ids[0]], ids[1..].to_vec()],
        ..Presentation::default()
    };
    let text = to_string(&map);
    assert!(
        text.contains("    presentation: (\n        steps: [[1], [2]],\n    ),\n"),
        "{text}"
    );
    assert_eq!(load(text.as_bytes()), Ok(map.clone()));
    // Files without one (every older file) read as the default order.
    map.presentation = Presentation::default();
    assert!(!to_string(&map).contains("presentation"));
}

#[test]
fn large_maps_written_on_several_threads_keep_id_order() {
    let map = crate::generate::generate(5000, 2);
    let text = to_string(&map);
    // Entries are at eight spaces: claims, then links, each ascending.
    let ids: Vec<u32> = text
        .lines()
        .filter_map(|l| l.strip_prefix("        "))
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split(':').next()?.parse().ok())
        .collect();
    let claims = &ids[..map.claims.len()];
    let links = &ids[map.claims.len()..];
    assert!(claims.windows(2).all(|w| w[0] < w[1]));
    assert!(links.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(links.len(), map.links.len());
    assert_eq!(load(text.as_bytes()), Ok(map));
}

#[test]
fn the_text_is_readable_and_stable() {
    let text = to_string(&sample());
    let expected = r#"(
    format: 1,
    title: "Sample",
    thesis: 1,
    sources: {
        "article": (
            title: "An article",
        ),
    },
    claims: {
        1: (
            text: "Rule by law (法治) is not rule of law",
            pos: (0.0, 0.0),
        ),
        2: (
            text: "Zwei Gründe,\nzwei Zeilen",
            kind: Evidence,
            source: (doc: "article", para: 21),
            pos: (-220.5, 180.0),
            tags: ["law"],
        ),
    },
    links: {
        1: (kind: Support, premises: [2], target: Claim(1)),
    },
)
"#;
    assert_eq!(text, expected);
    let again = load(text.as_bytes()).map(|map| to_string(&map));
    assert_eq!(again.as_deref(), Ok(expected));
}

#[test]
fn awkward_text_survives_a_round_trip() {
    let mut map = Map::new("Tom's \"map\"");
    for text in [
        "it's",
        "a\\'b",
        "\\",
        "tab\tand\r\nreturn",
        "\u{0}\u{301}e\u{301}",
        "r#\"raw\"#",
        "'",
    ] {
        map.add_claim(Claim::new(text, Pos::new(1.5, -2.25)));
    }
    let text = to_string(&map);
    assert!(text.contains("\"Tom's \\\"map\\\"\""), "{text}");
    assert_eq!(load(text.as_bytes()), Ok(map));
}

#[test]
fn explicit_some_is_read_too() {
    let text =
        "(format: 1, thesis: Some(1), claims: {1: (text: \"x\", pos: (1.0, 2.0))}, links: {})";
    let map = load(text.as_bytes()).map_err(|e| e.to_string());
    assert_eq!(map.map(|m| m.thesis), Ok(Some(ClaimId(1))));
}

#[test]
fn missing_fields_take_their_defaults() {
    let map = load(b"(claims: {1: (text: \"only text\")})").map_err(|e| e.to_string());
    let map = map
        .as_ref()
        .map(|m| (m.title.as_str(), m.claims[&ClaimId(1)].pos));
    assert_eq!(map, Ok(("", Pos::new(0.0, 0.0))));
}

#[test]
fn unknown_fields_are_reported_not_dropped_in_silence() {
    let text = "(format: 1, colour: \"red\", claims: {1: (text: \"x\", glow: true)}, \
                    links: {1: (kind: Support, premises: [1], target: Claim(1), w: 2)})";
    let parsed = parse(text.as_bytes()).expect("reads");
    let said: Vec<String> = parsed.unknown.iter().map(ToString::to_string).collect();
    assert_eq!(said.len(), 3, "{said:?}");
    assert!(said[0].starts_with("map: has a field this version of Argmap does not know, `colour`"));
    assert!(said[1].starts_with("claim #1: has a field"), "{said:?}");
    assert!(said[1].contains("`glow`"));
    assert!(said[2].starts_with("link #1: has a field"), "{said:?}");
    assert!(parsed.problems.len() >= 3);
    assert!(matches!(load(text.as_bytes()), Err(LoadError::Invalid(_))));
    // A map Argmap wrote has none.
    let written = to_string(&sample());
    assert!(parse(written.as_bytes()).expect("reads").unknown.is_empty());
}

#[test]
fn bad_input_gets_a_clear_error() {
    assert_eq!(parse(b"  \n"), Err(ParseError::Empty));
    assert_eq!(parse(b""), Err(ParseError::Empty));
    assert_eq!(
        parse(b"(\xff\x00\x13"),
        Err(ParseError::NotText { offset: 1 })
    );
    let text = to_string(&sample());
    let truncated = &text[..text.find("links").unwrap()];
    assert!(matches!(
        parse(truncated.as_bytes()),
        Err(ParseError::Syntax { .. })
    ));
    assert_eq!(
        parse(b"(format: 1,\n  title: 5)"),
        Err(ParseError::Syntax {
            line: 2,
            col: 10,
            message: "expected string".to_owned()
        })
    );
}

#[test]
fn error_positions_point_at_the_token() {
    let err = parse(
        "(\n    title: \"法治\",\n    claims: {\n        1: (text: [1]),\n    },\n)".as_bytes(),
    );
    assert_eq!(
        err,
        Err(ParseError::Syntax {
            line: 4,
            col: 19,
            message: "expected string".to_owned()
        })
    );
    assert_eq!(next_token("a\n\n  b", 1, 2), (3, 3));
    assert_eq!(next_token("a  ", 1, 2), (1, 2));
}

#[test]
fn hostile_input_is_refused_without_a_crash() {
    let deep = format!(
        "(claims: {{1: (text: \"x\", tags: {}{})}})",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(matches!(
        parse(deep.as_bytes()),
        Err(ParseError::Syntax { .. })
    ));
    let huge_id = b"(claims: {99999999999: (text: \"x\")})";
    assert!(matches!(parse(huge_id), Err(ParseError::Syntax { .. })));
    let negative = b"(claims: {-1: (text: \"x\")})";
    assert!(matches!(parse(negative), Err(ParseError::Syntax { .. })));
    let huge_hint =
        b"(claims: {}, links: {1: (kind: Support, premises: [1, 2, 3], target: Link(4294967295))})";
    assert!(parse(huge_hint).is_ok());
}

#[test]
fn newer_formats_are_refused() {
    let err = parse(b"(format: 2, claims: {})");
    assert_eq!(err, Err(ParseError::Newer { found: 2 }));
    // Even when the rest is nothing this version understands.
    let err = parse(b"(format: 7, claims: [\"a list now\"], links: Graph(1))");
    assert_eq!(err, Err(ParseError::Newer { found: 7 }));
    let message = ParseError::Newer { found: 7 }.to_string();
    assert!(message.contains("format 7"), "{message}");
    assert!(message.contains("newer"), "{message}");
}

#[test]
fn repeated_ids_are_reported() {
    let text = "(claims: {1: (text: \"a\"), 1: (text: \"b\"), 1: (text: \"c\")}, \
                    links: {4: (kind: Support, premises: [1], target: Claim(1))})";
    let parsed = parse(text.as_bytes()).map(|p| p.problems);
    let messages: Vec<String> = parsed.iter().flatten().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "claim #1: the file defines claim #1 3 times; ids must be unique",
            "link #4: claim #1 is both its target and one of its premises",
        ]
    );
}

#[test]
fn non_finite_positions_are_problems() {
    let parsed = parse(b"(claims: {1: (text: \"a\", pos: (NaN, 1.0))})");
    let problems = parsed.map(|p| p.problems.len());
    assert_eq!(problems, Ok(1));
}

#[test]
fn a_round_and_its_speeches_round_trip_readably() {
    use crate::model::{Format, Round, Speech};
    let text = r#"(
    format: 1,
    title: "Practice",
    round: (
        format: Custom(speeches: [(name: "PM", side: "Government", minutes: 7.0), (name: "LO", side: "Opposition", minutes: 7.0, questions: 2.0)]),
        motion: "This house would ban homework",
        speakers: {"PM": "Ana"},
        concede_drops: false,
    ),
    claims: {
        1: (
            text: "Homework crowds out play",
            speech: "PM",
            pos: (0.0, 0.0),
        ),
    },
    links: {},
)
"#;
    let map = load(text.as_bytes()).expect("a round map");
    let round = map.round.as_ref().expect("its round");
    assert_eq!(round.speakers["PM"], "Ana");
    assert!(!round.concede_drops);
    assert_eq!(
        round.speeches()[1],
        Speech {
            name: "LO".into(),
            side: "Opposition".into(),
            minutes: 7.0,
            questions: Some(2.0),
        }
    );
    assert_eq!(map.claims[&ClaimId(1)].speech.as_deref(), Some("PM"));
    let written = to_string(&map);
    assert_eq!(load(written.as_bytes()).expect("read back"), map);
    assert!(
        written.contains("            speech: \"PM\",\n"),
        "{written}"
    );
    // A built-in format with its defaults writes one short line.
    let mut policy = Map::new("Policy");
    policy.round = Some(Round::of(Format::Policy));
    let written = to_string(&policy);
    assert!(
        written.contains("    round: (\n        format: Policy,\n    ),\n"),
        "{written}"
    );
    assert_eq!(load(written.as_bytes()).expect("read back"), policy);
}
