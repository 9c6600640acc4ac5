//! `cargo xtask test`: every test tier in order (format, clippy on host and wasm32, native
//! tests, browser tests, release build, size budget, end-to-end), counted into one
//! `N passed, N failed` line. The benchmark is `bench.rs`.

use crate::bootstrap::Toolchain;
use crate::dist::build;
use crate::serve;
use crate::sh::{self, run, run_counted, say, Counts, Failure};
use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Instant;

/// Every tier in order; a failing step does not hide the ones after it, except where a later
/// step needs its output.
pub fn test(tc: &Toolchain) -> ExitCode {
    let start = Instant::now();
    let mut total = Counts::default();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let host = |args: &[&str]| {
        let mut cmd = Command::new(&cargo);
        cmd.current_dir(&tc.root).args(args);
        cmd
    };
    let check = |name: &str, cmd: &mut Command| Counts::of(run(name, cmd));
    let timed = |name: &str, t: Instant| say(format!("{name}: {:.0}s", t.elapsed().as_secs_f64()));

    let t = Instant::now();
    total += check("fmt", &mut host(&["fmt", "--all", "--check"]));
    total += check(
        "clippy (host)",
        &mut host(&[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    );
    timed("fmt + clippy (host)", t);

    let t = Instant::now();
    total += run_counted("native tests", &mut host(&["test", "--workspace"]));
    timed("native tests", t);

    let t = Instant::now();
    let mut clippy = tc.wasm_cargo("clippy", true);
    clippy.args(["--lib", "--tests", "--", "-D", "warnings"]);
    total += check("clippy (wasm32)", &mut clippy);
    timed("clippy (wasm32)", t);

    let t = Instant::now();
    let mut browser = tc.wasm_cargo("test", true);
    browser
        .args(["--test", "browser"])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env("CHROMEDRIVER", "/usr/bin/chromedriver")
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
    total += run_counted("browser tests (wasm-bindgen-test)", &mut browser);
    timed("browser tests", t);

    let t = Instant::now();
    match build(tc) {
        Ok(()) => {
            total += Counts::of(Ok(()));
            timed("release build", t);
            total += Counts::of(size_budget(&tc.root));
            let t = Instant::now();
            match e2e_site(tc) {
                Ok(site) => {
                    total += Counts::of(Ok(()));
                    timed("e2e site (dist/ + hooks/ with the test hooks)", t);
                    let t = Instant::now();
                    total += e2e(tc, site);
                    timed("end-to-end tests", t);
                }
                Err(f) => {
                    total += Counts::of(Err(f));
                    eprintln!("error: end-to-end tests skipped (they need the e2e site)");
                }
            }
            let t = Instant::now();
            total += crate::package::npm_tier(tc);
            total += Counts::of(crate::package::cargo_package(&tc.root));
            timed("npm package + cargo package", t);
            let t = Instant::now();
            total += crate::wordpress::tier(tc);
            timed("WordPress tier", t);
        }
        Err(f) => {
            total += Counts::of(Err(f));
            eprintln!("error: end-to-end tests skipped (they need dist/)");
        }
    }

    say(format!(
        "test: all tiers in {:.0}s",
        start.elapsed().as_secs_f64()
    ));
    println!("{} passed, {} failed", total.passed, total.failed);
    if total.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The files a page loads to reach an interactive widget.
const INTERACTIVE_FILES: [&str; 3] = ["role-compare.js", "role_compare.js", "role_compare_bg.wasm"];

/// Checks the gzip -9 size of [`INTERACTIVE_FILES`] against `size-budget.txt`.
fn size_budget(root: &Path) -> sh::Result {
    let fail = |why: String| Failure {
        step: "size budget".into(),
        command: "gzip -9 dist files, compare with size-budget.txt".into(),
        why,
    };
    let text = std::fs::read_to_string(root.join("size-budget.txt"))
        .map_err(|e| fail(format!("cannot read size-budget.txt ({e})")))?;
    let budget: u64 = text
        .lines()
        .filter_map(|l| l.split_once('='))
        .find(|(k, _)| k.trim() == "total-gzip-bytes")
        .and_then(|(_, v)| v.trim().parse().ok())
        .ok_or_else(|| fail("size-budget.txt has no `total-gzip-bytes = N` line".into()))?;
    let mut total = 0;
    for file in INTERACTIVE_FILES {
        let path = root.join("dist").join(file);
        let out = Command::new("gzip")
            .args(["-9", "-c"])
            .arg(&path)
            .output()
            .map_err(|e| fail(format!("gzip could not run ({e})")))?;
        if !out.status.success() {
            return Err(fail(format!("gzip failed on dist/{file}")));
        }
        total += out.stdout.len() as u64;
    }
    say(format!(
        "size budget: {total} bytes gzip -9 to interactive (budget {budget})"
    ));
    if total > budget {
        return Err(fail(format!(
            "exceeded: {total} bytes > {budget}; make it smaller, or raise the budget in a reviewed commit"
        )));
    }
    Ok(())
}

/// The site the e2e specs run against, `target/e2e/site/`: a copy of dist/ (what ships), and
/// under `hooks/` a second copy whose wasm and glue are built with the `test-hooks` feature
/// (`panicOnNextChangeForTest`), so the shipped files carry no test hooks. The hooked wasm uses
/// the quick `e2e-hooks` profile (release semantics, `panic = "abort"`, without LTO).
fn e2e_site(tc: &Toolchain) -> sh::Result<std::path::PathBuf> {
    let fail = |what: String, e: std::io::Error| Failure {
        step: "e2e site".into(),
        command: what,
        why: format!("failed ({e})"),
    };
    let mut cargo = tc.wasm_cargo("build", false);
    cargo.args([
        "--lib",
        "--profile",
        "e2e-hooks",
        "--features",
        "test-hooks",
    ]);
    run("e2e site: wasm with test hooks", &mut cargo)?;
    let site = tc.root.join("target/e2e/site");
    let _ = std::fs::remove_dir_all(&site);
    let dist = tc.root.join("dist");
    copy_dir(&dist, &site).map_err(|e| fail("copy dist/ to target/e2e/site".into(), e))?;
    let hooks = site.join("hooks");
    copy_dir(&dist, &hooks).map_err(|e| fail("copy dist/ to target/e2e/site/hooks".into(), e))?;
    let wasm = tc
        .root
        .join("target/wasm32-unknown-unknown/e2e-hooks/role_compare.wasm");
    let mut bindgen = tc.command("wasm-bindgen");
    bindgen
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            "role_compare",
        ])
        .arg("--out-dir")
        .arg(&hooks)
        .arg(&wasm);
    run("e2e site: glue with test hooks", &mut bindgen)?;
    Ok(site)
}

/// Copies the directory `from` to `to`, recursively.
fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// Playwright specs (node's test runner) against the e2e site served on a free loopback port.
fn e2e(tc: &Toolchain, site: std::path::PathBuf) -> Counts {
    let (listener, url) = match serve::bind(0) {
        Ok(bound) => bound,
        Err(e) => {
            eprintln!("error: step \"end-to-end tests\" failed: could not bind 127.0.0.1 ({e})");
            return Counts {
                passed: 0,
                failed: 1,
            };
        }
    };
    std::thread::spawn(move || serve::serve(listener, site));
    let dir = tc.root.join("tests/e2e");
    let mut specs: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
                .map(|p| p.display().to_string())
                .collect()
        })
        .unwrap_or_default();
    specs.sort();
    let mut node = Command::new("node");
    node.current_dir(&tc.root)
        .args(["--test", "--test-reporter=tap", "--test-concurrency=1"])
        .args(&specs)
        .env("BASE_URL", &url)
        .env("CHROMIUM_PATH", "/usr/bin/chromium");
    run_counted("end-to-end tests (Playwright)", &mut node)
}
