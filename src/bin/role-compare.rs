//! `role-compare`: the page author's command line, native only.
//!
//! - `role-compare check FILE.json…` reads each dataset with the widget's own reader and
//!   validator (`data::parse_json`, `validate::validate`) and prints every problem with its JSON
//!   path (`claims[5].sources[0]: unknown source "s9"`); exit status 0 when every file is fit to
//!   show, 1 when one is not, 2 for a usage error or a file that cannot be read. For scripts and
//!   CI.
//! - `role-compare prerender [--data FILE.json] [--ATTRIBUTE VALUE…] [--element]
//!   [--stylesheet URL]` prints the no-JS fallback for those attributes (`prerender::fallback`,
//!   the element's own grammar), from the bundled dataset or a host dataset file, so a
//!   configured page (or a host dataset) gets the fallback that matches what its widget first
//!   shows; with `--stylesheet`, in a declarative shadow root (`Fallback::declarative`).
//!   Warnings go to stderr.
//!
//! Arguments are read by hand: one small grammar is not worth a parser dependency in a crate
//! whose wasm build is size-budgeted (the binary is native, but it shares the manifest).

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = cli::run(&args, &mut std::io::stdout(), &mut std::io::stderr());
    std::process::ExitCode::from(code)
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use role_compare::model::Dataset;
    use role_compare::validate::ValidationError;
    use role_compare::{data, prerender, validate};
    use std::io::Write;
    use std::rc::Rc;

    const USAGE: &str = "\
usage:
  role-compare check [--json] FILE.json...
      Read and validate each dataset file as the widget does. Prints every problem with its
      JSON path (FILE: PATH: MESSAGE); with --json, one JSON array of {file, path, message}.
      Exit status: 0 all valid, 1 a file has problems, 2 usage error or unreadable file.

  role-compare prerender [--data FILE.json] [--roles IDS] [--facets IDS] [--mode MODE]
                         [--search TEXT] [--detail summary|full] [--heading-level N] [--id ID]
                         [--element [--theme T] [--src URL] [--loading L] [--sync-url]
                                    [--src-timeout S]]
                         [--stylesheet URL] [--strict]
      Print the no-JS fallback HTML for those attributes (the element's own rules), from the
      bundled dataset or FILE.json. --stylesheet: the URL of role-compare.css as the page sees
      it; the fallback then comes in a declarative shadow root that links it (styled at first
      paint, the fastest upgrade); without it, as a plain <div> for pages that cannot link it. --element wraps it in a <role-compare> tag carrying the
      attributes (with --src, the dataset URL the page will load: prerender it from the same
      file with --data). --id: the element's id; the fallback's own ids then start with
      rc-ID, so two fallbacks on one page share none. Warnings about unknown values go to stderr; --strict makes them fail
      (exit 1). A dataset with problems: its problems on stderr, exit 1.

  role-compare help | --help | --version";

    /// Attributes `prerender::fallback` reads (the filters, the heading level, and the element's
    /// id, which gives the fallback's element ids their own prefix).
    const FILTER_ATTRIBUTES: [&str; 7] = [
        "id",
        "roles",
        "facets",
        "mode",
        "search",
        "detail",
        "heading-level",
    ];
    /// Attributes that only the element reads; they go on the `--element` tag.
    const ELEMENT_ATTRIBUTES: [&str; 4] = ["theme", "src", "loading", "src-timeout"];

    /// Runs the command line with `args` (without the program name); returns the exit status.
    pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
        let result = match args.first().map(String::as_str) {
            Some("check") => check(&args[1..], out, err),
            Some("prerender") => prerender_command(&args[1..], out, err),
            Some("help" | "--help" | "-h") => {
                let _ = writeln!(out, "{USAGE}");
                Ok(0)
            }
            Some("--version" | "-V") => {
                let _ = writeln!(out, "role-compare {}", env!("CARGO_PKG_VERSION"));
                Ok(0)
            }
            Some(other) => Err(format!("unknown command \"{other}\"")),
            None => Err("no command given".to_owned()),
        };
        match result {
            Ok(code) => code,
            Err(why) => {
                let _ = writeln!(err, "role-compare: {why}\n\n{USAGE}");
                2
            }
        }
    }

    /// Reads a file as UTF-8 text, as the widget reads a fetched body (a leading byte-order mark
    /// is dropped).
    fn read(path: &str) -> Result<String, String> {
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        String::from_utf8(bytes.to_vec()).map_err(|e| format!("{path} is not UTF-8 text: {e}"))
    }

    /// The dataset in `text`, read and validated, or every problem (each with its JSON path).
    pub fn dataset(text: &str) -> Result<Dataset, Vec<ValidationError>> {
        let dataset = data::parse_json(text)?;
        validate::validate(&dataset)?;
        Ok(dataset)
    }

    /// The JSON path of a problem as printed: the validator's own (`claims[5].sources[0]`), and
    /// `$` for the whole file (a missing top-level field, a syntax error, which also says its
    /// line and column, or a size limit), so that every line carries one.
    fn path(e: &ValidationError) -> &str {
        if e.path.is_empty() {
            "$"
        } else {
            &e.path
        }
    }

    /// One problem as a line: `FILE: PATH: MESSAGE`.
    fn line(file: &str, e: &ValidationError) -> String {
        format!("{file}: {}: {}", path(e), e.message)
    }

    /// "1 problem", "3 problems".
    fn problems(n: usize) -> String {
        format!("{n} problem{}", if n == 1 { "" } else { "s" })
    }

    fn check(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, String> {
        let json = args.iter().any(|a| a == "--json");
        let files: Vec<&String> = args.iter().filter(|a| *a != "--json").collect();
        if let Some(flag) = files.iter().find(|f| f.starts_with("--")) {
            return Err(format!("unknown option {flag}"));
        }
        if files.is_empty() {
            return Err("check needs at least one dataset file".to_owned());
        }
        let mut code = 0;
        let mut records = Vec::new();
        for file in files {
            let text = match read(file) {
                Ok(text) => text,
                Err(why) => {
                    let _ = writeln!(err, "role-compare: {why}");
                    code = 2;
                    continue;
                }
            };
            match dataset(&text) {
                Ok(d) => {
                    if !json {
                        let _ = writeln!(
                            out,
                            "{file}: valid ({} roles, {} facets, {} claims, {} sources)",
                            d.roles.len(),
                            d.facets.len(),
                            d.claims.len(),
                            d.sources.len()
                        );
                    }
                }
                Err(found) => {
                    code = code.max(1);
                    for p in &found {
                        if json {
                            records.push(serde_json::json!({
                                "file": file, "path": path(p), "message": p.message,
                            }));
                        } else {
                            let _ = writeln!(out, "{}", line(file, p));
                        }
                    }
                    if !json {
                        let _ = writeln!(err, "{file}: {}", problems(found.len()));
                    }
                }
            }
        }
        if json {
            let text = serde_json::to_string_pretty(&records).unwrap_or_default();
            let _ = writeln!(out, "{text}");
        }
        Ok(code)
    }

    /// The options of `prerender`, read in order.
    #[derive(Default)]
    struct Options {
        data: Option<String>,
        stylesheet: Option<String>,
        attributes: Vec<(String, String)>,
        element: bool,
        sync_url: bool,
        strict: bool,
    }

    fn options(args: &[String]) -> Result<Options, String> {
        let mut o = Options::default();
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            let name = arg
                .strip_prefix("--")
                .ok_or_else(|| format!("unexpected argument \"{arg}\""))?;
            // `--name=value` and `--name value` both work.
            let (name, inline) = match name.split_once('=') {
                Some((n, v)) => (n, Some(v.to_owned())),
                None => (name, None),
            };
            match name {
                "element" => o.element = true,
                "sync-url" => o.sync_url = true,
                "strict" => o.strict = true,
                _ => {
                    let known = name == "data"
                        || name == "stylesheet"
                        || FILTER_ATTRIBUTES.contains(&name)
                        || ELEMENT_ATTRIBUTES.contains(&name);
                    if !known {
                        return Err(format!("unknown option --{name}"));
                    }
                    let value = match inline {
                        Some(v) => v,
                        None => rest
                            .next()
                            .cloned()
                            .ok_or_else(|| format!("--{name} needs a value"))?,
                    };
                    if name == "data" {
                        o.data = Some(value);
                    } else if name == "stylesheet" {
                        o.stylesheet = Some(value);
                    } else if let Some(slot) = o.attributes.iter_mut().find(|(n, _)| n == name) {
                        slot.1 = value;
                    } else {
                        o.attributes.push((name.to_owned(), value));
                    }
                }
            }
        }
        let element_only = o
            .attributes
            .iter()
            .map(|(n, _)| n.as_str())
            .find(|n| ELEMENT_ATTRIBUTES.contains(n))
            .or(o.sync_url.then_some("sync-url"));
        if let (Some(name), false) = (element_only, o.element) {
            return Err(format!(
                "--{name} changes only the element, not its fallback: add --element to print the tag"
            ));
        }
        Ok(o)
    }

    fn prerender_command(
        args: &[String],
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> Result<u8, String> {
        let o = options(args)?;
        let dataset = match &o.data {
            None => data::bundled(),
            Some(file) => match dataset(&read(file)?) {
                Ok(d) => d,
                Err(found) => {
                    for p in &found {
                        let _ = writeln!(err, "{}", line(file, p));
                    }
                    let _ = writeln!(
                        err,
                        "role-compare: {file} is not a valid dataset ({}); no fallback written",
                        problems(found.len())
                    );
                    return Ok(1);
                }
            },
        };
        let attributes = o.attributes.clone();
        let fallback = prerender::fallback(Rc::new(dataset), |name| {
            attributes
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
        });
        for w in &fallback.warnings {
            let _ = writeln!(err, "{w}");
        }
        if o.strict && !fallback.warnings.is_empty() {
            return Ok(1);
        }
        let html = match &o.stylesheet {
            Some(href) => fallback.declarative(href),
            None => fallback.html,
        };
        if o.element {
            let mut tag = String::from("<role-compare");
            for (name, value) in &o.attributes {
                tag.push_str(&format!(
                    " {name}=\"{}\"",
                    prerender::escape_attribute(value)
                ));
            }
            if o.sync_url {
                tag.push_str(" sync-url");
            }
            let _ = writeln!(out, "{tag}>\n{html}\n</role-compare>");
        } else {
            let _ = writeln!(out, "{html}");
        }
        Ok(0)
    }
}
