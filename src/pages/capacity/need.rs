//! "Need now": the three methods side by side against the current CSMs, each with its
//! assumptions editable in place, and the per-tier breakdown with the tier ratios.

use leptos::prelude::*;

use super::header;
use super::model::Model;
use super::{fmt_fte, fmt_gap, label, money};
use crate::components::Metric;
use crate::components::{NumField, Unit};
use crate::domain::capacity::{ArrPerCsmPreset, CapacityMethod, CapacityResult};
use crate::domain::tiers::ServiceModel;
use crate::i18n::{fmt_count, tier_name, Msg, Tpl};
use crate::state::AppState;

pub fn method_name(m: CapacityMethod) -> Msg {
    match m {
        CapacityMethod::ArrRule => Msg::CapMethodArrRule,
        CapacityMethod::NeedsBased => Msg::CapMethodNeeds,
        CapacityMethod::Hybrid => Msg::CapMethodHybrid,
    }
}

fn model_name(m: ServiceModel) -> Msg {
    match m {
        ServiceModel::HighTouch => Msg::ModelHighTouch,
        ServiceModel::LowTouch => Msg::ModelLowTouch,
        ServiceModel::TechTouch => Msg::ModelTechTouch,
    }
}

#[component]
pub fn NeedNow() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let csms = model.book_csms;
    let roster_empty = Memo::new(move |_| state.settings.with(|s| s.roster.is_empty()));
    let totals = Memo::new(move |_| model.overall.get());
    view! {
        <section class="cap-section" aria-labelledby="cap-need-h">
            <h2 id="cap-need-h">{state.text(Msg::CapNeedTitle)}</h2>
            <p class="cap-lead">
                {move || state.tr(Tpl::CapNeedLead { accounts: &fmt_count(totals.get().active_accounts), arr: &money(state, totals.get().arr) })}
            </p>
            <div class="metrics cap-current">
                <Metric key="capacity.headcount" label=Signal::derive(state.text(Msg::CapCurrentCsms))
                    value=Signal::derive(move || Some(csms.get()))
                    display=Signal::derive(move || fmt_fte(csms.get())) />
                <p class="cap-note">{move || state.t(if roster_empty.get() { Msg::CapCsmsFromOwners } else { Msg::CapCsmsFromRoster })}</p>
            </div>
            <div class="cap-methods">
                <MethodCard method=CapacityMethod::ArrRule metric="capacity.arr_rule.fte"
                    result=Signal::derive(move || model.need.with(|n| n.arr_rule.clone()))>
                    <ArrPerCsm />
                </MethodCard>
                <MethodCard method=CapacityMethod::NeedsBased metric="capacity.needs.fte"
                    result=Signal::derive(move || model.need.with(|n| n.needs.clone()))>
                    <Effort />
                </MethodCard>
                <MethodCard method=CapacityMethod::Hybrid metric="capacity.hybrid.fte"
                    result=Signal::derive(move || model.need.with(|n| n.hybrid.clone()))>
                    <NumField label=label(state, Msg::CapDedicatedThreshold)
                        value=Signal::derive(move || Some(model.capacity.with(|c| c.dedicated_threshold)))
                        on_set=Callback::new(move |x: Option<f64>| if let Some(x) = x { model.edit(state, |d| d.scenario.capacity.dedicated_threshold = x) })
                        min=0.0 field="capacity.dedicated_threshold" unit=Unit::Money testid="cap-dedicated-threshold" />
                    <p class="cap-note">{state.text(Msg::CapHybridNote)}</p>
                </MethodCard>
            </div>
            <TierTable />
        </section>
    }
}

