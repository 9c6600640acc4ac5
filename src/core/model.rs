//! The dataset's plain types: sources, facets and their topics, roles, claims and conflicts.
//!
//! This is the innermost ring. It is what `src/data/roles.json` and every host-supplied dataset
//! deserialize into, and it must know nothing of yew, web-sys, the DOM or how anything is drawn.
//! Field names here are the public JSON format documented in `docs/DATASET.md` and
//! `docs/dataset.schema.json`; renaming one is a breaking change for page authors.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The format number this code reads. A dataset with another `format` is refused by the validator.
pub const FORMAT: u32 = 1;

/// The facet whose topics the reader's duty filter chooses from.
pub const DUTIES: &str = "duties";
/// The facet the certification issuer and "for role" filters narrow.
pub const CERTIFICATIONS: &str = "certifications";
/// The facet the reporting-target filter narrows.
pub const REPORTING: &str = "reporting";
/// The claim tag naming a credential's issuer (in the certifications facet).
pub const ISSUER: &str = "issuer";
/// The claim tag naming whom a role reports to (in the reporting facet).
pub const TARGET: &str = "target";
/// Every tag key a claim may carry.
pub const TAG_KEYS: [&str; 2] = [TARGET, ISSUER];

/// "A", "A and B", "A, B and C": names as a reader lists them.
pub fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `c` in lower case, for case-insensitive search and matching: ASCII, Latin-1, Latin
/// Extended-A, Greek (final sigma folds to sigma) and Cyrillic, one character to one character;
/// any other character is its own fold. This covers the dataset's own characters and the
/// European scripts a host dataset is likely to use, without the Unicode case tables of
/// `char::to_lowercase` (about 4 KB of the wasm, measured; issue 16).
pub fn fold_case(c: char) -> char {
    let n = c as u32;
    let lower = match n {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => n + 0x20,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if n % 2 == 0 => n + 1,
        0x139..=0x148 | 0x179..=0x17E if n % 2 == 1 => n + 1,
        0x130 => 0x69,
        0x178 => 0xFF,
        0x386 => 0x3AC,
        0x388..=0x38A => n + 0x25,
        0x38C => 0x3CC,
        0x38E..=0x38F => n + 0x3F,
        0x391..=0x3A1 | 0x3A3..=0x3AB => n + 0x20,
        0x3C2 => 0x3C3,
        0x400..=0x40F => n + 0x50,
        0x410..=0x42F => n + 0x20,
        _ => n,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// `s` with every character through [`fold_case`].
pub fn fold_str(s: &str) -> String {
    s.chars().map(fold_case).collect()
}

/// A whole dataset: everything the widget shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Format number of the JSON layout (see [`FORMAT`]).
    pub format: u32,
    /// The comparison's title, the widget's heading (default: "CIO, CISO and CSO compared",
    /// from the compared roles' abbreviations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The dataset's own version, shown in the widget.
    pub version: String,
    /// The date (YYYY-MM-DD) the content was last checked against its sources, shown in the widget.
    pub last_reviewed: String,
    /// Everything a claim may cite.
    pub sources: Vec<Source>,
    /// The facets (groups of rows), in display order.
    pub facets: Vec<Facet>,
    /// The roles (columns), in display order.
    pub roles: Vec<Role>,
    /// The statements, each about one or more roles, on one topic of one facet.
    pub claims: Vec<Claim>,
    /// Places where the sources disagree, each side with its citations.
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
    /// The key-differences view: one short line per role (or shared by several roles) per facet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_lines: Vec<KeyLine>,
}

/// What kind of thing a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// One of the articles the dataset is built from.
    Article,
    /// The body that issues a credential, cited for a fact the articles do not state.
    IssuingBody,
}

/// A citable source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Identifier used by citations.
    pub id: String,
    /// Article or issuing body.
    pub kind: SourceKind,
    /// Title as shown to readers.
    pub title: String,
    /// Author, where the source names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Publisher, where the source names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// A short editorial note about the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A group of rows, such as duties or certifications.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facet {
    /// Identifier (`focus`, `duties`, …).
    pub id: String,
    /// Heading shown to readers.
    pub label: String,
    /// Whether the facet is one of the reader's facet filters.
    #[serde(default)]
    pub filter: bool,
    /// One line saying what the facet covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The rows of this facet, in display order.
    pub topics: Vec<Topic>,
}

