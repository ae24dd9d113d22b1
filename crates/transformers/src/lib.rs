//! acta's opt-in transformer backend (rust-bert on libtorch): token-classification NER whose
//! spans are merged into acta's rule-based entities, and abstractive summaries with BART.
//!
//! Built only with the `transformers` feature of the `acta` binary (`make test-transformers`);
//! the default build never compiles it. Models are local directories (see [`model_dir`]); nothing
//! is downloaded.

mod error;
pub mod model_dir;
mod ner;
mod pool;
mod stage;
mod summarize;
pub mod tiny;

pub use error::{Error, Result};
pub use ner::{NerBackend, NerEntity};
pub use pool::Pool;
pub use stage::{Model, NerStage, SummaryStage};
pub use summarize::SummaryBackend;

/// libtorch's own thread pools, set once before models run: acta's workers (`--jobs`) each use one
/// model instance, so each instance computes on one thread and the process on `--jobs` threads.
pub fn use_one_torch_thread_per_worker() {
    tch::set_num_threads(1);
}
