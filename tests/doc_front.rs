//! What a playbook's front matter adds to its page: owner, review, the last exercise (flagged
//! when due) and tags, as one line without a stray separator where a key is missing.

mod common;

use common::site::{page, texts};
use common::{Fixture, build};

fn built(f: &Fixture) -> std::path::PathBuf {
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
    f.path("site")
}

#[test]
fn exercise_and_tags_are_shown_and_a_due_exercise_is_flagged() {
    let f = Fixture::new();
    // The tests' today is 2026-11-23; `exercise_every` is 365d by default.
    f.edit(
        "content/playbooks/ransomware.md",
        "owner: lead\n",
        "owner: lead\nexercised: 2025-01-10\ntags: [ransomware, hosting]\n",
    );
    let site = built(&f);
    let html = page(&site, "playbooks/ransomware.html");
    assert_eq!(
        texts(&html, "header .facts-line li"),
        [
            "Severity: High impact",
            "Owner: Incident lead",
            "Last exercised 10 January 2025 exercise due",
            "ransomware hosting"
        ]
    );
    f.edit(
        "content/playbooks/ransomware.md",
        "exercised: 2025-01-10",
        "exercised: 2026-06-01",
    );
    let html = page(&built(&f), "playbooks/ransomware.html");
    assert_eq!(texts(&html, "header .facts-line .flag"), Vec::<String>::new());
}

#[test]
fn a_document_without_severity_has_no_leading_separator() {
    let f = Fixture::new();
    f.edit("content/playbooks/ransomware.md", "severity: high\n", "");
    let html = page(&built(&f), "playbooks/ransomware.html");
    let items = texts(&html, "header .facts-line li");
    assert_eq!(items, ["Owner: Incident lead"]);
}
