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

/// Base, ours and theirs at the top of the id range: the thesis is claim
/// 4,294,967,294, and both sides add a different claim under the last id
/// there is, so theirs cannot be renumbered.
pub fn out_of_ids() -> [Map; 3] {
    use argmap::model::{Claim, ClaimId, Pos};
    let mut base = Map::new("Top");
    let thesis = ClaimId(u32::MAX - 1);
    base.claims
        .insert(thesis, Claim::new("Thesis", Pos::default()));
    base.thesis = Some(thesis);
    base.issued.claims = u32::MAX - 1;
    let mut ours = base.clone();
    ours.claims
        .insert(ClaimId(u32::MAX), Claim::new("Ours", Pos::default()));
    let mut theirs = base.clone();
    theirs
        .claims
        .insert(ClaimId(u32::MAX), Claim::new("Theirs", Pos::default()));
    [base, ours, theirs]
}

/// Every map shipped in `maps/`, in name order.
///
/// # Panics
/// When `maps/` cannot be read.
pub fn shipped_maps() -> Vec<PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("maps");
    let mut maps: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("maps/ is readable")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    maps.sort();
    maps
}

/// The number in attribute `name` of an XML `tag` (the text after the
/// tag's name: ` x="12.5" y="3"…`), as our SVG and pdftotext's XHTML write
/// them.
///
/// # Panics
/// When the tag has no such attribute or it is not a number.
pub fn attribute_number(tag: &str, name: &str) -> f32 {
    let key = format!(" {name}=\"");
    let start = tag
        .find(&key)
        .unwrap_or_else(|| panic!("no {name} in {tag}"))
        + key.len();
    let rest = &tag[start..];
    rest[..rest.find('"').expect("a closing quote")]
        .parse()
        .expect("a number")
}
