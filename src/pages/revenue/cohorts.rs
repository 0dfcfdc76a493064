//! Cohort retention: a heat-map table, cohorts as rows, logo and net revenue retention at 12,
//! 24 and 36 months as columns; a cell not reached yet is left empty and says so.

use leptos::prelude::*;

use super::RevenueData;
use crate::components::data_value;
use crate::domain::revenue::cohorts::{Cohort, CohortGrain, AGES};
use crate::i18n::{fill, fmt_count, fmt_percent, Msg};
use crate::pages::widgets::Money;
use crate::state::AppState;

/// A cell's background: the deeper the green, the closer to 100% (over 100% stays deepest).
fn heat(v: Option<f64>) -> String {
    match v {
        Some(x) if x.is_finite() => {
            let a = (x.clamp(0.0, 1.0) * 0.55 + 0.05).min(0.6);
            format!("background: rgba(0, 158, 115, {a:.2})")
        }
        _ => String::new(),
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
    let head = move || {
        AGES.iter()
            .flat_map(|k| {
                let k = k.to_string();
                let (k1, k2) = (k.clone(), k);
                [
                    view! { <th scope="col" class="num">{move || fill(state.t(Msg::RevColLogoK), &[("k", &k1)])}</th> },
                    view! { <th scope="col" class="num">{move || fill(state.t(Msg::RevColNrrK), &[("k", &k2)])}</th> },
                ]
            })
            .collect_view()
    };
    let rows = move || {
        let by_year = data.cohort_grain.get() == CohortGrain::Year;
        data.cohorts.with(|list| {
            list.iter()
                .map(|c| {
                    let cells = AGES
                        .iter()
                        .zip(&c.cells)
                        .flat_map(|(age, cell)| {
                            let key = |what: &str| by_year.then(|| format!("cohort.{}.{what}_{age}", c.year));
                            let logo = cell.as_ref().map(|x| x.logo);
                            let nrr = cell.as_ref().and_then(|x| x.nrr);
                            let counted = cell.as_ref().map(|x| x.counted);
                            let missing = move || state.t(Msg::RevNotReached);
                            [
                                view! {
                                    <td class="num heat" style=heat(logo) data-metric=key("logo") data-value=data_value(logo)
                                        title=move || if cell_missing(counted) { missing().to_string() } else { String::new() }>
                                        {move || match counted {
                                            Some(n) => format!("{} ({})", fmt_percent(logo), fmt_count(n)),
                                            None => String::new(),
                                        }}
                                    </td>
                                },
                                view! {
                                    <td class="num heat" style=heat(nrr) data-metric=key("nrr") data-value=data_value(nrr)
                                        title=move || if cell_missing(counted) { missing().to_string() } else { String::new() }>
                                        {move || counted.map(|_| fmt_percent(nrr)).unwrap_or_default()}
                                    </td>
                                },
                            ]
                        })
                        .collect_view();
                    let first_arr = c.first_arr;
                    view! {
                        <tr>
                            <th scope="row">{label(c)}</th>
                            <td class="num">{fmt_count(c.size)}</td>
                            <td class="num">{move || money.fmt(first_arr)}</td>
                            {cells}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
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
            <div class="table-wrap">
                <table class="data cohorts" data-testid="cohort-table">
                    <thead><tr>
                        <th scope="col">{state.text(Msg::RevColCohort)}</th>
                        <th scope="col" class="num">{state.text(Msg::RevColSize)}</th>
                        <th scope="col" class="num">{state.text(Msg::RevColFirstArr)}</th>
                        {head}
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="lr-help">{state.text(Msg::RevCohortNote)}</p>
        </section>
    }
}

fn cell_missing(counted: Option<usize>) -> bool {
    counted.is_none()
}
