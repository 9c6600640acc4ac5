//! The prerendered fallback follows the attributes with the element's own rules: a configured
//! page's no-JS readers see the configured comparison, and bad values warn as the element does.

#![cfg(not(target_arch = "wasm32"))]

use role_compare::{data, prerender};
use std::rc::Rc;

fn render(attributes: &[(&str, &str)]) -> prerender::Fallback {
    let owned: Vec<(String, String)> = attributes
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect();
    prerender::fallback(Rc::new(data::bundled()), |name| {
        owned
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    })
}

/// The column headers of the comparison table, in order.
fn role_headers(html: &str) -> Vec<String> {
    html.split("part=\"role-header\"")
        .skip(1)
        .filter_map(|cell| cell.split("<span class=\"rc-abbr\">").nth(1))
        .map(|text| text.split('<').next().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn default_attributes_render_all_three_roles_without_warnings() {
    let fallback = render(&[]);
    assert!(fallback
        .html
        .starts_with("<div data-role-compare-fallback>"));
    assert_eq!(role_headers(&fallback.html), ["CIO", "CISO", "CSO"]);
    assert!(fallback.warnings.is_empty(), "{:?}", fallback.warnings);
    // Every disagreement's sides are in it (no-JS readers and print see them open).
    let bodies = fallback.html.matches(r#"class="rc-conflict-body""#).count();
    assert!(bodies > 0);
    assert_eq!(
        fallback
            .html
            .matches(r#"class="rc-conflict-title""#)
            .count(),
        bodies
    );
}

#[test]
fn configured_roles_mode_and_heading_level_are_what_the_fallback_shows() {
    let fallback = render(&[
        ("roles", "cio ciso"),
        ("mode", "differences"),
        ("heading-level", "3"),
    ]);
    assert_eq!(role_headers(&fallback.html), ["CIO", "CISO"]);
    assert!(fallback.html.contains("aria-level=\"3\""));
    assert!(fallback.warnings.is_empty(), "{:?}", fallback.warnings);
    assert_ne!(fallback.html, render(&[]).html);
}

#[test]
fn unknown_values_are_dropped_with_the_elements_warnings() {
    let fallback = render(&[("roles", "cio cfo ciso"), ("mode", "loud")]);
    assert_eq!(role_headers(&fallback.html), ["CIO", "CISO"]);
    assert_eq!(fallback.warnings.len(), 2, "{:?}", fallback.warnings);
    assert!(fallback.warnings[0].contains("\"cfo\""));
    assert!(fallback.warnings[1].contains("mode=\"loud\""));
}

#[test]
fn two_elements_with_their_own_ids_get_fallbacks_without_a_shared_id() {
    let ids = |html: &str| -> std::collections::BTreeSet<String> {
        html.split(" id=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .map(str::to_owned)
            .collect()
    };
    let a = render(&[("id", "compare-a")]).html;
    let b = render(&[("id", "compare b<\">")]).html;
    assert!(
        ids(&a).iter().all(|id| id.starts_with("rc-compare-a-")),
        "{:?}",
        ids(&a)
    );
    assert!(ids(&b).iter().all(|id| id.starts_with("rc-compare_b___-")));
    assert!(ids(&a).is_disjoint(&ids(&b)));
    assert!(ids(&a).len() > 50);
    // Without an id: the first widget's prefix, as `dist/fallback.html` has it.
    assert!(ids(&render(&[]).html)
        .iter()
        .all(|id| id.starts_with("rc1-")));
}

#[test]
fn the_declarative_form_links_the_stylesheet_marks_no_script_and_wraps_the_same_fallback() {
    let fallback = render(&[("roles", "cio ciso")]);
    let html = fallback.declarative("https://cdn.example/rc/role-compare.css?v=\"1\"&x=<y>");
    let head = concat!(
        r#"<template shadowrootmode="open">"#,
        r#"<link rel="stylesheet" href="https://cdn.example/rc/role-compare.css?v=&quot;1&quot;&amp;x=&lt;y&gt;">"#,
    );
    assert!(html.starts_with(head), "{}", &html[..200.min(html.len())]);
    let rest = &html[head.len()..];
    let rest = rest
        .strip_prefix(prerender::NO_SCRIPT_MARKER)
        .expect("the no-JS marker follows the stylesheet");
    assert_eq!(
        rest.strip_suffix("</template>"),
        Some(fallback.html.as_str())
    );
    // The stylesheet's no-JS rules key on the marker's class: both spell it the same.
    let css = include_str!("../src/style.css");
    assert!(prerender::NO_SCRIPT_MARKER.contains(r#"<i class="rc-nojs">"#));
    assert!(css.contains("noscript:has(> .rc-nojs)"));
}
