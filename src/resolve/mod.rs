//! References, links and warnings: checks the loaded model against itself and reports every
//! unknown id, broken link, structural gap and stale or risky entry.

mod backlinks;
mod content;
mod example_data;
mod index;
mod links;
mod main_file;
mod messages;
mod programme;
mod programme_warnings;
mod reach;
mod sandbox;
mod warnings;

pub use backlinks::{Backlinks, StepRef};
pub use index::Index;
pub use links::{LinkTarget, classify, join_relative};
pub use main_file::is_absolute_url;
pub use messages::MessageTemplates;

use crate::diag::Diagnostic;
use crate::model::{Date, Handbook};
use crate::source::{FileId, Sources};

/// What the resolver hands on: the index of objects and anchors, who names whom, the
/// compiled message templates, and the problems it found.
pub struct Resolved<'a> {
    pub index: Index<'a>,
    pub backlinks: Backlinks<'a>,
    /// `None` when handbook.yaml did not load.
    pub messages: Option<MessageTemplates>,
    pub diagnostics: Vec<Diagnostic>,
}

/// What a run of the resolver is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Its problems alone: who names whom ([`Backlinks`], for the pages) is left empty.
    Check,
    /// Its problems, and all that rendering needs.
    Render,
}

/// Checks everything; `today` decides what is stale or expired.
pub fn resolve<'a>(
    handbook: &'a Handbook,
    sources: &'a Sources,
    today: Date,
    purpose: Purpose,
) -> Resolved<'a> {
    let index = Index::new(handbook, |file| sources.get(file).path.as_str());
    let checker = || Checker {
        index: &index,
        sources,
        out: Vec::new(),
    };
    // Two halves of about the same work on two threads; their problems in this order, as if
    // checked one after the other.
    let ((references, messages), (mut risks, backlinks)) = rayon::join(
        || {
            let mut checker = checker();
            let mut messages = None;
            if let Some(main) = &handbook.main {
                main_file::check(&mut checker, main);
                programme::check_main(&mut checker, main);
                messages = Some(messages::check(&mut checker, main, &handbook.suppliers));
            }
            content::check(&mut checker, handbook);
            reach::check(&mut checker, handbook);
            links::check(&mut checker, handbook);
            (checker.out, messages)
        },
        || {
            let mut checker = checker();
            warnings::check(&mut checker, handbook, today);
            programme_warnings::check(&mut checker, handbook, today);
            example_data::check(&mut checker, handbook);
            let backlinks = match purpose {
                Purpose::Check => Backlinks::default(),
                Purpose::Render => Backlinks::new(handbook, &index),
            };
            (checker.out, backlinks)
        },
    );
    let mut diagnostics = references;
    diagnostics.append(&mut risks);
    Resolved {
        index,
        backlinks,
        messages,
        diagnostics,
    }
}

/// Checks again after only the bodies of the documents read from `bodies` changed (their
/// front matter, headings and link targets as before): the links of those bodies are checked
/// anew; every other problem is as `previous`, what the last check found.
pub fn resolve_bodies<'a>(
    handbook: &'a Handbook,
    sources: &'a Sources,
    previous: &[Diagnostic],
    bodies: &std::collections::HashSet<FileId>,
) -> Resolved<'a> {
    let index = Index::new(handbook, |file| sources.get(file).path.as_str());
    let body_start = |file: FileId| {
        handbook
            .playbooks
            .iter()
            .chain(&handbook.pages)
            .find(|d| d.file == file)
            .map(|d| d.body.file_offset(0))
    };
    let starts: std::collections::HashMap<FileId, usize> = bodies
        .iter()
        .filter_map(|f| Some((*f, body_start(*f)?)))
        .collect();
    let in_changed_body = |d: &Diagnostic| {
        d.location.as_ref().is_some_and(|l| {
            starts
                .get(&l.file)
                .is_some_and(|start| l.span.as_ref().is_some_and(|s| s.start >= *start))
        })
    };
    let mut checker = Checker {
        index: &index,
        sources,
        out: previous.iter().filter(|d| !in_changed_body(d)).cloned().collect(),
    };
    links::check_bodies(&mut checker, handbook, bodies);
    example_data::check_bodies(&mut checker, handbook, bodies);
    let diagnostics = checker.out;
    let backlinks = Backlinks::new(handbook, &index);
    Resolved {
        index,
        backlinks,
        messages: handbook.main.as_ref().map(|main| MessageTemplates::new(main).0),
        diagnostics,
    }
}

/// What rendering needs of the resolver when no check runs again (print.html, the search
/// index and handbook.json brought up to date after a preview).
pub fn for_rendering<'a>(handbook: &'a Handbook, sources: &'a Sources) -> Resolved<'a> {
    Resolved {
        index: Index::new(handbook, |file| sources.get(file).path.as_str()),
        backlinks: Backlinks::default(),
        messages: handbook.main.as_ref().map(|main| MessageTemplates::new(main).0),
        diagnostics: Vec::new(),
    }
}

/// What every check needs: the index to look ids up in, the sources for paths, and the list
/// problems go to.
struct Checker<'i, 'a> {
    index: &'i Index<'a>,
    sources: &'a Sources,
    out: Vec<Diagnostic>,
}

impl Checker<'_, '_> {
    fn push(&mut self, diagnostic: Diagnostic) {
        self.out.push(diagnostic);
    }

    /// Whether a list that loaded empty was written empty: recovery from an error inside it
    /// can cut out every item, and that is the error's doing, not a second problem.
    fn written_empty<T>(&self, file: FileId, list: &crate::model::Spanned<Vec<T>>) -> bool {
        let text = self.sources.get(file).text.get(list.span.clone()).unwrap_or("");
        // The span of an empty flow list `[]` covers its `[`.
        list.is_empty() && matches!(text.trim(), "" | "[" | "[]" | "~" | "null")
    }

    fn reference(&mut self, kind: crate::model::Kind, reference: &crate::model::Ref, file: FileId) {
        if let Some(d) = self.index.check(kind, reference, file) {
            self.out.push(d);
        }
    }
}
