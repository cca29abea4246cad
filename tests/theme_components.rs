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
