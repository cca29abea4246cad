//! The one way from a handbook's files to its site: load -> resolve -> render, in memory.
//! `check`, `build`, `serve` and `watch` all run it; the commands only print and write what it
//! hands back. Between two runs it keeps what it loaded and rendered, so that after a change
//! only the changed files are read again, and after an edit of a document's text only that
//! document's page is rendered again.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::{self, Loaded, NotAHandbook, Reloaded, Words};
use crate::model::{Date, Kind};
use crate::render::theme::ThemeFiles;
use crate::render::{self, OutputFile, Renderer, Sink, Theme};
use crate::resolve::{self, for_rendering, resolve, resolve_bodies};
use crate::source::Sources;

/// How far a run goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Goal {
    /// Load and resolve, and compile the theme: every problem, no site.
    Check,
    /// All of `Check`, then the whole site in memory when there is no error.
    Site,
    /// As `Site`, except that after an edit of documents' text alone the files made from the
    /// whole handbook (print.html, search, handbook.json) may be left as they were: the
    /// preview shows the edited page first and calls [`Pipeline::complete`] next.
    Preview,
}

/// What a run of the pipeline found and made.
pub struct Outcome<'p> {
    /// Every file read, for placing the diagnostics.
    pub sources: &'p Sources,
    /// Every problem, sorted by file and line.
    pub diagnostics: Diagnostics,
    /// Files of the handbook itself (the summary's count; templates are not counted).
    pub handbook_files: usize,
    /// The site, when the goal was to render and nothing stopped it.
    pub site: Option<Vec<OutputFile>>,
    /// [`Pipeline::write`]: the whole site went into the sink.
    pub written: bool,
    /// How many pages were rendered anew (all of them, or only the changed documents').
    pub rendered: usize,
    /// Time since the run started at the end of each step.
    pub timings: Vec<(&'static str, Duration)>,
}

/// A handbook on disk, the settings it is built with, and what the last run kept.
pub struct Pipeline {
    pub root: PathBuf,
    /// Overrides `base_url` of handbook.yaml (canonical links only).
    pub base_url: Option<String>,
    kept: Option<Kept>,
}

/// What one run leaves for the next.
struct Kept {
    loaded: Loaded,
    theme: Result<Theme, Vec<Diagnostic>>,
    handbook_files: usize,
    today: Date,
    /// What the last check found beyond loading; `None` before the first.
    checked: Option<Vec<Diagnostic>>,
    /// The last site rendered from `loaded`; `None` when `loaded` changed without a render.
    site: Option<Vec<OutputFile>>,
    /// The site's print.html, search index and handbook.json are older than its pages.
    stale_whole: bool,
}

impl Pipeline {
    pub fn new(root: &Path) -> Self {
        Pipeline {
            root: root.to_path_buf(),
            base_url: None,
            kept: None,
        }
    }

