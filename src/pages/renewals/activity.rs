//! Activity ↔ renewal (seed 000 §5): the renewal rate per activity band, r with its 95%
//! interval and n, and the notes that keep a reader from over-reading them.

use leptos::prelude::*;

use super::RenewalsModel;
use crate::charts::{stacked_bars, theme, StackSeries, StackedChart};
use crate::components::{Cell, ChartView, Col, DataTable, Metric, Row};
use crate::domain::correlation::ActivityBand;
use crate::i18n::{fmt_count, t, Msg};
use crate::state::AppState;

fn band_label(b: &ActivityBand) -> String {
    format!("{:.0}–{:.0}", b.from, b.to)
}

fn fmt_r(r: f64) -> String {
    format!("{r:.2}")
}

#[component]
pub fn ActivitySection(model: RenewalsModel) -> impl IntoView {
    let state = expect_context::<AppState>();
    let activity = model.activity;
    let chart = move |width: u32| {
        let lang = state.lang.get();
        let a = activity.get();
        let pct = |v: f64| format!("{v:.0}%");
        stacked_bars(
            &StackedChart {
                title: t(lang, Msg::RenActivityChartTitle).into(),
                x_title: t(lang, Msg::RenColActivityBand).into(),
                y_title: t(lang, Msg::ColRenewalRate).into(),
                categories: a.bands.iter().map(|b| format!("{} (n={})", band_label(b), b.n)).collect(),
                // One series, so no legend: the axis says what the bars are.
                series: vec![StackSeries {
                    name: t(lang, Msg::ColRenewalRate).into(),
                    color: theme::series_color(0),
                    // A band without terms has no rate and no bar; the table says "—".
                    values: a.bands.iter().map(|b| b.renewal_rate().map_or(f64::NAN, |r| r * 100.0)).collect(),
                }],
                y_max: Some(100.0),
                empty_message: t(lang, Msg::RenActivityEmpty).into(),
                format_value: &pct,
            },
            width,
        )
    };
    let rows = Memo::new(move |_| {
        activity.with(|a| {
            a.bands
                .iter()
                .map(|b| {
                    Row::new(
                        band_label(b),
                        vec![
                            Cell::text(band_label(b)),
                            Cell::count(b.n),
                            Cell::count(b.renewed),
                            Cell::percent(b.renewal_rate()),
                        ],
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let cols = vec![
        Col::name(Msg::RenColActivityBand),
        Col::num(Msg::RenColTerms),
        Col::num(Msg::RenColRenewed),
        Col::num(Msg::ColRenewalRate),
    ];
    let r = move || activity.with(|a| a.r);
    let interval = move || activity.with(|a| a.interval.map(|(lo, hi)| format!("[{}, {}]", fmt_r(lo), fmt_r(hi))));
    view! {
        <section class="lr-panel" aria-labelledby="ren-activity">
            <h2 id="ren-activity">{state.text(Msg::RenActivityTitle)}</h2>
            <p class="lr-help">{state.text(Msg::RenActivityHelp)}</p>
            <section class="metrics">
                <Metric key="correlation.n" label=Signal::derive(state.text(Msg::RenCorrN))
                    value=Signal::derive(move || Some(activity.with(|a| a.n) as f64))
                    display=Signal::derive(move || fmt_count(activity.with(|a| a.n))) />
                <Metric key="correlation.r" label=Signal::derive(state.text(Msg::RenCorrR))
                    value=Signal::derive(r)
                    display=Signal::derive(move || r().map_or_else(|| "—".to_string(), fmt_r)) />
                <div class="metric" data-testid="correlation-interval">
                    <span class="metric-label">{state.text(Msg::RenCorrInterval)}</span>
                    <span class="metric-value">{move || interval().unwrap_or_else(|| "—".into())}</span>
                </div>
            </section>
            <div class="lr-notes" role="note">
                <Show when=move || r().is_none()>
                    <p class="notice" data-testid="no-r">{state.text(Msg::RenCorrNoR)}</p>
                </Show>
                <Show when=move || activity.with(|a| a.small_sample)>
                    <p class="notice warn" data-testid="small-sample">{state.text(Msg::RenSmallSample)}</p>
                </Show>
                <p class="notice" data-testid="activity-today">{state.text(Msg::RenActivityToday)}</p>
                <p class="notice caution" data-testid="not-causation">{state.text(Msg::RenNotCausation)}</p>
            </div>
            <div class="lr-split">
                <DataTable cols=cols rows=rows testid="activity-bands" />
                <ChartView svg=chart file_stem="activity-renewal" />
            </div>
        </section>
    }
}
