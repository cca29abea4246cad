//! `print.html`: the pages already rendered, bound in [`PRINT_ORDER`] with a cover and contents.

use std::borrow::Cow;

use rayon::prelude::*;
use serde::Serialize;

use super::context::Ctx;
use super::sink::{Digesting, Sink};
use super::{Page, Spec, Theme, binder, bytes, parts, stopped};
use crate::diag::Diagnostic;
use crate::model::{Kind, Object, PRINT_ORDER, PrintPart, Shown, SitePage};

const PATH: &str = "print.html";

#[derive(Serialize)]
struct PrintPage {
    sections: Vec<binder::Section>,
}

/// `print.html` into `sink`, bound from the pages already in it: cover, contents, then every
/// section, written section by section ([`parts`]).
pub fn document(ctx: &Ctx, theme: &Theme, sink: &Digesting) -> Result<(), Vec<Diagnostic>> {
    let order = order(ctx);
    let included = binder::included(&order);
    let shown: Vec<&(String, String)> = order.iter().filter(|(path, _)| sink.has(path)).collect();
    let bind = |i: usize| page_section(sink, &shown[i].0, &included);
    let mut page = PrintPage {
        sections: shown
            .iter()
            .enumerate()
            .map(|(i, (path, title))| binder::Section {
                anchor: binder::anchor(path),
                title: title.clone(),
                html: parts::marker(i),
            })
            .collect(),
    };
    let spec = || Spec::top(PATH, ctx.main.title.clone(), "");
    let page_of = Page { ctx, theme };
    let text = page_of.html(spec(), &page).map_err(|e| vec![e])?;
    if let Some(at) = parts::markers(&text, shown.len()) {
        return sink
            .put_with(PATH, &mut |out| {
                parts::write(out, &text, &at, |i| Cow::Owned(bind(i)))
            })
            .map_err(stopped);
    }
    let bound: Vec<String> = (0..shown.len()).into_par_iter().map(bind).collect();
    for (section, html) in page.sections.iter_mut().zip(bound) {
        section.html = html;
    }
    let text = page_of.html(spec(), &page).map_err(|e| vec![e])?;
    sink.put(bytes(PATH.into(), text.into_bytes())).map_err(stopped)
}

/// The section of the page at `path` in `sink`, bound into the document of `included`.
pub fn page_section(sink: &dyn Sink, path: &str, included: &binder::Included) -> String {
    let page = sink.get(path);
    let html = page
        .as_deref()
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or("");
    binder::bind(path, html, included)
}

/// The pages of the printed handbook as (path, title), in [`PRINT_ORDER`].
pub fn order(ctx: &Ctx) -> Vec<(String, String)> {
    let mut order: Vec<(String, String)> = Vec::new();
    for part in PRINT_ORDER {
        match part {
            PrintPart::Page(page) if !page.is_written(ctx.handbook) => {}
            PrintPart::Page(page) => {
                let (path, _, title, _) = page.spec();
                // The home page is printed as what it is for: where to start.
                let title = ctx.t(if page == SitePage::Home {
                    "start_here"
                } else {
                    title
                });
                order.push((path.to_string(), title.to_string()));
            }
            PrintPart::Each(kind) => {
                order.extend(
                    in_print_order(ctx, kind)
                        .into_iter()
                        .map(|o| (kind.target(o.id()).0, o.name().to_string())),
                );
            }
        }
    }
    order
}

/// The objects of a kind with pages, in the order lists show them.
pub fn in_print_order<'a>(ctx: &Ctx<'a>, kind: Kind) -> Vec<Object<'a>> {
    let mut objects = match kind.spec().shown {
        Shown::OwnPage { .. } => ctx.handbook.objects(kind),
        Shown::Section { .. } => Vec::new(),
    };
    objects.sort_by(|a, b| sort_key(*a).cmp(&sort_key(*b)));
    objects
}

/// Lists sort by a rank the kind has (a plan's kind: response plans first; a supplier's tier;
/// documents by folder, as `Handbook::docs_in_order`), then by `order` where the author gave
/// one (those without last), then by name.
fn sort_key(object: Object<'_>) -> (u8, &str, bool, (bool, Option<i64>, &str)) {
    match object {
        Object::Plan(p) => (p.kind as u8, "", false, p.sort_key()),
        Object::Playbook(d) | Object::Page(d) => {
            let (section, after_index, key) = d.list_key();
            (0, section, after_index, key)
        }
        Object::Supplier(s) => (s.tier.value as u8, "", false, (true, None, s.name.as_str())),
        Object::Party(p) => (p.kind.value as u8, "", false, (true, None, p.name.as_str())),
        Object::Form(f) => (0, "", false, (true, None, f.title.as_str())),
        Object::Severity(_)
        | Object::Role(_)
        | Object::Obligation(_)
        | Object::Message(_)
        | Object::Stakeholder(_)
        | Object::System(_) => (0, "", false, (true, None, object.name())),
    }
}
