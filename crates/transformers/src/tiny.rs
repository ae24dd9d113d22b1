//! Tiny models with random weights, written in the same directory layout as real converted
//! models, so that tests and benchmarks run the real loading and inference paths with no
//! download: a BERT token classifier with the nine CoNLL-2003 labels, and a BART with two
//! encoder and two decoder layers. Their output is random; its structure is not.

use std::collections::BTreeMap;
use std::path::Path;

use rust_bert::bart::{BartConfig, BartForConditionalGeneration};
use rust_bert::bert::{BertConfig, BertForTokenClassification};
use rust_bert::Activation;
use tch::{nn::VarStore, Device};

use crate::error::{Error, Result};

/// The CoNLL-2003 labels, in the order of the usual English NER models.
pub const CONLL_LABELS: [&str; 9] = ["O", "B-MISC", "I-MISC", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];

fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result<()> {
    std::fs::write(path, contents).map_err(|e| Error::file(path, format!("cannot write: {e}")))
}

/// How much sharper than initialised the tiny classifier's weights are.
const CLASSIFIER_SCALE: f64 = 4.0;

/// Letters of the four languages acta reads, so that accented names tokenise without [UNK].
const LETTERS: &str = "abcdefghijklmnopqrstuvwxyzáàâãäçéèêëíìîïñóòôõöúùûüýÿœæ";

/// Writes a tiny BERT NER model (config.json, vocab.txt, rust_model.ot) into `dir`.
pub fn write_ner_model(dir: &Path, seed: i64) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::file(dir, format!("cannot create: {e}")))?;
    let mut vocab: Vec<String> = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"].iter().map(|s| s.to_string()).collect();
    for c in LETTERS.chars().chain(LETTERS.to_uppercase().chars()).chain("0123456789".chars()) {
        vocab.push(c.to_string());
        vocab.push(format!("##{c}"));
    }
    for c in ".,;:!?()[]'\"-/&%@#$*+=<>|_–—“”‘’«»…".chars() {
        vocab.push(c.to_string());
    }
    for w in ["the", "of", "and", "de", "la", "el", "da", "do", "le", "des", "Ministry", "Minister", "said"] {
        vocab.push(w.to_string());
    }
    vocab.sort();
    vocab.dedup();
    let id2label: BTreeMap<String, String> =
        CONLL_LABELS.iter().enumerate().map(|(i, l)| (i.to_string(), l.to_string())).collect();
    let config = serde_json::json!({
        "model_type": "bert",
        "hidden_act": "gelu",
        "attention_probs_dropout_prob": 0.1,
        "hidden_dropout_prob": 0.1,
        "hidden_size": 32,
        "initializer_range": 0.02,
        "intermediate_size": 64,
        "max_position_embeddings": 128,
        "num_attention_heads": 2,
        "num_hidden_layers": 2,
        "type_vocab_size": 2,
        "vocab_size": vocab.len(),
        "id2label": id2label,
        "label2id": CONLL_LABELS.iter().enumerate().map(|(i, l)| (l.to_string(), i)).collect::<BTreeMap<_, _>>(),
    });
    let parsed: BertConfig =
        serde_json::from_value(config.clone()).map_err(|e| Error::model(dir, format!("tiny BERT config: {e}")))?;
    tch::manual_seed(seed);
    let vs = VarStore::new(Device::Cpu);
    BertForTokenClassification::new(vs.root(), &parsed).map_err(|e| Error::model(dir, e.to_string()))?;
    // A randomly initialised BERT gives every token nearly the same hidden state, so one label wins
    // everywhere. Zeroing the layers' output projections turns each layer into a pass-through (the
    // residual path), so each token keeps its own random embedding and the random classifier gives
    // labels that vary from token to token: tests then see spans of every type.
    tch::no_grad(|| {
        for (name, mut tensor) in vs.variables() {
            if name.starts_with("bert.encoder.") && name.contains("output.dense.") {
                let _ = tensor.f_zero_();
            } else if name.starts_with("classifier.") {
                let _ = tensor.f_mul_scalar_(CLASSIFIER_SCALE);
            }
        }
    });
    write(&dir.join("config.json"), serde_json::to_string_pretty(&config).expect("JSON"))?;
    write(&dir.join("vocab.txt"), vocab.join("\n") + "\n")?;
    let weights = dir.join("rust_model.ot");
    vs.save(&weights).map_err(|e| Error::file(&weights, e.to_string()))
}

