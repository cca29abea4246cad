//! Accessibility in a real browser: headless Chromium shows every kind of page of the example
//! handbook, in English and in Danish, at a 390 px phone viewport and at a desktop width, in
//! light and in dark mode, and axe-core (`tools/a11y`, installed by `.ci/run` with
//! `npm ci --prefix tools/a11y`) checks each against the WCAG 2.x A and AA rules and its best
//! practices. Without Chromium or axe-core each test says that it was skipped;
//! `IRBOOK_REQUIRE_BROWSER=1` makes that a failure.

mod common;

use std::path::{Path, PathBuf};

use common::browser::Browser;
use serde_json::{Value, json};

/// Every kind of page, and what to do on it first so that what a reader sees during an
/// incident is checked too (clocks running, steps ticked, a search typed).
const PAGES: &[(&str, Prepare)] = &[
    ("index.html", Prepare::Nothing),
    ("contacts.html", Prepare::AwareAt),
    ("obligations.html", Prepare::AwareAt),
    ("suppliers.html", Prepare::Nothing),
    ("suppliers/nordhost.html", Prepare::Nothing),
    ("parties.html", Prepare::Nothing),
    ("parties/police.html", Prepare::Nothing),
    ("plans/recovery.html#detected=2026-11-25T09:40", Prepare::Incident),
    ("plans/recovery.html#detected=2026-11-25T09:40", Prepare::Cleared),
    ("plans/recovery.html#detected=2026-11-25T09:40", Prepare::Ended),
    ("plans/recovery.html", Prepare::NoScript),
    ("plans/readiness.html", Prepare::Nothing),
    ("playbooks/ransomware-hosting.html", Prepare::Nothing),
    ("pages/about.html", Prepare::Nothing),
    ("roles.html", Prepare::Nothing),
    ("messages.html", Prepare::Nothing),
    ("communication.html", Prepare::Nothing),
    ("systems.html", Prepare::Nothing),
    ("forms/lessons-learned.html", Prepare::Nothing),
    ("forms/incident-log.html", Prepare::Nothing),
    ("forms/chain-of-custody.html", Prepare::Nothing),
    ("search.html", Prepare::Search),
    ("search.html", Prepare::NoScript),
    ("print.html", Prepare::Nothing),
    ("handbook-offline.html", Prepare::Nothing),
    ("404.html", Prepare::Nothing),
];

#[derive(Clone, Copy, Debug)]
enum Prepare {
    Nothing,
    /// "Aware at" set: every deadline shows its clock, the past ones overdue.
    AwareAt,
    /// Incident mode with a detection time: clocks, overdue steps, two ticked with their
    /// times, the export area open.
    Incident,
    /// "Clear all ticks" answered with yes: its undo button is offered.
    Cleared,
    /// "End incident" answered with yes: its undo button is offered and has the focus.
    Ended,
    /// A word typed into the search box: results with marked snippets.
    Search,
    /// With JavaScript off (the theme's scripts not loaded): what the page is without them.
    NoScript,
}

/// (name, width, height, mobile)
const VIEWPORTS: &[(&str, u64, u64, bool)] = &[("phone", 390, 844, true), ("desktop", 1280, 900, false)];

const SCHEMES: &[&str] = &["light", "dark"];

/// The rules axe-core runs: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best
/// practices (landmarks, heading order, one main, ...), which Lighthouse checks as well.
const TAGS: &[&str] = &[
    "wcag2a",
    "wcag2aa",
    "wcag21a",
    "wcag21aa",
    "wcag22aa",
    "best-practice",
];

#[test]
fn every_kind_of_page_has_no_axe_violations_in_english() {
    check_language("en");
}

#[test]
fn every_kind_of_page_has_no_axe_violations_in_danish() {
    check_language("da");
}

