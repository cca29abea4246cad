//! Live reload in a real browser: headless Chromium runs the page's own live-reload script
//! under the page's Content-Security-Policy, against `irbook serve`.

mod common;

use common::Fixture;
use common::browser::Browser;
use common::live::Running;

#[test]
fn the_browser_reloads_changed_pages_keeps_its_place_and_shows_problems() {
    let f = Fixture::new();
    let filler: String = (0..80)
        .map(|i| format!("Paragraph {i} of a long playbook.\n\n"))
        .collect();
    f.edit(
        "content/playbooks/ransomware.md",
        "## First hour",
        &format!("{filler}## First hour"),
    );
    let server = Running::start(f.root(), &["serve", "--port", "0"]);
    let address = server.address();
    let Some(mut tab) = Browser::open(&format!("http://{address}/playbooks/ransomware.html")) else {
        return;
    };
    tab.eval("window.scrollTo(0, 700); window.irbookMarker = 'before';");
    assert_eq!(tab.eval("window.scrollY"), 700, "{}", server.output().join("\n"));
    let mut other = Browser::open(&format!("http://{address}/roles.html")).expect("chromium is there");
    other.eval("window.irbookMarker = 'untouched';");

    f.edit(
        "content/playbooks/ransomware.md",
        "Paragraph 3 of",
        "Paragraph 3, edited, of",
    );
    tab.wait_until("document.body.innerText.includes('Paragraph 3, edited, of')");
    assert_eq!(
        tab.eval("window.irbookMarker === undefined"),
        true,
        "the page was reloaded"
    );
    tab.wait_until("window.scrollY === 700");
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert_eq!(
        other.eval("window.irbookMarker"),
        "untouched",
        "an unchanged page is not reloaded"
    );

    f.edit("content/suppliers/host.yaml", "tier: critical", "tier: [critical");
    tab.wait_until("document.getElementById('irbook-live-problems')");
    let overlay = tab.eval("document.getElementById('irbook-live-problems').innerText");
    let overlay = overlay.as_str().unwrap();
    assert!(
        overlay.contains("showing the last good version of this page"),
        "{overlay}"
    );
    assert!(
        overlay.contains("error: content/suppliers/host.yaml:"),
        "{overlay}"
    );
    assert!(
        tab.eval("document.body.innerText")
            .as_str()
            .unwrap()
            .contains("Paragraph 3, edited, of")
    );
    other.wait_until("document.getElementById('irbook-live-problems')");
    if let Some(dir) = std::env::var_os("IRBOOK_SCREENSHOTS") {
        tab.eval("window.scrollTo(0, 0)");
        std::fs::write(
            std::path::Path::new(&dir).join("serve-overlay.png"),
            tab.screenshot(),
        )
        .unwrap();
    }

    f.edit("content/suppliers/host.yaml", "tier: [critical", "tier: critical");
    tab.wait_until("!document.getElementById('irbook-live-problems')");
    other.wait_until("!document.getElementById('irbook-live-problems')");
}
