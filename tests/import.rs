//! `irbook import` on folders in the shapes of an mdBook book, a MkDocs project and a Jekyll
//! site: what it writes, that `check` then finds exactly the expected warnings and no error,
//! that every imported link resolves in the built site, and that a second run changes nothing.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::import::*;
use common::*;

/// Runs `irbook import SRC --root ROOT [extra]`: (exit code, stderr).
fn import(src: &Path, root: &Path, extra: &[&str]) -> (i32, String) {
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
fn setup(tree: &[(&str, &[u8])]) -> (Fixture, tempfile::TempDir) {
    let src = tempfile::tempdir().unwrap();
    write_tree(src.path(), tree);
    (Fixture::new(), src)
}

/// Every file under `dir`, by relative path.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    site::files(dir)
}

fn read(f: &Fixture, rel: &str) -> String {
    std::fs::read_to_string(f.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Import, check (exactly `warnings`, no error), build (every link resolves): the site.
fn import_check_build(tree_: &[(&str, &[u8])], warnings: &[&str]) -> (Fixture, tempfile::TempDir, String) {
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

fn hrefs(f: &Fixture, page: &str, css: &str, attr: &str) -> Vec<String> {
    let html = site::page(&f.path("site"), page);
    site::select(&html, css)
        .iter()
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
}

#[test]
fn an_mdbook_book_imports_checks_and_builds() {
    let (f, src, stderr) = import_check_build(
        MDBOOK_FLAT,
        &[
            "warning content/playbooks/power-cut.md:16:32 `{{ landlord_phone }}` prints literally: irbook fills in no placeholders",
        ],
    );
    assert!(
        stderr.contains(&format!(
            "playbook content/playbooks/power-cut.md  <- {}  (title from heading; 1 admonition converted; 3 links rewritten)",
            src.path().join("src/power-cut.md").display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("power-cut.md: line 11: a template placeholder"),
        "{stderr}"
    );
    let power = read(&f, "content/playbooks/power-cut.md");
    assert!(
        power.starts_with(
            "---\ntitle: \"Power cut\"\norder: 2\n---\n\n![The UPS panel](/imported/images/ups-panel.png)\n"
        ),
        "{power}"
    );
    assert!(
        power.contains("> [!CAUTION]\n> **Do not reset the breakers**\n>\n> Wait for the electrician."),
        "{power}"
    );
    assert!(
        power.contains("[water damage](playbook:water-damage#after-the-water)"),
        "{power}"
    );
    // Code is left as it is.
    assert!(
        power.contains("# a comment, not a title\ncat ./not-a-link.md\n"),
        "{power}"
    );
    assert_eq!(
        std::fs::read(f.path("content/static/imported/images/ups-panel.png")).unwrap(),
        PNG
    );
    let water = read(&f, "content/playbooks/water-damage.md");
    assert!(
        water.starts_with("---\ntitle: \"Water damage\"\norder: 3\n---\n\n<a id=\"stopcock\"></a>\n"),
        "{water}"
    );
    // The links in the built pages.
    let links = hrefs(&f, "playbooks/power-cut.html", "main a[href]", "href");
    assert!(
        links.contains(&"../playbooks/water-damage.html#after-the-water".to_string()),
        "{links:?}"
    );
    assert!(
        links.contains(&"../imported/files/wiring.pdf".to_string()),
        "{links:?}"
    );
    let images = hrefs(&f, "playbooks/power-cut.html", "main img", "src");
    assert_eq!(images, ["../imported/images/ups-panel.png"]);
    assert!(
        hrefs(&f, "playbooks/readme.html", "main a[href]", "href")
            .contains(&"../playbooks/power-cut.html".to_string())
    );
}

#[test]
fn a_mkdocs_project_imports_checks_and_builds() {
    let (f, _src, stderr) = import_check_build(
        MKDOCS_FLAT,
        &[
            "warning content/playbooks/dns.md:5:16 last reviewed 2025-03-01, more than 365d ago",
            "warning content/playbooks/dns.md:21:10 `{{ zone }}` prints literally: irbook fills in no placeholders",
        ],
    );
    assert!(
        stderr.contains("(2 admonitions converted; 2 links rewritten; dropped: hide)"),
        "{stderr}"
    );
    let dns = read(&f, "content/playbooks/dns.md");
    assert!(
        dns.starts_with("---\ntitle: \"DNS: names do not resolve\"\nsummary: \"When nothing resolves\"\norder: 3\nlast_reviewed: 2025-03-01\ntags: [\"dns\", \"network\"]\n---\n"),
        "{dns}"
    );
    assert!(dns.contains("> [!WARNING]\n> **Before you restart: ask**\n>\n> Tell the on-call lead first.\n>\n> > [!NOTE]\n> > The resolver logs are in `/var/log`.\n"), "{dns}");
    assert!(
        dns.contains("See [the laptop page](playbook:lost-laptop)."),
        "{dns}"
    );
    let laptop = read(&f, "content/playbooks/lost-laptop.md");
    assert!(
        laptop.contains("> [!NOTE]\n> **Info**\n>\n> Insurance needs the serial number."),
        "{laptop}"
    );
    let links = hrefs(&f, "playbooks/lost-laptop.html", "main a[href]", "href");
    assert!(
        links.contains(&"../playbooks/dns.html#roll-back".to_string()),
        "{links:?}"
    );
    let links = hrefs(&f, "playbooks/index.html", "main a[href]", "href");
    assert!(
        links.contains(&"../playbooks/lost-laptop.html#first-steps".to_string()),
        "{links:?}"
    );
    assert_eq!(
        hrefs(&f, "playbooks/dns.html", "main img", "src"),
        ["../imported/img/resolvers.png"]
    );
}

#[test]
fn a_jekyll_site_imports_checks_and_builds() {
    let (f, _src, stderr) = import_check_build(
        JEKYLL_FLAT,
        &[
            "warning content/playbooks/phishing.md:4:16 last reviewed 2025-06-30, more than 365d ago",
            "warning content/playbooks/phishing.md:8:1 `{% include warning.html %}` prints literally: irbook fills in no placeholders",
        ],
    );
    assert!(
        stderr
            .contains("(heading repeating the title removed; 2 links rewritten; dropped: layout, permalink)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("(1 admonition converted; 1 link rewritten; dropped: layout, parent)"),
        "{stderr}"
    );
    // Jekyll's machinery is not imported.
    assert!(!stderr.contains("_layouts"), "{stderr}");
    let phishing = read(&f, "content/playbooks/phishing.md");
    assert_eq!(
        phishing,
        "---\ntitle: \"Phishing: a mail with a link\"\norder: 2\nlast_reviewed: 2025-06-30\ntags: [\"mail\"]\n---\n\n\
{% include warning.html %}\n\nWhen someone clicked, follow [account takeover](playbook:account-takeover).\n\n\
![The report button](/imported/assets/report-button.png)\n"
    );
    let links = hrefs(&f, "playbooks/account-takeover.html", "main a[href]", "href");
    assert!(
        links.contains(&"../playbooks/phishing.html".to_string()),
        "{links:?}"
    );
}

#[test]
fn importing_twice_changes_nothing_and_reports_every_clash() {
    for shape in [MDBOOK_FLAT, MKDOCS_FLAT, JEKYLL_FLAT, MDBOOK_NESTED] {
        let (f, src) = setup(shape);
        let (code, first) = import(src.path(), f.root(), &[]);
        assert!(code == 0 || code == 1, "{first}");
        let written = first.lines().filter(|l| l.contains("  <- ")).count();
        let before = tree(f.root());
        let (code, second) = import(src.path(), f.root(), &[]);
        assert_eq!(code, 1, "{second}");
        assert_eq!(tree(f.root()), before);
        let clashes: Vec<&str> = second.lines().filter(|l| l.starts_with("exists: ")).collect();
        assert_eq!(clashes.len(), written, "{second}");
        assert!(clashes.iter().all(|l| l.contains(" (not written")), "{second}");
        assert!(!second.contains("  <- "), "{second}");
        assert!(
            second.contains(&format!(
                "wrote 0 files; {written} files existed already and were not written"
            )),
            "{second}"
        );
    }
}

#[test]
fn an_existing_file_is_kept_and_the_others_are_written() {
    let (f, src) = setup(MKDOCS_FLAT);
    f.write(
        "content/playbooks/dns.md",
        "---\ntitle: Ours\n---\nOur own text.\n",
    );
    let (code, stderr) = import(src.path(), f.root(), &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "exists: content/playbooks/dns.md (not written; 2 imported links to {} now lead to the existing playbook)\n",
            src.path().join("pages/dns.md").display()
        )),
        "{stderr}"
    );
    assert_eq!(
        read(&f, "content/playbooks/dns.md"),
        "---\ntitle: Ours\n---\nOur own text.\n"
    );
    assert!(f.path("content/playbooks/lost-laptop.md").is_file());
}

#[test]
fn a_dry_run_writes_nothing() {
    let (f, src) = setup(MDBOOK_FLAT);
    let before = tree(f.root());
    let (code, stderr) = import(src.path(), f.root(), &["--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("dry run, nothing is written"), "{stderr}");
    assert!(
        stderr.contains("playbook content/playbooks/power-cut.md  <- "),
        "{stderr}"
    );
    assert!(stderr.contains("would write 5 files"), "{stderr}");
    assert!(!stderr.contains("check:"), "{stderr}");
    assert_eq!(tree(f.root()), before);
}

#[test]
fn as_pages_writes_pages_with_page_links() {
    let (f, src) = setup(MKDOCS_FLAT);
    let (code, stderr) = import(src.path(), f.root(), &["--as", "pages"]);
    assert_eq!(code, 0, "{stderr}");
    let index = read(&f, "content/pages/index.md");
    assert!(
        index.contains("[a lost laptop](page:lost-laptop#first-steps)"),
        "{index}"
    );
}

#[test]
fn links_to_missing_or_outside_files_are_left_and_reported() {
    let (f, src) = setup(&[(
        "notes/a.md",
        b"# A\n\n[gone](missing.md) [up](../../etc/passwd) [pic](nope.png)\n",
    )]);
    let (code, stderr) = import(&src.path().join("notes"), f.root(), &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr
            .contains("a.md: line 3: `missing.md` left as it is: no such Markdown file in the source folder"),
        "{stderr}"
    );
    assert!(
        stderr.contains("a.md: line 3: `../../etc/passwd` left as it is: outside the source folder"),
        "{stderr}"
    );
    assert!(
        stderr.contains("a.md: line 3: `nope.png` left as it is: no such file in the source folder"),
        "{stderr}"
    );
    assert!(read(&f, "content/playbooks/a.md").contains("[gone](missing.md)"));
}

/// The nested shapes, at the level of the files written and the links rewritten.
#[test]
fn nested_folders_keep_their_structure_with_ids_and_sections() {
    let (f, src) = setup(MDBOOK_NESTED);
    import(src.path(), f.root(), &[]);
    assert_eq!(
        read(&f, "content/playbooks/extortion/_index.md"),
        "---\ntitle: \"Extortion\"\norder: 1\n---\n"
    );
    let readme = read(&f, "content/playbooks/extortion/readme.md");
    assert!(readme.contains("First [encryption](playbook:extortion/encryption), then [backups](playbook:extortion/backups#restore-order)."), "{readme}");
    let encryption = read(&f, "content/playbooks/extortion/encryption.md");
    assert!(
        encryption.contains("![Ransom note](/imported/images/note.png)"),
        "{encryption}"
    );
    assert!(
        encryption.contains("[contacts](playbook:contacts#night)"),
        "{encryption}"
    );
    assert!(
        read(&f, "content/playbooks/extortion/backups.md")
            .contains("see [encryption](playbook:extortion/encryption).")
    );
    assert!(read(&f, "content/playbooks/contacts.md").contains("[ransomware](playbook:extortion/readme)"));

    let (f, src) = setup(MKDOCS_NESTED);
    import(src.path(), f.root(), &[]);
    assert_eq!(
        read(&f, "content/playbooks/outages/_index.md"),
        "---\ntitle: \"Outages\"\norder: 2\n---\n"
    );
    assert!(
        read(&f, "content/playbooks/index.md").contains("[network](playbook:outages/network-down#isolate)")
    );
    let power = read(&f, "content/playbooks/outages/power.md");
    assert!(
        power.contains("![Panel](/imported/img/panel.png)") && power.contains("[home](playbook:index)"),
        "{power}"
    );
    assert!(read(&f, "content/playbooks/outages/network-down.md").contains("<a id=\"isolate\"></a>"));

    let (f, src) = setup(JEKYLL_NESTED);
    import(src.path(), f.root(), &[]);
    let usb = read(&f, "content/playbooks/playbooks/malware/usb-stick.md");
    assert!(
        usb.contains("[IT](playbook:it#desk). ![Stick](/imported/assets/stick.png)"),
        "{usb}"
    );
    assert!(
        read(&f, "content/playbooks/it.md").contains("[USB stick](playbook:playbooks/malware/usb-stick)")
    );
}

#[test]
fn nested_folders_import_check_and_build() {
    // Exactly the warnings each source earns (a stale date, a placeholder), no error.
    let none: Vec<&str> = Vec::new();
    for (shape, warnings) in [
        (
            MDBOOK_NESTED,
            vec![
                "warning content/playbooks/extortion/backups.md:8:6 `{{ backup_host }}` prints literally: irbook fills in no placeholders",
            ],
        ),
        (MKDOCS_NESTED, none),
        (
            JEKYLL_NESTED,
            vec![
                "warning content/playbooks/playbooks/malware/usb-stick.md:3:16 last reviewed 2024-11-05, more than 365d ago",
                "warning content/playbooks/playbooks/malware/usb-stick.md:6:73 `{{ site.title }}` prints literally: irbook fills in no placeholders",
            ],
        ),
    ] {
        let (f, src) = setup(shape);
        let (code, stderr) = import(src.path(), f.root(), &[]);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(shorts(&f.check()), warnings);
        let (code, build_err) = build(f.root(), &[]);
        assert_eq!(code, 0, "{build_err}");
        assert_eq!(site::link_problems(&f.path("site")), Vec::<String>::new());
    }
    let (f, src) = setup(MDBOOK_NESTED);
    import(src.path(), f.root(), &[]);
    build(f.root(), &[]);
    let links = hrefs(&f, "playbooks/extortion/encryption.html", "main a[href]", "href");
    assert!(
        links.contains(&"../../playbooks/contacts.html#night".to_string()),
        "{links:?}"
    );
}

#[test]
fn a_folder_whose_id_a_document_already_has_is_a_clash() {
    // The handbook has content/playbooks/ransomware.md: a folder `Ransomware/` with a title
    // would become `ransomware/_index.md`, a second document with the id `ransomware`.
    let tree: Vec<(&str, &[u8])> = MDBOOK_NESTED.iter().map(|&(path, text)| (path, text)).collect();
    let summary = String::from_utf8(tree[1].1.to_vec())
        .unwrap()
        .replace("Extortion", "Ransomware");
    let mut renamed: Vec<(String, Vec<u8>)> = tree
        .iter()
        .map(|(p, t)| (p.replace("Extortion", "Ransomware"), t.to_vec()))
        .collect();
    renamed[1].1 = summary.into_bytes();
    let borrowed: Vec<(&str, &[u8])> = renamed.iter().map(|(p, t)| (p.as_str(), t.as_slice())).collect();
    let (f, src) = setup(&borrowed);
    let (code, stderr) = import(src.path(), f.root(), &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("exists: content/playbooks/ransomware.md has the id of content/playbooks/ransomware/_index.md (not written)"),
        "{stderr}"
    );
    assert!(!f.path("content/playbooks/ransomware/_index.md").exists());
    assert!(
        f.check()
            .iter()
            .all(|d| d.message != "two documents have the id `ransomware`")
    );
}

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
