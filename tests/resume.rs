//! Crash safety: acta is killed (SIGKILL) at random moments over a corpus, again and again, and
//! resumed with `--resume` each time. After every kill each output file must hold its header and
//! whole rows up to its committed length; the final output must equal an uninterrupted run's,
//! byte for byte.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const FILES: [&str; 5] = ["reports.csv", "speakers.csv", "entities.csv", "errors.csv", "reports.jsonl"];

/// Three copies of corpus/ and one empty file (an error row), so that errors are resumed too.
fn input(dir: &Path) -> PathBuf {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let input = dir.join("in");
    for copy in ["a", "b", "c"] {
        for case in std::fs::read_dir(&corpus).unwrap() {
            let case = case.unwrap().path();
            let report = case.join("report.txt");
            if report.exists() {
                let to = input.join(copy).join(case.file_name().unwrap());
                std::fs::create_dir_all(&to).unwrap();
                std::fs::copy(&report, to.join("report.txt")).unwrap();
            }
        }
    }
    std::fs::write(input.join("empty.txt"), "").unwrap();
    input
}

fn command(input: &Path, out: &Path, resume: bool) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_acta"));
    cmd.args(["extract", input.to_str().unwrap(), "--out", out.to_str().unwrap()])
        .args(["--batch-size", "3", "--checkpoint-seconds", "0", "--jobs", "2", "--quiet"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if resume {
        cmd.arg("--resume");
    }
    cmd
}

/// A small deterministic generator: the seed is printed so that a failure can be replayed
/// (`ACTA_KILL_SEED=<seed> cargo test --test resume`).
struct Lcg(u64);
impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

/// Each file's committed prefix (from the progress record) is the header and whole rows.
fn check_committed_prefix(out: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(out.join(".acta-progress.json")) else { return false };
    let progress: serde_json::Value = serde_json::from_str(&text).expect("the progress record is whole JSON");
    for name in FILES {
        let len = progress["files"][name].as_u64().unwrap_or_else(|| panic!("{name} has a committed length")) as usize;
        let bytes = std::fs::read(out.join(name)).unwrap();
        assert!(bytes.len() >= len, "{name}: {} bytes on disk, {len} committed", bytes.len());
        let prefix = &bytes[..len];
        assert!(prefix.is_empty() || prefix.ends_with(b"\n"), "{name}: committed part ends inside a row");
        if name.ends_with(".csv") {
            let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(prefix);
            let columns = reader.headers().unwrap().len();
            for row in reader.records() {
                assert_eq!(row.expect("committed rows parse").len(), columns, "{name}");
            }
        } else {
            for line in std::str::from_utf8(prefix).unwrap().lines() {
                serde_json::from_str::<serde_json::Value>(line).expect("committed JSON lines parse");
            }
        }
    }
    progress["complete"].as_bool().unwrap_or(false)
}

#[test]
fn killed_at_random_moments_and_resumed_equals_an_uninterrupted_run() {
    let dir = tempfile::tempdir().unwrap();
    let input = input(dir.path());
    let reference = dir.path().join("reference");
    let started = Instant::now();
    let o = command(&input, &reference, false).output().unwrap();
    let full_run = started.elapsed();
    assert_eq!(o.status.code(), Some(1), "one empty file fails: {}", String::from_utf8_lossy(&o.stderr));

    let seed = std::env::var("ACTA_KILL_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64
    });
    eprintln!("kill-and-resume seed {seed}, uninterrupted run {full_run:?}");
    let mut random = Lcg(seed);
    let out = dir.path().join("out");
    // A machine under load may start the run so slowly that no kill of a round lands after a
    // commit: the round is then run again from scratch, with new kill times (the seed goes on).
    let mut kills = 0;
    for _round in 0..ROUNDS {
        let _ = std::fs::remove_dir_all(&out);
        let (finished, round_kills, kills_mid_run) = run_with_kills(&input, &out, full_run, &mut random);
        if kills_mid_run >= 1 {
            return check_round(finished, &out, &reference, round_kills, kills_mid_run, seed);
        }
        kills = round_kills;
    }
    panic!("at least one kill must land in the middle of the run (seed {seed}, {kills} kills in the last round)");
}

