//! Native tests of the comparison (`compare::compare`, `compare::role_columns`,
//! `compare::matches`) and of the filter state (`state::Filters::apply`, `is_narrowed`,
//! `active_count`, `detail_open`, `describe`).
//!
//! The comparison is statement by statement: a claim about several compared roles is one shared
//! statement, shown once in the row's `shared` groups; a role's cell holds the statements about
//! it alone, or says its statements are in the shared ones, or is a gap. The modes filter
//! statements (Differences hides those every compared role shares, Shared keeps those two or more
//! share) and a row left without statements is not shown.
//!
//! - **A constructed dataset** (`tiny()`, built here in Rust): three roles, five reader facets
//!   and one facet that is not a reader filter, claims written so that every status (shared,
//!   differs, only one role), every kind of cell (own statements, "in the shared statements",
//!   gap), shared groups of two and of three roles, and every claim-level filter has a case.
//!   Expectations on it are exact (`check(filters, ["facet/topic: Badge", …])`, and
//!   `check_detail` with every cell and shared group) and do not move when the bundled content
//!   is edited. Every filter is covered alone and in the combinations that interact: roles (two
//!   of three, unknown ids, all unknown, one role), sections, duty topic, issuer, "suits",
//!   reporting target, the three modes, search (case, Unicode, whitespace, only over the
//!   statements the mode leaves), counts of rows and of statements, gaps and which conflicts are
//!   attached.
//! - **Many roles** (`crowd()`: `tiny()` with three more roles, and `with_extra_roles(n)`): with
//!   more than four roles the default compares the first three, a claim's columns are only the
//!   compared roles it names, and an explicit choice is honoured.
//! - **The bundled dataset**: the "done when" (with three roles Differences shows fewer
//!   statements than All and Shared more than none; a claim about two compared roles appears once
//!   in its row; with two roles Differences hides what both share), a few facts that any faithful
//!   content keeps, and the counts read independently off the claims.
//! - **The index** (`Index`): a shared dataset builds it once; comparisons with it equal those
//!   without; roles past the 64th match nothing, without a panic.
//! - **`matches`**: byte ranges on char boundaries for tricky Unicode (É/é, ß/ẞ, Turkish İ, the
//!   Kelvin sign, Greek final sigma, combining marks, emoji), and a deterministic fuzz of it.
//! - **Property test**: about 2,000 pseudo-random `Filters` over the bundled data (and 500 each
//!   over `tiny()` and `crowd()`), each checked against `reference`, an independent re-statement
//!   of the rules, and against the invariants: shown ≤ total and statements ≤ statements_total;
//!   every statement shows once, in its own role's cell or in the shared group of exactly the
//!   compared roles it names; cells say "in shared" exactly when a shared group covers them; the
//!   status does not depend on the mode; Differences ∪ Shared = All statement by statement;
//!   search results are a subset of the unsearched rows; the detail level changes nothing.
//!   `ROLE_COMPARE_COMPARE_CASES` and `ROLE_COMPARE_COMPARE_SEED` change the run.

#![cfg(not(target_arch = "wasm32"))]

use role_compare::compare::{
    compare, compare_indexed, layout, layout_indexed, matches, role_columns, Cell, Comparison,
    Group, Index, Row, Shared, Status, DEFAULT_COLUMNS, MANY_ROLES,
};
use role_compare::data;
use role_compare::model::{
    Citation, Claim, Conflict, ConflictSide, Dataset, Facet, Role, Source, SourceKind, Topic,
    FORMAT,
};
use role_compare::state::{Action, Detail, Filters, Mode};
use role_compare::validate::validate;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn s(v: &str) -> String {
    v.to_owned()
}

fn ids(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| s(x)).collect()
}

/// The badge text the table shows for a row.
fn badge(d: &Dataset, c: &Comparison, row: &Row) -> String {
    match row.status {
        Status::Shared => s("Shared"),
        Status::Differs => s("Differs"),
        Status::Only(col) => format!("Only {}", d.roles[c.columns[col]].abbr),
    }
}

/// `facet/topic` of a row.
fn key(d: &Dataset, facet: usize, row: &Row) -> String {
    let f = &d.facets[facet];
    format!("{}/{}", f.id, f.topics[row.topic].id)
}

/// Every visible row as `facet/topic: Badge`.
fn rows(d: &Dataset, f: &Filters) -> Vec<String> {
    let c = compare(d, f);
    c.rows()
        .map(|(fi, r)| format!("{}: {}", key(d, fi, r), badge(d, &c, r)))
        .collect()
}

