//! The Book page: every account, to find, sort, add, edit, assign and delete.

mod columns;
mod form;
mod import_mapping;
mod import_preview;
mod import_report;
mod import_run;
mod settle;
mod sorting;
mod table;
mod toolbar;
mod transfer;

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{Metric, Toaster, UndoToast};
use crate::domain::book_query::{filter_rows, order, BookFilter, SearchIndex, Sort};
use crate::i18n::{fmt_count, fmt_money, Msg};
use crate::state::AppState;

pub use columns::Column;
pub(crate) use import_preview::load_import;

/// Which account the form is open for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Editing {
    New,
    Existing(usize),
}

/// The page's own state, shared by its parts. All `Copy` handles.
#[derive(Clone, Copy)]
pub struct BookView {
    pub filter: RwSignal<BookFilter>,
    pub sort: RwSignal<Sort>,
    pub columns: RwSignal<Vec<Column>>,
    /// Selected account ids (ids survive sorting and deleting, indices do not).
    pub selected: RwSignal<HashSet<String>>,
    pub editing: RwSignal<Option<Editing>>,
    pub toaster: Toaster,
    /// Indices of the accounts shown, in order.
    pub rows: Memo<Vec<u32>>,
    /// When the table follows a change of the book (a task after the change).
    pub settled: settle::Settled,
}

#[component]
pub fn BookPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let index = Memo::new(move |_| state.book.with(SearchIndex::new));
    // A change of the book reaches the order and the table a task or two later (settle.rs).
    let settled = settle::Settled::new();
    let filter = RwSignal::new(BookFilter::default());
    let sort = RwSignal::new(Sort::default());
    // The order of the text column sorted by, ranked once per book and language; a change of
    // direction or of filter sorts by these ranks again without ranking anew.
    let sort_key = Memo::new(move |_| sort.with(|s| s.key));
    // The order of the text column sorted by. Ranked by the collator once per book and
    // language, and not before the first paint: until a column is ranked, `order` puts the
    // first rows in natural order (a stored 100,000-account book opens without waiting for
    // the collator), and the ranking runs after the frame that shows the page. Once ranked, a
    // change of the book is brought into the ranks (only the edited rows' values are placed)
    // in a task of its own after the edit (settle.rs).
    let ranked = RwSignal::new(0u32);
    let text_order = Memo::new(move |_| {
        ranked.track();
        let (key, lang) = (sort_key.get(), state.lang.get());
        if !key.is_text() {
            return None;
        }
        if sorting::is_ranked(key, lang) {
            settled.text.track();
            return state.book.with_untracked(|b| sorting::column_order(b, key, lang));
        }
        request_animation_frame(move || {
            set_timeout(
                move || {
                    if state.book.try_with_untracked(|b| sorting::column_order(b, key, lang)).is_some() {
                        ranked.try_update(|n| *n += 1);
                    }
                },
                std::time::Duration::ZERO,
            )
        });
        None
    });
    // Every account in the table's order: sorted again when the order, the as-of date or (a
    // task after the text column's order) the book changes, never for a keystroke in the
    // search box.
    let ordered = Memo::new(move |_| {
        let (as_of, sort) = (state.as_of.get(), sort.get());
        ranked.track();
        state.lang.track();
        settled.table.track();
        text_order.with_untracked(|text| {
            state.book.with_untracked(|b| {
                state.snapshot.with_untracked(|s| Arc::new(order(b, s, sort, as_of, text.as_deref())))
            })
        })
    });
    // The rows the filter lets through, in that order. A filter that narrows the last one (a
    // word typed further) looks only through the rows shown; the search index is built when
    // the first word is typed.
    let last = StoredValue::new(None::<(BookFilter, Arc<Vec<u32>>)>);
    let rows = Memo::new(move |shown: Option<&Vec<u32>>| {
        let all = ordered.get();
        let rows = filter.with(|f| {
            if f.is_everything() {
                return all.to_vec();
            }
            let narrows =
                last.with_value(|l| l.as_ref().is_some_and(|(lf, la)| Arc::ptr_eq(la, &all) && f.narrows(lf)));
            let from: &[u32] = match shown {
                Some(shown) if narrows => shown,
                _ => &all,
            };
            // The book as `ordered` took it (it moves in the same step).
            state.book.with_untracked(|b| {
                state.snapshot.with_untracked(|s| match f.text.trim().is_empty() {
                    true => filter_rows(from, b, s, &SearchIndex::default(), f),
                    false => index.with_untracked(|ix| filter_rows(from, b, s, ix, f)),
                })
            })
        });
        last.set_value(Some((filter.get_untracked(), all)));
        rows
    });
    let view = BookView {
        filter,
        sort,
        columns: RwSignal::new(columns::load()),
        selected: RwSignal::new(HashSet::new()),
        editing: RwSignal::new(None),
        toaster: Toaster::new(),
        rows,
        settled,
    };
    provide_context(view);
    settled.follow(
        state,
        move || text_order.with_untracked(|_| ()),
        // The search index, made ahead of the first keystroke.
        move || {
            let _ = index.try_with_untracked(|_| ());
        },
    );
    // A file waiting in the import preview.
    let pending = RwSignal::new(None::<transfer::Pending>);
    provide_context(pending);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(file) = transfer::first_file(ev.data_transfer().and_then(|d| d.files())) {
            transfer::read_file(file, pending);
        }
    };
    Effect::new(move |_| view.columns.with(|c| columns::save(c)));

    let totals = Memo::new(move |_| state.snapshot.with(|s| s.totals()));
    let money = move |v: f64| fmt_money(state.lang.get(), v, &state.settings.with(|s| s.currency.clone()));
    let empty = move || state.book.with(|b| b.accounts.is_empty());
    view! {
        <div class="book-page" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
        <h1>{state.text(Msg::NavBook)}</h1>
        <section class="metrics">
            <Metric key="book.accounts" label=Signal::derive(state.text(Msg::ColAccounts))
                value=Signal::derive(move || Some(totals.get().accounts as f64))
                display=Signal::derive(move || fmt_count(totals.get().accounts)) />
            <Metric key="book.active" label=Signal::derive(state.text(Msg::BookActive))
                value=Signal::derive(move || Some(totals.get().active as f64))
                display=Signal::derive(move || fmt_count(totals.get().active)) />
            <Metric key="book.arr" label=Signal::derive(state.text(Msg::BookArr))
                value=Signal::derive(move || Some(totals.get().arr))
                display=Signal::derive(move || money(totals.get().arr)) />
        </section>
        <transfer::TransferBar />
        <Show when=move || !empty() fallback=move || view! { <EmptyBook /> }>
            <toolbar::Toolbar />
            <toolbar::SelectionBar />
            <table::AccountTable />
        </Show>
        <form::AccountForm />
        <import_preview::ImportPreview />
        <UndoToast toaster=view.toaster />
        </div>
    }
}

/// What an empty book says: how to start.
#[component]
fn EmptyBook() -> impl IntoView {
    let state = expect_context::<AppState>();
    let view = expect_context::<BookView>();
    view! {
        <section class="empty-book" data-testid="empty-book">
            <h2>{state.text(Msg::BookEmptyTitle)}</h2>
            <p>{state.text(Msg::BookEmptyBody)}</p>
            <div class="empty-actions">
                <button type="button" class="btn primary" data-testid="add-account"
                    on:click=move |_| view.editing.set(Some(Editing::New))>
                    {state.text(Msg::BookAdd)}
                </button>
            </div>
        </section>
    }
}
