//! `irbook check` warnings: each one FORMAT.md lists, with its place, and `--strict`.

mod common;

use common::{Fixture, irbook, shorts};

#[test]
fn expired_certification_and_contract() {
    let f = Fixture::new();
    f.edit(
        "content/suppliers/host.yaml",
        "expires: 2028-01-01",
        "expires: 2026-01-01",
    );
    f.edit(
        "content/suppliers/host.yaml",
        "expires: 2028-03-01",
        "expires: 2026-11-22",
    );
    assert_eq!(
        shorts(&f.check()),
        [
            "warning content/suppliers/host.yaml:15:12 the contract expired on 2026-01-01",
            "warning content/suppliers/host.yaml:18:14 certification `ISO/IEC 27001` expired on 2026-11-22",
        ]
    );
}

#[test]
fn critical_supplier_without_24_7_contact_or_notify_within() {
    let f = Fixture::new();
    f.edit(
        "content/suppliers/host.yaml",
        "    hours: 24/7\n",
        "    hours: Mon-Fri 8-16\n",
    );
    f.edit("content/suppliers/host.yaml", "  notify_within: 24h\n", "");
    assert_eq!(
        shorts(&f.check()),
        [
            "warning content/suppliers/host.yaml:2:7 critical supplier `host` has no contact available 24/7",
            "warning content/suppliers/host.yaml:2:7 critical supplier `host` has no `contract.notify_within`",
        ]
    );
}

#[test]
fn review_missing_or_stale() {
    let f = Fixture::new();
    f.edit("content/suppliers/host.yaml", "last_reviewed: 2026-10-01\n", "");
    f.edit(
        "content/plans/recovery.yaml",
        "owner: lead\n",
        "owner: lead\nlast_reviewed: 2025-11-01\n",
    );
    let diags = f.check();
    assert_eq!(
        shorts(&diags),
        [
            "warning content/plans/recovery.yaml:4:16 last reviewed 2025-11-01, more than 365d ago",
            "warning content/suppliers/host.yaml:1:1 supplier `host` has never been reviewed",
        ]
    );
}

#[test]
fn review_every_sets_the_interval() {
    let f = Fixture::new();
    f.edit(
        "handbook.yaml",
        "timezone: Europe/Copenhagen\n",
        "timezone: Europe/Copenhagen\nreview_every: 30d\n",
    );
    assert_eq!(
        shorts(&f.check()),
        ["warning content/suppliers/host.yaml:19:16 last reviewed 2026-10-01, more than 30d ago"]
    );
}

#[test]
fn step_due_after_its_obligation_deadline() {
    let f = Fixture::new();
    f.edit("content/plans/recovery.yaml", "within: 48h", "within: 96h");
    let d = f.check();
    assert_eq!(
        shorts(&d),
        [
            "warning content/plans/recovery.yaml:17:17 step is due 4d after detection, later than the 72h deadline of `gdpr`"
        ]
    );
    assert_eq!(d[0].help.as_deref(), Some("set `within` to 72h or less"));
}

#[test]
fn deadlines_add_up_along_after_chains() {
    let f = Fixture::new();
    f.edit(
        "content/plans/recovery.yaml",
        "within: 48h\n        obligation: gdpr",
        "within: 34d\n        obligation: final",
    );
    assert_eq!(
        shorts(&f.check()),
        [
            "warning content/plans/recovery.yaml:17:17 step is due 34d after detection, later than the 33d deadline of `final`"
        ]
    );
}

#[test]
fn responsible_role_without_deputy() {
    let f = Fixture::new();
    f.edit(
        "handbook.yaml",
        "      - name: Dan Fog\n        phone: \"+45 33 33 33 33\"\n",
        "",
    );
    assert_eq!(
        shorts(&f.check()),
        [
            "warning handbook.yaml:19:9 role `tech` is responsible for steps (recovery step 1.1, ...) but has no deputy"
        ]
    );
}

#[test]
fn phone_without_country_code() {
    let f = Fixture::new();
    f.edit("handbook.yaml", "\"+45 11 11 11 11\"", "\"11 11 11 11\"");
    f.edit("content/suppliers/host.yaml", "\"+45 70 00 00 01\"", "70000001");
    assert_eq!(
        shorts(&f.check()),
        [
            "warning content/suppliers/host.yaml:6:12 phone `70000001` has no country code",
            "warning handbook.yaml:16:16 phone `11 11 11 11` has no country code",
        ]
    );
}

#[test]
fn a_short_number_needs_no_country_code() {
    let f = Fixture::new();
    f.edit("content/suppliers/host.yaml", "\"+45 70 00 00 01\"", "\"112\"");
    assert_eq!(shorts(&f.check()), Vec::<String>::new());
    f.edit("content/suppliers/host.yaml", "\"112\"", "\"1120\"");
    assert_eq!(
        shorts(&f.check()),
        ["warning content/suppliers/host.yaml:6:12 phone `1120` has no country code"]
    );
}

#[test]
fn strict_fails_on_warnings() {
    let f = Fixture::new();
    f.edit("content/suppliers/host.yaml", "\"+45 70 00 00 01\"", "70000001");
    irbook().args(["check", "--root"]).arg(f.root()).assert().code(0);
    irbook()
        .args(["check", "--strict", "--root"])
        .arg(f.root())
        .assert()
        .code(1);
}

