//! Incident mode in a real browser: headless Chromium runs `assets/incident.js` under the
//! pages' Content-Security-Policy on the example handbook (timezone Europe/Copenhagen) opened
//! from disk. Without Chromium each test says that it was skipped; `IRBOOK_REQUIRE_BROWSER=1`
//! makes that a failure.

mod common;

use std::path::{Path, PathBuf};

use common::browser::Browser;
use serde_json::{Value, json};

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

fn url(site: &Path, page: &str, fragment: &str) -> String {
    format!("file://{}{fragment}", site.join(page).display())
}

/// The texts of the elements `selector` finds.
fn texts(tab: &mut Browser, selector: &str) -> Vec<String> {
    let found = tab.eval(&format!(
        "Array.from(document.querySelectorAll({})).map(e => e.textContent.trim())",
        json!(selector)
    ));
    serde_json::from_value(found).unwrap()
}

/// The shown clock of each step, by its number.
fn clocks(tab: &mut Browser) -> Vec<(String, String)> {
    let found = tab.eval(
        "Array.from(document.querySelectorAll('.checklist tr[id^=step-]')).map(r => \
         [r.querySelector('.num').textContent, (r.querySelector('.incident-by') || {}).textContent || ''])",
    );
    serde_json::from_value(found).unwrap()
}

fn clock_of(clocks: &[(String, String)], number: &str) -> String {
    clocks
        .iter()
        .find(|(n, _)| n == number)
        .unwrap_or_else(|| panic!("step {number} in {clocks:?}"))
        .1
        .clone()
}

/// Evaluates `expression`, awaiting it when it is a promise.
fn eval_async(tab: &mut Browser, expression: &str) -> Value {
    let result = tab.call(
        "Runtime.evaluate",
        json!({ "expression": expression, "returnByValue": true, "awaitPromise": true }),
        true,
    );
    result["result"]["value"].clone()
}

/// Milliseconds since 1970 of a UTC time, for a page's `Date.now`.
fn utc_ms(text: &str) -> i64 {
    let at: jiff::Timestamp = text.parse().unwrap();
    at.as_millisecond()
}

/// Watches for Content-Security-Policy violations from the page's start.
const CSP_WATCH: &str = "window.irbookViolations = window.irbookViolations || []; \
    document.addEventListener('securitypolicyviolation', e => window.irbookViolations.push(e.violatedDirective));";

#[test]
fn steps_show_clock_times_in_the_handbooks_timezone_from_the_link() {
    let (_dir, site) = build_example();
    let Some(mut tab) = Browser::open(&url(&site, "plans/recovery.html", "#detected=2026-11-25T09:40"))
    else {
        return;
    };
    tab.eval(CSP_WATCH);
    tab.wait_until("document.querySelector('.incident-clock')");
    assert_eq!(
        tab.eval("document.getElementById('incident-detected').value"),
        "2026-11-25T09:40"
    );
    let shown = clocks(&mut tab);
    // 1.1 within 1h, 1.3 within 2h, 3.2 within 24h: the day is shown, it is not today.
    assert_eq!(clock_of(&shown, "1.1"), "by 25 Nov 10:40");
    assert_eq!(clock_of(&shown, "1.3"), "by 25 Nov 11:40");
    assert_eq!(clock_of(&shown, "3.2"), "by 26 Nov 09:40");
    // Two months later every step with a deadline is overdue (the last is due a calendar month
    // after detection), said in words, not only colour.
    tab.eval(&format!(
        "Date.now = () => {}; document.getElementById('incident-detected').dispatchEvent(new Event('change'));",
        utc_ms("2027-01-25T09:00:00Z")
    ));
    let overdue = tab.eval("document.querySelectorAll('.checklist tr.overdue').length");
    let with_clock = tab.eval("document.querySelectorAll('.checklist tr[data-within]').length");
    assert_eq!(overdue, with_clock);
    assert!(overdue.as_u64().unwrap() >= 8, "{overdue}");
    assert_eq!(
        texts(&mut tab, "#step-1-1 .incident-overdue"),
        ["overdue"],
        "the overdue step says so"
    );
    // The next due step is at the top: the first unticked one.
    assert_eq!(
        texts(&mut tab, ".incident-next"),
        [
            "Next due: 1.1 Confirm the scope of the incident and the affected systems · by 25 Nov 10:40 · overdue"
        ]
    );
    assert_eq!(tab.eval("window.irbookViolations.length"), 0, "no CSP violation");

    // Across the change to summer time (28 March 2027, 02:00): 24h later is 21:00, not 20:00.
    tab.eval("location.hash = 'detected=2027-03-27T20:00'");
    tab.wait_until("document.getElementById('incident-detected').value === '2027-03-27T20:00'");
    let shown = clocks(&mut tab);
    assert_eq!(clock_of(&shown, "1.1"), "by 27 Mar 21:00");
    assert_eq!(clock_of(&shown, "3.2"), "by 28 Mar 21:00");
    assert_eq!(
        tab.eval("document.querySelectorAll('.checklist tr.overdue').length"),
        0,
        "nothing is overdue before it is due"
    );
}

