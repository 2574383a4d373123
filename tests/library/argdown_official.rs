//! Argdown as the Argdown tools read it: every map Argmap exports is read
//! back by the official parser (`@argdown/cli`, installed from the npm
//! registry on first use) and must give each claim's text exactly and the
//! links as relations and arguments; and every Argdown example in
//! `tests/fixtures` must import to the statements, reconstructed
//! arguments and relations the official parser lists.
//!
//! Needs Node.js and npm (Debian: `apt install nodejs npm`); `.ci/run`
//! installs them. `ARGDOWN_CLI=/path/to/argdown` uses an installed CLI.

#![expect(
    clippy::disallowed_methods,
    reason = "Tests write the documents and read the parser's JSON themselves."
)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use argmap::format::argdown;
use argmap::model::{Claim, ClaimId, Link, LinkId, LinkKind, Map, Pos, Standard, Target, Weight};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const CLI_VERSION: &str = "1.7.5";
/// Titles of the stand-in conclusions Argmap writes for objections.
const DENIAL: &str = "¬ ";

/// The official command-line tool, installed once per target directory.
fn argdown_cli() -> &'static Path {
    static CLI: OnceLock<PathBuf> = OnceLock::new();
    CLI.get_or_init(|| {
        if let Some(path) = std::env::var_os("ARGDOWN_CLI") {
            return PathBuf::from(path);
        }
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("argdown-cli-{CLI_VERSION}"));
        let bin = dir.join("node_modules/.bin/argdown");
        let done = dir.join("installed");
        if !done.exists() {
            fs::create_dir_all(&dir).expect("a folder for the Argdown CLI");
            let output = Command::new("npm")
                .arg("install")
                .arg("--prefix")
                .arg(&dir)
                .arg(format!("@argdown/cli@{CLI_VERSION}"))
                .args(["--no-audit", "--no-fund", "--loglevel=error"])
                .output()
                .unwrap_or_else(|e| {
                    panic!(
                        "these tests run the official Argdown parser and need Node.js and npm \
                         (Debian: apt install nodejs npm): {e}"
                    )
                });
            assert!(
                output.status.success(),
                "npm could not install @argdown/cli@{CLI_VERSION}:\n{}",
                String::from_utf8_lossy(&output.stderr)
            );
            fs::write(&done, CLI_VERSION).expect("mark the install done");
        }
        bin
    })
}

/// The official parser's JSON for each document, by name. A document it
/// rejects fails the test with the parser's own message.
fn official(documents: &[(String, String)]) -> BTreeMap<String, Value> {
    let (parsed, log) = official_or_rejected(documents);
    for (name, text) in documents {
        assert!(
            parsed.contains_key(name),
            "the official parser rejected {name}:\n{log}\n--- document:\n{text}"
        );
    }
    parsed
}

/// The official parser's JSON for the documents it accepts, and its log.
fn official_or_rejected(documents: &[(String, String)]) -> (BTreeMap<String, Value>, String) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let input = dir.path().join("in");
    let output = dir.path().join("out");
    fs::create_dir_all(&input).expect("input folder");
    for (name, text) in documents {
        fs::write(input.join(format!("{name}.argdown")), text).expect("write a document");
    }
    let run = Command::new(argdown_cli())
        .arg("json")
        .arg(format!("{}/*.argdown", input.display()))
        .arg(&output)
        .output()
        .expect("run the Argdown CLI");
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    let parsed = documents
        .iter()
        .filter_map(|(name, _)| {
            let json = fs::read_to_string(output.join(format!("{name}.json"))).ok()?;
            let value = serde_json::from_str(&json).expect("the CLI writes JSON");
            Some((name.clone(), value))
        })
        .collect();
    (parsed, log)
}

/// A claim's text as a one-line Argdown statement can hold it.
/// (Argdown trims spaces, tabs and line breaks, and reads a statement on
/// one line.)
fn one_line(text: &str) -> String {
    text.trim_matches(BLANK)
        .chars()
        .map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c })
        .collect()
}