/// A cell as the tests spell it: its claim ids, `shared` (everything it has is in the row's
/// shared statements) or `gap`.
fn cell_text(d: &Dataset, cell: &Cell) -> String {
    match cell {
        Cell::Gap => s("gap"),
        Cell::InShared => s("shared"),
        Cell::Claims(cs) => cs
            .iter()
            .map(|&i| d.claims[i].id.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// Every visible row as `facet/topic: Badge | cell | cell … || CIO+CISO: ids || …`: each cell as
/// `cell_text` spells it, then each group of shared statements with the roles that share it.
fn detail(d: &Dataset, f: &Filters) -> Vec<String> {
    let c = compare(d, f);
    c.rows()
        .map(|(fi, r)| {
            let cells: Vec<String> = r.cells.iter().map(|cell| cell_text(d, cell)).collect();
            let mut line = format!(
                "{}: {} | {}",
                key(d, fi, r),
                badge(d, &c, r),
                cells.join(" | ")
            );
            for g in &r.shared {
                let who: Vec<&str> = g
                    .columns
                    .iter()
                    .map(|&col| d.roles[c.columns[col]].abbr.as_str())
                    .collect();
                let what: Vec<&str> = g.claims.iter().map(|&i| d.claims[i].id.as_str()).collect();
                line.push_str(&format!(" || {}: {}", who.join("+"), what.join(" ")));
            }
            line
        })
        .collect()
}

/// Every statement the comparison shows, as claim ids in display order.
fn shown_claims(d: &Dataset, c: &Comparison) -> Vec<String> {
    c.rows()
        .flat_map(|(_, r)| {
            r.claims()
                .map(|i| d.claims[i].id.clone())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Every row that has conflicts attached, as `facet/topic: conflict-id …`.
fn conflicts(d: &Dataset, f: &Filters) -> Vec<String> {
    let c = compare(d, f);
    c.rows()
        .filter(|(_, r)| !r.conflicts.is_empty())
        .map(|(fi, r)| {
            let ks: Vec<&str> = r
                .conflicts
                .iter()
                .map(|&k| d.conflicts[k].id.as_str())
                .collect();
            format!("{}: {}", key(d, fi, r), ks.join(" "))
        })
        .collect()
}

#[track_caller]
fn check(f: &Filters, expected: &[&str]) {
    let d = tiny();
    assert_eq!(rows(&d, f), expected, "rows for {f:?}");
}

#[track_caller]
fn check_detail(f: &Filters, expected: &[&str]) {
    let d = tiny();
    assert_eq!(detail(&d, f), expected, "cells for {f:?}");
}

#[track_caller]
fn check_counts(f: &Filters, shown: usize, total: usize) {
    let c = compare(&tiny(), f);
    assert_eq!((c.shown, c.total), (shown, total), "shown/total for {f:?}");
    assert_eq!(c.shown, c.rows().count(), "shown is the number of rows");
}

/// Statements shown (each once) and statements about the compared roles in the whole dataset.
#[track_caller]
fn check_statements(f: &Filters, statements: usize, statements_total: usize) {
    let c = compare(&tiny(), f);
    assert_eq!(
        (c.statements, c.statements_total),
        (statements, statements_total),
        "statements/statements_total for {f:?}"
    );
    let each: usize = c.rows().map(|(_, r)| r.claims().count()).sum();
    assert_eq!(c.statements, each, "statements is what the rows show");
}

fn roles(r: &[&str]) -> Filters {
    Filters {
        roles: ids(r),
        ..Filters::default()
    }
}

fn facets(x: &[&str]) -> Filters {
    Filters {
        facets: ids(x),
        ..Filters::default()
    }
}

fn mode(m: Mode) -> Filters {
    Filters {
        mode: m,
        ..Filters::default()
    }
}

fn search(text: &str) -> Filters {
    Filters {
        search: s(text),
        ..Filters::default()
    }
}

// ---------------------------------------------------------------------------------------------
// The constructed dataset
// ---------------------------------------------------------------------------------------------

fn cite() -> Vec<Citation> {
    vec![Citation {
        source: s("s1"),
        at: None,
    }]
}

fn words(v: &str) -> Vec<String> {
    v.split_whitespace().map(s).collect()
}

/// The facets of `tiny()`: id, label, whether it is a reader filter, topic ids (each topic's
/// label is its id with a capital).
const TINY_FACETS: [(&str, &str, bool, &str); 5] = [
    ("focus", "Focus", true, "mission scope unstated"),
    ("duties", "Duties", true, "budget strategy training"),
    (
        "certifications",
        "Certifications",
        true,
        "recommended issuer",
    ),
    ("reporting", "Reporting lines", true, "reports-to"),
    ("collaboration", "Working together", false, "together"),
];

/// The claims of `tiny()`: id, roles, `facet/topic`, text, and tags as `key=value,value`.
#[rustfmt::skip]
const TINY_CLAIMS: [(&str, &str, &str, &str, &str); 17] = [
    ("m-all", "cio ciso cso", "focus/mission", "Every role protects the business.", ""),
    ("m-all-2", "cio ciso cso", "focus/mission", "Each one answers to the board.", ""),
    ("s-cio", "cio", "focus/scope", "Runs the IT estate.", ""),
    ("s-ciso", "ciso", "focus/scope", "Runs information security.", ""),
    ("d-budget", "cio", "duties/budget", "Owns the IT budget.", ""),
    ("d-strategy", "cio ciso", "duties/strategy", "Sets the technology strategy together.", ""),
    ("d-training-all", "cio ciso cso", "duties/training", "Trains every employee in safety.", ""),
    ("d-training-ciso", "ciso", "duties/training", "Trains the security staff.", ""),
    ("c-pmp", "cio", "certifications/recommended", "PMP suits a CIO.", ""),
    ("c-cissp", "ciso", "certifications/recommended", "CISSP suits a CISO.", ""),
    ("c-cissp-issuer", "ciso", "certifications/issuer", "CISSP is awarded by ISC2.", "issuer=ISC2"),
    ("c-isaca", "cio ciso", "certifications/issuer", "CGEIT and CISM are awarded by ISACA.", "issuer=ISACA"),
    ("c-cpp", "cso", "certifications/issuer", "CPP is awarded by ASIS International.", "issuer=ASIS International"),
    ("r-cio", "cio", "reporting/reports-to", "Reports to the CEO.", "target=CEO"),
    ("r-ciso", "ciso", "reporting/reports-to", "Reports to the CIO or the CTO.", "target=CIO,CTO"),
    ("r-cso", "cso", "reporting/reports-to", "Answers to the CIO.", "target=CIO"),
    ("k-together", "cio ciso", "collaboration/together",
        "Plan the summer (été) review in the Straße office, then fly to İstanbul.", ""),
];

/// The conflicts of `tiny()`: id, `facet/topic`, the roles it concerns.
const TINY_CONFLICTS: [(&str, &str, &str); 4] = [
    ("k-scope", "focus/scope", ""),
    ("k-budget", "duties/budget", "ciso"),
    ("k-strategy", "duties/strategy", "cso"),
    ("k-reports", "reporting/reports-to", "ciso cso"),
];

/// A small dataset whose every row is known by heart (all three roles, mode All; "shared" is a
/// cell whose statements are all in the row's shared groups):
///
/// | row | CIO | CISO | CSO | shared statements | status |
/// |---|---|---|---|---|---|
/// | focus/mission | shared | shared | shared | all three: m-all m-all-2 | Shared |
/// | focus/scope | s-cio | s-ciso | gap | | Differs |
/// | focus/unstated | | | | | (no row) |
/// | duties/budget | d-budget | gap | gap | | Only CIO |
/// | duties/strategy | shared | shared | gap | CIO+CISO: d-strategy | Differs |
/// | duties/training | shared | d-training-ciso | shared | all three: d-training-all | Differs |
/// | certifications/recommended | c-pmp | c-cissp | gap | | Differs |
/// | certifications/issuer | shared | c-cissp-issuer (ISC2) | c-cpp (ASIS International) | CIO+CISO: c-isaca (ISACA) | Differs |
/// | reporting/reports-to | r-cio (CEO) | r-ciso (CIO, CTO) | r-cso (CIO) | | Differs |
/// | collaboration/together (not a reader filter) | shared | shared | gap | CIO+CISO: k-together | Differs |
fn tiny() -> Dataset {
    let split = |at: &str| {
        let (f, t) = at.split_once('/').expect("facet/topic");
        (s(f), s(t))
    };
    let role = |id: &str, abbr: &str, name: &str| Role {
        id: s(id),
        abbr: s(abbr),
        name: s(name),
        summary: format!("The {name}."),
        summary_sources: cite(),
        caveats: Vec::new(),
    };
    let side = |text: &str| ConflictSide {
        text: s(text),
        sources: cite(),
        claims: Vec::new(),
    };
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
        facets: TINY_FACETS
            .iter()
            .map(|&(id, label, filter, topics)| Facet {
                id: s(id),
                label: s(label),
                filter,
                description: None,
                topics: words(topics)
                    .into_iter()
                    .map(|t| Topic {
                        label: t[..1].to_uppercase() + &t[1..],
                        id: t,
                    })
                    .collect(),
            })
            .collect(),
        roles: vec![
            role("cio", "CIO", "Chief Information Officer"),
            role("ciso", "CISO", "Chief Information Security Officer"),
            role("cso", "CSO", "Chief Security Officer"),
        ],
        claims: TINY_CLAIMS
            .iter()
            .map(|&(id, roles, at, text, tags)| {
                let (facet, topic) = split(at);
                let tags = tags
                    .split_once('=')
                    .map(|(k, v)| (s(k), v.split(',').map(s).collect()))
                    .into_iter()
                    .collect::<BTreeMap<String, Vec<String>>>();
                Claim {
                    id: s(id),
                    roles: words(roles),
                    facet,
                    topic,
                    text: s(text),
                    sources: cite(),
                    tags,
                }
            })
            .collect(),
        conflicts: TINY_CONFLICTS
            .iter()
            .map(|&(id, at, roles)| {
                let (facet, topic) = split(at);
                Conflict {
                    id: s(id),
                    title: format!("Dispute {id}"),
                    facet,
                    topic,
                    roles: words(roles),
                    sides: vec![side("One view."), side("Another view.")],
                }
            })
            .collect(),
        key_lines: Vec::new(),
        title: None,
    }
}

/// `tiny()` with the roles of `extra` (id, abbreviation) added after its three, and no claims
/// about them.
fn with_extra_roles(extra: &[(&str, &str)]) -> Dataset {
    let mut d = tiny();
    for &(id, abbr) in extra {
        let mut role = d.roles[0].clone();
        role.id = s(id);
        role.abbr = s(abbr);
        role.name = format!("Chief {abbr}");
        role.summary = format!("The {abbr}.");
        d.roles.push(role);
    }
    d
}

/// Claims `crowd()` adds to `tiny()`, in the format of `TINY_CLAIMS`.
#[rustfmt::skip]
const CROWD_CLAIMS: [(&str, &str, &str, &str, &str); 5] = [
    ("x-cio-cfo-cmo", "cio cfo cmo", "focus/mission", "Keeps the lights on and the books straight.", ""),
    ("x-cto", "cto", "focus/scope", "Runs the technology roadmap.", ""),
    ("x-cfo", "cfo", "focus/unstated", "Counts the cost.", ""),
    ("x-ciso-cto", "ciso cto", "duties/strategy", "Aligns security with the roadmap.", ""),
    ("x-board", "cfo cmo", "reporting/reports-to", "Reports to the board.", "target=Board"),
];

/// Six roles — `tiny()`'s three, then the CTO, CFO and CMO — and the claims of `CROWD_CLAIMS`:
/// more than `MANY_ROLES`, so the default compares the first three.
fn crowd() -> Dataset {
    let mut d = with_extra_roles(&[("cto", "CTO"), ("cfo", "CFO"), ("cmo", "CMO")]);
    for &(id, roles, at, text, tags) in &CROWD_CLAIMS {
        let (facet, topic) = at.split_once('/').expect("facet/topic");
        let mut claim = d.claims[0].clone();
        claim.id = s(id);
        claim.roles = words(roles);
        claim.facet = s(facet);
        claim.topic = s(topic);
        claim.text = s(text);
        claim.tags = tags
            .split_once('=')
            .map(|(k, v)| (s(k), v.split(',').map(s).collect()))
            .into_iter()
            .collect();
        d.claims.push(claim);
    }
    d
}

/// Every row of `tiny()` with all three roles and no other filter.
const TINY_ALL: [&str; 9] = [
    "focus/mission: Shared",
    "focus/scope: Differs",
    "duties/budget: Only CIO",
    "duties/strategy: Differs",
    "duties/training: Differs",
    "certifications/recommended: Differs",
    "certifications/issuer: Differs",
    "reporting/reports-to: Differs",
    "collaboration/together: Differs",
];

#[test]
fn the_constructed_datasets_are_valid() {
    // (`with_extra_roles` is not: its extra roles have no claims, which the validator refuses
    // and the comparison does not mind.)
    for (name, d) in [("tiny()", tiny()), ("crowd()", crowd())] {
        if let Err(errors) = validate(&d) {
            let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("{name} is invalid:\n{}", listed.join("\n"));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Defaults, cells and gaps
// ---------------------------------------------------------------------------------------------

#[test]
fn defaults_show_every_row_with_claims_and_skip_empty_topics() {
    check(&Filters::default(), &TINY_ALL);
    check_counts(&Filters::default(), 9, 9);
    // Every claim of tiny() is about one of the three roles, and all of them show, once each.
    check_statements(&Filters::default(), 17, 17);
    let c = compare(&tiny(), &Filters::default());
    assert_eq!(c.columns, [0, 1, 2]);
    // Groups are facets in dataset order, each with at least one row.
    let groups: Vec<usize> = c.groups.iter().map(|g| g.facet).collect();
    assert_eq!(groups, [0, 1, 2, 3, 4]);
    assert!(c.groups.iter().all(|g| !g.rows.is_empty()));
}

#[test]
fn each_statement_shows_once_in_its_roles_cell_or_in_a_shared_group() {
    check_detail(
        &Filters::default(),
        &[
            "focus/mission: Shared | shared | shared | shared || CIO+CISO+CSO: m-all m-all-2",
            "focus/scope: Differs | s-cio | s-ciso | gap",
            "duties/budget: Only CIO | d-budget | gap | gap",
            "duties/strategy: Differs | shared | shared | gap || CIO+CISO: d-strategy",
            "duties/training: Differs | shared | d-training-ciso | shared || CIO+CISO+CSO: d-training-all",
            "certifications/recommended: Differs | c-pmp | c-cissp | gap",
            "certifications/issuer: Differs | shared | c-cissp-issuer | c-cpp || CIO+CISO: c-isaca",
            "reporting/reports-to: Differs | r-cio | r-ciso | r-cso",
            "collaboration/together: Differs | shared | shared | gap || CIO+CISO: k-together",
        ],
    );
    // Row::claims: the cells' statements in column order, then the shared ones.
    let d = tiny();
    let c = compare(&d, &Filters::default());
    let training = c.rows().nth(4).unwrap().1;
    let ids: Vec<&str> = training.claims().map(|i| d.claims[i].id.as_str()).collect();
    assert_eq!(ids, ["d-training-ciso", "d-training-all"]);
    assert_eq!(
        training.shared,
        [Shared {
            columns: vec![0, 1, 2],
            claims: vec![6]
        }]
    );
    // Every claim of the dataset shows exactly once.
    let mut shown = shown_claims(&d, &c);
    shown.sort();
    let mut all: Vec<String> = d.claims.iter().map(|x| x.id.clone()).collect();
    all.sort();
    assert_eq!(shown, all);
}

#[test]
fn shared_groups_follow_the_first_appearance_and_spanning_needs_neighbours() {
    // Two groups on one row: one of CIO+CSO (not side by side) before one of all three.
    let mut d = tiny();
    let mut pair = d.claims[0].clone();
    pair.id = s("m-cio-cso");
    pair.roles = words("cio cso");
    d.claims.insert(0, pair);
    let c = compare(&d, &facets(&["focus"]));
    let mission = &c.groups[0].rows[0];
    assert_eq!(mission.status, Status::Differs);
    assert_eq!(
        mission.cells,
        [Cell::InShared, Cell::InShared, Cell::InShared]
    );
    let groups: Vec<(Vec<usize>, Vec<usize>)> = mission
        .shared
        .iter()
        .map(|g| (g.columns.clone(), g.claims.clone()))
        .collect();
    assert_eq!(groups, [(vec![0, 2], vec![0]), (vec![0, 1, 2], vec![1, 2])]);
    let adjacent: Vec<bool> = mission.shared.iter().map(Shared::adjacent).collect();
    assert_eq!(adjacent, [false, true]);
    assert!(Shared {
        columns: vec![1, 2],
        claims: vec![]
    }
    .adjacent());
}

// ---------------------------------------------------------------------------------------------
// Roles
// ---------------------------------------------------------------------------------------------

#[test]
fn two_of_three_roles() {
    let cases: [(&[&str], &[&str]); 3] = [
        (
            &["cio", "ciso"],
            &[
                "focus/mission: Shared",
                "focus/scope: Differs",
                "duties/budget: Only CIO",
                "duties/strategy: Shared",
                "duties/training: Differs",
                "certifications/recommended: Differs",
                "certifications/issuer: Differs",
                "reporting/reports-to: Differs",
                "collaboration/together: Shared",
            ],
        ),
        (
            &["ciso", "cso"],
            &[
                "focus/mission: Shared",
                "focus/scope: Only CISO",
                "duties/strategy: Only CISO",
                "duties/training: Differs",
                "certifications/recommended: Only CISO",
                "certifications/issuer: Differs",
                "reporting/reports-to: Differs",
                "collaboration/together: Only CISO",
            ],
        ),
        (
            &["cio", "cso"],
            &[
                "focus/mission: Shared",
                "focus/scope: Only CIO",
                "duties/budget: Only CIO",
                "duties/strategy: Only CIO",
                "duties/training: Shared",
                "certifications/recommended: Only CIO",
                "certifications/issuer: Differs",
                "reporting/reports-to: Differs",
                "collaboration/together: Only CIO",
            ],
        ),
    ];
    for (pick, expected) in cases {
        check(&roles(pick), expected);
        check_counts(&roles(pick), expected.len(), expected.len());
    }
    // A claim's columns are the compared roles it names: d-strategy (CIO and CISO) is the
    // CISO's own statement when the CIO is not compared, and c-isaca likewise.
    check_detail(
        &roles(&["ciso", "cso"]),
        &[
            "focus/mission: Shared | shared | shared || CISO+CSO: m-all m-all-2",
            "focus/scope: Only CISO | s-ciso | gap",
            "duties/strategy: Only CISO | d-strategy | gap",
            "duties/training: Differs | d-training-ciso | shared || CISO+CSO: d-training-all",
            "certifications/recommended: Only CISO | c-cissp | gap",
            "certifications/issuer: Differs | c-cissp-issuer c-isaca | c-cpp",
            "reporting/reports-to: Differs | r-ciso | r-cso",
            "collaboration/together: Only CISO | k-together | gap",
        ],
    );
    check_detail(
        &roles(&["cio", "ciso"]),
        &[
            "focus/mission: Shared | shared | shared || CIO+CISO: m-all m-all-2",
            "focus/scope: Differs | s-cio | s-ciso",
            "duties/budget: Only CIO | d-budget | gap",
            "duties/strategy: Shared | shared | shared || CIO+CISO: d-strategy",
            "duties/training: Differs | shared | d-training-ciso || CIO+CISO: d-training-all",
            "certifications/recommended: Differs | c-pmp | c-cissp",
            "certifications/issuer: Differs | shared | c-cissp-issuer || CIO+CISO: c-isaca",
            "reporting/reports-to: Differs | r-cio | r-ciso",
            "collaboration/together: Shared | shared | shared || CIO+CISO: k-together",
        ],
    );
    // The columns follow the dataset's order, not the order asked for.
    let c = compare(&tiny(), &roles(&["cso", "cio"]));
    assert_eq!(c.columns, [0, 2]);
    check_detail(
        &roles(&["cso", "cio"]),
        &[
            "focus/mission: Shared | shared | shared || CIO+CSO: m-all m-all-2",
            "focus/scope: Only CIO | s-cio | gap",
            "duties/budget: Only CIO | d-budget | gap",
            "duties/strategy: Only CIO | d-strategy | gap",
            "duties/training: Shared | shared | shared || CIO+CSO: d-training-all",
            "certifications/recommended: Only CIO | c-pmp | gap",
            "certifications/issuer: Differs | c-isaca | c-cpp",
            "reporting/reports-to: Differs | r-cio | r-cso",
            "collaboration/together: Only CIO | k-together | gap",
        ],
    );
    // Statements about either role, counted off TINY_CLAIMS: all but the other role's own.
    check_statements(&roles(&["cio", "ciso"]), 15, 15);
    check_statements(&roles(&["ciso", "cso"]), 13, 13);
    check_statements(&roles(&["cio", "cso"]), 12, 12);
}

#[test]
fn unknown_role_ids_are_ignored_and_all_unknown_means_all() {
    assert_eq!(
        compare(&tiny(), &roles(&["nobody", "ciso", "cio"])),
        compare(&tiny(), &roles(&["cio", "ciso"]))
    );
    for bogus in [&["nobody"][..], &["CIO", "Ciso"], &[""]] {
        assert_eq!(
            compare(&tiny(), &roles(bogus)),
            compare(&tiny(), &Filters::default()),
            "{bogus:?}"
        );
    }
    // Listing every role, or one twice, is the same as the default.
    assert_eq!(
        compare(&tiny(), &roles(&["cso", "cio", "ciso", "cio"])),
        compare(&tiny(), &Filters::default())
    );
}

#[test]
fn one_role_alone_makes_every_row_it_has_shared() {
    // The controls never offer fewer than two roles, but a host page can ask for one. Each row
    // then trivially "covers every compared role": nothing is "Only X" and nothing differs, and
    // every statement is the role's own (nothing is shared with another compared role).
    let alone = [
        "focus/mission: Shared",
        "duties/training: Shared",
        "certifications/issuer: Shared",
        "reporting/reports-to: Shared",
    ];
    check(&roles(&["cso"]), &alone);
    check_counts(&roles(&["cso"]), 4, 4);
    check_statements(&roles(&["cso"]), 5, 5);
    check_detail(
        &roles(&["cso"]),
        &[
            "focus/mission: Shared | m-all m-all-2",
            "duties/training: Shared | d-training-all",
            "certifications/issuer: Shared | c-cpp",
            "reporting/reports-to: Shared | r-cso",
        ],
    );
    // With fewer than two columns there is nothing to differ from: Differences keeps every
    // statement, and Shared (two or more roles) none.
    let differences = Filters {
        mode: Mode::Differences,
        ..roles(&["cso"])
    };
    check(&differences, &alone);
    check_statements(&differences, 5, 5);
    let shared = Filters {
        mode: Mode::Shared,
        ..roles(&["cso"])
    };
    check(&shared, &[]);
    check_counts(&shared, 0, 4);
    check_statements(&shared, 0, 5);
}

// ---------------------------------------------------------------------------------------------
// Many roles
// ---------------------------------------------------------------------------------------------

#[test]
fn more_than_four_roles_compare_the_first_three_by_default() {
    assert_eq!((MANY_ROLES, DEFAULT_COLUMNS), (4, 3));
    // Four roles: all of them, as always; five: the first three.
    let four = with_extra_roles(&[("cto", "CTO")]);
    assert_eq!(role_columns(&four, &[]), [0, 1, 2, 3]);
    assert_eq!(compare(&four, &Filters::default()).columns, [0, 1, 2, 3]);
    let five = with_extra_roles(&[("cto", "CTO"), ("cfo", "CFO")]);
    assert_eq!(role_columns(&five, &[]), [0, 1, 2]);
    assert_eq!(compare(&five, &Filters::default()).columns, [0, 1, 2]);
    // The extra roles have no claims: the comparison is tiny()'s.
    assert_eq!(
        compare(&five, &Filters::default()),
        compare(&tiny(), &Filters::default())
    );

    let d = crowd();
    let c = compare(&d, &Filters::default());
    assert_eq!(c.columns, [0, 1, 2]);
    // Claims about roles that are not compared count only for the compared roles they name:
    // x-cio-cfo-cmo is the CIO's own statement, x-ciso-cto the CISO's, and x-cto, x-cfo and
    // x-board are about nobody compared.
    assert_eq!(
        detail(&d, &facets(&["focus", "duties", "reporting"])),
        [
            "focus/mission: Differs | x-cio-cfo-cmo | shared | shared || CIO+CISO+CSO: m-all m-all-2",
            "focus/scope: Differs | s-cio | s-ciso | gap",
            "duties/budget: Only CIO | d-budget | gap | gap",
            "duties/strategy: Differs | shared | x-ciso-cto | gap || CIO+CISO: d-strategy",
            "duties/training: Differs | shared | d-training-ciso | shared || CIO+CISO+CSO: d-training-all",
            "reporting/reports-to: Differs | r-cio | r-ciso | r-cso",
        ]
    );
    // Same rows as tiny(), but two more statements (x-cio-cfo-cmo, x-ciso-cto).
    assert_eq!((c.shown, c.total), (9, 9));
    assert_eq!((c.statements, c.statements_total), (19, 19));
}

#[test]
fn many_roles_honour_an_explicit_choice_and_fall_back_to_the_default() {
    let d = crowd();
    // Two roles that are not among the first three.
    let f = roles(&["cfo", "cto"]);
    assert_eq!(compare(&d, &f).columns, [3, 4]);
    assert_eq!(
        detail(&d, &f),
        [
            "focus/mission: Only CFO | gap | x-cio-cfo-cmo",
            "focus/scope: Only CTO | x-cto | gap",
            "focus/unstated: Only CFO | gap | x-cfo",
            "duties/strategy: Only CTO | x-ciso-cto | gap",
            "reporting/reports-to: Only CFO | gap | x-board",
        ]
    );
    // CFO and CMO share two statements.
    assert_eq!(
        detail(&d, &roles(&["cmo", "cfo"])),
        [
            "focus/mission: Shared | shared | shared || CFO+CMO: x-cio-cfo-cmo",
            "focus/unstated: Only CFO | x-cfo | gap",
            "reporting/reports-to: Shared | shared | shared || CFO+CMO: x-board",
        ]
    );
    // Every role, named: every column.
    let everyone: Vec<&str> = d.roles.iter().map(|r| r.id.as_str()).collect();
    let c = compare(&d, &roles(&everyone));
    assert_eq!(c.columns, [0, 1, 2, 3, 4, 5]);
    assert_eq!(c.statements, d.claims.len());
    // Names of which none exist mean the default, as an empty list does: the first three.
    for bogus in [&["nobody"][..], &["CTO"], &[""]] {
        assert_eq!(role_columns(&d, &ids(bogus)), [0, 1, 2], "{bogus:?}");
        assert_eq!(
            compare(&d, &roles(bogus)),
            compare(&d, &Filters::default()),
            "{bogus:?}"
        );
    }
    // Unknown names next to known ones are ignored.
    assert_eq!(role_columns(&d, &ids(&["nobody", "cmo", "cio"])), [0, 5]);
}

// ---------------------------------------------------------------------------------------------
// Sections (facets)
// ---------------------------------------------------------------------------------------------

#[test]
fn sections_alone_and_together() {
    check(
        &facets(&["duties"]),
        &[
            "duties/budget: Only CIO",
            "duties/strategy: Differs",
            "duties/training: Differs",
        ],
    );
    check_counts(&facets(&["duties"]), 3, 9);
    // Dataset order, whatever order they are asked in.
    check(
        &facets(&["reporting", "focus"]),
        &[
            "focus/mission: Shared",
            "focus/scope: Differs",
            "reporting/reports-to: Differs",
        ],
    );
    // A facet that is not a reader filter can still be named.
    check(
        &facets(&["collaboration"]),
        &["collaboration/together: Differs"],
    );
    // Unknown ids are ignored; only unknown ones mean every facet.
    check(
        &facets(&["nope", "reporting"]),
        &["reporting/reports-to: Differs"],
    );
    check(&facets(&["nope"]), &TINY_ALL);
    check_counts(&facets(&["nope"]), 9, 9);
}

// ---------------------------------------------------------------------------------------------
// Duty topic
// ---------------------------------------------------------------------------------------------

#[test]
fn a_duty_topic_shows_that_duty_alone() {
    // A narrowing select answers its own question: the other sections step aside.
    let f = Filters {
        duty_topic: Some(s("strategy")),
        ..Filters::default()
    };
    check(&f, &["duties/strategy: Differs"]);
    check_counts(&f, 1, 9);
    // With the duties section not picked, the picked sections and the narrowed one do not meet.
    let off = Filters {
        facets: ids(&["focus"]),
        ..f.clone()
    };
    check(&off, &[]);
    // With the duties facet alone: one row.
    let alone = Filters {
        facets: ids(&["duties"]),
        duty_topic: Some(s("budget")),
        ..Filters::default()
    };
    check(&alone, &["duties/budget: Only CIO"]);
    check_counts(&alone, 1, 9);
    // A topic of another facet, or an unknown one, matches no duty.
    for other in ["mission", "nope"] {
        let f = Filters {
            facets: ids(&["duties"]),
            duty_topic: Some(s(other)),
            ..Filters::default()
        };
        check(&f, &[]);
        check_counts(&f, 0, 9);
    }
}

// ---------------------------------------------------------------------------------------------
// Claim-level filters: issuer, suits, target
// ---------------------------------------------------------------------------------------------

#[test]
fn issuer_keeps_only_tagged_certification_claims() {
    let isc2 = Filters {
        issuer: Some(s("ISC2")),
        ..Filters::default()
    };
    // The untagged "recommended" row disappears; the issuer row becomes the CISO's alone.
    check(&isc2, &["certifications/issuer: Only CISO"]);
    check_counts(&isc2, 1, 9);
    let isaca = Filters {
        issuer: Some(s("ISACA")),
        ..Filters::default()
    };
    check_detail(
        &Filters {
            facets: ids(&["certifications"]),
            ..isaca.clone()
        },
        &["certifications/issuer: Differs | shared | shared | gap || CIO+CISO: c-isaca"],
    );
    // Between the CIO and the CISO the one ISACA claim is shared: a claim-level filter can turn
    // a differing row into a shared one.
    let pair = Filters {
        roles: ids(&["cio", "ciso"]),
        facets: ids(&["certifications"]),
        ..isaca
    };
    check_detail(
        &pair,
        &["certifications/issuer: Shared | shared | shared || CIO+CISO: c-isaca"],
    );
    let asis = Filters {
        issuer: Some(s("ASIS International")),
        ..Filters::default()
    };
    check(&asis, &["certifications/issuer: Only CSO"]);
    let nobody = Filters {
        issuer: Some(s("Nobody Inc")),
        ..Filters::default()
    };
    check(&nobody, &[]);
    check_counts(&nobody, 0, 9);
}

#[test]
fn suits_keeps_certification_claims_about_that_role() {
    let cio = Filters {
        suits: Some(s("cio")),
        ..Filters::default()
    };
    // The ISACA claim stays, shared by the CIO and the CISO: it is about the CIO too.
    check_detail(
        &Filters {
            facets: ids(&["certifications"]),
            ..cio.clone()
        },
        &[
            "certifications/recommended: Only CIO | c-pmp | gap | gap",
            "certifications/issuer: Differs | shared | shared | gap || CIO+CISO: c-isaca",
        ],
    );
    check(
        &cio,
        &[
            "certifications/recommended: Only CIO",
            "certifications/issuer: Differs",
        ],
    );
    let cso = Filters {
        suits: Some(s("cso")),
        ..Filters::default()
    };
    check(&cso, &["certifications/issuer: Only CSO"]);
    check_counts(&cso, 1, 9);
    // An unknown role suits nothing.
    let nobody = Filters {
        suits: Some(s("ceo")),
        ..Filters::default()
    };
    check(&nobody, &[]);
    // Issuer and suits together.
    let both = Filters {
        issuer: Some(s("ISACA")),
        suits: Some(s("ciso")),
        facets: ids(&["certifications"]),
        ..Filters::default()
    };
    check_detail(
        &both,
        &["certifications/issuer: Differs | shared | shared | gap || CIO+CISO: c-isaca"],
    );
    let none = Filters {
        issuer: Some(s("ISC2")),
        suits: Some(s("cio")),
        ..Filters::default()
    };
    check(&none, &[]);
}

#[test]
fn target_keeps_reporting_claims_with_that_target() {
    let cases: [(&str, &[&'static str]); 4] = [
        ("CEO", &["reporting/reports-to: Only CIO"]),
        ("CTO", &["reporting/reports-to: Only CISO"]),
        ("CIO", &["reporting/reports-to: Differs"]),
        ("Board", &[]),
    ];
    for (target, inside) in cases {
        let f = Filters {
            target: Some(s(target)),
            ..Filters::default()
        };
        check(&f, inside);
        check_counts(&f, inside.len(), 9);
    }
    check_detail(
        &Filters {
            target: Some(s("CIO")),
            facets: ids(&["reporting"]),
            ..Filters::default()
        },
        &["reporting/reports-to: Differs | gap | r-ciso | r-cso"],
    );
    // Tags are compared exactly.
    let lower = Filters {
        target: Some(s("ceo")),
        ..Filters::default()
    };
    check(&lower, &[]);
}

#[test]
fn claim_filters_show_their_own_facet_only() {
    let d = tiny();
    let cases = [
        ("certifications", Some("ISC2"), None, None),
        ("certifications", None, Some("cso"), None),
        ("certifications", Some("x"), Some("y"), None),
        ("reporting", None, None, Some("CTO")),
        ("reporting", None, None, Some("x")),
    ];
    for (facet, issuer, suits, target) in cases {
        let f = Filters {
            issuer: issuer.map(s),
            suits: suits.map(s),
            target: target.map(s),
            ..Filters::default()
        };
        let c = compare(&d, &f);
        assert!(
            c.rows().all(|(fi, _)| d.facets[fi].id == facet),
            "{f:?}: rows outside {facet}"
        );
        // The same as picking that section by hand.
        let picked = Filters {
            facets: ids(&[facet]),
            ..f.clone()
        };
        assert_eq!(c, compare(&d, &picked), "{f:?}");
    }
    // Two narrowed sections show both.
    let both = Filters {
        duty_topic: Some(s("budget")),
        target: Some(s("CTO")),
        ..Filters::default()
    };
    check(
        &both,
        &["duties/budget: Only CIO", "reporting/reports-to: Only CISO"],
    );
}

// ---------------------------------------------------------------------------------------------
// Modes
// ---------------------------------------------------------------------------------------------

#[test]
fn modes_filter_statements_with_three_roles() {
    check(&mode(Mode::All), &TINY_ALL);
    check_statements(&mode(Mode::All), 17, 17);
    // Differences hides the statements all three share (m-all, m-all-2, d-training-all): the
    // mission row goes, the training row keeps the CISO's own statement. Badges say how the
    // roles relate on the whole row, whatever the mode hides.
    check_detail(
        &mode(Mode::Differences),
        &[
            "focus/scope: Differs | s-cio | s-ciso | gap",
            "duties/budget: Only CIO | d-budget | gap | gap",
            "duties/strategy: Differs | shared | shared | gap || CIO+CISO: d-strategy",
            "duties/training: Differs | gap | d-training-ciso | gap",
            "certifications/recommended: Differs | c-pmp | c-cissp | gap",
            "certifications/issuer: Differs | shared | c-cissp-issuer | c-cpp || CIO+CISO: c-isaca",
            "reporting/reports-to: Differs | r-cio | r-ciso | r-cso",
            "collaboration/together: Differs | shared | shared | gap || CIO+CISO: k-together",
        ],
    );
    check(&mode(Mode::Differences), &TINY_ALL[1..]);
    check_counts(&mode(Mode::Differences), 8, 9);
    check_statements(&mode(Mode::Differences), 14, 17);
    // Shared keeps every statement two or more of them share, including those of two of three.
    check_detail(
        &mode(Mode::Shared),
        &[
            "focus/mission: Shared | shared | shared | shared || CIO+CISO+CSO: m-all m-all-2",
            "duties/strategy: Differs | shared | shared | gap || CIO+CISO: d-strategy",
            "duties/training: Differs | shared | shared | shared || CIO+CISO+CSO: d-training-all",
            "certifications/issuer: Differs | shared | shared | gap || CIO+CISO: c-isaca",
            "collaboration/together: Differs | shared | shared | gap || CIO+CISO: k-together",
        ],
    );
    check_counts(&mode(Mode::Shared), 5, 9);
    check_statements(&mode(Mode::Shared), 6, 17);
}

#[test]
fn modes_filter_statements_with_two_roles() {
    let pair = |m: Mode, r: &[&str]| Filters {
        mode: m,
        ..roles(r)
    };
    // Differences hides what the CIO and the CISO both hold, Shared shows only that: together
    // they are All, with nothing in both.
    check_detail(
        &pair(Mode::Differences, &["cio", "ciso"]),
        &[
            "focus/scope: Differs | s-cio | s-ciso",
            "duties/budget: Only CIO | d-budget | gap",
            "duties/training: Differs | gap | d-training-ciso",
            "certifications/recommended: Differs | c-pmp | c-cissp",
            "certifications/issuer: Differs | gap | c-cissp-issuer",
            "reporting/reports-to: Differs | r-cio | r-ciso",
        ],
    );
    check_statements(&pair(Mode::Differences, &["cio", "ciso"]), 9, 15);
    check_detail(
        &pair(Mode::Shared, &["cio", "ciso"]),
        &[
            "focus/mission: Shared | shared | shared || CIO+CISO: m-all m-all-2",
            "duties/strategy: Shared | shared | shared || CIO+CISO: d-strategy",
            "duties/training: Differs | shared | shared || CIO+CISO: d-training-all",
            "certifications/issuer: Differs | shared | shared || CIO+CISO: c-isaca",
            "collaboration/together: Shared | shared | shared || CIO+CISO: k-together",
        ],
    );
    check_statements(&pair(Mode::Shared, &["cio", "ciso"]), 6, 15);
    check(
        &pair(Mode::Shared, &["cio", "cso"]),
        &["focus/mission: Shared", "duties/training: Shared"],
    );
    // "Only X" rows are differences.
    check(
        &pair(Mode::Differences, &["ciso", "cso"]),
        &[
            "focus/scope: Only CISO",
            "duties/strategy: Only CISO",
            "duties/training: Differs",
            "certifications/recommended: Only CISO",
            "certifications/issuer: Differs",
            "reporting/reports-to: Differs",
            "collaboration/together: Only CISO",
        ],
    );
}

#[test]
fn modes_act_on_the_statements_the_claim_filters_leave() {
    // Between the CISO and the CSO nobody shares a reporting line, whatever the target.
    let f = Filters {
        roles: ids(&["ciso", "cso"]),
        target: Some(s("CIO")),
        facets: ids(&["reporting"]),
        mode: Mode::Shared,
        ..Filters::default()
    };
    check(&f, &[]);
    check_counts(&f, 0, 8);
    let f = Filters {
        mode: Mode::Differences,
        ..f
    };
    check(&f, &["reporting/reports-to: Differs"]);
    // With the ISACA issuer the CIO and the CISO hold the one statement left, together: a
    // difference among three roles, nothing to show as a difference between those two.
    let isaca = |m: Mode, r: &[&str]| Filters {
        issuer: Some(s("ISACA")),
        facets: ids(&["certifications"]),
        mode: m,
        ..roles(r)
    };
    check(
        &isaca(Mode::Differences, &[]),
        &["certifications/issuer: Differs"],
    );
    check(
        &isaca(Mode::Shared, &[]),
        &["certifications/issuer: Differs"],
    );
    check(&isaca(Mode::Differences, &["cio", "ciso"]), &[]);
    check(
        &isaca(Mode::Shared, &["cio", "ciso"]),
        &["certifications/issuer: Shared"],
    );
}

#[test]
fn mode_and_detail_spellings() {
    for m in Mode::ALL {
        assert_eq!(Mode::parse(m.as_str()), Some(m));
        assert_eq!(Mode::parse(&format!(" {} ", m.as_str())), Some(m));
    }
    assert_eq!(Mode::parse("Shared"), None);
    assert_eq!(Mode::parse(""), None);
    assert_eq!(Mode::default(), Mode::All);
    let labels: Vec<&str> = Mode::ALL.iter().map(|m| m.label()).collect();
    assert_eq!(
        labels,
        ["All statements", "Differences only", "Shared only"]
    );
    for level in Detail::ALL {
        assert_eq!(Detail::parse(level.as_str()), Some(level));
        assert_eq!(
            Detail::parse(&format!("\t{}\n", level.as_str())),
            Some(level)
        );
    }
    let spelled: Vec<&str> = Detail::ALL.iter().map(|l| l.as_str()).collect();
    assert_eq!(spelled, ["summary", "full"]);
    assert_eq!(Detail::parse("Full"), None);
    assert_eq!(Detail::parse(""), None);
    assert_eq!(Detail::default(), Detail::Summary);
}

// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

#[test]
fn search_is_case_insensitive_and_keeps_whole_rows() {
    check(&search("budget"), &["duties/budget: Only CIO"]);
    check(&search("BUDGET"), &["duties/budget: Only CIO"]);
    check(&search("  bUdGeT\t"), &["duties/budget: Only CIO"]);
    check_counts(&search("budget"), 1, 9);
    // A match in one claim keeps the whole row, every cell included.
    check_detail(
        &search("security staff"),
        &["duties/training: Differs | shared | d-training-ciso | shared || CIO+CISO+CSO: d-training-all"],
    );
    check(
        &search("cio"),
        &[
            "certifications/recommended: Differs",
            "reporting/reports-to: Differs",
        ],
    );
    check(&search("no such words"), &[]);
    check_counts(&search("no such words"), 0, 9);
}

#[test]
fn empty_or_blank_search_matches_everything() {
    for blank in ["", " ", "   ", "\t", "\n", " \u{3000} "] {
        assert_eq!(
            compare(&tiny(), &search(blank)),
            compare(&tiny(), &Filters::default()),
            "{blank:?}"
        );
    }
}

#[test]
fn search_with_unicode_case() {
    let together = ["collaboration/together: Differs"];
    for needle in [
        "été",
        "ÉTÉ",
        "Été",
        "straße",
        "İstanbul",
        "İSTANBUL",
        "istanbul",
    ] {
        check(&search(needle), &together);
    }
    // One character folds to one (`model::fold_case`): "ss" is not "ß", and outside Latin,
    // Greek and Cyrillic a character matches only itself (capital ẞ is not ß).
    for needle in ["strasse", "STRAẞE", "ete"] {
        check(&search(needle), &[]);
    }
}

#[test]
fn search_only_sees_claims_left_by_the_other_filters() {
    // "PMP" is only in the CIO's recommended certification; suits=ciso hides it.
    check(&search("PMP"), &["certifications/recommended: Differs"]);
    let f = Filters {
        suits: Some(s("ciso")),
        ..search("PMP")
    };
    check(&f, &[]);
    // …and the roles: the CSO and CISO never see the CIO's budget.
    let f = Filters {
        roles: ids(&["ciso", "cso"]),
        ..search("budget")
    };
    check(&f, &[]);
    check_counts(&f, 0, 8);
    // Search and mode narrow together: the search looks only at the statements the mode
    // leaves. "Trains every employee" is shared by all three, "Trains the security staff" is
    // the CISO's alone.
    let f = Filters {
        mode: Mode::Shared,
        ..search("trains")
    };
    check_detail(
        &f,
        &["duties/training: Differs | shared | shared | shared || CIO+CISO+CSO: d-training-all"],
    );
    let f = Filters {
        mode: Mode::Shared,
        ..search("security staff")
    };
    check(&f, &[]);
    let f = Filters {
        mode: Mode::Differences,
        ..search("every employee")
    };
    check(&f, &[]);
    check_statements(&f, 0, 17);
    let f = Filters {
        mode: Mode::Differences,
        ..search("trains")
    };
    check_detail(
        &f,
        &["duties/training: Differs | gap | d-training-ciso | gap"],
    );
    let f = Filters {
        mode: Mode::Shared,
        roles: ids(&["cio", "cso"]),
        ..search("trains")
    };
    check(&f, &["duties/training: Shared"]);
    // Search does not look at topic labels or facet labels.
    check(&search("Reporting lines"), &[]);
    check(&search("Mission"), &[]);
}

// ---------------------------------------------------------------------------------------------
// Counts
// ---------------------------------------------------------------------------------------------

#[test]
fn total_counts_rows_for_the_selected_roles_only() {
    // total and statements_total ignore every filter but the roles.
    let narrowed = Filters {
        facets: ids(&["reporting"]),
        duty_topic: Some(s("budget")),
        issuer: Some(s("ISC2")),
        suits: Some(s("cso")),
        target: Some(s("Board")),
        mode: Mode::Shared,
        search: s("zzz"),
        detail: Detail::Full,
        ..Filters::default()
    };
    check_counts(&narrowed, 0, 9);
    check_statements(&narrowed, 0, 17);
    // (roles, topics with a claim about them, claims about them), counted off TINY_CLAIMS.
    let cases: [(&[&str], usize, usize); 6] = [
        (&["ciso", "cso"], 8, 13),
        (&["cio", "cso"], 9, 12),
        (&["cio", "ciso"], 9, 15),
        (&["cso"], 4, 5),
        (&["cio"], 9, 10),
        (&["nobody"], 9, 17),
    ];
    for (pick, total, statements_total) in cases {
        let f = Filters {
            roles: ids(pick),
            ..narrowed.clone()
        };
        check_counts(&f, 0, total);
        check_statements(&f, 0, statements_total);
        check_counts(&roles(pick), total, total);
        check_statements(&roles(pick), statements_total, statements_total);
    }
}

// ---------------------------------------------------------------------------------------------
// Conflicts
// ---------------------------------------------------------------------------------------------

#[test]
fn conflicts_are_attached_only_when_they_concern_a_compared_role() {
    let d = tiny();
    assert_eq!(
        conflicts(&d, &Filters::default()),
        [
            "focus/scope: k-scope",
            "duties/budget: k-budget",
            "duties/strategy: k-strategy",
            "reporting/reports-to: k-reports",
        ]
    );
    // k-strategy concerns the CSO alone; k-scope concerns nobody in particular, so everyone.
    assert_eq!(
        conflicts(&d, &roles(&["cio", "ciso"])),
        [
            "focus/scope: k-scope",
            "duties/budget: k-budget",
            "reporting/reports-to: k-reports",
        ]
    );
    // k-budget concerns the CISO, so it goes with the CIO-only budget row only while the
    // CISO is compared.
    assert_eq!(
        conflicts(&d, &roles(&["cio", "cso"])),
        [
            "focus/scope: k-scope",
            "duties/strategy: k-strategy",
            "reporting/reports-to: k-reports",
        ]
    );
    // A hidden row takes its conflicts with it.
    assert_eq!(
        conflicts(&d, &facets(&["reporting"])),
        ["reporting/reports-to: k-reports"]
    );
    assert_eq!(conflicts(&d, &search("zzz")), Vec::<String>::new());
}

// ---------------------------------------------------------------------------------------------
// Filters::apply, is_narrowed, describe
// ---------------------------------------------------------------------------------------------

#[test]
fn apply_returns_none_for_actions_that_change_nothing() {
    let default = Filters::default();
    let no_ops = [
        Action::SetRoles(Vec::new()),
        Action::SetFacets(Vec::new()),
        Action::SetDutyTopic(None),
        Action::SetIssuer(None),
        Action::SetSuits(None),
        Action::SetTarget(None),
        Action::SetMode(Mode::All),
        Action::SetSearch(String::new()),
        Action::SetDetail(Detail::Summary),
        Action::Replace(Filters::default()),
        Action::Reset,
    ];
    for a in no_ops {
        assert_eq!(default.apply(a.clone()), None, "{a:?}");
    }
    let narrowed = Filters {
        roles: ids(&["cio", "cso"]),
        facets: ids(&["duties"]),
        duty_topic: Some(s("budget")),
        issuer: Some(s("ISC2")),
        suits: Some(s("ciso")),
        target: Some(s("CEO")),
        mode: Mode::Shared,
        search: s("x"),
        detail: Detail::Full,
    };
    let same = [
        Action::SetRoles(ids(&["cio", "cso"])),
        Action::SetFacets(ids(&["duties"])),
        Action::SetDutyTopic(Some(s("budget"))),
        Action::SetIssuer(Some(s("ISC2"))),
        Action::SetSuits(Some(s("ciso"))),
        Action::SetTarget(Some(s("CEO"))),
        Action::SetMode(Mode::Shared),
        Action::SetSearch(s("x")),
        Action::SetDetail(Detail::Full),
        Action::Replace(narrowed.clone()),
    ];
    for a in same {
        assert_eq!(narrowed.apply(a.clone()), None, "{a:?}");
    }
}

#[test]
fn apply_changes_exactly_one_field_per_action() {
    let d = Filters::default();
    let expect = |a: Action, f: Filters| assert_eq!(d.apply(a.clone()), Some(f), "{a:?}");
    expect(
        Action::SetRoles(ids(&["cio", "ciso"])),
        roles(&["cio", "ciso"]),
    );
    expect(Action::SetFacets(ids(&["duties"])), facets(&["duties"]));
    expect(
        Action::SetDutyTopic(Some(s("budget"))),
        Filters {
            duty_topic: Some(s("budget")),
            ..Filters::default()
        },
    );
    expect(
        Action::SetIssuer(Some(s("ISACA"))),
        Filters {
            issuer: Some(s("ISACA")),
            ..Filters::default()
        },
    );
    expect(
        Action::SetSuits(Some(s("cso"))),
        Filters {
            suits: Some(s("cso")),
            ..Filters::default()
        },
    );
    expect(
        Action::SetTarget(Some(s("CTO"))),
        Filters {
            target: Some(s("CTO")),
            ..Filters::default()
        },
    );
    expect(Action::SetMode(Mode::Differences), mode(Mode::Differences));
    expect(Action::SetSearch(s("cio")), search("cio"));
    expect(
        Action::SetDetail(Detail::Full),
        Filters {
            detail: Detail::Full,
            ..Filters::default()
        },
    );
    // apply compares spellings, not meanings: whitespace is a change even though it matches
    // everything, and so is listing every role.
    expect(Action::SetSearch(s(" ")), search(" "));
    expect(
        Action::SetRoles(ids(&["cio", "ciso", "cso"])),
        roles(&["cio", "ciso", "cso"]),
    );
    // Reset and Replace from a narrowed state.
    let narrowed = Filters {
        mode: Mode::Shared,
        ..roles(&["cio", "cso"])
    };
    assert_eq!(narrowed.apply(Action::Reset), Some(Filters::default()));
    assert_eq!(
        narrowed.apply(Action::Replace(search("a"))),
        Some(search("a"))
    );
    assert_eq!(
        narrowed.apply(Action::SetSearch(s("a"))),
        Some(Filters {
            search: s("a"),
            ..narrowed.clone()
        })
    );
}

#[test]
fn is_narrowed_ignores_the_role_choice_and_the_detail_level() {
    assert!(!Filters::default().is_narrowed());
    assert!(!roles(&["cio", "ciso"]).is_narrowed());
    assert!(!Filters {
        detail: Detail::Full,
        ..roles(&["cio", "ciso"])
    }
    .is_narrowed());
    assert!(facets(&["duties"]).is_narrowed());
    assert!(mode(Mode::Shared).is_narrowed());
    assert!(search(" ").is_narrowed());
    assert!(Filters {
        target: Some(s("CEO")),
        ..roles(&["cio", "cso"])
    }
    .is_narrowed());
}

#[test]
fn active_count_counts_the_folded_filters() {
    assert_eq!(Filters::default().active_count(), 0);
    // Roles stay in reach and the detail level is not a filter: neither counts.
    let plain = Filters {
        detail: Detail::Full,
        ..roles(&["cio", "cso"])
    };
    assert_eq!(plain.active_count(), 0);
    assert_eq!(facets(&["duties"]).active_count(), 1);
    assert_eq!(mode(Mode::Shared).active_count(), 1);
    assert_eq!(search("budget").active_count(), 1);
    // A blank search matches everything, so it is not active.
    assert_eq!(search(" \t ").active_count(), 0);
    let every = Filters {
        facets: ids(&["duties"]),
        duty_topic: Some(s("budget")),
        issuer: Some(s("ISC2")),
        suits: Some(s("ciso")),
        target: Some(s("CEO")),
        mode: Mode::Differences,
        search: s("x"),
        ..plain
    };
    assert_eq!(every.active_count(), 7);
}

#[test]
fn detail_opens_in_full_or_as_soon_as_the_detail_is_narrowed() {
    assert!(!Filters::default().detail_open());
    assert!(!roles(&["cio", "ciso"]).detail_open());
    // Choosing sections narrows the key differences too: the detail stays folded.
    assert!(!facets(&["duties"]).detail_open());
    assert!(!search("  ").detail_open());
    let open = [
        Filters {
            detail: Detail::Full,
            ..Filters::default()
        },
        mode(Mode::Differences),
        mode(Mode::Shared),
        search("budget"),
        Filters {
            duty_topic: Some(s("budget")),
            ..Filters::default()
        },
        Filters {
            issuer: Some(s("ISC2")),
            ..Filters::default()
        },
        Filters {
            suits: Some(s("cso")),
            ..Filters::default()
        },
        Filters {
            target: Some(s("CEO")),
            ..Filters::default()
        },
    ];
    for f in open {
        assert!(f.detail_open(), "{f:?}");
    }
}

#[test]
fn describe_wording() {
    let d = tiny();
    assert_eq!(Filters::default().describe(&d), Vec::<String>::new());
    assert_eq!(roles(&["cio", "ciso"]).describe(&d), Vec::<String>::new());
    assert_eq!(mode(Mode::All).describe(&d), Vec::<String>::new());
    assert_eq!(search("  ").describe(&d), Vec::<String>::new());
    let every = Filters {
        roles: ids(&["cio", "cso"]),
        facets: ids(&["reporting", "duties", "nope"]),
        duty_topic: Some(s("budget")),
        issuer: Some(s("ISC2")),
        suits: Some(s("ciso")),
        target: Some(s("CEO")),
        mode: Mode::Differences,
        search: s("  été  "),
        detail: Detail::Full,
    };
    assert_eq!(
        every.describe(&d),
        [
            "sections: Duties, Reporting lines",
            "duty: Budget",
            "issuing body: ISC2",
            "certifications for: CISO",
            "reports to: CEO",
            "mode: differences only",
            "search: \u{201c}été\u{201d}",
        ]
    );
    assert_eq!(mode(Mode::Shared).describe(&d), ["mode: shared only"]);
    // Unknown ids are shown as given.
    let unknown = Filters {
        duty_topic: Some(s("nope")),
        suits: Some(s("ceo")),
        ..Filters::default()
    };
    assert_eq!(
        unknown.describe(&d),
        ["duty: nope", "certifications for: ceo"]
    );
}

// ---------------------------------------------------------------------------------------------
// matches
// ---------------------------------------------------------------------------------------------

/// No match.
const NONE: [(usize, usize); 0] = [];

/// The matched byte ranges as (start, end) pairs, checked for well-formedness.
fn at(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let ranges = matches(text, needle);
    assert_well_formed(text, needle, &ranges);
    ranges.into_iter().map(|r| (r.start, r.end)).collect()
}

/// The matched substrings.
fn found<'a>(text: &'a str, needle: &str) -> Vec<&'a str> {
    let ranges = matches(text, needle);
    assert_well_formed(text, needle, &ranges);
    ranges.into_iter().map(|r| &text[r]).collect()
}

/// Folded, char by char: what `matches` compares.
fn lower(x: &str) -> String {
    role_compare::model::fold_str(x)
}

#[track_caller]
fn assert_well_formed(text: &str, needle: &str, ranges: &[std::ops::Range<usize>]) {
    let mut last = 0;
    for r in ranges {
        assert!(
            r.start < r.end,
            "empty range {r:?} for {needle:?} in {text:?}"
        );
        assert!(r.start >= last, "overlap or disorder at {r:?} in {text:?}");
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "{r:?} is not on char boundaries of {text:?}"
        );
        assert_eq!(
            lower(&text[r.clone()]),
            lower(needle.trim()),
            "{r:?} of {text:?} does not match {needle:?}"
        );
        last = r.end;
    }
}

#[test]
fn matches_ascii() {
    assert_eq!(at("IT budget", "budget"), [(3, 9)]);
    assert_eq!(found("Budget and BUDGET", "budget"), ["Budget", "BUDGET"]);
    assert_eq!(found("aaaa", "aa"), ["aa", "aa"]);
    assert_eq!(at("aaa", "aa"), [(0, 2)]);
    assert_eq!(at("abc", "abcd"), NONE);
    assert_eq!(at("abc", ""), NONE);
    assert_eq!(at("abc", "   "), NONE);
    assert_eq!(at("", "a"), NONE);
    assert_eq!(at("", ""), NONE);
    // The needle is trimmed; inner spaces count.
    assert_eq!(at("the IT budget", "  it budget\n"), [(4, 13)]);
    assert_eq!(at("the IT  budget", "it budget"), NONE);
}

#[test]
fn matches_unicode_case() {
    // é is two bytes.
    assert_eq!(at("Un été chaud", "ÉTÉ"), [(3, 8)]);
    assert_eq!(at("L'ÉTÉ", "été"), [(2, 7)]);
    // Latin Extended-A, Greek and Cyrillic fold too.
    assert_eq!(at("ŁÓDŹ", "łódź"), [(0, 7)]);
    assert_eq!(at("ΟΔΟΣ", "οδοσ"), [(0, 8)]);
    assert_eq!(at("Москва", "МОСКВА"), [(0, 12)]);
    // Final sigma folds to sigma, as case folding does.
    assert_eq!(at("ΟΔΟΣ", "οδος"), [(0, 8)]);
    // İ folds to a plain i (one char to one char); dotless ı is its own letter.
    assert_eq!(at("İstanbul", "istanbul"), [(0, 9)]);
    assert_eq!(at("İstanbul", "İSTANBUL"), [(0, 9)]);
    assert_eq!(at("İi", "i"), [(0, 2), (2, 3)]);
    assert_eq!(at("İ", "\u{307}"), NONE);
    assert_eq!(at("i\u{307}", "\u{307}"), [(1, 3)]);
    assert_eq!(at("KIRIK", "kirik"), [(0, 5)]);
    assert_eq!(at("KIRIK", "kırık"), NONE);
    // Outside those scripts a character matches only itself (no Unicode case tables in the
    // wasm, issue 16): ẞ is not ß, the Kelvin sign is not k.
    assert_eq!(at("STRAẞE", "straße"), NONE);
    assert_eq!(at("STRAẞE", "STRAẞE"), [(0, 8)]);
    assert_eq!(at("5 \u{212a}", "k"), NONE);
    // Emoji and combining marks around a match.
    assert_eq!(at("🙂x🙂", "X"), [(4, 5)]);
    assert_eq!(at("e\u{301}te\u{301}", "E\u{301}"), [(0, 3), (4, 7)]);
}

/// Where `fold_case` maps a character, it maps it as `char::to_lowercase` does (one character to
/// one), except the two deliberate folds (İ to i, final ς to σ); and every character of the
/// bundled dataset folds exactly as `to_lowercase` lowercases it, so search over the bundled
/// data finds what it found with the full Unicode tables.
#[test]
fn fold_case_agrees_with_to_lowercase() {
    use role_compare::model::fold_case;
    for c in (0..0x500).filter_map(char::from_u32) {
        let folded = fold_case(c);
        if folded == c || c == 'İ' || c == 'ς' {
            continue;
        }
        let lower: Vec<char> = c.to_lowercase().collect();
        assert_eq!(lower, [folded], "{c:?} (U+{:04X})", c as u32);
    }
    // And none of the cased letters of those blocks is missed.
    for c in ('A'..='Z')
        .chain('À'..='Þ')
        .chain('Α'..='Ω')
        .chain('А'..='Я')
    {
        if c != '×' && c != '\u{3a2}' {
            assert_ne!(fold_case(c), c, "{c:?} is not folded");
        }
    }
    let d = data::bundled();
    let texts = d
        .claims
        .iter()
        .map(|c| c.text.as_str())
        .chain([data::BUNDLED_JSON]);
    for c in texts.flat_map(str::chars) {
        let lower: Vec<char> = c.to_lowercase().collect();
        assert_eq!(lower, [fold_case(c)], "{c:?} in the bundled dataset");
    }
}

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

const TRICKY: [char; 24] = [
    'a', 'A', 'i', 'I', 'İ', 'ı', 'ß', 'ẞ', 'é', 'É', 'e', '\u{301}', '\u{307}', 'Σ', 'σ', 'ς',
    '\u{212a}', 'k', '🙂', ' ', 'ǅ', 'ﬁ', 'Ω', '\u{2126}',
];

#[test]
fn matches_never_panics_and_finds_every_substring() {
    let mut rng = Rng(7);
    for case in 0..20_000 {
        let len = rng.below(12);
        let text: String = (0..len).map(|_| *rng.pick(&TRICKY)).collect();
        let needle: String = if rng.percent(50) && !text.is_empty() {
            // A substring of the text, cut on char boundaries.
            let cuts: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            let a = rng.below(cuts.len());
            let b = a + rng.below(cuts.len() - a);
            text[cuts[a]..cuts[b]].to_owned()
        } else {
            (0..rng.below(4)).map(|_| *rng.pick(&TRICKY)).collect()
        };
        let ranges = matches(&text, &needle);
        assert_well_formed(&text, &needle, &ranges);
        let trimmed = needle.trim();
        if !trimmed.is_empty() && text.contains(trimmed) {
            assert!(
                !ranges.is_empty(),
                "case {case}: {trimmed:?} is in {text:?} but was not found"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The bundled dataset
// ---------------------------------------------------------------------------------------------

/// Rows of the bundled data with claims about at least one of `roles` (every role when empty),
/// counted straight from the claims.
fn topics_with_claims(d: &Dataset, roles: &[&str]) -> usize {
    let keys: BTreeSet<(&str, &str)> = d
        .claims
        .iter()
        .filter(|c| names_any(c, roles))
        .map(|c| (c.facet.as_str(), c.topic.as_str()))
        .collect();
    keys.len()
}

/// Whether `claim` names at least one of `roles` (any role when empty).
fn names_any(claim: &Claim, roles: &[&str]) -> bool {
    roles.is_empty() || claim.roles.iter().any(|r| roles.contains(&r.as_str()))
}

/// How many of `roles` `claim` names.
fn names_how_many(claim: &Claim, roles: &[&str]) -> usize {
    roles
        .iter()
        .filter(|r| claim.roles.iter().any(|x| x == *r))
        .count()
}

/// The ids of the claims a comparison shows, as a set.
fn claim_set(d: &Dataset, c: &Comparison) -> BTreeSet<String> {
    shown_claims(d, c).into_iter().collect()
}

#[test]
fn bundled_counts_agree_with_the_claims() {
    let d = data::bundled();
    let all = compare(&d, &Filters::default());
    assert_eq!(all.shown, topics_with_claims(&d, &[]));
    assert_eq!(all.total, all.shown);
    assert_eq!(all.columns, [0, 1, 2]);
    // Every claim is about a role, and shows once.
    assert_eq!(all.statements, d.claims.len());
    assert_eq!(all.statements_total, d.claims.len());
    for pair in [["cio", "ciso"], ["ciso", "cso"], ["cio", "cso"]] {
        let c = compare(&d, &roles(&pair));
        assert_eq!(c.total, topics_with_claims(&d, &pair), "{pair:?}");
        assert_eq!(c.shown, c.total);
        let about = d.claims.iter().filter(|x| names_any(x, &pair)).count();
        assert_eq!(c.statements_total, about, "{pair:?}");
        assert_eq!(c.statements, about, "{pair:?}");
    }
}

/// The "done when", on the bundled data with the three roles: the modes change what the
/// reader sees.
#[test]
fn bundled_three_roles_differences_show_fewer_and_shared_some() {
    let d = data::bundled();
    let three: Vec<&str> = d.roles.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(three, ["cio", "ciso", "cso"]);
    let all = compare(&d, &mode(Mode::All));
    let differences = compare(&d, &mode(Mode::Differences));
    let shared = compare(&d, &mode(Mode::Shared));
    assert!(
        differences.statements < all.statements,
        "Differences shows {} of {} statements: it hides nothing",
        differences.statements,
        all.statements
    );
    assert!(shared.statements > 0, "Shared shows nothing");
    // Exactly: Differences hides the claims about all three, Shared keeps those about two or
    // more, counted straight off the claims.
    let by_count = |k: &dyn Fn(usize) -> bool| {
        d.claims
            .iter()
            .filter(|c| k(names_how_many(c, &three)))
            .count()
    };
    assert_eq!(differences.statements, by_count(&|n| (1..3).contains(&n)));
    assert_eq!(shared.statements, by_count(&|n| n >= 2));
    // And what they show is what they claim to show.
    for (_, row) in differences.rows() {
        for ci in row.claims() {
            assert!(
                names_how_many(&d.claims[ci], &three) < 3,
                "{}",
                d.claims[ci].id
            );
        }
    }
    for (_, row) in shared.rows() {
        for ci in row.claims() {
            assert!(
                names_how_many(&d.claims[ci], &three) >= 2,
                "{}",
                d.claims[ci].id
            );
        }
        assert!(row.cells.iter().all(|c| !matches!(c, Cell::Claims(_))));
    }
    // Together they are everything.
    let union: BTreeSet<String> = claim_set(&d, &differences)
        .union(&claim_set(&d, &shared))
        .cloned()
        .collect();
    assert_eq!(union, claim_set(&d, &all));
}

/// A claim about two (or three) compared roles appears once in its row: in one shared group,
/// in no role's cell.
#[test]
fn bundled_a_claim_about_several_roles_appears_once_in_its_row() {
    let d = data::bundled();
    let mut several = 0;
    for pick in [
        &["cio", "ciso", "cso"][..],
        &["cio", "ciso"],
        &["ciso", "cso"],
        &["cio", "cso"],
    ] {
        let c = compare(&d, &roles(pick));
        for (fi, row) in c.rows() {
            let here: Vec<usize> = row.claims().collect();
            let unique: BTreeSet<usize> = here.iter().copied().collect();
            assert_eq!(
                unique.len(),
                here.len(),
                "{pick:?} {}: a repeated statement",
                key(&d, fi, row)
            );
            for ci in here {
                let claim = &d.claims[ci];
                let n = names_how_many(claim, pick);
                let in_cells = row
                    .cells
                    .iter()
                    .filter(|cell| matches!(cell, Cell::Claims(ids) if ids.contains(&ci)))
                    .count();
                let in_groups: Vec<&Shared> = row
                    .shared
                    .iter()
                    .filter(|g| g.claims.contains(&ci))
                    .collect();
                if n >= 2 {
                    several += 1;
                    assert_eq!((in_cells, in_groups.len()), (0, 1), "{pick:?} {}", claim.id);
                    let who: Vec<&str> = in_groups[0]
                        .columns
                        .iter()
                        .map(|&col| d.roles[c.columns[col]].id.as_str())
                        .collect();
                    assert_eq!(who.len(), n, "{pick:?} {}: {who:?}", claim.id);
                    assert!(who.iter().all(|r| claim.roles.iter().any(|x| x == r)));
                } else {
                    assert_eq!((in_cells, in_groups.len()), (1, 0), "{pick:?} {}", claim.id);
                }
            }
        }
        // Each statement once in the whole table, too.
        let ids = shown_claims(&d, &c);
        assert_eq!(ids.len(), claim_set(&d, &c).len(), "{pick:?}");
    }
    assert!(several > 0, "the bundled data has no claim about two roles");
}

/// With two roles, Differences hides exactly the statements both share, and Shared shows
/// exactly those.
#[test]
fn bundled_two_roles_differences_hide_what_both_share() {
    let d = data::bundled();
    for pair in [["cio", "ciso"], ["ciso", "cso"], ["cio", "cso"]] {
        let f = |m: Mode| Filters {
            mode: m,
            ..roles(&pair)
        };
        let all = compare(&d, &f(Mode::All));
        let differences = compare(&d, &f(Mode::Differences));
        let shared = compare(&d, &f(Mode::Shared));
        let both: BTreeSet<String> = d
            .claims
            .iter()
            .filter(|c| names_how_many(c, &pair) == 2)
            .map(|c| c.id.clone())
            .collect();
        let seen = claim_set(&d, &differences);
        assert!(
            seen.is_disjoint(&both),
            "{pair:?}: Differences shows a shared statement"
        );
        assert_eq!(claim_set(&d, &shared), both, "{pair:?}");
        let rest: BTreeSet<String> = claim_set(&d, &all).difference(&both).cloned().collect();
        assert_eq!(seen, rest, "{pair:?}");
        // No row of Differences is Shared: a row whose statements are all shared is gone.
        assert!(
            differences.rows().all(|(_, r)| r.status != Status::Shared),
            "{pair:?}"
        );
    }
}

#[test]
fn bundled_reporting_lines_and_disputes() {
    let d = data::bundled();
    // The reporting row: every role has a line, and the sources name different bosses.
    let f = facets(&["reporting"]);
    assert_eq!(rows(&d, &f), ["reporting/reports-to: Differs"]);
    let row_conflicts = conflicts(&d, &f);
    assert_eq!(row_conflicts.len(), 1);
    for k in ["ciso-reports-to", "cso-reports-to", "cio-reports-to"] {
        assert!(row_conflicts[0].contains(k), "{row_conflicts:?} lacks {k}");
    }
    // Whom the CIO reports to concerns the CIO alone: without the CIO, that dispute goes.
    let no_cio = Filters {
        roles: ids(&["ciso", "cso"]),
        ..f.clone()
    };
    let k = conflicts(&d, &no_cio);
    assert!(!k[0].contains("cio-reports-to"), "{k:?}");
    // Physical security: disputed between CISO and CSO, so attached whenever either is compared.
    let duties = facets(&["duties"]);
    let physical = |f: &Filters| {
        conflicts(&d, f)
            .into_iter()
            .any(|k| k.starts_with("duties/physical-security:"))
    };
    assert!(physical(&duties));
    assert!(physical(&Filters {
        roles: ids(&["cio", "cso"]),
        ..duties.clone()
    }));
    // Between the CIO and the CISO it concerns the CISO, so it stays (on a CISO-only row).
    assert!(physical(&Filters {
        roles: ids(&["cio", "ciso"]),
        ..duties.clone()
    }));
    // The issuer filter leaves only issuing-body facts in the certifications facet.
    let isc2 = Filters {
        facets: ids(&["certifications"]),
        issuer: Some(s("ISC2")),
        ..Filters::default()
    };
    assert_eq!(rows(&d, &isc2), ["certifications/issuer: Only CISO"]);
}

// ---------------------------------------------------------------------------------------------
// Property test
// ---------------------------------------------------------------------------------------------

/// The rules re-stated from the docs, independently of `src/core/compare.rs` (search excepted: it
/// uses `matches`, tested above on its own).
fn reference(d: &Dataset, f: &Filters) -> Comparison {
    // Columns: the roles named, in dataset order; none named that exists means the default:
    // every role, or the first three of more than four.
    let named: Vec<usize> = (0..d.roles.len())
        .filter(|&i| f.roles.contains(&d.roles[i].id))
        .collect();
    let columns: Vec<usize> = if !named.is_empty() {
        named
    } else if d.roles.len() > 4 {
        vec![0, 1, 2]
    } else {
        (0..d.roles.len()).collect()
    };
    let n = columns.len();
    let any_facet = d.facets.iter().any(|x| f.facets.contains(&x.id));
    // A set narrowing select shows only the section it narrows.
    let narrowing = [
        ("duties", f.duty_topic.is_some()),
        ("certifications", f.issuer.is_some() || f.suits.is_some()),
        ("reporting", f.target.is_some()),
    ];
    let narrowed: Vec<&str> = narrowing.iter().filter(|n| n.1).map(|n| n.0).collect();
    let facet_on = |id: &String| {
        (!any_facet || f.facets.contains(id))
            && (narrowed.is_empty() || narrowed.contains(&id.as_str()))
    };
    // The compared columns a claim names, ascending.
    let cover = |c: &Claim| -> Vec<usize> {
        (0..n)
            .filter(|&col| c.roles.contains(&d.roles[columns[col]].id))
            .collect()
    };
    let has_tag = |c: &Claim, key: &str, v: &Option<String>| match v {
        None => true,
        Some(v) => c.tags.get(key).is_some_and(|vs| vs.iter().any(|x| x == v)),
    };
    let keep = |c: &Claim| match c.facet.as_str() {
        "certifications" => {
            has_tag(c, "issuer", &f.issuer)
                && f.suits
                    .as_ref()
                    .is_none_or(|r| c.roles.iter().any(|x| x == r))
        }
        "reporting" => has_tag(c, "target", &f.target),
        _ => true,
    };
    let wanted = |cols: &[usize]| match f.mode {
        Mode::All => true,
        Mode::Differences => n < 2 || cols.len() < n,
        Mode::Shared => cols.len() >= 2,
    };
    let mut out = Comparison {
        columns: columns.clone(),
        groups: Vec::new(),
        shown: 0,
        total: 0,
        statements: 0,
        statements_total: 0,
    };
    for (fi, facet) in d.facets.iter().enumerate() {
        let mut rows = Vec::new();
        for (ti, topic) in facet.topics.iter().enumerate() {
            // The topic's claims about a compared role, in dataset order, with their columns.
            let about: Vec<(usize, Vec<usize>)> = d
                .claims
                .iter()
                .enumerate()
                .filter(|(_, c)| c.facet == facet.id && c.topic == topic.id)
                .map(|(i, c)| (i, cover(c)))
                .filter(|(_, cols)| !cols.is_empty())
                .collect();
            if !about.is_empty() {
                out.total += 1;
                out.statements_total += about.len();
            }
            if !facet_on(&facet.id)
                || (facet.id == "duties" && f.duty_topic.as_ref().is_some_and(|t| t != &topic.id))
            {
                continue;
            }
            let kept: Vec<&(usize, Vec<usize>)> =
                about.iter().filter(|(i, _)| keep(&d.claims[*i])).collect();
            let filled: BTreeSet<usize> = kept.iter().flat_map(|(_, cols)| cols.clone()).collect();
            let status = match filled.len() {
                0 => continue,
                1 if n > 1 => Status::Only(*filled.iter().next().unwrap()),
                k if k == n && kept.iter().all(|(_, cols)| cols.len() == n) => Status::Shared,
                _ => Status::Differs,
            };
            let visible: Vec<&(usize, Vec<usize>)> =
                kept.into_iter().filter(|(_, cols)| wanted(cols)).collect();
            if visible.is_empty() {
                continue;
            }
            let found = f.search.trim().is_empty()
                || visible
                    .iter()
                    .any(|(ci, _)| !matches(&d.claims[*ci].text, &f.search).is_empty());
            if !found {
                continue;
            }
            let mut shared: Vec<Shared> = Vec::new();
            for (ci, cols) in visible.iter().filter(|(_, cols)| cols.len() > 1) {
                match shared.iter().position(|g| &g.columns == cols) {
                    Some(at) => shared[at].claims.push(*ci),
                    None => shared.push(Shared {
                        columns: cols.clone(),
                        claims: vec![*ci],
                    }),
                }
            }
            let cells: Vec<Cell> = (0..n)
                .map(|col| {
                    let own: Vec<usize> = visible
                        .iter()
                        .filter(|(_, cols)| cols[..] == [col])
                        .map(|(ci, _)| *ci)
                        .collect();
                    if !own.is_empty() {
                        Cell::Claims(own)
                    } else if shared.iter().any(|g| g.columns.contains(&col)) {
                        Cell::InShared
                    } else {
                        Cell::Gap
                    }
                })
                .collect();
            let col_ids: Vec<&String> = columns.iter().map(|&i| &d.roles[i].id).collect();
            let conflicts = d
                .conflicts
                .iter()
                .enumerate()
                .filter(|(_, k)| k.facet == facet.id && k.topic == topic.id)
                .filter(|(_, k)| k.roles.is_empty() || k.roles.iter().any(|r| col_ids.contains(&r)))
                .map(|(i, _)| i)
                .collect();
            out.statements += visible.len();
            rows.push(Row {
                topic: ti,
                cells,
                shared,
                status,
                conflicts,
            });
        }
        out.shown += rows.len();
        if !rows.is_empty() {
            out.groups.push(Group { facet: fi, rows });
        }
    }
    out
}

/// Random filters over `d`, mostly with real ids and tag values, sometimes with bogus ones.
fn random_filters(rng: &mut Rng, d: &Dataset) -> Filters {
    let some_of = |rng: &mut Rng, all: Vec<String>| -> Vec<String> {
        if rng.percent(40) {
            return Vec::new();
        }
        let mut out: Vec<String> = all.into_iter().filter(|_| rng.percent(50)).collect();
        if rng.percent(10) {
            out.push(s("bogus"));
        }
        if rng.percent(20) {
            // Shuffle a little: order asked must not matter.
            out.reverse();
        }
        out
    };
    let roles = some_of(rng, d.roles.iter().map(|r| r.id.clone()).collect());
    let facets = some_of(rng, d.facets.iter().map(|x| x.id.clone()).collect());
    let tag_values = |key: &str| -> Vec<String> {
        let set: BTreeSet<&String> = d
            .claims
            .iter()
            .flat_map(|c| c.tags.get(key))
            .flatten()
            .collect();
        set.into_iter().cloned().collect()
    };
    let option = |rng: &mut Rng, mut values: Vec<String>| -> Option<String> {
        values.push(s("bogus"));
        rng.percent(50).then(|| rng.pick(&values).clone())
    };
    let duty_topic = option(
        rng,
        d.facet("duties")
            .map(|x| x.topics.iter().map(|t| t.id.clone()).collect())
            .unwrap_or_default(),
    );
    let issuer = option(rng, tag_values("issuer"));
    let suits = option(rng, d.roles.iter().map(|r| r.id.clone()).collect());
    let target = option(rng, tag_values("target"));
    let mode = *rng.pick(&Mode::ALL);
    let search = match rng.below(6) {
        0 | 1 => String::new(),
        2 => rng
            .pick::<&str>(&[" ", "zzqx", "ÉTÉ", "İ", "security", "CISO", "the cio"])
            .to_string(),
        _ => {
            // A piece of a claim's text, cut on char boundaries, in random case.
            let text: Vec<char> = rng.pick(&d.claims).text.chars().collect();
            let a = rng.below(text.len());
            let b = (a + 1 + rng.below(12)).min(text.len());
            let piece: String = text[a..b].iter().collect();
            if rng.percent(50) {
                piece.to_uppercase()
            } else {
                piece
            }
        }
    };
    let detail = *rng.pick(&Detail::ALL);
    Filters {
        roles,
        facets,
        duty_topic,
        issuer,
        suits,
        target,
        mode,
        search,
        detail,
    }
}

/// Rows as comparable keys: (facet, topic).
fn row_set(c: &Comparison) -> BTreeSet<(usize, usize)> {
    c.rows().map(|(fi, r)| (fi, r.topic)).collect()
}

/// Every statement shown, as (facet, topic, claim index).
fn statement_set(c: &Comparison) -> BTreeSet<(usize, usize, usize)> {
    c.rows()
        .flat_map(|(fi, r)| r.claims().map(move |ci| (fi, r.topic, ci)))
        .collect()
}

fn property(d: &Dataset, cases: usize, seed: u64) {
    let mut rng = Rng(seed);
    for case in 0..cases {
        let f = random_filters(&mut rng, d);
        let c = compare(d, &f);
        let ctx = format!("case {case} (seed {seed}): {f:?}");
        assert_eq!(c, reference(d, &f), "{ctx}: differs from the reference");
        let n = c.columns.len();
        let with = |g: &dyn Fn(&mut Filters)| {
            let mut f = f.clone();
            g(&mut f);
            compare(d, &f)
        };

        // The detail level is the view's business, not the comparison's.
        assert_eq!(
            c,
            with(&|f| f.detail = Detail::default()),
            "{ctx}: detail changed the comparison"
        );

        // Counts.
        assert!(c.shown <= c.total, "{ctx}");
        assert!(c.statements <= c.statements_total, "{ctx}");
        assert_eq!(c.shown, c.rows().count(), "{ctx}");
        assert_eq!(
            c.statements,
            c.rows().map(|(_, r)| r.claims().count()).sum::<usize>(),
            "{ctx}"
        );
        let plain = compare(
            d,
            &Filters {
                roles: f.roles.clone(),
                ..Filters::default()
            },
        );
        assert_eq!(
            (c.total, c.statements_total),
            (plain.total, plain.statements_total),
            "{ctx}: totals depend on more than roles"
        );
        assert_eq!(plain.shown, plain.total, "{ctx}");
        assert_eq!(plain.statements, plain.statements_total, "{ctx}");

        // The table keeps the layout's rows and hides the rest: every shown row is a layout
        // row with the same cells, shared statements, status and conflicts, in the same order.
        let layout = layout(d, &f);
        assert_eq!(layout.columns, c.columns, "{ctx}");
        let kept: Vec<(usize, &Row)> = layout
            .rows()
            .filter(|(fi, r)| row_set(&c).contains(&(*fi, r.topic)))
            .collect();
        let shown: Vec<(usize, &Row)> = c.rows().collect();
        assert_eq!(kept, shown, "{ctx}: a shown row is not the layout's row");

        // Rows, cells and shared groups.
        assert!(!c.columns.is_empty(), "{ctx}");
        let all_mode = with(&|f| f.mode = Mode::All);
        for (fi, row) in c.rows() {
            assert_eq!(row.cells.len(), n, "{ctx}");
            let statements: Vec<usize> = row.claims().collect();
            assert!(!statements.is_empty(), "{ctx}: a row with no statement");
            let unique: BTreeSet<usize> = statements.iter().copied().collect();
            assert_eq!(
                unique.len(),
                statements.len(),
                "{ctx}: a statement shown twice"
            );
            // The compared columns a claim names.
            let cover = |ci: usize| -> Vec<usize> {
                (0..n)
                    .filter(|&col| d.claims[ci].roles.contains(&d.roles[c.columns[col]].id))
                    .collect()
            };
            for &ci in &statements {
                let claim = &d.claims[ci];
                assert_eq!(claim.facet, d.facets[fi].id, "{ctx}");
                assert_eq!(claim.topic, d.facets[fi].topics[row.topic].id, "{ctx}");
            }
            for (col, cell) in row.cells.iter().enumerate() {
                let in_group = row.shared.iter().any(|g| g.columns.contains(&col));
                match cell {
                    Cell::Claims(cs) => {
                        assert!(!cs.is_empty(), "{ctx}: empty claims cell");
                        for &ci in cs {
                            assert_eq!(cover(ci), [col], "{ctx}: not the role's own statement");
                        }
                    }
                    Cell::InShared => assert!(in_group, "{ctx}: in-shared without a group"),
                    Cell::Gap => assert!(!in_group, "{ctx}: a gap in a shared group"),
                }
            }
            let mut sets = BTreeSet::new();
            for g in &row.shared {
                assert!(g.columns.len() >= 2, "{ctx}: a group of one role");
                assert!(g.columns.windows(2).all(|w| w[0] < w[1]), "{ctx}");
                assert!(g.columns.iter().all(|&col| col < n), "{ctx}");
                assert!(!g.claims.is_empty(), "{ctx}: an empty group");
                assert!(
                    g.claims.windows(2).all(|w| w[0] < w[1]),
                    "{ctx}: dataset order"
                );
                assert!(
                    sets.insert(g.columns.clone()),
                    "{ctx}: two groups of the same roles"
                );
                for &ci in &g.claims {
                    assert_eq!(cover(ci), g.columns, "{ctx}: a claim in the wrong group");
                }
            }
            // The status is the row's before the mode, so the mode does not change it.
            let same = all_mode
                .rows()
                .find(|(afi, ar)| *afi == fi && ar.topic == row.topic)
                .map(|(_, ar)| ar.status);
            assert_eq!(same, Some(row.status), "{ctx}: the mode changed a status");
            let own: Vec<usize> = (0..n)
                .filter(|&col| matches!(row.cells[col], Cell::Claims(_)))
                .collect();
            match row.status {
                Status::Only(col) => {
                    assert!(n > 1, "{ctx}");
                    assert_eq!(own, [col], "{ctx}: Only({col}) with own cells {own:?}");
                    assert!(row.shared.is_empty(), "{ctx}");
                }
                Status::Shared => {
                    // Every statement covers every compared role.
                    assert!(statements.iter().all(|&ci| cover(ci).len() == n), "{ctx}");
                    if n > 1 {
                        assert!(own.is_empty(), "{ctx}");
                        assert!(f.mode != Mode::Differences, "{ctx}: Shared in Differences");
                    }
                }
                Status::Differs => assert!(n > 1, "{ctx}"),
            }
            match f.mode {
                Mode::All => {}
                Mode::Differences if n < 2 => {}
                Mode::Differences => assert!(
                    statements.iter().all(|&ci| cover(ci).len() < n),
                    "{ctx}: Differences shows a statement every role shares"
                ),
                Mode::Shared => {
                    assert!(own.is_empty(), "{ctx}: Shared shows a role's own statement");
                }
            }
        }

        // Differences ∪ Shared = All, statement by statement (without search, which keeps or
        // drops whole rows by what each mode shows). With two roles they are disjoint.
        let mode_of = |m: Mode| {
            statement_set(&with(&|g| {
                g.mode = m;
                g.search.clear();
            }))
        };
        let all = mode_of(Mode::All);
        let differences = mode_of(Mode::Differences);
        let shared = mode_of(Mode::Shared);
        let union: BTreeSet<_> = differences.union(&shared).copied().collect();
        assert_eq!(union, all, "{ctx}: Differences ∪ Shared ≠ All");
        if n == 2 {
            assert!(differences.is_disjoint(&shared), "{ctx}");
        }
        if n < 2 {
            assert_eq!(differences, all, "{ctx}");
            assert!(shared.is_empty(), "{ctx}");
        }

        // Search only removes rows, and leaves the rest as they were.
        let unsearched = with(&|f| f.search.clear());
        let before: Vec<(usize, &Row)> = unsearched.rows().collect();
        for (fi, row) in c.rows() {
            assert!(
                before.iter().any(|(bf, br)| *bf == fi && *br == row),
                "{ctx}: a searched row that the unsearched filters do not show"
            );
        }
        assert_eq!(c.total, unsearched.total, "{ctx}");
    }
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn property_random_filters_over_the_bundled_data() {
    let cases = env_or("ROLE_COMPARE_COMPARE_CASES", 2_000);
    let seed = env_or("ROLE_COMPARE_COMPARE_SEED", 20_240_601);
    property(&data::bundled(), cases, seed);
}

#[test]
fn property_random_filters_over_the_constructed_data() {
    let cases = env_or("ROLE_COMPARE_COMPARE_CASES", 500);
    let seed = env_or("ROLE_COMPARE_COMPARE_SEED", 99);
    property(&tiny(), cases, seed);
}

#[test]
fn property_random_filters_over_many_roles() {
    let cases = env_or("ROLE_COMPARE_COMPARE_CASES", 500);
    let seed = env_or("ROLE_COMPARE_COMPARE_SEED", 4_242);
    property(&crowd(), cases, seed);
}

/// `Index::of` builds a shared dataset's index once and reuses it while the dataset lives; a
/// comparison with it equals one without it (which builds its own) for every mode and role
/// choice; a dataset gone takes its index along, and a new one gets its own.
#[test]
fn a_shared_dataset_keeps_its_index_and_compares_the_same_with_it() {
    let shared = Rc::new(crowd());
    let index = Index::of(&shared);
    assert!(Rc::ptr_eq(&index, &Index::of(&shared)), "built once");
    assert!(
        Rc::ptr_eq(&index, &Index::of(&Rc::clone(&shared))),
        "by allocation"
    );
    for roles in [vec![], ids(&["cio", "cto", "cmo"]), ids(&["ciso", "cfo"])] {
        for mode in [Mode::All, Mode::Differences, Mode::Shared] {
            let f = Filters {
                roles: roles.clone(),
                mode,
                ..Filters::default()
            };
            assert_eq!(compare_indexed(&shared, &index, &f), compare(&shared, &f));
            assert_eq!(layout_indexed(&shared, &index, &f), layout(&shared, &f));
        }
    }
    // An equal dataset in another allocation has its own index; one that replaced a dropped
    // dataset does not get the old one.
    let other = Rc::new(crowd());
    assert!(!Rc::ptr_eq(&index, &Index::of(&other)));
    drop(shared);
    let again = Rc::new(tiny());
    let fresh = Index::of(&again);
    assert!(!Rc::ptr_eq(&index, &fresh));
    assert_eq!(
        compare_indexed(&again, &fresh, &Filters::default()),
        compare(&again, &Filters::default())
    );
}

/// A dataset of more roles than the reader accepts (64) still compares, without a panic: the
/// roles past the 64th have no bit in the index, so their statements show nowhere.
#[test]
fn roles_past_the_sixty_fourth_match_nothing_and_do_not_panic() {
    let extra: Vec<(String, String)> = (0..70)
        .map(|i| (format!("x{i}"), format!("X{i}")))
        .collect();
    let refs: Vec<(&str, &str)> = extra
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let mut d = with_extra_roles(&refs);
    let mut claim = d.claims[0].clone();
    claim.id = s("late");
    claim.roles = ids(&["x69"]);
    d.claims.push(claim);
    let c = compare(&d, &roles(&["x69", "x68"]));
    assert_eq!(c.columns.len(), 2);
    assert_eq!(c.statements_total, 0);
    assert_eq!(c.shown, 0);
}
