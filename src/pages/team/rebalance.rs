//! The rebalance proposal: the moves listed for review, applied as one book update, undone
//! from the toast.

use leptos::prelude::*;

use super::TeamData;
use crate::domain::team::LoadBand;
use crate::i18n::{fill, fmt_count, fmt_money, tier_name, Msg};
use crate::state::AppState;

/// Longer proposals are applied whole but listed only this far.
const SHOWN: usize = 200;

#[component]
pub fn Rebalance() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<TeamData>();
    let money = move |v: f64| fmt_money(state.lang.get(), v, &state.settings.with(|s| s.currency.clone()));
    let count = move || data.moves.with(|m| m.len());
    let apply = move |_| {
        let moves: Vec<(usize, String)> =
            data.moves.with_untracked(|m| m.iter().map(|(i, mv)| (*i, mv.to.clone())).collect());
        if moves.is_empty() {
            return;
        }
        let changes = state.move_accounts(&moves);
        let text = fill(state.t(Msg::RebalanceAppliedToast), &[("n", &fmt_count(changes.len()))]);
        data.toaster.show_undo(text, move || state.undo_move_accounts(&changes));
    };
    let overloaded = move || data.books.with(|t| t.owners.iter().any(|o| o.band == LoadBand::Overloaded));
    let rows = move || {
        let lang = state.lang.get();
        let tiers = state.settings.with(|s| s.tiers.tiers.clone());
        let moves = data.moves.with(|m| m.iter().take(SHOWN).cloned().collect::<Vec<_>>());
        state.book.with_untracked(|b| {
            moves
                .into_iter()
                .map(|(i, m)| {
                    let name = b.accounts.get(i).map(|a| a.name.clone()).unwrap_or_default();
                    let tier = tiers.get(m.tier).map(|t| tier_name(t, lang).to_string()).unwrap_or_default();
                    let arr = state.snapshot.with_untracked(|s| s.views.get(i).map_or(0.0, |v| v.arr));
                    view! {
                        <tr data-testid="move-row">
                            <td>{name}</td>
                            <td>{tier}</td>
                            <td class="num">{money(arr)}</td>
                            <td>{m.from.clone()}" → "{m.to.clone()}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="card" data-testid="rebalance">
            <h2>{state.text(Msg::RebalanceTitle)}</h2>
            <p class="help">{state.text(Msg::RebalanceHelp)}</p>
            <Show when=move || count() != 0 fallback=move || view! {
                <p class="muted" data-testid="rebalance-none">
                    {move || state.t(if overloaded() { Msg::RebalanceStuck } else { Msg::RebalanceNone })}
                </p>
            }>
                <div class="table-wrap">
                    <table class="data">
                        <thead><tr>
                            <th>{state.text(Msg::MoveAccount)}</th>
                            <th>{state.text(Msg::ColTier)}</th>
                            <th class="num">{state.text(Msg::ColArr)}</th>
                            <th>{state.text(Msg::MoveFrom)}" → "{state.text(Msg::MoveTo)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <Show when=move || { count() > SHOWN }>
                    <p class="muted">{move || fill(state.t(Msg::ListMore), &[("n", &fmt_count(count().saturating_sub(SHOWN)))])}</p>
                </Show>
                <button type="button" class="btn primary" data-testid="rebalance-apply" on:click=apply>
                    {move || fill(state.t(Msg::RebalanceApply), &[("n", &fmt_count(count()))])}
                </button>
            </Show>
        </section>
    }
}
