//! The hiring plan a CFO signs (DOMAIN.md §5): whole people and calendar months — people at the
//! start, leavers, hires starting, positions to open, required headcount, gap and cost per
//! month; backfill vs growth; totals per fiscal quarter and year; the cost inputs and the budget
//! with the coverage it buys; and the plan as CSV or an .xlsx workbook.

use leptos::prelude::*;

use super::model::Model;
use super::{label, money};
use crate::components::{Cell, Col, DataTable, Metric, Money, NumField, Row, Unit};
use crate::domain::dates::iso_month;
use crate::domain::plan::{yyyymm, BudgetMode, Plan, PlanSettings};
use crate::forms::field::plain_text;
use crate::i18n::{fmt_count, fmt_percent, Msg, Tpl};
use crate::pages::widgets::tier_names;
use crate::state::AppState;

mod export;

/// The first month a position opens, `2026-08`, or a dash.
pub(super) fn first_open_text(p: &Plan) -> String {
    p.totals.first_open.map(|m| format!("{}-{:02}", m / 100, m % 100)).unwrap_or_else(|| "—".into())
}

/// Whole people as a person writes them (a part-time team keeps its decimals).
pub(super) fn people(x: f64) -> String {
    plain_text(x, 2)
}

#[component]
pub fn HiringPlan() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let plan = model.plan;
    let totals = move |f: fn(&Plan) -> f64| Signal::derive(move || Some(plan.with(f)));
    let count = move |key: &'static str, msg: Msg, f: fn(&Plan) -> f64| {
        view! {
            <Metric key=key label=Signal::derive(state.text(msg)) value=totals(f)
                display=Signal::derive(move || people(plan.with(f))) />
        }
    };
    let budget_on = move || model.scenario.with(|s| s.plan.budget != BudgetMode::Off);
    view! {
        <p class="cap-note">{state.text(Msg::PlanIntro)}</p>
        <PlanInputs />
        <div class="metrics cap-summary">
            {count("plan.hires", Msg::PlanHires, |p| f64::from(p.totals.hires))}
            {count("plan.backfill", Msg::PlanBackfill, |p| f64::from(p.totals.backfill))}
            {count("plan.growth", Msg::PlanGrowth, |p| f64::from(p.totals.growth))}
            {count("plan.leavers", Msg::PlanLeavers, |p| f64::from(p.totals.leavers))}
            {count("plan.headcount_end", Msg::PlanHeadcountEnd, |p| p.totals.headcount_end)}
            {count("plan.required_end", Msg::PlanRequiredEnd, |p| f64::from(p.totals.required_end))}
            <Metric key="plan.cost" label=Signal::derive(state.text(Msg::PlanCost)) value=totals(|p| p.totals.cost)
                display=Signal::derive(move || money(state, plan.with(|p| p.totals.cost))) />
            <Metric key="plan.first_open" label=Signal::derive(state.text(Msg::PlanFirstOpen))
                value=Signal::derive(move || plan.with(|p| p.totals.first_open.map(f64::from)))
                display=Signal::derive(move || plan.with(first_open_text)) />
            <Show when=budget_on>
                <Metric key="plan.affordable_end" label=Signal::derive(state.text(Msg::PlanAffordableEnd))
                    value=Signal::derive(move || plan.with(|p| p.affordable_end.map(f64::from)))
                    display=Signal::derive(move || plan.with(|p| p.affordable_end.map(|n| fmt_count(n as usize)).unwrap_or_else(|| "—".into()))) />
            </Show>
        </div>
        <p class="cap-note">{move || plan.with(|p| state.tr(Tpl::PlanBackfillNote { leavers: &p.totals.leavers.to_string(), backfill: &p.totals.backfill.to_string(), growth: &p.totals.growth.to_string() }))}</p>
        <export::ExportButtons />
        <PlanTable />
        <PeriodTables />
        <Show when=budget_on>
            <CoverageTable />
        </Show>
    }
}

