//! The site's structure in one place: every kind of object (where it is written, where it is
//! shown, what a link to it may name) and every page the site has besides the objects' own,
//! in the order of navigation and print. Loader, resolver and renderer read it from here;
//! their matches over [`Kind`] and [`SitePage`] are exhaustive, so a new kind is added here
//! and the compiler names every place that must learn of it. The pages that are not an
//! object's own are in `site.rs`.

use super::site::SitePage;

/// The kinds of object a reference or a typed link can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Severity,
    Role,
    Obligation,
    Message,
    Stakeholder,
    System,
    Supplier,
    Party,
    Plan,
    Playbook,
    Page,
    Form,
}

/// Where the objects of a kind are written by the author.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Defined {
    /// A list under this key of `handbook.yaml`.
    InHandbook(&'static str),
    /// One file per object in `content/<folder>/`, the id being the file stem.
    Folder { folder: &'static str, ext: Ext },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ext {
    Yaml,
    Markdown,
}

impl Ext {
    pub fn as_str(self) -> &'static str {
        match self {
            Ext::Yaml => "yaml",
            Ext::Markdown => "md",
        }
    }
}

/// Where an object is shown in the built site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// A page of its own, `<dir>/<id>.html`, from `template`; `vcard`: and `<dir>/<id>.vcf`.
    OwnPage {
        dir: &'static str,
        template: &'static str,
        vcard: bool,
    },
    /// A section of a site page, with the anchor `<prefix><id>`.
    Section { page: SitePage, prefix: &'static str },
}

/// What `#anchor` a link to an object may add.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchors {
    None,
    /// Fixed section ids of the object's page.
    Sections(&'static [&'static str]),
    /// A plan's phases and its steps as `step-<phase>-<step>`.
    Phases,
    /// The headings of a Markdown document.
    Headings,
}

/// Section anchors of a supplier page that `supplier:<id>#<anchor>` may name.
pub const SUPPLIER_SECTIONS: [&str; 7] = [
    "contacts",
    "escalation",
    "contract",
    "certifications",
    "messages",
    "systems",
    "involved",
];

/// Section anchors of a party page.
pub const PARTY_SECTIONS: [&str; 3] = ["contacts", "when", "involved"];

/// One kind, described once.
#[derive(Debug)]
pub struct KindSpec {
    /// The word in diagnostics and the scheme of typed links (`supplier:`).
    pub name: &'static str,
    pub plural: &'static str,
    pub defined: Defined,
    pub shown: Shown,
    pub anchors: Anchors,
    /// The key of the kind's name among the theme's words (search results).
    pub label: &'static str,
    /// The navigation entry its pages belong to (`""`: none).
    pub nav: &'static str,
    /// Files may be in sub-folders of the kind's folder; the id is then the path
    /// (`ransomware/encryption`), and a folder's `_index.md` describes the folder.
    pub nested: bool,
    /// The site page that lists every object of the kind, in pages of bounded length.
    pub list: Option<SitePage>,
}

impl Kind {
    pub const ALL: [Kind; 12] = [
        Kind::Severity,
        Kind::Role,
        Kind::Obligation,
        Kind::Message,
        Kind::Stakeholder,
        Kind::System,
        Kind::Supplier,
        Kind::Party,
        Kind::Plan,
        Kind::Playbook,
        Kind::Page,
        Kind::Form,
    ];

