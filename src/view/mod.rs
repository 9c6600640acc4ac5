//! Yew components: the comparison as HTML.
//!
//! Views are dumb: they receive the dataset, the computed comparison and callbacks as typed
//! props, and never fetch, parse, or touch the DOM directly (that is `element`'s job), so the
//! same components render natively through yew's server-side renderer in tests and in the
//! prerendered fallback. One component per file.

mod app;
mod orgchart;
mod table;

pub use app::{RoleCompare, RoleCompareProps};
pub use table::{ComparisonTable, ComparisonTableProps};
