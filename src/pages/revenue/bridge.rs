//! The ARR bridge: start → new, expansion, contraction, churn → end over the chosen period, as
//! figures and a waterfall; the chained months (or quarters); and the accounts behind a movement.

use leptos::prelude::*;

use super::{Grain, RevenueData};
use crate::charts::{waterfall_chart, Step, WaterfallChart};
use crate::components::Money;
use crate::components::{Cell, ChartView, Col, DataTable, Metric, Row};
use crate::domain::dates::{iso, iso_month};
use crate::domain::period::Period;
use crate::domain::revenue::bridge::{Bridge, Movement};
use crate::i18n::{fmt_count, fmt_money, t, Msg, Tpl};
use crate::pages::widgets::DateRange;
use crate::state::AppState;

/// The four movements, in the bridge's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    New,
    Expansion,
    Contraction,
    Churn,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::New, Kind::Expansion, Kind::Contraction, Kind::Churn];

    fn msg(self) -> Msg {
        match self {
            Kind::New => Msg::RevNew,
            Kind::Expansion => Msg::RevExpansion,
            Kind::Contraction => Msg::RevContraction,
            Kind::Churn => Msg::RevChurn,
        }
    }

    fn key(self) -> &'static str {
        match self {
            Kind::New => "new",
            Kind::Expansion => "expansion",
            Kind::Contraction => "contraction",
            Kind::Churn => "churn",
        }
    }

    fn amount(self, b: &Bridge) -> f64 {
        match self {
            Kind::New => b.new,
            Kind::Expansion => b.expansion,
            Kind::Contraction => b.contraction,
            Kind::Churn => b.churn,
        }
    }

    fn accounts(self, b: &Bridge) -> &[Movement] {
        match self {
            Kind::New => &b.new_accounts,
            Kind::Expansion => &b.expansion_accounts,
            Kind::Contraction => &b.contraction_accounts,
            Kind::Churn => &b.churn_accounts,
        }
    }

    /// The CSV file of the movement's accounts.
    fn file(self) -> &'static str {
        match self {
            Kind::New => "arr-bridge-new",
            Kind::Expansion => "arr-bridge-expansion",
            Kind::Contraction => "arr-bridge-contraction",
            Kind::Churn => "arr-bridge-churn",
        }
    }

    /// The signed change this movement makes to ARR.
    fn signed(self, b: &Bridge) -> f64 {
        match self {
            Kind::New | Kind::Expansion => self.amount(b),
            Kind::Contraction | Kind::Churn => -self.amount(b),
        }
    }
}

/// Rows per page of a movement's list.
const LIST_PAGE: usize = 25;

#[component]
pub fn BridgeSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<RevenueData>();
    let money = Money::new(state);
    let bridge = data.bridge;
    let figure = move |key: &'static str, msg: Msg, pick: fn(&Bridge) -> f64| {
        view! {
            <Metric key=format!("bridge.{key}") label=Signal::derive(state.text(msg))
                value=Signal::derive(move || Some(bridge.with(pick)))
                display=Signal::derive(move || money.fmt(bridge.with(pick))) />
        }
    };
    let chart = move |width: u32| {
        let lang = state.lang.get();
        let currency = state.settings.with(|s| s.currency.clone());
        let fmt = move |v: f64| fmt_money(lang, v, &currency);
        bridge.with(|b| {
            let mut categories = vec![t(lang, Msg::RevStart).to_string()];
            let mut steps = vec![Step::Total(b.start_arr)];
            for k in Kind::ALL {
                categories.push(t(lang, k.msg()).to_string());
                steps.push(Step::Change(k.signed(b)));
            }
            categories.push(t(lang, Msg::RevEnd).to_string());
            steps.push(Step::Total(b.end_arr));
            waterfall_chart(
                &WaterfallChart {
                    title: format!("{} · {} – {}", t(lang, Msg::RevBridgeChartTitle), iso(b.from), iso(b.to)),
                    y_title: "ARR".into(),
                    categories,
                    steps,
                    empty_message: t(lang, Msg::ChartEmpty).into(),
                    format_value: &fmt,
                },
                width,
            )
        })
    };
    let shown = RwSignal::new(None::<Kind>);
    let buttons = Kind::ALL
        .into_iter()
        .map(|k| {
            view! {
                <button type="button" class="btn small" data-testid=format!("bridge-list-{}", k.key())
                    aria-pressed=move || (shown.get() == Some(k)).to_string()
                    on:click=move |_| shown.update(|s| *s = if *s == Some(k) { None } else { Some(k) })>
                    {state.text(k.msg())} " · " {state.text(Msg::RevShowAccounts)}
                </button>
            }
        })
        .collect_view();
    view! {
        <section class="lr-panel" aria-labelledby="rev-bridge">
            <h2 id="rev-bridge">{state.text(Msg::RevBridgeTitle)}</h2>
            <div class="rev-period">
                <span>{state.text(Msg::RenPeriodLabel)}</span>
                <DateRange value=Signal::derive(move || data.period_in_force.get())
                    on_change=Callback::new(move |p: Period| data.period.set(Some(p))) testid="bridge-period" />
                <button type="button" class="btn small" data-testid="bridge-last12"
                    on:click=move |_| data.period.set(None)>{state.text(Msg::RenPeriodLast12)}</button>
            </div>
            <section class="metrics">
                {figure("start_arr", Msg::RevStart, |b| b.start_arr)}
                {figure("new", Msg::RevNew, |b| b.new)}
                {figure("expansion", Msg::RevExpansion, |b| b.expansion)}
                {figure("contraction", Msg::RevContraction, |b| b.contraction)}
                {figure("churn", Msg::RevChurn, |b| b.churn)}
                {figure("end_arr", Msg::RevEnd, |b| b.end_arr)}
            </section>
            <p class="lr-help">{state.text(Msg::RevBridgeNote)}</p>
            <div class="lr-split">
                <div>
                    <div class="rev-buttons" role="group">{buttons}</div>
                    <MovementList shown />
                </div>
                <ChartView svg=chart file_stem="arr-bridge" />
            </div>
            <Steps />
        </section>
    }
}

