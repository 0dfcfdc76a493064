//! A message after a change, with its undo: one toast at a time, gone after ten seconds.
//! Every page's toast is this one; styles beside it (toast.css).

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::state::AppState;

/// How long a toast (and its undo) stays.
const TOAST_MS: u64 = 10_000;

/// What undoes a change. A plain closure, not a `Callback`: an arena value would be disposed
/// with the view that made it (e.g. the Apply button, gone once the proposal is empty).
type UndoFn = Arc<dyn Fn() + Send + Sync>;

#[derive(Clone)]
struct Toast {
    text: String,
    undo: Option<UndoFn>,
    /// Tells toasts apart, so an old timer never closes a newer toast.
    serial: u64,
}

/// The toast of a page; `Copy`, so event handlers can hold it.
#[derive(Clone, Copy)]
pub struct Toaster {
    current: RwSignal<Option<Toast>>,
    next: StoredValue<u64>,
}

impl Default for Toaster {
    fn default() -> Self {
        Self::new()
    }
}

impl Toaster {
    pub fn new() -> Self {
        Toaster { current: RwSignal::new(None), next: StoredValue::new(0) }
    }

    /// Shows `text`.
    pub fn show(&self, text: String) {
        self.put(text, None);
    }

    /// Shows `text` with an Undo button that runs `undo` once.
    pub fn show_undo(&self, text: String, undo: impl Fn() + Send + Sync + 'static) {
        self.put(text, Some(Arc::new(undo)));
    }

    fn put(&self, text: String, undo: Option<UndoFn>) {
        self.next.update_value(|n| *n += 1);
        let serial = self.next.get_value();
        self.current.set(Some(Toast { text, undo, serial }));
    }

    pub fn close(&self) {
        self.current.set(None);
    }
}

#[component]
pub fn UndoToast(toaster: Toaster) -> impl IntoView {
    let state = expect_context::<AppState>();
    Effect::new(move |_| {
        if let Some(serial) = toaster.current.with(|t| t.as_ref().map(|t| t.serial)) {
            set_timeout(
                move || {
                    if toaster.current.try_with_untracked(|t| t.as_ref().map(|t| t.serial)).flatten() == Some(serial) {
                        toaster.current.set(None);
                    }
                },
                std::time::Duration::from_millis(TOAST_MS),
            );
        }
    });
    let undo = move |_| {
        if let Some(undo) = toaster.current.get_untracked().and_then(|t| t.undo) {
            undo();
        }
        toaster.close();
    };
    move || {
        toaster.current.get().map(|toast| {
            let has_undo = toast.undo.is_some();
            view! {
                <div class="toast" role="status" data-testid="toast">
                    <span>{toast.text}</span>
                    <Show when=move || has_undo>
                        <button type="button" class="btn small" on:click=undo data-testid="undo">{state.text(Msg::Undo)}</button>
                    </Show>
                    <button type="button" class="btn small" aria-label=state.text(Msg::Dismiss) on:click=move |_| toaster.close()>"×"</button>
                </div>
            }
        })
    }
}
