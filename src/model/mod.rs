//! The typed handbook: plain data as the author wrote it, with the span of every value that a
//! diagnostic may point at. No I/O here.

mod doc;
mod duration;
mod handbook_file;
mod plan;
mod reach;
mod supplier;
mod values;

pub use doc::{Doc, DocKind, FrontMatter};
pub use duration::Duration;
pub use handbook_file::{
    Audience, HandbookFile, Language, Message, Obligation, ObligationContact, Paper, Person, Role, Severity,
};
pub use plan::{Phase, Plan, Step};
pub use reach::{Email, Phone};
pub use supplier::{Certification, Contact, Contract, Escalation, Supplier, Tier};
pub use values::{
    Date, Id, MARKDOWN_FIELDS, MARKDOWN_STRUCT, Markdown, Ref, SPANNED_FIELDS, SPANNED_STRUCT, Spanned, Text,
};

use serde::Serialize;

use crate::source::FileId;

/// One loaded file's content, with the id it is known by and the file it came from.
#[derive(Debug, Serialize)]
pub struct Record<T> {
    pub id: Id,
    #[serde(skip)]
    pub file: FileId,
    /// False when the file had errors and was read around them: such a record is checked for
    /// references but not warned about, as its gaps are the errors' doing.
    #[serde(skip)]
    pub complete: bool,
    #[serde(flatten)]
    pub value: T,
}

impl<T> std::ops::Deref for Record<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

/// The pages every site has, which `/path` links may name besides `content/static/` files.
pub const SITE_PAGES: [&str; 12] = [
    "index.html",
    "contacts.html",
    "roles.html",
    "suppliers.html",
    "obligations.html",
    "messages.html",
    "search.html",
    "print.html",
    "forms/incident-log.html",
    "forms/chain-of-custody.html",
    "handbook.json",
    "404.html",
];

/// Whether the site writes `path` itself, so that a `content/static/` file there is not copied.
pub fn is_generated_path(path: &str) -> bool {
    let object_page = ["suppliers/", "plans/", "playbooks/", "pages/", "forms/"]
        .iter()
        .any(|dir| path.starts_with(dir) && (path.ends_with(".html") || path.ends_with(".vcf")));
    SITE_PAGES.contains(&path) || path == "search-index.js" || path.starts_with("assets/") || object_page
}

/// The kinds of object a reference or a typed link can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Severity,
    Role,
    Obligation,
    Message,
    Supplier,
    Plan,
    Playbook,
    Page,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Severity => "severity",
            Kind::Role => "role",
            Kind::Obligation => "obligation",
            Kind::Message => "message",
            Kind::Supplier => "supplier",
            Kind::Plan => "plan",
            Kind::Playbook => "playbook",
            Kind::Page => "page",
        }
    }
}

/// Everything loaded from a handbook project. A file that could not be read into its type is
/// missing from its list but its id is in `unreadable`, so references to it are not reported
/// as unknown a second time.
#[derive(Debug, Default, Serialize)]
pub struct Handbook {
    pub main: Option<Record<HandbookFile>>,
    pub suppliers: Vec<Record<Supplier>>,
    pub plans: Vec<Record<Plan>>,
    pub playbooks: Vec<Record<Doc>>,
    pub pages: Vec<Record<Doc>>,
    #[serde(skip)]
    pub unreadable: Vec<(Kind, Id, FileId)>,
    /// Files under `content/static/`, copied into the site as they are.
    #[serde(skip)]
    pub static_files: Vec<StaticFile>,
}

/// A file under `content/static/` and its path in the site (relative, `/`-separated).
#[derive(Debug, Clone)]
pub struct StaticFile {
    pub source: std::path::PathBuf,
    pub path: String,
}
