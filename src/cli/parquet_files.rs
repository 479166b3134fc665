//! Parquet on disk: the Hive-partitioned claims folder that `export parquet`
//! and `extract --format parquet` write (`month=2024-06/part-0.parquet`), and
//! the files `import` reads (a Parquet file, or every `.parquet` and `.jsonl`
//! file under a folder). The tables themselves are `export::parquet`'s.
#![allow(clippy::print_stderr)]

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Read};
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::export::jsonl::ClaimRecord;
use crate::export::parquet::read::{ParquetReadError, read_claims};
use crate::export::parquet::{ClaimRow, ClaimsWriter, Month, ROW_GROUP_ROWS};
use crate::gazetteer::Gazetteer;

/// Partition files open at once: past this, the one written least recently
/// is finished, and a later claim of its month starts that month's next file
/// (`part-1.parquet`, ...), so a corpus spanning centuries stays far below
/// the usual limit of 1024 open files.
pub(super) const OPEN_PARTS: usize = 128;

/// One open partition file.
struct Part {
    writer: ClaimsWriter<BufWriter<File>>,
    path: PathBuf,
    /// When it was last written to, for closing the least recent.
    used: u64,
}

/// Writes claims into `DIR/month=YYYY-MM/part-N.parquet`, by month of the
/// evidence date (`month=unknown` for undated records), as they come.
/// All partitions together buffer a bounded number of rows ([`ROW_GROUP_ROWS`]
/// unless [`PartitionedClaims::with_limits`] says otherwise): past that, the
/// fullest writes a row group, so memory stays bounded however the months
/// are interleaved; and at most [`OPEN_PARTS`] files are open.
pub(super) struct PartitionedClaims {
    dir: PathBuf,
    open: BTreeMap<Month, Part>,
    /// Files started per month (the next file's N).
    files: BTreeMap<Month, u32>,
    open_max: usize,
    /// Rows all partitions may buffer before the fullest writes a row group.
    buffer_max: usize,
    buffered: usize,
    rows: u64,
    clock: u64,
}

impl PartitionedClaims {
    /// Creates `dir` (or takes it empty): partitions of an earlier run left
    /// beside new ones would be read as part of the table.
    pub(super) fn create(dir: &Path) -> anyhow::Result<Self> {
        Self::with_limits(dir, OPEN_PARTS, ROW_GROUP_ROWS)
    }

    /// [`PartitionedClaims::create`] with other bounds on the files open and
    /// the rows buffered.
    pub(super) fn with_limits(
        dir: &Path,
        open_max: usize,
        buffer_max: usize,
    ) -> anyhow::Result<Self> {
        let shown = dir.display();
        if dir.exists() {
            let mut entries = std::fs::read_dir(dir)
                .with_context(|| format!("{shown}: cannot list the directory"))?;
            if entries.next().is_some() {
                anyhow::bail!(
                    "{shown}: exists and is not empty; old partitions would mix with the new ones, so remove it or give another directory"
                );
            }
        }
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{shown}: cannot create the directory"))?;
        Ok(PartitionedClaims {
            dir: dir.to_owned(),
            open: BTreeMap::new(),
            files: BTreeMap::new(),
            open_max: open_max.max(1),
            buffer_max,
            buffered: 0,
            rows: 0,
            clock: 0,
        })
    }

    /// Adds one claim to its month's file.
    pub(super) fn push(&mut self, row: &ClaimRow<'_>) -> anyhow::Result<()> {
        let month = Month::of(row.date);
        if !self.open.contains_key(&month) {
            if self.open.len() >= self.open_max {
                self.close_least_recent()?;
            }
            self.start_file(month)?;
        }
        let part = self.open.get_mut(&month).expect("opened above");
        self.clock += 1;
        part.used = self.clock;
        let before = part.writer.buffered();
        part.writer
            .push(row)
            .with_context(|| format!("{}: cannot write", part.path.display()))?;
        self.buffered = self.buffered + part.writer.buffered() - before;
        self.rows += 1;
        if self.buffered > self.buffer_max {
            self.flush_fullest()?;
        }
        Ok(())
    }

    fn start_file(&mut self, month: Month) -> anyhow::Result<()> {
        let dir = self.dir.join(month.dir_name());
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("{}: cannot create the directory", dir.display()))?;
        let n = self.files.entry(month).or_insert(0);
        let path = dir.join(format!("part-{n}.parquet"));
        *n += 1;
        let file =
            File::create(&path).with_context(|| format!("{}: cannot create", path.display()))?;
        let writer = ClaimsWriter::new(BufWriter::new(file))
            .with_context(|| format!("{}: cannot start the Parquet file", path.display()))?;
        self.open.insert(
            month,
            Part {
                writer,
                path,
                used: 0,
            },
        );
        Ok(())
    }

    fn flush_fullest(&mut self) -> anyhow::Result<()> {
        let Some(part) = self.open.values_mut().max_by_key(|p| p.writer.buffered()) else {
            return Ok(());
        };
        self.buffered -= part.writer.buffered();
        part.writer
            .flush()
            .with_context(|| format!("{}: cannot write", part.path.display()))
    }

    fn close_least_recent(&mut self) -> anyhow::Result<()> {
        let Some((&month, _)) = self.open.iter().min_by_key(|(_, p)| p.used) else {
            return Ok(());
        };
        let part = self.open.remove(&month).expect("found above");
        self.buffered -= part.writer.buffered();
        close(part)
    }

    /// Writes every open file's rest and footer; returns the claims written
    /// and the files.
    pub(super) fn finish(self) -> anyhow::Result<(u64, u32)> {
        for part in self.open.into_values() {
            close(part)?;
        }
        Ok((self.rows, self.files.values().sum()))
    }
}

