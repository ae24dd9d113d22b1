//! The gazetteers in `models/`: embedded in the binary, extendable from a directory, matched in
//! one pass each with aho-corasick.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::path::Path;

use acta_doc::{fold, fold_words, CountryCode, EntityKind, Gender, Lang, SessionRole, Stakeholder};

use acta_lexicon::{Lexicon, ListKind};

use crate::error::{Error, Result};
use crate::pack_lists::{clause_starts, lead_ins, participation, unique, LangPhrases};
use crate::phrases::Phrases;
use crate::words::{WordMatcher, Words};

const COUNTRIES: &str = include_str!("../../../models/countries.tsv");
const REGIONS: &str = include_str!("../../../models/regions.tsv");
const PLACES_EXTRA: &str = include_str!("../../../models/places_extra.tsv");
const ORGANIZATIONS: &str = include_str!("../../../models/organizations.tsv");
const HONORIFICS: &str = include_str!("../../../models/honorifics.tsv");
const NAME_STOPWORDS: &str = include_str!("../../../models/name_stopwords.tsv");
const GIVEN_NAMES: &str = include_str!("../../../models/given_names.tsv");
const GIVEN_NAMES_EXTRA: &str = include_str!("../../../models/given_names_extra.tsv");
const SURNAMES: &str = include_str!("../../../models/surnames.tsv");
const COMMON_ACRONYMS: &str = include_str!("../../../models/common_acronyms.tsv");

/// What a place name stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Country(CountryCode),
    /// A demonym ("Brazilian", "brasileño"), which refers to its country.
    Demonym(CountryCode),
    Region(String),
    /// A name that contains a country's name without naming it ("Port of Spain", "New Mexico").
    NotACountry,
}

/// A named organisation or government body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Institution {
    pub name: String,
    pub kind: EntityKind,
    /// An event or forum (IGF, NetMundial): not an organisation, unless a body of it is named
    /// ("IGF Secretariat", "LAC-IGF executive committee").
    pub event: bool,
    pub country: Option<CountryCode>,
    pub stakeholder: Option<Stakeholder>,
}

/// An honorific or form of address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Honorific {
    pub form: String,
    pub gender: Option<Gender>,
    /// "M." is "Monsieur" only in French text; elsewhere it is an initial.
    pub french_only: bool,
}

