//! Errors of the data model.

/// What went wrong while building or checking part of a report.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A byte range that does not fit its text.
    #[error(
        "byte range {start}..{end} is not valid in a text of {len} bytes (out of bounds or not on a char boundary)"
    )]
    BadRange { start: usize, end: usize, len: usize },
    /// A pipeline whose stage needs a layer that no earlier stage provides.
    #[error("stage `{stage}` needs layer {needs:?}, which no earlier stage provides")]
    MissingLayer { stage: &'static str, needs: crate::Layer },
    /// A stage failed on a report.
    #[error("stage `{stage}` failed: {message}")]
    Stage { stage: &'static str, message: String },
}

/// Result with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
