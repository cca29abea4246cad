//! Checks of the content files: suppliers' contacts and escalation ladders, plans' phases and
//! steps, and the references in every file's fields and front matter.

use std::collections::HashMap;

use super::Checker;
use crate::diag::Diagnostic;
use crate::model::{Contact, Doc, Handbook, Kind, Plan, PlanKind, Record, Spanned, Supplier};
use crate::source::FileId;
use crate::suggest::did_you_mean;

pub(super) fn check(c: &mut Checker, handbook: &Handbook) {
    for supplier in &handbook.suppliers {
        self::supplier(c, supplier);
    }
    for plan in &handbook.plans {
        self::plan(c, plan);
    }
    for doc in handbook.playbooks.iter().chain(&handbook.pages) {
        self::doc(c, doc);
    }
    for docs in [&handbook.playbooks, &handbook.pages] {
        same_ids(c, docs);
    }
    super::programme::check_files(c, handbook);
}

fn supplier(c: &mut Checker, supplier: &Record<Supplier>) {
    let file = supplier.file;
    if c.written_empty(file, &supplier.services) {
        c.push(
            Diagnostic::error("at least one service is required")
                .at(file, supplier.services.span.clone())
                .help("list what the supplier does for you, e.g. `services: [ERP hosting]`"),
        );
    }
    contacts(c, file, &supplier.contacts);
    if let Some(fallback) = &supplier.fallback {
        c.reference(Kind::Supplier, &fallback.supplier, file);
        if fallback.supplier.value == supplier.id.as_str() {
            c.push(
                Diagnostic::error("a supplier cannot be its own fallback")
                    .at(file, fallback.supplier.span.clone())
                    .help("name the alternative supplier to switch to"),
            );
        }
    }
    escalation(c, supplier);
}

/// A supplier's or party's contacts: at least one, each reachable, at most one primary.
pub(super) fn contacts(c: &mut Checker, file: FileId, contacts: &Spanned<Vec<Contact>>) {
    if c.written_empty(file, contacts) {
        c.push(
            Diagnostic::error("at least one contact is required")
                .at(file, contacts.span.clone())
                .help("add a contact with `name` and `phone` or `email`"),
        );
    }
    let mut primary_seen = false;
    for contact in contacts.iter() {
        if contact.phone.is_none() && contact.email.is_none() {
            c.push(
                Diagnostic::error(format!(
                    "contact `{}` has neither phone nor email",
                    contact.name.value
                ))
                .at(file, contact.name.span.clone())
                .help("add `phone:` (with +country code) or `email:`"),
            );
        }
        if let Some(primary) = contact.primary.as_ref().filter(|p| p.value) {
            if primary_seen {
                c.push(
                    Diagnostic::error("two primary contacts")
                        .at(file, primary.span.clone())
                        .help("mark exactly one contact `primary: true` (without any, the first is primary)"),
                );
            }
            primary_seen = true;
        }
    }
}

fn escalation(c: &mut Checker, supplier: &Record<Supplier>) {
    let file = supplier.file;
    let names: Vec<&str> = supplier.contacts.iter().map(|c| c.name.as_str()).collect();
    for step in &supplier.escalation {
        if !names.contains(&step.contact.as_str()) {
            let help = match did_you_mean(&step.contact, names.iter().copied()) {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!("name one of this supplier's contacts: {}", names.join(", ")),
            };
            c.push(
                Diagnostic::error(format!("escalation to unknown contact `{}`", step.contact.value))
                    .at(file, step.contact.span.clone())
                    .help(help),
            );
        }
    }
}

