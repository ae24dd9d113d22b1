//! Errors while finding, reading and decoding input.

use std::path::PathBuf;

/// Why one input could not become a report text. Each names the problem; the caller adds the source.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot walk {path}: {source}")]
    Walk {
        path: PathBuf,
        #[source]
        source: walkdir::Error,
    },
    #[error("empty file")]
    Empty,
    #[error("file is {size} bytes, over the limit of {limit} bytes (see --max-bytes)")]
    TooLarge { size: u64, limit: u64 },
    #[error("binary file (NUL byte at byte {offset})")]
    Binary { offset: usize },
    #[error("undecodable bytes: {reason}")]
    Undecodable { reason: String },
    #[error("malformed JSON Lines record at line {line}: {reason}")]
    BadJsonLine { line: usize, reason: String },
    #[error("unreadable {kind}: {reason}")]
    BadDocument { kind: &'static str, reason: String },
    #[error("cannot read standard input: {0}")]
    Stdin(#[source] std::io::Error),
}

pub type Result<T> = std::result::Result<T, Error>;