/// The plan's own inputs: fiscal year, recruiting cost, managers, budget. They belong to the
/// scenario (saved with it, carried by its link).
#[component]
fn PlanInputs() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let settings = move || model.scenario.with(|s| s.plan.clone());
    let set = move |f: Box<dyn FnOnce(&mut PlanSettings)>| model.edit(state, |d| f(&mut d.scenario.plan));
    let months = (1..=12u32)
        .map(|m| {
            view! {
                <option value=m.to_string() selected=move || settings().fiscal_year_start_month == m>
                    {move || state.tr(Tpl::PlanMonthN { m: &m.to_string() })}
                </option>
            }
        })
        .collect_view();
    let budget_kind = move || match settings().budget {
        BudgetMode::Off => "off",
        BudgetMode::Annual(_) => "annual",
        BudgetMode::ShareOfArr(_) => "share",
    };
    let csm_cost = move || model.scenario.with(|s| s.projection.team.loaded_cost);
    view! {
        <div class="cap-inline">
            <label class="cap-field">
                <span class="cap-field-label">{state.text(Msg::PlanFiscalStart)}</span>
                <select data-testid="plan-fiscal-start" data-field="plan.fiscal_start" on:change=move |ev| {
                    if let Ok(m) = event_target_value(&ev).parse::<u32>() {
                        set(Box::new(move |p| p.fiscal_year_start_month = m));
                    }
                }>{months}</select>
            </label>
            <NumField label=label(state, Msg::PlanRecruitingCost)
                value=Signal::derive(move || Some(settings().recruiting_cost_per_hire))
                on_set=Callback::new(move |x: Option<f64>| if let Some(x) = x { set(Box::new(move |p| p.recruiting_cost_per_hire = x)) })
                unit=Unit::Money min=0.0 field="plan.recruiting_cost" testid="plan-recruiting-cost" />
            <label class="check">
                <input type="checkbox" data-testid="plan-managers" data-field="plan.managers"
                    prop:checked=move || settings().managers
                    on:change=move |ev| { let on = event_target_checked(&ev); set(Box::new(move |p| p.managers = on)) } />
                {state.text(Msg::PlanManagers)}
            </label>
            <Show when=move || settings().managers>
                <NumField label=label(state, Msg::PlanSpan)
                    value=Signal::derive(move || Some(f64::from(settings().span_of_control)))
                    on_set=Callback::new(move |x: Option<f64>| if let Some(x) = x { set(Box::new(move |p| p.span_of_control = x as u32)) })
                    whole=true min=1.0 max=100.0 field="plan.span" testid="plan-span" />
                <NumField label=label(state, Msg::PlanManagerCost) allow_empty=true
                    value=Signal::derive(move || settings().manager_loaded_cost)
                    on_set=Callback::new(move |x: Option<f64>| set(Box::new(move |p| p.manager_loaded_cost = x)))
                    placeholder=Signal::derive(move || money(state, csm_cost() * 1.5))
                    unit=Unit::Money min=0.0 field="plan.manager_cost" testid="plan-manager-cost" />
            </Show>
        </div>
        <div class="cap-inline">
            <label class="cap-field">
                <span class="cap-field-label">{state.text(Msg::PlanBudgetMode)}</span>
                <select data-testid="plan-budget-mode" data-field="plan.budget_mode" on:change=move |ev| {
                    let kind = event_target_value(&ev);
                    let cost = csm_cost();
                    set(Box::new(move |p| {
                        p.budget = match kind.as_str() {
                            // A starting value the person then types over: today's team's cost, or 10%.
                            "annual" => BudgetMode::Annual(if let BudgetMode::Annual(b) = p.budget { b } else { (cost * 10.0).max(0.0) }),
                            "share" => BudgetMode::ShareOfArr(if let BudgetMode::ShareOfArr(x) = p.budget { x } else { 0.1 }),
                            _ => BudgetMode::Off,
                        }
                    }));
                }>
                    <option value="off" selected=move || budget_kind() == "off">{state.text(Msg::PlanBudgetOff)}</option>
                    <option value="annual" selected=move || budget_kind() == "annual">{state.text(Msg::PlanBudgetAnnual)}</option>
                    <option value="share" selected=move || budget_kind() == "share">{state.text(Msg::PlanBudgetShare)}</option>
                </select>
            </label>
            <Show when=move || budget_kind() == "annual">
                <NumField label=label(state, Msg::PlanBudgetAmount)
                    value=Signal::derive(move || match settings().budget { BudgetMode::Annual(b) => Some(b), _ => None })
                    on_set=Callback::new(move |x: Option<f64>| if let Some(x) = x { set(Box::new(move |p| p.budget = BudgetMode::Annual(x))) })
                    unit=Unit::Money min=0.0 field="plan.budget" testid="plan-budget" />
            </Show>
            <Show when=move || budget_kind() == "share">
                <NumField label=label(state, Msg::PlanBudgetShareOfArr)
                    value=Signal::derive(move || match settings().budget { BudgetMode::ShareOfArr(x) => Some(x), _ => None })
                    on_set=Callback::new(move |x: Option<f64>| if let Some(x) = x { set(Box::new(move |p| p.budget = BudgetMode::ShareOfArr(x))) })
                    unit=Unit::Percent min=0.0 max=1.0 decimals=1 field="plan.budget_share" testid="plan-budget-share" />
            </Show>
        </div>
    }
}

