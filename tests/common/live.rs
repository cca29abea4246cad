//! Long-running commands (`serve`, `watch`) under test: started on a handbook, their output
//! read line by line, stopped at the end; and a small HTTP client that sends exactly the bytes
//! a test gives it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::TODAY_EPOCH;

/// A running `irbook` process; killed when dropped.
pub struct Running {
    pub child: Child,
    lines: Arc<Mutex<Vec<String>>>,
}

impl Running {
    /// Starts `irbook <args...>` in `root` (its stderr is read line by line).
    pub fn start(root: &Path, args: &[&str]) -> Running {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("irbook"))
            .args(args)
            .current_dir(root)
            .env("SOURCE_DATE_EPOCH", TODAY_EPOCH)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("irbook starts");
        let lines = Arc::new(Mutex::new(Vec::new()));
        let stderr = child.stderr.take().expect("stderr piped");
        let sink = Arc::clone(&lines);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                sink.lock().unwrap().push(line);
            }
        });
        Running { child, lines }
    }

    /// Every line printed so far.
    pub fn output(&self) -> Vec<String> {
        self.lines.lock().unwrap().clone()
    }

    /// Waits (up to 10 s) for a line that `matches`; returns it.
    pub fn wait_for(&self, what: &str, matches: impl Fn(&str) -> bool) -> String {
        let started = Instant::now();
        loop {
            if let Some(line) = self.output().into_iter().find(|l| matches(l)) {
                return line;
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "no line {what} within 10 s; output:\n{}",
                self.output().join("\n")
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The number of lines that `match`.
    pub fn count(&self, matches: impl Fn(&str) -> bool) -> usize {
        self.output().iter().filter(|l| matches(l)).count()
    }

    /// The address `serve` printed.
    pub fn address(&self) -> SocketAddr {
        let line = self.wait_for("with the address", |l| l.contains(" at http://"));
        let url = line.split(" at http://").nth(1).expect("url");
        url.split('/')
            .next()
            .expect("host:port")
            .parse()
            .expect("socket address")
    }

    /// Sends SIGINT (Ctrl-C) and waits up to 5 s for the exit code.
    pub fn interrupt(&mut self) -> Option<i32> {
        // SAFETY: kill(2) with a valid pid and signal has no memory effects.
        unsafe { libc::kill(self.child.id() as i32, libc::SIGINT) };
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(5) {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("still running 5 s after Ctrl-C");
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A parsed HTTP response.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends `request` as it is and reads the whole response (the request asks to close).
pub fn send(address: SocketAddr, request: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(address).expect("connects");
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    stream.write_all(request).expect("sends");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("reads the response");
    parse(&raw).unwrap_or_else(|| panic!("not an HTTP response: {:?}", String::from_utf8_lossy(&raw)))
}

fn parse(raw: &[u8]) -> Option<Reply> {
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&raw[..end]).ok()?;
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Some(Reply {
        status,
        headers,
        body: raw[end + 4..].to_vec(),
    })
}

/// `METHOD target` with the headers a browser would send, asking to close the connection.
pub fn request(address: SocketAddr, method: &str, target: &str) -> Reply {
    let text = format!("{method} {target} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n");
    send(address, text.as_bytes())
}

pub fn get(address: SocketAddr, target: &str) -> Reply {
    request(address, "GET", target)
}

/// A browser's event stream: `/__irbook/events` for `page` as served at `generation`.
pub struct Events {
    reader: BufReader<TcpStream>,
}

/// One server-sent event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub name: String,
    pub data: String,
}

impl Events {
    pub fn open(address: SocketAddr, page: &str, generation: u64) -> Events {
        let mut stream = TcpStream::connect(address).expect("connects");
        let text = format!(
            "GET /__irbook/events?g={generation}&page={page} HTTP/1.1\r\nHost: {address}\r\nAccept: text/event-stream\r\n\r\n"
        );
        stream.write_all(text.as_bytes()).expect("sends");
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        loop {
            line.clear();
            reader.read_line(&mut line).expect("reads the head");
            if line == "\r\n" || line.is_empty() {
                break;
            }
        }
        Events { reader }
    }

    /// The next event within `within`, or `None`.
    pub fn next(&mut self, within: Duration) -> Option<Event> {
        self.reader.get_ref().set_read_timeout(Some(within)).unwrap();
        let started = Instant::now();
        let mut name = String::new();
        let mut data = String::new();
        let mut line = String::new();
        while started.elapsed() < within {
            line.clear();
            match self.reader.read_line(&mut line) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(_) => return None,
            }
            let line = line.trim_end_matches(['\r', '\n']);
            if let Some(value) = line.strip_prefix("event: ") {
                name = value.to_string();
            } else if let Some(value) = line.strip_prefix("data: ") {
                data = value.to_string();
            } else if line.is_empty() && !name.is_empty() {
                return Some(Event { name, data });
            }
        }
        None
    }

    /// Waits for an event called `name`, skipping others; panics after `within`.
    pub fn expect(&mut self, name: &str, within: Duration) -> Event {
        let started = Instant::now();
        while started.elapsed() < within {
            if let Some(event) = self.next(within.saturating_sub(started.elapsed()))
                && event.name == name
            {
                return event;
            }
        }
        panic!("no `{name}` event within {within:?}");
    }
}

/// The generation a served page was built in, from its live-reload script.
pub fn generation(page: &str) -> u64 {
    let at =
        page.find("/__irbook/live.js?g=").expect("the live-reload script") + "/__irbook/live.js?g=".len();
    page[at..]
        .split('"')
        .next()
        .and_then(|g| g.parse().ok())
        .expect("a generation")
}
