//! `cargo xtask bench`: after the release build, runs `tests/bench/bench.mjs`, which serves
//! `dist/` itself (gzip, like a production host), measures the widget, the static and vanilla
//! baselines and the DataTables peer in three reader profiles (loopback at CPU 1× and 4×, a phone
//! on a mobile network), prints the report and writes `target/bench/bench.json`.

use crate::bootstrap::Toolchain;
use crate::sh::{self, run};
use std::process::{Command, ExitCode};

/// The benchmark against the `dist/` the build just wrote.
pub fn bench(tc: &Toolchain) -> sh::Result<ExitCode> {
    let out = tc.root.join("target/bench");
    let _ = std::fs::create_dir_all(&out);
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    run(
        "bench",
        Command::new("node")
            .current_dir(&tc.root)
            .arg("tests/bench/bench.mjs")
            .env("CHROMIUM_PATH", "/usr/bin/chromium")
            // The bench builds its DataTables page from `cargo run --example plain_table`.
            .env("CARGO", cargo)
            .env("BENCH_OUT", out.join("bench.json")),
    )?;
    Ok(ExitCode::SUCCESS)
}
