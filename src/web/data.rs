//! What the handout's script knows of the map, as JSON: each claim's card,
//! words and place in the structure, what each link joins, the
//! presentation's steps and what each answers, and the statuses with their
//! reasons when the map is evaluated.

use std::collections::BTreeMap;

use egui::Rect;
use serde::Serialize;

use crate::eval::Evaluation;
use crate::eval::Part;
use crate::model::{ClaimId, LinkKind, Map, Role, Target, nav, present, reading};

/// The map for the script.
#[derive(Debug, Serialize)]
pub struct Data {
    /// The map's title.
    pub title: String,
    /// The drawing's extent, in map units: `[x, y, width, height]`.
    pub bounds: [f32; 4],
    /// The thesis, where there is one.
    pub thesis: Option<u32>,
    /// Every claim, by id.
    pub claims: BTreeMap<u32, ClaimData>,
    /// Every link, by id.
    pub links: BTreeMap<u32, LinkData>,
    /// The claims that answer nothing, left to right.
    pub roots: Vec<u32>,
    /// The presentation, step by step.
    pub steps: Vec<StepData>,
    /// Whether statuses are shown.
    pub evaluated: bool,
    /// Every claim in reading order: the order search results come in.
    pub order: Vec<u32>,
    /// The map read as an outline, row by row (see [`RowData`]): what the
    /// reading view shows on a phone, where the drawing is too wide.
    pub reading: Vec<RowData>,
    /// Argmap's rules the viewer follows, as numbers and words from the
    /// Rust code (never copies in the script).
    pub rules: Rules,
    /// Each source's reference in the map's citation style, by key, as
    /// runs of `[text, italic]` (sources with reference details only).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub references: BTreeMap<String, Vec<(String, bool)>>,
}

/// The rules the viewer follows: how presenting frames a step, the zoom
/// steps, and how search splits a query. The script reads them as `RULES`.
#[derive(Debug, Serialize)]
pub struct Rules {
    /// Presenting (see `draw::framing::step_frame`).
    pub present: PresentRules,
    /// Zooming.
    pub zoom: ZoomRules,
    /// Searching (see `model::find`).
    pub search: SearchRules,
}

/// How a presentation frames its steps.
#[derive(Debug, Serialize)]
pub struct PresentRules {
    /// Never closer than this zoom.
    pub max_zoom: f32,
    /// The smallest card text while presenting, in points (see
    /// `draw::framing::screen_min_zoom`): context comes in only while the
    /// text stays this large…
    pub min_text: f32,
    /// …and at least this share of the screen's height.
    pub min_text_share: f32,
    /// The size of card text in map units.
    pub text_size: f32,
    /// The margin around what is framed, in map units.
    pub margin: f32,
}

/// The canvas's zoom steps (see the canvas's `lod` module).
#[derive(Debug, Serialize)]
pub struct ZoomRules {
    /// Claim text reads from this zoom up.
    pub text: f32,
    /// The largest title reads from this zoom up; plain blocks below.
    pub blocks: f32,
    /// One step of the zoom buttons and keys.
    pub step: f32,
}

/// How a query is split into words.
#[derive(Debug, Serialize)]
pub struct SearchRules {
    /// The characters between words.
    pub separators: String,
}

impl Rules {
    /// The rules as the editor follows them.
    pub fn of_argmap() -> Self {
        use crate::draw::{framing, geometry};
        Self {
            present: PresentRules {
                max_zoom: framing::PRESENT_MAX_ZOOM,
                min_text: framing::SCREEN_TEXT_POINTS,
                min_text_share: framing::SCREEN_TEXT_SHARE,
                text_size: crate::card::TEXT_SIZE,
                margin: framing::PRESENT_MARGIN,
            },
            zoom: ZoomRules {
                text: crate::measure::READABLE_POINTS / crate::card::TEXT_SIZE,
                blocks: crate::measure::READABLE_POINTS / crate::measure::MAX_TITLE_SIZE,
                step: geometry::ZOOM_STEP,
            },
            search: SearchRules {
                separators: crate::model::find::SEPARATORS.iter().collect(),
            },
        }
    }
}

