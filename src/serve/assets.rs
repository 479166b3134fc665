//! The page's files, compiled into the binary: the only files the explorer
//! serves, by exact path, so no request can name any other file.

/// One embedded file.
pub(super) struct Asset {
    /// Its `Content-Type`.
    pub(super) content_type: &'static str,
    /// Its bytes.
    pub(super) bytes: &'static [u8],
}

const HTML: &str = "text/html; charset=utf-8";
const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";
const TEXT: &str = "text/plain; charset=utf-8";

/// (path, type, bytes) of every file; the vendored library is Cytoscape.js
/// 3.34.4 (`npm pack cytoscape@3.34.4`, `dist/cytoscape.min.js`), MIT.
const ASSETS: [(&str, &str, &[u8]); 6] = [
    ("/", HTML, include_bytes!("assets/index.html")),
    ("/app.js", JS, include_bytes!("assets/app.js")),
    ("/style.css", CSS, include_bytes!("assets/style.css")),
    (
        "/vendor/cytoscape.min.js",
        JS,
        include_bytes!("assets/vendor/cytoscape.min.js"),
    ),
    (
        "/vendor/cytoscape-LICENSE.txt",
        TEXT,
        include_bytes!("assets/vendor/cytoscape-LICENSE.txt"),
    ),
    (
        "/favicon.ico",
        "image/svg+xml",
        include_bytes!("assets/favicon.svg"),
    ),
];

/// The file at exactly this path, if it is one of the page's.
pub(super) fn get(path: &str) -> Option<Asset> {
    let path = if path == "/index.html" { "/" } else { path };
    ASSETS
        .iter()
        .find(|(p, _, _)| *p == path)
        .map(|&(_, content_type, bytes)| Asset {
            content_type,
            bytes,
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_the_listed_files_are_served() {
        assert!(super::get("/").is_some());
        assert!(super::get("/vendor/cytoscape.min.js").is_some());
        for p in [
            "/../Cargo.toml",
            "/vendor/../app.js",
            "/src/serve/mod.rs",
            "//etc/passwd",
        ] {
            assert!(super::get(p).is_none(), "{p}");
        }
    }
}
