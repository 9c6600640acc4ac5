//! Native tests of the reporting-lines chart: edges, levels and layout computed from the bundled
//! dataset's reporting claims, constructed datasets with cycles, odd targets or no reporting
//! claims at all, the text alternative, and the `OrgChart` component rendered through yew's
//! server-side renderer.
//!
//! What the bundled data says (facet `reporting`, topic `reports-to`, the `target` tags):
//!
//! - `cio-reporting-a0`: CIO → CEO; `cio-reporting-a3`: CIO → CEO or COO;
//! - `ciso-reporting-a3`: CISO → CIO, CTO or CEO; `ciso-reporting-cio-or-cto-a2`: CISO → CIO or
//!   CTO; `ciso-reporting-cto-a2`: CISO → CTO;
//! - `cso-reporting-cio-a2`: CSO → CIO (the only reporting claim about the CSO).
//!
//! Conflicts on the reporting facet: `ciso-reports-to` (roles: ciso), `cso-reports-to` (roles:
//! cio, cso) and `cio-reports-to` (roles: cio), so every role's sentence says sources disagree.

#![cfg(not(target_arch = "wasm32"))]

use role_compare::chart::{self, Chart, Node, Point};
use role_compare::data;
use role_compare::model::{Citation, Claim, Conflict, ConflictSide, Dataset};
use role_compare::state::REPORTING;
use role_compare::view::{OrgChart, OrgChartProps};
use std::collections::BTreeMap;
use std::path::Path;
use std::rc::Rc;
use yew::ServerRenderer;

/// Index of the role with this id in the bundled order (cio, ciso, cso).
fn role(d: &Dataset, id: &str) -> usize {
    d.roles
        .iter()
        .position(|r| r.id == id)
        .unwrap_or_else(|| panic!("no role {id}"))
}

fn roles(d: &Dataset, ids: &[&str]) -> Vec<usize> {
    ids.iter().map(|id| role(d, id)).collect()
}

/// Edges as (from label, to label, alternative, claim ids), in chart order.
fn edges(d: &Dataset, c: &Chart) -> Vec<(String, String, bool, Vec<String>)> {
    c.edges
        .iter()
        .map(|e| {
            (
                c.nodes[e.from].label.clone(),
                c.nodes[e.to].label.clone(),
                e.alternative,
                e.claims.iter().map(|&ci| d.claims[ci].id.clone()).collect(),
            )
        })
        .collect()
}

fn expect(rows: &[(&str, &str, bool, &[&str])]) -> Vec<(String, String, bool, Vec<String>)> {
    rows.iter()
        .map(|(f, t, alt, ids)| {
            (
                (*f).to_owned(),
                (*t).to_owned(),
                *alt,
                ids.iter().map(|s| (*s).to_owned()).collect(),
            )
        })
        .collect()
}

fn level(c: &Chart, label: &str) -> u32 {
    let i = c.node(label).unwrap_or_else(|| panic!("no node {label}"));
    c.nodes[i].level
}

fn claim(id: &str, roles: &[&str], targets: &[&str]) -> Claim {
    let mut tags = BTreeMap::new();
    tags.insert(
        "target".to_owned(),
        targets.iter().map(|t| (*t).to_owned()).collect(),
    );
    Claim {
        id: id.to_owned(),
        roles: roles.iter().map(|r| (*r).to_owned()).collect(),
        facet: REPORTING.to_owned(),
        topic: "reports-to".to_owned(),
        text: format!("Test claim {id}."),
        sources: vec![Citation {
            source: "a0".to_owned(),
            at: None,
        }],
        tags,
    }
}

/// The bundled dataset with its reporting claims and conflicts replaced by `claims`.
fn with_reporting(claims: Vec<Claim>) -> Dataset {
    let mut d = data::bundled();
    d.claims.retain(|c| c.facet != REPORTING);
    d.conflicts.retain(|k| k.facet != REPORTING);
    d.claims.extend(claims);
    d
}

