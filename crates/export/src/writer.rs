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
    "source",
    "confidence",
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
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("")
}

/// Rows of one file, built in memory until their batch is committed.
pub(crate) struct CsvRows {
    pub(crate) name: &'static str,
    pub(crate) writer: csv::Writer<Vec<u8>>,
}

impl CsvRows {
    pub(crate) fn new(name: &'static str) -> Self {
        CsvRows { name, writer: csv::WriterBuilder::new().from_writer(Vec::new()) }
    }

    pub(crate) fn row(&mut self, cells: &[&str]) -> Result<()> {
        let csv_error = |source| Error::Csv { path: PathBuf::from(self.name), source };
        for cell in cells {
            self.writer.write_field(safe_cell(cell).as_bytes()).map_err(csv_error)?;
        }
        self.writer.write_record(None::<&[u8]>).map_err(csv_error)
    }

    /// The bytes written since the last call.
    pub(crate) fn take(&mut self) -> Result<Vec<u8>> {
        let writer = std::mem::replace(&mut self.writer, csv::WriterBuilder::new().from_writer(Vec::new()));
        writer.into_inner().map_err(|e| Error::Io { path: PathBuf::from(self.name), source: e.into_error() })
    }
}

pub(crate) fn write_csv_rows(
    r: &ReportRecord,
    reports: &mut CsvRows,
    speakers: &mut CsvRows,
    entities: &mut CsvRows,
) -> Result<()> {
    let other =
        r.other_languages.iter().map(|s| format!("{}:{:.2}", s.language, s.share)).collect::<Vec<_>>().join(";");
    let n = |x: usize| x.to_string();
    reports.row(&[
        &r.id,
        &r.source,
        &r.sha256,
        &r.encoding,
        &n(r.bytes),
        opt(&r.language),
        &format!("{:.3}", r.language_confidence),
        &other,
        opt(&r.title),
        opt(&r.date),
        opt(&r.time),
        opt(&r.organizer),
        opt(&r.moderator),
        &r.participants_reported.map(|x| x.to_string()).unwrap_or_default(),
        opt(&r.participants_reported_text),
        &r.women_reported.map(|x| x.to_string()).unwrap_or_default(),
        opt(&r.women_reported_text),
        &n(r.speakers.len()),
        &n(r.people.len()),
        &n(r.ministries.len()),
        &n(r.organizations.len()),
        &r.countries.join(";"),
        &r.summary,
        &r.warnings.join(" | "),
    ])?;
    for (i, s) in r.speakers.iter().enumerate() {
        speakers.row(&[
            &r.id,
            &n(i + 1),
            &s.name,
            opt(&s.honorific),
            opt(&s.role),
            opt(&s.organization),
            s.organization_kind.unwrap_or(""),
            opt(&s.country),
            &s.session_roles.join(";"),
            s.stakeholder_group.unwrap_or(""),
            s.gender.unwrap_or(""),
            &n(s.line_start),
            &n(s.line_end),
            &format!("{:.2}", s.confidence),
        ])?;
    }
    for m in &r.mentions {
        entities.row(&[
            &r.id,
            m.kind,
            &m.text,
            &m.canonical,
            opt(&m.country),
            &n(m.start),
            &n(m.end),
            &n(m.original_start),
            &n(m.original_end),
            m.source,
            &format!("{:.2}", m.confidence),
            opt(&m.language),
        ])?;
    }
    Ok(())
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
    }
}
