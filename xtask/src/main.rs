//! `cargo xtask`: one entry for every chore of role-compare: set-up, build, serve and test.
//!
//! Every command first runs the bootstrap (`bootstrap.rs`), so a fresh machine needs nothing but
//! rustup's toolchain, Node/npm and apt. See `cargo xtask help`.

mod bench;
mod bootstrap;
mod dist;
mod imports;
mod package;
mod pins;
mod serve;
mod sh;
mod tiers;
mod wordpress;

use bench::bench;
use dist::build;
use sh::{say, Failure};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tiers::test;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  setup            install everything missing (tools at pinned versions); nothing else
  build            release build into dist/ (role-compare.js, wasm + glue, embed.html, index.html)
  serve [--port N] build, then serve dist/ on http://127.0.0.1:N/ (default 8080)
  test             format, clippy (host and wasm32), native tests, browser tests
                   (wasm-bindgen-test), end-to-end tests (Playwright); ends with `N passed, N failed`
  package          the npm package (staged from dist/, packed, installed offline, type-checked,
                   bundled, loaded in Chromium) and `cargo package`; needs a built dist/
  wordpress        the WordPress tier alone (plugin zip from the current dist/, then a real
                   WordPress from Debian's packages and its Playwright specs)
  bench            release build, then sizes and browser timings of the widget, two
                   baselines and the DataTables peer, on loopback (CPU 1x, 4x) and a
                   mobile profile; prints tables and writes target/bench/bench.json
  help             this text";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = project_root();
    let result = match args.first().map(String::as_str) {
        Some("setup") => bootstrap::ensure(&root, true).map(|_| ExitCode::SUCCESS),
        Some("build") => bootstrap::ensure(&root, false)
            .and_then(|tc| build(&tc))
            .map(|_| ExitCode::SUCCESS),
        Some("serve") => match port(&args[1..]) {
            Some(port) => bootstrap::ensure(&root, false)
                .and_then(|tc| build(&tc))
                .and_then(|_| serve_forever(&root, port)),
            None => usage(),
        },
        Some("test") => bootstrap::ensure(&root, true).map(|tc| test(&tc)),
        Some("package") => bootstrap::ensure(&root, true).map(|tc| {
            let mut counts = package::npm_tier(&tc);
            counts += sh::Counts::of(package::cargo_package(&tc.root));
            println!("{} passed, {} failed", counts.passed, counts.failed);
            if counts.failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }),
        Some("bench") => bootstrap::ensure(&root, true)
            .and_then(|tc| build(&tc).map(|_| tc))
            .and_then(|tc| bench(&tc)),
        Some("wordpress") => bootstrap::ensure(&root, true).and_then(|tc| {
            wordpress::package(&tc.root)?;
            let counts = wordpress::tier(&tc);
            println!("{} passed, {} failed", counts.passed, counts.failed);
            Ok(if counts.failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }),
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        _ => usage(),
    };
    result.unwrap_or_else(|failure| {
        eprintln!("error: {failure}");
        ExitCode::FAILURE
    })
}

fn usage() -> sh::Result<ExitCode> {
    eprintln!("{USAGE}");
    Ok(ExitCode::from(2))
}

fn port(args: &[String]) -> Option<u16> {
    match args {
        [] => Some(8080),
        [flag, n] if flag == "--port" => n.parse().ok(),
        _ => None,
    }
}

fn project_root() -> PathBuf {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    manifest
        .and_then(|m| m.parent().map(Path::to_path_buf))
        .unwrap_or_else(|| std::env::current_dir().expect("a current directory"))
}

fn serve_forever(root: &Path, port: u16) -> sh::Result<ExitCode> {
    let (listener, url) = serve::bind(port).map_err(|e| Failure {
        step: "serve".into(),
        command: format!("bind 127.0.0.1:{port}"),
        why: format!("failed ({e}); try --port with another number"),
    })?;
    say(format!(
        "serve: the demo is at {url} (embed page: {url}embed.html); Ctrl-C stops"
    ));
    serve::serve(listener, root.join("dist"));
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn npm_pins_match_package_json() {
        let text = std::fs::read_to_string(project_root().join("package.json")).unwrap();
        for (name, version) in pins::NPM {
            assert!(
                text.contains(&format!("\"{name}\": \"{version}\"")),
                "package.json does not pin {name} at {version}"
            );
        }
    }

    #[test]
    fn wasm_bindgen_version_comes_from_the_lock_file() {
        let v = bootstrap::wasm_bindgen_version(&project_root()).unwrap();
        let manifest = std::fs::read_to_string(project_root().join("Cargo.toml")).unwrap();
        assert!(
            manifest.contains(&format!("wasm-bindgen = \"={v}\"")),
            "Cargo.toml pins {v}"
        );
    }

    #[test]
    fn ports_parse() {
        assert_eq!(port(&[]), Some(8080));
        assert_eq!(port(&["--port".into(), "9000".into()]), Some(9000));
        assert_eq!(port(&["--port".into(), "x".into()]), None);
        assert_eq!(port(&["--bogus".into()]), None);
    }
}
