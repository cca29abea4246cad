//! `plans.html`, `playbooks.html` and `pages.html`: each kind's list, by group (a kind of plan,
//! a folder of documents) and in pages of bounded length (`playbooks_2.html`, ...).

use serde::Serialize;

use super::home::{Entry, doc_entry, plan_entry};
use crate::model::{Kind, Object};
use crate::render::context::Ctx;
use crate::render::lists::ListView;

#[derive(Serialize)]
pub struct SectionPage<'a> {
    /// The list's name ("Playbooks").
    heading: &'a str,
    list: ListView<Entry>,
}

/// Page `number` (from 0) of the plans.
pub fn plans<'a>(ctx: &'a Ctx<'a>, number: usize) -> SectionPage<'a> {
    section(ctx, Kind::Plan, number, |page, object| match object {
        Object::Plan(p) => Some(plan_entry(ctx, page, p)),
        Object::Playbook(_)
        | Object::Page(_)
        | Object::Severity(_)
        | Object::Role(_)
        | Object::Obligation(_)
        | Object::Message(_)
        | Object::Stakeholder(_)
        | Object::System(_)
        | Object::Supplier(_)
        | Object::Party(_)
        | Object::Form(_) => None,
    })
}

/// Page `number` (from 0) of the playbooks or the pages.
pub fn docs<'a>(ctx: &'a Ctx<'a>, kind: Kind, number: usize) -> SectionPage<'a> {
    section(ctx, kind, number, |page, object| {
        object.doc().map(|d| doc_entry(ctx, page, kind, d))
    })
}

fn section<'a>(
    ctx: &'a Ctx<'a>,
    kind: Kind,
    number: usize,
    entry: impl Fn(&str, Object<'a>) -> Option<Entry>,
) -> SectionPage<'a> {
    let list = ctx.lists.of_kind(kind).expect("a kind with a list page");
    let heading = ctx.t(list.page.spec().2);
    SectionPage {
        heading,
        list: list.view(number, heading, entry),
    }
}
