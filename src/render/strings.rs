//! The built site's own words in the handbook's `language`: the default theme's tables
//! (`themes/default/i18n/<language>.yaml`, embedded in the binary), with the words of a
//! handbook's theme in their place, key by key.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use crate::load::read_table;
use crate::source::{SourceFile, Sources};

/// Words by key, for one language.
pub type Table = BTreeMap<String, String>;

/// The default theme's tables: (language code, the file's text).
const BUILT_IN: [(&str, &str); 3] = [
    ("en", include_str!("../../themes/default/i18n/en.yaml")),
    ("da", include_str!("../../themes/default/i18n/da.yaml")),
    ("de", include_str!("../../themes/default/i18n/de.yaml")),
];

static TABLES: LazyLock<BTreeMap<&'static str, Table>> = LazyLock::new(|| {
    BUILT_IN
        .iter()
        .map(|&(code, text)| {
            let mut sources = Sources::default();
            let file = sources.add(SourceFile::new(
                format!("themes/default/i18n/{code}.yaml"),
                text.to_string(),
            ));
            let table = read_table(sources.get(file), file)
                .unwrap_or_else(|e| panic!("themes/default/i18n/{code}.yaml: {}", e.message))
                .into_iter()
                .map(|entry| (entry.key, entry.text))
                .collect();
            (code, table)
        })
        .collect()
});

/// The default theme's table of a language, if it has one.
pub fn built_in(code: &str) -> Option<&'static Table> {
    TABLES.get(code)
}

/// The default theme's English table: every key there is.
pub fn english() -> &'static Table {
    &TABLES["en"]
}

/// The words of the language `code` as templates see them (`t.contacts`): the theme's own
/// (`theme`, by language code), then the default theme's, then English (the theme's, then the
/// default theme's) for a key neither has.
pub fn merged<'a>(code: &str, theme: &'a BTreeMap<String, Table>) -> BTreeMap<&'a str, &'a str> {
    let layers = [Some(english()), theme.get("en"), built_in(code), theme.get(code)];
    let mut out = BTreeMap::new();
    for table in layers.into_iter().flatten() {
        out.extend(table.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    }
    out
}

/// The default theme's words of one language, by key.
#[cfg(test)]
pub fn strings(language: crate::model::Language) -> BTreeMap<&'static str, &'static str> {
    TABLES[language.code()]
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_built_in_tables_have_exactly_the_same_keys() {
        let keys = |code: &str| built_in(code).unwrap().keys().cloned().collect::<Vec<_>>();
        assert!(keys("en").len() > 100, "the English table is read");
        assert_eq!(keys("da"), keys("en"), "da.yaml and en.yaml");
        assert_eq!(keys("de"), keys("en"), "de.yaml and en.yaml");
        for (code, file) in BUILT_IN {
            let lines = file
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .count();
            assert_eq!(
                lines,
                built_in(code).unwrap().len(),
                "{code}.yaml has a key twice"
            );
            for (key, text) in built_in(code).unwrap() {
                assert!(!text.trim().is_empty(), "{code}.yaml: `{key}` is empty");
            }
        }
    }

    #[test]
    fn a_theme_changes_words_one_by_one_and_a_missing_word_is_english() {
        let mut theme = BTreeMap::new();
        theme.insert(
            "da".to_string(),
            Table::from([("contacts".into(), "Telefonliste".into())]),
        );
        theme.insert("fr".to_string(), Table::from([("home".into(), "Accueil".into())]));
        let da = merged("da", &theme);
        assert_eq!(da["contacts"], "Telefonliste");
        assert_eq!(da["home"], "Forside");
        assert_eq!(da.len(), english().len());
        let fr = merged("fr", &theme);
        assert_eq!(fr["home"], "Accueil");
        assert_eq!(fr["contacts"], "Emergency contacts");
        assert_eq!(
            merged("en", &BTreeMap::new()),
            strings(crate::model::Language::En)
        );
    }
}
