//! The bundled dataset and the one reader of dataset JSON, used on every target.
//!
//! `src/data/roles.json` is the human-edited source of truth; the build embeds it without the
//! whitespace between tokens (`build.rs`). [`parse_json`] turns any dataset text, bundled or from
//! a host page, into the [`crate::model`] types, checking the shape only and naming the JSON path
//! of every problem (`claims[3].roles: expected an array, found a string`); the rules that span
//! fields are [`crate::validate`]'s. This module must know nothing of yew or the DOM.

use crate::json::{self, Value};
use crate::model::{
    Caveat, Citation, Claim, Conflict, ConflictSide, Dataset, Facet, KeyLine, Role, Source,
    SourceKind, Topic,
};
use crate::validate::{limits, ValidationError};
use std::collections::BTreeMap;
use std::fmt;

/// The bundled dataset as embedded: `src/data/roles.json` without insignificant whitespace.
pub const BUNDLED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/roles.min.json"));

/// The bundled dataset, parsed.
///
/// # Panics
/// Never for a released build: a native test checks that the bundled file parses and validates.
pub fn bundled() -> Dataset {
    match parse_json(BUNDLED_JSON) {
        Ok(d) => d,
        Err(_) => panic!("the bundled dataset parses (checked by tests/dataset.rs)"),
    }
}

/// Reads a dataset from JSON text. A text that is not JSON gives one error (with line and
/// column); a JSON value of the wrong shape gives every problem found, each with its path (the
/// first [`MAX_ERRORS`], then one line saying there are more).
///
/// The size limits hold while reading, before anything large is built: a text over
/// [`limits::BYTES`] is refused before it is read, and the reader stops at the first string
/// (any string: ids, names, texts, source fields, keys) over [`limits::TEXT`] characters, or
/// the first array or object with more than [`limits::ITEMS`] items, or at the value past
/// [`limits::VALUES`] in all, with one error naming its path (`roles[0].name: too long …`).
///
/// This only checks the shape; run [`crate::validate::validate`] on the result before use.
pub fn parse_json(text: &str) -> Result<Dataset, Vec<ValidationError>> {
    let one = |path: String, message: String| vec![ValidationError { path, message }];
    if text.len() > limits::BYTES {
        return Err(one(
            String::new(),
            format!(
                "too large: {} bytes (the widget accepts at most {} bytes)",
                text.len(),
                limits::BYTES
            ),
        ));
    }
    let value = json::parse_with(text, READ_LIMITS).map_err(|e| match e {
        json::Error::Syntax(e) => one(String::new(), format!("not JSON: {e}")),
        json::Error::TooLarge(t) => one(t.path, too_large_message(t.excess)),
    })?;
    let mut reader = Reader {
        errors: Vec::new(),
        more: false,
    };
    let dataset = reader.dataset(&value);
    if reader.more {
        reader.errors.push(ValidationError {
            path: String::new(),
            message: format!("more problems not listed (the first {MAX_ERRORS} are)"),
        });
    }
    match dataset {
        Some(d) if reader.errors.is_empty() => Ok(d),
        _ => Err(reader.errors),
    }
}

/// The most problems listed for one dataset; past it, one line says there are more.
pub const MAX_ERRORS: usize = 100;

/// What the JSON reader accepts for a dataset (see [`parse_json`]).
pub const READ_LIMITS: json::Limits = json::Limits {
    string_chars: limits::TEXT,
    items: limits::ITEMS,
    values: limits::VALUES,
};

/// The message for a value past [`READ_LIMITS`].
fn too_large_message(excess: json::Excess) -> String {
    match excess {
        json::Excess::String => format!(
            "too long (the widget accepts at most {} characters in any text)",
            limits::TEXT
        ),
        json::Excess::Key => format!(
            "a key is too long (the widget accepts at most {} characters)",
            limits::TEXT
        ),
        json::Excess::Items => format!(
            "too many items (the widget accepts at most {} in one list)",
            limits::ITEMS
        ),
        json::Excess::Values => format!(
            "too many values (the widget accepts at most {} in a dataset)",
            limits::VALUES
        ),
    }
}

