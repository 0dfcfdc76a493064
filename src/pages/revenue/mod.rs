//! The Revenue page (DOMAIN.md §9): how ARR moved over a period (the ARR bridge), how each
//! year's customers retained (cohorts), and what the coming year's renewals are likely to bring
//! (the renewal forecast). Every figure is computed by `domain::revenue`; this page lays it out.

mod bridge;
mod cohorts;
mod forecast;

use leptos::prelude::*;

use crate::domain::period::Period;
use crate::domain::revenue::bridge::Bridge;
use crate::domain::revenue::cohorts::{Cohort, CohortGrain};
use crate::domain::revenue::forecast::Forecast;
use crate::i18n::Msg;
use crate::pages::Kernels;
use crate::state::AppState;
use crate::web;

/// Months or quarters, for the chained bars and the cohort rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grain {
    Month,
    Quarter,
}

/// The page's figures, each a memo of the book, the as-of date and the page's choices.
#[derive(Clone, Copy)]
pub struct RevenueData {
    /// `None` = the default period, the last 12 months.
    pub period: RwSignal<Option<Period>>,
    pub period_in_force: Memo<Period>,
    pub bridge: Memo<Bridge>,
    pub steps_grain: RwSignal<Grain>,
    pub steps: Memo<Vec<Bridge>>,
    pub cohort_grain: RwSignal<CohortGrain>,
    pub cohorts: Memo<Vec<Cohort>>,
    pub forecast: Memo<Forecast>,
}

impl RevenueData {
    fn new(state: AppState) -> Self {
        let rules = state.rules;
        let k = Kernels::get();
        let period = RwSignal::new(None::<Period>);
        let period_in_force =
            Memo::new(move |_| period.get().unwrap_or_else(|| Period::last_12_months(state.as_of.get())));
        let bridge = Memo::new(move |_| {
            let (p, rules) = (period_in_force.get(), rules.get());
            web::measure("revenue.bridge", || state.book.with(|b| (k.arr_bridge)(b, &rules, p.from, p.to)))
        });
        let steps_grain = RwSignal::new(Grain::Month);
        let steps = Memo::new(move |_| {
            let (as_of, rules) = (state.as_of.get(), rules.get());
            let grain = steps_grain.get();
            web::measure("revenue.steps", || {
                state.book.with(|b| match grain {
                    Grain::Month => (k.monthly_bridges)(b, &rules, as_of, 12),
                    Grain::Quarter => (k.quarterly_bridges)(b, &rules, as_of, 4),
                })
            })
        });
        let cohort_grain = RwSignal::new(CohortGrain::Year);
        let cohorts = Memo::new(move |_| {
            let (as_of, rules, grain) = (state.as_of.get(), rules.get(), cohort_grain.get());
            web::measure("revenue.cohorts", || state.book.with(|b| (k.cohorts)(b, &rules, as_of, grain)))
        });
        let forecast = state.forecast;
        RevenueData { period, period_in_force, bridge, steps_grain, steps, cohort_grain, cohorts, forecast }
    }
}

#[component]
pub fn RevenuePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = RevenueData::new(state);
    provide_context(data);
    let empty = Memo::new(move |_| state.book.with(|b| b.accounts.is_empty()));
    view! {
        <h1>{state.text(Msg::NavRevenue)}</h1>
        <p class="lr-lead">{state.text(Msg::RevIntro)}</p>
        <Show when=move || empty.get()>
            <p class="notice" data-testid="revenue-empty">{state.text(Msg::RevEmptyBook)}</p>
        </Show>
        <bridge::BridgeSection />
        <cohorts::CohortSection />
        <forecast::ForecastSection />
    }
}
