//! E-mail addresses and phone numbers that would make a `mailto:` or `tel:` link do more or
//! less than the handbook says: errors at their line; the links that are built are encoded.

mod common;

use common::site::{page, select};
use common::{Fixture, build, shorts};

#[test]
fn addresses_that_add_recipients_or_headers_are_errors_everywhere() {
    let f = Fixture::new();
    f.edit(
        "content/suppliers/host.yaml",
        "    hours: 24/7\n",
        "    hours: 24/7\n    email: noc@x.example?cc=attacker@evil.example\n",
    );
    f.edit(
        "content/suppliers/host.yaml",
        "    email: lh@host.test",
        "    email: lh@host.test;x@evil.example",
    );
    f.edit(
        "handbook.yaml",
        "        phone: \"+45 11 11 11 11\"\n",
        "        phone: \"+45 11 11 11 11\"\n        email: \"ann@testfirma.test, boss@evil.example\"\n",
    );
    f.edit(
        "handbook.yaml",
        "    deadline: 72h\n",
        "    deadline: 72h\n    contact:\n      email: \"Datatilsynet <dt@dt.example>\"\n",
    );
    let diags = f.check();
    assert_eq!(
        shorts(&diags),
        [
            "error content/suppliers/host.yaml:8:12 invalid e-mail address `noc@x.example?cc=attacker@evil.example`: `?` is not allowed",
            "error content/suppliers/host.yaml:10:12 invalid e-mail address `lh@host.test;x@evil.example`: `;` is not allowed",
            "error handbook.yaml:17:16 invalid e-mail address `ann@testfirma.test, boss@evil.example`: `,` is not allowed",
            "error handbook.yaml:33:14 invalid e-mail address `Datatilsynet <dt@dt.example>`: a space is not allowed",
        ]
    );
    assert_eq!(
        diags[0].help.as_deref(),
        Some("write one plain address, such as `noc@supplier.example`")
    );
}

#[test]
fn a_phone_without_a_number_is_an_error() {
    let f = Fixture::new();
    f.edit(
        "content/suppliers/host.yaml",
        "\"+45 70 00 00 01\"",
        "\"+ ask reception\"",
    );
    f.edit("handbook.yaml", "\"+45 22 22 22 22\"", "call the desk");
    let diags = f.check();
    assert_eq!(
        shorts(&diags),
        [
            "error content/suppliers/host.yaml:6:12 phone `+ ask reception` has no number to dial",
            "error handbook.yaml:23:16 phone `call the desk` has no number to dial",
        ]
    );
    assert_eq!(
        diags[0].help.as_deref(),
        Some(
            "write the number with its country code, e.g. \"+45 70 00 00 01\"; put other words into `hours` or `availability`"
        )
    );
}

#[test]
fn mailto_links_encode_the_address_and_every_header() {
    let f = Fixture::new();
    f.edit(
        "content/suppliers/host.yaml",
        "    hours: 24/7\n",
        "    hours: 24/7\n    email: o'brien+noc@høst.example\n",
    );
    f.edit(
        "handbook.yaml",
        "    subject: \"Incident at {{ organization }}\"",
        "    subject: \"Incident & more?cc=x@evil.example\"",
    );
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let html = page(&f.path("site"), "suppliers/host.html");
    let hrefs: Vec<&str> = select(&html, "main a[href^='mailto:']")
        .iter()
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert_eq!(
        hrefs,
        [
            "mailto:o%27brien%2Bnoc@h%C3%B8st.example",
            "mailto:lh@host.test",
            "mailto:lh@host.test",
            "mailto:o%27brien%2Bnoc@h%C3%B8st.example?subject=Incident%20%26%20more%3Fcc%3Dx%40evil.example&body=Dear%20Host%20NOC%20at%20Host%20A%2FS%2C%0D%0Awe%20have%20an%20incident.%0D%0A",
        ]
    );
    let contacts = page(&f.path("site"), "contacts.html");
    let addresses: Vec<&str> = select(&contacts, "a.addr")
        .iter()
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert_eq!(
        addresses,
        [
            "mailto:bo@testfirma.test",
            "mailto:o%27brien%2Bnoc@h%C3%B8st.example"
        ]
    );
}
