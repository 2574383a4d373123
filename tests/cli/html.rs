//! The HTML handout in a real browser: `argmap export --to html` on the
//! bundled map, opened in Debian's headless Chromium and driven through the
//! `DevTools` protocol by `tests/web/handout.mjs` (Node.js, no packages).
//! What the page must show is worked out here from the library: each
//! claim's words, where the arrow keys go, what folding hides, what search
//! finds, and each presentation step's claims and camera as the editor's
//! present mode frames them.
//!
//! Needs `chromium` and `node` (Debian: `apt install chromium nodejs`);
//! `.ci/run` installs them. `ARGMAP_CHROMIUM` names another browser binary.
//! The screenshots are left in `target/tmp/handout-browser/`.

#![expect(
    clippy::disallowed_methods,
    reason = "Tests write the page and the expectations themselves."
)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use argmap::draw::framing;
use argmap::draw::svg::Scene;
use argmap::measure::{TextMeasure, card_texts};
use argmap::model::nav::{self, Arrow};
use argmap::model::{ClaimId, Map, present};
use serde_json::{Value, json};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const BUNDLED: &str = "maps/social-credit-system.ron";

fn chromium() -> PathBuf {
    let path = std::env::var_os("ARGMAP_CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    assert!(
        path.exists(),
        "the handout tests run a real browser and need Chromium at {} \
         (Debian: apt install chromium; or set ARGMAP_CHROMIUM)",
        path.display()
    );
    path
}

fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("handout-browser");
    std::fs::create_dir_all(&dir).expect("a folder for the page and screenshots");
    dir
}

/// Where the arrow keys go from `start`, key by key, as the editor moves.
fn walk(map: &Map, start: ClaimId) -> Vec<Value> {
    let mut at = start;
    [
        ("ArrowUp", Arrow::Up),
        ("ArrowDown", Arrow::Down),
        ("ArrowRight", Arrow::Right),
        ("ArrowLeft", Arrow::Left),
    ]
    .into_iter()
    .map(|(key, direction)| {
        at = nav::step(map, at, direction).unwrap_or(at);
        json!([key, at.0])
    })
    .collect()
}

/// The camera of each presentation step on a screen of `size`, as the
/// editor frames it.
fn frames(map: &Map, scene: &Scene, size: egui::Vec2) -> Vec<[f32; 4]> {
    let steps = present::steps(map);
    let order = present::step_index(&steps);
    steps
        .iter()
        .map(|step| {
            let cards: Vec<egui::Rect> = step
                .iter()
                .filter_map(|c| scene.cards.get(c).copied())
                .collect();
            let context: Vec<egui::Rect> = present::context(map, step, &order)
                .iter()
                .filter_map(|c| scene.cards.get(&c.claim).copied())
                .collect();
            let view = framing::step_frame(&cards, &context, size, framing::screen_min_zoom(size))
                .map(|f| f.view)
                .or_else(|| framing::presentation_frame([scene.bounds], size))
                .expect("a frame");
            [view.min.x, view.min.y, view.width(), view.height()]
        })
        .collect()
}

