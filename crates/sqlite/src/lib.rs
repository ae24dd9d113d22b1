//! acta's four tables in one SQLite database (SQLite compiled in, no system library needed), with
//! the CSV files' columns, SQL types, foreign keys to the report and indexes for dashboards.
//!
//! The database is updated incrementally: a report whose id and sha256 are already there is left
//! alone, a changed report has its rows replaced, a new one is added, each batch in one transaction.
//!
//! ```
//! let db = acta_sqlite::Database::open_in_memory().unwrap();
//! assert!(db.known_reports().unwrap().is_empty());
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use acta_export::{
    entity_rows, error_row, report_row, speaker_rows, Cell, ErrorRow, ReportRecord, ENTITY_COLUMNS, ERROR_COLUMNS,
    REPORT_COLUMNS, SPEAKER_COLUMNS,
};
use rusqlite::{params_from_iter, types::Value, Connection, Transaction};

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("SQLite database {path}: {source}")]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{path} is not an acta database: {problem}")]
    NotActa { path: PathBuf, problem: String },
    #[error("cannot read {path}: {source}")]
    Csv {
        path: PathBuf,
        #[source]
        source: csv::Error,
    },
}

pub type Result<T> = std::result::Result<T, Error>;

/// The SQL type of each column that is not TEXT.
const INTEGER_COLUMNS: &[&str] = &[
    "bytes",
    "participants_reported",
    "women_reported",
    "speakers",
    "people",
    "ministries",
    "organizations",
    "speaker",
    "line_start",
    "line_end",
    "start",
    "end",
    "original_start",
    "original_end",
    "page",
];
const REAL_COLUMNS: &[&str] = &["language_confidence", "confidence", "model_score"];

/// The tables: name, columns, the columns of their primary key, and indexed columns.
const TABLES: &[(&str, &[&str], &str, &[&str])] = &[
    ("reports", REPORT_COLUMNS, "PRIMARY KEY (id)", &["date", "language"]),
    (
        "speakers",
        SPEAKER_COLUMNS,
        "PRIMARY KEY (report_id, speaker), FOREIGN KEY (report_id) REFERENCES reports(id) ON DELETE CASCADE",
        &["report_id", "country", "organization"],
    ),
    (
        "entities",
        ENTITY_COLUMNS,
        "FOREIGN KEY (report_id) REFERENCES reports(id) ON DELETE CASCADE",
        &["report_id", "country", "kind, canonical"],
    ),
    ("errors", ERROR_COLUMNS, "PRIMARY KEY (id)", &[]),
];

/// Bumped when the tables change; a database of another version is refused, not silently mixed.
const SCHEMA_VERSION: i64 = 3;

fn sql_type(column: &str) -> &'static str {
    if INTEGER_COLUMNS.contains(&column) {
        "INTEGER"
    } else if REAL_COLUMNS.contains(&column) {
        "REAL"
    } else {
        "TEXT"
    }
}

fn quoted(column: &str) -> String {
    format!("\"{column}\"")
}

fn value(cell: &Cell) -> Value {
    match cell {
        Cell::Text(s) => Value::Text(s.to_string()),
        Cell::Owned(s) => Value::Text(s.clone()),
        Cell::Int(n) => Value::Integer(*n as i64),
        Cell::Float(..) => cell.to_text().parse::<f64>().map_or(Value::Null, Value::Real),
        Cell::Null => Value::Null,
    }
}

/// An open acta database.
pub struct Database {
    path: PathBuf,
    connection: Connection,
}

/// What one batch did to the database.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Changes {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub errors: usize,
}

impl Database {
    /// Opens (creating if needed) the database at `path` and its tables.
    pub fn open(path: &Path) -> Result<Self> {
        let connection = Connection::open(path).map_err(|source| Error::Sqlite { path: path.into(), source })?;
        Self::init(path.to_path_buf(), connection)
    }

    pub fn open_in_memory() -> Result<Self> {
        let path = PathBuf::from(":memory:");
        let connection = Connection::open_in_memory().map_err(|source| Error::Sqlite { path: path.clone(), source })?;
        Self::init(path, connection)
    }

