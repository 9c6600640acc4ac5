//! The packages role-compare is ready to publish (nothing is published), and their tests:
//!
//! - **npm**: [`stage`] puts the built `dist/` files, `package/package.json` (its version from
//!   Cargo.toml), `package/role-compare.d.ts` and a `custom-elements.json` generated from the
//!   README's tables ([`manifest`]: the README is the one source, so the manifest cannot drift
//!   from it) into `target/npm/role-compare/`; [`npm_tier`] runs `npm pack` on it, installs the
//!   tarball into a scratch folder with `--offline`, type-checks `tests/package/usage.ts` with
//!   the pinned TypeScript, bundles it with the pinned esbuild, and loads the package and the
//!   bundle in Chromium (`tests/package/load.test.mjs`), the wasm resolved inside the package.
//! - **crates.io**: [`cargo_package`] runs `cargo package --allow-dirty` and fails on any
//!   warning (missing metadata, a file the crate needs left out).

use crate::bootstrap::Toolchain;
use crate::serve;
use crate::sh::{self, run, run_counted, say, Counts, Failure};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The built files the npm package ships (its `files` list adds the types and the manifest).
const DIST_FILES: [&str; 6] = [
    "role-compare.js",
    "role-compare.css",
    "role_compare.js",
    "role_compare_bg.wasm",
    "role-compare-frame.js",
    "fallback.html",
];

fn fail(step: &str, command: impl Into<String>, why: impl Into<String>) -> Failure {
    Failure {
        step: step.into(),
        command: command.into(),
        why: why.into(),
    }
}

/// The rows of the first Markdown table after the heading line `heading`, as cells (trimmed).
fn table(readme: &str, heading: &str) -> Vec<Vec<String>> {
    let mut lines = readme.lines().skip_while(|l| l.trim() != heading).skip(1);
    let rows: Vec<Vec<String>> = lines
        .by_ref()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            // A `\|` inside a cell is text, not a separator.
            let l = l.replace("\\|", "\u{1}");
            l.trim()
                .trim_matches('|')
                .split('|')
                .map(|c| c.trim().replace('\u{1}', "|"))
                .collect()
        })
        .collect();
    // Header and separator rows.
    rows.into_iter().skip(2).collect()
}

