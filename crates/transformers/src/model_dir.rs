//! Model directories, checked before rust-bert sees them: rust-bert panics on a malformed
//! config.json and on labels outside the B-/I-/O scheme, so acta reads and checks every file
//! first and names the one at fault.
//!
//! A NER directory (`--ner-model`): `config.json` (with `model_type` and `id2label`),
//! `rust_model.ot`, and the tokenizer's files: `vocab.txt` (bert, distilbert), `vocab.json` +
//! `merges.txt` (roberta) or `sentencepiece.bpe.model` (xlm-roberta); optionally
//! `tokenizer_config.json` with `do_lower_case` / `strip_accents`.
//! A summary directory (`--summary-model`): BART's `config.json`, `vocab.json`, `merges.txt`,
//! `rust_model.ot`.

use std::path::{Path, PathBuf};

use rust_bert::bart::BartConfig;
use rust_bert::bert::BertConfig;
use rust_bert::distilbert::DistilBertConfig;
use rust_bert::pipelines::common::ModelType;
use serde::de::DeserializeOwned;

use crate::error::{Error, Result};

/// A checked NER model directory.
#[derive(Debug, Clone)]
pub struct NerModelDir {
    pub dir: PathBuf,
    pub model_type: ModelType,
    pub config: PathBuf,
    pub vocab: PathBuf,
    pub merges: Option<PathBuf>,
    pub weights: PathBuf,
    /// Labels by id, each "O" or "B-"/"I-"/"E-"/"S-" + a type.
    pub labels: Vec<String>,
    pub lower_case: bool,
    pub strip_accents: Option<bool>,
    pub add_prefix_space: Option<bool>,
}

/// A checked BART summarisation model directory.
#[derive(Debug, Clone)]
pub struct SummaryModelDir {
    pub dir: PathBuf,
    pub config: PathBuf,
    pub vocab: PathBuf,
    pub merges: PathBuf,
    pub weights: PathBuf,
    /// Tokens the encoder takes (BART: 1,024, two of them for <s> and </s>).
    pub max_input_tokens: usize,
    /// Generation settings from config.json where it has them (Hugging Face configs do).
    pub min_length: i64,
    pub max_length: i64,
    pub num_beams: i64,
    pub no_repeat_ngram_size: i64,
}

/// A file that must exist, be a regular file and not be empty.
fn required(dir: &Path, name: &str) -> Result<PathBuf> {
    let path = dir.join(name);
    match std::fs::metadata(&path) {
        Ok(m) if m.is_file() && m.len() > 0 => Ok(path),
        Ok(m) if m.is_file() => Err(Error::file(path, "the file is empty")),
        Ok(_) => Err(Error::file(path, "not a regular file")),
        Err(e) => Err(Error::file(path, format!("missing or unreadable model file ({e})"))),
    }
}

fn read_json(path: &Path) -> Result<serde_json::Value> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::file(path, format!("cannot read: {e}")))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| Error::file(path, format!("malformed JSON: {e}")))?;
    if !value.is_object() {
        return Err(Error::file(path, "expected a JSON object"));
    }
    Ok(value)
}

/// Reads a config as rust-bert's own config type, so that what rust-bert would panic on is an error here.
fn as_config<T: DeserializeOwned>(path: &Path, value: &serde_json::Value, what: &str) -> Result<T> {
    serde_json::from_value(value.clone())
        .map_err(|e| Error::file(path, format!("not a valid {what} configuration: {e}")))
}

fn directory(dir: &Path) -> Result<()> {
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(Error::file(dir, "not a directory (a model is a directory of files)")),
        Err(e) => Err(Error::file(dir, format!("model directory not found ({e})"))),
    }
}

/// Checks a label of a token classifier: "O", or a B-/I-/E-/S- tag followed by a type.
fn check_label(label: &str) -> std::result::Result<(), String> {
    if label == "O" {
        return Ok(());
    }
    match label.split_once('-') {
        Some((tag, kind)) if ["B", "I", "E", "S"].contains(&tag) && !kind.is_empty() && !kind.contains('-') => Ok(()),
        _ => {
            Err(format!("label {label:?} is outside the B-/I-/O scheme (expected \"O\" or e.g. \"B-PER\", \"I-ORG\")"))
        }
    }
}

