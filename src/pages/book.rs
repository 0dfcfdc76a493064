//! The Book page: the accounts of the customer book.

use leptos::prelude::*;

use crate::app::AppState;
use crate::components::Metric;
use crate::i18n::{fmt_count, fmt_money, Msg};

#[component]
pub fn BookPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let totals = Memo::new(move |_| {
        let as_of = state.as_of.get();
        state.settings.with(|s| state.book.with(|b| b.totals(as_of, &s.rules)))
    });
    let money = move |v: f64| fmt_money(state.lang.get(), v, &state.settings.with(|s| s.currency.clone()));
    view! {
        <h1>{move || state.t(Msg::NavBook)}</h1>
        <section class="metrics">
            <Metric key="book.accounts" label=Signal::derive(move || state.t(Msg::BookAccounts))
                value=Signal::derive(move || Some(totals.get().accounts as f64))
                display=Signal::derive(move || fmt_count(totals.get().accounts)) />
            <Metric key="book.active" label=Signal::derive(move || state.t(Msg::BookActive))
                value=Signal::derive(move || Some(totals.get().active as f64))
                display=Signal::derive(move || fmt_count(totals.get().active)) />
            <Metric key="book.arr" label=Signal::derive(move || state.t(Msg::BookArr))
                value=Signal::derive(move || Some(totals.get().arr))
                display=Signal::derive(move || money(totals.get().arr)) />
        </section>
        <p class="soon">{move || state.t(Msg::SoonBook)}</p>
    }
}
