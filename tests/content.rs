//! Native checks of the bundled dataset's *content*, the rules of `docs/DATASET.md` that a
//! validator cannot know because a host page's dataset need not follow them:
//!
//! - **Statements stand alone.** Filters and search show a claim without its neighbours, so no
//!   claim, caveat, role summary or key line starts with a word that needs a previous sentence
//!   ("By contrast", "Instead", "These", "Such", "This", "Also", "However", "It", "They", …).
//! - **Statements are short.** A claim has at most 25 words; the few justified exceptions are
//!   listed by id below, each with its reason, and the list may not go stale.
//! - **Every label is documented.** Every facet label and topic label appears in
//!   `docs/DATASET.md`.
//! - **Supplementary facts stay supplementary.** A claim citing an issuing body cites nothing else,
//!   sits in the `certifications` → `issuer` row, carries an `issuer` tag and starts with
//!   "Supplementary". When the articles sit beside the checkout in `../shared/sources` (as the
//!   copy check in `tests/dataset.rs` expects), neither such a claim nor an issuing body's title
//!   names a credential (an acronym such as CPP, or a title such as "Certified Protection
//!   Professional") that no article names; without that directory the check says so and passes.
//!   The detectors are unit-tested on text written here.

#![cfg(not(target_arch = "wasm32"))]

#[path = "support/articles.rs"]
mod articles;
#[path = "support/texts.rs"]
mod texts;

use role_compare::data;
use role_compare::model::{Claim, Dataset, SourceKind};
use std::path::Path;

// ---------------------------------------------------------------------------------------------
// Statements that stand alone
// ---------------------------------------------------------------------------------------------

/// Openings that lean on a previous sentence. Matched case-sensitively as whole words, so "IT"
/// and "Itself" pass where "It" does not.
const DEPENDENT_OPENERS: &[&str] = &[
    "By contrast",
    "In contrast",
    "On the other hand",
    "Instead",
    "These",
    "This",
    "Those",
    "That",
    "Such",
    "Also",
    "However",
    "Likewise",
    "Similarly",
    "Meanwhile",
    "Moreover",
    "Furthermore",
    "Additionally",
    "Besides",
    "Conversely",
    "Otherwise",
    "Therefore",
    "Thus",
    "Hence",
    "So",
    "Then",
    "Yet",
    "But",
    "And",
    "Or",
    "Still",
    "Again",
    "Even so",
    "As a result",
    "As mentioned",
    "Here",
    "Another",
    "The other",
    "The same",
    "Both roles",
    "Both of them",
    "Between them",
    "Either",
    "Neither",
    "It",
    "Its",
    "They",
    "Their",
    "Them",
    "He",
    "She",
    "His",
    "Her",
];

/// The dependent opening `text` starts with, if any.
fn dependent_opener(text: &str) -> Option<&'static str> {
    let text = text.trim_start();
    DEPENDENT_OPENERS.iter().copied().find(|o| {
        text.strip_prefix(o)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
    })
}

#[test]
fn the_opener_detector_flags_dependent_openings_only() {
    for text in [
        "By contrast, the CISO looks back.",
        "Instead, small firms hire a vCISO.",
        "These differences can be resolved.",
        "Such technologies must be secure.",
        "This is one of five priorities.",
        "Also, the CIO trains staff.",
        "It reports to the CEO.",
        "They plan security measures.",
        "However it varies.",
        "Both roles focus on strategy.",
        "  So the CIO leads.",
    ] {
        assert!(dependent_opener(text).is_some(), "not flagged: {text:?}");
    }
    for text in [
        "IT and security sit within the CIO's remit.",
        "Itself a senior post, the CIO reports to the CEO.",
        "Thesis: the CIO leads.",
        "The CIO and CISO both focus on strategy.",
        "Both the CIO and the CISO are senior roles.",
        "Supplementary, from the issuing body: ISC2 awards CISSP.",
        "Socially, the CIO bridges IT and business.",
        "Heads of IT report to the CIO.",
        "",
    ] {
        assert_eq!(dependent_opener(text), None, "flagged: {text:?}");
    }
}

