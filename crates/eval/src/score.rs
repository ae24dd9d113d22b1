//! Micro-averaged counts per field over many reports, and the misses and extras of each.

use std::fmt::Write as _;

use crate::keys::{Extraction, SpeakerEntry};
use crate::matching::{normalize, one_to_one, organization_similarity, person_similarity};

/// The fields scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Speakers,
    People,
    Ministries,
    Organizations,
    /// Ministries and organisations pooled: a body put on the wrong side still counts.
    OrgsAny,
    Countries,
    Language,
}

impl Field {
    pub const ALL: [Field; 7] = [
        Field::Speakers,
        Field::People,
        Field::Ministries,
        Field::Organizations,
        Field::OrgsAny,
        Field::Countries,
        Field::Language,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Speakers => "speakers",
            Field::People => "people",
            Field::Ministries => "ministries",
            Field::Organizations => "organizations",
            Field::OrgsAny => "orgs_any",
            Field::Countries => "countries",
            Field::Language => "language",
        }
    }

    pub fn parse(s: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == s)
    }
}

/// True positives, false positives and false negatives of one field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    /// Precision; 1 when nothing was found and nothing was to be found.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Correct and scored attributes of matched speakers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AttributeCounts {
    pub matched: usize,
    pub organization: usize,
    pub role: usize,
    pub country: usize,
    pub session_roles: usize,
    pub honorific: usize,
}

/// Keys that give a date, a time or a title (null included), and how many of them acta's record
/// equals. A title is right with the same words (accents and case folded, punctuation aside); its
/// word overlap (ROUGE-1 F1) is summed as well, since a title cut short or run on is half right.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MetadataCounts {
    pub date_keys: usize,
    pub date_right: usize,
    pub time_keys: usize,
    pub time_right: usize,
    pub title_keys: usize,
    pub title_right: usize,
    pub title_overlap: f64,
}

/// Accumulates scores over reports; keeps a readable list of every miss and extra.
#[derive(Debug, Default)]
pub struct Scorer {
    counts: [Counts; 7],
    pub attributes: AttributeCounts,
    pub metadata: MetadataCounts,
    /// One block per report that has any miss, extra or wrong attribute.
    pub details: Vec<String>,
    pub reports: usize,
    pub missing_records: Vec<String>,
    /// The same counts for the reports of each language of the keys.
    pub by_language: std::collections::BTreeMap<String, Scorer>,
    /// Whether misses and extras are written down (not for the per-language scorers).
    quiet: bool,
}

impl Scorer {
    pub fn field(&self, f: Field) -> Counts {
        self.counts[f as usize]
    }

    /// Scores one answer key against the record found for it (`None`: acta produced none).
    pub fn add(&mut self, gold: &Extraction, found: Option<&Extraction>) {
        let lang = gold.language.as_deref().map_or("??".to_string(), normalize);
        let by_lang = self.by_language.entry(lang).or_insert_with(|| Scorer { quiet: true, ..Scorer::default() });
        by_lang.add_one(gold, found);
        self.add_one(gold, found);
    }

