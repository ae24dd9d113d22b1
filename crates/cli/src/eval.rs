//! `acta eval`: scores a reports.jsonl against a directory of answer keys.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

use acta_eval::{load_keys, load_records, record_key_candidates, Field, Scorer};

#[derive(clap::Args)]
pub struct EvalArgs {
    /// Directory of answer keys (*.json, searched recursively), in the format of GOLD.md.
    #[arg(long)]
    gold: PathBuf,
    /// The records acta wrote (reports.jsonl).
    records: PathBuf,
    /// List every miss, extra and wrong speaker attribute, report by report.
    #[arg(long, short)]
    verbose: bool,
    /// Fail (exit 1) when a field's F1 is below a bar, e.g. `--require speakers=0.95,countries=0.95`.
    #[arg(long, value_delimiter = ',')]
    require: Vec<String>,
}

pub fn eval(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let keys = load_keys(&args.gold)?;
    let records = load_records(&args.records)?;
    let mut bars: Vec<(Field, f64)> = Vec::new();
    for r in &args.require {
        let (field, bar) = r
            .split_once('=')
            .ok_or_else(|| anyhow::anyhow!("--require {r}: expected FIELD=MIN, e.g. speakers=0.95"))?;
        let field =
            Field::parse(field.trim()).ok_or_else(|| anyhow::anyhow!("--require {r}: unknown field {field:?}"))?;
        let bar: f64 = bar.trim().parse().map_err(|_| anyhow::anyhow!("--require {r}: {bar:?} is not a number"))?;
        bars.push((field, bar));
    }
    // Key id -> record. A record may answer to its id, its path without extension, its first
    // path component or its file stem; the first key that claims it wins.
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for (i, rec) in records.iter().enumerate() {
        for name in record_key_candidates(&rec.id) {
            by_name.entry(name).or_insert(i);
        }
    }
    let mut scorer = Scorer::default();
    let mut used = vec![false; records.len()];
    for (path, key) in &keys {
        let mut names = vec![key.id.clone()];
        if let Some(source) = &key.source {
            names.extend(record_key_candidates(source));
        }
        let found = names.iter().find_map(|n| by_name.get(n).copied());
        if found.is_none() {
            eprintln!("acta eval: no record for answer key {} ({})", key.id, path.display());
        }
        if let Some(i) = found {
            used[i] = true;
        }
        scorer.add(key, found.map(|i| &records[i]));
    }
    let unscored = used.iter().filter(|u| !**u).count();
    println!(
        "acta eval: {} answer keys from {}, {} records from {} ({} without a key, not scored)",
        keys.len(),
        args.gold.display(),
        records.len(),
        args.records.display(),
        unscored
    );
    if args.verbose {
        for block in &scorer.details {
            print!("\n{block}");
        }
        println!();
    }
    print!("{}", scorer.table());
    if scorer.by_language.len() > 1 {
        print!("F1 by language of the answer keys:\n{}", scorer.language_table());
    }
    let mut failed = false;
    for (field, bar) in bars {
        let f1 = scorer.field(field).f1();
        if f1 < bar {
            eprintln!("acta eval: {} F1 {f1:.3} is below the required {bar:.3}", field.name());
            failed = true;
        }
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
