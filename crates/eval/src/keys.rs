//! Answer keys and extracted records, read into one shape.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// Answer keys and acta's records share these fields; everything else in either is ignored.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Extraction {
    pub id: String,
    pub source: Option<String>,
    pub language: Option<String>,
    pub speakers: Vec<SpeakerEntry>,
    pub people: Vec<String>,
    pub ministries: Vec<String>,
    pub organizations: Vec<String>,
    pub countries: Vec<String>,
    /// The session's date and time: absent from a key that does not give them (GOLD.md: optional),
    /// `Some(Null)` when it says there is none.
    #[serde(deserialize_with = "present")]
    pub date: Option<serde_json::Value>,
    #[serde(deserialize_with = "present")]
    pub time: Option<serde_json::Value>,
    /// The report's title, as for the date.
    #[serde(deserialize_with = "present")]
    pub title: Option<serde_json::Value>,
}

/// A field that is there, null included (serde reads a null `Option` as absent).
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<serde_json::Value>, D::Error> {
    serde_json::Value::deserialize(d).map(Some)
}

/// One row of the speaker-affiliation table.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SpeakerEntry {
    pub name: String,
    pub honorific: Option<String>,
    pub role: Option<String>,
    pub organization: Option<String>,
    pub country: Option<String>,
    pub session_roles: Vec<String>,
    /// Keys may give one role as `session_role` instead (GOLD.md): read into `session_roles`.
    pub session_role: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{file}: cannot read: {source}")]
    Read { file: String, source: std::io::Error },
    #[error("{file}: line {line}: not a valid record: {source}")]
    BadJson { file: String, line: usize, source: serde_json::Error },
    #[error("{0}: no answer keys (*.json) found")]
    NoKeys(String),
}

fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|source| Error::Read { file: path.display().to_string(), source })
}

/// Every `*.json` answer key under `dir`, in path order.
pub fn load_keys(dir: &Path) -> Result<Vec<(PathBuf, Extraction)>, Error> {
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "json") && p.is_file())
        .collect();
    paths.sort();
    let mut out = Vec::with_capacity(paths.len());
    for path in paths {
        let mut key: Extraction = serde_json::from_str(&read(&path)?).map_err(|source| Error::BadJson {
            file: path.display().to_string(),
            line: 1,
            source,
        })?;
        for s in &mut key.speakers {
            if let Some(role) = s.session_role.take() {
                if !s.session_roles.contains(&role) {
                    s.session_roles.push(role);
                }
            }
        }
        out.push((path, key));
    }
    if out.is_empty() {
        return Err(Error::NoKeys(dir.display().to_string()));
    }
    Ok(out)
}

/// acta's records from a JSON Lines file. Error records (those with an "error" field) are kept:
/// they have no entities, so their keys count as misses.
pub fn load_records(path: &Path) -> Result<Vec<Extraction>, Error> {
    let text = read(path)?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let rec: Extraction = serde_json::from_str(line).map_err(|source| Error::BadJson {
            file: path.display().to_string(),
            line: i + 1,
            source,
        })?;
        out.push(rec);
    }
    Ok(out)
}

/// The names under which a record can match an answer key's `id`: the record id itself, without
/// its extension, its first path component ("case/report.txt" -> "case") and its file stem.
pub fn record_key_candidates(id: &str) -> Vec<String> {
    let mut out = vec![id.to_string()];
    let path = Path::new(id);
    let no_ext = path.with_extension("");
    out.push(no_ext.to_string_lossy().replace('\\', "/"));
    if let Some(first) = path.components().next() {
        out.push(first.as_os_str().to_string_lossy().into_owned());
    }
    if let Some(stem) = path.file_stem() {
        out.push(stem.to_string_lossy().into_owned());
    }
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_ids_match_key_ids_by_case_and_stem() {
        let c = record_key_candidates("es_acta/report.txt");
        assert!(c.contains(&"es_acta".to_string()));
        let c = record_key_candidates("seeds/igf2017-red-gealc.txt");
        assert!(c.contains(&"igf2017-red-gealc".to_string()));
    }

    #[test]
    fn keys_and_records_read_with_missing_fields() {
        let e: Extraction = serde_json::from_str(r#"{"id": "x", "speakers": [{"name": "Ana"}]}"#).unwrap();
        assert_eq!(e.speakers[0].name, "Ana");
        assert!(e.people.is_empty());
    }
}
