//! The limits hold while a dataset is read, before anything large is built, and the reader has
//! no quadratic corner.
//!
//! - Every string of the format (ids, names, abbreviations, summaries, labels, titles, notes,
//!   topics, claim texts, source fields, tag values, keys) is capped: a 20 MB string in any of
//!   them is refused by `data::parse_json` with one error naming its path, reading no more than
//!   the cap of it (plain, escaped or multi-byte).
//! - Many short strings stop at the item cap; a text over the byte cap is refused before it is
//!   read; the deepest nesting stops at the nesting cap; problems are listed up to a cap.
//! - The 50 roles × 2,000 claims dataset, as JSON text, is under the byte cap and reads and
//!   validates.
//! - Time per MB of the JSON reader on hostile shapes (long escape runs, `\u` surrogate pairs,
//!   1,000-digit numbers, 100,000 keys in one object, the deepest legal nesting, many short
//!   strings) stays within 10× of plain JSON (dataset claims) of the same size (measured side
//!   by side, medians).
//!   `cargo run --release --example reader_bench` prints the ratios in a release build.

#![cfg(not(target_arch = "wasm32"))]

#[path = "support/generated.rs"]
mod generated;
#[path = "support/shapes.rs"]
mod shapes;

use role_compare::data::{self, MAX_ERRORS};
use role_compare::json;
use role_compare::validate::{limits, validate};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// 20 MB.
const HUGE: usize = 20_000_000;

/// The bundled dataset as a JSON tree, with a caveat on the first role (the bundled roles may
/// have none) so that every kind of field is there to fill.
fn bundled() -> Value {
    let mut v: Value = serde_json::from_str(data::BUNDLED_JSON).unwrap();
    let source = v["sources"][0]["id"].clone();
    v["roles"][0]["caveats"] = json!([{ "id": "cv", "text": "A caveat.", "sources": [{ "source": source, "at": "s. 1" }] }]);
    v["roles"][0]["summary_sources"] = json!([{ "source": source, "at": "s. 1" }]);
    v["claims"][0]["tags"] = json!({ "issuer": ["PMI"] });
    v
}

/// The value at `path` (`roles[0].name`), created when missing.
fn at<'v>(v: &'v mut Value, path: &str) -> &'v mut Value {
    let mut here = v;
    for part in path.split('.') {
        let (key, index) = match part.split_once('[') {
            Some((key, rest)) => (
                key,
                Some(rest.trim_end_matches(']').parse::<usize>().unwrap()),
            ),
            None => (part, None),
        };
        here = &mut here[key];
        if let Some(i) = index {
            if here.is_null() {
                *here = json!([]);
            }
            let items = here.as_array_mut().unwrap();
            while items.len() <= i {
                items.push(json!(""));
            }
            here = &mut items[i];
        }
    }
    here
}

/// Every string field of the format, as a path into the bundled dataset.
const STRING_FIELDS: &[&str] = &[
    "version",
    "last_reviewed",
    "title",
    "sources[0].id",
    "sources[0].title",
    "sources[0].author",
    "sources[0].publisher",
    "sources[0].note",
    "facets[0].id",
    "facets[0].label",
    "facets[0].description",
    "facets[0].topics[0].id",
    "facets[0].topics[0].label",
    "roles[0].id",
    "roles[0].abbr",
    "roles[0].name",
    "roles[0].summary",
    "roles[0].summary_sources[0].source",
    "roles[0].summary_sources[0].at",
    "roles[0].caveats[0].id",
    "roles[0].caveats[0].text",
    "roles[0].caveats[0].sources[0].source",
    "roles[0].caveats[0].sources[0].at",
    "claims[0].id",
    "claims[0].roles[0]",
    "claims[0].facet",
    "claims[0].topic",
    "claims[0].text",
    "claims[0].sources[0].source",
    "claims[0].sources[0].at",
    "claims[0].tags.issuer[0]",
    "conflicts[0].id",
    "conflicts[0].title",
    "conflicts[0].facet",
    "conflicts[0].topic",
    "conflicts[0].roles[0]",
    "conflicts[0].sides[0].text",
    "conflicts[0].sides[0].sources[0].source",
    "conflicts[0].sides[0].sources[0].at",
    "conflicts[0].sides[0].claims[0]",
    "key_lines[0].id",
    "key_lines[0].facet",
    "key_lines[0].roles[0]",
    "key_lines[0].text",
    "key_lines[0].sources[0].source",
    "key_lines[0].sources[0].at",
    "key_lines[0].conflicts[0]",
];

