//! The preview server of `irbook serve`: the site held in memory (nothing written to disk),
//! served over HTTP with tiny_http, with live reload. Each request is answered on a thread of
//! its own, so a slow or silent client never holds up another.

mod http;
mod live;
mod site;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

pub use live::{Problem, Problems};

use crate::render::OutputFile;

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
    pub fn start(bind: IpAddr, port: u16) -> Result<Server, String> {
        let listener = tiny_http::Server::http(SocketAddr::new(bind, port))
            .or_else(|first| {
                if port == 0 {
                    Err(first)
                } else {
                    tiny_http::Server::http(SocketAddr::new(bind, 0))
                }
            })
            .map_err(|e| format!("cannot listen on {bind}:{port}: {e}"))?;
        let address = listener
            .server_addr()
            .to_ip()
            .ok_or_else(|| "the server has no IP address".to_string())?;
        let live = Arc::new(Live::new());
        let serving = Arc::clone(&live);
        std::thread::Builder::new()
            .name("irbook-serve".into())
            .spawn(move || dispatch(&listener, &serving))
            .map_err(|e| format!("cannot start the server: {e}"))?;
        Ok(Server { live, address })
    }

    /// Serves a new build; returns the site paths whose contents changed.
    pub fn publish(&self, files: Vec<OutputFile>) -> Vec<String> {
        self.live.publish(files)
    }

    /// Keeps serving the last good build, with `problems` shown over every page.
    pub fn fail(&self, problems: &Problems) {
        self.live.fail(problems);
    }
}

fn dispatch(listener: &tiny_http::Server, live: &Arc<Live>) {
    let in_flight = Arc::new(AtomicUsize::new(0));
    for request in listener.incoming_requests() {
        if in_flight.load(Ordering::Relaxed) >= MAX_IN_FLIGHT {
            let _ = request.respond(tiny_http::Response::from_string("Busy.\n").with_status_code(503));
            continue;
        }
        in_flight.fetch_add(1, Ordering::Relaxed);
        let live = Arc::clone(live);
        let counter = Arc::clone(&in_flight);
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
}
