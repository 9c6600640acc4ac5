//! The element's public inputs as plain data: attribute strings and the `state` property object,
//! turned into [`Filters`] with warnings for anything unknown.
//!
//! Pure Rust, tested natively: it knows the attribute grammar (`roles="cio ciso"`, `facets=…`,
//! `mode=…`, `search=…`) and the dataset's valid ids, and nothing of the DOM, yew or JavaScript.
//! The element layer reads the attributes and reports the warnings.

use crate::compare::{facet_indices, role_columns};
use crate::export::json_string;
use crate::json::{self, Value};
use crate::model::Dataset;
use crate::state::{Action, Detail, Filters, Mode};

/// Filters read from attributes, and one warning per attribute that had unknown values.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    /// The filters to apply.
    pub filters: Filters,
    /// Human-readable warnings, each naming the attribute and listing the valid values.
    pub warnings: Vec<String>,
}

/// Reads `roles`, `facets`, `mode`, `search` and `detail` through `get` (an attribute lookup).
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
            "<role-compare>: roles=\"{}\" names one role; comparing the default roles (name at least two of: {})",
            filters.roles[0],
            roles.join(" ")
        ));
        filters.roles.clear();
    }
    // The default roles (every role, or the first few of a long list) are spelled as "none
    // named", so an explicit list of them reads back as the default.
    let default: Vec<&str> = role_columns(d, &[]).into_iter().map(|i| roles[i]).collect();
    if filters.roles == default {
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
    if let Some(detail) = get("detail") {
        match Detail::parse(&detail) {
            Some(level) => filters.detail = level,
            None => warnings.push(format!(
                "<role-compare>: detail=\"{}\" is not valid; using \"summary\"; valid values: summary full",
                detail.trim()
            )),
        }
    }
    Parsed { filters, warnings }
}

/// The `heading-level` attribute: 1 to 6, default 2; anything else is 2, with a warning.
pub fn heading_level(value: Option<&str>) -> (u8, Option<String>) {
    let Some(value) = value else {
        return (DEFAULT_HEADING_LEVEL, None);
    };
    match value.trim().parse::<u8>() {
        Ok(level @ 1..=6) => (level, None),
        _ => (
            DEFAULT_HEADING_LEVEL,
            Some(format!(
                "<role-compare>: heading-level=\"{}\" is not valid; using {DEFAULT_HEADING_LEVEL}; valid values: 1 2 3 4 5 6",
                value.trim()
            )),
        ),
    }
}

/// The widget's heading level when the page does not set one.
pub const DEFAULT_HEADING_LEVEL: u8 = 2;

/// The action a change of the filter attribute `name` stands for: that filter, as
/// `from_attributes` (every attribute read again) now has it, so the reader's others stay.
/// `None` for an attribute that is not a filter.
pub fn attribute_action(name: &str, from_attributes: &Filters) -> Option<Action> {
    let f = from_attributes;
    Some(match name {
        "roles" => Action::SetRoles(f.roles.clone()),
        "facets" => Action::SetFacets(f.facets.clone()),
        "mode" => Action::SetMode(f.mode),
        "search" => Action::SetSearch(f.search.clone()),
        "detail" => Action::SetDetail(f.detail),
        _ => return None,
    })
}

fn quoted(values: &[&str]) -> String {
    values
        .iter()
        .map(|v| format!("\"{v}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The `state` property as JavaScript sees it (camelCase keys): the one spelling of the filters
/// wherever they leave the crate (the `state` getter, the change event's detail, the URL hash).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StateObject {
    /// Compared role ids, in dataset order (on the way in, empty means the default roles).
    pub roles: Vec<String>,
    /// Shown facet ids, in dataset order (on the way in, empty means every facet).
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
    /// `summary` or `full`.
    pub detail: String,
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
            detail: f.detail.as_str().to_owned(),
        }
    }
}

impl StateObject {
    /// The filters as they leave the crate: every compared role and every shown section listed,
    /// in dataset order, even when the reader never picked them ("all" is never an empty list).
    pub fn shown(f: &Filters, d: &Dataset) -> StateObject {
        let mut out = StateObject::from(f);
        out.roles = role_columns(d, &f.roles)
            .into_iter()
            .map(|i| d.roles[i].id.clone())
            .collect();
        out.facets = facet_indices(d, &f.facets)
            .into_iter()
            .map(|i| d.facets[i].id.clone())
            .collect();
        out
    }

    /// The object as one line of JSON text, keys in the documented order, unset narrowing
    /// filters as `null`; `counts` are appended as number members (the change event's
    /// `visibleRows` and `visibleStatements`). The loader and the event parse this text, so
    /// the spelling is written in this one place.
    pub fn to_json(&self, counts: &[(&str, usize)]) -> String {
        let list = |items: &[String]| {
            let quoted: Vec<String> = items.iter().map(|s| json_string(s)).collect();
            format!("[{}]", quoted.join(","))
        };
        let maybe = |v: &Option<String>| v.as_deref().map_or("null".to_owned(), json_string);
        let mut out = format!(
            "{{\"roles\":{},\"facets\":{},\"mode\":{},\"search\":{},\"dutyTopic\":{},\"issuer\":{},\"suits\":{},\"target\":{},\"detail\":{}",
            list(&self.roles),
            list(&self.facets),
            json_string(&self.mode),
            json_string(&self.search),
            maybe(&self.duty_topic),
            maybe(&self.issuer),
            maybe(&self.suits),
            maybe(&self.target),
            json_string(&self.detail),
        );
        for (key, n) in counts {
            out.push_str(&format!(",{}:{n}", json_string(key)));
        }
        out.push('}');
        out
    }

