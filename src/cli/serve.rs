//! `diplograph serve`: the explorer, a local read-only web page and JSON API
//! over the store (see [`crate::serve`]).

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use super::{escape_controls, role_of, shared_gazetteer};
use crate::serve::Explorer;

/// Arguments of `serve`.
#[derive(Debug, Parser)]
#[command(after_long_help = "\
Examples:
  diplograph serve                      http://127.0.0.1:8080/ over graphs/world.dgraph
  diplograph serve --port 0 --open      a free port, opened in the browser
  diplograph --store team.dgraph serve  another store (reloaded when it changes)

The page and the JSON API (/api/search, /api/actor/ID, /api/ego, /api/edge,
/api/path, /api/timeline, /api/stats) are read-only and need no network.")]
pub struct ServeArgs {
    /// The port to listen on (0: any free port; the URL printed says which).
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Listen on this address instead of 127.0.0.1. Anyone who can reach it
    /// can read the whole store.
    #[arg(long, value_name = "ADDR")]
    pub bind: Option<IpAddr>,
    /// Open the page in the default browser once listening.
    #[arg(long)]
    pub open: bool,
}

/// Loads the store, listens, prints the URL, answers until interrupted.
pub(super) fn run(store: &Path, args: ServeArgs) -> anyhow::Result<ExitCode> {
    let ip = args.bind.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    if !ip.is_loopback() {
        eprintln!(
            "diplograph: warning: serving on {ip}: anyone who can reach this address can read the whole store"
        );
    }
    let gazetteer = shared_gazetteer()?;
    let load: crate::serve::Loader = Box::new(move |path| {
        // The graph section only: each edge's records are read when a
        // request first shows them (an ego network's size needs none).
        let mut graph = crate::persist::open(path)?;
        graph.fill_roles(|person, office, date| role_of(gazetteer, person, office, date));
        Ok(graph)
    });
    let explorer = Explorer::bind(SocketAddr::new(ip, args.port), store, load, gazetteer)?;
    let url = page_url(explorer.local_addr());
    // The first line of stdout is the URL: tests and scripts read it.
    println!("{url}");
    eprintln!(
        "diplograph: serving {} read-only; Ctrl-C stops",
        escape_controls(&store.display().to_string())
    );
    if args.open {
        open_browser(&url);
    }
    explorer.run();
    Ok(ExitCode::SUCCESS)
}

fn page_url(addr: SocketAddr) -> String {
    match addr.ip() {
        // An unspecified address listens everywhere; the page is on loopback too.
        IpAddr::V4(ip) if ip.is_unspecified() => format!("http://127.0.0.1:{}/", addr.port()),
        IpAddr::V6(ip) if ip.is_unspecified() => format!("http://[::1]:{}/", addr.port()),
        _ => format!("http://{addr}/"),
    }
}

/// Asks the desktop to open `url`; a failure is a warning (the URL is printed).
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(opener)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        eprintln!("diplograph: warning: cannot run {opener} ({e}); open {url} yourself");
    }
}
