//! The Lifecycle page (DOMAIN.md §3): accounts per stage, stage × tier, the cohort funnel and
//! the two stage rules the user can change.

use leptos::prelude::*;

use super::widgets::{tier_names, DateRange, DaysField};
use crate::charts::{funnel_chart, grouped_bars, BarChart, BarSeries, FunnelChart, FunnelStepBar};
use crate::components::{Cell, Col, DataTable, Kind, Money, MoneyColumn, Row};
use crate::components::{ChartView, Metric};
use crate::domain::funnel::{cohort_funnel, FunnelStep};
use crate::domain::lifecycle::{stage_distribution, Stage};
use crate::domain::stage_matrix::{stage_shares, stage_tier_matrix, MatrixCell, StageTierMatrix};
use crate::i18n::stage_label;
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
    let chart = move |width: u32| {
        let lang = state.lang.get();
        let shares = shares.get();
        let pct = |v: f64| format!("{v:.0}%");
        let series = |msg, pick: fn(&Share) -> Option<f64>| BarSeries {
            name: t(lang, msg).into(),
            values: shares.iter().map(|s| pick(s).unwrap_or(0.0) * 100.0).collect(),
        };
        grouped_bars(
            &BarChart {
                title: t(lang, Msg::LcStageChartTitle).into(),
                x_title: t(lang, Msg::ColStage).into(),
                y_title: t(lang, Msg::ChartTierShareY).into(),
                categories: Stage::ALL.iter().map(|s| t(lang, stage_label(*s)).to_string()).collect(),
                series: vec![series(Msg::ColShareAccounts, |s| s.0), series(Msg::ColShareArr, |s| s.1)],
                y_max: Some(100.0),
                empty_message: t(lang, Msg::ChartEmpty).into(),
                format_value: &pct,
            },
            width,
        )
    };
    let rows = Memo::new(move |_| {
        let lang = state.lang.get();
        let shares = shares.get();
        dist.with(|d| {
            let arr = money.column(Stage::ALL.iter().map(|&s| d.arr(s)));
            Stage::ALL
                .into_iter()
                .map(|stage| {
                    let (accounts, amount) = (d.accounts(stage), d.arr(stage));
                    let (of_accounts, of_arr) = shares[stage.index()];
                    Row::new(
                        stage.key(),
                        vec![
                            Cell::text(t(lang, stage_label(stage))),
                            Cell::count(accounts)
                                .metric(format!("stage.{}.accounts", stage.key()), Some(accounts as f64)),
                            Cell::figure(arr.fmt(amount), amount)
                                .metric(format!("stage.{}.arr", stage.key()), Some(amount)),
                            Cell::percent(of_accounts),
                            Cell::percent(of_arr),
                        ],
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let foot = Signal::derive(move || {
        let lang = state.lang.get();
        dist.with(|d| {
            let arr = money.column(Stage::ALL.iter().map(|&s| d.arr(s)));
            let (accounts, total) = (d.accounts.iter().sum::<usize>(), d.arr.iter().sum::<f64>());
            vec![
                Cell::text(t(lang, Msg::Total)),
                Cell::count(accounts),
                Cell::figure(arr.fmt(total), total),
                Cell::default(),
                Cell::default(),
            ]
        })
    });
    let cols = vec![
        Col::name(Msg::ColStage),
        Col::num(Msg::ColAccounts),
        Col::num(Msg::ColArrAmount),
        Col::num(Msg::LcColShareAccounts),
        Col::num(Msg::LcColShareArr),
    ];
    view! {
        <section class="lr-panel" aria-labelledby="lc-stages">
            <h2 id="lc-stages">{state.text(Msg::LcStagesTitle)}</h2>
            <div class="lr-split">
                <div>
                    <DataTable cols=cols rows=rows foot=foot testid="stage-table" />
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
    let cols = Memo::new(move |_| {
        let mut cols = vec![Col::name(Msg::ColStage)];
        cols.extend(names.get().into_iter().map(|n| Col::titled(n, Kind::Num)));
        cols
    });
    // Each tier's column in one unit, which its total shares.
    let units = move |m: &StageTierMatrix| {
        (0..m.tier_count).map(|tier| money.column(Stage::ALL.iter().map(|&s| m.cell(s, tier).arr))).collect::<Vec<_>>()
    };
    let cell = |c: MatrixCell, unit: Option<&MoneyColumn>| {
        Cell::count(c.accounts).sub(unit.map(|u| u.fmt(c.arr)).unwrap_or_default()).class(if c.accounts == 0 {
            "zero"
        } else {
            ""
        })
    };
    let rows = Memo::new(move |_| {
        let lang = state.lang.get();
        matrix.with(|m| {
            let units = units(m);
            Stage::ALL
                .into_iter()
                .map(|stage| {
                    let mut cells = vec![Cell::text(t(lang, stage_label(stage)))];
                    cells.extend((0..m.tier_count).map(|tier| cell(m.cell(stage, tier), units.get(tier))));
                    Row::new(stage.key(), cells)
                })
                .collect::<Vec<_>>()
        })
    });
    let foot = Signal::derive(move || {
        let lang = state.lang.get();
        matrix.with(|m| {
            let units = units(m);
            let mut cells = vec![Cell::text(t(lang, Msg::Total))];
            cells.extend((0..m.tier_count).map(|tier| cell(m.tier_total(tier), units.get(tier))));
            cells
        })
    });
    view! {
        <section class="lr-panel" aria-labelledby="lc-matrix">
            <h2 id="lc-matrix">{state.text(Msg::LcMatrixTitle)}</h2>
            <p class="lr-help">{state.text(Msg::LcMatrixHelp)}</p>
            <DataTable cols=cols rows=rows foot=foot testid="stage-tier-matrix" />
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
    let chart = move |width: u32| {
        let lang = state.lang.get();
        let f = funnel.get();
        funnel_chart(
            &FunnelChart {
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
            },
            width,
        )
    };
    let rows = Memo::new(move |_| {
        let lang = state.lang.get();
        funnel.with(|f| {
            FunnelStep::ALL
                .into_iter()
                .map(|step| {
                    let count = f.count(step);
                    Row::new(
                        step.key(),
                        vec![
                            Cell::text(t(lang, step_msg(step))),
                            Cell::count(count).metric(format!("funnel.{}.accounts", step.key()), Some(count as f64)),
                            Cell::percent(f.of_previous(step)),
                            Cell::percent(f.of_start(step)),
                        ],
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let cols = vec![
        Col::name(Msg::LcColStep),
        Col::num(Msg::ColAccounts),
        Col::num(Msg::LcColOfPrevious),
        Col::num(Msg::LcColOfStart),
    ];
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
                <Metric key="funnel.go_live_rate" label=Signal::derive(state.text(Msg::GoLiveRate))
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
                <DataTable cols=cols rows=rows testid="funnel-table" />
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
