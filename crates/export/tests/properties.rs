//! Whatever a report holds, every CSV acta writes parses back to the same cells (formula-guarded)
//! and every JSON Lines record parses back to the same values.

use acta_doc::{Report, Stage};
use acta_export::{safe_cell, write_jsonl, write_jsonl_error, ErrorRow, Outputs, ReportRecord, REPORT_COLUMNS};
use acta_layout::LayoutStage;
use proptest::prelude::*;

/// Cells that stress CSV: quotes, commas, line breaks, formula starts, Unicode.
fn cell() -> impl Strategy<Value = String> {
    "([=+@\\-\t\r]?)(\\PC|[\",;\n\r\t ]){0,30}"
}

fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(100)))]

    #[test]
    fn error_rows_round_trip(rows in proptest::collection::vec((cell(), cell(), cell(), cell()), 1..8)) {
        let dir = tempfile::tempdir().unwrap();
        let mut out = Outputs::create(dir.path(), false, true).unwrap();
        let rows: Vec<ErrorRow> = rows
            .into_iter()
            .map(|(id, source, stage, error)| ErrorRow { id, source, stage, error })
            .collect();
        for r in &rows {
            out.write_error(r).unwrap();
        }
        out.commit().unwrap();
        let mut reader = csv::Reader::from_path(dir.path().join("errors.csv")).unwrap();
        let back: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        prop_assert_eq!(back.len(), rows.len());
        for (r, b) in rows.iter().zip(&back) {
            let expected = [&r.id, &r.source, &r.stage, &r.error].map(|c| safe_cell(c).into_owned());
            prop_assert_eq!(b.iter().collect::<Vec<_>>(), expected.iter().map(String::as_str).collect::<Vec<_>>());
        }
        for r in &rows {
            let mut line = Vec::new();
            write_jsonl_error(&mut line, r).unwrap();
            let v: serde_json::Value = serde_json::from_slice(&line).unwrap();
            prop_assert_eq!(v["error"].as_str(), Some(r.error.as_str()));
            prop_assert_eq!(v["id"].as_str(), Some(r.id.as_str()));
        }
    }

    #[test]
    fn report_rows_have_every_column_and_records_parse(text in "(\\PC|[\",;\n=+@-]){0,300}") {
        let mut report = Report::new("r,\"1\"\n", "src\n.txt", text);
        LayoutStage::bundled().run(&mut report).unwrap();
        let record = ReportRecord::from_report(&report);
        let dir = tempfile::tempdir().unwrap();
        let mut out = Outputs::create(dir.path(), false, true).unwrap();
        out.write(&record).unwrap();
        out.commit().unwrap();
        let mut reader = csv::Reader::from_path(dir.path().join("reports.csv")).unwrap();
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        prop_assert_eq!(rows.len(), 1);
        prop_assert_eq!(rows[0].len(), REPORT_COLUMNS.len());
        prop_assert_eq!(&rows[0][0], "r,\"1\"\n");
        let mut line = Vec::new();
        write_jsonl(&mut line, &record).unwrap();
        prop_assert_eq!(line.iter().filter(|b| **b == b'\n').count(), 1, "one line per record");
        let v: serde_json::Value = serde_json::from_slice(&line).unwrap();
        prop_assert_eq!(v["text"].as_str(), Some(report.text.as_str()));
    }
}
