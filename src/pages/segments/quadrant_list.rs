//! The accounts of the quadrant (or the unscored group) the reader clicked: largest ARR first,
//! at most `MAX_ROWS`, with a count of the rest. Names and owners are the user's text and are
//! only ever rendered as text.

use leptos::prelude::*;

use crate::domain::quadrant::Quadrant;
use crate::forms::tables::member_rows;
use crate::i18n::{fmt_count, Msg};
use crate::state::AppState;

use super::quadrant::name_msg;
use super::widgets::{fill, money, score};
use super::SegmentsData;

const MAX_ROWS: usize = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Quadrant(Quadrant),
    Unscored,
}

#[component]
pub fn MemberList(selected: RwSignal<Option<Group>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<SegmentsData>();
    let rows = Memo::new(move |_| {
        let group = selected.get()?;
        Some(data.quadrants.with(|f| {
            let members = match group {
                Group::Quadrant(q) => &f.cell(q).members,
                Group::Unscored => &f.unscored.members,
            };
            state.book.with(|b| state.snapshot.with(|snap| member_rows(b, snap, members, MAX_ROWS)))
        }))
    });
    let title = move || {
        let name = match selected.get() {
            Some(Group::Quadrant(q)) => state.t(name_msg(q)),
            Some(Group::Unscored) => state.t(Msg::SegUnscored),
            None => "",
        };
        fill(state.t(Msg::SegListTitle), &[("q", name.to_string())])
    };
    view! {
        <Show when=move || selected.get().is_some()>
            <div class="member-list" data-testid="quadrant-list">
                <div class="member-list-head">
                    <h3>{title}</h3>
                    <button type="button" class="btn small" on:click=move |_| selected.set(None)>
                        {state.text(Msg::SegListClose)}
                    </button>
                </div>
                {move || rows.with(|r| match r {
                    Some((rows, _)) if rows.is_empty() => view! {
                        <p class="muted">{state.t(Msg::SegListEmpty)}</p>
                    }.into_any(),
                    Some((rows, rest)) => {
                        let rest = *rest;
                        let body = rows.iter().map(|r| {
                            let owner = if r.owner.trim().is_empty() { state.t(Msg::SegUnassigned).to_string() } else { r.owner.clone() };
                            view! {
                                <tr>
                                    <th scope="row">{r.name.clone()}</th>
                                    <td>{owner}</td>
                                    <td class="num">{money(state, r.arr)}</td>
                                    <td class="num">{score(r.fit)}</td>
                                </tr>
                            }
                        }).collect_view();
                        view! {
                            <p class="help">{state.t(Msg::SegListShown)}</p>
                            <div class="table-wrap">
                                <table class="seg-table figures">
                                    <thead><tr>
                                        <th scope="col">{state.t(Msg::SegColName)}</th>
                                        <th scope="col">{state.t(Msg::SegColOwner)}</th>
                                        <th scope="col" class="num">{state.t(Msg::SegColArr)}</th>
                                        <th scope="col" class="num">{state.t(Msg::SegColFit)}</th>
                                    </tr></thead>
                                    <tbody>{body}</tbody>
                                </table>
                            </div>
                            {(rest > 0).then(|| view! {
                                <p class="muted">{fill(state.t(Msg::SegMoreRows), &[("n", fmt_count(rest))])}</p>
                            })}
                        }.into_any()
                    }
                    None => ().into_any(),
                })}
            </div>
        </Show>
    }
}
