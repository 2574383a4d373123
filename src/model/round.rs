//! A debate round the map records: its format (the speeches in order, each
//! with its side and time), the motion, the teams and speakers. Each claim
//! may name the speech that made it ([`crate::model::Claim::speech`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A round of a debate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Round {
    /// Its format: the speeches and their times.
    pub format: Format,
    /// The motion (resolution) debated, when it is not the thesis's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub motion: Option<String>,
    /// Each side's team ("Affirmative": "Lincoln"), or in British
    /// Parliamentary each bench's ("Opening Government": "Oxford A").
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub teams: BTreeMap<String, String>,
    /// Who gave each speech ("1AC": "Ana").
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub speakers: BTreeMap<String, String>,
    /// Whether an argument the other side dropped counts as conceded
    /// (accepted) by the evaluation.
    #[serde(skip_serializing_if = "is_true")]
    pub concede_drops: bool,
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_true(value: &bool) -> bool {
    *value
}

impl Default for Round {
    fn default() -> Self {
        Self::of(Format::Policy)
    }
}

impl Round {
    /// A round in `format`, with no names yet.
    pub fn of(format: Format) -> Self {
        Self {
            format,
            motion: None,
            teams: BTreeMap::new(),
            speakers: BTreeMap::new(),
            concede_drops: true,
        }
    }

    /// The speeches, in the order they are given.
    pub fn speeches(&self) -> Vec<Speech> {
        self.format.speeches()
    }

    /// Where speech `name` comes in the round, counting from 0.
    pub fn speech_index(&self, name: &str) -> Option<usize> {
        self.speeches().iter().position(|s| s.name == name)
    }

    /// The speech's heading: "1NC · Negative · Sam".
    pub fn heading(&self, speech: &Speech) -> String {
        let mut heading = format!("{} · {}", speech.name, speech.side);
        if let Some(speaker) = self
            .speakers
            .get(&speech.name)
            .filter(|s| !s.trim().is_empty())
        {
            heading.push_str(" · ");
            heading.push_str(speaker.trim());
        }
        heading
    }
}

/// A debate format.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum Format {
    /// Policy (CX): two-person teams, four constructives and four
    /// rebuttals.
    #[default]
    Policy,
    /// Lincoln–Douglas: one against one, on values.
    LincolnDouglas,
    /// Public Forum: two-person teams, Pro and Con, with crossfires.
    PublicForum,
    /// World Schools: three speakers a side and a reply each.
    WorldSchools,
    /// British Parliamentary: four teams of two, two benches a side.
    BritishParliamentary,
    /// Asian Parliamentary: three speakers a side and a reply each.
    AsianParliamentary,
    /// Speeches of one's own, in order.
    Custom {
        /// The speeches.
        speeches: Vec<Speech>,
        /// Each side's preparation time in the round, in minutes.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        prep: Option<f32>,
    },
}

/// One speech of a round.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speech {
    /// Its short name, as debaters head a flow column: "1AC", "PM".
    pub name: String,
    /// The side that gives it: "Affirmative", "Government".
    pub side: String,
    /// How long it may last.
    pub minutes: f32,
    /// The cross-examination (or crossfire) after it, in minutes, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub questions: Option<f32>,
}

impl Speech {
    /// Speech `name` of `side`, `minutes` long, with no questioning after.
    pub fn new(name: impl Into<String>, side: impl Into<String>, minutes: f32) -> Self {
        Self {
            name: name.into(),
            side: side.into(),
            minutes,
            questions: None,
        }
    }
}