/// One row inside a facet: the thing every role is compared on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Identifier, unique inside its facet.
    pub id: String,
    /// Row header shown to readers.
    pub label: String,
}

/// One executive role: a column of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Identifier (`cio`, `ciso`, `cso`).
    pub id: String,
    /// Abbreviation shown in headers.
    pub abbr: String,
    /// Full title.
    pub name: String,
    /// One-line summary.
    pub summary: String,
    /// Citations for the summary.
    #[serde(default)]
    pub summary_sources: Vec<Citation>,
    /// Naming caveats: where the title means something else, or is used for another role.
    #[serde(default)]
    pub caveats: Vec<Caveat>,
}

/// A caveat about a role's name or scope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Caveat {
    /// Identifier.
    pub id: String,
    /// The caveat, paraphrased.
    pub text: String,
    /// Where it comes from.
    pub sources: Vec<Citation>,
}

/// A pointer into a source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The cited source's id.
    pub source: String,
    /// Where in the source (a section heading or a short locator).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
}

/// One sourced statement about one or more roles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// Identifier.
    pub id: String,
    /// The roles the statement is about; several when a source says it of all of them.
    pub roles: Vec<String>,
    /// The facet it belongs to.
    pub facet: String,
    /// The topic (row) inside that facet.
    pub topic: String,
    /// The statement, paraphrased.
    pub text: String,
    /// Where it comes from: at least one citation.
    pub sources: Vec<Citation>,
    /// Filter values, by key: `target` (who a role reports to), `issuer` (a credential's issuer).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, Vec<String>>,
}

/// One line of the key-differences view: what a role is, on one facet, in a dozen words or
/// fewer. Several roles share a line when a source says it of all of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyLine {
    /// Identifier.
    pub id: String,
    /// The facet the line sums up.
    pub facet: String,
    /// The roles the line is about.
    pub roles: Vec<String>,
    /// The line, paraphrased (at most [`KEY_LINE_WORDS`] words).
    pub text: String,
    /// Where it comes from: at least one citation.
    pub sources: Vec<Citation>,
    /// Ids of the conflicts the line touches: the view marks the line as disputed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<String>,
}

/// The most words a key line may have: it must be read at a glance.
pub const KEY_LINE_WORDS: usize = 12;

/// A place where sources disagree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// Identifier.
    pub id: String,
    /// The disputed question.
    pub title: String,
    /// The facet of the disputed row.
    pub facet: String,
    /// The disputed row.
    pub topic: String,
    /// The roles the dispute concerns.
    #[serde(default)]
    pub roles: Vec<String>,
    /// Each position, with its sources (at least two).
    pub sides: Vec<ConflictSide>,
}

/// One position in a conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictSide {
    /// The position, paraphrased.
    pub text: String,
    /// Who holds it.
    pub sources: Vec<Citation>,
    /// Claims that state this position.
    #[serde(default)]
    pub claims: Vec<String>,
}

impl Source {
    /// "Author, Publisher", leaving out whichever the source does not name (empty: neither).
    pub fn byline(&self) -> String {
        [self.author.as_deref(), self.publisher.as_deref()]
            .into_iter()
            .flatten()
            .filter(|x| !x.trim().is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Dataset {
    /// The number readers see for the source `id`: its 1-based place in `sources`.
    pub fn source_number(&self, id: &str) -> Option<usize> {
        self.sources.iter().position(|s| s.id == id).map(|i| i + 1)
    }

    /// The role with this id, if any.
    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    /// The source with this id, if any.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The widget's heading: the dataset's title, or "A, B and C compared" for `abbrs`.
    pub fn heading(&self, abbrs: &[&str]) -> String {
        match &self.title {
            Some(t) if !t.trim().is_empty() => t.clone(),
            _ => {
                format!("{} compared", and_list(abbrs))
            }
        }
    }

    /// The facet with this id, if any.
    pub fn facet(&self, id: &str) -> Option<&Facet> {
        self.facets.iter().find(|f| f.id == id)
    }

    /// Every distinct value of the tag `key` on the claims of `facet`, in first-seen order.
    pub fn tag_values(&self, facet: &str, key: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for claim in self.claims.iter().filter(|c| c.facet == facet) {
            for v in claim.tags.get(key).into_iter().flatten() {
                if !out.contains(v) {
                    out.push(v.clone());
                }
            }
        }
        out
    }
}