/// All gazetteers, built once and shared.
pub struct Gazetteers {
    places: WordMatcher,
    place_values: Vec<Place>,
    institutions: Vec<Institution>,
    institution_matcher: WordMatcher,
    institution_values: Vec<usize>,
    /// Each place form -> its place, for whole-string lookups without the automaton.
    place_by_form: HashMap<String, Place>,
    /// Countries' forms in capitals ("MÉXICO", "COSTA RICA"), for headings and names in capitals,
    /// and the look-alikes that are no country ("PORT OF SPAIN").
    countries_in_capitals: HashMap<String, Place>,
    /// Each country's internet domain ("gt", "uk"), for ccTLDs in lists of members ("(.gt)").
    country_domains: HashMap<String, Place>,
    /// Each institution form -> the institution's index, likewise.
    institution_by_form: HashMap<String, usize>,
    pub(crate) honorifics: Vec<Honorific>,
    /// Form -> index in `honorifics`.
    honorific_index: HashMap<String, usize>,
    /// Form in capitals ("SR.", "DRA.") -> index in `honorifics`, for forms of two letters or more.
    honorific_caps_index: HashMap<String, usize>,
    /// Bytes in the longest honorific form.
    longest_honorific: usize,
    stopwords: HashSet<String>,
    given_names: HashSet<String>,
    surnames: HashSet<String>,
    /// Acronyms that name no organisation ("ICT", "UTC", "PhD"), as written.
    common_acronyms: HashSet<String>,
    /// The language packs (`models/lang/<code>/`).
    pub lexicon: Lexicon,
    /// Titles a name may stand in apposition to, matched on the lower-cased text.
    pub(crate) titles: WordMatcher,
    /// The same titles, for asking whether one word is one.
    title_words: HashSet<String>,
    /// Each language's one-word titles, lower case: "subsecretaria" is a woman's title in Spanish
    /// and a body's head in Portuguese.
    titles_by_lang: HashMap<Lang, HashSet<String>>,
    /// Verbs of speech a name may precede.
    pub(crate) speech_verbs: WordMatcher,
    /// Lead-ins of lists of people: (" folded phrase ", the part of the people listed, absent).
    pub(crate) lead_ins: Phrases<(SessionRole, bool)>,
    /// Phrases of participation before a name ("moderated by") and after it ("opened"), lower case.
    pub(crate) participation_before: Phrases<SessionRole>,
    /// Parts in the session said alone in parentheses beside a name ("Ana Silva (Chair)").
    pub(crate) participation_aside: Phrases<SessionRole>,
    pub(crate) participation_after: Phrases<SessionRole>,
    /// Head words of the names of events ("Forum", "Cumbre"), and bodies of events ("Secretariat").
    pub(crate) event_heads: HashSet<String>,
    /// Month names of every language, folded: "MAY" in capitals is a date, not an acronym.
    pub(crate) months: HashSet<String>,
    /// Months (folded) that the name lists give as names but that stay stops ("marco" of março):
    /// a name starts with one only before a known name ("Marco Antonio Quispe").
    pub(crate) month_names: HashSet<String>,
    pub(crate) event_bodies: WordMatcher,
    /// Phrases before a name that show the person cited or remembered ("according to"), lower case.
    pub(crate) mention_cues: Phrases<()>,
    /// Phrases before a country that put the people after them under it, lower case.
    pub(crate) country_lead_ins: Vec<String>,
    /// Words of the names of kinds of body, folded.
    pub(crate) generic_body_words: HashSet<String>,
    /// Plural heads of government bodies, lower case ("ministerios"), and for each the language
    /// and the singular written before each name ("Ministerio").
    pub(crate) shared_heads: WordMatcher,
    pub(crate) shared_head_singulars: Vec<(acta_doc::Lang, String)>,
    /// Titles of who heads or founded a body ("président"), lower case.
    pub(crate) leader_titles: LangPhrases,
    /// Phrases before the name of a body that organised, hosted or supported the event, lower case.
    pub(crate) org_cues: LangPhrases,
    /// Words between the capitalised words of a body's name ("de", "of"), conjunctions of lists
    /// ("y", "and") and prepositions from a leader's title to the body ("chez"), all languages.
    pub(crate) name_connectors: HashSet<String>,
    pub(crate) conjunctions: Vec<String>,
    /// The same with a space on each side (" and "), to find them as words without writing them anew.
    pub(crate) spaced_conjunctions: Vec<String>,
    /// The same after a comma (", and "): what closes one person's apposition and opens the next.
    pub(crate) comma_conjunctions: Vec<String>,
    pub(crate) body_prepositions: Vec<String>,
    /// Verbs that open a sentence about what someone did, and verbs that make a line a sentence
    /// (`sentence_verbs`: a word of a line is looked up in it).
    pub(crate) narrative_verbs: HashSet<String>,
    pub(crate) sentence_verbs: HashSet<String>,
    /// The same, padded (" said "), in one automaton: whether a line holds any of them is asked
    /// of every line.
    pub(crate) sentence_verb_phrases: Phrases<()>,
    /// Copulas before a biography's title, longest first, each with the space after it ("is the ",
    /// "est l'").
    pub(crate) copulas: Vec<String>,
    /// Verbs that open a description rather than a title.
    pub(crate) description_verbs: HashSet<String>,
    /// What starts a clause after a description (", quien ", " who ").
    pub(crate) clause_starts: Vec<String>,
    /// The same, searched for at once: the leftmost of them in a text.
    pub(crate) first_clause_start: aho_corasick::AhoCorasick,
    /// Words between a title and its organisation, lower case; heads of units; words linking a
    /// phrase of participation to a name; prepositions before an entry's organisation (" at ").
    pub(crate) role_trailers: HashSet<String>,
    pub(crate) sub_unit_heads: HashSet<String>,
    pub(crate) linking_words: HashSet<String>,
    /// Words the shape rules of institutions read (institutions.rs): endings of adjectives (each
    /// with its language: a sentence-case name takes an adjective of its head's language only,
    /// "Fédération canadienne", not the Spanish "-era" of "participera"), the languages of each
    /// head of a sentence-case name (lower case) and the connectors in such names, words before a
    /// name that are not part of it, titles that stop a name read backwards, qualifiers before a
    /// head, connectors a name cannot end with, words for newspapers and broadcasters and the names
    /// after them.
    pub(crate) adjective_endings: Vec<(String, Lang)>,
    pub(crate) sentence_case_head_langs: HashMap<String, Vec<Lang>>,
    pub(crate) sentence_case_connectors: HashSet<String>,
    pub(crate) leading_noise: HashSet<String>,
    pub(crate) name_stops: HashSet<String>,
    pub(crate) head_qualifiers: HashSet<String>,
    /// Words that say what kind of document a text is ("minutes", "acta"), folded.
    pub(crate) document_type_words: HashSet<String>,
    pub(crate) trailing_connectors: HashSet<String>,
    pub(crate) media_nouns: Vec<String>,
    pub(crate) media_names: regex::Regex,
    /// The media nouns as whole words, where `media_names` is tried.
    pub(crate) media_noun_matcher: WordMatcher,
    /// Names that name no one body and session formats, folded as `fold_words` folds (kinds.rs).
    pub(crate) generic_names: HashSet<String>,
    pub(crate) session_formats: HashSet<String>,
    /// Kinds of venue, folded ("centro de eventos"): a name opened by one is a place.
    pub(crate) venue_prefixes: Vec<String>,
    /// The same words as `venue_prefixes`, for lookups of a whole name's first or last words.
    pub(crate) venue_kinds: HashSet<String>,
    /// The first word of each venue prefix: a name with none of them in the few words before it
    /// closes no venue's kind, and is not compared with every prefix.
    pub(crate) venue_prefix_first_words: HashSet<String>,
    /// Words after and before a demonym that make it a language, lower case (places.rs).
    pub(crate) language_nouns: HashSet<String>,
    /// "the", "el", "o", "les": articles of every language, lower case.
    pub(crate) articles: HashSet<String>,
    pub(crate) language_prepositions: HashSet<String>,
    /// Words before a capitalised name that make it a place's or a prize's, folded (people.rs).
    pub(crate) place_nouns: HashSet<String>,
    /// Words of one letter ("a", "y"), upper case: no initial written without its stop.
    pub(crate) one_letter_words: HashSet<String>,
    /// Words that, in the sentence of "Georgia", make it the US state (places_extra.tsv).
    pub(crate) us_state_context: Vec<String>,
    /// The patterns that find bodies by their shape, built from the packs' heads and tails.
    pub(crate) shapes: crate::shape_patterns::ShapePatterns,
    /// The small closed classes of words that single rules read (`word_classes.tsv`).
    pub(crate) classes: crate::classes::ClassWords,
    pub(crate) org_lead_ins: Vec<String>,
}

/// The TSV text of each gazetteer file, bundled first, then a user's additions.
struct Sources {
    files: HashMap<&'static str, Vec<(String, String)>>,
}

