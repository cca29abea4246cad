//! `print.html`: the whole handbook as one document, in binder order. Each page's `<main>` is
//! taken as rendered, its ids are prefixed so they stay unique in the one document, and its
//! links are pointed at the copy inside the document (or, for pages that are not in it, at
//! the page beside `print.html`).

use std::collections::HashMap;

use serde::Serialize;

/// One section of the printed handbook.
#[derive(Serialize)]
pub struct Section {
    pub anchor: String,
    pub title: String,
    pub html: String,
}

/// The id prefix of a page's copy: `plans/recovery.html` -> `plans-recovery--`.
fn prefix(path: &str) -> String {
    format!("{}--", path.trim_end_matches(".html").replace('/', "-"))
}

/// The pages bound into one document, each with its id prefix.
pub fn included(order: &[(String, String)]) -> HashMap<&str, String> {
    order
        .iter()
        .map(|(path, _)| (path.as_str(), prefix(path)))
        .collect()
}

/// Where a link `href` on the page at `page` (relative to the site root) leads in the bound
/// document: `#<section>...` for a page inside it, the path from the site root otherwise.
pub fn link(href: &str, page: &str, included: &HashMap<&str, String>) -> String {
    retarget(href, page, &prefix(page), included)
}

/// The sections for the pages at `order` (path, title), from their rendered HTML.
pub fn sections(order: &[(String, String)], rendered: &HashMap<&str, &str>) -> Vec<Section> {
    let included = included(order);
    order
        .iter()
        .filter_map(|(path, title)| {
            let html = rendered.get(path.as_str())?;
            let main = main_content(html);
            Some(Section {
                anchor: format!("{}top", prefix(path)),
                title: title.clone(),
                html: name_regions(rewrite(main, path, &included), &prefix(path)),
            })
        })
        .collect()
}

/// The inside of `<main ...>...</main>`.
fn main_content(html: &str) -> &str {
    let start = html
        .find("<main")
        .and_then(|i| html[i..].find('>').map(|j| i + j + 1))
        .unwrap_or(0);
    let end = html.rfind("</main>").unwrap_or(html.len()).max(start);
    &html[start..end]
}

/// Every supplier's page has a region named "Contacts": bound into one document, each region
/// of a page (an element named by `aria-labelledby`) is named after the page's title as well
/// ("Nordhost Datacenter A/S Contacts"), so that a screen reader's list of regions tells them
/// apart. The title is the page's first `<h1>`, given the id `<prefix>title` where it has none.
fn name_regions(html: String, own: &str) -> String {
    let Some(h1) = html
        .match_indices("<h1")
        .map(|(at, _)| at)
        .find(|&at| matches!(html.as_bytes().get(at + 3), Some(b'>' | b' ')))
    else {
        return html;
    };
    let tag = &html[h1..h1 + html[h1..].find('>').unwrap_or(0)];
    let (html, id) = match tag.find(" id=\"") {
        Some(at) => {
            let value = &tag[at + 5..];
            let id = value[..value.find('"').unwrap_or(value.len())].to_string();
            (html, id)
        }
        None => {
            let id = format!("{own}title");
            let mut titled = html;
            titled.insert_str(h1 + 3, &format!(" id=\"{id}\""));
            (titled, id)
        }
    };
    html.replace(" aria-labelledby=\"", &format!(" aria-labelledby=\"{id} "))
}

