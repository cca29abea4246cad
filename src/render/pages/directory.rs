//! The directories: `roles.html` (people and the steps each role owns), `contacts.html` (the
//! emergency contact sheet) and `suppliers.html` (all suppliers at a glance).

use serde::Serialize;

use super::home::{SupplierLine, lines_24_7};
use super::supplier::{StepLink, step_links};
use crate::model::{Email, Kind, Object, Record, Supplier, Tier};
use crate::render::context::{Ctx, LinkView, PersonView};
use crate::render::lists::{GroupLink, Pager, cut};
use crate::render::{incident, urls};

#[derive(Serialize)]
pub struct RolesPage<'a> {
    roles: Vec<RoleView<'a>>,
}

#[derive(Serialize)]
struct RoleView<'a> {
    id: &'a str,
    name: &'a str,
    duties: Option<String>,
    people: Vec<PersonView<'a>>,
    /// The plan steps it is responsible for, at most [`crate::render::lists::SHORT`], and
    /// "and 12 more" (each plan shows its own).
    steps: Vec<StepLink>,
    steps_more: Option<String>,
    /// No answer within this: call the next person.
    escalate_after: Option<String>,
}

pub fn roles<'a>(ctx: &'a Ctx<'a>) -> RolesPage<'a> {
    let page = "roles.html";
    let roles = ctx
        .main
        .roles
        .iter()
        .map(|r| {
            let (steps, steps_more) = step_links(ctx, page, Kind::Role, r.id.as_str());
            RoleView {
                id: r.id.as_str(),
                name: &r.name,
                duties: ctx.opt_markdown(r.duties.as_ref(), ctx.main.file, page),
                people: ctx.people(r),
                escalate_after: r.escalate_after.as_ref().map(|d| ctx.dative(d.value)),
                steps,
                steps_more,
            }
        })
        .collect();
    RolesPage { roles }
}

#[derive(Serialize)]
pub struct ContactsPage<'a> {
    roles: Vec<RolePeople<'a>>,
    /// The suppliers' primary contacts, critical first, at most [`crate::render::lists::SHORT`]
    /// of them, and "and 12 more" (their contacts are on the suppliers' list).
    suppliers: Vec<SupplierContact<'a>>,
    suppliers_more: Option<String>,
    parties: Vec<SupplierContact<'a>>,
    lines: Vec<SupplierLine<'a>>,
    lines_more: Option<String>,
    obligations: Vec<ObligationView<'a>>,
    /// The deadline clocks' data (a JSON island).
    incident: String,
}

#[derive(Serialize)]
struct RolePeople<'a> {
    role: LinkView,
    people: Vec<PersonView<'a>>,
    /// No answer within this: call the next person.
    escalate_after: Option<String>,
}

#[derive(Serialize)]
struct SupplierContact<'a> {
    supplier: LinkView,
    tier: Tier,
    contact: Option<&'a str>,
    phone: Option<&'a str>,
    tel: Option<String>,
    email: Option<&'a Email>,
    mailto: Option<String>,
    hours: Option<&'a str>,
}

#[derive(Serialize)]
struct ObligationView<'a> {
    id: &'a str,
    name: &'a str,
    to: &'a str,
    /// The party notified, where the obligation names one.
    party: Option<LinkView>,
    /// The deadline, or what the handbook says instead of one.
    deadline: String,
    clock_starts: Option<&'a str>,
    /// The deadline in the short syntax (`72h`, `1mo`), for the deadline clocks.
    clock: Option<String>,
    /// The obligation whose report starts this one's clock.
    after_id: Option<&'a str>,
    after: Option<LinkView>,
    reference: Option<&'a str>,
    when: Option<String>,
    phone: Option<&'a str>,
    tel: Option<String>,
    email: Option<&'a Email>,
    mailto: Option<String>,
    url: Option<&'a str>,
}

