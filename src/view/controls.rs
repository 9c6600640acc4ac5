//! `Controls`: the reader's filters as native form controls — role and section checkboxes in
//! fieldsets with legends, mode radios, a search box, narrowing selects and a reset button.
//! Dumb: it shows the filters it is given and reports every change as an `Action`.

use crate::compare::{facet_indices, role_columns};
use crate::dom;
use crate::model::Dataset;
use crate::state::{Action, Filters, Mode, CERTIFICATIONS, DUTIES, ISSUER, REPORTING, TARGET};
use crate::view::Shared;
use yew::prelude::*;

/// Properties of [`Controls`].
#[derive(Properties, Clone, PartialEq)]
pub struct ControlsProps {
    /// The dataset the choices come from.
    pub dataset: Shared<Dataset>,
    /// The current filters.
    pub filters: Filters,
    /// What "Reset filters" returns to (the page's configured filters).
    #[prop_or_default]
    pub defaults: Filters,
    /// Called with every change.
    pub on_action: Callback<Action>,
    /// Prefix for element ids, unique per widget on the page.
    pub id_prefix: AttrValue,
    /// Rendered but hidden (the prerendered no-JS fallback, where controls cannot work).
    #[prop_or_default]
    pub hidden: bool,
    /// The reset button, for the app to move focus to.
    #[prop_or_default]
    pub reset_ref: NodeRef,
}

/// The ids in `all` that are on after toggling `id` when `on` are on; the defaults (`default`,
/// what an empty list means) are spelled as the empty list.
fn toggled(all: &[String], on: &[String], default: &[String], id: &str) -> Vec<String> {
    let on: Vec<&String> = all.iter().filter(|x| on.contains(x)).collect();
    let next: Vec<String> = if on.iter().any(|x| *x == id) {
        on.into_iter().filter(|x| *x != id).cloned().collect()
    } else {
        all.iter()
            .filter(|x| on.contains(x) || *x == id)
            .cloned()
            .collect()
    };
    // The defaults are spelled as "no filter", so the defaults stay the defaults.
    if next == default {
        Vec::new()
    } else {
        next
    }
}

/// A `<select>` for an optional filter value: "" means no filter.
fn select(
    id: String,
    label: &str,
    any: &str,
    options: Vec<(String, String)>,
    value: &Option<String>,
    on_pick: Callback<Option<String>>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let v = dom::select_value(&e);
        on_pick.emit((!v.is_empty()).then_some(v));
    });
    html! {
        <div class="rc-field">
            <label for={id.clone()}>{label}</label>
            <select {id} {onchange}>
                <option value="" selected={value.is_none()}>{any}</option>
                { for options.into_iter().map(|(v, text)| {
                    let selected = value.as_deref() == Some(v.as_str());
                    html! { <option value={v} {selected}>{text}</option> }
                }) }
            </select>
        </div>
    }
}

/// From this many roles on, the role picker has a box to find a role by name.
const ROLE_FILTER_FROM: usize = 6;

