//! End-to-end tests of the binary: bad inputs, exit codes, CSV injection, complete output,
//! determinism across thread counts, JSON Lines on stdin and stdout.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn acta(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_acta"));
    cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(s) = stdin {
        input.write_all(s.as_bytes()).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new().has_headers(false).from_path(path).unwrap();
    r.records().map(|rec| rec.unwrap().iter().map(String::from).collect()).collect()
}

const GOOD: &str = "Session Title: Open data in cities\nDate: 3 May 2019\nModerator: Ms. Ana Silva, Director, University of Lisbon\n\nDiscussion:\n\nThe panel discussed open data portals in three cities and how citizens use them.\n";

#[test]
fn bad_inputs_fail_their_own_row_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("a_good.txt"), GOOD).unwrap();
    std::fs::write(input.join("b_empty.txt"), "").unwrap();
    std::fs::write(input.join("c_binary.txt"), b"abc\0def").unwrap();
    std::fs::write(input.join("d_undecodable.txt"), [0xFF, 0xFE, 0x41, 0x00, 0x42]).unwrap();
    std::fs::write(input.join("e_large.txt"), "x".repeat(5000)).unwrap();
    std::fs::write(input.join("f_skipped.odp"), "not a report").unwrap();
    let out = dir.path().join("out");
    let o = acta(&["extract", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--max-bytes", "4000"], None);
    assert_eq!(o.status.code(), Some(1), "some reports failed: exit 1");
    let stderr = String::from_utf8_lossy(&o.stderr);
    for (file, words) in [
        ("b_empty.txt", "empty file"),
        ("c_binary.txt", "binary file (NUL byte at byte 3)"),
        ("d_undecodable.txt", "undecodable bytes"),
        ("e_large.txt", "over the limit of 4000 bytes"),
    ] {
        assert!(
            stderr.lines().any(|l| l.contains(file) && l.contains(words)),
            "no clear error for {file} in:\n{stderr}"
        );
    }
    assert!(
        stderr.contains("1 reports") && stderr.contains("4 failed") && stderr.contains("1 files skipped"),
        "{stderr}"
    );
    let errors = read_csv(&out.join("errors.csv"));
    assert_eq!(errors.len(), 5, "header + 4 failures: {errors:?}");
    assert_eq!(errors[0], vec!["id", "source", "stage", "error"]);
    let reports = read_csv(&out.join("reports.csv"));
    assert_eq!(reports.len(), 2, "the good report is written");
    assert_eq!(reports[1][0], "a_good.txt");
}

#[test]
fn unreadable_path_and_malformed_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let missing = dir.path().join("no-such-dir");
    let stdin = format!("{}\nthis is not json\n{{\"id\": \"r2\"}}\n", serde_json::json!({"id": "r1", "text": GOOD}));
    let o = acta(&["extract", missing.to_str().unwrap(), "-", "--out", out.to_str().unwrap()], Some(&stdin));
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("no-such-dir"), "{stderr}");
    assert!(stderr.contains("stdin:2") && stderr.contains("line 2"), "{stderr}");
    assert!(stderr.contains("stdin:3") && stderr.contains("no \"text\" field"), "{stderr}");
    let reports = read_csv(&out.join("reports.csv"));
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[1][0], "r1");
    assert_eq!(read_csv(&out.join("errors.csv")).len(), 4);
}

#[test]
fn exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.txt"), GOOD).unwrap();
    let out = dir.path().join("out");
    let ok = acta(&["extract", dir.path().join("r.txt").to_str().unwrap(), "--out", out.to_str().unwrap()], None);
    assert_eq!(ok.status.code(), Some(0));
    assert_eq!(acta(&["extract"], None).status.code(), Some(2), "missing input is a usage error");
    assert_eq!(acta(&["extract", "x.txt", "--bogus"], None).status.code(), Some(2));
    assert_eq!(acta(&["extract", "x.txt"], None).status.code(), Some(2), "no --out and no --jsonl");
    let bad_lang = acta(&["extract", "x.txt", "--out", out.to_str().unwrap(), "--languages", "en,xx"], None);
    assert_eq!(bad_lang.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_lang.stderr).contains("`xx`"));
}

