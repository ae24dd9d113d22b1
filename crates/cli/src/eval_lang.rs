//! `acta eval-lang`: accuracy of acta's language decision on labelled lines (lingua-rs's test data:
//! `<lang>-single-words.txt`, `<lang>-word-pairs.txt`, `<lang>-sentences.txt`, one item a line).
//!
//! Each line is read as `acta extract -` reads a JSON Lines record and goes through the same
//! layout and language stages, so the "acta" column is the figure of the program users run.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use acta_doc::Pipeline;
use acta_input::read_json_lines;
use acta_lang::Detector;
use rayon::prelude::*;

use crate::pipeline::{build_language, process_group, Profile, Settings};

#[derive(clap::Args)]
pub struct EvalLangArgs {
    /// Directory with `<lang>-<class>.txt` files.
    #[arg(long)]
    data: PathBuf,
    /// Candidate languages (default: acta's default set).
    #[arg(long, value_delimiter = ',', default_values_t = acta_lang::DEFAULT_LANGUAGES.iter().map(|s| s.to_string()))]
    languages: Vec<String>,
    /// Directory of additions to the bundled models, as for `acta extract --models`.
    #[arg(long)]
    models: Option<PathBuf>,
    /// Fail (exit 1) when acta's accuracy on sentences is below this for any language.
    #[arg(long)]
    require_sentences: Option<f64>,
    /// Fail (exit 1) when acta's accuracy on word pairs is below lingua's own (high-accuracy mode,
    /// same candidates) for any language.
    #[arg(long)]
    require_word_pairs_at_lingua: bool,
    /// Also write each line's answer as TSV (`file`, `line`, `expected`, `language`, `confidence`)
    /// to this file, to compare with `acta extract` or to read the misses.
    #[arg(long)]
    answers: Option<PathBuf>,
}

const CLASSES: [(&str, &str); 3] = [("single-words", "words"), ("word-pairs", "pairs"), ("sentences", "sentences")];

/// Confidence bands of the accuracy-by-confidence table: lower bounds, highest first.
const BANDS: [f64; 5] = [0.9, 0.7, 0.5, 0.3, 0.0];

/// acta's answer for one line: the report language and its confidence (`None`: unknown).
type Answer = (Option<String>, f64);

/// Runs each line through `pipeline` as a JSON Lines record of `acta extract -`.
fn acta_answers(pipeline: &Pipeline, lines: &[String]) -> Vec<Answer> {
    let profile = Profile::default();
    lines
        .par_chunks(64)
        .flat_map_iter(|chunk| {
            let mut jsonl = Vec::new();
            for (i, line) in chunk.iter().enumerate() {
                let record = serde_json::json!({ "id": i.to_string(), "text": line });
                serde_json::to_writer(&mut jsonl, &record).expect("a JSON value serialises");
                jsonl.push(b'\n');
            }
            let docs: Vec<_> = read_json_lines(std::io::Cursor::new(jsonl), u64::MAX)
                .map(|line| (line.result.expect("records written above parse"), Vec::new()))
                .collect();
            process_group(pipeline, docs, &profile)
                .into_iter()
                .map(|r| r.map_or((None, 0.0), |record| (record.language, record.language_confidence)))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Share of lines detected as `expected` by `detect`; "unknown" counts as wrong.
fn accuracy(lines: &[String], expected: &str, detect: impl Fn(&str) -> Option<String> + Sync) -> f64 {
    let right = lines.par_iter().filter(|l| detect(l).as_deref() == Some(expected)).count();
    right as f64 / lines.len().max(1) as f64
}

/// Right and total answers per confidence band.
#[derive(Default)]
struct Bands([(usize, usize); BANDS.len()]);

impl Bands {
    fn add(&mut self, confidence: f64, right: bool) {
        let band = BANDS.iter().position(|low| confidence >= *low).unwrap_or(BANDS.len() - 1);
        self.0[band].1 += 1;
        self.0[band].0 += usize::from(right);
    }

    fn print(&self, title: &str) {
        println!("{title}");
        println!("  {:<11} {:>6} {:>8}", "confidence", "items", "accuracy");
        let mut high = 1.0;
        for (low, (right, total)) in BANDS.iter().zip(self.0) {
            let band = format!("{low:.1}-{high:.1}");
            high = *low;
            if total == 0 {
                println!("  {band:<11} {total:>6} {:>8}", "-");
            } else {
                println!("  {band:<11} {total:>6} {:>7.1}%", 100.0 * right as f64 / total as f64);
            }
        }
    }
}

pub fn eval_lang(args: EvalLangArgs) -> anyhow::Result<ExitCode> {
    let codes: Vec<&str> = args.languages.iter().map(String::as_str).collect();
    let detector = Detector::new(&codes)?;
    let pipeline = build_language(&Settings {
        languages: &args.languages,
        models: args.models.as_deref(),
        summary_sentences: Some(0),
        summary_chars: None,
        ner_model: None,
        summary_model: None,
        fallback: false,
        model_instances: 1,
    })?;
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
    let mut answers_out = match &args.answers {
        Some(path) => {
            let file =
                std::fs::File::create(path).map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", path.display()))?;
            let mut out = std::io::BufWriter::new(file);
            writeln!(out, "file\tline\texpected\tlanguage\tconfidence")?;
            Some(out)
        }
        None => None,
    };
    println!(
        "acta eval-lang: {} with candidates {}\n(acta = each line as a report of `acta extract -`: layout, names masked, function words, whatlang and lingua, the report-level decision; lingua = lingua high accuracy alone; whatlang = whatlang alone)",
        args.data.display(),
        args.languages.join(",")
    );
    println!("{:<5} {:<10} {:>6} {:>8} {:>8} {:>9}", "lang", "class", "items", "acta", "lingua", "whatlang");
    let mut failed = false;
    let mut bands: Vec<(&str, Bands)> = CLASSES.iter().map(|(_, class)| (*class, Bands::default())).collect();
    for lang in &langs {
        for (file, class) in CLASSES {
            let name = format!("{lang}-{file}.txt");
            let path = args.data.join(&name);
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            let lines: Vec<String> = text.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect();
            let answers = acta_answers(&pipeline, &lines);
            let class_bands = &mut bands.iter_mut().find(|(c, _)| *c == class).expect("every class has bands").1;
            let mut right = 0;
            for (i, (language, confidence)) in answers.iter().enumerate() {
                let is_right = language.as_deref() == Some(lang.as_str());
                right += usize::from(is_right);
                class_bands.add(*confidence, is_right);
                if let Some(out) = answers_out.as_mut() {
                    writeln!(out, "{name}\t{}\t{lang}\t{}\t{confidence}", i + 1, language.as_deref().unwrap_or(""))?;
                }
            }
            let acta = right as f64 / lines.len().max(1) as f64;
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
    println!();
    for (class, class_bands) in &bands {
        class_bands.print(&format!("acta's accuracy by its confidence, {class} (all languages):"));
    }
    if let Some(mut out) = answers_out {
        out.flush()?;
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
