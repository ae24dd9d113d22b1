//! `acta`: turns free-text meeting and session reports into structured records.

mod eval;
mod eval_lang;
mod eval_summary;
mod models;
mod pipeline;

use std::io::{BufReader, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use acta_export::{write_error_row, write_jsonl, write_jsonl_error, write_table_rows, Committed, ErrorRow, Outputs};
use acta_input::{read_json_lines_as, walk, Found};
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use pipeline::{build, process_group, read, Profile, Reading, Settings, Work};

/// Each report makes thousands of small strings and vectors that live for one stage; mimalloc's
/// thread-local free lists serve them with less work than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// One self-contained HTML page of charts over an output directory or an --sqlite database.
    Overview(OverviewArgs),
    /// Print the columns of a table (reports, speakers, entities, errors), one per line.
    Columns {
        #[arg(value_parser = ["reports", "speakers", "entities", "errors"])]
        table: String,
    },
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Files, directories (walked recursively: .txt, .md, .markdown, .html, .htm) or "-" for JSON Lines
    /// records {"id": ..., "text": ...} on stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output directory for reports.csv, speakers.csv, entities.csv, errors.csv and reports.jsonl.
    #[arg(long, short)]
    out: Option<PathBuf>,
    /// Write the JSON Lines records to this file instead, or to stdout with "-".
    #[arg(long)]
    jsonl: Option<PathBuf>,
    /// Write every table row (reports, speakers, entities, errors; the CSV files' columns, typed) as
    /// one JSON line {"table": ..., column: value...} to this file, or to stdout with "-".
    #[arg(long)]
    rows: Option<PathBuf>,
    /// Also keep the tables in this SQLite database, updated incrementally: reports already there
    /// with the same sha256 are skipped, changed ones replaced, new ones added.
    #[arg(long)]
    sqlite: Option<PathBuf>,
    /// Start each CSV file with a UTF-8 byte-order mark, for Excel.
    #[arg(long)]
    excel: bool,
    /// Worker threads (default: all cores).
    #[arg(long, short)]
    jobs: Option<usize>,
    /// How the inputs are written: text, markdown or html. By default a file's extension says
    /// (.md, .markdown, .html, .htm), and for other files and JSON Lines records the text shows it
    /// (see the README, "Markdown and HTML").
    #[arg(long, value_parser = parse_format)]
    format: Option<acta_doc::TextFormat>,
    /// Reports larger than this many bytes are refused.
    #[arg(long, default_value_t = 20 * 1024 * 1024)]
    max_bytes: u64,
    /// Candidate languages, ISO 639-1 codes separated by commas.
    #[arg(long, value_delimiter = ',', default_values_t = acta_lang::DEFAULT_LANGUAGES.iter().map(|s| s.to_string()))]
    languages: Vec<String>,
    /// A directory with extra labels.tsv / gazetteer TSV files that extend the bundled ones.
    #[arg(long)]
    models: Option<PathBuf>,
    /// Sentences per summary, the first one composed from the record included (default: 3
    /// sentences and one naming the first speakers, at most 80 words in all).
    #[arg(long)]
    summary_sentences: Option<usize>,
    /// Summaries of at most this many characters instead of a number of sentences.
    #[arg(long)]
    summary_chars: Option<usize>,
    /// Continue an interrupted run in --out: reports already written there (same id and content) and
    /// reports that already failed are skipped, and new rows are appended.
    #[arg(long, requires = "out")]
    resume: bool,
    /// Reports per batch. Each batch is processed in parallel, then appended to the outputs and
    /// committed, while the next is processed when the input is files and there is no --sqlite: a
    /// killed run loses at most the two batches in flight. Memory grows with it.
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u16).range(1..))]
    batch_size: u16,
    /// Seconds between checkpoints, at which the files are flushed to disk and their committed
    /// lengths recorded (0: after every batch). A killed run resumes from the last one.
    #[arg(long, default_value_t = 1.0)]
    checkpoint_seconds: f64,
    /// A token-classification NER model directory (config.json, vocab.txt, rust_model.ot): its
    /// people, organisations and places are merged with acta's own entities. Needs acta built with
    /// the `transformers` feature.
    #[arg(long, value_name = "DIR")]
    ner_model: Option<PathBuf>,
    /// A BART summarisation model directory (config.json, vocab.json, merges.txt, rust_model.ot):
    /// writes summary_abstractive. Needs the `transformers` feature.
    #[arg(long, value_name = "DIR")]
    summary_model: Option<PathBuf>,
    /// When a model cannot be loaded or fails on a report, keep acta's own extraction and add a
    /// warning instead of failing.
    #[arg(long)]
    fallback: bool,
    /// Write each report's cleaned text (the "text" field, which every start/end offset points
    /// into) in the JSON Lines records. Without it the records leave it out (a fifth of their size
    /// on real reports).
    #[arg(long)]
    with_text: bool,
    /// Print the time spent in each step (reading, each stage, records, writing) to stderr.
    #[arg(long)]
    profile: bool,
    /// No progress bar and no summary line.
    #[arg(long, short)]
    quiet: bool,
}