    fn add_one(&mut self, gold: &Extraction, found: Option<&Extraction>) {
        self.reports += 1;
        let empty = Extraction::default();
        let found = found.unwrap_or_else(|| {
            self.missing_records.push(gold.id.clone());
            &empty
        });
        let mut notes = String::new();
        let mut list = |field: Field, g: &[String], f: &[String], sim: &dyn Fn(&String, &String) -> Option<f64>| {
            let pairs = one_to_one(g, f, sim);
            let c = &mut self.counts[field as usize];
            c.tp += pairs.len();
            c.fn_ += g.len() - pairs.len();
            c.fp += f.len() - pairs.len();
            for (i, item) in g.iter().enumerate().filter(|(i, _)| !pairs.iter().any(|p| p.0 == *i)) {
                let _ = writeln!(notes, "  miss  {:<13} {item}", field.name());
                let _ = i;
            }
            for item in f.iter().enumerate().filter(|(j, _)| !pairs.iter().any(|p| p.1 == *j)).map(|(_, x)| x) {
                let _ = writeln!(notes, "  extra {:<13} {item}", field.name());
            }
        };
        list(Field::People, &gold.people, &found.people, &|a, b| person_similarity(a, b));
        list(Field::Ministries, &gold.ministries, &found.ministries, &|a, b| organization_similarity(a, b));
        list(Field::Organizations, &gold.organizations, &found.organizations, &|a, b| organization_similarity(a, b));
        let upper = |v: &[String]| -> Vec<String> {
            let mut v: Vec<String> = v.iter().map(|c| c.trim().to_uppercase()).collect();
            v.sort();
            v.dedup();
            v
        };
        list(Field::Countries, &upper(&gold.countries), &upper(&found.countries), &|a, b| (a == b).then_some(1.0));
        let gl: Vec<String> = gold.language.iter().cloned().collect();
        let fl: Vec<String> = found.language.iter().cloned().collect();
        list(Field::Language, &gl, &fl, &|a, b| (normalize(a) == normalize(b)).then_some(1.0));
        let pooled = |e: &Extraction| -> Vec<String> { e.ministries.iter().chain(&e.organizations).cloned().collect() };
        let (gp, fp) = (pooled(gold), pooled(found));
        let pairs = one_to_one(&gp, &fp, |a, b| organization_similarity(a, b));
        let c = &mut self.counts[Field::OrgsAny as usize];
        c.tp += pairs.len();
        c.fn_ += gp.len() - pairs.len();
        c.fp += fp.len() - pairs.len();
        self.speakers(&gold.speakers, &found.speakers, &mut notes);
        // Date and time: the same value (a time's spaces aside), or both none.
        let text = |v: &Option<serde_json::Value>| {
            v.as_ref().and_then(|v| v.as_str()).map(|s| s.split_whitespace().collect::<String>())
        };
        let m = &mut self.metadata;
        for (name, gold_value, found_value, keys, right) in [
            ("date", &gold.date, &found.date, &mut m.date_keys, &mut m.date_right),
            ("time", &gold.time, &found.time, &mut m.time_keys, &mut m.time_right),
        ] {
            if gold_value.is_none() {
                continue;
            }
            *keys += 1;
            let (g, f) = (text(gold_value), text(found_value));
            if g == f {
                *right += 1;
            } else {
                let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "null".to_string());
                let _ = writeln!(notes, "  wrong {name:<13} gold {} / found {}", show(&g), show(&f));
            }
        }
        if let Some(gold_title) = &gold.title {
            let words = |v: &Option<serde_json::Value>| {
                crate::rouge::tokens(v.as_ref().and_then(|v| v.as_str()).unwrap_or("")).join(" ")
            };
            let (g, f) = (words(&Some(gold_title.clone())), words(&found.title));
            m.title_keys += 1;
            if g == f {
                m.title_right += 1;
                m.title_overlap += 1.0;
            } else {
                m.title_overlap += if g.is_empty() || f.is_empty() { 0.0 } else { crate::rouge::rouge(&f, &g).r1.f1 };
                let show = |v: &str| if v.is_empty() { "null".to_string() } else { v.to_string() };
                let _ = writeln!(notes, "  wrong title         gold {} / found {}", show(&g), show(&f));
            }
        }
        if !notes.is_empty() && !self.quiet {
            self.details.push(format!("{}\n{notes}", gold.id));
        }
    }

    fn speakers(&mut self, gold: &[SpeakerEntry], found: &[SpeakerEntry], notes: &mut String) {
        let pairs = one_to_one(gold, found, |g, f| person_similarity(&g.name, &f.name));
        let c = &mut self.counts[Field::Speakers as usize];
        c.tp += pairs.len();
        c.fn_ += gold.len() - pairs.len();
        c.fp += found.len() - pairs.len();
        for (i, g) in gold.iter().enumerate() {
            if !pairs.iter().any(|p| p.0 == i) {
                let _ = writeln!(notes, "  miss  speaker       {}", g.name);
            }
        }
        for (j, f) in found.iter().enumerate() {
            if !pairs.iter().any(|p| p.1 == j) {
                let _ = writeln!(notes, "  extra speaker       {}", f.name);
            }
        }
        let a = &mut self.attributes;
        for &(i, j) in &pairs {
            let (g, f) = (&gold[i], &found[j]);
            a.matched += 1;
            let mut check = |name: &str, ok: bool, gv: String, fv: String, slot: &mut usize| {
                if ok {
                    *slot += 1;
                } else {
                    let _ = writeln!(notes, "  wrong {name:<13} {}: gold {gv} / found {fv}", g.name);
                }
            };
            let show = |v: &Option<String>| v.as_deref().map_or("null".to_string(), |s| format!("\"{s}\""));
            let same_org = same_optional(&g.organization, &f.organization);
            check("organization", same_org, show(&g.organization), show(&f.organization), &mut a.organization);
            let same_role = same_optional(&g.role, &f.role);
            check("role", same_role, show(&g.role), show(&f.role), &mut a.role);
            let same_country =
                g.country.as_deref().map(str::to_uppercase) == f.country.as_deref().map(str::to_uppercase);
            check("country", same_country, show(&g.country), show(&f.country), &mut a.country);
            let roles = |v: &[String]| {
                let mut v: Vec<String> = v.iter().map(|r| normalize(r)).collect();
                v.sort();
                v.dedup();
                v
            };
            let same_roles = roles(&g.session_roles) == roles(&f.session_roles);
            check(
                "session_roles",
                same_roles,
                g.session_roles.join("+"),
                f.session_roles.join("+"),
                &mut a.session_roles,
            );
            let hon = |v: &Option<String>| v.as_deref().map(normalize_person_honorific);
            let same_hon = hon(&g.honorific) == hon(&f.honorific);
            check("honorific", same_hon, show(&g.honorific), show(&f.honorific), &mut a.honorific);
        }
    }

    /// F1 of the main fields for the reports of each language.
    pub fn language_table(&self) -> String {
        let mut out = String::new();
        let fields = [Field::Speakers, Field::People, Field::OrgsAny, Field::Countries, Field::Language];
        let _ = write!(out, "{:<8} {:>7}", "language", "reports");
        for f in fields {
            let _ = write!(out, " {:>9}", f.name());
        }
        out.push('\n');
        for (lang, s) in &self.by_language {
            let _ = write!(out, "{:<8} {:>7}", lang, s.reports);
            for f in fields {
                let _ = write!(out, " {:>9.3}", s.field(f).f1());
            }
            out.push('\n');
        }
        out
    }

    /// The summary table, and the attribute accuracy of matched speakers.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ =
            writeln!(out, "{:<14} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}", "field", "gold", "found", "tp", "P", "R", "F1");
        for f in Field::ALL {
            let c = self.field(f);
            let _ = writeln!(
                out,
                "{:<14} {:>6} {:>6} {:>6} {:>7.3} {:>7.3} {:>7.3}",
                f.name(),
                c.tp + c.fn_,
                c.tp + c.fp,
                c.tp,
                c.precision(),
                c.recall(),
                c.f1()
            );
        }
        let a = &self.attributes;
        let acc = |n: usize| ratio(n, a.matched);
        let _ = writeln!(
            out,
            "speaker attributes over {} matched speakers: organization {:.3}, role {:.3}, country {:.3}, session roles {:.3}, honorific {:.3}",
            a.matched,
            acc(a.organization),
            acc(a.role),
            acc(a.country),
            acc(a.session_roles),
            acc(a.honorific)
        );
        let m = &self.metadata;
        let _ = writeln!(
            out,
            "metadata, keys that give it: date {}/{} right ({:.3}), time {}/{} right ({:.3}), title {}/{} same words ({:.3}, word F1 {:.3})",
            m.date_right,
            m.date_keys,
            ratio(m.date_right, m.date_keys),
            m.time_right,
            m.time_keys,
            ratio(m.time_right, m.time_keys),
            m.title_right,
            m.title_keys,
            ratio(m.title_right, m.title_keys),
            if m.title_keys == 0 { 0.0 } else { m.title_overlap / m.title_keys as f64 }
        );
        out
    }
}