/// What the page should show of `map` (read from `path`).
fn expectations(map: &Map) -> Value {
    let mut measure = TextMeasure::new();
    let texts = card_texts(map, &mut measure);
    let scene = Scene::of(map, &texts);
    let claims: BTreeMap<String, String> = map
        .claims
        .iter()
        .map(|(id, c)| (id.0.to_string(), c.text.clone()))
        .collect();
    // A claim with a note that answers something and has siblings.
    let (&noted, note) = map
        .claims
        .iter()
        .filter(|(id, _)| nav::parent(map, **id).is_some() && nav::siblings(map, **id).len() > 1)
        .find_map(|(id, c)| Some((id, c.note.clone()?)))
        .expect("the bundled map has a noted claim with siblings");
    let thesis = map.thesis.expect("a thesis");
    let below = argmap::model::outline_view::descendants(map, thesis).len();
    // Search finds what the editor's Find finds (one rule, in the model),
    // in reading order; the query's words in another case and order.
    let query = "LAW  rule";
    let matches: Vec<u32> = argmap::model::find::find(map, query)
        .iter()
        .map(|c| c.0)
        .collect();
    assert!(!matches.is_empty(), "the query finds something");
    let steps: Vec<Vec<u32>> = present::steps(map)
        .iter()
        .map(|s| s.iter().map(|c| c.0).collect())
        .collect();
    // The reading view tells the claims in the outline's order, each as
    // deep as the outline puts it.
    let mut depths: BTreeMap<String, usize> = BTreeMap::new();
    for step in argmap::model::reading::walk(map) {
        match step {
            argmap::model::reading::Step::Root(id) => {
                depths.insert(id.0.to_string(), 0);
            }
            argmap::model::reading::Step::Link { id, depth, fresh } => {
                for (premise, new) in map.links[&id].premises.iter().zip(fresh) {
                    if new {
                        depths.insert(premise.0.to_string(), depth + 1);
                    }
                }
            }
        }
    }
    let order: Vec<u32> = argmap::model::reading::order(map)
        .iter()
        .map(|c| c.0)
        .collect();
    json!({
        "claims": claims,
        "reading": { "order": order, "depths": depths },
        "noted": {
            "id": noted.0,
            "note": note,
            "reference": map.claims[&noted]
                .source
                .as_ref()
                .and_then(|c| argmap::cite::reference(map, &c.doc))
                .map(|r| r.plain()),
        },
        "walk": walk(map, noted),
        "fold": { "claim": thesis.0, "hidden": below, "shown": map.claims.len() - below },
        "search": { "query": query, "matches": matches },
        "steps": steps,
        "frames": {
            "1280x800": frames(map, &scene, egui::vec2(1280.0, 800.0)),
            "390x844": frames(map, &scene, egui::vec2(390.0, 844.0)),
        },
    })
}

#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs Chromium and Node.js: `bash .ci/test` sets them up and runs it"
)]
fn the_handout_works_in_a_real_browser_on_a_desktop_and_a_phone() {
    let browser = chromium();
    let dir = out_dir();
    let source = Path::new(ROOT).join(BUNDLED);
    let map = argmap::store::read_map(&source).expect("the bundled map");
    let page = dir.join("social-credit-system.html");
    let exported = Command::new(env!("CARGO_BIN_EXE_argmap"))
        .arg("export")
        .arg(&source)
        .args(["--to", "html", "--evaluate", "-o"])
        .arg(&page)
        .output()
        .expect("argmap runs");
    assert!(
        exported.status.success(),
        "export failed: {}",
        String::from_utf8_lossy(&exported.stderr)
    );
    // A large map, to see culling draw what comes into view.
    let large = dir.join("large.ron");
    let large_page = dir.join("large.html");
    for args in [
        vec![
            "generate".into(),
            "--claims".into(),
            "800".into(),
            "-o".into(),
            large.clone().into_os_string(),
        ],
        vec![
            "export".into(),
            large.clone().into_os_string(),
            "--to".into(),
            "html".into(),
            "--arrange".into(),
            "-o".into(),
            large_page.clone().into_os_string(),
        ],
    ] {
        let run = Command::new(env!("CARGO_BIN_EXE_argmap"))
            .args(&args)
            .output()
            .expect("argmap runs");
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
    let mut expected = expectations(&map);
    expected["large"] = json!({ "page": large_page, "claims": 800, "far": 800 });
    let expect = dir.join("expect.json");
    std::fs::write(&expect, expected.to_string()).expect("expectations written");
    let run = Command::new("node")
        .arg(Path::new(ROOT).join("tests/web/handout.mjs"))
        .arg(&browser)
        .arg(&page)
        .arg(&expect)
        .arg(&dir)
        .output()
        .unwrap_or_else(|e| {
            panic!("the handout tests need Node.js (Debian: apt install nodejs): {e}")
        });
    let said = String::from_utf8_lossy(&run.stdout);
    println!("{said}");
    assert!(
        run.status.success(),
        "the handout failed in Chromium:\n{said}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
}
