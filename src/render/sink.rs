//! Where the files of a site go as they are rendered: into memory ([`Collect`], for `serve`,
//! `watch` and the incremental pipeline) or straight into the output folder's staging folder
//! (`write::Staging`, for `build`), so that a build holds no more of the site than the pages
//! being rendered. [`Digesting`] notes every file's digest on the way, for `sw.js`.

use std::io::{self, Write};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::{Xxh3Default, xxh3_128};

use super::{Contents, OutputFile};

/// The sink could not take a file (a write failed): it keeps why, and rendering stops.
#[derive(Debug)]
pub struct Stopped;

/// Takes the files of a site as they are made, from any thread.
pub trait Sink: Sync {
    /// Before any file: every path the site will have, in order; called again, more paths
    /// (ones known only later, as the search index's shards), each before its file.
    fn plan(&self, paths: &[String]) -> Result<(), Stopped>;
    /// One file.
    fn put(&self, file: OutputFile) -> Result<(), Stopped>;
    /// One file, written in pieces by `write` (the big files made from the whole handbook).
    fn put_with(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut (dyn Write + Send)) -> io::Result<()>,
    ) -> Result<(), Stopped>;
    /// A file put before, as it was written.
    fn get(&self, path: &str) -> Option<Stored>;
}

/// A file as a sink gives it back: the bytes it holds, or a copy read back from where it was
/// written.
pub enum Stored {
    Held(Arc<[u8]>),
    Read(Vec<u8>),
}

impl std::ops::Deref for Stored {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Stored::Held(bytes) => bytes,
            Stored::Read(bytes) => bytes,
        }
    }
}

/// The site in memory, in the order planned (files not planned after those).
#[derive(Default)]
pub struct Collect {
    files: Mutex<Slots>,
}

/// The files by place, and the place of each path.
type Slots = (Vec<Option<OutputFile>>, FxHashMap<String, usize>);

impl Collect {
    /// A site in memory that already holds `files`.
    pub fn with(files: impl IntoIterator<Item = OutputFile>) -> Self {
        let collect = Collect::default();
        for file in files {
            collect.insert(file);
        }
        collect
    }

    /// The files, in order.
    pub fn into_files(self) -> Vec<OutputFile> {
        let (files, _) = self.files.into_inner().unwrap_or_else(|e| e.into_inner());
        files.into_iter().flatten().collect()
    }

    fn insert(&self, file: OutputFile) {
        let mut guard = self.files.lock().unwrap_or_else(|e| e.into_inner());
        let (files, index) = &mut *guard;
        match index.get(&file.path) {
            Some(&at) => files[at] = Some(file),
            None => {
                index.insert(file.path.clone(), files.len());
                files.push(Some(file));
            }
        }
    }
}

impl Sink for Collect {
    fn plan(&self, paths: &[String]) -> Result<(), Stopped> {
        let mut guard = self.files.lock().unwrap_or_else(|e| e.into_inner());
        let (files, index) = &mut *guard;
        for path in paths {
            if !index.contains_key(path) {
                index.insert(path.clone(), files.len());
                files.push(None);
            }
        }
        Ok(())
    }

    fn put(&self, file: OutputFile) -> Result<(), Stopped> {
        self.insert(file);
        Ok(())
    }

    fn put_with(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut (dyn Write + Send)) -> io::Result<()>,
    ) -> Result<(), Stopped> {
        let mut bytes = Vec::new();
        write(&mut bytes).map_err(|_| Stopped)?;
        self.insert(OutputFile {
            path: path.into(),
            contents: Contents::Bytes(bytes.into()),
        });
        Ok(())
    }

    fn get(&self, path: &str) -> Option<Stored> {
        let guard = self.files.lock().unwrap_or_else(|e| e.into_inner());
        let (files, index) = &*guard;
        match &files[*index.get(path)?].as_ref()?.contents {
            Contents::Bytes(bytes) => Some(Stored::Held(bytes.clone())),
            Contents::Copy(_) => None,
        }
    }
}

/// A file's XXH3-128, or for a file of `content/static/` (copied, not read) that of its size
/// and time of change. It only tells one build's files from another's (the service worker's
/// version), so a hash many times faster than SHA-256 does: hashing a 10,000-playbook site's
/// 300 MB with SHA-256 was 7 % of the build's time.
pub type FileDigest = u128;

/// A sink that notes the path and digest of every file put into it on the way to `inner`.
pub struct Digesting<'s> {
    inner: &'s dyn Sink,
    digests: Mutex<FxHashMap<String, FileDigest>>,
}

impl<'s> Digesting<'s> {
    pub fn new(inner: &'s dyn Sink) -> Self {
        Digesting {
            inner,
            digests: Mutex::default(),
        }
    }

    /// Notes `files`, put into `inner` before, as if they had been put through this sink.
    pub fn already(self, files: &[&OutputFile]) -> Self {
        let digests: Vec<(String, FileDigest)> = files
            .par_iter()
            .map(|f| (f.path.clone(), digest(&f.contents)))
            .collect();
        self.lock().extend(digests);
        self
    }

    /// Whether a file was put at `path`.
    pub fn has(&self, path: &str) -> bool {
        self.lock().contains_key(path)
    }

    /// Every file put so far, by path.
    pub fn digests(&self) -> Vec<(String, FileDigest)> {
        self.lock().iter().map(|(p, d)| (p.clone(), *d)).collect()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, FxHashMap<String, FileDigest>> {
        self.digests.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Digesting<'_> {
    fn plan(&self, paths: &[String]) -> Result<(), Stopped> {
        self.inner.plan(paths)
    }

    fn put(&self, file: OutputFile) -> Result<(), Stopped> {
        let digest = digest(&file.contents);
        let path = file.path.clone();
        self.inner.put(file)?;
        self.lock().insert(path, digest);
        Ok(())
    }

    fn put_with(
        &self,
        path: &str,
        write: &mut dyn FnMut(&mut (dyn Write + Send)) -> io::Result<()>,
    ) -> Result<(), Stopped> {
        let mut hasher = Box::new(Xxh3Default::new());
        self.inner.put_with(path, &mut |w| {
            let mut both = Hashing {
                out: w,
                hasher: &mut hasher,
            };
            write(&mut both)
        })?;
        self.lock().insert(path.into(), hasher.digest128());
        Ok(())
    }

    fn get(&self, path: &str) -> Option<Stored> {
        self.inner.get(path)
    }
}

/// The digest of a file's contents.
fn digest(contents: &Contents) -> FileDigest {
    match contents {
        Contents::Bytes(bytes) => xxh3_128(bytes),
        // A file of content/static/ is not read to build the site: its size and time of
        // change stand for its contents.
        Contents::Copy(source) => {
            let meta = std::fs::metadata(source).ok();
            let len = meta.as_ref().map_or(0, |m| m.len());
            let modified = meta
                .and_then(|m| m.modified().ok())
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            xxh3_128(format!("{len}:{modified}").as_bytes())
        }
    }
}

/// Writes to `out` and hashes what it writes.
struct Hashing<'w> {
    out: &'w mut (dyn Write + Send),
    hasher: &'w mut Xxh3Default,
}

impl Write for Hashing<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let written = self.out.write(buf)?;
        self.hasher.update(&buf[..written]);
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
