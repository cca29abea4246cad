//! The blank paper forms: the built-in `forms/incident-log.html` and
//! `forms/chain-of-custody.html`, and the handbook's own `forms/<id>.html`.

use serde::Serialize;

use crate::model::{FieldKind, Kind, Record};
use crate::render::context::Ctx;

/// Lines of the incident log (one A4 page in portrait).
pub const INCIDENT_LOG_ROWS: usize = 25;
/// Lines of the chain-of-custody form (one A4 page in landscape).
pub const CUSTODY_ROWS: usize = 12;

#[derive(Serialize)]
pub struct Form {
    /// Numbers of the blank lines, from 1.
    rows: Vec<usize>,
}

pub fn form(rows: usize) -> Form {
    Form {
        rows: (1..=rows).collect(),
    }
}

/// A form of the handbook's own (`content/forms/<id>.yaml`), ready to print.
#[derive(Serialize)]
pub struct OwnForm<'a> {
    title: &'a str,
    intro: Option<String>,
    sections: Vec<SectionView<'a>>,
}

#[derive(Serialize)]
struct SectionView<'a> {
    title: &'a str,
    fields: Vec<FieldView<'a>>,
    table: Option<TableView<'a>>,
}

#[derive(Serialize)]
struct FieldView<'a> {
    label: &'a str,
    kind: FieldKind,
    /// Blank lines to write on.
    lines: Vec<usize>,
}

#[derive(Serialize)]
struct TableView<'a> {
    columns: &'a [String],
    rows: Vec<usize>,
}

pub fn own<'a>(ctx: &'a Ctx<'a>, form: &'a Record<crate::model::Form>) -> OwnForm<'a> {
    let page = Kind::Form.target(form.id.as_str()).0;
    OwnForm {
        title: &form.title,
        intro: ctx.opt_markdown(form.intro.as_ref(), form.file, &page),
        sections: form
            .sections
            .iter()
            .map(|section| SectionView {
                title: &section.title.value,
                fields: section
                    .fields
                    .iter()
                    .map(|field| FieldView {
                        label: &field.label,
                        kind: field.kind,
                        lines: (1..=field.lines.as_ref().map_or(1, |l| l.value as usize)).collect(),
                    })
                    .collect(),
                table: section.table.as_ref().map(|t| TableView {
                    columns: &t.columns,
                    rows: (1..=t.rows.value as usize).collect(),
                }),
            })
            .collect(),
    }
}
