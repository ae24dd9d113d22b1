//! The output directory: five files appended in committed batches, and a progress record that
//! says how much of each file is committed, so that a killed run leaves whole rows behind and
//! `--resume` continues where it stopped.
//!
//! A batch's rows are built in memory and appended to each file. At a checkpoint (after the first
//! batch that ends at least [`Outputs::checkpoint_every`] after the last one, and at the end) the
//! files are flushed to disk and only then is the progress record (`.acta-progress.json`) replaced,
//! by writing a temporary file and renaming it. Whatever moment a run is killed at, every file holds
//! its header and whole rows up to the recorded length; after it come whole batches appended since
//! the checkpoint and at most the tail of the batch being appended at that moment, all of which
//! resuming cuts off before going on. Flushing to disk costs a few tens of milliseconds per
//! checkpoint, which is why checkpoints are spaced in time rather than made after every batch.

use std::collections::{BTreeMap, HashMap};
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::record::ReportRecord;
use crate::writer::{
    error_row, unguard_cell, write_csv_rows, write_jsonl, CsvRows, ErrorRow, ENTITY_COLUMNS, ERROR_COLUMNS,
    REPORT_COLUMNS, SPEAKER_COLUMNS,
};

/// The progress record's file name, inside the output directory.
pub const PROGRESS_FILE: &str = ".acta-progress.json";

const CSV_FILES: [(&str, &[&str]); 4] = [
    ("reports.csv", REPORT_COLUMNS),
    ("speakers.csv", SPEAKER_COLUMNS),
    ("entities.csv", ENTITY_COLUMNS),
    ("errors.csv", ERROR_COLUMNS),
];
const JSONL_FILE: &str = "reports.jsonl";

/// What `.acta-progress.json` holds.
#[derive(Debug, Serialize, Deserialize)]
struct Progress {
    /// The acta that wrote the files: resuming with another one would mix two kinds of rows.
    writer: String,
    /// Whether `reports.jsonl` is among the files.
    jsonl: bool,
    /// Set once the run that wrote the files finished.
    complete: bool,
    /// Committed bytes of each file.
    files: BTreeMap<String, u64>,
}

/// Reports already in the output directory when a run resumes.
#[derive(Debug, Default)]
pub struct Committed {
    /// How many records of each (id, sha256) are written.
    pub reports: HashMap<(String, String), usize>,
    /// Ids with a record written, whatever its content.
    pub ids: std::collections::HashSet<String>,
    /// How many error rows of each id are written.
    pub failed: HashMap<String, usize>,
    /// Error rows written, in all.
    pub failures: usize,
}

impl Committed {
    /// Whether a report with this id and content is already written; counts it off if so, so that
    /// two inputs with the same id and content are each matched once.
    pub fn take_report(&mut self, id: &str, sha256: &str) -> bool {
        take(&mut self.reports, (id.to_string(), sha256.to_string()))
    }

    /// Whether an error row for this id is already written; counts it off if so.
    pub fn take_failed(&mut self, id: &str) -> bool {
        take(&mut self.failed, id.to_string())
    }

    /// Whether this id has a record written (with whatever content).
    pub fn has_id(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    pub fn is_empty(&self) -> bool {
        self.reports.is_empty() && self.failed.is_empty()
    }
}

fn take<K: std::hash::Hash + Eq>(counts: &mut HashMap<K, usize>, key: K) -> bool {
    match counts.get_mut(&key) {
        Some(n) if *n > 1 => {
            *n -= 1;
            true
        }
        Some(_) => {
            counts.remove(&key);
            true
        }
        None => false,
    }
}

/// One output file, opened for appending, with its length so far.
struct Appended {
    path: PathBuf,
    file: File,
    len: u64,
}

impl Appended {
    fn append(&mut self, bytes: &[u8]) -> Result<()> {
        if bytes.is_empty() {
            return Ok(());
        }
        self.file.write_all(bytes).map_err(|source| Error::Io { path: self.path.clone(), source })?;
        self.len += bytes.len() as u64;
        Ok(())
    }

