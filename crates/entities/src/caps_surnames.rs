//! Names written given name first and surname in capitals ("Kisito TRAORE", "Alhamadou AG
//! ILYENE"), the administrative convention of French-speaking Africa and of many minutes. A text
//! that writes a known given name so follows the convention: there any capitalised word alone
//! before a surname in capitals is a given name, even one no list knows ("Maurice KONATE"), and
//! the capitals are not an acronym. Read by the acronym scan and the people stage. Also the
//! speakers' names in capitals that open the turns of a transcript (">> C. MASSANGO: Excellencies").

use acta_doc::ByteRange;

use crate::gazetteer::Gazetteers;
use crate::words::Words;

/// A name of the convention: a capitalised word, then one or two words in capitals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CapsSurnameName {
    pub(crate) range: ByteRange,
    /// Where the surname in capitals starts.
    pub(crate) surname_start: usize,
}

fn is_caps(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| c.is_uppercase() || c == '-' || c == '\'' || c == '’')
}

fn is_titlecase(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && chars.all(|c| c.is_lowercase() || c == '-' || c == '\'' || c == '’')
}

/// Every name of the convention in `text`, when the text follows it (it writes at least one known
/// given name before a surname in capitals); none otherwise.
pub(crate) fn caps_surname_names(text: &str, words: &Words, gaz: &Gazetteers) -> Vec<CapsSurnameName> {
    let spans: Vec<(usize, usize)> = words.spans().collect();
    let same_line = |a: usize, b: usize| !text[a..b].contains('\n');
    let mut found = Vec::new();
    let mut follows_convention = false;
    let mut i = 0;
    while i + 1 < spans.len() {
        let (gs, ge) = spans[i];
        let given = &text[gs..ge];
        let (ss, se) = spans[i + 1];
        // Words next to each other, one space apart; the cheap tests first (most words are followed
        // by a word in lower case).
        let next = text.as_bytes().get(ss..(ss + 2).min(se)).unwrap_or(&[]);
        let next_may_be_caps = next.first().is_some_and(|b| !b.is_ascii_lowercase())
            && next.get(1).is_none_or(|b| !b.is_ascii_lowercase());
        if ss != ge + 1 || !next_may_be_caps || !text[ge..ss].eq(" ") || !is_titlecase(given) || !is_caps(&text[ss..se])
        {
            i += 1;
            continue;
        }
        // The capitalised word stands alone: no capitalised word right before it ("Régis Haubourg
        // CSTB" is a name and a body's acronym).
        let alone = i == 0 || {
            let (ps, pe) = spans[i - 1];
            let prev = &text[ps..pe];
            !same_line(pe, gs) || !prev.chars().next().is_some_and(char::is_uppercase) || text[pe..gs].trim() != ""
        };
        // One or two words in capitals ("AG ILYENE"); the last of four letters or more (a word of
        // three is more often a body's acronym: "Vanda UOL").
        let mut end_index = i + 1;
        if let Some(&(ns, ne)) = spans.get(i + 2) {
            if ns == se + 1 && is_caps(&text[ns..ne]) && text[ss..se].chars().count() <= 3 {
                end_index = i + 2;
            }
        }
        let (_, end) = spans[end_index];
        let surname = &text[ss..end];
        let last_len = surname.rsplit(' ').next().map_or(0, |w| w.chars().count());
        // A word in capitals after the name would make it a heading or a run of capitals.
        let run_on = spans.get(end_index + 1).is_some_and(|&(ns, ne)| ns == end + 1 && is_caps(&text[ns..ne]));
        let known_body = gaz.institution_named(surname).is_some() || gaz.is_common_acronym(surname);
        // "la Direction DGDR", "Burkina FASO": a head of a body's name, a title, or a place.
        let titled: String =
            surname.chars().take(1).chain(surname.chars().skip(1).flat_map(char::to_lowercase)).collect();
        let not_a_name = gaz.is_name_stopword(given)
            || gaz.shapes.body_heads.contains(given)
            || gaz.find_places(&format!("{given} {titled}")).any(|(s, e, _)| s == 0 && e > given.len())
            || gaz.country_named(&titled).is_some();
        if !alone || run_on || last_len < 4 || known_body || not_a_name {
            i = end_index + 1;
            continue;
        }
        follows_convention |= gaz.is_given_name(given);
        found.push(CapsSurnameName { range: ByteRange { start: gs, end }, surname_start: ss });
        i = end_index + 1;
    }
    if follows_convention {
        found
    } else {
        Vec::new()
    }
}

/// How far into a line a transcript's turn label may reach before its colon.
const MAX_TURN_LABEL_BYTES: usize = 48;

