//! Answers one request of the preview server: GET and HEAD only, the path decoded once and
//! looked up in the in-memory site (nothing else on disk can be named), with the content type,
//! the page's Content-Security-Policy and no caching.

use std::io::Cursor;

use tiny_http::{Header, Method, Request, Response};

use super::live::{self, Live};
use super::site::{Body, Snapshot, is_page};
use crate::render::is_whole_handbook;

/// Longer request targets are refused: no page of a site has such a path.
const MAX_URL: usize = 2048;

type Reply = Response<Cursor<Vec<u8>>>;

const WAITING: &str = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>irbook serve</title></head><body></body></html>\n";

pub fn handle(request: Request, live: &Live) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let reply =
            text(405, "Only GET and HEAD are served here.\n").with_header(header("Allow", "GET, HEAD"));
        let _ = request.respond(reply);
        return;
    }
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    if path == live::EVENTS_PATH {
        let generation = parameter(query, "g").and_then(|g| g.parse().ok()).unwrap_or(0);
        let page = parameter(query, "page")
            .and_then(|p| site_path(&p).ok())
            .unwrap_or_else(|| "index.html".into());
        live.stream(request, page, generation);
        return;
    }
    let whole_handbook = site_path(path).is_ok_and(|p| is_whole_handbook(&p));
    let snapshot = if whole_handbook {
        live.up_to_date()
    } else {
        live.snapshot()
    };
    let reply = answer(path, &snapshot);
    let _ = request.respond(reply);
}

fn answer(path: &str, snapshot: &Snapshot) -> Reply {
    if path == live::SCRIPT_PATH {
        return bytes(
            200,
            live::SCRIPT.as_bytes().to_vec(),
            "text/javascript; charset=utf-8",
        );
    }
    let site_path = match site_path(path) {
        Ok(p) => p,
        Err(status) => return text(status, "Bad request.\n"),
    };
    if snapshot.generation == 0 {
        // No build has succeeded yet: a blank page that shows the problems and reloads
        // once the handbook builds.
        let (page, _) = live::inject(WAITING, 0);
        return bytes(503, page.into_bytes(), "text/html; charset=utf-8");
    }
    match snapshot.get(&site_path) {
        Some(body) => file(200, &site_path, body, snapshot.generation),
        None if snapshot.contains(&format!("{site_path}/index.html")) => {
            text(301, "Moved.\n").with_header(header("Location", &format!("{path}/")))
        }
        None => match snapshot.get("404.html") {
            Some(body) => file(404, "404.html", body, snapshot.generation),
            None => text(404, "Not found.\n"),
        },
    }
}

fn file(status: u16, path: &str, body: &Body, generation: u64) -> Reply {
    let data = match body {
        Body::Bytes(bytes) => bytes.to_vec(),
        Body::File(source, _) => match std::fs::read(source) {
            Ok(data) => data,
            Err(_) => return text(404, "Not found.\n"),
        },
    };
    if !is_page(path) {
        return bytes(status, data, content_type(path));
    }
    let html = String::from_utf8_lossy(&data);
    let (page, policy) = live::inject(&html, generation);
    let reply = bytes(status, page.into_bytes(), content_type(path));
    match policy {
        Some(policy) => reply.with_header(header("Content-Security-Policy", &policy)),
        None => reply,
    }
}

/// The site path a request names: percent-decoded once, `/` and `dir/` meaning `index.html`.
/// Anything that could climb out of the site or confuse a path (`..`, `.`, backslashes, NUL
/// and other control characters, empty segments, non-UTF-8, an absolute URL, an overlong
/// target) is a bad request (400).
pub fn site_path(target: &str) -> Result<String, u16> {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    if target.len() > MAX_URL || !path.starts_with('/') {
        return Err(400);
    }
    let decoded = percent_decode(&path[1..]).ok_or(400u16)?;
    let decoded = String::from_utf8(decoded).map_err(|_| 400u16)?;
    if decoded.chars().any(|c| c == '\\' || c.is_control()) {
        return Err(400);
    }
    let segments: Vec<&str> = decoded.split('/').collect();
    let (last, inner) = segments.split_last().expect("split yields at least one part");
    if inner.iter().any(|s| s.is_empty() || *s == "." || *s == "..") || *last == "." || *last == ".." {
        return Err(400);
    }
    Ok(if last.is_empty() {
        format!("{decoded}index.html")
    } else {
        decoded
    })
}

fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// A query parameter, percent-decoded.
fn parameter(query: &str, name: &str) -> Option<String> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .and_then(|(_, value)| String::from_utf8(percent_decode(value)?).ok())
}

/// The media type of a site file, by its extension; `text/plain` for anything else.
pub fn content_type(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match extension.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("vcf") => "text/vcard; charset=utf-8",
        Some("ics") => "text/calendar; charset=utf-8",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("svg") => "image/svg+xml",
        Some("ico") => "image/x-icon",
        Some("pdf") => "application/pdf",
        Some("woff2") => "font/woff2",
        Some("woff") => "font/woff",
        Some("xml") => "application/xml",
        Some("csv") => "text/csv; charset=utf-8",
        Some("webmanifest") => "application/manifest+json",
        _ => "text/plain; charset=utf-8",
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("header names and values are ASCII")
}

fn bytes(status: u16, data: Vec<u8>, content_type: &str) -> Reply {
    Response::from_data(data)
        .with_status_code(status)
        .with_header(header("Content-Type", content_type))
        .with_header(header("X-Content-Type-Options", "nosniff"))
        .with_header(header("Cache-Control", "no-store"))
}

fn text(status: u16, message: &str) -> Reply {
    bytes(status, message.as_bytes().to_vec(), "text/plain; charset=utf-8")
}

#[cfg(test)]
mod tests {
    use super::site_path;

    #[test]
    fn paths_are_decoded_once_and_kept_inside_the_site() {
        assert_eq!(site_path("/").as_deref(), Ok("index.html"));
        assert_eq!(site_path("/plans/").as_deref(), Ok("plans/index.html"));
        assert_eq!(
            site_path("/plans/recovery.html?x=1#y").as_deref(),
            Ok("plans/recovery.html")
        );
        assert_eq!(site_path("/a%20b.html").as_deref(), Ok("a b.html"));
        assert_eq!(site_path("/%252e%252e/x").as_deref(), Ok("%2e%2e/x"));
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2fetc%2fpasswd",
            "/a/%2e%2e%2f%2e%2e%2fetc",
            "/..%5c..%5cwindows",
            "/a\\b",
            "/a%00.html",
            "/a%0a.html",
            "//etc/passwd",
            "/a/./b",
            "/%zz",
            "/%ff.html",
            "http://evil.example/index.html",
            "*",
        ] {
            assert_eq!(site_path(bad), Err(400), "{bad}");
        }
        assert_eq!(site_path(&format!("/{}", "a".repeat(3000))), Err(400));
    }
}