impl Sources {
    fn bundled() -> Self {
        let mut files = HashMap::new();
        for (name, text) in [
            ("countries.tsv", COUNTRIES),
            ("regions.tsv", REGIONS),
            ("places_extra.tsv", PLACES_EXTRA),
            ("organizations.tsv", ORGANIZATIONS),
            ("honorifics.tsv", HONORIFICS),
            ("name_stopwords.tsv", NAME_STOPWORDS),
            ("given_names.tsv", GIVEN_NAMES),
            ("surnames.tsv", SURNAMES),
            ("common_acronyms.tsv", COMMON_ACRONYMS),
        ] {
            files.insert(name, vec![(format!("models/{name}"), text.to_string())]);
        }
        // The hand-written given names read as more rows of the generated file.
        if let Some(given) = files.get_mut("given_names.tsv") {
            given.push(("models/given_names_extra.tsv".to_string(), GIVEN_NAMES_EXTRA.to_string()));
        }
        Sources { files }
    }

    fn rows(&self, name: &str) -> impl Iterator<Item = (String, usize, Vec<&str>)> + '_ {
        self.files.get(name).into_iter().flatten().flat_map(|(origin, text)| {
            text.lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
                .map(move |(i, l)| (origin.clone(), i + 1, l.split('\t').map(str::trim).collect()))
        })
    }
}

pub(crate) fn bad(origin: &str, line: usize, reason: &str) -> Error {
    Error::BadGazetteer { file: origin.to_string(), line, reason: reason.to_string() }
}

impl Gazetteers {
    /// The gazetteers shipped in `models/`.
    pub fn bundled() -> Self {
        Self::build(Sources::bundled(), Lexicon::bundled()).expect("bundled gazetteers are valid")
    }

    /// The bundled gazetteers plus the rows of any file of the same name in `dir`
    /// (e.g. `dir/organizations.tsv`), so that users extend them without rebuilding acta.
    pub fn with_extensions(dir: &Path) -> Result<Self> {
        let mut sources = Sources::bundled();
        for (name, list) in sources.files.iter_mut() {
            let path = dir.join(name);
            if path.exists() {
                let text = std::fs::read_to_string(&path)
                    .map_err(|source| Error::Read { file: path.display().to_string(), source })?;
                list.push((path.display().to_string(), text));
            }
        }
        let lexicon = Lexicon::with_extensions(dir).map_err(Error::Lexicon)?;
        Self::build(sources, lexicon)
    }

