//! The tier × stage matrix; a cell opens the list of its accounts.

use leptos::prelude::*;

use super::BoardData;
use crate::components::data_value;
use crate::domain::lifecycle::Stage;
use crate::i18n::{fill, fmt_count, fmt_money, stage_label, tier_name, Msg};
use crate::state::AppState;

/// A cell's list shows this many accounts, then a count of the rest.
const LIST_CAP: usize = 100;

#[component]
pub fn TierStageMatrix() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<BoardData>();
    let open = RwSignal::new(None::<(usize, Stage)>);
    let money = move |v: f64| fmt_money(state.lang.get(), v, &state.settings.with(|s| s.currency.clone()));
    let heads = move || {
        Stage::ALL.into_iter().map(|s| view! { <th class="num">{state.text(stage_label(s))}</th> }).collect_view()
    };
    let rows = move || {
        let lang = state.lang.get();
        let tiers = state.settings.with(|s| s.tiers.tiers.clone());
        tiers.iter().enumerate().map(|(ti, tier)| {
            let name = tier_name(tier, lang).to_string();
            let cells = Stage::ALL.into_iter().map(|stage| {
                let (n, arr) = data.matrix.with(|m| m.cell(ti, stage).map_or((0, 0.0), |c| (c.accounts.len(), c.arr)));
                let selected = move || open.get() == Some((ti, stage));
                view! {
                    <td class="cell" class:empty=n == 0 data-metric=format!("board.{ti}.{}.accounts", stage.key()) data-value=n.to_string()>
                        <button type="button" class="cell-btn" disabled=n == 0 aria-pressed=move || selected().to_string()
                            data-testid=format!("cell-{ti}-{}", stage.key())
                            on:click=move |_| open.set(if selected() { None } else { Some((ti, stage)) })>
                            <span class="cell-count">{fmt_count(n)}</span>
                            <span class="cell-arr">{move || money(arr)}</span>
                        </button>
                    </td>
                }
            }).collect_view();
            let (n, arr) = data.matrix.with(|m| m.active_row(ti));
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    {cells}
                    <td class="num total" data-metric=format!("tier.{ti}.accounts") data-value=data_value(Some(n as f64))>
                        <span class="cell-count">{fmt_count(n)}</span><span class="cell-arr">{move || money(arr)}</span>
                    </td>
                </tr>
            }
        }).collect_view()
    };
    view! {
        <section class="card" data-testid="matrix">
            <h2>{state.text(Msg::BoardMatrixTitle)}</h2>
            <p class="help">{state.text(Msg::BoardMatrixHelp)}</p>
            <div class="table-wrap">
                <table class="data matrix">
                    <thead><tr>
                        <th>{state.text(Msg::ColTier)}</th>
                        {heads}
                        <th class="num">{state.text(Msg::BoardActiveTotal)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {move || open.get().map(|(ti, stage)| view! { <CellList tier=ti stage=stage close=Callback::new(move |_| open.set(None)) /> })}
        </section>
    }
}

#[component]
fn CellList(tier: usize, stage: Stage, close: Callback<()>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<BoardData>();
    let money = move |v: f64| fmt_money(state.lang.get(), v, &state.settings.with(|s| s.currency.clone()));
    let accounts = move || data.matrix.with(|m| m.cell(tier, stage).map(|c| c.accounts.clone()).unwrap_or_default());
    let title = move || {
        let lang = state.lang.get();
        let name = state
            .settings
            .with(|s| s.tiers.tiers.get(tier).map(|t| tier_name(t, lang).to_string()).unwrap_or_default());
        fill(
            state.t(Msg::BoardCellTitle),
            &[("tier", &name), ("stage", state.t(stage_label(stage))), ("n", &fmt_count(accounts().len()))],
        )
    };
    let items = move || {
        let list = accounts();
        let rest = list.len().saturating_sub(LIST_CAP);
        let items = state.book.with(|b| state.snapshot.with(|s| {
            list.iter().take(LIST_CAP).filter_map(|&i| {
                let a = b.accounts.get(i)?;
                let arr = s.views.get(i).map_or(0.0, |v| v.arr);
                let owner = if a.owner.trim().is_empty() { state.t(Msg::FilterUnassigned).to_string() } else { a.owner.clone() };
                Some(view! { <li><span class="name">{a.name.clone()}</span><span class="muted">{owner}</span><span class="num">{money(arr)}</span></li> })
            }).collect_view()
        }));
        (items, rest)
    };
    view! {
        <div class="cell-list" data-testid="cell-list" role="region" aria-label=title>
            <div class="cell-list-head">
                <h3>{title}</h3>
                <button type="button" class="btn small" aria-label=state.text(Msg::Dismiss) on:click=move |_| close.run(())>"×"</button>
            </div>
            {move || {
                let (items, rest) = items();
                view! {
                    <ul>{items}</ul>
                    {(rest > 0).then(|| view! { <p class="muted">{move || fill(state.t(Msg::ListMore), &[("n", &fmt_count(rest))])}</p> })}
                }
            }}
        </div>
    }
}
