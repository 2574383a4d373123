//! Automatic layout on every shipped map and on generated maps: no two
//! cards overlap, parents sit above their children, siblings keep their
//! order, the result is deterministic, and pinned claims stay put.

use std::collections::BTreeMap;
use std::path::Path;

use argmap::generate::generate;
use argmap::layout::{self, Region, Sizes};
use argmap::measure::{TextMeasure, card_sizes};
use argmap::model::{Arrangement, Claim, ClaimId, Growth, Link, LinkKind, Map, Pos, Target};
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
/// to it), in reading order: by left edge, then top down (a column of
/// stacked answers shares its left edge); in a map that grows to the right,
/// by top edge, then left to right. Linked premises and undercutters are
/// kept with their link, so only these promise to keep the order they had.
fn children_in_order(
    map: &Map,
    sizes: &Sizes,
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
    let place = |id: &ClaimId| {
        let (pos, (w, h)) = (map.claims[id].pos, sizes[id]);
        let (left, top) = (pos.x - w / 2.0, pos.y - h / 2.0);
        match map.direction {
            Growth::Down => (left.round(), top),
            Growth::Right => (top.round(), left),
        }
    };
    for kids in children.values_mut() {
        kids.sort_by(|a, b| {
            let (a_place, b_place) = (place(a), place(b));
            a_place
                .0
                .total_cmp(&b_place.0)
                .then(a_place.1.total_cmp(&b_place.1))
                .then(a.cmp(b))
        });
    }
    children
}

/// Whether `parent` lies wholly before `child` the way the map grows:
/// above it, or left of it.
fn before(map: &Map, sizes: &Sizes, parent: ClaimId, child: ClaimId) -> bool {
    let (p, c) = (map.claims[&parent].pos, map.claims[&child].pos);
    let ((pw, ph), (cw, ch)) = (sizes[&parent], sizes[&child]);
    match map.direction {
        Growth::Down => p.y + ph / 2.0 < c.y - ch / 2.0,
        Growth::Right => p.x + pw / 2.0 < c.x - cw / 2.0,
    }
}

