//! The projection's results: headline figures, the chart, when to open each position, and the
//! month-by-month table.

use leptos::prelude::*;

use super::chart::month_label;
use super::model::Model;
use super::{fmt_fte, fmt_gap, money};
use crate::components::{Cell, ChartView, Col, DataTable, Metric, Money, Row};
use crate::domain::scenario::ScenarioSummary;
use crate::i18n::{fmt_percent, Msg, Tpl};
use crate::state::AppState;

#[component]
pub fn ProjectionResults() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let summary = Memo::new(move |_| {
        model.scenario.with(|s| model.projection.with(|p| ScenarioSummary::of(&s.name, s.projection.method, p)))
    });
    let svg = move |width: u32| model.projection_chart(state, width);
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
                        state.tr(Tpl::CapHireLine { n: &h.count.to_string(), open: &month_label(as_of, h.open_month), start: &month_label(as_of, h.start_month), needed: &month_label(as_of, h.needed_month) })
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
    let money_fmt = Money::new(state);
    let rows = Memo::new(move |_| {
        let as_of = state.as_of.get();
        model.projection.with(|p| {
            let arr = money_fmt.column(p.months.iter().map(|m| m.arr));
            let cost = money_fmt.column(p.months.iter().map(|m| m.monthly_cost));
            let per_csm = money_fmt.column(p.months.iter().filter_map(|m| m.arr_per_csm));
            p.months
                .iter()
                .map(|m| {
                    let open =
                        if m.positions_to_open > 0 { format!("+{}", m.positions_to_open) } else { String::new() };
                    Row::new(
                        m.month.to_string(),
                        vec![
                            Cell::text(month_label(as_of, m.month)),
                            Cell::figure(arr.fmt(m.arr), m.arr),
                            Cell::figure(fmt_fte(m.required_fte), m.required_fte),
                            Cell::figure(fmt_fte(m.headcount), m.headcount),
                            Cell::figure(fmt_fte(m.effective_capacity), m.effective_capacity),
                            Cell::text(fmt_gap(m.gap)).class("gap"),
                            Cell::text(open),
                            Cell::figure(cost.fmt(m.monthly_cost), m.monthly_cost),
                            Cell::text(fmt_percent(m.cost_share_of_arr)),
                            m.arr_per_csm.map_or_else(|| Cell::text("—"), |x| Cell::figure(per_csm.fmt(x), x)),
                        ],
                    )
                    .class(if m.gap > 1e-9 { "short" } else { "" })
                })
                .collect::<Vec<_>>()
        })
    });
    let cols = vec![
        Col::name(Msg::Month),
        Col::num(Msg::ColArr),
        Col::num(Msg::CapRequiredFte),
        Col::num(Msg::CapHeadcountCol),
        Col::num(Msg::CapEffectiveCapacity),
        Col::num(Msg::CapGap),
        Col::num(Msg::CapOpen),
        Col::num(Msg::CapMonthlyCost),
        Col::num(Msg::CapCostShare),
        Col::num(Msg::CapArrPerCsmCol),
    ];
    view! {
        <DataTable cols=cols rows=rows caption=Msg::CapMonthTableCaption testid="cap-month-table" class="cap-months" export="capacity-months" />
    }
}
