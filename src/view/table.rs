//! `ComparisonTable`: the comparison as an accessible HTML table.
//!
//! A caption, one column header per compared role, one body per facet with a facet header, a row
//! header per topic with its status badge and any "sources disagree" marker, then one cell per
//! role: its statements (search matches marked) with source markers, or an explicit gap. Dumb: it
//! draws what `compare` computed and nothing else.

use crate::compare::{matches, Cell, Comparison, Row, Status};
use crate::model::Dataset;
use crate::view::{Citations, ConflictNote};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`ComparisonTable`].
#[derive(Properties, Clone)]
pub struct ComparisonTableProps {
    /// The dataset the comparison indexes into.
    pub dataset: Rc<Dataset>,
    /// The rows to draw.
    pub comparison: Rc<Comparison>,
    /// Text to mark in statements (the search).
    #[prop_or_default]
    pub highlight: AttrValue,
    /// Prefix for ids and popover keys, unique per widget on the page.
    #[prop_or(AttrValue::Static("rc"))]
    pub id_prefix: AttrValue,
    /// The key of the open popover or disclosure, if any.
    #[prop_or_default]
    pub open: Option<AttrValue>,
    /// Opens or closes a popover or disclosure by key.
    #[prop_or_default]
    pub on_toggle: Callback<AttrValue>,
}

impl PartialEq for ComparisonTableProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.dataset, &other.dataset)
            && Rc::ptr_eq(&self.comparison, &other.comparison)
            && self.highlight == other.highlight
            && self.id_prefix == other.id_prefix
            && self.open == other.open
            && self.on_toggle == other.on_toggle
    }
}

/// The comparison table.
#[component]
pub fn ComparisonTable(props: &ComparisonTableProps) -> Html {
    let d = &*props.dataset;
    let c = &*props.comparison;
    let names: Vec<&str> = c
        .columns
        .iter()
        .map(|&i| d.roles[i].abbr.as_str())
        .collect();
    let caption = format!("How the {} roles compare", list(&names));
    let span = (c.columns.len() + 1).to_string();
    html! {
        <table class="rc-table" part="table">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <td class="rc-corner"></td>
                    { for c.columns.iter().map(|&i| {
                        let role = &d.roles[i];
                        html! {
                            <th scope="col" key={role.id.clone()} class="rc-role" part="role-header">
                                // The spaces keep the parts apart wherever they are not blocks:
                                // in the no-JS fallback (no stylesheet) and in the header's
                                // accessible name ("CIO Chief Information Officer").
                                <span class="rc-abbr">{&role.abbr}</span>{" "}
                                <span class="rc-name">{&role.name}</span>
                            </th>
                        }
                    }) }
                </tr>
            </thead>
            { for c.groups.iter().map(|g| {
                let facet = &d.facets[g.facet];
                html! {
                    <tbody key={facet.id.clone()} class="rc-group-body">
                        <tr class="rc-facet">
                            // It heads the rows of its body, so `rowgroup`: as `colgroup` (with no
                            // <colgroup>) it was announced as one more column header.
                            <th scope="rowgroup" colspan={span.clone()}>{&facet.label}</th>
                        </tr>
                        { for g.rows.iter().map(|row| row_html(props, g.facet, row)) }
                    </tbody>
                }
            }) }
        </table>
    }
}

/// "A, B and C".
fn list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn row_html(props: &ComparisonTableProps, facet: usize, row: &Row) -> Html {
    let d = &*props.dataset;
    let c = &*props.comparison;
    let facet_id = &d.facets[facet].id;
    let topic = &d.facets[facet].topics[row.topic];
    let (badge, class) = match row.status {
        Status::Shared => ("Shared".to_owned(), "rc-badge rc-badge-shared"),
        Status::Differs => ("Differs".to_owned(), "rc-badge rc-badge-differs"),
        Status::Only(col) => (
            format!("Only {}", d.roles[c.columns[col]].abbr),
            "rc-badge rc-badge-only",
        ),
    };
    let row_key = format!("{facet_id}-{}", topic.id);
    html! {
        <tr key={row_key.clone()} class="rc-row-data" data-row={row_key}>
            <th scope="row" class="rc-topic-cell">
                <span class="rc-topic">{&topic.label}</span>{" "}
                <span class={class} part="badge">{badge}</span>
                { for row.conflicts.iter().map(|&k| html! {
                    <ConflictNote key={k} dataset={Rc::clone(&props.dataset)} conflict={k}
                        id_prefix={props.id_prefix.clone()} open={props.open.clone()}
                        on_toggle={props.on_toggle.clone()} />
                }) }
            </th>
            { for row.cells.iter().zip(&c.columns).map(|(cell, &ri)| {
                let role = &d.roles[ri];
                // A statement about several roles shows in each of their cells: the role in the
                // popover keys keeps each marker's popover (and its id) its own.
                let key_prefix = format!("{}-c-{}", props.id_prefix, role.id);
                match cell {
                    Cell::Gap => html! {
                        <td class="rc-gap" data-role={role.abbr.clone()} key={role.id.clone()}>
                            {"Not stated in the sources"}
                        </td>
                    },
                    Cell::Claims(ids) => html! {
                        <td data-role={role.abbr.clone()} key={role.id.clone()}>
                            <ul class="rc-claims">
                                { for ids.iter().map(|&ci| claim_html(props, &key_prefix, ci)) }
                            </ul>
                        </td>
                    },
                }
            }) }
        </tr>
    }
}

fn claim_html(props: &ComparisonTableProps, key_prefix: &str, ci: usize) -> Html {
    let claim = &props.dataset.claims[ci];
    let text = &claim.text;
    let mut parts = Vec::new();
    let mut at = 0;
    for m in matches(text, &props.highlight) {
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
            <Citations dataset={Rc::clone(&props.dataset)}
                cites={Rc::<[_]>::from(claim.sources.as_slice())}
                key_prefix={format!("{key_prefix}-{}", claim.id)}
                open={props.open.clone()} on_toggle={props.on_toggle.clone()} />
        </li>
    }
}
