//! `ComparisonTable`: the comparison as an accessible HTML table.
//!
//! A caption, one column header per compared role, one body per facet with a facet header, a row
//! header per topic with its status badge and any "sources disagree" marker, then one cell per
//! role: its statements (search matches marked) with source markers, or an explicit gap. Dumb: it
//! draws what `compare` computed and nothing else.

use crate::compare::Comparison;
use crate::model::Dataset;
use crate::view::{and_list, Popover, RowContent, Shared, TableRow};
use std::collections::HashSet;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`ComparisonTable`].
#[derive(Properties, Clone, PartialEq)]
pub struct ComparisonTableProps {
    /// The dataset the comparison indexes into.
    pub dataset: Shared<Dataset>,
    /// Every row the roles and claim-level filters allow (`compare::layout_filters`): the rows
    /// kept in the document.
    pub layout: Shared<Comparison>,
    /// Rows kept in the document besides `layout`'s, hidden (with the content they have here):
    /// the "All" layout, a superset of every mode's, so that a mode change only hides and
    /// shows the rows it leaves out. `None`: only `layout`'s rows.
    #[prop_or_default]
    pub kept: Option<Shared<Comparison>>,
    /// The rows the reader's filters show, a subset of `layout`'s; the others are hidden.
    pub comparison: Shared<Comparison>,
    /// Text to mark in statements (the search).
    #[prop_or_default]
    pub highlight: AttrValue,
    /// Prefix for ids and popover keys, unique per widget on the page.
    #[prop_or(AttrValue::Static("rc"))]
    pub id_prefix: AttrValue,
    /// The key of the open popover or disclosure, if any.
    #[prop_or_default]
    pub open: Option<Popover>,
    /// Opens or closes a popover or disclosure by key.
    #[prop_or_default]
    pub on_toggle: Callback<Popover>,
    /// Whether each facet's detail is open, by index into `dataset.facets`; a folded facet
    /// shows only its header row.
    #[prop_or_default]
    pub facets_open: Rc<[bool]>,
    /// Opens or folds one facet's detail (an index into `dataset.facets`).
    #[prop_or_default]
    pub on_facet: Callback<usize>,
    /// Static rendering (the no-JS fallback): the fold buttons cannot work, so they are hidden.
    #[prop_or_default]
    pub prerender: bool,
    /// Build closed disagreements' sides too (print, the no-JS fallback).
    #[prop_or_default]
    pub complete: bool,
    /// Whether each facet's rows are in the document, by index into `dataset.facets` (all of
    /// them when empty). A folded facet may keep its rows, hidden by the stylesheet; one whose
    /// rows were never needed has only its header row.
    #[prop_or_default]
    pub built: Rc<[bool]>,
    /// The widget's heading level: each facet's header is a heading one level below.
    #[prop_or(2)]
    pub heading_level: u8,
    /// Bodies drawn before the facets' (the key differences), under the same role headers.
    #[prop_or_default]
    pub children: Html,
}