const BLANK: [char; 4] = [' ', '\t', '\n', '\r'];

/// The canonical text of each statement the parser found, by title.
fn statement_texts(json: &Value) -> BTreeMap<String, String> {
    let Some(statements) = json["statements"].as_object() else {
        return BTreeMap::new();
    };
    statements
        .iter()
        .map(|(title, statement)| {
            let text = statement["members"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|m| m["isReference"] != Value::Bool(true))
                .filter_map(|m| m["text"].as_str())
                .next_back()
                .unwrap_or_default();
            (title.clone(), text.trim_matches(BLANK).to_owned())
        })
        .collect()
}

fn relations(json: &Value) -> Vec<(String, String, String)> {
    json["relations"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap_or_default().to_owned();
            (s("relationType"), s("from"), s("to"))
        })
        .collect()
}

/// A link as text: kind, premises' texts, and what it answers.
fn describe_link(map: &Map, id: LinkId) -> String {
    let Some(link) = map.links.get(&id) else {
        return String::new();
    };
    let mut premises: Vec<String> = link
        .premises
        .iter()
        .map(|p| one_line(&map.claims[p].text))
        .collect();
    premises.sort();
    let target = match link.target {
        Target::Claim(c) => format!("[{}]", one_line(&map.claims[&c].text)),
        Target::Link(l) => format!("({})", describe_link(map, l)),
    };
    format!("{:?} {premises:?} → {target}", link.kind)
}

/// The link an argument of the official reading stands for.
fn describe_argument(
    title: &str,
    arguments: &BTreeMap<String, &Value>,
    texts: &BTreeMap<String, String>,
    relations: &[(String, String, String)],
    depth: usize,
) -> Option<String> {
    let pcs = arguments.get(title)?["pcs"].as_array()?;
    let role = |m: &Value, r: &str| m["role"].as_str() == Some(r);
    let mut premises: Vec<String> = pcs
        .iter()
        .filter(|m| role(m, "premise"))
        .filter_map(|m| texts.get(m["title"].as_str()?).cloned())
        .collect();
    premises.sort();
    let conclusion = pcs.iter().find(|m| role(m, "main-conclusion"))?["title"].as_str()?;
    if !conclusion.starts_with(DENIAL) {
        return Some(format!(
            "Support {premises:?} → [{}]",
            texts.get(conclusion)?
        ));
    }
    let (kind, _, to) = relations
        .iter()
        .find(|(kind, from, _)| (from == title || from == conclusion) && kind != "support")?;
    let target = if kind == "undercut" && depth < 64 {
        format!(
            "({})",
            describe_argument(to, arguments, texts, relations, depth + 1)?
        )
    } else {
        format!("[{}]", texts.get(to)?)
    };
    Some(format!("Attack {premises:?} → {target}"))
}

/// The arguments of the official reading, by title.
fn arguments_of(json: &Value) -> BTreeMap<String, &Value> {
    json["arguments"]
        .as_object()
        .map(|a| a.iter().map(|(k, v)| (k.clone(), v)).collect())
        .unwrap_or_default()
}

/// The links the official parser's reading stands for, described the
/// same way: arguments are inferences, an argument concluding a denial is
/// an objection to what the denial attacks or undercuts, and relations
/// between statements are single-premise links.
fn official_links(json: &Value) -> Vec<String> {
    let texts = statement_texts(json);
    let relations = relations(json);
    let arguments = arguments_of(json);
    let mut links: Vec<String> = arguments
        .keys()
        .filter_map(|title| describe_argument(title, &arguments, &texts, &relations, 0))
        .collect();
    for (kind, from, to) in &relations {
        let Some(premise) = texts.get(from) else {
            continue;
        };
        if from.starts_with(DENIAL) {
            continue;
        }
        let link = match kind.as_str() {
            "support" | "attack" => texts.get(to).map(|t| {
                let kind = if kind == "support" {
                    "Support"
                } else {
                    "Attack"
                };
                format!("{kind} [{premise:?}] → [{t}]")
            }),
            "undercut" => describe_argument(to, &arguments, &texts, &relations, 0)
                .map(|l| format!("Attack [{premise:?}] → ({l})")),
            _ => None,
        };
        links.extend(link);
    }
    links.sort();
    links
}

