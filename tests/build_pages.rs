//! The pages of a build read back with an HTML parser: supplier pages (backlinks, filled-in
//! messages, vCards), plan checklists, blank forms, every message's place, print.html's ids.

mod common;

use common::Fixture;
use common::site::{link_problems, page, select, texts};
use common::v2::built;

#[test]
fn vcard_is_version_4_with_crlf_escaping_and_folding() {
    let f = Fixture::new();
    f.edit(
        "content/suppliers/host.yaml",
        "  - name: Lars Hald\n",
        "  - name: Lars Hald\n    role: Account manager, escalation; nights\n",
    );
    f.edit(
        "content/suppliers/host.yaml",
        "name: Host A/S",
        "name: Host A/S with a very long name that needs folding, Datacenter Division Nord",
    );
    // A name with a comma and a semicolon, which the escalation ladder must name alike.
    f.edit(
        "content/suppliers/host.yaml",
        "  - name: Lars Hald",
        "  - name: Holm, Lars; nights",
    );
    f.edit(
        "content/suppliers/host.yaml",
        "    contact: Lars Hald",
        "    contact: Holm, Lars; nights",
    );
    let site = built(&f);
    let vcf = std::fs::read_to_string(site.join("suppliers/host.vcf")).unwrap();
    assert!(vcf.ends_with("\r\n"));
    assert!(!vcf.replace("\r\n", "").contains('\n'), "only CRLF line breaks");
    let lines: Vec<&str> = vcf.split("\r\n").collect();
    assert!(
        lines.iter().all(|l| l.len() <= 75),
        "folded at 75 octets: {lines:?}"
    );
    let unfolded = vcf.replace("\r\n ", "");
    let cards: Vec<&str> = unfolded.split("BEGIN:VCARD\r\n").skip(1).collect();
    assert_eq!(cards.len(), 2);
    assert_eq!(
        cards[0],
        "VERSION:4.0\r\nFN:Host NOC\r\nORG:Host A/S with a very long name that needs folding\\, Datacenter Division Nord\r\n\
         TEL;VALUE=uri;TYPE=voice:tel:+4570000001\r\nNOTE:Hours: 24/7\r\nEND:VCARD\r\n"
    );
    assert_eq!(
        cards[1],
        "VERSION:4.0\r\nFN:Holm\\, Lars\\; nights\r\nORG:Host A/S with a very long name that needs folding\\, Datacenter Division Nord\r\n\
         ROLE:Account manager\\, escalation\\; nights\r\nEMAIL:lh@host.test\r\nEND:VCARD\r\n"
    );
}

#[test]
fn supplier_page_links_back_to_steps_and_playbooks() {
    let f = Fixture::new();
    let site = built(&f);
    let html = page(&site, "suppliers/host.html");
    let involved: Vec<(String, String)> = select(&html, "#involved a")
        .iter()
        .map(|a| (a.value().attr("href").unwrap().to_string(), a.text().collect()))
        .collect();
    assert_eq!(
        involved,
        [
            (
                "../plans/recovery.html#step-1-1".to_string(),
                "Recovery 1.1".to_string()
            ),
            (
                "../playbooks/ransomware.html".to_string(),
                "Ransomware".to_string()
            ),
        ]
    );
    let roles = page(&site, "roles.html");
    assert_eq!(texts(&roles, "#role-tech ul:not(.cards) a"), ["Recovery 1.1"]);
    assert_eq!(texts(&roles, "#role-lead ul:not(.cards) a"), ["Recovery 2.1"]);
}

#[test]
fn supplier_messages_are_filled_in_with_a_mailto_link() {
    let f = Fixture::new();
    f.edit(
        "content/suppliers/host.yaml",
        "    hours: 24/7\n",
        "    hours: 24/7\n    email: noc@host.test\n",
    );
    let site = built(&f);
    let html = page(&site, "suppliers/host.html");
    assert_eq!(
        texts(&html, "#message-notice pre"),
        ["Dear Host NOC at Host A/S, we have an incident."]
    );
    let mailto = select(&html, "#message-notice a[href^='mailto:']")[0]
        .value()
        .attr("href")
        .unwrap()
        .to_string();
    assert_eq!(
        mailto,
        "mailto:noc@host.test?subject=Incident%20at%20Testfirma%20ApS&body=Dear%20Host%20NOC%20at%20Host%20A%2FS%2C%0D%0Awe%20have%20an%20incident.%0D%0A"
    );
}

#[test]
fn plan_page_is_a_checklist_with_labels() {
    let f = Fixture::new();
    let site = built(&f);
    let html = page(&site, "plans/recovery.html");
    assert_eq!(
        texts(&html, "section.phase h2"),
        ["1. Detection and assessment", "2. Notify"]
    );
    let ids: Vec<&str> = select(&html, "section.phase")
        .iter()
        .map(|s| s.value().attr("id").unwrap())
        .collect();
    assert_eq!(ids, ["detection-and-assessment", "notify"]);
    for checkbox in select(&html, "input[type=checkbox]") {
        let id = checkbox.value().attr("id").unwrap();
        assert_eq!(
            select(&html, &format!("label[for='{id}']")).len(),
            1,
            "{id} has a label"
        );
    }
    assert_eq!(texts(&html, "td.due"), ["+1h", "+48h"]);
    assert_eq!(texts(&html, "td.num"), ["1.1", "2.1"]);
}

