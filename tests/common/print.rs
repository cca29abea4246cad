//! Printing pages with headless Chromium and reading the PDF with poppler-utils. Both must be
//! installed (`apt-get install chromium poppler-utils`; `.ci/run` does): a missing tool fails
//! the test, it does not skip it.

use std::path::Path;
use std::process::Command;

/// Prints `page` (a built site's HTML file) to a PDF next to it and returns the PDF's path.
pub fn print_to_pdf(page: &Path) -> std::path::PathBuf {
    let pdf = page.with_extension("pdf");
    let profile = tempfile::tempdir().unwrap();
    let status = Command::new(chromium())
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
        .arg(format!("file://{}", page.canonicalize().unwrap().display()))
        .output()
        .expect("chromium runs (apt-get install chromium)");
    assert!(
        status.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    assert!(pdf.is_file(), "chromium wrote no PDF for {}", page.display());
    pdf
}

fn chromium() -> &'static str {
    for candidate in ["chromium", "chromium-browser", "google-chrome"] {
        if Command::new("which")
            .arg(candidate)
            .output()
            .is_ok_and(|o| o.status.success())
        {
            return candidate;
        }
    }
    panic!("no Chromium found: install it with `apt-get install chromium` to run the print tests");
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