    fn build(sources: Sources, lexicon: Lexicon) -> Result<Self> {
        // Places: the first value given for a surface form wins.
        let mut place_index: HashMap<String, Place> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        let mut add = |form: &str, place: Place| {
            // Both apostrophes: "Côte d’Ivoire" is written "Côte d'Ivoire" as often.
            for form in apostrophe_variants(form) {
                if form.is_empty() || place_index.contains_key(&form) {
                    continue;
                }
                order.push(form.clone());
                place_index.insert(form, place.clone());
            }
        };
        // Country names come before demonyms: "Argentina" is the country, not the Spanish feminine
        // demonym. Aliases (first pass) come before CLDR's names, demonyms and regions after them.
        let mut us_state_context: Vec<String> = Vec::new();
        let mut country_domains: HashMap<String, Place> = HashMap::new();
        let mut capitalised_demonyms: Vec<String> = Vec::new();
        for pass in ["alias", "other"] {
            if pass == "other" {
                for (origin, line, cols) in sources.rows("countries.tsv") {
                    let [code, _lang, name] = cols[..] else {
                        return Err(bad(&origin, line, "expected 3 columns: code, language, name"));
                    };
                    let country = CountryCode::parse(code).ok_or_else(|| bad(&origin, line, "bad country code"))?;
                    // A country's internet domain is its code in small letters unless
                    // places_extra.tsv says otherwise (kinds `domain` and `no_domain`).
                    country_domains.insert(code.to_lowercase(), Place::Country(country));
                    add(name, Place::Country(country));
                }
            }
            for (origin, line, cols) in sources.rows("places_extra.tsv") {
                // Aliases and not-a-country names go first, so that they win over CLDR's names.
                let early = matches!(cols.first(), Some(&"alias") | Some(&"not_a_country"));
                if early != (pass == "alias") {
                    continue;
                }
                let [kind, code, lang, forms] = cols[..] else {
                    return Err(bad(&origin, line, "expected 4 columns: kind, code, language, form"));
                };
                for form in forms.split('|') {
                    match kind {
                        "alias" => add(
                            form,
                            Place::Country(
                                CountryCode::parse(code).ok_or_else(|| bad(&origin, line, "bad country code"))?,
                            ),
                        ),
                        "demonym" => {
                            let cc = CountryCode::parse(code).ok_or_else(|| bad(&origin, line, "bad country code"))?;
                            add(form, Place::Demonym(cc));
                            if lang != "en" {
                                add(&capitalise(form), Place::Demonym(cc));
                                capitalised_demonyms.push(capitalise(form));
                            }
                        }
                        "region" => add(form, Place::Region(code.to_string())),
                        "not_a_country" => add(form, Place::NotACountry),
                        "domain" => {
                            let cc = CountryCode::parse(code).ok_or_else(|| bad(&origin, line, "bad country code"))?;
                            country_domains.insert(form.to_string(), Place::Country(cc));
                        }
                        "no_domain" => {
                            country_domains.remove(&form.to_lowercase());
                        }
                        "us_state_context" => us_state_context.push(form.to_string()),
                        _ => return Err(bad(
                            &origin,
                            line,
                            "kind must be alias, demonym, region, not_a_country, us_state_context, domain or no_domain",
                        )),
                    }
                }
            }
        }
        for (origin, line, cols) in sources.rows("regions.tsv") {
            let [region, _lang, name] = cols[..] else {
                return Err(bad(&origin, line, "expected 3 columns: region, language, name"));
            };
            add(name, Place::Region(region.to_string()));
        }

        let mut institutions = Vec::new();
        let mut inst_forms: Vec<String> = Vec::new();
        let mut institution_values = Vec::new();
        let mut seen_forms = HashSet::new();
        for (origin, line, cols) in sources.rows("organizations.tsv") {
            if cols.len() < 4 {
                return Err(bad(&origin, line, "expected columns: name, kind, country, stakeholder[, aliases]"));
            }
            let (kind, event) = match cols[1] {
                "ministry" => (EntityKind::Ministry, false),
                "organization" => (EntityKind::Organization, false),
                "event" => (EntityKind::Organization, true),
                _ => return Err(bad(&origin, line, "kind must be ministry, organization or event")),
            };
            let country = if cols[2].is_empty() {
                None
            } else {
                Some(CountryCode::parse(cols[2]).ok_or_else(|| bad(&origin, line, "bad country code"))?)
            };
            let stakeholder = if cols[3].is_empty() {
                None
            } else {
                Some(Stakeholder::parse(cols[3]).ok_or_else(|| bad(&origin, line, "unknown stakeholder group"))?)
            };
            let index = institutions.len();
            institutions.push(Institution { name: cols[0].to_string(), kind, event, country, stakeholder });
            let aliases = cols.get(4).copied().unwrap_or("");
            for form in std::iter::once(cols[0]).chain(aliases.split('|')).filter(|f| !f.is_empty()) {
                for form in apostrophe_variants(form) {
                    if seen_forms.insert(form.clone()) {
                        inst_forms.push(form);
                        institution_values.push(index);
                    }
                }
            }
        }

        let mut honorifics = Vec::new();
        for (origin, line, cols) in sources.rows("honorifics.tsv") {
            let [form, gender, scope] = cols[..] else {
                return Err(bad(&origin, line, "expected 3 columns: form, gender, scope"));
            };
            let gender = match gender {
                "f" => Some(Gender::Female),
                "m" => Some(Gender::Male),
                "-" => None,
                _ => return Err(bad(&origin, line, "gender must be f, m or -")),
            };
            honorifics.push(Honorific { form: form.to_string(), gender, french_only: scope == "fr-only" });
        }
        // Longest first, so "Mrs." is tried before "Mr".
        honorifics.sort_by_key(|h| std::cmp::Reverse(h.form.len()));

        let mut stopwords = HashSet::new();
        // An honorific of two letters or more is never part of a name ("Mme Sow" is Sow).
        for h in &honorifics {
            if h.form.trim_end_matches('.').chars().filter(|c| c.is_alphabetic()).count() >= 2 {
                stopwords.insert(fold(h.form.trim_end_matches('.')));
            }
        }
        for (origin, line, cols) in sources.rows("name_stopwords.tsv") {
            let [_lang, word] = cols[..] else { return Err(bad(&origin, line, "expected 2 columns: language, word")) };
            stopwords.insert(fold(word));
        }
        // Months that models/given_names_extra.tsv lists as names ("Julio", "Abril", "June") are
        // loaded as names; a month whose folded form is only by chance a name of the generated lists
        // stays a stop ("marco" of março: "Marco de Cooperación").
        let listed_extra: HashSet<String> = GIVEN_NAMES_EXTRA
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .map(fold)
            .collect();
        let month_words: HashSet<String> = lexicon
            .rows(ListKind::Months)
            .iter()
            .map(|r| fold(r.get(1)))
            .filter(|m| listed_extra.contains(m))
            .collect();
        let all_months: HashSet<String> = lexicon.rows(ListKind::Months).iter().map(|r| fold(r.get(1))).collect();
        // The months left out of the names that the lists give as names ("marco").
        let mut month_names = HashSet::new();
        // 100,000 names: read line by line, folded on the stack when ASCII (most are), so that
        // start-up stays short.
        let mut names = |file: &str| -> Result<HashSet<String>> {
            let mut set = HashSet::with_capacity(100_000);
            for (origin, text) in sources.files.get(file).into_iter().flatten() {
                for (i, line) in text.lines().enumerate() {
                    if line.trim().is_empty() || line.starts_with('#') {
                        continue;
                    }
                    let name = line.split('\t').next().unwrap_or("").trim();
                    if name.is_empty() {
                        return Err(bad(origin, i + 1, "expected a name in the first column"));
                    }
                    let folded = with_folded(name, str::to_string);
                    if !stopwords.contains(&folded) || month_words.contains(&folded) {
                        set.insert(folded);
                    } else if all_months.contains(&folded) {
                        month_names.insert(folded);
                    }
                }
            }
            Ok(set)
        };
        let given_names = names("given_names.tsv")?;
        let surnames = names("surnames.tsv")?;
        // "Russo", "Turco": a demonym written lower case in its language, capitalised, is as often
        // a surname; only the lower-case form is a demonym then.
        let names_not_demonyms: HashSet<&String> = capitalised_demonyms
            .iter()
            .filter(|form| {
                let folded = fold(form);
                given_names.contains(&folded) || surnames.contains(&folded)
            })
            .filter(|form| matches!(place_index.get(*form), Some(Place::Demonym(_))))
            .collect();
        if !names_not_demonyms.is_empty() {
            order.retain(|form| !names_not_demonyms.contains(form));
            for form in &names_not_demonyms {
                place_index.remove(*form);
            }
        }
        let place_values: Vec<Place> = order.iter().map(|f| place_index[f].clone()).collect();
        let places = WordMatcher::new(&order);
        // ... and may be part of a name ("Julio Pérez", "Zhang Jun"): a date's digits still end a name.
        stopwords.retain(|w| !month_words.contains(w));
        // An acronym said as a word is often written as one: "l'Unesco", "Anatel", "la Cepal". Each
        // name in capitals of four letters or more is also found with only its first capital, unless
        // that is a person's name, a word of a place's name or another form.
        let place_words: HashSet<&str> = order.iter().flat_map(|f| f.split(' ')).collect();
        for i in 0..inst_forms.len() {
            let form = &inst_forms[i];
            let letters = form.chars().filter(|c| c.is_alphabetic()).count();
            if letters < 4 || !form.chars().all(|c| c.is_uppercase()) {
                continue;
            }
            let mut word = form.chars();
            let title: String = word.next().into_iter().chain(word.flat_map(char::to_lowercase)).collect();
            let folded = fold(&title);
            // ("UNIDO" is not "Unido" of "Reino Unido".)
            let common =
                given_names.contains(&folded) || surnames.contains(&folded) || place_words.contains(title.as_str());
            if !common && seen_forms.insert(title.clone()) {
                inst_forms.push(title);
                institution_values.push(institution_values[i]);
            }
        }
        let institution_matcher = WordMatcher::new(&inst_forms);
        let institution_by_form: HashMap<String, usize> =
            inst_forms.iter().cloned().zip(institution_values.iter().copied()).collect();
        // A title of one word is never part of a name either ("Maire de Montpellier"), unless it is
        // also a given name or a surname.
        for title in lexicon.words(ListKind::Titles).filter(|t| !t.contains([' ', '-'])) {
            let folded = fold(title);
            if !given_names.contains(&folded) && !surnames.contains(&folded) {
                stopwords.insert(folded);
            }
        }
        let clause_starts = clause_starts(&lexicon)?;
        Ok(Gazetteers {
            given_names,
            surnames,
            places,
            place_values,
            institutions,
            institution_matcher,
            institution_values,
            // Look-alikes after countries, so that a form in capitals shared by both is no country.
            countries_in_capitals: place_index
                .iter()
                .filter(|(_, p)| matches!(p, Place::Country(_)))
                .chain(place_index.iter().filter(|(_, p)| matches!(p, Place::NotACountry)))
                .map(|(form, p)| (form.to_uppercase(), p.clone()))
                .collect(),
            country_domains,
            place_by_form: place_index,
            institution_by_form,
            honorific_index: honorifics.iter().enumerate().map(|(i, h)| (h.form.clone(), i)).rev().collect(),
            honorific_caps_index: honorifics
                .iter()
                .enumerate()
                .filter(|(_, h)| h.form.chars().filter(|c| c.is_alphabetic()).count() >= 2)
                .map(|(i, h)| (h.form.to_uppercase(), i))
                .rev()
                .collect(),
            longest_honorific: honorifics.iter().map(|h| h.form.len()).max().unwrap_or(0),
            honorifics,
            stopwords,
            lead_ins: lead_ins(&lexicon)?,
            participation_before: participation(&lexicon, "before")?,
            participation_aside: participation(&lexicon, "aside")?,
            participation_after: participation(&lexicon, "after")?,
            event_heads: lexicon.words(ListKind::EventHeads).map(fold).collect(),
            month_names,
            months: {
                // The names written, the first of each month in each language; not abbreviations.
                let mut seen = HashSet::new();
                lexicon
                    .rows(ListKind::Months)
                    .iter()
                    .filter(|r| seen.insert((r.lang, r.get(0).to_string())))
                    .map(|r| fold(r.get(1)))
                    .collect()
            },
            mention_cues: Phrases::new(lexicon.words(ListKind::MentionCues).map(|w| (w.to_lowercase(), ())).collect()),
            country_lead_ins: lexicon.words(ListKind::CountryLeadIns).map(|w| w.to_lowercase()).collect(),
            generic_body_words: lexicon.words(ListKind::GenericBodyWords).map(fold).collect(),
            event_bodies: WordMatcher::new(
                &lexicon.words(ListKind::EventBodies).map(|w| w.to_lowercase()).collect::<Vec<_>>(),
            ),
            common_acronyms: sources
                .rows("common_acronyms.tsv")
                .filter_map(|(_, _, cols)| cols.first().map(|c| c.to_string()))
                .collect(),
            titles: WordMatcher::new(&lexicon.words(ListKind::Titles).collect::<Vec<_>>()),
            title_words: lexicon.words(ListKind::Titles).map(str::to_string).collect(),
            titles_by_lang: {
                let mut by_lang: HashMap<Lang, HashSet<String>> = HashMap::new();
                for row in lexicon.rows(ListKind::Titles).iter().filter(|r| !r.get(0).contains(' ')) {
                    by_lang.entry(row.lang).or_default().insert(row.get(0).to_lowercase());
                }
                by_lang
            },
            shared_heads: WordMatcher::new(
                &lexicon.rows(ListKind::SharedHeads).iter().map(|r| r.get(1).to_lowercase()).collect::<Vec<_>>(),
            ),
            leader_titles: LangPhrases::new(lexicon.rows(ListKind::LeaderTitles)),
            org_cues: LangPhrases::new(lexicon.rows(ListKind::OrgCues)),
            name_connectors: lexicon.words(ListKind::NameConnectors).map(str::to_string).collect(),
            conjunctions: unique(lexicon.words(ListKind::Conjunctions)),
            spaced_conjunctions: unique(lexicon.words(ListKind::Conjunctions))
                .iter()
                .map(|c| format!(" {c} "))
                .collect(),
            comma_conjunctions: unique(lexicon.words(ListKind::Conjunctions))
                .iter()
                .map(|c| format!(", {c} "))
                .collect(),
            body_prepositions: unique(lexicon.words(ListKind::BodyPrepositions)),
            narrative_verbs: lexicon.words(ListKind::NarrativeVerbs).map(str::to_string).collect(),
            sentence_verbs: unique(lexicon.words(ListKind::SentenceVerbs)).into_iter().collect(),
            sentence_verb_phrases: Phrases::new(
                unique(lexicon.words(ListKind::SentenceVerbs)).iter().map(|v| (format!(" {v} "), ())).collect(),
            ),
            copulas: {
                let mut copulas: Vec<String> = unique(lexicon.words(ListKind::Copulas))
                    .into_iter()
                    .map(|c| if c.ends_with(['\'', '’']) { c } else { format!("{c} ") })
                    .collect();
                copulas.sort_by_key(|c| std::cmp::Reverse(c.len()));
                copulas
            },
            description_verbs: lexicon.words(ListKind::DescriptionVerbs).map(str::to_string).collect(),
            first_clause_start: aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                .build(&clause_starts)
                .expect("clause starts build an automaton"),
            clause_starts,
            role_trailers: lexicon.words(ListKind::RoleTrailers).map(str::to_string).collect(),
            sub_unit_heads: lexicon.words(ListKind::SubUnitHeads).map(str::to_string).collect(),
            linking_words: lexicon.words(ListKind::LinkingWords).map(str::to_string).collect(),
            adjective_endings: lexicon
                .rows(ListKind::AdjectiveEndings)
                .iter()
                .map(|r| (r.get(0).to_string(), r.lang))
                .collect(),
            sentence_case_head_langs: lexicon.rows(ListKind::SentenceCaseHeads).iter().fold(
                HashMap::new(),
                |mut langs: HashMap<String, Vec<Lang>>, r| {
                    langs.entry(r.get(0).to_lowercase()).or_default().push(r.lang);
                    langs
                },
            ),
            sentence_case_connectors: lexicon.words(ListKind::SentenceCaseConnectors).map(str::to_lowercase).collect(),
            leading_noise: lexicon.words(ListKind::LeadingNoise).map(str::to_string).collect(),
            name_stops: lexicon.words(ListKind::NameStops).map(str::to_string).collect(),
            head_qualifiers: lexicon.words(ListKind::HeadQualifiers).map(str::to_string).collect(),
            document_type_words: lexicon.words(ListKind::DocumentTypeWords).map(fold_words).collect(),
            trailing_connectors: lexicon.words(ListKind::TrailingConnectors).map(str::to_string).collect(),
            media_nouns: unique(lexicon.words(ListKind::MediaNouns)),
            media_noun_matcher: WordMatcher::new(&unique(lexicon.words(ListKind::MediaNouns))),
            media_names: crate::institutions::media_names_regex(
                &unique(lexicon.words(ListKind::MediaNouns)),
                &crate::shape_patterns::alternatives_of(lexicon.class(acta_lexicon::WordClass::MediaNameConnector)).1,
            ),
            generic_names: unique(lexicon.words(ListKind::GenericNames)).iter().map(|w| fold_words(w)).collect(),
            session_formats: unique(lexicon.words(ListKind::SessionFormats)).iter().map(|w| fold_words(w)).collect(),
            venue_prefixes: unique(lexicon.words(ListKind::VenuePrefixes)).iter().map(|w| fold_words(w)).collect(),
            venue_kinds: lexicon.words(ListKind::VenuePrefixes).map(fold_words).collect(),
            venue_prefix_first_words: unique(lexicon.words(ListKind::VenuePrefixes))
                .iter()
                .filter_map(|w| fold_words(w).split(' ').next().map(str::to_string))
                .collect(),
            language_nouns: lexicon.words(ListKind::LanguageNouns).map(str::to_lowercase).collect(),
            articles: lexicon.words(ListKind::Articles).map(str::to_lowercase).collect(),
            language_prepositions: lexicon.words(ListKind::LanguagePrepositions).map(str::to_lowercase).collect(),
            place_nouns: lexicon.words(ListKind::PlaceNouns).map(fold).collect(),
            one_letter_words: lexicon.words(ListKind::OneLetterWords).map(|w| fold(w).to_uppercase()).collect(),
            us_state_context,
            shapes: crate::shape_patterns::ShapePatterns::new(&lexicon),
            classes: crate::classes::ClassWords::new(&lexicon),
            org_lead_ins: unique(lexicon.words(ListKind::OrgLeadIns)).iter().map(|w| format!(" {w} ")).collect(),
            shared_head_singulars: lexicon
                .rows(ListKind::SharedHeads)
                .iter()
                .map(|r| (r.lang, r.get(0).to_string()))
                .collect(),
            speech_verbs: WordMatcher::new(&lexicon.words(ListKind::SpeechVerbs).collect::<Vec<_>>()),
            lexicon,
        })
    }

