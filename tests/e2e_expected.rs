//! The native half of the browser-versus-native check: runs `compare` for every named state in
//! `tests/e2e/states.json` and writes what the widget must show into
//! `target/e2e/expected.json`, which `tests/e2e/comparison.test.mjs` then compares with the
//! shadow DOM of the built widget after driving its real controls into each state.
//!
//! Per state the file holds: the state itself, the count line exactly as `ResultStatus` renders
//! it ("Showing 40 of 118 statements on 12 of 39 topics"), the rows and statements shown, the
//! column headers, the rows in order — `data-row` key, badge text, conflict titles, per column
//! the claim ids of the role's own statements or `"gap"` or `"in-shared"` (everything the role
//! has there is in the shared statements), and the row's shared statements as
//! `{"roles": [abbreviations in column order], "claims": [ids]}` — the text of every search
//! highlight in document order, and the empty-state sentence when nothing matches.
//!
//! Besides writing the file, this test checks the states themselves: they parse, their names are
//! unique, every id and tag value they use exists in the bundled dataset, each one can be reached
//! with the widget's controls (the controls keep at least two roles and at least one section,
//! offer every section, and spell "everything on" as an empty list), and together they cover
//! every filter alone, every mode, every pair of roles, searches with and without hits, and
//! several combinations; and that the modes, alone, change what the default view shows.
//! `cargo xtask test` runs native tests before the end-to-end tier, so the file exists when
//! Playwright runs; by hand: `cargo test --test e2e_expected`.

#![cfg(not(target_arch = "wasm32"))]

use role_compare::compare::{compare, matches, Cell, Status};
use role_compare::data;
use role_compare::model::Dataset;
use role_compare::state::{Detail, Filters, Mode, CERTIFICATIONS, DUTIES, REPORTING};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// One named state, exactly as written in `states.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct State {
    name: String,
    roles: Vec<String>,
    facets: Vec<String>,
    duty_topic: Option<String>,
    issuer: Option<String>,
    suits: Option<String>,
    target: Option<String>,
    mode: String,
    search: String,
}

