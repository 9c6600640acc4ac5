//! Prints the widget's default view as static HTML (yew server-side rendering): the no-JS
//! fallback that page authors place inside `<role-compare>`. `cargo xtask build` runs it and
//! writes `dist/fallback.html`, and puts the same markup into the demo and iframe pages.
//!
//! With a stylesheet URL as its one argument it prints the declarative form
//! (`Fallback::declarative`), which the demo and iframe pages carry.
//!
//! Run by hand: `cargo run --example prerender > fallback.html`, or
//! `cargo run --example prerender -- role-compare.css`

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use role_compare::{data, prerender};
    let fallback = prerender::fallback(std::rc::Rc::new(data::bundled()), |_| None);
    match std::env::args().nth(1) {
        Some(stylesheet) => println!("{}", fallback.declarative(&stylesheet)),
        None => println!("{}", fallback.html),
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
