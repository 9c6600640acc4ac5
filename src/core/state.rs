//! The reader's filters and the actions that change them.
//!
//! A plain struct and a plain enum with a pure `apply`: no side effects, no yew, no DOM. The view
//! layer wraps this in yew's `Reducible`; the element layer maps attributes onto it. Keeping it
//! here lets every filter combination be tested natively.

use crate::model::Dataset;

pub use crate::model::{CERTIFICATIONS, DUTIES, ISSUER, REPORTING, TARGET};

/// Which rows to show, by how the selected roles compare on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Every row that has something to say for a selected role.
    #[default]
    All,
    /// Rows where the selected roles differ (including rows only one role has).
    Differences,
    /// Rows where every selected role shares the same statements.
    Shared,
}

impl Mode {
    /// Every mode, in the order the picker shows them.
    pub const ALL: [Mode; 3] = [Mode::All, Mode::Differences, Mode::Shared];

    /// The attribute / JSON spelling of the mode.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::All => "all",
            Mode::Differences => "differences",
            Mode::Shared => "shared",
        }
    }

    /// The label readers see.
    pub fn label(self) -> &'static str {
        match self {
            Mode::All => "All statements",
            Mode::Differences => "Differences only",
            Mode::Shared => "Shared only",
        }
    }

    /// Reads the attribute spelling; `None` for anything else.
    pub fn parse(s: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.as_str() == s.trim())
    }
}

/// How much of the comparison shows at first: the key differences with every facet's detail
/// folded, or every sourced statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Detail {
    /// The key-differences view leads; each facet's sourced detail is one click away.
    #[default]
    Summary,
    /// Every facet's sourced detail is open.
    Full,
}

impl Detail {
    /// Both levels, in the order the picker shows them.
    pub const ALL: [Detail; 2] = [Detail::Summary, Detail::Full];

    /// The attribute / JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Detail::Summary => "summary",
            Detail::Full => "full",
        }
    }

    /// Reads the attribute spelling; `None` for anything else.
    pub fn parse(s: &str) -> Option<Detail> {
        Detail::ALL.into_iter().find(|m| m.as_str() == s.trim())
    }
}

/// What the reader has chosen to see.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    /// Role ids to compare; empty means every role.
    pub roles: Vec<String>,
    /// Facet ids to show; empty means every facet.
    pub facets: Vec<String>,
    /// Inside the duties facet, only this topic.
    pub duty_topic: Option<String>,
    /// Inside the certifications facet, only claims whose `issuer` tag has this value.
    pub issuer: Option<String>,
    /// Inside the certifications facet, only claims about this role id.
    pub suits: Option<String>,
    /// Inside the reporting facet, only claims whose `target` tag has this value.
    pub target: Option<String>,
    /// Row selection by comparison status.
    pub mode: Mode,
    /// Text that a row's claims must contain (case-insensitive); empty matches everything.
    pub search: String,
    /// Key differences with the detail folded, or every facet's detail open.
    pub detail: Detail,
}

/// A change the reader (or the host page) makes to the filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Compare exactly these roles (empty: all).
    SetRoles(Vec<String>),
    /// Show exactly these facets (empty: all).
    SetFacets(Vec<String>),
    /// Narrow the duties facet to one topic, or not.
    SetDutyTopic(Option<String>),
    /// Narrow certifications to one issuing body, or not.
    SetIssuer(Option<String>),
    /// Narrow certifications to one role, or not.
    SetSuits(Option<String>),
    /// Narrow reporting lines to one target, or not.
    SetTarget(Option<String>),
    /// Change the comparison mode.
    SetMode(Mode),
    /// Change the search text.
    SetSearch(String),
    /// Fold or open every facet's detail.
    SetDetail(Detail),
    /// Replace every filter at once (the host page's `state` property).
    Replace(Filters),
    /// Back to the defaults.
    Reset,
}

impl Action {
    /// `Reset` as what it means on a page: back to the page's configured `defaults` (its
    /// attributes), not to the bare defaults. Any other action is returned unchanged.
    pub fn with_defaults(self, defaults: &Filters) -> Action {
        match self {
            Action::Reset => Action::Replace(defaults.clone()),
            other => other,
        }
    }
}

