//! Model -> the whole site as in-memory files. Pure: reads nothing from disk (static files are
//! named, not read), pages rendered in parallel.

mod binder;
mod calendar;
mod context;
mod html;
mod incident;
mod offline;
mod pages;
mod paper;
mod print;
mod qr;
mod service_worker;
mod strings;
pub mod theme;
pub mod urls;
mod vcard;
mod words;

use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::diag::Diagnostic;
use crate::model::{Date, Handbook, Kind, Object, Shown, SitePage};
use crate::resolve::Resolved;
use crate::source::Sources;
use context::Ctx;
use pages::{directory, doc, forms, home, messages, party, plan, programme, search, supplier};
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
/// `sw.js` lists and hashes every other file, so it is made last of all.
pub const WHOLE_HANDBOOK: [&str; 5] = [
    "print.html",
    "search-index.js",
    "handbook.json",
    offline::PATH,
    service_worker::PATH,
];

/// A site being rendered: what every page reads, and the theme.
pub struct Renderer<'a> {
    ctx: Ctx<'a>,
    theme: &'a Theme,
}

impl<'a> Renderer<'a> {
    pub fn new(
        handbook: &'a Handbook,
        resolved: &'a Resolved<'a>,
        sources: &'a Sources,
        theme: &'a Theme,
        options: Options,
    ) -> Result<Self, Vec<Diagnostic>> {
        let (Some(main), Some(messages)) = (handbook.main.as_ref(), resolved.messages.as_ref()) else {
            return Err(vec![Diagnostic::error("handbook.yaml did not load")]);
        };
        let base_url = options
            .base_url
            .or_else(|| main.base_url.as_ref().map(|b| b.value.clone()));
        let ctx = Ctx {
            handbook,
            main,
            index: &resolved.index,
            sources,
            backlinks: &resolved.backlinks,
            strings: theme.strings(main.language.code()),
            today: options.today,
            base_url,
            messages,
            shared_layout: tera::Map::default(),
        }
        .with_shared_layout()
        .map_err(|e| vec![Diagnostic::error(format!("template data: {e}"))])?;
        Ok(Renderer { ctx, theme })
    }

    /// The whole site, or the template errors that stopped it.
    pub fn site(&self) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
        let handbook = self.ctx.handbook;
        let mut jobs: Vec<Job> = SitePage::ALL
            .into_iter()
            .filter(|p| p.is_written(handbook))
            .map(Job::Site)
            .collect();
        for kind in Kind::ALL {
            if let Shown::OwnPage { .. } = kind.spec().shown {
                jobs.extend(handbook.objects(kind).into_iter().map(Job::Object));
            }
        }
        let mut files = self.pages(&jobs)?;
        files.extend(vcard::cards(&self.ctx));
        files.push(calendar::file(&self.ctx));
        files.extend(
            self.theme
                .assets
                .iter()
                .map(|(path, data)| bytes(path.clone(), data.clone())),
        );
        let generated: std::collections::HashSet<String> = files
            .iter()
            .map(|f| f.path.clone())
            .chain(WHOLE_HANDBOOK.map(String::from))
            .collect();
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
        let whole = self.whole_handbook(&files)?;
        files.extend(whole);
        Ok(files)
    }

    /// The pages of these documents (playbooks and pages) alone.
    pub fn documents(&self, which: &[(Kind, &str)]) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
        let jobs: Vec<Job> = which
            .iter()
            .filter_map(|(kind, id)| self.ctx.index.object(*kind, id).map(Job::Object))
            .collect();
        self.pages(&jobs)
    }

    /// [`WHOLE_HANDBOOK`] from `files`, every other file of the site (any older copies of these
    /// in it are passed over): `print.html` and `handbook-offline.html` bound from the pages,
    /// the search index, `handbook.json`, and last `sw.js`, which lists them all.
    pub fn whole_handbook(&self, files: &[OutputFile]) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
        let others: Vec<&OutputFile> = files
            .iter()
            .filter(|f| !WHOLE_HANDBOOK.contains(&f.path.as_str()))
            .collect();
        let print = print::document(&self.ctx, self.theme, files).map_err(|e| vec![e])?;
        let offline = offline::document(&self.ctx, self.theme, files).map_err(|e| vec![e])?;
        let search = bytes(
            "search-index.js".into(),
            search::index_script(&search::entries(&self.ctx)).into_bytes(),
        );
        let json = serde_json::to_vec_pretty(self.ctx.handbook).expect("the model serializes to JSON");
        let mut whole = vec![print, search, bytes("handbook.json".into(), json), offline];
        let worker = service_worker::file(&others.into_iter().chain(whole.iter()).collect::<Vec<_>>());
        whole.push(worker);
        Ok(whole)
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

