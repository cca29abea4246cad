//! The folder `irbook import` reads: its shape (mdBook, MkDocs, Jekyll, Hugo or plain
//! Markdown), where its Markdown is, the order its navigation gives, and its files, all read
//! under the same rule as a handbook's (regular files inside the folder, size-limited).

use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::fsguard::{self, HandbookRoot, TEXT_LIMIT};
use crate::load::{YamlNode, YamlValue, parse_yaml};

/// The generator a folder was written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `book.toml` and `src/SUMMARY.md` (or a `SUMMARY.md` in the folder itself).
    MdBook,
    /// `mkdocs.yml`, Markdown in its `docs_dir` (default `docs/`), order from its `nav`.
    MkDocs,
    /// `_config.yml`: front matter in every file.
    Jekyll,
    /// `hugo.toml`, `hugo.yaml` or `config.toml` with a `content/` folder.
    Hugo,
    /// Any other folder of Markdown files.
    Plain,
}

impl Shape {
    pub fn name(self) -> &'static str {
        match self {
            Shape::MdBook => "an mdBook book",
            Shape::MkDocs => "a MkDocs site",
            Shape::Jekyll => "a Jekyll site",
            Shape::Hugo => "a Hugo site",
            Shape::Plain => "a folder of Markdown",
        }
    }
}

/// One entry of a navigation (SUMMARY.md, `nav:`): a page, a section, or both.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Nav {
    pub title: Option<String>,
    /// The Markdown file, relative to the Markdown folder, as written.
    pub path: Option<String>,
    pub children: Vec<Nav>,
}

/// A folder to import from, read.
pub struct Source {
    pub shape: Shape,
    /// The folder given, as given: what reports name.
    pub given: PathBuf,
    /// The read rule, with the folder given as its root.
    pub guard: HandbookRoot,
    /// Where the Markdown is, relative to `given` (`""`, `src`, `docs`, `content`).
    pub docs: String,
    pub nav: Vec<Nav>,
    /// Files of the Markdown folder, relative to it, with `/`, in name order.
    pub files: Vec<String>,
    /// What could not be read or understood, for the report.
    pub problems: Vec<String>,
    /// What the report says about the source as a whole (`no nav in mkdocs.yml: ...`).
    pub notes: Vec<String>,
}

/// Folders that hold a generator's machinery or output, not pages.
const NOT_CONTENT: [&str; 10] = [
    "_site",
    "_layouts",
    "_includes",
    "_sass",
    "_data",
    "_plugins",
    "_drafts",
    "node_modules",
    "vendor",
    "theme",
];

impl Source {
    pub fn open(given: &Path) -> Result<Source, String> {
        let guard = HandbookRoot::new(given).map_err(|e| format!("cannot read {}: {e}", given.display()))?;
        if !given.is_dir() {
            return Err(format!("{} is not a folder", given.display()));
        }
        let has = |rel: &str| given.join(rel).is_file();
        let (shape, docs) = if has("book.toml") && has("src/SUMMARY.md") {
            (Shape::MdBook, "src".to_string())
        } else if has("SUMMARY.md") {
            (Shape::MdBook, String::new())
        } else if has("mkdocs.yml") || has("mkdocs.yaml") {
            (Shape::MkDocs, "docs".to_string())
        } else if has("_config.yml") || has("_config.yaml") {
            (Shape::Jekyll, String::new())
        } else if (has("hugo.toml") || has("hugo.yaml") || has("config.toml"))
            && given.join("content").is_dir()
        {
            (Shape::Hugo, "content".to_string())
        } else {
            (Shape::Plain, String::new())
        };
        let mut source = Source {
            shape,
            given: given.to_path_buf(),
            guard,
            docs,
            nav: Vec::new(),
            files: Vec::new(),
            problems: Vec::new(),
            notes: Vec::new(),
        };
        match shape {
            Shape::MdBook => {
                let summary = source.rel_to_given("SUMMARY.md");
                match source.read_text(&summary) {
                    Ok(text) => source.nav = summary_nav(&text),
                    Err(e) => source.problems.push(e),
                }
            }
            Shape::MkDocs => source.read_mkdocs(),
            _ => {}
        }
        source.list_files();
        Ok(source)
    }