/// The comparison table.
#[component]
pub fn ComparisonTable(props: &ComparisonTableProps) -> Html {
    let d = &*props.dataset;
    let c = &*props.layout;
    let shown: HashSet<(usize, usize)> = props
        .comparison
        .rows()
        .map(|(facet, row)| (facet, row.topic))
        .collect();
    let columns: Rc<[usize]> = Rc::from(c.columns.as_slice());
    let names: Vec<&str> = c
        .columns
        .iter()
        .map(|&i| d.roles[i].abbr.as_str())
        .collect();
    let caption = format!("How the {} roles compare", and_list(&names));
    let span = (c.columns.len() + 1).to_string();
    let role_width = role_column_width(c.columns.len());
    let sub_level = crate::view::section_level(props.heading_level);
    html! {
        // Fixed column shares, as HTML width hints rather than CSS: the no-JS fallback is parsed
        // (and painted) row by row in the host page, before any stylesheet of ours applies, and
        // auto-sized columns would shift at every new row. The shares also keep the columns still
        // when filters hide or show rows.
        <>
        <p class="rc-vh" id={format!("{}-keys-hint", props.id_prefix)}>
            {"In each row, Tab reaches the first source marker; the arrow keys move between the row's markers."}
        </p>
        <table class="rc-table" part="table" width="100%"
            aria-describedby={format!("{}-keys-hint", props.id_prefix)}>
            <caption>{caption}</caption>
            <colgroup>
                <col width={TOPIC_COLUMN_WIDTH} />
                { for c.columns.iter().map(|&i| html! {
                    <col key={d.roles[i].id.clone()} width={role_width.clone()} />
                }) }
            </colgroup>
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
            { props.children.clone() }
            { for props.kept.as_deref().unwrap_or(c).groups.iter().map(|g| {
                // This facet's rows in the layout; a kept row missing from them is hidden.
                let now = c.groups.iter().find(|n| n.facet == g.facet);
                let facet = &d.facets[g.facet];
                // The layout's rows by topic index, so each kept row finds its current one in
                // one step (a search per row was quadratic in a facet's topics).
                let mut by_topic: Vec<Option<&crate::compare::Row>> = vec![None; facet.topics.len()];
                for r in now.into_iter().flat_map(|n| n.rows.iter()) {
                    if let Some(slot) = by_topic.get_mut(r.topic) {
                        *slot = Some(r);
                    }
                }
                let visible: Vec<&crate::compare::Row> = now
                    .into_iter()
                    .flat_map(|n| n.rows.iter())
                    .filter(|r| shown.contains(&(g.facet, r.topic)))
                    .collect();
                let open = props.facets_open.get(g.facet).copied().unwrap_or(true);
                let built = props.built.get(g.facet).copied().unwrap_or(true);
                let body_id = format!("{}-f-{}", props.id_prefix, facet.id);
                let statements: usize = visible.iter().map(|r| r.claims().count()).sum();
                let summary = format!(
                    "{} {}, {} {}",
                    visible.len(),
                    if visible.len() == 1 { "topic" } else { "topics" },
                    statements,
                    if statements == 1 { "statement" } else { "statements" },
                );
                let onclick = {
                    let on_facet = props.on_facet.clone();
                    let fi = g.facet;
                    Callback::from(move |_: MouseEvent| on_facet.emit(fi))
                };
                let class = if open { "rc-group-body" } else { "rc-group-body rc-collapsed" };
                html! {
                    <tbody key={facet.id.clone()} id={body_id.clone()} {class} hidden={visible.is_empty()}>
                        <tr class="rc-facet">
                            // It heads the rows of its body, so `rowgroup`: as `colgroup` (with no
                            // <colgroup>) it was announced as one more column header.
                            <th scope="rowgroup" colspan={span.clone()} aria-label={facet.label.clone()}>
                                // A heading inside the header cell keeps the table's structure
                                // (an h-element may not sit in a th; the heading role may).
                                <span class="rc-facet-label" role="heading" aria-level={sub_level.clone()}>{&facet.label}</span>{" "}
                                <span class="rc-facet-count">{summary}</span>{" "}
                                <button type="button" class="rc-fold" aria-expanded={open.to_string()}
                                    aria-controls={body_id} hidden={props.prerender} {onclick}>
                                    { if open { "Hide detail" } else { "Show detail" } }
                                    <span class="rc-vh">{format!(": {}", facet.label)}</span>
                                </button>
                            </th>
                        </tr>
                        { for g.rows.iter().filter(|_| built).map(|kept| {
                            let current = by_topic.get(kept.topic).copied().flatten();
                            let row = current.unwrap_or(kept);
                            let hidden = current.is_none() || !shown.contains(&(g.facet, row.topic));
                            let mut content = RowContent {
                                dataset: props.dataset.clone(),
                                columns: Rc::clone(&columns),
                                facet: g.facet,
                                row: row.clone(),
                                // A hidden row keeps no marks, so typing a search re-renders
                                // only the rows it shows.
                                highlight: if hidden { AttrValue::default() } else { props.highlight.clone() },
                                id_prefix: props.id_prefix.clone(),
                                open: None,
                                on_toggle: props.on_toggle.clone(),
                                complete: props.complete,
                            };
                            content.open = props.open.clone().filter(|o| content.owns(o));
                            let key = content.key();
                            html! { <TableRow {key} {hidden} {content} /> }
                        }) }
                    </tbody>
                }
            }) }
        </table>
        </>
    }
}

/// The topic column's share of the table width (as `.rc-topic-cell` in the stylesheet).
const TOPIC_COLUMN_WIDTH: &str = "22%";

/// Each role column's equal share of what the topic column leaves, in whole percent; with many
/// roles the stylesheet's minimum width wins and the table scrolls.
fn role_column_width(roles: usize) -> AttrValue {
    AttrValue::from(format!("{}%", 78 / roles.max(1)))
}