#[component]
fn MethodCard(
    method: CapacityMethod,
    metric: &'static str,
    #[prop(into)] result: Signal<CapacityResult>,
    children: Children,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let chosen = move || model.scenario.with(|s| s.projection.method == method);
    let gap = move || result.with(|r| r.gap_to(model.book_csms.get()));
    view! {
        <article class="cap-card" class:chosen=chosen data-method=format!("{method:?}")>
            <h3>{move || state.t(method_name(method))}</h3>
            <Metric key=metric label=Signal::derive(state.text(Msg::CapExactFte))
                value=Signal::derive(move || Some(result.with(|r| r.fte)))
                display=Signal::derive(move || fmt_fte(result.with(|r| r.fte))) />
            <dl class="cap-pairs">
                <dt>{state.text(Msg::CapHeadcount)}</dt>
                <dd data-testid=format!("{metric}-headcount")>{move || result.with(|r| r.headcount.to_string())}</dd>
                <dt>{state.text(Msg::CapGapToCurrent)}</dt>
                <dd class="gap" class:short={move || gap() > 0.0}>{move || fmt_gap(gap())}</dd>
            </dl>
            <Show when=chosen>
                <p class="cap-chosen-tag">{state.text(Msg::CapUsedInProjection)}</p>
            </Show>
            <div class="cap-assumptions">{children()}</div>
        </article>
    }
}

#[component]
fn ArrPerCsm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let amount = move || model.capacity.with(|c| c.arr_per_csm);
    // "Custom" stays chosen while the user types an amount that happens to equal a preset.
    let custom =
        RwSignal::new(ArrPerCsmPreset::of(model.capacity.with_untracked(|c| c.arr_per_csm)) == ArrPerCsmPreset::Custom);
    let preset = move || if custom.get() { ArrPerCsmPreset::Custom } else { ArrPerCsmPreset::of(amount()) };
    let choose = move |p: ArrPerCsmPreset| {
        custom.set(p == ArrPerCsmPreset::Custom);
        if let Some(x) = p.amount() {
            model.edit(state, |d| d.scenario.capacity.arr_per_csm = x);
        }
    };
    let option = move |p: ArrPerCsmPreset, msg: Msg, id: &'static str| {
        view! {
            <label class="cap-radio">
                <input type="radio" name="cap-apc" data-testid=id
                    prop:checked=move || preset() == p on:change=move |_| choose(p) />
                {move || state.t(msg)}
            </label>
        }
    };
    view! {
        <fieldset class="cap-presets">
            <legend>{state.text(Msg::CapArrPerCsm)}</legend>
            {option(ArrPerCsmPreset::OneMillion, Msg::CapPreset1M, "cap-apc-1m")}
            {option(ArrPerCsmPreset::TwoMillion, Msg::CapPreset2M, "cap-apc-2m")}
            {option(ArrPerCsmPreset::Custom, Msg::Custom, "cap-apc-custom")}
        </fieldset>
        <Show when=move || preset() == ArrPerCsmPreset::Custom>
            <NumField label=label(state, Msg::CapArrPerCsmCustom)
                value=Signal::derive(move || Some(amount()))
                on_set=Callback::new(move |x: Option<f64>| if let Some(x) = x { model.edit(state, |d| d.scenario.capacity.arr_per_csm = x) })
                min=1.0 field="capacity.arr_per_csm" unit=Unit::Money testid="cap-apc" />
        </Show>
        <p class="cap-note">{state.text(Msg::CapArrRuleNote)}</p>
    }
}

#[component]
fn Effort() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let effort = move || model.capacity.with(|c| c.effort.clone());
    let hours = move || fmt_count(effort().hours_a_year().max(0.0).round() as usize);
    view! {
        <div class="cap-effort">
            <NumField label=label(state, Msg::CapWorkdays)
                value=Signal::derive(move || Some(effort().workdays))
                on_set=Callback::new(move |x: Option<f64>| if let Some(x) = x { model.edit(state, |d| d.scenario.capacity.effort.workdays = x) })
                min=0.0 max=366.0 field="capacity.workdays" testid="cap-workdays" />
            <NumField label=label(state, Msg::CapHoursPerDay)
                value=Signal::derive(move || Some(effort().hours_per_day))
                on_set=Callback::new(move |x: Option<f64>| if let Some(x) = x { model.edit(state, |d| d.scenario.capacity.effort.hours_per_day = x) })
                min=0.0 max=24.0 field="capacity.hours_per_day" testid="cap-hours-per-day" />
            <NumField label=label(state, Msg::CapUtilization)
                value=Signal::derive(move || Some(effort().utilization))
                on_set=Callback::new(move |x: Option<f64>| if let Some(x) = x { model.edit(state, |d| d.scenario.capacity.effort.utilization = x) })
                unit=Unit::Percent min=0.0 max=1.0 field="capacity.utilization" testid="cap-utilization" />
        </div>
        <p class="cap-note">{move || state.tr(Tpl::CapEffortNote { hours: &hours() })}</p>
    }
}

