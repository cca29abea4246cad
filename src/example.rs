//! The example handbooks embedded in the binary for `irbook init` by `build.rs`: English at the
//! repository root, the other languages under `examples/<language>/`.

use crate::model::Language;

/// One example handbook: every file's path relative to the handbook root, and its bytes.
pub type Files = &'static [(&'static str, &'static [u8])];

/// Every embedded example with its language.
pub const EXAMPLES: &[(Language, Files)] = include!(concat!(env!("OUT_DIR"), "/example_files.rs"));

/// The example written in `language` (`build.rs` embeds one for every language).
pub fn files(language: Language) -> Files {
    EXAMPLES
        .iter()
        .find(|(l, _)| *l == language)
        .map(|(_, files)| *files)
        .expect("build.rs embeds an example for every language")
}
