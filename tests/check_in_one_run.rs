//! Every problem in one run: several files, several errors in one file, a bad value in
//! handbook.yaml that hides no other error; positions counted in characters, BOM and CRLF
//! accepted, editor leftovers ignored.

mod common;

use common::{Fixture, one_diagnostic as only, shorts};

#[test]
fn three_errors_in_three_files_in_one_run() {
    let f = Fixture::new();
    f.edit("handbook.yaml", "notify: [lead]", "notify: [boss]");
    f.edit(
        "content/suppliers/host.yaml",
        "    contact: Lars Hald",
        "    contact: Nobody",
    );
    f.edit("content/playbooks/ransomware.md", "(role:lead)", "(role:boss)");
    assert_eq!(
        shorts(&f.check()),
        [
            "error content/playbooks/ransomware.md:16:23 broken link: unknown role `boss`",
            "error content/suppliers/host.yaml:12:14 escalation to unknown contact `Nobody`",
            "error handbook.yaml:8:14 unknown role `boss`",
        ]
    );
}

#[test]
fn every_problem_of_one_file_is_reported_in_one_run() {
    // `services` is missing too; it is reported once `tier` is fixed: serde names only the
    // first missing key of a mapping, and `tier` (cut out as invalid) comes first.
    let f = Fixture::new();
    f.write(
        "content/suppliers/host.yaml",
        "name: Host A/S\ntier: critcal\ncontacts:\n  - role: NOC\n    phone: \"+45 70 00 00 01\"\n  - name: Lars Hald\n    emial: lh@host.test\nescalation:\n  - after: soon\n    contact: Lars Hald\ncontract:\n  expires: 31.12.2027\nlast_reviewed: 2026-10-01\n",
    );
    assert_eq!(
        shorts(&f.check()),
        [
            "error content/suppliers/host.yaml:2:7 unknown value `critcal`",
            "error content/suppliers/host.yaml:4:5 missing required key `name`",
            "error content/suppliers/host.yaml:7:5 unknown key `emial`",
            "error content/suppliers/host.yaml:9:12 invalid duration `soon`",
            "error content/suppliers/host.yaml:12:12 invalid date `31.12.2027`",
        ]
    );
}

#[test]
fn a_bad_value_in_handbook_yaml_hides_no_other_error() {
    let f = Fixture::new();
    f.edit("handbook.yaml", "respond_within: 1h", "respond_within: 2");
    f.edit(
        "content/plans/recovery.yaml",
        "responsible: tech",
        "responsible: dp0",
    );
    assert_eq!(
        shorts(&f.check()),
        [
            "error content/plans/recovery.yaml:8:22 unknown role `dp0`",
            "error handbook.yaml:7:21 invalid duration `2`",
        ]
    );
}

#[test]
fn editor_leftovers_are_ignored_and_strays_reported() {
    let f = Fixture::new();
    f.write("content/suppliers/.#host.yaml", "garbage: [");
    f.write("content/suppliers/host.yaml~", "garbage: [");
    f.write("content/suppliers/4913", "");
    f.write("content/plans/extra.yml", common::PLAN);
    f.write("content/playbook/x.md", "");
    assert_eq!(
        shorts(&f.check()),
        [
            "error content/plans/extra.yml:0:0 not read: plan files end in `.yaml`",
            "warning content/playbook:0:0 ignored: unknown folder content/playbook",
        ]
    );
}

#[test]
fn columns_count_characters_after_non_ascii_text() {
    let f = Fixture::new();
    f.edit(
        "content/plans/recovery.yaml",
        "title: Recovery",
        "title: Gendannelse – første døgn",
    );
    f.edit(
        "content/plans/recovery.yaml",
        "      - action: Confirm the scope",
        "      - action: Bekræft omfanget «nu»",
    );
    f.edit(
        "content/plans/recovery.yaml",
        "responsible: tech",
        "responsible: tekniker",
    );
    let d = only(&f);
    assert_eq!(
        d.short(),
        "error content/plans/recovery.yaml:8:22 unknown role `tekniker`"
    );
}

#[test]
fn a_tab_inside_a_value_is_not_blamed() {
    let f = Fixture::new();
    f.edit(
        "content/suppliers/host.yaml",
        "tier: critical\n",
        "tier: critical\nnotes: \"a\tb\"\nfoo: bar: baz\n",
    );
    let d = only(&f);
    assert!(
        d.short().starts_with("error content/suppliers/host.yaml:4:"),
        "{}",
        d.short()
    );
    assert!(
        d.message.starts_with("YAML syntax: ") && !d.message.contains("tab"),
        "{}",
        d.message
    );
}

#[test]
fn bom_and_crlf_are_accepted() {
    let f = Fixture::new();
    let crlf = common::SUPPLIER.replace('\n', "\r\n");
    f.write_bytes(
        "content/suppliers/host.yaml",
        &[b"\xEF\xBB\xBF".as_slice(), crlf.as_bytes()].concat(),
    );
    let playbook = common::PLAYBOOK.replace('\n', "\r\n");
    f.write("content/playbooks/ransomware.md", &playbook);
    assert_eq!(shorts(&f.check()), Vec::<String>::new());
    f.edit("content/suppliers/host.yaml", "tier: critical", "tier: critcal");
    assert_eq!(
        shorts(&f.check()),
        ["error content/suppliers/host.yaml:2:7 unknown value `critcal`"]
    );
}