/// The filter controls.
#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let d = &*props.dataset;
    let f = &props.filters;
    let p = &props.id_prefix;
    let act = &props.on_action;
    // Two bits of the panel's own state, not filters: whether the secondary filters are
    // unfolded, and the text that narrows a long role list.
    let more_open = use_state(|| false);
    let role_query_state = use_state(String::new);
    let role_query = (*role_query_state).clone();

    let role_ids: Vec<String> = d.roles.iter().map(|r| r.id.clone()).collect();
    let facet_ids: Vec<String> = d.facets.iter().map(|x| x.id.clone()).collect();
    let ids = |idx: Vec<usize>, all: &[String]| -> Vec<String> {
        idx.into_iter().map(|i| all[i].clone()).collect()
    };
    let roles_on = ids(role_columns(d, &f.roles), &role_ids);
    let roles_default = ids(role_columns(d, &[]), &role_ids);
    let facets_on = ids(facet_indices(d, &f.facets), &facet_ids);
    let selected_roles = roles_on.len();
    let many = d.roles.len() > ROLE_FILTER_FROM;
    // Case folded on the dataset's own characters (no Unicode case tables in the wasm).
    let role_query = crate::model::fold_str(role_query.trim());

    // Says why the last two checked roles cannot be unchecked (when there is a third to add).
    let hint = selected_roles <= 2 && d.roles.len() > 2;
    let roles = d
        .roles
        .iter()
        .filter(|role| {
            // The reader's filter narrows the list; checked roles always stay in it.
            role_query.is_empty()
                || roles_on.contains(&role.id)
                || crate::model::fold_str(&role.abbr).contains(&role_query)
                || crate::model::fold_str(&role.name).contains(&role_query)
        })
        .map(|role| {
            let on = roles_on.contains(&role.id);
            // At least two roles stay selected: a comparison of one is no comparison.
            let locked = on && selected_roles <= 2;
            let next = toggled(&role_ids, &roles_on, &roles_default, &role.id);
            let act = act.clone();
            let onclick =
                Callback::from(move |_: MouseEvent| act.emit(Action::SetRoles(next.clone())));
            let id = format!("{p}-role-{}", role.id);
            html! {
                <label class="rc-check" key={role.id.clone()} for={id.clone()}>
                    <input type="checkbox" {id} checked={on} disabled={locked}
                        aria-describedby={(locked && hint).then(|| format!("{p}-roles-hint"))} {onclick} />
                    <abbr title={role.name.clone()}>{&role.abbr}</abbr>
                    if many {
                        <span class="rc-role-name">{&role.name}</span>
                    }
                </label>
            }
        })
        .collect::<Html>();

    let facet_on = |id: &str| facets_on.iter().any(|x| x == id);
    let facets = d.facets.iter().map(|facet| {
        let on = facets_on.contains(&facet.id);
        let locked = on && facets_on.len() <= 1;
        let next = toggled(&facet_ids, &facets_on, &facet_ids, &facet.id);
        let act = act.clone();
        let onclick =
            Callback::from(move |_: MouseEvent| act.emit(Action::SetFacets(next.clone())));
        let id = format!("{p}-facet-{}", facet.id);
        html! {
            <label class="rc-check" key={facet.id.clone()} for={id.clone()}>
                <input type="checkbox" {id} checked={on} disabled={locked} {onclick} />
                {&facet.label}
            </label>
        }
    });

    let modes = Mode::ALL.into_iter().map(|mode| {
        let act = act.clone();
        let onchange = Callback::from(move |_: Event| act.emit(Action::SetMode(mode)));
        let id = format!("{p}-mode-{}", mode.as_str());
        html! {
            <label class="rc-check" key={mode.as_str()} for={id.clone()}>
                <input type="radio" {id} name={format!("{p}-mode")} value={mode.as_str()}
                    checked={f.mode == mode} {onchange} />
                {mode.label()}
            </label>
        }
    });

    let oninput = {
        let act = act.clone();
        Callback::from(move |e: InputEvent| act.emit(Action::SetSearch(dom::input_value(&e))))
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let narrowed = *f != props.defaults;
    let reset = {
        let act = act.clone();
        Callback::from(move |_: MouseEvent| {
            if narrowed {
                act.emit(Action::Reset);
            }
        })
    };

    let mut narrow = Vec::new();
    if let Some(duties) = d.facet(DUTIES).filter(|_| facet_on(DUTIES)) {
        let options = duties
            .topics
            .iter()
            .map(|t| (t.id.clone(), t.label.clone()))
            .collect();
        narrow.push(select(
            format!("{p}-duty"),
            "Duty",
            "All duties",
            options,
            &f.duty_topic,
            act.reform(Action::SetDutyTopic),
        ));
    }
    if d.facet(CERTIFICATIONS).is_some() && facet_on(CERTIFICATIONS) {
        let issuers = d.tag_values(CERTIFICATIONS, ISSUER);
        if !issuers.is_empty() {
            let options = issuers.into_iter().map(|v| (v.clone(), v)).collect();
            narrow.push(select(
                format!("{p}-issuer"),
                "Certification issuer",
                "Any issuer",
                options,
                &f.issuer,
                act.reform(Action::SetIssuer),
            ));
        }
        // Only roles the sources say something about here: a choice that narrows to nothing
        // would only empty the table.
        let options = d
            .roles
            .iter()
            .filter(|r| {
                d.claims
                    .iter()
                    .any(|c| c.facet == CERTIFICATIONS && c.roles.contains(&r.id))
            })
            .map(|r| (r.id.clone(), r.abbr.clone()))
            .collect();
        narrow.push(select(
            format!("{p}-suits"),
            "Certifications for",
            "Any role",
            options,
            &f.suits,
            act.reform(Action::SetSuits),
        ));
    }
    if d.facet(REPORTING).is_some() && facet_on(REPORTING) {
        let targets = d.tag_values(REPORTING, TARGET);
        if !targets.is_empty() {
            let options = targets.into_iter().map(|v| (v.clone(), v)).collect();
            narrow.push(select(
                format!("{p}-target"),
                "Reports to",
                "Anyone",
                options,
                &f.target,
                act.reform(Action::SetTarget),
            ));
        }
    }

    let has_narrowing = !narrow.is_empty();
    let search_id = format!("{p}-search");
    let more_id = format!("{p}-more");
    let active = f.active_count();
    let more_label = match active {
        0 => "More filters".to_owned(),
        1 => "More filters (1 active)".to_owned(),
        n => format!("More filters ({n} active)"),
    };
    let on_more = {
        let more_open = more_open.clone();
        Callback::from(move |_: MouseEvent| more_open.set(!*more_open))
    };
    let on_role_query = {
        let state = role_query_state.clone();
        Callback::from(move |e: InputEvent| state.set(dom::input_value(&e)))
    };
    html! {
        <form class="rc-controls" part="controls" {onsubmit} aria-label="Filters" hidden={props.hidden}>
            <fieldset class="rc-group rc-roles">
                // Says why the last two checked roles cannot be unchecked (they are disabled).
                <legend>{"Roles to compare"}</legend>
                if many {
                    <div class="rc-field rc-role-find">
                        <label for={format!("{p}-role-find")}>{format!("Find a role ({} in all)", d.roles.len())}</label>
                        <input type="search" id={format!("{p}-role-find")} value={role_query_state.to_string()}
                            oninput={on_role_query} autocomplete="off" spellcheck="false" />
                    </div>
                }
                <div class={if many { "rc-role-list rc-role-list-long" } else { "rc-role-list" }}>
                    { roles }
                </div>
                if hint {
                    <p class="rc-hint" id={format!("{p}-roles-hint")}>
                        {"At least two roles are compared: add another role to remove one of these."}
                    </p>
                }
            </fieldset>
            <div class="rc-more-bar">
                <button type="button" class="rc-button rc-more" aria-expanded={more_open.to_string()}
                    aria-controls={more_id.clone()} onclick={on_more}>{more_label}</button>
                // aria-disabled, not disabled: a disabled button drops focus, so the reader who
                // pressed it would land on the page's body once the filters are back to default.
                <button type="button" class="rc-button" part="reset" onclick={reset}
                    ref={props.reset_ref.clone()}
                    aria-disabled={if narrowed { "false" } else { "true" }}>{"Reset filters"}</button>
            </div>
            <div class="rc-more-panel" id={more_id} hidden={!*more_open}>
                <fieldset class="rc-group">
                    <legend>{"Sections"}</legend>
                    { for facets }
                </fieldset>
                <fieldset class="rc-group">
                    <legend>{"Show"}</legend>
                    { for modes }
                </fieldset>
                <div class="rc-row">
                    <div class="rc-field rc-search">
                        <label for={search_id.clone()}>{"Search statements"}</label>
                        <input type="search" id={search_id} value={f.search.clone()} {oninput}
                            autocomplete="off" spellcheck="false" />
                    </div>
                    { for narrow }
                </div>
                if has_narrowing {
                    <p class="rc-hint">
                        {"Duty, certification and reporting filters each show their own section only."}
                    </p>
                }
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::toggled;

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn toggling_keeps_order_and_spells_the_default_as_empty() {
        let all = ids(&["a", "b", "c"]);
        assert_eq!(toggled(&all, &all, &all, "b"), ids(&["a", "c"]));
        assert_eq!(toggled(&all, &ids(&["a", "c"]), &all, "b"), ids(&[]));
        assert_eq!(toggled(&all, &ids(&["c"]), &all, "a"), ids(&["a", "c"]));
        // With many roles the default is a few of them: picking them again reads as the default.
        let many = ids(&["a", "b", "c", "d", "e"]);
        let default = ids(&["a", "b", "c"]);
        assert_eq!(
            toggled(&many, &default, &default, "d"),
            ids(&["a", "b", "c", "d"])
        );
        assert_eq!(
            toggled(&many, &ids(&["a", "b", "c", "d"]), &default, "d"),
            ids(&[])
        );
    }
}