fn expected_links(map: &Map) -> Vec<String> {
    let mut links: Vec<String> = map.links.keys().map(|&id| describe_link(map, id)).collect();
    links.sort();
    links
}

/// Exports every map, has the official parser read them all, and checks
/// each: the statements are the claims' texts, the links its relations
/// and arguments.
fn assert_read_back_exactly(maps: &[(String, Map)]) {
    let documents: Vec<(String, String)> = maps
        .iter()
        .map(|(name, map)| (name.clone(), argdown::to_argdown(map)))
        .collect();
    let parsed = official(&documents);
    for ((name, map), (_, document)) in maps.iter().zip(&documents) {
        let json = &parsed[name];
        let mut theirs: Vec<String> = statement_texts(json)
            .into_iter()
            .filter(|(title, _)| !title.starts_with(DENIAL))
            .map(|(_, text)| text)
            .collect();
        theirs.sort();
        let mut ours: Vec<String> = map.claims.values().map(|c| one_line(&c.text)).collect();
        ours.sort();
        assert_eq!(
            theirs, ours,
            "{name}: statement texts differ\n--- document:\n{document}"
        );
        assert_eq!(
            official_links(json),
            expected_links(map),
            "{name}: relations differ\n--- document:\n{document}"
        );
    }
}

fn load(path: &Path) -> Map {
    argmap::format::ron::load(&fs::read(path).expect("read a map")).expect("a valid map")
}

fn files(dir: &str, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(Path::new(ROOT).join(dir))
        .expect("a fixture folder")
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    files
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs Node.js and npm (the official Argdown parser): `bash .ci/test` sets them up and runs it"
)]
fn shipped_maps_and_the_interop_cases_read_back_through_the_official_parser() {
    let mut maps: Vec<(String, Map)> = files("maps", "ron")
        .iter()
        .chain(&files("tests/fixtures/interop-repro", "ron"))
        .map(|p| (stem(p), load(p)))
        .collect();
    for (claims, seed) in [(40, 1), (120, 7), (300, 42)] {
        maps.push((
            format!("generated-{claims}-{seed}"),
            argmap::generate::generate(claims, seed),
        ));
    }
    assert!(maps.len() >= 12, "the maps and repro cases are all there");
    assert_read_back_exactly(&maps);
}

/// Text of every kind: any printable Unicode, and runs of the characters
/// Argdown gives meaning to.
fn random_text() -> impl Strategy<Value = String> {
    let special = proptest::sample::select(vec![
        "*", "**", "_", "__", "#", "#tag", "#(a b)", "[", "]", "[x](y)", "<", ">", "<A>", "{", "}",
        "{a: 1}", ":", ":smile:", ".A.", "e.g.", "v1.2.3", "@", "@[A]", "//", "/*", "*/", "<!--",
        "-->", "+", "-", "->", "<_", "><", "===", "(1)", "--", "\\", "\\\\", "\"", "'", "  ", " ",
        ",", ";", "¬", "社会", "\u{a0}", "\t", "\n", "\u{7}",
    ]);
    let piece = proptest::prop_oneof![special.prop_map(str::to_owned), "\\PC{1,8}", "[a-z]{1,6}",];
    proptest::collection::vec(piece, 1..12).prop_map(|pieces| pieces.concat())
}