    /// `rel` (relative to the Markdown folder) relative to the folder given.
    pub fn rel_to_given(&self, rel: &str) -> String {
        match self.docs.as_str() {
            "" => rel.to_string(),
            docs => format!("{docs}/{rel}"),
        }
    }

    /// The text of a file, `rel` relative to the folder given, BOM dropped.
    pub fn read_text(&self, rel: &str) -> Result<String, String> {
        let bytes = self.read(rel, TEXT_LIMIT)?;
        let text =
            String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8 text: not read", self.show(rel)))?;
        Ok(text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text))
    }

    /// The bytes of a file, `rel` relative to the folder given, under the read rule.
    pub fn read(&self, rel: &str, limit: u64) -> Result<Vec<u8>, String> {
        self.guard
            .read(&self.given.join(rel), limit)
            .map_err(|r| format!("{}: {}", self.show(rel), r.diagnostic().message))
    }

    /// How a report names a file of the source, `rel` relative to the folder given.
    pub fn show(&self, rel: &str) -> String {
        self.given.join(rel).display().to_string()
    }

    fn read_mkdocs(&mut self) {
        let name = if self.given.join("mkdocs.yml").is_file() {
            "mkdocs.yml"
        } else {
            "mkdocs.yaml"
        };
        let text = match self.read_text(name) {
            Ok(text) => text,
            Err(e) => return self.problems.push(e),
        };
        let root = match parse_yaml(&text, 0) {
            Ok(root) => root,
            Err(e) => {
                return self
                    .problems
                    .push(format!("{}: {}: order not read", self.show(name), e.message));
            }
        };
        let mut nav = None;
        let mut pages = None;
        if let YamlValue::Map(entries) = &root.value {
            for (key, value) in entries {
                match (scalar(key), &value.value) {
                    (Some("docs_dir"), _) => {
                        if let Some(dir) = scalar(value) {
                            self.docs = dir.trim_end_matches('/').to_string();
                        }
                    }
                    (Some("nav"), YamlValue::Seq(items)) => nav = Some(mkdocs_nav(items)),
                    // `pages:` is what MkDocs before 1.0 called `nav:`.
                    (Some("pages"), YamlValue::Seq(items)) => pages = Some(mkdocs_nav(items)),
                    _ => {}
                }
            }
        }
        match nav.or(pages) {
            Some(nav) => self.nav = nav,
            None => self.notes.push(format!(
                "no nav in {name}: order and section titles from the files"
            )),
        }
    }

    fn list_files(&mut self) {
        let dir = self.given.join(&self.docs);
        let (found, refused) = fsguard::walk(&self.guard, &dir, |names| {
            let name = names.last().map_or("", String::as_str);
            name.starts_with('.') || NOT_CONTENT.contains(&name)
        });
        for (path, refusal) in refused {
            self.problems
                .push(format!("{}: {}", path.display(), refusal.diagnostic().message));
        }
        self.files = found
            .into_iter()
            .filter(|w| !w.is_dir)
            .map(|w| w.rel.join("/"))
            .collect();
    }
}

fn scalar(node: &YamlNode) -> Option<&str> {
    match &node.value {
        YamlValue::Scalar(s) => Some(s.text.as_str()),
        _ => None,
    }
}

