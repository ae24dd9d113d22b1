//! Acronyms standing alone that may name a body ("SPMS", "SeTIC"), and whether an acronym spells
//! the initials of a name (a body's long form, or a person's initials in parentheses). Reads the
//! gazetteers and the words of the text; bodies.rs takes what it finds.

use acta_doc::fold;

use crate::gazetteer::Gazetteers;
use crate::words::Words;

/// Acronyms standing alone that may name a body: a word of three to eight letters in capitals
/// ("SPMS", "ITU-T") or with two capitals or more in a short word ("SeTIC", "PyAr"). Not an acronym
/// of no body (models/common_acronyms.tsv), a country, a name, a Roman number, a speaker's label
/// ("STA:", but "SGEN-CFDT : Alain Morel" lists a member's body), a plan or an edition ("ADM
/// 2025"), nor a word of a run in capitals (a heading, a name written in capitals; a word of no
/// vowel parted from the heading by dashes is an acronym still) or next to a name ("DIALLO Aminata").
pub(crate) fn standalone_acronyms(text: &str, words: &Words, gaz: &Gazetteers) -> Vec<(usize, usize)> {
    let spans: Vec<(usize, usize)> = words.spans().collect();
    let concepts = concept_acronyms(text, &spans);
    let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
    let caps = |w: &str| letters(w) >= 2 && w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    let same_line = |a: usize, b: usize| !text[a.min(b)..a.max(b)].contains('\n');
    let mut out = Vec::new();
    let mut i = 0;
    while i < spans.len() {
        let (start, mut end) = spans[i];
        // Most words hold no second capital: nothing to read (a word of one capital may still go
        // on with "-T" or "&T").
        let word = text[start..end].trim_start_matches('_');
        let mut chars = word.chars();
        let second_capital = chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_uppercase);
        let joined = text.as_bytes().get(end).is_some_and(|b| matches!(b, b'-' | b'&'));
        if !second_capital && !joined {
            i += 1;
            continue;
        }
        let mut j = i;
        // "ITU-T", "AT&T": joined by a hyphen or an ampersand.
        while let Some(&(ns, ne)) = spans.get(j + 1) {
            if ns == end + 1 && matches!(text.as_bytes()[end], b'-' | b'&') {
                end = ne;
                j += 1;
            } else {
                break;
            }
        }
        let next_index = j + 1;
        // "_PyAr_": Markdown's underscores are not part of the word.
        let start = start + text[start..end].len() - text[start..end].trim_start_matches('_').len();
        let end = start + text[start..end].trim_end_matches('_').len();
        let token = &text[start..end];
        let prev = i.checked_sub(1).and_then(|k| spans.get(k));
        let before_prev = i.checked_sub(2).and_then(|k| spans.get(k));
        i = next_index;
        // "DG CONNECT", "DG DIGIT": a Directorate-General of the European Commission, named by
        // its acronym after "DG".
        if let Some(&(ps, pe)) = prev {
            let letters = token.chars().filter(|c| c.is_alphabetic()).count();
            if &text[ps..pe] == "DG"
                && &text[pe..start] == " "
                && letters >= 3
                && caps(token)
                && gaz.country_named(token).is_none()
            {
                out.push((ps, end));
                continue;
            }
        }
        // Codes and event names carry digits ("COP16", "ICANN63"); handles underscores; a
        // parenthesis after a name holds initials or a long form's acronym, read elsewhere.
        // "N'GUESSAN", "O'NEILL": a surname in capitals after a capital and an apostrophe ("L'ONU"
        // is the article's).
        let glued_to_capital = text[..start]
            .strip_suffix(['\'', '’'])
            .and_then(|before| before.chars().next_back())
            .is_some_and(|c| c.is_uppercase() && c != 'L');
        if glued_to_capital {
            continue;
        }
        if token.chars().any(|c| c.is_ascii_digit())
            || text[end..].starts_with(['_', '@'])
            || text[..start].ends_with(['_', '@', '#', '/'])
            || text[..start].ends_with('(') && text[end..].starts_with(')')
        {
            continue;
        }
        let n = letters(token);
        let upper = token.chars().filter(|c| c.is_uppercase()).count();
        let all_caps = n >= 3 && caps(token);
        let mixed =
            !all_caps
                && n >= 3
                && token.len() <= 7
                && upper >= 2
                && token.chars().next().is_some_and(char::is_uppercase)
                && !gaz.classes.glued_surname_prefixes.iter().any(|p| {
                    token.strip_prefix(p).is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
                });
        // Each part of a joined acronym ("SNPTES-UNSA") up to eight letters.
        let longest_part = token.split(['-', '&']).map(letters).max().unwrap_or(0);
        if !(all_caps || mixed) || longest_part > 8 || token.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')) {
            continue;
        }
        // "the NRIs", "las PyMEs", "IGFs": an acronym in the plural names a kind of body, not one.
        if token.strip_suffix('s').is_some_and(|stem| letters(stem) >= 2 && caps(stem)) {
            continue;
        }
        // "QUÉBEC, le 20 nov. 2026 –", "NAIROBI, 3 November": a dateline's place at a line's start.
        let at_line_start = text[..start].rfind('\n').map_or(0, |p| p + 1) == start;
        let dateline = at_line_start
            && text[end..].starts_with(',')
            && text[end..].chars().take(DATELINE_CHARS).take_while(|&c| c != '\n').any(|c| c.is_ascii_digit());
        if dateline {
            continue;
        }
        if gaz.is_common_acronym(token)
            || concepts.contains(&token)
            || gaz.country_named(token).is_some()
            || gaz.is_given_name(token)
            || gaz.is_surname(token)
            || gaz.is_name_stopword(token)
            || gaz.months.contains(&fold(token))
            // "Co-CEO", "Vice-CTO": a title.
            || token.rsplit_once('-').is_some_and(|(_, last)| gaz.is_common_acronym(last) || gaz.is_title(last))
        {
            continue;
        }
        // A neighbour after a comma, a stop, a conjunction or a dash between spaces does not
        // count: words in capitals so apart are a list of acronyms ("CALICO, CALIPRO e CAEEL",
        // "SECRETARIAT GENERAL - DGDR - CNRS"), not a name or a heading.
        let gap_to = |s: usize, e: usize| if s < start { &text[e..start] } else { &text[end..s] };
        let not_listed = |s: usize, e: usize| {
            let gap = gap_to(s, e);
            !gap.contains([',', ';', '.', '|'])
                && !matches!(gap.trim(), "-" | "–" | "—")
                && !gaz.conjunctions.iter().any(|c| c == gap.trim())
        };
        // A given name next to it ("DIALLO Aminata"); after a colon or a dash it is an entry's
        // name after its body's ("SGEN-CFDT : Alain Morel").
        let neighbour_is_name = |k: Option<&(usize, usize)>| {
            k.is_some_and(|&(s, e)| {
                let w = &text[s..e];
                same_line(s, start)
                    && (caps(w) && not_listed(s, e)
                        || gaz.is_given_name(w)
                            && w.chars().next().is_some_and(char::is_uppercase)
                            && !gap_to(s, e).contains([':', '-', '–', '—']))
            })
        };
        // In capitals next to capitals it is a heading or a name in capitals; before a given name,
        // at the start of an entry, a surname written first ("DIALLO Aminata").
        let line_start_here = text[..start].rfind('\n').map_or(0, |p| p + 1);
        let entry_start = text[line_start_here..start].trim_start_matches(|c: char| !c.is_alphanumeric()).is_empty();
        let caps_word = |k: Option<&(usize, usize)>| {
            k.is_some_and(|&(s, e)| {
                not_listed(s, e) && same_line(s, start) && caps(&text[s..e]) && !gaz.is_common_acronym(&text[s..e])
            })
        };
        // A surname in capitals after a given name ("Agnès CANAYER") is a name too.
        // "Fatou Binetou GUEYE": a given name, a second capitalised word, then the surname (a word
        // one can say: "Régis Haubourg CSTB" names a person and a body).
        let sayable = token.chars().any(|c| "AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜ".contains(c));
        let second_name_word = sayable
            && prev.is_some_and(|&(s, e)| {
                let w = &text[s..e];
                let mut chars = w.chars();
                chars.next().is_some_and(char::is_uppercase)
                    && chars.all(char::is_lowercase)
                    && &text[e..start] == " "
                    && before_prev.is_some_and(|&(bs, be)| &text[be..s] == " " && gaz.is_given_name(&text[bs..be]))
            });
        if caps_word(prev)
            || caps_word(spans.get(next_index))
            || neighbour_is_name(prev)
            || second_name_word
            || entry_start && neighbour_is_name(spans.get(next_index))
        {
            continue;
        }
        // "C. MASSANGO": a surname after an initial.
        if prev.is_some_and(|&(ps, pe)| {
            pe - ps == 1 && text[pe..start].trim() == "." && text[ps..pe].chars().all(char::is_uppercase)
        }) {
            continue;
        }
        // "J.VILLOT", "STA:" at the start of a line; a line mostly in capitals is a heading.
        let line_start = text[..start].rfind('\n').map_or(0, |p| p + 1);
        let line_end = text[end..].find('\n').map_or(text.len(), |p| end + p);
        let line = &text[line_start..line_end];
        let (line_letters, line_upper) = line
            .chars()
            .filter(|c| c.is_alphabetic())
            .fold((0usize, 0usize), |(n, u), c| (n + 1, u + usize::from(c.is_uppercase())));
        // A word of no vowel is no word of a language: an acronym even in a heading, when listed
        // apart from the heading's words ("SECRETARIAT GENERAL - DGDR - CNRS").
        // A piece of the line of its own: between the line's ends and dashes or bars with spaces.
        let piece = || {
            let (before, after) = (&text[line_start..start], &text[end..line_end]);
            const DASHES: [char; 4] = ['-', '–', '—', '|'];
            let dash_before = before.len() > before.trim_end().len() && before.trim_end().ends_with(DASHES);
            let dash_after = after.len() > after.trim_start().len() && after.trim_start().starts_with(DASHES);
            (before.trim().is_empty() || dash_before)
                && (after.trim().is_empty() || after.starts_with('<') || dash_after)
        };
        let has_vowel = || fold(token).contains(['a', 'e', 'i', 'o', 'u', 'y']);
        if line_letters > n + 3 && line_upper * 5 >= line_letters * 3 && (has_vowel() || !piece()) {
            continue;
        }
        // "STA:" opening a line labels a speaker's words, unless the line goes on with a person's
        // name only: then it is the person's body, listed first ("SNIRS-CGC: Chantal Roux").
        let before = text[line_start..start].trim();
        let name_follows = || {
            let rest: Vec<&str> = text[end + 1..line_end].split_whitespace().filter(|w| !w.starts_with('<')).collect();
            (2..=4).contains(&rest.len())
                && gaz.is_given_name(rest[0])
                && rest.iter().all(|w| w.starts_with(char::is_uppercase))
        };
        if text[..start].ends_with('.') && text[..start].chars().rev().nth(1).is_some_and(char::is_uppercase)
            || text[end..].starts_with(':') && before.chars().all(|c| !c.is_alphanumeric()) && !name_follows()
        {
            continue;
        }
        // "ADM 2025", "ICANN 57": an acronym before a year or a number names a plan, a programme
        // or an edition of a meeting, not a body.
        let number_after = text[end..].strip_prefix(' ').is_some_and(|rest| {
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            (1..=4).contains(&digits) && !rest[digits..].starts_with(|c: char| c.is_alphanumeric())
        });
        if number_after {
            continue;
        }
        // "KIGALI – Ministers in charge of ICT met ...", "ABUJA - The Federal Government has ...": a
        // place in capitals opening a paragraph before a dash and a sentence is a dateline. (After
        // "ICANN – " comes a name: words in capitals, few in small letters.)
        let dateline = before.is_empty()
            && ["–", "—", "-"].iter().any(|d| text[end..].strip_prefix(' ').is_some_and(|r| r.starts_with(d)))
            && {
                let words: Vec<&str> = text[end..line_end].split_whitespace().skip(1).collect();
                let small = words.iter().filter(|w| w.starts_with(char::is_lowercase)).count();
                words.len() >= DATELINE_SENTENCE_WORDS && small * 2 > words.len()
            };
        if dateline && gaz.institution_named(token).is_none() {
            continue;
        }
        out.push((start, end));
    }
    out
}

