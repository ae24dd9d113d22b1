//! `acta`: turns free-text meeting and session reports into structured records.

mod eval;
mod eval_lang;
mod eval_summary;
mod pipeline;

use std::io::{BufReader, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use acta_export::{write_jsonl, write_jsonl_error, ErrorRow, Outputs};
use acta_input::{read_json_lines, walk, Found};
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use pipeline::{build, process, Profile, Settings, Work};

/// Reports are processed in batches of this many: memory stays flat whatever the dump's size,
/// and output keeps the input order.
const BATCH: usize = 256;

#[derive(Parser)]
#[command(name = "acta", version, about = "Turns free-text meeting and session reports into structured records")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract records from report files, directories, or JSON Lines on stdin ("-").
    Extract(ExtractArgs),
    /// Score records (reports.jsonl) against answer keys: precision, recall and F1 per field.
    Eval(eval::EvalArgs),
    /// Accuracy of language detection on labelled lines (e.g. ../shared/langid), per language and length.
    EvalLang(eval_lang::EvalLangArgs),
    /// ROUGE of acta's summaries against reference summaries in answer keys, next to lead-3.
    EvalSummary(eval_summary::EvalSummaryArgs),
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Files, directories (walked recursively: .txt, .md, .html, .htm) or "-" for JSON Lines
    /// records {"id": ..., "text": ...} on stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output directory for reports.csv, speakers.csv, entities.csv, errors.csv and reports.jsonl.
    #[arg(long, short)]
    out: Option<PathBuf>,
    /// Write the JSON Lines records to this file instead, or to stdout with "-".
    #[arg(long)]
    jsonl: Option<PathBuf>,
    /// Start each CSV file with a UTF-8 byte-order mark, for Excel.
    #[arg(long)]
    excel: bool,
    /// Worker threads (default: all cores).
    #[arg(long, short)]
    jobs: Option<usize>,
    /// Reports larger than this many bytes are refused.
    #[arg(long, default_value_t = 20 * 1024 * 1024)]
    max_bytes: u64,
    /// Candidate languages, ISO 639-1 codes separated by commas.
    #[arg(long, value_delimiter = ',', default_values_t = acta_lang::DEFAULT_LANGUAGES.iter().map(|s| s.to_string()))]
    languages: Vec<String>,
    /// A directory with extra labels.tsv / gazetteer TSV files that extend the bundled ones.
    #[arg(long)]
    models: Option<PathBuf>,
    /// Sentences per summary.
    #[arg(long, default_value_t = 3)]
    summary_sentences: usize,
    /// Summaries of at most this many characters instead of a number of sentences.
    #[arg(long)]
    summary_chars: Option<usize>,
    /// Print the time spent in each step (reading, each stage, records, writing) to stderr.
    #[arg(long)]
    profile: bool,
    /// No progress bar and no summary line.
    #[arg(long, short)]
    quiet: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (name, result) = match cli.command {
        Command::Extract(args) => ("acta", extract(args)),
        Command::Eval(args) => ("acta eval", eval::eval(args)),
        Command::EvalLang(args) => ("acta eval-lang", eval_lang::eval_lang(args)),
        Command::EvalSummary(args) => ("acta eval-summary", eval_summary::eval_summary(args)),
    };
    // A command's own failures (some reports, a bar not met) come back as its exit code; an error
    // here is a usage or set-up problem.
    result.unwrap_or_else(|e| {
        eprintln!("{name}: error: {e:#}");
        ExitCode::from(2)
    })
}

