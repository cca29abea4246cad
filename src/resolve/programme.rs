//! Checks of the v2 parts of a handbook: stakeholders, systems, external parties and forms.

use super::Checker;
use super::main_file::duplicates;
use crate::diag::Diagnostic;
use crate::model::{BUILT_IN_FORMS, FieldKind, Form, Handbook, HandbookFile, Kind, Record};

/// Limits that keep a printed form a form: more rows or lines than fit on paper are a typo.
const MAX_ROWS: u32 = 200;
const MAX_LINES: u32 = 60;

/// The stakeholders, systems and obligations' parties of `handbook.yaml`.
pub(super) fn check_main(c: &mut Checker, main: &Record<HandbookFile>) {
    let file = main.file;
    duplicates(c, file, "stakeholder", main.stakeholders.iter().map(|s| &s.id));
    duplicates(c, file, "system", main.systems.iter().map(|s| &s.id));
    for stakeholder in &main.stakeholders {
        c.reference(Kind::Role, &stakeholder.owner, file);
        for severity in &stakeholder.severities {
            c.reference(Kind::Severity, severity, file);
        }
        if let Some(message) = &stakeholder.message {
            c.reference(Kind::Message, message, file);
            let written_for = main.messages.iter().find(|m| m.id.as_str() == message.as_str());
            if let Some(m) = written_for.filter(|m| m.audience != stakeholder.audience.value) {
                c.push(
                    Diagnostic::warning(format!(
                        "stakeholder `{}` is told with message `{}`, which is written for another audience",
                        stakeholder.id.value, m.id.value
                    ))
                    .at(file, message.span.clone())
                    .help(format!(
                        "choose a message whose `audience` is `{}`, or change the stakeholder's `audience`",
                        stakeholder.audience.value.name()
                    )),
                );
            }
        }
    }
    for system in &main.systems {
        c.reference(Kind::Role, &system.owner, file);
        for supplier in &system.suppliers {
            c.reference(Kind::Supplier, supplier, file);
        }
    }
    for obligation in &main.obligations {
        if let Some(party) = &obligation.party {
            c.reference(Kind::Party, party, file);
        }
        if let (Some(deadline), Some(_)) = (&obligation.deadline, &obligation.deadline_text) {
            c.push(
                Diagnostic::warning(format!(
                    "obligation `{}` has both `deadline` and `deadline_text`: only the deadline is shown",
                    obligation.id.value
                ))
                .at(file, deadline.span.clone())
                .help("keep `deadline` for a fixed time, or `deadline_text` where the law sets none"),
            );
        }
    }
}

/// Parties' contacts and forms' shapes.
pub(super) fn check_files(c: &mut Checker, handbook: &Handbook) {
    for party in &handbook.parties {
        super::content::contacts(c, party.file, &party.contacts);
    }
    for form in &handbook.forms {
        self::form(c, form);
    }
}

fn form(c: &mut Checker, form: &Record<Form>) {
    let file = form.file;
    if BUILT_IN_FORMS.contains(&form.id.as_str()) {
        c.push(
            Diagnostic::error(format!("the form id `{}` is a built-in form's", form.id))
                .in_file(file)
                .help(format!(
                    "rename the file: {} are built in",
                    BUILT_IN_FORMS.map(|f| format!("`{f}`")).join(" and ")
                )),
        );
    }
    if c.written_empty(file, &form.sections) {
        c.push(
            Diagnostic::error("at least one section is required")
                .at(file, form.sections.span.clone())
                .help("add a section with a `title` and `fields` or a `table`"),
        );
    }
    for section in form.sections.iter() {
        // Where the file had errors, a table or fields may be missing because recovery cut them.
        if form.complete && section.fields.is_empty() && section.table.is_none() {
            c.push(
                Diagnostic::error(format!(
                    "section `{}` has neither fields nor a table",
                    section.title.value
                ))
                .at(file, section.title.span.clone())
                .help("add `fields:` (label and kind) or `table: { columns: [...], rows: N }`"),
            );
        }
        for field in &section.fields {
            match (&field.lines, field.kind) {
                (Some(lines), _) if lines.value == 0 || lines.value > MAX_LINES => c.push(
                    Diagnostic::error(format!(
                        "`lines: {}` is not between 1 and {MAX_LINES}",
                        lines.value
                    ))
                    .at(file, lines.span.clone())
                    .help("give the number of lines to write on, e.g. `lines: 4`"),
                ),
                (Some(lines), kind) if !matches!(kind, FieldKind::Line | FieldKind::Lines) => c.push(
                    Diagnostic::error("`lines` is only for text fields")
                        .at(file, lines.span.clone())
                        .help("remove `lines`, or remove `kind` to make a text field"),
                ),
                _ => {}
            }
        }
        if let Some(table) = &section.table {
            if c.written_empty(file, &table.columns) {
                c.push(
                    Diagnostic::error("a table needs at least one column")
                        .at(file, table.columns.span.clone())
                        .help("list the column headings, e.g. `columns: [Action, Owner, Due]`"),
                );
            }
            if table.rows.value == 0 || table.rows.value > MAX_ROWS {
                c.push(
                    Diagnostic::error(format!(
                        "`rows: {}` is not between 1 and {MAX_ROWS}",
                        table.rows.value
                    ))
                    .at(file, table.rows.span.clone())
                    .help("give the number of empty rows to print, e.g. `rows: 12`"),
                );
            }
        }
    }
}
