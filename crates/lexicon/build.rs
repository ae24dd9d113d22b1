//! Embeds every file of `models/lang/<code>/` in the binary: a language added as a folder is
//! compiled in without a change to the code.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("../../models/lang");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files: Vec<(String, String, PathBuf)> = Vec::new();
    for lang in std::fs::read_dir(&root).expect("models/lang exists") {
        let lang = lang.expect("readable models/lang").path();
        if !lang.is_dir() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", lang.display());
        let code = lang.file_name().and_then(|n| n.to_str()).expect("utf-8 folder name").to_string();
        for file in std::fs::read_dir(&lang).expect("readable language folder") {
            let path = file.expect("readable entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).expect("utf-8 file name").to_string();
            if path.is_file() && (name.ends_with(".txt") || name.ends_with(".tsv")) {
                println!("cargo:rerun-if-changed={}", path.display());
                files.push((code.clone(), name, path.canonicalize().expect("canonical path")));
            }
        }
    }
    files.sort();
    let mut out = String::from("/// Every bundled list: (language code, file name, contents).\npub(crate) static BUNDLED: &[(&str, &str, &str)] = &[\n");
    for (code, name, path) in &files {
        writeln!(out, "    ({code:?}, {name:?}, include_str!({:?})),", path.display().to_string()).expect("write");
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("bundled.rs");
    std::fs::write(dest, out).expect("write bundled.rs");
}