fn parse_format(s: &str) -> Result<acta_doc::TextFormat, String> {
    acta_doc::TextFormat::parse(s).ok_or_else(|| format!("{s:?} is none of text, markdown, html"))
}

/// Output piped into a reader that stops early (`acta eval -v | head`) ends the process quietly,
/// as it does other command-line tools: Rust ignores SIGPIPE, so each later print would fail with
/// a broken pipe (a panic in `println!`, an error row in the writers) instead.
#[cfg(unix)]
fn end_quietly_on_a_closed_pipe() {
    // SAFETY: called first thing in main, before any other thread exists; it only sets SIGPIPE's
    // disposition back to the default.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn main() -> ExitCode {
    #[cfg(unix)]
    end_quietly_on_a_closed_pipe();
    let cli = Cli::parse();
    let (name, result) = match cli.command {
        Command::Extract(args) => ("acta", extract(args)),
        Command::Eval(args) => ("acta eval", eval::eval(args)),
        Command::EvalLang(args) => ("acta eval-lang", eval_lang::eval_lang(args)),
        Command::EvalSummary(args) => ("acta eval-summary", eval_summary::eval_summary(args)),
        Command::Overview(args) => ("acta overview", overview(args)),
        Command::Columns { table } => {
            let columns = match table.as_str() {
                "reports" => acta_export::REPORT_COLUMNS,
                "speakers" => acta_export::SPEAKER_COLUMNS,
                "entities" => acta_export::ENTITY_COLUMNS,
                _ => acta_export::ERROR_COLUMNS,
            };
            println!("{}", columns.join("\n"));
            return ExitCode::SUCCESS;
        }
    };
    // A command's own failures (some reports, a bar not met) come back as its exit code; an error
    // here is a usage or set-up problem.
    result.unwrap_or_else(|e| {
        eprintln!("{name}: error: {e:#}");
        ExitCode::from(2)
    })
}

#[derive(clap::Args)]
struct OverviewArgs {
    /// An output directory of `acta extract --out`, or a database of `acta extract --sqlite`.
    input: PathBuf,
    /// Where to write the page.
    #[arg(long)]
    html: PathBuf,
    /// The page's title.
    #[arg(long, default_value = "acta overview")]
    title: String,
}

fn overview(args: OverviewArgs) -> anyhow::Result<ExitCode> {
    let database = if args.input.is_dir() {
        let mut db = acta_sqlite::Database::open_in_memory()?;
        db.load_csv_dir(&args.input)?;
        db
    } else if args.input.is_file() {
        acta_sqlite::Database::open(&args.input)?
    } else {
        anyhow::bail!("{} is neither an output directory nor a database file", args.input.display());
    };
    let html = acta_overview::render(database.connection(), &args.title)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", args.input.display()))?;
    std::fs::write(&args.html, html).map_err(|e| anyhow::anyhow!("cannot write {}: {e}", args.html.display()))?;
    Ok(ExitCode::SUCCESS)
}

/// What a stream of JSON lines carries.
#[derive(Clone, Copy)]
enum LineFormat {
    /// One record per report (`--jsonl`).
    Records,
    /// One line per table row (`--rows`).
    Rows,
}

/// A JSON Lines output other than the output directory: a file, or stdout (flushed after every
/// report, so that a consumer reading a pipe sees each record as soon as it is made).
struct LineSink {
    format: LineFormat,
    path: Option<PathBuf>,
    out: Box<dyn Write>,
}

impl LineSink {
    fn open(path: &std::path::Path, format: LineFormat) -> anyhow::Result<Self> {
        if path.as_os_str() == "-" {
            return Ok(LineSink { format, path: None, out: Box::new(std::io::stdout().lock()) });
        }
        let file = std::fs::File::create(path).map_err(|e| anyhow::anyhow!("cannot create {}: {e}", path.display()))?;
        Ok(LineSink { format, path: Some(path.to_path_buf()), out: Box::new(std::io::BufWriter::new(file)) })
    }

