//! Whose board: everyone's, one owner's (with their book figures), or the unassigned accounts.

use leptos::prelude::*;

use super::BoardData;
use crate::components::Metric;
use crate::domain::book_query::owners_and_industries;
use crate::domain::owner_book::team_books;
use crate::i18n::{fmt_count, fmt_money, load_band_label, t, Msg};
use crate::state::AppState;

/// `<select>` value for the unassigned accounts (no name can be that).
const UNASSIGNED: &str = "\u{1}";

#[component]
pub fn OwnerPicker() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<BoardData>();
    let owners = Memo::new(move |_| state.book.with(|b| owners_and_industries(b).0));
    // One owner's book, computed only while one is picked.
    let figures = Memo::new(move |_| {
        let name = data.owner.get().filter(|o| !o.is_empty())?;
        let apc: Vec<f64> = state.settings.with(|s| s.tiers.tiers.iter().map(|t| t.accounts_per_csm).collect());
        let bands = state.settings.with(|s| s.load_bands.clone());
        state
            .book
            .with(|b| state.snapshot.with(|s| team_books(b, s, &apc, &bands)))
            .owners
            .into_iter()
            .find(|o| o.owner == name)
    });
    let on_change = move |ev| {
        let v = event_target_value(&ev);
        data.owner.set(match v.as_str() {
            "" => None,
            UNASSIGNED => Some(String::new()),
            _ => Some(v),
        });
    };
    let money = move |v: f64| fmt_money(state.lang.get(), v, &state.settings.with(|s| s.currency.clone()));
    view! {
        <div class="board-owner">
            <label for="board-owner">{state.text(Msg::ColOwner)}</label>
            <select id="board-owner" data-testid="board-owner" on:change=on_change>
                <option value="">{state.text(Msg::FilterAnyOwner)}</option>
                <option value=UNASSIGNED>{state.text(Msg::Unassigned)}</option>
                {move || owners.get().into_iter().map(|o| {
                    let selected = data.owner.with(|x| x.as_deref() == Some(o.as_str()));
                    view! { <option value=o.clone() selected=selected>{o.clone()}</option> }
                }).collect_view()}
            </select>
        </div>
        {move || figures.get().map(|o| {
            let key = |k: &str| format!("owner.{}.{k}", o.owner);
            let (n, arr, load, band) = (o.accounts, o.arr, o.load, o.band);
            view! {
                <section class="metrics owner-metrics">
                    <Metric key=key("accounts") label=state.text(Msg::ColAccounts)
                        value=Signal::derive(move || Some(n as f64)) display=Signal::derive(move || fmt_count(n)) />
                    <Metric key=key("arr") label=state.text(Msg::ColArr)
                        value=Signal::derive(move || Some(arr)) display=Signal::derive(move || money(arr)) />
                    <Metric key=key("load") label=state.text(Msg::OwnerLoad)
                        value=Signal::derive(move || Some(load))
                        display=Signal::derive(move || format!("{load:.2} · {}", t(state.lang.get(), load_band_label(band)))) />
                </section>
            }
        })}
    }
}
