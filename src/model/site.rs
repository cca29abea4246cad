//! The pages of the site that are not one object's own (the home page, the contact sheet,
//! the lists of each kind, search, ...), the navigation bar, the order of `print.html`, and
//! the files made of the whole handbook: with `kind.rs`, the site's structure in one place.

use super::kind::{Kind, Shown};

/// The pages of the site that are not one object's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SitePage {
    Home,
    Contacts,
    Roles,
    Suppliers,
    Parties,
    Plans,
    Playbooks,
    Pages,
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
    pub const ALL: [SitePage; 16] = [
        SitePage::Home,
        SitePage::Contacts,
        SitePage::Roles,
        SitePage::Suppliers,
        SitePage::Parties,
        SitePage::Plans,
        SitePage::Playbooks,
        SitePage::Pages,
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
            SitePage::Plans => ("plans.html", "plans.html", "plans", "plans"),
            SitePage::Playbooks => ("playbooks.html", "docs.html", "playbooks", "playbooks"),
            SitePage::Pages => ("pages.html", "docs.html", "pages", ""),
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

    /// The kind whose list this page is (`suppliers.html`: the suppliers), if it is one.
    pub fn lists(self) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.spec().list == Some(self))
    }

    /// The path of page `index` (from 0) of a list: `playbooks.html`, then `playbooks_2.html`,
    /// ... beside it, so that every page of a list links to others by the same relative hrefs.
    /// The `_` is never in an id, so no object's page or anchor prefix can be the same.
    pub fn list_page(self, index: usize) -> String {
        match index {
            0 => self.path().to_string(),
            n => format!("{}_{}.html", self.path().trim_end_matches(".html"), n + 1),
        }
    }

    /// Whether `path` is a page of this list after the first (`playbooks_2.html`).
    fn is_later_list_page(self, path: &str) -> bool {
        let stem = self.path().trim_end_matches(".html");
        self.lists().is_some()
            && path
                .strip_prefix(stem)
                .and_then(|rest| rest.strip_prefix('_'))
                .and_then(|rest| rest.strip_suffix(".html"))
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    }

    /// Whether the site has this page: a directory of a kind is written when the handbook has
    /// some of that kind, every other page always.
    pub fn is_written(self, handbook: &super::Handbook) -> bool {
        let has = |kind: Kind| !handbook.objects(kind).is_empty();
        match self {
            SitePage::Parties => has(Kind::Party),
            SitePage::Pages => has(Kind::Page),
            SitePage::Communication => has(Kind::Stakeholder),
            SitePage::Systems => has(Kind::System),
            SitePage::Home
            | SitePage::Contacts
            | SitePage::Roles
            | SitePage::Suppliers
            | SitePage::Plans
            | SitePage::Playbooks
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
    ("plans", "plans.html"),
    ("playbooks", "playbooks.html"),
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
    SitePage::ALL
        .iter()
        .any(|p| p.path() == path || p.is_later_list_page(path))
        || WHOLE_SITE_FILES.contains(&path)
        || path.starts_with("assets/")
        || path.starts_with(SEARCH_SHARDS)
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

/// The folder of the search index's shards (`search/t0.js`, `search/d0.js`, ...), loaded by
/// the search page as it needs them.
pub const SEARCH_SHARDS: &str = "search/";

/// Whether a `/path` link names a page or file the site writes besides objects' pages.
pub fn is_site_file(path: &str) -> bool {
    SitePage::ALL.iter().any(|p| p.path() == path) || WHOLE_SITE_FILES.contains(&path)
}
