//! Parquet tables for engines past one machine (DuckDB, Spark, DataFusion):
//! actors, edges, and the claims, one row per evidence record.
//!
//! Owns the three schemas, the month partition key of a claim and the
//! conversion between [`Date`] and Parquet's DATE (days since 1970-01-01).
//! Writes into any `Write` the caller opens and reads from any file it opens
//! ([`read`]); touches no path itself, so the layout on disk
//! (`claims/month=2024-06/part-0.parquet`) is the caller's. A claims row is
//! a [`ClaimRow`], borrowed from a claim or from a stored evidence record.
//!
//! The claims table is the JSONL claim contract flattened into typed columns:
//! an actor object becomes four columns (`source`, `source_kind`,
//! `source_country`, `source_name`), `span` becomes `span_start` and
//! `span_end`, `date` is a DATE, the flags are booleans and `attributed_to` a
//! list of strings. The writer uses the low-level column API and the reader
//! the record API, so the crate is built without its Arrow half (the
//! `arrow-*` crates) and with Snappy only.

mod columns;
pub mod read;

use std::io::Write;
use std::sync::Arc;

use parquet::basic::Compression;
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

use crate::gazetteer::Gazetteer;
use crate::graph::{EdgeView, EvidenceView, KnowledgeGraph};
use crate::model::{Actor, ActorId, ArticleId, Claim, Date, Lang, Relation, Role, Span};
use columns::{
    Bools, Column, Dates, Ints, OptTexts, TextLists, Texts, bools, dates, int64, opt_text, text,
    write_row_group,
};

/// Rows per row group: DuckDB and Spark split a scan by row group, so a
/// group is a unit of parallel work; at 40 to 100 bytes a compressed claim
/// this is 3 to 7 MiB, while a writer buffers no more than this many rows.
pub const ROW_GROUP_ROWS: usize = 65_536;

/// The claims table: one row per evidence record, the JSONL claim contract's fields.
pub const CLAIMS_SCHEMA: &str = "message claims {
  required binary source (STRING);
  required binary source_kind (STRING);
  optional binary source_country (STRING);
  optional binary source_name (STRING);
  required binary relation (STRING);
  required binary target (STRING);
  required binary target_kind (STRING);
  optional binary target_country (STRING);
  optional binary target_name (STRING);
  required boolean negated;
  required boolean hedged;
  required group attributed_to (LIST) {
    repeated group list {
      required binary element (STRING);
    }
  }
  required binary article (STRING);
  optional int32 date (DATE);
  required int64 sentence;
  required int64 span_start;
  required int64 span_end;
  required binary text (STRING);
  optional binary title (STRING);
  optional binary url (STRING);
  optional binary lang (STRING);
  optional binary role (STRING);
}";

/// The actors table: one row per actor, with its names in each language the
/// gazetteer has (null when it has none).
pub const ACTORS_SCHEMA: &str = "message actors {
  required binary id (STRING);
  required binary kind (STRING);
  optional binary country (STRING);
  optional binary name (STRING);
  optional binary name_ja (STRING);
  optional binary name_ko (STRING);
  optional binary name_zh (STRING);
}";

/// The edges table: one row per (source, relation, target), with the counts
/// and date range every data export carries.
pub const EDGES_SCHEMA: &str = "message edges {
  required binary source (STRING);
  required binary relation (STRING);
  required binary target (STRING);
  required boolean symmetric;
  required int64 evidence;
  required int64 asserted;
  required int64 negated;
  required int64 hedged;
  required int64 articles;
  optional int32 first_date (DATE);
  optional int32 last_date (DATE);
  optional binary role (STRING);
}";

/// The Hive partition a claim belongs to: the month of its evidence date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Month {
    /// A dated record's year and month.
    Known {
        /// The year.
        year: u16,
        /// The month, 1 to 12.
        month: u8,
    },
    /// An undated record.
    Unknown,
}

impl Month {
    /// The month of a record's date.
    pub fn of(date: Option<Date>) -> Month {
        match date {
            Some(d) => Month::Known {
                year: d.year,
                month: d.month,
            },
            None => Month::Unknown,
        }
    }

    /// The partition's directory name: `month=2024-06`, `month=unknown`.
    pub fn dir_name(self) -> String {
        format!("month={self}")
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Month::Known { year, month } => write!(f, "{year:04}-{month:02}"),
            Month::Unknown => f.write_str("unknown"),
        }
    }
}

