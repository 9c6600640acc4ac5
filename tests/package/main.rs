//! The npm package's TypeScript declarations (`package/role-compare.d.ts`) name exactly what the
//! README's tables document: every attribute, property, event, part and CSS custom property, and
//! nothing else. (`custom-elements.json` is generated from the same tables by `cargo xtask`.)
//! The builder's bundled role and section lists (`www/builder.html`) are the bundled dataset's.

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
