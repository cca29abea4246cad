//! The `irbook check` output quoted in the README and docs/ is produced here, by running
//! `check` on a fresh `irbook init` with the mistakes each example names: a doc example that no
//! longer matches what irbook prints fails this test. `IRBOOK_BLESS=1 cargo test --test
//! doc_examples` writes the current output into the docs instead.
//!
//! A doc example is an HTML comment naming the changes, one per line, followed by the fenced
//! block that shows the output:
//!
//! ````text
//! <!-- irbook check, on `irbook init` with:
//! content/plans/recovery.yaml: `responsible: technical-lead` -> `responsible: techincal-lead`
//! -->
//! ```
//! error: ...
//! ```
//! ````
//!
//! Each change replaces the first occurrence of the text in that file, which must be there.
//! Instead of changes, `nothing changed, the first N lines` quotes a fresh example's first N
//! lines of output, `...` and its last two.
//! The warnings about the example's invented values, which every fresh example has, are shown
//! as one `...` line per run.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

const DOCS: &[&str] = &[
    "README.md",
    "docs/format.md",
    "docs/editing.md",
    "docs/tutorial.md",
];
const MARKER: &str = "<!-- irbook check, on `irbook init` with:";

/// One quoted output: where its fenced block's lines are, and the changes that produce it.
struct Example {
    changes: Vec<Change>,
    /// Quote only the first this many lines of the example data, then `...` and the count.
    head: Option<usize>,
    /// The byte range of the text between the fences.
    output: std::ops::Range<usize>,
}

struct Change {
    file: String,
    old: String,
    new: String,
}

fn examples(doc: &str, text: &str) -> Vec<Example> {
    let mut found = Vec::new();
    let mut rest = 0;
    while let Some(at) = text[rest..].find(MARKER).map(|i| i + rest) {
        let end = text[at..].find("-->").map(|i| i + at).unwrap_or_else(|| {
            panic!("{doc}: a doc example's comment is not closed");
        });
        let lines: Vec<&str> = text[at + MARKER.len()..end]
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let head = lines.iter().find_map(|l| {
            l.strip_prefix("nothing changed, the first ")
                .and_then(|n| n.strip_suffix(" lines"))
                .map(|n| n.parse::<usize>().expect("a number of lines"))
        });
        let changes = lines
            .iter()
            .filter(|l| !l.starts_with("nothing changed"))
            .map(|line| change(doc, line))
            .collect();
        let open = text[end..].find("```").map(|i| i + end).unwrap_or_else(|| {
            panic!("{doc}: a doc example has no fenced block after its comment");
        });
        let start = text[open..]
            .find('\n')
            .map(|i| i + open + 1)
            .expect("fence line ends");
        let close = if text[start..].starts_with("```") {
            start
        } else {
            text[start..]
                .find("\n```")
                .map(|i| i + start + 1)
                .unwrap_or_else(|| {
                    panic!("{doc}: a doc example's fenced block is not closed");
                })
        };
        found.push(Example {
            changes,
            head,
            output: start..close,
        });
        rest = close;
    }
    found
}

fn change(doc: &str, line: &str) -> Change {
    let parsed = (|| {
        let (file, rest) = line.trim().split_once(": `")?;
        let (old, new) = rest.split_once("` -> `")?;
        Some(Change {
            file: file.to_string(),
            old: old.to_string(),
            new: new.strip_suffix('`')?.to_string(),
        })
    })();
    parsed.unwrap_or_else(|| panic!("{doc}: cannot read the change {line:?}: write FILE: `OLD` -> `NEW`"))
}

fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// What `irbook check` prints on a fresh example with `changes` made.
fn check_output(doc: &str, changes: &[Change], head: Option<usize>) -> String {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("handbook");
    irbook().args(["init", "-q"]).arg(&root).assert().success();
    for c in changes {
        let path = root.join(&c.file);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{doc}: {}: {e}", c.file));
        assert!(
            text.contains(&c.old),
            "{doc}: {} no longer contains {:?}: choose another change for this example",
            c.file,
            c.old
        );
        std::fs::write(&path, text.replacen(&c.old, &c.new, 1)).unwrap();
    }
    let run = irbook().arg("check").current_dir(&root).output().unwrap();
    let mut out = String::from_utf8(run.stdout).unwrap();
    out.push_str(&String::from_utf8(run.stderr).unwrap());
    match head {
        Some(n) => {
            let lines: Vec<&str> = out.lines().collect();
            let tail = &lines[lines.len().saturating_sub(2)..];
            format!(
                "{}\n...\n{}\n",
                lines[..n.min(lines.len())].join("\n"),
                tail.join("\n")
            )
        }
        None => without_example_data(&out),
    }
}