    /// Runs from scratch: everything is read from disk.
    pub fn run(&mut self, goal: Goal) -> Result<Outcome<'_>, NotAHandbook> {
        self.kept = None;
        self.run_after(goal, &[])
    }

    /// Runs from scratch as [`Goal::Site`], each file of the site put into `sink` as soon as it
    /// is made instead of kept: `build`, which holds no more of the site than the pages being
    /// rendered.
    pub fn write(&mut self, sink: &dyn Sink) -> Result<Outcome<'_>, NotAHandbook> {
        self.kept = None;
        self.run_inner(Goal::Site, &[], Some(sink))
    }

    /// Runs again after the files at `changed` (paths relative to the root) changed: where it
    /// can, only those are read again and only what they show is rendered again.
    pub fn run_after(&mut self, goal: Goal, changed: &[String]) -> Result<Outcome<'_>, NotAHandbook> {
        self.run_inner(goal, changed, None)
    }

    fn run_inner(
        &mut self,
        goal: Goal,
        changed: &[String],
        sink: Option<&dyn Sink>,
    ) -> Result<Outcome<'_>, NotAHandbook> {
        let started = Instant::now();
        let mut timings = Vec::new();
        let today = today();
        let words = match goal {
            Goal::Check => Words::Skipped,
            Goal::Site | Goal::Preview => Words::Kept,
        };
        let reloaded = self.reload(changed, today);
        let mut theme_files = None;
        if reloaded.is_none() {
            let (kept, files) = self.load_anew(today, words)?;
            self.kept = Some(kept);
            theme_files = Some(files);
        }
        let kept = self.kept.as_mut().expect("loaded");
        timings.push(("loaded", started.elapsed()));

        let bodies = reloaded
            .as_deref()
            .and_then(|r| r.iter().map(|r| r.body_only.then_some(r.file)).collect());
        let resolving = || match (&bodies, &kept.checked) {
            (Some(bodies), Some(previous)) => {
                resolve_bodies(&kept.loaded.handbook, &kept.loaded.sources, previous, bodies)
            }
            _ => {
                let purpose = match goal {
                    Goal::Check => resolve::Purpose::Check,
                    Goal::Site | Goal::Preview => resolve::Purpose::Render,
                };
                resolve(&kept.loaded.handbook, &kept.loaded.sources, today, purpose)
            }
        };
        // A theme read anew is compiled beside the resolver: two jobs of a few milliseconds
        // each, the largest part of a small handbook's check.
        let resolved = match theme_files {
            Some(files) => {
                let (theme, resolved) =
                    rayon::join(|| files.and_then(|f| f.compile(&kept.loaded.sources)), resolving);
                kept.theme = theme;
                resolved
            }
            None => resolving(),
        };
        kept.checked = Some(resolved.diagnostics.clone());
        let mut diagnostics = Diagnostics::default();
        diagnostics.extend(kept.loaded.diagnostics.iter().cloned());
        match &kept.theme {
            Ok(theme) => diagnostics.extend(theme.warnings.iter().cloned()),
            Err(problems) => diagnostics.extend(problems.iter().cloned()),
        }
        diagnostics.extend(resolved.diagnostics.iter().cloned());
        timings.push(("checked", started.elapsed()));

        let mut rendered = 0;
        let mut written = false;
        let site = match (goal, &kept.theme) {
            (Goal::Site | Goal::Preview, Ok(theme)) if diagnostics.errors() == 0 => {
                let options = render::Options {
                    today,
                    base_url: self.base_url.clone(),
                };
                let documents = reloaded
                    .as_deref()
                    .and_then(documents_only)
                    .filter(|_| kept.site.is_some());
                let result = Renderer::new(
                    &kept.loaded.handbook,
                    &resolved,
                    &kept.loaded.sources,
                    theme,
                    options,
                )
                .and_then(|renderer| {
                    if let Some(sink) = sink {
                        rendered = renderer.site_into(sink)?;
                        written = true;
                        kept.site = None;
                        return Ok(());
                    }
                    match (&mut kept.site, documents) {
                        (Some(site), Some(documents)) => {
                            let pages = renderer.documents(&documents)?;
                            rendered = pages.len();
                            replace(site, pages);
                            if goal == Goal::Site {
                                let whole = renderer.whole_handbook(site)?;
                                replace_whole(site, whole);
                                kept.stale_whole = false;
                            } else {
                                kept.stale_whole = true;
                            }
                        }
                        (site, _) => {
                            let all = renderer.site()?;
                            rendered = all.iter().filter(|f| f.path.ends_with(".html")).count();
                            *site = Some(all);
                            kept.stale_whole = false;
                        }
                    }
                    Ok(())
                });
                timings.push(("rendered", started.elapsed()));
                match result {
                    Ok(()) => kept.site.clone(),
                    Err(problems) => {
                        diagnostics.extend(problems);
                        kept.site = None;
                        None
                    }
                }
            }
            (Goal::Check | Goal::Site | Goal::Preview, _) => {
                kept.site = None;
                None
            }
        };
        diagnostics.sort(&kept.loaded.sources);
        Ok(Outcome {
            sources: &kept.loaded.sources,
            diagnostics,
            handbook_files: kept.handbook_files,
            site,
            written,
            rendered,
            timings,
        })
    }

    /// For the last run of a process: what it loaded and rendered is left to the operating
    /// system, which takes a process's memory back at once, instead of being freed one
    /// allocation at a time (20 ms of a 10,000-playbook `check`, all on one thread).
    pub fn end_of_process(self) {
        std::mem::forget(self);
    }

    /// Whether the last [`Goal::Preview`] run left print.html, search and handbook.json
    /// behind the pages ([`Pipeline::complete`] brings them up to date).
    pub fn is_behind(&self) -> bool {
        self.kept
            .as_ref()
            .is_some_and(|k| k.stale_whole && k.site.is_some())
    }

    /// After a [`Goal::Preview`] run that left them behind: print.html, the search index and
    /// handbook.json brought up to date, and the whole site returned. `None` when they were.
    pub fn complete(&mut self) -> Option<Vec<OutputFile>> {
        let kept = self.kept.as_mut().filter(|k| k.stale_whole)?;
        let theme = kept.theme.as_ref().ok()?;
        let site = kept.site.as_mut()?;
        let resolved = for_rendering(&kept.loaded.handbook, &kept.loaded.sources);
        let options = render::Options {
            today: kept.today,
            base_url: self.base_url.clone(),
        };
        let renderer = Renderer::new(
            &kept.loaded.handbook,
            &resolved,
            &kept.loaded.sources,
            theme,
            options,
        )
        .ok()?;
        let whole = renderer.whole_handbook(site).ok()?;
        replace_whole(site, whole);
        kept.stale_whole = false;
        Some(site.clone())
    }

    /// Reads only the changed files again, where that is enough.
    fn reload(&mut self, changed: &[String], today: Date) -> Option<Vec<Reloaded>> {
        let kept = self.kept.as_mut().filter(|k| k.today == today)?;
        if !changed.is_empty() && changed.iter().all(|p| p.starts_with("themes/")) {
            // Only the look changed: the theme is compiled again, the content kept as it is,
            // and every page rendered again.
            let name = theme_name(&kept.loaded);
            kept.theme = Theme::load(&self.root, &name, &mut kept.loaded.sources);
            kept.site = None;
            return Some(Vec::new());
        }
        if changed.is_empty()
            || changed
                .iter()
                .any(|p| !p.starts_with("content/") || p.starts_with("content/static/"))
        {
            return None;
        }
        load::reload(&self.root, &mut kept.loaded, changed)
    }

    /// The handbook read from disk, and its theme's files, read but left for the caller to
    /// compile (the theme `Kept` has until then is no theme).
    fn load_anew(&self, today: Date, words: Words) -> Result<(Kept, ThemeRead), NotAHandbook> {
        let mut loaded = load::load(&self.root, words)?;
        let handbook_files = loaded.sources.len();
        let name = theme_name(&loaded);
        let theme_files = ThemeFiles::read(&self.root, &name, &mut loaded.sources);
        let kept = Kept {
            loaded,
            // Replaced by the compiled theme in `run_inner` before anything reads it: no path
            // leaves `run_inner` between this and the compiling.
            theme: Err(Vec::new()),
            handbook_files,
            today,
            checked: None,
            site: None,
            stale_whole: false,
        };
        Ok((kept, theme_files))
    }
}

