//! Any bytes given to the AIF JSON importer, then arranged.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    argmap::fuzzing::aif(data);
});
