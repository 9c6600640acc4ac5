//! The reporting-lines chart as plain data: nodes, levels and edges computed from the dataset's
//! reporting claims. Pure Rust: no yew, no DOM, no SVG strings (the view draws it).
//!
//! [`build`] turns the compared roles and the `target` tags of their claims in the reporting
//! facet into a layered picture: whoever is reported to sits above whoever reports, rows run top
//! to bottom, and every node and line has integer coordinates. [`describe`] gives the same
//! content as sentences, the chart's text alternative. Everything here is derived from the
//! dataset only; this module must know nothing of yew, the browser or markup.

use crate::model::{Citation, Dataset};
use crate::state::REPORTING;
use std::cmp::Ordering;

/// Space around the whole picture, in user units.
pub const MARGIN: u32 = 16;
/// Height of every node box.
pub const NODE_HEIGHT: u32 = 40;
/// Smallest node box width.
pub const MIN_NODE_WIDTH: u32 = 80;
/// Estimated width of one label character at a font size of about 16 user units (the SVG default).
pub const CHAR_WIDTH: u32 = 11;
/// Padding left and right of a label inside its box.
pub const NODE_PADDING: u32 = 16;
/// Horizontal space between neighbouring slots in a row.
pub const COLUMN_GAP: u32 = 32;
/// Vertical space between rows (room for the lines and arrowheads).
pub const ROW_GAP: u32 = 56;
/// How far apart two opposite lines between the same pair of nodes are drawn.
const PAIR_OFFSET: i64 = 5;
/// Least distance between a line passing a row and the boxes on that row.
const CLEARANCE: i64 = 8;

/// The laid-out reporting chart.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Chart {
    /// Indices into `dataset.roles` of the compared roles, deduplicated, in dataset order.
    pub roles: Vec<usize>,
    /// Compared roles first (dataset order), then the targets they report to (first-seen order).
    /// Empty when no compared role has a reporting line.
    pub nodes: Vec<Node>,
    /// One line per (role, target) pair, in node order of the role, then first-seen target order.
    pub edges: Vec<Edge>,
    /// Width of the picture in user units (0 when empty).
    pub width: u32,
    /// Height of the picture in user units (0 when empty).
    pub height: u32,
}

/// A box in the chart: a role or someone a role reports to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The text in the box: a role's `abbr`, or the target as the dataset first spells it.
    pub label: String,
    /// Index into `dataset.roles` when the node is one of the dataset's roles.
    pub role: Option<usize>,
    /// Whether the node is one of the compared roles (only those have outgoing lines).
    pub compared: bool,
    /// Row, 0 at the top. A node that reports to nobody in the chart is on row 0; any other
    /// node is on row 1 + the largest row of its targets. Cycles are cut off (see [`build`]).
    pub level: u32,
    /// Centre of the box.
    pub x: u32,
    /// Centre of the box.
    pub y: u32,
    /// Box width.
    pub width: u32,
    /// Box height.
    pub height: u32,
}

/// A reporting line: `from` reports to `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// Index into `nodes` of the role that reports.
    pub from: usize,
    /// Index into `nodes` of whom it reports to.
    pub to: usize,
    /// Indices into `dataset.claims` of the claims that state this line, ascending.
    pub claims: Vec<usize>,
    /// Whether the role has several possible lines (then each is one alternative) rather
    /// than one line only.
    pub alternative: bool,
    /// The line as a polyline of at least two points: it starts on the border of the `from`
    /// box and ends (the arrowhead) on the border of the `to` box. A line that crosses rows in
    /// between passes them through a gap between boxes, never through a box.
    pub points: Vec<Point>,
}

/// A point in the chart's user units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Point {
    /// Distance from the left edge.
    pub x: u32,
    /// Distance from the top edge.
    pub y: u32,
}

impl Chart {
    /// Whether there is nothing to draw.
    pub fn is_empty(&self) -> bool {
        self.edges.is_empty()
    }

    /// The edges leaving node `from`, in order.
    pub fn edges_from(&self, from: usize) -> impl Iterator<Item = &Edge> {
        self.edges.iter().filter(move |e| e.from == from)
    }

    /// The index of the node labelled `label` (case-insensitive), if any.
    pub fn node(&self, label: &str) -> Option<usize> {
        let wanted = fold(label);
        self.nodes.iter().position(|n| fold(&n.label) == wanted)
    }
}

