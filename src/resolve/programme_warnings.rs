//! Warnings about the programme around an incident: systems that must be back sooner than
//! their suppliers promise, and plans and documents whose exercise is overdue or never was.

use super::Checker;
use crate::diag::Diagnostic;
use crate::model::{Date, Duration, Handbook, HandbookFile, PlanKind, Record, Spanned, System};
use crate::source::FileId;

pub(super) fn check(c: &mut Checker, handbook: &Handbook, today: Date) {
    let main = handbook.main.as_ref();
    if let Some(main) = main.filter(|m| m.complete) {
        for system in &main.systems {
            objectives(c, main, handbook, system);
        }
    }
    let exercise_every = main.map_or(Duration::from_secs(365 * 86_400), |m| m.exercise_every);
    for plan in handbook.plans.iter().filter(|p| p.complete) {
        match &plan.exercised {
            Some(date) => overdue(c, plan.file, date, exercise_every, today),
            None if plan.kind == PlanKind::Response => c.push(
                Diagnostic::warning(format!("plan `{}` has never been exercised", plan.id))
                    .in_file(plan.file)
                    .help(
                        "walk through the plan in a tabletop exercise, then add \
                         `exercised: YYYY-MM-DD` with the day of the exercise",
                    ),
            ),
            None => {}
        }
    }
    let docs = handbook.playbooks.iter().chain(&handbook.pages);
    for doc in docs.filter(|d| d.complete) {
        if let Some(date) = &doc.front.exercised {
            overdue(c, doc.file, date, exercise_every, today);
        }
    }
}

/// The last exercise longer ago than `exercise_every`.
fn overdue(c: &mut Checker, file: FileId, date: &Spanned<Date>, every: Duration, today: Date) {
    if date.value.older_than(every, today) {
        c.push(
            Diagnostic::warning(format!("last exercised {}, more than {every} ago", date.value))
                .at(file, date.span.clone())
                .help(
                    "exercise it again and update `exercised` (the interval is `exercise_every` in \
                 handbook.yaml)",
                ),
        );
    }
}

/// A system's RTO and RPO against the contracts of the suppliers it runs on: a supplier that
/// may take longer than the system may be down makes the objective a wish.
fn objectives(c: &mut Checker, main: &Record<HandbookFile>, handbook: &Handbook, system: &System) {
    for reference in &system.suppliers {
        let Some(supplier) = handbook
            .suppliers
            .iter()
            .find(|s| s.complete && s.id.as_str() == reference.as_str())
        else {
            continue;
        };
        let Some(contract) = &supplier.contract else {
            continue;
        };
        let pairs = [
            (&system.rto, contract.rto, "rto"),
            (&system.rpo, contract.rpo, "rpo"),
        ];
        for (ours, theirs, key) in pairs {
            let (Some(ours), Some(theirs)) = (ours, theirs) else {
                continue;
            };
            if !theirs.longer_than(ours.value) {
                continue;
            }
            let (message, help) = if key == "rto" {
                (
                    format!(
                        "system `{}` needs recovery within {} but supplier `{}` promises {theirs}",
                        system.id.value, ours.value, supplier.id
                    ),
                    "renegotiate the supplier's `contract.rto`, or write in the system's \
                     `fallback` how the business works until the supplier has recovered",
                )
            } else {
                (
                    format!(
                        "system `{}` may lose at most {} of data but supplier `{}` promises {theirs}",
                        system.id.value, ours.value, supplier.id
                    ),
                    "renegotiate the supplier's `contract.rpo` (more frequent backups), or keep \
                     a copy of your own and write it in the system's `fallback`",
                )
            };
            c.push(
                Diagnostic::warning(message)
                    .at(main.file, ours.span.clone())
                    .help(help),
            );
        }
    }
}
