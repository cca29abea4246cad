//! `handbook-offline.html`: the whole handbook as one self-contained file, to mail, copy to a
//! phone or open from a USB stick with nothing beside it. The pages are bound as for
//! `print.html` (every page's `<main>`, ids prefixed, links pointed inside the file), plus the
//! site pages print leaves out (the supplier and party lists); the style sheet, the script and
//! the search index are inline, allowed by their SHA-256 hashes in the file's own
//! Content-Security-Policy; images are `data:` URIs.
//!
//! The one place rendering reads a file: an image of `content/static/` is read to be embedded.

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

use base64::Engine as _;
use rustc_hash::FxHashMap;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::context::{Ctx, Layout, NavItem};
use super::{Theme, binder};
use crate::diag::Diagnostic;
use crate::model::SitePage;

pub const PATH: &str = "handbook-offline.html";

/// Where the file's own search box is.
const SEARCH_ANCHOR: &str = "irbook-search";

/// Images larger than this stay links (a file to mail should stay a size that can be mailed).
const IMAGE_LIMIT: u64 = 5 * 1024 * 1024;

#[derive(Serialize)]
struct OfflinePage<'p> {
    sections: Vec<binder::Section>,
    /// The theme's style sheet, the script and the search index, to be put inline as they are.
    css: &'p str,
    script: &'p str,
    search_index: String,
    /// Content-Security-Policy sources: the hashes of exactly those inline elements.
    script_sources: &'p str,
    style_sources: &'p str,
    /// The online address (`base_url`), where there is one.
    online: Option<String>,
    search_anchor: &'static str,
}

/// A file of the site that may be an image: a theme asset or a file of `content/static/`.
#[derive(Clone, Copy)]
enum Image<'a> {
    Bytes(&'a [u8]),
    Copy(&'a Path),
}

/// What the offline file is made of, but its sections (`bound.rs` binds them).
pub struct Offline<'a> {
    ctx: &'a Ctx<'a>,
    theme: &'a Theme,
    included: binder::Included<'a>,
    base: Option<&'a str>,
    images: FxHashMap<&'a str, Image<'a>>,
    layout: Layout<'a>,
    /// The search index, ready to be put inline.
    pub search_index: Arc<String>,
    css: String,
    script: String,
    script_sources: String,
    style_sources: String,
}

impl<'a> Offline<'a> {
    /// For the pages in `order` ([`order`]), with `search_index`, the site's search index
    /// with its addresses pointed inside the file.
    pub fn new(
        ctx: &'a Ctx<'a>,
        theme: &'a Theme,
        order: &'a [(String, String)],
        search_index: String,
    ) -> Self {
        let included = binder::included(order);
        let base = ctx.base_url.as_deref().map(|b| b.trim_end_matches('/'));
        let mut images: FxHashMap<&str, Image> = ctx
            .handbook
            .static_files
            .iter()
            .map(|s| (s.path.as_str(), Image::Copy(&s.source)))
            .collect();
        images.extend(theme.assets.iter().map(|(p, b)| (p.as_str(), Image::Bytes(b))));
        let css = inline(&asset(theme, "assets/style.css"), "</style");
        let script = inline(&asset(theme, "assets/irbook.js"), "</script");
        let title = ctx.t("offline_title").to_string();
        let mut layout = ctx.layout(PATH, title, "", false);
        layout.nav = std::mem::take(&mut layout.nav)
            .into_iter()
            .map(|item| NavItem {
                href: outside(&binder::link(&item.href, PATH, &included), base),
                ..item
            })
            .collect();
        Offline {
            ctx,
            theme,
            script_sources: format!("{} {}", hash(&search_index), hash(&script)),
            style_sources: format!("{} {}", layout.style_source, hash(&css)),
            included,
            base,
            images,
            layout,
            search_index: Arc::new(search_index),
            css,
            script,
        }
    }

    /// The section of the page at `path`, from its rendered HTML.
    pub fn section(&self, path: &str, html: &str) -> String {
        self_contained(&binder::bind(path, html, &self.included), &self.images, self.base)
    }

    /// The page's section for another document that binds `other` (print.html), and
    /// [`Offline::section`], in one pass over the page.
    pub fn sections(&self, path: &str, html: &str, other: &binder::Included) -> (String, String) {
        binder::bind_both(path, html, other, &self.included, |out, name, value| {
            self_contained_link(out, name, value, &self.images, self.base)
        })
    }

    /// The file for the pages `shown` (path, title), the `i`th section's HTML being
    /// `section(i)`, with `search_index` where the search index goes.
    pub fn html(
        &self,
        shown: &[&(String, String)],
        section: impl Fn(usize) -> String,
        search_index: String,
    ) -> Result<String, Diagnostic> {
        let page = OfflinePage {
            sections: binder::sections(shown, section),
            css: &self.css,
            script: &self.script,
            search_index,
            script_sources: &self.script_sources,
            style_sources: &self.style_sources,
            online: self.base.map(|b| format!("{b}/")),
            search_anchor: SEARCH_ANCHOR,
        };
        let context = self
            .ctx
            .template_data(&self.layout, &page)
            .map_err(|e| Diagnostic::error(format!("template data: {e}")))?;
        self.theme.render("offline.html", &context)
    }
}