/// A JSON path, built on the stack and written out only for an error.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => f.write_str(key),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

/// An object's members looked up by the keys its type allows (in the order given): at most
/// [`MAX_KEYS`], kept on the stack (no allocation for each of 100,000 claims).
struct Members<'v>([Option<&'v Value<'v>>; MAX_KEYS]);

/// The most keys a dataset object allows (the dataset itself: 10).
const MAX_KEYS: usize = 10;

impl<'v> Members<'v> {
    fn get(&self, i: usize) -> Option<&'v Value<'v>> {
        self.0[i]
    }
}

struct Reader {
    errors: Vec<ValidationError>,
    /// Whether problems past [`MAX_ERRORS`] were dropped.
    more: bool,
}

impl Reader {
    fn fail(&mut self, path: &Path, message: String) {
        if self.errors.len() == MAX_ERRORS {
            self.more = true;
            return;
        }
        self.errors.push(ValidationError {
            path: path.to_string(),
            message,
        });
    }

    fn wrong(&mut self, path: &Path, expected: &str, found: &Value) {
        self.fail(
            path,
            format!("expected {expected}, found {}", found.describe()),
        );
    }

    /// The members of the object at `path`, refusing keys not in `keys` and repeated keys.
    fn object<'v>(
        &mut self,
        path: &Path,
        value: &'v Value<'v>,
        keys: &[&str],
    ) -> Option<Members<'v>> {
        let Value::Object(members) = value else {
            self.wrong(path, "an object", value);
            return None;
        };
        let mut found = [None; MAX_KEYS];
        for (key, v) in members {
            let here = Path::Key(path, key);
            match keys.iter().position(|k| k == key) {
                Some(i) if found[i].is_some() => self.fail(&here, "duplicate field".into()),
                Some(i) => found[i] = Some(v),
                None => self.fail(
                    &here,
                    format!("unknown field (expected one of: {})", keys.join(", ")),
                ),
            }
        }
        Some(Members(found))
    }

    /// A required member; its absence is an error at the object's path.
    fn required<'v>(
        &mut self,
        path: &Path,
        value: Option<&'v Value<'v>>,
        key: &str,
    ) -> Option<&'v Value<'v>> {
        if value.is_none() {
            self.fail(path, format!("missing field `{key}`"));
        }
        value
    }

    fn string(&mut self, path: &Path, m: &Members, i: usize, key: &str) -> String {
        match self.required(path, m.get(i), key) {
            Some(v) => self.string_value(&Path::Key(path, key), v),
            None => String::new(),
        }
    }

    fn string_value(&mut self, path: &Path, value: &Value) -> String {
        match value {
            Value::String(s) => String::from(&**s),
            other => {
                self.wrong(path, "a string", other);
                String::new()
            }
        }
    }

    /// An optional string: absent and `null` are both `None`.
    fn optional_string(&mut self, path: &Path, m: &Members, i: usize, key: &str) -> Option<String> {
        match m.get(i)? {
            Value::Null => None,
            v => Some(self.string_value(&Path::Key(path, key), v)),
        }
    }

    /// A list at `key`: required, or empty when absent (`null` is an error either way).
    fn list<T>(
        &mut self,
        path: &Path,
        m: &Members,
        (i, key, required): (usize, &str, bool),
        mut item: impl FnMut(&mut Self, &Path, &Value) -> Option<T>,
    ) -> Vec<T> {
        let value = if required {
            self.required(path, m.get(i), key)
        } else {
            m.get(i)
        };
        let here = Path::Key(path, key);
        match value {
            None => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(n, v)| item(self, &Path::Index(&here, n), v))
                .collect(),
            Some(other) => {
                self.wrong(&here, "an array", other);
                Vec::new()
            }
        }
    }

    fn strings(&mut self, path: &Path, m: &Members, at: (usize, &str, bool)) -> Vec<String> {
        self.list(path, m, at, |r, p, v| Some(r.string_value(p, v)))
    }

    fn citations(&mut self, path: &Path, m: &Members, at: (usize, &str, bool)) -> Vec<Citation> {
        self.list(path, m, at, |r, p, v| {
            let m = r.object(p, v, &["source", "at"])?;
            Some(Citation {
                source: r.string(p, &m, 0, "source"),
                at: r.optional_string(p, &m, 1, "at"),
            })
        })
    }

    fn dataset(&mut self, value: &Value) -> Option<Dataset> {
        let root = Path::Root;
        if !matches!(value, Value::Object(_)) {
            self.wrong(&root, "an object (the dataset)", value);
            return None;
        }
        let keys = [
            "format",
            "version",
            "last_reviewed",
            "sources",
            "facets",
            "roles",
            "claims",
            "conflicts",
            "key_lines",
            "title",
        ];
        let m = self.object(&root, value, &keys)?;
        let format = match self.required(&root, m.get(0), "format") {
            None => 0,
            Some(Value::Number(n)) => n.parse::<u32>().unwrap_or_else(|_| {
                let message = "a whole number from 0 to 4294967295";
                self.wrong(
                    &Path::Key(&root, "format"),
                    message,
                    &Value::Number(n.clone()),
                );
                0
            }),
            Some(other) => {
                self.wrong(&Path::Key(&root, "format"), "a number", other);
                0
            }
        };
        Some(Dataset {
            format,
            version: self.string(&root, &m, 1, "version"),
            last_reviewed: self.string(&root, &m, 2, "last_reviewed"),
            sources: self.list(&root, &m, (3, "sources", true), Self::source),
            facets: self.list(&root, &m, (4, "facets", true), Self::facet),
            roles: self.list(&root, &m, (5, "roles", true), Self::role),
            claims: self.list(&root, &m, (6, "claims", true), Self::claim),
            conflicts: self.list(&root, &m, (7, "conflicts", false), Self::conflict),
            key_lines: self.list(&root, &m, (8, "key_lines", false), Self::key_line),
            title: self.optional_string(&root, &m, 9, "title"),
        })
    }

    fn source(&mut self, p: &Path, v: &Value) -> Option<Source> {
        let keys = ["id", "kind", "title", "author", "publisher", "note"];
        let m = self.object(p, v, &keys)?;
        let kind = match self.required(p, m.get(1), "kind") {
            Some(Value::String(s)) if s == "article" => SourceKind::Article,
            Some(Value::String(s)) if s == "issuing-body" => SourceKind::IssuingBody,
            Some(other) => {
                self.wrong(
                    &Path::Key(p, "kind"),
                    "\"article\" or \"issuing-body\"",
                    other,
                );
                SourceKind::Article
            }
            None => SourceKind::Article,
        };
        Some(Source {
            id: self.string(p, &m, 0, "id"),
            kind,
            title: self.string(p, &m, 2, "title"),
            author: self.optional_string(p, &m, 3, "author"),
            publisher: self.optional_string(p, &m, 4, "publisher"),
            note: self.optional_string(p, &m, 5, "note"),
        })
    }

    fn facet(&mut self, p: &Path, v: &Value) -> Option<Facet> {
        let m = self.object(p, v, &["id", "label", "filter", "description", "topics"])?;
        let filter = match m.get(2) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.wrong(&Path::Key(p, "filter"), "true or false", other);
                false
            }
        };
        Some(Facet {
            id: self.string(p, &m, 0, "id"),
            label: self.string(p, &m, 1, "label"),
            filter,
            description: self.optional_string(p, &m, 3, "description"),
            topics: self.list(p, &m, (4, "topics", true), |r, p, v| {
                let m = r.object(p, v, &["id", "label"])?;
                Some(Topic {
                    id: r.string(p, &m, 0, "id"),
                    label: r.string(p, &m, 1, "label"),
                })
            }),
        })
    }

    fn role(&mut self, p: &Path, v: &Value) -> Option<Role> {
        let keys = [
            "id",
            "abbr",
            "name",
            "summary",
            "summary_sources",
            "caveats",
        ];
        let m = self.object(p, v, &keys)?;
        Some(Role {
            id: self.string(p, &m, 0, "id"),
            abbr: self.string(p, &m, 1, "abbr"),
            name: self.string(p, &m, 2, "name"),
            summary: self.string(p, &m, 3, "summary"),
            summary_sources: self.citations(p, &m, (4, "summary_sources", false)),
            caveats: self.list(p, &m, (5, "caveats", false), |r, p, v| {
                let m = r.object(p, v, &["id", "text", "sources"])?;
                Some(Caveat {
                    id: r.string(p, &m, 0, "id"),
                    text: r.string(p, &m, 1, "text"),
                    sources: r.citations(p, &m, (2, "sources", true)),
                })
            }),
        })
    }

    fn claim(&mut self, p: &Path, v: &Value) -> Option<Claim> {
        let keys = ["id", "roles", "facet", "topic", "text", "sources", "tags"];
        let m = self.object(p, v, &keys)?;
        let mut tags = BTreeMap::new();
        match m.get(6) {
            None => {}
            Some(Value::Object(members)) => {
                let here = Path::Key(p, "tags");
                for (key, value) in members {
                    let at = Path::Key(&here, key);
                    let values = match value {
                        Value::Array(items) => items
                            .iter()
                            .enumerate()
                            .map(|(n, v)| self.string_value(&Path::Index(&at, n), v))
                            .collect(),
                        other => {
                            self.wrong(&at, "an array of strings", other);
                            Vec::new()
                        }
                    };
                    if tags.insert(String::from(&**key), values).is_some() {
                        self.fail(&at, "duplicate field".into());
                    }
                }
            }
            Some(other) => self.wrong(&Path::Key(p, "tags"), "an object", other),
        }
        Some(Claim {
            id: self.string(p, &m, 0, "id"),
            roles: self.strings(p, &m, (1, "roles", true)),
            facet: self.string(p, &m, 2, "facet"),
            topic: self.string(p, &m, 3, "topic"),
            text: self.string(p, &m, 4, "text"),
            sources: self.citations(p, &m, (5, "sources", true)),
            tags,
        })
    }

    fn conflict(&mut self, p: &Path, v: &Value) -> Option<Conflict> {
        let keys = ["id", "title", "facet", "topic", "roles", "sides"];
        let m = self.object(p, v, &keys)?;
        Some(Conflict {
            id: self.string(p, &m, 0, "id"),
            title: self.string(p, &m, 1, "title"),
            facet: self.string(p, &m, 2, "facet"),
            topic: self.string(p, &m, 3, "topic"),
            roles: self.strings(p, &m, (4, "roles", false)),
            sides: self.list(p, &m, (5, "sides", true), |r, p, v| {
                let m = r.object(p, v, &["text", "sources", "claims"])?;
                Some(ConflictSide {
                    text: r.string(p, &m, 0, "text"),
                    sources: r.citations(p, &m, (1, "sources", true)),
                    claims: r.strings(p, &m, (2, "claims", false)),
                })
            }),
        })
    }

    fn key_line(&mut self, p: &Path, v: &Value) -> Option<KeyLine> {
        let keys = ["id", "facet", "roles", "text", "sources", "conflicts"];
        let m = self.object(p, v, &keys)?;
        Some(KeyLine {
            id: self.string(p, &m, 0, "id"),
            facet: self.string(p, &m, 1, "facet"),
            roles: self.strings(p, &m, (2, "roles", true)),
            text: self.string(p, &m, 3, "text"),
            sources: self.citations(p, &m, (4, "sources", true)),
            conflicts: self.strings(p, &m, (5, "conflicts", false)),
        })
    }
}
