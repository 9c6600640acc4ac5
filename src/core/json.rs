//! The crate's one JSON value type, [`Value`], with a small, strict reader (text in, a tree
//! out, or one syntax error with its line and column) and a writer ([`Value::to_pretty`], the
//! export's JSON; [`push_string`], the one JSON string escaper).
//!
//! It exists so that the wasm build reads datasets without `serde_json` and without walking a
//! `JSON.parse` result through hundreds of JS calls: the bundled dataset and every host dataset
//! arrive here as text. Numbers are kept as their literal text (nothing here formats or parses
//! floats); nesting is capped at [`MAX_DEPTH`] so hostile input cannot exhaust the stack. An
//! escaped lone surrogate (`"\ud800"`, which `JSON.stringify` writes for a JavaScript string
//! holding one) reads as U+FFFD, as the browser does when it hands such a string to Rust.
//!
//! [`parse_with`] also enforces [`Limits`] while it reads: a string longer than the cap (keys
//! included) or an array or object with too many items stops the reader at once, before the
//! string or the list is built, with the JSON path of the value that went past it. Every step is
//! linear in the text: no rescans, no quadratic corner (`tests/reader_limits.rs` times hostile
//! shapes against plain text). This module knows only JSON (RFC 8259): nothing of the dataset,
//! of yew or of the DOM.

use std::borrow::Cow;

/// Deepest nesting of arrays and objects accepted (a dataset needs 6).
pub const MAX_DEPTH: usize = 64;

/// One JSON value. Object members keep their order, and duplicate keys are kept for the reader
/// of the tree to refuse.
///
/// Strings, keys and numbers borrow the text they were read from (or the `&str` a writer built
/// them from) and own a copy only when escapes had to be undone: reading a dataset allocates no
/// key at all and each string once, when its reader takes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, exactly as written (already checked against the JSON grammar).
    Number(Cow<'a, str>),
    /// A string, unescaped.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Value<'a>>),
    /// An object's members, in order.
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

impl Value<'_> {
    /// "a string", "an array", …: for messages that say what was found.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }

    /// What a message says was found: a number as written, a string quoted (its first 40
    /// characters), otherwise the kind.
    pub fn describe(&self) -> String {
        match self {
            Value::Number(n) => n.to_string(),
            Value::String(s) => match s.char_indices().nth(40) {
                Some((cut, _)) => format!("\"{}…\"", &s[..cut]),
                None => format!("\"{s}\""),
            },
            other => other.kind().to_owned(),
        }
    }
}

impl<'a> Value<'a> {
    /// A string value (borrowed).
    pub fn str(s: &'a str) -> Value<'a> {
        Value::String(Cow::Borrowed(s))
    }

    /// A string value, or `null` for `None`.
    pub fn opt(s: Option<&'a str>) -> Value<'a> {
        s.map_or(Value::Null, Value::str)
    }

    /// An object from its members in order.
    pub fn obj(members: Vec<(&'a str, Value<'a>)>) -> Value<'a> {
        Value::Object(
            members
                .into_iter()
                .map(|(k, v)| (Cow::Borrowed(k), v))
                .collect(),
        )
    }

    /// The value as JSON text, pretty-printed with two-space indents (no trailing newline).
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        let indent = |out: &mut String, depth: usize| {
            for _ in 0..depth {
                out.push_str("  ");
            }
        };
        let (open, close, len) = match self {
            Value::Null => return out.push_str("null"),
            Value::Bool(b) => return out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => return out.push_str(n),
            Value::String(s) => return push_string(out, s),
            Value::Array(items) => ('[', ']', items.len()),
            Value::Object(members) => ('{', '}', members.len()),
        };
        out.push(open);
        for i in 0..len {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            indent(out, depth + 1);
            let value = match self {
                Value::Array(items) => &items[i],
                Value::Object(members) => {
                    push_string(out, &members[i].0);
                    out.push_str(": ");
                    &members[i].1
                }
                _ => return,
            };
            value.write(out, depth + 1);
        }
        if len > 0 {
            out.push('\n');
            indent(out, depth);
        }
        out.push(close);
    }
}

