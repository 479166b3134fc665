//! Column values of one row group, as the low-level Parquet writer takes them:
//! values plus definition levels (nullable columns) and repetition levels
//! (lists). Each table builds its columns in schema order and hands them to
//! [`write_row_group`]; the schema string and the builders must agree, which
//! the tables' tests check by reading the files back.

use std::io::Write;

use bytes::Bytes;
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

/// Strings of one column chunk in one buffer: a value is a slice of it, so a
/// row group of text costs one allocation, not one per value.
#[derive(Default)]
struct Strings {
    buf: Vec<u8>,
    ends: Vec<usize>,
}

impl Strings {
    fn push(&mut self, s: &str) {
        self.buf.extend_from_slice(s.as_bytes());
        self.ends.push(self.buf.len());
    }

    fn take(&mut self) -> Vec<ByteArray> {
        let all = Bytes::from(std::mem::take(&mut self.buf));
        let mut start = 0;
        self.ends
            .drain(..)
            .map(|end| {
                let value = ByteArray::from(all.slice(start..end));
                start = end;
                value
            })
            .collect()
    }
}

/// Builds a required text column.
#[derive(Default)]
pub(super) struct Texts(Strings);

impl Texts {
    pub(super) fn push(&mut self, s: &str) {
        self.0.push(s);
    }
    pub(super) fn take(&mut self) -> Column {
        Column::Text(self.0.take())
    }
}

/// Builds a nullable text column; an empty string is written as null, as the
/// claim contract leaves out an empty name.
#[derive(Default)]
pub(super) struct OptTexts {
    present: Strings,
    levels: Vec<i16>,
}

impl OptTexts {
    pub(super) fn push(&mut self, v: Option<&str>) {
        match v.filter(|s| !s.is_empty()) {
            Some(s) => {
                self.present.push(s);
                self.levels.push(1);
            }
            None => self.levels.push(0),
        }
    }
    pub(super) fn take(&mut self) -> Column {
        Column::OptText(self.present.take(), std::mem::take(&mut self.levels))
    }
}

/// Builds a required integer column.
#[derive(Default)]
pub(super) struct Ints(Vec<i64>);

impl Ints {
    pub(super) fn push(&mut self, v: u64) {
        // Counts, indices and byte offsets are far below i64::MAX.
        self.0.push(i64::try_from(v).unwrap_or(i64::MAX));
    }
    pub(super) fn take(&mut self) -> Column {
        Column::Int64(std::mem::take(&mut self.0))
    }
}

/// Builds a required boolean column.
#[derive(Default)]
pub(super) struct Bools(Vec<bool>);

impl Bools {
    pub(super) fn push(&mut self, v: bool) {
        self.0.push(v);
    }
    pub(super) fn take(&mut self) -> Column {
        Column::Bool(std::mem::take(&mut self.0))
    }
}

/// Builds a nullable DATE column.
#[derive(Default)]
pub(super) struct Dates {
    present: Vec<i32>,
    levels: Vec<i16>,
}

impl Dates {
    pub(super) fn push(&mut self, v: Option<Date>) {
        match v {
            Some(d) => {
                self.present.push(days_since_epoch(d));
                self.levels.push(1);
            }
            None => self.levels.push(0),
        }
    }
    pub(super) fn take(&mut self) -> Column {
        Column::OptDate(
            std::mem::take(&mut self.present),
            std::mem::take(&mut self.levels),
        )
    }
}

/// Builds a required list-of-text column.
#[derive(Default)]
pub(super) struct TextLists {
    values: Strings,
    defs: Vec<i16>,
    reps: Vec<i16>,
}

impl TextLists {
    pub(super) fn push<'a>(&mut self, row: impl IntoIterator<Item = &'a str>) {
        let mut first = true;
        for s in row {
            self.values.push(s);
            self.defs.push(1);
            self.reps.push(if first { 0 } else { 1 });
            first = false;
        }
        if first {
            self.defs.push(0);
            self.reps.push(0);
        }
    }
    pub(super) fn take(&mut self) -> Column {
        Column::TextList {
            values: self.values.take(),
            defs: std::mem::take(&mut self.defs),
            reps: std::mem::take(&mut self.reps),
        }
    }
}

/// A required text column of all `values` at once.
pub(super) fn text<'a>(values: impl Iterator<Item = &'a str>) -> Column {
    let mut c = Texts::default();
    values.for_each(|v| c.push(v));
    c.take()
}

/// A nullable text column of all `values` at once.
pub(super) fn opt_text<'a>(values: impl Iterator<Item = Option<&'a str>>) -> Column {
    let mut c = OptTexts::default();
    values.for_each(|v| c.push(v));
    c.take()
}

/// A required integer column of all `values` at once.
pub(super) fn int64(values: impl Iterator<Item = u64>) -> Column {
    let mut c = Ints::default();
    values.for_each(|v| c.push(v));
    c.take()
}

/// A required boolean column of all `values` at once.
pub(super) fn bools(values: impl Iterator<Item = bool>) -> Column {
    let mut c = Bools::default();
    values.for_each(|v| c.push(v));
    c.take()
}

/// A nullable DATE column of all `values` at once.
pub(super) fn dates(values: impl Iterator<Item = Option<Date>>) -> Column {
    let mut c = Dates::default();
    values.for_each(|v| c.push(v));
    c.take()
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