/// Per tier: its book, its ratios (editable: they are the tier settings) and its share of each
/// method's FTE.
#[component]
fn TierTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let count = Memo::new(move |_| model.loads.with(Vec::len));
    let set_tier = move |i: usize, f: Box<dyn FnOnce(&mut crate::domain::tiers::Tier)>| state.edit_tier(i, f);
    let row = move |i: usize| {
        let load = move || model.loads.with(|l| l.get(i).cloned());
        let name = move || {
            state
                .settings
                .with(|s| s.tiers.tiers.get(i).map(|t| tier_name(t, state.lang.get()).to_string()).unwrap_or_default())
        };
        let fte = move |pick: fn(&super::model::NeedNow) -> &CapacityResult| {
            model.need.with(|n| pick(n).tiers.get(i).map(|t| (t.fte, t.dedicated)).unwrap_or_default())
        };
        let cell_label = move |m: Msg| Signal::derive(move || format!("{} · {}", name(), state.t(m)));
        view! {
            <tr>
                <th scope="row">{name}</th>
                <td>{move || load().map(|l| state.t(model_name(l.service_model))).unwrap_or_default()}</td>
                <td class="num">{move || load().map(|l| fmt_count(l.accounts as usize)).unwrap_or_default()}</td>
                <td class="num">{move || load().map(|l| money(state, l.arr)).unwrap_or_default()}</td>
                <td><NumField bare=true label=cell_label(Msg::CapAccountsPerCsm)
                    value=Signal::derive(move || load().map(|l| l.accounts_per_csm))
                    on_set=Callback::new(move |x: Option<f64>| if let Some(x) = x { set_tier(i, Box::new(move |t| t.accounts_per_csm = x)) })
                    min=1e-9 field=format!("tier.{i}.accounts_per_csm") testid=format!("cap-tier-{i}-apc") /></td>
                <td><NumField bare=true allow_empty=true label=cell_label(Msg::ColHoursPerAccount)
                    value=Signal::derive(move || load().and_then(|l| l.hours_per_account))
                    on_set=Callback::new(move |x: Option<f64>| set_tier(i, Box::new(move |t| t.hours_per_account = x)))
                    min=1e-9 placeholder=label(state, Msg::CapNotSet) field=format!("tier.{i}.hours_per_account") testid=format!("cap-tier-{i}-hours") /></td>
                <td><NumField bare=true allow_empty=true label=cell_label(Msg::CapTierArrPerCsm)
                    value=Signal::derive(move || load().and_then(|l| l.arr_per_csm))
                    on_set=Callback::new(move |x: Option<f64>| set_tier(i, Box::new(move |t| t.arr_per_csm = x)))
                    min=1.0 placeholder=label(state, Msg::CapGlobal) field=format!("tier.{i}.arr_per_csm") unit=Unit::Money testid=format!("cap-tier-{i}-arr-per-csm") /></td>
                <td class="num">{move || fmt_fte(fte(|n| &n.arr_rule).0)}</td>
                <td class="num">{move || fmt_fte(fte(|n| &n.needs).0)}</td>
                <td class="num">
                    {move || fmt_fte(fte(|n| &n.hybrid).0)} " "
                    <span class="tag">{move || state.t(if fte(|n| &n.hybrid).1 { Msg::CapDedicated } else { Msg::CapPooled })}</span>
                </td>
            </tr>
        }
    };
    view! {
        <div class="table-wrap">
            <table class="dt-table cap-table" data-testid="cap-tier-table">
                <caption>{state.text(Msg::CapTierTableCaption)}</caption>
                {header(state, &[(Some(Msg::ColTier), false), (Some(Msg::ColServiceModel), false), (Some(Msg::BookActive), true), (Some(Msg::BookArr), true), (Some(Msg::CapAccountsPerCsm), false), (Some(Msg::ColHoursPerAccount), false), (Some(Msg::CapTierArrPerCsm), false), (Some(Msg::CapMethodArrRule), true), (Some(Msg::CapMethodNeeds), true), (Some(Msg::CapMethodHybrid), true)])}
                <tbody>{move || (0..count.get()).map(row).collect_view()}</tbody>
            </table>
        </div>
    }
}