/// Days since 1970-01-01, Parquet's DATE (the proleptic Gregorian calendar).
pub fn days_since_epoch(date: Date) -> i32 {
    // Howard Hinnant's days_from_civil: years counted from March, so the leap
    // day ends a year, in eras of 400 years (146 097 days).
    let (m, d) = (i32::from(date.month), i32::from(date.day));
    let y = i32::from(date.year) - i32::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01; `None` outside the years 1 to 9999.
pub fn date_from_days(days: i64) -> Option<Date> {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date::new(u16::try_from(year).ok()?, month as u8, day as u8).ok()
}

/// Snappy (every engine reads it, fast to decode, pure Rust to build), the
/// writer named, dictionaries and page statistics on (the defaults), so a
/// `WHERE relation = ...` or a date range skips pages.
fn properties() -> Arc<WriterProperties> {
    Arc::new(
        WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("diplograph {}", env!("CARGO_PKG_VERSION")))
            .build(),
    )
}

fn file_writer<W: Write + Send>(
    out: W,
    schema: &str,
) -> Result<SerializedFileWriter<W>, ParquetError> {
    let schema = Arc::new(parse_message_type(schema)?);
    SerializedFileWriter::new(out, schema, properties())
}

/// One row of the claims table, borrowed from a claim or from a stored
/// edge's evidence record (so an export copies nothing before encoding).
#[derive(Debug, Clone, Copy)]
pub struct ClaimRow<'a> {
    /// Who acts.
    pub source: &'a Actor,
    /// The relation.
    pub relation: Relation,
    /// Who is acted on.
    pub target: &'a Actor,
    /// The sentence denies it.
    pub negated: bool,
    /// The sentence hedges it.
    pub hedged: bool,
    /// Who asserts it.
    pub attributed_to: &'a [ActorId],
    /// The article's id.
    pub article: &'a ArticleId,
    /// The evidence date.
    pub date: Option<Date>,
    /// The sentence's index.
    pub sentence: u32,
    /// The evidence's bytes in the article.
    pub span: Span,
    /// The sentence.
    pub text: &'a str,
    /// The article's headline.
    pub title: Option<&'a str>,
    /// The article's address.
    pub url: Option<&'a str>,
    /// The sentence's language (extraction knows it; a store does not).
    pub lang: Option<Lang>,
    /// The office of a `leader_of` record.
    pub role: Option<Role>,
}

impl<'a> ClaimRow<'a> {
    /// The row of a claim.
    pub fn of(claim: &'a Claim, role: Option<Role>) -> Self {
        let e = &claim.evidence;
        ClaimRow {
            source: &claim.source,
            relation: claim.relation,
            target: &claim.target,
            negated: claim.negated,
            hedged: claim.hedged,
            attributed_to: &claim.attributed_to,
            article: &e.article,
            date: e.date,
            sentence: e.sentence,
            span: e.span,
            text: &e.text,
            title: e.title.as_deref(),
            url: e.url.as_deref(),
            lang: e.lang,
            role,
        }
    }

    /// The row of one stored evidence record of an edge.
    pub fn of_evidence(edge: &EdgeView<'a>, e: &EvidenceView<'a>) -> Self {
        ClaimRow {
            source: edge.source,
            relation: edge.relation,
            target: edge.target,
            negated: e.negated,
            hedged: e.hedged,
            attributed_to: e.attributed_to,
            article: e.article,
            date: e.date,
            sentence: e.sentence,
            span: e.span,
            text: e.text,
            title: e.title,
            url: e.url,
            lang: None,
            role: e.role,
        }
    }
}

/// The claims table's columns being built, in [`CLAIMS_SCHEMA`] order.
#[derive(Default)]
struct ClaimColumns {
    source: [ActorColumns; 2],
    relation: Texts,
    negated: Bools,
    hedged: Bools,
    attributed_to: TextLists,
    article: Texts,
    date: Dates,
    sentence: Ints,
    span_start: Ints,
    span_end: Ints,
    text: Texts,
    title: OptTexts,
    url: OptTexts,
    lang: OptTexts,
    role: OptTexts,
}

/// An actor's four columns (`source`, `source_kind`, `source_country`, `source_name`).
#[derive(Default)]
struct ActorColumns {
    id: Texts,
    kind: Texts,
    country: OptTexts,
    name: OptTexts,
}

impl ActorColumns {
    fn push(&mut self, a: &Actor) {
        self.id.push(a.id.as_str());
        self.kind.push(a.kind.as_str());
        self.country.push(a.country.as_ref().map(ActorId::as_str));
        self.name.push(Some(&a.name));
    }

    fn take(&mut self, out: &mut Vec<Column>) {
        out.extend([
            self.id.take(),
            self.kind.take(),
            self.country.take(),
            self.name.take(),
        ]);
    }
}

