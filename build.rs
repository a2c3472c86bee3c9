//! Embeds every message catalogue under `locales/` (one Fluent file per language, named by its
//! language tag) into the binary, so that adding a language is adding one file.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let dir = root.join("locales");
    println!("cargo:rerun-if-changed=locales");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("the locales/ folder") {
        let path = entry.expect("a locales/ entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("ftl") {
            continue;
        }
        let code = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a file name")
            .to_owned();
        assert!(
            !code.is_empty() && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'),
            "locales/{code}.ftl: name a catalogue by its language tag, e.g. es.ftl or pt-BR.ftl"
        );
        println!("cargo:rerun-if-changed={}", path.display());
        found.push((code, path));
    }
    found.sort();
    let mut out =
        String::from("/// Every catalogue under locales/: (language tag, Fluent source).\n");
    out.push_str("pub const CATALOGUES: &[(&str, &str)] = &[\n");
    for (code, path) in &found {
        writeln!(
            out,
            "    ({code:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    let target = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("locales.rs");
    std::fs::write(target, out).expect("writing locales.rs");
}