/// The `code` spans of a Markdown cell.
fn codes(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// A Markdown cell as plain text for a description (code spans and emphasis marks dropped).
fn plain(cell: &str) -> String {
    cell.replace(['`', '*'], "")
}

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One JSON object from (key, already-encoded value) pairs.
fn object(fields: &[(&str, String)]) -> String {
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{}: {v}", json_string(k)))
        .collect();
    format!("{{ {} }}", body.join(", "))
}

fn array(items: &[String], indent: &str) -> String {
    if items.is_empty() {
        return "[]".into();
    }
    format!(
        "[\n{indent}  {}\n{indent}]",
        items.join(&format!(",\n{indent}  "))
    )
}

/// What the README documents of the element: attributes (name, values, default, meaning),
/// properties (name, type, meaning), events (name, detail, when), CSS custom properties
/// (name, default, use) and parts.
pub struct Documented {
    pub attributes: Vec<(String, String, String, String)>,
    pub properties: Vec<(String, String, String)>,
    pub events: Vec<(String, String, String)>,
    pub css: Vec<(String, String, String)>,
    pub parts: Vec<String>,
}

/// Reads the README's tables (Attributes, Properties, Events, the custom properties under
/// Styling) and its Parts line.
pub fn documented(readme: &str) -> Result<Documented, String> {
    let name = |cell: &str| codes(cell).into_iter().next().unwrap_or_default();
    let attributes: Vec<_> = table(readme, "### Attributes")
        .into_iter()
        .filter(|r| r.len() == 4)
        .map(|r| (name(&r[0]), plain(&r[1]), plain(&r[2]), plain(&r[3])))
        .collect();
    let properties: Vec<_> = table(readme, "### Properties")
        .into_iter()
        .filter(|r| r.len() == 3)
        .map(|r| (name(&r[0]), plain(&r[1]), plain(&r[2])))
        .collect();
    let events: Vec<_> = table(readme, "### Events")
        .into_iter()
        .filter(|r| r.len() == 3)
        .map(|r| (name(&r[0]), plain(&r[1]), plain(&r[2])))
        .collect();
    // A row may name several properties that share a description ("green, amber, violet").
    let css: Vec<_> = table(readme, "### Styling")
        .into_iter()
        .filter(|r| r.len() == 3)
        .flat_map(|r| {
            let names = codes(&r[0]);
            let defaults: Vec<String> = r[1].split(", ").map(plain).collect();
            let spread = defaults.len() == names.len();
            names
                .into_iter()
                .enumerate()
                .map(|(i, n)| {
                    let default = if spread {
                        defaults[i].clone()
                    } else {
                        plain(&r[1])
                    };
                    (n, default, plain(&r[2]))
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let parts_line = readme
        .lines()
        .skip_while(|l| !l.starts_with("Parts, for"))
        .take_while(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    // "Parts, for `role-compare::part(name)`: `root`, `controls`, …. These names …"
    let parts_text = parts_line
        .split_once("`: ")
        .map(|(_, rest)| rest.split(". ").next().unwrap_or(rest))
        .unwrap_or_default();
    let parts = codes(parts_text);
    let documented = Documented {
        attributes,
        properties,
        events,
        css,
        parts,
    };
    let empty = [
        ("Attributes", documented.attributes.is_empty()),
        ("Properties", documented.properties.is_empty()),
        ("Events", documented.events.is_empty()),
        ("custom properties", documented.css.is_empty()),
        ("Parts", documented.parts.is_empty()),
    ];
    match empty.iter().find(|(_, e)| *e) {
        Some((what, _)) => Err(format!("README.md: found no {what}")),
        None => Ok(documented),
    }
}

/// The Custom Elements Manifest (schema 2.1.0) for `<role-compare>`, from the README.
pub fn manifest(readme: &str) -> Result<String, String> {
    let d = documented(readme)?;
    let s = |t: &str| json_string(t);
    let attributes: Vec<String> = d
        .attributes
        .iter()
        .map(|(n, values, default, meaning)| {
            object(&[
                ("name", s(n)),
                ("description", s(meaning)),
                ("type", object(&[("text", s(values))])),
                ("default", s(default)),
            ])
        })
        .collect();
    let members: Vec<String> = d
        .properties
        .iter()
        .map(|(n, ty, meaning)| {
            object(&[
                ("kind", s("field")),
                ("name", s(n)),
                ("description", s(meaning)),
                ("type", object(&[("text", s(ty))])),
            ])
        })
        .collect();
    let events: Vec<String> = d
        .events
        .iter()
        .map(|(n, detail, when)| {
            object(&[
                ("name", s(n)),
                ("description", s(&format!("{when} detail: {detail}"))),
                ("type", object(&[("text", s("CustomEvent"))])),
            ])
        })
        .collect();
    let parts: Vec<String> = d.parts.iter().map(|n| object(&[("name", s(n))])).collect();
    let css: Vec<String> = d
        .css
        .iter()
        .map(|(n, default, used)| {
            object(&[
                ("name", s(n)),
                ("default", s(default)),
                ("description", s(used)),
            ])
        })
        .collect();
    let ind = "          ";
    Ok(format!(
        r#"{{
  "schemaVersion": "2.1.0",
  "readme": "README.md",
  "modules": [
    {{
      "kind": "javascript-module",
      "path": "role-compare.js",
      "declarations": [
        {{
          "kind": "class",
          "name": "RoleCompareElement",
          "tagName": "role-compare",
          "customElement": true,
          "superclass": {{ "name": "HTMLElement" }},
          "description": "A sourced, side-by-side comparison of the CIO, CISO and CSO roles. Generated from README.md by cargo xtask.",
          "attributes": {},
          "members": {},
          "events": {},
          "cssParts": {},
          "cssProperties": {}
        }}
      ],
      "exports": [
        {{ "kind": "custom-element-definition", "name": "role-compare", "declaration": {{ "name": "RoleCompareElement", "module": "role-compare.js" }} }}
      ]
    }}
  ]
}}
"#,
        array(&attributes, ind),
        array(&members, ind),
        array(&events, ind),
        array(&parts, ind),
        array(&css, ind),
    ))
}

/// The crate's version, from Cargo.toml's `[package]`.
fn crate_version(root: &Path) -> Result<String, Failure> {
    let text = std::fs::read_to_string(root.join("Cargo.toml"))
        .map_err(|e| fail("npm package", "read Cargo.toml", e.to_string()))?;
    text.lines()
        .find_map(|l| l.strip_prefix("version = \""))
        .and_then(|v| v.strip_suffix('"'))
        .map(str::to_owned)
        .ok_or_else(|| fail("npm package", "read Cargo.toml", "has no version"))
}

/// Stages the npm package from `dist/` into `target/npm/role-compare/`; returns that folder.
pub fn stage(root: &Path) -> sh::Result<PathBuf> {
    let out = root.join("target/npm/role-compare");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).map_err(|e| fail("npm package", "mkdir", e.to_string()))?;
    let copy = |from: PathBuf, to: &str| {
        std::fs::copy(&from, out.join(to)).map(|_| ()).map_err(|e| {
            fail(
                "npm package",
                format!("copy {}", from.display()),
                e.to_string(),
            )
        })
    };
    for f in DIST_FILES {
        copy(root.join("dist").join(f), f)?;
    }
    copy(root.join("package/role-compare.d.ts"), "role-compare.d.ts")?;
    copy(root.join("README.md"), "README.md")?;
    let template = std::fs::read_to_string(root.join("package/package.json"))
        .map_err(|e| fail("npm package", "read package/package.json", e.to_string()))?;
    let json = template.replace("__VERSION__", &crate_version(root)?);
    std::fs::write(out.join("package.json"), json)
        .map_err(|e| fail("npm package", "write package.json", e.to_string()))?;
    let readme = std::fs::read_to_string(root.join("README.md"))
        .map_err(|e| fail("npm package", "read README.md", e.to_string()))?;
    let cem = manifest(&readme).map_err(|why| fail("npm package", "custom-elements.json", why))?;
    std::fs::write(out.join("custom-elements.json"), cem)
        .map_err(|e| fail("npm package", "write custom-elements.json", e.to_string()))?;
    Ok(out)
}

/// `npm pack` of the staged package, installed with no network into a scratch folder,
/// type-checked, bundled and loaded in Chromium. Needs `dist/`.
pub fn npm_tier(tc: &Toolchain) -> Counts {
    match npm_prepare(&tc.root) {
        Ok(scratch) => npm_browser(tc, &scratch),
        Err(f) => Counts::of(Err(f)),
    }
}

fn npm_prepare(root: &Path) -> sh::Result<PathBuf> {
    let staged = stage(root)?;
    let npm_dir = root.join("target/npm");
    for entry in std::fs::read_dir(&npm_dir).into_iter().flatten().flatten() {
        if entry.path().extension().is_some_and(|e| e == "tgz") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    run(
        "npm pack",
        Command::new("npm")
            .current_dir(&staged)
            .args(["pack", "--pack-destination", ".."]),
    )?;
    let tarball = std::fs::read_dir(&npm_dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "tgz"))
        .ok_or_else(|| fail("npm pack", "npm pack", "wrote no tarball"))?;
    say(format!(
        "npm pack: {} ({} bytes)",
        tarball.display(),
        std::fs::metadata(&tarball).map(|m| m.len()).unwrap_or(0)
    ));
    let scratch = npm_dir.join("scratch");
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).map_err(|e| fail("npm install", "mkdir", e.to_string()))?;
    std::fs::write(
        scratch.join("package.json"),
        "{ \"name\": \"scratch\", \"private\": true, \"type\": \"module\" }\n",
    )
    .map_err(|e| fail("npm install", "write package.json", e.to_string()))?;
    for f in ["usage.ts", "tsconfig.json"] {
        std::fs::copy(root.join("tests/package").join(f), scratch.join(f)).map_err(|e| {
            fail(
                "npm install",
                format!("copy tests/package/{f}"),
                e.to_string(),
            )
        })?;
    }
    // No network: the tarball has no dependencies, so nothing may be fetched.
    run(
        "npm install (packed tarball, offline)",
        Command::new("npm")
            .current_dir(&scratch)
            .args([
                "install",
                "--offline",
                "--no-audit",
                "--no-fund",
                "--no-package-lock",
            ])
            .arg(&tarball),
    )?;
    let bin = |name: &str| root.join("node_modules/.bin").join(name);
    run(
        "tsc (package types)",
        Command::new(bin("tsc"))
            .current_dir(&scratch)
            .args(["--project", "tsconfig.json"]),
    )?;
    run(
        "esbuild (bundle the usage file)",
        Command::new(bin("esbuild")).current_dir(&scratch).args([
            "usage.ts",
            "--bundle",
            "--format=esm",
            "--external:role-compare",
            "--outfile=out/bundle.js",
        ]),
    )?;
    Ok(scratch)
}

fn npm_browser(tc: &Toolchain, scratch: &Path) -> Counts {
    let (listener, url) = match serve::bind(0) {
        Ok(bound) => bound,
        Err(e) => return Counts::of(Err(fail("npm package in Chromium", "bind", e.to_string()))),
    };
    let dir = scratch.to_path_buf();
    std::thread::spawn(move || serve::serve(listener, dir));
    let mut node = Command::new("node");
    node.current_dir(&tc.root)
        .args([
            "--test",
            "--test-reporter=tap",
            "tests/package/load.test.mjs",
        ])
        .env("BASE_URL", &url)
        .env("SCRATCH", scratch)
        .env("CHROMIUM_PATH", "/usr/bin/chromium");
    run_counted("npm package in Chromium", &mut node)
}

/// `cargo package --allow-dirty`: the crate as crates.io would get it builds, with no warning.
pub fn cargo_package(root: &Path) -> sh::Result {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(root).args(["package", "--allow-dirty"]);
    say(format!("cargo package: {}", sh::show(&cmd)));
    let out = cmd
        .output()
        .map_err(|e| fail("cargo package", sh::show(&cmd), e.to_string()))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("warning"))
        .collect();
    if !out.status.success() {
        return Err(fail("cargo package", sh::show(&cmd), stderr.to_string()));
    }
    if !warnings.is_empty() {
        return Err(fail(
            "cargo package",
            sh::show(&cmd),
            format!("warned: {}", warnings.join("; ")),
        ));
    }
    if let Some(line) = stderr.lines().find(|l| l.contains("Packaged")) {
        say(format!("cargo package: {}", line.trim()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn readme() -> String {
        std::fs::read_to_string(crate::project_root().join("README.md")).unwrap()
    }

    #[test]
    fn the_readme_documents_every_table_the_manifest_needs() {
        let d = documented(&readme()).unwrap();
        let names: Vec<&str> = d.attributes.iter().map(|a| a.0.as_str()).collect();
        assert!(
            names.contains(&"roles") && names.contains(&"sync-url"),
            "{names:?}"
        );
        assert_eq!(
            d.events.iter().map(|e| e.0.as_str()).collect::<Vec<_>>(),
            [
                "role-compare-ready",
                "role-compare-change",
                "role-compare-error"
            ]
        );
        let css: Vec<&str> = d.css.iter().map(|c| c.0.as_str()).collect();
        assert!(css.contains(&"--role-compare-differs"), "{css:?}");
        let shared = d.css.iter().find(|c| c.0 == "--role-compare-only").unwrap();
        assert_eq!(shared.1, "violet");
        assert_eq!(d.parts.first().map(String::as_str), Some("root"));
        assert_eq!(d.parts.last().map(String::as_str), Some("meta"));
    }

    #[test]
    fn the_manifest_lists_every_documented_name() {
        let text = readme();
        let cem = manifest(&text).unwrap();
        let d = documented(&text).unwrap();
        let names = d
            .attributes
            .iter()
            .map(|a| &a.0)
            .chain(d.properties.iter().map(|p| &p.0))
            .chain(d.events.iter().map(|e| &e.0))
            .chain(d.css.iter().map(|c| &c.0))
            .chain(d.parts.iter());
        for name in names {
            assert!(
                cem.contains(&format!("\"name\": {}", json_string(name))),
                "{name} missing"
            );
        }
        assert!(cem.contains("\"tagName\": \"role-compare\""));
    }

    #[test]
    fn tables_split_on_unescaped_pipes_only() {
        let md = "### T\n\n| a | b |\n|---|---|\n| `x` | one \\| two |\n\nafter";
        assert_eq!(
            table(md, "### T"),
            [vec!["`x`".to_owned(), "one | two".into()]]
        );
    }
}
