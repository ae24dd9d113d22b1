//! The entity stage: places, institutions and people, resolved to one canonical entry each.

use std::collections::BTreeMap;

use foldhash::HashMap;
use std::sync::Arc;

use acta_doc::{fold, ByteRange, Canonical, EntityKind, EntitySource, Layer, Mention, Report, Stage};

use crate::acronyms::{capital_initials_are, standalone_acronyms};
use crate::bodies::*;
use crate::caps_surnames::{caps_surname_names, CapsSurnameName};
use crate::gazetteer::{Gazetteers, Place};
use crate::institutions::{cut_to_known_names, find_by_shape_in, shapes_in_capital_lines, ShapeMatch};
use crate::people::*;
use crate::places::*;
use crate::words::{in_capitals, lowercase_keeping_offsets, Words};

/// Finds places, institutions and people; fills `canonicals` and `mentions`.
pub struct EntityStage {
    gaz: Arc<Gazetteers>,
}

impl EntityStage {
    pub fn new(gaz: Arc<Gazetteers>) -> Self {
        EntityStage { gaz }
    }
}

/// Collects canonical entries and their mentions for one report.
#[derive(Default)]
pub(crate) struct Collector {
    pub(crate) canonicals: Vec<Canonical>,
    pub(crate) keys: HashMap<(EntityKind, String), usize>,
    pub(crate) mentions: Vec<Mention>,
    /// Mention indexes by start offset, and the longest mention, for overlap queries that stay
    /// fast however many mentions a report has.
    pub(crate) by_start: BTreeMap<usize, Vec<usize>>,
    pub(crate) longest: usize,
}

impl Collector {
    pub(crate) fn canonical(&mut self, kind: EntityKind, key: String, make: impl FnOnce() -> Canonical) -> usize {
        match self.keys.entry((kind, key)) {
            std::collections::hash_map::Entry::Occupied(e) => {
                let idx = *e.get();
                // "MINISTÉRIO DA SAÚDE" in a heading, "Ministério da Saúde" in the text: the
                // entry is named as prose writes it.
                if in_capitals(&self.canonicals[idx].name) {
                    let named = make();
                    if !in_capitals(&named.name) && fold(&named.name) == fold(&self.canonicals[idx].name) {
                        self.canonicals[idx].name = named.name;
                    }
                }
                idx
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                self.canonicals.push(make());
                *e.insert(self.canonicals.len() - 1)
            }
        }
    }

    pub(crate) fn mention(
        &mut self,
        kind: EntityKind,
        range: ByteRange,
        canonical: usize,
        source: EntitySource,
        confidence: f32,
    ) {
        self.by_start.entry(range.start).or_default().push(self.mentions.len());
        self.longest = self.longest.max(range.len());
        self.mentions.push(Mention { kind, range, canonical, source, confidence, model_score: None });
    }