/// GPT-2's byte-to-character table, which byte-level BPE vocabularies (BART's) are written in.
fn byte_chars() -> Vec<char> {
    let mut printable: Vec<u32> = (b'!' as u32..=b'~' as u32).chain(0xA1..=0xAC).chain(0xAE..=0xFF).collect();
    let mut chars: Vec<u32> = printable.clone();
    let mut n = 0;
    for b in 0..256u32 {
        if !printable.contains(&b) {
            printable.push(b);
            chars.push(256 + n);
            n += 1;
        }
    }
    let mut table = vec!['\0'; 256];
    for (b, c) in printable.iter().zip(chars) {
        table[*b as usize] = char::from_u32(c).expect("valid char");
    }
    table
}

/// Writes a tiny BART summarisation model (config.json, vocab.json, merges.txt, rust_model.ot).
/// `max_length` bounds the generated summary, in tokens.
pub fn write_summary_model(dir: &Path, seed: i64, max_length: i64) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::file(dir, format!("cannot create: {e}")))?;
    let table = byte_chars();
    let mut tokens: Vec<String> = ["<s>", "<pad>", "</s>", "<unk>"].iter().map(|s| s.to_string()).collect();
    // Printable ASCII and the space only: whatever the random weights generate then decodes to
    // readable text. Other bytes (accents) tokenise to <unk>, which is enough for a tiny model.
    tokens.extend((b' '..=b'~').map(|b| table[b as usize].to_string()));
    // A few merges, so that BPE really merges: "Ġt"+"h", "Ġth"+"e", ...
    let space = table[b' ' as usize];
    let merges: Vec<(String, String)> = [("t", "h"), ("e", "r"), ("i", "n"), ("a", "n"), ("o", "n"), ("e", "s")]
        .iter()
        .flat_map(|(a, b)| [(format!("{space}{a}"), b.to_string()), (a.to_string(), b.to_string())])
        .collect();
    for (a, b) in &merges {
        tokens.push(format!("{a}{b}"));
    }
    tokens.push("<mask>".into());
    tokens.dedup();
    let vocab: BTreeMap<&str, usize> = tokens.iter().enumerate().map(|(i, t)| (t.as_str(), i)).collect();
    let mut merges_txt = String::from("#version: 0.2\n");
    for (a, b) in &merges {
        merges_txt.push_str(&format!("{a} {b}\n"));
    }
    let config = serde_json::json!({
        "model_type": "bart",
        "activation_function": "gelu",
        "activation_dropout": 0.0,
        "attention_dropout": 0.0,
        "d_model": 32,
        "decoder_attention_heads": 2,
        "decoder_ffn_dim": 64,
        "decoder_layerdrop": 0.0,
        "decoder_layers": 2,
        "decoder_start_token_id": 2,
        "dropout": 0.1,
        "encoder_attention_heads": 2,
        "encoder_ffn_dim": 64,
        "encoder_layerdrop": 0.0,
        "encoder_layers": 2,
        "bos_token_id": 0,
        "eos_token_id": 2,
        "pad_token_id": 1,
        "init_std": 0.02,
        "is_encoder_decoder": true,
        "max_position_embeddings": 1024,
        "num_hidden_layers": 2,
        "normalize_embedding": true,
        "scale_embedding": false,
        "vocab_size": tokens.len(),
        "min_length": 4,
        "max_length": max_length,
        "num_beams": 1,
        "no_repeat_ngram_size": 3,
    });
    let parsed: BartConfig =
        serde_json::from_value(config.clone()).map_err(|e| Error::model(dir, format!("tiny BART config: {e}")))?;
    debug_assert!(matches!(parsed.activation_function, Some(Activation::gelu)));
    tch::manual_seed(seed);
    let vs = VarStore::new(Device::Cpu);
    BartForConditionalGeneration::new(vs.root(), &parsed);
    write(&dir.join("config.json"), serde_json::to_string_pretty(&config).expect("JSON"))?;
    write(&dir.join("vocab.json"), serde_json::to_string(&vocab).expect("JSON"))?;
    write(&dir.join("merges.txt"), merges_txt)?;
    let weights = dir.join("rust_model.ot");
    vs.save(&weights).map_err(|e| Error::file(&weights, e.to_string()))
}