pub fn contacts<'a>(ctx: &'a Ctx<'a>) -> ContactsPage<'a> {
    let page = "contacts.html";
    let roles = ctx
        .main
        .roles
        .iter()
        .map(|r| RolePeople {
            role: ctx.link(page, Kind::Role, r.id.as_str(), r.name.as_str()),
            people: ctx.people(r),
            escalate_after: r.escalate_after.as_ref().map(|d| ctx.dative(d.value)),
        })
        .collect();
    let (suppliers, suppliers_more) = cut(supplier_contacts(ctx, page));
    let (lines, lines_more) = cut(lines_24_7(ctx, page, true));
    ContactsPage {
        roles,
        suppliers,
        suppliers_more: ctx.and_more(suppliers_more),
        parties: party_contacts(ctx, page),
        lines,
        lines_more: ctx.and_more(lines_more),
        obligations: obligation_views(ctx, page),
        incident: incident::island(ctx, None),
    }
}

/// `obligations.html`: every notification duty in full (the contact sheet has them short).
#[derive(Serialize)]
pub struct ObligationsPage<'a> {
    obligations: Vec<ObligationView<'a>>,
    /// The deadline clocks' data (a JSON island).
    incident: String,
}

pub fn obligations<'a>(ctx: &'a Ctx<'a>) -> ObligationsPage<'a> {
    ObligationsPage {
        obligations: obligation_views(ctx, "obligations.html"),
        incident: incident::island(ctx, None),
    }
}

fn obligation_views<'a>(ctx: &'a Ctx<'a>, page: &str) -> Vec<ObligationView<'a>> {
    ctx.main
        .obligations
        .iter()
        .map(|o| {
            let contact = o.contact.as_ref();
            let party = o
                .party
                .as_ref()
                .and_then(|p| ctx.index.object(Kind::Party, p))
                .and_then(|o| o.contacts())
                .and_then(crate::model::primary_of);
            let phone = contact
                .and_then(|c| c.phone.as_ref())
                .or(party.and_then(|c| c.phone.as_ref()));
            let email = contact
                .and_then(|c| c.email.as_ref())
                .or(party.and_then(|c| c.email.as_ref()));
            ObligationView {
                id: o.id.as_str(),
                name: &o.name,
                to: &o.to,
                party: o
                    .party
                    .as_ref()
                    .map(|p| ctx.link(page, Kind::Party, p, ctx.name(Kind::Party, p))),
                deadline: match (&o.deadline, &o.deadline_text) {
                    (Some(d), _) => ctx.duration(d.value),
                    (None, Some(text)) => text.clone(),
                    (None, None) => ctx.t("no_fixed_deadline").to_string(),
                },
                clock_starts: o.clock_starts.as_deref(),
                clock: o.deadline.as_ref().map(|d| d.value.short()),
                after_id: o.after.as_ref().map(|a| a.as_str()),
                after: o
                    .after
                    .as_ref()
                    .map(|a| ctx.link(page, Kind::Obligation, a, ctx.name(Kind::Obligation, a))),
                reference: o.reference.as_deref(),
                when: ctx.opt_markdown(o.when.as_ref(), ctx.main.file, page),
                phone: phone.map(|p| p.as_str()),
                tel: phone.map(|p| urls::tel(p)),
                email: email.map(|e| &**e),
                mailto: email.map(|e| urls::mailto(e, &[])),
                url: contact.and_then(|c| c.url.as_deref().map(|u| &**u)),
            }
        })
        .collect()
}

/// Each external party's primary contact, by kind of party.
fn party_contacts<'a>(ctx: &'a Ctx<'a>, page: &str) -> Vec<SupplierContact<'a>> {
    let mut parties: Vec<_> = ctx.handbook.parties.iter().collect();
    parties.sort_by_key(|p| (p.kind.value, p.name.as_str()));
    parties
        .into_iter()
        .map(|p| {
            let primary = p.primary_contact();
            let phone = primary.and_then(|c| c.phone.as_ref());
            SupplierContact {
                supplier: ctx.link(page, Kind::Party, p.id.as_str(), p.name.as_str()),
                tier: Tier::Standard,
                contact: primary.map(|c| c.name.as_str()),
                phone: phone.map(|p| p.as_str()),
                tel: phone.map(|p| urls::tel(p)),
                email: primary.and_then(|c| c.email.as_deref()),
                mailto: primary
                    .and_then(|c| c.email.as_ref())
                    .map(|e| urls::mailto(e, &[])),
                hours: primary.and_then(|c| c.hours.as_deref()),
            }
        })
        .collect()
}

