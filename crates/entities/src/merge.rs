//! Merging a statistical NER model's spans into the entities acta's rules found.
//!
//! The model adds recall on prose; acta's rules keep the last word on what a span is:
//! - a span that overlaps a rule mention of the same kind confirms it: the mention's source
//!   becomes `both` and it keeps the model's score;
//! - a span that overlaps only mentions of another kind is dropped (the rules win);
//! - a new person must read as a name of two or more words by acta's name rules;
//! - a new organisation is typed by acta's rules (gazetteer identity first, then ministry or
//!   organisation by its name's shape) and needs two words unless the gazetteer knows it;
//! - a new location becomes a country only when the country gazetteer knows the name;
//!   other locations (cities, regions) and miscellaneous spans are dropped.

use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt};

use acta_doc::{fold_words, ByteRange, Canonical, CountryCode, EntityKind, EntitySource, Mention, Report};

use crate::gazetteer::{Gazetteers, Place};
use crate::kinds::{institution_kind, institution_stakeholder};
use crate::names::{name_at, name_key_tokens};

/// What a model says a span is (the CoNLL types; MISC is not used).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ModelLabel {
    Person,
    Organization,
    Location,
}

impl ModelLabel {
    /// Reads a CoNLL-style entity type ("PER", "ORG", "LOC"; "PERSON", "LOCATION" too).
    /// Other types ("MISC", "DATE") are `None`: acta has no kind for them.
    pub fn parse(label: &str) -> Option<ModelLabel> {
        match label.to_ascii_uppercase().as_str() {
            "PER" | "PERSON" | "PERS" => Some(ModelLabel::Person),
            "ORG" | "ORGANIZATION" | "ORGANISATION" => Some(ModelLabel::Organization),
            "LOC" | "LOCATION" | "GPE" => Some(ModelLabel::Location),
            _ => None,
        }
    }

    /// The entity kinds a rule mention may have for this label to agree with it.
    fn agrees_with(&self, kind: EntityKind) -> bool {
        match self {
            ModelLabel::Person => kind == EntityKind::Person,
            ModelLabel::Organization => matches!(kind, EntityKind::Ministry | EntityKind::Organization),
            ModelLabel::Location => matches!(kind, EntityKind::Country | EntityKind::Region),
        }
    }
}

/// One entity a model found: its type, where it is in the report's cleaned text, its score.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelSpan {
    pub label: ModelLabel,
    pub range: ByteRange,
    pub score: f32,
}

/// What the merge did with a report's model spans.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeCounts {
    /// Spans that confirmed a rule mention (now `both`).
    pub confirmed: usize,
    /// Spans added as new mentions (`model`).
    pub added: usize,
    /// Spans dropped: outside the text, overlapping another kind, or failing acta's rules.
    pub dropped: usize,
}

/// Merges model spans into `report.mentions` and `report.canonicals` by the rules above.
/// Mentions stay sorted by position; canonical indexes of earlier mentions do not change.
pub fn merge_model_spans(report: &mut Report, gaz: &Gazetteers, spans: &[ModelSpan]) -> MergeCounts {
    let mut counts = MergeCounts::default();
    let mut known = Known::new(report);
    // Existing mentions are sorted by start: those overlapping a span start at most `longest` bytes
    // before it, so each span looks at a window, not at every mention.
    let longest = report.mentions.iter().map(|m| m.range.len()).max().unwrap_or(0);
    let mut added: Vec<Mention> = Vec::new();
    // Added mentions are disjoint: start -> end, for the same kind of window query.
    let mut added_at: BTreeMap<usize, usize> = BTreeMap::new();
    for span in spans {
        let Some(range) = tidy(&report.text, span.range) else {
            counts.dropped += 1;
            continue;
        };
        let from = report.mentions.partition_point(|m| m.range.start < range.start.saturating_sub(longest));
        let upto = report.mentions.partition_point(|m| m.range.start < range.end);
        let overlapping: Vec<usize> =
            (from..upto.max(from)).filter(|&i| report.mentions[i].range.overlaps(&range)).collect();
        let agreeing: Vec<usize> =
            overlapping.iter().copied().filter(|&i| span.label.agrees_with(report.mentions[i].kind)).collect();
        if !agreeing.is_empty() {
            for i in agreeing {
                let m = &mut report.mentions[i];
                m.source = EntitySource::Both;
                m.model_score = Some(m.model_score.map_or(span.score, |s| s.max(span.score)));
            }
            counts.confirmed += 1;
            continue;
        }
        let overlaps_added = added_at.range(..range.end).next_back().is_some_and(|(_, &end)| end > range.start);
        if !overlapping.is_empty() || overlaps_added {
            counts.dropped += 1;
            continue;
        }
        let new = match span.label {
            ModelLabel::Person => person(report, gaz, range, &mut known),
            ModelLabel::Organization => institution(report, gaz, range, &mut known),
            ModelLabel::Location => country(report, gaz, range, &mut known),
        };
        match new {
            Some((kind, range, canonical)) => {
                added_at.insert(range.start, range.end);
                added.push(Mention {
                    kind,
                    range,
                    canonical,
                    source: EntitySource::Model,
                    confidence: span.score,
                    model_score: Some(span.score),
                });
                counts.added += 1;
            }
            None => counts.dropped += 1,
        }
    }
    if !added.is_empty() {
        report.mentions.extend(added);
        report.mentions.sort_by_key(|m| (m.range.start, m.range.end));
    }
    counts
}

