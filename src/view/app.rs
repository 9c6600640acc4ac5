//! `RoleCompare`: the whole widget as one yew component, the public entry point for yew apps.
//!
//! It owns the reader's filters (yew's `Reducible` over `state::Filters`) and which popover is
//! open, derives the comparison from the filters, and lays out the dumb components. It must not
//! touch web-sys or know it lives in a custom element: saving files, copying text and telling
//! the host page about changes are callbacks its embedder supplies.

use crate::chart;
use crate::compare::{
    compare_indexed, layout_filters, layout_indexed, shown_facets, Comparison, Index,
};
use crate::dom;
use crate::keys::key_rows;
use crate::model::Dataset;
use crate::state::{Action, Detail, Filters, Mode, REPORTING};
use crate::view::{
    toggle, ComparisonTable, Controls, Download, ExportBar, KeyDifferences, OrgChart, Popover,
    ResultStatus, Shared, SourceList,
};
use std::rc::Rc;
use yew::prelude::*;

/// What the widget reports after every change: the filters and what they show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The filters now in force.
    pub filters: Filters,
    /// Rows visible now.
    pub shown: usize,
    /// Statements visible now (each shared statement once).
    pub statements: usize,
}

/// Which facets' detail the reader opened or folded by hand, against the default the filters
/// give (`Filters::detail_open`); forgotten when that default changes.
#[derive(Clone, PartialEq, Default)]
struct Folds {
    base: bool,
    flipped: Vec<usize>,
}

impl Folds {
    /// Whether facet `fi`'s detail is open when the filters' default is `base`.
    fn open(&self, base: bool, fi: usize) -> bool {
        if self.base == base && self.flipped.contains(&fi) {
            !base
        } else {
            base
        }
    }

    /// After the reader clicks facet `fi`'s fold button.
    fn flip(&self, base: bool, fi: usize) -> Folds {
        let mut flipped = if self.base == base {
            self.flipped.clone()
        } else {
            Vec::new()
        };
        match flipped.iter().position(|&f| f == fi) {
            Some(at) => {
                flipped.remove(at);
            }
            None => flipped.push(fi),
        }
        Folds { base, flipped }
    }
}

/// Properties of [`RoleCompareView`], the controlled widget: its owner holds the filters and
/// the comparison they give, and hears every change the reader asks for through `on_action`.
#[derive(Properties, Clone, PartialEq)]
pub struct RoleCompareViewProps {
    /// The dataset to show; it must have passed [`crate::validate::validate`].
    pub dataset: Shared<Dataset>,
    /// The filters in force.
    pub filters: Filters,
    /// `compare(dataset, filters)`, computed by the owner (which also reports its counts).
    pub comparison: Shared<Comparison>,
    /// Every change the reader asks for: a filter control, a fold-all button, "Reset filters".
    pub on_action: Callback<Action>,
    /// Called after each render that showed a new `comparison`, so the owner can tell the host
    /// page about a change once the page shows it.
    #[prop_or_default]
    pub on_rendered: Option<Callback<()>>,
    /// A problem to show above the content (an invalid host dataset, a failed load).
    #[prop_or_default]
    pub notice: Option<AttrValue>,
    /// Static rendering for the no-JS fallback: the controls are present but `hidden`.
    #[prop_or_default]
    pub prerender: bool,
    /// Prefix for element ids, unique per widget on a page.
    #[prop_or(AttrValue::Static("rc"))]
    pub id_prefix: AttrValue,
    /// The level (1–6) of the widget's heading; its sections' headings are one level below.
    #[prop_or(2)]
    pub heading_level: u8,
    /// What "Reset filters" returns to (the page's configured filters), for the controls.
    #[prop_or_default]
    pub defaults: Filters,
    /// The host element's id, put into download file names.
    #[prop_or_default]
    pub name: AttrValue,
    /// Bumped by the embedder to close any open popover (a click outside the widget).
    #[prop_or_default]
    pub dismiss: u64,
    /// Set by the embedder while the page prints: folded sections' rows, otherwise built only
    /// when their section first opens, are built too (the print stylesheet shows every
    /// section).
    #[prop_or_default]
    pub printing: bool,
    /// How many facets, in dataset order, have their rows built even while folded (hidden):
    /// the embedder raises it one facet at a time while the page is idle after the first render,
    /// so a reader's first mode change or "Open all" only shows rows instead of building them.
    #[prop_or_default]
    pub built_ahead: usize,
    /// Saves an export; without it there are no download buttons.
    #[prop_or_default]
    pub on_download: Option<Callback<Download>>,
    /// Copies text to the clipboard; without it there is no copy button.
    #[prop_or_default]
    pub on_copy: Option<Callback<String>>,
}

