//! The example handbooks, embedded in the binary by `build.rs`: the one at the repository root
//! for `irbook init`, and each one under `examples/`. `check` compares a handbook with all of
//! them to find values still copied from an example (`resolve/example_data.rs`).

/// One example's files: path relative to its handbook root, and its bytes.
pub type Files = &'static [(&'static str, &'static [u8])];

/// Every embedded example: its folder in the repository (`""` for the root, `examples/da`...)
/// and its files. The root one comes first.
pub const EXAMPLES: &[(&str, Files)] = include!(concat!(env!("OUT_DIR"), "/examples.rs"));

/// Every file of the example at the repository root, which `init` writes.
pub const FILES: Files = EXAMPLES[0].1;
