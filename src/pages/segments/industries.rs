//! Industries: a sortable table (accounts, ARR, average health, renewal rate) and a chart of
//! ARR by industry.

use leptos::prelude::*;

use crate::charts::{horizontal_bars, HBarChart, MAX_HBARS};
use crate::components::ChartView;
use crate::forms::tables::{sorted_industries, IndustryColumn, IndustrySort};
use crate::i18n::{fmt_count, fmt_money, fmt_percent, t, Msg};
use crate::state::AppState;

use super::widgets::{fill, money, score};
use super::SegmentsData;

/// Rows listed in the table; the rest are counted.
const MAX_ROWS: usize = 100;

#[component]
pub fn Industries() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<SegmentsData>();
    let sort = RwSignal::new(IndustrySort::default());
    let order = Memo::new(move |_| data.industries.with(|rows| sorted_industries(rows, sort.get())));
    let unspecified = move || state.t(Msg::SegUnspecified).to_string();
    let chart = Memo::new(move |_| {
        let lang = state.lang.get();
        let currency = state.settings.with(|s| s.currency.clone());
        let format = |v: f64| fmt_money(lang, v, &currency);
        data.industries.with(|rows| {
            // Already largest ARR first.
            let shown: Vec<_> = rows.iter().filter(|r| r.accounts > 0).take(MAX_HBARS).collect();
            let with_accounts = rows.iter().filter(|r| r.accounts > 0).count();
            horizontal_bars(&HBarChart {
                title: t(lang, Msg::ChartIndustryTitle).into(),
                x_title: t(lang, Msg::SegColArr).into(),
                categories: shown
                    .iter()
                    .map(|r| r.name.clone().unwrap_or_else(|| t(lang, Msg::SegUnspecified).into()))
                    .collect(),
                values: shown.iter().map(|r| r.arr).collect(),
                color: 0,
                note: (with_accounts > shown.len()).then(|| {
                    fill(
                        t(lang, Msg::ChartIndustryNote),
                        &[("n", shown.len().to_string()), ("total", with_accounts.to_string())],
                    )
                }),
                empty_message: t(lang, Msg::ChartEmpty).into(),
                format_value: &format,
            })
        })
    });
    let header = move |column: IndustryColumn, label: Msg, numeric: bool| {
        let aria = move || {
            let s = sort.get();
            if s.column != column {
                "none"
            } else if s.descending {
                "descending"
            } else {
                "ascending"
            }
        };
        let arrow = move || match aria() {
            "descending" => "▼",
            "ascending" => "▲",
            _ => "",
        };
        view! {
            <th scope="col" class:num=numeric aria-sort=aria>
                <button type="button" class="sort-btn" on:click=move |_| sort.update(|s| *s = s.clicked(column))>
                    {state.text(label)} <span class="sort-arrow" aria-hidden="true">{arrow}</span>
                </button>
            </th>
        }
    };
    let rows = move || {
        data.industries.with(|all| {
            order.with(|order| {
                order
                    .iter()
                    .take(MAX_ROWS)
                    .filter_map(|&i| all.get(i))
                    .map(|r| {
                        let name = r.name.clone().unwrap_or_else(unspecified);
                        let unnamed = r.name.is_none();
                        view! {
                            <tr>
                                <th scope="row" class:muted=unnamed>{name}</th>
                                <td class="num">{fmt_count(r.accounts)}</td>
                                <td class="num">{money(state, r.arr)}</td>
                                <td class="num">{score(r.average_health)}</td>
                                <td class="num">{fmt_percent(r.renewals.logo_rate())}
                                    <span class="base">{format!(" ({})", fmt_count(r.renewals.due_count))}</span>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let more = move || data.industries.with(Vec::len).saturating_sub(MAX_ROWS);
    view! {
        <p class="help">{state.text(Msg::SegSortHelp)}</p>
        <div class="table-wrap">
            <table class="seg-table figures" data-testid="industry-table">
                <thead>
                    <tr>
                        {header(IndustryColumn::Name, Msg::SegColIndustry, false)}
                        {header(IndustryColumn::Accounts, Msg::SegColAccounts, true)}
                        {header(IndustryColumn::Arr, Msg::SegColArr, true)}
                        {header(IndustryColumn::Health, Msg::SegColAvgHealth, true)}
                        {header(IndustryColumn::RenewalRate, Msg::SegColRenewalRateN, true)}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Show when=move || data.industries.with(Vec::is_empty)>
            <p class="muted">{state.text(Msg::SegNoIndustries)}</p>
        </Show>
        <Show when=move || { more() > 0 }>
            <p class="muted">{move || fill(state.t(Msg::SegMoreRows), &[("n", fmt_count(more()))])}</p>
        </Show>
        <ChartView svg=chart file_stem="industry-arr" />
    }
}
