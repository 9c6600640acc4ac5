//! Native tests of the dataset layer: the bundled `src/data/roles.json`, `data::parse_json` and
//! the validator in `src/core/validate.rs`.
//!
//! - **Bundled dataset**: it parses and validates; roles, facets and filters come in the documented
//!   order; every claim and key line cites a source with a locator; the headline conflicts
//!   (physical security, whether CSO and CISO are one role, whom the CISO and the CSO report to)
//!   are recorded; every (filter facet, role) pair has exactly one key line, and the key lines on
//!   a disputed reporting line are marked with that line's conflict. (The content rules, such as
//!   statements that stand alone and a length cap, are in `tests/content.rs`.)
//! - **Broken datasets**: a table of single mutations of the bundled dataset (key lines included),
//!   each with the exact `path: message` errors the validator must report, plus one dataset with
//!   several defects at once whose errors must all be reported.
//! - **Shape errors**: text that is not JSON, or JSON that does not fit the types, is an `Err`
//!   from `parse_json` (never a panic) with the exact messages: line and column for syntax, the
//!   JSON path and what was found for every shape problem. serde_json, through the model's serde
//!   derives, is the oracle: on every property-test input both readers accept the same texts
//!   and read the same dataset.
//! - **Property test**: deterministic pseudo-random inputs (mutated bundled text, mutated bundled
//!   JSON trees, random small JSON values and random small well-typed datasets) never make
//!   `parse_json` or `validate` panic, and `validate` accepts a parsed dataset exactly when an
//!   independent re-statement of the rules in `docs/DATASET.md` does. It runs 10,000 cases by
//!   default (about 7 s in a debug build). A longer run, with another seed (100,000 cases take
//!   about 70 s in debug; a million, some 12 minutes):
//!
//!   ```text
//!   ROLE_COMPARE_PROPTEST_CASES=1000000 ROLE_COMPARE_PROPTEST_SEED=42 \
//!       cargo test --test dataset -- property --nocapture
//!   ```
//!
//!   A failure prints its case number and seed and writes the whole input to the test's
//!   `CARGO_TARGET_TMPDIR`; `ROLE_COMPARE_PROPTEST_CASE=<n>` (with the same seed) reruns only it.
//! - **No copied sentences**: when the source articles sit beside the checkout in
//!   `../shared/sources`, no claim, caveat, summary, conflict title, conflict side or key line
//!   shares a run of six or more consecutive words with an article (case and punctuation ignored, full
//!   certification names treated as fixed terms). Without that directory the check says so on
//!   stderr and passes; the detector itself is unit-tested on text written here.

#![cfg(not(target_arch = "wasm32"))]

#[path = "support/articles.rs"]
mod articles;
#[path = "support/texts.rs"]
mod texts;

use role_compare::data;
use role_compare::model::{
    Caveat, Citation, Claim, Conflict, ConflictSide, Dataset, Facet, KeyLine, Role, Source,
    SourceKind, Topic, FORMAT, KEY_LINE_WORDS,
};
use role_compare::validate::{validate, TAG_KEYS};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::Instant;

// ---------------------------------------------------------------------------------------------
// 1. The bundled dataset
// ---------------------------------------------------------------------------------------------