    fn record(&mut self, record: &acta_export::ReportRecord) -> anyhow::Result<()> {
        match self.format {
            LineFormat::Records => write_jsonl(&mut self.out, record)?,
            LineFormat::Rows => write_table_rows(&mut self.out, record)?,
        }
        self.flush_stdout()
    }

    fn error(&mut self, error: &ErrorRow) -> anyhow::Result<()> {
        match self.format {
            LineFormat::Records => write_jsonl_error(&mut self.out, error)?,
            LineFormat::Rows => write_error_row(&mut self.out, error)?,
        }
        self.flush_stdout()
    }

    fn flush_stdout(&mut self) -> anyhow::Result<()> {
        if self.path.is_none() {
            self.out.flush()?;
        }
        Ok(())
    }

    fn finish(mut self) -> anyhow::Result<()> {
        let name = self.path.as_ref().map_or("stdout".to_string(), |p| p.display().to_string());
        self.out.flush().map_err(|e| anyhow::anyhow!("cannot write {name}: {e}"))
    }
}

fn extract(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    if args.out.is_none() && args.jsonl.is_none() && args.rows.is_none() && args.sqlite.is_none() {
        eprintln!("acta: error: say where to write: --out DIR, --jsonl FILE or -, --rows FILE or -, --sqlite FILE");
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
        ner_model: args.ner_model.as_deref(),
        summary_model: args.summary_model.as_deref(),
        fallback: args.fallback,
        model_instances: args.jobs.unwrap_or_else(rayon::current_num_threads).max(1),
    })?;
    if args.resume && args.jsonl.as_deref().is_some_and(|p| p.as_os_str() != "-") {
        eprintln!("acta: error: --resume continues the files in --out; --jsonl FILE cannot be resumed (use --jsonl - or leave it out)");
        return Ok(ExitCode::from(2));
    }
    let (mut outputs, mut committed) = match &args.out {
        Some(dir) if args.resume => {
            let (o, c) = Outputs::resume(dir, args.excel, args.jsonl.is_none())?;
            (Some(o), c)
        }
        Some(dir) => (Some(Outputs::create(dir, args.excel, args.jsonl.is_none())?), Committed::default()),
        None => (None, Committed::default()),
    };
    if let Some(o) = outputs.as_mut() {
        o.checkpoint_every = std::time::Duration::from_secs_f64(args.checkpoint_seconds.max(0.0));
    }
    let earlier_failures = committed.failures;
    if args.jsonl.as_deref() == Some(std::path::Path::new("-"))
        && args.rows.as_deref() == Some(std::path::Path::new("-"))
    {
        eprintln!("acta: error: --jsonl - and --rows - cannot both go to stdout");
        return Ok(ExitCode::from(2));
    }
    let mut sinks: Vec<LineSink> = Vec::new();
    if let Some(path) = &args.jsonl {
        sinks.push(LineSink::open(path, LineFormat::Records)?);
    }
    if let Some(path) = &args.rows {
        sinks.push(LineSink::open(path, LineFormat::Rows)?);
    }

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
        read_json_lines_as(BufReader::new(std::io::stdin()), args.max_bytes, args.format).map(|line| {
            match line.result {
                Ok(doc) => Work::Document(doc),
                Err(e) => {
                    // A malformed line is a "jsonl" error; a well-formed record whose report cannot be
                    // read (empty, binary, too large) fails at "read" under its own id, as a file would.
                    let stage = if matches!(e, acta_input::Error::BadJsonLine { .. }) { "jsonl" } else { "read" };
                    let (id, source) = line.named.unwrap_or_else(|| {
                        let at = format!("stdin:{}", line.line);
                        (at.clone(), at)
                    });
                    Work::Failed(ErrorRow { id, source, stage: stage.into(), error: e.to_string() })
                }
            }
        })
    });
    let mut work = found.chain(stdin_docs.into_iter().flatten());

    let database = match &args.sqlite {
        Some(path) => Some(acta_sqlite::Database::open(path)?),
        None => None,
    };
    // With the database as the only output, reports it holds unchanged are not even processed.
    let mut skip_known =
        database.as_ref().filter(|_| args.out.is_none() && sinks.is_empty()).map(|db| KnownInDatabase { db });
    let profile = Profile::default();
    let mut already_done = 0usize;
    let mut tally = Tally::default();
    // Writes one processed batch to every output and commits it.
    let with_text = args.with_text;
    let mut write_batch = |mut results: Vec<Result<acta_export::ReportRecord, ErrorRow>>| -> anyhow::Result<()> {
        let writing = Instant::now();
        if !with_text {
            for record in results.iter_mut().flatten() {
                record.text = None;
            }
        }
        for result in &results {
            match result {
                Ok(record) => {
                    tally.reports += 1;
                    tally.speakers += record.speakers.len();
                    tally.entities += record.mentions.len();
                    if let Some(o) = outputs.as_mut() {
                        o.write(record)?;
                    }
                    for sink in &mut sinks {
                        sink.record(record)?;
                    }
                }
                Err(error) => {
                    tally.failures += 1;
                    progress.suspend(|| eprintln!("acta: error: {}: {}", error.source, error.error));
                    if let Some(o) = outputs.as_mut() {
                        o.write_error(error)?;
                    }
                    for sink in &mut sinks {
                        sink.error(error)?;
                    }
                }
            }
            progress.inc(1);
        }
        if let Some(o) = outputs.as_mut() {
            o.commit()?;
        }
        if let Some(db) = database.as_ref() {
            let records: Vec<&acta_export::ReportRecord> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
            let errors: Vec<&ErrorRow> = results.iter().filter_map(|r| r.as_ref().err()).collect();
            let changes = db.write_batch(&records, &errors)?;
            tally.db.added += changes.added;
            tally.db.replaced += changes.replaced;
            tally.db.unchanged += changes.unchanged;
        }
        profile.add("write", writing.elapsed());
        Ok(())
    };
    // Files without a database: the reports stream through the workers in groups while the main
    // thread writes what came back, in input order, a batch at a time; at most two batches are in
    // flight, so memory stays two batches and a killed run loses at most those. The database is
    // read to skip known reports and written on one connection, so with it batches go one after
    // the other; so they do for a stream on stdin, whose records go out as soon as their batch is
    // done, not one batch later.
    let reading = Reading { max_bytes: args.max_bytes, format: args.format };
    let batch_size = args.batch_size as usize;
    if database.is_none() && !read_stdin {
        let skip = std::sync::Mutex::new(Skip { committed: &mut committed, already_done: &mut already_done });
        stream(&pipeline, &mut work, batch_size, &skip, reading, &profile, &mut write_batch)?;
    } else {
        loop {
            let batch: Vec<Work> = work.by_ref().take(batch_size).collect();
            if batch.is_empty() {
                break;
            }
            let skip: &mut dyn AlreadyDone = match skip_known.as_mut() {
                Some(known) => known,
                None => &mut committed,
            };
            write_batch(process_batch(&pipeline, batch, skip, &mut already_done, reading, &profile))?;
        }
    }
    let Tally { reports, failures, speakers, entities, db: db_changes } = tally;
    progress.finish_and_clear();
    if args.profile {
        eprint!("{}", profile.report());
    }
    if let Some(o) = outputs {
        o.finish()?;
    }
    for sink in sinks {
        sink.finish()?;
    }
    if !args.quiet {
        let resumed = if args.resume {
            format!(", {already_done} already in the output ({earlier_failures} of them failed)")
        } else {
            String::new()
        };
        let resumed = match &args.sqlite {
            Some(path) => format!(
                "{resumed}; {}: {} added, {} replaced, {} unchanged",
                path.display(),
                db_changes.added,
                db_changes.replaced,
                db_changes.unchanged + already_done * usize::from(!args.resume)
            ),
            None => resumed,
        };
        eprintln!(
            "acta: {reports} reports, {speakers} speakers, {entities} entity mentions, {failures} failed{resumed}, {skipped} files skipped, {:.2} s",
            started.elapsed().as_secs_f64()
        );
    }
    // The exit code speaks for the whole output: failures of the earlier, resumed part count too.
    Ok(if failures + earlier_failures > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// What a run wrote, for its closing line.
#[derive(Default)]
struct Tally {
    reports: usize,
    failures: usize,
    speakers: usize,
    entities: usize,
    db: acta_sqlite::Changes,
}

/// What an earlier run already wrote, for skipping it: the output directory of a resumed run, or the
/// SQLite database when it is the only output.
trait AlreadyDone {
    /// Nothing is known: every report is processed.
    fn is_empty(&self) -> bool;
    /// Whether an error row for this id is already written (counted off if so).
    fn take_failed(&mut self, id: &str) -> bool;
    /// Whether this report, same id and content, is already written (counted off if so).
    fn take_report(&mut self, id: &str, sha256: &str) -> bool;
    /// Whether a record of this id, with other content, is already written and will stay.
    fn has_id(&self, id: &str) -> bool;
}

impl AlreadyDone for Committed {
    fn is_empty(&self) -> bool {
        Committed::is_empty(self)
    }
    fn take_failed(&mut self, id: &str) -> bool {
        Committed::take_failed(self, id)
    }
    fn take_report(&mut self, id: &str, sha256: &str) -> bool {
        Committed::take_report(self, id, sha256)
    }
    fn has_id(&self, id: &str) -> bool {
        Committed::has_id(self, id)
    }
}

/// Reports in the SQLite database, looked up one by one (the database may hold millions).
struct KnownInDatabase<'a> {
    db: &'a acta_sqlite::Database,
}