    /// Word-bounded place matches: (start, end, place).
    pub fn find_places<'g: 't, 't>(&'g self, text: &'t str) -> impl Iterator<Item = (usize, usize, &'g Place)> + 't {
        self.places.find(text).into_iter().map(move |(start, end, i)| (start, end, &self.place_values[i]))
    }

    /// Word-bounded named-institution matches in `text`, whose words are `words`: (start, end,
    /// institution index).
    pub(crate) fn find_institutions_in(&self, text: &str, words: &Words) -> Vec<(usize, usize, usize)> {
        let found = self.institution_matcher.find_in(text, words);
        found.into_iter().map(|(start, end, i)| (start, end, self.institution_values[i])).collect()
    }

    /// [`Gazetteers::find_places`] over `text`, whose words are `words`.
    pub(crate) fn find_places_in(&self, text: &str, words: &Words) -> Vec<(usize, usize, &Place)> {
        let found = self.places.find_in(text, words);
        found.into_iter().map(|(start, end, i)| (start, end, &self.place_values[i])).collect()
    }

    /// Does this lower-case word join the words of a name ("de", "of", "y", "du")? A connector, a
    /// conjunction or a body's preposition.
    pub(crate) fn joins_names(&self, word: &str) -> bool {
        self.name_connectors.contains(word)
            || self.conjunctions.iter().any(|c| c == word)
            || self.body_prepositions.iter().any(|p| p == word)
    }

    /// Is this one word, in any case, a title in `lang` ("subsecretaria" in Spanish)?
    pub(crate) fn is_title_in(&self, word: &str, lang: Lang) -> bool {
        self.titles_by_lang.get(&lang).is_some_and(|t| t.contains(&word.to_lowercase()))
    }

    /// Is this one word, in any case, a title ("Director", "presidente")?
    pub(crate) fn is_title(&self, word: &str) -> bool {
        // A word in small ASCII letters is its own lower case: no copy to look it up; a short ASCII
        // word is lower-cased on the stack.
        if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return !word.is_empty() && self.title_words.contains(word);
        }
        if word.is_ascii() && word.len() <= SHORT_WORD_BYTES {
            let mut lower = [0u8; SHORT_WORD_BYTES];
            let lower = &mut lower[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            return std::str::from_utf8(lower).is_ok_and(|lower| self.title_words.contains(lower));
        }
        let lower = word.to_lowercase();
        !lower.is_empty() && self.title_words.contains(&lower)
    }

    /// Is this one word a title, or a title in the plural ("Minister", "Ministers", "deputados")?
    pub(crate) fn is_title_or_plural(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        // "vereadores", "directores": Spanish and Portuguese plurals of a title ending in a consonant.
        self.is_title(&lower)
            || lower.strip_suffix('s').is_some_and(|w| self.is_title(w))
            || lower.strip_suffix("es").is_some_and(|w| self.is_title(w))
    }

    pub fn institution(&self, index: usize) -> &Institution {
        &self.institutions[index]
    }

    /// The institution a name or alias stands for, compared folded.
    pub fn institution_named(&self, name: &str) -> Option<usize> {
        // The matcher would find a whole-string match only for a form equal to the string.
        self.institution_by_form.get(name).copied()
    }

    /// The country a form in capitals names ("MÉXICO", "REPÚBLICA DOMINICANA").
    pub(crate) fn country_in_capitals(&self, form: &str) -> Option<&Place> {
        self.countries_in_capitals.get(form)
    }

    /// The country whose internet domain this is ("gt", "uk"), if any.
    pub(crate) fn country_of_domain(&self, domain: &str) -> Option<&Place> {
        self.country_domains.get(domain)
    }

    /// The country a whole string names ("Brazil", "Brasil"), if any.
    pub fn country_named(&self, name: &str) -> Option<CountryCode> {
        // The matcher would find a whole-string match only for a form equal to the string.
        self.place_by_form.get(name.trim()).and_then(|p| match p {
            Place::Country(c) | Place::Demonym(c) => Some(*c),
            Place::Region(_) | Place::NotACountry => None,
        })
    }

    /// Bytes in the longest honorific: a token longer than this is not one.
    pub(crate) fn longest_honorific(&self) -> usize {
        self.longest_honorific
    }

    /// The honorific written exactly so ("Sra.", "Mme"), if any.
    /// An honorific as written, or written in capitals ("O SR. JAYME CAMPOS", "DR. ANA RUIZ").
    pub(crate) fn honorific(&self, form: &str) -> Option<&Honorific> {
        self.honorific_index.get(form).or_else(|| self.honorific_caps_index.get(form)).map(|&i| &self.honorifics[i])
    }

    /// A given name in the name gazetteer ("Victor", "MARÍA", "Ndèye"), compared folded.
    /// A known given name; a compound one is known when each of its parts is ("Jean-Sébastien").
    pub fn is_given_name(&self, word: &str) -> bool {
        with_folded(word, |w| self.given_names.contains(w))
            || word.contains('-')
                && word.split('-').all(|part| !part.is_empty() && with_folded(part, |w| self.given_names.contains(w)))
    }

    /// Do `word` and `next` open a name written in capitals ("SOFÍA BERMÚDEZ", "AKOSUA
    /// MENSAH-BOATENG"): a known given name, then a known name (or a hyphened one with a known
    /// part), both in capitals? After a body's name in small letters such a pair starts the next
    /// entry of a schedule whose entries run together.
    pub fn opens_name_in_capitals(&self, word: &str, next: &str) -> bool {
        let in_capitals = |w: &str| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && w.chars().all(|c| c.is_uppercase() || c == '-' || c == '\'' || c == '’')
        };
        in_capitals(word)
            && in_capitals(next)
            && self.is_given_name(word)
            && next.split('-').any(|part| self.is_surname(part) || self.is_given_name(part))
    }

    /// A surname in the name gazetteer ("Pereira", "GONZÁLEZ"), compared folded.
    pub fn is_surname(&self, word: &str) -> bool {
        with_folded(word, |w| self.surnames.contains(w))
    }

    /// An acronym that names no organisation ("ICT", "UTC"), compared as written.
    pub fn is_common_acronym(&self, word: &str) -> bool {
        self.common_acronyms.contains(word)
    }

    /// A capitalised word that is never part of a person's name.
    pub fn is_name_stopword(&self, word: &str) -> bool {
        with_folded(word.trim_end_matches('.'), |w| self.stopwords.contains(w))
    }
}

