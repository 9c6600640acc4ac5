//! Prints the widget's default comparison as one plain HTML `<table>` (one row a topic, one
//! column a role, plus section, status and shared statements) followed by the numbered sources:
//! what a page author without the widget would paste and make filterable with a table plugin.
//! `cargo xtask bench` builds its DataTables peer page (`www/bench/datatables.html`) from it, so
//! the peer shows the same rows, statements and citation numbers as the widget.
//!
//! Run by hand: `cargo run --example plain_table > table.html`

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use role_compare::compare::{compare, Cell, Status};
    use role_compare::{
        data,
        model::Citation,
        state::{Filters, Mode},
    };
    use std::fmt::Write as _;

    // Dataset text is untrusted in general: escape everything that reaches the markup.
    fn esc(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    }
    let d = data::bundled();
    let c = compare(&d, &Filters::default());
    // The rows the widget shows in each "Show" mode, as `facet-topic` keys: the table carries
    // them in a hidden column, which the peer page's radios search.
    let shown_in = |mode: Mode| {
        let f = Filters {
            mode,
            ..Filters::default()
        };
        let c = compare(&d, &f);
        c.rows()
            .map(|(fi, row)| {
                let facet = &d.facets[fi];
                format!("{}-{}", facet.id, facet.topics[row.topic].id)
            })
            .collect::<Vec<_>>()
    };
    let (differences, shared) = (shown_in(Mode::Differences), shown_in(Mode::Shared));
    let marks = |cites: &[Citation]| {
        let mut seen = Vec::new();
        for n in cites.iter().filter_map(|x| d.source_number(&x.source)) {
            if !seen.contains(&n) {
                seen.push(n);
            }
        }
        seen.iter()
            .map(|n| format!(" <sup>[{n}]</sup>"))
            .collect::<String>()
    };
    let statements = |ids: &[usize]| {
        ids.iter()
            .map(|&i| {
                let cl = &d.claims[i];
                format!("<p>{}{}</p>", esc(&cl.text), marks(&cl.sources))
            })
            .collect::<String>()
    };
    let abbr = |col: usize| esc(&d.roles[c.columns[col]].abbr);

    let mut out = String::new();
    out.push_str("<table id=\"dt\" class=\"display\"><thead><tr><th>Section</th><th>Topic</th><th>Status</th>");
    for col in 0..c.columns.len() {
        let _ = write!(out, "<th>{}</th>", abbr(col));
    }
    out.push_str("<th>Shared by several roles</th><th>Shown in</th></tr></thead><tbody>");
    for (fi, row) in c.rows() {
        let facet = &d.facets[fi];
        let topic = &facet.topics[row.topic];
        let status = match row.status {
            Status::Shared => "Shared".to_owned(),
            Status::Differs => "Differs".to_owned(),
            Status::Only(col) => format!("Only {}", abbr(col)),
        };
        let key = format!("{}-{}", facet.id, topic.id);
        let modes = ["all"]
            .into_iter()
            .chain(differences.contains(&key).then_some("differences"))
            .chain(shared.contains(&key).then_some("shared"))
            .collect::<Vec<_>>()
            .join(" ");
        let _ = write!(
            out,
            "<tr class=\"rc-row-data\" data-row=\"{}\"><td>{}</td><td>{}</td><td>{status}</td>",
            esc(&key),
            esc(&facet.label),
            esc(&topic.label)
        );
        for cell in &row.cells {
            out.push_str("<td>");
            match cell {
                Cell::Claims(ids) => out.push_str(&statements(ids)),
                Cell::InShared => out.push_str("See the shared statements"),
                Cell::Gap => out.push_str("Not stated in the sources"),
            }
            out.push_str("</td>");
        }
        out.push_str("<td>");
        for group in &row.shared {
            let who: Vec<String> = group.columns.iter().map(|&col| abbr(col)).collect();
            let _ = write!(
                out,
                "<p><b>{}:</b></p>{}",
                who.join(", "),
                statements(&group.claims)
            );
        }
        let _ = write!(out, "</td><td>{modes}</td></tr>");
    }
    out.push_str("</tbody></table><h2>Sources</h2><ol>");
    for s in &d.sources {
        let by = s.byline();
        let _ = write!(out, "<li>{}", esc(&s.title));
        if !by.is_empty() {
            let _ = write!(out, " — {}", esc(&by));
        }
        out.push_str("</li>");
    }
    let _ = write!(
        out,
        "</ol><p>Dataset version {}, last reviewed {}.</p>",
        esc(&d.version),
        esc(&d.last_reviewed)
    );
    println!("{out}");
}

#[cfg(target_arch = "wasm32")]
fn main() {}