fn plan(c: &mut Checker, plan: &Record<Plan>) {
    let file = plan.file;
    for severity in &plan.severities {
        c.reference(Kind::Severity, severity, file);
    }
    if let Some(owner) = &plan.owner {
        c.reference(Kind::Role, owner, file);
    }
    if c.written_empty(file, &plan.phases) {
        c.push(
            Diagnostic::error("at least one phase is required")
                .at(file, plan.phases.span.clone())
                .help("add a phase with a `title` and `steps`"),
        );
    }
    let mut anchors: HashMap<String, usize> = HashMap::new();
    for phase in plan.phases.iter() {
        let anchor = phase.anchor();
        let span = phase
            .id
            .as_ref()
            .map_or(phase.title.span.clone(), |id| id.span.clone());
        if let Some(&first) = anchors.get(&anchor) {
            let line = c.sources.get(file).position(first).line;
            c.push(
                Diagnostic::error(format!("two phases have the anchor `{anchor}`"))
                    .at(file, span.clone())
                    .help(format!(
                        "the first is on line {line}; give this phase its own `id:`"
                    )),
            );
        }
        anchors.entry(anchor).or_insert(span.start);
        if c.written_empty(file, &phase.steps) {
            c.push(
                Diagnostic::error(format!("phase `{}` has no steps", phase.title.value))
                    .at(file, phase.steps.span.clone())
                    .help("add a step with `action` and `responsible`"),
            );
        }
        for step in phase.steps.iter() {
            for (i, role) in step.responsible.iter().enumerate() {
                c.reference(Kind::Role, role, file);
                if step.responsible[..i].iter().any(|r| r.value == role.value) {
                    c.push(
                        Diagnostic::error(format!("role `{}` is named twice", role.value))
                            .at(file, role.span.clone())
                            .help("name each responsible role once; the first leads"),
                    );
                }
            }
            let refs = [
                (Kind::Supplier, &step.suppliers),
                (Kind::Party, &step.parties),
                (Kind::System, &step.systems),
            ];
            for (kind, ids) in refs {
                for id in ids {
                    c.reference(kind, id, file);
                }
            }
            if let Some(form) = &step.form {
                c.reference(Kind::Form, form, file);
            }
            timing(c, file, plan.kind, step);
            if let Some(obligation) = &step.obligation {
                c.reference(Kind::Obligation, obligation, file);
            }
            if let Some(message) = &step.message {
                c.reference(Kind::Message, message, file);
            }
        }
    }
}

/// Two documents with one id: `x.md` beside a folder `x/` with an `_index.md`.
fn same_ids(c: &mut Checker, docs: &[Record<Doc>]) {
    let mut first: HashMap<&str, FileId> = HashMap::new();
    for doc in docs {
        match first.get(doc.id.as_str()) {
            Some(&other) => {
                let other = c.sources.get(other).path.clone();
                c.push(
                    Diagnostic::error(format!("two documents have the id `{}`", doc.id))
                        .in_file(doc.file)
                        .help(format!(
                            "the other is {other}; a folder's `_index.md` has the folder's id: rename one of them"
                        )),
                );
            }
            None => {
                first.insert(doc.id.as_str(), doc.file);
            }
        }
    }
}

/// A response step counts from detection (`within`); a readiness step recurs (`every`).
fn timing(c: &mut Checker, file: FileId, kind: PlanKind, step: &crate::model::Step) {
    let wrong = match kind {
        PlanKind::Response => step
            .every
            .as_ref()
            .map(|e| (e.span.clone(), "`every` belongs to readiness plans", "a response plan's steps take `within` (a deadline from detection); for a preparation checklist set `kind: readiness` on the plan")),
        PlanKind::Readiness => step
            .within
            .as_ref()
            .map(|w| (w.span.clone(), "`within` belongs to response plans", "a readiness plan's steps take `every` (how often, e.g. `every: 1y`): there is no detection to count from")),
    };
    if let Some((span, message, help)) = wrong {
        c.push(Diagnostic::error(message).at(file, span).help(help));
    }
}

fn doc(c: &mut Checker, doc: &Record<Doc>) {
    let file = doc.file;
    let front = &doc.front;
    if let Some(severity) = &front.severity {
        c.reference(Kind::Severity, severity, file);
    }
    for supplier in &front.suppliers {
        c.reference(Kind::Supplier, supplier, file);
    }
    for plan in &front.plans {
        c.reference(Kind::Plan, plan, file);
    }
    for obligation in &front.obligations {
        c.reference(Kind::Obligation, obligation, file);
    }
    if let Some(owner) = &front.owner {
        c.reference(Kind::Role, owner, file);
    }
}
