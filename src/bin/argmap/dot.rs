//! The same map for Graphviz, to measure Argmap against `dot` in one run
//! (`argmap bench --pipeline MAP --against-dot`): every claim a box with
//! its card's text in the same rows, filled in its role's colour; every
//! link an arrow from each premise, dashed for an attack, labelled
//! "because" or "but" (or not: edge labels slow dot down several times,
//! so it is measured both ways); an undercut points at the claim its link
//! answers.

use std::fmt::Write as _;

use argmap::draw::{raster::Texts, style};
use argmap::model::{LinkKind, Map, Role, Target};

/// `map` as a DOT graph, its claims' text as the rows of `texts`, its
/// arrows `labelled` or not.
pub fn dot(map: &Map, texts: &Texts, labelled: bool) -> String {
    let roles = Role::all(map);
    let mut out = String::from(
        "digraph map {\n  rankdir=BT;\n  node [shape=box, style=\"rounded,filled\", fontname=\"DejaVu Sans\", fontsize=14];\n  edge [fontsize=11];\n",
    );
    for (id, claim) in &map.claims {
        let role = roles.get(id).copied().unwrap_or(Role::Free);
        let look = style::card_style(role, claim.kind, false);
        let rows: Vec<String> = texts.get(id).map_or_else(
            || vec![claim.text.clone()],
            |t| t.rows.iter().map(|r| r.text.clone()).collect(),
        );
        let label = rows
            .iter()
            .map(|row| quoted(row))
            .collect::<Vec<_>>()
            .join("\\n");
        let _ = writeln!(
            out,
            "  c{} [label=\"{}\\n{label}\", fillcolor=\"{}\", color=\"{}\"];",
            id.0,
            look.label,
            style::css(look.fill),
            style::css(look.accent),
        );
    }
    for (&id, link) in &map.links {
        let target = match link.target {
            Target::Claim(claim) => Some(claim),
            Target::Link(_) => argmap::model::nav::answered_claim(map, id),
        };
        let Some(target) = target else {
            continue;
        };
        let color = style::css(style::link_color(link.kind, false));
        let (dashed, word) = match link.kind {
            LinkKind::Support => ("", "because"),
            LinkKind::Attack => (", style=dashed", "but"),
        };
        let label = if labelled {
            format!(", label=\"{word}\"")
        } else {
            String::new()
        };
        for premise in &link.premises {
            let _ = writeln!(
                out,
                "  c{} -> c{} [color=\"{color}\"{label}{dashed}];",
                premise.0, target.0
            );
        }
    }
    out.push_str("}\n");
    out
}

/// `text` inside a DOT string.
fn quoted(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}