/// The accounts behind one movement, largest first: every one, a page at a time, exported whole.
#[component]
fn MovementList(shown: RwSignal<Option<Kind>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<RevenueData>();
    let money = Money::new(state);
    let rows = Memo::new(move |_| {
        let Some(kind) = shown.get() else { return Vec::new() };
        data.bridge.with(|b| {
            let list = kind.accounts(b);
            let amounts = money.column(list.iter().map(|m| m.amount));
            state.book.with(|book| {
                list.iter()
                    .map(|m| {
                        let name = book.accounts.get(m.account).map(|a| a.name.clone()).unwrap_or_default();
                        Row::new(
                            m.account.to_string(),
                            vec![Cell::text(name), Cell::figure(amounts.fmt(m.amount), m.amount)],
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let cols = vec![Col::name(Msg::ColAccount), Col::num(Msg::RevColAmount)];
    // A new table for each movement, so a list opens on its first page.
    move || {
        let kind = shown.get()?;
        let title = move || {
            let n = data.bridge.with(|b| kind.accounts(b).len());
            state.tr(Tpl::RevMovementList { movement: state.t(kind.msg()), n: &fmt_count(n) })
        };
        Some(view! {
            <div class="rev-list">
                <h3>{title}</h3>
                <DataTable cols=cols.clone() rows=rows page_size=LIST_PAGE export=kind.file() testid="bridge-accounts" />
            </div>
        })
    }
}

/// The months (or quarters) of the last year, each a bridge that starts where the last ended.
#[component]
fn Steps() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<RevenueData>();
    let money = Money::new(state);
    let label = move |b: &Bridge, grain: Grain| match grain {
        Grain::Month => iso_month(b.from),
        Grain::Quarter => {
            use chrono::Datelike;
            format!("{} Q{}", b.from.year(), b.from.month0() / 3 + 1)
        }
    };
    let chart = move |width: u32| {
        let (lang, grain) = (state.lang.get(), data.steps_grain.get());
        let currency = state.settings.with(|s| s.currency.clone());
        let fmt = move |v: f64| fmt_money(lang, v, &currency);
        data.steps.with(|steps| {
            let mut categories = Vec::with_capacity(steps.len() + 2);
            let mut bars = Vec::with_capacity(steps.len() + 2);
            if let Some(first) = steps.first() {
                categories.push(t(lang, Msg::RevStart).to_string());
                bars.push(Step::Total(first.start_arr));
            }
            for b in steps {
                categories.push(label(b, grain));
                bars.push(Step::Change(b.end_arr - b.start_arr));
            }
            if let Some(last) = steps.last() {
                categories.push(t(lang, Msg::RevEnd).to_string());
                bars.push(Step::Total(last.end_arr));
            }
            waterfall_chart(
                &WaterfallChart {
                    title: t(lang, Msg::RevStepsChartTitle).into(),
                    y_title: "ARR".into(),
                    categories,
                    steps: bars,
                    empty_message: t(lang, Msg::ChartEmpty).into(),
                    format_value: &fmt,
                },
                width,
            )
        })
    };
    let rows = Memo::new(move |_| {
        let grain = data.steps_grain.get();
        data.steps.with(|steps| {
            let figures = |b: &Bridge| [b.start_arr, b.new, b.expansion, b.contraction, b.churn, b.end_arr];
            let units: Vec<_> = (0..6).map(|i| money.column(steps.iter().map(|b| figures(b)[i]))).collect();
            steps
                .iter()
                .map(|b| {
                    let mut cells = vec![Cell::text(label(b, grain))];
                    cells.extend(figures(b).into_iter().zip(&units).map(|(v, unit)| Cell::figure(unit.fmt(v), v)));
                    Row::new(iso(b.from), cells)
                })
                .collect::<Vec<_>>()
        })
    });
    let cols = vec![
        Col::name(Msg::Period),
        Col::num(Msg::RevStart),
        Col::num(Msg::RevNew),
        Col::num(Msg::RevExpansion),
        Col::num(Msg::RevContraction),
        Col::num(Msg::RevChurn),
        Col::num(Msg::RevEnd),
    ];
    let grain_button = move |g: Grain, msg: Msg, id: &'static str| {
        view! {
            <button type="button" class="btn small" data-testid=id aria-pressed=move || (data.steps_grain.get() == g).to_string()
                on:click=move |_| data.steps_grain.set(g)>{state.text(msg)}</button>
        }
    };
    view! {
        <div class="rev-buttons" role="group">
            {grain_button(Grain::Month, Msg::RevByMonth, "steps-month")}
            {grain_button(Grain::Quarter, Msg::RevByQuarter, "steps-quarter")}
        </div>
        <div class="lr-split">
            <DataTable cols=cols rows=rows testid="bridge-steps" />
            <ChartView svg=chart file_stem="arr-by-period" />
        </div>
    }
}
