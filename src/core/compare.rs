//! The comparison: a pure function from (dataset, filters) to the rows the reader sees.
//!
//! Rows are topics; columns are the selected roles. Each cell is either the claims a role has on
//! that topic or an explicit gap, and each row says whether the selected roles share it, differ
//! on it, or whether only one role has anything to say. The result refers to the dataset by
//! index, so it is cheap to compute and to compare. No yew, no DOM: tested natively.

use crate::model::{fold_case, Claim, Dataset};
use crate::state::{Filters, Mode, CERTIFICATIONS, DUTIES, ISSUER, REPORTING, TARGET};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::{Rc, Weak};

/// The claims of every section's topics, each with the roles it is about as bits (role `i`,
/// an index into `dataset.roles`, is bit `i`; the reader refuses a dataset of more than 64
/// roles, and a role past the 64th matches nothing here). Built in one pass over the claims;
/// a comparison then touches only these lists, not the claims' strings: at 100,000 claims that
/// pass costs most of a comparison, so a shared dataset keeps its index (see [`Index::of`]).
#[derive(Debug)]
pub struct Index {
    /// `[facet][topic]`: (index into `dataset.claims`, role bits), in dataset order.
    topics: Vec<Vec<Vec<(usize, u64)>>>,
}

thread_local! {
    /// The indexes of the datasets alive, by allocation (see [`Index::of`]).
    static INDEXES: RefCell<Vec<(Weak<Dataset>, Rc<Index>)>> = const { RefCell::new(Vec::new()) };
}

impl Index {
    /// Indexes `dataset` (a claim on an unknown section or topic is in no list).
    pub fn new(dataset: &Dataset) -> Self {
        // The claims of each (facet, topic), found in one pass (a scan per topic made a dataset
        // of 2,000 topics and 100,000 claims quadratic).
        let mut by_topic: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
        for (i, c) in dataset.claims.iter().enumerate() {
            by_topic
                .entry((c.facet.as_str(), c.topic.as_str()))
                .or_default()
                .push(i);
        }
        let mut topics = Vec::with_capacity(dataset.facets.len());
        for facet in &dataset.facets {
            let mut lists = Vec::with_capacity(facet.topics.len());
            for topic in &facet.topics {
                let mut list = Vec::new();
                for &ci in by_topic
                    .get(&(facet.id.as_str(), topic.id.as_str()))
                    .map_or(&[][..], Vec::as_slice)
                {
                    let mut bits = 0;
                    for id in &dataset.claims[ci].roles {
                        if let Some(ri) = dataset.roles.iter().position(|r| r.id == *id) {
                            bits |= role_bit(ri);
                        }
                    }
                    list.push((ci, bits));
                }
                lists.push(list);
            }
            topics.push(lists);
        }
        Index { topics }
    }

    /// The index of a shared dataset: built on first use, then kept while the dataset lives.
    /// Sound because a dataset behind an `Rc` with a `Weak` to it cannot change (`Rc::get_mut`
    /// refuses, `Rc::make_mut` moves it to a new allocation); the entries of datasets gone are
    /// dropped on the next call.
    pub fn of(dataset: &Rc<Dataset>) -> Rc<Index> {
        INDEXES.with(|cell| {
            let mut list = cell.borrow_mut();
            list.retain(|(d, _)| d.strong_count() > 0);
            if let Some((_, index)) = list
                .iter()
                .find(|(d, _)| std::ptr::eq(d.as_ptr(), Rc::as_ptr(dataset)))
            {
                return Rc::clone(index);
            }
            let index = Rc::new(Index::new(dataset));
            list.push((Rc::downgrade(dataset), Rc::clone(&index)));
            index
        })
    }
}

