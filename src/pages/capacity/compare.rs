//! Two to four saved scenarios side by side: their key figures in one table and their capacity
//! in one overlaid chart.

use leptos::prelude::*;

use super::chart::{compare_chart, month_label};
use super::model::Model;
use super::need::method_name;
use super::{fmt_fte, money};
use crate::components::{data_value, ChartView};
use crate::domain::scenario::ScenarioSummary;
use crate::i18n::{fmt_percent, Msg};
use crate::state::AppState;

type Cell = fn(AppState, &ScenarioSummary) -> (Option<f64>, String);

fn rows() -> Vec<(&'static str, Msg, Cell)> {
    vec![
        ("method", Msg::CapMethod, |s, x| (None, s.t(method_name(x.method)).to_string())),
        ("horizon", Msg::CapHorizon, |_, x| (Some(f64::from(x.horizon_months)), x.horizon_months.to_string())),
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
    let svg = Memo::new(move |_| {
        let (lang, as_of) = (state.lang.get(), state.as_of.get());
        model.comparison.with(|c| c.as_deref().map(|cols| compare_chart(lang, as_of, cols)).unwrap_or_default())
    });
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
                <div class="table-scroll">
                    <table class="cap-table cap-compare" data-testid="cap-compare-table">
                        <thead><tr><th scope="col"></th>{head}</tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            })
        })
    };
    view! {
        <Show when=move || { chosen() >= 2 } fallback=move || view! { <p class="cap-note">{state.text(Msg::CapCompareHint)}</p> }>
            {table}
            <ChartView svg=svg file_stem="capacity-compare" />
        </Show>
    }
}
