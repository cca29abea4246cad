//! `irbook import` on what real public collections (PagerDuty's incident-response docs,
//! Counteractive's plan template) hold: reference-style links, `!!!info` without a space,
//! MkDocs' old `pages:`, clashes with existing documents, titles from a first `##` heading.

mod common;

use common::import::*;
use common::*;

#[test]
fn reference_definitions_are_rewritten_and_reported_at_their_line() {
    let tree: &[(&str, &[u8])] = &[
        (
            "during/external_communication_guidelines.md",
            b"# External communication\n\n## Who\n\nThe comms lead.\n",
        ),
        ("img/flow.png", PNG),
        (
            "before/intro.md",
            b"# Intro\n\nSee [external communication][ecg], [the guidelines] and ![the flow][flow].\n\n\
[ecg]: ../during/external_communication_guidelines.md#who\n\
[the guidelines]: <../during/external_communication_guidelines.md>\n\
[flow]: ../img/flow.png \"Flow\"\n",
        ),
    ];
    let (f, src, stderr) = import_check_build(tree, &[]);
    assert!(
        stderr.contains(&format!(
            "playbook content/playbooks/before/intro.md  <- {}  (title from heading; 3 links rewritten)",
            src.path().join("before/intro.md").display()
        )),
        "{stderr}"
    );
    let intro = read(&f, "content/playbooks/before/intro.md");
    assert!(
        intro.contains(
            "See [external communication][ecg], [the guidelines] and ![the flow][flow].\n\n\
[ecg]: playbook:during/external-communication-guidelines#who\n\
[the guidelines]: <playbook:during/external-communication-guidelines>\n\
[flow]: /imported/img/flow.png \"Flow\"\n"
        ),
        "{intro}"
    );
    assert_eq!(
        std::fs::read(f.path("content/static/imported/img/flow.png")).unwrap(),
        PNG
    );
    let links = hrefs(&f, "playbooks/before/intro.html", "main a[href]", "href");
    assert!(
        links.contains(&"../../playbooks/during/external-communication-guidelines.html#who".to_string()),
        "{links:?}"
    );
    assert_eq!(
        hrefs(&f, "playbooks/before/intro.html", "main img", "src"),
        ["../../imported/img/flow.png"]
    );

    // A definition whose file is missing is reported at the definition's line.
    let (f, src) = setup(&[("a.md", b"# A\n\nSee [gone][g].\n\n[g]: missing.md\n")]);
    let (_, stderr) = import(src.path(), f.root(), &[]);
    assert!(
        stderr
            .contains("a.md: line 5: `missing.md` left as it is: no such Markdown file in the source folder"),
        "{stderr}"
    );
    assert!(!stderr.contains("not rewritten"), "{stderr}");
}

#[test]
fn admonitions_without_a_space_after_the_marker_are_converted_and_warned_about() {
    let (f, src) = setup(&[(
        "a.md",
        b"# A\n\n!!!info \"Title\"\n    Body one.\n\n???warning\n    Body two.\n\n???+tip \"Open\"\n    Body three.\n\n!!!Important!!! stays text.\n",
    )]);
    let (code, stderr) = import(src.path(), f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("(title from heading; 3 admonitions converted)"),
        "{stderr}"
    );
    let a = read(&f, "content/playbooks/a.md");
    assert!(
        a.ends_with(
            "> [!NOTE]\n> **Title**\n>\n> Body one.\n\n> [!WARNING]\n> Body two.\n\n> [!TIP]\n> **Open**\n>\n> Body three.\n\n!!!Important!!! stays text.\n"
        ),
        "{a}"
    );

    // In the handbook, the same lines are admonitions that print literally.
    let f = Fixture::new();
    f.write(
        "content/pages/mkdocs.md",
        "---\ntitle: MkDocs\n---\n!!!info \"Title\"\n    Body.\n\n???+tip\n    Open.\n\n!!!Important!!! stays text.\n",
    );
    let found: Vec<String> = shorts(&f.check())
        .into_iter()
        .filter(|s| s.contains("MkDocs admonition"))
        .collect();
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].starts_with("warning content/pages/mkdocs.md:4:1 "),
        "{found:#?}"
    );
    assert!(
        found[1].starts_with("warning content/pages/mkdocs.md:7:1 "),
        "{found:#?}"
    );
}

#[test]
fn mkdocs_pages_is_read_as_nav_and_a_missing_nav_is_said() {
    let docs: &[(&str, &[u8])] = &[
        ("docs/index.md", b"# Home\n"),
        ("docs/before/intro.md", b"# Intro\n"),
        ("docs/zebra.md", b"# Zebra\n"),
    ];
    let mut tree: Vec<(&str, &[u8])> = vec![(
        "mkdocs.yml",
        b"site_name: Old\npages:\n  - Home: index.md\n  - Zebra: zebra.md\n  - Getting ready:\n      - Intro: before/intro.md\n",
    )];
    tree.extend_from_slice(docs);
    let (f, src) = setup(&tree);
    let (code, stderr) = import(src.path(), f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("no nav in"), "{stderr}");
    assert!(read(&f, "content/playbooks/zebra.md").contains("order: 2\n"));
    assert_eq!(
        read(&f, "content/playbooks/before/_index.md"),
        "---\ntitle: \"Getting ready\"\norder: 3\n---\n"
    );

    tree[0] = ("mkdocs.yml", b"site_name: No nav\n");
    let (f, src) = setup(&tree);
    let (code, stderr) = import(src.path(), f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("no nav in mkdocs.yml: order and section titles from the files\n"),
        "{stderr}"
    );
    assert!(!f.path("content/playbooks/before/_index.md").exists());
}

#[test]
fn a_clash_says_how_many_imported_links_now_lead_to_the_existing_document() {
    // The test handbook has content/pages/about.md already.
    let (f, src) = setup(&[
        ("mkdocs.yml", b"site_name: Docs\n"),
        ("docs/about.md", b"# About us\n\nOur text.\n"),
        (
            "docs/index.md",
            b"# Home\n\nSee [about](about.md), [again](./about.md) and [the page][a].\n\n[a]: about.html\n",
        ),
        (
            "docs/more.md",
            b"# More\n\n[About](about.md). [Home](index.md).\n",
        ),
    ]);
    let (code, stderr) = import(src.path(), f.root(), &["--as", "pages"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "exists: content/pages/about.md (not written; 4 imported links to {} now lead to the existing page)\n",
            src.path().join("docs/about.md").display()
        )),
        "{stderr}"
    );
    assert!(read(&f, "content/pages/index.md").contains("[about](page:about)"));
}

#[test]
fn a_first_heading_of_any_level_gives_the_title() {
    let (f, src) = setup(&[
        (
            "ransomware.md",
            b"\n## Playbook: Ransomware\n\nIsolate first.\n\n## Contain\n\nThen this.\n",
        ),
        ("notes.md", b"Some text first.\n\n## A section\n\nMore.\n"),
    ]);
    let (code, stderr) = import(src.path(), f.root(), &["--as", "pages"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("ransomware.md  (title from heading)"), "{stderr}");
    assert_eq!(
        read(&f, "content/pages/ransomware.md"),
        "---\ntitle: \"Playbook: Ransomware\"\n---\n\nIsolate first.\n\n## Contain\n\nThen this.\n"
    );
    let notes = read(&f, "content/pages/notes.md");
    assert!(
        notes.starts_with("---\ntitle: \"Notes\"\n---\n\nSome text first.\n\n## A section\n"),
        "{notes}"
    );
}
