//! Rebuilding after a change gives exactly the site a build from scratch gives, whether the
//! pipeline took the short way (one document's page rendered again) or the long one.

mod common;

use std::collections::BTreeMap;

use common::Fixture;
use irbook::pipeline::{Goal, Pipeline};
use irbook::render::{Contents, OutputFile};

fn files(site: &[OutputFile]) -> BTreeMap<String, Vec<u8>> {
    site.iter()
        .map(|f| {
            let bytes = match &f.contents {
                Contents::Bytes(b) => b.to_vec(),
                Contents::Copy(p) => p.to_string_lossy().into_owned().into_bytes(),
            };
            (f.path.clone(), bytes)
        })
        .collect()
}

/// The site of a fresh pipeline on the same files.
fn from_scratch(f: &Fixture) -> BTreeMap<String, Vec<u8>> {
    let mut fresh = Pipeline::new(f.root());
    let outcome = fresh.run(Goal::Site).unwrap_or_else(|e| panic!("{}", e.message));
    files(outcome.site.as_deref().expect("builds from scratch"))
}

/// Runs `pipeline` again after `changed`; returns the number of pages rendered and the site.
fn again(
    pipeline: &mut Pipeline,
    goal: Goal,
    changed: &[&str],
) -> (usize, Option<BTreeMap<String, Vec<u8>>>) {
    let changed: Vec<String> = changed.iter().map(|s| s.to_string()).collect();
    let outcome = pipeline
        .run_after(goal, &changed)
        .unwrap_or_else(|e| panic!("{}", e.message));
    (outcome.rendered, outcome.site.as_deref().map(files))
}

const PLAYBOOK: &str = "content/playbooks/ransomware.md";

#[test]
fn every_kind_of_change_gives_the_site_of_a_build_from_scratch() {
    common::set_today();
    let f = Fixture::new();
    let mut pipeline = Pipeline::new(f.root());
    let all = pipeline
        .run(Goal::Site)
        .unwrap_or_else(|e| panic!("{}", e.message))
        .rendered;
    assert!(all > 10);

    // The text of one document: only its page is rendered again.
    f.edit(PLAYBOOK, "## First hour", "A sentence added.\n\n## First hour");
    let (rendered, site) = again(&mut pipeline, Goal::Site, &[PLAYBOOK]);
    assert_eq!(rendered, 1);
    let site = site.expect("a site");
    assert!(String::from_utf8_lossy(&site["print.html"]).contains("A sentence added."));
    assert_eq!(site, from_scratch(&f));

    // A new heading, a new link target, a new title: other pages show them, all are rendered.
    for (from, to) in [
        ("## First hour", "## Before anything\n\n## First hour"),
        (
            "Call [the host]",
            "See [the about page](page:about). Call [the host]",
        ),
        ("title: Ransomware", "title: Ransomware attack"),
    ] {
        f.edit(PLAYBOOK, from, to);
        let (rendered, site) = again(&mut pipeline, Goal::Site, &[PLAYBOOK]);
        assert_eq!(rendered, all, "after {to:?}");
        assert_eq!(site.expect("a site"), from_scratch(&f), "after {to:?}");
    }

    // A supplier, and a new file: read again, rendered in full.
    f.edit("content/suppliers/host.yaml", "Hosting", "Hosting and backup");
    let (_, site) = again(&mut pipeline, Goal::Site, &["content/suppliers/host.yaml"]);
    assert_eq!(site.expect("a site"), from_scratch(&f));
    f.write("content/pages/new.md", "---\ntitle: New\n---\nNew page.\n");
    let (rendered, site) = again(&mut pipeline, Goal::Site, &["content/pages/new.md"]);
    assert_eq!(rendered, all + 1);
    assert_eq!(site.expect("a site"), from_scratch(&f));
}

#[test]
fn a_preview_serves_the_page_first_and_the_whole_handbook_files_next() {
    common::set_today();
    let f = Fixture::new();
    let mut pipeline = Pipeline::new(f.root());
    let before = files(
        pipeline
            .run(Goal::Site)
            .unwrap_or_else(|e| panic!("{}", e.message))
            .site
            .as_deref()
            .unwrap(),
    );
    f.edit(PLAYBOOK, "## First hour", "Previewed first.\n\n## First hour");
    let (rendered, site) = again(&mut pipeline, Goal::Preview, &[PLAYBOOK]);
    assert_eq!(rendered, 1);
    let site = site.expect("a site");
    assert!(String::from_utf8_lossy(&site["playbooks/ransomware.html"]).contains("Previewed first."));
    assert_eq!(
        site["print.html"], before["print.html"],
        "print.html follows later"
    );
    assert!(pipeline.is_behind());
    let completed = files(&pipeline.complete().expect("brought up to date"));
    assert!(!pipeline.is_behind());
    assert_eq!(completed, from_scratch(&f));
    assert_eq!(pipeline.complete().map(|s| s.len()), None, "nothing left to do");
}