/// Role `ri`'s bit in an [`Index`] (none past the 64th).
fn role_bit(ri: usize) -> u64 {
    u32::try_from(ri)
        .ok()
        .and_then(|ri| 1u64.checked_shl(ri))
        .unwrap_or(0)
}

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
    /// Statements visible now, each counted once however many roles share it.
    pub statements: usize,
    /// Statements about the selected roles in the whole dataset, before any other filter.
    pub statements_total: usize,
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
    /// One cell a column, in column order: the statements about that role alone (of the
    /// compared roles).
    pub cells: Vec<Cell>,
    /// The statements two or more compared roles share, each shown once, grouped by the roles
    /// that share them (in the order the groups first appear in the dataset).
    pub shared: Vec<Shared>,
    /// How the compared roles relate on this topic (before the mode hides any statement).
    pub status: Status,
    /// Indices into `dataset.conflicts` of disagreements about this row that concern a compared role.
    pub conflicts: Vec<usize>,
}

/// Statements that the same two or more compared roles share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    /// Indices into `columns` of the roles that share them, ascending.
    pub columns: Vec<usize>,
    /// Indices into `dataset.claims`, in dataset order.
    pub claims: Vec<usize>,
}

impl Shared {
    /// Whether the sharing roles sit side by side, so one cell can span their columns.
    pub fn adjacent(&self) -> bool {
        self.columns.windows(2).all(|w| w[1] == w[0] + 1)
    }
}

/// A role's own entry on a topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Indices into `dataset.claims`, in dataset order: statements about this role alone.
    Claims(Vec<usize>),
    /// Nothing of its own shown here; what the sources say of this role on the topic is in the
    /// row's shared statements.
    InShared,
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

impl Row {
    /// Every statement the row shows, each once: the cells' in column order, then the shared.
    pub fn claims(&self) -> impl Iterator<Item = usize> + '_ {
        self.cells
            .iter()
            .flat_map(|c| match c {
                Cell::Claims(ids) => ids.as_slice(),
                Cell::InShared | Cell::Gap => &[],
            })
            .chain(self.shared.iter().flat_map(|s| s.claims.iter()))
            .copied()
    }
}

impl Comparison {
    /// Every visible row with its facet index, in display order.
    pub fn rows(&self) -> impl Iterator<Item = (usize, &Row)> {
        self.groups
            .iter()
            .flat_map(|g| g.rows.iter().map(move |r| (g.facet, r)))
    }
}

/// The filters that decide what a row holds: the roles, the mode (which statements show) and
/// the claim-level filters (certification issuer and "for role", reporting target). The others
/// (search, facets, duty topic, and which sections a narrowing select leaves on show) only
/// decide whether a row is shown, so the rows of `compare(d, f)` are exactly the rows of
/// [`layout`]`(d, f)` that pass them, with the same cells. The table keeps the layout's rows in
/// the document and hides the rest.
pub fn layout_filters(f: &Filters) -> Filters {
    Filters {
        roles: f.roles.clone(),
        issuer: f.issuer.clone(),
        suits: f.suits.clone(),
        target: f.target.clone(),
        mode: f.mode,
        ..Filters::default()
    }
}

/// Every row `f`'s roles, mode and claim-level filters give, in every section (see
/// [`layout_filters`]): the rows the table keeps in the document.
pub fn layout(dataset: &Dataset, f: &Filters) -> Comparison {
    layout_indexed(dataset, &Index::new(dataset), f)
}

/// [`layout`] with the dataset's [`Index`] at hand.
pub fn layout_indexed(dataset: &Dataset, index: &Index, f: &Filters) -> Comparison {
    compare_in(
        dataset,
        index,
        &layout_filters(f),
        &facet_indices(dataset, &[]),
    )
}

/// With more roles than this, the default comparison is the first [`DEFAULT_COLUMNS`] roles
/// rather than every role side by side.
pub const MANY_ROLES: usize = 4;
/// How many roles a dataset with many roles compares by default.
pub const DEFAULT_COLUMNS: usize = 3;

