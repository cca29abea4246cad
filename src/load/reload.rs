//! Loading again after some files changed: only those files are read and parsed again, the
//! rest of the loaded handbook is kept. Anything but an edit of a content file that loaded
//! before (a new, removed or renamed file, `handbook.yaml`, a file that no longer reads) needs a
//! whole new load, which the caller does.

use std::path::Path;

use super::{Decoded, Loaded, Parsed, Unreadable, decode, parse_file, text};
use crate::fsguard::{self, HandbookRoot};
use crate::markdown::Outline;
use crate::model::Object;
use crate::model::{Doc, Kind, Record};
use crate::source::FileId;

/// A content file read again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reloaded {
    pub file: FileId,
    pub kind: Kind,
    pub id: String,
    /// Only the body of a playbook or page changed: its front matter, headings and link
    /// targets are as before, so no other page shows anything new.
    pub body_only: bool,
}

/// Reads the files at `changed` (paths relative to the root) again into `loaded`. `None`: this
/// cannot be done in place, and `loaded` (possibly changed in part) must be loaded anew.
pub fn reload(root: &Path, loaded: &mut Loaded, changed: &[String]) -> Option<Vec<Reloaded>> {
    let guard = HandbookRoot::new(root).ok()?;
    changed
        .iter()
        .map(|rel| reload_one(root, &guard, loaded, rel))
        .collect()
}

fn reload_one(root: &Path, guard: &HandbookRoot, loaded: &mut Loaded, rel: &str) -> Option<Reloaded> {
    let file = loaded.sources.find(rel)?;
    let kind = record_kind(loaded, file)?;
    let bytes = guard.read(&root.join(rel), fsguard::TEXT_LIMIT).ok()?;
    let Decoded {
        file: source,
        controls,
    } = match decode(rel.to_string(), bytes) {
        Ok(decoded) => decoded,
        Err(Unreadable::NotUtf8 { .. } | Unreadable::Refused(_)) => return None,
    };
    loaded.sources.replace(file, source);
    loaded
        .diagnostics
        .retain(|d| d.location.as_ref().is_none_or(|l| l.file != file));
    loaded.diagnostics.extend(text::control_characters(
        loaded.sources.get(file),
        file,
        &controls,
    ));
    let (parsed, problems) = parse_file(&loaded.sources, file, Some(kind), loaded.words);
    loaded.diagnostics.extend(problems);
    let (id, body_only) = match parsed {
        Parsed::Content(content) => content.replace_in(&mut loaded.handbook)?,
        Parsed::Main(_) | Parsed::Unreadable(..) | Parsed::Nothing => return None,
    };
    Some(Reloaded {
        file,
        kind,
        id,
        body_only,
    })
}

/// The kind of the record loaded from `file`, if it is a content file that loaded.
fn record_kind(loaded: &Loaded, file: FileId) -> Option<Kind> {
    let handbook = &loaded.handbook;
    let from = |object: &Object| object.own_file().is_some_and(|(own, _)| own == file);
    Kind::ALL
        .into_iter()
        .find(|k| k.folder().is_some() && handbook.objects(*k).iter().any(from))
}

/// Whether two versions of a document differ only in what their own page shows.
pub(super) fn same_shape(old: &Record<Doc>, new: &Record<Doc>) -> bool {
    old.complete == new.complete
        && serde_json::to_string(&old.front).ok() == serde_json::to_string(&new.front).ok()
        && same_outline(&old.outline, &new.outline)
}

/// The same headings, raw HTML anchors and link targets, wherever they stand in the text.
fn same_outline(old: &Outline, new: &Outline) -> bool {
    let heading = |h: &crate::markdown::Heading| (h.anchor.clone(), h.text.clone(), h.dropped.clone());
    old.headings
        .iter()
        .map(heading)
        .eq(new.headings.iter().map(heading))
        && old
            .links
            .iter()
            .map(|l| &l.dest)
            .eq(new.links.iter().map(|l| &l.dest))
        && old.html_anchors == new.html_anchors
}
