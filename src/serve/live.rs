//! Live reload without websockets: every served page gets a small script that listens to
//! server-sent events on one endpoint. After a rebuild a browser is told to reload only if
//! its page (or a style sheet, script or image) changed; after a failed rebuild every page
//! shows the problems over the last good version of itself.

use std::io::Write;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use serde::Serialize;

use super::site::{Snapshot, is_page};
use crate::render::{OutputFile, WHOLE_HANDBOOK};

pub const SCRIPT_PATH: &str = "/__irbook/live.js";
pub const EVENTS_PATH: &str = "/__irbook/events";
pub const SCRIPT: &str = include_str!("live.js");

/// How often an idle event stream sends a comment, to notice a closed browser tab.
const KEEPALIVE: Duration = Duration::from_secs(10);

/// Why the last rebuild failed, as every page's overlay shows it.
#[derive(Debug, Serialize)]
pub struct Problems {
    /// E.g. "1 error, 0 warnings in 12 files: showing the last good version".
    pub heading: String,
    pub items: Vec<Problem>,
}

/// One diagnostic, as `check` prints it.
#[derive(Debug, Serialize)]
pub struct Problem {
    pub severity: String,
    /// `path:line:col`, or the path alone.
    pub place: String,
    pub message: String,
    pub help: Option<String>,
    /// The whole diagnostic as text, with the source line.
    pub text: String,
}

/// Brings the files made from the whole handbook up to date; the whole site, or `None`
/// when they were.
pub type CatchUp = Box<dyn Fn() -> Option<Vec<OutputFile>> + Send + Sync>;

/// The site being served and the browsers watching it.
pub struct Live {
    state: Mutex<State>,
    catch_up: CatchUp,
}

struct State {
    snapshot: Arc<Snapshot>,
    /// The overlay's JSON while the last rebuild failed.
    problems: Option<String>,
    clients: Vec<Client>,
}

struct Client {
    page: String,
    generation: u64,
    events: Sender<String>,
}