#[test]
fn blank_forms_have_their_columns_rows_and_timezone() {
    let f = Fixture::new();
    let site = built(&f);
    let log = page(&site, "forms/incident-log.html");
    assert_eq!(
        texts(&log, "table.incident-log thead th"),
        [
            "Date",
            "Time (Europe/Copenhagen)",
            "Who",
            "What happened or was done",
            "Initials"
        ]
    );
    assert_eq!(select(&log, "table.incident-log tbody tr").len(), 25);
    let custody = page(&site, "forms/chain-of-custody.html");
    assert_eq!(
        texts(&custody, "table.custody thead th"),
        [
            "Item",
            "Description and identifiers (serial, hostname, MAC/IP, hash)",
            "Released by (name, signature)",
            "Received by (name, signature)",
            "Date / Time (Europe/Copenhagen)",
            "Place",
            "Reason"
        ]
    );
    let home = page(&site, "index.html");
    let hrefs: Vec<&str> = select(&home, "main a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    for form in [
        "forms/incident-log.html",
        "forms/chain-of-custody.html",
        "print.html",
    ] {
        assert!(hrefs.contains(&form), "the home page links {form}");
    }
}

#[test]
fn print_html_has_unique_ids_and_keeps_links_inside() {
    let f = Fixture::new();
    let site = built(&f);
    let html = page(&site, "print.html");
    let ids: Vec<&str> = select(&html, "[id]")
        .iter()
        .map(|e| e.value().attr("id").unwrap())
        .collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "ids are unique in print.html");
    let sections: Vec<&str> = select(&html, "section.print-section")
        .iter()
        .map(|s| s.value().attr("id").unwrap())
        .collect();
    assert_eq!(
        sections,
        [
            "index--top",
            "contacts--top",
            "roles--top",
            "plans-recovery--top",
            "playbooks-ransomware--top",
            "suppliers-host--top",
            "obligations--top",
            "messages--top",
            "pages-about--top",
            "forms-incident-log--top",
            "forms-chain-of-custody--top"
        ]
    );
    let playbook_links: Vec<&str> = select(&html, "#playbooks-ransomware--top a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(
        playbook_links.contains(&"#plans-recovery--notify"),
        "{playbook_links:?}"
    );
    assert!(
        playbook_links.contains(&"#suppliers-host--top"),
        "{playbook_links:?}"
    );
}

#[test]
fn every_message_has_a_place_and_steps_link_each_suppliers_copy() {
    let f = Fixture::new();
    f.edit(
        "handbook.yaml",
        "messages:\n",
        "messages:\n  - id: staff\n    title: Tell the staff\n    audience: internal\n    body: \"All staff of {{ organization }}: do not use e-mail.\"\n",
    );
    let site = built(&f);
    let messages = page(&site, "messages.html");
    assert_eq!(
        texts(&messages, "#message-staff pre"),
        ["All staff of Testfirma ApS: do not use e-mail."]
    );
    assert_eq!(
        texts(&messages, "#message-notice pre"),
        ["Dear {{ contact.name }} at {{ supplier.name }}, we have an incident."]
    );
    let plan = page(&site, "plans/recovery.html");
    let links: Vec<&str> = select(&plan, ".step-message a")
        .iter()
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert_eq!(links, ["../messages.html#message-notice"]);
    // Each supplier of the step is listed once: its page, its phone, its own copy.
    let supplier: Vec<&str> = select(&plan, "#step-1-1 .step-suppliers a")
        .iter()
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert_eq!(
        supplier,
        [
            "../suppliers/host.html",
            "tel:+4570000001",
            "../suppliers/host.html#message-notice"
        ]
    );
}

#[test]
fn yaml_texts_add_no_ids_that_could_clash() {
    let f = Fixture::new();
    f.edit("handbook.yaml", "    name: Incident lead\n", "    name: Incident lead\n    duties: |\n      ## Evidence\n      Keep it.[^1]\n\n      [^1]: A note.\n");
    f.edit(
        "handbook.yaml",
        "    name: Technical lead\n",
        "    name: Technical lead\n    duties: |\n      ## Evidence\n      Keep it too.\n",
    );
    let site = built(&f);
    let roles = page(&site, "roles.html");
    assert_eq!(texts(&roles, ".duties h2"), ["Evidence", "Evidence"]);
    assert!(
        select(&roles, ".duties [id]").is_empty(),
        "no ids inside YAML texts"
    );
    assert_eq!(link_problems(&site), Vec::<String>::new());
}
