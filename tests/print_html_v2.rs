//! `print.html` and `handbook.json` hold the v2 parts too: the communication plan after the
//! roles, the systems after the playbooks, the parties after the suppliers, the forms last.

mod common;

use common::site::{page, select};
use common::v2::{built, v2};

#[test]
fn print_html_binds_every_v2_page_in_order() {
    let f = v2();
    let site = built(&f);
    let html = page(&site, "print.html");
    let sections: Vec<String> = select(&html, "section.print-section")
        .iter()
        .filter_map(|s| s.value().attr("id").map(String::from))
        .collect();
    assert_eq!(
        sections,
        [
            "index--top",
            "contacts--top",
            "roles--top",
            "communication--top",
            "plans-recovery--top",
            "plans-ready--top",
            "playbooks-ransomware--top",
            "systems--top",
            "suppliers-host--top",
            "parties-cfcs--top",
            "obligations--top",
            "messages--top",
            "pages-about--top",
            "forms-incident-log--top",
            "forms-chain-of-custody--top",
            "forms-lessons--top",
        ]
    );
    // Links between the bound pages stay inside the document.
    let step_party: Vec<&str> = select(&html, "#plans-recovery--step-1-1 .step-suppliers a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .filter(|h| h.contains("cfcs"))
        .collect();
    assert_eq!(step_party, ["#parties-cfcs--top"]);
}

#[test]
fn handbook_json_holds_the_v2_model() {
    let f = v2();
    let site = built(&f);
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("handbook.json")).unwrap()).unwrap();
    let ids = |list: &serde_json::Value| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|x| x["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&json["parties"]), ["cfcs"]);
    assert_eq!(ids(&json["forms"]), ["lessons"]);
    assert_eq!(ids(&json["main"]["systems"]), ["erp"]);
    assert_eq!(json["main"]["systems"][0]["rto"], "24h");
    let step = &json["plans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "recovery")
        .unwrap()["phases"][0]["steps"][0];
    assert_eq!(step["responsible"], serde_json::json!(["tech", "lead"]));
    assert_eq!(step["parties"], serde_json::json!(["cfcs"]));
}

#[test]
fn the_severity_table_and_steps_lead_to_the_communication_plan() {
    let f = v2();
    f.edit(
        "content/plans/recovery.yaml",
        "        obligation: gdpr\n",
        "        obligation: gdpr\n        message: board-update\n",
    );
    let site = built(&f);
    let home = page(&site, "index.html");
    let matrix: Vec<&str> = select(&home, "#severity-high a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .filter(|h| h.starts_with("communication.html"))
        .collect();
    assert_eq!(matrix, ["communication.html#matrix-high"]);
    let plan = page(&site, "plans/recovery.html");
    let reached: Vec<&str> = select(&plan, "#step-2-1 .step-message a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(
        reached,
        [
            "../messages.html#message-board-update",
            "../communication.html#stakeholder-board"
        ]
    );
}
