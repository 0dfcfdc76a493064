//! The ARR bridge: start → new, expansion, contraction, churn → end over the chosen period, as
//! figures and a waterfall; the chained months (or quarters); and the accounts behind a movement.

use leptos::prelude::*;

use super::{Grain, RevenueData};
use crate::charts::{waterfall_chart, Step, WaterfallChart};
use crate::components::{ChartView, Metric};
use crate::domain::dates::{iso, iso_month};
use crate::domain::period::Period;
use crate::domain::revenue::bridge::{Bridge, Movement};
use crate::i18n::{fill, fmt_count, fmt_money, t, Msg};
use crate::pages::widgets::{DateRange, Money};
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

    /// The signed change this movement makes to ARR.
    fn signed(self, b: &Bridge) -> f64 {
        match self {
            Kind::New | Kind::Expansion => self.amount(b),
            Kind::Contraction | Kind::Churn => -self.amount(b),
        }
    }
}

/// How many accounts a movement's list shows.
const LIST_MAX: usize = 100;

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
    let chart = Memo::new(move |_| {
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
            waterfall_chart(&WaterfallChart {
                title: format!("{} · {} – {}", t(lang, Msg::RevBridgeChartTitle), iso(b.from), iso(b.to)),
                y_title: "ARR".into(),
                categories,
                steps,
                empty_message: t(lang, Msg::ChartEmpty).into(),
                format_value: &fmt,
            })
        })
    });
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

/// The accounts behind one movement, largest first.
#[component]
fn MovementList(shown: RwSignal<Option<Kind>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<RevenueData>();
    let money = Money::new(state);
    move || {
        let kind = shown.get()?;
        let (rows, total) = data.bridge.with(|b| {
            let list = kind.accounts(b);
            let rows: Vec<(String, f64)> = state.book.with(|book| {
                list.iter()
                    .take(LIST_MAX)
                    .map(|m| (book.accounts.get(m.account).map(|a| a.name.clone()).unwrap_or_default(), m.amount))
                    .collect()
            });
            (rows, list.len())
        });
        let title = fill(state.t(Msg::RevMovementList), &[("movement", state.t(kind.msg())), ("n", &fmt_count(total))]);
        let more = (total > LIST_MAX)
            .then(|| fill(state.t(Msg::RevListMore), &[("shown", &fmt_count(LIST_MAX)), ("n", &fmt_count(total))]));
        Some(view! {
            <div class="table-wrap rev-list" data-testid="bridge-accounts">
                <table class="data">
                    <caption>{title}</caption>
                    <thead><tr>
                        <th scope="col">{state.text(Msg::RevColAccount)}</th>
                        <th scope="col" class="num">{state.text(Msg::RevColAmount)}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(name, amount)| view! {
                            <tr><td>{name}</td><td class="num">{money.fmt(amount)}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                {more.map(|m| view! { <p class="lr-help">{m}</p> })}
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
    let chart = Memo::new(move |_| {
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
            waterfall_chart(&WaterfallChart {
                title: t(lang, Msg::RevStepsChartTitle).into(),
                y_title: "ARR".into(),
                categories,
                steps: bars,
                empty_message: t(lang, Msg::ChartEmpty).into(),
                format_value: &fmt,
            })
        })
    });
    let rows = move || {
        let grain = data.steps_grain.get();
        data.steps.with(|steps| {
            steps
                .iter()
                .map(|b| {
                    let cells = [b.start_arr, b.new, b.expansion, b.contraction, b.churn, b.end_arr];
                    view! {
                        <tr>
                            <th scope="row">{label(b, grain)}</th>
                            {cells.into_iter().map(|v| view! { <td class="num">{money.fmt(v)}</td> }).collect_view()}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
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
            <div class="table-wrap">
                <table class="data" data-testid="bridge-steps">
                    <thead><tr>
                        <th scope="col">{state.text(Msg::RevColPeriod)}</th>
                        <th scope="col" class="num">{state.text(Msg::RevStart)}</th>
                        <th scope="col" class="num">{state.text(Msg::RevNew)}</th>
                        <th scope="col" class="num">{state.text(Msg::RevExpansion)}</th>
                        <th scope="col" class="num">{state.text(Msg::RevContraction)}</th>
                        <th scope="col" class="num">{state.text(Msg::RevChurn)}</th>
                        <th scope="col" class="num">{state.text(Msg::RevEnd)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <ChartView svg=chart file_stem="arr-by-period" />
        </div>
    }
}