/// Where JSON Lines records go.
enum JsonlSink {
    None,
    Stdout(std::io::StdoutLock<'static>),
    File(PathBuf, std::io::BufWriter<std::fs::File>),
}

fn extract(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let to_stdout = args.jsonl.as_deref() == Some(std::path::Path::new("-"));
    if args.out.is_none() && args.jsonl.is_none() {
        eprintln!("acta: error: say where to write: --out DIR, or --jsonl - for stdout");
        return Ok(ExitCode::from(2));
    }
    if let Some(jobs) = args.jobs {
        rayon::ThreadPoolBuilder::new().num_threads(jobs.max(1)).build_global()?;
    }
    let pipeline = build(&Settings {
        languages: &args.languages,
        models: args.models.as_deref(),
        summary_sentences: args.summary_sentences,
        summary_chars: args.summary_chars,
    })?;
    let mut outputs = match &args.out {
        Some(dir) => Some(Outputs::create(dir, args.excel, args.jsonl.is_none())?),
        None => None,
    };
    let mut sink = match &args.jsonl {
        None => JsonlSink::None,
        Some(_) if to_stdout => JsonlSink::Stdout(std::io::stdout().lock()),
        Some(path) => JsonlSink::File(path.clone(), std::io::BufWriter::new(std::fs::File::create(path)?)),
    };

    let progress = if args.quiet {
        ProgressBar::hidden()
    } else {
        ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
    };
    progress
        .set_style(ProgressStyle::with_template("{spinner} {pos} reports {per_sec} {msg}").expect("valid template"));

    let files: Vec<PathBuf> = args.inputs.iter().filter(|p| p.as_os_str() != "-").cloned().collect();
    let read_stdin = args.inputs.iter().any(|p| p.as_os_str() == "-");
    let mut skipped = 0usize;
    let found = walk(&files).filter_map(|f| match f {
        Found::File(f) => Some(Work::File(f)),
        Found::Skipped(_) => {
            skipped += 1;
            None
        }
        Found::Error { source, error } => {
            Some(Work::Failed(ErrorRow { id: source.clone(), source, stage: "read".into(), error: error.to_string() }))
        }
    });
    let stdin_docs = read_stdin.then(|| {
        read_json_lines(BufReader::new(std::io::stdin()), args.max_bytes).map(|line| match line.result {
            Ok(doc) => Work::Document(doc),
            Err(e) => Work::Failed(ErrorRow {
                id: format!("stdin:{}", line.line),
                source: format!("stdin:{}", line.line),
                stage: "jsonl".into(),
                error: e.to_string(),
            }),
        })
    });
    let mut work = found.chain(stdin_docs.into_iter().flatten());

    let profile = Profile::default();
    let (mut reports, mut failures, mut speakers, mut entities) = (0usize, 0usize, 0usize, 0usize);
    loop {
        let batch: Vec<Work> = work.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            break;
        }
        let results: Vec<_> = batch.into_par_iter().map(|w| process(&pipeline, w, args.max_bytes, &profile)).collect();
        let writing = Instant::now();
        for result in results {
            match result {
                Ok(record) => {
                    reports += 1;
                    speakers += record.speakers.len();
                    entities += record.mentions.len();
                    if let Some(o) = outputs.as_mut() {
                        o.write(&record)?;
                    }
                    match &mut sink {
                        JsonlSink::None => {}
                        JsonlSink::Stdout(out) => {
                            write_jsonl(out, &record)?;
                            out.flush()?;
                        }
                        JsonlSink::File(_, out) => write_jsonl(out, &record)?,
                    }
                }
                Err(error) => {
                    failures += 1;
                    progress.suspend(|| eprintln!("acta: error: {}: {}", error.source, error.error));
                    if let Some(o) = outputs.as_mut() {
                        o.write_error(&error)?;
                    }
                    match &mut sink {
                        JsonlSink::Stdout(out) => {
                            write_jsonl_error(out, &error)?;
                            out.flush()?;
                        }
                        JsonlSink::File(_, out) => write_jsonl_error(out, &error)?,
                        JsonlSink::None => {}
                    }
                }
            }
            progress.inc(1);
        }
        profile.add("write", writing.elapsed());
    }
    progress.finish_and_clear();
    if args.profile {
        eprint!("{}", profile.report());
    }
    if let Some(o) = outputs {
        o.commit()?;
    }
    if let JsonlSink::File(path, mut out) = sink {
        out.flush().map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
    }
    if !args.quiet {
        eprintln!(
            "acta: {reports} reports, {speakers} speakers, {entities} entity mentions, {failures} failed, {skipped} files skipped, {:.2} s",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(if failures > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