#[test]
fn csv_cells_are_injection_safe_and_excel_gets_a_bom() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("r.txt"),
        "Title: =HYPERLINK(\"http://x\")\nDate: 2019-05-03\n\nSome text about the session and what it found.\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = acta(&["extract", dir.path().to_str().unwrap(), "--out", out.to_str().unwrap(), "--excel"], None);
    assert_eq!(o.status.code(), Some(0));
    let raw = std::fs::read(out.join("reports.csv")).unwrap();
    assert!(raw.starts_with(b"\xEF\xBB\xBF"));
    let rows = read_csv(&out.join("reports.csv"));
    let title_col = rows[0].iter().position(|c| c == "title").unwrap();
    assert_eq!(rows[1][title_col], "'=HYPERLINK(\"http://x\")");
}

#[test]
fn output_is_complete_and_identical_across_thread_counts_and_batch_sizes() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let dir = tempfile::tempdir().unwrap();
    let mut outputs = Vec::new();
    // Batches of one and of seven reports stream in groups smaller than the default batch, many
    // groups in flight at once: they come back out of order and must be written in order.
    let runs = [("1", "256"), ("4", "256"), ("4", "1"), ("3", "7")];
    for (jobs, batch) in runs {
        let out = dir.path().join(format!("out{jobs}_{batch}"));
        let o = acta(
            &[
                "extract",
                corpus.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
                "--jobs",
                jobs,
                "--batch-size",
                batch,
            ],
            None,
        );
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
        let names: Vec<String> =
            std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().to_string()).collect();
        assert!(!names.iter().any(|n| n.ends_with(".partial")), "temporary files left: {names:?}");
        let progress = std::fs::read_to_string(out.join(".acta-progress.json")).unwrap();
        assert!(progress.contains("\"complete\": true"), "a finished run says so: {progress}");
        let files: Vec<Vec<u8>> = ["reports.csv", "speakers.csv", "entities.csv", "errors.csv", "reports.jsonl"]
            .iter()
            .map(|f| std::fs::read(out.join(f)).unwrap())
            .collect();
        outputs.push(files);
    }
    for (run, output) in runs.iter().zip(&outputs).skip(1) {
        assert!(*output == outputs[0], "--jobs {} --batch-size {} must write the bytes of --jobs 1", run.0, run.1);
    }
}

#[test]
fn json_lines_stream_through_stdout_in_order_with_errors_as_records() {
    let stdin = format!(
        "{}\n{{\"id\": \"broken\"}}\n{}\n",
        serde_json::json!({"id": "first", "text": GOOD}),
        serde_json::json!({"id": "second", "text": "Fecha: 20 de diciembre de 2017\n\nLa sesión trató sobre gobierno digital en la región.\n"})
    );
    let o = acta(&["extract", "-", "--jsonl", "-", "--quiet"], Some(&stdin));
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<serde_json::Value> =
        String::from_utf8(o.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "first");
    assert_eq!(lines[0]["date"], "2019-05-03");
    assert!(lines[1]["error"].as_str().unwrap().contains("no \"text\""));
    assert_eq!(lines[2]["id"], "second");
    assert_eq!(lines[2]["language"], "es");
    assert_eq!(lines[2]["date"], "2017-12-20");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_one_error_row_and_a_non_utf8_path_is_read() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    std::os::unix::fs::symlink("..", input.join("sub/up")).unwrap();
    let odd_name = std::ffi::OsStr::from_bytes(b"caf\xe9-\xff.txt");
    std::fs::write(input.join(odd_name), GOOD).unwrap();
    let out = dir.path().join("out");
    let o = acta(&["extract", input.to_str().unwrap(), "--out", out.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(1), "the loop counts as a failure: {}", String::from_utf8_lossy(&o.stderr));
    let errors = read_csv(&out.join("errors.csv"));
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[1][3].contains("loop"), "{errors:?}");
    let reports = read_csv(&out.join("reports.csv"));
    assert_eq!(reports.len(), 2, "the report beside the loop is read once: {reports:?}");
    assert_eq!(reports[1][0], "caf\u{fffd}-\u{fffd}.txt", "bytes that are not UTF-8 are shown as U+FFFD in the id");
    let title_col = reports[0].iter().position(|c| c == "title").unwrap();
    assert_eq!(reports[1][title_col], "Open data in cities");
}

