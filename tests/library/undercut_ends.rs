//! An undercut's arrow ends on the drawn path of the link it attacks,
//! however that link is routed around cards: the canvas, presenting, the
//! slides, SVG, PNG, PDF and the handout all draw these shapes.

use argmap::draw::shape::LinkShape;
use argmap::draw::svg::Scene;
use argmap::measure::{TextMeasure, card_texts};
use argmap::model::{Claim, ClaimId, Link, LinkId, LinkKind, Map, Pos, Target, Weight};
use egui::Pos2;

/// How far `p` is from the arrow of `shape`: its start, bends and head.
fn distance_to_path(shape: &LinkShape, p: Pos2) -> f32 {
    let points: Vec<Pos2> = std::iter::once(shape.from)
        .chain(shape.bends.iter().copied())
        .chain(std::iter::once(shape.to))
        .collect();
    points
        .windows(2)
        .map(|pair| {
            let (a, b) = (pair[0], pair[1]);
            let ab = b - a;
            let t = if ab.length_sq() > 0.0 {
                ((p - a).dot(ab) / ab.length_sq()).clamp(0.0, 1.0)
            } else {
                0.0
            };
            (a + ab * t).distance(p)
        })
        .fold(f32::INFINITY, f32::min)
}

/// Every undercut of `map`, laid out as every drawing lays it out: how far
/// its head is from its target's path, and whether that path is routed.
fn undercut_ends(map: &Map) -> Vec<(LinkId, f32, bool)> {
    let mut measure = TextMeasure::new();
    let texts = card_texts(map, &mut measure);
    let scene = Scene::of(map, &texts);
    map.links
        .iter()
        .filter_map(|(&id, link)| match link.target {
            Target::Link(target) => {
                let (shape, attacked) = (scene.links.get(&id)?, scene.links.get(&target)?);
                Some((
                    id,
                    distance_to_path(attacked, shape.to),
                    !attacked.bends.is_empty(),
                ))
            }
            Target::Claim(_) => None,
        })
        .collect()
}

fn link(premise: u32, target: Target, kind: LinkKind) -> Link {
    Link {
        kind,
        premises: vec![ClaimId(premise)],
        target,
        weight: Weight::FULL,
    }
}

#[test]
fn an_undercut_ends_on_a_link_routed_around_a_card() {
    // The thesis on top, a reason under it, and a second reason further
    // down whose arrow must go around the first; the undercut attacks
    // that second, routed arrow.
    let mut map = Map::new("Routed");
    map.add_claim(Claim::new("The thesis", Pos::new(0.0, 0.0)));
    map.add_claim(Claim::new("A reason in the way", Pos::new(0.0, 250.0)));
    map.add_claim(Claim::new("A reason further down", Pos::new(0.0, 500.0)));
    map.add_claim(Claim::new("It does not follow", Pos::new(450.0, 380.0)));
    map.thesis = Some(ClaimId(1));
    map.add_link(link(2, Target::Claim(ClaimId(1)), LinkKind::Support));
    map.add_link(link(3, Target::Claim(ClaimId(1)), LinkKind::Support));
    map.add_link(link(4, Target::Link(LinkId(2)), LinkKind::Attack));
    // An undercut of the undercut, too.
    map.add_claim(Claim::new("Yet it does", Pos::new(800.0, 250.0)));
    map.add_link(link(5, Target::Link(LinkId(3)), LinkKind::Attack));
    let ends = undercut_ends(&map);
    assert_eq!(ends.len(), 2);
    let (_, off, routed) = ends[0];
    assert!(routed, "the attacked arrow goes around the card in its way");
    assert!(off < 1.0, "the undercut ends {off} units off its link");
    let (_, off, _) = ends[1];
    assert!(
        off < 1.0,
        "the undercut of the undercut ends {off} units off"
    );
}

#[test]
fn every_undercut_of_the_shipped_maps_ends_on_its_link() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("maps");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("maps/") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        let map = argmap::store::read_map(&path).expect("a shipped map loads");
        for grows in [argmap::model::Growth::Down, argmap::model::Growth::Right] {
            let mut map = map.clone();
            map.direction = grows;
            for (id, off, _) in undercut_ends(&map) {
                seen += 1;
                assert!(
                    off < 1.0,
                    "{}: undercut {id:?} ends {off} units off its link",
                    path.display()
                );
            }
        }
    }
    assert!(seen > 0, "the shipped maps have undercuts");
}
