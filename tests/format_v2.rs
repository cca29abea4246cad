//! Format v2 (FORMAT.md section 9), loading: each v2 feature's fragment checks clean, and a
//! wrong reference gives the exact diagnostic (path:line:col, message and help). The pages are
//! in format_v2_pages.rs, printing in print_v2.rs.

mod common;

use common::v2::{FORM, only, v2, with_contract_v2};
use common::{Fixture, shorts};

#[test]
fn the_v2_fixture_is_clean() {
    assert_eq!(shorts(&v2().check()), Vec::<String>::new());
}

// 1. Stakeholders and communication.html

#[test]
fn stakeholder_with_unknown_owner_role() {
    let f = v2();
    f.edit(
        "handbook.yaml",
        "    owner: tech\n    channel: Intranet",
        "    owner: techy\n    channel: Intranet",
    );
    assert_eq!(
        only(&f),
        (
            "error handbook.yaml:78:12 unknown role `techy`".into(),
            Some("did you mean `tech`?".into())
        )
    );
}

#[test]
fn stakeholder_with_unknown_message() {
    let f = v2();
    f.edit(
        "handbook.yaml",
        "    message: board-update",
        "    message: board-updat",
    );
    assert_eq!(
        only(&f),
        (
            "error handbook.yaml:74:14 unknown message `board-updat`".into(),
            Some("did you mean `board-update`?".into())
        )
    );
}

#[test]
fn stakeholder_with_unknown_severity() {
    let f = v2();
    f.edit(
        "handbook.yaml",
        "    severities: [high]\n    message",
        "    severities: [medium]\n    message",
    );
    assert_eq!(
        only(&f),
        (
            "error handbook.yaml:73:18 unknown severity `medium`".into(),
            Some("known severities: `high`, `low`".into())
        )
    );
}

#[test]
fn duplicate_stakeholder_id() {
    let f = v2();
    f.edit("handbook.yaml", "  - id: press\n", "  - id: board\n");
    assert_eq!(
        only(&f),
        (
            "error handbook.yaml:81:9 duplicate stakeholder id `board`".into(),
            Some("the first `board` is on line 68; give each stakeholder its own id".into())
        )
    );
}

// 2. Several roles per step

#[test]
fn an_unknown_second_role_is_an_error_at_its_own_position() {
    let f = Fixture::new();
    f.edit(
        "content/plans/recovery.yaml",
        "responsible: tech",
        "responsible: [tech, leed]",
    );
    assert_eq!(
        only(&f),
        (
            "error content/plans/recovery.yaml:8:29 unknown role `leed`".into(),
            Some("did you mean `lead`?".into())
        )
    );
}

#[test]
fn an_empty_list_of_roles_is_an_error() {
    let f = Fixture::new();
    f.edit(
        "content/plans/recovery.yaml",
        "responsible: tech",
        "responsible: []",
    );
    let (short, _) = only(&f);
    assert_eq!(short, "error content/plans/recovery.yaml:8:22 the list is empty");
}

// 3. External parties

#[test]
fn unknown_party_on_a_step() {
    let f = v2();
    f.edit(
        "content/plans/recovery.yaml",
        "parties: [cfcs]",
        "parties: [cfcz]",
    );
    assert_eq!(
        only(&f),
        (
            "error content/plans/recovery.yaml:9:19 unknown party `cfcz`".into(),
            Some("did you mean `cfcs`?".into())
        )
    );
}

#[test]
fn unknown_party_on_an_obligation() {
    let f = v2();
    f.edit("handbook.yaml", "    party: cfcs", "    party: cfc");
    assert_eq!(
        only(&f),
        (
            "error handbook.yaml:33:12 unknown party `cfc`".into(),
            Some("did you mean `cfcs`?".into())
        )
    );
}

#[test]
fn unknown_party_link() {
    let f = v2();
    f.edit("content/playbooks/ransomware.md", "(party:cfcs)", "(party:cfcx)");
    assert_eq!(
        only(&f),
        (
            "error content/playbooks/ransomware.md:11:13 broken link: unknown party `cfcx`".into(),
            Some("did you mean `cfcs`?".into())
        )
    );
}

#[test]
fn a_party_of_an_unknown_kind_lists_the_kinds() {
    let f = v2();
    f.edit("content/parties/cfcs.yaml", "kind: cert", "kind: bank");
    assert_eq!(
        only(&f),
        (
            "error content/parties/cfcs.yaml:2:7 unknown value `bank`".into(),
            Some("expected one of `authority`, `cert`, `police`, `insurer`, `legal`, `peer`, `other`".into())
        )
    );
}