/// Calls `f` with the word folded ([`fold`]); a short ASCII word without spaces, as most are, is
/// lower-cased on the stack instead of in a new String.
fn with_folded<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; 32];
    if word.len() <= buf.len() && word.bytes().all(|b| b.is_ascii_graphic()) {
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        f(std::str::from_utf8(lower).expect("ASCII is UTF-8"))
    } else {
        f(&fold(word))
    }
}

/// The form as given, with the other apostrophe when it has one, and with "and" for CLDR's "&"
/// ("Trinidad & Tobago" is written "Trinidad and Tobago" in reports).
fn apostrophe_variants(form: &str) -> Vec<String> {
    let mut out = vec![form.to_string()];
    if form.contains(" & ") {
        out.push(form.replace(" & ", " and "));
    }
    for f in out.clone() {
        if f.contains('’') {
            out.push(f.replace('’', "'"));
        } else if f.contains('\'') {
            out.push(f.replace('\'', "’"));
        }
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// Words up to this long are lower-cased on the stack to be looked up ([`Gazetteers::is_title`]).
const SHORT_WORD_BYTES: usize = 32;

/// True when the match does not start or end inside a word.
pub fn word_bounded(text: &str, start: usize, end: usize) -> bool {
    at_word_start(text, start) && at_word_end(text, end)
}

/// No letter, digit or '_' right before `pos`.
pub fn at_word_start(text: &str, pos: usize) -> bool {
    !text[..pos].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// No letter, digit or '_' right after `pos`; a match that itself ends in '.' (U.S.) may be
/// followed by anything.
pub fn at_word_end(text: &str, pos: usize) -> bool {
    text[..pos].ends_with('.') || !text[pos..].chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The spaced forms of the conjunctions are theirs, one for one and in the same order: code
    /// that read `conjunctions` and wrote " c " or ", c " each time reads these instead.
    #[test]
    fn the_written_forms_of_the_conjunctions_follow_them() {
        let gaz = Gazetteers::bundled();
        let spaced: Vec<String> = gaz.conjunctions.iter().map(|c| format!(" {c} ")).collect();
        let comma: Vec<String> = gaz.conjunctions.iter().map(|c| format!(", {c} ")).collect();
        assert_eq!(gaz.spaced_conjunctions, spaced);
        assert_eq!(gaz.comma_conjunctions, comma);
        assert!(!gaz.conjunctions.is_empty());
    }

    #[test]
    fn a_title_is_a_whole_match_of_the_titles() {
        let gaz = Gazetteers::bundled();
        let by_matcher = |word: &str| {
            let lower = word.to_lowercase();
            !lower.is_empty() && gaz.titles.longest_prefix(&lower) == Some(lower.len())
        };
        let mut words: Vec<String> =
            vec!["".into(), "Ana".into(), "of".into(), "Director General".into(), "DIRECTORA".into()];
        for title in gaz.lexicon.words(ListKind::Titles) {
            let mut capitalised = title.chars();
            let first = capitalised.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default();
            words.extend([
                title.to_string(),
                title.to_uppercase(),
                first + capitalised.as_str(),
                format!("{title}s"),
                format!("{title} x"),
            ]);
            words.push(title[..title.len() - title.chars().next_back().map_or(0, char::len_utf8)].to_string());
        }
        let mut titles = 0;
        for word in &words {
            assert_eq!(gaz.is_title(word), by_matcher(word), "{word:?}");
            titles += usize::from(by_matcher(word));
        }
        assert!(titles > 100, "{titles} titles among {} words", words.len());
    }

    #[test]
    fn the_first_clause_start_is_the_leftmost_of_any() {
        let gaz = Gazetteers::bundled();
        let mut texts: Vec<String> =
            vec!["".into(), "Directora, quien moderó".into(), "Head of Unit who spoke, que".into()];
        // Each clause start after another, after words, at the end.
        for (i, a) in gaz.clause_starts.iter().enumerate() {
            let b = &gaz.clause_starts[(i * 7 + 3) % gaz.clause_starts.len()];
            texts.push(format!("Ministra de Salud{b}x{a}y"));
            texts.push(format!("{a}{b}"));
        }
        for text in &texts {
            let by_each = gaz.clause_starts.iter().filter_map(|c| text.find(c.as_str())).min();
            assert_eq!(gaz.first_clause_start.find(text.as_str()).map(|m| m.start()), by_each, "{text:?}");
        }
    }

    #[test]
    fn an_honorific_written_in_capitals_is_one_and_titular_is_a_title() {
        let gaz = Gazetteers::bundled();
        assert_eq!(gaz.honorific("SR.").map(|h| h.form.as_str()), Some("Sr."));
        assert_eq!(gaz.honorific("DRA.").map(|h| h.form.as_str()), Some("Dra."));
        assert!(gaz.honorific("S.").is_none() && gaz.honorific("OK").is_none());
        assert!(gaz.is_title("titular"));
    }

    #[test]
    fn a_known_acronym_is_found_written_as_a_word() {
        let gaz = Gazetteers::bundled();
        let text = "Le bureau de l’Unesco au Mali et le Reino Unido.";
        let found: Vec<&str> =
            gaz.find_institutions_in(text, &Words::of(text)).into_iter().map(|(s, e, _)| &text[s..e]).collect();
        // "UNIDO" is not the "Unido" of a country's name.
        assert_eq!(found, ["Unesco"]);
    }

    #[test]
    fn a_compound_given_name_is_known_by_its_parts() {
        let gaz = Gazetteers::bundled();
        assert!(gaz.is_given_name("Jean-Sébastien") && gaz.is_given_name("Ana-Lucía"));
        assert!(!gaz.is_given_name("Jean-Dupontel") && !gaz.is_given_name("Jean-"));
    }
}
