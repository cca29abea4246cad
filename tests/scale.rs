//! A handbook of 2,000 playbooks (realistic Markdown, links between them, nested folders),
//! 200 suppliers and 20 plans: every link of every page resolves, no page but the whole-handbook
//! files grows with the handbook, and search finds a word of one playbook from file:// while
//! loading a small part of the index.

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use common::search::{largest_page, search};
use common::site::{files, link_problems};
use common::{HANDBOOK, build};
use serde_json::json;

/// No other page may be larger than this, at any size of handbook.
const PAGE_LIMIT: usize = 150 * 1024;

/// A word that only one playbook has: the one in the middle.
const RARE: &str = "Quetzalcoatlus";

const TOPICS: [&str; 6] = [
    "ransomware",
    "phishing",
    "outage",
    "data-breach",
    "fraud",
    "lost-device",
];

fn playbook_id(i: usize) -> String {
    let topic = TOPICS[i % TOPICS.len()];
    match i % 5 {
        0 => format!("p{i:05}"),
        1 | 2 => format!("{topic}/p{i:05}"),
        _ => format!("{topic}/at-{}/p{i:05}", ["host", "office"][i % 2]),
    }
}

/// The relative path from playbook `from`'s file to playbook `to`'s.
fn relative(from: &str, to: &str) -> String {
    let up = from.matches('/').count();
    format!("{}{to}.md", "../".repeat(up))
}

fn playbook(i: usize, n: usize, suppliers: usize, plans: usize) -> String {
    let id = playbook_id(i);
    let next = playbook_id((i + 1) % n);
    let previous = playbook_id((i + n - 1) % n);
    let supplier = format!("s{:04}", (i * 7) % suppliers);
    let other = format!("s{:04}", (i * 13 + 1) % suppliers);
    let plan = format!("plan-{:03}", i % plans);
    let topic = TOPICS[i % TOPICS.len()];
    let rare = if i == n / 2 {
        format!(" The {RARE} procedure applies.")
    } else {
        String::new()
    };
    let mut text = String::new();
    let _ = write!(
        text,
        "---\ntitle: {topic} scenario {i:05}\nsummary: \"What to do when {topic} hits system {i}.\"\n\
         severity: {sev}\nsuppliers: [{supplier}]\nplans: [{plan}]\nowner: lead\norder: {i}\n---\n\
         # {topic} scenario {i:05}\n\n\
         This playbook covers {topic} on system {i}. Call the [lead](role:lead) and start the\n\
         [plan](plan:{plan}#notify).{rare}\n\n\
         ## First hour\n\n\
         - [ ] Write down the time and what you saw.\n\
         - [ ] Call [the supplier](supplier:{supplier}#contacts) on its 24/7 line.\n\
         - [ ] Keep the evidence: see [the next scenario](playbook:{next}#evidence).\n\n\
         ## Evidence\n\n\
         Export the logs before they rotate, hash every copy and write the hash in the log.\n\
         Compare with [the one before]({back}) and ask [the other supplier](supplier:{other}).\n\n\
         | Who | When |\n|---|---|\n| [Technical lead](role:tech) | at once |\n\n\
         ## Afterwards\n\n\
         Hold a lessons-learned meeting and update this playbook[^1].\n\n\
         [^1]: Reviewed once a year.\n",
        sev = ["high", "low"][i % 2],
        back = relative(&id, &previous),
    );
    text
}

fn supplier(i: usize) -> String {
    format!(
        "name: Supplier {i:04} A/S\ntier: {tier}\nservices: [Hosting, Backup]\ncontacts:\n  \
         - name: NOC {i:04}\n    phone: \"+45 70 00 {:02} {:02}\"\n    hours: 24/7\n    email: noc@s{i:04}.example\n\
         contract:\n  notify_within: 24h\nlast_reviewed: 2026-10-01\n",
        i / 100,
        i % 100,
        tier = ["critical", "important", "standard"][i % 3],
    )
}

