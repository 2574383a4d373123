//! Automatic layout on every shipped map and on generated maps: no two
//! cards overlap, parents sit above their children, siblings keep their
//! order, the result is deterministic, and pinned claims stay put.

// Tests make, change and read real files themselves.
#![allow(clippy::disallowed_methods)]

use std::collections::BTreeMap;
use std::path::Path;

use argmap::generate::generate;
use argmap::layout::{self, Scope, Sizes};
use argmap::measure::{TextMeasure, card_sizes};
use argmap::model::{Claim, ClaimId, Direction, Link, LinkKind, Map, Pos, Target};
use argmap::store;

fn apply(map: &mut Map, moves: &[(ClaimId, Pos)]) {
    for &(id, pos) in moves {
        if let Some(claim) = map.claims.get_mut(&id) {
            claim.pos = pos;
        }
    }
}

fn rects(map: &Map, sizes: &Sizes) -> Vec<(ClaimId, f32, f32, f32, f32)> {
    map.claims
        .iter()
        .map(|(&id, c)| {
            let (w, h) = sizes[&id];
            (
                id,
                c.pos.x - w / 2.0,
                c.pos.y - h / 2.0,
                c.pos.x + w / 2.0,
                c.pos.y + h / 2.0,
            )
        })
        .collect()
}

/// Every pair of overlapping cards (a sweep over cards sorted by left edge).
fn overlaps(map: &Map, sizes: &Sizes) -> Vec<(ClaimId, ClaimId)> {
    let mut cards = rects(map, sizes);
    cards.sort_by(|a, b| a.1.total_cmp(&b.1));
    let mut found = Vec::new();
    for (i, a) in cards.iter().enumerate() {
        for b in &cards[i + 1..] {
            if b.1 >= a.3 {
                break;
            }
            if a.2 < b.4 && b.2 < a.4 {
                found.push((a.0, b.0));
            }
        }
    }
    found
}

/// Each parent's children that stand alone (the one premise of their link
/// to it), left to right (top to bottom in a map that grows to the right).
/// Linked premises and undercutters are kept with their link, so only
/// these promise to keep the order they had.
fn children_in_order(
    map: &Map,
    parents: &BTreeMap<ClaimId, ClaimId>,
) -> BTreeMap<ClaimId, Vec<ClaimId>> {
    let alone_links: std::collections::BTreeSet<(ClaimId, Target)> = map
        .links
        .values()
        .filter_map(|l| match l.premises[..] {
            [only] => Some((only, l.target)),
            _ => None,
        })
        .collect();
    let mut children: BTreeMap<ClaimId, Vec<ClaimId>> = BTreeMap::new();
    for (&child, &parent) in parents {
        let alone = alone_links.contains(&(child, Target::Claim(parent)));
        let entry = children.entry(parent).or_default();
        if alone {
            entry.push(child);
        }
    }
    let across = |id: &ClaimId| match map.direction {
        Direction::Down => map.claims[id].pos.x,
        Direction::Right => map.claims[id].pos.y,
    };
    for kids in children.values_mut() {
        kids.sort_by(|a, b| across(a).total_cmp(&across(b)).then(a.cmp(b)));
    }
    children
}

/// Whether `parent` lies wholly before `child` the way the map grows:
/// above it, or left of it.
fn before(map: &Map, sizes: &Sizes, parent: ClaimId, child: ClaimId) -> bool {
    let (p, c) = (map.claims[&parent].pos, map.claims[&child].pos);
    let ((pw, ph), (cw, ch)) = (sizes[&parent], sizes[&child]);
    match map.direction {
        Direction::Down => p.y + ph / 2.0 < c.y - ch / 2.0,
        Direction::Right => p.x + pw / 2.0 < c.x - cw / 2.0,
    }
}

