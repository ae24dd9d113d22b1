//! `acta-bench models ACTA MODELS_DIR`: the transformer backend's overhead per report, with the
//! tiny random models (`acta-tiny-models MODELS_DIR`) and an `acta` built with the `transformers`
//! feature. corpus/ three times over, `--jobs 1`, whole process, best of three runs per setting; the section
//! "Transformer backend" of BENCHMARKS.md is written (or replaced) with the table.

use std::fmt::Write as _;
use std::path::Path;

use crate::run::measure;

const COPIES: usize = 3;
const REPEATS: usize = 3;

pub fn run(acta: &str, models: &Path) {
    let work = Path::new("target/bench/models-input");
    let _ = std::fs::remove_dir_all(work);
    for copy in 0..COPIES {
        copy_tree(Path::new("corpus"), &work.join(format!("copy{copy}"))).expect("bench input written");
    }
    let ner = models.join("ner");
    let summary = models.join("summary");
    let (ner, summary) = (ner.to_str().expect("utf-8 path"), summary.to_str().expect("utf-8 path"));
    let input = work.to_str().expect("utf-8 path");
    let out = "target/bench/models-out";
    let settings: [(&str, Vec<&str>); 4] = [
        ("transformers build, no model", vec![]),
        ("--ner-model", vec!["--ner-model", ner]),
        ("--summary-model", vec!["--summary-model", summary]),
        ("both", vec!["--ner-model", ner, "--summary-model", summary]),
    ];
    let mut table = String::from(
        "| setting | reports | seconds | ms per report | overhead per report | peak memory |\n|---|---|---|---|---|---|\n",
    );
    let mut base: Option<f64> = None;
    // The default build first (no libtorch linked), then the transformers build without and with models.
    let default_acta = "target/release/acta";
    let runs: Vec<(&str, &str, &[&str])> = std::iter::once(("default build, no model", default_acta, &[][..]))
        .filter(|_| Path::new(default_acta).exists())
        .chain(settings.iter().map(|(name, extra)| (*name, acta, extra.as_slice())))
        .collect();
    for (name, binary, extra) in runs {
        let mut cmd = vec![binary, "extract", input, "--out", out, "--jobs", "1", "--quiet"];
        cmd.extend(extra.iter().copied());
        // Best of three: single runs of a few seconds vary by a third on a shared machine.
        let mut best: Option<crate::run::Measured> = None;
        for _ in 0..REPEATS {
            let _ = std::fs::remove_dir_all(out);
            let m = measure(&cmd);
            if best.as_ref().is_none_or(|b| m.seconds < b.seconds) {
                best = Some(m);
            }
        }
        let m = best.expect("at least one run");
        let reports = std::fs::read_to_string(Path::new(out).join("reports.csv"))
            .map(|t| t.lines().count().saturating_sub(1))
            .unwrap_or(0);
        let per = 1000.0 * m.seconds / reports.max(1) as f64;
        // Overheads are against the transformers build without a model (the same binary).
        let overhead = match base {
            _ if binary != acta => "—".to_string(),
            None => {
                base = Some(per);
                "—".to_string()
            }
            Some(b) => format!("{:+.1} ms", per - b),
        };
        let _ =
            writeln!(table, "| {name} | {reports} | {:.2} | {per:.1} | {overhead} | {:.0} MB |", m.seconds, m.peak_mb);
    }
    let section = format!(
        "## Transformer backend (tiny random models, `--jobs 1`)\n\n\
         `acta-bench models` (run by `make bench` through scripts/bench_transformers.sh): corpus/ {COPIES} times over, \
         acta built with `--features transformers`, the models from `acta-tiny-models` (BERT NER: 2 layers, hidden \
         size 32; BART: 2+2 layers, d_model 32, summaries of at most 24 tokens). Model loading is included once per \
         run; best of {REPEATS} runs each; overhead against the same binary without a model. Real models cost far more: see the README.\n\n{table}"
    );
    print!("{section}");
    let path = Path::new("BENCHMARKS.md");
    let md = std::fs::read_to_string(path).unwrap_or_else(|_| "# acta benchmarks\n\n".into());
    std::fs::write(path, replace_section(&md, "## Transformer backend", "## Component benchmarks", &section))
        .expect("BENCHMARKS.md written");
}

/// `md` with the section starting with `heading` replaced by `section`, or `section` inserted
/// before `before` (or at the end) when there is none.
fn replace_section(md: &str, heading: &str, before: &str, section: &str) -> String {
    if let Some(start) = md.find(heading) {
        let end = md[start + heading.len()..].find("\n## ").map_or(md.len(), |i| start + heading.len() + i + 1);
        return format!("{}{section}\n{}", &md[..start], &md[end..]);
    }
    match md.find(before) {
        Some(at) => format!("{}{section}\n{}", &md[..at], &md[at..]),
        None => format!("{md}\n{section}"),
    }
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::replace_section;

    #[test]
    fn a_section_is_replaced_or_inserted_before_the_next() {
        let md = "# t\n\n## A\na\n\n## C\nc\n";
        let inserted = replace_section(md, "## B", "## C", "## B\nb\n");
        assert_eq!(inserted, "# t\n\n## A\na\n\n## B\nb\n\n## C\nc\n");
        let replaced = replace_section(&inserted, "## B", "## C", "## B\nb2\n");
        assert_eq!(replaced, "# t\n\n## A\na\n\n## B\nb2\n\n## C\nc\n");
    }
}
