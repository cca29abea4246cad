//! The fixture of the format v2 tests (FORMAT.md section 9): the common handbook with every v2
//! feature in use, and helpers to read its site and diagnostics.

use std::path::PathBuf;

use super::site::select;
use super::{Fixture, build, shorts};

/// Appended to the fixture's handbook.yaml: messages for the new audiences, the stakeholder
/// matrix and one system.
pub const V2_HANDBOOK: &str = r#"  - id: board-update
    title: Board update
    audience: executive
    subject: "Incident at {{ organization }}"
    body: Board update.
  - id: press-line
    title: Press line
    audience: press
    subject: Statement
    body: No comment.
  - id: insurer-note
    title: Insurer note
    audience: insurer
    subject: Claim
    body: A claim.
  - id: partner-note
    title: Partner note
    audience: partner
    subject: Heads-up
    body: Heads-up.
stakeholders:
  - id: board
    name: Board of directors
    audience: executive
    owner: lead
    channel: Phone call
    severities: [high]
    message: board-update
  - id: staff
    name: All staff
    audience: internal
    owner: tech
    channel: Intranet
    update_every: 30m
  - id: press
    name: Press
    audience: press
    owner: lead
    channel: Press release
    message: press-line
systems:
  - id: erp
    name: ERP
    owner: tech
    suppliers: [host]
    rto: 24h
    rpo: 4h
    data: [customer data]
    fallback: Paper order forms.
"#;

pub const PARTY: &str = r#"name: CFCS (Danish national CERT)
kind: cert
contacts:
  - name: CFCS duty officer
    phone: "+45 33 32 55 80"
    hours: 24/7
  - name: CFCS mailbox
    email: cert@cfcs.test
when: Report **serious** incidents.
secure_channel: Use the portal.
last_reviewed: 2026-09-01
"#;

pub const READINESS: &str = r#"title: Annual readiness
kind: readiness
order: 1
owner: lead
phases:
  - title: 1. Preparation
    steps:
      - action: Test the backups
        responsible: tech
        every: 1y
        systems: [erp]
      - action: Review the contact list
        responsible: [lead, tech]
        every: 90d
        form: lessons
"#;

pub const FORM: &str = r#"title: Lessons learned meeting
intro: Fill in **after** the incident.
sections:
  - title: What happened
    fields:
      - { label: Summary, lines: 4 }
      - { label: Detected at, kind: datetime }
      - { label: Meeting date, kind: date }
      - { label: Start time, kind: time }
      - { label: Reported to the authority, kind: yes-no }
      - { label: Approved by, kind: signature }
      - { label: Case number }
  - title: Actions
    table: { columns: [Action, Owner, Due, Done], rows: 12 }
"#;

pub const PRINT_B: &str = r#"name: Print B ApS
tier: important
services: [Printing]
contacts:
  - name: Print desk
    phone: "+45 70 00 00 02"
last_reviewed: 2026-10-01
"#;

pub const CONTRACT_V2: &str = "  expires: 2028-01-01
  liability: Capped at **one year** of fees.
  preserve_evidence: They keep every log for us.
  log_retention: 90d
  reporting: { every: 4h, format: A short status mail. }
  we_notify_within: 24h
data_location: [EU, Norway]
fallback: { supplier: printb, when: Host down for more than **4 hours**. }";

/// The fixture with every v2 feature in use, and no diagnostics.
pub fn v2() -> Fixture {
    let f = Fixture::new();
    let handbook = super::HANDBOOK
        .replacen(
            "    respond_within: 1h\n",
            "    respond_within: 1h\n    update_every: 2h\n",
            1,
        )
        .replacen(
            "    name: Low impact\n",
            "    name: Low impact\n    update_every: 8h\n",
            1,
        )
        .replacen("    deadline: 72h\n", "    deadline: 72h\n    party: cfcs\n", 1);
    f.write("handbook.yaml", &format!("{handbook}{V2_HANDBOOK}"));
    f.edit(
        "content/suppliers/host.yaml",
        "  notify_within: 24h\n",
        "  notify_within: 24h\n  rto: 12h\n  rpo: 1h\n",
    );
    f.write("content/parties/cfcs.yaml", PARTY);
    f.write("content/plans/ready.yaml", READINESS);
    f.write("content/forms/lessons.yaml", FORM);
    let plan = "content/plans/recovery.yaml";
    f.edit(
        plan,
        "        responsible: tech\n",
        "        responsible: [tech, lead]\n        parties: [cfcs]\n        systems: [erp]\n",
    );
    f.edit(
        plan,
        "        obligation: gdpr\n",
        "        obligation: gdpr\n        form: lessons\n",
    );
    f.edit(
        "content/playbooks/ransomware.md",
        "Call [the host]",
        "Ring [CERT](party:cfcs). Call [the host]",
    );
    f
}

pub fn built(f: &Fixture) -> PathBuf {
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
    f.path("site")
}

/// The one diagnostic of `check`, as `short` and help.
pub fn only(f: &Fixture) -> (String, Option<String>) {
    let diags = f.check();
    assert_eq!(
        diags.len(),
        1,
        "expected one diagnostic, got {:#?}",
        shorts(&diags)
    );
    (diags[0].short(), diags[0].help.clone())
}

pub fn hrefs(html: &scraper::Html, css: &str) -> Vec<String> {
    select(html, css)
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .map(str::to_string)
        .collect()
}

/// [`v2`] with the supplier contract additions and a fallback supplier.
pub fn with_contract_v2() -> Fixture {
    let f = v2();
    f.write("content/suppliers/printb.yaml", PRINT_B);
    f.edit(
        "content/suppliers/host.yaml",
        "  expires: 2028-01-01",
        CONTRACT_V2,
    );
    f
}
