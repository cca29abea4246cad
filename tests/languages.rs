//! A handbook in Danish or German shows every date and duration the theme writes in that
//! language, dates in `<time datetime="YYYY-MM-DD">` for machines; search finds Danish and
//! German words whatever their case and diacritics (headless Chromium, skipped without it
//! unless `IRBOOK_REQUIRE_BROWSER=1`).

mod common;

use std::path::Path;

use common::browser::Browser;
use common::site::{page, select, texts};
use common::{Fixture, build};
use serde_json::json;

/// The test fixture in `language`, with a calendar deadline, an escalation time and a
/// recovery time besides its dates and step deadlines.
fn fixture(language: &str) -> Fixture {
    let f = Fixture::new();
    f.edit(
        "handbook.yaml",
        "title: Test Handbook\n",
        &format!("title: Test Handbook\nlanguage: {language}\n"),
    );
    f.edit("handbook.yaml", "    deadline: 30d\n", "    deadline: 1mo\n");
    f.edit(
        "handbook.yaml",
        "    name: Incident lead\n",
        "    name: Incident lead\n    escalate_after: 15m\n",
    );
    f.edit(
        "content/suppliers/host.yaml",
        "  notify_within: 24h\n",
        "  notify_within: 24h\n  rto: 4h\n",
    );
    f
}

fn built(f: &Fixture) -> std::path::PathBuf {
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
    f.path("site")
}

