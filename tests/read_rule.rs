//! The read rule: irbook reads and publishes only regular files whose real path is inside the
//! handbook folder, each within its size limit. Links that leave the folder, lead nowhere or
//! in a circle, pipes, sockets and oversized files are errors naming the file (and the link's
//! target), are never opened, and nothing of them reaches the output or the messages.

#![cfg(unix)]

mod common;

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{Fixture, build, irbook, shorts};

/// A folder beside the handbook holding a secret, by its real path.
struct Outside {
    dir: tempfile::TempDir,
}

const SECRET: &str = "title: SECRET-FIRST-LINE\npassword: hunter2\n";

impl Outside {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("secret.md"), SECRET).unwrap();
        Outside { dir }
    }

    fn secret(&self) -> PathBuf {
        self.dir.path().canonicalize().unwrap().join("secret.md")
    }
}

fn link(f: &Fixture, rel: &str, target: impl AsRef<Path>) {
    let path = f.path(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    symlink(target, path).unwrap();
}

/// `check --format json` and `build`, both within a few seconds, and nothing of the secret in
/// what they print or write.
fn refused(f: &Fixture) -> Vec<String> {
    let checked = irbook()
        .args(["check", "--format", "json", "--root"])
        .arg(f.root())
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let diags: Vec<common::Diag> = serde_json::from_slice(&checked.stdout).unwrap();
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let output = irbook()
        .args(["build", "--root"])
        .arg(f.root())
        .arg("--out")
        .arg(&site)
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let printed = String::from_utf8_lossy(&output.stderr);
    assert!(
        !printed.contains("SECRET") && !printed.contains("hunter2"),
        "{printed}"
    );
    assert!(
        !format!("{diags:?}").contains("SECRET"),
        "the secret is in a diagnostic"
    );
    assert_ne!(output.status.code(), Some(0), "{printed}");
    assert!(!site.exists(), "a failed build writes nothing");
    let mut pipeline = irbook::pipeline::Pipeline::new(f.root());
    let prepared = pipeline
        .run(irbook::pipeline::Goal::Check)
        .unwrap_or_else(|_| panic!("a handbook"));
    assert!(prepared.diagnostics.io_trouble(), "refusals are I/O trouble");
    shorts(&diags)
}

#[test]
fn links_out_of_the_handbook_are_refused_in_every_folder() {
    let outside = Outside::new();
    let f = Fixture::new();
    let secret = outside.secret();
    link(&f, "content/static/passwd", &secret);
    link(&f, "content/playbooks/leak.md", &secret);
    link(
        &f,
        "content/static/sub",
        outside.dir.path().canonicalize().unwrap(),
    );
    link(&f, "themes/default/templates/extra.html", &secret);
    link(&f, "themes/default/static/leak.css", &secret);
    let shown = secret.display();
    let dir = secret.parent().unwrap().display().to_string();
    assert_eq!(
        refused(&f),
        [
            format!(
                "error content/playbooks/leak.md:0:0 a link to {shown}, outside the handbook folder: not read"
            ),
            format!(
                "error content/static/passwd:0:0 a link to {shown}, outside the handbook folder: not read"
            ),
            format!("error content/static/sub:0:0 a link to {dir}, outside the handbook folder: not read"),
            format!(
                "error themes/default/static/leak.css:0:0 a link to {shown}, outside the handbook folder: not read"
            ),
            format!(
                "error themes/default/templates/extra.html:0:0 a link to {shown}, outside the handbook folder: not read"
            ),
        ]
    );
}

#[test]
fn relative_links_climbing_out_and_links_to_hidden_files_are_refused() {
    let outside = Outside::new();
    let f = Fixture::new();
    std::fs::write(f.path(".env"), "TOKEN=SECRET\n").unwrap();
    link(&f, "content/static/env", "../../.env");
    link(&f, "content/static/git", "../../.git");
    std::fs::create_dir(f.path(".git")).unwrap();
    std::fs::write(f.path(".git/config"), "[remote] url = https://SECRET@example\n").unwrap();
    let climb = format!(
        "../../../{}/secret.md",
        outside.dir.path().file_name().unwrap().to_string_lossy()
    );
    link(&f, "content/playbooks/climb.md", &climb);
    link(&f, "handbook.md", outside.secret());
    link(&f, "content/pages/via.md", "../../handbook.md");
    let shown = outside.secret().display().to_string();
    assert_eq!(
        refused(&f),
        [
            format!("error content/pages/via.md:0:0 a link to ../../handbook.md, which is {shown}, outside the handbook folder: not read"),
            format!("error content/playbooks/climb.md:0:0 a link to {climb}, which is {shown}, outside the handbook folder: not read"),
            "error content/static/env:0:0 a link to ../../.env, a hidden file of the handbook folder: not read".to_string(),
            "error content/static/git:0:0 a link to ../../.git, a hidden file of the handbook folder: not read".to_string(),
        ]
    );
}

#[test]
fn a_linked_handbook_yaml_or_content_folder_is_refused_too() {
    let outside = Outside::new();
    let f = Fixture::new();
    std::fs::remove_file(f.path("handbook.yaml")).unwrap();
    link(&f, "handbook.yaml", outside.secret());
    let shown = outside.secret().display().to_string();
    assert_eq!(
        refused(&f),
        [format!(
            "error handbook.yaml:0:0 a link to {shown}, outside the handbook folder: not read"
        )]
    );

    let f = Fixture::new();
    let theme = outside.dir.path().canonicalize().unwrap().join("theme");
    std::fs::create_dir_all(theme.join("templates")).unwrap();
    std::fs::write(theme.join("templates/supplier.html"), SECRET).unwrap();
    std::fs::create_dir(f.path("themes")).unwrap();
    link(&f, "themes/default", &theme);
    assert_eq!(
        refused(&f),
        [format!(
            "error themes/default/templates:0:0 in a linked folder: its real path {}/templates is outside the handbook folder: not read",
            theme.display()
        )]
    );

    let f = Fixture::new();
    let elsewhere = outside.dir.path().canonicalize().unwrap().join("content");
    std::fs::rename(f.path("content"), &elsewhere).unwrap();
    link(&f, "content", &elsewhere);
    let shown = elsewhere.display();
    assert_eq!(
        refused(&f),
        [format!(
            "error content:0:0 a link to {shown}, outside the handbook folder: not read"
        )]
    );
}

#[test]
fn a_file_where_a_folder_belongs_is_named() {
    let f = Fixture::new();
    std::fs::remove_dir_all(f.path("content")).unwrap();
    f.write("content", "not a folder");
    assert_eq!(
        refused(&f),
        ["error content:0:0 a file where a folder belongs: nothing in it is read"]
    );
}

#[test]
fn dangling_and_looping_links_name_the_link_and_its_target() {
    let f = Fixture::new();
    link(&f, "content/playbooks/gone.md", "missing.md");
    link(&f, "content/static/self", "self");
    link(&f, "content/static/ping", "pong");
    link(&f, "content/static/pong", "ping");
    link(&f, "content/static/docs/up", "..");
    link(&f, "content/static/docs/top", "../../..");
    assert_eq!(
        refused(&f),
        [
            "error content/playbooks/gone.md:0:0 a link to missing.md, which does not exist",
            "error content/static/docs/top:0:0 a link to ../../.. that leads back into itself",
            "error content/static/docs/up:0:0 a link to .. that leads back into itself",
            "error content/static/ping:0:0 a link to pong that leads back into itself",
            "error content/static/pong:0:0 a link to ping that leads back into itself",
            "error content/static/self:0:0 a link to self that leads back into itself",
        ]
    );
}

#[test]
fn links_inside_the_handbook_are_followed() {
    let f = Fixture::new();
    f.write("docs/policy.pdf", "%PDF-1.4 policy");
    f.write("shared/ransomware.md", common::PLAYBOOK);
    std::fs::remove_file(f.path("content/playbooks/ransomware.md")).unwrap();
    link(
        &f,
        "content/playbooks/ransomware.md",
        "../../shared/ransomware.md",
    );
    link(&f, "content/static/files", "../../docs");
    link(&f, "content/static/logo.pdf", "files/policy.pdf");
    assert_eq!(f.check(), vec![]);
    let (code, stderr) = build(f.root(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let site = f.path("site");
    assert_eq!(
        std::fs::read_to_string(site.join("files/policy.pdf")).unwrap(),
        "%PDF-1.4 policy"
    );
    assert_eq!(
        std::fs::read_to_string(site.join("logo.pdf")).unwrap(),
        "%PDF-1.4 policy"
    );
    assert!(site.join("playbooks/ransomware.html").is_file());
}

#[test]
fn pipes_sockets_and_devices_are_never_opened() {
    let f = Fixture::new();
    std::fs::create_dir_all(f.path("content/static")).unwrap();
    let fifo = std::ffi::CString::new(f.path("content/playbooks/pipe.md").to_str().unwrap()).unwrap();
    // SAFETY: mkfifo reads a NUL-terminated path and touches no Rust memory.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    let static_fifo = std::ffi::CString::new(f.path("content/static/feed").to_str().unwrap()).unwrap();
    // SAFETY: as above.
    assert_eq!(unsafe { libc::mkfifo(static_fifo.as_ptr(), 0o644) }, 0);
    let _socket = std::os::unix::net::UnixListener::bind(f.path("content/static/sock")).unwrap();
    link(&f, "content/playbooks/zero.md", "/dev/zero");
    link(&f, "themes/default/static/random.js", "/dev/urandom");
    assert_eq!(
        refused(&f),
        [
            "error content/playbooks/pipe.md:0:0 a named pipe (FIFO), not a regular file: not read",
            "error content/playbooks/zero.md:0:0 a link to /dev/zero, outside the handbook folder: not read",
            "error content/static/feed:0:0 a named pipe (FIFO), not a regular file: not read",
            "error content/static/sock:0:0 a socket, not a regular file: not read",
            "error themes/default/static/random.js:0:0 a link to /dev/urandom, outside the handbook folder: not read",
        ]
    );
}

#[test]
fn oversized_files_are_refused_with_the_limit() {
    let f = Fixture::new();
    let sparse = |rel: &str, len: u64| {
        std::fs::create_dir_all(f.path(rel).parent().unwrap()).unwrap();
        let file = std::fs::File::create(f.path(rel)).unwrap();
        file.set_len(len).unwrap();
    };
    sparse("content/playbooks/huge.md", 16 * 1024 * 1024 + 1);
    sparse("content/static/film.mp4", 128 * 1024 * 1024 + 1);
    sparse("content/static/exactly.pdf", 128 * 1024 * 1024);
    let diags = f.check();
    assert_eq!(
        shorts(&diags),
        [
            "error content/playbooks/huge.md:0:0 larger than the limit of 16 MB: not read",
            "error content/static/film.mp4:0:0 larger than the limit of 128 MB: not read",
        ]
    );
    assert_eq!(
        diags[0].help.as_deref(),
        Some(
            "handbook files may be up to 16 MB and files in content/static/ up to 128 MB: make it smaller, or keep it on a file share and link to it"
        )
    );
}

#[test]
fn an_unreadable_file_or_folder_names_itself_and_the_cause() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let f = Fixture::new();
    f.write("content/playbooks/locked.md", "---\ntitle: Locked\n---\n");
    f.write("content/static/private/a.pdf", "%PDF");
    let mode = |rel: &str, mode: u32| {
        std::fs::set_permissions(f.path(rel), std::fs::Permissions::from_mode(mode)).unwrap()
    };
    mode("content/playbooks/locked.md", 0o000);
    mode("content/static/private", 0o000);
    // Root reads everything: run irbook as an unprivileged user, who may enter the handbook.
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("irbook"));
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        std::fs::set_permissions(f.root(), std::fs::Permissions::from_mode(0o755)).unwrap();
        command.uid(65534).gid(65534);
    }
    let output = command
        .args(["check", "--format", "json", "--root"])
        .arg(f.root())
        .env("SOURCE_DATE_EPOCH", common::TODAY_EPOCH)
        .output()
        .unwrap();
    let diags: Vec<common::Diag> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        shorts(&diags),
        [
            "error content/playbooks/locked.md:0:0 cannot be read: Permission denied (os error 13)",
            "error content/static/private:0:0 cannot be read: Permission denied (os error 13)",
        ]
    );
    assert_eq!(
        diags[0].help.as_deref(),
        Some("check that irbook may read it: its permissions, and those of its folders")
    );
}