/// A dateline's sentence has at least this many words after the dash.
const DATELINE_SENTENCE_WORDS: usize = 8;

/// Are the letters of `acronym` ("ITU") the initials of the capitalised words of `name`
/// ("International Telecommunications Union"), in order and no more?
pub(crate) fn capital_initials_are(name: &str, acronym: &str) -> bool {
    let initials: Vec<char> =
        name.split_whitespace().filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase()).collect();
    initials.len() >= 2 && initials.iter().copied().eq(acronym.chars().filter(|c| c.is_alphabetic()))
}

/// "Romulo Cintra (RCA)": the letters in parentheses are the person's initials, not a body.
pub(crate) fn initials_of(name: &str, acronym: &str) -> bool {
    let initials: Vec<char> =
        name.split_whitespace().filter_map(|w| w.chars().next()).map(|c| c.to_ascii_uppercase()).collect();
    let letters: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).map(|c| c.to_ascii_uppercase()).collect();
    !letters.is_empty()
        && letters.len() <= 4
        && initials.len() >= 2
        && letters.first() == initials.first()
        && initials[1..].iter().any(|i| letters[1..].contains(i))
}

/// How far after a dateline's place its date starts.
const DATELINE_CHARS: usize = 24;

/// Acronyms the text defines by words in small letters ("digital public infrastructure (DPI)",
/// "inteligencia artificial (IA)"): the name of a thing or an idea, not of a body.
fn concept_acronyms<'t>(text: &'t str, spans: &[(usize, usize)]) -> Vec<&'t str> {
    let mut out = Vec::new();
    for (i, &(start, end)) in spans.iter().enumerate() {
        let token = &text[start..end];
        let letters = token.chars().count();
        if !(2..=6).contains(&letters)
            || !token.chars().all(|c| c.is_ascii_uppercase())
            || !text[..start].ends_with('(')
            || !text[end..].starts_with(')')
            || i < letters
        {
            continue;
        }
        let before = &spans[i - letters..i];
        let initials: String =
            before.iter().filter_map(|&(s, _)| text[s..].chars().next()).flat_map(char::to_uppercase).collect();
        let small = before.iter().skip(1).all(|&(s, _)| text[s..].starts_with(char::is_lowercase));
        if initials == token && small {
            out.push(token);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::Words;

    #[test]
    fn an_acronym_in_the_plural_names_no_body() {
        let gaz = Gazetteers::bundled();
        let text = "Representatives of the NRIs met the SPMS and two PyMEs.";
        let found: Vec<&str> =
            standalone_acronyms(text, &Words::of(text), &gaz).into_iter().map(|(s, e)| &text[s..e]).collect();
        assert_eq!(found, ["SPMS"]);
    }

    #[test]
    fn acronyms_listed_apart_by_commas_are_each_a_body_and_a_month_in_capitals_is_none() {
        let gaz = Gazetteers::bundled();
        let text =
            "O restaurante está sendo composto por XALIPRO, CAEEL e CALICO desde maio; a agenda de MAY 19 segue.";
        let found: Vec<&str> =
            standalone_acronyms(text, &Words::of(text), &gaz).into_iter().map(|(s, e)| &text[s..e]).collect();
        assert_eq!(found, ["XALIPRO", "CAEEL", "CALICO"]);
    }

    fn acronyms_of(text: &str) -> Vec<&str> {
        let gaz = Gazetteers::bundled();
        standalone_acronyms(text, &Words::of(text), &gaz).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn a_body_listed_before_its_member_is_an_acronym_and_a_speakers_label_is_not() {
        let text =
            "Membres :\nFNTX-CGT : Odile Marchand\nSPRLS-UNSA: Hervé Colin Brun\n\nOLM: I think we should vote now.\n";
        assert_eq!(acronyms_of(text), ["FNTX-CGT", "SPRLS-UNSA"]);
    }

    #[test]
    fn pieces_of_a_heading_parted_by_dashes() {
        // A word of no vowel is an acronym even in a heading; a word of the heading is not.
        let text = "DIRECTION GENERALE - DGRH - CNRT\nCOMPTE RENDU - ANNEXE - REUNION\n";
        assert_eq!(acronyms_of(text), ["DGRH", "CNRT"]);
    }

    #[test]
    fn a_directorate_general_named_by_its_acronym() {
        assert_eq!(acronyms_of("Anna Keller, Head of Unit, DG GROW, European Commission"), ["DG GROW"]);
    }

    #[test]
    fn an_acronym_before_a_number_names_a_plan_or_an_edition() {
        let text = "Le plan PNTD 2024-2027 et la réunion ICANN 57 ont été présentés par la SPMS.";
        assert_eq!(acronyms_of(text), ["SPMS"]);
    }
}
