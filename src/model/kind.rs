//! The site's structure in one place: every kind of object (where it is written, where it is
//! shown, what a link to it may name) and every page the site has besides the objects' own,
//! in the order of navigation and print. Loader, resolver and renderer read it from here;
//! their matches over [`Kind`] and [`SitePage`] are exhaustive, so a new kind is added here
//! and the compiler names every place that must learn of it.

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

/// The pages of the site that are not one object's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SitePage {
    Home,
    Contacts,
    Roles,
    Suppliers,
    Parties,
    Communication,
    Systems,
    Obligations,
    Messages,
    Search,
    IncidentLog,
    ChainOfCustody,
    NotFound,
}

impl SitePage {
    pub const ALL: [SitePage; 13] = [
        SitePage::Home,
        SitePage::Contacts,
        SitePage::Roles,
        SitePage::Suppliers,
        SitePage::Parties,
        SitePage::Communication,
        SitePage::Systems,
        SitePage::Obligations,
        SitePage::Messages,
        SitePage::Search,
        SitePage::IncidentLog,
        SitePage::ChainOfCustody,
        SitePage::NotFound,
    ];

    /// Output path, template, the key of its title among the theme's words, and the
    /// navigation entry it belongs to.
    pub fn spec(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            SitePage::Home => ("index.html", "index.html", "home", "home"),
            SitePage::Contacts => ("contacts.html", "contacts.html", "contacts", "contacts"),
            SitePage::Roles => ("roles.html", "roles.html", "roles", "roles"),
            SitePage::Suppliers => ("suppliers.html", "suppliers.html", "suppliers", "suppliers"),
            SitePage::Parties => ("parties.html", "parties.html", "parties", "contacts"),
            SitePage::Communication => (
                "communication.html",
                "communication.html",
                "communication",
                "contacts",
            ),
            SitePage::Systems => ("systems.html", "systems.html", "systems", "suppliers"),
            SitePage::Obligations => ("obligations.html", "obligations.html", "obligations", "contacts"),
            SitePage::Messages => ("messages.html", "messages.html", "messages", "contacts"),
            SitePage::Search => ("search.html", "search.html", "search", "search"),
            SitePage::IncidentLog => ("forms/incident-log.html", "incident-log.html", "incident_log", ""),
            SitePage::ChainOfCustody => (
                "forms/chain-of-custody.html",
                "chain-of-custody.html",
                "chain_of_custody",
                "",
            ),
            SitePage::NotFound => ("404.html", "404.html", "not_found", ""),
        }
    }

    pub fn path(self) -> &'static str {
        self.spec().0
    }

    /// Whether the site has this page: a directory of a kind is written when the handbook has
    /// some of that kind, every other page always.
    pub fn is_written(self, handbook: &super::Handbook) -> bool {
        let has = |kind: Kind| !handbook.objects(kind).is_empty();
        match self {
            SitePage::Parties => has(Kind::Party),
            SitePage::Communication => has(Kind::Stakeholder),
            SitePage::Systems => has(Kind::System),
            SitePage::Home
            | SitePage::Contacts
            | SitePage::Roles
            | SitePage::Suppliers
            | SitePage::Obligations
            | SitePage::Messages
            | SitePage::Search
            | SitePage::IncidentLog
            | SitePage::ChainOfCustody
            | SitePage::NotFound => true,
        }
    }
}

/// The navigation bar: the key of each entry's label and where it leads.
pub const NAVIGATION: [(&str, &str); 7] = [
    ("home", "index.html"),
    ("contacts", "contacts.html"),
    ("plans", "index.html#plans"),
    ("playbooks", "index.html#playbooks"),
    ("suppliers", "suppliers.html"),
    ("roles", "roles.html"),
    ("search", "search.html"),
];

/// A part of the printed handbook: one site page, or every object of a kind that has pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintPart {
    Page(SitePage),
    Each(Kind),
}

/// The order of `print.html`.
pub const PRINT_ORDER: [PrintPart; 15] = [
    PrintPart::Page(SitePage::Home),
    PrintPart::Page(SitePage::Contacts),
    PrintPart::Page(SitePage::Roles),
    PrintPart::Page(SitePage::Communication),
    PrintPart::Each(Kind::Plan),
    PrintPart::Each(Kind::Playbook),
    PrintPart::Page(SitePage::Systems),
    PrintPart::Each(Kind::Supplier),
    PrintPart::Each(Kind::Party),
    PrintPart::Page(SitePage::Obligations),
    PrintPart::Page(SitePage::Messages),
    PrintPart::Each(Kind::Page),
    PrintPart::Page(SitePage::IncidentLog),
    PrintPart::Page(SitePage::ChainOfCustody),
    PrintPart::Each(Kind::Form),
];

/// Whether the site writes `path` itself, so that a `content/static/` file there is not copied.
pub fn is_generated_path(path: &str) -> bool {
    let own_page = Kind::ALL.into_iter().any(|k| match k.spec().shown {
        Shown::OwnPage { dir, .. } => {
            path.strip_prefix(dir).is_some_and(|rest| rest.starts_with('/'))
                && (path.ends_with(".html") || path.ends_with(".vcf"))
        }
        Shown::Section { .. } => false,
    });
    SitePage::ALL.iter().any(|p| p.path() == path)
        || WHOLE_SITE_FILES.contains(&path)
        || path.starts_with("assets/")
        || own_page
}

/// Files made of the whole handbook that links may name by `/path`.
pub const WHOLE_SITE_FILES: [&str; 6] = [
    "print.html",
    "handbook.json",
    "search-index.js",
    "calendar.ics",
    "handbook-offline.html",
    "sw.js",
];

/// Whether a `/path` link names a page or file the site writes besides objects' pages.
pub fn is_site_file(path: &str) -> bool {
    SitePage::ALL.iter().any(|p| p.path() == path) || WHOLE_SITE_FILES.contains(&path)
}
