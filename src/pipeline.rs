//! The one way from a handbook's files to its site: load -> resolve -> render, in memory.
//! `check`, `build`, `serve` and `watch` all run it; the commands only print and write what it
//! hands back.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::diag::{Diagnostic, Diagnostics};
use crate::load::{self, NotAHandbook};
use crate::model::Date;
use crate::render::{self, OutputFile, Theme};
use crate::resolve::resolve;
use crate::source::Sources;

/// How far a run goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Goal {
    /// Load and resolve, and compile the theme: every problem, no site.
    Check,
    /// All of `Check`, then the site in memory when there is no error.
    Site,
}

/// What a run of the pipeline found and made.
pub struct Outcome {
    /// Every file read, for placing the diagnostics.
    pub sources: Sources,
    /// Every problem, sorted by file and line.
    pub diagnostics: Diagnostics,
    /// Files of the handbook itself (the summary's count; templates are not counted).
    pub handbook_files: usize,
    /// The site, when the goal was [`Goal::Site`] and nothing stopped it.
    pub site: Option<Vec<OutputFile>>,
    /// Time since the run started at the end of each step.
    pub timings: Vec<(&'static str, Duration)>,
}

/// A handbook on disk and the settings it is built with.
#[derive(Debug, Clone)]
pub struct Pipeline {
    pub root: PathBuf,
    /// Overrides `base_url` of handbook.yaml (canonical links only).
    pub base_url: Option<String>,
}

impl Pipeline {
    pub fn new(root: &Path) -> Self {
        Pipeline {
            root: root.to_path_buf(),
            base_url: None,
        }
    }

    /// Reads the handbook from disk and takes it as far as `goal`.
    pub fn run(&self, goal: Goal) -> Result<Outcome, NotAHandbook> {
        let started = Instant::now();
        let mut timings = Vec::new();
        let mut loaded = load::load(&self.root)?;
        let handbook_files = loaded.sources.len();
        let mut diagnostics = Diagnostics::default();
        diagnostics.extend(std::mem::take(&mut loaded.diagnostics));
        let theme_name = loaded
            .handbook
            .main
            .as_ref()
            .map_or("default", |m| m.theme_name())
            .to_string();
        let theme = Theme::load(&self.root, &theme_name, &mut loaded.sources)
            .map_err(|problems| diagnostics.extend(problems))
            .ok();
        timings.push(("loaded", started.elapsed()));

        let today = today();
        let resolved = resolve(&loaded.handbook, &loaded.sources, today);
        diagnostics.extend(resolved.diagnostics);
        timings.push(("checked", started.elapsed()));

        let site = match (goal, &theme) {
            (Goal::Site, Some(theme)) if diagnostics.errors() == 0 => {
                let options = render::Options {
                    today,
                    base_url: self.base_url.clone(),
                };
                let rendered =
                    render::render(&loaded.handbook, &resolved.index, &loaded.sources, theme, options);
                timings.push(("rendered", started.elapsed()));
                rendered
                    .map_err(|problems: Vec<Diagnostic>| diagnostics.extend(problems))
                    .ok()
            }
            (Goal::Site | Goal::Check, _) => None,
        };
        diagnostics.sort(&loaded.sources);
        Ok(Outcome {
            sources: loaded.sources,
            diagnostics,
            handbook_files,
            site,
            timings,
        })
    }
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