impl AlreadyDone for KnownInDatabase<'_> {
    fn is_empty(&self) -> bool {
        false
    }
    /// Failed reports are tried again: the database replaces their error row.
    fn take_failed(&mut self, _id: &str) -> bool {
        false
    }
    fn take_report(&mut self, id: &str, sha256: &str) -> bool {
        self.db.has_report(id, sha256).unwrap_or(false)
    }
    /// A changed report replaces its earlier rows in the database.
    fn has_id(&self, _id: &str) -> bool {
        false
    }
}

/// Reads a batch in parallel, leaves out what an earlier run already wrote (`--resume`), and
/// processes the rest in parallel. Results keep the input order.
fn process_batch(
    pipeline: &acta_doc::Pipeline,
    batch: Vec<Work>,
    committed: &mut dyn AlreadyDone,
    already_done: &mut usize,
    reading: Reading,
    profile: &Profile,
) -> Vec<Result<acta_export::ReportRecord, ErrorRow>> {
    let batch = skip_failed(batch, committed, already_done);
    let read: Vec<_> = batch.into_par_iter().map(|w| read(w, reading, profile)).collect();
    process_groups(pipeline, skip_written(read, committed, already_done), profile)
}

/// Leaves out the inputs whose error row an earlier run wrote: they are not read again.
fn skip_failed(batch: Vec<Work>, committed: &mut dyn AlreadyDone, already_done: &mut usize) -> Vec<Work> {
    if committed.is_empty() {
        return batch;
    }
    batch
        .into_iter()
        .filter(|w| {
            let id = match w {
                Work::File(f) => &f.id,
                Work::Document(d) => &d.id,
                Work::Failed(e) => &e.id,
            };
            let failed_before = committed.take_failed(id);
            *already_done += usize::from(failed_before);
            !failed_before
        })
        .collect()
}

