//! Reading articles from paths: files, directories (recursively), `-` (stdin),
//! JSONL corpora and HTML pages. A file that cannot be read is reported and
//! skipped; the caller's exit code records it.
#![allow(clippy::print_stderr)]

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::extract::article;
use crate::model::{Article, Date};

/// File extensions read from directories (explicit file paths are always read).
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "text", "html", "htm", "jsonl"];

/// Options that apply to every article read.
#[derive(Debug, Clone, Default)]
pub(super) struct ReadOptions {
    /// Declared language for articles that do not say.
    pub(super) lang: Option<crate::model::Lang>,
    /// Date for articles that carry none.
    pub(super) date: Option<Date>,
    /// What `-` (stdin) holds.
    pub(super) stdin: StdinInput,
}

/// What stdin holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum StdinInput {
    /// A JSONL corpus when the first non-blank byte is `{`, else one article.
    #[default]
    Auto,
    /// A JSONL corpus, one article record per line, read as it arrives.
    Jsonl,
    /// One plain-text or HTML article.
    Text,
}

/// The files behind the given paths: directories expanded recursively and
/// sorted, skipping hidden files, READMEs and gold files.
pub(super) fn expand(paths: &[PathBuf]) -> (Vec<PathBuf>, usize) {
    let mut out = Vec::new();
    let mut failed = 0;
    for p in paths {
        if p.as_os_str() == "-" || !p.is_dir() {
            out.push(p.clone());
            continue;
        }
        if let Err(e) = walk(p, &mut out) {
            eprintln!(
                "diplograph: {}: cannot list the directory: {e}; skipped",
                p.display()
            );
            failed += 1;
        }
    }
    (out, failed)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("")
                .to_ascii_lowercase();
            let readme = name.to_ascii_lowercase().starts_with("readme");
            if ARTICLE_EXTENSIONS.contains(&ext.as_str()) && !readme {
                out.push(path);
            }
        }
    }
    Ok(())
}

/// The articles in one file (`-` = stdin), one at a time: one per plain or HTML
/// file, one per line of a `.jsonl` corpus. A corpus is read line by line, so
/// only one record is held at a time; a bad line (not UTF-8, not JSON, no
/// `text`) is reported as `FILE:LINE: reason; skipped` and counted in
/// [`Articles::bad`]. A file that cannot be opened, or a plain or HTML file
/// that is not UTF-8, is an error naming the file.
pub(super) fn open_articles(path: &Path, options: &ReadOptions) -> anyhow::Result<Articles> {
    let name = path.display().to_string();
    let stdin = path.as_os_str() == "-";
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let mut size = 0;
    let mut stdin_reader = None;
    if stdin {
        let (reader, corpus) = peek_stdin(options.stdin).context("stdin: cannot read")?;
        if corpus {
            return Ok(Articles::new(
                name,
                options,
                Source::Corpus(JsonLines::new(reader)),
                0,
            ));
        }
        stdin_reader = Some(reader);
    }
    let source = if ext == "jsonl" && !stdin {
        let file = File::open(path).with_context(|| format!("{name}: cannot open the corpus"))?;
        Source::Corpus(JsonLines::new(Box::new(BufReader::new(file))))
    } else {
        let mut bytes = Vec::new();
        if let Some(mut reader) = stdin_reader {
            reader
                .read_to_end(&mut bytes)
                .context("stdin: cannot read")?;
        } else {
            bytes =
                std::fs::read(path).with_context(|| format!("{name}: cannot read the article"))?;
        }
        size = bytes.len() as u64;
        let text = String::from_utf8(bytes).map_err(|e| {
            let bytes = e.as_bytes();
            let at = e.utf8_error().valid_up_to();
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
            anyhow::anyhow!(
                "{name}: not UTF-8 text (line {line}, byte {at}); convert it to UTF-8 first"
            )
        })?;
        let html = matches!(ext.as_str(), "html" | "htm")
            || text.trim_start().starts_with("<!DOCTYPE html")
            || text.trim_start().starts_with("<html");
        Source::Single(Some(if html {
            article::from_html(&text)
        } else {
            article::from_plain(text)
        }))
    };
    Ok(Articles::new(name, options, source, size))
}

