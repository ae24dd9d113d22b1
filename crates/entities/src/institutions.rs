//! Ministries, government bodies and organisations found by their shape.

use std::sync::LazyLock;

use acta_doc::{EntityKind, Stakeholder};
use regex::Regex;

/// A capitalised word, an acronym, or "e-Government"; "l'" / "d'" may be glued in front.
const CAPWORD: &str = r"(?:[ldLD]['’])?(?:\p{Lu}[\p{L}\p{M}'’&\-]*\.?|e-\p{L}+|\d+)";
/// Lower-case words that may sit between the capitalised words of a name.
const CONN: &str = r"(?:of|for|on|and|the|de|da|do|das|dos|del|des|du|la|las|los|le|les|y|e|et|para|pour|en|em|à|a|al|ao|às|sobre|sur|pela|pelo|por)";

const MINISTRY_HEADS: &str = "Ministry|Ministries|Ministerio|Ministério|Ministère|Secretariat|Undersecretariat|Under-Secretariat|Secretaría|Secretaria|Subsecretaría|Subsecretaria|Secrétariat|Presidency|Presidencia|Presidência|Présidence|Agency|Agencia|Agência|Agence|Department|Departamento|Département|Directorate|Dirección|Direção|Diretoria|Direction|Unit|Unidad|Unidade|Unité|Superintendencia|Superintendência|Jefatura|Controladoria|Contraloría|Procuraduría|Defensoría|Defensoria|Délégation|Oficina Nacional|National Office";
const MINISTRY_FIXED: &str = r"[Oo]ffice of the (?:[Pp]resident|[Pp]rime [Mm]inister|[Vv]ice[- ][Pp]resident)|Casa Civil|Cabinet Office|Jefatura de Gabinete";
const MINISTRY_TAILS: &str = "Unit|Agency|Secretariat|Authority|Directorate|Department|Office|Ministry|Regulator";
const ORG_HEADS: &str = "Universidad|Universidade|Université|University|Fundación|Fundação|Fondation|Foundation|Instituto|Institut|Institute|Asociación|Associação|Association|Banco|Banque|Bank|Cámara|Câmara|Chambre|Chamber|Centro|Centre|Center|Red|Rede|Réseau|Network|Observatorio|Observatório|Observatoire|Observatory|Comisión|Comissão|Commission|Consejo|Conselho|Conseil|Council|Corte|Court|Tribunal|Congreso|Congresso|Parliament|Parlamento|Parlement|Senado|Senate|Sénat|Asamblea|Assembleia|Assemblée|Assembly|Sociedad|Sociedade|Société|Society|Federación|Federação|Fédération|Federation|Alianza|Aliança|Alliance|Coalición|Coalition|Colegio|Escuela|Escola|École|School|Faculdade|Facultad|Faculty|Academia|Academy|Movimiento|Movimento|Mouvement|Foro|Fórum|Forum|Organización|Organização|Organisation|Organization|Unión|União|Union|Cooperativa|Empresa|Grupo|Consorcio|Laboratorio|Laboratório|Laboratoire|Colectivo|Coletivo|Comité|Comitê|Committee";
const ORG_TAILS: &str = r"Organisation|Organization|University|Foundation|Bank|Association|Institute|Center|Centre|Council|Network|Alliance|Forum|Society|Corporation|Company|Group|Observatory|Coalition|Initiative|Consortium|Federation|Chamber|Committee|Lab|Labs|Partnership|Trust|Fund|College|School|Academy|Union|Inc\.|Ltd\.?|LLC|S\.A\.|Ltda\.?|S\.A\.S\.|SpA|GmbH|Cooperative";

fn continuation() -> String {
    format!(r"(?:(?:[ \t]+|,[ \t]*)(?:{CONN}[ \t]+)*{CAPWORD})")
}

static MINISTRY_HEAD_FIRST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b(?:{MINISTRY_HEADS})\b{}+", continuation())).expect("valid regex"));
static MINISTRY_FIXED_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b(?:{MINISTRY_FIXED})\b{}*", continuation())).expect("valid regex"));
static MINISTRY_NAME_FIRST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b(?:{CAPWORD}[ \t]+){{1,5}}(?:{MINISTRY_TAILS})\b")).expect("valid regex"));
static ORG_HEAD_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b(?:{ORG_HEADS})\b(?:[ \t]+(?:{CONN}[ \t]+)*{CAPWORD})+")).expect("valid regex")
});
static ORG_NAME_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:{CAPWORD}[ \t]+(?:(?:of|for|and|de|y|e|et)[ \t]+)?){{1,6}},?[ \t]*(?:{ORG_TAILS})(?:\b|$)"
    ))
    .expect("valid regex")
});
static WITH_ACRONYM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"({CAPWORD}(?:[ \t]+(?:{CONN}[ \t]+)*{CAPWORD}){{1,10}})[ \t]*\(([A-Z][A-Za-z0-9&.\-]{{1,11}})\)"
    ))
    .expect("valid regex")
});

