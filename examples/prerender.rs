//! Prints the widget's default view as static HTML (yew server-side rendering): the no-JS
//! fallback that page authors place inside `<role-compare>`. `cargo xtask build` runs it and
//! writes `dist/fallback.html`, and puts the same markup into the demo and iframe pages.
//!
//! Run by hand: `cargo run --example prerender > fallback.html`

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use role_compare::{data, view::RoleCompare, view::RoleCompareProps};
    use std::rc::Rc;
    use yew::ServerRenderer;

    let renderer = ServerRenderer::<RoleCompare>::with_props(|| {
        let mut props = RoleCompareProps::new(Rc::new(data::bundled()));
        props.prerender = true;
        // The first widget on a page gets this prefix too, so ids match after the upgrade.
        props.id_prefix = "rc1".into();
        props
    })
    .hydratable(false);
    let html = futures::executor::block_on(renderer.render());
    println!("<div data-role-compare-fallback>{html}</div>");
}

#[cfg(target_arch = "wasm32")]
fn main() {}
