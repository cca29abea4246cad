//! `irbook import` on folders in the shapes of an mdBook book, a MkDocs project and a Jekyll
//! site: what it writes, that `check` then finds exactly the expected warnings and no error,
//! that every imported link resolves in the built site, and that a second run changes nothing.

mod common;

use common::import::*;

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
