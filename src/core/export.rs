//! Export of the current view — what `compare` returned for the reader's filters — as CSV,
//! JSON and Markdown text, plus a safe download file name.
//!
//! Pure Rust, tested natively: this module must know nothing of yew, the DOM or serde_json.
//! serde_json must stay out of the wasm build, so the JSON is a tree of the crate's one JSON
//! value type ([`crate::json::Value`]) written by its own writer. Every dataset string is treated as untrusted data (a host page may supply
//! the dataset): CSV fields are guarded against formula injection, Markdown special characters
//! are backslash-escaped so data can neither break a table nor become raw HTML.
//!
//! The `Comparison` passed in must come from `compare` over the same dataset; indices that do
//! not resolve are skipped rather than panicking.

use crate::attrs::StateObject;
use crate::compare::{Cell, Comparison, Row, Status};
use crate::json::{self, Value as J};
use crate::model::{Citation, Claim, Dataset, SourceKind};
use crate::state::Filters;
use std::fmt::Write as _;

/// How an empty cell (a gap) is written in CSV and Markdown.
pub const GAP: &str = "Not stated in the sources";
/// How a role's cell is written when all it has on the row is in the shared statements.
pub const IN_SHARED: &str = "See the shared statements";

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

/// One visible row, resolved against the dataset.
struct Line<'a> {
    section: &'a str,
    section_id: &'a str,
    topic: &'a str,
    topic_id: &'a str,
    row: &'a Row,
}

/// Every visible row in display order, with its facet and topic labels.
fn lines<'a>(d: &'a Dataset, c: &'a Comparison) -> impl Iterator<Item = (usize, Line<'a>)> + 'a {
    c.groups.iter().flat_map(move |g| {
        g.rows.iter().filter_map(move |row| {
            let facet = d.facets.get(g.facet)?;
            let topic = facet.topics.get(row.topic)?;
            Some((
                g.facet,
                Line {
                    section: &facet.label,
                    section_id: &facet.id,
                    topic: &topic.label,
                    topic_id: &topic.id,
                    row,
                },
            ))
        })
    })
}

/// The compared roles' abbreviations, in column order.
fn column_abbrs<'a>(d: &'a Dataset, c: &Comparison) -> Vec<&'a str> {
    c.columns
        .iter()
        .map(|&ri| d.roles.get(ri).map_or("?", |r| r.abbr.as_str()))
        .collect()
}

/// The row status in words: `Shared`, `Differs` or `Only CISO`.
fn status_label(d: &Dataset, c: &Comparison, status: Status) -> String {
    match status {
        Status::Shared => "Shared".to_owned(),
        Status::Differs => "Differs".to_owned(),
        Status::Only(col) => {
            let abbr = c
                .columns
                .get(col)
                .and_then(|&ri| d.roles.get(ri))
                .map_or("?", |r| r.abbr.as_str());
            format!("Only {abbr}")
        }
    }
}

/// Citation markers ` [1] [3]`: one per distinct source, in citation order; `[?]` for an
/// unknown source id.
fn markers(d: &Dataset, cites: &[Citation]) -> String {
    let mut seen: Vec<Option<usize>> = Vec::new();
    let mut out = String::new();
    for cite in cites {
        let n = d.source_number(&cite.source);
        if seen.contains(&n) {
            continue;
        }
        seen.push(n);
        match n {
            Some(n) => {
                let _ = write!(out, " [{n}]");
            }
            None => out.push_str(" [?]"),
        }
    }
    out
}

/// The claims of a cell, resolved; empty for a gap.
fn cell_claims<'a>(d: &'a Dataset, cell: &Cell) -> Vec<&'a Claim> {
    match cell {
        Cell::Claims(ids) => ids.iter().filter_map(|&i| d.claims.get(i)).collect(),
        Cell::InShared | Cell::Gap => Vec::new(),
    }
}

/// A cell's text: its statements with citation markers joined by `sep` (each made safe by
/// `escape`), or the gap or shared note.
fn cell_text(d: &Dataset, cell: &Cell, escape: fn(&str) -> String, sep: &str) -> String {
    match cell {
        Cell::Gap => GAP.to_owned(),
        Cell::InShared => IN_SHARED.to_owned(),
        Cell::Claims(_) => cell_claims(d, cell)
            .iter()
            .map(|cl| format!("{}{}", escape(&cl.text), markers(d, &cl.sources)))
            .collect::<Vec<_>>()
            .join(sep),
    }
}

