//! # role-compare
//!
//! An embeddable, fully sourced, side-by-side comparison of three executive roles: the Chief
//! Information Officer (CIO), the Chief Information Security Officer (CISO) and the Chief
//! Security Officer (CSO). Page authors use the `<role-compare>` custom element from
//! `dist/role-compare.js`; yew applications can use the [`view::RoleCompare`] component directly.
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
//!
//! ```
//! use role_compare::{compare, data, state::Filters, validate};
//!
//! let dataset = data::bundled();
//! assert!(validate::validate(&dataset).is_ok());
//! let table = compare::compare(&dataset, &Filters::default());
//! let names: Vec<&str> = table.columns.iter().map(|&i| dataset.roles[i].abbr.as_str()).collect();
//! assert_eq!(names, ["CIO", "CISO", "CSO"]);
//! ```

pub mod attrs;
pub mod chart;
pub mod compare;
pub mod data;
mod dom;
pub mod export;
pub mod json;
pub mod keys;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod state;
pub mod validate;
pub mod view;

#[cfg(target_arch = "wasm32")]
mod element;
#[cfg(target_arch = "wasm32")]
pub use element::{bundled_dataset, mount, Widget};
