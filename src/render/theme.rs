//! The templates and assets a site is rendered with: the built-in default theme, embedded in
//! the binary, with any file of the handbook's own `themes/<name>/` taking its place.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::strings::{self, Table};
use crate::diag::Diagnostic;
use crate::fsguard::{self, HandbookRoot, Refusal, Refused};
use crate::source::{FileId, SourceFile, Sources, relative_path};

macro_rules! builtin {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/templates/", $name)))),*]
    };
}

/// The built-in templates, by name.
const TEMPLATES: &[(&str, &str)] = builtin!(
    "components/phone.html",
    "components/email.html",
    "components/contact_card.html",
    "components/contacts_section.html",
    "components/pager.html",
    "components/list_index.html",
    "components/list_summary.html",
    "base.html",
    "index.html",
    "suppliers.html",
    "supplier.html",
    "plans.html",
    "docs.html",
    "plan.html",
    "doc.html",
    "roles.html",
    "contacts.html",
    "search.html",
    "404.html",
    "obligations.html",
    "messages.html",
    "form-meta.html",
    "incident-log.html",
    "chain-of-custody.html",
    "form.html",
    "party.html",
    "parties.html",
    "communication.html",
    "systems.html",
    "print.html",
    "offline.html",
);

/// The built-in assets, by their path in the site.
const ASSETS: &[(&str, &[u8])] = &[
    (
        "assets/style.css",
        include_bytes!("../../themes/default/static/style.css"),
    ),
    (
        "assets/irbook.js",
        include_bytes!("../../themes/default/static/irbook.js"),
    ),
    (
        "assets/incident.js",
        include_bytes!("../../themes/default/static/incident.js"),
    ),
    (
        "assets/clock.js",
        include_bytes!("../../themes/default/static/clock.js"),
    ),
    (
        "assets/favicon.svg",
        include_bytes!("../../themes/default/static/favicon.svg"),
    ),
];

pub struct Theme {
    tera: tera::Tera,
    /// Template name -> the file it was read from, to place template errors.
    files: HashMap<String, FileId>,
    /// Site path -> bytes.
    pub assets: Vec<(String, Vec<u8>)>,
    /// The words of the theme's own `i18n/<language>.yaml`, by language code.
    words: BTreeMap<String, Table>,
    /// What `check` says about the theme without it stopping a build.
    pub warnings: Vec<Diagnostic>,
}

/// A theme's files, read but not yet compiled: [`ThemeFiles::compile`] needs no more access to
/// the disk or to `Sources` than reading them, so that it can run beside other work.
pub struct ThemeFiles {
    /// Template name -> the file it was read from, and the templates' text.
    files: HashMap<String, FileId>,
    templates: HashMap<String, String>,
    assets: HashMap<String, Vec<u8>>,
    /// The theme's own `i18n/` files (path relative to it), not yet parsed.
    languages: Vec<(String, FileId)>,
    /// The files the read rule refused or that are not UTF-8.
    problems: Vec<Diagnostic>,
}

impl ThemeFiles {
    /// The default theme's files with the overrides found in `<root>/themes/<name>/`, each
    /// added to `sources`.
    pub fn read(root: &Path, name: &str, sources: &mut Sources) -> Result<ThemeFiles, Vec<Diagnostic>> {
        let mut files = HashMap::new();
        let mut templates: HashMap<String, String> = HashMap::new();
        for (template, text) in TEMPLATES {
            let path = format!("themes/default/templates/{template} (built-in)");
            files.insert(
                template.to_string(),
                sources.add(SourceFile::new(path, text.to_string())),
            );
            templates.insert(template.to_string(), text.to_string());
        }
        let mut assets: HashMap<String, Vec<u8>> = ASSETS
            .iter()
            .map(|(path, bytes)| (path.to_string(), bytes.to_vec()))
            .collect();
        let dir = root.join("themes").join(name);
        let guard = HandbookRoot::new(root)
            .map_err(|e| vec![Diagnostic::error(format!("cannot read {}: {e}", root.display())).io()])?;
        let mut problems = Vec::new();
        for (rel, id) in text_files(
            root,
            &guard,
            &dir.join("templates"),
            "template",
            sources,
            &mut problems,
        ) {
            files.insert(rel.clone(), id);
            templates.insert(rel, sources.get(id).text.to_string());
        }
        let (found, refused) = files_under(&guard, &dir.join("static"));
        problems.extend(
            refused
                .into_iter()
                .map(|(path, r)| refusal(root, &path, &r, sources)),
        );
        for (rel, path) in found {
            match guard.read(&path, fsguard::TEXT_LIMIT) {
                Ok(bytes) => {
                    assets.insert(format!("assets/{rel}"), bytes);
                }
                Err(r) => problems.push(refusal(root, &path, &r, sources)),
            }
        }
        let languages = text_files(
            root,
            &guard,
            &dir.join("i18n"),
            "language file",
            sources,
            &mut problems,
        );
        Ok(ThemeFiles {
            files,
            templates,
            assets,
            languages,
            problems,
        })
    }

