//! The explorer (`diplograph serve`): the JSON API against the real server on
//! a free port, and the page in headless Chromium.
//!
//! Each test starts its own server with `--port 0` and reads the URL it
//! prints; the [`Explorer`] guard kills it when the test ends.

mod api;
mod browser;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::common::tempdir;

/// A running `diplograph serve`, killed on drop.
pub(crate) struct Explorer {
    child: Child,
    /// `http://127.0.0.1:PORT/`.
    pub(crate) url: String,
    /// `127.0.0.1:PORT`.
    pub(crate) addr: String,
}

impl Explorer {
    /// Starts the explorer on `store` and waits for the URL it prints.
    pub(crate) fn start(store: &Path, extra: &[&str]) -> Explorer {
        let mut child = Command::new(env!("CARGO_BIN_EXE_diplograph"))
            .env_remove("DIPLOGRAPH_STORE")
            .env_remove("DIPLOGRAPH_GAZETTEER")
            .arg("--store")
            .arg(store)
            .args(["serve", "--port", "0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("piped stdout"))
            .read_line(&mut line)
            .expect("the explorer prints its URL");
        let url = line.trim().to_owned();
        if !url.starts_with("http://127.0.0.1:") {
            let mut err = String::new();
            let _ = child.stderr.take().map(|mut e| e.read_to_string(&mut err));
            let _ = child.kill();
            panic!("expected a URL on stdout, got {url:?}; stderr: {err}");
        }
        let addr = url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_owned();
        Explorer { child, url, addr }
    }

    /// Sends one request (`GET` unless told) and returns (status, headers, body).
    pub(crate) fn request(&self, method: &str, target: &str) -> (u16, String, String) {
        let mut s = TcpStream::connect(&self.addr).expect("the explorer accepts connections");
        // HTTP/1.0 and `Connection: close`: one answer, then end of stream.
        write!(
            s,
            "{method} {target} HTTP/1.0\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        )
        .expect("the request is sent");
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).expect("the answer is read");
        let raw = String::from_utf8(raw).expect("answers are UTF-8");
        let (head, body) = raw.split_once("\r\n\r\n").expect("a header block");
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|c| c.parse().ok())
            .expect("a status code");
        (status, head.to_owned(), body.to_owned())
    }

    /// `GET target`: (status, body as JSON); fails the test on a non-JSON body.
    pub(crate) fn json(&self, target: &str) -> (u16, serde_json::Value) {
        let (status, _, body) = self.request("GET", target);
        let json = serde_json::from_str(&body)
            .unwrap_or_else(|e| panic!("{target}: not JSON ({e}): {body}"));
        (status, json)
    }

    /// `GET target`, which must answer 200 with JSON.
    pub(crate) fn ok(&self, target: &str) -> serde_json::Value {
        let (status, json) = self.json(target);
        assert_eq!(status, 200, "{target}: {json}");
        json
    }
}

impl Drop for Explorer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The bundled corpus ingested into a fresh store (the README's sample store).
pub(crate) fn sample_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempdir();
    let store = dir.path().join("world.dgraph");
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/graphs/corpus");
    crate::common::bin_with_store(&store)
        .args(["ingest", corpus])
        .assert()
        .success();
    (dir, store)
}

/// `%`-encodes a query value (UTF-8 bytes outside the unreserved set).
pub(crate) fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