#[test]
fn ticks_record_their_time_and_the_log_exports_as_csv() {
    let (_dir, site) = build_example();
    let Some(mut tab) = Browser::open(&url(&site, "plans/recovery.html", "#detected=2026-11-25T09:40"))
    else {
        return;
    };
    tab.wait_until("document.querySelector('.incident-clock')");
    // The initials are asked once and kept in the browser; the clock is the test's.
    tick_two_steps(&mut tab);
    assert_eq!(
        texts(&mut tab, "#step-1-2 .incident-done"),
        ["done 10:05 · MJ"],
        "the page's clock says it is that day: no date"
    );
    // At 11:45 the 2-hour steps are overdue; the ticked 1-hour steps are not.
    tab.eval(&format!(
        "Date.now = () => {}; document.getElementById('incident-detected').dispatchEvent(new Event('change'));",
        utc_ms("2026-11-25T10:45:00Z")
    ));
    assert_eq!(
        tab.eval("Array.from(document.querySelectorAll('.checklist tr.overdue')).map(r => r.id)"),
        json!(["step-1-3", "step-2-1"])
    );
    assert!(texts(&mut tab, ".incident-next")[0].starts_with("Next due: 1.3 "));

    let csv = exported_csv(&mut tab);
    let href = tab.eval("document.querySelector('a.incident-csv').href");
    assert!(href.as_str().unwrap().starts_with("blob:"), "{href}");
    assert_eq!(
        tab.eval("document.querySelector('a.incident-csv').download"),
        "incident-log-recovery-2026-11-25T0940.csv"
    );
    assert_eq!(csv, TWO_TICKS_CSV);
    // The printable incident log carries the same entries.
    let log = texts(&mut tab, "#incident-log-print tbody tr:nth-child(-n+3)");
    assert_eq!(
        log,
        [
            "Wed, 25 Nov 202609:40Start: detected at",
            "Wed, 25 Nov 202610:05Incident Commander1.2 Inform key staff and managementMJ",
            "Wed, 25 Nov 202610:20Technical Lead1.1 Confirm the scope of the incident and the affected systemsMJ",
        ]
    );

    // Kept in the browser: a reload without the link shows the same incident.
    tab.eval("location.href = location.pathname");
    tab.wait_until("document.querySelector('.incident-done') && !location.hash");
    assert_eq!(
        tab.eval("document.getElementById('incident-detected').value"),
        "2026-11-25T09:40"
    );
    assert_eq!(texts(&mut tab, ".incident-done").len(), 2);

    // Ending the incident asks first; then ticks and times are gone.
    tab.eval("window.confirm = () => false; document.querySelector('.incident-end').click()");
    assert_eq!(
        texts(&mut tab, ".incident-done").len(),
        2,
        "not ended without a yes"
    );
    tab.eval("window.confirm = () => true; document.querySelector('.incident-end').click()");
    assert_eq!(texts(&mut tab, ".incident-done").len(), 0);
    assert_eq!(
        tab.eval("document.querySelectorAll('.checklist input:checked').length"),
        0
    );
    assert_eq!(
        tab.eval("Object.keys(localStorage).filter(k => k.startsWith('irbook:incident:')).length"),
        0
    );
}

/// The log of the recovery plan detected at 09:40 with 1.2 ticked at 10:05 and 1.1 at 10:20,
/// both by MJ.
const TWO_TICKS_CSV: &str = "\u{feff}#,Action,Responsible,Due,Done at (Europe/Copenhagen),Initials\r\n\
     ,Start: detected at,,,2026-11-25 09:40,\r\n\
     1.2,Inform key staff and management,Incident Commander,2026-11-25 10:40,2026-11-25 10:05,MJ\r\n\
     1.1,Confirm the scope of the incident and the affected systems,Technical Lead,2026-11-25 10:40,2026-11-25 10:20,MJ\r\n";

/// The CSV that "Export log" offers now. The page's CSP (connect-src 'none') keeps even the
/// page from fetching its blob: URL, so the Blob is caught on its way to the link.
fn exported_csv(tab: &mut Browser) -> String {
    tab.eval(
        "if (!window.irbookBlobWatch) { const made = URL.createObjectURL; window.irbookBlobWatch = true; \
         URL.createObjectURL = b => { window.irbookBlob = b; return made.call(URL, b); }; } \
         window.irbookBlob = null; document.querySelector('.incident-export').click()",
    );
    let csv = eval_async(
        tab,
        "window.irbookBlob.arrayBuffer().then(b => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b))",
    );
    csv.as_str().expect("a CSV").to_string()
}

