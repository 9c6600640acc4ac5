//! Native tests of `src/core/export.rs`: CSV, JSON and Markdown exports of the current view.
//!
//! They run the bundled dataset through `compare` with several filter sets (every mode among
//! them) and check each format structurally against the comparison: CSV with a small RFC 4180
//! parser written here, JSON by parsing it with serde_json (fine in a native test; the module
//! itself must not use it), Markdown by splitting table rows on unescaped pipes. The exports
//! follow the statement-level model: a role's cell holds its own statements, the gap note or the
//! "see the shared statements" note, and a statement several compared roles share is written
//! once, in the row's shared column ("CIO and CISO: text [n]") or JSON `shared` groups. Hostile
//! data (formula prefixes, quotes, newlines, pipes, HTML, control characters) is injected into a
//! clone of the dataset.
#![cfg(not(target_arch = "wasm32"))]

use role_compare::compare::{compare, Cell, Comparison, Row, Status};
use role_compare::data::bundled;
use role_compare::export::{
    and_list, csv_escape, file_name, json_string, to_csv, to_json, to_markdown, GAP, IN_SHARED,
};
use role_compare::model::Dataset;
use role_compare::state::{Detail, Filters, Mode};
use serde_json::Value;

/// The filter sets every structural test runs over.
fn filter_sets() -> Vec<(&'static str, Filters)> {
    vec![
        ("default", Filters::default()),
        (
            "cio+ciso",
            Filters {
                roles: vec!["cio".into(), "ciso".into()],
                ..Filters::default()
            },
        ),
        (
            "differences",
            Filters {
                mode: Mode::Differences,
                ..Filters::default()
            },
        ),
        (
            "shared",
            Filters {
                mode: Mode::Shared,
                detail: Detail::Full,
                ..Filters::default()
            },
        ),
        (
            "cio+cso differences",
            Filters {
                roles: vec!["cio".into(), "cso".into()],
                mode: Mode::Differences,
                ..Filters::default()
            },
        ),
        (
            "search",
            Filters {
                search: "budget".into(),
                ..Filters::default()
            },
        ),
        (
            "nothing",
            Filters {
                search: "no claim contains this zzqx".into(),
                ..Filters::default()
            },
        ),
    ]
}

/// A tiny RFC 4180 parser: records of fields; CRLF ends a record outside quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut in_quotes = false;
    while let Some(ch) = chars.next() {
        if in_quotes {
            match ch {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                c => field.push(c),
            }
        } else {
            match ch {
                '"' => {
                    assert!(field.is_empty(), "quote inside an unquoted field");
                    in_quotes = true;
                }
                ',' => record.push(std::mem::take(&mut field)),
                '\r' => {
                    assert_eq!(chars.next(), Some('\n'), "bare CR outside quotes");
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                '\n' => panic!("bare LF outside quotes"),
                c => field.push(c),
            }
        }
    }
    assert!(!in_quotes, "unterminated quoted field");
    assert!(
        field.is_empty() && record.is_empty(),
        "last record lacks CRLF"
    );
    records
}

/// Splits a Markdown table row on pipes that are not backslash-escaped.
fn md_cells(line: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut chars = line.chars();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' => {
                cur.push(ch);
                if let Some(next) = chars.next() {
                    cur.push(next);
                }
            }
            '|' => cells.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    cells.push(cur);
    cells
}

/// Whether `text` has a `ch` that is not backslash-escaped.
fn has_unescaped(text: &str, ch: char) -> bool {
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            chars.next();
        } else if c == ch {
            return true;
        }
    }
    false
}

/// A clone of the bundled dataset whose first claim's text is `text`, with the comparison.
fn with_first_claim(text: &str) -> (Dataset, Comparison) {
    let mut d = bundled();
    d.claims[0].text = text.to_owned();
    let c = compare(&d, &Filters::default());
    (d, c)
}

fn all_claim_ids(c: &Comparison) -> Vec<usize> {
    c.rows().flat_map(|(_, r)| r.claims()).collect()
}

