//! The priority list as of D: each row with its reason in words, and "contact done".

use leptos::prelude::*;

use super::BoardData;
use crate::domain::dates::iso;
use crate::i18n::{fill, fmt_count, fmt_money, reason_text, stage_label, tier_name, Msg};
use crate::state::AppState;

/// Rows shown at first, and added by each "show more".
const PAGE: usize = 200;

#[component]
pub fn PriorityList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<BoardData>();
    let shown = RwSignal::new(PAGE);
    let total = move || data.priority.with(|p| p.len());
    let money = move |v: f64| fmt_money(state.lang.get(), v, &state.settings.with(|s| s.currency.clone()));
    let contacted = move |account: usize| {
        let as_of = state.as_of.get_untracked();
        if let Some(change) = state.mark_contacted(account) {
            let name =
                state.book.with_untracked(|b| b.accounts.get(account).map(|a| a.name.clone()).unwrap_or_default());
            let text = fill(state.t(Msg::ContactDoneToast), &[("name", &name), ("date", &iso(as_of))]);
            data.toaster.show_undo(text, move || state.undo_contacted(&change));
        }
    };
    let rows = move || {
        let lang = state.lang.get();
        let tiers = state.settings.with(|s| s.tiers.tiers.clone());
        let rows = data.priority.with(|p| p.iter().take(shown.get()).cloned().collect::<Vec<_>>());
        state.book.with(|b| state.snapshot.with(|s| {
            rows.into_iter().enumerate().filter_map(|(n, row)| {
                let a = b.accounts.get(row.account)?;
                let v = *s.views.get(row.account)?;
                let tier = tiers.get(v.tier).map(|t| tier_name(t, lang).to_string()).unwrap_or_default();
                let owner = if a.owner.trim().is_empty() { state.t(Msg::FilterUnassigned).to_string() } else { a.owner.clone() };
                let also = row.also.iter().map(|r| reason_text(lang, *r)).collect::<Vec<_>>().join("；");
                let account = row.account;
                Some(view! {
                    <tr data-testid="priority-row" data-account=a.id.clone()>
                        <td class="num muted rank">{n + 1}</td>
                        <td class="acct"><span class="name">{a.name.clone()}</span><span class="sub muted">{owner}</span></td>
                        <td class="tier">{tier}<span class="sub muted">{state.text(stage_label(v.stage))}</span></td>
                        <td class="num arr">{money(v.arr)}</td>
                        <td class="reason">
                            <span>{reason_text(lang, row.reason)}</span>
                            {(!also.is_empty()).then(|| view! { <span class="sub muted">{also}</span> })}
                        </td>
                        <td class="act"><button type="button" class="btn small" data-testid="contact-done" on:click=move |_| contacted(account)>
                            {state.text(Msg::ContactDone)}
                        </button></td>
                    </tr>
                })
            }).collect_view()
        }))
    };
    let help = move || fill(state.t(Msg::BoardPriorityHelp), &[("date", &iso(state.as_of.get()))]);
    view! {
        <section class="card" data-testid="priority">
            <h2>{state.text(Msg::BoardPriorityTitle)}</h2>
            <p class="help">{help}</p>
            <Show when=move || total() != 0 fallback=move || view! { <p class="muted" data-testid="priority-empty">{state.text(Msg::PriorityEmpty)}</p> }>
                <p class="muted" data-metric="board.priority.count" data-value=move || total().to_string()>
                    {move || if total() > shown.get() {
                        fill(state.t(Msg::PriorityShowing), &[("shown", &fmt_count(shown.get())), ("total", &fmt_count(total()))])
                    } else {
                        fill(state.t(Msg::PriorityCount), &[("n", &fmt_count(total()))])
                    }}
                </p>
                <div class="table-wrap">
                    <table class="data priority">
                        <thead><tr>
                            <th class="num">"#"</th>
                            <th>{state.text(Msg::MoveAccount)}</th>
                            <th>{state.text(Msg::ColTier)}" · "{state.text(Msg::ColStage)}</th>
                            <th class="num">{state.text(Msg::ColArr)}</th>
                            <th>{state.text(Msg::ColReason)}</th>
                            <th></th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <Show when=move || { total() > shown.get() }>
                    <button type="button" class="btn" data-testid="priority-more" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {move || fill(state.t(Msg::ShowMore), &[("n", &fmt_count(PAGE.min(total().saturating_sub(shown.get()))))])}
                    </button>
                </Show>
            </Show>
        </section>
    }
}
