//! CSV rows and JSON lines of records: columns, formula guard, serialisation.

use std::io::Write;
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::record::ReportRecord;

/// Column names of `reports.csv`, in order.
pub const REPORT_COLUMNS: &[&str] = &[
    "id",
    "source",
    "sha256",
    "encoding",
    "bytes",
    "language",
    "language_confidence",
    "other_languages",
    "title",
    "date",
    "time",
    "organizer",
    "moderator",
    "participants_reported",
    "participants_reported_text",
    "women_reported",
    "women_reported_text",
    "speakers",
    "people",
    "ministries",
    "organizations",
    "countries",
    "summary",
    "summary_abstractive",
    "warnings",
];
/// Column names of `speakers.csv`, in order.
pub const SPEAKER_COLUMNS: &[&str] = &[
    "report_id",
    "speaker",
    "name",
    "honorific",
    "role",
    "organization",
    "organization_kind",
    "country",
    "session_roles",
    "stakeholder_group",
    "gender",
    "line_start",
    "line_end",
    "confidence",
];
/// Column names of `entities.csv`, in order.
pub const ENTITY_COLUMNS: &[&str] = &[
    "report_id",
    "kind",
    "text",
    "canonical",
    "country",
    "start",
    "end",
    "original_start",
    "original_end",
    "page",
    "source",
    "confidence",
    "model_score",
    "language",
];
/// Column names of `errors.csv`, in order.
pub const ERROR_COLUMNS: &[&str] = &["id", "source", "stage", "error"];

/// A report that could not be processed, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ErrorRow {
    pub id: String,
    pub source: String,
    /// Where it failed: "read", "decode", "jsonl", or a pipeline stage's name.
    pub stage: String,
    pub error: String,
}

/// Neutralises a cell that a spreadsheet would read as a formula: a leading `=`, `+`, `-`, `@`,
/// tab or carriage return gets an apostrophe in front.
pub fn safe_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    if starts_like_formula(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// What a spreadsheet reads as the start of a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// All of [`FORMULA_STARTS`] are ASCII: the first byte tells.
fn starts_like_formula(cell: &str) -> bool {
    cell.bytes().next().is_some_and(|b| matches!(b, b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r'))
}

/// Undoes [`safe_cell`] when reading a CSV file acta wrote: "'=x" was written for "=x".
pub fn unguard_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

/// Rows of one file, built in memory until their batch is committed.
pub(crate) struct CsvRows {
    pub(crate) name: &'static str,
    pub(crate) writer: csv::Writer<Vec<u8>>,
    /// Where numbers are written out, reused from cell to cell.
    number: String,
}

impl CsvRows {
    pub(crate) fn new(name: &'static str) -> Self {
        CsvRows { name, writer: csv::WriterBuilder::new().from_writer(Vec::new()), number: String::new() }
    }

    pub(crate) fn row(&mut self, cells: &[Cell]) -> Result<()> {
        let csv_error = |source| Error::Csv { path: PathBuf::from(self.name), source };
        for cell in cells {
            // As `safe_cell(&cell.to_text())`, without a String per number or per cell.
            use std::fmt::Write;
            let text: &str = match cell {
                Cell::Text(s) => s,
                Cell::Owned(s) => s,
                Cell::Null => "",
                Cell::Int(n) => {
                    self.number.clear();
                    write!(self.number, "{n}").expect("writing to a String");
                    &self.number
                }
                Cell::Float(x, decimals) => {
                    self.number.clear();
                    write!(self.number, "{x:.decimals$}").expect("writing to a String");
                    &self.number
                }
            };
            if starts_like_formula(text) {
                self.writer.write_field(safe_cell(text).as_bytes()).map_err(csv_error)?;
            } else {
                self.writer.write_field(text.as_bytes()).map_err(csv_error)?;
            }
        }
        self.writer.write_record(None::<&[u8]>).map_err(csv_error)
    }

    /// The bytes written since the last call.
    pub(crate) fn take(&mut self) -> Result<Vec<u8>> {
        let writer = std::mem::replace(&mut self.writer, csv::WriterBuilder::new().from_writer(Vec::new()));
        writer.into_inner().map_err(|e| Error::Io { path: PathBuf::from(self.name), source: e.into_error() })
    }
}

/// One cell of a table row, typed: CSV writes it as text, the JSON row stream and databases keep
/// its type. One definition of every table's columns serves all of them.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    Text(&'a str),
    Owned(String),
    Int(u64),
    /// A number written with this many decimals.
    Float(f64, usize),
    /// No value: an empty CSV cell, JSON null, SQL NULL.
    Null,
}

impl Cell<'_> {
    /// The CSV text of the cell (before the formula guard).
    pub fn to_text(&self) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow;
        match self {
            Cell::Text(s) => Cow::Borrowed(s),
            Cell::Owned(s) => Cow::Borrowed(s.as_str()),
            Cell::Int(n) => Cow::Owned(n.to_string()),
            Cell::Float(x, decimals) => Cow::Owned(format!("{x:.decimals$}")),
            Cell::Null => Cow::Borrowed(""),
        }
    }

    /// The cell as a JSON value; a float is rounded as CSV writes it, so both carry the same number.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Cell::Text(s) => serde_json::Value::from(*s),
            Cell::Owned(s) => serde_json::Value::from(s.as_str()),
            Cell::Int(n) => serde_json::Value::from(*n),
            Cell::Float(..) => self.to_text().parse::<f64>().map_or(serde_json::Value::Null, serde_json::Value::from),
            Cell::Null => serde_json::Value::Null,
        }
    }
}