/// The row's shared statements, once each, as `CIO and CISO: text [1]` joined by `sep`.
fn shared_text(
    d: &Dataset,
    c: &Comparison,
    row: &Row,
    escape: fn(&str) -> String,
    sep: &str,
) -> String {
    row.shared
        .iter()
        .flat_map(|g| {
            let abbrs: Vec<&str> = g
                .columns
                .iter()
                .filter_map(|&col| c.columns.get(col).and_then(|&ri| d.roles.get(ri)))
                .map(|r| r.abbr.as_str())
                .collect();
            let who = and_list(&abbrs);
            g.claims
                .iter()
                .filter_map(|&ci| d.claims.get(ci))
                .map(move |cl| {
                    format!(
                        "{}: {}{}",
                        escape(&who),
                        escape(&cl.text),
                        markers(d, &cl.sources)
                    )
                })
        })
        .collect::<Vec<_>>()
        .join(sep)
}

pub use crate::model::and_list;

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

/// One CSV field, RFC 4180 style, guarded against formula injection.
///
/// A field starting with `=`, `+`, `-`, `@`, tab or CR gets a leading apostrophe so a
/// spreadsheet shows it as text instead of evaluating it. A field containing a comma, a double
/// quote, CR or LF is wrapped in double quotes, with inner quotes doubled.
pub fn csv_escape(field: &str) -> String {
    let guard = matches!(
        field.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    );
    let needs_quotes = field.contains([',', '"', '\r', '\n']);
    let mut out = String::with_capacity(field.len() + 4);
    if needs_quotes {
        out.push('"');
    }
    if guard {
        out.push('\'');
    }
    if needs_quotes {
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
    out
}

/// Appends one CSV record (escaped fields, CRLF end).
fn csv_record<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_escape(f.as_ref()));
    }
    out.push_str("\r\n");
}

/// The current view as RFC 4180 CSV (CRLF line ends).
///
/// Layout: a header `Section,Topic,Status,<role abbrs>…,Sources disagree`; one record per
/// visible row (claims joined with ` | `, each followed by ` [n]` citation markers where `n` is
/// the source's 1-based position in `d.sources`; a gap as [`GAP`]); a blank line; a
/// `n,Title,Author/Publisher,Kind` header and one record per source; and a last record
/// `Dataset version,<version>,last reviewed,<date>`.
pub fn to_csv(d: &Dataset, c: &Comparison) -> String {
    let mut out = String::new();
    let mut header: Vec<&str> = vec!["Section", "Topic", "Status"];
    header.extend(column_abbrs(d, c));
    header.push("Shared by several roles");
    header.push("Sources disagree");
    csv_record(&mut out, &header);

    for (_, line) in lines(d, c) {
        let mut fields: Vec<String> = vec![
            line.section.to_owned(),
            line.topic.to_owned(),
            status_label(d, c, line.row.status),
        ];
        for cell in &line.row.cells {
            fields.push(cell_text(d, cell, str::to_owned, " | "));
        }
        fields.push(shared_text(d, c, line.row, str::to_owned, " | "));
        fields.push(
            line.row
                .conflicts
                .iter()
                .filter_map(|&k| d.conflicts.get(k))
                .map(|k| k.title.as_str())
                .collect::<Vec<_>>()
                .join(" | "),
        );
        csv_record(&mut out, &fields);
    }

    out.push_str("\r\n");
    csv_record(&mut out, &["n", "Title", "Author/Publisher", "Kind"]);
    for (i, s) in d.sources.iter().enumerate() {
        let kind = match s.kind {
            SourceKind::Article => "Article",
            SourceKind::IssuingBody => "Issuing body",
        };
        csv_record(
            &mut out,
            &[
                (i + 1).to_string(),
                s.title.clone(),
                s.byline(),
                kind.to_owned(),
            ],
        );
    }
    csv_record(
        &mut out,
        &[
            "Dataset version",
            &d.version,
            "last reviewed",
            &d.last_reviewed,
        ],
    );
    out
}

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

