//! Format v2 (FORMAT.md section 9), the pages: communication.html, several roles per step,
//! parties, supplier contract additions, systems.html, readiness plans, forms and the v2 fixes,
//! read back with an HTML parser.

mod common;

use std::path::PathBuf;

use common::site::{page, select, texts};
use common::v2::{built, hrefs, only, v2, with_contract_v2};
use common::{Fixture, shorts};

// 1. Stakeholders and communication.html

#[test]
fn communication_matrix_per_severity_with_owner_channel_and_cadence() {
    let f = v2();
    let site = built(&f);
    let html = page(&site, "communication.html");
    assert_eq!(
        texts(&html, "#matrix-high th[scope=row]"),
        ["Board of directors", "All staff", "Press"]
    );
    assert_eq!(texts(&html, "#matrix-low th[scope=row]"), ["All staff", "Press"]);
    // Per row: owner (role, primary person, phone), channel, cadence, message.
    let rows = |id: &str| -> Vec<Vec<String>> {
        select(&html, &format!("#matrix-{id} tbody tr"))
            .iter()
            .map(|tr| {
                tr.select(&scraper::Selector::parse("td").unwrap())
                    .map(|td| {
                        td.text()
                            .collect::<String>()
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect()
            })
            .collect()
    };
    assert_eq!(
        rows("high"),
        [
            [
                "Incident leadAnn Berg+45 11 11 11 11",
                "Phone call",
                "2 hours",
                "Board update"
            ],
            [
                "Technical leadCai Eng+45 22 22 22 22",
                "Intranet",
                "30 minutes",
                "–"
            ],
            [
                "Incident leadAnn Berg+45 11 11 11 11",
                "Press release",
                "2 hours",
                "Press line"
            ],
        ]
    );
    // No update_every of its own: the severity's, which differs per severity.
    assert_eq!(
        rows("low")[1],
        [
            "Incident leadAnn Berg+45 11 11 11 11",
            "Press release",
            "8 hours",
            "Press line"
        ]
    );
    assert_eq!(
        hrefs(&html, "#matrix-high tbody tr:first-child a"),
        [
            "#stakeholder-board",
            "roles.html#role-lead",
            "tel:+4511111111",
            "messages.html#message-board-update"
        ]
    );
    assert_eq!(texts(&html, "dt[id^=stakeholder-]").len(), 3);
}

#[test]
fn new_audiences_are_accepted_and_a_wrong_one_lists_them() {
    let f = v2();
    let site = built(&f);
    let messages = page(&site, "messages.html");
    for id in ["board-update", "press-line", "insurer-note", "partner-note"] {
        assert_eq!(select(&messages, &format!("#message-{id}")).len(), 1, "{id}");
    }
    f.edit("handbook.yaml", "audience: partner", "audience: investors");
    assert_eq!(
        only(&f),
        (
            "error handbook.yaml:64:15 unknown value `investors`".into(),
            Some("expected one of `supplier`, `internal`, `customers`, `authority`, `executive`, `press`, `insurer`, `partner`".into())
        )
    );
}

// 2. Several roles per step

#[test]
fn a_step_with_two_roles_shows_both_and_is_listed_under_both() {
    let f = v2();
    let site = built(&f);
    let plan = page(&site, "plans/recovery.html");
    assert_eq!(
        texts(&plan, "#step-1-1 div.role"),
        [
            "Technical lead leadsCai Eng+45 22 22 22 22",
            "Incident leadAnn Berg+45 11 11 11 11"
        ]
    );
    assert_eq!(
        hrefs(&plan, "#step-1-1 div.role a:first-child"),
        ["../roles.html#role-tech", "../roles.html#role-lead"]
    );
    let roles = page(&site, "roles.html");
    for role in ["lead", "tech"] {
        let steps = hrefs(&roles, &format!("#role-{role} li a"));
        assert!(
            steps.contains(&"plans/recovery.html#step-1-1".to_string()),
            "{role}: {steps:?}"
        );
    }
}

// 3. External parties

#[test]
fn a_party_has_its_page_vcard_and_directory_entry() {
    let f = v2();
    let site = built(&f);
    let html = page(&site, "parties/cfcs.html");
    assert_eq!(texts(&html, "main h1"), ["CFCS (Danish national CERT) CERT"]);
    assert_eq!(
        texts(&html, "#contacts li.card"),
        [
            "CFCS duty officer primary +45 33 32 55 80 Hours: 24/7",
            "CFCS mailbox cert@cfcs.test"
        ]
    );
    assert_eq!(
        texts(&html, "#when > p"),
        ["Report serious incidents.", "Use the portal."]
    );
    assert_eq!(select(&html, "#when strong").len(), 1);
    // `party: cfcs` on the obligation, `parties: [cfcs]` on a step, `party:cfcs` in a playbook.
    assert_eq!(hrefs(&html, "#when li a"), ["../contacts.html#obligation-gdpr"]);
    assert_eq!(
        hrefs(&html, "#involved a"),
        ["../plans/recovery.html#step-1-1", "../playbooks/ransomware.html"]
    );
    assert_eq!(hrefs(&html, "a[download]"), ["cfcs.vcf"]);
    let vcf = std::fs::read_to_string(site.join("parties/cfcs.vcf")).unwrap();
    assert_eq!(vcf.matches("BEGIN:VCARD").count(), 2);
    assert!(
        vcf.lines().any(|l| l == "ORG:CFCS (Danish national CERT)"),
        "{vcf}"
    );
    let list = page(&site, "parties.html");
    assert_eq!(
        texts(&list, "main tbody tr"),
        ["CFCS (Danish national CERT) CERT CFCS duty officer+45 33 32 55 80"]
    );
    assert_eq!(hrefs(&list, "main tbody th a"), ["parties/cfcs.html"]);
    let playbook = page(&site, "playbooks/ransomware.html");
    assert!(hrefs(&playbook, "main a").contains(&"../parties/cfcs.html".to_string()));
}

#[test]
fn a_step_shows_its_party_with_the_phone() {
    let f = v2();
    let site = built(&f);
    let plan = page(&site, "plans/recovery.html");
    assert_eq!(
        texts(&plan, "#step-1-1 ul.step-suppliers li"),
        [
            "Host A/S +45 70 00 00 01 · Notice to a supplier",
            "CFCS (Danish national CERT) +45 33 32 55 80"
        ]
    );
    assert!(hrefs(&plan, "#step-1-1 ul.step-suppliers a").contains(&"../parties/cfcs.html".to_string()));
}

#[test]
fn contacts_html_lists_the_parties() {
    let f = v2();
    let site = built(&f);
    let html = page(&site, "contacts.html");
    assert!(hrefs(&html, "main a").contains(&"parties/cfcs.html".to_string()));
}

// 4. Supplier contract additions

fn supplier_main_text() -> String {
    let f = with_contract_v2();
    let site = built(&f);
    texts(&page(&site, "suppliers/host.html"), "main").join(" ")
}

#[test]
fn the_supplier_page_shows_the_contract_additions() {
    let text = supplier_main_text();
    for part in [
        "Capped at one year of fees.",
        "They keep every log for us.",
        "90 days",
        "A short status mail.",
    ] {
        assert!(text.contains(part), "{part} not in {text}");
    }
}

#[test]
fn the_supplier_page_shows_where_data_is() {
    let text = supplier_main_text();
    assert!(text.contains("EU, Norway"), "{text}");
}

#[test]
fn the_supplier_page_links_the_fallback() {
    let f = with_contract_v2();
    let site = built(&f);
    let html = page(&site, "suppliers/host.html");
    assert!(hrefs(&html, "main a").contains(&"../suppliers/printb.html".to_string()));
    assert!(
        texts(&html, "main")
            .join(" ")
            .contains("Host down for more than 4 hours.")
    );
}

// 5. Systems

#[test]
fn systems_page_with_owner_objectives_and_the_longer_than_ours_flag() {
    let f = v2();
    f.edit("handbook.yaml", "    rto: 24h\n", "    rto: 8h\n");
    let site = built(&f);
    let html = page(&site, "systems.html");
    assert_eq!(texts(&html, "#system-erp h2"), ["ERP"]);
    assert_eq!(
        texts(&html, "#system-erp dl.facts dd"),
        ["Technical lead", "8 hours", "4 hours", "customer data"]
    );
    assert_eq!(hrefs(&html, "#system-erp dl.facts a"), ["roles.html#role-tech"]);
    // Host's contract: rto 12h (longer than our 8h: flagged), rpo 1h (shorter: not flagged).
    assert_eq!(
        texts(&html, "#system-erp tbody tr"),
        ["Host A/S 12 hours longer than ours 1 hour"]
    );
    assert_eq!(
        select(&html, "#system-erp tbody td:nth-of-type(1) .flag").len(),
        1
    );
    assert_eq!(
        select(&html, "#system-erp tbody td:nth-of-type(2) .flag").len(),
        0
    );
    assert_eq!(hrefs(&html, "#system-erp tbody a"), ["suppliers/host.html"]);
    let plan = page(&site, "plans/recovery.html");
    assert_eq!(
        hrefs(&plan, "#step-1-1 .step-systems a"),
        ["../systems.html#system-erp"]
    );
}

// 6. Readiness plans

#[test]
fn a_readiness_plan_has_no_incident_header_and_an_every_column() {
    let f = v2();
    let site = built(&f);
    let html = page(&site, "plans/ready.html");
    assert_eq!(select(&html, "table.fill-in").len(), 0);
    assert_eq!(
        texts(&html, "table.steps thead tr:not(.phase-title) th"),
        ["Done", "#", "Action", "Responsible", "Every", "Checked on", "By"]
    );
    assert_eq!(texts(&html, "td.due"), ["1 year", "90 days"]);
    let response = page(&site, "plans/recovery.html");
    assert_eq!(select(&response, "table.fill-in").len(), 1);
}

/// Four plans: `order` first, then the title; plans without `order` last.
fn four_plans() -> (Fixture, PathBuf) {
    let f = v2();
    f.edit(
        "content/plans/recovery.yaml",
        "owner: lead\n",
        "owner: lead\norder: 2\n",
    );
    f.edit("content/plans/ready.yaml", "order: 1", "order: 5");
    f.write(
        "content/plans/alpha.yaml",
        &common::PLAN.replace("title: Recovery", "title: Alpha\norder: 2"),
    );
    f.write(
        "content/plans/zulu.yaml",
        &common::PLAN.replace("title: Recovery", "title: Aardvark"),
    );
    assert_eq!(shorts(&f.check()), Vec::<String>::new());
    let site = built(&f);
    (f, site)
}

#[test]
fn plans_are_sorted_by_order_then_title_on_the_home_page() {
    let (_f, site) = four_plans();
    let home = page(&site, "index.html");
    // Response plans by `order` then title, then the readiness plans, listed apart.
    assert_eq!(
        hrefs(&home, "section[aria-labelledby=plans] a"),
        [
            "plans/alpha.html",
            "plans/recovery.html",
            "plans/zulu.html",
            "plans/ready.html"
        ]
    );
}

#[test]
fn plans_are_sorted_by_order_then_title_in_print_html() {
    let (_f, site) = four_plans();
    // As on the home page: the response plans by `order` then title, then the readiness plans.
    let titles = ["Alpha", "Recovery", "Aardvark", "Annual readiness"];
    let printed: Vec<String> = texts(&page(&site, "print.html"), "h1")
        .into_iter()
        .filter(|t| titles.contains(&t.as_str()))
        .collect();
    assert_eq!(printed, titles);
}

// 7. Forms

#[test]
fn a_form_page_has_its_sections_fields_and_table() {
    let f = v2();
    let site = built(&f);
    let html = page(&site, "forms/lessons.html");
    assert_eq!(texts(&html, "main h1"), ["Lessons learned meeting"]);
    assert_eq!(texts(&html, "table.form-meta th"), ["Incident id", "Sheet"]);
    assert_eq!(texts(&html, "main .summary strong"), ["after"]);
    assert_eq!(
        texts(&html, "section.form-section h2"),
        ["What happened", "Actions"]
    );
    assert_eq!(
        texts(&html, "table.fields th[scope=row]"),
        [
            "Summary",
            "Detected at (Europe/Copenhagen)",
            "Meeting date",
            "Start time (Europe/Copenhagen)",
            "Reported to the authority",
            "Approved by",
            "Case number"
        ]
    );
    let rows = select(&html, "table.fields tr");
    let lines = |i: usize| {
        rows[i]
            .select(&scraper::Selector::parse(".write-line").unwrap())
            .count()
    };
    assert_eq!((lines(0), lines(6)), (4, 1));
    let kinds: Vec<&str> = rows.iter().map(|r| r.value().attr("class").unwrap()).collect();
    assert_eq!(
        &kinds[1..6],
        [
            "field field-datetime",
            "field field-date",
            "field field-time",
            "field field-yes-no",
            "field field-signature"
        ]
    );
    assert_eq!(
        texts(&html, "table.form:not(.fields) thead th"),
        ["Action", "Owner", "Due", "Done"]
    );
    let body = select(&html, "table.form:not(.fields) tbody tr");
    assert_eq!(body.len(), 12);
    assert!(
        body.iter()
            .all(|tr| tr.select(&scraper::Selector::parse("td").unwrap()).count() == 4)
    );
}

#[test]
fn a_step_links_its_form_and_built_in_forms_resolve() {
    let f = v2();
    f.edit("content/plans/ready.yaml", "form: lessons", "form: incident-log");
    assert_eq!(shorts(&f.check()), Vec::<String>::new());
    let site = built(&f);
    let plan = page(&site, "plans/recovery.html");
    assert_eq!(hrefs(&plan, "#step-2-1 .step-form a"), ["../forms/lessons.html"]);
    assert_eq!(
        texts(&plan, "#step-2-1 .step-form a"),
        ["Lessons learned meeting"]
    );
    let ready = page(&site, "plans/ready.html");
    assert_eq!(
        hrefs(&ready, "#step-1-2 .step-form a"),
        ["../forms/incident-log.html"]
    );
}

// 8. Fixes

#[test]
fn a_numbered_phase_title_is_numbered_once() {
    let f = v2();
    let site = built(&f);
    let html = page(&site, "plans/ready.html");
    assert_eq!(texts(&html, "section.phase h2"), ["1. Preparation"]);
    assert_eq!(texts(&html, "tr.phase-title th"), ["1. Preparation"]);
}

#[test]
fn a_plan_without_severities_has_no_stray_separator() {
    let f = v2();
    let site = built(&f);
    let html = page(&site, "plans/ready.html");
    let facts = texts(&html, "ul.facts-line li");
    assert_eq!(facts[0], "Readiness checklist");
    assert!(
        facts.iter().all(|t| !t.starts_with('·') && !t.is_empty()),
        "{facts:?}"
    );
}

#[test]
fn a_supplier_with_a_supplier_message_is_listed_once() {
    let f = Fixture::new();
    let site = built(&f);
    let html = page(&site, "plans/recovery.html");
    // One entry: the supplier with its phone and its own copy of the message, no second line
    // for the message's audience.
    assert_eq!(
        texts(&html, "#step-1-1 ul.step-suppliers li"),
        ["Host A/S +45 70 00 00 01 · Notice to a supplier"]
    );
    assert_eq!(
        select(&html, "#step-1-1 a[href='../suppliers/host.html']").len(),
        1
    );
}

#[test]
fn the_supplier_list_shows_data_location_fallback_and_both_notice_times() {
    let f = with_contract_v2();
    let site = built(&f);
    let html = page(&site, "suppliers.html");
    let host = select(&html, "tbody tr")
        .into_iter()
        .find(|tr| tr.text().any(|t| t.contains("Host A/S")))
        .expect("a row for the host");
    let cells: Vec<String> = host
        .select(&scraper::Selector::parse("td").unwrap())
        .map(|td| {
            td.text()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert_eq!(
        cells[1],
        "Hosting Where they process our data: EU, Norway Fallback supplier: Print B ApS"
    );
    assert_eq!(&cells[3..], ["24 hours", "24 hours"]);
    assert!(hrefs(&html, "tbody a").contains(&"suppliers/printb.html".to_string()));
}