/// Indices into `dataset.roles` of the roles `wanted` names, in dataset order. When it names
/// none that exist: every role, or the first [`DEFAULT_COLUMNS`] when there are more than
/// [`MANY_ROLES`].
pub fn role_columns(dataset: &Dataset, wanted: &[String]) -> Vec<usize> {
    let named = dataset.roles.iter().any(|r| wanted.contains(&r.id));
    let mut columns = selected(dataset.roles.iter().map(|r| r.id.as_str()), wanted);
    if !named && columns.len() > MANY_ROLES {
        columns.truncate(DEFAULT_COLUMNS);
    }
    columns
}

/// Indices into `dataset.facets` of the facets `wanted` names, in dataset order (all when it
/// names none that exist).
pub fn facet_indices(dataset: &Dataset, wanted: &[String]) -> Vec<usize> {
    selected(dataset.facets.iter().map(|f| f.id.as_str()), wanted)
}

/// Indices into `dataset.facets` of the sections `filters` show: the ones the reader picked and,
/// while a narrowing select is set (a duty, an issuer or role for certifications, a reporting
/// target), only the sections it narrows: the narrowed question is answered there, and the
/// other sections would bury the answer (they come back when the select is cleared).
pub fn shown_facets(dataset: &Dataset, filters: &Filters) -> Vec<usize> {
    let picked = facet_indices(dataset, &filters.facets);
    let narrowed = filters.narrowed_facets();
    if narrowed.is_empty() {
        return picked;
    }
    picked
        .into_iter()
        .filter(|&fi| narrowed.contains(&dataset.facets[fi].id.as_str()))
        .collect()
}

/// Computes the rows for `filters` over `dataset`.
///
/// Unknown ids in the filters are ignored; if none of the requested roles (or facets) exist,
/// the default roles (or every facet) are used, so a bad attribute never empties the widget.
///
/// Differences and sameness are decided statement by statement: a statement about two or more
/// compared roles is one shared statement, shown once. `Mode::Differences` hides the statements
/// every compared role shares; `Mode::Shared` shows only statements two or more compared roles
/// share; a row left with no statement is not shown.
pub fn compare(dataset: &Dataset, filters: &Filters) -> Comparison {
    compare_indexed(dataset, &Index::new(dataset), filters)
}

/// [`compare`] with the dataset's [`Index`] at hand.
pub fn compare_indexed(dataset: &Dataset, index: &Index, filters: &Filters) -> Comparison {
    compare_in(dataset, index, filters, &shown_facets(dataset, filters))
}

