//! The npm package's TypeScript declarations (`package/role-compare.d.ts`) name exactly what the
//! README's tables document: every attribute, property, event, part and CSS custom property, and
//! nothing else. (`custom-elements.json` is generated from the same tables by `cargo xtask`.)
//! The builder's bundled role and section lists (`www/builder.html`) are the bundled dataset's.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::PathBuf;

fn read(path: &str) -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// The first `code` span of each row's first cell in the table after `heading` (every span
/// when `all`).
fn first_column(readme: &str, heading: &str, all: bool) -> BTreeSet<String> {
    readme
        .lines()
        .skip_while(|l| l.trim() != heading)
        .skip(1)
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .flat_map(|row| {
            let cell = row.trim_matches('|').split('|').next().unwrap_or_default();
            let spans: Vec<String> = cell
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_owned)
                .collect();
            if all {
                spans
            } else {
                spans.into_iter().take(1).collect()
            }
        })
        .collect()
}

/// The quoted names in the body of `type NAME =` (up to the `;`) or `interface NAME {` (keys).
fn declared(dts: &str, start: &str) -> BTreeSet<String> {
    let body = dts.split(start).nth(1).expect(start);
    let body = if start.starts_with("export type") {
        body.split(';').next().unwrap()
    } else {
        body.split("\n}").next().unwrap()
    };
    if start.starts_with("export type") {
        body.split('"')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    } else {
        body.lines()
            .filter_map(|l| {
                let l = l.trim();
                let key = l.split([':', '?']).next()?;
                (!key.is_empty()
                    && !l.starts_with("//")
                    && !l.starts_with("/*")
                    && !l.starts_with('*'))
                .then(|| key.trim_matches('"').to_owned())
            })
            .filter(|k| k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
            .collect()
    }
}

#[test]
fn the_declarations_name_exactly_what_the_readme_documents() {
    let readme = read("README.md");
    let dts = read("package/role-compare.d.ts");
    assert_eq!(
        declared(&dts, "export interface RoleCompareAttributes {"),
        first_column(&readme, "### Attributes", false),
        "attributes"
    );
    assert_eq!(
        declared(&dts, "export interface RoleCompareEventMap {"),
        first_column(&readme, "### Events", false),
        "events"
    );
    assert_eq!(
        declared(&dts, "export type RoleCompareCssProperty ="),
        first_column(&readme, "### Styling", true),
        "CSS custom properties"
    );
    let parts_line: String = readme
        .lines()
        .skip_while(|l| !l.starts_with("Parts, for"))
        .take_while(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let parts: BTreeSet<String> = parts_line
        .split_once(": ")
        .unwrap()
        .1
        .split(". ")
        .next()
        .unwrap()
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    assert_eq!(
        declared(&dts, "export type RoleComparePart ="),
        parts,
        "parts"
    );
    for property in first_column(&readme, "### Properties", false) {
        assert!(
            dts.contains(&format!("  {property}: ")) || dts.contains(&format!("  get {property}(")),
            "property {property} is not declared on RoleCompareElement"
        );
    }
    assert!(dts.contains("\"role-compare\": RoleCompareElement;"));
}

#[test]
fn the_builders_lists_are_the_bundled_datasets() {
    let dataset = role_compare::data::bundled();
    let html = read("www/builder.html");
    let values = |name: &str| -> Vec<String> {
        html.split(&format!("name=\"{name}\" value=\""))
            .skip(1)
            .map(|s| s.split('"').next().unwrap().to_owned())
            .collect()
    };
    let roles: Vec<String> = dataset.roles.iter().map(|r| r.id.clone()).collect();
    let facets: Vec<String> = dataset.facets.iter().map(|f| f.id.clone()).collect();
    assert_eq!(values("role"), roles);
    assert_eq!(values("facet"), facets);
    for role in &dataset.roles {
        assert!(html.contains(&format!(
            "<abbr title=\"{}\">{}</abbr>",
            role.name, role.abbr
        )));
    }
}

/// The widget as the element mounts it (embedder callbacks set, controls live), rendered natively.
fn live_render(attributes: &[(&str, &str)]) -> String {
    use role_compare::attrs::{filters_from_attributes, heading_level};
    use role_compare::view::{RoleCompare, RoleCompareProps};
    use std::rc::Rc;
    use yew::Callback;
    let dataset = Rc::new(role_compare::data::bundled());
    let get = |name: &str| {
        attributes
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| (*v).to_owned())
    };
    let parsed = filters_from_attributes(&dataset, get);
    let mut props = RoleCompareProps::new(dataset);
    props.id_prefix = role_compare::prerender::FIRST_ID_PREFIX.into();
    props.heading_level = heading_level(get("heading-level").as_deref()).0;
    props.defaults = parsed.filters.clone();
    props.filters = parsed.filters;
    props.on_download = Some(Callback::noop());
    props.on_copy = Some(Callback::noop());
    // The builder copies the preview as it prints (every folded section's rows built).
    props.printing = true;
    let renderer = yew::LocalServerRenderer::<RoleCompare>::with_props(props).hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// The builder (www/builder.js, `fallbackFrom`) turns the widget's first render into the
/// fallback with two rules: `hidden` on the `.rc-controls`, `.rc-detail-all`, `.rc-export` and
/// `.rc-fold` elements, and the first widget's id prefix. This checks natively that those
/// rules are all that separates the two renders, so a view change that adds another difference
/// fails here before the builder's end-to-end test runs.
#[test]
fn the_fallback_is_the_first_render_with_the_builders_two_rules() {
    for attributes in [
        &[][..],
        &[("roles", "cio ciso"), ("mode", "differences")],
        &[
            ("detail", "full"),
            ("heading-level", "3"),
            ("search", "budget"),
        ],
    ] {
        let fallback = role_compare::prerender::fallback(
            std::rc::Rc::new(role_compare::data::bundled()),
            |name| {
                attributes
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            },
        )
        .html;
        let inner = fallback
            .strip_prefix("<div data-role-compare-fallback>")
            .and_then(|s| s.strip_suffix("</div>"))
            .unwrap();
        // Rule 1, undone: drop `hidden` from the tags the builder hides.
        let mut unhidden = String::new();
        let mut rest = inner;
        let mut hidden = 0;
        while let Some(start) = rest.find('<') {
            let end = start + rest[start..].find('>').unwrap() + 1;
            unhidden.push_str(&rest[..start]);
            let tag = &rest[start..end];
            let class = tag
                .split("class=\"")
                .nth(1)
                .and_then(|c| c.split('"').next());
            let builder_hides = class.is_some_and(|c| {
                c.split(' ')
                    .any(|c| matches!(c, "rc-controls" | "rc-detail-all" | "rc-export" | "rc-fold"))
            });
            if builder_hides && tag.contains(" hidden=\"hidden\"") {
                hidden += 1;
                unhidden.push_str(&tag.replace(" hidden=\"hidden\"", ""));
            } else {
                unhidden.push_str(tag);
            }
            rest = &rest[end..];
        }
        unhidden.push_str(rest);
        assert!(hidden > 1, "{attributes:?}: nothing hidden");
        // Nothing else separates them (the export bar is prerendered, hidden, like the controls).
        assert_eq!(live_render(attributes), unhidden, "{attributes:?}");
    }
}
