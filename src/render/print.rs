//! `print.html`: the pages already rendered, bound in [`PRINT_ORDER`] with a cover and contents.

use serde::Serialize;

use super::context::Ctx;
use super::{Page, Spec, Theme, binder};
use crate::diag::Diagnostic;
use crate::model::{Kind, Object, PRINT_ORDER, PrintPart, Shown, SitePage};

pub const PATH: &str = "print.html";

#[derive(Serialize)]
struct PrintPage {
    sections: Vec<binder::Section>,
}

/// `print.html` for the pages `shown` (path, title): cover, contents, then every section, the
/// `i`th section's HTML being `section(i)` (`bound.rs` binds them).
pub fn html(
    ctx: &Ctx,
    theme: &Theme,
    shown: &[&(String, String)],
    section: impl Fn(usize) -> String,
) -> Result<String, Diagnostic> {
    let page = PrintPage {
        sections: shown
            .iter()
            .enumerate()
            .map(|(i, (path, title))| binder::Section {
                anchor: binder::anchor(path),
                title: title.clone(),
                html: section(i),
            })
            .collect(),
    };
    Page { ctx, theme }.html(Spec::top(PATH, ctx.main.title.clone(), ""), &page)
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
