//! Printing, verified in a real browser: headless Chromium prints the built pages to PDF and
//! poppler-utils reads them back. Needs `chromium` and `poppler-utils`: without them each test
//! says that it was skipped, and `.ci/run` (which installs them and sets
//! `IRBOOK_REQUIRE_BROWSER=1`) fails instead.

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use common::print::{flat_text, page_count, pages_text, print_to_pdf, raw_text};
use common::{Fixture, build};

fn build_example() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let (code, stderr) = build(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["--out", site.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{stderr}");
    (dir, site)
}

fn model(site: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(site.join("handbook.json")).unwrap()).unwrap()
}

#[test]
fn the_recovery_plan_prints_every_step_in_order_without_navigation() {
    if !common::print::tools_for("the_recovery_plan_prints_every_step_in_order_without_navigation") {
        return;
    }
    let (_dir, site) = build_example();
    let json = model(&site);
    let roles: Vec<(String, String)> = json["main"]["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["name"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let plan = json["plans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "recovery")
        .expect("a recovery plan");
    let text = raw_text(&print_to_pdf(&site.join("plans/recovery.html")));
    let steps: Vec<(&str, &str)> = plan["phases"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|phase| phase["steps"].as_array().unwrap())
        .map(|step| {
            let role = roles
                .iter()
                .find(|(id, _)| id == step["responsible"][0].as_str().unwrap())
                .unwrap();
            (step["action"].as_str().unwrap(), role.1.as_str())
        })
        .collect();
    // Each action in order, and its role within its own row: before the next action.
    let mut starts = Vec::new();
    for (action, _) in &steps {
        let from = starts.last().map_or(0, |&(at, len)| at + len);
        let at = text[from..]
            .find(action)
            .unwrap_or_else(|| panic!("step `{action}` missing or out of order"));
        starts.push((from + at, action.len()));
    }
    for (i, (action, role)) in steps.iter().enumerate() {
        let row = starts[i].0 + starts[i].1..starts.get(i + 1).map_or(text.len(), |s| s.0);
        assert!(text[row].contains(role), "role `{role}` in the row of `{action}`");
    }
    assert_eq!(
        steps.len(),
        16,
        "the example's recovery plan: the ten SME steps, the NIS2 and GDPR decisions in phase 1, \
         eradication before restore, and each report as its own step"
    );
    for screen_only in [
        "Skip to content",
        "Clear all ticks",
        "Ticks are kept",
        "Response plans Playbooks Suppliers",
    ] {
        assert!(!text.contains(screen_only), "`{screen_only}` must not print");
    }
    for column in ["Done at", "Initials", "Incident id", "Detected at"] {
        assert!(text.contains(column), "the paper checklist has `{column}`");
    }
    assert!(text.contains("page 1 of"), "page numbers are printed");
}

#[test]
fn the_example_contact_sheet_is_one_page() {
    if !common::print::tools_for("the_example_contact_sheet_is_one_page") {
        return;
    }
    let (_dir, site) = build_example();
    let pdf = print_to_pdf(&site.join("contacts.html"));
    assert_eq!(page_count(&pdf), 1);
    let text = flat_text(&pdf);
    let json = model(&site);
    for role in json["main"]["roles"].as_array().unwrap() {
        for person in role["people"].as_array().unwrap() {
            if let Some(phone) = person["phone"].as_str() {
                assert!(text.contains(phone), "{phone} on the contact sheet");
            }
        }
    }
}