// 4. Supplier contract additions

#[test]
fn supplier_contract_additions_load() {
    assert_eq!(shorts(&with_contract_v2().check()), Vec::<String>::new());
}

#[test]
fn unknown_fallback_supplier() {
    let f = with_contract_v2();
    f.edit(
        "content/suppliers/host.yaml",
        "supplier: printb",
        "supplier: printc",
    );
    assert_eq!(
        only(&f),
        (
            "error content/suppliers/host.yaml:24:23 unknown supplier `printc`".into(),
            Some("did you mean `printb`?".into())
        )
    );
}

#[test]
fn a_supplier_cannot_be_its_own_fallback() {
    let f = with_contract_v2();
    f.edit(
        "content/suppliers/host.yaml",
        "supplier: printb",
        "supplier: host",
    );
    assert_eq!(
        only(&f),
        (
            "error content/suppliers/host.yaml:24:23 a supplier cannot be its own fallback".into(),
            Some("name the alternative supplier to switch to".into())
        )
    );
}

// 5. Systems

#[test]
fn a_system_faster_than_its_supplier_is_a_warning() {
    let f = v2();
    // Host's contract promises recovery within 12h.
    f.edit("handbook.yaml", "    rto: 24h\n", "    rto: 8h\n");
    let diags = f.check();
    assert_eq!(
        shorts(&diags),
        [
            "warning handbook.yaml:92:10 system `erp` needs recovery within 8h but supplier `host` promises 12h"
        ]
    );
    assert_eq!(
        diags[0].help.as_deref(),
        Some(
            "renegotiate the supplier's `contract.rto`, or write in the system's `fallback` how the business works until the supplier has recovered"
        )
    );
}

#[test]
fn unknown_system_on_a_step() {
    let f = v2();
    f.edit("content/plans/recovery.yaml", "systems: [erp]", "systems: [erpp]");
    assert_eq!(
        only(&f),
        (
            "error content/plans/recovery.yaml:10:19 unknown system `erpp`".into(),
            Some("did you mean `erp`?".into())
        )
    );
}

// 6. Readiness plans

#[test]
fn within_on_a_readiness_step_is_an_error() {
    let f = v2();
    f.edit(
        "content/plans/ready.yaml",
        "        every: 90d",
        "        within: 90d",
    );
    assert_eq!(
        only(&f),
        (
            "error content/plans/ready.yaml:14:17 `within` belongs to response plans".into(),
            Some("a readiness plan's steps take `every` (how often, e.g. `every: 1y`): there is no detection to count from".into())
        )
    );
}

#[test]
fn every_on_a_response_step_is_an_error() {
    let f = v2();
    f.edit("content/plans/recovery.yaml", "within: 48h", "every: 48h");
    assert_eq!(
        only(&f),
        (
            "error content/plans/recovery.yaml:19:16 `every` belongs to readiness plans".into(),
            Some("a response plan's steps take `within` (a deadline from detection); for a preparation checklist set `kind: readiness` on the plan".into())
        )
    );
}

// 7. Forms

#[test]
fn a_form_named_like_a_built_in_one_is_an_error() {
    let f = v2();
    f.write("content/forms/incident-log.yaml", FORM);
    assert_eq!(
        only(&f),
        (
            "error content/forms/incident-log.yaml:0:0 the form id `incident-log` is a built-in form's"
                .into(),
            Some("rename the file: `incident-log` and `chain-of-custody` are built in".into())
        )
    );
}

#[test]
fn a_table_of_no_rows_is_an_error() {
    let f = v2();
    f.edit("content/forms/lessons.yaml", "rows: 12", "rows: 0");
    assert_eq!(
        only(&f),
        (
            "error content/forms/lessons.yaml:14:57 `rows: 0` is not between 1 and 200".into(),
            Some("give the number of empty rows to print, e.g. `rows: 12`".into())
        )
    );
}

#[test]
fn unknown_form_on_a_step() {
    let f = v2();
    f.edit("content/plans/recovery.yaml", "form: lessons", "form: lesons");
    assert_eq!(
        only(&f),
        (
            "error content/plans/recovery.yaml:21:15 unknown form `lesons`".into(),
            Some("did you mean `lessons`?".into())
        )
    );
}