/// The speakers' names in capitals that open the turns of a transcript: at a line's start (after
/// ">>" or a dash), two to four words in capitals or initials, then a colon and what was said
/// (">> C. MASSANGO: Excellencies", "THOMAS GASS: Thank you"). A word of the label must be a known
/// given name or surname, or the label start with an initial; labels of roles ("MODERATOR:", "THE
/// CHAIR:") and of bodies are no names. Each as (range, words).
pub(crate) fn turn_labels_in_capitals(text: &str, gaz: &Gazetteers) -> Vec<(ByteRange, usize)> {
    let mut out = Vec::new();
    // Labels after ">>" that no known word names: names too when the transcript's convention is
    // plain from two labels or more it does know (">> GUNELA ASTBRINK:" beside ">> JUDITH OKAFOR:").
    let mut unknown_after_marks = Vec::new();
    let mut known_after_marks = 0;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        let body = line.trim_start_matches([' ', '\t']);
        let marked = body.starts_with(">>");
        let body = body.strip_prefix(">>").or_else(|| body.strip_prefix("- ")).unwrap_or(body).trim_start();
        let offset = start + (line.len() - body.len());
        let Some(colon) = body.get(..MAX_TURN_LABEL_BYTES.min(body.len())).and_then(|head| head.find(':')) else {
            continue;
        };
        let label = body[..colon].trim_end();
        let said = body[colon + 1..].trim();
        let words: Vec<&str> = label.split(' ').collect();
        if said.is_empty() || !(2..=4).contains(&words.len()) {
            continue;
        }
        let initial = |w: &str| {
            w.ends_with('.')
                && w.chars().filter(|c| c.is_alphabetic()).count() <= 3
                && w.chars().all(|c| c.is_uppercase() || c == '.')
        };
        let shaped = words.iter().all(|w| initial(w) || is_caps(w)) && words.iter().any(|w| !initial(w));
        let known = |w: &&str| {
            let mut chars = w.chars();
            let titled: String = chars.next().into_iter().chain(chars.flat_map(char::to_lowercase)).collect();
            gaz.is_given_name(&titled) || gaz.is_surname(&titled)
        };
        // "M. KOUAMÉ": in French "M." is Monsieur, not an initial; such labels are read elsewhere.
        let honorific = gaz.honorific(words[0]).is_some();
        let named = !honorific && (initial(words[0]) || words.iter().any(known));
        let stop = words.iter().any(|w| !initial(w) && gaz.is_name_stopword(w));
        let range = ByteRange { start: offset, end: offset + label.len() };
        if shaped && named && !stop && gaz.institution_named(label).is_none() {
            out.push((range, words.len()));
            known_after_marks += usize::from(marked);
        } else if shaped && marked && !honorific && !stop && gaz.institution_named(label).is_none() {
            // Not a role's label ("THE CHAIR", "SPEAKER TWO"): no title, article or number.
            let titled = |w: &&str| {
                let mut chars = w.chars();
                chars.next().into_iter().chain(chars.flat_map(char::to_lowercase)).collect::<String>()
            };
            let role_word = words.iter().any(|w| {
                let lower = w.to_lowercase();
                gaz.is_title_or_plural(&titled(w))
                    || gaz.is_title_or_plural(&lower)
                    || gaz.classes.definite_articles.contains(&lower)
                    || gaz.classes.chair_titles.contains(&lower)
                    || gaz.is_common_acronym(w)
                    || gaz.country_named(&titled(w)).is_some()
            });
            if !role_word {
                unknown_after_marks.push((range, words.len()));
            }
        }
    }
    if known_after_marks >= 2 {
        out.extend(unknown_after_marks);
        out.sort_by_key(|(r, _)| r.start);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        let gaz = Gazetteers::bundled();
        caps_surname_names(text, &Words::of(text), &gaz).into_iter().map(|n| n.range.slice(text)).collect()
    }

    #[test]
    fn a_transcript_turn_opened_by_a_name_in_capitals_names_its_speaker() {
        let gaz = Gazetteers::bundled();
        let text = "    >> C. MASSANGO: Excellencies, distinguished guests.\nTHOMAS GASS: Thank you.\n\
            >> MODERATOR: Next.\nTHE CHAIR: Order.\nM. KOUAMÉ : Merci.\nAGENDA ITEM: Opening\nNOTE:\n";
        let found: Vec<&str> = turn_labels_in_capitals(text, &gaz).into_iter().map(|(r, _)| r.slice(text)).collect();
        assert_eq!(found, ["C. MASSANGO", "THOMAS GASS"]);
    }

    #[test]
    fn a_text_that_writes_surnames_in_capitals_names_unknown_given_names_too() {
        let text = "Étaient présents Aminata OUEDRAOGO, ministre, et Kisito TRAORE, président du CNO. \
                    Le maire, Yempabou AG ILYENE, a parlé avec Régis Haubourg CSTB.";
        assert_eq!(names(text), ["Aminata OUEDRAOGO", "Kisito TRAORE", "Yempabou AG ILYENE"]);
    }

    #[test]
    fn no_name_when_the_text_does_not_follow_the_convention() {
        assert!(names("La Direction DGDR et la Banque BCEAO ont signé.").is_empty());
        let text = "Aminata OUEDRAOGO a visité la Direction DGDR au Burkina FASO.";
        assert_eq!(names(text), ["Aminata OUEDRAOGO"]);
    }
}
