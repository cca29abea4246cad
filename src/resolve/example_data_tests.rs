use super::*;
use crate::example::{EXAMPLES, Files};
use crate::load::{HANDBOOK_FILE, read_yaml};
use crate::model::{Contact, Email, HandbookFile, Kind, Language, Party, Phone, Spanned, Supplier};

/// The first lines of `example_values.rs`.
const EXAMPLE_VALUES_HEADER: &str = "\
//! The embedded examples' invented values, by field, as `Known::of(EXAMPLES)` reads them from
//! the examples' YAML: written out so that a run does not parse the examples (3 ms). Written
//! by the test `example_values_are_those_the_embedded_examples_have`; after changing an
//! example, run `IRBOOK_WRITE_EXAMPLE_VALUES=1 cargo test example_values` to write it again.
";

/// Whether a person or contact is invented: it has an invented phone number or address.
fn invented(phone: Option<&Spanned<Phone>>, email: Option<&Spanned<Email>>) -> bool {
    phone.is_some_and(|p| is_example(ReachKind::Phone, p.as_str()))
        || email.is_some_and(|e| is_example(ReachKind::Email, e))
}

impl Known {
    fn of(examples: &[(Language, Files)]) -> Known {
        let mut known = Known::default();
        let in_folder = |path: &str, kind: Kind| {
            kind.folder()
                .is_some_and(|(folder, _)| path.starts_with(&format!("content/{folder}/")))
        };
        for (path, bytes) in examples.iter().flat_map(|(_, files)| files.iter()) {
            let Ok(text) = std::str::from_utf8(bytes) else {
                continue;
            };
            if *path == HANDBOOK_FILE {
                if let Some(main) = read_yaml::<HandbookFile>(text) {
                    known.organizations.insert(main.organization.trim().to_string());
                    let people = main.roles.value.into_iter().flat_map(|r| r.people.value);
                    let people = people.filter(|p| invented(p.phone.as_ref(), p.email.as_ref()));
                    known.people.extend(people.map(|p| p.name.trim().to_string()));
                }
            } else if in_folder(path, Kind::Supplier) {
                if let Some(supplier) = read_yaml::<Supplier>(text) {
                    let reference = supplier.contract.and_then(|c| c.reference);
                    if known.add_contacts(supplier.contacts.value)
                        && let Some(reference) = reference
                    {
                        known.contracts.insert(reference.trim().to_string());
                    }
                }
            } else if in_folder(path, Kind::Party)
                && let Some(party) = read_yaml::<Party>(text)
            {
                known.add_contacts(party.contacts.value);
            }
        }
        known
    }

    /// The source of `example_values.rs` for these values.
    fn source(&self) -> String {
        let mut out = String::from(EXAMPLE_VALUES_HEADER);
        for (name, set) in [
            ("ORGANIZATIONS", &self.organizations),
            ("PEOPLE", &self.people),
            ("CONTACTS", &self.contacts),
            ("CONTRACTS", &self.contracts),
        ] {
            let mut values: Vec<&String> = set.iter().collect();
            values.sort();
            out.push_str(&format!("\npub(super) const {name}: &[&str] = &[\n"));
            for value in values {
                out.push_str(&format!("    {value:?},\n"));
            }
            out.push_str("];\n");
        }
        out
    }

    /// Adds the invented contacts' names; whether there was one.
    fn add_contacts(&mut self, contacts: Vec<Contact>) -> bool {
        let invented: Vec<Contact> = contacts
            .into_iter()
            .filter(|k| invented(k.phone.as_ref(), k.email.as_ref()))
            .collect();
        self.contacts
            .extend(invented.iter().map(|k| k.name.trim().to_string()));
        !invented.is_empty()
    }
}

#[test]
fn phones_in_ranges_no_subscriber_has() {
    for example in [
        "+45 01 40 11 01",
        "+45 00 00 00 33",
        "0045 01 40 11 01",
        "+49 0151 1234567",
        "+44 20 7946 0100",
        "+44 7700 900123",
        "+1 212 555 0142",
    ] {
        assert!(is_example(ReachKind::Phone, example), "{example}");
    }
    for real in [
        "+45 33 12 34 56",
        "+45 (0)70 12 34 56",
        "+49 30 1234567",
        "+44 20 7946 1000",
        "+1 212 555 1234",
        "01 40 11 01",
        "+45 0",
    ] {
        assert!(!is_example(ReachKind::Phone, real), "{real}");
    }
}

