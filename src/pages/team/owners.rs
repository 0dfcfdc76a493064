//! Each owner's book (accounts, ARR, health mix, renewals due in 90 days, load with its band)
//! and the unassigned accounts by tier, with a way to give them to someone.

use leptos::prelude::*;

use super::TeamData;
use crate::components::data_value;
use crate::domain::book_edit::assign_unassigned;
use crate::domain::health::Band;
use crate::domain::team::Role;
use crate::i18n::{band_label, fill, fmt_count, fmt_money, load_band_class, load_band_label, tier_name, Msg};
use crate::state::AppState;

fn band_class(b: Band) -> &'static str {
    match b {
        Band::Red => "dot red",
        Band::Yellow => "dot yellow",
        Band::Green => "dot green",
        Band::None => "dot none",
    }
}

#[component]
pub fn OwnerBooks() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<TeamData>();
    let money = move |v: f64| fmt_money(state.lang.get(), v, &state.settings.with(|s| s.currency.clone()));
    let help = move || {
        state.settings.with(|s| {
            fill(
                state.t(Msg::LoadHelp),
                &[
                    ("over", &s.load_bands.overloaded_above.to_string()),
                    ("light", &s.load_bands.light_below.to_string()),
                ],
            )
        })
    };
    let legend = move || {
        Band::ALL
            .into_iter()
            .map(|b| {
                view! {
                    <span class="legend-item"><span class=band_class(b)></span>{state.text(band_label(b))}</span>
                }
            })
            .collect_view()
    };
    let rows = move || {
        data.books.with(|t| t.owners.clone()).into_iter().map(|o| {
            let key = |k: &str| format!("owner.{}.{k}", o.owner);
            let mix = Band::ALL.into_iter().map(|b| {
                let n = o.health.get(b);
                view! { <span class="mix-item" title=state.text(band_label(b))><span class=band_class(b)></span>{fmt_count(n)}</span> }
            }).collect_view();
            let (arr, load, band) = (o.arr, o.load, o.band);
            view! {
                <tr data-testid="owner-row">
                    <th scope="row" class="owner">{o.owner.clone()}</th>
                    <td class="num accounts" data-label=state.text(Msg::BookAccounts) data-metric=key("accounts") data-value=data_value(Some(o.accounts as f64))>{fmt_count(o.accounts)}</td>
                    <td class="num arr" data-label=state.text(Msg::ColArr) data-metric=key("arr") data-value=data_value(Some(arr))>{move || money(arr)}</td>
                    <td class="mix" data-label=state.text(Msg::OwnerHealthMix)>{mix}</td>
                    <td class="num due" data-label=state.text(Msg::OwnerDueSoon)>{fmt_count(o.due_soon_count)}" · "{move || money(o.due_soon_arr)}</td>
                    <td class="load" data-metric=key("load") data-value=data_value(Some(load))>
                        <span class=format!("load-chip {}", load_band_class(band))>
                            <span class="load-bar" style=format!("width:{:.0}%", (load / 1.5).clamp(0.0, 1.0) * 100.0)></span>
                            <span class="load-text">{format!("{load:.2}")}" · "{state.text(load_band_label(band))}</span>
                        </span>
                    </td>
                </tr>
            }
        }).collect_view()
    };
    let has_owners = move || data.books.with(|t| !t.owners.is_empty());
    view! {
        <section class="card" data-testid="owner-books">
            <h2>{state.text(Msg::OwnersTitle)}</h2>
            <p class="help">{help}</p>
            <Show when=has_owners fallback=move || view! { <p class="muted">{state.text(Msg::OwnersEmpty)}</p> }>
                <p class="legend">{legend}</p>
                <div class="table-wrap">
                    <table class="data owners">
                        <thead><tr>
                            <th>{state.text(Msg::ColOwner)}</th>
                            <th class="num">{state.text(Msg::BookAccounts)}</th>
                            <th class="num">{state.text(Msg::ColArr)}</th>
                            <th>{state.text(Msg::OwnerHealthMix)}</th>
                            <th class="num">{state.text(Msg::OwnerDueSoon)}</th>
                            <th>{state.text(Msg::OwnerLoad)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

#[component]
pub fn UnassignedAccounts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<TeamData>();
    let money = move |v: f64| fmt_money(state.lang.get(), v, &state.settings.with(|s| s.currency.clone()));
    // Who can take accounts: the roster's CSMs and the owners already in the book.
    let names = Memo::new(move |_| {
        let mut names: Vec<String> =
            state.settings.with(|s| s.roster.iter().filter(|p| p.role == Role::Csm).map(|p| p.name.clone()).collect());
        data.books.with(|t| names.extend(t.owners.iter().map(|o| o.owner.clone())));
        names.sort();
        names.dedup();
        names
    });
    let assign = move |tier: usize, owner: String| {
        if owner.trim().is_empty() {
            return;
        }
        let moves =
            state.book.with_untracked(|b| state.snapshot.with_untracked(|s| assign_unassigned(b, s, tier, &owner)));
        let changes = state.move_accounts(&moves);
        let text = fill(state.t(Msg::AssignedToast), &[("n", &fmt_count(changes.len()))]);
        data.toaster.show_undo(text, move || state.undo_move_accounts(&changes));
    };
    let rows = move || {
        let lang = state.lang.get();
        let tiers = state.settings.with(|s| s.tiers.tiers.clone());
        data.books.with(|t| t.unassigned.clone()).into_iter().enumerate().filter(|(_, u)| u.accounts > 0).map(|(i, u)| {
            let name = tiers.get(i).map(|t| tier_name(t, lang).to_string()).unwrap_or_default();
            let owner = RwSignal::new(String::new());
            view! {
                <tr data-testid=format!("unassigned-{i}")>
                    <th scope="row">{name}</th>
                    <td class="num" data-metric=format!("unassigned.{i}.accounts") data-value=u.accounts.to_string()>{fmt_count(u.accounts)}</td>
                    <td class="num">{move || money(u.arr)}</td>
                    <td class="assign"><div class="assign-row">
                        <input type="text" list="team-owner-names" data-testid=format!("assign-tier-{i}")
                            aria-label=state.text(Msg::AssignTo) placeholder=state.text(Msg::AssignTo)
                            prop:value=move || owner.get() on:input=move |ev| owner.set(event_target_value(&ev)) />
                        <button type="button" class="btn small" data-testid=format!("assign-tier-{i}-go")
                            disabled=move || owner.with(|o| o.trim().is_empty())
                            on:click=move |_| assign(i, owner.get_untracked())>{state.text(Msg::Assign)}</button>
                    </div></td>
                </tr>
            }
        }).collect_view()
    };
    let none = move || data.books.with(|t| t.unassigned_total() == 0);
    view! {
        <section class="card" data-testid="unassigned">
            <h2>{state.text(Msg::UnassignedTitle)}</h2>
            <Show when=move || !none() fallback=move || view! { <p class="muted">{state.text(Msg::UnassignedNone)}</p> }>
                <p class="help">{state.text(Msg::UnassignedHelp)}</p>
                <datalist id="team-owner-names">
                    {move || names.get().into_iter().map(|n| view! { <option value=n></option> }).collect_view()}
                </datalist>
                <div class="table-wrap">
                    <table class="data">
                        <thead><tr>
                            <th>{state.text(Msg::ColTier)}</th>
                            <th class="num">{state.text(Msg::BookAccounts)}</th>
                            <th class="num">{state.text(Msg::ColArr)}</th>
                            <th>{state.text(Msg::AssignTo)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}
