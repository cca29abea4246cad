//! A small handbook written into a temporary folder, and helpers to run irbook on it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde::Deserialize;

/// 2026-11-23T00:00:00Z: the "today" of every test, so that review dates do not age.
pub const TODAY_EPOCH: &str = "1795392000";

pub const HANDBOOK: &str = r#"title: Test Handbook
organization: Testfirma ApS
timezone: Europe/Copenhagen
severities:
  - id: high
    name: High impact
    respond_within: 1h
    notify: [lead]
  - id: low
    name: Low impact
roles:
  - id: lead
    name: Incident lead
    people:
      - name: Ann Berg
        phone: "+45 11 11 11 11"
      - name: Bo Dahl
        email: bo@testfirma.test
  - id: tech
    name: Technical lead
    people:
      - name: Cai Eng
        phone: "+45 22 22 22 22"
      - name: Dan Fog
        phone: "+45 33 33 33 33"
obligations:
  - id: gdpr
    name: Tell the authority
    to: Datatilsynet
    deadline: 72h
  - id: final
    name: Final report
    to: CSIRT
    deadline: 30d
    after: gdpr
messages:
  - id: notice
    title: Notice to a supplier
    audience: supplier
    subject: "Incident at {{ organization }}"
    body: |
      Dear {{ contact.name }} at {{ supplier.name }},
      we have an incident.
"#;

pub const SUPPLIER: &str = r#"name: Host A/S
tier: critical
services: [Hosting]
contacts:
  - name: Host NOC
    phone: "+45 70 00 00 01"
    hours: 24/7
  - name: Lars Hald
    email: lh@host.test
escalation:
  - after: 30m
    contact: Lars Hald
contract:
  notify_within: 24h
  expires: 2028-01-01
certifications:
  - name: ISO/IEC 27001
    expires: 2028-03-01
last_reviewed: 2026-10-01
"#;

pub const PLAN: &str = r#"title: Recovery
severities: [high]
owner: lead
phases:
  - title: Detection and assessment
    steps:
      - action: Confirm the scope
        responsible: tech
        within: 1h
        suppliers: [host]
        message: notice
  - title: Notify
    id: notify
    steps:
      - action: Tell the authority
        responsible: lead
        within: 48h
        obligation: gdpr
exercised: 2026-06-01
"#;

pub const PLAYBOOK: &str = r#"---
title: Ransomware
severity: high
suppliers: [host]
plans: [recovery]
obligations: [gdpr]
owner: lead
---
# Ransomware at the host

Call [the host](supplier:host) and follow [the plan](plan:recovery#notify).

## First hour

- [ ] Isolate
- [ ] Call [the lead](role:lead)

See also [about](../pages/about.md#why) and [the duty](obligation:gdpr).
"#;

pub const PAGE: &str = r#"---
title: About
---
# Why

Back to [ransomware](playbook:ransomware#first-hour).
"#;

/// A valid handbook in a temporary folder; tests overwrite or add files to break it.
pub struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    pub fn new() -> Self {
        let fixture = Fixture {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        fixture.write("handbook.yaml", HANDBOOK);
        fixture.write("content/suppliers/host.yaml", SUPPLIER);
        fixture.write("content/plans/recovery.yaml", PLAN);
        fixture.write("content/playbooks/ransomware.md", PLAYBOOK);
        fixture.write("content/pages/about.md", PAGE);
        fixture
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) {
        self.write_bytes(rel, text.as_bytes());
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().expect("has parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
    }

    /// Replaces `from` by `to` in a file, failing the test if `from` is not there or the edit
    /// would change nothing.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        assert_ne!(from, to, "an edit of {rel} that changes nothing tests nothing");
        let text = std::fs::read_to_string(self.path(rel)).expect("read");
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.write(rel, &text.replacen(from, to, 1));
    }

    pub fn check(&self) -> Vec<Diag> {
        check_json(self.root())
    }
}

/// One diagnostic of `check --format json`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Diag {
    pub severity: String,
    pub path: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub help: Option<String>,
}

impl Diag {
    /// `severity path:line:col message`, the shape tests compare.
    pub fn short(&self) -> String {
        format!(
            "{} {}:{}:{} {}",
            self.severity,
            self.path.as_deref().unwrap_or("-"),
            self.line.unwrap_or(0),
            self.column.unwrap_or(0),
            self.message
        )
    }
}

/// For tests that run the pipeline in their own process: the same "today" as the commands'.
pub fn set_today() {
    // SAFETY: every test that calls this sets the same value, before any reads it.
    unsafe { std::env::set_var("SOURCE_DATE_EPOCH", TODAY_EPOCH) };
}

pub fn irbook() -> Command {
    let mut cmd = Command::cargo_bin("irbook").expect("binary built");
    cmd.env("SOURCE_DATE_EPOCH", TODAY_EPOCH).env("NO_COLOR", "1");
    cmd
}

pub fn check_json(root: &Path) -> Vec<Diag> {
    let output = irbook()
        .args(["check", "--format", "json", "--root"])
        .arg(root)
        .output()
        .expect("runs");
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}"))
}

/// The short forms of all diagnostics.
/// The one diagnostic `check` reports for the fixture; fails the test if there are others.
pub fn one_diagnostic(f: &Fixture) -> Diag {
    let diags = f.check();
    assert_eq!(diags.len(), 1, "expected one diagnostic, got {:#?}", diags);
    diags.into_iter().next().unwrap()
}

/// Whether a diagnostic is a value still copied from the example handbook ("still the
/// example's phone number: replace it").
pub fn is_example_data(d: &Diag) -> bool {
    d.severity == "warning" && d.message.starts_with("still the example's ")
}

/// The diagnostics other than the example's values: what a test of the example handbook
/// (which is all example data) is about. Fails the test when there were none of those at
/// all, so that it cannot pass because the check stopped looking.
pub fn beyond_example_data(diags: Vec<Diag>) -> Vec<Diag> {
    assert!(
        diags.iter().any(is_example_data),
        "the example's values are flagged: {diags:#?}"
    );
    diags.into_iter().filter(|d| !is_example_data(d)).collect()
}

pub fn shorts(diags: &[Diag]) -> Vec<String> {
    diags.iter().map(Diag::short).collect()
}

pub mod site;

/// Runs `irbook build --root <root> [extra...]` and returns (exit code, stderr).
pub fn build(root: &Path, extra: &[&str]) -> (i32, String) {
    let output = irbook()
        .args(["build", "--root"])
        .arg(root)
        .args(extra)
        .output()
        .expect("runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stderr).unwrap(),
    )
}

pub mod print;

pub mod live;

pub mod browser;

pub mod search;

pub mod v2;

pub mod import;
