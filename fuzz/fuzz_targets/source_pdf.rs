//! Any bytes as a PDF, read by the child process (ARGMAP_BIN, else
//! target/release/argmap): text or a reason, in time, never a reader that
//! could not be started.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    argmap::fuzzing::source_pdf(data);
});
