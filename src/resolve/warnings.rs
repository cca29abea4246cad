//! What is allowed but risky: stale reviews (of suppliers and parties too), expired
//! certificates and contracts, critical suppliers nobody can reach at night, phones without a country code, steps due after their
//! legal deadline, month-long deadlines written in days, roles without a deputy.

use std::collections::HashMap;

use jiff::civil;
use jiff::tz::TimeZone;

use super::Checker;
use crate::diag::Diagnostic;
use crate::model::{Date, Duration, Handbook, HandbookFile, Phone, Record, Spanned, Supplier, Tier};
use crate::source::FileId;

pub(super) fn check(c: &mut Checker, handbook: &Handbook, today: Date) {
    let review_every = handbook
        .main
        .as_ref()
        .map_or(Duration::from_secs(365 * 86_400), |m| m.review_every);
    let stale = |date: &Spanned<Date>| date.value.older_than(review_every, today);
    for supplier in handbook.suppliers.iter().filter(|s| s.complete) {
        self::supplier(c, supplier, today);
    }
    // Suppliers and parties are reviewed with them: a record never reviewed is a warning too.
    let reviewed = handbook
        .suppliers
        .iter()
        .filter(|s| s.complete)
        .map(|s| ("supplier", s.id.as_str(), s.file, &s.last_reviewed))
        .chain(
            handbook
                .parties
                .iter()
                .filter(|p| p.complete)
                .map(|p| ("party", p.id.as_str(), p.file, &p.last_reviewed)),
        );
    for (kind, id, file, last_reviewed) in reviewed {
        match last_reviewed {
            None => c.push(
                Diagnostic::warning(format!("{kind} `{id}` has never been reviewed"))
                    .at(file, 0..0)
                    .help(format!(
                        "review the record with the {kind} and add `last_reviewed: YYYY-MM-DD`"
                    )),
            ),
            Some(date) if stale(date) => c.push(stale_warning(file, date, review_every)),
            Some(_) => {}
        }
    }
    for party in handbook.parties.iter().filter(|p| p.complete) {
        for phone in party.contacts.iter().filter_map(|k| k.phone.as_ref()) {
            phone_warning(c, party.file, phone);
        }
    }
    let plans = handbook
        .plans
        .iter()
        .filter(|p| p.complete)
        .map(|p| (p.file, &p.last_reviewed));
    let docs = handbook
        .playbooks
        .iter()
        .chain(&handbook.pages)
        .filter(|d| d.complete);
    let dated = plans.chain(docs.map(|d| (d.file, &d.front.last_reviewed)));
    for (file, date) in dated {
        if let Some(date) = date.as_ref().filter(|d| stale(d)) {
            c.push(stale_warning(file, date, review_every));
        }
    }
    if let Some(main) = handbook.main.as_ref().filter(|m| m.complete) {
        phones(c, main);
        deputies(c, main, handbook);
        deadlines(c, main, handbook);
        month_deadlines(c, main);
    }
}

fn stale_warning(file: FileId, date: &Spanned<Date>, review_every: Duration) -> Diagnostic {
    Diagnostic::warning(format!(
        "last reviewed {}, more than {review_every} ago",
        date.value
    ))
    .at(file, date.span.clone())
    .help("review it and update `last_reviewed` (the interval is `review_every` in handbook.yaml)")
}

