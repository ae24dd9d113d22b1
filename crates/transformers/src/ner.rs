//! Token-classification NER (rust-bert) over a report's text, as byte-offset spans.

use std::path::Path;

use acta_doc::ByteRange;
use acta_entities::{ModelLabel, ModelSpan};
use rust_bert::pipelines::token_classification::{
    LabelAggregationOption, Token, TokenClassificationConfig, TokenClassificationModel,
};
use rust_bert::resources::LocalResource;
use tch::Device;

use crate::error::{guarded, load, Result};
use crate::model_dir::{check_ner_dir, NerModelDir};
use crate::pool::Pool;

/// Characters per chunk handed to the model. Chunks end at line ends (or spaces in a very long
/// line), so no entity is cut; rust-bert windows a chunk longer than the model's input itself.
const CHUNK_CHARS: usize = 2_000;

/// A loaded NER model: a pool of instances and the labels it can give.
pub struct NerBackend {
    pool: Pool<TokenClassificationModel>,
    model: NerModelDir,
}

/// One entity as the model gave it, before the merge.
#[derive(Debug, Clone, PartialEq)]
pub struct NerEntity {
    /// The model's type without the B-/I- tag ("PER", "ORG", "LOC", "MISC").
    pub label: String,
    pub range: ByteRange,
    pub score: f64,
}

impl NerBackend {
    /// Checks the directory, then loads `instances` copies of the model (at least one).
    pub fn load(dir: &Path, instances: usize) -> Result<NerBackend> {
        let model = check_ner_dir(dir)?;
        let mut pool = Vec::new();
        for _ in 0..instances.max(1) {
            pool.push(load_one(&model)?);
        }
        Ok(NerBackend { pool: Pool::new(pool), model })
    }

    /// The model's labels by id, as its config.json gives them.
    pub fn labels(&self) -> &[String] {
        &self.model.labels
    }

    pub fn instances(&self) -> usize {
        self.pool.size()
    }

    /// The entities in `text`, with byte ranges into it. All chunks of the text go to the model
    /// in one batched call.
    pub fn entities(&self, text: &str) -> Result<Vec<NerEntity>> {
        let chunks = chunks(text, CHUNK_CHARS);
        if chunks.is_empty() {
            return Ok(Vec::new());
        }
        let inputs: Vec<&str> = chunks.iter().map(|r| r.slice(text)).collect();
        // Words with their labels, "O" included: acta joins B-/I- tags into entities itself, with
        // the mean of their scores (rust-bert's own grouping multiplies them, so long names score ~0).
        let predicted =
            guarded(&self.model.dir, "inference failed", || self.pool.with(|m| m.predict(&inputs, true, false)))?;
        let mut out = Vec::new();
        for (chunk, tokens) in chunks.iter().zip(predicted) {
            // The model's offsets count characters of the chunk; acta's count bytes of the text.
            let piece = chunk.slice(text);
            let mut byte_at: Vec<usize> = piece.char_indices().map(|(b, _)| b).collect();
            byte_at.push(piece.len());
            for (label, begin, end, score) in group_bio(&tokens) {
                if begin >= end || end >= byte_at.len() {
                    continue;
                }
                out.push(NerEntity {
                    label,
                    range: ByteRange { start: chunk.start + byte_at[begin], end: chunk.start + byte_at[end] },
                    score,
                });
            }
        }
        Ok(out)
    }

    /// The entities as spans for [`acta_entities::merge_model_spans`]; MISC and unknown types dropped.
    pub fn spans(&self, text: &str) -> Result<Vec<ModelSpan>> {
        Ok(self
            .entities(text)?
            .into_iter()
            .filter_map(|e| {
                ModelLabel::parse(&e.label).map(|label| ModelSpan { label, range: e.range, score: e.score as f32 })
            })
            .collect())
    }
}