/// Every `<time>` of a page as (datetime, text).
fn times(site: &Path, rel: &str) -> Vec<(String, String)> {
    let html = page(site, rel);
    select(&html, "time")
        .iter()
        .map(|t| {
            let datetime = t.value().attr("datetime").expect("a datetime").to_string();
            (datetime, t.text().collect::<String>())
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

/// English words a date or duration could slip through in, matched as whole words and with
/// their case: German writes "1 Minute" and "15. August 2026", Danish "15. december 2026".
const ENGLISH: &[&str] = &[
    "hour", "hours", "minute", "minutes", "second", "seconds", "day", "days", "week", "weeks", "month",
    "months", "year", "years", "within", "Within", "after", "After", "January", "February", "March", "May",
    "June", "July", "October", "December",
];

fn no_english(texts: &[String]) {
    for text in texts {
        for word in ENGLISH {
            assert!(
                !text.split(|c: char| !c.is_alphabetic()).any(|w| w == *word),
                "English `{word}` in {text:?}"
            );
        }
        let iso = text.as_bytes().windows(10).any(|w| {
            w.iter().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    *b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            })
        });
        assert!(!iso, "an ISO date in {text:?}");
    }
}

/// What each language writes, as (selector on a page, exact texts).
struct Expected {
    plan_times: [(&'static str, &'static str); 2],
    due: [&'static str; 2],
    step_obligation: &'static str,
    supplier_times: [(&'static str, &'static str); 3],
    escalation: &'static str,
    notify_within: &'static str,
    rto: &'static str,
    supplier_step: &'static str,
    deadlines: [&'static str; 2],
    escalate_role: &'static str,
}

fn check(language: &str, want: &Expected) {
    let f = fixture(language);
    let site = built(&f);
    let built_on = ("2026-11-23", want.plan_times[1].1);

    let plan = page(&site, "plans/recovery.html");
    assert_eq!(times(&site, "plans/recovery.html"), pairs(&want.plan_times));
    let due = texts(&plan, "td.due");
    assert_eq!(due, want.due);
    let obligation = texts(&plan, ".step-obligation");
    assert_eq!(obligation, [want.step_obligation]);

    let supplier = page(&site, "suppliers/host.html");
    let mut expected = pairs(&want.supplier_times);
    expected.push((built_on.0.into(), built_on.1.into()));
    assert_eq!(times(&site, "suppliers/host.html"), expected);
    let escalation = texts(&supplier, "ol.timeline li > strong:first-child");
    assert_eq!(escalation, [want.escalation]);
    let facts = texts(&supplier, "#contract dd");
    assert_eq!(facts[..2], [want.notify_within, want.rto]);
    let steps = texts(&supplier, "#involved li .muted");
    assert_eq!(steps, [want.supplier_step]);

    let obligations = page(&site, "obligations.html");
    let deadlines = texts(&obligations, "dd > strong");
    assert_eq!(deadlines, want.deadlines);

    let contacts = page(&site, "contacts.html");
    let sheet_deadlines = texts(&contacts, "tr.obligation td > strong");
    assert_eq!(sheet_deadlines, want.deadlines);
    let escalate = texts(&contacts, ".escalate");
    assert_eq!(escalate, [want.escalate_role]);
    assert_eq!(times(&site, "contacts.html"), pairs(&[built_on]));

    let mut all: Vec<String> = [
        due,
        obligation,
        escalation,
        facts,
        steps,
        deadlines,
        sheet_deadlines,
        escalate,
    ]
    .concat();
    for rel in [
        "plans/recovery.html",
        "suppliers/host.html",
        "obligations.html",
        "contacts.html",
    ] {
        all.extend(times(&site, rel).into_iter().map(|(_, text)| text));
    }
    no_english(&all);

    // Machines keep ISO dates and the short syntax.
    let model: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("handbook.json")).unwrap()).unwrap();
    let text = model.to_string();
    assert!(text.contains("\"2028-01-01\""), "handbook.json keeps ISO dates");
    assert!(text.contains("\"1mo\""), "handbook.json keeps the short syntax");
}

#[test]
fn a_danish_handbook_writes_dates_and_durations_in_danish() {
    check(
        "da",
        &Expected {
            plan_times: [
                ("2026-06-01", "1. juni 2026"),
                ("2026-11-23", "23. november 2026"),
            ],
            due: ["+1 t", "+48 t"],
            step_obligation: "Tell the authority (Frist 72 timer fra kendskab)",
            supplier_times: [
                ("2026-10-01", "1. oktober 2026"),
                ("2028-01-01", "1. januar 2028"),
                ("2028-03-01", "1. marts 2028"),
            ],
            escalation: "Efter 30 minutter",
            notify_within: "24 timer",
            rto: "4 timer",
            supplier_step: "(Technical lead, inden for 1 time)",
            deadlines: ["72 timer", "1 måned"],
            escalate_role: "Intet svar inden for 15 minutter: ring til den næste",
        },
    );
}

#[test]
fn a_german_handbook_writes_dates_and_durations_in_german() {
    check(
        "de",
        &Expected {
            plan_times: [
                ("2026-06-01", "1. Juni 2026"),
                ("2026-11-23", "23. November 2026"),
            ],
            due: ["+1 Std.", "+48 Std."],
            step_obligation: "Tell the authority (Frist 72 Stunden ab Kenntnis)",
            supplier_times: [
                ("2026-10-01", "1. Oktober 2026"),
                ("2028-01-01", "1. Januar 2028"),
                ("2028-03-01", "1. März 2028"),
            ],
            escalation: "Nach 30 Minuten",
            notify_within: "24 Stunden",
            rto: "4 Stunden",
            supplier_step: "(Technical lead, innerhalb von 1 Stunde)",
            deadlines: ["72 Stunden", "1 Monat"],
            escalate_role: "Keine Antwort innerhalb von 15 Minuten: nächste Person anrufen",
        },
    );
}

#[test]
fn an_english_handbook_writes_durations_in_words_and_dates_day_month_year() {
    let f = fixture("en");
    let site = built(&f);
    assert_eq!(
        times(&site, "plans/recovery.html"),
        pairs(&[("2026-06-01", "1 June 2026"), ("2026-11-23", "23 November 2026")])
    );
    let plan = page(&site, "plans/recovery.html");
    assert_eq!(texts(&plan, "td.due"), ["+1h", "+48h"]);
    assert_eq!(
        texts(&plan, "table.steps thead th:nth-child(5)"),
        ["Due after detection"; 2],
        "in both phases, a step's due time says which clock it counts from"
    );
    assert_eq!(
        texts(&plan, ".step-obligation"),
        ["Tell the authority (Deadline 72 hours from awareness)"],
        "and so does the legal deadline beside it"
    );
    let supplier = page(&site, "suppliers/host.html");
    assert_eq!(
        texts(&supplier, "ol.timeline li > strong:first-child"),
        ["After 30 minutes"]
    );
    assert_eq!(
        texts(&supplier, "#involved li .muted"),
        ["(Technical lead, within 1 hour)"]
    );
    let obligations = page(&site, "obligations.html");
    assert_eq!(texts(&obligations, "dd > strong"), ["72 hours", "1 month"]);
}

/// Pages whose words are Danish and German, written in other cases and spellings.
fn searchable() -> Fixture {
    let f = Fixture::new();
    f.write(
        "content/pages/ovelse.md",
        "---\ntitle: Øvelse i beredskab\n---\nÜbung in der Hauptstraße.\n",
    );
    f.write(
        "content/pages/arlig.md",
        "---\ntitle: Årlig plan\n---\nÅRLIG ØVELSE, ÜBUNG am Bahnhof in der BAHNHOFSTRASSE.\n",
    );
    f.write(
        "content/pages/andet.md",
        "---\ntitle: Andet\n---\nIntet om det.\n",
    );
    f
}

#[test]
fn search_folds_case_and_diacritics() {
    let f = searchable();
    let site = built(&f);
    let url = format!("file://{}", site.join("search.html").display());
    let Some(mut tab) = Browser::open(&url) else {
        return;
    };
    let mut found = |query: &str| -> Vec<String> {
        let script = format!(
            "(() => {{ const q = document.getElementById('q'); q.value = {}; \
             q.dispatchEvent(new Event('input')); \
             return [...document.querySelectorAll('#search-results a')].map(a => a.textContent).sort(); }})()",
            json!(query)
        );
        let value = tab.eval(&script);
        serde_json::from_value(value).expect("a list of titles")
    };
    let both = ["Årlig plan", "Øvelse i beredskab"];
    for query in ["øvelse", "ØVELSE", "Øvelse", "ovelse"] {
        assert_eq!(found(query), both, "{query}");
    }
    for query in ["Übung", "übung", "ÜBUNG"] {
        assert_eq!(found(query), both, "{query}");
    }
    for query in ["Straße", "STRASSE", "strasse", "straße"] {
        assert_eq!(found(query), both, "{query}");
    }
    assert_eq!(found("årlig"), ["Årlig plan"]);
    assert_eq!(found("ÅRLIG"), ["Årlig plan"]);
    assert!(found("übungx").is_empty());
}
