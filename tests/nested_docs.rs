//! Playbooks and pages in sub-folders (ids with `/`, a folder's `_index.md`), and documents
//! that take their title from their first `# heading` instead of front matter: one `h1` per
//! page, on screen and in print.html.

mod common;

use common::site::{page, select, texts};
use common::v2::{built, hrefs};
use common::{Fixture, shorts};

/// The fixture with a folder of two playbooks (one without front matter) and its `_index.md`.
fn nested() -> Fixture {
    let f = Fixture::new();
    f.write(
        "content/playbooks/crypto/_index.md",
        "---\ntitle: Ransomware scenarios\norder: 1\n---\nEvery ransomware case starts with [the plan](plan:recovery).\n",
    );
    f.write(
        "content/playbooks/crypto/own-network.md",
        "# Ransomware in our own network\n\nSee [at the host](at-host.md#first-steps) and [back](../ransomware.md).\n\n## Eradicate before restore\n",
    );
    f.write(
        "content/playbooks/crypto/at-host.md",
        "---\ntitle: Ransomware at the host\norder: 2\n---\n# Ransomware at the host\n\n## First steps\n\nCall [the host](supplier:host). Also [own network](playbook:crypto/own-network#eradicate-before-restore).\n",
    );
    f
}

#[test]
fn nested_documents_load_link_and_build_at_their_paths() {
    let f = nested();
    assert_eq!(shorts(&f.check()), Vec::<String>::new());
    let site = built(&f);
    let own = page(&site, "playbooks/crypto/own-network.html");
    // The title came from the heading: it is the page's one h1, not repeated in the body.
    assert_eq!(texts(&own, "main h1"), ["Ransomware in our own network"]);
    assert_eq!(texts(&own, "main h2"), ["Eradicate before restore"]);
    assert_eq!(
        hrefs(&own, "main p a"),
        [
            "../../playbooks/crypto/at-host.html#first-steps",
            "../../playbooks/ransomware.html"
        ]
    );
    let host = page(&site, "playbooks/crypto/at-host.html");
    // Front matter title and the same first heading: shown once.
    assert_eq!(texts(&host, "main h1"), ["Ransomware at the host"]);
    assert_eq!(texts(&host, "main h2#first-steps"), ["First steps"]);
    assert_eq!(
        hrefs(&host, "main p a"),
        [
            "../../suppliers/host.html",
            "../../playbooks/crypto/own-network.html#eradicate-before-restore"
        ]
    );
}

#[test]
fn lists_and_print_go_folder_by_folder_with_the_index_first() {
    let f = nested();
    let site = built(&f);
    let home = page(&site, "index.html");
    assert_eq!(
        texts(&home, "section[aria-labelledby=playbooks] h3"),
        ["Ransomware scenarios"]
    );
    assert_eq!(
        hrefs(&home, "section[aria-labelledby=playbooks] a"),
        [
            "playbooks/ransomware.html",
            "playbooks/crypto.html",
            "playbooks/crypto/at-host.html",
            "playbooks/crypto/own-network.html"
        ]
    );
    let print = page(&site, "print.html");
    let ids: Vec<String> = select(&print, "section.print-section")
        .iter()
        .filter_map(|s| s.value().attr("id").map(String::from))
        .filter(|id| id.starts_with("playbooks-"))
        .collect();
    assert_eq!(
        ids,
        [
            "playbooks-ransomware--top",
            "playbooks-crypto--top",
            "playbooks-crypto-at-host--top",
            "playbooks-crypto-own-network--top"
        ]
    );
    // One h1 per document in the whole printed handbook.
    let h1s = texts(&print, "section.print-section h1");
    let sections = select(&print, "section.print-section").len();
    assert_eq!(h1s.len(), sections, "{h1s:?}");
}

#[test]
fn a_file_beside_a_folder_of_the_same_name_with_an_index_is_an_error() {
    let f = nested();
    f.write("content/playbooks/crypto.md", "# Crypto again\n");
    let diags = f.check();
    let same: Vec<String> = diags
        .iter()
        .filter(|d| d.message.starts_with("two documents"))
        .map(|d| d.short())
        .collect();
    assert_eq!(
        same,
        ["error content/playbooks/crypto.md:0:0 two documents have the id `crypto`"]
    );
}

#[test]
fn a_folder_name_that_is_no_id_is_an_error() {
    let f = Fixture::new();
    f.write("content/playbooks/Ransom Ware/x.md", "# X\n");
    let diags = f.check();
    assert_eq!(
        shorts(&diags),
        [
            "error content/playbooks/Ransom Ware/x.md:0:0 invalid folder name `Ransom Ware`: the folder name is part of the id"
        ]
    );
    assert_eq!(
        diags[0].help.as_deref(),
        Some(
            "ids use lowercase letters, digits and `-`, and start with a letter or digit; rename the folder to `ransom-ware`"
        )
    );
}
