//! Errors of language detection set-up.

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("language `{code}` is not available; acta was built with: {available}")]
    UnknownLanguage { code: String, available: String },
    #[error("no candidate languages given")]
    NoLanguages,
}

pub type Result<T> = std::result::Result<T, Error>;