/// Properties of [`RoleCompare`], the self-contained widget for yew applications.
#[derive(Properties, Clone, PartialEq)]
pub struct RoleCompareProps {
    /// The dataset to show; it must have passed [`crate::validate::validate`].
    pub dataset: Shared<Dataset>,
    /// The filters to start from; a new value replaces the reader's filters.
    #[prop_or_default]
    pub filters: Filters,
    /// A problem to show above the content.
    #[prop_or_default]
    pub notice: Option<AttrValue>,
    /// Static rendering for the no-JS fallback: the controls are present but `hidden`.
    #[prop_or_default]
    pub prerender: bool,
    /// Prefix for element ids, unique per widget on a page.
    #[prop_or(AttrValue::Static("rc"))]
    pub id_prefix: AttrValue,
    /// The level (1–6) of the widget's heading; its sections' headings are one level below.
    #[prop_or(2)]
    pub heading_level: u8,
    /// What "Reset filters" returns to.
    #[prop_or_default]
    pub defaults: Filters,
    /// Put into download file names.
    #[prop_or_default]
    pub name: AttrValue,
    /// Told about every change of filters the reader makes, and about a new `filters` prop.
    #[prop_or_default]
    pub on_change: Option<Callback<Change>>,
    /// Saves an export; without it there are no download buttons.
    #[prop_or_default]
    pub on_download: Option<Callback<Download>>,
    /// Copies text to the clipboard; without it there is no copy button.
    #[prop_or_default]
    pub on_copy: Option<Callback<String>>,
    /// Set while the page prints, so folded sections print their rows too (see
    /// [`RoleCompareViewProps::printing`]).
    #[prop_or_default]
    pub printing: bool,
}

impl RoleCompareProps {
    /// The defaults for `dataset`: every filter off, no embedder callbacks.
    pub fn new(dataset: Rc<Dataset>) -> Self {
        Self {
            dataset: dataset.into(),
            filters: Filters::default(),
            notice: None,
            prerender: false,
            id_prefix: AttrValue::Static("rc"),
            heading_level: 2,
            defaults: Filters::default(),
            name: AttrValue::Static(""),
            on_change: None,
            on_download: None,
            on_copy: None,
            printing: false,
        }
    }
}

/// The reader's filters as yew state for [`RoleCompare`]: `reduce` is `Filters::apply`, with
/// no side effects, and returns the same `Rc` when nothing changed (yew skips the re-render).
#[derive(PartialEq)]
struct Owned(Filters);

impl Reducible for Owned {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.0.apply(action) {
            Some(filters) => Rc::new(Owned(filters)),
            None => self,
        }
    }
}

