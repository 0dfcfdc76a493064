//! The message after a change, with its undo.

use leptos::prelude::*;

use super::BookView;
use crate::domain::book_edit::Removed;
use crate::domain::Book;
use crate::i18n::Msg;
use crate::state::AppState;

#[derive(Clone, Debug, PartialEq)]
pub enum UndoAction {
    Restore(Removed),
    /// The whole book before an import, a restore or the demo.
    Book(Book),
    /// (account id, owner before)
    Owners(Vec<(String, String)>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub text: String,
    pub undo: Option<UndoAction>,
    /// Tells toasts apart, so an old timer never closes a newer toast.
    serial: u64,
}

impl Toast {
    pub fn new(text: String, undo: Option<UndoAction>) -> Toast {
        Toast { text, undo, serial: (js_sys::Math::random() * 1e15) as u64 }
    }
}

/// How long a toast (and its undo) stays.
const TOAST_MS: u64 = 10_000;

#[component]
pub fn ToastView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let view = expect_context::<BookView>();
    Effect::new(move |_| {
        if let Some(serial) = view.toast.with(|t| t.as_ref().map(|t| t.serial)) {
            set_timeout(
                move || {
                    if view.toast.with_untracked(|t| t.as_ref().map(|t| t.serial)) == Some(serial) {
                        view.toast.set(None);
                    }
                },
                std::time::Duration::from_millis(TOAST_MS),
            );
        }
    });
    let undo = move |_| {
        if let Some(action) = view.toast.get_untracked().and_then(|t| t.undo) {
            match action {
                UndoAction::Restore(removed) => state.undo_delete(removed),
                UndoAction::Book(before) => state.replace_book(before),
                UndoAction::Owners(previous) => state.restore_owners(previous),
            }
        }
        view.toast.set(None);
    };
    move || {
        view.toast.get().map(|toast| {
            let has_undo = toast.undo.is_some();
            view! {
                <div class="toast" role="status" data-testid="toast">
                    <span>{toast.text}</span>
                    <Show when=move || has_undo>
                        <button type="button" class="btn small" on:click=undo data-testid="undo">{state.text(Msg::Undo)}</button>
                    </Show>
                    <button type="button" class="btn small" aria-label=state.text(Msg::Dismiss) on:click=move |_| view.toast.set(None)>"×"</button>
                </div>
            }
        })
    }
}
