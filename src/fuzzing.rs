//! What the fuzz targets (`fuzz/`, run with `cargo fuzz`) check for any
//! input, shared with `tests/fuzz_corpus.rs`, which replays every input
//! the fuzzers kept so an ordinary `cargo test` guards against each bug
//! they ever found.
//!
//! Each function panics exactly when a loader misbehaves: a panic inside
//! it, a map it accepts that is not sound, a map that does not survive a
//! save and a reload, or a layout with positions that are not numbers.

use crate::format::{Imported, aif, argdown, ron};
use crate::layout::{self, Scope, Sizes};
use crate::model::Map;

/// The RON map reader, on any bytes.
///
/// # Panics
/// When the reader misbehaves (see the module's notes).
pub fn ron(data: &[u8]) {
    let _ = ron::parse(data);
    if let Ok(map) = ron::load(data) {
        saved_and_reloaded(&map);
        arranged(&map);
    }
}

/// The Argdown importer, on any bytes.
///
/// # Panics
/// When the importer misbehaves (see the module's notes).
pub fn argdown(data: &[u8]) {
    if let Ok(imported) = argdown::from_argdown(data) {
        imported_soundly(&imported);
    }
}

/// The AIF JSON importer, on any bytes.
///
/// # Panics
/// When the importer misbehaves (see the module's notes).
pub fn aif(data: &[u8]) {
    if let Ok(imported) = aif::from_aif(data) {
        imported_soundly(&imported);
    }
}

fn imported_soundly(imported: &Imported) {
    let problems = imported.map.validate();
    assert!(
        problems.is_empty(),
        "an imported map must be sound: {problems:?}"
    );
    saved_and_reloaded(&imported.map);
    arranged(&imported.map);
}

fn saved_and_reloaded(map: &Map) {
    let text = ron::to_string(map);
    match ron::load(text.as_bytes()) {
        Ok(again) => assert!(again == *map, "the map changed on a save and reload"),
        Err(err) => panic!("a saved map does not load again: {err:?}\n{text}"),
    }
}

/// Arranges the map with card sizes that grow with the text, as the
/// measured ones do, without needing fonts.
fn arranged(map: &Map) {
    let sizes: Sizes = map
        .claims
        .iter()
        .map(|(id, claim)| {
            #[allow(clippy::cast_precision_loss)]
            let rows = (claim.text.len() / 30).min(40) as f32;
            (*id, (220.0, 40.0 + 18.0 * rows))
        })
        .collect();
    for (id, pos) in layout::arrange(map, &sizes, Scope::All) {
        assert!(
            pos.x.is_finite() && pos.y.is_finite(),
            "claim {id:?} was placed at {pos:?}"
        );
    }
}
