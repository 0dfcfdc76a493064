//! The printed one-page summary of the working scenario, for a consultant to hand over: its
//! figures, the chart, the assumptions and the date. Shown only in print (style/capacity.css);
//! it carries no data-metric keys, so the screen's figures stay the only ones.

use leptos::prelude::*;

use super::chart::month_label;
use super::header;
use super::model::Model;
use super::need::method_name;
use super::{fmt_fte, money};
use crate::domain::dates::iso;
use crate::domain::period::Period;
use crate::domain::plan::BudgetMode;
use crate::domain::revenue::bridge::arr_bridge;
use crate::domain::scenario::ScenarioSummary;
use crate::i18n::{fmt_count, fmt_percent, tier_name, Msg, Tpl};
use crate::pages::widgets::tier_names;
use crate::state::AppState;

#[component]
pub fn PrintSummary() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let summary = Memo::new(move |_| {
        model.scenario.with(|s| model.projection.with(|p| ScenarioSummary::of(&s.name, s.projection.method, p)))
    });
    let title = move || {
        let name = model.scenario.with(|s| s.name.clone());
        let name = if name.trim().is_empty() { state.t(Msg::CapWorkingScenario).to_string() } else { name };
        state.tr(Tpl::CapPrintTitle { name: &name })
    };
    let dated = move || {
        let today = chrono::Local::now().date_naive();
        state.tr(Tpl::CapPrintDate { asof: &iso(state.as_of.get()), today: &iso(today) })
    };
    let pair = move |label: Msg, value: Box<dyn Fn() -> String + Send + Sync>| {
        view! { <div class="pair"><dt>{move || state.t(label)}</dt><dd>{move || value()}</dd></div> }
    };
    let need = move |pick: fn(&super::model::NeedNow) -> (f64, u32)| {
        Box::new(move || {
            let (fte, hc) = model.need.with(pick);
            format!("{} FTE → {hc}", fmt_fte(fte))
        }) as Box<dyn Fn() -> String + Send + Sync>
    };
    let s = move || model.scenario.get();
    let growth = move || {
        let lang = state.lang.get();
        let names: Vec<String> =
            state.settings.with(|st| st.tiers.tiers.iter().map(|t| tier_name(t, lang).to_string()).collect());
        s().projection
            .tiers
            .iter()
            .enumerate()
            .map(|(i, g)| {
                view! {
                    <tr>
                        <th scope="row">{names.get(i).cloned().unwrap_or_default()}</th>
                        <td>{format!("{:.2}", g.new_logos_per_month)}</td>
                        <td>{money(state, g.avg_new_arr)}</td>
                        <td>{fmt_percent(Some(g.annual_logo_churn))}</td>
                        <td>{fmt_percent(Some(g.annual_dollar_churn))}</td>
                        <td>{fmt_percent(Some(g.annual_net_expansion))}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="cap-print" aria-hidden="true">
            <p class="cap-print-title">{title}</p>
            <p class="cap-print-date">{dated}</p>
            <div class="cap-print-cols">
                <dl class="cap-print-figures">
                    {pair(Msg::BookActive, Box::new(move || fmt_count(model.overall.with(|o| o.active_accounts))))}
                    {pair(Msg::BookArr, Box::new(move || money(state, model.overall.with(|o| o.arr))))}
                    {pair(Msg::CapCurrentCsms, Box::new(move || fmt_fte(model.book_csms.get())))}
                    {pair(Msg::CapMethodArrRule, need(|n| (n.arr_rule.fte, n.arr_rule.headcount)))}
                    {pair(Msg::CapMethodNeeds, need(|n| (n.needs.fte, n.needs.headcount)))}
                    {pair(Msg::CapMethodHybrid, need(|n| (n.hybrid.fte, n.hybrid.headcount)))}
                    {pair(Msg::CapMethod, Box::new(move || state.t(method_name(s().projection.method)).to_string()))}
                    {pair(Msg::CapRequiredFteEnd, Box::new(move || fmt_fte(summary.get().required_fte_end)))}
                    {pair(Msg::CapHires, Box::new(move || summary.get().hires.to_string()))}
                    {pair(Msg::CapFirstOpening, Box::new(move || summary.get().first_opening.map(|m| month_label(state.as_of.get(), m)).unwrap_or_else(|| "—".into())))}
                    {pair(Msg::CapCostOverHorizon, Box::new(move || money(state, summary.get().cost_over_horizon)))}
                    {pair(Msg::CapCostShareEnd, Box::new(move || fmt_percent(summary.get().cost_share_of_arr_end)))}
                </dl>
                <dl class="cap-print-assumptions">
                    {pair(Msg::CapArrPerCsm, Box::new(move || money(state, s().capacity.arr_per_csm)))}
                    {pair(Msg::CapDedicatedThreshold, Box::new(move || money(state, s().capacity.dedicated_threshold)))}
                    {pair(Msg::CapCsmHours, Box::new(move || fmt_count(s().capacity.effort.hours_a_year().max(0.0).round() as usize)))}
                    {pair(Msg::PrintHorizon, Box::new(move || state.tr(Tpl::MonthsN { n: &s().projection.horizon_months.to_string() })))}
                    {pair(Msg::CapAttrition, Box::new(move || fmt_percent(Some(s().projection.team.annual_attrition))))}
                    {pair(Msg::CapRamp, Box::new(move || s().projection.team.ramp_months.to_string()))}
                    {pair(Msg::CapLeadTime, Box::new(move || s().projection.team.lead_time_months.to_string()))}
                    {pair(Msg::CapLoadedCost, Box::new(move || money(state, s().projection.team.loaded_cost)))}
                    {pair(Msg::CapStartCsms, Box::new(move || fmt_fte(s().projection.team.current_csms)))}
                </dl>
            </div>
            <PlanFigures />
            <RevenueFigures />
            // The same SVG as on screen, escaped by plotters.
            <div class="chart-svg" inner_html=move || model.projection_svg.get()></div>
            <super::projection::HireList print=true />
            <table class="cap-print-growth">
                {header(state, &[(Some(Msg::ColTier), false), (Some(Msg::CapNewLogos), false), (Some(Msg::CapAvgNewArr), false), (Some(Msg::CapLogoChurn), false), (Some(Msg::CapDollarChurn), false), (Some(Msg::CapNetExpansion), false)])}
                <tbody>{growth}</tbody>
            </table>
        </section>
    }
}

/// The revenue figures a board asks for beside the plan (DOMAIN.md §9): the ARR bridge of the
/// last 12 months and the renewal forecast of the next 12.
#[component]
fn RevenueFigures() -> impl IntoView {
    let state = expect_context::<AppState>();
    let bridge = Memo::new(move |_| {
        let p = Period::last_12_months(state.as_of.get());
        let rules = state.rules.get();
        state.book.with(|b| arr_bridge(b, &rules, p.from, p.to))
    });
    let f = state.forecast;
    let pair = move |label: Msg, value: Box<dyn Fn() -> String + Send + Sync>| {
        view! { <div class="pair"><dt>{move || state.t(label)}</dt><dd>{move || value()}</dd></div> }
    };
    view! {
        <div class="cap-print-cols">
            <dl class="cap-print-figures">
                {pair(Msg::RevStart, Box::new(move || money(state, bridge.with(|b| b.start_arr))))}
                {pair(Msg::RevNew, Box::new(move || money(state, bridge.with(|b| b.new))))}
                {pair(Msg::RevExpansion, Box::new(move || money(state, bridge.with(|b| b.expansion))))}
                {pair(Msg::RevContraction, Box::new(move || money(state, bridge.with(|b| b.contraction))))}
                {pair(Msg::RevChurn, Box::new(move || money(state, bridge.with(|b| b.churn))))}
                {pair(Msg::RevEnd, Box::new(move || money(state, bridge.with(|b| b.end_arr))))}
            </dl>
            <dl class="cap-print-assumptions">
                {pair(Msg::DueArr, Box::new(move || money(state, f.with(|f| f.due_arr))))}
                {pair(Msg::RevExpected, Box::new(move || money(state, f.with(|f| f.expected_arr))))}
                {pair(Msg::RevForecastGrr, Box::new(move || fmt_percent(f.with(|f| f.grr))))}
                {pair(Msg::RevP10, Box::new(move || money(state, f.with(|f| f.p10))))}
                {pair(Msg::RevP90, Box::new(move || money(state, f.with(|f| f.p90))))}
                {pair(Msg::RevForecastLogoChurn, Box::new(move || fmt_percent(f.with(|f| f.logo_churn))))}
            </dl>
        </div>
    }
}

/// The hiring plan on paper: whole people and calendar months, the budget and what it leaves
/// uncovered when one is set, and the totals per fiscal quarter.
#[component]
fn PlanFigures() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let plan = model.plan;
    let pair = move |label: Msg, value: Box<dyn Fn() -> String + Send + Sync>| {
        view! { <div class="pair"><dt>{move || state.t(label)}</dt><dd>{move || value()}</dd></div> }
    };
    let budget = move || model.scenario.with(|s| s.plan.budget);
    let budget_text = move || match budget() {
        BudgetMode::Off => "—".to_string(),
        BudgetMode::Annual(b) => money(state, b),
        BudgetMode::ShareOfArr(x) => format!("{} ARR", fmt_percent(Some(x))),
    };
    let quarters = move || {
        plan.with(|p| {
            p.years
                .iter()
                .map(|q| {
                    let q = q.clone();
                    view! {
                        <tr>
                            <th scope="row" class="nowrap">{q.period.label()}</th>
                            <td>{q.hires}</td>
                            <td>{q.leavers}</td>
                            <td>{super::plan::people(q.end_headcount)}</td>
                            <td>{money(state, q.cost)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let coverage = move || {
        let names = tier_names(state);
        plan.with(|p| {
            p.coverage
                .as_ref()
                .map(|c| {
                    c.tiers
                        .iter()
                        .map(|t| {
                            let (name, share, arr) = (names.get(t.tier).cloned().unwrap_or_default(), t.share, t.uncovered_arr);
                            view! { <tr><th scope="row">{name}</th><td>{fmt_percent(Some(share))}</td><td>{money(state, arr)}</td></tr> }
                        })
                        .collect_view()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <p class="cap-print-subtitle">{state.text(Msg::PrintPlanTitle)}</p>
        <div class="cap-print-cols">
            <dl class="cap-print-figures">
                {pair(Msg::PlanHires, Box::new(move || plan.with(|p| format!("{} ({} + {})", p.totals.hires, p.totals.backfill, p.totals.growth))))}
                {pair(Msg::PlanLeavers, Box::new(move || plan.with(|p| p.totals.leavers.to_string())))}
                {pair(Msg::PlanHeadcountEnd, Box::new(move || plan.with(|p| super::plan::people(p.totals.headcount_end))))}
                <Show when=move || budget() != BudgetMode::Off>
                    {pair(Msg::PrintBudget, Box::new(budget_text))}
                    {pair(Msg::PlanAffordableEnd, Box::new(move || plan.with(|p| p.affordable_end.map(|n| n.to_string()).unwrap_or_else(|| "—".into()))))}
                    {pair(Msg::PlanColUncoveredArr, Box::new(move || plan.with(|p| p.coverage.as_ref().map(|c| money(state, c.uncovered_arr)).unwrap_or_else(|| "—".into()))))}
                </Show>
            </dl>
            <div>
                <table class="cap-print-growth">
                    {header(state, &[(Some(Msg::Period), false), (Some(Msg::PlanColHires), false), (Some(Msg::PlanColLeavers), false), (Some(Msg::PlanColPeopleEnd), false), (Some(Msg::PlanColCost), false)])}
                    <tbody>{quarters}</tbody>
                </table>
                <Show when=move || budget() != BudgetMode::Off>
                    <table class="cap-print-growth" data-testid="print-coverage">
                        {header(state, &[(Some(Msg::ColTier), false), (Some(Msg::PlanColShare), false), (Some(Msg::PlanColUncoveredArr), false)])}
                        <tbody>{coverage}</tbody>
                    </table>
                </Show>
            </div>
        </div>
    }
}