/// Appends `s` as a JSON string literal (with its quotes), escaped per RFC 8259: `"` and `\`
/// backslash-escaped; `\n`, `\r`, `\t` in their short forms; every other control character
/// (U+0000–U+001F, and U+007F) as `\u00XX`; U+2028 and U+2029 as `\u2028` / `\u2029`, so the
/// text is also safe inside a JavaScript string.
pub fn push_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' || c == '\u{2028}' || c == '\u{2029}' => {
                let n = c as usize;
                out.push_str("\\u");
                for shift in [12, 8, 4, 0] {
                    out.push(char::from(HEX[(n >> shift) & 0xF]));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A syntax error: what was expected, and where (1-based line and column, in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// What is wrong.
    pub message: &'static str,
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} at line {}, column {}",
            self.message, self.line, self.column
        )
    }
}

/// What [`parse_with`] accepts; past any of these it stops reading at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Characters (Unicode scalar values, after unescaping) in one string, object keys included.
    pub string_chars: usize,
    /// Items in one array, members in one object.
    pub items: usize,
    /// Values in the whole text (every string, number, literal, array and object, keys not
    /// counted): what bounds the memory and time a text of small values costs.
    pub values: usize,
}

impl Limits {
    /// No limit but the nesting cap ([`MAX_DEPTH`]), which always holds.
    pub const NONE: Limits = Limits {
        string_chars: usize::MAX,
        items: usize::MAX,
        values: usize::MAX,
    };
}

/// A value past one of the [`Limits`]: where it is, and which limit it went past.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLarge {
    /// The JSON path of the value (`roles[0].name`; empty for the whole text), as far as the
    /// reader got: for an over-long key, the object that holds it.
    pub path: String,
    /// Which limit.
    pub excess: Excess,
}

/// Which of the [`Limits`] a value went past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Excess {
    /// A string longer than [`Limits::string_chars`].
    String,
    /// An object key longer than [`Limits::string_chars`].
    Key,
    /// An array or object with more than [`Limits::items`] items.
    Items,
    /// More than [`Limits::values`] values in all.
    Values,
}

/// Why [`parse_with`] refused a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// Not JSON.
    Syntax(SyntaxError),
    /// JSON, but a value went past a limit.
    TooLarge(TooLarge),
}

impl From<SyntaxError> for Error {
    fn from(e: SyntaxError) -> Error {
        Error::Syntax(e)
    }
}

/// Parses a whole JSON text (one value, optionally surrounded by whitespace).
pub fn parse(text: &str) -> Result<Value<'_>, SyntaxError> {
    parse_with(text, Limits::NONE).map_err(|e| match e {
        Error::Syntax(e) => e,
        // Unreachable with no limits; reported as a syntax error rather than a panic.
        Error::TooLarge(_) => SyntaxError {
            message: "value too large",
            line: 1,
            column: 1,
        },
    })
}

/// Parses a whole JSON text, stopping at the first value past `limits`.
pub fn parse_with(text: &str, limits: Limits) -> Result<Value<'_>, Error> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
        limits,
        path: Vec::new(),
        items: Vec::new(),
        members: Vec::new(),
        values: 0,
    };
    let value = p.value()?;
    p.space();
    if p.at < p.bytes.len() {
        return Err(p.error("unexpected text after the value").into());
    }
    Ok(value)
}

/// One step of the path to the value being read: a key (its raw text, between the quotes, as a
/// byte range of the input) or an array index.
#[derive(Clone, Copy)]
enum Step {
    Key(usize, usize),
    Index(usize),
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    depth: usize,
    limits: Limits,
    /// The path to the value being read (kept only as byte ranges and indices; written out for
    /// an error only).
    path: Vec<Step>,
    /// The items of every array being read, innermost last: one growing stack instead of a
    /// growing vector per array, so each array is allocated once, at its exact size (nesting
    /// 63 deep costs one small allocation a level, not a doubling vector each).
    items: Vec<Value<'a>>,
    /// The same for the members of every object being read.
    members: Vec<(Cow<'a, str>, Value<'a>)>,
    /// Values begun so far.
    values: usize,
}