/// A handbook with exactly 40 contacts: 10 roles of 2 people, 12 suppliers' primary contacts
/// plus 4 more 24/7 lines, and 4 obligations with a contact.
fn forty_contacts() -> Fixture {
    let f = Fixture::new();
    let mut roles = String::new();
    for r in 0..10 {
        let _ = write!(
            roles,
            "  - id: role-{r}\n    name: Response role number {r}\n    people:\n      - name: Primary Person Number {r}\n        phone: \"+45 20 30 40 {r:02}\"\n        email: primary.person.{r}@company.test\n      - name: Deputy Person Number {r}\n        phone: \"+45 20 30 50 {r:02}\"\n        email: deputy.person.{r}@company.test\n"
        );
    }
    let mut obligations = String::new();
    for o in 0..4 {
        let _ = write!(
            obligations,
            "  - id: duty-{o}\n    name: Notify the authority number {o}\n    to: Authority {o}\n    deadline: 72h\n    clock_starts: awareness of the incident\n    contact:\n      phone: \"+45 70 70 70 {o:02}\"\n      email: report{o}@authority.test\n"
        );
    }
    let handbook = common::HANDBOOK
        .replace("roles:\n", &format!("roles:\n{roles}"))
        .replace("obligations:\n", &format!("obligations:\n{obligations}"))
        .replace("  - id: lead\n    name: Incident lead\n    people:\n      - name: Ann Berg\n        phone: \"+45 11 11 11 11\"\n      - name: Bo Dahl\n        email: bo@testfirma.test\n", "")
        .replace("  - id: tech\n    name: Technical lead\n    people:\n      - name: Cai Eng\n        phone: \"+45 22 22 22 22\"\n      - name: Dan Fog\n        phone: \"+45 33 33 33 33\"\n", "")
        .replace("  - id: gdpr\n    name: Tell the authority\n    to: Datatilsynet\n    deadline: 72h\n", "")
        .replace("  - id: final\n    name: Final report\n    to: CSIRT\n    deadline: 30d\n    after: gdpr\n", "")
        .replace("notify: [lead]", "notify: [role-0]");
    f.write("handbook.yaml", &handbook);
    f.write("content/plans/recovery.yaml", "title: Recovery\nexercised: 2026-06-01\nphases:\n  - title: One\n    steps:\n      - action: Act\n        responsible: role-0\n");
    f.write(
        "content/playbooks/ransomware.md",
        "---\ntitle: Ransomware\n---\n# First hour\n",
    );
    f.write("content/pages/about.md", "---\ntitle: About\n---\n# Why\n");
    std::fs::remove_file(f.path("content/suppliers/host.yaml")).unwrap();
    for s in 0..12 {
        let night = if s < 4 {
            format!("  - name: Night Duty Desk {s}\n    phone: \"+45 80 80 80 {s:02}\"\n    hours: 24/7\n")
        } else {
            String::new()
        };
        f.write(
            &format!("content/suppliers/supplier-{s:02}.yaml"),
            &format!(
                "name: Supplier Company Number {s} A/S\ntier: important\nservices: [Service]\ncontacts:\n  - name: Service Desk Of Supplier {s}\n    phone: \"+45 60 60 60 {s:02}\"\n    email: desk{s}@supplier{s}.test\n    hours: Mon-Fri 08-16\n{night}last_reviewed: 2026-11-01\n"
            ),
        );
    }
    f
}

#[test]
fn a_contact_sheet_of_forty_contacts_is_one_page() {
    if !common::print::tools_for("a_contact_sheet_of_forty_contacts_is_one_page") {
        return;
    }
    let f = forty_contacts();
    assert_eq!(
        common::check_json(f.root()),
        vec![],
        "the 40-contact handbook is valid"
    );
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let pdf = print_to_pdf(&f.path("site/contacts.html"));
    let text = flat_text(&pdf);
    let phones = text.matches("+45 ").count();
    assert_eq!(phones, 40, "every contact's phone is on the sheet");
    assert_eq!(page_count(&pdf), 1);
}

#[test]
fn plan_rows_and_phase_titles_never_split_across_pages() {
    if !common::print::tools_for("plan_rows_and_phase_titles_never_split_across_pages") {
        return;
    }
    let f = Fixture::new();
    let mut plan = String::from("title: Long plan\nphases:\n");
    for p in 1..=3 {
        let _ = write!(plan, "  - title: Phase title {p}\n    steps:\n");
        for s in 1..=12 {
            let _ = write!(
                plan,
                "      - action: Begin{p}x{s} check the systems of this step\n        responsible: tech\n        within: {s}h\n        details: |\n          A first line of details that is long enough to wrap in the action column of the table.\n          - a bullet with more words to make the row taller than one line\n          - another bullet that ends the row: Close{p}x{s}z\n"
            );
        }
    }
    f.write("content/plans/long.yaml", &plan);
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let pages = pages_text(&print_to_pdf(&f.path("site/plans/long.html")));
    // Eight A4 pages with the built-in theme: fewer would make the checks below weaker, a
    // change means that the print layout changed.
    assert_eq!(pages.len(), 8, "pages of the fixture plan");
    let page_of = |token: &str| {
        let found: Vec<usize> = (0..pages.len()).filter(|&i| pages[i].contains(token)).collect();
        assert_eq!(found.len(), 1, "`{token}` on exactly one page: {found:?}");
        found[0]
    };
    for p in 1..=3 {
        // The title repeats at the top of each page the phase continues on; its first
        // appearance must be on the page of its first row.
        let title = format!("Phase title {p}");
        let first = (0..pages.len())
            .find(|&i| pages[i].contains(&title))
            .expect("phase title printed");
        assert_eq!(
            first,
            page_of(&format!("Begin{p}x1 ")),
            "phase {p} title stays with its first row"
        );
        for s in 1..=12 {
            assert_eq!(
                page_of(&format!("Begin{p}x{s} ")),
                page_of(&format!("Close{p}x{s}z")),
                "row {p}.{s} is not split"
            );
        }
    }
}

