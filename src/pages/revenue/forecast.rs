//! The renewal forecast for the next 12 months: due and expected ARR, forecast GRR with its
//! 10–90% range, the probabilities (by health band, editable, or from history), the months,
//! and the renewals by ARR at risk, largest first (paged, exported whole).

use leptos::prelude::*;

use super::RevenueData;
use crate::charts::{grouped_bars, BarChart, BarSeries};
use crate::components::{Cell, Col, DataTable, Kind, LazyRows, Money, Row};
use crate::components::{ChartView, Metric, NumField, Unit};
use crate::domain::dates::{iso, iso_month};
use crate::domain::revenue::forecast::{Forecast, ForecastSettings, ProbabilitySource};
use crate::i18n::band_label;
use crate::i18n::{fmt_count, fmt_money, fmt_percent, t, Msg};
use crate::state::AppState;

/// Rows per page of the renewals at risk.
const AT_RISK_PAGE: usize = 25;

#[component]
pub fn ForecastSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<RevenueData>();
    let money = Money::new(state);
    let f = data.forecast;
    let money_metric = move |key: &'static str, msg: Msg, pick: fn(&Forecast) -> f64| {
        view! {
            <Metric key=format!("forecast.{key}") label=Signal::derive(state.text(msg))
                value=Signal::derive(move || Some(f.with(pick)))
                display=Signal::derive(move || money.fmt(f.with(pick))) />
        }
    };
    let chart = move |width: u32| {
        let lang = state.lang.get();
        let currency = state.settings.with(|s| s.currency.clone());
        let fmt = move |v: f64| fmt_money(lang, v, &currency);
        f.with(|f| {
            grouped_bars(
                &BarChart {
                    title: t(lang, Msg::RevForecastChartTitle).into(),
                    x_title: t(lang, Msg::Month).into(),
                    y_title: "ARR".into(),
                    categories: f.months.iter().map(|m| iso_month(m.month)).collect(),
                    series: vec![
                        BarSeries {
                            name: t(lang, Msg::DueArr).into(),
                            values: f.months.iter().map(|m| m.due_arr).collect(),
                        },
                        BarSeries {
                            name: t(lang, Msg::RevSeriesExpected).into(),
                            values: f.months.iter().map(|m| m.expected_arr).collect(),
                        },
                    ],
                    y_max: None,
                    empty_message: t(lang, Msg::RevNothingDue).into(),
                    format_value: &fmt,
                },
                width,
            )
        })
    };
    // One unit per money column; a row is made only when it is shown or exported (at 100,000
    // accounts the year ahead holds tens of thousands of terms).
    let units = Memo::new(move |_| {
        f.with(|f| (money.column(f.terms.iter().map(|x| x.arr)), money.column(f.terms.iter().map(|x| x.at_risk))))
    });
    let row = move |i: usize| {
        let (arr, risk) = units.get();
        let term = f.with(|f| f.terms.get(i).cloned())?;
        let name = state.book.with(|book| book.accounts.get(term.account).map(|a| a.name.clone()).unwrap_or_default());
        Some(Row::new(
            format!("{}-{}", term.account, iso(term.end)),
            vec![
                Cell::text(name),
                Cell::text(iso(term.end)),
                Cell::figure(arr.fmt(term.arr), term.arr),
                Cell::percent(Some(term.p)),
                Cell::figure(risk.fmt(term.at_risk), term.at_risk),
            ],
        ))
    };
    let at_risk = LazyRows::new(Signal::derive(move || f.with(|f| f.terms.len())), row);
    let cols = vec![
        Col::name(Msg::ColAccount),
        Col::num(Msg::RevColEnd),
        Col::titled("ARR".into(), Kind::Num),
        Col::num(Msg::RevColP),
        Col::num(Msg::RevColAtRisk),
    ];
    let nothing = move || f.with(|f| f.due_count == 0);
    view! {
        <section class="lr-panel" aria-labelledby="rev-forecast">
            <h2 id="rev-forecast">{state.text(Msg::RevForecastTitle)}</h2>
            <section class="metrics">
                <Metric key="forecast.due_count" label=Signal::derive(state.text(Msg::RevDueCount))
                    value=Signal::derive(move || Some(f.with(|f| f.due_count) as f64))
                    display=Signal::derive(move || fmt_count(f.with(|f| f.due_count))) />
                {money_metric("due_arr", Msg::DueArr, |f| f.due_arr)}
                {money_metric("expected_arr", Msg::RevExpected, |f| f.expected_arr)}
                <Metric key="forecast.grr" label=Signal::derive(state.text(Msg::RevForecastGrr))
                    value=Signal::derive(move || f.with(|f| f.grr))
                    display=Signal::derive(move || fmt_percent(f.with(|f| f.grr))) />
                {money_metric("p10", Msg::RevP10, |f| f.p10)}
                {money_metric("p90", Msg::RevP90, |f| f.p90)}
                <Metric key="forecast.logo_churn" label=Signal::derive(state.text(Msg::RevForecastLogoChurn))
                    value=Signal::derive(move || f.with(|f| f.logo_churn))
                    display=Signal::derive(move || fmt_percent(f.with(|f| f.logo_churn))) />
            </section>
            <p class="lr-help">{state.text(Msg::RevForecastNote)}</p>
            <Probabilities />
            <Show when=nothing>
                <p class="notice" data-testid="forecast-nothing">{state.text(Msg::RevNothingDue)}</p>
            </Show>
            <div class="lr-split">
                <DataTable cols=cols lazy=at_risk page_size=AT_RISK_PAGE export="renewals-at-risk" testid="at-risk"
                    caption=Msg::RevAtRiskTitle />
                <ChartView svg=chart file_stem="renewal-forecast" />
            </div>
        </section>
    }
}

