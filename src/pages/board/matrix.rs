//! The tier × stage matrix (a cross-tab of buttons, so its own markup in the table's look); a
//! cell opens the list of its accounts, paged, with the total and a CSV export.

use leptos::prelude::*;

use super::BoardData;
use crate::components::{data_value, Cell, Col, DataTable, Money, Row};
use crate::domain::lifecycle::Stage;
use crate::i18n::{fmt_count, stage_label, tier_name, Msg, Tpl};
use crate::state::AppState;

/// Rows per page of a cell's list.
const LIST_PAGE: usize = 25;

#[component]
pub fn TierStageMatrix() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<BoardData>();
    let open = RwSignal::new(None::<(usize, Stage)>);
    let money = Money::new(state);
    let heads = move || {
        Stage::ALL
            .into_iter()
            .map(|s| view! { <th scope="col" class="num">{state.text(stage_label(s))}</th> })
            .collect_view()
    };
    let rows = move || {
        let lang = state.lang.get();
        let tiers = state.settings.with(|s| s.tiers.tiers.clone());
        // One unit per column: each stage's cells, and the active totals.
        let (units, total_unit) = data.matrix.with(|m| {
            let arr = |ti: usize, stage: Stage| m.cell(ti, stage).map_or(0.0, |c| c.arr);
            let units: Vec<_> = Stage::ALL.map(|stage| money.column((0..tiers.len()).map(|ti| arr(ti, stage)))).into();
            (units, money.column((0..tiers.len()).map(|ti| m.active_row(ti).1)))
        });
        tiers.iter().enumerate().map(|(ti, tier)| {
            let name = tier_name(tier, lang).to_string();
            let cells = Stage::ALL.into_iter().zip(&units).map(|(stage, unit)| {
                let (n, arr) = data.matrix.with(|m| m.cell(ti, stage).map_or((0, 0.0), |c| (c.accounts.len(), c.arr)));
                let selected = move || open.get() == Some((ti, stage));
                view! {
                    <td class="cell" class:empty=n == 0 data-metric=format!("board.{ti}.{}.accounts", stage.key()) data-value=n.to_string()>
                        <button type="button" class="cell-btn" disabled=n == 0 aria-pressed=move || selected().to_string()
                            data-testid=format!("cell-{ti}-{}", stage.key())
                            on:click=move |_| open.set(if selected() { None } else { Some((ti, stage)) })>
                            <span class="cell-count">{fmt_count(n)}</span>
                            <span class="cell-arr">{unit.fmt(arr)}</span>
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
                        <span class="cell-count">{fmt_count(n)}</span><span class="cell-arr">{total_unit.fmt(arr)}</span>
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
                <table class="dt-table matrix">
                    <thead><tr>
                        <th scope="col">{state.text(Msg::ColTier)}</th>
                        {heads}
                        <th scope="col" class="num">{state.text(Msg::BoardActiveTotal)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {move || open.get().map(|(ti, stage)| view! { <CellList tier=ti stage=stage close=Callback::new(move |_| open.set(None)) /> })}
        </section>
    }
}

/// The accounts of one cell: every one, a page at a time, with the total and a CSV export.
#[component]
fn CellList(tier: usize, stage: Stage, close: Callback<()>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<BoardData>();
    let money = Money::new(state);
    let accounts = move || data.matrix.with(|m| m.cell(tier, stage).map_or(0, |c| c.accounts.len()));
    let title = move || {
        let lang = state.lang.get();
        let name = state
            .settings
            .with(|s| s.tiers.tiers.get(tier).map(|t| tier_name(t, lang).to_string()).unwrap_or_default());
        state.tr(Tpl::BoardCellTitle { tier: &name, stage: state.t(stage_label(stage)), n: &fmt_count(accounts()) })
    };
    let rows = Memo::new(move |_| {
        let unassigned = state.t(Msg::Unassigned);
        let list = data.matrix.with(|m| m.cell(tier, stage).map(|c| c.accounts.clone()).unwrap_or_default());
        state.book.with(|b| {
            state.snapshot.with(|s| {
                let arr_of = |i: usize| s.views.get(i).map_or(0.0, |v| v.arr);
                let arr = money.column(list.iter().map(|&i| arr_of(i)));
                list.iter()
                    .filter_map(|&i| {
                        let a = b.accounts.get(i)?;
                        let owner = if a.owner.trim().is_empty() { unassigned.to_string() } else { a.owner.clone() };
                        Some(Row::new(
                            a.id.clone(),
                            vec![
                                Cell::text(a.name.clone()),
                                Cell::text(owner),
                                Cell::figure(arr.fmt(arr_of(i)), arr_of(i)),
                            ],
                        ))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let cols = vec![Col::name(Msg::ColAccount), Col::text(Msg::ColOwner), Col::num(Msg::ColArr)];
    view! {
        <div class="cell-list" data-testid="cell-list" role="region" aria-label=title>
            <div class="cell-list-head">
                <h3>{title}</h3>
                <button type="button" class="btn small" aria-label=state.text(Msg::Dismiss) on:click=move |_| close.run(())>"×"</button>
            </div>
            <DataTable cols=cols rows=rows page_size=LIST_PAGE export="board-cell" testid="cell-accounts" />
        </div>
    }
}