/// Writes a partition file's rest and footer. Like every export it is not
/// synced: the table can be written again from its source.
fn close(part: Part) -> anyhow::Result<()> {
    let cannot = || format!("{}: cannot write", part.path.display());
    let out = part.writer.finish().with_context(cannot)?;
    out.into_inner()
        .map_err(|e| e.into_error())
        .with_context(cannot)?;
    Ok(())
}

/// Splits months (in order, with their row counts) into runs to write one
/// pass each: a run holds at most `open_max` months and, unless one month
/// alone is more, at most `buffer_max` rows. A pass that buffers all its rows
/// writes each month as whole row groups, into one file.
pub(super) fn passes(
    months: &BTreeMap<Month, usize>,
    open_max: usize,
    buffer_max: usize,
) -> Vec<std::ops::RangeInclusive<Month>> {
    let mut out = Vec::new();
    let mut run: Option<(Month, Month, usize, usize)> = None;
    for (&month, &rows) in months {
        run = match run {
            Some((first, _, total, n)) if n < open_max && total + rows <= buffer_max => {
                Some((first, month, total + rows, n + 1))
            }
            Some((first, last, _, _)) => {
                out.push(first..=last);
                Some((month, month, rows, 1))
            }
            None => Some((month, month, rows, 1)),
        };
    }
    out.extend(run.map(|(first, last, _, _)| first..=last));
    out
}

/// Whether `path` is read as Parquet: a `.parquet` name, or a file that
/// starts with Parquet's magic bytes.
pub(super) fn is_parquet(path: &Path) -> bool {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet"))
    {
        return true;
    }
    let mut magic = [0u8; 4];
    File::open(path)
        .and_then(|mut f| f.read_exact(&mut magic))
        .is_ok_and(|()| &magic == b"PAR1")
}

/// The claim files under a folder (`.parquet` and `.jsonl`), recursively
/// and sorted, leaving out what engines write beside the data (`_SUCCESS`,
/// `_temporary/`, `.crc` files): names starting with `_` or `.`.
pub(super) fn claim_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_owned()];
    while let Some(d) = todo.pop() {
        let entries = std::fs::read_dir(&d)
            .with_context(|| format!("{}: cannot list the directory", d.display()))?;
        for entry in entries {
            let path = entry
                .with_context(|| format!("{}: cannot list the directory", d.display()))?
                .path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with(['_', '.']) {
                continue;
            }
            if path.is_dir() {
                todo.push(path);
            } else if [".parquet", ".jsonl"]
                .iter()
                .any(|ext| name.to_ascii_lowercase().ends_with(ext))
            {
                out.push(path);
            }
        }
    }
    out.sort();
    if out.is_empty() {
        anyhow::bail!(
            "{}: is a directory with no .parquet or .jsonl files in it; give claim files or a folder of them",
            dir.display()
        );
    }
    Ok(out)
}