/// A theme's files as read, or what stopped them being read.
type ThemeRead = Result<ThemeFiles, Vec<Diagnostic>>;

/// The theme `handbook.yaml` names.
fn theme_name(loaded: &Loaded) -> String {
    loaded
        .handbook
        .main
        .as_ref()
        .map_or("default", |m| m.theme_name())
        .to_string()
}

/// The documents to render again, when only documents' text changed.
fn documents_only(reloaded: &[Reloaded]) -> Option<Vec<(Kind, &str)>> {
    if reloaded.is_empty() {
        return None;
    }
    reloaded
        .iter()
        .map(|r| r.body_only.then_some((r.kind, r.id.as_str())))
        .collect()
}

/// Puts `files` in the place of the site's files of the same paths.
fn replace(site: &mut [OutputFile], files: Vec<OutputFile>) {
    let mut files: std::collections::HashMap<String, OutputFile> =
        files.into_iter().map(|f| (f.path.clone(), f)).collect();
    for slot in site.iter_mut() {
        if let Some(new) = files.remove(&slot.path) {
            *slot = new;
        }
    }
    debug_assert!(files.is_empty(), "only pages the site has are rendered again");
}

/// Puts the files made from the whole handbook in the place of the site's older ones: the
/// search index may have more or fewer shards than before.
fn replace_whole(site: &mut Vec<OutputFile>, whole: Vec<OutputFile>) {
    site.retain(|f| !render::is_whole_handbook(&f.path));
    site.extend(whole);
}

/// The date checks count from: `SOURCE_DATE_EPOCH` (reproducible builds, tests) or today.
pub fn today() -> Date {
    let from_epoch = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| jiff::Timestamp::from_second(secs).ok())
        .map(|ts| ts.to_zoned_datetime(jiff::tz::TimeZone::UTC).date());
    Date(from_epoch.unwrap_or_else(|| jiff::ZonedDateTime::now().date()))
}