/// Arranges `map` and checks every promise; returns the arranged map.
fn arrange_and_check(mut map: Map, sizes: &Sizes, name: &str) -> Map {
    let parents = layout::tree_parents(&map, sizes, Region::All);
    let order_before = children_in_order(&map, sizes, &parents);
    let moves = layout::arrange(&map, sizes, Region::All);
    assert_eq!(
        moves,
        layout::arrange(&map, sizes, Region::All),
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
    let order_after = children_in_order(&map, sizes, &parents);
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

/// Answers of one parent stacked one over another (sharing a column) that
/// do not hang beside that parent — more than the room of its lanes away
/// across the growth: they read as answers to whatever stands above them.
/// (Across the growth is left to right for a map that grows down.)
fn stacked_away_from_parent(
    map: &Map,
    sizes: &Sizes,
    parents: &std::collections::BTreeMap<ClaimId, ClaimId>,
) -> Vec<String> {
    let right = map.direction == Growth::Right;
    // A card's extent across the growth: x for a map growing down.
    let across = |id: ClaimId| {
        let (w, h) = sizes[&id];
        let pos = map.claims[&id].pos;
        if right {
            (pos.y - h / 2.0, pos.y + h / 2.0)
        } else {
            (pos.x - w / 2.0, pos.x + w / 2.0)
        }
    };
    let overlap = |a: (f32, f32), b: (f32, f32)| a.0 < b.1 && b.0 < a.1;
    // The lanes of a column run down beside its parent: this much room.
    let beside = |a: (f32, f32), p: (f32, f32)| a.0 < p.1 + 120.0 && p.0 < a.1 + 120.0;
    let mut found = Vec::new();
    for (&a, &parent) in parents {
        for (&b, &other) in parents {
            if a >= b || other != parent || map.claims[&a].pinned || map.claims[&b].pinned {
                continue;
            }
            if overlap(across(a), across(b)) && !beside(across(a), across(parent)) {
                found.push(format!(
                    "{a} and {b} are stacked away from their parent {parent}"
                ));
            }
        }
    }
    found
}

/// `map` packed compact, growing `direction`, arranged twice (so the
/// siblings' order is the one the packing gives).
fn compact(map: &Map, sizes: &Sizes, direction: Growth) -> Map {
    let mut map = map.clone();
    map.arrangement = Arrangement::Compact;
    map.direction = direction;
    for _ in 0..2 {
        let moves = layout::arrange(&map, sizes, Region::All);
        apply(&mut map, &moves);
    }
    map
}

/// [`stacked_away_from_parent`] in the tree the layout used.
fn stacked_away(map: &Map, sizes: &Sizes) -> Vec<String> {
    let parents = layout::tree_parents(map, sizes, Region::All);
    stacked_away_from_parent(map, sizes, &parents)
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

/// Every way a map can be arranged: both packings, both directions.
const EVERY_WAY: [(Arrangement, Growth); 4] = [
    (Arrangement::Compact, Growth::Down),
    (Arrangement::Wide, Growth::Down),
    (Arrangement::Compact, Growth::Right),
    (Arrangement::Wide, Growth::Right),
];

/// Arranges `map` the given way and checks every promise. A map turned on
/// its side is arranged once first, so the order its siblings had is the
/// sideways one. Arranged again, a map without pins stays as it is.
fn arrange_every_way_and_check(map: &Map, sizes: &Sizes, name: &str) -> Vec<Map> {
    let mut results = Vec::new();
    for (arrangement, direction) in EVERY_WAY {
        let mut map = map.clone();
        let name = format!("{name} ({arrangement:?}, {direction:?})");
        let turned = map.direction != direction;
        map.arrangement = arrangement;
        map.direction = direction;
        if turned {
            let moves = layout::arrange(&map, sizes, Region::All);
            apply(&mut map, &moves);
        }
        let arranged = arrange_and_check(map, sizes, &name);
        if arranged.claims.values().all(|c| !c.pinned) {
            assert_eq!(
                layout::arrange(&arranged, sizes, Region::All),
                [],
                "{name}: not stable"
            );
        }
        results.push(arranged);
    }
    results
}

/// The compact packing of every shipped map never stacks a parent's
/// answers away from it, in the rows of a sibling's subtree (both
/// objections to the bundled map's thesis once stood in a column under
/// one of its reasons).
#[test]
fn compact_columns_of_the_shipped_maps_hang_beside_their_parent() {
    for (path, map, sizes) in shipped_maps() {
        for direction in [Growth::Down, Growth::Right] {
            let map = compact(&map, &sizes, direction);
            assert_eq!(
                stacked_away(&map, &sizes),
                Vec::<String>::new(),
                "{} ({direction:?})",
                path.display()
            );
        }
    }
}

#[test]
fn every_shipped_map_arranges_cleanly_every_way() {
    for (path, map, sizes) in shipped_maps() {
        let thesis = map.thesis.map(|t| map.claims[&t].pos);
        let arranged = arrange_every_way_and_check(&map, &sizes, &path.display().to_string());
        // The thesis stays where it was.
        for map in arranged {
            assert_eq!(map.thesis.map(|t| map.claims[&t].pos), thesis);
        }
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
        #[expect(clippy::cast_precision_loss, reason = "small counts, exact in f32")]
        let x = (id.0 % 97) as f32 * 37.0 - (id.0 % 13) as f32 * 3.0;
        claim.pos = Pos::new(x, 0.0);
    }
    map
}

#[test]
fn generated_maps_arrange_cleanly_with_pins_every_way() {
    let mut measure = TextMeasure::new();
    for seed in 1..=3 {
        let map = spread(generate(300, seed));
        let sizes = card_sizes(&map, &mut measure);
        let name = format!("generated seed {seed}");
        for mut arranged in arrange_every_way_and_check(&map, &sizes, &name) {
            // Pin a few claims where they are, move them, arrange again.
            for id in [5, 40, 41, 200].map(ClaimId) {
                if let Some(claim) = arranged.claims.get_mut(&id) {
                    claim.pinned = true;
                    claim.pos.x += 130.0;
                    claim.pos.y += 45.0;
                }
            }
            arrange_and_check(arranged, &sizes, &format!("{name}, pinned"));
        }
    }
}

/// The width and height of the box around every card.
fn extent(map: &Map, sizes: &Sizes) -> (f32, f32) {
    let cards = rects(map, sizes);
    let left = cards.iter().map(|c| c.1).fold(f32::INFINITY, f32::min);
    let top = cards.iter().map(|c| c.2).fold(f32::INFINITY, f32::min);
    let right = cards.iter().map(|c| c.3).fold(f32::NEG_INFINITY, f32::max);
    let bottom = cards.iter().map(|c| c.4).fold(f32::NEG_INFINITY, f32::max);
    (right - left, bottom - top)
}

#[test]
fn five_thousand_claims_arrange_without_overlap() {
    // Larger maps are arranged in the release benchmarks (`argmap bench`);
    // this size already stacks branches of many sizes.
    let map = generate(5_000, 42);
    // Text measured once per distinct length class keeps the debug build
    // quick; layout sees realistic, varied heights all the same.
    let mut measure = TextMeasure::new();
    let sizes = card_sizes(&map, &mut measure);
    for arrangement in [Arrangement::Compact, Arrangement::Wide] {
        let mut map = spread(map.clone());
        map.arrangement = arrangement;
        let arranged = arrange_and_check(map, &sizes, &format!("5,000 claims, {arrangement:?}"));
        assert_eq!(arranged.claims.len(), 5_000);
        if arrangement == Arrangement::Compact {
            // Compact keeps the whole map within 4:1 (issue 18's target).
            let (width, height) = extent(&arranged, &sizes);
            let ratio = width.max(height) / width.min(height);
            assert!(ratio <= 4.0, "5,000 claims compact: {width} × {height}");
        }
    }
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
    let parents = layout::tree_parents(&map, &sizes, Region::Subtree(root));
    let moves = layout::arrange(&map, &sizes, Region::Subtree(root));
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
            weight: argmap::model::Weight::FULL,
        });
    }
    let sizes = card_sizes(&cyclic, &mut measure);
    arrange_and_check(cyclic, &sizes, "cycle");
}

