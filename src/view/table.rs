//! `ComparisonTable`: the comparison as an accessible HTML table.
//!
//! Role columns with column headers, one body per facet, topic row headers, claims with their
//! source markers, explicit gaps. Dumb: it draws what `compare` computed and nothing else.

use crate::compare::{Cell, Comparison, Row, Status};
use crate::model::{Citation, Dataset};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`ComparisonTable`].
#[derive(Properties, Clone)]
pub struct ComparisonTableProps {
    /// The dataset the comparison indexes into.
    pub dataset: Rc<Dataset>,
    /// The rows to draw.
    pub comparison: Rc<Comparison>,
}

impl PartialEq for ComparisonTableProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.dataset, &other.dataset) && Rc::ptr_eq(&self.comparison, &other.comparison)
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
    let caption = format!(
        "How the {} roles compare. Dataset version {}, last reviewed {}.",
        names.join(", "),
        d.version,
        d.last_reviewed
    );
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
                            <th scope="col" key={role.id.clone()} class="rc-role">
                                <span class="rc-abbr">{&role.abbr}</span>
                                <span class="rc-name">{&role.name}</span>
                            </th>
                        }
                    }) }
                </tr>
            </thead>
            { for c.groups.iter().map(|g| {
                let facet = &d.facets[g.facet];
                html! {
                    <tbody key={facet.id.clone()}>
                        <tr class="rc-facet">
                            <th scope="colgroup" colspan={span.clone()}>{&facet.label}</th>
                        </tr>
                        { for g.rows.iter().map(|row| row_html(d, c, g.facet, row)) }
                    </tbody>
                }
            }) }
        </table>
    }
}

fn row_html(d: &Dataset, c: &Comparison, facet: usize, row: &Row) -> Html {
    let topic = &d.facets[facet].topics[row.topic];
    let badge = match row.status {
        Status::Shared => "Shared".to_owned(),
        Status::Differs => "Differs".to_owned(),
        Status::Only(col) => format!("Only {}", d.roles[c.columns[col]].abbr),
    };
    html! {
        <tr key={topic.id.clone()}>
            <th scope="row">
                <span class="rc-topic">{&topic.label}</span>
                <span class="rc-badge">{badge}</span>
            </th>
            { for row.cells.iter().map(|cell| match cell {
                Cell::Gap => html! { <td class="rc-gap">{"Not stated in the sources"}</td> },
                Cell::Claims(ids) => html! {
                    <td>
                        <ul class="rc-claims">
                            { for ids.iter().map(|&ci| {
                                let claim = &d.claims[ci];
                                html! {
                                    <li key={claim.id.clone()}>
                                        {&claim.text}
                                        { for claim.sources.iter().map(|s| marker(d, s)) }
                                    </li>
                                }
                            }) }
                        </ul>
                    </td>
                },
            }) }
        </tr>
    }
}

/// A source marker: the source's number in the dataset's list, named for assistive technology.
fn marker(d: &Dataset, cite: &Citation) -> Html {
    let n = d
        .sources
        .iter()
        .position(|s| s.id == cite.source)
        .map_or(0, |i| i + 1);
    let title = d.source(&cite.source).map_or("", |s| s.title.as_str());
    let label = match &cite.at {
        Some(at) => format!("Source {n}: {title}, {at}"),
        None => format!("Source {n}: {title}"),
    };
    html! {
        <sup class="rc-cite">
            <span class="rc-vh">{label}</span>
            <span aria-hidden="true">{format!("[{n}]")}</span>
        </sup>
    }
}