/// The pages in the file: print's order (`print`, [`super::print::order`]), with the site's lists that
/// print leaves out put before their objects' pages (`suppliers.html`, `suppliers_2.html`, ...
/// before the first `suppliers/...`).
pub fn order(ctx: &Ctx, print: &[(String, String)]) -> Vec<(String, String)> {
    let mut order = print.to_vec();
    for page in SitePage::ALL {
        let (path, _, title, _) = page.spec();
        if matches!(page, SitePage::Search | SitePage::NotFound)
            || !page.is_written(ctx.handbook)
            || order.iter().any(|(p, _)| p == path)
        {
            continue;
        }
        let folder = format!("{}/", path.trim_end_matches(".html"));
        let at = order
            .iter()
            .position(|(p, _)| p.starts_with(&folder))
            .unwrap_or(order.len());
        let pages = ctx.lists.page_count(page);
        let title = ctx.t(title);
        let list = (0..pages).map(|n| {
            let title = match n {
                0 => title.to_string(),
                n => format!("{title} ({} {})", ctx.t("page"), n + 1),
            };
            (page.list_page(n), title)
        });
        order.splice(at..at, list);
    }
    order
}

/// A theme asset as text.
fn asset(theme: &Theme, path: &str) -> String {
    theme
        .assets
        .iter()
        .find(|(p, _)| p == path)
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .unwrap_or_default()
}

/// Text for an inline `<script>` or `<style>` that cannot end the element early: `</script`
/// becomes `<\/script`, which means the same inside a JavaScript string or a CSS one.
fn inline(text: &str, end: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for at in memchr::memmem::find_iter(text.as_bytes(), b"</") {
        let candidate = text.as_bytes().get(at..at + end.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(end.as_bytes())) {
            out.push_str(&text[copied..at]);
            out.push_str("<\\/");
            copied = at + 2;
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// The CSP source that allows an inline element with exactly `text` in it.
fn hash(text: &str) -> String {
    let digest = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()));
    format!("'sha256-{digest}'")
}

/// A section with its images as `data:` URIs and its links to files that are not in the
/// offline file pointed at the online site (where there is one) or at the search box.
fn self_contained(html: &str, images: &FxHashMap<&str, Image>, base: Option<&str>) -> String {
    let mut out = String::with_capacity(html.len());
    binder::each_attribute(&mut out, html, &["src", "href"], |out, name, value| {
        self_contained_link(out, name, value, images, base)
    });
    out
}

/// Writes a link (`href`) or image (`src`) of a bound section as the offline file needs it:
/// an image of the site as a `data:` URI, any other link as [`push_outside`] writes it.
fn self_contained_link(
    out: &mut String,
    name: &str,
    value: &str,
    images: &FxHashMap<&str, Image>,
    base: Option<&str>,
) {
    match (name == "src").then(|| image(value, images)).flatten() {
        Some(data) => out.push_str(&data),
        None => push_outside(out, value, base),
    }
}

/// A link that the binder left pointing at a file of the site (relative to the site root):
/// the search box for the search page, the online copy where there is one.
fn outside(href: &str, base: Option<&str>) -> String {
    let mut out = String::new();
    push_outside(&mut out, href, base);
    out
}

/// [`outside`], written to `out`.
fn push_outside(out: &mut String, href: &str, base: Option<&str>) {
    if href.is_empty() || href.starts_with('#') || href.contains(':') {
        out.push_str(href);
    } else if href == "search.html" || href.starts_with("search.html?") {
        out.push('#');
        out.push_str(SEARCH_ANCHOR);
    } else if let Some(base) = base {
        out.push_str(base);
        out.push('/');
        out.push_str(href);
    } else {
        out.push_str(href);
    }
}

/// The image at `src` (relative to the site root) as a `data:` URI.
fn image(src: &str, images: &FxHashMap<&str, Image>) -> Option<String> {
    let (path, _) = src.split_once('#').unwrap_or((src, ""));
    let mime = mime(path)?;
    let bytes: Cow<[u8]> = match *images.get(path)? {
        Image::Bytes(bytes) => Cow::Borrowed(bytes),
        Image::Copy(source) => {
            if std::fs::metadata(source).ok()?.len() > IMAGE_LIMIT {
                return None;
            }
            Cow::Owned(std::fs::read(source).ok()?)
        }
    };
    if bytes.len() as u64 > IMAGE_LIMIT {
        return None;
    }
    let data = base64::engine::general_purpose::STANDARD.encode(bytes);
    Some(format!("data:{mime};base64,{data}"))
}

fn mime(path: &str) -> Option<&'static str> {
    let extension = path.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match extension.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_text_cannot_end_its_element() {
        assert_eq!(inline("a = '</SCRIPT>';", "</script"), "a = '<\\/SCRIPT>';");
        assert_eq!(inline("x</style", "</style"), "x<\\/style");
    }

    #[test]
    fn links_outside_the_file_go_online_or_to_the_search_box() {
        let files: FxHashMap<&str, Image> = [("img/a.png", Image::Bytes(&[1, 2, 3]))].into_iter().collect();
        let html = r##"<a href="#x">x</a><img src="img/a.png"><a href="suppliers/h.vcf">v</a><a href="search.html">s</a><a href="tel:+45">t</a><img src="img/none.png">"##;
        assert_eq!(
            self_contained(html, &files, Some("https://ir.example")),
            r##"<a href="#x">x</a><img src="data:image/png;base64,AQID"><a href="https://ir.example/suppliers/h.vcf">v</a><a href="#irbook-search">s</a><a href="tel:+45">t</a><img src="https://ir.example/img/none.png">"##
        );
        assert!(self_contained(html, &files, None).contains("<a href=\"suppliers/h.vcf\">"));
    }
}