/// The span without surrounding spaces and punctuation, if it lies inside the text on character
/// boundaries and keeps a letter.
fn tidy(text: &str, range: ByteRange) -> Option<ByteRange> {
    if range.start >= range.end || range.end > text.len() {
        return None;
    }
    if !text.is_char_boundary(range.start) || !text.is_char_boundary(range.end) {
        return None;
    }
    let mut raw = &text[range.start..range.end];
    // A name does not run across a line break: a span that does ("UTC\n\nSpeakers") keeps its
    // first line (layout clean-up has already joined lines that PDF extraction broke).
    let lead = raw.len() - raw.trim_start().len();
    if let Some(i) = raw[lead..].find('\n') {
        raw = &raw[..lead + i];
    }
    let trimmed_start = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
    let start = range.start + (raw.len() - trimmed_start.len());
    let trimmed = trimmed_start.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '.' || c == ')'));
    let end = start + trimmed.len();
    (end > start && trimmed.chars().any(char::is_alphabetic)).then_some(ByteRange { start, end })
}

/// The report's canonical entities, indexed for the merge so that each span costs a look-up, not
/// a pass over every entity: by kind and key (folded name; alpha-2 code for countries; gazetteer
/// entry), and people by the tokens of their names.
struct Known {
    keys: HashMap<(EntityKind, String), usize>,
    person_tokens: HashMap<String, Vec<usize>>,
}

impl Known {
    fn new(report: &Report) -> Known {
        let mut known = Known { keys: HashMap::new(), person_tokens: HashMap::new() };
        for (i, c) in report.canonicals.iter().enumerate() {
            known.index(i, c);
        }
        known
    }

