//! Model -> the whole site as in-memory files. Pure: reads nothing from disk (static files are
//! named, not read), pages rendered in parallel.

mod backlinks;
mod binder;
mod context;
mod html;
mod pages;
mod paper;
mod strings;
pub mod theme;
pub mod urls;
mod vcard;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::diag::Diagnostic;
use crate::model::{Date, Handbook, Kind};
use crate::resolve::{Index, MessageTemplates};
use crate::source::Sources;
use backlinks::Backlinks;
use context::{Ctx, Layout};
use pages::{directory, doc, forms, home, messages, plan, search, supplier};
pub use theme::Theme;

/// One file of the site.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// Relative to the output folder, `/`-separated.
    pub path: String,
    pub contents: Contents,
}

#[derive(Debug, Clone)]
pub enum Contents {
    /// Shared, so that a file kept from one build to the next is not copied.
    Bytes(Arc<[u8]>),
    /// A file of `content/static/`, copied as it is.
    Copy(PathBuf),
}

pub struct Options {
    pub today: Date,
    pub base_url: Option<String>,
}

/// The files made from the whole handbook, rendered after the pages: when one document
/// changes, these change with it.
pub const WHOLE_HANDBOOK: [&str; 3] = ["print.html", "search-index.js", "handbook.json"];

/// What a [`Renderer`] will be asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Any page.
    Site,
    /// Only [`Renderer::documents`] and [`Renderer::whole_handbook`]: what those never show
    /// (which steps and documents involve each supplier and role) is not worked out.
    Documents,
}

/// A site being rendered: what every page reads, and the theme.
pub struct Renderer<'a> {
    ctx: Ctx<'a>,
    theme: &'a Theme,
}

impl<'a> Renderer<'a> {
    pub fn new(
        handbook: &'a Handbook,
        index: &'a Index<'a>,
        sources: &'a Sources,
        theme: &'a Theme,
        options: Options,
        scope: Scope,
    ) -> Result<Self, Vec<Diagnostic>> {
        let main = handbook
            .main
            .as_ref()
            .ok_or_else(|| vec![Diagnostic::error("handbook.yaml did not load")])?;
        let base_url = options
            .base_url
            .or_else(|| main.base_url.as_ref().map(|b| b.value.clone()));
        let ctx = Ctx {
            handbook,
            main,
            index,
            sources,
            backlinks: match scope {
                Scope::Site => Backlinks::new(handbook, index),
                Scope::Documents => Backlinks::default(),
            },
            strings: strings::strings(main.language),
            today: options.today,
            base_url,
            names: context::names(handbook, main),
            messages: MessageTemplates::new(main).0,
        };
        Ok(Renderer { ctx, theme })
    }

    /// The whole site, or the template errors that stopped it.
    pub fn site(&self) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
        let handbook = self.ctx.handbook;
        let mut files = self.pages(&jobs(handbook))?;
        files.extend(self.whole_handbook(&files)?);
        for s in &handbook.suppliers {
            files.push(bytes(
                format!("suppliers/{}.vcf", s.id),
                vcard::supplier_cards(s, self.ctx.t("hours")).into_bytes(),
            ));
        }
        files.extend(
            self.theme
                .assets
                .iter()
                .map(|(path, data)| bytes(path.clone(), data.clone())),
        );
        let generated: std::collections::HashSet<String> = files.iter().map(|f| f.path.clone()).collect();
        files.extend(
            handbook
                .static_files
                .iter()
                .filter(|s| !generated.contains(&s.path))
                .map(|s| OutputFile {
                    path: s.path.clone(),
                    contents: Contents::Copy(s.source.clone()),
                }),
        );
        Ok(files)
    }

    /// The pages of these documents (playbooks and pages) alone.
    pub fn documents(&self, which: &[(Kind, &str)]) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
        let handbook = self.ctx.handbook;
        let jobs: Vec<Job> = which
            .iter()
            .filter_map(|(kind, id)| {
                let docs = if *kind == Kind::Page {
                    &handbook.pages
                } else {
                    &handbook.playbooks
                };
                docs.iter()
                    .find(|d| d.id.as_str() == *id)
                    .map(|d| Job::Doc(*kind, d))
            })
            .collect();
        self.pages(&jobs)
    }

    /// [`WHOLE_HANDBOOK`]: `print.html` bound from `pages` (every page of the site), the
    /// search index and `handbook.json`.
    pub fn whole_handbook(&self, pages: &[OutputFile]) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
        let print = print_document(&self.ctx, self.theme, pages).map_err(|e| vec![e])?;
        let search = bytes(
            "search-index.js".into(),
            search::index_script(&search::entries(&self.ctx)).into_bytes(),
        );
        let json = serde_json::to_vec_pretty(self.ctx.handbook).expect("the model serializes to JSON");
        Ok(vec![print, search, bytes("handbook.json".into(), json)])
    }

    fn pages(&self, jobs: &[Job]) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
        let results: Vec<Result<OutputFile, Diagnostic>> = jobs
            .par_iter()
            .map(|job| render_page(&self.ctx, self.theme, job))
            .collect();
        let (pages, errors): (Vec<_>, Vec<_>) = results.into_iter().partition(Result::is_ok);
        if errors.is_empty() {
            Ok(pages.into_iter().filter_map(Result::ok).collect())
        } else {
            Err(errors.into_iter().filter_map(Result::err).collect())
        }
    }
}