/// Arranges `map` and checks every promise; returns the arranged map.
fn arrange_and_check(mut map: Map, sizes: &Sizes, name: &str) -> Map {
    let parents = layout::tree_parents(&map, Scope::All);
    let order_before = children_in_order(&map, &parents);
    let moves = layout::arrange(&map, sizes, Scope::All);
    assert_eq!(
        moves,
        layout::arrange(&map, sizes, Scope::All),
        "{name}: deterministic"
    );
    let pinned: Vec<(ClaimId, Pos)> = map
        .claims
        .iter()
        .filter(|(_, c)| c.pinned)
        .map(|(&id, c)| (id, c.pos))
        .collect();
    apply(&mut map, &moves);

    assert_eq!(overlaps(&map, sizes), [], "{name}: cards overlap");
    for (&child, &parent) in &parents {
        if !map.claims[&child].pinned && !map.claims[&parent].pinned {
            assert!(
                before(&map, sizes, parent, child),
                "{name}: {parent} is not before {child} ({:?})",
                map.direction
            );
        }
    }
    let order_after = children_in_order(&map, &parents);
    let unpinned = |kids: &Vec<ClaimId>| {
        kids.iter()
            .copied()
            .filter(|k| !map.claims[k].pinned)
            .collect::<Vec<_>>()
    };
    for (parent, kids) in &order_before {
        assert_eq!(
            unpinned(kids),
            unpinned(&order_after[parent]),
            "{name}: the order of {parent}'s children changed"
        );
    }
    for (id, pos) in pinned {
        assert_eq!(map.claims[&id].pos, pos, "{name}: pinned {id} moved");
    }
    assert!(map.validate().is_empty());
    map
}

/// Every map in `maps/`, its path, and its measured card sizes.
fn shipped_maps() -> Vec<(std::path::PathBuf, Map, Sizes)> {
    let mut measure = TextMeasure::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps");
    let mut maps = Vec::new();
    for entry in std::fs::read_dir(dir).expect("maps/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "ron") {
            let map = store::read_map(&path).expect("loads");
            let sizes = card_sizes(&map, &mut measure);
            maps.push((path, map, sizes));
        }
    }
    maps
}

#[test]
fn every_shipped_map_arranges_cleanly() {
    for (path, map, sizes) in shipped_maps() {
        let thesis = map.thesis.map(|t| map.claims[&t].pos);
        let arranged = arrange_and_check(map, &sizes, &path.display().to_string());
        // The thesis stays where it was.
        assert_eq!(arranged.thesis.map(|t| arranged.claims[&t].pos), thesis);
    }
}

/// The maps as shipped are what a new user sees first: no card may hide
/// another, with the sizes the canvas measures.
#[test]
fn every_shipped_map_as_stored_has_no_overlapping_cards() {
    for (path, map, sizes) in shipped_maps() {
        assert_eq!(overlaps(&map, &sizes), [], "{}", path.display());
    }
}

/// Spreads a generated map's claims out by id, so siblings have an order.
fn spread(mut map: Map) -> Map {
    for (id, claim) in &mut map.claims {
        #[allow(clippy::cast_precision_loss)]
        let x = (id.0 % 97) as f32 * 37.0 - (id.0 % 13) as f32 * 3.0;
        claim.pos = Pos::new(x, 0.0);
    }
    map
}

#[test]
fn generated_maps_arrange_cleanly_with_pins() {
    let mut measure = TextMeasure::new();
    for seed in 1..=3 {
        let map = spread(generate(300, seed));
        let sizes = card_sizes(&map, &mut measure);
        let mut arranged = arrange_and_check(map, &sizes, &format!("generated seed {seed}"));

        // Pin a few claims where they are, move them, arrange again.
        for id in [5, 40, 41, 200].map(ClaimId) {
            if let Some(claim) = arranged.claims.get_mut(&id) {
                claim.pinned = true;
                claim.pos.x += 130.0;
                claim.pos.y += 45.0;
            }
        }
        arrange_and_check(arranged, &sizes, &format!("generated seed {seed}, pinned"));
    }
}

#[test]
fn twenty_thousand_claims_arrange_without_overlap() {
    let map = generate(20_000, 42);
    // Text measured once per distinct length class keeps the debug build
    // quick; layout sees realistic, varied heights all the same.
    let mut measure = TextMeasure::new();
    let sizes = card_sizes(&map, &mut measure);
    let arranged = arrange_and_check(spread(map), &sizes, "20,000 claims");
    assert_eq!(arranged.claims.len(), 20_000);
}