fn too_long(path: &str) -> String {
    format!(
        "{path}: too long (the widget accepts at most {} characters in any text)",
        limits::TEXT
    )
}

/// `parse_json`'s errors as `path: message` lines, and how long it took.
fn read(text: &str) -> (Vec<String>, Duration) {
    let t = Instant::now();
    let result = data::parse_json(text);
    let took = t.elapsed();
    let errors = match result {
        Ok(d) => validate(&d)
            .err()
            .unwrap_or_default()
            .iter()
            .map(ToString::to_string)
            .collect(),
        Err(e) => e.iter().map(ToString::to_string).collect(),
    };
    (errors, took)
}

#[test]
fn a_20_mb_string_in_any_field_is_refused_with_its_path() {
    let huge = "x".repeat(HUGE);
    let mut slowest = Duration::ZERO;
    for path in STRING_FIELDS {
        let mut v = bundled();
        *at(&mut v, path) = Value::String(huge.clone());
        let text = serde_json::to_string(&v).unwrap();
        let (errors, took) = read(&text);
        assert_eq!(errors, [too_long(path)], "{path}");
        slowest = slowest.max(took);
    }
    eprintln!(
        "a 20 MB string in each of {} fields: slowest refusal {slowest:?}",
        STRING_FIELDS.len()
    );
    assert!(slowest < Duration::from_secs(1), "{slowest:?}");
}

#[test]
fn escaped_and_multibyte_strings_are_counted_in_characters() {
    let cap = limits::TEXT;
    let cases = [
        ("x".repeat(cap), true),
        ("x".repeat(cap + 1), false),
        ("é".repeat(cap), true),
        ("é".repeat(cap + 1), false),
        ("😀".repeat(cap), true),
        ("\\n".repeat(cap), true),
        ("\\n".repeat(cap + 1), false),
        ("\\ud83d\\ude00".repeat(cap), true),
        ("\\ud83d\\ude00".repeat(cap + 1), false),
        ("\\u00e9".repeat(HUGE / 6), false),
        ("é".repeat(HUGE / 2), false),
    ];
    for (raw, fits) in cases {
        let mut v = bundled();
        v["version"] = json!("@@");
        let text = serde_json::to_string(&v)
            .unwrap()
            .replacen("\"@@\"", &format!("\"{raw}\""), 1);
        let t = Instant::now();
        let (errors, _) = read(&text);
        let refused = errors == [too_long("version")];
        assert_eq!(
            !refused,
            fits,
            "{:.20}… ({} bytes): {errors:?}",
            raw,
            raw.len()
        );
        assert!(t.elapsed() < Duration::from_secs(1));
    }
}

#[test]
fn a_20_mb_key_is_refused() {
    let text = format!("{{\"{}\": 1}}", "k".repeat(HUGE));
    let (errors, took) = read(&text);
    assert_eq!(
        errors,
        ["a key is too long (the widget accepts at most 10000 characters)"]
    );
    assert!(took < Duration::from_secs(1));
    let text = data::BUNDLED_JSON.replacen(
        "{",
        &format!("{{\"tags\":{{\"{}\":1}},", "k".repeat(HUGE)),
        1,
    );
    assert_eq!(
        read(&text).0,
        ["tags: a key is too long (the widget accepts at most 10000 characters)"]
    );
}

#[test]
fn many_short_strings_stop_at_the_item_cap() {
    let items = format!(
        "too many items (the widget accepts at most {} in one list)",
        limits::ITEMS
    );
    let strings = |n: usize| vec!["\"a\""; n].join(",");
    let top = format!("[{}]", strings(HUGE / 4));
    let mut v = bundled();
    v["claims"][0]["roles"] = json!([]);
    let roles = serde_json::to_string(&v).unwrap().replacen(
        "\"roles\":[]",
        &format!("\"roles\":[{}]", strings(HUGE / 4)),
        1,
    );
    let keys = format!(
        "{{{}}}",
        (0..limits::ITEMS + 10)
            .map(|i| format!("\"k{i}\":0"))
            .collect::<Vec<_>>()
            .join(",")
    );
    for (name, text, want) in [
        ("a 20 MB array of one-letter strings", top, items.clone()),
        (
            "20 MB of role ids in one claim",
            roles,
            format!("claims[0].roles: {items}"),
        ),
        ("an object with more keys than the cap", keys, items.clone()),
    ] {
        let (errors, took) = read(&text);
        assert_eq!(errors, [want], "{name}");
        eprintln!("{name} ({} bytes): refused in {took:?}", text.len());
        assert!(took < Duration::from_secs(1), "{name}: {took:?}");
    }
}

