//! Errors while writing outputs.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write CSV to {path}: {source}")]
    Csv {
        path: PathBuf,
        #[source]
        source: csv::Error,
    },
    #[error("cannot resume from {path}: {problem}")]
    Resume { path: PathBuf, problem: String },
    #[error("cannot encode a record as JSON: {0}")]
    Json(#[source] serde_json::Error),
}

pub type Result<T> = std::result::Result<T, Error>;
