//! Reading a built site back: pages parsed with an HTML parser, and the link checker.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use scraper::{Html, Selector};

/// Every file of a built site, by relative path.
pub fn files(site: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(site)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(site)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

pub fn page(site: &Path, rel: &str) -> Html {
    let text = std::fs::read_to_string(site.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    Html::parse_document(&text)
}

pub fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

pub fn texts(html: &Html, css: &str) -> Vec<String> {
    select(html, css)
        .iter()
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn ids(html: &Html) -> HashSet<String> {
    select(html, "[id]")
        .iter()
        .map(|e| e.value().attr("id").unwrap().to_string())
        .collect()
}

/// Every problem with the links of a site: relative targets that do not exist, fragments
/// with no element, absolute or directory links, and resources from other hosts.
pub fn link_problems(site: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let all = files(site);
    let pages: Vec<&String> = all.keys().filter(|p| p.ends_with(".html")).collect();
    // The ids of each page a fragment names, parsed once.
    let mut targets = HashMap::new();
    for rel in pages {
        let html = page(site, rel);
        let own_ids = ids(&html);
        for (css, attr, resource) in [
            ("a[href]", "href", false),
            ("link[href]", "href", true),
            ("script[src]", "src", true),
            ("img[src]", "src", true),
            ("iframe[src]", "src", true),
        ] {
            for element in select(&html, css) {
                let value = element.value().attr(attr).unwrap();
                let canonical = element.value().attr("rel") == Some("canonical");
                if let Some(problem) =
                    check_link(site, rel, value, resource && !canonical, &own_ids, &mut targets)
                {
                    problems.push(format!("{rel}: {value}: {problem}"));
                }
            }
        }
    }
    problems
}

fn check_link(
    site: &Path,
    page: &str,
    value: &str,
    resource: bool,
    own_ids: &HashSet<String>,
    targets: &mut HashMap<String, HashSet<String>>,
) -> Option<String> {
    // `data:`: an image inside the page (handbook-offline.html holds its images so).
    if value.starts_with("mailto:") || value.starts_with("tel:") || value.starts_with("data:image/") {
        return None;
    }
    if value.contains("://") || value.starts_with("//") {
        return resource.then(|| "a resource from another host".to_string());
    }
    if value.starts_with('/') {
        return Some("an absolute path (breaks file:// and sub-paths)".into());
    }
    let (path, fragment) = value.split_once('#').map_or((value, None), |(p, f)| (p, Some(f)));
    let path = path.split('?').next().unwrap();
    if path.is_empty() {
        let fragment = fragment.unwrap_or_default();
        return (!fragment.is_empty() && !own_ids.contains(fragment))
            .then(|| "no such id on this page".into());
    }
    if path.ends_with('/') {
        return Some("a directory link (breaks file://)".into());
    }
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for part in path.split('/') {
        match part {
            ".." => {
                if parts.pop().is_none() {
                    return Some("climbs above the site root".into());
                }
            }
            "." | "" => {}
            other => parts.push(other),
        }
    }
    let target = parts.join("/");
    let full = site.join(&target);
    if !full.is_file() {
        return Some(format!("{target} does not exist"));
    }
    match fragment {
        Some(f) if !f.is_empty() && target.ends_with(".html") => {
            let ids = targets
                .entry(target.clone())
                .or_insert_with(|| ids(&Html::parse_document(&std::fs::read_to_string(full).unwrap())));
            (!ids.contains(f)).then(|| format!("no id `{f}` in {target}"))
        }
        _ => None,
    }
}
