//! Which popover or disclosure is open, as a typed key: a source marker's popover or a
//! "Sources disagree" disclosure, and where it sits. The app holds one `Option<Popover>`; a row
//! asks whether the open one is its own with [`Popover::in_row`], and a disclosure whether it
//! holds it with [`Popover::within`], by comparing fields, never by parsing ids. The DOM id
//! (for `aria-controls`) is written from the key in one place, [`Popover::dom_id`].

use std::fmt::Write;
use yew::AttrValue;

/// Where a "Sources disagree" disclosure sits: in the sourced detail, or on a key line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spot {
    /// In a detail row (the conflict's own id names it there).
    Detail,
    /// On the key line with this id.
    KeyLine(AttrValue),
}

/// The statement a list of source markers follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Marked {
    /// A claim, by id (each statement shows once in the detail).
    Claim(AttrValue),
    /// A key line, by facet index and key line id.
    KeyLine(usize, AttrValue),
    /// One side of a disagreement, inside its disclosure.
    Side {
        /// Where the disclosure sits.
        at: Spot,
        /// The conflict's id.
        conflict: AttrValue,
        /// The side's index.
        side: usize,
    },
}

/// An openable popover or disclosure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popover {
    /// The popover of source `source`'s marker after `on`.
    Cite {
        /// The statement the marker follows.
        on: Marked,
        /// The cited source's id.
        source: AttrValue,
    },
    /// A "Sources disagree" disclosure.
    Conflict {
        /// Where it sits.
        at: Spot,
        /// The conflict's id.
        conflict: AttrValue,
    },
}

impl Popover {
    /// Whether `self` sits inside the disclosure `outer` (a citation on one of its sides).
    pub fn within(&self, outer: &Popover) -> bool {
        match (self, outer) {
            (
                Popover::Cite {
                    on: Marked::Side { at, conflict, .. },
                    ..
                },
                Popover::Conflict {
                    at: outer_at,
                    conflict: outer_conflict,
                },
            ) => at == outer_at && conflict == outer_conflict,
            _ => false,
        }
    }

    /// Whether `self` belongs to a detail row with these claim ids and conflict ids.
    pub fn in_row<'a>(
        &self,
        mut claims: impl Iterator<Item = &'a str>,
        conflicts: &[&str],
    ) -> bool {
        match self {
            Popover::Cite {
                on: Marked::Claim(id),
                ..
            } => claims.any(|c| c == id.as_str()),
            Popover::Conflict {
                at: Spot::Detail,
                conflict,
            }
            | Popover::Cite {
                on:
                    Marked::Side {
                        at: Spot::Detail,
                        conflict,
                        ..
                    },
                ..
            } => conflicts.contains(&conflict.as_str()),
            _ => false,
        }
    }

    /// The popover's element id, unique on the page under the widget's `prefix`.
    pub fn dom_id(&self, prefix: &str) -> String {
        let mut out = String::from(prefix);
        let spot = |out: &mut String, at: &Spot| {
            if let Spot::KeyLine(id) = at {
                let _ = write!(out, "-key-{id}");
            }
        };
        match self {
            Popover::Conflict { at, conflict } => {
                spot(&mut out, at);
                let _ = write!(out, "-k-{conflict}");
            }
            Popover::Cite { on, source } => {
                match on {
                    Marked::Claim(id) => {
                        let _ = write!(out, "-c-{id}");
                    }
                    Marked::KeyLine(facet, id) => {
                        let _ = write!(out, "-key-{facet}-{id}");
                    }
                    Marked::Side { at, conflict, side } => {
                        spot(&mut out, at);
                        let _ = write!(out, "-k-{conflict}-{side}");
                    }
                }
                let _ = write!(out, "-{source}");
            }
        }
        out
    }
}

/// Which popover is open after `key` was toggled while `open` was open. Toggling the open one,
/// or a disclosure that holds the open one, closes it; anything else opens `key`.
pub fn toggle(open: Option<&Popover>, key: &Popover) -> Option<Popover> {
    match open {
        Some(o) if o == key || o.within(key) => None,
        _ => Some(key.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conflict(at: Spot, id: &'static str) -> Popover {
        Popover::Conflict {
            at,
            conflict: id.into(),
        }
    }

    fn side_cite(at: Spot, id: &'static str) -> Popover {
        Popover::Cite {
            on: Marked::Side {
                at,
                conflict: id.into(),
                side: 0,
            },
            source: "a1".into(),
        }
    }

    #[test]
    fn toggling_popovers() {
        let claim = Popover::Cite {
            on: Marked::Claim("c1".into()),
            source: "a1".into(),
        };
        let x = conflict(Spot::Detail, "x");
        assert_eq!(toggle(None, &claim), Some(claim.clone()));
        assert_eq!(toggle(Some(&claim), &claim), None);
        assert_eq!(toggle(Some(&claim), &x), Some(x.clone()));
        // Closing a disclosure closes the citation open inside it.
        assert_eq!(toggle(Some(&side_cite(Spot::Detail, "x")), &x), None);
        // The same conflict on a key line is another disclosure; so is another conflict.
        let on_key = conflict(Spot::KeyLine("k".into()), "x");
        assert_eq!(
            toggle(Some(&side_cite(Spot::Detail, "x")), &on_key),
            Some(on_key.clone())
        );
        assert_eq!(
            toggle(Some(&side_cite(Spot::Detail, "xy")), &x),
            Some(x.clone())
        );
    }

    #[test]
    fn rows_own_their_claims_and_conflicts_only() {
        let claim = Popover::Cite {
            on: Marked::Claim("c1".into()),
            source: "a1".into(),
        };
        assert!(claim.in_row(["c0", "c1"].into_iter(), &[]));
        assert!(!claim.in_row(["c10"].into_iter(), &[]));
        assert!(side_cite(Spot::Detail, "x").in_row(std::iter::empty(), &["x"]));
        assert!(!side_cite(Spot::KeyLine("k".into()), "x").in_row(std::iter::empty(), &["x"]));
        assert!(!conflict(Spot::Detail, "x").in_row(std::iter::empty(), &["xy"]));
    }

    #[test]
    fn dom_ids_are_the_documented_spelling() {
        let key_line = Popover::Cite {
            on: Marked::KeyLine(2, "cio-duties".into()),
            source: "a3".into(),
        };
        assert_eq!(key_line.dom_id("rc1"), "rc1-key-2-cio-duties-a3");
        assert_eq!(
            side_cite(Spot::KeyLine("cio-duties".into()), "x").dom_id("rc1"),
            "rc1-key-cio-duties-k-x-0-a1"
        );
        assert_eq!(conflict(Spot::Detail, "x").dom_id("rc2"), "rc2-k-x");
    }
}
