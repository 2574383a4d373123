//! `argmap eval` and `argmap lint`: which claims of a map stand and why,
//! and what a coach would mark on it, as text or JSON.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use argmap::eval::{self, Part, checks};
use argmap::model::{ClaimId, Map, Mode};
use argmap::store;
use argmap::words::one_line;
use serde_json::json;

/// The label as the text output writes it.
fn label_text(label: eval::Label) -> &'static str {
    match label {
        eval::Label::In => "IN",
        eval::Label::Out => "OUT",
        eval::Label::Undecided => "UNDECIDED",
    }
}

fn text(map: &Map, parts: &[Part]) -> String {
    eval::why_text(map, parts)
}

/// `argmap eval`: one line per claim, JSON, or the tree of reasons of
/// one claim.
pub fn eval(file: &Path, mode: Option<Mode>, as_json: bool, why: Option<u32>) -> ExitCode {
    let map = match store::read_map(file) {
        Ok(map) => map,
        Err(error) => {
            fail!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let evaluation = eval::evaluate_as(&map, mode.unwrap_or(map.evaluation.mode));
    if let Some(id) = why {
        let id = ClaimId(id);
        if !map.claims.contains_key(&id) {
            fail!("{}: there is no claim #{}", file.display(), id.0);
            return ExitCode::FAILURE;
        }
        return why_tree(&map, &evaluation, id, as_json);
    }
    if as_json {
        say!(
            "{}",
            serde_json::to_string_pretty(&as_value(&map, &evaluation)).unwrap_or_default()
        );
    } else {
        for (id, status) in evaluation.claims() {
            let Some(claim) = map.claims.get(&id) else {
                continue;
            };
            say!(
                "#{} {:<9} {}  — {}",
                id.0,
                label_text(status.label),
                one_line(&claim.shown_title(), 60),
                text(&map, &evaluation.why_claim(&map, id))
            );
        }
    }
    ExitCode::SUCCESS
}

/// The whole evaluation as JSON.
fn as_value(map: &Map, evaluation: &eval::Evaluation) -> serde_json::Value {
    let claims: Vec<serde_json::Value> = evaluation
        .claims()
        .map(|(id, status)| {
            let claim = map.claims.get(&id);
            json!({
                "id": id.0,
                "title": claim.map(argmap::model::Claim::shown_title).unwrap_or_default(),
                "text": claim.map(|c| c.text.as_str()).unwrap_or_default(),
                "assessment": claim.and_then(|c| c.assessment).map(argmap::model::Assessment::label),
                "standard": claim
                    .and_then(|c| c.standard)
                    .unwrap_or(map.evaluation.standard)
                    .name(),
                "label": status.label.name(),
                "why": text(map, &evaluation.why_claim(map, id)),
            })
        })
        .collect();
    let links: Vec<serde_json::Value> = evaluation
        .links()
        .map(|(id, status)| {
            json!({
                "id": id.0,
                "weight": map.links.get(&id).map_or(1.0, |l| l.weight.value()),
                "label": status.label.name(),
                "why": text(map, &evaluation.why_link(map, id)),
            })
        })
        .collect();
    json!({
        "mode": evaluation.mode.name(),
        "claims": claims,
        "links": links,
    })
}

/// `--why ID`: the claim's reason, then the reasons of the claims it
/// names, indented, down to the facts.
fn why_tree(map: &Map, evaluation: &eval::Evaluation, id: ClaimId, as_json: bool) -> ExitCode {
    let tree = eval::explain_tree(map, evaluation, id);
    if as_json {
        let lines: Vec<serde_json::Value> = tree
            .iter()
            .map(|line| {
                json!({
                    "depth": line.depth,
                    "id": line.claim.0,
                    "title": eval::title(map, line.claim),
                    "label": line.label.name(),
                    "why": line.why,
                })
            })
            .collect();
        say!(
            "{}",
            serde_json::to_string_pretty(&lines).unwrap_or_default()
        );
        return ExitCode::SUCCESS;
    }
    for line in tree {
        let claim = map
            .claims
            .get(&line.claim)
            .map(|c| one_line(&c.shown_title(), 60))
            .unwrap_or_default();
        say!(
            "{}#{} {} {claim}  — {}",
            "  ".repeat(line.depth),
            line.claim.0,
            label_text(line.label),
            line.why
        );
    }
    ExitCode::SUCCESS
}

/// `argmap lint`: every finding of every file, as
/// `FILE: claim #N: RULE: message` (or JSON); exit 1 when anything was
/// found or a file could not be read.
pub fn lint(files: &[PathBuf], as_json: bool) -> ExitCode {
    let mut clean = true;
    let mut all = Vec::new();
    for file in files {
        let map = match store::read_map(file) {
            Ok(map) => map,
            Err(error) => {
                clean = false;
                fail!("{error}");
                if as_json {
                    all.push(json!({
                        "file": file.display().to_string(),
                        "rule": "unreadable",
                        "claim": null,
                        "message": error.to_string(),
                    }));
                }
                continue;
            }
        };
        let evaluation = eval::evaluate(&map);
        for finding in checks::check(&map, &evaluation) {
            clean = false;
            if as_json {
                all.push(json!({
                    "file": file.display().to_string(),
                    "rule": finding.rule.name(),
                    "claim": finding.claim.map(|c| c.0),
                    "message": finding.message,
                }));
            } else {
                let claim = finding
                    .claim
                    .map(|c| format!("claim #{}: ", c.0))
                    .unwrap_or_default();
                say!(
                    "{}: {claim}{}: {}",
                    file.display(),
                    finding.rule.name(),
                    finding.message
                );
            }
        }
    }
    if as_json {
        say!("{}", serde_json::to_string_pretty(&all).unwrap_or_default());
    }
    if clean {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
