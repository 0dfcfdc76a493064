//! Above the table: search, filters, column choice and "add"; and, when rows are selected,
//! what can be done to all of them at once.

use leptos::prelude::*;

use super::{BookView, Column, Editing};
use crate::domain::book_query::owners_and_industries;
use crate::domain::health::Band;
use crate::domain::lifecycle::Stage;
use crate::i18n::{band_label, fmt_count, stage_label, tier_name, Msg, Tpl};
use crate::state::AppState;
use crate::web;

/// `<select>` values: "" = any; for the owner, "\u{1}" = unassigned (no name can be that).
const UNASSIGNED: &str = "\u{1}";

#[component]
pub fn Toolbar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let view = expect_context::<BookView>();
    // In the language's order (pinyin for Chinese names), as the table sorts them.
    let lists = Memo::new(move |_| {
        let lang = state.lang.get();
        // The book as the table shows it (a change reaches both a task later).
        view.settled.table.track();
        let (owners, industries) = state.book.with_untracked(owners_and_industries);
        (web::collated(lang.tag(), owners), web::collated(lang.tag(), industries))
    });

    let tier_options = move || {
        let lang = state.lang.get();
        state.settings.with(|s| {
            s.tiers
                .tiers
                .iter()
                .enumerate()
                .map(|(i, tier)| view! { <option value=i.to_string()>{tier_name(tier, lang).to_string()}</option> })
                .collect_view()
        })
    };
    let owner_options = move || {
        lists.with(|(owners, _)| {
            owners.iter().map(|o| view! { <option value=o.clone()>{o.clone()}</option> }).collect_view()
        })
    };
    let industry_options = move || {
        lists.with(|(_, inds)| {
            inds.iter().map(|o| view! { <option value=o.clone()>{o.clone()}</option> }).collect_view()
        })
    };

    view! {
        <div class="toolbar" role="search">
            <input type="search" class="search" data-testid="book-search"
                placeholder=state.text(Msg::BookSearch) aria-label=state.text(Msg::BookSearch)
                prop:value=move || view.filter.with(|f| f.text.clone())
                on:input=move |ev| { let v = event_target_value(&ev); view.filter.update(|f| f.text = v) } />
            <select data-testid="filter-tier" aria-label=state.text(Msg::ColTier)
                on:change=move |ev| { let v = event_target_value(&ev); view.filter.update(|f| f.tier = v.parse().ok()) }>
                <option value="">{state.text(Msg::FilterAnyTier)}</option>
                {tier_options}
            </select>
            <select data-testid="filter-industry" aria-label=state.text(Msg::ColIndustry)
                on:change=move |ev| { let v = event_target_value(&ev); view.filter.update(|f| f.industry = (!v.is_empty()).then_some(v)) }>
                <option value="">{state.text(Msg::FilterAnyIndustry)}</option>
                {industry_options}
            </select>
            <select data-testid="filter-owner" aria-label=state.text(Msg::ColOwner)
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    view.filter.update(|f| f.owner = match v.as_str() { "" => None, UNASSIGNED => Some(String::new()), _ => Some(v) })
                }>
                <option value="">{state.text(Msg::FilterAnyOwner)}</option>
                <option value=UNASSIGNED>{state.text(Msg::Unassigned)}</option>
                {owner_options}
            </select>
            <select data-testid="filter-stage" aria-label=state.text(Msg::ColStage)
                on:change=move |ev| { let v = event_target_value(&ev); view.filter.update(|f| f.stage = Stage::ALL.into_iter().find(|s| s.key() == v)) }>
                <option value="">{state.text(Msg::FilterAnyStage)}</option>
                {Stage::ALL.into_iter().map(|s| view! { <option value=s.key()>{move || state.t(stage_label(s))}</option> }).collect_view()}
            </select>
            <select data-testid="filter-health" aria-label=state.text(Msg::ColHealth)
                on:change=move |ev| { let v = event_target_value(&ev); view.filter.update(|f| f.band = Band::ALL.into_iter().find(|b| b.key() == v)) }>
                <option value="">{state.text(Msg::FilterAnyHealth)}</option>
                {Band::ALL.into_iter().map(|b| view! { <option value=b.key()>{move || state.t(band_label(b))}</option> }).collect_view()}
            </select>
            <ColumnChooser />
            <button type="button" class="btn primary" data-testid="add-account"
                on:click=move |_| view.editing.set(Some(Editing::New))>
                {state.text(Msg::BookAdd)}
            </button>
        </div>
    }
}

