//! JSON texts of a given size in hostile shapes, and a timer that compares the reader's time per
//! megabyte on each with plain JSON of the same size. Shared by `tests/reader_limits.rs` (which
//! fails on a 10× blow-up) and `examples/reader_bench.rs` (which prints the ratios).

#![allow(dead_code)]

use std::time::{Duration, Instant};

/// A shape: its name and a function that writes a JSON text of about `bytes` bytes.
pub type Shape = (&'static str, fn(usize) -> String);

/// Plain JSON, the yardstick: ordinary dataset claims (an object with ids, a role list, a
/// sentence and a citation each), about 12 values in 190 bytes.
pub fn plain(bytes: usize) -> String {
    array_of(bytes, |i| {
        format!(
            "{{\"id\":\"r{r}-c{i}\",\"roles\":[\"r{r}\"],\"facet\":\"f{f}\",\"topic\":\"t{t}\",\
             \"text\":\"The chief information officer reports to the chief executive and sets \
             the budget.\",\"sources\":[{{\"source\":\"s0\",\"at\":\"section 2\"}}]}}",
            r = i % 50,
            f = i % 4,
            t = i % 25
        )
    })
}

/// Prose: an array of long sentences, no escapes (the cheapest JSON there is per byte; a
/// second yardstick, printed for comparison).
pub fn prose(bytes: usize) -> String {
    let sentence =
        "\"The chief information officer reports to the chief executive and sets the budget.\"";
    array_of(bytes, |_| sentence.to_owned())
}

/// Long runs of escapes: strings of `\n`, `\t`, `\"`, `\\` and `\/` only.
pub fn escape_runs(bytes: usize) -> String {
    let run = format!("\"{}\"", r#"\n\t\"\\\/"#.repeat(200));
    array_of(bytes, |_| run.clone())
}

/// `\u` escapes, most of them surrogate pairs (an emoji each), some lone surrogates.
pub fn surrogate_pairs(bytes: usize) -> String {
    let run = format!("\"{}\\ud800\\u00e9\"", r"\ud83d\ude00".repeat(150));
    array_of(bytes, |_| run.clone())
}

/// Numbers of 1,000 digits, with fractions and exponents.
pub fn long_numbers(bytes: usize) -> String {
    let digits: String = (0..1_000)
        .map(|i| char::from(b'1' + (i % 9) as u8))
        .collect();
    let number = format!("-{digits}.{digits}e+{digits}");
    array_of(bytes, |_| number.clone())
}

/// One object with as many keys as fit (100,000 keys are about 1.4 MB).
pub fn many_keys(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 64);
    out.push('{');
    let mut i = 0;
    while out.len() < bytes {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&format!("\"key-{i}\":{i}"));
        i += 1;
    }
    out.push('}');
    out
}

/// The deepest legal nesting (63 levels inside the outer array), again and again.
pub fn deepest_nesting(bytes: usize) -> String {
    let depth = role_compare::json::MAX_DEPTH - 1;
    let nest = format!(
        "{}1{}",
        "[{\"a\":".repeat(depth / 2),
        "}]".repeat(depth / 2)
    );
    array_of(bytes, |_| nest.clone())
}

/// Many short strings: one-letter strings, comma after comma.
pub fn short_strings(bytes: usize) -> String {
    array_of(bytes, |i| {
        format!("\"{}\"", char::from(b'a' + (i % 26) as u8))
    })
}

/// Whitespace between every token.
pub fn whitespace(bytes: usize) -> String {
    array_of(bytes, |i| format!("\n\t  {i}  \r\n "))
}

/// Every hostile shape, after the plain yardstick.
pub const SHAPES: [Shape; 9] = [
    ("plain JSON (dataset claims)", plain),
    ("prose strings", prose),
    ("long escape runs", escape_runs),
    ("\\u surrogate pairs", surrogate_pairs),
    ("1,000-digit numbers", long_numbers),
    ("100,000+ keys in one object", many_keys),
    ("maximum legal nesting", deepest_nesting),
    ("many short strings", short_strings),
    ("whitespace between tokens", whitespace),
];

/// `[item(0), item(1), …]` until the text is `bytes` long.
fn array_of(bytes: usize, item: impl Fn(usize) -> String) -> String {
    let mut out = String::with_capacity(bytes + 64);
    out.push('[');
    let mut i = 0;
    while out.len() < bytes {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&item(i));
        i += 1;
    }
    out.push(']');
    out
}

/// How long `f` takes, once.
fn time(f: impl FnOnce()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

/// One shape's measurement: its size and its time per MB against plain JSON's.
pub struct Ratio {
    /// The shape's name.
    pub name: &'static str,
    /// Its text's size in bytes.
    pub bytes: usize,
    /// Median time per MB (10^6 bytes) of the shape.
    pub per_mb: Duration,
    /// Median time per MB of plain JSON, measured in the same rounds.
    pub plain_per_mb: Duration,
}

impl Ratio {
    /// The shape's time per MB over plain JSON's.
    pub fn ratio(&self) -> f64 {
        self.per_mb.as_secs_f64() / self.plain_per_mb.as_secs_f64()
    }
}

/// Reads every shape of about `bytes` bytes with `read`, side by side with plain JSON: each
/// round reads plain JSON, then the shape, so both see the same machine load; the medians of
/// `rounds` rounds are compared.
pub fn ratios(bytes: usize, rounds: usize, read: impl Fn(&str)) -> Vec<Ratio> {
    let plain_text = plain(bytes);
    let mb = |d: Duration, len: usize| d.mul_f64(1e6 / len as f64);
    SHAPES[1..]
        .iter()
        .map(|&(name, make)| {
            let text = make(bytes);
            // Interleaved: plain, shape, plain, shape, …
            let mut plain_times = Vec::with_capacity(rounds);
            let mut shape_times = Vec::with_capacity(rounds);
            for _ in 0..rounds {
                plain_times.push(time(|| read(&plain_text)));
                shape_times.push(time(|| read(&text)));
            }
            plain_times.sort();
            shape_times.sort();
            Ratio {
                name,
                bytes: text.len(),
                per_mb: mb(shape_times[rounds / 2], text.len()),
                plain_per_mb: mb(plain_times[rounds / 2], plain_text.len()),
            }
        })
        .collect()
}

/// The ratios as a table, one line a shape.
pub fn table(ratios: &[Ratio]) -> String {
    let mut out = format!(
        "{:<30} {:>10} {:>10} {:>12} {:>7}\n",
        "shape", "bytes", "ms per MB", "plain ms/MB", "ratio"
    );
    for r in ratios {
        out.push_str(&format!(
            "{:<30} {:>10} {:>10.2} {:>12.2} {:>6.2}×\n",
            r.name,
            r.bytes,
            r.per_mb.as_secs_f64() * 1e3,
            r.plain_per_mb.as_secs_f64() * 1e3,
            r.ratio()
        ));
    }
    out
}