/// A JSON string literal (with its quotes), escaped per RFC 8259 ([`json::push_string`]).
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    json::push_string(&mut out, s);
    out
}

fn js(s: &str) -> J<'_> {
    J::str(s)
}

fn jopt(s: Option<&str>) -> J<'_> {
    J::opt(s)
}

fn num(n: usize) -> J<'static> {
    J::Number(n.to_string().into())
}

/// Citations as JSON: source id, its 1-based number, its title and the locator.
fn j_citations<'a>(d: &'a Dataset, cites: &'a [Citation]) -> J<'a> {
    J::Array(
        cites
            .iter()
            .map(|cite| {
                let n = d.source_number(&cite.source);
                J::obj(vec![
                    ("source", js(&cite.source)),
                    ("n", n.map_or(J::Null, num)),
                    (
                        "title",
                        jopt(d.source(&cite.source).map(|s| s.title.as_str())),
                    ),
                    ("at", jopt(cite.at.as_deref())),
                ])
            })
            .collect(),
    )
}

/// The claims at `ids` (indices into `d.claims`) as `[{id, text, sources}]`.
fn j_claims<'a>(d: &'a Dataset, ids: &[usize]) -> J<'a> {
    J::Array(
        ids.iter()
            .filter_map(|&ci| d.claims.get(ci))
            .map(|cl| {
                J::obj(vec![
                    ("id", js(&cl.id)),
                    ("text", js(&cl.text)),
                    ("sources", j_citations(d, &cl.sources)),
                ])
            })
            .collect(),
    )
}

fn j_strings(items: &[String]) -> J<'_> {
    J::Array(items.iter().map(|s| js(s)).collect())
}

