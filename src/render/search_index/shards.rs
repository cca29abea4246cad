//! The search index's dictionary and shards, for the site (`search-index.js`, `search/t<n>.js`,
//! `search/d<n>.js`) and inline in the offline file, made together: a first pass measures every
//! shard of documents without making it (where each starts, its size, a hash of what it holds
//! for the index's version), a second makes each document's JSON once and writes it into both,
//! which differ only in the documents' addresses.

use std::fmt::Write as _;

use serde::Serialize;
use xxhash_rust::xxh3::Xxh3Default;

use super::Terms;
use crate::model::SEARCH_SHARDS;
use crate::render::pages::search::Entry;

/// A shard of documents (the texts that results show words of) is closed once it is this large.
const DOC_SHARD_BYTES: usize = 8 * 1024;
/// A result shows the words around the first place a searched word is in its document, from
/// the document's text in a shard of documents; of a long document only this much is kept
/// there (its every word is still found), so that the 50 results a search shows load at most
/// about 50 times this plus a shard's size however long the documents are.
const DOC_TEXT_BYTES: usize = 16 * 1024;
/// An index this small in all is loaded whole with the search page: every search is then
/// answered at once, as it is typed.
const PRELOAD_BYTES: usize = 256 * 1024;

#[derive(Serialize)]
struct Dictionary<'a> {
    version: &'a str,
    kinds: &'a [&'a str],
    count: usize,
    /// Where each shard of documents after the first starts (a document's number).
    docs: &'a [usize],
    /// Every word, sorted, separated by a space (which no word has).
    terms: &'a str,
    /// Where each shard of postings after the first starts (a word's number) ...
    tshards: Vec<usize>,
    /// ... and each one's size in bytes, so that a search knows what it would load.
    tsizes: Vec<usize>,
    /// The shards are few and small: load them all with the page.
    preload: bool,
}

/// The search index of `entries`, whose words are `terms`, for the site and for the offline
/// file, where each entry's address is `offline_urls`' instead.
pub struct Indexes<'i, 'a> {
    terms: &'i Terms,
    entries: &'i [Entry<'a>],
    offline_urls: Vec<String>,
    kinds: Vec<&'a str>,
    site: Layout,
    offline: Layout,
}

