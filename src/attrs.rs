//! The element's public inputs as plain data: attribute strings and the `state` property object,
//! turned into [`Filters`] with warnings for anything unknown.
//!
//! Pure Rust, tested natively: it knows the attribute grammar (`roles="cio ciso"`, `facets=…`,
//! `mode=…`, `search=…`) and the dataset's valid ids, and nothing of the DOM, yew or JavaScript.
//! The element layer reads the attributes and reports the warnings.

use crate::json::{self, Value};
use crate::model::Dataset;
use crate::state::{Filters, Mode};
use serde::{Deserialize, Serialize};

/// The attributes the element observes, in the order the README documents them.
pub const OBSERVED: [&str; 8] = [
    "roles", "facets", "mode", "search", "theme", "src", "loading", "sync-url",
];

/// Filters read from attributes, and one warning per attribute that had unknown values.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    /// The filters to apply.
    pub filters: Filters,
    /// Human-readable warnings, each naming the attribute and listing the valid values.
    pub warnings: Vec<String>,
}

/// Reads `roles`, `facets`, `mode` and `search` through `get` (an attribute lookup).
///
/// Unknown ids are dropped and reported; a list with nothing valid left means "all". A `mode`
/// that is not `all`, `differences` or `shared` falls back to `all`. Nothing here fails.
pub fn filters_from_attributes(d: &Dataset, get: impl Fn(&str) -> Option<String>) -> Parsed {
    let mut warnings = Vec::new();
    let roles: Vec<&str> = d.roles.iter().map(|r| r.id.as_str()).collect();
    let facets: Vec<&str> = d.facets.iter().map(|f| f.id.as_str()).collect();
    let mut list = |name: &str, valid: &[&str]| -> Vec<String> {
        let Some(value) = get(name) else {
            return Vec::new();
        };
        let (known, unknown): (Vec<&str>, Vec<&str>) =
            value.split_whitespace().partition(|v| valid.contains(v));
        if !unknown.is_empty() {
            warnings.push(format!(
                "<role-compare>: {name}=\"{}\": ignored {}; valid values: {}",
                value.trim(),
                quoted(&unknown),
                valid.join(" ")
            ));
        }
        // Keep dataset order and drop repeats, so equal choices compare equal.
        valid
            .iter()
            .filter(|v| known.contains(v))
            .map(|v| (*v).to_owned())
            .collect()
    };
    let mut filters = Filters {
        roles: list("roles", &roles),
        facets: list("facets", &facets),
        ..Filters::default()
    };
    if filters.roles.len() == 1 && roles.len() > 1 {
        // A comparison of one role is no comparison: the controls keep two, and so do we.
        warnings.push(format!(
            "<role-compare>: roles=\"{}\" names one role; comparing all roles (name at least two of: {})",
            filters.roles[0],
            roles.join(" ")
        ));
        filters.roles.clear();
    }
    if filters.roles.len() == roles.len() {
        filters.roles.clear();
    }
    if filters.facets.len() == facets.len() {
        filters.facets.clear();
    }
    if let Some(mode) = get("mode") {
        match Mode::parse(&mode) {
            Some(m) => filters.mode = m,
            None => warnings.push(format!(
                "<role-compare>: mode=\"{}\" is not valid; using \"all\"; valid values: all differences shared",
                mode.trim()
            )),
        }
    }
    if let Some(search) = get("search") {
        filters.search = search;
    }
    Parsed { filters, warnings }
}

