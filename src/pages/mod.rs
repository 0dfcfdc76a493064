//! The pages: thin views over memos of the book and settings.

mod board;
mod book;
pub mod capacity;
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

pub fn render(route: Route) -> AnyView {
    match route {
        Route::Book => view! { <book::BookPage /> }.into_any(),
        Route::Segments => view! { <segments::SegmentsPage /> }.into_any(),
        Route::Lifecycle => view! { <lifecycle::LifecyclePage /> }.into_any(),
        Route::Renewals => view! { <renewals::RenewalsPage /> }.into_any(),
        Route::Revenue => view! { <revenue::RevenuePage /> }.into_any(),
        Route::Capacity => view! { <capacity::CapacityPage /> }.into_any(),
        Route::Team => view! { <team::TeamPage /> }.into_any(),
        Route::Board => view! { <board::BoardPage /> }.into_any(),
        Route::Settings => view! { <settings::SettingsPage /> }.into_any(),
        Route::NotFound => view! { <not_found::NotFoundPage /> }.into_any(),
    }
}
