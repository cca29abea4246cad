//! `irbook check` on broken handbooks: every error with its exact file, line, column, message
//! and hint.

mod common;

use common::{Fixture, shorts};

fn only(f: &Fixture) -> common::Diag {
    let diags = f.check();
    assert_eq!(diags.len(), 1, "expected one diagnostic, got {:#?}", diags);
    diags.into_iter().next().unwrap()
}

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
        "  - name: Lars Holm",
        "\t- name: Lars Holm",
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
        "    email: lh@host.example",
        "    emial: lh@host.example",
    );
    let diags = f.check();
    assert_eq!(
        shorts(&diags),
        [
            "error content/suppliers/host.yaml:8:11 contact `Lars Holm` has neither phone nor email",
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
        "    email: lh@host.example",
        "    email: lh@host.example\n    primary: true",
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
        "    contact: Lars Holm",
        "    contact: Lars Hom",
    );
    let d = only(&f);
    assert_eq!(
        d.short(),
        "error content/suppliers/host.yaml:12:14 escalation to unknown contact `Lars Hom`"
    );
    assert_eq!(d.help.as_deref(), Some("did you mean `Lars Holm`?"));
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
fn broken_typed_link_in_markdown_body_and_yaml_field() {
    let f = Fixture::new();
    f.edit(
        "content/playbooks/ransomware.md",
        "(supplier:host)",
        "(supplier:hots)",
    );
    f.edit("content/plans/recovery.yaml", "        within: 48h\n", "        within: 48h\n        details: |\n          First line.\n          Call [the host](supplier:gost).\n");
    let diags = f.check();
    assert_eq!(
        shorts(&diags),
        [
            "error content/plans/recovery.yaml:20:27 broken link: unknown supplier `gost`",
            "error content/playbooks/ransomware.md:11:17 broken link: unknown supplier `hots`",
        ]
    );
    assert_eq!(diags[1].help.as_deref(), Some("did you mean `host`?"));
}

#[test]
fn broken_relative_link() {
    let f = Fixture::new();
    f.edit(
        "content/playbooks/ransomware.md",
        "(../pages/about.md#why)",
        "(about.md#why)",
    );
    let d = only(&f);
    assert_eq!(
        d.short(),
        "error content/playbooks/ransomware.md:18:18 broken link: `about.md` is not a playbook or page of the handbook (looked for content/playbooks/about.md)"
    );
    assert_eq!(
        d.help.as_deref(),
        Some("did you mean `page:about`? a typed link does not depend on folders or file names")
    );
}

#[test]
fn broken_anchors() {
    let f = Fixture::new();
    f.edit(
        "content/playbooks/ransomware.md",
        "(plan:recovery#notify)",
        "(plan:recovery#notfy)",
    );
    f.edit(
        "content/pages/about.md",
        "(playbook:ransomware#first-hour)",
        "(playbook:ransomware#first-hours)",
    );
    f.edit(
        "content/playbooks/ransomware.md",
        "(../pages/about.md#why)",
        "(../pages/about.md#how)",
    );
    f.edit("content/playbooks/ransomware.md", "(role:lead)", "(role:lead#x)");
    let diags = f.check();
    assert_eq!(
        shorts(&diags),
        [
            "error content/pages/about.md:6:22 broken link: no anchor `#first-hours` in playbook `ransomware`",
            "error content/playbooks/ransomware.md:11:54 broken link: no anchor `#notfy` in plan `recovery`",
            "error content/playbooks/ransomware.md:16:23 broken link: a role link takes no `#anchor`",
            "error content/playbooks/ransomware.md:18:18 broken link: no anchor `#how` in page `about`",
        ]
    );
    assert_eq!(diags[0].help.as_deref(), Some("did you mean `#first-hour`?"));
    assert_eq!(diags[1].help.as_deref(), Some("did you mean `#notify`?"));
}

#[test]
fn misspelt_link_kind() {
    let f = Fixture::new();
    f.edit(
        "content/playbooks/ransomware.md",
        "(supplier:host)",
        "(suplier:host)",
    );
    let d = only(&f);
    assert_eq!(
        d.short(),
        "error content/playbooks/ransomware.md:11:17 broken link: unknown link kind `suplier:`"
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

#[test]
fn three_errors_in_three_files_in_one_run() {
    let f = Fixture::new();
    f.edit("handbook.yaml", "notify: [lead]", "notify: [boss]");
    f.edit(
        "content/suppliers/host.yaml",
        "    contact: Lars Holm",
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
fn severity_links_are_checked() {
    let f = Fixture::new();
    f.edit(
        "content/playbooks/ransomware.md",
        "(role:lead)",
        "(severity:hihg)",
    );
    let d = only(&f);
    assert_eq!(
        d.short(),
        "error content/playbooks/ransomware.md:16:23 broken link: unknown severity `hihg`"
    );
    f.edit(
        "content/playbooks/ransomware.md",
        "(severity:hihg)",
        "(severity:high)",
    );
    assert_eq!(shorts(&f.check()), Vec::<String>::new());
}

#[test]
fn unknown_playbook_and_page_links() {
    let f = Fixture::new();
    f.edit(
        "content/pages/about.md",
        "(playbook:ransomware#first-hour)",
        "(playbook:ransomwar)",
    );
    f.edit(
        "content/playbooks/ransomware.md",
        "(../pages/about.md#why)",
        "(page:abut)",
    );
    assert_eq!(
        shorts(&f.check()),
        [
            "error content/pages/about.md:6:22 broken link: unknown playbook `ransomwar`",
            "error content/playbooks/ransomware.md:18:18 broken link: unknown page `abut`",
        ]
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
fn links_in_folded_and_plain_multi_line_yaml_text_are_placed_exactly() {
    let f = Fixture::new();
    f.edit(
        "content/suppliers/host.yaml",
        "last_reviewed: 2026-10-01\n",
        "last_reviewed: 2026-10-01\nnotes: >\n  A long line that is folded\n  into the one before.\n\n  See [x](supplier:nope) now.\nsecure_channel: Call first,\n  then [y](supplier:nope2).\n",
    );
    assert_eq!(
        shorts(&f.check()),
        [
            "error content/suppliers/host.yaml:24:11 broken link: unknown supplier `nope`",
            "error content/suppliers/host.yaml:26:12 broken link: unknown supplier `nope2`",
        ]
    );
}

#[test]
fn links_to_files_must_reach_the_built_site() {
    let f = Fixture::new();
    f.write("content/static/files/policy.pdf", "%PDF");
    f.edit(
        "content/playbooks/ransomware.md",
        "## First hour",
        "[ok](/files/policy.pdf) [sheet](/contacts.html) [gone](/files/nope.pdf) ![img](diagram.png) [dir](../plans/)\n\n## First hour",
    );
    let diags = f.check();
    assert_eq!(
        shorts(&diags),
        [
            "error content/playbooks/ransomware.md:13:56 broken link: no file `/files/nope.pdf` in content/static/",
            "error content/playbooks/ransomware.md:13:80 broken link: `diagram.png` is not part of the built site",
            "error content/playbooks/ransomware.md:13:99 broken link: `../plans/` is not part of the built site",
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
        "name: Host A/S\ntier: critcal\ncontacts:\n  - role: NOC\n    phone: \"+45 70 00 00 01\"\n  - name: Lars Holm\n    emial: lh@host.example\nescalation:\n  - after: soon\n    contact: Lars Holm\ncontract:\n  expires: 31.12.2027\nlast_reviewed: 2026-10-01\n",
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
fn same_page_links_in_yaml_texts_are_checked() {
    let f = Fixture::new();
    f.edit(
        "content/suppliers/host.yaml",
        "last_reviewed: 2026-10-01\n",
        "last_reviewed: 2026-10-01\nnotes: \"See [contract](#contract) and [x](#nothing).\"\n",
    );
    f.edit(
        "handbook.yaml",
        "    name: Incident lead\n",
        "    name: Incident lead\n    duties: \"Hand over to the [deputy](#deputies).\"\n",
    );
    assert_eq!(
        shorts(&f.check()),
        [
            "error content/suppliers/host.yaml:20:43 broken link: no anchor `#nothing` in a supplier page",
            "error handbook.yaml:14:40 broken link: `#deputies` leads nowhere from a YAML text",
        ]
    );
}

#[test]
fn a_relative_link_to_a_static_file_gets_the_path_to_write() {
    let f = Fixture::new();
    f.write("content/static/docs/contract.pdf", "%PDF");
    f.edit(
        "content/playbooks/ransomware.md",
        "## First hour",
        "[c](../static/docs/contract.pdf) [log](../../forms/incident-log.html)\n\n## First hour",
    );
    let helps: Vec<String> = f.check().into_iter().map(|d| d.help.unwrap()).collect();
    assert_eq!(
        helps,
        [
            "links to files of the site start at its root: write `/docs/contract.pdf`",
            "links to files of the site start at its root: write `/forms/incident-log.html`",
        ]
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

#[test]
fn plan_links_may_name_a_step() {
    let f = Fixture::new();
    f.edit(
        "content/playbooks/ransomware.md",
        "(plan:recovery#notify)",
        "(plan:recovery#step-2-1)",
    );
    assert_eq!(shorts(&f.check()), Vec::<String>::new());
    f.edit(
        "content/playbooks/ransomware.md",
        "(plan:recovery#step-2-1)",
        "(plan:recovery#step-9-9)",
    );
    assert_eq!(
        shorts(&f.check()),
        ["error content/playbooks/ransomware.md:11:54 broken link: no anchor `#step-9-9` in plan `recovery`"]
    );
}
