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
//! `handbook-offline.html` has the dictionary and every shard inline ([`inline_script`]).

use std::borrow::Cow;
use std::fmt::Write as _;

use rustc_hash::FxHashMap;
use serde::Serialize;
use xxhash_rust::xxh3::Xxh3Default;

use super::pages::search::Entry;
use crate::model::SEARCH_SHARDS;

/// A shard of postings is closed once it is this large ...
const TERM_SHARD_BYTES: usize = 32 * 1024;
/// ... and one of documents (the texts that results show words of).
const DOC_SHARD_BYTES: usize = 8 * 1024;
/// A result shows the words around the first place a searched word is in its document, from
/// the document's text in a shard of documents; of a long document only this much is kept
/// there (its every word is still found), so that the 50 results a search shows load at most
/// about 50 times this plus a shard's size however long the documents are.
const DOC_TEXT_BYTES: usize = 16 * 1024;
/// An index this small in all is loaded whole with the search page: every search is then
/// answered at once, as it is typed.
const PRELOAD_BYTES: usize = 256 * 1024;

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

#[derive(Serialize)]
struct Dictionary<'a> {
    version: &'a str,
    kinds: Vec<&'a str>,
    count: usize,
    /// Where each shard of documents after the first starts (a document's number).
    docs: &'a [usize],
    /// Every word, sorted, separated by a space (which no word has).
    terms: String,
    /// Where each shard of postings after the first starts (a word's number) ...
    tshards: Vec<usize>,
    /// ... and each one's size in bytes, so that a search knows what it would load.
    tsizes: Vec<usize>,
    /// The shards are few and small: load them all with the page.
    preload: bool,
}

/// The site's search index: `search-index.js` (the dictionary) and the shards' scripts, made
/// one at a time as they are written ([`SiteIndex::files`]), since together they are as large
/// as the handbook's text.
pub struct SiteIndex<'i, 'a> {
    terms: &'i Terms,
    entries: &'i [Entry<'a>],
    layout: Layout,
    pub dictionary: String,
}

impl<'i, 'a> SiteIndex<'i, 'a> {
    pub fn new(terms: &'i Terms, entries: &'i [Entry<'a>]) -> Self {
        let layout = Layout::of(terms, entries);
        let dictionary = format!("window.IRBOOK_SEARCH = {};\n", header(terms, entries, &layout));
        SiteIndex {
            terms,
            entries,
            layout,
            dictionary,
        }
    }

    /// Every shard's path, in the order of [`SiteIndex::files`].
    pub fn paths(&self) -> Vec<String> {
        let postings = (0..self.terms.shards.len()).map(|i| format!("t{i}"));
        let documents = (0..self.layout.doc_shards).map(|i| format!("d{i}"));
        postings
            .chain(documents)
            .map(|name| format!("{SEARCH_SHARDS}{name}.js"))
            .collect()
    }

    /// Each shard's (path, script), made as the iterator is read.
    pub fn files(self) -> impl Iterator<Item = (String, String)> + 'i {
        let version = self.layout.version;
        all_shards(self.terms, DocShards::new(self.entries)).map(move |(name, json)| {
            let script = format!("IRBOOK_SEARCH_SHARD(\"{version}\",\"{name}\",{json});\n");
            (format!("{SEARCH_SHARDS}{name}.js"), script)
        })
    }
}

/// The dictionary with every shard in it, for a file that must hold everything itself; it has
/// no `</` (each is written `<\/`), so that it can be put inside a `<script>` as it is. The
/// shards of documents are made twice, once to know the index's version and once into the
/// script, rather than held: they are as large as the handbook's text.
pub fn inline_script(terms: &Terms, entries: &[Entry]) -> String {
    let layout = Layout::of(terms, entries);
    let header = header(terms, entries, &layout);
    let names = (terms.shards.len() + layout.doc_shards) * 16;
    let mut out = String::with_capacity(header.len() + layout.bytes + names + 64);
    out.push_str("window.IRBOOK_SEARCH = ");
    out.push_str(&header[..header.len() - 1]);
    out.push_str(",\"shards\":{");
    for (i, (name, json)) in all_shards(terms, DocShards::new(entries)).enumerate() {
        let comma = if i == 0 { "" } else { "," };
        let _ = write!(out, "{comma}\"{name}\":");
        push_escaped(&mut out, &json);
    }
    out.push_str("}};\n");
    out
}

/// What the dictionary says of the shards, from one pass over them.
struct Layout {
    /// A short hash of the whole index.
    version: String,
    /// Where each shard of documents after the first starts (a document's number).
    docs: Vec<usize>,
    doc_shards: usize,
    /// The size of every shard together.
    bytes: usize,
}

impl Layout {
    fn of(terms: &Terms, entries: &[Entry]) -> Self {
        let mut hasher = Box::new(Xxh3Default::new());
        for term in &terms.terms {
            hasher.update(term.as_bytes());
            hasher.update(b" ");
        }
        let mut bytes = 0;
        let mut count = 0;
        let mut documents = DocShards::new(entries);
        for (name, json) in all_shards(terms, documents.by_ref()) {
            hasher.update(name.as_bytes());
            hasher.update(json.as_bytes());
            bytes += json.len();
            count += 1;
        }
        let version = format!("{:012x}", hasher.digest128() >> 80);
        Layout {
            version,
            docs: documents.starts,
            doc_shards: count - terms.shards.len(),
            bytes,
        }
    }
}