#[test]
fn edits_made_while_the_handbook_is_broken_are_all_rendered_once_it_is_fixed() {
    common::set_today();
    let f = Fixture::new();
    f.write(
        "content/playbooks/second.md",
        "---\ntitle: Second\n---\nFirst text.\n",
    );
    let mut pipeline = Pipeline::new(f.root());
    pipeline
        .run(Goal::Site)
        .unwrap_or_else(|e| panic!("{}", e.message));
    f.edit(
        PLAYBOOK,
        "## First hour",
        "[broken](supplier:nobody)\n\n## First hour",
    );
    let (_, site) = again(&mut pipeline, Goal::Site, &[PLAYBOOK]);
    assert_eq!(site, None, "an error stops the render");
    f.edit("content/playbooks/second.md", "First text.", "Second text.");
    let (_, site) = again(&mut pipeline, Goal::Site, &["content/playbooks/second.md"]);
    assert_eq!(site, None);
    f.edit(PLAYBOOK, "[broken](supplier:nobody)", "Fixed.");
    let (_, site) = again(&mut pipeline, Goal::Site, &[PLAYBOOK]);
    let site = site.expect("a site");
    assert!(String::from_utf8_lossy(&site["playbooks/second.html"]).contains("Second text."));
    assert_eq!(site, from_scratch(&f));
}

#[test]
fn problems_in_an_edited_body_move_with_the_text() {
    common::set_today();
    let f = Fixture::new();
    f.edit(PLAYBOOK, "## First hour", "## First hour {onclick=x}");
    let shown = |pipeline: &mut Pipeline, changed: &[&str]| -> Vec<String> {
        let changed: Vec<String> = changed.iter().map(|s| s.to_string()).collect();
        let outcome = pipeline
            .run_after(Goal::Site, &changed)
            .unwrap_or_else(|e| panic!("{}", e.message));
        outcome
            .diagnostics
            .iter()
            .map(|d| irbook::diag::render_text(d, outcome.sources, false))
            .collect()
    };
    let mut pipeline = Pipeline::new(f.root());
    let first = shown(&mut pipeline, &[]);
    assert_eq!(first.len(), 1, "{first:?}");
    f.edit(PLAYBOOK, "## First hour", "Two lines\nadded.\n\n## First hour");
    let moved = shown(&mut pipeline, &[PLAYBOOK]);
    assert_eq!(moved, shown(&mut Pipeline::new(f.root()), &[]));
    assert_ne!(moved, first, "the warning's line moved");
}

#[test]
fn the_example_s_addresses_in_an_edited_body_are_found_on_the_short_way_too() {
    common::set_today();
    let f = Fixture::new();
    let shown = |pipeline: &mut Pipeline, changed: &[&str]| -> Vec<String> {
        let changed: Vec<String> = changed.iter().map(|s| s.to_string()).collect();
        let outcome = pipeline
            .run_after(Goal::Site, &changed)
            .unwrap_or_else(|e| panic!("{}", e.message));
        assert_eq!(
            outcome.rendered,
            usize::from(!changed.is_empty()),
            "the short way"
        );
        let d = &outcome.diagnostics;
        d.iter()
            .map(|d| irbook::diag::render_text(d, outcome.sources, false))
            .collect()
    };
    let mut pipeline = Pipeline::new(f.root());
    let _ = pipeline
        .run(Goal::Site)
        .unwrap_or_else(|e| panic!("{}", e.message));
    f.edit(
        PLAYBOOK,
        "## First hour",
        "Mail soc@host.example now.\n\n## First hour",
    );
    let added = shown(&mut pipeline, &[PLAYBOOK]);
    assert_eq!(
        added,
        [
            "warning: content/playbooks/ransomware.md:13:6: still the example's e-mail address: replace it with an e-mail address of your own, or none in this text\n"
        ]
    );
    f.edit(PLAYBOOK, "soc@host.example", "soc@host.dk");
    assert_eq!(shown(&mut pipeline, &[PLAYBOOK]), Vec::<String>::new());
}

#[test]
fn a_change_of_the_theme_renders_every_page_from_the_content_kept() {
    common::set_today();
    let f = Fixture::new();
    let mut pipeline = Pipeline::new(f.root());
    let all = pipeline
        .run(Goal::Site)
        .unwrap_or_else(|e| panic!("{}", e.message))
        .rendered;
    f.write("themes/default/static/style.css", "body { color: #123456 }\n");
    let (rendered, site) = again(&mut pipeline, Goal::Site, &["themes/default/static/style.css"]);
    assert_eq!(rendered, all);
    let site = site.expect("a site");
    assert_eq!(site["assets/style.css"], b"body { color: #123456 }\n");
    assert_eq!(site, from_scratch(&f));
}

#[test]
fn a_site_after_a_check_has_the_documents_words_a_build_has() {
    // `check` reads documents without the words search needs: the documents it kept are
    // read for them when the site is rendered.
    common::set_today();
    let f = Fixture::new();
    let mut pipeline = Pipeline::new(f.root());
    pipeline
        .run(Goal::Check)
        .unwrap_or_else(|e| panic!("{}", e.message));
    f.edit(PLAYBOOK, "## First hour", "Quarantäneschlüssel.\n\n## First hour");
    let (_, site) = again(&mut pipeline, Goal::Site, &[PLAYBOOK]);
    let site = site.expect("builds");
    assert_eq!(site, from_scratch(&f));
    let terms = String::from_utf8(site["search-index.js"].clone()).unwrap();
    assert!(terms.contains("quarantäneschlüssel."), "{terms}");
}
