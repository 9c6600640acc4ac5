//! Scale and limits: a generated host dataset of 50 roles × 2,000 claims each validates and
//! compares, by default the first three roles only (more than four roles), and the widget then
//! renders the compared roles' columns only; one past the documented caps is refused with a
//! single clear error, quickly.

#![cfg(not(target_arch = "wasm32"))]

use role_compare::compare::{compare, DEFAULT_COLUMNS};
use role_compare::model::Dataset;
use role_compare::state::{Filters, Mode};
use role_compare::validate::{limits, validate};
use role_compare::view::{RoleCompare, RoleCompareProps};
use std::rc::Rc;
use std::time::Instant;

#[path = "support/generated.rs"]
mod generated;
use generated::generated;

#[test]
fn fifty_roles_by_two_thousand_claims_validates_and_compares() {
    let d = generated(50, 2_000);
    assert_eq!(d.claims.len(), 100_000);
    let t = Instant::now();
    assert_eq!(validate(&d), Ok(()));
    let first = compare(&d, &Filters::default());
    // More than four roles: the default compares the first three, not fifty side by side.
    assert_eq!(first.columns, [0, 1, 2]);
    assert_eq!(first.columns.len(), DEFAULT_COLUMNS);
    assert_eq!(first.shown, 100, "4 facets × 25 topics");
    assert_eq!(first.statements, 3 * 2_000);
    // Every role, named, is still possible.
    let everyone: Vec<String> = d.roles.iter().map(|r| r.id.clone()).collect();
    let all = compare(
        &d,
        &Filters {
            roles: everyone,
            ..Filters::default()
        },
    );
    assert_eq!(all.columns.len(), 50);
    assert_eq!(all.statements, 100_000);
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
    eprintln!("validate + 3 compares of 100,000 claims: {:?}", t.elapsed());
}

#[test]
fn fifty_roles_render_the_compared_columns_only() {
    let t = Instant::now();
    let renderer = yew::ServerRenderer::<RoleCompare>::with_props(|| {
        RoleCompareProps::new(Rc::new(generated(50, 2_000)))
    })
    .hydratable(false);
    let html = futures::executor::block_on(renderer.render());
    eprintln!(
        "server render of 50 roles × 2,000 claims: {:?}",
        t.elapsed()
    );
    // One column header per compared role, and only theirs.
    assert_eq!(html.matches(r#"<th scope="col""#).count(), DEFAULT_COLUMNS);
    for r in 0..50 {
        let header = format!(r#"<span class="rc-abbr">R{r}</span>"#);
        assert_eq!(html.contains(&header), r < DEFAULT_COLUMNS, "R{r}");
    }
    // The statements of the compared roles only: 3 × 2,000 of the 100,000.
    assert_eq!(html.matches("data-claim=").count(), 3 * 2_000);
    assert!(html.contains(r#"data-claim="r2-c1999""#));
    assert!(!html.contains(r#"data-claim="r3-c0""#));
    // The role picker still offers all fifty.
    assert_eq!(html.matches(r#"type="checkbox" id="rc-role-"#).count(), 50);
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
