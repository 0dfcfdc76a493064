//! The Capacity page (issue 7, DOMAIN.md §5): how many CSMs the book needs by three methods,
//! when to hire, what it costs; a live what-if projection, saved and shared scenarios, unit
//! economics, and a printable summary. The figures come from `domain`; this lays them out.

mod alerts;
mod chart;
mod compare;
mod economics;

pub mod model;
mod need;
mod plan;
mod print;
mod projection;
mod scenarios;
mod whatif;

use leptos::prelude::*;

use crate::domain::scenario::Scenario;
use crate::domain::scenario_url::ScenarioUrlError;
use crate::i18n::Msg;
use crate::state::AppState;
use crate::web;

use model::{Incoming, Model};

pub(crate) use crate::components::money;

/// A field label that follows the language; one function, so every label shares its code.
pub(crate) fn label(state: AppState, msg: Msg) -> Signal<String> {
    Signal::derive(move || state.t(msg).to_string())
}

/// A table head from (label, numeric) pairs: one view type for every table of the page.
pub(crate) fn header(state: AppState, cols: &[(Option<Msg>, bool)]) -> impl IntoView {
    let cells = cols
        .iter()
        .map(|&(msg, num)| {
            view! { <th scope="col" class:num=num>{msg.map(|m| state.text(m))}</th> }
        })
        .collect_view();
    view! { <thead><tr>{cells}</tr></thead> }
}

/// FTE with at most two decimals: 4.1, 5.95, 2.
pub(crate) fn fmt_fte(x: f64) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// A gap with its sign: "+2" short, "−1.5" spare, "0".
pub(crate) fn fmt_gap(x: f64) -> String {
    let s = fmt_fte(x.abs());
    if s == "0" {
        s
    } else if x > 0.0 {
        format!("+{s}")
    } else {
        format!("−{s}")
    }
}

/// The key of a link parameter that could not be read, for the notice.
fn link_problem(e: &ScenarioUrlError) -> String {
    use ScenarioUrlError::*;
    match e {
        TooLong(n) => format!("{n}"),
        MissingVersion => "v".into(),
        UnsupportedVersion(v) => format!("v={v}"),
        BadEscape { key } => key.clone(),
        BadNumber { key, value } | OutOfRange { key, value } => format!("{key}={value}"),
        BadMethod(m) => format!("m={m}"),
        TooManyTiers(n) => format!("t ({n})"),
        BadTier { index, value } => format!("t[{index}]={value}"),
        NameTooLong(n) => format!("n ({n})"),
    }
}

/// A link carrying a scenario (`?v=1&…`, beside any `?asof=`) shows it at once; the draft it
/// replaces is kept until the user decides, and nothing saved is touched.
fn open_link(state: AppState, model: Model) {
    if web::query_param("v").is_none() {
        return;
    }
    match Scenario::from_query(&web::location_search()) {
        Ok(scenario) => {
            let previous = model.draft.get_untracked();
            let (previous_tiers, previous_triggers) =
                state.settings.with_untracked(|s| (s.tiers.clone(), s.triggers.clone()));
            model.incoming.set(Some(Incoming {
                scenario: scenario.clone(),
                previous,
                previous_tiers,
                previous_triggers,
            }));
            model.open(state, scenario);
        }
        Err(e) => model.bad_link.set(Some(link_problem(&e))),
    }
}

#[component]
pub fn CapacityPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let model = Model::new(state);
    provide_context(model);
    open_link(state, model);
    view! {
        <div class="capacity-page">
            <h1>{state.text(Msg::NavCapacity)}</h1>
            <p class="cap-intro">{state.text(Msg::CapIntro)}</p>
            <scenarios::IncomingBanner />
            <need::NeedNow />
            <alerts::Alerts />
            <section class="cap-section" aria-labelledby="cap-whatif-h">
                <h2 id="cap-whatif-h">{state.text(Msg::CapWhatIfTitle)}</h2>
                <scenarios::ScenarioBar />
                <whatif::WhatIfInputs />
                <projection::ProjectionResults />
            </section>
            <section class="cap-section" aria-labelledby="cap-plan-h">
                <h2 id="cap-plan-h">{state.text(Msg::PlanTitle)}</h2>
                <plan::HiringPlan />
            </section>
            <section class="cap-section cap-scen" aria-labelledby="cap-scen-h">
                <h2 id="cap-scen-h">{state.text(Msg::CapScenariosTitle)}</h2>
                <scenarios::SavedList />
                <h3>{state.text(Msg::CapCompareTitle)}</h3>
                <compare::Compare />
            </section>
            <section class="cap-section" aria-labelledby="cap-econ-h">
                <h2 id="cap-econ-h">{state.text(Msg::CapEconomicsTitle)}</h2>
                <economics::Economics />
            </section>
            <print::PrintSummary />
        </div>
    }
}