/// Reads one Parquet file's claims into `claims`; returns the bad rows, each
/// given to `report` as `FILE: row N: reason; skipped`. A file that is no Parquet or
/// lacks a needed column, or makes the decoder panic, is an error; a decoding
/// error part-way keeps the rows before it and counts as one bad row.
pub(super) fn read_parquet(
    path: &Path,
    gazetteer: &Gazetteer,
    claims: &mut Vec<ClaimRecord>,
    report: &mut dyn FnMut(String),
) -> anyhow::Result<usize> {
    let name = path.display().to_string();
    let file = File::open(path).with_context(|| format!("{name}: cannot open"))?;
    let mut bad = 0;
    let mut each = |row: usize, record: Result<ClaimRecord, String>| match record {
        Ok(r) => claims.push(r),
        Err(reason) => {
            report(format!("{name}: row {row}: {reason}; skipped"));
            bad += 1;
        }
    };
    // The decoder trusts offsets in a damaged file's metadata and can panic
    // on them (we met one: "column start and length should not be
    // negative"); that costs the file, not the import.
    let read = crate::extract::isolate::isolated(|| read_claims(file, Some(gazetteer), &mut each));
    match read {
        Ok(Ok(_)) => Ok(bad),
        Ok(Err(e @ ParquetReadError::Read { .. })) => {
            report(format!("{name}: {e}"));
            Ok(bad + 1)
        }
        Ok(Err(e)) => Err(anyhow::anyhow!("{name}: {e}")),
        Err(panic) => Err(anyhow::anyhow!(
            "{name}: the Parquet decoder gave up on this file ({}); it is damaged, or written in a way the `parquet` crate cannot read",
            panic.0
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorId, ArticleId, Claim, Evidence, Relation, Span};

    fn claim(article: &str, date: Option<&str>) -> Claim {
        let actor = |id: &str| Actor::from_id(ActorId::new(id).expect("a valid test id"));
        Claim {
            source: actor("RUS"),
            relation: Relation::Sanctions,
            target: actor("USA"),
            negated: false,
            hedged: false,
            attributed_to: Vec::new(),
            evidence: Evidence {
                article: ArticleId(article.to_owned()),
                title: None,
                url: None,
                date: date.map(|d| d.parse().expect("a valid test date")),
                sentence: 0,
                span: Span::new(0, 4),
                text: "Text".to_owned(),
                lang: None,
            },
        }
    }

    #[test]
    fn past_the_open_files_bound_a_month_goes_on_in_its_next_part_file() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let mut parts =
            PartitionedClaims::with_limits(dir.path(), 2, ROW_GROUP_ROWS).expect("created");
        for (article, date) in [
            ("a", Some("2024-01-05")),
            ("b", Some("2024-02-05")),
            ("c", None),
            ("d", Some("2024-01-20")),
            ("e", Some("2024-01-21")),
        ] {
            let c = claim(article, date);
            parts.push(&ClaimRow::of(&c, None)).expect("pushed");
        }
        assert_eq!(parts.finish().expect("finished"), (5, 4));
        let read = |rel: &str| {
            let file = File::open(dir.path().join(rel)).expect("the file exists");
            let mut articles = Vec::new();
            read_claims(file, None, &mut |_, r| {
                articles.push(r.expect("a good row").claim.evidence.article.0);
            })
            .expect("readable");
            articles
        };
        // January was closed when `unknown` opened (February was used later),
        // so its later claims are a second file.
        assert_eq!(read("month=2024-01/part-0.parquet"), ["a"]);
        assert_eq!(read("month=2024-01/part-1.parquet"), ["d", "e"]);
        assert_eq!(read("month=2024-02/part-0.parquet"), ["b"]);
        assert_eq!(read("month=unknown/part-0.parquet"), ["c"]);
    }

    #[test]
    fn passes_bound_months_and_rows() {
        let m = |month: u8| Month::Known { year: 2024, month };
        let months: BTreeMap<Month, usize> = [
            (m(1), 5),
            (m(2), 5),
            (m(3), 20),
            (m(4), 1),
            (m(5), 1),
            (m(6), 1),
        ]
        .into_iter()
        .chain([(Month::Unknown, 2)])
        .collect();
        assert_eq!(
            passes(&months, 2, 10),
            vec![m(1)..=m(2), m(3)..=m(3), m(4)..=m(5), m(6)..=Month::Unknown]
        );
        assert_eq!(passes(&months, 100, 1000), vec![m(1)..=Month::Unknown]);
        assert!(passes(&BTreeMap::new(), 2, 10).is_empty());
    }

    // A damaged footer made the decoder panic ("column start and length
    // should not be negative"); every such file must come back as an error.
    #[test]
    fn a_damaged_footer_costs_the_file_never_the_import() {
        crate::extract::isolate::install_panic_hook();
        let dir = tempfile::tempdir().expect("a temp dir");
        let good = dir.path().join("good.parquet");
        let mut writer =
            ClaimsWriter::new(File::create(&good).expect("created")).expect("a writer");
        for (article, date) in [
            ("a", Some("2024-01-05")),
            ("b", None),
            ("c", Some("2024-02-05")),
        ] {
            let c = claim(article, date);
            writer.push(&ClaimRow::of(&c, None)).expect("pushed");
        }
        writer.finish().expect("finished");
        let bytes = std::fs::read(&good).expect("read");
        let footer = u32::from_le_bytes(
            bytes[bytes.len() - 8..bytes.len() - 4]
                .try_into()
                .expect("4 bytes"),
        );
        let start = bytes.len() - 8 - footer as usize;
        let gazetteer = Gazetteer::builtin();
        let bad = dir.path().join("bad.parquet");
        let (mut refused, mut gave_up) = (0, 0);
        for at in (start..bytes.len() - 8).step_by(3) {
            let mut damaged = bytes.clone();
            damaged[at] = 0xFF;
            std::fs::write(&bad, &damaged).expect("written");
            if let Err(e) = read_parquet(&bad, &gazetteer, &mut Vec::new(), &mut |_| {}) {
                refused += 1;
                gave_up += usize::from(e.to_string().contains("gave up"));
            }
        }
        assert!(refused > 0, "some damage is noticed");
        eprintln!("{refused} damaged footers refused, {gave_up} of them by a decoder panic");
    }

    #[test]
    fn a_directory_with_something_in_it_is_refused() {
        let dir = tempfile::tempdir().expect("a temp dir");
        std::fs::write(dir.path().join("old.parquet"), b"x").expect("written");
        let err = PartitionedClaims::create(dir.path())
            .err()
            .expect("refused");
        assert!(err.to_string().contains("exists and is not empty"), "{err}");
    }
}
