//! `calendar.ics`: the events of a built handbook read back as RFC 5545 says (lines unfolded,
//! text unescaped), and the shape of the file itself (CRLF, folded lines, one UID per event).

mod common;

use std::collections::BTreeMap;

use common::{Fixture, build};

/// One VEVENT: its properties by name (parameters kept, e.g. `DTSTART;VALUE=DATE`).
type Event = BTreeMap<String, String>;

/// The file as written, checked for CRLF line ends and 75-octet lines, then parsed.
fn calendar(f: &Fixture) -> (Vec<String>, Vec<Event>) {
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let text = std::fs::read_to_string(f.path("site/calendar.ics")).unwrap();
    assert!(text.ends_with("\r\n"), "the last line ends with CRLF");
    for line in text.split("\r\n") {
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "a bare line break in {line:?}"
        );
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
    }
    let unfolded = text.replace("\r\n ", "");
    let mut head = Vec::new();
    let mut events = Vec::new();
    let mut event: Option<Event> = None;
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        match line {
            "BEGIN:VEVENT" => event = Some(Event::new()),
            "END:VEVENT" => events.push(event.take().expect("an event was open")),
            _ => match &mut event {
                Some(event) => {
                    let (name, value) = line.split_once(':').expect("name:value");
                    assert!(
                        event.insert(name.into(), unescape(value)).is_none(),
                        "{name} twice"
                    );
                }
                None => head.push(line.to_string()),
            },
        }
    }
    (head, events)
}

/// A TEXT value as RFC 5545 3.3.11 escapes it.
fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(c @ ('\\' | ';' | ',')) => out.push(c),
            other => panic!("bad escape \\{other:?} in {value:?}"),
        }
    }
    out
}

/// (UID, DTSTART, SUMMARY, DESCRIPTION) of each event, in file order.
fn summary(events: &[Event]) -> Vec<(String, String, String, String)> {
    events
        .iter()
        .map(|e| {
            (
                e["UID"].clone(),
                e["DTSTART;VALUE=DATE"].clone(),
                e["SUMMARY"].clone(),
                e["DESCRIPTION"].clone(),
            )
        })
        .collect()
}

fn row(uid: &str, date: &str, summary: &str, page: &str) -> (String, String, String, String) {
    (uid.into(), date.into(), summary.into(), page.into())
}

#[test]
fn every_due_date_is_an_all_day_event() {
    let f = Fixture::new();
    f.edit(
        "content/suppliers/host.yaml",
        "last_reviewed:",
        "  - name: \"SOC 2; Type II, audited\"\n    expires: 2027-12-01\nlast_reviewed:",
    );
    let title = "About the handbook, its owners; and a title long enough to be folded æøå";
    f.edit(
        "content/pages/about.md",
        "title: About\n",
        &format!("title: \"{title}\"\nlast_reviewed: 2026-03-15\nexercised: 2026-02-10\n"),
    );
    let (head, events) = calendar(&f);
    assert_eq!(
        head,
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//irbook//irbook//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:Test Handbook",
            "END:VCALENDAR",
        ]
    );
    assert_eq!(
        summary(&events),
        [
            row(
                "exercise-page-about@irbook",
                "20270210",
                &format!("Exercise due: {title}"),
                "pages/about.html"
            ),
            row(
                "review-page-about@irbook",
                "20270315",
                &format!("Review due: {title}"),
                "pages/about.html"
            ),
            row(
                "exercise-plan-recovery@irbook",
                "20270601",
                "Exercise due: Recovery",
                "plans/recovery.html"
            ),
            row(
                "review-supplier-host@irbook",
                "20271001",
                "Review due: Host A/S",
                "suppliers/host.html"
            ),
            row(
                "certification-supplier-host-soc-2-type-ii-audited@irbook",
                "20271201",
                "SOC 2; Type II, audited expires: Host A/S",
                "suppliers/host.html"
            ),
            row(
                "contract-supplier-host@irbook",
                "20280101",
                "Contract expires: Host A/S",
                "suppliers/host.html"
            ),
            row(
                "certification-supplier-host-isoiec-27001@irbook",
                "20280301",
                "ISO/IEC 27001 expires: Host A/S",
                "suppliers/host.html"
            ),
        ]
    );
    for event in &events {
        // The build's "today", so that two builds of the same day are the same bytes.
        assert_eq!(event["DTSTAMP"], "20261123T000000Z");
        assert_eq!(event["TRANSP"], "TRANSPARENT");
    }
    let raw = std::fs::read_to_string(f.path("site/calendar.ics")).unwrap();
    assert!(raw.contains("SUMMARY:SOC 2\\; Type II\\, audited expires: Host A/S\r\n"));
}

#[test]
fn a_month_after_the_31st_is_the_months_last_day() {
    let f = Fixture::new();
    f.edit(
        "handbook.yaml",
        "timezone: Europe/Copenhagen\n",
        "timezone: Europe/Copenhagen\nlanguage: da\nreview_every: 1mo\nbase_url: https://intra.example/ir/\n",
    );
    f.edit(
        "content/pages/about.md",
        "title: About\n",
        "title: About\nlast_reviewed: 2026-01-31\n",
    );
    let (_, events) = calendar(&f);
    let about = events
        .iter()
        .find(|e| e["UID"] == "review-page-about@irbook")
        .expect("the page's review is in the calendar");
    assert_eq!(about["DTSTART;VALUE=DATE"], "20260228");
    assert_eq!(about["SUMMARY"], "Skal gennemgås: About");
    // base_url is only for canonical links of pages (FORMAT.md 2): no URL here.
    assert!(!about.contains_key("URL"));
    let host = events
        .iter()
        .find(|e| e["UID"] == "review-supplier-host@irbook")
        .unwrap();
    assert_eq!(host["DTSTART;VALUE=DATE"], "20261101");
}

#[test]
fn the_home_page_links_the_calendar() {
    let f = Fixture::new();
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let home = std::fs::read_to_string(f.path("site/index.html")).unwrap();
    assert!(home.contains("<a href=\"calendar.ics\">Review and expiry dates as a calendar</a>"));
}