impl<'i, 'a> Indexes<'i, 'a> {
    pub fn new(terms: &'i Terms, entries: &'i [Entry<'a>], offline_urls: Vec<String>) -> Self {
        let kinds = kinds(entries);
        let (site, offline) = Layout::of_both(terms, entries, &kinds, &offline_urls);
        Indexes {
            terms,
            entries,
            offline_urls,
            kinds,
            site,
            offline,
        }
    }

    /// Every shard file's path, in the order [`Indexes::write`] writes them.
    pub fn paths(&self) -> Vec<String> {
        let postings = (0..self.terms.shards.len()).map(|i| format!("t{i}"));
        let documents = (0..self.site.doc_shards).map(|i| format!("d{i}"));
        postings
            .chain(documents)
            .map(|name| format!("{SEARCH_SHARDS}{name}.js"))
            .collect()
    }

    /// `search-index.js`.
    pub fn dictionary(&self) -> String {
        format!("window.IRBOOK_SEARCH = {};\n", self.header(&self.site))
    }

    /// Writes each shard file of the site with `put(path, script)`, one at a time, since
    /// together they are as large as the handbook's text, and returns the offline file's
    /// script: the dictionary with every shard in it. That script has no `</` (each is written
    /// `<\/`), so that it can be put inside a `<script>` as it is.
    pub fn write<E>(&self, mut put: impl FnMut(String, String) -> Result<(), E>) -> Result<String, E> {
        let header = self.header(&self.offline);
        let mut inline = String::with_capacity(self.inline_capacity(&header));
        inline.push_str("window.IRBOOK_SEARCH = ");
        inline.push_str(&header[..header.len() - 1]);
        inline.push_str(",\"shards\":{");
        let script = |name: &str| format!("IRBOOK_SEARCH_SHARD(\"{}\",\"{name}\",", self.site.version);
        for (i, (_, json)) in self.terms.shards.iter().enumerate() {
            let name = format!("t{i}");
            let comma = if i == 0 { "" } else { "," };
            let _ = write!(inline, "{comma}\"{name}\":");
            push_closings_escaped(&mut inline, json);
            put(
                format!("{SEARCH_SHARDS}{name}.js"),
                format!("{}{json});\n", script(&name)),
            )?;
        }
        let mut site = Shards::new(&self.site.docs);
        let mut offline = Shards::new(&self.offline.docs);
        let (mut title, mut text) = (String::new(), String::new());
        for (i, entry) in self.entries.iter().enumerate() {
            title.clear();
            push_json(&mut title, entry.title);
            text.clear();
            push_json(&mut text, &entry.text(DOC_TEXT_BYTES));
            let kind = kind_of(&self.kinds, entry.kind);
            if let Some(name) = offline.starts_at(i) {
                let comma = if i == 0 && self.terms.shards.is_empty() {
                    ""
                } else {
                    ","
                };
                let _ = write!(inline, "{comma}\"{name}\":[");
            } else {
                inline.push(',');
            }
            let _ = write!(inline, "[{kind},");
            for part in [title.as_str(), ",", &json(&self.offline_urls[i]), ",", &text, "]"] {
                push_closings_escaped(&mut inline, part);
            }
            if offline.ends_after(i, self.entries.len()) {
                inline.push(']');
            }
            let shard = match site.starts_at(i) {
                Some(name) => site.open.insert(script(&name) + "["),
                None => {
                    let shard = site.open.get_or_insert_default();
                    shard.push(',');
                    shard
                }
            };
            let _ = write!(shard, "[{kind},{title},");
            push_json(shard, &entry.url);
            let _ = write!(shard, ",{text}]");
            if site.ends_after(i, self.entries.len())
                && let Some(mut shard) = site.open.take()
            {
                shard.push_str("]);\n");
                put(format!("{SEARCH_SHARDS}d{}.js", site.number - 1), shard)?;
            }
        }
        inline.push_str("}};\n");
        Ok(inline)
    }

    /// The offline file's script's size at most, its dictionary being `header`: it is made in
    /// one piece of memory, as large as the handbook's text.
    fn inline_capacity(&self, header: &str) -> usize {
        let names = (self.terms.shards.len() + self.offline.doc_shards) * 16;
        header.len() + self.offline.bytes + self.offline.closings + names + 64
    }

    /// A dictionary as JSON, its `</` written `<\/`.
    fn header(&self, layout: &Layout) -> String {
        let terms = self.terms.terms.join(" ");
        let dictionary = Dictionary {
            version: &layout.version,
            kinds: &self.kinds,
            count: self.entries.len(),
            docs: &layout.docs,
            terms: &terms,
            tshards: self
                .terms
                .shards
                .iter()
                .skip(1)
                .map(|(start, _)| *start)
                .collect(),
            tsizes: self.terms.shards.iter().map(|(_, json)| json.len()).collect(),
            preload: layout.bytes <= PRELOAD_BYTES,
        };
        let json = serde_json::to_string(&dictionary).expect("the dictionary serializes");
        json.replace("</", "<\\/")
    }
}

/// Where the shards of documents of one index are while they are made.
struct Shards<'l> {
    /// Where each shard after the first starts.
    starts: &'l [usize],
    /// The next shard's number.
    number: usize,
    open: Option<String>,
}

impl<'l> Shards<'l> {
    fn new(starts: &'l [usize]) -> Self {
        Shards {
            starts,
            number: 0,
            open: None,
        }
    }

    /// The name of the shard that starts with document `i`, if one does.
    fn starts_at(&mut self, i: usize) -> Option<String> {
        let starts = i == 0 || self.starts.get(self.number - 1) == Some(&i);
        starts.then(|| {
            self.number += 1;
            format!("d{}", self.number - 1)
        })
    }

    /// Whether the shard of document `i` of `count` ends with it.
    fn ends_after(&self, i: usize, count: usize) -> bool {
        i + 1 == count || self.starts.get(self.number - 1) == Some(&(i + 1))
    }
}

/// What a dictionary says of its shards, measured without making them.
struct Layout {
    /// A short hash of everything the shards hold.
    version: String,
    /// Where each shard of documents after the first starts (a document's number).
    docs: Vec<usize>,
    doc_shards: usize,
    /// The size of every shard together ...
    bytes: usize,
    /// ... and how many `</` they have.
    closings: usize,
}

/// A [`Layout`] as its documents are measured one by one.
struct Measure {
    hasher: Box<Xxh3Default>,
    layout: Layout,
    /// The size of the shard of documents being measured, `[` and commas included.
    shard: usize,
}

impl Measure {
    fn new(terms: &Terms, kinds: &[&str]) -> Self {
        let mut hasher = Box::new(Xxh3Default::new());
        for term in &terms.terms {
            hasher.update(term.as_bytes());
            hasher.update(b" ");
        }
        for kind in kinds {
            hasher.update(kind.as_bytes());
            hasher.update(b"\0");
        }
        let (mut bytes, mut closings) = (0, 0);
        for (_, json) in &terms.shards {
            hasher.update(json.as_bytes());
            bytes += json.len();
            closings += count_closings(json);
        }
        Measure {
            hasher,
            layout: Layout {
                version: String::new(),
                docs: Vec::new(),
                doc_shards: 0,
                bytes,
                closings,
            },
            shard: 0,
        }
    }