fn opt(s: &Option<String>) -> Cell<'_> {
    s.as_deref().map_or(Cell::Null, Cell::Text)
}

fn opt_static(s: Option<&'static str>) -> Cell<'static> {
    s.map_or(Cell::Null, Cell::Text)
}

/// The `reports.csv` row of a record, in [`REPORT_COLUMNS`] order.
pub fn report_row(r: &ReportRecord) -> Vec<Cell<'_>> {
    let other =
        r.other_languages.iter().map(|s| format!("{}:{:.2}", s.language, s.share)).collect::<Vec<_>>().join(";");
    let n = |x: usize| Cell::Int(x as u64);
    vec![
        Cell::Text(&r.id),
        Cell::Text(&r.source),
        Cell::Text(&r.sha256),
        Cell::Text(&r.encoding),
        n(r.bytes),
        opt(&r.language),
        Cell::Float(r.language_confidence, 3),
        Cell::Owned(other),
        opt(&r.title),
        opt(&r.date),
        opt(&r.time),
        opt(&r.organizer),
        opt(&r.moderator),
        r.participants_reported.map_or(Cell::Null, Cell::Int),
        opt(&r.participants_reported_text),
        r.women_reported.map_or(Cell::Null, Cell::Int),
        opt(&r.women_reported_text),
        n(r.speakers.len()),
        n(r.people.len()),
        n(r.ministries.len()),
        n(r.organizations.len()),
        Cell::Owned(r.countries.join(";")),
        Cell::Text(&r.summary),
        opt(&r.summary_abstractive),
        Cell::Owned(r.warnings.join(" | ")),
    ]
}

/// The `speakers.csv` rows of a record, in [`SPEAKER_COLUMNS`] order.
pub fn speaker_rows(r: &ReportRecord) -> impl Iterator<Item = Vec<Cell<'_>>> {
    r.speakers.iter().enumerate().map(move |(i, s)| {
        vec![
            Cell::Text(&r.id),
            Cell::Int(i as u64 + 1),
            Cell::Text(&s.name),
            opt(&s.honorific),
            opt(&s.role),
            opt(&s.organization),
            opt_static(s.organization_kind),
            opt(&s.country),
            Cell::Owned(s.session_roles.join(";")),
            opt_static(s.stakeholder_group),
            opt_static(s.gender),
            Cell::Int(s.line_start as u64),
            Cell::Int(s.line_end as u64),
            Cell::Float(s.confidence as f64, 2),
        ]
    })
}

