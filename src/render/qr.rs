//! The QR code a printed page carries: its online address (`base_url` + the page's path) as an
//! inline SVG, made at build time (nothing is fetched). Sized and shown only in print by the
//! theme's style sheet (`.print-qr`); the SVG itself has no `style` attribute, so the page's
//! Content-Security-Policy needs nothing for it.

use std::fmt::Write as _;

use fast_qr::{ECL, QRBuilder};

/// White modules around the code, as the QR standard asks, so that a reader finds it next to
/// text.
const QUIET: usize = 4;

/// An `<svg>` of the QR code of `url`, or `None` when the address does not fit in a QR code.
pub fn svg(url: &str, label: &str) -> Option<String> {
    let code = QRBuilder::new(url.as_bytes()).ecl(ECL::M).build().ok()?;
    let width = code.size;
    let size = width + 2 * QUIET;
    // One rectangle per run of dark modules in a row: a third of the size of one per module.
    let mut path = String::new();
    for y in 0..width {
        let row = &code[y];
        let mut x = 0;
        while x < width {
            if !row[x].value() {
                x += 1;
                continue;
            }
            let run = row[x..].iter().take_while(|m| m.value()).count();
            let _ = write!(path, "M{} {}h{run}v1h-{run}z", x + QUIET, y + QUIET);
            x += run;
        }
    }
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" \
         aria-label=\"{}\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" \
         fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>",
        escape(label)
    ))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_has_its_quiet_zone_and_no_style() {
        let svg = svg("https://ir.example/plans/a.html", "QR \"x\"").unwrap();
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 37 37\""),
            "{svg}"
        );
        assert!(svg.contains("aria-label=\"QR &quot;x&quot;\""), "{svg}");
        assert!(!svg.contains("style"), "{svg}");
        // The top-left finder pattern starts at the quiet zone's edge, seven modules wide.
        assert!(svg.contains("M4 4h7v1h-7z"), "{svg}");
    }
}