#[test]
fn deeply_nested_and_broken_html_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    let nested = format!(
        "<html><body>{}<p>Ms. Ana Silva, Director, University of Lisbon, Portugal, opened the session.</p>{}</body></html>",
        "<div>".repeat(30_000),
        "</div>".repeat(30_000)
    );
    std::fs::write(input.join("nested.html"), nested).unwrap();
    let broken = "<p><b><i>Mr. Juan Pérez (Chile) <table><tr><td>x".repeat(3_000);
    std::fs::write(input.join("broken.html"), broken).unwrap();
    let out = dir.path().join("out");
    let o = acta(&["extract", input.to_str().unwrap(), "--out", out.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let people: Vec<Vec<String>> =
        read_csv(&out.join("entities.csv")).into_iter().filter(|r| r[1] == "person").collect();
    assert!(people.iter().any(|r| r[0] == "nested.html" && r[3] == "Ana Silva"), "{people:?}");
    assert!(people.iter().any(|r| r[0] == "broken.html" && r[3] == "Juan Pérez"), "{people:?}");
}

/// A CSV cell and a JSON row value say the same thing: text equal (after the formula guard), null
/// for an empty cell, numbers equal.
fn same_cell(csv: &str, json: &serde_json::Value) -> bool {
    let csv = match csv.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => csv,
    };
    match json {
        serde_json::Value::Null => csv.is_empty(),
        serde_json::Value::String(s) => s == csv,
        serde_json::Value::Number(n) => csv.parse::<f64>().ok() == n.as_f64(),
        _ => false,
    }
}

#[test]
fn the_row_stream_holds_the_csv_rows_typed() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let rows_path = dir.path().join("rows.jsonl");
    let o = acta(
        &["extract", corpus.to_str().unwrap(), "--out", out.to_str().unwrap(), "--rows", rows_path.to_str().unwrap()],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let rows: Vec<serde_json::Value> =
        std::fs::read_to_string(&rows_path).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    for table in ["reports", "speakers", "entities", "errors"] {
        let csv = read_csv(&out.join(format!("{table}.csv")));
        let (header, csv_rows) = csv.split_first().unwrap();
        let json_rows: Vec<&serde_json::Value> = rows.iter().filter(|r| r["table"] == table).collect();
        assert_eq!(json_rows.len(), csv_rows.len(), "{table}: as many rows in the stream as in the CSV file");
        for (c, j) in csv_rows.iter().zip(&json_rows) {
            for (column, cell) in header.iter().zip(c) {
                assert!(
                    same_cell(cell, &j[column.as_str()]),
                    "{table}.{column}: CSV {cell:?}, row {}",
                    j[column.as_str()]
                );
            }
        }
    }
    assert!(rows.iter().any(|r| r["table"] == "reports" && r["bytes"].is_u64()), "counts are numbers");
}

#[test]
fn files_sent_as_base64_json_lines_give_the_records_of_the_files() {
    use base64::Engine as _;
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let corpus = corpus.canonicalize().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let from_files = dir.path().join("files");
    let o = acta(&["extract", corpus.to_str().unwrap(), "--out", from_files.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(0));
    // The same reports as a distributed job would send them: id, source and the file's bytes.
    let mut stdin = String::new();
    let mut cases: Vec<_> = std::fs::read_dir(&corpus).unwrap().map(|e| e.unwrap().path()).collect();
    cases.sort();
    for case in cases {
        for name in ["report.txt", "report.md", "report.html"] {
            let path = case.join(name);
            if let Ok(bytes) = std::fs::read(&path) {
                let id = path.strip_prefix(&corpus).unwrap().to_str().unwrap().to_string();
                let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
                stdin.push_str(
                    &serde_json::json!({"id": id, "source": path.to_str().unwrap(), "base64": b64}).to_string(),
                );
                stdin.push('\n');
            }
        }
    }
    let streamed = acta(&["extract", "-", "--jsonl", "-", "--quiet"], Some(&stdin));
    assert_eq!(streamed.status.code(), Some(0), "{}", String::from_utf8_lossy(&streamed.stderr));
    let from_stream: std::collections::BTreeMap<String, String> = String::from_utf8(streamed.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            (serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string(), l.to_string())
        })
        .collect();
    let files = std::fs::read_to_string(from_files.join("reports.jsonl")).unwrap();
    assert_eq!(files.lines().count(), from_stream.len());
    for line in files.lines() {
        let id = serde_json::from_str::<serde_json::Value>(line).unwrap()["id"].as_str().unwrap().to_string();
        assert!(
            from_stream.get(&id).map(String::as_str) == Some(line),
            "{id}: the streamed record differs from the file's"
        );
    }
}

