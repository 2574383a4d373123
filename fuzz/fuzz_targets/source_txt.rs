//! Any bytes as a source file named .txt: its paragraphs, every word kept
//! in order, or where it stops being UTF-8 (a PDF by its first bytes goes
//! to the sandboxed reader).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    argmap::fuzzing::source_txt(data);
});
