//! The SQLite database: the CSV files' rows with SQL types, updated incrementally — a second run
//! changes nothing, a new report adds only its rows, a changed one replaces its rows.

use std::path::Path;
use std::process::Command;

fn acta(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_acta")).args(args).output().unwrap()
}

fn count(db: &rusqlite::Connection, sql: &str) -> i64 {
    db.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn csv_rows(path: &Path) -> i64 {
    csv::Reader::from_path(path).unwrap().records().count() as i64
}

#[test]
fn the_database_holds_the_csv_rows_and_grows_incrementally() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    for case in ["en_igf_template_gender", "es_relatoria_formulario", "pt_painel_debatedores"] {
        std::fs::create_dir_all(input.join(case)).unwrap();
        std::fs::copy(corpus.join(case).join("report.txt"), input.join(case).join("report.txt")).unwrap();
    }
    std::fs::write(input.join("empty.txt"), "").unwrap();
    let (out, db_path) = (dir.path().join("out"), dir.path().join("acta.sqlite"));
    let (input_s, out_s, db_s) = (input.to_str().unwrap(), out.to_str().unwrap(), db_path.to_str().unwrap());

    let first = acta(&["extract", input_s, "--out", out_s, "--sqlite", db_s]);
    assert_eq!(first.status.code(), Some(1), "the empty file fails: {}", String::from_utf8_lossy(&first.stderr));
    let db = rusqlite::Connection::open(&db_path).unwrap();
    for table in ["reports", "speakers", "entities", "errors"] {
        let rows = count(&db, &format!("SELECT count(*) FROM {table}"));
        assert_eq!(rows, csv_rows(&out.join(format!("{table}.csv"))), "{table}: the CSV file's rows");
    }
    assert_eq!(count(&db, "SELECT count(*) FROM reports WHERE typeof(bytes) = 'integer'"), 3, "typed columns");
    assert_eq!(
        count(&db, "SELECT count(*) FROM speakers WHERE typeof(confidence) = 'real'"),
        count(&db, "SELECT count(*) FROM speakers")
    );
    assert_eq!(
        count(&db, "SELECT count(*) FROM speakers s LEFT JOIN reports r ON r.id = s.report_id WHERE r.id IS NULL"),
        0
    );
    drop(db);

    // The same dump again: nothing to do, the file is untouched.
    let before = std::fs::read(&db_path).unwrap();
    let again = acta(&["extract", input_s, "--sqlite", db_s]);
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("0 added, 0 replaced, 3 unchanged"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert!(std::fs::read(&db_path).unwrap() == before, "a second run leaves the database unchanged");

    // One report added, one changed.
    std::fs::create_dir_all(input.join("fr_releve_presents")).unwrap();
    std::fs::copy(corpus.join("fr_releve_presents/report.txt"), input.join("fr_releve_presents/report.txt")).unwrap();
    let changed = input.join("pt_painel_debatedores/report.txt");
    let text = std::fs::read_to_string(&changed).unwrap();
    std::fs::write(&changed, format!("{text}\nNota final: a sessão terminou às 18h.\n")).unwrap();
    let third = acta(&["extract", input_s, "--sqlite", db_s]);
    assert!(
        String::from_utf8_lossy(&third.stderr).contains("1 added, 1 replaced, 2 unchanged"),
        "{}",
        String::from_utf8_lossy(&third.stderr)
    );
    let db = rusqlite::Connection::open(&db_path).unwrap();
    assert_eq!(count(&db, "SELECT count(*) FROM reports"), 4);
    let speakers_of = |id: &str| count(&db, &format!("SELECT count(*) FROM speakers WHERE report_id = '{id}'"));
    let pt = "pt_painel_debatedores/report.txt";
    assert_eq!(speakers_of(pt), csv_speakers(&out.join("speakers.csv"), pt), "replaced, not doubled");
    assert!(count(&db, "SELECT count(*) FROM entities WHERE report_id = 'fr_releve_presents/report.txt'") > 0);
    assert_eq!(count(&db, "SELECT count(*) FROM errors"), 1, "the empty file's error row, once");
}

fn csv_speakers(path: &Path, id: &str) -> i64 {
    csv::Reader::from_path(path).unwrap().records().filter(|r| r.as_ref().unwrap().get(0) == Some(id)).count() as i64
}

#[test]
fn a_database_of_something_else_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&db_path)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); PRAGMA user_version = 7;")
        .unwrap();
    let input = dir.path().join("a.txt");
    std::fs::write(&input, "Moderator: Ms. Ana Silva, University of Lisbon\n").unwrap();
    let o = acta(&["extract", input.to_str().unwrap(), "--sqlite", db_path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("other.sqlite") && stderr.contains("not an acta database"), "{stderr}");
}

#[test]
fn the_overview_reads_a_directory_or_a_database_alike() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let dir = tempfile::tempdir().unwrap();
    let (out, db) = (dir.path().join("out"), dir.path().join("acta.sqlite"));
    let o =
        acta(&["extract", corpus.to_str().unwrap(), "--out", out.to_str().unwrap(), "--sqlite", db.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let (from_dir, from_db) = (dir.path().join("a.html"), dir.path().join("b.html"));
    assert!(acta(&["overview", out.to_str().unwrap(), "--html", from_dir.to_str().unwrap()]).status.success());
    assert!(acta(&["overview", db.to_str().unwrap(), "--html", from_db.to_str().unwrap()]).status.success());
    let html = std::fs::read_to_string(&from_dir).unwrap();
    assert!(html == std::fs::read_to_string(&from_db).unwrap(), "the same page from the CSV files and the database");
    let cases =
        std::fs::read_dir(&corpus).unwrap().filter(|e| e.as_ref().unwrap().path().join("gold.json").exists()).count();
    assert!(html.contains(&format!("data-value=\"{cases}\">{cases} reports")), "the totals");
    let missing =
        acta(&["overview", dir.path().join("nothing").to_str().unwrap(), "--html", from_db.to_str().unwrap()]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("neither an output directory nor a database"));
}