/// One claim.
#[derive(Debug, Serialize)]
pub struct ClaimData {
    /// Its card, in map units: `[x, y, width, height]`.
    pub rect: [f32; 4],
    /// Its role in words ("reason", "objection"…).
    pub role: &'static str,
    /// Its kind in words ("claim", "evidence", "note").
    pub kind: &'static str,
    /// The label its card shows ("EVIDENCE · REASON").
    pub label: String,
    /// Its title, given or made from its text.
    pub title: String,
    /// Whether the title was given (and is shown on the card).
    pub titled: bool,
    /// Its words.
    pub text: String,
    /// The author's note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Its citation, in words: in the map's style when the source has
    /// reference details ("(Doe, 2021, para. 4)"), else "Title, ¶4".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cite: Option<String>,
    /// The key of the source it cites (see [`Data::references`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
    /// For evidence from a source with reference details, the cite a
    /// debater writes after the tag: "Doe 2021".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short_cite: Option<String>,
    /// The cited source's address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The words it quotes from its source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Its tags.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// What a search looks through, lowercased (`model::find`).
    pub search: String,
    /// Its assessment ("accepted", "rejected").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assessed: Option<&'static str>,
    /// Its status, when the map is evaluated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<StatusData>,
    /// What it answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<u32>,
    /// What answers it, left to right.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<u32>,
}

/// A claim's status and why.
#[derive(Debug, Serialize)]
pub struct StatusData {
    /// "holds", "fails", "open".
    pub word: &'static str,
    /// ✓, ✗, ?.
    pub symbol: &'static str,
    /// The reason, as words and claims: a string is words, a number a
    /// claim to point at.
    pub why: Vec<serde_json::Value>,
}

/// One link.
#[derive(Debug, Serialize)]
pub struct LinkData {
    /// "support" or "attack".
    pub kind: &'static str,
    /// The claims it needs on show to be shown: its premises and what it
    /// answers (for an undercut, the ends of the link it attacks too), as
    /// the presentation reveals it and folding hides it.
    pub ends: Vec<u32>,
}

/// One row of the reading view, in the order of `model::reading::walk`:
/// a claim that starts a tree, or a link's premises under what it
/// answers.
#[derive(Debug, Serialize)]
pub struct RowData {
    /// How far in: 0 for a claim that starts a tree, 1 for what answers
    /// it, and so on.
    pub depth: usize,
    /// The link whose premises the row shows (none for a tree's first
    /// claim).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<u32>,
    /// How the row reads after what it answers: "because", "but", "but
    /// that does not follow:", with the link's weight when below full.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connective: Option<String>,
    /// The claims: the tree's first, or the link's premises ("and"
    /// between them).
    pub claims: Vec<u32>,
    /// Those of them told in an earlier row (their answers are there).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub repeats: Vec<u32>,
}

/// One step of the presentation.
#[derive(Debug, Serialize)]
pub struct StepData {
    /// The claims it reveals.
    pub claims: Vec<u32>,
    /// What it answers, to frame with it, and the label of a pointer to it
    /// when it is too far to show.
    pub context: Vec<ContextData>,
    /// The label of a pointer to each of its own claims ("and #12: …"),
    /// for a step too large to show at once.
    pub own: Vec<ContextData>,
}

/// A claim shown with a step for context.
#[derive(Debug, Serialize)]
pub struct ContextData {
    /// The claim.
    pub claim: u32,
    /// "answers #3: …".
    pub pointer: String,
}

/// A source and the paragraphs cited in it.
type CitedAt = (String, Option<(u32, u32)>);

/// Claim ids as the script knows them.
fn ids(claims: &[ClaimId]) -> Vec<u32> {
    claims.iter().map(|c| c.0).collect()
}

fn rect_of(rect: Rect) -> [f32; 4] {
    let round = |x: f32| (x * 100.0).round() / 100.0;
    [
        round(rect.min.x),
        round(rect.min.y),
        round(rect.width()),
        round(rect.height()),
    ]
}