/// Rounds of kills tried before the test gives up on landing one mid-run.
const ROUNDS: usize = 5;

/// One run killed at random moments and resumed until it finishes: its last run's output, the
/// kills, and those that landed after some reports were committed and before the end.
fn run_with_kills(
    input: &Path,
    out: &Path,
    full_run: Duration,
    random: &mut Lcg,
) -> (std::process::Output, usize, usize) {
    let (mut k, mut mid) = (0, 0);
    let finished = loop {
        let mut child = command(input, out, k > 0).spawn().unwrap();
        // The first kill lands between 30% and 60% of an uninterrupted run's time, so at least one
        // lands mid-run; later ones anywhere.
        let full_ms = full_run.as_millis() as u64;
        let delay = match k {
            0 => Duration::from_millis(full_ms * 3 / 10 + random.below(full_ms * 3 / 10)),
            _ => Duration::from_millis(random.below(full_ms)),
        };
        std::thread::sleep(delay);
        if child.try_wait().unwrap().is_some() || k == 25 {
            break child.wait_with_output().unwrap();
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        k += 1;
        let complete = check_committed_prefix(out);
        let reports_committed = std::fs::read_to_string(out.join("reports.csv")).map_or(0, |t| t.lines().count());
        if !complete && reports_committed > 1 {
            mid += 1;
        }
    };
    (finished, k, mid)
}

/// The checks of a finished round: the last run failed on the one bad input, completed the
/// output, and wrote what an uninterrupted run writes.
fn check_round(
    finished: std::process::Output,
    out: &Path,
    reference: &Path,
    kills: usize,
    kills_mid_run: usize,
    seed: u64,
) {
    assert_eq!(finished.status.code(), Some(1), "{}", String::from_utf8_lossy(&finished.stderr));
    assert!(check_committed_prefix(out), "the last run completes the output");
    eprintln!("{kills} kills, {kills_mid_run} after some reports were committed");
    for name in FILES {
        let (got, want) = (std::fs::read(out.join(name)).unwrap(), std::fs::read(reference.join(name)).unwrap());
        assert!(got == want, "{name} differs from the uninterrupted run (seed {seed})");
    }
}

#[test]
fn resume_after_a_finished_run_writes_nothing_new_and_reports_earlier_failures() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("a.txt"),
        "Date: 3 May 2019\n\nMs. Ana Silva, University of Lisbon, opened the session.\n",
    )
    .unwrap();
    std::fs::write(input.join("b.txt"), "").unwrap();
    let out = dir.path().join("out");
    assert_eq!(command(&input, &out, false).status().unwrap().code(), Some(1));
    let before: Vec<Vec<u8>> = FILES.iter().map(|f| std::fs::read(out.join(f)).unwrap()).collect();
    let again = command(&input, &out, true).output().unwrap();
    assert_eq!(again.status.code(), Some(1), "the earlier failure still counts");
    let after: Vec<Vec<u8>> = FILES.iter().map(|f| std::fs::read(out.join(f)).unwrap()).collect();
    assert!(before == after, "nothing is written twice");

    // A changed report is processed again; its record says the earlier rows are still there.
    std::fs::write(
        input.join("a.txt"),
        "Date: 4 May 2019\n\nMr. Juan Pérez, University of Chile, opened the session.\n",
    )
    .unwrap();
    command(&input, &out, true).status().unwrap();
    let reports = std::fs::read_to_string(out.join("reports.csv")).unwrap();
    assert_eq!(reports.lines().count(), 3, "{reports}");
    assert!(reports.contains("changed since the run this one resumes"), "{reports}");
}
