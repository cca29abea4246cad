//! `print.html`: the whole handbook as one document, in binder order. Each page's `<main>` is
//! taken as rendered, its ids are prefixed so they stay unique in the one document, and its
//! links are pointed at the copy inside the document (or, for pages that are not in it, at
//! the page beside `print.html`).

use rustc_hash::FxHashMap;
use serde::Serialize;

/// One section of the printed handbook.
#[derive(Serialize)]
pub struct Section {
    pub anchor: String,
    pub title: String,
    pub html: String,
}

/// The pages bound into one document, by path, each with its id prefix.
pub type Included<'a> = FxHashMap<&'a str, String>;

/// The id prefix of a page's copy: `plans/recovery.html` -> `plans-recovery--`.
fn prefix(path: &str) -> String {
    format!("{}--", path.trim_end_matches(".html").replace('/', "-"))
}

/// The pages bound into one document, each with its id prefix.
pub fn included(order: &[(String, String)]) -> Included<'_> {
    order
        .iter()
        .map(|(path, _)| (path.as_str(), prefix(path)))
        .collect()
}

/// Where a link `href` on the page at `page` (relative to the site root) leads in the bound
/// document: `#<section>...` for a page inside it, the path from the site root otherwise.
pub fn link(href: &str, page: &str, included: &Included) -> String {
    let mut out = String::new();
    retarget(&mut out, href, page, &prefix(page), included, &mut String::new());
    out
}

/// The anchor of a page's section: `plans/recovery.html` -> `plans-recovery--top`.
fn anchor(path: &str) -> String {
    format!("{}top", prefix(path))
}

/// The sections of the pages `shown` (path, title), the `i`th one's HTML being `html(i)`.
pub fn sections(shown: &[&(String, String)], html: impl Fn(usize) -> String) -> Vec<Section> {
    shown
        .iter()
        .enumerate()
        .map(|(i, (path, title))| Section {
            anchor: anchor(path),
            title: title.clone(),
            html: html(i),
        })
        .collect()
}

/// The section of the page at `path`, from its rendered HTML: its `<main>`, ids prefixed and
/// links pointed inside the document of `included`.
pub fn bind(path: &str, html: &str, included: &Included) -> String {
    let main = main_content(html);
    let mut bound = String::with_capacity(main.len() + main.len() / 8);
    rewrite(&mut bound, main, path, included);
    name_regions(bound, &prefix(path))
}

/// [`bind`] for two documents at once, in one pass over the page: its section for the
/// document that binds `included`, and for the one that binds `other`, each link of the
/// latter written by `finish_other_link` once it is pointed inside that document.
pub fn bind_both(
    path: &str,
    html: &str,
    included: &Included,
    other: &Included,
    mut finish_other_link: impl FnMut(&mut String, &'static str, &str),
) -> (String, String) {
    let main = main_content(html);
    let own = prefix(path);
    let capacity = main.len() + main.len() / 8;
    let mut section = String::with_capacity(capacity);
    let mut other_section = String::with_capacity(capacity);
    let (mut target, mut link) = (String::new(), String::new());
    pieces(main, &ATTRIBUTES, |piece| match piece {
        Piece::Text(text) => {
            section.push_str(text);
            other_section.push_str(text);
        }
        Piece::Value(name @ ("href" | "src"), value) => {
            retarget(&mut section, value, path, &own, included, &mut target);
            link.clear();
            retarget(&mut link, value, path, &own, other, &mut target);
            finish_other_link(&mut other_section, name, &link);
        }
        Piece::Value(_, value) => {
            for out in [&mut section, &mut other_section] {
                prefix_ids(out, value, &own);
            }
        }
    });
    (name_regions(section, &own), name_regions(other_section, &own))
}

/// The inside of `<main ...>...</main>`.
fn main_content(html: &str) -> &str {
    let bytes = html.as_bytes();
    let start = memchr::memmem::find(bytes, b"<main")
        .and_then(|i| memchr::memchr(b'>', &bytes[i..]).map(|j| i + j + 1))
        .unwrap_or(0);
    let end = memchr::memmem::rfind(bytes, b"</main>")
        .unwrap_or(html.len())
        .max(start);
    &html[start..end]
}

/// Every supplier's page has a region named "Contacts": bound into one document, each region
/// of a page (an element named by `aria-labelledby`) is named after the page's title as well
/// ("Nordhost Datacenter A/S Contacts"), so that a screen reader's list of regions tells them
/// apart. The title is the page's first `<h1>`, given the id `<prefix>title` where it has none.
fn name_regions(html: String, own: &str) -> String {
    const LABELLED: &str = " aria-labelledby=\"";
    let Some(h1) = memchr::memmem::find_iter(html.as_bytes(), b"<h1")
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
    match memchr::memmem::find(html.as_bytes(), LABELLED.as_bytes()) {
        Some(_) => html.replace(LABELLED, &format!("{LABELLED}{id} ")),
        None => html,
    }
}

/// Writes `html` to `out` with the `id`, `name`, `for` and `aria-labelledby` values prefixed
/// and the `href`s and `src`s re-targeted (double-quoted attributes, as irbook's templates and
/// pulldown-cmark write them).
fn rewrite(out: &mut String, html: &str, page: &str, included: &Included) {
    let own = &included[page];
    let mut target = String::new();
    each_attribute(out, html, &ATTRIBUTES, |out, name, value| match name {
        "href" | "src" => retarget(out, value, page, own, included, &mut target),
        _ => prefix_ids(out, value, own),
    });
}

/// Writes the ids of `value` (one, or several apart by spaces) with the prefix `own`.
fn prefix_ids(out: &mut String, value: &str, own: &str) {
    for (i, id) in value.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(own);
        out.push_str(id);
    }
}