impl ClaimColumns {
    fn push(&mut self, r: &ClaimRow<'_>) {
        self.source[0].push(r.source);
        self.relation.push(r.relation.as_str());
        self.source[1].push(r.target);
        self.negated.push(r.negated);
        self.hedged.push(r.hedged);
        self.attributed_to
            .push(r.attributed_to.iter().map(ActorId::as_str));
        self.article.push(&r.article.0);
        self.date.push(r.date);
        self.sentence.push(u64::from(r.sentence));
        self.span_start.push(u64::from(r.span.start));
        self.span_end.push(u64::from(r.span.end));
        self.text.push(r.text);
        self.title.push(r.title);
        self.url.push(r.url);
        self.lang.push(r.lang.map(Lang::as_str));
        let role = r.role.filter(|_| r.relation == Relation::LeaderOf);
        self.role.push(role.map(Role::as_str));
    }

    /// The columns built so far, in schema order; the builders start afresh.
    fn take(&mut self) -> Vec<Column> {
        let mut out = Vec::with_capacity(22);
        let [source, target] = &mut self.source;
        source.take(&mut out);
        out.push(self.relation.take());
        target.take(&mut out);
        out.extend([
            self.negated.take(),
            self.hedged.take(),
            self.attributed_to.take(),
            self.article.take(),
            self.date.take(),
            self.sentence.take(),
            self.span_start.take(),
            self.span_end.take(),
            self.text.take(),
            self.title.take(),
            self.url.take(),
            self.lang.take(),
            self.role.take(),
        ]);
        out
    }
}

/// Writes the claims table into `out`, a row group at a time: at most
/// [`ROW_GROUP_ROWS`] rows are held, however many are pushed.
pub struct ClaimsWriter<W: Write + Send> {
    file: SerializedFileWriter<W>,
    columns: ClaimColumns,
    buffered: usize,
}

impl<W: Write + Send> ClaimsWriter<W> {
    /// A writer of one claims file.
    pub fn new(out: W) -> Result<Self, ParquetError> {
        Ok(ClaimsWriter {
            file: file_writer(out, CLAIMS_SCHEMA)?,
            columns: ClaimColumns::default(),
            buffered: 0,
        })
    }

    /// Adds a row; writes a row group once [`ROW_GROUP_ROWS`] are buffered.
    pub fn push(&mut self, row: &ClaimRow<'_>) -> Result<(), ParquetError> {
        self.columns.push(row);
        self.buffered += 1;
        if self.buffered >= ROW_GROUP_ROWS {
            self.flush()?;
        }
        Ok(())
    }

    /// Rows buffered and not yet written.
    pub fn buffered(&self) -> usize {
        self.buffered
    }

    /// Writes what is buffered as one row group (nothing when empty).
    pub fn flush(&mut self) -> Result<(), ParquetError> {
        if self.buffered == 0 {
            return Ok(());
        }
        self.buffered = 0;
        write_row_group(&mut self.file, self.columns.take())
    }

    /// Writes the rest and the footer; returns the output.
    pub fn finish(mut self) -> Result<W, ParquetError> {
        self.flush()?;
        self.file.into_inner()
    }
}

/// The actors table of a graph: names from the graph (English display name)
/// and the gazetteer (Japanese display name, first Korean and Chinese alias).
pub fn actors_parquet(
    graph: &KnowledgeGraph,
    gazetteer: &Gazetteer,
) -> Result<Vec<u8>, ParquetError> {
    let actors: Vec<_> = graph.actors().collect();
    let mut file = file_writer(Vec::new(), ACTORS_SCHEMA)?;
    for rows in actors.chunks(ROW_GROUP_ROWS) {
        let entry = |a: &crate::model::Actor| gazetteer.get(&a.id);
        let a = || rows.iter().copied();
        write_row_group(
            &mut file,
            vec![
                text(a().map(|a| a.id.as_str())),
                text(a().map(|a| a.kind.as_str())),
                opt_text(a().map(|a| a.country.as_ref().map(|c| c.as_str()))),
                opt_text(a().map(|a| Some(a.name.as_str()))),
                opt_text(a().map(|a| entry(a).map(|e| e.name_ja.as_str()))),
                opt_text(a().map(|a| entry(a).and_then(|e| first_name(&e.aliases_ko)))),
                opt_text(a().map(|a| entry(a).and_then(|e| first_name(&e.aliases_zh)))),
            ],
        )?;
    }
    file.into_inner()
}

fn first_name(names: &[String]) -> Option<&str> {
    names.first().map(String::as_str)
}

