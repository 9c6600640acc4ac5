//! Prerenders the WordPress plugin's no-JS fallbacks: one per configuration the block and the
//! shortcode can name that a static file can match exactly (every role subset of two or more ×
//! mode × detail), plus `index.json`, the attribute grammar PHP validates with (role, facet, mode
//! and detail ids from the bundled dataset, the default roles) and the heading-level rewrite.
//! `cargo xtask build` runs it for `wordpress/`'s zip; PHP cannot run Rust, so it picks a file.
//!
//! Heading levels are not a dimension of the files: the level only changes `aria-level`
//! values, so PHP rewrites the level-2 file's `aria-level="2"` and `aria-level="3"` in one pass.
//! This program renders every level of every variant and fails if that rewrite does not give
//! exactly what the renderer gives, so the rule PHP applies is checked, not assumed.
//!
//! Run by hand: `cargo run --release --example wordpress_fallbacks -- OUT_DIR`

/// The element id the fallbacks are prerendered with; PHP replaces the id prefix it gives,
/// [`PREFIX_PLACEHOLDER`], with one of its own for each block on a page.
#[cfg(not(target_arch = "wasm32"))]
const ID_PLACEHOLDER: &str = "wpid";
/// `rc-` + [`ID_PLACEHOLDER`] + `-`, the prefix of every id in a stored fallback.
#[cfg(not(target_arch = "wasm32"))]
const PREFIX_PLACEHOLDER: &str = "rc-wpid-";

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use role_compare::state::{Detail, Mode};
    use role_compare::{data, prerender};
    use std::rc::Rc;

    let out = std::path::PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: wordpress_fallbacks OUT_DIR"),
    );
    std::fs::create_dir_all(&out).expect("create the output directory");
    let dataset = Rc::new(data::bundled());
    let roles: Vec<String> = dataset.roles.iter().map(|r| r.id.clone()).collect();
    let default_roles: Vec<String> = role_compare::compare::role_columns(&dataset, &[])
        .into_iter()
        .map(|i| roles[i].clone())
        .collect();

    // Every subset of two or more roles, in dataset order; the default set is spelled "default"
    // (the element's grammar reads an explicit list of the default roles as the default).
    let mut subsets: Vec<Vec<String>> = (0u32..1 << roles.len())
        .filter(|bits| bits.count_ones() >= 2)
        .map(|bits| {
            (0..roles.len())
                .filter(|i| bits & (1 << i) != 0)
                .map(|i| roles[i].clone())
                .collect()
        })
        .collect();
    assert!(
        roles.len() <= 6,
        "{} roles make {} subsets: too many files for a plugin; prerender a chosen few instead",
        roles.len(),
        subsets.len()
    );
    subsets.sort_by_key(|s| std::cmp::Reverse(s.len()));

    let mut variants = Vec::new();
    for subset in &subsets {
        let key = if *subset == default_roles {
            "default".to_owned()
        } else {
            subset.join("-")
        };
        for mode in Mode::ALL {
            for detail in Detail::ALL {
                let render_as = |level: u8, id: Option<&str>| {
                    let mut attrs = vec![
                        ("roles", subset.join(" ")),
                        ("mode", mode.as_str().to_owned()),
                        ("detail", detail.as_str().to_owned()),
                        ("heading-level", level.to_string()),
                    ];
                    attrs.extend(id.map(|id| ("id", id.to_owned())));
                    let fallback = prerender::fallback(Rc::clone(&dataset), |name| {
                        attrs
                            .iter()
                            .find(|(n, _)| *n == name)
                            .map(|(_, v)| v.clone())
                    });
                    assert!(
                        fallback.warnings.is_empty(),
                        "warnings: {:?}",
                        fallback.warnings
                    );
                    fallback.html
                };
                // Stored with the placeholder element id: PHP gives each block on a page its own
                // id prefix (two blocks' no-JS fallbacks then share no element id). The
                // placeholder must stand for nothing but the prefix: renamed back, it is the
                // render without an id.
                let render = |level: u8| render_as(level, Some(ID_PLACEHOLDER));
                let base = render(2);
                assert!(
                    base.replace(PREFIX_PLACEHOLDER, "rc1-") == render_as(2, None),
                    "the id placeholder is not only the id prefix in {key}"
                );
                for level in [1, 3, 4, 5, 6] {
                    let want = render(level);
                    let got = relevel(&base, level);
                    assert!(
                        got == want,
                        "the heading-level rewrite PHP applies does not reproduce level {level} of {key}/{}/{}",
                        mode.as_str(),
                        detail.as_str()
                    );
                }
                let file = format!("{key}.{}.{}.html", mode.as_str(), detail.as_str());
                std::fs::write(out.join(&file), &base).expect("write a fallback");
                variants.push(file);
            }
        }
    }
    let levels: serde_json::Map<String, serde_json::Value> = (1..=6u8)
        .map(|level| {
            let section = role_compare::view::section_level(level);
            (
                level.to_string(),
                serde_json::json!({ "2": level.to_string(), "3": section }),
            )
        })
        .collect();
    // The declarative shadow root around a stored fallback, split where PHP puts the stylesheet's
    // URL (which only WordPress knows): `open` + URL + `afterHref` + fallback + `close` is
    // `Fallback::declarative(URL)`, the one spelling of that markup.
    let probe = prerender::Fallback {
        html: "\u{1}".to_owned(),
        warnings: Vec::new(),
    }
    .declarative("\u{2}");
    let (open, rest) = probe.split_once('\u{2}').expect("the URL placeholder");
    let (after_href, close) = rest.split_once('\u{1}').expect("the fallback placeholder");
    let index = serde_json::json!({
        "declarative": { "open": open, "afterHref": after_href, "close": close },
        "roles": dataset.roles.iter().map(|r| serde_json::json!({ "id": r.id, "abbr": r.abbr, "name": r.name })).collect::<Vec<_>>(),
        "defaultRoles": default_roles,
        "facets": dataset.facets.iter().map(|f| serde_json::json!({ "id": f.id, "label": f.label })).collect::<Vec<_>>(),
        "modes": Mode::ALL.iter().map(|m| m.as_str()).collect::<Vec<_>>(),
        "details": Detail::ALL.iter().map(|d| d.as_str()).collect::<Vec<_>>(),
        "headingLevels": levels,
        "files": variants,
    });
    let index = format!("{index}\n");
    std::fs::write(out.join("index.json"), index).expect("write index.json");
    println!("{} fallbacks in {}", variants.len(), out.display());
}

/// The level-2 rendering moved to `level`, in one pass as PHP's `strtr` does it: the widget's
/// heading `aria-level="2"` becomes `level`, its sections' `aria-level="3"` one below.
#[cfg(not(target_arch = "wasm32"))]
fn relevel(html: &str, level: u8) -> String {
    let section = role_compare::view::section_level(level);
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    const KEY: &str = "aria-level=\"";
    while let Some(at) = rest.find(KEY) {
        out.push_str(&rest[..at + KEY.len()]);
        rest = &rest[at + KEY.len()..];
        if let Some(tail) = rest.strip_prefix("2\"") {
            out.push_str(&format!("{level}\""));
            rest = tail;
        } else if let Some(tail) = rest.strip_prefix("3\"") {
            out.push_str(&format!("{section}\""));
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(target_arch = "wasm32")]
fn main() {}