fn bytes(path: String, data: Vec<u8>) -> OutputFile {
    OutputFile {
        path,
        contents: Contents::Bytes(data.into()),
    }
}

/// A page to render: a page of the site's own, or an object's page.
#[derive(Clone, Copy)]
enum Job<'a> {
    Site(SitePage),
    Object(Object<'a>),
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
    match *job {
        Job::Site(site_page) => site(page, site_page),
        Job::Object(object) => own_page(page, object),
    }
}

fn site(page: Page, which: SitePage) -> Result<OutputFile, Diagnostic> {
    let ctx = page.ctx;
    let (path, template, title, nav) = which.spec();
    let spec = Spec::at(template, path, ctx.t(title), nav);
    match which {
        SitePage::Home => page.emit(
            Spec::top("index.html", ctx.main.title.clone(), nav),
            home::view(ctx),
        ),
        SitePage::Suppliers => page.emit(spec, directory::suppliers(ctx)),
        SitePage::Parties => page.emit(spec, party::directory(ctx)),
        SitePage::Roles => page.emit(spec, directory::roles(ctx)),
        SitePage::Contacts => page.emit(spec, directory::contacts(ctx)),
        SitePage::Communication => page.emit(spec, programme::communication(ctx)),
        SitePage::Systems => page.emit(spec, programme::systems(ctx)),
        SitePage::Search => page.emit(spec, search::page(ctx)),
        SitePage::NotFound => page.emit(spec, ()),
        SitePage::Obligations => page.emit(spec, directory::obligations(ctx)),
        SitePage::Messages => page.emit(spec, messages::view(ctx)),
        SitePage::IncidentLog => page.emit(spec, forms::form(forms::INCIDENT_LOG_ROWS)),
        SitePage::ChainOfCustody => page.emit(spec.landscape(), forms::form(forms::CUSTODY_ROWS)),
    }
}

/// An object's own page, where its kind has one.
fn own_page(page: Page, object: Object) -> Result<OutputFile, Diagnostic> {
    let ctx = page.ctx;
    let kind = object.kind();
    let Shown::OwnPage { template, .. } = kind.spec().shown else {
        return Err(Diagnostic::error(format!(
            "a {} has no page of its own",
            kind.name()
        )));
    };
    let spec = Spec::at(
        template,
        kind.target(object.id()).0,
        object.name(),
        kind.spec().nav,
    );
    match object {
        Object::Supplier(s) => page.emit(spec, supplier::view(ctx, s)),
        Object::Party(p) => page.emit(spec, party::view(ctx, p)),
        Object::Plan(p) => page.emit(spec, plan::view(ctx, p)),
        Object::Playbook(d) | Object::Page(d) => page.emit(spec, doc::view(ctx, kind, d)),
        Object::Form(f) => page.emit(spec, forms::own(ctx, f)),
        Object::Severity(_)
        | Object::Role(_)
        | Object::Obligation(_)
        | Object::Message(_)
        | Object::Stakeholder(_)
        | Object::System(_) => Err(Diagnostic::error(format!(
            "a {} has no page of its own",
            kind.name()
        ))),
    }
}

/// Renders page views with the theme.
struct Page<'c, 'a> {
    ctx: &'c Ctx<'a>,
    theme: &'c Theme,
}

impl Page<'_, '_> {
    fn emit<P: Serialize>(&self, spec: Spec, page: P) -> Result<OutputFile, Diagnostic> {
        let layout = self.ctx.layout(&spec.path, spec.title, spec.nav, spec.landscape);
        let context = self
            .ctx
            .template_data(&layout, &page)
            .map_err(|e| Diagnostic::error(format!("template data: {e}")))?;
        let html = self.theme.render(spec.template, &context)?;
        Ok(bytes(spec.path, html.into_bytes()))
    }
}
