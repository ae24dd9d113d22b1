//! The opt-in transformer stages (`--ner-model`, `--summary-model`). Built with the `transformers`
//! feature they run rust-bert models; without it, acta says how to get them, or, with
//! `--fallback`, goes on with its own extraction and a warning on every report.

use std::path::Path;
use std::sync::Arc;

use acta_doc::Stage;
use acta_entities::Gazetteers;

/// Which model a stage runs, for messages.
#[derive(Clone, Copy)]
pub enum Kind {
    Ner,
    Summary,
}

impl Kind {
    /// For the warning of a binary built without the backend.
    #[cfg_attr(feature = "transformers", allow(dead_code))]
    fn name(self) -> &'static str {
        match self {
            Kind::Ner => "NER model",
            Kind::Summary => "summary model",
        }
    }

    fn flag(self) -> &'static str {
        match self {
            Kind::Ner => "--ner-model",
            Kind::Summary => "--summary-model",
        }
    }
}

/// The stage for a model directory. `instances` model copies are loaded (one per worker).
/// A model that cannot be loaded is an error, or with `fallback` a warning once here and on
/// every report.
#[cfg(feature = "transformers")]
pub fn stage(
    kind: Kind,
    dir: &Path,
    gaz: Arc<Gazetteers>,
    fallback: bool,
    instances: usize,
) -> anyhow::Result<Box<dyn Stage>> {
    use acta_transformers::{Model, NerBackend, NerStage, SummaryBackend, SummaryStage};
    acta_transformers::use_one_torch_thread_per_worker();
    fn loaded<B>(kind: Kind, result: acta_transformers::Result<B>, fallback: bool) -> anyhow::Result<Model<B>> {
        match result {
            Ok(b) => Ok(Model::Loaded(b)),
            Err(e) if fallback => {
                eprintln!("acta: warning: {} not used, acta's own extraction only (--fallback): {e}", kind.flag());
                Ok(Model::Unavailable(e.to_string()))
            }
            Err(e) => Err(anyhow::anyhow!("{}: {e}", kind.flag())),
        }
    }
    Ok(match kind {
        Kind::Ner => Box::new(NerStage::new(loaded(kind, NerBackend::load(dir, instances), fallback)?, gaz, fallback)),
        Kind::Summary => {
            Box::new(SummaryStage::new(loaded(kind, SummaryBackend::load(dir, instances), fallback)?, fallback))
        }
    })
}

#[cfg(not(feature = "transformers"))]
pub fn stage(
    kind: Kind,
    _dir: &Path,
    _gaz: Arc<Gazetteers>,
    fallback: bool,
    _instances: usize,
) -> anyhow::Result<Box<dyn Stage>> {
    let why = "this acta was built without the transformers feature; build it with \
               `LIBTORCH=/usr cargo build --release -p acta --features transformers` (needs libtorch: see the README)";
    if !fallback {
        anyhow::bail!("{}: {why}", kind.flag());
    }
    eprintln!("acta: warning: {} not used, acta's own extraction only (--fallback): {why}", kind.flag());
    Ok(Box::new(NotBuilt { kind, why }))
}

/// Stands in for a model stage the binary does not have: a warning on every report.
#[cfg(not(feature = "transformers"))]
struct NotBuilt {
    kind: Kind,
    why: &'static str,
}

#[cfg(not(feature = "transformers"))]
impl Stage for NotBuilt {
    fn name(&self) -> &'static str {
        match self.kind {
            Kind::Ner => "ner_model",
            Kind::Summary => "summary_model",
        }
    }
    fn needs(&self) -> &'static [acta_doc::Layer] {
        &[]
    }
    fn provides(&self) -> &'static [acta_doc::Layer] {
        &[]
    }
    fn run(&self, report: &mut acta_doc::Report) -> acta_doc::Result<()> {
        // Named in words first: a cell starting with "--" would get the CSV formula guard's apostrophe.
        report.warnings.push(format!("{} ({}) not used: {}", self.kind.name(), self.kind.flag(), self.why));
        Ok(())
    }
}
