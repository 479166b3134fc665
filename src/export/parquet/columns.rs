//! Column values of one row group, as the low-level Parquet writer takes them:
//! values plus definition levels (nullable columns) and repetition levels
//! (lists). Each table builds its columns in schema order and hands them to
//! [`write_row_group`]; the schema string and the builders must agree, which
//! the tables' tests check by reading the files back.

use std::io::Write;

use parquet::data_type::{BoolType, ByteArray, ByteArrayType, Int32Type, Int64Type};
use parquet::errors::ParquetError;
use parquet::file::writer::SerializedFileWriter;

use super::days_since_epoch;
use crate::model::Date;

/// One column of one row group.
pub(super) enum Column {
    /// `required binary (STRING)`.
    Text(Vec<ByteArray>),
    /// `optional binary (STRING)`: the present values and a level per row.
    OptText(Vec<ByteArray>, Vec<i16>),
    /// `required int64`.
    Int64(Vec<i64>),
    /// `required boolean`.
    Bool(Vec<bool>),
    /// `optional int32 (DATE)`: days since 1970-01-01 and a level per row.
    OptDate(Vec<i32>, Vec<i16>),
    /// `required group (LIST) { repeated group list { required binary element (STRING) } }`:
    /// every element, then per element (or per empty list) its levels.
    TextList {
        /// The elements of every row's list, in order.
        values: Vec<ByteArray>,
        /// 1 for an element, 0 for an empty list.
        defs: Vec<i16>,
        /// 0 where a row's list starts, 1 for each further element.
        reps: Vec<i16>,
    },
}

fn bytes(s: &str) -> ByteArray {
    ByteArray::from(s.as_bytes().to_vec())
}

/// A required text column.
pub(super) fn text<'a>(values: impl Iterator<Item = &'a str>) -> Column {
    Column::Text(values.map(bytes).collect())
}

/// A nullable text column; an empty string is written as null, as the claim
/// contract leaves out an empty name.
pub(super) fn opt_text<'a>(values: impl Iterator<Item = Option<&'a str>>) -> Column {
    let (mut present, mut levels) = (Vec::new(), Vec::new());
    for v in values {
        match v.filter(|s| !s.is_empty()) {
            Some(s) => {
                present.push(bytes(s));
                levels.push(1);
            }
            None => levels.push(0),
        }
    }
    Column::OptText(present, levels)
}

/// A required integer column.
pub(super) fn int64(values: impl Iterator<Item = u64>) -> Column {
    // Counts, indices and byte offsets are far below i64::MAX.
    Column::Int64(
        values
            .map(|v| i64::try_from(v).unwrap_or(i64::MAX))
            .collect(),
    )
}

/// A required boolean column.
pub(super) fn bools(values: impl Iterator<Item = bool>) -> Column {
    Column::Bool(values.collect())
}

/// A nullable DATE column.
pub(super) fn dates(values: impl Iterator<Item = Option<Date>>) -> Column {
    let (mut present, mut levels) = (Vec::new(), Vec::new());
    for v in values {
        match v {
            Some(d) => {
                present.push(days_since_epoch(d));
                levels.push(1);
            }
            None => levels.push(0),
        }
    }
    Column::OptDate(present, levels)
}

/// A required list-of-text column.
pub(super) fn text_lists<'a, L>(rows: impl Iterator<Item = L>) -> Column
where
    L: IntoIterator<Item = &'a str>,
{
    let (mut values, mut defs, mut reps) = (Vec::new(), Vec::new(), Vec::new());
    for row in rows {
        let mut first = true;
        for s in row {
            values.push(bytes(s));
            defs.push(1);
            reps.push(if first { 0 } else { 1 });
            first = false;
        }
        if first {
            defs.push(0);
            reps.push(0);
        }
    }
    Column::TextList { values, defs, reps }
}

/// Writes one row group: the columns in schema order.
pub(super) fn write_row_group<W: Write + Send>(
    file: &mut SerializedFileWriter<W>,
    columns: Vec<Column>,
) -> Result<(), ParquetError> {
    let mut group = file.next_row_group()?;
    for column in columns {
        let Some(mut writer) = group.next_column()? else {
            return Err(ParquetError::General(
                "more columns built than the schema has".to_owned(),
            ));
        };
        match &column {
            Column::Text(v) => writer.typed::<ByteArrayType>().write_batch(v, None, None)?,
            Column::OptText(v, d) => {
                writer
                    .typed::<ByteArrayType>()
                    .write_batch(v, Some(d), None)?
            }
            Column::Int64(v) => writer.typed::<Int64Type>().write_batch(v, None, None)?,
            Column::Bool(v) => writer.typed::<BoolType>().write_batch(v, None, None)?,
            Column::OptDate(v, d) => writer.typed::<Int32Type>().write_batch(v, Some(d), None)?,
            Column::TextList { values, defs, reps } => writer
                .typed::<ByteArrayType>()
                .write_batch(values, Some(defs), Some(reps))?,
        };
        writer.close()?;
    }
    if group.next_column()?.is_some() {
        return Err(ParquetError::General(
            "fewer columns built than the schema has".to_owned(),
        ));
    }
    group.close()?;
    Ok(())
}
