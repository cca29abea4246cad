//! Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`:
//! JSON messages ending in NUL on file descriptors 3 and 4), so that tests run a page's own
//! scripts and read what they did.

use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::os::fd::FromRawFd;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// A headless Chromium with one tab.
pub struct Browser {
    child: Child,
    commands: File,
    replies: Receiver<Value>,
    next_id: u64,
    session: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Starts Chromium and opens `url` in a tab; `None` where no Chromium is installed.
    pub fn open(url: &str) -> Option<Browser> {
        let Some(binary) = super::print::chromium() else {
            super::print::tools_present("browser test", &["chromium"]);
            return None;
        };
        let profile = tempfile::tempdir().unwrap();
        let (to_browser, browser_reads) = pipe();
        let (browser_writes, from_browser) = pipe();
        let mut command = Command::new(binary);
        command
            .args([
                "--headless",
                "--remote-debugging-pipe",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1000,800",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        // SAFETY: only async-signal-safe fcntl and dup2 calls between fork and exec. The ends
        // are first copied above 10, so that neither is overwritten if it already is 3 or 4,
        // and the copies at 3 and 4 stay open across exec.
        unsafe {
            command.pre_exec(move || {
                let reads = libc::fcntl(browser_reads, libc::F_DUPFD, 10);
                let writes = libc::fcntl(browser_writes, libc::F_DUPFD, 10);
                if reads < 0 || writes < 0 || libc::dup2(reads, 3) < 0 || libc::dup2(writes, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn().expect("chromium starts");
        // SAFETY: the fds are ours; the child has its own copies.
        unsafe {
            libc::close(browser_reads);
            libc::close(browser_writes);
        }
        let commands = unsafe { File::from_raw_fd(to_browser) };
        let replies_file = unsafe { File::from_raw_fd(from_browser) };
        let (tx, replies) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(replies_file);
            let mut message = Vec::new();
            while reader.read_until(0, &mut message).is_ok_and(|n| n > 0) {
                message.pop();
                if let Ok(value) = serde_json::from_slice::<Value>(&message)
                    && tx.send(value).is_err()
                {
                    return;
                }
                message.clear();
            }
        });
        let mut browser = Browser {
            child,
            commands,
            replies,
            next_id: 0,
            session: String::new(),
            _profile: profile,
        };
        let target = browser.call("Target.createTarget", json!({ "url": url }), false);
        let target_id = target["targetId"].as_str().expect("a target").to_string();
        let attached = browser.call(
            "Target.attachToTarget",
            json!({ "targetId": target_id, "flatten": true }),
            false,
        );
        browser.session = attached["sessionId"].as_str().expect("a session").to_string();
        // A new tab starts as about:blank, which is "complete" before the page is even asked for.
        browser.wait_until(&format!(
            "location.href === {} && document.readyState === 'complete'",
            json!(url)
        ));
        Some(browser)
    }

    /// Sends one command (to the tab when `in_tab`) and returns its result.
    pub fn call(&mut self, method: &str, params: Value, in_tab: bool) -> Value {
        self.try_call(method, params, in_tab)
            .unwrap_or_else(|reply| panic!("{method}: {reply}"))
    }

    /// Sends one command and returns its result, or the browser's error reply.
    fn try_call(&mut self, method: &str, params: Value, in_tab: bool) -> Result<Value, Value> {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({ "id": id, "method": method, "params": params });
        if in_tab {
            message["sessionId"] = json!(self.session);
        }
        let mut bytes = serde_json::to_vec(&message).unwrap();
        bytes.push(0);
        self.commands
            .write_all(&bytes)
            .expect("the browser reads commands");
        let started = Instant::now();
        loop {
            let left = Duration::from_secs(20).saturating_sub(started.elapsed());
            let reply = self
                .replies
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no answer to {method} within 20 s"));
            if reply["id"] == json!(id) {
                if reply.get("error").is_some() {
                    return Err(reply);
                }
                return Ok(reply["result"].clone());
            }
        }
    }

    /// Evaluates `expression` in the page and returns its value.
    pub fn eval(&mut self, expression: &str) -> Value {
        let result = self.call(
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true }),
            true,
        );
        result["result"]["value"].clone()
    }

    /// Waits (up to 10 s) until `expression` is true in the page.
    /// While the page navigates, an evaluation may fail ("Inspected target navigated"): that
    /// counts as not yet.
    pub fn wait_until(&mut self, expression: &str) {
        let started = Instant::now();
        let params = json!({ "expression": format!("Boolean({expression})"), "returnByValue": true });
        while self
            .try_call("Runtime.evaluate", params.clone(), true)
            .map(|r| r["result"]["value"].clone())
            != Ok(json!(true))
        {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "not within 10 s: {expression}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// A PNG of what the tab shows.
    pub fn screenshot(&mut self) -> Vec<u8> {
        use base64::Engine as _;
        let shot = self.call("Page.captureScreenshot", json!({ "format": "png" }), true);
        base64::engine::general_purpose::STANDARD
            .decode(shot["data"].as_str().expect("image data"))
            .expect("base64")
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A pipe, as (write end, read end), both closed on exec.
fn pipe() -> (i32, i32) {
    let mut fds = [0; 2];
    // SAFETY: fds is a valid array of two ints.
    let result = unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) };
    assert_eq!(result, 0, "pipe2");
    (fds[1], fds[0])
}