fn supplier(c: &mut Checker, supplier: &Record<Supplier>, today: Date) {
    let file = supplier.file;
    for cert in &supplier.certifications {
        if let Some(expires) = cert.expires.as_ref().filter(|e| e.value < today) {
            c.push(
                Diagnostic::warning(format!(
                    "certification `{}` expired on {}",
                    cert.name, expires.value
                ))
                .at(file, expires.span.clone())
                .help("ask the supplier for the renewed certificate and update `expires`"),
            );
        }
    }
    let contract = supplier.contract.as_ref();
    if let Some(expires) = contract
        .and_then(|k| k.expires.as_ref())
        .filter(|e| e.value < today)
    {
        c.push(
            Diagnostic::warning(format!("the contract expired on {}", expires.value))
                .at(file, expires.span.clone())
                .help("check whether the contract was renewed and update `contract.expires`"),
        );
    }
    for contact in supplier.contacts.iter() {
        if let Some(phone) = &contact.phone {
            phone_warning(c, file, phone);
        }
    }
    if supplier.tier.value != Tier::Critical {
        return;
    }
    if !supplier
        .contacts
        .iter()
        .any(|k| k.hours.as_deref().is_some_and(|h| h.contains("24")))
    {
        c.push(
            Diagnostic::warning(format!(
                "critical supplier `{}` has no contact available 24/7",
                supplier.id
            ))
            .at(file, supplier.tier.span.clone())
            .help("add the supplier's 24/7 line with `hours: 24/7`"),
        );
    }
    if contract.and_then(|k| k.notify_within).is_none() {
        c.push(
            Diagnostic::warning(format!("critical supplier `{}` has no `contract.notify_within`", supplier.id))
                .at(file, supplier.tier.span.clone())
                .help("write down how fast the contract obliges them to tell you of an incident, e.g. `notify_within: 24h`"),
        );
    }
}

/// A number without a country code, other than a national short number (112, 114); one
/// without any number is an error of `reach.rs`.
fn phone_warning(c: &mut Checker, file: FileId, phone: &Spanned<Phone>) {
    if phone.problem().is_none() && !phone.trim_start().starts_with('+') && !phone.is_short() {
        c.push(
            Diagnostic::warning(format!("phone `{}` has no country code", phone.as_str()))
                .at(file, phone.span.clone())
                .help("write it with a leading + and country code, e.g. \"+45 70 00 00 01\", so it works from any phone"),
        );
    }
}

fn phones(c: &mut Checker, main: &Record<HandbookFile>) {
    let people = main
        .roles
        .iter()
        .flat_map(|r| r.people.iter())
        .filter_map(|p| p.phone.as_ref());
    let authorities = main
        .obligations
        .iter()
        .filter_map(|o| o.contact.as_ref()?.phone.as_ref());
    for phone in people.chain(authorities) {
        phone_warning(c, main.file, phone);
    }
}

/// A role responsible for a step needs a deputy: incidents happen on holidays and at night.
fn deputies(c: &mut Checker, main: &Record<HandbookFile>, handbook: &Handbook) {
    let mut first_step: HashMap<&str, String> = HashMap::new();
    for plan in &handbook.plans {
        for (p, phase) in plan.phases.iter().enumerate() {
            for (s, step) in phase.steps.iter().enumerate() {
                for role in step.responsible.iter() {
                    first_step
                        .entry(role.as_str())
                        .or_insert_with(|| format!("{} step {}.{}", plan.id, p + 1, s + 1));
                }
            }
        }
    }
    for role in main.roles.iter() {
        if let (Some(step), 1) = (first_step.get(role.id.as_str()), role.people.len()) {
            c.push(
                Diagnostic::warning(format!(
                    "role `{}` is responsible for steps ({step}, ...) but has no deputy",
                    role.id.value
                ))
                .at(main.file, role.id.span.clone())
                .help("add a second person to `people`: the first is the primary, the others deputies"),
            );
        }
    }
}

/// Detection times at which a step's `within` and its obligation's deadline are compared, so
/// that calendar months and years have a length: on 31 January 2027 a month is shortest (to 28
/// February, 28 days), on 1 July 2027 longest (to 1 August, 31 days); a year from the first is
/// 365 days, from the second 366 (it spans 29 February 2028). Midnight UTC, so that no change
/// to summer time enters.
const DETECTIONS: [civil::Date; 2] = [civil::date(2027, 1, 31), civil::date(2027, 7, 1)];

