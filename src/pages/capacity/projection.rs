//! The projection's results: headline figures, the chart, when to open each position, and the
//! month-by-month table.

use leptos::prelude::*;

use super::chart::month_label;
use super::header;
use super::model::Model;
use super::{fmt_fte, fmt_gap, money};
use crate::components::{ChartView, Metric};
use crate::domain::scenario::ScenarioSummary;
use crate::i18n::{fill, fmt_percent, Msg};
use crate::state::AppState;

#[component]
pub fn ProjectionResults() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let summary = Memo::new(move |_| {
        model.scenario.with(|s| model.projection.with(|p| ScenarioSummary::of(&s.name, s.projection.method, p)))
    });
    let svg = model.projection_svg;
    let metric = move |key: &'static str,
                       label: Msg,
                       value: fn(&ScenarioSummary) -> Option<f64>,
                       show: fn(AppState, Option<f64>) -> String| {
        view! {
            <Metric key=key label=Signal::derive(move || state.t(label))
                value=Signal::derive(move || summary.with(value))
                display=Signal::derive(move || show(state, summary.with(value))) />
        }
    };
    let fte = |_: AppState, v: Option<f64>| v.map(fmt_fte).unwrap_or_else(|| "—".into());
    let cash = |s: AppState, v: Option<f64>| v.map(|x| money(s, x)).unwrap_or_else(|| "—".into());
    let count = |_: AppState, v: Option<f64>| v.map(|x| format!("{x}")).unwrap_or_else(|| "—".into());
    let month =
        |s: AppState, v: Option<f64>| v.map(|m| month_label(s.as_of.get(), m as u32)).unwrap_or_else(|| "—".into());
    view! {
        <div class="metrics cap-summary">
            {metric("projection.required_fte_end", Msg::CapRequiredFteEnd, |s| Some(s.required_fte_end), fte)}
            {metric("projection.headcount_end", Msg::CapHeadcountEnd, |s| Some(s.headcount_end), fte)}
            {metric("projection.hires", Msg::CapHires, |s| Some(f64::from(s.hires)), count)}
            {metric("projection.first_opening", Msg::CapFirstOpening, |s| s.first_opening.map(f64::from), month)}
            {metric("projection.cost_over_horizon", Msg::CapCostOverHorizon, |s| Some(s.cost_over_horizon), cash)}
            {metric("projection.cost_share_end", Msg::CapCostShareEnd, |s| s.cost_share_of_arr_end, |_, v| fmt_percent(v))}
            {metric("projection.arr_per_csm_end", Msg::CapArrPerCsmEnd, |s| s.arr_per_csm_end, cash)}
        </div>
        <ChartView svg=svg file_stem="capacity-projection" />
        <HireList />
        <MonthTable />
    }
}

/// When to open each position; `print` leaves out the test id (the screen's list has it).
#[component]
pub(super) fn HireList(#[prop(optional)] print: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    view! {
        <ul class="cap-hires" data-testid=(!print).then_some("cap-hires")>
            {move || {
                let hires = model.projection.with(|p| p.hires.clone());
                if hires.is_empty() {
                    return view! { <li>{state.text(Msg::CapNoHires)}</li> }.into_any();
                }
                hires.into_iter().map(|h| {
                    let text = move || {
                        let as_of = state.as_of.get();
                        fill(state.t(Msg::CapHireLine), &[
                            ("n", &h.count.to_string()),
                            ("open", &month_label(as_of, h.open_month)),
                            ("start", &month_label(as_of, h.start_month)),
                            ("needed", &month_label(as_of, h.needed_month)),
                        ])
                    };
                    view! {
                        <li class:late=h.late>
                            {text}
                            {h.late.then(|| view! { " " <span class="tag warn">{state.text(Msg::CapLate)}</span> })}
                        </li>
                    }
                }).collect_view().into_any()
            }}
        </ul>
    }
}

#[component]
fn MonthTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let rows = move || {
        let as_of = state.as_of.get();
        model.projection.with(|p| {
            p.months.iter().map(|m| {
                let m = m.clone();
                view! {
                    <tr class:short={m.gap > 1e-9} data-month=m.month>
                        <th scope="row">{month_label(as_of, m.month)}</th>
                        <td class="num">{money(state, m.arr)}</td>
                        <td class="num" data-value=m.required_fte.to_string()>{fmt_fte(m.required_fte)}</td>
                        <td class="num">{fmt_fte(m.headcount)}</td>
                        <td class="num" data-value=m.effective_capacity.to_string()>{fmt_fte(m.effective_capacity)}</td>
                        <td class="num gap">{fmt_gap(m.gap)}</td>
                        <td class="num">{(m.positions_to_open > 0).then(|| format!("+{}", m.positions_to_open))}</td>
                        <td class="num">{money(state, m.monthly_cost)}</td>
                        <td class="num">{fmt_percent(m.cost_share_of_arr)}</td>
                        <td class="num">{m.arr_per_csm.map(|x| money(state, x)).unwrap_or_else(|| "—".into())}</td>
                    </tr>
                }
            }).collect_view()
        })
    };
    view! {
        <div class="table-scroll">
            <table class="cap-table cap-months" data-testid="cap-month-table">
                <caption>{state.text(Msg::CapMonthTableCaption)}</caption>
                {header(state, &[(Some(Msg::CapMonth), false), (Some(Msg::ColArr), true), (Some(Msg::CapRequiredFte), true), (Some(Msg::CapHeadcountCol), true), (Some(Msg::CapEffectiveCapacity), true), (Some(Msg::CapGap), true), (Some(Msg::CapOpen), true), (Some(Msg::CapMonthlyCost), true), (Some(Msg::CapCostShare), true), (Some(Msg::CapArrPerCsmCol), true)])}
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
