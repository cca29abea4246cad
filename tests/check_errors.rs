//! `irbook check` on broken handbooks: every error with its exact file, line, column, message
//! and hint.

mod common;

use common::{Fixture, one_diagnostic as only, shorts};

#[test]
fn the_fixture_is_clean() {
    assert_eq!(shorts(&Fixture::new().check()), Vec::<String>::new());
}

#[test]
fn yaml_syntax_error() {
    let f = Fixture::new();
    f.edit(
        "content/plans/recovery.yaml",
        "severities: [high]",
        "severities: [high",
    );
    let d = only(&f);
    assert_eq!(
        d.short(),
        "error content/plans/recovery.yaml:3:6 YAML syntax: illegal placement of ':' indicator"
    );
    assert_eq!(
        d.help.as_deref(),
        Some("check the indentation and quoting on this line or the one before")
    );
}

#[test]
fn tab_indentation_gets_a_hint() {
    let f = Fixture::new();
    f.edit(
        "content/suppliers/host.yaml",
        "  - name: Lars Hald",
        "\t- name: Lars Hald",
    );
    let d = only(&f);
    assert_eq!(
        d.short(),
        "error content/suppliers/host.yaml:8:1 YAML syntax: a tab in the indentation"
    );
    assert_eq!(
        d.help.as_deref(),
        Some("YAML indentation must use spaces: replace the tab with spaces")
    );
}

#[test]
fn wrong_type() {
    let f = Fixture::new();
    f.edit(
        "content/suppliers/host.yaml",
        "services: [Hosting]",
        "services:\n  name: Hosting",
    );
    let d = only(&f);
    assert_eq!(
        d.short(),
        "error content/suppliers/host.yaml:4:3 expected a list, found a mapping (key: value lines)"
    );
}

#[test]
fn unknown_key_with_suggestion() {
    let f = Fixture::new();
    f.edit(
        "content/suppliers/host.yaml",
        "    email: lh@host.test",
        "    emial: lh@host.test",
    );
    let diags = f.check();
    assert_eq!(
        shorts(&diags),
        [
            "error content/suppliers/host.yaml:8:11 contact `Lars Hald` has neither phone nor email",
            "error content/suppliers/host.yaml:9:5 unknown key `emial`",
        ]
    );
    assert_eq!(diags[1].help.as_deref(), Some("did you mean `email`?"));
}

#[test]
fn missing_required_field() {
    let f = Fixture::new();
    f.edit("content/suppliers/host.yaml", "tier: critical\n", "");
    let d = only(&f);
    assert_eq!(
        d.short(),
        "error content/suppliers/host.yaml:1:1 missing required key `tier`"
    );
}

#[test]
fn invalid_id() {
    let f = Fixture::new();
    f.edit("handbook.yaml", "  - id: low", "  - id: Low Impact");
    let d = only(&f);
    assert_eq!(d.short(), "error handbook.yaml:9:9 invalid id `Low Impact`");
    assert_eq!(
        d.help.as_deref(),
        Some(
            "ids use lowercase letters, digits and `-`, and start with a letter or digit: e.g. `low-impact`"
        )
    );
}

#[test]
fn invalid_file_name() {
    let f = Fixture::new();
    f.write("content/suppliers/Big Vendor.yaml", common::SUPPLIER);
    let d = only(&f);
    assert_eq!(
        d.short(),
        "error content/suppliers/Big Vendor.yaml:0:0 invalid file name `Big Vendor.yaml`: the file name is the id"
    );
    assert!(d.help.unwrap().ends_with("rename it to `big-vendor.yaml`"));
}

#[test]
fn bad_duration() {
    let f = Fixture::new();
    f.edit("content/plans/recovery.yaml", "within: 1h", "within: 1 hourz");
    let d = only(&f);
    assert_eq!(
        d.short(),
        "error content/plans/recovery.yaml:9:17 invalid duration `1 hourz`"
    );
    assert_eq!(
        d.help.as_deref(),
        Some(
            "write a number and a unit, e.g. `30m`, `4h`, `72h`, `1h 30m`, `3d`, `2w`, \
             or calendar months and years: `1mo`, `1 month`, `1y`"
        )
    );
}

