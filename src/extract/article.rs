//! Turning raw documents into [`Article`]s: plain text and Markdown (with optional
//! front matter or a headline line), HTML (text only) and JSONL corpus records.
//! Pure functions over strings; reading files is the caller's job.

use serde::Deserialize;

use super::normalize::Normalized;
use crate::model::{Article, ArticleId, Date, Lang};

/// A corpus record that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// Not JSON, or not an object with a `text` string.
    #[error(
        "not a corpus record ({0}); expected {{\"id\", \"title\", \"date\", \"url\", \"lang\", \"text\"}} with at least `text`"
    )]
    Json(String),
    /// The `date` field is not `YYYY-MM-DD`.
    #[error("{0}")]
    Date(crate::model::ModelError),
}

/// The id of an article without one: a 64-bit FNV-1a hash of its normalized text,
/// as 16 hex digits. The same text always gets the same id.
pub fn content_id(text: &str) -> ArticleId {
    let normalized = Normalized::new(text);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in normalized.text.trim().bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    ArticleId(format!("{h:016x}"))
}

/// The id of an article with a `url` and no record id: a 64-bit FNV-1a hash of
/// the trimmed url, as 16 hex digits, so a re-fetched copy with one word
/// changed is the same article.
pub fn url_id(url: &str) -> ArticleId {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in url.trim().bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    ArticleId(format!("{h:016x}"))
}

/// The id of an article without a record id: its url's hash, else its text's.
fn derived_id(url: Option<&str>, text: &str) -> ArticleId {
    match url.filter(|u| !u.trim().is_empty()) {
        Some(u) => url_id(u),
        None => content_id(text),
    }
}

/// A plain-text or Markdown article. Metadata comes from YAML-like front matter
/// (`---` / `title:` / `date:` / `url:` / `lang:` / `---`), else from the first
/// line when a blank line follows it (the headline), and from a `Date: YYYY-MM-DD`
/// (or `日付:`) line among the first lines. The text keeps every line, headline
/// included: claims are read from headlines too.
pub fn from_plain(text: String) -> Article {
    let mut title = None;
    let mut date = None;
    let mut url = None;
    let mut lang = None;
    let mut front_matter = false;
    let mut lines = text.lines();
    if text.starts_with("---\n") || text.starts_with("---\r\n") {
        lines.next();
        for line in lines.by_ref() {
            if line.trim() == "---" {
                front_matter = true;
                break;
            }
            if let Some((k, v)) = line.split_once(':') {
                let v = v.trim().trim_matches('"').to_owned();
                match k.trim() {
                    "title" => title = Some(v),
                    "date" => date = parse_date(&v),
                    "url" => url = Some(v),
                    "lang" => lang = Lang::from_tag(&v),
                    _ => {}
                }
            }
        }
    }
    if !front_matter {
        let mut head = text.lines();
        if let (Some(first), Some(second)) = (head.next(), head.next()) {
            let first = first.trim();
            let dated = parse_date_line(second).is_some();
            if !first.is_empty() && (second.trim().is_empty() || dated) {
                title = Some(first.to_owned());
            }
        }
    }
    if date.is_none() {
        date = text.lines().take(6).find_map(parse_date_line);
    }
    Article {
        id: derived_id(url.as_deref(), &text),
        title,
        date,
        url,
        lang,
        text,
    }
}

fn parse_date_line(line: &str) -> Option<Date> {
    let line = line.trim();
    ["Date:", "date:", "日付:", "日付：", "Published:"]
        .iter()
        .find_map(|p| line.strip_prefix(p))
        .and_then(|rest| parse_date(rest.trim()))
}

fn parse_date(s: &str) -> Option<Date> {
    s.get(..10).and_then(|d| d.parse().ok())
}

#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
    lang: Option<String>,
    text: String,
}

/// One line of a JSONL corpus: `{id, title, date, url, lang, text}`, `text`
/// required. Without an `id`, the url's hash is used, else the content hash.
pub fn from_record(line: &str) -> Result<Article, RecordError> {
    let r: Record = serde_json::from_str(line).map_err(|e| {
        // The caller numbers the lines: give the column, not "line 1".
        let text = e.to_string();
        let position = format!(" at line {} column {}", e.line(), e.column());
        RecordError::Json(match text.strip_suffix(&position) {
            Some(message) => format!("{message} at column {}", e.column()),
            None => text,
        })
    })?;
    let date = match r.date.as_deref().filter(|d| !d.is_empty()) {
        Some(d) => Some(
            d.get(..10)
                .unwrap_or(d)
                .parse()
                .map_err(RecordError::Date)?,
        ),
        None => None,
    };
    let id = match r.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => ArticleId(s),
        Some(serde_json::Value::Number(n)) => ArticleId(n.to_string()),
        _ => derived_id(r.url.as_deref(), &r.text),
    };
    Ok(Article {
        id,
        title: r.title,
        date,
        url: r.url,
        lang: r.lang.as_deref().and_then(Lang::from_tag),
        text: r.text,
    })
}

