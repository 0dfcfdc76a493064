//! The Lifecycle page (DOMAIN.md §3): accounts per stage, stage × tier, the cohort funnel and
//! the two stage rules the user can change.

use leptos::prelude::*;

use super::widgets::{stage_msg, tier_names, DateRange, DaysField, FigureCell, Money};
use crate::charts::{funnel_chart, grouped_bars, BarChart, BarSeries, FunnelChart, FunnelStepBar};
use crate::components::{ChartView, Metric};
use crate::domain::funnel::{cohort_funnel, FunnelStep};
use crate::domain::lifecycle::{stage_distribution, Stage};
use crate::domain::stage_matrix::{stage_shares, stage_tier_matrix};
use crate::i18n::{fmt_count, fmt_percent, t, Msg};
use crate::state::AppState;

/// A stage's share of the accounts and of the ARR.
type Share = (Option<f64>, Option<f64>);

fn step_msg(step: FunnelStep) -> Msg {
    match step {
        FunnelStep::Started => Msg::LcStepStarted,
        FunnelStep::Live => Msg::LcStepLive,
        FunnelStep::PastLaunch => Msg::LcStepPastLaunch,
        FunnelStep::Decided => Msg::LcStepDecided,
        FunnelStep::Renewed => Msg::LcStepRenewed,
    }
}

#[component]
pub fn LifecyclePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let empty = Memo::new(move |_| state.book.with(|b| b.accounts.is_empty()));
    view! {
        <h1>{state.text(Msg::NavLifecycle)}</h1>
        <p class="lr-lead">{state.text(Msg::LcIntro)}</p>
        <Show when=move || empty.get()>
            <p class="notice" data-testid="lifecycle-empty">{state.text(Msg::LcEmptyBook)}</p>
        </Show>
        <StageSection />
        <MatrixSection />
        <FunnelSection />
        <RulesSection />
    }
}

