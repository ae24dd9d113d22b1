//! CSV and JSON Lines files, written under temporary names and renamed when complete.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

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

/// A file written to `.<name>.partial` and renamed to `<name>` by [`AtomicFile::commit`].
struct AtomicFile {
    temp: PathBuf,
    path: PathBuf,
}

impl AtomicFile {
    fn create(dir: &Path, name: &str) -> Result<(Self, BufWriter<File>)> {
        let path = dir.join(name);
        let temp = dir.join(format!(".{name}.partial"));
        let file = File::create(&temp).map_err(|source| Error::Io { path: temp.clone(), source })?;
        Ok((AtomicFile { temp, path }, BufWriter::with_capacity(1 << 16, file)))
    }

    fn commit(self) -> Result<()> {
        std::fs::rename(&self.temp, &self.path).map_err(|source| Error::Io { path: self.path.clone(), source })
    }
}

struct CsvFile {
    file: AtomicFile,
    writer: csv::Writer<BufWriter<File>>,
}

impl CsvFile {
    fn create(dir: &Path, name: &str, columns: &[&str], excel: bool) -> Result<Self> {
        let (file, mut out) = AtomicFile::create(dir, name)?;
        if excel {
            out.write_all(b"\xEF\xBB\xBF").map_err(|source| Error::Io { path: file.temp.clone(), source })?;
        }
        let mut writer = csv::WriterBuilder::new().from_writer(out);
        writer.write_record(columns).map_err(|source| Error::Csv { path: file.temp.clone(), source })?;
        Ok(CsvFile { file, writer })
    }

    fn row(&mut self, cells: &[&str]) -> Result<()> {
        let temp = &self.file.temp;
        self.writer
            .write_record(cells.iter().map(|c| safe_cell(c).into_owned()))
            .map_err(|source| Error::Csv { path: temp.clone(), source })
    }

    fn commit(mut self) -> Result<()> {
        self.writer.flush().map_err(|source| Error::Io { path: self.file.temp.clone(), source })?;
        drop(self.writer);
        self.file.commit()
    }
}

/// The output directory's five files.
pub struct Outputs {
    reports: CsvFile,
    speakers: CsvFile,
    entities: CsvFile,
    errors: CsvFile,
    jsonl: Option<(AtomicFile, BufWriter<File>)>,
}

impl Outputs {
    /// Creates the directory and the files, under temporary names. `jsonl` writes
    /// `reports.jsonl` there too (off when the records stream to stdout instead).
    pub fn create(dir: &Path, excel: bool, jsonl: bool) -> Result<Self> {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
        Ok(Outputs {
            reports: CsvFile::create(dir, "reports.csv", REPORT_COLUMNS, excel)?,
            speakers: CsvFile::create(dir, "speakers.csv", SPEAKER_COLUMNS, excel)?,
            entities: CsvFile::create(dir, "entities.csv", ENTITY_COLUMNS, excel)?,
            errors: CsvFile::create(dir, "errors.csv", ERROR_COLUMNS, excel)?,
            jsonl: if jsonl { Some(AtomicFile::create(dir, "reports.jsonl")?) } else { None },
        })
    }

    /// Writes one report's rows to every file.
    pub fn write(&mut self, r: &ReportRecord) -> Result<()> {
        write_csv_rows(r, &mut self.reports, &mut self.speakers, &mut self.entities)?;
        if let Some((file, out)) = &mut self.jsonl {
            write_jsonl(out, r).map_err(|e| match e {
                Error::Io { source, .. } => Error::Io { path: file.temp.clone(), source },
                other => other,
            })?;
        }
        Ok(())
    }

    pub fn write_error(&mut self, e: &ErrorRow) -> Result<()> {
        self.errors.row(&[&e.id, &e.source, &e.stage, &e.error])
    }

    /// Flushes everything and renames the files to their final names.
    pub fn commit(self) -> Result<()> {
        self.reports.commit()?;
        self.speakers.commit()?;
        self.entities.commit()?;
        self.errors.commit()?;
        if let Some((file, mut out)) = self.jsonl {
            out.flush().map_err(|source| Error::Io { path: file.temp.clone(), source })?;
            drop(out);
            file.commit()?;
        }
        Ok(())
    }
}

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("")
}

fn write_csv_rows(
    r: &ReportRecord,
    reports: &mut CsvFile,
    speakers: &mut CsvFile,
    entities: &mut CsvFile,
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

    #[test]
    fn files_appear_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let mut out = Outputs::create(dir.path(), true, true).unwrap();
        out.write_error(&ErrorRow {
            id: "a".into(),
            source: "a.txt".into(),
            stage: "decode".into(),
            error: "=bad".into(),
        })
        .unwrap();
        assert!(!dir.path().join("errors.csv").exists());
        out.commit().unwrap();
        let errors = std::fs::read_to_string(dir.path().join("errors.csv")).unwrap();
        assert!(errors.starts_with('\u{feff}'), "excel BOM");
        assert!(errors.contains("a,a.txt,decode,'=bad"));
        assert!(!dir.path().join(".errors.csv.partial").exists());
    }
}
