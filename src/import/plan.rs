//! What `irbook import` will write: each Markdown file of the source with its id (the
//! source's folders kept, every name made a valid id segment) and its place in the
//! navigation's order, and the sections (`_index.md`) the navigation gives a title.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::source::{Nav, Source};
use crate::model::Id;

/// Markdown files by their extension.
pub const MARKDOWN: [&str; 3] = ["md", "markdown", "mdown"];

/// What the imported documents become.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Playbooks,
    Pages,
}

impl Target {
    /// The kind's word: the link scheme and the report's first column.
    pub fn kind(self) -> &'static str {
        match self {
            Target::Playbooks => "playbook",
            Target::Pages => "page",
        }
    }

    /// The handbook folder of the kind.
    pub fn folder(self) -> &'static str {
        match self {
            Target::Playbooks => "content/playbooks",
            Target::Pages => "content/pages",
        }
    }
}

/// One Markdown file to import.
#[derive(Debug, Clone)]
pub struct DocPlan {
    /// Relative to the Markdown folder, with `/`.
    pub src: String,
    /// With `/` between folders (FORMAT 9.6).
    pub id: String,
    pub nav_title: Option<String>,
    pub order: Option<i64>,
}

/// A folder that the navigation gives a title: its `_index.md`.
#[derive(Debug, Clone)]
pub struct SectionPlan {
    /// The folder's id (with `/` where nested).
    pub id: String,
    pub title: String,
    pub order: Option<i64>,
}

#[derive(Debug, Default)]
pub struct Plan {
    pub docs: Vec<DocPlan>,
    pub sections: Vec<SectionPlan>,
    /// Ids by source path (relative to the Markdown folder).
    pub ids: HashMap<String, String>,
}

pub fn is_markdown(path: &str) -> bool {
    path.rsplit_once('.')
        .is_some_and(|(_, ext)| MARKDOWN.contains(&ext.to_ascii_lowercase().as_str()))
}

/// An id segment for a file or folder name: `Id::suggest`, never empty.
pub fn segment(name: &str, fallback: &str) -> String {
    let suggested = Id::suggest(name);
    if suggested.is_empty() {
        fallback.to_string()
    } else {
        suggested
    }
}

/// The plan for `source`: its Markdown files in name order, nav order and titles attached.
pub fn plan(source: &Source) -> Plan {
    let mut plan = Plan::default();
    let mut used = HashSet::new();
    // Folder names are made ids once, so that two files of one folder land in the same one.
    let mut folders: BTreeMap<String, String> = BTreeMap::new();
    let mut positions = HashMap::new();
    let mut sections = Vec::new();
    let mut counter = 0;
    number(&source.nav, &mut counter, &mut positions, &mut sections);

    for src in source.files.iter().filter(|f| is_markdown(f)) {
        let (dir, name) = src.rsplit_once('/').unwrap_or(("", src));
        if dir.is_empty()
            && name.eq_ignore_ascii_case("SUMMARY.md")
            && source.shape == super::source::Shape::MdBook
        {
            continue;
        }
        let folder = folder_id(dir, &mut folders);
        let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
        let base = match folder.as_str() {
            "" => segment(stem, "doc"),
            f => format!("{f}/{}", segment(stem, "doc")),
        };
        let mut id = base.clone();
        let mut n = 2;
        while !used.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let (order, nav_title) = positions.get(src.as_str()).cloned().unzip();
        plan.ids.insert(src.clone(), id.clone());
        plan.docs.push(DocPlan {
            src: src.clone(),
            id,
            nav_title: nav_title.flatten(),
            order,
        });
    }
    let mut titled = HashSet::new();
    for (children, title, order) in sections {
        let Some(dir) = common_folder(&children) else {
            continue;
        };
        let id = folder_id(&dir, &mut folders);
        if !id.is_empty() && titled.insert(id.clone()) {
            plan.sections.push(SectionPlan {
                id,
                title,
                order: Some(order),
            });
        }
    }
    plan
}

/// The id of a source folder (`""` for the Markdown folder itself).
fn folder_id(dir: &str, folders: &mut BTreeMap<String, String>) -> String {
    if dir.is_empty() {
        return String::new();
    }
    folders
        .entry(dir.to_string())
        .or_insert_with(|| {
            dir.split('/')
                .map(|name| segment(name, "folder"))
                .collect::<Vec<_>>()
                .join("/")
        })
        .clone()
}

/// A section of the navigation: the paths below it, its title and its position.
type Section = (Vec<String>, String, i64);

/// Numbers the navigation's entries in reading order: each path gets its position and title,
/// each titled entry with children is noted as a section.
fn number(
    nav: &[Nav],
    counter: &mut i64,
    positions: &mut HashMap<String, (i64, Option<String>)>,
    sections: &mut Vec<Section>,
) {
    for entry in nav {
        *counter += 1;
        let here = *counter;
        if let Some(path) = &entry.path {
            let path = clean(path);
            positions.entry(path).or_insert((here, entry.title.clone()));
        }
        if !entry.children.is_empty() {
            number(&entry.children, counter, positions, sections);
            if let Some(title) = &entry.title {
                let mut paths = Vec::new();
                collect_paths(&entry.children, &mut paths);
                sections.push((paths, title.clone(), here));
            }
        }
    }
}

fn collect_paths(nav: &[Nav], out: &mut Vec<String>) {
    for entry in nav {
        if let Some(path) = &entry.path {
            out.push(clean(path));
        }
        collect_paths(&entry.children, out);
    }
}

/// A navigation path as the file list writes it: no `./`, no anchor.
fn clean(path: &str) -> String {
    let path = path.split('#').next().unwrap_or(path);
    path.trim_start_matches("./").to_string()
}

/// The folder holding all of `paths`, if they share one below the Markdown folder.
fn common_folder(paths: &[String]) -> Option<String> {
    let mut dirs = paths.iter().map(|p| p.rsplit_once('/').map_or("", |(d, _)| d));
    let first = dirs.next()?;
    let common = dirs.fold(first.to_string(), |common, dir| {
        let shared: Vec<&str> = common
            .split('/')
            .zip(dir.split('/'))
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a)
            .collect();
        shared.join("/")
    });
    (!common.is_empty()).then_some(common)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_folder_of_paths() {
        let paths = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            common_folder(&paths(&["a/b.md", "a/c/d.md"])).as_deref(),
            Some("a")
        );
        assert_eq!(common_folder(&paths(&["a/b.md", "x.md"])), None);
        assert_eq!(segment("Über Uns", "doc"), "ber-uns");
        assert_eq!(segment("日本", "doc"), "doc");
        assert!(is_markdown("a/B.MD") && !is_markdown("a.png"));
    }
}