#[test]
fn arranging_a_subtree_moves_only_it_and_cycles_terminate() {
    let mut measure = TextMeasure::new();
    let map = store::read_map(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/social-credit-system.ron"),
    )
    .expect("loads");
    let sizes = card_sizes(&map, &mut measure);
    let root = ClaimId(16);
    let parents = layout::tree_parents(&map, Scope::Subtree(root));
    let moves = layout::arrange(&map, &sizes, Scope::Subtree(root));
    for (id, _) in &moves {
        assert!(parents.contains_key(id), "{id} is outside the subtree");
    }
    let mut arranged = map.clone();
    apply(&mut arranged, &moves);
    assert_eq!(
        arranged.claims[&root].pos, map.claims[&root].pos,
        "the subtree's root stays"
    );
    assert_eq!(overlaps(&arranged, &sizes), []);

    // A cycle of supports with no way in from the top.
    let mut cyclic = Map::new("cycle");
    for i in 0..4 {
        cyclic.add_claim(Claim::new(format!("claim {i}"), Pos::new(0.0, 0.0)));
    }
    for i in 1..=4 {
        cyclic.add_link(Link {
            kind: LinkKind::Support,
            premises: vec![ClaimId(i)],
            target: Target::Claim(ClaimId(i % 4 + 1)),
        });
    }
    let sizes = card_sizes(&cyclic, &mut measure);
    arrange_and_check(cyclic, &sizes, "cycle");
}

/// A map that grows to the right: the same tidy tree turned on its side —
/// no overlaps, every claim right of what it answers, siblings top to
/// bottom in their order, pinned claims unmoved — for every shipped map
/// and generated maps with pins.
#[test]
fn maps_arranged_left_to_right_keep_every_rule_of_the_tree() {
    let mut maps: Vec<(String, Map, Sizes)> = shipped_maps()
        .into_iter()
        .map(|(path, map, sizes)| (path.display().to_string(), map, sizes))
        .collect();
    for seed in [3, 11] {
        let mut map = spread(generate(300, seed));
        for (i, claim) in map.claims.values_mut().enumerate() {
            claim.pinned = i % 37 == 5;
        }
        let sizes = card_sizes(&map, &mut TextMeasure::new());
        maps.push((format!("generated {seed}"), map, sizes));
    }
    for (name, mut map, sizes) in maps {
        // Turned on its side first, so the order its siblings had is the
        // sideways one; then every promise of the tree, as top-down.
        map.direction = Direction::Right;
        let moves = layout::arrange(&map, &sizes, Scope::All);
        apply(&mut map, &moves);
        let map = arrange_and_check(map, &sizes, &name);
        // Arranged again, a map without pins stays as it is.
        if map.claims.values().all(|c| !c.pinned) {
            assert_eq!(
                layout::arrange(&map, &sizes, Scope::All),
                [],
                "{name}: not stable"
            );
        }
    }
    // The direction is kept in the file.
    let mut map = Map::new("Sideways");
    map.direction = Direction::Right;
    let text = argmap::format::ron::to_string(&map);
    assert!(text.contains("direction: Right"), "{text}");
    assert_eq!(
        argmap::format::ron::load(text.as_bytes())
            .expect("loads")
            .direction,
        map.direction
    );
}

/// The "because" / "but" labels of every shipped map, arranged either way,
/// cover no card and no other label.
#[test]
fn link_labels_sit_clear_of_cards_and_of_each_other() {
    use argmap::draw::geometry;
    for (path, mut map, sizes) in shipped_maps() {
        for direction in [Direction::Down, Direction::Right] {
            map.direction = direction;
            let moves = layout::arrange(&map, &sizes, Scope::All);
            apply(&mut map, &moves);
            let cards: BTreeMap<ClaimId, egui::Rect> = map
                .claims
                .iter()
                .map(|(&id, c)| {
                    let (w, h) = sizes[&id];
                    (
                        id,
                        egui::Rect::from_center_size(
                            egui::pos2(c.pos.x, c.pos.y),
                            egui::vec2(w, h),
                        ),
                    )
                })
                .collect();
            let shapes = geometry::link_shapes(&map, &cards);
            let labels: Vec<(argmap::model::LinkId, egui::Rect)> = shapes
                .iter()
                .map(|(&id, s)| {
                    let size = geometry::label_size(geometry::label_words(&map, id));
                    (id, egui::Rect::from_center_size(s.label, size))
                })
                .collect();
            for (i, &(id, label)) in labels.iter().enumerate() {
                for (claim, card) in &cards {
                    assert!(
                        !card.intersects(label),
                        "{} ({direction:?}): the label of link {id} covers claim {claim}",
                        path.display()
                    );
                }
                for &(other, rect) in &labels[..i] {
                    assert!(
                        !rect.intersects(label),
                        "{} ({direction:?}): labels of links {other} and {id} overlap",
                        path.display()
                    );
                }
            }
        }
    }
}
