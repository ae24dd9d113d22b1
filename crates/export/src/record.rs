//! The owned record of one report: what JSON Lines carries and what CSV rows are made from.

use acta_doc::{ByteRange, EntityKind, Report, SessionRole};
use serde::Serialize;

/// One speaker of a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerRecord {
    pub name: String,
    pub honorific: Option<String>,
    pub role: Option<String>,
    pub organization: Option<String>,
    /// "ministry" or "organization", when an organisation is known.
    pub organization_kind: Option<&'static str>,
    pub country: Option<String>,
    pub session_roles: Vec<&'static str>,
    pub stakeholder_group: Option<&'static str>,
    pub gender: Option<&'static str>,
    pub line_start: usize,
    pub line_end: usize,
    pub confidence: f32,
}

/// One mention of an entity, with offsets into the cleaned and the original text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionRecord {
    pub kind: &'static str,
    pub text: String,
    pub canonical: String,
    pub country: Option<String>,
    pub start: usize,
    pub end: usize,
    pub original_start: usize,
    pub original_end: usize,
    /// The page the mention starts on (from 1), for input with pages (PDF); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    pub source: &'static str,
    pub confidence: f32,
    /// Only when a model found the mention: most runs have no model, and mentions are many.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model_score: Option<f32>,
    pub language: Option<String>,
}

