//! The priority list as of D, grouped by reason in DOMAIN.md §6 order: overdue, renewal window,
//! health at risk, stalled kickoff, contact due. Each group says how many it holds, pages
//! through them and exports them; each row gives its reason in words and "contact done".

use std::sync::Arc;

use leptos::prelude::*;

use super::BoardData;
use crate::components::{Cell, CellButton, Col, DataTable, LazyRows, Money, Row};
use crate::domain::board::{group_counts, PriorityReason};
use crate::domain::dates::iso;
use crate::i18n::{fmt_count, reason_text, stage_label, t, tier_name, Msg, Tpl};
use crate::state::AppState;

/// Rows per page within a group: five groups of ten keep the page short.
const PAGE: usize = 10;

const GROUP_TITLES: [Msg; PriorityReason::GROUPS] = [
    Msg::StageOverdue,
    Msg::PriorityGroupRenewal,
    Msg::PriorityGroupRed,
    Msg::PriorityGroupStalled,
    Msg::PriorityGroupContact,
];

const EXPORT_NAMES: [&str; PriorityReason::GROUPS] =
    ["priority-overdue", "priority-renewal", "priority-red", "priority-stalled", "priority-contact"];

fn columns() -> Vec<Col> {
    vec![
        Col::num(Msg::ColRank).class("rank"),
        Col::name(Msg::ColAccount).class("acct"),
        Col::text(Msg::ColTierStage).class("tier"),
        Col::num(Msg::ColArr).class("arr"),
        Col::text(Msg::ColReason).class("reason"),
        Col::action(),
    ]
}

#[component]
pub fn PriorityList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<BoardData>();
    let total = move || data.priority.with(Vec::len);
    let counts = Memo::new(move |_| data.priority.with(|p| group_counts(p)));
    let help = move || state.tr(Tpl::BoardPriorityHelp { date: &iso(state.as_of.get()) });
    let summary = move || {
        let counts = counts.get();
        GROUP_TITLES
            .iter()
            .zip(counts)
            .enumerate()
            .map(|(g, (&title, n))| {
                view! {
                    <li data-testid="priority-group-count" data-group=PriorityReason::group_key(g) data-count=n class:zero=n == 0>
                        <button type="button" disabled=n == 0 on:click=move |_| jump_to(g)>{state.text(title)} " " <b>{fmt_count(n)}</b></button>
                    </li>
                }
            })
            .collect_view()
    };
    let groups = (0..PriorityReason::GROUPS).map(|g| view! { <PriorityGroup group=g /> }).collect_view();
    view! {
        <section class="card" data-testid="priority">
            <h2>{state.text(Msg::BoardPriorityTitle)}</h2>
            <p class="help">{help}</p>
            <Show when=move || total() != 0 fallback=move || view! { <p class="muted" data-testid="priority-empty">{state.text(Msg::PriorityEmpty)}</p> }>
                <p class="muted" data-metric="board.priority.count" data-value=move || total().to_string()>
                    {move || state.tr(Tpl::PriorityCount { n: &fmt_count(total()) })}
                </p>
                <ul class="pl-groups" aria-label=state.text(Msg::PriorityGroupsLabel)>{summary}</ul>
            </Show>
            {groups}
        </section>
    }
}

/// Scrolls the page to a group (a chip in the summary). Not a `#` link: the page has a
/// `<base>`, against which a fragment link would leave the page.
fn jump_to(group: usize) {
    let id = format!("pl-{}", PriorityReason::group_key(group));
    if let Some(el) = crate::web::document().and_then(|d| d.get_element_by_id(&id)) {
        el.scroll_into_view();
    }
}

/// One reason's rows, most urgent first, paged.
#[component]
fn PriorityGroup(group: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<BoardData>();
    let money = Money::new(state);
    let contacted = move |account: usize| {
        let as_of = state.as_of.get_untracked();
        if let Some(change) = state.mark_contacted(account) {
            let name =
                state.book.with_untracked(|b| b.accounts.get(account).map(|a| a.name.clone()).unwrap_or_default());
            let text = state.tr(Tpl::ContactDoneToast { name: &name, date: &iso(as_of) });
            data.toaster.show_undo(text, move || state.undo_contacted(&change));
        }
    };
    // The list's rows of this group (indices into the priority list) and their money unit;
    // a row is made only when it is shown or exported.
    let mine = Memo::new(move |_| {
        data.priority.with(|list| {
            list.iter().enumerate().filter(|(_, r)| r.reason.group() == group).map(|(i, _)| i).collect::<Vec<_>>()
        })
    });
    let arr = Memo::new(move |_| {
        mine.with(|mine| {
            data.priority.with(|list| {
                state.snapshot.with(|s| {
                    money.column(
                        mine.iter().filter_map(|&i| list.get(i).and_then(|r| s.views.get(r.account)).map(|v| v.arr)),
                    )
                })
            })
        })
    });
    let row = move |n: usize| {
        let lang = state.lang.get();
        let arr = arr.get();
        let i = mine.with(|m| m.get(n).copied())?;
        let row = data.priority.with(|list| list.get(i).cloned())?;
        state.book.with(|b| {
            state.snapshot.with(|s| {
                let a = b.accounts.get(row.account)?;
                let v = s.views.get(row.account)?;
                let tier = state
                    .settings
                    .with(|st| st.tiers.tiers.get(v.tier).map(|t| tier_name(t, lang).to_string()).unwrap_or_default());
                let owner =
                    if a.owner.trim().is_empty() { t(lang, Msg::Unassigned).to_string() } else { a.owner.clone() };
                let also =
                    row.also.iter().map(|r| reason_text(lang, *r)).collect::<Vec<_>>().join(t(lang, Msg::ReasonsJoin));
                let account = row.account;
                let done = CellButton {
                    label: Msg::ContactDone,
                    testid: "contact-done",
                    on_click: Arc::new(move || contacted(account)),
                };
                Some(
                    Row::new(
                        a.id.clone(),
                        vec![
                            Cell::count(n + 1),
                            Cell::text(a.name.clone()).sub(owner),
                            Cell::text(tier).sub(t(lang, stage_label(v.stage))),
                            Cell::figure(arr.fmt(v.arr), v.arr),
                            Cell::text(reason_text(lang, row.reason)).sub(also),
                            Cell::default().button(done),
                        ],
                    )
                    .testid("priority-row"),
                )
            })
        })
    };
    let n = move || mine.with(Vec::len);
    let rows = LazyRows::new(Signal::derive(n), row);
    let key = PriorityReason::group_key(group);
    view! {
        <Show when=move || n() != 0>
            <section class="pl-group" id=format!("pl-{key}") data-testid="priority-group" data-group=key data-count=n>
                <h3>{state.text(GROUP_TITLES[group])} " " <span class="count">{move || format!("({})", fmt_count(n()))}</span></h3>
                <DataTable cols=columns() lazy=rows.clone() page_size=PAGE export=EXPORT_NAMES[group] testid=key class="priority" />
            </section>
        </Show>
    }
}
