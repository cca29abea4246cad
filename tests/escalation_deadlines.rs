//! Internal escalation (`escalate_after`) on the roles page and the contact sheet, and what an
//! obligation shows where it has no fixed deadline (`deadline_text`, or "no fixed deadline").

mod common;

use common::site::{page, texts};
use common::v2::{built, only};
use common::{Fixture, shorts};

#[test]
fn escalation_after_silence_is_on_the_roles_page_and_the_contact_sheet() {
    let f = Fixture::new();
    f.edit(
        "handbook.yaml",
        "    name: Incident lead\n",
        "    name: Incident lead\n    escalate_after: 10m\n",
    );
    assert_eq!(shorts(&f.check()), Vec::<String>::new());
    let site = built(&f);
    assert_eq!(
        texts(&page(&site, "roles.html"), "#role-lead .escalate"),
        ["No answer within 10 minutes: call the next"]
    );
    assert_eq!(
        texts(&page(&site, "contacts.html"), ".escalate"),
        ["No answer within 10 minutes: call the next"]
    );
    // A role without it says nothing.
    assert_eq!(
        texts(&page(&site, "roles.html"), "#role-tech .escalate"),
        Vec::<String>::new()
    );
}

#[test]
fn a_bad_escalation_time_is_an_error_at_its_value() {
    let f = Fixture::new();
    f.edit(
        "handbook.yaml",
        "    name: Incident lead\n",
        "    name: Incident lead\n    escalate_after: soon\n",
    );
    let (short, _) = only(&f);
    assert_eq!(short, "error handbook.yaml:14:21 invalid duration `soon`");
}

#[test]
fn an_obligation_without_deadline_shows_its_text_or_says_it_has_none() {
    let f = Fixture::new();
    f.edit(
        "handbook.yaml",
        "    deadline: 72h\n",
        "    deadline_text: without undue delay\n",
    );
    assert_eq!(shorts(&f.check()), Vec::<String>::new());
    let site = built(&f);
    let contacts = page(&site, "contacts.html");
    let obligations = page(&site, "obligations.html");
    assert_eq!(
        texts(&obligations, "#obligation-gdpr dd strong"),
        ["without undue delay"]
    );
    assert!(texts(&contacts, "#obligation-gdpr td strong").contains(&"without undue delay".to_string()));
    f.edit("handbook.yaml", "    deadline_text: without undue delay\n", "");
    let site = built(&f);
    assert_eq!(
        texts(&page(&site, "obligations.html"), "#obligation-gdpr dd strong"),
        ["no fixed deadline"]
    );
}
