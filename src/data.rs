//! The bundled dataset: `src/data/roles.json`, embedded into the binary at compile time.
//!
//! The file is the human-edited source of truth; this module only hands out its text and, on
//! native targets, parses it. The wasm build parses JSON with the browser's own `JSON.parse`
//! (see `element`) so that `serde_json` never reaches the wasm file. This module must know
//! nothing of yew or the DOM.

/// The bundled dataset, exactly as written in `src/data/roles.json`.
pub const BUNDLED_JSON: &str = include_str!("data/roles.json");

/// Parses a dataset from JSON text (native targets only; the browser parses with `JSON.parse`).
///
/// This only checks the shape; run [`crate::validate::validate`] on the result before use.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_json(text: &str) -> Result<crate::model::Dataset, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// The bundled dataset, parsed (native targets only).
///
/// # Panics
/// Never for a released build: a native test checks that the bundled file parses and validates.
#[cfg(not(target_arch = "wasm32"))]
pub fn bundled() -> crate::model::Dataset {
    parse_json(BUNDLED_JSON).expect("the bundled dataset parses (checked by tests/dataset.rs)")
}
