//! The PDF handout uses its page: a map whose own layout would leave most
//! of the page empty is arranged for it, in the orientation that suits
//! it, and the export says so.

use argmap::export::{ExportFormat, ExportOptions, export};
use argmap::measure::TextMeasure;
use argmap::model::{Claim, ClaimId, Link, LinkKind, Map, Pos, Target};

/// A thesis with six reasons, all laid out by hand in one tall column.
fn tall_narrow_map() -> Map {
    let mut map = Map::new("Six reasons");
    let thesis = map.add_claim(Claim::new(
        "Homework should be optional",
        Pos::new(0.0, 0.0),
    ));
    map.thesis = Some(thesis);
    for i in 1..=6u8 {
        let reason = map.add_claim(Claim::new(
            format!("Reason number {i}, stated in a sentence or so"),
            Pos::new(0.0, 220.0 * f32::from(i)),
        ));
        map.add_link(Link::new(
            LinkKind::Support,
            vec![reason],
            Target::Claim(thesis),
        ));
    }
    map
}

/// The media box of the first page: (width, height) in points.
fn first_page(pdf: &[u8]) -> (f32, f32) {
    let text = String::from_utf8_lossy(pdf);
    let at = text.find("/MediaBox [").expect("a media box") + "/MediaBox [".len();
    let numbers: Vec<f32> = text[at..]
        .split(']')
        .next()
        .expect("closed")
        .split_whitespace()
        .map(|n| n.parse().expect("a number"))
        .collect();
    (numbers[2] - numbers[0], numbers[3] - numbers[1])
}

#[test]
fn a_tall_narrow_layout_is_arranged_for_the_page() {
    let map = tall_narrow_map();
    let mut measure = TextMeasure::new();
    let exported = export(
        &map,
        ExportFormat::Pdf,
        &ExportOptions::default(),
        &mut measure,
    )
    .expect("a PDF");
    let note = exported.notes.join("\n");
    assert!(note.contains("arranged for the page"), "{note}");
    assert!(note.contains("% larger than as laid out"), "{note}");
    // The map's own layout is untouched.
    assert_eq!(map.claims[&ClaimId(7)].pos, Pos::new(0.0, 1320.0));
    // Stacked under the thesis, the reasons make a column: a portrait page.
    assert!(note.contains("(compact, top-down)"), "{note}");
    let (width, height) = first_page(&exported.bytes);
    assert!(height > width, "{width} × {height}");
}

#[test]
fn a_map_arranged_for_the_page_is_printed_as_laid_out() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/essay-thesis.ron");
    let map = argmap::store::read_map(&path).expect("loads");
    let mut measure = TextMeasure::new();
    let texts = argmap::measure::card_texts(&map, &mut measure);
    // Once arranged for the page, no other layout does better by 15 %.
    let laid_out = argmap::export::for_the_page(&map, &texts).map_or(map, |(laid_out, _)| laid_out);
    assert!(argmap::export::for_the_page(&laid_out, &texts).is_none());
}
