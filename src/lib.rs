//! # role-compare
//!
//! An embeddable, fully sourced, side-by-side comparison of three executive roles: the Chief
//! Information Officer (CIO), the Chief Information Security Officer (CISO) and the Chief
//! Security Officer (CSO). Page authors use the `<role-compare>` custom element from
//! `dist/role-compare.js`; yew applications can use the [`view::RoleCompare`] component directly.
//!
//! ## The native functions: read, validate, compare, prerender
//!
//! ```
//! use role_compare::{compare, data, prerender, state::Filters, validate};
//! use std::rc::Rc;
//!
//! // Every dataset goes through one reader and one validator; problems carry JSON paths.
//! let dataset = data::bundled();
//! assert!(validate::validate(&dataset).is_ok());
//! let broken = data::parse_json(r#"{"format": 1, "roles": "cio"}"#).unwrap_err();
//! assert!(broken.iter().any(|e| e.to_string() == "roles: expected an array, found \"cio\""));
//!
//! // The comparison as data.
//! let table = compare::compare(&dataset, &Filters::default());
//! let names: Vec<&str> = table.columns.iter().map(|&i| dataset.roles[i].abbr.as_str()).collect();
//! assert_eq!(names, ["CIO", "CISO", "CSO"]);
//!
//! // The no-JS fallback for any attributes, read with the element's own rules (native only).
//! let fallback = prerender::fallback(Rc::new(dataset), |name| {
//!     (name == "roles").then(|| "cio ciso".to_owned())
//! });
//! assert!(fallback.html.starts_with("<div data-role-compare-fallback>"));
//! assert!(fallback.html.contains("CIO and CISO compared"));
//! assert!(fallback.warnings.is_empty());
//! ```
//!
//! The same functions back the `role-compare` command line (`check FILE.json`, `prerender`).
//!
//! ## The yew component
//!
//! In a yew application, render [`view::RoleCompare`] with a dataset (in the browser,
//! `role_compare::bundled_dataset()` shares one parsed copy between widgets). Natively, yew's
//! server-side renderer draws it:
//!
//! ```
//! use role_compare::{data, view::{RoleCompare, RoleCompareProps}};
//! use std::rc::Rc;
//!
//! let props = RoleCompareProps::new(Rc::new(data::bundled()));
//! let renderer = yew::LocalServerRenderer::<RoleCompare>::with_props(props).hydratable(false);
//! let html = futures::executor::block_on(renderer.render());
//! assert!(html.contains(r#"part="table""#));
//! ```
//!
//! ## Layout
//!
//! The crate is built in rings that point one way — data → compare → state → view → element:
//!
//! - [`model`] and [`data`]: the dataset's plain types and the bundled file;
//! - [`validate`]: the one validator every dataset goes through;
//! - [`compare`]: a pure function from (dataset, filters) to comparison rows, statement by
//!   statement; [`keys`]: the key-differences rows;
//! - [`state`]: the reader's filters and the actions that change them;
//! - [`view`]: dumb yew components;
//! - `element` (wasm only): the only module that touches the DOM, the shadow root and attributes.

// The rings, as folders: `core/` (pure: no yew, no web-sys), then `view/` with its small `dom`
// glue, then `element` (wasm only) and `prerender` (native only).
pub mod core;
pub use crate::core::{attrs, chart, compare, data, export, json, keys, model, state, validate};

mod dom;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod view;

#[cfg(target_arch = "wasm32")]
mod element;
#[cfg(target_arch = "wasm32")]
pub use element::{bundled_dataset, mount, Widget};