    fn index(&mut self, i: usize, c: &Canonical) {
        let key = match c.kind {
            EntityKind::Country => c.name.clone(),
            _ => fold_words(&c.name),
        };
        self.keys.entry((c.kind, key)).or_insert(i);
        if c.kind == EntityKind::Person {
            for token in name_key_tokens(&c.name) {
                let list = self.person_tokens.entry(token).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
    }

    /// The entity under `key`, added to the report when there is none yet.
    fn get_or_add(&mut self, report: &mut Report, key: String, new: Canonical) -> usize {
        if let Some(&i) = self.keys.get(&(new.kind, key.clone())) {
            return i;
        }
        let i = report.canonicals.len();
        self.keys.insert((new.kind, key), i);
        self.index(i, &new);
        report.canonicals.push(new);
        i
    }

    /// The first person whose name holds all these tokens.
    fn person_holding(&self, report: &Report, tokens: &[String]) -> Option<usize> {
        let first = tokens.first()?;
        self.person_tokens.get(first)?.iter().copied().find(|&i| {
            let theirs = name_key_tokens(&report.canonicals[i].name);
            tokens.iter().all(|t| theirs.contains(t))
        })
    }

    /// The first ministry or organisation with this folded name.
    fn institution_named(&self, folded: &str) -> Option<usize> {
        [EntityKind::Ministry, EntityKind::Organization]
            .iter()
            .filter_map(|&kind| self.keys.get(&(kind, folded.to_string())).copied())
            .min()
    }
}

/// A person span: acta's name rules must read a name of two or more words where it starts, and
/// not past its end. The person joins a known one whose name holds all its words.
fn person(
    report: &mut Report,
    gaz: &Gazetteers,
    range: ByteRange,
    known: &mut Known,
) -> Option<(EntityKind, ByteRange, usize)> {
    let name = name_at(&report.text[..range.end], range.start, gaz)?;
    if name.core_tokens < 2 {
        return None;
    }
    let surface = name.range.slice(&report.text).to_string();
    let tokens = name_key_tokens(&surface);
    let idx = match known.person_holding(report, &tokens) {
        Some(i) => i,
        None => known.get_or_add(
            report,
            fold_words(&surface),
            Canonical { kind: EntityKind::Person, name: surface, country: None, stakeholder: None },
        ),
    };
    Some((EntityKind::Person, name.range, idx))
}

/// An organisation span, typed as acta types institutions.
fn institution(
    report: &mut Report,
    gaz: &Gazetteers,
    range: ByteRange,
    known: &mut Known,
) -> Option<(EntityKind, ByteRange, usize)> {
    let surface = range.slice(&report.text).to_string();
    if !surface.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
        return None;
    }
    // A country's name alone is a place, whatever the model says.
    if gaz.country_named(&surface).is_some() {
        return None;
    }
    let (kind, key, country, stakeholder) = match gaz.institution_named(&surface) {
        Some(g) => {
            let inst = gaz.institution(g);
            (inst.kind, format!("gazetteer:{g}"), inst.country, inst.stakeholder)
        }
        None => {
            if surface.split_whitespace().count() < 2 {
                return None;
            }
            let kind = institution_kind(&surface, gaz);
            let country = gaz
                .find_places(&surface)
                .filter_map(|(_, _, p)| match p {
                    Place::Country(c) | Place::Demonym(c) => Some(*c),
                    _ => None,
                })
                .last();
            (kind, fold_words(&surface), country, institution_stakeholder(&surface, kind, gaz))
        }
    };
    // The rules may know this institution under the same words (a gazetteer key was not built
    // for a shape the rules found).
    let idx = match known.institution_named(&fold_words(&surface)) {
        Some(i) => i,
        None => known.get_or_add(report, key, Canonical { kind, name: surface, country, stakeholder }),
    };
    Some((report.canonicals[idx].kind, range, idx))
}

/// A location span: a country when the gazetteer knows the whole span as a country's name, otherwise
/// nothing. A demonym is not enough ("Spanish" is as often the language), nor a city.
fn country(
    report: &mut Report,
    gaz: &Gazetteers,
    range: ByteRange,
    known: &mut Known,
) -> Option<(EntityKind, ByteRange, usize)> {
    let name = range.slice(&report.text);
    let code: CountryCode = gaz.find_places(name).find_map(|(s, e, p)| match p {
        Place::Country(c) if s == 0 && e == name.len() => Some(*c),
        _ => None,
    })?;
    let idx = known.get_or_add(
        report,
        code.to_string(),
        Canonical { kind: EntityKind::Country, name: code.to_string(), country: Some(code), stakeholder: None },
    );
    Some((EntityKind::Country, range, idx))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use acta_doc::Stage;

    use super::*;
    use crate::EntityStage;

    fn extracted(text: &str) -> (Report, Arc<Gazetteers>) {
        let mut report = Report::new("r", "r.txt", text.to_string());
        acta_layout::LayoutStage::bundled().run(&mut report).unwrap();
        let gaz = Arc::new(Gazetteers::bundled());
        EntityStage::new(gaz.clone()).run(&mut report).unwrap();
        (report, gaz)
    }

    fn span(text: &str, needle: &str, label: ModelLabel, score: f32) -> ModelSpan {
        let start = text.find(needle).expect("needle in text");
        ModelSpan { label, range: ByteRange { start, end: start + needle.len() }, score }
    }

    fn mention<'r>(report: &'r Report, surface: &str) -> Option<&'r Mention> {
        report.mentions.iter().find(|m| report.slice(m.range) == surface)
    }

    const TEXT: &str = "The meeting was opened by the Ministry of Economy of Brazil. Later, Lucía Benítez Arce \
                        spoke for the Friends of the Lighthouse Collective about rural connectivity in Lisbon, \
                        and Oriana Castellanos Prieto asked about Paraguay.\n";

    #[test]
    fn a_span_agreeing_with_a_rule_mention_makes_it_both_and_keeps_the_score() {
        let (mut report, gaz) = extracted(TEXT);
        let before = report.mentions.len();
        let counts =
            merge_model_spans(&mut report, &gaz, &[span(TEXT, "Ministry of Economy", ModelLabel::Organization, 0.91)]);
        assert_eq!(counts, MergeCounts { confirmed: 1, added: 0, dropped: 0 });
        assert_eq!(report.mentions.len(), before);
        let m = mention(&report, "Ministry of Economy of Brazil").expect("rule mention");
        assert_eq!(m.source, EntitySource::Both);
        assert_eq!(m.model_score, Some(0.91));
    }

    #[test]
    fn a_span_overlapping_another_kind_is_dropped() {
        let (mut report, gaz) = extracted(TEXT);
        let before = report.mentions.clone();
        let counts =
            merge_model_spans(&mut report, &gaz, &[span(TEXT, "Ministry of Economy", ModelLabel::Person, 0.6)]);
        assert_eq!(counts.dropped, 1);
        assert_eq!(report.mentions, before);
    }

    #[test]
    fn a_new_person_must_read_as_a_name_of_two_words() {
        let (mut report, gaz) = extracted(TEXT);
        let spans = [
            span(TEXT, "Oriana Castellanos Prieto", ModelLabel::Person, 0.8),
            span(TEXT, "rural connectivity", ModelLabel::Person, 0.7),
            span(TEXT, "Later", ModelLabel::Person, 0.7),
        ];
        let had_oriana = mention(&report, "Oriana Castellanos Prieto").is_some();
        let counts = merge_model_spans(&mut report, &gaz, &spans);
        let m = mention(&report, "Oriana Castellanos Prieto").expect("person");
        if had_oriana {
            assert_eq!(m.source, EntitySource::Both);
        } else {
            assert_eq!((m.source, m.kind), (EntitySource::Model, EntityKind::Person));
            assert_eq!(report.canonicals[m.canonical].name, "Oriana Castellanos Prieto");
        }
        assert!(mention(&report, "rural connectivity").is_none());
        assert!(mention(&report, "Later").is_none());
        assert_eq!(counts.dropped, 2);
    }

    #[test]
    fn a_new_organisation_is_typed_by_the_rules_and_a_location_must_be_a_known_country() {
        let text = "We thank the Lighthouse Collective and the National Statistics Office for hosting us in Lisbon and in Uruguay.\n";
        let (mut report, gaz) = extracted(text);
        // Whatever the rules found, the model spans below either confirm or add; none may change kind.
        report.mentions.retain(|m| m.kind != EntityKind::Country);
        let spans = [
            span(text, "Lighthouse Collective", ModelLabel::Organization, 0.7),
            span(text, "National Statistics Office", ModelLabel::Organization, 0.8),
            span(text, "Lisbon", ModelLabel::Location, 0.9),
            span(text, "Uruguay", ModelLabel::Location, 0.9),
        ];
        merge_model_spans(&mut report, &gaz, &spans);
        let office = mention(&report, "National Statistics Office").expect("office");
        assert_eq!(office.kind, EntityKind::Ministry, "a national office is a government body");
        let collective = mention(&report, "Lighthouse Collective").expect("collective");
        assert_eq!(collective.kind, EntityKind::Organization);
        assert!(mention(&report, "Lisbon").is_none(), "a city is not a country");
        let uy = mention(&report, "Uruguay").expect("country");
        assert_eq!((uy.kind, uy.source), (EntityKind::Country, EntitySource::Model));
        assert_eq!(report.canonicals[uy.canonical].name, "UY");
        assert!(report.mentions.windows(2).all(|w| w[0].range.start <= w[1].range.start));
    }

    #[test]
    fn spans_outside_the_text_or_inside_a_character_are_dropped() {
        let text = "Reunión con María José Ñúñez Ortega.\n";
        let (mut report, gaz) = extracted(text);
        let inside_char = text.find('ñ').unwrap() + 1;
        let spans = [
            ModelSpan { label: ModelLabel::Person, range: ByteRange { start: 5, end: 500 }, score: 0.5 },
            ModelSpan {
                label: ModelLabel::Person,
                range: ByteRange { start: inside_char, end: text.len() },
                score: 0.5,
            },
            ModelSpan { label: ModelLabel::Person, range: ByteRange { start: 9, end: 3 }, score: 0.5 },
        ];
        let counts = merge_model_spans(&mut report, &gaz, &spans);
        assert_eq!(counts, MergeCounts { confirmed: 0, added: 0, dropped: 3 });
    }

    #[test]
    fn a_demonym_is_not_a_country_and_a_span_keeps_its_first_line() {
        let text = "The Spanish version is ready.\nNational Digital Agency\nSpeakers\n";
        let (mut report, gaz) = extracted(text);
        report.mentions.clear();
        report.canonicals.clear();
        let spans = [
            span(text, "Spanish", ModelLabel::Location, 0.9),
            span(text, "National Digital Agency\nSpeakers", ModelLabel::Organization, 0.9),
        ];
        let counts = merge_model_spans(&mut report, &gaz, &spans);
        assert_eq!(counts, MergeCounts { confirmed: 0, added: 1, dropped: 1 });
        assert_eq!(report.slice(report.mentions[0].range), "National Digital Agency");
    }

    #[test]
    fn labels_are_read_as_conll_types() {
        assert_eq!(ModelLabel::parse("PER"), Some(ModelLabel::Person));
        assert_eq!(ModelLabel::parse("org"), Some(ModelLabel::Organization));
        assert_eq!(ModelLabel::parse("LOC"), Some(ModelLabel::Location));
        assert_eq!(ModelLabel::parse("MISC"), None);
    }
}