/// The edges table of a graph, with the facts of [`super::edge_facts`].
pub fn edges_parquet(graph: &KnowledgeGraph) -> Result<Vec<u8>, ParquetError> {
    let edges: Vec<_> = graph
        .edges()
        .map(|e| {
            (
                e.source.id.clone(),
                e.relation,
                e.target.id.clone(),
                super::edge_facts(&e, false),
            )
        })
        .collect();
    let mut file = file_writer(Vec::new(), EDGES_SCHEMA)?;
    for rows in edges.chunks(ROW_GROUP_ROWS) {
        let e = || rows.iter();
        let count = |f: fn(&crate::graph::EdgeCounts) -> usize| {
            int64(e().map(move |(_, _, _, x)| f(&x.counts) as u64))
        };
        write_row_group(
            &mut file,
            vec![
                text(e().map(|(s, _, _, _)| s.as_str())),
                text(e().map(|(_, r, _, _)| r.as_str())),
                text(e().map(|(_, _, t, _)| t.as_str())),
                bools(e().map(|(_, r, _, _)| r.is_symmetric())),
                count(|c| c.evidence),
                count(|c| c.asserted),
                count(|c| c.negated),
                count(|c| c.hedged),
                count(|c| c.articles),
                dates(e().map(|(_, _, _, x)| x.first)),
                dates(e().map(|(_, _, _, x)| x.last)),
                opt_text(e().map(|(_, _, _, x)| Some(x.role.as_str()))),
            ],
        )?;
    }
    file.into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Evidence;

    fn date(s: &str) -> Date {
        s.parse().expect("a valid test date")
    }

    #[test]
    fn the_month_key_names_the_partition() {
        assert_eq!(
            Month::of(Some(date("2024-06-17"))).dir_name(),
            "month=2024-06"
        );
        assert_eq!(Month::of(Some(date("0999-01-31"))).to_string(), "0999-01");
        assert_eq!(Month::of(None).dir_name(), "month=unknown");
        // Partitions sort by time, undated last.
        assert!(Month::of(Some(date("2023-12-01"))) < Month::of(Some(date("2024-01-01"))));
        assert!(Month::of(Some(date("9999-12-31"))) < Month::Unknown);
    }

    #[test]
    fn dates_are_days_since_1970_both_ways() {
        assert_eq!(days_since_epoch(date("1970-01-01")), 0);
        assert_eq!(days_since_epoch(date("2000-01-01")), 10_957);
        assert_eq!(days_since_epoch(date("1969-12-31")), -1);
        assert_eq!(
            days_since_epoch(date("2024-03-01")) - days_since_epoch(date("2024-02-28")),
            2
        );
        assert_eq!(
            days_since_epoch(date("2023-03-01")) - days_since_epoch(date("2023-02-28")),
            1
        );
        for s in [
            "0001-01-01",
            "1600-02-29",
            "1900-03-01",
            "2024-06-17",
            "9999-12-31",
        ] {
            let d = date(s);
            assert_eq!(
                date_from_days(i64::from(days_since_epoch(d))),
                Some(d),
                "{s}"
            );
        }
        // Every day of a leap-year span survives the round trip, in order.
        let start = days_since_epoch(date("1999-12-01"));
        let mut last = None;
        for n in start..start + 1000 {
            let d = date_from_days(i64::from(n)).expect("in range");
            assert_eq!(days_since_epoch(d), n);
            assert!(last < Some(d));
            last = Some(d);
        }
        assert_eq!(
            date_from_days(i64::from(days_since_epoch(date("0001-01-01"))) - 1),
            None
        );
    }

    fn claim(source: &str, target: &str, day: Option<&str>, attributed: &[&str]) -> Claim {
        let actor = |id: &str| Actor::from_id(ActorId::new(id).expect("a valid test id"));
        Claim {
            source: actor(source),
            relation: Relation::Sanctions,
            target: actor(target),
            negated: attributed.len() == 1,
            hedged: day.is_none(),
            attributed_to: attributed
                .iter()
                .map(|a| ActorId::new(a).expect("a valid test id"))
                .collect(),
            evidence: Evidence {
                article: ArticleId(format!("{source}-{target}")),
                title: day.map(|_| "T".to_owned()),
                url: None,
                date: day.map(date),
                sentence: 7,
                span: Span::new(3, 40),
                text: "Sanctions were imposed, 東京 said.".to_owned(),
                lang: None,
            },
        }
    }

    #[test]
    fn a_claims_file_reads_back_claim_for_claim_across_row_groups() {
        let claims = vec![
            claim("RUS", "USA", Some("2024-06-17"), &[]),
            claim("USA", "RUS", None, &["JPN"]),
            claim("EU", "PRK", Some("1969-07-20"), &["JPN", "KOR"]),
        ];
        let mut file = tempfile::tempfile().expect("a temp file");
        let mut writer = ClaimsWriter::new(&mut file).expect("a writer");
        for c in &claims {
            writer.push(&ClaimRow::of(c, None)).expect("push");
            // A row group per claim: the levels of each group start afresh.
            writer.flush().expect("a row group");
        }
        writer.finish().expect("the footer");
        let mut back = Vec::new();
        let rows = read::read_claims(file, None, &mut |_, r| back.push(r.expect("a good row")))
            .expect("readable");
        assert_eq!(rows, 3);
        let back: Vec<Claim> = back.into_iter().map(|r| r.claim).collect();
        assert_eq!(back, claims);
    }
}