/// Computes the reporting chart for the roles at `compared` (indices into `dataset.roles`).
///
/// Indices out of range are ignored and duplicates count once. A target equal (ignoring case
/// and surrounding space) to some role's `abbr` is that role's node, compared or not; other
/// targets are merged case-insensitively. A role naming itself as its target is skipped.
///
/// Levels are computed by repeated relaxation, each capped at the node count minus one, for at
/// most as many rounds as there are nodes, so a dataset whose lines form a cycle still gives a
/// finite chart. Rows are then renumbered without gaps (this only matters for cycles).
pub fn build(dataset: &Dataset, compared: &[usize]) -> Chart {
    let mut roles: Vec<usize> = compared
        .iter()
        .copied()
        .filter(|&i| i < dataset.roles.len())
        .collect();
    roles.sort_unstable();
    roles.dedup();

    let mut nodes: Vec<Node> = roles
        .iter()
        .map(|&ri| new_node(dataset.roles[ri].abbr.clone(), Some(ri), true))
        .collect();
    let mut edges: Vec<Edge> = Vec::new();

    for (from, &ri) in roles.iter().enumerate() {
        let role_id = &dataset.roles[ri].id;
        let about_role = dataset
            .claims
            .iter()
            .enumerate()
            .filter(|(_, c)| c.facet == REPORTING && c.roles.iter().any(|r| r == role_id));
        for (ci, claim) in about_role {
            let Some(targets) = claim.tags.get(crate::model::TARGET) else {
                continue;
            };
            for target in targets {
                let Some(to) = target_node(dataset, &mut nodes, target) else {
                    continue;
                };
                if to == from {
                    continue;
                }
                match edges.iter_mut().find(|e| e.from == from && e.to == to) {
                    Some(edge) => {
                        if !edge.claims.contains(&ci) {
                            edge.claims.push(ci);
                        }
                    }
                    None => edges.push(Edge {
                        from,
                        to,
                        claims: vec![ci],
                        alternative: false,
                        points: Vec::new(),
                    }),
                }
            }
        }
    }

    if edges.is_empty() {
        return Chart {
            roles,
            ..Chart::default()
        };
    }
    for from in 0..nodes.len() {
        let several = edges.iter().filter(|e| e.from == from).count() > 1;
        for edge in edges.iter_mut().filter(|e| e.from == from) {
            edge.alternative = several;
            edge.claims.sort_unstable();
        }
    }

    assign_levels(&mut nodes, &edges);
    let (width, height) = place(&mut nodes);
    // A detour below the last row needs room of its own.
    let height = height.max(route(&nodes, &mut edges).saturating_add(MARGIN));
    Chart {
        roles,
        nodes,
        edges,
        width,
        height,
    }
}

/// The chart's text alternative: one sentence per compared role, or a single sentence saying
/// that nothing is recorded when the chart is empty.
///
/// Source numbers are written like the comparison table's markers: `[n]` is the n-th entry of
/// `dataset.sources`. A role is said to have disagreeing sources when a conflict in the
/// reporting facet names it (or names no role at all).
pub fn describe(chart: &Chart, dataset: &Dataset) -> Vec<String> {
    let abbrs: Vec<&str> = chart
        .roles
        .iter()
        .map(|&ri| dataset.roles[ri].abbr.as_str())
        .collect();
    if chart.is_empty() {
        return vec![if abbrs.is_empty() {
            "No reporting line is recorded.".to_owned()
        } else {
            format!("No reporting line is recorded for {}.", or_list(&abbrs))
        }];
    }
    chart
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.compared)
        .map(|(i, node)| {
            let edges: Vec<&Edge> = chart.edges_from(i).collect();
            let mut sentence = if edges.is_empty() {
                format!("No reporting line is recorded for {}.", node.label)
            } else {
                let targets: Vec<String> = edges
                    .iter()
                    .map(|e| format!("the {}", chart.nodes[e.to].label))
                    .collect();
                let claims: Vec<usize> = edges.iter().flat_map(|e| e.claims.clone()).collect();
                let cited = source_numbers(dataset, &claims);
                format!(
                    "{} reports to {} ({}).",
                    node.label,
                    or_list(&targets),
                    cite_list(&cited)
                )
            };
            if let Some(ri) = node.role {
                let disputed = disputed_sources(dataset, &dataset.roles[ri].id);
                if let Some(numbers) = disputed {
                    sentence.push_str(" Sources disagree on this");
                    if !numbers.is_empty() {
                        sentence.push_str(": see ");
                        sentence.push_str(&numbers_text(&numbers));
                    }
                    sentence.push('.');
                }
            }
            sentence
        })
        .collect()
}

