//! The markup many pages repeat (a phone link, an e-mail link, a contact card) is written once
//! as a component in the theme's `components/`: overriding one file changes it on every page.

mod common;

use common::site::{page, select};
use common::{Fixture, build};

#[test]
fn a_theme_changes_every_phone_link_in_one_place() {
    let f = Fixture::new();
    f.edit(
        "handbook.yaml",
        "organization: Testfirma ApS\n",
        "organization: Testfirma ApS\ntheme: mine\n",
    );
    // One file, one component: the others stay built-in.
    f.write(
        "themes/mine/templates/components/phone.html",
        "{% component phone(number, tel) %}<a class=\"call\" href=\"{{ tel }}\">☎ {{ number }}</a>{% endcomponent phone %}\n",
    );
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let site = f.path("site");
    for path in [
        "contacts.html",
        "roles.html",
        "suppliers/host.html",
        "plans/recovery.html",
        "index.html",
    ] {
        let html = page(&site, path);
        assert!(
            select(&html, "a.phone").is_empty(),
            "{path} still has the built-in phone link"
        );
        assert!(
            !select(&html, "a.call").is_empty(),
            "{path} has no phone link of the theme"
        );
    }
    let supplier = page(&site, "suppliers/host.html");
    let calls: Vec<String> = select(&supplier, "#contacts a.call")
        .iter()
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(calls, ["☎ +45 70 00 00 01"]);
}

/// The inner HTML of the element with `id` on the page.
fn inner(site: &std::path::Path, path: &str, id: &str) -> String {
    let html = page(site, path);
    let found = select(&html, &format!("[id=\"{id}\"]"));
    assert_eq!(found.len(), 1, "one #{id} in {path}");
    found[0].inner_html().trim().to_string()
}

#[test]
fn a_theme_that_shows_the_bound_sections_its_own_way_gets_every_section() {
    let f = Fixture::new();
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let section = "plans-recovery--top";
    let printed = inner(&f.path("site"), "print.html", section);
    let offline = inner(&f.path("site"), "handbook-offline.html", section);
    assert!(printed.contains("id=\"plans-recovery--"), "{printed}");

    // Each section twice in print.html, and an offline file without the search index: neither
    // can be written section by section, so each is made whole.
    f.edit(
        "handbook.yaml",
        "organization: Testfirma ApS\n",
        "organization: Testfirma ApS\ntheme: mine\n",
    );
    f.write(
        "themes/mine/templates/print.html",
        "{% for s in page.sections %}<div id=\"a-{{ s.anchor }}\">{{ s.html | safe }}</div>{% endfor %}\
         {% for s in page.sections %}<div id=\"b-{{ s.anchor }}\">{{ s.html | safe }}</div>{% endfor %}",
    );
    f.write(
        "themes/mine/templates/offline.html",
        "{% for s in page.sections %}<div id=\"{{ s.anchor }}\">{{ s.html | safe }}</div>{% endfor %}",
    );
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let site = f.path("site");
    assert_eq!(inner(&site, "print.html", &format!("a-{section}")), printed);
    assert_eq!(inner(&site, "print.html", &format!("b-{section}")), printed);
    assert_eq!(inner(&site, "handbook-offline.html", section), offline);
    for path in ["print.html", "handbook-offline.html"] {
        let text = std::fs::read_to_string(site.join(path)).unwrap();
        assert!(!text.contains("<!--irbook-part-"), "a marker left in {path}");
    }
}

#[test]
fn a_page_s_template_error_is_reported_before_one_of_print_html() {
    // print.html is made while the pages render: its error must not hide theirs, which a
    // build reported first when print.html was made after them.
    let f = Fixture::new();
    f.edit(
        "handbook.yaml",
        "organization: Testfirma ApS\n",
        "organization: Testfirma ApS\ntheme: mine\n",
    );
    let broken =
        "{% extends \"base.html\" %}\n{% block content %}{{ page.nosuch.thing }}{% endblock content %}";
    f.write("themes/mine/templates/plan.html", broken);
    f.write("themes/mine/templates/print.html", broken);
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("themes/mine/templates/plan.html:2:"), "{stderr}");
    assert!(!stderr.contains("print.html:2:"), "{stderr}");
    assert!(!f.path("site").exists(), "nothing written");

    // Alone, print.html's error is the one reported.
    std::fs::remove_file(f.path("themes/mine/templates/plan.html")).unwrap();
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("themes/mine/templates/print.html:2:"), "{stderr}");
}
