//! `print.html` and `handbook-offline.html`, bound together from the pages already in the
//! sink: every page is read back once for both, and both files are written section by section
//! ([`parts`]). The offline file's pages are print's with the site's lists among them, in the
//! same order, so one pass over them serves both. What needs no page (the two templates, the
//! inline search index) is made first, by [`Binding::new`], while the pages are rendered.

use std::io;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::context::Ctx;
use super::offline::{self, Offline};
use super::parts::{self, Document, Part};
use super::sink::{Digesting, Sink, Stopped};
use super::{Theme, binder, bytes, print, stopped};
use crate::diag::Diagnostic;

/// The pages each file binds, in order, as (path, title).
pub struct Orders {
    print: Vec<(String, String)>,
    offline: Vec<(String, String)>,
}

impl Orders {
    pub fn new(ctx: &Ctx) -> Self {
        let print = print::order(ctx);
        let offline = offline::order(ctx, &print);
        Orders { print, offline }
    }

    pub fn offline(&self) -> &[(String, String)] {
        &self.offline
    }
}

/// Both files but their pages' sections.
pub struct Binding<'a> {
    ctx: &'a Ctx<'a>,
    theme: &'a Theme,
    offline: Offline<'a>,
    print_included: binder::Included<'a>,
    /// The pages the offline file binds, and of those, the ones print binds too.
    pages: Vec<&'a (String, String)>,
    printed: Vec<&'a (String, String)>,
    in_print: Vec<bool>,
    /// Each file as its template made it with markers, where the template shows each section
    /// once and in order.
    print_doc: Option<Document>,
    offline_doc: Option<Document>,
}

impl<'a> Binding<'a> {
    /// For the pages of `orders` the site has (`exists`); `search_index` is the search index's
    /// script, inline in the offline file.
    pub fn new(
        ctx: &'a Ctx<'a>,
        theme: &'a Theme,
        orders: &'a Orders,
        exists: impl Fn(&str) -> bool,
        search_index: String,
    ) -> Result<Self, Vec<Diagnostic>> {
        let print_included = binder::included(&orders.print);
        let offline = Offline::new(ctx, theme, &orders.offline, search_index);
        let pages: Vec<&(String, String)> = orders.offline.iter().filter(|(p, _)| exists(p)).collect();
        let printed: Vec<&(String, String)> = orders.print.iter().filter(|(p, _)| exists(p)).collect();
        let place: FxHashMap<&str, usize> = pages
            .iter()
            .enumerate()
            .map(|(j, (p, _))| (p.as_str(), j))
            .collect();
        // Where each printed page is among `pages`: print binds from there too.
        let print_parts: Option<Vec<Part>> = printed
            .iter()
            .map(|(p, _)| place.get(p.as_str()).map(|&j| Part::Page(j)))
            .collect();
        let mut in_print = vec![false; pages.len()];
        for part in print_parts.iter().flatten() {
            if let Part::Page(j) = part {
                in_print[*j] = true;
            }
        }
        let print_doc = match print_parts {
            Some(parts) => Document::new(
                print::html(ctx, theme, &printed, parts::marker).map_err(|e| vec![e])?,
                parts,
            ),
            None => None,
        };
        let offline_parts = std::iter::once(Part::Text(offline.search_index.clone()))
            .chain((0..pages.len()).map(Part::Page))
            .collect();
        let offline_text = offline
            .html(&pages, |i| parts::marker(i + 1), parts::marker(0))
            .map_err(|e| vec![e])?;
        let offline_doc = Document::new(offline_text, offline_parts);
        Ok(Binding {
            ctx,
            theme,
            offline,
            print_included,
            pages,
            printed,
            in_print,
            print_doc,
            offline_doc,
        })
    }

    /// Both files into `sink`, which holds every page they bind.
    pub fn write(self, sink: &Digesting) -> Result<(), Vec<Diagnostic>> {
        let (pages, in_print) = (&self.pages, &self.in_print);
        // The sections of the page at `path`, for print if `print` and for the offline file if
        // `off`.
        let bind_path = |path: &str, print: bool, off: bool| {
            let page = sink.get(path);
            let html = page
                .as_deref()
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or("");
            match (print, off) {
                (true, true) => {
                    let (print, off) = self.offline.sections(path, html, &self.print_included);
                    (Some(print), Some(off))
                }
                (true, false) => (Some(binder::bind(path, html, &self.print_included)), None),
                (false, true) => (None, Some(self.offline.section(path, html))),
                (false, false) => (None, None),
            }
        };
        let bind = |j: usize, print: bool, off: bool| bind_path(&pages[j].0, print, off);
        match (&self.print_doc, &self.offline_doc) {
            (Some(print_doc), Some(offline_doc)) => sink
                .put_with(print::PATH, &mut |print_out| {
                    sink.put_with(offline::PATH, &mut |offline_out| {
                        parts::write(
                            &[print_doc, offline_doc],
                            &mut [print_out, offline_out],
                            pages.len(),
                            |j| {
                                let (print, off) = bind(j, in_print[j], true);
                                vec![print, off]
                            },
                        )
                    })
                    .map_err(|Stopped| io::Error::other("the offline file could not be written"))
                })
                .map_err(stopped),
            _ => {
                // A theme's template that does not show each section once: that file whole.
                match &self.print_doc {
                    Some(doc) => one(sink, print::PATH, doc, pages.len(), |j| {
                        bind(j, in_print[j], false).0
                    })?,
                    None => {
                        let sections: Vec<String> = self
                            .printed
                            .par_iter()
                            .map(|(p, _)| bind_path(p, true, false).0.unwrap_or_default())
                            .collect();
                        let text = print::html(self.ctx, self.theme, &self.printed, |i| sections[i].clone())
                            .map_err(|e| vec![e])?;
                        sink.put(bytes(print::PATH.into(), text.into_bytes()))
                            .map_err(stopped)?;
                    }
                }
                match &self.offline_doc {
                    Some(doc) => one(sink, offline::PATH, doc, pages.len(), |j| bind(j, false, true).1),
                    None => {
                        let sections: Vec<String> = (0..pages.len())
                            .into_par_iter()
                            .map(|j| bind(j, false, true).1.unwrap_or_default())
                            .collect();
                        let text = self
                            .offline
                            .html(
                                pages,
                                |i| sections[i].clone(),
                                self.offline.search_index.to_string(),
                            )
                            .map_err(|e| vec![e])?;
                        sink.put(bytes(offline::PATH.into(), text.into_bytes()))
                            .map_err(stopped)
                    }
                }
            }
        }
    }
}

/// One document written part by part, its pages bound by `bind`.
fn one(
    sink: &dyn Sink,
    path: &str,
    document: &Document,
    pages: usize,
    bind: impl Fn(usize) -> Option<String> + Sync,
) -> Result<(), Vec<Diagnostic>> {
    sink.put_with(path, &mut |out| {
        parts::write(&[document], &mut [out], pages, |j| vec![bind(j)])
    })
    .map_err(stopped)
}
