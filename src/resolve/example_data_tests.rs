use super::*;

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
