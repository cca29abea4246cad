//! `irbook import`: a folder of Markdown (mdBook, MkDocs, Jekyll, Hugo or plain) made into
//! the files of a handbook, in memory: `source.rs` reads the folder and its navigation,
//! `plan.rs` gives each file its id and order, `front.rs` translates front matter,
//! `convert.rs` the body. `cmd/import.rs` prints the result and writes it.

mod admonition;
pub mod convert;
pub mod front;
pub mod plan;
pub mod source;

use std::collections::HashMap;

use convert::{Asset, Links};
use front::Front;
use plan::{Plan, Target};
use source::Source;

use crate::load::split_front_matter;

/// One file the import writes.
#[derive(Debug)]
pub struct Planned {
    /// `playbook`, `page`, `section` or `static`.
    pub what: &'static str,
    /// Relative to the handbook's root, with `/`.
    pub target: String,
    pub content: Content,
    /// What it was made from, as the report names it.
    pub from: String,
    /// What was done on the way (`title from heading`, `dropped: layout`).
    pub details: Vec<String>,
    /// Lines of the source left as they were, and why.
    pub notes: Vec<String>,
    /// How many links of the imported documents were rewritten to lead to this file.
    pub linked: usize,
}

#[derive(Debug)]
pub enum Content {
    Text(String),
    /// A file of the source, relative to the folder given.
    Copy(String),
}

/// What an import would write, and what it could not read.
pub struct Prepared {
    pub source: Source,
    pub files: Vec<Planned>,
}

/// Reads `source` and makes every file to write, nothing written yet.
pub fn prepare(source: Source, target: Target) -> Prepared {
    let plan = plan::plan(&source);
    let mut files = Vec::new();
    for section in &plan.sections {
        let front = Front {
            title: Some(section.title.clone()),
            order: section.order,
            ..Front::default()
        };
        files.push(Planned {
            what: "section",
            target: format!("{}/{}/_index.md", target.folder(), section.id),
            content: Content::Text(front.render()),
            from: format!("the navigation's section \"{}\"", section.title),
            details: Vec::new(),
            notes: Vec::new(),
            linked: 0,
        });
    }
    let mut assets: Vec<Asset> = Vec::new();
    let mut problems = Vec::new();
    // What the rewritten links lead to (a document's id, a static file), and how often.
    let mut linked: HashMap<String, usize> = HashMap::new();
    let mut docs = Vec::new();
    for doc in &plan.docs {
        match document(&source, &plan, doc, target) {
            Ok((planned, found, targets)) => {
                for to in targets {
                    *linked.entry(to).or_default() += 1;
                }
                docs.push((doc.id.clone(), files.len()));
                files.push(planned);
                for asset in found {
                    if !assets.iter().any(|a| a.to == asset.to) {
                        assets.push(asset);
                    }
                }
            }
            Err(problem) => problems.push(problem),
        }
    }
    for (id, index) in docs {
        files[index].linked = linked.get(&id).copied().unwrap_or(0);
    }
    for asset in assets {
        let target = format!("content/static/{}", asset.to);
        files.push(Planned {
            what: "static",
            linked: linked.get(&target).copied().unwrap_or(0),
            target,
            from: source.show(&asset.from),
            content: Content::Copy(asset.from),
            details: Vec::new(),
            notes: Vec::new(),
        });
    }
    let mut source = source;
    source.problems.extend(problems);
    Prepared { source, files }
}

/// One Markdown file made a playbook or page, with the files its links need.
fn document(
    source: &Source,
    plan: &Plan,
    doc: &plan::DocPlan,
    target: Target,
) -> Result<(Planned, Vec<Asset>, Vec<String>), String> {
    let rel = source.rel_to_given(&doc.src);
    let text = source.read_text(&rel)?;
    let mut details = Vec::new();
    let (mut front, body, first_line) = match split_front_matter(&text) {
        Ok(split) => {
            let line = text[..split.body_offset].matches('\n').count() + 1;
            (front::translate(split.yaml), split.body, line)
        }
        Err(_) => (Front::default(), text.as_str(), 1),
    };
    let links = Links {
        source,
        plan,
        scheme: target.kind(),
        from: &doc.src,
        first_line,
    };
    let converted = convert::convert(body, &links);
    let mut body = converted.body;
    match (&front.title, convert::take_title(&body)) {
        (None, Some((title, rest))) => {
            front.title = Some(title);
            body = rest;
            details.push("title from heading".to_string());
        }
        (Some(title), Some((heading, rest))) if *title == heading => {
            body = rest;
            details.push("heading repeating the title removed".to_string());
        }
        _ => {}
    }
    if front.title.is_none() {
        let (title, from) = match &doc.nav_title {
            Some(t) => (t.clone(), "title from the navigation"),
            None => (title_from_name(&doc.src), "title from the file name"),
        };
        front.title = Some(title);
        details.push(from.to_string());
    }
    if front.order.is_none() {
        front.order = doc.order;
    }
    if converted.admonitions > 0 {
        details.push(format!(
            "{} converted",
            count(converted.admonitions, "admonition")
        ));
    }
    if converted.links > 0 {
        details.push(format!("{} rewritten", count(converted.links, "link")));
    }
    if !front.dropped.is_empty() {
        details.push(format!("dropped: {}", front.dropped.join(", ")));
    }
    let mut notes: Vec<String> = front.problems.clone();
    notes.extend(converted.notes);
    let body = body.trim_start_matches(['\n', '\r']);
    let mut content = front.render();
    if !body.trim().is_empty() {
        content.push('\n');
        content.push_str(body);
        if !content.ends_with('\n') {
            content.push('\n');
        }
    }
    Ok((
        Planned {
            what: target.kind(),
            target: format!("{}/{}.md", target.folder(), doc.id),
            content: Content::Text(content),
            from: source.show(&rel),
            details,
            notes,
            linked: 0,
        },
        converted.assets,
        converted.targets,
    ))
}

/// `incident-response_plan.md` -> `Incident response plan`.
fn title_from_name(src: &str) -> String {
    let name = src.rsplit('/').next().unwrap_or(src);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let words = stem.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_else(|| "Untitled".into())
}

fn count(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}
