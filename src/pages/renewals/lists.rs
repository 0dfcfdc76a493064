//! The lists the team works from: overdue renewals (within grace) and upcoming ones (within
//! the renewal window), with days to end, ARR, health and owner. Every row is there: the table
//! pages through them and exports them all.

use leptos::prelude::*;

use super::{ListLine, RenewalsModel, LIST_PAGE};
use crate::components::{Cell, Col, DataTable, LazyRows, Money, Row};
use crate::domain::dates::iso;
use crate::i18n::{band_label, fmt_count, Msg};
use crate::state::AppState;

#[component]
pub fn ListsSection(model: RenewalsModel) -> impl IntoView {
    view! {
        <div class="lr-lists">
            <RenewalList title=Msg::RenOverdueTitle list=model.overdue testid="overdue-list" table="overdue" file="renewals-overdue" />
            <RenewalList title=Msg::RenUpcomingTitle list=model.upcoming testid="upcoming-list" table="upcoming" file="renewals-upcoming" />
        </div>
    }
}

fn columns() -> Vec<Col> {
    vec![
        Col::name(Msg::ColAccount),
        Col::num(Msg::RenColEnd).class("col-end"),
        Col::num(Msg::RenColDaysToEnd),
        Col::num(Msg::ColArr),
        Col::text(Msg::ColHealth).class("lr-health"),
        Col::text(Msg::ColOwner),
    ]
}

#[component]
fn RenewalList(
    title: Msg,
    list: Memo<Vec<ListLine>>,
    testid: &'static str,
    /// The table's own test id, which names its pager and export buttons.
    table: &'static str,
    file: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let money = Money::new(state);
    // One money unit for the whole list; each row is made only when it is shown or exported.
    let arr = Memo::new(move |_| list.with(|lines| money.column(lines.iter().map(|l| l.row.arr))));
    let row = move |i: usize| {
        let unassigned = state.t(Msg::Unassigned);
        let arr = arr.get();
        list.with(|lines| {
            let line = lines.get(i)?;
            let r = &line.row;
            let health = r.health.map_or_else(|| "—".to_string(), |h| format!("{h:.0}"));
            let owner = if line.owner.is_empty() { unassigned.to_string() } else { line.owner.clone() };
            let late = if r.days_to_end < 0 { "late" } else { "" };
            Some(Row::new(
                r.account.to_string(),
                vec![
                    // Names are user text: rendered as text nodes, never as markup.
                    Cell::text(line.name.clone()),
                    Cell::text(iso(r.end)),
                    Cell::figure(r.days_to_end.to_string(), r.days_to_end as f64).class(late),
                    Cell::figure(arr.fmt(r.arr), r.arr),
                    Cell::text(format!("{health} {}", state.t(band_label(r.band))))
                        .class(format!("band-{}", r.band.key())),
                    Cell::text(owner),
                ],
            ))
        })
    };
    let rows = LazyRows::new(Signal::derive(move || list.with(Vec::len)), row);
    let total = move || list.with(Vec::len);
    view! {
        <section class="lr-panel" data-testid=testid data-total=total>
            <h2>{state.text(title)} " " <span class="count">{move || format!("({})", fmt_count(total()))}</span></h2>
            <DataTable cols=columns() lazy=rows page_size=LIST_PAGE export=file testid=table empty=Msg::RenListEmpty />
        </section>
    }
}