/// The abbreviations of a shared group's roles, as the exports name them ("CIO and CISO").
fn group_roles(d: &Dataset, c: &Comparison, columns: &[usize]) -> String {
    let abbrs: Vec<&str> = columns
        .iter()
        .map(|&col| d.roles[c.columns[col]].abbr.as_str())
        .collect();
    and_list(&abbrs)
}

/// How many statements the row shares between roles.
fn shared_count(row: &Row) -> usize {
    row.shared.iter().map(|g| g.claims.len()).sum()
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

#[test]
fn csv_has_a_line_per_row_plus_header_and_sources_block() {
    let d = bundled();
    for (name, f) in filter_sets() {
        let c = compare(&d, &f);
        let csv = to_csv(&d, &c);
        assert!(csv.ends_with("\r\n"), "{name}");
        assert!(!csv.replace("\r\n", "").contains('\n'), "{name}: bare LF");
        // header + rows + blank + sources header + sources + version line
        let expected = 1 + c.shown + 1 + 1 + d.sources.len() + 1;
        assert_eq!(
            csv.matches("\r\n").count(),
            expected,
            "{name}: physical lines"
        );

        let records = parse_csv(&csv);
        assert_eq!(records.len(), expected, "{name}: records");
        let mut header = vec!["Section".to_owned(), "Topic".into(), "Status".into()];
        header.extend(c.columns.iter().map(|&i| d.roles[i].abbr.clone()));
        header.push("Shared by several roles".into());
        header.push("Sources disagree".into());
        assert_eq!(records[0], header, "{name}");
        let width = header.len();
        for (rec, (fi, row)) in records[1..=c.shown].iter().zip(c.rows()) {
            assert_eq!(rec.len(), width, "{name}: {rec:?}");
            let facet = &d.facets[fi];
            assert_eq!(rec[0], facet.label);
            assert_eq!(rec[1], facet.topics[row.topic].label);
            let status = match row.status {
                Status::Shared => "Shared".to_owned(),
                Status::Differs => "Differs".to_owned(),
                Status::Only(col) => format!("Only {}", d.roles[c.columns[col]].abbr),
            };
            assert_eq!(rec[2], status);
            for (field, cell) in rec[3..width - 2].iter().zip(&row.cells) {
                match cell {
                    Cell::Gap => assert_eq!(field, GAP),
                    Cell::InShared => assert_eq!(field, IN_SHARED),
                    Cell::Claims(ids) => {
                        for &ci in ids {
                            assert!(field.contains(&d.claims[ci].text), "{field}");
                        }
                        assert_eq!(field.matches(" | ").count(), ids.len() - 1, "{field}");
                    }
                }
            }
            // The shared statements, once each, named by the roles that share them.
            let shared = &rec[width - 2];
            let mut at = 0;
            for g in &row.shared {
                let who = group_roles(&d, &c, &g.columns);
                for &ci in &g.claims {
                    let start = format!("{who}: {}", d.claims[ci].text);
                    let found = shared[at..]
                        .find(&start)
                        .unwrap_or_else(|| panic!("{name}: {start:?} not in {shared:?}"));
                    at += found + start.len();
                }
            }
            let n = shared_count(row);
            assert_eq!(
                shared.matches(" | ").count(),
                n.saturating_sub(1),
                "{shared}"
            );
            assert_eq!(shared.is_empty(), n == 0, "{name}: {shared:?}");
            let titles: Vec<&str> = row
                .conflicts
                .iter()
                .map(|&k| d.conflicts[k].title.as_str())
                .collect();
            assert_eq!(rec[width - 1], titles.join(" | "));
        }
        let rest = &records[c.shown + 1..];
        assert_eq!(rest[0], [""], "{name}: blank line before the sources");
        assert_eq!(rest[1], ["n", "Title", "Author/Publisher", "Kind"]);
        for (i, s) in d.sources.iter().enumerate() {
            assert_eq!(rest[2 + i][0], (i + 1).to_string());
            assert_eq!(rest[2 + i][1], s.title);
        }
        assert_eq!(
            rest.last().unwrap(),
            &[
                "Dataset version".to_owned(),
                d.version.clone(),
                "last reviewed".into(),
                d.last_reviewed.clone()
            ]
        );
    }
}

#[test]
fn csv_citations_are_one_based_source_numbers() {
    let d = bundled();
    let c = compare(&d, &Filters::default());
    let csv = to_csv(&d, &c);
    let claim = &d.claims[all_claim_ids(&c)[0]];
    let n = d
        .sources
        .iter()
        .position(|s| s.id == claim.sources[0].source)
        .unwrap()
        + 1;
    assert!(csv.contains(&format!("{} [{n}]", claim.text)), "{csv}");
}

#[test]
fn csv_writes_a_shared_statement_once() {
    let d = bundled();
    for (name, f) in filter_sets() {
        let c = compare(&d, &f);
        let csv = to_csv(&d, &c);
        for (_, row) in c.rows() {
            for g in &row.shared {
                let who = group_roles(&d, &c, &g.columns);
                for &ci in &g.claims {
                    let text = &d.claims[ci].text;
                    assert_eq!(
                        csv.matches(text.as_str()).count(),
                        1,
                        "{name}: {text:?} is not written once"
                    );
                    assert!(csv.contains(&format!("{who}: {text}")), "{name}: {text:?}");
                }
            }
        }
    }
    // The bundled data has statements the CIO and the CISO share, and then a CIO or CISO cell
    // may have nothing of its own.
    let c = compare(&d, &Filters::default());
    assert!(c.rows().any(|(_, r)| !r.shared.is_empty()));
    assert!(to_csv(&d, &c).contains("CIO and CISO: "));
}

#[test]
fn csv_fields_with_comma_quote_and_newline_round_trip() {
    let tricky = "He said \"yes, and no\"\r\nthen, later\nmore";
    let (d, c) = with_first_claim(tricky);
    let records = parse_csv(&to_csv(&d, &c));
    let hit = records
        .iter()
        .flatten()
        .find(|f| f.contains("yes, and no"))
        .expect("the tricky claim is exported");
    assert!(hit.starts_with(tricky), "{hit:?}");
    // Every record still has the table width.
    let width = 3 + c.columns.len() + 2;
    assert!(records[..=c.shown].iter().all(|r| r.len() == width));

    for s in ["plain", "a,b", "a\"b", "a\nb", "a\rb", "", "\"\""] {
        assert_eq!(parse_csv(&format!("{}\r\n", csv_escape(s))), [[s]], "{s:?}");
    }
    assert_eq!(csv_escape("a\"b"), "\"a\"\"b\"");
    assert_eq!(csv_escape("plain"), "plain");
}

#[test]
fn csv_guards_against_formula_injection() {
    let evil = "=HYPERLINK(\"http://evil.example\",\"click\")";
    let (d, c) = with_first_claim(evil);
    let records = parse_csv(&to_csv(&d, &c));
    let hit = records
        .iter()
        .flatten()
        .find(|f| f.contains("HYPERLINK"))
        .expect("exported");
    assert!(hit.starts_with("'=HYPERLINK("), "{hit:?}");
    for field in records.iter().flatten() {
        assert!(
            !field.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "unguarded field {field:?}"
        );
    }
    for (raw, want) in [
        ("=1+2", "'=1+2"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""),
        ("=a,b", "\"'=a,b\""),
        ("a=b", "a=b"),
    ] {
        assert_eq!(csv_escape(raw), want, "{raw:?}");
    }
    // A guarded section label (host data) is guarded too.
    let mut d = bundled();
    d.facets[0].label = "@focus".into();
    let c = compare(&d, &Filters::default());
    assert!(to_csv(&d, &c).contains("\r\n'@focus,"));
}

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

#[test]
fn json_parses_and_matches_the_comparison() {
    let d = bundled();
    for (name, f) in filter_sets() {
        let c = compare(&d, &f);
        let text = to_json(&d, &c, &f);
        let v: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}\n{text}"));

        assert_eq!(v["dataset"]["version"], d.version.as_str());
        assert_eq!(v["dataset"]["last_reviewed"], d.last_reviewed.as_str());
        assert_eq!(v["filters"]["mode"], f.mode.as_str());
        assert_eq!(v["filters"]["search"], f.search.as_str());
        assert_eq!(v["filters"]["detail"], f.detail.as_str());
        // Roles and sections are listed as the state object lists them: never empty for "all".
        assert_eq!(
            v["filters"]["roles"].as_array().unwrap().len(),
            c.columns.len()
        );
        assert!(!v["filters"]["facets"].as_array().unwrap().is_empty());
        assert!(v["filters"]["dutyTopic"].is_null());

        let columns = v["columns"].as_array().unwrap();
        let ids: Vec<&str> = columns.iter().map(|x| x["id"].as_str().unwrap()).collect();
        let want: Vec<&str> = c.columns.iter().map(|&i| d.roles[i].id.as_str()).collect();
        assert_eq!(ids, want, "{name}");

        let rows = v["rows"].as_array().unwrap();
        assert_eq!(rows.len(), c.shown, "{name}");
        for (jr, (fi, row)) in rows.iter().zip(c.rows()) {
            assert_eq!(jr["section"], d.facets[fi].label.as_str());
            assert_eq!(jr["topic"], d.facets[fi].topics[row.topic].label.as_str());
            match row.status {
                Status::Shared => assert_eq!(jr["status"], "shared"),
                Status::Differs => assert_eq!(jr["status"], "differs"),
                Status::Only(col) => {
                    assert_eq!(jr["status"], "only");
                    assert_eq!(jr["only"], d.roles[c.columns[col]].id.as_str());
                }
            }
            let cells = jr["cells"].as_array().unwrap();
            assert_eq!(cells.len(), row.cells.len());
            for (jc, (cell, &ri)) in cells.iter().zip(row.cells.iter().zip(&c.columns)) {
                assert_eq!(jc["role"], d.roles[ri].id.as_str());
                match cell {
                    Cell::Gap => assert_eq!(jc["gap"], true),
                    Cell::InShared => {
                        assert_eq!(jc["in_shared"], true);
                        assert!(jc["claims"].is_null() && jc["gap"].is_null());
                    }
                    Cell::Claims(ids) => {
                        let claims = jc["claims"].as_array().unwrap();
                        let texts: Vec<&str> =
                            claims.iter().map(|x| x["text"].as_str().unwrap()).collect();
                        let want: Vec<&str> =
                            ids.iter().map(|&i| d.claims[i].text.as_str()).collect();
                        assert_eq!(texts, want);
                        for (jcl, &ci) in claims.iter().zip(ids) {
                            let cites = jcl["sources"].as_array().unwrap();
                            assert_eq!(cites.len(), d.claims[ci].sources.len());
                            for (jx, cite) in cites.iter().zip(&d.claims[ci].sources) {
                                let n = jx["n"].as_u64().unwrap() as usize;
                                assert_eq!(d.sources[n - 1].id, cite.source);
                                assert_eq!(jx["title"], d.sources[n - 1].title.as_str());
                            }
                        }
                    }
                }
            }
            let shared = jr["shared"].as_array().unwrap();
            assert_eq!(shared.len(), row.shared.len(), "{name}");
            for (jg, g) in shared.iter().zip(&row.shared) {
                let roles: Vec<&str> = g
                    .columns
                    .iter()
                    .map(|&col| d.roles[c.columns[col]].id.as_str())
                    .collect();
                assert_eq!(jg["roles"], serde_json::json!(roles));
                let ids: Vec<&str> = jg["claims"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x["id"].as_str().unwrap())
                    .collect();
                let want: Vec<&str> = g.claims.iter().map(|&i| d.claims[i].id.as_str()).collect();
                assert_eq!(ids, want);
                for (jcl, &ci) in jg["claims"].as_array().unwrap().iter().zip(&g.claims) {
                    assert_eq!(jcl["text"], d.claims[ci].text.as_str());
                    let cites = jcl["sources"].as_array().unwrap();
                    assert_eq!(cites.len(), d.claims[ci].sources.len());
                }
            }
            let conflicts = jr["conflicts"].as_array().unwrap();
            assert_eq!(conflicts.len(), row.conflicts.len());
            for (jk, &k) in conflicts.iter().zip(&row.conflicts) {
                assert_eq!(jk["title"], d.conflicts[k].title.as_str());
                assert_eq!(
                    jk["sides"].as_array().unwrap().len(),
                    d.conflicts[k].sides.len()
                );
            }
        }

        let sources = v["sources"].as_array().unwrap();
        assert_eq!(sources.len(), d.sources.len());
        for (i, (js, s)) in sources.iter().zip(&d.sources).enumerate() {
            assert_eq!(js["n"], i + 1);
            assert_eq!(js["id"], s.id.as_str());
            assert_eq!(js["author"].as_str(), s.author.as_deref());
        }
    }
}

