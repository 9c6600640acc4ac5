//! Native tests of `attrs`: the element's attribute grammar and the `state` property object.
//!
//! `StateObject::from_json` (the wasm build's reader of the `state` property) is checked against
//! serde_json reading the same text through the type's serde derive: both accept the same texts
//! and read the same object. The attribute cases check the fallbacks and warnings page authors
//! see.

#![cfg(not(target_arch = "wasm32"))]

use role_compare::attrs::{filters_from_attributes, StateObject};
use role_compare::data;
use role_compare::state::Mode;

#[test]
fn state_json_reads_like_the_serde_derive() {
    let cases = [
        "{}",
        r#"{"roles":["cio","cso"],"facets":["duties"],"mode":"shared","search":"budget"}"#,
        r#"{"dutyTopic":"risk","issuer":null,"suits":"ciso","target":"ceo"}"#,
        r#"{"unknown":[1,{"x":null}],"mode":"differences"}"#,
        r#"{"roles":"cio"}"#,
        r#"{"roles":[1]}"#,
        r#"{"roles":null}"#,
        r#"{"mode":null}"#,
        r#"{"search":5}"#,
        r#"{"issuer":["PMI"]}"#,
        r#"{"target":false}"#,
        "null",
        r#""roles""#,
        "{",
        "",
        r#"{"search":"\u00e9\ud83d\ude00"}"#,
    ];
    for text in cases {
        let ours = StateObject::from_json(text);
        let theirs = serde_json::from_str::<StateObject>(text);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{text}"),
            (Err(_), Err(_)) => {}
            _ => panic!("{text}: ours {ours:?}, serde_json {theirs:?}"),
        }
    }
}

#[test]
fn state_json_errors_name_the_key() {
    let err = |text: &str| StateObject::from_json(text).unwrap_err();
    assert_eq!(
        err(r#"{"roles":"cio"}"#),
        r#"roles: expected an array of strings, found "cio""#
    );
    assert_eq!(
        err(r#"{"issuer":["PMI"]}"#),
        "issuer: expected a string or null, found an array"
    );
    // serde would read `[]` as a struct of defaults; the reader wants an object.
    assert_eq!(err("[]"), "expected an object, found an array");
    assert_eq!(
        err("{"),
        "not JSON: unexpected end of the text (EOF) at line 1, column 2"
    );
}

#[test]
fn state_object_becomes_checked_filters() {
    let d = data::bundled();
    let object = StateObject::from_json(
        r#"{"roles":["cio","cso","cmo"],"mode":"shared","issuer":"Nobody","suits":"ciso"}"#,
    )
    .unwrap();
    let parsed = object.to_filters(&d);
    assert_eq!(parsed.filters.roles, ["cio", "cso"]);
    assert_eq!(parsed.filters.mode, Mode::Shared);
    assert_eq!(parsed.filters.issuer, None);
    assert_eq!(parsed.filters.suits.as_deref(), Some("ciso"));
    assert_eq!(parsed.warnings.len(), 2, "{:?}", parsed.warnings);
    assert!(parsed.warnings[0].contains("ignored \"cmo\""));
    assert!(parsed.warnings[1].starts_with("<role-compare>: state.issuer = \"Nobody\""));
}

#[test]
fn attributes_fall_back_and_warn() {
    let d = data::bundled();
    let attrs = |pairs: &'static [(&'static str, &'static str)]| {
        filters_from_attributes(&d, move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        })
    };
    let one_role = attrs(&[("roles", "ciso"), ("mode", "sideways")]);
    assert!(one_role.filters.roles.is_empty(), "one role compares all");
    assert_eq!(one_role.filters.mode, Mode::All);
    assert_eq!(one_role.warnings.len(), 2, "{:?}", one_role.warnings);
    let two = attrs(&[("roles", " cso  cio cio "), ("facets", "duties nope")]);
    assert_eq!(
        two.filters.roles,
        ["cio", "cso"],
        "dataset order, no repeats"
    );
    assert_eq!(two.filters.facets, ["duties"]);
    assert_eq!(two.warnings.len(), 1);
    assert!(two.warnings[0].contains("ignored \"nope\""));
}
