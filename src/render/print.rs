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
        sections: binder::sections(shown, section),
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
    match kind.spec().shown {
        Shown::OwnPage { .. } => super::lists::in_order(ctx.handbook, kind),
        Shown::Section { .. } => Vec::new(),
    }
}
