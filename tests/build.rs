//! `irbook build`: the pages FORMAT.md section 6 lists, read back with an HTML parser, and
//! the promises about the output folder.

mod common;

use std::path::Path;

use common::site::{files, link_problems, page, select, texts};
use common::{Fixture, build};

fn built(f: &Fixture) -> std::path::PathBuf {
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
    f.path("site")
}

#[test]
fn writes_every_page_of_the_format() {
    let f = Fixture::new();
    f.write("content/static/files/policy.pdf", "%PDF-1.4 test");
    let site = built(&f);
    let names: Vec<String> = files(&site).into_keys().collect();
    let expected = [
        ".irbook-site",
        "404.html",
        "assets/favicon.svg",
        "assets/incident.js",
        "assets/irbook.js",
        "assets/style.css",
        "calendar.ics",
        "contacts.html",
        "files/policy.pdf",
        "forms/chain-of-custody.html",
        "forms/incident-log.html",
        "handbook-offline.html",
        "handbook.json",
        "index.html",
        "messages.html",
        "obligations.html",
        "pages/about.html",
        "plans/recovery.html",
        "playbooks/ransomware.html",
        "print.html",
        "roles.html",
        "search-index.js",
        "search.html",
        "suppliers.html",
        "suppliers/host.html",
        "suppliers/host.vcf",
        "sw.js",
    ];
    assert_eq!(names, expected);
}