fn check_language(language: &str) {
    let Some(axe) = axe_source() else {
        return;
    };
    let (_dir, site) = build_example(language);
    let Some(mut tab) = Browser::open("about:blank") else {
        return;
    };
    // Each violation once, with the widths and schemes it was found in.
    let mut problems: Vec<(String, Vec<String>)> = Vec::new();
    let mut checked = 0;
    for &(page, prepare) in PAGES {
        for &(viewport, width, height, mobile) in VIEWPORTS {
            tab.call(
                "Emulation.setDeviceMetricsOverride",
                json!({ "width": width, "height": height, "deviceScaleFactor": if mobile { 2 } else { 1 }, "mobile": mobile }),
                true,
            );
            // Loaded afresh for each width: a page lays itself out for the screen it opens on.
            open(&mut tab, &site, page, prepare);
            tab.eval(&axe);
            for &scheme in SCHEMES {
                tab.call(
                    "Emulation.setEmulatedMedia",
                    json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
                    true,
                );
                for violation in run_axe(&mut tab) {
                    let violation = format!("{language} {page} ({prepare:?}): {violation}");
                    let seen = format!("{viewport} {scheme}");
                    match problems.iter_mut().find(|(v, _)| *v == violation) {
                        Some((_, found)) => found.push(seen),
                        None => problems.push((violation, vec![seen])),
                    }
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, PAGES.len() * VIEWPORTS.len() * SCHEMES.len());
    // A colour gone wrong fails on every page: the first hundred say enough.
    let report: Vec<String> = problems
        .iter()
        .take(100)
        .map(|(violation, seen)| format!("{violation}\n    (in {})", seen.join(", ")))
        .collect();
    assert!(
        problems.is_empty(),
        "{} axe-core violations (each with the widths and schemes it is in):\n{}{}",
        problems.len(),
        report.join("\n"),
        if problems.len() > report.len() {
            "\n..."
        } else {
            ""
        }
    );
}

/// axe-core's script, or `None` (after saying so) where it is not installed.
fn axe_source() -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/a11y/node_modules/axe-core/axe.min.js");
    match std::fs::read_to_string(&path) {
        Ok(source) => Some(source),
        Err(_) => {
            common::print::skipped(&format!(
                "the accessibility test needs axe-core at {} (npm ci --prefix tools/a11y)",
                path.display()
            ));
            None
        }
    }
}

/// The example handbook built in `language` (its `handbook.yaml` with `language:` changed).
fn build_example(language: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let yaml = std::fs::read_to_string(root.join("handbook.yaml")).unwrap();
    assert!(yaml.contains("language: en"));
    std::fs::write(
        dir.path().join("handbook.yaml"),
        yaml.replacen("language: en", &format!("language: {language}"), 1),
    )
    .unwrap();
    let status = std::process::Command::new("cp")
        .arg("-r")
        .arg(root.join("content"))
        .arg(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    let site = dir.path().join("site");
    let (code, stderr) = common::build(dir.path(), &["--out", site.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    (dir, site)
}

/// Opens `page` of `site` in `tab`, waits for it and its scripts, and prepares it.
fn open(tab: &mut Browser, site: &Path, page: &str, prepare: Prepare) {
    let (path, fragment) = page.split_once('#').map_or((page, ""), |(p, f)| (p, f));
    let url = format!("file://{}", site.join(path).display());
    let target = if fragment.is_empty() {
        url
    } else {
        format!("{url}#{fragment}")
    };
    let loaded = format!(
        "location.href === {} && document.readyState === 'complete' && !window.irbookSeen",
        json!(target)
    );
    let blocked = if matches!(prepare, Prepare::NoScript) {
        json!(["*.js"])
    } else {
        json!([])
    };
    tab.call("Network.enable", json!({}), true);
    tab.call("Network.setBlockedURLs", json!({ "urls": blocked }), true);
    tab.call("Page.navigate", json!({ "url": "about:blank" }), true);
    tab.wait_until("location.href === 'about:blank'");
    tab.call("Page.navigate", json!({ "url": target }), true);
    tab.wait_until(&loaded);
    // A fresh start: nothing that a previous page kept in the browser.
    tab.eval("localStorage.clear(); window.irbookSeen = true;");
    tab.call("Page.reload", json!({}), true);
    tab.wait_until(&loaded);
    let tick_two = "{ const i = document.getElementById('incident-initials'); i.value = 'MJ'; \
         i.dispatchEvent(new Event('change')); \
         document.getElementById('check-step-1-1').click(); \
         document.getElementById('check-step-1-2').click(); \
         window.confirm = () => true; }";
    match prepare {
        Prepare::Nothing => {}
        Prepare::NoScript => {
            assert_eq!(
                tab.eval("typeof window.irbookClock"),
                "undefined",
                "{page}: scripts ran"
            );
        }
        Prepare::AwareAt => {
            tab.wait_until("document.getElementById('aware-at')");
            tab.eval(
                "{ const a = document.getElementById('aware-at'); a.value = '2026-11-25T09:40'; \
                 a.dispatchEvent(new Event('change')); }",
            );
            tab.wait_until("document.querySelector('.deadline-clock')");
        }
        Prepare::Incident => {
            tab.wait_until("document.querySelector('.incident-clock')");
            tab.eval(tick_two);
            tab.eval("document.querySelector('.incident-export').click()");
            tab.wait_until("document.querySelectorAll('.incident-done').length === 2");
        }
        Prepare::Cleared => {
            tab.wait_until("document.querySelector('.incident-clock')");
            tab.eval(tick_two);
            tab.eval("document.querySelector('.checklist button.reset').click()");
            tab.wait_until("!document.querySelector('.checklist button.undo').hidden");
        }
        Prepare::Ended => {
            tab.wait_until("document.querySelector('.incident-clock')");
            tab.eval(tick_two);
            tab.eval("document.querySelector('.incident-end').click()");
            tab.wait_until("document.activeElement === document.querySelector('.incident-undo')");
        }
        Prepare::Search => {
            tab.wait_until("document.getElementById('q')");
            tab.eval(
                "{ const q = document.getElementById('q'); q.focus(); q.value = 'ransomware'; \
                 q.dispatchEvent(new Event('input')); }",
            );
            tab.wait_until("document.querySelector('#search-results .snippet mark')");
        }
    }
}

/// Runs axe-core on the page in `tab`; one line per violation and element: the rule's id,
/// the element's selector and what is wrong.
fn run_axe(tab: &mut Browser) -> Vec<String> {
    let script = format!(
        "axe.run(document, {{ runOnly: {{ type: 'tag', values: {} }}, resultTypes: ['violations'] }})\
         .then(r => r.violations.flatMap(v => v.nodes.map(n => v.id + ' [' + v.impact + '] ' + n.target.join(' ') + ': ' + v.help + ' | ' + (n.failureSummary || '').replace(/\\s+/g, ' '))))",
        json!(TAGS)
    );
    let result = tab.call(
        "Runtime.evaluate",
        json!({ "expression": script, "returnByValue": true, "awaitPromise": true }),
        true,
    );
    let value: &Value = &result["result"]["value"];
    serde_json::from_value(value.clone())
        .unwrap_or_else(|_| panic!("axe.run gave no list of violations: {result}"))
}
