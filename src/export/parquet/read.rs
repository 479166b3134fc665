//! Claims from a Parquet table: the claims table of [`super::CLAIMS_SCHEMA`],
//! or any table with the claim contract's columns (a Spark job's output, with
//! `source` and `target` as structs `{id, kind, country, name}` or plain ids,
//! `span` as a list or as `span_start` and `span_end`, `date` as DATE, a
//! timestamp or text).
//!
//! Each row becomes the JSON object of a claim line and is read by the JSONL
//! contract's own rules ([`record_from_value`]), so a row is accepted or
//! refused exactly as the same line would be, gazetteer check included.

use parquet::errors::ParquetError;
use parquet::file::reader::{ChunkReader, FileReader, SerializedFileReader};
use parquet::record::{Field, Row};
use serde_json::{Map, Value};

use super::date_from_days;
use crate::export::jsonl::{ClaimRecord, record_from_value};
use crate::gazetteer::Gazetteer;

/// The columns a claims table cannot do without (the minimal claim form).
pub const REQUIRED_COLUMNS: [&str; 5] = ["source", "relation", "target", "article", "text"];

/// Why a Parquet file gives no (more) claims.
#[derive(Debug, thiserror::Error)]
pub enum ParquetReadError {
    /// Not a Parquet file, or its footer is damaged.
    #[error("not a readable Parquet file ({0}); give the .parquet files of a claims table")]
    NotParquet(ParquetError),
    /// A column every claim needs is not in the file.
    #[error(
        "no column `{0}`; a claims table needs the columns source, relation, target, article and text (see the Parquet schema in README.md)"
    )]
    MissingColumn(&'static str),
    /// A row group cannot be decoded; the rows before it were read.
    #[error("row {row}: cannot read: {error}; the rest of the file skipped")]
    Read {
        /// The 1-based row where reading stopped.
        row: usize,
        /// What the decoder said.
        error: ParquetError,
    },
}

/// Reads every row of a Parquet file as a claim, checked against the
/// gazetteer when one is given; `each` gets the 1-based row number and the
/// claim or why the row is not one. Returns the rows read.
pub fn read_claims<R: ChunkReader + 'static>(
    file: R,
    gazetteer: Option<&Gazetteer>,
    each: &mut dyn FnMut(usize, Result<ClaimRecord, String>),
) -> Result<usize, ParquetReadError> {
    let reader = SerializedFileReader::new(file).map_err(ParquetReadError::NotParquet)?;
    let schema = reader.metadata().file_metadata().schema_descr();
    let names: Vec<&str> = schema
        .root_schema()
        .get_fields()
        .iter()
        .map(|f| f.name())
        .collect();
    if let Some(missing) = REQUIRED_COLUMNS.iter().find(|c| !names.contains(c)) {
        return Err(ParquetReadError::MissingColumn(missing));
    }
    let rows = reader
        .get_row_iter(None)
        .map_err(ParquetReadError::NotParquet)?;
    let mut number = 0;
    for row in rows {
        number += 1;
        let row = row.map_err(|error| ParquetReadError::Read { row: number, error })?;
        let record = record_from_value(claim_object(row), gazetteer).map_err(|e| e.to_string());
        each(number, record);
    }
    Ok(number)
}

/// A row as the JSON object of a claim line: flat actor columns
/// (`source_kind`, `source_country`, `source_name`) folded into an actor
/// object, `span_start` and `span_end` into `span`, nulls left out (as an
/// absent optional field) except an actor's `country`, which the contract
/// needs present.
fn claim_object(row: Row) -> Value {
    let mut m = object(row);
    for end in ["source", "target"] {
        let Some(Value::String(id)) = m.get(end).cloned() else {
            continue;
        };
        let Some(kind) = m.remove(&format!("{end}_kind")) else {
            continue;
        };
        let mut actor = Map::new();
        actor.insert("id".to_owned(), Value::String(id));
        actor.insert("kind".to_owned(), kind);
        let country = m.remove(&format!("{end}_country")).unwrap_or(Value::Null);
        actor.insert("country".to_owned(), country);
        if let Some(name) = m.remove(&format!("{end}_name")) {
            actor.insert("name".to_owned(), name);
        }
        m.insert(end.to_owned(), Value::Object(actor));
    }
    if !m.contains_key("span")
        && let (Some(start), Some(end)) = (m.remove("span_start"), m.remove("span_end"))
    {
        m.insert("span".to_owned(), Value::Array(vec![start, end]));
    }
    Value::Object(m)
}

/// A group's fields by name, nulls left out except `country`.
fn object(row: Row) -> Map<String, Value> {
    row.into_columns()
        .into_iter()
        .map(|(name, field)| (name, value(field)))
        .filter(|(name, v)| !v.is_null() || name == "country")
        .collect()
}

const MILLIS_PER_DAY: i64 = 86_400_000;

/// One field as JSON. A date is written `YYYY-MM-DD`, a timestamp as its UTC
/// day; a type no claim field has (decimal, time of day, map) is null, so a
/// required field of that type is reported as missing.
fn value(field: Field) -> Value {
    match field {
        Field::Null => Value::Null,
        Field::Bool(b) => Value::Bool(b),
        Field::Byte(v) => Value::from(v),
        Field::Short(v) => Value::from(v),
        Field::Int(v) => Value::from(v),
        Field::Long(v) => Value::from(v),
        Field::UByte(v) => Value::from(v),
        Field::UShort(v) => Value::from(v),
        Field::UInt(v) => Value::from(v),
        Field::ULong(v) => Value::from(v),
        Field::Float16(v) => Value::from(f32::from(v)),
        Field::Float(v) => Value::from(v),
        Field::Double(v) => Value::from(v),
        Field::Str(s) => Value::String(s),
        Field::Bytes(b) => std::str::from_utf8(b.data()).map_or(Value::Null, Value::from),
        Field::Date(days) => day(i64::from(days)),
        Field::TimestampMillis(ms) => day(ms.div_euclid(MILLIS_PER_DAY)),
        Field::TimestampMicros(us) => day(us.div_euclid(MILLIS_PER_DAY * 1000)),
        Field::Group(row) => Value::Object(object(row)),
        Field::ListInternal(list) => {
            Value::Array(list.elements().iter().cloned().map(value).collect())
        }
        Field::Decimal(_) | Field::TimeMillis(_) | Field::TimeMicros(_) | Field::MapInternal(_) => {
            Value::Null
        }
    }
}

/// A day as the contract's date; outside years 1 to 9999, text the date
/// parser refuses with its own message.
fn day(days: i64) -> Value {
    match date_from_days(days) {
        Some(d) => Value::String(d.to_string()),
        None => Value::String(format!("{days} days after 1970-01-01")),
    }
}
