//! Errors of the layout stage.

/// A problem with a layout data file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("{file} line {line}: {reason}")]
    BadModel { file: String, line: usize, reason: String },
}

pub type Result<T> = std::result::Result<T, Error>;