/// Everything the script needs of `map`, with its `cards` and the drawing's
/// `bounds`; `evaluation` when statuses are shown; `quotes` by claim.
pub fn data(
    map: &Map,
    cards: &BTreeMap<ClaimId, Rect>,
    bounds: Rect,
    evaluation: Option<&Evaluation>,
    quotes: &BTreeMap<ClaimId, String>,
) -> Data {
    let roles = Role::all(map);
    let parents = nav::parents(map);
    // Citations in the style, each source and paragraph range once.
    let mut styled: BTreeMap<CitedAt, String> = BTreeMap::new();
    let mut cite_of = |citation: &crate::model::Citation| {
        styled
            .entry((citation.doc.clone(), citation.paragraphs()))
            .or_insert_with(|| crate::cite::cited(map, citation))
            .clone()
    };
    let (mut rows, roots) = nav::tree(map);
    let claims = map
        .claims
        .iter()
        .filter_map(|(&id, claim)| {
            let rect = *cards.get(&id)?;
            let citation = claim.source.as_ref();
            let source = citation.and_then(|c| map.sources.get(&c.doc));
            let cite = citation.map(&mut cite_of);
            let short_cite = source
                .filter(|_| claim.kind == crate::model::ClaimKind::Evidence)
                .and_then(crate::model::Source::short_cite);
            let status = evaluation.and_then(|e| {
                let label = e.claim_status(id)?.label;
                Some(StatusData {
                    word: label.word(),
                    symbol: label.symbol(),
                    why: e
                        .why_claim(map, id)
                        .into_iter()
                        .map(|part| match part {
                            Part::Text(t) => serde_json::Value::String(t),
                            Part::Claim(c) => serde_json::Value::from(c.0),
                        })
                        .collect(),
                })
            });
            let role = roles.get(&id).copied().unwrap_or(Role::Free);
            Some((
                id.0,
                ClaimData {
                    rect: rect_of(rect),
                    role: role.label(),
                    kind: claim.kind.label(),
                    label: crate::draw::style::card_style(role, claim.kind, false).label,
                    title: claim.shown_title(),
                    titled: claim.title.is_some(),
                    text: claim.text.clone(),
                    note: claim.note.clone().filter(|n| !n.trim().is_empty()),
                    cite,
                    doc: citation.map(|c| c.doc.clone()),
                    short_cite,
                    url: source.and_then(|s| s.url.clone()),
                    quote: quotes.get(&id).cloned(),
                    tags: claim.tags.clone(),
                    search: crate::model::find::searched_words(map, claim),
                    assessed: claim.assessment.map(crate::model::Assessment::label),
                    status,
                    parent: parents.get(&id).map(|p| p.0),
                    children: rows.remove(&id).map(|r| ids(&r)).unwrap_or_default(),
                },
            ))
        })
        .collect();
    let links = links_data(map);
    let steps = steps_data(map);
    Data {
        title: map.title.clone(),
        bounds: rect_of(bounds),
        thesis: map.thesis.map(|t| t.0),
        claims,
        links,
        roots: ids(&roots),
        steps,
        evaluated: evaluation.is_some(),
        order: ids(&reading::order(map)),
        reading: reading_rows(map),
        rules: Rules::of_argmap(),
        references: references(map),
    }
}

/// The reference of every source with reference details, as runs.
fn references(map: &Map) -> BTreeMap<String, Vec<(String, bool)>> {
    crate::cite::detailed_references(map)
        .into_iter()
        .map(|r| {
            let runs = r
                .text
                .0
                .into_iter()
                .map(|run| (run.text, run.italic))
                .collect();
            (r.key, runs)
        })
        .collect()
}

/// The map as the outline tells it, row by row.
fn reading_rows(map: &Map) -> Vec<RowData> {
    reading::walk(map)
        .into_iter()
        .filter_map(|step| match step {
            reading::Step::Root(id) => Some(RowData {
                depth: 0,
                link: None,
                connective: None,
                claims: vec![id.0],
                repeats: Vec::new(),
            }),
            reading::Step::Link { id, depth, fresh } => {
                let link = map.links.get(&id)?;
                Some(RowData {
                    depth: depth + 1,
                    link: Some(id.0),
                    connective: Some(link.weighed_connective()),
                    claims: ids(&link.premises),
                    repeats: link
                        .premises
                        .iter()
                        .zip(&fresh)
                        .filter(|(_, new)| !**new)
                        .map(|(p, _)| p.0)
                        .collect(),
                })
            }
        })
        .collect()
}

/// What each link joins: its ends (see [`LinkData::ends`]).
fn links_data(map: &Map) -> BTreeMap<u32, LinkData> {
    map.links
        .iter()
        .map(|(&id, link)| {
            let mut ends: Vec<u32> = ids(&link.premises);
            // Up the chain of undercuts to the claim finally answered.
            let mut target = link.target;
            for _ in 0..=map.links.len() {
                match target {
                    Target::Claim(c) => {
                        ends.push(c.0);
                        break;
                    }
                    Target::Link(up) => {
                        let Some(up) = map.links.get(&up) else { break };
                        ends.extend(up.premises.iter().map(|c| c.0));
                        target = up.target;
                    }
                }
            }
            ends.sort_unstable();
            ends.dedup();
            let kind = match link.kind {
                LinkKind::Support => "support",
                LinkKind::Attack => "attack",
            };
            (id.0, LinkData { kind, ends })
        })
        .collect()
}

