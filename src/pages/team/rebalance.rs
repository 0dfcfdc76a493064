//! The rebalance proposal: the moves listed for review, applied as one book update, undone
//! from the toast.

use leptos::prelude::*;

use super::TeamData;
use crate::components::{Cell, Col, DataTable, Kind, Money, Row};
use crate::domain::team::LoadBand;
use crate::i18n::{fmt_count, t, tier_name, Msg, Tpl};
use crate::state::AppState;

/// Rows per page of the proposal.
const PAGE: usize = 25;

#[component]
pub fn Rebalance() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<TeamData>();
    let money = Money::new(state);
    let count = move || data.moves.with(|m| m.len());
    let apply = move |_| {
        let moves: Vec<(usize, String)> =
            data.moves.with_untracked(|m| m.iter().map(|(i, mv)| (*i, mv.to.clone())).collect());
        if moves.is_empty() {
            return;
        }
        let changes = state.move_accounts(&moves);
        let text = state.tr(Tpl::RebalanceAppliedToast { n: &fmt_count(changes.len()) });
        data.toaster.show_undo(text, move || state.undo_move_accounts(&changes));
    };
    let overloaded = move || data.books.with(|t| t.owners.iter().any(|o| o.band == LoadBand::Overloaded));
    let rows = Memo::new(move |_| {
        let lang = state.lang.get();
        let tiers = state.settings.with(|s| s.tiers.tiers.clone());
        data.moves.with(|moves| {
            state.book.with_untracked(|b| {
                state.snapshot.with_untracked(|s| {
                    let arr_of = |i: usize| s.views.get(i).map_or(0.0, |v| v.arr);
                    let arr = money.column(moves.iter().map(|(i, _)| arr_of(*i)));
                    moves
                        .iter()
                        .map(|(i, m)| {
                            let name = b.accounts.get(*i).map(|a| a.name.clone()).unwrap_or_default();
                            let tier = tiers.get(m.tier).map(|t| tier_name(t, lang).to_string()).unwrap_or_default();
                            Row::new(
                                i.to_string(),
                                vec![
                                    Cell::text(name),
                                    Cell::text(tier),
                                    Cell::figure(arr.fmt(arr_of(*i)), arr_of(*i)),
                                    Cell::text(format!("{} → {}", m.from, m.to)),
                                ],
                            )
                            .testid("move-row")
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    let cols = Memo::new(move |_| {
        let lang = state.lang.get();
        let from_to = format!("{} → {}", t(lang, Msg::MoveFrom), t(lang, Msg::MoveTo));
        vec![
            Col::name(Msg::ColAccount),
            Col::text(Msg::ColTier),
            Col::num(Msg::ColArr),
            Col::titled(from_to, Kind::Text),
        ]
    });
    view! {
        <section class="card" data-testid="rebalance">
            <h2>{state.text(Msg::RebalanceTitle)}</h2>
            <p class="help">{state.text(Msg::RebalanceHelp)}</p>
            <Show when=move || count() != 0 fallback=move || view! {
                <p class="muted" data-testid="rebalance-none">
                    {move || state.t(if overloaded() { Msg::RebalanceStuck } else { Msg::RebalanceNone })}
                </p>
            }>
                <DataTable cols=cols rows=rows page_size=PAGE export="rebalance-moves" testid="moves" />
                <button type="button" class="btn primary" data-testid="rebalance-apply" on:click=apply>
                    {move || state.tr(Tpl::RebalanceApply { n: &fmt_count(count()) })}
                </button>
            </Show>
        </section>
    }
}
