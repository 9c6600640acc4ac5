//! `cargo xtask build`'s packaging: Trunk's output arranged into the public `dist/` layout —
//! the loader with the CSS inside, the glue and wasm under the library's name, the prerendered
//! fallback in the pages and `fallback.html`, and the single-file offline page — with the
//! loader, glue and CSS compacted (no minifier dependency).

use crate::bootstrap::Toolchain;
use crate::sh::{self, run, say, Failure};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// Files `dist/` must contain: the public layout page authors rely on.
pub const DIST_FILES: [&str; 8] = [
    "role-compare.js",
    "role-compare.css",
    "role_compare.js",
    "role_compare_bg.wasm",
    "embed.html",
    "index.html",
    "fallback.html",
    "role-compare-offline.html",
];

/// Release build into dist/, then a check that the public layout is complete.
pub fn build(tc: &Toolchain) -> sh::Result {
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
    crate::wordpress::package(&tc.root)?;
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
    // The glue wasm-bindgen wrote and the wasm, their imports renamed to short names in both
    // (`imports`), then the glue minified like the loader.
    let glue_path = dist.join("role_compare.js");
    let wasm_path = dist.join("role_compare_bg.wasm");
    let glue = std::fs::read_to_string(&glue_path)
        .map_err(|e| fail("read dist/role_compare.js".into(), e))?;
    let wasm =
        std::fs::read(&wasm_path).map_err(|e| fail("read dist/role_compare_bg.wasm".into(), e))?;
    let (wasm, glue) = crate::imports::shorten(&wasm, &glue).map_err(|why| Failure {
        step: "build".into(),
        command: "rename the wasm's imports in dist/role_compare_bg.wasm and its glue".into(),
        why,
    })?;
    std::fs::write(&wasm_path, wasm)
        .map_err(|e| fail("write dist/role_compare_bg.wasm".into(), e))?;
    let glue = minify_js(root, &glue, "dist/role_compare.js")?;
    std::fs::write(&glue_path, glue).map_err(|e| fail("write dist/role_compare.js".into(), e))?;
    let read = |rel: &str| {
        std::fs::read_to_string(root.join(rel)).map_err(|e| fail(format!("read {rel}"), e))
    };
    let source = read("www/role-compare.js")?;
    let css = read("src/style.css")?;
    let loader_sheet = js_string(&compact_css(&loader_css(&css)));
    let loader = ship_loader(root, &source, &loader_sheet, None)?;
    let css = compact_css(&css);
    std::fs::write(dist.join("role-compare.js"), &loader)
        .map_err(|e| fail("write dist/role-compare.js".into(), e))?;
    // The same stylesheet as a file, for the declarative fallback's <link>.
    std::fs::write(dist.join("role-compare.css"), &css)
        .map_err(|e| fail("write dist/role-compare.css".into(), e))?;

    let prerender = |args: &[&str]| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let mut cmd = Command::new(cargo);
        cmd.current_dir(root)
            .args([
                "run",
                "--quiet",
                "--release",
                "--example",
                "prerender",
                "--",
            ])
            .args(args);
        say(format!("build: {}", sh::show(&cmd)));
        sh::output(&mut cmd).ok_or_else(|| Failure {
            step: "build".into(),
            command: sh::show(&cmd),
            why: "failed (run it by hand to see why)".into(),
        })
    };
    let fallback = prerender(&[])?;
    let declarative = prerender(&["role-compare.css"])?;
    std::fs::write(dist.join("fallback.html"), format!("{fallback}\n"))
        .map_err(|e| fail("write dist/fallback.html".into(), e))?;
    offline_page(root, dist, &source, &loader_sheet, &fallback)?;
    // The demo and iframe pages carry the declarative fallback (styled at first paint); the
    // strict-CSP example keeps the plain form, so both forms stay tested.
    for (page, placeholder, fallback) in [
        (
            "index.html",
            "<!-- role-compare:declarative-fallback -->",
            &declarative,
        ),
        (
            "embed.html",
            "<!-- role-compare:declarative-fallback -->",
            &declarative,
        ),
        (
            "examples/csp-no-wasm.html",
            "<!-- role-compare:fallback -->",
            &fallback,
        ),
    ] {
        let path = dist.join(page);
        let html =
            std::fs::read_to_string(&path).map_err(|e| fail(format!("read dist/{page}"), e))?;
        if !html.contains(placeholder) {
            // E.g. an HTML minifier dropped the comment: the page would ship with no fallback.
            return Err(Failure {
                step: "build".into(),
                command: format!("dist/{page}"),
                why: format!("has no {placeholder} placeholder for the fallback"),
            });
        }
        let html = html.replace(placeholder, fallback);
        std::fs::write(&path, html).map_err(|e| fail(format!("write dist/{page}"), e))?;
    }
    Ok(())
}

/// `dist/role-compare-offline.html`: one file with the loader, glue and wasm inline, for
/// `file://` and hosts where only a single file can be uploaded.
fn offline_page(root: &Path, dist: &Path, source: &str, sheet: &str, fallback: &str) -> sh::Result {
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
        "{{ glue: {}, wasm: \"{}\" }}",
        js_string(&glue),
        base64(&wasm)
    );
    let loader = ship_loader(root, source, sheet, Some(&inline))?;
    if loader.len() < wasm.len() {
        return Err(Failure {
            step: "build (offline page)".into(),
            command: "www/role-compare.js".into(),
            why: "the loader came out without the inline glue and wasm".into(),
        });
    }
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

