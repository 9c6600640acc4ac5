//! The JSON reader's time per MB on hostile shapes against plain JSON of the same size, in a
//! release build: `cargo run --release --example reader_bench [MB]` (default 8).
//!
//! Each round reads plain JSON, then the shape, so both see the same machine load; the table
//! shows medians of 15 rounds. `tests/reader_limits.rs` fails on a 10× blow-up.

#[path = "../tests/support/shapes.rs"]
mod shapes;

use role_compare::{data, json};

fn main() {
    let mb: f64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(8.0);
    let bytes = (mb * 1e6) as usize;
    println!("JSON reader (json::parse), {mb} MB a shape:");
    let ratios = shapes::ratios(bytes, 15, |text| {
        let _ = std::hint::black_box(json::parse(std::hint::black_box(text)));
    });
    print!("{}", shapes::table(&ratios));
    println!("\nDataset reader (data::parse_json: limits, then shape errors), {mb} MB a shape:");
    let ratios = shapes::ratios(bytes, 15, |text| {
        let _ = std::hint::black_box(data::parse_json(std::hint::black_box(text)));
    });
    print!("{}", shapes::table(&ratios));
}
