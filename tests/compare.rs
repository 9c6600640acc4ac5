//! Native tests of the comparison (`compare::compare`, `compare::matches`) and of the filter
//! state (`state::Filters::apply`, `describe`).
//!
//! - **A constructed dataset** (`tiny()`, built here in Rust): three roles, five reader facets
//!   and one facet that is not a reader filter, claims written so that every status (shared,
//!   differs, only one role) and every claim-level filter has a case. Expectations on it are
//!   exact (`check(filters, ["facet/topic: Badge", …])`) and do not move when the bundled content
//!   is edited. Every filter is covered alone and in the combinations that interact: roles (two
//!   of three, unknown ids, all unknown, one role), sections, duty topic, issuer, "suits",
//!   reporting target, the three modes, search (case, Unicode, whitespace), counts, gaps and
//!   which conflicts are attached.
//! - **The bundled dataset**: a few facts that any faithful content keeps (the CIO has a
//!   reporting line; the physical-security dispute is attached when the CSO is compared), and the
//!   counts read independently off `src/data/roles.json`.
//! - **`matches`**: byte ranges on char boundaries for tricky Unicode (É/é, ß/ẞ, Turkish İ, the
//!   Kelvin sign, Greek final sigma, combining marks, emoji), and a deterministic fuzz of it.
//! - **Property test**: about 2,000 pseudo-random `Filters` over the bundled data (and 500 over
//!   `tiny()`), each checked against an independent re-statement of the rules and against the
//!   invariants: shown ≤ total; every row has a non-gap cell; Differences ∪ Shared = All;
//!   `Only(c)` has exactly one non-gap cell, at `c`; search results are a subset of the unsearched
//!   rows. `ROLE_COMPARE_COMPARE_CASES` and `ROLE_COMPARE_COMPARE_SEED` change the run.

#![cfg(not(target_arch = "wasm32"))]

use role_compare::compare::{
    compare, layout_filters, matches, Cell, Comparison, Group, Row, Status,
};
use role_compare::data;
use role_compare::model::{
    Citation, Claim, Conflict, ConflictSide, Dataset, Facet, Role, Source, SourceKind, Topic,
    FORMAT,
};
use role_compare::state::{Action, Filters, Mode};
use role_compare::validate::validate;
use std::collections::{BTreeMap, BTreeSet};

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