/// `name`: raw HTML's `<a name="x">` is an anchor as an `id` is.
const ATTRIBUTES: [&str; 6] = ["id", "name", "for", "aria-labelledby", "href", "src"];

/// Copies `html` to `out`, except the value of each ` name="value"` whose name is one of
/// `names`: `value(out, name, value)` writes that instead. One pass over the `="` in `html`;
/// a value without its closing quote ends the scan, the rest is copied as it is.
pub fn each_attribute(
    out: &mut String,
    html: &str,
    names: &[&'static str],
    mut value: impl FnMut(&mut String, &'static str, &str),
) {
    pieces(html, names, |piece| match piece {
        Piece::Text(text) => out.push_str(text),
        Piece::Value(name, text) => value(out, name, text),
    });
}

/// A piece of HTML: text to copy, or the value of an attribute named in a list.
enum Piece<'h> {
    Text(&'h str),
    Value(&'static str, &'h str),
}

/// `html` cut into pieces for [`each_attribute`], each given to `piece` in order.
fn pieces<'h>(html: &'h str, names: &[&'static str], mut piece: impl FnMut(Piece<'h>)) {
    let bytes = html.as_bytes();
    // Given up to here; attributes are looked for from here on.
    let mut copied = 0;
    for eq in memchr::memmem::find_iter(bytes, b"=\"") {
        if eq < copied {
            continue;
        }
        let Some(name) = names.iter().copied().find(|name| {
            eq.checked_sub(name.len() + 1)
                .is_some_and(|at| at >= copied && bytes[at] == b' ' && &bytes[at + 1..eq] == name.as_bytes())
        }) else {
            continue;
        };
        let start = eq + 2;
        let Some(len) = memchr::memchr(b'"', &bytes[start..]) else {
            break;
        };
        piece(Piece::Text(&html[copied..start]));
        piece(Piece::Value(name, &html[start..start + len]));
        copied = start + len;
    }
    piece(Piece::Text(&html[copied..]));
}

/// Writes where `href` on `page` leads in the bound document; `target` is scratch space.
fn retarget(out: &mut String, href: &str, page: &str, own: &str, included: &Included, target: &mut String) {
    if let Some(fragment) = href.strip_prefix('#') {
        out.push('#');
        out.push_str(own);
        out.push_str(fragment);
        return;
    }
    if href.contains(':') {
        out.push_str(href);
        return;
    }
    let (path, fragment) = href.split_once('#').map_or((href, None), |(p, f)| (p, Some(f)));
    resolve(target, page, path);
    match included.get(target.as_str()) {
        Some(prefix) => {
            out.push('#');
            out.push_str(prefix);
            out.push_str(fragment.unwrap_or("top"));
        }
        None => {
            out.push_str(target);
            if let Some(fragment) = fragment {
                out.push('#');
                out.push_str(fragment);
            }
        }
    }
}

/// Sets `target` to the path from the site root that `relative` on `page` names:
/// `plans/a.html` + `../suppliers/b.html` -> `suppliers/b.html`.
fn resolve(target: &mut String, page: &str, relative: &str) {
    target.clear();
    target.push_str(page.rsplit_once('/').map_or("", |(folder, _)| folder));
    for part in relative.split('/') {
        match part {
            ".." => match target.rfind('/') {
                Some(at) => target.truncate(at),
                None => target.clear(),
            },
            "." | "" => {}
            other => {
                if !target.is_empty() {
                    target.push('/');
                }
                target.push_str(other);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_prefixed_and_links_stay_inside_the_document() {
        let included: Included = [
            ("plans/r.html", prefix("plans/r.html")),
            ("roles.html", prefix("roles.html")),
        ]
        .into_iter()
        .collect();
        let html = r##"<h2 id="a" aria-labelledby="x y"><label for="c">t</label> <a href="#a">self</a> <a href="../roles.html#role-x">r</a> <a href="../roles.html">r</a> <a href="../search.html">s</a> <a href="tel:+45">p</a><img src="../logo.png"></h2>"##;
        let mut out = String::new();
        rewrite(&mut out, html, "plans/r.html", &included);
        assert_eq!(
            out,
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
    fn binding_for_two_documents_at_once_is_binding_for_each() {
        let print: Included = [("plans/r.html", prefix("plans/r.html"))].into_iter().collect();
        let mut offline = print.clone();
        offline.insert("suppliers.html", prefix("suppliers.html"));
        let html = r##"<main><h1>R</h1><section aria-labelledby="c"><h2 id="c">C</h2><a href="../suppliers.html#x">s</a> <a href="r.html">self</a> <img src="../logo.png"> <label for="f">f</label></section></main>"##;
        let (one, two) = bind_both("plans/r.html", html, &print, &offline, |out, name, value| {
            out.push_str(&format!("{name}:{value}"))
        });
        assert_eq!(one, bind("plans/r.html", html, &print));
        let mut expected = String::new();
        each_attribute(
            &mut expected,
            &bind("plans/r.html", html, &offline),
            &["src", "href"],
            |out, name, value| out.push_str(&format!("{name}:{value}")),
        );
        assert_eq!(two, expected);
        assert!(one.contains("href=\"suppliers.html#x\""), "{one}");
        assert!(two.contains("href=\"href:#suppliers--x\""), "{two}");
    }

    #[test]
    fn main_is_cut_out() {
        assert_eq!(
            main_content("<body><main id=\"m\">\n<p>x</p>\n</main></body>"),
            "\n<p>x</p>\n"
        );
    }
}
