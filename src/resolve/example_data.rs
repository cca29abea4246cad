//! Example data: what `irbook init` wrote that is invented (people, phone numbers, e-mail and
//! web addresses, contract numbers) gets one warning per value, "still the example's ...:
//! replace it", for as long as it is unchanged; `check --strict` fails on them.
//!
//! The files carry no marker; a value is the example's when it is
//! - a phone number in a range no subscriber has: a 0 right after the country code of Denmark
//!   (`+45 0...`) or Germany (`+49 0...`), the UK's numbers for drama (Ofcom: `+44 20 7946 0xxx`,
//!   `+44 1632 960xxx`, `+44 7700 900xxx`) or North America's `555-01xx`;
//! - an e-mail or web address whose host is under the top-level domain `.example` or is
//!   example.com, example.net or example.org or under them (RFC 2606, RFC 6761);
//! - the name of a role's person, the name of a supplier's or party's contact, a supplier's
//!   contract reference or the organisation's name, equal to the value of the same field in an
//!   embedded example (`crate::example::EXAMPLES`, every language's) where that person or
//!   contact goes with an invented phone number or address (written out in
//!   `example_values.rs`, which a test keeps equal to the examples).
//!
//! Addresses are found by their type, not by field: the loader records every phone number,
//! e-mail and web address it reads (`Record::reach`), and every Markdown text is searched for
//! them too. The fields walked here by hand only give the help its words ("the phone number of
//! Anne Kjærgaard, Incident Commander").

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use rayon::prelude::*;

use super::Checker;
use super::links::place_in_file;
use crate::diag::Diagnostic;
use crate::model::{Email, Handbook, Phone, ReachKind, Spanned};
use crate::source::{FileId, Sources, Span};

/// Whether a phone number, as [`Phone::dial`] gives it, is in a range kept for examples.
pub fn example_phone(dial: &str) -> bool {
    /// After the country code: +45 and +49 never dial a 0 there; the UK's drama numbers.
    const RANGES: [&str; 5] = ["450", "490", "442079460", "441632960", "447700900"];
    let Some(number) = dial.strip_prefix('+').or_else(|| dial.strip_prefix("00")) else {
        return false;
    };
    let fictional_nanp = number.len() == 11 && number.starts_with('1') && &number[4..9] == "55501";
    number.len() >= 8 && (fictional_nanp || RANGES.iter().any(|r| number.starts_with(r)))
}

/// Whether a host name is reserved for examples: `.example`, or example.com/.net/.org.
pub fn example_host(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    ["example", "example.com", "example.net", "example.org"]
        .iter()
        .any(|domain| host == *domain || host.strip_suffix(domain).is_some_and(|rest| rest.ends_with('.')))
}

/// Whether an address of `kind`, as written, is the example's. One that is not valid is not:
/// its error says what to do.
fn is_example(kind: ReachKind, text: &str) -> bool {
    let text = text.trim();
    match kind {
        ReachKind::Phone => {
            let phone = Phone::from(text);
            phone.problem().is_none() && example_phone(&phone.dial())
        }
        ReachKind::Email => {
            Email::from(text).problem().is_none()
                && text.rsplit_once('@').is_some_and(|(_, host)| example_host(host))
        }
        ReachKind::Url => {
            let rest = text.split_once("://").map_or(text, |(_, rest)| rest);
            let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
            let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
            example_host(host.split(':').next().unwrap_or_default())
        }
    }
}

/// The word the warning uses for an address of `kind`.
fn noun(kind: ReachKind) -> &'static str {
    match kind {
        ReachKind::Phone => "phone number",
        ReachKind::Email => "e-mail address",
        ReachKind::Url => "web address",
    }
}

/// The invented values of the embedded examples, by the field they stand in.
#[derive(Debug, Default)]
struct Known {
    organizations: HashSet<String>,
    people: HashSet<String>,
    contacts: HashSet<String>,
    contracts: HashSet<String>,
}

/// Made from [`example_values`], the examples' values written out: reading them from the
/// examples' YAML each run took 3 ms, the largest part of checking a small handbook.
static KNOWN: LazyLock<Known> = LazyLock::new(|| {
    let set = |values: &[&str]| values.iter().map(|v| v.to_string()).collect();
    Known {
        organizations: set(example_values::ORGANIZATIONS),
        people: set(example_values::PEOPLE),
        contacts: set(example_values::CONTACTS),
        contracts: set(example_values::CONTRACTS),
    }
});

