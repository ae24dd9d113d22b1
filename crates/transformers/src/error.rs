//! Errors of the transformer backend: always naming the file or model directory at fault.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A model file that is missing, unreadable or malformed.
    #[error("{path}: {problem}")]
    File { path: PathBuf, problem: String },
    /// A model that could not be built or run (libtorch's error, out of memory, a shape mismatch).
    #[error("model {dir}: {problem}")]
    Model { dir: PathBuf, problem: String },
}

impl Error {
    pub(crate) fn file(path: impl Into<PathBuf>, problem: impl Into<String>) -> Error {
        Error::File { path: path.into(), problem: problem.into() }
    }
    pub(crate) fn model(dir: impl Into<PathBuf>, problem: impl Into<String>) -> Error {
        Error::Model { dir: dir.into(), problem: problem.into() }
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// The message of a caught panic (rust-bert and tch panic on some failures instead of returning errors).
pub(crate) fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

/// Runs a rust-bert call that may panic (rust-bert and tch panic on some failures), turning the
/// panic into an error about the model in `dir`: "{doing}: {message}".
pub(crate) fn guarded<T>(dir: &std::path::Path, doing: &str, f: impl FnOnce() -> T) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .map_err(|p| Error::model(dir, format!("{doing}: {}", one_line(&panic_message(&*p)))))
}

/// Builds a model with rust-bert: its errors and its panics both become errors naming the
/// model directory and its weights file.
pub(crate) fn load<T>(
    dir: &std::path::Path,
    weights: &std::path::Path,
    build: impl FnOnce() -> std::result::Result<T, rust_bert::RustBertError>,
) -> Result<T> {
    guarded(dir, "cannot load", build)?
        .map_err(|e| Error::model(dir, format!("cannot load ({}): {}", weights.display(), one_line(&e.to_string()))))
}

/// libtorch's error text without its C++ backtrace ("Exception raised from ... frame #0: ..."), on
/// one line: an error row or a terminal line, not a core dump.
pub(crate) fn one_line(message: &str) -> String {
    let head = message.split("Exception raised from").next().unwrap_or(message);
    head.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn libtorch_backtraces_are_cut() {
        let raw = "Tch tensor error: failed finding central directory\nException raised from valid at x.cc:177\nframe #0: c10";
        assert_eq!(super::one_line(raw), "Tch tensor error: failed finding central directory");
    }
}