/// `print.html`, from the pages already rendered: cover, contents, then every section.
fn print_document(ctx: &Ctx, theme: &Theme, pages: &[OutputFile]) -> Result<OutputFile, Diagnostic> {
    let rendered: HashMap<&str, &str> = pages
        .iter()
        .filter_map(|f| match &f.contents {
            Contents::Bytes(b) => std::str::from_utf8(b).ok().map(|text| (f.path.as_str(), text)),
            Contents::Copy(_) => None,
        })
        .collect();
    let handbook = ctx.handbook;
    let mut order: Vec<(String, String)> = vec![
        ("index.html".into(), ctx.t("start_here").into()),
        ("contacts.html".into(), ctx.t("contacts").into()),
        ("roles.html".into(), ctx.t("roles").into()),
    ];
    order.extend(
        handbook
            .plans
            .iter()
            .map(|p| (plan::path(p.id.as_str()), p.title.clone())),
    );
    let mut playbooks: Vec<_> = handbook.playbooks.iter().collect();
    playbooks.sort_by(|a, b| a.front.sort_key().cmp(&b.front.sort_key()));
    order.extend(
        playbooks
            .iter()
            .map(|d| (doc::path(Kind::Playbook, d.id.as_str()), d.front.title.clone())),
    );
    let mut suppliers: Vec<_> = handbook.suppliers.iter().collect();
    suppliers.sort_by_key(|s| s.tier.value);
    order.extend(
        suppliers
            .iter()
            .map(|s| (supplier::path(s.id.as_str()), s.name.clone())),
    );
    order.push(("obligations.html".into(), ctx.t("obligations").into()));
    order.push(("messages.html".into(), ctx.t("messages").into()));
    let mut pages: Vec<_> = handbook.pages.iter().collect();
    pages.sort_by(|a, b| a.front.sort_key().cmp(&b.front.sort_key()));
    order.extend(
        pages
            .iter()
            .map(|d| (doc::path(Kind::Page, d.id.as_str()), d.front.title.clone())),
    );
    order.push((forms::INCIDENT_LOG.into(), ctx.t("incident_log").into()));
    order.push((forms::CHAIN_OF_CUSTODY.into(), ctx.t("chain_of_custody").into()));
    let sections = binder::sections(&order, &rendered);
    let spec = Spec::top("print.html", ctx.main.title.clone(), "");
    Page { ctx, theme }.emit(spec, PrintPage { sections })
}

#[derive(Serialize)]
struct PrintPage {
    sections: Vec<binder::Section>,
}

fn bytes(path: String, data: Vec<u8>) -> OutputFile {
    OutputFile {
        path,
        contents: Contents::Bytes(data.into()),
    }
}

/// A page to render.
enum Job<'a> {
    Home,
    Suppliers,
    Supplier(&'a crate::model::Record<crate::model::Supplier>),
    Plan(&'a crate::model::Record<crate::model::Plan>),
    Doc(Kind, &'a crate::model::Record<crate::model::Doc>),
    Roles,
    Contacts,
    Search,
    NotFound,
    Obligations,
    Messages,
    IncidentLog,
    ChainOfCustody,
}

fn jobs(handbook: &Handbook) -> Vec<Job<'_>> {
    let mut jobs = vec![
        Job::Home,
        Job::Suppliers,
        Job::Roles,
        Job::Contacts,
        Job::Search,
        Job::NotFound,
        Job::Obligations,
        Job::Messages,
        Job::IncidentLog,
        Job::ChainOfCustody,
    ];
    jobs.extend(handbook.suppliers.iter().map(Job::Supplier));
    jobs.extend(handbook.plans.iter().map(Job::Plan));
    jobs.extend(handbook.playbooks.iter().map(|d| Job::Doc(Kind::Playbook, d)));
    jobs.extend(handbook.pages.iter().map(|d| Job::Doc(Kind::Page, d)));
    jobs
}

#[derive(Serialize)]
struct PageContext<'a, P: Serialize> {
    layout: Layout<'a>,
    page: P,
}

