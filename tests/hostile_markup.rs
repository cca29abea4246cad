//! Markdown that tries to carry HTML attributes or links irbook cannot check: headings keep
//! only their id and class, and a link of an unknown scheme is an error.

mod common;

use common::site::{page, select};
use common::{Fixture, build, shorts};

/// Every attribute of the elements `css` selects on a page, as `tag name=value`, sorted.
fn attributes(site: &std::path::Path, rel: &str, css: &str) -> Vec<String> {
    let html = page(site, rel);
    let mut all: Vec<String> = select(&html, css)
        .iter()
        .flat_map(|e| {
            let tag = e.value().name().to_string();
            e.value()
                .attrs()
                .map(move |(name, value)| format!("{tag} {name}={value}"))
                .collect::<Vec<_>>()
        })
        .collect();
    all.sort();
    all
}

#[test]
fn heading_attributes_keep_only_id_and_class_everywhere() {
    let f = Fixture::new();
    f.edit(
        "handbook.yaml",
        "organization: Testfirma ApS\n",
        "organization: Testfirma ApS\nstart_here: |\n  ## Urgent {onclick=alert(1) .big}\n  Call.\n",
    );
    f.edit(
        "content/playbooks/ransomware.md",
        "## First hour",
        "## First hour {#first-hour .step style=\"color:red\" onmouseover=alert(2)}",
    );
    f.edit("content/pages/about.md", "# Why", "# Why {#why data-x=1}");
    let diags = f.check();
    assert_eq!(
        shorts(&diags),
        [
            "warning content/pages/about.md:4:1 heading attribute `data-x` is dropped",
            "warning content/playbooks/ransomware.md:13:1 heading attribute `style` is dropped",
            "warning content/playbooks/ransomware.md:13:1 heading attribute `onmouseover` is dropped",
            "warning handbook.yaml:4:3 heading attribute `onclick` is dropped",
        ]
    );
    assert_eq!(
        diags[0].help.as_deref(),
        Some("headings keep only `{#id}` and `{.class}`: remove the attribute")
    );
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let site = f.path("site");
    assert_eq!(
        attributes(&site, "index.html", ".start-here h2:not(#start-here)"),
        ["h2 class=big"]
    );
    // The bodies have `#` headings of their own besides the title: each is one level lower.
    assert_eq!(
        attributes(&site, "playbooks/ransomware.html", "main h3"),
        ["h3 class=step", "h3 id=first-hour"]
    );
    assert_eq!(attributes(&site, "pages/about.html", "main h2"), ["h2 id=why"]);
}

#[test]
fn links_of_unknown_schemes_and_kinds_in_capitals_are_errors() {
    let f = Fixture::new();
    f.edit(
        "content/playbooks/ransomware.md",
        "## First hour",
        "Call [the host](SUPPLIER:host), [ops](foo:bar), [fax](fax:+4511) and [web](HTTPS://host.test), [mail](mailto:a@b.test), [phone](tel:+4511111111).\n\n## First hour",
    );
    let diags = f.check();
    assert_eq!(
        shorts(&diags),
        [
            "error content/playbooks/ransomware.md:13:17 broken link: unknown link kind `SUPPLIER:`",
            "error content/playbooks/ransomware.md:13:39 broken link: unknown link scheme `foo:`",
            "error content/playbooks/ransomware.md:13:55 broken link: unknown link scheme `fax:`",
        ]
    );
    assert_eq!(
        diags[0].help.as_deref(),
        Some(
            "did you mean `supplier:`? typed links start with severity:, role:, obligation:, message:, stakeholder:, system:, supplier:, party:, plan:, playbook:, page: or form:"
        )
    );
    assert_eq!(
        diags[1].help.as_deref(),
        Some(
            "links lead to web addresses (https://...), mailto:, tel:, or by kind to severity:, role:, obligation:, message:, stakeholder:, system:, supplier:, party:, plan:, playbook:, page: or form:"
        )
    );
}
