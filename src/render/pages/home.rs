//! `index.html`: the start-here box, the severity matrix, key contacts, then plans,
//! playbooks, pages and suppliers by tier. A list longer than [`SHORT`] is shown by its
//! groups (folders, tiers) with their sizes, linking into the list's own pages.

use serde::Serialize;

use crate::model::{Doc, Kind, Object, Plan, PlanKind, Record, SitePage};
use crate::render::context::{Ctx, LinkView, PersonView};
use crate::render::lists::{GroupLink, SHORT, cut};
use crate::render::urls;

const PAGE: &str = "index.html";

#[derive(Serialize)]
pub struct Home<'a> {
    start_here: Option<String>,
    severities: Vec<SeverityView<'a>>,
    roles: Vec<RoleContact<'a>>,
    lines: Vec<SupplierLine<'a>>,
    /// "and 12 more" 24/7 lines, on the contact sheet.
    lines_more: Option<String>,
    plans: Vec<Entry>,
    readiness: Vec<Entry>,
    playbooks: Vec<DocGroup>,
    pages: Vec<DocGroup>,
    tiers: Vec<TierView<'a>>,
    /// In place of each list above where it is too long to show in full.
    plans_summary: Option<Summary>,
    playbooks_summary: Option<Summary>,
    pages_summary: Option<Summary>,
    suppliers_summary: Option<Summary>,
    /// The handbook's own forms.
    forms: Vec<LinkView>,
    /// Parties, communication plan and systems, where the handbook has them.
    more: Vec<LinkView>,
}

#[derive(Serialize)]
struct SeverityView<'a> {
    id: &'a str,
    name: &'a str,
    description: Option<String>,
    respond_within: Option<String>,
    update_every: Option<String>,
    notify: Vec<LinkView>,
    /// Who is told what at this severity, where the handbook has a communication plan.
    matrix: Option<String>,
}

#[derive(Serialize)]
struct RoleContact<'a> {
    role: LinkView,
    person: Option<PersonView<'a>>,
}

#[derive(Serialize)]
pub struct SupplierLine<'a> {
    pub supplier: LinkView,
    pub contact: &'a str,
    pub phone: Option<&'a str>,
    pub tel: Option<String>,
    pub hours: Option<&'a str>,
}

#[derive(Serialize)]
pub struct Entry {
    pub link: LinkView,
    pub summary: Option<String>,
    pub stale: bool,
    pub severity: Option<String>,
}

/// A list too long for the home page: its groups with their sizes and where each starts, and
/// a link to its first page.
#[derive(Serialize)]
pub struct Summary {
    index: Vec<GroupLink>,
    /// "All 10000".
    all_text: String,
    all: String,
}

/// A list in full where it has no summary, else nothing.
fn in_full<T: Default>(summary: &Option<Summary>, full: impl FnOnce() -> T) -> T {
    match summary {
        Some(_) => T::default(),
        None => full(),
    }
}

/// The summary of a kind's list where it has more than [`SHORT`] entries.
fn summary(ctx: &Ctx, kind: Kind) -> Option<Summary> {
    let list = ctx.lists.of_kind(kind).filter(|l| l.total() > SHORT)?;
    let untitled = ctx.t(list.page.spec().2);
    Some(Summary {
        index: cut(list.index(PAGE, untitled)).0,
        all_text: ctx.t("list_all").replace("{count}", &list.total().to_string()),
        all: urls::href(PAGE, list.page.path(), None),
    })
}

#[derive(Serialize)]
struct TierView<'a> {
    label: String,
    suppliers: Vec<TierSupplier<'a>>,
}

#[derive(Serialize)]
struct TierSupplier<'a> {
    link: LinkView,
    services: &'a [String],
}

pub fn view<'a>(ctx: &'a Ctx<'a>) -> Home<'a> {
    let main = &ctx.main;
    let severities = main
        .severities
        .iter()
        .map(|s| SeverityView {
            id: s.id.as_str(),
            name: &s.name,
            description: ctx.opt_markdown(s.description.as_ref(), main.file, PAGE),
            respond_within: s.respond_within.map(|d| ctx.dative(d)),
            update_every: s.update_every.map(|d| ctx.duration(d)),
            notify: s
                .notify
                .iter()
                .map(|r| ctx.link(PAGE, Kind::Role, r, ctx.name(Kind::Role, r)))
                .collect(),
            matrix: main
                .stakeholders
                .iter()
                .any(|st| super::programme::informed_at(st, s))
                .then(|| format!("{}#matrix-{}", SitePage::Communication.path(), s.id.as_str())),
        })
        .collect();
    let roles = main
        .roles
        .iter()
        .map(|r| RoleContact {
            role: ctx.link(PAGE, Kind::Role, r.id.as_str(), r.name.as_str()),
            person: r.people.first().map(|p| PersonView::of(p, true)),
        })
        .collect();
    let (lines, lines_more) = cut(lines_24_7(ctx, PAGE, false));
    let [plans_summary, playbooks_summary, pages_summary, suppliers_summary] =
        [Kind::Plan, Kind::Playbook, Kind::Page, Kind::Supplier].map(|k| summary(ctx, k));
    Home {
        start_here: ctx.opt_markdown(main.start_here.as_ref(), main.file, PAGE),
        severities,
        roles,
        lines,
        lines_more: ctx.and_more(lines_more),
        plans: in_full(&plans_summary, || plans(ctx, PAGE, PlanKind::Response)),
        readiness: in_full(&plans_summary, || plans(ctx, PAGE, PlanKind::Readiness)),
        playbooks: in_full(&playbooks_summary, || docs(ctx, PAGE, Kind::Playbook)),
        pages: in_full(&pages_summary, || docs(ctx, PAGE, Kind::Page)),
        tiers: in_full(&suppliers_summary, || tiers(ctx)),
        plans_summary,
        playbooks_summary,
        pages_summary,
        suppliers_summary,
        forms: crate::render::print::in_print_order(ctx, Kind::Form)
            .into_iter()
            .map(|f| ctx.link(PAGE, Kind::Form, f.id(), f.name()))
            .collect(),
        more: [SitePage::Parties, SitePage::Communication, SitePage::Systems]
            .into_iter()
            .filter(|p| p.is_written(ctx.handbook))
            .map(|p| LinkView {
                text: ctx.t(p.spec().2).to_string(),
                href: urls::href(PAGE, p.path(), None),
            })
            .collect(),
    }
}

