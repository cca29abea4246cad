//! Model -> the whole site as in-memory files. Pure: reads nothing from disk (static files are
//! named, not read), pages rendered in parallel.

mod binder;
mod bound;
mod calendar;
mod context;
mod html;
mod incident;
mod lists;
mod offline;
mod pages;
mod paper;
mod parts;
mod print;
mod qr;
mod search_index;
mod service_worker;
mod sink;
mod strings;
pub mod theme;
pub mod urls;
mod vcard;
mod words;

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use serde::Serialize;

use crate::diag::Diagnostic;
use crate::model::{Date, Handbook, Kind, Object, Shown, SitePage};
use crate::resolve::Resolved;
use crate::source::Sources;
use bound::Binding;
use context::Ctx;
use pages::{directory, doc, forms, home, messages, party, plan, programme, search, sections, supplier};
use rustc_hash::FxHashSet;
use sink::Digesting;
pub use sink::{Collect, Sink, Stopped, Stored};
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

/// The files made from the whole handbook, beside the pages or after them: when one document
/// changes, these change with it (and the search index's shards, [`is_whole_handbook`]).
/// `sw.js` lists and hashes every other file, so it is made last of all.
pub const WHOLE_HANDBOOK: [&str; 5] = [
    "print.html",
    "search-index.js",
    "handbook.json",
    offline::PATH,
    service_worker::PATH,
];

/// Whether the file at `path` is made from the whole handbook: one of [`WHOLE_HANDBOOK`] or a
/// shard of the search index (as many as the handbook needs).
pub fn is_whole_handbook(path: &str) -> bool {
    WHOLE_HANDBOOK.contains(&path) || path.starts_with(crate::model::SEARCH_SHARDS)
}

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
            .or_else(|| main.base_url.as_ref().map(|b| b.to_string()));
        let strings = theme.strings(main.language.code());
        let words = |key: &str| strings.get(key).copied().unwrap_or("").to_string();
        let lists = lists::Lists::new(handbook, &words);
        let ctx = Ctx {
            handbook,
            main,
            index: &resolved.index,
            sources,
            backlinks: &resolved.backlinks,
            strings,
            today: options.today,
            base_url,
            messages,
            lists,
            shared_layout: tera::Map::default(),
        }
        .with_shared_layout()
        .map_err(|e| vec![Diagnostic::error(format!("template data: {e}"))])?;
        Ok(Renderer { ctx, theme })
    }

    /// The whole site in memory, or the template errors that stopped it.
    pub fn site(&self) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
        let collect = Collect::default();
        self.site_into(&collect)?;
        Ok(collect.into_files())
    }

    /// The whole site into `sink`, each page as soon as it is rendered, then the files made
    /// from the whole handbook; how many pages (`.html` files) it has. On `Err`, the template
    /// errors that stopped it; none when the sink stopped (it knows why).
    pub fn site_into(&self, sink: &dyn Sink) -> Result<usize, Vec<Diagnostic>> {
        let handbook = self.ctx.handbook;
        let mut jobs: Vec<Job> = SitePage::ALL
            .into_iter()
            .filter(|p| p.is_written(handbook))
            .flat_map(|p| (0..self.ctx.lists.page_count(p)).map(move |n| Job::Site(p, n)))
            .collect();
        for kind in Kind::ALL {
            if let Shown::OwnPage { .. } = kind.spec().shown {
                jobs.extend(handbook.objects(kind).into_iter().map(Job::Object));
            }
        }
        let mut small = vcard::cards(&self.ctx);
        small.extend(
            self.theme
                .assets
                .iter()
                .map(|(path, data)| bytes(path.clone(), data.clone())),
        );
        let mut paths: Vec<String> = jobs.iter().map(Job::path).collect();
        paths.extend(small.iter().map(|f| f.path.clone()));
        paths.push(calendar::PATH.into());
        let generated: std::collections::HashSet<&str> = paths.iter().map(String::as_str).collect();
        let statics: Vec<OutputFile> = handbook
            .static_files
            .iter()
            .filter(|s| !generated.contains(s.path.as_str()) && !is_whole_handbook(&s.path))
            .map(|s| OutputFile {
                path: s.path.clone(),
                contents: Contents::Copy(s.source.clone()),
            })
            .collect();
        paths.extend(statics.iter().map(|f| f.path.clone()));
        paths.extend(WHOLE_HANDBOOK.map(String::from));
        let pages = paths.iter().filter(|p| p.ends_with(".html")).count();

        let sink = Digesting::new(sink);
        sink.plan(&paths).map_err(stopped)?;
        let planned: FxHashSet<&str> = paths.iter().map(String::as_str).collect();
        let orders = bound::Orders::new(&self.ctx);
        let stop = AtomicBool::new(false);
        // What needs no page is made on one thread while the others render the pages: the
        // search index, what print.html and the offline file are but their pages, handbook.json,
        // the calendar and the small files.
        let (results, beside) = rayon::join(
            || -> Vec<Result<(), Option<Diagnostic>>> {
                jobs.par_iter()
                    .map(|job| {
                        if stop.load(Ordering::Relaxed) {
                            return Err(None);
                        }
                        let page = render_page(&self.ctx, self.theme, job).map_err(Some)?;
                        sink.put(page).map_err(|Stopped| {
                            stop.store(true, Ordering::Relaxed);
                            None
                        })
                    })
                    .collect()
            },
            || {
                let beside = self.search_into(&sink, &orders).and_then(|inline_index| {
                    let exists = |path: &str| planned.contains(path);
                    let binding = Binding::new(&self.ctx, self.theme, &orders, exists, inline_index)?;
                    self.json_into(&sink)?;
                    sink.put(calendar::file(&self.ctx)).map_err(stopped)?;
                    for file in small.into_iter().chain(statics) {
                        sink.put(file).map_err(stopped)?;
                    }
                    Ok(binding)
                });
                // A failed write stops the pages. A template error of print.html or the offline
                // file does not: the pages' own errors come first, as when those files were
                // made after the pages.
                if beside.as_ref().is_err_and(Vec::is_empty) {
                    stop.store(true, Ordering::Relaxed);
                }
                beside
            },
        );
        if stop.into_inner() {
            return Err(beside.err().unwrap_or_default());
        }
        let errors: Vec<Diagnostic> = results.into_iter().filter_map(Result::err).flatten().collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        beside?.write(&sink)?;
        sink.put(service_worker::file(sink.digests())).map_err(stopped)?;
        Ok(pages)
    }

    /// The pages of these documents (playbooks and pages) alone.
    pub fn documents(&self, which: &[(Kind, &str)]) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
        let jobs: Vec<Job> = which
            .iter()
            .filter_map(|(kind, id)| self.ctx.index.object(*kind, id).map(Job::Object))
            .collect();
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

    /// The files made from the whole handbook ([`is_whole_handbook`]) from `files`, every other
    /// file of the site (any older copies of these in it are passed over).
    pub fn whole_handbook(&self, files: &[OutputFile]) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
        let others: Vec<&OutputFile> = files.iter().filter(|f| !is_whole_handbook(&f.path)).collect();
        let collect = Collect::with(others.iter().map(|f| (*f).clone()));
        let sink = Digesting::new(&collect).already(&others);
        let orders = bound::Orders::new(&self.ctx);
        let inline_index = self.search_into(&sink, &orders)?;
        let exists = |path: &str| sink.has(path);
        let binding = Binding::new(&self.ctx, self.theme, &orders, exists, inline_index)?;
        let (bound, json) = rayon::join(|| binding.write(&sink), || self.json_into(&sink));
        bound?;
        json?;
        sink.put(service_worker::file(sink.digests())).map_err(stopped)?;
        Ok(collect
            .into_files()
            .into_iter()
            .filter(|f| is_whole_handbook(&f.path))
            .collect())
    }

    /// Into `sink`: the search index and its shards (planned here, since their number is known
    /// only now); returned, the same index inline for the offline file, whose pages are in
    /// `orders`.
    fn search_into(&self, sink: &Digesting, orders: &bound::Orders) -> Result<String, Vec<Diagnostic>> {
        let entries = search::entries(&self.ctx);
        let terms = search_index::terms(&entries);
        let included = binder::included(orders.offline());
        let offline_urls = entries
            .iter()
            .map(|entry| binder::link(&entry.url, "index.html", &included))
            .collect();
        let index = search_index::Indexes::new(&terms, &entries, offline_urls);
        sink.plan(&index.paths()).map_err(stopped)?;
        sink.put(bytes("search-index.js".into(), index.dictionary().into_bytes()))
            .map_err(stopped)?;
        index
            .write(|path, script| sink.put(bytes(path, script.into_bytes())))
            .map_err(stopped)
    }

    /// `handbook.json` into `sink`: the whole handbook as data.
    fn json_into(&self, sink: &dyn Sink) -> Result<(), Vec<Diagnostic>> {
        sink.put_with("handbook.json", &mut |out| {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
            serde_json::to_writer_pretty(&mut out, self.ctx.handbook)?;
            out.flush()
        })
        .map_err(stopped)
    }
}

