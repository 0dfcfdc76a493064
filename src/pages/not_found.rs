use leptos::prelude::*;

use crate::app::AppState;
use crate::components::NavLink;
use crate::i18n::Msg;
use crate::route::Route;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <h1>{move || state.t(Msg::NotFoundTitle)}</h1>
        <p>{move || state.t(Msg::NotFoundBody)}</p>
        <p><NavLink route=Route::Book /></p>
    }
}
