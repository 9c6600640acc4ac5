//! The reporting-lines chart as plain data: nodes, levels and edges computed from the dataset's
//! reporting claims. Pure Rust: no yew, no DOM, no SVG strings (the view draws it).
