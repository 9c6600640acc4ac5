//! A generated host dataset of any size, for the scale and limits tests.

#![allow(dead_code)]

use role_compare::model::{Citation, Claim, Dataset, Facet, Role, Source, SourceKind, Topic};
use std::collections::BTreeMap;

/// `roles` roles with `per_role` claims each, spread over 4 facets × 25 topics.
pub fn generated(roles: usize, per_role: usize) -> Dataset {
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
        title: None,
    }
}