/// Stdin, and whether it is a JSONL corpus: as `input` says, or for `auto`
/// when its first byte that is not blank (nor a byte order mark) is `{`.
/// The bytes looked at are put back in front, so a plain article keeps its
/// leading blanks (spans count them) and a corpus its line numbers.
fn peek_stdin(input: StdinInput) -> io::Result<(Box<dyn BufRead + Send>, bool)> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let mut stdin = BufReader::new(io::stdin());
    if input != StdinInput::Auto {
        return Ok((Box::new(stdin), input == StdinInput::Jsonl));
    }
    let mut seen = Vec::new();
    let first = loop {
        let buf = stdin.fill_buf()?;
        if buf.is_empty() {
            break None;
        }
        let blank = |(at, b): (usize, &u8)| {
            let offset = seen.len() + at;
            b.is_ascii_whitespace() || BOM.get(offset) == Some(b)
        };
        if let Some(at) = buf.iter().enumerate().position(|x| !blank(x)) {
            break Some(buf[at]);
        }
        let n = buf.len();
        seen.extend_from_slice(buf);
        stdin.consume(n);
    };
    let reader = Box::new(io::Cursor::new(seen).chain(stdin));
    Ok((reader, first == Some(b'{')))
}

/// The articles of one file, read on demand; see [`open_articles`].
pub(super) struct Articles {
    name: String,
    options: ReadOptions,
    source: Source,
    /// The bytes of a single article's file (a corpus counts as it reads).
    size: u64,
    bad: usize,
    /// The corpus line of the last record yielded.
    line: Option<usize>,
    /// Reports of bad lines, held for the caller instead of printed (see
    /// [`Articles::hold_reports`]).
    held: Option<Vec<String>>,
}

enum Source {
    Single(Option<Article>),
    Corpus(JsonLines<Box<dyn BufRead + Send>>),
}

impl Articles {
    fn new(name: String, options: &ReadOptions, source: Source, size: u64) -> Self {
        Articles {
            name,
            options: options.clone(),
            source,
            size,
            bad: 0,
            line: None,
            held: None,
        }
    }

    /// Lines reported and skipped so far.
    pub(super) fn bad(&self) -> usize {
        self.bad
    }

    /// Bytes of the file read so far: a corpus counts every line it has read,
    /// a single article its whole file once it is open.
    pub(super) fn bytes_read(&self) -> u64 {
        match &self.source {
            Source::Single(_) => self.size,
            Source::Corpus(lines) => lines.bytes_read(),
        }
    }

    /// From now on, bad lines are not printed as they are met but kept, one
    /// message each (`FILE:LINE: reason; skipped`, without the program name),
    /// until [`Articles::take_reports`]: a caller that reads on one thread and
    /// extracts on others prints every message in input order.
    pub(super) fn hold_reports(&mut self) {
        self.held.get_or_insert_with(Vec::new);
    }

    /// The reports held since the last call (see [`Articles::hold_reports`]).
    pub(super) fn take_reports(&mut self) -> Vec<String> {
        self.held.as_mut().map(std::mem::take).unwrap_or_default()
    }

    /// Reports a bad line (printed, or held) and counts it.
    fn report(held: &mut Option<Vec<String>>, bad: &mut usize, message: String) {
        match held {
            Some(held) => held.push(message),
            None => eprintln!("diplograph: {message}"),
        }
        *bad += 1;
    }

    /// Where the last article yielded came from, for messages: `FILE`, or
    /// `FILE:LINE` in a corpus.
    pub(super) fn place(&self) -> String {
        match self.line {
            Some(line) => format!("{}:{line}", self.name),
            None => self.name.clone(),
        }
    }

    fn next_record(&mut self) -> Option<Article> {
        let lines = match &mut self.source {
            Source::Single(article) => return article.take(),
            Source::Corpus(lines) => lines,
        };
        loop {
            let line = match lines.next()? {
                Ok(line) => line,
                Err((number, e)) => {
                    let message = format!(
                        "{}:{number}: cannot read: {e}; the rest of the file skipped",
                        self.name
                    );
                    Self::report(&mut self.held, &mut self.bad, message);
                    return None;
                }
            };
            let reason = match line.text.map(|text| article::from_record(&text)) {
                Ok(Ok(article)) => {
                    self.line = Some(line.number);
                    return Some(article);
                }
                Ok(Err(reason)) => reason.to_string(),
                Err(reason) => reason.to_string(),
            };
            let message = format!("{}:{}: {reason}; skipped", self.name, line.number);
            Self::report(&mut self.held, &mut self.bad, message);
        }
    }
}

