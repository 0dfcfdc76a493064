//! The period's due base, its six rates with their definitions, and the rates per month of
//! end date as a chart.

use leptos::prelude::*;

use super::RenewalsModel;
use crate::charts::{line_chart, LineChart, LineSeries};
use crate::components::{Cell, Col, DataTable, Kind, Money, Row};
use crate::components::{ChartView, Metric};
use crate::domain::dates::iso_month;
use crate::domain::renewals::RenewalTally;
use crate::i18n::{fmt_count, t, Msg};
use crate::state::AppState;

/// key, name, definition, rate.
type Rate = (&'static str, Msg, Msg, fn(&RenewalTally) -> Option<f64>);

const RATES: [Rate; 6] = [
    ("renewal.logo_rate", Msg::LogoRenewalRate, Msg::RenLogoRateDef, RenewalTally::logo_rate),
    ("renewal.ontime_rate", Msg::RenOntimeRate, Msg::RenOntimeRateDef, RenewalTally::ontime_rate),
    ("renewal.early_rate", Msg::RenEarlyRate, Msg::RenEarlyRateDef, RenewalTally::early_rate),
    ("renewal.grr", Msg::RenGrr, Msg::RenGrrDef, RenewalTally::grr),
    ("renewal.nrr", Msg::RenNrr, Msg::RenNrrDef, RenewalTally::nrr),
    ("renewal.churn_rate", Msg::RenChurnRate, Msg::RenChurnRateDef, RenewalTally::churn_rate),
];

#[component]
pub fn MetricsSection(model: RenewalsModel) -> impl IntoView {
    let state = expect_context::<AppState>();
    let money = Money::new(state);
    let tally = model.tally;
    let chart = move |width: u32| {
        let lang = state.lang.get();
        model.months.with(|months| {
            let series = |msg, rate: fn(&RenewalTally) -> Option<f64>| LineSeries {
                name: t(lang, msg).into(),
                values: months.iter().map(|m| rate(&m.tally).map(|r| r * 100.0)).collect(),
            };
            let pct = |v: f64| format!("{v:.0}%");
            line_chart(
                &LineChart {
                    title: t(lang, Msg::RenMonthlyTitle).into(),
                    x_title: t(lang, Msg::RenMonthX).into(),
                    y_title: t(lang, Msg::RenRateY).into(),
                    // "2025-07": the same in both languages.
                    categories: months.iter().map(|m| iso_month(m.month)).collect(),
                    series: vec![
                        series(Msg::RenSeriesLogo, RenewalTally::logo_rate),
                        series(Msg::Grr, RenewalTally::grr),
                        series(Msg::Nrr, RenewalTally::nrr),
                    ],
                    y_min_top: 100.0,
                    empty_message: t(lang, Msg::RenMonthlyEmpty).into(),
                    format_value: &pct,
                },
                width,
            )
        })
    };
    let rows = Memo::new(move |_| {
        let lang = state.lang.get();
        tally.with(|tally| {
            RATES
                .into_iter()
                .map(|(key, name, definition, rate)| {
                    let value = rate(tally);
                    Row::new(
                        key,
                        vec![
                            Cell::text(t(lang, name)).sub(t(lang, definition)),
                            Cell::percent(value).metric(key, value),
                        ],
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let cols = Memo::new(move |_| {
        let lang = state.lang.get();
        let head = format!("{} · {}", t(lang, Msg::RenColMetric), t(lang, Msg::RenColDefinition));
        vec![Col::titled(head, Kind::Name), Col::num(Msg::RenColValue)]
    });
    let no_due = move || tally.with(|t| t.due_count == 0);
    view! {
        <section class="lr-panel" aria-labelledby="ren-metrics">
            <h2 id="ren-metrics">{state.text(Msg::RenMetricsTitle)}</h2>
            <section class="metrics">
                <Metric key="renewal.due_count" label=Signal::derive(state.text(Msg::RenDueCount))
                    value=Signal::derive(move || Some(tally.with(|t| t.due_count) as f64))
                    display=Signal::derive(move || fmt_count(tally.with(|t| t.due_count))) />
                <Metric key="renewal.due_arr" label=Signal::derive(state.text(Msg::RenDueArr))
                    value=Signal::derive(move || Some(tally.with(|t| t.due_arr)))
                    display=Signal::derive(move || money.fmt(tally.with(|t| t.due_arr))) />
                <Metric key="renewal.pending_count" label=Signal::derive(state.text(Msg::RenPendingCount))
                    value=Signal::derive(move || Some(model.pending.get() as f64))
                    display=Signal::derive(move || fmt_count(model.pending.get())) />
            </section>
            <p class="lr-help">{state.text(Msg::RenPendingHelp)}</p>
            <Show when=no_due>
                <p class="notice" data-testid="no-due">{state.text(Msg::RenNoDue)}</p>
            </Show>
            <div class="lr-split">
                <DataTable cols=cols rows=rows testid="renewal-metrics" class="rates" />
                <ChartView svg=chart file_stem="renewal-by-month" />
            </div>
        </section>
    }
}