/// [`compare`] over the sections `facets` (indices into `dataset.facets`).
fn compare_in(dataset: &Dataset, index: &Index, filters: &Filters, facets: &[usize]) -> Comparison {
    let columns = role_columns(dataset, &filters.roles);
    let role_ids: Vec<&str> = columns
        .iter()
        .map(|&ri| dataset.roles[ri].id.as_str())
        .collect();
    // Each column's role bit, and all of them.
    let column_bits: Vec<u64> = columns.iter().map(|&ri| role_bit(ri)).collect();
    let compared = column_bits.iter().fold(0, |all, bit| all | bit);

    let mut groups = Vec::new();
    let (mut shown, mut total, mut statements, mut statements_total) = (0, 0, 0, 0);
    for (fi, facet) in dataset.facets.iter().enumerate() {
        let facet_on = facets.contains(&fi);
        let mut rows = Vec::new();
        for (ti, topic) in facet.topics.iter().enumerate() {
            let on_topic = index
                .topics
                .get(fi)
                .and_then(|topics| topics.get(ti))
                .map_or(&[][..], Vec::as_slice);
            let about = on_topic
                .iter()
                .filter(|(_, bits)| bits & compared != 0)
                .count();
            if about > 0 {
                total += 1;
                statements_total += about;
            }
            if !facet_on
                || (facet.id == DUTIES
                    && filters.duty_topic.as_ref().is_some_and(|t| *t != topic.id))
            {
                continue;
            }
            // The claims the claim-level filters keep, with the columns each covers.
            let mut kept: Vec<(usize, Vec<usize>)> = Vec::new();
            for &(ci, bits) in on_topic {
                if bits & compared != 0 && passes_claim_filters(&dataset.claims[ci], filters) {
                    let cols = (0..column_bits.len())
                        .filter(|&col| bits & column_bits[col] != 0)
                        .collect();
                    kept.push((ci, cols));
                }
            }
            let Some(status) = status(&columns, &kept) else {
                continue;
            };
            let n = columns.len();
            let visible: Vec<&(usize, Vec<usize>)> = kept
                .iter()
                .filter(|(_, cols)| match filters.mode {
                    Mode::All => true,
                    Mode::Differences => n < 2 || cols.len() < n,
                    Mode::Shared => cols.len() >= 2,
                })
                .collect();
            if visible.is_empty() {
                continue;
            }
            let search_ok = filters.search.trim().is_empty()
                || visible
                    .iter()
                    .any(|(ci, _)| !matches(&dataset.claims[*ci].text, &filters.search).is_empty());
            if !search_ok {
                continue;
            }
            let mut shared: Vec<Shared> = Vec::new();
            let mut own: Vec<Vec<usize>> = vec![Vec::new(); n];
            for (ci, cols) in &visible {
                if cols.len() == 1 {
                    own[cols[0]].push(*ci);
                } else if let Some(group) = shared.iter_mut().find(|g| g.columns == *cols) {
                    group.claims.push(*ci);
                } else {
                    shared.push(Shared {
                        columns: cols.clone(),
                        claims: vec![*ci],
                    });
                }
            }
            let cells = own
                .into_iter()
                .enumerate()
                .map(|(col, ids)| {
                    if !ids.is_empty() {
                        Cell::Claims(ids)
                    } else if shared.iter().any(|g| g.columns.contains(&col)) {
                        Cell::InShared
                    } else {
                        Cell::Gap
                    }
                })
                .collect();
            let conflicts = dataset
                .conflicts
                .iter()
                .enumerate()
                .filter(|(_, k)| k.facet == facet.id && k.topic == topic.id)
                .filter(|(_, k)| {
                    k.roles.is_empty() || k.roles.iter().any(|r| role_ids.contains(&r.as_str()))
                })
                .map(|(i, _)| i)
                .collect();
            statements += visible.len();
            rows.push(Row {
                topic: ti,
                cells,
                shared,
                status,
                conflicts,
            });
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
        statements,
        statements_total,
    }
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
            tagged(ISSUER, &filters.issuer)
                && filters
                    .suits
                    .as_ref()
                    .is_none_or(|r| claim.roles.contains(r))
        }
        REPORTING => tagged(TARGET, &filters.target),
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

/// The row's status from its claims (each with the columns it covers), or `None` when no
/// compared role has anything on it.
fn status(columns: &[usize], kept: &[(usize, Vec<usize>)]) -> Option<Status> {
    let n = columns.len();
    let mut filled = vec![false; n];
    for (_, cols) in kept {
        for &c in cols {
            filled[c] = true;
        }
    }
    let count = filled.iter().filter(|&&f| f).count();
    match count {
        0 => None,
        1 if n > 1 => filled.iter().position(|&f| f).map(Status::Only),
        c if c == n && kept.iter().all(|(_, cols)| cols.len() == n) => Some(Status::Shared),
        _ => Some(Status::Differs),
    }
}

/// Byte ranges of `text` that match `needle`, case-insensitively, without overlaps.
///
/// Matching is char by char on [`fold_case`] forms (one char to one char), so the ranges
/// always fall on char boundaries of the original text. An empty needle matches nothing.
pub fn matches(text: &str, needle: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = needle.trim().chars().map(fold_case).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    // The folded text, and for each of its chars the byte offset of the original.
    let (origin, lower): (Vec<usize>, Vec<char>) = text
        .char_indices()
        .map(|(at, c)| (at, fold_case(c)))
        .unzip();
    let mut found = Vec::new();
    let mut k = 0;
    while k + needle.len() <= lower.len() {
        let end = k + needle.len();
        if lower[k..end] == needle[..] {
            found.push(origin[k]..origin.get(end).copied().unwrap_or(text.len()));
            k = end;
        } else {
            k += 1;
        }
    }
    found
}
