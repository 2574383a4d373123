//! How the editor looks, as image snapshots rendered with wgpu on Mesa's
//! software renderer: the bundled map in light and dark, and close-ups of
//! linked premises and an undercutter. `UPDATE_SNAPSHOTS=1 cargo test`
//! accepts a deliberate change; review the images under tests/snapshots/.

use crate::harness::Editor;
use argmap::bundled;
use argmap::edit::Document;
use argmap::ui::ArgmapApp;
use argmap::ui::canvas::Level;
use egui::{Rect, pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// The app showing `doc`, in `theme`, in a window of `size` points.
fn harness(
    theme: egui::Theme,
    size: egui::Vec2,
    doc: Option<Document>,
) -> Harness<'static, ArgmapApp> {
    let editor = Editor::new().snapshot(theme).size(size);
    match doc {
        Some(doc) => editor.document(doc),
        None => editor,
    }
    .build()
}

#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs Mesa's software renderer for images: `bash .ci/test` sets it up and runs it"
)]
fn bundled_map_as_first_opened_light() {
    let mut harness = harness(egui::Theme::Light, vec2(1280.0, 800.0), None);
    // It opens fitted whole, every card showing its title (semantic zoom).
    let view = &harness.state().view;
    assert_eq!(view.detail(), Level::Titles);
    assert_eq!(view.titled_cards(), harness.state().doc.map.claims.len());
    harness.snapshot("bundled_map_light");
}

/// The bundled map arranged left to right (thesis on the left), fitted,
/// with the evaluation shown: titles, and each card's status as a mark.
#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs Mesa's software renderer for images: `bash .ci/test` sets it up and runs it"
)]
fn bundled_map_left_to_right_evaluated() {
    let mut map = bundled::ARTICLE.map();
    map.direction = argmap::model::Growth::Right;
    let sizes = argmap::measure::card_sizes(&map, &mut argmap::measure::TextMeasure::new());
    for (id, pos) in argmap::layout::arrange(&map, &sizes, argmap::layout::Region::All) {
        if let Some(claim) = map.claims.get_mut(&id) {
            claim.pos = pos;
        }
    }
    let doc = Document::untitled(map, true);
    let mut harness = harness(egui::Theme::Light, vec2(1280.0, 800.0), Some(doc));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.key_press(egui::Key::Home);
    harness.run();
    assert_eq!(harness.state().view.detail(), Level::Titles);
    harness.snapshot("bundled_map_left_to_right_evaluated");
}

#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs Mesa's software renderer for images: `bash .ci/test` sets it up and runs it"
)]
fn bundled_map_as_first_opened_dark() {
    let mut harness = harness(egui::Theme::Dark, vec2(1280.0, 800.0), None);
    harness.snapshot("bundled_map_dark");
}

/// The essay starter: claims 3 and 4 are linked premises of the thesis;
/// claim 8 undercuts the link from evidence 5 to reason 2.
fn essay() -> Document {
    Document::untitled(bundled::STARTERS[1].map(), true)
}

#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs Mesa's software renderer for images: `bash .ci/test` sets it up and runs it"
)]
fn linked_premises_close_up() {
    let mut harness = harness(egui::Theme::Light, vec2(900.0, 600.0), Some(essay()));
    harness.state_mut().view.camera.scene_rect =
        Rect::from_min_max(pos2(-320.0, -80.0), pos2(320.0, 320.0));
    harness.run();
    harness.snapshot("linked_premises_close_up");
}

#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs Mesa's software renderer for images: `bash .ci/test` sets it up and runs it"
)]
fn undercutter_close_up() {
    let mut harness = harness(egui::Theme::Light, vec2(900.0, 600.0), Some(essay()));
    harness.state_mut().view.camera.scene_rect =
        Rect::from_min_max(pos2(-880.0, 150.0), pos2(-260.0, 540.0));
    harness.run();
    harness.snapshot("undercutter_close_up");
}

#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs Mesa's software renderer for images: `bash .ci/test` sets it up and runs it"
)]
fn command_palette() {
    let mut harness = harness(egui::Theme::Light, vec2(900.0, 600.0), Some(essay()));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run();
    harness.event(egui::Event::Text("add".to_owned()));
    harness.run();
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert!(harness.state().palette_open());
    harness.snapshot("command_palette");
}

#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs Mesa's software renderer for images: `bash .ci/test` sets it up and runs it"
)]
fn search_highlight() {
    let mut harness = harness(egui::Theme::Light, vec2(900.0, 600.0), Some(essay()));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    harness.event(egui::Event::Text("reason".to_owned()));
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.state().search_open());
    harness.snapshot("search_highlight");
}

#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs Mesa's software renderer for images: `bash .ci/test` sets it up and runs it"
)]
fn folded_subtree() {
    let mut harness = harness(egui::Theme::Light, vec2(900.0, 600.0), Some(essay()));
    // Reason 1 (claim 2) hides its evidence and the undercutter behind a badge.
    harness
        .state_mut()
        .folding_mut()
        .folds
        .insert(argmap::model::ClaimId(2));
    harness.state_mut().view.camera.scene_rect =
        Rect::from_min_max(pos2(-880.0, -100.0), pos2(-260.0, 300.0));
    harness.run();
    assert_eq!(
        harness
            .state()
            .marks()
            .fold_counts
            .get(&argmap::model::ClaimId(2)),
        Some(&2)
    );
    harness.snapshot("folded_subtree");
}