    fn init(path: PathBuf, connection: Connection) -> Result<Self> {
        let db = Database { path, connection };
        let version: i64 = db.connection.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| db.err(e))?;
        let tables: i64 = db
            .connection
            .query_row("SELECT count(*) FROM sqlite_schema WHERE type = 'table'", [], |r| r.get(0))
            .map_err(|e| db.err(e))?;
        if tables > 0 && version != SCHEMA_VERSION {
            return Err(Error::NotActa {
                path: db.path.clone(),
                problem: format!("it has tables but schema version {version}, not {SCHEMA_VERSION}"),
            });
        }
        let mut sql = String::from("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL;\n");
        if tables == 0 {
            sql.push_str("BEGIN;\n");
            for (table, columns, constraints, indexed) in TABLES {
                let defs: Vec<String> = columns
                    .iter()
                    .map(|c| {
                        let not_null = if ["id", "report_id", "sha256"].contains(c) { " NOT NULL" } else { "" };
                        format!("{} {}{not_null}", quoted(c), sql_type(c))
                    })
                    .collect();
                sql.push_str(&format!("CREATE TABLE {table} ({}, {constraints});\n", defs.join(", ")));
                for columns in indexed.iter() {
                    let name = format!("{table}_by_{}", columns.replace(", ", "_"));
                    let list: Vec<String> = columns.split(", ").map(quoted).collect();
                    sql.push_str(&format!("CREATE INDEX {name} ON {table} ({});\n", list.join(", ")));
                }
            }
            sql.push_str(&format!("PRAGMA user_version = {SCHEMA_VERSION};\nCOMMIT;\n"));
        }
        db.connection.execute_batch(&sql).map_err(|e| db.err(e))?;
        Ok(db)
    }

    fn err(&self, source: rusqlite::Error) -> Error {
        Error::Sqlite { path: self.path.clone(), source }
    }

    pub fn connection(&self) -> &Connection {
        &self.connection
    }

    /// The reports already in the database: id -> sha256.
    pub fn known_reports(&self) -> Result<HashMap<String, String>> {
        let mut statement = self.connection.prepare("SELECT id, sha256 FROM reports").map_err(|e| self.err(e))?;
        let rows = statement
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| self.err(e))
    }

    /// Whether the database holds this report with this content.
    pub fn has_report(&self, id: &str, sha256: &str) -> Result<bool> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT 1 FROM reports WHERE id = ?1 AND sha256 = ?2")
            .map_err(|e| self.err(e))?;
        statement.exists([id, sha256]).map_err(|e| self.err(e))
    }

    /// Writes a batch in one transaction: new reports are added, changed ones replaced, unchanged
    /// ones left alone; an error replaces any earlier row of its id, and a report that now succeeds
    /// loses its earlier error row.
    pub fn write_batch(&self, records: &[&ReportRecord], errors: &[&ErrorRow]) -> Result<Changes> {
        let path = self.path.clone();
        let err = |source| Error::Sqlite { path: path.clone(), source };
        // One connection, used from one thread, never nested: the unchecked transaction is safe here.
        let tx = self.connection.unchecked_transaction().map_err(err)?;
        let mut changes = Changes::default();
        for r in records {
            let existing: Option<String> =
                match tx.query_row("SELECT sha256 FROM reports WHERE id = ?1", [&r.id], |row| row.get(0)) {
                    Ok(sha) => Some(sha),
                    Err(rusqlite::Error::QueryReturnedNoRows) => None,
                    Err(e) => return Err(err(e)),
                };
            match existing {
                Some(sha) if sha == r.sha256 => {
                    changes.unchanged += 1;
                    continue;
                }
                Some(_) => {
                    // Speakers and entities go with it (ON DELETE CASCADE).
                    tx.execute("DELETE FROM reports WHERE id = ?1", [&r.id]).map_err(err)?;
                    changes.replaced += 1;
                }
                None => changes.added += 1,
            }
            tx.execute("DELETE FROM errors WHERE id = ?1", [&r.id]).map_err(err)?;
            insert(&tx, "reports", REPORT_COLUMNS, std::iter::once(report_row(r))).map_err(err)?;
            insert(&tx, "speakers", SPEAKER_COLUMNS, speaker_rows(r)).map_err(err)?;
            insert(&tx, "entities", ENTITY_COLUMNS, entity_rows(r)).map_err(err)?;
        }
        for e in errors {
            tx.execute("DELETE FROM errors WHERE id = ?1", [&e.id]).map_err(err)?;
            insert(&tx, "errors", ERROR_COLUMNS, std::iter::once(error_row(e))).map_err(err)?;
            changes.errors += 1;
        }
        tx.commit().map_err(err)?;
        Ok(changes)
    }

    /// Loads an output directory's CSV files (as `acta extract --out` wrote them) into the
    /// database: how `acta overview` reads a directory.
    pub fn load_csv_dir(&mut self, dir: &Path) -> Result<()> {
        let path = self.path.clone();
        let tx = self.connection.transaction().map_err(|source| Error::Sqlite { path: path.clone(), source })?;
        for (table, columns, _, _) in TABLES {
            let file = dir.join(format!("{table}.csv"));
            let mut reader = csv::ReaderBuilder::new()
                .from_path(&file)
                .map_err(|source| Error::Csv { path: file.clone(), source })?;
            let header: Vec<String> = reader
                .headers()
                .map_err(|source| Error::Csv { path: file.clone(), source })?
                .iter()
                .map(|h| h.trim_start_matches('\u{feff}').to_string())
                .collect();
            if header != *columns {
                return Err(Error::NotActa { path: file, problem: "its columns are not acta's".into() });
            }
            let placeholders = vec!["?"; columns.len()].join(", ");
            let mut statement = tx
                .prepare(&format!("INSERT OR REPLACE INTO {table} VALUES ({placeholders})"))
                .map_err(|source| Error::Sqlite { path: path.clone(), source })?;
            for row in reader.records() {
                let row = row.map_err(|source| Error::Csv { path: file.clone(), source })?;
                let values = row.iter().zip(columns.iter()).map(|(cell, column)| csv_value(cell, column));
                statement
                    .execute(params_from_iter(values))
                    .map_err(|source| Error::Sqlite { path: path.clone(), source })?;
            }
        }
        tx.commit().map_err(|source| Error::Sqlite { path, source })
    }
}

/// A CSV cell as the SQL value acta would have written: un-guarded, typed, empty as NULL.
fn csv_value(cell: &str, column: &str) -> Value {
    let cell = acta_export::unguard_cell(cell);
    if cell.is_empty() {
        return Value::Null;
    }
    match sql_type(column) {
        "INTEGER" => cell.parse().map_or_else(|_| Value::Text(cell.into()), Value::Integer),
        "REAL" => cell.parse().map_or_else(|_| Value::Text(cell.into()), Value::Real),
        _ => Value::Text(cell.into()),
    }
}

fn insert<'a>(
    tx: &Transaction,
    table: &str,
    columns: &[&str],
    rows: impl Iterator<Item = Vec<Cell<'a>>>,
) -> rusqlite::Result<()> {
    let placeholders = vec!["?"; columns.len()].join(", ");
    let mut statement = tx.prepare_cached(&format!("INSERT INTO {table} VALUES ({placeholders})"))?;
    for row in rows {
        statement.execute(params_from_iter(row.iter().map(value)))?;
    }
    Ok(())
}