/// The whole widget as a self-contained yew component: it owns the reader's filters and
/// renders [`RoleCompareView`]. The `<role-compare>` element owns its filters itself and uses
/// the view directly.
///
/// ```no_run
/// use role_compare::{data, view::RoleCompare};
/// use std::rc::Rc;
/// use yew::prelude::*;
///
/// #[component]
/// fn Page() -> Html {
///     let dataset = use_memo((), |_| data::bundled());
///     html! { <RoleCompare dataset={Rc::clone(&dataset)} /> }
/// }
/// ```
#[component]
pub fn RoleCompare(props: &RoleCompareProps) -> Html {
    let state = {
        let initial = props.filters.clone();
        use_reducer_eq(move || Owned(initial))
    };
    {
        // A new `filters` prop replaces the reader's (the first run changes nothing).
        let dispatcher = state.dispatcher();
        use_effect_with(props.filters.clone(), move |f| {
            dispatcher.dispatch(Action::Replace(f.clone()))
        });
    }
    let comparison = use_memo((props.dataset.clone(), state.0.clone()), |(d, f)| {
        compare_indexed(d, &Index::of(&d.rc()), f)
    });
    {
        // Only changes are reported: the first render is what the embedder asked for.
        let first = use_mut_ref(|| true);
        let on_change = props.on_change.clone();
        let filters = state.0.clone();
        use_effect_with(Shared::from(Rc::clone(&comparison)), move |c| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                if let Some(cb) = on_change {
                    cb.emit(Change {
                        filters,
                        shown: c.shown,
                        statements: c.statements,
                    });
                }
            }
        });
    }
    let on_action = {
        let dispatcher = state.dispatcher();
        let defaults = props.defaults.clone();
        Callback::from(move |action: Action| dispatcher.dispatch(action.with_defaults(&defaults)))
    };
    html! {
        <RoleCompareView dataset={props.dataset.clone()} filters={state.0.clone()}
            comparison={Rc::clone(&comparison)} {on_action} notice={props.notice.clone()}
            prerender={props.prerender} id_prefix={props.id_prefix.clone()}
            heading_level={props.heading_level} defaults={props.defaults.clone()}
            name={props.name.clone()} on_download={props.on_download.clone()}
            on_copy={props.on_copy.clone()} printing={props.printing} />
    }
}

/// The open popover or disclosure, as yew state whose dispatcher (and so the toggle callback
/// handed to every row) stays the same across renders: memoised rows are not re-rendered just
/// because the app was.
#[derive(Clone, PartialEq, Default)]
struct Open(Option<Popover>);

/// `Some(key)`: toggle that popover; `None`: close whatever is open.
struct Toggle(Option<Popover>);

impl Reducible for Open {
    type Action = Toggle;

    fn reduce(self: Rc<Self>, action: Toggle) -> Rc<Self> {
        Rc::new(Open(match action.0 {
            Some(key) => toggle(self.0.as_ref(), &key),
            None => None,
        }))
    }
}

