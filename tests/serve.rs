//! `irbook serve`: the preview server on port 0, its live reload, its overlay of problems and
//! its safety against odd requests and clients.

mod common;

use std::io::Write;
use std::net::TcpStream;
use std::time::Duration;

use common::Fixture;
use common::live::{Events, Running, generation, get, request, send};

const SOON: Duration = Duration::from_secs(8);

fn serve(f: &Fixture) -> Running {
    Running::start(f.root(), &["serve", "--port", "0"])
}

#[test]
fn pages_and_files_are_served_with_their_types_and_headers() {
    let f = Fixture::new();
    f.write_bytes("content/static/logo.png", b"\x89PNG\r\n\x1a\nnot really");
    f.write("content/static/docs/plan.pdf", "%PDF-1.4");
    let server = serve(&f);
    let address = server.address();
    let home = get(address, "/");
    assert_eq!(home.status, 200);
    assert_eq!(home.header("Content-Type"), Some("text/html; charset=utf-8"));
    assert_eq!(home.header("X-Content-Type-Options"), Some("nosniff"));
    assert_eq!(home.header("Cache-Control"), Some("no-store"));
    let policy = home.header("Content-Security-Policy").expect("a policy header");
    assert!(
        policy.starts_with(
            "connect-src 'self'; default-src 'none'; script-src 'self'; style-src 'self' 'sha256-"
        ),
        "{policy}"
    );
    let page = home.text();
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">");
    assert!(page.contains(&meta), "the header repeats the page's own policy");
    assert_eq!(generation(&page), 1);
    assert_eq!(get(address, "/index.html").text(), page);

    for (path, media_type) in [
        ("/assets/style.css", "text/css; charset=utf-8"),
        ("/assets/irbook.js", "text/javascript; charset=utf-8"),
        // The favicon every page links: no 404 in a served page's console.
        ("/assets/favicon.svg", "image/svg+xml"),
        ("/search-index.js", "text/javascript; charset=utf-8"),
        ("/handbook.json", "application/json"),
        ("/suppliers/host.vcf", "text/vcard; charset=utf-8"),
        ("/calendar.ics", "text/calendar; charset=utf-8"),
        ("/logo.png", "image/png"),
        ("/docs/plan.pdf", "application/pdf"),
        ("/.irbook-live-nothing", "text/html; charset=utf-8"),
    ] {
        let reply = get(address, path);
        assert_eq!(
            reply.header("Content-Type"),
            Some(media_type),
            "{path}: {}",
            reply.status
        );
        assert_eq!(reply.header("X-Content-Type-Options"), Some("nosniff"), "{path}");
    }
    assert_eq!(get(address, "/logo.png").body, b"\x89PNG\r\n\x1a\nnot really");
    let handbook: serde_json::Value =
        serde_json::from_slice(&get(address, "/handbook.json").body).expect("JSON");
    assert!(handbook.get("suppliers").is_some());

    let missing = get(address, "/no/such/page.html");
    assert_eq!(missing.status, 404);
    assert!(missing.text().contains("<main"), "the site's own 404 page");

    let head = request(address, "HEAD", "/");
    assert_eq!(head.status, 200);
    assert_eq!(
        head.header("Content-Length"),
        Some(page.len().to_string().as_str())
    );
    assert!(head.body.is_empty());
    assert!(!f.path("site").exists(), "serve writes nothing to disk");
}

#[test]
fn only_get_and_head_are_answered() {
    let f = Fixture::new();
    let server = serve(&f);
    let address = server.address();
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"] {
        let reply = request(address, method, "/index.html");
        assert_eq!(reply.status, 405, "{method}");
        assert_eq!(reply.header("Allow"), Some("GET, HEAD"), "{method}");
    }
}