pub(super) fn check(c: &mut Checker, handbook: &Handbook) {
    check_against(c, handbook, &KNOWN);
}

/// What to put in place of each address, by its file and first byte, where the field says.
type Helps = HashMap<(FileId, usize), String>;

fn check_against(c: &mut Checker, handbook: &Handbook, known: &Known) {
    let mut helps = Helps::new();
    let mut found = Vec::new();
    let mut name =
        |file: FileId, value: &Spanned<String>, set: &HashSet<String>, noun: &str, help: String| {
            if set.contains(value.trim()) {
                found.push(Diagnostic::example_data(noun, help).at(file, value.span.clone()));
            }
        };
    if let Some(main) = handbook.main.as_ref().filter(|m| m.complete) {
        let file = main.file;
        let help = "your organisation's name".to_string();
        name(
            file,
            &main.organization,
            &known.organizations,
            "organisation",
            help,
        );
        for role in main.roles.iter() {
            for (i, person) in role.people.iter().enumerate() {
                let help = match i {
                    0 => format!("the name of your {}", role.name),
                    _ => format!("the name of a deputy {}", role.name),
                };
                name(file, &person.name, &known.people, "person", help);
                let whose = format!("{}, {}", person.name.value, role.name);
                reach_helps(
                    &mut helps,
                    file,
                    person.phone.as_ref(),
                    person.email.as_ref(),
                    &whose,
                );
            }
        }
        for obligation in &main.obligations {
            let Some(contact) = &obligation.contact else {
                continue;
            };
            let to = &obligation.to;
            let mut help = |span: Option<&Span>, text: String| {
                if let Some(span) = span {
                    helps.insert((file, span.start), text);
                }
            };
            let phone = contact.phone.as_ref().map(|p| &p.span);
            help(phone, format!("the phone number where {to} takes the report"));
            let email = contact.email.as_ref().map(|e| &e.span);
            help(email, format!("the e-mail address where {to} takes the report"));
            let url = contact.url.as_ref().map(|u| &u.span);
            help(url, format!("the address of the report form of {to}"));
        }
        if let Some(base) = &main.base_url {
            let help = "the address the handbook is published at, or remove `base_url`".to_string();
            helps.insert((file, base.span.start), help);
        }
    }
    let suppliers = handbook
        .suppliers
        .iter()
        .map(|s| (s.file, s.complete, &s.name, &s.contacts));
    let parties = handbook
        .parties
        .iter()
        .map(|p| (p.file, p.complete, &p.name, &p.contacts));
    for (file, _, owner, contacts) in suppliers.chain(parties).filter(|(_, complete, ..)| *complete) {
        for contact in contacts.iter() {
            let help = format!("the name of the person or desk you call at {owner}");
            name(file, &contact.name, &known.contacts, "contact", help);
            let whose = format!("{} at {owner}", contact.name.value);
            reach_helps(
                &mut helps,
                file,
                contact.phone.as_ref(),
                contact.email.as_ref(),
                &whose,
            );
        }
    }
    for supplier in handbook.suppliers.iter().filter(|s| s.complete) {
        if let Some(reference) = supplier.contract.as_ref().and_then(|k| k.reference.as_ref()) {
            let help = format!("the number of your contract with {}", supplier.name);
            name(
                supplier.file,
                reference,
                &known.contracts,
                "contract reference",
                help,
            );
        }
    }
    let complete: HashSet<FileId> = handbook
        .files()
        .iter()
        .filter(|f| f.complete)
        .map(|f| f.file)
        .collect();
    for record in handbook.files().into_iter().filter(|f| f.complete) {
        for reach in record.reach.iter().filter(|r| is_example(r.kind, &r.text)) {
            let help = helps
                .remove(&(record.file, reach.span.start))
                .unwrap_or_else(|| match reach.kind {
                    ReachKind::Phone => "a phone number of your own".into(),
                    ReachKind::Email => "an e-mail address of your own".into(),
                    ReachKind::Url => "a web address of your own".into(),
                });
            found.push(Diagnostic::example_data(noun(reach.kind), help).at(record.file, reach.span.clone()));
        }
    }
    let texts: Vec<_> = handbook
        .markdown_texts()
        .into_iter()
        .filter(|(file, ..)| complete.contains(file))
        .collect();
    let sources = c.sources;
    let in_texts: Vec<Vec<Diagnostic>> = texts
        .par_iter()
        .map(|(file, text, _)| in_markdown(sources, *file, text))
        .collect();
    found.extend(in_texts.into_iter().flatten());
    for diagnostic in found {
        c.push(diagnostic);
    }
}