/// Geometry every chart must satisfy: boxes inside the picture, rows top to bottom by level,
/// no two boxes of a row overlapping, lines ending on box borders inside the picture.
fn assert_sane_layout(c: &Chart) {
    for n in &c.nodes {
        assert!(
            n.x >= n.width / 2 && n.x + n.width / 2 <= c.width,
            "{n:?} outside {}",
            c.width
        );
        assert!(
            n.y >= n.height / 2 && n.y + n.height / 2 <= c.height,
            "{n:?} outside {}",
            c.height
        );
    }
    for a in &c.nodes {
        for b in &c.nodes {
            if a.level < b.level {
                assert!(
                    a.y < b.y,
                    "{} (level {}) not above {}",
                    a.label,
                    a.level,
                    b.label
                );
            }
            if a.level == b.level && a.label != b.label {
                let apart = a.x.abs_diff(b.x);
                assert!(
                    apart >= (a.width + b.width) / 2,
                    "{} overlaps {}",
                    a.label,
                    b.label
                );
            }
        }
    }
    for e in &c.edges {
        assert!(e.points.len() >= 2, "{e:?} has no line");
        for p in &e.points {
            assert!(
                p.x <= c.width && p.y <= c.height,
                "{e:?} outside the picture"
            );
        }
        let (first, last) = (e.points[0], e.points[e.points.len() - 1]);
        assert_ne!(first, last, "zero-length line {e:?}");
        assert!(
            on_border(&c.nodes[e.from], first),
            "{e:?} does not leave its box"
        );
        assert!(
            on_border(&c.nodes[e.to], last),
            "{e:?} does not reach its box"
        );
        // No segment runs through a box other than its own two ends.
        for w in e.points.windows(2) {
            for (i, n) in c.nodes.iter().enumerate() {
                if i != e.from && i != e.to {
                    assert!(!crosses(n, w[0], w[1]), "{e:?} crosses {}", n.label);
                }
            }
        }
    }
}

/// Whether `p` lies on the border of `n`'s box (within the few units opposite lines are moved).
fn on_border(n: &Node, p: Point) -> bool {
    let (l, r) = (n.x - n.width / 2, n.x + n.width / 2);
    let (t, b) = (n.y - n.height / 2, n.y + n.height / 2);
    let near = |v: u32, edge: u32| v.abs_diff(edge) <= 5;
    let inside_x = (l..=r).contains(&p.x);
    let inside_y = (t..=b).contains(&p.y);
    (inside_x && (near(p.y, t) || near(p.y, b))) || (inside_y && (near(p.x, l) || near(p.x, r)))
}

/// Whether the segment p–q passes through the inside of `n`'s box (sampled finely).
fn crosses(n: &Node, p: Point, q: Point) -> bool {
    let (l, r) = (f64::from(n.x - n.width / 2), f64::from(n.x + n.width / 2));
    let (t, b) = (f64::from(n.y - n.height / 2), f64::from(n.y + n.height / 2));
    (0..=200).any(|k| {
        let s = f64::from(k) / 200.0;
        let x = f64::from(p.x) + (f64::from(q.x) - f64::from(p.x)) * s;
        let y = f64::from(p.y) + (f64::from(q.y) - f64::from(p.y)) * s;
        x > l && x < r && y > t && y < b
    })
}

#[test]
fn all_three_roles_have_the_reporting_lines_the_claims_state() {
    let d = data::bundled();
    let c = chart::build(&d, &roles(&d, &["cio", "ciso", "cso"]));
    // CIO and CISO name several targets, so each of their lines is an alternative; the CSO has
    // one target only. Duplicate lines (CISO → CTO is stated three times) are merged.
    let want = expect(&[
        (
            "CIO",
            "CEO",
            true,
            &["cio-reporting-a0", "cio-reporting-a3"],
        ),
        ("CIO", "COO", true, &["cio-reporting-a3"]),
        (
            "CISO",
            "CIO",
            true,
            &["ciso-reporting-a3", "ciso-reporting-cio-or-cto-a2"],
        ),
        (
            "CISO",
            "CTO",
            true,
            &[
                "ciso-reporting-a3",
                "ciso-reporting-cio-or-cto-a2",
                "ciso-reporting-cto-a2",
            ],
        ),
        ("CISO", "CEO", true, &["ciso-reporting-a3"]),
        ("CSO", "CIO", false, &["cso-reporting-cio-a2"]),
    ]);
    assert_eq!(edges(&d, &c), want);
    // Compared roles first in dataset order, then targets in first-seen order; the CIO target is
    // the CIO role's own node, not a second box.
    let labels: Vec<&str> = c.nodes.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(labels, ["CIO", "CISO", "CSO", "CEO", "COO", "CTO"]);
    let compared: Vec<bool> = c.nodes.iter().map(|n| n.compared).collect();
    assert_eq!(compared, [true, true, true, false, false, false]);
    assert_eq!(c.nodes[0].role, Some(role(&d, "cio")));
    assert_eq!(c.nodes[3].role, None);
    assert_sane_layout(&c);
}

