//! AIF JSON, the Argument Interchange Format as `AIFdb` and OVA write it.
//!
//! In AIF, claims are I-nodes; a support is an RA-node with edges from its
//! premises and one to its conclusion; an attack is a CA-node; an undercut
//! is a CA-node aimed at an RA-node. Edges carry no type: the kinds of the
//! nodes at their ends say what they mean.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Imported, ParseError, text_of};
use crate::model::{
    Claim, ClaimId, ClaimKind, Link, LinkId, LinkKind, Map, Pos, Standard, Target, Weight,
};
use crate::words;

/// One node as `AIFdb` writes it: id, text, type and time, nothing else.
#[derive(Serialize)]
struct NodeOut<'a> {
    #[serde(rename = "nodeID")]
    id: String,
    text: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    timestamp: &'a str,
}

/// One edge as `AIFdb` writes it; `formEdgeID` is always there, and null
/// outside argument schemes' forms.
#[derive(Serialize)]
struct EdgeOut {
    #[serde(rename = "edgeID")]
    id: String,
    #[serde(rename = "fromID")]
    from: String,
    #[serde(rename = "toID")]
    to: String,
    #[serde(rename = "formEdgeID")]
    form_edge: Option<String>,
}

/// The analysis record OVA keeps beside the graph; its `documentTitle` is
/// where OVA and the tools that read its files (arguebuf, for one) take
/// a map's title from.
#[derive(Serialize, Deserialize, Default)]
struct Analysis {
    #[serde(rename = "documentTitle", default)]
    title: String,
}

/// What only Argmap reads back: each claim's place, kind, proof standard,
/// title, note, tags, citation and assessment, and the weight of each
/// weighed link (by its RA or CA node). AIF's I-node holds one text, so
/// the rest of a claim lives here, where other tools do not look.
#[derive(Serialize, Deserialize, Default)]
struct ArgmapExtra {
    #[serde(default)]
    layout: Vec<Placed>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    weights: Vec<Weighed>,
    /// The sources claims cite, by key, with their reference details.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    sources: BTreeMap<String, crate::model::Source>,
}

/// A link node's weight, when it is not the full 1.
#[derive(Serialize, Deserialize)]
struct Weighed {
    #[serde(rename = "nodeID")]
    id: Value,
    weight: f64,
}

#[derive(Serialize, Deserialize)]
struct Placed {
    #[serde(rename = "nodeID")]
    id: Value,
    x: f64,
    y: f64,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    kind: Option<String>,
    /// Its proof standard, when it names one (`clear-and-convincing`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    standard: Option<String>,
    /// Its title, as the user gave it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    title: Option<String>,
    /// Its note.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    note: Option<String>,
    /// Its tags.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    tags: Vec<String>,
    /// Where in a source it comes from: paragraphs and quote span.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    source: Option<crate::model::Citation>,
    /// The user's judgement of it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    assessment: Option<crate::model::Assessment>,
}

#[derive(Serialize)]
struct DocumentOut<'a> {
    nodes: Vec<NodeOut<'a>>,
    edges: Vec<EdgeOut>,
    locutions: [(); 0],
    #[serde(skip_serializing_if = "Option::is_none")]
    analysis: Option<Analysis>,
    argmap: ArgmapExtra,
}

fn claim_node(id: ClaimId) -> String {
    id.0.to_string()
}

/// Link nodes are numbered after every claim, so ids never collide.
fn link_node(map: &Map, id: LinkId) -> String {
    let base = map.claims.keys().next_back().map_or(0, |c| u64::from(c.0));
    (base + u64::from(id.0)).to_string()
}

/// What an AIF export of `map` leaves out: every claim's and link's own
/// fields travel in Argmap's record; the map's round, presentation order,
/// evaluation settings and citation style do not.
pub fn losses(map: &Map) -> Vec<String> {
    crate::format::map_losses(map, "AIF")
}

/// `map` in the `AIFdb` JSON form, stamped with the time now.
pub fn to_aif(map: &Map) -> String {
    to_aif_quoted(map, &BTreeMap::new())
}

