//! Measures search on a site built elsewhere (bench/scale.sh builds one of N = 10,000):
//! `cargo run --release --example measure_search -- SITE [QUERY]` prints the largest page but
//! the whole-handbook files, and what the first search from file:// loaded and took.

#[path = "../tests/common/mod.rs"]
mod common;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(site) = args.next() else {
        eprintln!("usage: measure_search SITE [QUERY]");
        std::process::exit(2);
    };
    let query = args.next().unwrap_or_else(|| "ransomware".into());
    let site = std::path::PathBuf::from(site)
        .canonicalize()
        .expect("the site folder exists");
    eprintln!("largest page: {:?}", common::search::largest_page(&site));
    match common::search::search(&site, &query) {
        Some(found) => eprintln!("hits: {}", found.hits.as_array().map_or(0, Vec::len)),
        None => {
            eprintln!("no Chromium: install it (see .ci/run) to measure search");
            std::process::exit(1);
        }
    }
}