    /// Reads the object from JSON text (the loader serialises the `state` property): every key is optional, unknown keys are ignored, and `null` is
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
                Value::String(s) => Some(String::from(&**s)),
                _ => None,
            };
            let list = || match &value {
                Value::Array(items) => items.iter().map(string).collect::<Option<Vec<_>>>(),
                _ => None,
            };
            match &*key {
                "roles" => out.roles = list().ok_or_else(|| wrong("an array of strings"))?,
                "facets" => out.facets = list().ok_or_else(|| wrong("an array of strings"))?,
                "mode" => out.mode = string(&value).ok_or_else(|| wrong("a string"))?,
                "search" => out.search = string(&value).ok_or_else(|| wrong("a string"))?,
                "detail" => out.detail = string(&value).ok_or_else(|| wrong("a string"))?,
                "dutyTopic" | "issuer" | "suits" | "target" => {
                    let narrowed = match &value {
                        Value::Null => None,
                        v => Some(string(v).ok_or_else(|| wrong("a string or null"))?),
                    };
                    match &*key {
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
            "detail" => (!self.detail.is_empty()).then(|| self.detail.clone()),
            _ => None,
        });
        let duties: Vec<&str> = d
            .facet(crate::state::DUTIES)
            .map(|f| f.topics.iter().map(|t| t.id.as_str()).collect())
            .unwrap_or_default();
        let roles: Vec<&str> = d.roles.iter().map(|r| r.id.as_str()).collect();
        let issuers = d.tag_values(crate::state::CERTIFICATIONS, crate::state::ISSUER);
        let targets = d.tag_values(crate::state::REPORTING, crate::state::TARGET);
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
    fn heading_level_is_one_to_six_or_two() {
        assert_eq!(heading_level(None), (2, None));
        for n in 1..=6u8 {
            assert_eq!(heading_level(Some(&format!(" {n} "))), (n, None));
        }
        for bad in ["0", "7", "h3", "", "-1", "2.5"] {
            let (level, warning) = heading_level(Some(bad));
            assert_eq!(level, 2, "{bad}");
            assert!(warning.unwrap().contains("valid values: 1 2 3 4 5 6"));
        }
    }

    #[test]
    fn one_attribute_changes_one_filter() {
        let reader = Filters {
            search: "budget".into(),
            mode: Mode::Differences,
            target: Some("CEO".into()),
            ..Filters::default()
        };
        let attrs = parse(&[("roles", "cio ciso"), ("mode", "shared")]).filters;
        let next = reader
            .apply(attribute_action("roles", &attrs).unwrap())
            .unwrap();
        assert_eq!(next.roles, ["cio", "ciso"]);
        assert_eq!(next.search, "budget");
        assert_eq!(next.mode, Mode::Differences);
        assert_eq!(next.target.as_deref(), Some("CEO"));
    }

    #[test]
    fn detail_attribute_and_state_spelling() {
        use crate::state::Detail;
        assert_eq!(parse(&[]).filters.detail, Detail::Summary);
        assert_eq!(parse(&[("detail", " full ")]).filters.detail, Detail::Full);
        let bad = parse(&[("detail", "everything")]);
        assert_eq!(bad.filters.detail, Detail::Summary);
        assert!(bad.warnings[0].contains("valid values: summary full"));
        let object = StateObject::shown(&Filters::default(), &bundled());
        assert_eq!(
            object.roles,
            ["cio", "ciso", "cso"],
            "all is listed, never empty"
        );
        assert_eq!(object.facets.len(), bundled().facets.len());
        assert_eq!(object.detail, "summary");
        assert_eq!(object.to_filters(&bundled()).filters, Filters::default());
    }

    #[test]
    fn state_json_is_read_back_as_written() {
        let f = Filters {
            roles: vec!["cio".into(), "cso".into()],
            search: "say \"risk\"\n\u{2028}".into(),
            issuer: Some("ISC2".into()),
            detail: crate::state::Detail::Full,
            ..Filters::default()
        };
        let object = StateObject::shown(&f, &bundled());
        let text = object.to_json(&[("visibleRows", 7)]);
        assert!(
            text.starts_with("{\"roles\":[\"cio\",\"cso\"],\"facets\":[\"focus\""),
            "{text}"
        );
        assert!(
            text.contains("\"dutyTopic\":null,\"issuer\":\"ISC2\""),
            "{text}"
        );
        assert!(text.ends_with(",\"visibleRows\":7}"), "{text}");
        assert_eq!(StateObject::from_json(&text), Ok(object));
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
