//! `acta eval-summary`: ROUGE of acta's summaries against the reference summaries of answer keys,
//! next to the lead-3 baseline (the first three sentences of the report's text). Tokens are
//! folded as a standard ROUGE on accented text is run: NFKD, accents dropped, lower case, words.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use acta_eval::rouge::{rouge, Rouge};
use acta_eval::{load_keys, record_key_candidates};
use serde_json::Value;

#[derive(clap::Args)]
pub struct EvalSummaryArgs {
    /// Directory of answer keys; those with a "summary" field are scored.
    #[arg(long)]
    gold: PathBuf,
    /// The records acta wrote (reports.jsonl).
    records: PathBuf,
    /// Print each report's scores and both summaries.
    #[arg(long, short)]
    verbose: bool,
    /// Fail (exit 1) unless acta beats lead-3 on ROUGE-1 and ROUGE-L F1, on average and in each language.
    #[arg(long)]
    require_above_lead3: bool,
    /// Fail (exit 1) unless acta's ROUGE-L F1 is at least lead-3's plus this margin, on average and
    /// in each language.
    #[arg(long)]
    require_rougel_margin: Option<f64>,
}

/// Lead-3, the standard baseline: the first three sentences of the report's text, its whitespace
/// collapsed, a sentence ending at `.`, `!` or `?` before a space.
fn lead3(record: &Value) -> String {
    let text = record["text"].as_str().unwrap_or("");
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut end = 0;
    let mut sentences = 0;
    let bytes = collapsed.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if matches!(b, b'.' | b'!' | b'?') && bytes.get(i + 1) == Some(&b' ') {
            sentences += 1;
            end = i + 1;
            if sentences == 3 {
                break;
            }
        }
    }
    if sentences < 3 {
        end = collapsed.len();
    }
    collapsed[..end].to_string()
}

#[derive(Default)]
struct Sum {
    n: usize,
    acta: [f64; 3],
    lead: [f64; 3],
}

impl Sum {
    fn add(&mut self, acta: &Rouge, lead: &Rouge) {
        self.n += 1;
        for (slot, v) in self.acta.iter_mut().zip([acta.r1.f1, acta.r2.f1, acta.rl.f1]) {
            *slot += v;
        }
        for (slot, v) in self.lead.iter_mut().zip([lead.r1.f1, lead.r2.f1, lead.rl.f1]) {
            *slot += v;
        }
    }
    fn mean(&self, v: &[f64; 3]) -> [f64; 3] {
        v.map(|x| x / self.n.max(1) as f64)
    }
}

pub fn eval_summary(args: EvalSummaryArgs) -> anyhow::Result<ExitCode> {
    let keys = load_keys(&args.gold)?;
    let text = std::fs::read_to_string(&args.records)
        .map_err(|e| anyhow::anyhow!("{}: cannot read: {e}", args.records.display()))?;
    let records: Vec<Value> =
        text.lines().filter(|l| !l.trim().is_empty()).map(serde_json::from_str).collect::<Result<_, _>>()?;
    let mut by_lang: BTreeMap<String, Sum> = BTreeMap::new();
    let mut all = Sum::default();
    for (path, _) in &keys {
        let key: Value = serde_json::from_str(&std::fs::read_to_string(path)?)?;
        let Some(reference) = key["summary"].as_str() else { continue };
        let id = key["id"].as_str().unwrap_or("");
        let Some(record) =
            records.iter().find(|r| record_key_candidates(r["id"].as_str().unwrap_or("")).iter().any(|c| c == id))
        else {
            eprintln!("acta eval-summary: no record for answer key {id}");
            continue;
        };
        let summary = record["summary"].as_str().unwrap_or("");
        if !record["text"].is_string() {
            anyhow::bail!(
                "{}: record {id} has no \"text\", which lead-3 is taken from: run acta extract with --with-text",
                args.records.display()
            );
        }
        let baseline = lead3(record);
        let (a, l) = (rouge(summary, reference), rouge(&baseline, reference));
        let lang = key["language"].as_str().unwrap_or("?").to_string();
        by_lang.entry(lang).or_default().add(&a, &l);
        all.add(&a, &l);
        if args.verbose {
            println!(
                "{id}: acta R1 {:.3} RL {:.3} | lead-3 R1 {:.3} RL {:.3}\n  acta:   {summary}\n  lead-3: {baseline}\n",
                a.r1.f1, a.rl.f1, l.r1.f1, l.rl.f1
            );
        }
    }
    if all.n == 0 {
        anyhow::bail!("{}: no answer key has a \"summary\"", args.gold.display());
    }
    println!(
        "acta eval-summary: {} reference summaries from {} (ROUGE F1, mean over reports)",
        all.n,
        args.gold.display()
    );
    println!(
        "{:<6} {:>3}   {:>7} {:>7} {:>7}   {:>7} {:>7} {:>7}",
        "lang", "n", "acta R1", "R2", "RL", "lead3 R1", "R2", "RL"
    );
    let mut failed = false;
    let mut below_margin = false;
    let mut row = |name: &str, s: &Sum| {
        let (a, l) = (s.mean(&s.acta), s.mean(&s.lead));
        println!(
            "{:<6} {:>3}   {:>7.3} {:>7.3} {:>7.3}   {:>8.3} {:>7.3} {:>7.3}",
            name, s.n, a[0], a[1], a[2], l[0], l[1], l[2]
        );
        if a[0] <= l[0] || a[2] <= l[2] {
            failed = true;
        }
        if args.require_rougel_margin.is_some_and(|m| a[2] < l[2] + m) {
            below_margin = true;
        }
    };
    for (lang, s) in &by_lang {
        row(lang, s);
    }
    row("all", &all);
    if args.require_above_lead3 && failed {
        eprintln!("acta eval-summary: acta is not above lead-3 on ROUGE-1 and ROUGE-L everywhere");
        return Ok(ExitCode::from(1));
    }
    if let Some(margin) = args.require_rougel_margin.filter(|_| below_margin) {
        eprintln!("acta eval-summary: acta's ROUGE-L is not lead-3's + {margin:.3} everywhere");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
