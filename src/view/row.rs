//! `TableRow`: one topic row of the comparison table, memoised so that a filter touches only the
//! rows it changes.
//!
//! The table keeps every row its claim-level filters allow in the document and hides the ones
//! the other filters (mode, search, facets, duty topic) leave out. Hiding or showing a row
//! changes only its `hidden` attribute: the row's cells are a separate component whose props did
//! not change, so yew skips them. Dumb: it draws one `compare::Row` and nothing else.

use crate::compare::{matches, Cell, Row, Status};
pub use crate::export::and_list;
use crate::model::Dataset;
use crate::view::{Citations, ConflictNote, Marked, Popover, Shared, Spot, Tabs};
use std::rc::Rc;
use yew::prelude::*;

/// What a row shows; equal contents (the same dataset allocation) render the same cells.
#[derive(Clone, PartialEq)]
pub struct RowContent {
    /// The dataset the row indexes into.
    pub dataset: Shared<Dataset>,
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
    pub open: Option<Popover>,
    /// Opens or closes a popover or disclosure by key.
    pub on_toggle: Callback<Popover>,
    /// Build closed disagreements' sides too (print, the no-JS fallback): see
    /// [`crate::view::ConflictNoteProps::complete`].
    pub complete: bool,
}

impl RowContent {
    /// `facet-topic`: the row's key and its `data-row` attribute.
    pub fn key(&self) -> String {
        let facet = &self.dataset.facets[self.facet];
        format!("{}-{}", facet.id, facet.topics[self.row.topic].id)
    }