    /// The mentions that overlap `range`.
    pub(crate) fn overlapping(&self, range: ByteRange) -> impl Iterator<Item = &Mention> + '_ {
        let from = range.start.saturating_sub(self.longest);
        let to = range.end.max(from + 1);
        self.by_start
            .range(from..to)
            .flat_map(|(_, ids)| ids.iter())
            .map(|&i| &self.mentions[i])
            .filter(move |m| m.range.overlaps(&range))
    }

    /// Drops the mentions of these kinds that overlap `range` ("Maurice" the country inside
    /// "Maurice KONATE").
    pub(crate) fn remove_overlapping(&mut self, range: ByteRange, kinds: &[EntityKind]) {
        if !self.overlaps(range, kinds) {
            return;
        }
        self.mentions.retain(|m| !(kinds.contains(&m.kind) && m.range.overlaps(&range)));
        self.by_start.clear();
        for (i, m) in self.mentions.iter().enumerate() {
            self.by_start.entry(m.range.start).or_default().push(i);
        }
    }

    /// "Government Digital Service" in a list of attendees and "Paul Downey of GDS" in the minutes:
    /// a body named only by an acronym whose capitals are the initials of exactly one other body of
    /// the report is that body ("MoJ" for "Ministry of Justice": small letters for connectors);
    /// its mentions join the long form's entry.
    pub(crate) fn join_acronyms_to_long_forms(&mut self) {
        let body = |c: &Canonical| matches!(c.kind, EntityKind::Ministry | EntityKind::Organization);
        let is_acronym = |name: &str| {
            let letters = name.chars().filter(|c| c.is_alphabetic()).count();
            (2..=10).contains(&letters) && name.chars().all(|c| c.is_uppercase() || c == '-' || c == '&')
        };
        // "MoJ", "DfT": capitals for the words and small letters for the connectors between them.
        let is_mixed_acronym = |name: &str| {
            let upper = name.chars().filter(|c| c.is_uppercase()).count();
            (3..=6).contains(&name.chars().count())
                && upper >= 2
                && name.starts_with(char::is_uppercase)
                && name.chars().all(char::is_alphabetic)
                && !is_acronym(name)
        };
        if !self.canonicals.iter().any(|a| body(a) && (is_acronym(&a.name) || is_mixed_acronym(&a.name))) {
            return;
        }
        // The long forms by the initials of their capitalised words, so that each acronym is one
        // lookup however many bodies a report names.
        let mut by_initials: HashMap<String, Vec<usize>> = HashMap::default();
        for (j, l) in self.canonicals.iter().enumerate() {
            if body(l) && l.name.contains(' ') {
                let initials: String =
                    l.name.split_whitespace().filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase()).collect();
                if initials.chars().count() >= 2 {
                    by_initials.entry(initials).or_default().push(j);
                }
                // Every word's initial as written: "Ministry of Justice" is "MoJ".
                let all_initials: String = l.name.split_whitespace().filter_map(|w| w.chars().next()).collect();
                if all_initials.chars().any(char::is_lowercase) {
                    by_initials.entry(all_initials).or_default().push(j);
                }
            }
        }
        let target: Vec<Option<usize>> = self
            .canonicals
            .iter()
            .map(|a| {
                if !body(a) {
                    return None;
                }
                if is_mixed_acronym(&a.name) {
                    return match by_initials.get(&a.name).map(Vec::as_slice) {
                        Some(&[j]) => Some(j),
                        _ => None,
                    };
                }
                if !is_acronym(&a.name) {
                    return None;
                }
                let letters: String = a.name.chars().filter(|c| c.is_alphabetic()).collect();
                match by_initials.get(&letters).map(Vec::as_slice) {
                    Some(&[j]) => {
                        debug_assert!(capital_initials_are(&self.canonicals[j].name, &a.name));
                        Some(j)
                    }
                    _ => None,
                }
            })
            .collect();
        self.merge_canonicals(&target);
    }

    /// "la Secretaría de Innovación, Ciencia y Tecnología (SICyT)": an acronym in parentheses right
    /// after a body's name that it fits is that body, also where the name holds a comma (which the
    /// "Long Name (ACR)" shape does not cross).
    pub(crate) fn join_parenthesised_acronyms(&mut self, text: &str, gaz: &Gazetteers) {
        let body = |kind: EntityKind| matches!(kind, EntityKind::Ministry | EntityKind::Organization);
        let acronyms: HashMap<&str, usize> = self
            .canonicals
            .iter()
            .enumerate()
            .filter(|(_, c)| body(c.kind) && !c.name.contains(' '))
            .map(|(i, c)| (c.name.as_str(), i))
            .collect();
        if acronyms.is_empty() {
            return;
        }
        let mut target: Vec<Option<usize>> = vec![None; self.canonicals.len()];
        for m in self.mentions.iter().filter(|m| body(m.kind) && self.canonicals[m.canonical].name.contains(' ')) {
            let after = text[m.range.end..].trim_start_matches([' ', '\t']);
            let Some(inside) = after.strip_prefix('(') else { continue };
            let Some(acronym) = inside.split_once(')').map(|(a, _)| a) else { continue };
            let Some(&short) = acronyms.get(acronym) else { continue };
            let long = &self.canonicals[m.canonical].name;
            if target[short].is_none() && crate::institutions::acronym_fits(long, acronym, gaz) {
                target[short] = Some(m.canonical);
            }
        }
        self.merge_canonicals(&target);
    }

    /// "Ministério da Ciência e Tecnologia" and "Ministério de Ciência e Tecnologia", "Organisation
    /// internationale de la Francophonie" and "... Internationale ...", "Ministério da Economia" and
    /// "Ministério da Economia do Brasil": names of one body that differ only in connectors, case,
    /// accents or the country stated at their end are one entry, named as first found.
    pub(crate) fn join_variant_names(&mut self, gaz: &Gazetteers) {
        let body = |c: &Canonical| matches!(c.kind, EntityKind::Ministry | EntityKind::Organization);
        let connector = |w: &str| gaz.joins_names(w) || gaz.articles.contains(w);
        // The folded words without connectors, and the country stated at the end apart: "... do
        // Brasil" is the same body as the name without it, not as "... of Mexico".
        let loose_key = |name: &str| -> Option<(String, Option<String>)> {
            let mut words: Vec<String> = name
                .split(|c: char| c.is_whitespace() || c == '\'' || c == '’' || c == ',')
                .filter(|w| !w.is_empty())
                .map(|w| w.to_lowercase())
                .filter(|w| !connector(w))
                .map(|w| fold(&w))
                .collect();
            let mut country = None;
            if words.len() >= 3 && name.rsplit(' ').next().is_some_and(|last| gaz.country_named(last).is_some()) {
                country = words.pop();
            }
            (words.len() >= 2).then(|| (words.join(" "), country))
        };
        let mut first_of: HashMap<String, Vec<(usize, Option<String>)>> = HashMap::default();
        let mut target: Vec<Option<usize>> = vec![None; self.canonicals.len()];
        for (i, c) in self.canonicals.iter().enumerate() {
            if !body(c) {
                continue;
            }
            let Some((key, country)) = loose_key(&c.name) else { continue };
            let seen = first_of.entry(key).or_default();
            let same = seen.iter().find(|(_, other)| other.is_none() || country.is_none() || *other == country);
            match same {
                Some(&(j, _)) => target[i] = Some(j),
                None => seen.push((i, country)),
            }
        }
        self.merge_canonicals(&target);
    }

    /// Moves the mentions of each canonical with a target to that target (typed as it is) and
    /// removes the canonical.
    fn merge_canonicals(&mut self, target: &[Option<usize>]) {
        if target.iter().all(Option::is_none) {
            return;
        }
        let keep: Vec<bool> = target.iter().map(Option::is_none).collect();
        let new_index = new_indices(&keep);
        for m in &mut self.mentions {
            let to = target[m.canonical].unwrap_or(m.canonical);
            m.kind = self.canonicals[to].kind;
            m.canonical = new_index[to];
        }
        for idx in self.keys.values_mut() {
            *idx = new_index[target[*idx].unwrap_or(*idx)];
        }
        self.retain_canonicals(&keep);
    }

    /// Keeps the canonicals marked in `keep`, in order.
    fn retain_canonicals(&mut self, keep: &[bool]) {
        let mut i = 0;
        self.canonicals.retain(|_| {
            i += 1;
            keep[i - 1]
        });
    }

    /// Drops the canonicals left with no mention ("Mauricio" the country once "Mauricio Alviar"
    /// is read as a person), renumbering the rest.
    fn drop_unmentioned(&mut self) {
        let mut mentioned = vec![false; self.canonicals.len()];
        for m in &self.mentions {
            mentioned[m.canonical] = true;
        }
        if mentioned.iter().all(|&m| m) {
            return;
        }
        let new_index = new_indices(&mentioned);
        for m in &mut self.mentions {
            m.canonical = new_index[m.canonical];
        }
        self.keys.retain(|_, idx| mentioned[*idx]);
        for idx in self.keys.values_mut() {
            *idx = new_index[*idx];
        }
        self.retain_canonicals(&mentioned);
    }

    pub(crate) fn overlaps(&self, range: ByteRange, kinds: &[EntityKind]) -> bool {
        self.overlapping(range).any(|m| kinds.contains(&m.kind))
    }
}

