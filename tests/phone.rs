//! Phone first, in a real browser: headless Chromium shows the example handbook at a 390 px
//! wide phone viewport (device scale 2, mobile) and the tests measure what a reader on a phone
//! gets. Without Chromium each test says that it was skipped; `IRBOOK_REQUIRE_BROWSER=1` makes
//! that a failure.

mod common;

use std::path::{Path, PathBuf};

use common::browser::Browser;
use serde_json::{Value, json};

const WIDTH: u64 = 390;
const HEIGHT: u64 = 844;

/// Every kind of page a reader opens on a phone during an incident.
const PAGES: &[&str] = &[
    "index.html",
    "contacts.html",
    "suppliers.html",
    "suppliers/nordhost.html",
    "plans/recovery.html",
    "obligations.html",
    "communication.html",
    "systems.html",
    "parties.html",
    "roles.html",
    "playbooks/ransomware-hosting.html",
];

fn build_example() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let (code, stderr) = common::build(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["--out", site.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{stderr}");
    (dir, site)
}

fn url(site: &Path, page: &str) -> String {
    format!("file://{}", site.join(page).display())
}

/// A browser tab the size of a phone, showing `page`.
fn phone(site: &Path, page: &str) -> Option<Browser> {
    let mut tab = Browser::open("about:blank")?;
    tab.call(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 2, "mobile": true }),
        true,
    );
    go(&mut tab, &url(site, page));
    Some(tab)
}

/// Opens `url` in `tab` and waits until it has loaded.
fn go(tab: &mut Browser, url: &str) {
    tab.call("Page.navigate", json!({ "url": url }), true);
    tab.wait_until(&format!(
        "location.href === {} && document.readyState === 'complete'",
        json!(url)
    ));
}

/// Relative luminance and contrast, as WCAG defines them, for computed `rgb()` colours.
const COLOUR: &str = "function lum(c) { var v = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(function (x) { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); }); return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; }\
     function contrast(a, b) { var x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }";

