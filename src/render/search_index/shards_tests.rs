use super::*;
use crate::render::search_index::terms;
use crate::render::search_index::tests::entry;

/// The site's files (path, script) and the offline file's script.
fn write(index: &Indexes) -> (Vec<(String, String)>, String) {
    let mut files = Vec::new();
    let inline = index
        .write(|path, script| {
            files.push((path, script));
            Ok::<(), ()>(())
        })
        .expect("writes");
    (files, inline)
}

/// The data of a shard's script: `IRBOOK_SEARCH_SHARD("version","name",<data>);`.
fn data(script: &str) -> serde_json::Value {
    let start = script.find(",[").expect("data") + 1;
    serde_json::from_str(&script[start..script.len() - 3]).expect("JSON")
}

#[test]
fn strings_are_written_as_serde_json_writes_them() {
    let all_bytes: String = (0u8..0x80).map(char::from).collect();
    for text in [
        "",
        "plain",
        "\"quoted\" \\ back",
        "tab\tline\nfeed\u{8}\u{c}\r",
        "Ø \u{2028} ✓",
        &all_bytes,
    ] {
        let expected = serde_json::to_string(text).unwrap();
        assert_eq!(json(text), expected);
        assert_eq!(json_len(text), expected.len(), "{text:?}");
    }
}

#[test]
fn a_long_document_is_found_by_every_word_but_keeps_the_start_of_its_text() {
    // The cut falls inside the two bytes of `Ø`: it is made before the letter.
    let first = format!("{}Ø", "a".repeat(DOC_TEXT_BYTES - 1));
    let long = format!("{first} tail");
    let entries = [entry("long", &long), entry("short", "tail")];
    let terms = terms(&entries);
    let index = Indexes::new(&terms, &entries, vec!["#long".into(), "#short".into()]);
    let (files, _) = write(&index);
    let names: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(names, ["search/t0.js", "search/d0.js", "search/d1.js"]);
    assert_eq!(data(&files[1].1)[0][3], "a".repeat(DOC_TEXT_BYTES - 1));
    assert_eq!(
        data(&files[2].1),
        serde_json::json!([[0, "short", "playbooks/short.html", "tail"]])
    );
}

#[test]
fn the_dictionary_says_where_shards_start() {
    let long = "word ".repeat(3000);
    let entries: Vec<Entry> = ["a", "b", "c"].iter().map(|t| entry(t, &long)).collect();
    let terms = terms(&entries);
    let urls = entries.iter().map(|e| format!("#{}", e.title)).collect();
    let index = Indexes::new(&terms, &entries, urls);
    let dictionary = index.dictionary();
    assert!(dictionary.contains("\"docs\":[1,2]"), "{dictionary}");
    let (files, inline) = write(&index);
    let names: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(names, index.paths());
    assert_eq!(
        names,
        ["search/t0.js", "search/d0.js", "search/d1.js", "search/d2.js"]
    );
    assert!(files[0].1.starts_with("IRBOOK_SEARCH_SHARD(\""), "{}", files[0].1);
    assert!(
        inline.contains("\"shards\":{\"t0\":[[1],[3],[5],[0,2,2]],\"d0\":[[0,\"a\",\"#a\",\"word "),
        "{}",
        &inline[..300]
    );
}

#[test]
fn the_offline_copy_holds_the_site_s_shards_with_its_own_addresses() {
    // Texts of many sizes, with `</` (which the inline copy must not have), quotes and
    // control characters (which JSON writes longer), so that shards end where the sizes
    // say and the inline copy is made in the space measured for it.
    let texts: Vec<String> = (0..60)
        .map(|i| {
            format!(
                "{} </script> \"{i}\"\u{1}\t{}",
                "x ".repeat(i * 97 % 3000),
                "ø".repeat(i)
            )
        })
        .collect();
    let titles: Vec<String> = (0..60).map(|i| format!("T{i} </b>")).collect();
    let entries: Vec<Entry> = titles.iter().zip(&texts).map(|(t, x)| entry(t, x)).collect();
    let terms = terms(&entries);
    let urls: Vec<String> = (0..60)
        .map(|i| format!("#section-{}-top", "z".repeat(i)))
        .collect();
    let index = Indexes::new(&terms, &entries, urls.clone());
    let (files, inline) = write(&index);
    assert!(!inline.contains("</"));
    let capacity = index.inline_capacity(&index.header(&index.offline));
    // Measured to within the room left for the shards' names.
    let names = 16 * files.len() + 64;
    assert!(
        inline.len() <= capacity && capacity - inline.len() < names,
        "{} {capacity}",
        inline.len()
    );

    let site: Vec<serde_json::Value> = files
        .iter()
        .filter(|(p, _)| p.starts_with("search/d"))
        .flat_map(|(_, s)| data(s).as_array().unwrap().clone())
        .collect();
    let start = inline.find('{').unwrap();
    let inline: serde_json::Value = serde_json::from_str(&inline[start..inline.len() - 2]).unwrap();
    let docs: Vec<usize> = serde_json::from_value(inline["docs"].clone()).unwrap();
    let mut offline = Vec::new();
    for n in 0..=docs.len() {
        offline.extend(inline["shards"][format!("d{n}")].as_array().unwrap().clone());
    }
    assert_eq!(site.len(), 60);
    assert_eq!(offline.len(), 60);
    for (i, (s, o)) in site.iter().zip(&offline).enumerate() {
        assert_eq!(s[2], entries[i].url);
        assert_eq!(o[2], urls[i]);
        assert_eq!((&s[0], &s[1], &s[3]), (&o[0], &o[1], &o[3]));
        assert_eq!(s[3], texts[i]);
    }
    // Each shard of the site but the last ends with the document that makes it as large as
    // a shard is to be, and not before.
    for (_, script) in files
        .iter()
        .filter(|(p, _)| p.starts_with("search/d"))
        .rev()
        .skip(1)
    {
        let shard = serde_json::to_string(&data(script)).unwrap();
        let records = data(script).as_array().unwrap().clone();
        let last = serde_json::to_string(records.last().unwrap()).unwrap();
        // Without its closing `]`, and without its last document and the comma before it.
        let open = shard.len() - 1;
        assert!(open >= DOC_SHARD_BYTES, "{open}");
        assert!(open - last.len() - 1 < DOC_SHARD_BYTES, "{open}");
    }
}