#[test]
fn no_request_reaches_outside_the_site() {
    let f = Fixture::new();
    f.write("secret.txt", "TOP-SECRET");
    let server = serve(&f);
    let address = server.address();
    let long = format!("/{}", "a/".repeat(2000));
    let targets = [
        "/../handbook.yaml",
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/assets/..%2f..%2fsecret.txt",
        "/%5c..%5csecret.txt",
        "/..\\secret.txt",
        "/secret.txt%00.html",
        "//secret.txt",
        "/./secret.txt",
        "http://example.com/../secret.txt",
        "/content/playbooks/ransomware.md",
        "/handbook.yaml",
        long.as_str(),
    ];
    for target in targets {
        let reply = get(address, target);
        assert!(matches!(reply.status, 400 | 404), "{target}: {}", reply.status);
        let text = reply.text();
        assert!(
            !text.contains("TOP-SECRET") && !text.contains("organization:"),
            "{target}"
        );
    }
    // Requests that are not HTTP at all get an answer or a closed connection, never a crash.
    for garbage in [
        &b"\x00\x01\x02\r\n\r\n"[..],
        b"GET\r\n\r\n",
        b"GET / HTTP/9.9\r\n\r\n",
        b"GET /%%% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    ] {
        let mut stream = TcpStream::connect(address).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let _ = stream.write_all(garbage);
        let mut sink = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stream, &mut sink);
    }
    assert_eq!(get(address, "/").status, 200, "still serving");
}

#[test]
fn an_edit_is_served_and_reloads_only_the_pages_it_changed() {
    let f = Fixture::new();
    let server = serve(&f);
    let address = server.address();
    let page = get(address, "/playbooks/ransomware.html").text();
    let mut on_playbook = Events::open(address, "/playbooks/ransomware.html", generation(&page));
    let mut on_roles = Events::open(address, "/roles.html", generation(&page));
    let mut on_print = Events::open(address, "/print.html", generation(&page));
    f.edit(
        "content/playbooks/ransomware.md",
        "# First hour",
        "A new first sentence.\n\n# First hour",
    );
    on_playbook.expect("reload", SOON);
    assert!(
        get(address, "/playbooks/ransomware.html")
            .text()
            .contains("A new first sentence.")
    );
    // The files made from the whole handbook are brought up to date when asked for; a
    // browser showing one of them is told to ask.
    on_print.expect("reload", SOON);
    assert!(
        get(address, "/print.html")
            .text()
            .contains("A new first sentence.")
    );
    // The search index's dictionary has the new words, its shard of documents the text.
    assert!(get(address, "/search-index.js").text().contains(" sentence. "));
    assert!(
        get(address, "/search/d0.js")
            .text()
            .contains("new first sentence")
    );
    // The roles page did not change: it may hear which files changed (to reload if it uses
    // one of them), but not that it must reload, and none of those files is one it uses.
    while let Some(event) = on_roles.next(Duration::from_millis(1500)) {
        assert_eq!(event.name, "changed", "{event:?}");
        let changed: Vec<String> = serde_json::from_str(&event.data).unwrap();
        assert!(
            !changed
                .iter()
                .any(|p| p.starts_with("assets/") || p.ends_with(".html")),
            "{changed:?}"
        );
    }
    server.wait_for("a rebuild line", |l| {
        l.contains("(after content/playbooks/ransomware.md)")
    });
}

