//! The typed handbook: plain data as the author wrote it, with the span of every value that a
//! diagnostic may point at. No I/O here.

mod doc;
mod duration;
mod form;
mod handbook_file;
mod kind;
mod many;
mod party;
mod plan;
mod programme;
mod reach;
mod records;
mod schema;
mod site;
mod supplier;
mod values;

pub use doc::{Doc, FOREIGN_FRONT_MATTER, FRONT_MATTER_STRUCT, FrontMatter};
pub use duration::Duration;
pub use form::{Field, FieldKind, Form, FormSection, FormTable};
pub use handbook_file::{
    Audience, HandbookFile, Language, Message, Obligation, ObligationContact, Paper, Person, Role, Severity,
};
pub use kind::{
    Anchors, BUILT_IN_FORMS, Defined, Ext, Kind, KindSpec, PARTY_SECTIONS, SUPPLIER_SECTIONS, Shown,
};
pub use many::{ONE_OR_MANY_STRUCT, OneOrMany};
pub use party::{Party, PartyKind};
pub use plan::{Phase, Plan, PlanKind, Step};
pub use programme::{Stakeholder, System};
pub use reach::{Email, Phone, Reach, ReachKind, Url};
pub use records::{MarkdownText, Object};
pub use schema::{FileSchema, file_schemas};
pub use site::{
    NAVIGATION, PRINT_ORDER, PrintPart, SEARCH_SHARDS, SitePage, WHOLE_SITE_FILES, is_generated_path,
    is_site_file,
};
pub use supplier::{
    Certification, Contact, Contract, Escalation, Fallback, Reporting, Supplier, Tier, primary_of,
};
pub use values::{
    Date, Id, MARKDOWN_STRUCT, Markdown, Ref, SPANNED_FIELDS, SPANNED_STRUCT, Spanned, TEXT_FIELDS,
    TEXT_STRUCT, Text,
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
    /// The Markdown texts of the file's YAML, in file order: each gets link checks.
    #[serde(skip)]
    pub markdown: Vec<Text>,
    /// The phone numbers, e-mail and web addresses of the file, in file order, whatever field
    /// they are in.
    #[serde(skip)]
    pub reach: Vec<Reach>,
    /// Items of the file's lists that did not read, as (list key, id): they exist, so
    /// references to them are not reported as unknown as well.
    #[serde(skip)]
    pub cut_ids: Vec<(String, String)>,
    #[serde(flatten)]
    pub value: T,
}

impl<T> std::ops::Deref for Record<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

/// Everything loaded from a handbook project. A file that could not be read into its type is
/// missing from its list but its id is in `unreadable`, so references to it are not reported
/// as unknown a second time.
#[derive(Debug, Default, Serialize)]
pub struct Handbook {
    pub main: Option<Record<HandbookFile>>,
    pub suppliers: Vec<Record<Supplier>>,
    pub parties: Vec<Record<Party>>,
    pub plans: Vec<Record<Plan>>,
    pub playbooks: Vec<Record<Doc>>,
    pub pages: Vec<Record<Doc>>,
    pub forms: Vec<Record<Form>>,
    #[serde(skip)]
    pub unreadable: Vec<(Kind, Id, FileId)>,
    /// Files under `content/static/`, copied into the site as they are.
    #[serde(skip)]
    pub static_files: Vec<StaticFile>,
}

impl Handbook {
    /// What every record read from a file has, whatever its kind: `handbook.yaml` first.
    pub fn files(&self) -> Vec<FileRecord<'_>> {
        fn of<T>(record: &Record<T>) -> FileRecord<'_> {
            FileRecord {
                file: record.file,
                complete: record.complete,
                reach: &record.reach,
            }
        }
        let mut files: Vec<FileRecord> = self.main.iter().map(of).collect();
        files.extend(self.suppliers.iter().map(of));
        files.extend(self.parties.iter().map(of));
        files.extend(self.plans.iter().map(of));
        files.extend(self.playbooks.iter().chain(&self.pages).map(of));
        files.extend(self.forms.iter().map(of));
        files
    }
}

/// What every record read from a file has: its file, whether it read without errors, and its
/// phone numbers, e-mail and web addresses.
#[derive(Debug)]
pub struct FileRecord<'a> {
    pub file: FileId,
    pub complete: bool,
    pub reach: &'a [Reach],
}

/// A file under `content/static/` and its path in the site (relative, `/`-separated).
#[derive(Debug, Clone)]
pub struct StaticFile {
    pub source: std::path::PathBuf,
    pub path: String,
}