/// A build without the transformers feature refuses --ner-model with the way to get it, or with
/// --fallback goes on with its own extraction and says so on the report.
#[cfg(not(feature = "transformers"))]
#[test]
fn model_flags_without_the_transformers_build_explain_or_fall_back() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    std::fs::write(&input, GOOD).unwrap();
    let out = dir.path().join("out");
    let args = ["extract", input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--quiet", "--ner-model", "m"];
    let o = acta(&args, None);
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("--ner-model") && stderr.contains("--features transformers"), "{stderr}");
    let o = acta(&[&args[..], &["--summary-model", "s", "--fallback"]].concat(), None);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let reports = read_csv(&out.join("reports.csv"));
    let warnings = reports[0].iter().position(|c| c == "warnings").unwrap();
    let cell = &reports[1][warnings];
    assert!(cell.starts_with("NER model (--ner-model) not used") && cell.contains("summary model"), "{cell}");
}

/// Lines written for this test: sentences, a title, names and short fragments in the four
/// languages, with and without their accents.
const LANGUAGE_LINES: [(&str, &[&str]); 4] = [
    (
        "en",
        &[
            "The council approved the budget for the new water network after a long debate.",
            "Minutes of the Regional Meeting on Open Government",
            "All Members Were Present.",
            "Thanks to everyone who came.",
            "Ana Pérez, Juan Gómez and Maria Silva",
        ],
    ),
    (
        "es",
        &[
            "La comision aprobo el presupuesto despues de una larga discusion sobre el agua.",
            "No se que decir de este espectaculo porque no hay palabras para eso.",
            "Acta de la reunión ordinaria del consejo directivo",
            "Ella ri en su cara.",
            "Se levantó la sesión a las 18:00 horas.",
        ],
    ),
    (
        "pt",
        &[
            "O conselho aprovou o orçamento depois de um longo debate sobre a rede de água.",
            "Estiveram presentes os conselheiros e a secretária executiva.",
            "Ata da reunião ordinária",
            "Nao foi possivel votar a proposta nesta sessao.",
            "Obrigado a todos.",
        ],
    ),
    (
        "fr",
        &[
            "Le conseil a approuvé le budget après un long débat sur le réseau d'eau.",
            "Étaient présents les membres du bureau et la secrétaire générale.",
            "Compte rendu de la réunion du comité",
            "La seance est levee a midi.",
            "Merci à tous.",
        ],
    ),
];