/// The validator's errors as `path: message` lines; empty when the dataset is valid.
fn errors_of(d: &Dataset) -> Vec<String> {
    match validate(d) {
        Ok(()) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn bundled_dataset_parses_and_validates() {
    let d = data::parse_json(data::BUNDLED_JSON).expect("the bundled dataset parses");
    let errors = errors_of(&d);
    assert!(
        errors.is_empty(),
        "bundled dataset is invalid:\n{}",
        errors.join("\n")
    );
    assert_eq!(d, data::bundled());
}

#[test]
fn bundled_roles_are_cio_ciso_cso_in_order() {
    let d = data::bundled();
    let ids: Vec<&str> = d.roles.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["cio", "ciso", "cso"]);
}

#[test]
fn bundled_facets_are_in_order_and_the_first_five_filter() {
    let d = data::bundled();
    let facets: Vec<(&str, bool)> = d.facets.iter().map(|f| (f.id.as_str(), f.filter)).collect();
    assert_eq!(
        facets,
        [
            ("focus", true),
            ("duties", true),
            ("education", true),
            ("certifications", true),
            ("reporting", true),
            ("collaboration", false),
            ("small-orgs", false),
        ]
    );
}

#[test]
fn every_bundled_claim_cites_a_known_source_with_a_locator() {
    let d = data::bundled();
    for c in &d.claims {
        assert!(!c.sources.is_empty(), "claim {} cites no source", c.id);
        for cite in &c.sources {
            assert!(
                d.source(&cite.source).is_some(),
                "claim {} cites unknown source {}",
                c.id,
                cite.source
            );
            // DATASET.md: `at` is optional in the schema but always present in the bundled file.
            assert!(
                cite.at.as_deref().is_some_and(|at| !at.trim().is_empty()),
                "claim {} cites {} without a locator",
                c.id,
                cite.source
            );
        }
    }
}

#[test]
fn every_filter_facet_and_role_has_exactly_one_bundled_key_line() {
    let d = data::bundled();
    let mut missing = Vec::new();
    for f in d.facets.iter().filter(|f| f.filter) {
        for r in &d.roles {
            let lines: Vec<&str> = d
                .key_lines
                .iter()
                .filter(|k| k.facet == f.id && k.roles.contains(&r.id))
                .map(|k| k.id.as_str())
                .collect();
            if lines.len() != 1 {
                missing.push(format!("{}/{}: {lines:?}", f.id, r.id));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "(facet, role) pairs without exactly one key line:\n{}",
        missing.join("\n")
    );
    // Key lines sum up the reader's filter facets and nothing else.
    for k in &d.key_lines {
        assert!(
            d.facet(&k.facet).is_some_and(|f| f.filter),
            "key line {} is on {}, not a filter facet",
            k.id,
            k.facet
        );
    }
}

#[test]
fn every_bundled_key_line_is_short_and_cited_with_a_locator() {
    let d = data::bundled();
    assert!(!d.key_lines.is_empty());
    for k in &d.key_lines {
        let words = k.text.split_whitespace().count();
        assert!(
            (1..=KEY_LINE_WORDS).contains(&words),
            "key line {} has {words} words",
            k.id
        );
        assert!(!k.sources.is_empty(), "key line {} cites nothing", k.id);
        for cite in &k.sources {
            assert!(
                d.source(&cite.source).is_some(),
                "key line {} cites unknown source {}",
                k.id,
                cite.source
            );
            assert!(
                cite.at.as_deref().is_some_and(|at| !at.trim().is_empty()),
                "key line {} cites {} without a locator",
                k.id,
                cite.source
            );
        }
    }
}

#[test]
fn bundled_key_lines_on_disputed_reporting_lines_are_marked() {
    let d = data::bundled();
    // Whom each role reports to is disputed for all three; each reporting key line carries the
    // dispute about its own role.
    for (role, conflict) in [
        ("cio", "cio-reports-to"),
        ("ciso", "ciso-reports-to"),
        ("cso", "cso-reports-to"),
    ] {
        let line = d
            .key_lines
            .iter()
            .find(|k| k.facet == "reporting" && k.roles.iter().any(|r| r == role))
            .unwrap_or_else(|| panic!("no reporting key line for {role}"));
        assert!(
            line.conflicts.iter().any(|c| c == conflict),
            "key line {} does not name {conflict}",
            line.id
        );
        let k = d
            .conflicts
            .iter()
            .find(|k| k.id == conflict)
            .expect("conflict");
        assert!(
            k.roles.iter().any(|r| r == role),
            "{conflict} is not about {role}"
        );
    }
    // Every conflict a key line names concerns one of the line's roles.
    for line in &d.key_lines {
        for id in &line.conflicts {
            let k = d.conflicts.iter().find(|k| &k.id == id).expect("conflict");
            assert!(
                k.roles.is_empty() || k.roles.iter().any(|r| line.roles.contains(r)),
                "key line {} names {id}, which concerns none of its roles",
                line.id
            );
        }
    }
}

#[test]
fn bundled_version_and_review_date_are_present() {
    let d = data::bundled();
    assert_eq!(d.format, FORMAT);
    assert!(!d.version.trim().is_empty(), "version is empty");
    assert!(
        is_date(&d.last_reviewed),
        "last_reviewed {:?}",
        d.last_reviewed
    );
}

/// The conflicts on one row (facet/topic) that concern all of `roles`; each is checked to have
/// at least two sourced sides whose claims all exist.
fn conflicts_on<'a>(d: &'a Dataset, facet: &str, topic: &str, roles: &[&str]) -> Vec<&'a Conflict> {
    let found: Vec<&Conflict> = d
        .conflicts
        .iter()
        .filter(|k| k.facet == facet && k.topic == topic)
        .filter(|k| roles.iter().all(|r| k.roles.iter().any(|kr| kr == r)))
        .collect();
    for k in &found {
        assert!(
            k.sides.len() >= 2,
            "conflict {} has fewer than two sides",
            k.id
        );
        for side in &k.sides {
            assert!(!side.sources.is_empty(), "a side of {} cites nothing", k.id);
            for id in &side.claims {
                assert!(
                    d.claims.iter().any(|c| &c.id == id),
                    "{} names claim {id}",
                    k.id
                );
            }
        }
    }
    found
}

#[test]
fn bundled_records_the_headline_conflicts() {
    let d = data::bundled();
    let physical = conflicts_on(&d, "duties", "physical-security", &["ciso", "cso"]);
    assert!(!physical.is_empty(), "no conflict about physical security");

    let same_role = conflicts_on(&d, "focus", "identity", &["ciso", "cso"]);
    assert!(
        !same_role.is_empty(),
        "no conflict about whether CSO and CISO are one role"
    );

    let ciso_reports = conflicts_on(&d, "reporting", "reports-to", &["ciso"]);
    assert!(
        !ciso_reports.is_empty(),
        "no conflict about whom the CISO reports to"
    );
    // Its sides must rest on CISO reporting claims, not merely sit on the row.
    assert!(ciso_reports
        .iter()
        .any(|k| side_claims_about(&d, k, "ciso")));

    let cso_reports = conflicts_on(&d, "reporting", "reports-to", &["cso"]);
    assert!(
        !cso_reports.is_empty(),
        "no conflict about whom the CSO reports to"
    );
    assert!(cso_reports.iter().any(|k| side_claims_about(&d, k, "cso")));
}

/// Whether some side of `k` names a claim on `k`'s row about `role`.
fn side_claims_about(d: &Dataset, k: &Conflict, role: &str) -> bool {
    k.sides.iter().flat_map(|s| &s.claims).any(|id| {
        d.claims.iter().any(|c| {
            &c.id == id
                && c.facet == k.facet
                && c.topic == k.topic
                && c.roles.iter().any(|r| r == role)
        })
    })
}

// ---------------------------------------------------------------------------------------------
// 2. Broken datasets: one mutation each, exact errors
// ---------------------------------------------------------------------------------------------

fn cite(source: &str) -> Citation {
    Citation {
        source: source.into(),
        at: Some("opening paragraph".into()),
    }
}

fn source(id: &str) -> Source {
    Source {
        id: id.into(),
        kind: SourceKind::Article,
        title: "A title".into(),
        author: None,
        publisher: None,
        note: None,
    }
}

fn topic(id: &str) -> Topic {
    Topic {
        id: id.into(),
        label: "A row".into(),
    }
}

fn facet(id: &str, topics: Vec<Topic>) -> Facet {
    Facet {
        id: id.into(),
        label: "A facet".into(),
        filter: false,
        description: None,
        topics,
    }
}

fn role(id: &str) -> Role {
    Role {
        id: id.into(),
        abbr: "CTO".into(),
        name: "Chief Technology Officer".into(),
        summary: "Runs the technology.".into(),
        summary_sources: vec![cite("a0")],
        caveats: Vec::new(),
    }
}

fn caveat(id: &str) -> Caveat {
    Caveat {
        id: id.into(),
        text: "A caveat.".into(),
        sources: vec![cite("a0")],
    }
}

/// A valid claim about the CIO on the `focus`/`mission` row, citing `a0`.
fn claim(id: &str) -> Claim {
    Claim {
        id: id.into(),
        roles: vec!["cio".into()],
        facet: "focus".into(),
        topic: "mission".into(),
        text: "A paraphrase.".into(),
        sources: vec![cite("a0")],
        tags: BTreeMap::new(),
    }
}

fn tags(pairs: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
    pairs
        .iter()
        .map(|(k, vs)| (k.to_string(), vs.iter().map(|v| v.to_string()).collect()))
        .collect()
}

fn side(claims: &[&str]) -> ConflictSide {
    ConflictSide {
        text: "One position.".into(),
        sources: vec![cite("a1")],
        claims: claims.iter().map(|c| c.to_string()).collect(),
    }
}

/// A valid conflict on the `focus`/`mission` row between two bundled CIO claims.
fn conflict(id: &str) -> Conflict {
    Conflict {
        id: id.into(),
        title: "A disputed question?".into(),
        facet: "focus".into(),
        topic: "mission".into(),
        roles: vec!["cio".into()],
        sides: vec![
            side(&["cio-focus-mission-a0-a1"]),
            side(&["cio-focus-mission-a3-a4"]),
        ],
    }
}

/// A valid key line about the CIO on the `collaboration` facet (where the bundled file has none),
/// citing `a4`.
fn key_line(id: &str) -> KeyLine {
    KeyLine {
        id: id.into(),
        facet: "collaboration".into(),
        roles: vec!["cio".into()],
        text: "Works with the CISO.".into(),
        sources: vec![cite("a4")],
        conflicts: Vec::new(),
    }
}

/// Applies `mutate` to the bundled dataset; `Err` describes how the validator's errors differ
/// from `expected` (compared exactly, in order, as `path: message` lines).
fn check(mutate: impl FnOnce(&mut Dataset), expected: &[&str]) -> Result<(), String> {
    let mut d = data::bundled();
    mutate(&mut d);
    let got = errors_of(&d);
    if got == expected {
        Ok(())
    } else {
        Err(format!(
            "expected:\n    {}\n  got:\n    {}",
            expected.join("\n    "),
            got.join("\n    ")
        ))
    }
}

type Case = (&'static str, fn(&mut Dataset), &'static [&'static str]);

const BROKEN: &[Case] = &[
    (
        "duplicate source id",
        |d| {
            d.sources.insert(0, source("twin"));
            d.sources.insert(0, source("twin"));
        },
        &[r#"sources[1].id: duplicate id "twin""#],
    ),
    (
        "duplicate claim id",
        |d| {
            d.claims.insert(0, claim("twin"));
            d.claims.insert(0, claim("twin"));
        },
        &[r#"claims[1].id: duplicate id "twin""#],
    ),
    (
        "malformed claim id: uppercase",
        |d| d.claims.insert(0, claim("Cio-Mission")),
        &[r#"claims[0].id: id "Cio-Mission" must be lowercase letters, digits and dashes"#],
    ),
    (
        "malformed topic id: space",
        |d| d.facets[0].topics.insert(0, topic("two words")),
        &[r#"facets[0].topics[0].id: id "two words" must be lowercase letters, digits and dashes"#],
    ),
    (
        "malformed ids: leading dash, empty, non-ASCII",
        |d| {
            d.claims.insert(0, claim("-dash"));
            d.claims.insert(0, claim(""));
            d.claims.insert(0, claim("caf\u{e9}"));
        },
        &[
            "claims[0].id: id \"caf\u{e9}\" must be lowercase letters, digits and dashes",
            r#"claims[1].id: id "" must be lowercase letters, digits and dashes"#,
            r#"claims[2].id: id "-dash" must be lowercase letters, digits and dashes"#,
        ],
    ),
    (
        "duplicate caveat id across roles",
        |d| {
            d.roles[0].caveats.insert(0, caveat("twin"));
            d.roles[2].caveats.insert(0, caveat("twin"));
        },
        &[r#"roles[2].caveats[0].id: duplicate id "twin""#],
    ),
    (
        "unknown source in a claim citation",
        |d| d.claims[5].sources[0].source = "s9".into(),
        &[r#"claims[5].sources[0]: unknown source "s9""#],
    ),
    (
        "unknown source in a caveat",
        |d| d.roles[2].caveats[0].sources[0].source = "nowhere".into(),
        &[r#"roles[2].caveats[0].sources[0]: unknown source "nowhere""#],
    ),
    (
        "unknown source in summary_sources",
        |d| d.roles[1].summary_sources.insert(0, cite("s9")),
        &[r#"roles[1].summary_sources[0]: unknown source "s9""#],
    ),
    (
        "unknown source in a conflict side",
        |d| d.conflicts[0].sides[1].sources[0].source = "s9".into(),
        &[r#"conflicts[0].sides[1].sources[0]: unknown source "s9""#],
    ),
    (
        "blank citation locator",
        |d| d.claims[2].sources[0].at = Some(" ".into()),
        &["claims[2].sources[0].at: must not be empty"],
    ),
    (
        "claim with no sources",
        |d| d.claims[3].sources.clear(),
        &["claims[3].sources: needs at least one source"],
    ),
    (
        "caveat with no sources",
        |d| d.roles[0].caveats[0].sources.clear(),
        &["roles[0].caveats[0].sources: needs at least one source"],
    ),
    (
        "claim text only whitespace",
        |d| d.claims[4].text = " \t\n ".into(),
        &["claims[4].text: must not be empty"],
    ),
    (
        "claim with no roles",
        |d| {
            let mut c = claim("no-roles");
            c.roles.clear();
            d.claims.insert(0, c);
        },
        &["claims[0].roles: must name at least one role"],
    ),
    (
        "claim with an unknown role",
        |d| {
            let mut c = claim("unknown-role");
            c.roles = vec!["cio".into(), "cto".into()];
            d.claims.insert(0, c);
        },
        &[r#"claims[0].roles[1]: unknown role "cto""#],
    ),
    (
        "claim naming a role twice",
        |d| {
            let mut c = claim("role-twice");
            c.roles = vec!["cio".into(), "ciso".into(), "cio".into()];
            d.claims.insert(0, c);
        },
        &[r#"claims[0].roles[2]: role "cio" listed twice"#],
    ),
    (
        "claim naming a role twice in a long list (past 16, checked through a set)",
        |d| {
            let mut c = claim("role-twice-long");
            c.roles = ["cio", "ciso", "cso"]
                .repeat(7)
                .into_iter()
                .map(String::from)
                .collect();
            d.claims.insert(0, c);
        },
        &[
            r#"claims[0].roles[3]: role "cio" listed twice"#,
            r#"claims[0].roles[4]: role "ciso" listed twice"#,
            r#"claims[0].roles[5]: role "cso" listed twice"#,
            r#"claims[0].roles[6]: role "cio" listed twice"#,
            r#"claims[0].roles[7]: role "ciso" listed twice"#,
            r#"claims[0].roles[8]: role "cso" listed twice"#,
            r#"claims[0].roles[9]: role "cio" listed twice"#,
            r#"claims[0].roles[10]: role "ciso" listed twice"#,
            r#"claims[0].roles[11]: role "cso" listed twice"#,
            r#"claims[0].roles[12]: role "cio" listed twice"#,
            r#"claims[0].roles[13]: role "ciso" listed twice"#,
            r#"claims[0].roles[14]: role "cso" listed twice"#,
            r#"claims[0].roles[15]: role "cio" listed twice"#,
            r#"claims[0].roles[16]: role "ciso" listed twice"#,
            r#"claims[0].roles[17]: role "cso" listed twice"#,
            r#"claims[0].roles[18]: role "cio" listed twice"#,
            r#"claims[0].roles[19]: role "ciso" listed twice"#,
            r#"claims[0].roles[20]: role "cso" listed twice"#,
        ],
    ),
    (
        "claim on an unknown facet",
        |d| {
            let mut c = claim("unknown-facet");
            c.facet = "salary".into();
            d.claims.insert(0, c);
        },
        &[r#"claims[0].facet: unknown facet "salary""#],
    ),
    (
        "claim topic not in its facet",
        |d| {
            let mut c = claim("wrong-topic");
            c.facet = "reporting".into();
            d.claims.insert(0, c);
        },
        &[r#"claims[0].topic: topic "mission" is not a topic of facet "reporting""#],
    ),
    (
        "unknown tag key",
        |d| {
            let mut c = claim("unknown-tag");
            c.tags = tags(&[("salary", &["high"])]);
            d.claims.insert(0, c);
        },
        &["claims[0].tags.salary: unknown tag key (expected one of: target, issuer)"],
    ),
    (
        "empty tag value",
        |d| {
            let mut c = claim("empty-tag-value");
            c.tags = tags(&[("target", &["CEO", " "])]);
            d.claims.insert(0, c);
        },
        &["claims[0].tags.target[1]: must not be empty"],
    ),
    (
        "tag with no values",
        |d| {
            let mut c = claim("no-tag-values");
            c.tags = tags(&[("issuer", &[])]);
            d.claims.insert(0, c);
        },
        &["claims[0].tags.issuer: must list at least one value"],
    ),
    (
        "role with no claims",
        |d| d.roles.insert(0, role("cto")),
        &[r#"roles[0]: role "cto" has no claims"#],
    ),
    (
        "duplicate role id",
        |d| d.roles.insert(1, role("cio")),
        &[r#"roles[1].id: duplicate id "cio""#],
    ),
    (
        "blank role summary and name",
        |d| {
            d.roles[1].summary = String::new();
            d.roles[1].name = "\n".into();
        },
        &[
            "roles[1].name: must not be empty",
            "roles[1].summary: must not be empty",
        ],
    ),
    (
        "conflict with one side",
        |d| {
            let mut k = conflict("one-sided");
            k.sides.truncate(1);
            d.conflicts.insert(0, k);
        },
        &["conflicts[0].sides: a conflict needs at least two sides"],
    ),
    (
        "conflict side naming an unknown claim",
        |d| {
            let mut k = conflict("ghost-claim");
            k.sides[1].claims.push("ghost".into());
            d.conflicts.insert(0, k);
        },
        &[r#"conflicts[0].sides[1].claims[1]: unknown claim "ghost""#],
    ),
    (
        "conflict on an unknown facet",
        |d| {
            let mut k = conflict("unknown-facet");
            k.facet = "salary".into();
            d.conflicts.insert(0, k);
        },
        &[r#"conflicts[0].facet: unknown facet "salary""#],
    ),
    (
        "conflict topic not in its facet",
        |d| {
            let mut k = conflict("wrong-topic");
            k.topic = "reports-to".into();
            d.conflicts.insert(0, k);
        },
        &[r#"conflicts[0].topic: topic "reports-to" is not a topic of facet "focus""#],
    ),
    (
        "conflict with an unknown role and a repeated role",
        |d| {
            let mut k = conflict("bad-roles");
            k.roles = vec!["cio".into(), "ceo".into(), "cio".into()];
            d.conflicts.insert(0, k);
        },
        &[
            r#"conflicts[0].roles[1]: unknown role "ceo""#,
            r#"conflicts[0].roles[2]: role "cio" listed twice"#,
        ],
    ),
    (
        "duplicate conflict id",
        |d| {
            let id = d.conflicts[0].id.clone();
            d.conflicts.insert(1, conflict(&id));
        },
        &[r#"conflicts[1].id: duplicate id "physical-security-owner""#],
    ),
    (
        "wrong format number",
        |d| d.format = 2,
        &["format: unsupported format 2 (this widget reads 1)"],
    ),
    (
        "format zero",
        |d| d.format = 0,
        &["format: unsupported format 0 (this widget reads 1)"],
    ),
    (
        "last_reviewed with month 13",
        |d| d.last_reviewed = "2026-13-01".into(),
        &["last_reviewed: must be a date written YYYY-MM-DD"],
    ),
    (
        "last_reviewed not a date",
        |d| d.last_reviewed = "yesterday".into(),
        &["last_reviewed: must be a date written YYYY-MM-DD"],
    ),
    (
        "last_reviewed day 00",
        |d| d.last_reviewed = "2026-01-00".into(),
        &["last_reviewed: must be a date written YYYY-MM-DD"],
    ),
    (
        "last_reviewed with slashes",
        |d| d.last_reviewed = "2026/01/01".into(),
        &["last_reviewed: must be a date written YYYY-MM-DD"],
    ),
    (
        "last_reviewed with full-width digits",
        |d| d.last_reviewed = "\u{ff12}026-01-01".into(),
        &["last_reviewed: must be a date written YYYY-MM-DD"],
    ),
    (
        "last_reviewed with a non-ASCII byte where a digit goes",
        |d| d.last_reviewed = "2026-0\u{e9}-1".into(),
        &["last_reviewed: must be a date written YYYY-MM-DD"],
    ),
    (
        "empty version",
        |d| d.version = String::new(),
        &["version: must not be empty"],
    ),
    (
        "whitespace version",
        |d| d.version = "\u{a0} ".into(),
        &["version: must not be empty"],
    ),
    (
        "facet with no topics",
        |d| d.facets.insert(0, facet("empty", Vec::new())),
        &["facets[0].topics: must list at least one topic"],
    ),
    (
        "duplicate topic id inside a facet",
        |d| {
            d.facets[1].topics.insert(0, topic("twin"));
            d.facets[1].topics.insert(0, topic("twin"));
        },
        &[r#"facets[1].topics[1].id: duplicate id "twin""#],
    ),
    (
        "duplicate facet id",
        |d| d.facets.insert(1, facet("focus", vec![topic("x")])),
        &[r#"facets[1].id: duplicate id "focus""#],
    ),
    (
        "blank optional texts: source note, facet description",
        |d| {
            d.sources[0].note = Some(String::new());
            d.sources[1].author = Some(" ".into());
            d.facets[2].description = Some("\t".into());
        },
        &[
            "sources[0].note: must not be empty",
            "sources[1].author: must not be empty",
            "facets[2].description: must not be empty",
        ],
    ),
    (
        "no sources at all",
        |d| {
            // With no sources nothing can cite, so drop everything that must cite.
            d.sources.clear();
            for r in &mut d.roles {
                r.summary_sources.clear();
                r.caveats.clear();
            }
            d.claims.clear();
            d.conflicts.clear();
            d.key_lines.clear();
        },
        &[
            "sources: must list at least one source",
            r#"roles[0]: role "cio" has no claims"#,
            r#"roles[1]: role "ciso" has no claims"#,
            r#"roles[2]: role "cso" has no claims"#,
        ],
    ),
    (
        "key line on an unknown facet",
        |d| {
            let mut k = key_line("unknown-facet");
            k.facet = "salary".into();
            d.key_lines.insert(0, k);
        },
        &[r#"key_lines[0].facet: unknown facet "salary""#],
    ),
    (
        "key line about an unknown role",
        |d| {
            let mut k = key_line("unknown-role");
            k.roles = vec!["cto".into()];
            d.key_lines.insert(0, k);
        },
        &[r#"key_lines[0].roles[0]: unknown role "cto""#],
    ),
    (
        "key line with no roles",
        |d| {
            let mut k = key_line("no-roles");
            k.roles.clear();
            d.key_lines.insert(0, k);
        },
        &["key_lines[0].roles: must name at least one role"],
    ),
    (
        "key line naming a role twice",
        |d| {
            let mut k = key_line("role-twice");
            k.roles = vec!["cio".into(), "cio".into()];
            d.key_lines.insert(0, k);
        },
        &[
            r#"key_lines[0].roles[1]: role "cio" listed twice"#,
            r#"key_lines[0].roles[1]: role "cio" already has a key line for facet "collaboration""#,
        ],
    ),
    (
        "second key line for the same facet and role",
        |d| {
            let mut k = key_line("second-focus-cio");
            k.facet = "focus".into();
            d.key_lines.push(k);
        },
        &[r#"key_lines[15].roles[0]: role "cio" already has a key line for facet "focus""#],
    ),
    (
        "shared key line for a role that has its own",
        |d| {
            let mut k = key_line("shared-reporting");
            k.facet = "reporting".into();
            k.roles = vec!["ciso".into(), "cso".into()];
            d.key_lines.insert(0, k);
        },
        &[
            r#"key_lines[14].roles[0]: role "ciso" already has a key line for facet "reporting""#,
            r#"key_lines[15].roles[0]: role "cso" already has a key line for facet "reporting""#,
        ],
    ),
    (
        "key line of 13 words",
        |d| {
            let mut k = key_line("thirteen");
            k.text =
                "One two three four five six seven eight nine ten eleven twelve thirteen.".into();
            d.key_lines.insert(0, k);
        },
        &["key_lines[0].text: 13 words (a key line has at most 12)"],
    ),
    (
        "key line with blank text",
        |d| {
            let mut k = key_line("blank");
            k.text = " \n".into();
            d.key_lines.insert(0, k);
        },
        &["key_lines[0].text: must not be empty"],
    ),
    (
        "key line with no sources",
        |d| {
            let mut k = key_line("uncited");
            k.sources.clear();
            d.key_lines.insert(0, k);
        },
        &["key_lines[0].sources: needs at least one source"],
    ),
    (
        "key line citing an unknown source",
        |d| {
            let mut k = key_line("bad-source");
            k.sources[0].source = "s9".into();
            d.key_lines.insert(0, k);
        },
        &[r#"key_lines[0].sources[0]: unknown source "s9""#],
    ),
    (
        "key line naming an unknown conflict",
        |d| {
            let mut k = key_line("ghost-conflict");
            k.conflicts = vec!["cio-reports-to".into(), "ghost".into()];
            d.key_lines.insert(0, k);
        },
        &[r#"key_lines[0].conflicts[1]: unknown conflict "ghost""#],
    ),
    (
        "duplicate key line id",
        |d| {
            let id = d.key_lines[0].id.clone();
            let mut k = key_line(&id);
            k.facet = "small-orgs".into();
            d.key_lines.push(k);
        },
        &[r#"key_lines[15].id: duplicate id "key-focus-cio""#],
    ),
    // Things the format allows: no error.
    (
        "allowed: exactly 12 words, shared by two roles, on a facet that is not a filter",
        |d| {
            let mut k = key_line("twelve");
            k.roles = vec!["cio".into(), "ciso".into()];
            k.text = "One two three four five six seven eight nine ten eleven twelve.".into();
            k.conflicts = vec!["cio-ciso-relationship".into()];
            d.key_lines.insert(0, k);
        },
        &[],
    ),
    ("allowed: no key lines at all", |d| d.key_lines.clear(), &[]),
    (
        "allowed: same topic id in two facets",
        |d| d.facets[0].topics.push(topic("reports-to")),
        &[],
    ),
    (
        "allowed: citation without a locator, conflict without roles, one conflict, key lines \
         naming none",
        |d| {
            d.claims[0].sources[0].at = None;
            d.conflicts[0].roles.clear();
            d.conflicts.truncate(1);
            for k in &mut d.key_lines {
                k.conflicts.clear();
            }
        },
        &[],
    ),
    (
        "allowed: right-to-left override, zero-width and emoji in text",
        |d| {
            d.claims[0].text = "\u{202e}txet \u{200b}\u{1f600}".into();
            d.version = "\u{200b}".into();
        },
        &[],
    ),
];

#[test]
fn broken_datasets_report_exact_errors() {
    assert!(BROKEN.len() >= 15);
    let failures: Vec<String> = BROKEN
        .iter()
        .filter_map(|(name, mutate, expected)| {
            check(mutate, expected)
                .err()
                .map(|why| format!("case {name:?}: {why}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let expected = [
        "format: unsupported format 7 (this widget reads 1)",
        "version: must not be empty",
        "last_reviewed: must be a date written YYYY-MM-DD",
        r#"sources[1].id: duplicate id "a0""#,
        "facets[3].topics[0].label: must not be empty",
        "roles[2].caveats[0].sources: needs at least one source",
        r#"claims[5].sources[0]: unknown source "s9""#,
        "claims[6].text: must not be empty",
        r#"claims[7].roles[0]: unknown role "ceo""#,
        r#"conflicts[0].facet: unknown facet "nope""#,
        r#"conflicts[1].sides[0].claims[0]: unknown claim "ghost""#,
        r#"roles[3]: role "cto" has no claims"#,
    ];
    let outcome = check(
        |d| {
            d.format = 7;
            d.version = String::new();
            d.last_reviewed = "yesterday".into();
            let mut twin = source("a0");
            twin.kind = SourceKind::IssuingBody;
            d.sources.insert(1, twin);
            d.facets[3].topics[0].label = " ".into();
            d.roles[2].caveats[0].sources.clear();
            d.claims[5].sources[0].source = "s9".into();
            d.claims[6].text = String::new();
            d.claims[7].roles.insert(0, "ceo".into());
            d.conflicts[0].facet = "nope".into();
            d.conflicts[1].sides[0].claims[0] = "ghost".into();
            d.roles.push(role("cto"));
        },
        &expected,
    );
    if let Err(why) = outcome {
        panic!("{why}");
    }
    // The same list through the typed API: one `ValidationError` per problem, paths intact.
    let mut d = data::bundled();
    d.format = 7;
    d.claims[5].sources[0].source = "s9".into();
    let errors = validate(&d).expect_err("two problems");
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0].path, "format");
    assert_eq!(errors[1].path, "claims[5].sources[0]");
    assert_eq!(errors[1].message, r#"unknown source "s9""#);
}

// ---------------------------------------------------------------------------------------------
// 3. Shape errors: JSON that does not fit the types
// ---------------------------------------------------------------------------------------------

fn bundled_value() -> Value {
    serde_json::from_str(data::BUNDLED_JSON).expect("bundled JSON")
}

/// Parses `v` (after `mutate`) and returns the error message; fails if it parses.
fn shape_error(mutate: impl FnOnce(&mut Value)) -> String {
    let mut v = bundled_value();
    mutate(&mut v);
    let text = serde_json::to_string_pretty(&v).expect("serializes");
    shape_error_text(&text)
}

fn shape_error_text(text: &str) -> String {
    let outcome = catch_unwind(|| data::parse_json(text));
    match outcome {
        Err(_) => panic!("parse_json panicked on {:.200}", text),
        Ok(Ok(_)) => panic!("parse_json accepted {:.200}", text),
        Ok(Err(errors)) => {
            assert!(!errors.is_empty(), "Err with no errors");
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            lines.join("\n")
        }
    }
}

/// The bundled file as people edit it (pretty-printed; `BUNDLED_JSON` is minified).
const SOURCE_JSON: &str = include_str!("../src/data/roles.json");

#[test]
fn the_embedded_text_is_the_source_file_minified() {
    assert!(data::BUNDLED_JSON.len() < SOURCE_JSON.len() * 3 / 4);
    let pretty: Value = serde_json::from_str(SOURCE_JSON).expect("source parses");
    let embedded: Value = serde_json::from_str(data::BUNDLED_JSON).expect("embedded parses");
    assert_eq!(pretty, embedded);
}

#[test]
fn shape_errors_name_the_path_and_what_was_found() {
    const TOP: &str =
        "format, version, last_reviewed, sources, facets, roles, claims, conflicts, key_lines, title";
    let cases: Vec<(&str, String, String)> = vec![
        (
            "unknown top-level key",
            shape_error(|v| v["colour"] = json!("blue")),
            format!("colour: unknown field (expected one of: {TOP})"),
        ),
        (
            "unknown key in a claim",
            shape_error(|v| v["claims"][0]["weight"] = json!(3)),
            "claims[0].weight: unknown field (expected one of: id, roles, facet, topic, text, \
             sources, tags)"
                .into(),
        ),
        (
            "$schema key (the bundled file must not carry one)",
            shape_error(|v| v["$schema"] = json!("x")),
            format!("$schema: unknown field (expected one of: {TOP})"),
        ),
        (
            "unknown key in a key line",
            shape_error(|v| v["key_lines"][0]["weight"] = json!(3)),
            "key_lines[0].weight: unknown field (expected one of: id, facet, roles, text, \
             sources, conflicts)"
                .into(),
        ),
        (
            "key line roles as a string",
            shape_error(|v| v["key_lines"][2]["roles"] = json!("cso")),
            r#"key_lines[2].roles: expected an array, found "cso""#.into(),
        ),
        (
            "missing key line text",
            shape_error(|v| {
                v["key_lines"][4].as_object_mut().unwrap().remove("text");
            }),
            "key_lines[4]: missing field `text`".into(),
        ),
        (
            "claim roles as a string",
            shape_error(|v| v["claims"][0]["roles"] = json!("cio")),
            r#"claims[0].roles: expected an array, found "cio""#.into(),
        ),
        (
            "missing claim text",
            shape_error(|v| {
                v["claims"][3].as_object_mut().unwrap().remove("text");
            }),
            "claims[3]: missing field `text`".into(),
        ),
        (
            "missing top-level claims",
            shape_error(|v| {
                v.as_object_mut().unwrap().remove("claims");
            }),
            "missing field `claims`".into(),
        ),
        (
            "format as a string",
            shape_error(|v| v["format"] = json!("1")),
            r#"format: expected a number, found "1""#.into(),
        ),
        (
            "format negative",
            shape_error(|v| v["format"] = json!(-1)),
            "format: expected a whole number from 0 to 4294967295, found -1".into(),
        ),
        (
            "format fractional",
            shape_error(|v| v["format"] = json!(1.5)),
            "format: expected a whole number from 0 to 4294967295, found 1.5".into(),
        ),
        (
            "format too large",
            shape_error(|v| v["format"] = json!(u64::from(u32::MAX) + 1)),
            "format: expected a whole number from 0 to 4294967295, found 4294967296".into(),
        ),
        (
            "unknown source kind",
            shape_error(|v| v["sources"][0]["kind"] = json!("blog")),
            r#"sources[0].kind: expected "article" or "issuing-body", found "blog""#.into(),
        ),
        (
            "filter as a string",
            shape_error(|v| v["facets"][0]["filter"] = json!("yes")),
            r#"facets[0].filter: expected true or false, found "yes""#.into(),
        ),
        (
            "tags as an array",
            shape_error(|v| v["claims"][80]["tags"] = json!(["PMI"])),
            "claims[80].tags: expected an object, found an array".into(),
        ),
        (
            "tag value a string, not a list",
            shape_error(|v| v["claims"][80]["tags"] = json!({"issuer": "PMI"})),
            r#"claims[80].tags.issuer: expected an array of strings, found "PMI""#.into(),
        ),
        (
            "a long string is shortened in the message",
            shape_error(|v| v["claims"][1]["sources"] = json!("x".repeat(100))),
            format!(
                r#"claims[1].sources: expected an array, found "{}…""#,
                "x".repeat(40)
            ),
        ),
        (
            "null dataset",
            shape_error_text("null"),
            "expected an object (the dataset), found null".into(),
        ),
        (
            "duplicate top-level key",
            shape_error_text(&data::BUNDLED_JSON.replacen('{', "{\"format\": 1,", 1)),
            "format: duplicate field".into(),
        ),
        (
            "every shape problem at once, each with its path",
            shape_error(|v| {
                v["version"] = json!(2);
                v["roles"][1].as_object_mut().unwrap().remove("name");
                v["claims"][7]["sources"][0]["at"] = json!(false);
                v["conflicts"][0]["sides"][1]["claims"] = json!([1]);
            }),
            "version: expected a string, found 2\n\
             roles[1]: missing field `name`\n\
             claims[7].sources[0].at: expected a string, found a boolean\n\
             conflicts[0].sides[1].claims[0]: expected a string, found 1"
                .into(),
        ),
        (
            "truncated file",
            shape_error_text(&data::BUNDLED_JSON[..100]),
            "not JSON: unexpected end of the text (EOF) at line 1, column 101".into(),
        ),
        (
            "empty text",
            shape_error_text(""),
            "not JSON: unexpected end of the text (EOF) at line 1, column 1".into(),
        ),
        (
            "deeply nested arrays",
            shape_error_text(&format!("{}{}", "[".repeat(100_000), "]".repeat(100_000))),
            "not JSON: nested too deeply at line 1, column 65".into(),
        ),
    ];
    let mut failures = Vec::new();
    for (name, message, expected) in &cases {
        if message != expected {
            failures.push(format!("{name}:\n   got {message:?}\n  want {expected:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The crate's reader and serde_json (through the model's serde derives) agree: where both read
/// a text, they read the same dataset. Three differences are allowed: the reader refuses a
/// repeated key inside `tags` (serde_json lets the last one win); it refuses an array where an
/// object goes (serde's derives also read a struct from an array of its fields in order, such as
/// `[""]` for a citation, which the format does not allow); and it reads an escaped lone
/// surrogate as U+FFFD, as the browser does, where serde_json refuses the text.
fn agrees_with_serde_json(input: &str) {
    let ours = data::parse_json(input);
    let theirs = serde_json::from_str::<Dataset>(input);
    match (ours, theirs) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "the readers disagree on the value"),
        (Err(_), Err(_)) => {}
        (Ok(_), Err(e)) => assert!(
            ["surrogate", "hex escape"]
                .iter()
                .any(|m| e.to_string().contains(m))
                && input.contains("\\u"),
            "only serde_json refused it: {e}"
        ),
        (Err(errors), Ok(_)) => assert!(
            errors.iter().all(|e| {
                (e.message == "duplicate field" && e.path.contains(".tags."))
                    || e.message == "expected an object, found an array"
            }),
            "only the crate's reader refused it: {errors:?}"
        ),
    }
}

#[test]
fn an_escaped_lone_surrogate_reads_as_a_replacement_character() {
    let text = SOURCE_JSON.replacen("\"version\": \"", "\"version\": \"\\ud800", 1);
    let d = data::parse_json(&text).expect("read");
    assert!(d.version.starts_with('\u{fffd}'), "{:?}", d.version);
    let err = serde_json::from_str::<Dataset>(&text)
        .unwrap_err()
        .to_string();
    assert!(err.contains("hex escape"), "serde_json says {err}");
}

#[test]
fn the_reader_agrees_with_serde_json_on_the_bundled_file() {
    agrees_with_serde_json(SOURCE_JSON);
    agrees_with_serde_json(data::BUNDLED_JSON);
}

// ---------------------------------------------------------------------------------------------
// 4. Property test: parse_json + validate never panic, and validate agrees with the rules
// ---------------------------------------------------------------------------------------------

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

/// Strings that tend to break things: escapes, direction overrides, zero-width and astral
/// characters, whitespace of all kinds, ids from the bundled file, near-miss dates.
const NASTY_STRINGS: &[&str] = &[
    "",
    " ",
    "\t\n\r",
    "\u{a0}\u{2003}",
    "\u{202e}evil",
    "\u{200b}",
    "zero\u{200b}width\u{200d}joiner\u{feff}",
    "\u{1f600}\u{1f469}\u{200d}\u{1f4bb}",
    "\u{0}",
    "\"quoted\" \\ back",
    "caf\u{e9}",
    "\u{ff12}\u{ff10}\u{ff12}\u{ff16}-01-01",
    "2026-13-01",
    "2026-02-31",
    "2026-1\u{e9}01",
    "yesterday",
    "a0",
    "ib-isc2",
    "cio",
    "ciso",
    "cso",
    "focus",
    "reporting",
    "reports-to",
    "physical-security",
    "target",
    "issuer",
    "article",
    "issuing-body",
    "Cio",
    "two words",
    "-",
    "1",
];

/// Raw JSON fragments spliced in as text: things a `serde_json::Value` cannot hold.
const RAW_FRAGMENTS: &[&str] = &[
    r#""\ud800""#,
    r#""\udfff""#,
    r#""a\ud800b""#,
    r#""\ud83d\ude00""#,
    r#""\u0000""#,
    r#""\u202e""#,
    "1e400",
    "-1e400",
    "18446744073709551616",
    "-9223372036854775809",
    "4294967296",
    "-0",
    "0.0",
    "1E0",
    "1.0",
    "[]",
    "{}",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
];

fn nasty_string(rng: &mut Rng) -> String {
    match rng.below(6) {
        0 => "x".repeat(rng.below(5000)),
        1 => {
            // A random mix of nasty pieces.
            (0..rng.below(6))
                .map(|_| *rng.pick(NASTY_STRINGS))
                .collect()
        }
        2 => (0..rng.below(24))
            .map(|_| char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('\u{fffd}'))
            .collect(),
        _ => rng.pick(NASTY_STRINGS).to_string(),
    }
}

fn random_number(rng: &mut Rng) -> Value {
    match rng.below(8) {
        0 => json!(0),
        1 => json!(1),
        2 => json!(-1),
        3 => json!(u64::MAX),
        4 => json!(i64::MIN),
        5 => json!(1.5),
        6 => json!(-1e300),
        _ => json!(rng.next() as i64),
    }
}

/// Field names of the format, so random objects sometimes look like the real thing.
const KEYS: &[&str] = &[
    "format",
    "version",
    "last_reviewed",
    "sources",
    "facets",
    "roles",
    "claims",
    "conflicts",
    "id",
    "kind",
    "title",
    "label",
    "topics",
    "filter",
    "abbr",
    "name",
    "summary",
    "text",
    "source",
    "at",
    "sides",
    "tags",
    "facet",
    "topic",
    "caveats",
    "summary_sources",
    "claims",
    "key_lines",
    "roles",
    "conflicts",
    "x",
];

/// A random JSON value no deeper than `depth`.
fn random_value(rng: &mut Rng, depth: usize) -> Value {
    let kinds = if depth == 0 { 4 } else { 6 };
    match rng.below(kinds) {
        0 => Value::Null,
        1 => Value::Bool(rng.percent(50)),
        2 => random_number(rng),
        3 => Value::String(nasty_string(rng)),
        4 => Value::Array(
            (0..rng.below(4))
                .map(|_| random_value(rng, depth - 1))
                .collect(),
        ),
        _ => Value::Object(
            (0..rng.below(5))
                .map(|_| {
                    let key = if rng.percent(80) {
                        rng.pick(KEYS).to_string()
                    } else {
                        nasty_string(rng)
                    };
                    (key, random_value(rng, depth - 1))
                })
                .collect(),
        ),
    }
}

/// One step from a JSON node to a child.
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn node_mut<'a>(v: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    path.iter().try_fold(v, |node, step| match step {
        Step::Key(k) => node.as_object_mut()?.get_mut(k),
        Step::Index(i) => node.as_array_mut()?.get_mut(*i),
    })
}

/// A dataset to damage: its JSON text, its tree, and every node's path (to pick targets from).
struct Base {
    text: String,
    value: Value,
    all: Vec<Vec<Step>>,
    arrays: Vec<Vec<Step>>,
    objects: Vec<Vec<Step>>,
    strings: Vec<Vec<Step>>,
    string_pool: Vec<String>,
}

impl Base {
    fn new(text: String) -> Self {
        let value: Value = serde_json::from_str(&text).expect("base JSON");
        let mut base = Base {
            text,
            value: Value::Null,
            all: Vec::new(),
            arrays: Vec::new(),
            objects: Vec::new(),
            strings: Vec::new(),
            string_pool: Vec::new(),
        };
        base.index(&value, &mut Vec::new());
        base.value = value;
        base
    }

    fn index(&mut self, v: &Value, path: &mut Vec<Step>) {
        self.all.push(path.clone());
        match v {
            Value::Array(items) => {
                self.arrays.push(path.clone());
                for (i, item) in items.iter().enumerate() {
                    path.push(Step::Index(i));
                    self.index(item, path);
                    path.pop();
                }
            }
            Value::Object(map) => {
                self.objects.push(path.clone());
                for (k, item) in map {
                    path.push(Step::Key(k.clone()));
                    self.index(item, path);
                    path.pop();
                }
            }
            Value::String(s) => {
                self.strings.push(path.clone());
                if s.len() < 60 {
                    self.string_pool.push(s.clone());
                }
            }
            _ => {}
        }
    }
}

/// The bundled dataset cut down to one conflict and the claims it needs (plus one per role) and
/// the key lines of two facets (naming that conflict only), still valid: a cheaper base, on which a
/// random mutation more often hits roles, facets or sources.
fn slim_dataset() -> Dataset {
    let mut d = data::bundled();
    d.conflicts.truncate(1);
    let kept_conflict = d.conflicts[0].id.clone();
    d.key_lines
        .retain(|k| k.facet == "focus" || k.facet == "duties");
    for k in &mut d.key_lines {
        k.conflicts.retain(|c| *c == kept_conflict);
    }
    assert!(d.key_lines.iter().any(|k| !k.conflicts.is_empty()));
    let needed: HashSet<String> = d.conflicts[0]
        .sides
        .iter()
        .flat_map(|s| s.claims.iter().cloned())
        .collect();
    let mut covered = HashSet::new();
    d.claims.retain(|c| {
        let first_for_a_role = c.roles.iter().any(|r| covered.insert(r.clone()));
        first_for_a_role || needed.contains(&c.id)
    });
    let errors = errors_of(&d);
    assert!(
        errors.is_empty(),
        "slim dataset invalid:\n{}",
        errors.join("\n")
    );
    d
}

/// Strategy (a): byte-level damage to the bundled text.
fn mutate_text(rng: &mut Rng, base: &Base) -> String {
    let mut bytes = base.text.as_bytes().to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = bytes.len();
        if len == 0 {
            break;
        }
        let at = rng.below(len);
        match rng.below(7) {
            0 => bytes[at] ^= 1 << rng.below(8),
            1 => {
                let end = (at + 1 + rng.below(16)).min(len);
                bytes.drain(at..end);
            }
            2 => {
                let insert: Vec<u8> = if rng.percent(50) {
                    rng.pick(RAW_FRAGMENTS).as_bytes().to_vec()
                } else {
                    let chars = [
                        "{",
                        "}",
                        "[",
                        "]",
                        "\"",
                        "\\",
                        ",",
                        ":",
                        "0",
                        "-",
                        "e",
                        "\u{202e}",
                        "\u{200b}",
                        "\u{1f600}",
                    ];
                    rng.pick(&chars).as_bytes().to_vec()
                };
                bytes.splice(at..at, insert);
            }
            3 => bytes.truncate(at),
            4 => bytes[at] = rng.next() as u8,
            5 => {
                let end = (at + 1 + rng.below(64)).min(len);
                let copy = bytes[at..end].to_vec();
                let to = rng.below(len);
                bytes.splice(to..to, copy);
            }
            _ => {
                // Swap two structural characters: `[` for `{`, `"` for `'`, …
                let swaps = [
                    (b'[', b'{'),
                    (b']', b'}'),
                    (b'"', b'\''),
                    (b',', b' '),
                    (b':', b','),
                ];
                let (a, b) = *rng.pick(&swaps);
                if let Some(p) = bytes[at..].iter().position(|&c| c == a) {
                    bytes[at + p] = b;
                }
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Strategy (b): structural damage to the bundled JSON tree. The tree is changed in place and
/// restored before returning (cloning all of it per case would dominate the run time).
fn mutate_tree(rng: &mut Rng, base: &mut Base) -> String {
    let mut undo: Vec<(Vec<Step>, Value)> = Vec::new();
    let mut raws: Vec<&str> = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let op = rng.below(9);
        let targets = match op {
            0 | 8 => &base.objects,
            1 | 2 => &base.all,
            3 => &base.strings,
            _ => &base.arrays,
        };
        let path = rng.pick(targets).clone();
        // An earlier mutation of this case may have removed the node.
        let Some(node) = node_mut(&mut base.value, &path) else {
            continue;
        };
        undo.push((path, node.clone()));
        match (op, node) {
            (0, Value::Object(map)) if !map.is_empty() => {
                // Delete a key at a random depth.
                let key = map.keys().nth(rng.below(map.len())).cloned().unwrap();
                map.remove(&key);
            }
            (1 | 2, node) => {
                // Replace a node with a value of (usually) another type.
                *node = if rng.percent(30) {
                    raws.push(*rng.pick(RAW_FRAGMENTS));
                    Value::String(format!("@@raw{}@@", raws.len() - 1))
                } else {
                    random_value(rng, 2)
                };
            }
            (3, node) => {
                // Replace a string with another string from the file: dangling and crossed refs.
                *node = Value::String(if rng.percent(70) {
                    rng.pick(&base.string_pool).clone()
                } else {
                    nasty_string(rng)
                });
            }
            (4 | 5, Value::Array(items)) if !items.is_empty() => {
                // Duplicate an array element.
                let item = items[rng.below(items.len())].clone();
                let at = rng.below(items.len() + 1);
                items.insert(at, item);
            }
            (6, Value::Array(items)) => items.clear(),
            (7, Value::Array(items)) if !items.is_empty() => {
                items.remove(rng.below(items.len()));
            }
            (8, Value::Object(map)) if !map.is_empty() => {
                // Rename a key to a near miss.
                let key = map.keys().nth(rng.below(map.len())).cloned().unwrap();
                let value = map.remove(&key).unwrap();
                let suffix = rng.pick(&["", "_", "s"]);
                map.insert(format!("{}{suffix}", key.to_uppercase()), value);
            }
            _ => {}
        }
    }
    let mut text = if rng.percent(50) {
        serde_json::to_string(&base.value)
    } else {
        serde_json::to_string_pretty(&base.value)
    }
    .expect("a Value serializes");
    for (i, raw) in raws.iter().enumerate() {
        text = text.replace(&format!("\"@@raw{i}@@\""), raw);
    }
    // Undo in reverse order: each path was valid in the state its change was made from.
    for (path, old) in undo.into_iter().rev() {
        *node_mut(&mut base.value, &path).expect("an undo path resolves") = old;
    }
    text
}

/// Strategy (c): a random small JSON value (or a little random JSON-ish text).
fn random_json(rng: &mut Rng) -> String {
    if rng.percent(15) {
        let alphabet = b"{}[]\":,0123456789-+.eEtrufalsn \\u";
        return (0..rng.below(48))
            .map(|_| *rng.pick(alphabet) as char)
            .collect();
    }
    let v = if rng.percent(60) {
        // An object with the top-level keys, each holding something random.
        let mut map = serde_json::Map::new();
        for key in TOP_LEVEL {
            if rng.percent(85) {
                map.insert(key.to_string(), random_value(rng, 3));
            }
        }
        Value::Object(map)
    } else {
        random_value(rng, 4)
    };
    serde_json::to_string(&v).expect("a Value serializes")
}

/// Strategy (d): a random small dataset of the right shape, valid by construction unless the
/// dice say otherwise, so `validate` sees both valid and subtly broken input.
fn random_dataset(rng: &mut Rng) -> String {
    let badness = *rng.pick(&[0, 0, 2, 8, 25]);
    let bad = |rng: &mut Rng| rng.percent(badness);
    let text = |rng: &mut Rng| -> String {
        if rng.percent(badness) {
            rng.pick(&["", " ", "\n\t", "\u{a0}"]).to_string()
        } else {
            match rng.below(4) {
                0 => nasty_string(rng).replace(char::is_whitespace, "") + "t",
                _ => "Some text".to_string(),
            }
        }
    };
    let weird_id = |rng: &mut Rng| {
        rng.pick(&["", "A", "a b", "-a", "caf\u{e9}", "x_y", "ghost"])
            .to_string()
    };

    let n_sources = if bad(rng) { 0 } else { 1 + rng.below(3) };
    let sources: Vec<Source> = (0..n_sources)
        .map(|i| Source {
            id: if bad(rng) {
                weird_id(rng)
            } else if bad(rng) {
                "s0".into()
            } else {
                format!("s{i}")
            },
            kind: if rng.percent(50) {
                SourceKind::Article
            } else {
                SourceKind::IssuingBody
            },
            title: text(rng),
            author: rng.percent(30).then(|| text(rng)),
            publisher: rng.percent(30).then(|| text(rng)),
            note: rng.percent(30).then(|| text(rng)),
        })
        .collect();
    let source_ids: Vec<String> = sources.iter().map(|s| s.id.clone()).collect();
    let cites = |rng: &mut Rng, min: usize| -> Vec<Citation> {
        let n = if bad(rng) { 0 } else { min + rng.below(2) };
        (0..n)
            .map(|_| Citation {
                source: if bad(rng) || source_ids.is_empty() {
                    weird_id(rng)
                } else {
                    rng.pick(&source_ids).clone()
                },
                at: rng.percent(70).then(|| text(rng)),
            })
            .collect()
    };

    let n_facets = if bad(rng) { 0 } else { 1 + rng.below(2) };
    let facets: Vec<Facet> = (0..n_facets)
        .map(|i| Facet {
            id: if bad(rng) {
                weird_id(rng)
            } else if bad(rng) {
                "f0".into()
            } else {
                format!("f{i}")
            },
            label: text(rng),
            filter: rng.percent(50),
            description: rng.percent(30).then(|| text(rng)),
            topics: (0..if bad(rng) { 0 } else { 1 + rng.below(3) })
                .map(|j| Topic {
                    id: if bad(rng) {
                        weird_id(rng)
                    } else if bad(rng) {
                        "t0".into()
                    } else {
                        format!("t{j}")
                    },
                    label: text(rng),
                })
                .collect(),
        })
        .collect();
    let row = |rng: &mut Rng| -> (String, String) {
        if facets.is_empty() || bad(rng) {
            return (weird_id(rng), "t0".into());
        }
        let f = rng.pick(&facets);
        let topic = if f.topics.is_empty() || bad(rng) {
            "t9".to_string()
        } else {
            rng.pick(&f.topics).id.clone()
        };
        (f.id.clone(), topic)
    };

    let n_roles = if bad(rng) { 0 } else { 1 + rng.below(3) };
    let roles: Vec<Role> = (0..n_roles)
        .map(|i| Role {
            id: if bad(rng) {
                weird_id(rng)
            } else if bad(rng) {
                "r0".into()
            } else {
                format!("r{i}")
            },
            abbr: text(rng),
            name: text(rng),
            summary: text(rng),
            summary_sources: cites(rng, 0),
            caveats: (0..rng.below(3))
                .map(|j| Caveat {
                    id: if bad(rng) {
                        "c0-0".into()
                    } else {
                        format!("c{i}-{j}")
                    },
                    text: text(rng),
                    sources: cites(rng, 1),
                })
                .collect(),
        })
        .collect();
    let role_ids: Vec<String> = roles.iter().map(|r| r.id.clone()).collect();
    let role_list = |rng: &mut Rng, first: usize, min: usize| -> Vec<String> {
        let mut list: Vec<String> = Vec::new();
        if !role_ids.is_empty() {
            let n = (min + rng.below(2)).min(role_ids.len());
            list = (0..n)
                .map(|k| role_ids[(first + k) % role_ids.len()].clone())
                .collect();
        }
        if bad(rng) {
            list.clear();
        }
        if bad(rng) {
            list.push(weird_id(rng));
        }
        if bad(rng) && !list.is_empty() {
            list.push(list[0].clone());
        }
        list
    };

    let n_claims = roles.len() + rng.below(3);
    let claims: Vec<Claim> = (0..n_claims)
        .map(|i| {
            let (facet, topic) = row(rng);
            let mut tags = BTreeMap::new();
            for _ in 0..rng.below(3) {
                let key = if bad(rng) {
                    "colour".to_string()
                } else {
                    rng.pick(&TAG_KEYS).to_string()
                };
                let n = if bad(rng) { 0 } else { 1 + rng.below(2) };
                tags.insert(key, (0..n).map(|_| text(rng)).collect());
            }
            Claim {
                id: if bad(rng) {
                    weird_id(rng)
                } else if bad(rng) {
                    "k0".into()
                } else {
                    format!("k{i}")
                },
                roles: role_list(rng, i, 1),
                facet,
                topic,
                text: text(rng),
                sources: cites(rng, 1),
                tags,
            }
        })
        .collect();
    let claim_ids: Vec<String> = claims.iter().map(|c| c.id.clone()).collect();

    let conflicts: Vec<Conflict> = (0..rng.below(3))
        .map(|i| {
            let (facet, topic) = row(rng);
            let n_sides = if bad(rng) {
                rng.below(2)
            } else {
                2 + rng.below(2)
            };
            Conflict {
                id: if bad(rng) {
                    "x0".into()
                } else {
                    format!("x{i}")
                },
                title: text(rng),
                facet,
                topic,
                roles: role_list(rng, i, 0),
                sides: (0..n_sides)
                    .map(|_| ConflictSide {
                        text: text(rng),
                        sources: cites(rng, 1),
                        claims: (0..rng.below(3))
                            .map(|_| {
                                if bad(rng) || claim_ids.is_empty() {
                                    weird_id(rng)
                                } else {
                                    rng.pick(&claim_ids).clone()
                                }
                            })
                            .collect(),
                    })
                    .collect(),
            }
        })
        .collect();
    let conflict_ids: Vec<String> = conflicts.iter().map(|k| k.id.clone()).collect();

    // Key lines: about half the (facet, role) pairs get one, sometimes shared with the next role;
    // the dice add repeats, unknown facets and roles, long texts and dangling conflicts.
    let mut key_lines: Vec<KeyLine> = Vec::new();
    for (fi, f) in facets.iter().enumerate() {
        let mut ri = 0;
        while ri < role_ids.len() {
            if rng.percent(50) {
                let shared = ri + 1 < role_ids.len() && rng.percent(20);
                let mut roles: Vec<String> = role_ids[ri..=ri + usize::from(shared)].to_vec();
                ri += usize::from(shared);
                if bad(rng) {
                    roles.push(if rng.percent(50) {
                        weird_id(rng)
                    } else {
                        role_ids[0].clone()
                    });
                }
                if bad(rng) {
                    roles.clear();
                }
                let words = if bad(rng) {
                    13 + rng.below(3)
                } else {
                    1 + rng.below(12)
                };
                key_lines.push(KeyLine {
                    id: if bad(rng) {
                        weird_id(rng)
                    } else if bad(rng) {
                        "l0-0".into()
                    } else {
                        format!("l{fi}-{ri}")
                    },
                    facet: if bad(rng) {
                        weird_id(rng)
                    } else {
                        f.id.clone()
                    },
                    roles,
                    text: if bad(rng) {
                        text(rng)
                    } else {
                        vec!["word"; words].join(" ")
                    },
                    sources: cites(rng, 1),
                    conflicts: (0..rng.below(2))
                        .map(|_| {
                            if bad(rng) || conflict_ids.is_empty() {
                                weird_id(rng)
                            } else {
                                rng.pick(&conflict_ids).clone()
                            }
                        })
                        .collect(),
                });
            }
            ri += 1;
        }
    }

    let d = Dataset {
        format: if bad(rng) { rng.next() as u32 } else { FORMAT },
        version: text(rng),
        last_reviewed: if bad(rng) {
            rng.pick(&[
                "2026-13-01",
                "2026-00-01",
                "2026-01-32",
                "yesterday",
                "26-01-01",
                "2026-1\u{e9}01",
                "",
            ])
            .to_string()
        } else {
            format!(
                "{:04}-{:02}-{:02}",
                rng.below(10_000),
                1 + rng.below(12),
                1 + rng.below(31)
            )
        },
        sources,
        facets,
        roles,
        claims,
        conflicts,
        key_lines,
        title: None,
    };
    serde_json::to_string(&d).expect("a Dataset serializes")
}

/// `YYYY-MM-DD` as the schema's pattern states it.
fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse::<u32>().unwrap())
    };
    match parts.as_slice() {
        [y, m, d] => {
            num(y, 4).is_some()
                && num(m, 2).is_some_and(|m| (1..=12).contains(&m))
                && num(d, 2).is_some_and(|d| (1..=31).contains(&d))
        }
        _ => false,
    }
}

/// The rules of `docs/DATASET.md`, restated independently of `src/core/validate.rs`: true when `d`
/// breaks none of them.
fn follows_the_rules(d: &Dataset) -> bool {
    fn text(s: &str) -> bool {
        s.chars().any(|c| !c.is_whitespace())
    }
    fn id(s: &str) -> bool {
        let mut bytes = s.bytes();
        bytes
            .next()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    }
    fn unique<'a>(ids: impl IntoIterator<Item = &'a str>) -> bool {
        let mut seen = HashSet::new();
        ids.into_iter().all(|i| id(i) && seen.insert(i))
    }
    let sources: HashSet<&str> = d.sources.iter().map(|s| s.id.as_str()).collect();
    let cited = |cites: &[Citation], min: usize| {
        cites.len() >= min
            && cites
                .iter()
                .all(|c| sources.contains(c.source.as_str()) && c.at.as_deref().is_none_or(text))
    };
    let roles: HashSet<&str> = d.roles.iter().map(|r| r.id.as_str()).collect();
    let role_list = |list: &[String]| {
        list.iter().all(|r| roles.contains(r.as_str()))
            && list.iter().collect::<HashSet<_>>().len() == list.len()
    };
    let row = |facet: &str, topic: &str| {
        d.facets
            .iter()
            .find(|f| f.id == facet)
            .is_some_and(|f| f.topics.iter().any(|t| t.id == topic))
    };
    let claims: HashSet<&str> = d.claims.iter().map(|c| c.id.as_str()).collect();
    let conflicts: HashSet<&str> = d.conflicts.iter().map(|k| k.id.as_str()).collect();

    d.format == FORMAT
        && text(&d.version)
        && d.title.as_deref().is_none_or(text)
        && is_date(&d.last_reviewed)
        && !d.sources.is_empty()
        && unique(d.sources.iter().map(|s| s.id.as_str()))
        && d.sources.iter().all(|s| {
            text(&s.title)
                && [&s.author, &s.publisher, &s.note]
                    .iter()
                    .all(|o| o.as_deref().is_none_or(text))
        })
        && !d.facets.is_empty()
        && unique(d.facets.iter().map(|f| f.id.as_str()))
        && d.facets.iter().all(|f| {
            text(&f.label)
                && f.description.as_deref().is_none_or(text)
                && !f.topics.is_empty()
                && unique(f.topics.iter().map(|t| t.id.as_str()))
                && f.topics.iter().all(|t| text(&t.label))
        })
        && !d.roles.is_empty()
        && unique(d.roles.iter().map(|r| r.id.as_str()))
        && unique(
            d.roles
                .iter()
                .flat_map(|r| &r.caveats)
                .map(|c| c.id.as_str()),
        )
        && d.roles.iter().all(|r| {
            text(&r.abbr)
                && text(&r.name)
                && text(&r.summary)
                && cited(&r.summary_sources, 0)
                && r.caveats
                    .iter()
                    .all(|c| text(&c.text) && cited(&c.sources, 1))
                && d.claims.iter().any(|c| c.roles.contains(&r.id))
        })
        && unique(d.claims.iter().map(|c| c.id.as_str()))
        && d.claims.iter().all(|c| {
            !c.roles.is_empty()
                && role_list(&c.roles)
                && row(&c.facet, &c.topic)
                && text(&c.text)
                && cited(&c.sources, 1)
                && c.tags.iter().all(|(k, vs)| {
                    TAG_KEYS.contains(&k.as_str()) && !vs.is_empty() && vs.iter().all(|v| text(v))
                })
        })
        && unique(d.conflicts.iter().map(|k| k.id.as_str()))
        && d.conflicts.iter().all(|k| {
            text(&k.title)
                && row(&k.facet, &k.topic)
                && role_list(&k.roles)
                && k.sides.len() >= 2
                && k.sides.iter().all(|s| {
                    text(&s.text)
                        && cited(&s.sources, 1)
                        && s.claims.iter().all(|c| claims.contains(c.as_str()))
                })
        })
        && unique(d.key_lines.iter().map(|k| k.id.as_str()))
        && d.key_lines.iter().all(|k| {
            d.facets.iter().any(|f| f.id == k.facet)
                && !k.roles.is_empty()
                && role_list(&k.roles)
                && text(&k.text)
                && k.text.split_whitespace().count() <= KEY_LINE_WORDS
                && cited(&k.sources, 1)
                && k.conflicts.iter().all(|c| conflicts.contains(c.as_str()))
        })
        // One line per (facet, role): no pair is claimed twice, within a line or across lines.
        && {
            let pairs: Vec<(&str, &str)> = d
                .key_lines
                .iter()
                .flat_map(|k| k.roles.iter().map(|r| (k.facet.as_str(), r.as_str())))
                .collect();
            pairs.iter().collect::<HashSet<_>>().len() == pairs.len()
        }
}

/// What happened to one input.
enum Outcome {
    ParseError,
    Valid,
    Invalid,
}

const TOP_LEVEL: [&str; 9] = [
    "format",
    "version",
    "last_reviewed",
    "sources",
    "facets",
    "roles",
    "claims",
    "conflicts",
    "key_lines",
];

/// Parses and validates `input`, asserting the properties; panics (caught by the caller) on a
/// violation.
fn exercise(input: &str) -> Outcome {
    agrees_with_serde_json(input);
    let Ok(d) = data::parse_json(input) else {
        return Outcome::ParseError;
    };
    let first = validate(&d);
    let rules = follows_the_rules(&d);
    match first {
        Ok(()) => {
            assert!(
                rules,
                "validate accepted a dataset that breaks the documented rules"
            );
            Outcome::Valid
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "Err with no errors");
            for e in &errors {
                assert!(
                    !e.message.is_empty(),
                    "error without a message at {:?}",
                    e.path
                );
                let root = e.path.split(['.', '[']).next().unwrap_or_default();
                assert!(
                    TOP_LEVEL.contains(&root),
                    "error path {:?} is not a JSON path",
                    e.path
                );
                assert!(e.to_string().ends_with(&e.message));
            }
            let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
            assert!(
                !rules,
                "validate rejected a dataset that follows the rules:\n{}",
                listed.join("\n")
            );
            Outcome::Invalid
        }
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => v
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v:?} is not a number")),
        Err(_) => default,
    }
}

const STRATEGIES: [&str; 4] = [
    "(a) text mutation",
    "(b) tree mutation",
    "(c) random JSON",
    "(d) random dataset",
];

#[test]
fn property_parse_and_validate_never_panic() {
    let cases = env_number("ROLE_COMPARE_PROPTEST_CASES", 10_000);
    let seed = env_number("ROLE_COMPARE_PROPTEST_SEED", 0x726f_6c65_2d63_6d70);
    let only = std::env::var("ROLE_COMPARE_PROPTEST_CASE")
        .ok()
        .map(|_| env_number("ROLE_COMPARE_PROPTEST_CASE", 0));
    let range = match only {
        Some(n) => n..n + 1,
        None => 0..cases,
    };
    let slim = serde_json::to_string_pretty(&slim_dataset()).expect("serializes");
    let mut bases = [Base::new(data::BUNDLED_JSON.to_string()), Base::new(slim)];
    let started = Instant::now();
    // Per strategy: [cases, parse errors, valid, invalid].
    let mut stats = [[0u64; 4]; 4];
    let mut spent = [std::time::Duration::ZERO; 4];
    let mut failures: Vec<String> = Vec::new();

    for case in range {
        let case_started = Instant::now();
        let mut rng = Rng(seed ^ case.wrapping_mul(0xd134_2543_de82_ef95));
        rng.next();
        // Weighted: the tree and dataset strategies reach `validate` most often.
        let strategy = *rng.pick(&[0, 0, 1, 1, 1, 2, 3, 3]);
        // The full file about a third of the time, the slim one otherwise.
        let base = &mut bases[usize::from(rng.percent(65))];
        let input = match strategy {
            0 => mutate_text(&mut rng, base),
            1 => mutate_tree(&mut rng, base),
            2 => random_json(&mut rng),
            _ => random_dataset(&mut rng),
        };
        stats[strategy][0] += 1;
        let outcome = catch_unwind(AssertUnwindSafe(|| exercise(&input)));
        spent[strategy] += case_started.elapsed();
        match outcome {
            Ok(Outcome::ParseError) => stats[strategy][1] += 1,
            Ok(Outcome::Valid) => stats[strategy][2] += 1,
            Ok(Outcome::Invalid) => stats[strategy][3] += 1,
            Err(payload) => {
                let why = payload
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                let file = Path::new(env!("CARGO_TARGET_TMPDIR"))
                    .join(format!("dataset-proptest-case-{case}.json"));
                let saved = std::fs::write(&file, &input).is_ok();
                failures.push(format!(
                    "case {case} ({}, ROLE_COMPARE_PROPTEST_SEED={seed} ROLE_COMPARE_PROPTEST_CASE={case}): {why}\n  input{}: {:.300}",
                    STRATEGIES[strategy],
                    if saved { format!(" (whole: {})", file.display()) } else { String::new() },
                    input
                ));
                if failures.len() >= 10 {
                    break;
                }
            }
        }
    }

    let elapsed = started.elapsed();
    for base in &bases {
        let pristine: Value = serde_json::from_str(&base.text).expect("base JSON");
        assert!(base.value == pristine, "a tree mutation was not undone");
    }
    let total: u64 = stats.iter().map(|s| s[0]).sum();
    eprintln!("property test: {total} cases, seed {seed}, {:.2?}", elapsed);
    for ((name, s), time) in STRATEGIES.iter().zip(&stats).zip(&spent) {
        eprintln!(
            "  {name:<20} {:>6} cases: {:>6} parse errors, {:>6} valid, {:>6} invalid, {time:.2?}",
            s[0], s[1], s[2], s[3]
        );
    }
    assert!(
        failures.is_empty(),
        "{} failing case(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
    if only.is_none() && cases >= 1000 {
        // Not vacuous: every strategy ran, and `validate` saw valid and invalid datasets.
        for (name, s) in STRATEGIES.iter().zip(&stats) {
            assert!(s[0] > 0, "strategy {name} never ran");
        }
        let valid: u64 = stats.iter().map(|s| s[2]).sum();
        let invalid: u64 = stats.iter().map(|s| s[3]).sum();
        assert!(
            valid > cases / 50,
            "only {valid} inputs were valid datasets"
        );
        assert!(
            invalid > cases / 10,
            "only {invalid} inputs reached validate and failed"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 5. No sentence copied from the source articles
// ---------------------------------------------------------------------------------------------

/// Consecutive words a text may share with an article (docs/DATASET.md promises fewer than six).
const MAX_SHARED_WORDS: usize = 5;

/// Proper names that can only be written one way; a run may not span them.
const FIXED_TERMS: [&str; 4] = [
    "Certified Information Systems Security Professional",
    "Certified Information Security Manager",
    "Certified in the Governance of Enterprise IT",
    "Project Management Professional",
];

/// Lowercased words with punctuation stripped (apostrophes vanish, anything else not a letter or
/// digit separates words).
fn plain_words(text: &str) -> Vec<String> {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, '\'' | '\u{2019}' | '\u{2018}'))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    cleaned.split_whitespace().map(str::to_owned).collect()
}

/// Runs of `MAX_SHARED_WORDS + 1` words, each joined by spaces; a fixed term breaks the text, so
/// no run contains one.
fn runs(text: &str) -> Vec<String> {
    let words = plain_words(text);
    let terms: Vec<Vec<String>> = FIXED_TERMS.iter().map(|t| plain_words(t)).collect();
    let mut segments: Vec<Vec<&str>> = vec![Vec::new()];
    let mut i = 0;
    while i < words.len() {
        if let Some(term) = terms.iter().find(|t| words[i..].starts_with(t)) {
            segments.push(Vec::new());
            i += term.len();
        } else {
            segments.last_mut().unwrap().push(&words[i]);
            i += 1;
        }
    }
    segments
        .iter()
        .flat_map(|s| s.windows(MAX_SHARED_WORDS + 1).map(|w| w.join(" ")))
        .collect()
}

/// Every run of every article, with the article's name.
fn article_index(articles: &[(String, String)]) -> HashMap<String, &str> {
    articles
        .iter()
        .flat_map(|(name, body)| runs(body).into_iter().map(move |r| (r, name.as_str())))
        .collect()
}

/// The first run `text` shares with an indexed article, and that article.
fn copied_run<'a>(text: &str, index: &HashMap<String, &'a str>) -> Option<(String, &'a str)> {
    runs(text)
        .into_iter()
        .find_map(|r| index.get(&r).map(|&a| (r, a)))
}

#[test]
fn overlap_detector_flags_copies_and_spares_paraphrases() {
    let articles = vec![(
        "made-up.txt".to_string(),
        "Overview\nThe Chief Widget Officer oversees every widget in the building, and reports to \
         the board each quarter. Many firms want the Certified Information Systems Security \
         Professional credential for this job."
            .to_string(),
    )];
    let index = article_index(&articles);
    // Eight words copied (case and punctuation changed) are caught.
    let copied = "In short: the chief widget-officer OVERSEES every one.";
    let (run, article) = copied_run(copied, &index).expect("a 6-word copy is flagged");
    assert_eq!(run, "the chief widget officer oversees every");
    assert_eq!(article, "made-up.txt");
    // A copy across a line break and a comma is still a copy.
    assert!(copied_run("building and reports to the board", &index).is_some());
    // Five shared words are allowed.
    assert!(copied_run("Its officer oversees every widget in a hurry.", &index).is_none());
    // A paraphrase is fine.
    assert!(copied_run(
        "Each quarter the CWO answers to the board for all widgets.",
        &index
    )
    .is_none());
    // A fixed term does not count towards a run…
    assert!(copied_run(
        "Firms want the Certified Information Systems Security Professional credential for CISOs.",
        &index
    )
    .is_none());
    // …but eight words before it still do.
    assert!(copied_run(
        "It reports to the board each quarter, many firms want the Certified Information Systems \
         Security Professional credential.",
        &index
    )
    .is_some());
}

#[test]
fn no_text_copies_a_sentence_from_the_articles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources");
    assert_no_copies(&data::bundled(), &dir);
}

#[test]
fn copy_check_without_the_articles_is_skipped_not_failed() {
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-such-sources-dir");
    assert!(!assert_no_copies(&data::bundled(), &missing));
}

/// Fails if a text of `d` copies 6+ words from an article in `dir`; returns whether the check
/// ran (false, with a note on stderr, when `dir` does not exist).
fn assert_no_copies(d: &Dataset, dir: &Path) -> bool {
    if !dir.is_dir() {
        eprintln!(
            "note: {} is absent, so the copied-sentence check is skipped (it runs where the \
             source articles sit beside the checkout, as on dev machines and in CI)",
            dir.display()
        );
        return false;
    }
    let articles = articles::read(dir);
    let names: Vec<&str> = articles.iter().map(|(n, _)| n.as_str()).collect();
    for prefix in ["000_", "001_", "002_", "003_", "004_"] {
        assert!(
            names.iter().any(|n| n.starts_with(prefix)),
            "no {prefix}*.txt in {}",
            dir.display()
        );
    }
    let index = article_index(&articles);
    assert!(
        index.len() > 1000,
        "the articles yield only {} runs",
        index.len()
    );
    // The detector is live on the real articles: each one's longest line, lightly disguised
    // (upper case, punctuation changed), is flagged as a copy of that article.
    for (name, body) in &articles {
        let line = body.lines().max_by_key(|l| l.len()).unwrap_or_default();
        let disguised = line.to_uppercase().replace(',', ";").replace('.', "!");
        assert!(
            copied_run(&disguised, &index).is_some(),
            "a line of {name} is not flagged: {line:?}"
        );
    }

    let copies: Vec<String> = texts::reader_texts(d)
        .into_iter()
        .filter_map(|(what, text)| {
            copied_run(text, &index)
                .map(|(run, article)| format!("{what}: \"{run}\" (from {article})"))
        })
        .collect();
    assert!(
        copies.is_empty(),
        "{} text(s) share {}+ consecutive words with an article:\n{}",
        copies.len(),
        MAX_SHARED_WORDS + 1,
        copies.join("\n")
    );
    true
}