impl Stage for EntityStage {
    fn name(&self) -> &'static str {
        "entities"
    }
    fn needs(&self) -> &'static [Layer] {
        &[Layer::Layout, Layer::Language]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Entities]
    }
    fn run(&self, report: &mut Report) -> acta_doc::Result<()> {
        let scans = Scans::of(&report.text, &self.gaz, report.main_language());
        self.run_with(report, scans)
    }
    /// The whole-text scans (institution shapes, gazetteer institutions and places) first for every
    /// report of the group, then the rest report by report: each scan's automata stay in cache.
    /// `run_with` replaces a report's entities as a whole, so a report can be run again after a panic.
    fn run_group(&self, reports: &mut [&mut Report]) -> Option<Vec<acta_doc::Result<()>>> {
        let scans: Vec<Scans> = reports.iter().map(|r| Scans::of(&r.text, &self.gaz, r.main_language())).collect();
        Some(reports.iter_mut().zip(scans).map(|(report, scans)| self.run_with(report, scans)).collect())
    }
}

impl EntityStage {
    fn run_with(&self, report: &mut Report, mut scans: Scans) -> acta_doc::Result<()> {
        // "ACUERDOS", "PRESENT": a heading that is one word in capitals and that the layout reads as
        // a label of its own (decisions, attendance) is that label, not a body's acronym.
        let labels: Vec<ByteRange> =
            report.sections.iter().filter(|s| s.kind != acta_doc::FieldKind::Other).filter_map(|s| s.heading).collect();
        if !labels.is_empty() {
            scans.acronyms.retain(|&(s, e)| !labels.iter().any(|h| h.start == s && h.end == e));
        }
        let mut c = Collector::default();
        institutions(report, &self.gaz, &mut scans, &mut c);
        places(report, &self.gaz, &scans.places, &mut c);
        let entries = crate::entries::list_entries(report, &self.gaz);
        people(report, &entries, &self.gaz, &scans, &mut c);
        c.join_acronyms_to_long_forms();
        c.join_parenthesised_acronyms(&report.text, &self.gaz);
        c.join_variant_names(&self.gaz);
        c.drop_unmentioned();
        c.mentions.sort_by_key(|m| (m.range.start, m.range.end));
        report.canonicals = c.canonicals;
        report.mentions = c.mentions;
        report.list_entries = Some(entries);
        report.lower_text = Some(std::mem::take(&mut scans.lower));
        Ok(())
    }
}