#[test]
fn no_bundled_statement_leans_on_a_previous_sentence() {
    let d = data::bundled();
    let found: Vec<String> = texts::reader_texts(&d)
        .into_iter()
        // A conflict's title and sides are read together, in its disclosure.
        .filter(|(label, _)| !label.starts_with("conflict "))
        .filter_map(|(what, text)| {
            dependent_opener(text).map(|o| format!("{what} starts with {o:?}: {text}"))
        })
        .collect();
    assert!(
        found.is_empty(),
        "{} statement(s) need a previous sentence:\n{}",
        found.len(),
        found.join("\n")
    );
}

// ---------------------------------------------------------------------------------------------
// Statements that are short
// ---------------------------------------------------------------------------------------------

/// The most words a claim may have (whitespace-separated, as the key-line limit counts them).
const MAX_CLAIM_WORDS: usize = 25;

/// Claims allowed past the cap, each with the reason. Empty since dataset 1.1.0: every claim
/// fits. Add an entry only when splitting a statement would separate a fact from the hedge or
/// the attribution it needs.
const LONG_CLAIMS: &[(&str, &str)] = &[];

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

#[test]
fn bundled_claims_have_at_most_25_words_save_the_listed_exceptions() {
    let d = data::bundled();
    let long: Vec<String> = d
        .claims
        .iter()
        .filter(|c| words(&c.text) > MAX_CLAIM_WORDS)
        .filter(|c| !LONG_CLAIMS.iter().any(|(id, _)| *id == c.id))
        .map(|c| format!("{} ({} words): {}", c.id, words(&c.text), c.text))
        .collect();
    assert!(
        long.is_empty(),
        "{} claim(s) over {MAX_CLAIM_WORDS} words:\n{}",
        long.len(),
        long.join("\n")
    );
    // The exception list does not go stale: each entry exists, is still long and says why.
    for (id, why) in LONG_CLAIMS {
        let c = d
            .claims
            .iter()
            .find(|c| c.id == *id)
            .unwrap_or_else(|| panic!("LONG_CLAIMS names {id}, which is not a claim"));
        assert!(
            words(&c.text) > MAX_CLAIM_WORDS,
            "{id} now fits; drop it from LONG_CLAIMS"
        );
        assert!(!why.trim().is_empty(), "{id} is listed without a reason");
    }
}

// ---------------------------------------------------------------------------------------------
// Every label documented
// ---------------------------------------------------------------------------------------------

