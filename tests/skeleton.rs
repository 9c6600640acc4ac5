//! Native walking-skeleton test: the bundled dataset loads, validates, and renders through yew's
//! server-side renderer into a real table whose column headers are the dataset's roles.

#![cfg(not(target_arch = "wasm32"))]

use role_compare::{data, validate, view::RoleCompare, view::RoleCompareProps};
use std::rc::Rc;
use yew::ServerRenderer;

fn render_default() -> String {
    let renderer = ServerRenderer::<RoleCompare>::with_props(|| {
        RoleCompareProps::new(Rc::new(data::bundled()))
    })
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

#[test]
fn bundled_dataset_validates() {
    let d = data::bundled();
    if let Err(errors) = validate::validate(&d) {
        let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("bundled dataset is invalid:\n{}", listed.join("\n"));
    }
    let ids: Vec<&str> = d.roles.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["cio", "ciso", "cso"]);
}

#[test]
fn default_view_renders_a_table_with_one_column_per_role() {
    let html = render_default();
    assert!(html.contains("<table"), "no table in: {html:.300}");
    assert!(html.contains("<caption>"), "table has no caption");
    for abbr in ["CIO", "CISO", "CSO"] {
        let header = format!(r#"<span class="rc-abbr">{abbr}</span>"#);
        assert!(html.contains(&header), "no column header for {abbr}");
    }
    assert_eq!(html.matches(r#"<th scope="col""#).count(), 3);
}