/// Ticks 1.2 at 10:05 and 1.1 at 10:20 (Copenhagen) as MJ: the log of [`TWO_TICKS_CSV`].
fn tick_two_steps(tab: &mut Browser) {
    tab.eval(
        "{ const i = document.getElementById('incident-initials'); i.value = 'MJ'; \
         i.dispatchEvent(new Event('change')); }",
    );
    for (step, at) in [("1-2", "2026-11-25T09:05:00Z"), ("1-1", "2026-11-25T09:20:00Z")] {
        tab.eval(&format!(
            "Date.now = () => {}; document.getElementById('check-step-{step}').click();",
            utc_ms(at)
        ));
    }
}

#[test]
fn clearing_the_ticks_or_ending_the_incident_is_undone_with_the_original_times() {
    let (_dir, site) = build_example();
    let Some(mut tab) = Browser::open(&url(&site, "plans/recovery.html", "#detected=2026-11-25T09:40"))
    else {
        return;
    };
    tab.wait_until("document.querySelector('.incident-clock')");
    tick_two_steps(&mut tab);
    assert_eq!(exported_csv(&mut tab), TWO_TICKS_CSV);
    // An hour later someone else holds the phone: the undo must not take their time or initials.
    tab.eval(&format!(
        "Date.now = () => {}; {{ const i = document.getElementById('incident-initials'); i.value = 'ZZ'; \
         i.dispatchEvent(new Event('change')); }}",
        utc_ms("2026-11-25T10:30:00Z")
    ));
    let done = "Array.from(document.querySelectorAll('.incident-done')).map(e => e.textContent)";
    let originals = json!(["done 10:20 · MJ", "done 10:05 · MJ"]);
    assert_eq!(tab.eval(done), originals);

    // "Clear all ticks", then its undo.
    tab.eval("window.confirm = () => true; document.querySelector('.checklist button.reset').click()");
    assert_eq!(tab.eval(done), json!([]));
    assert!(!exported_csv(&mut tab).contains("1.1,"));
    tab.eval("document.querySelector('.checklist button.undo').click()");
    assert_eq!(
        tab.eval(done),
        originals,
        "the ticks come back with their own times"
    );
    assert_eq!(exported_csv(&mut tab), TWO_TICKS_CSV);

    // "End incident", then its undo: the detection time comes back too.
    tab.eval("window.confirm = () => true; document.querySelector('.incident-end').click()");
    assert_eq!(tab.eval(done), json!([]));
    assert_eq!(
        tab.eval("[document.activeElement.className, document.activeElement.textContent]"),
        json!(["incident-undo", "Undo"]),
        "the undo is offered and has the focus"
    );
    tab.eval("document.querySelector('.incident-undo').click()");
    assert_eq!(tab.eval(done), originals);
    assert_eq!(
        tab.eval("[document.getElementById('incident-detected').value, document.querySelector('.incident-undo').hidden]"),
        json!(["2026-11-25T09:40", true])
    );
    assert_eq!(exported_csv(&mut tab), TWO_TICKS_CSV);

    // What the undo put back is kept in the browser. (The address has no hash since the end:
    // the old page is told from the new one by a mark on its window.)
    tab.eval("window.irbookOldPage = true; location.href = location.pathname");
    tab.wait_until(
        "!window.irbookOldPage && document.readyState === 'complete' && document.querySelectorAll('.incident-done').length === 2",
    );
    assert_eq!(exported_csv(&mut tab), TWO_TICKS_CSV);
    assert_eq!(
        tab.eval("document.getElementById('incident-initials').value"),
        "ZZ"
    );
    // A box ticked by hand after a clear gets the time it was ticked.
    tab.eval("window.confirm = () => true; document.querySelector('.checklist button.reset').click()");
    tab.eval(&format!(
        "Date.now = () => {}; document.getElementById('check-step-1-1').click()",
        utc_ms("2026-11-25T10:30:00Z")
    ));
    assert_eq!(tab.eval(done), json!(["done 11:30 · ZZ"]));
}