/// Every visible row as `facet/topic: Badge | cell | cell …`, each cell its claim ids or `gap`.
fn detail(d: &Dataset, f: &Filters) -> Vec<String> {
    let c = compare(d, f);
    c.rows()
        .map(|(fi, r)| {
            let cells: Vec<String> = r
                .cells
                .iter()
                .map(|cell| match cell {
                    Cell::Gap => s("gap"),
                    Cell::Claims(cs) => cs
                        .iter()
                        .map(|&i| d.claims[i].id.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                })
                .collect();
            format!(
                "{}: {} | {}",
                key(d, fi, r),
                badge(d, &c, r),
                cells.join(" | ")
            )
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

/// A small dataset whose every row is known by heart:
///
/// | row | CIO | CISO | CSO | all three |
/// |---|---|---|---|---|
/// | focus/mission | m-all m-all-2 | same | same | Shared |
/// | focus/scope | s-cio | s-ciso | gap | Differs |
/// | focus/unstated | gap | gap | gap | (no row) |
/// | duties/budget | d-budget | gap | gap | Only CIO |
/// | duties/strategy | d-strategy (cio+ciso) | d-strategy | gap | Differs |
/// | duties/training | d-training-all | d-training-all d-training-ciso | d-training-all | Differs |
/// | certifications/recommended | c-pmp | c-cissp | gap | Differs |
/// | certifications/issuer | c-isaca (ISACA, cio+ciso) | c-cissp-issuer (ISC2) c-isaca | c-cpp (ASIS International) | Differs |
/// | reporting/reports-to | r-cio (CEO) | r-ciso (CIO, CTO) | r-cso (CIO) | Differs |
/// | collaboration/together (not a reader filter) | k-together | k-together | gap | Differs |
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
    }
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
fn the_constructed_dataset_is_valid() {
    let d = tiny();
    if let Err(errors) = validate(&d) {
        let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("tiny() is invalid:\n{}", listed.join("\n"));
    }
}

// ---------------------------------------------------------------------------------------------
// Defaults, cells and gaps
// ---------------------------------------------------------------------------------------------

#[test]
fn defaults_show_every_row_with_claims_and_skip_empty_topics() {
    check(&Filters::default(), &TINY_ALL);
    check_counts(&Filters::default(), 9, 9);
    let c = compare(&tiny(), &Filters::default());
    assert_eq!(c.columns, [0, 1, 2]);
    // Groups are facets in dataset order, each with at least one row.
    let groups: Vec<usize> = c.groups.iter().map(|g| g.facet).collect();
    assert_eq!(groups, [0, 1, 2, 3, 4]);
    assert!(c.groups.iter().all(|g| !g.rows.is_empty()));
}

#[test]
fn cells_hold_each_roles_claims_in_dataset_order_or_a_gap() {
    check_detail(
        &Filters::default(),
        &[
            "focus/mission: Shared | m-all m-all-2 | m-all m-all-2 | m-all m-all-2",
            "focus/scope: Differs | s-cio | s-ciso | gap",
            "duties/budget: Only CIO | d-budget | gap | gap",
            "duties/strategy: Differs | d-strategy | d-strategy | gap",
            "duties/training: Differs | d-training-all | d-training-all d-training-ciso | d-training-all",
            "certifications/recommended: Differs | c-pmp | c-cissp | gap",
            "certifications/issuer: Differs | c-isaca | c-cissp-issuer c-isaca | c-cpp",
            "reporting/reports-to: Differs | r-cio | r-ciso | r-cso",
            "collaboration/together: Differs | k-together | k-together | gap",
        ],
    );
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
    // The columns follow the dataset's order, not the order asked for.
    let c = compare(&tiny(), &roles(&["cso", "cio"]));
    assert_eq!(c.columns, [0, 2]);
    check_detail(
        &roles(&["cso", "cio"]),
        &[
            "focus/mission: Shared | m-all m-all-2 | m-all m-all-2",
            "focus/scope: Only CIO | s-cio | gap",
            "duties/budget: Only CIO | d-budget | gap",
            "duties/strategy: Only CIO | d-strategy | gap",
            "duties/training: Shared | d-training-all | d-training-all",
            "certifications/recommended: Only CIO | c-pmp | gap",
            "certifications/issuer: Differs | c-isaca | c-cpp",
            "reporting/reports-to: Differs | r-cio | r-cso",
            "collaboration/together: Only CIO | k-together | gap",
        ],
    );
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
    // then trivially "covers every compared role": nothing is "Only X" and nothing differs.
    check(
        &roles(&["cso"]),
        &[
            "focus/mission: Shared",
            "duties/training: Shared",
            "certifications/issuer: Shared",
            "reporting/reports-to: Shared",
        ],
    );
    check_counts(&roles(&["cso"]), 4, 4);
    let differences = Filters {
        mode: Mode::Differences,
        ..roles(&["cso"])
    };
    check(&differences, &[]);
    check_counts(&differences, 0, 4);
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
fn duty_topic_narrows_the_duties_facet_only() {
    let f = Filters {
        duty_topic: Some(s("strategy")),
        ..Filters::default()
    };
    check(
        &f,
        &[
            "focus/mission: Shared",
            "focus/scope: Differs",
            "duties/strategy: Differs",
            "certifications/recommended: Differs",
            "certifications/issuer: Differs",
            "reporting/reports-to: Differs",
            "collaboration/together: Differs",
        ],
    );
    check_counts(&f, 7, 9);
    // With the duties facet off the topic changes nothing.
    let off = Filters {
        facets: ids(&["focus"]),
        ..f.clone()
    };
    assert_eq!(
        compare(&tiny(), &off),
        compare(&tiny(), &facets(&["focus"]))
    );
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

/// Every row of `tiny()` outside `facet`, with all roles and no filter.
fn others(facet: &str) -> Vec<&'static str> {
    TINY_ALL
        .iter()
        .copied()
        .filter(|r| !r.starts_with(&format!("{facet}/")))
        .collect()
}

/// `others(facet)` with `inside` spliced in where the facet's rows were.
fn with(facet: &str, inside: &[&'static str]) -> Vec<&'static str> {
    let at = TINY_ALL
        .iter()
        .position(|r| r.starts_with(&format!("{facet}/")))
        .unwrap();
    let mut out = others(facet);
    for (i, r) in inside.iter().enumerate() {
        out.insert(at + i, r);
    }
    out
}

#[test]
fn issuer_keeps_only_tagged_certification_claims() {
    let isc2 = Filters {
        issuer: Some(s("ISC2")),
        ..Filters::default()
    };
    // The untagged "recommended" row disappears; the issuer row becomes the CISO's alone.
    check(
        &isc2,
        &with("certifications", &["certifications/issuer: Only CISO"]),
    );
    check_counts(&isc2, 8, 9);
    let isaca = Filters {
        issuer: Some(s("ISACA")),
        ..Filters::default()
    };
    check_detail(
        &Filters {
            facets: ids(&["certifications"]),
            ..isaca.clone()
        },
        &["certifications/issuer: Differs | c-isaca | c-isaca | gap"],
    );
    // Between the CIO and the CISO the one ISACA claim is shared: a claim-level filter can turn
    // a differing row into a shared one.
    let pair = Filters {
        roles: ids(&["cio", "ciso"]),
        facets: ids(&["certifications"]),
        ..isaca
    };
    check(&pair, &["certifications/issuer: Shared"]);
    let asis = Filters {
        issuer: Some(s("ASIS International")),
        ..Filters::default()
    };
    check(
        &asis,
        &with("certifications", &["certifications/issuer: Only CSO"]),
    );
    let nobody = Filters {
        issuer: Some(s("Nobody Inc")),
        ..Filters::default()
    };
    check(&nobody, &others("certifications"));
    check_counts(&nobody, 7, 9);
}

#[test]
fn suits_keeps_certification_claims_about_that_role() {
    let cio = Filters {
        suits: Some(s("cio")),
        ..Filters::default()
    };
    // The CISO column keeps the ISACA claim: it is about the CIO too.
    check_detail(
        &Filters {
            facets: ids(&["certifications"]),
            ..cio.clone()
        },
        &[
            "certifications/recommended: Only CIO | c-pmp | gap | gap",
            "certifications/issuer: Differs | c-isaca | c-isaca | gap",
        ],
    );
    check(
        &cio,
        &with(
            "certifications",
            &[
                "certifications/recommended: Only CIO",
                "certifications/issuer: Differs",
            ],
        ),
    );
    let cso = Filters {
        suits: Some(s("cso")),
        ..Filters::default()
    };
    check(
        &cso,
        &with("certifications", &["certifications/issuer: Only CSO"]),
    );
    check_counts(&cso, 8, 9);
    // An unknown role suits nothing.
    let nobody = Filters {
        suits: Some(s("ceo")),
        ..Filters::default()
    };
    check(&nobody, &others("certifications"));
    // Issuer and suits together.
    let both = Filters {
        issuer: Some(s("ISACA")),
        suits: Some(s("ciso")),
        facets: ids(&["certifications"]),
        ..Filters::default()
    };
    check_detail(
        &both,
        &["certifications/issuer: Differs | c-isaca | c-isaca | gap"],
    );
    let none = Filters {
        issuer: Some(s("ISC2")),
        suits: Some(s("cio")),
        ..Filters::default()
    };
    check(&none, &others("certifications"));
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
        check(&f, &with("reporting", inside));
        check_counts(&f, 8 + inside.len(), 9);
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
    check(&lower, &others("reporting"));
}

#[test]
fn claim_filters_never_touch_other_facets() {
    let d = tiny();
    let all = compare(&d, &Filters::default());
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
        let outside = |c: &Comparison| -> Vec<Row> {
            c.rows()
                .filter(|(fi, _)| d.facets[*fi].id != facet)
                .map(|(_, r)| r.clone())
                .collect()
        };
        assert_eq!(outside(&c), outside(&all), "{f:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Modes
// ---------------------------------------------------------------------------------------------

#[test]
fn modes() {
    check(&mode(Mode::All), &TINY_ALL);
    check(&mode(Mode::Shared), &["focus/mission: Shared"]);
    check_counts(&mode(Mode::Shared), 1, 9);
    check(&mode(Mode::Differences), &TINY_ALL[1..]);
    check_counts(&mode(Mode::Differences), 8, 9);
    // Shared needs every compared role and every claim about all of them: the training row has
    // a claim for all three, but also one for the CISO alone.
    let pair = |m: Mode, r: &[&str]| Filters {
        mode: m,
        ..roles(r)
    };
    check(
        &pair(Mode::Shared, &["cio", "ciso"]),
        &[
            "focus/mission: Shared",
            "duties/strategy: Shared",
            "collaboration/together: Shared",
        ],
    );
    check(
        &pair(Mode::Shared, &["cio", "cso"]),
        &["focus/mission: Shared", "duties/training: Shared"],
    );
    // "Only X" rows count as differences.
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
    // Mode combined with a claim filter acts on the filtered status.
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
}

#[test]
fn mode_spellings() {
    for m in Mode::ALL {
        assert_eq!(Mode::parse(m.as_str()), Some(m));
        assert_eq!(Mode::parse(&format!(" {} ", m.as_str())), Some(m));
    }
    assert_eq!(Mode::parse("Shared"), None);
    assert_eq!(Mode::parse(""), None);
    assert_eq!(Mode::default(), Mode::All);
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
        &["duties/training: Differs | d-training-all | d-training-all d-training-ciso | d-training-all"],
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
        "STRAẞE",
        "İstanbul",
        "İSTANBUL",
    ] {
        check(&search(needle), &together);
    }
    // No full case folding: "ss" is not "ß", and a plain "i" never matches half of "İ"
    // (whose lowercase is "i" followed by a combining dot).
    for needle in ["strasse", "istanbul", "ete"] {
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
    // Search and mode narrow together.
    let f = Filters {
        mode: Mode::Shared,
        ..search("trains")
    };
    check(&f, &[]);
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
    // total ignores every filter but the roles.
    let narrowed = Filters {
        facets: ids(&["reporting"]),
        duty_topic: Some(s("budget")),
        issuer: Some(s("ISC2")),
        suits: Some(s("cso")),
        target: Some(s("Board")),
        mode: Mode::Shared,
        search: s("zzz"),
        ..Filters::default()
    };
    check_counts(&narrowed, 0, 9);
    let cases: [(&[&str], usize); 6] = [
        (&["ciso", "cso"], 8),
        (&["cio", "cso"], 9),
        (&["cio", "ciso"], 9),
        (&["cso"], 4),
        (&["cio"], 9),
        (&["nobody"], 9),
    ];
    for (pick, total) in cases {
        let f = Filters {
            roles: ids(pick),
            ..narrowed.clone()
        };
        check_counts(&f, 0, total);
        check_counts(&roles(pick), total, total);
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
fn is_narrowed_ignores_the_role_choice() {
    assert!(!Filters::default().is_narrowed());
    assert!(!roles(&["cio", "ciso"]).is_narrowed());
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

/// Lowercase, char by char (no context rules): what `matches` compares.
fn lower(x: &str) -> String {
    x.chars().flat_map(char::to_lowercase).collect()
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
    // ẞ (capital sharp s, three bytes) lowercases to ß (two bytes).
    assert_eq!(at("STRAẞE", "straße"), [(0, 8)]);
    assert_eq!(at("Straße", "STRAẞE"), [(0, 7)]);
    assert_eq!(at("Straße", "strasse"), NONE);
    // İ lowercases to "i" + U+0307: it matches itself or its lowercase, never a bare "i".
    assert_eq!(at("İstanbul", "İSTANBUL"), [(0, 9)]);
    assert_eq!(at("İstanbul", "i\u{307}stanbul"), [(0, 9)]);
    assert_eq!(at("İstanbul", "istanbul"), NONE);
    assert_eq!(at("İi", "i"), [(2, 3)]);
    assert_eq!(at("İ", "\u{307}"), NONE);
    assert_eq!(at("i\u{307}", "\u{307}"), [(1, 3)]);
    assert_eq!(at("i\u{307}x", "İ"), [(0, 3)]);
    // Dotless ı is its own letter; I lowercases to i.
    assert_eq!(at("KIRIK", "kirik"), [(0, 5)]);
    assert_eq!(at("KIRIK", "kırık"), NONE);
    // The Kelvin sign (three bytes) lowercases to k.
    assert_eq!(at("5 \u{212a}", "k"), [(2, 5)]);
    // Σ lowercases to σ char by char; final ς is another letter.
    assert_eq!(at("ΟΔΟΣ", "οδοσ"), [(0, 8)]);
    assert_eq!(at("ΟΔΟΣ", "οδος"), NONE);
    // Emoji and combining marks around a match.
    assert_eq!(at("🙂x🙂", "X"), [(4, 5)]);
    assert_eq!(at("e\u{301}te\u{301}", "E\u{301}"), [(0, 3), (4, 7)]);
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
        .filter(|c| roles.is_empty() || c.roles.iter().any(|r| roles.contains(&r.as_str())))
        .map(|c| (c.facet.as_str(), c.topic.as_str()))
        .collect();
    keys.len()
}

#[test]
fn bundled_counts_agree_with_the_claims() {
    let d = data::bundled();
    let all = compare(&d, &Filters::default());
    assert_eq!(all.shown, topics_with_claims(&d, &[]));
    assert_eq!(all.total, all.shown);
    assert_eq!(all.columns, [0, 1, 2]);
    for pair in [["cio", "ciso"], ["ciso", "cso"], ["cio", "cso"]] {
        let c = compare(&d, &roles(&pair));
        assert_eq!(c.total, topics_with_claims(&d, &pair), "{pair:?}");
        assert_eq!(c.shown, c.total);
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

/// The rules re-stated from the docs, independently of `src/compare.rs` (search excepted: it
/// uses `matches`, tested above on its own).
fn reference(d: &Dataset, f: &Filters) -> Comparison {
    let pick = |all: Vec<&str>, wanted: &[String]| -> Vec<usize> {
        let picked: Vec<usize> = (0..all.len())
            .filter(|&i| wanted.iter().any(|w| w == all[i]))
            .collect();
        if picked.is_empty() {
            (0..all.len()).collect()
        } else {
            picked
        }
    };
    let columns = pick(d.roles.iter().map(|r| r.id.as_str()).collect(), &f.roles);
    let facet_on = pick(d.facets.iter().map(|x| x.id.as_str()).collect(), &f.facets);
    let col_ids: Vec<&str> = columns.iter().map(|&i| d.roles[i].id.as_str()).collect();
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
    let mut out = Comparison {
        columns: columns.clone(),
        groups: Vec::new(),
        shown: 0,
        total: 0,
    };
    for (fi, facet) in d.facets.iter().enumerate() {
        let mut rows = Vec::new();
        for (ti, topic) in facet.topics.iter().enumerate() {
            let here: Vec<(usize, &Claim)> = d
                .claims
                .iter()
                .enumerate()
                .filter(|(_, c)| c.facet == facet.id && c.topic == topic.id)
                .collect();
            if here
                .iter()
                .any(|(_, c)| c.roles.iter().any(|r| col_ids.contains(&r.as_str())))
            {
                out.total += 1;
            }
            if !facet_on.contains(&fi) {
                continue;
            }
            if facet.id == "duties" && f.duty_topic.as_ref().is_some_and(|t| t != &topic.id) {
                continue;
            }
            let cells: Vec<Cell> = col_ids
                .iter()
                .map(|r| {
                    let mine: Vec<usize> = here
                        .iter()
                        .filter(|(_, c)| c.roles.iter().any(|x| x == r) && keep(c))
                        .map(|(i, _)| *i)
                        .collect();
                    if mine.is_empty() {
                        Cell::Gap
                    } else {
                        Cell::Claims(mine)
                    }
                })
                .collect();
            let filled: Vec<usize> = (0..cells.len())
                .filter(|&i| cells[i] != Cell::Gap)
                .collect();
            let status = if filled.is_empty() {
                continue;
            } else if filled.len() == 1 && columns.len() > 1 {
                Status::Only(filled[0])
            } else if filled.len() == columns.len()
                && cells.iter().all(|cell| match cell {
                    Cell::Claims(cs) => cs.iter().all(|&ci| {
                        col_ids
                            .iter()
                            .all(|r| d.claims[ci].roles.iter().any(|x| x == r))
                    }),
                    Cell::Gap => false,
                })
            {
                Status::Shared
            } else {
                Status::Differs
            };
            let wanted = match f.mode {
                Mode::All => true,
                Mode::Differences => status != Status::Shared,
                Mode::Shared => status == Status::Shared,
            };
            let found = f.search.trim().is_empty()
                || cells.iter().any(|cell| match cell {
                    Cell::Claims(cs) => cs
                        .iter()
                        .any(|&ci| !matches(&d.claims[ci].text, &f.search).is_empty()),
                    Cell::Gap => false,
                });
            if !(wanted && found) {
                continue;
            }
            let conflicts = d
                .conflicts
                .iter()
                .enumerate()
                .filter(|(_, k)| k.facet == facet.id && k.topic == topic.id)
                .filter(|(_, k)| {
                    k.roles.is_empty() || k.roles.iter().any(|r| col_ids.contains(&r.as_str()))
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
    Filters {
        roles,
        facets,
        duty_topic,
        issuer,
        suits,
        target,
        mode,
        search,
    }
}

/// Rows as comparable keys: (facet, topic).
fn row_set(c: &Comparison) -> BTreeSet<(usize, usize)> {
    c.rows().map(|(fi, r)| (fi, r.topic)).collect()
}

fn property(d: &Dataset, cases: usize, seed: u64) {
    let mut rng = Rng(seed);
    for case in 0..cases {
        let f = random_filters(&mut rng, d);
        let c = compare(d, &f);
        let ctx = format!("case {case} (seed {seed}): {f:?}");
        assert_eq!(c, reference(d, &f), "{ctx}: differs from the reference");

        // Counts.
        assert!(c.shown <= c.total, "{ctx}");
        assert_eq!(c.shown, c.rows().count(), "{ctx}");
        let plain = compare(
            d,
            &Filters {
                roles: f.roles.clone(),
                ..Filters::default()
            },
        );
        assert_eq!(
            c.total, plain.total,
            "{ctx}: total depends on more than roles"
        );
        assert_eq!(plain.shown, plain.total, "{ctx}");

        // The table keeps the layout's rows and hides the rest: every shown row is a layout
        // row with the same cells, status and conflicts, in the same order.
        let layout = compare(d, &layout_filters(&f));
        assert_eq!(layout.columns, c.columns, "{ctx}");
        let kept: Vec<(usize, &Row)> = layout
            .rows()
            .filter(|(fi, r)| row_set(&c).contains(&(*fi, r.topic)))
            .collect();
        let shown: Vec<(usize, &Row)> = c.rows().collect();
        assert_eq!(kept, shown, "{ctx}: a shown row is not the layout's row");

        // Rows and cells.
        assert!(!c.columns.is_empty(), "{ctx}");
        for (fi, row) in c.rows() {
            assert_eq!(row.cells.len(), c.columns.len(), "{ctx}");
            let filled: Vec<usize> = (0..row.cells.len())
                .filter(|&i| row.cells[i] != Cell::Gap)
                .collect();
            assert!(!filled.is_empty(), "{ctx}: a row with only gaps");
            for (cell, &ri) in row.cells.iter().zip(&c.columns) {
                if let Cell::Claims(cs) = cell {
                    assert!(!cs.is_empty(), "{ctx}: empty claims cell");
                    for &ci in cs {
                        let claim = &d.claims[ci];
                        assert_eq!(claim.facet, d.facets[fi].id, "{ctx}");
                        assert_eq!(claim.topic, d.facets[fi].topics[row.topic].id, "{ctx}");
                        assert!(claim.roles.contains(&d.roles[ri].id), "{ctx}");
                    }
                }
            }
            match row.status {
                Status::Only(col) => {
                    assert_eq!(filled, [col], "{ctx}: Only({col}) with cells {filled:?}");
                    assert!(c.columns.len() > 1, "{ctx}");
                }
                Status::Shared => assert_eq!(filled.len(), c.columns.len(), "{ctx}"),
                Status::Differs => assert!(filled.len() > 1, "{ctx}"),
            }
        }

        // Differences ∪ Shared = All, disjointly, for the same other filters.
        let with_mode = |m: Mode| {
            compare(
                d,
                &Filters {
                    mode: m,
                    ..f.clone()
                },
            )
        };
        let all = row_set(&with_mode(Mode::All));
        let differences = row_set(&with_mode(Mode::Differences));
        let shared = row_set(&with_mode(Mode::Shared));
        assert!(differences.is_disjoint(&shared), "{ctx}");
        let union: BTreeSet<_> = differences.union(&shared).copied().collect();
        assert_eq!(union, all, "{ctx}: Differences ∪ Shared ≠ All");

        // Search only removes rows, and leaves the rest as they were.
        let unsearched = compare(
            d,
            &Filters {
                search: String::new(),
                ..f.clone()
            },
        );
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
