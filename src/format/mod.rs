//! Pure conversions between maps and bytes. Nothing here touches the file
//! system: see [`crate::store`] for reading and writing files.

pub mod ron;
