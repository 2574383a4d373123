//! Replays every input the fuzzers kept (`tests/fuzz_corpus/<target>/`,
//! minimised with `cargo fuzz cmin`) through the same checks the fuzz
//! targets make (`argmap::fuzzing`): no panic, imported maps sound, saved
//! maps load back equal. A crash the fuzzers ever found stays fixed.

// Tests make, change and read real files themselves.
#![allow(clippy::disallowed_methods)]

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
    replay("ron", argmap::fuzzing::ron);
}

#[test]
fn argdown_importer_corpus() {
    replay("argdown", argmap::fuzzing::argdown);
}

#[test]
fn aif_importer_corpus() {
    replay("aif", argmap::fuzzing::aif);
}