/// Random texts one after another, the same on every run; never blank.
fn random_texts() -> impl FnMut() -> String {
    let mut runner = TestRunner::deterministic();
    let text = random_text();
    move || {
        let value = text.new_tree(&mut runner).expect("a random text").current();
        if value.trim().is_empty() {
            "x".to_owned()
        } else {
            value
        }
    }
}

#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs Node.js and npm (the official Argdown parser): `bash .ci/test` sets them up and runs it"
)]
fn random_texts_read_back_exactly_through_the_official_parser() {
    let mut next = random_texts();
    let mut maps = Vec::new();
    for n in 0..150 {
        // A small map whose claims carry random texts: a thesis, a reason,
        // linked premises, an objection and an undercut.
        let mut map = Map::new(next());
        let ids: Vec<ClaimId> = (0..6)
            .map(|k| {
                let text = next();
                // Some claims carry a title of random text too.
                let title = (k % 2 == 0).then(&mut next);
                map.add_claim(Claim {
                    title,
                    ..Claim::new(text, Pos::default())
                })
            })
            .collect();
        map.thesis = Some(ids[0]);
        let reason = map.add_link(Link::new(
            LinkKind::Support,
            vec![ids[1]],
            Target::Claim(ids[0]),
        ));
        map.add_link(Link::new(
            LinkKind::Support,
            vec![ids[2], ids[3]],
            Target::Claim(ids[0]),
        ));
        map.add_link(Link::new(
            LinkKind::Attack,
            vec![ids[4]],
            Target::Claim(ids[1]),
        ));
        map.add_link(Link::new(
            LinkKind::Attack,
            vec![ids[5]],
            Target::Link(reason),
        ));
        maps.push((format!("random-{n}"), map));
    }
    assert_read_back_exactly(&maps);
}

/// Notes, titles, tags and citations travel as each statement's data: for
/// random maps whose claims carry random notes and titles (Argdown's
/// marks among them), tags that cannot be written as tags, and citations
/// with ranges and quote spans, the official parser's data for each
/// statement holds them exactly.
#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs Node.js and npm: `bash .ci/test` sets them up and runs it"
)]
fn notes_titles_tags_and_citations_read_back_as_data_through_the_official_parser() {
    let mut next = random_texts();
    let mut maps = Vec::new();
    for n in 0..60 {
        let mut map = Map::new(format!("data {n}"));
        let thesis = map.add_claim(Claim {
            note: Some(format!("{}\n{}", next(), next())),
            title: Some(format!("{} [{}]", next(), next())),
            tags: vec![format!("({})", next())],
            ..Claim::new(format!("claim {n} a"), Pos::default())
        });
        let reason = map.add_claim(Claim {
            source: Some(argmap::model::Citation {
                to: Some(4),
                quote: argmap::model::Quote::of("Alpha beta gamma", 0, 5),
                ..argmap::model::Citation::paragraph(next(), 3)
            }),
            ..Claim::new(format!("claim {n} b"), Pos::default())
        });
        map.thesis = Some(thesis);
        map.add_link(Link::new(
            LinkKind::Support,
            vec![reason],
            Target::Claim(thesis),
        ));
        maps.push((format!("data-{n}"), map));
    }
    let documents: Vec<(String, String)> = maps
        .iter()
        .map(|(name, map)| (name.clone(), argdown::to_argdown(map)))
        .collect();
    let parsed = official(&documents);
    for ((name, map), (_, document)) in maps.iter().zip(&documents) {
        let statements = parsed[name]["statements"].as_object().expect("statements");
        for claim in map.claims.values() {
            let data = statements
                .values()
                .find(|s| {
                    s["members"][0]["text"].as_str().map(str::trim) == Some(claim.text.as_str())
                })
                .map_or_else(
                    || panic!("{name}: no statement says {:?}\n{document}", claim.text),
                    |s| &s["data"],
                );
            if let Some(note) = &claim.note {
                assert_eq!(
                    data["note"].as_str(),
                    Some(note.as_str()),
                    "{name}\n{document}"
                );
            }
            if let Some(title) = &claim.title {
                assert_eq!(
                    data["title"].as_str(),
                    Some(title.as_str()),
                    "{name}\n{document}"
                );
            }
            if !claim.tags.is_empty() {
                assert_eq!(
                    data["tags"][0].as_str(),
                    Some(claim.tags[0].as_str()),
                    "{name}\n{document}"
                );
            }
            if let Some(source) = &claim.source {
                assert_eq!(
                    data["source"]["doc"].as_str(),
                    Some(source.doc.as_str()),
                    "{name}\n{document}"
                );
                assert_eq!(data["source"]["para"].as_u64(), Some(3));
                assert_eq!(data["source"]["to"].as_u64(), Some(4));
                let check = source.quote.as_ref().map(|q| q.check.clone());
                assert_eq!(data["source"]["quote"]["check"].as_str(), check.as_deref());
            }
        }
    }
}

