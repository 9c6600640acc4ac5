//! The one validator every dataset goes through, bundled or supplied by a host page.
//!
//! It checks what the type system cannot: ids are unique, every reference resolves, every claim
//! has text and a source, topics belong to their facet, no role is empty. It reports every
//! problem it finds, each with the JSON path where it is (`claims[5].sources[0]: unknown source
//! "s9"`), so a page author can fix a whole file in one pass. Pure Rust: it must know nothing of
//! yew, the DOM or how errors are shown.

use crate::model::{Citation, Dataset, FORMAT, KEY_LINE_WORDS};
use std::collections::HashSet;
use std::fmt;

pub use crate::model::TAG_KEYS;

/// One problem in a dataset, at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    /// Where, as a JSON path (`roles[2].summary_sources[0]`); empty for the whole dataset.
    pub path: String,
    /// What is wrong, in one short sentence.
    pub message: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Where a value sits: the path of its parent and the rest (`claims[3]` and `.text`), joined
/// only when there is a problem to report (a dataset of 100,000 claims builds no path at all).
#[derive(Clone, Copy)]
struct At<'a>(&'a str, &'a str);

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)?;
        f.write_str(self.1)
    }
}

/// Collects errors while walking the dataset.
#[derive(Default)]
struct Report {
    errors: Vec<ValidationError>,
}

impl Report {
    fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(ValidationError {
            path: path.into(),
            message: message.into(),
        });
    }

    fn text(&mut self, path: At, value: &str) {
        if value.trim().is_empty() {
            self.push(path.to_string(), "must not be empty");
        }
    }

    fn id<'a>(&mut self, path: At, value: &'a str, seen: &mut HashSet<&'a str>) {
        let well_formed = value
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            && value
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !well_formed {
            self.push(
                path.to_string(),
                format!("id \"{value}\" must be lowercase letters, digits and dashes"),
            );
        } else if !seen.insert(value) {
            self.push(path.to_string(), format!("duplicate id \"{value}\""));
        }
    }

    fn citations(&mut self, path: At, cites: &[Citation], sources: &HashSet<&str>, min: usize) {
        if cites.len() < min {
            self.push(path.to_string(), "needs at least one source");
        }
        for (i, c) in cites.iter().enumerate() {
            if !sources.contains(c.source.as_str()) {
                self.push(
                    format!("{path}[{i}]"),
                    format!("unknown source \"{}\"", c.source),
                );
            }
            if let Some(at) = c.at.as_deref().filter(|at| at.trim().is_empty()) {
                self.text(At(&format!("{path}[{i}]"), ".at"), at);
            }
        }
    }

    fn role_refs(&mut self, path: At, ids: &[String], roles: &HashSet<&str>) {
        // A short list (every real one) is checked for repeats without a set of its own: the
        // set (and its hasher's seed) exists only for a list longer than 16.
        let mut once = (ids.len() > 16).then(HashSet::new);
        for (i, r) in ids.iter().enumerate() {
            let repeated = match once.as_mut() {
                Some(seen) => !seen.insert(r.as_str()),
                None => ids[..i].contains(r),
            };
            if !roles.contains(r.as_str()) {
                self.push(format!("{path}[{i}]"), format!("unknown role \"{r}\""));
            } else if repeated {
                self.push(format!("{path}[{i}]"), format!("role \"{r}\" listed twice"));
            }
        }
    }
}