fn plan(k: usize, suppliers: usize) -> String {
    let mut text = format!("title: Response plan {k:03}\nseverities: [high]\nowner: lead\nphases:\n");
    for (phase, id) in [("Detection", "detect"), ("Notify", "notify")] {
        let _ = write!(text, "  - title: {phase}\n    id: {id}\n    steps:\n");
        for s in 0..4 {
            let _ = write!(
                text,
                "      - action: Step {s} of {phase} in plan {k}\n        responsible: {}\n        within: {}h\n        suppliers: [s{:04}]\n",
                ["lead", "tech"][s % 2],
                s + 1,
                (k * 3 + s) % suppliers
            );
        }
    }
    text
}

/// Writes a handbook of `n` playbooks, `n / 10` suppliers and `n / 100` plans into `root`.
fn generate(root: &Path, n: usize) {
    let (suppliers, plans) = ((n / 10).max(1), (n / 100).max(1));
    let write = |rel: &str, text: &str| {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("handbook.yaml", HANDBOOK);
    for i in 0..suppliers {
        write(&format!("content/suppliers/s{i:04}.yaml"), &supplier(i));
    }
    for k in 0..plans {
        write(&format!("content/plans/plan-{k:03}.yaml"), &plan(k, suppliers));
    }
    for topic in TOPICS {
        let title = topic.replace('-', " ");
        write(
            &format!("content/playbooks/{topic}/_index.md"),
            &format!("---\ntitle: All about {title}\n---\n# {title}\n\nThe {title} playbooks.\n"),
        );
    }
    for i in 0..n {
        write(
            &format!("content/playbooks/{}.md", playbook_id(i)),
            &playbook(i, n, suppliers, plans),
        );
    }
}

/// A built handbook of `n` playbooks: its folder (kept while the value lives) and site.
fn site(n: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path(), n);
    let (code, stderr) = build(dir.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let site = dir.path().join("site");
    (dir, site)
}

#[test]
fn every_link_resolves_and_no_page_grows_with_the_handbook() {
    let (_small_dir, small) = site(1_000);
    let (_dir, large) = site(2_000);
    assert_eq!(link_problems(&large), Vec::<String>::new());

    let (small_size, small_page) = largest_page(&small);
    let (large_size, large_page) = largest_page(&large);
    eprintln!(
        "largest page: {small_page} {small_size} B at 1,000 playbooks, {large_page} {large_size} B at 2,000"
    );
    assert!(large_size <= PAGE_LIMIT, "{large_page} is {large_size} bytes");
    // At 1,000 playbooks every list already fills its pages: twice the handbook adds no more
    // than a few page numbers.
    assert!(
        large_size <= small_size + small_size / 20,
        "{large_page} ({large_size} B) grew from {small_page} ({small_size} B)"
    );

    let all = files(&large);
    let lists: Vec<&String> = all.keys().filter(|p| p.starts_with("playbooks_")).collect();
    assert!(lists.len() >= 19, "2,000 playbooks in pages of 100: {lists:?}");
    let shards: BTreeMap<&String, usize> = all
        .iter()
        .filter(|(p, _)| p.starts_with("search/"))
        .map(|(p, b)| (p, b.len()))
        .collect();
    assert!(shards.len() > 10, "{shards:?}");
    let worker = String::from_utf8(all["sw.js"].clone()).unwrap();
    for path in shards.keys().chain(lists.iter()) {
        assert!(worker.contains(&format!("\"{path}\"")), "sw.js lists {path}");
    }
}

#[test]
fn search_finds_a_rare_word_from_file_and_loads_little() {
    let (_dir, site) = site(2_000);
    let Some(found) = search(&site, &RARE.to_lowercase()) else {
        return;
    };
    let i = 2_000 / 2;
    let title = format!("{} scenario {i:05}", TOPICS[i % TOPICS.len()]);
    let href = format!("playbooks/{}.html", playbook_id(i));
    assert_eq!(found.hits, json!([[title, href, RARE]]));
    let dictionary = std::fs::metadata(site.join("search-index.js")).unwrap().len() as usize;
    assert!(found.total < 1024 * 1024, "{} bytes", found.total);
    // The dictionary, irbook.js, one shard of postings and one of documents.
    assert!(
        found.scripts < dictionary + 160 * 1024,
        "{} bytes of scripts",
        found.scripts
    );
}