/// Each weighed link of `map` described (as [`describe_link`]) with its
/// weight, and each claim's text with its named standard.
fn weighing_of(map: &Map) -> (BTreeMap<String, f64>, BTreeMap<String, String>) {
    let weights = map
        .links
        .iter()
        .filter(|(_, l)| l.weight != Weight::FULL)
        .map(|(&id, l)| (describe_link(map, id), l.weight.value()))
        .collect();
    let standards = map
        .claims
        .values()
        .filter_map(|c| Some((one_line(&c.text), c.standard?.name().to_owned())))
        .collect();
    (weights, standards)
}

/// The same, from the official parser's reading: each argument's
/// `weight` data with the link it stands for, each statement's
/// `standard` data with its text.
fn official_weighing(json: &Value) -> (BTreeMap<String, f64>, BTreeMap<String, String>) {
    let texts = statement_texts(json);
    let relations = relations(json);
    let arguments = arguments_of(json);
    let weights = arguments
        .iter()
        .filter_map(|(title, argument)| {
            let weight = argument["data"]["weight"].as_f64()?;
            let link = describe_argument(title, &arguments, &texts, &relations, 0)?;
            Some((link, weight))
        })
        .collect();
    let standards = json["statements"]
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(title, statement)| {
            let standard = statement["data"]["standard"].as_str()?;
            Some((texts.get(title)?.clone(), standard.to_owned()))
        })
        .collect();
    (weights, standards)
}

#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs Node.js and npm (the official Argdown parser): `bash .ci/test` sets them up and runs it"
)]
fn weights_and_standards_read_back_as_data_through_the_official_parser() {
    // Generated maps with every kind of link (plain reasons and
    // objections, linked premises, undercuts) weighed at random, to the
    // thousandth, and some claims given a standard.
    let mut runner = TestRunner::deterministic();
    let weight = proptest::prop_oneof![
        proptest::sample::select(Weight::STEPS.map(|(w, _)| w).to_vec()),
        (1_u16..=1000).prop_map(|t| Weight::new(f64::from(t) / 1000.0).unwrap_or(Weight::FULL)),
    ];
    let standard = proptest::option::of(proptest::sample::select(Standard::ALL.to_vec()));
    let mut maps = Vec::new();
    for (claims, seed) in [(30, 3), (60, 11), (90, 19), (120, 23)] {
        let mut map = argmap::generate::generate(claims, seed);
        for link in map.links.values_mut() {
            link.weight = weight.new_tree(&mut runner).expect("a weight").current();
        }
        for claim in map.claims.values_mut() {
            claim.standard = standard
                .new_tree(&mut runner)
                .expect("a standard")
                .current();
        }
        maps.push((format!("weighed-{claims}-{seed}"), map));
    }
    assert_read_back_exactly(&maps);
    let documents: Vec<(String, String)> = maps
        .iter()
        .map(|(name, map)| (name.clone(), argdown::to_argdown(map)))
        .collect();
    let parsed = official(&documents);
    for ((name, map), (_, document)) in maps.iter().zip(&documents) {
        let ours = weighing_of(map);
        assert!(
            !ours.0.is_empty() && !ours.1.is_empty(),
            "{name} is weighed"
        );
        assert_eq!(
            official_weighing(&parsed[name]),
            ours,
            "{name}: the official parser reads other weights or standards\n--- document:\n{document}"
        );
        // And Argmap reads them back as they were.
        let back = argdown::from_argdown(document.as_bytes()).expect("our own Argdown reads");
        assert_eq!(weighing_of(&back.map), ours, "{name}: read back");
    }
}