/// The current view as JSON (pretty-printed, two-space indent, trailing newline).
///
/// Shape: `{ "dataset": {version, last_reviewed}, "filters": <the element's state object:
/// roles, facets, mode, search, dutyTopic, issuer, suits, target, detail>, "columns": [{id, abbr, name}], "rows": [{section,
/// section_id, topic, topic_id, status, only, cells, conflicts}], "sources": [{n, id, title,
/// author, publisher, kind}] }`. `status` is `"shared"`, `"differs"` or `"only"`; `only` is
/// the role id when the status is `"only"`, else `null`. A cell is `{role, claims: [{id, text,
/// sources: [{source, n, title, at}]}]}` or `{role, gap: true}`. Absent optional strings are
/// `null`.
pub fn to_json(d: &Dataset, c: &Comparison, f: &Filters) -> String {
    let role_id = |col: usize| {
        c.columns
            .get(col)
            .and_then(|&ri| d.roles.get(ri))
            .map_or("", |r| r.id.as_str())
    };

    let dataset = J::obj(vec![
        ("version", js(&d.version)),
        ("last_reviewed", js(&d.last_reviewed)),
    ]);
    // The filters in the one spelling they have wherever they leave the crate: the `state`
    // object's (camelCase, every compared role and shown section listed).
    let state = StateObject::shown(f, d);
    let filters = J::obj(vec![
        ("roles", j_strings(&state.roles)),
        ("facets", j_strings(&state.facets)),
        ("mode", js(&state.mode)),
        ("search", js(&state.search)),
        ("dutyTopic", jopt(state.duty_topic.as_deref())),
        ("issuer", jopt(state.issuer.as_deref())),
        ("suits", jopt(state.suits.as_deref())),
        ("target", jopt(state.target.as_deref())),
        ("detail", js(&state.detail)),
    ]);
    let columns = J::Array(
        c.columns
            .iter()
            .filter_map(|&ri| d.roles.get(ri))
            .map(|r| {
                J::obj(vec![
                    ("id", js(&r.id)),
                    ("abbr", js(&r.abbr)),
                    ("name", js(&r.name)),
                ])
            })
            .collect(),
    );
    let rows = J::Array(
        lines(d, c)
            .map(|(_, line)| {
                let row = line.row;
                let (status, only) = match row.status {
                    Status::Shared => ("shared", J::Null),
                    Status::Differs => ("differs", J::Null),
                    Status::Only(col) => ("only", js(role_id(col))),
                };
                let cells = row
                    .cells
                    .iter()
                    .enumerate()
                    .map(|(col, cell)| {
                        let role = ("role", js(role_id(col)));
                        match cell {
                            Cell::Gap => J::obj(vec![role, ("gap", J::Bool(true))]),
                            Cell::InShared => J::obj(vec![role, ("in_shared", J::Bool(true))]),
                            Cell::Claims(ids) => J::obj(vec![role, ("claims", j_claims(d, ids))]),
                        }
                    })
                    .collect();
                let shared = row
                    .shared
                    .iter()
                    .map(|g| {
                        J::obj(vec![
                            (
                                "roles",
                                J::Array(g.columns.iter().map(|&col| js(role_id(col))).collect()),
                            ),
                            ("claims", j_claims(d, &g.claims)),
                        ])
                    })
                    .collect();
                let conflicts = row
                    .conflicts
                    .iter()
                    .filter_map(|&k| d.conflicts.get(k))
                    .map(|k| {
                        J::obj(vec![
                            ("id", js(&k.id)),
                            ("title", js(&k.title)),
                            (
                                "sides",
                                J::Array(
                                    k.sides
                                        .iter()
                                        .map(|side| {
                                            J::obj(vec![
                                                ("text", js(&side.text)),
                                                ("sources", j_citations(d, &side.sources)),
                                            ])
                                        })
                                        .collect(),
                                ),
                            ),
                        ])
                    })
                    .collect();
                J::obj(vec![
                    ("section", js(line.section)),
                    ("section_id", js(line.section_id)),
                    ("topic", js(line.topic)),
                    ("topic_id", js(line.topic_id)),
                    ("status", js(status)),
                    ("only", only),
                    ("cells", J::Array(cells)),
                    ("shared", J::Array(shared)),
                    ("conflicts", J::Array(conflicts)),
                ])
            })
            .collect(),
    );
    let sources = J::Array(
        d.sources
            .iter()
            .enumerate()
            .map(|(i, s)| {
                J::obj(vec![
                    ("n", num(i + 1)),
                    ("id", js(&s.id)),
                    ("title", js(&s.title)),
                    ("author", jopt(s.author.as_deref())),
                    ("publisher", jopt(s.publisher.as_deref())),
                    (
                        "kind",
                        js(match s.kind {
                            SourceKind::Article => "article",
                            SourceKind::IssuingBody => "issuing-body",
                        }),
                    ),
                ])
            })
            .collect(),
    );

    let root = J::obj(vec![
        ("dataset", dataset),
        ("filters", filters),
        ("columns", columns),
        ("rows", rows),
        ("sources", sources),
    ]);
    let mut out = root.to_pretty();
    out.push('\n');
    out
}

// ---------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------

/// Dataset text made inert for a Markdown table cell or list item.
///
/// Newlines (and other control characters, U+2028, U+2029) become spaces; `\`, `|`, `*`, `_`,
/// `` ` ``, `[`, `]`, `<`, `>` and `~` are backslash-escaped; a leading `#` is escaped; an `&`
/// that could start an entity reference (`&` + letter, digit or `#`) is escaped. The result can
/// neither break a table row nor become raw HTML, a link or emphasis.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut at_start = true;
    let mut chars = s.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '~' => {
                out.push('\\');
                out.push(ch);
            }
            '#' if at_start => out.push_str("\\#"),
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            '\u{2028}' | '\u{2029}' => out.push(' '),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
        if !ch.is_whitespace() {
            at_start = false;
        }
    }
    out
}