    fn sync(&self) -> Result<()> {
        self.file.sync_data().map_err(|source| Error::Io { path: self.path.clone(), source })
    }
}

/// The output directory's files: reports.csv, speakers.csv, entities.csv, errors.csv and
/// (unless the records stream elsewhere) reports.jsonl.
pub struct Outputs {
    dir: PathBuf,
    /// The four CSV files, in [`CSV_FILES`] order, and their pending rows.
    csv: Vec<(Appended, CsvRows)>,
    jsonl: Option<(Appended, Vec<u8>)>,
    /// When the progress record was last written.
    last_checkpoint: std::time::Instant,
    /// Least time between checkpoints (zero: after every batch).
    pub checkpoint_every: std::time::Duration,
}

impl Outputs {
    /// Starts a new output in `dir` (created if needed): every file is emptied and gets its header.
    /// `excel` starts each CSV file with a UTF-8 byte-order mark; `jsonl` writes reports.jsonl too.
    pub fn create(dir: &Path, excel: bool, jsonl: bool) -> Result<Self> {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
        let mut csv = Vec::new();
        for (name, columns) in CSV_FILES {
            let mut file = open(dir, name, true)?;
            if excel {
                file.append(b"\xEF\xBB\xBF")?;
            }
            let mut header = CsvRows::new(name);
            header.writer.write_record(columns).map_err(|source| Error::Csv { path: file.path.clone(), source })?;
            file.append(&header.take()?)?;
            csv.push((file, CsvRows::new(name)));
        }
        let jsonl = if jsonl { Some((open(dir, JSONL_FILE, true)?, Vec::new())) } else { None };
        let mut outputs = Outputs::new(dir, csv, jsonl);
        outputs.checkpoint(false)?;
        Ok(outputs)
    }

    /// Continues the output in `dir`: each file is cut back to its committed length, and the reports
    /// already written are returned so that the run can skip them. A directory without any output
    /// starts anew; one with output files but no progress record is refused, as is one written
    /// with or without reports.jsonl when this run differs.
    pub fn resume(dir: &Path, excel: bool, jsonl: bool) -> Result<(Self, Committed)> {
        let progress_path = dir.join(PROGRESS_FILE);
        let text = match std::fs::read_to_string(&progress_path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let existing: Vec<&str> =
                    CSV_FILES.iter().map(|(n, _)| *n).chain([JSONL_FILE]).filter(|n| dir.join(n).exists()).collect();
                if existing.is_empty() {
                    return Ok((Self::create(dir, excel, jsonl)?, Committed::default()));
                }
                return Err(Error::Resume {
                    path: progress_path,
                    problem: format!(
                        "{} exist but there is no progress record, so what they hold is unknown; run without --resume to start over",
                        existing.join(", ")
                    ),
                });
            }
            Err(source) => return Err(Error::Io { path: progress_path, source }),
        };
        let refuse = |problem: String| Error::Resume { path: progress_path.clone(), problem };
        let progress: Progress =
            serde_json::from_str(&text).map_err(|e| refuse(format!("not a progress record: {e}")))?;
        if progress.writer != writer_name() {
            return Err(refuse(format!(
                "written by {}, this is {}; run without --resume to start over",
                progress.writer,
                writer_name()
            )));
        }
        if progress.jsonl != jsonl {
            return Err(refuse(format!(
                "the earlier run {} reports.jsonl in the directory and this one {}; give the same output options",
                if progress.jsonl { "wrote" } else { "did not write" },
                if jsonl { "would" } else { "would not" }
            )));
        }
        let committed_len = |name: &str| -> Result<u64> {
            let len = *progress.files.get(name).ok_or_else(|| refuse(format!("no length recorded for {name}")))?;
            let actual =
                std::fs::metadata(dir.join(name)).map_err(|source| Error::Io { path: dir.join(name), source })?.len();
            if actual < len {
                return Err(refuse(format!("{name} is shorter ({actual} bytes) than its committed {len} bytes")));
            }
            Ok(len)
        };
        let mut csv = Vec::new();
        for (name, _) in CSV_FILES {
            let len = committed_len(name)?;
            csv.push((open_at(dir, name, len)?, CsvRows::new(name)));
        }
        let jsonl = match jsonl {
            true => Some((open_at(dir, JSONL_FILE, committed_len(JSONL_FILE)?)?, Vec::new())),
            false => None,
        };
        let committed = read_committed(dir)?;
        let mut outputs = Outputs::new(dir, csv, jsonl);
        outputs.checkpoint(false)?;
        Ok((outputs, committed))
    }