/// Rendering stopped because the sink did: the sink reports why.
fn stopped(_: Stopped) -> Vec<Diagnostic> {
    Vec::new()
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
    /// A site page; of a list page, its page number (from 0).
    Site(SitePage, usize),
    Object(Object<'a>),
}

impl Job<'_> {
    /// Where the page goes.
    fn path(&self) -> String {
        match self {
            Job::Site(page, n) => page.list_page(*n),
            Job::Object(object) => object.kind().target(object.id()).0,
        }
    }
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
        Job::Site(site_page, number) => site(page, site_page, number),
        Job::Object(object) => own_page(page, object),
    }
}

fn site(page: Page, which: SitePage, number: usize) -> Result<OutputFile, Diagnostic> {
    let ctx = page.ctx;
    let (_, template, title, nav) = which.spec();
    let pages = ctx.lists.page_count(which);
    let title = match pages {
        1 => ctx.t(title).to_string(),
        _ => format!(
            "{} ({} {} {} {pages})",
            ctx.t(title),
            ctx.t("page"),
            number + 1,
            ctx.t("of")
        ),
    };
    let spec = Spec::at(template, which.list_page(number), title, nav);
    match which {
        SitePage::Home => page.emit(
            Spec::top("index.html", ctx.main.title.clone(), nav),
            home::view(ctx),
        ),
        SitePage::Suppliers => page.emit(spec, directory::suppliers(ctx, number)),
        SitePage::Parties => page.emit(spec, party::directory(ctx, number)),
        SitePage::Plans => page.emit(spec, sections::plans(ctx, number)),
        SitePage::Playbooks => page.emit(spec, sections::docs(ctx, Kind::Playbook, number)),
        SitePage::Pages => page.emit(spec, sections::docs(ctx, Kind::Page, number)),
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
        Job::Object(object).path(),
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
        let path = spec.path.clone();
        Ok(bytes(path, self.html(spec, &page)?.into_bytes()))
    }

    /// The page as HTML.
    fn html<P: Serialize>(&self, spec: Spec, page: &P) -> Result<String, Diagnostic> {
        let layout = self.ctx.layout(&spec.path, spec.title, spec.nav, spec.landscape);
        let context = self
            .ctx
            .template_data(&layout, page)
            .map_err(|e| Diagnostic::error(format!("template data: {e}")))?;
        self.theme.render(spec.template, &context)
    }
}
