//! The HTML handout follows Argmap's own rules: its script's framing of
//! every presentation step of every shipped map, on a laptop, a phone and
//! a projector, and its search, on queries made from the maps' words (and
//! on words whose case is hard to fold), give what the Rust code gives.
//! The script runs in Node alone (`tests/web/conformance.mjs`), with the
//! rules the page carries.

#![expect(
    clippy::disallowed_methods,
    reason = "the cases are written to a file for Node to read"
)]

use std::path::Path;
use std::process::Command;

use argmap::draw::framing;
use argmap::draw::svg::Scene;
use argmap::measure::{TextMeasure, card_texts};
use argmap::model::{Claim, ClaimId, Map, Pos, find, present};
use argmap::web::data::{Data, Rules};
use egui::{Rect, Vec2, pos2, vec2};
use serde_json::{Value, json};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The screens the steps are framed for: a laptop, a phone, a projector.
const SCREENS: [(f32, f32); 3] = [(1280.0, 800.0), (390.0, 844.0), (1920.0, 1080.0)];

/// A rectangle as the page's data writes it, and back.
fn rect(r: [f32; 4]) -> Rect {
    Rect::from_min_size(pos2(r[0], r[1]), vec2(r[2], r[3]))
}

fn array(r: Rect) -> [f32; 4] {
    [r.min.x, r.min.y, r.width(), r.height()]
}

/// Every step of `map` framed on every screen, from the rectangles the
/// page carries.
fn frames(map: &Map, data: &Data) -> Vec<Value> {
    let card = |c: &ClaimId| data.claims.get(&c.0).map(|d| rect(d.rect));
    let mut cases = Vec::new();
    let steps = present::steps(map);
    let order = present::step_index(&steps);
    for (w, h) in SCREENS {
        for (step, claims) in steps.iter().enumerate() {
            let cards: Vec<Rect> = claims.iter().filter_map(card).collect();
            let context: Vec<Rect> = present::context(map, claims, &order)
                .iter()
                .filter_map(|c| card(&c.claim))
                .collect();
            let view = Vec2::new(w, h);
            let Some(frame) =
                framing::step_frame(&cards, &context, view, framing::screen_min_zoom(view))
            else {
                continue;
            };
            cases.push(json!({
                "step": step + 1,
                "size": [w, h],
                "cards": cards.iter().copied().map(array).collect::<Vec<_>>(),
                "context": context.iter().copied().map(array).collect::<Vec<_>>(),
                "view": array(frame.view),
                "beyond": frame.beyond,
                "beyond_step": frame.beyond_step,
            }));
        }
    }
    cases
}

