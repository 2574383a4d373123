//! Any bytes given to the Argdown importer, then arranged.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    argmap::fuzzing::argdown(data);
});
