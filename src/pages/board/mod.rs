//! The Board page (DOMAIN.md §6): the tier × stage matrix, and the priority list as of D.

mod matrix;
mod owner;
mod priority;

use leptos::prelude::*;

use crate::components::{Toaster, UndoToast};
use crate::domain::board::{board_facts, priority_list, PriorityRow};
use crate::domain::board_matrix::{tier_stage_matrix, Matrix};
use crate::domain::Book;
use crate::i18n::Msg;
use crate::state::AppState;

/// The page's figures, shared by its parts.
#[derive(Clone, Copy)]
pub struct BoardData {
    /// Whose board: `None` everyone's, `Some("")` the unassigned accounts, else one owner's.
    pub owner: RwSignal<Option<String>>,
    pub matrix: Memo<Matrix>,
    pub priority: Memo<Vec<PriorityRow>>,
    pub toaster: Toaster,
}

#[component]
pub fn BoardPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let owner = RwSignal::new(None::<String>);
    let keep = move |b: &Book, o: &Option<String>, i: usize| match o {
        None => true,
        Some(name) => b.accounts.get(i).is_some_and(|a| a.owner.trim() == name),
    };
    let matrix = Memo::new(move |_| {
        owner.with(|o| state.book.with(|b| state.snapshot.with(|s| tier_stage_matrix(s, |i| keep(b, o, i)))))
    });
    let tiers = state.tiers;
    let board = Memo::new(move |_| state.settings.with(|s| s.board.clone()));
    let all = Memo::new(move |_| {
        let facts = tiers.with(|t| state.book.with(|b| state.snapshot.with(|s| board_facts(b, s, t))));
        board.with(|settings| priority_list(&facts, state.as_of.get(), settings))
    });
    let priority = Memo::new(move |_| {
        owner.with(|o| match o {
            None => all.get(),
            Some(_) => {
                state.book.with(|b| all.with(|rows| rows.iter().filter(|r| keep(b, o, r.account)).cloned().collect()))
            }
        })
    });
    let data = BoardData { owner, matrix, priority, toaster: Toaster::new() };
    provide_context(data);
    let empty = move || state.book.with(|b| b.accounts.is_empty());
    view! {
        <div class="board-page">
            <h1>{state.text(Msg::NavBoard)}</h1>
            <Show when=move || !empty() fallback=move || view! {
                <p class="notice" data-testid="board-empty">{state.text(Msg::BoardEmptyBook)}</p>
            }>
                <owner::OwnerPicker />
                <matrix::TierStageMatrix />
                <priority::PriorityList />
            </Show>
            <UndoToast toaster=data.toaster />
        </div>
    }
}
