//! Import and export: real files written by other tools, round trips of
//! random maps through Argdown and AIF, and the drawings.

#![expect(
    clippy::disallowed_methods,
    reason = "Tests make, change and read real files themselves."
)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::fixture;
use argmap::draw::raster;
use argmap::draw::svg::{Background, SvgOptions, svg};
use argmap::export::{ExportFormat, ExportOptions, export};
use argmap::format::{Imported, ParseError, aif, argdown, markdown};
use argmap::import::{ImportFormat, import};
use argmap::measure::TextMeasure;
use argmap::model::{Claim, ClaimId, ClaimKind, LinkKind, Map, Pos, Stats, Target};

fn import_file(path: &Path) -> Imported {
    let bytes = std::fs::read(path).expect("fixture reads");
    let format = ImportFormat::detect(path, &bytes);
    import(format, &bytes, &mut TextMeasure::new())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Claims, supports, attacks, linked-premise links and undercuts.
fn counts(map: &Map) -> (usize, usize, usize, usize, usize) {
    let links = map.links.values();
    (
        map.claims.len(),
        links
            .clone()
            .filter(|l| l.kind == LinkKind::Support)
            .count(),
        links.clone().filter(|l| l.kind == LinkKind::Attack).count(),
        links.clone().filter(|l| l.premises.len() > 1).count(),
        links
            .filter(|l| matches!(l.target, Target::Link(_)))
            .count(),
    )
}

/// An imported map is sound, arranged, and its cards do not overlap.
fn assert_sound_and_arranged(name: &str, imported: &Imported) {
    let map = &imported.map;
    assert!(map.validate().is_empty(), "{name}: {:?}", map.validate());
    assert!(imported.positioned, "{name}");
    let mut measure = TextMeasure::new();
    let sizes = argmap::measure::card_sizes(map, &mut measure);
    let rects: Vec<(ClaimId, f32, f32, f32, f32)> = map
        .claims
        .iter()
        .map(|(&id, c)| {
            let (w, h) = sizes[&id];
            (id, c.pos.x - w / 2.0, c.pos.y - h / 2.0, w, h)
        })
        .collect();
    for (i, a) in rects.iter().enumerate() {
        for b in &rects[i + 1..] {
            let apart = a.1 + a.3 <= b.1 + 0.5
                || b.1 + b.3 <= a.1 + 0.5
                || a.2 + a.4 <= b.2 + 0.5
                || b.2 + b.4 <= a.2 + 0.5;
            assert!(apart, "{name}: cards {:?} and {:?} overlap", a.0, b.0);
        }
    }
}

#[test]
fn argdown_fixtures_import_with_the_counts_read_by_hand() {
    // (file, claims, supports, attacks, linked, undercuts), counted from
    // the files: relation lines, distinct titles, untitled statements
    // (paragraphs of prose become note cards), premise–conclusion blocks.
    // `argdown_official.rs` checks the same against Argdown's own parser.
    let expected = [
        // 20 claims: [Intro] and its 3 pros, 7 paragraphs of prose,
        // [Statement 1], [Statement 2], three arguments without a
        // reconstruction, the first premise and the conclusion of
        // <Argument 1> (its second premise is [Statement 2]) and the
        // conclusion's target. [Intro] attacks <Argument 1>: an attack on
        // its conclusion, not an undercut.
        ("argdown-primer.argdown", 20, 6, 5, 1, 0),
        // 16 claims: 12 statements (7 of them prose) and 4 arguments
        // without a reconstruction.
        ("intro.argdown", 16, 3, 5, 1, 0),
        // 17 arguments and one thesis; 9 pro, 8 con and 2 undercut lines.
        ("legalisation-softdrugs.argdown", 18, 9, 10, 0, 2),
        // 25 statements (4 of them paragraphs of prose)
        // and 22 arguments; 35 support and 23 attack lines.
        ("veggie_debate.argdown", 47, 35, 23, 0, 0),
    ];
    for (file, claims, supports, attacks, linked, undercuts) in expected {
        let imported = import_file(&fixture(&format!("argdown/{file}")));
        assert_eq!(
            counts(&imported.map),
            (claims, supports, attacks, linked, undercuts),
            "{file}: {}",
            Stats::of(&imported.map)
        );
        assert_sound_and_arranged(file, &imported);
        assert!(imported.map.thesis.is_some(), "{file}");
    }
}

#[test]
fn argdown_details_survive_the_import() {
    let soft = import_file(&fixture("argdown/legalisation-softdrugs.argdown")).map;
    assert_eq!(soft.title, "Pros and Cons Legalisation of Soft Drugs");
    let thesis = &soft.claims[&soft.thesis.expect("a thesis")];
    assert_eq!(thesis.text, "Soft drugs should be legal.");
    // Tags are kept, and taken out of the text.
    let tagged = soft
        .claims
        .values()
        .find(|c| c.text.starts_with("The role of legislation"))
        .expect("the first pro");
    assert_eq!(tagged.tags, ["pro"]);
    assert!(!tagged.text.contains("#pro"));
    // The undercut of the analogy attacks its inference, not a claim.
    let poor = soft
        .claims
        .iter()
        .find(|(_, c)| c.text.starts_with("In any case, the fact"))
        .map(|(&id, _)| id)
        .expect("the undercutter");
    let undercut = soft
        .links
        .values()
        .find(|l| l.premises == [poor])
        .expect("its link");
    let Target::Link(analogy) = undercut.target else {
        panic!("not an undercut: {undercut:?}");
    };
    let analogy = &soft.links[&analogy];
    assert_eq!(analogy.target, Target::Claim(soft.thesis.expect("thesis")));

    let veggie = import_file(&fixture("argdown/veggie_debate.argdown")).map;
    // Umlauts and headings (as tags) come through.
    let culture = veggie
        .claims
        .values()
        .find(|c| c.text.contains("jahrundertealten"))
        .expect("an argument with umlauts");
    assert!(
        culture.text.contains("Verzicht auf Fleisch"),
        "{}",
        culture.text
    );
    assert!(culture.tags.iter().any(|t| t == "Kulinarische Erwägungen"));
    // Comments are gone.
    assert!(veggie.claims.values().all(|c| !c.text.contains("<!--")));

    let primer = import_file(&fixture("argdown/argdown-primer.argdown"));
    let report = primer.report.join("\n");
    assert!(report.contains("untitled paragraphs"), "{report}");
    assert!(report.contains("earlier formulations"), "{report}");
}

#[test]
fn argdown_reconstructions_import_with_every_step_note_and_heading() {
    let imported = import_file(&fixture("argdown-own/reconstructions.argdown"));
    let map = &imported.map;
    // A title over two lines of YAML, whole.
    assert_eq!(map.title, "Should schools set homework for young pupils?");
    let id = |text: &str| {
        map.claims
            .iter()
            .find(|(_, c)| c.text == text)
            .map_or_else(|| panic!("no claim {text:?}"), |(&id, _)| id)
    };
    let link = |premises: &[ClaimId], target: ClaimId| {
        map.links
            .values()
            .find(|l| l.premises == premises && l.target == Target::Claim(target))
            .map(|l| l.kind)
    };
    // Emphasis is read as Argdown reads it.
    let sleep = id("Pupils with more than an hour of homework a night sleep less on average.");
    let need = id("Young pupils need sleep to learn well.");
    let rule = id("Whatever costs pupils the sleep they need to learn well should not be set.");
    let ban = id("Schools should not set homework before the age of eleven.");
    // An indented premise–conclusion block, its premise attacked from
    // under it.
    assert_eq!(link(&[sleep, need, rule], ban), Some(LinkKind::Support));
    let resilient = id("Most pupils make up lost sleep at the weekend.");
    assert_eq!(link(&[resilient], need), Some(LinkKind::Attack));
    // A reconstruction in two steps: the intermediate conclusion is a
    // claim with its own inference.
    let gains =
        id("Ten minutes of reading at home a day goes with better reading scores at age nine.");
    let small = id("If a small daily task improves scores, it should be set.");
    let reading = id("Short daily reading should be set.");
    let keep = id("Short, regular homework helps young pupils to learn.");
    assert_eq!(link(&[gains, small], reading), Some(LinkKind::Support));
    assert_eq!(link(&[reading], keep), Some(LinkKind::Support));
    // The argument's description is the note of its conclusion.
    let note = map.claims[&ban].note.as_deref().unwrap_or_default();
    assert!(
        note.contains("<Tired Pupils>: Homework costs young pupils the sleep they need to learn."),
        "{note}"
    );
    // A heading over two lines is one tag; a list item answers its own
    // relation; a shortcode is its symbol.
    assert!(
        map.claims[&need]
            .tags
            .iter()
            .any(|t| t == "Inferences between @[Ban] and the evidence")
    );
    let differ = id("Pupils differ 🤔");
    let quiet = id("Some pupils have no quiet place at home.");
    assert_eq!(link(&[quiet], differ), Some(LinkKind::Support));
    // Nothing is dropped without a word.
    let report = imported.report.join("\n");
    assert!(report.contains("kept as note cards"), "{report}");
    assert!(
        report.contains("descriptions of reconstructed arguments"),
        "{report}"
    );
}

/// What an AIF file holds, read straight from its JSON: an oracle that
/// shares no code with the importer.
fn aif_oracle(path: &Path) -> (usize, usize, usize, usize, usize) {
    let text = std::fs::read_to_string(path).expect("reads");
    let value: serde_json::Value = serde_json::from_str(&text).expect("json");
    let graph = value.get("AIF").unwrap_or(&value);
    let id = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let kinds: BTreeMap<String, String> = graph["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| {
            (
                id(&n["nodeID"]),
                n["type"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    let edges: Vec<(String, String)> = graph["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| (id(&e["fromID"]), id(&e["toID"])))
        .collect();
    let kind = |n: &str| kinds.get(n).map_or("", String::as_str);
    let claims = kinds.values().filter(|k| *k == "I").count();
    let (mut supports, mut attacks, mut linked, mut undercuts) = (0, 0, 0, 0);
    for (node, k) in &kinds {
        if !matches!(k.as_str(), "RA" | "CA" | "MA") {
            continue;
        }
        let premises = edges
            .iter()
            .filter(|(f, t)| t == node && kind(f) == "I")
            .count();
        let target = edges.iter().find(|(f, _)| f == node).map(|(_, t)| kind(t));
        if premises == 0 || target.is_none() {
            continue;
        }
        if k == "CA" {
            attacks += 1;
        } else {
            supports += 1;
        }
        if premises > 1 {
            linked += 1;
        }
        if matches!(target, Some("RA" | "CA" | "MA")) {
            undercuts += 1;
        }
    }
    (claims, supports, attacks, linked, undercuts)
}

#[test]
fn every_aif_fixture_imports_with_the_counts_in_the_file() {
    let dir = fixture("aif");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 68);
    let mut total = (0, 0, 0, 0, 0);
    for path in &files {
        let imported = import_file(path);
        let name = path.display().to_string();
        let got = counts(&imported.map);
        assert_eq!(got, aif_oracle(path), "{name}");
        assert_sound_and_arranged(&name, &imported);
        total.0 += got.0;
        total.1 += got.1;
        total.2 += got.2;
        total.3 += got.3;
        total.4 += got.4;
    }
    // The corpus as a whole: 430 statements; every inference and conflict
    // read, linked premises and the one undercut among them.
    assert_eq!(total.0, 430);
    assert!(total.3 > 50, "{total:?}");
    assert_eq!(total.4, 1);
}

#[test]
fn aif_fixtures_checked_by_hand() {
    // nodeset66: 8 statements; two inferences of three linked premises
    // each; one conflict.
    let map = import_file(&fixture("aif/nodeset66.json")).map;
    assert_eq!(counts(&map), (8, 2, 1, 2, 0));
    // OVA: "A because B", "not B" rebuts B, and "A and B are totally
    // unrelated" undercuts the inference from B to A; positions from OVA;
    // the dialogue layer skipped and counted.
    let ova = import_file(&fixture("aif/ova3-rebut-undercut.json"));
    assert_eq!(counts(&ova.map), (4, 1, 2, 0, 1));
    let a = ova.map.claims.values().find(|c| c.text == "A").expect("A");
    assert_eq!((a.pos.x, a.pos.y), (664.0, 152.0));
    let report = ova.report.join("\n");
    assert!(report.contains("8 locutions (L) skipped"), "{report}");
    assert!(
        report.contains("8 illocutionary connections (YA) skipped"),
        "{report}"
    );
    assert!(report.contains("3 transitions (TA) skipped"), "{report}");
    // Portuguese with JSON-escaped accents arrives as accented text.
    let escaped = br#"{"nodes":[{"nodeID":"1","text":"A\u00e7\u00e3o \u00e9 necess\u00e1ria","type":"I"}],"edges":[]}"#;
    let imported = aif::from_aif(escaped).expect("reads");
    assert_eq!(imported.map.claims[&ClaimId(1)].text, "Ação é necessária");
}

#[test]
fn broken_imports_say_where() {
    let err = aif::from_aif(b"{\"nodes\": [\n  {\"nodeID\": 1,, }\n]}").expect_err("broken");
    assert!(matches!(err, ParseError::Syntax { line: 2, .. }), "{err:?}");
    let err = aif::from_aif(b"[1, 2, 3]").expect_err("not a graph");
    assert!(err.to_string().contains("not an AIF graph"), "{err}");
    let err = aif::from_aif(b"{\"nodes\": 5}").expect_err("wrong type");
    assert!(err.to_string().contains("not an AIF graph"), "{err}");
    assert_eq!(argdown::from_argdown(b"  \n\n"), Err(ParseError::Empty));
    assert_eq!(
        argdown::from_argdown(b"[A]: ok\n\xff\xfe"),
        Err(ParseError::NotText { offset: 8 })
    );
    // Hostile but valid: deep nesting, self relations, unknown node kinds.
    let mut deep = String::from("[A]: a\n");
    for i in 1..2000 {
        deep.push_str(&" ".repeat(i));
        deep.push_str("+ [S");
        deep.push_str(&i.to_string());
        deep.push_str("]: s\n");
    }
    let imported = argdown::from_argdown(deep.as_bytes()).expect("deep tree");
    assert_eq!(imported.map.claims.len(), 2000);
    let weird = br#"{"nodes":[{"nodeID":1,"text":"x","type":"I"},{"nodeID":2,"text":"?","type":"XX"},{"nodeID":3,"type":"RA"}],"edges":[{"fromID":1,"toID":3},{"fromID":3,"toID":1}]}"#;
    let imported = aif::from_aif(weird).expect("reads");
    assert!(imported.map.links.is_empty());
    assert!(imported.map.validate().is_empty());
}

/// The keys of each node and edge an `AIFdb` fixture file holds.
fn aifdb_keys(path: &Path) -> (Vec<String>, Vec<String>) {
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("reads")).expect("json");
    let keys = |v: &serde_json::Value| {
        let mut keys: Vec<String> = v.as_object().expect("an object").keys().cloned().collect();
        keys.sort();
        keys
    };
    (keys(&value["nodes"][0]), keys(&value["edges"][0]))
}

#[test]
fn aif_export_writes_nodes_and_edges_exactly_as_aifdb_does() {
    let map = bundled();
    let text = aif::to_aif_at(&map, 1_796_103_545);
    let value: serde_json::Value = serde_json::from_str(&text).expect("json");
    // The same keys as every AIFdb file in the fixtures, nothing more.
    let (node_keys, edge_keys) = aifdb_keys(&fixture("aif/nodeset106.json"));
    for node in value["nodes"].as_array().expect("nodes") {
        let mut keys: Vec<String> = node.as_object().expect("a node").keys().cloned().collect();
        keys.sort();
        assert_eq!(keys, node_keys, "{node}");
        assert_eq!(node["timestamp"], "2026-12-01 05:39:05");
        // Ids are strings of digits, types the AIF ones.
        let id = node["nodeID"].as_str().expect("a string id");
        assert!(id.chars().all(|c| c.is_ascii_digit()), "{id}");
        assert!(
            matches!(node["type"].as_str(), Some("I" | "RA" | "CA")),
            "{node}"
        );
    }
    let mut edge_ids = std::collections::BTreeSet::new();
    for edge in value["edges"].as_array().expect("edges") {
        let mut keys: Vec<String> = edge.as_object().expect("an edge").keys().cloned().collect();
        keys.sort();
        assert_eq!(keys, edge_keys, "{edge}");
        assert!(edge["formEdgeID"].is_null());
        assert!(edge_ids.insert(edge["edgeID"].as_str().expect("a string id").to_owned()));
    }
    // The title where OVA keeps it, read back with the places and kinds.
    assert_eq!(value["analysis"]["documentTitle"], map.title.as_str());
    assert_eq!(value["locutions"], serde_json::json!([]));
    let back = aif::from_aif(text.as_bytes()).expect("reads back");
    assert_eq!(back.map.title, map.title);
    assert!(back.positioned);
    let kinds = |m: &Map| {
        let mut all: Vec<(String, ClaimKind)> = m
            .claims
            .values()
            .map(|c| (c.text.clone(), c.kind))
            .collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        all
    };
    assert_eq!(kinds(&back.map), kinds(&map));
}

// ---------------------------------------------------------------- drawings

fn bundled() -> Map {
    argmap::bundled::ARTICLE.map()
}

/// Draws an SVG with resvg at half size, with the given fonts.
fn pixels(
    svg: &str,
    fonts: std::sync::Arc<resvg::usvg::fontdb::Database>,
) -> resvg::tiny_skia::Pixmap {
    let options = resvg::usvg::Options {
        fontdb: fonts,
        ..resvg::usvg::Options::default()
    };
    let tree = resvg::usvg::Tree::from_str(svg, &options).expect("reads");
    let size = tree.size().to_int_size().scale_by(0.5).expect("a size");
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).expect("pixmap");
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(0.5, 0.5),
        &mut pixmap.as_mut(),
    );
    pixmap
}

/// How many pixels of two drawings of one size differ clearly.
fn differing_pixels(a: &resvg::tiny_skia::Pixmap, b: &resvg::tiny_skia::Pixmap) -> usize {
    a.data()
        .chunks(4)
        .zip(b.data().chunks(4))
        .filter(|(p, q)| p.iter().zip(q.iter()).any(|(x, y)| x.abs_diff(*y) > 64))
        .count()
}

#[test]
fn outlined_svg_needs_no_font_and_draws_as_the_text_one_does() {
    let map = bundled();
    let as_text = |outline_text| {
        let options = ExportOptions {
            outline_text,
            ..ExportOptions::default()
        };
        let exported =
            export(&map, ExportFormat::Svg, &options, &mut TextMeasure::new()).expect("exports");
        String::from_utf8(exported.bytes).expect("text")
    };
    let (plain, outlined) = (as_text(false), as_text(true));
    assert!(!outlined.contains("<text"), "no text left");
    assert!(outlined.contains(&format!(
        "<title>{}</title>",
        argmap::draw::svg::escape(&map.title)
    )));
    // Each glyph shape once: far smaller than a path per letter.
    assert!(
        outlined.len() < plain.len() * 10,
        "{} bytes",
        outlined.len()
    );
    // Drawn with no font at all, it matches the text version drawn with
    // the fonts the cards were measured with.
    let with_fonts = pixels(&plain, raster::font_database());
    let without = pixels(
        &outlined,
        std::sync::Arc::new(resvg::usvg::fontdb::Database::new()),
    );
    assert_eq!(with_fonts.width(), without.width());
    let differing = differing_pixels(&with_fonts, &without);
    let total = with_fonts.data().len() / 4;
    assert!(
        differing * 1000 < total,
        "{differing} of {total} pixels differ"
    );
    // And the text version drawn with no font shows no text at all: the
    // case outlines are for.
    let bare = pixels(
        &plain,
        std::sync::Arc::new(resvg::usvg::fontdb::Database::new()),
    );
    let lost = differing_pixels(&with_fonts, &bare);
    assert!(lost > differing * 10, "{lost} vs {differing}");
}

#[test]
fn svg_parses_and_has_one_text_element_per_card_row() {
    let map = bundled();
    let mut measure = TextMeasure::new();
    let drawing = svg(&map, &mut measure, &SvgOptions::default());
    let tree = raster::tree(&drawing).expect("usvg reads the SVG");
    assert!(tree.size().width() > 1000.0);
    let rows: usize = map
        .claims
        .values()
        .map(|c| {
            measure
                .wrap(&c.text)
                .iter()
                .filter(|r| !r.trim().is_empty())
                .count()
        })
        .sum();
    let claim_texts = drawing.matches("class=\"claim\">").count();
    assert_eq!(claim_texts, rows);
    // Every row of every card is there as text, Chinese included.
    for claim in map.claims.values() {
        for row in measure.wrap(&claim.text) {
            let row = row.trim_end();
            if !row.is_empty() {
                let escaped = argmap::draw::svg::escape(row);
                assert!(
                    drawing.contains(&format!(">{escaped}</text>")),
                    "missing row {row:?}"
                );
            }
        }
    }
    assert!(drawing.contains("信用体系"), "Chinese rows as text");
    // Attacks are dashed, linked premises share a bar, the undercut is
    // labelled.
    assert!(drawing.contains("stroke-dasharray"));
    assert!(drawing.contains(">but not so</text>"));
}

#[test]
fn svg_and_markdown_of_the_bundled_map_are_stable() {
    let map = bundled();
    insta::assert_snapshot!("bundled_map_markdown", markdown::to_markdown(&map));
    let mut measure = TextMeasure::new();
    insta::assert_snapshot!(
        "bundled_map_svg",
        svg(&map, &mut measure, &SvgOptions::default())
    );
}

/// The dark pixels of a PNG: how much was drawn.
fn ink(png: &[u8]) -> usize {
    let image = image::load_from_memory(png).expect("a PNG").to_rgba8();
    image
        .pixels()
        .filter(|p| p.0[3] > 0 && u32::from(p.0[0]) + u32::from(p.0[1]) + u32::from(p.0[2]) < 300)
        .count()
}

#[test]
fn png_draws_chinese_german_and_portuguese_glyphs() {
    let mut measure = TextMeasure::new();
    let mut ink_of = |text: &str| {
        let mut map = Map::new("t");
        map.add_claim(Claim::new(text, Pos::default()));
        let texts = argmap::measure::card_texts(&map, &mut measure);
        let png = raster::png(
            &map,
            &texts,
            &mut measure,
            2.0,
            Background::White,
            None,
            false,
        )
        .expect("png");
        ink(&png.bytes)
    };
    let empty = ink_of("");
    for text in ["法治", "Überwachung", "ação"] {
        let drawn = ink_of(text);
        assert!(
            drawn > empty + 40,
            "{text}: {drawn} dark pixels vs {empty} for no text"
        );
    }
}

#[test]
fn png_pdf_and_text_exports_of_the_bundled_map() {
    let map = bundled();
    let mut measure = TextMeasure::new();
    let options = ExportOptions::default();
    let png = export(&map, ExportFormat::Png, &options, &mut measure).expect("png");
    let image = image::load_from_memory(&png.bytes).expect("decodes");
    assert!(image.width() > 2000 && image.height() > 500);
    assert!(png.notes.is_empty());
    let transparent = export(
        &map,
        ExportFormat::Png,
        &ExportOptions {
            scale: 1.0,
            background: Background::Transparent,
            ..ExportOptions::default()
        },
        &mut measure,
    )
    .expect("png");
    let image = image::load_from_memory(&transparent.bytes)
        .expect("decodes")
        .to_rgba8();
    assert_eq!(image.get_pixel(0, 0).0[3], 0, "the corner is transparent");
    let pdf = export(&map, ExportFormat::Pdf, &options, &mut measure).expect("pdf");
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    let pdf_text = String::from_utf8_lossy(&pdf.bytes);
    assert!(
        pdf_text.contains("DroidSansFallback"),
        "the CJK font is embedded"
    );
    assert!(
        pdf_text.contains("/MediaBox [0 0 842 595]"),
        "one A4 landscape page"
    );
    for format in [
        ExportFormat::Markdown,
        ExportFormat::Argdown,
        ExportFormat::Aif,
    ] {
        let out = export(&map, format, &options, &mut measure).expect("text export");
        let text = String::from_utf8(out.bytes).expect("UTF-8");
        assert!(text.contains("法治"), "{format:?}");
    }
}

#[test]
fn a_huge_png_is_drawn_smaller_and_says_so() {
    // A few claims spread far apart make a picture far past the limit.
    let mut map = argmap::generate::generate(12, 7);
    for (i, claim) in map.claims.values_mut().enumerate() {
        #[expect(clippy::cast_precision_loss, reason = "a dozen claims")]
        let step = i as f32;
        claim.pos = Pos::new(step * 4_000.0, step * 1_500.0);
    }
    let mut measure = TextMeasure::new();
    let out = export(
        &map,
        ExportFormat::Png,
        &ExportOptions::default(),
        &mut measure,
    )
    .expect("png");
    assert_eq!(out.notes.len(), 1, "{:?}", out.notes);
    assert!(out.notes[0].contains("megapixels"));
    let image = image::load_from_memory(&out.bytes).expect("decodes");
    assert!(f64::from(image.width()) * f64::from(image.height()) <= raster::MAX_PIXELS);
}

// ---------------------------------------------------------------- sources

/// A one-page PDF with `lines` set as text, far apart.
fn text_pdf(lines: &[&str]) -> Vec<u8> {
    use pdf_writer::{Content, Finish as _, Name, Pdf, Rect, Ref, Str};
    let (catalog, pages, page, font, content) = (
        Ref::new(1),
        Ref::new(2),
        Ref::new(3),
        Ref::new(4),
        Ref::new(5),
    );
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(pages);
    pdf.pages(pages).kids([page]).count(1);
    let mut one = pdf.page(page);
    one.media_box(Rect::new(0.0, 0.0, 595.0, 842.0));
    one.parent(pages);
    one.contents(content);
    one.resources().fonts().pair(Name(b"F1"), font);
    one.finish();
    pdf.type1_font(font).base_font(Name(b"Helvetica"));
    let mut text = Content::new();
    text.begin_text();
    text.set_font(Name(b"F1"), 12.0);
    text.next_line(72.0, 770.0);
    for line in lines {
        text.show(Str(line.as_bytes()));
        text.next_line(0.0, -48.0);
    }
    text.end_text();
    let stream = text.finish();
    pdf.stream(content, &stream);
    pdf.finish()
}

#[test]
fn a_pdf_source_is_read_by_its_text_layer_and_a_pdf_without_one_says_so() {
    argmap::source::pdf::use_reader(env!("CARGO_BIN_EXE_argmap"));
    let dir = tempfile::tempdir().expect("temp dir");
    // A PDF with a text layer, as word processors write them: two
    // paragraphs set in Helvetica.
    let path = dir.path().join("essay.pdf");
    argmap::store::write_atomic(
        &path,
        &text_pdf(&[
            "First paragraph of the source.",
            "Second paragraph, with more words.",
        ]),
    )
    .expect("write");
    let text = argmap::source::SourceText::from_file(&path).expect("reads its text layer");
    let all = text.paragraphs.join(" ");
    assert!(all.contains("First paragraph of the source."), "{all}");
    assert!(all.contains("Second paragraph, with more words."), "{all}");
    // A PDF with no text on its page (a scan): nothing to quote, said
    // plainly.
    let path = dir.path().join("scan.pdf");
    argmap::store::write_atomic(&path, &text_pdf(&[])).expect("write");
    let error = argmap::source::SourceText::from_file(&path).expect_err("no text");
    assert!(
        error
            .to_string()
            .contains("scan.pdf: this PDF has no text layer"),
        "{error}"
    );
    // Not a PDF at all, and not text: named, never a panic.
    let path = dir.path().join("broken.pdf");
    argmap::store::write_atomic(&path, b"%PDF-1.7\n garbage").expect("write");
    let error = argmap::source::SourceText::from_file(&path).expect_err("broken");
    assert!(error.to_string().contains("broken.pdf"), "{error}");
    let path = dir.path().join("binary.txt");
    argmap::store::write_atomic(&path, b"ok\xff\xfe").expect("write");
    let error = argmap::source::SourceText::from_file(&path).expect_err("binary");
    assert!(
        error
            .to_string()
            .contains("binary.txt: not a text file (byte 2"),
        "{error}"
    );
}