#[test]
fn every_facet_and_topic_label_appears_in_dataset_md() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/DATASET.md");
    let doc = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let d = data::bundled();
    let mut missing = Vec::new();
    for f in &d.facets {
        if !doc.contains(&f.label) {
            missing.push(format!("facet {}: {:?}", f.id, f.label));
        }
        for t in &f.topics {
            if !doc.contains(&t.label) {
                missing.push(format!("topic {}/{}: {:?}", f.id, t.id, t.label));
            }
            if !doc.contains(&format!("`{}`", t.id)) {
                missing.push(format!("topic id {}/{}", f.id, t.id));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not in docs/DATASET.md:\n{}",
        missing.join("\n")
    );
}

// ---------------------------------------------------------------------------------------------
// Supplementary facts
// ---------------------------------------------------------------------------------------------

/// Whether `c` cites an issuing body (and is therefore a supplementary fact).
fn is_supplementary(d: &Dataset, c: &Claim) -> bool {
    c.sources.iter().any(|s| {
        d.source(&s.source)
            .is_some_and(|s| s.kind == SourceKind::IssuingBody)
    })
}

#[test]
fn supplementary_claims_are_marked_and_kept_in_the_issuer_row() {
    let d = data::bundled();
    let supplementary: Vec<&Claim> = d
        .claims
        .iter()
        .filter(|c| is_supplementary(&d, c))
        .collect();
    assert!(!supplementary.is_empty());
    for c in &supplementary {
        assert!(
            c.text.starts_with("Supplementary"),
            "{} does not start with \"Supplementary\": {}",
            c.id,
            c.text
        );
        assert_eq!(
            (c.facet.as_str(), c.topic.as_str()),
            ("certifications", "issuer"),
            "{} is a supplementary claim outside the issuer row",
            c.id
        );
        assert!(
            c.tags.get("issuer").is_some_and(|v| !v.is_empty()),
            "{} has no issuer tag",
            c.id
        );
        for s in &c.sources {
            assert_eq!(
                d.source(&s.source).map(|s| s.kind),
                Some(SourceKind::IssuingBody),
                "{} mixes an article citation into a supplementary claim",
                c.id
            );
        }
    }
    // Only supplementary claims sit in the issuer row or carry an issuer tag.
    for c in &d.claims {
        if c.topic == "issuer" || c.tags.contains_key("issuer") {
            assert!(
                is_supplementary(&d, c),
                "{} is in the issuer row but cites no issuing body",
                c.id
            );
        }
    }
    // Every issuing body is cited: none is left over from a dropped credential.
    for s in d
        .sources
        .iter()
        .filter(|s| s.kind == SourceKind::IssuingBody)
    {
        assert!(
            supplementary
                .iter()
                .any(|c| c.sources.iter().any(|x| x.source == s.id)),
            "issuing body {} is cited by no claim",
            s.id
        );
    }
}

/// Words joining the capitalised words of a title ("Certified *in the* Governance *of*
/// Enterprise IT").
const TITLE_JOINERS: [&str; 3] = ["in", "of", "the"];

/// The credential acronyms (CPP, CISSP) and titles (runs of capitalised words with at least two
/// that are not acronyms, such as "Certified Protection Professional") that `text` names and that neither `issuers` (the
/// issuing bodies' own names) nor any of `articles` contains. Acronyms match whole words, exactly;
/// titles match case-insensitively, with runs of whitespace read as one space.
fn unnamed_credentials(text: &str, issuers: &[String], articles: &[String]) -> Vec<String> {
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let article_words: Vec<&str> = articles
        .iter()
        .flat_map(|a| a.split(|c: char| !c.is_alphanumeric()))
        .collect();
    let article_text = squash(&articles.join("\n").to_lowercase());
    let issuer_words: Vec<&str> = issuers
        .iter()
        .flat_map(|i| i.split(|c: char| !c.is_alphanumeric()))
        .collect();
    let is_issuer = |name: &str| {
        issuers
            .iter()
            .any(|i| i.to_lowercase().contains(&name.to_lowercase()))
    };

    let mut unnamed = Vec::new();
    // Runs of capitalised words, broken by punctuation and by other words.
    let mut runs: Vec<Vec<&str>> = vec![Vec::new()];
    for raw in text.split_whitespace() {
        let core = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if raw.starts_with('(') {
            runs.push(Vec::new());
        }
        let capital = core.starts_with(|c: char| c.is_uppercase());
        let joiner = TITLE_JOINERS.contains(&core) && !runs.last().unwrap().is_empty();
        if capital || joiner {
            runs.last_mut().unwrap().push(core);
        } else {
            runs.push(Vec::new());
        }
        if raw.ends_with(|c: char| !c.is_alphanumeric()) {
            runs.push(Vec::new());
        }
        // An acronym: two or more capitals, digits allowed (CISSP, ISC2).
        let capitals = core.chars().filter(char::is_ascii_uppercase).count();
        let acronym = capitals >= 2
            && core
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        if acronym && !issuer_words.contains(&core) && !article_words.contains(&core) {
            unnamed.push(core.to_owned());
        }
    }
    for mut run in runs {
        while run.last().is_some_and(|w| TITLE_JOINERS.contains(w)) {
            run.pop();
        }
        let is_acronym = |w: &str| w.chars().filter(char::is_ascii_uppercase).count() >= 2;
        let capitals = run
            .iter()
            .filter(|w| w.starts_with(|c: char| c.is_uppercase()) && !is_acronym(w))
            .count();
        if capitals < 2 {
            continue;
        }
        let title = run.join(" ");
        if !is_issuer(&title) && !article_text.contains(&title.to_lowercase()) {
            unnamed.push(title);
        }
    }
    unnamed
}

#[test]
fn the_credential_detector_flags_credentials_no_article_names() {
    let articles = vec![
        "Highly recommended: Certified Information Systems Security Professional (CISSP)\n\
         and Certified Information Security Manager (CISM). Also Certified in the Governance of \
         Enterprise IT (CGEIT) and PMP."
            .to_string(),
        "Another article about the CIO and the CISO.".to_string(),
    ];
    let issuers = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    // Named by an article, issuer excluded: nothing to report.
    assert!(unnamed_credentials(
        "Supplementary, from the issuing body rather than the articles: the CISSP credential is \
         awarded by ISC2.",
        &issuers(&["ISC2"]),
        &articles
    )
    .is_empty());
    assert!(unnamed_credentials(
        "Supplementary: the PMP credential is awarded by the Project Management Institute (PMI).",
        &issuers(&["PMI", "Project Management Institute"]),
        &articles
    )
    .is_empty());
    // A full title the article spells across a line break still counts as named.
    assert!(unnamed_credentials(
        "Supplementary: ISC2 awards the Certified Information Systems Security Professional.",
        &issuers(&["ISC2"]),
        &articles
    )
    .is_empty());
    // The CPP claim of dataset 1.0.0: no article names CPP or its title.
    assert_eq!(
        unnamed_credentials(
            "Supplementary, from the issuing body; none of the articles mention it: ASIS \
             International awards the Certified Protection Professional (CPP) credential to \
             security management professionals.",
            &issuers(&["ASIS International"]),
            &articles
        ),
        ["CPP", "Certified Protection Professional"]
    );
    // Acronyms in a list are acronyms, not a title; a title with joiners and an acronym is one.
    assert!(unnamed_credentials(
        "ISACA (issuing body of CISM and CGEIT) also issues the Certified in the Governance of \
         Enterprise IT.",
        &issuers(&["ISACA"]),
        &articles
    )
    .is_empty());
    // An invented credential in an issuing body's title is caught too.
    assert_eq!(
        unnamed_credentials(
            "ISACA (issuing body of CRISC)",
            &issuers(&["ISACA"]),
            &articles
        ),
        ["CRISC"]
    );
}

/// The five articles' texts, or `None` (with a note on stderr) when `dir` is absent.
fn articles_in(dir: &Path) -> Option<Vec<String>> {
    if !dir.is_dir() {
        eprintln!(
            "note: {} is absent, so the supplementary-credential check is skipped (it runs where \
             the source articles sit beside the checkout)",
            dir.display()
        );
        return None;
    }
    let texts = articles::read(dir);
    for prefix in ["000_", "001_", "002_", "003_", "004_"] {
        assert!(
            texts.iter().any(|(n, _)| n.starts_with(prefix)),
            "no {prefix}*.txt in {}",
            dir.display()
        );
    }
    Some(texts.into_iter().map(|(_, body)| body).collect())
}

/// The names an issuing body goes by: its title up to the parenthesis, split at commas
/// ("Project Management Institute, PMI (issuing body of PMP)" → the institute and PMI).
fn issuer_names(title: &str) -> Vec<String> {
    title
        .split('(')
        .next()
        .unwrap_or_default()
        .split(',')
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .collect()
}

#[test]
fn supplementary_facts_name_only_credentials_an_article_names() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources");
    let Some(articles) = articles_in(&dir) else {
        return;
    };
    let d = data::bundled();
    let mut found = Vec::new();
    for c in d.claims.iter().filter(|c| is_supplementary(&d, c)) {
        let mut issuers: Vec<String> = c.tags.get("issuer").cloned().unwrap_or_default();
        for s in &c.sources {
            if let Some(source) = d.source(&s.source) {
                issuers.extend(issuer_names(&source.title));
            }
        }
        for name in unnamed_credentials(&c.text, &issuers, &articles) {
            found.push(format!("claim {} names {name:?}", c.id));
        }
    }
    for s in d
        .sources
        .iter()
        .filter(|s| s.kind == SourceKind::IssuingBody)
    {
        for name in unnamed_credentials(&s.title, &issuer_names(&s.title), &articles) {
            found.push(format!("source {} names {name:?}", s.id));
        }
    }
    assert!(
        found.is_empty(),
        "supplementary material names credentials no article names:\n{}",
        found.join("\n")
    );
}

#[test]
fn issuer_names_come_from_the_title_before_the_parenthesis() {
    assert_eq!(
        issuer_names("Project Management Institute, PMI (issuing body of PMP)"),
        ["Project Management Institute", "PMI"]
    );
    assert_eq!(issuer_names("ISC2 (issuing body of CISSP)"), ["ISC2"]);
}
