//! The rings point one way (model → data and validate → state → compare, keys, chart, export,
//! attrs → view → element; see ARCHITECTURE.md). This test reads the sources and fails when an
//! inner module names a crate of an outer ring, or imports (`crate::…`) a module of a ring
//! above its own, so the invariants in ARCHITECTURE.md cannot silently rot.

use std::path::Path;

/// Identifiers an inner module must not name.
const BROWSER: [&str; 4] = ["web_sys", "js_sys", "wasm_bindgen", "gloo"];
const FRAMEWORK: [&str; 2] = ["yew", "Html"];

/// Every `.rs` file under `src/`, as (path relative to `src/`, text), in path order.
fn all_sources() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(&src).unwrap().display().to_string();
                files.push((rel, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

/// Code lines only: `//` comments and doc comments may talk about anything.
fn code(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn names(text: &str, ident: &str) -> bool {
    code(text)
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .any(|word| word == ident)
}

#[test]
fn the_core_knows_nothing_of_yew_or_the_browser() {
    // The folder is the ring: every file in src/core/ is checked, none listed by hand.
    let core: Vec<(String, String)> = all_sources()
        .into_iter()
        .filter(|(file, _)| file.starts_with("core/"))
        .collect();
    assert!(
        core.len() >= 10,
        "saw only {} files in src/core/",
        core.len()
    );
    for (file, text) in &core {
        for ident in BROWSER.iter().chain(FRAMEWORK.iter()) {
            assert!(!names(text, ident), "src/{file} names `{ident}`");
        }
    }
}

#[test]
fn views_do_not_touch_the_browser() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/view");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for ident in BROWSER {
            assert!(
                !names(&text, ident),
                "{} names `{ident}`",
                entry.path().display()
            );
        }
        seen += 1;
    }
    assert!(
        seen >= 2,
        "expected the view modules to be checked, saw {seen}"
    );
}

#[test]
fn only_the_glue_layer_uses_web_sys() {
    let users: Vec<String> = all_sources()
        .into_iter()
        .filter(|(_, text)| names(text, "web_sys"))
        .map(|(file, _)| file)
        .collect();
    assert_eq!(users, ["dom.rs", "element.rs"]);
}

/// Each module's ring, innermost first: a module may use its own ring's and inner rings'
/// modules only. `view` stands for every file in `src/view/`.
const RINGS: [(&str, u8); 21] = [
    ("model", 0),
    ("json", 0),
    ("validate", 1),
    ("data", 1),
    ("state", 2),
    ("compare", 3),
    ("keys", 3),
    ("chart", 3),
    ("export", 3),
    ("attrs", 3),
    ("dom", 4),
    ("view", 4),
    ("element", 5),
    ("prerender", 5),
    ("lib", 5),
    ("core", 0),
    // The author's command line: a binary on the crate's public API, outside every ring.
    ("bin/role-compare", 6),
    // Names that `crate::` may be followed by but that are not modules of ours.
    ("bundled_dataset", 5),
    ("mount", 5),
    ("Widget", 5),
    ("prelude", 5),
];

fn ring(module: &str) -> Option<u8> {
    RINGS.iter().find(|(m, _)| *m == module).map(|&(_, r)| r)
}

/// The crate modules `text` imports or names through `crate::`.
fn crate_uses(text: &str) -> Vec<String> {
    let code = code(text);
    let mut out = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() {
            // `crate::{a, b}`: every name in the braces.
            if let Some(inner) = rest.strip_prefix('{') {
                let end = inner.find('}').unwrap_or(inner.len());
                out.extend(
                    inner[..end]
                        .split(',')
                        .map(|p| p.trim().split("::").next().unwrap_or("").to_owned())
                        .filter(|p| !p.is_empty()),
                );
            }
        } else {
            out.push(name);
        }
    }
    out
}

/// Every `(file, its ring, a module it uses, that module's ring)` where the used module sits in
/// an outer ring.
fn outward_imports(files: &[(String, String)]) -> Vec<String> {
    let mut wrong = Vec::new();
    for (file, text) in files {
        let module = if file.starts_with("view/") {
            "view"
        } else if let Some(core) = file.strip_prefix("core/") {
            // The folder's own `mod.rs` declares the core's modules: the innermost ring.
            match core.trim_end_matches(".rs") {
                "mod" => "model",
                name => name,
            }
        } else {
            file.trim_end_matches(".rs")
        };
        let Some(own) = ring(module) else {
            wrong.push(format!("src/{file}: not in RINGS (add it)"));
            continue;
        };
        for used in crate_uses(text) {
            match ring(&used) {
                Some(r) if r > own => wrong.push(format!(
                    "src/{file} (ring {own}) uses crate::{used} (ring {r})"
                )),
                Some(_) => {}
                None => wrong.push(format!("src/{file}: crate::{used} is not in RINGS")),
            }
        }
    }
    wrong
}

#[test]
fn imports_point_inwards() {
    let files = all_sources();
    assert!(files.len() >= 20, "saw only {} files", files.len());
    assert_eq!(outward_imports(&files), Vec::<String>::new());
}

#[test]
fn the_import_check_sees_an_outward_import() {
    // Guards the guard: the model importing the comparison, or a view the element, is caught;
    // a comment is not code.
    let files = [
        (
            "core/model.rs".to_owned(),
            "use crate::compare::compare;".to_owned(),
        ),
        (
            "view/row.rs".to_owned(),
            "use crate::{model::Dataset, element::Widget};".to_owned(),
        ),
        (
            "core/state.rs".to_owned(),
            "// crate::view is only mentioned here\nuse crate::model::Dataset;".to_owned(),
        ),
    ];
    assert_eq!(
        outward_imports(&files),
        [
            "src/core/model.rs (ring 0) uses crate::compare (ring 3)",
            "src/view/row.rs (ring 4) uses crate::element (ring 5)",
        ]
    );
}

#[test]
fn the_checker_sees_a_forbidden_name() {
    // Guards the guard: the scan must catch a real use and ignore comments.
    assert!(names("use web_sys::Element;", "web_sys"));
    assert!(!names("// web_sys is only mentioned here", "web_sys"));
    assert!(!names("let my_web_sys_thing = 1;", "web_sys"));
}

#[test]
fn every_module_opens_with_a_doc_comment() {
    for (file, text) in all_sources() {
        assert!(text.starts_with("//!"), "src/{file} does not open with //!");
    }
}
