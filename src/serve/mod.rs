//! The explorer: a local, read-only web page and JSON API over one store.
//!
//! Owns the HTTP loop, routing, request and answer limits, the page's embedded
//! assets, and turning [`crate::query`] answers into JSON. Must not hold query
//! logic (every answer comes from `query`, `export` or the gazetteer), write
//! anything, or read any file but the store: the only paths it opens are the
//! store's, and the page is compiled into the binary.
//!
//! ```text
//! request ─mod→ method, URL limits ─assets→ page files
//!                                  ─params→ typed arguments ─api→ query ─→ JSON
//! store file ─snapshot→ KnowledgeGraph (reloaded when its mtime or size changes)
//! ```
//!
//! One thread answers requests in turn: the explorer has one user, answers take
//! milliseconds, and a single owner of the loaded graph needs no locks.

mod api;
mod assets;
mod params;
mod snapshot;
mod style;

use std::borrow::Cow;
use std::net::SocketAddr;

use tiny_http::{Header, Method, Request, Response};

use crate::gazetteer::Gazetteer;
pub use snapshot::Loader;
use snapshot::Snapshot;

/// Longest request target accepted (path and query string), in bytes.
pub const MAX_URL_BYTES: usize = 4096;

/// Why the explorer cannot start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address cannot be listened on.
    #[error("{addr}: cannot listen ({reason}); pick another port with --port (0 picks a free one)")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// What the system said.
        reason: String,
    },
    /// The store cannot be read.
    #[error(transparent)]
    Store(#[from] crate::persist::PersistError),
}

/// A bound explorer, ready to [`Explorer::run`].
pub struct Explorer<'g> {
    server: tiny_http::Server,
    store: Snapshot,
    gazetteer: &'g Gazetteer,
}

impl<'g> Explorer<'g> {
    /// Loads the store once (so a missing or corrupt store is an error before
    /// anything listens), then binds `addr` (port 0 picks a free port).
    pub fn bind(
        addr: SocketAddr,
        store: &std::path::Path,
        load: Loader,
        gazetteer: &'g Gazetteer,
    ) -> Result<Self, ServeError> {
        let store = Snapshot::open(store.to_owned(), load)?;
        let server = tiny_http::Server::http(addr).map_err(|e| ServeError::Bind {
            addr,
            reason: e.to_string(),
        })?;
        Ok(Explorer {
            server,
            store,
            gazetteer,
        })
    }

    /// The address actually listened on (with the port chosen for port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.server
            .server_addr()
            .to_ip()
            .expect("the explorer listens on TCP, never on a Unix socket")
    }

    /// Answers requests until the process ends.
    pub fn run(mut self) {
        while let Ok(request) = self.server.recv() {
            let reply = self.reply(request.method(), request.url());
            // A client that went away needs no answer and is no error of ours.
            let _ = respond(request, reply);
        }
    }

    /// The reply to one request.
    fn reply(&mut self, method: &Method, url: &str) -> Reply {
        if !matches!(method, Method::Get | Method::Head) {
            return Reply::error(
                405,
                &format!("{method}: the explorer is read-only; use GET"),
            );
        }
        if url.len() > MAX_URL_BYTES {
            return Reply::error(
                414,
                &format!("request target longer than {MAX_URL_BYTES} bytes"),
            );
        }
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        if let Some(asset) = assets::get(path) {
            return Reply {
                status: 200,
                content_type: asset.content_type,
                body: Cow::Borrowed(asset.bytes),
            };
        }
        if !path.starts_with("/api/") {
            return Reply::error(404, &format!("{path}: no such page; the explorer is at /"));
        }
        let loaded = match self.store.current() {
            Ok(loaded) => loaded,
            Err(e) => return Reply::error(503, &format!("{e}; the explorer keeps trying")),
        };
        let answer = params::Params::parse(query)
            .and_then(|p| api::answer(&api::Context::new(loaded, self.gazetteer), path, &p));
        // Records are read from the file when an answer shows them: a block
        // that does not check out makes this answer, and the next ones until
        // the store is read again, an error rather than short of records.
        if let Some(e) = loaded.graph.take_evidence_error() {
            self.store.reload_next();
            return Reply::error(503, &format!("{e}; the explorer keeps trying"));
        }
        match answer {
            Ok(json) => Reply {
                status: 200,
                content_type: "application/json; charset=utf-8",
                body: Cow::Owned(json),
            },
            Err(e) => Reply::error(e.status, &e.message),
        }
    }
}

/// What goes back: status, type and body.
struct Reply {
    status: u16,
    content_type: &'static str,
    body: Cow<'static, [u8]>,
}

impl Reply {
    /// `{"error": message, "status": status}`, as every failure is answered.
    fn error(status: u16, message: &str) -> Self {
        let body = serde_json::json!({ "error": message, "status": status });
        Reply {
            status,
            content_type: "application/json; charset=utf-8",
            body: Cow::Owned(serde_json::to_vec(&body).expect("JSON values always serialize")),
        }
    }
}

/// Headers every answer carries: the page may load nothing but its own
/// files, so even a bug cannot reach the network; answers are never cached
/// because the store may change under them.
const HEADERS: [(&str, &str); 4] = [
    (
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'",
    ),
    ("X-Content-Type-Options", "nosniff"),
    ("Cache-Control", "no-store"),
    ("Referrer-Policy", "no-referrer"),
];

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("header names and values here are plain ASCII")
}

fn respond(request: Request, reply: Reply) -> std::io::Result<()> {
    let mut headers = vec![header("Content-Type", reply.content_type)];
    headers.extend(HEADERS.iter().map(|(name, value)| header(name, value)));
    if reply.status == 405 {
        headers.push(header("Allow", "GET, HEAD"));
    }
    let len = reply.body.len();
    // The embedded files are sent from the binary's own bytes, never copied.
    let body = std::io::Cursor::new(reply.body);
    request.respond(Response::new(
        reply.status.into(),
        headers,
        body,
        Some(len),
        None,
    ))
}