#[test]
fn a_save_through_a_temporary_file_is_seen() {
    let f = Fixture::new();
    let server = serve(&f);
    let address = server.address();
    let page = get(address, "/pages/about.html").text();
    let mut events = Events::open(address, "/pages/about.html", generation(&page));
    let text = std::fs::read_to_string(f.path("content/pages/about.md")).unwrap();
    let new = text.replace("# Why\n", "# Why\n\nWhy we write this.\n");
    // vim: 4913 probe, backup file, then the real file written anew.
    f.write("content/pages/4913", "");
    std::fs::remove_file(f.path("content/pages/4913")).unwrap();
    f.write("content/pages/about.md~", &text);
    f.write("content/pages/.about.md.swp", "swap");
    // VS Code / JetBrains style: a temporary file renamed over the original.
    f.write("content/pages/about.md___jb_tmp___", &new);
    std::fs::rename(
        f.path("content/pages/about.md___jb_tmp___"),
        f.path("content/pages/about.md"),
    )
    .unwrap();
    events.expect("reload", SOON);
    let served = get(address, "/pages/about.html").text();
    assert!(
        served.contains("Why we write this"),
        "{}\n{served}",
        server.output().join("\n")
    );
    // A new file created while serving is picked up; a deleted one goes.
    f.write("content/pages/new-page.md", "---\ntitle: Fresh\n---\nHello.\n");
    let started = std::time::Instant::now();
    while get(address, "/pages/new-page.html").status != 200 {
        assert!(started.elapsed() < SOON, "the new page is not served");
        std::thread::sleep(Duration::from_millis(50));
    }
    std::fs::remove_file(f.path("content/pages/new-page.md")).unwrap();
    while get(address, "/pages/new-page.html").status != 404 {
        assert!(started.elapsed() < SOON * 2, "the deleted page is still served");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_broken_file_shows_its_problem_over_the_last_good_page_until_it_is_fixed() {
    let f = Fixture::new();
    let server = serve(&f);
    let address = server.address();
    let good = get(address, "/suppliers/host.html").text();
    let mut events = Events::open(address, "/suppliers/host.html", generation(&good));
    let supplier = std::fs::read_to_string(f.path("content/suppliers/host.yaml")).unwrap();
    f.edit("content/suppliers/host.yaml", "tier: critical", "tier: [critical");
    let problems = events.expect("problems", SOON);
    let problems: serde_json::Value = serde_json::from_str(&problems.data).expect("JSON");
    let first = &problems["items"][0];
    assert_eq!(first["severity"], "error");
    assert!(
        first["place"]
            .as_str()
            .unwrap()
            .starts_with("content/suppliers/host.yaml:"),
        "{first}"
    );
    assert!(
        first["text"]
            .as_str()
            .unwrap()
            .starts_with("error: content/suppliers/host.yaml:"),
        "{first}"
    );
    assert!(
        problems["heading"]
            .as_str()
            .unwrap()
            .contains("showing the last good version")
    );
    let still = get(address, "/suppliers/host.html");
    assert_eq!(still.status, 200);
    assert_eq!(
        generation(&still.text()),
        generation(&good),
        "the last good build is served"
    );
    server.wait_for("the diagnostic in the terminal", |l| {
        l.starts_with("error: content/suppliers/host.yaml:")
    });
    // A browser that opens a page now is told at once.
    let mut late = Events::open(address, "/index.html", generation(&good));
    late.expect("problems", SOON);

    f.write("content/suppliers/host.yaml", &supplier);
    let fixed = events.expect("ok", SOON);
    assert_eq!(fixed.data, "{}");
    let mut after = Events::open(address, "/suppliers/host.html", generation(&good));
    assert_eq!(
        after.next(Duration::from_millis(800)),
        None,
        "no problems once fixed"
    );
}

#[test]
fn a_burst_of_writes_gives_one_or_a_few_rebuilds() {
    let f = Fixture::new();
    let server = serve(&f);
    server.address();
    let rebuilds = |l: &str| l.contains(" rendered ") && l.contains("(after");
    for i in 0..100 {
        f.write(
            &format!("content/pages/p{i}.md"),
            &format!("---\ntitle: Page {i}\n---\nText {i}.\n"),
        );
    }
    // 19 pages before, 120 after (print.html and handbook-offline.html count, and the list of
    // 101 pages is two pages, pages.html and pages_2.html): the rebuild that saw every new page.
    server.wait_for("the rebuild with every page", |l| {
        l.contains(" rendered 120 pages") && l.contains("(after")
    });
    std::thread::sleep(Duration::from_millis(800));
    let count = server.count(rebuilds);
    assert!(
        (1..=4).contains(&count),
        "{count} rebuilds:\n{}",
        server.output().join("\n")
    );
    assert_eq!(get(server.address(), "/pages/p99.html").status, 200);
}

#[test]
fn a_silent_client_does_not_hold_up_another() {
    let f = Fixture::new();
    let server = serve(&f);
    let address = server.address();
    let mut silent = Vec::new();
    for _ in 0..20 {
        let mut stream = TcpStream::connect(address).unwrap();
        stream.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
        silent.push(stream);
    }
    // Once they are accepted, every new client is answered at once: each connection has a
    // thread of its own, and a silent one is cut off after 5 s.
    std::thread::sleep(Duration::from_millis(300));
    let started = std::time::Instant::now();
    assert_eq!(get(address, "/contacts.html").status, 200);
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    let mut first = silent.remove(0);
    first.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let started = std::time::Instant::now();
    let mut answer = Vec::new();
    let read = std::io::Read::read_to_end(&mut first, &mut answer);
    assert!(
        read.is_ok() && started.elapsed() < Duration::from_secs(7),
        "{read:?} after {:?}",
        started.elapsed()
    );
}

#[test]
fn two_hundred_clients_at_once_all_get_their_page() {
    let f = Fixture::new();
    let server = serve(&f);
    let address = server.address();
    let clients: Vec<_> = (0..200)
        .map(|_| std::thread::spawn(move || get(address, "/contacts.html").status))
        .collect();
    let statuses: Vec<u16> = clients.into_iter().map(|c| c.join().unwrap()).collect();
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
}

#[test]
fn a_busy_port_gives_another_and_ctrl_c_stops_at_once() {
    let f = Fixture::new();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let mut server = Running::start(f.root(), &["serve", "--port", &port]);
    let address = server.address();
    assert_ne!(address.port().to_string(), port);
    assert_eq!(get(address, "/").status, 200);
    assert_eq!(server.interrupt(), Some(0));
    assert!(server.output().iter().any(|l| l == "stopped"));
}

#[test]
fn serving_beyond_this_machine_warns() {
    let f = Fixture::new();
    let server = Running::start(f.root(), &["serve", "--port", "0", "--bind", "0.0.0.0"]);
    server.address();
    let warning = server.wait_for("the warning", |l| l.starts_with("warning: serving on 0.0.0.0"));
    assert!(warning.contains("phone numbers"), "{warning}");
}

#[test]
fn a_folder_without_a_handbook_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let output = common::irbook()
        .args(["serve", "--port", "0", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no handbook.yaml in"));
}

#[test]
fn a_raw_request_gets_a_complete_answer() {
    let f = Fixture::new();
    let server = serve(&f);
    let reply = send(server.address(), b"GET /roles.html HTTP/1.0\r\n\r\n");
    assert_eq!(reply.status, 200);
    assert!(reply.text().contains("</html>"));
}

#[test]
fn a_handbook_that_never_built_shows_its_problems_then_the_site() {
    let f = Fixture::new();
    f.edit(
        "content/plans/recovery.yaml",
        "responsible: ",
        "responsible: nobody-",
    );
    let server = serve(&f);
    let address = server.address();
    let waiting = get(address, "/");
    assert_eq!(waiting.status, 503, "{}", server.output().join("\n"));
    assert_eq!(generation(&waiting.text()), 0);
    let mut events = Events::open(address, "/index.html", 0);
    let problems = events.expect("problems", SOON);
    assert!(
        problems.data.contains("unknown role `nobody-"),
        "{}",
        problems.data
    );
    f.edit(
        "content/plans/recovery.yaml",
        "responsible: nobody-",
        "responsible: ",
    );
    events.expect("reload", SOON);
    assert_eq!(get(address, "/").status, 200);
}

#[test]
fn polling_sees_an_edit_too() {
    let f = Fixture::new();
    let server = Running::start(f.root(), &["serve", "--port", "0", "--poll"]);
    let address = server.address();
    let page = get(address, "/pages/about.html").text();
    let mut events = Events::open(address, "/pages/about.html", generation(&page));
    // Within the second the fixture was written in: the poller's mtimes are whole seconds.
    f.edit("content/pages/about.md", "# Why\n", "# Why\n\nSeen by polling.\n");
    events.expect("reload", SOON);
    assert!(
        get(address, "/pages/about.html")
            .text()
            .contains("Seen by polling.")
    );
    f.edit("content/pages/about.md", "Seen by", "Seen again by");
    events.expect("reload", SOON);
    assert!(
        get(address, "/pages/about.html")
            .text()
            .contains("Seen again by polling.")
    );
}

/// One request on a kept-alive connection: the answer's status line.
fn ask_again(stream: &mut TcpStream, target: &str) -> String {
    use std::io::Read;
    write!(stream, "GET {target} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    let mut head = Vec::new();
    let mut byte = [0u8];
    while !head.ends_with(b"\r\n\r\n") {
        assert_eq!(stream.read(&mut byte).unwrap(), 1, "the connection closed");
        head.push(byte[0]);
    }
    let head = String::from_utf8(head).unwrap();
    let length: usize = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length: ")
                .map(|n| n.trim().parse().unwrap())
        })
        .expect("a length");
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).unwrap();
    head.lines().next().unwrap().to_string()
}

#[test]
fn the_server_answers_after_a_silence_longer_than_a_client_may_keep() {
    // A connection may stay silent 5 s; the listening socket then stops waiting too, and the
    // server went on listening but no longer accepting. Old and new connections are answered.
    let f = Fixture::new();
    let server = serve(&f);
    let address = server.address();
    let mut kept = TcpStream::connect(address).unwrap();
    kept.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    assert_eq!(ask_again(&mut kept, "/"), "HTTP/1.1 200 OK");
    for _ in 0..2 {
        std::thread::sleep(Duration::from_millis(4_000));
        assert_eq!(ask_again(&mut kept, "/contacts.html"), "HTTP/1.1 200 OK");
    }
    assert_eq!(get(address, "/contacts.html").status, 200);
}