/// An HTML page, reduced to its text: `<script>`, `<style>` and tags dropped,
/// block elements turned into line breaks, common entities decoded. The title
/// comes from `<title>` (or the first `<h1>`). Spans point into the reduced text.
pub fn from_html(html: &str) -> Article {
    let mut text = String::with_capacity(html.len() / 2);
    let mut title = None;
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_text(&mut text, &rest[..lt]);
        rest = &rest[lt..];
        let Some(gt) = rest.find('>') else { break };
        let tag = rest[1..gt].trim().to_ascii_lowercase();
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        rest = &rest[gt + 1..];
        if !tag.starts_with('/')
            && matches!(name.as_str(), "script" | "style" | "title" | "noscript")
        {
            let end = find_closing_tag(rest, &name).unwrap_or(rest.len());
            if name == "title" {
                let mut t = String::new();
                push_text(&mut t, &rest[..end]);
                title = Some(t.trim().to_owned()).filter(|t| !t.is_empty());
            }
            rest = &rest[end..];
            continue;
        }
        if matches!(
            name.as_str(),
            "p" | "br"
                | "div"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "li"
                | "tr"
                | "figcaption"
                | "section"
                | "article"
                | "header"
                | "footer"
        ) {
            text.push('\n');
        }
    }
    push_text(&mut text, rest);
    let text = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    if title.is_none() {
        title = text.lines().next().map(str::to_owned);
    }
    Article {
        id: content_id(&text),
        title,
        date: None,
        url: None,
        lang: None,
        text,
    }
}

/// Where `</name` starts in `html`, in any letter case: one pass, no copy of
/// the rest of the page (a page of many `<script>` blocks stays linear).
fn find_closing_tag(html: &str, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut from = 0;
    while let Some(i) = html[from..].find("</").map(|i| from + i) {
        let tag = &bytes[i + 2..];
        if tag.len() >= name.len() && tag[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return Some(i);
        }
        from = i + 2;
    }
    None
}

fn push_text(out: &mut String, raw: &str) {
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let entity = rest.find(';').filter(|&e| e <= 10).map(|e| &rest[1..e]);
        let decoded = entity.and_then(|e| match e {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" | "#39" => Some('\''),
            "nbsp" => Some(' '),
            _ => e
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| e.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        });
        match (entity, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &rest[e.len() + 2..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_and_date_line_give_metadata() {
        let a = from_plain("Leaders meet in Hanoi\nDate: 2025-03-14\n\nBody.".into());
        assert_eq!(a.title.as_deref(), Some("Leaders meet in Hanoi"));
        assert_eq!(a.date.unwrap().to_string(), "2025-03-14");
        assert!(a.text.starts_with("Leaders meet"));
    }

    #[test]
    fn front_matter_gives_metadata() {
        let a =
            from_plain("---\ntitle: \"X\"\ndate: 2024-06-18\nurl: http://e/1\n---\nBody".into());
        assert_eq!(a.title.as_deref(), Some("X"));
        assert_eq!(a.url.as_deref(), Some("http://e/1"));
        assert_eq!(a.date.unwrap().to_string(), "2024-06-18");
    }

    #[test]
    fn same_text_same_id() {
        assert_eq!(content_id("a b"), content_id("a b"));
        assert_ne!(content_id("a b"), content_id("a c"));
        assert_eq!(content_id("Ｇ７"), content_id("G7"));
    }

    // See: issue 14, item 4
    #[test]
    fn an_article_with_a_url_takes_its_id_from_the_url() {
        let a = from_record(r#"{"url":"https://e/1","text":"One version."}"#).unwrap();
        let b = from_record(r#"{"url":"https://e/1","text":"One edited version."}"#).unwrap();
        assert_eq!(a.id, b.id);
        assert_eq!(a.id, url_id("https://e/1"));
        let p = from_plain("---\nurl: https://e/1\n---\nBody".into());
        assert_eq!(p.id, a.id);
        let k = from_record(r#"{"id":"k","url":"https://e/1","text":"T"}"#).unwrap();
        assert_eq!(k.id.0, "k");
    }

    #[test]
    fn records_and_html() {
        let a = from_record(r#"{"id":"k1","date":"2024-01-02","text":"T"}"#).unwrap();
        assert_eq!(a.id.0, "k1");
        assert!(from_record(r#"{"date":"2024-13-02","text":"T"}"#).is_err());
        let err = from_record("nope").unwrap_err().to_string();
        assert!(err.contains("at column ") && !err.contains("line"), "{err}");
        let h = from_html(
            "<html><title>T &amp; U</title><script>x()</script><p>One &lt;two&gt;.</p><p>Three</p>",
        );
        assert_eq!(h.title.as_deref(), Some("T & U"));
        assert_eq!(h.text, "One <two>.\nThree");
    }

    #[test]
    fn script_blocks_end_at_their_closing_tag_in_any_case() {
        let h = from_html("<p>A</p><SCRIPT>x = '<p>no</p>'</Script><p>B</p><style>p{}</STYLE>C");
        assert_eq!(h.text, "A\nB\nC");
    }
}
