//! Person-name shapes: honorifics, capitalised and ALL-CAPS tokens, initials, particles.

use acta_doc::{fold, ByteRange, Lang};

use crate::gazetteer::{Gazetteers, Honorific};

/// Lower-case particles inside names ("de la", "dos", "van", "bin"), never at either end: the
/// language packs' `name_particles.txt` of every language, read once.
static PARTICLES: std::sync::LazyLock<foldhash::HashSet<String>> = std::sync::LazyLock::new(|| {
    acta_lexicon::Lexicon::bundled().words(acta_lexicon::ListKind::NameParticles).map(str::to_string).collect()
});
/// A lower-case particle of names ("da", "de la", "van").
pub(crate) fn is_particle(word: &str) -> bool {
    PARTICLES.contains(word)
}

/// The longest particle, in bytes.
static LONGEST_PARTICLE: std::sync::LazyLock<usize> =
    std::sync::LazyLock::new(|| PARTICLES.iter().map(String::len).max().unwrap_or(0));

/// A particle in any case ("De", "VAN"). Most words tried are longer than any particle or in
/// small ASCII letters already: they are answered without a lower-cased copy.
fn is_particle_in_any_case(word: &str) -> bool {
    if word.is_ascii() {
        if word.len() > *LONGEST_PARTICLE {
            return false;
        }
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return PARTICLES.contains(word);
        }
    }
    PARTICLES.contains(&word.to_lowercase())
}

/// Most tokens in one name.
pub(crate) const MAX_NAME_TOKENS: usize = 7;

/// A name found at a position: its range and its tokens (particles included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMatch {
    pub range: ByteRange,
    /// Tokens that are not particles.
    pub core_tokens: usize,
}

/// Is this token a name part: "María", "MARTÍNEZ", "O'Neill", "Jean-Pierre", "J.", "Ma."?
fn is_name_token(tok: &str, gaz: &Gazetteers) -> bool {
    let mut chars = tok.chars();
    let Some(first) = chars.next() else { return false };
    if !first.is_uppercase() {
        return false;
    }
    if gaz.is_name_stopword(tok) {
        return false;
    }
    let letters = || tok.chars().filter(|c| c.is_alphabetic());
    let letter_count = letters().count();
    if letter_count == 0 {
        return false;
    }
    // Initials and abbreviated given names: "J.", "Ma.", "Fco."; not the Roman numbers of headings ("II.").
    if tok.ends_with('.') {
        let stem = tok.strip_suffix('.').unwrap_or(tok);
        let roman = stem.len() >= 2 && stem.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
        return letter_count <= 3 && !stem.contains('.') && !roman;
    }
    tok.chars().all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '´' | 'ʼ' | '-'))
        && !tok.ends_with('-')
        // An acronym of two or three capitals is an organisation, not a surname.
        && !(letters().all(char::is_uppercase) && letter_count <= 3 && !tok.contains('.'))
}

/// "J Patel", as British minutes write councillors: one capital letter without its stop, that is
/// no word of one letter ("A", "Y", "O"), before a name.
pub(crate) fn initial_without_stop(tok: &str, gaz: &Gazetteers) -> bool {
    let mut chars = tok.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.next().is_none()
        && !gaz.one_letter_words.contains(tok)
}

/// The token starting at `pos` (up to whitespace or a separator) and where it ends.
fn token_at(text: &str, pos: usize) -> Option<(usize, &str)> {
    let rest = &text[pos..];
    let len = rest
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '|' | '/' | '"' | '“' | '”'))
        .unwrap_or(rest.len());
    let tok = &rest[..len];
    // A trailing period belongs to the token only for initials ("J.") — decided by the caller.
    (!tok.is_empty()).then_some((pos + len, tok))
}

/// Where `stem`, the start of the token `raw` that ends at `raw_end`, ends.
fn pos_of(raw_end: usize, raw: &str, stem: &str) -> usize {
    raw_end - (raw.len() - stem.len())
}

