//! The what-if inputs: method, horizon, the team, and each tier's growth (prefilled from the
//! book until the user types one).

use leptos::prelude::*;

use super::header;
use super::label;
use super::model::Model;
use super::need::method_name;
use crate::components::{NumField, Unit};
use crate::domain::capacity::CapacityMethod;
use crate::domain::growth::TierGrowth;
use crate::domain::projection::{TeamInputs, MAX_HORIZON_MONTHS, MIN_HORIZON_MONTHS};
use crate::i18n::{fmt_percent, tier_name, Msg, Tpl};
use crate::state::AppState;

#[component]
pub fn WhatIfInputs() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let team = move || model.scenario.with(|s| s.projection.team.clone());
    let set_team = move |f: fn(&mut TeamInputs, f64)| {
        Callback::new(move |x: Option<f64>| {
            if let Some(x) = x {
                model.edit(state, |d| f(&mut d.scenario.projection.team, x))
            }
        })
    };
    let method = move || model.scenario.with(|s| s.projection.method);
    let csms_from_book = move || model.draft.with(|d| d.csms_from_book);
    let follows_book = move || model.draft.with(|d| d.tiers_from_book && d.csms_from_book);
    view! {
        <div class="cap-whatif">
            <div class="cap-inline">
                <label class="cap-field">
                    <span class="cap-field-label">{state.text(Msg::CapMethod)}</span>
                    <select data-testid="cap-method" data-field="capacity.method" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(m) = CapacityMethod::ALL.into_iter().find(|m| format!("{m:?}") == v) {
                            model.edit(state, |d| d.scenario.projection.method = m);
                        }
                    }>
                        {CapacityMethod::ALL.into_iter().map(|m| view! {
                            <option value=format!("{m:?}") selected=move || method() == m>{move || state.t(method_name(m))}</option>
                        }).collect_view()}
                    </select>
                </label>
                <NumField label=label(state, Msg::CapHorizon)
                    value=Signal::derive(move || Some(f64::from(model.scenario.with(|s| s.projection.horizon_months))))
                    on_set=Callback::new(move |x: Option<f64>| if let Some(x) = x { model.edit(state, |d| d.scenario.projection.horizon_months = x.round() as u32) })
                    min=f64::from(MIN_HORIZON_MONTHS) max=f64::from(MAX_HORIZON_MONTHS) whole=true field="plan.horizon" testid="cap-horizon" />
            </div>
            <h3>{state.text(Msg::Team)}</h3>
            <div class="cap-inline">
                <NumField label=label(state, Msg::CapCurrentCsms)
                    value=Signal::derive(move || Some(team().current_csms))
                    on_set=Callback::new(move |x: Option<f64>| if let Some(x) = x { model.edit(state, |d| d.set_current_csms(x)) })
                    min=0.0 max=100_000.0 field="team.current_csms" testid="cap-current-csms" />
                <NumField label=label(state, Msg::CapAttrition)
                    value=Signal::derive(move || Some(team().annual_attrition))
                    on_set=set_team(|t, x| t.annual_attrition = x) unit=Unit::Percent min=0.0 max=1.0 field="team.attrition" testid="cap-attrition" />
                <NumField label=label(state, Msg::CapRamp)
                    value=Signal::derive(move || Some(f64::from(team().ramp_months)))
                    on_set=set_team(|t, x| t.ramp_months = x.round() as u32) min=0.0 max=36.0 whole=true field="team.ramp_months" testid="cap-ramp" />
                <NumField label=label(state, Msg::CapLeadTime)
                    value=Signal::derive(move || Some(f64::from(team().lead_time_months)))
                    on_set=set_team(|t, x| t.lead_time_months = x.round() as u32) min=0.0 max=36.0 whole=true field="team.lead_time_months" testid="cap-lead-time" />
                <NumField label=label(state, Msg::CapLoadedCost)
                    value=Signal::derive(move || Some(team().loaded_cost))
                    on_set=set_team(|t, x| t.loaded_cost = x) min=0.0 field="team.loaded_cost" unit=Unit::Money testid="cap-loaded-cost" />
            </div>
            <p class="cap-note">{move || state.t(if csms_from_book() { Msg::CapCsmsFollowBook } else { Msg::CapCsmsTyped })}</p>
            <h3>{state.text(Msg::CapGrowthInputs)}</h3>
            <GrowthTable />
            <p class="cap-note">
                {move || state.t(if follows_book() { Msg::CapGrowthFromBook } else { Msg::CapGrowthTyped })} " "
                <Show when=move || !follows_book()>
                    <button type="button" class="btn small" data-testid="cap-follow-book"
                        on:click=move |_| model.load(model.draft.with_untracked(|d| { let mut d = d.clone(); d.follow_book(); d }))>
                        {state.text(Msg::CapFollowBook)}
                    </button>
                </Show>
            </p>
        </div>
    }
}