/// The probability to renew by health band (editable), or from history.
#[component]
fn Probabilities() -> impl IntoView {
    let state = expect_context::<AppState>();
    let settings = Memo::new(move |_| state.settings.with(|s| s.forecast));
    let band_field = move |band: crate::domain::health::Band,
                           get: fn(&ForecastSettings) -> f64,
                           set: fn(&mut ForecastSettings, f64)| {
        view! {
            <NumField label=Signal::derive(move || state.t(band_label(band)).to_string())
                value=Signal::derive(move || Some(settings.with(get)))
                on_set=Callback::new(move |x: Option<f64>| if let Some(x) = x { state.edit_forecast(|f| set(f, x)) })
                unit=Unit::Percent min=0.0 max=1.0 field=format!("forecast.p.{}", band.key())
                testid=format!("forecast-p-{}", band.key()) />
        }
    };
    use crate::domain::health::Band;
    let from_history = move || settings.with(|s| s.source == ProbabilitySource::History);
    view! {
        <fieldset class="rev-probabilities">
            <legend>{state.text(Msg::RevProbTitle)}</legend>
            <label class="cap-field">
                <span class="cap-field-label">{state.text(Msg::RevProbSource)}</span>
                <select data-testid="forecast-source" data-field="forecast.source" on:change=move |ev| {
                    let source = if event_target_value(&ev) == "history" { ProbabilitySource::History } else { ProbabilitySource::Health };
                    state.edit_forecast(|f| f.source = source);
                }>
                    <option value="health" selected=move || !from_history()>{state.text(Msg::RevProbHealth)}</option>
                    <option value="history" selected=from_history>{state.text(Msg::RevProbHistory)}</option>
                </select>
            </label>
            <Show when=move || !from_history() fallback=move || view! { <p class="lr-help">{state.text(Msg::RevProbHistoryNote)}</p> }>
                <div class="cap-inline">
                    {band_field(Band::Green, |f| f.green, |f, x| f.green = x)}
                    {band_field(Band::Yellow, |f| f.yellow, |f, x| f.yellow = x)}
                    {band_field(Band::Red, |f| f.red, |f, x| f.red = x)}
                    {band_field(Band::None, |f| f.none, |f, x| f.none = x)}
                </div>
            </Show>
        </fieldset>
    }
}
