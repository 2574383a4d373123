//! What the fuzz targets (`fuzz/`, run with `cargo fuzz`) check for any
//! input. Built only for them (the `fuzzing` feature) and for this
//! module's own test, which replays every input the fuzzers kept
//! (`tests/fuzz_corpus/<target>/`, minimised with `cargo fuzz cmin`), so
//! an ordinary `cargo test` guards against each bug they ever found.
//!
//! Each function panics exactly when a loader misbehaves: a panic inside
//! it, a map it accepts that is not sound, a map that does not survive a
//! save and a reload, or a layout with positions that are not numbers.

use crate::format::{Imported, aif, argdown, ron};
use crate::layout::{self, Region, Sizes};
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
            #[expect(clippy::cast_precision_loss, reason = "small counts, exact in f32")]
            let rows = (claim.text.len() / 30).min(40) as f32;
            (*id, (220.0, 40.0 + 18.0 * rows))
        })
        .collect();
    for (id, pos) in layout::arrange(map, &sizes, Region::All) {
        assert!(
            pos.x.is_finite() && pos.y.is_finite(),
            "claim {id:?} was placed at {pos:?}"
        );
    }
}

#[cfg(test)]
mod tests {
    #![expect(
        clippy::disallowed_methods,
        reason = "the corpus is read straight from the repository"
    )]

    use std::path::Path;

    fn replay(target: &str, check: fn(&[u8])) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fuzz_corpus")
            .join(target);
        let mut inputs: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
            .map(|entry| entry.expect("entry").path())
            .collect();
        inputs.sort();
        assert!(
            inputs.len() >= 20,
            "{}: only {} inputs",
            dir.display(),
            inputs.len()
        );
        for input in inputs {
            let bytes = std::fs::read(&input).expect("readable");
            let outcome = std::panic::catch_unwind(|| check(&bytes));
            assert!(outcome.is_ok(), "{} fails its check", input.display());
        }
    }

    #[test]
    fn ron_reader_corpus() {
        replay("ron", super::ron);
    }

    #[test]
    fn argdown_importer_corpus() {
        replay("argdown", super::argdown);
    }

    #[test]
    fn aif_importer_corpus() {
        replay("aif", super::aif);
    }
}
