//! Reading on after a bad value, so that one run reports every problem of a file: the node
//! the deserializer stopped at is cut out of the tree (its list item or its key) and the file
//! is read again, until it reads or nothing is left to cut.

use serde::de::DeserializeOwned;

use super::de::{self, Error};
use super::yaml::{Node, Value};
use crate::model::{Reach, Text};
use crate::source::Span;

/// Enough passes for any hand-written file; each pass cuts one node.
const MAX_PASSES: usize = 200;

/// Deserializes `T` from `node`, reporting every problem. The value read around the errors is
/// returned too, so that the rest of the handbook is still checked against what the file does
/// define: one bad duration in handbook.yaml must not hide every unknown role elsewhere.
pub fn read_all<T: DeserializeOwned>(mut node: Node) -> (Option<Read<T>>, Vec<Error>) {
    let mut reported: Vec<Error> = Vec::new();
    // Keys cut out of mappings (the mapping's span, the key): their absence is no news.
    let mut cut_keys: Vec<(Span, String)> = Vec::new();
    let mut cut_ids: Vec<CutId> = Vec::new();
    for _ in 0..MAX_PASSES {
        let read = de::from_node::<T>(&node);
        for error in read.skipped {
            report(&mut reported, error);
        }
        let error = match read.result {
            Ok(value) => {
                let read = Read {
                    value,
                    markdown: read.markdown,
                    reach: read.reach,
                    cut_ids,
                };
                return (Some(read), reported);
            }
            Err(error) => error,
        };
        let span = error.span.clone();
        let expected = error.missing_key.is_some_and(|key| {
            span.as_ref()
                .is_some_and(|s| cut_keys.iter().any(|(at, k)| at == s && k == key))
        });
        if !expected {
            report(&mut reported, error);
        }
        match span.and_then(|s| cut(&mut node, &s, None)) {
            Some(Cut::Key { map, key }) => cut_keys.push((map, key)),
            Some(Cut::Item { id }) => cut_ids.extend(id),
            None => break,
        }
    }
    (None, reported)
}

fn report(reported: &mut Vec<Error>, error: Error) {
    if !reported
        .iter()
        .any(|r| r.message == error.message && r.span == error.span)
    {
        reported.push(error);
    }
}

/// A file read around its errors.
pub struct Read<T> {
    pub value: T,
    /// Every Markdown text read, in file order.
    pub markdown: Vec<Text>,
    /// Every phone number, e-mail and web address read, in file order.
    pub reach: Vec<Reach>,
    /// The ids of list items cut out: they exist, but did not read.
    pub cut_ids: Vec<CutId>,
}

/// An item with an `id` cut out of the list under `list` (`messages`, `roles`, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CutId {
    pub list: String,
    pub id: String,
}

enum Cut {
    /// A `key: value` entry of the mapping at `map`.
    Key { map: Span, key: String },
    /// An item of a list, and its `id` if it had one.
    Item { id: Option<CutId> },
}

/// Removes the entry or list item that holds the node at `span` (or is it); `list` is the key
/// the node stands under.
fn cut(node: &mut Node, span: &Span, list: Option<&str>) -> Option<Cut> {
    let map_span = node.span.clone();
    match &mut node.value {
        Value::Map(entries) => {
            if let Some(i) = entries
                .iter()
                .position(|(k, v)| &k.span == span || &v.span == span)
            {
                let (key, _) = entries.remove(i);
                let name = match key.value {
                    Value::Scalar(s) => s.text,
                    _ => String::new(),
                };
                return Some(Cut::Key {
                    map: map_span,
                    key: name,
                });
            }
            entries.iter_mut().find_map(|(k, v)| {
                let key = match &k.value {
                    Value::Scalar(s) => Some(s.text.as_str()),
                    Value::Null | Value::Seq(_) | Value::Map(_) => None,
                };
                cut(v, span, key)
            })
        }
        Value::Seq(items) => {
            if let Some(i) = items.iter().position(|item| &item.span == span) {
                let item = items.remove(i);
                let id = list.zip(id_of(&item)).map(|(list, id)| CutId {
                    list: list.to_string(),
                    id,
                });
                return Some(Cut::Item { id });
            }
            items.iter_mut().find_map(|item| cut(item, span, None))
        }
        Value::Null | Value::Scalar(_) => None,
    }
}

/// The `id:` of a list item that is a mapping.
fn id_of(item: &Node) -> Option<String> {
    let Value::Map(entries) = &item.value else {
        return None;
    };
    entries.iter().find_map(|(k, v)| match (&k.value, &v.value) {
        (Value::Scalar(k), Value::Scalar(v)) if k.text == "id" => Some(v.text.clone()),
        _ => None,
    })
}