/// The 1-based numbers (positions in `dataset.sources`) of the sources cited by `claims`,
/// ascending and without repeats. Citations of unknown sources are left out.
pub fn source_numbers(dataset: &Dataset, claims: &[usize]) -> Vec<usize> {
    numbers_of(
        dataset,
        claims
            .iter()
            .filter_map(|&ci| dataset.claims.get(ci))
            .flat_map(|c| c.sources.iter()),
    )
}

/// `(source: [3])` or `(sources: [1], [4])` without the parentheses.
pub fn cite_list(numbers: &[usize]) -> String {
    match numbers.len() {
        0 => "no source recorded".to_owned(),
        1 => format!("source: {}", numbers_text(numbers)),
        _ => format!("sources: {}", numbers_text(numbers)),
    }
}

fn numbers_text(numbers: &[usize]) -> String {
    numbers
        .iter()
        .map(|n| format!("[{n}]"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn numbers_of<'a>(dataset: &Dataset, cites: impl Iterator<Item = &'a Citation>) -> Vec<usize> {
    let mut out: Vec<usize> = cites
        .filter_map(|c| dataset.source_number(&c.source))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// `None` when no reporting conflict concerns `role_id`; otherwise the numbers of the sources
/// on every side of every such conflict.
fn disputed_sources(dataset: &Dataset, role_id: &str) -> Option<Vec<usize>> {
    let conflicts: Vec<_> = dataset
        .conflicts
        .iter()
        .filter(|k| k.facet == REPORTING)
        .filter(|k| k.roles.is_empty() || k.roles.iter().any(|r| r == role_id))
        .collect();
    if conflicts.is_empty() {
        return None;
    }
    Some(numbers_of(
        dataset,
        conflicts
            .iter()
            .flat_map(|k| k.sides.iter())
            .flat_map(|s| s.sources.iter()),
    ))
}

/// "A", "A or B", "A, B or C".
fn or_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., last] => {
            let head: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} or {}", head.join(", "), last.as_ref())
        }
    }
}

fn fold(s: &str) -> String {
    crate::model::fold_str(s.trim())
}

fn new_node(label: String, role: Option<usize>, compared: bool) -> Node {
    let chars = u32::try_from(label.chars().count()).unwrap_or(u32::MAX / 2);
    let width = chars
        .saturating_mul(CHAR_WIDTH)
        .saturating_add(2 * NODE_PADDING)
        .clamp(MIN_NODE_WIDTH, 4 * 1024);
    Node {
        label,
        role,
        compared,
        level: 0,
        x: 0,
        y: 0,
        width,
        height: NODE_HEIGHT,
    }
}

/// The node for a target string, added if new; `None` for a blank target.
fn target_node(dataset: &Dataset, nodes: &mut Vec<Node>, target: &str) -> Option<usize> {
    let key = fold(target);
    if key.is_empty() {
        return None;
    }
    if let Some(ri) = dataset.roles.iter().position(|r| fold(&r.abbr) == key) {
        if let Some(i) = nodes.iter().position(|n| n.role == Some(ri)) {
            return Some(i);
        }
        nodes.push(new_node(dataset.roles[ri].abbr.clone(), Some(ri), false));
        return Some(nodes.len() - 1);
    }
    if let Some(i) = nodes
        .iter()
        .position(|n| n.role.is_none() && fold(&n.label) == key)
    {
        return Some(i);
    }
    nodes.push(new_node(target.trim().to_owned(), None, false));
    Some(nodes.len() - 1)
}

