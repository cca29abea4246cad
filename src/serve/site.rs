//! The site as the preview server holds it: every file in memory, each with the rebuild in
//! which its contents last changed, so that only the pages that changed reload.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

use crate::render::{Contents, OutputFile};

/// One file of a served site.
#[derive(Debug, Clone)]
pub enum Body {
    Bytes(Arc<[u8]>),
    /// A `content/static/` file, read when it is asked for; its size and time of change as
    /// the build saw them tell whether it changed.
    File(PathBuf, Option<(u64, SystemTime)>),
}

#[derive(Debug, Clone)]
struct Entry {
    body: Body,
    /// The generation that last changed this file.
    changed_at: u64,
}

/// One complete build, as served; replaced as a whole, never changed in place.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub generation: u64,
    /// Its print.html, search index and handbook.json are older than its pages.
    pub behind: bool,
    files: HashMap<String, Entry>,
}

impl Snapshot {
    /// The site of a new build, compared with the one before it; also returns the paths of
    /// the files that changed (added, altered or removed).
    pub fn next(previous: &Snapshot, files: Vec<OutputFile>, behind: bool) -> (Snapshot, Vec<String>) {
        let generation = previous.generation + 1;
        let mut changed = Vec::new();
        let mut entries = HashMap::with_capacity(files.len());
        for file in files {
            let body = match file.contents {
                Contents::Bytes(bytes) => Body::Bytes(bytes),
                Contents::Copy(source) => {
                    let stamp = std::fs::metadata(&source)
                        .ok()
                        .and_then(|m| Some((m.len(), m.modified().ok()?)));
                    Body::File(source, stamp)
                }
            };
            let same = previous
                .files
                .get(&file.path)
                .filter(|old| same_body(&old.body, &body));
            let changed_at = match same {
                Some(old) => old.changed_at,
                None => {
                    changed.push(file.path.clone());
                    generation
                }
            };
            entries.insert(file.path, Entry { body, changed_at });
        }
        changed.extend(
            previous
                .files
                .keys()
                .filter(|p| !entries.contains_key(*p))
                .cloned(),
        );
        let snapshot = Snapshot {
            generation,
            behind,
            files: entries,
        };
        (snapshot, changed)
    }

    pub fn get(&self, path: &str) -> Option<&Body> {
        self.files.get(path).map(|e| &e.body)
    }

    pub fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    /// Whether the page at `page` changed (or went) since `generation`.
    pub fn page_changed_since(&self, page: &str, generation: u64) -> bool {
        generation < self.generation
            && self
                .files
                .get(page)
                .is_none_or(|entry| entry.changed_at > generation)
    }

    /// The files other than pages (style sheets, scripts, images, data) changed since
    /// `generation`: a page that uses one of them looks different now.
    pub fn resources_changed_since(&self, generation: u64) -> Vec<&str> {
        self.files
            .iter()
            .filter(|(path, entry)| entry.changed_at > generation && !is_page(path))
            .map(|(path, _)| path.as_str())
            .collect()
    }
}

fn same_body(a: &Body, b: &Body) -> bool {
    match (a, b) {
        (Body::Bytes(a), Body::Bytes(b)) => a == b,
        (Body::File(a, stamp_a), Body::File(b, stamp_b)) => a == b && stamp_a.is_some() && stamp_a == stamp_b,
        (Body::Bytes(_), Body::File(..)) | (Body::File(..), Body::Bytes(_)) => false,
    }
}

pub fn is_page(path: &str) -> bool {
    path.ends_with(".html")
}
