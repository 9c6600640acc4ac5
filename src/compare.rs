//! The comparison: a pure function from (dataset, filters) to the rows the reader sees.
//!
//! Rows are topics; columns are the selected roles. Each cell is either the claims a role has on
//! that topic or an explicit gap, and each row says whether the selected roles share it, differ
//! on it, or whether only one role has anything to say. The result refers to the dataset by
//! index, so it is cheap to compute and to compare. No yew, no DOM: tested natively.

use crate::model::{Claim, Dataset};
use crate::state::{Filters, Mode, CERTIFICATIONS, DUTIES, REPORTING};
use std::collections::HashMap;
use std::ops::Range;

/// What the reader sees for one set of filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// Indices into `dataset.roles` of the compared roles, in dataset order.
    pub columns: Vec<usize>,
    /// The facets with at least one visible row, in dataset order.
    pub groups: Vec<Group>,
    /// Rows visible now.
    pub shown: usize,
    /// Rows the selected roles have in the whole dataset, before any other filter.
    pub total: usize,
}

/// The visible rows of one facet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Index into `dataset.facets`.
    pub facet: usize,
    /// Rows in topic order.
    pub rows: Vec<Row>,
}

/// One topic across the compared roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Index into the facet's `topics`.
    pub topic: usize,
    /// One cell a column, in column order.
    pub cells: Vec<Cell>,
    /// How the compared roles relate on this topic.
    pub status: Status,
    /// Indices into `dataset.conflicts` of disagreements about this row that concern a compared role.
    pub conflicts: Vec<usize>,
}

/// A role's entry on a topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Indices into `dataset.claims`, in dataset order.
    Claims(Vec<usize>),
    /// The sources say nothing about this role on this topic (or the filters hid all of it).
    Gap,
}

/// How the compared roles relate on a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Every compared role has the row, and every statement on it covers all of them.
    Shared,
    /// More than one role has the row, and what they have is not the same.
    Differs,
    /// Only the role in this column (an index into `columns`) has anything on the row.
    Only(usize),
}

impl Comparison {
    /// Every visible row with its facet index, in display order.
    pub fn rows(&self) -> impl Iterator<Item = (usize, &Row)> {
        self.groups
            .iter()
            .flat_map(|g| g.rows.iter().map(move |r| (g.facet, r)))
    }
}

/// The filters that decide what a row holds: the roles and the claim-level filters
/// (certification issuer and "for role", reporting target). The others (mode, search, facets,
/// duty topic) only decide whether a row is shown, so the rows of `compare(d, f)` are exactly
/// the rows of `compare(d, &layout_filters(f))` that pass them, with the same cells. The table
/// keeps the layout's rows in the document and hides the rest.
pub fn layout_filters(f: &Filters) -> Filters {
    Filters {
        roles: f.roles.clone(),
        issuer: f.issuer.clone(),
        suits: f.suits.clone(),
        target: f.target.clone(),
        ..Filters::default()
    }
}

/// Computes the rows for `filters` over `dataset`.
///
/// Unknown ids in the filters are ignored; if none of the requested roles (or facets) exist,
/// every role (or facet) is used, so a bad attribute never empties the widget.
pub fn compare(dataset: &Dataset, filters: &Filters) -> Comparison {
    let columns = selected(dataset.roles.iter().map(|r| r.id.as_str()), &filters.roles);
    let facets = selected(
        dataset.facets.iter().map(|f| f.id.as_str()),
        &filters.facets,
    );
    let unfiltered = Filters {
        roles: filters.roles.clone(),
        ..Filters::default()
    };

    // The claims of each (facet, topic), found in one pass (a scan per topic made a dataset of
    // 2,000 topics and 100,000 claims quadratic).
    let mut by_topic: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, c) in dataset.claims.iter().enumerate() {
        by_topic
            .entry((c.facet.as_str(), c.topic.as_str()))
            .or_default()
            .push(i);
    }

    let mut groups = Vec::new();
    let (mut shown, mut total) = (0, 0);
    for (fi, facet) in dataset.facets.iter().enumerate() {
        let facet_on = facets.contains(&fi);
        let mut rows = Vec::new();
        for (ti, topic) in facet.topics.iter().enumerate() {
            let on_topic = by_topic
                .get(&(facet.id.as_str(), topic.id.as_str()))
                .map_or(&[][..], Vec::as_slice);
            if status(
                dataset,
                &columns,
                &cells(dataset, &columns, on_topic, &unfiltered),
            )
            .is_some()
            {
                total += 1;
            }
            if !facet_on
                || (facet.id == DUTIES
                    && filters.duty_topic.as_ref().is_some_and(|t| *t != topic.id))
            {
                continue;
            }
            let cells = cells(dataset, &columns, on_topic, filters);
            let Some(status) = status(dataset, &columns, &cells) else {
                continue;
            };
            let mode_ok = match filters.mode {
                Mode::All => true,
                Mode::Differences => status != Status::Shared,
                Mode::Shared => status == Status::Shared,
            };
            let search_ok = filters.search.trim().is_empty()
                || cells.iter().any(|cell| match cell {
                    Cell::Claims(ids) => ids
                        .iter()
                        .any(|&ci| !matches(&dataset.claims[ci].text, &filters.search).is_empty()),
                    Cell::Gap => false,
                });
            if mode_ok && search_ok {
                let conflicts = dataset
                    .conflicts
                    .iter()
                    .enumerate()
                    .filter(|(_, k)| k.facet == facet.id && k.topic == topic.id)
                    .filter(|(_, k)| {
                        k.roles.is_empty()
                            || k.roles
                                .iter()
                                .any(|r| columns.iter().any(|&ri| dataset.roles[ri].id == *r))
                    })
                    .map(|(i, _)| i)
                    .collect();
                rows.push(Row {
                    topic: ti,
                    cells,
                    status,
                    conflicts,
                });
            }
        }
        shown += rows.len();
        if !rows.is_empty() {
            groups.push(Group { facet: fi, rows });
        }
    }
    Comparison {
        columns,
        groups,
        shown,
        total,
    }
}

