//! The figures per tier (accounts, ARR, shares, health, renewal rate) and the chart of each
//! tier's share of accounts against its share of ARR.

use leptos::prelude::*;

use crate::charts::{grouped_bars, BarChart, BarSeries};
use crate::components::ChartView;
use crate::forms::tables::tier_name;
use crate::i18n::{fmt_count, fmt_percent, t, Msg};
use crate::state::AppState;

use super::widgets::{money, score, FigureCell};
use super::SegmentsData;

#[component]
pub fn TierFigures() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<SegmentsData>();
    let names = Memo::new(move |_| {
        let lang = state.lang.get();
        data.tier_settings.with(|s| s.tiers.iter().map(|t| tier_name(t, lang).to_string()).collect::<Vec<_>>())
    });
    let totals = Memo::new(move |_| {
        data.tiers
            .with(|rows| (rows.iter().map(|r| r.accounts).sum::<usize>(), rows.iter().map(|r| r.arr).sum::<f64>()))
    });
    let chart = Memo::new(move |_| {
        let lang = state.lang.get();
        let percent = |v: f64| format!("{v:.0}%");
        let (accounts, arr): (Vec<f64>, Vec<f64>) = data.tiers.with(|rows| {
            rows.iter()
                .map(|r| (r.share_of_accounts.unwrap_or(0.0) * 100.0, r.share_of_arr.unwrap_or(0.0) * 100.0))
                .unzip()
        });
        grouped_bars(&BarChart {
            title: t(lang, Msg::ChartTierShareTitle).into(),
            x_title: t(lang, Msg::ChartTierShareX).into(),
            y_title: t(lang, Msg::ChartTierShareY).into(),
            categories: names.get(),
            series: vec![
                BarSeries { name: t(lang, Msg::ChartSeriesAccounts).into(), values: accounts },
                BarSeries { name: t(lang, Msg::ChartSeriesArr).into(), values: arr },
            ],
            y_max: Some(100.0),
            empty_message: t(lang, Msg::ChartEmpty).into(),
            format_value: &percent,
        })
    });
    let row = move |i: usize| {
        let fig = move || data.tiers.with(|rows| rows.get(i).copied().unwrap_or_default());
        let name = move || names.with(|n| n.get(i).cloned().unwrap_or_default());
        view! {
            <tr>
                <th scope="row">{name}</th>
                <FigureCell key=format!("tier.{i}.accounts")
                    value=Signal::derive(move || Some(fig().accounts as f64))
                    display=Signal::derive(move || fmt_count(fig().accounts)) />
                <FigureCell key=format!("tier.{i}.arr")
                    value=Signal::derive(move || Some(fig().arr))
                    display=Signal::derive(move || money(state, fig().arr)) />
                <td class="num">{move || fmt_percent(fig().share_of_arr)}</td>
                <td class="num">{move || fmt_percent(fig().share_of_accounts)}</td>
                <td class="num">{move || score(fig().average_health)}</td>
                <td class="num">{move || fmt_percent(fig().renewals.logo_rate())}</td>
                <td class="num">{move || fmt_count(fig().renewals.due_count)}</td>
            </tr>
        }
    };
    view! {
        <h3>{state.text(Msg::SegTierFiguresTitle)}</h3>
        <div class="table-wrap">
            <table class="seg-table figures" data-testid="tier-figures">
                <thead>
                    <tr>
                        <th scope="col">{state.text(Msg::SegColTier)}</th>
                        <th scope="col" class="num">{state.text(Msg::SegColAccounts)}</th>
                        <th scope="col" class="num">{state.text(Msg::SegColArr)}</th>
                        <th scope="col" class="num">{state.text(Msg::SegColShareArr)}</th>
                        <th scope="col" class="num">{state.text(Msg::SegColShareAccounts)}</th>
                        <th scope="col" class="num">{state.text(Msg::SegColAvgHealth)}</th>
                        <th scope="col" class="num">{state.text(Msg::SegColRenewalRate)}</th>
                        <th scope="col" class="num">{state.text(Msg::SegColDue)}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || 0..data.tiers.with(Vec::len) key=|i| *i let:i>
                        {row(i)}
                    </For>
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{state.text(Msg::SegTotal)}</th>
                        <td class="num">{move || fmt_count(totals.get().0)}</td>
                        <td class="num">{move || money(state, totals.get().1)}</td>
                        <td colspan="5"></td>
                    </tr>
                </tfoot>
            </table>
        </div>
        <ChartView svg=chart file_stem="tier-share" />
    }
}
