//! Folders to import, written for the tests in the shapes of an mdBook book, a MkDocs project
//! and a Jekyll site: flat ones (the whole `import` -> `check` -> `build` path) and nested
//! ones (sub-folders, section titles, raw HTML anchors linked across files).

use std::collections::BTreeMap;
use std::path::Path;

use super::{Fixture, build, irbook, shorts, site};

/// A picture's bytes: what is copied is compared, not looked at.
pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\nnot really a picture";

pub fn write_tree(dir: &Path, files: &[(&str, &[u8])]) {
    for (rel, bytes) in files {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

pub const MDBOOK_FLAT: &[(&str, &[u8])] = &[
    ("book.toml", b"[book]\ntitle = \"Facilities runbook\"\n"),
    (
        "src/SUMMARY.md",
        b"# Summary\n\n[Introduction](README.md)\n\n- [Power cut](power-cut.md)\n- [Water damage](water_damage.md)\n",
    ),
    (
        "src/README.md",
        b"# Facilities runbook\n\nWhat to do when the building fails us: start with the [power cut](./power-cut.md).\n",
    ),
    (
        "src/power-cut.md",
        b"# Power cut\n\n![The UPS panel](images/UPS%20Panel.png)\n\n\
!!! danger \"Do not reset the breakers\"\n    Wait for the electrician. If water is involved, go to\n    [water damage](water_damage.html#after-the-water).\n\n\
## Call\n\nPhone the landlord's number in {{ landlord_phone }}.\n\n\
```sh\n# a comment, not a title\ncat ./not-a-link.md\n```\n\n\
The [wiring plan](files/wiring.pdf) hangs by the door.\n",
    ),
    ("src/images/UPS Panel.png", PNG),
    ("src/files/wiring.pdf", b"%PDF-1.4 not really"),
    (
        "src/water_damage.md",
        b"Water damage\n============\n\n<a id=\"stopcock\"></a>\nThe stopcock is in the basement.\n\n\
## After the water\n\n!!! tip\n    Photograph everything before cleaning up.\n\nBack to the [power cut](power-cut.md).\n",
    ),
];

pub const MKDOCS_FLAT: &[(&str, &[u8])] = &[
    (
        "mkdocs.yml",
        b"site_name: Ops runbooks\ndocs_dir: pages\nnav:\n  - Home: index.md\n  - Lost laptop: lost-laptop.md\n  - DNS outage: dns.md\n  - GitHub: https://github.com/example\nmarkdown_extensions:\n  - admonition\n",
    ),
    (
        "pages/index.md",
        b"# Ops runbooks\n\nStart with [DNS](dns.md) or [a lost laptop](lost-laptop.md#first-steps).\n",
    ),
    (
        "pages/dns.md",
        b"---\ntitle: \"DNS: names do not resolve\"\ndescription: When nothing resolves\ndate: 2025-03-01\ntags: [dns, network]\nhide:\n  - toc\n---\n\n\
## Check\n\n!!! warning \"Before you restart: ask\"\n    Tell the on-call lead first.\n\n    ??? note\n        The resolver logs are in `/var/log`.\n\n\
![Resolvers](img/resolvers.png)\n\nThe name {{ zone }} must resolve. See [the laptop page](lost-laptop/).\n\n\
<a name=\"rollback\"></a>\n## Roll back\n\nUndo the last change.\n",
    ),
    ("pages/img/resolvers.png", PNG),
    (
        "pages/lost-laptop.md",
        b"# Lost laptop\n\n## First steps\n\n1. Lock the account.\n2. Read [the DNS page](dns.md#roll-back) if the laptop ran DNS.\n\n\
!!! info\n    Insurance needs the serial number.\n",
    ),
];

pub const JEKYLL_FLAT: &[(&str, &[u8])] = &[
    ("_config.yml", b"title: Security playbooks\ntheme: just-the-docs\n"),
    ("_layouts/default.html", b"<html>{{ content }}</html>\n"),
    (
        "phishing.md",
        b"---\nlayout: page\ntitle: \"Phishing: a mail with a link\"\nnav_order: 2\npermalink: /phishing/\nlast_modified_at: 2025-06-30 09:00:00 +0200\ncategories: mail\n---\n\n\
# Phishing: a mail with a link\n\n{% include warning.html %}\n\nWhen someone clicked, follow [account takeover](account_takeover.md).\n\n\
![The report button](assets/report-button.png)\n",
    ),
    ("assets/report-button.png", PNG),
    (
        "account_takeover.md",
        b"---\nlayout: page\ntitle: Account takeover\nparent: Playbooks\nnav_order: 1\n---\n\n<div id=\"reset\"></div>\n\n\
!!! caution \"Sessions\"\n    End every session, not only the password.\n\nSee [phishing](phishing.html) for how it usually starts.\n",
    ),
];

pub const MDBOOK_NESTED: &[(&str, &[u8])] = &[
    ("book.toml", b"[book]\ntitle = \"IR book\"\n"),
    (
        "src/SUMMARY.md",
        b"# Summary\n\n- [Extortion](Extortion/README.md)\n  - [Encryption](Extortion/encryption.md)\n  - [Backups](Extortion/Backups.md)\n- [Contacts](contacts.md)\n",
    ),
    (
        "src/Extortion/README.md",
        b"# Extortion\n\nFirst [encryption](encryption.md), then [backups](./Backups.md#restore-order).\n",
    ),
    (
        "src/Extortion/encryption.md",
        b"# Encryption\n\n![Ransom note](../images/note.png)\n\n!!! warning\n    Do not pay before legal advice.\n\nCall the people in [contacts](../contacts.md#night).\n",
    ),
    (
        "src/Extortion/Backups.md",
        b"# Backups\n\n## Restore order\n\nFrom {{ backup_host }}; see [encryption](encryption.html).\n",
    ),
    ("src/images/note.png", PNG),
    (
        "src/contacts.md",
        b"# Contacts\n\n<a id=\"night\"></a>\nAt night: the on-call phone. Back to [ransomware](Extortion/README.md).\n",
    ),
];

pub const MKDOCS_NESTED: &[(&str, &[u8])] = &[
    (
        "mkdocs.yml",
        b"site_name: Runbooks\nnav:\n  - index.md\n  - Outages:\n      - Power: outages/power.md\n      - Network: outages/Network Down.md\n",
    ),
    (
        "docs/index.md",
        b"# Runbooks\n\nSee [power](outages/power.md) and [network](outages/Network%20Down.md#isolate).\n",
    ),
    (
        "docs/outages/power.md",
        b"# Power\n\n!!! note \"Generator\"\n    Fuel for 8 hours.\n\n![Panel](../img/panel.png)\n\nBack [home](../index.md).\n",
    ),
    (
        "docs/outages/Network Down.md",
        b"# Network down\n\n<a id=\"isolate\"></a>\nPull the uplink. See [power](power.md).\n",
    ),
    ("docs/img/panel.png", PNG),
];

pub const JEKYLL_NESTED: &[(&str, &[u8])] = &[
    ("_config.yml", b"title: Playbooks\n"),
    ("assets/stick.png", PNG),
    (
        "playbooks/Malware/usb-stick.md",
        b"---\nlayout: default\ntitle: USB stick found\ndate: 2024-11-05\n---\n\nHand it to [IT](../../it.md#desk). ![Stick](/assets/stick.png) {{ site.title }}\n",
    ),
    (
        "it.md",
        b"---\ntitle: IT\n---\n\n<a id=\"desk\"></a>\nThe IT desk. See [USB stick](playbooks/Malware/usb-stick.md).\n",
    ),
];

/// Runs `irbook import SRC --root ROOT [extra]`: (exit code, stderr).
pub fn import(src: &Path, root: &Path, extra: &[&str]) -> (i32, String) {
    let output = irbook()
        .arg("import")
        .arg(src)
        .arg("--root")
        .arg(root)
        .args(extra)
        .output()
        .expect("runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// The test handbook and a source folder written from `tree`.
pub fn setup(tree: &[(&str, &[u8])]) -> (Fixture, tempfile::TempDir) {
    let src = tempfile::tempdir().unwrap();
    write_tree(src.path(), tree);
    (Fixture::new(), src)
}

/// Every file under `dir`, by relative path.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    site::files(dir)
}

pub fn read(f: &Fixture, rel: &str) -> String {
    std::fs::read_to_string(f.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Import, check (exactly `warnings`, no error), build (every link resolves): the site.
pub fn import_check_build(
    tree_: &[(&str, &[u8])],
    warnings: &[&str],
) -> (Fixture, tempfile::TempDir, String) {
    let (f, src) = setup(tree_);
    let (code, stderr) = import(src.path(), f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("check: 0 errors"), "{stderr}");
    assert_eq!(shorts(&f.check()), warnings, "{stderr}");
    let (code, build_err) = build(f.root(), &[]);
    assert_eq!(code, 0, "{build_err}");
    assert_eq!(site::link_problems(&f.path("site")), Vec::<String>::new());
    (f, src, stderr)
}

pub fn hrefs(f: &Fixture, page: &str, css: &str, attr: &str) -> Vec<String> {
    let html = site::page(&f.path("site"), page);
    site::select(&html, css)
        .iter()
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
}