#[test]
fn print_html_holds_the_whole_handbook() {
    if !common::print::tools_for("print_html_holds_the_whole_handbook") {
        return;
    }
    let (_dir, site) = build_example();
    let json = model(&site);
    let pdf = print_to_pdf(&site.join("print.html"));
    let text = raw_text(&pdf);
    let items = |kind: &str| json[kind].as_array().unwrap().clone();
    let documents = items("plans").into_iter().chain(items("playbooks"));
    let suppliers = items("suppliers").into_iter().map(|s| {
        let tier = s["tier"].as_str().unwrap();
        format!(
            "{} {}{}",
            s["name"].as_str().unwrap(),
            tier[..1].to_uppercase(),
            &tier[1..]
        )
    });
    let headings: Vec<String> = documents
        .map(|d| d["title"].as_str().unwrap().to_string())
        .chain(suppliers)
        .collect();
    assert_eq!(headings.len(), 18, "3 plans, 7 playbooks and 8 suppliers");
    // Every section starts a page with its heading, below the running header: exactly once.
    // A heading starts at the left margin; a list item with the same words (a playbook named
    // on a supplier's page) is indented and does not count.
    let first_lines: Vec<String> = pages_text(&pdf)
        .iter()
        .map(|page| {
            let mut lines = page.lines().map(str::trim_end).filter(|l| !l.is_empty());
            lines.nth(1).unwrap_or_default().to_string()
        })
        .collect();
    for heading in &headings {
        let starts = first_lines.iter().filter(|l| *l == heading).count();
        assert_eq!(starts, 1, "pages that `{heading}` starts: {first_lines:#?}");
    }
    for form in [
        "Incident log",
        "Chain of custody",
        "Emergency contacts",
        "Notification obligations",
    ] {
        assert!(text.contains(form), "{form}");
    }
}

/// The first page of a PDF as a grey image at low resolution.
fn first_page_image(pdf: &Path) -> Vec<u8> {
    let output = std::process::Command::new("pdftoppm")
        .args(["-r", "40", "-gray", "-f", "1", "-l", "1", "-singlefile"])
        .arg(pdf)
        .output()
        .expect("pdftoppm runs");
    assert!(output.status.success());
    output.stdout
}

#[test]
fn task_lists_print_as_empty_boxes_whatever_their_state() {
    if !common::print::tools_for("task_lists_print_as_empty_boxes_whatever_their_state") {
        return;
    }
    let printed = |marker: &str| {
        let f = Fixture::new();
        let playbook = common::PLAYBOOK.replace("- [ ] Isolate", &format!("- {marker} Isolate"));
        f.write("content/playbooks/ransomware.md", &playbook);
        let (code, stderr) = build(f.root(), &[]);
        assert_eq!(code, 0, "{stderr}");
        first_page_image(&print_to_pdf(&f.path("site/playbooks/ransomware.html")))
    };
    let open = printed("[ ]");
    assert!(
        printed("[x]") == open,
        "a ticked box must print exactly like an empty one"
    );
    assert!(
        printed("[ ] Isolate now") != open,
        "the comparison must see a change on the page"
    );
}

/// Serves `site` on a local port, every response with `policy` as its Content-Security-Policy
/// header, until the test ends; returns the address.
fn serve_with_policy(site: PathBuf, policy: String) -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut request = String::new();
            if BufReader::new(&stream).read_line(&mut request).is_err() {
                continue;
            }
            let path = request
                .split_whitespace()
                .nth(1)
                .unwrap_or("/")
                .trim_start_matches('/');
            let (status, body) = match std::fs::read(site.join(path)) {
                Ok(body) => ("200 OK", body),
                Err(_) => ("404 Not Found", Vec::new()),
            };
            let kind = match path.rsplit('.').next() {
                Some("css") => "text/css",
                Some("js") => "text/javascript",
                _ => "text/html; charset=utf-8",
            };
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nContent-Security-Policy: {policy}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream
                .write_all(head.as_bytes())
                .and_then(|()| stream.write_all(&body));
        }
    });
    address
}

#[test]
fn the_csp_header_of_the_hosting_guide_keeps_the_print_rules() {
    if !common::print::tools_for("the_csp_header_of_the_hosting_guide_keeps_the_print_rules") {
        return;
    }
    let guide =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/hosting.md")).unwrap();
    let policy = guide
        .lines()
        .find_map(|l| l.trim().strip_prefix("add_header Content-Security-Policy \""))
        .and_then(|rest| rest.split('"').next())
        .expect("hosting.md gives a Content-Security-Policy header")
        .to_string();
    let (dir, site) = build_example();
    let printed = |policy: &str, name: &str| {
        let address = serve_with_policy(site.clone(), policy.to_string());
        let pdf = dir.path().join(name);
        common::print::print_url_to_pdf(&format!("{address}/contacts.html"), &pdf);
        (
            common::print::page_size(&pdf),
            flat_text(&pdf).contains("page 1 of 1"),
        )
    };
    assert_eq!(
        printed(&policy, "guide.pdf"),
        ("594.96 x 841.92 pts (A4)".to_string(), true),
        "served with the guide's header, the page keeps its paper size and page numbers"
    );
    // Without the print rules Chromium prints on its default paper, which depends on the
    // machine; the missing page numbers show it on every machine.
    let stricter = policy.replace(" 'unsafe-inline'", "");
    assert!(
        !printed(&stricter, "stricter.pdf").1,
        "a stricter style-src blocks the print rules (the check can fail)"
    );
}
