//! The preview server of `irbook serve`: the site held in memory (nothing written to disk),
//! served over HTTP with tiny_http, with live reload. Each request is answered on a thread of
//! its own, so a slow or silent client never holds up another.

mod http;
mod live;
mod site;

use std::io::ErrorKind;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

pub use live::{CatchUp, Problem, Problems};

use crate::render::OutputFile;

/// How long a connection may stay silent while the server reads or writes it.
const SILENCE: std::time::Duration = std::time::Duration::from_secs(5);

/// Requests answered at once at most; more get 503 until some finish.
const MAX_IN_FLIGHT: usize = 1024;

/// A running preview server.
pub struct Server {
    live: Arc<Live>,
    pub address: SocketAddr,
}

use live::Live;

impl Server {
    /// Listens on `bind:port`; port 0, or a port in use, takes any free port.
    /// `catch_up` brings the files made from the whole handbook up to date after a
    /// [`Server::publish`] that left them behind, returning the whole site (`None`: they were).
    pub fn start(bind: IpAddr, port: u16, catch_up: CatchUp) -> Result<Server, String> {
        let listener = TcpListener::bind(SocketAddr::new(bind, port))
            .or_else(|first| {
                if port == 0 {
                    Err(first)
                } else {
                    TcpListener::bind(SocketAddr::new(bind, 0))
                }
            })
            .map_err(|e| format!("cannot listen on {bind}:{port}: {e}"))?;
        let address = listener
            .local_addr()
            .map_err(|e| format!("cannot listen on {bind}:{port}: {e}"))?;
        limit_silence(&listener);
        let accepting = accept_on(&listener).map_err(|e| format!("cannot listen on {address}: {e}"))?;
        let live = Arc::new(Live::new(catch_up));
        let serving = Arc::clone(&live);
        std::thread::Builder::new()
            .name("irbook-serve".into())
            .spawn(move || dispatch(&listener, accepting, &serving))
            .map_err(|e| format!("cannot start the server: {e}"))?;
        Ok(Server { live, address })
    }

    /// Serves a new build; returns the site paths whose contents changed. `behind`: its
    /// print.html, search index and handbook.json are older than its pages, and are brought up
    /// to date (with `catch_up`) when they are asked for.
    pub fn publish(&self, files: Vec<OutputFile>, behind: bool) -> Vec<String> {
        self.live.publish(files, behind)
    }

    /// Keeps serving the last good build, with `problems` shown over every page.
    pub fn fail(&self, problems: &Problems) {
        self.live.fail(problems);
    }
}

/// Gives every connection a deadline for each read and write ([`SILENCE`]), so that a
/// client that sends its request slowly or never, or never reads the answer, gives up its
/// thread. Set on the listening socket, which the accepted connections inherit it from (Linux
/// and the BSDs copy socket options on accept).
#[cfg(unix)]
fn limit_silence(listener: &TcpListener) {
    use std::os::fd::AsRawFd;
    let limit = libc::timeval {
        tv_sec: SILENCE.as_secs() as libc::time_t,
        tv_usec: 0,
    };
    for option in [libc::SO_RCVTIMEO, libc::SO_SNDTIMEO] {
        // SAFETY: a valid socket, a valid option and a pointer to a timeval of the given size.
        unsafe {
            libc::setsockopt(
                listener.as_raw_fd(),
                libc::SOL_SOCKET,
                option,
                (&raw const limit).cast(),
                std::mem::size_of::<libc::timeval>() as libc::socklen_t,
            );
        }
    }
}

#[cfg(not(unix))]
fn limit_silence(_: &TcpListener) {}

/// A tiny_http server accepting on (a handle of) `listener`.
fn accept_on(listener: &TcpListener) -> std::io::Result<tiny_http::Server> {
    tiny_http::Server::from_listener(listener.try_clone()?, None).map_err(std::io::Error::other)
}

/// Answers the requests of `accepting` and of the servers before it. The listening socket's
/// silence limit ([`limit_silence`]) is there for the connections it accepts, but it makes an
/// accept that waits longer fail too, and tiny_http stops accepting at the first failure: a
/// new server then accepts on the same socket, and the old one is kept until its connections
/// can have nothing more to ask (they close after [`SILENCE`] without a word).
fn dispatch(listener: &TcpListener, mut accepting: tiny_http::Server, live: &Arc<Live>) {
    let in_flight = Arc::new(AtomicUsize::new(0));
    let answer_one = |request| answer(request, live, &in_flight);
    let mut before: Vec<(tiny_http::Server, Instant)> = Vec::new();
    loop {
        let received = match before.is_empty() {
            true => accepting.recv().map(Some),
            false => accepting.recv_timeout(POLL),
        };
        match received {
            Ok(Some(request)) => answer_one(request),
            Ok(None) => {}
            Err(stopped) => {
                if !matches!(stopped.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) {
                    // Not the silence limit (out of file handles, say): no faster than this.
                    std::thread::sleep(POLL);
                }
                let Ok(next) = accept_on(listener) else {
                    std::thread::sleep(POLL);
                    continue;
                };
                before.push((std::mem::replace(&mut accepting, next), Instant::now()));
            }
        }
        before.retain_mut(|(server, last)| {
            while let Ok(Some(request)) = server.try_recv() {
                *last = Instant::now();
                answer_one(request);
            }
            last.elapsed() < 2 * SILENCE
        });
    }
}

/// How often the servers before the accepting one are looked at while there are any.
const POLL: std::time::Duration = std::time::Duration::from_millis(20);

/// Answers `request` on a thread of its own, or with 503 when too many are being answered.
fn answer(request: tiny_http::Request, live: &Arc<Live>, in_flight: &Arc<AtomicUsize>) {
    if in_flight.load(Ordering::Relaxed) >= MAX_IN_FLIGHT {
        let _ = request.respond(tiny_http::Response::from_string("Busy.\n").with_status_code(503));
        return;
    }
    in_flight.fetch_add(1, Ordering::Relaxed);
    let live = Arc::clone(live);
    let counter = Arc::clone(in_flight);
    let spawned = std::thread::Builder::new()
        .name("irbook-request".into())
        .spawn(move || {
            http::handle(request, &live);
            counter.fetch_sub(1, Ordering::Relaxed);
        });
    if spawned.is_err() {
        in_flight.fetch_sub(1, Ordering::Relaxed);
    }
}
