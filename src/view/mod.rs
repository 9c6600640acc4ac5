//! Yew components: the comparison as HTML.
//!
//! Views are dumb: they receive the dataset, the computed comparison and callbacks as typed
//! props, and never fetch, parse, or touch the DOM directly (that is `element`'s job; form values
//! are read through the small `dom` glue), so the same components render natively through yew's
//! server-side renderer in tests and in the prerendered fallback. One component per file.

use std::rc::Rc;

mod app;
mod cite;
mod conflict;
mod controls;
mod exports;
mod keys;
mod orgchart;
mod popover;
mod row;
mod sources;
mod status;
mod table;

pub use app::{Change, RoleCompare, RoleCompareProps, RoleCompareView, RoleCompareViewProps};
pub use cite::{Citations, CitationsProps, Tabs};
pub use conflict::{ConflictNote, ConflictNoteProps};
pub use controls::{Controls, ControlsProps};
pub use exports::{Download, ExportBar, ExportBarProps};
pub use keys::{KeyDifferences, KeyDifferencesProps};
pub use orgchart::{OrgChart, OrgChartProps};
pub use popover::{toggle, Marked, Popover, Spot};
pub use row::{and_list, RowContent, TableRow, TableRowProps};
pub use sources::{SourceList, SourceListProps};
pub use status::{ResultStatus, ResultStatusProps};
pub use table::{ComparisonTable, ComparisonTableProps};

/// The `aria-level` of a section heading (a facet, the key differences, the chart, the sources)
/// under a widget heading of `level`: one below it, at most 6.
pub fn section_level(level: u8) -> String {
    (level.clamp(1, 6) + 1).min(6).to_string()
}

/// A shared value compared by allocation, for props: the same dataset allocation is the same
/// dataset, so props holding one derive `PartialEq` (cheap, and a field added later cannot be
/// left out of a hand-written comparison). An `Rc<T>` converts into it in `html!`.
#[derive(Debug)]
pub struct Shared<T: ?Sized>(Rc<T>);

impl<T: ?Sized> Shared<T> {
    /// The `Rc` inside.
    pub fn rc(&self) -> Rc<T> {
        Rc::clone(&self.0)
    }
}

impl<T: ?Sized> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T: ?Sized> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: ?Sized> From<Rc<T>> for Shared<T> {
    fn from(rc: Rc<T>) -> Self {
        Shared(rc)
    }
}

impl<T: ?Sized> yew::html::IntoPropValue<Shared<T>> for Rc<T> {
    fn into_prop_value(self) -> Shared<T> {
        Shared(self)
    }
}