/// The largest dataset the widget accepts. Past these it refuses the dataset with one clear
/// error instead of hanging the page; 50 roles × 2,000 claims each (100,000 claims) fit.
///
/// [`BYTES`], [`TEXT`] and [`ITEMS`] hold while the text is read (`data::parse_json`), before
/// anything large is built; the counts below are checked once it is read.
pub mod limits {
    /// Bytes of dataset JSON (UTF-8), for every way in: `src`, the `data` property (as
    /// `JSON.stringify` writes it) and an inline script. 64 MiB: 150,000 claims (the cap below)
    /// of some 300 bytes each fit, and the text plus what is read from it stays a few hundred
    /// MiB of wasm memory.
    pub const BYTES: usize = 64 * 1024 * 1024;
    /// Items in any one list (array or object) while reading: the largest count below.
    pub const ITEMS: usize = CLAIMS;
    /// JSON values in all (strings, numbers, literals, arrays, objects) while reading. Each is an
    /// allocation: 20 MB of tiny values (`[[1],[1],…]`, or role ids spread over many lists) would
    /// otherwise take over a second and gigabytes of memory to read. 2,000,000 take the reader
    /// about 130 ms in Chromium on this project's machine; the 50 roles × 2,000 claims dataset
    /// has 1,200,000 (12 a claim with one role and one citation).
    pub const VALUES: usize = 2_000_000;
    /// Roles (columns).
    pub const ROLES: usize = 64;
    /// Claims in all.
    pub const CLAIMS: usize = 150_000;
    /// Sources.
    pub const SOURCES: usize = 10_000;
    /// Facets.
    pub const FACETS: usize = 64;
    /// Topics in one facet.
    pub const TOPICS: usize = 2_000;
    /// Conflicts.
    pub const CONFLICTS: usize = 10_000;
    /// Key lines.
    pub const KEY_LINES: usize = 10_000;
    /// Characters in any one string: ids, names, abbreviations, summaries, labels, titles,
    /// notes, topics, claim texts, source fields, tag values and keys.
    pub const TEXT: usize = 10_000;
}

/// The first limit `d` exceeds, as an error; checked before anything else so an oversized
/// dataset costs no more than counting.
fn over_limits(d: &Dataset) -> Option<ValidationError> {
    let counts = [
        ("roles", d.roles.len(), limits::ROLES),
        ("claims", d.claims.len(), limits::CLAIMS),
        ("sources", d.sources.len(), limits::SOURCES),
        ("facets", d.facets.len(), limits::FACETS),
        ("conflicts", d.conflicts.len(), limits::CONFLICTS),
        ("key_lines", d.key_lines.len(), limits::KEY_LINES),
    ];
    let topics = d
        .facets
        .iter()
        .enumerate()
        .map(|(i, f)| (i, f.topics.len()))
        .find(|&(_, n)| n > limits::TOPICS);
    let long_text = long_string(d);
    if let Some((what, n, max)) = counts.into_iter().find(|&(_, n, max)| n > max) {
        return Some(ValidationError {
            path: what.into(),
            message: format!("too many: {n} (the widget accepts at most {max})"),
        });
    }
    if let Some((i, n)) = topics {
        return Some(ValidationError {
            path: format!("facets[{i}].topics"),
            message: format!(
                "too many: {n} (the widget accepts at most {})",
                limits::TOPICS
            ),
        });
    }
    long_text.map(|path| ValidationError {
        path,
        message: format!(
            "too long (the widget accepts at most {} characters)",
            limits::TEXT
        ),
    })
}

/// The path of the first string in `d` over [`limits::TEXT`] characters. In the browser every
/// dataset is read from JSON, and the reader (`data::parse_json`) stops at the first string
/// over the cap, whatever its field, so only claim texts are counted again here (the walk over
/// every field below costs 2.4 KB of gzip'd wasm for nothing).
#[cfg(target_arch = "wasm32")]
fn long_string(d: &Dataset) -> Option<String> {
    let long = |s: &str| s.len() > limits::TEXT && s.chars().count() > limits::TEXT;
    let i = d.claims.iter().position(|c| long(&c.text))?;
    Some(format!("claims[{i}].text"))
}