fn load_one(model: &NerModelDir) -> Result<TokenClassificationModel> {
    let local = |p: &Path| LocalResource { local_path: p.to_path_buf() };
    let mut config = TokenClassificationConfig::new(
        model.model_type,
        local(&model.weights),
        local(&model.config),
        local(&model.vocab),
        model.merges.as_deref().map(local),
        model.lower_case,
        model.strip_accents,
        model.add_prefix_space,
        LabelAggregationOption::First,
    );
    config.device = Device::Cpu;
    load(&model.dir, &model.weights, || TokenClassificationModel::new(config))
}

/// Joins tagged words into entities (type, first char, end char, mean score): a B- tag starts
/// one, an I- (or E-) tag of the same type continues it, S- is one on its own, O ends it. An I-
/// tag after O or another type starts an entity too, as seqeval reads such tags.
pub(crate) fn group_bio(tokens: &[Token]) -> Vec<(String, usize, usize, f64)> {
    let mut out = Vec::new();
    // (type, begin, end, score sum, words)
    let mut open: Option<(String, usize, usize, f64, usize)> = None;
    let mut close = |open: &mut Option<(String, usize, usize, f64, usize)>| {
        if let Some((kind, b, e, sum, n)) = open.take() {
            out.push((kind, b, e, sum / n as f64));
        }
    };
    for t in tokens {
        let Some(offset) = t.offset else { continue };
        let (begin, end) = (offset.begin as usize, offset.end as usize);
        let (tag, kind) = t.label.split_once('-').unwrap_or((t.label.as_str(), ""));
        let score = if t.score.is_finite() { t.score } else { 0.0 };
        match tag {
            "I" | "E" if open.as_ref().is_some_and(|o| o.0 == kind) => {
                let o = open.as_mut().expect("open entity");
                o.2 = end;
                o.3 += score;
                o.4 += 1;
                if tag == "E" {
                    close(&mut open);
                }
            }
            "B" | "I" | "E" | "S" => {
                close(&mut open);
                open = Some((kind.to_string(), begin, end, score, 1));
                if matches!(tag, "E" | "S") {
                    close(&mut open);
                }
            }
            _ => close(&mut open),
        }
    }
    close(&mut open);
    out
}

/// Ranges of at most about `max_chars` characters covering the non-blank text, cut at line ends,
/// or at spaces inside a longer line.
pub(crate) fn chunks(text: &str, max_chars: usize) -> Vec<ByteRange> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = 0;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let line_chars = line.chars().count();
        if let Some(s) = start {
            if chars + line_chars > max_chars {
                out.push(ByteRange { start: s, end: line_start });
                start = None;
                chars = 0;
            }
        }
        if line_chars > max_chars {
            // One long line: cut at the last space before each limit.
            let mut from = line_start;
            let end = line_start + line.len();
            while end - from > 0 {
                let rest = &text[from..end];
                let limit = rest.char_indices().nth(max_chars).map_or(rest.len(), |(b, _)| b);
                let cut = if limit == rest.len() { limit } else { rest[..limit].rfind(' ').map_or(limit, |b| b + 1) };
                let cut = if cut == 0 { limit } else { cut };
                out.push(ByteRange { start: from, end: from + cut });
                from += cut;
            }
        } else {
            if start.is_none() {
                start = Some(line_start);
            }
            chars += line_chars;
        }
        line_start += line.len();
    }
    if let Some(s) = start {
        out.push(ByteRange { start: s, end: text.len() });
    }
    out.retain(|r| !r.slice(text).trim().is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::chunks;

    #[test]
    fn chunks_cover_the_text_at_line_ends_and_spaces() {
        let text = "uno dos\ntres cuatro cinco\n\nséis siete ocho nueve diez once doce\nfin";
        for max in [4, 10, 20, 1000] {
            let cs = chunks(text, max);
            let joined: String = cs.iter().map(|r| r.slice(text)).collect();
            let squash = |s: &str| s.split_whitespace().collect::<String>();
            assert_eq!(squash(&joined), squash(text), "max {max}");
            for w in cs.windows(2) {
                assert!(w[0].end <= w[1].start);
            }
            for c in &cs {
                assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
                if max >= 20 {
                    assert!(c.slice(text).chars().count() <= max, "{max}: {:?}", c.slice(text));
                }
            }
        }
    }
}
