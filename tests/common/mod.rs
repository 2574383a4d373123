//! Helpers every test binary shares: where the fixtures are, a small map
//! built in code, and a disk that fails on purpose.

pub mod faulty;

use std::path::PathBuf;

use argmap::model::Map;

/// The shared fixtures written by other tools.
pub fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// A small map built in code: the thesis "Homework should be optional."
/// (#1) and the reason "Children need rest." (#2) supporting it (link #1).
pub fn homework() -> Map {
    use argmap::model::{Claim, Link, LinkKind, Pos, Target};
    let mut map = Map::new("Homework");
    let thesis = map.add_claim(Claim::new(
        "Homework should be optional.",
        Pos::new(0.0, 0.0),
    ));
    let reason = map.add_claim(Claim::new("Children need rest.", Pos::new(-150.0, 200.0)));
    map.thesis = Some(thesis);
    map.add_link(Link::new(
        LinkKind::Support,
        vec![reason],
        Target::Claim(thesis),
    ));
    map
}