/// The current view as Markdown: no headings and no raw HTML.
///
/// For each visible facet: a bold label line, then a table `| Topic | Status | <roles>… |`
/// whose cells hold the claims separated by ` • `, each followed by `[n]` citation markers (a
/// gap as [`GAP`]), then — if any row of the facet has them — a bullet list
/// `- Sources disagree: <title>: <side> [n]; <side> [n]`. Then a bold **Sources** line with a
/// numbered list `n. Title — Author, Publisher (issuing body)` (the suffix only when the
/// title does not already say it) and a last line with the dataset
/// version and last-reviewed date.
pub fn to_markdown(d: &Dataset, c: &Comparison) -> String {
    let abbrs = column_abbrs(d, c);
    let mut out = String::new();

    let mut current: Option<usize> = None;
    let mut disagreements: Vec<String> = Vec::new();
    let flush = |out: &mut String, disagreements: &mut Vec<String>| {
        if !disagreements.is_empty() {
            out.push('\n');
            for item in disagreements.drain(..) {
                out.push_str(&item);
                out.push('\n');
            }
        }
    };

    for (fi, line) in lines(d, c) {
        if current != Some(fi) {
            if current.is_some() {
                flush(&mut out, &mut disagreements);
                out.push('\n');
            }
            current = Some(fi);
            let _ = writeln!(out, "**{}**\n", md(line.section));
            out.push_str("| Topic | Status |");
            for abbr in &abbrs {
                let _ = write!(out, " {} |", md(abbr));
            }
            out.push_str(" Shared |\n| --- | --- |");
            for _ in &abbrs {
                out.push_str(" --- |");
            }
            out.push_str(" --- |\n");
        }
        let row = line.row;
        let _ = write!(
            out,
            "| {} | {} |",
            md(line.topic),
            md(&status_label(d, c, row.status))
        );
        for cell in &row.cells {
            let _ = write!(out, " {} |", cell_text(d, cell, md, " • "));
        }
        let _ = writeln!(out, " {} |", shared_text(d, c, row, md, " • "));
        for k in row.conflicts.iter().filter_map(|&k| d.conflicts.get(k)) {
            let sides = k
                .sides
                .iter()
                .map(|side| format!("{}{}", md(&side.text), markers(d, &side.sources)))
                .collect::<Vec<_>>()
                .join("; ");
            disagreements.push(format!("- Sources disagree: {}: {sides}", md(&k.title)));
        }
    }
    if current.is_some() {
        flush(&mut out, &mut disagreements);
    } else {
        out.push_str("No statements match the current filters.\n");
    }

    out.push_str("\n**Sources**\n\n");
    for (i, s) in d.sources.iter().enumerate() {
        let _ = write!(out, "{}. {}", i + 1, md(&s.title));
        let by = s.byline();
        if !by.is_empty() {
            let _ = write!(out, " — {}", md(&by));
        }
        // The suffix is left out when the title already says so, as the bundled ones do.
        if s.kind == SourceKind::IssuingBody
            && !s.title.to_ascii_lowercase().contains("issuing body")
        {
            out.push_str(" (issuing body)");
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "\nDataset version {}, last reviewed {}.",
        md(&d.version),
        md(&d.last_reviewed)
    );
    out
}

// ---------------------------------------------------------------------------------------------
// File name
// ---------------------------------------------------------------------------------------------

/// A download file name such as `role-compare-1.0.0.csv`.
///
/// The version keeps only `A–Z a–z 0–9 . -` (anything else becomes `-`, and leading or trailing
/// dots and dashes are dropped); the extension keeps only ASCII letters and digits (a leading
/// dot is allowed and ignored). An empty version gives `role-compare.<ext>`.
pub fn file_name(d: &Dataset, ext: &str) -> String {
    file_name_for(d, ext, "")
}

/// Like [`file_name`], with the element's `id` (kept to the same safe characters) after
/// `role-compare`, so two widgets on one page save two files: `role-compare-intro-1.1.0.csv`.
pub fn file_name_for(d: &Dataset, ext: &str, element_id: &str) -> String {
    let safe = |s: &str| -> String {
        let kept: String = s
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        kept.trim_matches(|c| c == '.' || c == '-').to_owned()
    };
    let version = safe(&d.version);
    let id = safe(element_id);
    let ext: String = ext.chars().filter(char::is_ascii_alphanumeric).collect();
    let mut name = String::from("role-compare");
    if !id.is_empty() {
        name.push('-');
        name.push_str(&id);
    }
    if !version.is_empty() {
        name.push('-');
        name.push_str(&version);
    }
    if !ext.is_empty() {
        name.push('.');
        name.push_str(&ext);
    }
    name
}