/// What a document holds, counted the way the official parser counts:
/// statements, arguments with a premise–conclusion structure, and
/// relations by type.
#[derive(Debug, PartialEq, Eq)]
struct Counts {
    statements: usize,
    reconstructed: usize,
    relations: BTreeMap<String, usize>,
}

/// Text without `#tag` and `#(tag words)`, its spaces collapsed.
fn without_tags(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('#') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        rest = if let Some(inner) = after.strip_prefix('(') {
            inner.find(')').map_or(after, |end| &inner[end + 1..])
        } else {
            let end = after
                .find(|c: char| c.is_whitespace())
                .unwrap_or(after.len());
            if end == 0 {
                out.push('#');
            }
            &after[end..]
        };
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A relation's type as Argdown names it in its default (loose) mode; in
/// strict mode (`model: mode: strict`) relations between statements are
/// named for their logic.
fn loose(kind: &str) -> &str {
    match kind {
        "entails" => "support",
        "contrary" => "attack",
        "contradictory" => "contradiction",
        other => other,
    }
}

fn official_counts(json: &Value) -> Counts {
    let mut relations = BTreeMap::new();
    for (kind, _, _) in self::relations(json) {
        *relations.entry(loose(&kind).to_owned()).or_insert(0) += 1;
    }
    let reconstructed = json["arguments"]
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(_, a)| a["pcs"].as_array().is_some_and(|p| !p.is_empty()))
        .count();
    Counts {
        statements: statement_texts(json).len(),
        reconstructed,
        relations,
    }
}

/// Checks the imported map against the official reading: a claim per
/// statement and per argument without a reconstruction, an inference per
/// conclusion, a link per distinct relation, and the same texts.
fn compare_map(name: &str, text: &str, json: &Value, theirs: &Counts) -> Vec<String> {
    let mut differences = Vec::new();
    let map = argdown::from_argdown(text.as_bytes())
        .expect("the example imports")
        .map;
    let plain_arguments = json["arguments"]
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(_, a)| a["pcs"].as_array().is_none_or(Vec::is_empty))
        .count();
    let inferences: usize = json["arguments"]
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(_, a)| a["pcs"].as_array())
        .flatten()
        .filter(|m| {
            m["role"]
                .as_str()
                .is_some_and(|r| r.ends_with("conclusion"))
        })
        .count();
    // Links are distinct: a contradiction is an attack each way, and
    // an attack it repeats is one link.
    let mut supports = std::collections::BTreeSet::new();
    let mut attacks = std::collections::BTreeSet::new();
    for (kind, from, to) in relations(json) {
        match loose(&kind) {
            "support" => {
                supports.insert((from, to));
            }
            "contradiction" => {
                attacks.insert((to.clone(), from.clone()));
                attacks.insert((from, to));
            }
            _ => {
                attacks.insert((from, to));
            }
        }
    }
    let expected = (
        theirs.statements + plain_arguments,
        supports.len() + inferences,
        attacks.len(),
    );
    let supports = map
        .links
        .values()
        .filter(|l| l.kind == LinkKind::Support)
        .count();
    let found = (map.claims.len(), supports, map.links.len() - supports);
    // The texts: Argdown's, with the tags Argmap keeps as tags taken
    // out; an argument without a reconstruction is a claim with its
    // description (or its title).
    let mut theirs_texts: Vec<String> = statement_texts(json)
        .into_values()
        .chain(
            json["arguments"]
                .as_object()
                .into_iter()
                .flatten()
                .filter(|(_, a)| a["pcs"].as_array().is_none_or(Vec::is_empty))
                .map(|(title, a)| {
                    let description = a["members"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|m| m["text"].as_str())
                        .rfind(|t| !t.trim().is_empty());
                    description.unwrap_or(title).to_owned()
                }),
        )
        .map(|t: String| without_tags(&t))
        .collect();
    theirs_texts.sort();
    let mut our_texts: Vec<String> = map.claims.values().map(|c| without_tags(&c.text)).collect();
    our_texts.sort();
    if our_texts != theirs_texts {
        let only = |a: &[String], b: &[String]| -> Vec<String> {
            a.iter().filter(|t| !b.contains(t)).cloned().collect()
        };
        differences.push(format!(
            "{name}: texts differ\n  only ours:     {:?}\n  only official: {:?}",
            only(&our_texts, &theirs_texts),
            only(&theirs_texts, &our_texts)
        ));
    }
    if found != expected {
        differences.push(format!(
            "{name}: the map has (claims, supports, attacks) {found:?}, the official reading {expected:?}"
        ));
    }
    differences
}