/// The path of the first string in `d` (in the format's order) over [`limits::TEXT`]
/// characters. Every string is counted: a dataset read from JSON never has one (the reader
/// stops first), but one built in Rust, natively, may. Paths are written only for the string
/// found.
#[cfg(not(target_arch = "wasm32"))]
fn long_string(d: &Dataset) -> Option<String> {
    // Characters are never more than bytes: count only what could be too long.
    fn long(s: &str) -> bool {
        s.len() > limits::TEXT && s.chars().count() > limits::TEXT
    }
    macro_rules! check {
        ($s:expr, $($path:tt)*) => {
            if long($s) {
                return Some(format!($($path)*));
            }
        };
    }
    fn cites(path: &dyn Fn() -> String, cites: &[Citation]) -> Option<String> {
        for (i, c) in cites.iter().enumerate() {
            check!(&c.source, "{}[{i}].source", path());
            check!(c.at.as_deref().unwrap_or(""), "{}[{i}].at", path());
        }
        None
    }
    fn list(path: &dyn Fn() -> String, items: &[String]) -> Option<String> {
        for (i, s) in items.iter().enumerate() {
            check!(s, "{}[{i}]", path());
        }
        None
    }
    check!(&d.version, "version");
    check!(&d.last_reviewed, "last_reviewed");
    check!(d.title.as_deref().unwrap_or(""), "title");
    for (i, s) in d.sources.iter().enumerate() {
        check!(&s.id, "sources[{i}].id");
        check!(&s.title, "sources[{i}].title");
        for (field, value) in [
            ("author", &s.author),
            ("publisher", &s.publisher),
            ("note", &s.note),
        ] {
            check!(value.as_deref().unwrap_or(""), "sources[{i}].{field}");
        }
    }
    for (i, f) in d.facets.iter().enumerate() {
        check!(&f.id, "facets[{i}].id");
        check!(&f.label, "facets[{i}].label");
        check!(
            f.description.as_deref().unwrap_or(""),
            "facets[{i}].description"
        );
        for (j, t) in f.topics.iter().enumerate() {
            check!(&t.id, "facets[{i}].topics[{j}].id");
            check!(&t.label, "facets[{i}].topics[{j}].label");
        }
    }
    for (i, r) in d.roles.iter().enumerate() {
        check!(&r.id, "roles[{i}].id");
        check!(&r.abbr, "roles[{i}].abbr");
        check!(&r.name, "roles[{i}].name");
        check!(&r.summary, "roles[{i}].summary");
        if let Some(p) = cites(
            &|| format!("roles[{i}].summary_sources"),
            &r.summary_sources,
        ) {
            return Some(p);
        }
        for (j, c) in r.caveats.iter().enumerate() {
            check!(&c.id, "roles[{i}].caveats[{j}].id");
            check!(&c.text, "roles[{i}].caveats[{j}].text");
            if let Some(p) = cites(&|| format!("roles[{i}].caveats[{j}].sources"), &c.sources) {
                return Some(p);
            }
        }
    }
    for (i, c) in d.claims.iter().enumerate() {
        check!(&c.id, "claims[{i}].id");
        if let Some(p) = list(&|| format!("claims[{i}].roles"), &c.roles) {
            return Some(p);
        }
        check!(&c.facet, "claims[{i}].facet");
        check!(&c.topic, "claims[{i}].topic");
        check!(&c.text, "claims[{i}].text");
        if let Some(p) = cites(&|| format!("claims[{i}].sources"), &c.sources) {
            return Some(p);
        }
        for (key, values) in &c.tags {
            check!(key, "claims[{i}].tags");
            if let Some(p) = list(&|| format!("claims[{i}].tags.{key}"), values) {
                return Some(p);
            }
        }
    }
    for (i, k) in d.conflicts.iter().enumerate() {
        check!(&k.id, "conflicts[{i}].id");
        check!(&k.title, "conflicts[{i}].title");
        check!(&k.facet, "conflicts[{i}].facet");
        check!(&k.topic, "conflicts[{i}].topic");
        if let Some(p) = list(&|| format!("conflicts[{i}].roles"), &k.roles) {
            return Some(p);
        }
        for (j, side) in k.sides.iter().enumerate() {
            check!(&side.text, "conflicts[{i}].sides[{j}].text");
            if let Some(p) = cites(
                &|| format!("conflicts[{i}].sides[{j}].sources"),
                &side.sources,
            ) {
                return Some(p);
            }
            if let Some(p) = list(
                &|| format!("conflicts[{i}].sides[{j}].claims"),
                &side.claims,
            ) {
                return Some(p);
            }
        }
    }
    for (i, k) in d.key_lines.iter().enumerate() {
        check!(&k.id, "key_lines[{i}].id");
        check!(&k.facet, "key_lines[{i}].facet");
        if let Some(p) = list(&|| format!("key_lines[{i}].roles"), &k.roles) {
            return Some(p);
        }
        check!(&k.text, "key_lines[{i}].text");
        if let Some(p) = cites(&|| format!("key_lines[{i}].sources"), &k.sources) {
            return Some(p);
        }
        if let Some(p) = list(&|| format!("key_lines[{i}].conflicts"), &k.conflicts) {
            return Some(p);
        }
    }
    None
}

