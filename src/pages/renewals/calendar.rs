//! The renewal calendar: open terms ending in each of the next 12 months, ARR by health band
//! and ARR at risk, as a table and a stacked chart.

use leptos::prelude::*;

use super::RenewalsModel;
use crate::charts::theme;
use crate::charts::{stacked_bars, StackSeries, StackedChart};
use crate::components::ChartView;
use crate::domain::dates::iso_month;
use crate::domain::health::Band;
use crate::i18n::{fmt_count, t, Msg};
use crate::pages::widgets::{band_msg, Money};
use crate::state::AppState;

fn band_color(band: Band) -> plotters::style::RGBColor {
    match band {
        Band::Red => theme::HEALTH_RED,
        Band::Yellow => theme::HEALTH_YELLOW,
        Band::Green => theme::HEALTH_GREEN,
        Band::None => theme::HEALTH_NONE,
    }
}

#[component]
pub fn CalendarSection(model: RenewalsModel) -> impl IntoView {
    let state = expect_context::<AppState>();
    let money = Money::new(state);
    let calendar = model.calendar;
    let chart = Memo::new(move |_| {
        let lang = state.lang.get();
        let fmt = move |v: f64| money.fmt(v);
        calendar.with(|months| {
            stacked_bars(&StackedChart {
                title: t(lang, Msg::RenCalendarChartTitle).into(),
                x_title: t(lang, Msg::RenMonthX).into(),
                y_title: t(lang, Msg::RenArrY).into(),
                categories: months.iter().map(|m| iso_month(m.month)).collect(),
                // At risk at the bottom, where the eye starts.
                series: Band::ALL
                    .iter()
                    .map(|&band| StackSeries {
                        name: t(lang, band_msg(band)).into(),
                        color: band_color(band),
                        values: months.iter().map(|m| m.arr.get(band)).collect(),
                    })
                    .collect(),
                y_max: None,
                empty_message: t(lang, Msg::RenCalendarEmpty).into(),
                format_value: &fmt,
            })
        })
    });
    let band_heads = move || {
        Band::ALL
            .iter()
            .map(|&b| view! { <th scope="col" class=format!("num band-{}", b.key())>{state.text(band_msg(b))}</th> })
            .collect_view()
    };
    let rows = move || {
        calendar
            .get()
            .into_iter()
            .map(|m| {
                let bands =
                    Band::ALL.iter().map(|&b| view! { <td class="num">{money.fmt(m.arr.get(b))}</td> }).collect_view();
                view! {
                    <tr>
                        <th scope="row">{iso_month(m.month)}</th>
                        <td class="num">{fmt_count(m.terms.total())}</td>
                        <td class="num">{money.fmt(m.arr.total())}</td>
                        {bands}
                        <td class="num at-risk">{money.fmt(m.arr_at_risk())}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let totals = move || {
        model.calendar_total.get().map(|total| {
            let bands =
                Band::ALL.iter().map(|&b| view! { <td class="num">{money.fmt(total.arr.get(b))}</td> }).collect_view();
            view! {
                <th scope="row">{state.t(Msg::LcTotal)}</th>
                <td class="num">{fmt_count(total.terms.total())}</td>
                <td class="num">{money.fmt(total.arr.total())}</td>
                {bands}
                <td class="num at-risk" data-testid="calendar-at-risk">{money.fmt(total.arr_at_risk())}</td>
            }
        })
    };
    view! {
        <section class="lr-panel" aria-labelledby="ren-calendar">
            <h2 id="ren-calendar">{state.text(Msg::RenCalendarTitle)}</h2>
            <p class="lr-help">{state.text(Msg::RenCalendarHelp)}</p>
            <div class="lr-wide-chart"><ChartView svg=chart file_stem="renewal-calendar" /></div>
            <div class="table-wrap">
                <table class="data calendar" data-testid="renewal-calendar">
                    <thead><tr>
                        <th scope="col">{state.text(Msg::RenColMonth)}</th>
                        <th scope="col" class="num">{state.text(Msg::RenColTerms)}</th>
                        <th scope="col" class="num">{state.text(Msg::RenColArrDue)}</th>
                        {band_heads}
                        <th scope="col" class="num">{state.text(Msg::RenColAtRisk)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                    <tfoot><tr>{totals}</tr></tfoot>
                </table>
            </div>
        </section>
    }
}