/// Prefixes `id`, `name`, `for` and `aria-labelledby` values and re-targets `href`s (double-quoted
/// attributes, as irbook's templates and pulldown-cmark write them).
fn rewrite(html: &str, page: &str, included: &HashMap<&str, String>) -> String {
    let own = &included[page];
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html;
    while let Some((at, name)) = next_attribute(rest) {
        let value_start = at + name.len() + 3; // ` name="`
        out.push_str(&rest[..value_start]);
        let Some(len) = rest[value_start..].find('"') else {
            break;
        };
        let value = &rest[value_start..value_start + len];
        match name {
            "href" | "src" => out.push_str(&retarget(value, page, own, included)),
            _ => out.push_str(
                &value
                    .split(' ')
                    .map(|v| format!("{own}{v}"))
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        }
        rest = &rest[value_start + len..];
    }
    out.push_str(rest);
    out
}

/// `name`: raw HTML's `<a name="x">` is an anchor as an `id` is.
const ATTRIBUTES: [&str; 6] = ["id", "name", "for", "aria-labelledby", "href", "src"];

/// The next ` name="` of one of [`ATTRIBUTES`], in one pass over the `="` in `html`.
fn next_attribute(html: &str) -> Option<(usize, &'static str)> {
    html.match_indices("=\"").find_map(|(eq, _)| {
        ATTRIBUTES.iter().find_map(|name| {
            let at = eq.checked_sub(name.len() + 1)?;
            (html.get(at..eq)? == format!(" {name}")).then_some((at, *name))
        })
    })
}

fn retarget(href: &str, page: &str, own: &str, included: &HashMap<&str, String>) -> String {
    if let Some(fragment) = href.strip_prefix('#') {
        return format!("#{own}{fragment}");
    }
    if href.contains(':') {
        return href.to_string();
    }
    let (path, fragment) = href.split_once('#').map_or((href, None), |(p, f)| (p, Some(f)));
    let target = resolve(page, path);
    match included.get(target.as_str()) {
        Some(prefix) => format!("#{prefix}{}", fragment.unwrap_or("top")),
        None => fragment.map_or(target.clone(), |f| format!("{target}#{f}")),
    }
}

/// `plans/a.html` + `../suppliers/b.html` -> `suppliers/b.html`.
fn resolve(page: &str, relative: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for part in relative.split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            other => parts.push(other),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_prefixed_and_links_stay_inside_the_document() {
        let included: HashMap<&str, String> = [
            ("plans/r.html", prefix("plans/r.html")),
            ("roles.html", prefix("roles.html")),
        ]
        .into_iter()
        .collect();
        let html = r##"<h2 id="a" aria-labelledby="x y"><label for="c">t</label> <a href="#a">self</a> <a href="../roles.html#role-x">r</a> <a href="../roles.html">r</a> <a href="../search.html">s</a> <a href="tel:+45">p</a><img src="../logo.png"></h2>"##;
        assert_eq!(
            rewrite(html, "plans/r.html", &included),
            r##"<h2 id="plans-r--a" aria-labelledby="plans-r--x plans-r--y"><label for="plans-r--c">t</label> <a href="#plans-r--a">self</a> <a href="#roles--role-x">r</a> <a href="#roles--top">r</a> <a href="search.html">s</a> <a href="tel:+45">p</a><img src="logo.png"></h2>"##
        );
    }

    #[test]
    fn regions_are_named_after_their_page_too() {
        assert_eq!(
            name_regions(
                r#"<div></div><h1>Host</h1><section aria-labelledby="s--c-h"><h2 id="s--c-h">Contacts</h2></section>"#.into(),
                "s--"
            ),
            r#"<div></div><h1 id="s--title">Host</h1><section aria-labelledby="s--title s--c-h"><h2 id="s--c-h">Contacts</h2></section>"#
        );
        // A title with an id of its own (a Markdown heading) keeps it.
        assert_eq!(
            name_regions(
                r#"<h1 class="x" id="p--top-1">T</h1><aside aria-labelledby="p--r">"#.into(),
                "p--"
            ),
            r#"<h1 class="x" id="p--top-1">T</h1><aside aria-labelledby="p--top-1 p--r">"#
        );
        // No title: nothing to add.
        assert_eq!(name_regions("<h10>x</h10>".into(), "p--"), "<h10>x</h10>");
    }

    #[test]
    fn main_is_cut_out() {
        assert_eq!(
            main_content("<body><main id=\"m\">\n<p>x</p>\n</main></body>"),
            "\n<p>x</p>\n"
        );
    }
}
