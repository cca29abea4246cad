//! Splits a Markdown file into its YAML front matter and its body.

/// The two parts of a Markdown file, as offsets into its text.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    pub yaml_offset: usize,
    pub body: &'a str,
    pub body_offset: usize,
}

#[derive(Debug, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with a `---` line.
    Missing,
    /// The opening `---` has no closing `---` line.
    Unterminated,
}

pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().ok_or(SplitError::Missing)?;
    if first.trim_end() != "---" {
        return Err(SplitError::Missing);
    }
    let yaml_offset = first.len();
    let mut offset = yaml_offset;
    for line in lines {
        if matches!(line.trim_end(), "---" | "...") {
            let body_offset = offset + line.len();
            return Ok(Split {
                yaml: &text[yaml_offset..offset],
                yaml_offset,
                body: &text[body_offset..],
                body_offset,
            });
        }
        offset += line.len();
    }
    Err(SplitError::Unterminated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter() {
        let text = "---\r\ntitle: A\r\n---\r\n# Body\n";
        let s = split(text).unwrap();
        assert_eq!(s.yaml, "title: A\r\n");
        assert_eq!(s.yaml_offset, 5);
        assert_eq!(s.body, "# Body\n");
        assert_eq!(split("# no front matter"), Err(SplitError::Missing));
        assert_eq!(split("---\ntitle: A\n"), Err(SplitError::Unterminated));
        assert_eq!(split(""), Err(SplitError::Missing));
    }
}