    /// Whether the popover or disclosure `key` is inside this row.
    pub fn owns(&self, key: &Popover) -> bool {
        let d = &*self.dataset;
        let conflicts: Vec<&str> = self
            .row
            .conflicts
            .iter()
            .map(|&k| d.conflicts[k].id.as_str())
            .collect();
        key.in_row(
            self.row.claims().map(|ci| d.claims[ci].id.as_str()),
            &conflicts,
        )
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

/// A topic's `<tr>`s — the roles' own statements, then one line per group of shared
/// statements — that hide without re-rendering their cells.
#[component]
pub fn TableRow(props: &TableRowProps) -> Html {
    let c = &props.content;
    let key = c.key();
    let own = has_own_line(&c.row);
    let lines = usize::from(own) + c.row.shared.len();
    html! {
        <>
            if own {
                <tr class="rc-row-data" data-row={key.clone()} hidden={props.hidden}>
                    <RowCells content={c.clone()} line={None::<usize>} {lines} />
                </tr>
            }
            { for (0..c.row.shared.len()).map(|i| {
                let class = if own || i > 0 { "rc-row-data rc-row-shared rc-row-more" } else { "rc-row-data rc-row-shared" };
                html! {
                    <tr key={i} {class} data-row={key.clone()} hidden={props.hidden}>
                        <RowCells content={c.clone()} line={Some(i)} {lines} />
                    </tr>
                }
            }) }
        </>
    }
}

/// Whether a row has a line of the roles' own statements: some role has one, or nothing is
/// shared (so the gaps say what is missing).
fn has_own_line(row: &Row) -> bool {
    row.shared.is_empty() || row.cells.iter().any(|c| matches!(c, Cell::Claims(_)))
}

/// Properties of [`RowCells`].
#[derive(Properties, Clone, PartialEq)]
struct RowCellsProps {
    content: RowContent,
    /// `None`: the roles' own statements; `Some(i)`: the row's `i`th group of shared statements.
    line: Option<usize>,
    /// How many lines the row has (the row header spans them).
    lines: usize,
}

/// The row header (on the row's first line) and the line's cells.
#[component]
fn RowCells(props: &RowCellsProps) -> Html {
    let c = &props.content;
    let d = &*c.dataset;
    let row = &c.row;
    let topic = &d.facets[c.facet].topics[row.topic];
    let first = match props.line {
        None => true,
        Some(i) => i == 0 && !has_own_line(row),
    };
    let (badge, class) = match row.status {
        Status::Shared => ("Shared".to_owned(), "rc-badge rc-badge-shared"),
        Status::Differs => ("Differs".to_owned(), "rc-badge rc-badge-differs"),
        Status::Only(col) => (
            format!("Only {}", d.roles[c.columns[col]].abbr),
            "rc-badge rc-badge-only",
        ),
    };
    let badge_id = format!("{}-b-{}", c.id_prefix, c.key());
    let header = first.then(|| {
        html! {
            // Named by its topic alone: a screen reader repeats a row header before each cell,
            // so the status (the badge) is its description, and the disagreement buttons are
            // controls with names of their own.
            <th scope="row" class="rc-topic-cell" rowspan={props.lines.to_string()}
                aria-label={topic.label.clone()} aria-describedby={badge_id.clone()}>
                <span class="rc-topic">{&topic.label}</span>{" "}
                <span class={class} part="badge" id={badge_id}>{badge}</span>
                { for row.conflicts.iter().map(|&k| html! {
                    <ConflictNote key={k} dataset={c.dataset.clone()} conflict={k}
                        id_prefix={c.id_prefix.clone()} at={Spot::Detail} open={c.open.clone()}
                        on_toggle={c.on_toggle.clone()} complete={c.complete} />
                }) }
            </th>
        }
    });
    let n = c.columns.len();
    // The line's first statement carries its one Tab stop for source markers.
    let first_own = row.cells.iter().find_map(|cell| match cell {
        Cell::Claims(ids) => ids.first().copied(),
        _ => None,
    });
    let cells = match props.line {
        None => row
            .cells
            .iter()
            .zip(c.columns.iter())
            .map(|(cell, &ri)| {
                let role = &d.roles[ri];
                match cell {
                    Cell::Gap => html! {
                        <td class="rc-gap" data-role={role.abbr.clone()} key={role.id.clone()}>
                            {"Not stated in the sources"}
                        </td>
                    },
                    Cell::InShared => html! {
                        <td class="rc-gap" data-role={role.abbr.clone()} key={role.id.clone()}>
                            {"See the shared statements"}
                        </td>
                    },
                    Cell::Claims(ids) => html! {
                        <td data-role={role.abbr.clone()} key={role.id.clone()}>
                            <ul class="rc-claims">
                                { for ids.iter().map(|&ci| {
                                    let tabs = if Some(ci) == first_own { Tabs::RowFirst } else { Tabs::RowRest };
                                    claim_html(c, ci, tabs)
                                }) }
                            </ul>
                        </td>
                    },
                }
            })
            .collect::<Html>(),
        Some(i) => {
            let group = &row.shared[i];
            let abbrs: Vec<&str> = group
                .columns
                .iter()
                .map(|&col| d.roles[c.columns[col]].abbr.as_str())
                .collect();
            let label = format!("Shared by {}", and_list(&abbrs));
            // Side by side, one cell spans the sharing roles' columns; otherwise it spans them all.
            let (before, span) = if group.adjacent() {
                (group.columns[0], group.columns.len())
            } else {
                (0, n)
            };
            let after = n - before - span;
            let pad = |k: usize| html! { <td key={format!("pad-{k}")} class="rc-pad"></td> };
            html! {
                <>
                    { for (0..before).map(pad) }
                    <td key="shared" class="rc-shared" colspan={span.to_string()}
                        data-role={label.clone()}>
                        <span class="rc-shared-label" aria-hidden="true">{label.clone()}</span>
                        <ul class="rc-claims" aria-label={label}>
                            { for group.claims.iter().enumerate().map(|(k, &ci)| {
                                claim_html(c, ci, if k == 0 { Tabs::RowFirst } else { Tabs::RowRest })
                            }) }
                        </ul>
                    </td>
                    { for (before + span..before + span + after).map(pad) }
                </>
            }
        }
    };
    html! {
        <>
            { for header }
            { cells }
        </>
    }
}

fn claim_html(c: &RowContent, ci: usize, tabs: Tabs) -> Html {
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
            <Citations dataset={c.dataset.clone()}
                cites={Rc::<[_]>::from(claim.sources.as_slice())}
                id_prefix={c.id_prefix.clone()} on={Marked::Claim(AttrValue::from(claim.id.clone()))}
                open={c.open.clone()} on_toggle={c.on_toggle.clone()} {tabs} />
        </li>
    }
}
