//! What kind of body a name is (a government body or another organisation), its stakeholder group, and
//! which names name a kind of body rather than one ("the government", "civil society", "working group").

use std::sync::LazyLock;

use acta_doc::{EntityKind, Stakeholder};
use regex::Regex;

use crate::gazetteer::Gazetteers;

/// Whether an institution's name is a ministry or government body (a public body, or a name starting
/// with a ministry's head word) or another organisation.
pub fn institution_kind(name: &str, gaz: &Gazetteers) -> EntityKind {
    if is_public_body(name) || gaz.shapes.starts_as_ministry.is_match(name) {
        EntityKind::Ministry
    } else {
        EntityKind::Organization
    }
}

/// The stakeholder group an institution's name shows, if any.
pub fn institution_stakeholder(name: &str, kind: EntityKind) -> Option<Stakeholder> {
    stakeholder_of(name, kind)
}

pub(crate) fn is_generic(name: &str, gaz: &Gazetteers) -> bool {
    let folded = acta_doc::fold_words(name);
    // "Sociedade da Informação em 2003 e 2005": a generic name with a phrase after it.
    let generic_phrase = gaz.generic_names.iter().any(|g| {
        folded
            .strip_prefix(g.as_str())
            .is_some_and(|rest| rest.starts_with(' ') && !rest[1..].starts_with(char::is_alphabetic))
            || folded.strip_prefix(g.as_str()).is_some_and(|rest| {
                [" em ", " en ", " in ", " de ", " of "].iter().any(|c| rest.starts_with(c))
                    && rest.chars().any(|c| c.is_ascii_digit())
            })
    });
    gaz.generic_names.contains(&folded)
        || generic_phrase
        || gaz.session_formats.iter().any(|f| folded.strip_prefix(f.as_str()).is_some_and(|rest| rest.starts_with(' ')))
}

/// Does a name read as a government body?
pub fn is_government(name: &str, gaz: &Gazetteers) -> bool {
    gaz.shapes.government.is_match(name) || is_public_body(name)
}

/// "National School of Public Administration", "Instituto Nacional de Estatística": a national
/// or public institute, school, service or council is part of the state. Universities, parties and
/// NGOs with "National" in their names are not.
pub(crate) fn is_public_body(name: &str) -> bool {
    static PUBLIC: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:national|nacional|nationale|federal|fédéral|público|pública|public|publique)\b")
            .expect("valid regex")
    });
    static BODY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:administration|administración|administração|statistics|estadística|estatística|statistique|institute|instituto|institut|school|escuela|escola|école|service|servicio|serviço|commission|comisión|comissão|council|consejo|conselho|conseil|registry|registro|registre|office|oficina|bureau)\b").expect("valid regex")
    });
    static NOT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:universit\w*|universidad\w*|foundation|fundaci[oó]n|funda[cç][aã]o|fondation|association|asociaci[oó]n|associa[cç][aã]o|party|partido|parti|democratic|bank|banco|banque|network|red|rede|réseau|alliance|alianza|aliança)\b").expect("valid regex")
    });
    static REGULATOR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:regulation|régulation|regulación|regulação|regulatory|reguladora|regulador|supervisory|de contrôle|protection des données|protección de datos|proteção de dados|data protection)\b").expect("valid regex")
    });
    (PUBLIC.is_match(name) && BODY.is_match(name) || REGULATOR.is_match(name)) && !NOT.is_match(name)
}

pub(crate) fn stakeholder_of(name: &str, kind: EntityKind) -> Option<Stakeholder> {
    if kind == EntityKind::Ministry {
        return Some(Stakeholder::Government);
    }
    let words: Vec<&str> = name.split(|c: char| c.is_whitespace() || c == ',').collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    if has(&[
        "University",
        "Universidad",
        "Universidade",
        "Université",
        "Faculty",
        "Facultad",
        "Faculdade",
        "College",
        "School",
        "Escuela",
        "Escola",
        "École",
        "Academia",
        "Academy",
    ]) {
        Some(Stakeholder::Academia)
    } else if has(&[
        "Inc.",
        "Ltd.",
        "Ltd",
        "LLC",
        "S.A.",
        "Ltda.",
        "Ltda",
        "S.A.S.",
        "SpA",
        "GmbH",
        "Company",
        "Corporation",
        "Empresa",
    ]) {
        Some(Stakeholder::PrivateSector)
    } else if has(&[
        "Parliament",
        "Parlamento",
        "Parlement",
        "Congress",
        "Congreso",
        "Congresso",
        "Senate",
        "Senado",
        "Sénat",
        "Court",
        "Corte",
        "Tribunal",
    ]) {
        Some(Stakeholder::Government)
    } else if has(&[
        "Foundation",
        "Fundación",
        "Fundação",
        "Fondation",
        "Association",
        "Asociación",
        "Associação",
        "Coalition",
        "Coalición",
        "Movimiento",
        "Movimento",
        "Mouvement",
        "Colectivo",
        "Coletivo",
        "Society",
    ]) {
        Some(Stakeholder::CivilSociety)
    } else {
        None
    }
}
