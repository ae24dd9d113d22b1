//! `acta eval-lang`: accuracy of the language detector on labelled lines (lingua-rs's test data:
//! `<lang>-single-words.txt`, `<lang>-word-pairs.txt`, `<lang>-sentences.txt`, one item a line).

use std::path::PathBuf;
use std::process::ExitCode;

use acta_lang::Detector;
use rayon::prelude::*;

#[derive(clap::Args)]
pub struct EvalLangArgs {
    /// Directory with `<lang>-<class>.txt` files.
    #[arg(long)]
    data: PathBuf,
    /// Candidate languages (default: acta's default set).
    #[arg(long, value_delimiter = ',', default_values_t = acta_lang::DEFAULT_LANGUAGES.iter().map(|s| s.to_string()))]
    languages: Vec<String>,
    /// Fail (exit 1) when acta's accuracy on sentences is below this for any language.
    #[arg(long)]
    require_sentences: Option<f64>,
    /// Fail (exit 1) when acta's accuracy on word pairs is below lingua's own (high-accuracy mode,
    /// same candidates) for any language.
    #[arg(long)]
    require_word_pairs_at_lingua: bool,
}

const CLASSES: [(&str, &str); 3] = [("single-words", "words"), ("word-pairs", "pairs"), ("sentences", "sentences")];

/// Share of lines detected as `expected` by `detect`; "unknown" counts as wrong.
fn accuracy(lines: &[String], expected: &str, detect: impl Fn(&str) -> Option<String> + Sync) -> f64 {
    let right = lines.par_iter().filter(|l| detect(l).as_deref() == Some(expected)).count();
    right as f64 / lines.len().max(1) as f64
}

pub fn eval_lang(args: EvalLangArgs) -> anyhow::Result<ExitCode> {
    let codes: Vec<&str> = args.languages.iter().map(String::as_str).collect();
    let detector = Detector::new(&codes)?;
    let mut langs: Vec<String> = std::fs::read_dir(&args.data)
        .map_err(|e| anyhow::anyhow!("{}: cannot read: {e}", args.data.display()))?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_suffix("-sentences.txt").map(str::to_string)
        })
        .collect();
    langs.sort();
    if langs.is_empty() {
        anyhow::bail!("{}: no <lang>-sentences.txt files", args.data.display());
    }
    println!(
        "acta eval-lang: {} with candidates {}\n(acta = acta's path: names masked, whatlang on long text, lingua + whatlang on sentences, lingua on short text; lingua = lingua high accuracy alone; whatlang = whatlang alone)",
        args.data.display(),
        args.languages.join(",")
    );
    println!("{:<5} {:<10} {:>6} {:>8} {:>8} {:>9}", "lang", "class", "items", "acta", "lingua", "whatlang");
    let mut failed = false;
    for lang in &langs {
        for (file, class) in CLASSES {
            let path = args.data.join(format!("{lang}-{file}.txt"));
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            let lines: Vec<String> = text.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect();
            // acta's own path: names, acronyms and numbers masked, then detected.
            let acta = accuracy(&lines, lang, |l| detector.detect_masked(l).map(|(x, _)| x.as_str().to_string()));
            let lingua = accuracy(&lines, lang, |l| detector.detect_accurate(l).map(|(x, _)| x.as_str().to_string()));
            let fast = accuracy(&lines, lang, |l| detector.detect_fast(l).map(|(x, _)| x.as_str().to_string()));
            println!(
                "{:<5} {:<10} {:>6} {:>7.1}% {:>7.1}% {:>8.1}%",
                lang,
                class,
                lines.len(),
                acta * 100.0,
                lingua * 100.0,
                fast * 100.0
            );
            if class == "sentences" {
                if let Some(bar) = args.require_sentences {
                    if acta < bar {
                        eprintln!("acta eval-lang: {lang} sentences {:.1}% is below {:.1}%", acta * 100.0, bar * 100.0);
                        failed = true;
                    }
                }
            }
            if class == "pairs" && args.require_word_pairs_at_lingua && acta + 1e-9 < lingua {
                eprintln!(
                    "acta eval-lang: {lang} word pairs {:.1}% is below lingua's {:.1}%",
                    acta * 100.0,
                    lingua * 100.0
                );
                failed = true;
            }
        }
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
