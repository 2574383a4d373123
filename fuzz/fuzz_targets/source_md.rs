//! Any bytes as a source file named .md (see source_txt).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    argmap::fuzzing::source_md(data);
});
