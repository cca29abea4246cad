//! Front matter of other generators translated into irbook's: `description` -> `summary`,
//! `date`/`lastmod`/`last_modified_at` -> `last_reviewed`, `weight`/`nav_order` -> `order`,
//! `tags`/`categories` -> `tags`; keys with no meaning here are dropped and named. Written
//! back with every string double-quoted, so that a title with `:` or `#` stays a title.

use crate::load::{YamlNode, YamlValue, parse_yaml};
use crate::model::Date;

/// irbook front matter, as far as an import fills it in.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Front {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub last_reviewed: Option<String>,
    pub exercised: Option<String>,
    pub order: Option<i64>,
    pub tags: Vec<String>,
    /// Keys of the source left out, in the order written.
    pub dropped: Vec<String>,
    /// Values that could not be translated, for the report.
    pub problems: Vec<String>,
}

/// Reads another generator's front matter.
pub fn translate(yaml: &str) -> Front {
    let mut front = Front::default();
    let root = match parse_yaml(yaml, 0) {
        Ok(root) => root,
        Err(e) => {
            front
                .problems
                .push(format!("front matter not read ({})", e.message));
            return front;
        }
    };
    let YamlValue::Map(entries) = root.value else {
        if root.value != YamlValue::Null {
            front
                .problems
                .push("front matter is not a mapping: not read".into());
        }
        return front;
    };
    for (key, value) in &entries {
        let Some(key) = text(key) else { continue };
        match key.as_str() {
            "title" => front.title = text(value),
            "summary" | "description" => {
                if front.summary.is_none() {
                    front.summary = text(value);
                }
            }
            "last_reviewed" | "date" | "lastmod" | "last_modified_at" => {
                match text(value).and_then(|t| date(&t)) {
                    // The latest of them is the last review.
                    Some(d) => {
                        if front.last_reviewed.as_ref().is_none_or(|old| *old < d) {
                            front.last_reviewed = Some(d);
                        }
                    }
                    None => front.problems.push(format!("`{key}` is not a date: dropped")),
                }
            }
            "exercised" => front.exercised = text(value).and_then(|t| date(&t)),
            "order" | "weight" | "nav_order" => {
                match text(value).and_then(|t| t.trim().parse::<i64>().ok()) {
                    Some(n) => {
                        front.order.get_or_insert(n);
                    }
                    None => front
                        .problems
                        .push(format!("`{key}` is not a whole number: dropped")),
                }
            }
            "tags" | "categories" | "category" => {
                for tag in list(value) {
                    if !front.tags.contains(&tag) {
                        front.tags.push(tag);
                    }
                }
            }
            _ => front.dropped.push(key),
        }
    }
    front
}

fn text(node: &YamlNode) -> Option<String> {
    match &node.value {
        YamlValue::Scalar(s) => Some(s.text.trim().to_string()).filter(|t| !t.is_empty()),
        _ => None,
    }
}

/// A list of words: a YAML list, or Jekyll's space-separated string.
fn list(node: &YamlNode) -> Vec<String> {
    match &node.value {
        YamlValue::Seq(items) => items.iter().filter_map(text).collect(),
        YamlValue::Scalar(s) => s.text.split_whitespace().map(str::to_string).collect(),
        _ => Vec::new(),
    }
}

/// `YYYY-MM-DD` from a date or a date and time (`2024-03-01 10:00:00 +0100`, RFC 3339).
fn date(text: &str) -> Option<String> {
    let day = text.trim().get(..10)?;
    Date::parse(day).ok().map(|d| d.to_string())
}

/// YAML double-quoted: `"` and `\` escaped, control characters as `\x..`.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Front {
    /// The front matter block, `---` lines included.
    pub fn render(&self) -> String {
        let mut out = String::from("---\n");
        if let Some(title) = &self.title {
            out.push_str(&format!("title: {}\n", quote(title)));
        }
        if let Some(summary) = &self.summary {
            out.push_str(&format!("summary: {}\n", quote(summary)));
        }
        if let Some(order) = self.order {
            out.push_str(&format!("order: {order}\n"));
        }
        if let Some(date) = &self.last_reviewed {
            out.push_str(&format!("last_reviewed: {date}\n"));
        }
        if let Some(date) = &self.exercised {
            out.push_str(&format!("exercised: {date}\n"));
        }
        if !self.tags.is_empty() {
            let tags: Vec<String> = self.tags.iter().map(|t| quote(t)).collect();
            out.push_str(&format!("tags: [{}]\n", tags.join(", ")));
        }
        out.push_str("---\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translates_keys_and_names_the_dropped() {
        let front = translate(
            "layout: page\ntitle: \"Outage: \\\"DNS\\\"\"\ndescription: When names fail\ndate: 2024-03-01 10:00:00 +0100\nlast_modified_at: 2025-01-02\nnav_order: 3\ntags: dns network\ncategories: [outages]\npermalink: /dns/\n",
        );
        assert_eq!(front.title.as_deref(), Some("Outage: \"DNS\""));
        assert_eq!(front.summary.as_deref(), Some("When names fail"));
        assert_eq!(front.last_reviewed.as_deref(), Some("2025-01-02"));
        assert_eq!(front.order, Some(3));
        assert_eq!(front.tags, ["dns", "network", "outages"]);
        assert_eq!(front.dropped, ["layout", "permalink"]);
        assert_eq!(
            front.render(),
            "---\ntitle: \"Outage: \\\"DNS\\\"\"\nsummary: \"When names fail\"\norder: 3\nlast_reviewed: 2025-01-02\ntags: [\"dns\", \"network\", \"outages\"]\n---\n"
        );
        // What is written reads back as it was meant.
        let written = front.render();
        let split = crate::load::split_front_matter(&written).unwrap();
        assert_eq!(translate(split.yaml).title, front.title);
    }

    #[test]
    fn a_bad_value_is_reported_not_written() {
        let front = translate("weight: heavy\ndate: someday\n");
        assert_eq!(front.order, None);
        assert_eq!(front.problems.len(), 2);
    }
}
