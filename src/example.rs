//! The example handbook at the repository root, embedded in the binary for `irbook init`.

/// Every file of the example: path relative to the handbook root, and its bytes.
pub const FILES: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/example_files.rs"));
