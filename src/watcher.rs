//! Watching a handbook for changes: `handbook.yaml`, `content/` and `themes/`, from the
//! system's file events or by polling, debounced so that a burst of writes (a save through a
//! temporary file, a `git checkout`, a formatter) asks for one rebuild or very few. Editor
//! leftovers never ask for one; output folders and `.git` are never watched.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use notify::{PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, FileIdCache, NoCache, RecommendedCache};

use crate::load::{HANDBOOK_FILE, is_editor_leftover, is_leftover};

/// How long a file must be quiet before its change counts: long enough to see a save through
/// a temporary file as one change, short enough to feel instant.
pub const DEBOUNCE: Duration = Duration::from_millis(30);

/// Further changes that arrive this soon after a batch join it.
const GATHER: Duration = Duration::from_millis(10);

/// How often `--poll` looks at every file.
const POLL_INTERVAL: Duration = Duration::from_millis(300);

/// The folders under the root that hold the handbook; the root itself is watched without
/// its sub-folders, for `handbook.yaml` and for these folders appearing.
const WATCHED: [&str; 2] = ["content", "themes"];

/// A running watch: [`Watch::wait`] waits for the next batch of relevant changes.
pub struct Watch {
    root: PathBuf,
    debouncer: Box<dyn Recursive>,
    events: Receiver<DebounceEventResult>,
    watching: BTreeSet<&'static str>,
}

/// What changed, as one rebuild's worth.
#[derive(Debug, Default)]
pub struct Changes {
    /// Changed paths, relative to the handbook root.
    pub paths: BTreeSet<String>,
    /// Errors of the watcher itself (e.g. too many files for the system's watch limit).
    pub problems: Vec<String>,
}

trait Recursive: Send {
    fn add(&mut self, path: &Path, mode: RecursiveMode) -> notify::Result<()>;
}

impl<T: notify::Watcher + Send, C: FileIdCache + Send> Recursive for Debouncer<T, C> {
    fn add(&mut self, path: &Path, mode: RecursiveMode) -> notify::Result<()> {
        self.watch(path, mode)
    }
}

impl Watch {
    /// Starts watching the handbook at `root`; `poll` looks at the files regularly instead of
    /// relying on the system's events (network drives, WSL, containers).
    pub fn start(root: &Path, poll: bool) -> Result<Watch, String> {
        let root = root
            .canonicalize()
            .map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
        let (tx, events) = channel();
        let handler = move |result: DebounceEventResult| {
            let _ = tx.send(result);
        };
        let tick = Some(DEBOUNCE / 4);
        let failed = |e: notify::Error| format!("cannot watch {}: {e}", root.display());
        let debouncer: Box<dyn Recursive> = if poll {
            // notify's poller keeps mtimes in whole seconds and only sees them grow, so a
            // second save within the same second, or a file restored with an older mtime,
            // would go unseen: compare the contents as well.
            let config = notify::Config::default()
                .with_poll_interval(POLL_INTERVAL)
                .with_compare_contents(true);
            Box::new(
                notify_debouncer_full::new_debouncer_opt::<_, PollWatcher, NoCache>(
                    DEBOUNCE, tick, handler, NoCache, config,
                )
                .map_err(failed)?,
            )
        } else {
            Box::new(
                notify_debouncer_full::new_debouncer_opt::<_, RecommendedWatcher, RecommendedCache>(
                    DEBOUNCE,
                    tick,
                    handler,
                    RecommendedCache::new(),
                    notify::Config::default(),
                )
                .map_err(failed)?,
            )
        };
        let mut watch = Watch {
            root,
            debouncer,
            events,
            watching: BTreeSet::new(),
        };
        let root = watch.root.clone();
        watch
            .debouncer
            .add(&root, RecursiveMode::NonRecursive)
            .map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
        watch.watch_folders();
        Ok(watch)
    }

    /// Adds the handbook's folders that exist and are not watched yet.
    fn watch_folders(&mut self) -> Vec<String> {
        let mut problems = Vec::new();
        for folder in WATCHED {
            let path = self.root.join(folder);
            if self.watching.contains(folder) || !path.is_dir() {
                continue;
            }
            match self.debouncer.add(&path, RecursiveMode::Recursive) {
                Ok(()) => {
                    self.watching.insert(folder);
                }
                Err(e) => problems.push(format!("cannot watch {folder}/: {e}")),
            }
        }
        problems
    }

    /// Waits for the next relevant changes; `None` when the watcher has stopped.
    pub fn wait(&mut self) -> Option<Changes> {
        loop {
            let mut changes = Changes::default();
            let first = self.events.recv().ok()?;
            self.take(first, &mut changes);
            loop {
                match self.events.recv_timeout(GATHER) {
                    Ok(more) => self.take(more, &mut changes),
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return None,
                }
            }
            if changes.paths.iter().any(|p| WATCHED.contains(&p.as_str())) {
                // A folder appeared or was replaced: watch it (again) from now on.
                self.watching.retain(|f| changes.paths.iter().all(|p| p != f));
                changes.problems.extend(self.watch_folders());
            }
            if !changes.paths.is_empty() || !changes.problems.is_empty() {
                return Some(changes);
            }
        }
    }

    fn take(&self, result: DebounceEventResult, changes: &mut Changes) {
        match result {
            Ok(events) => {
                for event in events {
                    if event.kind.is_access() {
                        continue;
                    }
                    for path in &event.paths {
                        if let Some(relevant) = relevant(&self.root, path) {
                            changes.paths.insert(relevant);
                        }
                    }
                }
            }
            Err(errors) => changes.problems.extend(errors.into_iter().map(|e| e.to_string())),
        }
    }
}

/// The path relative to the root, if a change there can change the site: `handbook.yaml`,
/// and anything in `content/` or `themes/` that is not an editor's or a system's leftover.
pub fn relevant(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    match parts.as_slice() {
        [file] if file == HANDBOOK_FILE => Some(file.clone()),
        [folder, rest @ ..] if WATCHED.contains(&folder.as_str()) => {
            let in_static = folder == "content" && rest.first().is_some_and(|f| f == "static");
            let skipped = |name: &String| {
                if in_static {
                    is_editor_leftover(name)
                } else {
                    is_leftover(name)
                }
            };
            (!rest.iter().any(skipped)).then(|| parts.join("/"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::relevant;
    use std::path::Path;

    #[test]
    fn only_handbook_files_count() {
        let root = Path::new("/hb");
        let yes = [
            "/hb/handbook.yaml",
            "/hb/content/playbooks/a.md",
            "/hb/content",
            "/hb/themes/mine/templates/base.html",
            "/hb/content/static/.well-known/security.txt",
        ];
        for path in yes {
            assert!(relevant(root, Path::new(path)).is_some(), "{path}");
        }
        let no = [
            "/hb/site/index.html",
            "/hb/.git/index",
            "/hb/.site.irbook-staging/x.html",
            "/hb/handbook.yaml~",
            "/hb/content/playbooks/4913",
            "/hb/content/playbooks/.a.md.swp",
            "/hb/content/playbooks/a.md~",
            "/hb/content/playbooks/.#a.md",
            "/hb/content/playbooks/a.md___jb_tmp___",
            "/hb/content/playbooks/a.md___jb_old___",
            "/hb/content/playbooks/a.md.bck",
            "/elsewhere/handbook.yaml",
        ];
        for path in no {
            assert_eq!(relevant(root, Path::new(path)), None, "{path}");
        }
    }
}