#[test]
fn addresses_under_domains_reserved_for_examples() {
    for example in [
        (ReachKind::Email, "akj@hjortkaer.example"),
        (ReachKind::Email, "a@EXAMPLE.COM"),
        (ReachKind::Email, "a@mail.example.org"),
        (ReachKind::Url, "https://intranet.hjortkaer.example/ir/"),
        (ReachKind::Url, "https://user@example.net:8443/x?y"),
        (ReachKind::Url, "datatilsynet.example/report"),
    ] {
        assert!(is_example(example.0, example.1), "{example:?}");
    }
    for real in [
        (ReachKind::Email, "akj@hjortkaer.dk"),
        (ReachKind::Email, "a@notexample.com"),
        (ReachKind::Email, "a@example.com.evil.dk"),
        (ReachKind::Email, "lh@host.example;x@evil.example"),
        (ReachKind::Url, "https://www.datatilsynet.dk/"),
        (ReachKind::Url, "https://example.dk/"),
    ] {
        assert!(!is_example(real.0, real.1), "{real:?}");
    }
}

/// What `in_text` finds in `text`, as the words found.
fn found_in(text: &str) -> Vec<(ReachKind, &str)> {
    in_text(text)
        .into_iter()
        .map(|(kind, range)| (kind, &text[range]))
        .collect()
}

#[test]
fn texts_are_searched_for_the_example_s_addresses() {
    let text = "Mail csirt@nordhost.example, see [the form](https://x.example/a).\n\
                Call +45 01 40 11 01 or <mailto:a@b.example>; not +45 33 12 34 56 or a@real.dk.";
    assert_eq!(
        found_in(text),
        [
            (ReachKind::Email, "csirt@nordhost.example"),
            (ReachKind::Url, "https://x.example/a"),
            (ReachKind::Phone, "+45 01 40 11 01"),
            (ReachKind::Email, "a@b.example"),
        ]
    );
}

#[test]
fn words_are_cut_at_white_space_of_any_kind_and_the_punctuation_around_them() {
    let text = "x@a.example: time 10:30\u{2003}'y@b.example'.\u{A0}(mailto:z@c.example)\n\
                note:ftp://d.example/p?q=1 e@f@g.example\u{3000}x:y h@i.example!";
    assert_eq!(
        found_in(text),
        [
            (ReachKind::Email, "x@a.example"),
            (ReachKind::Email, "y@b.example"),
            (ReachKind::Email, "z@c.example"),
            (ReachKind::Url, "note:ftp://d.example/p?q=1"),
            (ReachKind::Email, "h@i.example"),
        ]
    );
}

const MAIN: &str = r#"title: T
organization: Invented A/S
severities: [{id: high, name: High}]
roles:
  - id: lead
    name: Lead
    people:
      - name: Ann Invented
        phone: "+45 01 00 00 01"
      - name: Real Authority Desk
        phone: "+45 33 19 32 00"
"#;

const SUPPLIER: &str = r#"name: Host
tier: critical
services: [Hosting]
contacts:
  - name: Host NOC
    email: noc@host.example
contract:
  reference: H-2026-1
"#;

const PARTY: &str = r#"name: Police
kind: police
contacts:
  - name: Police
    phone: "114"
"#;

#[test]
fn names_count_where_the_example_s_contact_is_invented() {
    const DA: Files = &[
        ("content/parties/police.yaml", PARTY.as_bytes()),
        ("content/suppliers/host.yaml", SUPPLIER.as_bytes()),
        ("handbook.yaml", MAIN.as_bytes()),
    ];
    let known = Known::of(&[(Language::En, &[]), (Language::Da, DA)]);
    let set = |s: &HashSet<String>| {
        let mut v: Vec<String> = s.iter().cloned().collect();
        v.sort();
        v
    };
    assert_eq!(set(&known.organizations), ["Invented A/S"]);
    assert_eq!(set(&known.people), ["Ann Invented"]);
    assert_eq!(set(&known.contacts), ["Host NOC"]);
    assert_eq!(set(&known.contracts), ["H-2026-1"]);
}

#[test]
fn every_embedded_example_is_read() {
    let known = Known::of(EXAMPLES);
    for example in EXAMPLES {
        let one = Known::of(std::slice::from_ref(example));
        assert_eq!(one.organizations.len(), 1, "{:?}: {one:?}", example.0);
        assert!(one.organizations.is_subset(&known.organizations));
        assert!(!one.people.is_empty(), "{:?}: {one:?}", example.0);
    }
    assert!(
        !known.people.is_empty() && !known.contacts.is_empty(),
        "{known:?}"
    );
}

#[test]
fn example_values_are_those_the_embedded_examples_have() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/resolve/example_values.rs");
    let wanted = Known::of(EXAMPLES).source();
    if std::env::var_os("IRBOOK_WRITE_EXAMPLE_VALUES").is_some() {
        std::fs::write(path, &wanted).expect("write example_values.rs");
    }
    let written = std::fs::read_to_string(path).expect("read example_values.rs");
    assert!(
        written == wanted,
        "src/resolve/example_values.rs is not what the embedded examples have: run \
         `IRBOOK_WRITE_EXAMPLE_VALUES=1 cargo test example_values` to write it again"
    );
    let known = &*KNOWN;
    assert_eq!(Known::of(EXAMPLES).source(), known.source());
}