impl<'a> Parser<'a> {
    /// The path to the value being read, written as `a.b[2].c`.
    fn path_text(&self) -> String {
        let mut out = String::new();
        for step in &self.path {
            match *step {
                Step::Key(start, end) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    // The key was read once already, so it reads again (escapes and all).
                    let raw = &self.text[start - 1..end + 1];
                    match parse(raw) {
                        Ok(Value::String(key)) => out.push_str(&key),
                        _ => out.push_str(&self.text[start..end]),
                    }
                }
                Step::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    }

    fn too_large(&self, excess: Excess) -> Error {
        Error::TooLarge(TooLarge {
            path: self.path_text(),
            excess,
        })
    }

    /// An error at the current position; at the end of the text, whatever was expected, the
    /// message says the text ended.
    fn error(&self, message: &'static str) -> SyntaxError {
        let at = self.at.min(self.bytes.len());
        let message = if at == self.bytes.len() {
            "unexpected end of the text (EOF)"
        } else {
            message
        };
        // `at` may sit inside a multi-byte character only after a bad escape; round down.
        let mut end = at;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let before = &self.text[..end];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        SyntaxError {
            message,
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn literal(&mut self, word: &str, value: Value<'a>) -> Result<Value<'a>, Error> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value").into())
        }
    }

    fn value(&mut self) -> Result<Value<'a>, Error> {
        self.space();
        if self.values == self.limits.values {
            return Err(self.too_large(Excess::Values));
        }
        self.values += 1;
        match self.peek() {
            Some(b'{') => self.nested(true),
            Some(b'[') => self.nested(false),
            Some(b'"') => match self.string()? {
                Some(s) => Ok(Value::String(s)),
                None => Err(self.too_large(Excess::String)),
            },
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => Ok(self.number()?),
            _ => Err(self.error("expected a value").into()),
        }
    }

    /// An object (`object`) or an array, after its opening bracket.
    fn nested(&mut self, object: bool) -> Result<Value<'a>, Error> {
        if self.depth == MAX_DEPTH {
            return Err(self.error("nested too deeply").into());
        }
        self.depth += 1;
        self.at += 1;
        let close = if object { b'}' } else { b']' };
        let (items_from, members_from) = (self.items.len(), self.members.len());
        let mut count = 0;
        self.space();
        if self.peek() == Some(close) {
            self.at += 1;
        } else {
            // The step for this level's items; rewritten for each item.
            self.path.push(Step::Index(0));
            loop {
                if count == self.limits.items {
                    self.path.pop();
                    return Err(self.too_large(Excess::Items));
                }
                if object {
                    self.space();
                    if self.peek() != Some(b'"') {
                        return Err(self
                            .error("expected a key (a string in double quotes)")
                            .into());
                    }
                    let start = self.at + 1;
                    let Some(key) = self.string()? else {
                        self.path.pop();
                        return Err(self.too_large(Excess::Key));
                    };
                    let end = self.at - 1;
                    self.space();
                    if self.peek() != Some(b':') {
                        return Err(self.error("expected `:` after the key").into());
                    }
                    self.at += 1;
                    if let Some(top) = self.path.last_mut() {
                        *top = Step::Key(start, end);
                    }
                    let value = self.value()?;
                    self.members.push((key, value));
                } else {
                    if let Some(top) = self.path.last_mut() {
                        *top = Step::Index(count);
                    }
                    let value = self.value()?;
                    self.items.push(value);
                }
                count += 1;
                self.space();
                match self.peek() {
                    Some(b',') => self.at += 1,
                    Some(b) if b == close => {
                        self.at += 1;
                        break;
                    }
                    Some(_) if object => return Err(self.error("expected `,` or `}`").into()),
                    _ => return Err(self.error("expected `,` or `]`").into()),
                }
            }
            self.path.pop();
        }
        self.depth -= 1;
        Ok(if object {
            Value::Object(self.members.split_off(members_from))
        } else {
            Value::Array(self.items.split_off(items_from))
        })
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Value<'a>, SyntaxError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let first = self.peek();
        let whole = self.digits();
        if whole == 0 || (first == Some(b'0') && whole > 1) {
            return Err(self.error("malformed number"));
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.error("malformed number"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("malformed number"));
            }
        }
        Ok(Value::Number(Cow::Borrowed(&self.text[start..self.at])))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut n = 0;
        for _ in 0..4 {
            let digit = self
                .peek()
                .and_then(|b| char::from(b).to_digit(16))
                .ok_or_else(|| self.error("invalid \\u escape: expected 4 hex digits"))?;
            n = n * 16 + digit;
            self.at += 1;
        }
        Ok(n)
    }

    /// A string, after checking it opens with `"`; `None` (with the reader stopped inside it)
    /// for a string longer than the limit, which is never built. Without escapes it is a slice
    /// of the text.
    fn string(&mut self) -> Result<Option<Cow<'a, str>>, SyntaxError> {
        self.at += 1;
        let max = self.limits.string_chars;
        let text: &'a str = self.text;
        let mut out: Option<String> = None;
        let mut run = self.at;
        // Characters so far: every byte that does not continue a UTF-8 sequence starts one.
        let mut chars = 0;
        loop {
            let Some(b) = self.peek() else {
                return Err(self.error(""));
            };
            match b {
                b'"' => {
                    let tail = &text[run..self.at];
                    self.at += 1;
                    return Ok(Some(match out {
                        None => Cow::Borrowed(tail),
                        Some(mut out) => {
                            out.push_str(tail);
                            Cow::Owned(out)
                        }
                    }));
                }
                b'\\' => {
                    let out = out.get_or_insert_with(String::new);
                    out.push_str(&text[run..self.at]);
                    self.at += 1;
                    self.escape(out)?;
                    run = self.at;
                    chars += 1;
                }
                0..=0x1f => return Err(self.error("control character inside a string")),
                _ => {
                    self.at += 1;
                    chars += usize::from(b & 0xC0 != 0x80);
                }
            }
            if chars > max {
                return Ok(None);
            }
        }
    }

    /// One escape, after its backslash.
    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let Some(b) = self.peek() else {
            return Err(self.error(""));
        };
        self.at += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                if (0xD800..0xDC00).contains(&first) && self.bytes[self.at..].starts_with(b"\\u") {
                    let next = self.at;
                    self.at += 2;
                    let second = self.hex4()?;
                    if (0xDC00..0xE000).contains(&second) {
                        let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                        out.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
                        return Ok(());
                    }
                    // Not a pair: the second escape is read again on its own.
                    self.at = next;
                }
                // A lone surrogate becomes U+FFFD, as when a browser hands such a string over.
                char::from_u32(first).unwrap_or(char::REPLACEMENT_CHARACTER)
            }
            _ => {
                self.at -= 1;
                return Err(self.error("invalid escape"));
            }
        };
        out.push(c);
        Ok(())
    }
}