#[test]
fn json_filters_are_reported_as_given() {
    let d = bundled();
    let f = Filters {
        roles: vec!["cio".into(), "cso".into()],
        facets: vec!["duties".into()],
        duty_topic: Some("budget".into()),
        issuer: Some("ISC2".into()),
        suits: Some("ciso".into()),
        target: Some("CEO".into()),
        mode: Mode::Shared,
        search: "a \"quoted\" search\\".into(),
        detail: Detail::Full,
    };
    let c = compare(&d, &f);
    let v: Value = serde_json::from_str(&to_json(&d, &c, &f)).unwrap();
    let fv = &v["filters"];
    assert_eq!(fv["roles"], serde_json::json!(["cio", "cso"]));
    assert_eq!(fv["facets"], serde_json::json!(["duties"]));
    assert_eq!(fv["dutyTopic"], "budget");
    assert_eq!(fv["issuer"], "ISC2");
    assert_eq!(fv["suits"], "ciso");
    assert_eq!(fv["target"], "CEO");
    assert_eq!(fv["mode"], "shared");
    assert_eq!(fv["search"], f.search.as_str());
    assert_eq!(fv["detail"], "full");
    assert_eq!(
        serde_json::from_str::<Value>(&to_json(&d, &c, &Filters::default())).unwrap()["filters"]
            ["detail"],
        "summary"
    );
}

