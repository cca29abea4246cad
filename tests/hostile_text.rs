//! Text a careless or hostile author may write: control characters, YAML alias bombs. Each is
//! an error at its file, line and column, and the rest of the file is still checked.

mod common;

use common::{Fixture, build, shorts};

#[test]
fn a_nul_in_yaml_is_an_error_and_the_rest_of_the_file_is_still_checked() {
    let f = Fixture::new();
    f.edit(
        "content/suppliers/host.yaml",
        "services: [Hosting]",
        "services: [Hosting]\0",
    );
    f.edit(
        "content/suppliers/host.yaml",
        "    hours: 24/7",
        "    hours: 24/7\n    emial: x",
    );
    let diags = f.check();
    assert_eq!(
        shorts(&diags),
        [
            "error content/suppliers/host.yaml:3:20 a control character (U+0000 NUL) in the text",
            "error content/suppliers/host.yaml:8:5 unknown key `emial`",
        ]
    );
    assert_eq!(
        diags[0].help.as_deref(),
        Some(
            "remove it: YAML and Markdown files may hold tabs and line breaks, but no other control characters"
        )
    );
}

#[test]
fn control_characters_in_markdown_and_front_matter_are_errors_and_never_published() {
    let f = Fixture::new();
    f.edit(
        "content/playbooks/ransomware.md",
        "- [ ] Isolate",
        "- [ ] Iso\0late",
    );
    f.edit(
        "content/playbooks/ransomware.md",
        "title: Ransomware",
        "title: Ransom\u{1b}[2Jware",
    );
    f.edit("content/pages/about.md", "# Why", "# Why\u{85}\u{7f}");
    assert_eq!(
        shorts(&f.check()),
        [
            "error content/pages/about.md:4:6 a control character (U+0085) in the text",
            "error content/playbooks/ransomware.md:2:14 a control character (U+001B escape) in the text",
            "error content/playbooks/ransomware.md:15:10 a control character (U+0000 NUL) in the text",
        ]
    );
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(!f.path("site").exists());
    assert!(
        !stderr.contains('\u{1b}'),
        "no escape sequence reaches the terminal"
    );
}

#[test]
fn tabs_and_line_breaks_are_fine() {
    let f = Fixture::new();
    f.edit("content/pages/about.md", "# Why", "# Why\r\n\tIndented code\r");
    assert_eq!(shorts(&f.check()), Vec::<String>::new());
}

/// `check --format json` that must finish within `seconds`.
fn check_within(f: &Fixture, seconds: u64) -> Vec<common::Diag> {
    let output = common::irbook()
        .args(["check", "--format", "json", "--root"])
        .arg(f.root())
        .timeout(std::time::Duration::from_secs(seconds))
        .output()
        .unwrap();
    assert!(output.status.code().is_some(), "killed: {output:?}");
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn aliases_copying_a_long_text_many_times_are_refused_quickly() {
    let f = Fixture::new();
    let aliases = "  - *big\n".repeat(2_000);
    let handbook = common::HANDBOOK.replace(
        "title: Test Handbook\n",
        &format!(
            "title: Test Handbook\nstart_here: &big \"{}\"\n",
            "x".repeat(100_000)
        ),
    ) + "copies:\n"
        + &aliases;
    f.write("handbook.yaml", &handbook);
    let eleventh = common::HANDBOOK.lines().count() + 1 + 1 + 11;
    let diags = check_within(&f, 20);
    assert_eq!(
        shorts(&diags),
        [format!(
            "error handbook.yaml:{eleventh}:5 aliases (`*name`) copy more than 1 MB of text"
        )]
    );
    assert_eq!(
        diags[0].help.as_deref(),
        Some("write the values out where they are needed, or copy fewer of them with aliases (`*name`)")
    );
}

#[test]
fn aliases_nesting_deeper_than_the_limit_are_refused() {
    let f = Fixture::new();
    let mut chain = format!("a0: &a0 {}x{}\n", "[".repeat(60), "]".repeat(60));
    for i in 1..20_000 {
        chain.push_str(&format!("a{i}: &a{i} [*a{}]\n", i - 1));
    }
    f.write("content/suppliers/deep.yaml", &chain);
    assert_eq!(
        shorts(&check_within(&f, 20)),
        ["error content/suppliers/deep.yaml:5:10 an alias (`*name`) nests values more than 64 levels deep"]
    );
}
