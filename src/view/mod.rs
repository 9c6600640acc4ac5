//! Yew components: the comparison as HTML.
//!
//! Views are dumb: they receive the dataset, the computed comparison and callbacks as typed
//! props, and never fetch, parse, or touch the DOM directly (that is `element`'s job; form values
//! are read through the small `dom` glue), so the same components render natively through yew's
//! server-side renderer in tests and in the prerendered fallback. One component per file.

mod app;
mod cite;
mod conflict;
mod controls;
mod exports;
mod keys;
mod orgchart;
mod row;
mod sources;
mod status;
mod table;

pub use app::{Change, RoleCompare, RoleCompareProps};
pub use cite::{Citations, CitationsProps};
pub use conflict::{ConflictNote, ConflictNoteProps};
pub use controls::{Controls, ControlsProps};
pub use exports::{Download, ExportBar, ExportBarProps};
pub use keys::{KeyDifferences, KeyDifferencesProps};
pub use orgchart::{OrgChart, OrgChartProps};
pub use row::{and_list, RowContent, TableRow, TableRowProps};
pub use sources::{SourceList, SourceListProps};
pub use status::{ResultStatus, ResultStatusProps};
pub use table::{ComparisonTable, ComparisonTableProps};

/// The `aria-level` of a section heading (a facet, the key differences, the chart, the sources)
/// under a widget heading of `level`: one below it, at most 6.
pub fn section_level(level: u8) -> String {
    (level.clamp(1, 6) + 1).min(6).to_string()
}