#[test]
fn every_page_fits_a_phone_screen_without_sideways_scrolling() {
    let (_dir, site) = build_example();
    let Some(mut tab) = phone(&site, PAGES[0]) else {
        return;
    };
    // The pages named above first, then every other page of the site, the offline file too.
    let mut all = Vec::new();
    collect_html(&site, &mut all);
    let mut pages: Vec<String> = PAGES.iter().map(|p| p.to_string()).collect();
    for path in all {
        let page = path.strip_prefix(&site).unwrap().to_string_lossy().into_owned();
        if !pages.contains(&page) {
            pages.push(page);
        }
    }
    assert!(pages.len() > 30, "{pages:?}");
    let mut problems = Vec::new();
    for page in &pages {
        go(&mut tab, &url(&site, page));
        let found = tab.eval(
            "JSON.stringify({ width: document.documentElement.scrollWidth, \
             wide: Array.from(document.querySelectorAll('main *')).filter(e => e.getBoundingClientRect().right > innerWidth + 0.5).slice(0, 3).map(e => e.tagName + ' ' + e.textContent.trim().slice(0, 40)), \
             cut: Array.from(document.querySelectorAll('a[href^=\"tel:\"]')).filter(a => a.offsetParent !== null && (a.getClientRects().length !== 1 || a.getBoundingClientRect().right > innerWidth || a.getBoundingClientRect().left < 0)).map(a => a.textContent) })",
        );
        let found: Value = serde_json::from_str(found.as_str().unwrap()).unwrap();
        let width = found["width"].as_u64().unwrap();
        if width > WIDTH {
            problems.push(format!("{page} is {width} px wide; too wide: {}", found["wide"]));
        }
        if found["cut"].as_array().is_some_and(|c| !c.is_empty()) {
            problems.push(format!(
                "{page}: phone numbers cut or broken over lines: {}",
                found["cut"]
            ));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_home_page_puts_the_people_to_call_first_as_tap_to_call_links() {
    let (_dir, site) = build_example();
    let Some(mut tab) = phone(&site, "index.html") else {
        return;
    };
    let top = tab.eval(
        "(function () { var a = document.querySelector('a[href^=\"tel:\"]'); return a ? a.getBoundingClientRect().top + scrollY : null; })()",
    );
    let top = top.as_f64().expect("the home page has a tel: link");
    assert!(
        top < HEIGHT as f64,
        "the first phone number is {top} px down, below the first screen ({HEIGHT} px)"
    );
    // The start-here box itself has the Incident Commander's number, before its first step.
    let first = tab.eval(
        "(function () { var box = document.querySelector('.start-here'); var tel = box.querySelector('a[href^=\"tel:\"]'); var step = box.querySelector('ol'); \
         return { tel: tel && tel.getAttribute('href'), line: tel && tel.closest('li').textContent, before: !!tel && !!step && !!(tel.compareDocumentPosition(step) & Node.DOCUMENT_POSITION_FOLLOWING) }; })()",
    );
    assert!(
        first["tel"].as_str().is_some_and(|t| t.starts_with("tel:+45")),
        "{first}"
    );
    assert!(
        first["line"]
            .as_str()
            .is_some_and(|l| l.contains("Incident Commander")),
        "the first number in the start-here box is the Incident Commander's: {first}"
    );
    assert_eq!(first["before"], json!(true), "{first}");
}

#[test]
fn dark_mode_on_screen_and_black_on_white_on_paper() {
    let (_dir, site) = build_example();
    let Some(mut tab) = phone(&site, "plans/recovery.html") else {
        return;
    };
    let colours = |tab: &mut Browser| -> Value {
        tab.eval(&format!(
            "(function () {{ {COLOUR} var s = getComputedStyle(document.body); \
             return {{ background: lum(s.backgroundColor), ink: lum(s.color), contrast: contrast(s.backgroundColor, s.color) }}; }})()"
        ))
    };
    let light = colours(&mut tab);
    assert!(light["background"].as_f64().unwrap() > 0.9, "{light}");
    tab.call(
        "Emulation.setEmulatedMedia",
        json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }),
        true,
    );
    let dark = colours(&mut tab);
    assert!(
        dark["background"].as_f64().unwrap() < 0.05,
        "a dark background under prefers-color-scheme: dark: {dark}"
    );
    assert!(dark["contrast"].as_f64().unwrap() >= 7.0, "{dark}");
    tab.call(
        "Emulation.setEmulatedMedia",
        json!({ "media": "print", "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }),
        true,
    );
    let paper = tab.eval(
        "(function () { var s = getComputedStyle(document.body); var link = getComputedStyle(document.querySelector('main a')); return [s.backgroundColor, s.color, link.color]; })()",
    );
    assert_eq!(
        paper,
        json!(["rgb(255, 255, 255)", "rgb(0, 0, 0)", "rgb(0, 0, 0)"]),
        "print stays black on white in dark mode"
    );
}

#[test]
fn clearing_all_ticks_asks_first_and_can_be_undone() {
    let (_dir, site) = build_example();
    let Some(mut tab) = phone(&site, "plans/recovery.html") else {
        return;
    };
    let ticked = "Array.from(document.querySelectorAll('.checklist input[type=checkbox][data-step]')).filter(b => b.checked).length";
    tab.eval(
        "Array.from(document.querySelectorAll('.checklist input[type=checkbox][data-step]')).slice(0, 3).forEach(b => b.click())",
    );
    assert_eq!(tab.eval(ticked), json!(3));
    // "No": nothing is cleared. The question is in the page's own words.
    tab.eval(
        "window.asked = []; window.confirm = function (q) { asked.push(q); return false; }; document.querySelector('button.reset').click()",
    );
    assert_eq!(tab.eval(ticked), json!(3), "a cancelled clear keeps the ticks");
    let words = tab.eval("[asked[0], document.querySelector('button.reset').textContent]");
    let question = words[0].as_str().expect("confirm() was asked");
    assert!(
        question.contains(words[1].as_str().unwrap()),
        "the question `{question}` uses the button's words"
    );
    // "Yes": cleared, also after a reload; then undo brings the three back.
    tab.eval("window.confirm = function () { return true; }; document.querySelector('button.reset').click()");
    assert_eq!(tab.eval(ticked), json!(0));
    assert_eq!(
        tab.eval("!document.querySelector('button.undo').hidden"),
        json!(true),
        "an undo button is offered"
    );
    tab.eval("document.querySelector('button.undo').click()");
    assert_eq!(tab.eval(ticked), json!(3), "undo puts the ticks back");
    go(&mut tab, &url(&site, "plans/recovery.html"));
    assert_eq!(
        tab.eval(ticked),
        json!(3),
        "the restored ticks are kept in the browser"
    );
}

#[test]
fn the_focus_outline_has_at_least_3_to_1_contrast_in_light_and_dark() {
    let (_dir, site) = build_example();
    let Some(mut tab) = phone(&site, "index.html") else {
        return;
    };
    let measure = format!(
        "(function () {{ {COLOUR} var out = []; ['main a', '.site-header nav a'].forEach(function (sel) {{ \
         var a = document.querySelector(sel); a.focus(); var s = getComputedStyle(a); \
         var ground = getComputedStyle(sel === 'main a' ? document.body : document.querySelector('.site-header')).backgroundColor; \
         out.push({{ sel: sel, style: s.outlineStyle, width: parseFloat(s.outlineWidth), contrast: contrast(s.outlineColor, ground) }}); }}); return out; }})()"
    );
    for scheme in ["light", "dark"] {
        tab.call(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
            true,
        );
        for ring in tab.eval(&measure).as_array().unwrap() {
            assert_eq!(ring["style"], "solid", "{scheme}: {ring}");
            assert!(ring["width"].as_f64().unwrap() >= 2.0, "{scheme}: {ring}");
            assert!(
                ring["contrast"].as_f64().unwrap() >= 3.0,
                "{scheme}: the focus outline needs 3:1: {ring}"
            );
        }
    }
}

#[test]
fn every_page_links_a_favicon_that_the_build_writes() {
    let (_dir, site) = build_example();
    let mut pages = Vec::new();
    collect_html(&site, &mut pages);
    assert!(pages.len() > 20);
    for page in pages {
        if page.ends_with("handbook-offline.html") {
            continue;
        }
        let html = std::fs::read_to_string(&page).unwrap();
        let at = html
            .find("<link rel=\"icon\" href=\"")
            .unwrap_or_else(|| panic!("{} links no favicon", page.display()));
        let href = &html[at + 23..];
        let href = &href[..href.find('"').unwrap()];
        let icon = page.parent().unwrap().join(href);
        assert!(icon.is_file(), "{}: {href} is not in the site", page.display());
        assert!(href.ends_with(".svg"));
    }
    let Some(mut tab) = phone(&site, "index.html") else {
        return;
    };
    // The icon is an image the browser can draw.
    let loaded = tab.call(
        "Runtime.evaluate",
        json!({
            "expression": "new Promise(function (done) { var i = new Image(); i.onload = function () { done(i.naturalWidth > 0); }; i.onerror = function () { done(false); }; i.src = document.querySelector('link[rel=icon]').href; })",
            "returnByValue": true,
            "awaitPromise": true,
        }),
        true,
    );
    assert_eq!(loaded["result"]["value"], json!(true), "{loaded}");
}

fn collect_html(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_html(&path, out);
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
}

#[test]
fn a_search_box_in_every_header_leads_to_the_search_page_and_slash_focuses_it() {
    let (_dir, site) = build_example();
    let Some(mut tab) = phone(&site, PAGES[0]) else {
        return;
    };
    for page in PAGES {
        go(&mut tab, &url(&site, page));
        // A plain GET form (works with JavaScript off) whose action is the search page.
        let form = tab.eval(
            "(function () { var f = document.querySelector('.site-header form[role=search]'); return f && [f.method, new URL(f.action).pathname.split('/').pop(), f.querySelector('input[type=search]').name]; })()",
        );
        assert_eq!(form, json!(["get", "search.html", "q"]), "{page}");
    }
    go(&mut tab, &url(&site, "index.html"));
    for kind in ["keyDown", "keyUp"] {
        tab.call(
            "Input.dispatchKeyEvent",
            json!({ "type": kind, "key": "/", "code": "Slash", "text": "/", "windowsVirtualKeyCode": 191 }),
            true,
        );
    }
    assert_eq!(
        tab.eval("[document.activeElement.id, document.activeElement.value]"),
        json!(["site-q", ""]),
        "`/` focuses the header's search box and is not typed into it"
    );
    tab.eval(
        "document.getElementById('site-q').value = 'ransomware'; document.querySelector('.site-header form[role=search]').requestSubmit()",
    );
    tab.wait_until("location.pathname.endsWith('/search.html') && location.search === '?q=ransomware' && document.readyState === 'complete'");
    tab.wait_until("document.querySelectorAll('#search-results li').length > 0");
    assert_eq!(
        tab.eval("document.getElementById('q').value"),
        json!("ransomware")
    );
    // Each hit shows the words around the match, the match marked.
    let marks = tab.eval(
        "Array.from(document.querySelectorAll('#search-results li')).map(li => (li.querySelector('.snippet mark') || {}).textContent || '')",
    );
    assert!(
        marks
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m.as_str().unwrap().eq_ignore_ascii_case("ransomware")),
        "a snippet marks the word: {marks}"
    );
    // Folded letters are marked as written: "kjaergaard" finds and marks "Kjærgaard".
    tab.eval(
        "var q = document.getElementById('q'); q.value = 'kjaergaard'; q.dispatchEvent(new Event('input'))",
    );
    let marked = tab.eval(
        "Array.from(document.querySelectorAll('#search-results .snippet mark')).map(m => m.textContent)",
    );
    assert!(
        marked.as_array().unwrap().iter().any(|m| m == "Kjærgaard"),
        "{marked}"
    );
}
