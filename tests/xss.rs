//! Data is text, always: every string of the XSS corpus (`tests/data/xss-corpus.json`), placed
//! in every text field a dataset has (key lines included, within their word limit), renders as
//! text — in the key-differences table, the role cells, the shared statements and their "Shared
//! by …" labels, whatever the mode and detail level. The rendered HTML (yew's server-side
//! renderer, the same components the browser runs) contains only the widget's own tags and
//! attributes — no `<script>`, no `on…=` handler, no `href` at all.

#![cfg(not(target_arch = "wasm32"))]

use role_compare::model::{Dataset, KEY_LINE_WORDS};
use role_compare::state::{Detail, Filters, Mode};
use role_compare::view::{RoleCompare, RoleCompareProps};
use role_compare::{data, export, validate};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::ServerRenderer;

fn corpus() -> Vec<String> {
    let text = include_str!("data/xss-corpus.json");
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    value["strings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

/// The bundled dataset with `s` in every text a reader can see.
fn poisoned(s: &str) -> Dataset {
    let mut d = data::bundled();
    d.version = s.to_owned();
    for src in &mut d.sources {
        src.title = format!("{s} {}", src.title);
        src.author = Some(s.to_owned());
    }
    for f in &mut d.facets {
        f.label = format!("{s} {}", f.label);
        for t in &mut f.topics {
            t.label = format!("{s} {}", t.label);
        }
    }
    for r in &mut d.roles {
        r.name = format!("{s} {}", r.name);
        r.abbr = format!("{}{}", r.abbr, &s[..s.len().min(40)]);
    }
    for (i, c) in d.claims.iter_mut().enumerate() {
        // Long strings only once, so the dataset stays small.
        c.text = if s.len() > 100 && i > 0 {
            format!("{} {}", &s[..50], c.text)
        } else {
            format!("{s} {}", c.text)
        };
        for cite in &mut c.sources {
            cite.at = Some(s.to_owned());
        }
        for values in c.tags.values_mut() {
            for v in values {
                *v = format!("{s} {v}");
            }
        }
    }
    for k in &mut d.key_lines {
        // A key line has a word limit: keep as many of its words as fit after the string.
        let room = KEY_LINE_WORDS.saturating_sub(s.split_whitespace().count());
        let rest: Vec<&str> = k.text.split_whitespace().take(room).collect();
        k.text = format!("{s} {}", rest.join(" ")).trim_end().to_owned();
        for cite in &mut k.sources {
            cite.at = Some(s.to_owned());
        }
    }
    for k in &mut d.conflicts {
        k.title = format!("{s} {}", k.title);
        for side in &mut k.sides {
            side.text = format!("{s} {}", side.text);
        }
    }
    d
}

fn render(d: Dataset, filters: Filters) -> String {
    let renderer = ServerRenderer::<RoleCompare>::with_props(move || {
        let mut props = RoleCompareProps::new(Rc::new(d));
        props.filters = filters;
        props
    })
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// Tag names and attribute names in `html`, read the way a browser's tokenizer would for the
/// cases that matter here (quoted attribute values may contain anything but their quote).
fn markup(html: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let (mut tags, mut attrs) = (BTreeSet::new(), BTreeSet::new());
    let b = html.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'<' && i + 1 < b.len() && (b[i + 1].is_ascii_alphabetic() || b[i + 1] == b'!') {
            let start = i + 1;
            let mut j = start;
            while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' && b[j] != b'/' {
                j += 1;
            }
            tags.insert(html[start..j].to_ascii_lowercase());
            // Attributes until the closing '>'.
            loop {
                while j < b.len() && (b[j].is_ascii_whitespace() || b[j] == b'/') {
                    j += 1;
                }
                if j >= b.len() || b[j] == b'>' {
                    break;
                }
                let name_start = j;
                while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'=' && b[j] != b'>' {
                    j += 1;
                }
                attrs.insert(html[name_start..j].to_ascii_lowercase());
                if j < b.len() && b[j] == b'=' {
                    j += 1;
                    if j < b.len() && (b[j] == b'"' || b[j] == b'\'') {
                        let quote = b[j];
                        j += 1;
                        while j < b.len() && b[j] != quote {
                            j += 1;
                        }
                        j += 1;
                    } else {
                        while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                            j += 1;
                        }
                    }
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    (tags, attrs)
}

const TAGS: &[&str] = &[
    // The skip link (an in-page link past the widget).
    "a",
    "abbr",
    "button",
    "caption",
    "col",
    "colgroup",
    "cite",
    "defs",
    "div",
    "fieldset",
    "figcaption",
    "figure",
    "form",
    "g",
    "input",
    "label",
    "legend",
    "li",
    "mark",
    "marker",
    "ol",
    "option",
    "p",
    "path",
    "polyline",
    "rect",
    "section",
    "select",
    "span",
    "svg",
    "table",
    "tbody",
    "td",
    "text",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
    "line",
    "polygon",
    "tspan",
    "desc",
];

#[test]
fn the_checker_sees_injected_markup() {
    let (tags, attrs) = markup(r#"<p class="a">x</p><img src=x onerror="y">"#);
    assert!(tags.contains("img"));
    assert!(attrs.contains("onerror"));
    let (tags, _) = markup("<p>&lt;script&gt;</p>");
    assert_eq!(tags.into_iter().collect::<Vec<_>>(), ["p"]);
}

#[test]
fn every_corpus_string_renders_as_text_in_every_field() {
    let strings = corpus();
    assert!(strings.len() >= 15);
    for s in &strings {
        let d = poisoned(s);
        assert_eq!(
            validate::validate(&d).map_err(|e| e.len()),
            Ok(()),
            "poisoned dataset validates for {s:.40}"
        );
        for filters in [
            Filters::default(),
            Filters {
                search: s.chars().take(12).collect(),
                mode: Mode::Differences,
                ..Filters::default()
            },
            Filters {
                mode: Mode::Shared,
                detail: Detail::Full,
                ..Filters::default()
            },
        ] {
            let html = render(d.clone(), filters);
            let (tags, attrs) = markup(&html);
            for t in &tags {
                assert!(
                    TAGS.contains(&t.as_str()),
                    "unexpected tag <{t}> for {s:.40}"
                );
            }
            for a in &attrs {
                assert!(
                    !a.starts_with("on"),
                    "event-handler attribute {a} for {s:.40}"
                );
                assert!(
                    !["src", "srcdoc", "style", "xlink:href", "formaction"].contains(&a.as_str()),
                    "attribute {a} for {s:.40}"
                );
            }
            // The one link is the skip link, to an element of the widget's own.
            for (at, _) in html.match_indices("<a ") {
                let tag = &html[at..at + html[at..].find('>').unwrap_or(0)];
                assert_eq!(
                    tag, "<a part=\"skip-link\" href=\"#rc-end\" class=\"rc-skip\"",
                    "a link that is not the skip link for {s:.40}"
                );
            }
            assert!(!html.contains("<script"), "script tag for {s:.40}");
        }
    }
}

#[test]
fn exports_of_poisoned_data_stay_data() {
    for s in corpus() {
        let d = poisoned(&s);
        let c = role_compare::compare::compare(&d, &Filters::default());
        let json = export::to_json(&d, &c, &Filters::default());
        let parsed: serde_json::Value = serde_json::from_str(&json).expect("export JSON parses");
        assert!(parsed["rows"].as_array().is_some_and(|r| !r.is_empty()));
        let md = export::to_markdown(&d, &c);
        let raw_angle = md
            .match_indices('<')
            .any(|(i, _)| i == 0 || md.as_bytes()[i - 1] != b'\\');
        assert!(
            !raw_angle,
            "markdown escapes every < of the data for {s:.40}"
        );
        let csv = export::to_csv(&d, &c);
        assert!(
            !csv.lines().any(|l| l.starts_with('=')),
            "csv guards formulas for {s:.40}"
        );
    }
}
