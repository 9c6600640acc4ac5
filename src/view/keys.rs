//! `KeyDifferences`: the rows that lead the comparison table — one per facet with key lines, one short
//! cited line per compared role, a line that several compared roles share shown once across
//! their columns, disagreements marked, and each facet's sourced detail one click away.
//! Dumb: it draws `keys::key_rows` and reports the reader's clicks.

use crate::keys::{KeyCell, KeyRow};
use crate::model::Dataset;
use crate::view::{and_list, Citations, ConflictNote, Marked, Popover, Shared, Spot, Tabs};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`KeyDifferences`].
#[derive(Properties, Clone, PartialEq)]
pub struct KeyDifferencesProps {
    /// The dataset the rows index into.
    pub dataset: Shared<Dataset>,
    /// Indices into `dataset.roles` of the compared roles.
    pub columns: Rc<[usize]>,
    /// The rows to draw (`keys::key_rows`).
    pub rows: Rc<[KeyRow]>,
    /// Whether each facet's detail is open, by index into `dataset.facets`.
    pub facets_open: Rc<[bool]>,
    /// Prefix for ids and popover keys, unique per widget on the page.
    pub id_prefix: AttrValue,
    /// The key of the open popover or disclosure, if any.
    #[prop_or_default]
    pub open: Option<Popover>,
    /// Opens or closes a popover or disclosure by key.
    #[prop_or_default]
    pub on_toggle: Callback<Popover>,
    /// Whether each facet has a body in the detail table (by index into `dataset.facets`): the
    /// fold button shows only where it has something to open.
    #[prop_or_default]
    pub has_detail: Rc<[bool]>,
    /// Opens or folds one facet's detail.
    #[prop_or_default]
    pub on_facet: Callback<usize>,
    /// Static rendering (the no-JS fallback): the detail buttons cannot work, so they are hidden.
    #[prop_or_default]
    pub prerender: bool,
    /// Build closed disagreements' sides too (print, the no-JS fallback).
    #[prop_or_default]
    pub complete: bool,
    /// The widget's heading level: "Key differences at a glance" is one level below.
    #[prop_or(2)]
    pub heading_level: u8,
}

/// The key-differences rows: the comparison table's first body.
#[component]
pub fn KeyDifferences(props: &KeyDifferencesProps) -> Html {
    if props.rows.is_empty() {
        return Html::default();
    }
    let span = (props.columns.len() + 1).to_string();
    let level = crate::view::section_level(props.heading_level);
    html! {
        // The first body of the comparison table: it shares the table's role headers.
        <tbody class="rc-keys" part="keys">
            <tr class="rc-facet rc-keys-head">
                <th scope="rowgroup" colspan={span} aria-label="Key differences at a glance">
                    <span role="heading" aria-level={level}>{"Key differences at a glance"}</span>
                </th>
            </tr>
            { for props.rows.iter().map(|row| key_row(props, row)) }
        </tbody>
    }
}

fn key_row(props: &KeyDifferencesProps, row: &KeyRow) -> Html {
    let d = &*props.dataset;
    let facet = &d.facets[row.facet];
    let open = props.facets_open.get(row.facet).copied().unwrap_or(false);
    let onclick = {
        let on_facet = props.on_facet.clone();
        let fi = row.facet;
        Callback::from(move |_: MouseEvent| on_facet.emit(fi))
    };
    let body_id = format!("{}-f-{}", props.id_prefix, facet.id);
    html! {
        <tr key={facet.id.clone()} class="rc-key-row" data-facet={facet.id.clone()}>
            // Named by the facet alone: the fold button inside has its own name.
            <th scope="row" class="rc-topic-cell" aria-label={facet.label.clone()}>
                <span class="rc-topic">{&facet.label}</span>
                if props.has_detail.get(row.facet).copied().unwrap_or(false) {
                    <button type="button" class="rc-fold" aria-expanded={open.to_string()}
                        aria-controls={body_id} hidden={props.prerender} {onclick}>
                        { if open { "Hide detail" } else { "Show detail" } }
                        <span class="rc-vh">{format!(": {}", facet.label)}</span>
                    </button>
                }
            </th>
            { for row.cells.iter().enumerate().map(|(i, cell)| key_cell(props, row, i, cell)) }
        </tr>
    }
}

fn key_cell(props: &KeyDifferencesProps, row: &KeyRow, i: usize, cell: &KeyCell) -> Html {
    let d = &*props.dataset;
    let abbrs = |cols: &[usize]| -> Vec<&str> {
        cols.iter()
            .map(|&c| d.roles[props.columns[c]].abbr.as_str())
            .collect()
    };
    match cell {
        KeyCell::Covered => Html::default(),
        KeyCell::Missing(col) => html! {
            <td key={i} class="rc-gap" data-role={abbrs(&[*col])[0].to_owned()}>
                {"No key line in the dataset"}
            </td>
        },
        KeyCell::Line { line, columns } => {
            let k = &d.key_lines[*line];
            let names = abbrs(columns);
            let shared = columns.len() > 1;
            let label = if shared {
                format!("Shared by {}", and_list(&names))
            } else {
                names.join("")
            };
            let class = if shared { "rc-key rc-shared" } else { "rc-key" };
            html! {
                <td key={i} {class} colspan={columns.len().to_string()} data-role={label.clone()}>
                    if shared {
                        <span class="rc-shared-label">{label}</span>
                    }
                    <p class="rc-key-text">
                        {&k.text}
                        <Citations dataset={props.dataset.clone()}
                            cites={Rc::<[_]>::from(k.sources.as_slice())}
                            id_prefix={props.id_prefix.clone()}
                            on={Marked::KeyLine(row.facet, AttrValue::from(k.id.clone()))}
                            open={props.open.clone()} on_toggle={props.on_toggle.clone()}
                            tabs={if row.cells.iter().position(|c| matches!(c, KeyCell::Line { .. })) == Some(i) { Tabs::RowFirst } else { Tabs::RowRest }} />
                    </p>
                    { for k.conflicts.iter().filter_map(|id| d.conflicts.iter().position(|c| &c.id == id)).map(|ki| html! {
                        <ConflictNote key={ki} dataset={props.dataset.clone()} conflict={ki}
                            id_prefix={props.id_prefix.clone()} at={Spot::KeyLine(AttrValue::from(k.id.clone()))}
                            open={props.open.clone()} on_toggle={props.on_toggle.clone()}
                            complete={props.complete} />
                    }) }
                </td>
            }
        }
    }
}
