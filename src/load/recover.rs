//! Reading on after a bad value, so that one run reports every problem of a file: the node
//! the deserializer stopped at is cut out of the tree (its list item or its key) and the file
//! is read again, until it reads or nothing is left to cut.

use serde::de::DeserializeOwned;

use super::de::{self, Error};
use super::yaml::{Node, Value};
use crate::model::Text;
use crate::source::Span;

/// Enough passes for any hand-written file; each pass cuts one node.
const MAX_PASSES: usize = 200;

/// Deserializes `T` from `node`, reporting every problem. The value read around the errors is
/// returned too, so that the rest of the handbook is still checked against what the file does
/// define: one bad duration in handbook.yaml must not hide every unknown role elsewhere.
pub fn read_all<T: DeserializeOwned>(mut node: Node) -> (Option<(T, Vec<Text>)>, Vec<Error>) {
    let mut reported: Vec<Error> = Vec::new();
    // Keys cut out of mappings (the mapping's span, the key): their absence is no news.
    let mut cut_keys: Vec<(Span, String)> = Vec::new();
    for _ in 0..MAX_PASSES {
        let read = de::from_node::<T>(&node);
        for error in read.skipped {
            report(&mut reported, error);
        }
        let error = match read.result {
            Ok(value) => return (Some((value, read.markdown)), reported),
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
        match span.and_then(|s| cut(&mut node, &s)) {
            Some(Cut::Key { map, key }) => cut_keys.push((map, key)),
            Some(Cut::Item) => {}
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

enum Cut {
    /// A `key: value` entry of the mapping at `map`.
    Key { map: Span, key: String },
    /// An item of a list.
    Item,
}

/// Removes the entry or list item that holds the node at `span` (or is it).
fn cut(node: &mut Node, span: &Span) -> Option<Cut> {
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
            entries.iter_mut().find_map(|(_, v)| cut(v, span))
        }
        Value::Seq(items) => {
            if let Some(i) = items.iter().position(|item| &item.span == span) {
                items.remove(i);
                return Some(Cut::Item);
            }
            items.iter_mut().find_map(|item| cut(item, span))
        }
        Value::Null | Value::Scalar(_) => None,
    }
}