/// One row a calendar month, whole people.
#[component]
fn PlanTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let managers = Memo::new(move |_| model.scenario.with(|s| s.plan.managers));
    let budget = Memo::new(move |_| model.scenario.with(|s| s.plan.budget != BudgetMode::Off));
    let money_fmt = Money::new(state);
    let rows = Memo::new(move |_| {
        let (with_managers, with_budget) = (managers.get(), budget.get());
        model.plan.with(|p| {
            let cost = money_fmt.column(p.months.iter().map(|m| m.cost));
            p.months
                .iter()
                .map(|m| {
                    let gap = if m.gap > 1e-9 { format!("+{}", people(m.gap)) } else { people(m.gap) };
                    let signed = |n: u32, sign: &str| if n > 0 { format!("{sign}{n}") } else { String::new() };
                    let mut cells = vec![
                        Cell::text(iso_month(m.calendar)),
                        Cell::figure(people(m.people), m.people),
                        Cell::text(signed(m.leavers, "−")),
                        Cell::text(signed(m.hires_starting, "+")),
                        Cell::text(signed(m.positions_to_open, "")),
                        Cell::figure(m.required.to_string(), f64::from(m.required)),
                        Cell::text(gap).class("gap"),
                    ];
                    if with_managers {
                        cells.push(Cell::count(m.managers as usize));
                    }
                    if with_budget {
                        cells.push(Cell::text(m.affordable.map(|n| fmt_count(n as usize)).unwrap_or_default()));
                    }
                    cells.push(Cell::figure(cost.fmt(m.cost), m.cost));
                    Row::new(yyyymm(m.calendar).to_string(), cells).class(if m.gap > 1e-9 { "short" } else { "" })
                })
                .collect::<Vec<_>>()
        })
    });
    let cols = Signal::derive(move || {
        let mut cols = vec![
            Col::name(Msg::Month),
            Col::num(Msg::PlanColPeople),
            Col::num(Msg::PlanColLeavers),
            Col::num(Msg::PlanColHires),
            Col::num(Msg::PlanColOpen),
            Col::num(Msg::PlanColRequired),
            Col::num(Msg::PlanColGap),
        ];
        if managers.get() {
            cols.push(Col::num(Msg::PlanColManagers));
        }
        if budget.get() {
            cols.push(Col::num(Msg::PlanColAffordable));
        }
        cols.push(Col::num(Msg::PlanColCost));
        cols
    });
    view! {
        <DataTable cols=cols rows=rows caption=Msg::PlanTableCaption testid="plan-table" class="cap-plan" />
    }
}

