//! `acta-tiny-models DIR`: writes a tiny random BERT NER model to DIR/ner and a tiny random BART
//! summariser to DIR/summary, for trying `--ner-model` / `--summary-model` and for `make bench`.
//! Their output is random: they show the plumbing and its cost, not quality.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: acta-tiny-models DIR   (writes DIR/ner and DIR/summary)");
        return ExitCode::from(2);
    };
    let result = acta_transformers::tiny::write_ner_model(&dir.join("ner"), 7)
        .and_then(|_| acta_transformers::tiny::write_summary_model(&dir.join("summary"), 11, 24));
    match result {
        Ok(()) => {
            println!("wrote {} and {}", dir.join("ner").display(), dir.join("summary").display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("acta-tiny-models: {e}");
            ExitCode::FAILURE
        }
    }
}
