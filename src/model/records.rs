//! Every object of the handbook by kind, as one borrowed type: what the index maps ids to and
//! what lists, names and links are made from.

use super::Text;
use super::{
    Contact, Doc, Form, Handbook, Kind, Message, Obligation, Party, Plan, Record, Role, Severity,
    Stakeholder, Supplier, System,
};
use crate::source::FileId;

/// One object of the handbook, borrowed.
#[derive(Debug, Clone, Copy)]
pub enum Object<'a> {
    Severity(&'a Severity),
    Role(&'a Role),
    Obligation(&'a Obligation),
    Message(&'a Message),
    Stakeholder(&'a Stakeholder),
    System(&'a System),
    Supplier(&'a Record<Supplier>),
    Party(&'a Record<Party>),
    Plan(&'a Record<Plan>),
    Playbook(&'a Record<Doc>),
    Page(&'a Record<Doc>),
    Form(&'a Record<Form>),
}

impl<'a> Object<'a> {
    pub fn kind(self) -> Kind {
        match self {
            Object::Severity(_) => Kind::Severity,
            Object::Role(_) => Kind::Role,
            Object::Obligation(_) => Kind::Obligation,
            Object::Message(_) => Kind::Message,
            Object::Stakeholder(_) => Kind::Stakeholder,
            Object::System(_) => Kind::System,
            Object::Supplier(_) => Kind::Supplier,
            Object::Party(_) => Kind::Party,
            Object::Plan(_) => Kind::Plan,
            Object::Playbook(_) => Kind::Playbook,
            Object::Page(_) => Kind::Page,
            Object::Form(_) => Kind::Form,
        }
    }

    pub fn id(self) -> &'a str {
        match self {
            Object::Severity(x) => x.id.as_str(),
            Object::Role(x) => x.id.as_str(),
            Object::Obligation(x) => x.id.as_str(),
            Object::Message(x) => x.id.as_str(),
            Object::Stakeholder(x) => x.id.as_str(),
            Object::System(x) => x.id.as_str(),
            Object::Supplier(x) => x.id.as_str(),
            Object::Party(x) => x.id.as_str(),
            Object::Plan(x) => x.id.as_str(),
            Object::Playbook(x) | Object::Page(x) => x.id.as_str(),
            Object::Form(x) => x.id.as_str(),
        }
    }

    /// The file the object has to itself and the Markdown texts of its YAML; `None` for an
    /// entry of handbook.yaml.
    pub fn own_file(self) -> Option<(FileId, &'a [Text])> {
        match self {
            Object::Supplier(r) => Some((r.file, &r.markdown)),
            Object::Party(r) => Some((r.file, &r.markdown)),
            Object::Plan(r) => Some((r.file, &r.markdown)),
            Object::Playbook(r) | Object::Page(r) => Some((r.file, &r.markdown)),
            Object::Form(r) => Some((r.file, &r.markdown)),
            Object::Severity(_)
            | Object::Role(_)
            | Object::Obligation(_)
            | Object::Message(_)
            | Object::Stakeholder(_)
            | Object::System(_) => None,
        }
    }

    /// The Markdown document, for a playbook or page.
    pub fn doc(self) -> Option<&'a Record<Doc>> {
        match self {
            Object::Playbook(d) | Object::Page(d) => Some(d),
            Object::Severity(_)
            | Object::Role(_)
            | Object::Obligation(_)
            | Object::Message(_)
            | Object::Stakeholder(_)
            | Object::System(_)
            | Object::Supplier(_)
            | Object::Party(_)
            | Object::Plan(_)
            | Object::Form(_) => None,
        }
    }

    /// The people to reach at a supplier or party; `None` for other kinds.
    pub fn contacts(self) -> Option<&'a [Contact]> {
        match self {
            Object::Supplier(s) => Some(&s.contacts),
            Object::Party(p) => Some(&p.contacts),
            Object::Severity(_)
            | Object::Role(_)
            | Object::Obligation(_)
            | Object::Message(_)
            | Object::Stakeholder(_)
            | Object::System(_)
            | Object::Plan(_)
            | Object::Playbook(_)
            | Object::Page(_)
            | Object::Form(_) => None,
        }
    }

    /// What a link to the object says: its name or title.
    pub fn name(self) -> &'a str {
        match self {
            Object::Severity(x) => &x.name,
            Object::Role(x) => &x.name,
            Object::Obligation(x) => &x.name,
            Object::Message(x) => &x.title,
            Object::Stakeholder(x) => &x.name,
            Object::System(x) => &x.name,
            Object::Supplier(x) => &x.name,
            Object::Party(x) => &x.name,
            Object::Plan(x) => &x.title,
            Object::Playbook(x) | Object::Page(x) => &x.front.title,
            Object::Form(x) => &x.title,
        }
    }
}

impl Handbook {
    /// Every loaded object of `kind`, in the order read.
    pub fn objects(&self, kind: Kind) -> Vec<Object<'_>> {
        let main = self.main.as_ref();
        match kind {
            Kind::Severity => {
                main.map_or_else(Vec::new, |m| m.severities.iter().map(Object::Severity).collect())
            }
            Kind::Role => main.map_or_else(Vec::new, |m| m.roles.iter().map(Object::Role).collect()),
            Kind::Obligation => main.map_or_else(Vec::new, |m| {
                m.obligations.iter().map(Object::Obligation).collect()
            }),
            Kind::Message => main.map_or_else(Vec::new, |m| m.messages.iter().map(Object::Message).collect()),
            Kind::Stakeholder => main.map_or_else(Vec::new, |m| {
                m.stakeholders.iter().map(Object::Stakeholder).collect()
            }),
            Kind::System => main.map_or_else(Vec::new, |m| m.systems.iter().map(Object::System).collect()),
            Kind::Supplier => self.suppliers.iter().map(Object::Supplier).collect(),
            Kind::Party => self.parties.iter().map(Object::Party).collect(),
            Kind::Plan => self.plans.iter().map(Object::Plan).collect(),
            Kind::Playbook => self.playbooks.iter().map(Object::Playbook).collect(),
            Kind::Page => self.pages.iter().map(Object::Page).collect(),
            Kind::Form => self.forms.iter().map(Object::Form).collect(),
        }
    }

    /// The playbooks or the pages; nothing for a kind without Markdown documents.
    pub fn docs(&self, kind: Kind) -> &[Record<Doc>] {
        match kind {
            Kind::Page => &self.pages,
            Kind::Playbook => &self.playbooks,
            Kind::Severity
            | Kind::Role
            | Kind::Obligation
            | Kind::Message
            | Kind::Stakeholder
            | Kind::System
            | Kind::Supplier
            | Kind::Party
            | Kind::Plan
            | Kind::Form => &[],
        }
    }

    /// Every Markdown text of the handbook with its file, and the document it is the body of
    /// (`None`: a field of a YAML file).
    pub fn markdown_texts(&self) -> Vec<MarkdownText<'_>> {
        let mut out: Vec<MarkdownText<'_>> = Vec::new();
        fn fields<'a>(out: &mut Vec<MarkdownText<'a>>, file: FileId, texts: &'a [Text]) {
            out.extend(texts.iter().map(|t| (file, t, None)));
        }
        if let Some(main) = &self.main {
            fields(&mut out, main.file, &main.markdown);
        }
        for kind in Kind::ALL {
            for (file, markdown) in self.objects(kind).into_iter().filter_map(Object::own_file) {
                fields(&mut out, file, markdown);
            }
        }
        for kind in [Kind::Playbook, Kind::Page] {
            out.extend(
                self.docs(kind)
                    .iter()
                    .map(|d| (d.file, &*d.body, Some((kind, d.id.as_str())))),
            );
        }
        out
    }
}

/// A Markdown text, its file, and the document it is the body of (`None`: a YAML field).
pub type MarkdownText<'a> = (FileId, &'a Text, Option<(Kind, &'a str)>);

impl Record<Doc> {
    /// Where lists put the document: its folder, the folder's `_index.md` first, then by
    /// `order` and title.
    pub fn list_key(&self) -> (&str, bool, (bool, Option<i64>, &str)) {
        (self.section(), !self.folder_index, self.front.sort_key())
    }

    /// The folder the document belongs to in lists (`""`: none). A folder's `_index.md`
    /// belongs to the folder it describes, and comes first in it.
    pub fn section(&self) -> &str {
        if self.folder_index {
            self.id.as_str()
        } else {
            self.id.folder().unwrap_or("")
        }
    }
}

impl Handbook {
    /// The playbooks or pages as lists show them: those outside folders first, then folder by
    /// folder (by name), each folder's `_index.md` first, then by `order` and title.
    pub fn docs_in_order(&self, kind: Kind) -> Vec<&Record<Doc>> {
        let mut docs: Vec<&Record<Doc>> = self.docs(kind).iter().collect();
        docs.sort_by(|a, b| a.list_key().cmp(&b.list_key()));
        docs
    }

    /// What a folder of documents is called: the title of its `_index.md`, or its name.
    pub fn section_title(&self, kind: Kind, folder: &str) -> String {
        let index = self
            .docs(kind)
            .iter()
            .find(|d| d.folder_index && d.id.as_str() == folder);
        match index {
            Some(d) => d.front.title.clone(),
            None => {
                let name = folder.rsplit('/').next().unwrap_or(folder).replace('-', " ");
                let mut chars = name.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            }
        }
    }
}
