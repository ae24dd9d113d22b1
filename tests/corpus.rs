//! End-to-end: acta over corpus/ (and over ../shared/seeds when it is there), compared with the
//! answer keys. Metadata must match exactly; entity scores are printed for each case.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run_acta(input: &Path, out: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_acta"))
        .arg("extract")
        .arg(input)
        .arg("--out")
        .arg(out)
        .arg("--with-text")
        .arg("--quiet")
        .status()
        .unwrap();
    assert!(status.success(), "acta failed on {}", input.display());
}

fn records(out: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(out.join("reports.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn fold(v: &serde_json::Value) -> Option<String> {
    v.as_str().map(acta_doc::fold_words)
}

/// Precision/recall counts of one list field, by folded exact match.
fn overlap(gold: &serde_json::Value, found: &serde_json::Value) -> (usize, usize, usize) {
    let g: Vec<String> = gold.as_array().map(|a| a.iter().filter_map(fold).collect()).unwrap_or_default();
    let f: Vec<String> = found.as_array().map(|a| a.iter().filter_map(fold).collect()).unwrap_or_default();
    let hit = g.iter().filter(|x| f.contains(x)).count();
    (hit, g.len(), f.len())
}

#[test]
fn corpus_metadata_matches_answer_keys() {
    let corpus = root().join("corpus");
    let out = tempfile::tempdir().unwrap();
    run_acta(&corpus, out.path());
    let by_case: HashMap<String, serde_json::Value> = records(out.path())
        .into_iter()
        .map(|r| (r["id"].as_str().unwrap().split('/').next().unwrap().to_string(), r))
        .collect();
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("gold.json").exists())
        .collect();
    cases.sort();
    assert!(cases.len() >= 12, "corpus/ should hold at least 12 cases, found {}", cases.len());
    let mut misses = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(case.join("gold.json")).unwrap()).unwrap();
        let Some(rec) = by_case.get(&name) else {
            misses.push(format!("{name}: no record"));
            continue;
        };
        // Title, date and time are optional in an answer key (GOLD.md): compared when the key gives them.
        for field in ["language", "title", "date", "time"] {
            if field != "language" && gold.get(field).is_none() {
                continue;
            }
            let (g, f) = (fold(&gold[field]), fold(&rec[field]));
            if g != f {
                misses.push(format!("{name}: {field}: expected {:?}, got {:?}", gold[field], rec[field]));
            }
        }
        for field in ["participants_reported", "women_reported"] {
            if gold.get(field).is_some() && gold[field] != rec[field] {
                misses.push(format!("{name}: {field}: expected {}, got {}", gold[field], rec[field]));
            }
        }
        // Mixed-language spans the key lists (an extension of GOLD.md): the same language over exactly
        // that text, found through the record's byte offsets.
        for span in gold["language_spans"].as_array().into_iter().flatten() {
            let text = rec["text"].as_str().unwrap_or("").as_bytes();
            let found = rec["language_spans"].as_array().into_iter().flatten().any(|s| {
                let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
                s["language"] == span["language"] && text.get(a..b) == span["text"].as_str().map(str::as_bytes)
            });
            if !found {
                misses.push(format!("{name}: no {} span over {:?}", span["language"], span["text"]));
            }
        }
        let p = overlap(&gold["people"], &rec["people"]);
        let c = overlap(&gold["countries"], &rec["countries"]);
        eprintln!("{name}: people {}/{} found ({} output), countries {}/{} ({} output)", p.0, p.1, p.2, c.0, c.1, c.2);
    }
    assert!(misses.is_empty(), "metadata differs from the answer keys:\n{}", misses.join("\n"));
}

#[test]
fn seed_report_from_shared() {
    let seed = root().join("../shared/seeds/igf2017-red-gealc.txt");
    if !seed.exists() {
        eprintln!("skipped: {} is not here (it lives beside the repository in CI)", seed.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::copy(&seed, input.join("igf2017-red-gealc.txt")).unwrap();
    let out = dir.path().join("out");
    run_acta(&input, &out);
    let rec = &records(&out)[0];
    assert_eq!(rec["title"], "Regional Cooperation for the Advancement of Electronic Government");
    assert_eq!(rec["date"], "2017-12-20");
    assert_eq!(rec["time"], "09:00-10:00");
    assert_eq!(rec["language"], "en");
    assert!(rec["language_confidence"].as_f64().unwrap() >= 0.9);
    assert!(rec["organizer"].as_str().unwrap().starts_with("Yolanda Martínez"));
    assert!(rec["moderator"].as_str().unwrap().starts_with("Victor Lagunes"));
    let headings: Vec<&str> =
        rec["sections"].as_array().unwrap().iter().filter_map(|s| s["heading"].as_str()).collect();
    assert!(headings.contains(&"Key Issues raised"), "{headings:?}");
    assert!(headings.contains(&"Gender Reporting"), "{headings:?}");
    assert!(rec["warnings"].as_array().unwrap().iter().any(|w| w.as_str().unwrap().contains("running header")));
    // The cleaned text reads "learning from each other"; a mention's offsets map back to the original bytes.
    let text = rec["text"].as_str().unwrap();
    assert!(text.contains("learning from each other."), "injected header still in the text");
    assert_eq!(text.matches("Regional Cooperation for the Advancement of Electronic Government").count(), 1);
    let original = std::fs::read_to_string(&seed).unwrap();
    for m in rec["mentions"].as_array().unwrap() {
        let (s, e) = (m["original_start"].as_u64().unwrap() as usize, m["original_end"].as_u64().unwrap() as usize);
        assert_eq!(&original[s..e], m["text"].as_str().unwrap(), "mention offsets must map back to the original");
    }
    let csv = std::fs::read_to_string(out.join("reports.csv")).unwrap();
    assert!(csv.contains("Regional Cooperation for the Advancement of Electronic Government,2017-12-20,09:00-10:00"));
    let speakers: Vec<&str> = rec["speakers"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(speakers.len(), 6, "{speakers:?}");
    // The summary: a first sentence from the record (title, date, organiser without their post,
    // moderator), then sentences of the text with no form labels or prompts and no running header,
    // saying what the network is for, then the speakers.
    let summary = rec["summary"].as_str().unwrap();
    assert!(
        summary.starts_with(
            "Regional Cooperation for the Advancement of Electronic Government, 20 December 2017, organised by Yolanda Martínez, moderated by Victor Lagunes."
        ),
        "{summary}"
    );
    assert_eq!(summary.matches("Regional Cooperation for the Advancement").count(), 1, "{summary}");
    // It closes with the first speakers that it has not named (not the organiser or the moderator),
    // a body of one or two words after the name (the others' ministries are longer).
    let (said, close) = summary.rsplit_once(" Speakers: ").expect("a closing sentence of speakers");
    assert_eq!(close, "Marcelo Pagotti, Daniel Abadie and Alejandra Erramuspe (AGESIC).");
    assert!(!said.contains("Please") && !said.contains(":"), "{summary}");
    assert!(summary.contains("Red GEALC") && summary.contains("cooperation"), "{summary}");
    let key_points: Vec<&str> = rec["key_points"].as_array().unwrap().iter().filter_map(|k| k.as_str()).collect();
    assert!(key_points.iter().any(|k| k.starts_with("Challenges")), "{key_points:?}");
}
