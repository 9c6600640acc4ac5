//! The page author's command line (`src/bin/role-compare.rs`), run as a process the way a script
//! or CI job runs it: `check` exits non-zero with path-bearing messages on every broken dataset
//! under `tests/` and the broken example, zero on the bundled and the example host dataset;
//! `prerender` prints the same fallback the library renders, for the bundled and a host dataset.

#![cfg(not(target_arch = "wasm32"))]

use role_compare::{data, prerender};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::rc::Rc;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_role-compare"))
        .current_dir(root())
        .args(args)
        .output()
        .expect("the CLI runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// Whether `path` is a JSON path as the validator writes it (`claims[5].sources[0]`,
/// `roles[0].nickname`), or `$` for the whole file.
fn is_json_path(path: &str) -> bool {
    if path == "$" {
        return true;
    }
    if path.is_empty() {
        return false;
    }
    let mut rest = path;
    let mut first = true;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let Some(end) = after.find(']') else {
                return false;
            };
            if first || end == 0 || !after[..end].bytes().all(|b| b.is_ascii_digit()) {
                return false;
            }
            rest = &after[end + 1..];
        } else {
            let key = if first {
                rest
            } else {
                match rest.strip_prefix('.') {
                    Some(k) => k,
                    None => return false,
                }
            };
            let end = key.find(['.', '[']).unwrap_or(key.len());
            if end == 0
                || !key[..end]
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            {
                return false;
            }
            rest = &key[end..];
        }
        first = false;
    }
    true
}

/// Every broken dataset under tests/data/broken/, and what `check` must say first about it.
const BROKEN: [(&str, &str); 10] = [
    ("duplicate-id.json", "roles[1].id: duplicate id \"cto\""),
    (
        "empty-text-no-source.json",
        "claims[0].text: must not be empty",
    ),
    (
        "future-format.json",
        "format: unsupported format 2 (this widget reads 1)",
    ),
    (
        "missing-and-unknown-field.json",
        "roles[0].nickname: unknown field",
    ),
    ("missing-format.json", "$: missing field `format`"),
    ("too-long-text.json", "claims[1].text: too long"),
    (
        "trailing-comma.json",
        "$: not JSON: expected a key (a string in double quotes) at line 67, column 9",
    ),
    (
        "unknown-references.json",
        "claims[0].roles[1]: unknown role \"cfo\"",
    ),
    (
        "unknown-topic.json",
        "claims[0].topic: topic \"budget\" is not a topic of facet \"focus\"",
    ),
    (
        "wrong-type.json",
        "claims[0].roles: expected an array, found \"cto\"",
    ),
];