/// Leaves out the reports an earlier run wrote with the same content, and warns on those it wrote
/// with other content; read errors stay in their place.
fn skip_written(
    read: Vec<Result<acta_input::Document, ErrorRow>>,
    committed: &mut dyn AlreadyDone,
    already_done: &mut usize,
) -> Vec<Result<(acta_input::Document, Vec<String>), ErrorRow>> {
    let mut todo = Vec::with_capacity(read.len());
    for doc in read {
        match doc {
            Ok(doc) if !committed.is_empty() && committed.take_report(&doc.id, &doc.sha256) => *already_done += 1,
            Ok(doc) => {
                let warnings = if !committed.is_empty() && committed.has_id(&doc.id) {
                    vec!["changed since the run this one resumes: the earlier rows of this id are still in the output"
                        .to_string()]
                } else {
                    Vec::new()
                };
                todo.push(Ok((doc, warnings)));
            }
            Err(e) => todo.push(Err(e)),
        }
    }
    todo
}

/// What an earlier run wrote (`--resume`) and how many inputs were found in it, shared by the
/// workers of [`stream`].
struct Skip<'a> {
    committed: &'a mut Committed,
    already_done: &'a mut usize,
}

/// The results of one group of inputs, sent back by a worker of [`stream`]: its place in the
/// input, how many inputs it took, and its results (or the panic that stopped it).
type GroupDone = (usize, usize, std::thread::Result<Vec<Result<acta_export::ReportRecord, ErrorRow>>>);

