//! Markdown written for other generators (Jekyll, Hugo, MkDocs, GitHub): alerts render as
//! boxes, text that would print literally is a warning, raw HTML's anchors and links count,
//! and other generators' front matter keys get a hint naming irbook's.

mod common;

use common::site::{page, select, texts};
use common::{Diag, Fixture, build, shorts};

/// `short` and help of every diagnostic, for exact comparison.
fn with_help(diags: &[Diag]) -> Vec<(String, String)> {
    diags
        .iter()
        .map(|d| (d.short(), d.help.clone().unwrap_or_default()))
        .collect()
}

fn pair(short: &str, help: &str) -> (String, String) {
    (short.to_string(), help.to_string())
}

#[test]
fn placeholders_and_mkdocs_admonitions_are_warnings_outside_code() {
    let f = Fixture::new();
    f.write(
        "content/pages/imported.md",
        concat!(
            "---\n",
            "title: Imported\n",
            "---\n",
            "Written by {{ author }} on {% date %}.\n",
            "\n",
            "Keep `{{ literal }}` as it is.\n",
            "\n",
            "```liquid\n",
            "{% raw %}{{ x }}\n",
            "```\n",
            "\n",
            "!!! warning \"Back up first\"\n",
            "    Take a snapshot.\n",
            "\n",
            "??? note\n",
            "    Details.\n",
            "\n",
            "    !!! tip in an indented code block\n",
            "\n",
            "!!!danger \"No space\"\n",
            "    Still an admonition.\n",
            "<!-- {{ hidden }} -->\n",
        ),
    );
    let placeholder = "replace it with the real value, or put it in backticks if it is meant literally";
    assert_eq!(
        with_help(&f.check()),
        [
            pair(
                "warning content/pages/imported.md:4:12 `{{ author }}` prints literally: irbook fills in no placeholders",
                placeholder
            ),
            pair(
                "warning content/pages/imported.md:4:28 `{% date %}` prints literally: irbook fills in no placeholders",
                placeholder
            ),
            pair(
                "warning content/pages/imported.md:12:1 the MkDocs admonition `!!! warning` prints literally",
                "write a GitHub alert: a line `> [!WARNING]`, then the text on lines that start with `> ` (not indented)"
            ),
            pair(
                "warning content/pages/imported.md:15:1 the MkDocs admonition `??? note` prints literally",
                "write a GitHub alert: a line `> [!NOTE]`, then the text on lines that start with `> ` (not indented)"
            ),
            pair(
                "warning content/pages/imported.md:20:1 the MkDocs admonition `!!! danger` prints literally",
                "write a GitHub alert: a line `> [!CAUTION]`, then the text on lines that start with `> ` (not indented)"
            ),
        ]
    );
}

#[test]
fn other_generators_front_matter_keys_get_a_hint() {
    let f = Fixture::new();
    f.write(
        "content/pages/imported.md",
        concat!(
            "---\n",
            "title: Imported\n",
            "description: One line\n",
            "date: 2024-01-01\n",
            "nav_order: 3\n",
            "layout: default\n",
            "categories: [ops]\n",
            "draft: false\n",
            "sumary: typo\n",
            "---\n",
            "Body.\n",
        ),
    );
    let none = |key: &str| format!("`{key}` is another generator's key and has no meaning here: remove it");
    let meant = |key: &str, ours: &str| format!("`{key}` is another generator's key: irbook's is `{ours}`");
    assert_eq!(
        with_help(&f.check()),
        [
            pair(
                "error content/pages/imported.md:3:1 unknown key `description`",
                &meant("description", "summary")
            ),
            pair(
                "error content/pages/imported.md:4:1 unknown key `date`",
                &meant("date", "last_reviewed")
            ),
            pair(
                "error content/pages/imported.md:5:1 unknown key `nav_order`",
                &meant("nav_order", "order")
            ),
            pair(
                "error content/pages/imported.md:6:1 unknown key `layout`",
                &none("layout")
            ),
            pair(
                "error content/pages/imported.md:7:1 unknown key `categories`",
                &meant("categories", "tags")
            ),
            pair(
                "error content/pages/imported.md:8:1 unknown key `draft`",
                &none("draft")
            ),
            pair(
                "error content/pages/imported.md:9:1 unknown key `sumary`",
                "did you mean `summary`?"
            ),
        ]
    );
    // Elsewhere the same keys are only unknown: a supplier has no `description` to hint at.
    f.write("content/pages/imported.md", "---\ntitle: Imported\n---\nBody.\n");
    f.edit(
        "content/suppliers/host.yaml",
        "tier: critical\n",
        "tier: critical\nlayout: x\n",
    );
    let diags = f.check();
    assert_eq!(
        shorts(&diags),
        ["error content/suppliers/host.yaml:3:1 unknown key `layout`"]
    );
    assert!(diags[0].help.as_deref().unwrap().starts_with("known keys here: "));
}