/// MkDocs' `nav:`: `- file.md`, `- Title: file.md`, `- Section: [...]`; links to other sites
/// are left out.
fn mkdocs_nav(items: &[YamlNode]) -> Vec<Nav> {
    let mut nav = Vec::new();
    for item in items {
        match &item.value {
            YamlValue::Scalar(s) if !s.text.contains("://") => nav.push(Nav {
                path: Some(s.text.clone()),
                ..Nav::default()
            }),
            // Before MkDocs 0.15: `- ['path.md', 'Title']` (or `[path, section, title]`).
            YamlValue::Seq(parts) => {
                let parts: Vec<&str> = parts.iter().filter_map(scalar).collect();
                if let Some(path) = parts.first().filter(|p| !p.contains("://")) {
                    nav.push(Nav {
                        title: parts.get(1..).and_then(<[&str]>::last).map(|t| t.to_string()),
                        path: Some(path.to_string()),
                        children: Vec::new(),
                    });
                }
            }
            YamlValue::Map(entries) => {
                for (key, value) in entries {
                    let title = scalar(key).map(str::to_string);
                    match &value.value {
                        YamlValue::Scalar(s) if !s.text.contains("://") => nav.push(Nav {
                            title,
                            path: Some(s.text.clone()),
                            children: Vec::new(),
                        }),
                        YamlValue::Seq(children) => nav.push(Nav {
                            title,
                            path: None,
                            children: mkdocs_nav(children),
                        }),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    nav
}

/// mdBook's `SUMMARY.md`: its links in order, nested lists as children; draft chapters
/// (`[Title]()`) and part titles are left out.
pub fn summary_nav(text: &str) -> Vec<Nav> {
    // The open list items, innermost last; the bottom entry collects the top level.
    let mut open: Vec<Nav> = vec![Nav::default()];
    let mut in_link = false;
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Item) => open.push(Nav::default()),
            Event::End(TagEnd::Item) => {
                let done = open.pop().expect("an open item");
                let parent = open.last_mut().expect("the top level");
                if done.path.is_some() {
                    parent.children.push(done);
                } else {
                    // A draft chapter: its children move up.
                    parent.children.extend(done.children);
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                in_link = true;
                let top = open.len() == 1;
                let current = open.last_mut().expect("an entry");
                if top {
                    // A prefix or suffix chapter, outside any list.
                    current.children.push(Nav {
                        path: (!dest_url.is_empty()).then(|| dest_url.to_string()),
                        ..Nav::default()
                    });
                } else if !dest_url.is_empty() {
                    current.path = Some(dest_url.to_string());
                }
            }
            Event::End(TagEnd::Link) => in_link = false,
            Event::Text(t) | Event::Code(t) if in_link => {
                let top = open.len() == 1;
                let current = open.last_mut().expect("an entry");
                let target = if top {
                    current.children.last_mut().expect("the link's entry")
                } else {
                    current
                };
                target.title.get_or_insert_with(String::new).push_str(&t);
            }
            _ => {}
        }
    }
    let mut top = open.swap_remove(0);
    top.children
        .retain(|n| n.path.is_some() || !n.children.is_empty());
    top.children
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_gives_order_and_nesting() {
        let text = "# Summary\n\n[Intro](README.md)\n\n- [Ransomware](ransomware/README.md)\n  - [Encryption](ransomware/encryption.md)\n- [Draft]()\n  - [Phishing](phishing.md)\n";
        let nav = summary_nav(text);
        let paths: Vec<_> = nav.iter().map(|n| n.path.clone().unwrap()).collect();
        assert_eq!(paths, ["README.md", "ransomware/README.md", "phishing.md"]);
        assert_eq!(nav[1].title.as_deref(), Some("Ransomware"));
        assert_eq!(
            nav[1].children[0].path.as_deref(),
            Some("ransomware/encryption.md")
        );
        assert_eq!(nav[0].title.as_deref(), Some("Intro"));
    }

    #[test]
    fn mkdocs_nav_reads_titles_and_sections() {
        let yaml = "nav:\n  - index.md\n  - Outages:\n      - Power: outages/power.md\n      - 'https://example.com'\n";
        let root = parse_yaml(yaml, 0).unwrap();
        let YamlValue::Map(entries) = root.value else {
            panic!()
        };
        let YamlValue::Seq(items) = &entries[0].1.value else {
            panic!()
        };
        let nav = mkdocs_nav(items);
        assert_eq!(nav[0].path.as_deref(), Some("index.md"));
        assert_eq!(nav[1].title.as_deref(), Some("Outages"));
        assert_eq!(nav[1].children.len(), 1);
        assert_eq!(nav[1].children[0].path.as_deref(), Some("outages/power.md"));
    }
}