/// An institution found by its shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapeMatch {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    pub stakeholder: Option<Stakeholder>,
    /// For "Full Name (ACR)": where the acronym is.
    pub acronym: Option<(usize, usize)>,
}

/// Leading words that are not part of an institution's name.
const LEADING_NOISE: &[&str] = &[
    "The", "the", "El", "La", "Los", "Las", "O", "A", "Os", "As", "Le", "Les", "L'", "Del", "Head", "Chief",
    "Director", "Of",
];

/// Institutions of every shape in `text`, possibly overlapping (the caller resolves overlaps).
pub fn find_by_shape(text: &str) -> Vec<ShapeMatch> {
    let mut out = Vec::new();
    let mut push = |start: usize, end: usize, kind: EntityKind, acronym: Option<(usize, usize)>| {
        let (start, end) = tidy(text, start, end);
        if is_generic(&text[start..end]) {
            return;
        }
        if end > start && text[start..end].split_whitespace().count() >= 2 || acronym.is_some() {
            let stakeholder = stakeholder_of(&text[start..end], kind);
            out.push(ShapeMatch { start, end, kind, stakeholder, acronym });
        }
    };
    for m in MINISTRY_FIXED_RE.find_iter(text) {
        push(m.start(), m.end(), EntityKind::Ministry, None);
    }
    for (start, end) in every_start(&MINISTRY_HEAD_FIRST, text) {
        let end = cut_at_inner_head(text, start, end);
        push(start, end, EntityKind::Ministry, None);
    }
    for m in MINISTRY_NAME_FIRST.find_iter(text) {
        push(m.start(), m.end(), EntityKind::Ministry, None);
    }
    for (start, end) in every_start(&ORG_HEAD_FIRST, text) {
        let end = cut_at_inner_head(text, start, end);
        let start = extend_back(text, start);
        push(start, end, EntityKind::Organization, None);
    }
    for m in ORG_NAME_FIRST.find_iter(text) {
        push(m.start(), m.end(), EntityKind::Organization, None);
    }
    for c in WITH_ACRONYM.captures_iter(text) {
        let name = c.get(1).expect("group 1");
        let acr = c.get(2).expect("group 2");
        let kind = if is_government(name.as_str()) { EntityKind::Ministry } else { EntityKind::Organization };
        push(name.start(), name.end(), kind, Some((acr.start(), acr.end())));
    }
    out
}

/// Words that end a backward extension: titles before an organisation's name.
const TITLE_WORDS: &[&str] = &[
    "Head",
    "Chief",
    "Director",
    "Directora",
    "Directeur",
    "Directrice",
    "Diretor",
    "Diretora",
    "Fellow",
    "Professor",
    "Professora",
    "Profesor",
    "Profesora",
    "Coordinator",
    "Coordinador",
    "Coordinadora",
    "Coordenador",
    "Coordenadora",
    "President",
    "Presidente",
    "Presidenta",
    "Secretary",
    "Minister",
    "Manager",
    "Member",
    "Researcher",
    "Lecturer",
    "Senior",
    "Adviser",
    "Advisor",
    "Officer",
    "Specialist",
    "Lead",
    "Engineer",
    "The",
    "La",
    "El",
    "Le",
    "A",
    "O",
];

/// "National School of ...", "Internet Society ...": capitalised words right before a head
/// belong to the name.
fn extend_back(text: &str, start: usize) -> usize {
    let mut s = start;
    loop {
        let before = &text[..s];
        let Some(prefix) = before.strip_suffix(' ') else { return s };
        let word_start =
            prefix.rfind(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ':' | ';' | '"')).map_or(0, |i| i + 1);
        let word = &prefix[word_start..];
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if !capitalised || TITLE_WORDS.contains(&word) || word.ends_with('.') || word.is_empty() {
            return s;
        }
        s = word_start;
    }
}

/// Matches of a head-first pattern starting at every head, including heads inside an earlier
/// match ("Unit of the Ministry of ..." also yields "Ministry of ...").
fn every_start(re: &Regex, text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(m) = re.find_at(text, pos) {
        out.push((m.start(), m.end()));
        pos = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// A head-first name ends before the next head word: "Secretaría de Innovación del Ministerio de
/// Salud" is two bodies.
fn cut_at_inner_head(text: &str, start: usize, end: usize) -> usize {
    static HEAD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"[ \t,]\b(?:{MINISTRY_HEADS}|{ORG_HEADS})\b")).expect("valid regex"));
    match HEAD.find(&text[start..end]) {
        Some(m) => start + m.start(),
        None => end,
    }
}

