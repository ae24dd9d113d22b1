//! Errors while loading gazetteers.

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("{file} line {line}: {reason}")]
    BadGazetteer { file: String, line: usize, reason: String },
    #[error("cannot read {file}: {source}")]
    Read {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Lexicon(#[from] acta_lexicon::Error),
}

pub type Result<T> = std::result::Result<T, Error>;
