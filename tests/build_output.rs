//! `irbook build` and its output folder: a failed build leaves the old site as it was, a
//! rebuild replaces it whole, a folder irbook did not make (or the handbook itself) is
//! refused, `..` and symlinks are resolved before the checks.

mod common;

use std::path::Path;

use common::site::files;
use common::v2::built;
use common::{Fixture, build};

fn assert_staging_cleaned(dir: &Path) {
    let names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains("irbook-")), "debris: {names:?}");
}

#[test]
fn a_template_error_names_the_file_and_line_and_keeps_the_old_site() {
    let f = Fixture::new();
    let site = built(&f);
    let before = files(&site);
    f.write(
        "themes/default/templates/supplier.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ page.nmae }}</h1>\n{% endblock content %}",
    );
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.starts_with(
            "error: themes/default/templates/supplier.html:3:13: template: Field `nmae` is not defined."
        ),
        "{stderr}"
    );
    assert_eq!(
        files(&site),
        before,
        "the previous site is byte-for-byte unchanged"
    );
    assert_staging_cleaned(f.root());
}

#[test]
fn a_failed_build_leaves_the_previous_site_unchanged() {
    let f = Fixture::new();
    let site = built(&f);
    let before = files(&site);
    f.edit(
        "content/plans/recovery.yaml",
        "responsible: tech",
        "responsible: nobody",
    );
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 1);
    assert!(stderr.contains("unknown role `nobody`"), "{stderr}");
    assert!(stderr.contains("nothing written"), "{stderr}");
    assert_eq!(files(&site), before);
    assert_staging_cleaned(f.root());
}

#[test]
fn a_rebuild_replaces_the_site_and_removes_what_is_gone() {
    let f = Fixture::new();
    let site = built(&f);
    std::fs::remove_file(f.path("content/pages/about.md")).unwrap();
    f.edit(
        "content/playbooks/ransomware.md",
        "See also [about](../pages/about.md#why) and",
        "See",
    );
    built(&f);
    assert!(!site.join("pages/about.html").exists());
    assert!(site.join("index.html").exists());
}

#[test]
fn the_manifest_lists_every_file_of_the_site_and_nothing_else() {
    let f = Fixture::new();
    let site = built(&f);
    let manifest = std::fs::read_to_string(site.join(".irbook-site")).unwrap();
    let mut listed: Vec<&str> = manifest.lines().filter(|l| !l.starts_with('#')).collect();
    listed.sort_unstable();
    let written: Vec<String> = files(&site).into_keys().filter(|p| p != ".irbook-site").collect();
    assert_eq!(listed, written);
    // The search shards are planned after the pages (their number is known only then).
    assert!(listed.contains(&"search/t0.js") && listed.contains(&"search/d0.js"));
    built(&f);
}

#[test]
fn refuses_an_output_folder_it_did_not_make() {
    let f = Fixture::new();
    f.write("site/notes.txt", "mine");
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("is not empty and was not made by irbook"),
        "{stderr}"
    );
    assert_eq!(
        files(&f.path("site")).into_keys().collect::<Vec<_>>(),
        ["notes.txt"]
    );
    assert_eq!(std::fs::read_to_string(f.path("site/notes.txt")).unwrap(), "mine");
}

#[test]
fn refuses_to_replace_its_own_site_when_someone_added_a_file() {
    let f = Fixture::new();
    let site = built(&f);
    std::fs::write(site.join("added-by-hand.txt"), "keep me").unwrap();
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("holds files irbook did not write: added-by-hand.txt"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(site.join("added-by-hand.txt")).unwrap(),
        "keep me"
    );
}

#[test]
fn refuses_the_handbook_itself_and_its_content() {
    let f = Fixture::new();
    for out in [".", "content", "content/out", ".."] {
        let target = f.root().join(out);
        let (code, stderr) = build(f.root(), &["--out", target.to_str().unwrap()]);
        assert_eq!(code, 2, "{out}: {stderr}");
        assert!(stderr.contains("refusing to build into"), "{stderr}");
    }
    assert!(!f.path("content/out").exists());
    assert_eq!(common::check_json(f.root()), vec![], "the handbook is intact");
}

#[test]
fn dot_dot_paths_are_resolved_before_the_checks() {
    let f = Fixture::new();
    let before = files(&f.path("content"));
    let sneaky = f.root().join("missing/../content");
    let (code, stderr) = build(f.root(), &["--out", sneaky.to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("inside the handbook's content"), "{stderr}");
    assert_eq!(files(&f.path("content")), before);
    assert!(!f.path("missing").exists());

    f.write("precious/notes.txt", "mine");
    let elsewhere = f.root().join("nowhere/../precious");
    let (code, stderr) = build(f.root(), &["--out", elsewhere.to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(
        std::fs::read_to_string(f.path("precious/notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn refuses_an_output_that_is_not_a_folder() {
    let f = Fixture::new();
    f.write("out.txt", "keep");
    let (code, stderr) = build(f.root(), &["--out", f.path("out.txt").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("it is not a folder"), "{stderr}");
    assert_eq!(std::fs::read_to_string(f.path("out.txt")).unwrap(), "keep");
}

#[cfg(unix)]
#[test]
fn a_symlinked_output_folder_is_updated_through_the_link() {
    let f = Fixture::new();
    let real = tempfile::tempdir().unwrap();
    let target = real.path().join("www");
    std::fs::create_dir(&target).unwrap();
    std::os::unix::fs::symlink(&target, f.path("public")).unwrap();
    assert_eq!(
        build(f.root(), &["--out", f.path("public").to_str().unwrap()]).0,
        0
    );
    assert_eq!(
        build(f.root(), &["--out", f.path("public").to_str().unwrap()]).0,
        0,
        "a rebuild works too"
    );
    assert!(
        std::fs::symlink_metadata(f.path("public"))
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert!(
        target.join("index.html").is_file(),
        "the site is in the link's target"
    );
}