    /// Adds one report's rows to the batch being built.
    pub fn write(&mut self, r: &ReportRecord) -> Result<()> {
        let [reports, speakers, entities, _] = &mut self.csv[..] else { unreachable!("four CSV files") };
        write_csv_rows(r, &mut reports.1, &mut speakers.1, &mut entities.1)?;
        if let Some((_, pending)) = &mut self.jsonl {
            write_jsonl(pending, r)?;
        }
        Ok(())
    }

    /// Adds an error row to the batch being built.
    pub fn write_error(&mut self, e: &ErrorRow) -> Result<()> {
        self.csv[3].1.row(&error_row(e))
    }

    fn new(dir: &Path, csv: Vec<(Appended, CsvRows)>, jsonl: Option<(Appended, Vec<u8>)>) -> Self {
        Outputs {
            dir: dir.to_path_buf(),
            csv,
            jsonl,
            last_checkpoint: std::time::Instant::now(),
            checkpoint_every: std::time::Duration::from_secs(1),
        }
    }

    /// Appends the batch to the files; makes a checkpoint when the last one is old enough.
    pub fn commit(&mut self) -> Result<()> {
        self.append_batch()?;
        if self.last_checkpoint.elapsed() >= self.checkpoint_every {
            self.checkpoint(false)?;
        }
        Ok(())
    }

    /// Appends the last batch, makes a checkpoint and marks the output complete.
    pub fn finish(mut self) -> Result<()> {
        self.append_batch()?;
        self.checkpoint(true)
    }

    fn append_batch(&mut self) -> Result<()> {
        for (file, rows) in &mut self.csv {
            let bytes = rows.take()?;
            file.append(&bytes)?;
        }
        if let Some((file, pending)) = &mut self.jsonl {
            file.append(pending)?;
            pending.clear();
        }
        Ok(())
    }

    /// Flushes every file to disk, then records their lengths.
    fn checkpoint(&mut self, complete: bool) -> Result<()> {
        let mut files = BTreeMap::new();
        for file in self.csv.iter().map(|(f, _)| f).chain(self.jsonl.iter().map(|(f, _)| f)) {
            file.sync()?;
            let name = file.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            files.insert(name, file.len);
        }
        let progress = Progress { writer: writer_name(), jsonl: self.jsonl.is_some(), complete, files };
        let temp = self.dir.join(format!("{PROGRESS_FILE}.partial"));
        let json = serde_json::to_vec_pretty(&progress).map_err(Error::Json)?;
        std::fs::write(&temp, json).map_err(|source| Error::Io { path: temp.clone(), source })?;
        let path = self.dir.join(PROGRESS_FILE);
        std::fs::rename(&temp, &path).map_err(|source| Error::Io { path, source })?;
        self.last_checkpoint = std::time::Instant::now();
        Ok(())
    }
}

/// Bumped whenever a table's columns change, so that `--resume` never appends rows of another shape.
const COLUMNS_VERSION: u32 = 2;

fn writer_name() -> String {
    format!("acta-export {} (columns {COLUMNS_VERSION})", env!("CARGO_PKG_VERSION"))
}

/// Opens a file for appending, emptied first when `truncate`.
fn open(dir: &Path, name: &str, truncate: bool) -> Result<Appended> {
    let path = dir.join(name);
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|f| if truncate { f.set_len(0).map(|_| f) } else { Ok(f) })
        .map_err(|source| Error::Io { path: path.clone(), source })?;
    let len =
        if truncate { 0 } else { file.metadata().map_err(|source| Error::Io { path: path.clone(), source })?.len() };
    Ok(Appended { path, file, len })
}

/// Opens a file for appending after cutting it back to `len` bytes.
fn open_at(dir: &Path, name: &str, len: u64) -> Result<Appended> {
    let appended = open(dir, name, false)?;
    appended.file.set_len(len).map_err(|source| Error::Io { path: appended.path.clone(), source })?;
    Ok(Appended { len, ..appended })
}