/// Share of the report's text in a language other than the main one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LanguageShare {
    pub language: String,
    pub share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionRecord {
    pub kind: &'static str,
    pub heading: Option<String>,
    pub start: usize,
    pub end: usize,
    pub language: Option<String>,
    /// The section's own summary (empty for sections too short to summarise).
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldRecord {
    pub kind: &'static str,
    pub label: String,
    pub value: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpanRecord {
    pub language: String,
    pub start: usize,
    pub end: usize,
    pub original_start: usize,
    pub original_end: usize,
    pub confidence: f64,
}

/// Everything acta found in one report, as owned values. Field names follow the answer-key
/// format (`../shared/GOLD.md`), so records and keys compare directly.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportRecord {
    pub id: String,
    pub source: String,
    pub sha256: String,
    pub encoding: String,
    /// How the input was written: "text", "markdown" or "html".
    pub format: &'static str,
    pub bytes: usize,
    pub language: Option<String>,
    pub language_confidence: f64,
    pub other_languages: Vec<LanguageShare>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub time: Option<String>,
    pub organizer: Option<String>,
    pub moderator: Option<String>,
    pub participants_reported: Option<u64>,
    pub participants_reported_text: Option<String>,
    pub women_reported: Option<u64>,
    pub women_reported_text: Option<String>,
    pub speakers: Vec<SpeakerRecord>,
    pub people: Vec<String>,
    pub ministries: Vec<String>,
    pub organizations: Vec<String>,
    pub countries: Vec<String>,
    pub regions: Vec<String>,
    pub summary: String,
    /// The sequence-to-sequence model's summary (`--summary-model`); absent otherwise.
    pub summary_abstractive: Option<String>,
    /// The bullet points of the report's key-issues and takeaways sections.
    pub key_points: Vec<String>,
    /// The cleaned text all `start`/`end` offsets point into (`original_*` offsets point into the
    /// input). Written to JSON Lines only with `--with-text` (a fifth of a record's size on real text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub sections: Vec<SectionRecord>,
    pub fields: Vec<FieldRecord>,
    pub language_spans: Vec<SpanRecord>,
    pub mentions: Vec<MentionRecord>,
    pub warnings: Vec<String>,
}

/// The name of the first speaker with one of `roles`, tried in order (a moderator before a chair).
fn first_with_role(report: &Report, roles: &[SessionRole]) -> Option<String> {
    roles.iter().find_map(|role| {
        report
            .speakers
            .iter()
            .find(|s| s.session_roles.contains(role))
            .map(|s| report.canonicals[s.person].name.clone())
    })
}

/// A text on one line: line breaks and runs of spaces become one space.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Summary sentences on one line; a bullet point without a final stop gets one, so that it does
/// not run into the next sentence.
fn join_sentences(report: &Report, sentences: &[ByteRange]) -> String {
    sentences
        .iter()
        .map(|r| {
            let s = one_line(report.slice(*r));
            // A piece cut inside its line (the summary's word budget ended there) says so.
            let line_goes_on = report.text[r.end..].split('\n').next().is_some_and(|rest| !rest.trim().is_empty());
            if has_final_stop(&s) {
                s
            } else if line_goes_on {
                format!("{}…", s.trim_end_matches([',', ';', ':', ' ']))
            } else {
                // "Étaient présents :", "Marie Dupont, adjointe,": a line's own stop goes.
                format!("{}.", s.trim_end_matches([',', ';', ':', ' ']))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a summary piece ends with a stop, inside a closing quote or parenthesis or not: a line
/// that ends with one without a stop ("Minutes of the meeting held on 8 October 2026 (online)")
/// would run into the next sentence.
fn has_final_stop(s: &str) -> bool {
    let stripped = s.trim_end().trim_end_matches(['"', '”', '»', ')', '’', '\'', ' ']);
    stripped.ends_with(['.', '!', '?', '…'])
}

fn owned(report: &Report, r: Option<ByteRange>) -> Option<String> {
    r.map(|r| report.slice(r).to_string()).filter(|s| !s.is_empty())
}

impl ReportRecord {
    /// Copies what the report found into owned values.
    pub fn from_report(report: &Report) -> Self {
        let m = &report.metadata;
        let names =
            |kind: EntityKind| -> Vec<String> { report.canonicals_of(kind).map(|(_, c)| c.name.clone()).collect() };
        let lang = report.language.as_ref();
        ReportRecord {
            id: report.id.clone(),
            source: report.source.clone(),
            sha256: report.sha256.clone(),
            encoding: report.encoding.clone(),
            format: report.format.as_str(),
            bytes: report.byte_len,
            language: lang.and_then(|l| l.main).map(|l| l.to_string()),
            language_confidence: lang.map_or(0.0, |l| l.confidence),
            other_languages: lang
                .map(|l| l.others.iter().map(|(k, v)| LanguageShare { language: k.to_string(), share: *v }).collect())
                .unwrap_or_default(),
            title: owned(report, m.title),
            date: m.date.clone(),
            time: m.time.clone(),
            // A name wrapped over two lines ("Internet Corporation for / Assigned Names and
            // Numbers") is one line in a table cell.
            // Without a field, the speaker table's organiser, moderator or chair ("Moderación a cargo
            // de X", "chaired by Dr. Y" in prose).
            organizer: owned(report, m.organizer)
                .map(|s| one_line(&s))
                .or_else(|| first_with_role(report, &[SessionRole::Organizer])),
            moderator: owned(report, m.moderator)
                .map(|s| one_line(&s))
                .or_else(|| first_with_role(report, &[SessionRole::Moderator, SessionRole::Chair])),
            participants_reported: m.participants,
            participants_reported_text: owned(report, m.participants_text),
            women_reported: m.women,
            women_reported_text: owned(report, m.women_text),
            speakers: report
                .speakers
                .iter()
                .map(|s| SpeakerRecord {
                    name: report.canonicals[s.person].name.clone(),
                    honorific: owned(report, s.honorific),
                    role: owned(report, s.role),
                    organization: owned(report, s.organization),
                    organization_kind: s.organization.map(|_| {
                        if s.organization_is_ministry {
                            "ministry"
                        } else {
                            "organization"
                        }
                    }),
                    country: s.country.map(|c| c.to_string()),
                    session_roles: s.session_roles.iter().map(|r| r.as_str()).collect(),
                    stakeholder_group: s.stakeholder.map(|g| g.as_str()),
                    gender: s.gender.map(|g| match g {
                        acta_doc::Gender::Female => "female",
                        acta_doc::Gender::Male => "male",
                    }),
                    line_start: s.source_line.start,
                    line_end: s.source_line.end,
                    confidence: s.confidence,
                })
                .collect(),
            people: names(EntityKind::Person),
            ministries: names(EntityKind::Ministry),
            organizations: names(EntityKind::Organization),
            countries: names(EntityKind::Country),
            regions: names(EntityKind::Region),
            summary: [
                report.summary_lede.clone(),
                Some(join_sentences(report, &report.summary)),
                report.summary_close.clone(),
            ]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
            summary_abstractive: report.summary_abstractive.clone(),
            key_points: report.key_points.iter().map(|r| one_line(report.slice(*r))).collect(),
            text: Some(report.text.clone()),
            sections: report
                .sections
                .iter()
                .map(|s| SectionRecord {
                    kind: s.kind.as_str(),
                    heading: owned(report, s.heading),
                    start: s.heading.map_or(s.body.start, |h| h.start),
                    end: s.body.end,
                    language: s.language.map(|l| l.to_string()),
                    summary: join_sentences(report, &s.summary),
                })
                .collect(),
            fields: report
                .fields
                .iter()
                .map(|f| FieldRecord {
                    kind: f.kind.as_str(),
                    label: report.slice(f.label).to_string(),
                    value: report.slice(f.value).to_string(),
                    start: f.label.start,
                    end: f.value.end,
                })
                .collect(),
            language_spans: report
                .language_spans
                .iter()
                .map(|s| {
                    let o = report.offsets.range_to_original(s.range);
                    SpanRecord {
                        language: s.language.to_string(),
                        start: s.range.start,
                        end: s.range.end,
                        original_start: o.start,
                        original_end: o.end,
                        confidence: s.confidence,
                    }
                })
                .collect(),
            mentions: report
                .mentions
                .iter()
                .map(|mn| {
                    let c = &report.canonicals[mn.canonical];
                    let o = report.offsets.range_to_original(mn.range);
                    MentionRecord {
                        kind: mn.kind.as_str(),
                        text: report.slice(mn.range).to_string(),
                        canonical: c.name.clone(),
                        country: c.country.map(|c| c.to_string()),
                        start: mn.range.start,
                        end: mn.range.end,
                        original_start: o.start,
                        original_end: o.end,
                        page: report.page_at_original(o.start),
                        source: mn.source.as_str(),
                        confidence: mn.confidence,
                        model_score: mn.model_score,
                        language: report.language_at(mn.range.start).map(|l| l.to_string()),
                    }
                })
                .collect(),
            warnings: report.warnings.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_field_the_moderator_and_organiser_come_from_the_speaker_table() {
        let text = "Moderación a cargo de Ana Ruiz. Presidió Juan Soto. Intervino Eva Paz.\n";
        let mut report = Report::new("r", "r.txt", text.to_string());
        for (name, role) in
            [("Eva Paz", SessionRole::Speaker), ("Juan Soto", SessionRole::Chair), ("Ana Ruiz", SessionRole::Moderator)]
        {
            report.add_speaker(name, role);
        }
        let record = ReportRecord::from_report(&report);
        // A moderator before a chair; no organiser in the table, none in the record.
        assert_eq!(record.moderator.as_deref(), Some("Ana Ruiz"));
        assert_eq!(record.organizer, None);
        // A field says it as written.
        let start = text.find("Juan Soto").unwrap();
        report.metadata.moderator = Some(ByteRange { start, end: start + "Juan Soto".len() });
        assert_eq!(ReportRecord::from_report(&report).moderator.as_deref(), Some("Juan Soto"));
    }

    /// `pieces` of `text` joined as a summary's sentences are.
    fn joined(text: &str, pieces: &[&str]) -> String {
        let report = Report::new("r", "r.txt", text.to_string());
        let ranges: Vec<ByteRange> = pieces
            .iter()
            .map(|piece| {
                let start = text.find(piece).unwrap();
                ByteRange { start, end: start + piece.len() }
            })
            .collect();
        join_sentences(&report, &ranges)
    }

    #[test]
    fn a_summary_piece_ends_with_a_stop_unless_its_line_was_cut() {
        let cases: [(&str, &[&str], &str); 2] = [
            (
                "Étaient présents :\nLe Conseil a adopté le budget\nFor exchange of contact information, to adopt vCard\n",
                &["Étaient présents :", "Le Conseil a adopté le budget", "For exchange of contact information, to"],
                "Étaient présents. Le Conseil a adopté le budget. For exchange of contact information, to…",
            ),
            // A closing parenthesis or quote is no stop by itself; one inside it is.
            (
                "Minutes of the meeting held on 8 October 2026 (online)\nThe board met (online.)\n\"We will.\"\n",
                &["Minutes of the meeting held on 8 October 2026 (online)", "The board met (online.)", "\"We will.\""],
                "Minutes of the meeting held on 8 October 2026 (online). The board met (online.) \"We will.\"",
            ),
        ];
        for (text, pieces, expected) in cases {
            assert_eq!(joined(text, pieces), expected);
        }
    }
}
