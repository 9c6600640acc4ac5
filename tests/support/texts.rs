//! Every reader-facing paraphrase in a dataset, labelled with where it is, for the content checks
//! (copied sentences, standalone openers, lengths).

use role_compare::model::Dataset;

/// Role summaries, caveats, claims, conflict titles and sides, and key lines, each with a label
/// such as `claim cio-duties-leadership` or `conflict ciso-reports-to side 1`.
pub fn reader_texts(d: &Dataset) -> Vec<(String, &str)> {
    let mut texts = Vec::new();
    for r in &d.roles {
        texts.push((format!("role {} summary", r.id), r.summary.as_str()));
        for c in &r.caveats {
            texts.push((format!("caveat {}", c.id), c.text.as_str()));
        }
    }
    for c in &d.claims {
        texts.push((format!("claim {}", c.id), c.text.as_str()));
    }
    for k in &d.conflicts {
        texts.push((format!("conflict {} title", k.id), k.title.as_str()));
        for (j, s) in k.sides.iter().enumerate() {
            texts.push((format!("conflict {} side {j}", k.id), s.text.as_str()));
        }
    }
    for k in &d.key_lines {
        texts.push((format!("key line {}", k.id), k.text.as_str()));
    }
    texts
}