#[test]
fn eval_lang_answers_are_those_of_acta_extract() {
    // acta eval-lang must score the program users run: each line's answer there equals the
    // language `acta extract -` gives the same line as a JSON Lines record.
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("langid");
    std::fs::create_dir_all(&data).unwrap();
    let mut lines: Vec<(String, String)> = Vec::new();
    // In the order eval-lang reads the files: by language code.
    let mut by_code = LANGUAGE_LINES;
    by_code.sort_by_key(|(lang, _)| *lang);
    for (lang, own) in by_code {
        let mut file_lines: Vec<String> = own.iter().map(|s| s.to_string()).collect();
        // A sample of the shared test data too, when it is beside the repository.
        let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/langid");
        for class in ["sentences", "word-pairs", "single-words"] {
            match std::fs::read_to_string(shared.join(format!("{lang}-{class}.txt"))) {
                Ok(text) => file_lines
                    .extend(text.lines().map(str::trim).filter(|l| !l.is_empty()).step_by(50).map(String::from)),
                Err(_) => eprintln!("{} not here: only this test's own lines are compared", shared.display()),
            }
        }
        std::fs::write(data.join(format!("{lang}-sentences.txt")), file_lines.join("\n") + "\n").unwrap();
        lines.extend(file_lines.into_iter().map(|l| (lang.to_string(), l)));
    }
    let answers = dir.path().join("answers.tsv");
    let o = acta(&["eval-lang", "--data", data.to_str().unwrap(), "--answers", answers.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(stdout.contains("accuracy by its confidence"), "{stdout}");
    let eval_answers: Vec<(String, String)> = std::fs::read_to_string(&answers)
        .unwrap()
        .lines()
        .skip(1)
        .map(|row| {
            let cells: Vec<&str> = row.split('\t').collect();
            (cells[3].to_string(), cells[4].to_string())
        })
        .collect();
    assert_eq!(eval_answers.len(), lines.len());

    let jsonl: String = lines
        .iter()
        .enumerate()
        .map(|(i, (_, text))| serde_json::json!({"id": i.to_string(), "text": text}).to_string() + "\n")
        .collect();
    let o = acta(&["extract", "-", "--jsonl", "-", "--quiet"], Some(&jsonl));
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let extracted: Vec<serde_json::Value> =
        String::from_utf8_lossy(&o.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(extracted.len(), lines.len());
    let mut right = 0;
    for (i, record) in extracted.iter().enumerate() {
        let language = record["language"].as_str().unwrap_or("").to_string();
        let confidence = record["language_confidence"].as_f64().unwrap();
        assert_eq!(
            (language.as_str(), confidence),
            (eval_answers[i].0.as_str(), eval_answers[i].1.parse::<f64>().unwrap()),
            "line {i}: {:?}",
            lines[i].1
        );
        right += usize::from(language == lines[i].0);
    }
    // The lines written here are all long or plain enough to be read right.
    let own_right = LANGUAGE_LINES
        .iter()
        .flat_map(|(lang, own)| own.iter().map(move |s| (*lang, *s)))
        .filter(|(lang, s)| {
            lines.iter().zip(&extracted).any(|((l, t), r)| l == lang && t == s && r["language"] == *lang)
        })
        .count();
    assert_eq!(own_right, 20, "{right} of {} right", lines.len());
}

#[test]
fn records_leave_the_cleaned_text_out_unless_asked_and_offsets_point_into_it() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/es_acta_reunion/report.txt");
    let report = std::fs::read_to_string(&corpus).unwrap();
    let line = serde_json::json!({"id": "acta", "text": report}).to_string();
    let run = |extra: &[&str]| -> serde_json::Value {
        let mut args = vec!["extract", "-", "--jsonl", "-", "--quiet"];
        args.extend_from_slice(extra);
        let out = acta(&args, Some(&line));
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let (lean, full) = (run(&[]), run(&["--with-text"]));
    assert!(lean.get("text").is_none(), "no text without --with-text");
    let text = full["text"].as_str().unwrap();
    // Everything else is the same record.
    let mut without = full.clone();
    without.as_object_mut().unwrap().remove("text");
    assert_eq!(lean, without);
    // Offsets point into the cleaned text (given with --with-text), original offsets into the input.
    let mentions = full["mentions"].as_array().unwrap();
    assert!(!mentions.is_empty());
    for m in mentions {
        let at = |k: &str| m[k].as_u64().unwrap() as usize;
        assert_eq!(&text[at("start")..at("end")], m["text"].as_str().unwrap());
        assert_eq!(&report[at("original_start")..at("original_end")], m["text"].as_str().unwrap());
    }
}

#[test]
fn titles_in_prose_leave_out_the_honorific_and_the_possessive_country() {
    let text = "Geneva, 3 May 2024. The meeting was opened by Secretary-General Dr. Tomás Benítez Arce. \
                Later the Forum elected Norway's Foreign Affairs Minister Ingrid Solberg Dahl as vice-chair. \
                The closing words were given by Chile's Amb. Rosa Quintero Paz.";
    let line = serde_json::json!({"id": "prose", "text": text}).to_string();
    let out = acta(&["extract", "-", "--jsonl", "-", "--quiet"], Some(&line));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let record: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let speaker = |name: &str| {
        let s = record["speakers"].as_array().unwrap().iter().find(|s| s["name"] == name).cloned();
        s.unwrap_or_else(|| panic!("{name} in {}", record["speakers"]))
    };
    let benitez = speaker("Tomás Benítez Arce");
    assert_eq!((benitez["role"].as_str(), benitez["honorific"].as_str()), (Some("Secretary-General"), Some("Dr.")));
    let solberg = speaker("Ingrid Solberg Dahl");
    assert_eq!((solberg["role"].as_str(), solberg["country"].as_str()), (Some("Foreign Affairs Minister"), Some("NO")));
    // A three-letter surname at a sentence's end: the name without the period.
    let quintero = speaker("Rosa Quintero Paz");
    assert_eq!(quintero["honorific"].as_str(), Some("Amb."));
}

#[test]
fn bodies_and_people_of_press_prose() {
    let record = |id: &str, text: &str| -> serde_json::Value {
        let line = serde_json::json!({"id": id, "text": text}).to_string();
        let out = acta(&["extract", "-", "--jsonl", "-", "--quiet"], Some(&line));
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let names = |r: &serde_json::Value, field: &str| -> Vec<String> {
        r[field].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect()
    };
    let fr = record(
        "fr",
        "Dakar, le 4 mars 2025. L'atelier, organisé avec les ministères de la Culture et de l'Agriculture, \
         a été ouvert par Aminata OUEDRAOGO, directrice au ministère de la Santé, en présence de \
         M. Paul Durand, président de Lumicorp, et de Yempabou TIENDREBEOGO, maire de la commune.",
    );
    let bodies = [names(&fr, "ministries"), names(&fr, "organizations")].concat();
    for body in ["Ministère de la Culture", "Ministère de l'Agriculture", "ministère de la Santé", "Lumicorp"] {
        assert!(bodies.iter().any(|b| b == body), "{body} in {bodies:?}");
    }
    let people = names(&fr, "people");
    for person in ["Aminata OUEDRAOGO", "Paul Durand", "Yempabou TIENDREBEOGO"] {
        assert!(people.iter().any(|p| p == person), "{person} in {people:?}");
    }
    let durand = fr["speakers"].as_array().unwrap().iter().find(|s| s["name"] == "Paul Durand").unwrap();
    assert_eq!((durand["role"].as_str(), durand["organization"].as_str()), (Some("président"), Some("Lumicorp")));
    let es = record(
        "es",
        "Intervinieron Ernesto Peralta, Claudia del Pozo, Xiomeli Barrantes y José Santos. \
         Habló también la secretaria de Ana Ruiz Pérez.",
    );
    let people = names(&es, "people");
    assert!(people.iter().any(|p| p == "Xiomeli Barrantes"), "{people:?}");
    assert!(names(&es, "ministries").is_empty(), "{:?}", names(&es, "ministries"));
    let pt = record("pt", "Participantes:\n- Renata Vilela Prado, Professora Universitária, Faculdade de Direito\n");
    assert_eq!(names(&pt, "people"), ["Renata Vilela Prado"]);
    let en = record("en", "Present:\n  • Honourable Ministers of Government\n  • Mrs. Ruth Ellery Cole, Chair\n");
    assert_eq!(names(&en, "people"), ["Ruth Ellery Cole"]);
    // A title in parentheses is no acronym; "Jun" is a given name, not June.
    let es = record("es2", "Equipo:\nLuiz Gustavo Campos (Coordinador)\nMarta Gil Peña (Relatora)\n\nH.E. Ambassador Zhang Jun, Permanent Representative.\n");
    assert_eq!(names(&es, "people"), ["Luiz Gustavo Campos", "Marta Gil Peña", "Zhang Jun"]);
    assert!(names(&es, "organizations").is_empty(), "{:?}", names(&es, "organizations"));
    // A verb opening the sentence is not part of the name before a title.
    let fr = record("fr2", "Intervient Jean-Sébastien Moreau, responsable national du programme.");
    assert_eq!(names(&fr, "people"), ["Jean-Sébastien Moreau"]);
}

/// `acta ... | head`: a reader that stops early ends acta quietly (SIGPIPE), with no panic and no
/// error message about the pipe.
#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_acta_quietly() {
    use std::os::unix::process::ExitStatusExt;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut child = Command::new(env!("CARGO_BIN_EXE_acta"))
        .args(["columns", "reports"])
        .current_dir(&root)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the read end before acta prints.
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!stderr.contains("panicked") && !stderr.contains("Broken pipe"), "{stderr}");
    // Killed by SIGPIPE (13 on Linux and the BSDs), or done before the pipe closed.
    assert!(o.status.success() || o.status.signal() == Some(13), "{:?}", o.status);
}
