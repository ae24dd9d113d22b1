//! `acta-bench run`: acta end to end on generated corpora of 10 MB, 100 MB (and 1 GB with
//! BENCH_BIG=1) with one and two worker threads, next to `wc -w` over the same files; a per-stage
//! profile; cold start. Prints one table and writes it to BENCHMARKS.md.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::generate::generate;

/// Wall time and the peak resident memory of a command, measured by running it from a fresh
/// `acta-bench measure` process, whose only child it is.
pub struct Measured {
    pub seconds: f64,
    /// CPU time (user + system) over all the command's threads.
    pub cpu_seconds: f64,
    pub peak_mb: f64,
    pub stdout: String,
    pub stderr: String,
}

/// `acta-bench measure CMD ARGS...`: runs the command and prints "seconds peak_kb" on the last
/// line of stdout, after the command's own output.
pub fn measure_child(args: &[String]) -> ! {
    let start = Instant::now();
    let output = Command::new(&args[0]).args(&args[1..]).output().unwrap_or_else(|e| {
        eprintln!("acta-bench measure: cannot run {}: {e}", args[0]);
        std::process::exit(2)
    });
    let seconds = start.elapsed().as_secs_f64();
    // SAFETY: getrusage only writes into the struct we pass.
    let (peak_kb, cpu_seconds) = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
        (usage.ru_maxrss, seconds(usage.ru_utime) + seconds(usage.ru_stime))
    };
    eprint!("{}", String::from_utf8_lossy(&output.stderr));
    print!("{}", String::from_utf8_lossy(&output.stdout));
    println!("\n{seconds} {peak_kb} {cpu_seconds}");
    std::process::exit(if output.status.success() { 0 } else { 1 });
}

pub fn measure(cmd: &[&str]) -> Measured {
    let me = std::env::current_exe().expect("own path");
    let output = Command::new(me).arg("measure").args(cmd).output().expect("acta-bench measure runs");
    let all = String::from_utf8_lossy(&output.stdout).into_owned();
    let (stdout, last) = all.trim_end().rsplit_once('\n').unwrap_or(("", all.trim_end()));
    let (stdout, last) = (stdout.to_string(), last.to_string());
    let mut it = last.split_whitespace();
    let seconds: f64 = it.next().and_then(|s| s.parse().ok()).unwrap_or(0.0);
    let peak_kb: f64 = it.next().and_then(|s| s.parse().ok()).unwrap_or(0.0);
    let cpu_seconds: f64 = it.next().and_then(|s| s.parse().ok()).unwrap_or(0.0);
    if !output.status.success() {
        eprintln!("acta-bench: {} failed:\n{}", cmd.join(" "), String::from_utf8_lossy(&output.stderr));
    }
    Measured {
        seconds,
        cpu_seconds,
        peak_mb: peak_kb / 1024.0,
        stdout,
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn corpus_dir(root: &Path, mb: usize) -> PathBuf {
    let dir = root.join("target/bench").join(format!("{mb}mb"));
    let done = dir.join(".complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        eprintln!("acta-bench: generating {mb} MB of reports in {}", dir.display());
        let (files, bytes) = generate(&root.join("corpus"), &dir, mb, 20261128).expect("bench corpus written");
        std::fs::write(&done, format!("{files} files, {bytes} bytes, seed 20261128\n")).expect("marker written");
    }
    dir
}

/// Where the real-text corpus is copied from: the development set's texts (real public reports).
const REAL_TEXTS: &str = "../shared/dev/texts";

/// The development set's texts copied until they make `mb` MB (`None` when ../shared is not
/// there): what users feed acta, not what acta's generator writes.
fn real_corpus_dir(root: &Path, mb: usize) -> Option<PathBuf> {
    let source = root.join(REAL_TEXTS);
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&source)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    if texts.is_empty() {
        return None;
    }
    let dir = root.join("target/bench").join(format!("real-{mb}mb"));
    let done = dir.join(".complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("bench dir");
        eprintln!("acta-bench: copying {} until {mb} MB in {}", source.display(), dir.display());
        let (mut bytes, mut files) = (0u64, 0usize);
        'copies: for copy in 0.. {
            for text in &texts {
                let name = format!("{copy:04}-{}", text.file_name().unwrap().to_string_lossy());
                bytes += std::fs::copy(text, dir.join(name)).expect("text copied");
                files += 1;
                if bytes >= (mb * 1_000_000) as u64 {
                    break 'copies;
                }
            }
        }
        std::fs::write(&done, format!("{files} files, {bytes} bytes, copies of {REAL_TEXTS}\n")).expect("marker");
    }
    Some(dir)
}

fn dir_bytes_files(dir: &Path) -> (u64, usize) {
    let mut bytes = 0;
    let mut files = 0;
    for e in std::fs::read_dir(dir).expect("bench dir").filter_map(|e| e.ok()) {
        if e.file_name().to_string_lossy().ends_with(".txt") {
            bytes += e.metadata().map(|m| m.len()).unwrap_or(0);
            files += 1;
        }
    }
    (bytes, files)
}