#[component]
fn ColumnChooser() -> impl IntoView {
    let state = expect_context::<AppState>();
    let view = expect_context::<BookView>();
    view! {
        <details class="columns">
            <summary class="btn">{state.text(Msg::Columns)}</summary>
            <div class="columns-list">
                {Column::ALL.into_iter().filter(|c| *c != Column::Name).map(|col| view! {
                    <label>
                        <input type="checkbox" prop:checked=move || view.columns.with(|cs| cs.contains(&col))
                            on:change=move |_| view.columns.update(|cs| {
                                if let Some(p) = cs.iter().position(|c| *c == col) {
                                    cs.remove(p);
                                } else {
                                    // Keep the table's order, whatever the order of clicks.
                                    cs.push(col);
                                    crate::domain::sort::sort_by_key(cs, |c| Column::ALL.iter().position(|x| x == c));
                                }
                            }) />
                        {move || state.t(col.label())}
                    </label>
                }).collect_view()}
            </div>
        </details>
    }
}

#[component]
pub fn SelectionBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let view = expect_context::<BookView>();
    let owner = RwSignal::new(String::new());
    let count = move || view.selected.with(|s| s.len());
    let assign = move |_| {
        let ids = view.selected.get_untracked();
        let name = owner.get_untracked();
        let previous: Vec<(String, String)> = state.book.with_untracked(|b| {
            b.accounts.iter().filter(|a| ids.contains(&a.id)).map(|a| (a.id.clone(), a.owner.clone())).collect()
        });
        let n = state.assign_owner(&ids, &name);
        view.toaster.show_undo(state.tr(Tpl::AssignedToast { n: &fmt_count(n) }), move || {
            state.restore_owners(previous.clone())
        });
    };
    let delete = move |_| {
        let ids = view.selected.get_untracked();
        let removed = state.delete_accounts(&ids);
        let n = ids.len();
        view.selected.set(Default::default());
        view.toaster
            .show_undo(state.tr(Tpl::DeletedToast { n: &fmt_count(n) }), move || state.undo_delete(removed.clone()));
    };
    let owners =
        Memo::new(move |_| web::collated(state.lang.get().tag(), state.book.with(|b| owners_and_industries(b).0)));
    view! {
        <Show when=move || { count() != 0 }>
            <div class="selection-bar" role="group" data-testid="selection-bar">
                <strong>{move || state.tr(Tpl::SelectedCount { n: &fmt_count(count()) })}</strong>
                <input type="text" list="owner-names" data-testid="assign-owner-name"
                    placeholder=state.text(Msg::AssignOwnerPlaceholder) aria-label=state.text(Msg::AssignOwnerPlaceholder)
                    prop:value=move || owner.get() on:input=move |ev| owner.set(event_target_value(&ev)) />
                <datalist id="owner-names">
                    {move || owners.get().into_iter().map(|o| view! { <option value=o></option> }).collect_view()}
                </datalist>
                <button type="button" class="btn" on:click=assign data-testid="assign-owner">{state.text(Msg::AssignOwner)}</button>
                <button type="button" class="btn danger" on:click=delete data-testid="delete-selected">{state.text(Msg::DeleteSelected)}</button>
                <button type="button" class="btn" on:click=move |_| view.selected.set(Default::default())>{state.text(Msg::ClearSelection)}</button>
            </div>
        </Show>
    }
}