    /// Document `i` of `count`, whose JSON is `size` bytes long with `closings` `</`.
    fn document(&mut self, i: usize, count: usize, size: usize, closings: usize) {
        self.shard += 1 + size;
        self.layout.closings += closings;
        if self.shard >= DOC_SHARD_BYTES || i + 1 == count {
            self.layout.bytes += self.shard + 1;
            self.layout.doc_shards += 1;
            self.shard = 0;
            if i + 1 < count {
                self.layout.docs.push(i + 1);
            }
        }
    }

    fn finish(mut self) -> Layout {
        self.layout.version = format!("{:012x}", self.hasher.digest128() >> 80);
        self.layout
    }
}

impl Layout {
    /// The site's layout and the offline file's, in one pass over the documents.
    fn of_both(
        terms: &Terms,
        entries: &[Entry],
        kinds: &[&str],
        offline_urls: &[String],
    ) -> (Layout, Layout) {
        let (mut site, mut offline) = (Measure::new(terms, kinds), Measure::new(terms, kinds));
        for (i, entry) in entries.iter().enumerate() {
            let text = entry.text(DOC_TEXT_BYTES);
            let kind = kind_of(kinds, entry.kind);
            // `[kind,"title","url","text"]`
            let size = digits(kind) + json_len(entry.title) + json_len(&text) + 5;
            let closings = count_closings(entry.title) + count_closings(&text);
            for (measure, url) in [(&mut site, entry.url.as_str()), (&mut offline, &offline_urls[i])] {
                for part in [
                    &kind.to_le_bytes()[..],
                    entry.title.as_bytes(),
                    url.as_bytes(),
                    text.as_bytes(),
                ] {
                    measure.hasher.update(part);
                    measure.hasher.update(b"\0");
                }
                let closings = closings + count_closings(url);
                measure.document(i, entries.len(), size + json_len(url), closings);
            }
        }
        (site.finish(), offline.finish())
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

/// An entry's kind as its number in `kinds`.
fn kind_of(kinds: &[&str], kind: &str) -> usize {
    kinds.iter().position(|k| *k == kind).unwrap_or(0)
}

fn digits(n: usize) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// How JSON writes a byte of a string: as it is (0), with a backslash before it or as a
/// letter after one (2 bytes), or as `\u00XX` (6 bytes): what `serde_json` does.
fn escape(byte: u8) -> u8 {
    match byte {
        b'"' | b'\\' | 0x08 | 0x0C | b'\n' | b'\r' | b'\t' => 2,
        0x00..=0x1F => 6,
        _ => 0,
    }
}

/// The length of `text` as a JSON string, quotes included.
fn json_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let plain = |b: &u8| *b >= 0x20 && *b != b'"' && *b != b'\\';
    if bytes.iter().all(plain) {
        return bytes.len() + 2;
    }
    bytes.iter().map(|&b| (escape(b) as usize).max(1)).sum::<usize>() + 2
}

/// `text` as a JSON string.
fn json(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_json(&mut out, text);
    out
}

/// Writes `text` as a JSON string to `out`, as `serde_json` writes it.
fn push_json(out: &mut String, text: &str) {
    out.push('"');
    let mut copied = 0;
    for (at, &byte) in text.as_bytes().iter().enumerate() {
        let written = match (escape(byte), byte) {
            (0, _) => continue,
            (2, b'"') => "\\\"",
            (2, b'\\') => "\\\\",
            (2, 0x08) => "\\b",
            (2, 0x0C) => "\\f",
            (2, b'\n') => "\\n",
            (2, b'\r') => "\\r",
            (2, _) => "\\t",
            _ => "",
        };
        out.push_str(&text[copied..at]);
        match written {
            "" => {
                let _ = write!(out, "\\u{byte:04x}");
            }
            written => out.push_str(written),
        }
        copied = at + 1;
    }
    out.push_str(&text[copied..]);
    out.push('"');
}

/// How many `</` `text` has.
fn count_closings(text: &str) -> usize {
    memchr::memmem::find_iter(text.as_bytes(), b"</").count()
}

/// `text` with each `</` written `<\/` (the same in a JavaScript string).
fn push_closings_escaped(out: &mut String, text: &str) {
    let mut copied = 0;
    for at in memchr::memmem::find_iter(text.as_bytes(), b"</") {
        out.push_str(&text[copied..=at]);
        out.push('\\');
        copied = at + 1;
    }
    out.push_str(&text[copied..]);
}

#[cfg(test)]
#[path = "shards_tests.rs"]
mod tests;