impl Iterator for Articles {
    type Item = Article;

    fn next(&mut self) -> Option<Article> {
        let mut article = self.next_record()?;
        if article.lang.is_none() {
            article.lang = self.options.lang;
        }
        if article.date.is_none() {
            article.date = self.options.date;
        }
        Some(article)
    }
}

/// The longest line a JSONL input may have (64 MiB): a longer one is reported
/// and skipped without being held in memory.
const MAX_LINE: usize = 64 << 20;

/// One non-blank line of a JSONL input.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Line {
    /// The line's number in the input, from 1.
    pub(super) number: usize,
    /// The line without its end (`\n` or `\r\n`) and, on line 1, without a
    /// UTF-8 byte order mark; or why it is not one line of text.
    pub(super) text: Result<String, LineError>,
}

/// Why a line of a JSONL input is not text.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum LineError {
    /// Not UTF-8; the 1-based byte of the line where it stops being UTF-8.
    NotUtf8(usize),
    /// Longer than the bound; the bound in bytes.
    TooLong(usize),
}

impl std::fmt::Display for LineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LineError::NotUtf8(byte) => write!(
                f,
                "not UTF-8 (byte {byte} of the line); convert the file to UTF-8"
            ),
            LineError::TooLong(max) => write!(f, "longer than {} MiB; split the record", max >> 20),
        }
    }
}

/// The lines of a JSONL input, read as bytes one at a time, so that one bad
/// line costs only itself. Blank lines are passed over (their numbers still
/// count); a read error ends the input and gives the number of the line it hit.
pub(super) struct JsonLines<R> {
    reader: R,
    buf: Vec<u8>,
    number: usize,
    /// Bytes read so far, line ends and skipped lines included.
    consumed: u64,
    max: usize,
    done: bool,
}

impl<R: BufRead> JsonLines<R> {
    /// Lines of `reader`, each at most [`MAX_LINE`] bytes.
    pub(super) fn new(reader: R) -> Self {
        Self::with_max(reader, MAX_LINE)
    }

    fn with_max(reader: R, max: usize) -> Self {
        JsonLines {
            reader,
            buf: Vec::new(),
            number: 0,
            consumed: 0,
            max,
            done: false,
        }
    }

    /// Bytes read so far, line ends and skipped lines included.
    pub(super) fn bytes_read(&self) -> u64 {
        self.consumed
    }

    /// Reads up to `max` bytes and the newline into `buf`; passes over the rest
    /// of a longer line. `Ok(None)` at the end of input, `Ok(Some(false))` for
    /// a line that was too long.
    fn read_line(&mut self) -> io::Result<Option<bool>> {
        self.buf.clear();
        let limit = self.max as u64 + 1;
        let n = (&mut self.reader)
            .take(limit)
            .read_until(b'\n', &mut self.buf)?;
        self.consumed += n as u64;
        if n == 0 {
            return Ok(None);
        }
        if self.buf.last() == Some(&b'\n') || self.buf.len() <= self.max {
            return Ok(Some(true));
        }
        loop {
            self.buf.clear();
            let n = (&mut self.reader)
                .take(limit)
                .read_until(b'\n', &mut self.buf)?;
            self.consumed += n as u64;
            if n == 0 || self.buf.last() == Some(&b'\n') {
                self.buf.clear();
                return Ok(Some(false));
            }
        }
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Result<Line, (usize, io::Error)>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.number += 1;
            let whole = match self.read_line() {
                Ok(Some(whole)) => whole,
                Ok(None) => break,
                Err(e) => {
                    self.done = true;
                    return Some(Err((self.number, e)));
                }
            };
            if !whole {
                return Some(Ok(Line {
                    number: self.number,
                    text: Err(LineError::TooLong(self.max)),
                }));
            }
            let mut bytes = self.buf.as_slice();
            bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
            bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
            if self.number == 1 {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let text = match std::str::from_utf8(bytes) {
                Ok(text) => Ok(text.to_owned()),
                Err(e) => Err(LineError::NotUtf8(e.valid_up_to() + 1)),
            };
            return Some(Ok(Line {
                number: self.number,
                text,
            }));
        }
        self.done = true;
        None
    }
}