/// Checks a dataset; `Ok` when it is fit to show, otherwise every problem found.
pub fn validate(d: &Dataset) -> Result<(), Vec<ValidationError>> {
    if let Some(error) = over_limits(d) {
        return Err(vec![error]);
    }
    let mut r = Report::default();

    if d.format != FORMAT {
        r.push(
            "format",
            format!(
                "unsupported format {} (this widget reads {FORMAT})",
                d.format
            ),
        );
    }
    r.text(At("version", ""), &d.version);
    if let Some(title) = &d.title {
        r.text(At("title", ""), title);
    }
    if !is_date(&d.last_reviewed) {
        r.push("last_reviewed", "must be a date written YYYY-MM-DD");
    }

    let mut source_ids = HashSet::new();
    for (i, s) in d.sources.iter().enumerate() {
        r.id(At(&format!("sources[{i}].id"), ""), &s.id, &mut source_ids);
        r.text(At(&format!("sources[{i}].title"), ""), &s.title);
        for (field, value) in [
            ("author", &s.author),
            ("publisher", &s.publisher),
            ("note", &s.note),
        ] {
            if let Some(value) = value {
                r.text(At(&format!("sources[{i}].{field}"), ""), value);
            }
        }
    }
    if d.sources.is_empty() {
        r.push("sources", "must list at least one source");
    }

    let mut facet_ids = HashSet::new();
    for (i, f) in d.facets.iter().enumerate() {
        r.id(At(&format!("facets[{i}].id"), ""), &f.id, &mut facet_ids);
        r.text(At(&format!("facets[{i}].label"), ""), &f.label);
        if let Some(description) = &f.description {
            r.text(At(&format!("facets[{i}].description"), ""), description);
        }
        if f.topics.is_empty() {
            r.push(
                format!("facets[{i}].topics"),
                "must list at least one topic",
            );
        }
        let mut topic_ids = HashSet::new();
        for (j, t) in f.topics.iter().enumerate() {
            r.id(
                At(&format!("facets[{i}].topics[{j}].id"), ""),
                &t.id,
                &mut topic_ids,
            );
            r.text(At(&format!("facets[{i}].topics[{j}].label"), ""), &t.label);
        }
    }
    if d.facets.is_empty() {
        r.push("facets", "must list at least one facet");
    }

    let mut role_ids = HashSet::new();
    let mut caveat_ids = HashSet::new();
    for (i, role) in d.roles.iter().enumerate() {
        r.id(At(&format!("roles[{i}].id"), ""), &role.id, &mut role_ids);
        r.text(At(&format!("roles[{i}].abbr"), ""), &role.abbr);
        r.text(At(&format!("roles[{i}].name"), ""), &role.name);
        r.text(At(&format!("roles[{i}].summary"), ""), &role.summary);
        r.citations(
            At(&format!("roles[{i}]"), ".summary_sources"),
            &role.summary_sources,
            &source_ids,
            0,
        );
        for (j, c) in role.caveats.iter().enumerate() {
            let path = format!("roles[{i}].caveats[{j}]");
            r.id(At(&path, ".id"), &c.id, &mut caveat_ids);
            r.text(At(&path, ".text"), &c.text);
            r.citations(At(&path, ".sources"), &c.sources, &source_ids, 1);
        }
    }
    if d.roles.is_empty() {
        r.push("roles", "must list at least one role");
    }

    let mut claim_ids = HashSet::new();
    let mut roles_with_claims = HashSet::new();
    for (i, c) in d.claims.iter().enumerate() {
        let path = format!("claims[{i}]");
        r.id(At(&path, ".id"), &c.id, &mut claim_ids);
        if c.roles.is_empty() {
            r.push(format!("{path}.roles"), "must name at least one role");
        }
        r.role_refs(At(&path, ".roles"), &c.roles, &role_ids);
        roles_with_claims.extend(c.roles.iter().map(String::as_str));
        check_topic(&mut r, d, &path, &c.facet, &c.topic);
        r.text(At(&path, ".text"), &c.text);
        r.citations(At(&path, ".sources"), &c.sources, &source_ids, 1);
        for (key, values) in &c.tags {
            if !TAG_KEYS.contains(&key.as_str()) {
                r.push(
                    format!("{path}.tags.{key}"),
                    format!("unknown tag key (expected one of: {})", TAG_KEYS.join(", ")),
                );
            }
            if values.is_empty() {
                r.push(format!("{path}.tags.{key}"), "must list at least one value");
            }
            for (j, v) in values.iter().enumerate() {
                r.text(At(&format!("{path}.tags.{key}[{j}]"), ""), v);
            }
        }
    }

    let mut conflict_ids = HashSet::new();
    for (i, k) in d.conflicts.iter().enumerate() {
        let path = format!("conflicts[{i}]");
        r.id(At(&path, ".id"), &k.id, &mut conflict_ids);
        r.text(At(&path, ".title"), &k.title);
        check_topic(&mut r, d, &path, &k.facet, &k.topic);
        r.role_refs(At(&path, ".roles"), &k.roles, &role_ids);
        if k.sides.len() < 2 {
            r.push(
                format!("{path}.sides"),
                "a conflict needs at least two sides",
            );
        }
        for (j, side) in k.sides.iter().enumerate() {
            let side_path = format!("{path}.sides[{j}]");
            r.text(At(&side_path, ".text"), &side.text);
            r.citations(At(&side_path, ".sources"), &side.sources, &source_ids, 1);
            for (n, id) in side.claims.iter().enumerate() {
                if !claim_ids.contains(id.as_str()) {
                    r.push(
                        format!("{side_path}.claims[{n}]"),
                        format!("unknown claim \"{id}\""),
                    );
                }
            }
        }
    }

    let mut key_ids = HashSet::new();
    let mut keyed = HashSet::new();
    for (i, k) in d.key_lines.iter().enumerate() {
        let path = format!("key_lines[{i}]");
        r.id(At(&path, ".id"), &k.id, &mut key_ids);
        if d.facet(&k.facet).is_none() {
            r.push(
                format!("{path}.facet"),
                format!("unknown facet \"{}\"", k.facet),
            );
        }
        if k.roles.is_empty() {
            r.push(format!("{path}.roles"), "must name at least one role");
        }
        r.role_refs(At(&path, ".roles"), &k.roles, &role_ids);
        for (j, role) in k.roles.iter().enumerate() {
            if role_ids.contains(role.as_str()) && !keyed.insert((k.facet.as_str(), role.as_str()))
            {
                r.push(
                    format!("{path}.roles[{j}]"),
                    format!(
                        "role \"{role}\" already has a key line for facet \"{}\"",
                        k.facet
                    ),
                );
            }
        }
        r.text(At(&path, ".text"), &k.text);
        let words = k.text.split_whitespace().count();
        if words > KEY_LINE_WORDS {
            r.push(
                format!("{path}.text"),
                format!("{words} words (a key line has at most {KEY_LINE_WORDS})"),
            );
        }
        r.citations(At(&path, ".sources"), &k.sources, &source_ids, 1);
        for (n, id) in k.conflicts.iter().enumerate() {
            if !conflict_ids.contains(id.as_str()) {
                r.push(
                    format!("{path}.conflicts[{n}]"),
                    format!("unknown conflict \"{id}\""),
                );
            }
        }
    }

    for (i, role) in d.roles.iter().enumerate() {
        if !roles_with_claims.contains(role.id.as_str()) {
            r.push(
                format!("roles[{i}]"),
                format!("role \"{}\" has no claims", role.id),
            );
        }
    }

    if r.errors.is_empty() {
        Ok(())
    } else {
        Err(r.errors)
    }
}

/// Reports an unknown facet, or a topic that is not one of its facet's topics.
fn check_topic(r: &mut Report, d: &Dataset, path: &str, facet: &str, topic: &str) {
    match d.facet(facet) {
        None => r.push(
            format!("{path}.facet"),
            format!("unknown facet \"{facet}\""),
        ),
        Some(f) if !f.topics.iter().any(|t| t.id == topic) => r.push(
            format!("{path}.topic"),
            format!("topic \"{topic}\" is not a topic of facet \"{facet}\""),
        ),
        Some(_) => {}
    }
}

/// `YYYY-MM-DD` with a plausible month and day.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return false;
    }
    let month = (b[5] - b'0') * 10 + (b[6] - b'0');
    let day = (b[8] - b'0') * 10 + (b[9] - b'0');
    (1..=12).contains(&month) && (1..=31).contains(&day)
}
