//! `Controls`: the reader's filters as native form controls — role and section checkboxes in
//! fieldsets with legends, mode radios, a search box, narrowing selects and a reset button.
//! Dumb: it shows the filters it is given and reports every change as an `Action`.

use crate::dom;
use crate::model::Dataset;
use crate::state::{Action, Filters, Mode, CERTIFICATIONS, DUTIES, REPORTING};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`Controls`].
#[derive(Properties, Clone)]
pub struct ControlsProps {
    /// The dataset the choices come from.
    pub dataset: Rc<Dataset>,
    /// The current filters.
    pub filters: Filters,
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

impl PartialEq for ControlsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.dataset, &other.dataset)
            && self.filters == other.filters
            && self.on_action == other.on_action
            && self.id_prefix == other.id_prefix
            && self.hidden == other.hidden
            && self.reset_ref == other.reset_ref
    }
}

/// The ids in `all` that are on after toggling `id` in `current` (empty `current` = all on).
fn toggled(all: &[String], current: &[String], id: &str) -> Vec<String> {
    let on: Vec<&String> = if current.is_empty() {
        all.iter().collect()
    } else {
        all.iter().filter(|x| current.contains(x)).collect()
    };
    let next: Vec<String> = if on.iter().any(|x| *x == id) {
        on.into_iter().filter(|x| *x != id).cloned().collect()
    } else {
        all.iter()
            .filter(|x| on.contains(x) || *x == id)
            .cloned()
            .collect()
    };
    // Everything on is spelled as "no filter", so the defaults stay the defaults.
    if next.len() == all.len() {
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

/// The filter controls.
#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let d = &*props.dataset;
    let f = &props.filters;
    let p = &props.id_prefix;
    let act = &props.on_action;

    let role_ids: Vec<String> = d.roles.iter().map(|r| r.id.clone()).collect();
    let facet_ids: Vec<String> = d.facets.iter().map(|x| x.id.clone()).collect();
    let role_on = |id: &str| f.roles.is_empty() || f.roles.iter().any(|r| r == id);
    let selected_roles = role_ids.iter().filter(|r| role_on(r)).count();
    let facet_on = |id: &str| f.facets.is_empty() || f.facets.iter().any(|x| x == id);

    let roles = d.roles.iter().map(|role| {
        let on = role_on(&role.id);
        // At least two roles stay selected: a comparison of one is no comparison.
        let locked = on && selected_roles <= 2;
        let next = toggled(&role_ids, &f.roles, &role.id);
        let act = act.clone();
        let onclick = Callback::from(move |_: MouseEvent| act.emit(Action::SetRoles(next.clone())));
        let id = format!("{p}-role-{}", role.id);
        html! {
            <label class="rc-check" key={role.id.clone()} for={id.clone()}>
                <input type="checkbox" {id} checked={on} disabled={locked} {onclick} />
                <abbr title={role.name.clone()}>{&role.abbr}</abbr>
            </label>
        }
    });

    let facets_on = d.facets.iter().filter(|x| facet_on(&x.id)).count();
    let facets = d.facets.iter().filter(|x| x.filter).map(|facet| {
        let on = facet_on(&facet.id);
        let locked = on && facets_on <= 1;
        let next = toggled(&facet_ids, &f.facets, &facet.id);
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
    let narrowed = *f != Filters::default();
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
        let issuers = d.tag_values(CERTIFICATIONS, "issuer");
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
        let options = d
            .roles
            .iter()
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
        let targets = d.tag_values(REPORTING, "target");
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

    let search_id = format!("{p}-search");
    html! {
        <form class="rc-controls" part="controls" {onsubmit} aria-label="Filters" hidden={props.hidden}>
            <fieldset class="rc-group">
                // Says why the last two checked roles cannot be unchecked (they are disabled).
                <legend>{"Roles to compare (at least two)"}</legend>
                { for roles }
            </fieldset>
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
                // aria-disabled, not disabled: a disabled button drops focus, so the reader who
                // pressed it would land on the page's body once the filters are back to default.
                <button type="button" class="rc-button" part="reset" onclick={reset}
                    ref={props.reset_ref.clone()}
                    aria-disabled={if narrowed { "false" } else { "true" }}>{"Reset filters"}</button>
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
    fn toggling_keeps_order_and_spells_all_as_empty() {
        let all = ids(&["a", "b", "c"]);
        assert_eq!(toggled(&all, &[], "b"), ids(&["a", "c"]));
        assert_eq!(toggled(&all, &ids(&["a", "c"]), "b"), ids(&[]));
        assert_eq!(toggled(&all, &ids(&["c"]), "a"), ids(&["a", "c"]));
        // Unknown ids are dropped; turning the last one off would read as "all", which is why
        // the controls lock the last facet (and the last two roles) on.
        assert_eq!(toggled(&all, &ids(&["a", "zzz"]), "b"), ids(&["a", "b"]));
    }
}