/// A warning when an article's script contradicts the `--lang` it is read
/// with (`--lang ja` on English text): its sentences are then read by the
/// rules of the script they are written in, which the user may not expect.
pub(super) fn lang_warning(
    lang: Option<crate::model::Lang>,
    article: &crate::model::Article,
) -> Option<String> {
    let lang = lang.filter(|l| article.lang.is_none_or(|a| a == *l))?;
    let counts = crate::script::ScriptCounts::of(&article.text);
    if counts == crate::script::ScriptCounts::default() || counts.fits(lang) {
        return None;
    }
    let script = match counts.article_lang() {
        crate::model::Lang::En => "Latin",
        crate::model::Lang::Ja => "Japanese",
        crate::model::Lang::Ko => "Hangul",
        crate::model::Lang::Zh => "Han (Chinese)",
    };
    Some(format!(
        "--lang {lang} but the text is written in {script} script; each sentence is read by \
         the rules of its own script (use --lang auto to silence this)"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max: usize) -> Vec<(usize, Result<String, LineError>)> {
        JsonLines::with_max(input, max)
            .map(|l| {
                let l = l.expect("reading a slice cannot fail");
                (l.number, l.text)
            })
            .collect()
    }

    // See: issue 8
    #[test]
    fn a_bad_line_costs_only_itself() {
        let got = lines(b"{\"a\":1}\n{\"b\":\"\xff\"}\n{\"c\":3}\n", 100);
        assert_eq!(
            got,
            vec![
                (1, Ok(r#"{"a":1}"#.to_owned())),
                (2, Err(LineError::NotUtf8(7))),
                (3, Ok(r#"{"c":3}"#.to_owned())),
            ]
        );
    }

    #[test]
    fn crlf_bom_blank_lines_and_a_last_line_without_newline() {
        let got = lines(b"\xEF\xBB\xBFone\r\n\r\n  \ntwo\r\n\nthree", 100);
        assert_eq!(
            got,
            vec![
                (1, Ok("one".to_owned())),
                (4, Ok("two".to_owned())),
                (6, Ok("three".to_owned())),
            ]
        );
        assert_eq!(lines(b"", 100), vec![]);
        assert_eq!(lines(b"\xEF\xBB\xBF\n", 100), vec![]);
        // A mark after line 1 is not stripped: it is part of the text.
        assert_eq!(
            lines(b"a\n\xEF\xBB\xBFb", 100),
            vec![(1, Ok("a".to_owned())), (2, Ok("\u{feff}b".to_owned()))]
        );
    }

    #[test]
    fn a_read_error_ends_the_input_with_its_line_number() {
        struct Broken;
        impl Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::other("disk on fire"))
            }
        }
        let reader = BufReader::new((&b"one\ntwo\n"[..]).chain(Broken));
        let got: Vec<_> = JsonLines::new(reader).collect();
        assert_eq!(got.len(), 3, "two lines, then the error");
        assert_eq!(got[1].as_ref().unwrap().text, Ok("two".to_owned()));
        let (number, e) = got[2].as_ref().unwrap_err();
        assert_eq!((*number, e.to_string().as_str()), (3, "disk on fire"));
    }

    #[test]
    fn a_line_over_the_bound_is_skipped_without_being_held() {
        let long = format!("{}\nok\n{}", "x".repeat(50), "y".repeat(11));
        let got = lines(long.as_bytes(), 10);
        assert_eq!(
            got,
            vec![
                (1, Err(LineError::TooLong(10))),
                (2, Ok("ok".to_owned())),
                (3, Err(LineError::TooLong(10))),
            ]
        );
        let exact = lines(b"0123456789\n0123456789", 10);
        assert_eq!(exact.len(), 2);
        assert!(exact.iter().all(|(_, t)| t.is_ok()));
    }
}
