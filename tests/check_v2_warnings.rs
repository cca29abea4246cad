//! `irbook check` warnings of the v2 programme: systems that need recovery sooner than their
//! suppliers promise, exercises overdue, response plans never exercised.

mod common;

use common::{Fixture, shorts};

/// The fixture's handbook with a system `erp` on supplier `host` (rto at 49:10, rpo at 50:10).
fn with_system(rto: &str, rpo: &str) -> Fixture {
    let f = Fixture::new();
    f.edit(
        "handbook.yaml",
        "      we have an incident.\n",
        &format!(
            "      we have an incident.\nsystems:\n  - id: erp\n    name: ERP\n    owner: lead\n    \
             suppliers: [host]\n    rto: {rto}\n    rpo: {rpo}\n"
        ),
    );
    f
}

fn with_contract(f: &Fixture, rto: &str, rpo: &str) {
    f.edit(
        "content/suppliers/host.yaml",
        "  notify_within: 24h\n",
        &format!("  notify_within: 24h\n  rto: {rto}\n  rpo: {rpo}\n"),
    );
}

#[test]
fn system_needs_recovery_sooner_than_its_supplier_promises() {
    let f = with_system("8h", "4h");
    with_contract(&f, "24h", "1h");
    let d = f.check();
    assert_eq!(
        shorts(&d),
        [
            "warning handbook.yaml:49:10 system `erp` needs recovery within 8h but supplier `host` promises 24h"
        ]
    );
    assert_eq!(
        d[0].help.as_deref(),
        Some(
            "renegotiate the supplier's `contract.rto`, or write in the system's `fallback` how \
             the business works until the supplier has recovered"
        )
    );
}

#[test]
fn system_may_lose_less_data_than_its_supplier_promises() {
    let f = with_system("8h", "1h");
    with_contract(&f, "8h", "24h");
    let d = f.check();
    assert_eq!(
        shorts(&d),
        [
            "warning handbook.yaml:50:10 system `erp` may lose at most 1h of data but supplier `host` promises 24h"
        ]
    );
    assert_eq!(
        d[0].help.as_deref(),
        Some(
            "renegotiate the supplier's `contract.rpo` (more frequent backups), or keep a copy of \
             your own and write it in the system's `fallback`"
        )
    );
}

#[test]
fn objectives_the_contract_meets_are_no_warning() {
    // Equal, shorter, and a contract without objectives.
    let f = with_system("24h", "4h");
    with_contract(&f, "24h", "1h");
    assert_eq!(shorts(&f.check()), Vec::<String>::new());
    let f = with_system("8h", "4h");
    assert_eq!(shorts(&f.check()), Vec::<String>::new());
}

#[test]
fn calendar_objectives_compare_on_the_calendar() {
    // 30 days is longer than a February.
    let f = with_system("1mo", "1mo");
    with_contract(&f, "30d", "28d");
    assert_eq!(
        shorts(&f.check()),
        [
            "warning handbook.yaml:49:10 system `erp` needs recovery within 1 month but supplier `host` promises 30d"
        ]
    );
}

#[test]
fn exercise_overdue_for_plans_playbooks_and_pages() {
    let f = Fixture::new();
    f.edit(
        "content/plans/recovery.yaml",
        "exercised: 2026-06-01",
        "exercised: 2025-11-01",
    );
    f.edit(
        "content/playbooks/ransomware.md",
        "owner: lead\n",
        "owner: lead\nexercised: 2025-01-15\n",
    );
    f.edit(
        "content/pages/about.md",
        "title: About\n",
        "title: About\nexercised: 2024-12-01\n",
    );
    let d = f.check();
    assert_eq!(
        shorts(&d),
        [
            "warning content/pages/about.md:3:12 last exercised 2024-12-01, more than 365d ago",
            "warning content/plans/recovery.yaml:19:12 last exercised 2025-11-01, more than 365d ago",
            "warning content/playbooks/ransomware.md:8:12 last exercised 2025-01-15, more than 365d ago",
        ]
    );
    assert_eq!(
        d[0].help.as_deref(),
        Some("exercise it again and update `exercised` (the interval is `exercise_every` in handbook.yaml)")
    );
}

#[test]
fn exercise_every_sets_the_interval() {
    let f = Fixture::new();
    f.edit(
        "content/playbooks/ransomware.md",
        "owner: lead\n",
        "owner: lead\nexercised: 2026-08-23\n",
    );
    assert_eq!(shorts(&f.check()), Vec::<String>::new());
    f.edit(
        "handbook.yaml",
        "timezone: Europe/Copenhagen\n",
        "timezone: Europe/Copenhagen\nexercise_every: 3mo\n",
    );
    // 2026-06-01 + 3 months = 2026-09-01; 2026-08-23 + 3 months = 2026-11-23, today: not older.
    assert_eq!(
        shorts(&f.check()),
        ["warning content/plans/recovery.yaml:19:12 last exercised 2026-06-01, more than 3 months ago"]
    );
}

#[test]
fn response_plan_never_exercised() {
    let f = Fixture::new();
    f.edit("content/plans/recovery.yaml", "exercised: 2026-06-01\n", "");
    let d = f.check();
    assert_eq!(
        shorts(&d),
        ["warning content/plans/recovery.yaml:0:0 plan `recovery` has never been exercised"]
    );
    assert_eq!(
        d[0].help.as_deref(),
        Some(
            "walk through the plan in a tabletop exercise, then add `exercised: YYYY-MM-DD` with \
             the day of the exercise"
        )
    );
}

#[test]
fn readiness_plans_and_documents_need_no_exercise() {
    let f = Fixture::new();
    f.edit(
        "content/plans/recovery.yaml",
        "exercised: 2026-06-01\n",
        "kind: readiness\n",
    );
    f.edit("content/plans/recovery.yaml", "within: 1h", "every: 1y");
    f.edit("content/plans/recovery.yaml", "within: 48h", "every: 1y");
    assert_eq!(shorts(&f.check()), Vec::<String>::new());
}

#[test]
fn a_plan_with_errors_gets_no_exercise_warning() {
    let f = Fixture::new();
    f.edit(
        "content/plans/recovery.yaml",
        "exercised: 2026-06-01\n",
        "exercized: 2026-06-01\n",
    );
    let d = f.check();
    assert!(d.iter().all(|d| d.severity == "error"), "{:?}", shorts(&d));
    assert!(!d.is_empty());
}