#[test]
fn unused_theme_folders_and_shadowed_static_files() {
    let f = Fixture::new();
    f.write(
        "themes/firma/templates/supplier.html",
        "{% extends \"base.html\" %}",
    );
    f.write("content/static/index.html", "<p>mine</p>");
    f.write("content/static/files/ok.pdf", "%PDF");
    assert_eq!(
        shorts(&f.check()),
        [
            "warning content/static/index.html:0:0 not copied: the site writes its own `index.html`",
            "warning themes/firma:0:0 themes/firma is not used",
        ]
    );
}

#[test]
fn strict_says_why_it_fails() {
    let f = Fixture::new();
    f.edit("content/suppliers/host.yaml", "\"+45 70 00 00 01\"", "70000001");
    let output = irbook()
        .args(["check", "--strict", "--root"])
        .arg(f.root())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.ends_with("0 errors, 1 warning in 5 files (--strict: warnings fail the check)\n"),
        "{stderr}"
    );
}

#[test]
fn review_every_in_years_counts_on_the_calendar() {
    let f = Fixture::new();
    f.edit(
        "handbook.yaml",
        "timezone: Europe/Copenhagen\n",
        "timezone: Europe/Copenhagen\nreview_every: 1y\n",
    );
    f.edit(
        "content/suppliers/host.yaml",
        "last_reviewed: 2026-10-01",
        "last_reviewed: 2025-11-22",
    );
    f.edit(
        "content/plans/recovery.yaml",
        "owner: lead\n",
        "owner: lead\nlast_reviewed: 2025-11-23\n",
    );
    assert_eq!(
        shorts(&f.check()),
        ["warning content/suppliers/host.yaml:19:16 last reviewed 2025-11-22, more than 1 year ago"]
    );
}

#[test]
fn steps_against_deadlines_in_months() {
    let f = Fixture::new();
    f.edit("handbook.yaml", "deadline: 30d", "deadline: 1mo");
    f.edit(
        "content/plans/recovery.yaml",
        "within: 48h\n        obligation: gdpr",
        "within: 31d\n        obligation: final",
    );
    // 72h + 1 month is 31 days from a detection on 31 January: 31d is in time.
    assert_eq!(shorts(&f.check()), Vec::<String>::new());
    f.edit("content/plans/recovery.yaml", "within: 31d", "within: 32d");
    let d = f.check();
    assert_eq!(
        shorts(&d),
        [
            "warning content/plans/recovery.yaml:17:17 step is due 32d after detection, later than the 1 month 72h deadline of `final`"
        ]
    );
    assert_eq!(
        d[0].help.as_deref(),
        Some("set `within` to 1 month 72h or less (a month counts 28 to 31 days, a year 365 or 366)")
    );
    // And a month in `within` is late for a 33-day deadline when it has 31 days.
    f.edit("handbook.yaml", "deadline: 1mo", "deadline: 30d");
    f.edit("content/plans/recovery.yaml", "within: 32d", "within: 1mo 3d");
    assert_eq!(
        shorts(&f.check()),
        [
            "warning content/plans/recovery.yaml:17:17 step is due 1 month 72h after detection, later than the 33d deadline of `final`"
        ]
    );
}

#[test]
fn month_deadline_written_in_days() {
    let f = Fixture::new();
    f.edit(
        "handbook.yaml",
        "    name: Final report\n",
        "    name: Final report, one month after the notification\n",
    );
    let d = f.check();
    assert_eq!(
        shorts(&d),
        ["warning handbook.yaml:34:15 the deadline is 30d but the text says a month: write `1mo`"]
    );
    assert_eq!(
        d[0].help.as_deref(),
        Some(
            "`30d` is the same number of days in every month; `1mo` counts on the calendar \
             (31 January + 1 month = 28 February, 31 March + 1 month = 30 April)"
        )
    );
    f.edit("handbook.yaml", "deadline: 30d", "deadline: 1mo");
    assert_eq!(shorts(&f.check()), Vec::<String>::new());
}

#[test]
fn month_in_when_or_reference_against_weeks_or_days() {
    let f = Fixture::new();
    f.edit(
        "handbook.yaml",
        "    deadline: 30d\n",
        "    deadline: 4w\n    when: |\n      Within one MONTH of the notification.\n",
    );
    assert_eq!(
        shorts(&f.check()),
        ["warning handbook.yaml:34:15 the deadline is 28d but the text says a month: write `1mo`"]
    );
    // 32 days is no month at all: not this warning.
    f.edit("handbook.yaml", "deadline: 4w", "deadline: 32d");
    assert_eq!(shorts(&f.check()), Vec::<String>::new());
    f.edit("handbook.yaml", "deadline: 32d", "deadline: 31d");
    f.edit(
        "handbook.yaml",
        "    Within one MONTH of the notification.\n",
        "    Soon after.\n    reference: Art. 23 (final report after a month)\n",
    );
    assert_eq!(
        shorts(&f.check()),
        ["warning handbook.yaml:34:15 the deadline is 31d but the text says a month: write `1mo`"]
    );
}