/// Reads a person's name starting exactly at `pos`: name tokens joined by single spaces or
/// particles. Stops before anything else; returns `None` when no name starts there.
pub fn name_at(text: &str, pos: usize, gaz: &Gazetteers) -> Option<NameMatch> {
    let mut end = pos;
    let mut core = 0;
    let mut tokens = 0;
    let mut cursor = pos;
    let mut after_particle = false;
    let mut after_capital_particle = false;
    while let Some((raw_end, raw)) = token_at(text, cursor) {
        // Sentence-final period: "said Ana Silva." keeps the period out unless it ends an initial.
        let (tok, tok_end) =
            if raw.ends_with('.') && raw.trim_end_matches('.').chars().filter(|c| c.is_alphabetic()).count() > 3 {
                (&raw[..raw.len() - 1], raw_end - 1)
            } else if let Some(stem) = raw.strip_suffix(['-', '–', '—']).filter(|s| !s.is_empty()) {
                // A dash typed against the name before what follows ("Thomas Keller- Registrars"):
                // the name ends before it.
                (stem, pos_of(raw_end, raw, stem))
            } else {
                (raw, raw_end)
            };
        // "Jacques de La Rivière", "María De Los Ángeles": a capitalised particle after a particle.
        // "Estelle De Marco", "Robert Di Marco": after a name token, a capitalised particle followed by
        // a capitalised name token (not "De la Universidad").
        // The word after the particle may be a common word elsewhere ("Marco" is a framework in
        // Spanish): after a capitalised particle any capitalised word of letters is a surname.
        let next_is_name = || {
            text[raw_end..].starts_with(' ')
                && token_at(text, raw_end + 1).is_some_and(|(_, next)| {
                    next.chars().next().is_some_and(char::is_uppercase)
                        && (is_name_token(next, gaz)
                            || next.chars().count() >= 3
                                && next.chars().all(char::is_alphabetic)
                                && next.chars().skip(1).all(char::is_lowercase))
                })
        };
        let capital_particle = is_particle_in_any_case(tok)
            && (after_particle
                || core > 0
                    && tok.chars().next().is_some_and(char::is_uppercase)
                    && tok.chars().skip(1).all(char::is_lowercase)
                    && next_is_name());
        // "Estelle De Marco": after a capitalised particle, a capitalised word of letters.
        let surname_after_particle = after_capital_particle
            && !gaz.is_title(tok)
            && tok.chars().count() >= 3
            && tok.chars().next().is_some_and(char::is_uppercase)
            && tok.chars().all(char::is_alphabetic)
            && tok.chars().skip(1).all(char::is_lowercase);
        after_particle = false;
        after_capital_particle = false;
        if (PARTICLES.contains(tok) || capital_particle) && core > 0 {
            // A particle belongs to the name only if a name token follows it.
            after_particle = true;
            after_capital_particle = capital_particle && !PARTICLES.contains(tok);
        } else if core == 0 && gaz.shapes.body_heads.contains(tok) && !gaz.is_given_name(tok) {
            // "Présidence de M. Jean-Luc Warsmann": a name does not start with a body's head word.
            break;
        } else if core == 0
            && gaz.is_title(tok)
            && text[raw_end..].starts_with(' ')
            && token_at(text, raw_end + 1).is_some_and(|(_, next)| PARTICLES.contains(next))
        {
            // "Maire de Montpellier", "Dean of Students": a title and what it is of, even when the
            // title is also a given name somewhere ("Maire", "Dean").
            break;
        } else if core == 0
            && gaz.place_nouns.contains(&fold(tok))
            && text[raw_end..].starts_with(' ')
            && token_at(text, raw_end + 1).is_some_and(|(_, next)| PARTICLES.contains(next))
        {
            // "Ville de Paris": a place's noun and what it is of, even when the noun is also a
            // given name somewhere ("Ville").
            break;
        } else if is_name_token(tok, gaz)
            || core == 0 && initial_without_stop(tok, gaz) && next_is_name()
            || core == 0 && month_name_before_a_name(text, tok, raw_end, gaz)
            || surname_after_particle
            || short_name_in_capitals(text, pos, tok, tok_end, core, gaz)
        {
            core += 1;
            end = tok_end;
        } else {
            break;
        }
        tokens += 1;
        if tokens >= MAX_NAME_TOKENS || tok_end != raw_end {
            break;
        }
        // Continue only over exactly one space: a line break or a double space ends the name.
        let after = &text[raw_end..];
        if !after.starts_with(' ') || after[1..].starts_with([' ', '\n']) {
            break;
        }
        cursor = raw_end + 1;
    }
    // "... given by Rosa Quintero Paz.": a short surname ending the name at a sentence's end
    // keeps its period out; an abbreviated given name ("Ma. José", "Fco.") is never the last word.
    if core >= 2 && text[..end].ends_with('.') {
        let last = &text[pos..end - 1];
        let last = &last[last.rfind(' ').map_or(0, |i| i + 1)..];
        // "M. Cheikh Tidiane BA.": so does a surname of two or three capitals at the end of a line.
        let capitals_at_line_end = (2..=3).contains(&last.chars().count())
            && last.chars().all(char::is_uppercase)
            && text[end..].chars().next().is_none_or(|c| c == '\n' || c == '\r');
        if last.chars().count() == 3
            && last.chars().all(char::is_alphabetic)
            && last.chars().skip(1).all(char::is_lowercase)
            || capitals_at_line_end
        {
            end -= 1;
        }
    }
    (core > 0).then_some(NameMatch { range: ByteRange { start: pos, end }, core_tokens: core })
}

