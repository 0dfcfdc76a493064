//! Industries: a sortable table (accounts, ARR, average health, renewal rate) and a chart of
//! ARR by industry.

use leptos::prelude::*;

use crate::charts::{horizontal_bars, HBarChart, MAX_HBARS};
use crate::components::ChartView;
use crate::forms::tables::{sorted_industries, IndustryColumn, IndustrySort};
use crate::i18n::{fmt_count, fmt_money, fmt_percent, t, tr, Msg, Tpl};
use crate::state::AppState;

use super::widgets::score;
use super::SegmentsData;
use crate::components::{Cell, Col, DataTable, Money, Row, Sorted};

/// Rows per page of the table.
const PAGE: usize = 25;

/// The table's columns, in the order of its heads.
const COLUMNS: [IndustryColumn; 5] = [
    IndustryColumn::Name,
    IndustryColumn::Accounts,
    IndustryColumn::Arr,
    IndustryColumn::Health,
    IndustryColumn::RenewalRate,
];

#[component]
pub fn Industries() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<SegmentsData>();
    let sort = RwSignal::new(IndustrySort::default());
    let order = Memo::new(move |_| data.industries.with(|rows| sorted_industries(rows, sort.get())));
    let unspecified = move || state.t(Msg::SegUnspecified).to_string();
    let chart = move |width: u32| {
        let lang = state.lang.get();
        let currency = data.currency.get();
        let format = |v: f64| fmt_money(lang, v, &currency);
        data.industries.with(|rows| {
            // Already largest ARR first.
            let shown: Vec<_> = rows.iter().filter(|r| r.accounts > 0).take(MAX_HBARS).collect();
            let with_accounts = rows.iter().filter(|r| r.accounts > 0).count();
            horizontal_bars(
                &HBarChart {
                    title: t(lang, Msg::ChartIndustryTitle).into(),
                    x_title: t(lang, Msg::SegColArr).into(),
                    categories: shown
                        .iter()
                        .map(|r| r.name.clone().unwrap_or_else(|| t(lang, Msg::SegUnspecified).into()))
                        .collect(),
                    values: shown.iter().map(|r| r.arr).collect(),
                    color: 0,
                    note: (with_accounts > shown.len()).then(|| {
                        tr(
                            lang,
                            Tpl::ChartIndustryNote { n: &shown.len().to_string(), total: &with_accounts.to_string() },
                        )
                    }),
                    empty_message: t(lang, Msg::ChartEmpty).into(),
                    format_value: &format,
                },
                width,
            )
        })
    };
    let money = Money::new(state);
    let rows = Memo::new(move |_| {
        let unspecified = unspecified();
        data.industries.with(|all| {
            let arr = money.column(all.iter().map(|r| r.arr));
            order.with(|order| {
                order
                    .iter()
                    .filter_map(|&i| all.get(i))
                    .map(|r| {
                        let name = r.name.clone().unwrap_or_else(|| unspecified.clone());
                        let rate = r.renewals.logo_rate();
                        let rate_text = format!("{} ({})", fmt_percent(rate), fmt_count(r.renewals.due_count));
                        Row::new(
                            // The unspecified industry has no name: its key is "".
                            r.name.clone().unwrap_or_default(),
                            vec![
                                Cell::text(name).class(if r.name.is_none() { "muted" } else { "" }),
                                Cell::count(r.accounts),
                                Cell::figure(arr.fmt(r.arr), r.arr),
                                Cell::figure(score(r.average_health), r.average_health.unwrap_or(f64::NAN)),
                                Cell::figure(rate_text, rate.unwrap_or(f64::NAN)),
                            ],
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let cols = vec![
        Col::name(Msg::ColIndustry),
        Col::num(Msg::ColAccounts),
        Col::num(Msg::SegColArr),
        Col::num(Msg::ColAvgHealth),
        Col::num(Msg::SegColRenewalRateN),
    ];
    let sorted = Signal::derive(move || {
        let s = sort.get();
        let col = COLUMNS.iter().position(|c| *c == s.column).unwrap_or(0);
        Sorted { col, descending: s.descending }
    });
    let on_sort = Callback::new(move |col: usize| {
        if let Some(&column) = COLUMNS.get(col) {
            sort.update(|s| *s = s.clicked(column));
        }
    });
    view! {
        <p class="help">{state.text(Msg::SegSortHelp)}</p>
        <DataTable cols=cols rows=rows page_size=PAGE export="industries" testid="industry-table"
            sort=sorted on_sort=on_sort empty=Msg::SegNoIndustries />
        <ChartView svg=chart file_stem="industry-arr" />
    }
}
