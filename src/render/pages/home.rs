//! `index.html`: the start-here box, the severity matrix, key contacts, then plans,
//! playbooks, pages and suppliers by tier.

use serde::Serialize;

use crate::model::{Kind, PlanKind, SitePage, Tier};
use crate::render::context::{Ctx, LinkView, PersonView};
use crate::render::urls;

const PAGE: &str = "index.html";

#[derive(Serialize)]
pub struct Home<'a> {
    start_here: Option<String>,
    severities: Vec<SeverityView<'a>>,
    roles: Vec<RoleContact<'a>>,
    lines: Vec<SupplierLine<'a>>,
    plans: Vec<Entry>,
    readiness: Vec<Entry>,
    playbooks: Vec<DocGroup>,
    pages: Vec<DocGroup>,
    tiers: Vec<TierView<'a>>,
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

#[derive(Serialize)]
struct TierView<'a> {
    label: &'a str,
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
    Home {
        start_here: ctx.opt_markdown(main.start_here.as_ref(), main.file, PAGE),
        severities,
        roles,
        lines: lines_24_7(ctx, PAGE, false),
        plans: plans(ctx, PAGE, PlanKind::Response),
        readiness: plans(ctx, PAGE, PlanKind::Readiness),
        playbooks: docs(ctx, PAGE, Kind::Playbook),
        pages: docs(ctx, PAGE, Kind::Page),
        tiers: tiers(ctx),
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
    plans
        .into_iter()
        .map(|p| Entry {
            link: ctx.link(page, Kind::Plan, p.id.as_str(), p.title.as_str()),
            summary: ctx.opt_markdown(p.summary.as_ref(), p.file, page),
            stale: ctx.is_stale(p.last_reviewed.as_ref()),
            severity: None,
        })
        .collect()
}

/// Playbooks or pages as lists show them: those outside folders, then one group per folder.
pub fn docs(ctx: &Ctx, page: &str, kind: Kind) -> Vec<DocGroup> {
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
        group.entries.push(Entry {
            link: ctx.link(page, kind, d.id.as_str(), d.front.title.as_str()),
            summary: d.front.summary.clone(),
            stale: ctx.is_stale(d.front.last_reviewed.as_ref()),
            severity: d
                .front
                .severity
                .as_ref()
                .map(|s| ctx.name(Kind::Severity, s).to_string()),
        });
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

fn tiers<'a>(ctx: &'a Ctx<'a>) -> Vec<TierView<'a>> {
    [Tier::Critical, Tier::Important, Tier::Standard]
        .into_iter()
        .map(|tier| TierView {
            label: ctx.tier_label(tier),
            suppliers: ctx
                .handbook
                .suppliers
                .iter()
                .filter(|s| s.tier.value == tier)
                .map(|s| TierSupplier {
                    link: ctx.link(PAGE, Kind::Supplier, s.id.as_str(), s.name.as_str()),
                    services: &s.services,
                })
                .collect(),
        })
        .filter(|t| !t.suppliers.is_empty())
        .collect()
}
