//! Printing pages with headless Chromium and reading the PDF with poppler-utils
//! (`apt-get install chromium poppler-utils`). Without them a print test says loudly on the
//! terminal that it was skipped; with `IRBOOK_REQUIRE_BROWSER=1`, which `.ci/run` sets after
//! installing them, a missing tool fails the test instead.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Whether the print test `test` can run: Chromium and poppler-utils are installed. If not, it
/// fails under `IRBOOK_REQUIRE_BROWSER=1` and otherwise reports the skip past the test
/// harness's output capture, so that it shows in every `cargo test` run.
pub fn tools_for(test: &str) -> bool {
    let missing: Vec<&str> = [chromium().is_none().then_some("chromium")]
        .into_iter()
        .flatten()
        .chain(
            ["pdftotext", "pdfinfo", "pdftoppm"]
                .into_iter()
                .filter(|tool| find_in_path(tool).is_none()),
        )
        .collect();
    tools_present(&format!("print test `{test}`"), &missing)
}

/// True when nothing is `missing`; otherwise fails under `IRBOOK_REQUIRE_BROWSER=1`, or
/// reports the skip of `what` loudly and returns false.
pub fn tools_present(what: &str, missing: &[&str]) -> bool {
    if missing.is_empty() {
        return true;
    }
    skipped(&format!(
        "{what} needs {} (apt-get install chromium poppler-utils)",
        missing.join(", ")
    ));
    false
}

/// A browser test cannot run: `what` says what it needs and how to install it. Fails under
/// `IRBOOK_REQUIRE_BROWSER=1`, otherwise says so past the test harness's output capture.
pub fn skipped(what: &str) {
    if std::env::var("IRBOOK_REQUIRE_BROWSER").is_ok_and(|v| v == "1") {
        panic!("{what}; IRBOOK_REQUIRE_BROWSER=1 makes this a failure");
    }
    let _ = writeln!(
        std::io::stderr(),
        "\n*** SKIPPED: {what}. Set IRBOOK_REQUIRE_BROWSER=1 to make this a failure. ***"
    );
}

fn find_in_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

pub fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find_map(find_in_path)
}

/// Prints `page` (a built site's HTML file) to a PDF next to it and returns the PDF's path.
pub fn print_to_pdf(page: &Path) -> PathBuf {
    let pdf = page.with_extension("pdf");
    print_url_to_pdf(
        &format!("file://{}", page.canonicalize().unwrap().display()),
        &pdf,
    );
    pdf
}

/// Prints the page at `url` to the PDF file `pdf`.
pub fn print_url_to_pdf(url: &str, pdf: &Path) {
    let profile = tempfile::tempdir().unwrap();
    let status = Command::new(chromium().expect("tools_for() checked for Chromium"))
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(url)
        .output()
        .expect("chromium runs (apt-get install chromium)");
    assert!(
        status.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    assert!(pdf.is_file(), "chromium wrote no PDF for {url}");
}

/// The page size line of `pdfinfo`, e.g. `594.96 x 841.92 pts (A4)`.
pub fn page_size(pdf: &Path) -> String {
    let output = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo runs");
    let text = String::from_utf8(output.stdout).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("Page size:"))
        .expect("pdfinfo prints Page size:");
    line["Page size:".len()..].trim().to_string()
}

pub fn page_count(pdf: &Path) -> usize {
    let output = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo runs (apt-get install poppler-utils)");
    let text = String::from_utf8(output.stdout).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("Pages:"))
        .expect("pdfinfo prints Pages:");
    line["Pages:".len()..].trim().parse().unwrap()
}

/// The text of each page, in layout mode.
pub fn pages_text(pdf: &Path) -> Vec<String> {
    let output = Command::new("pdftotext")
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8(output.stdout).unwrap();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// All words of the PDF on one line, for order checks.
pub fn flat_text(pdf: &Path) -> String {
    pages_text(pdf)
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The PDF's words in content order (`pdftotext -raw`): a heading wrapped in a narrow column
/// stays in one piece, and each table row's cells stay together.
pub fn raw_text(pdf: &Path) -> String {
    let output = std::process::Command::new("pdftotext")
        .arg("-raw")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    String::from_utf8(output.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