#[test]
fn levels_put_whom_a_role_reports_to_above_it() {
    let d = data::bundled();
    let all = chart::build(&d, &roles(&d, &["cio", "ciso", "cso"]));
    // CEO, COO, CTO report to nobody in the data: top row. The CIO reports only to top-row
    // nodes: row 1. The CISO's highest target is the CIO (row 1), and the CSO reports to the
    // CIO: both on row 2.
    for (label, want) in [
        ("CEO", 0),
        ("COO", 0),
        ("CTO", 0),
        ("CIO", 1),
        ("CISO", 2),
        ("CSO", 2),
    ] {
        assert_eq!(level(&all, label), want, "level of {label}");
    }
    // Without the CIO among the compared roles its own lines are not drawn, so it is a plain
    // top-row target and the CISO and CSO move up to row 1.
    let two = chart::build(&d, &roles(&d, &["ciso", "cso"]));
    for (label, want) in [("CIO", 0), ("CTO", 0), ("CEO", 0), ("CISO", 1), ("CSO", 1)] {
        assert_eq!(
            level(&two, label),
            want,
            "level of {label} without the CIO compared"
        );
    }
    assert!(all.height > two.height, "three rows are taller than two");
}

#[test]
fn selections_draw_only_the_compared_roles_lines() {
    let d = data::bundled();
    type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str, bool)], &'a [&'a str]);
    let cases: &[Case] = &[
        (
            &["ciso", "cso"],
            &[
                ("CISO", "CIO", true),
                ("CISO", "CTO", true),
                ("CISO", "CEO", true),
                ("CSO", "CIO", false),
            ],
            &["CISO", "CSO", "CIO", "CTO", "CEO"],
        ),
        (
            &["cio", "cso"],
            &[
                ("CIO", "CEO", true),
                ("CIO", "COO", true),
                ("CSO", "CIO", false),
            ],
            &["CIO", "CSO", "CEO", "COO"],
        ),
        (
            &["cio", "ciso"],
            &[
                ("CIO", "CEO", true),
                ("CIO", "COO", true),
                ("CISO", "CIO", true),
                ("CISO", "CTO", true),
                ("CISO", "CEO", true),
            ],
            &["CIO", "CISO", "CEO", "COO", "CTO"],
        ),
        (&["cso"], &[("CSO", "CIO", false)], &["CSO", "CIO"]),
    ];
    for (selection, want_edges, want_nodes) in cases {
        let c = chart::build(&d, &roles(&d, selection));
        let got: Vec<(String, String, bool)> = edges(&d, &c)
            .into_iter()
            .map(|(f, t, alt, _)| (f, t, alt))
            .collect();
        let want: Vec<(String, String, bool)> = want_edges
            .iter()
            .map(|(f, t, a)| ((*f).to_owned(), (*t).to_owned(), *a))
            .collect();
        assert_eq!(got, want, "edges for {selection:?}");
        let labels: Vec<&str> = c.nodes.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(labels, *want_nodes, "nodes for {selection:?}");
        let compared = c.nodes.iter().filter(|n| n.compared).count();
        assert_eq!(compared, selection.len());
        assert_sane_layout(&c);
    }
}

#[test]
fn selection_order_and_bad_indices_do_not_matter() {
    let d = data::bundled();
    let plain = chart::build(&d, &[0, 1, 2]);
    assert_eq!(chart::build(&d, &[2, 0, 1, 1, 99]), plain);
    assert_eq!(plain.roles, [0, 1, 2]);
    assert!(chart::build(&d, &[99]).nodes.is_empty());
    assert_eq!(
        chart::describe(&chart::build(&d, &[]), &d),
        ["No reporting line is recorded."]
    );
}

