//! acta's benchmarks. Timings belong here, not in tests.
//!
//! - `acta-bench lang [DIR]`: throughput of language detection on whole reports and on sentences,
//!   for the fast path (whatlang), the accurate path (lingua) and acta's path, and the process's
//!   peak resident memory.
//! - `acta-bench models ACTA DIR`: the transformer backend's cost per report with tiny models.
//! - `acta-bench documents-speed`: pages per second of PDF input and files per second of Word
//!   input (the test documents copied), with the share of time spent reading them.
//! - `acta-bench documents OUT CASE...`: corpus reports written as OpenDocument texts for
//!   LibreOffice to turn into the `.docx` and `.pdf` test documents.
//! - `acta-bench summary [DIR]`: the cost of summarising one report of about 6 KB (layout and
//!   language done beforehand), averaged over many runs.
//!
//! Reports are read from DIR (default `corpus/`) and repeated until each measurement has run for at
//! least a second.

mod documents;
mod generate;
mod models;
mod pathological;
mod run;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use acta_lang::Detector;

fn reports(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt" || x == "md") {
                if let Ok(t) = std::fs::read_to_string(&p) {
                    out.push(t);
                }
            }
        }
    }
    out
}

/// Runs `f` over `items` repeatedly for at least a second; returns MB/s.
fn throughput(items: &[String], mut f: impl FnMut(&str)) -> (f64, usize) {
    let bytes: usize = items.iter().map(String::len).sum();
    let start = Instant::now();
    let mut rounds = 0;
    while start.elapsed() < Duration::from_secs(1) || rounds == 0 {
        for t in items {
            f(t);
        }
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    ((bytes * rounds) as f64 / secs / 1e6, rounds)
}

/// Peak resident set size of this process, from /proc (Linux), in MB.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let all: Vec<String> = std::env::args().skip(1).collect();
    match all.first().map(String::as_str) {
        Some("measure") if all.len() >= 2 => run::measure_child(&all[1..]),
        Some("run") => {
            run::run(Path::new("."));
            return;
        }
        Some("models") if all.len() == 3 => {
            // acta-bench models ACTA_WITH_TRANSFORMERS TINY_MODELS_DIR
            models::run(&all[1], Path::new(&all[2]));
            return;
        }
        Some("documents-speed") => {
            // The documents section of `make bench` alone (needs target/release/acta).
            print!("{}", run::documents_section(Path::new("."), "target/release/acta", "target/bench/out"));
            return;
        }
        Some("documents") if all.len() >= 3 => {
            // acta-bench documents OUT_DIR CASE_DIR...
            documents::run(Path::new(&all[1]), &all[2..]);
            return;
        }
        Some("pathological") => {
            print!("{}", pathological::run(Path::new(".")));
            return;
        }
        Some("generate") => {
            // acta-bench generate MB OUT_DIR [SEED]
            let mb: usize = all.get(1).and_then(|s| s.parse().ok()).unwrap_or(10);
            let out = PathBuf::from(all.get(2).cloned().unwrap_or_else(|| format!("target/bench/{mb}mb")));
            let seed: u64 = all.get(3).and_then(|s| s.parse().ok()).unwrap_or(20261128);
            let (files, bytes) = generate::generate(Path::new("corpus"), &out, mb, seed).expect("bench corpus written");
            println!("acta-bench: {files} reports, {bytes} bytes in {}", out.display());
            return;
        }
        _ => {}
    }
    let mut args = std::env::args().skip(1);
    let what = args.next().unwrap_or_else(|| "lang".into());
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "corpus".into()));
    let docs = reports(&dir);
    if docs.is_empty() {
        eprintln!("acta-bench: no .txt or .md reports under {}", dir.display());
        std::process::exit(2);
    }
    match what.as_str() {
        "lang" => lang(&docs, &dir),
        "summary" => summary(&docs),
        _ => {
            eprintln!("usage: acta-bench lang|summary [DIR]");
            std::process::exit(2);
        }
    }
}

/// Summarising reports of about 6 KB: the narrative parts of corpus reports joined until 6 KB.
fn summary(docs: &[String]) {
    use acta_doc::Stage;
    let detector = std::sync::Arc::new(Detector::with_defaults().expect("default languages"));
    let mut texts: Vec<String> = Vec::new();
    let mut current = String::new();
    for d in docs.iter().cycle().take(docs.len() * 4) {
        current.push_str(d);
        current.push_str("\n\n");
        if current.len() >= 6 * 1024 {
            texts.push(std::mem::take(&mut current));
        }
    }
    let mut prepared: Vec<acta_doc::Report> = texts
        .iter()
        .map(|t| {
            let mut r = acta_doc::Report::new("b", "b", t.clone());
            acta_layout::LayoutStage::bundled().run(&mut r).expect("layout");
            acta_lang::LanguageStage::new(detector.clone()).run(&mut r).expect("language");
            r
        })
        .collect();
    let stage = acta_summary::SummaryStage::new(3);
    let start = Instant::now();
    let mut runs = 0usize;
    while start.elapsed() < Duration::from_secs(1) || runs == 0 {
        for r in prepared.iter_mut() {
            stage.run(r).expect("summary");
            runs += 1;
        }
    }
    let per = start.elapsed().as_secs_f64() / runs as f64;
    let avg_kb = texts.iter().map(String::len).sum::<usize>() as f64 / texts.len() as f64 / 1024.0;
    println!(
        "acta-bench summary: {} reports of {avg_kb:.1} KB on average, {runs} runs; one thread: {:.3} ms per report",
        texts.len(),
        per * 1e3
    );
}

fn lang(docs: &[String], dir: &Path) {
    let docs = docs.to_vec();
    let sentences: Vec<String> = docs
        .iter()
        .flat_map(|d| {
            acta_summary::split_sentences(d, acta_doc::ByteRange { start: 0, end: d.len() })
                .into_iter()
                .map(|r| r.slice(d).to_string())
                .collect::<Vec<_>>()
        })
        .filter(|s| s.len() >= 20)
        .collect();
    let built = Instant::now();
    let detector = Detector::with_defaults().expect("default languages are compiled in");
    println!(
        "acta-bench lang: {} reports ({} KB), {} sentences from {}; one thread; default candidate set",
        docs.len(),
        docs.iter().map(String::len).sum::<usize>() / 1024,
        sentences.len(),
        dir.display()
    );
    println!("detector built (models preloaded) in {:.2} s", built.elapsed().as_secs_f64());
    println!("{:<40} {:>10} {:>10}", "path", "reports", "sentences");
    let row = |name: &str, f: &dyn Fn(&str)| {
        let (r, _) = throughput(&docs, f);
        let (s, _) = throughput(&sentences, f);
        println!("{name:<40} {r:>7.2} MB/s {s:>7.2} MB/s");
    };
    row("fast (whatlang)", &|t| {
        std::hint::black_box(detector.detect_fast(t));
    });
    row("accurate (lingua, high accuracy)", &|t| {
        std::hint::black_box(detector.detect_accurate(t));
    });
    row("acta (masked; whatlang, lingua if unsure)", &|t| {
        std::hint::black_box(detector.detect_masked(t));
    });
    if let Some(mb) = peak_rss_mb() {
        println!("peak resident memory: {mb:.0} MB");
    }
}