/// Queries made from `map`'s own words: single words as typed and in
/// capitals, pairs from different claims and fields, parts of words, tags,
/// words between other kinds of space, and words found nowhere.
fn queries(map: &Map) -> Vec<String> {
    let words: Vec<String> = map
        .claims
        .values()
        .flat_map(|c| {
            let mut fields = vec![c.text.clone()];
            fields.extend(c.title.clone());
            fields.extend(c.note.clone());
            fields.extend(c.tags.iter().map(|t| format!("#{t}")));
            fields
        })
        .flat_map(|field| {
            field
                .split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    let mut queries: Vec<String> = Vec::new();
    for (i, word) in words.iter().enumerate().step_by(7).take(60) {
        queries.push(word.clone());
        queries.push(word.to_uppercase());
        let chars: Vec<char> = word.chars().collect();
        if chars.len() > 4 {
            queries.push(chars[1..4].iter().collect());
        }
        if let Some(other) = words.get((i * 13 + 5) % words.len()) {
            queries.push(format!("{word} {other}"));
            queries.push(format!("{other}\u{00A0}{word}\t"));
            queries.push(format!("{word}\u{3000}{}", other.to_lowercase()));
        }
    }
    queries.extend(
        [
            "",
            " ",
            "\u{FEFF}",
            "zzqx",
            "law\u{FEFF}",
            "#",
            "¶",
            "(",
            "a b c",
            "\u{2028}rule",
        ]
        .map(str::to_owned),
    );
    queries
}

/// A map of words whose case is hard to fold: the German sharp s, the
/// Turkish dotted capital I, Greek final sigma, title-case digraphs,
/// Cyrillic, Chinese, combining accents and emoji.
fn hard_words() -> Map {
    let mut map = Map::new("Hard words");
    for text in [
        "STRASSE and Straße",
        "İstanbul and ISTANBUL",
        "ΟΔΟΣ ΣΟΦΙΑΣ and σοφίας",
        "ǅungla, ǄUNGLA",
        "МОСКВА и москва",
        "法治 rule by law",
        "cafe\u{0301} and CAFÉ",
        "🙂 smile",
    ] {
        map.add_claim(Claim::new(text, Pos::default()));
    }
    map
}

/// The case for one map: its claims' searched words, reading order,
/// bounds, frames and searches with what Argmap finds.
fn case(name: &str, map: &Map, extra: &[&str]) -> Value {
    let mut measure = TextMeasure::new();
    let texts = card_texts(map, &mut measure);
    let scene = Scene::of(map, &texts);
    let data = argmap::web::data::data(
        map,
        &scene.cards,
        scene.bounds,
        None,
        &std::collections::BTreeMap::new(),
    );
    let claims: serde_json::Map<String, Value> = data
        .claims
        .iter()
        .map(|(id, c)| (id.to_string(), json!({ "search": c.search })))
        .collect();
    let mut asked = queries(map);
    asked.extend(extra.iter().map(|&q| q.to_owned()));
    let searches: Vec<Value> = asked
        .iter()
        .map(|query| {
            let found: Vec<u32> = find::find(map, query).iter().map(|c| c.0).collect();
            json!({ "query": query, "expected": found })
        })
        .collect();
    let overview: Vec<Value> = SCREENS
        .iter()
        .filter_map(|&(w, h)| {
            let frame = framing::presentation_frame([rect(data.bounds)], Vec2::new(w, h))?;
            Some(json!([w, h, array(frame)]))
        })
        .collect();
    json!({
        "name": name,
        "claims": claims,
        "order": data.order,
        "bounds": data.bounds,
        "frames": frames(map, &data),
        "overview": overview,
        "searches": searches,
    })
}

#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs Node.js: `bash .ci/test` sets it up and runs it"
)]
fn the_handouts_framing_and_search_follow_argmaps_rules() {
    let mut maps = Vec::new();
    let mut shipped: Vec<_> = std::fs::read_dir(Path::new(ROOT).join("maps"))
        .expect("maps/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    shipped.sort();
    let mut steps = 0;
    for path in &shipped {
        let map = argmap::store::read_map(path).expect("a shipped map");
        steps += present::steps(&map).len();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        maps.push(case(&name.unwrap_or_default(), &map, &[]));
    }
    maps.push(case(
        "hard words",
        &hard_words(),
        &[
            "straße",
            "STRASSE",
            "i̇stanbul",
            "İSTANBUL",
            "istanbul",
            "οδος",
            "ΟΔΟΣ",
            "σοφιας",
            "ΣΟΦΊΑΣ",
            "ǆungla",
            "ǅUNGLA",
            "москва",
            "法治",
            "café",
            "CAFE\u{0301}",
            "🙂",
        ],
    ));
    assert_eq!(shipped.len(), 6, "every shipped map");
    assert!(steps > 60, "{steps} steps");
    let cases = json!({ "rules": Rules::of_argmap(), "maps": maps });
    let file = Path::new(env!("CARGO_TARGET_TMPDIR")).join("handout-rules.json");
    std::fs::write(&file, cases.to_string()).expect("the cases are written");
    let run = Command::new("node")
        .arg(Path::new(ROOT).join("tests/web/conformance.mjs"))
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("this test runs the handout's script in Node.js: {e}"));
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "the handout differs from Argmap:\n{said}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    println!("{said}");
}