impl Live {
    pub fn new(catch_up: CatchUp) -> Self {
        Live {
            state: Mutex::new(State {
                snapshot: Arc::new(Snapshot::default()),
                problems: None,
                clients: Vec::new(),
            }),
            catch_up,
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub fn snapshot(&self) -> Arc<Snapshot> {
        Arc::clone(&self.state().snapshot)
    }

    /// The site with its print.html, search index and handbook.json up to date.
    pub fn up_to_date(&self) -> Arc<Snapshot> {
        if self.snapshot().behind
            && let Some(files) = (self.catch_up)()
        {
            self.publish(files, false);
        }
        self.snapshot()
    }

    /// Serves a new build: swaps it in whole, then tells each browser whose page changed to
    /// reload, and every other browser which resources changed (it reloads if it uses one).
    /// Returns the paths that changed. `behind`: the files made from the whole handbook are
    /// older than the pages; browsers that show or use one of them are told, and ask anew.
    pub fn publish(&self, files: Vec<OutputFile>, behind: bool) -> Vec<String> {
        let previous = self.snapshot();
        let (next, changed) = Snapshot::next(&previous, files, behind);
        let next = Arc::new(next);
        let behind_paths = WHOLE_HANDBOOK.iter().copied().filter(|_| behind);
        let resources: Vec<&str> = changed
            .iter()
            .map(String::as_str)
            .chain(behind_paths.clone())
            .filter(|p| !is_page(p))
            .collect();
        let resources = resources_frame(&resources);
        let mut state = self.state();
        state.snapshot = Arc::clone(&next);
        let had_problems = state.problems.take().is_some();
        state.clients.retain_mut(|client| {
            let stale_page = behind_paths.clone().any(|p| p == client.page);
            let mut frames = Vec::new();
            if stale_page || next.page_changed_since(&client.page, client.generation) {
                frames.push(frame("reload", &next.generation.to_string()));
            } else {
                frames.extend(resources.clone());
                if had_problems {
                    frames.push(frame("ok", "{}"));
                }
            }
            client.generation = next.generation;
            frames.into_iter().all(|f| client.events.send(f).is_ok())
        });
        changed
    }

    /// Shows `problems` over every page until the next good build.
    pub fn fail(&self, problems: &Problems) {
        let json = serde_json::to_string(problems).expect("problems serialize to JSON");
        let mut state = self.state();
        let message = frame("problems", &json);
        state.clients.retain(|c| c.events.send(message.clone()).is_ok());
        state.problems = Some(json);
    }

    /// A browser showing `page` as served at `generation` starts listening; it is told at
    /// once if it is already out of date or the last rebuild failed.
    fn connect(&self, page: String, generation: u64) -> Receiver<String> {
        let (events, received) = channel();
        let mut state = self.state();
        let _ = events.send("retry: 500\n\n".to_string());
        if let Some(json) = &state.problems {
            let _ = events.send(frame("problems", json));
        }
        let snapshot = &state.snapshot;
        if snapshot.page_changed_since(&page, generation) {
            let _ = events.send(frame("reload", &snapshot.generation.to_string()));
        } else if let Some(resources) = resources_frame(&snapshot.resources_changed_since(generation)) {
            let _ = events.send(resources);
        }
        let generation = snapshot.generation;
        state.clients.push(Client {
            page,
            generation,
            events,
        });
        received
    }

    /// Answers a request for the event stream: holds the connection open and writes each event
    /// as it comes, until the browser goes away.
    pub fn stream(&self, request: tiny_http::Request, page: String, generation: u64) {
        let received = self.connect(page, generation);
        let mut writer = request.into_writer();
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
                    X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n";
        if writer
            .write_all(head.as_bytes())
            .and_then(|()| writer.flush())
            .is_err()
        {
            return;
        }
        loop {
            let text = match received.recv_timeout(KEEPALIVE) {
                Ok(text) => text,
                Err(RecvTimeoutError::Timeout) => ": still here\n\n".to_string(),
                Err(RecvTimeoutError::Disconnected) => return,
            };
            if writer
                .write_all(text.as_bytes())
                .and_then(|()| writer.flush())
                .is_err()
            {
                return;
            }
        }
    }
}

/// The `changed` event: the site paths of changed resources, or `["*"]` for very many.
fn resources_frame(paths: &[&str]) -> Option<String> {
    const MAX_LISTED: usize = 200;
    match paths.len() {
        0 => None,
        n if n > MAX_LISTED => Some(frame("changed", "[\"*\"]")),
        _ => Some(frame(
            "changed",
            &serde_json::to_string(paths).expect("paths serialize"),
        )),
    }
}

fn frame(event: &str, data: &str) -> String {
    format!("event: {event}\ndata: {data}\n\n")
}

/// A page as served: the live-reload script added, and its Content-Security-Policy widened
/// by exactly what the script needs (`connect-src 'self'` for the event stream). Returns the
/// page and its policy, for the response header.
pub fn inject(html: &str, generation: u64) -> (String, Option<String>) {
    let mut page = html.to_string();
    let mut policy = None;
    let lower = page.to_ascii_lowercase();
    if let Some(meta) = lower.find("http-equiv=\"content-security-policy\"") {
        let tag_end = lower[meta..].find('>').map_or(lower.len(), |e| meta + e);
        if let Some(content) = lower[meta..tag_end]
            .find("content=\"")
            .map(|c| meta + c + "content=\"".len())
        {
            page.insert_str(content, "connect-src 'self'; ");
            let value_end = page[content..].find('"').map_or(page.len(), |e| content + e);
            policy = Some(
                page[content..value_end]
                    .replace("&#x27;", "'")
                    .replace("&quot;", "\""),
            );
        }
    }
    let script = format!("<script src=\"{SCRIPT_PATH}?g={generation}\" defer></script>\n");
    let lower = page.to_ascii_lowercase();
    match lower.find("</head>").or_else(|| lower.find("</body>")) {
        Some(at) => page.insert_str(at, &script),
        None => page.push_str(&script),
    }
    (page, policy)
}

#[cfg(test)]
mod tests {
    use super::inject;

    #[test]
    fn the_script_and_its_permission_are_added() {
        let html = "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'\"></head><body></body></html>";
        let (page, policy) = inject(html, 7);
        assert_eq!(
            page,
            "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"connect-src 'self'; default-src 'none'; script-src 'self'\"><script src=\"/__irbook/live.js?g=7\" defer></script>\n</head><body></body></html>"
        );
        assert_eq!(
            policy.as_deref(),
            Some("connect-src 'self'; default-src 'none'; script-src 'self'")
        );
    }

    #[test]
    fn a_page_without_head_or_policy_still_gets_the_script() {
        let (page, policy) = inject("<p>x</p>", 1);
        assert_eq!(
            page,
            "<p>x</p><script src=\"/__irbook/live.js?g=1\" defer></script>\n"
        );
        assert_eq!(policy, None);
    }
}