#[test]
fn an_unquoted_colon_in_a_title_gets_the_quoting_hint() {
    let f = Fixture::new();
    f.edit(
        "content/playbooks/ransomware.md",
        "title: Ransomware\n",
        "title: Playbook: Ransomware\n",
    );
    assert_eq!(
        with_help(&f.check()),
        [pair(
            "error content/playbooks/ransomware.md:2:16 YAML syntax: mapping values are not allowed in this context",
            "a `: ` inside a value starts a new key: put the value in quotes, `title: \"Playbook: Ransomware\"`"
        )]
    );
}

#[test]
fn github_alerts_render_as_titled_boxes_in_the_handbooks_language() {
    let f = Fixture::new();
    f.edit(
        "content/playbooks/ransomware.md",
        "## First hour",
        "> [!WARNING]\n> Back up **first**.\n\n> [!TIP]\n> Breathe.\n\n> A plain quote.\n\n## First hour",
    );
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let html = page(&f.path("site"), "playbooks/ransomware.html");
    let alerts = select(&html, "main div.alert");
    let classes: Vec<_> = alerts.iter().map(|a| a.value().attr("class").unwrap()).collect();
    assert_eq!(classes, ["alert alert-warning", "alert alert-tip"]);
    assert!(alerts.iter().all(|a| a.value().attr("role") == Some("note")));
    assert_eq!(texts(&html, "main .alert .alert-title"), ["Warning", "Tip"]);
    assert_eq!(
        texts(&html, "main .alert-warning > p:not(.alert-title)"),
        ["Back up first."]
    );
    assert_eq!(texts(&html, "main blockquote"), ["A plain quote."]);
    let print = page(&f.path("site"), "print.html");
    assert_eq!(texts(&print, ".alert .alert-title"), ["Warning", "Tip"]);

    f.edit(
        "handbook.yaml",
        "timezone: Europe/Copenhagen\n",
        "timezone: Europe/Copenhagen\nlanguage: da\n",
    );
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let html = page(&f.path("site"), "playbooks/ransomware.html");
    assert_eq!(texts(&html, "main .alert .alert-title"), ["Advarsel", "Tip"]);
}

