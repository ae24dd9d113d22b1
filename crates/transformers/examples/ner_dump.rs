fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let file = std::env::args().nth(2).unwrap();
    let text = std::fs::read_to_string(file).unwrap();
    let b = acta_transformers::NerBackend::load(std::path::Path::new(&dir), 1).unwrap();
    for e in b.entities(&text).unwrap() {
        println!("{} {:?} {:.2} {:?}", e.label, e.range, e.score, &text[e.range.start..e.range.end]);
    }
}
