//! Native tests of `keys::key_rows`, the key-differences view as data, on a small dataset built
//! here: four roles (A, B, C, D), four facets, and key lines written so that every case has one.
//!
//! - a facet gets a row only when it has a key line for a compared role, in the order the facets
//!   are given;
//! - a line that side-by-side compared roles share is one `Line` cell spanning their columns,
//!   followed by `Covered` for each column it spans;
//! - a compared role without a key line on the facet is `Missing(column)`;
//! - a line shared by roles that are not side by side is two separate `Line` cells, one per
//!   column, with the role between them on its own;
//! - a line's columns are only the compared roles it names.
//!
//! The bundled dataset is checked for the shape every row must have, whatever its content.

#![cfg(not(target_arch = "wasm32"))]

use role_compare::compare::{compare, facet_indices};
use role_compare::data;
use role_compare::keys::{key_rows, KeyCell, KeyRow};
use role_compare::model::{
    Citation, Claim, Dataset, Facet, KeyLine, Role, Source, SourceKind, Topic, FORMAT,
};
use role_compare::state::Filters;
use role_compare::validate::validate;
use std::collections::BTreeMap;

fn s(v: &str) -> String {
    v.to_owned()
}

fn cite() -> Vec<Citation> {
    vec![Citation {
        source: s("s1"),
        at: None,
    }]
}

/// The key lines: id, facet, roles.
///
/// | facet | A | B | C | D |
/// |---|---|---|---|---|
/// | f1 | k-ab | k-ab | k-c | — |
/// | f2 | k-ac | k-b | k-ac | — |
/// | f3 | — | — | — | — |
/// | f4 | — | — | — | k-d |
/// | f5 | k-abcd | k-abcd | k-abcd | k-abcd |
const LINES: [(&str, &str, &str); 6] = [
    ("k-ab", "f1", "a b"),
    ("k-c", "f1", "c"),
    ("k-ac", "f2", "a c"),
    ("k-b", "f2", "b"),
    ("k-d", "f4", "d"),
    ("k-abcd", "f5", "a b c d"),
];

/// Four roles, five facets of one topic each, one claim per role, and the key lines of `LINES`.
fn dataset() -> Dataset {
    let words = |v: &str| -> Vec<String> { v.split_whitespace().map(s).collect() };
    Dataset {
        format: FORMAT,
        version: s("test"),
        last_reviewed: s("2024-01-01"),
        sources: vec![Source {
            id: s("s1"),
            kind: SourceKind::Article,
            title: s("A source"),
            author: None,
            publisher: None,
            note: None,
        }],
        facets: (1..=5)
            .map(|i| Facet {
                id: format!("f{i}"),
                label: format!("Facet {i}"),
                filter: true,
                description: None,
                topics: vec![Topic {
                    id: s("t"),
                    label: s("Topic"),
                }],
            })
            .collect(),
        roles: ["a", "b", "c", "d"]
            .iter()
            .map(|id| Role {
                id: s(id),
                abbr: id.to_uppercase(),
                name: format!("Role {}", id.to_uppercase()),
                summary: s("A role."),
                summary_sources: cite(),
                caveats: Vec::new(),
            })
            .collect(),
        claims: ["a", "b", "c", "d"]
            .iter()
            .map(|id| Claim {
                id: format!("c-{id}"),
                roles: vec![s(id)],
                facet: s("f1"),
                topic: s("t"),
                text: format!("Role {id} does something."),
                sources: cite(),
                tags: BTreeMap::new(),
            })
            .collect(),
        conflicts: Vec::new(),
        key_lines: LINES
            .iter()
            .map(|&(id, facet, roles)| KeyLine {
                id: s(id),
                facet: s(facet),
                roles: words(roles),
                text: format!("The key line {id}."),
                sources: cite(),
                conflicts: Vec::new(),
            })
            .collect(),
        title: None,
    }
}

/// Index of the key line `id`.
fn line(d: &Dataset, id: &str) -> usize {
    d.key_lines.iter().position(|k| k.id == id).unwrap()
}

/// A `Line` cell for the key line `id` spanning `columns`.
fn spans(d: &Dataset, id: &str, columns: &[usize]) -> KeyCell {
    KeyCell::Line {
        line: line(d, id),
        columns: columns.to_vec(),
    }
}

/// Every facet of the dataset, in dataset order.
fn every_facet(d: &Dataset) -> Vec<usize> {
    (0..d.facets.len()).collect()
}

#[test]
fn the_constructed_dataset_is_valid() {
    if let Err(errors) = validate(&dataset()) {
        let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("dataset() is invalid:\n{}", listed.join("\n"));
    }
}

