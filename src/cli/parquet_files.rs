//! Parquet on disk: the Hive-partitioned claims folder that `export parquet`
//! and `extract --format parquet` write (`month=2024-06/part-0.parquet`), and
//! the Parquet files `import` reads (a file, or every `.parquet` file under a
//! folder). The tables themselves are `export::parquet`'s.
#![allow(clippy::print_stderr)]

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Read};
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::export::jsonl::ClaimRecord;
use crate::export::parquet::read::{ParquetReadError, read_claims};
use crate::export::parquet::{ClaimsWriter, Month, ROW_GROUP_ROWS};
use crate::gazetteer::Gazetteer;
use crate::model::{Claim, Role};

/// The one file of each partition.
const PART_FILE: &str = "part-0.parquet";

/// Writes claims into `DIR/month=YYYY-MM/part-0.parquet`, one file per month
/// of the evidence date (`month=unknown` for undated records), as they come.
/// All partitions together buffer at most [`ROW_GROUP_ROWS`] claims: past
/// that, the fullest partition writes a row group, so memory stays bounded
/// however the months are interleaved.
pub(super) struct PartitionedClaims {
    dir: PathBuf,
    parts: BTreeMap<Month, ClaimsWriter<BufWriter<File>>>,
    buffered: usize,
    rows: u64,
}

impl PartitionedClaims {
    /// Creates `dir` (or takes it empty): partitions of an earlier run left
    /// beside new ones would be read as part of the table.
    pub(super) fn create(dir: &Path) -> anyhow::Result<Self> {
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
            parts: BTreeMap::new(),
            buffered: 0,
            rows: 0,
        })
    }

    /// Adds one claim to its month's file.
    pub(super) fn push(&mut self, claim: Claim, role: Option<Role>) -> anyhow::Result<()> {
        let month = Month::of(claim.evidence.date);
        let writer = match self.parts.entry(month) {
            std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::btree_map::Entry::Vacant(e) => {
                let path = self.dir.join(month.dir_name());
                std::fs::create_dir_all(&path)
                    .with_context(|| format!("{}: cannot create the directory", path.display()))?;
                let path = path.join(PART_FILE);
                let file = File::create(&path)
                    .with_context(|| format!("{}: cannot create", path.display()))?;
                e.insert(ClaimsWriter::new(BufWriter::new(file)).with_context(|| {
                    format!("{}: cannot start the Parquet file", path.display())
                })?)
            }
        };
        let before = writer.buffered();
        let dir = &self.dir;
        writer
            .push(claim, role)
            .with_context(|| cannot_write(dir, month))?;
        self.buffered = self.buffered + writer.buffered() - before;
        self.rows += 1;
        if self.buffered > ROW_GROUP_ROWS {
            self.flush_fullest()?;
        }
        Ok(())
    }

    fn flush_fullest(&mut self) -> anyhow::Result<()> {
        let Some((&month, writer)) = self.parts.iter_mut().max_by_key(|(_, w)| w.buffered()) else {
            return Ok(());
        };
        self.buffered -= writer.buffered();
        let dir = &self.dir;
        writer.flush().with_context(|| cannot_write(dir, month))
    }

    /// Writes every file's rest and footer; returns the claims written and
    /// the partitions.
    pub(super) fn finish(self) -> anyhow::Result<(u64, usize)> {
        let parts = self.parts.len();
        for (month, writer) in self.parts {
            let dir = &self.dir;
            let out = writer.finish().with_context(|| cannot_write(dir, month))?;
            out.into_inner()
                .map_err(|e| e.into_error())
                .and_then(|f| f.sync_all())
                .with_context(|| cannot_write(dir, month))?;
        }
        Ok((self.rows, parts))
    }
}

fn cannot_write(dir: &Path, month: Month) -> String {
    let path = dir.join(month.dir_name()).join(PART_FILE);
    format!("{}: cannot write", path.display())
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

/// The `.parquet` files under a folder, recursively and sorted, leaving out
/// what engines write beside the data (`_SUCCESS`, `_temporary/`, `.crc`
/// files): names starting with `_` or `.`.
pub(super) fn parquet_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
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
            } else if name.to_ascii_lowercase().ends_with(".parquet") {
                out.push(path);
            }
        }
    }
    out.sort();
    if out.is_empty() {
        anyhow::bail!(
            "{}: is a directory with no .parquet files in it; give claim files (JSONL or Parquet) or a folder of Parquet partitions",
            dir.display()
        );
    }
    Ok(out)
}

/// Reads one Parquet file's claims into `claims`; returns the bad rows, each
/// reported as `FILE: row N: reason; skipped`. A file that is no Parquet or
/// lacks a needed column is an error; a decoding error part-way keeps the
/// rows before it and counts as one bad row.
pub(super) fn read_parquet(
    path: &Path,
    gazetteer: &Gazetteer,
    claims: &mut Vec<ClaimRecord>,
) -> anyhow::Result<usize> {
    let name = path.display().to_string();
    let file = File::open(path).with_context(|| format!("{name}: cannot open"))?;
    let mut bad = 0;
    let mut each = |row: usize, record: Result<ClaimRecord, String>| match record {
        Ok(r) => claims.push(r),
        Err(reason) => {
            eprintln!("diplograph: {name}: row {row}: {reason}; skipped");
            bad += 1;
        }
    };
    match read_claims(file, Some(gazetteer), &mut each) {
        Ok(_) => Ok(bad),
        Err(e @ ParquetReadError::Read { .. }) => {
            eprintln!("diplograph: {name}: {e}");
            Ok(bad + 1)
        }
        Err(e) => Err(anyhow::anyhow!("{name}: {e}")),
    }
}
