//! Format v2 on paper: a readiness plan and a form of the handbook's own, printed by headless
//! Chromium and read back with poppler-utils (see tests/print.rs; skipped loudly without the
//! tools, a failure under `IRBOOK_REQUIRE_BROWSER=1`).

mod common;

use common::print::{print_to_pdf, raw_text};
use common::v2::{built, v2};

#[test]
fn a_readiness_plan_prints_without_the_incident_header() {
    if !common::print::tools_for("a_readiness_plan_prints_without_the_incident_header") {
        return;
    }
    let f = v2();
    let site = built(&f);
    let text = raw_text(&print_to_pdf(&site.join("plans/ready.html")));
    for present in [
        "Annual readiness",
        "1. Preparation",
        "Test the backups",
        "Review the contact list",
        "Every",
        "1 year",
        "Checked on",
    ] {
        assert!(text.contains(present), "`{present}` not printed: {text}");
    }
    for absent in [
        "Detected at",
        "Incident id",
        "Incident commander",
        "Done at",
        "1. 1. Preparation",
    ] {
        assert!(!text.contains(absent), "`{absent}` printed: {text}");
    }
    // The response plan of the same site does print the header: the check above can see it.
    let response = raw_text(&print_to_pdf(&site.join("plans/recovery.html")));
    for present in ["Incident id", "Detected at"] {
        assert!(response.contains(present), "`{present}` not printed: {response}");
    }
}

#[test]
fn a_form_of_the_handbook_prints_its_sections_fields_and_table() {
    if !common::print::tools_for("a_form_of_the_handbook_prints_its_sections_fields_and_table") {
        return;
    }
    let f = v2();
    let site = built(&f);
    let text = raw_text(&print_to_pdf(&site.join("forms/lessons.html")));
    let in_order = [
        "Lessons learned meeting",
        "Incident id",
        "Sheet",
        "What happened",
        "Summary",
        "Detected at",
        "Meeting date",
        "Start time",
        "Reported to the authority",
        "Approved by",
        "Case number",
        "Actions",
        "Action",
        "Owner",
        "Due",
        "Done",
    ];
    let mut from = 0;
    for part in in_order {
        let at = text[from..]
            .find(part)
            .unwrap_or_else(|| panic!("`{part}` not printed after byte {from}: {text}"));
        from += at + part.len();
    }
}