#[test]
fn raw_html_ids_and_names_are_anchors_and_its_links_are_checked() {
    let f = Fixture::new();
    f.edit(
        "content/pages/about.md",
        "# Why\n",
        "# Why\n\n<a name=\"ref-1\"></a>Reference one.\n\n<div id=\"box\">\n<a href='playbook:ransomware#first-hour'>first hour</a>\n</div>\n",
    );
    f.edit(
        "content/playbooks/ransomware.md",
        "## First hour",
        "See [ref](page:about#ref-1), [the box](../pages/about.md#box), <a href=\"#top-note\">the note</a> and <a href=\"page:about#ref-2\">a lost one</a>.\n\n<p id=\"top-note\">Note.</p>\n\n## First hour",
    );
    let diags = f.check();
    assert_eq!(
        with_help(&diags),
        [pair(
            "error content/playbooks/ransomware.md:13:110 broken link: no anchor `#ref-2` in page `about`",
            "did you mean `#ref-1`?"
        )]
    );

    f.edit(
        "content/playbooks/ransomware.md",
        "page:about#ref-2",
        "../pages/about.md#ref-1",
    );
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let site = f.path("site");
    let hrefs = |html: &scraper::Html, css: &str| -> Vec<String> {
        select(html, css)
            .iter()
            .map(|a| a.value().attr("href").unwrap().to_string())
            .collect()
    };
    let playbook = page(&site, "playbooks/ransomware.html");
    assert_eq!(
        hrefs(&playbook, "main p a[href*='about'], main p a[href^='#top']"),
        [
            "../pages/about.html#ref-1",
            "../pages/about.html#box",
            "#top-note",
            "../pages/about.html#ref-1",
            "../pages/about.html#why"
        ]
    );
    let about = page(&site, "pages/about.html");
    assert_eq!(select(&about, "a[name='ref-1']").len(), 1);
    assert_eq!(select(&about, "#box").len(), 1);
    assert_eq!(
        hrefs(&about, "#box a"),
        ["../playbooks/ransomware.html#first-hour"]
    );
    assert_eq!(select(&playbook, "#first-hour").len(), 1);
    // In print.html the name is prefixed as the ids are, and the links lead to it.
    let print = page(&site, "print.html");
    assert_eq!(select(&print, "a[name='pages-about--ref-1']").len(), 1);
    assert!(hrefs(&print, "a[href]").contains(&"#pages-about--ref-1".to_string()));
}

#[test]
fn a_broken_anchor_among_fifty_lists_at_most_five() {
    let f = Fixture::new();
    let headings: String = (1..=50).map(|n| format!("## Section {n}\n\nText.\n\n")).collect();
    f.write(
        "content/pages/long.md",
        &format!("---\ntitle: Long\n---\nSee [the end](#sektion-fifty).\n\n{headings}"),
    );
    let diags = f.check();
    assert_eq!(
        with_help(&diags),
        [pair(
            "error content/pages/long.md:4:15 broken link: no anchor `#sektion-fifty` in this page",
            "closest anchors in this page: #section-1, #section-2, #section-3, #section-4, #section-5 (of 50)"
        )]
    );
}

#[test]
fn a_link_to_a_file_renamed_on_the_way_in_names_the_document() {
    let f = Fixture::new();
    f.write("content/pages/severity-levels.md", "# Severity levels\n");
    f.edit(
        "content/playbooks/ransomware.md",
        "(../pages/about.md#why)",
        "(../pages/severity_levels.md)",
    );
    let diags = f.check();
    assert_eq!(
        shorts(&diags),
        [
            "error content/playbooks/ransomware.md:18:18 broken link: `../pages/severity_levels.md` is not a playbook or page of the handbook (looked for content/pages/severity_levels.md)"
        ]
    );
    assert_eq!(
        diags[0].help.as_deref(),
        Some("did you mean `page:severity-levels`? a typed link does not depend on folders or file names")
    );
}

#[test]
fn a_link_to_the_top_of_the_page_is_no_error_and_a_site_root_markdown_link_names_the_document() {
    let f = Fixture::new();
    f.write("content/pages/severity-levels.md", "# Severity levels\n");
    f.edit(
        "content/playbooks/ransomware.md",
        "(../pages/about.md#why)",
        "(#) and <a href=\"#\">top</a> and [levels](/before/severity_levels.md)",
    );
    let diags = f.check();
    assert_eq!(
        shorts(&diags),
        [
            "error content/playbooks/ransomware.md:18:58 broken link: no file `/before/severity_levels.md` in content/static/"
        ]
    );
    assert_eq!(
        diags[0].help.as_deref(),
        Some("did you mean `page:severity-levels`? a typed link does not depend on folders or file names")
    );
}

#[test]
fn a_broken_reference_link_is_reported_once_at_its_definition() {
    let f = Fixture::new();
    f.edit(
        "content/playbooks/ransomware.md",
        "## First hour",
        "See the [guidelines][ecg] and again the [guidelines][ecg].\n\n[ecg]: ../during/guidelines.md\n\n## First hour",
    );
    let diags = f.check();
    assert_eq!(
        shorts(&diags),
        [
            "error content/playbooks/ransomware.md:15:8 broken link: `../during/guidelines.md` is not a playbook or page of the handbook (looked for content/during/guidelines.md)"
        ]
    );
}