#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs Node.js and npm (the official Argdown parser): `bash .ci/test` sets them up and runs it"
)]
fn argdown_examples_import_to_what_the_official_parser_reads() {
    let fixtures: Vec<PathBuf> = files("tests/fixtures/argdown", "argdown")
        .into_iter()
        .chain(files("tests/fixtures/argdown-own", "argdown"))
        .chain(files("tests/fixtures/interop-repro", "argdown"))
        .collect();
    // Old Argmap exports the official parser rejects (kept in the repro
    // folder to show what was wrong): nothing to compare against.
    let rejected = [
        "asterisk-2x3x4",
        "block-comment-star",
        "frontmatter-min",
        "title-colon",
        "undercut-of-undercut",
        "linked-attack-special",
    ];
    let read = |p: &PathBuf| (stem(p), fs::read_to_string(p).expect("read an example"));
    let documents: Vec<(String, String)> = fixtures
        .iter()
        .filter(|p| !rejected.contains(&stem(p).as_str()))
        .map(read)
        .collect();
    assert!(documents.len() >= 10);
    let mut parsed = official(&documents);
    // More examples from a folder outside the project, those the official
    // parser accepts: `ARGDOWN_EXAMPLES=dir`.
    let mut documents = documents;
    if let Some(dir) = std::env::var_os("ARGDOWN_EXAMPLES") {
        let mut extra: Vec<PathBuf> = fs::read_dir(dir)
            .expect("the ARGDOWN_EXAMPLES folder")
            .filter_map(|e| Some(e.ok()?.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "argdown"))
            .collect();
        extra.sort();
        let extra: Vec<(String, String)> = extra
            .iter()
            .map(read)
            .map(|(name, text)| (format!("extra-{name}"), text))
            .collect();
        let (accepted, _) = official_or_rejected(&extra);
        documents.extend(
            extra
                .into_iter()
                .filter(|(name, _)| accepted.contains_key(name)),
        );
        parsed.extend(accepted);
    }
    let mut differences = Vec::new();
    for (name, text) in &documents {
        let theirs = official_counts(&parsed[name]);
        let ours = argdown::counts(text.as_bytes()).expect("the example reads");
        let ours = Counts {
            statements: ours.statements,
            reconstructed: ours.reconstructed,
            relations: ours.relations,
        };
        if ours != theirs {
            differences.push(format!(
                "{name}:\n  ours:     {ours:?}\n  official: {theirs:?}"
            ));
        }
        differences.extend(compare_map(name, text, &parsed[name], &theirs));
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}