/// The cells of one topic: each column's claims that pass the claim-level filters.
fn cells(dataset: &Dataset, columns: &[usize], on_topic: &[usize], filters: &Filters) -> Vec<Cell> {
    columns
        .iter()
        .map(|&ri| {
            let role = &dataset.roles[ri].id;
            let mine: Vec<usize> = on_topic
                .iter()
                .copied()
                .filter(|&ci| {
                    let claim = &dataset.claims[ci];
                    claim.roles.contains(role) && passes_claim_filters(claim, filters)
                })
                .collect();
            if mine.is_empty() {
                Cell::Gap
            } else {
                Cell::Claims(mine)
            }
        })
        .collect()
}

/// The filters that act on single claims inside the certifications and reporting facets.
fn passes_claim_filters(claim: &Claim, filters: &Filters) -> bool {
    let tagged = |key: &str, value: &Option<String>| {
        value
            .as_ref()
            .is_none_or(|v| claim.tags.get(key).is_some_and(|vs| vs.contains(v)))
    };
    match claim.facet.as_str() {
        CERTIFICATIONS => {
            tagged("issuer", &filters.issuer)
                && filters
                    .suits
                    .as_ref()
                    .is_none_or(|r| claim.roles.contains(r))
        }
        REPORTING => tagged("target", &filters.target),
        _ => true,
    }
}

/// Indices of the `wanted` ids among `all`, in `all`'s order; every index when `wanted` is empty
/// or names nothing that exists.
fn selected<'a>(all: impl Iterator<Item = &'a str> + Clone, wanted: &[String]) -> Vec<usize> {
    let picked: Vec<usize> = all
        .clone()
        .enumerate()
        .filter(|(_, id)| wanted.iter().any(|w| w == id))
        .map(|(i, _)| i)
        .collect();
    if picked.is_empty() {
        (0..all.count()).collect()
    } else {
        picked
    }
}

/// The row's status, or `None` when no compared role has anything on it.
fn status(dataset: &Dataset, columns: &[usize], cells: &[Cell]) -> Option<Status> {
    let filled: Vec<usize> = cells
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c, Cell::Claims(_)))
        .map(|(i, _)| i)
        .collect();
    match filled.len() {
        0 => None,
        1 if columns.len() > 1 => Some(Status::Only(filled[0])),
        n if n == columns.len() => {
            let all_shared = cells.iter().all(|cell| match cell {
                Cell::Claims(ids) => ids.iter().all(|&ci| {
                    let roles = &dataset.claims[ci].roles;
                    columns
                        .iter()
                        .all(|&ri| roles.contains(&dataset.roles[ri].id))
                }),
                Cell::Gap => false,
            });
            Some(if all_shared {
                Status::Shared
            } else {
                Status::Differs
            })
        }
        _ => Some(Status::Differs),
    }
}

/// Byte ranges of `text` that match `needle`, case-insensitively, without overlaps.
///
/// Matching is char by char on lowercase forms, so the ranges always fall on char boundaries of
/// the original text, whatever lowercasing does to lengths. An empty needle matches nothing.
pub fn matches(text: &str, needle: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = needle.trim().chars().flat_map(char::to_lowercase).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    // The lowercased text, and for each of its chars: the byte offset of the original char it
    // came from, and whether it is the first char of that original's lowercase form.
    let mut lower = Vec::new();
    let mut origin = Vec::new();
    let mut starts = Vec::new();
    for (at, c) in text.char_indices() {
        for (n, l) in c.to_lowercase().enumerate() {
            lower.push(l);
            origin.push(at);
            starts.push(n == 0);
        }
    }
    let mut found = Vec::new();
    let mut k = 0;
    while k + needle.len() <= lower.len() {
        let end = k + needle.len();
        let whole_chars = starts[k] && starts.get(end).is_none_or(|&s| s);
        if whole_chars && lower[k..end] == needle[..] {
            found.push(origin[k]..origin.get(end).copied().unwrap_or(text.len()));
            k = end;
        } else {
            k += 1;
        }
    }
    found
}