/// Re-checks the bodies of the documents read from `files` (only their text changed).
pub(super) fn check_bodies(c: &mut Checker, handbook: &Handbook, files: &HashSet<FileId>) {
    let texts = handbook.markdown_texts().into_iter();
    let bodies = texts.filter(|(file, _, own)| own.is_some() && files.contains(file));
    let found: Vec<Diagnostic> = bodies
        .flat_map(|(file, text, _)| in_markdown(c.sources, file, text))
        .collect();
    for diagnostic in found {
        c.push(diagnostic);
    }
}

fn reach_helps(
    helps: &mut Helps,
    file: FileId,
    phone: Option<&Spanned<Phone>>,
    email: Option<&Spanned<Email>>,
    whose: &str,
) {
    if let Some(phone) = phone {
        helps.insert((file, phone.span.start), format!("the phone number of {whose}"));
    }
    if let Some(email) = email {
        helps.insert((file, email.span.start), format!("the e-mail address of {whose}"));
    }
}

/// The example's addresses and phone numbers in a Markdown text, placed in its file.
fn in_markdown(sources: &Sources, file: FileId, text: &crate::model::Text) -> Vec<Diagnostic> {
    let source = &sources.get(file).text;
    let help = |kind| match kind {
        ReachKind::Phone => "a phone number of your own, or none in this text",
        ReachKind::Email => "an e-mail address of your own, or none in this text",
        ReachKind::Url => "a web address of your own, or none in this text",
    };
    in_text(&text.text)
        .into_iter()
        .map(|(kind, range)| {
            Diagnostic::example_data(noun(kind), help(kind)).at(file, place_in_file(source, text, &range))
        })
        .collect()
}

/// The addresses and phone numbers in a text that are the example's, with their bytes.
fn in_text(text: &str) -> Vec<(ReachKind, Range<usize>)> {
    let mut found = Vec::new();
    let delimiter = |c: char| c.is_whitespace() || "<>()[]{}\"`*|,".contains(c);
    // Only a word with an `@` or a `:` (`mailto:`, `://`) can be an address: the words are
    // found around those bytes instead of splitting the whole text.
    let mut done = 0;
    for hit in memchr::memchr2_iter(b'@', b':', text.as_bytes()) {
        if hit < done {
            continue;
        }
        let start = text[..hit]
            .char_indices()
            .rev()
            .find(|(_, c)| delimiter(*c))
            .map_or(0, |(at, c)| at + c.len_utf8());
        let end = text[hit..]
            .char_indices()
            .find(|(_, c)| delimiter(*c))
            .map_or(text.len(), |(at, _)| hit + at);
        done = end;
        // A word, without the punctuation of the sentence around it.
        const PUNCTUATION: [char; 6] = ['.', ';', ':', '!', '?', '\''];
        let word = &text[start..end];
        let at = start + word.len() - word.trim_start_matches(PUNCTUATION).len();
        let word = word.trim_matches(PUNCTUATION);
        let (kind, word, at) = match word.strip_prefix("mailto:") {
            Some(address) => (ReachKind::Email, address, at + "mailto:".len()),
            // Not `contains("://")`, which makes a searcher for each word.
            None if word.as_bytes().windows(3).any(|w| w == b"://") => (ReachKind::Url, word, at),
            None if word.contains('@') => (ReachKind::Email, word, at),
            None => continue,
        };
        if is_example(kind, word) {
            found.push((kind, at..at + word.len()));
        }
    }
    found.extend(phones_in(text));
    found.sort_by_key(|(_, range)| range.start);
    found
}

/// Phone numbers written `+45 01 40 11 01` in running text that are the example's.
fn phones_in(text: &str) -> Vec<(ReachKind, Range<usize>)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(plus) = memchr::memchr(b'+', &bytes[i..]) {
        i += plus;
        let starts = bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric());
        if !starts {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < bytes.len() && (bytes[end].is_ascii_digit() || b" ()-./".contains(&bytes[end])) {
            end += 1;
        }
        while !bytes[end - 1].is_ascii_digit() {
            end -= 1;
        }
        if is_example(ReachKind::Phone, &text[i..end]) {
            found.push((ReachKind::Phone, i..end));
        }
        i = end;
    }
    found
}

#[rustfmt::skip]
#[path = "example_values.rs"]
mod example_values;

#[cfg(test)]
#[path = "example_data_tests.rs"]
mod tests;
