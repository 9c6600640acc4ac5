//! The rings point one way (data → compare and keys → state → view → element). This test reads
//! the sources and fails when an inner module names a crate of an outer ring, so the invariants
//! in ARCHITECTURE.md cannot silently rot.

use std::path::Path;

/// Identifiers an inner module must not name.
const BROWSER: [&str; 4] = ["web_sys", "js_sys", "wasm_bindgen", "gloo"];
const FRAMEWORK: [&str; 2] = ["yew", "Html"];

fn source(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
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
fn data_compare_keys_and_state_know_nothing_of_yew_or_the_browser() {
    for module in [
        "model.rs",
        "json.rs",
        "data.rs",
        "attrs.rs",
        "validate.rs",
        "compare.rs",
        "keys.rs",
        "state.rs",
    ] {
        let text = source(module);
        for ident in BROWSER.iter().chain(FRAMEWORK.iter()) {
            assert!(!names(&text, ident), "src/{module} names `{ident}`");
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
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut users = Vec::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                if names(&text, "web_sys") {
                    users.push(path.strip_prefix(&src).unwrap().display().to_string());
                }
            }
        }
    }
    users.sort();
    assert_eq!(users, ["dom.rs", "element.rs"]);
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
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                assert!(
                    text.starts_with("//!"),
                    "{} does not open with //!",
                    path.display()
                );
            }
        }
    }
}