impl State {
    fn filters(&self) -> Filters {
        Filters {
            roles: self.roles.clone(),
            facets: self.facets.clone(),
            duty_topic: self.duty_topic.clone(),
            issuer: self.issuer.clone(),
            suits: self.suits.clone(),
            target: self.target.clone(),
            mode: Mode::parse(&self.mode)
                .unwrap_or_else(|| panic!("{}: unknown mode {:?}", self.name, self.mode)),
            search: self.search.clone(),
            // The detail level folds and opens sections; it shows and hides no statement.
            detail: Detail::default(),
        }
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn states() -> Vec<State> {
    let path = root().join("tests/e2e/states.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `n` with its noun, singular for one.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The count line, worded exactly as `src/view/status.rs` words it: statements shown of those
/// about the compared roles, on topics shown of those the compared roles have.
fn count_text(shown: usize, total: usize, statements: usize, statements_total: usize) -> String {
    if shown == 0 {
        "No statements match the filters".to_owned()
    } else if statements == statements_total && shown == total {
        format!(
            "Showing all {} on {}",
            plural(statements_total, "statement", "statements"),
            plural(total, "topic", "topics")
        )
    } else {
        format!(
            "Showing {statements} of {} on {shown} of {}",
            plural(statements_total, "statement", "statements"),
            plural(total, "topic", "topics")
        )
    }
}

/// The count line with the mode the reader looks through, as the app hands it to the status
/// ("…, differences only"); the empty state has no lens.
fn with_lens(count: String, mode: Mode, shown: usize) -> String {
    if mode == Mode::All || shown == 0 {
        count
    } else {
        format!("{count}, {}", mode.label().to_lowercase())
    }
}

/// The empty-state sentence, as `src/view/status.rs` builds it.
fn empty_text(reasons: &[String]) -> String {
    let why = if reasons.is_empty() {
        "these filters".to_owned()
    } else {
        reasons.join("; ")
    };
    let tail = if reasons.len() > 1 {
        "Try fewer filters, or start again."
    } else {
        "Try another choice, or start again."
    };
    format!("Nothing matches {why}. {tail}")
}

/// What the widget must show for `state`.
fn expected(d: &Dataset, state: &State) -> Value {
    let f = state.filters();
    let c = compare(d, &f);
    let columns: Vec<&str> = c
        .columns
        .iter()
        .map(|&i| d.roles[i].abbr.as_str())
        .collect();
    let claim_ids =
        |ids: &[usize]| -> Vec<&str> { ids.iter().map(|&ci| d.claims[ci].id.as_str()).collect() };
    let mut marks = Vec::new();
    let rows: Vec<Value> = c
        .rows()
        .map(|(fi, row)| {
            let facet = &d.facets[fi];
            let badge = match row.status {
                Status::Shared => "Shared".to_owned(),
                Status::Differs => "Differs".to_owned(),
                Status::Only(col) => format!("Only {}", d.roles[c.columns[col]].abbr),
            };
            // The table draws the roles' own statements in column order, then the shared ones:
            // the order `Row::claims` gives, and so the order of the highlights.
            for ci in row.claims() {
                let text = &d.claims[ci].text;
                marks.extend(
                    matches(text, &f.search)
                        .into_iter()
                        .map(|r| text[r].to_owned()),
                );
            }
            let cells: Vec<Value> = row
                .cells
                .iter()
                .map(|cell| match cell {
                    Cell::Gap => json!("gap"),
                    Cell::InShared => json!("in-shared"),
                    Cell::Claims(ids) => json!(claim_ids(ids)),
                })
                .collect();
            let shared: Vec<Value> = row
                .shared
                .iter()
                .map(|g| {
                    let roles: Vec<&str> = g.columns.iter().map(|&col| columns[col]).collect();
                    json!({ "roles": roles, "claims": claim_ids(&g.claims) })
                })
                .collect();
            let conflicts: Vec<&str> = row
                .conflicts
                .iter()
                .map(|&k| d.conflicts[k].title.as_str())
                .collect();
            json!({
                "key": format!("{}-{}", facet.id, facet.topics[row.topic].id),
                "badge": badge,
                "conflicts": conflicts,
                "cells": cells,
                "shared": shared,
            })
        })
        .collect();
    json!({
        "name": state.name,
        "state": state,
        "count": with_lens(count_text(c.shown, c.total, c.statements, c.statements_total), f.mode, c.shown),
        "shown": c.shown,
        "statements": c.statements,
        "columns": columns,
        "rows": rows,
        "marks": marks,
        "empty": (c.shown == 0).then(|| empty_text(&f.describe(d))),
    })
}

/// Tag values used on the claims of one facet.
fn tag_values(d: &Dataset, facet: &str, key: &str) -> HashSet<String> {
    d.claims
        .iter()
        .filter(|c| c.facet == facet)
        .flat_map(|c| c.tags.get(key).cloned().unwrap_or_default())
        .collect()
}

/// Every problem with one state: unknown ids, or a state the controls cannot produce.
fn problems(d: &Dataset, s: &State) -> Vec<String> {
    let mut out = Vec::new();
    let role_ids: Vec<&str> = d.roles.iter().map(|r| r.id.as_str()).collect();
    let facet_ids: Vec<&str> = d.facets.iter().map(|x| x.id.as_str()).collect();
    if s.name.trim().is_empty() {
        out.push("empty name".to_owned());
    }
    if Mode::parse(&s.mode).is_none_or(|m| m.as_str() != s.mode) {
        out.push(format!(
            "mode {:?} is not all, differences or shared",
            s.mode
        ));
    }
    // Roles: all (empty), or exactly two, in dataset order (the checkboxes keep two on).
    for r in &s.roles {
        if !role_ids.contains(&r.as_str()) {
            out.push(format!("unknown role {r:?}"));
        }
    }
    let in_order = |ids: &[String], all: &[&str]| {
        let wanted: Vec<&str> = all
            .iter()
            .copied()
            .filter(|x| ids.iter().any(|i| i == x))
            .collect();
        wanted == ids.iter().map(String::as_str).collect::<Vec<_>>()
    };
    if !s.roles.is_empty() && (s.roles.len() != 2 || !in_order(&s.roles, &role_ids)) {
        out.push("roles must be [] or two role ids in dataset order".to_owned());
    }
    // Facets: all (empty), or a proper subset in dataset order. Every facet has a checkbox in
    // the Sections fieldset (reader filter or not), and the last one checked cannot be turned
    // off, so any non-empty proper subset can be reached.
    for x in &s.facets {
        if !facet_ids.contains(&x.as_str()) {
            out.push(format!("unknown facet {x:?}"));
        }
    }
    if !s.facets.is_empty()
        && (!in_order(&s.facets, &facet_ids) || s.facets.len() == facet_ids.len())
    {
        out.push("facets must be [] or a proper subset in dataset order".to_owned());
    }
    if let Some(t) = &s.duty_topic {
        let topics = d.facet(DUTIES).map(|f| &f.topics[..]).unwrap_or_default();
        if !topics.iter().any(|x| &x.id == t) {
            out.push(format!("unknown duty topic {t:?}"));
        }
    }
    if let Some(i) = &s.issuer {
        if !tag_values(d, CERTIFICATIONS, "issuer").contains(i) {
            out.push(format!("unknown issuer {i:?}"));
        }
    }
    if let Some(r) = &s.suits {
        if !role_ids.contains(&r.as_str()) {
            out.push(format!("unknown suits role {r:?}"));
        }
    }
    if let Some(t) = &s.target {
        if !tag_values(d, REPORTING, "target").contains(t) {
            out.push(format!("unknown target {t:?}"));
        }
    }
    out
}

/// Which fields of a state differ from the defaults.
fn narrowed_fields(s: &State) -> Vec<&'static str> {
    let f = s.filters();
    let d = Filters::default();
    let mut out = Vec::new();
    if f.roles != d.roles {
        out.push("roles");
    }
    if f.facets != d.facets {
        out.push("facets");
    }
    if f.duty_topic.is_some() {
        out.push("duty_topic");
    }
    if f.issuer.is_some() {
        out.push("issuer");
    }
    if f.suits.is_some() {
        out.push("suits");
    }
    if f.target.is_some() {
        out.push("target");
    }
    if f.mode != d.mode {
        out.push("mode");
    }
    if !f.search.is_empty() {
        out.push("search");
    }
    out
}

#[test]
fn states_are_valid_reachable_and_cover_every_filter() {
    let d = data::bundled();
    let states = states();
    assert!(states.len() >= 20, "only {} states", states.len());

    let mut names = HashSet::new();
    let mut all_problems = Vec::new();
    for s in &states {
        if !names.insert(s.name.as_str()) {
            all_problems.push(format!("{}: duplicate name", s.name));
        }
        all_problems.extend(
            problems(&d, s)
                .into_iter()
                .map(|p| format!("{}: {p}", s.name)),
        );
    }
    assert!(all_problems.is_empty(), "{}", all_problems.join("\n"));
    assert_eq!(
        states[0].filters(),
        Filters::default(),
        "the first state is the default"
    );

    // Every filter alone.
    for field in [
        "roles",
        "facets",
        "duty_topic",
        "issuer",
        "suits",
        "target",
        "mode",
        "search",
    ] {
        assert!(
            states.iter().any(|s| narrowed_fields(s) == [field]),
            "no state narrows {field} alone"
        );
    }
    // Every mode alone, every pair of roles alone.
    for mode in Mode::ALL.into_iter().skip(1) {
        assert!(
            states
                .iter()
                .any(|s| narrowed_fields(s) == ["mode"] && s.mode == mode.as_str()),
            "no state with mode {} alone",
            mode.as_str()
        );
    }
    for (i, a) in d.roles.iter().enumerate() {
        for b in &d.roles[i + 1..] {
            assert!(
                states.iter().any(|s| narrowed_fields(s) == ["roles"]
                    && s.roles == [a.id.as_str(), b.id.as_str()]),
                "no state comparing {} and {} alone",
                a.id,
                b.id
            );
        }
    }
    // Searches with and without hits, and combinations.
    let shown = |s: &State| compare(&d, &s.filters()).shown;
    assert!(states
        .iter()
        .any(|s| narrowed_fields(s) == ["search"] && shown(s) > 0));
    assert!(states
        .iter()
        .any(|s| narrowed_fields(s) == ["search"] && shown(s) == 0));
    let combos = states
        .iter()
        .filter(|s| narrowed_fields(s).len() >= 3)
        .count();
    assert!(
        combos >= 6,
        "only {combos} states combine three or more filters"
    );
    // The modes change what the default view shows: Differences fewer statements, Shared some.
    let statements = |s: &State| compare(&d, &s.filters()).statements;
    let default = statements(&states[0]);
    for s in states.iter().filter(|s| narrowed_fields(s) == ["mode"]) {
        let n = statements(s);
        match s.mode.as_str() {
            "differences" => assert!(n < default, "{}: {n} of {default} statements", s.name),
            _ => assert!(n > 0, "{}: no statement", s.name),
        }
    }
    // Most states show something: they exist to compare rows, not empty tables.
    let empty: Vec<&str> = states
        .iter()
        .filter(|s| shown(s) == 0)
        .map(|s| s.name.as_str())
        .collect();
    assert!(
        (1..=3).contains(&empty.len()),
        "{} states show nothing (want 1 to 3): {empty:?}",
        empty.len()
    );
}

#[test]
fn writes_the_expected_rendering_of_every_state() {
    let d = data::bundled();
    let states = states();
    let out: Vec<Value> = states.iter().map(|s| expected(&d, s)).collect();

    // Sanity: what is written agrees with itself.
    for (s, e) in states.iter().zip(&out) {
        let rows = e["rows"].as_array().unwrap();
        assert_eq!(
            rows.len() as u64,
            e["shown"].as_u64().unwrap(),
            "{}",
            s.name
        );
        let keys: HashSet<&str> = rows.iter().map(|r| r["key"].as_str().unwrap()).collect();
        assert_eq!(keys.len(), rows.len(), "{}: duplicate row keys", s.name);
        let columns = e["columns"].as_array().unwrap();
        let mut statements = 0;
        for r in rows {
            let cells = r["cells"].as_array().unwrap();
            let shared = r["shared"].as_array().unwrap();
            assert_eq!(cells.len(), columns.len());
            assert!(
                cells.iter().any(|c| c != "gap"),
                "{}: a row of gaps",
                s.name
            );
            // Each statement once in the row: in one cell or in one shared group.
            let mut ids: Vec<&str> = cells
                .iter()
                .filter_map(Value::as_array)
                .flatten()
                .chain(shared.iter().flat_map(|g| g["claims"].as_array().unwrap()))
                .map(|id| id.as_str().unwrap())
                .collect();
            let n = ids.len();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), n, "{}: a statement shown twice", s.name);
            statements += n;
            // A cell is "in-shared" exactly when a shared group names its role.
            for (col, cell) in cells.iter().enumerate() {
                let grouped = shared
                    .iter()
                    .any(|g| g["roles"].as_array().unwrap().contains(&columns[col]));
                if cell == "in-shared" {
                    assert!(grouped, "{}: in-shared without a group", s.name);
                } else if cell == "gap" {
                    assert!(!grouped, "{}: a gap in a group", s.name);
                }
            }
            for g in shared {
                assert!(g["roles"].as_array().unwrap().len() >= 2, "{}", s.name);
            }
        }
        assert_eq!(
            statements as u64,
            e["statements"].as_u64().unwrap(),
            "{}",
            s.name
        );
        if !s.search.trim().is_empty() && !rows.is_empty() {
            assert!(
                !e["marks"].as_array().unwrap().is_empty(),
                "{}: rows found by search but nothing to highlight",
                s.name
            );
        }
    }

    let dir: PathBuf = root().join("target/e2e");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let file = json!({
        "generated_by": "tests/e2e_expected.rs",
        "dataset_version": d.version,
        "states": out,
    });
    let text = serde_json::to_string_pretty(&file).unwrap() + "\n";
    // Write then rename, so a concurrent reader never sees half a file.
    let tmp = dir.join(format!("expected.json.{}.tmp", std::process::id()));
    std::fs::write(&tmp, &text).unwrap_or_else(|e| panic!("{}: {e}", tmp.display()));
    let path = dir.join("expected.json");
    std::fs::rename(&tmp, &path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let back: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(back, file);
}

#[test]
fn count_and_empty_wording_match_the_status_component() {
    assert_eq!(count_text(0, 40, 0, 118), "No statements match the filters");
    assert_eq!(
        count_text(40, 40, 118, 118),
        "Showing all 118 statements on 40 topics"
    );
    assert_eq!(count_text(1, 1, 1, 1), "Showing all 1 statement on 1 topic");
    assert_eq!(
        count_text(3, 40, 7, 118),
        "Showing 7 of 118 statements on 3 of 40 topics"
    );
    // Every row shown but not every statement (a mode hid some): not "all".
    assert_eq!(
        count_text(40, 40, 100, 118),
        "Showing 100 of 118 statements on 40 of 40 topics"
    );
    assert_eq!(
        count_text(1, 1, 1, 2),
        "Showing 1 of 2 statements on 1 of 1 topic"
    );
    assert_eq!(
        empty_text(&[]),
        "Nothing matches these filters. Try another choice, or start again."
    );
    assert_eq!(
        empty_text(&["duty: Budget".to_owned()]),
        "Nothing matches duty: Budget. Try another choice, or start again."
    );
    assert_eq!(
        empty_text(&["duty: Budget".to_owned(), "search: \u{201c}x\u{201d}".to_owned()]),
        "Nothing matches duty: Budget; search: \u{201c}x\u{201d}. Try fewer filters, or start again."
    );
    // The same words in the server-rendered widget.
    use role_compare::view::{RoleCompare, RoleCompareProps};
    use std::rc::Rc;
    let render = |filters: Filters| {
        let renderer = yew::ServerRenderer::<RoleCompare>::with_props(move || RoleCompareProps {
            filters,
            ..RoleCompareProps::new(Rc::new(data::bundled()))
        })
        .hydratable(false);
        futures::executor::block_on(renderer.render())
    };
    let d = data::bundled();
    let count = |f: &Filters| {
        let c = compare(&d, f);
        with_lens(
            count_text(c.shown, c.total, c.statements, c.statements_total),
            f.mode,
            c.shown,
        )
    };
    let all = Filters::default();
    assert!(
        render(all.clone()).contains(&count(&all)),
        "{}",
        count(&all)
    );
    let differences = Filters {
        mode: Mode::Differences,
        ..Filters::default()
    };
    assert!(count(&differences).starts_with("Showing "));
    assert!(
        render(differences.clone()).contains(&count(&differences)),
        "{}",
        count(&differences)
    );
    for none in [
        Filters {
            search: "zzqx no such text".to_owned(),
            ..Filters::default()
        },
        Filters {
            search: "zzqx no such text".to_owned(),
            mode: Mode::Shared,
            ..Filters::default()
        },
    ] {
        let html = render(none.clone());
        assert!(html.contains(&count(&none)), "{html:.400}");
        assert!(
            html.contains(&yew_text(&empty_text(&none.describe(&d)))),
            "{:?} not in the empty state",
            empty_text(&none.describe(&d))
        );
    }
}

/// `text` as yew's server renderer writes text content: `&`, `<` and `>` escaped.
fn yew_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
