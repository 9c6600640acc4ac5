//! The reader's filters and the actions that change them.
//!
//! A plain struct and a plain enum with a pure `apply`: no side effects, no yew, no DOM. The view
//! layer wraps this in yew's `Reducible`; the element layer maps attributes onto it. Keeping it
//! here lets every filter combination be tested natively.

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

    /// Reads the attribute spelling; `None` for anything else.
    pub fn parse(s: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.as_str() == s.trim())
    }
}

/// What the reader has chosen to see.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    /// Role ids to compare, in dataset order; empty means every role.
    pub roles: Vec<String>,
    /// Facet ids to show; empty means every facet.
    pub facets: Vec<String>,
    /// Row selection by comparison status.
    pub mode: Mode,
    /// Text that claims must contain (case-insensitive); empty matches everything.
    pub search: String,
}

/// A change the reader (or the host page) makes to the filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Show exactly these roles (empty: all).
    SetRoles(Vec<String>),
    /// Show exactly these facets (empty: all).
    SetFacets(Vec<String>),
    /// Change the comparison mode.
    SetMode(Mode),
    /// Change the search text.
    SetSearch(String),
    /// Back to the defaults.
    Reset,
}

impl Filters {
    /// The filters after `action`, or `None` when the action changes nothing (so callers can
    /// skip a re-render).
    pub fn apply(&self, action: Action) -> Option<Filters> {
        let mut next = self.clone();
        match action {
            Action::SetRoles(roles) => next.roles = roles,
            Action::SetFacets(facets) => next.facets = facets,
            Action::SetMode(mode) => next.mode = mode,
            Action::SetSearch(search) => next.search = search,
            Action::Reset => next = Filters::default(),
        }
        (next != *self).then_some(next)
    }
}