#[test]
fn a_cycle_terminates_with_a_finite_layout() {
    // CIO reports to CISO and CISO reports to CIO: no node has level 0 before renumbering.
    let d = with_reporting(vec![
        claim("a-to-b", &["cio"], &["CISO"]),
        claim("b-to-a", &["ciso"], &["CIO"]),
    ]);
    let c = chart::build(&d, &[0, 1]);
    assert_eq!(c.nodes.len(), 2);
    assert_eq!(c.edges.len(), 2);
    assert!(c.nodes.iter().all(|n| n.level < 2), "{:?}", c.nodes);
    assert_sane_layout(&c);
    // The two opposite lines are drawn apart, not on top of each other.
    assert_ne!(c.edges[0].points[0], c.edges[1].points[1]);
    assert_eq!(chart::describe(&c, &d).len(), 2);

    // A longer cycle through every role, plus a self-loop and a tail to an outside target.
    let d = with_reporting(vec![
        claim("x", &["cio"], &["ciso", "cio"]),
        claim("y", &["ciso"], &["CSO"]),
        claim("z", &["cso"], &["cio", "Board"]),
    ]);
    let c = chart::build(&d, &[0, 1, 2]);
    let labels: Vec<&str> = c.nodes.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(labels, ["CIO", "CISO", "CSO", "Board"]);
    assert!(c.edges.iter().all(|e| e.from != e.to), "self-loop kept");
    assert_eq!(c.edges.len(), 4);
    let cap = u32::try_from(c.nodes.len()).unwrap();
    assert!(c.nodes.iter().all(|n| n.level < cap));
    assert_eq!(level(&c, "Board"), 0);
    assert_sane_layout(&c);
}

#[test]
fn targets_match_role_abbreviations_and_each_other_ignoring_case() {
    let d = with_reporting(vec![
        claim("one", &["ciso", "cso"], &[" cio ", "Board of Directors"]),
        claim("two", &["ciso"], &["board of directors", ""]),
    ]);
    let c = chart::build(&d, &roles(&d, &["ciso", "cso"]));
    let labels: Vec<&str> = c.nodes.iter().map(|n| n.label.as_str()).collect();
    // " cio " is the CIO role (labelled with its abbr); the board is one node, spelt as first seen.
    assert_eq!(labels, ["CISO", "CSO", "CIO", "Board of Directors"]);
    assert_eq!(c.nodes[2].role, Some(role(&d, "cio")));
    assert!(!c.nodes[2].compared);
    let want = expect(&[
        ("CISO", "CIO", true, &["one"]),
        ("CISO", "Board of Directors", true, &["one", "two"]),
        ("CSO", "CIO", true, &["one"]),
        ("CSO", "Board of Directors", true, &["one"]),
    ]);
    assert_eq!(edges(&d, &c), want);
    let board = &c.nodes[3];
    let cio = &c.nodes[2];
    assert!(board.width > cio.width, "long labels get wider boxes");
    assert_sane_layout(&c);
}

#[test]
fn no_reporting_claims_give_an_empty_chart() {
    let d = with_reporting(Vec::new());
    let c = chart::build(&d, &[0, 1, 2]);
    assert!(c.is_empty());
    assert!(c.nodes.is_empty() && c.edges.is_empty());
    assert_eq!((c.width, c.height), (0, 0));
    assert_eq!(
        chart::describe(&c, &d),
        ["No reporting line is recorded for CIO, CISO or CSO."]
    );
}

#[test]
fn a_role_without_reporting_claims_is_a_box_without_lines() {
    let mut d = data::bundled();
    d.claims
        .retain(|c| !(c.facet == REPORTING && c.roles.iter().any(|r| r == "cso")));
    d.conflicts.retain(|k| k.facet != REPORTING);
    let c = chart::build(&d, &[0, 1, 2]);
    let cso = c.node("CSO").expect("the CSO is still drawn");
    assert!(c.nodes[cso].compared);
    assert_eq!(c.edges_from(cso).count(), 0);
    assert_eq!(
        c.nodes[cso].level, 0,
        "a node with no lines sits on the top row"
    );
    let text = chart::describe(&c, &d);
    assert_eq!(text.len(), 3);
    assert_eq!(text[2], "No reporting line is recorded for CSO.");
    assert_sane_layout(&c);
}