/// A speech of a built-in format: name, side (0 the side that opens), its
/// minutes, and the questioning after it.
type Row = (&'static str, usize, f32, Option<f32>);

const POLICY: [Row; 8] = [
    ("1AC", 0, 8.0, Some(3.0)),
    ("1NC", 1, 8.0, Some(3.0)),
    ("2AC", 0, 8.0, Some(3.0)),
    ("2NC", 1, 8.0, Some(3.0)),
    ("1NR", 1, 5.0, None),
    ("1AR", 0, 5.0, None),
    ("2NR", 1, 5.0, None),
    ("2AR", 0, 5.0, None),
];

const LINCOLN_DOUGLAS: [Row; 5] = [
    ("AC", 0, 6.0, Some(3.0)),
    ("NC", 1, 7.0, Some(3.0)),
    ("1AR", 0, 4.0, None),
    ("NR", 1, 6.0, None),
    ("2AR", 0, 3.0, None),
];

/// Crossfire after the rebuttals, and the grand crossfire after the
/// summaries, as the speech before them.
const PUBLIC_FORUM: [Row; 8] = [
    ("AC", 0, 4.0, None),
    ("NC", 1, 4.0, Some(3.0)),
    ("AR", 0, 4.0, None),
    ("NR", 1, 4.0, Some(3.0)),
    ("AS", 0, 3.0, None),
    ("NS", 1, 3.0, Some(3.0)),
    ("AFF", 0, 2.0, None),
    ("NFF", 1, 2.0, None),
];

/// The opposition replies first.
const WORLD_SCHOOLS: [Row; 8] = [
    ("P1", 0, 8.0, None),
    ("O1", 1, 8.0, None),
    ("P2", 0, 8.0, None),
    ("O2", 1, 8.0, None),
    ("P3", 0, 8.0, None),
    ("O3", 1, 8.0, None),
    ("OR", 1, 4.0, None),
    ("PR", 0, 4.0, None),
];

const BRITISH_PARLIAMENTARY: [Row; 8] = [
    ("PM", 0, 7.0, None),
    ("LO", 1, 7.0, None),
    ("DPM", 0, 7.0, None),
    ("DLO", 1, 7.0, None),
    ("MG", 0, 7.0, None),
    ("MO", 1, 7.0, None),
    ("GW", 0, 7.0, None),
    ("OW", 1, 7.0, None),
];

/// The leader of the opposition replies first.
const ASIAN_PARLIAMENTARY: [Row; 8] = [
    ("PM", 0, 7.0, None),
    ("LO", 1, 7.0, None),
    ("DPM", 0, 7.0, None),
    ("DLO", 1, 7.0, None),
    ("GW", 0, 7.0, None),
    ("OW", 1, 7.0, None),
    ("LOR", 1, 4.0, None),
    ("PMR", 0, 4.0, None),
];

impl Format {
    /// Every built-in format, in the order menus list them.
    pub const BUILT_IN: [Self; 6] = [
        Self::Policy,
        Self::LincolnDouglas,
        Self::PublicForum,
        Self::WorldSchools,
        Self::BritishParliamentary,
        Self::AsianParliamentary,
    ];

    /// Its name in words: "Lincoln–Douglas".
    pub fn label(&self) -> &'static str {
        match self {
            Self::Policy => "Policy",
            Self::LincolnDouglas => "Lincoln–Douglas",
            Self::PublicForum => "Public Forum",
            Self::WorldSchools => "World Schools",
            Self::BritishParliamentary => "British Parliamentary",
            Self::AsianParliamentary => "Asian Parliamentary",
            Self::Custom { .. } => "Custom",
        }
    }

    /// The two sides, the one that opens first.
    fn side_names(&self) -> [&'static str; 2] {
        match self {
            Self::Policy | Self::LincolnDouglas => ["Affirmative", "Negative"],
            Self::PublicForum => ["Pro", "Con"],
            Self::WorldSchools => ["Proposition", "Opposition"],
            Self::BritishParliamentary | Self::AsianParliamentary | Self::Custom { .. } => {
                ["Government", "Opposition"]
            }
        }
    }

    /// The sides, in the order they first speak.
    pub fn sides(&self) -> Vec<String> {
        match self {
            Self::Custom { speeches, .. } => {
                let mut sides: Vec<String> = Vec::new();
                for speech in speeches {
                    if !sides.contains(&speech.side) {
                        sides.push(speech.side.clone());
                    }
                }
                sides
            }
            _ => self.side_names().iter().map(|&s| s.to_owned()).collect(),
        }
    }

    /// The speeches, in order.
    pub fn speeches(&self) -> Vec<Speech> {
        let rows: &[Row] = match self {
            Self::Policy => &POLICY,
            Self::LincolnDouglas => &LINCOLN_DOUGLAS,
            Self::PublicForum => &PUBLIC_FORUM,
            Self::WorldSchools => &WORLD_SCHOOLS,
            Self::BritishParliamentary => &BRITISH_PARLIAMENTARY,
            Self::AsianParliamentary => &ASIAN_PARLIAMENTARY,
            Self::Custom { speeches, .. } => return speeches.clone(),
        };
        let sides = self.side_names();
        rows.iter()
            .map(|&(name, side, minutes, questions)| Speech {
                name: name.to_owned(),
                side: sides[side].to_owned(),
                minutes,
                questions,
            })
            .collect()
    }

    /// Each side's preparation time during the round, in minutes: none in
    /// the parliamentary formats and World Schools, which prepare before.
    pub fn prep_minutes(&self) -> Option<f32> {
        match self {
            Self::Policy => Some(8.0),
            Self::LincolnDouglas => Some(4.0),
            Self::PublicForum => Some(3.0),
            Self::WorldSchools | Self::BritishParliamentary | Self::AsianParliamentary => None,
            Self::Custom { prep, .. } => *prep,
        }
    }

    /// In British Parliamentary, the bench a speech belongs to ("Opening
    /// Government"); in other formats its side.
    pub fn team_of(&self, speech: &Speech) -> String {
        if *self == Self::BritishParliamentary {
            let bench = match speech.name.as_str() {
                "PM" | "DPM" | "LO" | "DLO" => "Opening",
                _ => "Closing",
            };
            format!("{bench} {}", speech.side)
        } else {
            speech.side.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_format_has_its_speeches_in_order_with_two_sides_taking_turns_to_open() {
        let names = |f: &Format| {
            f.speeches()
                .into_iter()
                .map(|s| s.name)
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(names(&Format::Policy), "1AC 1NC 2AC 2NC 1NR 1AR 2NR 2AR");
        assert_eq!(names(&Format::LincolnDouglas), "AC NC 1AR NR 2AR");
        assert_eq!(names(&Format::PublicForum), "AC NC AR NR AS NS AFF NFF");
        assert_eq!(names(&Format::WorldSchools), "P1 O1 P2 O2 P3 O3 OR PR");
        assert_eq!(
            names(&Format::BritishParliamentary),
            "PM LO DPM DLO MG MO GW OW"
        );
        assert_eq!(
            names(&Format::AsianParliamentary),
            "PM LO DPM DLO GW OW LOR PMR"
        );
        for format in Format::BUILT_IN {
            let speeches = format.speeches();
            let sides = format.sides();
            assert_eq!(sides.len(), 2, "{}", format.label());
            assert_eq!(speeches[0].side, sides[0], "{}", format.label());
            assert!(speeches.iter().all(|s| sides.contains(&s.side)));
            assert!(speeches.iter().all(|s| s.minutes > 0.0));
        }
        assert_eq!(Format::WorldSchools.speeches()[6].side, "Opposition");
        assert_eq!(Format::AsianParliamentary.speeches()[7].side, "Government");
    }

    #[test]
    fn a_custom_format_takes_its_sides_from_its_speeches() {
        let speech = |name: &str, side: &str| Speech::new(name, side, 5.0);
        let format = Format::Custom {
            speeches: vec![
                speech("A1", "Red"),
                speech("B1", "Blue"),
                speech("A2", "Red"),
            ],
            prep: Some(2.0),
        };
        assert_eq!(format.sides(), ["Red", "Blue"]);
        assert_eq!(format.prep_minutes(), Some(2.0));
        let round = Round {
            speakers: [("B1".to_owned(), "Sam".to_owned())].into(),
            ..Round::of(format)
        };
        assert_eq!(round.speech_index("A2"), Some(2));
        assert_eq!(round.heading(&round.speeches()[1]), "B1 · Blue · Sam");
    }

    #[test]
    fn british_parliamentary_speeches_belong_to_benches() {
        let format = Format::BritishParliamentary;
        let teams: Vec<String> = format
            .speeches()
            .iter()
            .map(|s| format.team_of(s))
            .collect();
        assert_eq!(teams[0], "Opening Government");
        assert_eq!(teams[5], "Closing Opposition");
    }
}
