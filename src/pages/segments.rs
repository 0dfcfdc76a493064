//! The Segments page: ARR tiers, industries, the value × fit quadrant and health.

use leptos::prelude::*;

use crate::app::AppState;
use crate::charts::{grouped_bars, BarChart, BarSeries};
use crate::components::ChartView;
use crate::i18n::{t, Msg};

const TIER_NAMES: [Msg; 4] = [Msg::TierStrategic, Msg::TierKey, Msg::TierGrowth, Msg::TierLongTail];

#[component]
pub fn SegmentsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let chart = Memo::new(move |_| {
        let lang = state.lang.get();
        let percent = |v: f64| format!("{v:.0}%");
        grouped_bars(&BarChart {
            title: t(lang, Msg::ChartTierShareTitle).into(),
            x_title: t(lang, Msg::ChartTierShareX).into(),
            y_title: t(lang, Msg::ChartTierShareY).into(),
            categories: TIER_NAMES.iter().map(|m| t(lang, *m).to_string()).collect(),
            series: vec![
                BarSeries { name: t(lang, Msg::ChartSeriesAccounts).into(), values: vec![0.0; 4] },
                BarSeries { name: t(lang, Msg::ChartSeriesArr).into(), values: vec![0.0; 4] },
            ],
            y_max: Some(100.0),
            empty_message: t(lang, Msg::ChartEmpty).into(),
            format_value: &percent,
        })
    });
    view! {
        <h1>{state.text(Msg::NavSegments)}</h1>
        <p class="soon">{state.text(Msg::SoonSegments)}</p>
        <ChartView svg=chart file_stem="tier-share" />
    }
}