/// "Marco Antonio Quispe": a month that is also a given name ("marco" of março) opens a name when
/// a known given name or surname follows it, not before other words ("Marco de Cooperación",
/// "Marco Civil da Internet").
fn month_name_before_a_name(text: &str, tok: &str, tok_end: usize, gaz: &Gazetteers) -> bool {
    tok.chars().next().is_some_and(char::is_uppercase)
        && tok.chars().all(char::is_alphabetic)
        && gaz.month_names.contains(&fold(tok))
        && text[tok_end..].starts_with(' ')
        && token_at(text, tok_end + 1)
            .is_some_and(|(_, next)| is_name_token(next, gaz) && (gaz.is_given_name(next) || gaz.is_surname(next)))
}

/// "ANA ROJAS", "LUIS PAZ": in a name written in capitals, a word of two or three capitals is a
/// name, not an acronym, when it is a known given name opening the name (before another word in
/// capitals), or a known given name or surname in it, or a word ending it before a separator ("LUIS
/// PAZ — Director") that is not a known acronym or body.
fn short_name_in_capitals(text: &str, start: usize, tok: &str, tok_end: usize, core: usize, gaz: &Gazetteers) -> bool {
    let letters = tok.chars().count();
    if !(2..=3).contains(&letters) || !tok.chars().all(|c| c.is_alphabetic() && c.is_uppercase()) {
        return false;
    }
    let after = &text[tok_end..];
    if core == 0 {
        return gaz.is_given_name(tok)
            && after.starts_with(' ')
            && token_at(text, tok_end + 1).is_some_and(|(_, next)| {
                next.chars().count() >= 4 && next.chars().all(char::is_uppercase) && is_name_token(next, gaz)
            });
    }
    let so_far = &text[start..tok_end - tok.len()];
    let first = so_far.split(' ').next().unwrap_or("");
    if so_far.chars().any(char::is_lowercase) || !gaz.is_given_name(first) {
        return false;
    }
    let ends = after.is_empty()
        || after.starts_with(['\n', ',', ':', ';'])
        || [" — ", " – ", " - ", " | "].iter().any(|sep| after.starts_with(sep));
    gaz.is_given_name(tok)
        || gaz.is_surname(tok)
        || ends
            && !gaz.is_common_acronym(tok)
            && gaz.find_institutions_in(tok, &crate::words::Words::of(tok)).is_empty()
}

