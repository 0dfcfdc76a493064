//! Two to four saved scenarios side by side: their key figures in one table and their capacity
//! in one overlaid chart.

use leptos::prelude::*;

use super::chart::{compare_chart, month_label};
use super::model::Model;
use super::need::method_name;
use super::{fmt_fte, money};
use crate::components::{data_value, ChartView};
use crate::domain::dates::iso;
use crate::domain::plan::BudgetMode;
use crate::domain::scenario::ScenarioSummary;
use crate::domain::scenario_diff::{Assumption, Value};
use crate::i18n::{fmt_percent, Msg, Tpl};
use crate::pages::widgets::tier_names;
use crate::state::AppState;
use crate::web;

type Cell = fn(AppState, &ScenarioSummary) -> (Option<f64>, String);

fn rows() -> Vec<(&'static str, Msg, Cell)> {
    vec![
        ("method", Msg::CapMethod, |s, x| (None, s.t(method_name(x.method)).to_string())),
        ("horizon", Msg::PrintHorizon, |_, x| (Some(f64::from(x.horizon_months)), x.horizon_months.to_string())),
        ("required_fte_now", Msg::CapRequiredFteNow, |_, x| (Some(x.required_fte_now), fmt_fte(x.required_fte_now))),
        ("required_fte_end", Msg::CapRequiredFteEnd, |_, x| (Some(x.required_fte_end), fmt_fte(x.required_fte_end))),
        ("headcount_end", Msg::CapHeadcountEnd, |_, x| (Some(x.headcount_end), fmt_fte(x.headcount_end))),
        ("hires", Msg::CapHires, |_, x| (Some(f64::from(x.hires)), x.hires.to_string())),
        ("late_hires", Msg::CapLateHires, |_, x| (Some(f64::from(x.late_hires)), x.late_hires.to_string())),
        ("first_opening", Msg::CapFirstOpening, |s, x| {
            (
                x.first_opening.map(f64::from),
                x.first_opening.map(|m| month_label(s.as_of.get(), m)).unwrap_or_else(|| "—".into()),
            )
        }),
        ("peak_gap", Msg::CapPeakGap, |_, x| (Some(x.peak_gap), fmt_fte(x.peak_gap))),
        ("arr_end", Msg::CapArrEnd, |s, x| (Some(x.arr_end), money(s, x.arr_end))),
        ("annual_cost_end", Msg::CapAnnualCostEnd, |s, x| (Some(x.annual_cost_end), money(s, x.annual_cost_end))),
        ("cost_over_horizon", Msg::CapCostOverHorizon, |s, x| {
            (Some(x.cost_over_horizon), money(s, x.cost_over_horizon))
        }),
        ("cost_share_end", Msg::CapCostShareEnd, |_, x| {
            (x.cost_share_of_arr_end, fmt_percent(x.cost_share_of_arr_end))
        }),
        ("arr_per_csm_end", Msg::CapArrPerCsmEnd, |s, x| {
            (x.arr_per_csm_end, x.arr_per_csm_end.map(|v| money(s, v)).unwrap_or_else(|| "—".into()))
        }),
    ]
}

#[component]
pub fn Compare() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let chosen = move || model.compare_names.with(Vec::len);
    let svg = move |width: u32| {
        let (lang, as_of) = (state.lang.get(), state.as_of.get());
        model.comparison.with(|c| c.as_deref().map(|cols| compare_chart(lang, as_of, cols, width)).unwrap_or_default())
    };
    let table = move || {
        model.comparison.with(|c| {
            let cols = c.as_deref()?;
            let summaries: Vec<ScenarioSummary> = cols.iter().map(|c| c.summary.clone()).collect();
            let head = summaries.iter().map(|s| view! { <th scope="col">{s.name.clone()}</th> }).collect_view();
            let body = rows().into_iter().map(|(key, label, cell)| {
                let cells = summaries.iter().map(|s| {
                    let (value, text) = cell(state, s);
                    view! { <td class="num" data-row=key data-scenario=s.name.clone() data-value=data_value(value)>{text}</td> }
                }).collect_view();
                view! { <tr><th scope="row">{move || state.t(label)}</th>{cells}</tr> }
            }).collect_view();
            Some(view! {
                <div class="table-wrap">
                    <table class="dt-table cap-table cap-compare" data-testid="cap-compare-table">
                        <thead><tr><th scope="col"></th>{head}</tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            })
        })
    };
    let horizons_differ = move || {
        model.compared.with(|c| c.windows(2).any(|w| w[0].projection.horizon_months != w[1].projection.horizon_months))
    };
    let common =
        move || model.comparison.with(|c| c.as_ref().and_then(|c| c.first()).map(|c| c.summary.horizon_months));
    let print = move |_| {
        // Only the comparison is printed while the body carries this class (style/capacity.css).
        let body = web::document().and_then(|d| d.body());
        if let Some(b) = &body {
            let _ = b.class_list().add_1("print-compare");
        }
        if let Some(w) = web::window() {
            let _ = w.print();
        }
        if let Some(b) = &body {
            let _ = b.class_list().remove_1("print-compare");
        }
    };
    view! {
        <Show when=move || { chosen() >= 2 } fallback=move || view! { <p class="cap-note">{state.text(Msg::CapCompareHint)}</p> }>
            <div class="cap-compare-print">
                <p class="cap-print-title compare-title">{move || {
                    let names: Vec<String> = model.compared.with(|c| c.iter().map(|s| s.name.clone()).collect());
                    state.tr(Tpl::CompareTitle { names: &names.join(" / ") })
                }}</p>
                <Assumptions />
                <Show when=horizons_differ>
                    <p class="cap-note warn" data-testid="compare-common-horizon">
                        {move || state.tr(Tpl::CompareCommonHorizon { n: &common().unwrap_or(0).to_string() })}
                    </p>
                </Show>
                {table}
                <ChartView svg=svg file_stem="capacity-compare" />
            </div>
            <button type="button" class="btn no-print" data-testid="compare-print" on:click=print>{state.text(Msg::ComparePrint)}</button>
        </Show>
    }
}

