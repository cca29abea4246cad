//! `irbook build`: the pages FORMAT.md section 6 lists, read back with an HTML parser (the
//! promises about the output folder are in build_output.rs).

mod common;

use std::path::Path;

use common::site::{files, link_problems, page, select, texts};
use common::v2::built;
use common::{Fixture, build};

#[test]
fn writes_every_page_of_the_format() {
    let f = Fixture::new();
    f.write("content/static/files/policy.pdf", "%PDF-1.4 test");
    let site = built(&f);
    let names: Vec<String> = files(&site).into_keys().collect();
    let expected = [
        ".irbook-site",
        "404.html",
        "assets/clock.js",
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
        "pages.html",
        "pages/about.html",
        "plans.html",
        "plans/recovery.html",
        "playbooks.html",
        "playbooks/ransomware.html",
        "print.html",
        "roles.html",
        "search-index.js",
        "search.html",
        "search/d0.js",
        "search/t0.js",
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
    // The 14 pages every site has (with print.html, handbook-offline.html and the lists of
    // plans and playbooks), the example's parties, pages, communication and systems pages (4),
    // and one per supplier (8), party (4), plan (3), playbook (7), page (3) and form (3).
    assert_eq!(files(&target).keys().filter(|p| p.ends_with(".html")).count(), 46);
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
        "Contact: mailto:sec@testfirma.test",
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
            "search/d0.js",
            "search/t0.js",
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