#[test]
fn the_text_alternative_names_every_line_its_sources_and_the_conflicts() {
    let d = data::bundled();
    let c = chart::build(&d, &[0, 1, 2]);
    let text = chart::describe(&c, &d);
    // Source numbers are positions in `sources`: a0 = [1], a2 = [3], a3 = [4]. The conflicts'
    // sources: cio-reports-to (a0, a3) and cso-reports-to (a2, a0) both list the CIO;
    // ciso-reports-to cites a2 and a3; cso-reports-to is the CSO's.
    assert_eq!(
        text,
        [
            "CIO reports to the CEO or the COO (sources: [1], [4]). \
             Sources disagree on this: see [1], [3], [4].",
            "CISO reports to the CIO, the CTO or the CEO (sources: [3], [4]). \
             Sources disagree on this: see [3], [4].",
            "CSO reports to the CIO (source: [3]). Sources disagree on this: see [1], [3].",
        ]
    );
    assert!(
        text[1].contains("Sources disagree"),
        "the CISO conflict is mentioned"
    );

    // Without conflicts nothing is said about disagreement.
    let mut quiet = d.clone();
    quiet.conflicts.clear();
    let text = chart::describe(&chart::build(&quiet, &[2]), &quiet);
    assert_eq!(text, ["CSO reports to the CIO (source: [3])."]);

    // A conflict with no roles concerns every role.
    let mut general = quiet.clone();
    general.conflicts.push(Conflict {
        id: "general".to_owned(),
        title: "Who reports to whom?".to_owned(),
        facet: REPORTING.to_owned(),
        topic: "reports-to".to_owned(),
        roles: Vec::new(),
        sides: vec![ConflictSide {
            text: "One side.".to_owned(),
            sources: vec![Citation {
                source: "a4".to_owned(),
                at: None,
            }],
            claims: Vec::new(),
        }],
    });
    let text = chart::describe(&chart::build(&general, &[2]), &general);
    assert_eq!(
        text,
        ["CSO reports to the CIO (source: [3]). Sources disagree on this: see [5]."]
    );
}

