//! `acta extract --ner-model DIR --summary-model DIR` end to end, with tiny random models written
//! by the test (no download). Built only with the `transformers` feature (`make test-transformers`).
//! Random weights give random entities and summaries: the tests check structure and merge rules.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn acta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_acta")).args(args).output().unwrap()
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

/// CSV rows as maps from column to value.
fn rows(path: &Path) -> Vec<HashMap<String, String>> {
    let mut r = csv::Reader::from_path(path).unwrap();
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    r.records().map(|rec| header.iter().cloned().zip(rec.unwrap().iter().map(String::from)).collect()).collect()
}

fn tiny_models(dir: &Path) -> (PathBuf, PathBuf) {
    let (ner, summary) = (dir.join("ner"), dir.join("summary"));
    acta_transformers::tiny::write_ner_model(&ner, 7).unwrap();
    acta_transformers::tiny::write_summary_model(&summary, 11, 16).unwrap();
    (ner, summary)
}

#[test]
fn extract_with_both_models_runs_end_to_end_and_keeps_every_rule_entity() {
    let tmp = tempfile::tempdir().unwrap();
    let (ner, summary) = tiny_models(tmp.path());
    let corpus = corpus();
    let plain = tmp.path().join("plain");
    let with_models = tmp.path().join("models");
    let o = acta(&["extract", corpus.to_str().unwrap(), "--out", plain.to_str().unwrap(), "--quiet"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = acta(&[
        "extract",
        corpus.to_str().unwrap(),
        "--out",
        with_models.to_str().unwrap(),
        "--ner-model",
        ner.to_str().unwrap(),
        "--summary-model",
        summary.to_str().unwrap(),
        "--jobs",
        "2",
        "--with-text",
        "--quiet",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    let reports = rows(&with_models.join("reports.csv"));
    assert_eq!(reports.len(), rows(&plain.join("reports.csv")).len());
    for r in &reports {
        assert!(!r["summary_abstractive"].trim().is_empty(), "{}: no abstractive summary", r["id"]);
        assert!(!r["warnings"].contains("model"), "{}: {}", r["id"], r["warnings"]);
    }
    assert!(rows(&plain.join("reports.csv")).iter().all(|r| r["summary_abstractive"].is_empty()));

    // Every entity the rules found is still there; the model may confirm ("both") or add ("model").
    let key =
        |e: &HashMap<String, String>| (e["report_id"].clone(), e["kind"].clone(), e["start"].clone(), e["end"].clone());
    let plain_entities = rows(&plain.join("entities.csv"));
    let model_entities = rows(&with_models.join("entities.csv"));
    let kept: BTreeSet<_> = model_entities.iter().map(key).collect();
    for e in &plain_entities {
        assert!(kept.contains(&key(e)), "rule entity lost: {e:?}");
        assert!(e["model_score"].is_empty());
    }
    let mut by_source: HashMap<&str, usize> = HashMap::new();
    for e in &model_entities {
        let source = e["source"].as_str();
        *by_source
            .entry(match source {
                "model" => "model",
                "both" => "both",
                _ => "rules",
            })
            .or_default() += 1;
        match source {
            "model" | "both" => {
                let score: f64 = e["model_score"].parse().expect("a model score");
                assert!((0.0..=1.0).contains(&score));
            }
            "field" | "pattern" | "gazetteer" | "coreference" => assert!(e["model_score"].is_empty()),
            other => panic!("unknown source {other}"),
        }
        // A model-only country is a country the gazetteer knows: a two-letter code.
        if source == "model" && e["kind"] == "country" {
            assert_eq!(e["canonical"].len(), 2, "{e:?}");
        }
        assert!(e["start"].parse::<usize>().unwrap() < e["end"].parse::<usize>().unwrap());
    }
    assert_eq!(
        by_source.get("rules").copied().unwrap_or(0) + by_source.get("both").copied().unwrap_or(0),
        plain_entities.len()
    );
    assert!(
        by_source.get("model").copied().unwrap_or(0) + by_source.get("both").copied().unwrap_or(0) > 0,
        "{by_source:?}"
    );

    // Offsets of model entities point at their text in the report.
    let jsonl = std::fs::read_to_string(with_models.join("reports.jsonl")).unwrap();
    for line in jsonl.lines() {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = record["text"].as_str().unwrap();
        for m in record["mentions"].as_array().unwrap() {
            let (s, e) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
            assert_eq!(&text[s..e], m["text"].as_str().unwrap());
        }
        assert!(record["summary_abstractive"].as_str().is_some_and(|s| !s.is_empty()));
    }
}

#[test]
fn a_broken_model_fails_the_run_naming_the_file_or_with_fallback_warns_and_keeps_the_rules() {
    let tmp = tempfile::tempdir().unwrap();
    let (ner, _) = tiny_models(tmp.path());
    std::fs::write(ner.join("config.json"), "{ not json").unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::copy(corpus().join("en_board_minutes_present/report.txt"), input.join("a.txt")).unwrap();
    let out = tmp.path().join("out");
    let run = |extra: &[&str]| {
        let mut args = vec!["extract", input.to_str().unwrap(), "--out", out.to_str().unwrap()];
        args.extend_from_slice(&["--ner-model", ner.to_str().unwrap(), "--quiet"]);
        args.extend_from_slice(extra);
        acta(&args)
    };
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("config.json") && stderr.contains("malformed JSON"), "{stderr}");

    let o = run(&["--fallback"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("warning") && stderr.contains("config.json"), "{stderr}");
    let reports = rows(&out.join("reports.csv"));
    assert_eq!(reports.len(), 1);
    assert!(reports[0]["warnings"].contains("NER model not used"), "{:?}", reports[0]["warnings"]);
    assert!(rows(&out.join("entities.csv")).iter().all(|e| e["source"] != "model" && e["source"] != "both"));
}
