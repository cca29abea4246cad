//! `content/forms/<id>.yaml`: a blank form of the handbook's own (sections of fields and
//! tables), printed like the built-in incident log.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::values::{Markdown, Spanned};

#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Form {
    pub title: String,
    pub intro: Option<Markdown>,
    pub sections: Spanned<Vec<FormSection>>,
}

#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct FormSection {
    pub title: String,
    #[serde(default)]
    pub fields: Vec<Field>,
    pub table: Option<FormTable>,
}

/// A labelled blank: one line unless `kind` or `lines` says otherwise.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct Field {
    pub label: String,
    #[serde(default)]
    pub kind: FieldKind,
    /// Lines to write on (`lines: 4`), for free text.
    pub lines: Option<Spanned<u32>>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldKind {
    #[default]
    Line,
    Lines,
    Date,
    Time,
    Datetime,
    YesNo,
    Signature,
}

/// A table with empty rows to fill in by hand.
#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct FormTable {
    pub columns: Spanned<Vec<String>>,
    pub rows: Spanned<u32>,
}
