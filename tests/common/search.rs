//! One search from file:// in headless Chromium, and the largest page of a site: what
//! tests/scale.rs asserts on and `bench/measure_search.rs` reports for a site built elsewhere.

use std::path::Path;

use serde_json::json;

use super::browser::Browser;
use super::site::files;

/// The files made of the whole handbook by design, which may grow with it.
pub const WHOLE: [&str; 2] = ["print.html", "handbook-offline.html"];

/// The largest HTML page but the whole-handbook files: (size, path).
pub fn largest_page(site: &Path) -> (usize, String) {
    files(site)
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html") && !WHOLE.contains(&p.as_str()))
        .map(|(p, bytes)| (bytes.len(), p))
        .max()
        .unwrap()
}

/// What one search from file:// found and what it cost.
pub struct Found {
    /// Each hit's title, href and marked word.
    pub hits: serde_json::Value,
    /// Bytes of the page, its style sheet and every script loaded (the shards included).
    pub total: usize,
    pub scripts: usize,
}

/// Opens the search page of `site` from file://, types `query` and waits for hits; prints what
/// was loaded and how long the search took. `None` where there is no browser.
pub fn search(site: &Path, query: &str) -> Option<Found> {
    let url = format!("file://{}", site.join("search.html").display());
    let mut tab = Browser::open(&url)?;
    // The time from the page's DOMContentLoaded (when irbook.js starts the search of `?q=`) to
    // the first hits (or the "type more" line), the shards' loading included.
    let observe = "window.irbookTook = null; window.irbookSince = performance.now(); \
         const r = document.getElementById('search-results'); const s = document.getElementById('search-status'); \
         const seen = new MutationObserver(() => { if (r.children.length || !s.hidden) { \
           window.irbookTook = performance.now() - window.irbookSince; seen.disconnect(); } }); \
         seen.observe(r, { childList: true }); seen.observe(s, { attributes: true });";
    let before_search = format!("document.addEventListener('DOMContentLoaded', () => {{ {observe} }});");
    tab.call("Page.enable", json!({}), true);
    tab.call(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": before_search }),
        true,
    );
    let address = format!("{url}?q={}", query.replace(' ', "+"));
    tab.call("Page.navigate", json!({ "url": address }), true);
    tab.wait_until("window.irbookTook !== undefined && window.irbookTook !== null");
    let first = tab.eval("window.irbookTook");
    // The same search again, typed, every shard it needs in memory.
    tab.eval("document.getElementById('q').value = ''; document.getElementById('q').dispatchEvent(new Event('input'))");
    tab.eval(&format!(
        "(() => {{ {observe} const q = document.getElementById('q'); q.value = {}; q.dispatchEvent(new Event('input')); }})()",
        json!(query)
    ));
    tab.wait_until("window.irbookTook !== null");
    let again = tab.eval("window.irbookTook");
    let hits = tab.eval(
        "[...document.querySelectorAll('#search-results li')].map(li => [li.querySelector('a').textContent, li.querySelector('a').getAttribute('href'), (li.querySelector('mark') || {}).textContent])",
    );
    // What the page and the search loaded, by file size: the page, its style sheet, and every
    // script (the search's shards stay in the page as the <script> elements that loaded them;
    // resource timing has no entries for file:// URLs).
    let loaded = tab.eval(
        "[location.href.split('?')[0], ...[...document.querySelectorAll('script[src], link[rel=stylesheet]')].map(e => e.src || e.href)]",
    );
    let (mut scripts, mut total) = (0, 0);
    for url in loaded.as_array().unwrap() {
        let path = url.as_str().unwrap().strip_prefix("file://").unwrap();
        let size = std::fs::metadata(path).unwrap().len() as usize;
        total += size;
        if path.ends_with(".js") {
            scripts += size;
        }
        eprintln!("loaded {size:>8} {path}");
    }
    eprintln!(
        "search for {query:?}: {scripts} bytes of scripts, {total} in all; results after {first} ms, again after {again} ms"
    );
    Some(Found { hits, total, scripts })
}