#[test]
fn every_broken_dataset_under_tests_is_listed_here() {
    let mut found: Vec<String> = std::fs::read_dir(root().join("tests/data/broken"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    let listed: Vec<&str> = BROKEN.iter().map(|(f, _)| *f).collect();
    assert_eq!(found, listed);
}

#[test]
fn check_fails_with_json_paths_on_each_broken_dataset() {
    let mut files: Vec<String> = BROKEN
        .iter()
        .map(|(f, _)| format!("tests/data/broken/{f}"))
        .collect();
    files.push("www/examples/broken-dataset.json".into());
    files.push("www/examples/not-json.txt".into());
    for (i, file) in files.iter().enumerate() {
        let out = cli(&["check", file]);
        let stdout = text(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{file}: {stdout}");
        let lines: Vec<&str> = stdout.lines().collect();
        assert!(!lines.is_empty(), "{file}: no problems printed");
        for line in &lines {
            let rest = line
                .strip_prefix(&format!("{file}: "))
                .unwrap_or_else(|| panic!("{line:?} does not start with the file name"));
            let (path, message) = rest.split_once(": ").expect("PATH: MESSAGE");
            assert!(is_json_path(path), "{line:?}: {path:?} is not a JSON path");
            assert!(!message.trim().is_empty(), "{line:?}: empty message");
        }
        if let Some((_, first)) = BROKEN.get(i) {
            assert!(
                lines[0].starts_with(&format!("{file}: {first}")),
                "{file}: first line {:?}, expected {first:?}",
                lines[0]
            );
        }
        let count = lines.len();
        let plural = if count == 1 { "" } else { "s" };
        assert!(
            text(&out.stderr).contains(&format!("{file}: {count} problem{plural}")),
            "{file}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn check_passes_the_bundled_and_the_example_host_dataset() {
    let out = cli(&[
        "check",
        "src/data/roles.json",
        "www/examples/custom-dataset.json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("src/data/roles.json: valid (3 roles, 7 facets,"));
    assert!(stdout.contains("www/examples/custom-dataset.json: valid (2 roles, 1 facets,"));
}

#[test]
fn one_broken_file_among_valid_ones_fails_the_run_and_json_output_lists_it() {
    let out = cli(&[
        "check",
        "--json",
        "src/data/roles.json",
        "tests/data/broken/unknown-references.json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let problems: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let problems = problems.as_array().unwrap();
    assert_eq!(problems.len(), 2);
    assert_eq!(
        problems[1]["file"],
        "tests/data/broken/unknown-references.json"
    );
    assert_eq!(problems[1]["path"], "claims[1].sources[0]");
    assert_eq!(problems[1]["message"], "unknown source \"s9\"");
}

#[test]
fn usage_errors_and_unreadable_files_exit_2() {
    for args in [
        &["check"][..],
        &["check", "--loud", "src/data/roles.json"],
        &["check", "tests/data/broken/no-such-file.json"],
        &["frobnicate"],
        &[],
        &["prerender", "--colour", "red"],
        &["prerender", "--roles"],
        &["prerender", "--theme", "dark"],
    ] {
        let out = cli(args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr).starts_with("role-compare: "),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
}

fn library_fallback(dataset: &Path, attributes: &[(&str, &str)]) -> String {
    let text = std::fs::read_to_string(dataset).unwrap();
    let dataset = data::parse_json(&text).unwrap();
    prerender::fallback(Rc::new(dataset), |name| {
        attributes
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| (*v).to_owned())
    })
    .html
}

#[test]
fn prerender_prints_the_librarys_fallback_for_the_attributes() {
    let out = cli(&[
        "prerender",
        "--roles",
        "cio ciso",
        "--mode=differences",
        "--heading-level",
        "3",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let expected = library_fallback(
        &root().join("src/data/roles.json"),
        &[
            ("roles", "cio ciso"),
            ("mode", "differences"),
            ("heading-level", "3"),
        ],
    );
    assert_eq!(text(&out.stdout), format!("{expected}\n"));
    assert!(text(&out.stderr).is_empty());
    assert_ne!(
        expected,
        library_fallback(&root().join("src/data/roles.json"), &[])
    );
}

#[test]
fn prerender_from_a_host_dataset_shows_its_roles_inside_the_element_tag() {
    let out = cli(&[
        "prerender",
        "--data",
        "www/examples/custom-dataset.json",
        "--element",
        "--src",
        "/data/roles \"v2\".json",
        "--theme",
        "dark",
        "--detail",
        "full",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let fallback = library_fallback(
        &root().join("www/examples/custom-dataset.json"),
        &[("detail", "full")],
    );
    assert_eq!(
        stdout,
        format!(
            "<role-compare src=\"/data/roles &quot;v2&quot;.json\" theme=\"dark\" detail=\"full\">\n{fallback}\n</role-compare>\n"
        )
    );
    assert!(fallback.contains("Chief Technology Officer"));
    assert!(!fallback.contains("Chief Information Security Officer"));
}

#[test]
fn prerender_warns_like_the_element_and_strict_fails() {
    let out = cli(&["prerender", "--roles", "cio cfo ciso"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).contains("ignored \"cfo\""));
    let strict = cli(&["prerender", "--roles", "cio cfo ciso", "--strict"]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(strict.stdout.is_empty());
}

#[test]
fn prerender_refuses_an_invalid_host_dataset_with_its_paths() {
    let out = cli(&[
        "prerender",
        "--data",
        "tests/data/broken/unknown-topic.json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains(
        "tests/data/broken/unknown-topic.json: claims[0].topic: topic \"budget\" is not a topic"
    ));
}

#[test]
fn json_paths_are_recognised() {
    for ok in [
        "$",
        "format",
        "claims[5].sources[0]",
        "roles[0].nickname",
        "a.b-c[12].d",
    ] {
        assert!(is_json_path(ok), "{ok}");
    }
    for bad in [
        "",
        "[0]",
        "claims[]",
        "claims[x]",
        "claims.",
        "not JSON",
        "a b",
    ] {
        assert!(!is_json_path(bad), "{bad}");
    }
}

#[test]
fn prerender_with_an_id_puts_it_on_the_tag_and_prefixes_the_fallbacks_ids() {
    let out = cli(&[
        "prerender",
        "--id",
        "guide-1",
        "--roles",
        "cio ciso",
        "--element",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let html = text(&out.stdout);
    assert!(
        html.starts_with("<role-compare id=\"guide-1\" roles=\"cio ciso\">"),
        "{html:.80}"
    );
    let ids: Vec<&str> = html
        .split(" id=\"")
        .skip(2)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert!(ids.len() > 20);
    assert!(
        ids.iter().all(|id| id.starts_with("rc-guide-1-")),
        "{ids:?}"
    );
}

#[test]
fn prerender_with_a_stylesheet_prints_the_declarative_form_inside_the_element() {
    let out = cli(&[
        "prerender",
        "--element",
        "--roles",
        "cio cso",
        "--stylesheet",
        "/widgets/role-compare.css",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let dataset = data::bundled();
    let fallback = prerender::fallback(Rc::new(dataset), |name| {
        (name == "roles").then(|| "cio cso".to_owned())
    });
    assert_eq!(
        text(&out.stdout),
        format!(
            "<role-compare roles=\"cio cso\">\n{}\n</role-compare>\n",
            fallback.declarative("/widgets/role-compare.css")
        )
    );
    assert!(
        text(&out.stdout).contains(r#"<link rel="stylesheet" href="/widgets/role-compare.css">"#)
    );
    // A stylesheet is not an attribute of the element.
    assert!(!text(&out.stdout).contains("<role-compare stylesheet"));
}
