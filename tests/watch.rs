//! `irbook watch` and the output folder's guarantees: one writer at a time, a folder that is
//! always complete for a reader, and recovery from an interrupted run.

mod common;

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::Fixture;
use common::live::Running;

fn read_site(site: &Path) -> Vec<String> {
    let manifest = std::fs::read_to_string(site.join(".irbook-site")).expect("the manifest");
    manifest
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(String::from)
        .collect()
}

#[test]
fn watch_rebuilds_on_change_and_a_reader_never_finds_a_page_missing() {
    let f = Fixture::new();
    let watch = Running::start(f.root(), &["watch"]);
    watch.wait_for("the first build", |l| {
        l.contains(" wrote ") && l.contains(" to ./site ")
    });
    watch.wait_for("the watching line", |l| l.starts_with("watching "));
    let site = f.path("site");
    let files = read_site(&site);
    assert!(files.contains(&"playbooks/ransomware.html".to_string()));

    let stop = Arc::new(AtomicBool::new(false));
    let reads = Arc::new(AtomicUsize::new(0));
    let reader = {
        let (stop, reads, site) = (Arc::clone(&stop), Arc::clone(&reads), site.clone());
        std::thread::spawn(move || {
            let mut missing = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                for page in ["index.html", "playbooks/ransomware.html", "assets/style.css"] {
                    match std::fs::read(site.join(page)) {
                        Ok(bytes) if !bytes.is_empty() => {}
                        other => missing.push(format!("{page}: {other:?}")),
                    }
                    reads.fetch_add(1, Ordering::Relaxed);
                }
            }
            missing
        })
    };
    for round in 0..8 {
        f.edit(
            "content/playbooks/ransomware.md",
            "# First hour",
            &format!("Round {round}.\n\n# First hour"),
        );
        let expected = format!("Round {round}.");
        let started = Instant::now();
        while !std::fs::read_to_string(site.join("playbooks/ransomware.html"))
            .is_ok_and(|p| p.contains(&expected))
        {
            assert!(
                started.elapsed() < Duration::from_secs(8),
                "round {round} not written:\n{}",
                watch.output().join("\n")
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    stop.store(true, Ordering::Relaxed);
    let missing = reader.join().unwrap();
    assert!(
        missing.is_empty(),
        "{} of {} reads failed: {:?}",
        missing.len(),
        reads.load(Ordering::Relaxed),
        &missing[..missing.len().min(5)]
    );
    assert!(reads.load(Ordering::Relaxed) > 100);
    // The line is printed after the files are written: give the last ones time to arrive.
    let rebuilt = |l: &str| l.contains(" wrote ") && l.contains("(after content/playbooks/ransomware.md)");
    let started = Instant::now();
    while watch.count(rebuilt) < 8 && started.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let lines = watch.count(rebuilt);
    assert!(lines >= 8, "one line per rebuild:\n{}", watch.output().join("\n"));
}

#[test]
fn a_broken_edit_keeps_the_site_and_says_so_on_one_line() {
    let f = Fixture::new();
    let watch = Running::start(f.root(), &["watch"]);
    watch.wait_for("the watching line", |l| l.starts_with("watching "));
    let before = std::fs::read(f.path("site/plans/recovery.html")).unwrap();
    f.edit(
        "content/plans/recovery.yaml",
        "responsible: ",
        "responsible: nobody-",
    );
    let line = watch.wait_for("the failure line", |l| l.contains("nothing written"));
    assert!(
        line.contains("1 error") && line.contains("site is as it was"),
        "{line}"
    );
    assert!(
        watch
            .output()
            .iter()
            .any(|l| l.starts_with("error: content/plans/recovery.yaml:"))
    );
    assert_eq!(std::fs::read(f.path("site/plans/recovery.html")).unwrap(), before);
}

#[test]
fn a_second_writer_is_refused_with_the_name_of_the_first() {
    let f = Fixture::new();
    let mut watch = Running::start(f.root(), &["watch"]);
    watch.wait_for("the watching line", |l| l.starts_with("watching "));
    let started = Instant::now();
    let (code, stderr) = common::build(f.root(), &[]);
    assert_eq!(code, 2, "{stderr}");
    let pid = watch.child.id();
    assert!(
        stderr.contains(&format!(
            "site is being written by `irbook watch` (process {pid})"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("only one irbook may write an output folder at a time"),
        "{stderr}"
    );
    assert!(started.elapsed() < Duration::from_secs(6), "waits only briefly");
    assert_eq!(watch.interrupt(), Some(0));
    let (code, stderr) = common::build(f.root(), &[]);
    assert_eq!(code, 0, "the lock goes with the process: {stderr}");
    let names: Vec<String> = std::fs::read_dir(f.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains("irbook-")), "{names:?}");
}

#[test]
fn two_builds_at_once_never_mix_their_sites() {
    let f = Fixture::new();
    let (code, _) = common::build(f.root(), &[]);
    assert_eq!(code, 0);
    let expected = read_site(&f.path("site"));
    for _ in 0..3 {
        let builds: Vec<_> = (0..2)
            .map(|_| {
                let root = f.root().to_path_buf();
                std::thread::spawn(move || common::build(&root, &[]))
            })
            .collect();
        let results: Vec<(i32, String)> = builds.into_iter().map(|b| b.join().unwrap()).collect();
        for (code, stderr) in &results {
            assert!(
                *code == 0 || (*code == 2 && stderr.contains("is being written by `irbook build`")),
                "{code}: {stderr}"
            );
        }
        assert!(results.iter().any(|(code, _)| *code == 0));
        assert_eq!(read_site(&f.path("site")), expected);
        for file in &expected {
            assert!(f.path("site").join(file).is_file(), "{file} is missing");
        }
    }
}

#[test]
fn leftovers_of_an_interrupted_run_are_recovered_and_foreign_ones_kept() {
    let f = Fixture::new();
    assert_eq!(common::build(f.root(), &[]).0, 0);
    // Interrupted between the two renames of a swap: the site aside, none in place.
    std::fs::rename(f.path("site"), f.path(".site.irbook-previous")).unwrap();
    // A failing build still puts the last complete site back.
    f.edit(
        "content/plans/recovery.yaml",
        "responsible: ",
        "responsible: nobody-",
    );
    assert_eq!(common::build(f.root(), &[]).0, 1);
    assert!(
        f.path("site/index.html").is_file(),
        "the last site is back in place"
    );
    assert!(!f.path(".site.irbook-previous").exists());
    f.edit(
        "content/plans/recovery.yaml",
        "responsible: nobody-",
        "responsible: ",
    );

    // A staging folder irbook made and did not finish: removed.
    std::fs::create_dir(f.path(".site.irbook-staging")).unwrap();
    f.write(
        ".site.irbook-staging/.irbook-site",
        "# Written by irbook.\nindex.html\n",
    );
    f.write(".site.irbook-staging/index.html", "half");
    assert_eq!(common::build(f.root(), &[]).0, 0);
    assert!(!f.path(".site.irbook-staging").exists());

    // A folder of that name that irbook did not make: refused, its files kept.
    f.write(".site.irbook-staging/notes.txt", "mine");
    let (code, stderr) = common::build(f.root(), &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(
            ".site.irbook-staging is in the way: irbook uses that name for its own work, but did not make it"
        ),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(f.path(".site.irbook-staging/notes.txt")).unwrap(),
        "mine"
    );

    // Finder's .DS_Store in the site neither blocks a build nor is reported as foreign.
    std::fs::remove_dir_all(f.path(".site.irbook-staging")).unwrap();
    f.write("site/.DS_Store", "finder");
    let (code, stderr) = common::build(f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
}