#[test]
fn a_text_over_the_byte_cap_is_refused_before_reading() {
    let mut text = String::with_capacity(limits::BYTES + 1);
    text.push_str("[\"");
    text.push_str(&" ".repeat(limits::BYTES - 3));
    text.push_str("\"]");
    assert_eq!(text.len(), limits::BYTES + 1);
    let (errors, took) = read(&text);
    assert_eq!(
        errors,
        [format!(
            "too large: {} bytes (the widget accepts at most {} bytes)",
            limits::BYTES + 1,
            limits::BYTES
        )]
    );
    assert!(took < Duration::from_millis(100), "{took:?}");
}

#[test]
fn the_deepest_nesting_stops_at_the_cap() {
    let deep = format!("{}{}", "[".repeat(10_000_000), "]".repeat(10_000_000));
    let (errors, took) = read(&deep);
    assert_eq!(errors, ["not JSON: nested too deeply at line 1, column 65"]);
    assert!(took < Duration::from_secs(1), "{took:?}");
}

#[test]
fn problems_are_listed_up_to_a_cap() {
    let keys: String = (0..100_000)
        .map(|i| format!(",\"unknown-{i}\":[1]"))
        .collect();
    let text = data::BUNDLED_JSON.replacen("{", &format!("{{\"x\":0{keys},"), 1);
    let (errors, took) = read(&text);
    assert_eq!(errors.len(), MAX_ERRORS + 1);
    assert!(errors[0].starts_with("x: unknown field"), "{}", errors[0]);
    assert_eq!(
        errors[MAX_ERRORS],
        format!("more problems not listed (the first {MAX_ERRORS} are)")
    );
    eprintln!("100,001 unknown keys: {took:?}");
}

#[test]
fn fifty_roles_by_two_thousand_claims_load_from_json() {
    let text = serde_json::to_string(&generated::generated(50, 2_000)).unwrap();
    eprintln!(
        "50 roles × 2,000 claims: {} bytes of JSON (cap {})",
        text.len(),
        limits::BYTES
    );
    assert!(text.len() < limits::BYTES / 2);
    let t = Instant::now();
    let d = data::parse_json(&text).expect("reads");
    assert_eq!(validate(&d), Ok(()));
    assert_eq!(d.claims.len(), 100_000);
    eprintln!("read and validated in {:?}", t.elapsed());
}

#[test]
fn the_limits_hold_for_json_alone_too() {
    let limits = json::Limits {
        string_chars: 3,
        items: 2,
        values: 6,
    };
    let too = |path: &str, excess| {
        Err(json::Error::TooLarge(json::TooLarge {
            path: path.into(),
            excess,
        }))
    };
    assert!(json::parse_with(r#"{"abc":["xyz",[1,2]]}"#, limits).is_ok());
    assert_eq!(
        json::parse_with(r#"{"abcd":1}"#, limits),
        too("", json::Excess::Key)
    );
    assert_eq!(
        json::parse_with(r#"{"a":[{"b\u00e9":"wxyz"}]}"#, limits),
        too("a[0].bé", json::Excess::String)
    );
    assert_eq!(
        json::parse_with(r#"[[1],[1,2,3]]"#, limits),
        too("[1]", json::Excess::Items)
    );
    assert_eq!(
        json::parse_with(r#"[1,2,3]"#, limits),
        too("", json::Excess::Items)
    );
    assert_eq!(
        json::parse_with(r#"[[[1,2],[3]],[4]]"#, limits),
        too("[0][1][0]", json::Excess::Values)
    );
    // A syntax error before the limit is a syntax error.
    assert!(matches!(
        json::parse_with(r#"["ab"#, limits),
        Err(json::Error::Syntax(_))
    ));
}

/// Fails on a 10× blow-up: time per MB of every hostile shape against plain JSON of the same
/// size, read side by side (each round reads plain JSON, then the shape) and compared by their
/// medians, so a busy machine slows both alike.
#[test]
fn the_reader_has_no_quadratic_corner() {
    let ratios = shapes::ratios(1_500_000, 9, |text| {
        let _ = std::hint::black_box(json::parse(std::hint::black_box(text)));
    });
    eprintln!("{}", shapes::table(&ratios));
    for r in &ratios {
        assert!(
            r.ratio() < 10.0,
            "{}: {:.1}× plain JSON's time per MB",
            r.name,
            r.ratio()
        );
    }
}
