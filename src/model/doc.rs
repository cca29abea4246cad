//! `content/playbooks/<id>.md` and `content/pages/<id>.md`: front matter and a Markdown body.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::values::{Date, Markdown, Ref, Spanned};
use crate::markdown::Outline;

#[derive(Debug, Deserialize, JsonSchema, Serialize)]
pub struct FrontMatter {
    pub title: String,
    pub summary: Option<String>,
    pub severity: Option<Ref>,
    #[serde(default)]
    pub suppliers: Vec<Ref>,
    #[serde(default)]
    pub plans: Vec<Ref>,
    #[serde(default)]
    pub obligations: Vec<Ref>,
    pub owner: Option<Ref>,
    pub last_reviewed: Option<Spanned<Date>>,
    pub order: Option<i64>,
    /// The last tabletop or live exercise.
    pub exercised: Option<Spanned<Date>>,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// The name serde gives [`FrontMatter`]: where the deserializer meets it, unknown keys get
/// the hints of [`FOREIGN_FRONT_MATTER`].
pub const FRONT_MATTER_STRUCT: &str = "FrontMatter";

/// Front matter keys of other generators (Jekyll, Hugo, MkDocs, Just the Docs): the irbook key
/// that means the same, or `None` where the key has no meaning here.
pub const FOREIGN_FRONT_MATTER: &[(&str, Option<&str>)] = &[
    ("description", Some("summary")),
    ("date", Some("last_reviewed")),
    ("lastmod", Some("last_reviewed")),
    ("last_modified_at", Some("last_reviewed")),
    ("weight", Some("order")),
    ("nav_order", Some("order")),
    ("categories", Some("tags")),
    ("layout", None),
    ("permalink", None),
    ("parent", None),
    ("draft", None),
    ("slug", None),
    ("toc", None),
    ("cover", None),
    ("nav_exclude", None),
];

impl FrontMatter {
    /// Sort key of lists: by `order` (documents without one last), then by title.
    pub fn sort_key(&self) -> (bool, Option<i64>, &str) {
        (self.order.is_none(), self.order, &self.title)
    }
}

#[derive(Debug, Serialize)]
pub struct Doc {
    #[serde(flatten)]
    pub front: FrontMatter,
    pub body: Markdown,
    /// The body's links and headings, read once when the file is loaded.
    #[serde(skip)]
    pub outline: Outline,
}
