//! Any bytes given to the map reader: an error or a map, never a panic;
//! a map that loads saves and loads again to the same map.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    argmap::fuzzing::ron(data);
});
