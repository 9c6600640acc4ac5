//! `cargo xtask`: one entry for every chore of role-compare: set-up, build, serve and test.
//!
//! Every command first runs the bootstrap (`bootstrap.rs`), so a fresh machine needs nothing but
//! rustup's toolchain, Node/npm and apt. See `cargo xtask help`.

mod bootstrap;
mod pins;
mod serve;
mod sh;

use bootstrap::Toolchain;
use sh::{run, run_counted, say, Counts, Failure};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  setup            install everything missing (tools at pinned versions); nothing else
  build            release build into dist/ (role-compare.js, wasm + glue, embed.html, index.html)
  serve [--port N] build, then serve dist/ on http://127.0.0.1:N/ (default 8080)
  test             format, clippy (host and wasm32), native tests, browser tests
                   (wasm-bindgen-test), end-to-end tests (Playwright); ends with `N passed, N failed`
  bench            release build, then sizes and browser timings against two baselines;
                   prints a table and writes target/bench/bench.json
  help             this text";

/// Files `dist/` must contain: the public layout page authors rely on.
const DIST_FILES: [&str; 7] = [
    "role-compare.js",
    "role_compare.js",
    "role_compare_bg.wasm",
    "embed.html",
    "index.html",
    "fallback.html",
    "role-compare-offline.html",
];

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
        Some("bench") => bootstrap::ensure(&root, true)
            .and_then(|tc| build(&tc).map(|_| tc))
            .and_then(|tc| bench(&tc)),
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

/// Release build into dist/, then a check that the public layout is complete.
fn build(tc: &Toolchain) -> sh::Result {
    let start = Instant::now();
    run("build", &mut tc.trunk_build())?;
    let dist = tc.root.join("dist");
    arrange_dist(&tc.root, &dist)?;
    let missing: Vec<&str> = DIST_FILES
        .iter()
        .copied()
        .filter(|f| !dist.join(f).is_file())
        .collect();
    if !missing.is_empty() {
        return Err(Failure {
            step: "build".into(),
            command: "check dist/".into(),
            why: format!("is missing {}", missing.join(", ")),
        });
    }
    say(format!(
        "build: dist/ ready in {:.0}s",
        start.elapsed().as_secs_f64()
    ));
    for f in DIST_FILES {
        let size = std::fs::metadata(dist.join(f))
            .map(|m| m.len())
            .unwrap_or(0);
        say(format!("  dist/{f:<22} {size:>8} bytes"));
    }
    Ok(())
}

/// Trunk names the glue after the package (`role-compare.js`), which is the loader's public
/// name. Give the glue and wasm the library's name, write the loader in its place with the
/// widget's CSS inside, and put the prerendered fallback into the pages and `fallback.html`.
fn arrange_dist(root: &Path, dist: &Path) -> sh::Result {
    let fail = |what: String, e: std::io::Error| Failure {
        step: "build".into(),
        command: what,
        why: format!("failed ({e})"),
    };
    for (from, to) in [
        ("role-compare.js", "role_compare.js"),
        ("role-compare_bg.wasm", "role_compare_bg.wasm"),
    ] {
        std::fs::rename(dist.join(from), dist.join(to))
            .map_err(|e| fail(format!("rename dist/{from} to dist/{to}"), e))?;
    }
    // The glue wasm-bindgen wrote, compacted like the loader (measured 2026-12-01: 8,565 ->
    // 7,615 bytes gzip).
    let glue_path = dist.join("role_compare.js");
    let glue = std::fs::read_to_string(&glue_path)
        .map_err(|e| fail("read dist/role_compare.js".into(), e))?;
    let glue = compact(&glue, "dist/role_compare.js")?;
    std::fs::write(&glue_path, glue).map_err(|e| fail("write dist/role_compare.js".into(), e))?;
    let read = |rel: &str| {
        std::fs::read_to_string(root.join(rel)).map_err(|e| fail(format!("read {rel}"), e))
    };
    let loader = read("www/role-compare.js")?;
    let css = read("src/style.css")?;
    let placeholder = "\"__ROLE_COMPARE_CSS__\"";
    if !loader.contains(placeholder) {
        return Err(Failure {
            step: "build".into(),
            command: "www/role-compare.js".into(),
            why: format!("has no {placeholder} placeholder for the CSS"),
        });
    }
    let loader = compact(&loader, "www/role-compare.js")?;
    let loader = loader.replace(placeholder, &js_string(&compact_css(&css)));
    std::fs::write(dist.join("role-compare.js"), &loader)
        .map_err(|e| fail("write dist/role-compare.js".into(), e))?;

    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut prerender = Command::new(cargo);
    prerender
        .current_dir(root)
        .args(["run", "--quiet", "--release", "--example", "prerender"]);
    say(format!("build: {}", sh::show(&prerender)));
    let fallback = sh::output(&mut prerender).ok_or_else(|| Failure {
        step: "build".into(),
        command: sh::show(&prerender),
        why: "failed (run it by hand to see why)".into(),
    })?;
    std::fs::write(dist.join("fallback.html"), format!("{fallback}\n"))
        .map_err(|e| fail("write dist/fallback.html".into(), e))?;
    offline_page(root, dist, &loader, &fallback)?;
    for page in ["index.html", "embed.html", "examples/csp-no-wasm.html"] {
        let path = dist.join(page);
        let html =
            std::fs::read_to_string(&path).map_err(|e| fail(format!("read dist/{page}"), e))?;
        let placeholder = "<!-- role-compare:fallback -->";
        if !html.contains(placeholder) {
            // E.g. an HTML minifier dropped the comment: the page would ship with no fallback.
            return Err(Failure {
                step: "build".into(),
                command: format!("dist/{page}"),
                why: format!("has no {placeholder} placeholder for the fallback"),
            });
        }
        let html = html.replace(placeholder, &fallback);
        std::fs::write(&path, html).map_err(|e| fail(format!("write dist/{page}"), e))?;
    }
    Ok(())
}