/// Runs the inputs through the pipeline on the worker pool in groups of [`GROUP`], with no pause
/// between batches: the main thread hands out groups, puts what comes back in input order and
/// gives it to `write_batch` a batch at a time (`batch_size` inputs), while the workers go on with
/// the next groups. At most two batches are in flight (handed out and not yet written).
fn stream(
    pipeline: &acta_doc::Pipeline,
    work: &mut dyn Iterator<Item = Work>,
    batch_size: usize,
    skip: &std::sync::Mutex<Skip<'_>>,
    reading: Reading,
    profile: &Profile,
    write_batch: &mut dyn FnMut(Vec<Result<acta_export::ReportRecord, ErrorRow>>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let group_size = GROUP.min(batch_size);
    // Enough groups in flight to keep every worker busy while a batch is written.
    let window = (2 * batch_size).max(2 * rayon::current_num_threads() * group_size);
    rayon::in_place_scope(|scope| -> anyhow::Result<()> {
        let (done_tx, done_rx) = std::sync::mpsc::channel::<GroupDone>();
        let (mut handed_out, mut next_to_write, mut in_flight, mut input_left) = (0usize, 0usize, 0usize, true);
        let mut arrived: std::collections::BTreeMap<usize, (usize, Vec<_>)> = std::collections::BTreeMap::new();
        let (mut batch, mut batch_inputs) = (Vec::with_capacity(batch_size), 0usize);
        loop {
            while input_left && in_flight < window {
                let group: Vec<Work> = (&mut *work).take(group_size).collect();
                if group.is_empty() {
                    input_left = false;
                    break;
                }
                let (place, inputs, done_tx) = (handed_out, group.len(), done_tx.clone());
                handed_out += 1;
                in_flight += inputs;
                scope.spawn(move |_| {
                    let results = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        let group = {
                            let mut skip = skip.lock().expect("no worker panics holding the lock");
                            let Skip { committed, already_done } = &mut *skip;
                            skip_failed(group, *committed, already_done)
                        };
                        let read: Vec<_> = group.into_iter().map(|w| read(w, reading, profile)).collect();
                        let todo = {
                            let mut skip = skip.lock().expect("no worker panics holding the lock");
                            let Skip { committed, already_done } = &mut *skip;
                            skip_written(read, *committed, already_done)
                        };
                        process_one_group(pipeline, todo, profile)
                    }));
                    // The receiver is gone only when writing failed; the run is ending then.
                    let _ = done_tx.send((place, inputs, results));
                });
            }
            if next_to_write == handed_out {
                break;
            }
            let (place, inputs, results) = done_rx.recv().expect("every group handed out sends its results");
            let results = results.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            arrived.insert(place, (inputs, results));
            while let Some((inputs, results)) = arrived.remove(&next_to_write) {
                next_to_write += 1;
                batch.extend(results);
                batch_inputs += inputs;
                if batch_inputs >= batch_size || (!input_left && next_to_write == handed_out) {
                    write_batch(std::mem::replace(&mut batch, Vec::with_capacity(batch_size)))?;
                    in_flight -= std::mem::take(&mut batch_inputs);
                }
            }
        }
        Ok(())
    })
}

/// Reports a worker takes through the pipeline together, stage by stage (see [`process_group`]).
const GROUP: usize = 32;

/// Processes the documents in groups of [`GROUP`] in parallel; read errors stay in their place.
fn process_groups(
    pipeline: &acta_doc::Pipeline,
    todo: Vec<Result<(acta_input::Document, Vec<String>), ErrorRow>>,
    profile: &Profile,
) -> Vec<Result<acta_export::ReportRecord, ErrorRow>> {
    let mut groups: Vec<Vec<_>> = Vec::with_capacity(todo.len().div_ceil(GROUP));
    let mut todo = todo.into_iter().peekable();
    while todo.peek().is_some() {
        groups.push(todo.by_ref().take(GROUP).collect());
    }
    groups.into_par_iter().flat_map_iter(|group| process_one_group(pipeline, group, profile)).collect()
}

/// Processes one group of documents (see [`process_group`]); read errors keep their place among
/// the group's results.
fn process_one_group(
    pipeline: &acta_doc::Pipeline,
    group: Vec<Result<(acta_input::Document, Vec<String>), ErrorRow>>,
    profile: &Profile,
) -> Vec<Result<acta_export::ReportRecord, ErrorRow>> {
    let mut slots: Vec<Option<Result<acta_export::ReportRecord, ErrorRow>>> = Vec::with_capacity(group.len());
    let mut docs = Vec::with_capacity(group.len());
    for item in group {
        match item {
            Ok(doc) => {
                docs.push(doc);
                slots.push(None);
            }
            Err(e) => slots.push(Some(Err(e))),
        }
    }
    let mut processed = process_group(pipeline, docs, profile).into_iter();
    slots.into_iter().map(|slot| slot.or_else(|| processed.next()).expect("one result per document")).collect()
}