/// The text without whitespace between tokens (strings are copied as they are). For a valid
/// JSON text the result parses to the same value; used to shrink the bundled file at build time.
pub fn minify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{minify, parse, Value};
    use std::borrow::Cow;

    fn s(text: &str) -> Value<'_> {
        Value::str(text)
    }

    #[test]
    fn strings_and_keys_without_escapes_borrow_the_text() {
        let text = r#"{"plain": "as written", "esc\u0061ped": "a\tb", "n": -1.5}"#;
        let Value::Object(members) = parse(text).unwrap() else {
            panic!("an object");
        };
        let borrowed = |c: &Cow<str>| matches!(c, Cow::Borrowed(_));
        assert!(borrowed(&members[0].0));
        assert!(matches!(&members[0].1, Value::String(v) if borrowed(v) && v == "as written"));
        assert!(!borrowed(&members[1].0) && members[1].0 == "escaped");
        assert!(matches!(&members[1].1, Value::String(v) if !borrowed(v) && v == "a\tb"));
        assert!(matches!(&members[2].1, Value::Number(n) if borrowed(n) && n == "-1.5"));
    }

    #[test]
    fn values() {
        assert_eq!(parse(" null ").unwrap(), Value::Null);
        assert_eq!(parse("true").unwrap(), Value::Bool(true));
        assert_eq!(parse("[-0.5e+3, 10]").unwrap(), {
            Value::Array(vec![
                Value::Number("-0.5e+3".into()),
                Value::Number("10".into()),
            ])
        });
        assert_eq!(
            parse(r#"{"a": [], "a": {}, "b": "x\"\\\/\n\u00e9\ud83d\ude00"}"#).unwrap(),
            Value::Object(vec![
                ("a".into(), Value::Array(vec![])),
                ("a".into(), Value::Object(vec![])),
                ("b".into(), s("x\"\\/\né😀")),
            ])
        );
    }

    #[test]
    fn lone_surrogates_read_as_replacement_characters() {
        let cases = [
            (r#""\ud800""#, "\u{fffd}"),
            (r#""x\udc00y""#, "x\u{fffd}y"),
            (r#""\ud800\u0041""#, "\u{fffd}A"),
            (r#""\ud800\ud83d\ude00""#, "\u{fffd}😀"),
            (r#""\udc00\ud800""#, "\u{fffd}\u{fffd}"),
        ];
        for (text, want) in cases {
            assert_eq!(parse(text).unwrap(), s(want), "{text}");
        }
        assert!(parse(r#""\ud800\u12""#).is_err());
    }

    #[test]
    fn syntax_errors_say_where() {
        let cases = [
            ("", "unexpected end of the text (EOF) at line 1, column 1"),
            (
                "[1,\n 2",
                "unexpected end of the text (EOF) at line 2, column 3",
            ),
            ("[1 2]", "expected `,` or `]` at line 1, column 4"),
            (
                "{\"a\" 1}",
                "expected `:` after the key at line 1, column 6",
            ),
            (
                "{a: 1}",
                "expected a key (a string in double quotes) at line 1, column 2",
            ),
            ("[01]", "malformed number at line 1, column 4"),
            ("[1.]", "malformed number at line 1, column 4"),
            ("[-]", "malformed number at line 1, column 3"),
            ("tru", "expected a value at line 1, column 1"),
            ("\"é\\x\"", "invalid escape at line 1, column 4"),
            (
                "\"\\u12g4\"",
                "invalid \\u escape: expected 4 hex digits at line 1, column 6",
            ),
            (
                "\"a\nb\"",
                "control character inside a string at line 1, column 3",
            ),
            (
                "{} x",
                "unexpected text after the value at line 1, column 4",
            ),
            ("'a'", "expected a value at line 1, column 1"),
        ];
        for (text, message) in cases {
            assert_eq!(parse(text).unwrap_err().to_string(), message, "{text:?}");
        }
    }

    #[test]
    fn nesting_is_capped() {
        let ok = format!("{}{}", "[".repeat(64), "]".repeat(64));
        assert!(parse(&ok).is_ok());
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(
            parse(&deep).unwrap_err().to_string(),
            "nested too deeply at line 1, column 65"
        );
    }

    #[test]
    fn written_text_reads_back_as_the_same_value() {
        let text = r#"{"a": [], "b": {}, "c": [1, -0.5e3, true, false, null],
            "d": "q\"b\\s\n\r\t\u0001\u007f\u2028é😀", "e": [{"f": [[]]}]}"#;
        let value = parse(text).unwrap();
        let pretty = value.to_pretty();
        assert_eq!(parse(&pretty).unwrap(), value);
        assert!(pretty.starts_with("{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,"));
        assert!(pretty.contains(r#""q\"b\\s\n\r\t\u0001\u007f\u2028é😀""#));
    }

    #[test]
    fn minify_keeps_strings() {
        let text = "{ \"a b\" : [ 1 , \"x \\\" y\" ] ,\n\t\"c\": null }";
        assert_eq!(minify(text), "{\"a b\":[1,\"x \\\" y\"],\"c\":null}");
        assert_eq!(parse(&minify(text)).unwrap(), parse(text).unwrap());
    }
}