#[component]
fn StageSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let money = Money::new(state);
    let dist = Memo::new(move |_| state.snapshot.with(stage_distribution));
    let shares = Memo::new(move |_| stage_shares(&dist.get()));
    let chart = Memo::new(move |_| {
        let lang = state.lang.get();
        let shares = shares.get();
        let pct = |v: f64| format!("{v:.0}%");
        let series = |msg, pick: fn(&Share) -> Option<f64>| BarSeries {
            name: t(lang, msg).into(),
            values: shares.iter().map(|s| pick(s).unwrap_or(0.0) * 100.0).collect(),
        };
        grouped_bars(&BarChart {
            title: t(lang, Msg::LcStageChartTitle).into(),
            x_title: t(lang, Msg::LcColStage).into(),
            y_title: t(lang, Msg::ChartTierShareY).into(),
            categories: Stage::ALL.iter().map(|s| t(lang, stage_msg(*s)).to_string()).collect(),
            series: vec![series(Msg::ChartSeriesAccounts, |s| s.0), series(Msg::ChartSeriesArr, |s| s.1)],
            y_max: Some(100.0),
            empty_message: t(lang, Msg::ChartEmpty).into(),
            format_value: &pct,
        })
    });
    let rows = move || {
        Stage::ALL
            .into_iter()
            .map(|stage| {
                let i = stage.index();
                let accounts = move || dist.with(|d| d.accounts(stage));
                let arr = move || dist.with(|d| d.arr(stage));
                view! {
                    <tr data-stage=stage.key()>
                        <th scope="row">{state.text(stage_msg(stage))}</th>
                        <FigureCell key=format!("stage.{}.accounts", stage.key())
                            value=Signal::derive(move || Some(accounts() as f64))
                            display=Signal::derive(move || fmt_count(accounts())) />
                        <FigureCell key=format!("stage.{}.arr", stage.key())
                            value=Signal::derive(move || Some(arr()))
                            display=Signal::derive(move || money.fmt(arr())) />
                        <td class="num">{move || fmt_percent(shares.with(|s| s[i].0))}</td>
                        <td class="num">{move || fmt_percent(shares.with(|s| s[i].1))}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let total_accounts = move || dist.with(|d| d.accounts.iter().sum::<usize>());
    let total_arr = move || dist.with(|d| d.arr.iter().sum::<f64>());
    view! {
        <section class="lr-panel" aria-labelledby="lc-stages">
            <h2 id="lc-stages">{state.text(Msg::LcStagesTitle)}</h2>
            <div class="lr-split">
                <div class="table-wrap">
                    <table class="data" data-testid="stage-table">
                        <thead><tr>
                            <th scope="col">{state.text(Msg::LcColStage)}</th>
                            <th scope="col" class="num">{state.text(Msg::LcColAccounts)}</th>
                            <th scope="col" class="num">{state.text(Msg::LcColArr)}</th>
                            <th scope="col" class="num">{state.text(Msg::LcColShareAccounts)}</th>
                            <th scope="col" class="num">{state.text(Msg::LcColShareArr)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                        <tfoot><tr>
                            <th scope="row">{state.text(Msg::LcTotal)}</th>
                            <td class="num">{move || fmt_count(total_accounts())}</td>
                            <td class="num">{move || money.fmt(total_arr())}</td>
                            <td></td><td></td>
                        </tr></tfoot>
                    </table>
                    <p class="lr-help">{state.text(Msg::LcStagesNote)}</p>
                </div>
                <ChartView svg=chart file_stem="stage-share" />
            </div>
        </section>
    }
}

#[component]
fn MatrixSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let money = Money::new(state);
    let matrix = Memo::new(move |_| state.snapshot.with(stage_tier_matrix));
    let names = Memo::new(move |_| tier_names(state));
    let head = move || names.get().into_iter().map(|n| view! { <th scope="col" class="num">{n}</th> }).collect_view();
    let cell = move |accounts: usize, arr: f64| {
        view! {
            <td class="num" class:zero=accounts == 0>
                <span class="cell-count">{fmt_count(accounts)}</span>
                <span class="cell-arr">{money.fmt(arr)}</span>
            </td>
        }
    };
    let rows = move || {
        let m = matrix.get();
        Stage::ALL
            .into_iter()
            .map(|stage| {
                let cells = (0..m.tier_count).map(|tier| {
                    let c = m.cell(stage, tier);
                    cell(c.accounts, c.arr)
                });
                view! {
                    <tr><th scope="row">{state.t(stage_msg(stage))}</th>{cells.collect_view()}</tr>
                }
            })
            .collect_view()
    };
    let totals = move || {
        let m = matrix.get();
        (0..m.tier_count)
            .map(|tier| {
                let c = m.tier_total(tier);
                cell(c.accounts, c.arr)
            })
            .collect_view()
    };
    view! {
        <section class="lr-panel" aria-labelledby="lc-matrix">
            <h2 id="lc-matrix">{state.text(Msg::LcMatrixTitle)}</h2>
            <p class="lr-help">{state.text(Msg::LcMatrixHelp)}</p>
            <div class="table-wrap">
                <table class="data matrix" data-testid="stage-tier-matrix">
                    <thead><tr><th scope="col">{state.text(Msg::LcColStage)}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                    <tfoot><tr><th scope="row">{state.text(Msg::LcTotal)}</th>{totals}</tr></tfoot>
                </table>
            </div>
        </section>
    }
}

#[component]
fn FunnelSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let window = Memo::new(move |_| {
        let as_of = state.as_of.get();
        state.settings.with(|s| s.funnel.window(as_of))
    });
    let custom = Memo::new(move |_| state.settings.with(|s| s.funnel.window.is_some()));
    let rules = Memo::new(move |_| state.settings.with(|s| s.rules));
    let funnel = Memo::new(move |_| {
        let (as_of, rules, window) = (state.as_of.get(), rules.get(), window.get());
        state.book.with(|b| cohort_funnel(b, as_of, &rules, window))
    });
    let chart = Memo::new(move |_| {
        let lang = state.lang.get();
        let f = funnel.get();
        funnel_chart(&FunnelChart {
            title: t(lang, Msg::LcFunnelTitle).into(),
            steps: FunnelStep::ALL
                .iter()
                .map(|&step| FunnelStepBar {
                    label: t(lang, step_msg(step)).into(),
                    count: f.count(step),
                    note: format!("{} ({})", fmt_count(f.count(step)), fmt_percent(f.of_start(step))),
                })
                .collect(),
            empty_message: t(lang, Msg::LcFunnelEmpty).into(),
        })
    });
    let rows = move || {
        FunnelStep::ALL
            .into_iter()
            .map(|step| {
                let count = move || funnel.with(|f| f.count(step));
                view! {
                    <tr>
                        <th scope="row">{state.text(step_msg(step))}</th>
                        <FigureCell key=format!("funnel.{}.accounts", step.key())
                            value=Signal::derive(move || Some(count() as f64))
                            display=Signal::derive(move || fmt_count(count())) />
                        <td class="num">{move || fmt_percent(funnel.with(|f| f.of_previous(step)))}</td>
                        <td class="num">{move || fmt_percent(funnel.with(|f| f.of_start(step)))}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let set_window = move |p| state.set_funnel_window(Some(p));
    view! {
        <section class="lr-panel" aria-labelledby="lc-funnel">
            <h2 id="lc-funnel">{state.text(Msg::LcFunnelTitle)}</h2>
            <p class="lr-help">{state.text(Msg::LcFunnelHelp)}</p>
            <div class="lr-controls" role="group" aria-label=state.text(Msg::LcFunnelWindow)>
                <span class="control-label">{state.text(Msg::LcFunnelWindow)}</span>
                <DateRange value=window on_change=set_window testid="cohort" />
                <button type="button" class="btn small" data-testid="cohort-default" disabled=move || !custom.get()
                    on:click=move |_| state.set_funnel_window(None)>
                    {state.text(Msg::UseDefault)}
                </button>
                <span class="lr-help">{move || state.t(if custom.get() { Msg::LcFunnelCustomNote } else { Msg::LcFunnelDefaultNote })}</span>
            </div>
            <section class="metrics">
                <Metric key="funnel.go_live_rate" label=Signal::derive(state.text(Msg::LcGoLiveRate))
                    value=Signal::derive(move || funnel.with(|f| f.go_live_rate()))
                    display=Signal::derive(move || fmt_percent(funnel.with(|f| f.go_live_rate()))) />
                <Metric key="funnel.median_days_to_go_live" label=Signal::derive(state.text(Msg::LcMedianDays))
                    value=Signal::derive(move || funnel.with(|f| f.median_days_to_go_live))
                    display=Signal::derive(move || funnel.with(|f| f.median_days_to_go_live.map_or("—".into(), |d| format!("{d}")))) />
                <Metric key="funnel.without_go_live" label=Signal::derive(state.text(Msg::LcWithoutGoLive))
                    value=Signal::derive(move || Some(funnel.with(|f| f.without_go_live) as f64))
                    display=Signal::derive(move || fmt_count(funnel.with(|f| f.without_go_live))) />
            </section>
            <div class="lr-split">
                <div class="table-wrap">
                    <table class="data" data-testid="funnel-table">
                        <thead><tr>
                            <th scope="col">{state.text(Msg::LcColStep)}</th>
                            <th scope="col" class="num">{state.text(Msg::LcColAccounts)}</th>
                            <th scope="col" class="num">{state.text(Msg::LcColOfPrevious)}</th>
                            <th scope="col" class="num">{state.text(Msg::LcColOfStart)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <ChartView svg=chart file_stem="cohort-funnel" />
            </div>
        </section>
    }
}

#[component]
fn RulesSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let rules = Memo::new(move |_| state.settings.with(|s| s.rules));
    view! {
        <section class="lr-panel" aria-labelledby="lc-rules">
            <h2 id="lc-rules">{state.text(Msg::LcRulesTitle)}</h2>
            <p class="lr-help">{state.text(Msg::LcRulesNote)}</p>
            <form class="settings" on:submit=|ev| ev.prevent_default()>
                <DaysField label=Msg::LcRenewalWindow help=Msg::LcRenewalWindowHelp testid="renewal-window-days"
                    value=Signal::derive(move || rules.get().renewal_window_days)
                    on_change=move |d| state.set_renewal_window_days(d) />
                <DaysField label=Msg::LcLaunchDays help=Msg::LcLaunchDaysHelp testid="launch-days"
                    value=Signal::derive(move || rules.get().launch_days)
                    on_change=move |d| state.set_launch_days(d) />
            </form>
        </section>
    }
}
