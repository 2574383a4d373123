//! `argmap eval` on a weighed map: the verdict sentence that names both
//! sides of a clash and the standard, the same sentence in the JSON and the
//! tree of reasons, titles, weights and standards in the JSON.

#![expect(
    clippy::disallowed_methods,
    reason = "Tests make and read real files themselves."
)]

use crate::{argmap, stdout};
use std::fs;

/// A ban on phones in class: a strong reason against a modest objection;
/// a second claim where a decisive reason meets a decisive objection; a
/// third judged by a stricter standard.
const PHONES: &str = r#"(
    format: 1,
    title: "Phones in class",
    thesis: 1,
    claims: {
        1: (text: "Schools should ban phones in class.", title: "Ban phones"),
        2: (text: "Notifications pull attention away from the lesson.", title: "Phones distract"),
        3: (text: "Some apps help pupils learn.", title: "Learning tools"),
        4: (text: "Pupils learn better when rested.", title: "Rest matters"),
        5: (text: "A study found rested pupils score higher.", kind: Evidence),
        6: (text: "The study was small.", kind: Evidence),
        7: (text: "Homework should be banned.", title: "Ban homework", standard: ClearAndConvincing),
        8: (text: "Homework takes family time.", title: "Family time"),
    },
    links: {
        1: (kind: Support, premises: [2], target: Claim(1), weight: 0.8),
        2: (kind: Attack, premises: [3], target: Claim(1), weight: 0.4),
        3: (kind: Support, premises: [5], target: Claim(4)),
        4: (kind: Attack, premises: [6], target: Claim(4)),
        5: (kind: Support, premises: [8], target: Claim(7), weight: 0.4),
    },
)"#;

#[test]
fn eval_weighs_each_clash_in_one_sentence_in_text_json_and_the_tree() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("phones.ron"), PHONES).expect("write");

    let output = argmap(&["eval", "phones.ron"], dir.path());
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    let verdict = "holds: *Phones distract* (strong) outweighs *Learning tools* (modest) — \
                   preponderance";
    assert!(
        text.lines()
            .next()
            .is_some_and(|l| l == format!("#1 IN        Ban phones  — {verdict}")),
        "{text}"
    );
    // A tie fails, and says where the burden lies and what to do.
    assert!(
        text.contains(
            "#4 OUT       Rest matters  — tied at decisive: the burden is on the claim, so it \
             fails — weigh them (Alt+1…5); *A study found rested pupils* (decisive) against \
             *The study was small* (decisive)"
        ),
        "{text}"
    );
    // A stricter standard: a modest reason, or the presumption of a
    // debate, against nothing is not clear and convincing.
    assert!(
        text.contains(
            "#7 OUT       Ban homework  — fails: its presumption in a debate (0.5) is not \
             enough for clear and convincing (it must weigh more by over 0.5); *Family time* \
             (modest) also holds"
        ),
        "{text}"
    );

    let output = argmap(&["eval", "phones.ron", "--json"], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let claims = json["claims"].as_array().cloned().unwrap_or_default();
    assert_eq!(claims[0]["title"], "Ban phones");
    assert_eq!(claims[0]["why"], verdict);
    assert_eq!(claims[0]["standard"], "preponderance");
    assert_eq!(claims[6]["standard"], "clear-and-convincing");
    // Untitled claims are named by their first words.
    assert_eq!(claims[4]["title"], "A study found rested pupils");
    let json_links = json["links"].as_array().cloned().unwrap_or_default();
    let weights: Vec<f64> = json_links
        .iter()
        .filter_map(|l| l["weight"].as_f64())
        .collect();
    assert_eq!(weights, [0.8, 0.4, 1.0, 1.0, 0.4]);

    // The tree of reasons starts with the same sentence, then the claims
    // it names, each with its own.
    let output = argmap(&["eval", "phones.ron", "--why", "1"], dir.path());
    let tree = stdout(&output);
    let lines: Vec<&str> = tree.lines().collect();
    assert_eq!(lines[0], format!("#1 IN Ban phones  — {verdict}"), "{tree}");
    assert!(
        lines[1].starts_with("  #2 IN Phones distract  — holds: "),
        "{tree}"
    );
    assert!(
        lines[2].starts_with("  #3 IN Learning tools  — holds: "),
        "{tree}"
    );
    let output = argmap(&["eval", "phones.ron", "--why", "1", "--json"], dir.path());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json[0]["why"], verdict);
    assert_eq!(json[0]["title"], "Ban phones");
}

#[test]
fn a_weight_out_of_range_is_refused_with_its_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = PHONES.replace("weight: 0.8", "weight: 1.5");
    fs::write(dir.path().join("broken.ron"), broken).expect("write");
    let output = argmap(&["eval", "broken.ron"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.starts_with("broken.ron:16:"), "{error}");
    assert!(
        error.contains("a weight is a number above 0 and at most 1, not 1.5"),
        "{error}"
    );
}