/// Totals per fiscal quarter and fiscal year.
#[component]
fn PeriodTables() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let money_fmt = Money::new(state);
    let rows = move |years: bool| {
        Memo::new(move |_| {
            let partial_tag = state.t(Msg::PlanPartial);
            model.plan.with(|p| {
                let list = if years { &p.years } else { &p.quarters };
                let cost = money_fmt.column(list.iter().map(|t| t.cost));
                list.iter()
                    .map(|t| {
                        let span = format!("{} – {}", iso_month(t.first_month), iso_month(t.last_month));
                        let partial = t.months < if years { 12 } else { 3 };
                        let sub = if partial { format!("{span} · {partial_tag}") } else { span };
                        Row::new(
                            t.period.label(),
                            vec![
                                Cell::text(t.period.label()).sub(sub),
                                Cell::count(t.hires as usize),
                                Cell::count(t.leavers as usize),
                                Cell::count(t.positions_opened as usize),
                                Cell::figure(people(t.end_headcount), t.end_headcount),
                                Cell::figure(cost.fmt(t.cost), t.cost),
                            ],
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let cols = || {
        vec![
            Col::name(Msg::Period),
            Col::num(Msg::PlanColHires),
            Col::num(Msg::PlanColLeavers),
            Col::num(Msg::PlanColOpen),
            Col::num(Msg::PlanColPeopleEnd),
            Col::num(Msg::PlanColCost),
        ]
    };
    view! {
        <div class="cap-plan-periods">
            <DataTable cols=cols() rows=rows(false) caption=Msg::PlanQuarters testid="plan-quarters" />
            <DataTable cols=cols() rows=rows(true) caption=Msg::PlanYears testid="plan-years" />
        </div>
        <p class="cap-note">{state.text(Msg::PlanPeriodsNote)}</p>
    }
}

/// What the budget buys: tiers served in tier order, strategic first.
#[component]
fn CoverageTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = expect_context::<Model>();
    let money_fmt = Money::new(state);
    let rows = Memo::new(move |_| {
        let names = tier_names(state);
        model.plan.with(|p| {
            let Some(c) = p.coverage.as_ref() else { return Vec::new() };
            let arr = money_fmt.column(c.tiers.iter().map(|t| t.uncovered_arr));
            c.tiers
                .iter()
                .map(|t| {
                    Row::new(
                        t.tier.to_string(),
                        vec![
                            Cell::text(names.get(t.tier).cloned().unwrap_or_default()),
                            Cell::figure(super::fmt_fte(t.need_fte), t.need_fte),
                            Cell::figure(super::fmt_fte(t.covered_fte), t.covered_fte),
                            Cell::figure(fmt_percent(Some(t.share)), t.share),
                            Cell::figure(arr.fmt(t.uncovered_arr), t.uncovered_arr),
                        ],
                    )
                    .class(if t.share < 1.0 - 1e-9 { "short" } else { "" })
                })
                .collect::<Vec<_>>()
        })
    });
    let uncovered = move || model.plan.with(|p| p.coverage.as_ref().map(|c| c.uncovered_arr).unwrap_or(0.0));
    let cols = vec![
        Col::name(Msg::ColTier),
        Col::num(Msg::PlanColNeed),
        Col::num(Msg::PlanColCovered),
        Col::num(Msg::PlanColShare),
        Col::num(Msg::PlanColUncoveredArr),
    ];
    view! {
        <DataTable cols=cols rows=rows caption=Msg::PlanCoverageCaption testid="plan-coverage" />
        <p class="cap-note" data-testid="plan-uncovered">{move || state.tr(Tpl::PlanUncovered { arr: &money(state, uncovered()) })}</p>
    }
}
