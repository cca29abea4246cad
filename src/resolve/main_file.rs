//! Checks of `handbook.yaml`: required lists, duplicate ids, people's contact details, the
//! roles severities notify, obligation chains and the timezone.

use std::collections::HashMap;

use super::Checker;
use crate::diag::Diagnostic;
use crate::model::{HandbookFile, Id, Kind, Person, Record, Spanned};
use crate::source::FileId;
use crate::suggest::did_you_mean;

pub(super) fn check(c: &mut Checker, main: &Record<HandbookFile>) {
    let file = main.file;
    if c.written_empty(file, &main.severities) {
        c.push(
            Diagnostic::error("at least one severity is required")
                .at(file, main.severities.span.clone())
                .help("list the severities most severe first, each with `id` and `name`"),
        );
    }
    if c.written_empty(file, &main.roles) {
        c.push(
            Diagnostic::error("at least one role is required")
                .at(file, main.roles.span.clone())
                .help("add a role with `id`, `name` and `people`"),
        );
    }
    duplicates(c, file, "severity", main.severities.iter().map(|s| &s.id));
    duplicates(c, file, "role", main.roles.iter().map(|r| &r.id));
    duplicates(c, file, "obligation", main.obligations.iter().map(|o| &o.id));
    duplicates(c, file, "message", main.messages.iter().map(|m| &m.id));
    for severity in main.severities.iter() {
        for role in &severity.notify {
            c.reference(Kind::Role, role, file);
        }
    }
    for role in main.roles.iter() {
        if c.written_empty(file, &role.people) {
            c.push(
                Diagnostic::error(format!("role `{}` has no people", role.id.value))
                    .at(file, role.people.span.clone())
                    .help("list at least one person; the first is the primary, the others deputies"),
            );
        }
        for person in role.people.iter() {
            reachable(c, file, person);
        }
    }
    for obligation in &main.obligations {
        if let Some(after) = &obligation.after {
            c.reference(Kind::Obligation, after, file);
        }
    }
    after_cycles(c, file, main);
    if let Some(tz) = &main.timezone {
        timezone(c, file, tz);
    }
    if let Some(base) = main.base_url.as_ref().filter(|b| !is_absolute_url(b)) {
        c.push(
            Diagnostic::error(format!(
                "`base_url` must be an absolute web address, not `{}`",
                &*base.value
            ))
            .at(file, base.span.clone())
            .help("write it with its scheme and host, e.g. `https://intranet.example/ir/`"),
        );
    }
}

fn reachable(c: &mut Checker, file: FileId, person: &Person) {
    if person.phone.is_none() && person.email.is_none() {
        c.push(
            Diagnostic::error(format!("`{}` has neither phone nor email", person.name.value))
                .at(file, person.name.span.clone())
                .help("add `phone:` (with +country code) or `email:`"),
        );
    }
}

/// Reports every id that repeats an earlier one of the same list.
pub(super) fn duplicates<'a>(
    c: &mut Checker,
    file: FileId,
    what: &str,
    ids: impl Iterator<Item = &'a Spanned<Id>>,
) {
    let mut first: HashMap<&str, usize> = HashMap::new();
    for id in ids {
        match first.get(id.as_str()) {
            Some(&start) => {
                let line = c.sources.get(file).position(start).line;
                c.push(
                    Diagnostic::error(format!("duplicate {what} id `{}`", id.value))
                        .at(file, id.span.clone())
                        .help(format!(
                            "the first `{}` is on line {line}; give each {what} its own id",
                            id.value
                        )),
                );
            }
            None => {
                first.insert(id.as_str(), id.span.start);
            }
        }
    }
}

/// `after` chains must end: a cycle would make a deadline that never starts.
fn after_cycles(c: &mut Checker, file: FileId, main: &HandbookFile) {
    let next: HashMap<&str, &str> = main
        .obligations
        .iter()
        .filter_map(|o| o.after.as_ref().map(|a| (o.id.as_str(), a.as_str())))
        .collect();
    let mut reported: Vec<&str> = Vec::new();
    for obligation in &main.obligations {
        let start = obligation.id.as_str();
        let mut chain = vec![start];
        let mut current = start;
        while let Some(&after) = next.get(current) {
            if after == start {
                if !chain.iter().any(|id| reported.contains(id)) {
                    reported.extend(&chain);
                    chain.push(start);
                    let span = obligation
                        .after
                        .as_ref()
                        .map(|a| a.span.clone())
                        .unwrap_or_default();
                    c.push(
                        Diagnostic::error(format!("`after` forms a cycle: {}", chain.join(" -> ")))
                            .at(file, span)
                            .help("one obligation of the chain must start its clock at an event, not after another report"),
                    );
                }
                break;
            }
            if chain.contains(&after) {
                break;
            }
            chain.push(after);
            current = after;
        }
    }
}

/// `https://host/...` or `http://host/...`: what a canonical link needs.
pub fn is_absolute_url(url: &str) -> bool {
    ["https://", "http://"].iter().any(|scheme| {
        url.strip_prefix(scheme)
            .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'))
    })
}

fn timezone(c: &mut Checker, file: FileId, tz: &Spanned<String>) {
    if jiff::tz::TimeZone::get(&tz.value).is_ok() {
        return;
    }
    let names: Vec<String> = jiff::tz::db().available().map(|n| n.to_string()).collect();
    let help = match did_you_mean(&tz.value, names.iter().map(String::as_str)) {
        Some(close) => format!("did you mean `{close}`?"),
        None => "use an IANA time zone name such as `Europe/Copenhagen` or `UTC`".into(),
    };
    c.push(
        Diagnostic::error(format!("unknown time zone `{}`", tz.value))
            .at(file, tz.span.clone())
            .help(help),
    );
}
