//! `content/playbooks/<id>.md` and `content/pages/<id>.md`: front matter and a Markdown body.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::values::{Date, Markdown, Ref, Spanned};
use crate::markdown::Outline;

/// The front matter of a playbook or page: the YAML between the two `---` lines at the top.
#[derive(Debug, Default, Deserialize, JsonSchema, Serialize)]
pub struct FrontMatter {
    /// The title.
    pub title: String,
    /// One line for lists and search (plain text, not Markdown).
    pub summary: Option<String>,
    /// The id of the usual severity of this scenario.
    pub severity: Option<Ref>,
    /// The ids of the suppliers involved; the playbook is listed on their pages.
    #[serde(default)]
    pub suppliers: Vec<Ref>,
    /// The ids of the plans to follow alongside.
    #[serde(default)]
    pub plans: Vec<Ref>,
    /// The ids of the obligations (duties to notify) that may apply.
    #[serde(default)]
    pub obligations: Vec<Ref>,
    /// The id of the role that keeps it up to date.
    pub owner: Option<Ref>,
    /// When it was last reviewed (`YYYY-MM-DD`); older than `review_every`: a warning.
    pub last_reviewed: Option<Spanned<Date>>,
    /// Sort key in lists: by `order`, then by title; those without one come last.
    pub order: Option<i64>,
    /// The last tabletop or live exercise (`YYYY-MM-DD`); older than `exercise_every`: a warning.
    pub exercised: Option<Spanned<Date>>,
    /// Words that search finds it by, e.g. `[ransomware, supplier]`.
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
    /// The body has `#` headings of its own besides the title: each is shown one level
    /// lower, so that the page has one `h1`.
    #[serde(skip)]
    pub shift_headings: bool,
    /// The document is a folder's `_index.md`: it introduces the documents in the folder.
    #[serde(skip)]
    pub folder_index: bool,
}