    pub fn spec(self) -> &'static KindSpec {
        match self {
            Kind::Severity => &KindSpec {
                name: "severity",
                nav: "",
                nested: false,
                list: None,
                plural: "severities",
                defined: Defined::InHandbook("severities"),
                shown: Shown::Section {
                    page: SitePage::Home,
                    prefix: "severity-",
                },
                anchors: Anchors::None,
                label: "severity",
            },
            Kind::Role => &KindSpec {
                name: "role",
                nav: "roles",
                nested: false,
                list: None,
                plural: "roles",
                defined: Defined::InHandbook("roles"),
                shown: Shown::Section {
                    page: SitePage::Roles,
                    prefix: "role-",
                },
                anchors: Anchors::None,
                label: "kind_role",
            },
            Kind::Obligation => &KindSpec {
                name: "obligation",
                nav: "contacts",
                nested: false,
                list: None,
                plural: "obligations",
                defined: Defined::InHandbook("obligations"),
                shown: Shown::Section {
                    page: SitePage::Contacts,
                    prefix: "obligation-",
                },
                anchors: Anchors::None,
                label: "obligation",
            },
            Kind::Message => &KindSpec {
                name: "message",
                nav: "contacts",
                nested: false,
                list: None,
                plural: "messages",
                defined: Defined::InHandbook("messages"),
                shown: Shown::Section {
                    page: SitePage::Messages,
                    prefix: "message-",
                },
                anchors: Anchors::None,
                label: "message",
            },
            Kind::Stakeholder => &KindSpec {
                name: "stakeholder",
                nav: "contacts",
                nested: false,
                list: None,
                plural: "stakeholders",
                defined: Defined::InHandbook("stakeholders"),
                shown: Shown::Section {
                    page: SitePage::Communication,
                    prefix: "stakeholder-",
                },
                anchors: Anchors::None,
                label: "stakeholder",
            },
            Kind::System => &KindSpec {
                name: "system",
                nav: "suppliers",
                nested: false,
                list: None,
                plural: "systems",
                defined: Defined::InHandbook("systems"),
                shown: Shown::Section {
                    page: SitePage::Systems,
                    prefix: "system-",
                },
                anchors: Anchors::None,
                label: "system",
            },
            Kind::Supplier => &KindSpec {
                name: "supplier",
                nav: "suppliers",
                nested: false,
                list: Some(SitePage::Suppliers),
                plural: "suppliers",
                defined: Defined::Folder {
                    folder: "suppliers",
                    ext: Ext::Yaml,
                },
                shown: Shown::OwnPage {
                    dir: "suppliers",
                    template: "supplier.html",
                    vcard: true,
                },
                anchors: Anchors::Sections(&SUPPLIER_SECTIONS),
                label: "kind_supplier",
            },
            Kind::Party => &KindSpec {
                name: "party",
                nav: "contacts",
                nested: false,
                list: Some(SitePage::Parties),
                plural: "parties",
                defined: Defined::Folder {
                    folder: "parties",
                    ext: Ext::Yaml,
                },
                shown: Shown::OwnPage {
                    dir: "parties",
                    template: "party.html",
                    vcard: true,
                },
                anchors: Anchors::Sections(&PARTY_SECTIONS),
                label: "kind_party",
            },
            Kind::Plan => &KindSpec {
                name: "plan",
                nav: "plans",
                nested: false,
                list: Some(SitePage::Plans),
                plural: "plans",
                defined: Defined::Folder {
                    folder: "plans",
                    ext: Ext::Yaml,
                },
                shown: Shown::OwnPage {
                    dir: "plans",
                    template: "plan.html",
                    vcard: false,
                },
                anchors: Anchors::Phases,
                label: "kind_plan",
            },
            Kind::Playbook => &KindSpec {
                name: "playbook",
                nav: "playbooks",
                nested: true,
                list: Some(SitePage::Playbooks),
                plural: "playbooks",
                defined: Defined::Folder {
                    folder: "playbooks",
                    ext: Ext::Markdown,
                },
                shown: Shown::OwnPage {
                    dir: "playbooks",
                    template: "doc.html",
                    vcard: false,
                },
                anchors: Anchors::Headings,
                label: "kind_playbook",
            },
            Kind::Page => &KindSpec {
                name: "page",
                nav: "",
                nested: true,
                list: Some(SitePage::Pages),
                plural: "pages",
                defined: Defined::Folder {
                    folder: "pages",
                    ext: Ext::Markdown,
                },
                shown: Shown::OwnPage {
                    dir: "pages",
                    template: "doc.html",
                    vcard: false,
                },
                anchors: Anchors::Headings,
                label: "kind_page",
            },
            Kind::Form => &KindSpec {
                name: "form",
                nav: "",
                nested: false,
                list: None,
                plural: "forms",
                defined: Defined::Folder {
                    folder: "forms",
                    ext: Ext::Yaml,
                },
                shown: Shown::OwnPage {
                    dir: "forms",
                    template: "form.html",
                    vcard: false,
                },
                anchors: Anchors::None,
                label: "kind_form",
            },
        }
    }

    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// The kind whose files are in `content/<folder>/`.
    pub fn of_folder(folder: &str) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| matches!(k.spec().defined, Defined::Folder { folder: f, .. } if f == folder))
    }

    /// The kind's content folder and file extension, if its objects are files.
    pub fn folder(self) -> Option<(&'static str, Ext)> {
        match self.spec().defined {
            Defined::Folder { folder, ext } => Some((folder, ext)),
            Defined::InHandbook(_) => None,
        }
    }

    /// The output path (relative to the site root) and fragment of an object's own place.
    pub fn target(self, id: &str) -> (String, Option<String>) {
        match self.spec().shown {
            Shown::OwnPage { dir, .. } => (format!("{dir}/{id}.html"), None),
            Shown::Section { page, prefix } => (page.path().into(), Some(format!("{prefix}{id}"))),
        }
    }
}

/// The forms every site has, with the ids `form:` links use.
pub const BUILT_IN_FORMS: [&str; 2] = ["incident-log", "chain-of-custody"];
