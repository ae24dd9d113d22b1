//! A deterministic bench corpus: reports recombined from the parts of `corpus/` reports (fields,
//! speaker entries, paragraphs, key points) in their language, with the people renamed from the
//! name gazetteers, so that every stage works on varied text rather than one repeated report.

use std::path::Path;

/// xorshift64*: small, fast, and the same sequence on every machine for a seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The parts of the corpus reports of one language.
#[derive(Default)]
struct Parts {
    titles: Vec<String>,
    entries: Vec<String>,
    paragraphs: Vec<String>,
    points: Vec<String>,
    people: Vec<String>,
}

const LANGS: [&str; 4] = ["en", "es", "pt", "fr"];

fn headings(lang: &str) -> (&'static str, &'static str, &'static str, &'static str, &'static str) {
    // (speakers, discussion, key points, date label, time label)
    match lang {
        "es" => ("Panelistas", "Resumen de la discusión", "Temas clave", "Fecha", "Hora"),
        "pt" => ("Palestrantes", "Resumo da discussão", "Principais temas", "Data", "Horário"),
        "fr" => ("Intervenants", "Synthèse des débats", "Principaux enjeux", "Date", "Heure"),
        _ => ("Speakers", "Discussion", "Key Issues raised", "Date", "Time"),
    }
}

fn read_parts(corpus: &Path) -> std::io::Result<Vec<Parts>> {
    let mut parts: Vec<Parts> = LANGS.iter().map(|_| Parts::default()).collect();
    let mut dirs: Vec<_> = std::fs::read_dir(corpus)?.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    dirs.sort();
    for dir in dirs {
        let Some(name) = dir.file_name().map(|n| n.to_string_lossy().into_owned()) else { continue };
        let Some(li) = LANGS.iter().position(|l| name.starts_with(&format!("{l}_"))) else { continue };
        let text = ["report.txt", "report.md"].iter().find_map(|f| std::fs::read(dir.join(f)).ok());
        let Some(bytes) = text else { continue };
        let Ok(text) = String::from_utf8(bytes) else { continue };
        let p = &mut parts[li];
        if let Ok(gold) = std::fs::read_to_string(dir.join("gold.json")) {
            // The people of the key, to rename them in the recombined text.
            if let Some(list) = gold.split("\"people\":").nth(1).and_then(|r| r.split(']').next()) {
                p.people.extend(list.split('"').skip(1).step_by(2).map(String::from));
            }
        }
        for block in text.split("\n\n") {
            let block = block.trim();
            let lines: Vec<&str> = block.lines().collect();
            if lines.len() == 1 && block.len() > 200 && !block.contains('|') {
                p.paragraphs.push(block.to_string());
            } else if lines.iter().all(|l| l.trim_start().starts_with(['-', '•', '1', '2', '3', '4']))
                && lines.len() >= 2
            {
                for l in lines {
                    let l = l.trim_start_matches(|c: char| {
                        c == '-' || c == '•' || c.is_ascii_digit() || c == '.' || c == ' '
                    });
                    if l.contains(',') && l.len() > 30 {
                        p.entries.push(l.to_string());
                    } else if l.len() > 20 {
                        p.points.push(l.to_string());
                    }
                }
            } else if lines.len() == 1 && (15..120).contains(&block.len()) && !block.contains(':') {
                p.titles.push(block.to_string());
            }
        }
    }
    Ok(parts)
}

fn names(file: &str) -> Vec<String> {
    file.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split('\t').next()).map(String::from).collect()
}

/// Writes reports into `out` until they hold `megabytes` MB; returns (files, bytes).
pub fn generate(corpus: &Path, out: &Path, megabytes: usize, seed: u64) -> std::io::Result<(usize, usize)> {
    let parts = read_parts(corpus)?;
    let given = names(include_str!("../../../models/given_names.tsv"));
    let surnames = names(include_str!("../../../models/surnames.tsv"));
    std::fs::create_dir_all(out)?;
    let mut rng = Rng::new(seed);
    let target = megabytes * 1_000_000;
    let (mut bytes, mut files) = (0usize, 0usize);
    while bytes < target {
        let li = rng.below(LANGS.len());
        let p = &parts[li];
        if p.paragraphs.is_empty() || p.entries.is_empty() {
            continue;
        }
        let (speakers, discussion, points, date, time) = headings(LANGS[li]);
        let mut r = String::new();
        let title = if p.titles.is_empty() { "Session report".to_string() } else { rng.pick(&p.titles).clone() };
        r.push_str(&format!(
            "{title}\n\n{date}: {}/{}/20{}\n",
            1 + rng.below(28),
            1 + rng.below(12),
            10 + rng.below(15)
        ));
        r.push_str(&format!("{time}: {}:00 - {}:30\n\n{speakers}\n", 9 + rng.below(4), 11 + rng.below(5)));
        for _ in 0..(2 + rng.below(5)) {
            r.push_str(&format!("- {}\n", rng.pick(&p.entries)));
        }
        if !p.points.is_empty() {
            r.push_str(&format!("\n{points}\n"));
            for _ in 0..(2 + rng.below(3)) {
                r.push_str(&format!("- {}\n", rng.pick(&p.points)));
            }
        }
        r.push_str(&format!("\n{discussion}\n\n"));
        for _ in 0..(3 + rng.below(8)) {
            r.push_str(rng.pick(&p.paragraphs).as_str());
            r.push_str("\n\n");
        }
        // One report in ten carries a paragraph in another language.
        if rng.below(10) == 0 {
            let other = &parts[(li + 1 + rng.below(3)) % LANGS.len()];
            if !other.paragraphs.is_empty() {
                r.push_str(rng.pick(&other.paragraphs).as_str());
                r.push_str("\n\n");
            }
        }
        // The people of the source reports get new names, the same within this report.
        for person in &p.people {
            if r.contains(person.as_str()) {
                let new = format!("{} {} {}", rng.pick(&given), rng.pick(&surnames), rng.pick(&surnames));
                r = r.replace(person.as_str(), &new);
            }
        }
        let path = out.join(format!("bench-{files:07}.txt"));
        std::fs::write(&path, &r)?;
        bytes += r.len();
        files += 1;
    }
    Ok((files, bytes))
}