/// Level 0 for nodes without outgoing edges, else 1 + the highest level among the targets,
/// capped so cycles end; then renumbered densely.
fn assign_levels(nodes: &mut [Node], edges: &[Edge]) {
    let n = nodes.len();
    let cap = u32::try_from(n.saturating_sub(1)).unwrap_or(u32::MAX);
    let mut level = vec![0u32; n];
    for _ in 0..n {
        let mut changed = false;
        for from in 0..n {
            let highest = edges
                .iter()
                .filter(|e| e.from == from)
                .map(|e| level[e.to])
                .max();
            if let Some(h) = highest {
                let next = h.saturating_add(1).min(cap);
                if next != level[from] {
                    level[from] = next;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let mut used = level.clone();
    used.sort_unstable();
    used.dedup();
    for (node, l) in nodes.iter_mut().zip(level) {
        let dense = used.binary_search(&l).unwrap_or(0);
        node.level = u32::try_from(dense).unwrap_or(u32::MAX);
    }
}

/// Gives every node its centre; returns the picture's width and height.
///
/// Every row is divided into equal slots across the full width, so rows with fewer nodes are
/// spread out and centred; nodes keep their order (node index) inside a row.
fn place(nodes: &mut [Node]) -> (u32, u32) {
    let rows = nodes.iter().map(|n| n.level).max().map_or(0, |m| m + 1);
    let widest_box = nodes.iter().map(|n| n.width).max().unwrap_or(0);
    let slot = widest_box + COLUMN_GAP;
    let per_row: Vec<u32> = (0..rows)
        .map(|r| {
            let count = nodes.iter().filter(|n| n.level == r).count();
            u32::try_from(count).unwrap_or(u32::MAX)
        })
        .collect();
    let most = per_row.iter().copied().max().unwrap_or(0);
    let inner = most.saturating_mul(slot);
    let width = inner.saturating_add(2 * MARGIN);
    let height = (rows.saturating_mul(NODE_HEIGHT + ROW_GAP))
        .saturating_sub(ROW_GAP)
        .saturating_add(2 * MARGIN);
    let mut seen = vec![0u32; per_row.len()];
    for node in nodes.iter_mut() {
        let r = node.level as usize;
        let k = seen[r];
        seen[r] += 1;
        let count = u64::from(per_row[r].max(1));
        let x = u64::from(inner) * (2 * u64::from(k) + 1) / (2 * count);
        node.x = MARGIN.saturating_add(u32::try_from(x).unwrap_or(u32::MAX));
        node.y = MARGIN
            .saturating_add(node.level.saturating_mul(NODE_HEIGHT + ROW_GAP))
            .saturating_add(NODE_HEIGHT / 2);
    }
    (width, height)
}

/// The points of every edge. The line leaves the top of the `from` box when the target is on a
/// higher row (the bottom when lower) and enters the facing side of the target box; the lines
/// meeting one side of a box are spread along it. On the same row a line runs side to side, or
/// detours below the row when boxes are in between. Rows strictly between the two ends are
/// crossed vertically through the free gap nearest to the straight line, so no line runs
/// through a box. Returns the lowest y any line reaches.
fn route(nodes: &[Node], edges: &mut [Edge]) -> u32 {
    let ports = ports(nodes, edges);
    let pairs: Vec<(usize, usize)> = edges.iter().map(|e| (e.from, e.to)).collect();
    let mut lowest = 0;
    for (edge, (sx, ex)) in edges.iter_mut().zip(ports) {
        let a = &nodes[edge.from];
        let b = &nodes[edge.to];
        let (ax, ay, bx, by) = (
            i64::from(a.x),
            i64::from(a.y),
            i64::from(b.x),
            i64::from(b.y),
        );
        let (ahw, ahh, bhw, bhh) = (
            i64::from(a.width / 2),
            i64::from(a.height / 2),
            i64::from(b.width / 2),
            i64::from(b.height / 2),
        );
        // Opposite lines between the same two boxes on one row are drawn a little apart.
        let shift = if !pairs.contains(&(edge.to, edge.from)) {
            0
        } else if edge.from < edge.to {
            -PAIR_OFFSET
        } else {
            PAIR_OFFSET
        };
        let mut points: Vec<(i64, i64)> = match ay.cmp(&by) {
            Ordering::Greater => vec![(sx, ay - ahh), (ex, by + bhh)],
            Ordering::Less => vec![(sx, ay + ahh), (ex, by - bhh)],
            Ordering::Equal if detours(nodes, a, b) => {
                let lane = ay + ahh + i64::from(ROW_GAP / 2) + shift;
                vec![(sx, ay + ahh), (sx, lane), (ex, lane), (ex, by + bhh)]
            }
            Ordering::Equal if ax <= bx => vec![(ax + ahw, ay + shift), (bx - bhw, by + shift)],
            Ordering::Equal => vec![(ax - ahw, ay + shift), (bx + bhw, by + shift)],
        };
        if ay != by {
            let (first, last) = (points[0], points[1]);
            let (lo, hi) = (a.level.min(b.level), a.level.max(b.level));
            let mut between: Vec<u32> = (lo + 1..hi).collect();
            if a.level > b.level {
                between.reverse();
            }
            let mut via = Vec::new();
            for row in between {
                let Some(cy) = nodes
                    .iter()
                    .find(|n| n.level == row)
                    .map(|n| i64::from(n.y))
                else {
                    continue;
                };
                let half = i64::from(NODE_HEIGHT / 2);
                // Where the straight line would cross the row's centre line.
                let span = last.1 - first.1;
                let straight = if span == 0 {
                    first.0
                } else {
                    first.0 + (last.0 - first.0) * (cy - first.1) / span
                };
                let x = free_x(nodes, row, straight);
                let (enter, leave) = if a.level > b.level {
                    (cy + half, cy - half)
                } else {
                    (cy - half, cy + half)
                };
                via.push((x, enter));
                via.push((x, leave));
            }
            points.splice(1..1, via);
        }
        let to_u32 = |v: i64| u32::try_from(v.max(0)).unwrap_or(u32::MAX);
        edge.points = points
            .into_iter()
            .map(|(x, y)| Point {
                x: to_u32(x),
                y: to_u32(y),
            })
            .collect();
        lowest = edge.points.iter().map(|p| p.y).fold(lowest, u32::max);
    }
    lowest
}

/// Whether a line between two boxes on the same row must detour: other boxes lie between them.
fn detours(nodes: &[Node], a: &Node, b: &Node) -> bool {
    a.level == b.level
        && nodes
            .iter()
            .any(|n| n.level == a.level && n.x > a.x.min(b.x) && n.x < a.x.max(b.x))
}

/// For every edge, the x where it leaves its `from` box and the x where it enters its `to` box,
/// for the lines that meet a box's top or bottom side. The lines meeting one side of one box are
/// spread evenly along it, ordered by the x of their other end (then by edge order), so they
/// neither share a point nor cross at the box. Side-to-side lines get the box centres (unused).
fn ports(nodes: &[Node], edges: &[Edge]) -> Vec<(i64, i64)> {
    // (node, below?, x of the other end, edge, is the start) for every end on a top/bottom side.
    let mut ends: Vec<(usize, bool, u32, usize, bool)> = Vec::new();
    for (i, e) in edges.iter().enumerate() {
        let (a, b) = (&nodes[e.from], &nodes[e.to]);
        if a.y == b.y && !detours(nodes, a, b) {
            continue;
        }
        // A line to a higher row leaves the top of `a` and enters the bottom of `b`; a line to
        // a lower row the other way round; a detour uses both bottoms.
        let (a_below, b_below) = match a.y.cmp(&b.y) {
            Ordering::Greater => (false, true),
            Ordering::Less => (true, false),
            Ordering::Equal => (true, true),
        };
        ends.push((e.from, a_below, b.x, i, true));
        ends.push((e.to, b_below, a.x, i, false));
    }
    ends.sort_unstable();
    let mut out: Vec<(i64, i64)> = edges
        .iter()
        .map(|e| (i64::from(nodes[e.from].x), i64::from(nodes[e.to].x)))
        .collect();
    for side in ends.chunk_by(|p, q| (p.0, p.1) == (q.0, q.1)) {
        let node = &nodes[side[0].0];
        let left = i64::from(node.x) - i64::from(node.width / 2);
        let count = i64::try_from(side.len()).unwrap_or(i64::MAX - 1);
        for (k, &(_, _, _, edge, is_start)) in (0i64..).zip(side) {
            let x = left + i64::from(node.width) * (k + 1) / (count + 1);
            if is_start {
                out[edge].0 = x;
            } else {
                out[edge].1 = x;
            }
        }
    }
    out
}

/// `x` itself when a vertical line there clears every box on `row`; otherwise the nearer side
/// of the box it would hit, `CLEARANCE` away (columns are far enough apart for that to be free).
fn free_x(nodes: &[Node], row: u32, x: i64) -> i64 {
    for n in nodes.iter().filter(|n| n.level == row) {
        let left = i64::from(n.x) - i64::from(n.width / 2) - CLEARANCE;
        let right = i64::from(n.x) + i64::from(n.width / 2) + CLEARANCE;
        if (left..=right).contains(&x) {
            return if x - left <= right - x { left } else { right };
        }
    }
    x
}