/// The `entities.csv` rows of a record, in [`ENTITY_COLUMNS`] order.
pub fn entity_rows(r: &ReportRecord) -> impl Iterator<Item = Vec<Cell<'_>>> {
    r.mentions.iter().map(move |m| {
        vec![
            Cell::Text(&r.id),
            Cell::Text(m.kind),
            Cell::Text(&m.text),
            Cell::Text(&m.canonical),
            opt(&m.country),
            Cell::Int(m.start as u64),
            Cell::Int(m.end as u64),
            Cell::Int(m.original_start as u64),
            Cell::Int(m.original_end as u64),
            m.page.map_or(Cell::Null, |p| Cell::Int(p as u64)),
            Cell::Text(m.source),
            Cell::Float(m.confidence as f64, 2),
            m.model_score.map_or(Cell::Null, |s| Cell::Float(s as f64, 3)),
            opt(&m.language),
        ]
    })
}

/// The `errors.csv` row of an error, in [`ERROR_COLUMNS`] order.
pub fn error_row(e: &ErrorRow) -> Vec<Cell<'_>> {
    vec![Cell::Text(&e.id), Cell::Text(&e.source), Cell::Text(&e.stage), Cell::Text(&e.error)]
}

pub(crate) fn write_csv_rows(
    r: &ReportRecord,
    reports: &mut CsvRows,
    speakers: &mut CsvRows,
    entities: &mut CsvRows,
) -> Result<()> {
    reports.row(&report_row(r))?;
    for row in speaker_rows(r) {
        speakers.row(&row)?;
    }
    for row in entity_rows(r) {
        entities.row(&row)?;
    }
    Ok(())
}

/// Writes every table row of a record as one JSON line `{"table": "reports", <column>: <value>...}`
/// (then its speakers and entities), with the CSV files' columns and typed values: the row stream
/// that distributed jobs (`examples/spark`) turn into tables without knowing acta's columns.
pub fn write_table_rows<W: Write>(out: &mut W, r: &ReportRecord) -> Result<()> {
    write_row(out, "reports", REPORT_COLUMNS, &report_row(r))?;
    for row in speaker_rows(r) {
        write_row(out, "speakers", SPEAKER_COLUMNS, &row)?;
    }
    for row in entity_rows(r) {
        write_row(out, "entities", ENTITY_COLUMNS, &row)?;
    }
    Ok(())
}

/// Writes an error as a `{"table": "errors", ...}` row line.
pub fn write_error_row<W: Write>(out: &mut W, e: &ErrorRow) -> Result<()> {
    write_row(out, "errors", ERROR_COLUMNS, &error_row(e))
}

fn write_row<W: Write>(out: &mut W, table: &str, columns: &[&str], cells: &[Cell]) -> Result<()> {
    let mut object = serde_json::Map::with_capacity(columns.len() + 1);
    object.insert("table".into(), table.into());
    for (column, cell) in columns.iter().zip(cells) {
        object.insert((*column).into(), cell.to_json());
    }
    serde_json::to_writer(&mut *out, &object).map_err(Error::Json)?;
    out.write_all(b"\n").map_err(|source| Error::Io { path: PathBuf::from("<rows>"), source })
}

/// Writes one record as a JSON line.
pub fn write_jsonl<W: Write>(out: &mut W, r: &ReportRecord) -> Result<()> {
    serde_json::to_writer(&mut *out, r).map_err(Error::Json)?;
    out.write_all(b"\n").map_err(|source| Error::Io { path: PathBuf::from("<jsonl>"), source })
}

/// Writes an error as a JSON line: `{"id": ..., "source": ..., "stage": ..., "error": ...}`.
pub fn write_jsonl_error<W: Write>(out: &mut W, e: &ErrorRow) -> Result<()> {
    serde_json::to_writer(&mut *out, e).map_err(Error::Json)?;
    out.write_all(b"\n").map_err(|source| Error::Io { path: PathBuf::from("<jsonl>"), source })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe_cell("+1"), "'+1");
        assert_eq!(safe_cell("-2"), "'-2");
        assert_eq!(safe_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe_cell("\tx"), "'\tx");
        assert_eq!(safe_cell("\rx"), "'\rx");
        assert_eq!(safe_cell("Ana Silva"), "Ana Silva");
        assert_eq!(safe_cell(""), "");
        for cell in ["=1+1", "-2", "'quoted", "Ana"] {
            assert_eq!(unguard_cell(&safe_cell(cell)), cell);
        }
        // The one ambiguity: a cell that itself starts with an apostrophe and a formula character.
        assert_eq!(unguard_cell(&safe_cell("'=x")), "=x");
    }
}