/// Text from anywhere on cards: Hebrew and Arabic in reading order, emoji,
/// accents typed as combining marks, control characters and an emoji no
/// font has shown as �, and a megabyte of text cut short with a note.
#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs Mesa's software renderer for images: `bash .ci/test` sets it up and runs it"
)]
fn text_from_anywhere() {
    use argmap::model::{Claim, Map, Pos};
    let mut map = Map::new("Text from anywhere");
    let texts = [
        "Hebrew: שלום עליכם, peace be upon you".to_owned(),
        "Arabic: سيادة القانون (rule of law) 2024".to_owned(),
        "Emoji: 😀 ☑\u{FE0F} 🚀 and a newer one: 🥰".to_owned(),
        "Combining marks: Cafe\u{301}, nai\u{308}ve, Ha\u{301}n".to_owned(),
        "Control characters: bell\u{7}, escape\u{1b}[31m, null\u{0}".to_owned(),
        "A megabyte: ".to_owned() + &"credit ".repeat(150_000),
    ];
    for (i, text) in texts.iter().enumerate() {
        #[expect(clippy::cast_precision_loss, reason = "small counts, exact in f32")]
        let (x, y) = if i == 5 {
            (800.0, 200.0)
        } else {
            ((i % 3) as f32 * 260.0, (i / 3) as f32 * 200.0)
        };
        let id = map.add_claim(Claim::new(text, Pos::new(x, y)));
        if i == 0 {
            map.thesis = Some(id);
        }
    }
    let mut harness = harness(
        egui::Theme::Light,
        vec2(1200.0, 800.0),
        Some(Document::untitled(map, true)),
    );
    harness.state_mut().view.camera.scene_rect =
        Rect::from_min_max(pos2(-140.0, -150.0), pos2(940.0, 560.0));
    harness.run();
    harness.snapshot("text_from_anywhere");
}

/// Arabic, Persian (a non-joiner inside a word), Hebrew, and French with
/// Chinese on cards: letters joined by the shaper, words right to left.
#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs Mesa's software renderer for images: `bash .ci/test` sets it up and runs it"
)]
fn right_to_left_on_cards() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/right-to-left.ron");
    let doc = Document::open(&path).expect("the fixture opens");
    let mut harness = harness(egui::Theme::Light, vec2(1200.0, 500.0), Some(doc));
    harness.state_mut().view.camera.scene_rect =
        Rect::from_center_size(pos2(0.0, 110.0), vec2(900.0, 320.0));
    harness.run();
    harness.snapshot("right_to_left_on_cards");
}

/// The bundled map with its evaluation shown: each card's status as a word
/// and a symbol on a pill of its colour, links that fail faded, and how the
/// thesis fares in the status bar.
#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs Mesa's software renderer for images: `bash .ci/test` sets it up and runs it"
)]
fn bundled_map_evaluated() {
    let mut harness = harness(egui::Theme::Light, vec2(1280.0, 800.0), None);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run();
    let thesis = harness.state().doc.map.thesis.expect("a thesis");
    let at = harness.state().doc.map.claims[&thesis].pos;
    harness.state_mut().view.camera.scene_rect =
        Rect::from_center_size(pos2(at.x + 500.0, at.y + 300.0), vec2(1500.0, 800.0));
    harness.run();
    assert!(harness.query_by_label_contains("Thesis ✓ holds").is_some());
    harness.snapshot("bundled_map_evaluated");
}

/// Zoomed far out, cards are plain blocks; with the evaluation shown the
/// lower half of each block takes its status colour, so what stands can be
/// read across the whole map.
#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs Mesa's software renderer for images: `bash .ci/test` sets it up and runs it"
)]
fn bundled_map_evaluated_from_afar() {
    let mut harness = harness(egui::Theme::Light, vec2(1280.0, 800.0), None);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run();
    let thesis = harness.state().doc.map.thesis.expect("a thesis");
    let at = harness.state().doc.map.claims[&thesis].pos;
    harness.state_mut().view.camera.scene_rect =
        Rect::from_center_size(pos2(at.x, at.y + 600.0), vec2(9000.0, 5600.0));
    harness.run();
    harness.snapshot("bundled_map_evaluated_from_afar");
}

/// Found claims glow at block zoom too, where cards are plain blocks: a
/// search (or a clicked paragraph's citing claims) shows across the map.
#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs Mesa's software renderer for images: `bash .ci/test` sets it up and runs it"
)]
fn search_glows_at_block_zoom() {
    let mut harness = harness(egui::Theme::Light, vec2(1280.0, 800.0), None);
    let thesis = harness.state().doc.map.thesis.expect("a thesis");
    let at = harness.state().doc.map.claims[&thesis].pos;
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    harness.event(egui::Event::Text("law".to_owned()));
    harness.run();
    harness.state_mut().view.camera.scene_rect =
        Rect::from_center_size(pos2(at.x, at.y + 1200.0), vec2(18000.0, 11200.0));
    harness.run();
    assert!(harness.state().found().len() >= 4);
    harness.snapshot("search_glows_at_block_zoom");
}

/// The practice round in the flow view (F8): a tinted column per speech
/// under its heading, the motion on the left, answers level with what they
/// answer, drops marked in red under their cards, the bar with the
/// speech, its clock and each side's prep.
#[test]
#[cfg_attr(
    not(feature = "external"),
    ignore = "needs Mesa's software renderer for images: `bash .ci/test` sets it up and runs it"
)]
fn practice_round_flow() {
    let round = bundled::STARTERS
        .into_iter()
        .find(|b| b.file_name == "practice-round.ron")
        .expect("the practice round ships");
    let mut harness = harness(
        egui::Theme::Light,
        vec2(1280.0, 800.0),
        Some(Document::untitled(round.map(), true)),
    );
    crate::harness::key(&mut harness, egui::Modifiers::NONE, egui::Key::F8);
    harness.run_steps(4);
    assert!(harness.query_by_label("Public Forum round").is_some());
    harness.snapshot("practice_round_flow");
}