/// Stakeholder groups and other common nouns in capitals that name no one organisation.
const GENERIC: &[&str] = &[
    "civil society",
    "private sector",
    "technical community",
    "academia",
    "sociedad civil",
    "sector privado",
    "comunidad tecnica",
    "sociedade civil",
    "setor privado",
    "comunidade tecnica",
    "societe civile",
    "secteur prive",
    "the government",
    "federal government",
    "national government",
];

fn is_generic(name: &str) -> bool {
    let folded = acta_doc::fold_words(name);
    GENERIC.contains(&folded.as_str())
}

/// Does a name read as a government body?
pub fn is_government(name: &str) -> bool {
    static GOV: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"\b(?:{MINISTRY_HEADS}|{MINISTRY_FIXED}|{MINISTRY_TAILS}|Government|Gobierno|Governo|Gouvernement)\b"
        ))
        .expect("valid regex")
    });
    GOV.is_match(name)
}

/// Drops leading articles and role words, trailing connectors and punctuation, and anything from
/// an honorific on ("Ministry of ICT and Mr. Silva").
fn tidy(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    loop {
        let s = &text[start..end];
        let first = s.split_whitespace().next().unwrap_or("");
        if LEADING_NOISE.contains(&first) && s.len() > first.len() {
            let skip = s[first.len()..].len() - s[first.len()..].trim_start().len();
            start += first.len() + skip;
            // "Head of the ..." : drop the connector words that follow too.
            while let Some(w) = text[start..end].split_whitespace().next() {
                if ["of", "the", "de", "la", "del", "da", "do"].contains(&w) {
                    let rest = &text[start + w.len()..end];
                    start += w.len() + (rest.len() - rest.trim_start().len());
                } else {
                    break;
                }
            }
        } else {
            break;
        }
    }
    for cut in [" Mr.", " Mrs.", " Ms.", " Dr.", " Sr.", " Sra.", " H.E."] {
        if let Some(i) = text[start..end].find(cut) {
            end = start + i;
        }
    }
    let s = &text[start..end];
    let trimmed =
        s.trim_end_matches(|c: char| c == ',' || c == ' ' || c == '.' && !s.ends_with("S.A.") && !s.ends_with("Inc."));
    let mut end = start + trimmed.len();
    // Trailing connectors ("... of the").
    loop {
        let s = &text[start..end];
        match s.rsplit_once(' ') {
            Some((head, last)) if CONN_WORDS.contains(&last) => end = start + head.trim_end_matches([' ', ',']).len(),
            _ => break,
        }
    }
    (start, end)
}

const CONN_WORDS: &[&str] = &[
    "of", "for", "on", "and", "the", "de", "da", "do", "das", "dos", "del", "des", "du", "la", "las", "los", "le",
    "les", "y", "e", "et", "en", "em", "a", "al", "ao",
];

fn stakeholder_of(name: &str, kind: EntityKind) -> Option<Stakeholder> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, EntityKind)> {
        find_by_shape(text).into_iter().map(|m| (text[m.start..m.end].to_string(), m.kind)).collect()
    }

    #[test]
    fn ministries_in_four_languages() {
        let f = found("Secretary of ICT at the Ministry of Planning, Development and Management of Brazil\n");
        assert!(
            f.contains(&("Ministry of Planning, Development and Management of Brazil".into(), EntityKind::Ministry)),
            "{f:?}"
        );
        let f = found("Head of the Digital Government Unit of the Ministry of Public Administration of Mexico");
        assert!(f.contains(&("Digital Government Unit".into(), EntityKind::Ministry)), "{f:?}");
        assert!(f.contains(&("Ministry of Public Administration of Mexico".into(), EntityKind::Ministry)), "{f:?}");
        let f = found("Directora del Ministerio de Economía y Finanzas de Uruguay");
        assert!(f.contains(&("Ministerio de Economía y Finanzas de Uruguay".into(), EntityKind::Ministry)), "{f:?}");
        let f = found("Chef de projet au Ministère de l'Économie numérique du Sénégal");
        assert!(
            f.contains(&("Ministère de l'Économie numérique du Sénégal".into(), EntityKind::Ministry))
                || f.iter().any(|(n, _)| n.starts_with("Ministère de l'Économie")),
            "{f:?}"
        );
        let f = found("of the office of the President of Mexico");
        assert!(f.contains(&("office of the President of Mexico".into(), EntityKind::Ministry)), "{f:?}");
    }

    #[test]
    fn organisations() {
        let f = found("Professor at the University of Lisbon and at Simón Bolívar University");
        assert!(f.contains(&("University of Lisbon".into(), EntityKind::Organization)), "{f:?}");
        assert!(f.contains(&("Simón Bolívar University".into(), EntityKind::Organization)), "{f:?}");
        let f = found("the Instituto de Tecnologia e Sociedade (ITS) presented");
        assert!(f.iter().any(|(n, _)| n == "Instituto de Tecnologia e Sociedade"), "{f:?}");
    }
}
