//! `sw.js`: the service worker that keeps the whole handbook on a device after one visit.
//! `irbook.js` registers it only when the site is served over http(s). The list of files and
//! the version (a hash of every file of the build) are written into it here, so a new build is
//! a new worker: it caches the new files, and on activation deletes the caches of older builds
//! of the same site (and only those: several handbooks may share one host).

use xxhash_rust::xxh3::Xxh3Default;

use super::sink::FileDigest;
use super::{Contents, OutputFile};

pub const PATH: &str = "sw.js";

/// The worker, for a site of the files with these paths and digests (`sw.js` itself is left
/// out). The version is a hash of them all, in path order.
pub fn file(mut files: Vec<(String, FileDigest)>) -> OutputFile {
    files.retain(|(path, _)| path != PATH);
    files.sort_unstable();
    files.dedup_by(|a, b| a.0 == b.0);
    let mut hasher = Xxh3Default::new();
    for (path, digest) in &files {
        hasher.update(path.as_bytes());
        hasher.update(&[0]);
        hasher.update(&digest.to_le_bytes());
    }
    let version = format!("{:016x}", hasher.digest128() >> 64);
    let urls: Vec<String> = files.iter().map(|(p, _)| encode(p)).collect();
    let list = serde_json::to_string(&urls).expect("strings serialize");
    let script = TEMPLATE.replace("@VERSION@", &version).replace("@FILES@", &list);
    OutputFile {
        path: PATH.into(),
        contents: Contents::Bytes(script.into_bytes().into()),
    }
}

/// A site path as a relative URL: every byte but letters, digits, `/` and `-._~` percent-encoded.
fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

const TEMPLATE: &str = r#"// irbook's service worker, written by `irbook build`: after one visit the whole handbook is
// kept on this device and opens without the network. Pages are asked of the network first (so
// an update on the intranet is seen) and come from the cache when it fails or is slow; the other
// files come from the cache. A new build has a new VERSION, which replaces the cache.
"use strict";
const VERSION = "@VERSION@";
const FILES = @FILES@;
const SCOPE = new URL(self.registration.scope);
const PREFIX = "irbook:" + SCOPE.href + ":";
const CACHE = PREFIX + VERSION;
const KNOWN = new Set(FILES);
// How long a page may take over the network before the copy on the device is shown.
const PATIENCE_MS = 4000;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(FILES.map(function (file) {
      return cache.add(new Request(file, { cache: "reload" })).catch(function (error) {
        // A page that cannot be kept fails the install; another file (a server that refuses
        // .vcf, say) only stays online.
        if (/\.html$/.test(file)) { throw error; }
      });
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) {
      return key.indexOf(PREFIX) === 0 && key !== CACHE;
    }).map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

function cached(key) {
  return caches.open(CACHE).then(function (cache) { return cache.match(key); });
}

function networkFirst(request, key) {
  return new Promise(function (resolve, reject) {
    var settled = false;
    function done(response) {
      if (!settled && response) { settled = true; resolve(response); }
    }
    fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { return cache.put(key, copy); });
        return response;
      }
      return cached(key).then(function (hit) { return hit || response; });
    }).then(done, function (error) {
      cached(key).then(function (hit) {
        if (hit) { done(hit); } else if (!settled) { settled = true; reject(error); }
      });
    });
    setTimeout(function () { cached(key).then(done); }, PATIENCE_MS);
  });
}

function cacheFirst(request, key) {
  return cached(key).then(function (hit) { return hit || fetch(request); });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== SCOPE.origin || url.pathname.indexOf(SCOPE.pathname) !== 0) { return; }
  var path = url.pathname.slice(SCOPE.pathname.length);
  if (path === "" || path.slice(-1) === "/") { path += "index.html"; }
  // Only the files of this build: anything else (a preview's live reload) is left alone.
  if (!KNOWN.has(path)) { return; }
  var key = new URL(path, SCOPE).href;
  event.respondWith(/\.html$/.test(path) ? networkFirst(request, key) : cacheFirst(request, key));
});
"#;

#[cfg(test)]
mod tests {
    use xxhash_rust::xxh3::xxh3_128;

    use super::*;

    fn site(files: &[(&str, &str)]) -> Vec<(String, FileDigest)> {
        files
            .iter()
            .map(|(path, text)| (path.to_string(), xxh3_128(text.as_bytes())))
            .collect()
    }

    fn text(file: &OutputFile) -> String {
        match &file.contents {
            Contents::Bytes(b) => String::from_utf8(b.to_vec()).unwrap(),
            Contents::Copy(_) => unreachable!(),
        }
    }

    #[test]
    fn lists_every_file_and_changes_version_with_any_file() {
        let sw = text(&file(site(&[("index.html", "a"), ("img/Ø b.png", "b")])));
        assert!(
            sw.contains("const FILES = [\"img/%C3%98%20b.png\",\"index.html\"];"),
            "{sw}"
        );
        let other = text(&file(site(&[("index.html", "a2"), ("img/Ø b.png", "b")])));
        let version = |s: &str| {
            s.lines()
                .find(|l| l.starts_with("const VERSION"))
                .unwrap()
                .to_string()
        };
        assert_ne!(version(&sw), version(&other));
        assert_eq!(
            sw,
            text(&file(site(&[("img/Ø b.png", "b"), ("index.html", "a")]))),
            "the order of the files does not matter"
        );
    }
}