/// The index each kept entry will have once the others are removed (`usize::MAX` for the others).
fn new_indices(keep: &[bool]) -> Vec<usize> {
    let mut next = 0;
    keep.iter()
        .map(|&k| {
            if k {
                next += 1;
                next - 1
            } else {
                usize::MAX
            }
        })
        .collect()
}

/// What the entity stage finds by scanning a report's whole text, before it reads the matches.
pub(crate) struct Scans<'g> {
    pub(crate) shapes: Vec<ShapeMatch>,
    /// Gazetteer institutions: (start, end, institution index).
    pub(crate) institutions: Vec<(usize, usize, usize)>,
    /// Gazetteer places: (start, end, place).
    pub(crate) places: Vec<(usize, usize, &'g Place)>,
    /// Titles a name may follow in apposition, and verbs of speech a name may precede: (start, end).
    pub(crate) titles: Vec<(usize, usize)>,
    pub(crate) speech_verbs: Vec<(usize, usize)>,
    /// Acronyms standing alone that may name a body ("la SPMS", "Sebrae"): (start, end).
    pub(crate) acronyms: Vec<(usize, usize)>,
    /// Names written given name first and surname in capitals, when the text follows that convention.
    pub(crate) caps_names: Vec<CapsSurnameName>,
    /// The text's words, for later whole-word searches of the report's own names.
    pub(crate) words: Words,
    /// The text lower-cased with the same offsets, for titles and phrases.
    pub(crate) lower: String,
}

impl<'g> Scans<'g> {
    fn of(text: &str, gaz: &'g Gazetteers, lang: Option<acta_doc::Lang>) -> Self {
        let words = Words::of(text);
        let mut places = gaz.find_places_in(text, &words);
        // "REPÚBLICA DE CHILE": a country's name in capitals is the country, not an acronym; so is
        // a country's internet domain written alone ("(.gt)").
        let mut more_places = places_in_capitals(text, &words, gaz);
        more_places.extend(country_domains(text, gaz));
        if !more_places.is_empty() {
            places.extend(more_places);
            places.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
        }
        let mut acronyms = standalone_acronyms(text, &words, gaz);
        acronyms.retain(|&(s, e)| !places.iter().any(|&(ps, pe, _)| ps < e && s < pe));
        // "Kisito TRAORE": a surname in capitals is not an acronym.
        let caps_names = caps_surname_names(text, &words, gaz);
        acronyms.retain(|&(s, e)| !caps_names.iter().any(|n| n.range.start < e && s < n.range.end));
        let lower = lowercase_keeping_offsets(text);
        let mut shapes = find_by_shape_in(text, &words, gaz, lang);
        let mut capital_lines = shapes_in_capital_lines(text, gaz);
        cut_to_known_names(&mut capital_lines, &shapes, text);
        shapes.extend(capital_lines);
        Scans {
            shapes,
            institutions: gaz.find_institutions_in(text, &words),
            places,
            titles: gaz.titles.find_in(&lower, &words).into_iter().map(|(s, e, _)| (s, e)).collect(),
            speech_verbs: gaz.speech_verbs.find_in(text, &words).into_iter().map(|(s, e, _)| (s, e)).collect(),
            acronyms,
            caps_names,
            words,
            lower,
        }
    }
}
