//! Export of the current comparison as CSV, JSON and Markdown text. Pure Rust: no yew, no DOM,
//! and no serde_json (it must stay out of the wasm build), so JSON is written by hand.