#[test]
fn every_link_of_the_fixture_and_the_example_resolves() {
    let f = Fixture::new();
    f.write("content/static/files/policy.pdf", "%PDF-1.4 test");
    f.edit(
        "content/playbooks/ransomware.md",
        "## First hour",
        "See [the policy](/files/policy.pdf).\n\n## First hour",
    );
    let site = built(&f);
    assert_eq!(link_problems(&site), Vec::<String>::new());
    let playbook = page(&site, "playbooks/ransomware.html");
    let hrefs: Vec<&str> = select(&playbook, "main a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    for expected in [
        "../suppliers/host.html",
        "../plans/recovery.html#notify",
        "../roles.html#role-lead",
        "../pages/about.html#why",
        "../contacts.html#obligation-gdpr",
        "../files/policy.pdf",
    ] {
        assert!(hrefs.contains(&expected), "{expected} not in {hrefs:?}");
    }

    let out = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target = out.path().join("site");
    let (code, stderr) = build(example, &["--out", target.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(link_problems(&target), Vec::<String>::new());
    // The 12 pages every site has (with print.html and handbook-offline.html), the example's
    // parties, communication and systems pages (3), and one per supplier (8), party (3),
    // plan (3), playbook (4), page (1) and form (1).
    assert_eq!(files(&target).keys().filter(|p| p.ends_with(".html")).count(), 35);
}

#[test]
fn nothing_is_loaded_from_another_host_and_scripts_are_files() {
    let f = Fixture::new();
    let site = built(&f);
    for (path, bytes) in files(&site).into_iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = scraper::Html::parse_document(&String::from_utf8(bytes).unwrap());
        let csp = select(&html, "meta[http-equiv=Content-Security-Policy]");
        assert_eq!(csp.len(), 1, "{path}");
        let policy = csp[0].value().attr("content").unwrap();
        for script in select(&html, "script") {
            if script.value().attr("type") == Some("application/json") {
                // A JSON island is data the page's scripts read; the browser never runs it.
                let text: String = script.text().collect();
                assert!(
                    serde_json::from_str::<serde_json::Value>(&text).is_ok(),
                    "{path}: {text}"
                );
            } else if path == "handbook-offline.html" {
                // One file, so its script is inline: allowed by its hash, and nothing else is.
                let text: String = script.text().collect();
                assert!(
                    policy.contains(&sha256_source(&text)),
                    "{path}: unhashed inline script"
                );
                assert!(!policy.contains("'self'"), "{path}: {policy}");
            } else {
                assert!(script.value().attr("src").is_some(), "{path}: inline script");
            }
        }
        assert!(select(&html, "[style]").is_empty(), "{path}: inline style");
        assert!(policy.starts_with("default-src 'none'"), "{path}: {policy}");
        assert!(!policy.contains("http"), "{path}: {policy}");
    }
}

/// The CSP source that allows an inline element holding `text`.
fn sha256_source(text: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[test]
fn text_from_yaml_is_escaped() {
    let f = Fixture::new();
    f.edit(
        "content/suppliers/host.yaml",
        "name: Host A/S",
        "name: \"Host & <script>alert(1)</script> \\\"Q\\\" 'A/S'\"",
    );
    f.edit(
        "content/suppliers/host.yaml",
        "last_reviewed: 2026-10-01",
        "last_reviewed: 2026-10-01\nnotes: \"Call <b>first</b> & <img src=x onerror=alert(2)> then [the plan](plan:recovery)\"",
    );
    let site = built(&f);
    let html = page(&site, "suppliers/host.html");
    assert_eq!(
        texts(&html, "h1")[0],
        "Host & <script>alert(1)</script> \"Q\" 'A/S' Critical"
    );
    assert_eq!(select(&html, "main script").len(), 0);
    assert_eq!(select(&html, "main img").len(), 0);
    assert_eq!(select(&html, "main b").len(), 0);
    let notes = texts(&html, "section[aria-labelledby=notes-h] p");
    assert_eq!(
        notes,
        ["Call <b>first</b> & <img src=x onerror=alert(2)> then the plan"]
    );
    let raw = std::fs::read_to_string(site.join("suppliers/host.html")).unwrap();
    assert!(
        raw.contains("<h1>Host &amp; &lt;script&gt;alert(1)&lt;/script&gt; &quot;Q&quot; &#39;A/S&#39; "),
        "escaped in the source"
    );
}

#[test]
fn raw_html_in_playbooks_follows_commonmark() {
    let f = Fixture::new();
    f.edit(
        "content/playbooks/ransomware.md",
        "## First hour",
        "<kbd>Ctrl</kbd> stays markup.\n\n## First hour",
    );
    let site = built(&f);
    assert_eq!(
        texts(&page(&site, "playbooks/ransomware.html"), "main kbd"),
        ["Ctrl"]
    );
}

#[test]
fn phones_become_tel_links_with_digits_and_plus() {
    let f = Fixture::new();
    f.edit(
        "content/suppliers/host.yaml",
        "\"+45 70 00 00 01\"",
        "\"+45 (0)70-00 00 01 ext. 5\"",
    );
    let site = built(&f);
    let html = page(&site, "suppliers/host.html");
    let tels: Vec<(&str, String)> = select(&html, "#contacts a[href^='tel:']")
        .iter()
        .map(|a| (a.value().attr("href").unwrap(), a.text().collect()))
        .collect();
    assert_eq!(
        tels,
        [("tel:+4570000001", "+45 (0)70-00 00 01 ext. 5".to_string())]
    );
}

#[test]
fn vcard_is_version_4_with_crlf_escaping_and_folding() {
    let f = Fixture::new();
    f.edit(
        "content/suppliers/host.yaml",
        "  - name: Lars Holm\n",
        "  - name: Lars Holm\n    role: Account manager, escalation; nights\n",
    );
    f.edit(
        "content/suppliers/host.yaml",
        "name: Host A/S",
        "name: Host A/S with a very long name that needs folding, Datacenter Division Nord",
    );
    // A name with a comma and a semicolon, which the escalation ladder must name alike.
    f.edit(
        "content/suppliers/host.yaml",
        "  - name: Lars Holm",
        "  - name: Holm, Lars; nights",
    );
    f.edit(
        "content/suppliers/host.yaml",
        "    contact: Lars Holm",
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
         ROLE:Account manager\\, escalation\\; nights\r\nEMAIL:lh@host.example\r\nEND:VCARD\r\n"
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
        "    hours: 24/7\n    email: noc@host.example\n",
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
        "mailto:noc@host.example?subject=Incident%20at%20Testfirma%20ApS&body=Dear%20Host%20NOC%20at%20Host%20A%2FS%2C%0D%0Awe%20have%20an%20incident.%0D%0A"
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
fn a_handbook_template_overrides_the_built_in_one() {
    let f = Fixture::new();
    f.write(
        "themes/default/templates/supplier.html",
        "{% extends \"base.html\" %}{% block content %}<h1 id=\"custom\">Custom {{ page.name }}</h1>{% endblock content %}",
    );
    let site = built(&f);
    assert_eq!(
        texts(&page(&site, "suppliers/host.html"), "h1"),
        ["Custom Host A/S"]
    );
    assert_eq!(
        texts(&page(&site, "plans/recovery.html"), "h1"),
        ["Recovery"],
        "other templates stay built-in"
    );
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

fn assert_staging_cleaned(dir: &Path) {
    let names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains("irbook-")), "debris: {names:?}");
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
fn base_url_only_changes_canonical_links_qr_codes_and_the_offline_files_links() {
    let f = Fixture::new();
    let plain_dir = tempfile::tempdir().unwrap();
    let with_dir = tempfile::tempdir().unwrap();
    let plain_out = plain_dir.path().join("site");
    let with_out = with_dir.path().join("site");
    assert_eq!(build(f.root(), &["--out", plain_out.to_str().unwrap()]).0, 0);
    assert_eq!(
        build(
            f.root(),
            &[
                "--out",
                with_out.to_str().unwrap(),
                "--base-url",
                "https://intranet.example/ir/"
            ]
        )
        .0,
        0
    );
    let plain = files(&plain_out);
    let with = files(&with_out);
    assert_eq!(plain.keys().collect::<Vec<_>>(), with.keys().collect::<Vec<_>>());
    for (path, bytes) in &with {
        // The offline file links files it cannot hold to the online site, and sw.js's version
        // is a hash of the other files.
        if path == "handbook-offline.html" || path == "sw.js" {
            continue;
        }
        let text: String = String::from_utf8_lossy(bytes)
            .lines()
            .filter(|l| !l.starts_with("<div class=\"print-qr\">"))
            .collect::<Vec<_>>()
            .join("\n");
        let lines = |text: &str, skip: &str| -> Vec<String> {
            text.lines()
                .filter(|l| !l.trim().is_empty() && !l.contains(skip))
                .map(str::to_string)
                .collect()
        };
        let without = lines(&text, "rel=\"canonical\"");
        let original = lines(&String::from_utf8_lossy(&plain[path]), "\u{0}");
        assert_eq!(without, original, "{path} differs beyond its canonical link");
    }
    let canonical = select(&page(&with_out, "suppliers/host.html"), "link[rel=canonical]")[0]
        .value()
        .attr("href")
        .unwrap()
        .to_string();
    assert_eq!(canonical, "https://intranet.example/ir/suppliers/host.html");
    let offline = String::from_utf8_lossy(&with["handbook-offline.html"]).into_owned();
    assert!(offline.contains("href=\"https://intranet.example/ir/suppliers/host.vcf\""));
    assert!(!String::from_utf8_lossy(&plain["handbook-offline.html"]).contains("intranet.example"));
    assert!(select(&page(&plain_out, "index.html"), "link[rel=canonical]").is_empty());
}

#[test]
fn handbook_json_holds_the_model() {
    let f = Fixture::new();
    let site = built(&f);
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("handbook.json")).unwrap()).unwrap();
    assert_eq!(json["main"]["organization"], "Testfirma ApS");
    assert_eq!(json["suppliers"][0]["id"], "host");
    assert_eq!(json["suppliers"][0]["contract"]["notify_within"], "24h");
    assert_eq!(json["plans"][0]["phases"][1]["steps"][0]["obligation"], "gdpr");
    assert_eq!(
        json["plans"][0]["phases"][0]["id"], "detection-and-assessment",
        "the anchor, also without an id"
    );
    assert_eq!(json["playbooks"][0]["title"], "Ransomware");
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

#[test]
fn script_links_are_errors_and_never_built() {
    let f = Fixture::new();
    f.edit("handbook.yaml", "    name: Incident lead\n", "    name: Incident lead\n    duties: \"[click](JavaScript:alert(1)) and [data](data:text/html,x)\"\n");
    assert_eq!(
        common::shorts(&f.check()),
        [
            "error handbook.yaml:14:22 broken link: unknown link scheme `JavaScript:`",
            "error handbook.yaml:14:54 broken link: unknown link scheme `data:`",
        ]
    );
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(!f.path("site").exists());
}

#[test]
fn static_files_are_copied_with_hidden_ones_but_without_editor_leftovers() {
    let f = Fixture::new();
    f.write(
        "content/static/.well-known/security.txt",
        "Contact: mailto:sec@test.example",
    );
    f.write("content/static/.htaccess", "Options -Indexes");
    f.write("content/static/files/a.pdf~", "backup");
    f.write("content/static/files/.a.pdf.swp", "swap");
    let site = built(&f);
    let names: Vec<String> = files(&site)
        .into_keys()
        .filter(|p| !p.ends_with(".html") && !p.starts_with("assets/"))
        .collect();
    assert_eq!(
        names,
        [
            ".htaccess",
            ".irbook-site",
            ".well-known/security.txt",
            "calendar.ics",
            "handbook.json",
            "search-index.js",
            "suppliers/host.vcf",
            "sw.js"
        ]
    );
}

#[test]
fn check_finds_a_broken_theme_template_as_build_does() {
    let f = Fixture::new();
    f.write("themes/default/templates/extra.html", "{{ does_not_exist");
    let diags = common::check_json(f.root());
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(
        diags[0]
            .short()
            .starts_with("error themes/default/templates/extra.html:1:"),
        "{}",
        diags[0].short()
    );
    let (code, _) = build(f.root(), &[]);
    assert_eq!(code, 1);
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

#[test]
fn the_link_checker_finds_links_that_climb_out_of_the_site() {
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir(site.path().join("pages")).unwrap();
    std::fs::write(site.path().join("index.html"), "<p id=top></p>").unwrap();
    std::fs::write(
        site.path().join("pages/a.html"),
        "<a href=\"../index.html#top\">ok</a><a href=\"../../index.html\">out</a><a href=\"../../../../etc/passwd\">far</a>",
    )
    .unwrap();
    assert_eq!(
        link_problems(site.path()),
        [
            "pages/a.html: ../../index.html: climbs above the site root",
            "pages/a.html: ../../../../etc/passwd: climbs above the site root",
        ]
    );
}