/// A name right after an honorific. There a capitalised first word is a given name even when it is
/// also a common word elsewhere ("Mr. Marco Ricci": "Marco" is a framework in Spanish).
pub fn name_after_honorific(text: &str, pos: usize, gaz: &Gazetteers) -> Option<NameMatch> {
    if let Some(n) = name_at(text, pos, gaz) {
        return Some(n);
    }
    let (tok_end, tok) = token_at(text, pos)?;
    let plain = tok.chars().next().is_some_and(char::is_uppercase) && tok.chars().all(char::is_alphabetic);
    let next = text[tok_end..].strip_prefix(' ')?;
    // "HONORABLE CONCEJO DELIBERANTE": a word that is never part of a name does not start one; a
    // month's name may ("Marco" is also março).
    let stop = gaz.is_name_stopword(tok) && !gaz.months.contains(&acta_doc::fold(tok));
    // "Mme Le Goff", "M. Le Drian", "Mr Van Dyke": after a form of address, a capitalised particle
    // opens a surname when a capitalised word that is no title follows it ("M. Le Président" is
    // no name).
    let particle_opens_surname = || {
        is_particle(&tok.to_lowercase())
            && token_at(text, tok_end + 1).is_some_and(|(_, surname)| {
                surname.chars().next().is_some_and(char::is_uppercase)
                    && surname.chars().skip(1).all(char::is_lowercase)
                    && surname.chars().count() >= 3
                    && !gaz.is_title_or_plural(surname)
                    && !gaz.is_name_stopword(surname)
            })
    };
    if !plain || next.starts_with(' ') || stop && !particle_opens_surname() {
        return None;
    }
    let rest = name_at(text, tok_end + 1, gaz)?;
    Some(NameMatch { range: ByteRange { start: pos, end: rest.range.end }, core_tokens: rest.core_tokens + 1 })
}

/// The honorific right before a name ("Ms Lynn St. Amour"), if any: the honorific and its range.
pub(crate) fn honorific_before<'g>(
    text: &str,
    start: usize,
    gaz: &'g Gazetteers,
    lang: Option<Lang>,
) -> Option<(&'g Honorific, ByteRange)> {
    let before = text[..start].strip_suffix(' ')?;
    let word_start = before.char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
    let (h, range, after) = honorific_at(text, word_start, gaz, lang)?;
    (after == start).then_some((h, range))
}

/// "la Prof. Ida Holz", "el Ing. Víctor Villar": the length of an article and its space that stand
/// before a form of address at the start of `s` (no part of the name's entry), if any.
pub(crate) fn article_before_honorific(s: &str, gaz: &Gazetteers, lang: Option<Lang>) -> Option<usize> {
    let (article, after) = s.split_once(' ')?;
    (gaz.articles.contains(&article.to_lowercase()) && honorific_at(after, 0, gaz, lang).is_some())
        .then_some(article.len() + 1)
}

/// The honorific that starts at `pos`, if any, and the position after it and its spaces.
pub fn honorific_at<'g>(
    text: &str,
    pos: usize,
    gaz: &'g Gazetteers,
    lang: Option<Lang>,
) -> Option<(&'g Honorific, ByteRange, usize)> {
    // Honorifics hold no spaces: the token up to the next whitespace is looked up whole. The
    // search is bounded, so a text without spaces costs the same at every position (linear overall).
    let longest = gaz.longest_honorific();
    let rest = &text[pos..];
    let token_len = match rest.char_indices().take_while(|&(i, _)| i <= longest).find(|(_, c)| c.is_whitespace()) {
        Some((i, _)) => i,
        None if rest.len() <= longest => rest.len(),
        None => return None,
    };
    let h = gaz.honorific(&rest[..token_len])?;
    if h.french_only && lang != Some(Lang::FR) {
        return None;
    }
    // Must be followed by whitespace then a capital (or a further honorific).
    let after = &rest[token_len..];
    let spaces = after.len() - after.trim_start_matches([' ', '\u{a0}']).len();
    if spaces == 0 || !after[spaces..].chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let end = pos + token_len;
    Some((h, ByteRange { start: pos, end }, end + spaces))
}