/// The words for an assumption; a tier's carries the tier's name.
fn assumption_label(state: AppState, what: Assumption) -> String {
    let tier = |i: usize, msg: Msg| {
        let name = tier_names(state).get(i).cloned().unwrap_or_else(|| format!("#{}", i + 1));
        format!("{name} · {}", state.t(msg))
    };
    match what {
        Assumption::AsOf => state.t(Msg::AsOfLabel).into(),
        Assumption::Method => state.t(Msg::CapMethod).into(),
        Assumption::ArrPerCsm => state.t(Msg::CapArrPerCsm).into(),
        Assumption::DedicatedThreshold => state.t(Msg::CapDedicatedThreshold).into(),
        Assumption::Horizon => state.t(Msg::PrintHorizon).into(),
        Assumption::CurrentCsms => state.t(Msg::CapStartCsms).into(),
        Assumption::Attrition => state.t(Msg::CapAttrition).into(),
        Assumption::Ramp => state.t(Msg::CapRamp).into(),
        Assumption::LeadTime => state.t(Msg::CapLeadTime).into(),
        Assumption::LoadedCost => state.t(Msg::CapLoadedCost).into(),
        Assumption::ChurnFromForecast => state.t(Msg::CompareChurnFromForecast).into(),
        Assumption::FiscalStart => state.t(Msg::PlanFiscalStart).into(),
        Assumption::RecruitingCost => state.t(Msg::PlanRecruitingCost).into(),
        Assumption::Managers => state.t(Msg::PlanSpan).into(),
        Assumption::Budget => state.t(Msg::PrintBudget).into(),
        Assumption::TierThreshold(i) => tier(i, Msg::SegColThreshold),
        Assumption::TierAccountsPerCsm(i) => tier(i, Msg::CapAccountsPerCsm),
        Assumption::TierArrPerCsm(i) => tier(i, Msg::SegColArrPerCsm),
        Assumption::NewLogos(i) => tier(i, Msg::CapNewLogos),
        Assumption::AvgNewArr(i) => tier(i, Msg::CapAvgNewArr),
        Assumption::LogoChurn(i) => tier(i, Msg::CapLogoChurn),
        Assumption::DollarChurn(i) => tier(i, Msg::CapDollarChurn),
        Assumption::NetExpansion(i) => tier(i, Msg::CapNetExpansion),
    }
}

fn value_text(state: AppState, v: Value) -> String {
    match v {
        Value::Missing => "—".into(),
        Value::Date(d) => iso(d),
        Value::Method(m) => state.t(method_name(m)).into(),
        Value::Money(x) => money(state, x),
        Value::Share(x) => fmt_percent(Some(x)),
        Value::Number(x) => crate::forms::field::plain_text(x, 2),
        Value::Flag(on) => state.t(if on { Msg::Yes } else { Msg::No }).into(),
        Value::Budget(BudgetMode::Off) => state.t(Msg::PlanBudgetOff).into(),
        Value::Budget(BudgetMode::Annual(b)) => money(state, b),
        Value::Budget(BudgetMode::ShareOfArr(x)) => format!("{} ARR", fmt_percent(Some(x))),
    }
}

/// The assumptions side by side: the ones that differ first and highlighted; the ones all
/// scenarios share folded away.
#[component]
fn Assumptions() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let rows = move |differing: bool| {
        model.assumptions.with(|rows| {
            rows.iter()
                .filter(|r| r.differs == differing)
                .map(|r| {
                    let label = assumption_label(state, r.what);
                    let cells =
                        r.values.iter().map(|v| view! { <td class="num">{value_text(state, *v)}</td> }).collect_view();
                    view! { <tr class:differs=differing><th scope="row">{label}</th>{cells}</tr> }
                })
                .collect_view()
        })
    };
    let head = move || {
        let names: Vec<String> = model.compared.with(|c| c.iter().map(|s| s.name.clone()).collect());
        view! { <thead><tr><th scope="col"></th>{names.into_iter().map(|n| view! { <th scope="col">{n}</th> }).collect_view()}</tr></thead> }
    };
    let differing = move || model.assumptions.with(|r| r.iter().filter(|r| r.differs).count());
    view! {
        <div class="table-wrap">
            <table class="dt-table cap-table cap-compare cap-assumptions" data-testid="compare-assumptions">
                <caption>{move || state.tr(Tpl::CompareDiffering { n: &differing().to_string() })}</caption>
                {head}
                <tbody>{move || rows(true)}</tbody>
            </table>
        </div>
        <details class="no-print">
            <summary>{state.text(Msg::CompareSame)}</summary>
            <div class="table-wrap">
                <table class="dt-table cap-table cap-compare">
                    {head}
                    <tbody>{move || rows(false)}</tbody>
                </table>
            </div>
        </details>
    }
}