/// `dist/role-compare-offline.html`: one file with the loader, glue and wasm inline, for
/// `file://` and hosts where only a single file can be uploaded.
fn offline_page(root: &Path, dist: &Path, loader: &str, fallback: &str) -> sh::Result {
    let fail = |what: &str, e: std::io::Error| Failure {
        step: "build (offline page)".into(),
        command: what.into(),
        why: format!("failed ({e})"),
    };
    let glue = std::fs::read_to_string(dist.join("role_compare.js"))
        .map_err(|e| fail("read dist/role_compare.js", e))?;
    let wasm = std::fs::read(dist.join("role_compare_bg.wasm"))
        .map_err(|e| fail("read dist/role_compare_bg.wasm", e))?;
    let template = std::fs::read_to_string(root.join("www/offline.html"))
        .map_err(|e| fail("read www/offline.html", e))?;
    let inline = format!(
        "const INLINE = {{ glue: {}, wasm: \"{}\" }};",
        js_string(&glue),
        base64(&wasm)
    );
    let loader = loader.replace("const INLINE = null;", &inline);
    let page = template
        .replace("<!-- role-compare:fallback -->", fallback)
        .replace(
            "<!-- role-compare:inline-loader -->",
            &format!("<script type=\"module\">\n{loader}\n</script>"),
        );
    std::fs::write(dist.join("role-compare-offline.html"), page)
        .map_err(|e| fail("write dist/role-compare-offline.html", e))
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `text` as a JavaScript string literal.
fn js_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '<' => out.push_str("\\u003c"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// [`compact_js`] for the build: a refusal names the file and fails the build.
fn compact(source: &str, file: &str) -> sh::Result<String> {
    compact_js(source).map_err(|why| Failure {
        step: "build".into(),
        command: file.into(),
        why,
    })
}

/// JavaScript as shipped (the loader and the glue): comment lines, indentation and blank lines
/// go (measured 2026-12-01: the loader's code 5,081 -> 3,005 bytes gzip). Every line break
/// stays, so automatic semicolon insertion reads the code as before. Refused: a string that
/// continues on the next line, whose indentation would be content.
fn compact_js(source: &str) -> Result<String, String> {
    let mut out = String::with_capacity(source.len());
    for (n, line) in source.lines().enumerate() {
        if line.matches('`').count() % 2 == 1 || line.ends_with('\\') {
            return Err(format!(
                "line {}: a string continues on the next line; keep every string on one line",
                n + 1
            ));
        }
        let code = line.trim();
        if !code.is_empty() && !code.starts_with("//") {
            out.push_str(code);
            out.push('\n');
        }
    }
    Ok(out)
}

/// The widget's CSS as shipped: comments (outside strings), indentation and blank lines go
/// (measured 2026-12-01: 4,133 -> 2,743 bytes gzip).
fn compact_css(source: &str) -> String {
    let mut text = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    let mut quote = None;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                text.push(c);
                if c == '\\' {
                    text.extend(chars.next());
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                text.push(c);
            }
            None if c == '/' && chars.peek() == Some(&'*') => {
                chars.next();
                let mut star = false;
                for n in chars.by_ref() {
                    if star && n == '/' {
                        break;
                    }
                    star = n == '*';
                }
            }
            None => text.push(c),
        }
    }
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
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

/// Every tier in order; a failing step does not hide the ones after it, except where a later
/// step needs its output.
fn test(tc: &Toolchain) -> ExitCode {
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
            total += e2e(tc);
            timed("end-to-end tests", t);
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

/// The benchmark (`tests/bench/bench.mjs`) against dist/ served on a free loopback port.
fn bench(tc: &Toolchain) -> sh::Result<ExitCode> {
    let (listener, url) = serve::bind(0).map_err(|e| Failure {
        step: "bench".into(),
        command: "bind 127.0.0.1:0".into(),
        why: format!("failed ({e})"),
    })?;
    let dist = tc.root.join("dist");
    std::thread::spawn(move || serve::serve(listener, dist));
    let out = tc.root.join("target/bench");
    let _ = std::fs::create_dir_all(&out);
    run(
        "bench",
        Command::new("node")
            .current_dir(&tc.root)
            .arg("tests/bench/bench.mjs")
            .env("BASE_URL", &url)
            .env("CHROMIUM_PATH", "/usr/bin/chromium")
            .env("BENCH_OUT", out.join("bench.json")),
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Playwright specs (node's test runner) against dist/ served on a free loopback port.
fn e2e(tc: &Toolchain) -> Counts {
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
    let dist = tc.root.join("dist");
    std::thread::spawn(move || serve::serve(listener, dist));
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
    fn base64_matches_the_rfc_examples() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
    }

    #[test]
    fn script_end_tags_cannot_appear_in_js_strings() {
        assert_eq!(js_string("</script>"), "\"\\u003c/script>\"");
    }

    #[test]
    fn css_becomes_a_js_string() {
        assert_eq!(
            js_string("a\"b\\c\nd\u{2028}\u{1}"),
            "\"a\\\"b\\\\c\\nd\\u2028\\u0001\""
        );
    }

    #[test]
    fn compact_js_drops_comment_lines_and_indentation_only() {
        let js =
            "// head\n  const a = \"// not a comment\"; // tail\n\n  if (a) {\n    f();\n  }\n";
        assert_eq!(
            compact_js(js).unwrap(),
            "const a = \"// not a comment\"; // tail\nif (a) {\nf();\n}\n"
        );
    }

    #[test]
    fn compact_js_refuses_strings_across_lines() {
        assert!(compact_js("const t = `a\n  b`;\n").is_err());
        assert!(compact_js("const s = \"a\\\n  b\";\n").is_err());
        assert!(compact_js("const t = `a ${b}`;\n").is_ok());
    }

    #[test]
    fn compact_css_drops_comments_outside_strings() {
        let css = "/* head */\n.a {\n  content: \"/* kept */\"; /* gone */\n  b: c;\n}\n/**/.d{}/* x * / y */\n";
        assert_eq!(
            compact_css(css),
            ".a {\ncontent: \"/* kept */\";\nb: c;\n}\n.d{}"
        );
    }

    #[test]
    fn the_shipped_loader_compacts() {
        let loader = std::fs::read_to_string(project_root().join("www/role-compare.js")).unwrap();
        let compact = compact_js(&loader).unwrap();
        assert!(compact.contains("\"__ROLE_COMPARE_CSS__\""));
        assert!(!compact
            .lines()
            .any(|l| l.starts_with("//") || l.starts_with(' ')));
    }

    #[test]
    fn ports_parse() {
        assert_eq!(port(&[]), Some(8080));
        assert_eq!(port(&["--port".into(), "9000".into()]), Some(9000));
        assert_eq!(port(&["--port".into(), "x".into()]), None);
        assert_eq!(port(&["--bogus".into()]), None);
    }
}