/// The presentation's steps, each with what it answers.
fn steps_data(map: &Map) -> Vec<StepData> {
    let steps = present::steps(map);
    let order = present::step_index(&steps);
    steps
        .iter()
        .map(|step| StepData {
            claims: ids(step),
            context: present::context(map, step, &order)
                .iter()
                .map(|c| ContextData {
                    claim: c.claim.0,
                    pointer: crate::draw::svg::pointer_text(map, c),
                })
                .collect(),
            own: step
                .iter()
                .map(|&claim| ContextData {
                    claim: claim.0,
                    pointer: crate::draw::svg::pointer_text(
                        map,
                        &present::Context::same_step(claim),
                    ),
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Link, Pos};

    #[test]
    fn the_reading_rows_tell_the_outline_with_linked_premises_and_repeats() {
        let mut map = Map::new("Homework");
        let at = |x: f32| Pos::new(x, 0.0);
        let thesis = map.add_claim(Claim::new("Ban homework", at(0.0)));
        map.thesis = Some(thesis);
        let tired = map.add_claim(Claim::new("Pupils are tired", at(-100.0)));
        let sleep = map.add_claim(Claim::new("Sleep matters", at(100.0)));
        let practice = map.add_claim(Claim::new("Practice helps", at(300.0)));
        let reason = map.add_link(Link::new(
            LinkKind::Support,
            vec![tired, sleep],
            Target::Claim(thesis),
        ));
        let mut weak = Link::new(LinkKind::Attack, vec![practice], Target::Claim(tired));
        weak.weight = crate::model::Weight::step(1).expect("a weak step");
        let objection = map.add_link(weak);
        let again = map.add_link(Link::new(
            LinkKind::Attack,
            vec![sleep],
            Target::Claim(practice),
        ));
        // As the script reads them: what a row lacks is left out.
        let rows = serde_json::to_value(reading_rows(&map)).expect("rows as JSON");
        assert_eq!(
            rows,
            serde_json::json!([
                { "depth": 0, "claims": [thesis.0] },
                { "depth": 1, "link": reason.0, "connective": "because", "claims": [tired.0, sleep.0] },
                { "depth": 2, "link": objection.0, "connective": "but (weak)", "claims": [practice.0] },
                { "depth": 3, "link": again.0, "connective": "but", "claims": [sleep.0], "repeats": [sleep.0] },
            ])
        );
    }

    #[test]
    fn detailed_sources_are_cited_in_style_and_evidence_carries_its_cite() {
        let mut map = Map::new("Homework");
        map.sources.insert(
            "study".into(),
            crate::model::Source {
                title: "Homework and achievement".into(),
                authors: vec![crate::model::Name {
                    family: "Doe".into(),
                    given: Some("Jane".into()),
                    ..crate::model::Name::default()
                }],
                date: Some("2021".into()),
                ..crate::model::Source::default()
            },
        );
        map.sources.insert(
            "bare".into(),
            crate::model::Source {
                title: "Notes from class".into(),
                ..crate::model::Source::default()
            },
        );
        let cite = |doc: &str| {
            Some(crate::model::Citation {
                doc: doc.into(),
                para: Some(4),
                ..crate::model::Citation::default()
            })
        };
        let mut evidence = Claim::new("Little gain before eleven.", Pos::new(0.0, 0.0));
        evidence.kind = crate::model::ClaimKind::Evidence;
        evidence.source = cite("study");
        let evidence = map.add_claim(evidence);
        let mut plain = Claim::new("Teachers disagree.", Pos::new(300.0, 0.0));
        plain.source = cite("bare");
        let plain = map.add_claim(plain);
        let cards = map
            .claims
            .keys()
            .map(|&id| {
                (
                    id,
                    Rect::from_min_size(egui::pos2(0.0, 0.0), egui::vec2(10.0, 10.0)),
                )
            })
            .collect();
        let data = data(&map, &cards, Rect::ZERO, None, &BTreeMap::new());
        let evidence = &data.claims[&evidence.0];
        assert_eq!(evidence.cite.as_deref(), Some("(Doe, 2021, para. 4)"));
        assert_eq!(evidence.short_cite.as_deref(), Some("Doe 2021"));
        assert_eq!(evidence.doc.as_deref(), Some("study"));
        let plain = &data.claims[&plain.0];
        assert_eq!(plain.cite.as_deref(), Some("Notes from class, ¶4"));
        assert_eq!(plain.short_cite, None);
        assert_eq!(data.references.keys().collect::<Vec<_>>(), ["study"]);
        assert_eq!(
            data.references["study"],
            [
                ("Doe, J. (2021). ".to_owned(), false),
                ("Homework and achievement".to_owned(), true),
                (".".to_owned(), false)
            ]
        );
    }
}
