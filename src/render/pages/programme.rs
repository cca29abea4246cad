//! `communication.html` (who is told what, by whom, how often, per severity) and
//! `systems.html` (what the business runs on, our objectives against the suppliers').

use serde::Serialize;

use crate::model::{Duration, Kind, Severity, Stakeholder, System};
use crate::render::context::{Ctx, LinkView, PersonView};

#[derive(Serialize)]
pub struct CommunicationPage<'a> {
    /// One matrix per severity, most severe first.
    severities: Vec<SeverityMatrix<'a>>,
    stakeholders: Vec<StakeholderView<'a>>,
}

#[derive(Serialize)]
struct SeverityMatrix<'a> {
    id: &'a str,
    name: &'a str,
    rows: Vec<MatrixRow<'a>>,
}

#[derive(Serialize)]
struct MatrixRow<'a> {
    stakeholder: LinkView,
    owner: LinkView,
    owner_person: Option<PersonView<'a>>,
    channel: Option<&'a str>,
    every: Option<String>,
    message: Option<LinkView>,
}

#[derive(Serialize)]
struct StakeholderView<'a> {
    id: &'a str,
    name: &'a str,
    audience: &'a str,
    owner: LinkView,
    channel: Option<&'a str>,
    severities: Vec<LinkView>,
    update_every: Option<String>,
    message: Option<LinkView>,
}

const COMMUNICATION: &str = "communication.html";

pub fn communication<'a>(ctx: &'a Ctx<'a>) -> CommunicationPage<'a> {
    let main = ctx.main;
    let severities = main
        .severities
        .iter()
        .map(|severity| SeverityMatrix {
            id: severity.id.as_str(),
            name: &severity.name,
            rows: main
                .stakeholders
                .iter()
                .filter(|s| informed_at(s, severity))
                .map(|s| row(ctx, s, severity))
                .collect(),
        })
        .collect();
    let stakeholders = main
        .stakeholders
        .iter()
        .map(|s| StakeholderView {
            id: s.id.as_str(),
            name: &s.name,
            audience: ctx.t(s.audience.value.label()),
            owner: role_link(ctx, &s.owner),
            channel: s.channel.as_deref(),
            severities: s
                .severities
                .iter()
                .map(|id| ctx.link(COMMUNICATION, Kind::Severity, id, ctx.name(Kind::Severity, id)))
                .collect(),
            update_every: s.update_every.as_ref().map(|d| ctx.duration(d.value)),
            message: message_link(ctx, s),
        })
        .collect();
    CommunicationPage {
        severities,
        stakeholders,
    }
}

/// Whether the stakeholder is informed at `severity`: listed there, or listed at none.
pub fn informed_at(stakeholder: &Stakeholder, severity: &Severity) -> bool {
    stakeholder.severities.is_empty()
        || stakeholder
            .severities
            .iter()
            .any(|s| s.as_str() == severity.id.as_str())
}

fn row<'a>(ctx: &'a Ctx<'a>, s: &'a Stakeholder, severity: &'a Severity) -> MatrixRow<'a> {
    let every: Option<Duration> = s.update_every.as_ref().map(|d| d.value).or(severity.update_every);
    MatrixRow {
        stakeholder: ctx.link(COMMUNICATION, Kind::Stakeholder, s.id.as_str(), s.name.as_str()),
        owner: role_link(ctx, &s.owner),
        owner_person: ctx
            .main
            .roles
            .iter()
            .find(|r| r.id.as_str() == s.owner.as_str())
            .and_then(|r| r.people.first())
            .map(|p| PersonView::of(p, true)),
        channel: s.channel.as_deref(),
        every: every.map(|d| ctx.duration(d)),
        message: message_link(ctx, s),
    }
}

fn role_link(ctx: &Ctx, role: &str) -> LinkView {
    ctx.link(COMMUNICATION, Kind::Role, role, ctx.name(Kind::Role, role))
}

fn message_link(ctx: &Ctx, s: &Stakeholder) -> Option<LinkView> {
    s.message
        .as_ref()
        .map(|m| ctx.link(COMMUNICATION, Kind::Message, m, ctx.name(Kind::Message, m)))
}

#[derive(Serialize)]
pub struct SystemsPage<'a> {
    systems: Vec<SystemView<'a>>,
}

#[derive(Serialize)]
struct SystemView<'a> {
    id: &'a str,
    name: &'a str,
    owner: LinkView,
    rto: Option<String>,
    rpo: Option<String>,
    data: &'a [String],
    fallback: Option<String>,
    suppliers: Vec<SupplierObjective>,
}

/// A supplier a system depends on, with its contractual objectives against ours.
#[derive(Serialize)]
struct SupplierObjective {
    link: LinkView,
    rto: Option<String>,
    rpo: Option<String>,
    /// Their contract allows a longer outage, or more data lost, than we can bear.
    rto_short: bool,
    rpo_short: bool,
}

const SYSTEMS: &str = "systems.html";

pub fn systems<'a>(ctx: &'a Ctx<'a>) -> SystemsPage<'a> {
    let systems = ctx
        .main
        .systems
        .iter()
        .map(|system| SystemView {
            id: system.id.as_str(),
            name: &system.name,
            owner: ctx.link(
                SYSTEMS,
                Kind::Role,
                &system.owner,
                ctx.name(Kind::Role, &system.owner),
            ),
            rto: system.rto.as_ref().map(|d| ctx.duration(d.value)),
            rpo: system.rpo.as_ref().map(|d| ctx.duration(d.value)),
            data: &system.data,
            fallback: ctx.opt_markdown(system.fallback.as_ref(), ctx.main.file, SYSTEMS),
            suppliers: objectives(ctx, system),
        })
        .collect();
    SystemsPage { systems }
}

fn objectives(ctx: &Ctx, system: &System) -> Vec<SupplierObjective> {
    system
        .suppliers
        .iter()
        .map(|id| {
            let contract = ctx
                .handbook
                .suppliers
                .iter()
                .find(|s| s.id.as_str() == id.as_str())
                .and_then(|s| s.contract.as_ref());
            let theirs_rto = contract.and_then(|k| k.rto);
            let theirs_rpo = contract.and_then(|k| k.rpo);
            SupplierObjective {
                link: ctx.link(SYSTEMS, Kind::Supplier, id, ctx.name(Kind::Supplier, id)),
                rto: theirs_rto.map(|d| ctx.duration(d)),
                rpo: theirs_rpo.map(|d| ctx.duration(d)),
                rto_short: exceeds(theirs_rto, system.rto.as_ref().map(|d| d.value)),
                rpo_short: exceeds(theirs_rpo, system.rpo.as_ref().map(|d| d.value)),
            }
        })
        .collect()
}

/// Whether the supplier's objective is longer than ours.
pub fn exceeds(theirs: Option<Duration>, ours: Option<Duration>) -> bool {
    matches!((theirs, ours), (Some(t), Some(o)) if t.longer_than(o))
}
