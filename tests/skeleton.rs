//! Native walking-skeleton test: the bundled dataset loads, validates, and renders through yew's
//! server-side renderer into the widget's structure:
//!
//! - the key-differences table (`table.rc-keys`, one row per facet with key lines for a compared
//!   role) before the detailed table, each with one column header per compared role;
//! - the secondary filters folded behind a "More filters" button (`aria-expanded`,
//!   `aria-controls` naming the hidden panel, the count of active filters in its label);
//! - one fold button per facet (`button.rc-fold`, `aria-expanded`, `aria-controls` naming the
//!   facet's `<tbody>`), the bodies folded (`rc-collapsed`) in the default summary and open in
//!   full detail or as soon as a mode or search narrows the detail;
//! - statements several roles share in their own lines (`tr.rc-row-shared`), one
//!   `td.rc-shared[colspan]` each, and every statement once in the table (`data-claim`).
//!
//! The HTML is read with a small start-tag scanner written here: tag names, attributes and the
//! order they come in, which is all these checks need.

#![cfg(not(target_arch = "wasm32"))]

use role_compare::compare::{compare, layout};
use role_compare::model::Dataset;
use role_compare::state::{Detail, Filters, Mode};
use role_compare::{data, validate, view::RoleCompare, view::RoleCompareProps};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
use yew::ServerRenderer;

fn render(filters: Filters) -> String {
    render_with(filters, false)
}

/// The render the page prints (`printing`: every folded facet's rows built).
fn render_printed(filters: Filters) -> String {
    render_with(filters, true)
}

fn render_with(filters: Filters, printing: bool) -> String {
    let renderer = ServerRenderer::<RoleCompare>::with_props(move || {
        let mut props = RoleCompareProps::new(Rc::new(data::bundled()));
        props.filters = filters;
        props.printing = printing;
        props
    })
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

fn render_default() -> String {
    render(Filters::default())
}

/// One start or end tag of the rendered HTML.
#[derive(Debug, Clone)]
struct Tag {
    /// Lowercase tag name; `/name` for an end tag.
    name: String,
    /// Attributes, with entities left as written.
    attrs: BTreeMap<String, String>,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }

    fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|c| c.split_whitespace().any(|x| x == class))
    }
}

/// Every tag of `html`, in document order (yew writes attributes double-quoted or bare).
fn tags(html: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let b = html.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let is_tag =
            b[i] == b'<' && i + 1 < b.len() && (b[i + 1].is_ascii_alphabetic() || b[i + 1] == b'/');
        if !is_tag {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
            j += 1;
        }
        let name = html[i + 1..j].trim_end_matches('/').to_ascii_lowercase();
        let mut attrs = BTreeMap::new();
        loop {
            while j < b.len() && (b[j].is_ascii_whitespace() || b[j] == b'/') {
                j += 1;
            }
            if j >= b.len() || b[j] == b'>' {
                break;
            }
            let start = j;
            while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'=' && b[j] != b'>' {
                j += 1;
            }
            let key = html[start..j].to_ascii_lowercase();
            let mut value = String::new();
            if j < b.len() && b[j] == b'=' {
                j += 1;
                if j < b.len() && b[j] == b'"' {
                    let end = html[j + 1..].find('"').map_or(b.len(), |e| j + 1 + e);
                    value = html[j + 1..end].to_owned();
                    j = end + 1;
                } else {
                    let start = j;
                    while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                        j += 1;
                    }
                    value = html[start..j].to_owned();
                }
            }
            attrs.insert(key, value);
        }
        out.push(Tag { name, attrs });
        i = j;
    }
    out
}

/// The tags of the first element matching `pick`, from its start tag to its end tag.
fn element(all: &[Tag], pick: impl Fn(&Tag) -> bool) -> &[Tag] {
    let start = all.iter().position(pick).expect("no such element");
    let name = all[start].name.clone();
    let mut depth = 0;
    for (k, t) in all[start..].iter().enumerate() {
        if t.name == name {
            depth += 1;
        } else if t.name == format!("/{name}") {
            depth -= 1;
            if depth == 0 {
                return &all[start..=start + k];
            }
        }
    }
    &all[start..]
}

