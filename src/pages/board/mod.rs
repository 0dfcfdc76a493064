//! The Board page (DOMAIN.md §6): the tier × stage matrix, and the priority list as of D.

mod matrix;
mod priority;

use leptos::prelude::*;

use crate::app::AppState;
use crate::components::{Toaster, UndoToast};
use crate::domain::board::{board_facts, priority_list, PriorityRow};
use crate::domain::board_matrix::{tier_stage_matrix, Matrix};
use crate::i18n::Msg;

/// The page's figures, shared by its parts.
#[derive(Clone, Copy)]
pub struct BoardData {
    pub matrix: Memo<Matrix>,
    pub priority: Memo<Vec<PriorityRow>>,
    pub toaster: Toaster,
}

#[component]
pub fn BoardPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let matrix = Memo::new(move |_| state.snapshot.with(tier_stage_matrix));
    let tiers = Memo::new(move |_| state.settings.with(|s| s.tiers.clone()));
    let board = Memo::new(move |_| state.settings.with(|s| s.board.clone()));
    let priority = Memo::new(move |_| {
        let facts = tiers.with(|t| state.book.with(|b| state.snapshot.with(|s| board_facts(b, s, t))));
        board.with(|settings| priority_list(&facts, state.as_of.get(), settings))
    });
    let data = BoardData { matrix, priority, toaster: Toaster::new() };
    provide_context(data);
    let empty = move || state.book.with(|b| b.accounts.is_empty());
    view! {
        <div class="board-page">
            <h1>{state.text(Msg::NavBoard)}</h1>
            <Show when=move || !empty() fallback=move || view! {
                <p class="notice" data-testid="board-empty">{state.text(Msg::BoardEmptyBook)}</p>
            }>
                <matrix::TierStageMatrix />
                <priority::PriorityList />
            </Show>
            <UndoToast toaster=data.toaster />
        </div>
    }
}