/// Checks a NER model directory; every problem names its file.
pub fn check_ner_dir(dir: &Path) -> Result<NerModelDir> {
    directory(dir)?;
    let config = required(dir, "config.json")?;
    let value = read_json(&config)?;
    let model_type_name = value.get("model_type").and_then(|v| v.as_str()).unwrap_or("bert");
    let model_type = match model_type_name {
        "bert" => ModelType::Bert,
        "distilbert" => ModelType::DistilBert,
        "roberta" => ModelType::Roberta,
        "xlm-roberta" => ModelType::XLMRoberta,
        other => {
            return Err(Error::file(
                &config,
                format!("model_type {other:?} is not supported for NER (bert, distilbert, roberta, xlm-roberta)"),
            ))
        }
    };
    let id2label = match model_type {
        ModelType::DistilBert => as_config::<DistilBertConfig>(&config, &value, "DistilBERT")?.id2label,
        _ => as_config::<BertConfig>(&config, &value, "BERT")?.id2label,
    };
    let id2label = id2label.filter(|m| !m.is_empty()).ok_or_else(|| {
        Error::file(&config, "no id2label: a token classifier's config names its labels (e.g. \"0\": \"O\")")
    })?;
    let mut labels = vec![String::new(); id2label.len()];
    for (id, label) in &id2label {
        let slot = usize::try_from(*id).ok().and_then(|i| labels.get_mut(i)).ok_or_else(|| {
            Error::file(&config, format!("id2label ids must be 0..{}, found {id}", id2label.len() - 1))
        })?;
        check_label(label).map_err(|problem| Error::file(&config, problem))?;
        *slot = label.clone();
    }
    let (vocab, merges) = match model_type {
        ModelType::Roberta => (required(dir, "vocab.json")?, Some(required(dir, "merges.txt")?)),
        ModelType::XLMRoberta => (required(dir, "sentencepiece.bpe.model")?, None),
        _ => (required(dir, "vocab.txt")?, None),
    };
    let weights = required(dir, "rust_model.ot")?;
    let (mut lower_case, mut strip_accents) = (false, None);
    let tokenizer_config = dir.join("tokenizer_config.json");
    if tokenizer_config.exists() {
        let t = read_json(&tokenizer_config)?;
        lower_case = t.get("do_lower_case").and_then(|v| v.as_bool()).unwrap_or(false);
        strip_accents = t.get("strip_accents").and_then(|v| v.as_bool());
    }
    let add_prefix_space = matches!(model_type, ModelType::Roberta).then_some(true);
    Ok(NerModelDir {
        dir: dir.to_path_buf(),
        model_type,
        config,
        vocab,
        merges,
        weights,
        labels,
        lower_case,
        strip_accents,
        add_prefix_space,
    })
}

/// Checks a BART summarisation model directory; every problem names its file.
pub fn check_summary_dir(dir: &Path) -> Result<SummaryModelDir> {
    directory(dir)?;
    let config = required(dir, "config.json")?;
    let value = read_json(&config)?;
    if let Some(t) = value.get("model_type").and_then(|v| v.as_str()) {
        if t != "bart" {
            return Err(Error::file(&config, format!("model_type {t:?}: --summary-model takes a BART model")));
        }
    }
    let bart: BartConfig = as_config(&config, &value, "BART")?;
    if bart.max_position_embeddings < 8 || bart.vocab_size < 1 || bart.d_model < 1 {
        return Err(Error::file(&config, "max_position_embeddings, vocab_size and d_model must be positive"));
    }
    let vocab = required(dir, "vocab.json")?;
    let vocab_json = read_json(&vocab)?;
    for special in ["<s>", "</s>", "<pad>", "<unk>", "<mask>"] {
        if vocab_json.get(special).is_none() {
            return Err(Error::file(&vocab, format!("the vocabulary has no {special} token")));
        }
    }
    let merges = required(dir, "merges.txt")?;
    let weights = required(dir, "rust_model.ot")?;
    let int = |key: &str| value.get(key).and_then(|v| v.as_i64());
    // Hugging Face's BART-CNN configs keep these under task_specific_params.summarization.
    let task = value.pointer("/task_specific_params/summarization");
    let task_int = |key: &str| task.and_then(|t| t.get(key)).and_then(|v| v.as_i64());
    let max_length = task_int("max_length").or_else(|| int("max_length")).unwrap_or(142).max(1);
    Ok(SummaryModelDir {
        dir: dir.to_path_buf(),
        config,
        vocab,
        merges,
        weights,
        max_input_tokens: (bart.max_position_embeddings as usize).saturating_sub(2),
        min_length: task_int("min_length").or_else(|| int("min_length")).unwrap_or(0).clamp(0, max_length),
        max_length,
        num_beams: task_int("num_beams").or_else(|| int("num_beams")).unwrap_or(4).max(1),
        no_repeat_ngram_size: task_int("no_repeat_ngram_size").or_else(|| int("no_repeat_ngram_size")).unwrap_or(3),
    })
}

#[cfg(test)]
mod tests {
    use super::check_label;

    #[test]
    fn labels_follow_the_bio_scheme() {
        for ok in ["O", "B-PER", "I-ORG", "E-LOC", "S-MISC"] {
            assert!(check_label(ok).is_ok(), "{ok}");
        }
        for bad in ["PER", "X-PER", "B-", "B-PER-X", "o", ""] {
            assert!(check_label(bad).is_err(), "{bad}");
        }
    }
}
