//! Build script: embeds the bundled dataset without the whitespace between tokens.
//!
//! `src/data/roles.json` stays pretty-printed for people; `data::BUNDLED_JSON` includes
//! `$OUT_DIR/roles.min.json`, the same JSON with a third fewer bytes in the wasm file. The
//! minifier is the crate's own (`src/core/json.rs`), and the result must parse.

#[allow(dead_code)]
#[path = "src/core/json.rs"]
mod json;

fn main() {
    let source = "src/data/roles.json";
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-changed=src/core/json.rs");
    let text = std::fs::read_to_string(source).expect("src/data/roles.json is readable");
    let min = json::minify(&text);
    if let Err(e) = json::parse(&min) {
        panic!("{source} is not valid JSON: {e}");
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(format!("{out}/roles.min.json"), min).expect("OUT_DIR is writable");
}
