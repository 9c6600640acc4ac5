//! Native tests of `attrs`: the element's attribute grammar and the `state` property object.
//!
//! `StateObject::from_json` (the wasm build's reader of the `state` property) is checked against
//! serde_json reading the same text through a serde derive of the documented shape: both accept
//! the same texts and read the same object; `to_json` (the writer) is read back by serde_json. The attribute cases check the fallbacks and warnings page authors
//! see, the `detail` attribute among them, and that with many roles (more than four, where the
//! default compares the first three) a list of every role keeps every role, on the way in and
//! through the `state` object's round trip.

#![cfg(not(target_arch = "wasm32"))]

use role_compare::attrs::{filters_from_attributes, StateObject};
use role_compare::compare::role_columns;
use role_compare::data;
use role_compare::model::Dataset;
use role_compare::state::{Detail, Filters, Mode};

/// The documented `state` shape as a serde derive: the oracle for the crate's own reader.
#[derive(serde::Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Documented {
    roles: Vec<String>,
    facets: Vec<String>,
    mode: String,
    search: String,
    duty_topic: Option<String>,
    issuer: Option<String>,
    suits: Option<String>,
    target: Option<String>,
    detail: String,
}

impl From<Documented> for StateObject {
    fn from(d: Documented) -> Self {
        StateObject {
            roles: d.roles,
            facets: d.facets,
            mode: d.mode,
            search: d.search,
            duty_topic: d.duty_topic,
            issuer: d.issuer,
            suits: d.suits,
            target: d.target,
            detail: d.detail,
        }
    }
}

#[test]
fn state_json_writes_what_serde_json_reads_back() {
    let object = StateObject {
        roles: vec!["cio".into()],
        facets: vec![],
        mode: "shared".into(),
        search: "\"quoted\" \\ \u{1} \u{2028} caf\u{e9}".into(),
        duty_topic: None,
        issuer: Some("(ISC)²".into()),
        suits: None,
        target: Some("CEO".into()),
        detail: "full".into(),
    };
    let text = object.to_json(&[("visibleRows", 3), ("visibleStatements", 12)]);
    let back: Documented = serde_json::from_str(&text).unwrap();
    assert_eq!(StateObject::from(back), object);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["visibleRows"], 3);
    assert_eq!(value["visibleStatements"], 12);
    assert_eq!(value["dutyTopic"], serde_json::Value::Null);
}

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
        r#"{"detail":"full","mode":"shared"}"#,
        r#"{"detail":null}"#,
        r#"{"detail":["full"]}"#,
    ];
    for text in cases {
        let ours = StateObject::from_json(text);
        let theirs = serde_json::from_str::<Documented>(text).map(StateObject::from);
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
    let full = attrs(&[("detail", " full ")]);
    assert_eq!(full.filters.detail, Detail::Full);
    assert!(full.warnings.is_empty());
    let bad = attrs(&[("detail", "everything")]);
    assert_eq!(bad.filters.detail, Detail::Summary);
    assert_eq!(bad.warnings.len(), 1, "{:?}", bad.warnings);
    assert!(bad.warnings[0].contains("detail=\"everything\""));
}

/// The bundled dataset with three more roles (no claims of theirs needed here): more than
/// four, so the default compares the first three.
fn six_roles() -> Dataset {
    let mut d = data::bundled();
    for (id, abbr) in [("cto", "CTO"), ("cfo", "CFO"), ("cmo", "CMO")] {
        let mut role = d.roles[0].clone();
        role.id = id.into();
        role.abbr = abbr.into();
        d.roles.push(role);
    }
    d
}

#[test]
fn many_roles_listed_in_full_stay_in_full() {
    let d = six_roles();
    let every = "cio ciso cso cto cfo cmo";
    // The attribute: every role named compares every role, not the default three.
    let parsed = filters_from_attributes(&d, |name| (name == "roles").then(|| every.to_owned()));
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    assert_eq!(role_columns(&d, &parsed.filters.roles).len(), 6);
    // No attribute: the first three.
    let none = filters_from_attributes(&d, |_| None);
    assert_eq!(role_columns(&d, &none.filters.roles), [0, 1, 2]);
    // The state object lists what is compared, and reads back as the same comparison.
    let all_six = Filters {
        roles: every.split(' ').map(String::from).collect(),
        ..Filters::default()
    };
    for f in [all_six, Filters::default()] {
        let object = StateObject::shown(&f, &d);
        let back = object.to_filters(&d);
        assert!(back.warnings.is_empty(), "{:?}", back.warnings);
        assert_eq!(
            role_columns(&d, &back.filters.roles),
            role_columns(&d, &f.roles),
            "{:?} read back from {:?}",
            back.filters.roles,
            object.roles
        );
    }
    assert_eq!(
        StateObject::shown(&Filters::default(), &d).roles,
        ["cio", "ciso", "cso"]
    );
}