/// [`to_aif`], where a claim with no text of its own takes the words it
/// quotes as its I-node's text. A claim with text keeps it: the I-node
/// holds the claim as the map states it (the paraphrase), as in every
/// other format.
pub fn to_aif_quoted(map: &Map, quotes: &BTreeMap<ClaimId, String>) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    write(map, now, quotes)
}

/// `map` in the `AIFdb` JSON form, every node stamped `unix_seconds` (UTC,
/// as `AIFdb` writes times): I-nodes for claims, RA-nodes ("Default
/// Inference") and CA-nodes ("Default Conflict") for links, the title in
/// `analysis.documentTitle`, and each claim's position and kind under
/// `argmap`, which other tools ignore.
pub fn to_aif_at(map: &Map, unix_seconds: u64) -> String {
    write(map, unix_seconds, &BTreeMap::new())
}

fn write(map: &Map, unix_seconds: u64, quotes: &BTreeMap<ClaimId, String>) -> String {
    let stamp = words::utc_timestamp(unix_seconds);
    let mut nodes = Vec::with_capacity(map.claims.len() + map.links.len());
    let mut edges = Vec::new();
    let mut layout = Vec::with_capacity(map.claims.len());
    for (&id, claim) in &map.claims {
        // A claim with no words of its own takes those it quotes.
        let text = match quotes.get(&id) {
            Some(words) if claim.text.trim().is_empty() => words,
            _ => &claim.text,
        };
        nodes.push(NodeOut {
            id: claim_node(id),
            text,
            kind: "I",
            timestamp: &stamp,
        });
        layout.push(Placed {
            id: Value::String(claim_node(id)),
            x: f64::from(claim.pos.x),
            y: f64::from(claim.pos.y),
            kind: match claim.kind {
                ClaimKind::Claim => None,
                ClaimKind::Evidence => Some("evidence".to_owned()),
                ClaimKind::Note => Some("note".to_owned()),
            },
            standard: claim.standard.map(|s| s.name().to_owned()),
            title: claim.title.clone(),
            note: claim.note.clone(),
            tags: claim.tags.clone(),
            source: claim.source.clone(),
            assessment: claim.assessment,
        });
    }
    let mut weights = Vec::new();
    for (&id, link) in &map.links {
        let node = link_node(map, id);
        if link.weight != Weight::FULL {
            weights.push(Weighed {
                id: Value::String(node.clone()),
                weight: link.weight.value(),
            });
        }
        let (kind, text) = match link.kind {
            LinkKind::Support => ("RA", "Default Inference"),
            LinkKind::Attack => ("CA", "Default Conflict"),
        };
        nodes.push(NodeOut {
            id: node.clone(),
            text,
            kind,
            timestamp: &stamp,
        });
        for &premise in &link.premises {
            edges.push((claim_node(premise), node.clone()));
        }
        let target = match link.target {
            Target::Claim(claim) => claim_node(claim),
            Target::Link(target) => link_node(map, target),
        };
        edges.push((node, target));
    }
    let title = map.title.trim();
    let document = DocumentOut {
        nodes,
        edges: edges
            .into_iter()
            .enumerate()
            .map(|(i, (from, to))| EdgeOut {
                id: (i + 1).to_string(),
                from,
                to,
                form_edge: None,
            })
            .collect(),
        locutions: [],
        analysis: (!title.is_empty()).then(|| Analysis {
            title: title.to_owned(),
        }),
        argmap: ArgmapExtra {
            layout,
            weights,
            sources: map.sources.clone(),
        },
    };
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

/// A node as read: any of the keys `AIFdb` and OVA write, ids as numbers or
/// strings.
#[derive(Deserialize)]
struct NodeIn {
    #[serde(rename = "nodeID")]
    id: Value,
    #[serde(default)]
    text: Value,
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default)]
    x: Option<f64>,
    #[serde(default)]
    y: Option<f64>,
    #[serde(rename = "argmapKind", default)]
    argmap_kind: Option<String>,
}

#[derive(Deserialize)]
struct EdgeIn {
    #[serde(rename = "fromID")]
    from: Value,
    #[serde(rename = "toID")]
    to: Value,
}

