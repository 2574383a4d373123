//! Two versions of a map: the diff written for people and tools, a map
//! against itself unchanged, word diffs that give both texts back.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    argmap::fuzzing::diff(data);
});