impl Filters {
    /// The filters after `action`, or `None` when the action changes nothing (so callers can
    /// skip a re-render).
    pub fn apply(&self, action: Action) -> Option<Filters> {
        let mut next = self.clone();
        match action {
            Action::SetRoles(roles) => next.roles = roles,
            Action::SetFacets(facets) => next.facets = facets,
            Action::SetDutyTopic(topic) => next.duty_topic = topic,
            Action::SetIssuer(issuer) => next.issuer = issuer,
            Action::SetSuits(role) => next.suits = role,
            Action::SetTarget(target) => next.target = target,
            Action::SetMode(mode) => next.mode = mode,
            Action::SetSearch(search) => next.search = search,
            Action::SetDetail(detail) => next.detail = detail,
            Action::Replace(filters) => next = filters,
            Action::Reset => next = Filters::default(),
        }
        (next != *self).then_some(next)
    }

    /// Whether anything narrows the rows beyond the role choice and the detail level.
    pub fn is_narrowed(&self) -> bool {
        let plain = Filters {
            roles: self.roles.clone(),
            detail: self.detail,
            ..Filters::default()
        };
        *self != plain
    }

    /// How many of the secondary filters (sections, mode, search, the narrowing selects) are
    /// set: the number the folded filter panel shows.
    pub fn active_count(&self) -> usize {
        [
            !self.facets.is_empty(),
            self.mode != Mode::All,
            !self.search.trim().is_empty(),
            self.duty_topic.is_some(),
            self.issuer.is_some(),
            self.suits.is_some(),
            self.target.is_some(),
        ]
        .into_iter()
        .filter(|&on| on)
        .count()
    }

    /// The sections the set narrowing selects narrow (duties, certifications, reporting), in
    /// dataset-independent order; empty when none is set.
    pub fn narrowed_facets(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.duty_topic.is_some() {
            out.push(DUTIES);
        }
        if self.issuer.is_some() || self.suits.is_some() {
            out.push(CERTIFICATIONS);
        }
        if self.target.is_some() {
            out.push(REPORTING);
        }
        out
    }

    /// Whether a facet's sourced detail opens by default: in full detail, or as soon as the
    /// reader narrows what the detail shows (a mode, a search, a narrowing select), since that
    /// is a question only the detail answers.
    pub fn detail_open(&self) -> bool {
        self.detail == Detail::Full
            || self.mode != Mode::All
            || !self.search.trim().is_empty()
            || self.duty_topic.is_some()
            || self.issuer.is_some()
            || self.suits.is_some()
            || self.target.is_some()
    }

    /// The active narrowing filters in words, for the empty-result message and the live region.
    pub fn describe(&self, d: &Dataset) -> Vec<String> {
        let mut out = Vec::new();
        if !self.facets.is_empty() {
            let labels: Vec<&str> = d
                .facets
                .iter()
                .filter(|f| self.facets.contains(&f.id))
                .map(|f| f.label.as_str())
                .collect();
            out.push(format!("sections: {}", labels.join(", ")));
        }
        if let Some(t) = &self.duty_topic {
            let label = d
                .facet(DUTIES)
                .and_then(|f| f.topics.iter().find(|x| &x.id == t))
                .map_or(t.as_str(), |x| x.label.as_str());
            out.push(format!("duty: {label}"));
        }
        if let Some(i) = &self.issuer {
            out.push(format!("issuing body: {i}"));
        }
        if let Some(r) = &self.suits {
            let abbr = d.role(r).map_or(r.as_str(), |x| x.abbr.as_str());
            out.push(format!("certifications for: {abbr}"));
        }
        if let Some(t) = &self.target {
            out.push(format!("reports to: {t}"));
        }
        if self.mode != Mode::All {
            out.push(format!("mode: {}", self.mode.label().to_ascii_lowercase()));
        }
        if !self.search.trim().is_empty() {
            out.push(format!("search: \u{201c}{}\u{201d}", self.search.trim()));
        }
        out
    }
}
