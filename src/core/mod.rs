//! The pure core: the dataset's types and reader, the one validator, the reader's filters and
//! the actions that change them, the comparison, the key lines, the reporting chart, the exports
//! and the element's attribute grammar. Everything in this folder compiles and is tested
//! natively without yew, web-sys or JavaScript (`tests/architecture.rs` checks that no file here
//! names them); the view and element layers build on it. The crate re-exports each module at
//! its root (`role_compare::compare`, …), which is the path the rest of the crate uses.

pub mod attrs;
pub mod chart;
pub mod compare;
pub mod data;
pub mod export;
pub mod json;
pub mod keys;
pub mod model;
pub mod state;
pub mod validate;
