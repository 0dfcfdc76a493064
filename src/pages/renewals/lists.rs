//! The lists the team works from: overdue renewals (within grace) and upcoming ones (within
//! the renewal window), with days to end, ARR, health and owner.

use leptos::prelude::*;

use super::{CappedList, RenewalsModel};
use crate::domain::dates::iso;
use crate::i18n::{fmt_count, Msg};
use crate::pages::widgets::{band_msg, Money};
use crate::state::AppState;

#[component]
pub fn ListsSection(model: RenewalsModel) -> impl IntoView {
    view! {
        <div class="lr-lists">
            <RenewalList title=Msg::RenOverdueTitle list=model.overdue testid="overdue-list" />
            <RenewalList title=Msg::RenUpcomingTitle list=model.upcoming testid="upcoming-list" />
        </div>
    }
}

#[component]
fn RenewalList(title: Msg, list: Memo<CappedList>, testid: &'static str) -> impl IntoView {
    let state = expect_context::<AppState>();
    let money = Money::new(state);
    let rows = move || {
        list.get()
            .lines
            .into_iter()
            .map(|line| {
                let r = line.row;
                let health = r.health.map_or_else(|| "—".to_string(), |h| format!("{h:.0}"));
                let owner = if line.owner.is_empty() { state.t(Msg::RenUnassigned).to_string() } else { line.owner };
                view! {
                    <tr>
                        // Names are user text: rendered as text nodes, never as markup.
                        <th scope="row" class="name">{line.name}</th>
                        <td class="num col-end">{iso(r.end)}</td>
                        <td class="num" class:late=r.days_to_end < 0>{r.days_to_end}</td>
                        <td class="num">{money.fmt(r.arr)}</td>
                        <td class=format!("lr-health band-{}", r.band.key())>
                            <span class="dot" aria-hidden="true"></span>
                            {health} " " <span class="band-name">{state.t(band_msg(r.band))}</span>
                        </td>
                        <td>{owner}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let more = move || {
        list.with(|l| {
            (l.total > l.lines.len()).then(|| {
                state
                    .t(Msg::RenListMore)
                    .replace("{total}", &fmt_count(l.total))
                    .replace("{shown}", &fmt_count(l.lines.len()))
            })
        })
    };
    view! {
        <section class="lr-panel" data-testid=testid data-total=move || list.with(|l| l.total)>
            <h2>{state.text(title)} " " <span class="count">{move || format!("({})", fmt_count(list.with(|l| l.total)))}</span></h2>
            <Show when=move || list.with(|l| l.total > 0)
                fallback=move || view! { <p class="lr-help">{state.text(Msg::RenListEmpty)}</p> }>
                <div class="table-wrap">
                    <table class="data list">
                        <thead><tr>
                            <th scope="col">{state.text(Msg::RenColAccount)}</th>
                            <th scope="col" class="num col-end">{state.text(Msg::RenColEnd)}</th>
                            <th scope="col" class="num">{state.text(Msg::RenColDaysToEnd)}</th>
                            <th scope="col" class="num">{state.text(Msg::RenColArr)}</th>
                            <th scope="col">{state.text(Msg::RenColHealth)}</th>
                            <th scope="col">{state.text(Msg::RenColOwner)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {move || more().map(|text| view! { <p class="lr-help lr-more">{text}</p> })}
            </Show>
        </section>
    }
}
