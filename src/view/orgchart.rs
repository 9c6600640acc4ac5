//! `OrgChart`: the reporting lines as an SVG picture with a text alternative. Dumb: it draws the
//! layout `chart` computed.
//!
//! A `<figure>` holding an inline `<svg role="img">` (boxes for roles and whom they report to,
//! arrows for reporting lines, dashed where a role has several possible lines) and a visible
//! `<figcaption>` with the sentences from `chart::describe`. Colours come from the stylesheet
//! through classes and `currentColor`; no inline styles. It never touches the browser directly.

use crate::chart::{cite_list, describe, source_numbers, Chart, Edge, Node};
use crate::model::Dataset;
use crate::view::Shared;
use yew::prelude::*;

/// Properties of [`OrgChart`].
#[derive(Properties, Clone, PartialEq)]
pub struct OrgChartProps {
    /// The dataset the chart indexes into.
    pub dataset: Shared<Dataset>,
    /// The laid-out chart to draw.
    pub chart: Shared<Chart>,
    /// Prefix for the element ids inside the chart (caption, text, arrowhead marker), unique on
    /// the page so that several widgets can sit side by side.
    pub id_prefix: AttrValue,
    /// The widget's heading level: the chart's title is one level below.
    #[prop_or(2)]
    pub heading_level: u8,
}

/// The reporting-lines chart.
#[component]
pub fn OrgChart(props: &OrgChartProps) -> Html {
    let d = &*props.dataset;
    let c = &*props.chart;
    let prefix = &props.id_prefix;
    let caption_id = format!("{prefix}-chart-caption");
    let title_id = format!("{prefix}-chart-title");
    let text_id = format!("{prefix}-chart-text");
    let arrow_id = format!("{prefix}-chart-arrow");
    let sentences = describe(c, d);
    let picture = if c.is_empty() {
        html! {}
    } else {
        let arrow_ref = format!("url(#{arrow_id})");
        html! {
            <svg
                class="rc-chart-svg"
                xmlns="http://www.w3.org/2000/svg"
                viewBox={format!("0 0 {} {}", c.width, c.height)}
                width={c.width.to_string()}
                height={c.height.to_string()}
                role="img"
                aria-labelledby={title_id.clone()}
                aria-describedby={text_id.clone()}
            >
                <defs>
                    <marker
                        id={arrow_id}
                        class="rc-chart-arrow"
                        viewBox="0 0 10 10"
                        refX="10"
                        refY="5"
                        markerWidth="8"
                        markerHeight="8"
                        markerUnits="userSpaceOnUse"
                        orient="auto"
                    >
                        <path d="M 0 0 L 10 5 L 0 10 z" fill="currentColor" />
                    </marker>
                </defs>
                <g class="rc-chart-edges">
                    { for c.edges.iter().map(|e| edge_svg(d, c, e, &arrow_ref)) }
                </g>
                <g class="rc-chart-nodes">
                    { for c.nodes.iter().map(|n| node_svg(d, n)) }
                </g>
            </svg>
        }
    };
    html! {
        <figure class="rc-chart" part="chart">
            { picture }
            <figcaption id={caption_id} class="rc-chart-caption">
                <span id={title_id} class="rc-chart-title" role="heading"
                    aria-level={crate::view::section_level(props.heading_level)}>{"Reporting lines"}</span>
                <ul id={text_id} class="rc-chart-text">
                    { for sentences.into_iter().map(|s| html! { <li>{s}</li> }) }
                </ul>
            </figcaption>
        </figure>
    }
}

/// One box: a rectangle with the label centred in it.
fn node_svg(d: &Dataset, n: &Node) -> Html {
    let class = if n.compared {
        "rc-chart-node rc-chart-compared"
    } else {
        "rc-chart-node rc-chart-target"
    };
    // Hover text: a dataset role's full title, else the label itself.
    let title = n
        .role
        .and_then(|ri| d.roles.get(ri))
        .map_or_else(|| n.label.clone(), |r| r.name.clone());
    let left = n.x.saturating_sub(n.width / 2);
    let top = n.y.saturating_sub(n.height / 2);
    html! {
        <g class={class}>
            <title>{title}</title>
            <rect
                x={left.to_string()}
                y={top.to_string()}
                width={n.width.to_string()}
                height={n.height.to_string()}
                rx="6"
                fill="none"
                stroke="currentColor"
            />
            <text
                x={n.x.to_string()}
                y={n.y.to_string()}
                text-anchor="middle"
                dominant-baseline="central"
                fill="currentColor"
            >
                {&n.label}
            </text>
        </g>
    }
}

/// One reporting line with its arrowhead; dashed when it is one of several alternatives.
fn edge_svg(d: &Dataset, c: &Chart, e: &Edge, arrow_ref: &str) -> Html {
    let from = &c.nodes[e.from].label;
    let to = &c.nodes[e.to].label;
    let kind = if e.alternative {
        "one of several possible lines"
    } else {
        "the only line recorded"
    };
    let title = format!(
        "{from} reports to {to}: {kind} ({})",
        cite_list(&source_numbers(d, &e.claims))
    );
    let class = if e.alternative {
        "rc-chart-edge rc-chart-alt"
    } else {
        "rc-chart-edge"
    };
    let dash = e.alternative.then_some("6 4");
    let points: Vec<String> = e
        .points
        .iter()
        .map(|p| format!("{},{}", p.x, p.y))
        .collect();
    html! {
        <g class={class}>
            <title>{title}</title>
            <polyline
                points={points.join(" ")}
                fill="none"
                stroke="currentColor"
                stroke-width="1.5"
                stroke-dasharray={dash}
                marker-end={arrow_ref.to_owned()}
            />
        </g>
    }
}
