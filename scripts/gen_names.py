#!/usr/bin/env python3
"""Generates models/given_names.tsv and models/surnames.tsv from the person-name lists of Faker, and
adds to the given names the rarer ones of nomquamgender that are no common word.

Faker (https://pypi.org/project/Faker/, MIT licence, (c) Daniele Faraglia and contributors) ships
given names and surnames gathered from public name statistics for each locale. acta uses the
given names to recognise "Victor Lagunes said" without an honorific, and the surnames to read
inverted "SURNAME, Given" entries. Run from the repository root:

    pip install faker==40.63.0 nomquamgender==0.1.4
    apt-get install hunspell-en-us hunspell-es hunspell-pt-br hunspell-pt-pt hunspell-fr-classical
    python3 scripts/gen_names.py

nomquamgender (https://pypi.org/project/nomquamgender/, MIT licence, (c) Ian Van Buskirk) counts given
names over many national sources: Estonian, West African, Brazilian names Faker lacks. Its keys are
folded and noisy ("floor", "general" are keys too), so only names attested by several sources and
absent, in lower case, from the Hunspell dictionaries of English, Spanish, Portuguese and French are
taken; the dictionaries are read here only, as a filter, and nothing of them is written.
"""
import glob
import json
import re
import importlib
import importlib.resources
import unicodedata

import faker

# Locales of the reports acta reads (Latin America, Iberia, francophone Africa and Europe,
# anglophone), and every other locale whose names Faker writes in Latin letters: international
# meetings name delegates from everywhere (Estonian, Polish, Turkish, Indonesian, Vietnamese...).
LOCALES = [
    "en_US", "en_GB", "en_IE", "en_NG", "en_KE", "en_IN", "es", "es_ES", "es_MX", "es_AR", "es_CL", "es_CO",
    "pt_BR", "pt_PT", "fr_FR", "fr_CA", "fr_BE", "fr_CH", "fr_DZ", "it_IT", "de_DE", "nl_NL", "yo_NG", "ha_NG",
    "ig_NG", "tw_GH", "sw", "zu_ZA",
    "en", "en_NZ", "en_PK", "en_TH", "es_CA", "fr_QC", "de_AT", "de_CH", "nl_BE", "ga_IE", "et_EE", "fi_FI",
    "lt_LT", "lv_LV", "pl_PL", "cs_CZ", "sk_SK", "sl_SI", "hr_HR", "hu_HU", "ro_RO", "sv_SE", "no_NO", "da_DK",
    "is_IS", "tr_TR", "az_AZ", "uz_UZ", "id_ID", "vi_VN",
]
# Given names that are also common capitalised words, months, places or titles: a capitalised
# word after them says nothing about a person ("May Day", "Victoria Street", "Grace Period").
NOT_GIVEN = {
    "April", "May", "June", "July", "August", "Abril", "Mayo", "Junio", "Julio", "Agosto", "Marzo",
    "Summer", "Autumn", "Winter", "Dawn", "Joy", "Hope", "Faith", "Grace", "Charity", "Honor", "Honour",
    "Patience", "Destiny", "Will", "Bill", "Sterling", "Major", "General", "Royal", "Prince", "King",
    "Queen", "Duke", "Earl", "Baron", "Lord", "Justice", "Liberty", "Unity", "Trinity", "Victory",
    "Paris", "London", "Florence", "Sydney", "Victoria", "Georgia", "Jordan", "Chad", "India", "Israel",
    "Kenya", "Trinidad", "America", "Asia", "Africa", "Europa", "China", "Brasil", "Colombia", "Eva",
    "Sol", "Luz", "Paz", "Mar", "Cruz", "Gloria", "Rosario", "Mercedes", "Dolores", "Pilar", "Asunción",
    "Concepción", "Consuelo", "Amparo", "Socorro", "Soledad", "Esperanza", "Caridad", "Fe", "Lourdes",
    "Fatima", "Fátima", "Reina", "Angel", "Ángel", "Salvador", "Jesús", "Santiago", "Guadalupe", "Belén",
    "Nazaret", "Montserrat", "Carmen", "Rocío", "Alba", "Aurora", "Estrella", "Celeste", "Blanca",
    "Clemente", "Constante", "Modesto", "Prudencio", "Inocencio", "Amado", "Natal", "Natividad",
    "Domingo", "Lunes", "Santa", "Santo", "San", "São", "Sao", "Saint", "Sainte", "Belo", "Salud", "Dom",
    "Claire", "Constance", "Prudence", "Solange", "Océane", "Marine", "Jade",
    "Ebony", "Ivory", "Amber", "Crystal", "Diamond", "Ruby", "Pearl", "Jewel", "Brook", "River",
    "Rain", "Sky", "Storm", "Forest", "Heath", "Chase", "Hunter", "Mason", "Archer", "Cooper", "Porter",
    "Carter", "Parker", "Tucker", "Sawyer", "Fisher", "Gardener", "Baker", "Miller", "Taylor", "Page",
    "Price", "Rich", "Frank", "Guy", "Art", "Sonny", "Buddy", "Champ", "Ace", "Digital", "Internet",
}


