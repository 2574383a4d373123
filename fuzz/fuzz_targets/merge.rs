//! Three versions of a map (RON maps split by NUL bytes, or edit scripts
//! on the bundled map): a sound merge that keeps every added claim, or a
//! refusal as a whole.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    argmap::fuzzing::merge(data);
});