/// Folded tokens of a name without particles and initials, for matching mentions of one person.
pub fn name_key_tokens(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace())
        .filter(|t| !t.is_empty() && !PARTICLES.contains(*t))
        .map(|t| acta_doc::fold(t.trim_end_matches('.')))
        .filter(|t| !t.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_particle_in_any_case_is_one_lower_cased() {
        let mut words: Vec<String> = vec!["".into(), "Silva".into(), "DE".into(), "İ".into(), "Ángeles".into()];
        for p in PARTICLES.iter() {
            words.extend([p.clone(), p.to_uppercase(), format!("{p}x"), format!("É{p}")]);
        }
        for word in &words {
            assert_eq!(is_particle_in_any_case(word), PARTICLES.contains(&word.to_lowercase()), "{word:?}");
        }
    }

    fn name(text: &str) -> Option<String> {
        let gaz = Gazetteers::bundled();
        name_at(text, 0, &gaz).map(|m| m.range.slice(text).to_string())
    }

    #[test]
    fn name_shapes() {
        assert_eq!(name("Yolanda Martinez Mancilla, Head of").as_deref(), Some("Yolanda Martinez Mancilla"));
        assert_eq!(name("María de la Luz Pérez said").as_deref(), Some("María de la Luz Pérez"));
        // A month listed as a given name starts a name; a date's digits end one.
        assert_eq!(name("Julio Pérez said").as_deref(), Some("Julio Pérez"));
        assert_eq!(name("Abril 2024").as_deref(), Some("Abril"));
        // A month that is a name only by chance once folded (março) stays a stop.
        assert_eq!(name("Marco de Cooperación Institucional"), None);
        assert_eq!(name("Marco Civil da Internet"), None);
        // ... unless a known name follows it.
        assert_eq!(name("Marco Antonio Quispe, Subsecretario").as_deref(), Some("Marco Antonio Quispe"));
        // A title and what it is of is no name, even when the title is a given name somewhere.
        assert_eq!(name("Maire de Montpellier"), None);
        assert_eq!(name("Maire Ní Bhriain de Paor").as_deref(), Some("Maire Ní Bhriain de Paor"));
        assert_eq!(name("Ana Paula dos Santos - Diretora").as_deref(), Some("Ana Paula dos Santos"));
        assert_eq!(name("MARÍA LÓPEZ — Directora").as_deref(), Some("MARÍA LÓPEZ"));
        assert_eq!(name("Thomas Keller- Registrars").as_deref(), Some("Thomas Keller"));
        assert_eq!(name("Rosa Quintero Paz. The session").as_deref(), Some("Rosa Quintero Paz"));
        assert_eq!(name("Jacques de La Rivière, président").as_deref(), Some("Jacques de La Rivière"));
        assert_eq!(name("Ma. José Ruiz said").as_deref(), Some("Ma. José Ruiz"));
        assert_eq!(name("Lisandro Granville– Comunidade").as_deref(), Some("Lisandro Granville"));
        assert_eq!(name("Jean-Pierre O'Neill, Université").as_deref(), Some("Jean-Pierre O'Neill"));
        assert_eq!(name("Ma. Fernanda Ríos").as_deref(), Some("Ma. Fernanda Ríos"));
        assert_eq!(name("J. PEREIRA: thanks").as_deref(), Some("J. PEREIRA"));
        assert_eq!(name("Head Specialist of Electronic Government"), None);
        assert_eq!(name("Miguel Porrúa."), Some("Miguel Porrúa".into()));
        assert_eq!(name("Ana Silva de"), Some("Ana Silva".into()));
        // A capitalised particle between name words.
        assert_eq!(name("Irwin La Rocque, Secretary"), Some("Irwin La Rocque".into()));
    }
}
