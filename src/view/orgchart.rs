//! `OrgChart`: the reporting lines as an SVG picture with a text alternative. Dumb: it draws the
//! layout `chart` computed.
