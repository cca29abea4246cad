//! `playbooks/<id>.html` and `pages/<id>.html`: a Markdown document with its front matter.

use serde::Serialize;

use crate::model::{Doc, Kind, Record};
use crate::render::context::{Ctx, LinkView};
use crate::render::words::DateView;

#[derive(Serialize)]
pub struct DocPage<'a> {
    title: &'a str,
    summary: Option<&'a str>,
    body: String,
    severity: Option<LinkView>,
    suppliers: Vec<LinkView>,
    plans: Vec<LinkView>,
    obligations: Vec<LinkView>,
    owner: Option<LinkView>,
    last_reviewed: Option<DateView>,
    stale: bool,
    exercised: Option<DateView>,
    /// Exercised longer ago than `exercise_every`.
    exercise_due: bool,
    tags: &'a [String],
}

pub fn view<'a>(ctx: &'a Ctx<'a>, kind: Kind, doc: &'a Record<Doc>) -> DocPage<'a> {
    let page = kind.target(doc.id.as_str()).0;
    let front = &doc.front;
    let links = |kind: Kind, refs: &[crate::model::Ref]| {
        refs.iter()
            .map(|r| ctx.link(&page, kind, r, ctx.name(kind, r)))
            .collect::<Vec<_>>()
    };
    DocPage {
        title: &front.title,
        summary: front.summary.as_deref(),
        body: ctx.body(doc, &page),
        severity: front
            .severity
            .as_ref()
            .map(|s| ctx.link(&page, Kind::Severity, s, ctx.name(Kind::Severity, s))),
        suppliers: links(Kind::Supplier, &front.suppliers),
        plans: links(Kind::Plan, &front.plans),
        obligations: links(Kind::Obligation, &front.obligations),
        owner: front
            .owner
            .as_ref()
            .map(|o| ctx.link(&page, Kind::Role, o, ctx.name(Kind::Role, o))),
        last_reviewed: front.last_reviewed.as_ref().map(|d| ctx.date(d.value)),
        stale: ctx.is_stale(front.last_reviewed.as_ref()),
        exercised: front.exercised.as_ref().map(|d| ctx.date(d.value)),
        exercise_due: front
            .exercised
            .as_ref()
            .is_some_and(|d| d.value.older_than(ctx.main.exercise_every, ctx.today)),
        tags: &front.tags,
    }
}
