//! Walks a folder of the handbook in name order, following links only where they stay inside
//! the handbook and never into a folder it is already in.

use std::path::{Path, PathBuf};

use super::{HandbookRoot, RealPath, Refusal, Refused};

/// A file or folder found by [`walk`].
#[derive(Debug, Clone)]
pub struct Walked {
    /// The path as found, links not resolved: what a diagnostic names.
    pub path: PathBuf,
    /// The names leading to it from the walked folder.
    pub rel: Vec<String>,
    /// Its real path (every link resolved), as the read rule checked it.
    pub real: RealPath,
    pub is_dir: bool,
}

/// Everything below `dir` that the read rule accepts, and what it refused, each refusal with
/// the path as found. Entries for which `skip` (given the names from `dir`) is true are
/// neither returned nor entered. A `dir` that does not exist holds nothing.
pub fn walk(
    root: &HandbookRoot,
    dir: &Path,
    skip: impl Fn(&[String]) -> bool,
) -> (Vec<Walked>, Vec<Refused>) {
    let mut walker = Walker {
        root,
        skip: &skip,
        found: Vec::new(),
        refused: Vec::new(),
    };
    if std::fs::symlink_metadata(dir).is_err() {
        return (walker.found, walker.refused);
    }
    match root.resolve(dir) {
        Ok((real, meta)) if meta.is_dir() => walker.visit(dir, &[], &mut vec![real]),
        Ok((_, meta)) if meta.is_file() => walker.refused.push((dir.to_path_buf(), Refusal::NotAFolder)),
        Ok((_, meta)) => walker.refused.push((
            dir.to_path_buf(),
            Refusal::NotRegular(super::kind_of(meta.file_type())),
        )),
        Err(refusal) => walker.refused.push((dir.to_path_buf(), refusal)),
    }
    (walker.found, walker.refused)
}

struct Walker<'a, F> {
    root: &'a HandbookRoot,
    skip: &'a F,
    found: Vec<Walked>,
    refused: Vec<Refused>,
}

impl<F: Fn(&[String]) -> bool> Walker<'_, F> {
    /// Walks the folder found at `dir`; `chain` holds the real paths of the folders walked to
    /// get here, the last being `dir`'s own.
    fn visit(&mut self, dir: &Path, rel: &[String], chain: &mut Vec<PathBuf>) {
        let here = chain.last().expect("the folder being walked").clone();
        let entries = match std::fs::read_dir(&here) {
            Ok(entries) => entries,
            Err(e) => {
                self.refused.push((dir.to_path_buf(), Refusal::Unreadable(e)));
                return;
            }
        };
        let mut listed = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => listed.push((entry.file_name(), entry)),
                Err(e) => self.refused.push((dir.to_path_buf(), Refusal::Unreadable(e))),
            }
        }
        listed.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, entry) in listed {
            let mut names_here = rel.to_vec();
            names_here.push(name.to_string_lossy().into_owned());
            if (self.skip)(&names_here) {
                continue;
            }
            let path = dir.join(&name);
            // The type as the folder lists it: no `lstat` per entry where the file system
            // says (an `lstat` only where it does not, and never for a skipped name, such as
            // an editor's temporary file that may be gone by now).
            let kind = match entry.file_type() {
                Ok(kind) => kind,
                Err(e) => {
                    self.refused.push((path, Refusal::Unreadable(e)));
                    continue;
                }
            };
            let (real, kind) = match self.root.resolve_entry(&here, &name, kind, &path) {
                Ok(resolved) => resolved,
                Err(refusal) => {
                    self.refused.push((path, refusal));
                    continue;
                }
            };
            if kind.is_dir() {
                // A link to a folder that holds this one, or that this walk is already in.
                if here.starts_with(&real) || chain.contains(&real) {
                    let target = std::fs::read_link(&path).unwrap_or(real);
                    self.refused.push((path, Refusal::Loops { target }));
                    continue;
                }
                self.found.push(Walked {
                    path: path.clone(),
                    rel: names_here.clone(),
                    real: RealPath(real.clone()),
                    is_dir: true,
                });
                chain.push(real);
                self.visit(&path, &names_here, chain);
                chain.pop();
            } else if kind.is_file() {
                self.found.push(Walked {
                    path,
                    rel: names_here,
                    real: RealPath(real),
                    is_dir: false,
                });
            } else {
                self.refused
                    .push((path, Refusal::NotRegular(super::kind_of(kind))));
            }
        }
    }
}
