//! `TableRow`: one topic row of the comparison table, memoised so that a filter touches only the
//! rows it changes.
//!
//! The table keeps every row its claim-level filters allow in the document and hides the ones
//! the other filters (mode, search, facets, duty topic) leave out. Hiding or showing a row
//! changes only its `hidden` attribute: the row's cells are a separate component whose props did
//! not change, so yew skips them. Dumb: it draws one `compare::Row` and nothing else.

use crate::compare::{matches, Cell, Row, Status};
use crate::model::Dataset;
use crate::view::{Citations, ConflictNote};
use std::rc::Rc;
use yew::prelude::*;

/// What a row shows; equal contents (the same dataset allocation) render the same cells.
#[derive(Clone)]
pub struct RowContent {
    /// The dataset the row indexes into.
    pub dataset: Rc<Dataset>,
    /// Indices into `dataset.roles` of the columns.
    pub columns: Rc<[usize]>,
    /// Index into `dataset.facets`.
    pub facet: usize,
    /// The row.
    pub row: Row,
    /// Text to mark in statements (empty while the row is hidden).
    pub highlight: AttrValue,
    /// Prefix for ids and popover keys, unique per widget on the page.
    pub id_prefix: AttrValue,
    /// The open popover or disclosure, when it is one of this row's (otherwise `None`).
    pub open: Option<AttrValue>,
    /// Opens or closes a popover or disclosure by key.
    pub on_toggle: Callback<AttrValue>,
}

impl PartialEq for RowContent {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.dataset, &other.dataset)
            && self.columns == other.columns
            && self.facet == other.facet
            && self.row == other.row
            && self.highlight == other.highlight
            && self.id_prefix == other.id_prefix
            && self.open == other.open
            && self.on_toggle == other.on_toggle
    }
}

impl RowContent {
    /// `facet-topic`: the row's key and its `data-row` attribute.
    pub fn key(&self) -> String {
        let facet = &self.dataset.facets[self.facet];
        format!("{}-{}", facet.id, facet.topics[self.row.topic].id)
    }

    /// Whether the popover or disclosure `key` is inside this row.
    pub fn owns(&self, key: &str) -> bool {
        let d = &*self.dataset;
        let prefix = self.id_prefix.as_str();
        let Some(rest) = key.strip_prefix(prefix) else {
            return false;
        };
        if let Some(conflict) = rest.strip_prefix("-k-") {
            return self.row.conflicts.iter().any(|&k| {
                let id = &d.conflicts[k].id;
                conflict
                    .strip_prefix(id.as_str())
                    .is_some_and(|r| r.is_empty() || r.starts_with('-'))
            });
        }
        let Some(cite) = rest.strip_prefix("-c-") else {
            return false;
        };
        self.row
            .cells
            .iter()
            .zip(self.columns.iter())
            .any(|(cell, &ri)| {
                let Some(claim) = cite
                    .strip_prefix(d.roles[ri].id.as_str())
                    .and_then(|r| r.strip_prefix('-'))
                else {
                    return false;
                };
                matches!(cell, Cell::Claims(ids) if ids.iter().any(|&ci| {
                    claim.strip_prefix(d.claims[ci].id.as_str()).is_some_and(|r| r.starts_with('-'))
                }))
            })
    }
}

/// Properties of [`TableRow`].
#[derive(Properties, Clone, PartialEq)]
pub struct TableRowProps {
    /// Whether the filters hide the row.
    pub hidden: bool,
    /// What the row shows.
    pub content: RowContent,
}

/// A `<tr>` that hides without re-rendering its cells.
#[component]
pub fn TableRow(props: &TableRowProps) -> Html {
    let key = props.content.key();
    html! {
        <tr class="rc-row-data" data-row={key} hidden={props.hidden}>
            <RowCells content={props.content.clone()} />
        </tr>
    }
}

/// Properties of [`RowCells`].
#[derive(Properties, Clone, PartialEq)]
struct RowCellsProps {
    content: RowContent,
}

/// The row header (topic, status badge, disagreements) and one cell per column.
#[component]
fn RowCells(props: &RowCellsProps) -> Html {
    let c = &props.content;
    let d = &*c.dataset;
    let row = &c.row;
    let topic = &d.facets[c.facet].topics[row.topic];
    let (badge, class) = match row.status {
        Status::Shared => ("Shared".to_owned(), "rc-badge rc-badge-shared"),
        Status::Differs => ("Differs".to_owned(), "rc-badge rc-badge-differs"),
        Status::Only(col) => (
            format!("Only {}", d.roles[c.columns[col]].abbr),
            "rc-badge rc-badge-only",
        ),
    };
    html! {
        <>
            <th scope="row" class="rc-topic-cell">
                <span class="rc-topic">{&topic.label}</span>{" "}
                <span class={class} part="badge">{badge}</span>
                { for row.conflicts.iter().map(|&k| html! {
                    <ConflictNote key={k} dataset={Rc::clone(&c.dataset)} conflict={k}
                        id_prefix={c.id_prefix.clone()} open={c.open.clone()}
                        on_toggle={c.on_toggle.clone()} />
                }) }
            </th>
            { for row.cells.iter().zip(c.columns.iter()).map(|(cell, &ri)| {
                let role = &d.roles[ri];
                // A statement about several roles shows in each of their cells: the role in the
                // popover keys keeps each marker's popover (and its id) its own.
                let key_prefix = format!("{}-c-{}", c.id_prefix, role.id);
                match cell {
                    Cell::Gap => html! {
                        <td class="rc-gap" data-role={role.abbr.clone()} key={role.id.clone()}>
                            {"Not stated in the sources"}
                        </td>
                    },
                    Cell::Claims(ids) => html! {
                        <td data-role={role.abbr.clone()} key={role.id.clone()}>
                            <ul class="rc-claims">
                                { for ids.iter().map(|&ci| claim_html(c, &key_prefix, ci)) }
                            </ul>
                        </td>
                    },
                }
            }) }
        </>
    }
}

fn claim_html(c: &RowContent, key_prefix: &str, ci: usize) -> Html {
    let claim = &c.dataset.claims[ci];
    let text = &claim.text;
    let mut parts = Vec::new();
    let mut at = 0;
    for m in matches(text, &c.highlight) {
        if m.start > at {
            parts.push(html! { {&text[at..m.start]} });
        }
        parts.push(html! { <mark>{&text[m.clone()]}</mark> });
        at = m.end;
    }
    if at < text.len() {
        parts.push(html! { {&text[at..]} });
    }
    html! {
        <li key={claim.id.clone()} data-claim={claim.id.clone()}>
            { for parts }
            <Citations dataset={Rc::clone(&c.dataset)}
                cites={Rc::<[_]>::from(claim.sources.as_slice())}
                key_prefix={format!("{key_prefix}-{}", claim.id)}
                open={c.open.clone()} on_toggle={c.on_toggle.clone()} />
        </li>
    }
}