/// Honorifics compare without case, accents and their final period.
fn normalize_person_honorific(s: &str) -> String {
    normalize(s).replace(' ', "")
}

/// Both absent, or both present and matching at token Jaccard >= 0.5.
fn same_optional(g: &Option<String>, f: &Option<String>) -> bool {
    match (g, f) {
        (None, None) => true,
        (Some(g), Some(f)) => organization_similarity(g, f).is_some(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(json: &str) -> Extraction {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn known_counts_give_known_scores() {
        let gold = ex(r#"{"id": "r", "language": "es", "people": ["Ana Silva", "Juan Pérez", "Marta Gómez"],
            "organizations": ["Inter-American Development Bank"], "countries": ["AR", "UY"]}"#);
        let found = ex(r#"{"id": "r", "language": "pt", "people": ["Ana Silva", "Juan Perez", "Banco Central"],
            "organizations": ["Inter American Development Bank (IDB)", "OECD"], "countries": ["ar"]}"#);
        let mut s = Scorer::default();
        s.add(&gold, Some(&found));
        // people: 2 tp, 1 fp, 1 fn -> P = R = F1 = 2/3.
        let p = s.field(Field::People);
        assert_eq!((p.tp, p.fp, p.fn_), (2, 1, 1));
        assert!((p.f1() - 2.0 / 3.0).abs() < 1e-9);
        let o = s.field(Field::Organizations);
        assert_eq!((o.tp, o.fp, o.fn_), (1, 1, 0));
        let c = s.field(Field::Countries);
        assert_eq!((c.tp, c.fp, c.fn_), (1, 0, 1));
        assert!((c.precision() - 1.0).abs() < 1e-9 && (c.recall() - 0.5).abs() < 1e-9);
        let l = s.field(Field::Language);
        assert_eq!((l.tp, l.fp, l.fn_), (0, 1, 1));
        assert!(s.details[0].contains("miss  people        Marta Gómez"), "{}", s.details[0]);
        assert!(s.details[0].contains("extra organizations OECD"), "{}", s.details[0]);
    }

    #[test]
    fn dates_and_times_are_scored_where_the_key_gives_them() {
        let mut s = Scorer::default();
        let found = ex(r#"{"id": "r", "date": "2024-07-12", "time": "09:30"}"#);
        s.add(&ex(r#"{"id": "r", "date": "2024-07-11", "time": "09:30"}"#), Some(&found));
        s.add(&ex(r#"{"id": "s", "date": null}"#), Some(&ex(r#"{"id": "s", "date": null, "time": "10:00"}"#)));
        s.add(&ex(r#"{"id": "t"}"#), Some(&found));
        assert_eq!(
            s.metadata,
            MetadataCounts { date_keys: 2, date_right: 1, time_keys: 1, time_right: 1, ..MetadataCounts::default() }
        );
        assert!(s.details[0].contains("wrong date          gold 2024-07-11 / found 2024-07-12"), "{}", s.details[0]);
        assert!(s.table().contains("date 1/2 right (0.500), time 1/1 right (1.000)"), "{}", s.table());
    }

    #[test]
    fn a_title_is_right_with_the_same_words_and_half_right_with_some_of_them() {
        let mut s = Scorer::default();
        s.add(
            &ex(r#"{"id": "r", "title": "Acta de la Sesión N.º 12"}"#),
            Some(&ex(r#"{"id": "r", "title": "ACTA DE LA SESION N.º 12."}"#)),
        );
        s.add(
            &ex(r#"{"id": "s", "title": "Foro regional: agenda"}"#),
            Some(&ex(r#"{"id": "s", "title": "Inicio | Noticias"}"#)),
        );
        s.add(
            &ex(r#"{"id": "t", "title": "Cumbre digital 2026"}"#),
            Some(&ex(r#"{"id": "t", "title": "Cumbre digital"}"#)),
        );
        s.add(&ex(r#"{"id": "u"}"#), Some(&ex(r#"{"id": "u", "title": "Menu"}"#)));
        let m = s.metadata;
        assert_eq!((m.title_keys, m.title_right), (3, 1));
        assert!((m.title_overlap - 1.8).abs() < 1e-9, "{}", m.title_overlap);
        assert!(
            s.details[0].contains("wrong title         gold foro regional agenda / found inicio noticias"),
            "{}",
            s.details[0]
        );
        assert!(s.table().contains("title 1/3 same words (0.333, word F1 0.600)"), "{}", s.table());
    }

    #[test]
    fn speakers_match_on_the_person_and_score_attributes() {
        let gold = ex(r#"{"id": "r", "speakers": [
            {"name": "Yolanda Martínez Mancilla", "honorific": "Mrs.", "role": "Head of the Digital Government Unit",
             "organization": "Ministry of Public Administration of Mexico", "country": "MX", "session_roles": ["organizer", "speaker"]},
            {"name": "Miguel Porrúa", "honorific": null, "role": null, "organization": "Inter American Development Bank",
             "country": null, "session_roles": ["speaker"]}]}"#);
        let found = ex(r#"{"id": "r", "speakers": [
            {"name": "Miguel Porrua", "organization": "Inter-American Development Bank", "session_roles": ["speaker"]},
            {"name": "Yolanda Martínez", "honorific": "Mrs", "role": "Head of the Digital Government Unit",
             "organization": "Ministry of Public Administration", "country": "BR", "session_roles": ["speaker", "organizer"]},
            {"name": "Victor Lagunes"}]}"#);
        let mut s = Scorer::default();
        s.add(&gold, Some(&found));
        let c = s.field(Field::Speakers);
        assert_eq!((c.tp, c.fp, c.fn_), (2, 1, 0));
        let a = s.attributes;
        assert_eq!(a.matched, 2);
        assert_eq!(a.organization, 2, "Jaccard 4/6 and 4/5 both pass");
        assert_eq!(a.country, 1, "MX vs BR is wrong, null vs null is right");
        assert_eq!(a.session_roles, 2, "order does not matter");
        assert_eq!(a.honorific, 2);
    }

    #[test]
    fn a_key_without_a_record_counts_every_item_missed() {
        let gold = ex(r#"{"id": "r", "language": "en", "people": ["Ana Silva"], "countries": ["BR"]}"#);
        let mut s = Scorer::default();
        s.add(&gold, None);
        assert_eq!(s.field(Field::People).fn_, 1);
        assert_eq!(s.field(Field::Countries).recall(), 0.0);
        assert_eq!(s.missing_records, vec!["r".to_string()]);
    }
}