#[test]
fn adjacent_roles_sharing_a_line_get_one_spanning_cell() {
    let d = dataset();
    let rows = key_rows(&d, &[0, 1, 2, 3], &every_facet(&d));
    let facets: Vec<usize> = rows.iter().map(|r| r.facet).collect();
    // f3 has no key line at all: no row.
    assert_eq!(facets, [0, 1, 3, 4]);
    assert_eq!(
        rows[0],
        KeyRow {
            facet: 0,
            cells: vec![
                spans(&d, "k-ab", &[0, 1]),
                KeyCell::Covered,
                spans(&d, "k-c", &[2]),
                KeyCell::Missing(3),
            ],
        }
    );
    // A line of all four spans the whole row.
    assert_eq!(
        rows[3].cells,
        [
            spans(&d, "k-abcd", &[0, 1, 2, 3]),
            KeyCell::Covered,
            KeyCell::Covered,
            KeyCell::Covered,
        ]
    );
}

#[test]
fn roles_that_are_not_side_by_side_get_separate_cells() {
    let d = dataset();
    let rows = key_rows(&d, &[0, 1, 2, 3], &[1]);
    assert_eq!(
        rows,
        [KeyRow {
            facet: 1,
            cells: vec![
                spans(&d, "k-ac", &[0]),
                spans(&d, "k-b", &[1]),
                spans(&d, "k-ac", &[2]),
                KeyCell::Missing(3),
            ],
        }]
    );
    // Without B between them, A and C are side by side: one cell again.
    let rows = key_rows(&d, &[0, 2], &[1]);
    assert_eq!(
        rows[0].cells,
        [spans(&d, "k-ac", &[0, 1]), KeyCell::Covered]
    );
}

#[test]
fn a_row_needs_a_key_line_for_a_compared_role() {
    let d = dataset();
    // f4 has a line for D alone: a row only while D is compared.
    let facets = |columns: &[usize]| -> Vec<usize> {
        key_rows(&d, columns, &every_facet(&d))
            .iter()
            .map(|r| r.facet)
            .collect()
    };
    assert_eq!(facets(&[0, 1, 2]), [0, 1, 4]);
    assert_eq!(facets(&[2, 3]), [0, 1, 3, 4]);
    let rows = key_rows(&d, &[0, 1, 2, 3], &[3]);
    assert_eq!(
        rows[0].cells,
        [
            KeyCell::Missing(0),
            KeyCell::Missing(1),
            KeyCell::Missing(2),
            spans(&d, "k-d", &[3]),
        ]
    );
    // A line's columns are only the compared roles it names: k-ab for A alone.
    let rows = key_rows(&d, &[0, 2], &[0]);
    assert_eq!(
        rows[0].cells,
        [spans(&d, "k-ab", &[0]), spans(&d, "k-c", &[1])]
    );
    let rows = key_rows(&d, &[1, 3], &[0]);
    assert_eq!(
        rows[0].cells,
        [spans(&d, "k-ab", &[0]), KeyCell::Missing(1)]
    );
}

#[test]
fn rows_follow_the_facets_given_and_a_dataset_without_key_lines_has_none() {
    let d = dataset();
    let facets: Vec<usize> = key_rows(&d, &[0, 1, 2, 3], &[4, 2, 0])
        .iter()
        .map(|r| r.facet)
        .collect();
    assert_eq!(facets, [4, 0], "in the order given, f3 without a row");
    assert!(key_rows(&d, &[0, 1], &[]).is_empty());
    let mut bare = d.clone();
    bare.key_lines.clear();
    assert!(key_rows(&bare, &[0, 1, 2, 3], &every_facet(&bare)).is_empty());
}

#[test]
fn bundled_rows_have_one_cell_per_column() {
    let d = data::bundled();
    let columns = compare(&d, &Filters::default()).columns;
    let facets = facet_indices(&d, &[]);
    let rows = key_rows(&d, &columns, &facets);
    assert_eq!(rows.is_empty(), d.key_lines.is_empty());
    for row in &rows {
        assert_eq!(row.cells.len(), columns.len(), "{row:?}");
        let mut col = 0;
        while col < row.cells.len() {
            match &row.cells[col] {
                KeyCell::Line {
                    line,
                    columns: span,
                } => {
                    assert_eq!(span[0], col, "{row:?}");
                    assert!(span.windows(2).all(|w| w[1] == w[0] + 1), "{row:?}");
                    let k = &d.key_lines[*line];
                    assert_eq!(k.facet, d.facets[row.facet].id);
                    for &c in span {
                        assert!(k.roles.contains(&d.roles[columns[c]].id), "{row:?}");
                    }
                    for c in &row.cells[col + 1..col + span.len()] {
                        assert_eq!(*c, KeyCell::Covered, "{row:?}");
                    }
                    col += span.len();
                }
                KeyCell::Missing(c) => {
                    assert_eq!(*c, col, "{row:?}");
                    col += 1;
                }
                KeyCell::Covered => panic!("Covered without a line before it: {row:?}"),
            }
        }
    }
}