#[derive(Deserialize)]
struct Graph {
    #[serde(default)]
    nodes: Vec<NodeIn>,
    #[serde(default)]
    edges: Vec<EdgeIn>,
}

/// OVA's positions, kept beside the AIF graph.
#[derive(Deserialize)]
struct OvaNode {
    #[serde(rename = "nodeID")]
    id: Value,
    x: Option<f64>,
    y: Option<f64>,
}

#[derive(Deserialize)]
struct Ova {
    #[serde(default)]
    nodes: Vec<OvaNode>,
}

/// An id as a string, whether the file wrote it as a number or a string.
fn key(value: &Value) -> String {
    match value {
        Value::String(s) => s.trim().to_owned(),
        other => other.to_string(),
    }
}

fn text_value(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Whether a map read from a file carries positions for every claim.
fn finite(x: Option<f64>, y: Option<f64>) -> Option<Pos> {
    let (x, y) = (x?, y?);
    // Positions far beyond any canvas are treated as missing.
    if x.is_finite() && y.is_finite() && x.abs() < 1e7 && y.abs() < 1e7 {
        #[expect(clippy::cast_possible_truncation, reason = "Bounded above.")]
        Some(Pos {
            x: x as f32,
            y: y as f32,
        })
    } else {
        None
    }
}

/// Reads AIF JSON: the `AIFdb` form (`nodes`, `edges`) or OVA's save form
/// (`AIF`, `OVA`, `text`). I-nodes become claims, RA-nodes supports (linked
/// when several premises meet), CA-nodes attacks (undercuts when aimed at
/// an RA-node), MA-nodes (rephrase) supports, PA-nodes notes; the dialogue
/// layer (L, YA, TA) is skipped and counted in the report.
///
/// # Errors
/// When the bytes are not JSON text, or not an AIF graph.
pub fn from_aif(bytes: &[u8]) -> Result<Imported, ParseError> {
    let text = text_of(bytes)?;
    let syntax = |err: &serde_json::Error| ParseError::Syntax {
        line: err.line().max(1),
        col: err.column().max(1),
        message: err
            .to_string()
            .split(" at line")
            .next()
            .unwrap_or("")
            .to_owned(),
    };
    let value: Value = serde_json::from_str(text).map_err(|e| syntax(&e))?;
    let not_aif = || ParseError::Syntax {
        line: 1,
        col: 1,
        message:
            "not an AIF graph: expected an object with `nodes` and `edges` (AIFdb) or `AIF` (OVA)"
                .to_owned(),
    };
    let Value::Object(mut object) = value else {
        return Err(not_aif());
    };
    let ova: Option<Ova> = object
        .remove("OVA")
        .and_then(|v| serde_json::from_value(v).ok());
    let analysis: Analysis = object
        .remove("analysis")
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default();
    let extra: ArgmapExtra = object
        .remove("argmap")
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default();
    let graph_value = match object.remove("AIF") {
        Some(aif) => aif,
        None if object.contains_key("nodes") => Value::Object(object),
        None => return Err(not_aif()),
    };
    let graph: Graph = serde_json::from_value(graph_value).map_err(|e| ParseError::Syntax {
        line: 1,
        col: 1,
        message: format!("not an AIF graph: {e}"),
    })?;
    let mut imported = build(&graph, ova.as_ref(), &extra);
    imported.map.sources.clone_from(&extra.sources);
    analysis.title.trim().clone_into(&mut imported.map.title);
    Ok(imported.mended())
}

#[expect(
    clippy::too_many_lines,
    reason = "One pass per kind of node, in file order."
)]
fn build(graph: &Graph, ova: Option<&Ova>, extra: &ArgmapExtra) -> Imported {
    let mut report = Vec::new();
    let mut map = Map::new("");
    let ova_pos: HashMap<String, Pos> = ova
        .map(|o| {
            o.nodes
                .iter()
                .filter_map(|n| Some((key(&n.id), finite(n.x, n.y)?)))
                .collect()
        })
        .unwrap_or_default();
    // Argmap's own record of places and kinds.
    let placed: HashMap<String, &Placed> = extra.layout.iter().map(|p| (key(&p.id), p)).collect();
    let kinds: HashMap<String, String> = graph
        .nodes
        .iter()
        .map(|n| (key(&n.id), n.kind.trim().to_uppercase()))
        .collect();
    // Incoming and outgoing edges of every node, in file order.
    let mut into: HashMap<String, Vec<String>> = HashMap::new();
    let mut out_of: HashMap<String, Vec<String>> = HashMap::new();
    for edge in &graph.edges {
        let (from, to) = (key(&edge.from), key(&edge.to));
        out_of.entry(from.clone()).or_default().push(to.clone());
        into.entry(to).or_default().push(from);
    }

    let mut claims: HashMap<String, ClaimId> = HashMap::new();
    let mut positioned = true;
    let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
    for node in &graph.nodes {
        let id = key(&node.id);
        let kind = &kinds[&id];
        match kind.as_str() {
            "I" => {
                if claims.contains_key(&id) {
                    report.push(format!("node {id} appears twice; the second is skipped"));
                    continue;
                }
                let own = placed.get(&id);
                let pos = ova_pos
                    .get(&id)
                    .copied()
                    .or_else(|| own.and_then(|p| finite(Some(p.x), Some(p.y))))
                    .or_else(|| finite(node.x, node.y));
                positioned &= pos.is_some();
                let kind = own
                    .and_then(|p| p.kind.as_deref())
                    .or(node.argmap_kind.as_deref());
                let claim = Claim {
                    kind: match kind {
                        Some("evidence") => ClaimKind::Evidence,
                        Some("note") => ClaimKind::Note,
                        _ => ClaimKind::Claim,
                    },
                    standard: own
                        .and_then(|p| p.standard.as_deref())
                        .and_then(Standard::from_name),
                    title: own.and_then(|p| p.title.clone()),
                    note: own.and_then(|p| p.note.clone()),
                    tags: own.map(|p| p.tags.clone()).unwrap_or_default(),
                    source: own.and_then(|p| p.source.clone()),
                    assessment: own.and_then(|p| p.assessment),
                    ..Claim::new(text_value(&node.text).trim(), pos.unwrap_or_default())
                };
                claims.insert(id, map.add_claim(claim));
            }
            "RA" | "CA" | "MA" | "PA" => {}
            other => *skipped.entry(other.to_owned()).or_default() += 1,
        }
    }

    // Links, in file order; an undercut may name a link read later, so
    // targets that are links are resolved after all links exist.
    let mut links: HashMap<String, LinkId> = HashMap::new();
    let mut pending: Vec<(LinkId, String)> = Vec::new();
    let mut dropped = 0_usize;
    for node in &graph.nodes {
        let id = key(&node.id);
        let kind = kinds[&id].as_str();
        let link_kind = match kind {
            "RA" | "MA" => LinkKind::Support,
            "CA" => LinkKind::Attack,
            "PA" => {
                preference(&id, &into, &out_of, &claims, &mut map, &mut report);
                continue;
            }
            _ => continue,
        };
        let mut premises: Vec<ClaimId> = Vec::new();
        let dialogue =
            |node: &String| matches!(kinds.get(node).map(String::as_str), Some("L" | "YA" | "TA"));
        for from in into.get(&id).into_iter().flatten() {
            // Dialogue anchors, and links aimed at this one (undercuts,
            // read from their own side), are not premises.
            if dialogue(from)
                || matches!(
                    kinds.get(from).map(String::as_str),
                    Some("RA" | "CA" | "MA" | "PA")
                )
            {
                continue;
            }
            match claims.get(from) {
                Some(&claim) if !premises.contains(&claim) => premises.push(claim),
                Some(_) => {}
                None => report.push(format!(
                    "{kind} node {id}: its premise {from} is not a statement (I-node), so it is left out"
                )),
            }
        }
        let targets: Vec<&String> = out_of
            .get(&id)
            .into_iter()
            .flatten()
            .filter(|n| !dialogue(n))
            .collect();
        let Some(&target) = targets.first() else {
            dropped += 1;
            report.push(format!(
                "{kind} node {id} points at nothing, so it is left out"
            ));
            continue;
        };
        if targets.len() > 1 {
            report.push(format!(
                "{kind} node {id} has {} conclusions; only the first is kept",
                targets.len()
            ));
        }
        if premises.is_empty() {
            dropped += 1;
            report.push(format!(
                "{kind} node {id} has no premises, so it is left out"
            ));
            continue;
        }
        let link_id = match claims.get(target) {
            Some(&claim) if premises.contains(&claim) => {
                dropped += 1;
                report.push(format!(
                    "{kind} node {id} concludes one of its own premises, so it is left out"
                ));
                continue;
            }
            Some(&claim) => map.add_link(Link::new(link_kind, premises, Target::Claim(claim))),
            None if matches!(
                kinds.get(target).map(String::as_str),
                Some("RA" | "CA" | "MA")
            ) =>
            {
                if link_kind == LinkKind::Support {
                    report.push(format!(
                        "{kind} node {id} supports an inference, which Argmap cannot show; read as an attack on it"
                    ));
                }
                // Placeholder target until every link exists.
                let link_id = map.add_link(Link::new(
                    LinkKind::Attack,
                    premises,
                    Target::Link(LinkId(0)),
                ));
                pending.push((link_id, target.clone()));
                link_id
            }
            None => {
                dropped += 1;
                report.push(format!(
                    "{kind} node {id} points at {target}, which is not in the map"
                ));
                continue;
            }
        };
        links.insert(id, link_id);
    }
    for (link_id, target) in pending {
        match links.get(&target) {
            Some(&target) if target != link_id => {
                if let Some(link) = map.links.get_mut(&link_id) {
                    link.target = Target::Link(target);
                }
            }
            _ => {
                map.links.remove(&link_id);
                dropped += 1;
                report.push(format!(
                    "an attack on node {target}, which was left out, is left out too"
                ));
            }
        }
    }
    // Argmap's own record of weights.
    for weighed in &extra.weights {
        let weight = Weight::new(weighed.weight);
        match (links.get(&key(&weighed.id)), weight) {
            (Some(link), Some(weight)) => {
                if let Some(link) = map.links.get_mut(link) {
                    link.weight = weight;
                }
            }
            _ => report.push(format!(
                "the weight {} of node {} is left out: {}",
                weighed.weight,
                key(&weighed.id),
                if weight.is_none() {
                    "a weight is above 0 and at most 1"
                } else {
                    "no link was read from that node"
                }
            )),
        }
    }
    if dropped > 0 {
        report.push(format!(
            "{dropped} links could not be read and were left out"
        ));
    }
    for (kind, count) in skipped {
        let what = match kind.as_str() {
            "L" => "locutions (L)",
            "YA" => "illocutionary connections (YA)",
            "TA" => "transitions (TA)",
            _ => "nodes of other kinds",
        };
        report.push(format!(
            "{count} {what} skipped: the dialogue layer has no place in an argument map ({kind})"
        ));
    }
    map.thesis = crate::model::reading::main_conclusion(&map);
    Imported {
        positioned: positioned && !map.claims.is_empty(),
        map,
        report,
    }
}

/// A preference (PA) kept as a note on the preferred claim.
fn preference(
    id: &str,
    into: &HashMap<String, Vec<String>>,
    out_of: &HashMap<String, Vec<String>>,
    claims: &HashMap<String, ClaimId>,
    map: &mut Map,
    report: &mut Vec<String>,
) {
    let preferred = into
        .get(id)
        .and_then(|v| v.first())
        .and_then(|n| claims.get(n));
    let over = out_of
        .get(id)
        .and_then(|v| v.first())
        .and_then(|n| claims.get(n));
    match (preferred, over) {
        (Some(&preferred), Some(&over)) => {
            let other = map
                .claims
                .get(&over)
                .map(|c| c.text.clone())
                .unwrap_or_default();
            if let Some(claim) = map.claims.get_mut(&preferred) {
                let line = format!("Preferred over: \u{201c}{other}\u{201d}");
                claim.note = Some(match claim.note.take() {
                    Some(note) => format!("{note}\n{line}"),
                    None => line,
                });
            }
        }
        _ => report.push(format!(
            "preference node {id} does not join two statements, so it is left out"
        )),
    }
}
