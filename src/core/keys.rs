//! The key-differences view as data: for the compared roles and the shown facets, one row per
//! facet with key lines, and in it one cell per column — the role's key line, or one cell that
//! spans the columns of adjacent roles sharing a line. Pure: no yew, no DOM; tested natively.

use crate::model::Dataset;

/// One facet's row of key lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRow {
    /// Index into `dataset.facets`.
    pub facet: usize,
    /// Column by column; a spanning line is followed by `Covered` for the columns it spans.
    pub cells: Vec<KeyCell>,
}

/// What a column shows in a key row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyCell {
    /// A key line (index into `dataset.key_lines`) spanning these columns (indices into the
    /// compared columns, adjacent, ascending; the first is this cell's column).
    Line {
        /// Index into `dataset.key_lines`.
        line: usize,
        /// The columns the cell spans.
        columns: Vec<usize>,
    },
    /// Spanned by the line of an earlier column.
    Covered,
    /// The dataset has no key line for this role on this facet (this column index).
    Missing(usize),
}

/// The key rows for `columns` (indices into `dataset.roles`) over `facets` (indices into
/// `dataset.facets`, in display order). A facet with no key line for any compared role has no
/// row; a dataset without key lines gives none at all.
pub fn key_rows(d: &Dataset, columns: &[usize], facets: &[usize]) -> Vec<KeyRow> {
    let mut rows = Vec::new();
    for &fi in facets {
        let facet = &d.facets[fi];
        // For each column, the first key line on this facet naming its role.
        let lines: Vec<Option<usize>> = columns
            .iter()
            .map(|&ri| {
                let role = &d.roles[ri].id;
                d.key_lines
                    .iter()
                    .position(|k| k.facet == facet.id && k.roles.contains(role))
            })
            .collect();
        if lines.iter().all(Option::is_none) {
            continue;
        }
        let mut cells = Vec::with_capacity(columns.len());
        let mut col = 0;
        while col < columns.len() {
            match lines[col] {
                None => {
                    cells.push(KeyCell::Missing(col));
                    col += 1;
                }
                Some(line) => {
                    let mut end = col + 1;
                    while end < columns.len() && lines[end] == Some(line) {
                        end += 1;
                    }
                    cells.push(KeyCell::Line {
                        line,
                        columns: (col..end).collect(),
                    });
                    cells.extend((col + 1..end).map(|_| KeyCell::Covered));
                    col = end;
                }
            }
        }
        rows.push(KeyRow { facet: fi, cells });
    }
    rows
}
