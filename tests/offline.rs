//! The handbook away from the intranet: the QR code on paper leads back to the page online,
//! `handbook-offline.html` works alone from a folder with nothing else in it, and `sw.js` keeps
//! every file of the build on the device. Headless Chromium runs the pages' own scripts under
//! their own Content-Security-Policy.

mod common;

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use common::browser::Browser;
use common::{Fixture, build};
use serde_json::json;

const BASE: &str = "https://ir.example/handbook/";

/// A 1x1 PNG.
const PNG: &str =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

fn built(base_url: Option<&str>) -> Fixture {
    let f = Fixture::new();
    let mut args = vec![];
    if let Some(base) = base_url {
        args.extend(["--base-url", base]);
    }
    let (code, stderr) = build(f.root(), &args);
    assert_eq!(code, 0, "{stderr}");
    f
}

fn read(f: &Fixture, page: &str) -> String {
    std::fs::read_to_string(f.path(&format!("site/{page}"))).unwrap()
}

#[test]
fn without_base_url_pages_carry_no_qr_code() {
    let f = built(None);
    for page in ["plans/recovery.html", "index.html", "print.html"] {
        let html = read(&f, page);
        assert!(!html.contains("<svg"), "{page}");
        assert!(!html.contains("print-qr"), "{page}");
    }
}

#[test]
fn the_qr_code_of_a_printed_plan_decodes_to_its_address() {
    let f = built(Some(BASE));
    let html = read(&f, "plans/recovery.html");
    let document = scraper::Html::parse_document(&html);
    let selector = scraper::Selector::parse("main > .print-qr > svg").unwrap();
    let svgs: Vec<String> = document.select(&selector).map(|e| e.html()).collect();
    assert_eq!(svgs.len(), 1, "one code, at the top of the page's main");
    assert!(!svgs[0].contains("style"), "nothing the page's CSP would block");

    let Some(mut tab) = Browser::open("about:blank") else {
        return;
    };
    // Chromium draws the SVG onto a canvas, 4 px per module; rqrr reads the pixels back.
    let size = 400;
    let script = format!(
        "new Promise(function (resolve) {{
           var image = new Image();
           image.onload = function () {{
             var canvas = document.createElement('canvas');
             canvas.width = canvas.height = {size};
             var g = canvas.getContext('2d');
             g.fillStyle = '#fff'; g.fillRect(0, 0, {size}, {size});
             g.drawImage(image, 0, 0, {size}, {size});
             var data = g.getImageData(0, 0, {size}, {size}).data, out = '';
             for (var i = 0; i < data.length; i += 4) {{ out += data[i] < 128 ? '1' : '0'; }}
             resolve(out);
           }};
           image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent({svg});
         }})",
        svg = json!(svgs[0])
    );
    let result = tab.call(
        "Runtime.evaluate",
        json!({ "expression": script, "awaitPromise": true, "returnByValue": true }),
        true,
    );
    let pixels = result["result"]["value"]
        .as_str()
        .expect("pixels")
        .as_bytes()
        .to_vec();
    assert_eq!(pixels.len(), size * size);
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(size, size, |x, y| {
        if pixels[y * size + x] == b'1' { 0 } else { 255 }
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1);
    let (_, text) = grids[0].decode().expect("a readable code");
    assert_eq!(text, "https://ir.example/handbook/plans/recovery.html");

    // On the page itself: hidden on screen, about 18 mm on paper.
    let url = format!("file://{}", f.path("site/plans/recovery.html").display());
    let mut page = Browser::open(&url).expect("chromium is there");
    let display = "getComputedStyle(document.querySelector('.print-qr')).display";
    assert_eq!(page.eval(display), "none");
    page.call("Emulation.setEmulatedMedia", json!({ "media": "print" }), true);
    assert_eq!(page.eval(display), "block");
    let width = page.eval("document.querySelector('.print-qr svg').getBoundingClientRect().width");
    let mm = width.as_f64().unwrap() * 25.4 / 96.0;
    assert!((17.5..18.5).contains(&mm), "{mm} mm");
}

#[test]
fn the_offline_file_works_alone_from_an_empty_folder() {
    let f = Fixture::new();
    use base64::Engine as _;
    let png = base64::engine::general_purpose::STANDARD.decode(PNG).unwrap();
    f.write_bytes("content/static/logo.png", &png);
    f.edit(
        "content/pages/about.md",
        "# Why\n",
        "# Why\n\n![Our logo](/logo.png)\n",
    );
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let html = read(&f, "handbook-offline.html");
    for outside in ["src=\"assets/", "href=\"assets/", "search-index.js\"", "logo.png"] {
        assert!(!html.contains(outside), "the file refers to {outside}");
    }
    assert!(html.contains("img-src data:;"), "no host, no 'self'");

    let alone = tempfile::tempdir().unwrap();
    let copy = alone.path().join("handbook-offline.html");
    std::fs::copy(f.path("site/handbook-offline.html"), &copy).unwrap();
    let Some(mut tab) = Browser::open(&format!("file://{}", copy.display())) else {
        return;
    };
    let text = tab.eval("document.body.innerText");
    let text = text.as_str().unwrap();
    for expected in [
        "Confirm the scope",
        "Host NOC",
        "Isolate",
        "Ann Berg",
        "Datatilsynet",
    ] {
        assert!(text.contains(expected), "{expected} is in the file");
    }
    // The style sheet and the script ran under the file's own policy.
    assert_eq!(
        tab.eval("getComputedStyle(document.querySelector('.site-header')).display !== 'inline'"),
        true,
        "style.css applies"
    );
    assert_eq!(
        tab.eval("document.querySelector('img[alt=\"Our logo\"]').naturalWidth"),
        1,
        "the image is inside the file"
    );

    // The playbook's link to the plan's "notify" phase leads to that phase inside the file.
    tab.eval(
        "document.querySelector('#playbooks-ransomware--top a[href=\"#plans-recovery--notify\"]').click()",
    );
    tab.wait_until("location.hash === '#plans-recovery--notify'");
    assert_eq!(
        tab.eval(
            "Math.abs(document.getElementById('plans-recovery--notify').getBoundingClientRect().top) < 5"
        ),
        true,
        "the section is scrolled to"
    );

    // Search, as a person types.
    tab.eval("var q = document.getElementById('q'); q.value = 'scope'; q.dispatchEvent(new Event('input'));");
    tab.wait_until("document.querySelectorAll('#search-results a').length > 0");
    let hits = tab.eval(
        "Array.from(document.querySelectorAll('#search-results a')).map(a => a.textContent + ' ' + a.getAttribute('href'))",
    );
    assert_eq!(hits, json!(["Recovery #plans-recovery--top"]));
    tab.eval("document.querySelector('#search-results a').click()");
    tab.wait_until("location.hash === '#plans-recovery--top'");
    assert_eq!(
        tab.eval("navigator.serviceWorker === undefined || navigator.serviceWorker.controller === null"),
        true,
        "no service worker from file://"
    );
}