#[test]
fn json_string_escaping_round_trips() {
    let samples = [
        "",
        "plain",
        "quote \" and backslash \\ and slash /",
        "newline\n cr\r tab\t backspace\u{8} formfeed\u{c} nul\u{0} unit-sep\u{1f} del\u{7f}",
        "line sep \u{2028} para sep \u{2029}",
        "emoji 🧑‍💻 and astral 𝄞, accents é ü, CJK 漢字",
        "</script><!--",
    ];
    for s in samples {
        let lit = json_string(s);
        let back: String = serde_json::from_str(&lit).unwrap_or_else(|e| panic!("{lit}: {e}"));
        assert_eq!(back, s);
        assert!(
            !lit.chars()
                .any(|c| (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}'),
            "raw control or separator in {lit:?}"
        );
    }
    assert_eq!(json_string("a\"b\\c"), r#""a\"b\\c""#);
    assert_eq!(json_string("\n\r\t"), r#""\n\r\t""#);
    assert_eq!(json_string("\u{1}\u{8}"), r#""\u0001\u0008""#);
    assert_eq!(json_string("\u{2028}\u{2029}"), r#""\u2028\u2029""#);

    // Through the whole export, with hostile data in a claim.
    let hostile = "q\" b\\ nl\n ctl\u{1} ls\u{2028} 🦀";
    let (d, c) = with_first_claim(hostile);
    let text = to_json(&d, &c, &Filters::default());
    let v: Value = serde_json::from_str(&text).unwrap();
    // In a role's cell, or in a shared group: the first claim may be about several roles.
    let found = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| {
            r["cells"]
                .as_array()
                .unwrap()
                .iter()
                .chain(r["shared"].as_array().unwrap())
        })
        .filter_map(|cell| cell["claims"].as_array())
        .flatten()
        .any(|cl| cl["text"] == hostile);
    assert!(found);
    assert!(!text.contains('\u{2028}'));
}

// ---------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------

#[test]
fn markdown_has_one_table_per_visible_facet() {
    let d = bundled();
    for (name, f) in filter_sets() {
        let c = compare(&d, &f);
        let md = to_markdown(&d, &c);
        assert!(!md.lines().any(|l| l.starts_with('#')), "{name}: heading");
        let mut header = "| Topic | Status |".to_owned();
        for &i in &c.columns {
            header.push_str(&format!(" {} |", d.roles[i].abbr));
        }
        header.push_str(" Shared |");
        let headers = md.lines().filter(|l| *l == header).count();
        assert_eq!(headers, c.groups.len(), "{name}:\n{md}");
        for g in &c.groups {
            assert!(
                md.contains(&format!("**{}**\n\n{header}\n", d.facets[g.facet].label)),
                "{name}"
            );
        }
        let width = 2 + c.columns.len() + 1;
        let table_lines: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
        assert_eq!(table_lines.len(), 2 * c.groups.len() + c.shown, "{name}");
        for l in &table_lines {
            // Leading and trailing pipes give an empty first and last piece.
            assert_eq!(md_cells(l).len(), width + 2, "{name}: {l}");
        }
        // Row lines, in order: the cells as the comparison has them, the shared last.
        let row_lines = table_lines
            .iter()
            .filter(|l| !l.starts_with("| Topic |") && !l.starts_with("| --- |"));
        for (l, (_, row)) in row_lines.zip(c.rows()) {
            let cells = md_cells(l);
            for (text, cell) in cells[3..3 + row.cells.len()].iter().zip(&row.cells) {
                match cell {
                    Cell::Gap => assert_eq!(text.trim(), GAP, "{name}"),
                    Cell::InShared => assert_eq!(text.trim(), IN_SHARED, "{name}"),
                    Cell::Claims(ids) => {
                        assert_eq!(text.matches(" • ").count(), ids.len() - 1, "{name}: {text}")
                    }
                }
            }
            let shared = cells[width].trim();
            assert_eq!(shared.is_empty(), row.shared.is_empty(), "{name}: {l}");
            // One piece per shared statement, each led by the roles that share it.
            let pieces: Vec<&str> = shared.split(" • ").filter(|p| !p.is_empty()).collect();
            assert_eq!(pieces.len(), shared_count(row), "{name}: {shared}");
            let mut pieces = pieces.into_iter();
            for g in &row.shared {
                let who = group_roles(&d, &c, &g.columns);
                for _ in &g.claims {
                    let piece = pieces.next().unwrap();
                    assert!(piece.starts_with(&format!("{who}: ")), "{name}: {piece}");
                }
            }
        }
        for (i, s) in d.sources.iter().enumerate() {
            assert!(md.contains(&format!("\n{}. {}", i + 1, s.title)), "{name}");
        }
        assert!(!md.contains("(issuing body)"), "{name}: suffix doubled");
        let last = md.trim_end().lines().last().unwrap();
        assert!(
            last.contains(&d.version) && last.contains(&d.last_reviewed),
            "{last}"
        );
        assert!(!md.contains('<'), "{name}: raw HTML");
    }
}

#[test]
fn markdown_lists_the_conflicts_of_visible_rows() {
    let d = bundled();
    let c = compare(&d, &Filters::default());
    let md = to_markdown(&d, &c);
    let shown: Vec<usize> = c.rows().flat_map(|(_, r)| r.conflicts.clone()).collect();
    assert!(!shown.is_empty(), "the bundled data has visible conflicts");
    assert_eq!(
        md.lines()
            .filter(|l| l.starts_with("- Sources disagree: "))
            .count(),
        shown.len()
    );
    for k in shown {
        assert!(md.contains(&format!("- Sources disagree: {}: ", d.conflicts[k].title)));
    }
}

#[test]
fn markdown_escapes_pipes_newlines_and_html_in_data() {
    let evil = "a | b\nc <img src=x onerror=alert(1)> *bold* _em_ `code` [link](http://x) \\ ~s~";
    let (d, c) = with_first_claim(evil);
    let md = to_markdown(&d, &c);
    let width = 2 + c.columns.len() + 1;
    let row = md
        .lines()
        .find(|l| l.contains("onerror"))
        .expect("the claim is exported on one line");
    assert_eq!(md_cells(row).len(), width + 2, "{row}");
    assert!(
        row.contains(r"a \| b c \<img src=x onerror=alert(1)\>"),
        "{row}"
    );
    assert!(row.contains(r"\*bold\* \_em\_ \`code\` \[link\](http://x) \\ \~s\~"));
    for ch in ['<', '>', '*', '`', '['] {
        let cell = md_cells(row)
            .into_iter()
            .find(|c| c.contains("onerror"))
            .unwrap();
        // The only unescaped brackets are the citation markers, which come after the text (in
        // the shared column, after the roles that share it).
        let text = cell.split(" [").next().unwrap();
        assert!(!has_unescaped(text, ch), "unescaped {ch} in {text}");
    }
    assert!(!has_unescaped(&md, '<'));

    // A pipe in a topic label, a facet label and a role abbreviation.
    let mut d = bundled();
    d.facets[0].topics[0].label = "x|y".into();
    d.facets[0].label = "#Focus | *".into();
    d.roles[0].abbr = "C|O".into();
    let c = compare(&d, &Filters::default());
    let md = to_markdown(&d, &c);
    assert!(md.contains("**\\#Focus \\| \\***"), "{md}");
    assert!(md.contains("| Topic | Status | C\\|O |"));
    for l in md.lines().filter(|l| l.starts_with('|')) {
        assert_eq!(md_cells(l).len(), 2 + c.columns.len() + 1 + 2, "{l}");
    }
    // The escaped abbreviation names a shared group too.
    assert!(md.contains("C\\|O and CISO: "), "{md}");
}

#[test]
fn markdown_says_so_when_nothing_matches() {
    let d = bundled();
    let f = Filters {
        search: "no claim contains this zzqx".into(),
        ..Filters::default()
    };
    let c = compare(&d, &f);
    assert_eq!(c.shown, 0);
    let md = to_markdown(&d, &c);
    assert!(!md.contains("| Topic |"));
    assert!(md.contains("match the current filters"));
    assert!(md.contains("**Sources**"));
}

// ---------------------------------------------------------------------------------------------
// File name and module hygiene
// ---------------------------------------------------------------------------------------------

#[test]
fn file_names_are_sanitized() {
    let mut d = bundled();
    d.version = "1.0.0".into();
    assert_eq!(file_name(&d, "csv"), "role-compare-1.0.0.csv");
    assert_eq!(file_name(&d, ".md"), "role-compare-1.0.0.md");
    d.version = "../2.0 beta/<x>".into();
    let name = file_name(&d, "json");
    assert!(
        name.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'),
        "{name}"
    );
    assert!(name.starts_with("role-compare-") && name.ends_with(".json"));
    assert!(!name.contains('/'));
    d.version = "///".into();
    assert_eq!(file_name(&d, "csv"), "role-compare.csv");
    d.version = "1.0.0".into();
    assert_eq!(file_name(&d, "c/s\\v"), "role-compare-1.0.0.csv");
}

#[test]
fn export_module_knows_nothing_of_the_browser_or_serde() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/core/export.rs");
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.starts_with("//!"));
    let code: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let words: Vec<&str> = code
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .collect();
    for banned in [
        "yew",
        "web_sys",
        "js_sys",
        "wasm_bindgen",
        "Html",
        "serde",
        "serde_json",
    ] {
        assert!(
            !words.contains(&banned),
            "src/core/export.rs names `{banned}`"
        );
    }
}

#[test]
fn markdown_marks_issuing_bodies_once() {
    let mut d = bundled();
    let i = d
        .sources
        .iter()
        .position(|s| s.id == "ib-isc2")
        .expect("the bundled data has ib-isc2");
    d.sources[i].title = "ISC2".into();
    let c = compare(&d, &Filters::default());
    let md = to_markdown(&d, &c);
    assert!(
        md.contains(&format!("\n{}. ISC2 (issuing body)\n", i + 1)),
        "{md}"
    );
    let a3 = d.sources.iter().position(|s| s.id == "a3").unwrap();
    assert!(md.contains(&format!(
        "\n{}. {} — Michelle Moore, Ph.D., University of San Diego\n",
        a3 + 1,
        d.sources[a3].title
    )));
}