def clean(name):
    name = unicodedata.normalize("NFC", name.strip())
    # Latin letters only: names in other scripts never appear in the reports acta reads.
    latin = all(c in "-'’ " or c.isalpha() and "LATIN" in unicodedata.name(c, "") for c in name)
    ok = name and name[0].isupper() and latin and len(name) >= 2
    return name if ok else None


def gather(attr_names):
    out = {}
    for loc in LOCALES:
        try:
            mod = importlib.import_module(f"faker.providers.person.{loc}")
        except ImportError:
            continue
        provider = mod.Provider
        for attr in attr_names:
            values = provider.__dict__.get(attr)
            if values is None:
                values = next((c.__dict__[attr] for c in provider.__mro__ if attr in c.__dict__), None)
            if not isinstance(values, (list, tuple, dict, set)) or not values:
                continue
            for v in values:
                v = clean(v)
                if v:
                    out.setdefault(v, set()).add(loc.split("_")[0])
    return out


def load_blocked():
    blocked = set(NOT_GIVEN)
    for path, col in [("models/countries.tsv", 2), ("models/name_stopwords.tsv", 1)]:
        for line in open(path, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) > col:
                blocked.add(parts[col].strip())
    return blocked


def fold(word):
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()


def common_words():
    """Lower-case stems of the Hunspell dictionaries of the four languages, folded."""
    words = set()
    for lang in ["en_US", "es_ES", "pt_BR", "pt_PT", "fr"]:
        for path in glob.glob(f"/usr/share/hunspell/{lang}.dic"):
            with open(path, encoding="utf-8", errors="ignore") as f:
                next(f, None)
                for line in f:
                    w = line.split("/")[0].strip()
                    if w and w[0].islower():
                        words.add(fold(w))
    if not words:
        raise SystemExit("no Hunspell dictionaries under /usr/share/hunspell: install them (see the docstring)")
    return words


def is_common(word, words):
    # A common word, or a form of one: feminine, plural.
    if word in words:
        return True
    return any(word.endswith(a) and word[: len(word) - len(a)] + b in words for a, b in [("a", "o"), ("s", ""), ("es", ""), ("e", "o")])


def nqg_given_names(known, blocked):
    """Given names of nomquamgender attested by three sources or more, that are no common word."""
    import nomquamgender

    data = json.loads(importlib.resources.files(nomquamgender).joinpath("name_data.json").read_text())
    words = common_words()
    blocked_folded = {fold(b) for b in blocked}
    known_folded = {fold(k) for k in known}
    out = {}
    for key, info in data.items():
        sources, count = info[0], info[1]
        if not re.fullmatch(r"[a-z]{3,}", key) or sources < 3 or count < 5:
            continue
        if key in known_folded or key in blocked_folded or is_common(key, words):
            continue
        out[key.capitalize()] = {"xx"}
    return out


def write(path, what, names):
    with open(path, "w", encoding="utf-8") as f:
        f.write(
            f"# {what}, generated by scripts/gen_names.py from Faker {faker.VERSION} person providers\n"
            f"# (MIT licence, (c) Daniele Faraglia and contributors; see models/LICENSES.md)"
            + (" and nomquamgender 0.1.4\n# (MIT licence, (c) Ian Van Buskirk; language 'xx': any)" if "Given" in what else "")
            + ". Do not edit by hand:\n"
            f"# add names in a file of the same name passed with --models.\n# name\tlanguages\n"
        )
        for name in sorted(names, key=lambda n: (n.lower(), n)):
            f.write(f"{name}\t{','.join(sorted(names[name]))}\n")


def main():
    blocked = load_blocked()
    given = gather(["first_names", "first_names_female", "first_names_male", "first_names_nonbinary"])
    # Compound given names ("Luiz Felipe", "Maria José") also give each of their words: Faker lists
    # some names only inside compounds.
    for name, langs in list(given.items()):
        if " " in name:
            for part in name.split():
                if len(part) >= 3 and part[0].isupper():
                    given.setdefault(part, set()).update(langs)
    given = {n: l for n, l in given.items() if n not in blocked and " " not in n}
    given.update(nqg_given_names(given, blocked))
    surnames = gather(["last_names"])
    surnames = {n: l for n, l in surnames.items() if n not in blocked}
    write("models/given_names.tsv", "Given names", given)
    write("models/surnames.tsv", "Surnames", surnames)
    print(f"{len(given)} given names, {len(surnames)} surnames")


if __name__ == "__main__":
    main()
