//! Abstractive summaries (rust-bert's BART summarisation). A report longer than the model's input
//! is cut into chunks along its sections, each chunk is summarised, and the chunk summaries are
//! joined in document order.

use std::path::Path;

use acta_doc::ByteRange;
use rust_bert::pipelines::common::ModelType;
use rust_bert::pipelines::summarization::{SummarizationConfig, SummarizationModel};
use rust_bert::resources::LocalResource;
use rust_tokenizers::tokenizer::{RobertaTokenizer, Tokenizer};
use tch::Device;

use crate::error::{guarded, load, Error, Result};
use crate::model_dir::{check_summary_dir, SummaryModelDir};
use crate::pool::Pool;

/// A loaded summarisation model: a pool of instances and a tokenizer to measure chunks with.
pub struct SummaryBackend {
    pool: Pool<SummarizationModel>,
    tokenizer: RobertaTokenizer,
    model: SummaryModelDir,
}

impl SummaryBackend {
    /// Checks the directory, then loads `instances` copies of the model (at least one).
    pub fn load(dir: &Path, instances: usize) -> Result<SummaryBackend> {
        let model = check_summary_dir(dir)?;
        let tokenizer = RobertaTokenizer::from_file(path_str(&model.vocab)?, path_str(&model.merges)?, false, false)
            .map_err(|e| Error::model(&model.dir, format!("cannot read the tokenizer files: {e}")))?;
        let mut pool = Vec::new();
        for _ in 0..instances.max(1) {
            pool.push(load_one(&model)?);
        }
        Ok(SummaryBackend { pool: Pool::new(pool), tokenizer, model })
    }

    /// Tokens one chunk may hold.
    pub fn max_input_tokens(&self) -> usize {
        self.model.max_input_tokens
    }

    pub fn instances(&self) -> usize {
        self.pool.size()
    }

    /// The chunks a text is cut into: whole sections together while they fit, a longer section
    /// cut at line ends (a longer line at spaces).
    pub fn chunks(&self, text: &str, sections: &[ByteRange]) -> Vec<ByteRange> {
        let limit = self.model.max_input_tokens.max(8);
        let count = |s: &str| self.tokenizer.tokenize(s).len();
        let whole = [ByteRange { start: 0, end: text.len() }];
        let sections = if sections.is_empty() { &whole[..] } else { sections };
        // Units that fit, with their token counts, in document order.
        let mut units: Vec<(ByteRange, usize)> = Vec::new();
        for &section in sections {
            let s = section.slice(text);
            if s.trim().is_empty() {
                continue;
            }
            let n = count(s);
            if n <= limit {
                units.push((section, n));
                continue;
            }
            let mut at = section.start;
            for line in s.split_inclusive('\n') {
                let range = ByteRange { start: at, end: at + line.len() };
                at += line.len();
                let n = count(line);
                if n <= limit {
                    units.push((range, n));
                    continue;
                }
                let mut w = range.start;
                for word in line.split_inclusive(' ') {
                    units.push((ByteRange { start: w, end: w + word.len() }, count(word).max(1)));
                    w += word.len();
                }
            }
        }
        let mut chunks: Vec<ByteRange> = Vec::new();
        let mut current: Option<(ByteRange, usize)> = None;
        for (range, n) in units {
            current = match current {
                Some((c, used)) if used + n <= limit => Some((ByteRange { start: c.start, end: range.end }, used + n)),
                Some((c, _)) => {
                    chunks.push(c);
                    Some((range, n))
                }
                None => Some((range, n)),
            };
        }
        chunks.extend(current.map(|(c, _)| c));
        chunks.retain(|c| !c.slice(text).trim().is_empty());
        chunks
    }

    /// The summary of a text, from the summaries of its chunks (all chunks in one batched call).
    /// `None` when the text has nothing to summarise or the model wrote nothing.
    pub fn summarize(&self, text: &str, sections: &[ByteRange]) -> Result<Option<String>> {
        let chunks = self.chunks(text, sections);
        if chunks.is_empty() {
            return Ok(None);
        }
        let inputs: Vec<&str> = chunks.iter().map(|r| r.slice(text)).collect();
        let outputs = guarded(&self.model.dir, "inference failed", || self.pool.with(|m| m.summarize(&inputs)))?;
        let joined = outputs.iter().map(|s| printable(s)).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ");
        Ok((!joined.is_empty()).then_some(joined))
    }
}

/// A generated text on one line, printable: byte-level models can emit control characters and
/// byte sequences that are not UTF-8 (decoded as U+FFFD); neither belongs in a CSV cell.
fn printable(s: &str) -> String {
    let cleaned: String =
        s.chars().map(|c| if c.is_control() { ' ' } else { c }).filter(|&c| c != char::REPLACEMENT_CHARACTER).collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn path_str(path: &Path) -> Result<&str> {
    path.to_str().ok_or_else(|| Error::file(path, "the path is not valid UTF-8 (rust-bert needs UTF-8 paths)"))
}

fn load_one(model: &SummaryModelDir) -> Result<SummarizationModel> {
    let local = |p: &Path| LocalResource { local_path: p.to_path_buf() };
    let mut config = SummarizationConfig::new(
        ModelType::Bart,
        local(&model.weights),
        local(&model.config),
        local(&model.vocab),
        Some(local(&model.merges)),
    );
    config.min_length = model.min_length;
    config.max_length = Some(model.max_length);
    config.num_beams = model.num_beams;
    config.no_repeat_ngram_size = model.no_repeat_ngram_size;
    config.device = Device::Cpu;
    load(&model.dir, &model.weights, || SummarizationModel::new(config))
}

#[cfg(test)]
mod tests {
    #[test]
    fn generated_text_is_made_printable_on_one_line() {
        assert_eq!(super::printable("a\u{7}b\n\n c\u{FFFD}d  "), "a b cd");
    }
}