/// Renders `OrgChart` for the dataset `make` builds and the roles at `selection`. The renderer
/// wants a `Send` closure, so the `Rc` props are built inside it.
fn render(make: fn() -> Dataset, selection: Vec<usize>, prefix: &'static str) -> String {
    let renderer = ServerRenderer::<OrgChart>::with_props(move || {
        let dataset = Rc::new(make());
        let chart = Rc::new(chart::build(&dataset, &selection));
        OrgChartProps {
            dataset: dataset.into(),
            chart: chart.into(),
            id_prefix: prefix.into(),
            heading_level: 2,
        }
    })
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

#[test]
fn org_chart_renders_an_accessible_svg_and_its_text() {
    let d = data::bundled();
    let c = chart::build(&d, &[0, 1, 2]);
    let html = render(data::bundled, vec![0, 1, 2], "w1");
    let figure = &html[..html.find('>').expect("an element")];
    assert!(figure.starts_with("<figure"), "{html:.300}");
    assert!(figure.contains(r#"class="rc-chart""#) && figure.contains(r#"part="chart""#));
    assert!(html.contains(r#"role="img""#));
    assert!(html.contains(r#"aria-labelledby="w1-chart-title""#));
    assert!(html.contains(r#"id="w1-chart-title""#));
    assert!(html.contains(r#"aria-describedby="w1-chart-text""#));
    assert!(html.contains(&format!(r#"viewBox="0 0 {} {}""#, c.width, c.height)));
    assert!(html.contains(r#"marker-end="url(#w1-chart-arrow)""#));
    assert_eq!(html.matches("<rect").count(), c.nodes.len());
    assert_eq!(html.matches("<polyline").count(), c.edges.len());
    let dashed = c.edges.iter().filter(|e| e.alternative).count();
    assert_eq!(html.matches("stroke-dasharray").count(), dashed);
    assert!(!html.contains("style="), "no inline styles");
    let caption = &html[html.find("<figcaption").expect("a figcaption")..];
    assert!(caption.contains("Reporting lines"));
    assert_eq!(caption.matches("<li>").count(), c.roles.len());
    assert!(caption.contains("CISO reports to the CIO, the CTO or the CEO"));
}

#[test]
fn org_chart_escapes_dataset_text_and_skips_the_svg_when_empty() {
    let html = render(
        || with_reporting(vec![claim("x", &["cio"], &["<b>Board</b>"])]),
        vec![0],
        "w2",
    );
    assert!(!html.contains("<b>"), "dataset text rendered as markup");
    assert!(html.contains("&lt;b&gt;Board"));

    let html = render(|| with_reporting(Vec::new()), vec![0, 1, 2], "w3");
    assert!(!html.contains("<svg"));
    assert!(html.contains("No reporting line is recorded for CIO, CISO or CSO."));
}

#[test]
fn the_chart_module_knows_nothing_of_yew_or_the_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let words = |rel: &str| -> Vec<String> {
        let text = std::fs::read_to_string(root.join(rel)).unwrap();
        assert!(text.starts_with("//!"), "src/{rel} opens without a //! doc");
        text.lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .flat_map(|l| {
                l.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let chart = words("core/chart.rs");
    for ident in ["yew", "Html", "web_sys", "js_sys", "wasm_bindgen", "gloo"] {
        assert!(
            !chart.iter().any(|w| w == ident),
            "src/core/chart.rs names {ident}"
        );
    }
    let view = words("view/orgchart.rs");
    for ident in [
        "web_sys",
        "js_sys",
        "wasm_bindgen",
        "gloo",
        "from_html_unchecked",
    ] {
        assert!(
            !view.iter().any(|w| w == ident),
            "src/view/orgchart.rs names {ident}"
        );
    }
}

/// Whether the edges form no cycle (repeatedly strip nodes with no outgoing edge).
fn acyclic(c: &Chart) -> bool {
    let mut left: Vec<usize> = (0..c.nodes.len()).collect();
    loop {
        let before = left.len();
        let keep: Vec<usize> = left
            .iter()
            .copied()
            .filter(|&n| c.edges.iter().any(|e| e.from == n && left.contains(&e.to)))
            .collect();
        left = keep;
        if left.is_empty() {
            return true;
        }
        if left.len() == before {
            return false;
        }
    }
}

#[test]
fn generated_datasets_always_give_a_sane_chart() {
    // A small deterministic generator (no extra dependency): many random mixes of reporting
    // claims over the three roles, with targets drawn from role abbreviations in any case,
    // outside titles, blanks and self-references, cycles included.
    let pool = [
        "CIO",
        "ciso",
        "Cso",
        "CEO",
        "COO",
        "Board of Directors",
        "",
        "cto",
        "CTO",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        usize::try_from(seed % u64::try_from(n).unwrap()).unwrap()
    };
    let ids = ["cio", "ciso", "cso"];
    let (mut cyclic, mut total) = (0, 0);
    for round in 0..300 {
        let mut claims = Vec::new();
        for k in 0..next(7) {
            let who: Vec<&str> = ids.iter().copied().filter(|_| next(2) == 0).collect();
            let whom: Vec<&str> = (0..next(4)).map(|_| pool[next(pool.len())]).collect();
            claims.push(claim(&format!("g{round}-{k}"), &who, &whom));
        }
        let d = with_reporting(claims);
        let selection: Vec<usize> = (0..3).filter(|_| next(3) != 0).collect();
        let c = chart::build(&d, &selection);
        assert_sane_layout(&c);
        let sentences = chart::describe(&c, &d);
        assert!(!sentences.is_empty());
        if c.is_empty() {
            assert!(c.nodes.is_empty());
            continue;
        }
        total += 1;
        assert_eq!(sentences.len(), c.roles.len());
        for (i, n) in c.nodes.iter().enumerate() {
            let targets: Vec<u32> = c.edges_from(i).map(|e| c.nodes[e.to].level).collect();
            if targets.is_empty() {
                assert_eq!(
                    n.level, 0,
                    "{} has no line but is not on the top row",
                    n.label
                );
            } else if acyclic(&c) {
                assert_eq!(
                    n.level,
                    1 + targets.iter().max().unwrap(),
                    "level of {}",
                    n.label
                );
            }
        }
        if !acyclic(&c) {
            cyclic += 1;
        }
    }
    assert!(
        cyclic > 10 && total > 100,
        "the generator covers cycles ({cyclic}) and charts ({total})"
    );
}