#[test]
fn bad_date() {
    let f = Fixture::new();
    f.edit(
        "content/suppliers/host.yaml",
        "last_reviewed: 2026-10-01",
        "last_reviewed: 01.10.2026",
    );
    let d = only(&f);
    assert_eq!(
        d.short(),
        "error content/suppliers/host.yaml:19:16 invalid date `01.10.2026`"
    );
    assert_eq!(
        d.help.as_deref(),
        Some("write dates as YYYY-MM-DD, e.g. `2026-09-01`")
    );
}

#[test]
fn unknown_value_of_an_enum() {
    let f = Fixture::new();
    f.edit("content/suppliers/host.yaml", "tier: critical", "tier: critcal");
    let d = only(&f);
    assert_eq!(
        d.short(),
        "error content/suppliers/host.yaml:2:7 unknown value `critcal`"
    );
    assert_eq!(
        d.help.as_deref(),
        Some("did you mean `critical`? expected one of `critical`, `important`, `standard`")
    );
}

#[test]
fn unknown_reference_of_each_kind() {
    let f = Fixture::new();
    f.edit("handbook.yaml", "notify: [lead]", "notify: [leed]");
    f.edit("handbook.yaml", "after: gdpr", "after: gdrp");
    f.edit(
        "content/plans/recovery.yaml",
        "severities: [high]",
        "severities: [hihg]",
    );
    f.edit(
        "content/plans/recovery.yaml",
        "responsible: tech",
        "responsible: press-officer",
    );
    f.edit(
        "content/plans/recovery.yaml",
        "suppliers: [host]",
        "suppliers: [hots]",
    );
    f.edit(
        "content/plans/recovery.yaml",
        "message: notice",
        "message: notise",
    );
    f.edit(
        "content/plans/recovery.yaml",
        "obligation: gdpr",
        "obligation: nis2",
    );
    f.edit(
        "content/playbooks/ransomware.md",
        "plans: [recovery]",
        "plans: [recover]",
    );
    let diags = f.check();
    assert_eq!(
        shorts(&diags),
        [
            "error content/plans/recovery.yaml:2:14 unknown severity `hihg`",
            "error content/plans/recovery.yaml:8:22 unknown role `press-officer`",
            "error content/plans/recovery.yaml:10:21 unknown supplier `hots`",
            "error content/plans/recovery.yaml:11:18 unknown message `notise`",
            "error content/plans/recovery.yaml:18:21 unknown obligation `nis2`",
            "error content/playbooks/ransomware.md:5:9 unknown plan `recover`",
            "error handbook.yaml:8:14 unknown role `leed`",
            "error handbook.yaml:35:12 unknown obligation `gdrp`",
        ]
    );
    let helps: Vec<_> = diags.iter().map(|d| d.help.clone().unwrap()).collect();
    assert_eq!(helps[0], "did you mean `high`?");
    assert_eq!(helps[1], "known roles: `lead`, `tech`");
    assert_eq!(helps[4], "known obligations: `final`, `gdpr`");
}

#[test]
fn duplicate_id() {
    let f = Fixture::new();
    f.edit("handbook.yaml", "  - id: low", "  - id: high");
    let d = only(&f);
    assert_eq!(d.short(), "error handbook.yaml:9:9 duplicate severity id `high`");
    assert_eq!(
        d.help.as_deref(),
        Some("the first `high` is on line 5; give each severity its own id")
    );
}

#[test]
fn two_primary_contacts() {
    let f = Fixture::new();
    f.edit(
        "content/suppliers/host.yaml",
        "    hours: 24/7",
        "    hours: 24/7\n    primary: true",
    );
    f.edit(
        "content/suppliers/host.yaml",
        "    email: lh@host.test",
        "    email: lh@host.test\n    primary: true",
    );
    let d = only(&f);
    assert_eq!(
        d.short(),
        "error content/suppliers/host.yaml:11:14 two primary contacts"
    );
}

#[test]
fn escalation_to_unknown_contact() {
    let f = Fixture::new();
    f.edit(
        "content/suppliers/host.yaml",
        "    contact: Lars Hald",
        "    contact: Lars Had",
    );
    let d = only(&f);
    assert_eq!(
        d.short(),
        "error content/suppliers/host.yaml:12:14 escalation to unknown contact `Lars Had`"
    );
    assert_eq!(d.help.as_deref(), Some("did you mean `Lars Hald`?"));
}