/// `out` with each run of warnings about the example's invented values (one line each) made
/// one `...` line: a doc example shows the problem it is about, not the hundred values a
/// fresh example has still to replace.
fn without_example_data(out: &str) -> String {
    let mut kept = String::new();
    let mut skipping = false;
    for line in out.lines() {
        let example_data = line.starts_with("warning: ") && line.contains(": still the example's ");
        if example_data && !skipping {
            kept.push_str("...\n");
        }
        skipping = example_data;
        if !example_data {
            kept.push_str(line);
            kept.push('\n');
        }
    }
    kept
}

fn irbook() -> Command {
    let mut cmd = Command::cargo_bin("irbook").unwrap();
    cmd.env("NO_COLOR", "1").env("SOURCE_DATE_EPOCH", "1795046400");
    cmd
}

#[test]
fn every_quoted_check_output_is_what_check_prints() {
    let bless = std::env::var_os("IRBOOK_BLESS").is_some();
    let mut stale = Vec::new();
    let mut count = 0;
    for doc in DOCS {
        let path = repository().join(doc);
        let mut text = std::fs::read_to_string(&path).unwrap();
        let found = examples(doc, &text);
        count += found.len();
        // From the last to the first, so that earlier ranges stay where they are.
        for example in found.iter().rev() {
            let actual = check_output(doc, &example.changes, example.head);
            if text[example.output.clone()] != actual {
                stale.push(format!(
                    "{doc}:\n--- quoted\n{}--- printed\n{actual}",
                    &text[example.output.clone()]
                ));
                text.replace_range(example.output.clone(), &actual);
            }
        }
        if bless {
            write_if_changed(&path, &text);
        }
    }
    assert!(
        count >= 4,
        "the README and docs quote check's output in at least four places, found {count}"
    );
    assert!(
        bless || stale.is_empty(),
        "{} doc example(s) differ from what check prints (IRBOOK_BLESS=1 cargo test --test doc_examples updates them):\n{}",
        stale.len(),
        stale.join("\n")
    );
}

fn write_if_changed(path: &Path, text: &str) {
    if std::fs::read_to_string(path).unwrap() != text {
        std::fs::write(path, text).unwrap();
    }
}

#[test]
fn runs_of_example_data_warnings_are_one_line() {
    let out = "warning: a.yaml:1:1: still the example's phone number: replace it\nwarning: a.yaml:2:1: still the example's person: replace it\nerror: b.yaml:3:4: unknown role `x`\nwarning: c.yaml:1:1: still the example's e-mail address: replace it\n2 values are still the example's\n";
    assert_eq!(
        without_example_data(out),
        "...\nerror: b.yaml:3:4: unknown role `x`\n...\n2 values are still the example's\n"
    );
}

#[test]
fn a_change_that_is_not_in_the_file_is_refused() {
    let doc = "<!-- irbook check, on `irbook init` with:\nhandbook.yaml: `no such text` -> `x`\n-->\n```\nx\n```\n\n<!-- irbook check, on `irbook init` with:\n-->\n```\n```\nkept\n```sh\n```\n";
    let found = examples("test.md", doc);
    assert_eq!(found.len(), 2);
    assert_eq!(&doc[found[0].output.clone()], "x\n");
    assert_eq!(
        &doc[found[1].output.clone()],
        "",
        "an empty block ends at its own fence"
    );
    let result = std::panic::catch_unwind(|| check_output("test.md", &found[0].changes, None));
    let message = *result.unwrap_err().downcast::<String>().unwrap();
    assert!(
        message.contains("handbook.yaml no longer contains \"no such text\""),
        "{message}"
    );
}

#[test]
fn the_docs_link_only_to_files_in_the_repository() {
    let mut docs: Vec<PathBuf> = vec![repository().join("README.md")];
    for entry in std::fs::read_dir(repository().join("docs")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            docs.push(path);
        }
    }
    let mut broken = Vec::new();
    for doc in &docs {
        let text = std::fs::read_to_string(doc).unwrap();
        for word in ["FORMAT.md", "DOMAIN.md", "../shared"] {
            if text.contains(word) {
                broken.push(format!(
                    "{} names {word}, which is not in the repository",
                    doc.display()
                ));
            }
        }
        for event in pulldown_cmark::Parser::new(&text) {
            let (pulldown_cmark::Event::Start(pulldown_cmark::Tag::Link { dest_url, .. })
            | pulldown_cmark::Event::Start(pulldown_cmark::Tag::Image { dest_url, .. })) = event
            else {
                continue;
            };
            let target = dest_url.split('#').next().unwrap_or_default();
            if target.is_empty() || target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let path = doc.parent().unwrap().join(target);
            let inside = path.canonicalize().is_ok_and(|p| p.starts_with(repository()));
            if !inside {
                broken.push(format!("{} links to {target}", doc.display()));
            }
        }
    }
    assert!(docs.len() >= 10, "README and docs/*.md are read: {docs:?}");
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}
