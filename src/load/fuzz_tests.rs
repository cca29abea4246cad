//! Arbitrary bytes through the decoder, front-matter splitter, YAML parser and deserializer of
//! every file kind: none of it may panic or take long. `IRBOOK_FUZZ_SCALE` multiplies the
//! cases (see `fuzz_cases`).

use proptest::prelude::*;

use super::{Decoded, Unreadable, Words, decode, parse_file};
use crate::model::Kind;
use crate::source::Sources;

const KINDS: [(Option<Kind>, &str); 7] = [
    (None, "handbook.yaml"),
    (Some(Kind::Supplier), "content/suppliers/x.yaml"),
    (Some(Kind::Party), "content/parties/x.yaml"),
    (Some(Kind::Form), "content/forms/x.yaml"),
    (Some(Kind::Plan), "content/plans/x.yaml"),
    (Some(Kind::Playbook), "content/playbooks/x.md"),
    (Some(Kind::Page), "content/pages/x.md"),
];

fn load_every_kind(bytes: &[u8]) {
    for (kind, path) in KINDS {
        let mut sources = Sources::default();
        let file = match decode(path.to_string(), bytes.to_vec()) {
            Ok(Decoded { file, .. }) => file,
            Err(Unreadable::NotUtf8 { file, .. }) => file,
            Err(Unreadable::Refused(_)) => unreachable!("decoding does no I/O"),
        };
        let id = sources.add(file);
        let _ = parse_file(&sources, id, kind, Words::Kept);
    }
}

/// Text made of the characters that matter to YAML and front matter, anchors and aliases
/// included, and control characters.
fn yamlish() -> impl Strategy<Value = String> {
    proptest::string::string_regex("(---\n)?([a-z_]{1,8}: ?|- |  |\t|[|>&*!%@`'\"{}\\[\\],#?:~]|&a |\\*a|<<: \\*a|\\[\\[\\[|[a-z0-9 ]{1,6}|\n|\r\n|\u{feff}|é|\x00|\x1b|\u{85}){0,60}(\n---\n# x)?")
        .expect("valid regex")
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: super::fuzz_cases(400),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        load_every_kind(&bytes);
    }

    #[test]
    fn yaml_like_text_never_panics(text in yamlish()) {
        let started = std::time::Instant::now();
        load_every_kind(text.as_bytes());
        prop_assert!(started.elapsed() < std::time::Duration::from_secs(2), "{:?}", started.elapsed());
    }
}
