//! Prints the widget's default view as static HTML (yew server-side rendering): the no-JS
//! fallback that page authors place inside `<role-compare>`. `cargo xtask build` runs it and
//! writes `dist/fallback.html`, and puts the same markup into the demo and iframe pages.
//!
//! Run by hand: `cargo run --example prerender > fallback.html`

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use role_compare::{data, prerender};
    let fallback = prerender::fallback(std::rc::Rc::new(data::bundled()), |_| None);
    println!("{}", fallback.html);
}

#[cfg(target_arch = "wasm32")]
fn main() {}