#[test]
fn after_cycle() {
    let f = Fixture::new();
    f.edit(
        "handbook.yaml",
        "    deadline: 72h\n",
        "    deadline: 72h\n    after: final\n",
    );
    let d = only(&f);
    assert_eq!(
        d.short(),
        "error handbook.yaml:31:12 `after` forms a cycle: gdpr -> final -> gdpr"
    );
}

#[test]
fn unterminated_front_matter() {
    let f = Fixture::new();
    f.write("content/pages/about.md", "---\ntitle: About\n\n# Why\n");
    let diags = f.check();
    assert_eq!(
        shorts(&diags),
        ["error content/pages/about.md:1:1 the front matter is not closed"],
        "a page that failed to load must not also break the links to it"
    );
}

#[test]
fn a_document_without_front_matter_or_heading_has_no_title() {
    let f = Fixture::new();
    f.write("content/pages/about.md", "Why this handbook exists.\n\n# Why\n");
    let d = only(&f);
    assert_eq!(
        d.short(),
        "error content/pages/about.md:1:1 the document has no title"
    );
    assert_eq!(
        d.help.as_deref(),
        Some(
            "start the file with a `# Title` line, or with front matter: a line `---`, then `title: ...`, then a line `---`"
        )
    );
}

#[test]
fn non_utf8_file() {
    let f = Fixture::new();
    f.write_bytes(
        "content/suppliers/host.yaml",
        b"name: Host A/S\ntier: critical\nservices: [Hosting \xe6 drift]\n",
    );
    let d = only(&f);
    assert_eq!(
        d.short(),
        "error content/suppliers/host.yaml:3:20 the file is not valid UTF-8"
    );
}

#[test]
fn empty_file() {
    let f = Fixture::new();
    f.write("content/suppliers/host.yaml", "");
    let d = only(&f);
    assert_eq!(
        d.short(),
        "error content/suppliers/host.yaml:0:0 the file is empty"
    );
    assert_eq!(
        d.help.as_deref(),
        Some("write at least `name`, `tier`, `services` and `contacts`")
    );
}

#[test]
fn broken_message_template() {
    let f = Fixture::new();
    f.edit(
        "handbook.yaml",
        "at {{ supplier.name }},",
        "at {{ suplier.name }},",
    );
    let d = only(&f);
    assert_eq!(
        d.short(),
        "error handbook.yaml:42:37 message `notice`: the body does not render for supplier `host`: \
         Variable `suplier` is not defined. Available variables: contact, handbook, organization, supplier"
    );
}

#[test]
fn unknown_time_zone() {
    let f = Fixture::new();
    f.edit("handbook.yaml", "Europe/Copenhagen", "Europe/Copenhagn");
    let d = only(&f);
    assert_eq!(
        d.short(),
        "error handbook.yaml:3:11 unknown time zone `Europe/Copenhagn`"
    );
    assert_eq!(d.help.as_deref(), Some("did you mean `Europe/Copenhagen`?"));
}

#[test]
fn a_key_given_twice() {
    let f = Fixture::new();
    f.edit(
        "content/suppliers/host.yaml",
        "tier: critical\n",
        "tier: critical\ntier: standard\n",
    );
    let d = only(&f);
    assert_eq!(
        d.short(),
        "error content/suppliers/host.yaml:3:1 `tier` is given twice"
    );
    assert_eq!(
        d.help.as_deref(),
        Some("keep one of them: YAML would silently use only the last")
    );
}

#[test]
fn a_second_yaml_document() {
    let f = Fixture::new();
    f.edit(
        "content/suppliers/host.yaml",
        "last_reviewed: 2026-10-01\n",
        "last_reviewed: 2026-10-01\n---\nname: Other\n",
    );
    let d = only(&f);
    assert_eq!(
        d.short(),
        "error content/suppliers/host.yaml:21:1 YAML syntax: a second YAML document (`---`) in one file: one file holds one document"
    );
}

#[test]
fn base_url_must_be_absolute() {
    let f = Fixture::new();
    f.edit(
        "handbook.yaml",
        "timezone: Europe/Copenhagen\n",
        "timezone: Europe/Copenhagen\nbase_url: intranet/ir\n",
    );
    let d = only(&f);
    assert_eq!(
        d.short(),
        "error handbook.yaml:4:11 `base_url` must be an absolute web address, not `intranet/ir`"
    );
    let f = Fixture::new();
    let (code, stderr) = common::build(f.root(), &["--base-url", "not a url"]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("error: --base-url must be an absolute web address"),
        "{stderr}"
    );
}