pub fn run(root: &Path) {
    let acta = root.join("target/release/acta");
    let acta = acta.to_str().expect("utf-8 path");
    // The profile-guided build (`make pgo`), measured beside the plain one when make bench built it.
    let pgo = std::env::var("ACTA_PGO").ok().filter(|p| !p.is_empty() && Path::new(p).is_file());
    let mut builds: Vec<(&str, &str)> = vec![("release", acta)];
    if let Some(pgo) = &pgo {
        builds.push(("release + PGO", pgo.as_str()));
    } else {
        eprintln!("acta-bench: no profile-guided build (ACTA_PGO unset or not a file): the plain release build only");
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut sizes = vec![10, 100];
    if std::env::var("BENCH_BIG").is_ok_and(|v| v == "1") {
        sizes.push(1000);
    }
    let out = root.join("target/bench/out");
    let out_s = out.to_str().expect("utf-8 path").to_string();
    let mut table = String::new();
    let _ = writeln!(
        table,
        "| input | build | jobs | seconds | CPU seconds | MB/s | words/s | words per CPU-second | reports/s | peak memory |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    );
    let mut floor = String::new();
    let mut words_of = std::collections::HashMap::new();
    // The generated corpora, then the real text (when ../shared is there).
    let mut corpora: Vec<(String, PathBuf)> =
        sizes.iter().map(|&mb| (format!("{mb} MB"), corpus_dir(root, mb))).collect();
    let real = real_corpus_dir(root, 100);
    match &real {
        Some(dir) => corpora.push(("100 MB real text".to_string(), dir.clone())),
        None => eprintln!("acta-bench: {REAL_TEXTS} is not there: no real-text corpus (only the generated ones)"),
    }
    for (label, dir) in &corpora {
        let dir_s = dir.to_str().expect("utf-8 path");
        let (bytes, files) = dir_bytes_files(dir);
        let wc = measure(&["sh", "-c", &format!("find '{dir_s}' -name '*.txt' -exec cat {{}} + | wc -w")]);
        let words: f64 = wc.stdout.trim().parse().unwrap_or(0.0);
        words_of.insert(label.clone(), words);
        let mut acta_one_thread = 0.0;
        for (jobs, (build, binary)) in builds.iter().flat_map(|b| [(1, *b), (2, *b)]) {
            let _ = std::fs::remove_dir_all(&out);
            let m = measure(&[binary, "extract", dir_s, "--out", &out_s, "--quiet", "--jobs", &jobs.to_string()]);
            let _ = writeln!(
                table,
                "| {label} ({files} reports, {:.1} M words) | {build} | {jobs} | {:.1} | {:.1} | {:.2} | {:.0} | {:.0} | {:.0} | {:.0} MB |",
                words / 1e6,
                m.seconds,
                m.cpu_seconds,
                bytes as f64 / 1e6 / m.seconds,
                words / m.seconds,
                words / m.cpu_seconds,
                files as f64 / m.seconds,
                m.peak_mb
            );
            eprintln!("acta-bench: {label}, {build}, --jobs {jobs}: {:.1} s, {:.0} MB peak", m.seconds, m.peak_mb);
            if jobs == 1 && binary == acta {
                acta_one_thread = m.seconds;
            }
        }
        let _ = writeln!(
            floor,
            "| {label} | `wc -w` | {:.2} s | {:.1} MB/s | {:.0} words/s | {:.0}x |",
            wc.seconds,
            bytes as f64 / 1e6 / wc.seconds,
            words / wc.seconds,
            acta_one_thread / wc.seconds
        );
    }
    // Per-stage profile on 10 MB, one thread: generated, and real text when it is there.
    let dir10 = corpus_dir(root, 10);
    let profile_of = |dir: &Path| -> String {
        let _ = std::fs::remove_dir_all(&out);
        let dir = dir.to_str().expect("utf-8");
        let prof = measure(&[acta, "extract", dir, "--out", &out_s, "--quiet", "--jobs", "1", "--profile"]);
        prof.stderr.lines().filter(|l| l.starts_with("  ")).map(|l| format!("    {}\n", l.trim())).collect()
    };
    let mut profile = profile_of(&dir10);
    if let Some(real10) = real.as_ref().and_then(|_| real_corpus_dir(root, 10)) {
        profile = format!("generated:\n{profile}\nreal text:\n{}", profile_of(&real10));
    }
    // Cold start: one small report, the whole process.
    let one = root.join("target/bench/one");
    let _ = std::fs::create_dir_all(&one);
    let sample = std::fs::read_dir(&dir10)
        .expect("bench dir")
        .filter_map(|e| e.ok())
        .find(|e| e.file_name().to_string_lossy().ends_with(".txt"))
        .expect("a report");
    let _ = std::fs::copy(sample.path(), one.join("report.txt"));
    let _ = std::fs::remove_dir_all(&out);
    let cold = measure(&[acta, "extract", one.to_str().expect("utf-8"), "--out", &out_s, "--quiet"]);

    let documents = documents_section(root, acta, &out_s);

    let commit = Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(root)
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    let mut md = String::new();
    let _ = writeln!(md, "# acta benchmarks\n");
    let _ = writeln!(md, "Written by `make bench` (`acta-bench run`) at commit {commit} on a machine with {cores} cores. The inputs are generated by `acta-bench generate` (seed 20261128) from the parts of `corpus/` reports, with people renamed; each size is its own set of files. The real-text corpus is the 112 texts of `../shared/dev` (real public reports: excerpts and complete minutes) copied until they make 100 MB (10 MB for its profile); it is left out when `../shared` is not there. Peak memory is the resident set of the acta process and CPU seconds its user + system time over all its threads (getrusage); `words per CPU-second` is the throughput per core busy. The `release` build is `make build`'s; `release + PGO` is `make pgo`'s (the same code compiled again with the counts of a run over corpus/ and reports generated from it with another seed, never the benchmark's corpora; outputs byte-identical), measured when `make bench` could build it. With `--jobs N` acta runs N pipeline workers, which take the reports in groups of 32 with no pause between batches, while the main thread writes what they finished, in input order. `words` are counted by `wc -w` over the same files.\n");
    let _ = writeln!(md, "## End to end (default settings: all stages, all outputs)\n\n{table}");
    let _ = writeln!(md, "## The floor: reading the bytes\n\n| input | tool | seconds | MB/s | words/s | acta --jobs 1 takes |\n| --- | --- | --- | --- | --- | --- |\n{floor}");
    let _ = writeln!(md, "## Where the time goes (10 MB, --jobs 1, `acta extract --profile`)\n\n```\n{profile}```\n");
    let _ = writeln!(md, "## Cold start\n\nOne report, the whole process (start, load models, extract, write five files): {:.0} ms, {:.0} MB peak.\n", cold.seconds * 1e3, cold.peak_mb);
    let _ = writeln!(md, "{documents}");
    let _ = writeln!(md, "{}", crate::pathological::run(root));
    let _ = writeln!(md, "## Component benchmarks\n\n`acta-bench lang corpus` (language detection throughput) and `acta-bench summary corpus` (summary cost per 6 KB report) run in `make bench` too; their figures are in the README's performance section.");
    print!("{md}");
    std::fs::write(root.join("BENCHMARKS.md"), md).expect("BENCHMARKS.md written");
    eprintln!("acta-bench: wrote BENCHMARKS.md ({} words at 100 MB)", words_of.get("100 MB").copied().unwrap_or(0.0));
}

/// PDF and Word input: the test documents of `tests/documents/` (made by LibreOffice from corpus
/// reports) copied until there are at least `DOCUMENT_PAGES` PDF pages, read with one job; pages
/// per second and the share of the time spent reading the documents (`--profile`'s read step).
pub fn documents_section(root: &Path, acta: &str, out: &str) -> String {
    const DOCUMENT_PAGES: usize = 2000;
    let source = root.join("tests/documents");
    let mut section = String::from("## Documents (PDF and Word input, --jobs 1)\n\n| input | files | pages | seconds | pages/s | files/s | read share |\n| --- | --- | --- | --- | --- | --- | --- |\n");
    for ext in ["pdf", "docx"] {
        let Ok(entries) = std::fs::read_dir(&source) else { return String::new() };
        let originals: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == ext) && !p.ends_with("encrypted.pdf"))
            .collect();
        if originals.is_empty() {
            continue;
        }
        let pages_of = |p: &Path| -> usize {
            let bytes = std::fs::read(p).unwrap_or_default();
            if ext == "pdf" {
                acta_input::pdf_to_text(&bytes).map_or(0, |t| t.pages)
            } else {
                1
            }
        };
        let set_pages: usize = originals.iter().map(|p| pages_of(p)).sum::<usize>().max(1);
        let copies = DOCUMENT_PAGES.div_ceil(set_pages);
        let dir = root.join(format!("target/bench/documents-{ext}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("bench documents directory");
        for k in 0..copies {
            for p in &originals {
                let name = format!("{k:05}-{}", p.file_name().unwrap().to_string_lossy());
                std::fs::copy(p, dir.join(name)).expect("copy a test document");
            }
        }
        let files = copies * originals.len();
        let _ = std::fs::remove_dir_all(out);
        let m = measure(&[
            acta,
            "extract",
            dir.to_str().expect("utf-8"),
            "--out",
            out,
            "--quiet",
            "--jobs",
            "1",
            "--profile",
        ]);
        let read_share = m
            .stderr
            .lines()
            .find(|l| l.trim_start().starts_with("read "))
            .and_then(|l| l.split_whitespace().last().map(str::to_string))
            .unwrap_or_else(|| "?".into());
        let pages = copies * set_pages;
        let (pages, per_second) = match ext {
            "pdf" => (pages.to_string(), format!("{:.0}", pages as f64 / m.seconds)),
            _ => ("-".to_string(), "-".to_string()),
        };
        let _ = writeln!(
            section,
            "| {ext} | {files} | {pages} | {:.2} | {per_second} | {:.0} | {read_share} |",
            m.seconds,
            files as f64 / m.seconds
        );
        eprintln!("acta-bench: {ext}: {files} files in {:.2} s", m.seconds);
    }
    section
}
