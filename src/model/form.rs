//! `content/forms/<id>.yaml`: a blank form of the handbook's own (sections of fields and
//! tables), printed like the built-in incident log.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::values::{Markdown, Spanned};

/// A blank form of the handbook's own, printed with the incident header like the incident log.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Form {
    /// The form's title: `Lessons learned meeting`.
    pub title: String,
    /// Text above the first section (Markdown).
    pub intro: Option<Markdown>,
    /// The form's sections, in order; at least one.
    #[schemars(length(min = 1))]
    pub sections: Spanned<Vec<FormSection>>,
}

/// A section of a form: fields, a table, or both.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct FormSection {
    /// The section's heading.
    pub title: Spanned<String>,
    /// The labelled blanks to fill in, in order.
    #[serde(default)]
    pub fields: Vec<Field>,
    /// A table with empty rows: `{ columns: [Action, Owner, Due], rows: 10 }`.
    pub table: Option<FormTable>,
}

/// A labelled blank: one line unless `kind` or `lines` says otherwise.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Field {
    /// What to fill in: `Meeting held on`.
    pub label: String,
    /// The kind of blank: `line` (default), `lines`, `date`, `time`, `datetime`, `yes-no`, `signature`.
    #[serde(default)]
    pub kind: FieldKind,
    /// How many lines to write on, 1 to 60 (`lines: 4`), for free text; default 1.
    #[schemars(range(min = 1, max = 60))]
    pub lines: Option<Spanned<u32>>,
}

/// The kind of a blank on a form.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldKind {
    /// A line to write on (the default).
    #[default]
    Line,
    /// Lines to write on, as many as `lines` says.
    Lines,
    /// A date.
    Date,
    /// A time of day; the form names the handbook's timezone.
    Time,
    /// A date and a time of day; the form names the handbook's timezone.
    Datetime,
    /// Yes or no, to tick.
    YesNo,
    /// A line to sign on.
    Signature,
}

/// A table with empty rows to fill in by hand.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct FormTable {
    /// The column headings; at least one.
    #[schemars(length(min = 1))]
    pub columns: Spanned<Vec<String>>,
    /// How many empty rows, 1 to 200.
    #[schemars(range(min = 1, max = 200))]
    pub rows: Spanned<u32>,
}
