//! Times the comparison natively at the scale the README promises (50 roles × 2,000 claims,
//! the first three compared): building the dataset's `Index` once, then `compare` and `layout`
//! (what one filter change computes) for each mode, with and without the index at hand.
//!
//! `cargo run --release --example scale_timing`

use role_compare::compare::{compare, compare_indexed, layout, layout_indexed, Index};
use role_compare::state::{Filters, Mode};
use std::time::Instant;

#[path = "../tests/support/generated.rs"]
mod generated;

fn main() {
    let d = generated::generated(50, 2_000);
    let t = Instant::now();
    let index = Index::new(&d);
    println!("index of {} claims: {:?}", d.claims.len(), t.elapsed());
    for mode in [Mode::All, Mode::Differences, Mode::Shared] {
        let f = Filters {
            mode,
            ..Filters::default()
        };
        let t = Instant::now();
        let c = compare_indexed(&d, &index, &f);
        let l = layout_indexed(&d, &index, &f);
        let indexed = t.elapsed();
        let t = Instant::now();
        let (c2, l2) = (compare(&d, &f), layout(&d, &f));
        let fresh = t.elapsed();
        assert!(c == c2 && l == l2);
        println!(
            "{mode:?}: compare + layout {indexed:?} with the index, {fresh:?} building it each time ({} rows)",
            c.shown
        );
    }
}