/// The reports and error rows in the committed files (ids and content hashes from reports.csv,
/// ids from errors.csv; cells un-guarded with [`crate::unguard_cell`]).
fn read_committed(dir: &Path) -> Result<Committed> {
    let mut committed = Committed::default();
    let column = |name: &str| REPORT_COLUMNS.iter().position(|c| *c == name).expect("known column");
    let (id_col, sha_col) = (column("id"), column("sha256"));
    for row in read_rows(&dir.join("reports.csv"))? {
        let (Some(id), Some(sha)) = (row.get(id_col), row.get(sha_col)) else { continue };
        committed.ids.insert(unguard_cell(id).to_string());
        *committed.reports.entry((unguard_cell(id).to_string(), unguard_cell(sha).to_string())).or_default() += 1;
    }
    for row in read_rows(&dir.join("errors.csv"))? {
        if let Some(id) = row.get(0) {
            *committed.failed.entry(unguard_cell(id).to_string()).or_default() += 1;
            committed.failures += 1;
        }
    }
    Ok(committed)
}

fn read_rows(path: &Path) -> Result<Vec<csv::StringRecord>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_path(path)
        .map_err(|source| Error::Csv { path: path.to_path_buf(), source })?;
    reader
        .records()
        .collect::<std::result::Result<_, _>>()
        .map_err(|source| Error::Csv { path: path.to_path_buf(), source })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(id: &str) -> ErrorRow {
        ErrorRow { id: id.into(), source: format!("{id}.txt"), stage: "decode".into(), error: "=bad".into() }
    }

    #[test]
    fn files_hold_whole_committed_batches_and_resume_cuts_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let mut out = Outputs::create(dir.path(), true, true).unwrap();
        out.checkpoint_every = std::time::Duration::ZERO;
        let errors = dir.path().join("errors.csv");
        out.write_error(&error("a")).unwrap();
        assert_eq!(std::fs::read_to_string(&errors).unwrap(), "\u{feff}id,source,stage,error\n", "not yet committed");
        out.commit().unwrap();
        assert!(std::fs::read_to_string(&errors).unwrap().ends_with("a,a.txt,decode,'=bad\n"));
        // A run killed half-way through appending: a cut row after the committed ones.
        drop(out);
        std::fs::OpenOptions::new().append(true).open(&errors).unwrap().write_all(b"b,b.t").unwrap();
        let (mut out, committed) = Outputs::resume(dir.path(), true, true).unwrap();
        assert_eq!(committed.failures, 1);
        assert!(committed.failed.contains_key("a"));
        assert!(std::fs::read_to_string(&errors).unwrap().ends_with("'=bad\n"), "the cut row is gone");
        out.write_error(&error("=c")).unwrap();
        out.finish().unwrap();
        let (_, committed) = Outputs::resume(dir.path(), true, true).unwrap();
        assert!(committed.failed.contains_key("=c"), "guarded cells are read back un-guarded");
        let progress = std::fs::read_to_string(dir.path().join(PROGRESS_FILE)).unwrap();
        assert!(progress.contains("\"complete\": false"), "resuming reopens the run: {progress}");
    }

    #[test]
    fn resume_refuses_what_it_cannot_continue() {
        let dir = tempfile::tempdir().unwrap();
        let (out, committed) = Outputs::resume(dir.path(), false, true).unwrap();
        assert!(committed.is_empty(), "an empty directory starts anew");
        out.finish().unwrap();
        let e = Outputs::resume(dir.path(), false, false).err().unwrap().to_string();
        assert!(e.contains("reports.jsonl"), "{e}");
        std::fs::remove_file(dir.path().join(PROGRESS_FILE)).unwrap();
        let e = Outputs::resume(dir.path(), false, true).err().unwrap().to_string();
        assert!(e.contains(".acta-progress.json") && e.contains("no progress record"), "{e}");
        std::fs::write(dir.path().join(PROGRESS_FILE), "{").unwrap();
        let e = Outputs::resume(dir.path(), false, true).err().unwrap().to_string();
        assert!(e.contains("not a progress record"), "{e}");
    }

    #[test]
    fn committed_reports_are_counted_off_once_each() {
        let mut c = Committed::default();
        c.reports.insert(("x".into(), "h".into()), 2);
        assert!(c.take_report("x", "h"));
        assert!(c.take_report("x", "h"));
        assert!(!c.take_report("x", "h"));
        assert!(!c.take_report("x", "other"));
    }
}