/// Which template renders a page, where it goes, its title and its navigation entry.
struct Spec {
    template: &'static str,
    path: String,
    title: String,
    nav: &'static str,
    /// Printed across the paper (wide forms).
    landscape: bool,
}

impl Spec {
    /// A portrait page at `path`.
    fn at(
        template: &'static str,
        path: impl Into<String>,
        title: impl Into<String>,
        nav: &'static str,
    ) -> Self {
        Spec {
            template,
            path: path.into(),
            title: title.into(),
            nav,
            landscape: false,
        }
    }

    /// A page whose output path is its template's name.
    fn top(template: &'static str, title: impl Into<String>, nav: &'static str) -> Self {
        Spec::at(template, template, title, nav)
    }

    fn landscape(self) -> Self {
        Spec {
            landscape: true,
            ..self
        }
    }
}

fn render_page(ctx: &Ctx, theme: &Theme, job: &Job) -> Result<OutputFile, Diagnostic> {
    let page = Page { ctx, theme };
    match job {
        Job::Home => page.emit(
            Spec::top("index.html", ctx.main.title.clone(), "home"),
            home::view(ctx),
        ),
        Job::Suppliers => page.emit(
            Spec::top("suppliers.html", ctx.t("suppliers"), "suppliers"),
            directory::suppliers(ctx),
        ),
        Job::Roles => page.emit(
            Spec::top("roles.html", ctx.t("roles"), "roles"),
            directory::roles(ctx),
        ),
        Job::Contacts => page.emit(
            Spec::top("contacts.html", ctx.t("contacts"), "contacts"),
            directory::contacts(ctx),
        ),
        Job::Search => page.emit(
            Spec::top("search.html", ctx.t("search"), "search"),
            search::page(ctx),
        ),
        Job::NotFound => page.emit(Spec::top("404.html", ctx.t("not_found"), ""), ()),
        Job::Obligations => page.emit(
            Spec::top("obligations.html", ctx.t("obligations"), "contacts"),
            directory::obligations(ctx),
        ),
        Job::Messages => page.emit(
            Spec::top("messages.html", ctx.t("messages"), "contacts"),
            messages::view(ctx),
        ),
        Job::IncidentLog => {
            let spec = Spec::at(
                "incident-log.html",
                forms::INCIDENT_LOG,
                ctx.t("incident_log"),
                "",
            );
            page.emit(spec, forms::form(forms::INCIDENT_LOG_ROWS))
        }
        Job::ChainOfCustody => {
            let spec = Spec::at(
                "chain-of-custody.html",
                forms::CHAIN_OF_CUSTODY,
                ctx.t("chain_of_custody"),
                "",
            )
            .landscape();
            page.emit(spec, forms::form(forms::CUSTODY_ROWS))
        }
        Job::Supplier(s) => {
            let spec = Spec::at(
                "supplier.html",
                supplier::path(s.id.as_str()),
                s.name.clone(),
                "suppliers",
            );
            page.emit(spec, supplier::view(ctx, s))
        }
        Job::Plan(p) => {
            let spec = Spec::at("plan.html", plan::path(p.id.as_str()), p.title.clone(), "plans");
            page.emit(spec, plan::view(ctx, p))
        }
        Job::Doc(kind, d) => {
            let nav = if *kind == Kind::Playbook { "playbooks" } else { "" };
            let spec = Spec::at(
                "doc.html",
                doc::path(*kind, d.id.as_str()),
                d.front.title.clone(),
                nav,
            );
            page.emit(spec, doc::view(ctx, *kind, d))
        }
    }
}

/// Renders page views with the theme.
struct Page<'c, 'a> {
    ctx: &'c Ctx<'a>,
    theme: &'c Theme,
}

impl Page<'_, '_> {
    fn emit<P: Serialize>(&self, spec: Spec, page: P) -> Result<OutputFile, Diagnostic> {
        let context = PageContext {
            layout: self.ctx.layout(&spec.path, spec.title, spec.nav, spec.landscape),
            page,
        };
        let context = tera::Context::from_serialize(&context)
            .map_err(|e| Diagnostic::error(format!("template data: {e}")))?;
        let html = self.theme.render(spec.template, &context)?;
        Ok(bytes(spec.path, html.into_bytes()))
    }
}