/// Each supplier's primary contact, in the order of the suppliers' list (by tier).
fn supplier_contacts<'a>(ctx: &'a Ctx<'a>, page: &str) -> Vec<SupplierContact<'a>> {
    crate::render::lists::in_order(ctx.handbook, Kind::Supplier)
        .into_iter()
        .filter_map(|o| {
            let Object::Supplier(s) = o else { return None };
            Some(supplier_contact(ctx, page, s))
        })
        .collect()
}

fn supplier_contact<'a>(ctx: &Ctx, page: &str, s: &'a Record<Supplier>) -> SupplierContact<'a> {
    let primary = s.primary_contact();
    let phone = primary.and_then(|c| c.phone.as_ref());
    SupplierContact {
        supplier: ctx.link(page, Kind::Supplier, s.id.as_str(), s.name.as_str()),
        tier: s.tier.value,
        contact: primary.map(|c| c.name.as_str()),
        phone: phone.map(|p| p.as_str()),
        tel: phone.map(|p| urls::tel(p)),
        email: primary.and_then(|c| c.email.as_deref()),
        mailto: primary
            .and_then(|c| c.email.as_ref())
            .map(|e| urls::mailto(e, &[])),
        hours: primary.and_then(|c| c.hours.as_deref()),
    }
}

#[derive(Serialize)]
pub struct SuppliersPage<'a> {
    /// This page's suppliers, by tier.
    suppliers: Vec<SupplierRow<'a>>,
    /// Where the list has several pages: links to the others, and where each tier starts.
    pager: Option<Pager>,
    index: Vec<GroupLink>,
}

#[derive(Serialize)]
struct SupplierRow<'a> {
    /// The anchor of the tier that starts with this row.
    anchor: Option<String>,
    link: LinkView,
    tier: Tier,
    tier_label: &'a str,
    services: &'a [String],
    contact: SupplierContact<'a>,
    notify_within: Option<String>,
    /// Our own duty to tell them.
    we_notify_within: Option<String>,
    data_location: &'a [String],
    fallback: Option<LinkView>,
    stale: bool,
}

/// Page `number` (from 0) of `suppliers.html`.
pub fn suppliers<'a>(ctx: &'a Ctx<'a>, number: usize) -> SuppliersPage<'a> {
    let list = ctx.lists.of_kind(Kind::Supplier).expect("suppliers have a list");
    let view = list.view(number, ctx.t("suppliers"), |page, object| {
        let Object::Supplier(s) = object else {
            return None;
        };
        Some(supplier_row(ctx, page, s))
    });
    SuppliersPage {
        suppliers: crate::render::lists::rows(view.groups, |row, anchor| row.anchor = Some(anchor)),
        pager: view.pager,
        index: view.index,
    }
}

fn supplier_row<'a>(ctx: &'a Ctx<'a>, page: &str, s: &'a Record<Supplier>) -> SupplierRow<'a> {
    SupplierRow {
        anchor: None,
        link: ctx.link(page, Kind::Supplier, s.id.as_str(), s.name.as_str()),
        tier: s.tier.value,
        tier_label: ctx.tier_label(s.tier.value),
        services: &s.services,
        contact: supplier_contact(ctx, page, s),
        notify_within: s
            .contract
            .as_ref()
            .and_then(|k| k.notify_within)
            .map(|d| ctx.dative(d)),
        we_notify_within: s
            .contract
            .as_ref()
            .and_then(|k| k.we_notify_within)
            .map(|d| ctx.dative(d)),
        data_location: &s.data_location,
        fallback: s.fallback.as_ref().map(|f| {
            ctx.link(
                page,
                Kind::Supplier,
                &f.supplier,
                ctx.name(Kind::Supplier, &f.supplier),
            )
        }),
        stale: s.last_reviewed.is_none() || ctx.is_stale(s.last_reviewed.as_ref()),
    }
}
