//! `acta-bench pathological`: inputs shaped to find super-linear corners, each at two sizes, so
//! that the table shows whether time doubles when the input doubles. Also a symlink loop and a
//! file name that is not UTF-8, which must be refused or read, not hang.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::run::measure;

/// One kind of pathological input: a name, the unit its size counts, two sizes, and the writer.
struct Kind {
    name: &'static str,
    unit: &'static str,
    sizes: [usize; 2],
    file: &'static str,
    make: fn(usize) -> String,
}

fn one_long_line(mb: usize) -> String {
    let words = [
        "the", "ministry", "of", "economy", "Ana", "Silva", "said", "that", "Brazil", "network", "la", "ministra",
        "de", "Ciencia,", "Mr.", "Juan", "Pérez", "(Chile)",
    ];
    let mut text = String::with_capacity(mb * 1_000_000 + 16);
    let mut i = 0usize;
    while text.len() < mb * 1_000_000 {
        text.push_str(words[(i * 7 + i / 3) % words.len()]);
        text.push(' ');
        i += 1;
    }
    text
}

fn speaker_list(entries: usize) -> String {
    let mut text = String::from("Speakers\n");
    for i in 0..entries {
        let suffix: String = [i / 17_576, (i / 676) % 26, (i / 26) % 26, i % 26]
            .iter()
            .map(|d| char::from(b'a' + (*d % 26) as u8))
            .collect();
        text.push_str(&format!("- Ana Silva Costa{suffix}, Director, Ministry of Economy of Peru\n"));
    }
    text
}

fn headings(n: usize) -> String {
    (0..n).map(|i| format!("Section {i}\n\nMr. Juan Pérez spoke about topic {i} in the region.\n\n")).collect()
}

fn nested_divs(n: usize) -> String {
    format!(
        "<html><body>{}<p>Ms. Ana Silva, Director, University of Lisbon, opened the session.</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    )
}

fn unclosed_tags(n: usize) -> String {
    "<p><b><i>Mr. Juan Pérez (Chile) <table><tr><td>x".repeat(n)
}

fn one_word_lines(n: usize) -> String {
    "Texto\n\nx\nDr.\n".repeat(n / 4)
}

/// Minutes made of labelled lines ("Moderador: ...", "Resolución: ..."), many of them lists of
/// people: checks run per line against every field or list found once were quadratic here.
fn field_lines(n: usize) -> String {
    let labels =
        ["Fecha", "Hora", "Lugar", "Moderador", "Organizador", "Relator", "Participantes", "Tema", "Resolución"];
    let mut text = String::from("ACTA DE LA SESIÓN ORDINARIA\n\n");
    for i in 0..n {
        text.push_str(&format!("{}: Ana Silva Costa, punto {i} tratado por el concejo\n", labels[i % labels.len()]));
    }
    text
}

const KINDS: &[Kind] = &[
    Kind { name: "one line", unit: "MB", sizes: [10, 20], file: "line.txt", make: one_long_line },
    Kind { name: "speaker list", unit: "entries", sizes: [50_000, 100_000], file: "speakers.txt", make: speaker_list },
    Kind { name: "headings", unit: "headings", sizes: [5_000, 10_000], file: "headings.txt", make: headings },
    Kind { name: "nested divs", unit: "divs", sizes: [40_000, 80_000], file: "nested.html", make: nested_divs },
    Kind {
        name: "unclosed tags and tables",
        unit: "repeats",
        sizes: [10_000, 20_000],
        file: "unclosed.html",
        make: unclosed_tags,
    },
    Kind { name: "one-word lines", unit: "lines", sizes: [40_000, 80_000], file: "words.txt", make: one_word_lines },
    Kind { name: "field lines", unit: "lines", sizes: [20_000, 40_000], file: "fields.txt", make: field_lines },
];

/// Runs acta (one thread) on every input and returns the Markdown section for BENCHMARKS.md.
pub fn run(root: &Path) -> String {
    let acta = root.join("target/release/acta");
    let acta = acta.to_str().expect("utf-8 path");
    let base = root.join("target/bench/pathological");
    let out = base.join("out");
    let out_s = out.to_str().expect("utf-8 path").to_string();
    let mut table = String::from(
        "| input | size | bytes | seconds | peak memory | outcome | time ratio to half size |\n| --- | --- | --- | --- | --- | --- | --- |\n",
    );
    let run_one = |input: &Path| {
        let _ = std::fs::remove_dir_all(&out);
        let m = measure(&[acta, "extract", input.to_str().expect("utf-8 path"), "--out", &out_s, "--jobs", "1"]);
        let outcome = m.stderr.lines().rev().find(|l| l.starts_with("acta: ") && l.contains(" reports,")).map_or_else(
            || "no summary line".to_string(),
            |l| l.trim_start_matches("acta: ").split(", ").take(4).collect::<Vec<_>>().join(", "),
        );
        (m, outcome)
    };
    for kind in KINDS {
        let mut half_seconds = 0.0f64;
        for (i, &size) in kind.sizes.iter().enumerate() {
            let dir = base.join(format!("{}-{size}", kind.file.replace('.', "-")));
            let path = dir.join(kind.file);
            if !path.exists() {
                std::fs::create_dir_all(&dir).expect("bench dir");
                std::fs::write(&path, (kind.make)(size)).expect("pathological input written");
            }
            let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
            let (m, outcome) = run_one(&path);
            let ratio = if i == 1 { format!("{:.2}", m.seconds / half_seconds.max(1e-9)) } else { String::new() };
            half_seconds = m.seconds;
            let _ = writeln!(
                table,
                "| {} | {size} {} | {bytes} | {:.2} | {:.0} MB | {outcome} | {ratio} |",
                kind.name, kind.unit, m.seconds, m.peak_mb
            );
            eprintln!("acta-bench: {} ({size} {}): {:.2} s, {:.0} MB", kind.name, kind.unit, m.seconds, m.peak_mb);
        }
    }
    for (name, dir) in [("symlink loop", special_symlink_loop(&base)), ("file name not UTF-8", special_odd_name(&base))]
    {
        let Some(dir) = dir else { continue };
        let (m, outcome) = run_one(&dir);
        let _ = writeln!(table, "| {name} | | | {:.2} | {:.0} MB | {outcome} | |", m.seconds, m.peak_mb);
    }
    format!(
        "## Pathological inputs (`acta extract --jobs 1`, whole process)\n\nEach shape at two sizes: a time ratio near 2 means linear. Written by `acta-bench pathological`, which `make bench` runs.\n\n{table}"
    )
}

#[cfg(unix)]
fn special_symlink_loop(base: &Path) -> Option<PathBuf> {
    let dir = base.join("symlink-loop");
    if !dir.exists() {
        std::fs::create_dir_all(dir.join("sub")).ok()?;
        std::fs::write(dir.join("report.txt"), "Moderator: Ms. Ana Silva, University of Lisbon\n").ok()?;
        std::os::unix::fs::symlink("..", dir.join("sub/up")).ok()?;
    }
    Some(dir)
}

#[cfg(unix)]
fn special_odd_name(base: &Path) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    let dir = base.join("odd-name");
    std::fs::create_dir_all(&dir).ok()?;
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9-\xff.txt");
    std::fs::write(dir.join(name), "Moderator: Ms. Ana Silva, University of Lisbon\n").ok()?;
    Some(dir)
}

#[cfg(not(unix))]
fn special_symlink_loop(_: &Path) -> Option<PathBuf> {
    None
}

#[cfg(not(unix))]
fn special_odd_name(_: &Path) -> Option<PathBuf> {
    None
}
