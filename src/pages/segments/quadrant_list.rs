//! The accounts of the quadrant (or the unscored group) the reader clicked: largest ARR first,
//! every one of them, a page at a time, with the total and a CSV export. Names and owners are
//! the user's text and are only ever rendered as text.

use leptos::prelude::*;

use crate::domain::quadrant::Quadrant;
use crate::forms::tables::member_rows;
use crate::i18n::{Msg, Tpl};
use crate::state::AppState;

use super::quadrant::name_msg;
use super::widgets::score;
use super::SegmentsData;
use crate::components::{Cell, Col, DataTable, Money, Row};

/// Rows per page of the list.
const PAGE: usize = 25;

fn columns() -> Vec<Col> {
    vec![Col::name(Msg::SegColName), Col::text(Msg::ColOwner), Col::num(Msg::SegColArr), Col::num(Msg::ColFit)]
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Quadrant(Quadrant),
    Unscored,
}

#[component]
pub fn MemberList(selected: RwSignal<Option<Group>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<SegmentsData>();
    let money = Money::new(state);
    let rows = Memo::new(move |_| {
        let Some(group) = selected.get() else { return Vec::new() };
        let unassigned = state.t(Msg::Unassigned);
        let members = data.quadrants.with(|f| {
            let members = match group {
                Group::Quadrant(q) => &f.cell(q).members,
                Group::Unscored => &f.unscored.members,
            };
            state.book.with(|b| state.snapshot.with(|snap| member_rows(b, snap, members, members.len()).0))
        });
        let arr = money.column(members.iter().map(|r| r.arr));
        members
            .into_iter()
            .map(|r| {
                let owner = if r.owner.trim().is_empty() { unassigned.to_string() } else { r.owner.clone() };
                Row::new(
                    r.index.to_string(),
                    vec![
                        // Names are user text: rendered as text nodes, never as markup.
                        Cell::text(r.name),
                        Cell::text(owner),
                        Cell::figure(arr.fmt(r.arr), r.arr),
                        Cell::figure(score(r.fit), r.fit.unwrap_or(f64::NAN)),
                    ],
                )
            })
            .collect::<Vec<_>>()
    });
    let title = move || {
        let name = match selected.get() {
            Some(Group::Quadrant(q)) => state.t(name_msg(q)),
            Some(Group::Unscored) => state.t(Msg::SegUnscored),
            None => "",
        };
        state.tr(Tpl::SegListTitle { q: name })
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
                <p class="help">{state.text(Msg::SegListShown)}</p>
                // A new table for each group, so a list opens on its first page.
                {move || selected.get().map(|_| view! {
                    <DataTable cols=columns() rows=rows page_size=PAGE export="quadrant-accounts"
                        testid="quadrant-accounts" empty=Msg::SegListEmpty />
                })}
            </div>
        </Show>
    }
}
