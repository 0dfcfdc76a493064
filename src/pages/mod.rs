//! The pages: thin views over memos of the book and settings.

mod board;
mod book;
pub mod capacity;
mod kernels;
pub(crate) mod lazy;
mod lifecycle;
mod not_found;
mod renewals;
pub mod revenue;
pub mod segments;
mod settings;
mod team;
mod widgets;

use leptos::prelude::*;

use crate::route::Route;

pub use kernels::Kernels;

/// The page for a route. The Book (the first page) and "not found" are in the wasm the start
/// downloads; every other page's code is fetched the first time it is opened (lazy.rs).
pub fn render(route: Route) -> AnyView {
    match route {
        Route::Book => view! { <book::BookPage /> }.into_any(),
        Route::NotFound => view! { <not_found::NotFoundPage /> }.into_any(),
        route => lazy::when_loaded(|| Box::pin(load_pages()), move || lazy::now(draw(route)).and_then(Result::ok)),
    }
}

/// Fetches the chunks of the other pages and of the import preview ahead of need, so the first
/// visit to another page does not wait for the network. The start calls it once the first page
/// is shown and the browser is idle.
pub fn prefetch() {
    leptos::task::spawn_local(async {
        let _ = load_pages().await;
        let _ = book::load_import().await;
    });
}

lazy::split_fn!(
    pages,
    load_pages,
    fn draw(route: Route) {
        match route {
            Route::Segments => view! { <segments::SegmentsPage /> }.into_any(),
            Route::Lifecycle => view! { <lifecycle::LifecyclePage /> }.into_any(),
            Route::Renewals => view! { <renewals::RenewalsPage /> }.into_any(),
            Route::Revenue => view! { <revenue::RevenuePage /> }.into_any(),
            Route::Capacity => view! { <capacity::CapacityPage /> }.into_any(),
            Route::Team => view! { <team::TeamPage /> }.into_any(),
            Route::Board => view! { <board::BoardPage /> }.into_any(),
            Route::Settings => view! { <settings::SettingsPage /> }.into_any(),
            Route::Book | Route::NotFound => ().into_any(),
        }
    }
);
