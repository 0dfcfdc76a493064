//! The figures per tier (accounts, ARR, shares, health, renewal rate) and the chart of each
//! tier's share of accounts against its share of ARR.

use leptos::prelude::*;

use crate::charts::{grouped_bars, BarChart, BarSeries};
use crate::components::ChartView;
use crate::i18n::tier_name;
use crate::i18n::{t, Msg};
use crate::state::AppState;

use super::widgets::score;
use super::SegmentsData;
use crate::components::{Cell, Col, DataTable, Money, Row};

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
    let chart = move |width: u32| {
        let lang = state.lang.get();
        let percent = |v: f64| format!("{v:.0}%");
        let (accounts, arr): (Vec<f64>, Vec<f64>) = data.tiers.with(|rows| {
            rows.iter()
                .map(|r| (r.share_of_accounts.unwrap_or(0.0) * 100.0, r.share_of_arr.unwrap_or(0.0) * 100.0))
                .unzip()
        });
        grouped_bars(
            &BarChart {
                title: t(lang, Msg::ChartTierShareTitle).into(),
                x_title: t(lang, Msg::ColTier).into(),
                y_title: t(lang, Msg::ChartTierShareY).into(),
                categories: names.get(),
                series: vec![
                    BarSeries { name: t(lang, Msg::ColShareAccounts).into(), values: accounts },
                    BarSeries { name: t(lang, Msg::ColShareArr).into(), values: arr },
                ],
                y_max: Some(100.0),
                empty_message: t(lang, Msg::ChartEmpty).into(),
                format_value: &percent,
            },
            width,
        )
    };
    let money = Money::new(state);
    let rows = Memo::new(move |_| {
        let names = names.get();
        data.tiers.with(|tiers| {
            let arr = money.column(tiers.iter().map(|r| r.arr));
            tiers
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    Row::new(
                        i.to_string(),
                        vec![
                            Cell::text(names.get(i).cloned().unwrap_or_default()),
                            Cell::count(f.accounts).metric(format!("tier.{i}.accounts"), Some(f.accounts as f64)),
                            Cell::figure(arr.fmt(f.arr), f.arr).metric(format!("tier.{i}.arr"), Some(f.arr)),
                            Cell::percent(f.share_of_arr),
                            Cell::percent(f.share_of_accounts),
                            Cell::figure(score(f.average_health), f.average_health.unwrap_or(f64::NAN)),
                            Cell::percent(f.renewals.logo_rate()),
                            Cell::count(f.renewals.due_count),
                        ],
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let foot = Signal::derive(move || {
        let (accounts, total) = totals.get();
        let arr = data.tiers.with(|tiers| money.column(tiers.iter().map(|r| r.arr)));
        let mut cells =
            vec![Cell::text(state.t(Msg::Total)), Cell::count(accounts), Cell::figure(arr.fmt(total), total)];
        cells.resize(8, Cell::default());
        cells
    });
    let cols = vec![
        Col::name(Msg::ColTier),
        Col::num(Msg::ColAccounts),
        Col::num(Msg::SegColArr),
        Col::num(Msg::ColShareArr),
        Col::num(Msg::ColShareAccounts),
        Col::num(Msg::ColAvgHealth),
        Col::num(Msg::LogoRenewalRate),
        Col::num(Msg::SegColDue),
    ];
    view! {
        <h3>{state.text(Msg::SegTierFiguresTitle)}</h3>
        <DataTable cols=cols rows=rows foot=foot testid="tier-figures" />
        <ChartView svg=chart file_stem="tier-share" />
    }
}
