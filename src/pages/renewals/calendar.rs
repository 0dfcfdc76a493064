//! The renewal calendar: open terms ending in each of the next 12 months, ARR by health band
//! and ARR at risk, as a table and a stacked chart.

use leptos::prelude::*;

use super::RenewalsModel;
use crate::charts::theme;
use crate::charts::{stacked_bars, StackSeries, StackedChart};
use crate::components::ChartView;
use crate::components::{Cell, Col, DataTable, Money, MoneyColumn, Row};
use crate::domain::dates::iso_month;
use crate::domain::health::Band;
use crate::domain::renewal_calendar::CalendarMonth;
use crate::i18n::band_label;
use crate::i18n::{t, Msg};
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
    let chart = move |width: u32| {
        let lang = state.lang.get();
        let fmt = move |v: f64| money.fmt(v);
        calendar.with(|months| {
            stacked_bars(
                &StackedChart {
                    title: t(lang, Msg::RenCalendarChartTitle).into(),
                    x_title: t(lang, Msg::RenMonthX).into(),
                    y_title: t(lang, Msg::RenArrY).into(),
                    categories: months.iter().map(|m| iso_month(m.month)).collect(),
                    // At risk at the bottom, where the eye starts.
                    series: Band::ALL
                        .iter()
                        .map(|&band| StackSeries {
                            name: t(lang, band_label(band)).into(),
                            color: band_color(band),
                            values: months.iter().map(|m| m.arr.get(band)).collect(),
                        })
                        .collect(),
                    y_max: None,
                    empty_message: t(lang, Msg::RenCalendarEmpty).into(),
                    format_value: &fmt,
                },
                width,
            )
        })
    };
    // The money columns, left to right: ARR due, each band, at risk.
    let amounts = |m: &CalendarMonth| -> [f64; 6] {
        let [a, b, c, d] = Band::ALL.map(|band| m.arr.get(band));
        [m.arr.total(), a, b, c, d, m.arr_at_risk()]
    };
    let units = move |months: &[CalendarMonth]| -> Vec<MoneyColumn> {
        (0..6).map(|i| money.column(months.iter().map(|m| amounts(m)[i]))).collect()
    };
    let cells = move |first: String, m: &CalendarMonth, units: &[MoneyColumn]| -> Vec<Cell> {
        let mut cells = vec![Cell::text(first), Cell::count(m.terms.total())];
        cells.extend(amounts(m).into_iter().zip(units).map(|(v, unit)| Cell::figure(unit.fmt(v), v)));
        cells
    };
    let rows = Memo::new(move |_| {
        calendar.with(|months| {
            let units = units(months);
            months
                .iter()
                .map(|m| Row::new(iso_month(m.month), cells(iso_month(m.month), m, &units)))
                .collect::<Vec<_>>()
        })
    });
    let foot = Signal::derive(move || {
        let total = model.calendar_total.get();
        calendar.with(|months| {
            let units = units(months);
            total
                .map(|total| {
                    let mut cells = cells(state.t(Msg::Total).to_string(), &total, &units);
                    if let Some(risk) = cells.last_mut() {
                        *risk = std::mem::take(risk).testid("calendar-at-risk");
                    }
                    cells
                })
                .unwrap_or_default()
        })
    });
    let mut cols = vec![Col::name(Msg::Month), Col::num(Msg::RenColTerms), Col::num(Msg::RenColArrDue)];
    cols.extend(Band::ALL.map(|b| Col::num(band_label(b))));
    cols.push(Col::num(Msg::RenColAtRisk).class("bad"));
    view! {
        <section class="lr-panel" aria-labelledby="ren-calendar">
            <h2 id="ren-calendar">{state.text(Msg::RenCalendarTitle)}</h2>
            <p class="lr-help">{state.text(Msg::RenCalendarHelp)}</p>
            <div class="lr-wide-chart"><ChartView svg=chart file_stem="renewal-calendar" /></div>
            <DataTable cols=cols rows=rows foot=foot testid="renewal-calendar" />
        </section>
    }
}
