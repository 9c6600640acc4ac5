//! The comparison: a pure function from (dataset, filters) to the rows the reader sees.
//!
//! Rows are topics; columns are the selected roles. Each cell is either the claims a role has on
//! that topic or an explicit gap, and each row says whether the selected roles share it, differ
//! on it, or whether only one role has anything to say. The result refers to the dataset by
//! index, so it is cheap to compute and to compare. No yew, no DOM: tested natively.

use crate::model::Dataset;
use crate::state::{Filters, Mode};

/// What the reader sees for one set of filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// Indices into `dataset.roles` of the compared roles, in dataset order.
    pub columns: Vec<usize>,
    /// The facets with at least one visible row, in dataset order.
    pub groups: Vec<Group>,
    /// Rows visible now.
    pub shown: usize,
    /// Rows the selected roles and facets have before mode and search narrow them.
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
    /// Indices into `dataset.conflicts` of disagreements about this row.
    pub conflicts: Vec<usize>,
}

/// A role's entry on a topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Indices into `dataset.claims`, in dataset order.
    Claims(Vec<usize>),
    /// The sources say nothing about this role on this topic.
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

/// Computes the rows for `filters` over `dataset`.
///
/// Unknown role or facet ids in the filters are ignored; if none of the requested roles exist,
/// every role is compared, so a bad attribute never empties the widget.
pub fn compare(dataset: &Dataset, filters: &Filters) -> Comparison {
    let columns = selected(dataset.roles.iter().map(|r| r.id.as_str()), &filters.roles);
    let facets = selected(
        dataset.facets.iter().map(|f| f.id.as_str()),
        &filters.facets,
    );
    let needle = filters.search.trim().to_lowercase();

    let mut groups = Vec::new();
    let (mut shown, mut total) = (0, 0);
    for &fi in &facets {
        let facet = &dataset.facets[fi];
        let mut rows = Vec::new();
        for (ti, topic) in facet.topics.iter().enumerate() {
            let claims: Vec<usize> = dataset
                .claims
                .iter()
                .enumerate()
                .filter(|(_, c)| c.facet == facet.id && c.topic == topic.id)
                .map(|(i, _)| i)
                .collect();
            let cells: Vec<Cell> = columns
                .iter()
                .map(|&ri| {
                    let role = &dataset.roles[ri].id;
                    let mine: Vec<usize> = claims
                        .iter()
                        .copied()
                        .filter(|&ci| dataset.claims[ci].roles.contains(role))
                        .collect();
                    if mine.is_empty() {
                        Cell::Gap
                    } else {
                        Cell::Claims(mine)
                    }
                })
                .collect();
            let Some(status) = status(dataset, &columns, &cells) else {
                continue;
            };
            total += 1;
            let mode_ok = match filters.mode {
                Mode::All => true,
                Mode::Differences => status != Status::Shared,
                Mode::Shared => status == Status::Shared,
            };
            let search_ok = needle.is_empty()
                || cells.iter().any(|cell| match cell {
                    Cell::Claims(ids) => ids
                        .iter()
                        .any(|&ci| dataset.claims[ci].text.to_lowercase().contains(&needle)),
                    Cell::Gap => false,
                });
            if mode_ok && search_ok {
                let conflicts = dataset
                    .conflicts
                    .iter()
                    .enumerate()
                    .filter(|(_, k)| k.facet == facet.id && k.topic == topic.id)
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