/// Every supplier contact whose hours say 24/7 (or 24h): the numbers to call at night.
/// `besides_primary` leaves out the primary contacts (listed elsewhere on the page).
pub fn lines_24_7<'a>(ctx: &'a Ctx<'a>, page: &str, besides_primary: bool) -> Vec<SupplierLine<'a>> {
    ctx.handbook
        .suppliers
        .iter()
        .flat_map(|s| s.contacts.iter().map(move |c| (s, c)))
        .filter(|(_, c)| c.hours.as_deref().is_some_and(|h| h.contains("24")))
        .filter(|(s, c)| !besides_primary || s.primary_contact().is_none_or(|p| !std::ptr::eq(p, *c)))
        .map(|(s, c)| SupplierLine {
            supplier: ctx.link(page, Kind::Supplier, s.id.as_str(), s.name.as_str()),
            contact: &c.name,
            phone: c.phone.as_ref().map(|p| p.as_str()),
            tel: c.phone.as_ref().map(|p| urls::tel(p)),
            hours: c.hours.as_deref(),
        })
        .collect()
}

/// The plans of one kind, by `order` and then title.
fn plans(ctx: &Ctx, page: &str, kind: PlanKind) -> Vec<Entry> {
    let mut plans: Vec<_> = ctx.handbook.plans.iter().filter(|p| p.kind == kind).collect();
    plans.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    plans.into_iter().map(|p| plan_entry(ctx, page, p)).collect()
}

/// A plan as lists show it: its title, and its summary (Markdown).
pub fn plan_entry(ctx: &Ctx, page: &str, plan: &Record<Plan>) -> Entry {
    Entry {
        link: ctx.link(page, Kind::Plan, plan.id.as_str(), plan.title.as_str()),
        summary: ctx.opt_markdown(plan.summary.as_ref(), plan.file, page),
        stale: ctx.is_stale(plan.last_reviewed.as_ref()),
        severity: None,
    }
}

/// A playbook or page as lists show it: its title, usual severity and summary (plain text).
pub fn doc_entry(ctx: &Ctx, page: &str, kind: Kind, doc: &Record<Doc>) -> Entry {
    Entry {
        link: ctx.link(page, kind, doc.id.as_str(), doc.front.title.as_str()),
        summary: doc.front.summary.clone(),
        stale: ctx.is_stale(doc.front.last_reviewed.as_ref()),
        severity: doc
            .front
            .severity
            .as_ref()
            .map(|s| ctx.name(Kind::Severity, s).to_string()),
    }
}

/// Playbooks or pages as lists show them: those outside folders, then one group per folder.
fn docs(ctx: &Ctx, page: &str, kind: Kind) -> Vec<DocGroup> {
    let mut groups: Vec<DocGroup> = Vec::new();
    for d in ctx.handbook.docs_in_order(kind) {
        let section = d.section();
        if groups.last().is_none_or(|g| g.folder != section) {
            groups.push(DocGroup {
                folder: section.to_string(),
                title: (!section.is_empty()).then(|| ctx.handbook.section_title(kind, section)),
                entries: Vec::new(),
            });
        }
        let group = groups.last_mut().expect("pushed above");
        group.entries.push(doc_entry(ctx, page, kind, d));
    }
    groups
}

/// The documents of one folder (`folder` empty: those outside folders).
#[derive(Serialize)]
pub struct DocGroup {
    folder: String,
    title: Option<String>,
    entries: Vec<Entry>,
}

/// The suppliers by tier, in the order of their list.
fn tiers<'a>(ctx: &'a Ctx<'a>) -> Vec<TierView<'a>> {
    let Some(list) = ctx.lists.of_kind(Kind::Supplier) else {
        return Vec::new();
    };
    list.groups
        .iter()
        .map(|group| TierView {
            label: group.title.clone().unwrap_or_default(),
            suppliers: group
                .objects
                .iter()
                .filter_map(|o| {
                    let Object::Supplier(s) = *o else { return None };
                    Some(TierSupplier {
                        link: ctx.link(PAGE, Kind::Supplier, s.id.as_str(), s.name.as_str()),
                        services: &s.services,
                    })
                })
                .collect(),
        })
        .collect()
}