/// The comparison table (key differences first, then the facets).
fn detail_table(all: &[Tag]) -> &[Tag] {
    element(all, |t| t.name == "table" && t.has_class("rc-table"))
}

/// The ids of the facets that have a key line about one of the default compared roles, in
/// dataset order: the rows the key-differences table must have.
fn facets_with_key_lines(d: &Dataset) -> Vec<String> {
    let compared: Vec<&str> = compare(d, &Filters::default())
        .columns
        .iter()
        .map(|&i| d.roles[i].id.as_str())
        .collect();
    d.facets
        .iter()
        .filter(|f| {
            d.key_lines
                .iter()
                .any(|k| k.facet == f.id && k.roles.iter().any(|r| compared.contains(&r.as_str())))
        })
        .map(|f| f.id.clone())
        .collect()
}

#[test]
fn bundled_dataset_validates() {
    let d = data::bundled();
    if let Err(errors) = validate::validate(&d) {
        let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("bundled dataset is invalid:\n{}", listed.join("\n"));
    }
    let ids: Vec<&str> = d.roles.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["cio", "ciso", "cso"]);
}

#[test]
fn default_view_renders_a_table_with_one_column_per_role() {
    let html = render_default();
    assert!(html.contains("<table"), "no table in: {html:.300}");
    assert!(html.contains("<caption>"), "table has no caption");
    let all = tags(&html);
    let table = detail_table(&all);
    let headers: Vec<&Tag> = table
        .iter()
        .filter(|t| t.name == "th" && t.attr("scope") == Some("col"))
        .collect();
    assert_eq!(headers.len(), 3, "one column header per role");
    for abbr in ["CIO", "CISO", "CSO"] {
        let header = format!(r#"<span class="rc-abbr">{abbr}</span>"#);
        assert!(html.contains(&header), "no column header for {abbr}");
    }
    // One table: the key differences are its first body, under the same column headers.
    assert_eq!(all.iter().filter(|t| t.name == "table").count(), 1);
    let every = all
        .iter()
        .filter(|t| t.name == "th" && t.attr("scope") == Some("col"))
        .count();
    assert_eq!(every, 3);
}

#[test]
fn key_differences_lead_the_detail() {
    let d = data::bundled();
    let want = facets_with_key_lines(&d);
    let html = render_default();
    let all = tags(&html);
    let table = detail_table(&all);
    let keys_at = table
        .iter()
        .position(|t| t.name == "tbody" && t.has_class("rc-keys"));
    if want.is_empty() {
        assert_eq!(keys_at, None, "key-difference rows without key lines");
        return;
    }
    let keys_at = keys_at.expect("no key-differences body");
    let detail_at = table
        .iter()
        .position(|t| t.name == "tbody" && t.has_class("rc-group-body"))
        .expect("no facet body");
    assert!(
        keys_at < detail_at,
        "the key differences come after the detail"
    );
    let keys = element(table, |t| t.name == "tbody" && t.has_class("rc-keys"));
    let rows: Vec<&str> = keys
        .iter()
        .filter(|t| t.name == "tr" && t.has_class("rc-key-row"))
        .filter_map(|t| t.attr("data-facet"))
        .collect();
    assert_eq!(rows, want);
    // Each key row's fold button opens that facet's detail.
    let folds: Vec<&str> = keys
        .iter()
        .filter(|t| t.name == "button" && t.has_class("rc-fold"))
        .filter_map(|t| t.attr("aria-controls"))
        .collect();
    let bodies: Vec<String> = want.iter().map(|f| format!("rc-f-{f}")).collect();
    assert_eq!(folds, bodies);
}

#[test]
fn secondary_filters_fold_behind_more_filters() {
    let check = |filters: Filters, label: &str| {
        let html = render(filters);
        let all = tags(&html);
        let more = all
            .iter()
            .find(|t| t.name == "button" && t.has_class("rc-more"))
            .expect("no More filters button");
        assert_eq!(more.attr("aria-expanded"), Some("false"));
        let panel = more.attr("aria-controls").expect("aria-controls");
        let target = all
            .iter()
            .find(|t| t.attr("id") == Some(panel))
            .unwrap_or_else(|| panic!("nothing has id {panel}"));
        assert!(target.attrs.contains_key("hidden"), "the panel is open");
        // The sections, the modes and the search are inside the folded panel; the roles are not.
        let inside = element(&all, |t| t.attr("id") == Some(panel));
        let ids: BTreeSet<&str> = inside.iter().filter_map(|t| t.attr("id")).collect();
        for id in ["rc-search", "rc-mode-all", "rc-facet-duties"] {
            assert!(ids.contains(id), "{id} is not in the folded panel");
        }
        assert!(
            !ids.contains("rc-role-cio"),
            "the role picker is folded away"
        );
        assert!(html.contains(&format!(">{label}<")), "no {label:?}");
    };
    check(Filters::default(), "More filters");
    check(
        Filters {
            mode: Mode::Differences,
            search: "budget".into(),
            ..Filters::default()
        },
        "More filters (2 active)",
    );
    check(
        Filters {
            facets: vec!["duties".into()],
            ..Filters::default()
        },
        "More filters (1 active)",
    );
}

#[test]
fn facets_fold_in_summary_and_open_in_full_detail() {
    let d = data::bundled();
    // (filters, whether every facet's detail is open)
    let cases = [
        (Filters::default(), false),
        (
            Filters {
                detail: Detail::Full,
                ..Filters::default()
            },
            true,
        ),
        (
            Filters {
                mode: Mode::Shared,
                ..Filters::default()
            },
            true,
        ),
        (
            Filters {
                search: "the".into(),
                ..Filters::default()
            },
            true,
        ),
    ];
    for (filters, open) in cases {
        let html = render(filters.clone());
        let all = tags(&html);
        let table = detail_table(&all);
        let bodies: Vec<&Tag> = table
            .iter()
            .filter(|t| t.name == "tbody" && t.has_class("rc-group-body"))
            .collect();
        // One body per facet of the "All" layout: a mode keeps the rows (and facets) it
        // leaves out in the document, hidden, so switching back only shows them.
        let all_modes = layout(
            &d,
            &Filters {
                mode: Mode::All,
                ..filters.clone()
            },
        );
        assert_eq!(
            bodies.len(),
            all_modes.groups.len(),
            "one body per facet the All layout has"
        );
        let now = layout(&d, &filters);
        for (body, g) in bodies.iter().zip(&all_modes.groups) {
            if !now.groups.iter().any(|n| n.facet == g.facet) {
                assert!(body.attr("hidden").is_some(), "{filters:?}: {body:?}");
            }
        }
        if filters.mode == Mode::Shared {
            assert!(now.groups.len() < all_modes.groups.len());
        }
        for body in &bodies {
            assert_eq!(
                body.has_class("rc-collapsed"),
                !open,
                "{filters:?}: {body:?}"
            );
        }
        let ids: BTreeSet<&str> = bodies.iter().filter_map(|t| t.attr("id")).collect();
        // The facet bodies' own fold buttons (the key rows have one each too).
        let folds: Vec<&Tag> = bodies
            .iter()
            .flat_map(|b| element(table, |t| std::ptr::eq(t, *b)))
            .filter(|t| t.name == "button" && t.has_class("rc-fold"))
            .collect();
        assert_eq!(folds.len(), bodies.len(), "one fold button per facet");
        for b in folds {
            assert_eq!(
                b.attr("aria-expanded"),
                Some(if open { "true" } else { "false" })
            );
            let controls = b.attr("aria-controls").unwrap_or_default();
            assert!(ids.contains(controls), "{controls} is not a facet body");
        }
    }
}

#[test]
fn shared_statements_have_their_own_spanning_line() {
    let d = data::bundled();
    let c = compare(&d, &Filters::default());
    let html = render_printed(Filters::default());
    let all = tags(&html);
    let table = detail_table(&all);
    let n = c.columns.len();
    // Each <tr>'s cells, grouped.
    let mut lines: Vec<(&Tag, Vec<&Tag>)> = Vec::new();
    for t in table {
        if t.name == "tr" {
            lines.push((t, Vec::new()));
        } else if t.name == "td" {
            if let Some((_, cells)) = lines.last_mut() {
                cells.push(t);
            }
        }
    }
    let shared_lines: Vec<&(&Tag, Vec<&Tag>)> = lines
        .iter()
        .filter(|(tr, _)| tr.has_class("rc-row-shared"))
        .collect();
    let groups: usize = c.rows().map(|(_, r)| r.shared.len()).sum();
    assert!(groups > 0, "the bundled data has shared statements");
    assert_eq!(
        shared_lines.len(),
        groups,
        "one line per group of shared statements"
    );
    for (tr, cells) in shared_lines {
        assert!(tr.attr("data-row").is_some());
        let shared: Vec<&&Tag> = cells.iter().filter(|t| t.has_class("rc-shared")).collect();
        assert_eq!(shared.len(), 1, "{tr:?}");
        let span: usize = shared[0]
            .attr("colspan")
            .and_then(|v| v.parse().ok())
            .expect("colspan");
        assert!((2..=n).contains(&span), "colspan {span}");
        assert!(shared[0]
            .attr("data-role")
            .is_some_and(|r| r.starts_with("Shared by ")));
        // The line still fills the table's width: the spanning cell and padding.
        assert_eq!(cells.len() - 1 + span, n, "{tr:?}");
    }
}

#[test]
fn every_statement_shows_once() {
    let d = data::bundled();
    for filters in [
        Filters::default(),
        Filters {
            roles: vec!["cio".into(), "ciso".into()],
            detail: Detail::Full,
            ..Filters::default()
        },
    ] {
        let c = compare(&d, &filters);
        let html = render_printed(filters.clone());
        let mut several = 0;
        for (_, row) in c.rows() {
            for ci in row.claims() {
                let claim = &d.claims[ci];
                let marker = format!(r#"data-claim="{}""#, claim.id);
                assert_eq!(
                    html.matches(&marker).count(),
                    1,
                    "{filters:?}: {}",
                    claim.id
                );
                several += usize::from(row.shared.iter().any(|g| g.claims.contains(&ci)));
            }
        }
        assert!(
            several > 0,
            "{filters:?}: no statement about two compared roles"
        );
        // Nothing else is marked as a statement.
        assert_eq!(html.matches("data-claim=").count(), c.statements);
    }
}

/// The first screen builds only what it shows: in the default summary every facet is folded and
/// has only its header row (`tr.rc-facet`), so the live widget renders the key lines and a dozen
/// headers instead of every statement. Full detail, a narrowing mode, and print build the rows.
#[test]
fn folded_facets_build_their_rows_only_when_needed() {
    let d = data::bundled();
    let statements = |html: &str| html.matches("data-claim=").count();
    let summary = render_default();
    let table = detail_table(&tags(&summary))
        .iter()
        .filter(|t| t.name == "tr" && t.has_class("rc-row-data"))
        .count();
    assert_eq!(table, 0, "no detail rows in the folded summary");
    let key_lines = statements(&summary);
    let full = Filters {
        detail: Detail::Full,
        ..Filters::default()
    };
    let c = compare(&d, &full);
    let all = statements(&render(full));
    assert_eq!(all - key_lines, c.statements);
    assert_eq!(
        statements(&render_printed(Filters::default())) - key_lines,
        compare(&d, &Filters::default()).statements
    );
    let differences = Filters {
        mode: Mode::Differences,
        ..Filters::default()
    };
    // A mode opens every facet: its rows are all built, as for print.
    let built = statements(&render(differences.clone()));
    assert!(built > 0);
    assert_eq!(built, statements(&render_printed(differences)));
}

#[test]
fn closed_disagreements_build_their_sides_when_opened_or_printed() {
    let full = Filters {
        detail: Detail::Full,
        ..Filters::default()
    };
    let live = render(full.clone());
    let printed = render_printed(full);
    let bodies = |html: &str| html.matches(r#"class="rc-conflict-body""#).count();
    let titles = |html: &str| html.matches(r#"class="rc-conflict-title""#).count();
    assert!(bodies(&live) > 0);
    // Every disclosure keeps its body, the target of its aria-controls, built or not.
    assert_eq!(bodies(&live), bodies(&printed));
    assert_eq!(
        titles(&live),
        0,
        "closed disagreements are empty until opened"
    );
    assert_eq!(
        titles(&printed),
        bodies(&printed),
        "print builds every side"
    );
}
