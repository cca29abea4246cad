//! Links that lead nowhere, each reported where it is written with a hint: typed links of
//! every kind, relative links to Markdown and other files, anchors, links in YAML texts.

mod common;

use common::{Fixture, one_diagnostic as only, shorts};

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