    /// The theme: its language files parsed and its templates compiled (`sources` has the
    /// files [`ThemeFiles::read`] added).
    pub fn compile(self, sources: &Sources) -> Result<Theme, Vec<Diagnostic>> {
        let mut problems = self.problems;
        // Two parts of a millisecond or two each, the templates the longer.
        let ((words, warnings), compiled) = rayon::join(
            || language_tables(&self.languages, sources, &mut problems),
            || {
                let mut tera = tera::Tera::new();
                tera.autoescape_on(vec![".html"]);
                tera.add_raw_templates(self.templates).map(|()| tera)
            },
        );
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut theme = Theme {
            tera: tera::Tera::new(),
            files: self.files,
            assets: self.assets.into_iter().collect(),
            words,
            warnings,
        };
        theme.assets.sort();
        theme.tera = compiled.map_err(|e| vec![theme.diagnostic(&e)])?;
        Ok(theme)
    }
}

impl Theme {
    /// The default theme with the overrides found in `<root>/themes/<name>/`: read and compiled.
    pub fn load(root: &Path, name: &str, sources: &mut Sources) -> Result<Theme, Vec<Diagnostic>> {
        ThemeFiles::read(root, name, sources)?.compile(sources)
    }

    /// The site's words in the language `code` ("da"): the theme's own where it has them, the
    /// default theme's otherwise, English where neither has the language's word.
    pub fn strings(&self, code: &str) -> BTreeMap<&str, &str> {
        strings::merged(code, &self.words)
    }

    pub fn render(&self, template: &str, context: &tera::Context) -> Result<String, Diagnostic> {
        self.tera
            .render(template, context)
            .map_err(|e| self.diagnostic(&e))
    }

    /// A template error at its file and line.
    fn diagnostic(&self, error: &tera::Error) -> Diagnostic {
        let help = "the templates, blocks and variables a theme has are described in irbook's theming guide (docs/theming.md)";
        match error.kind() {
            tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
                let message = format!("template: {}", report.message());
                match self.files.get(report.filename()) {
                    Some(&file) => Diagnostic::error(message)
                        .at(file, report.span().range.clone())
                        .help(help),
                    None => Diagnostic::error(format!("{message} (in {})", report.filename())).help(help),
                }
            }
            other => {
                let text = other.to_string();
                Diagnostic::error(format!("template: {}", text.trim_start_matches("error: "))).help(help)
            }
        }
    }
}

/// The text files under `dir` (relative path, the file in `sources`); a file the read rule
/// refuses or that is not UTF-8 is reported in `problems` as a `what`.
fn text_files(
    root: &Path,
    guard: &HandbookRoot,
    dir: &Path,
    what: &str,
    sources: &mut Sources,
    problems: &mut Vec<Diagnostic>,
) -> Vec<(String, FileId)> {
    let (found, refused) = files_under(guard, dir);
    problems.extend(
        refused
            .into_iter()
            .map(|(path, r)| refusal(root, &path, &r, sources)),
    );
    let mut out = Vec::new();
    for (rel, path) in found {
        let bytes = match guard.read(&path, fsguard::TEXT_LIMIT) {
            Ok(bytes) => bytes,
            Err(r) => {
                problems.push(refusal(root, &path, &r, sources));
                continue;
            }
        };
        match String::from_utf8(bytes) {
            Ok(text) => out.push((
                rel,
                sources.add(SourceFile::new(relative_path(root, &path), text)),
            )),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let id = sources.add(SourceFile::new(
                    relative_path(root, &path),
                    String::from_utf8_lossy(e.as_bytes()).into_owned(),
                ));
                problems.push(
                    Diagnostic::error("the file is not valid UTF-8")
                        .at(id, at..at)
                        .help(format!("save the {what} as UTF-8")),
                );
            }
        }
    }
    out
}