fn quoted(values: &[&str]) -> String {
    values
        .iter()
        .map(|v| format!("\"{v}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The `state` property as JavaScript sees it (camelCase keys).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct StateObject {
    /// Compared role ids (empty: all).
    pub roles: Vec<String>,
    /// Shown facet ids (empty: all).
    pub facets: Vec<String>,
    /// `all`, `differences` or `shared`.
    pub mode: String,
    /// Search text.
    pub search: String,
    /// Duty topic id, if narrowed.
    pub duty_topic: Option<String>,
    /// Certification issuer, if narrowed.
    pub issuer: Option<String>,
    /// Role id certifications are narrowed to, if any.
    pub suits: Option<String>,
    /// Reporting target, if narrowed.
    pub target: Option<String>,
}

impl From<&Filters> for StateObject {
    fn from(f: &Filters) -> Self {
        StateObject {
            roles: f.roles.clone(),
            facets: f.facets.clone(),
            mode: f.mode.as_str().to_owned(),
            search: f.search.clone(),
            duty_topic: f.duty_topic.clone(),
            issuer: f.issuer.clone(),
            suits: f.suits.clone(),
            target: f.target.clone(),
        }
    }
}

impl StateObject {
    /// Reads the object from JSON text (the loader serialises the `state` property). Like the
    /// serde derive it mirrors: every key is optional, unknown keys are ignored, and `null` is
    /// allowed only for the four narrowing filters; a value of the wrong type is an error that
    /// names its key.
    pub fn from_json(text: &str) -> Result<StateObject, String> {
        let value = json::parse(text).map_err(|e| format!("not JSON: {e}"))?;
        let Value::Object(members) = value else {
            return Err(format!("expected an object, found {}", value.describe()));
        };
        let mut out = StateObject::default();
        for (key, value) in members {
            let wrong =
                |expected: &str| format!("{key}: expected {expected}, found {}", value.describe());
            let string = |v: &Value| match v {
                Value::String(s) => Some(s.clone()),
                _ => None,
            };
            let list = || match &value {
                Value::Array(items) => items.iter().map(string).collect::<Option<Vec<_>>>(),
                _ => None,
            };
            match key.as_str() {
                "roles" => out.roles = list().ok_or_else(|| wrong("an array of strings"))?,
                "facets" => out.facets = list().ok_or_else(|| wrong("an array of strings"))?,
                "mode" => out.mode = string(&value).ok_or_else(|| wrong("a string"))?,
                "search" => out.search = string(&value).ok_or_else(|| wrong("a string"))?,
                "dutyTopic" | "issuer" | "suits" | "target" => {
                    let narrowed = match &value {
                        Value::Null => None,
                        v => Some(string(v).ok_or_else(|| wrong("a string or null"))?),
                    };
                    match key.as_str() {
                        "dutyTopic" => out.duty_topic = narrowed,
                        "issuer" => out.issuer = narrowed,
                        "suits" => out.suits = narrowed,
                        _ => out.target = narrowed,
                    }
                }
                _ => {}
            }
        }
        Ok(out)
    }

    /// The filters this object asks for, checked against `d` like attributes are.
    pub fn to_filters(&self, d: &Dataset) -> Parsed {
        let roles = self.roles.join(" ");
        let facets = self.facets.join(" ");
        let mut parsed = filters_from_attributes(d, |name| match name {
            "roles" => Some(roles.clone()),
            "facets" => Some(facets.clone()),
            "mode" => (!self.mode.is_empty()).then(|| self.mode.clone()),
            "search" => Some(self.search.clone()),
            _ => None,
        });
        let duties: Vec<&str> = d
            .facet(crate::state::DUTIES)
            .map(|f| f.topics.iter().map(|t| t.id.as_str()).collect())
            .unwrap_or_default();
        let roles: Vec<&str> = d.roles.iter().map(|r| r.id.as_str()).collect();
        let issuers = d.tag_values(crate::state::CERTIFICATIONS, "issuer");
        let targets = d.tag_values(crate::state::REPORTING, "target");
        let issuers: Vec<&str> = issuers.iter().map(String::as_str).collect();
        let targets: Vec<&str> = targets.iter().map(String::as_str).collect();
        let mut narrow = |name: &str, value: &Option<String>, valid: &[&str]| match value {
            Some(v) if !valid.contains(&v.as_str()) => {
                parsed.warnings.push(format!(
                    "<role-compare>: state.{name} = \"{v}\" is not known; ignored; valid values: {}",
                    valid.join(", ")
                ));
                None
            }
            other => other.clone(),
        };
        let duty_topic = narrow("dutyTopic", &self.duty_topic, &duties);
        let issuer = narrow("issuer", &self.issuer, &issuers);
        let suits = narrow("suits", &self.suits, &roles);
        let target = narrow("target", &self.target, &targets);
        parsed.filters.duty_topic = duty_topic;
        parsed.filters.issuer = issuer;
        parsed.filters.suits = suits;
        parsed.filters.target = target;
        parsed
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::data::bundled;

    fn parse(pairs: &[(&str, &str)]) -> Parsed {
        filters_from_attributes(&bundled(), |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn no_attributes_means_defaults() {
        assert_eq!(parse(&[]), Parsed::default());
    }

    #[test]
    fn lists_keep_dataset_order_and_drop_unknowns_with_one_warning() {
        let p = parse(&[
            ("roles", "  cso cio  cio  ceo "),
            ("facets", "duties focus"),
        ]);
        assert_eq!(p.filters.roles, ["cio", "cso"]);
        assert_eq!(p.filters.facets, ["focus", "duties"]);
        assert_eq!(p.warnings.len(), 1);
        assert!(p.warnings[0].contains("roles=\"cso cio  cio  ceo\""));
        assert!(p.warnings[0].contains("\"ceo\""));
        assert!(p.warnings[0].ends_with("valid values: cio ciso cso"));
    }

    #[test]
    fn one_role_is_not_a_comparison() {
        let p = parse(&[("roles", "cio nobody")]);
        assert!(p.filters.roles.is_empty(), "falls back to all roles");
        assert_eq!(p.warnings.len(), 2);
        assert!(p.warnings[1].contains("names one role"));
    }

    #[test]
    fn everything_listed_is_spelled_as_all() {
        let p = parse(&[("roles", "cio ciso cso")]);
        assert!(p.filters.roles.is_empty());
    }

    #[test]
    fn bad_mode_falls_back_with_a_warning() {
        let p = parse(&[("mode", "Differences!")]);
        assert_eq!(p.filters.mode, Mode::All);
        assert!(p.warnings[0].contains("valid values: all differences shared"));
        assert_eq!(parse(&[("mode", " shared ")]).filters.mode, Mode::Shared);
    }

    #[test]
    fn unknown_narrowing_values_in_state_are_dropped_with_a_warning() {
        let object = StateObject {
            duty_topic: Some("nope".into()),
            target: Some("CEO".into()),
            issuer: Some("Nobody Inc".into()),
            ..StateObject::default()
        };
        let p = object.to_filters(&bundled());
        assert_eq!(p.filters.duty_topic, None);
        assert_eq!(p.filters.issuer, None);
        assert_eq!(p.filters.target.as_deref(), Some("CEO"));
        assert_eq!(p.warnings.len(), 2);
        assert!(p.warnings[0].starts_with("<role-compare>: state.dutyTopic = \"nope\""));
    }

    #[test]
    fn state_object_round_trips() {
        let d = bundled();
        let f = Filters {
            roles: vec!["cio".into(), "ciso".into()],
            mode: Mode::Differences,
            search: "budget".into(),
            target: Some("CEO".into()),
            ..Filters::default()
        };
        let back = StateObject::from(&f).to_filters(&d);
        assert_eq!(back.filters, f);
        assert!(back.warnings.is_empty());
    }
}
