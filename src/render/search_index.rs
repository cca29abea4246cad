//! The search index in shards, so that the first search of a large handbook loads a small part
//! of it, with `<script>` elements (which work from file://, where `fetch` does not):
//!
//! - `search-index.js` is the dictionary: every word of the handbook once (`terms`, sorted, as
//!   written but with ASCII letters in lower case; `irbook.js` folds the others as it folds the
//!   query), where each shard of postings and of documents starts, and each shard's size;
//! - `search/t<n>.js`: for each word of a range of the dictionary, the documents it is in
//!   (each as the difference to the one before, times two, plus one where it is in the title);
//! - `search/d<n>.js`: a range of documents, each as its kind, title, address and text.
//!
//! Each shard calls `IRBOOK_SEARCH_SHARD(version, name, data)`; the version is the
//! dictionary's, so that a shard of another build is never mixed in. A word is what lies
//! between white space as JavaScript's `\s` knows it, and `irbook.js` splits the query the same
//! way, so a query word found in a document's text is found inside one of its words: the
//! shards give exactly the documents that searching the whole text would.
//! `handbook-offline.html` has the dictionary and every shard inline ([`Indexes::write`]).

mod shards;

use std::fmt::Write as _;

use rustc_hash::FxHashMap;

pub use self::shards::Indexes;
use super::pages::search::Entry;

/// A shard of postings is closed once it is this large.
const TERM_SHARD_BYTES: usize = 32 * 1024;

/// The words of a handbook and the shards of their postings.
pub struct Terms {
    /// Sorted; `postings[i]` are the documents of `terms[i]` ...
    terms: Vec<String>,
    /// ... cut into shards (JSON arrays of arrays), each starting at a word's number.
    shards: Vec<(usize, String)>,
}

/// The words of `entries`, each with the entries it is in.
pub fn terms(entries: &[Entry]) -> Terms {
    let mut ids: FxHashMap<String, usize> = FxHashMap::default();
    let mut words: Vec<String> = Vec::new();
    let mut postings: Vec<Vec<u32>> = Vec::new();
    // The document each word was last seen in, plus one (0: none yet).
    let mut last: Vec<u32> = Vec::new();
    let mut lower = String::new();
    for (doc, entry) in (1u32..).zip(entries) {
        // The title's words come first: a word of both is marked as in the title.
        let texts = std::iter::once((entry.title, 1)).chain(entry.runs().map(|run| (run, 0)));
        for (text, in_title) in texts {
            each_word(text, |word| {
                let key = match word.bytes().any(|b| b.is_ascii_uppercase()) {
                    true => {
                        lower.clear();
                        lower.push_str(word);
                        lower.make_ascii_lowercase();
                        lower.as_str()
                    }
                    false => word,
                };
                let id = match ids.get(key) {
                    Some(&id) => id,
                    None => {
                        ids.insert(key.to_string(), words.len());
                        words.push(key.to_string());
                        postings.push(Vec::new());
                        last.push(0);
                        words.len() - 1
                    }
                };
                if last[id] != doc {
                    last[id] = doc;
                    postings[id].push((doc - 1) << 1 | in_title);
                }
            });
        }
    }
    let mut order: Vec<usize> = (0..words.len()).collect();
    order.sort_unstable_by(|a, b| words[*a].cmp(&words[*b]));
    let mut shards: Vec<(usize, String)> = Vec::new();
    let mut shard = String::new();
    let mut start = 0;
    for (number, &id) in order.iter().enumerate() {
        shard.push(if shard.is_empty() { '[' } else { ',' });
        shard.push('[');
        let mut previous = 0;
        for (i, posting) in postings[id].iter().enumerate() {
            let doc = posting >> 1;
            let delta = (doc - previous) << 1 | (posting & 1);
            previous = doc;
            if i > 0 {
                shard.push(',');
            }
            let _ = write!(shard, "{delta}");
        }
        shard.push(']');
        if shard.len() >= TERM_SHARD_BYTES || number + 1 == order.len() {
            shard.push(']');
            shards.push((start, std::mem::take(&mut shard)));
            start = number + 1;
        }
    }
    let mut sorted: Vec<String> = Vec::with_capacity(words.len());
    let mut words: Vec<Option<String>> = words.into_iter().map(Some).collect();
    sorted.extend(order.iter().filter_map(|&id| words[id].take()));
    Terms {
        terms: sorted,
        shards,
    }
}

/// Each word of `text`: what lies between [`js_space`], none empty. Most text is ASCII, whose
/// bytes are looked at as they are; a character beyond ASCII is decoded.
fn each_word<'t>(text: &'t str, mut word: impl FnMut(&'t str)) {
    let bytes = text.as_bytes();
    let (mut start, mut at) = (0, 0);
    while at < bytes.len() {
        let (space, len) = match bytes[at] {
            b if b.is_ascii() => (matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' '), 1),
            _ => {
                let c = text[at..].chars().next().unwrap_or(' ');
                (js_space(c), c.len_utf8())
            }
        };
        if space {
            if at > start {
                word(&text[start..at]);
            }
            start = at + len;
        }
        at += len;
    }
    if bytes.len() > start {
        word(&text[start..]);
    }
}

/// White space as JavaScript's `\s` matches it (Rust's `char::is_whitespace` differs in two
/// characters): the query is split at it, so the index must be too.
fn js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\u{FEFF}'
    )
}

#[cfg(test)]
pub(super) mod tests {
    use std::borrow::Cow;

    use super::*;

    pub(super) fn entry<'a>(title: &'a str, text: &str) -> Entry<'a> {
        Entry {
            kind: "Playbook",
            title,
            url: format!("playbooks/{title}.html"),
            texts: vec![Cow::Owned(text.to_string())],
            body: None,
        }
    }

    #[test]
    fn words_are_cut_where_javascript_cuts_the_query() {
        let text = "  Ring\tthe\u{A0}bank\u{2003}now\u{85}, café\u{3000}24/7\r\n\u{FEFF}x ";
        let mut words = Vec::new();
        each_word(text, |w| words.push(w));
        let split: Vec<&str> = text.split(js_space).filter(|w| !w.is_empty()).collect();
        assert_eq!(words, split);
        assert_eq!(words, ["Ring", "the", "bank", "now\u{85},", "café", "24/7", "x"]);
    }

    #[test]
    fn words_are_split_as_javascript_splits_them_with_ascii_in_lower_case() {
        let entries = [
            entry("Ransomware", "Call\u{A0}the HOST.\u{85}x Øvelse"),
            entry("Phishing", "call the host"),
        ];
        let terms = terms(&entries);
        assert_eq!(
            terms.terms,
            [
                "call",
                "host",
                "host.\u{85}x",
                "phishing",
                "ransomware",
                "the",
                "Øvelse"
            ]
        );
        // `call`: in both, in neither title; `ransomware`: the first one's title.
        assert_eq!(terms.shards.len(), 1);
        assert_eq!(terms.shards[0].1, "[[0,2],[2],[0],[3],[1],[0,2],[0]]");
    }
}