/// The theme's language files (path relative to `i18n/`, file): their words by language code,
/// and the warnings about them; a file that does not parse is added to `problems`.
fn language_tables(
    files: &[(String, FileId)],
    sources: &Sources,
    problems: &mut Vec<Diagnostic>,
) -> (BTreeMap<String, Table>, Vec<Diagnostic>) {
    let mut words = BTreeMap::new();
    let mut warnings = Vec::new();
    for (rel, file) in files {
        let file = *file;
        let code = rel
            .strip_suffix(".yaml")
            .filter(|c| !c.is_empty() && !c.contains('/'));
        let Some(code) = code else {
            warnings.push(
                Diagnostic::warning("not a language file: the file is not used")
                    .in_file(file)
                    .help("a theme's words are in `i18n/<language>.yaml`, e.g. `i18n/da.yaml`"),
            );
            continue;
        };
        match crate::load::read_table(sources.get(file), file) {
            Ok(entries) => {
                let english = strings::english();
                let mut seen = std::collections::HashSet::new();
                for entry in &entries {
                    if !seen.insert(entry.key.as_str()) {
                        warnings.push(
                            Diagnostic::warning(format!(
                                "the key `{}` is given twice: the last text is used",
                                entry.key
                            ))
                            .at(file, entry.span.clone())
                            .help("keep one line per key"),
                        );
                    } else if !english.contains_key(&entry.key) {
                        let help = match crate::suggest::did_you_mean(
                            &entry.key,
                            english.keys().map(String::as_str),
                        ) {
                            Some(key) => format!("did you mean `{key}`?"),
                            None => {
                                "the keys are those of the default theme's `i18n/en.yaml` (docs/theming.md)"
                                    .into()
                            }
                        };
                        warnings.push(
                            Diagnostic::warning(format!(
                                "unknown key `{}`: the theme has no such word",
                                entry.key
                            ))
                            .at(file, entry.span.clone())
                            .help(help),
                        );
                    }
                }
                if strings::built_in(code).is_none() {
                    warnings.push(
                        Diagnostic::warning(format!(
                            "`{code}` is not a `language:` irbook accepts yet (en, da, de): the file is checked but not used"
                        ))
                        .in_file(file)
                        .help("a new language needs irbook to accept its `language:` value (docs/theming.md)"),
                    );
                    let given: std::collections::HashSet<&str> =
                        entries.iter().map(|e| e.key.as_str()).collect();
                    for key in english.keys().filter(|k| !given.contains(k.as_str())) {
                        warnings.push(
                            Diagnostic::warning(format!(
                                "the key `{key}` is missing: the English text is shown"
                            ))
                            .in_file(file),
                        );
                    }
                }
                words.insert(
                    code.to_string(),
                    entries.into_iter().map(|e| (e.key, e.text)).collect(),
                );
            }
            Err(diagnostic) => problems.push(diagnostic),
        }
    }
    (words, warnings)
}

/// The error for a theme file the read rule refused, at that file.
fn refusal(root: &Path, path: &Path, refusal: &Refusal, sources: &mut Sources) -> Diagnostic {
    let id = sources.add(SourceFile::new(relative_path(root, path), String::new()));
    refusal.diagnostic().in_file(id)
}

/// Files below `dir` as (path relative to `dir`, full path), and what the read rule refused;
/// nothing if `dir` does not exist.
fn files_under(guard: &HandbookRoot, dir: &Path) -> (Vec<(String, PathBuf)>, Vec<Refused>) {
    let skip = |rel: &[String]| rel.last().is_some_and(|name| crate::load::is_leftover(name));
    let (walked, refused) = fsguard::walk(guard, dir, skip);
    let files = walked
        .into_iter()
        .filter(|w| !w.is_dir)
        .map(|w| (w.rel.join("/"), w.path))
        .collect();
    (files, refused)
}
