//! External parties are checked like suppliers: their addresses and phones must make working
//! links, and a record nobody reviewed, or not for too long, is a warning.

mod common;

use common::shorts;
use common::v2::{only, v2};

#[test]
fn a_party_address_that_would_add_a_recipient_is_an_error() {
    let f = v2();
    f.edit(
        "content/parties/cfcs.yaml",
        "email: cert@cfcs.test",
        "email: cert@cfcs.test?cc=attacker@evil.example",
    );
    let (short, help) = only(&f);
    assert_eq!(
        short,
        "error content/parties/cfcs.yaml:8:12 invalid e-mail address `cert@cfcs.test?cc=attacker@evil.example`: `?` is not allowed"
    );
    assert_eq!(
        help.as_deref(),
        Some("write one plain address, such as `noc@supplier.example`")
    );
}

#[test]
fn a_party_phone_without_country_code_is_a_warning() {
    let f = v2();
    f.edit(
        "content/parties/cfcs.yaml",
        "\"+45 33 32 55 80\"",
        "\"33 32 55 80\"",
    );
    let (short, _) = only(&f);
    assert_eq!(
        short,
        "warning content/parties/cfcs.yaml:5:12 phone `33 32 55 80` has no country code"
    );
}

#[test]
fn a_party_never_or_long_ago_reviewed_is_a_warning() {
    let f = v2();
    f.edit("content/parties/cfcs.yaml", "last_reviewed: 2026-09-01\n", "");
    let (short, help) = only(&f);
    assert_eq!(
        short,
        "warning content/parties/cfcs.yaml:1:1 party `cfcs` has never been reviewed"
    );
    assert_eq!(
        help.as_deref(),
        Some("review the record with the party and add `last_reviewed: YYYY-MM-DD`")
    );
    f.write(
        "content/parties/cfcs.yaml",
        &common::v2::PARTY.replace("last_reviewed: 2026-09-01", "last_reviewed: 2025-09-01"),
    );
    let diags = f.check();
    assert_eq!(
        shorts(&diags),
        ["warning content/parties/cfcs.yaml:11:16 last reviewed 2025-09-01, more than 365d ago"]
    );
}
