//! Scale and limits: a generated host dataset of 50 roles × 2,000 claims each validates and
//! compares; one past the documented caps is refused with a single clear error, quickly.

#![cfg(not(target_arch = "wasm32"))]

use role_compare::compare::compare;
use role_compare::model::{Citation, Claim, Dataset, Facet, Role, Source, SourceKind, Topic};
use role_compare::state::{Filters, Mode};
use role_compare::validate::{limits, validate};
use std::collections::BTreeMap;
use std::time::Instant;

/// `roles` roles with `per_role` claims each, spread over 4 facets × 25 topics.
fn generated(roles: usize, per_role: usize) -> Dataset {
    let facets: Vec<Facet> = (0..4)
        .map(|f| Facet {
            id: format!("f{f}"),
            label: format!("Facet {f}"),
            filter: true,
            description: None,
            topics: (0..25)
                .map(|t| Topic {
                    id: format!("t{t}"),
                    label: format!("Topic {t}"),
                })
                .collect(),
        })
        .collect();
    let mut claims = Vec::with_capacity(roles * per_role);
    for r in 0..roles {
        for c in 0..per_role {
            claims.push(Claim {
                id: format!("r{r}-c{c}"),
                roles: vec![format!("r{r}")],
                facet: format!("f{}", c % 4),
                topic: format!("t{}", (c / 4) % 25),
                text: format!("Role {r} statement {c} about budgets and risk."),
                sources: vec![Citation {
                    source: "s0".into(),
                    at: Some("section".into()),
                }],
                tags: BTreeMap::new(),
            });
        }
    }
    Dataset {
        format: 1,
        version: "scale".into(),
        last_reviewed: "2026-11-23".into(),
        sources: vec![Source {
            id: "s0".into(),
            kind: SourceKind::Article,
            title: "Generated".into(),
            author: None,
            publisher: None,
            note: None,
        }],
        facets,
        roles: (0..roles)
            .map(|r| Role {
                id: format!("r{r}"),
                abbr: format!("R{r}"),
                name: format!("Role {r}"),
                summary: "Generated role.".into(),
                summary_sources: Vec::new(),
                caveats: Vec::new(),
            })
            .collect(),
        claims,
        conflicts: Vec::new(),
        key_lines: Vec::new(),
    }
}

#[test]
fn fifty_roles_by_two_thousand_claims_validates_and_compares() {
    let d = generated(50, 2_000);
    assert_eq!(d.claims.len(), 100_000);
    let t = Instant::now();
    assert_eq!(validate(&d), Ok(()));
    let all = compare(&d, &Filters::default());
    assert_eq!(all.columns.len(), 50);
    assert_eq!(all.shown, 100, "4 facets × 25 topics");
    let narrowed = compare(
        &d,
        &Filters {
            roles: vec!["r3".into(), "r7".into()],
            mode: Mode::Differences,
            search: "statement 1999".into(),
            ..Filters::default()
        },
    );
    assert_eq!(narrowed.columns.len(), 2);
    assert!(narrowed.shown >= 1);
    eprintln!("validate + 2 compares of 100,000 claims: {:?}", t.elapsed());
}

#[test]
fn past_the_caps_is_refused_with_one_error() {
    let cases: [(Dataset, &str); 3] = [
        (
            generated(limits::ROLES + 1, 1),
            "roles: too many: 65 (the widget accepts at most 64)",
        ),
        (
            generated(2, limits::CLAIMS / 2 + 1),
            "claims: too many: 150002 (the widget accepts at most 150000)",
        ),
        (
            {
                let mut d = generated(2, 3);
                d.claims[4].text = "x".repeat(limits::TEXT + 1);
                d
            },
            "claims[4].text: too long (the widget accepts at most 10000 characters)",
        ),
    ];
    for (d, expected) in cases {
        let t = Instant::now();
        let errors = validate(&d).expect_err("over the cap");
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(shown, [expected]);
        assert!(t.elapsed().as_secs() < 2, "refusing took {:?}", t.elapsed());
    }
}