/// The paths in `FILES` of a built `sw.js`.
fn listed(sw: &str) -> Vec<String> {
    let line = sw
        .lines()
        .find_map(|l| l.strip_prefix("const FILES = "))
        .expect("a FILES line");
    serde_json::from_str(line.trim_end_matches(';')).expect("a JSON list")
}

#[test]
fn the_service_worker_lists_every_file_of_the_build() {
    let f = Fixture::new();
    f.write_bytes("content/static/docs/plan.pdf", b"%PDF-1.4");
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let site = f.path("site");
    let mut files: Vec<String> = walkdir::WalkDir::new(&site)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(&site)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .filter(|p| p != "sw.js" && p != ".irbook-site")
        .collect();
    files.sort();
    let sw = read(&f, "sw.js");
    let mut list = listed(&sw);
    list.sort();
    assert_eq!(list, files);
    assert!(list.contains(&"handbook-offline.html".to_string()));
    assert!(list.contains(&"docs/plan.pdf".to_string()));

    // A new build with a change is a new version; the same build is the same version.
    let version = |sw: &str| {
        sw.lines()
            .find(|l| l.starts_with("const VERSION"))
            .unwrap()
            .to_string()
    };
    assert_eq!(build(f.root(), &[]).0, 0);
    assert_eq!(version(&read(&f, "sw.js")), version(&sw));
    f.edit("content/pages/about.md", "Back to", "Go back to");
    assert_eq!(build(f.root(), &[]).0, 0);
    assert_ne!(version(&read(&f, "sw.js")), version(&sw));
}

/// A static file server on 127.0.0.1 for `dir`, stopped by `stop`.
fn serve(dir: &Path, stop: Arc<AtomicBool>) -> (String, std::thread::JoinHandle<()>) {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let address = server.server_addr().to_ip().unwrap().to_string();
    let dir = dir.to_path_buf();
    let handle = std::thread::spawn(move || {
        while !stop.load(Ordering::SeqCst) {
            let Ok(Some(request)) = server.recv_timeout(std::time::Duration::from_millis(50)) else {
                continue;
            };
            let path = request
                .url()
                .split('?')
                .next()
                .unwrap()
                .trim_start_matches('/')
                .to_string();
            let path = if path.is_empty() {
                "index.html".into()
            } else {
                path
            };
            let file = dir.join(&path);
            let reply = match std::fs::read(&file) {
                Ok(bytes) if !path.contains("..") => {
                    let kind = match file.extension().and_then(|e| e.to_str()) {
                        Some("html") => "text/html; charset=utf-8",
                        Some("js") => "text/javascript; charset=utf-8",
                        Some("css") => "text/css; charset=utf-8",
                        _ => "application/octet-stream",
                    };
                    let header = tiny_http::Header::from_bytes("Content-Type", kind).unwrap();
                    tiny_http::Response::from_data(bytes).with_header(header)
                }
                _ => tiny_http::Response::from_data(b"not found".to_vec()).with_status_code(404),
            };
            let _ = request.respond(reply);
        }
    });
    (address, handle)
}

#[test]
fn after_one_visit_the_site_opens_without_the_network() {
    let f = built(None);
    let stop = Arc::new(AtomicBool::new(false));
    let (address, server) = serve(&f.path("site"), stop.clone());
    let Some(mut tab) = Browser::open(&format!("http://{address}/index.html")) else {
        stop.store(true, Ordering::SeqCst);
        return;
    };
    // The line shows once the worker is active, that is after it kept every file.
    tab.wait_until("!document.getElementById('irbook-offline').hidden");
    let line = tab.eval("document.getElementById('irbook-offline').textContent");
    assert_eq!(line, "Available offline, as of 23 November 2026");
    tab.wait_until("navigator.serviceWorker.controller !== null");

    // The network goes: the server stops and the browser is offline.
    stop.store(true, Ordering::SeqCst);
    server.join().unwrap();
    tab.call("Network.enable", json!({}), true);
    tab.call(
        "Network.emulateNetworkConditions",
        json!({ "offline": true, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
        true,
    );
    tab.eval("location.href = 'plans/recovery.html'");
    tab.wait_until("location.pathname === '/plans/recovery.html' && document.readyState === 'complete'");
    tab.wait_until("document.body.innerText.includes('Confirm the scope')");
    assert_eq!(
        tab.eval("getComputedStyle(document.querySelector('.site-header')).display !== 'inline'"),
        true,
        "the style sheet came from the cache too"
    );
}