#[test]
fn obligation_deadlines_follow_the_after_chain_across_a_month_end() {
    let (_dir, site) = build_example();
    for page in ["obligations.html", "contacts.html"] {
        let Some(mut tab) = Browser::open(&url(&site, page, "")) else {
            return;
        };
        tab.eval(CSP_WATCH);
        tab.wait_until("document.getElementById('aware-at')");
        tab.eval(
            "const a = document.getElementById('aware-at'); a.value = '2027-01-31T09:00'; \
             a.dispatchEvent(new Event('change'));",
        );
        let deadline = |tab: &mut Browser, id: &str| {
            texts(tab, &format!("#obligation-{id} .deadline-clock .incident-by"))
        };
        assert_eq!(
            deadline(&mut tab, "nis2-early-warning"),
            ["by Mon, 1 Feb 2027 09:00"],
            "{page}"
        );
        assert_eq!(
            deadline(&mut tab, "nis2-notification"),
            ["by Wed, 3 Feb 2027 09:00"],
            "{page}"
        );
        // One calendar month after the notification's 72 hours.
        assert_eq!(
            deadline(&mut tab, "nis2-final-report"),
            ["by Wed, 3 Mar 2027 09:00"],
            "{page}"
        );
        assert_eq!(
            deadline(&mut tab, "gdpr-authority"),
            ["by Wed, 3 Feb 2027 09:00"],
            "{page}"
        );
        // "without undue delay" has no clock.
        assert!(deadline(&mut tab, "gdpr-data-subjects").is_empty(), "{page}");
        assert_eq!(
            tab.eval("window.irbookViolations.length"),
            0,
            "{page}: no CSP violation"
        );
    }
}

#[test]
fn a_readiness_plan_shows_no_clock() {
    let (_dir, site) = build_example();
    let Some(mut tab) = Browser::open(&url(&site, "plans/readiness.html", "#detected=2026-11-25T09:40"))
    else {
        return;
    };
    tab.wait_until("document.querySelector('.checklist .js-only:not([hidden])')");
    assert_eq!(
        tab.eval(
            "document.querySelectorAll('.incident-panel, .incident-clock, tr.overdue, #incident-detected, script[src$=\"incident.js\"]').length"
        ),
        0
    );
}

/// `IRBOOK_SCREENSHOTS=docs/screenshots cargo test --test incident_mode` writes
/// `incident-mode.png`: the recovery plan on a 390 px wide phone, an hour into an incident.
#[test]
fn a_phone_sized_screenshot_of_incident_mode() {
    let Some(dir) = std::env::var_os("IRBOOK_SCREENSHOTS") else {
        return;
    };
    let (_dir, site) = build_example();
    let Some(mut tab) = Browser::open(&url(&site, "plans/recovery.html", "#detected=2026-11-25T09:40"))
    else {
        return;
    };
    tab.call(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 390, "height": 1400, "deviceScaleFactor": 1, "mobile": true }),
        true,
    );
    tab.wait_until("document.querySelector('.incident-clock')");
    tab.eval(
        "const i = document.getElementById('incident-initials'); i.value = 'MJ'; \
         i.dispatchEvent(new Event('change'));",
    );
    for (step, at) in [("1-1", "2026-11-25T09:05:00Z"), ("1-2", "2026-11-25T09:20:00Z")] {
        tab.eval(&format!(
            "Date.now = () => {}; document.getElementById('check-step-{step}').click();",
            utc_ms(at)
        ));
    }
    tab.eval(&format!(
        "Date.now = () => {}; document.getElementById('incident-detected').dispatchEvent(new Event('change')); \
         window.scrollTo(0, document.querySelector('.incident-panel').offsetTop - 8);",
        utc_ms("2026-11-25T10:50:00Z")
    ));
    std::fs::write(Path::new(&dir).join("incident-mode.png"), tab.screenshot()).unwrap();
}

/// The example handbook in Danish: its `handbook.yaml` and `content/`, with `language: da`.
fn build_danish() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let yaml = std::fs::read_to_string(root.join("handbook.yaml")).unwrap();
    std::fs::write(
        dir.path().join("handbook.yaml"),
        yaml.replacen("language: en", "language: da", 1),
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

#[test]
fn the_clocks_speak_the_handbooks_language() {
    let (_dir, site) = build_danish();
    let Some(mut tab) = Browser::open(&url(&site, "plans/recovery.html", "#detected=2026-11-25T09:40"))
    else {
        return;
    };
    tab.wait_until("document.querySelector('.incident-clock')");
    assert_eq!(clock_of(&clocks(&mut tab), "1.3"), "senest 25. nov. 11.40");
    assert_eq!(
        texts(
            &mut tab,
            ".incident-panel label, .incident-panel button, .incident-panel a.incident-csv, #step-1-1 .incident-overdue"
        ),
        [
            "Start: opdaget",
            "Dine initialer (valgfrit, gemmes i denne browser)",
            "Eksportér log",
            "Afslut hændelse",
            "Fortryd",
            "Hent som CSV",
            "Udskriv hændelsesloggen",
            "overskredet",
        ]
    );
}