/// Every shard as (name, JSON): postings `t0`, `t1`, ... from `terms`, then `documents` as
/// `d0`, `d1`, ...
fn all_shards<'t>(
    terms: &'t Terms,
    documents: impl Iterator<Item = String>,
) -> impl Iterator<Item = (String, Cow<'t, str>)> {
    let postings = terms
        .shards
        .iter()
        .enumerate()
        .map(|(i, (_, json))| (format!("t{i}"), Cow::Borrowed(json.as_str())));
    let documents = documents
        .enumerate()
        .map(|(i, json)| (format!("d{i}"), Cow::Owned(json)));
    postings.chain(documents)
}

/// The entries as shards of documents (JSON arrays of `[kind, title, url, text]`), one at a
/// time; `starts` gathers where each shard after the first starts. The kind is its number in
/// [`kinds`].
struct DocShards<'e, 'a> {
    entries: &'e [Entry<'a>],
    kinds: Vec<&'a str>,
    next: usize,
    starts: Vec<usize>,
}

impl<'e, 'a> DocShards<'e, 'a> {
    fn new(entries: &'e [Entry<'a>]) -> Self {
        DocShards {
            entries,
            kinds: kinds(entries),
            next: 0,
            starts: Vec::new(),
        }
    }
}

impl Iterator for DocShards<'_, '_> {
    type Item = String;

    fn next(&mut self) -> Option<String> {
        if self.next >= self.entries.len() {
            return None;
        }
        let mut shard = String::new();
        while let Some(entry) = self.entries.get(self.next) {
            let kind = self.kinds.iter().position(|k| *k == entry.kind).unwrap_or(0);
            let record = (kind, entry.title, &entry.url, entry.text(DOC_TEXT_BYTES));
            shard.push(if shard.is_empty() { '[' } else { ',' });
            shard.push_str(&serde_json::to_string(&record).expect("entries serialize"));
            self.next += 1;
            if shard.len() >= DOC_SHARD_BYTES {
                break;
            }
        }
        shard.push(']');
        if self.next < self.entries.len() {
            self.starts.push(self.next);
        }
        Some(shard)
    }
}

/// The kinds' names, each once, in the order the entries first have them.
fn kinds<'a>(entries: &[Entry<'a>]) -> Vec<&'a str> {
    let mut kinds: Vec<&str> = Vec::new();
    for entry in entries {
        if !kinds.contains(&entry.kind) {
            kinds.push(entry.kind);
        }
    }
    kinds
}

/// The dictionary as JSON, its `</` written `<\/`.
fn header(terms: &Terms, entries: &[Entry], layout: &Layout) -> String {
    let dictionary = Dictionary {
        version: &layout.version,
        kinds: kinds(entries),
        count: entries.len(),
        docs: &layout.docs,
        terms: terms.terms.join(" "),
        tshards: terms.shards.iter().skip(1).map(|(start, _)| *start).collect(),
        tsizes: terms.shards.iter().map(|(_, json)| json.len()).collect(),
        preload: layout.bytes <= PRELOAD_BYTES,
    };
    let json = serde_json::to_string(&dictionary).expect("the dictionary serializes");
    json.replace("</", "<\\/")
}

/// `text` with each `</` written `<\/` (the same in a JavaScript string).
fn push_escaped(out: &mut String, text: &str) {
    let mut copied = 0;
    for at in memchr::memmem::find_iter(text.as_bytes(), b"</") {
        out.push_str(&text[copied..=at]);
        out.push('\\');
        copied = at + 1;
    }
    out.push_str(&text[copied..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry<'a>(title: &'a str, text: &str) -> Entry<'a> {
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

    #[test]
    fn a_long_document_is_found_by_every_word_but_keeps_the_start_of_its_text() {
        // The cut falls inside the two bytes of `Ø`: it is made before the letter.
        let first = format!("{}Ø", "a".repeat(DOC_TEXT_BYTES - 1));
        let long = format!("{first} tail");
        let entries = [entry("long", &long), entry("short", "tail")];
        let terms = terms(&entries);
        assert_eq!(terms.terms, [first.as_str(), "long", "short", "tail"]);
        assert_eq!(terms.shards[0].1, "[[0],[1],[3],[0,2]]");
        let shards: Vec<String> = DocShards::new(&entries).collect();
        let kept = format!(",\"{}\"]]", "a".repeat(DOC_TEXT_BYTES - 1));
        assert!(shards[0].contains(&kept), "{}", &shards[0][..60]);
        assert_eq!(shards[1], "[[0,\"short\",\"playbooks/short.html\",\"tail\"]]");
    }

    #[test]
    fn the_dictionary_says_where_shards_start() {
        let long = "word ".repeat(3000);
        let entries: Vec<Entry> = ["a", "b", "c"].iter().map(|t| entry(t, &long)).collect();
        let mut documents = DocShards::new(&entries);
        let shards = documents.by_ref().count();
        assert_eq!((documents.starts, shards), (vec![1, 2], 3));
        let terms = terms(&entries);
        let index = SiteIndex::new(&terms, &entries);
        let dictionary = index.dictionary.clone();
        assert!(dictionary.contains("\"docs\":[1,2]"), "{dictionary}");
        let paths = index.paths();
        let files: Vec<(String, String)> = index.files().collect();
        let names: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(names, paths);
        assert_eq!(
            names,
            ["search/t0.js", "search/d0.js", "search/d1.js", "search/d2.js"]
        );
        assert!(files[0].1.starts_with("IRBOOK_SEARCH_SHARD(\""), "{}", files[0].1);
        assert!(
            inline_script(&terms, &entries).contains("\"shards\":{\"t0\":[[1],[3],[5],[0,2,2]],\"d0\":[[")
        );
    }
}