/// Whether a step due `within` after detection is later than the last deadline of `chain` (an
/// `after` chain, the first clock's deadline first) for a detection at either of
/// [`DETECTIONS`]. A deadline past the year 9999 is never missed, a step due then always late.
fn later_than(within: Duration, chain: &[Duration]) -> bool {
    DETECTIONS.iter().any(|date| {
        let Ok(detected) = date.to_zoned_datetime(TimeZone::UTC) else {
            return false;
        };
        let due = chain
            .iter()
            .try_fold(detected.clone(), |clock, d| d.after(&clock));
        due.is_some_and(|due| within.after(&detected).is_none_or(|done| done > due))
    })
}

/// A step tied to an obligation must be due no later than the obligation's deadline.
fn deadlines(c: &mut Checker, main: &HandbookFile, handbook: &Handbook) {
    for plan in &handbook.plans {
        for step in plan.phases.iter().flat_map(|ph| ph.steps.iter()) {
            let (Some(within), Some(obligation)) = (&step.within, &step.obligation) else {
                continue;
            };
            let Some(chain) = deadline_chain(main, obligation) else {
                continue;
            };
            if !later_than(within.value, &chain) {
                continue;
            }
            let deadline = chain.iter().fold(Duration::default(), |sum, &d| sum + d);
            let calendar = within.value.is_calendar() || deadline.is_calendar();
            let lengths = if calendar {
                " (a month counts 28 to 31 days, a year 365 or 366)"
            } else {
                ""
            };
            c.push(
                Diagnostic::warning(format!(
                    "step is due {} after detection, later than the {deadline} deadline of `{}`, whose clock can start at detection",
                    within.value, obligation.value
                ))
                .at(plan.file, within.span.clone())
                .help(format!(
                    "set `within` to {deadline} or less{lengths}: a step counts from detection, the deadline from awareness (`clock_starts`), which can come at the same moment"
                )),
            );
        }
    }
}

/// The deadlines along an `after` chain, the first clock's first: each clock starts when the
/// report before it is due. `None` when an obligation of the chain has no deadline.
fn deadline_chain(main: &HandbookFile, id: &str) -> Option<Vec<Duration>> {
    let mut chain = Vec::new();
    let mut current = id;
    for _ in 0..=main.obligations.len() {
        let obligation = main.obligations.iter().find(|o| o.id.as_str() == current)?;
        chain.push(obligation.deadline.as_ref()?.value);
        match &obligation.after {
            Some(after) => current = after.as_str(),
            None => {
                chain.reverse();
                return Some(chain);
            }
        }
    }
    None
}

/// Words that say "month" in the handbook's languages (case-insensitive).
const MONTH_WORDS: [&str; 3] = ["month", "måned", "monat"];

/// A deadline of 28 to 31 whole days for a duty its text calls a month: such a deadline is a
/// month only in some months, `1mo` in all of them.
fn month_deadlines(c: &mut Checker, main: &Record<HandbookFile>) {
    for obligation in &main.obligations {
        let Some(deadline) = &obligation.deadline else {
            continue;
        };
        if !deadline
            .value
            .whole_days()
            .is_some_and(|days| (28..=31).contains(&days))
        {
            continue;
        }
        let texts = [
            Some(obligation.name.as_str()),
            obligation.when.as_ref().map(|w| &*w.text),
            obligation.reference.as_deref(),
        ];
        let says_month = texts
            .into_iter()
            .flatten()
            .any(|text| MONTH_WORDS.iter().any(|w| text.to_lowercase().contains(w)));
        if says_month {
            c.push(
                Diagnostic::warning(format!(
                    "the deadline is {} but the text says a month: write `1mo`",
                    deadline.value
                ))
                .at(main.file, deadline.span.clone())
                .help(format!(
                    "`{}` is the same number of days in every month; `1mo` counts on the calendar \
                     (31 January + 1 month = 28 February, 31 March + 1 month = 30 April)",
                    deadline.value
                )),
            );
        }
    }
}