/// A map's direction and packing are kept in its file.
#[test]
fn direction_and_arrangement_are_kept_in_the_file() {
    let mut map = Map::new("Sideways");
    map.direction = Growth::Right;
    map.arrangement = Arrangement::Wide;
    let text = argmap::format::ron::to_string(&map);
    assert!(text.contains("direction: Right"), "{text}");
    assert!(text.contains("arrangement: Wide"), "{text}");
    let loaded = argmap::format::ron::load(text.as_bytes()).expect("loads");
    assert_eq!(
        (loaded.direction, loaded.arrangement),
        (map.direction, map.arrangement)
    );
    // The defaults stay out of the file.
    let plain = argmap::format::ron::to_string(&Map::new("Plain"));
    assert!(!plain.contains("arrangement") && !plain.contains("direction"));
}

/// The "because" / "but" labels of every shipped map, arranged either way,
/// cover no card and no other label.
#[test]
fn link_labels_sit_clear_of_cards_and_of_each_other() {
    use argmap::draw::geometry;
    for (path, mut map, sizes) in shipped_maps() {
        for direction in [Growth::Down, Growth::Right] {
            map.direction = direction;
            let moves = layout::arrange(&map, &sizes, Region::All);
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
                .map(|(&id, s)| (id, geometry::label_rect(&map, id, s)))
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

/// Generated maps large enough that whole branches are stacked to keep
/// them narrow: each stacked branch hangs from its root's left edge, so
/// the column still stands by its parent's lanes, growing down or right,
/// and nothing overlaps.
#[test]
fn compact_columns_of_large_generated_maps_hang_beside_their_parent() {
    let mut measure = TextMeasure::new();
    for (claims, seed) in [(200, 1), (200, 2), (500, 3), (1000, 2)] {
        let generated = generate(claims, seed);
        let sizes = card_sizes(&generated, &mut measure);
        for direction in [Growth::Down, Growth::Right] {
            let map = compact(&generated, &sizes, direction);
            let name = format!("{claims} claims, seed {seed}, {direction:?}");
            assert_eq!(stacked_away(&map, &sizes), Vec::<String>::new(), "{name}");
            assert_eq!(overlaps(&map, &sizes), [], "{name}");
        }
    }
}