/// The stylesheet the loader carries: `src/style.css` without its `fallback-sheet-only`
/// sections, rules that only a fallback the element has not yet taken over needs (the loader
/// adopts its sheet once it has); `dist/role-compare.css`, which that fallback links, keeps them.
fn loader_css(css: &str) -> String {
    const BEGIN: &str = "/* fallback-sheet-only { */";
    const END: &str = "/* } fallback-sheet-only */";
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find(BEGIN) {
        out.push_str(&rest[..start]);
        rest = match rest[start..].find(END) {
            Some(end) => &rest[start + end + END.len()..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// The loader as shipped: `www/role-compare.js` with `inline` (the offline page's glue and wasm,
/// a JS object expression) in place of `const INLINE = null;`, minified, then with `sheet` (the
/// CSS as a JS string) in place of its placeholder. The markers are checked, so a loader edited
/// without them fails the build instead of shipping without its CSS or its inline wasm.
fn ship_loader(root: &Path, source: &str, sheet: &str, inline: Option<&str>) -> sh::Result<String> {
    const CSS: &str = "\"__ROLE_COMPARE_CSS__\"";
    const INLINE: &str = "const INLINE = null;";
    let refuse = |why: String| Failure {
        step: "build".into(),
        command: "www/role-compare.js".into(),
        why,
    };
    if source.matches(CSS).count() != 1 || source.matches(INLINE).count() != 1 {
        return Err(refuse(format!(
            "must hold the {CSS} placeholder and `{INLINE}` once each"
        )));
    }
    let source = match inline {
        Some(value) => source.replace(INLINE, &format!("const INLINE = {value};")),
        None => source.to_owned(),
    };
    let loader = minify_js(root, &source, "www/role-compare.js")?;
    if loader.matches(CSS).count() != 1 {
        return Err(refuse(format!(
            "minified, it no longer holds the {CSS} placeholder exactly once"
        )));
    }
    Ok(loader.replace(CSS, sheet))
}

/// JavaScript as shipped (the loader and the glue): minified by esbuild (npm, pinned like the
/// other dev tools), which drops comments (the glue's JSDoc, copied from the Rust docs of every
/// exported method, included), whitespace and the long names of everything not exported.
/// Measured on 2026-12-02 (gzip -9): the glue 8,366 -> 5,892 bytes, the loader 8,317 -> 7,662
/// (its stylesheet, a string, is unchanged). Before it a line compactor shipped them (comment
/// lines and indentation out: the loader's code 5,081 -> 3,005 on 2026-12-01).
fn minify_js(root: &Path, source: &str, file: &str) -> sh::Result<String> {
    use std::io::Write;
    let esbuild = root.join("node_modules/.bin/esbuild");
    let failure = |why: String| Failure {
        step: "build".into(),
        command: format!("{} --minify --format=esm < {file}", esbuild.display()),
        why,
    };
    let mut child = Command::new(&esbuild)
        .args(["--minify", "--format=esm", "--log-level=warning"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| failure(format!("could not start ({e}); run `cargo xtask setup`")))?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = source.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child
        .wait_with_output()
        .map_err(|e| failure(format!("failed ({e})")))?;
    let written = writer
        .join()
        .map_err(|_| failure("the writer panicked".into()))?;
    if !out.status.success() {
        return Err(failure(format!("exited with {}", out.status)));
    }
    written.map_err(|e| failure(format!("could not write its input ({e})")))?;
    String::from_utf8(out.stdout)
        .map_err(|e| failure(format!("wrote text that is not UTF-8 ({e})")))
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

#[cfg(test)]
mod tests {
    use super::*;
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
    fn loader_css_leaves_out_the_fallback_sheet_only_sections() {
        let css = "a{}\n/* fallback-sheet-only { */\nb{}\n/* } fallback-sheet-only */\nc{}\n/* fallback-sheet-only { */d{}";
        assert_eq!(loader_css(css), "a{}\n\nc{}\n");
        let real = include_str!("../../src/style.css");
        let kept = loader_css(real);
        assert!(real.contains("@keyframes rc-stuck") && !kept.contains("@keyframes rc-stuck"));
        assert!(kept.contains(".rc-static") && kept.len() + 2000 > real.len());
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
    fn the_shipped_loader_minifies_keeping_its_css_placeholder_and_strings() {
        let root = crate::project_root();
        assert!(
            root.join("node_modules/.bin/esbuild").exists(),
            "no esbuild in node_modules: run `cargo xtask setup` (or `npm ci`) first"
        );
        let loader = std::fs::read_to_string(root.join("www/role-compare.js")).unwrap();
        let min = minify_js(&root, &loader, "www/role-compare.js").unwrap();
        assert_eq!(min.matches("\"__ROLE_COMPARE_CSS__\"").count(), 1);
        assert!(
            min.len() * 2 < loader.len(),
            "{} of {} bytes",
            min.len(),
            loader.len()
        );
        assert!(!min.contains("// "), "no comment left");
        // Strings the page and its reader see are kept as written.
        assert!(min.contains("role-compare-ready") || min.contains("\"ready\""));
        assert!(minify_js(&root, "const = ;", "broken.js").is_err());
    }
}
