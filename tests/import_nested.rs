//! `irbook import` keeps a source's sub-folders: ids with `/`, a titled folder's `_index.md`,
//! raw HTML anchors linked across files; and a folder whose id a document already has is a
//! clash, not a second document.

mod common;

use common::import::*;
use common::*;

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
