//! On every slide of every shipped map, a pointer's label never covers a
//! card: read from the slide's own drawing (the SVG each PDF page is made
//! from), against the cards the audience sees at that step.

use std::collections::BTreeSet;

use crate::common::attribute_number;
use argmap::draw::raster::slide_drawings;
use argmap::draw::svg::Scene;
use argmap::measure::{TextMeasure, card_texts};
use argmap::model::{ClaimId, present};
use egui::{Rect, pos2, vec2};

/// The label boxes of the pointers in a slide's SVG.
fn pointer_boxes(svg: &str) -> Vec<Rect> {
    svg.split(r#"<g class="pointer">"#)
        .skip(1)
        .filter_map(|pointer| {
            let end = pointer.find("</g>").unwrap_or(pointer.len());
            let rect = pointer[..end].split("<rect").nth(1)?;
            Some(Rect::from_min_size(
                pos2(attribute_number(rect, "x"), attribute_number(rect, "y")),
                vec2(
                    attribute_number(rect, "width"),
                    attribute_number(rect, "height"),
                ),
            ))
        })
        .collect()
}

#[test]
fn no_pointer_label_covers_a_card_on_any_slide() {
    let mut pointers = 0;
    for path in crate::common::shipped_maps() {
        let map = argmap::store::read_map(&path).expect("a shipped map");
        let mut measure = TextMeasure::new();
        let texts = card_texts(&map, &mut measure);
        let scene = Scene::of(&map, &texts);
        let steps = present::steps(&map);
        let drawings = slide_drawings(&map, &texts, &mut measure, None, None);
        // The steps' slides, then the reference list's when the map has
        // sources with reference details (no cards there).
        let references = usize::from(!argmap::cite::detailed_references(&map).is_empty());
        assert_eq!(drawings.len(), steps.len() + references);
        for (i, (svg, _)) in drawings.iter().take(steps.len()).enumerate() {
            let shown: BTreeSet<ClaimId> = steps.iter().take(i + 1).flatten().copied().collect();
            for label in pointer_boxes(svg) {
                pointers += 1;
                for claim in &shown {
                    let card = scene.cards[claim];
                    assert!(
                        !label.intersects(card),
                        "{}, slide {}: a pointer label {label:?} covers claim #{} at {card:?}",
                        path.display(),
                        i + 1,
                        claim.0
                    );
                }
            }
        }
    }
    assert!(pointers > 20, "{pointers} pointers looked at");
}