/// The comparison widget, controlled: filters, role columns, facet and topic rows, sourced
/// statements, disagreements, exports and the source list, for the filters and comparison its
/// owner passes in. It keeps only what no one outside needs: which popover is open and which
/// facets the reader folded by hand.
#[component]
pub fn RoleCompareView(props: &RoleCompareViewProps) -> Html {
    let open = use_reducer_eq(Open::default);
    let filters = props.filters.clone();
    let comparison = props.comparison.rc();
    {
        let on_rendered = props.on_rendered.clone();
        use_effect_with(props.comparison.clone(), move |_| {
            if let Some(cb) = on_rendered {
                cb.emit(());
            }
        });
    }
    // The rows kept in the document: a change of mode, search, facets or duty topic only hides
    // and shows them.
    // Under a mode, the rows of every statement (the "All" layout) stay too: a row the mode
    // leaves out is hidden with its "All" content rather than removed, so switching back only
    // shows it again (Shared <-> All rebuilt 22 of the 41 default rows each way).
    let layouts = use_memo(
        (props.dataset.clone(), layout_filters(&filters)),
        |(d, f)| {
            let all = Filters {
                mode: Mode::All,
                ..f.clone()
            };
            let index = Index::of(&d.rc());
            let kept = Rc::new(layout_indexed(d, &index, &all));
            let now = if *f == all {
                Rc::clone(&kept)
            } else {
                Rc::new(layout_indexed(d, &index, f))
            };
            (kept, now)
        },
    );
    let (kept, layout) = (Rc::clone(&layouts.0), Rc::clone(&layouts.1));

    let reporting_chart = use_memo(
        (props.dataset.clone(), comparison.columns.clone()),
        |(d, columns)| chart::build(d, columns),
    );
    // The sections on show (picked, and narrowed by a narrowing select): the key lines, the
    // chart and the detail follow the same list.
    let shown = shown_facets(&props.dataset, &filters);
    let reporting_on = props
        .dataset
        .facets
        .iter()
        .position(|f| f.id == REPORTING)
        .is_some_and(|fi| shown.contains(&fi));

    let keys = use_memo(
        (props.dataset.clone(), comparison.columns.clone(), shown),
        |(d, columns, shown)| -> Rc<[_]> { key_rows(d, columns, shown).into() },
    );
    let folds = use_state(Folds::default);
    // A dataset without key lines has nothing to lead with: its detail opens at once.
    let base = filters.detail_open() || keys.is_empty();
    let facets_open: Rc<[bool]> = (0..props.dataset.facets.len())
        .map(|fi| folds.open(base, fi))
        .collect();
    // Which facets' rows are in the document. A folded facet's rows are built the first time
    // it opens and then kept (hidden while folded), so the first screen costs the key lines
    // alone, and opening and folding again, or changing the mode, only shows and hides rows.
    // The no-JS fallback, which cannot unfold, and print, which shows everything, build all.
    let opened = use_mut_ref(|| (props.dataset.clone(), Vec::<bool>::new()));
    let built: Rc<[bool]> = {
        let mut opened = opened.borrow_mut();
        if opened.0 != props.dataset {
            *opened = (props.dataset.clone(), Vec::new());
        }
        opened.1.resize(facets_open.len(), false);
        for (fi, (was, &now)) in opened.1.iter_mut().zip(facets_open.iter()).enumerate() {
            *was |= now || props.prerender || props.printing || fi < props.built_ahead;
        }
        opened.1.as_slice().into()
    };
    // Closed disagreements are built when they open, except for print and the fallback.
    let complete = props.prerender || props.printing;
    let on_facet = use_callback((folds.clone(), base), |fi: usize, (folds, base)| {
        folds.set(folds.flip(*base, fi));
    });
    // The facets with a body in the detail table: a key row's fold button controls only those.
    let has_detail: Rc<[bool]> = (0..props.dataset.facets.len())
        .map(|fi| layout.groups.iter().any(|g| g.facet == fi))
        .collect();

    let on_action = {
        let on_action = props.on_action.clone();
        let open = open.dispatcher();
        Callback::from(move |action: Action| {
            open.dispatch(Toggle(None));
            on_action.emit(action);
        })
    };
    let on_toggle = use_callback(open.dispatcher(), |key: Popover, open| {
        open.dispatch(Toggle(Some(key)));
    });
    // The empty state's reset button goes away with the empty state: focus moves on to the
    // controls' reset button, which stays.
    let reset_ref = use_node_ref();
    // "Skip the comparison": moves focus to the widget's last element, so the next Tab leaves the
    // widget for the host page (a fragment link cannot reach into a shadow root; without
    // JavaScript, in the fallback, the same link works as a plain in-page link).
    // The end is a Tab stop only while it holds focus: Chromium's Tab from a tabindex="-1"
    // element in a shadow root wraps to the page's start instead of moving on (seen in 156).
    let end_ref = use_node_ref();
    let skipped = use_state_eq(|| false);
    let on_skip = {
        let end_ref = end_ref.clone();
        let skipped = skipped.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            skipped.set(true);
            dom::focus(&end_ref);
        })
    };
    let on_end_blur = {
        let skipped = skipped.clone();
        Callback::from(move |_: FocusEvent| skipped.set(false))
    };
    let end_id = format!("{}-end", props.id_prefix);
    let on_reset = {
        let on_action = on_action.clone();
        let reset_ref = reset_ref.clone();
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::Reset);
            dom::focus(&reset_ref);
        })
    };
    {
        let open = open.dispatcher();
        use_effect_with(props.dismiss, move |_| open.dispatch(Toggle(None)));
    }
    // A click or tap anywhere but on a citation, a disagreement or their popovers closes the
    // open one.
    let onclick = {
        let is_open = open.0.is_some();
        let open = open.dispatcher();
        Callback::from(move |e: MouseEvent| {
            if is_open && !dom::within(&e, ".rc-cite-wrap, .rc-conflict") {
                open.dispatch(Toggle(None));
            }
        })
    };
    let onkeydown = {
        let is_open = open.0.is_some();
        let open = open.dispatcher();
        Callback::from(move |e: KeyboardEvent| {
            // Popovers never take focus, so closing one leaves focus on the button that opened it.
            if e.key() == "Escape" && is_open {
                open.dispatch(Toggle(None));
                e.stop_propagation();
            }
        })
    };

    let d = &props.dataset;
    let f = &filters;
    let level = props.heading_level.clamp(1, 6);
    let abbrs: Vec<&str> = comparison
        .columns
        .iter()
        .map(|&i| d.roles[i].abbr.as_str())
        .collect();
    html! {
        <div class="rc" part="root" {onkeydown} {onclick}>
            // The widget's heading, for moving through the page by headings; the sections'
            // headings sit one level below it. Visually the caption and section rows say it.
            <div class="rc-vh" role="heading" aria-level={level.to_string()}>{d.heading(&abbrs)}</div>
            <a class="rc-skip" part="skip-link" href={format!("#{end_id}")} onclick={on_skip}>{"Skip the comparison"}</a>
            if let Some(notice) = &props.notice {
                <div class="rc-error" role="alert" part="error">{notice.clone()}</div>
            }
            <Controls dataset={d.clone()} filters={f.clone()} defaults={props.defaults.clone()} on_action={on_action.clone()}
                id_prefix={props.id_prefix.clone()} hidden={props.prerender} {reset_ref} />
            <div class="rc-detail-bar">
                <ResultStatus shown={comparison.shown} total={comparison.total}
                    statements={comparison.statements} statements_total={comparison.statements_total}
                    reasons={f.describe(d)} {on_reset}
                    lens={(f.mode != Mode::All).then(|| AttrValue::from(f.mode.label().to_ascii_lowercase()))} />
                if layout.shown > 0 {
                    <button type="button" class="rc-button rc-detail-all" hidden={props.prerender}
                        aria-pressed={(f.detail == Detail::Full).to_string()}
                        onclick={
                            let on_action = on_action.clone();
                            let next = if f.detail == Detail::Full { Detail::Summary } else { Detail::Full };
                            Callback::from(move |_: MouseEvent| on_action.emit(Action::SetDetail(next)))
                        }>
                        {"Open all sourced detail"}
                    </button>
                }
                <ExportBar dataset={d.clone()} comparison={Rc::clone(&comparison)} filters={f.clone()}
                    on_download={props.on_download.clone()} on_copy={props.on_copy.clone()}
                    name={props.name.clone()} prerender={props.prerender} />
            </div>
            if kept.shown > 0 {
                // Hidden, not removed, when nothing matches, under a mode too (the rows of every
                // statement are kept): the rows come back without being built again (at 6,000
                // statements, "Shared only" with none shared removed them all, and "All rows"
                // built them again).
                <div class={if comparison.columns.len() > crate::compare::MANY_ROLES { "rc-scroll rc-scroll-wide" } else { "rc-scroll" }}
                    part="scroll" hidden={comparison.shown == 0}>
                    <ComparisonTable dataset={d.clone()} layout={Rc::clone(&layout)}
                        kept={Some(Shared::from(Rc::clone(&kept)))}
                        comparison={Rc::clone(&comparison)}
                        highlight={AttrValue::from(f.search.clone())} id_prefix={props.id_prefix.clone()}
                        open={open.0.clone()} on_toggle={on_toggle.clone()}
                        facets_open={Rc::clone(&facets_open)} on_facet={on_facet.clone()}
                        prerender={props.prerender} {complete} {built} heading_level={level}>
                        <KeyDifferences dataset={d.clone()} columns={Rc::<[usize]>::from(comparison.columns.as_slice())}
                            rows={Rc::clone(&*keys)} facets_open={Rc::clone(&facets_open)} {has_detail}
                            id_prefix={props.id_prefix.clone()} open={open.0.clone()}
                            on_toggle={on_toggle.clone()} on_facet={on_facet.clone()} prerender={props.prerender}
                            {complete} heading_level={level} />
                    </ComparisonTable>
                </div>
            }
            if reporting_on && !reporting_chart.edges.is_empty() {
                <OrgChart dataset={d.clone()} chart={Rc::clone(&reporting_chart)}
                    id_prefix={props.id_prefix.clone()} heading_level={level} />
            }
            <SourceList dataset={d.clone()} id_prefix={props.id_prefix.clone()} heading_level={level} />
            <span class="rc-vh" id={end_id} tabindex={if *skipped { "0" } else { "-1" }} ref={end_ref}
                onblur={on_end_blur}>{"End of the comparison"}</span>
        </div>
    }
}