#[component]
fn GrowthTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let count = Memo::new(move |_| model.scenario.with(|s| s.projection.tiers.len()).max(model.loads.with(Vec::len)));
    let row = move |i: usize| {
        let growth = move || model.scenario.with(|s| s.projection.tiers.get(i).cloned().unwrap_or_default());
        let name = move || {
            state.settings.with(|s| {
                s.tiers
                    .tiers
                    .get(i)
                    .map(|t| tier_name(t, state.lang.get()).to_string())
                    .unwrap_or_else(|| format!("#{}", i + 1))
            })
        };
        let label = move |m: Msg| Signal::derive(move || format!("{} · {}", name(), state.t(m)));
        let set = move |f: fn(&mut TierGrowth, f64)| {
            Callback::new(move |x: Option<f64>| {
                if let Some(x) = x {
                    let book = model.book_growth.get_untracked();
                    model.edit(state, |d| d.edit_tier(&book, i, |g| f(g, x)));
                }
            })
        };
        view! {
            <tr>
                <th scope="row">{name}</th>
                <td><NumField bare=true label=label(Msg::CapNewLogos) value=Signal::derive(move || Some(growth().new_logos_per_month))
                    on_set=set(|g, x| g.new_logos_per_month = x) decimals=2 min=0.0 field=format!("growth.{i}.new_logos") testid=format!("cap-g-{i}-new") /></td>
                <td><NumField bare=true label=label(Msg::CapAvgNewArr) value=Signal::derive(move || Some(growth().avg_new_arr))
                    on_set=set(|g, x| g.avg_new_arr = x) decimals=0 min=0.0 field=format!("growth.{i}.avg_new_arr") unit=Unit::Money testid=format!("cap-g-{i}-avg") /></td>
                <td><NumField bare=true label=label(Msg::CapLogoChurn) value=Signal::derive(move || Some(growth().annual_logo_churn))
                    on_set=set(|g, x| g.annual_logo_churn = x) unit=Unit::Percent decimals=1 min=0.0 max=1.0 field=format!("growth.{i}.logo_churn") testid=format!("cap-g-{i}-churn") /></td>
                <td><NumField bare=true label=label(Msg::CapDollarChurn) value=Signal::derive(move || Some(growth().annual_dollar_churn))
                    on_set=set(|g, x| g.annual_dollar_churn = x) unit=Unit::Percent decimals=1 min=0.0 max=1.0 field=format!("growth.{i}.dollar_churn") testid=format!("cap-g-{i}-dchurn") /></td>
                <td><NumField bare=true label=label(Msg::CapNetExpansion) value=Signal::derive(move || Some(growth().annual_net_expansion))
                    on_set=set(|g, x| g.annual_net_expansion = x) unit=Unit::Percent decimals=1 min=-1.0 max=10.0 field=format!("growth.{i}.net_expansion") testid=format!("cap-g-{i}-exp") /></td>
            </tr>
        }
    };
    let from_forecast = move || model.draft.with(|d| d.scenario.churn_from_forecast);
    let forecast_rate = move || fmt_percent(state.forecast.with(|f| f.logo_churn));
    view! {
        <label class="check cap-forecast-churn" title=state.text(Msg::CapChurnFromForecastNote)>
            <input type="checkbox" data-testid="cap-churn-forecast" data-field="growth.churn_from_forecast"
                prop:checked=from_forecast
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    model.edit(state, |d| d.scenario.churn_from_forecast = on);
                } />
            {move || state.tr(Tpl::CapChurnFromForecast { rate: &forecast_rate() })}
        </label>
        <div class="table-wrap">
            <table class="dt-table cap-table cap-growth" data-testid="cap-growth-table">
                {header(state, &[(Some(Msg::ColTier), false), (Some(Msg::CapNewLogos), false), (Some(Msg::CapAvgNewArr), false), (Some(Msg::CapLogoChurn), false), (Some(Msg::CapDollarChurn), false), (Some(Msg::CapNetExpansion), false)])}
                <tbody>{move || (0..count.get()).map(row).collect_view()}</tbody>
            </table>
        </div>
    }
}
