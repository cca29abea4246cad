//! YAML merge keys (`<<: *defaults`) on the tree of nodes that `yaml.rs` builds.

use super::yaml::{Node, Value};

/// Applies YAML merge keys (`<<: *defaults`, `<<: [*a, *b]`): the merged mappings' entries
/// are added where the mapping has no entry of that key.
pub fn merge_keys(entries: &mut Vec<(Node, Node)>) {
    let is_merge = |key: &Node| matches!(&key.value, Value::Scalar(s) if s.plain && s.text == "<<");
    if !entries.iter().any(|(k, _)| is_merge(k)) {
        return;
    }
    let (merges, mut own): (Vec<_>, Vec<_>) = std::mem::take(entries)
        .into_iter()
        .partition(|(k, _)| is_merge(k));
    for (key, value) in merges {
        let sources = match value.value {
            Value::Map(map) => vec![map],
            Value::Seq(items) => items
                .into_iter()
                .filter_map(|item| match item.value {
                    Value::Map(map) => Some(map),
                    _ => None,
                })
                .collect(),
            other => {
                // Not a mapping: kept, so that the deserializer reports the `<<` key.
                own.push((
                    key,
                    Node {
                        value: other,
                        span: value.span,
                    },
                ));
                continue;
            }
        };
        for (k, v) in sources.into_iter().flatten() {
            let name = |n: &Node| match &n.value {
                Value::Scalar(s) => Some(s.text.clone()),
                _ => None,
            };
            if !own.iter().any(|(o, _)| name(o).is_some() && name(o) == name(&k)) {
                own.push((k, v));
            }
        }
    }
    *entries = own;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(node: &Node) -> &Vec<(Node, Node)> {
        match &node.value {
            Value::Map(entries) => entries,
            other => panic!("not a map: {other:?}"),
        }
    }

    #[test]
    fn merge_keys_fill_in_what_the_mapping_lacks() {
        let text = "base: &noc {hours: 24/7, role: NOC}\nnoc:\n  <<: *noc\n  role: Night desk\n";
        let root = super::super::yaml::parse(text, 0).unwrap();
        let Value::Map(noc) = &map(&root)[1].1.value else {
            panic!()
        };
        let pairs: Vec<(String, String)> = noc
            .iter()
            .map(|(k, v)| match (&k.value, &v.value) {
                (Value::Scalar(k), Value::Scalar(v)) => (k.text.clone(), v.text.clone()),
                _ => panic!(),
            })
            .collect();
        assert_eq!(
            pairs,
            [
                ("role".to_string(), "Night desk".to_string()),
                ("hours".to_string(), "24/7".to_string())
            ]
        );
    }
}
