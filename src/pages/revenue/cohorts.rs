//! Cohort retention: a heat-map table, cohorts as rows, logo and net revenue retention at 12,
//! 24 and 36 months as columns; a cell not reached yet shows a dash and says why.

use leptos::prelude::*;

use super::RevenueData;
use crate::components::{Cell, Col, DataTable, Kind, Money, Row};
use crate::domain::revenue::cohorts::{Cohort, CohortGrain, AGES};
use crate::i18n::{fmt_count, fmt_percent, t, tr, Msg, Tpl};
use crate::state::AppState;

/// A cell's heat class (table.css): the deeper the green, the closer to 100% (over 100% stays
/// deepest), in tenths.
fn heat_class(v: Option<f64>) -> String {
    match v {
        Some(x) if x.is_finite() => format!("heat heat-{}", (x.clamp(0.0, 1.0) * 10.0).round() as u32),
        _ => "heat".to_string(),
    }
}

fn label(c: &Cohort) -> String {
    match c.quarter {
        Some(q) => format!("{} Q{q}", c.year),
        None => c.year.to_string(),
    }
}

#[component]
pub fn CohortSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<RevenueData>();
    let money = Money::new(state);
    let cols = Memo::new(move |_| {
        let lang = state.lang.get();
        let mut cols = vec![Col::name(Msg::RevColCohort), Col::num(Msg::ColAccounts), Col::num(Msg::RevColFirstArr)];
        for k in AGES {
            let k = k.to_string();
            cols.push(Col::titled(tr(lang, Tpl::RevColLogoK { k: &k }), Kind::Num));
            cols.push(Col::titled(tr(lang, Tpl::RevColNrrK { k: &k }), Kind::Num));
        }
        cols
    });
    let rows = Memo::new(move |_| {
        let lang = state.lang.get();
        let by_year = data.cohort_grain.get() == CohortGrain::Year;
        data.cohorts.with(|list| {
            let first_arr = money.column(list.iter().map(|c| c.first_arr));
            list.iter()
                .map(|c| {
                    let mut cells = vec![
                        Cell::text(label(c)),
                        Cell::count(c.size),
                        Cell::figure(first_arr.fmt(c.first_arr), c.first_arr),
                    ];
                    for (age, cell) in AGES.iter().zip(&c.cells) {
                        let key = |what: &str| format!("cohort.{}.{what}_{age}", c.year);
                        let heat = |text: String, v: Option<f64>, what: &str| {
                            let shown = match cell {
                                // Not reached yet as of D: a dash that says why.
                                None => Cell::text("—").class("heat").title(t(lang, Msg::RevNotReached)),
                                Some(_) => Cell::figure(text, v.unwrap_or(f64::NAN)).class(heat_class(v)),
                            };
                            if by_year {
                                shown.metric(key(what), v)
                            } else {
                                shown
                            }
                        };
                        let logo = cell.as_ref().map(|x| x.logo);
                        let nrr = cell.as_ref().and_then(|x| x.nrr);
                        let counted = cell.as_ref().map_or(0, |x| x.counted);
                        cells.push(heat(format!("{} ({})", fmt_percent(logo), fmt_count(counted)), logo, "logo"));
                        cells.push(heat(fmt_percent(nrr), nrr, "nrr"));
                    }
                    Row::new(label(c), cells)
                })
                .collect::<Vec<_>>()
        })
    });
    let none = move || data.cohorts.with(Vec::is_empty);
    let grain_button = move |g: CohortGrain, msg: Msg, id: &'static str| {
        view! {
            <button type="button" class="btn small" data-testid=id aria-pressed=move || (data.cohort_grain.get() == g).to_string()
                on:click=move |_| data.cohort_grain.set(g)>{state.text(msg)}</button>
        }
    };
    view! {
        <section class="lr-panel" aria-labelledby="rev-cohorts">
            <h2 id="rev-cohorts">{state.text(Msg::RevCohortTitle)}</h2>
            <div class="rev-buttons" role="group">
                {grain_button(CohortGrain::Year, Msg::RevByYear, "cohort-year")}
                {grain_button(CohortGrain::Quarter, Msg::RevByQuarter, "cohort-quarter")}
            </div>
            <Show when=none>
                <p class="notice">{state.text(Msg::RevNoCohorts)}</p>
            </Show>
            <DataTable cols=cols rows=rows testid="cohort-table" class="heat-map" />
            <p class="lr-help">{state.text(Msg::RevCohortNote)}</p>
        </section>
    }
}
