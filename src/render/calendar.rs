//! `calendar.ics`: the handbook's due dates as an iCalendar file (RFC 5545) that a calendar app
//! can subscribe to: reviews due, contracts and certificates expiring, exercises due. One
//! all-day event per date, with a UID that stays the same from build to build.

use super::context::Ctx;
use super::vcard::{escape, fold_into};
use super::{OutputFile, bytes};
use crate::markdown::slugify;
use crate::model::{Date, Duration, Kind, Spanned};

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Event {
    uid: String,
    date: jiff::civil::Date,
    summary: String,
    /// The page it concerns, relative to the site root.
    page: String,
}

pub const PATH: &str = "calendar.ics";

pub fn file(ctx: &Ctx) -> OutputFile {
    bytes(PATH.into(), text(ctx).into_bytes())
}

fn text(ctx: &Ctx) -> String {
    let mut events = events(ctx);
    events.sort_by(|a, b| (a.date, &a.uid).cmp(&(b.date, &b.uid)));
    let stamp = format!("DTSTAMP:{}T000000Z", compact(ctx.today.0));
    // A large handbook has tens of thousands of events: each line is folded straight into the
    // file's text, not kept as a line of its own first.
    let mut out = String::with_capacity(256 * (events.len() + 1));
    let mut line = |text: &str| {
        fold_into(&mut out, text);
        out.push_str("\r\n");
    };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//irbook//irbook//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!("X-WR-CALNAME:{}", escape(&ctx.main.title)));
    for event in events {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", escape(&event.uid)));
        line(&stamp);
        line(&format!("DTSTART;VALUE=DATE:{}", compact(event.date)));
        line(&format!("SUMMARY:{}", escape(&event.summary)));
        line(&format!("DESCRIPTION:{}", escape(&event.page)));
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// `YYYYMMDD`, the form of an iCalendar DATE.
fn compact(date: jiff::civil::Date) -> String {
    match date.year() {
        // What `strftime("%Y%m%d")` writes, without its parsing of the format each time.
        0..=9999 => format!("{:04}{:02}{:02}", date.year(), date.month(), date.day()),
        _ => date.strftime("%Y%m%d").to_string(),
    }
}

fn events(ctx: &Ctx) -> Vec<Event> {
    let handbook = ctx.handbook;
    let main = &ctx.main.value;
    let mut out = Vec::new();
    let mut due =
        |what: &str, kind: Kind, id: &str, name: &str, date: Option<&Spanned<Date>>, every: Duration| {
            let Some(date) = date.and_then(|d| every.after_date(d.value.0)) else {
                return;
            };
            let template = ctx.t(if what == "review" {
                "calendar_review"
            } else {
                "calendar_exercise"
            });
            out.push(Event {
                uid: format!("{what}-{}-{id}@irbook", kind.name()),
                date,
                summary: template.replace("{name}", name),
                page: kind.target(id).0,
            });
        };
    let review = main.review_every;
    let exercise = main.exercise_every;
    for s in &handbook.suppliers {
        due(
            "review",
            Kind::Supplier,
            s.id.as_str(),
            &s.name,
            s.last_reviewed.as_ref(),
            review,
        );
    }
    for p in &handbook.parties {
        due(
            "review",
            Kind::Party,
            p.id.as_str(),
            &p.name,
            p.last_reviewed.as_ref(),
            review,
        );
    }
    for p in &handbook.plans {
        due(
            "review",
            Kind::Plan,
            p.id.as_str(),
            &p.title,
            p.last_reviewed.as_ref(),
            review,
        );
        due(
            "exercise",
            Kind::Plan,
            p.id.as_str(),
            &p.title,
            p.exercised.as_ref(),
            exercise,
        );
    }
    for (kind, docs) in [
        (Kind::Playbook, &handbook.playbooks),
        (Kind::Page, &handbook.pages),
    ] {
        for d in docs {
            let front = &d.front;
            due(
                "review",
                kind,
                d.id.as_str(),
                &front.title,
                front.last_reviewed.as_ref(),
                review,
            );
            due(
                "exercise",
                kind,
                d.id.as_str(),
                &front.title,
                front.exercised.as_ref(),
                exercise,
            );
        }
    }
    for s in &handbook.suppliers {
        let page = Kind::Supplier.target(s.id.as_str()).0;
        if let Some(expires) = s.contract.as_ref().and_then(|k| k.expires.as_ref()) {
            out.push(Event {
                uid: format!("contract-supplier-{}@irbook", s.id),
                date: expires.value.0,
                summary: ctx.t("calendar_contract").replace("{name}", &s.name),
                page: page.clone(),
            });
        }
        let mut seen: Vec<String> = Vec::new();
        for cert in &s.certifications {
            let Some(expires) = &cert.expires else {
                continue;
            };
            let mut slug = Some(slugify(&cert.name))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "certification".into());
            let repeats = seen.iter().filter(|s| **s == slug).count();
            seen.push(slug.clone());
            if repeats > 0 {
                slug = format!("{slug}-{}", repeats + 1);
            }
            out.push(Event {
                uid: format!("certification-supplier-{}-{slug}@irbook", s.id),
                date: expires.value.0,
                summary: ctx
                    .t("calendar_certification")
                    .replace("{certification}", &cert.name)
                    .replace("{name}", &s.name),
                page: page.clone(),
            });
        }
    }
    out
}
